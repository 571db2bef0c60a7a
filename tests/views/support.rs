//! The seed plan, fixed dates, and a `duban` command isolated from the caller's environment
//! (state file, config directory and escalation rules all in a temporary directory).

use assert_cmd::Command;
use chrono::{NaiveDate, NaiveDateTime};
use duban::plan::{Plan, ReqId};
use serde_json::Value;
use tempfile::TempDir;

pub fn seed() -> Plan {
    duban::plan::import::builtin()
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

pub fn at(day: NaiveDate, h: u32) -> NaiveDateTime {
    day.and_hms_opt(h, 0, 0).expect("valid time")
}

pub fn id(s: &str) -> ReqId {
    s.parse().expect("valid id")
}

pub fn strs(ids: &[ReqId]) -> Vec<String> {
    ids.iter().map(ToString::to_string).collect()
}

pub struct Env {
    pub dir: TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    /// `duban --state <tmp>/state.json --today TODAY`, no inherited `DUBAN_*`, config
    /// directory inside the temporary directory.
    pub fn at(&self, today: &str) -> Command {
        let mut cmd = Command::cargo_bin("duban").expect("binary built");
        for var in [
            "DUBAN_USER",
            "USER",
            "LOGNAME",
            "USERNAME",
            "DUBAN_STATE",
            "DUBAN_TODAY",
            "DUBAN_LANG",
            "DUBAN_ESCALATION",
            "DUBAN_HOLIDAYS",
            "DUBAN_COUNT",
            "DUBAN_SETTINGS",
        ] {
            cmd.env_remove(var);
        }
        cmd.env("COLUMNS", "100")
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env("HOME", self.dir.path())
            .arg("--state")
            .arg(self.dir.path().join("state.json"))
            .args(["--today", today]);
        cmd
    }

    pub fn cmd(&self) -> Command {
        self.at("2021-09-20")
    }

    pub fn json_at(&self, today: &str, args: &[&str]) -> Value {
        let out = self.at(today).args(args).output().expect("runs");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("valid JSON")
    }

    pub fn json(&self, args: &[&str]) -> Value {
        self.json_at("2021-09-20", args)
    }
}

/// The `id` fields of a JSON array.
pub fn json_ids(v: &Value) -> Vec<String> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|r| r["id"].as_str().expect("id").to_string())
        .collect()
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
