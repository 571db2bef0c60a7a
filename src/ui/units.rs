//! Units view: a table of every unit's workload (sortable by any column), or, after Enter,
//! that unit's requirements (lead and cooperating apart) through the list pane.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::theme::THEME;
use super::wrap::{self, width};
use crate::app::geometry::follow;
use crate::app::units::column_label;
use crate::app::{App, Pane};
use crate::i18n::Lang;
use crate::plan::workload::{UnitColumn, UnitRow};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let lang = app.lang();
    let units = app.units();
    if let Some(drill) = &units.drill {
        let title = format!("{}{}", lang.pick("单位：", "Unit: "), drill.unit);
        return super::list::render(app, &drill.list, &title, area, buf);
    }
    let focused = app.focus() != Pane::Detail;
    let block = super::pane(&super::scoped(app, &title(app)), focused, area.width);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.height < 2 || inner.width == 0 {
        return;
    }
    let cols = usize::from(inner.width);
    // The 催办 column once any unit was reminded (or it is sorted on): most plans never
    // use it, and the names need the room.
    let reminded =
        units.rows.iter().any(|r| r.reminders > 0) || units.sort == UnitColumn::Reminders;
    let numeric: Vec<UnitColumn> = UnitColumn::ALL[1..]
        .iter()
        .copied()
        .filter(|c| *c != UnitColumn::Reminders || reminded)
        .collect();
    let widths: Vec<usize> = numeric
        .iter()
        .map(|c| width(column_label(*c, lang)).max(3) + 1)
        .collect();
    // The 考核 score (scoring.toml's rules, as `duban score` gives them), last.
    let score_label = lang.pick("考核", "Score");
    let score_w = width(score_label).max(5) + 1;
    // 全部: how many plans name the unit, beside its name (the detail pane splits them).
    let plans_label = lang.pick("计划", "Plans");
    let plans_w = if app.all_plans() {
        width(plans_label).max(3) + 1
    } else {
        0
    };
    let name_w = cols
        .saturating_sub(widths.iter().sum::<usize>() + score_w + plans_w)
        .max(6);
    let mut head = vec![header_cell(
        wrap::fit(column_label(UnitColumn::Name, lang), name_w),
        units.sort == UnitColumn::Name,
    )];
    if plans_w > 0 {
        head.push(header_cell(wrap::fit_right(plans_label, plans_w), false));
    }
    for (c, w) in numeric.iter().zip(&widths) {
        head.push(header_cell(
            wrap::fit_right(column_label(*c, lang), *w),
            units.sort == *c,
        ));
    }
    head.push(header_cell(wrap::fit_right(score_label, score_w), false));
    super::put_line(buf, inner.x, inner.y, &Line::from(head), inner.width);

    let height = usize::from(inner.height) - 1;
    let len = units.rows.len();
    if len == 0 {
        let text = lang.pick("（没有单位）", "(no units)");
        let line = Line::styled(wrap::truncate(text, cols), THEME.dim);
        let below = Rect {
            y: inner.y + 1,
            height: inner.height - 1,
            ..inner
        };
        return super::draw_lines(&[line], below, buf);
    }
    let offset = follow(app.scroll().rows, units.cursor, height, len);
    let rows = units.rows.iter().enumerate().skip(offset).take(height);
    for ((i, r), y) in rows.zip(inner.top() + 1..inner.bottom()) {
        let mut line = row(r, &numeric, name_w, &widths);
        if plans_w > 0 {
            let n = Span::styled(
                wrap::fit_right(&r.plans.len().to_string(), plans_w),
                THEME.text,
            );
            line.spans.insert(1, n);
        }
        let score = app.unit_score(&r.name).map(|s| format!("{s:.1}"));
        line.spans.push(Span::styled(
            wrap::fit_right(score.as_deref().unwrap_or("-"), score_w),
            THEME.text,
        ));
        super::put_line(buf, inner.x, y, &line, inner.width);
        if i == units.cursor {
            let style = if focused {
                THEME.selected
            } else {
                THEME.selected_unfocused
            };
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
        }
    }
}

/// `单位 21（按逾期降序，* 集体单位）`
fn title(app: &App) -> String {
    let (lang, units) = (app.lang(), app.units());
    let order = if units.descending {
        lang.pick("降序", "desc")
    } else {
        lang.pick("升序", "asc")
    };
    let (n, by) = (units.rows.len(), column_label(units.sort, lang));
    match lang {
        Lang::Zh => format!("单位 {n}（按{by}{order}，* 集体单位）"),
        Lang::En => format!("Units {n} (by {by} {order}; * collective)"),
    }
}

fn header_cell(text: String, sorted: bool) -> Span<'static> {
    Span::styled(text, if sorted { THEME.key } else { THEME.label })
}

fn row(r: &UnitRow, columns: &[UnitColumn], name_w: usize, widths: &[usize]) -> Line<'static> {
    let name = if r.collective {
        format!(
            "{}*",
            wrap::fit(&r.name, name_w.saturating_sub(2)).trim_end()
        )
    } else {
        r.name.clone()
    };
    let mut spans = vec![Span::styled(wrap::fit(&name, name_w), THEME.text)];
    for (c, w) in columns.iter().zip(widths) {
        let (value, style) = cell(r, *c);
        let text = value.unwrap_or_else(|| "-".into());
        let style = if text == "0" || text == "-" || text == "0/0" {
            THEME.dim
        } else {
            style
        };
        spans.push(Span::styled(wrap::fit_right(&text, *w), style));
    }
    Line::from(spans)
}

/// A numeric column's cell and its style (`None`: nothing to show, drawn `-`).
fn cell(r: &UnitRow, c: UnitColumn) -> (Option<String>, ratatui::style::Style) {
    let n = |v: usize| Some(v.to_string());
    match c {
        UnitColumn::Name => (Some(r.name.clone()), THEME.text),
        UnitColumn::Lead => (n(r.lead), THEME.text),
        UnitColumn::Cooperating => (n(r.cooperating), THEME.text),
        UnitColumn::Done => (n(r.done), THEME.done),
        UnitColumn::Doing => (n(r.doing), THEME.doing),
        UnitColumn::Blocked => (n(r.blocked), THEME.blocked),
        UnitColumn::Due7 => (n(r.due_7), THEME.due_soon),
        UnitColumn::Overdue => (n(r.overdue), THEME.overdue),
        UnitColumn::OldestOverdue => (r.oldest_overdue_days.map(|d| d.to_string()), THEME.overdue),
        UnitColumn::ReportsOutstanding => (n(r.reports_outstanding), THEME.report_due),
        UnitColumn::Reminders => (Some(chased(r)), THEME.due_soon),
    }
}

/// 全部: the unit's share of each plan, one line a plan (`永济  牵头 19  配合 5  逾期 4`).
fn plan_lines(app: &App, out: &mut Vec<Line<'static>>) {
    let by_plan = app.unit_by_plan();
    if by_plan.is_empty() {
        return;
    }
    let lang = app.lang();
    out.push(Line::default());
    out.push(Line::styled(lang.pick("各计划", "By plan"), THEME.label));
    let names: Vec<&str> = (by_plan.iter())
        .filter_map(|(p, _)| app.row_plan(*p))
        .collect();
    let name_w = names.iter().map(|n| width(n)).max().unwrap_or(0).min(12);
    for (name, (_, r)) in names.iter().zip(&by_plan) {
        let mut spans = vec![Span::styled(wrap::fit(name, name_w), THEME.label)];
        for (c, n, style) in [
            (UnitColumn::Lead, r.lead, THEME.text),
            (UnitColumn::Cooperating, r.cooperating, THEME.text),
            (UnitColumn::Done, r.done, THEME.done),
            (UnitColumn::Overdue, r.overdue, THEME.overdue),
            (
                UnitColumn::ReportsOutstanding,
                r.reports_outstanding,
                THEME.report_due,
            ),
        ] {
            let style = if n == 0 { THEME.dim } else { style };
            spans.push(Span::styled(
                format!("  {} {n}", column_label(c, lang)),
                style,
            ));
        }
        // Drawing cuts a line at the pane's edge (by display width).
        out.push(Line::from(spans));
    }
}

/// `3/2`: reminders sent to the unit / requirements they chased.
fn chased(r: &UnitRow) -> String {
    format!("{}/{}", r.reminders, r.chased)
}

/// The detail pane while the table (not a drill-down) is shown: the selected unit in words.
pub fn detail_lines(app: &App, cols: usize) -> Vec<Line<'static>> {
    let lang = app.lang();
    let units = app.units();
    let Some(r) = units.rows.get(units.cursor) else {
        return vec![Line::styled(
            lang.pick("（未选中）", "(nothing selected)"),
            THEME.dim,
        )];
    };
    let mut out = vec![Line::styled(
        wrap::truncate(&r.name, cols).into_owned(),
        THEME.title,
    )];
    if r.collective {
        out.push(Line::styled(
            lang.pick("集体单位（如各镇街、各有关单位）", "collective unit"),
            THEME.dim,
        ));
    }
    plan_lines(app, &mut out);
    out.push(Line::default());
    let oldest = r
        .oldest_overdue_days
        .map_or_else(|| "-".into(), |d| d.to_string());
    let pairs = [
        (UnitColumn::Lead, r.lead.to_string()),
        (UnitColumn::Cooperating, r.cooperating.to_string()),
        (UnitColumn::Done, r.done.to_string()),
        (UnitColumn::Doing, r.doing.to_string()),
        (UnitColumn::Blocked, r.blocked.to_string()),
        (UnitColumn::Due7, r.due_7.to_string()),
        (UnitColumn::Overdue, r.overdue.to_string()),
        (UnitColumn::OldestOverdue, oldest),
        (
            UnitColumn::ReportsOutstanding,
            r.reports_outstanding.to_string(),
        ),
        (UnitColumn::Reminders, chased(r)),
    ];
    let score = app
        .unit_score(&r.name)
        .map_or_else(|| "-".into(), |s| format!("{s:.1}"));
    let labels = pairs.map(|(c, v)| (column_label(c, lang), v));
    for (label, v) in labels
        .into_iter()
        .chain([(lang.pick("考核", "Score"), score)])
    {
        out.push(Line::from(vec![
            Span::styled(wrap::fit(label, 10), THEME.label),
            Span::styled(v, THEME.text),
        ]));
    }
    out.push(Line::default());
    let keys = super::footer::keys_label(
        app.keymap(),
        crate::app::KeyMode::Normal,
        &[crate::app::Action::ToggleExpand],
    )
    .unwrap_or_default();
    let hint = match lang {
        Lang::Zh => format!("按 {keys} 查看该单位的要求（牵头、配合分列）"),
        Lang::En => format!("{keys}: this unit's requirements (lead and cooperating apart)"),
    };
    out.extend(
        wrap::wrap(&hint, cols)
            .into_iter()
            .map(|l| Line::styled(l, THEME.dim)),
    );
    out
}
