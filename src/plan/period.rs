//! The plan's period (计划期): the span of dates a plan covers. A plan's year unless the
//! document or `import --period` says otherwise. Recurring duties stop at its end, and once
//! today is past it, the plan has ended: counts and countdowns read as facts at that end.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Period {
    pub start: NaiveDate,
    /// The last day of the plan, included.
    pub end: NaiveDate,
}

impl Period {
    /// 1 January to 31 December of `year` (clamped to the dates chrono can represent).
    pub fn year(year: i32) -> Period {
        Period {
            start: NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN),
            end: NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX),
        }
    }

    /// The year, when the period is exactly one calendar year.
    pub fn calendar_year(&self) -> Option<i32> {
        (*self == Period::year(self.start.year())).then_some(self.start.year())
    }

    /// Today is after the last day: the plan is over.
    pub fn has_ended(&self, today: NaiveDate) -> bool {
        today > self.end
    }

    /// `2021年度` / `2024-03-01至2025-02-28`, for the header and `summary`.
    pub fn label(&self, lang: Lang) -> String {
        match (self.calendar_year(), lang) {
            (Some(y), Lang::Zh) => format!("{y}年度"),
            (Some(y), Lang::En) => y.to_string(),
            (None, Lang::Zh) => format!("{}至{}", self.start, self.end),
            (None, Lang::En) => format!("{} to {}", self.start, self.end),
        }
    }

    /// `2021年度计划已结束，未完成 3 项`: what the header and `summary` say once the plan is over.
    pub fn ended_banner(&self, lang: Lang, unfinished: usize) -> String {
        let label = self.label(lang);
        match lang {
            Lang::Zh if self.calendar_year().is_some() => {
                format!("{label}计划已结束，未完成 {unfinished} 项")
            }
            Lang::Zh => format!("计划期（{label}）已结束，未完成 {unfinished} 项"),
            Lang::En => format!("the {label} plan has ended; {unfinished} unfinished"),
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.calendar_year() {
            Some(y) => write!(f, "{y}"),
            None => write!(f, "{}..{}", self.start, self.end),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid period `{0}` (expected a year like 2024, or START..END like 2024-03-01..2025-02-28, \
     with END not before START)"
)]
pub struct ParsePeriodError(pub String);

/// `2024`, or `2024-03-01..2025-02-28` (each end also as `2024年3月1日`).
impl FromStr for Period {
    type Err = ParsePeriodError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || ParsePeriodError(s.to_string());
        let s = s.trim();
        let period = match s.split_once("..") {
            None => {
                let year = s.strip_suffix('年').unwrap_or(s);
                if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(err());
                }
                Period::year(year.parse().map_err(|_| err())?)
            }
            Some((start, end)) => Period {
                start: parse_day(start).ok_or_else(err)?,
                end: parse_day(end).ok_or_else(err)?,
            },
        };
        if period.end < period.start {
            return Err(err());
        }
        Ok(period)
    }
}

/// A day as `YYYY-MM-DD` or `YYYY年M月D日`: what `duban due`, the dashboard's deadline prompt
/// and `--period` accept.
pub fn parse_day(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%Y年%m月%d日"))
        .ok()
        // A four-digit year only: `21-9-30` is no date anyone wrote on purpose.
        .filter(|d| s.split(['-', '年']).next().is_some_and(|y| y.len() == 4) && d.year() > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn parses_a_year_and_a_range() {
        assert_eq!("2024".parse(), Ok(Period::year(2024)));
        assert_eq!("2024年".parse(), Ok(Period::year(2024)));
        let p: Period = "2024-03-01..2025年2月28日".parse().expect("valid");
        assert_eq!((p.start, p.end), (date(2024, 3, 1), date(2025, 2, 28)));
        assert_eq!(p.calendar_year(), None);
        assert_eq!(p.to_string(), "2024-03-01..2025-02-28");
        assert_eq!(Period::year(2021).to_string(), "2021");
        for bad in [
            "",
            "24",
            "2024-13-01..2025-01-01",
            "2025-01-01..2024-01-01",
            "2024..",
            "abc",
        ] {
            assert!(bad.parse::<Period>().is_err(), "{bad}");
        }
    }

    #[test]
    fn days_in_both_notations() {
        assert_eq!(parse_day("2021-09-30"), Some(date(2021, 9, 30)));
        assert_eq!(parse_day(" 2021年9月30日 "), Some(date(2021, 9, 30)));
        for bad in ["2021-02-30", "21-9-30", "2021/9/30", "9月30日", ""] {
            assert_eq!(parse_day(bad), None, "{bad}");
        }
    }

    #[test]
    fn ended_banner_and_end_word() {
        let y = Period::year(2021);
        assert!(y.has_ended(date(2022, 1, 1)));
        assert!(!y.has_ended(date(2021, 12, 31)));
        assert_eq!(
            y.ended_banner(Lang::Zh, 3),
            "2021年度计划已结束，未完成 3 项"
        );
        assert_eq!(
            y.ended_banner(Lang::En, 3),
            "the 2021 plan has ended; 3 unfinished"
        );
        let p: Period = "2024-03-01..2025-02-28".parse().expect("valid");
        assert_eq!(
            p.ended_banner(Lang::Zh, 1),
            "计划期（2024-03-01至2025-02-28）已结束，未完成 1 项"
        );
    }
}
