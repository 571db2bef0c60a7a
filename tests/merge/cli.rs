//! `duban import --merge` end to end: the change list, `--yes`, refusal without a
//! terminal, `list --archived`, and the notice left for the dashboard.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

use super::support::{INSERTED, SEED, revised_seed_md};

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    /// A state imported from the seed with progress on 1.1.2 (moves), 1.1.5 (removed) and
    /// 1.1.6 (reworded).
    fn with_progress() -> Env {
        let env = Env {
            dir: tempfile::tempdir().expect("tempdir"),
        };
        env.cmd().args(["import", SEED]).assert().success();
        for args in [
            &["set", "1.1.2", "done", "--note", "规划已全部公开"][..],
            &["set", "1.1.5", "doing"],
            &["note", "1.1.5", "已梳理清单"],
            &["set", "1.1.6", "blocked"],
        ] {
            env.cmd().args(args).assert().success();
        }
        fs::write(env.revised(), revised_seed_md()).expect("write revision");
        env
    }

    fn state(&self) -> PathBuf {
        self.dir.path().join("state.json")
    }

    fn revised(&self) -> PathBuf {
        self.dir.path().join("revised.md")
    }

    fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("duban").expect("binary built");
        // No acting user: history entries stay unsigned, whoever runs the tests.
        for var in [
            "DUBAN_STATE",
            "DUBAN_TODAY",
            "DUBAN_LANG",
            "DUBAN_USER",
            "USER",
            "LOGNAME",
            "USERNAME",
        ] {
            cmd.env_remove(var);
        }
        cmd.env("COLUMNS", "100")
            .arg("--state")
            .arg(self.state())
            .args(["--today", "2021-09-20"]);
        cmd
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.cmd().args(args).output().expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("JSON")
    }

    fn merge(&self) -> Command {
        let mut cmd = self.cmd();
        cmd.arg("import").arg(self.revised()).arg("--merge");
        cmd
    }
}

fn read(path: &Path) -> Vec<u8> {
    fs::read(path).expect("read")
}

#[test]
fn merge_with_yes_shows_the_changes_and_keeps_progress() {
    let env = Env::with_progress();
    let out = env.merge().arg("--yes").output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    for expected in [
        "新增 1 条：",
        "  + 1.1.2  围绕优化营商环境",
        "  - 1.1.5  [推进中] 将制定和执行的与市场主体",
        "  ~ 1.1.2 → 1.1.3  [已完成] 做好各类规划主动公开",
        "编号变动 3 条：",
        "文字修改 1 条：",
        "  ~ 3.2.1  2021年11月底前完成。 → 2021年10月底前完成",
        "合并了新版计划：新增1条，移除1条，编号变动3条，文字修改1条，时限修改1条",
    ] {
        assert!(
            stdout.contains(expected),
            "missing {expected:?} in:\n{stdout}"
        );
    }

    let show = |id: &str| env.json(&["show", id, "--json"]);
    let moved = show("1.1.3");
    assert_eq!(moved["status"], "done");
    assert_eq!(moved["notes"][0]["text"], "规划已全部公开");
    assert_eq!(show("1.1.6")["status"], "blocked");
    assert_eq!(show("1.1.2")["text"], INSERTED);
    assert_eq!(show("1.1.2")["status"], "todo");

    let archived = env.json(&["list", "--archived", "--json"]);
    let rows = archived.as_array().expect("array");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["id"], "1.1.5");
    assert_eq!(rows[0]["status"], "doing");
    assert_eq!(rows[0]["notes"][0]["text"], "已梳理清单");
    assert_eq!(rows[0]["item"], "加强转型发展政策主动公开");
    assert_eq!(
        rows[0]["archived_at"].as_str().map(|s| &s[..10]),
        Some("2021-09-20")
    );
    // Archived requirements are shown nowhere else.
    assert_eq!(
        env.json(&["list", "--json"]).as_array().map(Vec::len),
        Some(35)
    );
    env.cmd()
        .args(["list", "--archived", "--status", "done"])
        .assert()
        .success()
        .stdout(predicate::str::contains("共 0 条"));
    env.cmd()
        .args(["list", "--archived"])
        .assert()
        .success()
        .stdout(predicate::str::contains("1.1.5  推进中"));

    let state: Value = serde_json::from_slice(&read(&env.state())).expect("state JSON");
    assert_eq!(
        state["merge_notice"],
        "合并了新版计划：新增1条，移除1条，编号变动3条，文字修改1条，时限修改1条"
    );
    assert_eq!(state["schema"], duban::store::SCHEMA_VERSION);
    assert_eq!(
        state["plans"][0]["plan"]["source"],
        env.revised().display().to_string()
    );
}

#[test]
fn without_yes_and_without_a_terminal_nothing_is_written() {
    let env = Env::with_progress();
    let before = read(&env.state());
    env.merge()
        .write_stdin("y\n")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("编号变动 3 条："))
        .stderr(predicate::str::contains("--yes"));
    assert_eq!(read(&env.state()), before);
}

#[test]
fn merge_flags_are_checked() {
    let env = Env::with_progress();
    env.merge().arg("--force").assert().code(2);
    env.cmd()
        .arg("import")
        .arg(env.revised())
        .arg("--yes")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--merge"));
}

#[test]
fn a_plain_import_refuses_to_drop_the_archive() {
    let env = Env::with_progress();
    env.merge().arg("--yes").assert().success();
    // Progress only in the archive still counts.
    for id in ["1.1.3", "1.1.6"] {
        env.cmd().args(["set", id, "todo"]).assert().success();
    }
    env.cmd()
        .args(["import", SEED])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--force"));
}

#[test]
fn merging_an_unchanged_plan_needs_no_confirmation() {
    let env = Env::with_progress();
    env.cmd()
        .args(["import", SEED, "--merge"])
        .assert()
        .success()
        .stdout(predicate::str::contains("合并了新版计划：没有变化"));
    assert_eq!(env.json(&["show", "1.1.2", "--json"])["status"], "done");
}

#[test]
fn a_bad_revision_leaves_the_state_alone() {
    let env = Env::with_progress();
    let before = read(&env.state());
    fs::write(env.revised(), "| 具体要求 |\n|---|---|\n").expect("write");
    env.merge()
        .arg("--yes")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("revised.md"));
    assert_eq!(read(&env.state()), before);
}

#[test]
fn snapshots_follow_renumbered_requirements() {
    let env = Env::with_progress();
    env.cmd()
        .args(["snapshot", "--label", "合并前"])
        .assert()
        .success();
    env.merge().arg("--yes").assert().success();
    let report = env.json(&["report", "--since", "合并前", "--json"]);
    // 1.1.2 (done before) is now 1.1.3: comparing by old ids would report the inserted,
    // untouched 1.1.2 and the moved 1.1.3 as status changes.
    assert_eq!(report["status_changes"], serde_json::json!([]), "{report}");
    assert_eq!(report["newly_done"], serde_json::json!([]), "{report}");
    assert_eq!(report["added_requirements"], serde_json::json!(["1.1.2"]));
}

#[test]
fn merge_keeps_a_due_date_set_by_hand() {
    let env = Env::with_progress();
    env.cmd()
        .args(["due", "1.1.2", "2021-10-20"])
        .assert()
        .success();
    env.merge().arg("--yes").assert().success();
    // 1.1.2 moved to 1.1.3; its hand-set date went with it, and the inserted 1.1.2 has none.
    let moved = env.json(&["show", "1.1.3", "--json"]);
    assert_eq!(moved["deadline"]["set_by_hand"], "2021-10-20");
    assert_eq!(moved["deadline"]["due"], "2021-10-20");
    assert_eq!(
        env.json(&["show", "1.1.2", "--json"])["deadline"]["set_by_hand"],
        Value::Null
    );
}
