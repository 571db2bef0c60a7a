//! Setting a requirement's due date by hand from the dashboard (the `T` key by default): a
//! prompt for the date, validated on Enter; empty goes back to what the deadline text says.
//! The change goes through [`App::change`], so it is saved, recorded in the history and
//! undoable like any edit.

use chrono::NaiveDateTime;

use super::input::LineEditor;
use super::{App, Edit, Mode, Prompt};
use crate::i18n::Lang;
use crate::plan::ReqId;
use crate::plan::period::parse_day;

impl App {
    /// Ask for the date, starting from the one set by hand, if any.
    pub(super) fn start_set_due(&mut self) {
        let Some(r) = self.selected_requirement() else {
            let text = self
                .lang
                .pick("请先选中一项要求", "select a requirement first");
            return self.set_message(text, false);
        };
        let mut editor = LineEditor::default();
        if let Some(d) = r.due_set {
            editor.apply(Edit::Paste(d.to_string()));
        }
        self.mode = Mode::Input(Prompt::Due, editor);
    }

    pub(super) fn submit_due(&mut self, id: ReqId, text: &str, now: NaiveDateTime) {
        let date = if text.is_empty() {
            None
        } else if let Some(d) = parse_day(text) {
            Some(d)
        } else {
            let msg = match self.lang {
                Lang::Zh => {
                    format!("“{text}”不是有效日期，请用 YYYY-MM-DD 或 2021年9月30日；时限未改")
                }
                Lang::En => format!(
                    "\"{text}\" is not a valid date: use YYYY-MM-DD or 2021年9月30日; unchanged"
                ),
            };
            return self.set_message(msg, true);
        };
        let summary = match (date, self.lang) {
            (Some(d), Lang::Zh) => format!("{id} 时限人工设定为 {d}"),
            (Some(d), Lang::En) => format!("{id} due {d} (set by hand)"),
            (None, Lang::Zh) => format!("{id} 已取消人工设定的时限"),
            (None, Lang::En) => format!("{id}: hand-set due date cleared"),
        };
        if self.change(&[id], &summary, |r| r.set_due(date, now)) == 0 {
            let msg = self.lang.pick("时限未改变", "due date unchanged");
            self.set_message(msg, false);
        }
    }
}
