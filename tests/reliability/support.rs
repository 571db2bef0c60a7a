//! Running the real binary on a state file in a temporary directory.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use duban::plan::{ReqId, Status};
use duban::store::{State, Store};

pub const TODAY: &str = "2021-09-20";

/// A temporary directory holding `state.json`.
pub struct Env {
    pub dir: tempfile::TempDir,
    pub state: PathBuf,
}

impl Env {
    pub fn new() -> Env {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = dir.path().join("state.json");
        Env { dir, state }
    }

    /// `duban --today … --state <file> args…`, not yet run.
    pub fn cmd(&self, args: &[&str]) -> Command {
        duban_cmd(&self.state, args)
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().expect("run duban")
    }

    /// Run and require success.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "duban {args:?}: {}", stderr(&out));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn store(&self) -> Store {
        Store::new(&self.state)
    }

    /// What the state file holds now.
    pub fn saved(&self) -> State {
        self.store()
            .load()
            .expect("readable state")
            .expect("state file exists")
    }

    /// File names in the directory, sorted.
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.dir.path())
            .expect("read dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

pub fn duban_cmd(state: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_duban"));
    for var in ["DUBAN_USER", "USER", "LOGNAME", "USERNAME"] {
        cmd.env_remove(var);
    }
    cmd.args(["--today", TODAY, "--state"])
        .arg(state)
        .args(args)
        .env_remove("DUBAN_STATE")
        .env_remove("DUBAN_LANG");
    cmd
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn id(s: &str) -> ReqId {
    s.parse().expect("id")
}

/// The moment edits in library-level tests are made.
pub fn at() -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2021, 9, 20)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("time")
}

pub fn status(state: &State, s: &str) -> Status {
    state.plan.get(id(s)).expect("requirement").status
}

/// Another program rewrites `state.json` in place (as an editor might), knowing nothing of
/// duban's journal: `edit` applied to the file's own content.
pub fn rewrite_file(env: &Env, edit: impl FnOnce(&mut State)) {
    let bytes = std::fs::read(&env.state).expect("read");
    let mut state: State = serde_json::from_slice(&bytes).expect("parse");
    edit(&mut state);
    let json = serde_json::to_vec_pretty(&state).expect("json");
    std::fs::write(&env.state, json).expect("write in place");
}
