//! A workspace of plans (issue #20): a schema 2 file opens as one plan, losslessly; plans are
//! added, listed, renamed, removed and restored; reading commands span the plans and ids
//! name their plan.

use serde_json::Value;

use super::support::{Env, read, stdout};

const SCHEMA_2: &str = include_str!("../fixtures/state/schema-2.json");
const DISTRICT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/import/district-2024-plan.md"
);
const COUNTY: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/import/county-2022-plan.txt"
);

fn parse(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).expect("JSON")
}

#[test]
fn a_schema_2_file_opens_as_one_plan_and_is_kept_whole_on_the_first_save() {
    let env = Env::new();
    env.write_state(SCHEMA_2);
    let old = parse(SCHEMA_2.as_bytes());
    let plans = env.json(&["plans", "--json"]);
    assert_eq!(plans[0]["name"], "2024", "named after the plan's year");
    assert_eq!(plans.as_array().map(Vec::len), Some(1));
    assert_eq!(
        read(&env.state()),
        SCHEMA_2.as_bytes(),
        "reading writes nothing"
    );
    stdout(
        env.cmd()
            .args(["--user", "张三", "note", "2.2.2", "已设专区"]),
    );
    let new = parse(&read(&env.state()));
    assert_eq!(new["schema"], 3);
    assert_eq!(
        read(&env.dir.path().join("state.json.bak")),
        SCHEMA_2.as_bytes()
    );
    let plan = &new["plans"][0];
    assert_eq!(plan["name"], "2024");
    // Everything the old file held is there, unchanged: the tree (statuses, notes, history,
    // extensions, claims, reminders, evidence, 报送 records), snapshots, archive, notice.
    let mut edited = plan["plan"].clone();
    let r = &mut edited["categories"][1]["items"][1]["requirements"][1];
    assert_eq!(r["notes"][0]["text"], "已设专区");
    let map = r.as_object_mut().expect("object");
    map.remove("notes");
    map.remove("history");
    assert_eq!(edited, old["plan"], "the tree is kept losslessly");
    assert_eq!(plan["snapshots"], old["snapshots"]);
    assert_eq!(plan["archived"], old["archived"]);
    assert_eq!(new["merge_notice"], old["merge_notice"]);
    let reqs = &plan["plan"]["categories"][0]["items"][0]["requirements"];
    assert_eq!(reqs[1]["extensions"][0]["reason"], "材料未齐");
    assert_eq!(reqs[0]["reminders"][0]["unit"], "区政府办");
    let monthly = &plan["plan"]["categories"][2]["items"][0]["requirements"][0];
    assert_eq!(monthly["reports"][0]["note"], "十月已报");
}

#[test]
fn a_newer_schema_than_3_is_refused_unchanged() {
    let env = Env::new();
    let newer = SCHEMA_2.replacen("\"schema\": 2,", "\"schema\": 4,", 1);
    env.write_state(&newer);
    env.cmd()
        .args(["plans"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "written by a newer duban (schema 4)",
        ));
    assert_eq!(read(&env.state()), newer.as_bytes());
}

/// The district plan (with progress on 1.1.1) and the county plan as `县2022`.
pub(super) fn two_plans() -> Env {
    let env = Env::new();
    stdout(env.cmd().args(["import", DISTRICT]));
    stdout(env.cmd().args(["set", "1.1.1", "done"]));
    stdout(env.cmd().args(["import", COUNTY, "--as", "县2022"]));
    env
}

#[test]
fn import_without_as_over_progress_suggests_as_merge_or_force() {
    let env = Env::new();
    stdout(env.cmd().args(["import", DISTRICT]));
    stdout(env.cmd().args(["set", "1.1.1", "done"]));
    env.cmd()
        .args(["--lang", "en", "import", COUNTY])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("--as NAME"))
        .stderr(predicates::str::contains("--merge"))
        .stderr(predicates::str::contains("--force"));
    stdout(env.cmd().args(["import", COUNTY, "--as", "县2022"]));
    env.cmd()
        .args(["import", COUNTY, "--as", "县2022"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("already exists"));
    // Replacing the named plan leaves the other's progress alone.
    stdout(
        env.cmd()
            .args(["import", COUNTY, "--as", "县2022", "--force"]),
    );
    let done = env.json(&["list", "--json", "--status", "done"]);
    assert_eq!(done[0]["plan"], "2024");
    stdout(
        env.cmd()
            .args(["import", DISTRICT, "--as", "2024", "--merge", "--yes"]),
    );
    let done = env.json(&["list", "--json", "--plan", "2024", "--status", "done"]);
    assert_eq!(
        done.as_array().map(Vec::len),
        Some(1),
        "merge kept progress"
    );
}

#[test]
fn plans_lists_counts_and_json() {
    let env = two_plans();
    let plans = env.json(&["plans", "--json"]);
    assert_eq!(plans[0]["name"], "2024");
    assert_eq!(plans[0]["requirements"], 7);
    assert_eq!(plans[0]["done"], 1);
    assert_eq!(plans[1]["name"], "县2022");
    assert_eq!(plans[1]["requirements"], 3);
    let text = stdout(env.cmd().args(["--lang", "en", "plans"]));
    assert!(text.starts_with("plan "), "{text}");
    assert!(text.contains("县2022"), "{text}");
}

#[test]
fn reading_commands_span_plans_and_name_each_rows_plan() {
    let env = two_plans();
    let all = env.json(&["list", "--json"]);
    assert_eq!(all.as_array().map(Vec::len), Some(10));
    assert!(
        all.as_array()
            .expect("rows")
            .iter()
            .all(|r| r["plan"].is_string())
    );
    let text = stdout(env.cmd().args(["list"]));
    assert!(
        text.contains("2024:1.1.1") && text.contains("县2022:1.1.1"),
        "{text}"
    );
    let one = env.json(&["list", "--json", "--plan", "县2022"]);
    assert_eq!(one.as_array().map(Vec::len), Some(3));
    assert!(one[0].get("plan").is_none(), "one plan: rows as before");
    let summary = env.json(&["summary", "--json"]);
    assert_eq!(summary[1]["plan"], "县2022");
    let agenda = env.json(&["agenda", "--json", "--all"]);
    assert!(
        agenda
            .as_array()
            .expect("rows")
            .iter()
            .any(|r| r["plan"] == "县2022")
    );
    // One units table over both plans: each unit's row names the plans it is in.
    let text = stdout(env.cmd().args(["units"]));
    assert!(!text.contains("【"), "one table, not one per plan: {text}");
    assert!(
        text.lines().next().is_some_and(|h| h.ends_with("计划")),
        "{text}"
    );
    let agenda = stdout(env.cmd().args(["agenda", "--all"]));
    assert!(agenda.contains("县2022:1.1.1"), "{agenda}");
    assert_eq!(
        agenda.matches("今天 2021-09-20").count(),
        1,
        "one agenda: {agenda}"
    );
    let units = env.json(&["units", "--json"]);
    assert!(
        units
            .as_array()
            .expect("rows")
            .iter()
            .all(|u| u["plans"].as_array().is_some_and(|p| !p.is_empty())),
        "{units}"
    );
    // 考核 over every plan in scope; --plan narrows it to that plan's units.
    let all = env.json(&["score", "--json"]);
    let one = env.json(&["score", "--json", "--plan", "县2022"]);
    let len = |v: &serde_json::Value| v.as_array().map_or(0, Vec::len);
    assert!(len(&one) > 0 && len(&one) <= len(&all), "{one} {all}");
}

#[test]
fn ids_name_their_plan_and_a_bare_id_must_be_unique() {
    let env = two_plans();
    env.cmd()
        .args(["--lang", "en", "show", "1.1.1"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("several plans: 2024, 县2022"));
    let r = env.json(&["show", "县2022:1.1.1", "--json"]);
    assert_eq!(r["text"], "按时公开部门预算、决算。");
    stdout(env.cmd().args(["set", "县2022:1.1.1", "doing"]));
    stdout(
        env.cmd()
            .args(["--plan", "县2022", "note", "1.1.2", "已公开"]),
    );
    // Unique across plans: 1.2.1 is only in the district plan.
    stdout(env.cmd().args(["set", "1.2.1", "doing"]));
    let county = env.json(&["list", "--json", "--plan", "县2022", "--status", "doing"]);
    assert_eq!(county.as_array().map(Vec::len), Some(1));
    env.cmd()
        .args(["--plan", "2024", "show", "县2022:1.1.1"])
        .assert()
        .code(2);
    env.cmd()
        .args(["--plan", "无此计划", "list"])
        .assert()
        .code(2);
}

#[test]
fn plans_new_rename_remove_and_restore() {
    let env = two_plans();
    stdout(
        env.cmd()
            .args(["plans", "new", "批示件", "--title", "2021年领导批示件"]),
    );
    let plans = env.json(&["plans", "--json"]);
    assert_eq!(plans[2]["name"], "批示件");
    assert_eq!(plans[2]["requirements"], 0);
    assert_eq!(plans[2]["period"], "2021");
    env.cmd()
        .args(["plans", "new", "批示件", "--title", "x"])
        .assert()
        .code(2);
    env.cmd()
        .args(["plans", "new", "a:b", "--title", "x"])
        .assert()
        .code(2);
    stdout(env.cmd().args(["plans", "rename", "2024", "2024要点"]));
    stdout(env.cmd().args(["show", "2024要点:1.1.1"]));
    env.cmd()
        .args(["plans", "remove", "2024要点"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("--force"));
    stdout(env.cmd().args(["plans", "remove", "2024要点", "--force"]));
    let names: Vec<Value> = env
        .json(&["plans", "--json"])
        .as_array()
        .expect("rows")
        .iter()
        .map(|p| p["name"].clone())
        .collect();
    assert_eq!(names, ["县2022", "批示件"]);
    stdout(env.cmd().args(["plans", "restore", "2024要点"]));
    let r = env.json(&["show", "2024要点:1.1.1", "--json"]);
    assert_eq!(r["status"], "done", "restored with its progress");
    stdout(env.cmd().args(["plans", "remove", "批示件"]));
    stdout(env.cmd().args(["plans", "remove", "县2022"]));
    env.cmd()
        .args(["plans", "remove", "2024要点", "--force"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("工作区至少保留一个计划"));
}

#[test]
fn list_archived_shows_every_plans_archive_naming_the_plan() {
    let env = two_plans();
    stdout(env.cmd().args(["remove", "2024:1.1.2"]));
    stdout(env.cmd().args(["remove", "县2022:1.1.1"]));
    let text = stdout(env.cmd().args(["list", "--archived"]));
    assert!(
        text.contains("2024:1.1.2") && text.contains("县2022:1.1.1"),
        "{text}"
    );
    let rows = env.json(&["list", "--archived", "--json"]);
    let names: Vec<&str> = (rows.as_array().expect("rows").iter())
        .map(|r| r["plan"].as_str().expect("the workspace plan"))
        .collect();
    assert_eq!(names, ["2024", "县2022"]);
    let one = env.json(&["list", "--archived", "--json", "--plan", "县2022"]);
    assert_eq!(one.as_array().map(Vec::len), Some(1));
    assert!(one[0].get("plan").is_none(), "one plan: no plan name");
    assert_eq!(one[0]["plan_title"], "某县2022年政务公开重点任务分解表");
    assert_eq!(one[0]["id"], "1.1.1");
}
