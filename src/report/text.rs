//! The command line's view of the one text layer ([`crate::text`]): display width, cutting,
//! padding and line breaking, all in terminal columns of the text as shown (see
//! [`safe::display`], which `main` applies to the whole output), plus the terminal width.

pub use crate::text::collapse_whitespace as one_line;
pub use crate::text::{ELLIPSIS, pad, pad_left, truncate, width};

#[cfg(doc)]
use crate::text::safe;

/// Terminal width for tables: `COLUMNS` when it holds a sensible number, else 100.
/// (No terminal-size crate: scripts and pipes want a stable width anyway.)
pub fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&w| w >= 20)
        .unwrap_or(100)
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

/// Break `s` into lines of at most `max` columns under the Chinese line rules (see
/// [`crate::text::linebreak`]); existing line breaks are kept. At least two columns, so that
/// every character fits and nothing is lost; always at least one line.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    crate::text::wrap(s, max.max(2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::safe;

    #[test]
    fn cli_truncation_and_padding_are_the_text_layers() {
        assert_eq!(truncate("依托政务服务中心", 9), "依托政务…");
        assert_eq!(truncate("依托", 2), "…");
        assert_eq!(pad("已完成", 8), "已完成  ");
        assert_eq!(pad_left("7", 3), "  7");
        assert_eq!(width("依托\u{1b}]0;x\u{7}"), 10);
    }

    #[test]
    fn column_widths_take_the_widest_cell() {
        let rows = [["1.1.1".to_string(), "依托".to_string()]];
        assert_eq!(column_widths(&rows, ["编号", "内容文字"]), [5, 8]);
    }

    #[test]
    fn wrap_keeps_every_character_at_any_width() {
        assert_eq!(wrap("一二三四五", 4), ["一二", "三四", "五"]);
        assert_eq!(wrap("一二", 1), ["一", "二"], "at least two columns");
        assert_eq!(wrap("due today soon", 10), ["due today", "soon"]);
        assert_eq!(wrap("", 10), [""]);
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
