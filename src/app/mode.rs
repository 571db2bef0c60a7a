//! What has the keyboard besides the panes: the help overlay, typed input and what it is
//! for, and the y/n confirmations (deleting a note, changing a whole item).

use chrono::NaiveDateTime;

use super::input::LineEditor;
use super::{Action, App, KeyMode};
use crate::i18n::Lang;
use crate::plan::{ReqId, Status};

/// What has the keyboard besides the panes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Normal,
    /// The `?` overlay, scrolled by this many lines.
    Help {
        scroll: usize,
    },
    /// Typing text for the selected requirement: a note, a note's new text, the 办结说明
    /// when marking done, the note with a report, or a requirement added or corrected by
    /// hand.
    Input(Prompt, LineEditor),
    /// Waiting for y/n before deleting note `index` (in `notes` order).
    ConfirmDelete(usize),
    /// Typing a search (`/`); the matches follow every keystroke.
    Search(LineEditor),
    /// Waiting for y/n before changing every requirement of an item.
    Confirm(BulkChange),
    /// Asking for a life-cycle action (延期, 催办 …) step by step.
    Flow(super::lifecycle::Flow),
}

/// What a line of typed text is for (the input modes besides search).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompt {
    /// A new note.
    Note,
    /// New text for note `index` (in `notes` order).
    EditNote(usize),
    /// The optional 办结说明 before marking done.
    Complete,
    /// The optional note with this period's report.
    Report,
    /// A due date set by hand (empty: back to the deadline text).
    Due,
    /// The start date, 交办日 (empty: cleared).
    Start,
    /// A requirement added by hand: its text, then its units, then its deadline.
    AddText,
    AddUnits,
    AddDeadline,
    /// A field of the selected requirement corrected by hand.
    Correct(crate::plan::hand::Field),
}

/// A pending change of every requirement of one item (asked with y/n first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulkChange {
    pub category: usize,
    pub item: usize,
    pub to: Status,
    /// Requirements that will change.
    pub count: usize,
}

impl App {
    /// The keymap mode for the current [`Mode`].
    pub fn key_mode(&self) -> KeyMode {
        match self.mode {
            Mode::Normal | Mode::Help { .. } => KeyMode::Normal,
            Mode::Confirm(_) | Mode::ConfirmDelete(_) => KeyMode::Confirm,
            Mode::Input(..) | Mode::Search(_) | Mode::Flow(_) => KeyMode::Input,
        }
    }

    pub(super) fn update_help(&mut self, action: &Action) {
        let (max, height) = self.help_extent();
        let page = height.max(2) - 1;
        let Mode::Help { scroll } = &mut self.mode else {
            return;
        };
        // The window may have grown since the last move.
        *scroll = (*scroll).min(max);
        match action {
            Action::Up | Action::ScrollUp { .. } => *scroll = scroll.saturating_sub(1),
            Action::Down | Action::ScrollDown { .. } => *scroll = scroll.saturating_add(1).min(max),
            Action::PageUp => *scroll = scroll.saturating_sub(page),
            Action::PageDown => *scroll = scroll.saturating_add(page).min(max),
            Action::First => *scroll = 0,
            Action::Last => *scroll = max,
            Action::Help | Action::Back | Action::Quit | Action::Click { .. } => {
                self.mode = Mode::Normal;
            }
            _ => {}
        }
    }

    pub(super) fn update_confirm(&mut self, action: &Action, now: NaiveDateTime) {
        let Mode::Confirm(change) = &self.mode else {
            return;
        };
        let change = change.clone();
        match action {
            Action::Confirm(true) => {
                self.mode = Mode::Normal;
                let Some(item) = self
                    .state
                    .plan
                    .categories
                    .get(change.category)
                    .and_then(|c| c.items.get(change.item))
                else {
                    return;
                };
                let ids: Vec<ReqId> = item.requirements.iter().map(|r| r.id).collect();
                let name = crate::text::one_line(&item.name).into_owned();
                let status = self.lang.status(change.to);
                let count = item
                    .requirements
                    .iter()
                    .filter(|r| r.status != change.to)
                    .count();
                let summary = match self.lang {
                    Lang::Zh => format!("「{name}」{count} 项要求 -> {status}"),
                    Lang::En => format!("{name}: {count} requirement(s) -> {status}"),
                };
                self.change(&ids, &summary, |r| r.set_status(change.to, now));
            }
            Action::Confirm(false) => {
                self.mode = Mode::Normal;
                self.set_message(self.lang.pick("已取消", "cancelled"), false);
            }
            _ => {}
        }
    }

    pub(super) fn update_confirm_delete(&mut self, action: &Action, now: NaiveDateTime) {
        let Mode::ConfirmDelete(index) = self.mode else {
            return;
        };
        match action {
            Action::Confirm(true) => {
                self.mode = Mode::Normal;
                let Some(id) = self.selected_requirement().map(|r| r.id) else {
                    return;
                };
                let summary = match self.lang {
                    Lang::Zh => format!("{} 已删除备注", self.shown_id(id)),
                    Lang::En => format!("{}: note deleted", self.shown_id(id)),
                };
                self.change(&[id], &summary, |r| r.delete_note(index, now));
                self.note_cursor = None;
            }
            Action::Confirm(false) => {
                self.mode = Mode::Normal;
                self.set_message(self.lang.pick("已取消", "cancelled"), false);
            }
            _ => {}
        }
    }
}
