//! 时限及要求: free-text Chinese deadline → structured deadline. Pure functions of the text,
//! the plan year and (for `due`/`days_left`) `today`.
//!
//! The text is normalised (full-width digits and dashes to ASCII, whitespace dropped), then
//! walked once; each phrasing has its reader:
//! - `normalise`: the text the readers see;
//! - `number`: 9, 09, 九, 十一, 二〇二一, 两;
//! - `dates`: one date — 2021年9月30日, 2021.9.30, 9月底, 9月上旬, 第三季度, 上半年, 年底,
//!   明年/次年/翌年, 7-9月;
//! - `holiday`: 元旦前, 国庆节前/后, 五一前 (lunar holidays are left unread);
//! - `recurrence`: 每月10日前, 每季度首月15日前, 每季度末, 每半年, 每年3月底前, and the
//!   cadence words (按月, 逐季 …);
//! - `relative`: 5个工作日内, 收到后3天内, 三年内;
//! - `scanner`: the walk — ranges (2024年5月至8月), starts (自…起), what was left unread;
//! - `due`: when a parsed deadline falls due for a given `today`;
//! - `report_to`: where to report (报送至…);
//! - `workday`: what the holiday calendar dates (春节前, 每月前5个工作日内), in
//!   [`Deadline::parse_with`].
//!
//! Precedence of the kind: named dates, then recurring words, then `unparsed` (the text names
//! a time that was not read), then relative, then ongoing words (长期坚持, 不定期检查, 及时公开),
//! else `none` (no time stated, or deferred: 按上级要求, 另行通知, 视情况).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

mod dates;
mod due;
mod holiday;
mod normalise;
mod number;
mod recurrence;
mod relative;
mod report_to;
mod scanner;
#[cfg(test)]
mod tests;
mod workday;

pub use due::month_end;
pub use recurrence::DayOfPeriod;
pub use relative::{Relative, RelativeUnit};

use normalise::{contains_any, normalise};
use recurrence::{Anchor, recurring_kind};
use report_to::report_target;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DeadlineKind {
    Date,
    Monthly,
    Quarterly,
    /// 每半年: due 06-30 and 12-31.
    Semiannual,
    Yearly,
    Ongoing,
    /// No time stated, or deferred (按上级要求, 另行通知).
    #[default]
    None,
    /// Counted from an event ("5个工作日内"): dated only once the event's date is known.
    Relative,
    /// The text names a time that duban could not read; never shown as "no deadline".
    Unparsed,
}

impl DeadlineKind {
    /// Kinds that repeat every period.
    pub fn is_recurring(self) -> bool {
        matches!(
            self,
            DeadlineKind::Monthly
                | DeadlineKind::Quarterly
                | DeadlineKind::Semiannual
                | DeadlineKind::Yearly
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Deadline {
    pub raw: String,
    pub kind: DeadlineKind,
    /// Every date the text names, ascending, deduplicated (a range's start included).
    pub milestones: Vec<NaiveDate>,
    /// The milestones that only open a range (2024年5月至8月: 05-01): shown, never due.
    pub range_starts: Vec<NaiveDate>,
    /// For recurring kinds, the day in each period it falls due (每月10日 → the 10th);
    /// `None`: the period's last day.
    pub day_of_period: Option<DayOfPeriod>,
    /// For `relative`: how long after the event (5个工作日内 → 5 working days).
    pub relative: Option<Relative>,
    /// Where to report (报送至…), e.g. "市政府办公室209室".
    pub report_to: Option<String>,
    /// For monthly duties due on a working day (每月前5个工作日内): each month's due day, for
    /// the years around the plan's that the holiday calendar covers.
    pub month_days: Vec<NaiveDate>,
    /// For `relative`: counted from the end of the first holiday break on or after the start
    /// date (节后3个工作日内).
    pub after_holiday: bool,
    /// A year the holiday calendar does not cover, which keeps the text unparsed.
    pub calendar_gap: Option<i32>,
}

/// Open-ended duties: no countdown. Weekly and daily duties land here as well, since a
/// month-end countdown would understate them and there is no shorter recurring kind.
const ONGOING: &str = "长期 持续 立即 及时 定期 常态 随时 经常 实时 每周 每星期 每日 每天";

impl Deadline {
    /// As [`Deadline::parse`], then dating what needs the holiday calendar (春节前,
    /// 每月前5个工作日内; see [`workday`]).
    pub fn parse_with(
        raw: &str,
        plan_year: i32,
        cal: &crate::plan::calendar::Calendar,
    ) -> Deadline {
        let mut deadline = Deadline::parse(raw, plan_year);
        workday::resolve(&mut deadline, &normalise(raw), plan_year, cal);
        deadline
    }

    pub fn parse(raw: &str, plan_year: i32) -> Deadline {
        let text = normalise(raw);
        let scan = scanner::scan(&text, plan_year);
        let mut deadline = Deadline {
            raw: raw.to_string(),
            report_to: report_target(raw),
            ..Deadline::default()
        };
        if !scan.dates.is_empty() {
            let mut starts = scan.range_starts;
            // A date that is also a deadline in its own right stays due.
            starts.retain(|d| !scan.dates.contains(d));
            starts.sort_unstable();
            starts.dedup();
            let mut milestones = scan.dates;
            milestones.extend(&starts);
            milestones.sort_unstable();
            milestones.dedup();
            deadline.kind = DeadlineKind::Date;
            deadline.milestones = milestones;
            deadline.range_starts = starts;
            return deadline;
        }
        // The words are looked for as substrings of the normalised text: one string and
        // `str::contains` rather than a char-by-char try at every position per word.
        let words: String = text.iter().collect();
        if let Some(kind) = recurring_kind(&words) {
            // The day comes from the first cadence of that kind written with 每.
            let anchor = scan.recurrences.iter().find(|(k, _)| *k == kind);
            match anchor.map(|(_, a)| *a) {
                Some(Anchor::Unreadable) => deadline.kind = DeadlineKind::Unparsed,
                Some(Anchor::Day(day)) => {
                    deadline.kind = kind;
                    deadline.day_of_period = Some(day);
                }
                Some(Anchor::End) | None => deadline.kind = kind,
            }
        } else if scan.unread {
            deadline.kind = DeadlineKind::Unparsed;
        } else if let Some(relative) = scan.relative {
            deadline.kind = DeadlineKind::Relative;
            deadline.relative = Some(relative);
        } else if contains_any(&words, ONGOING) {
            deadline.kind = DeadlineKind::Ongoing;
        }
        deadline
    }
}
