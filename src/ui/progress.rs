//! The detail pane's progress parts: the report duty (报送) apart from the work, the
//! 办结说明, and the notes (newest first) with the one selected for editing highlighted.

use ratatui::text::{Line, Span};

use super::detail::{field, paragraph, stamp};
use super::theme::THEME;
use super::wrap;
use crate::app::{Action, App, KeyMode, Pane};
use crate::i18n::Lang;
use crate::i18n::plan::period_label;
use crate::plan::Requirement;
use crate::plan::reporting;

/// `本期报送  2021-09 截至 2021-09-30  未报送（按 r 登记）` and the 办结说明, if any.
pub fn work_and_report(out: &mut Vec<Line<'static>>, app: &App, r: &Requirement, cols: usize) {
    let lang = app.lang();
    let labels = if lang == Lang::Zh {
        ["本期报送", "办结说明"]
    } else {
        ["Report", "Completion"]
    };
    let label_w = labels.iter().map(|l| wrap::width(l)).max().unwrap_or(0) + 2;
    if let Some(duty) = reporting::report_duty(r, app.today()) {
        let period = period_label(&duty.period, lang);
        let due = duty.due.format("%Y-%m-%d");
        let (state, style) = if let Some(s) = &duty.submitted {
            let on = s.submitted_on.format("%Y-%m-%d");
            let text = match lang {
                Lang::Zh => format!("已于 {on} 报送"),
                Lang::En => format!("submitted {on}"),
            };
            (text, THEME.done)
        } else {
            let key = key(app, &Action::SubmitReport);
            let text = match lang {
                Lang::Zh => format!("未报送（按 {key} 登记）"),
                Lang::En => format!("outstanding ({key} to record)"),
            };
            (text, THEME.report_due)
        };
        let text = match lang {
            Lang::Zh => format!("{period} 截至 {due}  {state}"),
            Lang::En => format!("{period} due {due}  {state}"),
        };
        field(out, labels[0], label_w, &text, style, cols);
    }
    if let Some(note) = &r.completion_note {
        field(out, labels[1], label_w, note, THEME.done, cols);
    }
}

fn key(app: &App, action: &Action) -> String {
    super::footer::keys_label(app.keymap(), KeyMode::Normal, std::slice::from_ref(action))
        .unwrap_or_default()
}

/// The notes, newest first; the selected one (in the focused detail pane) highlighted.
pub fn notes(out: &mut Vec<Line<'static>>, app: &App, r: &Requirement, cols: usize) {
    let lang = app.lang();
    let heading = format!("{} ({})", lang.pick("备注", "Notes"), r.notes.len());
    let selected = app.note_cursor().filter(|_| app.focus() == Pane::Detail);
    let hint = if r.notes.is_empty() {
        String::new()
    } else if selected.is_some() {
        let (e, d) = (key(app, &Action::EditNote), key(app, &Action::DeleteNote));
        match lang {
            Lang::Zh => format!("  {e} 修改  {d} 删除"),
            Lang::En => format!("  {e} edit  {d} delete"),
        }
    } else if app.focus() == Pane::Detail {
        lang.pick("  上下键选择备注", "  up/down selects a note")
            .to_string()
    } else {
        String::new()
    };
    out.push(Line::from(vec![
        Span::styled(heading, THEME.label),
        Span::styled(wrap::truncate(&hint, cols).into_owned(), THEME.dim),
    ]));
    if r.notes.is_empty() {
        let hint = match lang {
            Lang::Zh => format!("  （无，按 {} 添加）", key(app, &Action::AddNote)),
            Lang::En => format!("  (none; press {} to add)", key(app, &Action::AddNote)),
        };
        out.push(Line::styled(
            wrap::truncate(&hint, cols).into_owned(),
            THEME.dim,
        ));
    }
    for (i, n) in r.notes.iter().rev().enumerate() {
        let start = out.len();
        out.push(Line::styled(format!("  {}", stamp(n.at)), THEME.dim));
        let text_start = out.len();
        paragraph(out, &n.text, THEME.text, cols, 4);
        super::detail::highlight_lines(&mut out[text_start..], app.filter().search.as_deref());
        if selected == Some(i) {
            for line in &mut out[start..] {
                line.style = THEME.selected;
            }
        }
    }
}
