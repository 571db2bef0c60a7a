//! 全部 in the dashboard (issue #20): the strip's last entry shows every plan, the
//! categories pane lists plan → category (the tree below them item → requirement), a row is
//! known by (plan, id) although ids repeat, and edits, undo and saves reach the plan of the
//! row they were made on.

use duban::app::{Action, App, Node, Selection};
use duban::i18n::Lang;
use duban::plan::{ReqId, Status};
use duban::store::{State, Store};

use super::plans::{screen, two_plans, workspace};
use super::support::{FlakyStore, feed, req, resize, saved, today};

/// The plans' categories: A (the small plan) has two, B (the built-in plan) six.
fn nodes(a: usize, b: usize) -> Vec<Node> {
    let mut nodes = vec![Node::Plan(0)];
    nodes.extend((0..a).map(|index| Node::Category { plan: 0, index }));
    nodes.push(Node::Plan(1));
    nodes.extend((0..b).map(|index| Node::Category { plan: 1, index }));
    nodes
}

/// `(plan shown, selection)`.
fn at(app: &App) -> (String, Selection) {
    (app.state().name.clone(), app.selection())
}

fn status(state: &State, plan: &str, id: ReqId) -> Option<Status> {
    state
        .get(plan)
        .and_then(|p| p.plan.get(id))
        .map(|r| r.status)
}

/// 全部 reached with `}` from B, the categories pane focused on B's first category.
fn all_on_b() -> (App, Store, tempfile::TempDir) {
    let (mut app, store, dir) = workspace();
    feed(
        &mut app,
        [Action::NextPlan, Action::NextPlan, Action::PrevPane],
    );
    assert!(app.all_plans());
    (app, store, dir)
}

#[test]
fn the_last_entry_shows_every_plan_as_the_top_of_the_tree() {
    let (app, _store, _dir) = all_on_b();
    assert!(app.message().is_some_and(|m| m.text == "计划：全部"));
    assert_eq!(app.nodes(), nodes(2, 6));
    assert_eq!(app.node_selected(), Node::Category { plan: 1, index: 0 });
    let b_total = app
        .state()
        .get("B")
        .map_or(0, |p| p.plan.requirements().count());
    assert_eq!(app.node_counts(Node::Plan(0)).total, 6);
    assert_eq!(app.node_counts(Node::Plan(1)).total, b_total);
    let a_second = app
        .state()
        .get("A")
        .map_or(0, |p| p.plan.categories[1].requirements().count());
    assert_eq!(
        app.node_counts(Node::Category { plan: 0, index: 1 }).total,
        a_second
    );
}

#[test]
fn rows_are_known_by_plan_and_id() {
    let (mut app, _store, _dir) = all_on_b();
    assert_eq!(at(&app), ("B".into(), req(1, 1, 1)));
    assert_eq!(app.shown_id(ReqId::new(1, 1, 1)), "B:1.1.1");
    // Up past B's row reaches A's last category: the same ids now name A's rows.
    feed(&mut app, [Action::Up, Action::Up]);
    assert_eq!(app.node_selected(), Node::Category { plan: 0, index: 1 });
    feed(&mut app, [Action::Up]);
    assert_eq!(app.node_selected(), Node::Category { plan: 0, index: 0 });
    assert_eq!(at(&app), ("A".into(), req(1, 1, 1)));
    assert_eq!(app.shown_id(ReqId::new(1, 1, 1)), "A:1.1.1");
    assert!(app.all_plans(), "moving among the plans stays in 全部");
    // A click on 全部's entry in the strip, then on B's: B alone again.
    resize(&mut app, 100, 30);
    let area = app.geometry().expect("sized").strip;
    let strip = app.strip(area);
    let all = strip.entries.last().expect("全部");
    assert_eq!(all.plan, None);
    assert!(all.label.starts_with("全部 0/"), "{:?}", all.label);
    let b = strip.entries[1].x;
    feed(
        &mut app,
        [Action::Click {
            column: b,
            row: area.y,
        }],
    );
    assert!(!app.all_plans());
    assert_eq!(app.state().name, "B");
    feed(
        &mut app,
        [Action::Click {
            column: all.x,
            row: area.y,
        }],
    );
    assert!(app.all_plans());
}

#[test]
fn an_edit_lands_in_the_plan_of_its_row_and_is_saved() {
    let (mut app, store, _dir) = all_on_b();
    let id = ReqId::new(1, 1, 1);
    feed(&mut app, [Action::Right, Action::CycleStatus]);
    let state = saved(&store);
    assert_eq!(status(&state, "B", id), Some(Status::Doing));
    assert_eq!(status(&state, "A", id), Some(Status::Todo));
    assert_eq!(app.node_counts(Node::Plan(1)).doing, 1);
    // To A's first category, an edit there; B's node keeps its count.
    feed(
        &mut app,
        [Action::PrevPane, Action::First, Action::Down, Action::Right],
    );
    assert_eq!(at(&app), ("A".into(), req(1, 1, 1)));
    feed(&mut app, [Action::ToggleDone, Action::SubmitNote]);
    let state = saved(&store);
    assert_eq!(status(&state, "A", id), Some(Status::Done));
    assert_eq!(status(&state, "B", id), Some(Status::Doing));
    assert_eq!(app.node_counts(Node::Plan(0)).done, 1);
    assert_eq!(app.node_counts(Node::Plan(1)).doing, 1);
    // Undo undoes A's step only; B's comes back with B.
    feed(&mut app, [Action::Undo]);
    assert_eq!(app.undo_depth().0, 0);
    let state = saved(&store);
    assert_eq!(status(&state, "A", id), Some(Status::Todo));
    assert_eq!(status(&state, "B", id), Some(Status::Doing));
    feed(&mut app, [Action::PrevPane, Action::Last]);
    assert_eq!(app.state().name, "B");
    assert_eq!(app.undo_depth(), (1, 0));
    feed(&mut app, [Action::Undo]);
    assert_eq!(status(&saved(&store), "B", id), Some(Status::Todo));
}

#[test]
fn plan_nodes_fold_and_unfold() {
    let (mut app, _store, _dir) = all_on_b();
    feed(&mut app, [Action::Left]);
    assert_eq!(
        app.node_selected(),
        Node::Plan(1),
        "from a category to its plan"
    );
    feed(&mut app, [Action::Left]);
    assert_eq!(app.nodes(), nodes(2, 0), "B folded");
    assert!(!app.plan_expanded(1));
    feed(
        &mut app,
        [Action::Up, Action::Up, Action::Up, Action::ToggleExpand],
    );
    assert_eq!(app.node_selected(), Node::Plan(0));
    assert_eq!(
        app.nodes(),
        vec![Node::Plan(0), Node::Plan(1)],
        "A folded by Enter"
    );
    feed(&mut app, [Action::Right]);
    assert_eq!(app.nodes(), nodes(2, 0), "Right unfolds");
    feed(&mut app, [Action::Right]);
    assert_eq!(app.node_selected(), Node::Category { plan: 0, index: 0 });
    // A number key unfolds the plan shown.
    feed(
        &mut app,
        [
            Action::Down,
            Action::Down,
            Action::Down,
            Action::JumpCategory(6),
        ],
    );
    assert_eq!(at(&app), ("B".into(), req(6, 1, 1)));
    assert_eq!(app.nodes(), nodes(2, 6));
}

#[test]
fn moving_to_another_plan_waits_for_an_unsaved_edit() {
    let store = FlakyStore::default();
    let mut app = App::new(two_plans(), Box::new(store.clone()), today());
    feed(&mut app, [Action::PrevPlan, Action::PrevPane]);
    assert!(app.all_plans());
    store.failing.set(true);
    feed(&mut app, [Action::Right, Action::CycleStatus]);
    assert!(app.unsaved());
    feed(&mut app, [Action::PrevPane, Action::Last]);
    assert_eq!(app.state().name, "A", "the edit belongs to A's save");
    assert!(
        app.message()
            .is_some_and(|m| m.error && m.text.contains("尚未保存"))
    );
    store.failing.set(false);
    feed(&mut app, [Action::Undo, Action::Last]);
    assert_eq!(app.state().name, "B");
}

#[test]
fn the_screen_names_the_plan_of_each_pane() {
    let (mut app, _store, _dir) = all_on_b();
    resize(&mut app, 80, 24);
    let rows = screen(&app, 80, 24);
    let text = rows.join("\n");
    assert!(rows[3].contains("全部 0/"), "{:?}", rows[3]);
    assert!(text.contains("计划·分类"), "{text}");
    assert!(text.contains("▾ A"), "{text}");
    assert!(text.contains("▾ B"), "{text}");
    assert!(text.contains("B · 1 "), "the tree names its plan: {text}");
    assert!(text.contains("详情 B:1.1.1"), "{text}");
    let app = app.with_lang(Lang::En);
    let text = screen(&app, 120, 30).join("\n");
    assert!(text.contains("all 0/"), "{text}");
    assert!(text.contains("Plans · categories"), "{text}");
    assert!(text.contains("Detail B:1.1.1"), "{text}");
}
