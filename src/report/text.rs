//! Display-width helpers for plain output. Chinese characters take two terminal columns, so
//! every measurement here is in display columns, never bytes or chars.
//!
//! Text is measured, cut and wrapped as it will be shown: with control, bidi and invisible
//! characters as the visible marks of [`safe::display`] (which `main` applies to the whole
//! output), so a mark never pushes a column out of line.

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::text::safe;

pub const ELLIPSIS: char = '…';

/// Terminal width for tables: `COLUMNS` when it holds a sensible number, else 100.
/// (No terminal-size crate: scripts and pipes want a stable width anyway.)
pub fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&w| w >= 20)
        .unwrap_or(100)
}

/// Columns `s` takes once shown (see [`safe::display`]).
pub fn width(s: &str) -> usize {
    safe::display(s).width()
}

fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Column widths of an aligned table: the widest cell of each column, header included.
pub fn column_widths<const N: usize>(rows: &[[String; N]], header: [&str; N]) -> [usize; N] {
    let mut w = header.map(width);
    for row in rows {
        for (w, cell) in w.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    w
}

/// Collapse line breaks and runs of whitespace into single spaces, for one-line cells.
pub fn one_line(s: &str) -> Cow<'_, str> {
    if s.chars().all(|c| c == ' ' || !c.is_whitespace()) && !s.contains("  ") {
        return Cow::Borrowed(s.trim());
    }
    Cow::Owned(s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Cut `s` to at most `max` columns, ending with "…" when something was cut.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    let s = safe::display(s);
    if s.width() <= max {
        return s;
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let budget = max - char_width(ELLIPSIS);
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = char_width(c);
        if used + w > budget {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push(ELLIPSIS);
    Cow::Owned(out)
}

/// `s` followed by spaces up to `w` columns (nothing added when already wider).
pub fn pad(s: &str, w: usize) -> String {
    let mut out = s.to_string();
    out.extend(std::iter::repeat_n(' ', w.saturating_sub(width(s))));
    out
}

/// Spaces before `s` up to `w` columns, for numbers.
pub fn pad_left(s: &str, w: usize) -> String {
    let mut out: String = std::iter::repeat_n(' ', w.saturating_sub(width(s))).collect();
    out.push_str(s);
    out
}

/// Break `s` into lines of at most `max` columns. Chinese breaks anywhere; a Latin word is
/// moved whole to the next line when the line has an earlier space to break at.
/// Existing line breaks are kept. Always returns at least one line.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let s = safe::display(s);
    let max = max.max(2);
    let mut lines = Vec::new();
    for para in s.lines() {
        let mut line = String::new();
        let mut used = 0;
        for c in para.chars() {
            let w = char_width(c);
            if used + w > max && !line.is_empty() {
                let carry = split_at_word(&mut line, c);
                lines.push(line.trim_end().to_string());
                line = carry;
                used = width(&line);
            }
            line.push(c);
            used += w;
        }
        lines.push(line.trim_end().to_string());
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// When `next` continues a Latin word, take that word's start off `line` (if the line has a
/// space before it) and return it to begin the next line.
fn split_at_word(line: &mut String, next: char) -> String {
    let latin = |c: char| c.is_ascii_alphanumeric();
    if !latin(next) || !line.ends_with(latin) {
        return String::new();
    }
    match line.rfind(' ') {
        Some(pos) => {
            let carry = line[pos + 1..].to_string();
            line.truncate(pos);
            carry
        }
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_counts_columns() {
        assert_eq!(truncate("依托政务服务中心", 9), "依托政务…");
        assert_eq!(truncate("依托政务服务中心", 16), "依托政务服务中心");
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("依托", 2), "…");
        assert_eq!(truncate("依托", 0), "");
    }

    #[test]
    fn padding_counts_columns() {
        assert_eq!(pad("已完成", 8), "已完成  ");
        assert_eq!(pad_left("7", 3), "  7");
        assert_eq!(pad("toolong", 3), "toolong");
    }

    #[test]
    fn wrapping_chinese_and_latin() {
        assert_eq!(wrap("一二三四五", 4), vec!["一二", "三四", "五"]);
        assert_eq!(wrap("due today soon", 10), vec!["due today", "soon"]);
        assert_eq!(wrap("", 10), vec![String::new()]);
        for line in wrap(
            "提升解读质量。从2021年起各单位政策多样化解读率不得低于90％。",
            11,
        ) {
            assert!(width(&line) <= 11, "{line}");
        }
    }

    #[test]
    fn marks_are_measured_cut_and_wrapped_as_shown() {
        assert_eq!(width("依托\u{1b}]0;x\u{7}"), 10);
        assert_eq!(
            pad("甲\u{1b}", 5),
            "甲\u{1b}  ",
            "padded to the width of 甲␛"
        );
        assert_eq!(truncate("甲\u{1b}[2J乙", 6), "甲␛[2…");
        assert_eq!(truncate("\u{202e}abc", 20), "<U+202E>abc");
        assert_eq!(
            wrap("第一行\r\n第二行\u{9b}", 20),
            ["第一行", "第二行<U+009B>"]
        );
        for line in wrap("提升\u{1b}]52;c;aGk=\u{7}解读质量\u{200b}。", 7) {
            assert!(width(&line) <= 7 && safe::is_clean(&line), "{line:?}");
        }
    }

    #[test]
    fn one_line_collapses_breaks() {
        assert_eq!(
            one_line("扩大公开范围\n打造阳光政府"),
            "扩大公开范围 打造阳光政府"
        );
        assert_eq!(one_line("plain"), "plain");
    }
}
