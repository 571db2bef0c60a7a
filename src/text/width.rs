//! Display width in terminal columns, measured per grapheme cluster exactly as ratatui's
//! buffer counts cells (a control character takes none), after [`safe::display`] has turned
//! control, bidi and invisible characters into their visible marks.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::safe;

/// Columns one grapheme cluster takes. Control characters (only tab and newline survive
/// [`safe::display`]) take none, as in ratatui's buffer.
pub fn grapheme_width(g: &str) -> usize {
    if g.contains(char::is_control) {
        0
    } else {
        g.width()
    }
}

/// Columns `s` takes once shown (see [`safe::display`]): a Chinese character two, a Latin
/// letter one, an escape character one (as `␛`), a bidi override eight (as `<U+202E>`).
pub fn width(s: &str) -> usize {
    safe::display(s).graphemes(true).map(grapheme_width).sum()
}

/// `s` followed by spaces up to `cols` columns (nothing added when already wider).
pub fn pad(s: &str, cols: usize) -> String {
    let mut out = s.to_string();
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(width(s))));
    out
}

/// Spaces before `s` up to `cols` columns, for numbers.
pub fn pad_left(s: &str, cols: usize) -> String {
    let mut out: String = std::iter::repeat_n(' ', cols.saturating_sub(width(s))).collect();
    out.push_str(s);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_not_chars() {
        assert_eq!(width("依托政务服务中心"), 16);
        assert_eq!(width("APP 30%"), 7);
        assert_eq!(width("９０％"), 6, "full-width digits are wide");
        assert_eq!(width("…"), 1, "the ellipsis is one column");
        assert_eq!(width("“”‘’"), 4, "curly quotes are narrow");
        assert_eq!(width("e\u{301}"), 1, "a combining accent joins its letter");
        assert_eq!(width("👩\u{200d}💻"), 12, "a joiner is shown as its mark");
        assert_eq!(width("中\u{1b}文"), 5, "ESC is shown as ␛");
        assert_eq!(
            width("a\u{202e}b"),
            10,
            "a bidi override is shown as <U+202E>"
        );
    }

    #[test]
    fn padding_counts_columns() {
        assert_eq!(pad("已完成", 8), "已完成  ");
        assert_eq!(width(&pad("已完成", 8)), 8);
        assert_eq!(pad_left("7", 3), "  7");
        assert_eq!(pad("toolong", 3), "toolong");
        assert_eq!(
            pad("甲\u{1b}", 5),
            "甲\u{1b}  ",
            "padded to the width of 甲␛"
        );
    }
}
