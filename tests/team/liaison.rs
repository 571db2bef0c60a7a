//! A unit liaison at work (issue #22): duban's commands and dashboard show exactly their
//! units' requirements under the office's ids; what they report reaches the office; what is
//! the office's is refused and changes nothing; through SQL they read nothing else.

use duban::app::{Action, App, Edit};
use duban::i18n::Lang;
use duban::plan::{ReqId, Status};
use duban::team::TeamStore;
use duban::team::conninfo::{Conninfo, process_env};
use postgres::Client;
use postgres::fallible_iterator::FallibleIterator;

use super::access::{connect, login, office_view, refused, store_as, team};
use super::support::{Db, bare, screen, succeed};

const UNITS: [&str; 2] = ["市卫体局", "市发改局"];

/// The ids of the requirements naming the liaison's units, in plan order (the office's
/// word, from the owner's connection).
fn theirs_and_mine(admin: &mut Client) -> (Vec<String>, Vec<String>) {
    let mut ids = |sql: &str| -> Vec<String> {
        admin
            .query(sql, &[&UNITS.to_vec()])
            .expect("ids")
            .iter()
            .map(|r| r.get(0))
            .collect()
    };
    let mine = ids("SELECT id FROM duban.requirements WHERE units && $1 ORDER BY position");
    let others = ids("SELECT id FROM duban.requirements WHERE NOT units && $1 ORDER BY position");
    (others, mine)
}

fn liaison(db: &Db) -> String {
    store_as(db, "li")
}

fn run_as(db: &Db, who: &str, args: &[&str]) -> std::process::Output {
    bare()
        .args(["--lang", "en", "--store", &store_as(db, who)])
        .args(args)
        .output()
        .expect("run")
}

fn now() -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2021, 10, 15)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("time")
}

#[test]
fn a_liaisons_commands_read_exactly_their_units_and_report_to_the_office() {
    let Some((db, mut admin)) =
        team("a_liaisons_commands_read_exactly_their_units_and_report_to_the_office")
    else {
        return;
    };
    let (others, mine) = theirs_and_mine(&mut admin);
    assert!(mine.len() >= 2 && !others.is_empty(), "{mine:?}");
    let out = succeed(bare().args(["--store", &liaison(&db), "list", "--json"]));
    let listed: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let ids: Vec<&str> = listed
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    assert_eq!(
        ids, mine,
        "exactly the union of their two units, office ids"
    );
    // The other reading commands open, and another unit's requirement is not there.
    for args in [&["agenda"][..], &["units"], &["show", &mine[0]]] {
        succeed(bare().args(["--store", &liaison(&db)]).args(args));
    }
    assert!(!run_as(&db, "li", &["show", &others[0]]).status.success());
    // `store status` counts what the liaison may read, and says so.
    let out = succeed(bare().args(["--store", &liaison(&db), "store", "status", "--json"]));
    let status: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(status["liaison"], true);
    assert_eq!(status["requirements"], mine.len());
    assert!(status.get("removed_plans").is_none(), "{status}");
    let out = succeed(bare().args(["--store", &liaison(&db), "store", "status"]));
    assert!(String::from_utf8_lossy(&out.stdout).contains("联络员"));

    // A note and a completion claim, which the office then sees, signed by the login.
    let own = &mine[1];
    succeed(bare().args(["--store", &liaison(&db), "note", own, "联络员的进展"]));
    succeed(bare().args(["--store", &liaison(&db), "claim", own, "--note", "已完成"]));
    let row = admin
        .query_one(
            "SELECT status, data -> 'notes' -> -1 ->> 'text', login FROM duban.requirements
             WHERE id = $1",
            &[own],
        )
        .expect("row");
    assert_eq!(row.get::<_, String>(0), "review");
    assert_eq!(row.get::<_, String>(1), "联络员的进展");
    assert_eq!(row.get::<_, String>(2), login(&db, "li"));
    let office = db.ok(&["--lang", "en", "show", own]);
    assert!(office.contains("联络员的进展"), "{office}");

    // The office's commands: refused as permission denied, nothing changed.
    let before = office_view(&mut admin);
    let other_own = &mine[0];
    for args in [
        &["set", other_own, "done"][..],
        &["approve", own],
        &["reject", own, "--reason", "不行"],
        &["extend", other_own, "2021-12-31", "--reason", "x"],
        &["remove", other_own],
        &["add", "--text", "新要求"],
        &["remind", other_own],
    ] {
        let out = run_as(&db, "li", args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} succeeded");
        assert!(err.contains("permission denied: "), "{args:?}: {err}");
        assert_eq!(office_view(&mut admin), before, "{args:?}: {err}");
    }
}

/// The liaison's dashboard on the store, in English.
fn dashboard(db: &Db) -> App {
    let conninfo = Conninfo::parse(&liaison(db), &process_env).expect("conninfo");
    let store = TeamStore::connect(conninfo, Some("王五".into())).expect("connect");
    let state = store.load().expect("load").expect("workspace");
    App::new(state, Box::new(store), now().date()).with_lang(Lang::En)
}

#[test]
fn a_liaisons_dashboard_offers_and_saves_only_what_a_liaison_may_do() {
    let Some((db, mut admin)) =
        team("a_liaisons_dashboard_offers_and_saves_only_what_a_liaison_may_do")
    else {
        return;
    };
    let (_, mine) = theirs_and_mine(&mut admin);
    let mut app = dashboard(&db);
    let shown: Vec<String> = app
        .state()
        .plans()
        .iter()
        .flat_map(|p| p.plan.requirements().map(|r| r.id.to_string()))
        .collect();
    assert_eq!(shown, mine);
    let text = screen(&app);
    assert!(text.contains("liaison · 市卫体局, 市发改局"), "{text}");
    // The office's keys are neither offered nor taken.
    for a in [Action::Approve, Action::Extend, Action::AddRequirement] {
        assert!(!app.may(&a), "{a:?}");
    }
    app.update(Action::Help, now());
    let help = screen(&app);
    assert!(help.contains("todo → doing ⇄ blocked"), "{help}");
    app.update(Action::Back, now());
    let selected = app.selected_requirement().map(|r| r.id).expect("selected");
    assert_eq!(selected.to_string(), mine[0]);
    let before = office_view(&mut admin);
    for a in [
        Action::ToggleDone,
        Action::Approve,
        Action::Reject,
        Action::Extend,
        Action::Remind,
        Action::SetDue,
        Action::Correct,
        Action::AddRequirement,
    ] {
        app.update(a.clone(), now());
        let m = app.message().expect("a message");
        assert!(
            m.error && m.text.contains("permission denied"),
            "{a:?}: {}",
            m.text
        );
        assert_eq!(
            app.mode(),
            &duban::app::Mode::Normal,
            "{a:?} opened a prompt"
        );
    }
    assert_eq!(office_view(&mut admin), before);

    // Doing, then a note: saved, and the office sees both.
    let status_before = app.selected_requirement().map(|r| r.status);
    app.update(Action::CycleStatus, now());
    let expected = if status_before == Some(Status::Doing) {
        Status::Blocked
    } else {
        Status::Doing
    };
    app.update(Action::AddNote, now());
    for c in "仪表盘里的进展".chars() {
        app.update(Action::Edit(Edit::Insert(c)), now());
    }
    app.update(Action::SubmitNote, now());
    assert!(!app.unsaved(), "{:?}", app.message().map(|m| &m.text));
    let office = db.store("x").load().expect("load").expect("workspace");
    let id: ReqId = mine[0].parse().expect("id");
    let r = office.plan.get(id).expect("requirement");
    assert_eq!(r.status, expected);
    assert_eq!(
        r.notes.last().map(|n| n.text.as_str()),
        Some("仪表盘里的进展")
    );
    assert!(r.history.iter().all(|c| c.login.is_some()));
}

#[test]
fn through_sql_a_liaison_reads_nothing_of_other_units_and_nobody_rewrites_history() {
    let Some((db, mut admin)) =
        team("through_sql_a_liaison_reads_nothing_of_other_units_and_nobody_rewrites_history")
    else {
        return;
    };
    db.ok(&["snapshot", "--label", "十月"]);
    let (others, mine) = theirs_and_mine(&mut admin);
    let mut li = connect(&db, "li").expect("liaison connects");
    for statement in [
        "SELECT * FROM duban.plans",
        "SELECT * FROM duban.workspace",
        "SELECT * FROM duban.history_replaced",
        "SELECT * FROM duban.channel_secret",
        "SELECT duban.channel('office')",
        "SELECT duban.write_history('2021', '1.1.1', '[]', true)",
        "UPDATE duban.history SET login = 'x'",
        "DELETE FROM duban.history",
        "TRUNCATE duban.history",
    ] {
        refused(&mut li, &mut admin, statement);
    }
    // The skeleton holds no other unit's text: no requirement, snapshot or archive, and
    // blank names for the items and categories that are not theirs.
    let skeleton: String = li
        .query_one(
            "SELECT string_agg(header::text, ' ') FROM duban.plan_skeletons()",
            &[],
        )
        .expect("skeleton")
        .get(0);
    for key in ["snapshots", "archived", "\"text\"", "units_raw"] {
        assert!(!skeleton.contains(key), "{key} in {skeleton}");
    }
    let hidden_items: Vec<String> = admin
        .query(
            "SELECT DISTINCT it ->> 'name' FROM duban.plans p,
                 jsonb_array_elements(p.header #> '{plan,categories}') WITH ORDINALITY c(cat, cn),
                 jsonb_array_elements(cat -> 'items') WITH ORDINALITY i(it, n)
             WHERE NOT EXISTS (SELECT 1 FROM duban.requirements q WHERE q.units && $1
                 AND q.id LIKE (cat ->> 'number') || '.' || n || '.%')
               AND it ->> 'name' <> ''",
            &[&UNITS.to_vec()],
        )
        .expect("items")
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert!(!hidden_items.is_empty());
    for name in &hidden_items {
        assert!(!skeleton.contains(&format!("\"{name}\"")), "{name}");
    }
    let seen: i64 = li
        .query_one(
            "SELECT count(*) FROM duban.requirements WHERE NOT units && $1",
            &[&UNITS.to_vec()],
        )
        .expect("count")
        .get(0);
    assert_eq!(seen, 0);
    let own_history: i64 = li
        .query_one(
            "SELECT count(*) FROM duban.history WHERE req = $1",
            &[&others[0]],
        )
        .expect("history")
        .get(0);
    assert_eq!(own_history, 0);

    // A 报送 is the unit's delivery: a liaison appends one, and cannot take it back.
    let report =
        r#"{"period": "2021-10", "submitted_on": "2021-10-15", "at": "2021-10-15T09:00:00"}"#;
    li.batch_execute(&format!(
        "UPDATE duban.requirements SET data = data || '{{\"reports\": [{report}]}}' WHERE id = '{}'",
        mine[0]
    ))
    .expect("a liaison records a report");
    refused(
        &mut li,
        &mut admin,
        &format!(
            "UPDATE duban.requirements SET data = data || '{{\"reports\": []}}' WHERE id = '{}'",
            mine[0]
        ),
    );

    // Office staff append, and cannot take anything out.
    let mut st = connect(&db, "st").expect("staff connects");
    for statement in [
        "DELETE FROM duban.history",
        "TRUNCATE duban.history",
        "UPDATE duban.history SET login = 'x'",
        &format!("SELECT duban.drop_history('2021', '{}')", mine[0]),
        "DELETE FROM duban.history_replaced",
    ] {
        refused(&mut st, &mut admin, statement);
    }
    // Nor make up a stamp through the checked path.
    refused(
        &mut st,
        &mut admin,
        &format!(
            "SELECT duban.write_history('2021', '{}', '[{{\"entry\": {{}}, \"login\": \"ld\", \
             \"at\": \"2021-01-01T00:00:00Z\"}}]', false)",
            mine[0]
        ),
    );
}

#[test]
fn a_renumbering_save_keeps_every_entrys_login_and_time() {
    let Some((db, mut admin)) = team("a_renumbering_save_keeps_every_entrys_login_and_time") else {
        return;
    };
    succeed(bare().args([
        "--store",
        &store_as(&db, "st"),
        "note",
        "1.1.3",
        "第三项的备注",
    ]));
    let stamp =
        |admin: &mut Client, req: &str| -> Option<(String, chrono::DateTime<chrono::Utc>)> {
            admin
                .query_opt(
                    "SELECT login, at FROM duban.history WHERE req = $1
                 AND entry ->> 'text' = '第三项的备注'",
                    &[&req],
                )
                .expect("stamp")
                .map(|r| (r.get(0), r.get(1)))
        };
    let before = stamp(&mut admin, "1.1.3").expect("noted");
    assert_eq!(before.0, login(&db, "st"));
    // Removing 1.1.2 renumbers 1.1.3 → 1.1.2: its trail follows with its stamps.
    succeed(bare().args(["--store", &store_as(&db, "st"), "remove", "1.1.2"]));
    assert_eq!(stamp(&mut admin, "1.1.2"), Some(before));
    let moved_aside: i64 = admin
        .query_one(
            "SELECT count(*) FROM duban.history_replaced WHERE entry ->> 'text' = '第三项的备注'",
            &[],
        )
        .expect("replaced")
        .get(0);
    assert_eq!(moved_aside, 1, "the old trail is kept aside, not deleted");
    let shown = db.ok(&["--lang", "en", "show", "1.1.2"]);
    assert!(shown.contains("第三项的备注"), "{shown}");
}

#[test]
fn a_liaison_hears_only_their_units_changes() {
    let Some((db, mut admin)) = team("a_liaison_hears_only_their_units_changes") else {
        return;
    };
    let (others, mine) = theirs_and_mine(&mut admin);
    let mut li = connect(&db, "li").expect("liaison connects");
    let channels: Vec<String> = li
        .query_one("SELECT duban.my_channels()", &[])
        .expect("channels")
        .get(0);
    assert_eq!(channels.len(), 3, "the liaisons' and one per unit");
    let listen: String = std::iter::once("LISTEN duban;".to_string())
        .chain(channels.iter().map(|c| format!("LISTEN \"{c}\";")))
        .collect();
    li.batch_execute(&listen).expect("listen");
    let bump = |admin: &mut Client, id: &str| {
        admin
            .execute(
                "UPDATE duban.requirements SET version = version + 1 WHERE id = $1",
                &[&id],
            )
            .expect("bump");
    };
    // Another unit's change, then one of theirs: notifications come in commit order, so
    // the first the liaison hears must be their own.
    bump(&mut admin, &others[0]);
    bump(&mut admin, &mine[0]);
    let mut notifications = li.notifications();
    let first = notifications
        .blocking_iter()
        .next()
        .expect("receive")
        .expect("a notification");
    let payload: serde_json::Value = serde_json::from_str(first.payload()).expect("json");
    assert_eq!(payload["id"], mine[0].as_str(), "{payload}");
}
