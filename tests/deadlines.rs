//! The deadline phrasings offices write (issue #12), end to end: a plan of our own making is
//! imported and `list --json` reports each cell's kind, due date and parsed detail.

use std::fmt::Write as _;

use assert_cmd::Command;
use serde_json::{Value, json};

/// (cell, kind, due on 2024-06-10).
const CELLS: [(&str, &str, Option<&str>); 26] = [
    ("2024年9月30日前", "date", Some("2024-09-30")),
    ("9月底前", "date", Some("2024-09-30")),
    ("次年1月底前", "date", Some("2025-01-31")),
    ("2024年5月至8月", "date", Some("2024-08-31")),
    ("7—9月", "date", Some("2024-09-30")),
    ("国庆节前", "date", Some("2024-10-01")),
    ("国庆节后", "date", Some("2024-10-08")),
    ("元旦前", "date", Some("2025-01-01")),
    ("五一前", "date", Some("2024-05-01")),
    ("每月10日前", "monthly", Some("2024-06-10")),
    ("每月15日前报送上月情况", "monthly", Some("2024-06-15")),
    ("每季度首月15日前", "quarterly", Some("2024-07-15")),
    ("每季度末", "quarterly", Some("2024-06-30")),
    ("每半年报送一次", "semiannual", Some("2024-06-30")),
    // The 2025 occurrence falls after the 2024 plan's period: its last one stands.
    ("每年3月底前", "yearly", Some("2024-03-31")),
    ("长期坚持", "ongoing", None),
    ("按上级要求", "none", None),
    ("另行通知", "none", None),
    ("5个工作日内", "relative", None),
    ("收到后7天内", "relative", None),
    ("2024年第五季度", "unparsed", None),
    ("9月32日", "unparsed", None),
    ("下半年适时", "unparsed", None),
    // By the holiday calendar (issue #15): the last working day before the break (02-10).
    ("春节前", "date", Some("2024-02-09")),
    // 端午 06-08..06-10: 06-11, 06-12, 06-13.
    ("端午节后3个工作日内", "date", Some("2024-06-13")),
    // June's 5th working day (06-07) has passed: July's.
    (
        "每月前5个工作日内报送上月情况",
        "monthly",
        Some("2024-07-05"),
    ),
];

fn duban(dir: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("duban").expect("binary built");
    for var in ["DUBAN_STATE", "DUBAN_TODAY", "DUBAN_LANG"] {
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
