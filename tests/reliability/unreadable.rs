//! Files duban cannot use: a clear message with the path and the problem, exit 1, the file
//! left byte for byte as it was, and the backup named when there is one. Older schemas load.

use std::fs;

use super::support::{Env, stderr};

/// Run an edit on a state file holding `content`; it must fail without touching the file.
fn refused(env: &Env, content: &[u8], expect: &str) -> String {
    fs::write(&env.state, content).expect("write");
    let out = env.run(&["set", "1.1.1", "done"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&env.state.display().to_string()),
        "path: {err}"
    );
    assert!(err.contains(expect), "{expect}: {err}");
    let named = format!("{}:", env.state.display());
    assert_eq!(err.matches(&named).count(), 1, "the path once: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(
        fs::read(&env.state).expect("read"),
        content,
        "file untouched"
    );
    err
}

#[test]
fn corrupt_truncated_and_newer_files_are_refused_and_left_alone() {
    let env = Env::new();
    refused(&env, b"\x00\xffnot json", "invalid state file at line 1");
    refused(&env, b"", "EOF while parsing");
    refused(
        &env,
        br#"{"schema": 9, "plan": {}}"#,
        "written by a newer duban (schema 9)",
    );
    refused(&env, br#"{"schema": "one"}"#, "invalid state file");
    refused(&env, b"[1, 2, 3]", "invalid state file");
}

#[test]
fn a_truncated_file_names_the_backup_to_recover_from() {
    let env = Env::new();
    env.ok(&["note", "1.1.1", "第一条"]);
    env.ok(&["note", "1.1.1", "第二条"]);
    let good = fs::read(&env.state).expect("read");
    let err = refused(&env, &good[..good.len() / 2], "EOF while parsing");
    assert!(err.contains("state.json.bak"), "{err}");
    assert!(err.contains("copy it over"), "{err}");

    // Following the advice recovers the state before the last save.
    fs::copy(env.dir.path().join("state.json.bak"), &env.state).expect("recover");
    let out = env.ok(&["show", "1.1.1"]);
    assert!(out.contains("第一条"), "{out}");
}

#[test]
fn a_schema_0_file_is_migrated_on_the_next_save() {
    let env = Env::new();
    env.ok(&["note", "1.1.1", "旧格式"]);
    let mut value: serde_json::Value =
        serde_json::from_slice(&fs::read(&env.state).expect("read")).expect("json");
    value.as_object_mut().expect("object").remove("schema");
    fs::write(&env.state, serde_json::to_vec(&value).expect("json")).expect("write");

    env.ok(&["set", "1.1.1", "done"]);
    let text = fs::read_to_string(&env.state).expect("read");
    assert!(
        text.contains(&format!("\"schema\": {}", duban::store::SCHEMA_VERSION)),
        "written as the current schema"
    );
    assert!(text.contains("旧格式"), "nothing lost");
    let bak = fs::read_to_string(env.dir.path().join("state.json.bak")).expect("bak");
    assert!(!bak.contains("\"schema\""), "the original is the backup");
}

/// A full disk: the file size limit (`ulimit -f`) makes every write past a few hundred bytes
/// fail with EFBIG, as a full disk fails with ENOSPC; ignoring SIGXFSZ turns the signal into
/// that error. Works as root, unlike a read-only directory.
#[cfg(unix)]
#[test]
fn a_failed_write_leaves_the_old_file_intact_and_says_so() {
    let env = Env::new();
    env.ok(&["note", "1.1.1", "保住我"]);
    let before = fs::read(&env.state).expect("read");
    let script = format!(
        "trap '' XFSZ; ulimit -f 1; exec '{}' --today 2021-09-20 --state '{}' note 1.1.1 丢失",
        env!("CARGO_BIN_EXE_duban"),
        env.state.display()
    );
    let out = std::process::Command::new("sh")
        .args(["-c", &script])
        .output()
        .expect("run sh");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("无法保存"), "{err}");
    assert!(err.contains("磁盘上的文件保持原样"), "{err}");
    // The I/O error once, at its place, not repeated as a cause after the sentence.
    assert!(err.trim_end().ends_with("磁盘上的文件保持原样"), "{err}");
    assert_eq!(
        err.matches(&env.state.display().to_string()).count(),
        1,
        "{err}"
    );
    assert_eq!(
        fs::read(&env.state).expect("read"),
        before,
        "old file intact"
    );
    let strays: Vec<String> = env
        .names()
        .into_iter()
        .filter(|n| n.contains(".tmp-"))
        .collect();
    assert!(
        strays.is_empty(),
        "the failed temp file is removed: {strays:?}"
    );
}
