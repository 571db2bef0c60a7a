//! The merge preview (`duban import FILE --merge --preview`): a screen of its own, apart
//! from the dashboard, where the user reviews a revised plan's changes — additions,
//! removals, changes, weak pairs, likely splits — and accepts, splits or re-pairs before
//! anything is written.
//!
//! [`Preview::update`] is its only mutation path. Every decision is applied to the plans
//! with [`merge::apply`] at once, so the sections and counts shown are exactly what
//! applying writes; a decision `apply` rejects is undone and said. Writing is the caller's
//! ([`Commit`]): it takes the lock and checks the state file as the command line does.

mod action;
mod run;

use std::collections::HashMap;

use chrono::NaiveDateTime;

pub use action::{Action, action_for};
pub use run::run;

use crate::i18n::Lang;
use crate::plan::merge::{Decisions, Evidence, MergeReport, Merged, Proposal, Strength};
use crate::plan::{Plan, ReqId, Requirement};

/// Writes the merge the user applied: the line to print, or why nothing was written.
pub trait Commit {
    fn commit(&mut self, decisions: &Decisions, merged: Merged) -> Result<String, String>;
}

/// The sections, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Added,
    Removed,
    Changed,
    Weak,
    Splits,
}

impl Section {
    pub const ALL: [Section; 5] = [
        Section::Added,
        Section::Removed,
        Section::Changed,
        Section::Weak,
        Section::Splits,
    ];

    fn index(self) -> usize {
        self as usize
    }

    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Section::Added => lang.pick("新增", "Added"),
            Section::Removed => lang.pick("删除（归档）", "Removed (archived)"),
            Section::Changed => lang.pick("修改", "Changed"),
            Section::Weak => lang.pick("把握不大的配对", "Weak pairs"),
            Section::Splits => lang.pick("可能拆分", "Likely splits"),
        }
    }
}

/// What has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Browse,
    Help,
    /// Choosing the old requirement for the selected new one: the cursor in [`Preview::candidates`].
    Pick {
        cursor: usize,
    },
    /// Enter was pressed: y writes, anything else goes back.
    Confirm,
}

/// How the preview ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Written: the line to print.
    Applied(String),
    Cancelled,
    /// Nothing written, and why.
    Failed(String),
}

/// One row of a section, by what it is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub old: Option<ReqId>,
    pub new: Option<ReqId>,
}

/// The selected entry in full, for the detail pane.
#[derive(Debug, Clone, Copy)]
pub struct Detail<'a> {
    pub old: Option<&'a Requirement>,
    pub new: Option<&'a Requirement>,
    /// What the pairing weighed, for an entry it paired.
    pub evidence: Option<Evidence>,
    pub strength: Option<Strength>,
    /// Applied by the user's word (an accepted weak pair or a pair made by hand).
    pub confirmed: bool,
    /// Whether this pair is applied: progress goes from `old` to `new`.
    pub applied: bool,
}

pub struct Preview<'c> {
    old: Plan,
    new: Plan,
    proposal: Proposal,
    /// The proposal's pairs by new id.
    pairs: HashMap<ReqId, usize>,
    decisions: Decisions,
    undo: Vec<Decisions>,
    merged: Merged,
    now: NaiveDateTime,
    lang: Lang,
    section: Section,
    cursors: [usize; 5],
    mode: Mode,
    /// The last thing said, and whether it is a problem.
    message: Option<(String, bool)>,
    outcome: Option<Outcome>,
    commit: Box<dyn Commit + 'c>,
}

impl<'c> Preview<'c> {
    /// The preview of `merged`, which is `decisions` applied to `proposal` over `old` and `new`.
    pub fn new(
        (old, new): (Plan, Plan),
        proposal: Proposal,
        decisions: Decisions,
        merged: Merged,
        now: NaiveDateTime,
        commit: Box<dyn Commit + 'c>,
    ) -> Preview<'c> {
        let pairs = (proposal.pairs.iter().enumerate())
            .map(|(i, p)| (p.new, i))
            .collect();
        let mut preview = Preview {
            old,
            new,
            proposal,
            pairs,
            decisions,
            undo: Vec::new(),
            merged,
            now,
            lang: Lang::Zh,
            section: Section::Added,
            cursors: [0; 5],
            mode: Mode::Browse,
            message: None,
            outcome: None,
            commit,
        };
        // Open where the user's word is needed, else on the first section with entries.
        preview.section = [Section::Weak, Section::Splits]
            .into_iter()
            .chain(Section::ALL)
            .find(|&s| preview.len(s) > 0)
            .unwrap_or(Section::Added);
        preview
    }

    #[must_use]
    pub fn with_lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn report(&self) -> &MergeReport {
        &self.merged.report
    }

    pub fn decisions(&self) -> &Decisions {
        &self.decisions
    }

    pub fn title(&self) -> &str {
        &self.new.title
    }

    pub fn section(&self) -> Section {
        self.section
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    pub fn message(&self) -> Option<(&str, bool)> {
        self.message.as_ref().map(|(m, e)| (m.as_str(), *e))
    }

    pub fn outcome(&self) -> Option<&Outcome> {
        self.outcome.as_ref()
    }

    pub fn cursor(&self, section: Section) -> usize {
        self.cursors[section.index()]
    }

    pub fn len(&self, section: Section) -> usize {
        let r = &self.merged.report;
        match section {
            Section::Added => r.added.len(),
            Section::Removed => r.removed.len(),
            Section::Changed => r.changed.len(),
            Section::Weak => r.weak.len(),
            Section::Splits => r.splits.len(),
        }
    }

    pub fn entry(&self, section: Section, i: usize) -> Option<Entry> {
        let r = &self.merged.report;
        let (old, new) = match section {
            Section::Added => (None, Some(r.added.get(i)?.id)),
            Section::Removed => (Some(r.removed.get(i)?.id), None),
            Section::Changed => {
                let m = r.changed.get(i)?;
                (Some(m.old_id), Some(m.new_id))
            }
            Section::Weak => {
                let w = r.weak.get(i)?;
                (Some(w.old_id), Some(w.new_id))
            }
            Section::Splits => {
                let s = r.splits.get(i)?;
                (Some(s.old_id), Some(s.new_id))
            }
        };
        Some(Entry { old, new })
    }

    pub fn selected(&self) -> Option<Entry> {
        self.entry(self.section, self.cursor(self.section))
    }

    pub fn old_req(&self, id: ReqId) -> Option<&Requirement> {
        self.old.get(id)
    }

    pub fn new_req(&self, id: ReqId) -> Option<&Requirement> {
        self.new.get(id)
    }

    /// The selected entry with both requirements and what paired them.
    pub fn detail(&self) -> Option<Detail<'_>> {
        let e = self.selected()?;
        let r = &self.merged.report;
        let cursor = self.cursor(self.section);
        let pair = e
            .new
            .and_then(|n| self.pairs.get(&n))
            .map(|&i| &self.proposal.pairs[i]);
        let pair = pair.filter(|p| Some(p.old) == e.old);
        let (confirmed, applied) = match self.section {
            Section::Changed => (r.changed[cursor].confirmed, true),
            Section::Weak => (r.weak[cursor].applied, r.weak[cursor].applied),
            Section::Splits | Section::Added | Section::Removed => (false, false),
        };
        Some(Detail {
            old: e.old.and_then(|id| self.old.get(id)),
            new: e.new.and_then(|id| self.new.get(id)),
            evidence: pair.map(|p| p.evidence),
            strength: pair.map(|p| p.strength),
            confirmed,
            applied,
        })
    }

    /// The old requirements the picker offers for the selected new one: those left unpaired
    /// (archived as things stand), after the one a likely split came from.
    pub fn candidates(&self) -> Vec<ReqId> {
        let split_from = (self.section == Section::Splits)
            .then(|| self.selected().and_then(|e| e.old))
            .flatten();
        split_from
            .into_iter()
            .chain(self.merged.report.removed.iter().map(|b| b.id))
            .collect()
    }

    /// The single mutation path.
    pub fn update(&mut self, action: Action) {
        if self.outcome.is_some() {
            return;
        }
        match self.mode {
            Mode::Help => self.mode = Mode::Browse,
            Mode::Confirm => match action {
                Action::Accept | Action::Enter => self.apply(),
                _ => self.mode = Mode::Browse,
            },
            Mode::Pick { cursor } => self.pick(cursor, action),
            Mode::Browse => self.browse(action),
        }
    }

    fn browse(&mut self, action: Action) {
        let s = self.section;
        let (len, cursor) = (self.len(s), self.cursor(s));
        match action {
            Action::Up => self.cursors[s.index()] = cursor.saturating_sub(1),
            Action::Down => self.cursors[s.index()] = (cursor + 1).min(len.saturating_sub(1)),
            Action::NextSection => self.section = Section::ALL[(s.index() + 1) % 5],
            Action::PrevSection => self.section = Section::ALL[(s.index() + 4) % 5],
            Action::Accept => self.accept(),
            Action::Split => self.split(),
            Action::Pair => self.open_picker(),
            Action::Undo => self.undo(),
            Action::Enter => {
                self.message = None;
                self.mode = Mode::Confirm;
            }
            Action::Help => self.mode = Mode::Help,
            Action::Cancel => self.outcome = Some(Outcome::Cancelled),
            Action::No => {}
        }
    }
}

mod decide;
