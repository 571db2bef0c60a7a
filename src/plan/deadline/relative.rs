//! Deadlines counted from an event: 5个工作日内, 收到后3天内, 15日内, 两个月内, 三年内, 半年内.
//! The cell does not say when the event happens, so these stay undated (`relative`); the count
//! and its unit are kept so the working-day calendar can date them once the event is known.

use serde::Serialize;

use super::normalise::{starts, word_at};
use super::number::count_at;

/// What a relative deadline counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RelativeUnit {
    /// 工作日: skipping weekends and holidays (needs the working-day calendar).
    WorkingDays,
    /// 日, 天, 自然日; weeks are counted as seven days.
    Days,
    Months,
    Years,
    Hours,
}

/// "5个工作日内": within `count` `unit`s of an event the text names (收到后, 接到通知后) or
/// implies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Relative {
    pub count: u32,
    pub unit: RelativeUnit,
}

/// Units after the count (and an optional 个), longest first.
const UNITS: [(&str, RelativeUnit, u32); 8] = [
    ("工作日", RelativeUnit::WorkingDays, 1),
    ("自然日", RelativeUnit::Days, 1),
    ("星期", RelativeUnit::Days, 7),
    ("小时", RelativeUnit::Hours, 1),
    ("日", RelativeUnit::Days, 1),
    ("天", RelativeUnit::Days, 1),
    ("周", RelativeUnit::Days, 7),
    ("年", RelativeUnit::Years, 1),
];

/// A relative deadline starting at `i`, and the index after it.
///
/// It needs 内/以内/之内 after the unit, or an event just before the count (收到后5个工作日):
/// "3天" alone is no deadline. A count right after 月, 每 or 第 is something else (9月10日内 is
/// a date, 每月10日 a recurrence, 第3个工作日 a day of a period).
pub(super) fn relative_at(s: &[char], i: usize) -> Option<(Relative, usize)> {
    let prev = i.checked_sub(1).and_then(|p| s.get(p)).copied();
    if prev.is_some_and(|p| "月每第".contains(p)) {
        return None;
    }
    let (relative, after_unit) = if s.get(i) == Some(&'半') {
        // 半年内, 半个月内.
        if starts(s, i + 1, "年") {
            (relative(6, RelativeUnit::Months), i + 2)
        } else {
            let end = word_at(s, i + 1, "个月 月")?;
            (relative(15, RelativeUnit::Days), end)
        }
    } else {
        let n = count_at(s, i).filter(|n| n.value > 0)?;
        let with_ge = s.get(n.end) == Some(&'个');
        let at = n.end + usize::from(with_ge);
        // 3个月内; "3月内" is March.
        if with_ge && starts(s, at, "月") {
            (relative(n.value, RelativeUnit::Months), at + 1)
        } else {
            let (word, unit, times) = UNITS.iter().find(|(w, ..)| starts(s, at, w))?;
            let count = n.value.checked_mul(*times)?;
            (relative(count, *unit), at + word.chars().count())
        }
    };
    if let Some(end) = word_at(s, after_unit, "以内 之内 内") {
        return Some((relative, end));
    }
    (prev == Some('后')).then_some((relative, after_unit))
}

fn relative(count: u32, unit: RelativeUnit) -> Relative {
    Relative { count, unit }
}
