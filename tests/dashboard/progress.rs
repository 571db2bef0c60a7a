//! Recording progress from the dashboard: editing and deleting notes, the 办结说明 when
//! marking done, 报送 (report submitted), one-key export, and the merge banner.

use duban::app::{Action, App, Edit, Mode, Pane, Prompt};
use duban::plan::{ChangeKind, ReqId, Status};
use duban::store::{State, Store};

use super::support::{feed, saved, small_app, small_plan, status_of, today, type_text};

fn add_note(app: &mut App, text: &str) {
    feed(app, [Action::AddNote]);
    type_text(app, text);
    feed(app, [Action::SubmitNote]);
}

#[test]
fn notes_are_selected_in_the_detail_pane_then_edited() {
    let (mut app, store, _dir) = small_app();
    let id = ReqId::new(1, 1, 1);
    add_note(&mut app, "第一条");
    add_note(&mut app, "第二条");
    // Without a selected note, `e` explains how to select one.
    feed(&mut app, [Action::NextPane, Action::Down]);
    assert_eq!(app.focus(), Pane::Detail);
    assert_eq!(app.note_cursor(), Some(0), "newest first");
    feed(&mut app, [Action::Down]);
    assert_eq!(app.note_cursor(), Some(1));
    feed(&mut app, [Action::EditNote]);
    let Mode::Input(Prompt::EditNote(index), editor) = app.mode().clone() else {
        panic!("editing: {:?}", app.mode())
    };
    assert_eq!(
        (index, editor.text()),
        (0, "第一条"),
        "prefilled, notes order"
    );
    feed(&mut app, [Action::Edit(Edit::ClearToStart)]);
    type_text(&mut app, "已改为：已对接");
    feed(&mut app, [Action::SubmitNote]);
    let r = saved(&store).plan.get(id).cloned().expect("saved");
    assert_eq!(r.notes[0].text, "已改为：已对接");
    assert!(matches!(
        r.history.last().map(|c| &c.what),
        Some(ChangeKind::NoteEdited { index: 0, .. })
    ));
    feed(&mut app, [Action::Undo]);
    assert_eq!(
        saved(&store).plan.get(id).expect("saved").notes[0].text,
        "第一条"
    );
}

#[test]
fn deleting_a_note_asks_first_and_can_be_undone() {
    let (mut app, store, _dir) = small_app();
    let id = ReqId::new(1, 1, 1);
    add_note(&mut app, "要删的");
    feed(&mut app, [Action::DeleteNote]);
    assert_eq!(*app.mode(), Mode::Normal, "nothing selected yet");
    assert!(app.message().is_some_and(|m| m.text.contains("选中")));
    feed(&mut app, [Action::NextPane, Action::Down]);
    feed(&mut app, [Action::DeleteNote]);
    assert_eq!(*app.mode(), Mode::ConfirmDelete(0));
    feed(&mut app, [Action::Confirm(false)]);
    assert_eq!(app.plan().get(id).expect("exists").notes.len(), 1);
    feed(&mut app, [Action::DeleteNote, Action::Confirm(true)]);
    assert!(saved(&store).plan.get(id).expect("saved").notes.is_empty());
    feed(&mut app, [Action::Undo]);
    assert_eq!(saved(&store).plan.get(id).expect("saved").notes.len(), 1);
}

#[test]
fn marking_done_asks_for_an_optional_completion_note() {
    let (mut app, store, _dir) = small_app();
    let id = ReqId::new(1, 1, 1);
    feed(&mut app, [Action::ToggleDone]);
    assert!(matches!(app.mode(), Mode::Input(Prompt::Complete, _)));
    // Esc cancels the whole change.
    feed(&mut app, [Action::CancelNote]);
    assert_eq!(status_of(&app, id), Status::Todo);
    // Enter with text records it.
    feed(&mut app, [Action::ToggleDone]);
    type_text(&mut app, "专题已上线");
    feed(&mut app, [Action::SubmitNote]);
    let r = saved(&store).plan.get(id).cloned().expect("saved");
    assert_eq!(r.status, Status::Done);
    assert_eq!(r.completion_note.as_deref(), Some("专题已上线"));
    // One undo step takes back both.
    feed(&mut app, [Action::Undo]);
    let r = saved(&store).plan.get(id).cloned().expect("saved");
    assert_eq!((r.status, r.completion_note), (Status::Todo, None));
    // `s` reaching done asks too; an empty answer is fine.
    feed(&mut app, [Action::CycleStatus, Action::CycleStatus]);
    assert!(matches!(app.mode(), Mode::Input(Prompt::Complete, _)));
    feed(&mut app, [Action::SubmitNote]);
    assert_eq!(status_of(&app, id), Status::Done);
}

#[test]
fn reports_are_recorded_apart_from_the_work() {
    let (mut app, store, _dir) = small_app();
    // 1.1.1 has no reporting duty.
    feed(&mut app, [Action::SubmitReport]);
    assert_eq!(*app.mode(), Mode::Normal);
    assert!(
        app.message()
            .is_some_and(|m| m.text.contains("没有报送要求"))
    );
    // 2.1.2 reports every month.
    feed(&mut app, [Action::JumpCategory(2), Action::Down]);
    let id = ReqId::new(2, 1, 2);
    assert_eq!(app.selected_requirement().map(|r| r.id), Some(id));
    feed(&mut app, [Action::SubmitReport]);
    assert!(matches!(app.mode(), Mode::Input(Prompt::Report, _)));
    type_text(&mut app, "已报市政府办");
    feed(&mut app, [Action::SubmitNote]);
    let r = saved(&store).plan.get(id).cloned().expect("saved");
    assert_eq!(r.reports.len(), 1);
    assert_eq!(r.reports[0].period, "2021-09");
    assert_eq!(r.reports[0].note.as_deref(), Some("已报市政府办"));
    assert_eq!(r.status, Status::Todo, "the work is not done by reporting");
    feed(&mut app, [Action::SubmitReport]);
    assert!(app.message().is_some_and(|m| m.text.contains("已报送")));
    feed(&mut app, [Action::Undo]);
    assert!(
        saved(&store)
            .plan
            .get(id)
            .expect("saved")
            .reports
            .is_empty()
    );
}

#[test]
fn x_exports_next_to_the_state_file() {
    let (mut app, store, dir) = small_app();
    feed(&mut app, [Action::Export]);
    let html = dir.path().join("duban-report-2021-09-20.html");
    assert!(html.is_file(), "{:?}", app.message());
    assert!(dir.path().join("duban-report-2021-09-20.xlsx").is_file());
    let msg = app.message().expect("says where");
    assert!(!msg.error && msg.text.contains("duban-report-2021-09-20.html"));
    drop(store);
}

#[test]
fn a_merge_notice_is_shown_once_and_cleared_in_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::new(dir.path().join("state.json"));
    let mut state = State::new(small_plan());
    state.merge_notice = Some("合并：新增 2 项，删除 1 项".into());
    store.save(&state).expect("save");
    let mut app = App::new(state, Box::new(store.clone()), today());
    // Constructing the dashboard writes nothing; starting it shows and clears the notice.
    assert!(app.message().is_none());
    assert!(saved(&store).merge_notice.is_some());
    feed(&mut app, [Action::Start]);
    assert_eq!(
        app.message().map(|m| m.text.as_str()),
        Some("合并：新增 2 项，删除 1 项")
    );
    assert_eq!(saved(&store).merge_notice, None);
    let mut again = App::new(saved(&store), Box::new(store.clone()), today());
    feed(&mut again, [Action::Start]);
    assert!(again.message().is_none());
}
