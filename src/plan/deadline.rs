//! 时限及要求: free-text Chinese deadline → structured deadline. Pure functions of the text,
//! the plan year and (for `due`/`days_left`) `today`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DeadlineKind {
    Date,
    Monthly,
    Quarterly,
    Yearly,
    Ongoing,
    #[default]
    None,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Deadline {
    pub raw: String,
    pub kind: DeadlineKind,
    /// Every date the text names, ascending, deduplicated.
    pub milestones: Vec<NaiveDate>,
    /// Where to report (报送至…), e.g. "市政府办公室209室".
    pub report_to: Option<String>,
}

impl Deadline {
    pub fn parse(raw: &str, plan_year: i32) -> Deadline {
        let _ = plan_year;
        Deadline { raw: raw.to_string(), ..Deadline::default() }
    }

    /// The next milestone on or after today, else the last one; for recurring kinds the end of
    /// the current period; `None` for ongoing/none.
    pub fn due(&self, today: NaiveDate) -> Option<NaiveDate> {
        let _ = today;
        None
    }

    /// `due - today` in days (negative when past).
    pub fn days_left(&self, today: NaiveDate) -> Option<i64> {
        self.due(today).map(|d| (d - today).num_days())
    }
}
