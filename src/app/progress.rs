//! Recording progress beyond a status: editing and deleting notes (selected in the detail
//! pane), the 办结说明 asked for when marking done, and marking this period's report (报送)
//! submitted. Each goes through [`App::change`], so it can be undone.

use chrono::NaiveDateTime;

use super::input::LineEditor;
use super::{App, Mode, Pane, Prompt};
use crate::i18n::Lang;
use crate::plan::reporting::{self, ReportError};
use crate::plan::{ReqId, Status};

impl App {
    /// The selected note, counted newest first as the detail pane lists them.
    pub fn note_cursor(&self) -> Option<usize> {
        let n = self.selected_requirement()?.notes.len();
        self.note_cursor.filter(|&c| c < n)
    }

    /// Index in `notes` of the selected note.
    fn selected_note(&self) -> Option<usize> {
        let c = self.note_cursor()?;
        let n = self.selected_requirement()?.notes.len();
        n.checked_sub(c + 1)
    }

    /// Up/Down in the detail pane select notes (when there are any); returns whether it did.
    pub(super) fn step_note(&mut self, delta: isize) -> bool {
        let n = self.selected_requirement().map_or(0, |r| r.notes.len());
        if n == 0 || self.focus != Pane::Detail {
            return false;
        }
        let next = match self.note_cursor() {
            None if delta > 0 => 0,
            None => return false,
            Some(c) => match c.checked_add_signed(delta) {
                Some(c) if c < n => c,
                Some(_) => n - 1,
                None => {
                    self.note_cursor = None;
                    return true;
                }
            },
        };
        self.note_cursor = Some(next);
        true
    }

    pub(super) fn start_edit_note(&mut self) {
        let Some(index) = self.selected_note() else {
            return self.ask_for_note_selection();
        };
        let text = self
            .selected_requirement()
            .and_then(|r| r.notes.get(index))
            .map(|n| n.text.clone())
            .unwrap_or_default();
        let mut editor = LineEditor::default();
        editor.apply(super::Edit::Paste(text));
        self.mode = Mode::Input(Prompt::EditNote(index), editor);
    }

    pub(super) fn ask_delete_note(&mut self) {
        match self.selected_note() {
            Some(index) => self.mode = Mode::ConfirmDelete(index),
            None => self.ask_for_note_selection(),
        }
    }

    fn ask_for_note_selection(&mut self) {
        let text = self.lang.pick(
            "请先在详情窗格（Tab 切换）用上下键选中一条备注",
            "select a note first: Tab to the detail pane, then up/down",
        );
        self.set_message(text, false);
    }

    /// Marking a requirement done asks for the optional 办结说明 first.
    pub(super) fn start_complete(&mut self) {
        if self.completion_refused() {
            return;
        }
        self.mode = Mode::Input(Prompt::Complete, LineEditor::default());
    }

    /// `r`: record this period's report, after an optional note.
    pub(super) fn start_report(&mut self) {
        let Some(r) = self.selected_requirement() else {
            return;
        };
        let text = match reporting::report_duty(r, self.today) {
            None => Some(match self.lang {
                Lang::Zh => format!("{} 没有报送要求", self.shown_id(r.id)),
                Lang::En => format!("{} has no reporting duty", self.shown_id(r.id)),
            }),
            Some(d) if !d.is_outstanding() => Some(match self.lang {
                Lang::Zh => format!(
                    "{} 本期（{}）已报送",
                    self.shown_id(r.id),
                    crate::i18n::plan::period_label(&d.period, self.lang)
                ),
                Lang::En => format!("{}: already reported for {}", self.shown_id(r.id), d.period),
            }),
            Some(_) => None,
        };
        match text {
            Some(t) => self.set_message(t, false),
            None => self.mode = Mode::Input(Prompt::Report, LineEditor::default()),
        }
    }

    /// Enter in an input: act on the text (which may be empty where that is allowed).
    pub(super) fn submit_input(&mut self, prompt: Prompt, text: &str, now: NaiveDateTime) {
        if self.submit_hand(prompt, text, now) {
            return;
        }
        let Some(id) = self.selected_requirement().map(|r| r.id) else {
            return;
        };
        let note = Some(text).filter(|t| !t.is_empty());
        match prompt {
            Prompt::Note => self.add_note(id, text, now),
            Prompt::EditNote(index) => {
                let summary = match self.lang {
                    Lang::Zh => format!("{} 已修改备注", self.shown_id(id)),
                    Lang::En => format!("{}: note edited", self.shown_id(id)),
                };
                if self.change(&[id], &summary, |r| r.edit_note(index, text, now)) == 0 {
                    self.set_message(self.lang.pick("备注未改动", "note unchanged"), false);
                }
            }
            Prompt::Complete => {
                let summary = match (self.lang, note) {
                    (Lang::Zh, None) => format!("{} -> 已完成", self.shown_id(id)),
                    (Lang::Zh, Some(_)) => format!("{} -> 已完成（附办结说明）", self.shown_id(id)),
                    (Lang::En, None) => format!("{} -> done", self.shown_id(id)),
                    (Lang::En, Some(_)) => {
                        format!("{} -> done (with completion note)", self.shown_id(id))
                    }
                };
                self.change(&[id], &summary, |r| r.complete(note, now));
            }
            Prompt::Report => self.submit_report(id, note, now),
            Prompt::Due => self.submit_due(id, text, now),
            Prompt::Start => self.submit_start(id, text, now),
            Prompt::AddText | Prompt::AddUnits | Prompt::AddDeadline | Prompt::Correct(_) => {}
        }
    }

    fn add_note(&mut self, id: ReqId, text: &str, now: NaiveDateTime) {
        if text.is_empty() {
            let msg = self
                .lang
                .pick("备注为空，未添加", "empty note, nothing added");
            return self.set_message(msg, false);
        }
        let summary = match self.lang {
            Lang::Zh => format!("{} 已添加备注", self.shown_id(id)),
            Lang::En => format!("{}: note added", self.shown_id(id)),
        };
        self.change(&[id], &summary, |r| {
            r.add_note(text, now);
            true
        });
    }

    fn submit_report(&mut self, id: ReqId, note: Option<&str>, now: NaiveDateTime) {
        let today = self.today;
        let mut result: Option<Result<String, ReportError>> = None;
        let summary = match self.lang {
            Lang::Zh => format!("{} 已报送", self.shown_id(id)),
            Lang::En => format!("{}: report submitted", self.shown_id(id)),
        };
        self.change(&[id], &summary, |r| {
            let outcome = reporting::submit_report(r, today, note, now);
            let ok = outcome.is_ok();
            result = Some(outcome);
            ok
        });
        if let Some(Err(e)) = result {
            self.set_message(e.to_string(), true);
        }
    }

    /// `x`: today's report into the state file's directory (or the current one).
    pub(super) fn export(&mut self) {
        let location = std::path::PathBuf::from(self.store.location());
        let dir = location
            .parent()
            .filter(|d| !d.as_os_str().is_empty() && d.is_dir())
            .map_or_else(
                || std::path::PathBuf::from("."),
                std::path::Path::to_path_buf,
            );
        match crate::report::export::write_default(&self.state, self.today, self.lang, &dir) {
            Ok(path) => {
                let text = match self.lang {
                    Lang::Zh => format!("已导出：{}（及同名 .xlsx）", path.display()),
                    Lang::En => format!("exported {} (and .xlsx)", path.display()),
                };
                self.set_message(text, false);
            }
            Err(e) => {
                let text = match self.lang {
                    Lang::Zh => format!("导出失败：{e}"),
                    Lang::En => format!("export failed: {e}"),
                };
                self.set_message(text, true);
            }
        }
    }

    /// At start: show the last merge's summary once, and clear it from the state file.
    pub(super) fn show_merge_notice(&mut self) {
        let Some(notice) = self.state.merge_notice.clone() else {
            return;
        };
        if self.store.read_only().is_some() {
            // The writing dashboard clears it; this one only shows it.
            return self.set_message(notice, false);
        }
        self.state.merge_notice = None;
        match self.store.save(&self.state) {
            Ok(()) => self.set_message(notice, false),
            Err(e) => {
                self.unsaved = true;
                let e = e.localized(self.lang);
                let text = match self.lang {
                    Lang::Zh => format!("{notice}（清除合并提示时保存失败：{e}）"),
                    Lang::En => format!("{notice} (saving failed: {e})"),
                };
                self.set_message(text, true);
            }
        }
    }

    /// Whether marking `status` → `to` should ask for the 办结说明.
    pub(super) fn asks_completion(from: Status, to: Status) -> bool {
        to == Status::Done && from != Status::Done
    }
}
