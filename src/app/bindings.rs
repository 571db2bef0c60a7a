//! The bindable actions of each keymap section, by their name in the keymap file, in the
//! order the help overlay lists them. Their default keys are in `assets/keymap.toml`.

use super::action::{Action, Edit};
use super::page::Screen;

pub static NORMAL: [(&str, Action); 55] = [
    ("up", Action::Up),
    ("down", Action::Down),
    ("left", Action::Left),
    ("right", Action::Right),
    ("page_up", Action::PageUp),
    ("page_down", Action::PageDown),
    ("first", Action::First),
    ("last", Action::Last),
    ("next_pane", Action::NextPane),
    ("prev_pane", Action::PrevPane),
    ("toggle_done", Action::ToggleDone),
    ("cycle_status", Action::CycleStatus),
    ("toggle_expand", Action::ToggleExpand),
    ("add_note", Action::AddNote),
    ("edit_note", Action::EditNote),
    ("delete_note", Action::DeleteNote),
    ("report", Action::SubmitReport),
    ("set_due", Action::SetDue),
    ("set_start", Action::SetStart),
    ("add_requirement", Action::AddRequirement),
    ("correct", Action::Correct),
    ("export", Action::Export),
    ("undo", Action::Undo),
    ("redo", Action::Redo),
    ("view_tree", Action::ShowScreen(Screen::Tree)),
    ("view_agenda", Action::ShowScreen(Screen::Agenda)),
    ("view_units", Action::ShowScreen(Screen::Units)),
    ("next_view", Action::NextScreen),
    ("show_done", Action::ToggleShowDone),
    ("count_workdays", Action::ToggleCount),
    ("month", Action::ToggleMonth),
    ("prev_month", Action::PrevMonth),
    ("next_month", Action::NextMonth),
    ("sort_next", Action::SortNext),
    ("sort_reverse", Action::SortReverse),
    ("search", Action::Search),
    ("clear_filters", Action::ClearFilters),
    ("filter_overdue", Action::FilterOverdue),
    ("filter_due", Action::FilterDue),
    ("filter_status", Action::FilterStatus),
    ("filter_unit", Action::FilterUnit),
    ("filter_category", Action::FilterCategory),
    ("filter_leader", Action::FilterLeader),
    ("help", Action::Help),
    ("back", Action::Back),
    ("quit", Action::Quit),
    ("category_1", Action::JumpCategory(1)),
    ("category_2", Action::JumpCategory(2)),
    ("category_3", Action::JumpCategory(3)),
    ("category_4", Action::JumpCategory(4)),
    ("category_5", Action::JumpCategory(5)),
    ("category_6", Action::JumpCategory(6)),
    ("category_7", Action::JumpCategory(7)),
    ("category_8", Action::JumpCategory(8)),
    ("category_9", Action::JumpCategory(9)),
];

pub static SEARCH: [(&str, Action); 2] = [
    ("next_match", Action::NextMatch),
    ("prev_match", Action::PrevMatch),
];

pub static CONFIRM: [(&str, Action); 2] = [
    ("yes", Action::Confirm(true)),
    ("no", Action::Confirm(false)),
];

pub static INPUT: [(&str, Action); 10] = [
    ("save", Action::SubmitNote),
    ("cancel", Action::CancelNote),
    ("next_field", Action::NextField),
    ("left", Action::Edit(Edit::Left)),
    ("right", Action::Edit(Edit::Right)),
    ("home", Action::Edit(Edit::Home)),
    ("end", Action::Edit(Edit::End)),
    ("backspace", Action::Edit(Edit::Backspace)),
    ("delete", Action::Edit(Edit::Delete)),
    ("clear", Action::Edit(Edit::ClearToStart)),
];
