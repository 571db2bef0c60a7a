//! Edits to the plan and saving them. Every edit is saved at once; a failed save keeps the
//! edit in memory, says so in the status line, and is retried with the next edit (and on quit).

use chrono::NaiveDateTime;

use super::input::LineEditor;
use super::tree::TreePath;
use super::{Action, App, Mode};
use crate::i18n::Lang;
use crate::plan::{ReqId, Status};
use crate::store::{State, Store, StoreError};

/// Where edits go. The real one is [`Store`]; tests inject one that fails.
pub trait Persist {
    fn save(&mut self, state: &State) -> Result<(), StoreError>;
    /// Shown in the status line (the state file path).
    fn location(&self) -> String;
}

impl Persist for Store {
    fn save(&mut self, state: &State) -> Result<(), StoreError> {
        Store::save(self, state)
    }

    fn location(&self) -> String {
        self.path().display().to_string()
    }
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
    pub(super) fn toggle_done(&mut self, now: NaiveDateTime) {
        let p = self.cursor;
        if let Some(r) = self.selected_requirement() {
            let to = if r.status == Status::Done {
                Status::Todo
            } else {
                Status::Done
            };
            self.set_status(p, to, now);
        } else if let Some(item) = self.selected_item() {
            if item.requirements.is_empty() {
                return;
            }
            let all_done = item.requirements.iter().all(|r| r.status == Status::Done);
            let to = if all_done { Status::Todo } else { Status::Done };
            let count = item.requirements.iter().filter(|r| r.status != to).count();
            self.mode = Mode::Confirm(BulkChange {
                category: p.category,
                item: p.item,
                to,
                count,
            });
        }
    }

    pub(super) fn cycle_status(&mut self, now: NaiveDateTime) {
        if let Some(r) = self.selected_requirement() {
            let to = r.status.next();
            self.set_status(self.cursor, to, now);
        } else if self.selected_item().is_some() {
            let text = self.lang.pick(
                "状态针对单项要求：请选中一项要求（在事项上按空格可批量完成）",
                "status applies to one requirement: select one (Space on an item changes all)",
            );
            self.set_message(text, false);
        }
    }

    fn set_status(&mut self, p: TreePath, to: Status, now: NaiveDateTime) {
        let lang = self.lang;
        let Some(r) = p
            .requirement
            .and_then(|r| self.item_mut(p)?.requirements.get_mut(r))
        else {
            return;
        };
        let from = r.status;
        if !r.set_status(to, now) {
            return;
        }
        let summary = format!("{} {} -> {}", r.id, lang.status(from), lang.status(to));
        self.recount(p.category);
        self.save(&summary);
    }

    fn item_mut(&mut self, p: TreePath) -> Option<&mut crate::plan::Item> {
        self.state
            .plan
            .categories
            .get_mut(p.category)?
            .items
            .get_mut(p.item)
    }

    pub(super) fn update_confirm(&mut self, action: &Action, now: NaiveDateTime) {
        let Mode::Confirm(change) = &self.mode else {
            return;
        };
        let change = change.clone();
        match action {
            Action::Confirm(true) => {
                self.mode = Mode::Normal;
                let p = TreePath {
                    category: change.category,
                    item: change.item,
                    requirement: None,
                };
                let Some(item) = self.item_mut(p) else { return };
                let mut changed = 0;
                for r in &mut item.requirements {
                    changed += usize::from(r.set_status(change.to, now));
                }
                let name = crate::ui::wrap::one_line(&item.name).into_owned();
                self.recount(change.category);
                let summary = match self.lang {
                    Lang::Zh => format!(
                        "「{name}」{changed} 项要求 -> {}",
                        self.lang.status(change.to)
                    ),
                    Lang::En => format!(
                        "{name}: {changed} requirement(s) -> {}",
                        self.lang.status(change.to)
                    ),
                };
                self.save(&summary);
            }
            Action::Confirm(false) => {
                self.mode = Mode::Normal;
                self.set_message(self.lang.pick("已取消", "cancelled"), false);
            }
            _ => {}
        }
    }

    pub(super) fn start_note(&mut self) {
        if self.selected_requirement().is_some() {
            self.mode = Mode::Note(LineEditor::default());
        } else if self.selected_item().is_some() {
            let text = self.lang.pick(
                "备注针对单项要求：请先选中一项要求",
                "notes belong to a requirement: select one first",
            );
            self.set_message(text, false);
        }
    }

    pub(super) fn update_note(&mut self, action: Action, now: NaiveDateTime) {
        let Mode::Note(editor) = &mut self.mode else {
            return;
        };
        match action {
            Action::Edit(e) => editor.apply(e),
            Action::CancelNote => {
                self.mode = Mode::Normal;
                self.set_message(self.lang.pick("已取消备注", "note cancelled"), false);
            }
            Action::SubmitNote => {
                let text = editor.text().trim().to_string();
                self.mode = Mode::Normal;
                if text.is_empty() {
                    return self.set_message(
                        self.lang
                            .pick("备注为空，未添加", "empty note, nothing added"),
                        false,
                    );
                }
                let p = self.cursor;
                let Some(r) = p
                    .requirement
                    .and_then(|r| self.item_mut(p)?.requirements.get_mut(r))
                else {
                    return;
                };
                r.add_note(&text, now);
                let id: ReqId = r.id;
                let summary = match self.lang {
                    Lang::Zh => format!("{id} 已添加备注"),
                    Lang::En => format!("{id}: note added"),
                };
                self.save(&summary);
            }
            _ => {}
        }
    }

    /// Save the whole state now; report the outcome after `summary` in the status line.
    fn save(&mut self, summary: &str) {
        self.unsaved = true;
        match self.store.save(&self.state) {
            Ok(()) => {
                self.unsaved = false;
                let saved = self.lang.pick("已保存", "saved");
                self.set_message(format!("{summary} ({saved})"), false);
            }
            Err(e) => {
                let text = match self.lang {
                    Lang::Zh => {
                        format!("{summary}，但保存失败：{e}。修改保留在内存中，下次修改时重试")
                    }
                    Lang::En => format!(
                        "{summary}, but saving failed: {e}. Kept in memory; retried on the next edit"
                    ),
                };
                self.set_message(text, true);
            }
        }
    }

    /// Quit, unless an edit is still unsaved and saving it fails now: then say so, and quit
    /// only when asked a second time.
    pub(super) fn request_quit(&mut self) {
        if self.unsaved && !self.quit_armed {
            if let Err(e) = self.store.save(&self.state) {
                self.quit_armed = true;
                let keys: Vec<String> = self
                    .keymap
                    .keys(super::KeyMode::Normal, &Action::Quit)
                    .iter()
                    .map(ToString::to_string)
                    .collect();
                let key = keys.first().cloned().unwrap_or_default();
                let text = match self.lang {
                    Lang::Zh => format!("保存失败：{e}。再按 {key} 将放弃未保存的修改并退出"),
                    Lang::En => format!(
                        "saving failed: {e}. Press {key} again to quit and lose unsaved edits"
                    ),
                };
                return self.set_message(text, true);
            }
            self.unsaved = false;
        }
        self.quit = true;
    }

    /// A termination signal: save what is unsaved (best effort) and quit.
    pub(super) fn shutdown(&mut self) {
        if self.unsaved && self.store.save(&self.state).is_ok() {
            self.unsaved = false;
        }
        self.quit = true;
    }
}
