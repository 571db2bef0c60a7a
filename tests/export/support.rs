//! A temporary directory with a state file, and `duban` run inside it with a fixed date.

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

pub const TODAY: &str = "2021-09-20";

pub struct Env {
    pub dir: TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `duban --state <tmp>/state.json --today DATE`, run in the temporary directory and
    /// isolated from the caller's `DUBAN_*` variables.
    pub fn at(&self, today: &str) -> Command {
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
            .current_dir(self.dir.path())
            .arg("--state")
            .arg(self.path("state.json"))
            .args(["--today", today]);
        cmd
    }

    pub fn cmd(&self) -> Command {
        self.at(TODAY)
    }

    /// Run a command that must succeed; its stdout as text.
    pub fn run(&self, today: &str, args: &[&str]) -> String {
        let out = self.at(today).args(args).output().expect("runs");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8 output")
    }

    pub fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.run(TODAY, args)).expect("valid JSON")
    }

    /// A few statuses and notes, the same in several tests.
    pub fn some_progress(&self) {
        self.run(TODAY, &["set", "3.1.1", "done", "--note", "已完成栏目改版"]);
        self.run(TODAY, &["set", "2.2.3", "doing", "--note", "已提醒各单位"]);
        self.run(TODAY, &["set", "1.2.2", "blocked"]);
    }
}

/// The file names in the temporary directory, sorted.
pub fn files(env: &Env) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(env.dir.path())
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
