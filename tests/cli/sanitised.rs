//! Hostile text through every text command: a plan, notes, a snapshot label and file names
//! carrying escape sequences, a C1 CSI, a bidi override and a zero-width space. Text output
//! and error messages show each as a visible mark and never emit it; `--json` keeps the
//! exact text.

use std::path::Path;

use duban::store::{State, Store};

use super::support::{Env, bare};
use crate::hostile::{self, MARKS, PAYLOAD, assert_safe, laced};

/// An environment whose state file holds the hostile plan.
fn hostile_env() -> Env {
    let env = Env::new();
    Store::new(env.state())
        .save(&State::new(hostile::plan()))
        .expect("state saved");
    env
}

/// Run `duban ARGS` wide enough that nothing is cut; it must succeed, and stdout and stderr
/// must be safe. Returns stdout.
fn run_safe(env: &Env, args: &[&str]) -> String {
    let out = env
        .cmd()
        .env("COLUMNS", "400")
        .args(args)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_safe(&format!("{args:?} stdout"), &out.stdout);
    assert_safe(&format!("{args:?} stderr"), &out.stderr);
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn assert_marks(what: &str, out: &str, marks: &[&str]) {
    for mark in marks {
        assert!(out.contains(mark), "{what}: no {mark:?} in:\n{out}");
    }
}

#[test]
fn every_text_command_shows_the_payload_as_marks() {
    let env = hostile_env();
    let note = laced("已发函催办");
    let out = run_safe(&env, &["note", "1.1.2", &note]);
    assert_marks("note", &out, &MARKS);
    let label = laced("第一期");
    let out = run_safe(&env, &["snapshot", "--label", &label]);
    assert_marks("snapshot", &out, &MARKS);
    run_safe(&env, &["set", "1.1.1", "done", "--note", &laced("已上线")]);
    run_safe(&env, &["set", "1.1.2", "doing"]);

    let all = &MARKS[..];
    for (args, marks) in [
        (&["list"][..], all),
        (&["list", "--search", "转型"], all),
        (&["show", "1.1.1"], all),
        (&["show", "1.1.2"], all),
        (&["summary"], all),
        (&["agenda", "--all"], all),
        (&["units"], &["<U+202E>", "<U+200B>", "␛[2J"][..]),
        (&["report"], all),
        (&["snapshot", "--list"], all),
    ] {
        let out = run_safe(&env, args);
        assert_marks(&format!("{args:?}"), &out, marks);
    }
}

#[test]
fn json_keeps_the_exact_text_in_safe_bytes() {
    let env = hostile_env();
    let note = hostile::note_text();
    run_safe(&env, &["snapshot", "--label", &laced("第一期")]);
    run_safe(&env, &["note", "1.1.1", &laced("第二条")]);
    let plan = hostile::plan();
    let r = &plan.categories[0].items[0].requirements[0];

    let json = |args: &[&str]| -> serde_json::Value {
        let out = run_safe(&env, args);
        assert!(
            out.contains("\\u001b") && out.contains("\\u202e"),
            "{args:?}"
        );
        serde_json::from_str(&out).expect("valid JSON")
    };
    let show = json(&["show", "1.1.1", "--json"]);
    assert_eq!(show["text"], r.text.as_str());
    assert_eq!(show["units_raw"], r.units_raw.as_str());
    assert_eq!(show["deadline"]["raw"], r.deadline_raw.as_str());
    assert_eq!(show["category_name"], plan.categories[0].name.as_str());
    assert_eq!(show["item"], plan.categories[0].items[0].name.as_str());
    assert_eq!(show["notes"][0]["text"], note.as_str());
    assert_eq!(show["notes"][1]["text"], laced("第二条").as_str());

    let list = json(&["list", "--json"]);
    assert_eq!(list[0]["text"], r.text.as_str());
    let agenda = json(&["agenda", "--all", "--json"]);
    assert!(
        agenda
            .as_array()
            .expect("array")
            .iter()
            .any(|row| row["text"] == r.text.as_str())
    );
    let summary = json(&["summary", "--json"]);
    assert_eq!(summary["title"], plan.title.as_str());
    let snapshots = json(&["snapshot", "--list", "--json"]);
    assert_eq!(snapshots[0]["label"], laced("第一期").as_str());
    let report = json(&["report", "--json"]);
    assert_eq!(
        report["notes_added"][0]["notes"][0]["text"],
        laced("第二条").as_str()
    );
    let units = run_safe(&env, &["units", "--json"]);
    assert!(units.contains("\\u202e\\u200b"), "{units}");

    // The whole state as JSON is the state file's schema with the same texts.
    let export = json(&["export", "--format", "json"]);
    let back: State = serde_json::from_value(export).expect("a state");
    assert_eq!(back.plan.title, plan.title);
    assert_eq!(back.plan.source, plan.source);
    let saved = Store::new(env.state())
        .load()
        .expect("loads")
        .expect("exists");
    assert_eq!(
        saved.plan.get(r.id).expect("1.1.1").text,
        r.text,
        "the state file keeps the raw text"
    );
}

/// A file whose name carries the payload.
fn laced_file(dir: &Path, stem: &str, ext: &str, content: &str) -> std::path::PathBuf {
    let path = dir.join(format!("{stem}{PAYLOAD}.{ext}"));
    std::fs::write(&path, content).expect("write");
    path
}

const PLAN_CSV: &str = "序号,工作事项,具体要求,责任单位,完成时限\n\
    一、扩大公开范围\u{1b}]0;pwned\u{7},,,,\n\
    1,加强政策公开,制作转型政策专题\u{1b}]52;c;ZWNobyBoaQ==\u{7}\u{202e}尾,市政府办公室\u{9b}6n,2021年9月25日前\u{200b}完成\n\
    2,做好规划公开,做好各类规划主动公开\u{1b}[2J。,市发改局,2021年9月30日前完成\n";

#[test]
fn import_and_merge_lines_and_file_names_in_errors() {
    let env = Env::new();
    let dir = env.dir.path().join(format!("文件夹{PAYLOAD}"));
    std::fs::create_dir(&dir).expect("mkdir");
    let state = dir.join("state.json");
    let plan = laced_file(env.dir.path(), "计划", "csv", PLAN_CSV);
    let run = |args: &[&std::ffi::OsStr]| {
        let out = bare()
            .env("COLUMNS", "400")
            .arg("--state")
            .arg(&state)
            .args(["--today", "2021-09-20"])
            .args(args)
            .output()
            .expect("runs");
        assert_safe(&format!("{args:?} stdout"), &out.stdout);
        assert_safe(&format!("{args:?} stderr"), &out.stderr);
        out
    };
    let os = |s: &'static str| std::ffi::OsStr::new(s);

    let out = run(&[os("import"), plan.as_os_str()]);
    assert!(out.status.success(), "{out:?}");
    let line = String::from_utf8(out.stdout).expect("UTF-8");
    // The title comes from the file name, the path names the laced directory.
    assert_marks("import", &line, &MARKS);

    // A revision: 1.1.1 reworded, 1.1.2 removed, so the listing shows both.
    let revised = PLAN_CSV.replace("制作转型政策专题", "制作转型发展政策专题");
    let revised = revised.lines().take(3).collect::<Vec<_>>().join("\n");
    let revised = laced_file(env.dir.path(), "修订", "csv", &revised);
    // Asked for confirmation without a terminal to answer on: the listing, then a refusal.
    let out = run(&[os("import"), os("--merge"), revised.as_os_str()]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let listing = String::from_utf8(out.stdout).expect("UTF-8");
    assert_marks("merge, unconfirmed", &listing, &["␛]52;c;", "<U+202E>"]);
    let out = run(&[
        os("import"),
        os("--merge"),
        os("--yes"),
        revised.as_os_str(),
    ]);
    assert!(out.status.success(), "{out:?}");
    let listing = String::from_utf8(out.stdout).expect("UTF-8");
    assert_marks("merge", &listing, &["␛]52;c;", "<U+202E>"]);
    let out = run(&[os("list"), os("--archived")]);
    assert!(out.status.success(), "{out:?}");
    assert_marks(
        "archived",
        &String::from_utf8_lossy(&out.stdout),
        &["做好各类规划主动公开␛[2J。"],
    );

    // Errors name the file: shown safe on stderr, exit 1.
    let missing = env.dir.path().join(format!("没有{PAYLOAD}.csv"));
    let out = run(&[os("import"), missing.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).expect("UTF-8");
    assert!(err.starts_with("duban: "), "{err}");
    assert_marks("missing file", &err, &MARKS);
    let broken = laced_file(env.dir.path(), "坏", "csv", "\u{1b}]0;pwned\u{7}\n");
    let out = run(&[os("import"), broken.as_os_str()]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8(out.stderr).expect("UTF-8");
    assert_marks("unreadable plan", &err, &["␛]0;pwned␇"]);
    // Writing an export names the output file.
    let name = format!("台账{PAYLOAD}.csv");
    let out = run(&[os("export"), os("-o"), dir.join(&name).as_os_str()]);
    assert!(out.status.success(), "{out:?}");
    assert_marks("export", &String::from_utf8_lossy(&out.stdout), &MARKS);
}

#[test]
fn arguments_quoted_back_in_usage_errors_are_shown_safe() {
    for args in [
        vec!["--today", PAYLOAD],
        vec![PAYLOAD],
        vec!["show", PAYLOAD],
        vec!["list", "--status", PAYLOAD],
    ] {
        let out = bare().args(&args).output().expect("runs");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_safe(&format!("{args:?} stderr"), &out.stderr);
        assert_safe(&format!("{args:?} stdout"), &out.stdout);
        let err = String::from_utf8(out.stderr).expect("UTF-8");
        assert!(err.contains("␛]0;pwned␇"), "{args:?}: {err}");
    }
}

#[test]
fn a_piped_export_keeps_its_bytes() {
    // Data on a pipe is a file being written (`duban export --format csv > 台账.csv`): it
    // keeps the exact text. On a terminal it would be shown safe like any output.
    let env = hostile_env();
    let out = env
        .cmd()
        .args(["export", "--format", "csv"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let body = out.stdout.strip_prefix(b"\xEF\xBB\xBF").expect("BOM");
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(body)
        .records()
        .map(|r| r.expect("record"))
        .collect();
    let plan = hostile::plan();
    let r = &plan.categories[0].items[0].requirements[0];
    assert_eq!(&rows[0][3], r.text.as_str());
    assert_eq!(&rows[0][6], r.deadline_raw.as_str());
    assert_eq!(&rows[0][9], hostile::note_text().as_str());
}
