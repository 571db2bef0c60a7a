//! The words of counting: countdowns by the chosen count (natural or working days), the
//! holiday mark, and the calendar's warning for years without holiday data. The counting
//! itself is [`crate::plan::count`] and [`crate::plan::calendar`].

use chrono::NaiveDate;

use super::Lang;
use crate::plan::calendar::Calendar;
use crate::plan::count::{Count, Counting, effective_if_off};
use crate::plan::{Requirement, Status};

impl Count {
    /// `自然日` / `工作日`, for the status line after switching.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Count::Days => lang.pick("按自然日计", "counting natural days"),
            Count::Workdays => lang.pick("按工作日计", "counting working days"),
        }
    }
}

impl Counting<'_> {
    /// The calendar's warning when this count depends on a year without holiday data; natural
    /// days depend on no calendar.
    pub fn warning(self, from: NaiveDate, to: NaiveDate, lang: Lang) -> Option<String> {
        self.workdays()
            .then(|| self.cal.warning(from, to, lang))
            .flatten()
    }

    /// The calendar's warning as a footer line (`注意：2027年节假日安排未录入…\n`) when the
    /// countdowns of `reqs` depend on a year without holiday data; empty otherwise.
    pub fn footer<'r>(
        self,
        today: NaiveDate,
        reqs: impl IntoIterator<Item = &'r Requirement>,
        lang: Lang,
    ) -> String {
        let last = reqs
            .into_iter()
            .filter(|r| r.status != Status::Done)
            .filter_map(|r| r.due(today))
            .max();
        match last.and_then(|last| self.warning(today, last, lang)) {
            Some(w) => format!("\n{}{w}\n", lang.pick("注意：", "note: ")),
            None => String::new(),
        }
    }

    /// A count as `剩12天` / `剩3个工作日` / `逾期2个工作日`. `overdue` tells a deadline
    /// already passed from one due today when no working day lies between (a deadline on a
    /// Saturday, read on the Sunday).
    pub fn left_text(self, left: i64, overdue: bool, lang: Lang) -> String {
        if !self.workdays() {
            return lang.days(left);
        }
        match (lang, left) {
            (Lang::Zh, 0) if overdue => "已逾期".into(),
            (Lang::En, 0) if overdue => "overdue".into(),
            (Lang::Zh, d) if d < 0 => format!("逾期{}个工作日", -d),
            (Lang::En, d) if d < 0 => format!("{} workdays overdue", -d),
            (Lang::Zh, d) => format!("剩{d}个工作日"),
            (Lang::En, 1) => "1 workday left".into(),
            (Lang::En, d) => format!("{d} workdays left"),
        }
    }
}

/// `节假日` / `holiday`: the mark beside a countdown whose due date is a day off.
pub fn off_day_mark(lang: Lang) -> &'static str {
    lang.pick("节假日", "holiday")
}

/// `countdown` with `节假日` added when `r` is due on a day off (working-day counting only).
pub fn marked(
    countdown: String,
    r: &Requirement,
    today: NaiveDate,
    by: Counting<'_>,
    lang: Lang,
) -> String {
    match effective_if_off(r, today, by) {
        Some(_) if !countdown.is_empty() => format!("{countdown} {}", off_day_mark(lang)),
        _ => countdown,
    }
}

/// `节假日，实际2024-09-30前` / `holiday; due 2024-09-30`: a deadline on a day off and its
/// effective date.
pub fn off_day_text(effective: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("节假日，实际{}前", effective.format("%Y-%m-%d")),
        Lang::En => format!("holiday; effectively {}", effective.format("%Y-%m-%d")),
    }
}

impl Requirement {
    /// The countdown by `by`, or `None` without a due date: overdue ones count late days.
    pub fn left_text(&self, today: NaiveDate, by: Counting<'_>, lang: Lang) -> Option<String> {
        let overdue = self.is_overdue(today);
        let left = if overdue {
            -self.days_late_by(today, by)?
        } else {
            self.left(today, by)?
        };
        Some(by.left_text(left, overdue, lang))
    }
}

impl Calendar {
    /// "2027年节假日安排未录入，按周一至周五计算" when a count between `from` and `to`
    /// relies on a year without a table; `None` when every year is covered.
    pub fn warning(&self, from: NaiveDate, to: NaiveDate, lang: Lang) -> Option<String> {
        let runs = self.uncovered(from, to);
        if runs.is_empty() {
            return None;
        }
        let years: Vec<String> = runs
            .iter()
            .map(|&(a, b)| {
                if a == b {
                    a.to_string()
                } else {
                    format!("{a}–{b}")
                }
            })
            .collect();
        Some(match lang {
            Lang::Zh => format!("{}年节假日安排未录入，按周一至周五计算", years.join("、")),
            Lang::En => format!(
                "no holiday schedule for {}; counting Monday to Friday",
                years.join(", ")
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    fn req(text: &str) -> Requirement {
        Requirement::new(
            crate::plan::ReqId::new(1, 1, 1),
            "报送材料".into(),
            "市政府办公室".into(),
            text.into(),
            2024,
        )
    }

    #[test]
    fn national_day_2024_counts_two_working_days() {
        let r = req("2024年10月8日前");
        let today = date(2024, 9, 29);
        let work = Counting::new(Count::Workdays, Calendar::builtin());
        assert_eq!(r.left(today, Counting::days()), Some(9));
        assert_eq!(r.left(today, work), Some(2));
        assert!(r.is_due_within_by(today, 7, work));
        assert!(!r.is_due_within_by(today, 7, Counting::days()));
        assert_eq!(
            r.left_text(today, work, Lang::Zh).as_deref(),
            Some("剩2个工作日")
        );
        assert_eq!(
            r.left_text(today, work, Lang::En).as_deref(),
            Some("2 workdays left")
        );
        assert_eq!(
            r.left_text(today, Counting::days(), Lang::Zh).as_deref(),
            Some("剩9天")
        );
    }

    #[test]
    fn overdue_in_working_days_and_over_a_weekend() {
        let work = Counting::new(Count::Workdays, Calendar::builtin());
        // Due Friday 2024-09-20; the Tuesday after is 2 working days late.
        let r = req("2024年9月20日前");
        assert_eq!(
            r.left_text(date(2024, 9, 24), work, Lang::Zh).as_deref(),
            Some("逾期2个工作日")
        );
        // Due Saturday 2024-09-21, read on the Sunday: late, though no working day passed.
        let sat = req("2024年9月21日前");
        assert_eq!(
            sat.left_text(date(2024, 9, 22), work, Lang::Zh).as_deref(),
            Some("已逾期")
        );
    }

    #[test]
    fn uncovered_years_warn_only_when_counting_working_days() {
        let work = Counting::new(Count::Workdays, Calendar::builtin());
        let (from, to) = (date(2026, 12, 20), date(2027, 1, 10));
        assert!(
            work.warning(from, to, Lang::Zh)
                .is_some_and(|w| w.contains("2027年"))
        );
        assert_eq!(Counting::days().warning(from, to, Lang::Zh), None);
    }

    #[test]
    fn a_year_without_data_says_so() {
        let d = date;
        let cal = Calendar::builtin;
        assert_eq!(
            cal()
                .warning(d(2026, 12, 31), d(2027, 1, 8), Lang::Zh)
                .as_deref(),
            Some("2027年节假日安排未录入，按周一至周五计算")
        );
        assert_eq!(
            cal()
                .warning(d(2027, 1, 8), d(2024, 1, 1), Lang::En)
                .as_deref(),
            Some("no holiday schedule for 2027; counting Monday to Friday")
        );
        assert_eq!(
            cal()
                .warning(d(2017, 1, 1), d(2030, 1, 1), Lang::Zh)
                .as_deref(),
            Some("2017–2018、2027–2030年节假日安排未录入，按周一至周五计算")
        );
        assert_eq!(
            cal().warning(d(2024, 1, 1), d(2026, 12, 31), Lang::Zh),
            None
        );
    }
}
