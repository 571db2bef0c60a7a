//! Issue #20's last pieces on a workspace of several plans: `export --since` spans the plans
//! as `report` does, the notice book records each listed requirement's plan (old entries
//! keep their meaning), and a refusal names the requirement `NAME:ID`.

use calamine::Reader as _;
use serde_json::{Value, json};

use super::documents::run;
use super::support::{Env, stdout};
use super::workspace::two_plans;

/// The built-in plan `2021` and `批示` of one requirement, both snapshotted as `w1`, then
/// changed: a status in `2021`, a note in `批示`.
fn changed_since_w1() -> Env {
    let env = Env::new();
    run(&env, &["plans", "new", "批示", "--title", "领导批示件"]);
    run(
        &env,
        &[
            "add",
            "--plan",
            "批示",
            "--text",
            "落实县长批示",
            "--unit",
            "经开区管委会",
        ],
    );
    run(&env, &["snapshot", "--label", "w1"]);
    run(&env, &["set", "2021:1.1.1", "done"]);
    run(&env, &["note", "批示:1", "已召开专题会"]);
    env
}

#[test]
fn export_since_spans_the_plans_each_against_its_own_snapshot() {
    let env = changed_since_w1();
    // A plan made after the snapshot has none: it is named, the others compared.
    run(&env, &["plans", "new", "提案", "--title", "政协提案"]);
    let md = run(
        &env,
        &["--lang", "en", "export", "--format", "md", "--since", "w1"],
    );
    for want in [
        "## 2021 · Changes this period",
        "## 批示 · Changes this period",
        "## 提案: 政协提案",
        "提案: no snapshot",
        "Supervision report (all plans)",
    ] {
        assert!(md.contains(want), "{want:?} not in\n{md}");
    }
    let html = run(&env, &["export", "--format", "html", "--since", "w1"]);
    assert!(html.contains("2021 · 本期变化") && html.contains("批示 · 本期变化"));
    // The workbook: a ledger sheet per plan and one 本期变化 sheet naming each plan.
    let path = env.dir.path().join("周报.xlsx");
    run(
        &env,
        &[
            "export",
            "--since",
            "w1",
            "-o",
            path.to_str().expect("path"),
        ],
    );
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&path).expect("workbook");
    let changes = wb.worksheet_range("本期变化").expect("a changes sheet");
    let text: Vec<String> = changes.rows().flatten().map(ToString::to_string).collect();
    for plan in ["2021", "批示", "提案"] {
        assert!(text.iter().any(|t| t == plan), "{plan} not in {text:?}");
    }
    assert!(text.iter().any(|t| t.contains("已召开专题会")), "{text:?}");
    // `--plan` gives that plan's export as before; no plan with the snapshot is an error.
    let one = run(
        &env,
        &[
            "export", "--format", "md", "--since", "w1", "--plan", "批示",
        ],
    );
    assert!(
        !one.contains("2021 ·") && one.contains("已召开专题会"),
        "{one}"
    );
    env.cmd()
        .args(["export", "--format", "md", "--since", "w9"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no plan to compare"));
    // The CSV ledger holds one plan: it asks for one.
    env.cmd()
        .args(["export", "--format", "csv"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "--plan NAME (plans: 2021, 批示, 提案)",
        ));
}

fn state(env: &Env) -> Value {
    serde_json::from_slice(&std::fs::read(env.state()).expect("state")).expect("json")
}

#[test]
fn the_notice_book_records_each_listed_requirements_plan() {
    let env = Env::new();
    run(&env, &["plans", "new", "批示", "--title", "领导批示件"]);
    run(
        &env,
        &[
            "add",
            "--plan",
            "批示",
            "--text",
            "落实县长批示",
            "--unit",
            "经开区管委会",
            "--deadline",
            "2021年9月1日前",
        ],
    );
    let out = env.dir.path().join("通知.docx");
    run(
        &env,
        &[
            "notice",
            "--unit",
            "经开区管委会",
            "-o",
            out.to_str().expect("path"),
        ],
    );
    let entry = &state(&env)["notices"]["issued"][0];
    assert_eq!(entry["plan"], "2021", "{entry}");
    let ids = entry["ids"].as_array().expect("ids");
    // Stored canonical, as every id in the state file (`批示:1` on screen).
    assert!(ids.contains(&json!("批示:1.1.1")), "{entry}");
    assert!(
        ids.iter().any(|i| i == "1.1.1"),
        "the entry's own plan's ids bare: {entry}"
    );
    // A renamed plan: the entries naming it follow.
    run(&env, &["plans", "rename", "批示", "批示件"]);
    let entry = &state(&env)["notices"]["issued"][0];
    assert!(
        entry["ids"]
            .as_array()
            .expect("ids")
            .contains(&json!("批示件:1.1.1")),
        "{entry}"
    );
}

#[test]
fn old_notice_entries_keep_meaning_their_plan_when_plans_change() {
    // A single-plan workspace's notice, written as before plans were recorded.
    let env = Env::new();
    let out = env.dir.path().join("通知.docx");
    run(
        &env,
        &[
            "notice",
            "--unit",
            "经开区管委会",
            "-o",
            out.to_str().expect("path"),
        ],
    );
    let mut old = state(&env);
    let entry = old["notices"]["issued"][0].as_object_mut().expect("entry");
    entry.remove("plan");
    let ids = entry["ids"].clone();
    assert!(ids.as_array().is_some_and(|a| !a.is_empty()), "{ids}");
    env.write_state(&old.to_string());
    // Read and written back unchanged by an edit ...
    run(&env, &["note", "1.1.2", "已对接"]);
    assert!(state(&env)["notices"]["issued"][0].get("plan").is_none());
    // ... and pinned to its plan before the plans change, which it then follows.
    run(&env, &["plans", "new", "批示", "--title", "领导批示件"]);
    let entry = &state(&env)["notices"]["issued"][0];
    assert_eq!(entry["plan"], "2021");
    assert_eq!(entry["ids"], ids, "the ids unchanged");
    run(&env, &["plans", "rename", "2021", "要点"]);
    assert_eq!(state(&env)["notices"]["issued"][0]["plan"], "要点");
}

#[test]
fn a_refusal_names_the_requirement_with_its_plan() {
    let env = two_plans();
    env.cmd()
        .args(["--lang", "en", "approve", "县2022:1.1.1"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("县2022:1.1.1 is todo"));
    env.cmd()
        .args(["approve", "县2022:1.1.1"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("县2022:1.1.1 当前为"));
    stdout(env.cmd().args(["set", "2024:1.1.1", "doing"]));
    env.cmd()
        .args([
            "--lang",
            "en",
            "reject",
            "2024:1.1.1",
            "--reason",
            "材料不全",
        ])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("2024:1.1.1 is doing"));
}
