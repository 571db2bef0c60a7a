//! Files that are not what they seem: a state path that is a symbolic link (followed once,
//! so the link and the real path share one lock and one set of companion files), a dangling
//! link, permissions (0600 for new files, an existing mode kept and copied to companions), a
//! read-only file or directory (CLI edits refused naming the path, nothing written).

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;

use duban::store::{Store, backup_path, journal_path, lock_path};

use super::support::{Env, duban_cmd, stderr};

fn mode(path: &Path) -> u32 {
    fs::metadata(path).expect("metadata").permissions().mode() & 0o777
}

fn chmod(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("chmod");
}

/// `link.json → real/state.json` in a directory of its own.
fn linked(env: &Env) -> std::path::PathBuf {
    let link = env.dir.path().join("link.json");
    symlink(&env.state, &link).expect("symlink");
    link
}

#[test]
fn edits_through_a_link_go_to_its_target_and_keep_the_link() {
    let env = Env::new();
    env.ok(&["note", "1.1.1", "经由真实路径"]);
    let link = linked(&env);
    let out = duban_cmd(&link, &["note", "1.1.1", "经由链接"])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink(),
        "still a link"
    );
    let saved = env.saved();
    let r = saved.plan.get("1.1.1".parse().expect("id")).expect("1.1.1");
    assert_eq!(r.notes.len(), 2, "both in the one real file");
    // Companions only beside the target: no link.json.lock, .bak or temp files.
    let names = env.names();
    assert_eq!(
        names,
        [
            "link.json",
            "state.json",
            "state.json.bak",
            "state.json.lock"
        ]
    );
    // The library resolves it once, the same way.
    let store = Store::new(&link);
    assert_eq!(store.path(), link);
    assert_eq!(
        store.file(),
        fs::canonicalize(&env.state).expect("canonical")
    );
}

#[test]
fn the_link_and_the_real_path_share_one_lock() {
    let env = Env::new();
    env.ok(&["note", "1.1.1", "开始"]);
    let link = linked(&env);
    // Held through the link, as a dashboard opened on it would.
    let held = Store::new(&link)
        .lock(std::time::Duration::ZERO)
        .expect("lock via the link");
    let before = fs::read(&env.state).expect("read");
    let out = env.run(&["set", "1.1.1", "done"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("正由另一个 duban 编辑"), "{err}");
    assert_eq!(
        fs::read(&env.state).expect("read"),
        before,
        "nothing written"
    );
    drop(held);
    env.ok(&["set", "1.1.1", "done"]);
    assert!(!lock_path(&link).exists());
    assert!(!env.names().iter().any(|n| n.contains("conflict")));
}

#[test]
fn a_dangling_link_is_named_and_never_replaced() {
    let env = Env::new();
    let link = env.dir.path().join("state.json");
    symlink("moved-away/state.json", &link).expect("symlink");
    for args in [&["note", "1.1.1", "不该写入"][..], &["list"][..]] {
        let out = env.run(args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(
            err.contains("是指向 moved-away/state.json 的符号链接，而它并不存在"),
            "{err}"
        );
        assert_eq!(err.matches("state.json 是指向").count(), 1, "{err}");
    }
    assert_eq!(env.names(), ["state.json"], "nothing created beside it");
    assert_eq!(
        fs::read_link(&link).expect("still a link"),
        Path::new("moved-away/state.json")
    );
}

#[test]
fn new_files_are_0600_and_an_existing_mode_is_kept_and_copied_to_companions() {
    let env = Env::new();
    env.ok(&["note", "1.1.1", "第一条"]);
    env.ok(&["note", "1.1.1", "第二条"]);
    for p in [
        env.state.clone(),
        backup_path(&env.state),
        lock_path(&env.state),
    ] {
        assert_eq!(mode(&p), 0o600, "{}", p.display());
    }
    // A person shares the file with their group: duban keeps that, and so do new companions.
    chmod(&env.state, 0o640);
    env.ok(&["note", "1.1.1", "第三条"]);
    assert_eq!(mode(&env.state), 0o640, "kept over the rewrite");
    assert_eq!(
        mode(&backup_path(&env.state)),
        0o640,
        "the backup is the old file"
    );

    // The journal and a conflict file (the dashboard's path, as library calls).
    let store = Store::new(&env.state).journal_from(0);
    let mut state = store.load().expect("load").expect("exists");
    let id = "2.1.1".parse().expect("id");
    let before = state.plan.get(id).expect("2.1.1").clone();
    state.plan.get_mut(id).expect("2.1.1").status = duban::plan::Status::Doing;
    store.save_edit(&mut state, &[before]).expect("journaled");
    assert_eq!(mode(&journal_path(&env.state)), 0o640);
    super::support::rewrite_file(&env, |s| {
        s.plan.get_mut(id).expect("2.1.1").status = duban::plan::Status::Blocked;
    });
    chmod(&env.state, 0o640);
    let before = state.plan.get(id).expect("2.1.1").clone();
    state.plan.get_mut(id).expect("2.1.1").status = duban::plan::Status::Done;
    let report = store.save_edit(&mut state, &[before]).expect("saved");
    let conflict = report.conflict_file.expect("a clash");
    assert_eq!(mode(&conflict), 0o640, "{}", conflict.display());
}

/// A CLI edit on a file marked read-only, or in a read-only directory: refused with the
/// path, exit 1, not a byte written — no lock file either. (Permission bits are honoured
/// even for root, which this suite may run as.)
#[test]
fn cli_edits_on_a_read_only_file_or_directory_fail_naming_the_path() {
    let env = Env::new();
    env.ok(&["note", "1.1.1", "开始"]);
    fs::remove_file(lock_path(&env.state)).expect("remove lock");
    let before = env.names();
    let content = fs::read(&env.state).expect("read");
    chmod(&env.state, 0o444);
    let out = env.run(&["set", "1.1.1", "done"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let path = env.state.display().to_string();
    assert!(
        err.contains(&format!("{path}：无法保存：状态文件为只读（权限 0444）")),
        "{err}"
    );
    assert_eq!(err.matches(&path).count(), 1, "{err}");
    assert!(err.contains("未写入任何内容"), "{err}");
    let err = stderr(&env.run(&["--lang", "en", "set", "1.1.1", "done"]));
    assert!(
        err.contains(&format!(
            "{path}: cannot save: the state file is read-only (mode 0444); nothing was written"
        )),
        "{err}"
    );
    assert_eq!(env.names(), before);
    chmod(&env.state, 0o600);

    chmod(env.dir.path(), 0o555);
    let out = env.run(&["note", "1.1.1", "不该写入"]);
    let names = env.names();
    chmod(env.dir.path(), 0o700);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("不可写（no write permission）"), "{err}");
    assert_eq!(names, before, "no lock, no temp file");
    assert_eq!(fs::read(&env.state).expect("read"), content);
    // Reading still works.
    chmod(env.dir.path(), 0o555);
    let out = env.run(&["show", "1.1.1"]);
    chmod(env.dir.path(), 0o700);
    assert!(out.status.success(), "{}", stderr(&out));
}
