//! Whole numbers in a deadline cell: ASCII digits (9, 09, 2021) or Chinese numerals (九, 十一,
//! 三十一, 二〇二一).

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

pub(super) fn is_cn_numeral(c: char) -> bool {
    c == '十' || cn_digit(c).is_some()
}

/// An integer starting at some index, in ASCII digits or Chinese numerals.
pub(super) struct Num {
    pub value: u32,
    /// The index after the number.
    pub end: usize,
    pub ascii: bool,
    /// Four digits: can only be a year (2021, 二〇二一).
    pub year_like: bool,
}

/// Reads a whole number starting at `i`; `None` when `i` is inside a number or the numeral is
/// malformed. Values are small (at most four digits), so no overflow is possible.
pub(super) fn number_at(text: &[char], i: usize) -> Option<Num> {
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

/// A count as offices write it: a number, or 两 (two).
pub(super) fn count_at(text: &[char], i: usize) -> Option<Num> {
    if text.get(i) == Some(&'两') {
        return Some(Num {
            value: 2,
            end: i + 1,
            ascii: false,
            year_like: false,
        });
    }
    number_at(text, i).filter(|n| !n.year_like)
}
