//! `import --merge` with a pair made on weak evidence: listed with both texts and not
//! applied until `--accept` names it; `--yes` merges the sure pairs only. Also the
//! warning for progress kept under a changed deadline, and the lock taken only to write.

use std::fs;
use std::path::PathBuf;
use std::time::Duration;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const P: &str = "围绕市委、市政府转型发展的战略部署，制作转型政策专题，及时在政府网站公布。";
const Q: &str = "加强政策咨询服务，政策制定机关要积极解答政策执行机关和企业、群众的咨询。";

fn doc(short: &str, q_deadline: &str) -> String {
    format!(
        "# 测试市2021年政务公开工作任务分解表\n\n\
         | 序号 | 公开任务 | 公开内容 | 具体要求 | 责任部门 | 时限及要求 |\n\
         |---|---|---|---|---|---|\n\
         | 1 | 扩大公开范围 | 加强政策公开 | {P} | 市政府办公室 | 长期 |\n\
         |  |  |  | {short} | 市政府办公室 | 2021年6月底前 |\n\
         |  |  |  | {Q} | 市政府办公室 | {q_deadline} |\n"
    )
}

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    /// Progress on the short requirement (1.1.2) and on Q (1.1.3); the revision rewrites
    /// the short one into a near relative and moves Q's deadline.
    fn new() -> Env {
        let env = Env {
            dir: tempfile::tempdir().expect("tempdir"),
        };
        fs::write(
            env.path("old.md"),
            doc("做好年度报告发布。", "2021年9月底前"),
        )
        .expect("old");
        fs::write(
            env.path("new.md"),
            doc("做好年度报告解读。", "2021年8月底前"),
        )
        .expect("new");
        env.cmd()
            .arg("import")
            .arg(env.path("old.md"))
            .assert()
            .success();
        for args in [
            &["set", "1.1.2", "doing", "--note", "已起草"][..],
            &["set", "1.1.3", "doing"],
        ] {
            env.cmd().args(args).assert().success();
        }
        env
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("duban").expect("binary built");
        for var in ["DUBAN_STATE", "DUBAN_TODAY", "DUBAN_LANG"] {
            cmd.env_remove(var);
        }
        cmd.env("COLUMNS", "120")
            .arg("--state")
            .arg(self.path("state.json"))
            .args(["--today", "2021-09-20"]);
        cmd
    }

    fn merge(&self, args: &[&str]) -> Command {
        let mut cmd = self.cmd();
        cmd.arg("import")
            .arg(self.path("new.md"))
            .arg("--merge")
            .args(args);
        cmd
    }

    fn show(&self, id: &str) -> Value {
        let out = self
            .cmd()
            .args(["show", id, "--json"])
            .output()
            .expect("runs");
        serde_json::from_slice(&out.stdout).expect("JSON")
    }

    fn state(&self) -> Vec<u8> {
        fs::read(self.path("state.json")).expect("state")
    }
}

#[test]
fn a_weak_pair_is_listed_and_nothing_is_merged_without_a_decision() {
    let env = Env::new();
    let before = env.state();
    env.merge(&[])
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("把握不大的配对 1 对")
                .and(predicate::str::contains(
                    "  ? 1.1.2 → 1.1.2  同一事项、同一位置",
                ))
                .and(predicate::str::contains("原：做好年度报告发布。"))
                .and(predicate::str::contains("新：做好年度报告解读。")),
        )
        .stderr(predicate::str::contains("--accept 1.1.2").and(predicate::str::contains("--yes")));
    assert_eq!(env.state(), before);
}

#[test]
fn yes_merges_the_sure_pairs_and_warns_about_the_moved_deadline() {
    let env = Env::new();
    env.merge(&["--yes"]).assert().success().stdout(
        predicate::str::contains("  - 1.1.2  [推进中] 做好年度报告发布。")
            .and(predicate::str::contains("  + 1.1.2  做好年度报告解读。"))
            .and(predicate::str::contains(
                "  ! 1.1.3  [推进中] 进度已保留，时限已改为“2021年8月底前”",
            )),
    );
    assert_eq!(env.show("1.1.2")["status"], "todo");
    assert_eq!(env.show("1.1.3")["status"], "doing");
    let archived = env
        .cmd()
        .args(["list", "--archived", "--json"])
        .output()
        .expect("runs");
    let rows: Value = serde_json::from_slice(&archived.stdout).expect("JSON");
    assert_eq!(rows[0]["notes"][0]["text"], "已起草");
}

#[test]
fn accept_applies_the_named_weak_pair() {
    let env = Env::new();
    env.merge(&["--accept", "1.1.2", "--yes"])
        .assert()
        .success()
        .stdout(predicate::str::contains("[已接受]"));
    let kept = env.show("1.1.2");
    assert_eq!(kept["status"], "doing");
    assert_eq!(kept["text"], "做好年度报告解读。");
    assert_eq!(kept["notes"][0]["text"], "已起草");
    let archived = env
        .cmd()
        .args(["list", "--archived", "--json"])
        .output()
        .expect("runs");
    assert_eq!(
        serde_json::from_slice::<Value>(&archived.stdout).expect("JSON"),
        serde_json::json!([])
    );
}

#[test]
fn accept_names_only_weak_pairs() {
    let env = Env::new();
    let before = env.state();
    env.merge(&["--accept", "1.1.1", "--yes"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--accept 1.1.1：不是把握不大的配对（这类配对的新编号：1.1.2）",
        ));
    env.cmd()
        .args(["--lang", "en", "import"])
        .arg(env.path("new.md"))
        .args(["--merge", "--yes"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "  ! 1.1.3  [doing] progress kept; the deadline is now “2021年8月底前”",
        ));
    assert_ne!(env.state(), before);
}

#[test]
fn the_pairing_runs_without_the_lock_and_writing_waits_for_it() {
    let env = Env::new();
    let before = env.state();
    let store = duban::store::Store::new(env.path("state.json"));
    let held = store.lock(Duration::ZERO).expect("lock");
    // Another writer (a dashboard) holds the lock: the proposal is still shown...
    env.merge(&[])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("把握不大的配对 1 对"))
        .stderr(predicate::str::contains("--accept"));
    // ...and writing is refused, naming the holder, with nothing written.
    env.merge(&["--yes"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(std::process::id().to_string()));
    assert_eq!(env.state(), before);
    drop(held);
    env.merge(&["--yes"]).assert().success();
}
