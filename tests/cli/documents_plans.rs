//! The documents over a workspace of several plans: a notice lists a unit's work in every
//! plan in scope, the bulletin reports on each plan and scores units over them all.

use super::documents::{docx_text, run};
use super::support::Env;

/// The built-in plan (`2021`) and a plan `批示` of one requirement, overdue at the tests'
/// 2021-09-20, led by a unit the built-in plan also names.
fn two_plans() -> Env {
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
    env
}

#[test]
fn a_notice_lists_the_units_work_in_every_plan() {
    let env = two_plans();
    let out = env.dir.path().join("通知.docx");
    let path = out.to_str().expect("path");
    let msg = run(&env, &["notice", "--unit", "经开区管委会", "-o", path]);
    assert!(msg.contains("经开区管委会：5项"), "{msg}");
    let text = docx_text(&out);
    for want in ["2021:1.1.1", "批示:1", "落实县长批示", "》《领导批示件》"] {
        assert!(text.contains(want), "{want:?} not in\n{text}");
    }
    // Reminders recorded in each requirement's own plan.
    let row = env.json(&["show", "批示:1", "--json"]);
    assert_eq!(row["reminders"][0]["note"], "督办〔2021〕第1号");
    let row = env.json(&["show", "2021:1.1.1", "--json"]);
    assert_eq!(row["reminders"][0]["note"], "督办〔2021〕第1号");
    // --plan narrows the notice to that plan's work.
    let msg = run(
        &env,
        &[
            "notice",
            "--plan",
            "批示",
            "--unit",
            "经开区管委会",
            "-o",
            path,
        ],
    );
    assert!(msg.contains("经开区管委会：1项"), "{msg}");
    assert!(!docx_text(&out).contains("2021:"), "one plan: bare ids");
}

#[test]
fn a_bulletin_reports_on_each_plan_and_scores_units_over_all() {
    let env = two_plans();
    let out = env.dir.path().join("通报.md");
    let path = out.to_str().expect("path");
    run(&env, &["bulletin", "-o", path]);
    let md = std::fs::read_to_string(&out).expect("written");
    for want in [
        "《永济市2021年政务公开工作要点任务分解表》共35项",
        "《领导批示件》共1项工作任务",
        "2021：1. 扩大公开范围",
        "批示：1. ",
    ] {
        assert!(md.contains(want), "{want:?} not in\n{md}");
    }
    // The score table counts the unit's overdue work in both plans.
    let all = env.json(&["score", "--json"]);
    let unit = |v: &serde_json::Value| {
        (v.as_array().expect("scores").iter())
            .find(|s| s["name"] == "经开区管委会")
            .map(|s| s["score"].as_f64().expect("score"))
            .expect("the unit")
    };
    let one = env.json(&["score", "--json", "--plan", "2021"]);
    assert!(unit(&all) < unit(&one), "{all} {one}");
    assert!(md.contains(&format!("{:.1}", unit(&all))), "{md}");
    // --since needs one plan: snapshots are a plan's own.
    env.cmd()
        .env("DUBAN_OFFICE", env.dir.path().join("office.toml"))
        .args(["bulletin", "--since", "2021-09-13", "-o", path])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--plan"));
}
