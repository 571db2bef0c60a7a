//! `duban show`, `duban summary` and `--help`.

use predicates::prelude::*;

use super::support::{Env, bare};

#[test]
fn show_prints_the_requirement_in_full() {
    let env = Env::new();
    env.cmd()
        .args(["show", "2.2.4"])
        .assert()
        .success()
        .stdout(predicate::str::contains("依托政务服务中心和政府网站"))
        .stdout(predicate::str::contains("加强政策多样化解读"))
        .stdout(predicate::str::contains("2021-11-30"));
    let row = env.json(&["show", "2.2.4", "--json"]);
    assert_eq!(row["id"], "2.2.4");
    assert!(
        row["text"]
            .as_str()
            .expect("text")
            .starts_with("依托政务服务中心和政府网站")
    );
    assert_eq!(row["history"], serde_json::json!([]));
}

#[test]
fn show_unknown_id_exits_2() {
    let env = Env::new();
    env.cmd()
        .args(["show", "9.9.9"])
        .assert()
        .code(2)
        .stderr("duban: 本计划中没有要求 9.9.9\n");
    env.cmd()
        .args(["show", "1.x"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("duban: "));
}

// ---- summary ----

#[test]
fn summary_counts_the_plan() {
    let env = Env::new();
    env.cmd()
        .arg("summary")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "类别 6 个，事项 18 项，要求 35 条",
        ))
        .stdout(predicate::str::contains("今天 2021-09-20"))
        .stdout(predicate::str::contains("逾期 4"));
    let s = env.json(&["summary", "--json"]);
    assert_eq!(s["today"], "2021-09-20");
    assert_eq!(s["year"], 2021);
    assert_eq!(s["items"], 18);
    assert_eq!(s["requirements"], 35);
    assert_eq!(s["todo"], 35);
    assert_eq!(s["overdue"], 4);
    let cats = s["categories"].as_array().expect("categories");
    assert_eq!(cats.len(), 6);
    assert_eq!(cats[5]["requirements"], 4);
    let total: u64 = cats
        .iter()
        .map(|c| c["requirements"].as_u64().expect("n"))
        .sum();
    assert_eq!(total, 35);
}

#[test]
fn help_succeeds() {
    bare()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("summary"));
    bare()
        .args(["list", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--due-within"));
}
