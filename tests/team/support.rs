//! A throwaway database per test on the local server, and `duban` pointed at it.

use std::path::PathBuf;
use std::process::Output;
use std::sync::atomic::{AtomicU32, Ordering};

use assert_cmd::Command;
use duban::team::TeamStore;
use duban::team::conninfo::{Conninfo, process_env};
use tempfile::TempDir;

/// A database made for one test, dropped when it goes out of scope.
pub struct Db {
    pub conninfo: Conninfo,
    pub name: String,
    admin: Conninfo,
    pub dir: TempDir,
}

/// The local server (libpq's defaults and the PG environment), or `None` with a message
/// when there is none; under `CI=true` a missing server fails the test.
pub fn db(test: &str) -> Option<Db> {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let admin = Conninfo::parse("dbname=postgres", &process_env).expect("conninfo");
    let mut client = match admin.connect() {
        Ok(c) => c,
        Err(e) => {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "CI=true but no PostgreSQL server: {e}"
            );
            eprintln!("skipping {test}: no PostgreSQL server ({e})");
            return None;
        }
    };
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let name = format!("duban_test_{}_{n}_{nanos}", std::process::id());
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .expect("create database");
    Some(Db {
        conninfo: admin.with_dbname(&name),
        name,
        admin,
        dir: tempfile::tempdir().expect("tempdir"),
    })
}

impl Drop for Db {
    fn drop(&mut self) {
        // Roles are the cluster's, not the database's: this store's group roles
        // (duban_<id>_…) and the logins a test made (named <database>_…) go with it.
        let mut roles = Vec::new();
        if let Ok(mut c) = self.conninfo.connect()
            && let Ok(rows) = c.query(
                "SELECT rolname::text FROM pg_roles WHERE rolname LIKE $1 || '\\_%'",
                &[&self.name],
            )
        {
            roles.extend(rows.iter().map(|r| r.get::<_, String>(0)));
            if let Ok(rows) = c.query(
                "SELECT p.prefix || '_' || k FROM duban.role_prefix p,
                 unnest(ARRAY['staff', 'liaison', 'leader']) k",
                &[],
            ) {
                roles.extend(rows.iter().map(|r| r.get::<_, String>(0)));
            }
        }
        if let Ok(mut c) = self.admin.connect() {
            let _ = c.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
            for role in roles {
                let _ = c.batch_execute(&format!("DROP ROLE IF EXISTS \"{role}\""));
            }
        }
    }
}

impl Db {
    /// `host=… dbname=…` for `--store`.
    pub fn store_arg(&self) -> String {
        format!("host={} dbname={}", self.conninfo.host(), self.name)
    }

    /// A store as `user`; a dashboard on it keeps its outbox in this test's folder.
    pub fn store(&self, user: &str) -> TeamStore {
        let store = TeamStore::connect(self.conninfo.clone(), Some(user.into())).expect("connect");
        store.set_outbox_dir(self.file("config"));
        store
    }

    /// The store with its schema made.
    pub fn initialised(&self) -> TeamStore {
        let store = self.store("测试");
        store.init().expect("init");
        store
    }

    pub fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `duban --store <this db> --today 2021-10-15`, isolated from the caller's settings.
    pub fn cmd(&self) -> Command {
        let mut cmd = bare();
        cmd.args(["--store", &self.store_arg()]);
        cmd
    }

    /// `duban --state FILE --today 2021-10-15`.
    pub fn file_cmd(&self, file: &str) -> Command {
        let mut cmd = bare();
        cmd.arg("--state").arg(self.file(file));
        cmd
    }

    /// Run `duban --store … ARGS`, expecting success; its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = succeed(self.cmd().args(args));
        String::from_utf8(out.stdout).expect("utf-8")
    }
}

/// Run `cmd`, expecting success (the command and its stderr are the failure message).
pub fn succeed(cmd: &mut Command) -> Output {
    let out = cmd.output().expect("run");
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

pub fn bare() -> Command {
    let mut cmd = Command::cargo_bin("duban").expect("binary built");
    for var in [
        "DUBAN_STATE",
        "DUBAN_STORE",
        "DUBAN_LANG",
        "DUBAN_COUNT",
        "DUBAN_PLAN",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("DUBAN_SETTINGS", "/nonexistent/duban-tests/settings.toml")
        .env("DUBAN_USER", "张三")
        .env("COLUMNS", "100")
        .args(["--today", "2021-10-15"]);
    cmd
}
