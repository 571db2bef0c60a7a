//! Whole rewrites of the state file: the atomic replace, the backup, the journal retired.

use std::fs;
use std::io;
use std::path::PathBuf;

use super::changes::{Fingerprint, content_hash};
use super::parse::{parse, serialize};
use super::shared::{Base, Journal};
use super::{State, Store, StoreError, backup_path, journal, journal_path, write};
use crate::plan::{ReqId, Requirement};

impl Store {
    /// Write the whole state, replacing whatever the file holds (import, snapshot: the
    /// caller loaded it moments ago under the lock). See [`Store::save_changes`] for edits.
    pub fn save(&self, state: &State) -> Result<(), StoreError> {
        self.save_whole(state).map(drop)
    }

    /// [`Store::save`], returning where clashing edits of a stale journal were put.
    pub(super) fn save_whole(
        &self,
        state: &State,
    ) -> Result<Option<(Vec<ReqId>, PathBuf)>, StoreError> {
        self.refuse_if_read_only()?;
        self.writing(|| self.save_whole_locked(state))
    }

    pub(super) fn save_whole_locked(
        &self,
        state: &State,
    ) -> Result<Option<(Vec<ReqId>, PathBuf)>, StoreError> {
        let bytes = serialize(state).map_err(|e| self.save_error(e))?;
        // Removing the journal below must not lose the edits only it holds.
        let clashing = std::mem::take(&mut self.shared().stale_conflicts);
        let conflicts = if clashing.is_empty() {
            None
        } else {
            let refs: Vec<&Requirement> = clashing.iter().collect();
            match self.write_conflict(&refs) {
                Ok(file) => Some((clashing.iter().map(|r| r.id).collect(), file)),
                Err(e) => {
                    self.shared().stale_conflicts = clashing;
                    return Err(e);
                }
            }
        };
        let fingerprint = self.write(&bytes)?;
        // Everything journaled is in the file now; a journal that cannot be removed is
        // stale (its base is gone) and harmless. A damaged one is kept, moved aside.
        let aside = match &self.shared().journal {
            Journal::Damaged { aside } => Some(aside.clone()),
            _ => None,
        };
        let retired = match aside {
            Some(aside) => fs::rename(journal_path(&self.file), aside),
            None => journal::remove(&self.file),
        };
        let mut shared = self.shared();
        shared.base = Some(Base {
            fingerprint: Some(fingerprint),
            json: Some(bytes),
        });
        shared.journal = match retired {
            Ok(()) => Journal::Absent,
            Err(_) => std::mem::take(&mut shared.journal),
        };
        shared.originals.clear();
        shared.rewrite_due = false;
        Ok(conflicts)
    }

    /// The atomic replace itself; returns the new file's fingerprint.
    pub(super) fn write(&self, bytes: &[u8]) -> Result<Fingerprint, StoreError> {
        if let Some(dir) = self.file.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir).map_err(|e| self.save_error(e))?;
        }
        // Only a file that loads is worth keeping as the backup. The one we loaded or saved
        // last is known to; anything else is parsed to find out.
        let known = self.shared().base.as_ref().and_then(|b| b.fingerprint);
        let good = match (known, fs::metadata(&self.file)) {
            (Some(f), Ok(meta)) if f.same_stat(&meta) => true,
            (_, Ok(_)) => fs::read(&self.file).is_ok_and(|old| {
                known.map(|f| f.hash) == Some(content_hash(&old)) || parse(&old).is_ok()
            }),
            (_, Err(_)) => false,
        };
        // A symbolic link was resolved at `new`: this replaces the file it points to and
        // leaves the link as it is.
        let mode = write::companion_mode(&self.file);
        write::replace(&self.file, &self.file, bytes, good, mode)
            .map_err(|e| self.save_error(e))?;
        let meta = fs::metadata(&self.file).ok();
        Ok(Fingerprint::of(bytes, meta.as_ref()))
    }

    /// The problem, plus how to recover when a backup exists.
    pub(super) fn unreadable(&self, problem: &str) -> StoreError {
        let bak = backup_path(&self.file);
        let problem = if bak.is_file() {
            format!(
                "{problem}\nThe file was left as it was. The previous good version is {}: \
                 check it, then copy it over the state file to recover",
                bak.display(),
            )
        } else {
            format!("{problem}\nThe file was left as it was.")
        };
        StoreError::Unreadable {
            path: self.file.clone(),
            problem,
        }
    }

    pub(super) fn save_error(&self, error: io::Error) -> StoreError {
        StoreError::Save {
            path: self.file.clone(),
            error,
        }
    }
}
