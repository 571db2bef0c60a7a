//! Saving the dashboard's edits: appended to the journal ([`super::journal`]) on a large
//! plan, the whole file rewritten otherwise; and replaying a journal on load.

use std::fs;

use super::journal::{BaseId, Entry, Replay, Writer, journal_path};
use super::{Journal, SaveReport, State, Store, StoreError};
use crate::plan::Requirement;

impl Store {
    /// Apply a journal written against the file as loaded: its edits are ours, made since the
    /// file was last written.
    pub(super) fn replay(&self, state: &mut State, replay: &Replay) -> Result<(), StoreError> {
        for e in &replay.entries {
            let Some(r) = state.plan.get_mut(e.after.id) else {
                return Err(StoreError::Unreadable {
                    path: journal_path(&self.file),
                    problem: format!(
                        "edits requirement {}, which the state file does not have; the journal \
                         was left as it was",
                        e.after.id
                    ),
                });
            };
            r.clone_from(&e.after);
        }
        let mut shared = self.shared();
        for (before, _) in replay.net() {
            shared.originals.insert(before.id, before.clone());
        }
        if let Some(base) = &mut shared.base {
            // The state is no longer the file's content; the originals say what changed.
            base.json = None;
        }
        shared.journal = Journal::Active {
            len: replay.len,
            writer: None,
        };
        Ok(())
    }

    /// A journal written against another content of the file: left behind by a writer killed
    /// after rewriting the file (its edits are all there already), or the file was replaced
    /// by another program. Each edit is applied where the file still holds what it started
    /// from; one that clashes goes to a conflict file at the next save.
    pub(super) fn replay_stale(&self, state: &mut State, replay: &Replay) {
        let mut shared = self.shared();
        for (before, after) in replay.net() {
            match state.plan.get_mut(after.id) {
                Some(current) if current == after => {}
                Some(current) if current == before => {
                    current.clone_from(after);
                    shared.originals.insert(before.id, before.clone());
                }
                _ => shared.stale_conflicts.push(after.clone()),
            }
        }
        if let Some(base) = &mut shared.base {
            base.json = None;
        }
        shared.journal = Journal::Stale;
    }

    /// Save the edit of the requirements `before` lists (as they were before it) made to the
    /// state last loaded or saved. From [`JOURNAL_FROM`] up, the edit is appended to the
    /// journal, a small synced write whatever the plan's size; otherwise, or when the file
    /// changed on disk meanwhile, this is [`Store::save_changes`].
    pub fn save_edit(
        &self,
        state: &mut State,
        before: &[Requirement],
    ) -> Result<SaveReport, StoreError> {
        self.refuse_if_read_only()?;
        {
            let mut shared = self.shared();
            for b in before {
                shared.originals.entry(b.id).or_insert_with(|| b.clone());
            }
        }
        if self.append_edit(state, before) {
            return Ok(SaveReport::default());
        }
        let saved = self.save_changes(state);
        self.shared().rewrite_due = saved.is_err();
        saved
    }

    /// While edits wait in a journal for [`Store::compact`]: the state file's size, what
    /// folding them in rewrites.
    pub fn journaled(&self) -> Option<u64> {
        let shared = self.shared();
        if matches!(shared.journal, Journal::Absent) && shared.stale_conflicts.is_empty() {
            return None;
        }
        Some(
            shared
                .base
                .as_ref()
                .and_then(|b| b.fingerprint)
                .map_or(0, |f| f.len()),
        )
    }

    /// Fold the journal into the state file (a whole rewrite); nothing to do without one.
    pub fn compact(&self, state: &mut State) -> Result<SaveReport, StoreError> {
        if self.journaled().is_some() && self.read_only().is_none() {
            self.save_changes(state)
        } else {
            Ok(SaveReport::default())
        }
    }

    /// Append the edit to the journal when that is how this file is saved and the file is as
    /// we left it. `false`: save the whole state instead (a journal that cannot be written
    /// is given up, and removed by that save).
    fn append_edit(&self, state: &State, before: &[Requirement]) -> bool {
        // Held for the append (a library user without its own lock); the dashboard has one.
        let _lock = if self.holds_lock() {
            None
        } else {
            match self.lock(super::CLI_LOCK_WAIT) {
                Ok(lock) => Some(lock),
                Err(_) => return false,
            }
        };
        let mut shared = self.shared();
        let Some(fingerprint) = shared.base.as_ref().and_then(|b| b.fingerprint) else {
            return false;
        };
        let starting = match shared.journal {
            Journal::Absent => true,
            Journal::Active { .. } => false,
            Journal::Stale | Journal::Damaged { .. } => return false,
        };
        // Journal entries name requirements by id alone, which is unique only within a plan.
        if state.several()
            || (starting && fingerprint.len() < shared.journal_from)
            || shared.rewrite_due
            || !shared.stale_conflicts.is_empty()
            || !fs::metadata(&self.file).is_ok_and(|m| fingerprint.same_stat(&m))
        {
            return false;
        }
        let entries: Vec<Entry> = before
            .iter()
            .filter_map(|b| {
                let after = state.plan.get(b.id)?.clone();
                Some(Entry {
                    before: b.clone(),
                    after,
                })
            })
            .collect();
        let appended = match &mut shared.journal {
            Journal::Active { len, writer } => {
                let open = match writer {
                    Some(w) => Ok(w),
                    None => Writer::open(&self.file, *len).map(|w| writer.insert(w)),
                };
                open.and_then(|w| {
                    w.append(entries)?;
                    *len = w.len();
                    Ok(None)
                })
            }
            _ => Writer::create(&self.file, BaseId::from(fingerprint)).and_then(|mut w| {
                w.append(entries)?;
                Ok(Some(w))
            }),
        };
        let Ok(created) = appended else {
            shared.journal = Journal::Stale;
            return false;
        };
        if let Some(w) = created {
            shared.journal = Journal::Active {
                len: w.len(),
                writer: Some(w),
            };
        }
        if let Some(base) = &mut shared.base {
            // The originals serve from here on; drop the file's bytes.
            base.json = None;
        }
        true
    }
}
