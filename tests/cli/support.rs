//! A temporary state file per test and a `duban` command isolated from the caller's
//! environment.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

pub const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/yongji-2021-plan.txt");

pub struct Env {
    pub dir: TempDir,
}

/// `duban` without `--state`/`--today`, ignoring any `DUBAN_*` the caller has set.
pub fn bare() -> Command {
    let mut cmd = Command::cargo_bin("duban").expect("binary built");
    for var in [
        "DUBAN_STATE",
        "DUBAN_TODAY",
        "DUBAN_LANG",
        "DUBAN_COUNT",
        "DUBAN_USER",
        "DUBAN_PLAN",
    ] {
        cmd.env_remove(var);
    }
    // Never the caller's remembered count (settings.toml): a missing file means the defaults.
    cmd.env("DUBAN_SETTINGS", "/nonexistent/duban-tests/settings.toml");
    cmd.env("COLUMNS", "100");
    cmd
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    pub fn state(&self) -> PathBuf {
        self.dir.path().join("state.json")
    }

    /// `duban --state <tmp>/state.json --today 2021-09-20`.
    pub fn cmd(&self) -> Command {
        let mut cmd = bare();
        cmd.arg("--state")
            .arg(self.state())
            .args(["--today", "2021-09-20"]);
        cmd
    }

    /// Run a `--json` command and parse its output.
    pub fn json(&self, args: &[&str]) -> Value {
        let out = self.cmd().args(args).output().expect("runs");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("valid JSON")
    }

    /// The ids `list --json ARGS` prints.
    pub fn ids(&self, args: &[&str]) -> Vec<String> {
        let mut full = vec!["list", "--json"];
        full.extend_from_slice(args);
        match self.json(&full) {
            Value::Array(rows) => rows
                .iter()
                .map(|r| r["id"].as_str().expect("id").to_string())
                .collect(),
            other => panic!("expected an array, got {other}"),
        }
    }

    pub fn write_state(&self, content: &str) {
        fs::write(self.state(), content).expect("write state");
    }
}

pub fn read(path: &Path) -> Vec<u8> {
    fs::read(path).expect("read")
}

/// Runs `cmd`, which must succeed (its stderr shown if not), and returns its stdout.
pub fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}
