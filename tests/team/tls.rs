//! TLS for real: a throwaway server of its own (initdb in a temporary folder, another port,
//! `ssl=on` with a self-signed certificate made by openssl), never the shared cluster.
//! `sslmode=require` connects encrypted; `verify-full` refuses the unknown certificate,
//! naming the host. Skipped with a message where initdb or openssl is missing.

use super::server::Server;
use super::support::bare;

#[test]
fn sslmode_require_is_encrypted_and_verify_full_refuses_an_unknown_certificate() {
    let server = match Server::start(true) {
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
