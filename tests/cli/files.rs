//! `duban import` and state files that cannot be used: nothing is ever overwritten.

use std::fs;

use predicates::prelude::*;
use serde_json::Value;

use super::support::{Env, SEED, read};

#[test]
fn import_a_good_file() {
    let env = Env::new();
    env.cmd()
        .args(["import", SEED])
        .assert()
        .success()
        .stdout(predicate::str::contains("6 个类别，18 项事项，35 条要求"));
    let state: Value = serde_json::from_slice(&read(&env.state())).expect("state JSON");
    assert_eq!(state["schema"], 3);
    assert_eq!(state["plans"][0]["plan"]["year"], 2021);
    assert_eq!(env.ids(&[]).len(), 35);
}

#[test]
fn import_a_bad_file_leaves_the_state_untouched() {
    let env = Env::new();
    env.cmd().args(["set", "1.1.1", "done"]).assert().success();
    let before = read(&env.state());
    let bad = env.dir.path().join("bad.txt");
    fs::write(&bad, "这不是任务分解表\n只是两行字\n").expect("write");
    env.cmd()
        .arg("import")
        .arg(&bad)
        .arg("--force")
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(format!(
            "duban: {}:",
            bad.display()
        )));
    assert_eq!(read(&env.state()), before);
    env.cmd()
        .args(["import", "/nonexistent/plan.txt"])
        .assert()
        .code(1);
}

#[test]
fn import_refuses_over_progress_unless_forced() {
    let env = Env::new();
    env.cmd()
        .args(["note", "3.1.1", "已部署"])
        .assert()
        .success();
    let before = read(&env.state());
    env.cmd()
        .args(["import", SEED])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--force"));
    assert_eq!(read(&env.state()), before);
    env.cmd()
        .args(["import", SEED, "--force"])
        .assert()
        .success();
    let row = env.json(&["show", "3.1.1", "--json"]);
    assert_eq!(row["notes"], serde_json::json!([]));
}

// ---- unreadable state files ----

fn assert_unreadable(content: &str, expect: &str) {
    let env = Env::new();
    env.write_state(content);
    let path = env.state().display().to_string();
    for args in [
        &["list"][..],
        &["summary", "--json"],
        &["set", "1.1.1", "done"],
        &["note", "1.1.1", "x"],
        &["import", SEED, "--force"],
    ] {
        env.cmd().args(args).assert().code(1).stderr(
            predicate::str::starts_with(format!("duban: {path}: "))
                .and(predicate::str::contains(expect)),
        );
        assert_eq!(
            read(&env.state()),
            content.as_bytes(),
            "{args:?} must not touch the file"
        );
    }
}

#[test]
fn bad_json_state_is_reported_and_kept() {
    assert_unreadable("{\n  \"schema\": 1,\n  \"plan\": {\n", "line 4, column 0");
}

#[test]
fn newer_schema_state_is_reported_and_kept() {
    assert_unreadable(
        "{\"schema\": 4, \"plan\": null}\n",
        "written by a newer duban (schema 4)",
    );
}
