//! Navigation and modes through `App::update`: selection, focus, folding, categories, the
//! keymap, the reference date, and a plan of 100,000 requirements.

use chrono::Duration;
use duban::app::{Action, Edit, Keymap, Mode, Pane, Row, Selection};
use duban::i18n::Lang;
use duban::plan::ReqId;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::support::{builtin_app, feed, now, req, small_app};

#[test]
fn starts_on_the_first_requirement_with_the_tree_focused() {
    let (app, _, _dir) = small_app();
    assert_eq!(app.selection(), req(1, 1, 1));
    assert_eq!(app.focus(), Pane::Tree);
    assert_eq!(app.total_counts().total, 6);
}

#[test]
fn up_and_down_walk_items_and_requirements_and_stop_at_the_ends() {
    let (mut app, _, _dir) = small_app();
    feed(&mut app, [Action::Up]);
    assert_eq!(
        app.selection(),
        Selection::Item {
            category: 1,
            item: 1
        }
    );
    feed(&mut app, [Action::Up]);
    assert_eq!(
        app.selection(),
        Selection::Item {
            category: 1,
            item: 1
        },
        "stays at the top"
    );
    feed(
        &mut app,
        [Action::Down, Action::Down, Action::Down, Action::Down],
    );
    assert_eq!(
        app.selection(),
        Selection::Item {
            category: 1,
            item: 2
        }
    );
    feed(&mut app, [Action::Down, Action::Down]);
    assert_eq!(app.selection(), req(1, 2, 1), "stays at the bottom");
    feed(&mut app, [Action::First]);
    assert_eq!(app.tree_selected(), Some(0));
    feed(&mut app, [Action::Last]);
    assert_eq!(app.selection(), req(1, 2, 1));
    assert_eq!(app.tree_selected(), Some(app.tree_len() - 1));
}

#[test]
fn number_keys_jump_to_a_category_and_its_first_requirement() {
    let (mut app, _, _dir) = small_app();
    feed(&mut app, [Action::NextPane, Action::NextPane]); // focus somewhere else
    feed(&mut app, [Action::JumpCategory(2)]);
    assert_eq!(app.selection(), req(2, 1, 1));
    assert_eq!(app.focus(), Pane::Tree);
    feed(&mut app, [Action::JumpCategory(9)]);
    assert_eq!(
        app.selection(),
        req(2, 1, 1),
        "a missing category changes nothing"
    );
    assert!(app.message().is_some_and(|m| m.text.contains('9')));
}

#[test]
fn jump_on_the_builtin_plan_selects_6_1_1_under_its_item() {
    let (mut app, _, _dir) = builtin_app(Lang::Zh);
    assert_eq!(app.plan().categories.len(), 6);
    feed(&mut app, [Action::JumpCategory(6)]);
    assert_eq!(app.selection(), req(6, 1, 1));
    let rows = app.tree_rows(0, 10);
    let Some(Row::Item { item, .. }) = rows.first() else {
        panic!("first row is an item")
    };
    assert_eq!(item.name, "强化机构职能");
}

#[test]
fn left_and_right_fold_climb_and_move_between_panes() {
    let (mut app, _, _dir) = small_app();
    let full = app.tree_len();
    feed(&mut app, [Action::Left]);
    assert_eq!(
        app.selection(),
        Selection::Item {
            category: 1,
            item: 1
        }
    );
    feed(&mut app, [Action::Left]);
    assert_eq!(app.tree_len(), full - 3, "collapsed");
    assert!(!app.is_expanded(0, 0));
    feed(&mut app, [Action::Down]);
    assert_eq!(
        app.selection(),
        Selection::Item {
            category: 1,
            item: 2
        },
        "skips the folded requirements"
    );
    feed(&mut app, [Action::Up, Action::Left]);
    assert_eq!(app.focus(), Pane::Categories);
    feed(&mut app, [Action::Right]);
    assert_eq!(app.focus(), Pane::Tree);
    feed(&mut app, [Action::Right]);
    assert_eq!(app.tree_len(), full, "expanded");
    feed(&mut app, [Action::Right]);
    assert_eq!(app.selection(), req(1, 1, 1));
    feed(&mut app, [Action::Right]);
    assert_eq!(app.focus(), Pane::Detail);
    feed(&mut app, [Action::Left]);
    assert_eq!(app.focus(), Pane::Tree);
}

#[test]
fn enter_folds_the_item_around_the_cursor() {
    let (mut app, _, _dir) = small_app();
    feed(&mut app, [Action::Down, Action::ToggleExpand]);
    assert_eq!(
        app.selection(),
        Selection::Item {
            category: 1,
            item: 1
        }
    );
    assert!(!app.is_expanded(0, 0));
    feed(&mut app, [Action::ToggleExpand]);
    assert!(app.is_expanded(0, 0));
}

#[test]
fn tab_cycles_focus_both_ways() {
    let (mut app, _, _dir) = small_app();
    let mut seen = vec![];
    for _ in 0..3 {
        feed(&mut app, [Action::NextPane]);
        seen.push(app.focus());
    }
    assert_eq!(seen, [Pane::Detail, Pane::Categories, Pane::Tree]);
    feed(&mut app, [Action::PrevPane]);
    assert_eq!(app.focus(), Pane::Categories);
}

#[test]
fn categories_pane_switches_category_and_remembers_the_cursor() {
    let (mut app, _, _dir) = small_app();
    feed(&mut app, [Action::Down, Action::Down]); // 1.1.3
    feed(&mut app, [Action::PrevPane]); // categories
    assert_eq!(app.focus(), Pane::Categories);
    feed(&mut app, [Action::Down]);
    assert_eq!(app.selection(), req(2, 1, 1));
    feed(&mut app, [Action::Down]);
    assert_eq!(app.selection(), req(2, 1, 1), "no category 3");
    feed(&mut app, [Action::Up]);
    assert_eq!(app.selection(), req(1, 1, 3), "cursor restored");
}

#[test]
fn the_reference_date_rolls_over_and_recounts() {
    let (mut app, _, _dir) = small_app();
    // 2.1.1 is due 2021-09-15: overdue on the 20th. 1.1.2 is due 09-25: due soon.
    let before = app.total_counts();
    let later = now() + Duration::days(10);
    app.update(Action::Tick, later);
    assert_eq!(app.today(), later.date());
    let after = app.total_counts();
    assert!(after.overdue > before.overdue, "{before:?} -> {after:?}");
}

#[test]
fn help_opens_scrolls_and_closes() {
    let (mut app, _, _dir) = small_app();
    feed(&mut app, [Action::Help]);
    assert_eq!(*app.mode(), Mode::Help { scroll: 0 });
    feed(&mut app, [Action::ToggleDone]);
    assert_eq!(
        app.total_counts().done,
        0,
        "keys do not reach the plan under the overlay"
    );
    feed(&mut app, [Action::Back]);
    assert_eq!(*app.mode(), Mode::Normal);
}

fn key(code: KeyCode, mods: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, mods))
}

#[test]
fn events_map_through_the_keymap_per_mode() {
    let (mut app, _, _dir) = small_app();
    let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(app.action_for(&q), Some(Action::Quit));
    assert_eq!(
        app.action_for(&key(KeyCode::Char('c'), KeyModifiers::CONTROL)),
        Some(Action::Quit)
    );
    assert_eq!(
        app.action_for(&key(KeyCode::Char(' '), KeyModifiers::NONE)),
        Some(Action::ToggleDone)
    );
    assert_eq!(
        app.action_for(&key(KeyCode::Char('6'), KeyModifiers::NONE)),
        Some(Action::JumpCategory(6))
    );
    assert_eq!(
        app.action_for(&Event::Paste("x".into())),
        None,
        "paste only while typing"
    );
    feed(&mut app, [Action::AddNote]);
    assert_eq!(app.action_for(&q), Some(Action::Edit(Edit::Insert('q'))));
    assert_eq!(
        app.action_for(&key(KeyCode::Char('督'), KeyModifiers::NONE)),
        Some(Action::Edit(Edit::Insert('督')))
    );
    assert_eq!(
        app.action_for(&key(KeyCode::Char('u'), KeyModifiers::CONTROL)),
        Some(Action::Edit(Edit::ClearToStart))
    );
    assert_eq!(
        app.action_for(&Event::Paste("粘贴".into())),
        Some(Action::Edit(Edit::Paste("粘贴".into())))
    );
}

#[test]
fn a_user_keymap_changes_what_keys_do() {
    let km = Keymap::from_toml(Some((
        "test",
        "[normal]\nquit = [\"Q\"]\ntoggle_done = [\"z\"]\n",
    )))
    .expect("valid");
    let (app, _, _dir) = small_app();
    let app = app.with_keymap(km);
    assert_eq!(
        app.action_for(&key(KeyCode::Char('Q'), KeyModifiers::SHIFT)),
        Some(Action::Quit)
    );
    assert_eq!(
        app.action_for(&key(KeyCode::Char('q'), KeyModifiers::NONE)),
        None
    );
    assert_eq!(
        app.action_for(&key(KeyCode::Char('z'), KeyModifiers::NONE)),
        Some(Action::ToggleDone)
    );
}

#[test]
fn a_hundred_thousand_requirements_stay_cheap_to_browse() {
    use duban::plan::{Category, Item, Plan, Requirement};
    let items = (1..=100u32)
        .map(|i| Item {
            name: format!("事项{i}"),
            requirements: (1..=1000u32)
                .map(|r| {
                    Requirement::new(
                        ReqId::new(1, i, r),
                        format!("要求{r}"),
                        "市政府办公室".into(),
                        String::new(),
                        2021,
                    )
                })
                .collect(),
        })
        .collect();
    let plan = Plan {
        title: "大计划".into(),
        year: 2021,
        source: "gen".into(),
        period: None,
        levels: duban::plan::Levels::default(),
        year_guessed: false,
        categories: vec![Category {
            number: 1,
            name: "全部".into(),
            items,
        }],
    };
    let (mut app, _, _dir) = super::support::app_on(plan);
    assert_eq!(app.tree_len(), 100 * 1001);
    feed(&mut app, [Action::Last]);
    assert_eq!(app.selection(), req(1, 100, 1000));
    assert_eq!(app.tree_selected(), Some(100 * 1001 - 1));
    let rows = app.tree_rows(app.tree_len() - 3, 10);
    assert_eq!(rows.len(), 3, "only the visible rows are built");
    feed(&mut app, [Action::ToggleDone, Action::SubmitNote]);
    assert_eq!(app.total_counts().done, 1);
}
