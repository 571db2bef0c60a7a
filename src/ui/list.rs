//! A requirement list under group headings: the agenda, and one unit's requirements in the
//! units view. Only the visible rows are built. A row: status mark, id (in its escalation
//! colour), countdown, report marker, text (search hits highlighted), lead unit.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::theme::{self, THEME, Urgency};
use super::wrap::{self, width};
use crate::app::geometry::follow;
use crate::app::{App, Group, ListEntry, Pane, ReqList};
use crate::plan::{Requirement, Status, reporting};

pub fn render(app: &App, list: &ReqList, title: &str, area: Rect, buf: &mut Buffer) {
    let focused = app.focus() != Pane::Detail;
    let title = super::scoped(app, title);
    let block = super::pane(&title, focused, area.width);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.is_empty() {
        return;
    }
    let cols = usize::from(inner.width);
    if list.is_empty() {
        let text = if app.filter().is_empty() {
            app.lang().pick("（没有要求）", "(nothing here)")
        } else {
            app.lang()
                .pick("（没有符合筛选的要求）", "(nothing matches the filter)")
        };
        let line = Line::styled(wrap::truncate(text, cols), THEME.dim);
        return super::draw_lines(&[line], inner, buf);
    }
    let height = usize::from(inner.height);
    let len = list.entries.len();
    let offset = follow(app.scroll().rows, list.cursor, height, len);
    let visible = &list.entries[offset..(offset + height).min(len)];
    let countdown_w = visible
        .iter()
        .filter_map(|e| requirement(app, e))
        .map(|r| width(&app.countdown(r)))
        .max()
        .unwrap_or(0);
    // 全部: each row names its plan, in a column as wide as the longest name (of every
    // plan, so the column does not shift while scrolling).
    let plan_w = (0..app.state().plans().len())
        .filter_map(|p| app.row_plan(p))
        .map(width)
        .max()
        .map_or(0, |w| w.min(PLAN_MAX));
    for (i, (entry, y)) in visible.iter().zip(inner.top()..inner.bottom()).enumerate() {
        let line = match entry {
            ListEntry::Heading { group, count, plan } => {
                let mut spans = Vec::new();
                if let Some(name) = plan.and_then(|p| app.row_plan(p)) {
                    spans.push(Span::styled(format!("{name} · "), THEME.title));
                }
                spans.push(Span::styled(
                    format!("{} ", app.group_label(*group)),
                    heading_style(*group),
                ));
                spans.push(Span::styled(format!("({count})"), THEME.dim));
                Line::from(spans)
            }
            &ListEntry::Requirement { plan, .. } => match requirement(app, entry) {
                Some(r) => {
                    let plan = app.row_plan(plan).map(|name| (name, plan_w));
                    row(app, r, plan, countdown_w, cols)
                }
                None => Line::default(),
            },
        };
        super::put_line(buf, inner.x, y, &line, inner.width);
        if offset + i == list.cursor {
            let style = if focused {
                THEME.selected
            } else {
                THEME.selected_unfocused
            };
            super::mark_selected(buf, Rect::new(inner.x, y, inner.width, 1), style);
        }
    }
}

/// The widest plan name a row shows (longer ones are cut).
const PLAN_MAX: usize = 12;

fn requirement<'a>(app: &'a App, e: &ListEntry) -> Option<&'a Requirement> {
    let (plan, id) = e.key()?;
    app.requirement_at(plan, id)
}

fn heading_style(group: Group) -> Style {
    if group == Group::Bucket(crate::plan::agenda::Bucket::Overdue) {
        THEME.overdue
    } else {
        THEME.heading
    }
}

/// `[ ] 1.1.1  逾期36天 报 制作转型政策专题..  市政府办公室`; in 全部 the plan's name (padded
/// to `plan.1` columns) after the status mark: `[ ] 2024要点 1.1.1 …`.
pub fn row(
    app: &App,
    r: &Requirement,
    plan: Option<(&str, usize)>,
    countdown_w: usize,
    cols: usize,
) -> Line<'static> {
    let (lang, today) = (app.lang(), app.today());
    let id = r.id.to_string();
    let mut spans = vec![
        Span::styled(theme::status_mark(r.status), THEME.status(r.status)),
        Span::raw(" "),
    ];
    if let Some((name, w)) = plan {
        spans.push(Span::styled(wrap::fit(name, w), THEME.label));
        spans.push(Span::raw(" "));
    }
    spans.push(Span::styled(format!("{id:<7}"), id_style(app, r)));
    let countdown = app.countdown(r);
    let show_countdown = cols >= 40 && countdown_w > 0;
    if show_countdown {
        spans.push(Span::styled(
            format!(
                " {} ",
                wrap::fit_right(&countdown, countdown_w.min(super::tree::MAX_COUNTDOWN))
            ),
            THEME.urgency(Urgency::of_by(r, today, app.counting())),
        ));
    } else {
        spans.push(Span::raw(" "));
    }
    if reporting::is_outstanding(r, today) {
        spans.push(Span::styled(lang.pick("报 ", "R "), THEME.report_due));
    }
    let unit = super::tree::lead_unit(r);
    let unit_w = if cols >= 70 { width(&unit).min(16) } else { 0 };
    let fixed: usize = spans.iter().map(|s| width(&s.content)).sum();
    let text_w = cols.saturating_sub(fixed + if unit_w > 0 { unit_w + 2 } else { 0 });
    let base = if r.status == Status::Done {
        THEME.dim
    } else {
        THEME.text
    };
    let text = wrap::fit(&wrap::one_line(&r.text), text_w);
    spans.extend(highlight(&text, app.filter().search.as_deref(), base));
    if unit_w > 0 {
        spans.push(Span::raw("  "));
        spans.push(Span::styled(wrap::fit(&unit, unit_w), THEME.dim));
    }
    Line::from(spans)
}

/// The id in its 三色督办 colour (dim when not escalated).
pub fn id_style(app: &App, r: &Requirement) -> Style {
    THEME.escalation(app.escalation(r))
}

/// `text` as spans, each search hit in the match style.
pub fn highlight(text: &str, needle: Option<&str>, base: Style) -> Vec<Span<'static>> {
    let ranges = needle.map_or_else(Vec::new, |n| crate::plan::query::find_matches(text, n));
    let mut spans = Vec::new();
    let mut at = 0;
    for (start, end) in ranges {
        if start > at {
            spans.push(Span::styled(text[at..start].to_string(), base));
        }
        spans.push(Span::styled(
            text[start..end].to_string(),
            THEME.search_match,
        ));
        at = end;
    }
    if at < text.len() || spans.is_empty() {
        spans.push(Span::styled(text[at..].to_string(), base));
    }
    spans
}
