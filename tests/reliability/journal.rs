//! The edits journal (large plans): each dashboard edit is a synced append to
//! `state.json.journal`, every load replays it, and it is folded into `state.json` when the
//! dashboard is idle or quits. Tried here the ways it could lose an edit: cut short, left
//! behind after the rewrite, outdated by another program, damaged.
//! The seed plan is small, so these stores journal from 0 bytes (`DUBAN_JOURNAL_FROM=0`).

use std::fs;

use duban::app::{Action, App};
use duban::i18n::Lang;
use duban::plan::Status;
use duban::store::{State, journal_path};

use super::support::{Env, at, id, rewrite_file, status, stderr};
use crate::pty::Session;

/// A state file holding the seed plan with a note, and a dashboard on it that journals.
fn journaling_app(env: &Env) -> App {
    env.ok(&["note", "1.1.1", "开始"]);
    let store = env.store().journal_from(0);
    let state = store.load().expect("load").expect("exists");
    App::new(state, Box::new(store), at().date()).with_lang(Lang::En)
}

/// Doing → done: the completion prompt, then Enter with no note.
fn complete(app: &mut App) {
    app.update(Action::CycleStatus, at());
    app.update(Action::SubmitNote, at());
}

#[test]
fn edits_are_journaled_replayed_on_load_and_folded_in_on_quit() {
    let env = Env::new();
    let mut app = journaling_app(&env);
    let file_before = fs::read(&env.state).expect("read");

    app.update(Action::CycleStatus, at());
    complete(&mut app);
    let msg = app.message().expect("status line").text.clone();
    assert!(msg.contains("(saved)"), "{msg}");
    assert_eq!(
        fs::read(&env.state).expect("read"),
        file_before,
        "the edit went to the journal, not a rewrite"
    );
    assert!(journal_path(&env.state).exists());
    assert_eq!(
        status(&env.saved(), "1.1.1"),
        Status::Done,
        "loads replay it"
    );

    app.update(Action::Undo, at());
    assert_eq!(status(&env.saved(), "1.1.1"), Status::Doing, "undo too");

    app.update(Action::Quit, at());
    assert!(app.should_quit());
    assert!(!journal_path(&env.state).exists(), "folded in on quit");
    let raw: State = serde_json::from_slice(&fs::read(&env.state).expect("read")).expect("json");
    assert_eq!(
        status(&raw, "1.1.1"),
        Status::Doing,
        "state.json alone has it"
    );
}

#[test]
fn being_idle_folds_the_journal_into_the_file() {
    let env = Env::new();
    let mut app = journaling_app(&env);
    app.update(Action::CycleStatus, at());
    assert!(journal_path(&env.state).exists());
    app.update(Action::Poll { idle: true }, at());
    assert!(!app.polled_changes(), "a quiet rewrite, nothing to show");
    assert!(!journal_path(&env.state).exists());
    let raw: State = serde_json::from_slice(&fs::read(&env.state).expect("read")).expect("json");
    assert_eq!(status(&raw, "1.1.1"), Status::Doing);
    // The next edit starts a new journal on the rewritten file.
    complete(&mut app);
    assert!(journal_path(&env.state).exists());
    assert_eq!(status(&env.saved(), "1.1.1"), Status::Done);
}

#[test]
fn a_journal_left_behind_by_a_kill_after_the_rewrite_is_harmless() {
    let env = Env::new();
    let mut app = journaling_app(&env);
    app.update(Action::CycleStatus, at());
    let journal = fs::read(journal_path(&env.state)).expect("journal");
    app.update(Action::Quit, at());
    // Killed between rewriting state.json and removing the journal.
    fs::write(journal_path(&env.state), &journal).expect("put back");
    let store = env.store();
    let state = store.load().expect("loads").expect("exists");
    assert_eq!(status(&state, "1.1.1"), Status::Doing);
    // The next writer removes it and reports nothing unusual.
    env.ok(&["note", "6.1.1", "收尾"]);
    assert!(!journal_path(&env.state).exists());
    assert!(!env.names().iter().any(|n| n.contains("conflict")));
    assert_eq!(status(&env.saved(), "1.1.1"), Status::Doing);
}

#[test]
fn a_file_replaced_while_edits_were_journaled_gets_them_on_the_next_load() {
    let env = Env::new();
    let mut app = journaling_app(&env);
    app.update(Action::CycleStatus, at()); // 1.1.1 → doing, journaled
    drop(app); // killed: no quit, the journal stays
    rewrite_file(&env, |s| {
        let r = s.plan.get_mut(id("6.1.1")).expect("6.1.1");
        r.set_status(Status::Blocked, at());
    });
    let state = env.saved();
    assert_eq!(status(&state, "1.1.1"), Status::Doing, "the journaled edit");
    assert_eq!(
        status(&state, "6.1.1"),
        Status::Blocked,
        "the other program's"
    );
    // The CLI's rewrite keeps both and retires the journal.
    env.ok(&["note", "2.1.1", "合并后"]);
    assert!(!journal_path(&env.state).exists());
    let state = env.saved();
    assert_eq!(status(&state, "1.1.1"), Status::Doing);
    assert_eq!(status(&state, "6.1.1"), Status::Blocked);
}

#[test]
fn a_journaled_edit_that_clashes_with_a_replaced_file_goes_to_a_side_file() {
    let env = Env::new();
    let mut app = journaling_app(&env);
    app.update(Action::CycleStatus, at()); // 1.1.1 → doing, journaled
    drop(app);
    rewrite_file(&env, |s| {
        let r = s.plan.get_mut(id("1.1.1")).expect("1.1.1");
        r.set_status(Status::Done, at());
    });
    assert_eq!(status(&env.saved(), "1.1.1"), Status::Done, "the file wins");
    let out = env.ok(&["note", "6.1.1", "之后"]);
    let side: Vec<String> = env
        .names()
        .into_iter()
        .filter(|n| n.starts_with("state.json.conflict-"))
        .collect();
    assert_eq!(side.len(), 1, "{:?}", env.names());
    assert!(out.contains("1.1.1") && out.contains(&side[0]), "{out}");
    let kept = fs::read_to_string(env.dir.path().join(&side[0])).expect("side file");
    assert!(kept.contains("\"doing\""), "{kept}");
    assert!(!journal_path(&env.state).exists());
}

#[test]
fn another_program_changing_the_file_mid_session_is_merged_with_the_journaled_edits() {
    let env = Env::new();
    let mut app = journaling_app(&env);
    app.update(Action::CycleStatus, at()); // 1.1.1 → doing, journaled
    rewrite_file(&env, |s| {
        let r = s.plan.get_mut(id("6.1.1")).expect("6.1.1");
        r.set_status(Status::Blocked, at());
    });
    complete(&mut app); // 1.1.1 → done: notices the change
    let msg = app.message().expect("status line").text.clone();
    assert!(msg.contains("(saved)") && msg.contains("reloaded"), "{msg}");
    assert!(!journal_path(&env.state).exists(), "rewritten whole");
    let raw: State = serde_json::from_slice(&fs::read(&env.state).expect("read")).expect("json");
    assert_eq!(status(&raw, "1.1.1"), Status::Done, "both our edits");
    assert_eq!(status(&raw, "6.1.1"), Status::Blocked, "and theirs");
    assert_eq!(status(app.state(), "6.1.1"), Status::Blocked, "shown");

    // And a clash: both sides change 1.1.1.
    app.update(Action::CycleStatus, at()); // done → blocked, journaled again
    assert!(journal_path(&env.state).exists());
    rewrite_file(&env, |s| {
        let r = s.plan.get_mut(id("1.1.1")).expect("1.1.1");
        r.set_status(Status::Todo, at());
    });
    app.update(Action::CycleStatus, at()); // blocked → todo
    let msg = app.message().expect("status line");
    assert!(msg.error && msg.text.contains("1.1.1"), "{msg:?}");
    assert!(env.names().iter().any(|n| n.contains("conflict")));
    assert_eq!(
        status(&env.saved(), "1.1.1"),
        Status::Todo,
        "disk version kept"
    );
}

/// A journal with two good edits, a damaged line, then one more edit ("the rest").
fn damaged_journal(env: &Env) -> Vec<u8> {
    let mut app = journaling_app(env);
    app.update(Action::CycleStatus, at()); // 1.1.1 → doing
    app.update(Action::Down, at());
    app.update(Action::CycleStatus, at()); // 1.1.2 → doing
    let good = fs::read(journal_path(&env.state)).expect("journal");
    app.update(Action::CycleStatus, at()); // 1.1.2 doing → the completion prompt
    app.update(Action::SubmitNote, at()); // 1.1.2 → done: the line after the damage
    drop(app);
    let all = fs::read(journal_path(&env.state)).expect("journal");
    let mut bytes = good.clone();
    bytes.extend_from_slice(b"not json\n");
    bytes.extend_from_slice(&all[good.len()..]);
    fs::write(journal_path(&env.state), &bytes).expect("damage");
    bytes
}

#[test]
fn a_damaged_journal_line_keeps_the_edits_before_it_and_moves_the_journal_aside() {
    let env = Env::new();
    let bytes = damaged_journal(&env);
    let state_before = fs::read(&env.state).expect("read");
    let journal = journal_path(&env.state).display().to_string();

    // A reader shows the edits before the damage and leaves every file alone.
    let out = env.run(&["list", "--status", "doing", "--json"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(
        listed.contains("\"1.1.1\"") && listed.contains("\"1.1.2\""),
        "{listed}"
    );
    assert!(
        err.contains("第 4 行已损坏（expected ident at column 2）"),
        "{err}"
    );
    assert!(err.contains("显示之前的 2 条修改"), "{err}");
    assert_eq!(err.matches(&journal).count(), 1, "the path once: {err}");
    assert_eq!(fs::read(&env.state).expect("read"), state_before);
    assert_eq!(fs::read(journal_path(&env.state)).expect("journal"), bytes);

    // A writer saves them, moves the journal aside under a clear name, and goes on.
    let out = env.run(&["note", "6.1.1", "照常记录"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("之前的 2 条修改已应用并保存"), "{err}");
    let named = format!("{journal} ");
    assert_eq!(
        err.matches(&named).count(),
        1,
        "the journal's path once: {err}"
    );
    let aside: Vec<String> = env
        .names()
        .into_iter()
        .filter(|n| n.starts_with("state.json.journal.damaged-"))
        .collect();
    assert_eq!(aside.len(), 1, "{:?}", env.names());
    assert!(err.contains(&aside[0]), "names where the rest is: {err}");
    assert_eq!(
        fs::read(env.dir.path().join(&aside[0])).expect("aside"),
        bytes,
        "the rest kept as it was"
    );
    assert!(!journal_path(&env.state).exists());
    let raw: State = serde_json::from_slice(&fs::read(&env.state).expect("read")).expect("json");
    assert_eq!(status(&raw, "1.1.1"), Status::Doing, "in state.json itself");
    assert_eq!(
        status(&raw, "1.1.2"),
        Status::Doing,
        "not the edit after the damage"
    );
    assert_eq!(raw.plan.get(id("6.1.1")).expect("6.1.1").notes.len(), 1);
    // Nothing more to say next time.
    let out = env.run(&["list"]);
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn a_journal_that_is_not_one_at_all_is_moved_aside_with_no_edits_kept() {
    let env = Env::new();
    env.ok(&["note", "1.1.1", "开始"]);
    fs::write(journal_path(&env.state), b"hello\n").expect("write");
    let out = env.run(&["set", "1.1.1", "doing"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("第 1 行已损坏（not a duban edits journal）"),
        "{err}"
    );
    assert!(err.contains("之前的 0 条修改"), "{err}");
    assert!(
        env.names()
            .iter()
            .any(|n| n.starts_with("state.json.journal.damaged-"))
    );
    assert_eq!(status(&env.saved(), "1.1.1"), Status::Doing);
}

/// The dashboard says so in the status line, and has moved the journal aside.
#[test]
fn the_dashboard_names_a_damaged_journal_and_goes_on() {
    let env = Env::new();
    damaged_journal(&env);
    let home = tempfile::tempdir().expect("home");
    let vars = [("DUBAN_JOURNAL_FROM", "0")];
    let mut s = Session::start_with_env(&env.state, home.path(), &[], &vars);
    s.wait_for(&["第 4 行已损坏"]);
    assert!(!journal_path(&env.state).exists(), "moved aside");
    s.press("q");
    assert!(s.wait_exit().success());
    assert_eq!(status(&env.saved(), "1.1.2"), Status::Doing);
}

#[test]
fn a_read_only_dashboard_never_folds_the_journal() {
    let env = Env::new();
    let mut app = journaling_app(&env);
    app.update(Action::CycleStatus, at());
    let journal = fs::read(journal_path(&env.state)).expect("journal");
    // The writer still holds the lock, so the read-only dashboard cannot take over.
    // Waiting, not ZERO: the save above took the lock for one write and closed it, but a
    // process another test thread forked in that moment holds a copy of the descriptor
    // (and so the flock) until it execs.
    let _writer = env
        .store()
        .lock(duban::store::CLI_LOCK_WAIT)
        .expect("lock the state as its writer");
    let store = env.store().journal_from(0);
    store.set_read_only(Some(4242));
    let state = store.load().expect("load").expect("exists");
    assert_eq!(status(&state, "1.1.1"), Status::Doing, "sees the edit");
    let mut other = App::new(state, Box::new(store), at().date());
    other.update(Action::Poll { idle: true }, at());
    assert!(!other.polled_changes());
    other.update(Action::Quit, at());
    assert_eq!(fs::read(journal_path(&env.state)).expect("kept"), journal);
}

/// The real binary in a terminal: an edit is readable by another command at once, survives
/// SIGKILL, and the next start shows it.
#[test]
fn the_dashboard_journals_and_a_killed_one_loses_nothing() {
    let env = Env::new();
    env.ok(&["note", "1.1.1", "开始"]);
    let home = tempfile::tempdir().expect("home");
    let mut s =
        Session::start_with_env(&env.state, home.path(), &[], &[("DUBAN_JOURNAL_FROM", "0")]);
    s.wait_for(&["扩大公开范围"]);
    s.press("s");
    s.wait_for(&["已保存"]);
    assert!(journal_path(&env.state).exists());
    let listed = env.ok(&["list", "--status", "doing", "--json"]);
    assert!(listed.contains("\"1.1.1\""), "{listed}");
    s.signal("KILL");
    s.wait_exit();
    assert_eq!(status(&env.saved(), "1.1.1"), Status::Doing);

    let mut s =
        Session::start_with_env(&env.state, home.path(), &[], &[("DUBAN_JOURNAL_FROM", "0")]);
    s.wait_for(&["扩大公开范围"]);
    s.press("q");
    s.wait_exit();
    assert!(!journal_path(&env.state).exists(), "folded in on quit");
    assert_eq!(status(&env.saved(), "1.1.1"), Status::Doing);
}

/// Two dashboards in real terminals: the read-only one shows each edit the writer journals,
/// and becomes the writer when the other quits.
#[test]
fn a_read_only_dashboard_follows_the_writer_and_takes_over_when_it_quits() {
    let env = Env::new();
    env.ok(&["note", "1.1.1", "开始"]);
    let home = tempfile::tempdir().expect("home");
    let vars = [("DUBAN_JOURNAL_FROM", "0")];
    let mut writer = Session::start_with_env(&env.state, home.path(), &[], &vars);
    writer.wait_for(&["扩大公开范围"]);
    let mut reader = Session::start_with_env(&env.state, home.path(), &[], &vars);
    let banner = format!("只读：另一个 duban（pid {}）正在编辑", writer.pid());
    reader.wait_for(&[banner.as_str()]);

    writer.press("s");
    writer.wait_for(&["已保存"]);
    reader.wait_for(&["另一个 duban 保存了修改：1.1.1"]);

    writer.press("q");
    assert!(writer.wait_exit().success());
    let screen = reader.wait_for(&["现在可以在这里编辑"]);
    assert!(!screen.contains("只读"), "banner gone:\n{screen}");
    reader.press("s");
    reader.wait_for(&["办结说明"]);
    reader.press("\r");
    reader.wait_for(&["已保存"]);
    reader.press("q");
    assert!(reader.wait_exit().success());
    assert_eq!(status(&env.saved(), "1.1.1"), Status::Done);
}
