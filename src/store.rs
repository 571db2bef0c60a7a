//! The JSON state file: versioned schema, atomic save, load with clear errors.
//!
//! What it promises (README "Your data"):
//! - The file is only ever replaced atomically ([`write`]); the version it replaces is kept
//!   as `state.json.bak`; temp files of a killed writer are removed by the next writer.
//! - One writer at a time: writers hold `state.json.lock` ([`lock`]).
//! - A file changed on disk since it was loaded (a sync tool, a hand edit) is not overwritten
//!   blindly: [`Store::save_changes`] re-applies the edit to the newer file, or keeps both.
//! - A file that exists but cannot be used (unreadable, bad JSON, a newer schema) is reported
//!   as [`StoreError::Unreadable`] and never overwritten: callers load before they save.
//!   Older schemas are migrated ([`migrate`]).
//! - On a large plan the dashboard's edits are appended to a journal beside the file
//!   ([`journal`]) and folded into it later; every load replays the journal.

mod changes;
mod edits;
mod follow;
mod journal;
mod lock;
mod migrate;
mod write;

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use serde::{Deserialize, Serialize};

pub use changes::SaveReport;
use changes::{Fingerprint, content_hash};
pub use follow::Followed;
pub use journal::journal_path;
use journal::{BaseId, Writer};
pub use lock::{Lock, lock_path};
pub use write::backup_path;

use crate::plan::merge::Archived;
use crate::plan::{Plan, ReqId, Requirement};
use crate::report::snapshot::Snapshot;

pub const SCHEMA_VERSION: u32 = 1;

/// The file name inside the platform data directory.
pub const FILE_NAME: &str = "state.json";

/// How long a CLI edit waits for another writer to finish.
pub const CLI_LOCK_WAIT: Duration = Duration::from_secs(2);

/// State files from this size up have the dashboard's edits journaled instead of rewritten
/// (about 2,000 requirements; a whole rewrite below it takes a few milliseconds).
pub const JOURNAL_FROM: u64 = 1 << 20;

/// Everything duban keeps: the plan tree with each requirement's progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct State {
    pub schema: u32,
    pub plan: Plan,
    /// Frozen statuses for period reports (`duban snapshot`), oldest first. Added within
    /// schema 1: absent in older files, omitted while empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub snapshots: Vec<Snapshot>,
    /// Requirements a revised plan dropped (`duban import --merge`), with their progress;
    /// shown only by `duban list --archived`. Added within schema 1, omitted while empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub archived: Vec<Archived>,
    /// One-line summary of the last merge, for the dashboard to show once and then clear.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merge_notice: Option<String>,
}

impl State {
    pub fn new(plan: Plan) -> Self {
        State {
            schema: SCHEMA_VERSION,
            plan,
            snapshots: Vec::new(),
            archived: Vec::new(),
            merge_notice: None,
        }
    }

    /// Whether any requirement carries progress worth keeping: a status other than todo,
    /// notes, or history (a requirement set back to todo still has its trail).
    /// Archived requirements count: replacing the state would lose them too.
    pub fn has_progress(&self) -> bool {
        let archived = self.archived.iter().map(|a| &a.requirement);
        self.plan.requirements().chain(archived).any(|r| {
            r.status != crate::plan::Status::Todo || !r.notes.is_empty() || !r.history.is_empty()
        })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {problem}")]
    Unreadable { path: PathBuf, problem: String },
    #[error("{path}: cannot save: {source}; the file on disk was left as it was")]
    Save {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is being edited by another duban ({}); try again when it has finished", holder(*.pid))]
    Locked { path: PathBuf, pid: Option<u32> },
    #[error("{path}: cannot take the lock: {source}")]
    Lock {
        path: PathBuf,
        source: std::io::Error,
    },
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
}

#[derive(Debug)]
struct Shared {
    base: Option<Base>,
    /// Set when another process holds the lock: saving is refused.
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
    /// A whole rewrite failed: edits may be in memory only, so the next save must be whole
    /// too (appending just that edit would leave the earlier ones out).
    rewrite_due: bool,
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
            rewrite_due: false,
        }
    }
}

/// This store may not save: another process (`holder`, when it wrote its pid) is the writer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOnly {
    pub holder: Option<u32>,
}

/// The state file at one path. Clones share what was loaded, so any of them can save.
#[derive(Debug, Clone)]
pub struct Store {
    path: PathBuf,
    shared: Arc<Mutex<Shared>>,
}

impl Store {
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Store {
            path: path.into(),
            shared: Arc::default(),
        }
    }

    /// `state.json` in the platform data directory (`~/.local/share/duban/` on Linux);
    /// `None` when the platform has no home directory to put it in.
    pub fn default_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "duban").map(|d| d.data_dir().join(FILE_NAME))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn shared(&self) -> std::sync::MutexGuard<'_, Shared> {
        self.shared.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Become the one writer: take `state.json.lock`, waiting up to `wait` for another holder,
    /// then remove temp files a killed writer left. Hold the returned lock while editing.
    pub fn lock(&self, wait: Duration) -> Result<Lock, StoreError> {
        let lock = lock::acquire(&self.path, wait)?;
        write::remove_stray_temps(&self.path);
        Ok(lock)
    }

    /// Another process (`pid`) is the writer: every save is refused from now on.
    pub fn set_read_only(&self, pid: Option<u32>) {
        self.shared().read_only = Some(ReadOnly { holder: pid });
    }

    /// Set when this store may not save.
    pub fn read_only(&self) -> Option<ReadOnly> {
        self.shared().read_only
    }

    /// Journal the dashboard's edits from this state file size up (default [`JOURNAL_FROM`];
    /// `0`: always, as tests and `DUBAN_JOURNAL_FROM=0` do).
    #[must_use]
    pub fn journal_from(self, bytes: u64) -> Self {
        self.shared().journal_from = bytes;
        self
    }

    /// `None` when the file does not exist yet. Edits journaled beside it are applied.
    pub fn load(&self) -> Result<Option<State>, StoreError> {
        let bytes = match fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                self.forget(None);
                return Ok(None);
            }
            Err(e) => return Err(self.unreadable(&format!("cannot read: {e}"))),
        };
        let meta = fs::metadata(&self.path).ok();
        let mut state = parse(&bytes).map_err(|problem| self.unreadable(&problem))?;
        let fingerprint = Fingerprint::of(&bytes, meta.as_ref());
        self.forget(Some(Base {
            fingerprint: Some(fingerprint),
            json: Some(bytes),
        }));
        let replay = journal::read(&self.path).map_err(|problem| StoreError::Unreadable {
            path: journal_path(&self.path),
            problem,
        })?;
        if let Some(mut replay) = replay {
            for e in &mut replay.entries {
                state.plan.derive_one(&mut e.before);
                state.plan.derive_one(&mut e.after);
            }
            if replay.base == BaseId::from(fingerprint) {
                self.replay(&mut state, &replay)?;
            } else {
                self.replay_stale(&mut state, &replay);
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
        // stale (its base is gone) and harmless.
        let journal = match journal::remove(&self.path) {
            Ok(()) => Journal::Absent,
            Err(_) => Journal::Stale,
        };
        let mut shared = self.shared();
        shared.base = Some(Base {
            fingerprint: Some(fingerprint),
            json: Some(bytes),
        });
        shared.journal = journal;
        shared.originals.clear();
        shared.rewrite_due = false;
        Ok(conflicts)
    }

    /// The atomic replace itself; returns the new file's fingerprint.
    fn write(&self, bytes: &[u8]) -> Result<Fingerprint, StoreError> {
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir).map_err(|e| self.save_error(e))?;
        }
        // A symlinked state file (e.g. kept in a dotfiles repo) is updated where it points,
        // instead of being replaced by a regular file.
        let target = match fs::symlink_metadata(&self.path) {
            Ok(m) if m.file_type().is_symlink() => {
                fs::canonicalize(&self.path).map_err(|e| self.save_error(e))?
            }
            _ => self.path.clone(),
        };
        // Only a file that loads is worth keeping as the backup. The one we loaded or saved
        // last is known to; anything else is parsed to find out.
        let known = self.shared().base.as_ref().and_then(|b| b.fingerprint);
        let good = match (known, fs::metadata(&target)) {
            (Some(f), Ok(meta)) if f.same_stat(&meta) => true,
            (_, Ok(_)) => fs::read(&target).is_ok_and(|old| {
                known.map(|f| f.hash) == Some(content_hash(&old)) || parse(&old).is_ok()
            }),
            (_, Err(_)) => false,
        };
        write::replace(&target, bytes, good).map_err(|e| self.save_error(e))?;
        let meta = fs::metadata(&target).ok();
        Ok(Fingerprint::of(bytes, meta.as_ref()))
    }

    fn refuse_if_read_only(&self) -> Result<(), StoreError> {
        match self.read_only() {
            Some(ro) => Err(StoreError::Locked {
                path: self.path.clone(),
                pid: ro.holder,
            }),
            None => Ok(()),
        }
    }

    /// The problem, plus how to recover when a backup exists.
    fn unreadable(&self, problem: &str) -> StoreError {
        let bak = backup_path(&self.path);
        let problem = if bak.is_file() {
            format!(
                "{problem}\nThe file was left as it was. The previous good version is {}: \
                 check it, then copy it over {} to recover",
                bak.display(),
                self.path.display()
            )
        } else {
            format!("{problem}\nThe file was left as it was.")
        };
        StoreError::Unreadable {
            path: self.path.clone(),
            problem,
        }
    }

    fn save_error(&self, source: io::Error) -> StoreError {
        StoreError::Save {
            path: self.path.clone(),
            source,
        }
    }
}

/// Pretty JSON with a final newline. Serializing first means a failure here cannot touch
/// the file at all.
fn serialize(state: &State) -> io::Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec_pretty(state).map_err(io::Error::other)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Just the version, read before the rest so a newer file is named as such instead of
/// failing on whatever field changed.
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    schema: Option<u32>,
}

fn parse(bytes: &[u8]) -> Result<State, String> {
    // The common case in one pass over the bytes; anything else (older or newer schema, a
    // broken file) takes the careful path below, which names the problem.
    let mut state = match serde_json::from_slice::<State>(bytes) {
        Ok(state) if state.schema == SCHEMA_VERSION => state,
        _ => parse_versioned(bytes)?,
    };
    check_ids(&state.plan)?;
    state.plan.derive();
    for a in &mut state.archived {
        a.requirement.derive(a.year);
    }
    Ok(state)
}

/// Read the version first, so a newer file is named as such instead of failing on whatever
/// field changed, then parse (or migrate) accordingly.
fn parse_versioned(bytes: &[u8]) -> Result<State, String> {
    let header: Header = serde_json::from_slice(bytes).map_err(|e| json_problem(&e))?;
    let version = header.schema.unwrap_or(0);
    if version > SCHEMA_VERSION {
        return Err(format!(
            "written by a newer duban (schema {version}); this version reads schema \
             {SCHEMA_VERSION} and older. Upgrade duban to open it"
        ));
    }
    Ok(if version == SCHEMA_VERSION {
        // Straight from the bytes, so errors keep their line and column.
        serde_json::from_slice(bytes).map_err(|e| json_problem(&e))?
    } else {
        let value: serde_json::Value =
            serde_json::from_slice(bytes).map_err(|e| json_problem(&e))?;
        let from = migrate::version(&value)?;
        let value = migrate::upgrade(value, from)?;
        serde_json::from_value(value)
            .map_err(|e| format!("invalid schema {from} state file: {e}"))?
    })
}

/// `line L, column C: message`, without serde's own trailing position.
fn json_problem(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let message = full.strip_suffix(&suffix).unwrap_or(&full);
    format!(
        "invalid state file at line {}, column {}: {message}",
        e.line(),
        e.column()
    )
}

/// Ids are positional (lookups index by them), so a hand-edited file whose ids disagree
/// with the tree would silently address the wrong requirement.
fn check_ids(plan: &Plan) -> Result<(), String> {
    for (ci, cat) in plan.categories.iter().enumerate() {
        if plan.categories[..ci].iter().any(|c| c.number == cat.number) {
            return Err(format!("category number {} appears twice", cat.number));
        }
        for (ii, item) in cat.items.iter().enumerate() {
            for (ri, r) in item.requirements.iter().enumerate() {
                let expected = ReqId::new(cat.number, position(ii), position(ri));
                if r.id != expected {
                    return Err(format!(
                        "requirement {} is stored where {expected} belongs",
                        r.id
                    ));
                }
            }
        }
    }
    Ok(())
}

fn position(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Category, Item, Requirement, Status};
    use chrono::NaiveDate;

    fn sample() -> State {
        let at = NaiveDate::from_ymd_opt(2021, 9, 20)
            .and_then(|d| d.and_hms_opt(9, 30, 0))
            .expect("valid time");
        let mut r = Requirement::new(
            ReqId::new(1, 1, 1),
            "依托政务服务中心和政府网站".into(),
            "市政府办公室牵头，各镇（街道）抓好落实".into(),
            "2021年8月15日前完成。".into(),
            2021,
        );
        r.set_status(Status::Done, at);
        r.add_note("已上线专题", at);
        let r2 = Requirement::new(
            ReqId::new(1, 1, 2),
            "第二条".into(),
            String::new(),
            String::new(),
            2021,
        );
        State::new(Plan {
            title: "测试计划".into(),
            year: 2021,
            source: "test.txt".into(),
            period: None,
            categories: vec![Category {
                number: 1,
                name: "扩大公开范围".into(),
                items: vec![Item {
                    name: "事项".into(),
                    requirements: vec![r, r2],
                }],
            }],
        })
    }

    fn dir_entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("read dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn missing_file_is_none() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::new(dir.path().join("state.json"));
        assert!(store.load().expect("load").is_none());
    }

    #[test]
    fn round_trip_creates_parent_and_is_pretty() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::new(dir.path().join("nested/deeper/state.json"));
        let state = sample();
        store.save(&state).expect("save");
        let loaded = store.load().expect("load").expect("present");
        assert_eq!(loaded, state);
        let text = fs::read_to_string(store.path()).expect("read");
        assert!(text.starts_with("{\n  \"schema\": 1,"), "{text}");
        assert!(
            text.contains("依托政务服务中心和政府网站"),
            "non-ASCII kept readable"
        );
        assert!(text.ends_with("}\n"));
    }

    #[test]
    fn save_over_existing_leaves_no_temporaries() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::new(dir.path().join("state.json"));
        let mut state = sample();
        store.save(&state).expect("first save");
        state.plan.title = "改过的标题".into();
        store.save(&state).expect("second save");
        let loaded = store.load().expect("load").expect("present");
        assert_eq!(loaded.plan.title, "改过的标题");
        assert_eq!(dir_entries(dir.path()), ["state.json", "state.json.bak"]);
        let bak = Store::new(backup_path(store.path()));
        assert_eq!(
            bak.load().expect("bak").expect("present").plan.title,
            "测试计划"
        );
    }

    #[cfg(unix)]
    #[test]
    fn save_keeps_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::new(dir.path().join("state.json"));
        store.save(&sample()).expect("save");
        fs::set_permissions(store.path(), fs::Permissions::from_mode(0o600)).expect("chmod");
        store.save(&sample()).expect("save again");
        let mode = fs::metadata(store.path())
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    fn assert_unreadable(content: &[u8], expect: &str) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.json");
        fs::write(&path, content).expect("write");
        let err = Store::new(&path).load().expect_err("should not load");
        let msg = err.to_string();
        assert!(matches!(err, StoreError::Unreadable { .. }));
        assert!(msg.contains(&path.display().to_string()), "{msg}");
        assert!(msg.contains(expect), "{msg} should contain {expect}");
        assert_eq!(
            fs::read(&path).expect("read back"),
            content,
            "file left as it was"
        );
    }

    #[test]
    fn bad_json_names_line_and_column() {
        assert_unreadable(b"{\n  \"schema\": 1,\n  \"plan\": [\n", "line 4, column 0");
        assert_unreadable(
            b"{\n  \"schema\": 1,\n  oops\n}\n",
            "line 3, column 3: key must be a string",
        );
    }

    #[test]
    fn newer_schema_is_named() {
        assert_unreadable(
            br#"{"schema": 7, "plan": {"something": "new"}}"#,
            "written by a newer duban (schema 7)",
        );
    }

    #[test]
    fn misplaced_id_is_rejected() {
        let mut state = sample();
        state.plan.categories[0].items[0].requirements[1].id = ReqId::new(1, 1, 5);
        let json = serde_json::to_vec(&state).expect("serialize");
        assert_unreadable(&json, "requirement 1.1.5 is stored where 1.1.2 belongs");
    }

    #[cfg(unix)]
    #[test]
    fn permission_denied_is_unreadable() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.json");
        fs::write(&path, b"{}").expect("write");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).expect("chmod");
        // Root reads anything; the check only means something for ordinary users.
        if fs::read(&path).is_err() {
            let err = Store::new(&path).load().expect_err("unreadable");
            assert!(err.to_string().contains("cannot read"), "{err}");
        }
    }

    #[test]
    fn progress_detection() {
        let mut state = sample();
        assert!(state.has_progress());
        for r in state.plan.requirements_mut() {
            r.status = Status::Todo;
            r.notes.clear();
            r.history.clear();
        }
        assert!(!state.has_progress());
    }

    #[test]
    fn schema_0_is_migrated_and_written_back_as_current() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::new(dir.path().join("state.json"));
        let mut value = serde_json::to_value(sample()).expect("value");
        value.as_object_mut().expect("object").remove("schema");
        fs::write(store.path(), serde_json::to_vec(&value).expect("json")).expect("write");
        let loaded = store.load().expect("schema 0 loads").expect("present");
        assert_eq!(loaded, sample());
        store.save(&loaded).expect("save");
        let text = fs::read_to_string(store.path()).expect("read");
        assert!(text.starts_with("{\n  \"schema\": 1,"), "{text}");
        let old = fs::read_to_string(backup_path(store.path())).expect("bak");
        assert!(
            !old.contains("\"schema\""),
            "the schema 0 original is the backup"
        );
    }

    #[test]
    fn an_unreadable_file_points_at_the_backup() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::new(dir.path().join("state.json"));
        store.save(&sample()).expect("save");
        store
            .save(&sample())
            .expect("save again, making the backup");
        let truncated = &fs::read(store.path()).expect("read")[..100];
        fs::write(store.path(), truncated).expect("truncate");
        let msg = store.load().expect_err("truncated").to_string();
        assert!(msg.contains("EOF while parsing"), "{msg}");
        assert!(msg.contains("state.json.bak"), "{msg}");
        assert_eq!(
            fs::read(store.path()).expect("read"),
            truncated,
            "untouched"
        );
    }

    #[test]
    fn a_read_only_store_refuses_to_save() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::new(dir.path().join("state.json"));
        store.set_read_only(Some(4242));
        let err = store.save(&sample()).expect_err("read-only");
        assert!(err.to_string().contains("pid 4242"), "{err}");
        assert!(!store.path().exists());
    }
}
