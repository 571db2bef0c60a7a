//! `duban calendar`: one month as a Monday-first grid marking holidays (休), 调休 working days
//! (班), today and the days the plan's deadlines fall on, with those deadlines listed below.

use std::fmt::Write as _;

use chrono::{Datelike, Months, NaiveDate, Weekday};

use super::text::{pad, pad_left, truncate, width};
use crate::i18n::Lang;
use crate::plan::calendar::{Calendar, DayKind};
use crate::plan::{Plan, ReqId, Status};

/// Columns per day cell: `[`, two digits, the deadline flag, a two-column mark, `]`.
const CELL: usize = 7;

/// A month to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    pub fn of(day: NaiveDate) -> Month {
        Month {
            year: day.year(),
            month: day.month(),
        }
    }

    pub fn first(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month, 1)
    }

    pub fn last(self) -> Option<NaiveDate> {
        self.first()?.checked_add_months(Months::new(1))?.pred_opt()
    }
}

impl std::str::FromStr for Month {
    type Err = String;

    /// Strict `YYYY-MM`.
    fn from_str(s: &str) -> Result<Month, String> {
        let bad = || format!("not a valid month: {s:?} (expected YYYY-MM, e.g. 2024-10)");
        let (y, m) = s.trim().split_once('-').ok_or_else(bad)?;
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        if !digits(y) || y.len() != 4 || !digits(m) || m.len() != 2 {
            return Err(bad());
        }
        let month = Month {
            year: y.parse().map_err(|_| bad())?,
            month: m.parse().map_err(|_| bad())?,
        };
        month.last().map(|_| month).ok_or_else(bad)
    }
}

/// A deadline falling in the month: a dated milestone, or the end of a recurring period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthDeadline<'a> {
    pub day: NaiveDate,
    pub id: ReqId,
    pub text: &'a str,
    /// The plan's name, when the month spans several plans.
    pub plan: Option<&'a str>,
}

impl MonthDeadline<'_> {
    /// The id as listed: `NAME:1.1.1` when the month spans several plans.
    fn shown(&self) -> String {
        match self.plan {
            Some(name) => format!("{name}:{}", self.id),
            None => self.id.to_string(),
        }
    }
}

/// The deadlines of every plan in `plans` in `[first, last]`, by day, then plan after plan,
/// then id; each names its plan when there are several.
pub fn deadlines_across<'a>(
    plans: &[(&'a str, &'a Plan)],
    first: NaiveDate,
    last: NaiveDate,
    all: bool,
) -> Vec<MonthDeadline<'a>> {
    let several = plans.len() > 1;
    let mut out: Vec<MonthDeadline<'a>> = (plans.iter())
        .flat_map(|&(name, plan)| {
            (deadlines_in(plan, first, last, all).into_iter()).map(move |d| MonthDeadline {
                plan: several.then_some(name),
                ..d
            })
        })
        .collect();
    // Stable: within a day, plan order and each plan's id order are kept.
    out.sort_by_key(|d| d.day);
    out
}

/// The deadlines in `[first, last]`, by day then id; done requirements only with `all`.
pub fn deadlines_in(
    plan: &Plan,
    first: NaiveDate,
    last: NaiveDate,
    all: bool,
) -> Vec<MonthDeadline<'_>> {
    let mut out = Vec::new();
    for r in plan.requirements() {
        if r.status == Status::Done && !all {
            continue;
        }
        let period_end = r.deadline.kind.period_end(first);
        for day in r.deadline.milestones.iter().copied().chain(period_end) {
            if (first..=last).contains(&day) {
                out.push(MonthDeadline {
                    day,
                    id: r.id,
                    text: &r.text,
                    plan: None,
                });
            }
        }
    }
    out.sort_by_key(|d| (d.day, d.id));
    out.dedup_by_key(|d| (d.day, d.id));
    out
}

fn weekday_label(w: Weekday, lang: Lang) -> &'static str {
    let zh = ["一", "二", "三", "四", "五", "六", "日"];
    let en = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
    let i = w.num_days_from_monday() as usize;
    match lang {
        Lang::Zh => zh.get(i).copied().unwrap_or_default(),
        Lang::En => en.get(i).copied().unwrap_or_default(),
    }
}

fn title(month: Month, first: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}年{}月", month.year, month.month),
        Lang::En => first.format("%B %Y").to_string(),
    }
}

/// What kind of day a grid cell is (for colouring).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    Workday,
    Weekend,
    Holiday,
    /// A 调休 weekend working day.
    Adjusted,
}

/// What a day cell of the grid shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridCell {
    pub day: NaiveDate,
    /// `[ 1*休]`-style text, exactly [`CELL`] columns wide.
    pub text: String,
    pub kind: CellKind,
    pub today: bool,
    pub due: bool,
}

/// A month's grid, shared by `duban calendar` and the dashboard's agenda: the centred title,
/// the weekday row, and weeks of cells (the first week indented by `lead` columns).
#[derive(Debug, Clone)]
pub struct Grid {
    pub title: String,
    pub weekdays: String,
    pub weeks: Vec<(usize, Vec<GridCell>)>,
}

/// The grid of `month`, a `*` on the days in `due`; `None` outside chrono's range.
pub fn grid(
    cal: &Calendar,
    month: Month,
    today: NaiveDate,
    due: &[NaiveDate],
    lang: Lang,
) -> Option<Grid> {
    let (first, last) = (month.first()?, month.last()?);
    let head = title(month, first, lang);
    let title = format!(
        "{}{head}",
        " ".repeat((CELL * 7).saturating_sub(width(&head)) / 2)
    );
    let mut weekdays = String::new();
    for w in [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ] {
        weekdays.push(' ');
        weekdays.push_str(&pad(weekday_label(w, lang), CELL - 1));
    }
    let weekdays = weekdays.trim_end().to_string();
    let mut weeks = Vec::new();
    let mut lead = CELL * first.weekday().num_days_from_monday() as usize;
    let mut week = Vec::new();
    for day in first.iter_days().take_while(|d| *d <= last) {
        let kind = cal.day_kind(day);
        let mark = match kind {
            DayKind::Holiday(_) => "休",
            DayKind::AdjustedWorkday => "班",
            DayKind::Weekend | DayKind::Workday => "  ",
        };
        let is_due = due.contains(&day);
        let (l, r) = if day == today { ('[', ']') } else { (' ', ' ') };
        let flag = if is_due { '*' } else { ' ' };
        week.push(GridCell {
            day,
            text: format!("{l}{}{flag}{mark}{r}", pad_left(&day.day().to_string(), 2)),
            kind: match kind {
                DayKind::Holiday(_) => CellKind::Holiday,
                DayKind::AdjustedWorkday => CellKind::Adjusted,
                DayKind::Weekend => CellKind::Weekend,
                DayKind::Workday => CellKind::Workday,
            },
            today: day == today,
            due: is_due,
        });
        if day.weekday() == Weekday::Sun {
            weeks.push((lead, std::mem::take(&mut week)));
            lead = 0;
        }
    }
    if !week.is_empty() {
        weeks.push((lead, week));
    }
    Some(Grid {
        title,
        weekdays,
        weeks,
    })
}

/// The whole month view; `None` when the month is outside chrono's range.
pub fn month_view(
    plans: &[(&str, &Plan)],
    cal: &Calendar,
    month: Month,
    today: NaiveDate,
    all: bool,
    lang: Lang,
    cols: usize,
) -> Option<String> {
    let (first, last) = (month.first()?, month.last()?);
    let deadlines = deadlines_across(plans, first, last, all);
    let days: Vec<NaiveDate> = deadlines.iter().map(|d| d.day).collect();
    let grid = grid(cal, month, today, &days, lang)?;
    let mut out = String::new();
    let _ = writeln!(out, "{}", grid.title);
    let _ = writeln!(out, "{}", grid.weekdays);
    for (lead, week) in &grid.weeks {
        let mut line = " ".repeat(*lead);
        for cell in week {
            line.push_str(&cell.text);
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    out.push('\n');
    out.push_str(&month_notes(cal, first, last, &deadlines, lang, cols));
    Some(out)
}

/// Below the grid: the legend, the month's breaks and 调休 days, its working days, the
/// warning for a year without data, and the deadlines falling in it.
pub fn month_notes(
    cal: &Calendar,
    first: NaiveDate,
    last: NaiveDate,
    deadlines: &[MonthDeadline<'_>],
    lang: Lang,
    cols: usize,
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        lang.pick(
            "休 放假  班 调休上班  [ ] 今天  * 有任务到期",
            "休 holiday  班 adjusted working day  [ ] today  * deadline"
        )
    );
    notes(&mut out, cal, first, last, lang);
    deadline_list(&mut out, cal, deadlines, lang, cols);
    out
}

/// The month's breaks and 调休 days, its working-day count, and the warning for a year
/// without data.
fn notes(out: &mut String, cal: &Calendar, first: NaiveDate, last: NaiveDate, lang: Lang) {
    for h in cal
        .holidays()
        .iter()
        .filter(|h| h.first <= last && h.last >= first)
    {
        let _ = writeln!(
            out,
            "{} {} {} {} {}",
            lang.pick("休", "off"),
            h.name,
            h.first.format("%m-%d"),
            lang.pick("至", "to"),
            h.last.format("%m-%d")
        );
    }
    let adjusted: Vec<String> = first
        .iter_days()
        .take_while(|d| *d <= last)
        .filter(|d| cal.day_kind(*d) == DayKind::AdjustedWorkday)
        .map(|d| d.format("%m-%d").to_string())
        .collect();
    if !adjusted.is_empty() {
        let _ = writeln!(
            out,
            "{} {}",
            lang.pick("班 调休上班", "on  adjusted working day"),
            adjusted.join(lang.pick("、", ", "))
        );
    }
    if let Some(before) = first.pred_opt() {
        let n = cal.working_days_between(before, last);
        let _ = match lang {
            Lang::Zh => writeln!(out, "本月工作日 {n} 天"),
            Lang::En => writeln!(out, "{n} working days this month"),
        };
    }
    if let Some(warning) = cal.warning(first, last, lang) {
        let _ = writeln!(out, "{}: {warning}", lang.pick("注意", "warning"));
    }
}

fn deadline_list(
    out: &mut String,
    cal: &Calendar,
    deadlines: &[MonthDeadline<'_>],
    lang: Lang,
    cols: usize,
) {
    if deadlines.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            lang.pick("本月没有到期的任务", "No deadlines this month")
        );
        return;
    }
    let _ = writeln!(
        out,
        "\n{} ({})",
        lang.pick("本月到期", "Due this month"),
        deadlines.len()
    );
    let id_width = deadlines
        .iter()
        .map(|d| width(&d.shown()))
        .max()
        .unwrap_or(0);
    for d in deadlines {
        let mut head = format!(
            "  {} {}  {}  ",
            d.day.format("%m-%d"),
            weekday_label(d.day.weekday(), lang),
            pad(&d.shown(), id_width)
        );
        if !cal.is_working_day(d.day)
            && let Some(eff) = cal.effective_due(d.day)
        {
            let _ = write!(
                head,
                "{}{} ",
                lang.pick("节假日→", "off→"),
                eff.format("%m-%d")
            );
        }
        let text = super::text::one_line(d.text);
        let room = cols.saturating_sub(width(&head)).max(8);
        let _ = writeln!(out, "{head}{}", truncate(&text, room));
    }
}

#[cfg(test)]
mod tests;
