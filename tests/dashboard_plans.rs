//! Several plans in the real binary (issue #20): a workspace made with the commands, the
//! dashboard opened in a pseudo-terminal, `}` switches to the second plan, `+` adds a
//! requirement to it; after quitting, the state file holds it in that plan and no other. And
//! 全部: `{` from the first plan reaches it, and a requirement of the second plan is marked
//! done there, saved in that plan alone.

#[path = "common/pty.rs"]
mod pty;

use std::path::Path;
use std::process::Command;

use pty::Session;

fn duban(state: &Path, home: &Path, args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_duban"))
        .args(["--today", "2021-09-20", "--state"])
        .arg(state)
        .args(args)
        .env("XDG_CONFIG_HOME", home)
        .env("HOME", home)
        .output()
        .expect("run duban");
    assert!(
        out.status.success(),
        "duban {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A workspace of the seed (`要点`) and a plan of one requirement added by hand (`批示件`).
fn workspace(dir: &Path) -> std::path::PathBuf {
    let state = dir.join("state.json");
    let home = dir;
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/yongji-2021-plan.txt");
    duban(&state, home, &["import", seed, "--as", "要点"]);
    duban(
        &state,
        home,
        &["plans", "new", "批示件", "--title", "领导批示件办理"],
    );
    duban(
        &state,
        home,
        &[
            "add",
            "--plan",
            "批示件",
            "--text",
            "抓紧落实考核整改",
            "--unit",
            "市发改局",
        ],
    );
    state
}

/// The state file after the dashboard quit: its text and its JSON.
fn saved(state: &Path) -> (String, serde_json::Value) {
    let saved = std::fs::read_to_string(state).expect("state file written");
    let json = serde_json::from_str(&saved).expect("state is JSON");
    (saved, json)
}

#[test]
fn switch_plans_and_add_a_requirement_by_hand() {
    let dir = tempfile::tempdir().expect("tempdir");
    let home = dir.path();
    let state = workspace(home);
    let mut s = Session::start(&state, home, &[]);
    s.wait_for(&["要点 0/35", "批示件 0/1", "{} 计划"]);
    s.press("}");
    s.wait_for(&["计划：批示件（2/2）", "领导批示件办理", "抓紧落实考核整改"]);
    s.press("+");
    s.wait_for(&["新要求内容"]);
    s.press("督促报送整改台账\r");
    s.wait_for(&["责任单位（可空）"]);
    s.press("市司法局\r");
    s.wait_for(&["时限（可空）"]);
    s.press("2021年10月底前\r");
    s.wait_for(&["已手工添加 2", "批示件 0/2", "督促报送整改台账"]);
    s.press("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");

    let (saved, json) = saved(&state);
    let plans = json["plans"].as_array().expect("plans");
    assert_eq!(plans.len(), 2);
    assert_eq!(plans[1]["name"], "批示件");
    let texts: Vec<&str> = plans[1]["plan"]["categories"][0]["items"][0]["requirements"]
        .as_array()
        .expect("requirements")
        .iter()
        .filter_map(|r| r["text"].as_str())
        .collect();
    assert_eq!(texts, ["抓紧落实考核整改", "督促报送整改台账"]);
    assert_eq!(
        saved.matches("督促报送整改台账").count(),
        1,
        "added to one plan only"
    );
}

#[test]
fn mark_a_requirement_of_the_second_plan_in_all_plans() {
    let dir = tempfile::tempdir().expect("tempdir");
    let home = dir.path();
    let state = workspace(home);
    let mut s = Session::start(&state, home, &[]);
    s.wait_for(&["要点 0/35", "批示件 0/1", "全部 0/36"]);
    s.press("{");
    s.wait_for(&["计划：全部", "▾ 要点", "▾ 批示件"]);
    // To the categories pane, its last row: 批示件's one category.
    s.press("\x1b[Z");
    s.press("G");
    s.wait_for(&["批示件 · 1", "抓紧落实考核整改", "详情 批示件:1"]);
    s.press("l");
    s.press(" ");
    s.press("\r");
    s.wait_for(&["批示件 1/1", "全部 1/36"]);
    s.press("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");

    let (_, json) = saved(&state);
    let plans = json["plans"].as_array().expect("plans");
    let statuses = |p: usize| -> Vec<String> {
        let mut out = Vec::new();
        for c in plans[p]["plan"]["categories"]
            .as_array()
            .expect("categories")
        {
            for i in c["items"].as_array().expect("items") {
                for r in i["requirements"].as_array().expect("requirements") {
                    out.push(r["status"].as_str().unwrap_or("todo").to_string());
                }
            }
        }
        out
    };
    assert_eq!(
        statuses(1),
        ["done"],
        "the second plan's requirement is done"
    );
    assert!(
        statuses(0).iter().all(|s| s == "todo"),
        "the first plan untouched: {:?}",
        statuses(0)
    );
}

#[test]
fn one_unit_in_every_plan_and_an_edit_of_its_row() {
    let dir = tempfile::tempdir().expect("tempdir");
    let home = dir.path();
    let state = workspace(home);
    let mut s = Session::start(&state, home, &[]);
    s.wait_for(&["全部 0/36"]);
    s.press("{");
    s.wait_for(&["计划：全部"]);
    // The units view over both plans, narrowed to the one unit of 批示件's requirement.
    s.press("w");
    s.wait_for(&["全部 · 单位"]);
    s.press("/");
    s.press("市发改局");
    s.press("\r");
    s.wait_for(&["2项 [搜:市发改局]", "市发改局   "]);
    s.press("\r");
    s.wait_for(&["要点 · 牵头 (1)", "批示件 · 牵头 (1)", "抓紧落实考核整改"]);
    s.press("G");
    s.press("s");
    s.wait_for(&["批示件:1 未开始 -> 推进中"]);
    s.press("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    let (_, json) = saved(&state);
    let plans = json["plans"].as_array().expect("plans");
    let first = &plans[1]["plan"]["categories"][0]["items"][0]["requirements"][0];
    assert_eq!(first["status"], "doing");
    assert!(
        !json["plans"][0].to_string().contains("\"doing\""),
        "要点 untouched"
    );
}
