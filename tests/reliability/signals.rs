//! Termination signals in a real pseudo-terminal: SIGTERM, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2
//! and SIGALRM (sent with `kill`, as a service manager, a shell or a stray script would) end
//! the dashboard with its edits saved and every terminal mode it set undone; a second
//! dashboard on the same file is read-only.

use std::thread;
use std::time::{Duration, Instant};

use crate::pty::{PATIENCE, Session};

/// Every mode the dashboard turns on is off again: alternate screen, hidden cursor,
/// mouse reporting, bracketed paste. (Raw mode is the tty's, checked by the shell
/// prompt working; the emulator sees only the escape sequences.)
fn assert_restored(s: &Session) {
    let start = Instant::now();
    loop {
        let parser = s.screen.lock().expect("screen lock");
        let screen = parser.screen();
        let modes = (
            screen.alternate_screen(),
            screen.hide_cursor(),
            screen.mouse_protocol_mode(),
            screen.bracketed_paste(),
        );
        if modes == (false, false, vt100::MouseProtocolMode::None, false) {
            return;
        }
        assert!(
            start.elapsed() < PATIENCE,
            "terminal not restored: (alternate screen, hidden cursor, mouse, paste) = \
             {modes:?}\n{}",
            screen.contents()
        );
        drop(parser);
        thread::sleep(Duration::from_millis(20));
    }
}

fn edit_then_signal(signal: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    let state = dir.path().join("state.json");
    let mut s = Session::start(&state, dir.path(), &[]);
    s.wait_for(&["扩大公开范围"]);
    {
        let parser = s.screen.lock().expect("screen lock");
        let screen = parser.screen();
        assert!(screen.alternate_screen(), "the dashboard took the screen");
        assert_ne!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
        assert!(screen.bracketed_paste());
    }
    // `s`: todo -> doing, saved at once (no prompt).
    s.press("s");
    s.wait_for(&["1.1.1 未开始 -> 推进中", "已保存"]);
    s.signal(signal);
    let status = s.wait_exit();
    assert!(status.success(), "clean exit after SIG{signal}: {status:?}");
    assert_restored(&s);
    let saved = std::fs::read_to_string(&state).expect("saved");
    assert!(saved.contains("\"doing\""), "the edit is in the file");
}

#[test]
fn sigterm_saves_exits_and_restores_the_terminal() {
    edit_then_signal("TERM");
}

#[test]
fn sigint_saves_exits_and_restores_the_terminal() {
    edit_then_signal("INT");
}

#[test]
fn sigquit_saves_exits_and_restores_the_terminal() {
    edit_then_signal("QUIT");
}

#[test]
fn sigusr1_saves_exits_and_restores_the_terminal() {
    edit_then_signal("USR1");
}

#[test]
fn sigusr2_saves_exits_and_restores_the_terminal() {
    edit_then_signal("USR2");
}

#[test]
fn sigalrm_saves_exits_and_restores_the_terminal() {
    edit_then_signal("ALRM");
}

#[test]
fn a_second_dashboard_opens_read_only_with_a_banner_naming_the_writer() {
    let dir = tempfile::tempdir().expect("tempdir");
    let state = dir.path().join("state.json");
    let mut writer = Session::start(&state, dir.path(), &[]);
    writer.wait_for(&["扩大公开范围"]);
    let mut reader = Session::start(&state, dir.path(), &[]);
    let banner = format!("只读：另一个 duban（pid {}）正在编辑", writer.pid());
    reader.wait_for(&[banner.as_str()]);
    reader.press("s");
    reader.wait_for(&["不能修改"]);
    reader.press("q");
    assert!(reader.wait_exit().success());
    assert!(!state.exists(), "the read-only dashboard wrote nothing");

    // The writer still writes.
    writer.press("s");
    writer.wait_for(&["已保存"]);
    writer.signal("TERM");
    assert!(writer.wait_exit().success());
    assert_restored(&writer);
}
