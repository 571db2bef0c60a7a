//! Tree pane: the items of the selected category and their requirements. Only the visible
//! rows are built. A requirement row: status mark, id, text cut to the width, countdown, lead
//! unit; an item row: fold marker, name, progress.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::theme::{self, THEME, Urgency};
use super::wrap::{self, width};
use crate::app::geometry::follow;
use crate::app::{App, Pane, Row};
use crate::plan::{Counts, Item, Requirement};

/// The widest countdown shown in the tree and the lists (`截至年底逾期138天`, `人工 逾期100天`).
pub const MAX_COUNTDOWN: usize = 18;

/// Column widths shared by the requirement rows of one frame, so columns line up.
#[derive(Debug, Clone, Copy)]
struct Columns {
    id: usize,
    countdown: usize,
    unit: usize,
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let focused = app.focus() == Pane::Tree;
    let title = app.current_category().map_or_else(
        || app.lang().pick("事项", "Items").to_string(),
        |c| {
            let name = wrap::one_line(super::categories::name(app.lang(), c));
            match app.scope_label() {
                Some(plan) => format!("{plan} · {} {name}", c.number),
                None => format!("{} {name}", c.number),
            }
        },
    );
    let block = super::pane(&title, focused, area.width);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.is_empty() {
        return;
    }
    let height = usize::from(inner.height);
    let len = app.tree_len();
    if len == 0 {
        let text = app
            .lang()
            .pick("（本类没有事项）", "(no items in this category)");
        return super::draw_lines(
            &[Line::styled(
                wrap::truncate(text, usize::from(inner.width)),
                THEME.dim,
            )],
            inner,
            buf,
        );
    }
    let selected = app.tree_selected().unwrap_or(0);
    let offset = follow(app.scroll().rows, selected, height, len);

    let rows = app.tree_rows(offset, height);
    let cols = usize::from(inner.width);
    let columns = columns(app, &rows, cols);
    for (i, (row, y)) in rows.iter().zip(inner.top()..inner.bottom()).enumerate() {
        let line = match *row {
            Row::Item { item, expanded, .. } => item_line(item, expanded, app.today(), cols),
            Row::Requirement { requirement, .. } => {
                requirement_line(app, requirement, columns, cols)
            }
        };
        super::put_line(buf, inner.x, y, &line, inner.width);
        if offset + i == selected {
            let rect = Rect::new(inner.x, y, inner.width, 1);
            super::mark_selected(
                buf,
                rect,
                if focused {
                    THEME.selected
                } else {
                    THEME.selected_unfocused
                },
            );
        }
    }
}

fn columns(app: &App, rows: &[Row<'_>], cols: usize) -> Columns {
    let reqs = rows.iter().filter_map(|r| match r {
        Row::Requirement { requirement, .. } => Some(*requirement),
        Row::Item { .. } => None,
    });
    let (mut id, mut countdown, mut unit) = (0, 0, 0);
    for r in reqs {
        id = id.max(width(&r.id.to_string()));
        countdown = countdown.max(width(&app.countdown(r)));
        unit = unit.max(width(&lead_unit(r)));
    }
    // Give the requirement text at least about half the row; drop the unit, then the
    // countdown column, on narrow panes.
    let fixed = 2 + 4 + id + 1;
    let unit = if cols >= fixed + 24 + countdown + 14 {
        unit.min(14)
    } else {
        0
    };
    let countdown = if cols >= fixed + 12 + countdown {
        countdown.min(MAX_COUNTDOWN)
    } else {
        0
    };
    Columns {
        id,
        countdown,
        unit,
    }
}

/// The unit shown on a row: the first lead unit, or the raw cell when it was not understood.
pub fn lead_unit(r: &Requirement) -> String {
    match r.units.primary() {
        Some(u) => u.name.clone(),
        None => wrap::one_line(&r.units_raw).into_owned(),
    }
}

/// `- 加强转型发展政策主动公开           !1 2/6` (item progress is counted per visible row:
/// O(its requirements), not the plan's).
fn item_line(item: &Item, expanded: bool, today: NaiveDate, cols: usize) -> Line<'static> {
    let counts = Counts::of(&item.requirements, today);
    let marker = if expanded { "- " } else { "+ " };
    let overdue = if counts.overdue > 0 {
        format!(" !{}", counts.overdue)
    } else {
        String::new()
    };
    let progress = format!(" {}/{}", counts.done, counts.total);
    let room = cols.saturating_sub(width(marker) + width(&overdue) + width(&progress));
    let style = if counts.total > 0 && counts.done == counts.total {
        THEME.done
    } else {
        THEME.title
    };
    Line::from(vec![
        Span::styled(marker, THEME.key),
        Span::styled(wrap::fit(&item.name, room), style),
        Span::styled(overdue, THEME.overdue),
        Span::styled(progress, THEME.dim),
    ])
}

/// `  [x] 1.1.1 围绕市委、市政府..  剩12天  市政府办公室`
/// Requirements the active filter leaves out are dimmed (the tree keeps its shape); search
/// hits are highlighted; the id takes its 三色督办 colour; `报` marks a report still owed.
fn requirement_line(app: &App, r: &Requirement, c: Columns, cols: usize) -> Line<'static> {
    let (lang, today) = (app.lang(), app.today());
    let mark = theme::status_mark(r.status);
    let mut spans = vec![
        Span::raw("  "),
        Span::styled(mark, THEME.status(r.status)),
        Span::raw(" "),
        Span::styled(
            wrap::fit(&r.id.to_string(), c.id),
            super::list::id_style(app, r),
        ),
        Span::raw(" "),
    ];
    // The document's own straight-through number, how the office refers to the task.
    if let Some(n) = r.number {
        spans.push(Span::styled(format!("{} ", lang.task_number(n)), THEME.dim));
    }
    if crate::plan::reporting::is_outstanding(r, today) {
        spans.push(Span::styled(lang.pick("报 ", "R "), THEME.report_due));
    }
    if !r.reminders.is_empty() {
        let n = r.reminders.len();
        let text = format!("{}{n} ", lang.pick("催", "!"));
        spans.push(Span::styled(text, THEME.report_due));
    }
    let countdown = if c.countdown > 0 { c.countdown + 2 } else { 0 };
    let unit = if c.unit > 0 { c.unit + 2 } else { 0 };
    let fixed: usize = spans.iter().map(|s| width(&s.content)).sum();
    let text_w = cols.saturating_sub(fixed + countdown + unit);
    let passes = app.passes(r.id);
    let text_style = if r.status == crate::plan::Status::Done || !passes {
        THEME.dim
    } else {
        THEME.text
    };
    let search = app.filter().search.as_deref().filter(|_| passes);
    spans.extend(super::list::highlight(
        &wrap::fit(&r.text, text_w),
        search,
        text_style,
    ));
    if c.countdown > 0 {
        let style = THEME.urgency(Urgency::of_by(r, today, app.counting()));
        spans.push(Span::raw("  "));
        spans.push(Span::styled(
            wrap::fit_right(&app.countdown(r), c.countdown),
            style,
        ));
    }
    if c.unit > 0 {
        spans.push(Span::raw("  "));
        spans.push(Span::styled(wrap::fit(&lead_unit(r), c.unit), THEME.dim));
    }
    Line::from(spans)
}
