//! A multi-line cell shown on one line.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;

use super::width::grapheme_width;

/// Join a multi-line cell into one line: nothing between two wide (CJK) characters, one space
/// otherwise; tabs become spaces. Table cells in the source documents break lines
/// mid-phrase (`扩大公开范围\n打造阳光政府`), which must read as one phrase (the dashboard).
pub fn one_line(text: &str) -> Cow<'_, str> {
    if !text.contains(['\n', '\r', '\t']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::new();
    for part in text
        .split(['\n', '\r'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let wide_end = out
            .graphemes(true)
            .next_back()
            .is_some_and(|g| grapheme_width(g) >= 2);
        let wide_start = part
            .graphemes(true)
            .next()
            .is_some_and(|g| grapheme_width(g) >= 2);
        if !(out.is_empty() || wide_end && wide_start) {
            out.push(' ');
        }
        out.push_str(part);
    }
    Cow::Owned(out.replace('\t', " "))
}

/// Collapse line breaks and runs of whitespace into single spaces and trim the ends (the
/// command line's tables, `show` and exports, whose output tests and readers rely on the
/// space kept where a line broke).
pub fn collapse_whitespace(s: &str) -> Cow<'_, str> {
    if s.chars().all(|c| c == ' ' || !c.is_whitespace()) && !s.contains("  ") {
        return Cow::Borrowed(s.trim());
    }
    Cow::Owned(s.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_joins_cjk_without_space() {
        assert_eq!(
            one_line("扩大公开范围\n打造阳光政府"),
            "扩大公开范围打造阳光政府"
        );
        assert_eq!(one_line("open\nplan"), "open plan");
        assert_eq!(one_line("a\tb"), "a b");
        assert_eq!(
            one_line("进一步规范拟发公文公开属性\n认定"),
            "进一步规范拟发公文公开属性认定"
        );
    }

    #[test]
    fn collapse_keeps_a_space_where_lines_broke() {
        assert_eq!(
            collapse_whitespace("扩大公开范围\n打造阳光政府"),
            "扩大公开范围 打造阳光政府"
        );
        assert_eq!(collapse_whitespace("  plain  text "), "plain text");
        assert_eq!(collapse_whitespace("plain"), "plain");
    }
}
