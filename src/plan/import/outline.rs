//! The numbering of a paragraph plan's lines: `一、` / `（一）` / `1.` or `1、` / `(1)` / `①`,
//! full- and half-width alike, ranked in the order official documents nest them.

/// A numbering style, in the order documents nest them (一、 above （一） above 1. …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum Marker {
    /// 一、
    Chinese,
    /// （一）
    ParenChinese,
    /// 1. 1、 1．
    Arabic,
    /// (1) （1） 1）
    ParenArabic,
    /// ①
    Circled,
}

/// A numbered line: its style, its number and the text after the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Numbered<'a> {
    pub marker: Marker,
    pub number: u32,
    pub rest: &'a str,
}

fn digit(c: char) -> Option<u32> {
    c.to_digit(10).or_else(|| {
        ('０'..='９')
            .contains(&c)
            .then(|| u32::from(c) - u32::from('０'))
    })
}

fn is_chinese_numeral(c: char) -> bool {
    "零一二三四五六七八九十百".contains(c)
}

/// 一 … 九十九 (and 一百 … 一百九十九 for long lists written out).
fn chinese_value(s: &str) -> Option<u32> {
    let (hundreds, s) = match s.split_once('百') {
        Some((h, rest)) => (chinese_units(h)?.max(1), rest.trim_start_matches('零')),
        None => (0, s),
    };
    let below = if s.is_empty() { 0 } else { chinese_units(s)? };
    let n = hundreds * 100 + below;
    (n > 0).then_some(n)
}

fn chinese_units(s: &str) -> Option<u32> {
    let d = |c: char| {
        "零一二三四五六七八九"
            .chars()
            .position(|x| x == c)
            .and_then(|p| u32::try_from(p).ok())
    };
    let chars: Vec<char> = s.chars().collect();
    match chars[..] {
        [] => Some(0),
        ['十'] => Some(10),
        [u] => d(u),
        ['十', u] => Some(10 + d(u)?),
        [t, '十'] => Some(10 * d(t)?),
        [t, '十', u] => Some(10 * d(t)? + d(u)?),
        _ => None,
    }
}

fn arabic_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.chars().count() > 4 {
        return None;
    }
    s.chars()
        .try_fold(0u32, |acc, c| Some(acc * 10 + digit(c)?))
        .filter(|&n| n > 0)
}

/// The line's number, if it starts with one.
pub(super) fn numbered(line: &str) -> Option<Numbered<'_>> {
    let s = line.trim_start();
    let first = s.chars().next()?;
    if ('①'..='⑳').contains(&first) {
        let number = u32::from(first) - u32::from('①') + 1;
        let rest = s[first.len_utf8()..].trim_start();
        return Some(Numbered {
            marker: Marker::Circled,
            number,
            rest,
        });
    }
    if let Some(inner) = s.strip_prefix(['（', '(']) {
        let close = inner.find(['）', ')'])?;
        let n = &inner[..close];
        let close_len = inner[close..].chars().next().map_or(1, char::len_utf8);
        let rest = inner[close + close_len..].trim_start();
        let (marker, number) = if let Some(v) = arabic_value(n) {
            (Marker::ParenArabic, v)
        } else if n.chars().all(is_chinese_numeral) {
            (Marker::ParenChinese, chinese_value(n)?)
        } else {
            return None;
        };
        return Some(Numbered {
            marker,
            number,
            rest,
        });
    }
    let end = s
        .char_indices()
        .find(|&(_, c)| !(digit(c).is_some() || is_chinese_numeral(c)))
        .map_or(s.len(), |(i, _)| i);
    let (n, after) = s.split_at(end);
    let sep = after.chars().next()?;
    let rest = &after[sep.len_utf8()..];
    let chinese = !n.is_empty() && n.chars().all(is_chinese_numeral);
    match sep {
        '、' | '．' | '.' if chinese => Some(Numbered {
            marker: Marker::Chinese,
            number: chinese_value(n)?,
            rest: rest.trim_start(),
        }),
        // "1.2万户" and "3.5%" are numbers, not "1." and a text.
        '、' | '．' | '.' if !rest.starts_with(|c: char| digit(c).is_some()) => Some(Numbered {
            marker: Marker::Arabic,
            number: arabic_value(n)?,
            rest: rest.trim_start(),
        }),
        '）' | ')' => Some(Numbered {
            marker: Marker::ParenArabic,
            number: arabic_value(n)?,
            rest: rest.trim_start(),
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(line: &str) -> Option<(Marker, u32, &str)> {
        numbered(line).map(|n| (n.marker, n.number, n.rest))
    }

    #[test]
    fn every_style_full_and_half_width() {
        use Marker::{Arabic, Chinese, Circled, ParenArabic, ParenChinese};
        for (line, want) in [
            ("一、总体要求", (Chinese, 1, "总体要求")),
            ("十二、其他", (Chinese, 12, "其他")),
            ("（三）扩大内需", (ParenChinese, 3, "扩大内需")),
            ("(十)扩大内需", (ParenChinese, 10, "扩大内需")),
            ("1.实施工程", (Arabic, 1, "实施工程")),
            ("12、实施工程", (Arabic, 12, "实施工程")),
            ("７９．实施工程", (Arabic, 79, "实施工程")),
            ("(2)细化措施", (ParenArabic, 2, "细化措施")),
            ("（2）细化措施", (ParenArabic, 2, "细化措施")),
            ("3）细化措施", (ParenArabic, 3, "细化措施")),
            ("②细化措施", (Circled, 2, "细化措施")),
            ("一百零五、实施", (Chinese, 105, "实施")),
        ] {
            assert_eq!(read(line), Some(want), "{line}");
        }
        for line in [
            "1.2万户完成改造",
            "3.5%以上",
            "2024年3月",
            "一把手工程",
            "（注）说明",
            "（县发改局牵头）",
            "十分重要。",
            "",
        ] {
            assert_eq!(read(line), None, "{line}");
        }
    }
}
