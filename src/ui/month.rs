//! The agenda's month grid: the same grid as `duban calendar` (holidays 休, 调休 days 班,
//! today in brackets, `*` on deadline days), coloured, with the month's notes and deadlines
//! below it. Drawn with the ui's line helpers, so CJK is cut by display width. The agenda's
//! list stays behind it: ↑↓ still choose the requirement the detail pane shows.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::theme::THEME;
use super::wrap;
use crate::app::{Action, App, KeyMode, Pane};
use crate::i18n::Lang;
use crate::report::calendar::{CellKind, GridCell, Month, deadlines_in, grid, month_notes};

pub fn render(app: &App, first: NaiveDate, area: Rect, buf: &mut Buffer) {
    let lang = app.lang();
    let keys = super::footer::keys_label(
        app.keymap(),
        KeyMode::Normal,
        &[Action::PrevMonth, Action::NextMonth],
    );
    let title = match (lang, keys) {
        (Lang::Zh, Some(k)) => format!("月历（{k} 翻月）"),
        (Lang::En, Some(k)) => format!("Month ({k}: month)"),
        (lang, None) => lang.pick("月历", "Month").to_string(),
    };
    let block = super::pane(&title, app.focus() != Pane::Detail, area.width);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.is_empty() {
        return;
    }
    let cols = usize::from(inner.width);
    super::draw_lines(&lines(app, Month::of(first), cols), inner, buf);
}

/// The lines of the view: grid, then legend, notes and the month's deadlines.
fn lines(app: &App, month: Month, cols: usize) -> Vec<Line<'static>> {
    let (lang, today) = (app.lang(), app.today());
    let cal = app.counting().cal;
    let (Some(first), Some(last)) = (month.first(), month.last()) else {
        return Vec::new();
    };
    let deadlines = deadlines_in(app.plan(), first, last, app.agenda_shows_done());
    let days: Vec<NaiveDate> = deadlines.iter().map(|d| d.day).collect();
    let Some(g) = grid(cal, month, today, &days, lang) else {
        return Vec::new();
    };
    let mut out = vec![
        Line::styled(g.title, THEME.title),
        Line::styled(g.weekdays, THEME.label),
    ];
    for (lead, week) in g.weeks {
        let mut spans = vec![Span::raw(" ".repeat(lead))];
        spans.extend(week.into_iter().map(|c| {
            let style = style(&c);
            Span::styled(c.text, style)
        }));
        out.push(Line::from(spans));
    }
    out.push(Line::default());
    for text in month_notes(cal, first, last, &deadlines, lang, cols).lines() {
        out.push(Line::styled(
            wrap::truncate(text, cols).into_owned(),
            THEME.text,
        ));
    }
    out
}

fn style(c: &GridCell) -> Style {
    let base = match c.kind {
        CellKind::Holiday => THEME.overdue,
        CellKind::Adjusted => THEME.due_soon,
        CellKind::Weekend => THEME.dim,
        CellKind::Workday => THEME.text,
    };
    if c.today {
        base.patch(THEME.tab_active)
    } else if c.due {
        base.patch(THEME.title)
    } else {
        base
    }
}
