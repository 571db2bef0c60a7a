//! `duban start ID DATE` / `--clear`, `import --start` and a 印发日期 the document states:
//! a relative deadline ("5个工作日内") is dated from the start date; bad input exits 2 and
//! leaves the state file alone; `import --merge` keeps a start date.

use std::fmt::Write as _;
use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

use super::support::{bare, read};

const TITLE: &str = "某县2024年重点工作任务分解表";
// 任务内容 without a category column: a two-level plan, whose ids are shown as C.R (1.1).
const HEADER: &str = "序号,任务内容,具体要求,责任单位,完成时限";

struct Plan {
    dir: tempfile::TempDir,
}

impl Plan {
    /// A 2024 plan (title year `year`) whose rows have these deadline cells, with an optional
    /// line between the title and the header.
    fn new(year: i32, preamble: Option<&str>, deadlines: &[&str]) -> Plan {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut csv = format!("{}\n", TITLE.replace("2024", &year.to_string()));
        if let Some(line) = preamble {
            csv.push_str(line);
            csv.push('\n');
        }
        csv.push_str(HEADER);
        csv.push('\n');
        for (i, d) in deadlines.iter().enumerate() {
            writeln!(csv, "{},任务,要求{i},县政府办公室,{d}", i + 1)
                .expect("a String takes any text");
        }
        std::fs::write(dir.path().join("plan.csv"), csv).expect("write plan");
        Plan { dir }
    }

    fn file(&self) -> PathBuf {
        self.dir.path().join("plan.csv")
    }

    fn state(&self) -> PathBuf {
        self.dir.path().join("state.json")
    }

    fn cmd(&self) -> Command {
        let mut cmd = bare();
        cmd.arg("--state")
            .arg(self.state())
            .args(["--today", "2024-09-27"]);
        cmd
    }

    fn import(&self, extra: &[&str]) {
        self.cmd()
            .arg("import")
            .arg(self.file())
            .args(extra)
            .assert()
            .success();
    }

    fn show(&self, id: &str) -> Value {
        let out = self
            .cmd()
            .args(["show", id, "--json"])
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("valid JSON")
    }
}

const CELLS: [&str; 2] = ["收到后5个工作日内报送", "2024年10月31日前"];

#[test]
fn start_dates_a_relative_deadline_across_national_day() {
    let plan = Plan::new(2024, None, &CELLS);
    plan.import(&[]);
    let row = plan.show("1.1.1");
    assert_eq!(row["deadline"]["kind"], "relative");
    assert_eq!(row["deadline"]["due"], Value::Null);
    assert_eq!(row["start"], Value::Null);
    // 09-29 (a Sunday worked), 09-30, then 国庆, 10-08, 10-09, 10-10.
    plan.cmd()
        .args(["start", "1.1.1", "2024-09-27"])
        .assert()
        .success()
        .stdout("1.1 交办日设为 2024-09-27\n时限“收到后5个工作日内报送”→ 2024-10-10\n");
    let row = plan.show("1.1.1");
    assert_eq!(row["start"], "2024-09-27");
    assert_eq!(row["deadline"]["due"], "2024-10-10");
    assert_eq!(row["days_left"], 13);
    assert_eq!(row["history"][0]["kind"], "start");
    assert_eq!(row["history"][0]["to"], "2024-09-27");
    plan.cmd()
        .args(["show", "1.1.1"])
        .assert()
        .success()
        .stdout(predicate::str::contains("交办日 2024-09-27"))
        .stdout(predicate::str::contains("到期 2024-10-10"));
    // A dated deadline is not moved by a start date.
    plan.cmd()
        .args(["--lang", "en", "start", "1.1.2", "2024年9月27日"])
        .assert()
        .success()
        .stdout("1.2 start date set to 2024-09-27\n");
    assert_eq!(plan.show("1.1.2")["deadline"]["due"], "2024-10-31");
}

#[test]
fn clear_undates_it_again_and_a_no_op_writes_nothing() {
    let plan = Plan::new(2024, None, &CELLS);
    plan.import(&[]);
    plan.cmd()
        .args(["start", "1.1.1", "2024-09-27"])
        .assert()
        .success();
    plan.cmd()
        .args(["start", "1.1.1", "--clear"])
        .assert()
        .success()
        .stdout("1.1 已取消交办日\n时限“收到后5个工作日内报送”待定：需交办日\n");
    let row = plan.show("1.1.1");
    assert_eq!(
        (&row["start"], &row["deadline"]["due"]),
        (&Value::Null, &Value::Null)
    );
    assert_eq!(row["history"].as_array().expect("history").len(), 2);
    let before = read(&plan.state());
    plan.cmd()
        .args(["start", "1.1.1", "--clear"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("1.1 没有交办日，未改变"));
    assert_eq!(read(&plan.state()), before);
}

#[test]
fn bad_input_exits_2_and_leaves_the_state_file_alone() {
    let plan = Plan::new(2024, None, &CELLS);
    plan.import(&[]);
    let before = read(&plan.state());
    for (args, message) in [
        (&["start", "1.1.1", "2024-02-30"][..], "not a valid date"),
        (&["start", "1.1.1", "下周一"], "not a valid date"),
        (
            &["start", "9.9.9", "2024-09-27"],
            "no requirement 9.9.9 in this plan",
        ),
        (&["start", "1.1.1"], "required"),
        (
            &["start", "1.1.1", "2024-09-27", "--clear"],
            "cannot be used with",
        ),
        (
            &["import", "plan.csv", "--start", "明天"],
            "not a valid date",
        ),
    ] {
        // Argument errors follow --lang; the messages asserted are the English ones.
        plan.cmd()
            .current_dir(plan.dir.path())
            .args(["--lang", "en"])
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(message));
        assert_eq!(read(&plan.state()), before, "{args:?}");
    }
}

#[test]
fn import_start_and_the_documents_date_give_every_requirement_a_start() {
    let plan = Plan::new(2024, None, &CELLS);
    plan.import(&["--start", "2024-09-27"]);
    assert_eq!(plan.show("1.1.1")["deadline"]["due"], "2024-10-10");
    assert_eq!(plan.show("1.1.2")["start"], "2024-09-27");
    // Stated above the table: 印发日期.
    let stated = Plan::new(2024, Some("印发日期：2024年9月27日"), &CELLS);
    stated.import(&[]);
    let row = stated.show("1.1.1");
    assert_eq!(
        (&row["start"], &row["deadline"]["due"]),
        (&"2024-09-27".into(), &"2024-10-10".into())
    );
    assert_eq!(
        row["history"],
        serde_json::json!([]),
        "part of the import, not a change"
    );
    // --start wins over the document's date.
    let over = Plan::new(2024, Some("印发日期：2024年9月27日"), &CELLS);
    over.import(&["--start", "2024-10-08"]);
    // 10-09, 10-10, 10-11, Saturday 10-12 (worked), 10-14.
    assert_eq!(over.show("1.1.1")["deadline"]["due"], "2024-10-14");
}

#[test]
fn a_merge_keeps_a_start_date() {
    let plan = Plan::new(2024, None, &CELLS);
    plan.import(&[]);
    plan.cmd()
        .args(["start", "1.1.1", "2024-09-27"])
        .assert()
        .success();
    plan.import(&["--merge", "-y"]);
    let row = plan.show("1.1.1");
    assert_eq!(row["start"], "2024-09-27");
    assert_eq!(row["deadline"]["due"], "2024-10-10");
}

#[test]
fn a_year_without_calendar_data_stays_unparsed_with_a_warning() {
    let plan = Plan::new(2030, None, &["春节前", "每月前5个工作日内报送"]);
    plan.import(&[]);
    for id in ["1.1.1", "1.1.2"] {
        let row = plan.show(id);
        assert_eq!(row["deadline"]["kind"], "unparsed", "{id}");
        assert_eq!(row["deadline"]["calendar_gap"], 2030, "{id}");
        assert_eq!(row["deadline"]["due"], Value::Null, "{id}");
    }
    plan.cmd()
        .args(["show", "1.1.1"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "2030年节假日安排未录入，无法按工作日推算时限",
        ))
        .stdout(predicate::str::contains("春节前"));
}

#[test]
fn a_start_column_gives_each_row_its_own_and_an_unreadable_cell_is_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let csv = format!(
        "{TITLE}\n印发日期：2024年9月20日\n序号,具体要求,责任单位,完成时限,交办日期\n\
         1,要求甲,县政府办公室,5个工作日内,2024-09-27\n\
         2,要求乙,县政府办公室,5个工作日内,\n\
         3,要求丙,县政府办公室,5个工作日内,国庆节后\n"
    );
    let file = dir.path().join("plan.csv");
    std::fs::write(&file, csv).expect("write plan");
    let plan = Plan { dir };
    plan.cmd().arg("import").arg(&file).assert().success();
    assert_eq!(plan.show("1.1.1")["start"], "2024-09-27");
    assert_eq!(plan.show("1.1.1")["deadline"]["due"], "2024-10-10");
    // An empty cell: the document's 印发日期 (Friday 09-20: 09-23..09-27).
    assert_eq!(plan.show("1.1.2")["start"], "2024-09-20");
    assert_eq!(plan.show("1.1.2")["deadline"]["due"], "2024-09-27");
    // Not a date: kept as written, and the document's date applies.
    let row = plan.show("1.1.3");
    assert_eq!(row["start"], "2024-09-20");
    assert_eq!(row["extra"][0]["name"], "交办日期");
    assert_eq!(row["extra"][0]["value"], "国庆节后");
}

#[test]
fn the_users_holiday_file_dates_deadlines_too() {
    // 2027 is not built in: a user file adds its 春节 (02-05..02-12), and 春节前 is dated by
    // it in every command, not only in countdowns.
    let plan = Plan::new(2027, None, &["春节前"]);
    let holidays = plan.dir.path().join("holidays.toml");
    std::fs::write(
        &holidays,
        "[2027]\nsource = \"test\"\nholidays = [{ name = \"春节\", from = \"2027-02-05\", to = \
         \"2027-02-12\" }]\nworkdays = []\n",
    )
    .expect("write holidays");
    plan.import(&[]);
    assert_eq!(plan.show("1.1.1")["deadline"]["kind"], "unparsed");
    let out = plan
        .cmd()
        .env("DUBAN_HOLIDAYS", &holidays)
        .args(["show", "1.1.1", "--json"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let row: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(row["deadline"]["kind"], "date");
    // The last working day before the break: Thursday 02-04.
    assert_eq!(row["deadline"]["due"], "2027-02-04");
}
