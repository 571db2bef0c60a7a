//! A state file changed on disk since it was loaded (a sync tool, a hand edit, another
//! program) is never overwritten blindly: edits to other requirements are merged, an edit to
//! a requirement that also changed on disk goes to a side file and the user is told.

use duban::app::{Action, App};
use duban::i18n::Lang;
use duban::plan::Status;

use super::support::{Env, at, id, rewrite_file, status};

#[test]
fn edits_to_different_requirements_both_survive() {
    let env = Env::new();
    env.ok(&["note", "1.1.1", "开始"]);
    let store = env.store();
    let mut ours = store.load().expect("load").expect("exists");

    rewrite_file(&env, |s| {
        s.plan
            .get_mut(id("1.1.2"))
            .expect("1.1.2")
            .set_status(Status::Blocked, at());
    });
    ours.plan
        .get_mut(id("1.1.1"))
        .expect("1.1.1")
        .set_status(Status::Done, at());
    let report = store.save_changes(&mut ours).expect("save");

    assert!(report.reloaded && report.conflicts.is_empty(), "{report:?}");
    assert!(report.message(Lang::En).expect("told").contains("reloaded"));
    let disk = env.saved();
    assert_eq!(status(&disk, "1.1.1"), Status::Done, "our edit");
    assert_eq!(status(&disk, "1.1.2"), Status::Blocked, "their edit");
    assert_eq!(disk, ours, "the caller holds what was saved");
    assert!(!env.names().iter().any(|n| n.contains("conflict")));
}

#[test]
fn an_edit_to_a_requirement_changed_on_disk_goes_to_a_side_file() {
    let env = Env::new();
    env.ok(&["note", "1.1.1", "开始"]);
    let store = env.store();
    let mut ours = store.load().expect("load").expect("exists");

    rewrite_file(&env, |s| {
        s.plan
            .get_mut(id("1.1.1"))
            .expect("1.1.1")
            .set_status(Status::Blocked, at());
    });
    let mine = ours.plan.get_mut(id("1.1.1")).expect("1.1.1");
    mine.set_status(Status::Done, at());
    mine.add_note("我们的备注", at());
    let report = store.save_changes(&mut ours).expect("save");

    assert_eq!(report.conflicts, vec![id("1.1.1")]);
    let side = report.conflict_file.clone().expect("side file");
    let name = side
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    let stamp = name
        .strip_prefix("state.json.conflict-")
        .and_then(|n| n.strip_suffix(".json"))
        .expect("state.json.conflict-<stamp>.json");
    assert_eq!(stamp.len(), "YYYYMMDD-HHMMSS".len(), "{name}");
    let text = std::fs::read_to_string(&side).expect("side file written");
    assert!(
        text.contains("我们的备注") && text.contains("\"done\""),
        "{text}"
    );
    let msg = report.message(Lang::Zh).expect("told");
    assert!(
        msg.contains("1.1.1") && msg.contains(&side.display().to_string()),
        "{msg}"
    );
    assert_eq!(
        status(&env.saved(), "1.1.1"),
        Status::Blocked,
        "disk version kept"
    );
}

#[test]
fn a_changed_file_that_no_longer_parses_is_not_overwritten() {
    let env = Env::new();
    env.ok(&["note", "1.1.1", "开始"]);
    let store = env.store();
    let mut ours = store.load().expect("load").expect("exists");
    std::fs::write(&env.state, b"{ half an edit").expect("write");
    ours.plan
        .get_mut(id("1.1.1"))
        .expect("1.1.1")
        .set_status(Status::Done, at());
    let err = store.save_changes(&mut ours).expect_err("refused");
    assert!(err.to_string().contains("changed on disk"), "{err}");
    assert_eq!(std::fs::read(&env.state).expect("read"), b"{ half an edit");
}

#[test]
fn the_dashboard_adopts_the_reloaded_state_and_reports_it() {
    let env = Env::new();
    env.ok(&["note", "1.1.1", "开始"]);
    let store = env.store();
    let state = store.load().expect("load").expect("exists");
    let today = at().date();
    let mut app = App::new(state, Box::new(store), today).with_lang(Lang::En);

    rewrite_file(&env, |s| {
        s.plan
            .get_mut(id("6.1.1"))
            .expect("6.1.1")
            .set_status(Status::Doing, at());
    });
    app.update(Action::CycleStatus, at());

    let msg = app.message().expect("status line").text.clone();
    assert!(msg.contains("(saved)") && msg.contains("reloaded"), "{msg}");
    let disk = env.saved();
    assert_eq!(status(&disk, "1.1.1"), Status::Doing);
    assert_eq!(status(&disk, "6.1.1"), Status::Doing);
    assert_eq!(
        status(app.state(), "6.1.1"),
        Status::Doing,
        "the app shows it"
    );
}

#[test]
fn a_second_dashboard_is_read_only_and_refuses_edits() {
    let env = Env::new();
    env.ok(&["note", "1.1.1", "开始"]);
    let before = std::fs::read(&env.state).expect("read");
    let store = env.store();
    store.set_read_only(Some(4242));
    let state = store.load().expect("load").expect("exists");
    let mut app = App::new(state, Box::new(store), at().date());
    assert_eq!(
        app.read_only_banner().as_deref(),
        Some("只读：另一个 duban（pid 4242）正在编辑")
    );
    app.update(Action::CycleStatus, at());
    let msg = app.message().expect("status line");
    assert!(msg.error && msg.text.contains("不能修改"), "{msg:?}");
    assert_eq!(status(app.state(), "1.1.1"), Status::Todo, "not applied");
    app.update(Action::Quit, at());
    assert!(app.should_quit());
    assert_eq!(std::fs::read(&env.state).expect("read"), before);
}

#[test]
fn a_file_rewritten_with_the_same_content_is_not_reported_as_changed() {
    let env = Env::new();
    env.ok(&["note", "1.1.1", "开始"]);
    let store = env.store();
    let mut ours = store.load().expect("load").expect("exists");
    // Same state, different bytes and mtime (as a sync tool might rewrite it).
    rewrite_file(&env, |_| {});
    ours.plan
        .get_mut(id("1.1.1"))
        .expect("1.1.1")
        .set_status(Status::Done, at());
    let report = store.save_changes(&mut ours).expect("save");
    assert_eq!(report, duban::store::SaveReport::default());
    assert_eq!(status(&env.saved(), "1.1.1"), Status::Done);
}
