//! Unit tests of the state file: round trips, unreadable files, schemas, read-only stores.

use super::*;

use crate::plan::{Category, Item, Plan, ReqId, Requirement, Status};
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
        period: None,
        levels: crate::plan::Levels::default(),
        year_guessed: false,
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
    assert!(text.starts_with("{\n  \"schema\": 3,"), "{text}");
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
    assert_eq!(
        dir_entries(dir.path()),
        ["state.json", "state.json.bak", "state.json.lock"]
    );
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
    // As a schema 0 file was: the plan at the top, no version.
    let value = serde_json::json!({ "plan": sample().plan });
    fs::write(store.path(), serde_json::to_vec(&value).expect("json")).expect("write");
    let loaded = store.load().expect("schema 0 loads").expect("present");
    assert_eq!(loaded, sample());
    store.save(&loaded).expect("save");
    let text = fs::read_to_string(store.path()).expect("read");
    assert!(text.starts_with("{\n  \"schema\": 3,"), "{text}");
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
