//! `summary`, `report` and `snapshot` over several plans (issue #20): one answer over the
//! plans in scope, rows naming their plan, each plan compared with its own snapshot.

use super::support::{read, stdout};
use super::workspace::two_plans;

#[test]
fn summary_totals_every_plan_and_lists_each() {
    let env = two_plans();
    let text = stdout(env.cmd().args(["summary"]));
    assert!(
        text.starts_with("全部计划（2 个）\n今天 2021-09-20  要求 10 条\n"),
        "{text}"
    );
    assert!(text.contains("已完成 1"), "{text}");
    let rows: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("计划"))
        .collect();
    assert_eq!(rows.len(), 3, "a header and a line per plan: {text}");
    assert!(
        rows[1].starts_with("2024 ") && rows[1].contains("7       1"),
        "{text}"
    );
    assert!(rows[2].starts_with("县2022"), "{text}");
    let json = env.json(&["summary", "--json"]);
    assert_eq!(json[0]["plan"], "2024");
    assert_eq!(json[0]["requirements"], 7);
    assert_eq!(json[1]["plan"], "县2022");
    assert_eq!(json[1]["requirements"], 3);
    // One plan in scope: that plan's own summary, as before.
    let one = env.json(&["summary", "--json", "--plan", "县2022"]);
    assert!(one.get("plan").is_none(), "{one}");
    assert_eq!(one["requirements"], 3);
    let text = stdout(env.cmd().args(["summary", "--plan", "2024"]));
    assert!(text.starts_with("某区2024年"), "{text}");
}

#[test]
fn snapshot_takes_every_plan_at_once_or_none() {
    let env = two_plans();
    stdout(
        env.cmd()
            .args(["--plan", "2024", "snapshot", "--label", "w1"]),
    );
    let before = read(&env.state());
    // 2024 already has `w1`: nothing is written, for either plan.
    env.cmd()
        .args(["snapshot", "--label", "w1"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("2024: a snapshot labelled `w1`"));
    assert_eq!(read(&env.state()), before);
    let out = stdout(env.cmd().args(["snapshot", "--label", "w2"]));
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(
        out.starts_with("2024：") && out.contains("\n县2022："),
        "{out}"
    );
    let list = env.json(&["snapshot", "--list", "--json"]);
    let rows: Vec<(&str, &str)> = (list.as_array().expect("rows").iter())
        .map(|r| {
            (
                r["plan"].as_str().expect("plan"),
                r["label"].as_str().expect("label"),
            )
        })
        .collect();
    assert_eq!(rows, [("2024", "w1"), ("2024", "w2"), ("县2022", "w2")]);
    let one = env.json(&["snapshot", "--list", "--json", "--plan", "县2022"]);
    assert!(one[0].get("plan").is_none(), "{one}");
}

#[test]
fn report_compares_each_plan_with_its_own_snapshot() {
    let env = two_plans();
    stdout(
        env.cmd()
            .args(["--plan", "2024", "snapshot", "--label", "w1"]),
    );
    stdout(env.cmd().args(["set", "2024:1.2.1", "doing"]));
    stdout(env.cmd().args(["set", "县2022:1.1.2", "doing"]));
    // Only 2024 has `w1`: the county plan is named, not an error.
    let text = stdout(env.cmd().args(["report", "--since", "w1"]));
    assert!(text.contains("2024:1.2.1"), "{text}");
    assert!(text.contains("未比较 县2022"), "{text}");
    let json = env.json(&["report", "--since", "w1", "--json"]);
    assert_eq!(json[0]["plan"], "2024");
    assert_eq!(json[0]["status_changes"][0]["id"], "1.2.1");
    assert_eq!(json[1]["plan"], "县2022");
    assert!(
        json[1]["snapshot"].is_null() && json[1]["error"].is_string(),
        "{json}"
    );
    stdout(env.cmd().args(["snapshot", "--label", "w2"]));
    stdout(env.cmd().args(["set", "县2022:2.1.1", "blocked"]));
    let text = stdout(env.cmd().args(["report", "--since", "w2"]));
    assert!(
        text.contains("县2022:2.1.1") && !text.contains("未比较"),
        "{text}"
    );
    assert!(
        text.contains("受阻 0 → 1（+1）"),
        "totals over both plans: {text}"
    );
    // No plan has the snapshot: an error naming each plan's.
    env.cmd()
        .args(["report", "--since", "nope"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "县2022: no snapshot labelled `nope`",
        ));
    let one = env.json(&["report", "--since", "w1", "--json", "--plan", "2024"]);
    assert!(one.get("plan").is_none(), "{one}");
}

#[test]
fn calendar_lists_every_plans_deadlines_naming_the_plan() {
    let env = two_plans();
    let june = stdout(env.cmd().args(["calendar", "2024-06"]));
    assert!(
        june.contains("2024:1.1.2") && june.contains("2024:2.2.1"),
        "{june}"
    );
    let county = stdout(env.cmd().args(["calendar", "2022-06"]));
    assert!(county.contains("  县2022:1.1.1  "), "{county}");
    let one = stdout(env.cmd().args(["calendar", "2022-06", "--plan", "县2022"]));
    assert!(
        one.contains("  1.1.1  ") && !one.contains("县2022:"),
        "{one}"
    );
    let other = stdout(env.cmd().args(["calendar", "2022-06", "--plan", "2024"]));
    assert!(other.contains("本月没有到期的任务"), "{other}");
}
