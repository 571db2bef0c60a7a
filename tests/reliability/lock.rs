//! One writer at a time: a CLI edit waits for the lock, then fails naming the holder.

use std::time::{Duration, Instant};

use duban::store::{Store, lock_path};

use super::support::{Env, stderr};

#[test]
fn a_cli_edit_fails_clearly_while_another_process_holds_the_lock_and_succeeds_after() {
    let env = Env::new();
    env.ok(&["note", "1.1.1", "第一条"]);
    let before = std::fs::read(&env.state).expect("read");

    // This test process is "the other duban": it holds the lock as a dashboard would.
    let held = Store::new(&env.state)
        .lock(Duration::ZERO)
        .expect("take the lock");
    let pid = std::process::id().to_string();
    assert_eq!(
        std::fs::read_to_string(lock_path(&env.state))
            .expect("lock file")
            .trim(),
        pid,
        "the holder's pid is in the lock file"
    );
    let start = Instant::now();
    let out = env.run(&["set", "1.1.1", "done"]);
    let waited = start.elapsed();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("另一个 duban"), "{err}");
    assert!(err.contains(&format!("进程 {pid}")), "{err}");
    assert!(err.contains("state.json"), "{err}");
    assert!(
        waited >= Duration::from_millis(1500),
        "waited {waited:?} first"
    );
    assert_eq!(
        std::fs::read(&env.state).expect("read"),
        before,
        "nothing written"
    );

    // Reading is never blocked.
    env.ok(&["show", "1.1.1"]);

    drop(held);
    env.ok(&["set", "1.1.1", "done"]);
    let saved = env.saved();
    let r = saved.plan.get("1.1.1".parse().expect("id")).expect("1.1.1");
    assert_eq!(r.status, duban::plan::Status::Done);
}

#[test]
fn a_cli_edit_waits_for_a_short_holder_instead_of_failing() {
    let env = Env::new();
    let held = Store::new(&env.state)
        .lock(Duration::ZERO)
        .expect("take the lock");
    let child = env
        .cmd(&["note", "1.1.1", "排队等候"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    std::thread::sleep(Duration::from_millis(400));
    drop(held);
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success(), "{}", stderr(&out));
    let saved = env.saved();
    let r = saved.plan.get("1.1.1".parse().expect("id")).expect("1.1.1");
    assert_eq!(r.notes.len(), 1);
}
