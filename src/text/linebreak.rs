//! The line breaker every output uses: the dashboard's panes and the command line's `show`.
//!
//! Break opportunities come from UAX #14 (the unicode-linebreak crate): between two Chinese
//! characters, after spaces, never inside a Latin word or a number with its sign (`2024`,
//! `APP`, `30%`, the `2021` of `2021年`). The Chinese line rules of [`kinsoku`] are applied
//! on top: no break before a closing mark, none after an opening one, and a break is allowed
//! where a curly quote meets Chinese text (UAX #14 15.0 glues quotes to both neighbours).
//!
//! Lines are filled greedily with the unbreakable runs between opportunities. A closing mark
//! belongs to the run of the character before it, so when it would begin a line, that
//! character is pushed down with it (push-out): a monospace terminal can neither hang the
//! mark in the margin nor squeeze the line to pull it in (pull-in). A run wider than a whole
//! line (a long URL, a number at a tiny width) fills what is left of the line and is cut by
//! grapheme where the line rules allow, or where at least no closing mark begins the next
//! line, or (on a line of its own, when nothing else is possible) anywhere.

use unicode_linebreak::linebreaks;
use unicode_segmentation::UnicodeSegmentation;

use super::kinsoku::{closing_quote, no_line_end, no_line_start, opening_quote};
use super::safe;
use super::width::grapheme_width;

/// Break `text` (as shown, see [`safe::display`]) into lines of at most `width` columns.
/// `\n` ends a line; spaces at a break are dropped, as are trailing spaces; spaces that
/// begin a paragraph are kept (indentation). A tab becomes one space. Nothing else is
/// changed: the lines, joined, are the text. A grapheme wider than `width` (a Chinese
/// character at width 1) gets a line of its own and is the only thing wider than `width`.
/// Width 0 gives no lines; otherwise every paragraph gives at least one line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    if width == 0 {
        return out;
    }
    for para in safe::display(text).split('\n') {
        paragraph(para, width, &mut out);
    }
    out
}

/// One grapheme of a paragraph, measured, with whether a line may begin at it.
struct Cell<'a> {
    g: &'a str,
    w: usize,
    space: bool,
    break_before: bool,
}

fn paragraph(para: &str, width: usize, out: &mut Vec<String>) {
    // Most paragraphs (labels, short values) fit: no break opportunities needed.
    if para.graphemes(true).map(|g| cell_width(g).0).sum::<usize>() <= width {
        out.push(para.trim_end().replace('\t', " "));
        return;
    }
    let cells = cells(para);
    let mut line = Line::default();
    let mut start = 0;
    while start < cells.len() {
        let end = (start + 1..cells.len())
            .find(|&i| cells[i].break_before)
            .unwrap_or(cells.len());
        line.run(&cells[start..end], width, out);
        start = end;
    }
    line.flush(out);
}

fn cells(para: &str) -> Vec<Cell<'_>> {
    let mut uax = linebreaks(para).map(|(at, _)| at).peekable();
    let mut cells: Vec<Cell<'_>> = Vec::new();
    for (at, g) in para.grapheme_indices(true) {
        while uax.next_if(|&b| b < at).is_some() {}
        let uax_break = uax.peek() == Some(&at);
        let (w, space) = cell_width(g);
        let break_before = cells
            .last()
            .is_some_and(|prev| may_break(prev, g, w, space, uax_break));
        cells.push(Cell {
            g,
            w,
            space,
            break_before,
        });
    }
    cells
}

/// Columns a grapheme takes in a wrapped line (a tab becomes a space), and whether it is
/// a space.
fn cell_width(g: &str) -> (usize, bool) {
    let space = g.chars().all(char::is_whitespace);
    let w = grapheme_width(g);
    (if space { w.max(1) } else { w }, space)
}

/// Whether a line may begin at `next` after `prev`: spaces hang at the end of a line, the
/// line rules forbid, a curly quote next to Chinese allows, UAX #14 decides the rest.
fn may_break(prev: &Cell<'_>, next: &str, next_w: usize, next_space: bool, uax: bool) -> bool {
    if next_space || no_line_end(prev.g) || no_line_start(next) {
        return false;
    }
    if (closing_quote(prev.g) && next_w >= 2) || (opening_quote(next) && prev.w >= 2) {
        return true;
    }
    uax
}

fn render(cells: &[Cell<'_>]) -> String {
    cells
        .iter()
        .map(|c| if c.g == "\t" { " " } else { c.g })
        .collect()
}

/// The line being filled: its text without trailing spaces, and the spaces after it, which
/// are written only if more text follows on the same line.
#[derive(Default)]
struct Line {
    text: String,
    w: usize,
    space: String,
    space_w: usize,
}

impl Line {
    /// Add one unbreakable run (text, then perhaps spaces) to the line, starting new lines
    /// as needed.
    fn run(&mut self, run: &[Cell<'_>], width: usize, out: &mut Vec<String>) {
        let body = run.iter().rposition(|c| !c.space).map_or(0, |i| i + 1);
        let (text, space) = run.split_at(body);
        let text_w: usize = text.iter().map(|c| c.w).sum();
        if text_w > width {
            self.cut(text, width, out);
        } else {
            if self.w + self.space_w + text_w > width {
                self.new_line(out);
            }
            self.push(text, text_w);
        }
        self.space.push_str(&render(space));
        self.space_w += space.iter().map(|c| c.w).sum::<usize>();
    }

    fn push(&mut self, text: &[Cell<'_>], text_w: usize) {
        if text.is_empty() {
            return;
        }
        self.text.push_str(&self.space);
        self.w += self.space_w;
        self.space.clear();
        self.space_w = 0;
        self.text.push_str(&render(text));
        self.w += text_w;
    }

    /// A run wider than a line: it fills what is left of the line, then lines of its own,
    /// cut where [`cut_at`] says.
    fn cut(&mut self, mut text: &[Cell<'_>], width: usize, out: &mut Vec<String>) {
        loop {
            let fresh = self.text.is_empty();
            if fresh {
                self.new_line(out);
            }
            let room = width.saturating_sub(self.w + self.space_w);
            let text_w: usize = text.iter().map(|c| c.w).sum();
            if text_w <= room || (fresh && text.len() == 1) {
                self.push(text, text_w);
                return;
            }
            let Some(at) = cut_at(text, room, fresh) else {
                self.flush(out);
                continue;
            };
            let (head, rest) = text.split_at(at);
            let head_end = head.iter().rposition(|c| !c.space).map_or(0, |i| i + 1);
            let head = &head[..head_end];
            self.push(head, head.iter().map(|c| c.w).sum());
            self.flush(out);
            text = &rest[rest.iter().position(|c| !c.space).unwrap_or(rest.len())..];
        }
    }

    /// Break before what comes next: the spaces at the break are dropped, and so is an
    /// indentation that does not fit with the first word.
    fn new_line(&mut self, out: &mut Vec<String>) {
        if self.text.is_empty() {
            self.space.clear();
            self.space_w = 0;
        } else {
            self.flush(out);
        }
    }

    /// Write the line (even an empty one, so a paragraph gives at least one line).
    fn flush(&mut self, out: &mut Vec<String>) {
        self.space.clear();
        self.space_w = 0;
        self.w = 0;
        out.push(std::mem::take(&mut self.text));
    }
}

/// Where to cut a run wider than `room`: the longest head that fits, preferring a cut the
/// line rules allow, then one where the next line does not begin with a closing mark. On a
/// fresh line any cut will do, and at least one grapheme goes, so a grapheme wider than the
/// line stands alone; on a line that already holds text, `None` says "start a new one".
fn cut_at(text: &[Cell<'_>], room: usize, fresh: bool) -> Option<usize> {
    let mut fits = 0;
    let mut used = 0;
    while fits < text.len() && used + text[fits].w <= room {
        used += text[fits].w;
        fits += 1;
    }
    // Spaces at the cut are dropped, so the rules apply to the marks either side of them.
    let ok = |i: usize, strict: bool| {
        let before = text[..i].iter().rfind(|c| !c.space);
        let after = text[i..].iter().find(|c| !c.space);
        match (before, after) {
            (Some(b), Some(a)) => !(no_line_start(a.g) || strict && no_line_end(b.g)),
            _ => false,
        }
    };
    let fits = fits.min(text.len() - 1);
    (1..=fits)
        .rev()
        .find(|&i| ok(i, true))
        .or_else(|| (1..=fits).rev().find(|&i| ok(i, false)))
        .or_else(|| fresh.then_some(fits.max(1)))
}

#[cfg(test)]
mod tests;
