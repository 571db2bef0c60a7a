//! The dashboard's safety net, run over the finished frame before it is sent to the
//! terminal. Every pane draws its text through [`super::put_line`], which shows control,
//! bidi and invisible characters as visible marks (see [`crate::text::safe`]), so for
//! duban's own drawing this finds nothing; it is there so that a widget drawn some other
//! way can never put such a character on the screen.

use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

use crate::text::safe;

/// What a cell shows when nothing of its symbol can be kept: ASCII, one column.
const MARK: &str = "?";

/// Clean every cell whose symbol holds a character of [`safe::needs_mark`]: the character is
/// removed when what remains takes the same columns (a joiner inside a cluster), otherwise
/// the cell shows [`MARK`]s of its width, so nothing right of it moves. Returns the number of
/// cells changed.
pub fn buffer(buf: &mut Buffer) -> usize {
    let mut changed = 0;
    for cell in &mut buf.content {
        let symbol = cell.symbol();
        if safe::is_clean(symbol) {
            continue;
        }
        let cols = symbol.width().max(1);
        let kept: String = symbol.chars().filter(|&c| !safe::needs_mark(c)).collect();
        let shown = if !kept.is_empty() && kept.width() == cols {
            kept
        } else {
            MARK.repeat(cols)
        };
        cell.set_symbol(&shown);
        changed += 1;
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    #[test]
    fn symbols_written_past_the_text_layer_are_cleaned_in_place() {
        let mut buf = Buffer::with_lines(["abcd"]);
        buf[(0, 0)].set_symbol("\u{1b}");
        buf[(1, 0)].set_symbol("b\u{200d}");
        buf[(2, 0)].set_symbol("\u{202e}");
        assert_eq!(buffer(&mut buf), 3);
        assert_eq!(buf, Buffer::with_lines(["?b?d"]));
        assert_eq!(buffer(&mut buf), 0, "a clean buffer is left alone");
    }

    #[test]
    fn a_wide_cell_keeps_its_width() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 3, 1));
        buf.set_string(0, 0, "中", ratatui::style::Style::default());
        buf[(0, 0)].set_symbol("中\u{2066}");
        buffer(&mut buf);
        assert_eq!(buf[(0, 0)].symbol(), "中");
        buf[(0, 0)].set_symbol("\u{e0041}中");
        buffer(&mut buf);
        assert_eq!(buf[(0, 0)].symbol(), "中");
    }
}
