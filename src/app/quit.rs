//! Quitting: a quit with an unsaved edit first retries the save, and when that fails asks
//! again (quit arming) before writing the edits to a rescue file; a termination signal saves
//! or rescues without asking.

use std::path::PathBuf;

use chrono::NaiveDateTime;

use super::{Action, App, KeyMode};
use crate::i18n::Lang;

/// Where quitting stands.
#[derive(Debug, Default)]
pub(super) struct Quitting {
    /// `q` was pressed once while unsaved; the next one quits anyway.
    pub(super) armed: bool,
    /// Quit with edits that could not be saved: the rescue file they went to, or the error.
    pub(super) rescued: Option<Result<PathBuf, String>>,
    /// The dashboard is done.
    pub(super) done: bool,
}

impl App {
    pub fn should_quit(&self) -> bool {
        self.quitting.done
    }

    /// Quit, unless an edit is still unsaved and saving it fails now: then say so, and quit
    /// only when asked a second time — writing the unsaved state to a rescue file first.
    pub(super) fn request_quit(&mut self, now: NaiveDateTime) {
        if self.holds_kept() || self.holds_outbox() {
            return;
        }
        if self.unsaved {
            if !self.quitting.armed {
                if let Err(e) = self.store.save_changes(&mut self.state) {
                    let e = e.localized(self.lang);
                    self.quitting.armed = true;
                    let keys: Vec<String> = self
                        .keymap
                        .keys(KeyMode::Normal, &Action::Quit)
                        .iter()
                        .map(ToString::to_string)
                        .collect();
                    let key = keys.first().cloned().unwrap_or_default();
                    // What to do first: the error may be cut off at the screen's edge.
                    let text = match self.lang {
                        Lang::Zh => {
                            format!("再按 {key} 退出，未保存的修改将写入救援文件。保存失败：{e}")
                        }
                        Lang::En => format!(
                            "press {key} again to quit, writing the unsaved edits to a rescue \
                             file. Saving failed: {e}"
                        ),
                    };
                    return self.set_message(text, true);
                }
                self.unsaved = false;
            } else if self.store.save_changes(&mut self.state).is_ok() {
                // Saving works again (space freed, permissions fixed): nothing to rescue.
                self.unsaved = false;
            } else {
                self.quitting.rescued = Some(self.store.rescue(&self.state, now));
            }
        }
        // Best effort: a journal left behind is replayed by the next start.
        let _ = self.store.compact(&mut self.state);
        self.quitting.done = true;
    }

    /// A termination signal: save what is unsaved (best effort, else a rescue file) and quit.
    pub(super) fn shutdown(&mut self, now: NaiveDateTime) {
        if self.unsaved {
            if self.store.save_changes(&mut self.state).is_ok() {
                self.unsaved = false;
            } else {
                self.quitting.rescued = Some(self.store.rescue(&self.state, now));
            }
        }
        self.quitting.done = true;
    }

    /// After quitting with edits that could not be saved: where they were written instead,
    /// or why that failed too. `None` when everything was saved.
    pub fn rescued(&self) -> Option<&Result<PathBuf, String>> {
        self.quitting.rescued.as_ref()
    }
}
