//! The real binary in a pseudo-terminal (100×30): read the screen through a terminal model
//! (vt100), press keys, quit, and check what was saved. Raw output cannot be grepped for
//! Chinese (ratatui moves the cursor around wide characters), so every check reads the
//! emulated screen, polling with a deadline instead of sleeping.

#[path = "common/hostile.rs"]
mod hostile;
#[path = "common/pty.rs"]
mod pty;

use std::thread;
use std::time::{Duration, Instant};

use pty::{PATIENCE, ROWS, Session};

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
    let first = &json["plans"][0]["plan"]["categories"][5]["items"][0]["requirements"][0];
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
    // SIGHUP alone, as a closing terminal sends (`Child::kill` would follow it with SIGKILL
    // after 200 ms, which would not test our handler).
    s.signal("HUP");
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
    let first = &json["plans"][0]["plan"]["categories"][0]["items"][0]["requirements"][0];
    assert_eq!(first["id"], "1.1.1");
    assert_eq!(first["status"].as_str().unwrap_or("todo"), "todo");
}

#[test]
fn escape_sequences_in_the_plan_reach_the_screen_as_marks() {
    let dir = tempfile::tempdir().expect("tempdir");
    let state = dir.path().join("state.json");
    duban::store::Store::new(&state)
        .save(&duban::store::State::new(hostile::plan()))
        .expect("state saved");
    let mut s = Session::start(&state, dir.path(), &[]);
    // Had the ESC reached the terminal, the emulator would have taken `]0;pwned` as a title
    // change and shown nothing of it.
    s.wait_for(&["制作转型政策专题␛]0;pwned␇", "督办计划␛]0"]);
    s.press("q");
    assert!(s.wait_exit().success());

    // An export to stdout is a file when piped, but on a terminal it is shown safe too.
    let mut s = Session::start(&state, dir.path(), &["export", "--format", "csv"]);
    s.wait_for(&["制作转型政策专题␛]0;pwned␇", "<U+202E>"]);
    assert!(s.wait_exit().success());
}

/// Issue #17: extend and remind from the dashboard, signed with `--user`, found in the file.
#[test]
fn extend_and_remind_from_the_dashboard_are_saved_signed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let state = dir.path().join("state.json");
    let mut s = Session::start(&state, dir.path(), &["--user", "李四"]);
    s.wait_for(&CATEGORIES);
    s.press("6");
    s.wait_for(&["详情 6.1.1"]);
    s.press("E");
    s.wait_for(&["延期至（YYYY-MM-DD） 6.1.1>"]);
    s.press("2021-12-31\r");
    s.wait_for(&["延期理由 6.1.1>"]);
    s.press("需协调\r");
    s.wait_for(&["批准人（可空） 6.1.1>"]);
    s.press("\r");
    s.wait_for(&["6.1.1 已延期至 2021-12-31"]);
    s.press("m");
    s.wait_for(&["催办单位 6.1.1>", "1 各镇（街道）"]);
    s.press("\r");
    s.wait_for(&["催办方式 6.1.1>", "2 电话"]);
    s.press("2\r");
    s.wait_for(&["催办说明（可空） 6.1.1>"]);
    s.press("请加快\r");
    s.wait_for(&["6.1.1 已催办 各镇（街道）（电话）"]);
    s.press("q");
    assert!(s.wait_exit().success());

    let saved = std::fs::read_to_string(&state).expect("state file written");
    let json: serde_json::Value = serde_json::from_str(&saved).expect("state is JSON");
    let r = &json["plans"][0]["plan"]["categories"][5]["items"][0]["requirements"][0];
    assert_eq!(r["id"], "6.1.1");
    let ext = &r["extensions"][0];
    assert_eq!(
        (
            ext["to"].as_str(),
            ext["reason"].as_str(),
            ext["by"].as_str()
        ),
        (Some("2021-12-31"), Some("需协调"), Some("李四"))
    );
    let rem = &r["reminders"][0];
    assert_eq!(
        (
            rem["unit"].as_str(),
            rem["via"].as_str(),
            rem["note"].as_str()
        ),
        (Some("各镇（街道）"), Some("phone"), Some("请加快"))
    );
    assert_eq!(rem["by"], "李四");
}
