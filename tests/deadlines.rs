//! The deadline phrasings offices write (issue #12), end to end: a plan of our own making is
//! imported and `list --json` reports each cell's kind, due date and parsed detail.

use std::fmt::Write as _;

use assert_cmd::Command;
use serde_json::{Value, json};

#[path = "common/deadline_cells.rs"]
mod deadline_cells;
use deadline_cells::CELLS;

fn duban(dir: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("duban").expect("binary built");
    // No acting user: history entries stay unsigned, whoever runs the tests.
    for var in [
        "DUBAN_STATE",
        "DUBAN_TODAY",
        "DUBAN_LANG",
        "DUBAN_USER",
        "USER",
        "LOGNAME",
        "USERNAME",
    ] {
        cmd.env_remove(var);
    }
    cmd.arg("--state")
        .arg(dir.join("state.json"))
        .args(["--today", "2024-06-10"]);
    cmd
}

fn imported() -> (tempfile::TempDir, Vec<Value>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut csv =
        String::from("某县2024年重点工作任务分解表\n序号,任务内容,具体要求,责任单位,完成时限\n");
    for (i, (cell, ..)) in CELLS.iter().enumerate() {
        writeln!(csv, "{},任务,要求{i},县政府办公室,{cell}", i + 1)
            .expect("a String takes any text");
    }
    let plan = dir.path().join("plan.csv");
    std::fs::write(&plan, csv).expect("write plan");
    duban(dir.path())
        .arg("import")
        .arg(&plan)
        .assert()
        .success();
    let out = duban(dir.path())
        .args(["list", "--json"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).expect("valid JSON");
    (dir, rows)
}

#[test]
fn every_phrasing_gets_its_kind_and_due_date() {
    let (_dir, rows) = imported();
    assert_eq!(rows.len(), CELLS.len());
    for (row, (cell, kind, due)) in rows.iter().zip(CELLS) {
        let d = &row["deadline"];
        assert_eq!(d["raw"], *cell);
        assert_eq!(d["kind"], kind, "{cell}");
        assert_eq!(d["due"], json!(due), "{cell}");
    }
}

#[test]
fn parsed_detail_is_in_the_json() {
    let (_dir, rows) = imported();
    let by_raw = |raw: &str| {
        rows.iter()
            .find(|r| r["deadline"]["raw"] == raw)
            .map(|r| r["deadline"].clone())
            .expect("row for the cell")
    };
    assert_eq!(
        by_raw("每月10日前")["day_of_period"],
        json!({"month": 1, "day": 10})
    );
    assert_eq!(
        by_raw("5个工作日内")["relative"],
        json!({"count": 5, "unit": "working_days"})
    );
    let range = by_raw("2024年5月至8月");
    assert_eq!(range["milestones"], json!(["2024-05-01", "2024-08-31"]));
    assert_eq!(range["range_starts"], json!(["2024-05-01"]));
    // Nothing extra where there is nothing to say.
    let plain = by_raw("2024年9月30日前");
    assert!(plain.get("range_starts").is_none() && plain.get("relative").is_none());
}
