//! `duban agenda`, `duban units`, `duban report-submitted` and `list --search` end to end,
//! with their error paths (exit 2, one clear message, the state file untouched).

use std::fs;

use predicates::prelude::*;
use serde_json::Value;

use super::support::{Env, json_ids};

#[test]
fn agenda_groups_with_headings() {
    let env = Env::new();
    let out = env.cmd().arg("agenda").output().expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.starts_with("逾期 (4)\n"), "{text}");
    for heading in ["30天内 (2)", "以后 (", "周期性 (2)", "长期 ("] {
        assert!(text.contains(heading), "{heading} in {text}");
    }
    let overdue: Vec<&str> = text
        .lines()
        .skip(1)
        .take(4)
        .map(|l| l.split_whitespace().next().expect("id"))
        .collect();
    assert_eq!(overdue, ["1.1.1", "1.3.1", "2.1.1", "2.2.3"]);
    env.cmd()
        .args(["agenda", "--lang", "en"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Overdue (4)\n"))
        .stdout(predicate::str::contains("36d overdue"));
}

#[test]
fn agenda_json_days_and_all() {
    let env = Env::new();
    let v = env.json_at("2021-09-30", &["agenda", "--json", "--days", "0"]);
    assert_eq!(
        json_ids(&v),
        [
            "1.1.1", "1.3.1", "2.1.1", "2.2.3", "1.1.3", "4.1.1", "1.1.4", "2.4.1"
        ]
    );
    let today = &v[4];
    assert_eq!(today["bucket"], "today");
    assert_eq!(today["due"], "2021-09-30");
    assert_eq!(today["days_left"], 0);
    assert_eq!(today["status"], "todo");
    assert_eq!(today["escalation"], "blue");
    assert_eq!(v[0]["escalation"], "red");
    assert_eq!(v[0]["bucket"], "overdue");

    // Done ones only with --all.
    env.cmd().args(["set", "2.1.1", "done"]).assert().success();
    let v = env.json(&["agenda", "--json", "--days", "7"]);
    assert_eq!(json_ids(&v)[..3], ["1.1.1", "1.3.1", "2.2.3"]);
    let all = env.json(&["agenda", "--json", "--days", "7", "--all"]);
    assert!(json_ids(&all).contains(&"2.1.1".to_string()));
}

#[test]
fn units_table_and_json() {
    let env = Env::new();
    let out = env.cmd().arg("units").output().expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let header = text.lines().next().expect("header");
    assert!(
        header.starts_with("单位") && header.contains("待报送"),
        "{header}"
    );
    assert!(text.contains("各镇（街道）[统称]"));
    let v = env.json(&["units", "--json"]);
    let fin = v
        .as_array()
        .expect("array")
        .iter()
        .find(|r| r["name"] == "市财政局")
        .expect("市财政局");
    assert_eq!(fin["lead"], 2);
    assert_eq!(fin["cooperating"], 0);
    assert_eq!(fin["reports_outstanding"], 2);
    assert_eq!(fin["oldest_overdue_days"], Value::Null);
    assert_eq!(fin["collective"], false);

    let by_lead = env.json(&["units", "--json", "--sort", "lead"]);
    let leads: Vec<u64> = by_lead
        .as_array()
        .expect("array")
        .iter()
        .map(|r| r["lead"].as_u64().expect("number"))
        .collect();
    assert!(leads.windows(2).all(|w| w[0] >= w[1]), "{leads:?}");
    let by_name = env.json(&["units", "--json", "--sort", "name"]);
    let names: Vec<&str> = by_name
        .as_array()
        .expect("array")
        .iter()
        .map(|r| r["name"].as_str().expect("name"))
        .collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn units_bad_sort_column_exits_2() {
    let env = Env::new();
    env.cmd()
        .args(["units", "--sort", "late"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "的值 'late' 无效：应为 name、lead",
        ));
    env.cmd()
        .args(["units", "--sort", "late", "--lang", "en"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown column `late`"));
}

#[test]
fn report_submitted_persists_and_shows() {
    let env = Env::new();
    env.cmd()
        .args(["report-submitted", "1.1.4", "--note", "九月检查情况已报"])
        .assert()
        .success()
        .stdout(predicate::str::contains("1.1.4 已记录报送：2021-09"));
    let v = env.json(&["show", "1.1.4", "--json"]);
    assert_eq!(v["report_due"]["period"], "2021-09");
    assert_eq!(v["report_due"]["due"], "2021-09-30");
    assert_eq!(v["report_due"]["submitted"], "2021-09-20");
    assert_eq!(v["reports"][0]["period"], "2021-09");
    assert_eq!(v["reports"][0]["note"], "九月检查情况已报");
    assert_eq!(v["history"][0]["kind"], "report");
    // October: a new period is owed.
    let oct = env.json_at("2021-10-08", &["show", "1.1.4", "--json"]);
    assert_eq!(oct["report_due"]["period"], "2021-10");
    assert_eq!(oct["report_due"]["submitted"], Value::Null);
    env.at("2021-10-08")
        .args(["show", "1.1.4"])
        .assert()
        .success()
        .stdout(predicate::str::contains("2021-10，2021-10-31 前：未报送"))
        .stdout(predicate::str::contains(
            "2021-09-20  2021-09  九月检查情况已报",
        ));
}

#[test]
fn report_submitted_errors_exit_2_and_leave_state() {
    let env = Env::new();
    env.cmd()
        .args(["report-submitted", "2.5.1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("has no reporting duty"));
    env.cmd()
        .args(["report-submitted", "9.9.9"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("本计划中没有要求 9.9.9"));
    assert!(!env.dir.path().join("state.json").exists(), "nothing saved");
    env.cmd()
        .args(["report-submitted", "1.1.3"])
        .assert()
        .success();
    let state = env.dir.path().join("state.json");
    let before = fs::read(&state).expect("saved");
    env.cmd()
        .args(["report-submitted", "1.1.3"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already submitted on 2021-09-20"));
    assert_eq!(fs::read(&state).expect("still there"), before);
}

#[test]
fn list_search_and_json_fields() {
    let env = Env::new();
    let ids = json_ids(&env.json(&["list", "--json", "--search", "政策咨询"]));
    assert!(
        ids.contains(&"2.2.3".into()) && ids.contains(&"2.2.4".into()),
        "{ids:?}"
    );
    let none = env.json(&["list", "--json", "--search", "不存在的词语"]);
    assert_eq!(none, Value::Array(vec![]));
    env.cmd()
        .args(["note", "3.2.1", "已联系印刷厂"])
        .assert()
        .success();
    let ids = json_ids(&env.json(&["list", "--json", "--search", "印刷厂"]));
    assert_eq!(ids, ["3.2.1"]);
    let ids = json_ids(&env.json(&["list", "--json", "--search", "政策咨询", "--overdue"]));
    assert_eq!(ids, ["2.2.3"]);
    let rows = env.json(&["list", "--json"]);
    let first = &rows[0];
    assert_eq!(first["id"], "1.1.1");
    assert_eq!(first["escalation"], "red");
    assert_eq!(first["reports"], Value::Array(vec![]));
    assert_eq!(first["report_due"], Value::Null);
    env.cmd()
        .args(["list", "--search", "政策咨询"])
        .assert()
        .success()
        .stdout(predicate::str::contains("2.2.4"));
}

#[test]
fn escalation_rules_file() {
    let env = Env::new();
    let rules = env.dir.path().join("rules.toml");
    fs::write(&rules, "red_after_days = 40\n").expect("write");
    let v = env
        .cmd()
        .env("DUBAN_ESCALATION", &rules)
        .args(["list", "--json", "--overdue"])
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&v.stdout).expect("json");
    assert_eq!(v[0]["id"], "1.1.1");
    assert_eq!(v[0]["escalation"], "yellow", "36 days is under 40");
    fs::write(&rules, "red_after = 3\n").expect("write");
    env.cmd()
        .env("DUBAN_ESCALATION", &rules)
        .args(["agenda"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("escalation rules"));
}

#[test]
fn set_done_with_note_keeps_completion_note() {
    let env = Env::new();
    env.cmd()
        .args(["set", "3.2.1", "done", "--note", "公报已创刊"])
        .assert()
        .success();
    let v = env.json(&["show", "3.2.1", "--json"]);
    assert_eq!(v["completion_note"], "公报已创刊");
    assert_eq!(v["escalation"], "none");
    env.cmd()
        .args(["show", "3.2.1"])
        .assert()
        .success()
        .stdout(predicate::str::contains("办结  公报已创刊"));
    env.cmd().args(["set", "3.2.1", "doing"]).assert().success();
    let v = env.json(&["show", "3.2.1", "--json"]);
    assert_eq!(v["completion_note"], Value::Null);
}
