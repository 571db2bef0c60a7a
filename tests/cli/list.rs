//! `duban list`: the table, the JSON rows and every filter.

use predicates::prelude::*;
use serde_json::Value;

use super::support::Env;

#[test]
fn list_plain_is_a_table_of_all_requirements() {
    let env = Env::new();
    let out = env
        .cmd()
        .arg("list")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("编号") && lines[0].contains("状态"),
        "{text}"
    );
    assert!(lines[1].starts_with("1.1.1  未开始"), "{text}");
    assert_eq!(lines.len(), 1 + 35 + 1, "{text}");
    assert_eq!(lines.last(), Some(&"共 35 条"));
    for line in &lines {
        assert!(
            unicode_width::UnicodeWidthStr::width(*line) <= 100,
            "too wide: {line}"
        );
    }
    // Nothing was edited, so nothing was written.
    assert!(!env.state().exists());
}

#[test]
fn list_in_english() {
    let env = Env::new();
    env.cmd()
        .args(["list", "--lang", "en", "--category", "6"])
        .assert()
        .success()
        .stdout(
            predicate::str::starts_with("id ").and(predicate::str::ends_with("4 requirements\n")),
        );
}

#[test]
fn list_json_has_the_documented_fields() {
    let env = Env::new();
    let rows = env.json(&["list", "--json"]);
    let rows = rows.as_array().expect("array");
    assert_eq!(rows.len(), 35);
    for key in [
        "id",
        "category",
        "category_name",
        "item",
        "text",
        "units",
        "lead",
        "cooperating",
        "status",
        "overdue",
        "days_left",
        "report_to",
        "deadline",
        "completed_on",
        "notes",
    ] {
        assert!(rows.iter().all(|r| r.get(key).is_some()), "missing {key}");
    }
    let first = &rows[0];
    assert_eq!(first["id"], "1.1.1");
    assert_eq!(first["category"], 1);
    assert_eq!(first["status"], "todo");
    assert_eq!(first["deadline"]["kind"], "date");
    assert_eq!(first["deadline"]["due"], "2021-08-15");
    assert_eq!(
        first["deadline"]["milestones"],
        serde_json::json!(["2021-08-15"])
    );
    assert_eq!(first["days_left"], -36);
    assert_eq!(first["overdue"], true);
    assert!(first.get("history").is_none(), "history is for show --json");
}

#[test]
fn list_overdue() {
    let env = Env::new();
    assert_eq!(
        env.ids(&["--overdue"]),
        ["1.1.1", "1.3.1", "2.1.1", "2.2.3"]
    );
}

#[test]
fn list_by_category() {
    let env = Env::new();
    assert_eq!(
        env.ids(&["--category", "6"]),
        ["6.1.1", "6.1.2", "6.2.1", "6.3.1"]
    );
    env.cmd()
        .args(["list", "--category", "9"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("duban: 本计划中没有第 9 类"));
}

#[test]
fn list_by_unit() {
    let env = Env::new();
    // 2.5.1 and 2.5.2 name 市卫体局 alone; 2.2.5 lists it among seven units ("any role").
    assert_eq!(
        env.ids(&["--unit", "市卫体局"]),
        ["2.2.5", "2.5.1", "2.5.2"]
    );
    assert_eq!(
        env.ids(&[
            "--unit",
            " 市卫体局 ",
            "--category",
            "2",
            "--due-within",
            "71"
        ]),
        ["2.2.5"]
    );
    let rows = env.json(&["list", "--json", "--unit", "市卫体局"]);
    assert!(
        rows[0]["units"]
            .as_array()
            .expect("units")
            .contains(&Value::from("市卫体局"))
    );
    env.cmd()
        .args(["list", "--unit", "卫体局"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("卫体局"));
}

#[test]
fn list_by_status_and_due_within_combine() {
    let env = Env::new();
    env.cmd().args(["set", "1.1.3", "doing"]).assert().success();
    assert_eq!(env.ids(&["--status", "doing"]), ["1.1.3"]);
    assert_eq!(
        env.ids(&["--status", "推进中", "--due-within", "10"]),
        ["1.1.3"]
    );
    assert!(env.ids(&["--status", "doing", "--overdue"]).is_empty());
    assert!(
        env.ids(&["--due-within", "10"])
            .contains(&"1.1.3".to_string())
    );
    assert!(
        env.ids(&["--due-within", "9"])
            .iter()
            .all(|id| id != "1.1.3")
    );
}
