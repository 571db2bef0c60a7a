//! The JSON state file: versioned schema, atomic save, load with clear errors.
//!
//! A file that exists but cannot be used (unreadable, bad JSON, a newer schema) is reported
//! as [`StoreError::Unreadable`] and must never be overwritten: callers load before they
//! save, and a failed load stops them before anything is written.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::plan::merge::Archived;
use crate::plan::{Plan, ReqId};
use crate::report::snapshot::Snapshot;

pub const SCHEMA_VERSION: u32 = 1;

/// The file name inside the platform data directory.
pub const FILE_NAME: &str = "state.json";

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
    #[error("{path}: cannot save: {source}")]
    Save {
        path: PathBuf,
        source: std::io::Error,
    },
}

#[derive(Debug, Clone)]
pub struct Store {
    path: PathBuf,
}

impl Store {
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Store { path: path.into() }
    }

    /// `state.json` in the platform data directory (`~/.local/share/duban/` on Linux);
    /// `None` when the platform has no home directory to put it in.
    pub fn default_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "duban").map(|d| d.data_dir().join(FILE_NAME))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// `None` when the file does not exist yet.
    pub fn load(&self) -> Result<Option<State>, StoreError> {
        let bytes = match fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(self.unreadable(format!("cannot read: {e}"))),
        };
        parse(&bytes)
            .map(Some)
            .map_err(|problem| self.unreadable(problem))
    }

    /// Write the whole state atomically: a temporary file in the same directory, fsync,
    /// rename over the old file, fsync the directory. The old file's permissions are kept.
    /// A missing parent directory is created.
    pub fn save(&self, state: &State) -> Result<(), StoreError> {
        // Serialize first, so a failure here cannot touch the file at all.
        let mut bytes =
            serde_json::to_vec_pretty(state).map_err(|e| self.save_error(io::Error::other(e)))?;
        bytes.push(b'\n');

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
        let mut file = atomic_write_file::AtomicWriteFile::options()
            .open(&target)
            .map_err(|e| self.save_error(e))?;
        file.write_all(&bytes).map_err(|e| self.save_error(e))?;
        // Dropping without commit discards the temporary file; commit fsyncs file and directory.
        file.commit().map_err(|e| self.save_error(e))
    }

    fn unreadable(&self, problem: String) -> StoreError {
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

/// Just the version, read before the rest so a newer file is named as such instead of
/// failing on whatever field changed.
#[derive(Deserialize)]
struct Header {
    schema: u32,
}

fn parse(bytes: &[u8]) -> Result<State, String> {
    let header: Header = serde_json::from_slice(bytes).map_err(|e| json_problem(&e))?;
    if header.schema > SCHEMA_VERSION {
        return Err(format!(
            "written by a newer duban (schema {}); this version reads schema {SCHEMA_VERSION}",
            header.schema
        ));
    }
    if header.schema == 0 {
        return Err("unknown schema version 0".into());
    }
    let mut state: State = serde_json::from_slice(bytes).map_err(|e| json_problem(&e))?;
    check_ids(&state.plan)?;
    state.plan.derive();
    for a in &mut state.archived {
        a.requirement.derive(a.year);
    }
    Ok(state)
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
        assert_eq!(dir_entries(dir.path()), vec!["state.json".to_string()]);
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
}
