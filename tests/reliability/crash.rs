//! Crash safety: writers killed (SIGKILL) at random moments while they save. After every
//! kill the state file must load and be exactly the state before or after the edit; a later
//! writer removes the temp files the killed ones left.

use std::process::Stdio;
use std::time::{Duration, Instant};

use duban::plan::ReqId;
use duban::store::{State, Store, backup_path};

use super::support::Env;

/// Kills per run; `DUBAN_KILLS=1000 cargo test --test reliability kill` for a longer run.
const DEFAULT_KILLS: usize = 200;

fn kills() -> usize {
    std::env::var("DUBAN_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_KILLS)
}

/// A small deterministic generator (xorshift), so a failing run can be repeated.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

/// `after` is `before` plus one note `text` on `id` (and its history entry), nothing else.
fn is_after(before: &State, after: &State, id: ReqId, text: &str) -> bool {
    let (Some(old), Some(new)) = (before.plan.get(id), after.plan.get(id)) else {
        return false;
    };
    let noted = new.notes.len() == old.notes.len() + 1
        && new.notes.last().is_some_and(|n| n.text == text)
        && new.history.len() == old.history.len() + 1;
    let mut rest = after.clone();
    if let Some(r) = rest.plan.get_mut(id) {
        *r = old.clone();
    }
    noted && rest == *before
}

#[test]
fn kill_loop_leaves_the_state_before_or_after_every_edit() {
    let env = Env::new();
    let id: ReqId = "2.1.1".parse().expect("id");
    env.ok(&["note", "2.1.1", "起点"]);

    // How long one uncut edit takes (the slowest of three, so one lucky fast run does not
    // squeeze every kill before the save); kills land anywhere within 1.5 times that, so
    // some land after the end too.
    let mut slowest = Duration::ZERO;
    for _ in 0..3 {
        let start = Instant::now();
        env.ok(&["note", "2.1.1", "计时"]);
        slowest = slowest.max(start.elapsed());
    }
    let span = u64::try_from(slowest.as_micros() * 3 / 2).unwrap_or(u64::MAX);

    let store = Store::new(&env.state);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut before_kept, mut after_kept, mut finished) = (0, 0, 0);
    let runs = kills();
    for i in 0..runs {
        let before = store.load().expect("loads").expect("exists");
        let text = format!("第{i}次");
        let mut child = env
            .cmd(&["note", "2.1.1", &text])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_micros(rng.below(span)));
        let already_done = child.try_wait().expect("status").is_some();
        let _ = child.kill();
        child.wait().expect("reap");
        finished += usize::from(already_done);

        let now = store
            .load()
            .unwrap_or_else(|e| panic!("kill {i}: the file must load: {e}"))
            .expect("exists");
        if now == before {
            before_kept += 1;
        } else if is_after(&before, &now, id, &text) {
            after_kept += 1;
        } else {
            panic!("kill {i}: the file is neither the state before nor after the edit");
        }
        // The backup, when there is one, is a good state too.
        if backup_path(&env.state).exists() {
            Store::new(backup_path(&env.state))
                .load()
                .unwrap_or_else(|e| panic!("kill {i}: the backup must load: {e}"));
        }
    }
    eprintln!(
        "{runs} writers killed at random moments: {before_kept} left the old state, \
         {after_kept} the new one ({finished} had finished before the kill)"
    );
    assert!(before_kept > 0 && after_kept > 0, "kills hit both sides");

    // The next writer removes the temp files of the killed ones (their pids are gone).
    env.ok(&["note", "2.1.1", "收尾"]);
    let strays: Vec<String> = env
        .names()
        .into_iter()
        .filter(|n| n.contains(".tmp-"))
        .collect();
    assert!(strays.is_empty(), "stray temp files left: {strays:?}");
}

/// Every temp file goes at the next writer's start, whatever pid it names — a killed
/// writer's pid may already belong to another process (pids wrap at 32768 on many systems,
/// within seconds on a busy machine: the cause of this suite's old flaky failure) — but only
/// a writer, holding the lock, cleans up. Older versions' names for the backup's and the
/// journal's temp files are covered too.
#[test]
fn the_next_writer_removes_every_temp_file_whatever_its_pid() {
    let env = Env::new();
    env.ok(&["note", "1.1.1", "开始"]);
    let strays = [
        ".state.json.tmp-999999999-0".to_string(),
        // Ours: as if the kernel had given a dead writer's pid to this test process.
        format!(".state.json.tmp-{}-0", std::process::id()),
        ".state.json.bak.tmp-1-0".to_string(),
        ".state.json.journal.tmp-1-0".to_string(),
    ];
    let unrelated = env.dir.path().join("state.json.notes");
    for name in &strays {
        std::fs::write(env.dir.path().join(name), b"{ half").expect("write");
    }
    std::fs::write(&unrelated, b"mine").expect("write");
    // A reader does not clean up (it holds no lock); a writer does.
    env.ok(&["list"]);
    assert!(env.dir.path().join(&strays[0]).exists());
    env.ok(&["note", "1.1.1", "再记一条"]);
    let left: Vec<String> = env
        .names()
        .into_iter()
        .filter(|n| n.contains(".tmp-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    assert!(unrelated.exists(), "{:?}", env.names());
}
