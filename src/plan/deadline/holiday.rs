//! Holiday-relative deadlines: 元旦前, 国庆节前, 国庆节后, 五一前. Until the working-day calendar
//! lands, only the fixed-date holidays are dated; the lunar ones (春节, 清明, 端午, 中秋 …) move
//! every year and are left unread, so the cell shows as unparsed rather than as no deadline.

use chrono::NaiveDate;

use super::normalise::word_at;

/// A holiday on a fixed date.
struct Fixed {
    /// Its names, longest first.
    names: &'static str,
    month: u32,
    day: u32,
    /// The first day after its statutory break; `None`: too short or too variable to name.
    after: Option<(u32, u32)>,
}

const FIXED: [Fixed; 3] = [
    Fixed {
        names: "元旦节 元旦",
        month: 1,
        day: 1,
        after: None,
    },
    // 10-01..10-07 off: work resumes on 10-08.
    Fixed {
        names: "国庆节 国庆",
        month: 10,
        day: 1,
        after: Some((10, 8)),
    },
    // 05-01..05-05 off since 2020: work resumes on 05-06.
    Fixed {
        names: "五一国际劳动节 五一劳动节 劳动节 五一节 五一",
        month: 5,
        day: 1,
        after: Some((5, 6)),
    },
];

/// Holidays on the lunar calendar: named, but not dated yet.
const LUNAR: &str = "春节 元宵节 元宵 清明节 清明 端午节 端午 中秋节 中秋 重阳节 重阳";

const BEFORE: &str = "之前 以前 前";
const AFTER: &str = "之后 以后 后";

/// A holiday named at `i` with 前 or 后: its date (`None` when it names a holiday duban cannot
/// date) and the index after the expression; `None` when no holiday is named here.
///
/// 国庆节前 is the holiday's own date (10-01): the deadline is the day the office closes, and
/// the working-day calendar will move it to the last working day before. 国庆节后 is the first
/// day after the break. 元旦前 in a plan without a written year means the coming new year,
/// 01-01 of the year after the plan year: a plan runs from its year's first day, so its own
/// 元旦 has passed before any work starts. 元旦后 is ambiguous (which new year, how soon
/// after) and is left unread. A holiday named without 前/后 (国庆期间) is left unread too.
pub(super) fn holiday_at(
    s: &[char],
    i: usize,
    year: i32,
    explicit_year: bool,
) -> Option<(Option<NaiveDate>, usize)> {
    // Every name starts with one of these: other positions need no try.
    if !matches!(
        s.get(i),
        Some('元' | '国' | '劳' | '五' | '春' | '清' | '端' | '中' | '重')
    ) {
        return None;
    }
    if let Some(end) = word_at(s, i, LUNAR) {
        return Some((None, word_at(s, end, "节前 节后 前 后").unwrap_or(end)));
    }
    let (
        end,
        &Fixed {
            month, day, after, ..
        },
    ) = FIXED
        .iter()
        .find_map(|h| Some((word_at(s, i, h.names)?, h)))?;
    if let Some(end) = word_at(s, end, BEFORE) {
        // The coming 元旦, unless the text wrote its year (2022年元旦前).
        let year = if month == 1 && !explicit_year {
            year.checked_add(1)?
        } else {
            year
        };
        return Some((NaiveDate::from_ymd_opt(year, month, day), end));
    }
    if let Some(end) = word_at(s, end, AFTER) {
        let date = after.and_then(|(m, d)| NaiveDate::from_ymd_opt(year, m, d));
        return Some((date, end));
    }
    Some((None, end))
}
