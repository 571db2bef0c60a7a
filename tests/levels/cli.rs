//! Ids in and out on the command line for plans of fewer levels: `show 2.1`, `set 2 done`,
//! the document's own number (`show 3`, `第3项`), JSON, and the exports without the
//! columns of levels the plan lacks.

use std::path::PathBuf;

use calamine::Reader as _;
use duban::plan::{Category, Item, Levels, Plan, ReqId, Requirement};
use duban::store::{State, Store};
use serde_json::Value;

use super::fixtures::{one, two};
use crate::cli_support::{Env, stdout};

fn imported(doc: &crate::build::Doc, name: &str) -> (Env, PathBuf) {
    let env = Env::new();
    let path = env.dir.path().join(name);
    let bytes = if std::path::Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
    {
        doc.gbk_csv()
    } else {
        doc.text().into_bytes()
    };
    std::fs::write(&path, bytes).expect("write");
    stdout(env.cmd().arg("import").arg(&path));
    (env, path)
}

fn run(env: &Env, args: &[&str]) -> String {
    stdout(env.cmd().args(args))
}

fn refused(env: &Env, args: &[&str]) -> String {
    let out = env.cmd().args(args).output().expect("runs");
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    String::from_utf8(out.stderr).expect("UTF-8")
}

#[test]
fn a_two_level_plan_is_shown_and_addressed_as_c_r() {
    let (env, _) = imported(&two(), "two.txt");
    assert_eq!(env.ids(&[]), ["1.1", "1.2", "2.1", "2.2"]);
    let show = run(&env, &["show", "2.1"]);
    assert!(
        show.starts_with("编号  2.1\n序号  第3项\n类别  2 加强市场监管\n要求  开展专项检查\n"),
        "{show}"
    );
    assert!(!show.contains("事项"), "{show}");
    // The full id always works, and the document's number finds the task.
    assert_eq!(run(&env, &["show", "2.1.1"]), show);
    assert_eq!(run(&env, &["show", "3"]), show);
    assert_eq!(run(&env, &["show", "第3项"]), show);
    assert_eq!(run(&env, &["set", "1.2", "done"]), "1.2 未开始 → 已完成\n");
    assert_eq!(
        run(&env, &["note", "4", "已公开"]),
        "2.2 已添加备注：已公开\n"
    );
    let row = env.json(&["show", "1.2", "--json"]);
    assert_eq!(row["id"], "1.2");
    assert_eq!(row["status"], "done");
    // The state file keeps the canonical ids.
    let state = std::fs::read_to_string(env.state()).expect("state");
    assert!(state.contains("\"id\": \"1.1.2\""), "{state}");
    assert!(!state.contains("\"id\": \"1.2\""), "{state}");
    let e = refused(&env, &["show", "1.3"]);
    assert!(e.contains("本计划中没有要求 1.3"), "{e}");
    let e = refused(&env, &["show", "9"]);
    assert!(e.contains("本计划中没有要求 9"), "{e}");
    let summary = run(&env, &["summary"]);
    assert!(summary.contains("类别 2 个，要求 4 条"), "{summary}");
    assert!(!summary.contains("事项"), "{summary}");
}

#[test]
fn a_one_level_plan_is_shown_and_addressed_by_position() {
    let (env, _) = imported(&one(), "one.csv");
    assert_eq!(env.ids(&[]), ["1", "2", "3"]);
    assert_eq!(run(&env, &["set", "2", "done"]), "2 未开始 → 已完成\n");
    let show = run(&env, &["show", "1.1.2"]);
    assert!(
        show.starts_with("编号  2\n序号  第2项\n要求  抓好招商引资\n"),
        "{show}"
    );
    assert!(!show.contains("类别") && !show.contains("事项"), "{show}");
    let e = refused(&env, &["show", "1.2"]);
    assert!(e.contains("编号形如 R（如 12）或 1.1.R"), "{e}");
    let summary = run(&env, &["summary"]);
    assert!(summary.contains("\n要求 3 条\n"), "{summary}");
}

#[test]
fn a_three_level_plan_takes_c_i_r_and_refuses_shorter_ids() {
    let env = Env::new();
    let e = refused(&env, &["show", "2.2"]);
    assert!(e.contains("编号形如 C.I.R（如 1.2.3）"), "{e}");
    assert!(run(&env, &["show", "2.2.4"]).starts_with("编号  2.2.4\n"));
}

/// A one-level plan whose document numbers its tasks 11, 12, 13 (an excerpt of a longer
/// list): `12` by position names nothing, by number the second task.
fn numbered_plan(numbers: [u32; 3]) -> Plan {
    let requirements = (1..=3)
        .zip(numbers)
        .map(|(i, n)| {
            let mut r = Requirement::new(
                ReqId::new(1, 1, i),
                format!("任务{n}"),
                "县政府办公室".into(),
                "年底前".into(),
                2021,
            );
            r.number = Some(n);
            r
        })
        .collect();
    let mut plan = Plan {
        title: "某县2021年重点工作".into(),
        year: 2021,
        source: "hand".into(),
        period: None,
        levels: Levels::One,
        year_guessed: false,
        categories: vec![Category {
            number: 1,
            name: String::new(),
            items: vec![Item {
                name: String::new(),
                requirements,
            }],
        }],
    };
    plan.derive();
    plan
}

fn saved(plan: Plan) -> Env {
    let env = Env::new();
    Store::new(env.state())
        .save(&State::new(plan))
        .expect("save");
    env
}

#[test]
fn the_documents_own_number_finds_a_task() {
    let env = saved(numbered_plan([11, 12, 13]));
    let row = env.json(&["show", "12", "--json"]);
    assert_eq!(row["id"], "2");
    assert_eq!(row["text"], "任务12");
    assert_eq!(
        run(&env, &["set", "第13项", "doing"]),
        "3 未开始 → 推进中\n"
    );
    // Position 2 is unambiguous where no task has that number.
    assert_eq!(env.json(&["show", "2", "--json"])["text"], "任务12");
    let tree = run(&env, &["list"]);
    assert!(tree.contains("任务11"), "{tree}");
}

#[test]
fn a_number_that_is_another_tasks_position_is_ambiguous() {
    // Numbered 3, 1, 2: "1" is the first by position, the second by number.
    let env = saved(numbered_plan([3, 1, 2]));
    let e = refused(&env, &["show", "1"]);
    assert!(e.contains("`1` 有歧义"), "{e}");
    assert!(e.contains("1.1.1 或 第1项"), "{e}");
    assert_eq!(env.json(&["show", "第1项", "--json"])["id"], "2");
    assert_eq!(env.json(&["show", "1.1.1", "--json"])["id"], "1");
}

fn csv_header(env: &Env) -> String {
    let csv = run(env, &["export", "--format", "csv"]);
    csv.trim_start_matches('\u{feff}')
        .lines()
        .next()
        .expect("header")
        .to_string()
}

#[test]
fn exports_leave_out_the_levels_a_plan_lacks() {
    let (two_env, _) = imported(&two(), "two.txt");
    let header = csv_header(&two_env);
    assert!(
        header.starts_with("序号,重点任务,具体要求,牵头单位"),
        "{header}"
    );
    let csv = run(&two_env, &["export", "--format", "csv"]);
    assert!(
        csv.contains("\r\n2.1,加强市场监管,开展专项检查,监管科,"),
        "{csv}"
    );
    let md = run(&two_env, &["export", "--format", "md"]);
    assert!(md.contains("| 序号 | 重点任务 | 具体要求 |"), "{md}");
    assert!(!md.contains("工作内容"), "{md}");

    let (one_env, _) = imported(&one(), "one.csv");
    let header = csv_header(&one_env);
    assert!(header.starts_with("序号,具体要求,牵头单位"), "{header}");
    let html = run(&one_env, &["export", "--format", "html"]);
    assert!(
        !html.contains("重点任务") && !html.contains("工作内容"),
        "{html}"
    );
    assert!(html.contains("抓好招商引资"), "{html}");
    let out = one_env.dir.path().join("one.xlsx");
    run(&one_env, &["export", "-o", out.to_str().expect("UTF-8")]);
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&out).expect("xlsx");
    let sheet = book.worksheet_range_at(0).expect("a sheet").expect("reads");
    let header: Vec<String> = (sheet.rows().nth(1).expect("header row"))
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(header[..3], ["序号", "具体要求", "牵头单位"], "{header:?}");
    let first: Vec<String> = (sheet.rows().nth(2).expect("a row"))
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(first[..2], ["1", "推进重点项目建设"], "{first:?}");
    let json: Value = one_env.json(&["agenda", "--json"]);
    let ids: Vec<&str> = json.as_array().map_or(Vec::new(), |a| {
        a.iter().filter_map(|r| r["id"].as_str()).collect()
    });
    assert!(ids.iter().all(|id| !id.contains('.')), "{ids:?}");
}
