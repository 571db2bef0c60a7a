//! The dashboard on the team store: each edit saved as a checked transaction; a clash is
//! shown in the status line and the edit stays in the dashboard's state.

use duban::app::{Action, App, Edit};
use duban::plan::ReqId;

use super::support::{db, succeed};

fn now() -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2021, 10, 15)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("time")
}

fn note(app: &mut App, text: &str) {
    app.update(Action::AddNote, now());
    for c in text.chars() {
        app.update(Action::Edit(Edit::Insert(c)), now());
    }
    app.update(Action::SubmitNote, now());
}

#[test]
fn dashboard_edits_land_and_a_clash_keeps_the_edit() {
    let Some(db) = db("dashboard_edits_land_and_a_clash_keeps_the_edit") else {
        return;
    };
    db.initialised();
    db.ok(&["note", "1.1.1", "起点"]);
    let zhang = db.store("张三");
    let state = zhang.load().expect("load").expect("workspace");
    let today = now().date();
    let mut app = App::new(state, Box::new(zhang), today).with_lang(duban::i18n::Lang::En);
    let first = ReqId::new(1, 1, 1);
    note(&mut app, "仪表盘的备注");
    let stored = db.store("x").load().expect("load").expect("workspace");
    let notes = &stored.plan.get(first).expect("req").notes;
    assert_eq!(notes.last().map(|n| n.text.as_str()), Some("仪表盘的备注"));

    // 李四 changes the same requirement from the command line.
    succeed(
        db.cmd()
            .env("DUBAN_USER", "李四")
            .args(["set", "1.1.1", "blocked"]),
    );
    note(&mut app, "撞车的备注");
    let message = app.message().expect("a message");
    assert!(message.error, "{}", message.text);
    assert!(
        message.text.contains("李四") && message.text.contains("blocked"),
        "{}",
        message.text
    );
    // The row is reloaded as 李四 left it; the note is kept aside, not written over it.
    let shown = app.state().plan.get(first).expect("req");
    assert_eq!(shown.status, duban::plan::Status::Blocked);
    assert!(shown.notes.iter().all(|n| n.text != "撞车的备注"));
    assert_eq!(app.store_kept(), 1);
    let stored = db.store("x").load().expect("load").expect("workspace");
    let r = stored.plan.get(first).expect("req");
    assert_eq!(r.status, duban::plan::Status::Blocked);
    assert!(r.notes.iter().all(|n| n.text != "撞车的备注"));

    // Not stuck: another requirement saves at once.
    app.update(Action::Down, now());
    note(&mut app, "别的要求");
    let message = app.message().expect("a message");
    assert!(!message.error, "{}", message.text);

    // Re-applied on 李四's version: both stand.
    app.update(Action::ReapplyKept, now());
    let message = app.message().expect("a message");
    assert!(!message.error, "{}", message.text);
    assert_eq!(app.store_kept(), 0);
    let stored = db.store("x").load().expect("load").expect("workspace");
    let r = stored.plan.get(first).expect("req");
    assert_eq!(r.status, duban::plan::Status::Blocked);
    assert_eq!(r.notes.last().map(|n| n.text.as_str()), Some("撞车的备注"));
    assert!(
        stored
            .plan
            .requirements()
            .any(|r| r.notes.iter().any(|n| n.text == "别的要求"))
    );
}

#[test]
fn a_kept_edit_can_be_dropped() {
    let Some(db) = db("a_kept_edit_can_be_dropped") else {
        return;
    };
    db.initialised();
    db.ok(&["set", "1.1.1", "doing"]);
    let zhang = db.store("张三");
    let state = zhang.load().expect("load").expect("workspace");
    let mut app = App::new(state, Box::new(zhang), now().date()).with_lang(duban::i18n::Lang::En);
    db.ok(&["set", "1.1.1", "blocked"]);
    note(&mut app, "放弃的备注");
    assert_eq!(app.store_kept(), 1);
    app.update(Action::DropKept, now());
    assert_eq!(app.store_kept(), 0);
    // Quitting now needs no second press: nothing is kept.
    app.update(Action::Quit, now());
    assert!(app.should_quit());
    let stored = db.store("x").load().expect("load").expect("workspace");
    let r = stored.plan.get(ReqId::new(1, 1, 1)).expect("req");
    assert_eq!(r.status, duban::plan::Status::Blocked);
    assert!(r.notes.is_empty());
}
