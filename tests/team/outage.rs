//! The server goes away under an open dashboard (a relay in front of it is cut): the
//! dashboard says so at once, reads on, keeps edits in the outbox ("N 条待同步"); once the
//! server is back it reconnects by itself, reloads what others changed, and sends each
//! edit with the version it was made on — a clash shown as any other, the edit kept.

use std::time::{Duration, Instant};

use duban::app::{Action, App, Edit};
use duban::i18n::Lang;
use duban::plan::{ReqId, Status};

use super::relay::{Relay, staffed};
use super::support::{Db, db, succeed};

pub fn now() -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2021, 10, 15)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("time")
}

fn dashboard(relay: &Relay, db: &Db, user: &str) -> App {
    let store = relay.store(db, user);
    let state = store.load().expect("load").expect("workspace");
    let mut app = App::new(state, Box::new(store), now().date()).with_lang(Lang::En);
    app.update(Action::Start, now());
    app
}

pub fn note(app: &mut App, text: &str) {
    app.update(Action::AddNote, now());
    for c in text.chars() {
        app.update(Action::Edit(Edit::Insert(c)), now());
    }
    app.update(Action::SubmitNote, now());
}

/// Poll `app` until `done` holds; a generous deadline, no fixed sleep.
pub fn until(app: &mut App, what: &str, done: impl Fn(&App) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        app.update(Action::Poll { idle: false }, now());
        if done(app) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "never {what}; banner {:?}, last message: {:?}",
            app.link_banner(),
            app.message().map(|m| m.text.clone())
        );
        std::thread::yield_now();
    }
}

/// Cut the relay and wait until the dashboard says it is disconnected.
fn cut_off(relay: &Relay, app: &mut App) {
    relay.cut();
    until(app, "told of the outage", |a| a.link_banner().is_some());
}

/// 张三's dashboard, cut off, with 1.1.1's status changed into the outbox.
fn offline_edit(db: &Db) -> (Relay, App) {
    staffed(db);
    let relay = Relay::start();
    let mut app = dashboard(&relay, db, "张三");
    cut_off(&relay, &mut app);
    app.update(Action::CycleStatus, now());
    assert_eq!(outbox_files(db).len(), 1);
    (relay, app)
}

fn stored(db: &Db, id: &str) -> duban::plan::Requirement {
    let state = db.store("x").load().expect("load").expect("workspace");
    state
        .plan
        .get(id.parse().expect("id"))
        .cloned()
        .expect("requirement")
}

/// The outbox files in the test's config folder that hold entries.
fn outbox_files(db: &Db) -> Vec<String> {
    let Ok(dir) = std::fs::read_dir(db.file("config")) else {
        return Vec::new();
    };
    dir.filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter_map(|p| Some(p.file_name()?.to_string_lossy().into_owned()))
        .filter(|n| n.starts_with("outbox-"))
        .collect()
}

#[test]
fn an_edit_made_during_an_outage_lands_after_reconnecting() {
    let Some(db) = db("an_edit_made_during_an_outage_lands_after_reconnecting") else {
        return;
    };
    staffed(&db);
    let relay = Relay::start();
    let mut app = dashboard(&relay, &db, "张三");
    assert_eq!(app.link_banner(), None);
    relay.cut();
    until(&mut app, "told of the outage", |a| {
        a.link_banner().as_deref() == Some("disconnected")
    });
    let message = app.message().expect("said");
    assert!(
        message.error && message.text.contains("disconnected"),
        "{}",
        message.text
    );

    // Reading works: the cursor moves, the plan is there.
    app.update(Action::Down, now());
    app.update(Action::Up, now());
    assert_eq!(
        app.selected_requirement().map(|r| r.id),
        Some(ReqId::new(1, 1, 1))
    );
    // An edit is kept locally, durably, and said so — not "saved".
    app.update(Action::CycleStatus, now());
    let message = app.message().expect("said");
    assert!(!message.error, "{}", message.text);
    assert!(message.text.contains("kept locally"), "{}", message.text);
    assert_eq!(
        app.link_banner().as_deref(),
        Some("disconnected · 1 to sync")
    );
    assert_eq!(outbox_files(&db).len(), 1);
    assert_eq!(stored(&db, "1.1.1").status, Status::Todo);

    // Meanwhile someone else changes another requirement: not heard, reloaded later.
    succeed(
        db.cmd()
            .env("DUBAN_USER", "李四")
            .args(["set", "1.2.1", "blocked"]),
    );

    relay.restore();
    until(&mut app, "reconnected and sent", |a| {
        a.link_banner().is_none()
    });
    let message = app.message().expect("said");
    assert!(!message.error, "{}", message.text);
    assert!(message.text.contains("1 edit(s) sent"), "{}", message.text);
    let r = stored(&db, "1.1.1");
    assert_eq!(r.status, Status::Doing);
    let login = super::relay::staff_login(&db);
    assert_eq!(
        r.history.last().and_then(|c| c.login.as_deref()),
        Some(login.as_str())
    );
    assert!(outbox_files(&db).is_empty(), "{:?}", outbox_files(&db));
    let shown = |a: &App, id: &str| {
        a.state()
            .plan
            .get(id.parse().expect("id"))
            .map(|r| r.status)
    };
    assert_eq!(shown(&app, "1.2.1"), Some(Status::Blocked));
    assert_eq!(shown(&app, "1.1.1"), Some(Status::Doing));

    // Live again: a change from the command line comes in, an edit saves at once.
    succeed(
        db.cmd()
            .env("DUBAN_USER", "王五")
            .args(["set", "1.3.1", "doing"]),
    );
    until(&mut app, "told of 王五's change", |a| {
        a.message().is_some_and(|m| m.text.contains("王五"))
    });
    note(&mut app, "恢复后的备注");
    let message = app.message().expect("said");
    assert!(message.text.contains("(saved)"), "{}", message.text);
    assert!(
        stored(&db, "1.1.1")
            .notes
            .iter()
            .any(|n| n.text == "恢复后的备注")
    );
}

#[test]
fn an_outbox_edit_that_clashes_is_kept_for_reapplying() {
    let Some(db) = db("an_outbox_edit_that_clashes_is_kept_for_reapplying") else {
        return;
    };
    staffed(&db);
    let relay = Relay::start();
    let mut app = dashboard(&relay, &db, "张三");
    cut_off(&relay, &mut app);
    note(&mut app, "离线备注");
    note(&mut app, "第二条");
    assert_eq!(
        app.link_banner().as_deref(),
        Some("disconnected · 2 to sync")
    );
    succeed(
        db.cmd()
            .env("DUBAN_USER", "李四")
            .args(["set", "1.1.1", "blocked"]),
    );
    relay.restore();
    until(&mut app, "shown the clash", |a| a.store_kept() == 1);
    let message = app.message().expect("said");
    assert!(message.error, "{}", message.text);
    assert!(
        message.text.contains("李四")
            && message.text.contains("blocked")
            && message.text.contains("p re-applies it"),
        "{}",
        message.text
    );
    // Their version is shown, nothing of ours written over it; the edit stays on disk.
    let r = stored(&db, "1.1.1");
    assert_eq!(r.status, Status::Blocked);
    assert_eq!(r.notes.len(), 1, "only the first note");
    assert_eq!(
        app.state().plan.get(ReqId::new(1, 1, 1)).map(|r| r.status),
        Some(Status::Blocked)
    );
    assert_eq!(outbox_files(&db).len(), 1);
    assert_eq!(app.link_banner(), None);

    app.update(Action::ReapplyKept, now());
    let message = app.message().expect("said");
    assert!(!message.error, "{}", message.text);
    let r = stored(&db, "1.1.1");
    assert_eq!(r.status, Status::Blocked);
    let notes: Vec<&str> = r.notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(notes, ["起点", "离线备注", "第二条"]);
    assert!(outbox_files(&db).is_empty());
}

#[test]
fn an_outbox_left_by_a_previous_run_is_sent_at_the_next_start() {
    let Some(db) = db("an_outbox_left_by_a_previous_run_is_sent_at_the_next_start") else {
        return;
    };
    let (relay, mut app) = offline_edit(&db);
    // Quitting says the edit has not reached the others yet, once.
    app.update(Action::Quit, now());
    assert!(!app.should_quit());
    let message = app.message().expect("said");
    assert!(
        message.text.contains("1 edit(s) not yet sent") && message.text.contains("q again quits"),
        "{}",
        message.text
    );
    app.update(Action::Quit, now());
    assert!(app.should_quit());
    drop(app); // Nothing more is done with the edit.
    relay.restore();
    let mut next = dashboard(&relay, &db, "张三");
    until(&mut next, "sent the old outbox", |a| {
        a.message()
            .is_some_and(|m| m.text.contains("left unsent by the last run"))
    });
    assert_eq!(stored(&db, "1.1.1").status, Status::Doing);
    assert_eq!(
        next.state().plan.get(ReqId::new(1, 1, 1)).map(|r| r.status),
        Some(Status::Doing)
    );
    assert!(outbox_files(&db).is_empty());
}

#[test]
fn a_requirement_added_during_an_outage_is_not_called_saved_and_quitting_saves_it() {
    let Some(db) = db("a_requirement_added_during_an_outage_is_not_called_saved") else {
        return;
    };
    staffed(&db);
    let relay = Relay::start();
    let mut app = dashboard(&relay, &db, "张三");
    cut_off(&relay, &mut app);
    app.update(Action::AddRequirement, now());
    for prompt in ["断线时新增的要求", "市司法局", ""] {
        for c in prompt.chars() {
            app.update(Action::Edit(Edit::Insert(c)), now());
        }
        app.update(Action::SubmitNote, now());
    }
    let message = app.message().expect("said");
    assert!(message.error, "{}", message.text);
    assert!(message.text.contains("not saved"), "{}", message.text);
    let has = |state: &duban::store::State| {
        state
            .plan
            .requirements()
            .any(|r| r.text == "断线时新增的要求")
    };
    assert!(has(app.state()));
    relay.restore();
    until(&mut app, "reconnected", |a| a.link_banner().is_none());
    // Not reloaded away: still shown, and quitting saves it.
    assert!(has(app.state()));
    app.update(Action::Quit, now());
    assert!(app.should_quit());
    assert!(has(&db
        .store("x")
        .load()
        .expect("load")
        .expect("workspace")));
}

#[test]
fn an_outbox_edit_the_server_refuses_is_said_once_and_kept_on_disk() {
    let Some(db) = db("an_outbox_edit_the_server_refuses_is_said_once_and_kept_on_disk") else {
        return;
    };
    let (relay, mut app) = offline_edit(&db);
    // Meanwhile the login is made a leader's: it may read, no longer write.
    let login = super::relay::staff_login(&db);
    db.ok(&["store", "grant", "--login", &login, "--role", "leader"]);
    relay.restore();
    until(&mut app, "told of the refusal", |a| {
        a.message()
            .is_some_and(|m| m.text.contains("permission denied"))
    });
    let message = app.message().expect("said");
    assert!(message.error, "{}", message.text);
    assert!(
        message.text.contains("2021:1.1.1") && message.text.contains("kept in the outbox"),
        "{}",
        message.text
    );
    // Not written, no longer counted as waiting (so not tried on every poll), still on
    // disk for the next start, which tries once more.
    until(&mut app, "reconnected", |a| a.link_banner().is_none());
    assert_eq!(stored(&db, "1.1.1").status, Status::Todo);
    let files = outbox_files(&db);
    assert_eq!(files.len(), 1, "{files:?}");
    let kept = std::fs::read_to_string(db.file("config").join(&files[0])).expect("outbox");
    assert!(kept.contains("\"refused\""), "{kept}");
    // Quitting does not call it waiting either: it is not sent by this dashboard.
    app.update(Action::Quit, now());
    assert!(app.should_quit());
}
