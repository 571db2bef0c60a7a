//! Edits to the plan and saving them. Every edit is saved at once; a failed save keeps the
//! edit in memory, says so in the status line, and is retried with the next edit (and on quit).

use std::path::PathBuf;

use chrono::NaiveDateTime;

use super::input::LineEditor;
use super::{Action, App, BulkChange, Mode, Prompt};
use crate::i18n::Lang;
use crate::plan::{ReqId, Requirement, Status};
use crate::store::{Followed, ReadOnly, SaveReport, State, Store, StoreError};

/// Where edits go. The real one is [`Store`]; tests inject one that fails.
pub trait Persist {
    fn save(&mut self, state: &State) -> Result<(), StoreError>;
    /// Shown in the status line (the state file path).
    fn location(&self) -> String;
    /// Save edits; may replace `state` with the file's newer content plus the edits when
    /// another program changed the file meanwhile (see [`Store::save_changes`]).
    fn save_changes(&mut self, state: &mut State) -> Result<SaveReport, StoreError> {
        self.save(state).map(|()| SaveReport::default())
    }
    /// Save an edit of the requirements `before` lists (their versions before it): may be
    /// a small journal append instead of a whole rewrite (see [`Store::save_edit`]).
    fn save_edit(
        &mut self,
        state: &mut State,
        before: &[Requirement],
    ) -> Result<SaveReport, StoreError> {
        let _ = before;
        self.save_changes(state)
    }
    /// While journaled edits wait to be folded into the state file: its size.
    fn journaled(&self) -> Option<u64> {
        None
    }
    /// Fold journaled edits into the state file.
    fn compact(&mut self, state: &mut State) -> Result<SaveReport, StoreError> {
        let _ = state;
        Ok(SaveReport::default())
    }
    /// Edits a save could not make because someone else had changed the requirement first
    /// (the team store): kept for [`Persist::reapply`] or [`Persist::drop_kept`].
    fn kept(&self) -> Vec<super::team::Kept> {
        Vec::new()
    }
    /// Make the kept edits again on the requirements as they are now, and save them.
    fn reapply(&mut self, state: &mut State) -> Result<SaveReport, StoreError> {
        let _ = state;
        Ok(SaveReport::default())
    }
    /// Start hearing of others' changes (the team store's LISTEN).
    fn listen(&mut self) -> Result<(), StoreError> {
        Ok(())
    }
    /// Bring what others committed meanwhile into `state`; what changed.
    fn remote(&mut self, state: &mut State) -> Result<Vec<super::team::Remote>, StoreError> {
        let _ = state;
        Ok(Vec::new())
    }
    /// Forget the kept edits; how many there were.
    fn drop_kept(&mut self) -> usize {
        0
    }
    /// The team store's connection, once the dashboard listens: `None` for a file.
    fn link(&self) -> Option<super::team::Link> {
        None
    }
    /// A unit liaison's login (the team store): their units; the dashboard offers only what
    /// a liaison may do.
    fn liaison(&self) -> Option<Vec<String>> {
        None
    }
    /// Set when another duban is the writer and edits must be refused.
    fn read_only(&self) -> Option<ReadOnly> {
        None
    }
    /// Read-only: bring `state` up to what the writer saved (see [`Store::follow`]).
    fn follow(&mut self, state: &mut State) -> Result<Followed, StoreError> {
        let _ = state;
        Ok(Followed::Unchanged)
    }
    /// Read-only: become the writer once the other one has quit (see [`Store::take_over`]).
    fn take_over(&mut self) -> Result<bool, StoreError> {
        Ok(false)
    }
    /// Saving failed and the user quits anyway: put the whole state in a new file and say
    /// where (see [`Store::rescue`]). Without a state file, the temp directory.
    fn rescue(&mut self, state: &State, now: NaiveDateTime) -> Result<PathBuf, String> {
        let stem =
            std::env::temp_dir().join(format!("duban-rescue-{}", now.format("%Y%m%d-%H%M%S")));
        crate::store::write_rescue(state, &stem, crate::store::NEW_FILE_MODE)
    }
}

/// Keeps edits in memory only: for benches, tests and trying things out, where the file is
/// beside the point.
#[derive(Debug, Clone, Copy, Default)]
pub struct Discard;

impl Persist for Discard {
    fn save(&mut self, _state: &State) -> Result<(), StoreError> {
        Ok(())
    }

    fn location(&self) -> String {
        "(not saved)".into()
    }
}

impl Persist for Store {
    fn save(&mut self, state: &State) -> Result<(), StoreError> {
        Store::save(self, state)
    }

    fn location(&self) -> String {
        self.path().display().to_string()
    }

    fn save_changes(&mut self, state: &mut State) -> Result<SaveReport, StoreError> {
        Store::save_changes(self, state)
    }

    fn save_edit(
        &mut self,
        state: &mut State,
        before: &[Requirement],
    ) -> Result<SaveReport, StoreError> {
        Store::save_edit(self, state, before)
    }

    fn journaled(&self) -> Option<u64> {
        Store::journaled(self)
    }

    fn compact(&mut self, state: &mut State) -> Result<SaveReport, StoreError> {
        Store::compact(self, state)
    }

    fn read_only(&self) -> Option<ReadOnly> {
        Store::read_only(self)
    }

    fn follow(&mut self, state: &mut State) -> Result<Followed, StoreError> {
        Store::follow(self, state)
    }

    fn take_over(&mut self) -> Result<bool, StoreError> {
        Store::take_over(self)
    }

    fn rescue(&mut self, state: &State, now: NaiveDateTime) -> Result<PathBuf, String> {
        Store::rescue(self, state, now)
    }
}

impl App {
    pub(super) fn toggle_done(&mut self, now: NaiveDateTime) {
        if let Some(r) = self.selected_requirement() {
            if r.status == Status::Done {
                self.set_status(r.id, Status::Todo, now);
            } else {
                self.start_complete();
            }
        } else if let Some(item) = self.item_row() {
            if item.requirements.is_empty() {
                return;
            }
            let all_done = item.requirements.iter().all(|r| r.status == Status::Done);
            let to = if all_done { Status::Todo } else { Status::Done };
            let require = self.requires_evidence();
            let lacking = item
                .requirements
                .iter()
                .filter(|r| r.status != Status::Done)
                .find_map(|r| r.completion_allowed(require).err());
            if to == Status::Done
                && let Some(e) = lacking
            {
                return self.set_message(e.message(self.lang), true);
            }
            let count = item.requirements.iter().filter(|r| r.status != to).count();
            let p = self.tree.path();
            self.mode = Mode::Confirm(BulkChange {
                category: p.category,
                item: p.item,
                to,
                count,
            });
        }
    }

    /// The item row selected in the tree view (edits on it concern all its requirements).
    fn item_row(&self) -> Option<&crate::plan::Item> {
        (self.screen == super::Screen::Tree)
            .then(|| self.tree_item())
            .flatten()
    }

    pub(super) fn cycle_status(&mut self, now: NaiveDateTime) {
        if let Some(r) = self.selected_requirement() {
            let to = r.status.next();
            if Self::asks_completion(r.status, to) {
                return self.start_complete();
            }
            self.set_status(r.id, to, now);
        } else if self.item_row().is_some() {
            let text = self.lang.pick(
                "状态针对单项要求：请选中一项要求（在事项上按空格可批量完成）",
                "status applies to one requirement: select one (Space on an item changes all)",
            );
            self.set_message(text, false);
        }
    }

    pub(super) fn set_status(&mut self, id: ReqId, to: Status, now: NaiveDateTime) {
        let Some(from) = self.plan().get(id).map(|r| r.status) else {
            return;
        };
        let summary = format!(
            "{} {} -> {}",
            self.shown_id(id),
            self.lang.status(from),
            self.lang.status(to)
        );
        self.change(&[id], &summary, |r| r.set_status(to, now));
    }

    pub(super) fn start_note(&mut self) {
        if self.selected_requirement().is_some() {
            self.mode = Mode::Input(Prompt::Note, LineEditor::default());
        } else if self.item_row().is_some() {
            let text = self.lang.pick(
                "备注针对单项要求：请先选中一项要求",
                "notes belong to a requirement: select one first",
            );
            self.set_message(text, false);
        }
    }

    pub(super) fn update_input(&mut self, action: Action, now: NaiveDateTime) {
        let Mode::Input(prompt, editor) = &mut self.mode else {
            return;
        };
        let prompt = *prompt;
        match action {
            Action::Edit(e) => editor.apply(e),
            Action::NextField => self.next_field(),
            Action::CancelNote => {
                self.mode = Mode::Normal;
                let text = match prompt {
                    Prompt::Note => self.lang.pick("已取消备注", "note cancelled"),
                    Prompt::Complete => self
                        .lang
                        .pick("已取消，状态未改", "cancelled, status unchanged"),
                    Prompt::Due => self
                        .lang
                        .pick("已取消，时限未改", "cancelled, due date unchanged"),
                    Prompt::Start => self
                        .lang
                        .pick("已取消，交办日未改", "cancelled, start date unchanged"),
                    Prompt::EditNote(_) | Prompt::Report => self.lang.pick("已取消", "cancelled"),
                    Prompt::AddText | Prompt::AddUnits | Prompt::AddDeadline => {
                        self.adding = None;
                        self.lang.pick("已取消，未添加", "cancelled, nothing added")
                    }
                    Prompt::Correct(_) => self.lang.pick("已取消，未更正", "cancelled, unchanged"),
                };
                self.set_message(text, false);
            }
            Action::SubmitNote => {
                let text = editor.text().trim().to_string();
                self.mode = Mode::Normal;
                self.submit_input(prompt, &text, now);
            }
            _ => {}
        }
    }

    /// Save the edit of the requirements `before` lists (as they were before it) now;
    /// report the outcome after `summary` in the status line.
    pub(super) fn save(&mut self, summary: &str, before: &[Requirement]) {
        self.save_by(summary, |store, state| store.save_edit(state, before));
    }

    /// Save the whole state now (the plan's shape changed: ids a journal would name moved).
    pub(super) fn save_whole(&mut self, summary: &str) {
        self.save_by(summary, |store, state| store.save_changes(state));
    }

    pub(super) fn save_by(
        &mut self,
        summary: &str,
        save: impl FnOnce(&mut dyn Persist, &mut State) -> Result<SaveReport, StoreError>,
    ) {
        self.unsaved = true;
        let kept = self.store.kept().len();
        match save(self.store.as_mut(), &mut self.state) {
            Ok(report) => {
                self.unsaved = false;
                let saved = if self.store.link().is_some_and(|l| !l.connected) {
                    self.lang
                        .pick("已暂存本地，待同步", "kept locally, to sync")
                } else {
                    self.lang.pick("已保存", "saved")
                };
                self.after_save(&format!("{summary} ({saved})"), &report);
            }
            Err(_) if self.clashed(summary, kept) => {}
            Err(e) => {
                let e = e.localized(self.lang);
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

    /// A save went through: adopt the file's newer content if it was reloaded, and show
    /// `text` with anything unusual appended.
    fn after_save(&mut self, text: &str, report: &SaveReport) {
        if report.reloaded {
            // The state is now the file's newer content.
            self.rebuilt();
        }
        let conflict = !report.conflicts.is_empty();
        let text = match report.message(self.lang) {
            Some(notice) => format!("{text}; {notice}"),
            None => text.to_string(),
        };
        self.set_message(text, conflict);
    }

    /// Nothing was pressed for a while: fold journaled edits into the state file, so it is
    /// current for anything else that reads it — unless the file is so large that the rewrite
    /// could hold up the next key (then that waits for quitting). Returns whether the screen
    /// changed.
    pub(super) fn idle(&mut self) -> bool {
        const IDLE_REWRITE_MAX: u64 = 16 << 20;
        if self.unsaved
            || self
                .store
                .journaled()
                .is_none_or(|len| len > IDLE_REWRITE_MAX)
        {
            return false;
        }
        match self.store.compact(&mut self.state) {
            Ok(report) if report == SaveReport::default() => false,
            Ok(report) => {
                let text = self.lang.pick("已整理保存文件", "state file updated");
                self.after_save(text, &report);
                true
            }
            Err(e) => {
                // The journal still holds every edit; say so once, retry after the next edit.
                self.unsaved = true;
                let e = e.localized(self.lang);
                let text = match self.lang {
                    Lang::Zh => format!("写入状态文件失败：{e}。修改已记录在日志中，不会丢失"),
                    Lang::En => format!(
                        "updating the state file failed: {e}. Your edits are safe in the journal"
                    ),
                };
                self.set_message(text, true);
                true
            }
        }
    }
}
