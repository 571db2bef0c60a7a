//! Every style the dashboard uses, by meaning. Draw code names a role (`THEME.overdue`), never
//! a colour, so a palette change happens here alone. Only the 16 ANSI colours are used: they
//! follow the user's terminal palette and work on terminals without 256 colours.

use chrono::NaiveDate;
use ratatui::style::{Color, Modifier, Style};

use crate::plan::escalation::Escalation;
use crate::plan::{Requirement, Status};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub title: Style,
    pub text: Style,
    pub dim: Style,
    pub label: Style,
    pub border: Style,
    pub focused_border: Style,
    /// The selected row in the focused pane, and in the others.
    pub selected: Style,
    pub selected_unfocused: Style,
    pub overdue: Style,
    pub due_soon: Style,
    pub later: Style,
    pub done: Style,
    pub no_deadline: Style,
    /// A deadline text still to be dated (待定): to be confirmed, so not as quiet as none.
    pub unconfirmed: Style,
    pub doing: Style,
    pub blocked: Style,
    pub bar_filled: Style,
    pub bar_empty: Style,
    pub key: Style,
    pub info: Style,
    pub error: Style,
    pub popup: Style,
    pub input: Style,
    /// A search hit inside a row.
    pub search_match: Style,
    /// A filter chip in the header, and the current view's tab.
    pub chip: Style,
    pub tab: Style,
    pub tab_active: Style,
    /// A group heading in the agenda and units lists.
    pub heading: Style,
    /// 三色督办: escalation levels.
    pub escalation_blue: Style,
    pub escalation_yellow: Style,
    pub escalation_red: Style,
    /// A report (报送) due and not yet submitted this period.
    pub report_due: Style,
}

pub const THEME: Theme = Theme {
    title: Style::new().add_modifier(Modifier::BOLD),
    text: Style::new(),
    dim: Style::new().fg(Color::DarkGray),
    label: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
    border: Style::new().fg(Color::DarkGray),
    focused_border: Style::new().fg(Color::Cyan),
    selected: Style::new()
        .bg(Color::DarkGray)
        .add_modifier(Modifier::BOLD),
    selected_unfocused: Style::new().add_modifier(Modifier::UNDERLINED),
    overdue: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
    due_soon: Style::new().fg(Color::Yellow),
    later: Style::new().fg(Color::Cyan),
    done: Style::new().fg(Color::Green),
    no_deadline: Style::new().fg(Color::Gray),
    unconfirmed: Style::new()
        .fg(Color::Yellow)
        .add_modifier(Modifier::ITALIC),
    doing: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
    blocked: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
    bar_filled: Style::new().fg(Color::Green),
    bar_empty: Style::new().fg(Color::DarkGray),
    key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    info: Style::new().fg(Color::Green),
    error: Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(Modifier::BOLD),
    popup: Style::new(),
    input: Style::new().add_modifier(Modifier::BOLD),
    search_match: Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(Modifier::BOLD),
    chip: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
    tab: Style::new().fg(Color::DarkGray),
    tab_active: Style::new()
        .fg(Color::Cyan)
        .add_modifier(Modifier::BOLD)
        .add_modifier(Modifier::REVERSED),
    heading: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
    escalation_blue: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
    escalation_yellow: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
    escalation_red: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
    report_due: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
};

/// How pressing a requirement is, for colouring its countdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Urgency {
    Done,
    Overdue,
    /// Due within [`crate::plan::Counts::DUE_SOON_DAYS`] days, today included.
    DueSoon,
    Later,
    /// The deadline text names a time still to be dated (待定).
    Unconfirmed,
    /// Ongoing, or no deadline at all.
    NoDeadline,
}

impl Urgency {
    pub fn of(r: &Requirement, today: NaiveDate) -> Urgency {
        Urgency::of_by(r, today, crate::plan::count::Counting::days())
    }

    /// [`Urgency::of`] with "due soon" in the chosen count's days.
    pub fn of_by(
        r: &Requirement,
        today: NaiveDate,
        by: crate::plan::count::Counting<'_>,
    ) -> Urgency {
        if r.status == Status::Done {
            Urgency::Done
        } else if r.is_overdue(today) {
            Urgency::Overdue
        } else if r.is_due_within_by(today, crate::plan::Counts::DUE_SOON_DAYS, by) {
            Urgency::DueSoon
        } else if r.days_left(today).is_some() {
            Urgency::Later
        } else if r.is_unconfirmed() {
            Urgency::Unconfirmed
        } else {
            Urgency::NoDeadline
        }
    }
}

impl Theme {
    pub fn urgency(&self, u: Urgency) -> Style {
        match u {
            Urgency::Done => self.done,
            Urgency::Overdue => self.overdue,
            Urgency::DueSoon => self.due_soon,
            Urgency::Later => self.later,
            Urgency::Unconfirmed => self.unconfirmed,
            Urgency::NoDeadline => self.no_deadline,
        }
    }

    pub fn status(&self, s: Status) -> Style {
        match s {
            Status::Todo => self.text,
            Status::Doing | Status::Review => self.doing,
            Status::Done => self.done,
            Status::Blocked => self.blocked,
        }
    }

    /// 三色督办 colour; not escalated is dim.
    pub fn escalation(&self, e: Escalation) -> Style {
        match e {
            Escalation::None => self.dim,
            Escalation::Blue => self.escalation_blue,
            Escalation::Yellow => self.escalation_yellow,
            Escalation::Red => self.escalation_red,
        }
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.focused_border
        } else {
            self.border
        }
    }
}

/// ASCII-width status marks: East-Asian-ambiguous glyphs (■, ●, ①) are drawn two columns
/// wide by some terminals and would break the columns.
pub fn status_mark(s: Status) -> &'static str {
    match s {
        Status::Todo => "[ ]",
        Status::Doing => "[~]",
        Status::Review => "[?]",
        Status::Done => "[x]",
        Status::Blocked => "[!]",
    }
}
