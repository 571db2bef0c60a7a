//! 时限及要求: free-text Chinese deadline → structured deadline. Pure functions of the text,
//! the plan year and (for `due`/`days_left`) `today`.
//!
//! A small scanner over chars: the text is normalised (full-width digits and separators to
//! ASCII, whitespace dropped), then every position is tried as the start of a date expression.
//! Precedence: named dates win over recurring words (每月/每季度/每年), which win over
//! open-ended ones (长期坚持, 不定期检查, 及时公开 …).

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

mod report_to;

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

impl DeadlineKind {
    /// For recurring kinds, the last day of the period containing `today`; `None` otherwise.
    pub fn period_end(self, today: NaiveDate) -> Option<NaiveDate> {
        let (year, month) = (today.year(), today.month());
        match self {
            DeadlineKind::Monthly => month_end(year, month),
            DeadlineKind::Quarterly => month_end(year, month.div_ceil(3) * 3),
            DeadlineKind::Semiannual => month_end(year, if month <= 6 { 6 } else { 12 }),
            DeadlineKind::Yearly => month_end(year, 12),
            DeadlineKind::Date
            | DeadlineKind::Ongoing
            | DeadlineKind::None
            | DeadlineKind::Relative
            | DeadlineKind::Unparsed => None,
        }
    }
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
        let text = normalize(raw);
        let milestones = Scanner {
            s: &text,
            plan_year,
        }
        .dates();
        let kind = if milestones.is_empty() {
            // The words are looked for as substrings of the normalised text: one string and
            // `str::contains` rather than a char-by-char try at every position per word.
            let text: String = text.iter().collect();
            recurring_kind(&text)
                .or_else(|| contains_any(&text, ONGOING).then_some(DeadlineKind::Ongoing))
                .unwrap_or(DeadlineKind::None)
        } else {
            DeadlineKind::Date
        };
        Deadline {
            raw: raw.to_string(),
            kind,
            milestones,
            report_to: report_target(raw),
        }
    }

    /// The next milestone on or after today, else the last one; for recurring kinds the end of
    /// the current period; `None` for ongoing/none.
    pub fn due(&self, today: NaiveDate) -> Option<NaiveDate> {
        match self.kind {
            // min/max rather than first/last: the fields are public and may not be sorted.
            DeadlineKind::Date => self
                .milestones
                .iter()
                .copied()
                .filter(|d| *d >= today)
                .min()
                .or_else(|| self.milestones.iter().copied().max()),
            kind => kind.period_end(today),
        }
    }

    /// `due - today` in days (negative when past).
    pub fn days_left(&self, today: NaiveDate) -> Option<i64> {
        self.due(today).map(|d| (d - today).num_days())
    }
}

/// The last day of a month; `None` for an invalid month or year.
pub fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, 1)?
        .checked_add_months(Months::new(1))?
        .pred_opt()
}

/// Words that make a dateless text recurring (space-separated). Checked in order, so a text
/// naming several cadences gets the shortest one and is never reported later than it is due.
const RECURRING: [(DeadlineKind, &str); 3] = [
    (
        DeadlineKind::Monthly,
        "每月 每个月 按月 逐月 每两个月 每双月",
    ),
    // 每半年 has no kind of its own. Quarterly, because 06-30 and 12-31 are both quarter ends:
    // the quarter end is never after the real half-year deadline, while yearly would let a
    // 06-30 report pass unnoticed.
    (
        DeadlineKind::Quarterly,
        "每季 每个季度 按季 逐季 每半年 每个半年",
    ),
    (DeadlineKind::Yearly, "每年 每一年 每个年度 按年度"),
];

/// Open-ended duties: no countdown. Weekly and daily duties land here as well, since a
/// month-end countdown would understate them and there is no shorter recurring kind.
const ONGOING: &str = "长期 持续 立即 及时 定期 常态 随时 经常 实时 每周 每星期 每日 每天";

fn contains_any(text: &str, words: &str) -> bool {
    words.split(' ').any(|w| text.contains(w))
}

fn recurring_kind(text: &str) -> Option<DeadlineKind> {
    RECURRING
        .iter()
        .find(|(_, words)| contains_any(text, words))
        .map(|(kind, _)| *kind)
}

/// Full-width digits and date separators to ASCII; whitespace (including U+3000) removed so
/// "2021 年 9 月" reads like "2021年9月".
fn normalize(raw: &str) -> Vec<char> {
    // At most one char per byte: one allocation instead of regrowing from empty.
    let mut text = Vec::with_capacity(raw.len());
    text.extend(raw.chars().filter(|c| !c.is_whitespace()).map(|c| match c {
        '０'..='９' => char::from_digit(u32::from(c) - u32::from('０'), 10).unwrap_or(c),
        '．' => '.',
        '－' => '-',
        '／' => '/',
        _ => c,
    }));
    text
}

fn starts(s: &[char], i: usize, word: &str) -> bool {
    let mut rest = s.get(i..).unwrap_or_default().iter();
    word.chars().all(|c| rest.next() == Some(&c))
}

fn ends_at(s: &[char], i: usize, word: &str) -> bool {
    let n = word.chars().count();
    i >= n && starts(s, i - n, word)
}

fn cn_digit(c: char) -> Option<u32> {
    // Asked at nearly every position of every cell: a match, not a scan of the numerals.
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn is_cn_numeral(c: char) -> bool {
    c == '十' || cn_digit(c).is_some()
}

/// An integer starting at `i`, in ASCII digits or Chinese numerals.
struct Num {
    value: u32,
    end: usize,
    ascii: bool,
    /// Four digits: can only be a year (2021, 二〇二一).
    year_like: bool,
}

/// Reads a whole number starting at `i`; `None` when `i` is inside a number or the numeral is
/// malformed. Values are small (at most four digits), so no overflow is possible.
fn number_at(text: &[char], i: usize) -> Option<Num> {
    let first = *text.get(i)?;
    let ascii = first.is_ascii_digit();
    let same_kind = |c: char| {
        if ascii {
            c.is_ascii_digit()
        } else {
            is_cn_numeral(c)
        }
    };
    if !same_kind(first)
        || i.checked_sub(1)
            .and_then(|p| text.get(p))
            .is_some_and(|p| same_kind(*p))
    {
        return None;
    }
    let end = text[i..]
        .iter()
        .position(|c| !same_kind(*c))
        .map_or(text.len(), |len| i + len);
    let run = &text[i..end];
    let positional = |digit: fn(char) -> Option<u32>| {
        run.iter().try_fold(0, |acc, c| Some(acc * 10 + digit(*c)?))
    };
    let (value, year_like) = match run.iter().position(|c| *c == '十') {
        _ if run.len() > 4 => return None,
        _ if ascii => (positional(|c| c.to_digit(10))?, run.len() == 4),
        // 九, or 二〇二一 digit by digit.
        None if run.len() == 1 || run.len() == 4 => (positional(cn_digit)?, run.len() == 4),
        None => return None,
        // 十, 十一, 二十, 三十一.
        Some(ten) => {
            let digit = |part: &[char], alone: u32| match part {
                [] => Some(alone),
                [d] => cn_digit(*d),
                _ => None,
            };
            (
                digit(&run[..ten], 1)? * 10 + digit(&run[ten + 1..], 0)?,
                false,
            )
        }
    };
    Some(Num {
        value,
        end,
        ascii,
        year_like,
    })
}

/// One recognised date expression. `date` is `None` when it is well-formed but not a real
/// date (2021年2月30日): the text is consumed and the date ignored.
struct Hit {
    date: Option<NaiveDate>,
    end: usize,
    /// The year the text wrote, carried to later expressions without one.
    year: Option<i32>,
}

fn hit(date: Option<NaiveDate>, end: usize, year: Option<i32>) -> Hit {
    Hit { date, end, year }
}

/// Whether a date expression can start with `c` (see [`Scanner::match_at`]): a number, a
/// relative year (今年 …), 年底/年内, 上半年/下半年 or 第…季度. Most chars of a cell are none
/// of these, and skipping them early is most of the scan's speed.
fn may_start_date(c: char) -> bool {
    c.is_ascii_digit()
        || is_cn_numeral(c)
        || matches!(
            c,
            '今' | '本' | '当' | '明' | '次' | '去' | '年' | '上' | '下' | '第'
        )
}

struct Scanner<'a> {
    s: &'a [char],
    plan_year: i32,
}

impl Scanner<'_> {
    fn dates(&self) -> Vec<NaiveDate> {
        let s = self.s;
        let mut dates = Vec::new();
        // "2022年3月底前完成初稿，6月底前定稿": the second date is in 2022 too.
        let mut year = self.plan_year;
        let mut i = 0;
        while i < s.len() {
            if !may_start_date(s[i]) {
                i += 1;
                continue;
            }
            // 每年12月底前 / 每年年底 are recurring, not one date.
            let recurring = ["每", "每个", "每年", "每年度"]
                .iter()
                .any(|w| ends_at(s, i, w));
            let Some(hit) = (!recurring).then(|| self.match_at(i, year)).flatten() else {
                i += 1;
                continue;
            };
            year = hit.year.unwrap_or(year);
            // 自2021年9月起: a start, not a deadline (but 9月底起草 is drafting).
            let is_start = ["起", "开始", "以来"].iter().any(|w| starts(s, hit.end, w))
                && !starts(s, hit.end, "起草");
            if let Some(date) = hit.date.filter(|_| !is_start) {
                dates.push(date);
            }
            i = hit.end.max(i + 1);
        }
        dates.sort_unstable();
        dates.dedup();
        dates
    }

    fn match_at(&self, i: usize, year: i32) -> Option<Hit> {
        let s = self.s;
        if let Some((y, j)) = self.year_at(i) {
            // 2021年底, 2021年末, 2021年度内, 2021年年底.
            let k = j + usize::from(
                s.get(j) == Some(&'年') && matches!(s.get(j + 1), Some('底' | '末')),
            );
            if matches!(s.get(k), Some('底' | '末' | '内')) {
                return Some(hit(month_end(y, 12), k + 1, Some(y)));
            }
            if let Some((date, end)) = self.body_at(j, y, true) {
                return Some(hit(date, end, Some(y)));
            }
            // A year naming no date (2021年政务公开…): skip it so "021" is not reread.
            return Some(hit(None, j, None));
        }
        if let Some(hit) = self.numeric_at(i) {
            return Some(hit);
        }
        // 年底前 with no year: the current (carried or plan) year. Not 半年内, 三年内, 多年.
        if s[i] == '年' && matches!(s.get(i + 1), Some('底' | '末' | '内')) {
            let prev = i.checked_sub(1).and_then(|p| s.get(p)).copied();
            let counted = prev.is_some_and(|p| {
                is_cn_numeral(p) || p.is_ascii_digit() || "两半几多数个".contains(p)
            });
            return (!counted).then(|| hit(month_end(year, 12), i + 2, None));
        }
        let (date, end) = self.body_at(i, year, false)?;
        Some(hit(date, end, None))
    }

    /// 2021年, 二〇二一年, 今年, 明年 (optionally 年度): the year and the index after it.
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
                '明' | '次' => 1,
                '去' => -1,
                _ => return None,
            };
            (self.plan_year.checked_add(offset)?, i + 2)
        };
        Some((year, j + usize::from(s.get(j) == Some(&'度'))))
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
        Some(hit(date, day.end, Some(year)))
    }

    /// What may follow a year (or stand alone): half years, quarters, months with an optional
    /// day, 底/末 or 上中下旬.
    fn body_at(
        &self,
        at: usize,
        year: i32,
        explicit_year: bool,
    ) -> Option<(Option<NaiveDate>, usize)> {
        let s = self.s;
        if starts(s, at, "上半年") {
            return Some((month_end(year, 6), at + 3));
        }
        if starts(s, at, "下半年") {
            return Some((month_end(year, 12), at + 3));
        }
        let quarter_at = at + usize::from(s.get(at) == Some(&'第'));
        if let Some(quarter) =
            number_at(s, quarter_at).filter(|n| !n.year_like && s.get(n.end) == Some(&'季'))
        {
            let mut end = quarter.end + 1;
            end += usize::from(s.get(end) == Some(&'度'));
            end += usize::from(matches!(s.get(end), Some('末' | '底' | '内')));
            let date = (1..=4)
                .contains(&quarter.value)
                .then(|| month_end(year, quarter.value * 3))
                .flatten();
            return Some((date, end));
        }
        let month_num = number_at(s, at).filter(|n| !n.year_like && s.get(n.end) == Some(&'月'))?;
        let month = month_num.value;
        let with_fen = s.get(month_num.end + 1) == Some(&'份');
        let end = month_num.end + 1 + usize::from(with_fen);
        // Day 0: the month's last day.
        for (word, day) in [
            ("上旬", 10),
            ("中旬", 20),
            ("下旬", 0),
            ("底", 0),
            ("末", 0),
        ] {
            if starts(s, end, word) {
                let date = match day {
                    0 => month_end(year, month),
                    day => NaiveDate::from_ymd_opt(year, month, day),
                };
                return Some((date, end + word.chars().count()));
            }
        }
        if let Some(day) = number_at(s, end).filter(|n| !n.year_like) {
            let end = day.end + usize::from(matches!(s.get(day.end), Some('日' | '号')));
            return Some((NaiveDate::from_ymd_opt(year, month, day.value), end));
        }
        // A bare month means the whole month. A lone Chinese-numeral month may be a word
        // fragment (统一月报), so it needs a year, 份, or a deadline-like follower.
        let follower_ok = s
            .get(end)
            .is_none_or(|c| "前内中。，,；;、！!".contains(*c));
        (month_num.ascii || explicit_year || with_fen || follower_ok)
            .then(|| (month_end(year, month), end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    fn p(raw: &str) -> Deadline {
        Deadline::parse(raw, 2021)
    }

    /// Asserts a dated deadline with exactly these milestones.
    #[track_caller]
    fn dates(raw: &str, want: &[(i32, u32, u32)]) {
        let d = p(raw);
        let want: Vec<_> = want.iter().map(|&(y, m, dd)| ymd(y, m, dd)).collect();
        assert_eq!(d.kind, DeadlineKind::Date, "{raw}");
        assert_eq!(d.milestones, want, "{raw}");
    }

    #[track_caller]
    fn kind(raw: &str, want: DeadlineKind) {
        let d = p(raw);
        assert_eq!(d.kind, want, "{raw}");
        assert!(d.milestones.is_empty(), "{raw}: {:?}", d.milestones);
    }

    // Phrasings, one per test.

    #[test]
    fn full_date_before() {
        dates("2021年9月30日前", &[(2021, 9, 30)]);
    }

    #[test]
    fn full_date_then_complete() {
        dates("2021年11月15日前完成", &[(2021, 11, 15)]);
    }

    #[test]
    fn day_with_hao() {
        dates("2021年9月5号前", &[(2021, 9, 5)]);
    }

    #[test]
    fn month_end_with_year() {
        dates("2021年11月底前", &[(2021, 11, 30)]);
        dates("2021年2月末", &[(2021, 2, 28)]);
    }

    #[test]
    fn month_end_without_year_uses_plan_year() {
        dates("9月底前", &[(2021, 9, 30)]);
        assert_eq!(
            Deadline::parse("2月底前", 2024).milestones,
            vec![ymd(2024, 2, 29)]
        );
    }

    #[test]
    fn year_end() {
        dates("年底前", &[(2021, 12, 31)]);
        dates("2022年底前", &[(2022, 12, 31)]);
        dates("2022年末完成", &[(2022, 12, 31)]);
        dates("2021年年底前", &[(2021, 12, 31)]);
        dates("2021年度内完成", &[(2021, 12, 31)]);
        dates("年内完成", &[(2021, 12, 31)]);
    }

    #[test]
    fn relative_years() {
        dates("今年底前", &[(2021, 12, 31)]);
        dates("明年6月底前", &[(2022, 6, 30)]);
        dates("次年3月底前", &[(2022, 3, 31)]);
    }

    #[test]
    fn counted_years_are_not_year_end() {
        kind("半年内完成", DeadlineKind::None);
        kind("三年内完成", DeadlineKind::None);
        kind("3年内完成", DeadlineKind::None);
    }

    #[test]
    fn half_years() {
        dates("上半年完成", &[(2021, 6, 30)]);
        dates("下半年完成", &[(2021, 12, 31)]);
        dates("2022年上半年", &[(2022, 6, 30)]);
    }

    #[test]
    fn quarters() {
        dates("第三季度", &[(2021, 9, 30)]);
        dates("三季度末", &[(2021, 9, 30)]);
        dates("第三季度内完成", &[(2021, 9, 30)]);
        dates("第一季度", &[(2021, 3, 31)]);
        dates("二季度", &[(2021, 6, 30)]);
        dates("第4季度", &[(2021, 12, 31)]);
        dates("2022年第1季度末", &[(2022, 3, 31)]);
        dates("四季度底前", &[(2021, 12, 31)]);
    }

    #[test]
    fn invalid_quarter_is_ignored() {
        kind("第五季度", DeadlineKind::None);
    }

    #[test]
    fn ten_day_periods() {
        dates("9月上旬", &[(2021, 9, 10)]);
        dates("9月中旬", &[(2021, 9, 20)]);
        dates("9月下旬", &[(2021, 9, 30)]);
        dates("2022年2月下旬", &[(2022, 2, 28)]);
    }

    #[test]
    fn following_year_kept_as_written() {
        dates("2022年3月31日前", &[(2022, 3, 31)]);
    }

    #[test]
    fn full_width_digits() {
        dates("２０２１年９月３０日前", &[(2021, 9, 30)]);
        dates("２０２１．９．３０", &[(2021, 9, 30)]);
    }

    #[test]
    fn numeric_forms() {
        dates("2021.9.30前完成", &[(2021, 9, 30)]);
        dates("2021-09-30", &[(2021, 9, 30)]);
        dates("2021/9/30", &[(2021, 9, 30)]);
    }

    #[test]
    fn mixed_separators_and_ranges_are_not_dates() {
        kind("2021.9/30", DeadlineKind::None);
        kind("2021-2023", DeadlineKind::None);
    }

    #[test]
    fn whitespace_between_parts() {
        dates("2021 年 9 月 30 日前", &[(2021, 9, 30)]);
    }

    #[test]
    fn chinese_numeral_months() {
        dates("九月底前", &[(2021, 9, 30)]);
        dates("十一月底前", &[(2021, 11, 30)]);
        dates("十二月", &[(2021, 12, 31)]);
        dates("十二月份完成", &[(2021, 12, 31)]);
        dates("九月三十日前", &[(2021, 9, 30)]);
        dates("十月二十一日", &[(2021, 10, 21)]);
        dates("二〇二一年九月三十日", &[(2021, 9, 30)]);
        dates("二零二二年一月", &[(2022, 1, 31)]);
    }

    #[test]
    fn chinese_numeral_word_fragments_are_not_months() {
        kind("统一月报", DeadlineKind::None);
        kind("“一号答”服务", DeadlineKind::None);
    }

    #[test]
    fn bare_arabic_month_means_month_end() {
        dates("2021年12月前完成", &[(2021, 12, 31)]);
        dates("12月完成", &[(2021, 12, 31)]);
    }

    #[test]
    fn invalid_dates_are_ignored() {
        kind("2021年2月30日前", DeadlineKind::None);
        kind("2021年13月底前", DeadlineKind::None);
        kind("2021.2.30", DeadlineKind::None);
        kind("9月32日", DeadlineKind::None);
        // The rest of the text still counts.
        dates("2021年2月30日前；2021年3月1日前", &[(2021, 3, 1)]);
    }

    #[test]
    fn invalid_date_is_not_reread_with_plan_year() {
        // 2月29日 is valid in 2024 but the text said 2021.
        assert_eq!(
            Deadline::parse("2021年2月29日", 2024).kind,
            DeadlineKind::None
        );
    }

    #[test]
    fn yearless_dates_carry_the_written_year() {
        dates(
            "2022年3月底前完成初稿，6月底前定稿",
            &[(2022, 3, 31), (2022, 6, 30)],
        );
    }

    #[test]
    fn start_dates_are_not_deadlines() {
        kind("自2021年9月起，每月报送", DeadlineKind::Monthly);
        dates("2021年9月1日开始，11月底前完成", &[(2021, 11, 30)]);
        dates("9月底起草完成", &[(2021, 9, 30)]);
    }

    #[test]
    fn ranges_keep_both_ends() {
        dates("2021年9月1日至11月30日", &[(2021, 9, 1), (2021, 11, 30)]);
    }

    #[test]
    fn several_dates_sorted_and_deduplicated() {
        dates(
            "2021年11月底前完成；2021年9月30日前报送；9月底前检查",
            &[(2021, 9, 30), (2021, 11, 30)],
        );
        dates(
            "第三季度内启动；2023年11月30日前完成",
            &[(2021, 9, 30), (2023, 11, 30)],
        );
    }

    #[test]
    fn monthly() {
        kind("每月底前报送", DeadlineKind::Monthly);
        kind(
            "市政府办公室每月对相关工作公开情况进行检查。",
            DeadlineKind::Monthly,
        );
        kind("每个月报送一次", DeadlineKind::Monthly);
    }

    #[test]
    fn monthly_day_is_not_a_date() {
        kind("每月15日前报送", DeadlineKind::Monthly);
    }

    #[test]
    fn quarterly() {
        kind("每季度报送", DeadlineKind::Quarterly);
        kind("每季度末前报送", DeadlineKind::Quarterly);
    }

    #[test]
    fn half_yearly_counts_as_quarterly() {
        kind("每半年通报一次", DeadlineKind::Quarterly);
    }

    #[test]
    fn yearly() {
        kind("每年报送一次", DeadlineKind::Yearly);
        kind("每年年底前总结", DeadlineKind::Yearly);
        kind("每年12月底前总结", DeadlineKind::Yearly);
    }

    #[test]
    fn shortest_cadence_wins() {
        kind("每月报送，每年总结", DeadlineKind::Monthly);
        kind("每年总结，每季度通报", DeadlineKind::Quarterly);
    }

    #[test]
    fn recurring_wins_over_ongoing() {
        kind("不定期抽查，每月通报", DeadlineKind::Monthly);
    }

    #[test]
    fn ongoing_phrasings() {
        for raw in [
            "立即落实并长期坚持。",
            "长期坚持",
            "持续推进",
            "及时公开",
            "及时发布。",
            "不定期检查",
            "不定期抽查",
            "市政府办公室不定期对相关工作进行抽查。",
            "市政府办公室不定期对疫情防控政策措施公开情况进行网上检查。",
            "每周通报",
        ] {
            kind(raw, DeadlineKind::Ongoing);
        }
    }

    #[test]
    fn dates_win_over_recurring_and_ongoing() {
        dates("每月检查；2021年11月底前完成", &[(2021, 11, 30)]);
        dates("立即落实，9月底前完成", &[(2021, 9, 30)]);
    }

    #[test]
    fn empty_and_whitespace_are_none() {
        for raw in ["", "   ", "\n\t", "\u{3000}"] {
            let d = p(raw);
            assert_eq!(d.kind, DeadlineKind::None);
            assert_eq!(d.raw, raw);
        }
    }

    #[test]
    fn unrecognised_text_is_none_and_kept() {
        let d = p("按要求完成");
        assert_eq!(d.kind, DeadlineKind::None);
        assert_eq!(d.raw, "按要求完成");
        assert_eq!(d.due(ymd(2021, 1, 1)), None);
    }

    // Report duty.

    #[test]
    fn report_to_variants() {
        let want = Some("市政府办公室209室".to_string());
        assert_eq!(
            p("2021年9月30日前报送至市政府办公室209室。").report_to,
            want
        );
        assert_eq!(p("报送到市政府办公室209室，").report_to, want);
        assert_eq!(p("报至市政府办公室209室；").report_to, want);
        assert_eq!(p("报送市政府办公室209室").report_to, want);
        assert_eq!(p("上报至市政府办公室209室,逾期通报").report_to, want);
    }

    #[test]
    fn report_to_keeps_brackets_and_drops_unclosed_ones() {
        assert_eq!(
            p("报送至市政府办公室（209室，电话）。")
                .report_to
                .as_deref(),
            Some("市政府办公室（209室，电话）")
        );
        assert_eq!(
            p("报送至市政府办公室（209室").report_to.as_deref(),
            Some("市政府办公室")
        );
    }

    #[test]
    fn no_report_duty() {
        assert_eq!(p("及时公开").report_to, None);
        assert_eq!(p("报送至。").report_to, None);
        assert_eq!(p("报送情况").report_to, None);
    }

    // The seed's cells.

    #[test]
    fn seed_cells() {
        dates(
            "2021年8月15日前，在政府门户网站制作转型政策专题。",
            &[(2021, 8, 15)],
        );
        kind("及时公开，市政府办公室不定期检查。", DeadlineKind::Ongoing);
        kind(
            "市政府办公室每月对相关工作公开情况进行检查。",
            DeadlineKind::Monthly,
        );
        let d =
            p("各镇（街道）、涉及单位每月底前将已公布标准目录执行情况报送至市政府办公室209室。");
        assert_eq!(d.kind, DeadlineKind::Monthly);
        assert_eq!(d.report_to.as_deref(), Some("市政府办公室209室"));
        dates(
            "市政府办公室不定期对政府网站部门信息公开栏及政务新媒体管理工作进行检查；市政务服务平台与市政府门户网站及政务新媒体对接于2021年11月底前完成。",
            &[(2021, 11, 30)],
        );
        kind("立即落实并长期坚持。", DeadlineKind::Ongoing);
        kind("", DeadlineKind::None);
        dates(
            "2021年9月底前，市政府办公室对“政府信息公开专用章”启用情况进行检查。",
            &[(2021, 9, 30)],
        );
        dates(
            "2021年11月底前，市政府办公室对“一号答”“一站式”政策咨询服务进行检查。",
            &[(2021, 11, 30)],
        );
        dates("2021年12月15日前完成。\n ", &[(2021, 12, 15)]);
        let d = p("2021年9月30日前，各单位将目录清单调整及公开情况报送至市政府办公室209室。");
        assert_eq!(d.milestones, vec![ymd(2021, 9, 30)]);
        assert_eq!(d.report_to.as_deref(), Some("市政府办公室209室"));
        kind("及时发布。", DeadlineKind::Ongoing);
    }

    /// Every deadline cell of the built-in seed plan, as parsed before the parser learnt the
    /// phrasings of issue #12: kind, milestones, report target, and due on two days.
    fn seed_digest() -> String {
        let plan = crate::plan::import::builtin();
        let mut seen = std::collections::BTreeSet::new();
        let mut out = String::new();
        for r in plan.requirements() {
            if !seen.insert(r.deadline_raw.clone()) {
                continue;
            }
            let d = Deadline::parse(&r.deadline_raw, plan.year);
            let due = |m, dd| d.due(ymd(2021, m, dd)).map(|x| x.to_string()).unwrap_or_default();
            out.push_str(&format!(
                "{:?} | {:?} | {:?} | {:?} | {} | {}\n",
                r.deadline_raw, d.kind, d.milestones, d.report_to, due(3, 1), due(10, 15)
            ));
        }
        out
    }

    #[test]
    fn seed_deadlines_are_pinned() {
        assert_eq!(seed_digest(), include_str!("deadline/seed-digest.txt"));
    }

    // due / days_left.

    #[test]
    fn due_picks_next_milestone_else_last() {
        let d = Deadline {
            kind: DeadlineKind::Date,
            milestones: vec![ymd(2021, 9, 30), ymd(2021, 11, 30)],
            ..Deadline::default()
        };
        assert_eq!(d.due(ymd(2021, 9, 1)), Some(ymd(2021, 9, 30)));
        assert_eq!(d.due(ymd(2021, 9, 30)), Some(ymd(2021, 9, 30)));
        assert_eq!(d.due(ymd(2021, 10, 1)), Some(ymd(2021, 11, 30)));
        assert_eq!(d.days_left(ymd(2021, 10, 1)), Some(60));
        assert_eq!(d.due(ymd(2021, 12, 5)), Some(ymd(2021, 11, 30)));
        assert_eq!(d.days_left(ymd(2021, 12, 5)), Some(-5));
    }

    #[test]
    fn due_of_empty_date_is_none() {
        let d = Deadline {
            kind: DeadlineKind::Date,
            ..Deadline::default()
        };
        assert_eq!(d.due(ymd(2021, 1, 1)), None);
    }

    #[test]
    fn due_monthly_is_end_of_month() {
        let d = p("每月底前报送");
        assert_eq!(d.due(ymd(2021, 2, 10)), Some(ymd(2021, 2, 28)));
        assert_eq!(d.days_left(ymd(2021, 2, 10)), Some(18));
        assert_eq!(d.due(ymd(2024, 2, 29)), Some(ymd(2024, 2, 29)));
        assert_eq!(d.due(ymd(2021, 12, 31)), Some(ymd(2021, 12, 31)));
    }

    #[test]
    fn due_quarterly_is_end_of_quarter() {
        let d = p("每季度报送");
        assert_eq!(d.due(ymd(2021, 8, 3)), Some(ymd(2021, 9, 30)));
        assert_eq!(d.due(ymd(2021, 1, 1)), Some(ymd(2021, 3, 31)));
        assert_eq!(d.due(ymd(2021, 4, 1)), Some(ymd(2021, 6, 30)));
        assert_eq!(d.due(ymd(2021, 12, 31)), Some(ymd(2021, 12, 31)));
    }

    #[test]
    fn due_yearly_is_end_of_year_of_today() {
        let d = p("每年报送");
        assert_eq!(d.due(ymd(2023, 5, 6)), Some(ymd(2023, 12, 31)));
    }

    #[test]
    fn ongoing_and_none_have_no_due() {
        assert_eq!(p("长期坚持").due(ymd(2021, 5, 1)), None);
        assert_eq!(p("长期坚持").days_left(ymd(2021, 5, 1)), None);
        assert_eq!(p("").due(ymd(2021, 5, 1)), None);
    }

    #[test]
    fn month_end_helper() {
        assert_eq!(month_end(2021, 12), Some(ymd(2021, 12, 31)));
        assert_eq!(month_end(2021, 4), Some(ymd(2021, 4, 30)));
        assert_eq!(month_end(2021, 0), None);
        assert_eq!(month_end(2021, 13), None);
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        let long = "2021年9月30日前、十二月底前；".repeat(500);
        for raw in [
            "年",
            "月",
            "日",
            "底",
            "第",
            "季度",
            "每",
            "年底",
            "2021",
            "2021年",
            "2021年9",
            "2021年9月",
            "十",
            "十十十",
            "一二三四五",
            "99999年9月",
            "0000年0月0日",
            "2021..",
            "2021.9.",
            "报送至",
            "报送至（",
            "（（（",
            "））",
            "9月",
            "0月",
            "十月十",
            "上半",
            "第三",
            "明年",
            &long,
        ] {
            let d = Deadline::parse(raw, 2021);
            let _ = d.due(ymd(2021, 6, 1));
            let _ = Deadline::parse(raw, i32::MAX).due(ymd(2021, 6, 1));
        }
        assert_eq!(
            Deadline::parse(&long, 2021).milestones,
            vec![ymd(2021, 9, 30), ymd(2021, 12, 31)]
        );
    }

    proptest::proptest! {
        /// Arbitrary mixes of the characters the scanner cares about never panic, and the
        /// result is internally consistent.
        #[test]
        fn never_panics_and_stays_consistent(
            raw in "[0-9０-９一二三四五六七八九十〇零年月日号底末内上中下旬半季度第每个今明次起报送至（）(),.，；\\-/ 前]{0,40}",
            plan_year in 1990i32..2100,
            offset in 0i64..2000,
        ) {
            let d = Deadline::parse(&raw, plan_year);
            proptest::prop_assert_eq!(d.kind == DeadlineKind::Date, !d.milestones.is_empty());
            proptest::prop_assert!(d.milestones.windows(2).all(|w| w[0] < w[1]));
            let today = ymd(1990, 1, 1) + chrono::Duration::days(offset * 30);
            let due = d.due(today);
            proptest::prop_assert_eq!(due.is_some(), !matches!(d.kind, DeadlineKind::Ongoing | DeadlineKind::None));
            if d.kind.period_end(today).is_some() {
                proptest::prop_assert!(due >= Some(today));
            }
        }
    }

    #[test]
    fn kind_serializes_lowercase() {
        assert_eq!(
            serde_json::to_string(&DeadlineKind::Quarterly).expect("serializes"),
            "\"quarterly\""
        );
    }
}
