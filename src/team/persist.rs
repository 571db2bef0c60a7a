//! The dashboard saves through the team store: each edit is one transaction on the rows it
//! changed, with the version check ([`super::edit`]). A clash writes nothing: the workspace
//! is reloaded (the clashed row as its author left it) and the edit is kept here, for the
//! user to re-apply on their version or drop (see `App::clashed`). Every later edit saves
//! on its own: a clash blocks nothing else. While the server is out of reach an edit goes
//! to the outbox instead ([`super::outbox`]), sent once it is back.

use std::sync::{MutexGuard, PoisonError};

use crate::app::{Kept, Link, Persist, Remote};
use crate::plan::{ReqId, Requirement};
use crate::store::{ReadOnly, SaveReport, State, StoreError};

use super::outbox::Entry;
use super::{Clash, TeamError, TeamStore, edit};

/// An edit a clash kept: the requirement before it, with it, and the clash.
#[derive(Debug, Clone)]
pub struct KeptEdit {
    plan: String,
    before: Requirement,
    mine: Requirement,
    clash: Clash,
}

impl KeptEdit {
    pub(super) fn new(plan: String, before: Requirement, mine: Requirement, clash: Clash) -> Self {
        KeptEdit {
            plan,
            before,
            mine,
            clash,
        }
    }
}

impl TeamStore {
    fn kept_edits(&self) -> MutexGuard<'_, Vec<KeptEdit>> {
        self.inner
            .kept
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Save the edit of the requirements `before` lists (as they were before it): only their
    /// rows, in one checked transaction (a new requirement saves the whole workspace). On a
    /// clash `state` becomes the store's and the edit is kept.
    pub fn save_edit(&self, state: &mut State, before: &[Requirement]) -> Result<(), TeamError> {
        self.save_or_keep(state, before, false)
    }

    /// `again`: the edits are kept ones being re-applied (a clash updates them).
    fn save_or_keep(
        &self,
        state: &mut State,
        before: &[Requirement],
        again: bool,
    ) -> Result<(), TeamError> {
        if !self.connected() {
            return self.to_outbox(state, before, again);
        }
        let ids: Vec<ReqId> = before.iter().map(|r| r.id).collect();
        let saved = {
            let mut base = self.base();
            let user = self.inner.user.as_deref();
            edit::save_requirements(&mut self.client(), &mut base, state, &ids, user)
        };
        let saved = match saved {
            Some(saved) => saved,
            None => self.save_whole(state),
        };
        match &saved {
            Err(TeamError::Clash(clash)) => self.keep(state, before, clash, again)?,
            // The server went away under the save (whether a commit under way landed is
            // not known: the outbox entry sent later recognises its own edit).
            Err(_) if !self.alive() => {
                self.lose();
                return self.to_outbox(state, before, again);
            }
            _ => {}
        }
        saved
    }

    /// Save the whole workspace; while the server is out of reach that cannot wait in the
    /// outbox: nothing is saved, and the state is not replaced on reconnecting, so that
    /// quitting saves it.
    fn save_whole(&self, state: &State) -> Result<(), TeamError> {
        let whole = std::sync::atomic::Ordering::SeqCst;
        if !self.connected() {
            self.inner.whole_pending.store(true, whole);
            return Err(TeamError::Disconnected);
        }
        let saved = self.save(state);
        if saved.is_err() && !matches!(saved, Err(TeamError::Clash(_))) && !self.alive() {
            self.lose();
            self.inner.whole_pending.store(true, whole);
            return Err(TeamError::Disconnected);
        }
        saved
    }

    /// The edit of `before`'s requirements, durably in the outbox (one entry each, with the
    /// version it was made on) before it counts as saved. When it cannot be, it is only in
    /// memory: reconnecting then keeps the state instead of reloading it.
    fn to_outbox(
        &self,
        state: &State,
        before: &[Requirement],
        again: bool,
    ) -> Result<(), TeamError> {
        let kept = self.outbox_edit(state, before, again);
        if kept.is_err() {
            self.inner
                .whole_pending
                .store(true, std::sync::atomic::Ordering::SeqCst);
        }
        kept
    }

    fn outbox_edit(
        &self,
        state: &State,
        before: &[Requirement],
        again: bool,
    ) -> Result<(), TeamError> {
        if again {
            // A kept edit is re-applied on the requirement as it is now: that needs the server.
            return Err(TeamError::Disconnected);
        }
        let mut entries = Vec::new();
        for b in before {
            let key = (state.name.clone(), b.id.canonical().to_string());
            let (Some(version), Some(mine)) = (
                self.base().reqs.get(&key).map(|b| b.version),
                state.plan.get(b.id),
            ) else {
                // A requirement the server does not have yet: that needs the server.
                return Err(TeamError::Disconnected);
            };
            if mine != b {
                entries.push(Entry {
                    plan: key.0,
                    id: key.1,
                    version,
                    before: b.clone(),
                    mine: mine.clone(),
                    held: false,
                    refused: None,
                });
            }
        }
        let mut outbox = self.outbox();
        let outbox = outbox
            .as_mut()
            .map_err(|e| TeamError::Refused(format!("outbox {e}")))?;
        let mut all = outbox.entries().to_vec();
        all.extend(entries);
        outbox
            .replace(all)
            .map_err(|e| TeamError::Refused(format!("outbox {e}")))
    }

    /// An outbox entry that clashed: kept, or merged into the kept edit of its requirement.
    pub(super) fn keep_sent(&self, k: KeptEdit) {
        let mut kept = self.kept_edits();
        match kept
            .iter_mut()
            .find(|old| old.plan == k.plan && old.mine.id == k.mine.id)
        {
            Some(old) => {
                old.mine = k.mine;
                old.clash = k.clash;
            }
            None => kept.push(k),
        }
    }

    /// Keep the edit of `before`'s requirements and reload `state` from the store, on the
    /// plan it shows.
    fn keep(
        &self,
        state: &mut State,
        before: &[Requirement],
        clash: &Clash,
        again: bool,
    ) -> Result<(), TeamError> {
        let plan = state.name.clone();
        let mine: Vec<(Requirement, Requirement)> = before
            .iter()
            .filter_map(|b| Some((b.clone(), state.plan.get(b.id)?.clone())))
            .filter(|(b, m)| b != m)
            .collect();
        if let Some(mut fresh) = self.load()? {
            // The plan may be gone meanwhile: then the first one is shown.
            let _ = fresh.focus(&plan);
            *state = fresh;
        }
        let mut kept = self.kept_edits();
        for (before, mine) in mine {
            // A kept edit clashing again (re-applied on a version that changed meanwhile):
            // still the user's own edit, from where it first started.
            if let Some(k) = kept
                .iter_mut()
                .find(|k| again && k.plan == plan && k.mine.id == mine.id)
            {
                k.clash = clash.clone();
                continue;
            }
            kept.push(KeptEdit {
                plan: plan.clone(),
                before,
                mine,
                clash: clash.clone(),
            });
        }
        Ok(())
    }

    /// Make every kept edit again on the requirement as it is now in `state`, and save them
    /// (each plan's in one transaction). A new clash keeps them again.
    pub fn reapply(&self, state: &mut State) -> Result<(), TeamError> {
        let kept = self.kept_edits().clone();
        let shown = state.name.clone();
        let mut result = Ok(());
        let mut plans: Vec<String> = kept.iter().map(|k| k.plan.clone()).collect();
        plans.dedup();
        for plan in plans {
            let mine = |k: &&KeptEdit| k.plan == plan;
            if state.focus(&plan).is_err() {
                // The plan was removed meanwhile: nothing to make the edit on.
                self.kept_edits().retain(|k| k.plan != plan);
                continue;
            }
            let mut before = Vec::new();
            for k in kept.iter().filter(mine) {
                let Some(theirs) = state.plan.get(k.mine.id).cloned() else {
                    continue; // Removed meanwhile.
                };
                let merged = edit::reapply(&k.before, &k.mine, &theirs);
                if let Some(r) = state.plan.get_mut(k.mine.id) {
                    *r = merged;
                }
                before.push(theirs);
            }
            // A new clash keeps the edit again, from where it first started (see `keep`).
            match self.save_or_keep(state, &before, true) {
                Ok(()) => {
                    self.kept_edits().retain(|k| k.plan != plan);
                    self.release(Some(&plan))?;
                }
                Err(e) => result = Err(e),
            }
        }
        let _ = state.focus(&shown);
        result
    }
}

impl TeamStore {
    /// Forget the outbox entries a kept edit held (it was re-applied or dropped).
    fn release(&self, plan: Option<&str>) -> Result<(), TeamError> {
        match self.outbox().as_mut() {
            Ok(o) => o
                .release(plan)
                .map_err(|e| TeamError::Refused(format!("outbox {e}"))),
            Err(_) => Ok(()),
        }
    }

    /// An edit that had not been saved when someone else's change to its requirement came
    /// in: kept for re-applying on theirs.
    pub(super) fn keep_unsaved(&self, plan: &str, before: Requirement, mine: Requirement) {
        let clash = Clash {
            what: format!("{plan}:{}", mine.id),
            by: None,
            login: None,
            status: None,
            at: None,
        };
        self.kept_edits().push(KeptEdit {
            plan: plan.to_string(),
            before,
            mine,
            clash,
        });
    }
}

impl Persist for TeamStore {
    fn save(&mut self, state: &State) -> Result<(), StoreError> {
        self.save_whole(state).map_err(team)
    }

    fn location(&self) -> String {
        TeamStore::location(self)
    }

    /// A leader's login may only read (see `roles`): the dashboard refuses edits up front.
    fn read_only(&self) -> Option<ReadOnly> {
        (self.role() == Some(super::roles::Role::Leader)).then_some(ReadOnly::Leader)
    }

    fn liaison(&self) -> Option<Vec<String>> {
        self.liaison_units()
    }

    fn save_edit(
        &mut self,
        state: &mut State,
        before: &[Requirement],
    ) -> Result<SaveReport, StoreError> {
        TeamStore::save_edit(self, state, before).map_err(team)?;
        Ok(SaveReport::default())
    }

    fn kept(&self) -> Vec<Kept> {
        self.kept_edits()
            .iter()
            .map(|k| Kept {
                plan: k.plan.clone(),
                id: k.mine.id,
                by: k
                    .clash
                    .by
                    .clone()
                    .or_else(|| k.clash.login.clone())
                    .unwrap_or_default(),
                at: k.clash.at,
            })
            .collect()
    }

    fn reapply(&mut self, state: &mut State) -> Result<SaveReport, StoreError> {
        TeamStore::reapply(self, state).map_err(team)?;
        Ok(SaveReport::default())
    }

    fn listen(&mut self) -> Result<(), StoreError> {
        TeamStore::listen(self).map_err(team)
    }

    fn remote(&mut self, state: &mut State) -> Result<Vec<Remote>, StoreError> {
        TeamStore::remote(self, state).map_err(team)
    }

    fn drop_kept(&mut self) -> usize {
        let n = std::mem::take(&mut *self.kept_edits()).len();
        // Dropped is dropped: a failure to rewrite the outbox shows the edit again next time.
        let _ = self.release(None);
        n
    }

    fn link(&self) -> Option<Link> {
        self.listener().as_ref().map(|l| Link {
            connected: l.connected(),
            pending: self.pending(),
        })
    }
}

#[allow(clippy::needless_pass_by_value)] // used as `map_err(team)`
fn team(e: TeamError) -> StoreError {
    StoreError::Team {
        en: e.to_string(),
        zh: e.localized(crate::i18n::Lang::Zh),
    }
}
