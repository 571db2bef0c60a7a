//! The y/n dialog before changing every requirement of an item.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::theme::THEME;
use super::wrap;
use crate::app::{Action, App, BulkChange, KeyMode};
use crate::i18n::Lang;

pub fn render(app: &App, change: &BulkChange, area: Rect, buf: &mut Buffer) {
    let lang = app.lang();
    let item = app
        .plan()
        .categories
        .get(change.category)
        .and_then(|c| c.items.get(change.item));
    let name = item
        .map(|it| wrap::one_line(&it.name).into_owned())
        .unwrap_or_default();
    let total = item.map_or(0, |it| it.requirements.len());
    let status = lang.status(change.to);
    let all = change.count == total;
    let question = match (lang, all) {
        (Lang::Zh, true) => format!("将「{name}」的全部 {total} 项要求标为「{status}」？"),
        (Lang::Zh, false) => format!(
            "将「{name}」其余 {} 项要求也标为「{status}」？",
            change.count
        ),
        (Lang::En, true) => format!("Mark all {total} requirements of \"{name}\" {status}?"),
        (Lang::En, false) => format!(
            "Mark the other {} requirement(s) of \"{name}\" {status} too?",
            change.count
        ),
    };
    ask(app, &question, area, buf);
}

/// The y/n before deleting a note.
pub fn render_delete(app: &App, index: usize, area: Rect, buf: &mut Buffer) {
    let lang = app.lang();
    let text = app
        .selected_requirement()
        .and_then(|r| r.notes.get(index))
        .map(|n| wrap::one_line(&n.text).into_owned())
        .unwrap_or_default();
    let question = match lang {
        Lang::Zh => format!("删除这条备注？「{text}」（可用撤销找回）"),
        Lang::En => format!("Delete this note? \"{text}\" (undo brings it back)"),
    };
    ask(app, &question, area, buf);
}

/// A centred question with the yes/no keys under it.
fn ask(app: &App, question: &str, area: Rect, buf: &mut Buffer) {
    let lang = app.lang();
    let width = area.width.saturating_sub(4).min(56);
    let text_w = usize::from(width.saturating_sub(4));
    let text = wrap::wrap(question, text_w.max(1));
    let height = u16::try_from(text.len() + 4).unwrap_or(u16::MAX);
    let popup = super::centered(area, width, height);
    let block = Block::bordered()
        .border_style(THEME.focused_border)
        .title(Line::styled(lang.pick(" 确认 ", " Confirm "), THEME.title));
    let inner = block.inner(popup);
    super::clear_overlay(popup, buf);
    block.render(popup, buf);

    let mut lines: Vec<Line<'_>> = text
        .into_iter()
        .map(|l| Line::styled(format!(" {l}"), THEME.text))
        .collect();
    lines.push(Line::default());
    let mut answers = vec![Span::raw(" ")];
    for yes in [true, false] {
        let action = Action::Confirm(yes);
        if let Some(keys) = super::footer::keys_label(
            app.keymap(),
            KeyMode::Confirm,
            std::slice::from_ref(&action),
        ) {
            answers.push(Span::styled(keys, THEME.key));
            answers.push(Span::raw(format!(" {}   ", action.short(lang))));
        }
    }
    lines.push(Line::from(answers));
    super::draw_lines(&lines, inner, buf);
}
