//! Cutting text to a number of columns, grapheme by grapheme, with one ellipsis style.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;

use super::safe;
use super::width::{grapheme_width, width};

/// Marks cut text, everywhere (command line and dashboard). U+2026 is East-Asian-ambiguous:
/// unicode-width, ratatui and terminals in their default (narrow) setting give it one
/// column, which is what every layout here counts; a terminal set to draw ambiguous
/// characters wide would shift a cut cell by one column.
pub const ELLIPSIS: &str = "…";

/// Cut `s` (as shown, see [`safe::display`]) to at most `cols` columns, grapheme by
/// grapheme, ending with [`ELLIPSIS`] when something was cut. A wide character that would
/// straddle the limit goes whole, so the result may be one column short. Line breaks are
/// kept: join them first (`one_line`) for a one-line cell.
pub fn truncate(s: &str, cols: usize) -> Cow<'_, str> {
    let s = safe::display(s);
    if width(&s) <= cols {
        return s;
    }
    if cols == 0 {
        return Cow::Borrowed("");
    }
    let room = cols - width(ELLIPSIS);
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = grapheme_width(g);
        if used + w > room {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push_str(ELLIPSIS);
    Cow::Owned(out)
}

/// [`truncate`], then pad with spaces to exactly `cols` columns (for aligned columns).
pub fn fit(s: &str, cols: usize) -> String {
    let mut out = truncate(s, cols).into_owned();
    let w = width(&out);
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    out
}

/// [`truncate`], then pad on the left to exactly `cols` columns (for numbers).
pub fn fit_right(s: &str, cols: usize) -> String {
    let cut = truncate(s, cols);
    let mut out: String = std::iter::repeat_n(' ', cols.saturating_sub(width(&cut))).collect();
    out.push_str(&cut);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_by_columns_with_one_ellipsis() {
        assert_eq!(width(ELLIPSIS), 1);
        assert_eq!(truncate("依托政务服务中心", 16), "依托政务服务中心");
        assert_eq!(truncate("依托政务服务中心", 9), "依托政务…");
        assert_eq!(width(&truncate("依托政务服务中心", 9)), 9);
        // 依托政 would be 7 columns with the ellipsis: one short rather than over.
        assert_eq!(truncate("依托政务服务中心", 8), "依托政…");
        assert_eq!(width(&truncate("依托政务服务中心", 8)), 7);
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("依托", 3), "依…");
        assert_eq!(truncate("依托", 2), "…");
        assert_eq!(truncate("abc", 1), "…");
        assert_eq!(truncate("依托", 0), "");
    }

    #[test]
    fn never_splits_a_grapheme() {
        // e + combining acute is one grapheme of one column: kept whole or not at all.
        assert_eq!(truncate("e\u{301}e\u{301}e\u{301}", 2), "e\u{301}…");
        assert_eq!(truncate("🇨🇳🇨🇳", 3), "🇨🇳…");
    }

    #[test]
    fn marks_are_cut_as_shown() {
        assert_eq!(truncate("甲\u{1b}[2J乙", 6), "甲␛[2…");
        assert_eq!(truncate("\u{202e}abc", 20), "<U+202E>abc");
        assert_eq!(fit("\u{9b}2J", 11), "<U+009B>2J ");
        assert_eq!(fit("\u{9b}2J", 9), "<U+009B>…");
    }

    #[test]
    fn fit_pads_to_exact_columns() {
        assert_eq!(fit("中文", 5), "中文 ");
        assert_eq!(fit("中文字", 5), "中文…");
        assert_eq!(fit("中文字", 4), "中… ");
        assert_eq!(fit_right("剩3天", 6), " 剩3天");
        for cols in 0..14 {
            assert_eq!(width(&fit("扩大公开范围", cols)), cols, "{cols}");
            assert_eq!(width(&fit_right("扩大公开范围", cols)), cols, "{cols}");
        }
    }
}
