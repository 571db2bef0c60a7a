//! The JSON state file: versioned schema, atomic save, load with clear errors.
//!
//! What it promises (README "Your data"):
//! - The file is only ever replaced atomically ([`write`]); the version it replaces is kept
//!   as `state.json.bak`; temp files of a killed writer are removed by the next writer.
//! - One writer at a time: writers hold `state.json.lock` ([`lock`]); every write takes it.
//! - A symbolic link is followed once, at [`Store::new`]: every companion file sits beside
//!   the real file, so two paths to it share one lock ([`access`]). New files are 0600; an
//!   existing file's mode is kept and copied to its companions.
//! - A file or directory that may not be written makes the store read-only ([`ReadOnly`]).
//! - A file changed on disk since it was loaded (a sync tool, a hand edit) is not overwritten
//!   blindly: [`Store::save_changes`] re-applies the edit to the newer file, or keeps both.
//! - A file that exists but cannot be used (unreadable, bad JSON, a newer schema) is reported
//!   as [`StoreError::Unreadable`] and never overwritten: callers load before they save.
//!   Older schemas are migrated ([`migrate`]).
//! - On a large plan the dashboard's edits are appended to a journal beside the file
//!   ([`journal`]) and folded into it later; every load replays it, up to a damaged line.

mod access;
mod changes;
mod damage;
mod edits;
mod follow;
mod hand;
mod journal;
mod lock;
mod migrate;
mod parse;
mod rescue;
mod state;
mod write;

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError, Weak};
use std::time::Duration;

use access::Resolved;
pub use access::Unwritable;
pub use changes::SaveReport;
use changes::{Fingerprint, content_hash};
pub use damage::JournalDamage;
pub use follow::Followed;
pub use journal::journal_path;
use journal::{BaseId, Writer};
pub use lock::{Lock, lock_path};
use parse::{parse, serialize};
pub use rescue::write_rescue;
pub use state::{PlanState, State, WorkspaceError, check_name, default_name};
pub use write::{NEW_FILE_MODE, backup_path};

use crate::i18n::Lang;
use crate::plan::{ReqId, Requirement};

pub const SCHEMA_VERSION: u32 = 3;

/// The file name inside the platform data directory.
pub const FILE_NAME: &str = "state.json";

/// How long a CLI edit waits for another writer to finish.
pub const CLI_LOCK_WAIT: Duration = Duration::from_secs(2);

/// State files from this size up have the dashboard's edits journaled instead of rewritten
/// (about 2,000 requirements; a whole rewrite below it takes a few milliseconds).
pub const JOURNAL_FROM: u64 = 1 << 20;

/// Each message names its path once: the I/O errors are part of the text, not a `source`
/// that `{:#}` would print a second time.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {problem}")]
    Unreadable { path: PathBuf, problem: String },
    #[error("{path}: cannot save: {error}; the file on disk was left as it was")]
    Save { path: PathBuf, error: io::Error },
    #[error("{path} is being edited by another duban ({}); try again when it has finished", holder(*.pid))]
    Locked { path: PathBuf, pid: Option<u32> },
    #[error("{path}: cannot take the lock: {error}")]
    Lock { path: PathBuf, error: io::Error },
    #[error("{path}: cannot save: {}; nothing was written", .why.describe(Lang::En))]
    NotWritable { path: PathBuf, why: Unwritable },
    #[error(
        "{path} is a symbolic link to {}, which does not exist; duban does not create it \
         (restore what it points to, or remove the link)", .target.display()
    )]
    Dangling { path: PathBuf, target: PathBuf },
    /// The team store refused or failed a save (a clash names who changed what); the
    /// dashboard keeps the edit in memory.
    #[error("{0}")]
    Team(String),
}

fn holder(pid: Option<u32>) -> String {
    pid.map_or_else(|| "pid unknown".into(), |p| format!("pid {p}"))
}

/// The state file as this process last knew it: its fingerprint (`None`: no file) and, until
/// the first journaled edit, its content — the base an edit is re-applied against when the
/// file changed meanwhile. Kept as JSON bytes (parsed only on that rare path) rather than a
/// second `State`; once edits are journaled, [`Shared::originals`] serves instead.
#[derive(Debug, Clone)]
struct Base {
    fingerprint: Option<Fingerprint>,
    json: Option<Vec<u8>>,
}

/// The journal beside the state file, as far as this process knows.
#[derive(Debug, Default)]
enum Journal {
    /// None on disk (or not known to be).
    #[default]
    Absent,
    /// Applies to the file as last loaded or written; complete lines end at `len`. Opened for
    /// appending on the first edit.
    Active { len: u64, writer: Option<Writer> },
    /// On disk but not to be appended to (its base is another file content, or an append
    /// failed): the next whole rewrite removes it.
    Stale,
    /// Damaged at a line: what came before is applied; the next whole rewrite moves it to
    /// `aside` instead of removing it, so the rest is not lost.
    Damaged { aside: PathBuf },
}

#[derive(Debug)]
struct Shared {
    base: Option<Base>,
    /// Set when this store may not save.
    read_only: Option<ReadOnly>,
    journal: Journal,
    /// Each requirement edited through [`Store::save_edit`] since the file was last written,
    /// as it was before the first such edit.
    originals: HashMap<ReqId, Requirement>,
    /// Edits of a stale journal that clash with the file: written to a conflict file by the
    /// next save, before the journal holding them is removed.
    stale_conflicts: Vec<Requirement>,
    /// See [`JOURNAL_FROM`].
    journal_from: u64,
    /// The lock taken by [`Store::take_over`], held as long as the store.
    held: Option<Lock>,
    /// Alive while a [`Lock`] this store took is held: the store is the writer.
    lock_token: Weak<()>,
    /// A whole rewrite failed: edits may be in memory only, so the next save must be whole
    /// too (appending just that edit would leave the earlier ones out).
    rewrite_due: bool,
    /// The last load found a damaged journal; taken by [`Store::take_damage`].
    damage: Option<JournalDamage>,
}

impl Default for Shared {
    fn default() -> Self {
        Shared {
            base: None,
            read_only: None,
            journal: Journal::Absent,
            originals: HashMap::new(),
            stale_conflicts: Vec::new(),
            journal_from: JOURNAL_FROM,
            held: None,
            lock_token: Weak::new(),
            rewrite_due: false,
            damage: None,
        }
    }
}

/// Why this store may not save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOnly {
    /// Another process (`holder`, when it wrote its pid) is the writer.
    Locked { holder: Option<u32> },
    /// The file or its directory may not be written.
    NotWritable(Unwritable),
}

/// The state file at one path. Clones share what was loaded, so any of them can save.
#[derive(Debug, Clone)]
pub struct Store {
    /// As given (`--state`), for showing.
    path: PathBuf,
    /// The real file: `path`, or where its symbolic link points (resolved once, at
    /// [`Store::new`]). Every read and write, and every companion file, uses this path.
    file: PathBuf,
    /// `path` is a symbolic link to this missing path: loading and locking fail.
    dangling: Option<PathBuf>,
    shared: Arc<Mutex<Shared>>,
}

impl Store {
    pub fn new(path: impl Into<PathBuf>) -> Self {
        let path = path.into();
        let (file, dangling) = match access::resolve(&path) {
            Resolved::File(file) => (file, None),
            Resolved::Dangling { target } => (path.clone(), Some(target)),
        };
        Store {
            path,
            file,
            dangling,
            shared: Arc::default(),
        }
    }

    /// `state.json` in the platform data directory (`~/.local/share/duban/` on Linux);
    /// `None` when the platform has no home directory to put it in.
    pub fn default_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "duban").map(|d| d.data_dir().join(FILE_NAME))
    }

    /// The path as given.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The real file the path stands for (a symbolic link followed); its companions
    /// (`lock_path(store.file())`, …) are beside it.
    pub fn file(&self) -> &Path {
        &self.file
    }

    fn shared(&self) -> std::sync::MutexGuard<'_, Shared> {
        self.shared.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn refuse_if_dangling(&self) -> Result<(), StoreError> {
        match &self.dangling {
            Some(target) => Err(StoreError::Dangling {
                path: self.path.clone(),
                target: target.clone(),
            }),
            None => Ok(()),
        }
    }

    /// Become the one writer: take `state.json.lock`, waiting up to `wait` for another holder,
    /// then remove temp files a killed writer left. Hold the returned lock while editing.
    /// A file or directory that may not be written is [`StoreError::NotWritable`], found
    /// before anything (the lock file included) is created.
    pub fn lock(&self, wait: Duration) -> Result<Lock, StoreError> {
        self.refuse_if_dangling()?;
        let not_writable = |why| StoreError::NotWritable {
            path: self.file.clone(),
            why,
        };
        access::check(&self.file).map_err(not_writable)?;
        let lock = lock::acquire(&self.file, wait).map_err(|e| match e {
            StoreError::Lock { error, .. } => match access::from_lock_error(&self.file, &error) {
                Some(why) => not_writable(why),
                None => StoreError::Lock {
                    path: lock_path(&self.file),
                    error,
                },
            },
            other => other,
        })?;
        self.shared().lock_token = Arc::downgrade(&lock.token);
        write::remove_stray_temps(&self.file);
        Ok(lock)
    }

    /// For the dashboard: become the writer, or else open read-only — because another duban
    /// is the writer, or because the file may not be written. `None`: read-only.
    pub fn open_writer(&self) -> Result<Option<Lock>, StoreError> {
        match self.lock(Duration::ZERO) {
            Ok(lock) => Ok(Some(lock)),
            Err(StoreError::Locked { pid, .. }) => {
                self.set_read_only(pid);
                Ok(None)
            }
            Err(StoreError::NotWritable { why, .. }) => {
                self.shared().read_only = Some(ReadOnly::NotWritable(why));
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// Whether a lock this store took is held now.
    fn holds_lock(&self) -> bool {
        self.shared().lock_token.strong_count() > 0
    }

    /// Run a write holding the lock: the caller's, or one taken for just this write (a
    /// library user saving without [`Store::lock`]). Temp files are made only this way.
    fn writing<T>(&self, f: impl FnOnce() -> Result<T, StoreError>) -> Result<T, StoreError> {
        let _lock = if self.holds_lock() {
            None
        } else {
            Some(self.lock(CLI_LOCK_WAIT)?)
        };
        f()
    }

    /// Another process (`pid`) is the writer: every save is refused from now on.
    pub fn set_read_only(&self, pid: Option<u32>) {
        self.shared().read_only = Some(ReadOnly::Locked { holder: pid });
    }

    /// Set when this store may not save.
    pub fn read_only(&self) -> Option<ReadOnly> {
        self.shared().read_only.clone()
    }

    /// Journal the dashboard's edits from this state file size up (default [`JOURNAL_FROM`];
    /// `0`: always, as tests and `DUBAN_JOURNAL_FROM=0` do).
    #[must_use]
    pub fn journal_from(self, bytes: u64) -> Self {
        self.shared().journal_from = bytes;
        self
    }

    /// `None` when the file does not exist yet. Edits journaled beside it are applied, up to
    /// a damaged line ([`Store::take_damage`] then says so).
    pub fn load(&self) -> Result<Option<State>, StoreError> {
        self.refuse_if_dangling()?;
        let bytes = match fs::read(&self.file) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                self.forget(None);
                return Ok(None);
            }
            Err(e) => return Err(self.unreadable(&format!("cannot read: {e}"))),
        };
        let meta = fs::metadata(&self.file).ok();
        let mut state = parse(&bytes).map_err(|problem| self.unreadable(&problem))?;
        let fingerprint = Fingerprint::of(&bytes, meta.as_ref());
        self.forget(Some(Base {
            fingerprint: Some(fingerprint),
            json: Some(bytes),
        }));
        let replay = journal::read(&self.file).map_err(|problem| StoreError::Unreadable {
            path: journal_path(&self.file),
            problem,
        })?;
        if let Some(mut replay) = replay {
            for e in &mut replay.entries {
                state.plan.derive_one(&mut e.before);
                state.plan.derive_one(&mut e.after);
            }
            if replay.base == Some(BaseId::from(fingerprint)) {
                self.replay(&mut state, &replay)?;
            } else {
                self.replay_stale(&mut state, &replay);
            }
            if let Some(damaged) = &replay.damaged {
                self.retire_damaged(&state, damaged, replay.entries.len());
            }
        }
        Ok(Some(state))
    }

    /// A fresh start on `base`: nothing journaled or edited is known.
    fn forget(&self, base: Option<Base>) {
        let mut shared = self.shared();
        shared.base = base;
        shared.journal = Journal::Absent;
        shared.originals.clear();
        shared.stale_conflicts.clear();
    }

    /// Record a state that was not read from the file (the built-in plan before the first
    /// save) as the base for [`Store::save_changes`].
    pub fn assume_absent(&self, state: &State) {
        // Serializing plain data cannot fail; an empty base would only make a later
        // rebase report itself as failed, never lose an edit.
        let json = serialize(state).unwrap_or_default();
        self.forget(Some(Base {
            fingerprint: None,
            json: Some(json),
        }));
    }

    /// Write the whole state, replacing whatever the file holds (import, snapshot: the
    /// caller loaded it moments ago under the lock). See [`Store::save_changes`] for edits.
    pub fn save(&self, state: &State) -> Result<(), StoreError> {
        self.save_whole(state).map(drop)
    }

    /// [`Store::save`], returning where clashing edits of a stale journal were put.
    fn save_whole(&self, state: &State) -> Result<Option<(Vec<ReqId>, PathBuf)>, StoreError> {
        self.refuse_if_read_only()?;
        self.writing(|| self.save_whole_locked(state))
    }

    fn save_whole_locked(
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
    fn write(&self, bytes: &[u8]) -> Result<Fingerprint, StoreError> {
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

    fn refuse_if_read_only(&self) -> Result<(), StoreError> {
        self.refuse_if_dangling()?;
        match self.read_only() {
            Some(ReadOnly::Locked { holder }) => Err(StoreError::Locked {
                path: self.file.clone(),
                pid: holder,
            }),
            Some(ReadOnly::NotWritable(why)) => Err(StoreError::NotWritable {
                path: self.file.clone(),
                why,
            }),
            None => Ok(()),
        }
    }

    /// The problem, plus how to recover when a backup exists.
    fn unreadable(&self, problem: &str) -> StoreError {
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

    fn save_error(&self, error: io::Error) -> StoreError {
        StoreError::Save {
            path: self.file.clone(),
            error,
        }
    }
}

/// A state from its JSON, checked and derived as a state file is (the team store builds
/// its workspace this way, so both read alike).
pub fn state_from_json(bytes: &[u8]) -> Result<State, String> {
    parse(bytes)
}

#[cfg(test)]
mod tests;
