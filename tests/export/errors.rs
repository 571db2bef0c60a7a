//! `duban export` mistakes: exit 2 with one line, never a partial file.

use predicates::prelude::*;

use super::support::{Env, TODAY, files};

#[test]
fn format_is_required_or_inferred() {
    let env = Env::new();
    env.cmd()
        .arg("export")
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("duban: choose a format"));
    env.cmd()
        .args(["export", "-o", "report.pdf"])
        .assert()
        .code(2)
        .stderr(
            "duban: cannot tell the format from `report.pdf`; use --format csv|xlsx|md|html|json\n",
        );
    env.cmd()
        .args(["export", "--format", "pdf"])
        .assert()
        .code(2);
    // --format wins over the extension; `-o -` is stdout.
    env.cmd()
        .args(["export", "--format", "md", "-o", "notes.txt"])
        .assert()
        .success();
    let md = std::fs::read_to_string(env.path("notes.txt")).expect("written");
    assert!(md.starts_with("# "));
    env.cmd()
        .args(["export", "-o", "-", "--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("{\n  \"schema\": 3,"));
}

#[test]
fn since_needs_a_report_format_and_a_snapshot() {
    let env = Env::new();
    env.cmd()
        .args(["export", "--format", "csv", "--since", "x"])
        .assert()
        .code(2)
        .stderr("duban: --since works with the md, html and xlsx formats\n");
    env.cmd()
        .args(["export", "-o", "r.html", "--since", "第一期"])
        .assert()
        .code(2)
        .stderr("duban: no snapshots yet; take one with `duban snapshot`\n");
    assert!(files(&env).is_empty(), "nothing written on a usage error");
}

#[test]
fn unwritable_output_is_exit_1_and_leaves_the_old_file() {
    let env = Env::new();
    env.cmd()
        .args(["export", "-o", "missing/dir/r.csv"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("missing/dir/r.csv: cannot write"));
    std::fs::write(env.path("r.md"), "old").expect("write");
    env.at(TODAY)
        .args(["export", "-o", "r.md"])
        .assert()
        .success();
    assert_eq!(files(&env), ["r.md"], "replaced in place, no temporaries");
    assert!(
        std::fs::read_to_string(env.path("r.md"))
            .expect("read")
            .starts_with("# ")
    );
}
