//! The three views (tree, agenda, units), the headings of the requirement lists the latter
//! two show (see `list.rs`), and what the current view selects.
//!
//! Lists are built once per change of the data, the filter or the view options (never per
//! frame): `edited`/`rebuilt`/`filter_changed` mark them stale and `refresh` rebuilds the current
//! view's list at the end of `update`. Each view keeps its own selection, by requirement id,
//! so a rebuild keeps the cursor on the same requirement when it is still listed.

use super::App;
use super::list::ReqList;
use crate::i18n::Lang;
use crate::plan::{Item, ReqId, Requirement};

/// Which view fills the body of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Screen {
    #[default]
    Tree,
    Agenda,
    Units,
}

impl Screen {
    pub const ALL: [Screen; 3] = [Screen::Tree, Screen::Agenda, Screen::Units];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Screen::Tree => lang.pick("任务树", "Tree"),
            Screen::Agenda => lang.pick("日程", "Agenda"),
            Screen::Units => lang.pick("单位", "Units"),
        }
    }

    fn next(self) -> Screen {
        match self {
            Screen::Tree => Screen::Agenda,
            Screen::Agenda => Screen::Units,
            Screen::Units => Screen::Tree,
        }
    }
}

/// What a heading of a requirement list stands for: an agenda bucket, or a unit's share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Bucket(crate::plan::agenda::Bucket),
    /// The requirements a unit leads / cooperates on (units view, after Enter).
    Lead,
    Cooperating,
}

impl Group {
    /// The heading's text, by the count the countdowns use (`7个工作日内`).
    pub fn label(self, lang: Lang, by: crate::plan::count::Counting<'_>) -> &'static str {
        match self {
            Group::Bucket(b) => b.label_by(lang, by),
            Group::Lead => lang.pick("牵头", "Lead"),
            Group::Cooperating => lang.pick("配合", "Cooperating"),
        }
    }
}

/// The agenda's list and whether it includes done requirements.
#[derive(Debug, Clone, Default)]
pub struct Agenda {
    pub list: ReqList,
    pub show_done: bool,
    /// How each group is ordered: by due date, or by the last reminder (`]`).
    pub order: crate::plan::agenda::Order,
    /// Listed requirements whose report (报送) for this period is still owed.
    pub reports_outstanding: usize,
}

impl App {
    pub fn screen(&self) -> Screen {
        self.screen
    }

    pub(super) fn show_screen(&mut self, page: Screen) {
        if page == self.screen {
            return;
        }
        self.screen = page;
        self.detail_scroll = 0;
        if page != Screen::Tree && self.focus == super::Pane::Categories {
            self.focus = super::Pane::Tree;
        }
        self.refresh();
    }

    pub(super) fn cycle_screen(&mut self) {
        self.show_screen(self.screen.next());
    }

    /// Rebuild the current view's list if it is stale.
    pub(super) fn refresh(&mut self) {
        self.rescore();
        if !self.derived.stale.contains(&self.screen) {
            return;
        }
        self.derived.stale.retain(|p| *p != self.screen);
        match self.screen {
            Screen::Tree => {}
            Screen::Agenda => self.rebuild_agenda(),
            Screen::Units => self.rebuild_units(),
        }
    }

    /// The requirement the current view has selected (what edits apply to).
    pub fn selected_requirement(&self) -> Option<&Requirement> {
        match self.screen {
            Screen::Tree => self.tree_requirement(),
            // A row of another plan is not the selection until its plan is brought in
            // (see `App::follow_row_plan`): edits reach only the plan shown.
            Screen::Agenda | Screen::Units => match self.list_key()? {
                (plan, id) if plan == self.plan_index() => self.plan().get(id),
                _ => None,
            },
        }
    }

    /// The selected requirement as `(plan, id)`.
    pub(super) fn selection_key(&self) -> Option<(usize, ReqId)> {
        let id = self.selected_requirement()?.id;
        Some((self.plan_index(), id))
    }

    /// The item of the selection: the tree's selected item, or the selected requirement's.
    pub fn selected_item(&self) -> Option<&Item> {
        match self.screen {
            Screen::Tree => self.tree_item(),
            Screen::Agenda | Screen::Units => self.item_of(self.selected_requirement()?.id),
        }
    }

    pub fn item_of(&self, id: ReqId) -> Option<&Item> {
        self.plan()
            .category(id.category)?
            .items
            .get(usize::try_from(id.item.checked_sub(1)?).ok()?)
    }

    /// A list heading's text.
    pub fn group_label(&self, group: Group) -> &'static str {
        group.label(self.lang, self.counting())
    }

    pub fn agenda(&self) -> &ReqList {
        &self.agenda.list
    }

    /// Agenda rows still owing this period's report.
    pub fn agenda_reports_outstanding(&self) -> usize {
        self.agenda.reports_outstanding
    }

    pub fn agenda_shows_done(&self) -> bool {
        self.agenda.show_done
    }

    pub(super) fn toggle_agenda_done(&mut self) {
        self.agenda.show_done = !self.agenda.show_done;
        self.derived.forget_agenda();
        self.refresh();
        let text = if self.agenda.show_done {
            self.lang.pick("日程：显示已完成", "agenda: showing done")
        } else {
            self.lang.pick("日程：隐藏已完成", "agenda: hiding done")
        };
        self.set_message(text, false);
    }

    /// The list the cursor moves in, in a list view.
    pub(super) fn current_list_mut(&mut self) -> Option<&mut ReqList> {
        match self.screen {
            Screen::Tree => None,
            Screen::Agenda => Some(&mut self.agenda.list),
            Screen::Units => self.units.drill.as_mut().map(|d| &mut d.list),
        }
    }
}
