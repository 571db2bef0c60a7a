//! Termination signals in a real pseudo-terminal: SIGTERM and SIGINT (sent with `kill`, as a
//! service manager or a shell would) end the dashboard with its edits saved and every
//! terminal mode it set undone; a second dashboard on the same file is read-only.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

use super::support::TODAY;

const ROWS: u16 = 30;
const COLS: u16 = 100;
const PATIENCE: Duration = Duration::from_secs(10);

struct Session {
    screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
}

impl Session {
    fn start(state: &Path, home: &Path) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_duban"));
        cmd.args(["--today", TODAY, "--state"]);
        cmd.arg(state);
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_CONFIG_HOME", home);
        cmd.env("HOME", home);
        cmd.env_remove("DUBAN_KEYMAP");
        cmd.env_remove("DUBAN_LANG");
        let child = pair.slave.spawn_command(cmd).expect("spawn duban");
        drop(pair.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(ROWS, COLS, 0)));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let sink = Arc::clone(&screen);
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().expect("screen lock").process(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().expect("pty writer");
        Session {
            screen,
            writer,
            child,
            _master: pair.master,
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().expect("screen lock").screen().contents()
    }

    fn wait_for(&self, needles: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let text = self.contents();
            if needles.iter().all(|n| text.contains(n)) {
                return text;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "timed out waiting for {needles:?}; screen:\n{text}"
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    fn press(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    fn signal(&self, name: &str) {
        let ok = std::process::Command::new("kill")
            .args([format!("-{name}"), self.pid().to_string()])
            .status()
            .expect("run kill")
            .success();
        assert!(ok, "kill -{name}");
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("child status") {
                return status;
            }
            if start.elapsed() > PATIENCE {
                let _ = self.child.kill();
                panic!("duban did not exit; screen:\n{}", self.contents());
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Every mode the dashboard turns on is off again: alternate screen, hidden cursor,
    /// mouse reporting, bracketed paste. (Raw mode is the tty's, checked by the shell
    /// prompt working; the emulator sees only the escape sequences.)
    fn assert_restored(&self) {
        let start = Instant::now();
        loop {
            let parser = self.screen.lock().expect("screen lock");
            let s = parser.screen();
            let modes = (
                s.alternate_screen(),
                s.hide_cursor(),
                s.mouse_protocol_mode(),
                s.bracketed_paste(),
            );
            if modes == (false, false, vt100::MouseProtocolMode::None, false) {
                return;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "terminal not restored: (alternate screen, hidden cursor, mouse, paste) = \
                 {modes:?}\n{}",
                s.contents()
            );
            drop(parser);
            thread::sleep(Duration::from_millis(20));
        }
    }
}

fn edit_then_signal(signal: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    let state = dir.path().join("state.json");
    let mut s = Session::start(&state, dir.path());
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
    s.assert_restored();
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
fn a_second_dashboard_opens_read_only_with_a_banner_naming_the_writer() {
    let dir = tempfile::tempdir().expect("tempdir");
    let state = dir.path().join("state.json");
    let mut writer = Session::start(&state, dir.path());
    writer.wait_for(&["扩大公开范围"]);
    let mut reader = Session::start(&state, dir.path());
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
    writer.assert_restored();
}
