//! Live updates: a change committed by one dashboard (or the command line) appears in
//! another open dashboard, with who changed what in its status line; its own don't echo.

use std::time::{Duration, Instant};

use duban::app::{Action, App, Edit};
use duban::plan::{ReqId, Status};

use super::support::{db, succeed};

fn now() -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2021, 10, 15)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("time")
}

fn dashboard(db: &super::support::Db, user: &str) -> App {
    let store = db.store(user);
    let state = store.load().expect("load").expect("workspace");
    let mut app = App::new(state, Box::new(store), now().date());
    app.update(Action::Start, now());
    app
}

/// Poll `app` until its status line says `want`; generous deadline, no fixed sleep.
fn until_told(app: &mut App, want: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        app.update(Action::Poll { idle: false }, now());
        if let Some(m) = app.message()
            && m.text.contains(want)
        {
            return m.text.clone();
        }
        assert!(
            Instant::now() < deadline,
            "never told {want:?}; last: {:?}",
            app.message().map(|m| m.text.clone())
        );
        std::thread::yield_now();
    }
}

#[test]
fn a_change_by_one_dashboard_appears_in_the_other() {
    let Some(db) = db("a_change_by_one_dashboard_appears_in_the_other") else {
        return;
    };
    db.initialised();
    db.ok(&["note", "1.1.1", "起点"]);
    let mut zhang = dashboard(&db, "张三");
    let mut li = dashboard(&db, "李四");
    let first = ReqId::new(1, 1, 1);
    zhang.update(Action::CycleStatus, now());
    assert_eq!(
        zhang.state().plan.get(first).map(|r| r.status),
        Some(Status::Doing)
    );
    let text = until_told(&mut li, "张三：1.1.1 → 推进中");
    assert!(!text.is_empty());
    assert_eq!(
        li.state().plan.get(first).map(|r| r.status),
        Some(Status::Doing)
    );
    // Its own change does not echo in 张三's dashboard; 李四's next edit does not clash.
    li.update(Action::AddNote, now());
    li.update(Action::Edit(Edit::Insert('好')), now());
    li.update(Action::SubmitNote, now());
    let message = li.message().expect("saved");
    assert!(!message.error, "{}", message.text);
    until_told(&mut zhang, "李四：1.1.1 → 推进中");
    let notes = &zhang.state().plan.get(first).expect("req").notes;
    assert_eq!(notes.last().map(|n| n.text.as_str()), Some("好"));
    // The command line's changes come in too, named by its acting user.
    succeed(
        db.cmd()
            .env("DUBAN_USER", "王五")
            .args(["set", "1.1.1", "blocked"]),
    );
    until_told(&mut zhang, "王五：1.1.1 → 受阻");
    until_told(&mut li, "王五：1.1.1 → 受阻");
    // And an edit on the live copy saves on the version it brought in.
    zhang.update(Action::AddNote, now());
    zhang.update(Action::Edit(Edit::Insert('行')), now());
    zhang.update(Action::SubmitNote, now());
    let message = zhang.message().expect("saved");
    assert!(!message.error, "{}", message.text);
    until_told(&mut li, "张三：1.1.1 → 受阻");
}

#[test]
fn live_changes_come_in_while_all_plans_are_shown() {
    let Some(db) = db("live_changes_come_in_while_all_plans_are_shown") else {
        return;
    };
    db.initialised();
    db.ok(&["note", "1.1.1", "起点"]);
    db.ok(&[
        "import",
        concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/yongji-2021-plan.txt"),
        "--as",
        "第二份",
    ]);
    let mut app = dashboard(&db, "张三");
    app.update(Action::PrevPlan, now());
    assert!(app.all_plans(), "全部 is shown");
    let plan = |app: &App, p: usize| app.node_counts(duban::app::Node::Plan(p));
    let (first, second) = (plan(&app, 0), plan(&app, 1));
    // Another plan than the one in focus, then the one in focus.
    succeed(db.cmd().env("DUBAN_USER", "王五").args([
        "--plan",
        "第二份",
        "set",
        "1.2.1",
        "blocked",
    ]));
    until_told(&mut app, "王五");
    assert!(app.all_plans());
    assert_eq!(plan(&app, 1).blocked, second.blocked + 1);
    assert_eq!(plan(&app, 0).blocked, first.blocked);
    succeed(
        db.cmd()
            .env("DUBAN_USER", "赵六")
            .args(["--plan", "2021", "set", "1.3.1", "doing"]),
    );
    until_told(&mut app, "赵六");
    assert!(app.all_plans());
    assert_eq!(plan(&app, 0).doing, first.doing + 1);
    assert_eq!(plan(&app, 1).blocked, second.blocked + 1);
    let state = app.state();
    let second_plan = state
        .plans()
        .iter()
        .find(|p| p.name == "第二份")
        .expect("plan");
    assert_eq!(
        second_plan.plan.get(ReqId::new(1, 2, 1)).map(|r| r.status),
        Some(Status::Blocked)
    );
}
