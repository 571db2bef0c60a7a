//! The real binary on the team store in pseudo-terminals: two dashboards see each other's
//! edits; one cut off from the server (a relay in front of it cut) makes an edit on the
//! requirement the other just changed, and is shown the clash once it is back; `kill -9`
//! mid-edit leaves nothing half-applied and loses nothing the status line called saved.

use std::path::PathBuf;

use duban::plan::Status;

use super::pty::Session;
use super::relay::{Relay, staffed};
use super::support::{Db, db};

/// A dashboard as `user` on `store`, its config (and outbox) in its own folder.
fn dashboard(db: &Db, who: &str, user: &str, store: &str) -> Session {
    let home: PathBuf = db.file(who);
    std::fs::create_dir_all(&home).expect("home");
    let settings = home.join("duban").join("settings.toml");
    let settings = settings.to_str().expect("utf-8");
    let s = Session::start_with_env(
        &home.join("unused.json"),
        &home,
        &["--store", store],
        &[("DUBAN_USER", user), ("DUBAN_SETTINGS", settings)],
    );
    s.wait_for(&["参考日期", "1.1.1"]);
    s
}

fn stored(db: &Db) -> duban::plan::Requirement {
    let state = db.store("x").load().expect("load").expect("workspace");
    state
        .plan
        .get("1.1.1".parse().expect("id"))
        .cloned()
        .expect("requirement")
}

fn notes(db: &Db) -> Vec<String> {
    stored(db).notes.iter().map(|n| n.text.clone()).collect()
}

fn quit(s: &mut Session) {
    s.press("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit {status:?}:\n{}", s.contents());
}

#[test]
fn two_dashboards_see_each_other_and_the_second_is_shown_a_clash() {
    let Some(db) = db("two_dashboards_see_each_other_and_the_second_is_shown_a_clash") else {
        return;
    };
    staffed(&db);
    let relay = Relay::start();
    let mut zhang = dashboard(&db, "zhang", "张三", &db.store_arg());
    let mut li = dashboard(&db, "li", "李四", &relay.store_arg(&db));

    zhang.press("s");
    zhang.wait_for(&["已保存"]);
    li.wait_for(&["张三：1.1.1 → 推进中"]);
    li.press("n");
    li.press("李四的备注\r");
    li.wait_for(&["已添加备注 (已保存)"]);
    zhang.wait_for(&["李四：1.1.1 → 推进中"]);

    // 李四 loses the server; 张三 changes 1.1.1 meanwhile, 李四 too.
    relay.cut();
    li.wait_for(&["连接中断"]);
    zhang.press("n");
    zhang.press("张三的备注\r");
    zhang.wait_for(&["已添加备注 (已保存)"]);
    li.press("n");
    li.press("断线时的备注\r");
    li.wait_for(&["已暂存本地", "连接中断 · 1 条待同步"]);
    relay.restore();
    li.wait_for(&["离线时的修改未保存：张三", "你的修改已保留"]);
    assert!(!li.contents().contains("条待同步"), "{}", li.contents());
    assert_eq!(notes(&db), ["起点", "李四的备注", "张三的备注"]);
    li.press("p");
    li.wait_for(&["已重新应用"]);
    zhang.wait_for(&["李四：1.1.1 → 推进中"]);
    assert_eq!(
        notes(&db),
        ["起点", "李四的备注", "张三的备注", "断线时的备注"]
    );
    quit(&mut zhang);
    quit(&mut li);
}

#[test]
fn kill_9_leaves_no_half_edit_and_loses_nothing_saved() {
    let Some(db) = db("kill_9_leaves_no_half_edit_and_loses_nothing_saved") else {
        return;
    };
    staffed(&db);
    let relay = Relay::start();
    let store = relay.store_arg(&db);

    // Killed while typing a note: nothing of it anywhere.
    let s = dashboard(&db, "zhang", "张三", &store);
    let mut s = s;
    s.press("n");
    s.press("写到一半");
    s.wait_for(&["写到一半"]);
    s.signal("KILL");
    s.wait_exit();
    assert_eq!(notes(&db), ["起点"]);

    // Killed right after the status line said saved: it is in the store.
    let mut s = dashboard(&db, "zhang", "张三", &store);
    s.press("s");
    s.wait_for(&["已保存"]);
    s.signal("KILL");
    s.wait_exit();
    assert_eq!(stored(&db).status, Status::Doing);

    // Killed while disconnected, after an edit went to the outbox: the next start sends it.
    let mut s = dashboard(&db, "zhang", "张三", &store);
    relay.cut();
    s.wait_for(&["连接中断"]);
    s.press("n");
    s.press("断线备注\r");
    s.wait_for(&["已暂存本地", "1 条待同步"]);
    s.signal("KILL");
    s.wait_exit();
    assert_eq!(notes(&db), ["起点"]);
    relay.restore();
    let mut s = dashboard(&db, "zhang", "张三", &store);
    s.wait_for(&["上次运行未同步的 1 项修改已同步"]);
    assert_eq!(notes(&db), ["起点", "断线备注"]);
    assert_eq!(stored(&db).status, Status::Doing);
    quit(&mut s);
}
