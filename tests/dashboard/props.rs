//! Property tests: any sequence of actions at any terminal size renders without panicking and
//! keeps the cursor valid; wrapping never exceeds the width and loses nothing.

use duban::app::{Action, Edit, Screen, Selection};
use duban::ui::wrap;
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::support::{now, small_app};

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Action::Up),
        Just(Action::Down),
        Just(Action::Left),
        Just(Action::Right),
        Just(Action::PageUp),
        Just(Action::PageDown),
        Just(Action::First),
        Just(Action::Last),
        Just(Action::NextPane),
        Just(Action::PrevPane),
        (0u32..4).prop_map(Action::JumpCategory),
        Just(Action::ToggleDone),
        Just(Action::CycleStatus),
        Just(Action::ToggleExpand),
        Just(Action::AddNote),
        Just(Action::Help),
        Just(Action::Back),
        any::<bool>().prop_map(Action::Confirm),
        prop::char::any().prop_map(|c| Action::Edit(Edit::Insert(c))),
        Just(Action::Edit(Edit::Backspace)),
        Just(Action::Edit(Edit::Left)),
        Just(Action::SubmitNote),
        (0u16..120, 0u16..40).prop_map(|(column, row)| Action::Click { column, row }),
        (0u16..120, 0u16..40).prop_map(|(column, row)| Action::ScrollDown { column, row }),
        prop::sample::select(vec![
            Action::ShowScreen(Screen::Tree),
            Action::ShowScreen(Screen::Agenda),
            Action::ShowScreen(Screen::Units),
            Action::NextScreen,
            Action::ToggleShowDone,
            Action::SortNext,
            Action::SortReverse,
            Action::Search,
            Action::NextMatch,
            Action::PrevMatch,
            Action::ClearFilters,
            Action::FilterOverdue,
            Action::FilterDue,
            Action::FilterStatus,
            Action::FilterUnit,
            Action::FilterCategory,
            Action::FilterLeader,
            Action::EditNote,
            Action::DeleteNote,
            Action::SubmitReport,
            Action::Undo,
            Action::Redo,
            Action::CancelNote,
        ]),
    ]
}

/// Text mixing Chinese, ASCII words, spaces, punctuation, newlines, control characters, an
/// escape sequence and a bidi override.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(vec![
                "政", "务", "公", "开", "，", "。", "《", "》", "（", "）"
            ])
            .prop_map(String::from),
            "[a-z0-9]{1,12}",
            Just(" ".to_string()),
            Just("\n".to_string()),
            Just("\u{7}".to_string()),
            Just("\u{1b}]0;t\u{7}".to_string()),
            Just("\u{202e}".to_string()),
            Just("e\u{301}".to_string()),
        ],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_actions_at_any_size_render_and_keep_the_cursor_valid(
        actions in prop::collection::vec(action(), 0..40),
        sizes in prop::collection::vec((0u16..130, 0u16..45), 1..4),
    ) {
        let (mut app, _, _dir) = small_app();
        for (i, a) in actions.into_iter().enumerate() {
            app.update(a, now());
            let (w, h) = sizes[i % sizes.len()];
            let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
            (&app).render(buf.area, &mut buf);
            if let Some(caret) = duban::ui::caret(&app, buf.area) {
                prop_assert!(buf.area.contains(caret), "caret {caret:?} outside {w}x{h}");
            }
            match app.selection() {
                Selection::Requirement(id) => prop_assert!(app.plan().get(id).is_some()),
                Selection::Item { .. } => prop_assert!(app.tree_item().is_some()),
                Selection::Nothing => {}
            }
            prop_assert!(app.tree_selected().is_some_and(|s| s < app.tree_len()));
        }
    }

    #[test]
    fn undoing_every_step_gives_back_the_plan_and_redo_replays_it(
        actions in prop::collection::vec(action(), 0..60),
    ) {
        let (mut app, store, _dir) = small_app();
        let start = app.plan().clone();
        for a in actions {
            app.update(a, now());
        }
        app.update(Action::CancelNote, now());
        app.update(Action::Confirm(false), now());
        app.update(Action::Back, now());
        let end = app.plan().clone();
        let (undo, _) = app.undo_depth();
        for _ in 0..undo {
            app.update(Action::Undo, now());
        }
        prop_assert_eq!(app.plan(), &start);
        if undo > 0 {
            let saved = store.load().expect("readable").expect("saved");
            prop_assert_eq!(&saved.plan, &start, "undo saves");
        }
        for _ in 0..undo {
            app.update(Action::Redo, now());
        }
        prop_assert_eq!(app.plan(), &end);
    }

    #[test]
    fn wrapping_never_exceeds_the_width_and_keeps_the_text(s in text(), width in 1usize..40) {
        let lines = wrap::wrap(&s, width);
        for l in &lines {
            prop_assert!(wrap::width(l) <= width, "{l:?} wider than {width}");
        }
        if width >= 2 {
            let kept: String = lines.concat().chars().filter(|c| !c.is_whitespace()).collect();
            // Control and bidi characters are kept, as the marks they are shown as.
            let shown = duban::text::safe::display(&s);
            let orig: String = shown.chars().filter(|c| !c.is_whitespace()).collect();
            prop_assert_eq!(kept, orig);
        }
        prop_assert!(wrap::width(&wrap::fit(&s, width)) == width);
    }
}
