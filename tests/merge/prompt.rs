//! The y/N question in a real terminal: "n" leaves the state alone, "y" merges.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

use super::support::{SEED, revised_seed_md};

const PATIENCE: Duration = Duration::from_secs(20);

/// Runs `duban import REVISED --merge` in a pseudo-terminal, answers `answer` once the
/// question shows, and returns the exit success and the screen text.
fn answer_prompt(state: &Path, revised: &Path, answer: &str) -> (bool, String) {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 60,
            cols: 160,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_duban"));
    cmd.args(["--today", "2021-09-20", "--state"]);
    cmd.arg(state);
    cmd.arg("import");
    cmd.arg(revised);
    cmd.arg("--merge");
    cmd.env("COLUMNS", "160");
    cmd.env_remove("DUBAN_LANG");
    let mut child = pair.slave.spawn_command(cmd).expect("spawn duban");
    drop(pair.slave);
    let screen = Arc::new(Mutex::new(vt100::Parser::new(60, 160, 0)));
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let sink = Arc::clone(&screen);
    thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().expect("lock").process(&buf[..n]);
        }
    });
    let contents = || screen.lock().expect("lock").screen().contents();
    let start = Instant::now();
    while !contents().contains("[y/N]") {
        assert!(
            start.elapsed() < PATIENCE,
            "no question; screen:\n{}",
            contents()
        );
        thread::sleep(Duration::from_millis(20));
    }
    let mut writer = pair.master.take_writer().expect("writer");
    writer.write_all(answer.as_bytes()).expect("answer");
    writer.flush().expect("flush");
    let status = loop {
        if let Some(status) = child.try_wait().expect("status") {
            break status;
        }
        if start.elapsed() > PATIENCE {
            let _ = child.kill();
            panic!("duban did not exit; screen:\n{}", contents());
        }
        thread::sleep(Duration::from_millis(20));
    };
    (status.success(), contents())
}

#[test]
fn no_keeps_the_state_and_yes_merges() {
    let dir = tempfile::tempdir().expect("tempdir");
    let state = dir.path().join("state.json");
    let revised = dir.path().join("revised.md");
    std::fs::write(&revised, revised_seed_md()).expect("write");
    let duban = |args: &[&str]| {
        let ok = std::process::Command::new(env!("CARGO_BIN_EXE_duban"))
            .args(["--today", "2021-09-20", "--state"])
            .arg(&state)
            .args(args)
            .env_remove("DUBAN_LANG")
            .output()
            .expect("runs")
            .status
            .success();
        assert!(ok, "{args:?}");
    };
    duban(&["import", SEED]);
    duban(&["set", "1.1.2", "done"]);
    let before = std::fs::read(&state).expect("state");

    let (ok, screen) = answer_prompt(&state, &revised, "n\r");
    assert!(!ok, "declining is not success; screen:\n{screen}");
    assert!(screen.contains("编号变动 3 条"), "{screen}");
    assert_eq!(std::fs::read(&state).expect("state"), before);

    let (ok, screen) = answer_prompt(&state, &revised, "y\r");
    assert!(ok, "screen:\n{screen}");
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&state).expect("state")).expect("JSON");
    let moved = &json["plans"][0]["plan"]["categories"][0]["items"][0]["requirements"][2];
    assert_eq!(
        (moved["id"].as_str(), moved["status"].as_str()),
        (Some("1.1.3"), Some("done"))
    );
}
