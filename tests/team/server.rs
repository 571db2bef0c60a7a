//! A throwaway PostgreSQL server of a test's own (initdb in a temporary folder, a port of
//! its own, trust authentication), never the shared cluster: a test may stop and start it,
//! or give it TLS with a self-signed certificate made by openssl. Where initdb (or, for
//! TLS, openssl) is missing, `start` says why and the test skips.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The server, stopped and its folder removed when dropped.
pub struct Server {
    bin: PathBuf,
    data: PathBuf,
    options: String,
    log: PathBuf,
    pub port: u16,
    dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = as_postgres(&self.bin.join("pg_ctl"))
            .args(["-D", path(&self.data), "-m", "immediate", "-w", "stop"])
            .output();
    }
}

impl Server {
    /// initdb and start; with `tls`, `ssl=on` with a certificate for `localhost`.
    pub fn start(tls: bool) -> Result<Server, String> {
        let bin = server_bin().ok_or("no initdb under /usr/lib/postgresql")?;
        if tls {
            run(Command::new("openssl").arg("version"))?;
        }
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
        if tls {
            make_certificate(&data)?;
        }
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| e.to_string())?
            .port();
        let options = format!(
            "-p {port} -k {} -c ssl={} -c listen_addresses=127.0.0.1 -c fsync=off",
            path(dir.path()),
            if tls { "on" } else { "off" }
        );
        let server = Server {
            log: dir.path().join("log"),
            bin,
            data,
            options,
            port,
            dir,
        };
        server.resume()?;
        Ok(server)
    }

    /// A connection string to the database `postgres` on it, over TCP.
    pub fn conninfo(&self, extra: &str) -> String {
        format!(
            "host=127.0.0.1 port={} user=duban dbname=postgres {extra}",
            self.port
        )
    }

    /// Stop it, as an administrator would (`pg_ctl stop -m fast`: sessions are ended).
    pub fn stop(&self) -> Result<(), String> {
        run(as_postgres(&self.bin.join("pg_ctl")).args([
            "-D",
            path(&self.data),
            "-m",
            "fast",
            "-w",
            "stop",
        ]))
    }

    /// Start it (again), on the same port and data.
    pub fn resume(&self) -> Result<(), String> {
        let _ = &self.dir;
        run(as_postgres(&self.bin.join("pg_ctl")).args([
            "-D",
            path(&self.data),
            "-o",
            &self.options,
            "-l",
            path(&self.log),
            "-w",
            "start",
        ]))
    }
}

fn make_certificate(data: &Path) -> Result<(), String> {
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
    run(as_postgres(Path::new("chmod")).args(["600", path(&data.join("server.key"))]))
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

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}
