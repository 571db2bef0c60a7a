//! 全部's list views (issue #20): the agenda and the units table span every plan through
//! the one scope query, each row naming its plan; acting on a row acts on that row's plan;
//! search, quick filters and the header count every plan; messages name the plan.

use duban::app::{Action, App, ListEntry, Screen};
use duban::i18n::Lang;
use duban::plan::agenda::agenda_scope;
use duban::plan::count::Counting;
use duban::plan::query::{Scope, entries};
use duban::plan::workload::workload_scope;
use duban::plan::{ReqId, Status};
use duban::store::{State, Store};

use super::plans::{screen, workspace};
use super::support::{feed, resize, saved, today, type_text};

/// 全部 reached from A (`{` wraps to it), in `view`.
fn all_in(view: Screen) -> (App, Store, tempfile::TempDir) {
    let (mut app, store, dir) = workspace();
    feed(&mut app, [Action::PrevPlan, Action::ShowScreen(view)]);
    assert!(app.all_plans());
    (app, store, dir)
}

fn keys(entries: &[ListEntry]) -> Vec<(usize, ReqId)> {
    entries.iter().filter_map(ListEntry::key).collect()
}

/// The agenda the one query gives over every plan of `state`, as `(plan, id)`.
fn scope_agenda(state: &State) -> Vec<(usize, ReqId)> {
    let plans: Vec<_> = (state.plans().iter())
        .map(|p| (p.name.as_str(), &p.plan))
        .collect();
    agenda_scope(Scope::new(&plans), today(), false, Counting::days())
        .into_iter()
        .map(|r| (r.plan, r.row.id))
        .collect()
}

fn status(state: &State, plan: &str, id: ReqId) -> Option<Status> {
    state.get(plan)?.plan.get(id).map(|r| r.status)
}

/// Move the agenda's cursor to plan `plan`'s `id`.
fn go_to(app: &mut App, plan: usize, id: ReqId) {
    feed(app, [Action::First]);
    for _ in 0..200 {
        if app.agenda().selected_key() == Some((plan, id)) {
            return;
        }
        feed(app, [Action::Down]);
    }
    panic!("{plan}:{id} is not in the agenda");
}

#[test]
fn the_agenda_spans_every_plan_and_names_each_rows_plan() {
    let (mut app, _store, _dir) = all_in(Screen::Agenda);
    let listed = keys(&app.agenda().entries);
    assert_eq!(listed, scope_agenda(app.state()), "the scope query's rows");
    assert!(listed.iter().any(|(p, _)| *p == 0) && listed.iter().any(|(p, _)| *p == 1));
    resize(&mut app, 120, 30);
    let text = screen(&app, 120, 30).join("\n");
    assert!(text.contains("全部 · 日程"), "{text}");
    assert!(text.contains("[ ] A 1.1.1"), "A's row names A: {text}");
    assert!(text.contains("[ ] B 1.1.1"), "B's row names B: {text}");
    // One plan shown: as before, no plan column.
    feed(&mut app, [Action::NextPlan]);
    assert!(!app.all_plans());
    let text = screen(&app, 120, 30).join("\n");
    assert!(text.contains("[ ] 1.1.1"), "{text}");
    assert!(keys(&app.agenda().entries).iter().all(|(p, _)| *p == 0));
}

#[test]
fn acting_on_an_agenda_row_acts_on_its_plan() {
    let (mut app, store, _dir) = all_in(Screen::Agenda);
    let id = ReqId::new(1, 1, 1);
    go_to(&mut app, 1, id);
    assert_eq!(app.state().name, "B", "the row's plan is brought in");
    assert_eq!(app.selected_requirement().map(|r| r.id), Some(id));
    feed(&mut app, [Action::CycleStatus]);
    let state = saved(&store);
    assert_eq!(status(&state, "B", id), Some(Status::Doing));
    assert_eq!(status(&state, "A", id), Some(Status::Todo));
    assert!(
        app.message()
            .is_some_and(|m| m.text.starts_with("B:1.1.1 ")),
        "{:?}",
        app.message()
    );
    go_to(&mut app, 0, id);
    assert_eq!(app.state().name, "A");
    feed(&mut app, [Action::AddNote]);
    type_text(&mut app, "已电话督促");
    feed(&mut app, [Action::SubmitNote]);
    let state = saved(&store);
    assert_eq!(
        state
            .get("A")
            .and_then(|p| p.plan.get(id))
            .map(|r| r.notes.len()),
        Some(1)
    );
    assert_eq!(
        state
            .get("B")
            .and_then(|p| p.plan.get(id))
            .map(|r| r.notes.len()),
        Some(0)
    );
    assert!(app.message().is_some_and(|m| m.text.starts_with("A:1.1.1")));
    // The list patched edit by edit is the list a fresh dashboard builds.
    let fresh = App::new(saved(&store), Box::new(duban::app::Discard), today());
    let mut fresh = fresh;
    feed(
        &mut fresh,
        [Action::PrevPlan, Action::ShowScreen(Screen::Agenda)],
    );
    assert_eq!(app.agenda().entries, fresh.agenda().entries);
    // The tree then shows the row's plan.
    feed(&mut app, [Action::ShowScreen(Screen::Tree)]);
    assert_eq!(app.state().name, "A");
    assert!(app.all_plans());
}

#[test]
fn done_rows_leave_the_agenda_of_their_plan_only() {
    let (mut app, store, _dir) = all_in(Screen::Agenda);
    let id = ReqId::new(1, 1, 1);
    go_to(&mut app, 1, id);
    feed(&mut app, [Action::ToggleDone, Action::SubmitNote]);
    assert_eq!(status(&saved(&store), "B", id), Some(Status::Done));
    let listed = keys(&app.agenda().entries);
    assert!(
        !listed.contains(&(1, id)) && listed.contains(&(0, id)),
        "{listed:?}"
    );
    assert_eq!(listed, scope_agenda(app.state()));
    // Undo undoes B's step wherever the cursor landed, and brings B's row back where the
    // scope query puts it; redo does it again.
    go_to(&mut app, 0, id);
    feed(&mut app, [Action::Undo]);
    assert_eq!(status(&saved(&store), "B", id), Some(Status::Todo));
    assert_eq!(
        app.state().name,
        "A",
        "the cursor stays on the row it was on"
    );
    assert!(keys(&app.agenda().entries).contains(&(1, id)));
    assert_eq!(keys(&app.agenda().entries), scope_agenda(app.state()));
    go_to(&mut app, 0, id);
    feed(&mut app, [Action::Redo]);
    assert_eq!(status(&saved(&store), "B", id), Some(Status::Done));
    assert_eq!(status(&saved(&store), "A", id), Some(Status::Todo));
}

#[test]
fn the_units_table_counts_a_unit_in_every_plan_and_drills_into_each() {
    let (mut app, store, _dir) = all_in(Screen::Units);
    let plans: Vec<_> = (app.state().plans().iter())
        .map(|p| (p.name.as_str(), &p.plan))
        .collect();
    let mut want = workload_scope(Scope::new(&plans), today());
    let mut got = app.units().rows.clone();
    want.sort_by(|a, b| a.name.cmp(&b.name));
    got.sort_by(|a, b| a.name.cmp(&b.name));
    assert_eq!(got, want, "the scope query's rows");
    let unit = "市政府办公室";
    let at = app
        .units()
        .rows
        .iter()
        .position(|r| r.name == unit)
        .expect("listed");
    for _ in 0..at {
        feed(&mut app, [Action::Down]);
    }
    let row = app.units().rows[at].clone();
    assert_eq!(row.plans, ["A", "B"]);
    // Its count in each plan, in the detail pane.
    let by_plan: Vec<(usize, usize)> = (app.unit_by_plan().into_iter())
        .map(|(p, r)| (p, r.lead))
        .collect();
    assert_eq!(by_plan.iter().map(|(p, _)| *p).collect::<Vec<_>>(), [0, 1]);
    assert_eq!(by_plan.iter().map(|(_, n)| n).sum::<usize>(), row.lead);
    resize(&mut app, 120, 40);
    let text = screen(&app, 120, 40).join("\n");
    assert!(text.contains("各计划"), "{text}");
    let head = text
        .lines()
        .find(|l| l.contains("最长逾期"))
        .expect("table head");
    assert!(head.contains("计划"), "how many plans name a unit: {head}");
    assert!(
        text.contains(&format!("A  牵头 {}", by_plan[0].1)),
        "{text}"
    );
    // The rows behind the counts, plan by plan.
    feed(&mut app, [Action::ToggleExpand]);
    let drill = &app.units().drill.as_ref().expect("drilled").list;
    let headings: Vec<Option<usize>> = (drill.entries.iter())
        .filter_map(|e| match e {
            ListEntry::Heading { plan, .. } => Some(*plan),
            ListEntry::Requirement { .. } => None,
        })
        .collect();
    assert_eq!(headings, [Some(0), Some(0), Some(1), Some(1)]);
    let listed = keys(&drill.entries);
    assert_eq!(listed.len(), row.lead + row.cooperating);
    let text = screen(&app, 120, 40).join("\n");
    assert!(
        text.contains("A · 牵头") && text.contains("B · 牵头"),
        "{text}"
    );
    // An edit on B's row reaches B.
    let &(_, id) = listed.iter().find(|(p, _)| *p == 1).expect("a B row");
    feed(&mut app, [Action::First]);
    while app
        .units()
        .drill
        .as_ref()
        .and_then(|d| d.list.selected_key())
        != Some((1, id))
    {
        feed(&mut app, [Action::Down]);
    }
    feed(&mut app, [Action::CycleStatus]);
    assert_eq!(status(&saved(&store), "B", id), Some(Status::Doing));
    let row = app
        .units()
        .rows
        .iter()
        .find(|r| r.name == unit)
        .expect("listed");
    assert_eq!(row.doing, 1, "the table follows the edit");
}

#[test]
fn search_and_filters_span_every_plan() {
    let (mut app, _store, _dir) = all_in(Screen::Agenda);
    let count = |app: &App, f: &dyn Fn(&duban::plan::query::Entry<'_>) -> bool| {
        (app.state().plans().iter())
            .map(|p| entries(&p.plan).filter(|e| f(e)).count())
            .sum::<usize>()
    };
    feed(&mut app, [Action::Search]);
    type_text(&mut app, "公开");
    feed(&mut app, [Action::SubmitNote]);
    let filter = app.filter().clone();
    let want = count(&app, &|e| filter.matches(e, today()));
    assert!(want > 0);
    assert_eq!(app.match_count(), Some(want));
    let listed = keys(&app.agenda().entries);
    assert!(listed.iter().any(|(p, _)| *p == 0) && listed.iter().any(|(p, _)| *p == 1));
    assert!(
        app.message()
            .is_some_and(|m| m.text == format!("筛选：{want} 项要求"))
    );
    feed(&mut app, [Action::ClearFilters, Action::FilterOverdue]);
    let filter = app.filter().clone();
    let overdue = count(&app, &|e| filter.matches(e, today()));
    assert_eq!(app.match_count(), Some(overdue));
    let rows = keys(&app.agenda().entries).len();
    assert_eq!(rows, overdue, "the agenda lists every plan's overdue rows");
    // n in the tree goes on into the next plan's matches.
    feed(&mut app, [Action::ShowScreen(Screen::Tree)]);
    let first = app.state().name.clone();
    for _ in 0..overdue {
        feed(&mut app, [Action::NextMatch]);
        if app.state().name != first {
            break;
        }
    }
    assert_ne!(app.state().name, first, "n reached the other plan");
    // One plan shown again: its matches alone.
    feed(&mut app, [Action::NextPlan]);
    assert!(!app.all_plans());
    let shown = app.state().name.clone();
    let alone = (app.state().get(&shown).iter())
        .map(|p| {
            entries(&p.plan)
                .filter(|e| filter.matches(e, today()))
                .count()
        })
        .sum::<usize>();
    assert_eq!(app.match_count(), Some(alone));
    assert!(alone < overdue);
}

#[test]
fn the_header_counts_every_plan() {
    let (mut app, _store, _dir) = all_in(Screen::Tree);
    let total: usize = app
        .state()
        .plans()
        .iter()
        .map(|p| p.plan.requirements().count())
        .sum();
    assert_eq!(app.scope_counts().total, total);
    resize(&mut app, 120, 30);
    let rows = screen(&app, 120, 30);
    assert!(
        rows[1].contains(&format!("进度 0/{total}")),
        "{:?}",
        rows[1]
    );
    assert!(rows[0].contains("全部计划（2 个）"), "{:?}", rows[0]);
    let en = screen(&app.with_lang(Lang::En), 120, 30);
    assert!(en[0].contains("All plans (2)"), "{:?}", en[0]);
}

#[test]
fn the_plans_pane_counts_line_up() {
    let (mut app, _store, _dir) = all_in(Screen::Tree);
    resize(&mut app, 100, 30);
    let rows = screen(&app, 100, 30);
    // Where each row's `done/total` ends, in display columns.
    let ends: Vec<usize> = (rows.iter().skip(5))
        .map_while(|r| {
            let pane: String = r.chars().skip(1).take_while(|c| *c != '│').collect();
            let slash = pane.rfind('/')?;
            let end = slash + pane[slash..].find(|c: char| !c.is_ascii_digit() && c != '/')?;
            Some(duban::text::width::width(&pane[..end]))
        })
        .collect();
    assert!(ends.len() >= 6, "{rows:#?}");
    assert!(ends.windows(2).all(|w| w[0] == w[1]), "{ends:?} {rows:#?}");
}

#[test]
fn a_reload_keeps_the_plan_shown() {
    let (mut app, store, dir) = all_in(Screen::Agenda);
    let id = ReqId::new(1, 1, 1);
    go_to(&mut app, 1, id);
    assert_eq!(app.state().name, "B");
    feed(&mut app, [Action::CycleStatus]);
    // Another duban saves a change to A meanwhile.
    let other = Store::new(dir.path().join("state.json"));
    let mut theirs = saved(&other);
    theirs.focus("A").expect("A exists");
    if let Some(r) = theirs.plan.get_mut(ReqId::new(1, 1, 2)) {
        r.set_status(Status::Doing, super::support::now());
    }
    other.save(&theirs).expect("saves");
    // Our next edit finds the newer file and adopts it.
    feed(&mut app, [Action::AddNote]);
    type_text(&mut app, "再次督促");
    feed(&mut app, [Action::SubmitNote]);
    let state = saved(&store);
    let notes = |s: &State| {
        s.get("B")
            .and_then(|p| p.plan.get(id))
            .map(|r| r.notes.len())
    };
    assert_eq!(notes(&state), Some(1), "{:?}", app.message());
    assert_eq!(status(&state, "B", id), Some(Status::Doing));
    assert_eq!(
        status(&state, "A", ReqId::new(1, 1, 2)),
        Some(Status::Doing)
    );
    assert_eq!(app.state().name, "B", "still on B");
    assert!(app.all_plans());
    assert_eq!(app.agenda().selected_key(), Some((1, id)));
    assert_eq!(
        app.node_counts(duban::app::Node::Plan(0)).doing,
        1,
        "A's change shown"
    );
}

#[test]
fn a_row_of_another_plan_waits_for_an_unsaved_edit() {
    let store = super::support::FlakyStore::default();
    let mut app = App::new(super::plans::two_plans(), Box::new(store.clone()), today());
    feed(
        &mut app,
        [Action::PrevPlan, Action::ShowScreen(Screen::Agenda)],
    );
    let id = ReqId::new(1, 1, 1);
    go_to(&mut app, 0, id);
    store.failing.set(true);
    feed(&mut app, [Action::CycleStatus]);
    assert!(app.unsaved());
    // Every B row is out of reach: the cursor stays on A's rows.
    for _ in 0..60 {
        feed(&mut app, [Action::Down]);
        assert_eq!(app.state().name, "A");
        assert!(app.agenda().selected_key().is_some_and(|(p, _)| p == 0));
    }
    assert!(
        app.message()
            .is_some_and(|m| m.error && m.text.contains("尚未保存"))
    );
    store.failing.set(false);
    feed(&mut app, [Action::Undo]);
    go_to(&mut app, 1, id);
    assert_eq!(app.state().name, "B");
}
