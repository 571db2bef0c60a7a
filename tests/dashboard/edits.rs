//! Edits through `App::update`: status changes, whole items after a y/n, notes, and saving
//! every one of them (including saves that fail and are retried).

use duban::app::{Action, Edit, Mode, Selection};
use duban::plan::{ChangeKind, ReqId, Status};

use super::support::{feed, flaky_app, now, saved, small_app, status_of, today};

#[test]
fn space_toggles_done_and_saves_each_time() {
    let (mut app, store, _dir) = small_app();
    let id = ReqId::new(1, 1, 1);
    feed(&mut app, [Action::ToggleDone, Action::SubmitNote]);
    assert_eq!(status_of(&app, id), Status::Done);
    let state = saved(&store);
    let r = state.plan.get(id).expect("saved requirement");
    assert_eq!(r.status, Status::Done);
    assert_eq!(r.completed_on, Some(today()));
    assert_eq!(app.total_counts().done, 1);
    assert_eq!(app.category_counts(0).done, 1);
    assert!(
        app.message()
            .is_some_and(|m| !m.error && m.text.contains("已保存"))
    );
    // The selection survives the edit.
    assert_eq!(app.selection(), Selection::Requirement(id));

    feed(&mut app, [Action::ToggleDone]);
    assert_eq!(
        saved(&store).plan.get(id).map(|r| r.status),
        Some(Status::Todo)
    );
    assert_eq!(app.total_counts().done, 0);
}

#[test]
fn s_cycles_todo_doing_done_blocked_with_history() {
    let (mut app, store, _dir) = small_app();
    let id = ReqId::new(1, 1, 1);
    let mut seen = vec![];
    for _ in 0..4 {
        feed(&mut app, [Action::CycleStatus]);
        if matches!(app.mode(), Mode::Input(..)) {
            // Done asks for the optional 办结说明 first.
            feed(&mut app, [Action::SubmitNote]);
        }
        seen.push(status_of(&app, id));
    }
    assert_eq!(
        seen,
        [Status::Doing, Status::Done, Status::Blocked, Status::Todo]
    );
    let state = saved(&store);
    let history = &state.plan.get(id).expect("saved").history;
    assert_eq!(history.len(), 4);
    assert_eq!(
        history[0].what,
        ChangeKind::Status {
            from: Status::Todo,
            to: Status::Doing
        }
    );
    assert_eq!(history[0].at, now());
}

#[test]
fn space_on_an_item_asks_first_then_changes_all() {
    let (mut app, store, _dir) = small_app();
    feed(&mut app, [Action::ToggleDone, Action::SubmitNote]); // 1.1.1 done
    feed(&mut app, [Action::Up, Action::ToggleDone]);
    let Mode::Confirm(change) = app.mode().clone() else {
        panic!("asks first")
    };
    assert_eq!((change.to, change.count), (Status::Done, 2));

    feed(&mut app, [Action::Confirm(false)]);
    assert_eq!(*app.mode(), Mode::Normal);
    assert_eq!(
        status_of(&app, ReqId::new(1, 1, 2)),
        Status::Todo,
        "no changes the user said no to"
    );

    feed(&mut app, [Action::ToggleDone, Action::Confirm(true)]);
    let state = saved(&store);
    let item = &state.plan.categories[0].items[0];
    assert!(item.requirements.iter().all(|r| r.status == Status::Done));
    assert_eq!(
        item.requirements[0].history.len(),
        1,
        "already-done requirement untouched"
    );
    assert_eq!(app.category_counts(0).done, 3);

    // All done: the same key asks to put them all back to todo.
    feed(&mut app, [Action::ToggleDone]);
    let Mode::Confirm(change) = app.mode().clone() else {
        panic!("asks again")
    };
    assert_eq!((change.to, change.count), (Status::Todo, 3));
    feed(&mut app, [Action::Confirm(true)]);
    assert_eq!(
        saved(&store).plan.categories[0].items[0].requirements[2].status,
        Status::Todo
    );
}

#[test]
fn notes_take_chinese_input_paste_and_cancel() {
    let (mut app, store, _dir) = small_app();
    feed(&mut app, [Action::AddNote]);
    assert!(matches!(
        app.mode(),
        Mode::Input(duban::app::Prompt::Note, _)
    ));
    for c in "已对接".chars() {
        feed(&mut app, [Action::Edit(Edit::Insert(c))]);
    }
    feed(
        &mut app,
        [
            Action::Edit(Edit::Paste("，\n下周\u{1b}复查".into())),
            Action::SubmitNote,
        ],
    );
    assert_eq!(*app.mode(), Mode::Normal);
    let state = saved(&store);
    let notes = &state.plan.get(ReqId::new(1, 1, 1)).expect("saved").notes;
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].text, "已对接， 下周复查");
    assert_eq!(notes[0].at, now());

    feed(
        &mut app,
        [
            Action::AddNote,
            Action::Edit(Edit::Insert('x')),
            Action::CancelNote,
        ],
    );
    feed(
        &mut app,
        [
            Action::AddNote,
            Action::Edit(Edit::Insert(' ')),
            Action::SubmitNote,
        ],
    );
    assert_eq!(
        saved(&store)
            .plan
            .get(ReqId::new(1, 1, 1))
            .map(|r| r.notes.len()),
        Some(1),
        "cancelled and blank notes are not added"
    );
}

#[test]
fn notes_and_status_need_a_requirement_not_an_item() {
    let (mut app, _, _dir) = small_app();
    feed(&mut app, [Action::Up, Action::AddNote]);
    assert_eq!(*app.mode(), Mode::Normal);
    assert!(app.message().is_some());
    feed(&mut app, [Action::CycleStatus]);
    assert_eq!(app.total_counts().doing, 0);
}

#[test]
fn a_failed_save_is_shown_kept_in_memory_and_retried_on_the_next_edit() {
    let (mut app, store) = flaky_app();
    store.failing.set(true);
    feed(&mut app, [Action::ToggleDone, Action::SubmitNote]);
    assert_eq!(
        status_of(&app, ReqId::new(1, 1, 1)),
        Status::Done,
        "edit kept in memory"
    );
    assert!(app.unsaved());
    let msg = app.message().expect("an error is shown");
    assert!(
        msg.error && msg.text.contains("No space left on device"),
        "{}",
        msg.text
    );

    store.failing.set(false);
    feed(
        &mut app,
        [Action::Down, Action::ToggleDone, Action::SubmitNote],
    );
    assert!(!app.unsaved());
    let last = store.last.borrow().clone().expect("saved");
    assert_eq!(
        last.plan.get(ReqId::new(1, 1, 1)).map(|r| r.status),
        Some(Status::Done),
        "the earlier edit too"
    );
    assert_eq!(
        last.plan.get(ReqId::new(1, 1, 2)).map(|r| r.status),
        Some(Status::Done)
    );
}

#[test]
fn quitting_with_an_unsaved_edit_retries_and_asks_again_if_it_still_fails() {
    let (mut app, store) = flaky_app();
    store.failing.set(true);
    feed(
        &mut app,
        [Action::ToggleDone, Action::SubmitNote, Action::Quit],
    );
    assert!(!app.should_quit(), "does not lose the edit silently");
    assert!(app.message().is_some_and(|m| m.error));
    feed(&mut app, [Action::Quit]);
    assert!(app.should_quit(), "a second q really quits");
    let rescued: Vec<_> = std::fs::read_dir(store.rescue_dir())
        .expect("rescue dir")
        .map(|e| e.expect("entry").path())
        .collect();
    assert_eq!(rescued.len(), 1, "the unsaved edit went to one rescue file");
    let kept = std::fs::read_to_string(&rescued[0]).expect("rescue file");
    assert!(kept.contains("\"status\": \"done\""), "{kept}");

    let (mut app, store) = flaky_app();
    store.failing.set(true);
    feed(&mut app, [Action::ToggleDone, Action::SubmitNote]);
    store.failing.set(false);
    feed(&mut app, [Action::Quit]);
    assert!(app.should_quit());
    assert_eq!(store.saves.get(), 1, "saved on the way out");
}

#[test]
fn shutdown_saves_what_is_unsaved() {
    let (mut app, store) = flaky_app();
    store.failing.set(true);
    feed(&mut app, [Action::ToggleDone, Action::SubmitNote]);
    store.failing.set(false);
    feed(&mut app, [Action::Shutdown]);
    assert!(app.should_quit());
    assert_eq!(store.saves.get(), 1);
}
