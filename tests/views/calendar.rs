//! The working-day calendar end to end (issue 15): `duban calendar`, `workdays_left` in the
//! JSON outputs, a user `holidays.toml` adding a year, and a malformed one. The config
//! directory of [`Env`] is `<tmp>/config`.

use std::fs;
use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

use super::support::{Env, stdout};

/// Two requirements due around the 2024 National Day break.
const PLAN: &str = "\
# 某区2024年政务公开工作要点任务分解表

| 序号 | 工作事项 | 具体要求 | 责任单位 | 完成时限 |
|---|---|---|---|---|
| **一、政策公开** | | | | |
| 1 | 政策解读 | 在政府网站同步发布图解、视频等解读材料，并在政务新媒体转载。 | 区政府办 | 2024年10月8日前 |
| 2 | 目录更新 | 更新政务公开事项目录。 | 区司法局 | 2024年10月5日前 |
";

/// An illustrative 2027 table (the real notice is not out yet).
const USER_2027: &str = r#"[2027]
source = "test"
holidays = [
    { name = "元旦", from = "2027-01-01", to = "2027-01-03" },
    { name = "春节", from = "2027-02-05", to = "2027-02-12" },
]
workdays = ["2027-02-14"]
"#;

fn path(env: &Env, name: &str) -> PathBuf {
    env.dir.path().join(name)
}

/// The seed plan replaced by [`PLAN`].
fn with_plan() -> Env {
    let env = Env::new();
    fs::write(path(&env, "plan.md"), PLAN).expect("write plan");
    env.at("2024-09-01")
        .arg("import")
        .arg(path(&env, "plan.md"))
        .assert()
        .success();
    env
}

fn user_file(env: &Env, text: &str) -> PathBuf {
    let file = path(env, "holidays.toml");
    fs::write(&file, text).expect("write holidays");
    file
}

fn json(cmd: &mut Command) -> Value {
    serde_json::from_str(&stdout(cmd)).expect("JSON")
}

#[test]
fn the_sunday_before_national_day_counts_two_working_days() {
    let env = with_plan();
    let v = json(env.at("2024-09-29").args(["show", "1.1.1", "--json"]));
    assert_eq!(v["days_left"], 9);
    assert_eq!(v["workdays_left"], 2);
    assert_eq!(v["calendar_warning"], Value::Null);
    let list = json(env.at("2024-09-29").args(["list", "--json"]));
    assert_eq!(list[1]["days_left"], 6);
    assert_eq!(
        list[1]["workdays_left"], 1,
        "10-05 is in the break: only 9/30"
    );
    let agenda = json(env.at("2024-09-29").args(["agenda", "--json"]));
    let row = agenda
        .as_array()
        .expect("array")
        .iter()
        .find(|r| r["id"] == "1.1.1")
        .expect("listed");
    assert_eq!(
        (row["days_left"].clone(), row["workdays_left"].clone()),
        (9.into(), 2.into())
    );
}

#[test]
fn workdays_left_is_null_where_days_left_is() {
    let env = Env::new();
    let rows = json(env.at("2021-09-20").args(["list", "--json"]));
    for row in rows.as_array().expect("array") {
        assert_eq!(
            row["days_left"].is_null(),
            row["workdays_left"].is_null(),
            "{row}"
        );
    }
    let agenda = json(env.at("2021-09-20").args(["agenda", "--json"]));
    for row in agenda.as_array().expect("array") {
        assert_eq!(
            row["days_left"].is_null(),
            row["workdays_left"].is_null(),
            "{row}"
        );
    }
}

#[test]
fn calendar_grid_marks_holidays_adjusted_days_today_and_deadlines() {
    let env = with_plan();
    let text = stdout(env.at("2024-09-29").args(["calendar", "2024-10"]));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0].trim(), "2024年10月");
    assert_eq!(lines[1], " 一     二     三     四     五     六     日");
    assert_eq!(lines[2], "         1 休   2 休   3 休   4 休   5*休   6 休");
    assert_eq!(lines[3], "  7 休   8*     9     10     11     12 班  13");
    assert!(text.contains("休 国庆节 10-01 至 10-07"), "{text}");
    assert!(text.contains("班 调休上班 10-12"), "{text}");
    assert!(text.contains("本月工作日 19 天"), "{text}");
    assert!(
        text.contains("  10-05 六  1.2.1  节假日→09-30 更新政务公开事项目录。"),
        "{text}"
    );
    assert!(text.contains("  10-08 二  1.1.1  在政府网站"), "{text}");
    assert!(!text.contains("注意"), "{text}");
    // Today is bracketed; the default month is today's.
    let september = stdout(env.at("2024-09-29").arg("calendar"));
    assert!(september.contains("[29 班]"), "{september}");
    assert!(
        september.contains("班 调休上班 09-14、09-29"),
        "{september}"
    );
}

#[test]
fn calendar_truncates_requirements_by_display_width() {
    let env = with_plan();
    let text = stdout(
        env.at("2024-09-29")
            .env("COLUMNS", "40")
            .args(["calendar", "2024-10"]),
    );
    let line = text.lines().find(|l| l.contains("1.1.1")).expect("listed");
    assert!(line.ends_with('…'), "{line}");
    assert!(unicode_width::UnicodeWidthStr::width(line) <= 40, "{line}");
}

#[test]
fn calendar_in_english() {
    let env = with_plan();
    env.at("2024-09-29")
        .args(["calendar", "2024-10", "--lang", "en"])
        .assert()
        .success()
        .stdout(predicate::str::contains("October 2024"))
        .stdout(predicate::str::contains(" Mo     Tu     We"))
        .stdout(predicate::str::contains("19 working days this month"))
        .stdout(predicate::str::contains("off→09-30"));
}

#[test]
fn a_year_without_data_warns() {
    let env = Env::new();
    env.at("2027-01-05")
        .args(["calendar", "2027-02"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "注意: 2027年节假日安排未录入，按周一至周五计算",
        ));
    env.at("2027-01-05")
        .args(["calendar", "2027-02", "--lang", "en"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "warning: no holiday schedule for 2027; counting Monday to Friday",
        ));
    // The 2021 plan's duties stop at its period end, so a date set by hand in 2027: counted
    // on an assumed calendar, and it says so.
    env.at("2027-01-05")
        .args(["due", "1.1.4", "2027-01-29"])
        .assert()
        .success();
    let v = json(env.at("2027-01-05").args(["show", "1.1.4", "--json"]));
    assert_eq!(v["deadline"]["due"], "2027-01-29");
    assert!(v["workdays_left"].is_i64());
    assert_eq!(
        v["calendar_warning"],
        "2027年节假日安排未录入，按周一至周五计算"
    );
    let en = json(
        env.at("2027-01-05")
            .args(["agenda", "--json", "--lang", "en"]),
    );
    let row = en
        .as_array()
        .expect("array")
        .iter()
        .find(|r| r["id"] == "1.1.4")
        .expect("listed");
    assert_eq!(
        row["calendar_warning"],
        "no holiday schedule for 2027; counting Monday to Friday"
    );
}

#[test]
fn a_user_file_adds_2027() {
    let env = Env::new();
    let file = user_file(&env, USER_2027);
    let text = stdout(
        env.at("2027-01-05")
            .env("DUBAN_HOLIDAYS", &file)
            .args(["calendar", "2027-02"]),
    );
    assert!(!text.contains("注意"), "{text}");
    assert!(text.contains("休 春节 02-05 至 02-12"), "{text}");
    assert!(text.contains("班 调休上班 02-14"), "{text}");
    // The same file found in the config directory.
    let config = path(&env, "config").join("duban");
    fs::create_dir_all(&config).expect("config dir");
    fs::write(config.join("holidays.toml"), USER_2027).expect("write");
    let v = json(env.at("2027-01-05").args(["show", "1.1.4", "--json"]));
    assert_eq!(v["calendar_warning"], Value::Null);
}

#[test]
fn a_malformed_user_file_is_a_clear_error_and_nothing_else_breaks() {
    let env = Env::new();
    let file = user_file(
        &env,
        "[2027]\nholidays = [\n  { name = \"春节\", from = \"2027-02-30\", to = \"2027-02-12\" },\n]\n",
    );
    for args in [
        &["calendar"][..],
        &["list", "--json"],
        &["show", "1.1.1", "--json"],
        &["agenda", "--json"],
    ] {
        env.at("2027-01-05")
            .env("DUBAN_HOLIDAYS", &file)
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(format!(
                "duban: holiday calendar: {}, line 3: bad date \"2027-02-30\": expected YYYY-MM-DD\n",
                file.display()
            ));
    }
    // Commands that do not count working days are unaffected.
    for args in [&["list"][..], &["show", "1.1.1"], &["agenda"], &["summary"]] {
        env.at("2027-01-05")
            .env("DUBAN_HOLIDAYS", &file)
            .args(args)
            .assert()
            .success();
    }
    let missing = path(&env, "nope.toml");
    env.at("2027-01-05")
        .env("DUBAN_HOLIDAYS", &missing)
        .arg("calendar")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nope.toml: cannot read"));
}

#[test]
fn bad_months_are_rejected() {
    let env = Env::new();
    for bad in ["2024-13", "2024-1", "24-10", "2024/10", "October"] {
        env.at("2024-09-29")
            .args(["calendar", bad])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("expected YYYY-MM"));
    }
    // Far years render (with the warning) rather than panic.
    for far in ["0000-01", "9999-12"] {
        env.at("2024-09-29")
            .args(["calendar", far])
            .assert()
            .success()
            .stdout(predicate::str::contains("按周一至周五计算"));
    }
}

#[test]
fn the_readme_example_is_a_valid_user_file() {
    let readme =
        fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let from = readme.find("[2027]\nsource").expect("example");
    let block = readme
        .get(from..)
        .and_then(|rest| rest.split("```").next())
        .expect("block");
    let cal = duban::plan::calendar::Calendar::with_user_file("README", block).expect("valid");
    assert!(cal.covers(2027));
}
