//! The dashboard's view of the one text layer ([`crate::text`]).
//!
//! ratatui's `Paragraph::wrap` mishandles unspaced Chinese (overflow, dropped characters, a
//! panic at width 2), so panes get finished lines from here. Widths are terminal columns,
//! measured per grapheme exactly as ratatui's buffer does, of the text as shown (with the
//! marks of [`safe::display`], which [`super::put_line`] applies to every span it draws), so
//! a line from here never spills out of its pane.

use std::borrow::Cow;

pub use crate::text::{ELLIPSIS, one_line, width};

#[cfg(doc)]
use crate::text::safe;

/// Wrap `text` into lines of at most `width` columns under the Chinese line rules (see
/// [`crate::text::linebreak`]); `\n` starts a new line. A character wider than `width`
/// (only possible at width 1) is left out, since a pane that narrow cannot draw it.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let lines = crate::text::wrap(text, width);
    if width > 1 {
        return lines;
    }
    // Only a lone wide grapheme can be wider than the line (see text::wrap).
    let mut drawable: Vec<String> = lines
        .into_iter()
        .filter(|l| crate::text::width(l) <= width)
        .collect();
    if drawable.is_empty() && width == 1 {
        drawable.push(String::new());
    }
    drawable
}

/// Cut `text` to at most `cols` columns, ending in [`ELLIPSIS`] when something was cut.
/// Line breaks are joined first (see [`one_line`]).
pub fn truncate(text: &str, cols: usize) -> Cow<'_, str> {
    match one_line(text) {
        Cow::Borrowed(t) => crate::text::truncate(t, cols),
        Cow::Owned(t) => Cow::Owned(crate::text::truncate(&t, cols).into_owned()),
    }
}

/// [`truncate`], then pad with spaces to exactly `cols` columns (for aligned columns).
pub fn fit(text: &str, cols: usize) -> String {
    crate::text::fit(&one_line(text), cols)
}

/// [`truncate`], then pad on the left to exactly `cols` columns.
pub fn fit_right(text: &str, cols: usize) -> String {
    crate::text::fit_right(&one_line(text), cols)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_chars_at_width_one_and_two() {
        assert_eq!(wrap("中文", 1), [""]);
        assert_eq!(wrap("中a文", 1), ["a"]);
        assert_eq!(wrap("中文", 2), ["中", "文"]);
        assert_eq!(wrap("a中", 2), ["a", "中"]);
        assert!(wrap("anything", 0).is_empty());
    }

    #[test]
    fn quotes_and_ellipses_never_begin_a_pane_line() {
        // Narrow closing quotes and ellipses (the dashboard bug) stay with the text.
        assert_eq!(wrap("一二三四”五", 8), ["一二三", "四”五"]);
        assert_eq!(wrap("一二三四’五", 8), ["一二三", "四’五"]);
        assert_eq!(wrap("一二三四……", 8), ["一二三", "四……"]);
        assert_eq!(wrap("一二三四…五", 8), ["一二三", "四…五"]);
        assert_eq!(width("四……"), 4);
    }

    #[test]
    fn truncate_and_fit_join_lines_first() {
        assert_eq!(truncate("扩大公开范围", 12), "扩大公开范围");
        assert_eq!(truncate("扩大公开范围", 7), "扩大公…");
        assert_eq!(truncate("扩大公开\n范围", 12), "扩大公开范围");
        assert_eq!(fit("扩大\n公开范围", 9), "扩大公开…");
        assert_eq!(fit("中文字", 5), "中文…");
        assert_eq!(fit_right("剩3天", 6), " 剩3天");
        assert_eq!(width(&fit("扩大公开范围", 9)), 9);
        assert_eq!(truncate("甲\u{1b}]0;x\u{7}乙", 7), "甲␛]0;…");
    }
}
