//! The walk over a normalised cell: every position is tried as the start of a recurrence
//! (每月10日), a date expression (see [`super::dates`]), a range of two (5月至8月), or a
//! relative deadline (5个工作日内). What names a time but is read by none of them is noted as
//! unread, so the cell is shown as unparsed rather than as having no deadline.

use chrono::NaiveDate;

use super::DeadlineKind;
use super::dates::{Dates, Hit, may_start_date, range_sep};
use super::due::month_end;
use super::normalise::{ends_at, starts, word_at};
use super::number::number_at;
use super::recurrence::{Anchor, recurrence_at};
use super::relative::{Relative, relative_at};

/// What a cell's text was read as.
#[derive(Default)]
pub(super) struct Scan {
    /// Dates that are deadlines (a range's end, a single date), unsorted.
    pub dates: Vec<NaiveDate>,
    /// Where ranges start (2024年5月至8月: 05-01).
    pub range_starts: Vec<NaiveDate>,
    /// Cadences written with 每, in text order, with what followed each.
    pub recurrences: Vec<(DeadlineKind, Anchor)>,
    /// The first relative deadline.
    pub relative: Option<Relative>,
    /// Something names a time but was not read: 2021年2月30日, 第五季度, 春节前, 10日前,
    /// 下半年适时, a year alone.
    pub unread: bool,
}

/// Words after a date that make it a start, not a deadline (自2021年9月起).
const START: &str = "起 开始 以来";

/// Words after a period that leave the time within it open (下半年适时开展): the text names a
/// window, not a deadline.
const VAGUE: &str = "适时 择机 视情";

pub(super) fn scan(s: &[char], plan_year: i32) -> Scan {
    let dates = Dates { s, plan_year };
    let mut out = Scan::default();
    // "2022年3月底前完成初稿，6月底前定稿": the second date is in 2022 too.
    let mut year = plan_year;
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if let Some((kind, anchor, end)) = recurrence_at(s, i) {
            out.recurrences.push((kind, anchor));
            i = end.max(i + 1);
            continue;
        }
        if !may_start_date(c) && !matches!(c, '两' | '半') {
            i += 1;
            continue;
        }
        // 每年12月底前 / 每年年底 are recurring, not one date (should a cadence not be read).
        let recurring = ["每", "每个", "每年", "每年度"]
            .iter()
            .any(|w| ends_at(s, i, w));
        if let Some(hit) = (!recurring).then(|| dates.match_at(i, year)).flatten() {
            year = hit.year.unwrap_or(year);
            let end = out.take(s, &dates, &hit, year);
            i = end.max(i + 1);
            continue;
        }
        if let Some((relative, end)) = relative_at(s, i) {
            out.relative.get_or_insert(relative);
            i = end.max(i + 1);
            continue;
        }
        out.unread |= names_time(s, i);
        i += 1;
    }
    out
}

impl Scan {
    /// Records a date expression (and the range it may open); returns the index after it.
    fn take(&mut self, s: &[char], dates: &Dates, hit: &Hit, year: i32) -> usize {
        // 自2021年9月起: a start, not a deadline (but 9月底起草 is drafting).
        if word_at(s, hit.end, START).is_some() && !starts(s, hit.end, "起草") {
            return hit.end;
        }
        if word_at(s, hit.end, VAGUE).is_some() {
            self.unread = true;
            return hit.end;
        }
        if let Some((start, to, end)) = range_end(s, dates, hit, year) {
            self.range_starts.push(start);
            self.dates.push(to);
            return end;
        }
        match hit.date {
            Some(date) => self.dates.push(date),
            None => self.unread = true,
        }
        self.range_starts.extend(hit.from);
        hit.end
    }
}

/// The range opened by `hit` (5月至8月, 9月1日至30日, 11月至次年2月, 2021年至2023年): where
/// it starts, its end date and the index after it.
fn range_end(
    s: &[char],
    dates: &Dates,
    hit: &Hit,
    year: i32,
) -> Option<(NaiveDate, NaiveDate, usize)> {
    // A year alone opens a range on its first day (2021年至2023年).
    let (from, start) = match (hit.date, hit.bare_year) {
        (Some(date), _) => (date, hit.start.unwrap_or(date)),
        (None, Some(y)) => {
            let first = NaiveDate::from_ymd_opt(y, 1, 1)?;
            (first, first)
        }
        (None, None) => return None,
    };
    let at = range_sep(s, hit.end)?;
    // 9月1日至30日: the same month.
    if let Some(day) = number_at(s, at).filter(|n| {
        !n.year_like && matches!(s.get(n.end), Some('日' | '号')) && hit.start == hit.date
    }) {
        let to = chrono::Datelike::with_day(&from, day.value).filter(|to| *to > from)?;
        return Some((start, to, day.end + 1));
    }
    let to = dates.match_at(at, year)?;
    let date = to.date.or_else(|| month_end(to.bare_year?, 12))?;
    if date >= from || to.year.is_some() || to.bare_year.is_some() {
        return Some((start, date, to.end)).filter(|_| date >= start);
    }
    // 11月至2月: the end is in the following year.
    let next = dates.match_at(at, year.checked_add(1)?)?;
    Some((start, next.date?, next.end))
}

/// Whether the number at `i` names a time that no reader took: digits before 年, 月, 日, 号,
/// 季, 天, 周, 工作日 or 小时 (after an optional 个), or a four-digit year (2021.9/30,
/// 2021-2023, but not 2000元). Numbers in document references (〔2021〕12号) are not times.
fn names_time(s: &[char], i: usize) -> bool {
    let Some(n) = number_at(s, i).filter(|n| n.ascii) else {
        return false;
    };
    let at = n.end + usize::from(s.get(n.end) == Some(&'个'));
    if matches!(s.get(at), Some('年' | '月' | '日')) {
        return true;
    }
    let prev = i.checked_sub(1).and_then(|p| s.get(p)).copied();
    if prev.is_some_and(|p| "〔［[【〕］]】".contains(p)) {
        return false;
    }
    matches!(s.get(at), Some('号' | '季' | '天' | '周'))
        || word_at(s, at, "工作日 小时").is_some()
        || (n.year_like && (1949..=2100).contains(&n.value) && year_follower(s.get(n.end)))
}

/// Whether what follows a lone four-digit number lets it be a year: the end, punctuation, or
/// a word of time (2021前, 2021-2023, 2021.9/30), but not a measure word (2000元, 1990人).
fn year_follower(c: Option<&char>) -> bool {
    c.is_none_or(|c| c.is_ascii_punctuation() || "。，；、：）〕前后底末至到".contains(*c))
}
