//! `duban snapshot` and `duban report --since` on a scripted sequence of edits.

use predicates::prelude::*;
use serde_json::{Value, json};

use super::support::{Env, TODAY};

fn report_json(env: &Env, today: &str, since: &str) -> Value {
    serde_json::from_str(&env.run(today, &["report", "--since", since, "--json"])).expect("JSON")
}

fn ids(v: &Value) -> Vec<&str> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|x| x.as_str().expect("id"))
        .collect()
}

#[test]
fn snapshot_edit_report() {
    let env = Env::new();
    env.run(
        "2021-09-10",
        &["set", "1.1.1", "doing", "--note", "专题页面已设计"],
    );
    env.at("2021-09-13")
        .args(["snapshot", "--label", "第一期"])
        .assert()
        .success()
        .stdout("已记录快照「第一期」：共35项，已完成0项，逾期1项\n");
    env.run(TODAY, &["set", "1.1.1", "done", "--note", "专题已上线"]);
    env.run(TODAY, &["set", "2.2.3", "doing"]);
    env.run(TODAY, &["note", "2.2.3", "已提醒各单位"]);
    env.run(TODAY, &["note", "2.2.3", "下周复查"]);
    env.run(TODAY, &["set", "1.2.2", "blocked"]);

    let r = report_json(&env, TODAY, "第一期");
    assert_eq!(r["label"], "第一期");
    assert_eq!(r["today"], TODAY);
    assert_eq!(ids(&r["newly_done"]), ["1.1.1"]);
    // 1.1.1 was overdue on the 13th (due 08-15) and is done now; three fell due on the 15th.
    assert_eq!(ids(&r["newly_overdue"]), ["1.3.1", "2.1.1", "2.2.3"]);
    assert_eq!(ids(&r["no_longer_overdue"]), ["1.1.1"]);
    assert_eq!(
        r["status_changes"],
        json!([
            { "id": "1.1.1", "from": "doing", "to": "done" },
            { "id": "1.2.2", "from": "todo", "to": "blocked" },
            { "id": "2.2.3", "from": "todo", "to": "doing" },
        ])
    );
    let notes = r["notes_added"].as_array().expect("notes");
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[0]["id"], "1.1.1");
    assert_eq!(
        notes[0]["notes"][0]["text"], "专题已上线",
        "only notes since the snapshot"
    );
    assert_eq!(notes[1]["notes"].as_array().map(Vec::len), Some(2));
    assert_eq!(r["totals"]["then"]["done"], 0);
    assert_eq!(r["totals"]["now"]["done"], 1);
    assert_eq!(r["totals"]["then"]["overdue"], 1);
    assert_eq!(r["totals"]["now"]["overdue"], 3);
    let cat1 = &r["categories"][0];
    assert_eq!(
        (cat1["number"].clone(), cat1["then"]["doing"].clone()),
        (json!(1), json!(1))
    );
    assert_eq!(cat1["now"]["done"], 1);
    let office = r["units"]
        .as_array()
        .expect("units")
        .iter()
        .find(|u| u["name"] == "市政府办公室")
        .expect("unit");
    assert_eq!(
        (
            office["then"]["done"].clone(),
            office["now"]["done"].clone()
        ),
        (json!(0), json!(1))
    );

    let text = env.run(TODAY, &["report", "--since", "第一期"]);
    assert!(
        text.starts_with("本期变化：上期快照「第一期」（2021-09-13 "),
        "{text}"
    );
    assert!(text.contains("已完成 0 → 1（+1）"), "{text}");
    assert!(
        text.contains("新办结（1）\n  1.1.1  已完成  市政府办公室"),
        "{text}"
    );
    assert!(text.contains("新增备注（3）"), "{text}");
    assert!(text.contains("分类进展（本期 vs 上期）"), "{text}");
    let en = env.run(TODAY, &["--lang", "en", "report"]);
    assert!(en.contains("Newly overdue (3)"), "{en}");
}

#[test]
fn dates_pick_the_latest_snapshot_on_or_before() {
    let env = Env::new();
    env.run("2021-09-06", &["snapshot"]);
    env.run("2021-09-13", &["set", "3.1.1", "done"]);
    env.run("2021-09-13", &["snapshot"]);
    let list: Value =
        serde_json::from_str(&env.run(TODAY, &["snapshot", "--list", "--json"])).expect("JSON");
    let labels: Vec<&str> = list
        .as_array()
        .expect("array")
        .iter()
        .map(|s| s["label"].as_str().expect("label"))
        .collect();
    assert_eq!(
        labels,
        ["2021-09-06", "2021-09-13"],
        "default label is the date"
    );
    assert_eq!(list[1]["done"], 1);
    assert_eq!(list[1]["requirements"], 35);

    assert_eq!(
        report_json(&env, TODAY, "2021-09-10")["label"],
        "2021-09-06"
    );
    assert_eq!(
        report_json(&env, TODAY, "2021-09-19")["label"],
        "2021-09-13"
    );
    assert_eq!(
        serde_json::from_str::<Value>(&env.run(TODAY, &["report", "--json"])).expect("JSON")["label"],
        "2021-09-13",
        "without --since: the latest"
    );
    env.cmd()
        .args(["report", "--since", "2021-09-01"])
        .assert()
        .code(2)
        .stderr(
            "duban: no snapshot taken on or before 2021-09-01 (the first is from 2021-09-06)\n",
        );
    let listing = env.run(TODAY, &["snapshot", "--list"]);
    assert!(listing.starts_with("时间"), "{listing}");
    assert!(listing.contains("1/35"), "{listing}");
}

#[test]
fn unknown_label_and_duplicates_are_usage_errors() {
    let env = Env::new();
    env.cmd()
        .args(["report"])
        .assert()
        .code(2)
        .stderr("duban: no snapshots yet; take one with `duban snapshot`\n");
    env.run(TODAY, &["snapshot", "--label", "第一期"]);
    env.cmd()
        .args(["report", "--since", "上周"])
        .assert()
        .code(2)
        .stderr("duban: no snapshot labelled `上周` (snapshots: 第一期)\n");
    let before = std::fs::read(env.path("state.json")).expect("state");
    env.cmd()
        .args(["snapshot", "--label", "第一期"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists; use --replace"));
    assert_eq!(
        std::fs::read(env.path("state.json")).expect("state"),
        before
    );
    env.run(TODAY, &["set", "1.1.1", "done"]);
    env.run(TODAY, &["snapshot", "--label", "第一期", "--replace"]);
    let list: Value =
        serde_json::from_str(&env.run(TODAY, &["snapshot", "--list", "--json"])).expect("JSON");
    assert_eq!(list.as_array().map(Vec::len), Some(1));
    assert_eq!(list[0]["done"], 1, "retaken");
}

#[test]
fn state_files_without_snapshots_still_load_and_stay_unchanged() {
    let env = Env::new();
    env.run(TODAY, &["set", "1.1.1", "done"]);
    let state = std::fs::read_to_string(env.path("state.json")).expect("state");
    assert!(!state.contains("snapshots"), "omitted while empty");
    env.run(TODAY, &["snapshot"]);
    let state: Value =
        serde_json::from_str(&std::fs::read_to_string(env.path("state.json")).expect("state"))
            .expect("JSON");
    assert_eq!(
        state["schema"],
        duban::store::SCHEMA_VERSION,
        "an additive field: the schema is not raised for it"
    );
    let snap = &state["plans"][0]["snapshots"][0];
    assert_eq!(snap["label"], TODAY);
    assert_eq!(
        snap["requirements"][0],
        json!({ "id": "1.1.1", "status": "done", "overdue": false, "note_count": 0 })
    );
    // The JSON export is the state file itself.
    let exported: Value =
        serde_json::from_str(&env.run(TODAY, &["export", "--format", "json"])).expect("JSON");
    assert_eq!(exported, state);
}
