//! A read-only store following the writer: picking up what the other duban saves (its
//! journal lines as they arrive, or the rewritten file), and taking over as the writer once
//! that duban has quit.

use std::fs;
use std::time::Duration;

use super::journal::{self, journal_path};
use super::{BaseId, Journal, ReadOnly, State, Store, StoreError};
use crate::plan::ReqId;

/// What [`Store::follow`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Followed {
    /// Nothing new on disk.
    Unchanged,
    /// The writer journaled edits of these requirements; they are applied.
    Edited(Vec<ReqId>),
    /// The file was rewritten; the state is its new content.
    Reloaded,
}

impl Store {
    /// Bring `state` up to what is on disk now: cheap when nothing changed (two `stat`s);
    /// new journal lines are applied; a rewritten file is loaded whole. For a read-only
    /// store, whose state holds no edits of its own.
    pub fn follow(&self, state: &mut State) -> Result<Followed, StoreError> {
        let (fingerprint, known_len) = {
            let shared = self.shared();
            let fingerprint = shared.base.as_ref().and_then(|b| b.fingerprint);
            let known_len = match shared.journal {
                Journal::Active { len, .. } => len,
                _ => 0,
            };
            (fingerprint, known_len)
        };
        let rewritten = match (fingerprint, fs::metadata(&self.file)) {
            (Some(f), Ok(meta)) => !f.same_stat(&meta),
            (None, Ok(_)) => true,
            (_, Err(_)) => false,
        };
        if rewritten {
            return Ok(match self.load()? {
                Some(mut newer) => {
                    // Stay on the plan being shown, while the file still has it.
                    let _ = newer.focus(&state.name);
                    *state = newer;
                    Followed::Reloaded
                }
                None => Followed::Unchanged,
            });
        }
        let on_disk = fs::metadata(journal_path(&self.file)).map_or(0, |m| m.len());
        let Some(fingerprint) = fingerprint.filter(|_| on_disk != known_len) else {
            return Ok(Followed::Unchanged);
        };
        let problem = |problem| StoreError::Unreadable {
            path: journal_path(&self.file),
            problem,
        };
        let Some(mut replay) = journal::read(&self.file).map_err(problem)? else {
            return Ok(Followed::Unchanged);
        };
        if replay.base != Some(BaseId::from(fingerprint)) || replay.len == known_len {
            // Written for a newer file not yet renamed into place, or only a torn tail so
            // far: the next look sees it.
            return Ok(Followed::Unchanged);
        }
        // Replaying from the start is the same as applying only the new lines: the state
        // is the file plus an earlier part of this very journal.
        let mut edited = Vec::new();
        for e in &mut replay.entries {
            state.plan.derive_one(&mut e.after);
            let Some(r) = state.plan.get_mut(e.after.id) else {
                continue;
            };
            if *r != e.after {
                r.clone_from(&e.after);
                edited.push(e.after.id);
            }
        }
        edited.sort_unstable();
        edited.dedup();
        self.shared().journal = Journal::Active {
            len: replay.len,
            writer: None,
        };
        Ok(Followed::Edited(edited))
    }

    /// For a read-only store: become the writer if the other duban has let go of the lock
    /// (quit or crashed). Returns whether it did; the store then saves normally, holding the
    /// lock until the last clone of it is dropped. Reload the state afterwards: the other
    /// writer's last save may not have been seen yet.
    pub fn take_over(&self) -> Result<bool, StoreError> {
        // Only another writer's lock goes away by itself; an unwritable file stays so.
        let Some(ReadOnly::Locked { holder }) = self.read_only() else {
            return Ok(false);
        };
        match self.lock(Duration::ZERO) {
            Ok(lock) => {
                let mut shared = self.shared();
                shared.read_only = None;
                shared.held = Some(lock);
                Ok(true)
            }
            Err(StoreError::Locked { pid, .. }) => {
                // Another duban may have become the writer meanwhile: name it.
                self.set_read_only(pid.or(holder));
                Ok(false)
            }
            Err(e) => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Status;
    use crate::plan::model::one_item_plan;

    fn state() -> State {
        let cell = ("市政府办公室", "2021年9月30日前");
        State::new(one_item_plan("类别", &[cell; 3]))
    }

    fn at() -> chrono::NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2021, 9, 20)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .expect("time")
    }

    /// The writer changes requirement `n` to `to` and saves the edit as the dashboard does.
    fn edit(writer: &Store, state: &mut State, n: u32, to: Status) {
        let id = ReqId::new(1, 1, n);
        let r = state.plan.get_mut(id).expect("requirement");
        let before = r.clone();
        r.set_status(to, at());
        writer.save_edit(state, &[before]).expect("saved");
    }

    #[test]
    fn a_reader_picks_up_journal_lines_and_rewrites_and_takes_over_when_the_writer_quits() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.json");
        let writer = Store::new(&path).journal_from(0);
        let lock = writer.lock(Duration::ZERO).expect("writer's lock");
        let mut ours = state();
        writer.save(&ours).expect("first save");

        let reader = Store::new(&path);
        reader.set_read_only(Some(1));
        let mut seen = reader.load().expect("load").expect("exists");
        assert_eq!(reader.follow(&mut seen).expect("look"), Followed::Unchanged);

        edit(&writer, &mut ours, 2, Status::Doing);
        assert!(writer.journaled().is_some());
        let two = ReqId::new(1, 1, 2);
        assert_eq!(
            reader.follow(&mut seen).expect("look"),
            Followed::Edited(vec![two])
        );
        edit(&writer, &mut ours, 3, Status::Blocked);
        let three = ReqId::new(1, 1, 3);
        assert_eq!(
            reader.follow(&mut seen).expect("look"),
            Followed::Edited(vec![three]),
            "only what is new"
        );
        assert_eq!(seen, ours);

        writer.compact(&mut ours).expect("folded in");
        assert_eq!(reader.follow(&mut seen).expect("look"), Followed::Reloaded);
        assert_eq!(seen, ours);
        assert_eq!(reader.follow(&mut seen).expect("look"), Followed::Unchanged);

        assert!(!reader.take_over().expect("try"), "still held");
        assert!(reader.read_only().is_some());
        drop(lock);
        assert!(reader.take_over().expect("try"));
        assert!(reader.read_only().is_none());
        assert!(
            writer.lock(Duration::ZERO).is_err(),
            "the reader holds the lock now"
        );
        edit(&reader, &mut seen, 1, Status::Done);
        let reloaded = Store::new(&path).load().expect("load").expect("exists");
        assert_eq!(reloaded, seen);
    }
}
