//! The real binary in a 100×30 pseudo-terminal, its output fed to a terminal model (vt100).
//! Raw output cannot be grepped for Chinese (ratatui moves the cursor around wide
//! characters), so checks read the emulated screen, polling with a deadline, never sleeping
//! a fixed time. Shared by the end-to-end and the reliability tests.

// Each test crate that includes this file uses only some of the helpers.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub const ROWS: u16 = 30;
pub const COLS: u16 = 100;
pub const PATIENCE: Duration = Duration::from_secs(10);

pub struct Session {
    pub screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    // Keep the pty open until the session ends.
    _master: Box<dyn MasterPty + Send>,
}

impl Session {
    /// `duban --today 2021-09-20 --state STATE EXTRA…` with `home` as its home and config
    /// directory, so no keymap or state of the machine running the tests gets in.
    pub fn start(state: &Path, home: &Path, extra: &[&str]) -> Session {
        Session::start_with_env(state, home, extra, &[])
    }

    /// [`Session::start`] with extra environment variables.
    pub fn start_with_env(
        state: &Path,
        home: &Path,
        extra: &[&str],
        vars: &[(&str, &str)],
    ) -> Session {
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
        cmd.env("XDG_CONFIG_HOME", home);
        cmd.env("HOME", home);
        cmd.env_remove("DUBAN_KEYMAP");
        cmd.env_remove("DUBAN_LANG");
        for (name, value) in vars {
            cmd.env(name, value);
        }
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

    pub fn contents(&self) -> String {
        self.screen.lock().expect("screen lock").screen().contents()
    }

    /// Wait until the screen shows every one of `needles`.
    pub fn wait_for(&self, needles: &[&str]) -> String {
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

    /// Wait until the screen shows `needle`, which may wrap over lines (a long path).
    pub fn wait_for_wrapped(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let text = self.contents();
            if text.replace('\n', "").contains(needle) {
                return text;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "timed out waiting for {needle:?}; screen:\n{text}"
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn press(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    /// Send a signal by name with `kill`, as a service manager or a shell would.
    pub fn signal(&self, name: &str) {
        let ok = std::process::Command::new("kill")
            .args([format!("-{name}"), self.pid().to_string()])
            .status()
            .expect("run kill")
            .success();
        assert!(ok, "kill -{name}");
    }

    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
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
