//! Requirements added by hand survive `import --merge` of a revised document: kept with
//! their progress, listed in the change list and the notice, never archived.

use assert_cmd::Command;
use serde_json::Value;

use super::support::{SEED, revised_seed_md};

fn cmd(dir: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("duban").expect("binary built");
    for var in ["DUBAN_STATE", "DUBAN_TODAY", "DUBAN_LANG", "DUBAN_USER"] {
        cmd.env_remove(var);
    }
    cmd.env("COLUMNS", "100")
        .env("DUBAN_SETTINGS", "/nonexistent/duban-tests/settings.toml")
        .arg("--state")
        .arg(dir.join("state.json"))
        .args(["--today", "2021-09-20", "--user", "协调员"]);
    cmd
}

fn run(dir: &std::path::Path, args: &[&str]) -> String {
    let out = cmd(dir).args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn json(dir: &std::path::Path, args: &[&str]) -> Value {
    serde_json::from_str(&run(dir, args)).expect("JSON")
}

#[test]
fn a_revised_document_keeps_the_rows_added_by_hand() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    run(dir, &["import", SEED]);
    let item = json(dir, &["show", "1.1.1", "--json"]);
    let (category, item) = (
        item["category_name"].as_str().expect("name").to_string(),
        item["item"].as_str().expect("name").to_string(),
    );
    let added = run(
        dir,
        &[
            "add",
            "--category",
            &category,
            "--item",
            &item,
            "--text",
            "落实县长批示：公开专项资金",
            "--unit",
            "县财政局",
        ],
    );
    assert!(added.starts_with("已手工添加 1.1.7"), "{added}");
    run(dir, &["set", "1.1.7", "doing", "--note", "已布置"]);
    let revised = dir.join("revised.md");
    std::fs::write(&revised, revised_seed_md()).expect("write");

    let out = run(
        dir,
        &[
            "import",
            revised.to_str().expect("UTF-8"),
            "--merge",
            "--yes",
        ],
    );
    // The revision inserts one row and removes one in item 1.1: the hand row stays last.
    assert!(
        out.contains("手工添加 1 条（文件中没有，原样保留）："),
        "{out}"
    );
    assert!(
        out.contains("  = 1.1.7  落实县长批示：公开专项资金"),
        "{out}"
    );
    assert!(out.contains("保留手工添加1条"), "{out}");
    let row = json(dir, &["show", "1.1.7", "--json"]);
    assert_eq!(row["text"], "落实县长批示：公开专项资金");
    assert_eq!(
        (&row["status"], &row["by_hand"]),
        (&"doing".into(), &true.into())
    );
    assert_eq!(row["notes"][0]["text"], "已布置");
    let archived = json(dir, &["list", "--archived", "--json"]);
    let archived = archived.as_array().expect("array");
    assert_eq!(archived.len(), 1, "only the row the revision removed");
    assert_ne!(archived[0]["text"], "落实县长批示：公开专项资金");

    // Merged again with the same document: still kept, still once.
    run(
        dir,
        &[
            "import",
            revised.to_str().expect("UTF-8"),
            "--merge",
            "--yes",
        ],
    );
    let texts: Vec<Value> = (json(dir, &["list", "--json", "--search", "县长批示"]))
        .as_array()
        .expect("array")
        .iter()
        .map(|r| r["id"].clone())
        .collect();
    assert_eq!(texts, [Value::from("1.1.7")]);
}
