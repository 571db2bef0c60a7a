//! The agenda and units views, search and filters, undo/redo: state through `App::update`
//! on the built-in plan at 2021-09-20.

use duban::app::{Action, App, ListEntry, Mode, Screen, Selection};
use duban::i18n::Lang;
use duban::plan::workload::UnitColumn;
use duban::plan::{ReqId, Status};

use super::support::{builtin_app, feed, saved, small_app, status_of, type_text};

pub fn id(s: &str) -> ReqId {
    s.parse().expect("valid id")
}

/// The agenda as (heading, ids) groups.
pub fn groups(app: &App) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for e in &app.agenda().entries {
        match e {
            ListEntry::Heading { group, count, .. } => {
                let label = app.group_label(*group).to_string();
                out.push((label, Vec::with_capacity(*count)));
            }
            ListEntry::Requirement { id, .. } => {
                if let Some(last) = out.last_mut() {
                    last.1.push(id.to_string());
                }
            }
        }
    }
    out
}

/// `s`, answering the 办结说明 prompt (empty) when it reaches done.
fn cycle(app: &mut App) {
    feed(app, [Action::CycleStatus]);
    if matches!(app.mode(), Mode::Input(..)) {
        feed(app, [Action::SubmitNote]);
    }
}

#[test]
fn agenda_groups_by_due_date_with_overdue_first() {
    let (mut app, _store, _dir) = builtin_app(Lang::Zh);
    feed(&mut app, [Action::ShowScreen(Screen::Agenda)]);
    assert_eq!(app.screen(), Screen::Agenda);
    let g = groups(&app);
    assert_eq!(g[0].0, "逾期");
    assert_eq!(g[0].1, ["1.1.1", "1.3.1", "2.1.1", "2.2.3"]);
    let labels: Vec<&str> = g.iter().map(|(l, _)| l.as_str()).collect();
    let order = ["逾期", "今天", "7天内", "30天内", "以后", "周期性", "长期"];
    let mut last = 0;
    for l in &labels {
        let at = order.iter().position(|o| o == l).expect("known bucket");
        assert!(at >= last, "groups out of order: {labels:?}");
        last = at;
    }
    assert!(labels.contains(&"长期"), "{labels:?}");
    // The cursor starts on the first overdue requirement, and the detail follows it.
    assert_eq!(app.selection(), Selection::Requirement(ReqId::new(1, 1, 1)));
    assert_eq!(app.selected_requirement().map(|r| r.id), Some(id("1.1.1")));
    feed(&mut app, [Action::Down]);
    assert_eq!(app.selected_requirement().map(|r| r.id), Some(id("1.3.1")));
}

#[test]
fn done_requirements_leave_the_agenda_unless_shown() {
    let (mut app, _store, _dir) = builtin_app(Lang::Zh);
    feed(
        &mut app,
        [
            Action::ShowScreen(Screen::Agenda),
            Action::ToggleDone,
            Action::SubmitNote,
        ],
    );
    assert_eq!(status_of(&app, id("1.1.1")), Status::Done);
    assert_eq!(groups(&app)[0].1, ["1.3.1", "2.1.1", "2.2.3"]);
    // The cursor moved on to a listed requirement.
    assert_eq!(app.selected_requirement().map(|r| r.id), Some(id("1.3.1")));
    feed(&mut app, [Action::ToggleShowDone]);
    assert!(app.agenda_shows_done());
    let all: Vec<String> = groups(&app).into_iter().flat_map(|(_, ids)| ids).collect();
    assert!(all.contains(&"1.1.1".to_string()));
}

#[test]
fn each_view_keeps_its_own_selection() {
    let (mut app, _store, _dir) = builtin_app(Lang::Zh);
    feed(&mut app, [Action::JumpCategory(3), Action::Down]);
    let tree = app.selection();
    feed(
        &mut app,
        [
            Action::ShowScreen(Screen::Agenda),
            Action::Down,
            Action::Down,
        ],
    );
    let agenda = app.selected_requirement().map(|r| r.id);
    feed(&mut app, [Action::ShowScreen(Screen::Tree)]);
    assert_eq!(app.selection(), tree);
    feed(&mut app, [Action::NextScreen]);
    assert_eq!(app.screen(), Screen::Agenda);
    assert_eq!(app.selected_requirement().map(|r| r.id), agenda);
    feed(&mut app, [Action::NextScreen, Action::NextScreen]);
    assert_eq!(app.screen(), Screen::Tree);
}

#[test]
fn units_table_sorts_and_drills_into_lead_and_cooperating() {
    let (mut app, _store, _dir) = builtin_app(Lang::Zh);
    feed(&mut app, [Action::ShowScreen(Screen::Units)]);
    let units = app.units();
    assert!(units.rows.len() > 10, "{}", units.rows.len());
    assert_eq!((units.sort, units.descending), (UnitColumn::Overdue, true));
    let overdue: Vec<usize> = units.rows.iter().map(|r| r.overdue).collect();
    assert!(overdue.windows(2).all(|w| w[0] >= w[1]), "{overdue:?}");
    assert!(units.rows.iter().any(|r| r.collective));

    feed(&mut app, [Action::SortNext]);
    assert_eq!(app.units().sort, UnitColumn::OldestOverdue);
    feed(&mut app, [Action::SortNext, Action::SortNext]);
    assert_eq!(app.units().sort, UnitColumn::Reminders);
    feed(&mut app, [Action::SortNext]);
    assert_eq!(app.units().sort, UnitColumn::Name);
    assert!(!app.units().descending, "names sort ascending first");
    feed(&mut app, [Action::SortNext]);
    assert_eq!(app.units().sort, UnitColumn::Lead);
    let lead: Vec<usize> = app.units().rows.iter().map(|r| r.lead).collect();
    assert!(lead.windows(2).all(|w| w[0] >= w[1]), "{lead:?}");
    feed(&mut app, [Action::SortReverse]);
    let lead: Vec<usize> = app.units().rows.iter().map(|r| r.lead).collect();
    assert!(lead.windows(2).all(|w| w[0] <= w[1]), "{lead:?}");

    // Drill into the busiest lead unit.
    feed(&mut app, [Action::SortReverse, Action::First]);
    let top = app.units().rows[0].clone();
    feed(&mut app, [Action::ToggleExpand]);
    let drill = app.units().drill.as_ref().expect("drilled in");
    assert_eq!(drill.unit, top.name);
    let headings: Vec<(String, usize)> = drill
        .list
        .entries
        .iter()
        .filter_map(|e| match e {
            ListEntry::Heading { group, count, .. } => {
                Some((app.group_label(*group).to_string(), *count))
            }
            ListEntry::Requirement { .. } => None,
        })
        .collect();
    assert_eq!(
        headings,
        [
            ("牵头".to_string(), top.lead),
            ("配合".to_string(), top.cooperating)
        ]
    );
    let first = app.selected_requirement().expect("a requirement").id;
    assert!(
        app.plan()
            .get(first)
            .is_some_and(|r| r.units.lead.iter().any(|u| u.name == top.name))
    );
    // Edits work from the drill-down.
    feed(&mut app, [Action::CycleStatus]);
    assert_eq!(status_of(&app, first), Status::Doing);
    feed(&mut app, [Action::Back]);
    assert!(app.units().drill.is_none());
    assert_eq!(app.screen(), Screen::Units);
}

#[test]
fn undo_and_redo_round_trip_and_save_each_time() {
    let (mut app, store, _dir) = small_app();
    let a = ReqId::new(1, 1, 1);
    cycle(&mut app);
    cycle(&mut app);
    assert_eq!(status_of(&app, a), Status::Done);
    feed(&mut app, [Action::Undo]);
    assert_eq!(status_of(&app, a), Status::Doing);
    assert_eq!(
        saved(&store).plan.get(a).map(|r| r.status),
        Some(Status::Doing)
    );
    assert!(app.message().is_some_and(|m| m.text.contains("已撤销")));
    feed(&mut app, [Action::Undo]);
    let back = saved(&store);
    let r = back.plan.get(a).expect("saved");
    assert_eq!(
        (r.status, r.history.len()),
        (Status::Todo, 0),
        "history undone too"
    );
    assert_eq!(app.total_counts().doing, 0);
    feed(&mut app, [Action::Undo]);
    assert!(app.message().is_some_and(|m| m.text.contains("没有可撤销")));
    feed(&mut app, [Action::Redo, Action::Redo]);
    assert_eq!(status_of(&app, a), Status::Done);
    assert_eq!(
        saved(&store).plan.get(a).map(|r| r.status),
        Some(Status::Done)
    );
    assert_eq!(app.total_counts().done, 1);
    // A new change clears what could be redone.
    feed(&mut app, [Action::Undo, Action::AddNote]);
    type_text(&mut app, "已对接");
    feed(&mut app, [Action::SubmitNote, Action::Redo]);
    assert_eq!(status_of(&app, a), Status::Doing);
    assert_eq!(app.undo_depth(), (2, 0));
    feed(&mut app, [Action::Undo]);
    assert!(
        saved(&store)
            .plan
            .get(a)
            .is_some_and(|r| r.notes.is_empty())
    );
}

#[test]
fn a_bulk_change_is_one_undo_step() {
    let (mut app, store, _dir) = small_app();
    feed(
        &mut app,
        [Action::Up, Action::ToggleDone, Action::Confirm(true)],
    );
    assert_eq!(app.category_counts(0).done, 3);
    feed(&mut app, [Action::Undo]);
    assert_eq!(app.category_counts(0).done, 0);
    let state = saved(&store);
    assert!(
        state.plan.categories[0].items[0]
            .requirements
            .iter()
            .all(|r| r.status == Status::Todo && r.history.is_empty())
    );
    feed(&mut app, [Action::Redo]);
    assert_eq!(
        saved(&store).plan.categories[0].items[0].requirements.len(),
        3
    );
    assert_eq!(app.category_counts(0).done, 3);
}

#[test]
fn at_least_a_hundred_steps_can_be_undone() {
    let (mut app, store, _dir) = small_app();
    for _ in 0..150 {
        cycle(&mut app);
    }
    assert_eq!(app.undo_depth().0, 150);
    for _ in 0..150 {
        feed(&mut app, [Action::Undo]);
    }
    let r = saved(&store)
        .plan
        .get(ReqId::new(1, 1, 1))
        .cloned()
        .expect("saved");
    assert_eq!((r.status, r.history.len()), (Status::Todo, 0));
}

#[test]
fn the_generated_help_lists_every_binding_of_every_section() {
    use duban::app::KeyMode;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    let (mut app, _store, _dir) = builtin_app(Lang::Zh);
    feed(&mut app, [Action::Help]);
    // A tall window shows the whole overlay at once.
    let mut terminal = Terminal::new(TestBackend::new(120, 150)).expect("terminal");
    terminal.draw(|f| duban::ui::draw(f, &app)).expect("draw");
    let text: String = super::support::rows(terminal.backend().buffer()).join("\n");
    for mode in KeyMode::ALL {
        for e in app.keymap().entries(mode) {
            if matches!(e.action, Action::JumpCategory(_)) {
                continue;
            }
            let desc = e.action.describe(Lang::Zh);
            let head: String = desc.chars().take(6).collect();
            assert!(text.contains(&head), "{} missing: {desc}\n{text}", e.name);
            for k in &e.keys {
                assert!(text.contains(&k.to_string()), "key {k} of {}", e.name);
            }
        }
    }
    for needle in ["搜索生效时", "红：逾期超过15天", "本期报送尚未登记"] {
        assert!(text.contains(needle), "{needle}");
    }
}

#[test]
fn edit_keys_in_the_units_table_do_not_touch_the_tree_selection() {
    let (mut app, _store, _dir) = builtin_app(Lang::Zh);
    // The tree has an item row selected; the units table has no requirement selected.
    feed(&mut app, [Action::Up, Action::ShowScreen(Screen::Units)]);
    feed(
        &mut app,
        [Action::ToggleDone, Action::CycleStatus, Action::AddNote],
    );
    assert_eq!(*app.mode(), Mode::Normal);
    assert_eq!(app.total_counts().done + app.total_counts().doing, 0);
    assert_eq!(app.undo_depth(), (0, 0));
}
