//! Several plans in the real binary (issue #20): a workspace made with the commands, the
//! dashboard opened in a pseudo-terminal, `}` switches to the second plan, `+` adds a
//! requirement to it; after quitting, the state file holds it in that plan and no other.

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

#[test]
fn switch_plans_and_add_a_requirement_by_hand() {
    let dir = tempfile::tempdir().expect("tempdir");
    let state = dir.path().join("state.json");
    let home = dir.path();
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

    let saved = std::fs::read_to_string(&state).expect("state file written");
    let json: serde_json::Value = serde_json::from_str(&saved).expect("state is JSON");
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
