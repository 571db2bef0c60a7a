//! Countdowns in natural or working days (issue 15): `--count`, `DUBAN_COUNT`, the setting
//! remembered in `settings.toml` of the config directory, the holiday mark, and the warning
//! for years without holiday data. The config directory of [`Env`] is `<tmp>/config`.

use std::fs;

use predicates::prelude::*;

use super::support::{Env, stdout};

/// Around the 2024 National Day break: due on a working day, and on a holiday (10/5).
const PLAN: &str = "\
# 某区2024年政务公开工作要点任务分解表

| 序号 | 工作事项 | 具体要求 | 责任单位 | 完成时限 |
|---|---|---|---|---|
| **一、政策公开** | | | | |
| 1 | 政策解读 | 在政府网站同步发布图解、视频等解读材料。 | 区政府办 | 2024年10月8日前 |
| 2 | 目录更新 | 更新政务公开事项目录。 | 区司法局 | 2024年10月5日前 |
";

fn with_plan(plan: &str) -> Env {
    let env = Env::new();
    let file = env.dir.path().join("plan.md");
    fs::write(&file, plan).expect("write plan");
    env.at("2024-09-01")
        .arg("import")
        .arg(&file)
        .assert()
        .success();
    env
}

fn settings(env: &Env) -> std::path::PathBuf {
    env.dir.path().join("config/duban/settings.toml")
}

#[test]
fn natural_days_by_default_and_nothing_written() {
    let env = with_plan(PLAN);
    let list = stdout(env.at("2024-09-29").arg("list"));
    assert!(list.contains("剩9天") && list.contains("剩6天"), "{list}");
    assert!(
        !list.contains("工作日") && !list.contains("节假日"),
        "{list}"
    );
    let agenda = stdout(env.at("2024-09-29").arg("agenda"));
    assert!(
        agenda.contains("7天内 (1)") && agenda.contains("30天内 (1)"),
        "{agenda}"
    );
    assert!(!settings(&env).exists());
}

#[test]
fn workdays_count_the_sunday_before_national_day_as_two_days_left() {
    let env = with_plan(PLAN);
    let list = stdout(env.at("2024-09-29").args(["--count", "workdays", "list"]));
    assert!(list.contains("剩2个工作日"), "{list}");
    // Due on Saturday 10/5 (a holiday): marked, one working day (9/30) left.
    assert!(list.contains("剩1个工作日 节假日"), "{list}");
    let agenda = stdout(env.at("2024-09-29").args(["--count", "workdays", "agenda"]));
    assert!(agenda.starts_with("7个工作日内 (2)\n"), "{agenda}");
    let show = stdout(
        env.at("2024-09-29")
            .args(["--count", "workdays", "show", "1.2.1"]),
    );
    assert!(
        show.contains("到期 2024-10-05（剩1个工作日）；节假日，实际2024-09-30前"),
        "{show}"
    );
    let en =
        stdout(
            env.at("2024-09-29")
                .args(["--count=workdays", "--lang", "en", "show", "1.1.1"]),
        );
    assert!(en.contains("(2 workdays left)"), "{en}");
    // `agenda --days N` counts the chosen days too: 10/8 is 2 working days (9 days) away.
    let soon = stdout(
        env.at("2024-09-29")
            .args(["--count", "workdays", "agenda", "--days", "2"]),
    );
    assert!(soon.contains("1.1.1") && soon.contains("1.2.1"), "{soon}");
    let natural = stdout(
        env.at("2024-09-29")
            .args(["--count", "days", "agenda", "--days", "2"]),
    );
    assert!(!natural.contains("1.1.1"), "{natural}");
    // Three working days after 10/8 (10/9, 10/10, 10/11).
    let late = stdout(env.at("2024-10-11").args(["--count", "workdays", "list"]));
    assert!(late.contains("逾期3个工作日"), "{late}");
}

#[test]
fn json_keeps_both_counts_whatever_the_setting() {
    let env = with_plan(PLAN);
    for count in ["days", "workdays"] {
        let out = stdout(
            env.at("2024-09-29")
                .args(["--count", count, "show", "1.1.1", "--json"]),
        );
        let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
        assert_eq!(
            (v["days_left"].as_i64(), v["workdays_left"].as_i64()),
            (Some(9), Some(2))
        );
    }
}

#[test]
fn a_typed_count_is_remembered_and_the_environment_is_not() {
    let env = with_plan(PLAN);
    env.at("2024-09-29")
        .args(["--count", "workdays", "list"])
        .assert()
        .success();
    assert_eq!(
        fs::read_to_string(settings(&env)).expect("settings written"),
        "count = \"workdays\"\n"
    );
    // The next run, without the flag, counts working days.
    let list = stdout(env.at("2024-09-29").arg("list"));
    assert!(list.contains("剩2个工作日"), "{list}");
    // DUBAN_COUNT applies to its run only.
    let once = stdout(env.at("2024-09-29").env("DUBAN_COUNT", "days").arg("list"));
    assert!(once.contains("剩9天"), "{once}");
    assert!(
        fs::read_to_string(settings(&env))
            .expect("read")
            .contains("workdays")
    );
    env.at("2024-09-29")
        .args(["--count", "days", "list"])
        .assert()
        .success();
    assert!(stdout(env.at("2024-09-29").arg("list")).contains("剩9天"));
}

#[test]
fn a_broken_settings_file_is_named_kept_and_the_default_used() {
    let env = with_plan(PLAN);
    let path = settings(&env);
    fs::create_dir_all(path.parent().expect("dir")).expect("mkdir");
    fs::write(&path, "count = workdays\n").expect("write");
    env.at("2024-09-29")
        .args(["--count", "workdays", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("剩2个工作日"))
        .stderr(predicate::str::contains("settings.toml").and(predicate::str::contains("line 1")));
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        "count = workdays\n"
    );
    env.at("2024-09-29")
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("剩9天"));
}

#[test]
fn a_bad_count_value_is_a_usage_error() {
    let env = with_plan(PLAN);
    env.at("2024-09-29")
        .args(["--count", "weeks", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("workdays"));
}

#[test]
fn years_without_holiday_data_warn_under_the_output() {
    let plan = PLAN.replace("2024年10月8日前", "2027年1月15日前");
    let env = with_plan(&plan);
    let list = stdout(env.at("2026-12-20").args(["--count", "workdays", "list"]));
    assert!(
        list.ends_with("\n注意：2027年节假日安排未录入，按周一至周五计算\n"),
        "{list:?}"
    );
    let agenda = stdout(
        env.at("2026-12-20")
            .args(["--count", "workdays", "--lang", "en", "agenda"]),
    );
    assert!(
        agenda.contains("note: no holiday schedule for 2027"),
        "{agenda}"
    );
    // Natural days depend on no calendar: no warning.
    let days = stdout(env.at("2026-12-20").args(["--count", "days", "list"]));
    assert!(!days.contains("2027年节假日"), "{days}");
}

#[test]
fn due_within_counts_as_the_setting_says() {
    let env = with_plan(PLAN);
    // 2024-09-29 (a Sunday worked): 10/8 is 9 natural days away, 2 working days.
    let natural = stdout(
        env.at("2024-09-29")
            .args(["list", "--due-within", "3", "--json"]),
    );
    assert!(!natural.contains("政策解读"), "{natural}");
    let working = stdout(env.at("2024-09-29").args([
        "list",
        "--due-within",
        "3",
        "--json",
        "--count",
        "workdays",
    ]));
    assert!(working.contains("政策解读"), "{working}");
}
