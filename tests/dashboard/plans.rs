//! Several plans in the dashboard (issue #20): the plan strip, switching with `{` / `}` and
//! a click, each plan's cursor and undo history kept for the session, number keys on the
//! plan shown, and edits reaching the right plan although ids repeat across plans.

use duban::app::{Action, App, Selection};
use duban::i18n::Lang;
use duban::plan::{ReqId, Status};
use duban::store::{PlanState, State, Store};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tempfile::TempDir;

use super::support::{FlakyStore, feed, req, resize, saved, small_plan, today};

/// A workspace of the small plan (`A`, shown) and the built-in plan (`B`), saving to a
/// temporary file.
pub(super) fn workspace() -> (App, Store, TempDir) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::new(dir.path().join("state.json"));
    let app =
        App::new(two_plans(), Box::new(store.clone()), today()).with_measure(duban::ui::MEASURE);
    (app, store, dir)
}

pub(super) fn two_plans() -> State {
    let mut state = State::new(small_plan());
    state.plans_mut()[0].name = "A".into();
    state
        .add(PlanState::new("B", duban::plan::import::builtin()))
        .expect("adds");
    state.focus("A").expect("A exists");
    state
}

pub(super) fn screen(app: &App, width: u16, height: u16) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal.draw(|f| duban::ui::draw(f, app)).expect("draws");
    super::support::rows(terminal.backend().buffer())
}

#[test]
fn the_keys_switch_plans_and_wrap_around() {
    let (mut app, _store, _dir) = workspace();
    assert_eq!(app.state().name, "A");
    feed(&mut app, [Action::NextPlan]);
    assert_eq!(app.state().name, "B");
    assert_eq!(app.plan().title, duban::plan::import::builtin().title);
    assert_eq!(app.total_counts().total, app.plan().requirements().count());
    assert!(app.message().is_some_and(|m| m.text == "计划：B（2/2）"));
    feed(&mut app, [Action::NextPlan]);
    assert!(app.all_plans(), "全部 comes after the last plan");
    feed(&mut app, [Action::NextPlan]);
    assert!(!app.all_plans());
    assert_eq!(app.state().name, "A", "wraps to the first");
    feed(&mut app, [Action::PrevPlan, Action::PrevPlan]);
    assert!(!app.all_plans());
    assert_eq!(app.state().name, "B", "and back to the last");
    assert_eq!(app.total_counts().total, app.plan().requirements().count());
}

#[test]
fn each_plan_keeps_its_cursor_for_the_session() {
    let (mut app, _store, _dir) = workspace();
    feed(&mut app, [Action::Down, Action::Down]);
    let in_a = app.selection();
    assert_ne!(in_a, req(1, 1, 1));
    feed(&mut app, [Action::NextPlan]);
    assert_eq!(
        app.selection(),
        req(1, 1, 1),
        "a plan not seen yet starts at the top"
    );
    feed(&mut app, [Action::JumpCategory(3), Action::Down]);
    let in_b = app.selection();
    feed(&mut app, [Action::PrevPlan]);
    assert_eq!(app.selection(), in_a);
    feed(&mut app, [Action::NextPlan]);
    assert_eq!(app.selection(), in_b);
}

#[test]
fn number_keys_jump_among_the_categories_of_the_plan_shown() {
    let (mut app, _store, _dir) = workspace();
    feed(&mut app, [Action::JumpCategory(6)]);
    assert_eq!(app.selection(), req(1, 1, 1), "A has two categories: no 6");
    feed(&mut app, [Action::NextPlan, Action::JumpCategory(6)]);
    assert_eq!(app.selection(), req(6, 1, 1), "B has six");
}

#[test]
fn edits_reach_the_plan_shown_although_ids_repeat() {
    let (mut app, store, _dir) = workspace();
    let id = ReqId::new(1, 1, 1);
    feed(&mut app, [Action::NextPlan, Action::CycleStatus]);
    let state = saved(&store);
    let status = |name: &str| {
        state
            .get(name)
            .and_then(|p| p.plan.get(id))
            .map(|r| r.status)
    };
    assert_eq!(status("B"), Some(Status::Doing));
    assert_eq!(status("A"), Some(Status::Todo), "A's 1.1.1 is untouched");
}

#[test]
fn undo_stays_within_its_plan() {
    let (mut app, store, _dir) = workspace();
    let id = ReqId::new(1, 1, 1);
    feed(&mut app, [Action::CycleStatus, Action::NextPlan]);
    assert_eq!(app.undo_depth(), (0, 0), "B has nothing to undo");
    feed(&mut app, [Action::Undo]);
    let b = saved(&store);
    assert_eq!(
        b.get("A").and_then(|p| p.plan.get(id)).map(|r| r.status),
        Some(Status::Doing)
    );
    feed(&mut app, [Action::PrevPlan]);
    assert_eq!(app.undo_depth(), (1, 0), "A's step is back");
    feed(&mut app, [Action::Undo]);
    let a = saved(&store);
    assert_eq!(
        a.get("A").and_then(|p| p.plan.get(id)).map(|r| r.status),
        Some(Status::Todo)
    );
}

#[test]
fn a_click_on_an_entry_switches_to_its_plan() {
    let (mut app, _store, _dir) = workspace();
    resize(&mut app, 100, 30);
    let area = app.geometry().expect("sized").strip;
    assert_eq!(area.height, 1);
    let strip = app.strip(area);
    assert_eq!(strip.entries.len(), 3, "A, B and 全部");
    let b = &strip.entries[1];
    assert!(b.label.starts_with("B 0/"), "{:?}", b.label);
    let before = app.selection();
    feed(
        &mut app,
        [Action::Click {
            column: b.x + 1,
            row: area.y,
        }],
    );
    assert_eq!(app.state().name, "B");
    // A click between entries switches nothing, and does not reach the panes.
    feed(
        &mut app,
        [Action::Click {
            column: b.x - 1,
            row: area.y,
        }],
    );
    assert_eq!(app.state().name, "B");
    let a = &app.strip(area).entries[0];
    feed(
        &mut app,
        [Action::Click {
            column: a.x,
            row: area.y,
        }],
    );
    assert_eq!((app.state().name.as_str(), app.selection()), ("A", before));
}

#[test]
fn the_screen_names_the_plans_and_the_keys() {
    let (mut app, _store, _dir) = workspace();
    resize(&mut app, 80, 24);
    let rows = screen(&app, 80, 24);
    assert!(rows[3].starts_with("  A 0/6   B 0/"), "{:?}", rows[3]);
    assert!(rows[23].contains("{} 计划"), "{:?}", rows[23]);
    let app = app.with_lang(Lang::En);
    let rows = screen(&app, 80, 24);
    assert!(rows[23].contains("{} plan"), "{:?}", rows[23]);
    let mut app = app;
    feed(&mut app, [Action::Help]);
    let help = screen(&app, 100, 40).join("\n");
    assert!(
        help.contains("{               previous plan or all plans"),
        "{help}"
    );
    assert!(
        help.contains("}               next plan or all plans"),
        "{help}"
    );
}

#[test]
fn one_plan_has_no_strip_and_the_keys_do_nothing() {
    let (mut app, _dir) = {
        let (app, _store, dir) = super::support::small_app();
        (app, dir)
    };
    resize(&mut app, 80, 24);
    assert!(app.geometry().expect("sized").strip.is_empty());
    let before = app.selection();
    feed(&mut app, [Action::NextPlan, Action::PrevPlan]);
    assert_eq!(app.selection(), before);
    assert!(app.message().is_none());
    let rows = screen(&app, 80, 24);
    assert!(!rows[23].contains("计划"), "{:?}", rows[23]);
}

#[test]
fn switching_waits_for_an_unsaved_edit() {
    let store = FlakyStore::default();
    let mut app = App::new(two_plans(), Box::new(store.clone()), today());
    store.failing.set(true);
    feed(&mut app, [Action::CycleStatus]);
    assert!(app.unsaved());
    feed(&mut app, [Action::NextPlan]);
    assert_eq!(app.state().name, "A", "the edit belongs to A's save");
    assert!(
        app.message()
            .is_some_and(|m| m.error && m.text.contains("尚未保存"))
    );
    store.failing.set(false);
    // The next edit (here: undoing it) saves again.
    feed(&mut app, [Action::Undo]);
    assert!(!app.unsaved(), "{:?}", app.message());
    feed(&mut app, [Action::NextPlan]);
    assert_eq!(app.state().name, "B");
    assert!(matches!(app.selection(), Selection::Requirement(_)));
}

#[test]
fn the_strip_counts_each_plan_as_it_is() {
    let (mut app, _store, _dir) = workspace();
    let b_total = app
        .state()
        .get("B")
        .map_or(0, |p| p.plan.requirements().count());
    assert_eq!(app.plan_totals(), vec![(0, 6), (0, b_total)]);
    feed(&mut app, [Action::ToggleDone, Action::SubmitNote]);
    assert_eq!(app.plan_totals()[0], (1, 6), "the plan shown counts live");
    feed(&mut app, [Action::NextPlan]);
    assert_eq!(
        app.plan_totals(),
        vec![(1, 6), (0, b_total)],
        "and keeps it when left"
    );
    feed(
        &mut app,
        [Action::ToggleDone, Action::SubmitNote, Action::PrevPlan],
    );
    assert_eq!(app.plan_totals(), vec![(1, 6), (1, b_total)]);
}
