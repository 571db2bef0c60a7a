//! One date expression at a position: 2021年9月30日, 2021.9.30, 9月底, 十二月份, 9月上旬,
//! 第三季度, 上半年, 年底, 今年/明年/次年/翌年, 7-9月, and fixed-date holidays (see
//! [`super::holiday`]). The walk over the whole text is in [`super::scanner`].

use chrono::NaiveDate;

use super::due::month_end;
use super::holiday::holiday_at;
use super::normalise::starts;
use super::number::{Num, is_cn_numeral, number_at};

/// One recognised date expression.
pub(super) struct Hit {
    /// `None` when it is well-formed but not a real date (2021年2月30日, 第五季度, 春节前) or
    /// names a year only (2021年政务公开…).
    pub date: Option<NaiveDate>,
    /// The first day of the span the expression names (9月 → 9月1日; 9月30日 → itself): where
    /// a range written with it as its first part begins.
    pub start: Option<NaiveDate>,
    /// Set when the expression is a range itself (7-9月): where it starts.
    pub from: Option<NaiveDate>,
    /// The index after the expression.
    pub end: usize,
    /// The year the text wrote, carried to later expressions without one.
    pub year: Option<i32>,
    /// The year, when the expression names a year and no date.
    pub bare_year: Option<i32>,
}

/// What follows a year (or stands alone): the date, where its span starts, and the index after.
struct Body {
    date: Option<NaiveDate>,
    start: Option<NaiveDate>,
    from: Option<NaiveDate>,
    end: usize,
}

fn body(date: Option<NaiveDate>, start: Option<NaiveDate>, end: usize) -> Body {
    Body {
        date,
        start,
        from: None,
        end,
    }
}

/// A point in time: its span starts where it ends.
fn point(date: Option<NaiveDate>, end: usize) -> Body {
    body(date, date, end)
}

/// Whether a date expression can start with `c` (see [`Dates::match_at`]): a number, a
/// relative year (今年 …), 年底/年内, 上半年/下半年, 第…季度 or a holiday's first char. Most
/// chars of a cell are none of these, and skipping them early is most of the scan's speed.
pub(super) fn may_start_date(c: char) -> bool {
    c.is_ascii_digit()
        || is_cn_numeral(c)
        || matches!(
            c,
            '今' | '本'
                | '当'
                | '明'
                | '次'
                | '翌'
                | '去'
                | '年'
                | '上'
                | '下'
                | '第'
                | '元'
                | '国'
                | '劳'
                | '春'
                | '清'
                | '端'
                | '中'
                | '重'
        )
}

pub(super) struct Dates<'a> {
    pub s: &'a [char],
    pub plan_year: i32,
}

impl Dates<'_> {
    /// The date expression starting at `i`, with `year` for one that writes none.
    pub fn match_at(&self, i: usize, year: i32) -> Option<Hit> {
        let s = self.s;
        let c = *s.get(i)?;
        let hit = |b: Body, year: Option<i32>| Hit {
            date: b.date,
            start: b.start,
            from: b.from,
            end: b.end,
            year,
            bare_year: None,
        };
        if let Some((y, j)) = self.year_at(i) {
            // 2021年底, 2021年末, 2021年度内, 2021年年底.
            let k = j + usize::from(
                s.get(j) == Some(&'年') && matches!(s.get(j + 1), Some('底' | '末')),
            );
            if let Some(c @ ('底' | '末' | '内')) = s.get(k) {
                return Some(hit(year_end(y, *c, k + 1), Some(y)));
            }
            if let Some(b) = self.body_at(j, y, true) {
                return Some(hit(b, Some(y)));
            }
            // A year naming no date (2021年政务公开…): skip it so "021" is not reread.
            return Some(Hit {
                date: None,
                start: None,
                from: None,
                end: j,
                year: None,
                bare_year: Some(y),
            });
        }
        if let Some(hit) = self.year_range_at(i, year) {
            return Some(hit);
        }
        if let Some(hit) = self.numeric_at(i) {
            return Some(hit);
        }
        // 年底前 with no year: the current (carried or plan) year. Not 半年内, 三年内, 多年.
        if c == '年' && matches!(s.get(i + 1), Some('底' | '末' | '内')) {
            let prev = i.checked_sub(1).and_then(|p| s.get(p)).copied();
            let counted = prev.is_some_and(|p| {
                is_cn_numeral(p) || p.is_ascii_digit() || "两半几多数个".contains(p)
            });
            return (!counted).then(|| hit(year_end(year, s[i + 1], i + 2), None));
        }
        // 全年: within the year, as 年内 (a paragraph plan's 完成时限：全年).
        if c == '年' && i > 0 && s[i - 1] == '全' {
            return Some(hit(year_end(year, '内', i + 1), None));
        }
        self.body_at(i, year, false).map(|b| hit(b, None))
    }

    /// 2021年, 二〇二一年, 今年, 明年, 次年, 翌年 (optionally 年度): the year and the index after.
    fn year_at(&self, i: usize) -> Option<(i32, usize)> {
        let s = self.s;
        let (year, j) = if let Some(n) = number_at(s, i).filter(|n| n.year_like) {
            if s.get(n.end) != Some(&'年') {
                return None;
            }
            (i32::try_from(n.value).ok()?, n.end + 1)
        } else {
            if s.get(i + 1) != Some(&'年') {
                return None;
            }
            let offset = match s[i] {
                '今' | '本' | '当' => 0,
                '明' | '次' | '翌' => 1,
                '去' => -1,
                _ => return None,
            };
            (self.plan_year.checked_add(offset)?, i + 2)
        };
        Some((year, j + usize::from(s.get(j) == Some(&'度'))))
    }

    /// 2021-2023年, 2021至2023年底: a range of years written with one 年, from the first
    /// year's first day to the end the second part names (a year alone: its last day).
    fn year_range_at(&self, i: usize, year: i32) -> Option<Hit> {
        let s = self.s;
        let first = number_at(s, i).filter(|n| n.year_like)?;
        let at = range_sep(s, first.end)?;
        number_at(s, at).filter(|n| n.year_like && s.get(n.end) == Some(&'年'))?;
        let to = self.match_at(at, year)?;
        let date = to.date.or_else(|| month_end(to.bare_year?, 12))?;
        // Backwards (2023-2021年) or unreadable: not a range; both years stay unread.
        let from = first_of(i32::try_from(first.value).ok()?, 1).filter(|f| *f <= date)?;
        Some(Hit {
            date: Some(date),
            start: Some(from),
            from: Some(from),
            end: to.end,
            year: to.year.or(to.bare_year),
            bare_year: None,
        })
    }

    /// 2021.9.30, 2021-09-30, 2021/9/30 (the same separator twice).
    fn numeric_at(&self, i: usize) -> Option<Hit> {
        let s = self.s;
        let ascii_year = number_at(s, i).filter(|n| n.ascii && n.year_like)?;
        let sep = *s
            .get(ascii_year.end)
            .filter(|c| matches!(c, '.' | '-' | '/'))?;
        let month = number_at(s, ascii_year.end + 1).filter(|n| n.ascii && !n.year_like)?;
        if s.get(month.end) != Some(&sep) {
            return None;
        }
        let day = number_at(s, month.end + 1).filter(|n| n.ascii && !n.year_like)?;
        let year = i32::try_from(ascii_year.value).ok()?;
        let date = NaiveDate::from_ymd_opt(year, month.value, day.value);
        Some(Hit {
            date,
            start: date,
            from: None,
            end: day.end,
            year: Some(year),
            bare_year: None,
        })
    }

    /// What may follow a year (or stand alone): half years, quarters, holidays, months with an
    /// optional day, 底/末 or 上中下旬, and month ranges (7-9月).
    fn body_at(&self, at: usize, year: i32, explicit_year: bool) -> Option<Body> {
        let s = self.s;
        if starts(s, at, "上半年") {
            return Some(body(month_end(year, 6), first_of(year, 1), at + 3));
        }
        if starts(s, at, "下半年") {
            return Some(body(month_end(year, 12), first_of(year, 7), at + 3));
        }
        if let Some((date, end)) = holiday_at(s, at, year, explicit_year) {
            return Some(point(date, end));
        }
        let quarter_at = at + usize::from(s.get(at) == Some(&'第'));
        if let Some(quarter) =
            number_at(s, quarter_at).filter(|n| !n.year_like && s.get(n.end) == Some(&'季'))
        {
            let mut end = quarter.end + 1;
            end += usize::from(s.get(end) == Some(&'度'));
            end += usize::from(matches!(s.get(end), Some('末' | '底' | '内')));
            let q = Some(quarter.value).filter(|q| (1..=4).contains(q));
            return Some(body(
                q.and_then(|q| month_end(year, q * 3)),
                q.and_then(|q| first_of(year, q * 3 - 2)),
                end,
            ));
        }
        let first = number_at(s, at).filter(|n| !n.year_like)?;
        if s.get(first.end) != Some(&'月') {
            return self.month_range_at(&first, year);
        }
        self.month_body(&first, year, explicit_year)
    }

    /// 7-9月, 7至9月: the range's end, starting on the first of its first month.
    fn month_range_at(&self, first: &Num, year: i32) -> Option<Body> {
        let s = self.s;
        let after = range_sep(s, first.end)?;
        let last = number_at(s, after)
            .filter(|n| !n.year_like && n.ascii == first.ascii && s.get(n.end) == Some(&'月'))?;
        let b = self.month_body(&last, year, true)?;
        let from = first_of(year, first.value).filter(|f| b.date.is_some_and(|d| *f <= d));
        Some(Body {
            start: from,
            from,
            ..b
        })
    }

    /// A month number followed by 月: 9月, 9月份, 9月底, 9月上旬, 9月30日.
    fn month_body(&self, month_num: &Num, year: i32, explicit_year: bool) -> Option<Body> {
        let s = self.s;
        let month = month_num.value;
        let with_fen = s.get(month_num.end + 1) == Some(&'份');
        let end = month_num.end + 1 + usize::from(with_fen);
        let first = first_of(year, month);
        // Day 0: the month's last day.
        for (word, day, from) in [
            ("上旬", 10, 1),
            ("中旬", 20, 11),
            ("下旬", 0, 21),
            ("底", 0, 0),
            ("末", 0, 0),
        ] {
            if starts(s, end, word) {
                let date = match day {
                    0 => month_end(year, month),
                    day => NaiveDate::from_ymd_opt(year, month, day),
                };
                let start = match from {
                    0 => date,
                    from => NaiveDate::from_ymd_opt(year, month, from),
                };
                return Some(body(date, start, end + word.chars().count()));
            }
        }
        if let Some(day) = number_at(s, end).filter(|n| !n.year_like) {
            let end = day.end + usize::from(matches!(s.get(day.end), Some('日' | '号')));
            return Some(point(NaiveDate::from_ymd_opt(year, month, day.value), end));
        }
        // A bare month means the whole month. A lone Chinese-numeral month may be a word
        // fragment (统一月报), so it needs a year, 份, or a deadline-like follower.
        let follower_ok = s
            .get(end)
            .is_none_or(|c| "前内中。，,；;、！!-至到".contains(*c));
        (month_num.ascii || explicit_year || with_fen || follower_ok)
            .then(|| body(month_end(year, month), first, end))
    }
}

/// 年底/年末 (Dec 31) or 年内 (the whole year, starting Jan 1).
fn year_end(year: i32, word: char, end: usize) -> Body {
    let start = if word == '内' {
        first_of(year, 1)
    } else {
        month_end(year, 12)
    };
    body(month_end(year, 12), start, end)
}

fn first_of(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, 1)
}

/// A range separator at `at` (至, 到, or one or two dashes after normalising): the index after.
pub(super) fn range_sep(s: &[char], at: usize) -> Option<usize> {
    match s.get(at)? {
        '至' | '到' => Some(at + 1),
        '-' => Some(at + 1 + usize::from(s.get(at + 1) == Some(&'-'))),
        _ => None,
    }
}
