//! A dashboard opened while another duban holds the state file's lock: it shows the plan
//! with a banner naming the writer, and refuses edits before they touch anything.

use super::{Action, App};
use crate::i18n::Lang;

impl App {
    /// Whether `action` is an edit refused because this dashboard is read-only (then the
    /// status line says so).
    pub(super) fn refuse_read_only(&mut self, action: &Action) -> bool {
        // Anything else that edits still cannot save: the store refuses (see `Store::save`).
        let edit = matches!(
            action,
            Action::ToggleDone
                | Action::CycleStatus
                | Action::AddNote
                | Action::EditNote
                | Action::DeleteNote
                | Action::SubmitReport
                | Action::Undo
                | Action::Redo
        );
        let Some(banner) = self.read_only_banner().filter(|_| edit) else {
            return false;
        };
        let text = match self.lang {
            Lang::Zh => format!("{banner}，不能修改"),
            Lang::En => format!("{banner}; edits are disabled"),
        };
        self.set_message(text, true);
        true
    }

    /// The banner for a read-only dashboard, `None` when this one is the writer.
    pub fn read_only_banner(&self) -> Option<String> {
        let holder = self.store.read_only()?.holder;
        let pid = holder.map_or_else(|| "?".to_string(), |p| p.to_string());
        Some(match self.lang {
            Lang::Zh => format!("只读：另一个 duban（pid {pid}）正在编辑"),
            Lang::En => format!("read-only: another duban (pid {pid}) is editing"),
        })
    }
}
