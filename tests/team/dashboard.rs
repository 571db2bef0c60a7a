//! The dashboard on the team store: each edit saved as a checked transaction; a clash is
//! shown in the status line and the edit stays in the dashboard's state.

use duban::app::{Action, App, Edit};
use duban::plan::ReqId;

use super::support::db;

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
    let out = db
        .cmd()
        .env("DUBAN_USER", "李四")
        .args(["set", "1.1.1", "blocked"])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    note(&mut app, "撞车的备注");
    let message = app.message().expect("a message");
    assert!(message.error, "{}", message.text);
    assert!(
        message.text.contains("李四") && message.text.contains("blocked"),
        "{}",
        message.text
    );
    // Kept on screen, not written over 李四's change.
    let kept = &app.state().plan.get(first).expect("req").notes;
    assert_eq!(kept.last().map(|n| n.text.as_str()), Some("撞车的备注"));
    let stored = db.store("x").load().expect("load").expect("workspace");
    let r = stored.plan.get(first).expect("req");
    assert_eq!(r.status, duban::plan::Status::Blocked);
    assert!(r.notes.iter().all(|n| n.text != "撞车的备注"));
}
