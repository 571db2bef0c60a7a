//! The workbook of a workspace of several plans, read back with calamine: a ledger sheet per
//! plan, one overdue list and one units summary over every plan (the overdue list naming
//! each row's plan), and the 考核 sheet; `--plan` gives one plan's workbook as before.

use super::support::{Env, TODAY};
use calamine::Reader as _;

use super::xlsx::{open, row_text, sheet, text};

/// The built-in plan (`2021`) and a plan of one hand-made requirement, overdue at [`TODAY`],
/// led by a unit the built-in plan also names.
fn two_plans() -> Env {
    let env = Env::new();
    env.some_progress();
    env.run(TODAY, &["plans", "new", "批示", "--title", "领导批示件"]);
    env.run(
        TODAY,
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
fn a_workspace_workbook_has_a_ledger_per_plan_and_one_overdue_list() {
    let env = two_plans();
    env.run(TODAY, &["export", "-o", "all.xlsx"]);
    let mut wb = open(&env.path("all.xlsx"));
    assert_eq!(
        wb.sheet_names(),
        [
            "台账-2021",
            "台账-批示",
            "逾期未办结清单",
            "单位汇总",
            "考核"
        ]
    );
    let ledger = sheet(&mut wb, "台账-批示");
    let cells: Vec<String> = ledger.rows().flat_map(|r| r.iter().map(text)).collect();
    assert!(cells.iter().any(|c| c == "落实县长批示"), "{cells:?}");
    assert!(
        !cells.iter().any(|c| c.contains("政务公开")),
        "one plan per sheet"
    );

    let overdue = sheet(&mut wb, "逾期未办结清单");
    assert_eq!(
        row_text(&overdue, 1).last().map(String::as_str),
        Some("计划")
    );
    let rows: Vec<Vec<String>> = (2..overdue.height())
        .map(|r| row_text(&overdue, r))
        .collect();
    let pishi: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| r.get(9).is_some_and(|p| p == "批示"))
        .collect();
    assert_eq!(pishi.len(), 1, "{rows:?}");
    assert_eq!(pishi[0][0], "经开区管委会");
    assert_eq!(pishi[0][2], "落实县长批示");
    assert!(
        rows.iter().any(|r| r.get(9).is_some_and(|p| p == "2021")),
        "{rows:?}"
    );

    // The unit's lead count is the sum over both plans.
    let one = |env: &Env, plan: &str| -> usize {
        let rows = env.json(&["units", "--json", "--plan", plan]);
        rows.as_array()
            .expect("rows")
            .iter()
            .find(|u| u["name"] == "经开区管委会")
            .map_or(0, |u| {
                usize::try_from(u["lead"].as_u64().expect("lead")).expect("small")
            })
    };
    let units = sheet(&mut wb, "单位汇总");
    let row = (2..units.height())
        .map(|r| row_text(&units, r))
        .find(|r| r[0] == "经开区管委会")
        .expect("the unit's row");
    assert_eq!(row[1], (one(&env, "2021") + one(&env, "批示")).to_string());

    let scores = sheet(&mut wb, "考核");
    assert_eq!(row_text(&scores, 1), ["单位", "得分", "计分明细"]);
    let want = env.json(&["score", "--json"]);
    let first = &want.as_array().expect("scores")[0];
    assert_eq!(text(&scores[(2, 0)]), first["name"].as_str().expect("name"));
    assert_eq!(
        text(&scores[(2, 1)]),
        first["score"].as_f64().expect("score").to_string()
    );
}

#[test]
fn with_plan_the_workbook_is_one_plans_and_other_formats_ask_for_it() {
    let env = two_plans();
    env.run(TODAY, &["export", "--plan", "批示", "-o", "one.xlsx"]);
    let mut wb = open(&env.path("one.xlsx"));
    assert_eq!(
        wb.sheet_names(),
        ["工作台账", "逾期未办结清单", "单位汇总", "考核"]
    );
    let overdue = sheet(&mut wb, "逾期未办结清单");
    assert_eq!(
        row_text(&overdue, 1).len(),
        9,
        "no 计划 column for one plan"
    );
    env.cmd()
        .args(["export", "-o", "all.csv"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--plan"));
    // --since spans the plans too (tests/cli/workspace_leftovers.rs): with no snapshot in
    // any of them there is nothing to compare.
    env.cmd()
        .args(["export", "-o", "all.xlsx", "--since", "2021-09-13"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no plan to compare"));
}
