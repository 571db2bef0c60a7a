//! The working-day calendar: the State Council's yearly holidays (放假) and adjusted working
//! days (调休上班) as data, and the arithmetic Chinese deadlines are counted in.
//!
//! The built-in years come from `assets/holidays.toml`; a user file adds or replaces years
//! ([`Calendar::load`]). A day of a year without a table counts Monday to Friday, and every answer that
//! depends on such a year can say so ([`Calendar::warning`]). Everything here is a pure
//! function of its arguments: no clock, no panics, `None` where chrono's range ends.

mod data;
mod workdays;

#[cfg(test)]
mod props;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Weekday};

pub use data::{CalendarError, HOLIDAYS_ENV, user_holidays_path};

/// The embedded table, parsed once: it is part of the binary, so a failure is a build bug
/// that the tests catch; the fallback is an empty calendar rather than a panic.
const BUILTIN: &str = include_str!("../../../assets/holidays.toml");

/// One break from a notice: 春节 2026-02-15..=2026-02-23.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holiday {
    /// As the notice names it: `春节`, or `国庆节、中秋节` for a joined break.
    pub name: String,
    pub first: NaiveDate,
    pub last: NaiveDate,
    /// The year whose notice declares it (2023's 元旦 begins 2022-12-31).
    pub year: i32,
}

impl Holiday {
    pub fn contains(&self, day: NaiveDate) -> bool {
        (self.first..=self.last).contains(&day)
    }

    /// Whether the break is (or includes) the festival `name`: `中秋节` matches
    /// `国庆节、中秋节`.
    pub fn is(&self, name: &str) -> bool {
        self.name.split('、').any(|part| part == name)
    }
}

/// What a day is, for display.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayKind<'a> {
    /// Off under a notice (休), weekends inside a break included.
    Holiday(&'a Holiday),
    /// A weekend day made a working day (班).
    AdjustedWorkday,
    Weekend,
    Workday,
}

/// A day a notice names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Special {
    /// Index into `Calendar::holidays`.
    Off(usize),
    On,
}

#[derive(Debug, Clone, Default)]
pub struct Calendar {
    /// The years with a table.
    years: BTreeSet<i32>,
    /// Sorted by first day; never overlapping.
    holidays: Vec<Holiday>,
    days: BTreeMap<NaiveDate, Special>,
    /// How many `Off` days fall Monday–Friday (bounds the arithmetic's search).
    weekday_holidays: i64,
}

/// The calendar the process counts in: the user's, once `main` installs it, else the
/// built-in one. Deadlines are derived in many places (loading, journal replay, merges), so the
/// calendar is process configuration, set once before any plan is read, not a parameter of
/// each of them.
static ACTIVE: OnceLock<Calendar> = OnceLock::new();

impl Calendar {
    /// Makes `cal` the calendar [`Calendar::active`] returns; false (and nothing changed) when
    /// one was installed already.
    pub fn install(cal: Calendar) -> bool {
        ACTIVE.set(cal).is_ok()
    }

    /// The installed calendar (the user's holidays.toml on top of the built-in years), else
    /// the built-in one.
    pub fn active() -> &'static Calendar {
        ACTIVE.get().unwrap_or_else(|| Calendar::builtin())
    }

    /// The embedded 2019–2026 calendar.
    pub fn builtin() -> &'static Calendar {
        static CELL: OnceLock<Calendar> = OnceLock::new();
        CELL.get_or_init(|| {
            data::parse_tables("holidays.toml (built in)", BUILTIN)
                .and_then(|tables| Calendar::from_tables(tables, "holidays.toml (built in)"))
                .unwrap_or_default()
        })
    }

    /// A calendar of the given year tables (validated by [`data`]).
    fn from_tables(
        tables: BTreeMap<i32, data::YearTable>,
        origin: &str,
    ) -> Result<Self, CalendarError> {
        let mut cal = Calendar::default();
        // Who declared each day (year, line, from the user's file), to name a collision
        // between two years' tables (a notice's 元旦 may begin in the December before).
        let mut claims: BTreeMap<NaiveDate, (i32, usize, bool)> = BTreeMap::new();
        let mut claim = |day: NaiveDate, by: (i32, usize, bool)| match claims.insert(day, by) {
            None => Ok(()),
            Some(other) => {
                let line = [by, other].iter().find(|c| c.2).map_or(0, |c| c.1);
                Err(CalendarError::new(
                    origin,
                    line,
                    format!("{day} is in both the [{}] and [{}] tables", other.0, by.0),
                ))
            }
        };
        let mut breaks: Vec<(Holiday, usize, bool)> = Vec::new();
        for (year, table) in tables {
            cal.years.insert(year);
            for h in table.holidays {
                let holiday = Holiday {
                    name: h.name,
                    first: h.first,
                    last: h.last,
                    year,
                };
                breaks.push((holiday, h.line, table.user));
            }
            for (day, line) in table.workdays {
                claim(day, (year, line, table.user))?;
                cal.days.insert(day, Special::On);
            }
        }
        breaks.sort_by_key(|(h, ..)| h.first);
        for (i, (h, line, user)) in breaks.iter().enumerate() {
            let mut day = h.first;
            while day <= h.last {
                claim(day, (h.year, *line, *user))?;
                cal.days.insert(day, Special::Off(i));
                if !is_weekend(day) {
                    cal.weekday_holidays += 1;
                }
                match day.succ_opt() {
                    Some(next) => day = next,
                    None => break,
                }
            }
        }
        cal.holidays = breaks.into_iter().map(|(h, ..)| h).collect();
        Ok(cal)
    }

    /// The built-in years with `user`'s tables added; a user table replaces the built-in
    /// table of its year as a whole.
    pub fn with_user_file(origin: &str, text: &str) -> Result<Calendar, CalendarError> {
        let mut tables = data::parse_tables("holidays.toml (built in)", BUILTIN)?;
        let mut user = data::parse_tables(origin, text)?;
        for table in user.values_mut() {
            table.user = true;
        }
        tables.extend(user);
        Calendar::from_tables(tables, origin)
    }

    /// Whether `year` has a table (its weekdays are not just assumed).
    pub fn covers(&self, year: i32) -> bool {
        self.years.contains(&year)
    }

    /// The years with a table, ascending.
    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.years.iter().copied()
    }

    /// Every break, in order.
    pub fn holidays(&self) -> &[Holiday] {
        &self.holidays
    }

    pub fn day_kind(&self, day: NaiveDate) -> DayKind<'_> {
        match self.days.get(&day) {
            Some(Special::Off(i)) => self
                .holidays
                .get(*i)
                .map_or(DayKind::Weekend, DayKind::Holiday),
            Some(Special::On) => DayKind::AdjustedWorkday,
            None if is_weekend(day) => DayKind::Weekend,
            None => DayKind::Workday,
        }
    }

    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        matches!(
            self.day_kind(day),
            DayKind::Workday | DayKind::AdjustedWorkday
        )
    }

    /// The break containing `day`, else the next one to begin after it.
    pub fn holiday_at_or_after(&self, day: NaiveDate) -> Option<&Holiday> {
        let i = self.holidays.partition_point(|h| h.last < day);
        self.holidays.get(i)
    }

    /// The break of festival `name` declared by `year`'s notice (`国庆节` in 2025 is the
    /// joined `国庆节、中秋节`).
    pub fn holiday_named(&self, year: i32, name: &str) -> Option<&Holiday> {
        self.holidays.iter().find(|h| h.year == year && h.is(name))
    }

    /// The years between `from` and `to` (either order) without a table, as runs.
    pub fn uncovered(&self, from: NaiveDate, to: NaiveDate) -> Vec<(i32, i32)> {
        let (lo, hi) = if from <= to {
            (from.year(), to.year())
        } else {
            (to.year(), from.year())
        };
        let mut runs = Vec::new();
        let mut start = lo;
        for &covered in self.years.range(lo..=hi) {
            if covered > start {
                runs.push((start, covered - 1));
            }
            start = covered.saturating_add(1);
        }
        if start <= hi {
            runs.push((start, hi));
        }
        runs
    }
}

fn is_weekend(day: NaiveDate) -> bool {
    matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}
