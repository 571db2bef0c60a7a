//! Footer: the status line (messages, save errors, the note input) above key hints generated
//! from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};

use super::theme::THEME;
use super::wrap::{self, width};
use crate::app::{Action, App, Edit, KeyMode, Keymap, Mode, Prompt, Screen};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let [status, hints] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
    ]));
    let cols = usize::from(area.width);
    let line = match app.mode() {
        Mode::Flow(flow) if flow.step.is_choice() => choices(app, flow, cols),
        Mode::Input(_, editor)
        | Mode::Search(editor)
        | Mode::Flow(crate::app::Flow { editor, .. }) => {
            let prompt = prompt(app);
            let (shown, _) = editor.view(cols.saturating_sub(width(&prompt)));
            Line::from(vec![
                Span::styled(prompt, THEME.label),
                Span::styled(shown, THEME.input),
            ])
        }
        _ => status_line(app, cols),
    };
    super::draw_lines(&[line], status, buf);
    if app.message().is_some_and(|m| m.error)
        && !matches!(
            app.mode(),
            Mode::Input(..) | Mode::Search(_) | Mode::Flow(_)
        )
    {
        // Errors fill the whole row so they cannot be missed.
        buf.set_style(status, THEME.error);
    }
    super::draw_lines(&[Line::from(hint_spans(app, cols))], hints, buf);
}

fn prompt(app: &App) -> String {
    let lang = app.lang();
    let label = match app.mode() {
        Mode::Search(_) => return format!(" {}/", lang.pick("搜索", "search")),
        Mode::Flow(flow) => return format!(" {} {}> ", flow.step.label(lang), flow.id),
        Mode::Input(Prompt::EditNote(_), _) => lang.pick("改备注", "edit note"),
        Mode::Input(Prompt::Complete, _) => {
            lang.pick("办结说明（可空）", "completion note (optional)")
        }
        Mode::Input(Prompt::Report, _) => lang.pick("报送说明（可空）", "report note (optional)"),
        Mode::Input(Prompt::Due, _) => lang.pick(
            "时限（YYYY-MM-DD，空则按原文）",
            "due date (YYYY-MM-DD, empty: as the text says)",
        ),
        Mode::Input(Prompt::Start, _) => lang.pick(
            "交办日（YYYY-MM-DD，空则取消）",
            "start date (YYYY-MM-DD, empty: clear)",
        ),
        Mode::Input(Prompt::AddText, _) => lang.pick("新要求内容", "new requirement's text"),
        Mode::Input(Prompt::AddUnits, _) => {
            lang.pick("责任单位（可空）", "responsible units (optional)")
        }
        Mode::Input(Prompt::AddDeadline, _) => lang.pick("时限（可空）", "deadline (optional)"),
        Mode::Input(Prompt::Correct(field), _) => {
            return format!(
                " {}{} {}> ",
                lang.pick("更正", "correct "),
                field.label(lang),
                app.selected_requirement()
                    .map(|r| r.id.to_string())
                    .unwrap_or_default()
            );
        }
        _ => lang.pick("备注", "note"),
    };
    if matches!(
        app.mode(),
        Mode::Input(Prompt::AddText | Prompt::AddUnits | Prompt::AddDeadline, _)
    ) {
        // The requirement does not exist yet: no id to show.
        return format!(" {label}> ");
    }
    let id = app
        .selected_requirement()
        .map(|r| r.id.to_string())
        .unwrap_or_default();
    format!(" {label} {id}> ")
}

/// The terminal cursor position while typing a note.
pub fn caret(app: &App, area: Rect) -> Option<Position> {
    let editor = match app.mode() {
        Mode::Input(_, editor) | Mode::Search(editor) => editor,
        Mode::Flow(flow) if !flow.step.is_choice() => &flow.editor,
        _ => return None,
    };
    if area.height == 0 || area.width == 0 {
        return None;
    }
    let prompt_w = width(&prompt(app));
    let (_, caret) = editor.view(usize::from(area.width).saturating_sub(prompt_w));
    let x = (prompt_w + caret).min(usize::from(area.width) - 1);
    Some(Position::new(
        area.x + u16::try_from(x).unwrap_or(0),
        area.y,
    ))
}

/// A choice step: the prompt, then the options numbered (a digit picks one), the selected
/// one highlighted; when they do not all fit, they start from the selected one.
fn choices(app: &App, flow: &crate::app::Flow, cols: usize) -> Line<'static> {
    let prompt = prompt(app);
    let room = cols.saturating_sub(width(&prompt));
    let options: Vec<String> = flow
        .choices
        .iter()
        .enumerate()
        .map(|(i, c)| format!(" {} {} ", i + 1, wrap::one_line(c)))
        .collect();
    let total: usize = options.iter().map(|o| width(o) + 1).sum();
    let skip = if total > room { flow.choice } else { 0 };
    let mut spans = vec![Span::styled(prompt, THEME.label)];
    for (i, option) in options.into_iter().enumerate().skip(skip) {
        let style = if i == flow.choice {
            THEME.selected
        } else {
            THEME.input
        };
        spans.push(Span::styled(option, style));
        spans.push(Span::raw(" "));
    }
    Line::from(spans)
}

fn status_line(app: &App, cols: usize) -> Line<'static> {
    let lang = app.lang();
    let mut spans = Vec::new();
    if app.unsaved() && !app.message().is_some_and(|m| m.error) {
        spans.push(Span::styled(
            lang.pick("[未保存] ", "[unsaved] "),
            THEME.error,
        ));
    }
    if let Some(who) = app.login_label() {
        spans.push(Span::styled(format!(" {who} "), THEME.label));
    }
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let room = cols.saturating_sub(used + 1);
    if let Some(m) = app.message() {
        let style = if m.error { THEME.error } else { THEME.info };
        spans.push(Span::styled(
            format!(" {}", wrap::truncate(&m.text, room)),
            style,
        ));
    } else {
        let text = format!(
            "{}{}",
            lang.pick("状态文件 ", "state file "),
            app.store_location()
        );
        spans.push(Span::styled(
            format!(" {}", wrap::truncate(&text, room)),
            THEME.dim,
        ));
    }
    Line::from(spans)
}

/// Key labels for a group of actions: `↑↓` when every key is one column, else `k/j`.
pub fn keys_label(keymap: &Keymap, mode: KeyMode, actions: &[Action]) -> Option<String> {
    let keys: Vec<String> = actions
        .iter()
        .filter_map(|a| keymap.keys(mode, a).first())
        .map(ToString::to_string)
        .collect();
    if keys.len() != actions.len() {
        return None;
    }
    let sep = if keys.iter().all(|k| width(k) == 1) {
        ""
    } else {
        "/"
    };
    Some(keys.join(sep))
}

/// The hints for the current mode, most useful first; the last two (help and quit in normal
/// mode) are always kept and the others are dropped from the end when the row is too short.
fn hint_spans(app: &App, cols: usize) -> Vec<Span<'static>> {
    let lang = app.lang();
    let km = app.keymap();
    let mode = app.key_mode();
    let mut hints: Vec<(String, &'static str)> = Vec::new();
    let mut add = |actions: &[Action], label: &'static str| {
        // Only what this login may take (a unit liaison's are fewer).
        let mine = actions.iter().all(|a| app.may(a));
        if let Some(keys) = keys_label(km, mode, actions).filter(|_| mine) {
            hints.push((keys, label));
        }
    };
    match app.mode() {
        Mode::Normal => {
            normal_hints(app, &mut add);
            let plans = app
                .state()
                .several()
                .then(|| keys_label(km, mode, &[Action::PrevPlan, Action::NextPlan]))
                .flatten();
            let n = u32::try_from(app.plan().categories.len())
                .unwrap_or(0)
                .min(9);
            let jump = if n > 0 && app.screen() == Screen::Tree {
                category_keys(km, n)
            } else {
                None
            };
            add(&[Action::Help], Action::Help.short(lang));
            add(&[Action::Quit], Action::Quit.short(lang));
            if let Some(keys) = plans {
                // Right after moving: with several plans, which one is shown matters most.
                hints.insert(1.min(hints.len()), (keys, Action::NextPlan.short(lang)));
            }
            if let Some(keys) = jump {
                // Before help and quit, which stay last.
                hints.insert(
                    hints.len().saturating_sub(2),
                    (keys, Action::JumpCategory(1).short(lang)),
                );
            }
            if app.screen() != Screen::Units {
                // Hand entry last before help and quit, after the category keys: the first
                // to go on a narrow screen.
                let hand = [Action::Correct, Action::AddRequirement];
                for a in hand.into_iter().filter(|a| app.may(a)) {
                    if let Some(keys) = keys_label(km, mode, std::slice::from_ref(&a)) {
                        hints.insert(hints.len().saturating_sub(2), (keys, a.short(lang)));
                    }
                }
            }
        }
        Mode::Help { .. } => {
            add(&[Action::Up, Action::Down], lang.pick("滚动", "scroll"));
            add(
                &[Action::PageUp, Action::PageDown],
                lang.pick("翻页", "page"),
            );
            add(&[Action::Back, Action::Help], Action::Back.short(lang));
        }
        Mode::Confirm(_) | Mode::ConfirmDelete(_) => {
            add(&[Action::Confirm(true)], Action::Confirm(true).short(lang));
            add(
                &[Action::Confirm(false)],
                Action::Confirm(false).short(lang),
            );
        }
        Mode::Flow(flow) if flow.step.is_choice() => {
            add(
                &[Action::Edit(Edit::Left), Action::Edit(Edit::Right)],
                lang.pick("选择", "choose"),
            );
            add(&[Action::SubmitNote], lang.pick("确定", "ok"));
            add(&[Action::CancelNote], Action::CancelNote.short(lang));
        }
        Mode::Input(..) | Mode::Search(_) | Mode::Flow(_) => input_hints(app, &mut add),
    }
    if matches!(app.mode(), Mode::Normal) && app.filter().search.is_some() {
        // While a search is active, n/N step through matches: say so second.
        let next = keys_label(km, KeyMode::Search, &[Action::NextMatch, Action::PrevMatch]);
        if let Some(keys) = next {
            hints.insert(1.min(hints.len()), (keys, Action::NextMatch.short(lang)));
        }
    }
    fit_hints(&hints, cols)
}

/// Normal mode's hints before help and quit: moving, the edits of this view, the views.
fn normal_hints(app: &App, add: &mut impl FnMut(&[Action], &'static str)) {
    let lang = app.lang();
    add(&[Action::Up, Action::Down], Action::Up.short(lang));
    match app.screen() {
        Screen::Units if app.units().drill.is_none() => {
            add(&[Action::ToggleExpand], lang.pick("查看", "open"));
            add(&[Action::SortNext], Action::SortNext.short(lang));
            add(&[Action::SortReverse], Action::SortReverse.short(lang));
        }
        _ => {
            add(&[Action::ToggleDone], Action::ToggleDone.short(lang));
            add(&[Action::CycleStatus], Action::CycleStatus.short(lang));
            if app.filter().search.is_none() {
                add(&[Action::AddNote], Action::AddNote.short(lang));
            }
        }
    }
    add(&[Action::Search], Action::Search.short(lang));
    if !app.filter().is_empty() {
        add(&[Action::ClearFilters], Action::ClearFilters.short(lang));
    }
    add(&[Action::Undo], Action::Undo.short(lang));
    add(&[Action::NextScreen], Action::NextScreen.short(lang));
    match app.screen() {
        Screen::Tree => {
            add(&[Action::Left, Action::Right], Action::Left.short(lang));
            add(&[Action::NextPane], Action::NextPane.short(lang));
        }
        Screen::Agenda => add(
            &[Action::ToggleShowDone],
            Action::ToggleShowDone.short(lang),
        ),
        Screen::Units => add(&[Action::Back], lang.pick("返回", "back")),
    }
    if app.screen() == Screen::Agenda {
        add(&[Action::SortNext], lang.pick("催办排序", "by reminder"));
    }
    for a in lifecycle_hints(app) {
        add(std::slice::from_ref(&a), a.short(lang));
    }
}

/// The life-cycle steps that fit the selection (shown where there is room): the review's
/// while a claim waits, else reminding, extending and the evidence.
fn lifecycle_hints(app: &App) -> Vec<Action> {
    match app.selected_requirement() {
        Some(r) if r.status == crate::plan::Status::Review => vec![Action::Approve, Action::Reject],
        Some(r) => vec![
            Action::Remind,
            Action::Extend,
            if r.evidence.is_empty() {
                Action::Attach
            } else {
                Action::OpenEvidence
            },
        ],
        None => Vec::new(),
    }
}

/// The hints while typing: clear, save (or done for a search), cancel, and Tab between the
/// fields of a correction.
fn input_hints(app: &App, add: &mut impl FnMut(&[Action], &'static str)) {
    let lang = app.lang();
    add(
        &[Action::Edit(Edit::ClearToStart)],
        Action::Edit(Edit::ClearToStart).short(lang),
    );
    let submit = if matches!(app.mode(), Mode::Search(_)) {
        lang.pick("确定", "done")
    } else {
        Action::SubmitNote.short(lang)
    };
    add(&[Action::SubmitNote], submit);
    add(&[Action::CancelNote], Action::CancelNote.short(lang));
    if matches!(app.mode(), Mode::Input(Prompt::Correct(_), _)) {
        add(&[Action::NextField], Action::NextField.short(lang));
    }
}

/// `1-6` when categories 1..n are bound to the keys `1`..`n`, else the first and last keys.
fn category_keys(km: &Keymap, n: u32) -> Option<String> {
    let first = km
        .keys(KeyMode::Normal, &Action::JumpCategory(1))
        .first()?
        .to_string();
    let last = km
        .keys(KeyMode::Normal, &Action::JumpCategory(n))
        .first()?
        .to_string();
    Some(if n == 1 {
        first
    } else {
        format!("{first}-{last}")
    })
}

fn fit_hints(hints: &[(String, &'static str)], cols: usize) -> Vec<Span<'static>> {
    let cost = |(k, l): &(String, &str)| width(k) + 1 + width(l) + 2;
    let keep = hints.len().saturating_sub(2);
    // The last hint's two trailing spaces may fall off the edge.
    let mut budget = (cols + 1).saturating_sub(hints[keep..].iter().map(cost).sum::<usize>());
    let mut chosen: Vec<&(String, &str)> = Vec::new();
    for h in &hints[..keep] {
        let c = cost(h);
        if c > budget {
            break;
        }
        budget -= c;
        chosen.push(h);
    }
    chosen.extend(&hints[keep..]);
    let mut spans = vec![Span::raw(" ")];
    for (key, label) in chosen {
        spans.push(Span::styled(key.clone(), THEME.key));
        spans.push(Span::styled(format!(" {label}  "), THEME.dim));
    }
    spans
}
