//! The dashboard's state and its single mutation path, [`App::update`].
//!
//! Keys become [`Action`]s through the [`Keymap`]; `update(action, now)` is the only code that
//! changes the plan, the cursor or the mode, and it saves every edit through [`Persist`].
//! Drawing (`crate::ui`) reads `&App`.

pub mod action;
mod all;
mod bindings;
mod count;
mod cursor;
mod derived;
mod due;
mod edit;
mod evidence;
pub mod filter;
pub mod geometry;
mod hand;
mod history;
pub mod input;
mod key;
pub mod keymap;
pub mod lifecycle;
pub mod list;
mod mode;
mod nav;
mod plans;
pub mod preview;
pub mod progress;
mod quit;
mod read_only;
mod run;
pub mod screen;
mod scroll;
mod search;
mod team;
mod tree;
pub mod units;

use chrono::{NaiveDate, NaiveDateTime};
use ratatui::crossterm::event::{Event, KeyCode, KeyEventKind, MouseEventKind};

pub use action::{Action, Edit};
pub use all::Node;
pub use cursor::{TreeCursor, TreePath};
pub use derived::Derived;
pub use edit::{Discard, Persist};
pub use filter::{Filter, Matches};
pub use geometry::{Geometry, Regions};
pub use history::UNDO_LIMIT;
pub use input::LineEditor;
pub use keymap::{Key, KeyMode, Keymap, KeymapError};
pub use lifecycle::{Flow, Step};
pub use list::{ListEntry, ReqList};
pub use mode::{BulkChange, Mode, Prompt};
pub use plans::{Strip, StripEntry};
pub use run::run;
pub use screen::{Group, Screen};
pub use team::{Kept, Link, Remote};
pub use tree::{Row, Selection};
pub use units::UnitsView;

use crate::i18n::Lang;
use crate::plan::Counts;
use crate::plan::escalation::{Escalation, EscalationRules};
use crate::store::State;

/// The three panes, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Categories,
    Tree,
    Detail,
}

impl Pane {
    fn next(self) -> Pane {
        match self {
            Pane::Categories => Pane::Tree,
            Pane::Tree => Pane::Detail,
            Pane::Detail => Pane::Categories,
        }
    }

    fn prev(self) -> Pane {
        self.next().next()
    }
}

/// The status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

/// Whether an [`Action::Poll`] changed what the screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Polled {
    Unchanged,
    Changed,
}

pub struct App {
    state: State,
    store: Box<dyn Persist>,
    keymap: Keymap,
    lang: Lang,
    today: NaiveDate,
    /// Everything recomputed from the plan (counts, matches, list data); see `derived.rs`.
    derived: Derived,
    /// The tree's cursor, the cursor each category was left with, and collapsed items.
    tree: TreeCursor,
    focus: Pane,
    mode: Mode,
    detail_scroll: usize,
    message: Option<Message>,
    /// An edit is in memory but not in the state file (the last save failed).
    unsaved: bool,
    /// What the last [`Action::Poll`] did to the screen.
    polled: Polled,
    /// Quit arming, the rescue file, and whether the dashboard is done.
    quitting: quit::Quitting,
    /// Which view fills the body, and the lists of the list views.
    screen: Screen,
    agenda: screen::Agenda,
    units: UnitsView,
    filter: Filter,
    history: history::History,
    /// The cursor and undo history of each plan left this session (see `plans.rs`).
    stash: plans::Stash,
    /// 全部: every plan shown at once (see `all.rs`); `None` shows the focused plan alone.
    all: Option<all::AllPlans>,
    /// A requirement being added (`+`), while its prompts are answered.
    adding: Option<hand::Adding>,
    /// The note selected in the detail pane, counted newest first.
    note_cursor: Option<usize>,
    /// 三色督办 thresholds.
    rules: EscalationRules,
    /// 考核 scoring rules (scoring.toml), for the units table.
    scoring: crate::plan::scoring::ScoringRules,
    /// Natural or working days, the calendar they count on, and where the choice is kept.
    count: count::CountSetting,
    /// The terminal size the last [`Action::Resize`] gave; `None` before the first (then
    /// nothing is known to be too small, and pages are one row).
    size: Option<ratatui::layout::Size>,
    /// What the scrolled panes show first, kept following the cursor by `update`.
    scroll: Scroll,
    /// How long the detail pane's and the help overlay's texts are (the ui's answer).
    measure: Option<Measure>,
    /// Who is acting (`--user`, `DUBAN_USER`, the login name): signs every edit.
    user: Option<String>,
    /// Opens evidence files (the system's program; a recorder in tests).
    opener: Box<dyn crate::open::Opener>,
    /// The selected requirement's evidence checks, made in `update`, read by drawing.
    evidence_checks: Option<evidence::EvidenceChecks>,
}

/// Scroll offsets of the panes whose rows follow a cursor (drawing only reads them).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll {
    /// The first category shown.
    pub categories: usize,
    /// The first row of the middle pane (tree, list or units table).
    pub rows: usize,
}

/// How many lines the detail pane's and the help overlay's contents take at a width. Only
/// the ui knows (it wraps the text); the run loop hands its answer over, so `update` bounds
/// scrolling without drawing. Without one, scrolling is unbounded and drawing clamps it.
#[derive(Debug, Clone, Copy)]
pub struct Measure {
    pub detail: fn(&App, u16) -> usize,
    pub help: fn(&App, u16) -> usize,
}

impl App {
    /// A dashboard on `state` in Chinese with the default keymap; see [`App::with_lang`] and
    /// [`App::with_keymap`].
    pub fn new(state: State, store: Box<dyn Persist>, today: NaiveDate) -> App {
        let mut app = App {
            state,
            store,
            keymap: Keymap::default(),
            lang: Lang::Zh,
            today,
            derived: Derived::default(),
            tree: TreeCursor::default(),
            focus: Pane::Tree,
            mode: Mode::Normal,
            detail_scroll: 0,
            message: None,
            unsaved: false,
            polled: Polled::Unchanged,
            quitting: quit::Quitting::default(),
            screen: Screen::Tree,
            agenda: screen::Agenda::default(),
            units: UnitsView::default(),
            filter: Filter::default(),
            history: history::History::default(),
            stash: plans::Stash::default(),
            all: None,
            adding: None,
            note_cursor: None,
            rules: EscalationRules::default(),
            scoring: crate::plan::scoring::ScoringRules::default(),
            count: count::CountSetting::default(),
            size: None,
            scroll: Scroll::default(),
            measure: None,
            user: None,
            opener: Box::new(crate::open::System),
            evidence_checks: None,
        };
        app.rebuilt();
        app.tree = TreeCursor::new(&app.state.plan);
        app
    }

    #[must_use]
    pub fn with_lang(mut self, lang: Lang) -> App {
        self.lang = lang;
        self
    }

    #[must_use]
    pub fn with_keymap(mut self, keymap: Keymap) -> App {
        self.keymap = keymap;
        self
    }

    /// Bound detail and help scrolling by what the ui measures.
    #[must_use]
    pub fn with_measure(mut self, measure: Measure) -> App {
        self.measure = Some(measure);
        self
    }

    /// Sign edits with `user` (nothing when `None` or blank).
    #[must_use]
    pub fn with_user(mut self, user: Option<String>) -> App {
        self.user = user.filter(|u| !u.trim().is_empty());
        self
    }

    /// Open evidence files with `opener` instead of the system's program.
    #[must_use]
    pub fn with_opener(mut self, opener: Box<dyn crate::open::Opener>) -> App {
        self.opener = opener;
        self
    }

    /// Who signs the edits.
    pub fn user(&self) -> Option<&str> {
        self.user.as_deref()
    }

    #[must_use]
    pub fn with_rules(mut self, rules: EscalationRules) -> App {
        self.rules = rules;
        self
    }

    /// The 三色督办 colour of `r` today, by the chosen count.
    pub fn escalation(&self, r: &crate::plan::Requirement) -> Escalation {
        crate::plan::escalation::escalation_by(r, self.today, &self.rules, self.counting())
    }

    pub fn state(&self) -> &State {
        &self.state
    }

    /// The state, giving up the dashboard (benches reopen it on another store without a
    /// second copy in memory).
    pub fn into_state(self) -> State {
        self.state
    }

    pub fn plan(&self) -> &crate::plan::Plan {
        &self.state.plan
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn today(&self) -> NaiveDate {
        self.today
    }

    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    pub fn focus(&self) -> Pane {
        self.focus
    }

    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    pub fn cursor(&self) -> TreePath {
        self.tree.path()
    }

    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref()
    }

    pub fn unsaved(&self) -> bool {
        self.unsaved
    }

    pub fn detail_scroll(&self) -> usize {
        self.detail_scroll
    }

    /// Where edits are saved, for the status line.
    pub fn store_location(&self) -> String {
        self.store.location()
    }

    /// Progress of the category at `index` (plan order).
    pub fn category_counts(&self, index: usize) -> Counts {
        self.derived.category(index)
    }

    pub fn total_counts(&self) -> Counts {
        self.derived.total
    }

    /// Undo steps available (and redo steps).
    pub fn undo_depth(&self) -> (usize, usize) {
        (self.history.can_undo(), self.history.can_redo())
    }

    /// Translate a terminal event into an action for the current mode. Pure: `update` acts.
    pub fn action_for(&self, event: &Event) -> Option<Action> {
        match event {
            Event::Key(k) if k.kind != KeyEventKind::Release => {
                let key = Key::from_event(*k);
                let mode = self.key_mode();
                let searching = mode == KeyMode::Normal
                    && matches!(self.mode, Mode::Normal)
                    && self.filter.search.is_some();
                if searching && let Some(a) = self.keymap.action(KeyMode::Search, key) {
                    return Some(a.clone());
                }
                if let Some(a) = self.keymap.action(mode, key) {
                    return Some(a.clone());
                }
                match (mode, key.code) {
                    (KeyMode::Input, KeyCode::Char(c)) if !key.ctrl && !key.alt => {
                        Some(Action::Edit(Edit::Insert(c)))
                    }
                    _ => None,
                }
            }
            Event::Paste(text)
                if matches!(self.mode, Mode::Input(..) | Mode::Search(_) | Mode::Flow(_)) =>
            {
                Some(Action::Edit(Edit::Paste(text.clone())))
            }
            Event::Mouse(m) => {
                let (column, row) = (m.column, m.row);
                match m.kind {
                    MouseEventKind::Down(_) => Some(Action::Click { column, row }),
                    MouseEventKind::ScrollUp => Some(Action::ScrollUp { column, row }),
                    MouseEventKind::ScrollDown => Some(Action::ScrollDown { column, row }),
                    _ => None,
                }
            }
            &Event::Resize(width, height) => Some(Action::Resize { width, height }),
            _ => None,
        }
    }

    /// The one place state changes. `now` stamps history entries; its date is the reference
    /// date for countdowns (it rolls over at midnight unless `--today` fixed it).
    pub fn update(&mut self, action: Action, now: NaiveDateTime) {
        self.apply(action, now);
        self.follow_cursor();
    }

    fn apply(&mut self, action: Action, now: NaiveDateTime) {
        if now.date() != self.today {
            self.today = now.date();
            self.rebuilt();
        }
        match action {
            Action::Shutdown => return self.shutdown(now),
            Action::Start => {
                self.show_merge_notice();
                self.start_live();
                // The first selection's evidence, before any key moves it.
                return self.refresh_evidence_checks();
            }
            Action::Poll { idle } => {
                self.polled = if self.follow() || self.live() || (idle && self.idle()) {
                    Polled::Changed
                } else {
                    Polled::Unchanged
                };
                return;
            }
            Action::Resize { width, height } => {
                self.size = Some(ratatui::layout::Size::new(width, height));
                return;
            }
            Action::Tick => return,
            _ => {}
        }
        if self.mode == Mode::Normal && self.refuse_read_only(&action) {
            return;
        }
        let selected = self.selected_requirement().map(|r| r.id);
        match &self.mode {
            Mode::Normal => self.update_normal(&action, now),
            Mode::Help { .. } => self.update_help(&action),
            Mode::Confirm(_) => self.update_confirm(&action, now),
            Mode::ConfirmDelete(_) => self.update_confirm_delete(&action, now),
            Mode::Input(..) => self.update_input(action, now),
            Mode::Search(_) => self.update_search(action),
            Mode::Flow(_) => self.update_flow(action, now),
        }
        self.refresh();
        self.refresh_evidence_checks();
        if self.selected_requirement().map(|r| r.id) != selected {
            self.note_cursor = None;
        }
    }

    /// Whether the last [`Action::Poll`] changed the screen (the run loop redraws only then).
    pub fn polled_changes(&self) -> bool {
        self.polled == Polled::Changed
    }

    fn set_message(&mut self, text: impl Into<String>, error: bool) {
        self.message = Some(Message {
            text: text.into(),
            error,
        });
    }
}
