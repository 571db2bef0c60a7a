//! The real binary in a pseudo-terminal (100×30): read the screen through a terminal model
//! (vt100), press keys, quit, and check what was saved. Raw output cannot be grepped for
//! Chinese (ratatui moves the cursor around wide characters), so every check reads the
//! emulated screen, polling with a deadline instead of sleeping.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 30;
const COLS: u16 = 100;
const PATIENCE: Duration = Duration::from_secs(10);

struct Session {
    screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    // Keep the pty open until the session ends.
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    fn start(state: &Path, config: &Path, extra: &[&str]) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_duban"));
        cmd.args(["--today", "2021-09-20", "--state"]);
        cmd.arg(state);
        cmd.args(extra);
        cmd.env("TERM", "xterm-256color");
        // No user keymap or state from the machine running the tests.
        cmd.env("XDG_CONFIG_HOME", config);
        cmd.env("HOME", config);
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

    /// Wait until the screen shows every one of `needles`.
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
}

const CATEGORIES: [&str; 6] = [
    "扩大公开范围",
    "优化便民举措",
    "抓好平台建设",
    "完善体制机制",
    "省政务公开",
    "加强队伍建设",
];

#[test]
fn browse_mark_done_quit_and_find_it_saved() {
    let dir = tempfile::tempdir().expect("tempdir");
    let state = dir.path().join("state.json");
    let mut s = Session::start(&state, dir.path(), &[]);

    s.wait_for(&CATEGORIES);
    s.press("6");
    s.wait_for(&["强化机构职能", "详情 6.1.1"]);
    s.press(" ");
    // Marking done asks for the optional 办结说明; Enter leaves it empty.
    s.wait_for(&["办结说明（可空） 6.1.1>"]);
    s.press("\r");
    let screen = s.wait_for(&["6.1.1 -> 已完成"]);
    assert!(
        screen.contains("[x] 6.1.1"),
        "the tree shows the mark:\n{screen}"
    );
    s.press("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");

    let saved = std::fs::read_to_string(&state).expect("state file written");
    let json: serde_json::Value = serde_json::from_str(&saved).expect("state is JSON");
    let first = &json["plan"]["categories"][5]["items"][0]["requirements"][0];
    assert_eq!(
        (first["id"].as_str(), first["status"].as_str()),
        (Some("6.1.1"), Some("done"))
    );

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_duban"))
        .args(["--today", "2021-09-20", "--state"])
        .arg(&state)
        .args(["list", "--json", "--category", "6"])
        .output()
        .expect("run duban list");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("list --json is JSON");
    let row = list
        .as_array()
        .and_then(|a| a.iter().find(|r| r["id"] == "6.1.1"))
        .expect("6.1.1 listed");
    assert_eq!(row["status"], "done");
}

#[test]
fn a_note_typed_in_chinese_is_saved_and_the_terminal_cursor_follows_the_caret() {
    let dir = tempfile::tempdir().expect("tempdir");
    let state = dir.path().join("state.json");
    let mut s = Session::start(&state, dir.path(), &[]);
    s.wait_for(&CATEGORIES);
    s.press("n");
    s.wait_for(&["备注 1.1.1>"]);
    s.press("已与办公室对接");
    s.wait_for(&["备注 1.1.1> 已与办公室对接"]);
    let (row, col) = s
        .screen
        .lock()
        .expect("screen lock")
        .screen()
        .cursor_position();
    // Status row is 28 (0-based); " 备注 1.1.1> " is 13 columns, the note 14.
    assert_eq!((row, col), (ROWS - 2, 27));
    s.press("\r");
    s.wait_for(&["1.1.1 已添加备注"]);
    s.press("q");
    assert!(s.wait_exit().success());
    let saved = std::fs::read_to_string(&state).expect("state file written");
    assert!(saved.contains("已与办公室对接"), "{saved}");
}

#[test]
fn english_labels_and_a_hangup_exits_cleanly_with_the_terminal_restored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let state = dir.path().join("state.json");
    let mut s = Session::start(&state, dir.path(), &["--lang", "en"]);
    s.wait_for(&["Categories", "progress", "? help", "36d overdue"]);
    s.press(" ");
    s.wait_for(&["completion note (optional) 1.1.1>"]);
    s.press("\r");
    s.wait_for(&["(saved)"]);
    // The killer sends SIGHUP only, as a closing terminal would (`Child::kill` follows it with
    // SIGKILL after 200 ms, which would not test our handler).
    s.child.clone_killer().kill().expect("send SIGHUP");
    let status = s.wait_exit();
    assert!(
        status.success(),
        "a clean exit after SIGHUP: {status:?}\n{}",
        s.contents()
    );
    // The alternate screen was left: the dashboard is gone from the visible screen.
    let start = Instant::now();
    while s.contents().contains("Categories") {
        assert!(
            start.elapsed() < PATIENCE,
            "terminal not restored:\n{}",
            s.contents()
        );
        thread::sleep(Duration::from_millis(20));
    }
    assert!(
        std::fs::read_to_string(&state)
            .expect("saved")
            .contains("\"done\"")
    );
}

#[test]
fn the_agenda_view_shows_overdue_first_and_undo_restores_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let state = dir.path().join("state.json");
    let mut s = Session::start(&state, dir.path(), &[]);
    s.wait_for(&CATEGORIES);
    s.press("a");
    let screen = s.wait_for(&["日程 30 项", "待报送 7", "逾期 (4)", "1.1.1", "详情 1.1.1"]);
    let overdue = screen.find("逾期 (4)").expect("heading");
    let first = screen.find("1.1.1").expect("row");
    assert!(overdue < first, "the overdue group comes first:\n{screen}");
    // Search within the agenda: the chip shows, the list narrows.
    s.press("/政务新媒体\r");
    s.wait_for(&["[搜:政务新媒体]", "3.1.1"]);
    s.press("c");
    s.wait_for(&["已清除筛选"]);
    // Done from the agenda, then undone: the file holds the state after undo.
    s.press("g \r");
    s.wait_for(&["1.1.1 -> 已完成"]);
    s.press("u");
    s.wait_for(&["已撤销"]);
    s.press("q");
    assert!(s.wait_exit().success());
    let saved = std::fs::read_to_string(&state).expect("state file written");
    let json: serde_json::Value = serde_json::from_str(&saved).expect("JSON");
    let first = &json["plan"]["categories"][0]["items"][0]["requirements"][0];
    assert_eq!(first["id"], "1.1.1");
    assert_eq!(first["status"].as_str().unwrap_or("todo"), "todo");
}
