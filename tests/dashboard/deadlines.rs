//! Deadlines in the dashboard: a due date set by hand with the `T` prompt (saved, in the
//! history, undoable, feeding every count), deadlines still to be dated (待定, their own
//! agenda group), and a plan whose period is over (the header says so).

use chrono::NaiveDate;
use duban::app::{Action, App, Discard, Mode, Screen};
use duban::i18n::Lang;
use duban::plan::{ChangeKind, Deadline, DeadlineKind, Plan, ReqId};
use duban::store::State;
use duban::ui;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::support::{feed, render_text, rows, saved, small_app, small_plan, today, type_text};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

const FIRST: ReqId = ReqId::new(1, 1, 1);

fn due_set(app: &App, id: ReqId) -> Option<NaiveDate> {
    app.plan().get(id).expect("requirement exists").due_set
}

/// Press the set-due key on the selected requirement, type `text`, press Enter.
fn set_due(app: &mut App, text: &str) {
    feed(app, [Action::SetDue]);
    assert!(matches!(app.mode(), Mode::Input(..)), "the prompt opened");
    type_text(app, text);
    feed(app, [Action::SubmitNote]);
}

#[test]
fn the_key_is_bound_and_listed_in_help() {
    let (app, _, _dir) = small_app();
    let keys = app
        .keymap()
        .keys(duban::app::KeyMode::Normal, &Action::SetDue);
    assert_eq!(
        keys.iter().map(ToString::to_string).collect::<Vec<_>>(),
        ["T"]
    );
}

#[test]
fn setting_a_due_date_by_hand_feeds_every_count_and_is_saved() {
    let (mut app, store, _dir) = small_app();
    // 1.1.1 is due 2021-08-15: overdue on 2021-09-20.
    let overdue_before = app.total_counts().overdue;
    assert!(app.plan().get(FIRST).expect("1.1.1").is_overdue(today()));
    set_due(&mut app, "2021年10月15日");
    assert_eq!(due_set(&app, FIRST), Some(date(2021, 10, 15)));
    assert_eq!(app.total_counts().overdue, overdue_before - 1);
    let message = app.message().expect("status line");
    assert!(!message.error && message.text.contains("1.1.1 时限人工设定为 2021-10-15"));
    let r = saved(&store).plan.get(FIRST).cloned().expect("saved");
    assert_eq!(r.due_set, Some(date(2021, 10, 15)));
    assert_eq!(
        r.deadline_raw, "2021年8月15日前完成。",
        "the text stays as written"
    );
    assert!(matches!(
        r.history.last().map(|c| &c.what),
        Some(ChangeKind::Due { from: None, to: Some(d) }) if *d == date(2021, 10, 15)
    ));
    // The tree marks the hand-set date and counts down to it.
    let buf = render_text(Rect::new(0, 0, 60, 4), |a, b| ui::tree::render(&app, a, b));
    assert!(rows(&buf)[2].contains("人工 剩25天"), "{:?}", rows(&buf));
}

#[test]
fn undo_and_redo_a_hand_set_date() {
    let (mut app, store, _dir) = small_app();
    set_due(&mut app, "2021-10-15");
    feed(&mut app, [Action::Undo]);
    assert_eq!(due_set(&app, FIRST), None);
    assert_eq!(saved(&store).plan.get(FIRST).and_then(|r| r.due_set), None);
    assert!(app.plan().get(FIRST).expect("1.1.1").is_overdue(today()));
    feed(&mut app, [Action::Redo]);
    assert_eq!(due_set(&app, FIRST), Some(date(2021, 10, 15)));
    assert_eq!(
        saved(&store).plan.get(FIRST).and_then(|r| r.due_set),
        Some(date(2021, 10, 15))
    );
}

#[test]
fn an_invalid_date_is_refused_with_a_message_and_nothing_saved() {
    let (mut app, store, _dir) = small_app();
    for bad in ["2021-02-30", "明天", "21-9-30"] {
        set_due(&mut app, bad);
        let message = app.message().expect("status line");
        assert!(message.error, "{bad}");
        assert!(
            message.text.contains(bad) && message.text.contains("YYYY-MM-DD"),
            "{}",
            message.text
        );
        assert_eq!(*app.mode(), Mode::Normal);
    }
    assert_eq!(due_set(&app, FIRST), None);
    assert!(
        store.load().expect("readable").is_none(),
        "nothing was written"
    );
    assert_eq!(app.undo_depth(), (0, 0));
}

#[test]
fn empty_input_clears_and_the_prompt_starts_from_the_set_date() {
    let (mut app, _store, _dir) = small_app();
    set_due(&mut app, "2021-10-15");
    feed(&mut app, [Action::SetDue]);
    let Mode::Input(_, editor) = app.mode() else {
        panic!("the prompt opened");
    };
    assert_eq!(editor.text(), "2021-10-15");
    feed(
        &mut app,
        [
            Action::Edit(duban::app::Edit::ClearToStart),
            Action::SubmitNote,
        ],
    );
    assert_eq!(due_set(&app, FIRST), None);
    assert!(
        app.message()
            .expect("status")
            .text
            .contains("已取消人工设定的时限")
    );
    // Nothing set and nothing typed: unchanged, no undo step.
    let depth = app.undo_depth();
    feed(&mut app, [Action::SetDue, Action::SubmitNote]);
    assert_eq!(app.undo_depth(), depth);
    assert!(app.message().expect("status").text.contains("时限未改变"));
}

/// The small plan with 1.1.2 unreadable and 1.2.1 counted from an event: what the parser
/// will produce for such texts (built directly here).
fn unconfirmed_plan() -> Plan {
    let mut plan = small_plan();
    for (id, kind, raw) in [
        (
            ReqId::new(1, 1, 2),
            DeadlineKind::Unparsed,
            "待省厅部署后另定",
        ),
        (
            ReqId::new(1, 2, 1),
            DeadlineKind::Relative,
            "收到通知后5个工作日内",
        ),
    ] {
        let r = plan.get_mut(id).expect("requirement exists");
        r.deadline_raw = raw.into();
        r.deadline = Deadline {
            kind,
            raw: raw.into(),
            ..Default::default()
        };
    }
    plan
}

#[test]
fn unconfirmed_deadlines_read_pending_in_the_tree_detail_and_agenda() {
    let mut app = App::new(State::new(unconfirmed_plan()), Box::new(Discard), today());
    assert_eq!(app.total_counts().unconfirmed, 2);
    let buf = render_text(Rect::new(0, 0, 120, 3), |a, b| {
        ui::header::render(&app, a, b);
    });
    assert!(
        rows(&buf)[1].trim_end().ends_with("受阻 0   时限待确认 2"),
        "{:?}",
        rows(&buf)
    );
    let buf = render_text(Rect::new(0, 0, 50, 8), |a, b| ui::tree::render(&app, a, b));
    let tree = rows(&buf);
    assert!(
        tree[3].contains("1.1.2") && tree[3].contains("待定"),
        "{tree:?}"
    );
    assert!(
        tree[6].contains("1.2.1") && tree[6].contains("待定"),
        "{tree:?}"
    );
    // Coloured as a deadline to confirm, not as "no deadline".
    let mut styled = ratatui::buffer::Buffer::empty(Rect::new(0, 0, 50, 8));
    ui::tree::render(&app, styled.area, &mut styled);
    let x = (0..50)
        .find(|&x| styled[(x, 3)].symbol() == "待")
        .expect("待定 on row 3");
    let fg = styled[(x, 3)].fg;
    assert_eq!(Some(fg), ui::theme::THEME.unconfirmed.fg);
    assert_ne!(Some(fg), ui::theme::THEME.no_deadline.fg);

    feed(&mut app, [Action::Down]);
    let buf = render_text(Rect::new(0, 0, 70, 14), |a, b| {
        ui::detail::render(&app, a, b);
    });
    let detail = rows(&buf).join("\n");
    assert!(detail.contains("时限  待省厅部署后另定"), "{detail}");
    assert!(
        detail.contains("解析  待定（未能识别）  按 T 人工设定"),
        "{detail}"
    );

    feed(&mut app, [Action::ShowScreen(Screen::Agenda)]);
    let mut buf = ratatui::buffer::Buffer::empty(Rect::new(0, 0, 100, 30));
    (&app).render(buf.area, &mut buf);
    let screen = rows(&buf).join("\n");
    assert!(screen.contains("时限待确认 (2)"), "{screen}");
}

#[test]
fn a_plan_past_its_period_says_so_in_the_header_and_countdowns() {
    let ended = date(2026, 12, 3);
    let app = App::new(State::new(small_plan()), Box::new(Discard), ended);
    let buf = render_text(Rect::new(0, 0, 100, 3), |a, b| {
        ui::header::render(&app, a, b);
    });
    assert_eq!(
        rows(&buf)[0].trim_end(),
        " 测试计划2021年                            2021年度计划已结束，未完成 6 项 参考日期 2026-12-03 周四"
    );
    // 1.1.1 was due 2021-08-15: 138 days late at the year's end, not five years.
    let buf = render_text(Rect::new(0, 0, 60, 4), |a, b| ui::tree::render(&app, a, b));
    assert!(
        rows(&buf)[2].contains("截至年底逾期138天"),
        "{:?}",
        rows(&buf)
    );

    let en = App::new(State::new(small_plan()), Box::new(Discard), ended).with_lang(Lang::En);
    let buf = render_text(Rect::new(0, 0, 100, 3), |a, b| {
        ui::header::render(&en, a, b);
    });
    assert!(rows(&buf)[0].contains("the 2021 plan has ended; 6 unfinished"));

    // Still running on its last day.
    let last = App::new(
        State::new(small_plan()),
        Box::new(Discard),
        date(2021, 12, 31),
    );
    let buf = render_text(Rect::new(0, 0, 100, 3), |a, b| {
        ui::header::render(&last, a, b);
    });
    assert!(!rows(&buf)[0].contains("已结束"));
}

#[test]
fn a_custom_period_ends_the_plan_on_its_own_date() {
    let mut plan = small_plan();
    plan.set_period(Some("2021-03-01..2021-09-30".parse().expect("period")));
    let app = App::new(State::new(plan), Box::new(Discard), date(2021, 10, 8));
    let buf = render_text(Rect::new(0, 0, 100, 3), |a, b| {
        ui::header::render(&app, a, b);
    });
    assert!(
        rows(&buf)[0].contains("计划期（2021-03-01至2021-09-30）已结束，未完成 6 项"),
        "{:?}",
        rows(&buf)
    );
    // The monthly duty 2.1.2 stops at the period's end.
    let r = app.plan().get(ReqId::new(2, 1, 2)).expect("2.1.2");
    assert_eq!(r.due(date(2021, 10, 8)), Some(date(2021, 9, 30)));
}

#[test]
fn setting_a_date_from_the_agenda_moves_the_row() {
    let (mut app, _store, _dir) = small_app();
    feed(&mut app, [Action::ShowScreen(Screen::Agenda)]);
    let selected = app.selected_requirement().map(|r| r.id);
    // The agenda starts on the most overdue row, 1.1.1 (due 2021-08-15).
    assert_eq!(selected, Some(FIRST));
    set_due(&mut app, "2021-12-20");
    assert_eq!(due_set(&app, FIRST), Some(date(2021, 12, 20)));
    let mut buf = ratatui::buffer::Buffer::empty(Rect::new(0, 0, 100, 30));
    (&app).render(buf.area, &mut buf);
    let screen = rows(&buf);
    let later = screen
        .iter()
        .position(|l| l.contains("以后 ("))
        .expect("a 以后 group");
    let row = screen
        .iter()
        .position(|l| l.contains("1.1.1") && l.contains("人工 剩91天"))
        .expect("1.1.1 with its hand-set countdown");
    assert!(
        row > later,
        "1.1.1 moved under 以后:\n{}",
        screen.join("\n")
    );
}
