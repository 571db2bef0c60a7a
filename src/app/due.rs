//! Dates set from the dashboard: the due date by hand (the `T` key by default; empty goes
//! back to what the deadline text says) and the start date, 交办日 (`S`; empty clears it).
//! One prompt for both, validated on Enter. The change goes through [`App::change`], so it
//! is saved, recorded in the history and undoable like any edit.

use chrono::{NaiveDate, NaiveDateTime};

use super::input::LineEditor;
use super::{App, Edit, Mode, Prompt};
use crate::i18n::Lang;
use crate::plan::calendar::Calendar;
use crate::plan::period::parse_day;
use crate::plan::{ReqId, Requirement};

impl App {
    /// Ask for the due date, starting from the one set by hand, if any.
    pub(super) fn start_set_due(&mut self) {
        self.ask_date(Prompt::Due, |r| r.due_set);
    }

    /// Ask for the start date, starting from the one set, if any.
    pub(super) fn start_set_start(&mut self) {
        self.ask_date(Prompt::Start, |r| r.start);
    }

    fn ask_date(&mut self, prompt: Prompt, current: impl Fn(&Requirement) -> Option<NaiveDate>) {
        let Some(r) = self.selected_requirement() else {
            let text = self
                .lang
                .pick("请先选中一项要求", "select a requirement first");
            return self.set_message(text, false);
        };
        let mut editor = LineEditor::default();
        if let Some(d) = current(r) {
            editor.apply(Edit::Paste(d.to_string()));
        }
        self.mode = Mode::Input(prompt, editor);
    }

    /// The date typed, `Ok(None)` for empty; `Err` (after a message) when it is no date.
    fn typed_date(&mut self, text: &str, unchanged: &str) -> Result<Option<NaiveDate>, ()> {
        if text.is_empty() {
            return Ok(None);
        }
        if let Some(d) = parse_day(text) {
            return Ok(Some(d));
        }
        let msg = match self.lang {
            Lang::Zh => {
                format!("“{text}”不是有效日期，请用 YYYY-MM-DD 或 2021年9月30日；{unchanged}")
            }
            Lang::En => {
                format!(
                    "\"{text}\" is not a valid date: use YYYY-MM-DD or 2021年9月30日; unchanged"
                )
            }
        };
        self.set_message(msg, true);
        Err(())
    }

    pub(super) fn submit_due(&mut self, id: ReqId, text: &str, now: NaiveDateTime) {
        let Ok(date) = self.typed_date(text, "时限未改") else {
            return;
        };
        let summary = match (date, self.lang) {
            (Some(d), Lang::Zh) => format!("{} 时限人工设定为 {d}", self.shown_id(id)),
            (Some(d), Lang::En) => format!("{} due {d} (set by hand)", self.shown_id(id)),
            (None, Lang::Zh) => format!("{} 已取消人工设定的时限", self.shown_id(id)),
            (None, Lang::En) => format!("{}: hand-set due date cleared", self.shown_id(id)),
        };
        if self.change(&[id], &summary, |r| r.set_due(date, now)) == 0 {
            let msg = self.lang.pick("时限未改变", "due date unchanged");
            self.set_message(msg, false);
        }
    }

    pub(super) fn submit_start(&mut self, id: ReqId, text: &str, now: NaiveDateTime) {
        let Ok(date) = self.typed_date(text, "交办日未改") else {
            return;
        };
        let summary = match (date, self.lang) {
            (Some(d), Lang::Zh) => format!("{} 交办日设为 {d}", self.shown_id(id)),
            (Some(d), Lang::En) => format!("{} start date set to {d}", self.shown_id(id)),
            (None, Lang::Zh) => format!("{} 已取消交办日", self.shown_id(id)),
            (None, Lang::En) => format!("{}: start date cleared", self.shown_id(id)),
        };
        let cal = Calendar::active();
        if self.change(&[id], &summary, |r| r.set_start(date, now, cal)) == 0 {
            let msg = self.lang.pick("交办日未改变", "start date unchanged");
            self.set_message(msg, false);
        }
    }
}
