//! Reading holiday tables (the embedded one and the user's `holidays.toml`), with errors
//! that name the file, the line and the problem.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;
use toml::Spanned;

use super::{Calendar, is_weekend};

/// Environment variable naming a user holiday file; it must exist when set.
pub const HOLIDAYS_ENV: &str = "DUBAN_HOLIDAYS";

/// Longest break a table may declare; anything longer is a typo (2020's 春节, extended
/// for the epidemic, was 10 days).
const MAX_BREAK_DAYS: i64 = 31;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{origin}{}: {message}", if *.line > 0 { format!(", line {line}") } else { String::new() })]
pub struct CalendarError {
    pub origin: String,
    /// 1-based; 0 when no line applies.
    pub line: usize,
    pub message: String,
}

impl CalendarError {
    pub(super) fn new(origin: &str, line: usize, message: String) -> Self {
        Self {
            origin: origin.to_string(),
            line,
            message,
        }
    }
}

/// One year's validated table.
#[derive(Debug, Clone, Default)]
pub(super) struct YearTable {
    pub holidays: Vec<Break>,
    /// Each with its line.
    pub workdays: Vec<(NaiveDate, usize)>,
    /// From the user's file rather than the built-in one.
    pub user: bool,
}

#[derive(Debug, Clone)]
pub(super) struct Break {
    pub name: String,
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub line: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawYear {
    #[serde(default)]
    #[allow(dead_code, reason = "documentation for the reader of the file")]
    source: Option<String>,
    #[serde(default)]
    holidays: Vec<Spanned<RawBreak>>,
    #[serde(default)]
    workdays: Vec<Spanned<toml::Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBreak {
    name: Spanned<String>,
    from: Spanned<toml::Value>,
    to: Spanned<toml::Value>,
}

/// Line of a byte offset, 1-based.
fn line_of(text: &str, span: &Range<usize>) -> usize {
    text.get(..span.start)
        .map_or(0, |before| before.matches('\n').count() + 1)
}

/// Parse and validate a whole file of `[YEAR]` tables.
pub(super) fn parse_tables(
    origin: &str,
    text: &str,
) -> Result<BTreeMap<i32, YearTable>, CalendarError> {
    let raw: BTreeMap<String, Spanned<RawYear>> = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(0, |s| line_of(text, &s));
        CalendarError::new(origin, line, e.message().to_string())
    })?;
    let mut out = BTreeMap::new();
    for (key, table) in raw {
        let line = line_of(text, &table.span());
        let year = key
            .parse::<i32>()
            .ok()
            .filter(|y| (1..=9999).contains(y))
            .ok_or_else(|| {
                CalendarError::new(
                    origin,
                    line,
                    format!("[{key}] is not a year: name each table after its year, e.g. [2027]"),
                )
            })?;
        let checker = Checker { origin, text, year };
        out.insert(year, checker.year_table(table.get_ref())?);
    }
    Ok(out)
}

struct Checker<'a> {
    origin: &'a str,
    text: &'a str,
    year: i32,
}

impl Checker<'_> {
    fn error(&self, span: &Range<usize>, message: String) -> CalendarError {
        CalendarError::new(self.origin, line_of(self.text, span), message)
    }

    /// A date of this year's notice: in the year, or in the December before it (元旦).
    fn date(&self, value: &Spanned<toml::Value>) -> Result<NaiveDate, CalendarError> {
        let span = value.span();
        let day = match value.get_ref() {
            toml::Value::String(s) => NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
                .map_err(|_| self.error(&span, format!("bad date \"{s}\": expected YYYY-MM-DD")))?,
            toml::Value::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) => {
                    NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                        .ok_or_else(|| self.error(&span, format!("bad date {dt}")))?
                }
                _ => {
                    return Err(
                        self.error(&span, format!("bad date {dt}: expected a day, YYYY-MM-DD"))
                    );
                }
            },
            other => {
                return Err(self.error(&span, format!("bad date {other}: expected \"YYYY-MM-DD\"")));
            }
        };
        let in_window =
            day.year() == self.year || (day.year() == self.year - 1 && day.month() == 12);
        if !in_window {
            return Err(self.error(
                &span,
                format!(
                    "{day} is outside [{}] (a year's notice covers that year, and may begin 元旦 in the December before)",
                    self.year
                ),
            ));
        }
        Ok(day)
    }

    fn year_table(&self, raw: &RawYear) -> Result<YearTable, CalendarError> {
        let mut table = YearTable::default();
        for b in &raw.holidays {
            let span = b.span();
            let b = b.get_ref();
            let name = b.name.get_ref().trim();
            if name.is_empty() {
                return Err(self.error(&b.name.span(), "a holiday needs a name, e.g. 春节".into()));
            }
            let (first, last) = (self.date(&b.from)?, self.date(&b.to)?);
            if last < first {
                return Err(self.error(
                    &span,
                    format!("{name}: `to` {last} is before `from` {first}"),
                ));
            }
            if (last - first).num_days() >= MAX_BREAK_DAYS {
                return Err(self.error(
                    &span,
                    format!("{name}: {first}–{last} is longer than {MAX_BREAK_DAYS} days"),
                ));
            }
            table.holidays.push(Break {
                name: name.to_string(),
                first,
                last,
                line: line_of(self.text, &span),
            });
        }
        let mut sorted: Vec<&Break> = table.holidays.iter().collect();
        sorted.sort_by_key(|b| b.first);
        for pair in sorted.windows(2) {
            if let [a, b] = pair
                && b.first <= a.last
            {
                let later = if a.line > b.line { a } else { b };
                let other = if a.line > b.line { b } else { a };
                return Err(CalendarError::new(
                    self.origin,
                    later.line,
                    format!(
                        "{} ({}–{}) overlaps {} ({}–{}, line {})",
                        later.name,
                        later.first,
                        later.last,
                        other.name,
                        other.first,
                        other.last,
                        other.line
                    ),
                ));
            }
        }
        for value in &raw.workdays {
            let span = value.span();
            let day = self.date(value)?;
            if let Some(b) = table
                .holidays
                .iter()
                .find(|b| (b.first..=b.last).contains(&day))
            {
                return Err(self.error(
                    &span,
                    format!(
                        "{day} is both a holiday ({}, line {}) and a working day",
                        b.name, b.line
                    ),
                ));
            }
            if !is_weekend(day) {
                return Err(self.error(
                    &span,
                    format!(
                        "{day} is a {}: 调休上班 days are the weekend days a notice makes working days",
                        day.weekday()
                    ),
                ));
            }
            let line = line_of(self.text, &span);
            if table.workdays.iter().any(|(d, _)| *d == day) {
                return Err(self.error(&span, format!("{day} is listed twice")));
            }
            table.workdays.push((day, line));
        }
        Ok(table)
    }
}

/// The user's holiday file, if any: `$DUBAN_HOLIDAYS` whether or not it exists (a missing
/// file is then an error), else `holidays.toml` in the config directory when it exists.
pub fn user_holidays_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(HOLIDAYS_ENV).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    let dirs = directories::ProjectDirs::from("", "", "duban")?;
    let path = dirs.config_dir().join("holidays.toml");
    path.is_file().then_some(path)
}

impl Calendar {
    /// The built-in calendar with the user's file (if any) applied.
    pub fn load() -> Result<Calendar, CalendarError> {
        match user_holidays_path() {
            Some(path) => Calendar::from_file(&path),
            None => Ok(Calendar::builtin().clone()),
        }
    }

    pub fn from_file(path: &Path) -> Result<Calendar, CalendarError> {
        let origin = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|e| CalendarError::new(&origin, 0, format!("cannot read: {e}")))?;
        Calendar::with_user_file(&origin, &text)
    }
}
