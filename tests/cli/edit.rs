//! `duban set` / `duban note`, and mistakes on the command line (exit 2).

use predicates::prelude::*;

use super::support::{Env, bare, read};

#[test]
fn set_then_list_shows_done() {
    let env = Env::new();
    env.cmd()
        .args(["set", "1.1.1", "done"])
        .assert()
        .success()
        .stdout("1.1.1 未开始 → 已完成\n");
    assert!(env.state().exists(), "the first edit saves");
    assert_eq!(env.ids(&["--status", "done"]), ["1.1.1"]);
    let row = env.json(&["show", "1.1.1", "--json"]);
    assert_eq!(row["status"], "done");
    assert_eq!(row["completed_on"], "2021-09-20");
    assert_eq!(row["overdue"], false);
    assert_eq!(env.ids(&["--overdue"]), ["1.3.1", "2.1.1", "2.2.3"]);
}

#[test]
fn set_accepts_chinese_and_same_status_is_a_no_op() {
    let env = Env::new();
    env.cmd()
        .args(["set", "2.2.4", "推进中"])
        .assert()
        .success()
        .stdout("2.2.4 未开始 → 推进中\n");
    let before = read(&env.state());
    env.cmd()
        .args(["set", "2.2.4", "doing"])
        .assert()
        .success()
        .stdout(predicate::str::contains("已是推进中"));
    assert_eq!(
        read(&env.state()),
        before,
        "no-op does not rewrite the file"
    );
    let row = env.json(&["show", "2.2.4", "--json"]);
    assert_eq!(row["history"].as_array().expect("history").len(), 1);
}

#[test]
fn set_with_note_and_note() {
    let env = Env::new();
    env.cmd()
        .args([
            "--lang",
            "en",
            "set",
            "1.2.2",
            "blocked",
            "--note",
            "等待台账",
        ])
        .assert()
        .success()
        .stdout("1.2.2 todo → blocked (note added)\n");
    env.cmd()
        .args(["note", "1.2.2", "已催办"])
        .assert()
        .success()
        .stdout("1.2.2 已添加备注：已催办\n");
    let row = env.json(&["show", "1.2.2", "--json"]);
    let notes: Vec<&str> = row["notes"]
        .as_array()
        .expect("notes")
        .iter()
        .map(|n| n["text"].as_str().expect("text"))
        .collect();
    assert_eq!(notes, ["等待台账", "已催办"]);
    assert!(
        row["notes"][0]["at"]
            .as_str()
            .expect("at")
            .starts_with("2021-09-20T")
    );
    let kinds: Vec<&str> = row["history"]
        .as_array()
        .expect("history")
        .iter()
        .map(|h| h["kind"].as_str().expect("kind"))
        .collect();
    assert_eq!(kinds, ["status", "note", "note"]);
}

#[test]
fn edit_errors_exit_2_without_writing() {
    let env = Env::new();
    env.cmd()
        .args(["set", "9.9.9", "done"])
        .assert()
        .code(2)
        .stderr("duban: 本计划中没有要求 9.9.9\n");
    env.cmd().args(["note", "1.1.9", "x"]).assert().code(2);
    env.cmd()
        .args(["note", "1.1.1", "  "])
        .assert()
        .code(2)
        .stderr("duban: 备注为空\n");
    env.cmd()
        .args(["set", "1.1.1", "finished"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("duban: ").and(predicate::str::contains("finished")));
    assert!(!env.state().exists());
}

#[test]
fn bad_today_exits_2_with_one_line() {
    let env = Env::new();
    let out = bare()
        .args(["--today", "2021-13-01", "list"])
        .arg("--state")
        .arg(env.state())
        .assert()
        .code(2);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).expect("utf-8");
    assert!(
        stderr.starts_with("duban: ") && stderr.contains("2021-13-01"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    bare()
        .env("DUBAN_TODAY", "2021-02-30")
        .arg("--state")
        .arg(env.state())
        .arg("summary")
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("duban: ").and(predicate::str::contains("2021-02-30")));
}

#[test]
fn environment_variables_set_state_today_and_lang() {
    let env = Env::new();
    bare()
        .env("DUBAN_STATE", env.state())
        .env("DUBAN_TODAY", "2021-09-20")
        .env("DUBAN_LANG", "en")
        .args(["set", "1.1.1", "done"])
        .assert()
        .success()
        .stdout("1.1.1 todo → done\n");
    assert!(env.state().exists());
    let row = env.json(&["show", "1.1.1", "--json"]);
    assert_eq!(row["completed_on"], "2021-09-20");
}
