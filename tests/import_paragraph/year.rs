//! The year: the title, else the document's dates, else `--year`, else the import date —
//! for paragraph plans and tables alike; 年底前 then falls due on that year's 31 December.

use chrono::NaiveDate;
use duban::plan::import::{self, Options, YearHint};

use super::support::{options, read, req, today};

const NO_YEAR: &str = "某局重点工作安排\n1. 完成项目审批（牵头单位：办公室；完成时限：年底前）\n\
                       2. 全年开展培训（牵头单位：人事科；完成时限：全年）\n";

#[test]
fn from_the_title_then_the_issuing_date_then_dated_deadlines() {
    let (plan, _) =
        read("某局2023年工作要点\n1. 甲（牵头单位：办公室；完成时限：2025年6月底前）\n");
    assert_eq!((plan.year, plan.year_guessed), (2023, false));
    let (plan, reading) =
        read("某局工作要点\n某局办公室\n2022年12月30日\n1. 甲（牵头单位：办公室）\n");
    assert_eq!((plan.year, plan.year_guessed), (2022, false));
    // The date line is preamble: listed, not lost.
    assert!(reading.skipped.iter().any(|s| s.text == "2022年12月30日"));
    let (plan, _) = read("某局工作要点\n1. 甲（牵头单位：办公室；完成时限：2021年6月底前）\n");
    assert_eq!((plan.year, plan.year_guessed), (2021, false));
}

#[test]
fn without_one_the_import_date_and_year_end_deadlines_fall_due_then() {
    let (plan, _) = read(NO_YEAR);
    assert_eq!((plan.year, plan.year_guessed), (2024, true));
    let dec31 = NaiveDate::from_ymd_opt(2024, 12, 31);
    assert_eq!(req(&plan, "完成").due(today()), dec31);
    assert_eq!(req(&plan, "全年").due(today()), dec31);
}

#[test]
fn the_year_given_is_used_and_not_a_guess() {
    let given = Options {
        year: YearHint {
            given: Some(2026),
            ..options().year
        },
        ..options()
    };
    let plan = import::import_bytes_with(NO_YEAR.as_bytes(), "p.txt", &given).expect("imports");
    assert_eq!((plan.year, plan.year_guessed), (2026, false));
    assert_eq!(
        req(&plan, "完成").due(today()),
        NaiveDate::from_ymd_opt(2026, 12, 31)
    );
}

#[test]
fn a_table_without_a_year_is_imported_with_the_guessed_year() {
    let table =
        "某区政务公开工作要点\n\n\t公开任务\n\t具体要求\n\t完成时限\n\n\t甲\n\t要求\n\t年内\n";
    let plan = import::import_bytes_with(table.as_bytes(), "t.txt", &options()).expect("imports");
    assert_eq!((plan.year, plan.year_guessed), (2024, true));
    assert_eq!(
        plan.requirements().next().and_then(|r| r.due(today())),
        NaiveDate::from_ymd_opt(2024, 12, 31)
    );
    // A table with its year stays exactly as it was read before.
    let dated = table.replace("某区", "某区2021年");
    let before = import::import_bytes(dated.as_bytes(), "t.txt").expect("imports");
    let now = import::import_bytes_with(dated.as_bytes(), "t.txt", &options()).expect("imports");
    assert_eq!(before, now);
    assert!(!now.year_guessed);
    // The library without an import date still asks for the year.
    let e = import::import_bytes(table.as_bytes(), "t.txt").expect_err("no year");
    assert!(e.problem.contains("no year"), "{e}");
}
