//! `duban store init`: created once, idempotent, a newer schema refused unchanged; connection
//! errors name the host and never show the password.

use super::support::{bare, db};

#[test]
fn init_creates_then_changes_nothing() {
    let Some(db) = db("init_creates_then_changes_nothing") else {
        return;
    };
    assert!(
        db.ok(&["--lang", "en", "store", "init"])
            .contains("created the duban schema (version 4)")
    );
    assert!(
        db.ok(&["--lang", "en", "store", "init"])
            .contains("nothing changed")
    );
    let status = db.ok(&["store", "status", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&status).expect("json");
    assert_eq!(v["schema"], 4);
    assert_eq!(v["plans"], 0);
}

#[test]
fn a_store_before_init_is_named() {
    let Some(db) = db("a_store_before_init_is_named") else {
        return;
    };
    let out = db
        .cmd()
        .args(["--lang", "en", "list"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("duban store init"), "{err}");
}

#[test]
fn a_newer_schema_is_refused_unchanged() {
    let Some(db) = db("a_newer_schema_is_refused_unchanged") else {
        return;
    };
    let store = db.initialised();
    db.ok(&["set", "1.1.1", "doing"]);
    store
        .client()
        .batch_execute("UPDATE duban.meta SET schema_version = 99")
        .expect("bump");
    let dump = |s: &duban::team::TeamStore| {
        let rows = s
            .client()
            .query(
                "SELECT id, version, data::text FROM duban.requirements ORDER BY id",
                &[],
            )
            .expect("rows");
        rows.iter()
            .map(|r| {
                (
                    r.get::<_, String>(0),
                    r.get::<_, i64>(1),
                    r.get::<_, String>(2),
                )
            })
            .collect::<Vec<_>>()
    };
    let before = dump(&store);
    for args in [&["store", "init"][..], &["list"], &["set", "1.1.2", "done"]] {
        let out = db
            .cmd()
            .arg("--lang")
            .arg("en")
            .args(args)
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("newer duban (schema 99)"), "{err}");
    }
    let out = db.cmd().args(["list"]).output().expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("更新版本的 duban 建立（结构版本 99）"),
        "{err}"
    );
    assert_eq!(dump(&store), before);
    let v: i32 = store
        .client()
        .query_one("SELECT schema_version FROM duban.meta", &[])
        .expect("meta")
        .get(0);
    assert_eq!(v, 99);
}

#[test]
fn connection_errors_name_the_host_and_hide_the_password() {
    // Port 1 is reserved (tcpmux) and nothing listens there: the connection is refused.
    let out = bare()
        .args([
            "--store",
            "host=127.0.0.1 port=1 user=zhang password=hunter2-Secret dbname=x",
            "list",
        ])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("127.0.0.1") && err.contains("password=***"),
        "{err}"
    );
    assert!(!err.contains("hunter2"), "{err}");
    // In the default language, Chinese around what the client library said.
    assert!(err.contains("无法连接 127.0.0.1 上的团队存储"), "{err}");
    let out = bare()
        .env("PGPASSWORD", "hunter2-Secret")
        .args([
            "--store",
            "postgres://zhang:hunter2-Secret@127.0.0.1:1/x",
            "list",
        ])
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("127.0.0.1") && !err.contains("hunter2"),
        "{err}"
    );
}
