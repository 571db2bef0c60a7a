//! Where the workspace lives for a command: the JSON state file or the team store. Every
//! command goes through these few calls, so each works the same on either.

use std::time::Duration;

use crate::store::{JournalDamage, Lock, SaveReport, State, Store};
use crate::team::TeamStore;

use super::context::CliError;

#[derive(Debug, Clone)]
pub enum Backend {
    File(Store),
    Team(TeamStore),
}

impl Backend {
    /// The JSON file's writer lock; the team store takes none (its saves are transactions
    /// checked row by row).
    pub fn lock(&self, wait: Duration) -> Result<Option<Lock>, CliError> {
        match self {
            Backend::File(store) => Ok(Some(store.lock(wait)?)),
            Backend::Team(_) => Ok(None),
        }
    }

    /// `None` when there is no state yet (no file, or a team store without plans).
    pub fn load(&self) -> Result<Option<State>, CliError> {
        Ok(match self {
            Backend::File(store) => store.load()?,
            Backend::Team(team) => team.load()?,
        })
    }

    /// Record the built-in plan, not read from the store, as the base of the next save (the
    /// team store's base is already the empty store its load found).
    pub fn assume_absent(&self, state: &State) {
        if let Backend::File(store) = self {
            store.assume_absent(state);
        }
    }

    /// Write the state (the team store: what changed since the load, checked).
    pub fn save(&self, state: &State) -> Result<(), CliError> {
        match self {
            Backend::File(store) => store.save(state)?,
            Backend::Team(team) => team.save(state)?,
        }
        Ok(())
    }

    /// Save edits (see [`Store::save_changes`]); on the team store a row someone else
    /// changed meanwhile fails the save, naming who.
    pub fn save_changes(&self, state: &mut State) -> Result<SaveReport, CliError> {
        match self {
            Backend::File(store) => Ok(store.save_changes(state)?),
            Backend::Team(team) => {
                team.save(state)?;
                Ok(SaveReport::default())
            }
        }
    }

    /// For messages: the state file's path, or `team store user@host/dbname`.
    pub fn location(&self) -> String {
        match self {
            Backend::File(store) => store.path().display().to_string(),
            Backend::Team(team) => team.location(),
        }
    }

    /// See [`Store::take_damage`].
    pub fn take_damage(&self) -> Option<JournalDamage> {
        match self {
            Backend::File(store) => store.take_damage(),
            Backend::Team(_) => None,
        }
    }

    /// The folder relative evidence paths are taken from: the state file's, or the
    /// current one for the team store.
    pub fn evidence_dir(&self) -> &std::path::Path {
        let here = std::path::Path::new(".");
        match self {
            Backend::File(store) => store
                .path()
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(here),
            Backend::Team(_) => here,
        }
    }

    pub fn file(&self) -> Option<&Store> {
        match self {
            Backend::File(store) => Some(store),
            Backend::Team(_) => None,
        }
    }
}
