//! Who may do what (issue #22), on the real server: each role's allowed statements succeed
//! and the others are refused — through duban and through SQL as that login — with the
//! office's view unchanged after every refused attempt.

use postgres::Client;

use super::access::{
    PASSWORD, TABLES, connect, destructive, login, no_rows, office_view, refused, store_as, team,
};
use super::support::{Db, db, succeed};

#[test]
fn a_leader_reads_everything_and_writes_nothing() {
    let Some((db, mut admin)) = team("a_leader_reads_everything_and_writes_nothing") else {
        return;
    };
    let mut leader = connect(&db, "ld").expect("leader connects");
    for table in TABLES {
        leader
            .query(&format!("SELECT * FROM duban.{table}"), &[])
            .expect("leader reads");
        for statement in destructive(table) {
            refused(&mut leader, &mut admin, &statement);
        }
    }
    let n: i64 = leader
        .query_one("SELECT count(*) FROM duban.requirements", &[])
        .expect("count")
        .get(0);
    assert_eq!(n, 35);
    refused(
        &mut leader,
        &mut admin,
        "INSERT INTO duban.members (login, role) VALUES ('x', 'staff')",
    );
    refused(
        &mut leader,
        &mut admin,
        "INSERT INTO duban.history (plan, req, entry) VALUES ('2021', '1.1.1', '{}')",
    );
    // Through duban: reading works, an edit is refused as 无权限 and changes nothing.
    let before = office_view(&mut admin);
    let conninfo = store_as(&db, "ld");
    succeed(super::support::bare().args(["--store", &conninfo, "list", "--json"]));
    let out = super::support::bare()
        .args(["--store", &conninfo, "set", "1.1.2", "done"])
        .output()
        .expect("run");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("无权限："), "{err}");
    assert!(!err.contains(PASSWORD), "{err}");
    let out = super::support::bare()
        .args(["--lang", "en", "--store", &conninfo, "note", "1.1.2", "x"])
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("permission denied: "), "{err}");
    assert_eq!(office_view(&mut admin), before);
}

#[test]
fn a_liaison_sees_exactly_their_units_and_makes_only_a_liaisons_changes() {
    let Some((db, mut admin)) =
        team("a_liaison_sees_exactly_their_units_and_makes_only_a_liaisons_changes")
    else {
        return;
    };
    let mut li = connect(&db, "li").expect("liaison connects");
    let ids = |c: &mut Client, filter: &str| -> Vec<String> {
        c.query(
            &format!("SELECT plan || ':' || id FROM duban.requirements {filter} ORDER BY 1"),
            &[],
        )
        .expect("ids")
        .iter()
        .map(|r| r.get(0))
        .collect()
    };
    let mine = ids(&mut li, "");
    let union = ids(&mut admin, "WHERE units && ARRAY['市发改局', '市卫体局']");
    let one = ids(&mut admin, "WHERE '市发改局' = ANY(units)");
    let other = ids(&mut admin, "WHERE '市卫体局' = ANY(units)");
    assert_eq!(mine, union);
    assert!(
        mine.len() > one.len() && mine.len() > other.len(),
        "{mine:?}"
    );
    assert!(!one.is_empty() && !other.is_empty());
    let own = one[0].split_once(':').expect("id").1.to_string();
    let others = ids(
        &mut admin,
        "WHERE NOT units && ARRAY['市发改局', '市卫体局']",
    );
    let theirs = others[0].split_once(':').expect("id").1.to_string();

    // Every table: no DELETE, TRUNCATE or UPDATE outside their requirements.
    for table in TABLES {
        for statement in destructive(table) {
            if table == "requirements" && statement.starts_with("UPDATE") {
                continue;
            }
            refused(&mut li, &mut admin, &statement);
        }
    }
    for insert in [
        "INSERT INTO duban.members (login, role) VALUES ('x', 'staff')",
        "INSERT INTO duban.plans (name, position, header) VALUES ('x', 9, '{}')",
        "INSERT INTO duban.requirements (plan, id, position, data) VALUES ('2021', '9.9.9', 0, '{}')",
        "INSERT INTO duban.workspace (one, data) VALUES (true, '{}')",
    ] {
        refused(&mut li, &mut admin, insert);
    }
    // Another unit's row is not there for them.
    no_rows(
        &mut li,
        &mut admin,
        &format!(
            "UPDATE duban.requirements SET data = data || '{{\"status\": \"doing\"}}' WHERE id = '{theirs}'"
        ),
    );
    let set = |json: &str| {
        format!(
            "UPDATE duban.requirements SET data = data || '{json}', version = version + 1 WHERE plan = '2021' AND id = '{own}'"
        )
    };
    // What the office owns: text, deadline, units, done, extensions.
    for json in [
        r#"{"text": "改过的"}"#,
        r#"{"deadline_raw": "2030年底前"}"#,
        r#"{"status": "done"}"#,
        r#"{"extensions": [{"to": "2030-01-01"}]}"#,
    ] {
        refused(&mut li, &mut admin, &set(json));
    }
    refused(
        &mut li,
        &mut admin,
        &format!("UPDATE duban.requirements SET units = '{{市财政局}}' WHERE id = '{own}'"),
    );
    // What a liaison may: doing, a note, then a claim.
    li.batch_execute(&set(
        r#"{"status": "doing", "notes": [{"at": "2021-10-15T09:00:00", "text": "已推进"}]}"#,
    ))
    .expect("doing");
    li.batch_execute(&set(r#"{"status": "review"}"#))
        .expect("claim");
    // Approving or sending back their own claim is the office's.
    refused(&mut li, &mut admin, &set(r#"{"status": "done"}"#));
    refused(&mut li, &mut admin, &set(r#"{"status": "doing"}"#));
    history_as_liaison(&db, &mut li, &mut admin, &own, &theirs);
    liaison_identity(&db, &mut li);
}

#[test]
fn office_staff_do_everything_but_rewrite_history() {
    let Some((db, mut admin)) = team("office_staff_do_everything_but_rewrite_history") else {
        return;
    };
    let conninfo = store_as(&db, "st");
    succeed(super::support::bare().args(["--store", &conninfo, "set", "1.1.2", "done"]));
    let row = admin
        .query_one(
            "SELECT login, actor FROM duban.history WHERE req = '1.1.2' ORDER BY seq DESC LIMIT 1",
            &[],
        )
        .expect("history");
    assert_eq!(row.get::<_, String>(0), login(&db, "st"));
    assert_eq!(row.get::<_, Option<String>>(1).as_deref(), Some("张三"));
    let mut st = connect(&db, "st").expect("staff connects");
    st.batch_execute("UPDATE duban.requirements SET version = version + 1 WHERE id = '1.1.3'")
        .expect("staff updates");
    for statement in [
        "UPDATE duban.history SET login = 'someone'",
        "TRUNCATE duban.history",
        "TRUNCATE duban.requirements",
        "INSERT INTO duban.members (login, role) VALUES ('x', 'staff')",
        "UPDATE duban.meta SET schema_version = 99",
    ] {
        refused(&mut st, &mut admin, statement);
    }
    let out = db.ok(&["store", "users", "--json"]);
    let users: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(users.as_array().map(Vec::len), Some(3));
}

#[test]
fn a_revoked_login_can_no_longer_connect_or_change_anything() {
    let Some((db, mut admin)) = team("a_revoked_login_can_no_longer_connect_or_change_anything")
    else {
        return;
    };
    let mut open = connect(&db, "st").expect("staff connects");
    db.ok(&["store", "revoke", "--login", &login(&db, "st")]);
    let before = office_view(&mut admin);
    assert!(connect(&db, "st").is_err(), "a revoked login connected");
    // The session open before the revoke is ended.
    assert!(
        open.batch_execute("UPDATE duban.requirements SET version = version + 1")
            .is_err()
    );
    let out = super::support::bare()
        .args(["--store", &store_as(&db, "st"), "set", "1.1.2", "done"])
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert_eq!(office_view(&mut admin), before);
    let out = db.ok(&["store", "users"]);
    assert!(!out.contains(&login(&db, "st")), "{out}");
}

/// History: appended on their own rows only, as themselves, at the server's time.
fn history_as_liaison(db: &Db, li: &mut Client, admin: &mut Client, own: &str, theirs: &str) {
    li.batch_execute(&format!(
        "INSERT INTO duban.history (plan, req, entry, login, at) VALUES \
         ('2021', '{own}', '{{\"at\": \"2021-10-15T09:00:00\", \"kind\": \"note\", \
         \"text\": \"已推进\"}}', 'someone_else', '2000-01-01')"
    ))
    .expect("append");
    let row = admin
        .query_one(
            "SELECT login, at > now() - interval '1 hour' FROM duban.history ORDER BY seq DESC LIMIT 1",
            &[],
        )
        .expect("last");
    assert_eq!(row.get::<_, String>(0), login(db, "li"));
    assert!(row.get::<_, bool>(1));
    refused(
        li,
        admin,
        &format!(
            "INSERT INTO duban.history (plan, req, entry) VALUES ('2021', '{theirs}', '{{}}')"
        ),
    );
}

/// Their own `members` row only; `whoami` names them with the normalised units; the
/// reading commands open.
fn liaison_identity(db: &Db, li: &mut Client) {
    let who: Vec<String> = li
        .query("SELECT login FROM duban.members", &[])
        .expect("members")
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(who, [login(db, "li")]);
    // duban: who they are, with the normalised units.
    let out =
        succeed(super::support::bare().args(["--store", &store_as(db, "li"), "whoami", "--json"]));
    let me: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(me["role"], "liaison");
    assert_eq!(me["units"], serde_json::json!(["市卫体局", "市发改局"]));
    // duban reads their units' requirements only (see tests/team/liaison.rs).
    let out = succeed(super::support::bare().args([
        "--lang",
        "en",
        "--store",
        &store_as(db, "li"),
        "list",
    ]));
    assert!(!String::from_utf8_lossy(&out.stdout).is_empty());
}

#[test]
fn a_version_1_store_is_upgraded_with_its_roles() {
    let Some(db) = db("a_version_1_store_is_upgraded_with_its_roles") else {
        return;
    };
    let mut admin = db.conninfo.connect().expect("admin");
    admin
        .batch_execute(include_str!("../../src/team/migrations/0001_init.sql"))
        .expect("schema 1");
    admin
        .batch_execute("INSERT INTO duban.meta (schema_version) VALUES (1)")
        .expect("meta");
    let out = db.ok(&["--lang", "en", "store", "init"]);
    assert!(out.contains("from version 1 to 4"), "{out}");
    let groups: i64 = admin
        .query_one(
            "SELECT count(*) FROM pg_roles r, duban.role_prefix p WHERE r.rolname LIKE p.prefix || '\\_%'",
            &[],
        )
        .expect("groups")
        .get(0);
    assert_eq!(groups, 3);
    assert!(
        db.ok(&["store", "users"]).contains("no login")
            || db.ok(&["store", "users"]).contains("还没有")
    );
}

#[test]
fn office_staff_rename_a_plan_and_its_history_follows_it() {
    let Some((db, mut admin)) = team("office_staff_rename_a_plan_and_its_history_follows_it")
    else {
        return;
    };
    let staff = store_as(&db, "st");
    let history = |admin: &mut Client, plan: &str| -> i64 {
        admin
            .query_one(
                "SELECT count(*) FROM duban.history WHERE plan = $1",
                &[&plan],
            )
            .expect("count")
            .get(0)
    };
    let before = history(&mut admin, "2021");
    assert!(before > 0, "the pushed plan has a history");
    // History is append-only for staff: the rename moves it through the owner's function.
    succeed(
        super::support::bare()
            .args(["--store", &staff, "plans", "rename", "2021", "2021要点"])
            .arg("--lang")
            .arg("en"),
    );
    assert_eq!(history(&mut admin, "2021"), 0);
    assert_eq!(history(&mut admin, "2021要点"), before);
    // The function moves trails only for a plan that was renamed.
    let mut st = connect(&db, "st").expect("staff connects");
    refused(
        &mut st,
        &mut admin,
        "SELECT duban.rename_history('2021要点', 'elsewhere')",
    );
}
