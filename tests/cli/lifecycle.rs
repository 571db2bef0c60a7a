//! The 督办 life cycle on the command line: `extend`, `claim`/`approve`/`reject`, `remind`,
//! `attach`/`evidence`, who did it, and what `show`, `list --json`, exports and `report
//! --since` make of them. Refusals exit non-zero and leave the state file as it was.

use predicates::prelude::*;
use serde_json::Value;

use super::support::{Env, read, stdout};

/// `duban --user 张三 …` on the test's state file.
fn as_user(env: &Env, args: &[&str]) -> String {
    stdout(env.cmd().args(["--user", "张三"]).args(args))
}

fn history_kinds(env: &Env, id: &str) -> Vec<String> {
    let row = env.json(&["show", id, "--json"]);
    row["history"]
        .as_array()
        .expect("history")
        .iter()
        .map(|c| c["kind"].as_str().expect("kind").to_string())
        .collect()
}

#[test]
fn extend_moves_the_due_date_and_refuses_an_earlier_one() {
    let env = Env::new();
    assert!(env.ids(&["--overdue"]).contains(&"1.1.1".to_string()));
    let out = as_user(
        &env,
        &[
            "extend",
            "1.1.1",
            "2021-10-31",
            "--reason",
            "需协调省厅",
            "--approved-by",
            "王局长",
        ],
    );
    assert_eq!(
        out,
        "1.1.1 已延期至 2021-10-31（第1次延期，原时限 2021-08-15）\n"
    );
    assert!(!env.ids(&["--overdue"]).contains(&"1.1.1".to_string()));
    let row = env.json(&["show", "1.1.1", "--json"]);
    assert_eq!(row["deadline"]["due"], "2021-10-31");
    assert_eq!(row["days_left"], 41);
    assert_eq!(row["extensions"][0]["from"], "2021-08-15");
    assert_eq!(row["extensions"][0]["approved_by"], "王局长");
    assert_eq!(row["history"][0]["kind"], "extended");
    assert_eq!(row["history"][0]["by"], "张三");
    env.cmd()
        .args(["show", "1.1.1"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "延期  已延期 1 次，原时限 2021-08-15",
        ))
        .stdout(predicate::str::contains(
            "2021-08-15 → 2021-10-31  需协调省厅，王局长批准",
        ));

    let before = read(&env.state());
    env.cmd()
        .args(["extend", "1.1.1", "2021-10-31", "--reason", "再延"])
        .assert()
        .code(1)
        .stderr("duban: 1.1.1：新时限 2021-10-31 不晚于当前时限 2021-10-31，不能延期\n");
    env.cmd()
        .args([
            "--lang",
            "en",
            "extend",
            "1.1.1",
            "2021-11-30",
            "--reason",
            "  ",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("a reason is required"));
    env.cmd()
        .args(["extend", "1.1.2", "2021-11-30", "--reason", "理由"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "时限不是具体日期（长期），不能延期",
        ));
    assert_eq!(read(&env.state()), before, "refusals write nothing");
}

#[test]
fn claim_approve_and_reject_walk_the_review() {
    let env = Env::new();
    env.cmd().args(["set", "1.1.1", "doing"]).assert().success();
    assert_eq!(
        as_user(&env, &["claim", "1.1.1", "--note", "专题已上线"]),
        "1.1.1 申请办结：推进中 → 待审核\n"
    );
    assert_eq!(env.ids(&["--status", "待审核"]), ["1.1.1"]);
    assert_eq!(env.ids(&["--status", "review"]), ["1.1.1"]);
    assert_eq!(env.json(&["summary", "--json"])["review"], 1);
    env.cmd()
        .args(["claim", "1.1.1"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("1.1.1 当前为待审核"));
    assert_eq!(
        as_user(&env, &["reject", "1.1.1", "--reason", "缺少截图"]),
        "1.1.1 已退回重办（第1次）：缺少截图\n"
    );
    env.cmd()
        .args(["approve", "1.1.1"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("只有待审核的要求可以销号或退回"));
    as_user(&env, &["claim", "1.1.1"]);
    assert_eq!(
        as_user(&env, &["approve", "1.1.1"]),
        "1.1.1 审核通过，已销号（2021-09-20）\n"
    );
    let row = env.json(&["show", "1.1.1", "--json"]);
    assert_eq!(row["status"], "done");
    assert_eq!(row["completed_on"], "2021-09-20");
    assert_eq!(
        history_kinds(&env, "1.1.1"),
        ["status", "claimed", "rejected", "claimed", "approved"]
    );
    env.cmd()
        .args(["show", "1.1.1"])
        .assert()
        .success()
        .stdout(predicate::str::contains("审核  退回重办 1 次"))
        .stdout(predicate::str::contains("退回重办：缺少截图  张三"));
    // `set` takes the status in both languages.
    env.cmd()
        .args(["set", "1.2.1", "申请办结"])
        .assert()
        .success();
    assert_eq!(env.json(&["show", "1.2.1", "--json"])["status"], "review");
}

#[test]
fn remind_defaults_to_the_lead_and_refuses_other_units() {
    let env = Env::new();
    assert_eq!(
        as_user(
            &env,
            &["remind", "1.1.1", "--via", "电话", "--note", "请本周内上线"]
        ),
        "1.1.1 已催办 市政府办公室（电话），累计催办1次\n"
    );
    assert_eq!(
        as_user(
            &env,
            &["remind", "1.1.1", "--unit", "经开区管委会", "--via", "sms"]
        ),
        "1.1.1 已催办 经开区管委会（短信），累计催办2次\n"
    );
    let before = read(&env.state());
    env.cmd()
        .args(["remind", "1.1.1", "--unit", "市教育局"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "市教育局 不是该要求的责任单位（可选：市政府办公室、各镇（街道）、经开区管委会、市直各有关单位）",
        ));
    env.cmd()
        .args(["remind", "1.1.1", "--via", "传真"])
        .assert()
        .code(2);
    assert_eq!(read(&env.state()), before);
    let row = env.json(&["show", "1.1.1", "--json"]);
    assert_eq!(row["reminders"][1]["via"], "sms");
    assert_eq!(row["reminders"][0]["by"], "张三");
    env.cmd()
        .args(["show", "1.1.1"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "催办  2 次，最近 2021-09-20 经开区管委会（短信）",
        ));
}

#[test]
fn evidence_is_referenced_never_copied_and_checked() {
    let env = Env::new();
    let dir = env.dir.path().join("材料");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let file = dir.join("专题截图.png");
    std::fs::write(&file, b"png bytes").expect("write");
    let out = as_user(
        &env,
        &[
            "attach",
            "1.1.1",
            file.to_str().expect("UTF-8"),
            "--note",
            "首页截图",
        ],
    );
    assert!(
        out.starts_with("1.1.1 已登记佐证材料：材料/专题截图.png（9 字节，SHA-256 "),
        "{out}"
    );
    assert_eq!(
        std::fs::read(&file).expect("read"),
        b"png bytes",
        "unchanged"
    );
    assert_eq!(
        std::fs::read_dir(&dir).expect("dir").count(),
        1,
        "nothing copied"
    );
    let listed = stdout(env.cmd().args(["evidence", "1.1.1"]));
    assert!(
        listed.contains("1. 材料/专题截图.png  9 字节  2021-09-20  张三  首页截图"),
        "{listed}"
    );
    std::fs::write(&file, b"other").expect("write");
    let listed = stdout(env.cmd().args(["evidence", "1.1.1"]));
    assert!(listed.contains("材料/专题截图.png [已变更]"), "{listed}");
    std::fs::remove_file(&file).expect("remove");
    let rows = env.json(&["evidence", "1.1.1", "--json"]);
    assert_eq!(rows[0]["state"], "missing");
    assert_eq!(rows[0]["name"], "专题截图.png");
    assert_eq!(rows[0]["size"], 9);
    env.cmd()
        .args(["show", "1.1.1"])
        .assert()
        .success()
        .stdout(predicate::str::contains("佐证  材料/专题截图.png [缺失]"));
    env.cmd()
        .args(["attach", "1.1.1", "/nonexistent/x.pdf"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/nonexistent/x.pdf：无法读取"));
}

#[test]
fn completion_can_require_evidence() {
    let env = Env::new();
    let settings = env.dir.path().join("settings.toml");
    std::fs::write(&settings, "completion_requires_evidence = true\n").expect("write");
    let run = |args: &[&str]| {
        let mut cmd = env.cmd();
        cmd.env("DUBAN_SETTINGS", &settings).args(args);
        cmd
    };
    run(&["set", "1.1.1", "done"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("办结须有佐证材料"));
    run(&["claim", "1.1.1"]).assert().code(1);
    let file = env.dir.path().join("报告.docx");
    std::fs::write(&file, b"docx").expect("write");
    run(&["attach", "1.1.1", file.to_str().expect("UTF-8")])
        .assert()
        .success();
    run(&["claim", "1.1.1"]).assert().success();
    run(&["approve", "1.1.1"]).assert().success();
}

#[test]
fn every_change_records_who_made_it() {
    let env = Env::new();
    env.cmd()
        .env("DUBAN_USER", "李四")
        .args(["note", "1.1.1", "已部署"])
        .assert()
        .success();
    env.cmd()
        .env("USER", "wang")
        .env_remove("LOGNAME")
        .args(["due", "1.1.1", "2021-10-10"])
        .assert()
        .success();
    let row = env.json(&["show", "1.1.1", "--json"]);
    assert_eq!(row["history"][0]["by"], "李四");
    assert_eq!(row["history"][1]["by"], "wang", "the login name by default");
}

#[test]
fn tree_ledger_and_report_since_show_the_life_cycle() {
    let env = Env::new();
    env.cmd()
        .args(["snapshot", "--label", "上周"])
        .assert()
        .success();
    as_user(
        &env,
        &["extend", "1.1.1", "2021-10-31", "--reason", "需协调"],
    );
    as_user(&env, &["remind", "1.1.1"]);
    as_user(&env, &["claim", "1.2.1"]);
    let report = stdout(env.cmd().args(["report", "--since", "上周"]));
    assert!(
        report.contains("督办动态（延期、审核、催办、佐证材料）"),
        "{report}"
    );
    assert!(
        report.contains("延期：2021-08-15 → 2021-10-31（需协调）（张三）"),
        "{report}"
    );
    assert!(report.contains("催办 市政府办公室"), "{report}");
    assert!(report.contains("申请办结"), "{report}");
    let json = env.json(&["report", "--since", "上周", "--json"]);
    assert_eq!(json["lifecycle"].as_array().map(Vec::len), Some(3));
    assert_eq!(json["lifecycle"][0]["kind"], "extended");

    let csv = stdout(env.cmd().args(["export", "--format", "csv"]));
    let mut lines = csv.lines();
    let header = lines.next().expect("header");
    assert!(
        header.ends_with("原时限,延期次数,催办次数,佐证材料"),
        "{header}"
    );
    let first = lines.next().expect("1.1.1");
    assert!(first.contains("2021-10-31（已延期）"), "{first}");
    assert!(first.ends_with("2021-08-15,1,1,"), "{first}");
    let md = stdout(
        env.cmd()
            .args(["export", "--format", "md", "--since", "上周"]),
    );
    assert!(md.contains("督办动态（3）"), "{md}");
}

#[test]
fn old_exports_keep_their_columns() {
    let env = Env::new();
    let csv = stdout(env.cmd().args(["export", "--format", "csv"]));
    let header = csv.lines().next().expect("header");
    assert!(!header.contains("延期次数"), "{header}");
    let _: Value = env.json(&["list", "--json"]);
}
