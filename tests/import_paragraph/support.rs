//! Reading a paragraph plan through the public API, and looking at what it gave.

use chrono::NaiveDate;
use duban::plan::import::{self, ImportError, Options, Reading, YearHint};
use duban::plan::{Levels, Plan, Requirement};

/// The import date the tests inject.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 4, 1).expect("valid date")
}

pub fn options() -> Options {
    Options {
        year: YearHint {
            given: None,
            today: Some(today()),
        },
        ..Options::default()
    }
}

pub fn read(text: &str) -> (Plan, Reading) {
    read_as(text.as_bytes(), "plan.txt")
}

pub fn read_as(bytes: &[u8], file: &str) -> (Plan, Reading) {
    import::read_bytes(bytes, file, &options()).unwrap_or_else(|e| panic!("imports: {e}"))
}

pub fn refused(text: &str) -> ImportError {
    import::read_bytes(text.as_bytes(), "plan.txt", &options()).expect_err("refused")
}

/// The tree as (category, item, requirement texts), names as the plan holds them.
pub fn tree(plan: &Plan) -> Vec<(String, String, Vec<String>)> {
    let mut out = Vec::new();
    for c in &plan.categories {
        for i in &c.items {
            let texts = i.requirements.iter().map(|r| r.text.clone()).collect();
            out.push((c.name.clone(), i.name.clone(), texts));
        }
    }
    out
}

pub fn req<'p>(plan: &'p Plan, text_start: &str) -> &'p Requirement {
    plan.requirements()
        .find(|r| r.text.starts_with(text_start))
        .unwrap_or_else(|| panic!("no requirement starting {text_start:?}"))
}

pub fn lead(r: &Requirement) -> Vec<&str> {
    r.units.lead.iter().map(|u| u.name.as_str()).collect()
}

pub fn cooperating(r: &Requirement) -> Vec<&str> {
    r.units
        .cooperating
        .iter()
        .map(|u| u.name.as_str())
        .collect()
}

pub fn skipped_lines(reading: &Reading) -> Vec<usize> {
    reading.skipped.iter().map(|s| s.line).collect()
}

/// Every requirement's id, as positional C.I.R.
pub fn ids(plan: &Plan) -> Vec<String> {
    plan.requirements().map(|r| r.id.to_string()).collect()
}

pub fn assert_levels(plan: &Plan, levels: Levels) {
    assert_eq!(plan.levels, levels, "{:#?}", tree(plan));
}
