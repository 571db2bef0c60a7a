//! 三色督办: the escalation colour of a requirement. Blue: due within a week; yellow: overdue
//! up to 15 days, or blocked; red: overdue longer, or (`red_after_reminders`, off by
//! default) chased that many times (催办). Thresholds come from an optional
//! `escalation.toml` so an office can match its own rules.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::count::Counting;
use super::model::{Requirement, Status};

/// Ordered by severity, so `max` picks the worse colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Escalation {
    #[default]
    None,
    Blue,
    Yellow,
    Red,
}

impl Escalation {
    /// The JSON code: `none`, `blue`, `yellow`, `red`.
    pub fn as_str(self) -> &'static str {
        match self {
            Escalation::None => "none",
            Escalation::Blue => "blue",
            Escalation::Yellow => "yellow",
            Escalation::Red => "red",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EscalationRules {
    /// Blue when due within this many days (today included).
    pub blue_within_days: i64,
    /// Red when overdue by more than this many days; yellow up to it.
    pub red_after_days: i64,
    /// Red once a requirement not done has had this many reminders (催办); 0 (the
    /// default) turns the rule off.
    pub red_after_reminders: u32,
}

impl Default for EscalationRules {
    fn default() -> Self {
        Self {
            blue_within_days: 7,
            red_after_days: 15,
            red_after_reminders: 0,
        }
    }
}

impl EscalationRules {
    /// Environment variable naming a rules file; it must exist when set.
    pub const ENV: &'static str = "DUBAN_ESCALATION";

    /// `$DUBAN_ESCALATION`, else `escalation.toml` in the config directory when present,
    /// else the defaults.
    pub fn load() -> Result<Self, String> {
        super::config_file::load(Self::ENV, "escalation.toml", Self::parse)
    }

    pub fn default_path() -> Option<PathBuf> {
        super::config_file::default_path("escalation.toml")
    }

    pub fn from_file(path: &Path) -> Result<Self, String> {
        super::config_file::from_file(path, Self::parse)
    }

    /// Missing keys keep their defaults; negative thresholds are rejected.
    pub fn parse(text: &str) -> Result<Self, String> {
        let rules: Self = toml::from_str(text).map_err(|e| e.message().to_string())?;
        if rules.blue_within_days < 0 || rules.red_after_days < 0 {
            return Err("thresholds must not be negative".into());
        }
        Ok(rules)
    }
}

/// The colour at `today`. Done is never escalated; blocked is at least yellow.
pub fn escalation(r: &Requirement, today: NaiveDate, rules: &EscalationRules) -> Escalation {
    escalation_by(r, today, rules, Counting::days())
}

/// [`escalation`] with the thresholds in the chosen count's days.
pub fn escalation_by(
    r: &Requirement,
    today: NaiveDate,
    rules: &EscalationRules,
    by: Counting<'_>,
) -> Escalation {
    if r.status == Status::Done {
        return Escalation::None;
    }
    let by_date = if r.is_overdue(today) {
        let late = r.days_late_by(today, by).unwrap_or(0);
        if late > rules.red_after_days {
            Escalation::Red
        } else {
            Escalation::Yellow
        }
    } else if r.is_due_within_by(today, rules.blue_within_days, by) {
        Escalation::Blue
    } else {
        Escalation::None
    };
    let chased =
        rules.red_after_reminders > 0 && r.reminders.len() >= rules.red_after_reminders as usize;
    if chased {
        Escalation::Red
    } else if r.status == Status::Blocked {
        by_date.max(Escalation::Yellow)
    } else {
        by_date
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::ReqId;

    fn date(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2021, m, d).expect("date")
    }

    fn req(deadline: &str) -> Requirement {
        Requirement::new(
            ReqId::new(1, 1, 1),
            "x".into(),
            "市财政局".into(),
            deadline.into(),
            2021,
        )
    }

    #[test]
    fn thresholds() {
        let r = req("2021年9月30日前完成。");
        let rules = EscalationRules::default();
        assert_eq!(escalation(&r, date(9, 1), &rules), Escalation::None);
        assert_eq!(escalation(&r, date(9, 22), &rules), Escalation::None);
        assert_eq!(escalation(&r, date(9, 23), &rules), Escalation::Blue);
        assert_eq!(escalation(&r, date(9, 30), &rules), Escalation::Blue);
        assert_eq!(escalation(&r, date(10, 1), &rules), Escalation::Yellow);
        assert_eq!(escalation(&r, date(10, 15), &rules), Escalation::Yellow);
        assert_eq!(escalation(&r, date(10, 16), &rules), Escalation::Red);
    }

    #[test]
    fn blocked_done_and_custom_rules() {
        let mut r = req("2021年9月30日前完成。");
        let now = date(9, 1).and_hms_opt(8, 0, 0).expect("time");
        r.set_status(Status::Blocked, now);
        assert_eq!(
            escalation(&r, date(9, 1), &EscalationRules::default()),
            Escalation::Yellow
        );
        assert_eq!(
            escalation(&r, date(12, 1), &EscalationRules::default()),
            Escalation::Red
        );
        r.set_status(Status::Done, now);
        assert_eq!(
            escalation(&r, date(12, 1), &EscalationRules::default()),
            Escalation::None
        );
        let r = req("2021年9月30日前完成。");
        let rules =
            EscalationRules::parse("blue_within_days = 3\nred_after_days = 5\n").expect("valid");
        assert_eq!(escalation(&r, date(9, 26), &rules), Escalation::None);
        assert_eq!(escalation(&r, date(9, 27), &rules), Escalation::Blue);
        assert_eq!(escalation(&r, date(10, 5), &rules), Escalation::Yellow);
        assert_eq!(escalation(&r, date(10, 6), &rules), Escalation::Red);
        assert_eq!(
            EscalationRules::parse("red_after_days = 30")
                .expect("valid")
                .blue_within_days,
            7
        );
        assert!(EscalationRules::parse("red_after = 3").is_err());
    }

    #[test]
    fn red_after_so_many_reminders_when_configured() {
        let mut r = req("2021年9月30日前完成。");
        let at = |d| {
            crate::plan::lifecycle::Stamp::new(date(9, d).and_hms_opt(8, 0, 0).expect("time"), None)
        };
        r.remind(None, None, None, &at(1)).expect("reminded");
        r.remind(None, None, None, &at(2)).expect("reminded");
        let off = EscalationRules::default();
        assert_eq!(
            escalation(&r, date(9, 2), &off),
            Escalation::None,
            "off by default"
        );
        let rules = EscalationRules::parse("red_after_reminders = 2").expect("valid");
        assert_eq!(escalation(&r, date(9, 2), &rules), Escalation::Red);
        let three = EscalationRules::parse("red_after_reminders = 3").expect("valid");
        assert_eq!(escalation(&r, date(9, 2), &three), Escalation::None);
        r.set_status(Status::Done, date(9, 3).and_hms_opt(8, 0, 0).expect("time"));
        assert_eq!(escalation(&r, date(9, 3), &rules), Escalation::None, "done");
        assert!(EscalationRules::parse("red_after_days = -1").is_err());
    }
}
