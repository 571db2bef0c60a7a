//! TLS for real: a throwaway server of its own (initdb in a temporary folder, another port,
//! `ssl=on` with a self-signed certificate made by openssl), never the shared cluster.
//! `sslmode=require` connects encrypted; `verify-full` refuses the unknown certificate,
//! naming the host. Skipped with a message where initdb or openssl is missing.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::support::bare;

/// The server, stopped and its folder removed when dropped.
struct Server {
    bin: PathBuf,
    data: PathBuf,
    port: u16,
    _dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = as_postgres(&self.bin.join("pg_ctl"))
            .args(["-D", path(&self.data), "-m", "immediate", "-w", "stop"])
            .output();
    }
}

fn path(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// `program` run as the `postgres` user when we are root (initdb refuses root).
fn as_postgres(program: &Path) -> Command {
    if is_root() {
        let mut cmd = Command::new("runuser");
        cmd.args(["-u", "postgres", "--"]).arg(program);
        cmd
    } else {
        Command::new(program)
    }
}

fn run(cmd: &mut Command) -> Result<(), String> {
    let out = cmd.output().map_err(|e| format!("{cmd:?}: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!("{cmd:?}: {}", String::from_utf8_lossy(&out.stderr)))
    }
}

/// The newest installed server's programs.
fn server_bin() -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| Some(e.ok()?.path().join("bin")))
        .filter(|b| b.join("initdb").exists())
        .collect();
    dirs.sort();
    dirs.pop()
}

fn start() -> Result<Server, String> {
    let bin = server_bin().ok_or("no initdb under /usr/lib/postgresql")?;
    run(Command::new("openssl").arg("version"))?;
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    // The server runs as postgres: it must own its folder.
    if is_root() {
        run(Command::new("chown").args(["postgres:", path(dir.path())]))?;
    }
    let data = dir.path().join("data");
    run(as_postgres(&bin.join("initdb")).args([
        "-D",
        path(&data),
        "-A",
        "trust",
        "-U",
        "duban",
        "--no-sync",
    ]))?;
    run(as_postgres(Path::new("openssl")).args([
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=localhost",
        "-keyout",
        path(&data.join("server.key")),
        "-out",
        path(&data.join("server.crt")),
    ]))?;
    run(as_postgres(Path::new("chmod")).args(["600", path(&data.join("server.key"))]))?;
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_err(|e| e.to_string())?
        .port();
    let options = format!(
        "-p {port} -k {} -c ssl=on -c listen_addresses=127.0.0.1 -c fsync=off",
        path(dir.path())
    );
    let log = dir.path().join("log");
    run(as_postgres(&bin.join("pg_ctl")).args([
        "-D",
        path(&data),
        "-o",
        &options,
        "-l",
        path(&log),
        "-w",
        "start",
    ]))?;
    Ok(Server {
        bin,
        data,
        port,
        _dir: dir,
    })
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

#[test]
fn sslmode_require_is_encrypted_and_verify_full_refuses_an_unknown_certificate() {
    let server = match start() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("skipping the TLS test: cannot start a server of its own ({e})");
            return;
        }
    };
    let store = |mode: &str| {
        format!(
            "host=localhost port={} user=duban dbname=postgres sslmode={mode}",
            server.port
        )
    };
    let out = bare()
        .args(["--store", &store("require"), "store", "init"])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = bare()
        .args(["--store", &store("require"), "set", "1.1.1", "doing"])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The server's word that our connection is encrypted.
    let c = duban::team::conninfo::Conninfo::parse(
        &store("require"),
        &duban::team::conninfo::process_env,
    )
    .expect("conninfo");
    let ssl: bool = c
        .connect()
        .expect("connects over TLS")
        .query_one(
            "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
            &[],
        )
        .expect("pg_stat_ssl")
        .get(0);
    assert!(ssl);
    // The self-signed certificate is not in the system's store: verify-full refuses it.
    let out = bare()
        .args(["--store", &store("verify-full"), "list"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("localhost") && err.contains("certificate"),
        "{err}"
    );
}
