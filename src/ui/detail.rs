//! Detail pane: the selected requirement in full (or a summary of the selected item), wrapped
//! for Chinese, scrollable.

use chrono::NaiveDateTime;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::theme::{self, THEME, Urgency};
use super::wrap::{self, width};
use crate::app::geometry::follow;
use crate::app::{Action, App, KeyMode, Pane};
use crate::i18n::Lang;
use crate::plan::count::Counting;
use crate::plan::{ChangeKind, Counts, Item, Requirement};

/// At most this many requirements are listed in an item summary (items are small in practice;
/// this keeps a pathological one from costing a frame).
const ITEM_LIST_MAX: usize = 500;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let focused = app.focus() == Pane::Detail;
    let lang = app.lang();
    let title = match (app.selected_requirement(), app.selected_item()) {
        (Some(r), _) => format!("{} {}", lang.pick("详情", "Detail"), app.shown_id(r.id)),
        (None, Some(_)) => lang.pick("事项概况", "Item").to_string(),
        _ => lang.pick("详情", "Detail").to_string(),
    };
    let mut block = super::pane(&title, focused, area.width);
    let inner = block.inner(area);
    let lines = lines(app, usize::from(inner.width));
    let height = usize::from(inner.height);
    let max = lines.len().saturating_sub(height);
    // A note selected for editing is kept in view.
    let selected = lines.iter().position(|l| l.style == THEME.selected);
    let scroll = match selected {
        Some(at) => follow(app.detail_scroll().min(max), at, height, lines.len()),
        None => app.detail_scroll().min(max),
    };
    if max > 0 && height > 0 && inner.width >= 12 {
        let end = (scroll + height).min(lines.len());
        let pos = format!(" {}-{}/{} ", scroll + 1, end, lines.len());
        block = block.title_bottom(Line::styled(pos, THEME.dim).right_aligned());
    }
    block.render(area, buf);
    let visible: Vec<Line<'_>> = lines.into_iter().skip(scroll).take(height).collect();
    super::draw_lines(&visible, inner, buf);
}

/// What the pane shows, `cols` wide.
fn lines(app: &App, cols: usize) -> Vec<Line<'static>> {
    let unit_table = app.screen() == crate::app::Screen::Units && app.units().drill.is_none();
    match (app.selected_requirement(), app.selected_item()) {
        _ if unit_table => super::units::detail_lines(app, cols),
        (Some(r), Some(item)) => requirement_lines(app, r, item, cols),
        (None, Some(item)) => item_lines(app, item, cols),
        _ => vec![Line::styled(
            app.lang().pick("（未选中）", "(nothing selected)"),
            THEME.dim,
        )],
    }
}

/// Lines of the pane at `width` (inside its border), for `update` to bound scrolling.
pub fn line_count(app: &App, width: u16) -> usize {
    lines(app, usize::from(width)).len()
}

/// `label  value`, the value wrapped under itself (hanging indent).
pub(super) fn field(
    out: &mut Vec<Line<'static>>,
    label: &str,
    label_w: usize,
    value: &str,
    style: Style,
    cols: usize,
) {
    let value_w = cols.saturating_sub(label_w);
    if value_w < 4 {
        // Too narrow for two columns: label above value.
        out.push(Line::styled(
            wrap::truncate(label, cols).into_owned(),
            THEME.label,
        ));
        out.extend(
            wrap::wrap(value, cols)
                .into_iter()
                .map(|l| Line::styled(l, style)),
        );
        return;
    }
    for (i, text) in wrap::wrap(value, value_w).into_iter().enumerate() {
        let head = if i == 0 {
            wrap::fit(label, label_w)
        } else {
            " ".repeat(label_w)
        };
        out.push(Line::from(vec![
            Span::styled(head, THEME.label),
            Span::styled(text, style),
        ]));
    }
}

pub(super) fn paragraph(
    out: &mut Vec<Line<'static>>,
    text: &str,
    style: Style,
    cols: usize,
    indent: usize,
) {
    let pad = " ".repeat(indent.min(cols / 2));
    for l in wrap::wrap(text, cols.saturating_sub(pad.len())) {
        out.push(Line::from(vec![
            Span::raw(pad.clone()),
            Span::styled(l, style),
        ]));
    }
}

/// Mark the search text in already wrapped lines (a hit split across two lines is not).
pub(super) fn highlight_lines(lines: &mut [Line<'static>], search: Option<&str>) {
    if search.is_none() {
        return;
    }
    for line in lines {
        let base = line.spans.last().map_or(THEME.text, |s| s.style);
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        line.spans = super::list::highlight(&text, search, base);
    }
}

pub(super) fn stamp(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

fn requirement_lines(app: &App, r: &Requirement, item: &Item, cols: usize) -> Vec<Line<'static>> {
    let lang = app.lang();
    let mut out = Vec::new();
    let status = format!("{} {}", theme::status_mark(r.status), lang.status(r.status));
    let changed = match r.status_changed {
        Some(t) => format!("  {} {}", lang.pick("更新于", "since"), stamp(t)),
        None => String::new(),
    };
    let changed = wrap::truncate(&changed, cols.saturating_sub(8)).into_owned();
    let escalation = app.escalation(r);
    let level = escalation.label(lang);
    let level = if level.is_empty() {
        String::new()
    } else {
        format!("  [{level}]")
    };
    let hand = if r.by_hand {
        format!("  {}", lang.pick("手工添加", "added by hand"))
    } else {
        String::new()
    };
    out.push(Line::from(vec![
        Span::styled(status, THEME.status(r.status)),
        Span::styled(level, THEME.escalation(escalation)),
        Span::styled(hand, THEME.label),
        Span::styled(changed, THEME.dim),
    ]));
    out.push(Line::default());
    let start = out.len();
    paragraph(&mut out, &r.text, THEME.text, cols, 0);
    highlight_lines(&mut out[start..], app.filter().search.as_deref());
    out.push(Line::default());
    deadline_and_units(&mut out, app, r, item, cols);
    super::progress::work_and_report(&mut out, app, r, cols);
    lifecycle(&mut out, lang, r, app.evidence_checks(r.id), cols);
    out.push(Line::default());
    notes_and_history(&mut out, app, r, cols);
    out
}

/// The labelled fields: deadline as written and as understood, where to report, units.
fn deadline_and_units(
    out: &mut Vec<Line<'static>>,
    app: &App,
    r: &Requirement,
    item: &Item,
    cols: usize,
) {
    let (lang, today) = (app.lang(), app.today());
    let labels = if lang == Lang::Zh {
        [
            "时限", "解析", "报送", "牵头", "配合", "责任", "事项", "领导",
        ]
    } else {
        [
            "Deadline", "Parsed", "Report", "Lead", "With", "Units", "Item", "Leader",
        ]
    };
    let label_w = labels.iter().map(|l| width(l)).max().unwrap_or(0) + 2;
    let mut add =
        |label: &str, value: &str, style: Style| field(out, label, label_w, value, style, cols);
    let raw = if r.deadline_raw.trim().is_empty() {
        lang.pick("（无）", "(none)")
    } else {
        &r.deadline_raw
    };
    add(labels[0], raw, THEME.text);
    let mut parsed = understood(lang, r, today, app.counting());
    let key = super::footer::keys_label(app.keymap(), KeyMode::Normal, &[Action::SetDue]);
    if r.is_unconfirmed()
        && let Some(key) = key
    {
        let hint = match lang {
            Lang::Zh => format!("  按 {key} 人工设定"),
            Lang::En => format!("  {key}: set it by hand"),
        };
        parsed.push_str(&hint);
    }
    // Counted from an event: a start date dates it.
    let start_key = super::footer::keys_label(app.keymap(), KeyMode::Normal, &[Action::SetStart]);
    if r.is_unconfirmed()
        && r.deadline.relative.is_some()
        && let Some(key) = start_key
    {
        let hint = match lang {
            Lang::Zh => format!("，按 {key} 设交办日"),
            Lang::En => format!("; {key}: set the start date"),
        };
        parsed.push_str(&hint);
    }
    add(
        labels[1],
        &parsed,
        THEME.urgency(Urgency::of_by(r, today, app.counting())),
    );
    if let Some(to) = &r.deadline.report_to {
        add(labels[2], to, THEME.text);
    }
    let names = |units: &[crate::plan::Unit]| {
        units
            .iter()
            .map(|u| u.name.as_str())
            .collect::<Vec<_>>()
            .join("、")
    };
    if r.units.lead.is_empty() {
        // Not understood: show the cell as written rather than nothing.
        add(labels[5], &r.units_raw, THEME.text);
    } else {
        add(labels[3], &names(&r.units.lead), THEME.text);
    }
    if !r.units.cooperating.is_empty() {
        add(labels[4], &names(&r.units.cooperating), THEME.text);
    }
    if let Some(leader) = r.leader() {
        add(labels[7], leader, THEME.text);
    }
    // The item only where the plan has items of its own (not an unnamed one).
    if r.id.levels().has_items() {
        add(labels[6], &wrap::one_line(&item.name), THEME.dim);
    }
    other_columns(out, lang, r, cols);
}

/// The document's other columns (备注, and those with no role) as written, one
/// `header：cell` paragraph each.
fn other_columns(out: &mut Vec<Line<'static>>, lang: Lang, r: &Requirement, cols: usize) {
    let mut other = r.other_columns().peekable();
    if other.peek().is_none() {
        return;
    }
    out.push(Line::default());
    out.push(Line::styled(
        lang.pick("原表其他列", "Other columns"),
        THEME.label,
    ));
    for (name, value) in other {
        let text = format!("{}{}{value}", wrap::one_line(name), lang.pick("：", ": "));
        paragraph(out, &text, THEME.text, cols, 2);
    }
}

/// Extensions, the claim in review, reminders, evidence (see
/// [`crate::i18n::lifecycle::summary`]), as `show` prints them. Evidence files are not read
/// while drawing: the missing/changed marks come from the checks `update` made (`checks`).
fn lifecycle(
    out: &mut Vec<Line<'static>>,
    lang: Lang,
    r: &Requirement,
    checks: Option<&[crate::plan::lifecycle::EvidenceCheck]>,
    cols: usize,
) {
    for section in crate::i18n::lifecycle::summary::sections(r, lang, checks) {
        let mut lines = section.lines.iter();
        if let Some(first) = lines.next() {
            let text = format!("{}{}{first}", section.label, lang.pick("：", ": "));
            paragraph(out, &text, THEME.text, cols, 2);
        }
        for line in lines {
            paragraph(out, line, THEME.dim, cols, 2);
        }
    }
}

/// Notes (newest first, wrapped) and the change history (newest first, one line each).
fn notes_and_history(out: &mut Vec<Line<'static>>, app: &App, r: &Requirement, cols: usize) {
    let lang = app.lang();
    super::progress::notes(out, app, r, cols);
    if r.history.is_empty() {
        return;
    }
    out.push(Line::default());
    let heading = format!("{} ({})", lang.pick("历史", "History"), r.history.len());
    out.push(Line::styled(heading, THEME.label));
    for c in r.history.iter().rev() {
        let what = match &c.what {
            ChangeKind::Status { from, to } => {
                format!("{} -> {}", lang.status(*from), lang.status(*to))
            }
            ChangeKind::Note { text } => {
                format!("{}: {}", lang.pick("备注", "note"), wrap::one_line(text))
            }
            other => crate::i18n::plan::describe(other, lang),
        };
        let by =
            c.by.as_deref()
                .map_or_else(String::new, |b| format!("  {b}"));
        let line = format!("  {}  {what}{by}", stamp(c.at));
        out.push(Line::styled(
            wrap::truncate(&line, cols).into_owned(),
            THEME.dim,
        ));
    }
}

/// What was understood from the deadline text: a date set by hand first, then kind, dates,
/// countdown.
fn understood(lang: Lang, r: &Requirement, today: chrono::NaiveDate, by: Counting<'_>) -> String {
    let d = &r.deadline;
    let mut parts = Vec::new();
    if let Some(set) = r.due_set {
        parts.push(format!("{} {}", lang.set_by_hand(), set.format("%Y-%m-%d")));
    }
    parts.extend(r.start_notes(lang));
    parts.push(lang.kind_read(r.read_kind()).to_string());
    if !d.milestones.is_empty() {
        let dates: Vec<String> = d
            .milestones
            .iter()
            .map(|m| m.format("%Y-%m-%d").to_string())
            .collect();
        parts.push(dates.join(lang.pick("、", ", ")));
    }
    if r.due_set.is_none()
        && d.kind.is_recurring()
        && let Some(due) = r.due(today)
    {
        parts.push(format!(
            "{} {}",
            lang.pick("本期截至", "this period ends"),
            due.format("%Y-%m-%d")
        ));
    }
    if let Some(days) = lang.days_of_by(r, today, by) {
        parts.push(if r.status == crate::plan::Status::Done {
            lang.status(r.status).to_string()
        } else {
            days
        });
    }
    if let Some(effective) = crate::plan::count::effective_if_off(r, today, by) {
        parts.push(crate::i18n::count::off_day_text(effective, lang));
    }
    parts.join("  ")
}

fn item_lines(app: &App, item: &Item, cols: usize) -> Vec<Line<'static>> {
    let lang = app.lang();
    let today = app.today();
    let mut out = Vec::new();
    paragraph(&mut out, &wrap::one_line(&item.name), THEME.title, cols, 0);
    if let Some(cat) = app.current_category() {
        let line = format!("{} {}", cat.number, wrap::one_line(&cat.name));
        out.push(Line::styled(
            wrap::truncate(&line, cols).into_owned(),
            THEME.dim,
        ));
    }
    let c = Counts::of(&item.requirements, today);
    let summary = match lang {
        Lang::Zh => format!(
            "完成 {}/{}，推进中 {}，受阻 {}，逾期 {}",
            c.done, c.total, c.doing, c.blocked, c.overdue
        ),
        Lang::En => format!(
            "done {}/{}, doing {}, blocked {}, overdue {}",
            c.done, c.total, c.doing, c.blocked, c.overdue
        ),
    };
    out.push(Line::default());
    paragraph(&mut out, &summary, THEME.text, cols, 0);
    out.push(Line::default());
    for r in item.requirements.iter().take(ITEM_LIST_MAX) {
        let head = format!("{} {} ", theme::status_mark(r.status), r.id);
        let countdown = app.countdown(r);
        let tail = if countdown.is_empty() {
            String::new()
        } else {
            format!(" {countdown}")
        };
        let room = cols.saturating_sub(width(&head) + width(&tail));
        out.push(Line::from(vec![
            Span::styled(head, THEME.status(r.status)),
            Span::styled(wrap::fit(&r.text, room), THEME.text),
            Span::styled(
                tail,
                THEME.urgency(Urgency::of_by(r, today, app.counting())),
            ),
        ]));
    }
    if item.requirements.len() > ITEM_LIST_MAX {
        let more = item.requirements.len() - ITEM_LIST_MAX;
        out.push(Line::styled(format!(".. +{more}"), THEME.dim));
    }
    out
}
