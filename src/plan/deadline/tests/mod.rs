//! The deadline parser's tests: one per phrasing, grouped by reader, plus the seed pin and
//! property tests.

use chrono::NaiveDate;

use super::{DayOfPeriod, Deadline, DeadlineKind, RelativeUnit};

mod dated;
mod due;
mod holiday;
mod props;
mod ranges;
mod recurring;
mod relative;
mod report_to;
mod seed;
mod unparsed;

pub(super) fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

pub(super) fn p(raw: &str) -> Deadline {
    Deadline::parse(raw, 2021)
}

/// Asserts a dated deadline with exactly these milestones.
#[track_caller]
pub(super) fn dates(raw: &str, want: &[(i32, u32, u32)]) {
    let d = p(raw);
    let want: Vec<_> = want.iter().map(|&(y, m, dd)| ymd(y, m, dd)).collect();
    assert_eq!(d.kind, DeadlineKind::Date, "{raw}");
    assert_eq!(d.milestones, want, "{raw}");
}

#[track_caller]
pub(super) fn kind(raw: &str, want: DeadlineKind) {
    let d = p(raw);
    assert_eq!(d.kind, want, "{raw}");
    assert!(d.milestones.is_empty(), "{raw}: {:?}", d.milestones);
}

/// Asserts a relative deadline of `count` `unit`s.
#[track_caller]
pub(super) fn relative(raw: &str, count: u32, unit: RelativeUnit) {
    let d = p(raw);
    assert_eq!(d.kind, DeadlineKind::Relative, "{raw}");
    let r = d.relative.expect("a relative deadline keeps its count");
    assert_eq!((r.count, r.unit), (count, unit), "{raw}");
    assert!(d.milestones.is_empty(), "{raw}");
}
