//! The dashboard saves through the team store: each edit is one transaction with the
//! version check. A clash (or a lost connection) fails that save: the dashboard shows it in
//! the status line and keeps the edit in memory (see `App::save_by`); quitting with it
//! unsaved writes a rescue file.

use crate::app::Persist;
use crate::store::{ReadOnly, State, StoreError};

use super::TeamStore;

impl Persist for TeamStore {
    fn save(&mut self, state: &State) -> Result<(), StoreError> {
        TeamStore::save(self, state).map_err(|e| StoreError::Team(e.to_string()))
    }

    fn location(&self) -> String {
        TeamStore::location(self)
    }

    /// A leader's login may only read (see `roles`): the dashboard refuses edits up front.
    fn read_only(&self) -> Option<ReadOnly> {
        (self.role() == Some(super::roles::Role::Leader)).then_some(ReadOnly::Leader)
    }
}
