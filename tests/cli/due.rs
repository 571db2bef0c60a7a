//! `duban due ID DATE` / `--clear`, and `import --period`: the override shows everywhere
//! (show, list, agenda, JSON, exports), bad input exits 2 and leaves the state file alone.

use predicates::prelude::*;

use super::support::{Env, SEED, bare, read};

/// `duban --state <tmp> --today DAY ARGS`, its stdout.
fn on(env: &Env, day: &str, args: &[&str]) -> String {
    let out = bare()
        .arg("--state")
        .arg(env.state())
        .args(["--today", day])
        .args(args)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn due_overrides_the_text_everywhere_and_keeps_it() {
    let env = Env::new();
    env.cmd()
        .args(["due", "1.1.1", "2021-10-15"])
        .assert()
        .success()
        .stdout(
            "1.1.1 时限人工设定为 2021-10-15（原文：2021年8月15日前，在政府门户网站制作转型政策专题。）\n",
        );
    let row = env.json(&["show", "1.1.1", "--json"]);
    assert_eq!(row["deadline"]["set_by_hand"], "2021-10-15");
    assert_eq!(row["deadline"]["due"], "2021-10-15");
    assert_eq!(row["deadline"]["kind"], "date");
    assert_eq!(
        row["deadline"]["raw"],
        "2021年8月15日前，在政府门户网站制作转型政策专题。"
    );
    assert_eq!(
        (row["days_left"].as_i64(), &row["overdue"]),
        (Some(25), &false.into())
    );
    assert_eq!(row["history"][0]["kind"], "due");
    assert_eq!(row["history"][0]["to"], "2021-10-15");
    assert!(!env.ids(&["--overdue"]).contains(&"1.1.1".to_string()));

    env.cmd()
        .args(["show", "1.1.1"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "理解  人工设定 2021-10-15；限期；节点 2021-08-15；到期 2021-10-15（剩25天）",
        ))
        .stdout(predicate::str::contains(
            "人工设定时限：按原文 → 2021-10-15",
        ));
    env.cmd()
        .args(["list", "--category", "1"])
        .assert()
        .success()
        .stdout(predicate::str::contains("1.1.1  未开始  人工 剩25天"));
    let agenda = env.json(&["agenda", "--json"]);
    let row = agenda
        .as_array()
        .expect("array")
        .iter()
        .find(|r| r["id"] == "1.1.1")
        .expect("listed");
    assert_eq!(row["bucket"], "within30");
    env.cmd()
        .args(["export", "--format", "csv"])
        .assert()
        .success()
        .stdout(predicate::str::contains("2021-10-15（人工设定）"));
}

#[test]
fn due_accepts_a_chinese_date_and_english_output() {
    let env = Env::new();
    env.cmd()
        .args(["--lang", "en", "due", "2.2.4", "2021年9月30日"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "2.2.4 due date set by hand to 2021-09-30 (text: ",
        ));
    assert_eq!(
        env.json(&["show", "2.2.4", "--json"])["deadline"]["set_by_hand"],
        "2021-09-30"
    );
}

#[test]
fn clear_goes_back_to_the_text() {
    let env = Env::new();
    env.cmd()
        .args(["due", "1.1.1", "2021-10-15"])
        .assert()
        .success();
    env.cmd()
        .args(["due", "1.1.1", "--clear"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "1.1.1 已取消人工设定的时限，按原文：",
        ));
    let row = env.json(&["show", "1.1.1", "--json"]);
    assert_eq!(row["deadline"]["set_by_hand"], serde_json::Value::Null);
    assert_eq!(row["overdue"], true);
    assert_eq!(row["history"].as_array().expect("history").len(), 2);
    // Nothing to clear: a no-op that does not rewrite the file.
    let before = read(&env.state());
    env.cmd()
        .args(["due", "1.1.1", "--clear"])
        .assert()
        .success()
        .stdout("1.1.1 没有人工设定的时限，未改变\n");
    assert_eq!(read(&env.state()), before);
}

#[test]
fn bad_input_exits_2_and_leaves_the_state_file_alone() {
    let env = Env::new();
    // No state file yet: none is created by a failing command.
    env.cmd()
        .args(["due", "1.1.1", "2021-02-30"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "不是有效的日期（应为 YYYY-MM-DD 或 2021年9月30日）",
        ));
    assert!(!env.state().exists());
    env.cmd()
        .args(["due", "1.1.1", "2021-10-15"])
        .assert()
        .success();
    let before = read(&env.state());
    for (args, message) in [
        (&["due", "1.1.1", "明天"][..], "不是有效的日期"),
        (&["due", "1.1.1", "21-10-15"], "不是有效的日期"),
        (&["due", "9.9.9", "2021-10-15"], "本计划中没有要求 9.9.9"),
        (&["due", "1.1.1"], "缺少必需的参数：<DATE>"),
        (
            &["due", "1.1.1", "2021-10-15", "--clear"],
            "不能与 '--clear' 同时使用",
        ),
    ] {
        env.cmd()
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(message));
        assert_eq!(read(&env.state()), before, "{args:?}");
    }
}

#[test]
fn a_date_outside_the_period_is_set_with_a_warning() {
    let env = Env::new();
    env.cmd()
        .args(["due", "1.1.1", "2022-03-31"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "注意：2022-03-31 不在计划期（2021年度）内",
        ));
}

#[test]
fn import_period_sets_when_the_plan_ends() {
    let env = Env::new();
    env.cmd()
        .args(["import", SEED, "--period", "2021-03-01..2021-09-30"])
        .assert()
        .success();
    let summary = env.json(&["summary", "--json"]);
    assert_eq!(summary["period"]["end"], "2021-09-30");
    assert_eq!(summary["ended"], false);
    let after = |args: &[&str]| on(&env, "2021-10-08", args);
    let text = after(&["summary"]);
    assert!(text.contains("计划期 2021-03-01至2021-09-30"), "{text}");
    assert!(
        text.contains("计划期（2021-03-01至2021-09-30）已结束，未完成 35 项"),
        "{text}"
    );
    // The monthly duty 1.1.4 stops at the period's end, and 1.1.1 reads as a fact at it.
    let row: serde_json::Value =
        serde_json::from_str(&after(&["show", "1.1.4", "--json"])).expect("JSON");
    assert_eq!(row["deadline"]["due"], "2021-09-30");
    let list = after(&["list", "--category", "1"]);
    assert!(list.contains("1.1.1  未开始  截至期末逾期46天"), "{list}");
}

#[test]
fn import_rejects_a_bad_period() {
    let env = Env::new();
    env.cmd().args(["set", "1.1.1", "doing"]).assert().success();
    let before = read(&env.state());
    for bad in ["2021-09-30..2021-03-01", "21", "2021-13-01..2022-01-01"] {
        env.cmd()
            .args(["import", SEED, "--force", "--period", bad])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(format!(
                "'--period <YEAR|START..END>' 的值 '{bad}' 无效：应为年份"
            )));
        assert_eq!(read(&env.state()), before, "{bad}");
    }
}

#[test]
fn an_ended_plan_reads_as_facts_at_its_end() {
    let env = Env::new();
    let text = on(&env, "2026-12-03", &["summary"]);
    assert!(text.contains("2021年度计划已结束，未完成 35 项"), "{text}");
    let list = on(&env, "2026-12-03", &["list", "--category", "1"]);
    assert!(list.contains("1.1.1  未开始  截至年底逾期138天"), "{list}");
    // The agenda's recurring rows no longer count down: the plan is over.
    let agenda = on(&env, "2026-12-03", &["agenda"]);
    assert!(agenda.contains("1.1.4  每月 "), "{agenda}");
    assert!(!agenda.contains("每月 逾期"), "{agenda}");
}

#[test]
fn import_reads_the_period_a_title_states() {
    let env = Env::new();
    let doc = env.dir.path().join("plan.md");
    std::fs::write(
        &doc,
        "## 某县2024年7月至2025年6月重点工作任务分解表\n\n\
         | 序号 | 公开任务 | 公开内容 | 具体要求 | 责任部门 | 时限及要求 |\n\
         |---|---|---|---|---|---|\n\
         | 1 | 扩大公开范围 | 政策公开 | 每月公开政策解读。 | 县政府办公室 | 每月底前 |\n",
    )
    .expect("write plan");
    let doc = doc.to_str().expect("UTF-8 path");
    env.cmd().args(["import", doc]).assert().success();
    let summary = env.json(&["summary", "--json"]);
    assert_eq!(summary["period"]["start"], "2024-07-01");
    assert_eq!(summary["period"]["end"], "2025-06-30");
    // The monthly duty runs into 2025 and stops at the period's end.
    let due = on(&env, "2025-06-10", &["show", "1.1.1", "--json"]);
    let row: serde_json::Value = serde_json::from_str(&due).expect("JSON");
    assert_eq!(row["deadline"]["due"], "2025-06-30");
    // `--period` wins over the title.
    env.cmd()
        .args(["import", doc, "--force", "--period", "2024"])
        .assert()
        .success();
    assert_eq!(
        env.json(&["summary", "--json"])["period"]["end"],
        "2024-12-31"
    );
}
