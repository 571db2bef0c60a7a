//! `import --merge --preview` in a pseudo-terminal: the screen opens on the weak pair,
//! `y` and Enter–y write the accepted merge, `q` writes nothing; without a terminal the
//! flag is refused.

use predicates::prelude::*;

use super::weak::Env;
use crate::pty::Session;

fn preview(env: &Env) -> Session {
    let (state, new) = (env.path("state.json"), env.path("new.md"));
    let new = new.to_str().expect("UTF-8 path");
    Session::start(
        &state,
        &env.path(""),
        &["import", new, "--merge", "--preview"],
    )
}

#[test]
fn accept_and_apply_on_the_screen() {
    let env = Env::new();
    let mut s = preview(&env);
    s.wait_for(&["合并预览", "把握不大的配对 1", "未接受", "文字相似度"]);
    s.press("y");
    s.wait_for(&["已接受：原 1.1.2 的进度转到 1.1.2", "已接受 1"]);
    s.press("\r");
    s.wait_for(&["按以上变更写入状态文件"]);
    s.press("y");
    assert!(s.wait_exit().success());
    let short = env.show("1.1.2");
    assert_eq!(short["text"], "做好年度报告解读。");
    assert_eq!(short["status"], "doing");
}

#[test]
fn quitting_writes_nothing() {
    let env = Env::new();
    let before = env.state();
    let mut s = preview(&env);
    s.wait_for(&["合并预览"]);
    s.press("y");
    s.wait_for(&["已接受 1"]);
    s.press("q");
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 1);
    assert_eq!(env.state(), before);
}

#[test]
fn without_a_terminal_the_preview_is_refused() {
    let env = Env::new();
    let before = env.state();
    env.merge(&["--preview"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--preview 需要在终端中运行"));
    assert_eq!(env.state(), before);
}

#[test]
fn a_merge_stopped_on_weak_pairs_at_a_terminal_points_to_the_preview() {
    let env = Env::new();
    let before = env.state();
    let (state, new) = (env.path("state.json"), env.path("new.md"));
    let new = new.to_str().expect("UTF-8 path");
    let mut s = Session::start(&state, &env.path(""), &["import", new, "--merge"]);
    s.wait_for_wrapped("也可加 --preview 在全屏预览中逐条确认、拆分或重新配对");
    assert_eq!(s.wait_exit().exit_code(), 1);
    assert_eq!(env.state(), before);
}
