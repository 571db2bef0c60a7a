//! The store the role tests work on, connecting as its logins, and the office's view that
//! every refused statement must leave unchanged.

use postgres::{Client, NoTls};

use super::support::{Db, db, succeed};

pub const PASSWORD: &str = "s3cret 'quoted\" pw";

/// The store with the built-in plan pushed in, and a staff member, a liaison of two units
/// and a leader granted.
pub fn team(test: &str) -> Option<(Db, Client)> {
    let db = db(test)?;
    db.ok(&["store", "init"]);
    let out = db
        .file_cmd("ws.json")
        .args(["set", "1.1.1", "doing"])
        .output()
        .expect("run");
    assert!(out.status.success());
    let file = db.file("ws.json");
    succeed(db.cmd().arg("--state").arg(&file).args(["store", "push"]));
    std::fs::write(db.file("pw"), format!("{PASSWORD}\n")).expect("write");
    let pw = db.file("pw");
    let pw = pw.to_str().expect("utf-8");
    for (who, role, units) in [
        ("st", "staff", &[][..]),
        ("li", "liaison", &["市发改局牵头", "市卫体局"][..]),
        ("ld", "leader", &[][..]),
    ] {
        let login = format!("{}_{who}", db.name);
        let mut args = vec!["store", "grant", "--login", &login, "--role", role];
        for u in units {
            args.extend(["--unit", u]);
        }
        args.extend(["--password-file", pw]);
        let out = db.ok(&args);
        assert!(!out.contains(PASSWORD), "{out}");
    }
    let admin = db.conninfo.connect().expect("admin");
    Some((db, admin))
}

pub fn login(db: &Db, who: &str) -> String {
    format!("{}_{who}", db.name)
}

/// Connect as a granted login with its password, over TCP as `pg_hba.conf` asks.
pub fn connect(db: &Db, who: &str) -> Result<Client, postgres::Error> {
    let mut config = postgres::Config::new();
    config
        .host("127.0.0.1")
        .dbname(&db.name)
        .user(&login(db, who))
        .password(PASSWORD)
        .connect_timeout(std::time::Duration::from_secs(10));
    config.connect(NoTls)
}

/// Everything the office sees, as one text.
pub fn office_view(admin: &mut Client) -> String {
    let mut out = String::new();
    for table in [
        "meta",
        "workspace",
        "plans",
        "requirements",
        "history",
        "members",
    ] {
        let row = admin
            .query_one(
                &format!(
                    "SELECT count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' \
                     ORDER BY t::text)), '') FROM duban.{table} t"
                ),
                &[],
            )
            .expect("office view");
        out.push_str(table);
        out.push('=');
        out.push_str(&row.get::<_, String>(0));
        out.push('\n');
    }
    out
}

/// `statement` as `client` fails with `insufficient_privilege` (42501) and changes nothing
/// the office sees.
pub fn refused(client: &mut Client, admin: &mut Client, statement: &str) {
    let before = office_view(admin);
    let err = client
        .batch_execute(statement)
        .expect_err(&format!("should be refused: {statement}"));
    assert_eq!(
        err.code(),
        Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE),
        "{statement}: {err}"
    );
    assert_eq!(office_view(admin), before, "{statement} changed something");
}

/// `statement` as `client` runs but touches no row, and the office's view is unchanged.
pub fn no_rows(client: &mut Client, admin: &mut Client, statement: &str) {
    let before = office_view(admin);
    let n = client.execute(statement, &[]).expect(statement);
    assert_eq!(n, 0, "{statement}");
    assert_eq!(office_view(admin), before, "{statement} changed something");
}

pub const TABLES: [&str; 7] = [
    "meta",
    "role_prefix",
    "workspace",
    "plans",
    "requirements",
    "history",
    "members",
];

/// DELETE, TRUNCATE and an UPDATE of every table, and an INSERT into the tables no
/// member may add to.
pub fn destructive(table: &str) -> Vec<String> {
    let column = match table {
        "meta" => "schema_version = 99",
        "role_prefix" => "prefix = 'x'",
        "members" => "role = 'staff'",
        "history" => "login = 'someone'",
        _ => "version = version + 1",
    };
    vec![
        format!("DELETE FROM duban.{table}"),
        format!("TRUNCATE duban.{table}"),
        format!("UPDATE duban.{table} SET {column}"),
    ]
}

/// `--store` for a granted login: key=value, the password quoted as libpq takes it.
pub fn store_as(db: &Db, who: &str) -> String {
    let quoted = PASSWORD.replace('\\', "\\\\").replace('\'', "\\'");
    format!(
        "host=127.0.0.1 dbname={} user={} password='{quoted}'",
        db.name,
        login(db, who)
    )
}
