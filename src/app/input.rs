//! A one-line text editor for notes. Works in graphemes (a caret never lands inside a
//! multi-byte character or a combining sequence) and measures in terminal columns, so Chinese
//! input-method text edits and displays correctly.

use unicode_segmentation::UnicodeSegmentation;

use super::action::Edit;
use crate::text::width;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEditor {
    text: String,
    /// Byte offset into `text`, always on a grapheme boundary.
    caret: usize,
}

impl LineEditor {
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Columns before the caret.
    pub fn caret_column(&self) -> usize {
        width(&self.text[..self.caret])
    }

    pub fn apply(&mut self, edit: Edit) {
        match edit {
            Edit::Insert(c) => self.insert(c.encode_utf8(&mut [0; 4])),
            Edit::Paste(s) => self.insert(&s),
            Edit::Backspace => {
                if let Some(start) = self.prev_boundary() {
                    self.text.replace_range(start..self.caret, "");
                    self.caret = start;
                }
            }
            Edit::Delete => {
                if let Some(end) = self.next_boundary() {
                    self.text.replace_range(self.caret..end, "");
                }
            }
            Edit::Left => self.caret = self.prev_boundary().unwrap_or(self.caret),
            Edit::Right => self.caret = self.next_boundary().unwrap_or(self.caret),
            Edit::Home => self.caret = 0,
            Edit::End => self.caret = self.text.len(),
            Edit::ClearToStart => {
                self.text.replace_range(..self.caret, "");
                self.caret = 0;
            }
        }
    }

    /// Insert at the caret, sanitized: line breaks and tabs become spaces (a note is one
    /// line; Enter saves it), other control characters are dropped.
    fn insert(&mut self, s: &str) {
        let clean = sanitize(s);
        self.text.insert_str(self.caret, &clean);
        self.caret += clean.len();
        // A combining mark joins the grapheme before the caret; keep the caret after it.
        if !self.text.is_char_boundary(self.caret) || !self.on_boundary() {
            self.caret = self.next_boundary().unwrap_or(self.text.len());
        }
    }

    fn on_boundary(&self) -> bool {
        self.caret == self.text.len()
            || self
                .text
                .grapheme_indices(true)
                .any(|(i, _)| i == self.caret)
    }

    fn prev_boundary(&self) -> Option<usize> {
        self.text[..self.caret]
            .grapheme_indices(true)
            .next_back()
            .map(|(i, _)| i)
    }

    fn next_boundary(&self) -> Option<usize> {
        self.text[self.caret..]
            .graphemes(true)
            .next()
            .map(|g| self.caret + g.len())
    }

    /// The part of the text to show in `cols` columns, and the caret's column within it. The
    /// view scrolls so the caret (and the cell it needs) is always visible.
    pub fn view(&self, cols: usize) -> (String, usize) {
        if cols == 0 {
            return (String::new(), 0);
        }
        let before = &self.text[..self.caret];
        // Drop graphemes from the left until the text before the caret leaves one free cell.
        let mut start = 0;
        let mut before_w = width(before);
        for (i, g) in before.grapheme_indices(true) {
            if before_w < cols {
                break;
            }
            start = i + g.len();
            before_w -= width(g);
        }
        let mut shown = String::new();
        let mut used = 0;
        for g in self.text[start..].graphemes(true) {
            let w = width(g);
            if used + w > cols {
                break;
            }
            shown.push_str(g);
            used += w;
        }
        (shown, before_w)
    }
}

/// Pasted or typed text made safe for a one-line note.
pub fn sanitize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(s: &str) -> LineEditor {
        let mut e = LineEditor::default();
        for c in s.chars() {
            e.apply(Edit::Insert(c));
        }
        e
    }

    #[test]
    fn chinese_editing_moves_by_character_and_column() {
        let mut e = typed("已对接");
        assert_eq!(e.caret_column(), 6);
        e.apply(Edit::Left);
        assert_eq!(e.caret_column(), 4);
        e.apply(Edit::Backspace);
        assert_eq!(e.text(), "已接");
        e.apply(Edit::Insert('x'));
        assert_eq!((e.text(), e.caret_column()), ("已x接", 3));
        e.apply(Edit::Delete);
        assert_eq!(e.text(), "已x");
        e.apply(Edit::Home);
        e.apply(Edit::Delete);
        e.apply(Edit::Delete);
        e.apply(Edit::Delete); // past the end: no-op
        e.apply(Edit::Backspace); // at the start: no-op
        assert_eq!(e.text(), "");
    }

    #[test]
    fn combining_marks_stay_with_their_letter() {
        let mut e = typed("e\u{301}");
        assert_eq!(e.caret_column(), 1);
        e.apply(Edit::Left);
        assert_eq!(e.caret_column(), 0);
        e.apply(Edit::End);
        e.apply(Edit::Backspace);
        assert_eq!(e.text(), "");
    }

    #[test]
    fn ctrl_u_clears_before_the_caret() {
        let mut e = typed("前半后半");
        e.apply(Edit::Left);
        e.apply(Edit::Left);
        e.apply(Edit::ClearToStart);
        assert_eq!((e.text(), e.caret_column()), ("后半", 0));
    }

    #[test]
    fn paste_is_sanitized() {
        let mut e = LineEditor::default();
        e.apply(Edit::Paste("第一行\r\n第二行\t\u{1b}[31m完".into()));
        assert_eq!(e.text(), "第一行 第二行 [31m完");
    }

    #[test]
    fn view_scrolls_to_keep_the_caret_visible() {
        let e = typed("一二三四五六");
        let (shown, caret) = e.view(7);
        assert!(width(&shown) <= 7 && caret < 7, "{shown} {caret}");
        assert!(shown.ends_with('六'));
        let mut e = e;
        e.apply(Edit::Home);
        assert_eq!(e.view(7), ("一二三".to_string(), 0));
        assert_eq!(e.view(0), (String::new(), 0));
        assert_eq!(e.view(1).1, 0);
    }
}
