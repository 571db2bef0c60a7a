//! The dashboard on files that are not what they seem, in a real pseudo-terminal: opened
//! through a symbolic link (one lock with the real path), on a read-only file or directory
//! (read-only with a banner), and quitting after a save that failed (the unsaved edits go to
//! a rescue file, named on exit with a non-zero status).

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;

use duban::plan::Status;
use duban::store::{State, Store};

use super::support::{Env, duban_cmd, status, stderr};
use crate::pty::Session;

fn chmod(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("chmod");
}

#[test]
fn a_dashboard_through_a_link_and_a_cli_edit_through_the_real_path_never_both_write() {
    let env = Env::new();
    env.ok(&["note", "1.1.1", "开始"]);
    let link = env.dir.path().join("link.json");
    symlink(&env.state, &link).expect("symlink");
    let home = tempfile::tempdir().expect("home");
    let mut s = Session::start(&link, home.path(), &[]);
    s.wait_for(&["扩大公开范围"]);
    let out = env.run(&["set", "2.1.1", "done"]);
    assert_eq!(out.status.code(), Some(1), "refused: {}", stderr(&out));
    assert!(stderr(&out).contains("正由另一个 duban 编辑"));
    // A second dashboard through the real path is read-only, naming the first.
    let mut other = Session::start(&env.state, home.path(), &[]);
    other.wait_for(&[format!("只读：另一个 duban（pid {}）正在编辑", s.pid()).as_str()]);
    other.press("q");
    assert!(other.wait_exit().success());

    s.press("s");
    s.wait_for(&["1.1.1 未开始 -> 推进中", "已保存"]);
    s.press("q");
    assert!(s.wait_exit().success());
    assert_eq!(status(&env.saved(), "1.1.1"), Status::Doing);
    assert!(
        fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    let names = env.names();
    assert!(
        !names
            .iter()
            .any(|n| n.contains("conflict") || n.starts_with("link.json.")),
        "{names:?}"
    );
    env.ok(&["set", "2.1.1", "done"]);
}

fn read_only_dashboard(env: &Env, expect: &str) {
    let home = tempfile::tempdir().expect("home");
    let before = fs::read(&env.state).expect("read");
    let mut s = Session::start(&env.state, home.path(), &[]);
    s.wait_for(&["只读：", expect]);
    s.press("s");
    s.wait_for(&["不能修改"]);
    s.press("q");
    assert!(s.wait_exit().success());
    assert_eq!(
        fs::read(&env.state).expect("read"),
        before,
        "nothing written"
    );
}

#[test]
fn a_read_only_file_or_directory_opens_the_dashboard_read_only_with_a_banner() {
    let env = Env::new();
    env.ok(&["note", "1.1.1", "开始"]);
    chmod(&env.state, 0o444);
    read_only_dashboard(&env, "状态文件为只读（权限 0444）");
    chmod(&env.state, 0o600);
    let before = env.names();
    chmod(env.dir.path(), 0o555);
    read_only_dashboard(&env, "不可写");
    let after = env.names();
    chmod(env.dir.path(), 0o700);
    assert_eq!(after, before, "no file created in the read-only directory");
}

/// `s` (saved: the file is as it was), then the file is broken behind the dashboard's back,
/// so the next save fails; `s` again, `q` twice.
fn fail_then_quit_twice(s: &mut Session, state: &Path) {
    s.wait_for(&["扩大公开范围"]);
    s.press("j");
    s.press("s");
    s.wait_for(&["1.1.2 未开始 -> 推进中", "已保存"]);
    fs::write(state, b"{ broken").expect("break the file");
    complete_unsaved(s);
    s.press("q");
    s.wait_for(&["再按 q 退出"]);
    s.press("q");
}

/// Doing → done on 1.1.2 (the completion prompt, then Enter); the save fails.
fn complete_unsaved(s: &mut Session) {
    s.press("s");
    s.wait_for(&["办结说明"]);
    s.press("\r");
    s.wait_for(&["保存失败"]);
}

/// The rescue file is a whole state file holding the unsaved edit.
fn assert_rescued(path: &Path) {
    let rescued: State = Store::new(path).load().expect("loads").expect("exists");
    assert_eq!(status(&rescued, "1.1.2"), Status::Done, "the unsaved edit");
    assert_eq!(
        fs::metadata(path).expect("meta").permissions().mode() & 0o777,
        0o600
    );
}

fn rescue_files(dir: &Path) -> Vec<std::path::PathBuf> {
    fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().contains(".rescue-"))
        .collect()
}

#[test]
fn quitting_after_a_failed_save_writes_a_rescue_file_beside_the_state() {
    let env = Env::new();
    env.ok(&["note", "1.1.1", "开始"]);
    let home = tempfile::tempdir().expect("home");
    let mut s = Session::start(&env.state, home.path(), &[]);
    fail_then_quit_twice(&mut s, &env.state);
    let status = s.wait_exit();
    assert!(!status.success(), "non-zero exit");
    let rescued = rescue_files(env.dir.path());
    assert_eq!(rescued.len(), 1, "{:?}", env.names());
    let name = rescued[0]
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    assert!(name.starts_with("state.json.rescue-2021"), "{name}");
    // Printed after the terminal is given back (the status line said 将写入, "will write").
    s.wait_for_wrapped(&format!("已写入救援文件 {}", rescued[0].display()));
    assert_rescued(&rescued[0]);
    assert_eq!(
        fs::read(&env.state).expect("read"),
        b"{ broken",
        "left alone"
    );
}

#[test]
fn without_a_usable_directory_the_rescue_file_goes_to_the_temp_directory() {
    let env = Env::new();
    let dir = env.dir.path().join("data");
    let state = dir.join("state.json");
    let ok = duban_cmd(&state, &["note", "1.1.1", "开始"])
        .output()
        .expect("run");
    assert!(ok.status.success());
    let tmp = tempfile::tempdir().expect("tmp");
    let home = tempfile::tempdir().expect("home");
    let tmp_dir = tmp.path().display().to_string();
    let mut s = Session::start_with_env(&state, home.path(), &[], &[("TMPDIR", &tmp_dir)]);
    s.wait_for(&["扩大公开范围"]);
    s.press("j");
    s.press("s");
    s.wait_for(&["已保存"]);
    // The whole directory goes (an unmounted drive); a plain file stands in its way.
    fs::rename(&dir, env.dir.path().join("gone")).expect("move away");
    fs::write(&dir, b"not a directory").expect("block");
    complete_unsaved(&mut s);
    s.press("q");
    s.wait_for(&["再按 q 退出"]);
    s.press("q");
    assert!(!s.wait_exit().success());
    s.wait_for(&["已写入救援文件"]);
    let rescued = rescue_files(tmp.path());
    assert_eq!(rescued.len(), 1, "{rescued:?}");
    assert_rescued(&rescued[0]);
}

#[test]
fn a_signal_after_a_failed_save_writes_a_rescue_file_too() {
    let env = Env::new();
    env.ok(&["note", "1.1.1", "开始"]);
    let home = tempfile::tempdir().expect("home");
    let mut s = Session::start(&env.state, home.path(), &[]);
    s.wait_for(&["扩大公开范围"]);
    s.press("j");
    s.press("s");
    s.wait_for(&["已保存"]);
    fs::write(&env.state, b"{ broken").expect("break the file");
    complete_unsaved(&mut s);
    s.signal("TERM");
    assert!(!s.wait_exit().success());
    s.wait_for(&["已写入救援文件"]);
    let rescued = rescue_files(env.dir.path());
    assert_eq!(rescued.len(), 1, "{:?}", env.names());
    assert_rescued(&rescued[0]);
}
