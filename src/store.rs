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
mod error;
mod follow;
mod hand;
mod journal;
mod lock;
mod migrate;
mod parse;
mod rescue;
mod shared;
mod state;
mod whole;
mod write;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use access::Resolved;
pub use access::Unwritable;
use changes::Fingerprint;
pub use changes::SaveReport;
pub use damage::JournalDamage;
pub use error::StoreError;
pub use follow::Followed;
use journal::BaseId;
pub use journal::journal_path;
pub use lock::{Lock, lock_path};
use parse::{parse, serialize};
use shared::{Base, Journal, Shared};

pub use rescue::write_rescue;
pub use state::{PlanState, State, WorkspaceError, check_name, default_name};
pub use write::{NEW_FILE_MODE, backup_path};

pub const SCHEMA_VERSION: u32 = 3;

/// The file name inside the platform data directory.
pub const FILE_NAME: &str = "state.json";

/// How long a CLI edit waits for another writer to finish.
pub const CLI_LOCK_WAIT: Duration = Duration::from_secs(2);

/// State files from this size up have the dashboard's edits journaled instead of rewritten
/// (about 2,000 requirements; a whole rewrite below it takes a few milliseconds).
pub const JOURNAL_FROM: u64 = 1 << 20;

/// Why this store may not save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOnly {
    /// Another process (`holder`, when it wrote its pid) is the writer.
    Locked { holder: Option<u32> },
    /// The file or its directory may not be written.
    NotWritable(Unwritable),
    /// The team store's login is a leader's (领导): the database lets it read only.
    Leader,
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
            // A state file has no logins; only the team store is ever a leader's.
            Some(ReadOnly::Leader) | None => Ok(()),
        }
    }
}

/// A workspace from its parts, checked and derived as a state file is (the team store
/// builds its workspace from its rows this way, so both read alike).
pub fn state_from_parts(
    plans: Vec<PlanState>,
    removed_plans: Vec<PlanState>,
    merge_notice: Option<String>,
    notices: crate::plan::notice::NoticeBook,
) -> Result<State, String> {
    let mut state = State::of(plans);
    state.set_removed(removed_plans);
    state.merge_notice = merge_notice;
    state.notices = notices;
    parse::checked(state)
}

#[cfg(test)]
mod tests;
