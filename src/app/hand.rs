//! Requirements added and corrected from the dashboard (see [`crate::plan::hand`]): `+` asks
//! for a new requirement's text, units and deadline, one prompt after the other, and adds it
//! to the selected item; `i` corrects the selected requirement's text, Tab moving the prompt
//! to its units and deadline, each starting from the current value. Both are undoable and
//! saved at once. Adding changes the plan's shape, so it is saved whole (never journaled:
//! the journal names requirements by their ids).

use chrono::NaiveDateTime;

use super::input::LineEditor;
use super::{App, Edit, Mode, Prompt};
use crate::i18n::Lang;
use crate::plan::hand::{Aside, Field};
use crate::plan::lifecycle::Stamp;
use crate::plan::{ChangeKind, Requirement};

/// A requirement being added: where (by name), and what was typed so far.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Adding {
    category: String,
    item: String,
    text: String,
    units: String,
}

/// The fields `i` corrects, in Tab order.
const FIELDS: [Field; 3] = [Field::Text, Field::Units, Field::Deadline];

impl App {
    /// `A`: start adding a requirement to the selected item (or the item of the selected
    /// requirement).
    pub(super) fn start_add(&mut self) {
        let place = match self.selected_requirement().map(|r| r.id) {
            Some(id) => self.plan().category(id.category).and_then(|c| {
                let item = c.items.get(id.item as usize - 1)?;
                Some((c.name.clone(), item.name.clone()))
            }),
            None => self.current_category().map(|c| {
                (
                    c.name.clone(),
                    self.tree_item().map(|i| i.name.clone()).unwrap_or_default(),
                )
            }),
        };
        let (category, item) = place.unwrap_or_default();
        self.adding = Some(Adding {
            category,
            item,
            ..Adding::default()
        });
        self.mode = Mode::Input(Prompt::AddText, LineEditor::default());
    }

    /// `E`: correct the selected requirement, starting with its text.
    pub(super) fn start_correct(&mut self) {
        if self.selected_requirement().is_none() {
            let text = self
                .lang
                .pick("请先选中一项要求", "select a requirement first");
            return self.set_message(text, false);
        }
        self.ask_field(Field::Text);
    }

    fn ask_field(&mut self, field: Field) {
        let current = (self.selected_requirement())
            .and_then(|r| r.field(field))
            .unwrap_or_default()
            .to_string();
        let mut editor = LineEditor::default();
        editor.apply(Edit::Paste(current));
        self.mode = Mode::Input(Prompt::Correct(field), editor);
    }

    /// Tab while correcting: the next field, its current value in the prompt (what was
    /// typed for this one is dropped: Enter saves one field at a time).
    pub(super) fn next_field(&mut self) {
        if let Mode::Input(Prompt::Correct(field), _) = self.mode {
            let at = FIELDS.iter().position(|f| *f == field).unwrap_or(0);
            self.ask_field(FIELDS[(at + 1) % FIELDS.len()]);
        }
    }

    /// Enter in an add or correct prompt; `false` for the other prompts.
    pub(super) fn submit_hand(&mut self, prompt: Prompt, text: &str, now: NaiveDateTime) -> bool {
        match prompt {
            Prompt::AddText if text.is_empty() => {
                self.adding = None;
                let msg = self
                    .lang
                    .pick("要求内容为空，未添加", "empty text, nothing added");
                self.set_message(msg, false);
            }
            Prompt::AddText => {
                if let Some(a) = &mut self.adding {
                    a.text = text.to_string();
                }
                self.mode = Mode::Input(Prompt::AddUnits, LineEditor::default());
            }
            Prompt::AddUnits => {
                if let Some(a) = &mut self.adding {
                    a.units = text.to_string();
                }
                self.mode = Mode::Input(Prompt::AddDeadline, LineEditor::default());
            }
            Prompt::AddDeadline => self.add(text, now),
            Prompt::Correct(field) => self.correct(field, text, now),
            _ => return false,
        }
        true
    }

    fn add(&mut self, deadline: &str, now: NaiveDateTime) {
        let Some(a) = self.adding.take() else {
            return;
        };
        let mut r = Requirement::underived(
            crate::plan::ReqId::new(1, 1, 1),
            a.text,
            a.units.trim().to_string(),
            deadline.trim().to_string(),
        );
        r.by_hand = true;
        r.history
            .push(Stamp::new(now, None).change(ChangeKind::Added));
        let id = self.state.plan.put(Aside {
            category: a.category,
            item: a.item,
            requirement: r,
        });
        let summary = match self.lang {
            Lang::Zh => format!("已手工添加 {}", self.shown_id(id)),
            Lang::En => format!("added {} by hand", self.shown_id(id)),
        };
        self.history.push_added(&summary, id);
        self.shape_changed(&summary, id);
    }

    fn correct(&mut self, field: Field, text: &str, now: NaiveDateTime) {
        let Some(id) = self.selected_requirement().map(|r| r.id) else {
            return;
        };
        let label = field.label(self.lang);
        if field == Field::Text && text.is_empty() {
            let msg = self.lang.pick(
                "要求内容不能为空，未更正",
                "the text cannot be empty; unchanged",
            );
            return self.set_message(msg, true);
        }
        let summary = match self.lang {
            Lang::Zh => format!("{} 已更正{label}", self.shown_id(id)),
            Lang::En => format!("{}: {label} corrected", self.shown_id(id)),
        };
        let derive = self.state.plan.rederive();
        let stamp = Stamp::new(now, None);
        let changed = self.change(&[id], &summary, |r| {
            let corrected = matches!(r.correct(field, text, &stamp), Ok(Some(_)));
            derive(r);
            corrected
        });
        if changed == 0 {
            let msg = match self.lang {
                Lang::Zh => format!("{label}未改动"),
                Lang::En => format!("{label} unchanged"),
            };
            self.set_message(msg, false);
        }
    }

    /// The plan gained or lost a requirement: rebuild what is derived from it, put the
    /// cursor on `id` (when it is there) and save the whole state.
    pub(super) fn shape_changed(&mut self, summary: &str, id: crate::plan::ReqId) {
        self.rebuilt();
        if let Some(c) = self.plan().category_index(id.category) {
            self.set_cursor(super::TreePath {
                category: c,
                item: id.item as usize - 1,
                requirement: Some(id.requirement as usize - 1),
            });
        }
        self.save_whole(summary);
    }
}
