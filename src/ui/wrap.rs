//! Width-aware wrapping and truncation for Chinese and mixed text.
//!
//! ratatui's `Paragraph::wrap` mishandles unspaced Chinese (overflow, dropped characters, a
//! panic at width 2), so panes get finished lines from here. Widths are terminal columns,
//! measured per grapheme exactly as ratatui's buffer does (control characters and zero-width
//! graphemes take no cell), so a line from here never spills out of its pane.
//!
//! Text is measured, wrapped and cut as it will be shown: with control, bidi and invisible
//! characters as the visible marks of [`safe::display`], which [`super::put_line`] applies
//! to every span it draws. A mark therefore takes exactly the columns the layout gave it.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::text::safe;

/// Marks cut text. ASCII on purpose: `…` is East-Asian-ambiguous and some terminals draw it
/// two columns wide, which would shift everything after it.
pub const ELLIPSIS: &str = "..";

/// Columns one grapheme takes, as ratatui's buffer counts them.
fn grapheme_width(g: &str) -> usize {
    if g.contains(char::is_control) {
        0
    } else {
        g.width()
    }
}

/// Display width of `s` in terminal columns, once shown (see [`safe::display`]).
pub fn width(s: &str) -> usize {
    safe::display(s).graphemes(true).map(grapheme_width).sum()
}

/// Closing punctuation that should not begin a line (a small kinsoku rule).
fn no_line_start(g: &str) -> bool {
    matches!(
        g,
        "，" | "。"
            | "、"
            | "；"
            | "："
            | "？"
            | "！"
            | "）"
            | "》"
            | "」"
            | "』"
            | "】"
            | "〕"
            | "”"
            | "’"
            | ","
            | "."
            | ";"
            | ":"
            | "?"
            | "!"
            | ")"
    )
}

/// Opening brackets that should not end a line.
fn no_line_end(g: &str) -> bool {
    matches!(g, "（" | "《" | "「" | "『" | "【" | "〔" | "“" | "‘")
}

/// Wrap `text` into lines of at most `width` columns. Breaks are allowed between any two wide
/// (CJK) characters and at spaces; runs of narrow characters (ASCII words, numbers such as
/// `2021`) stay together when they fit on a line and are cut only when longer than a line.
/// `\n` starts a new line. A character wider than `width` (only possible at width 1) is left
/// out, since it cannot be drawn at all.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    if width == 0 {
        return out;
    }
    for para in safe::display(text).split('\n') {
        let mut b = Builder {
            width,
            lines: &mut out,
            cur: String::new(),
            cur_w: 0,
            space: 0,
        };
        b.paragraph(para.trim_end_matches('\r'));
        b.finish();
    }
    out
}

struct Builder<'a> {
    width: usize,
    lines: &'a mut Vec<String>,
    cur: String,
    cur_w: usize,
    /// Spaces seen since the last text, written only if more text follows on the same line.
    space: usize,
}

impl Builder<'_> {
    fn paragraph(&mut self, para: &str) {
        let mut word = String::new();
        let mut word_w = 0;
        for g in para.graphemes(true) {
            let w = grapheme_width(g);
            if g.chars().all(char::is_whitespace) {
                self.word(&mut word, &mut word_w);
                self.space += 1;
            } else if w == 0 {
                // Control characters take no cell; drop them like the buffer would.
            } else if w >= 2 {
                self.word(&mut word, &mut word_w);
                self.wide(g, w);
            } else {
                word.push_str(g);
                word_w += w;
            }
        }
        self.word(&mut word, &mut word_w);
    }

    fn word(&mut self, word: &mut String, word_w: &mut usize) {
        if word.is_empty() {
            return;
        }
        // Spaces before the first word of a paragraph are kept (indentation); spaces at a
        // wrap point are dropped because `newline` resets them.
        let sep = self.space;
        if self.cur_w + sep + *word_w <= self.width {
            self.push_space(sep);
            self.cur.push_str(word);
            self.cur_w += *word_w;
        } else if *word_w <= self.width {
            self.break_before(word, *word_w);
            self.cur.push_str(word);
            self.cur_w += *word_w;
        } else {
            // Longer than a whole line: fill what is left, then cut by grapheme.
            if self.cur_w + sep < self.width {
                self.push_space(sep);
            } else {
                self.newline();
            }
            for g in word.graphemes(true) {
                let w = grapheme_width(g);
                if self.cur_w + w > self.width {
                    self.newline();
                }
                self.cur.push_str(g);
                self.cur_w += w;
            }
        }
        self.space = 0;
        word.clear();
        *word_w = 0;
    }

    fn wide(&mut self, g: &str, w: usize) {
        if w > self.width {
            self.space = 0;
            return;
        }
        let sep = self.space;
        if self.cur_w + sep + w <= self.width {
            self.push_space(sep);
            self.cur.push_str(g);
            self.cur_w += w;
        } else {
            self.break_before(g, w);
            self.cur.push_str(g);
            self.cur_w += w;
        }
        self.space = 0;
    }

    /// Start a new line before `next` (of width `next_w`). A small kinsoku rule: an opening
    /// bracket does not end a line and a closing mark does not start one, so the last
    /// character moves down with `next` when both fit on the new line.
    fn break_before(&mut self, next: &str, next_w: usize) {
        let carry = self
            .cur
            .grapheme_indices(true)
            .next_back()
            .and_then(|(at, last)| {
                let last_w = grapheme_width(last);
                let keep_together = no_line_end(last) || (last_w >= 2 && no_line_start(next));
                (at > 0 && keep_together && last_w + next_w <= self.width)
                    .then(|| (at, last.to_string(), last_w))
            });
        match carry {
            Some((at, last, last_w)) => {
                self.cur.truncate(at);
                self.newline();
                self.cur.push_str(&last);
                self.cur_w = last_w;
            }
            None => self.newline(),
        }
    }

    fn push_space(&mut self, n: usize) {
        let n = n.min(self.width.saturating_sub(self.cur_w));
        self.cur.extend(std::iter::repeat_n(' ', n));
        self.cur_w += n;
    }

    fn newline(&mut self) {
        let line = std::mem::take(&mut self.cur);
        self.lines.push(line.trim_end().to_string());
        self.cur_w = 0;
        self.space = 0;
    }

    fn finish(mut self) {
        self.newline();
    }
}

/// Cut `text` to at most `width` columns, ending in [`ELLIPSIS`] when something was cut.
/// Line breaks are joined first (see [`one_line`]).
pub fn truncate(text: &str, cols: usize) -> Cow<'_, str> {
    let text = match one_line(text) {
        Cow::Borrowed(t) => safe::display(t),
        Cow::Owned(t) if safe::is_clean(&t) => Cow::Owned(t),
        Cow::Owned(t) => Cow::Owned(safe::display(&t).into_owned()),
    };
    if width(&text) <= cols {
        return text;
    }
    let ell = width(ELLIPSIS);
    let room = if cols > ell { cols - ell } else { cols };
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let w = grapheme_width(g);
        if used + w > room {
            break;
        }
        out.push_str(g);
        used += w;
    }
    if cols > ell {
        out.push_str(ELLIPSIS);
    }
    Cow::Owned(out)
}

/// [`truncate`], then pad with spaces to exactly `width` columns (for aligned columns).
pub fn fit(text: &str, cols: usize) -> String {
    let mut s = truncate(text, cols).into_owned();
    let w = width(&s);
    s.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    s
}

/// [`truncate`], then pad on the left to exactly `width` columns.
pub fn fit_right(text: &str, cols: usize) -> String {
    let s = truncate(text, cols);
    let pad = cols.saturating_sub(width(&s));
    let mut out: String = std::iter::repeat_n(' ', pad).collect();
    out.push_str(&s);
    out
}

/// Join a multi-line cell into one line: nothing between two wide (CJK) characters, one space
/// otherwise. Table cells in the source documents break lines mid-phrase
/// (`扩大公开范围\n打造阳光政府`), which must read as one phrase.
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

#[cfg(test)]
mod tests {
    use super::*;

    fn widths(lines: &[String]) -> Vec<usize> {
        lines.iter().map(|l| width(l)).collect()
    }

    #[test]
    fn chinese_breaks_anywhere_at_odd_widths() {
        let lines = wrap("制作转型政策专题", 5);
        assert_eq!(lines, ["制作", "转型", "政策", "专题"]);
        let lines = wrap("制作转型政策专题", 7);
        assert_eq!(lines, ["制作转", "型政策", "专题"]);
    }

    #[test]
    fn ascii_words_stay_together_when_they_fit() {
        assert_eq!(
            wrap("hello brave new world", 11),
            ["hello brave", "new world"]
        );
        // Numbers inside Chinese are not split.
        assert_eq!(wrap("于2021年8月15日前", 8), ["于2021年", "8月15日", "前"]);
    }

    #[test]
    fn long_words_are_cut_but_never_overflow() {
        let lines = wrap("abcdefghij", 4);
        assert_eq!(lines, ["abcd", "efgh", "ij"]);
        let lines = wrap("见https://example.com/abc", 6);
        assert!(widths(&lines).iter().all(|&w| w <= 6), "{lines:?}");
        assert_eq!(lines.concat(), "见https://example.com/abc");
    }

    #[test]
    fn wide_chars_at_width_one_and_two() {
        assert_eq!(wrap("中文", 1), [""]);
        assert_eq!(wrap("中a文", 1), ["a"]);
        assert_eq!(wrap("中文", 2), ["中", "文"]);
        assert_eq!(wrap("a中", 2), ["a", "中"]);
        assert!(wrap("anything", 0).is_empty());
    }

    #[test]
    fn opening_brackets_do_not_end_a_line() {
        assert_eq!(wrap("一二三《四五》", 8), ["一二三", "《四五》"]);
    }

    #[test]
    fn closing_punctuation_does_not_start_a_line() {
        // "。" would start line 2; the previous character moves down with it.
        let lines = wrap("一二三四。五", 8);
        assert_eq!(lines, ["一二三", "四。五"]);
    }

    #[test]
    fn newlines_split_and_control_chars_are_marked() {
        assert_eq!(wrap("甲\n乙\u{7}丙", 10), ["甲", "乙␇丙"]);
        assert_eq!(wrap("甲\r\n乙", 10), ["甲", "乙"]);
        assert_eq!(wrap("", 10), [""]);
    }

    #[test]
    fn marks_are_measured_and_cut_as_shown() {
        // ESC is one column once shown as ␛, a bidi override eight as <U+202E>.
        assert_eq!(width("中\u{1b}文"), 5);
        assert_eq!(width("a\u{202e}b"), 10);
        assert_eq!(wrap("甲\u{1b}乙丙", 4), ["甲␛", "乙丙"]);
        assert_eq!(truncate("甲\u{1b}]0;x\u{7}乙", 7), "甲␛]0..");
        assert_eq!(fit("\u{9b}2J", 11), "<U+009B>2J ");
        assert_eq!(fit("\u{9b}2J", 9), "<U+009B..");
        for w in 1..30 {
            for line in wrap("提升\u{1b}[31m解读\u{202e}质量\u{200b}。\u{9b}", w) {
                assert!(width(&line) <= w, "width {w}: {line:?}");
                assert!(safe::is_clean(&line), "{line:?}");
            }
        }
    }

    #[test]
    fn mixed_text_never_exceeds_width() {
        let text = "围绕市委、市政府转型发展的战略部署,制作转型政策专题,及时在政府网站公布 (policy topic page), 形成“政务公开为转型”的浓厚氛围。";
        for w in 1..40 {
            let lines = wrap(text, w);
            assert!(
                widths(&lines).iter().all(|&lw| lw <= w),
                "width {w}: {lines:?}"
            );
            if w >= 2 {
                let joined: String = lines
                    .concat()
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect();
                let orig: String = text.chars().filter(|c| !c.is_whitespace()).collect();
                assert_eq!(joined, orig, "width {w} lost text");
            }
        }
    }

    #[test]
    fn truncate_and_fit() {
        assert_eq!(truncate("扩大公开范围", 12), "扩大公开范围");
        assert_eq!(truncate("扩大公开范围", 7), "扩大..");
        assert_eq!(truncate("扩大公开范围", 8), "扩大公..");
        assert_eq!(truncate("abc", 1), "a");
        assert_eq!(truncate("中", 1), "");
        assert_eq!(fit("中文", 5), "中文 ");
        assert_eq!(fit("中文字", 5), "中.. ");
        assert_eq!(fit_right("剩3天", 6), " 剩3天");
        assert_eq!(width(&fit("扩大公开范围", 9)), 9);
    }

    #[test]
    fn one_line_joins_cjk_without_space() {
        assert_eq!(
            one_line("扩大公开范围\n打造阳光政府"),
            "扩大公开范围打造阳光政府"
        );
        assert_eq!(one_line("open\nplan"), "open plan");
        assert_eq!(
            one_line("进一步规范拟发公文公开属性\n认定"),
            "进一步规范拟发公文公开属性认定"
        );
    }
}
