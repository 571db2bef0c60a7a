//! The start date (交办日) from the dashboard: the `S` prompt dates a relative deadline
//! ("5个工作日内") from the day after it, saved, in the history and undoable.

use chrono::NaiveDate;
use duban::app::{Action, App, Mode};
use duban::plan::{ChangeKind, DeadlineKind, ReqId};

use duban::ui;
use ratatui::layout::Rect;

use super::support::{app_on, feed, render_text, rows, saved, small_plan, today, type_text};

const FIRST: ReqId = ReqId::new(1, 1, 1);

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn relative_app() -> (App, duban::store::Store, tempfile::TempDir) {
    let mut plan = small_plan();
    plan.get_mut(FIRST).expect("1.1.1").deadline_raw = "收到后5个工作日内报送".into();
    plan.derive();
    app_on(plan)
}

fn set_start(app: &mut App, text: &str) {
    feed(app, [Action::SetStart]);
    assert!(matches!(app.mode(), Mode::Input(..)), "the prompt opened");
    type_text(app, text);
    feed(app, [Action::SubmitNote]);
}

#[test]
fn the_key_is_bound() {
    let (app, _, _dir) = relative_app();
    let keys = app
        .keymap()
        .keys(duban::app::KeyMode::Normal, &Action::SetStart);
    assert_eq!(
        keys.iter().map(ToString::to_string).collect::<Vec<_>>(),
        ["S"]
    );
}

#[test]
fn a_start_date_dates_the_relative_deadline_and_undo_takes_it_back() {
    let (mut app, store, _dir) = relative_app();
    let r = app.plan().get(FIRST).expect("1.1.1");
    assert_eq!(r.deadline.kind, DeadlineKind::Relative);
    assert!(r.is_unconfirmed());
    let unconfirmed = app.total_counts().unconfirmed;
    // Friday 2021-09-17: Saturday 09-18 works, 中秋 09-19..21, then 09-22, 23, 24 and
    // Sunday 09-26 (worked before 国庆).
    set_start(&mut app, "2021-09-17");
    let r = app.plan().get(FIRST).expect("1.1.1");
    assert_eq!(r.start, Some(date(2021, 9, 17)));
    assert_eq!(r.due(today()), Some(date(2021, 9, 26)));
    assert!(!r.is_unconfirmed());
    assert_eq!(app.total_counts().unconfirmed, unconfirmed - 1);
    let message = app.message().expect("status line");
    assert!(
        message.text.contains("1.1.1 交办日设为 2021-09-17"),
        "{}",
        message.text
    );
    let kept = saved(&store).plan.get(FIRST).cloned().expect("saved");
    assert_eq!(kept.start, Some(date(2021, 9, 17)));
    assert!(matches!(
        kept.history.last().map(|c| &c.what),
        Some(ChangeKind::Start {
            from: None,
            to: Some(_)
        })
    ));
    feed(&mut app, [Action::Undo]);
    let r = app.plan().get(FIRST).expect("1.1.1");
    assert_eq!((r.start, r.due(today())), (None, None));
    assert_eq!(saved(&store).plan.get(FIRST).and_then(|r| r.start), None);
    feed(&mut app, [Action::Redo]);
    assert_eq!(
        app.plan().get(FIRST).and_then(|r| r.due(today())),
        Some(date(2021, 9, 26))
    );
}

#[test]
fn a_bad_date_changes_nothing() {
    let (mut app, store, _dir) = relative_app();
    set_start(&mut app, "2021-02-30");
    let message = app.message().expect("status line");
    assert!(
        message.error && message.text.contains("交办日未改"),
        "{}",
        message.text
    );
    assert_eq!(app.plan().get(FIRST).and_then(|r| r.start), None);
    assert!(store.load().expect("readable").is_none(), "nothing written");
    assert_eq!(app.undo_depth(), (0, 0));
}

#[test]
fn the_detail_pane_asks_for_a_start_and_then_shows_it() {
    let (mut app, _store, _dir) = relative_app();
    let detail = |app: &App| {
        let buf = render_text(Rect::new(0, 0, 90, 14), |a, b| {
            ui::detail::render(app, a, b);
        });
        rows(&buf).join("\n")
    };
    let before = detail(&app);
    assert!(before.contains("待交办日"), "{before}");
    assert!(before.contains("按 S 设交办日"), "{before}");
    set_start(&mut app, "2021-09-17");
    let after = detail(&app);
    assert!(after.contains("交办日 2021-09-17"), "{after}");
    assert!(!after.contains("设交办日"), "{after}");
}
