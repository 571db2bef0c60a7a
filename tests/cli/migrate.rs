//! Older state schemas (1: before the 督办 life cycle): a schema 1 file opens, edits (a hand
//! correction too) and is written back as the current schema with the original kept as the
//! backup; a file of a newer schema is refused and left exactly as it was.

use super::support::{Env, read, stdout};

const SCHEMA_1: &str = include_str!("../fixtures/state/schema-1.json");

#[test]
fn a_schema_1_file_opens_and_is_upgraded_on_the_first_save() {
    let env = Env::new();
    env.write_state(SCHEMA_1);
    let row = env.json(&["show", "1.1.2", "--json"]);
    assert_eq!(row["status"], "doing");
    assert_eq!(row["notes"][0]["text"], "已发布图解");
    assert_eq!(
        read(&env.state()),
        SCHEMA_1.as_bytes(),
        "reading writes nothing"
    );
    stdout(env.cmd().args(["--user", "张三", "remind", "1.1.2"]));
    let state: serde_json::Value = serde_json::from_slice(&read(&env.state())).expect("JSON");
    assert_eq!(state["schema"], duban::store::SCHEMA_VERSION);
    let backup = env.dir.path().join("state.json.bak");
    assert_eq!(
        read(&backup),
        SCHEMA_1.as_bytes(),
        "the schema 1 file is the backup"
    );
    let r = &state["plans"][0]["plan"]["categories"][0]["items"][0]["requirements"][1];
    assert_eq!(r["reminders"][0]["unit"], "区政府办");
    assert_eq!(r["history"][0]["kind"], "status", "old history kept");
    assert!(
        r["history"][0].get("by").is_none(),
        "old entries stay unsigned"
    );
    assert_eq!(r["history"][2]["by"], "张三");
}

#[test]
fn a_newer_schema_is_refused_and_left_unchanged() {
    let env = Env::new();
    let newer = SCHEMA_1.replacen("\"schema\": 1,", "\"schema\": 99,", 1);
    env.write_state(&newer);
    env.cmd()
        .args(["remind", "1.1.2"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "written by a newer duban (schema 99)",
        ));
    env.cmd().args(["list"]).assert().code(1);
    assert_eq!(read(&env.state()), newer.as_bytes());
}

#[test]
fn a_schema_1_file_takes_a_hand_correction() {
    let env = Env::new();
    env.write_state(SCHEMA_1);
    stdout(
        env.cmd()
            .args(["edit", "1.1.2", "--unit", "区政务服务中心"]),
    );
    let state: serde_json::Value = serde_json::from_slice(&read(&env.state())).expect("JSON");
    assert_eq!(state["schema"], duban::store::SCHEMA_VERSION);
    assert_eq!(
        read(&env.dir.path().join("state.json.bak")),
        SCHEMA_1.as_bytes()
    );
    let r = &state["plans"][0]["plan"]["categories"][0]["items"][0]["requirements"][1];
    assert_eq!(r["units_raw"], "区政务服务中心");
    assert_eq!(r["history"][0]["kind"], "status", "old history kept");
    let last = r["history"]
        .as_array()
        .and_then(|h| h.last())
        .expect("an entry");
    assert_eq!(
        (&last["kind"], &last["field"]),
        (&"edited".into(), &"units".into())
    );
}
