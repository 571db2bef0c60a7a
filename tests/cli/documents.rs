//! `duban notice`, `duban bulletin` and `duban score` end to end: the .docx read back (its
//! document part's text), numbers that never repeat, reminders recorded, custom office and
//! scoring files, and the error paths. (That they open in a word processor is libreoffice.rs;
//! how they look is checked by eye — see docs/documents.md.)

use std::io::Read as _;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

use super::support::{Env, read};

/// Office and scoring files of the test's own (empty: the defaults), never the user's.
pub(super) fn cmd(env: &Env) -> Command {
    let office = env.dir.path().join("office.toml");
    let scoring = env.dir.path().join("scoring.toml");
    let escalation = env.dir.path().join("escalation.toml");
    for f in [&office, &scoring, &escalation] {
        if !f.exists() {
            std::fs::write(f, "").expect("write config");
        }
    }
    let mut c = env.cmd();
    c.env("DUBAN_OFFICE", office)
        .env("DUBAN_SCORING", scoring)
        .env("DUBAN_ESCALATION", escalation);
    c
}

pub(super) fn run(env: &Env, args: &[&str]) -> String {
    let out = cmd(env).args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The text of a .docx: every `w:t` of its document part, paragraphs on their own lines.
pub(super) fn docx_text(path: &Path) -> String {
    let bytes = std::fs::read(path).expect("docx written");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip package");
    for part in ["[Content_Types].xml", "word/styles.xml", "_rels/.rels"] {
        assert!(zip.by_name(part).is_ok(), "{part} missing");
    }
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("document part")
        .read_to_string(&mut xml)
        .expect("UTF-8");
    let mut out = String::new();
    let mut rest = xml.as_str();
    // Tags in document order: a paragraph's end is a line break, a text run's content is kept.
    while let Some(at) = rest.find('<') {
        rest = &rest[at..];
        if rest.starts_with("</w:p>") {
            out.push('\n');
        } else if rest.starts_with("<w:t>") || rest.starts_with("<w:t ") {
            let open = rest.find('>').expect("tag closed") + 1;
            let close = rest.find("</w:t>").expect("text closed");
            out.push_str(
                &rest[open..close]
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&amp;", "&"),
            );
            rest = &rest[close..];
        }
        rest = &rest[1..];
    }
    out
}

#[test]
fn a_notice_lists_the_units_work_and_records_reminders() {
    let env = Env::new();
    std::fs::write(
        env.dir.path().join("office.toml"),
        "name = \"永济市政府督查室\"\ncontact = \"李明\"\nphone = \"0359-1234567\"\n",
    )
    .expect("office");
    let out = env.dir.path().join("通知.docx");
    let msg = run(
        &env,
        &[
            "notice",
            "--unit",
            "经开区管委会",
            "-o",
            out.to_str().expect("path"),
        ],
    );
    assert!(
        msg.starts_with("督办〔2021〕第1号 → 经开区管委会：4项"),
        "{msg}"
    );
    let text = docx_text(&out);
    for want in [
        "督办通知单\n",
        "督办〔2021〕第1号\n",
        "经开区管委会：\n",
        "1.1.1",
        "2021-08-15",
        "逾期36天",
        "红色督办",
        "黄色督办",
        // Three working days after Monday 2021-09-20, 中秋节 (the 21st) skipped: the 24th.
        "请于2021年9月24日前（3个工作日内）将办理情况书面报送永济市政府督查室",
        "联系人：李明　　联系电话：0359-1234567",
        "永济市政府督查室\n2021年9月20日\n",
    ] {
        assert!(text.contains(want), "{want:?} not in\n{text}");
    }
    let row = env.json(&["show", "1.1.1", "--json"]);
    assert_eq!(row["reminders"][0]["unit"], "经开区管委会");
    assert_eq!(row["reminders"][0]["via"], "notice");
    assert_eq!(row["reminders"][0]["note"], "督办〔2021〕第1号");
    // The next notice shows this one as the last reminder.
    let again = env.dir.path().join("again.docx");
    run(
        &env,
        &[
            "notice",
            "--unit",
            "经开区管委会",
            "-o",
            again.to_str().expect("path"),
        ],
    );
    let text = docx_text(&again);
    assert!(text.contains("督办〔2021〕第2号"), "{text}");
    assert!(text.contains("2021-09-20 通知单"), "{text}");
}

#[test]
fn numbers_never_repeat_across_runs_and_all_writes_one_per_unit() {
    let env = Env::new();
    let dir = env.dir.path().join("out");
    std::fs::create_dir(&dir).expect("dir");
    let first = run(
        &env,
        &["notice", "--all", "-o", dir.to_str().expect("path")],
    );
    let second = run(
        &env,
        &["notice", "--all", "-o", dir.to_str().expect("path")],
    );
    let numbers = |s: &str| -> Vec<String> {
        s.lines()
            .map(|l| l.split(' ').next().expect("number").to_string())
            .collect()
    };
    let mut all = numbers(&first);
    all.extend(numbers(&second));
    assert_eq!(all.len(), 4, "{first}{second}");
    let mut unique = all.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), all.len(), "{all:?}");
    assert_eq!(all[3], "督办〔2021〕第4号");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files.len(), 4, "{files:?}");
    assert!(
        files
            .iter()
            .any(|f| f == "督办〔2021〕第1号-经开区管委会.docx")
    );
    // Collectives (各镇（街道）) are not sent a notice of their own.
    assert!(!first.contains("各镇"), "{first}");
    // --tier red keeps only the red one.
    let red = env.dir.path().join("red.docx");
    run(
        &env,
        &[
            "notice",
            "--unit",
            "经开区管委会",
            "--tier",
            "red",
            "-o",
            red.to_str().expect("p"),
        ],
    );
    let text = docx_text(&red);
    assert!(text.contains("1.1.1") && !text.contains("1.3.1"), "{text}");
}

#[test]
fn notice_errors_name_the_problem_and_leave_the_state_alone() {
    let env = Env::new();
    run(&env, &["note", "1.1.1", "x"]);
    let before = read(&env.state());
    cmd(&env)
        .args(["notice", "--unit", "经开区管委会", "-o", "nowhere/a.docx"])
        .assert()
        .code(2)
        .stderr("duban: nowhere：目录不存在\n");
    cmd(&env)
        .args(["notice", "--all", "-o", "missing-dir"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing-dir：目录不存在"));
    cmd(&env)
        .args(["notice", "--unit", "市教育委", "-o", "a.docx"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("计划中没有单位「市教育委」"));
    cmd(&env)
        .args([
            "--lang",
            "en",
            "notice",
            "--unit",
            "市人社局",
            "-o",
            "a.docx",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "nothing overdue or due within 7 days",
        ));
    std::fs::write(env.dir.path().join("office.toml"), "nmae = 1\n").expect("office");
    cmd(&env)
        .args(["notice", "--all", "-o", "."])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("office.toml").and(predicate::str::contains("nmae")));
    assert_eq!(read(&env.state()), before, "nothing saved");
}

#[test]
fn a_bulletin_reports_progress_units_changes_and_scores() {
    let env = Env::new();
    run(&env, &["snapshot", "--label", "上期"]);
    run(&env, &["set", "3.1.1", "done"]);
    let out = env.dir.path().join("通报.docx");
    run(&env, &["bulletin", "-o", out.to_str().expect("path")]);
    let text = docx_text(&out);
    for want in [
        "督查通报\n",
        "通报期间：2021年9月20日（快照「上期」）至2021年9月20日",
        "共35项工作任务，已完成1项，完成率2.9%",
        "二、分类推进情况",
        "1. 扩大公开范围 打造阳光政府",
        "四、存在逾期的单位",
        "经开区管委会",
        "本期新完成1项：",
        "3.1.1",
        "六、单位考核得分",
        "七、领导批示",
        "领导批示：",
    ] {
        assert!(text.contains(want), "{want:?} not in\n{text}");
    }
    let md = env.dir.path().join("b.md");
    run(
        &env,
        &[
            "--lang",
            "en",
            "bulletin",
            "--since",
            "上期",
            "-o",
            md.to_str().expect("p"),
        ],
    );
    let md = std::fs::read_to_string(md).expect("md");
    assert!(
        md.contains("# Supervision bulletin") && md.contains("Newly done: 1"),
        "{md}"
    );
    cmd(&env)
        .args(["bulletin", "-o", "b.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--format docx|md|html"));
    cmd(&env)
        .args(["bulletin", "--since", "没有", "-o", "b.docx"])
        .assert()
        .code(2);
}

#[test]
fn scores_follow_a_custom_scoring_file() {
    let env = Env::new();
    let json = |env: &Env| -> serde_json::Value {
        serde_json::from_str(&run(env, &["score", "--json"])).expect("json")
    };
    let score_of = |v: &serde_json::Value, unit: &str| -> f64 {
        v.as_array()
            .expect("array")
            .iter()
            .find(|s| s["name"] == unit)
            .and_then(|s| s["score"].as_f64())
            .expect("unit scored")
    };
    let v = json(&env);
    // 市政府办公室 leads one overdue requirement, 36 days late (capped at 30): 100 − 2 − 3.
    assert!((score_of(&v, "市政府办公室") - 95.0).abs() < 1e-9, "{v}");
    std::fs::write(
        env.dir.path().join("scoring.toml"),
        "base = 60\noverdue = 10\noverdue_day = 0\nreminder = 5\n",
    )
    .expect("scoring");
    run(&env, &["remind", "1.1.1", "--unit", "市政府办公室"]);
    let v = json(&env);
    assert!((score_of(&v, "市政府办公室") - 45.0).abs() < 1e-9, "{v}");
    let text = run(&env, &["score"]);
    assert!(
        text.contains("逾期未完成1 −10") && text.contains("被催办1 −5"),
        "{text}"
    );
    std::fs::write(env.dir.path().join("scoring.toml"), "reminder = -1\n").expect("scoring");
    cmd(&env)
        .args(["score"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("scoring.toml: reminder = -1"));
}
