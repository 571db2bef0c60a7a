//! Drawing the dashboard from `&App`: the screen layout here, one file per pane.
//!
//! Domain → widget conversion lives in the pane files; styles come from [`theme`]; text is
//! wrapped and cut by [`wrap`] (never `Paragraph::wrap`, which mishandles Chinese).

pub mod categories;
pub mod detail;
pub mod dialog;
pub mod footer;
pub mod header;
pub mod help;
pub mod list;
pub mod month;
pub mod preview;
pub mod progress;
pub mod scrub;
pub mod strip;
pub mod theme;
pub mod tree;
pub mod units;
pub mod wrap;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};
use unicode_width::UnicodeWidthStr;

use crate::app::{App, Mode, Screen};
use crate::i18n::Lang;
use theme::THEME;

pub use crate::app::geometry::{MIN_HEIGHT, MIN_WIDTH, WIDE};
use crate::app::geometry::{Regions, centered, too_small};

/// What `update` needs measured: how many lines the detail pane and the help overlay have at
/// a width (the run loop hands it to the app).
pub const MEASURE: crate::app::Measure = crate::app::Measure {
    detail: detail::line_count,
    help: help::line_count,
};

/// Draw one frame, and put the terminal cursor at the note caret (input methods place their
/// candidate window there).
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    frame.render_widget(app, area);
    scrub::buffer(frame.buffer_mut());
    if let Some(caret) = caret(app, area) {
        frame.set_cursor_position(caret);
    }
}

/// Where the terminal cursor belongs: at the caret while typing a note, else hidden.
pub fn caret(app: &App, area: Rect) -> Option<ratatui::layout::Position> {
    if too_small(area) || !matches!(app.mode(), Mode::Input(..) | Mode::Search(_)) {
        return None;
    }
    footer::caret(
        app,
        Regions::new(area, app.screen(), app.state().several()).footer,
    )
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if too_small(area) {
            return render_too_small(self.lang(), area, buf);
        }
        let Regions {
            header,
            strip,
            categories,
            tree,
            detail,
            footer,
        } = Regions::new(area, self.screen(), self.state().several());
        header::render(self, header, buf);
        strip::render(self, strip, buf);
        match self.screen() {
            Screen::Tree => {
                categories::render(self, categories, buf);
                tree::render(self, tree, buf);
            }
            Screen::Agenda => {
                if let Some(first) = self.month() {
                    month::render(self, first, tree, buf);
                } else {
                    let title = agenda_title(self);
                    list::render(self, self.agenda(), &title, tree, buf);
                }
            }
            Screen::Units => {
                units::render(self, tree, buf);
            }
        }
        detail::render(self, detail, buf);
        footer::render(self, footer, buf);
        match self.mode() {
            Mode::Help { .. } => help::render(self, area, buf),
            Mode::Confirm(change) => dialog::render(self, change, area, buf),
            Mode::ConfirmDelete(index) => dialog::render_delete(self, *index, area, buf),
            Mode::Normal | Mode::Input(..) | Mode::Search(_) | Mode::Flow(_) => {}
        }
    }
}

fn agenda_title(app: &App) -> String {
    let lang = app.lang();
    let n = app.agenda().len();
    let done = if app.agenda_shows_done() {
        lang.pick("，含已完成", ", with done")
    } else {
        lang.pick("，不含已完成", ", done hidden")
    };
    let reports = app.agenda_reports_outstanding();
    let order = if app.agenda_order() == crate::plan::agenda::Order::Reminded {
        lang.pick("，按最久未催办", ", by reminder")
    } else {
        ""
    };
    match lang {
        Lang::Zh => format!("日程 {n} 项{done}，待报送 {reports}{order}"),
        Lang::En => format!("Agenda {n}{done}, {reports} report(s) owed{order}"),
    }
}

/// "Enlarge the window", centred, in whatever room there is (down to nothing at 0×0).
fn render_too_small(lang: Lang, area: Rect, buf: &mut Buffer) {
    let text = match lang {
        Lang::Zh => format!(
            "请放大窗口\n至少 {MIN_WIDTH}x{MIN_HEIGHT}，当前 {}x{}",
            area.width, area.height
        ),
        Lang::En => format!(
            "Please enlarge the window\nneed {MIN_WIDTH}x{MIN_HEIGHT}, now {}x{}",
            area.width, area.height
        ),
    };
    let lines = wrap::wrap(&text, usize::from(area.width));
    let top = area
        .height
        .saturating_sub(u16::try_from(lines.len()).unwrap_or(u16::MAX))
        / 2;
    for (i, line) in lines.iter().enumerate() {
        let Ok(dy) = u16::try_from(i) else { break };
        let y = area.y + top + dy;
        if y >= area.bottom() {
            break;
        }
        let w = u16::try_from(wrap::width(line)).unwrap_or(u16::MAX);
        let x = area.x + area.width.saturating_sub(w) / 2;
        let style = if i == 0 { THEME.overdue } else { THEME.dim };
        buf.set_stringn(x, y, line, usize::from(area.width), style);
    }
}

/// A pane's title naming the plan its rows come from in 全部 (`B · 任务树`); the list
/// views span every plan there (`全部 · 日程`).
fn scoped(app: &App, title: &str) -> String {
    match app.scope_label() {
        Some(_) if app.screen() != Screen::Tree => {
            format!("{} · {title}", app.lang().pick("全部", "all"))
        }
        Some(plan) => format!("{plan} · {title}"),
        None => title.to_string(),
    }
}

fn pane(title: &str, focused: bool, width: u16) -> Block<'static> {
    let room = usize::from(width).saturating_sub(4);
    let style = if focused {
        THEME.focused_border.patch(THEME.title)
    } else {
        THEME.title
    };
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(THEME.border(focused))
        .title(Line::from(Span::styled(
            format!(" {} ", wrap::truncate(title, room.saturating_sub(2))),
            style,
        )))
}

/// A progress bar `━━━───` of `width` columns (box-drawing lines, like the borders, so it
/// renders wherever the borders do).
fn bar(ratio: f64, width: usize) -> Vec<Span<'static>> {
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let filled = ((ratio.clamp(0.0, 1.0) * width as f64).round() as usize).min(width);
    vec![
        Span::styled("━".repeat(filled), THEME.bar_filled),
        Span::styled("─".repeat(width - filled), THEME.bar_empty),
    ]
}

/// Draw `lines` top to bottom in `area`, each cut to the width.
fn draw_lines(lines: &[Line<'_>], area: Rect, buf: &mut Buffer) {
    for (line, y) in lines.iter().zip(area.top()..area.bottom()) {
        put_line(buf, area.x, y, line, area.width);
    }
}

/// Draw one line cut to `width`. Unlike `Buffer::set_line`, nothing is drawn after a span
/// that had to be cut: when a wide character does not fit in the last column, `set_line` would
/// let the next span's narrow text fill the gap (`逾期 4  7天内到期 0` cut to `逾期 4  70`).
/// Every text of the panes is drawn here, shown safe: control, bidi and invisible
/// characters as the marks [`wrap`] measured them with.
fn put_line(buf: &mut Buffer, x: u16, y: u16, line: &Line<'_>, width: u16) {
    let end = x.saturating_add(width).min(buf.area.right());
    let mut x = x;
    for span in &line.spans {
        let room = end.saturating_sub(x);
        let style = line.style.patch(span.style);
        let content = crate::text::safe::display(&span.content);
        let (next, _) = buf.set_stringn(x, y, &content, usize::from(room), style);
        if wrap::width(&content) > usize::from(room) {
            break;
        }
        x = next;
    }
}

/// Style the selected row, leaving search hits in their own colour.
fn mark_selected(buf: &mut Buffer, row: Rect, style: ratatui::style::Style) {
    let row = row.intersection(buf.area);
    for y in row.top()..row.bottom() {
        for x in row.left()..row.right() {
            let cell = &mut buf[(x, y)];
            if THEME.search_match.bg.is_some_and(|bg| cell.bg == bg) {
                continue;
            }
            cell.set_style(style);
        }
    }
}

/// Clear `popup` for an overlay. A double-width character just left of it would have its
/// second half under the overlay's border; terminals draw such a character whole and break
/// the border, so it is blanked too.
fn clear_overlay(popup: Rect, buf: &mut Buffer) {
    Clear.render(popup, buf);
    let Some(left) = popup.x.checked_sub(1) else {
        return;
    };
    for y in popup.top()..popup.bottom() {
        if let Some(cell) = buf.cell_mut((left, y))
            && cell.symbol().width() > 1
        {
            cell.set_symbol(" ");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_drawn_after_a_cut_span() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 4, 1));
        let line = Line::from(vec![Span::raw("ab "), Span::raw("中"), Span::raw("7")]);
        put_line(&mut buf, 0, 0, &line, 4);
        assert_eq!(buf, Buffer::with_lines(["ab  "]));
        // `Buffer::set_line` would have let the `7` into the gap.
        let mut buf = Buffer::empty(Rect::new(0, 0, 4, 1));
        buf.set_line(0, 0, &line, 4);
        assert_eq!(buf, Buffer::with_lines(["ab 7"]));
    }

    #[test]
    fn raw_spans_are_drawn_with_marks_and_cut_as_measured() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 1));
        let line = Line::from(vec![Span::raw("中\u{1b}]0"), Span::raw("\u{202e}")]);
        put_line(&mut buf, 0, 0, &line, 8);
        // Measured as shown: `中␛]0` takes 4 columns, the cut mark the other 4.
        assert_eq!(buf, Buffer::with_lines(["中␛]0<U+"]));
    }

    #[test]
    fn bars_fill_by_ratio_within_their_width() {
        let text = |spans: Vec<Span<'_>>| {
            spans
                .iter()
                .map(|s| s.content.to_string())
                .collect::<String>()
        };
        assert_eq!(text(bar(0.25, 8)), "━━──────");
        assert_eq!(text(bar(1.5, 3)), "━━━");
        assert_eq!(text(bar(0.5, 0)), "");
    }
}
