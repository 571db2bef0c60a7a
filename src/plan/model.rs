//! The plan tree (categories → items → requirements) and per-requirement progress.
//!
//! Raw texts are what the state file keeps; `units` and `deadline` are derived from them
//! (see [`Plan::derive`]) so a parser improvement applies to old state files too.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

mod history;
mod interned;
mod lookup;
mod status;
mod stored;

pub use history::{Change, ChangeKind, Note};
use interned::Interned;
pub use status::{ParseStatusError, Status};

use super::calendar::Calendar;
pub use super::count::tally::Counts;
use super::deadline::Deadline;
pub use super::fields::Extra;
use super::fields::parse_units;
pub use super::hand::Field;
pub use super::id::{Canonical, IdArg, IdError, ParseIdError, ReqId};
pub use super::levels::Levels;
use super::lifecycle::{Evidence, Extension, Reminder, Review};
use super::period::Period;
pub use super::reporting::ReportSubmission;
pub use super::start::StartDue;
use super::units::Units;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Requirement {
    pub id: ReqId,
    pub text: String,
    /// 责任部门 cell as written.
    pub units_raw: String,
    /// 时限及要求 cell as written.
    pub deadline_raw: String,
    #[serde(default)]
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_changed: Option<NaiveDateTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Change>,
    /// 办结说明: what was done, given when marking done; cleared when reopened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_note: Option<String>,
    /// Reports (报送) submitted, oldest first (see [`super::reporting`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reports: Vec<ReportSubmission>,
    /// A due date set by hand (`duban due`): overrides the text for every countdown (see
    /// [`super::due`]); `deadline_raw` stays as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_set: Option<NaiveDate>,
    /// 交办日: the day the duty was handed over; relative deadlines ("5个工作日内") count
    /// from the day after it (see [`super::start`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    /// A separate 配合单位 column as written: its units cooperate (see [`Plan::derive`]).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cooperating_raw: String,
    /// 责任领导 column as written.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub leader_raw: String,
    /// 备注 column as written.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub remarks: String,
    /// The document's columns that have no role, in its order, kept as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<Extra>,
    /// The document's own number for the task where it numbers tasks straight through the
    /// plan (1 … 79 across all sections, as 政府工作报告 breakdowns do): how the office refers
    /// to it ("第12项").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// 延期, oldest first: the last one is the due date in force (see [`super::due`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extensions: Vec<Extension>,
    /// The completion claim waiting for review, while the status is review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Review>,
    /// 催办, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reminders: Vec<Reminder>,
    /// 佐证材料: references to files, never copies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// Added by hand (`duban add`), not taken from the document: `import --merge` of a
    /// revised document keeps it (see [`super::hand`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub by_hand: bool,
    /// Derived from `units_raw` and `cooperating_raw`.
    #[serde(skip)]
    pub units: Units,
    /// Derived from `deadline_raw` and the plan year.
    #[serde(skip)]
    pub deadline: Deadline,
    /// Derived: the last day of the plan's period (recurring duties stop there).
    #[serde(skip)]
    pub period_end: Option<NaiveDate>,
    /// Derived from `start` and a relative deadline (see [`super::start`]).
    #[serde(skip)]
    pub start_due: StartDue,
}

impl Requirement {
    /// A fresh requirement with derived fields computed.
    pub fn new(
        id: ReqId,
        text: String,
        units_raw: String,
        deadline_raw: String,
        year: i32,
    ) -> Self {
        let mut r = Requirement::underived(id, text, units_raw, deadline_raw);
        r.derive(year);
        r
    }

    /// Derive for a plan of `year` whose period is that year (see [`Plan::derive_one`]).
    pub fn derive(&mut self, year: i32) {
        self.units = parse_units(&self.units_raw, &self.cooperating_raw);
        let cal = Calendar::active();
        self.deadline = Deadline::parse_with(&self.deadline_raw, year, cal);
        self.period_end = Some(Period::year(year).end);
        self.resolve_start(cal);
    }

    /// A fresh requirement whose derived fields are left empty, for building many at once:
    /// [`Plan::derive`] then fills them, parsing each distinct cell once.
    pub fn underived(id: ReqId, text: String, units_raw: String, deadline_raw: String) -> Self {
        Requirement {
            id,
            text,
            units_raw,
            deadline_raw,
            status: Status::Todo,
            status_changed: None,
            completed_on: None,
            notes: Vec::new(),
            history: Vec::new(),
            completion_note: None,
            reports: Vec::new(),
            due_set: None,
            start: None,
            cooperating_raw: String::new(),
            leader_raw: String::new(),
            remarks: String::new(),
            extra: Vec::new(),
            number: None,
            extensions: Vec::new(),
            review: None,
            reminders: Vec::new(),
            evidence: Vec::new(),
            by_hand: false,
            units: Units::default(),
            deadline: Deadline::default(),
            period_end: None,
            start_due: StartDue::default(),
        }
    }

    /// Change status, recording history and the completion date. Returns false (and records
    /// nothing) when the status is unchanged.
    pub fn set_status(&mut self, to: Status, now: NaiveDateTime) -> bool {
        let from = self.status;
        if from == to {
            return false;
        }
        self.status = to;
        self.status_changed = Some(now);
        self.completed_on = (to == Status::Done).then_some(now.date());
        if to != Status::Done {
            self.completion_note = None;
        }
        if to != Status::Review {
            // Decided otherwise (marked done directly, reopened): the claim is no longer
            // waiting; the history keeps it.
            self.review = None;
        }
        self.history
            .push(Change::new(now, ChangeKind::Status { from, to }));
        true
    }

    pub fn add_note(&mut self, text: &str, now: NaiveDateTime) {
        let text = text.trim().to_string();
        self.history
            .push(Change::new(now, ChangeKind::Note { text: text.clone() }));
        self.notes.push(Note { at: now, text });
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub name: String,
    pub requirements: Vec<Requirement>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Category {
    pub number: u32,
    pub name: String,
    pub items: Vec<Item>,
}

impl Category {
    pub fn requirements(&self) -> impl Iterator<Item = &Requirement> {
        self.items.iter().flat_map(|i| i.requirements.iter())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub title: String,
    pub year: i32,
    /// File name the plan was imported from (`builtin:…` for the embedded seed).
    pub source: String,
    /// The span the plan covers; `None` for its year (see [`Plan::period`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// The levels the document has (see [`Levels`]); older state files have three.
    #[serde(default, skip_serializing_if = "Levels::is_three")]
    pub levels: Levels,
    /// Whether the year was taken from the import date because neither the document nor
    /// `import --year` gave one: `import` and `summary` say so, so that it can be corrected.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub year_guessed: bool,
    pub categories: Vec<Category>,
}

impl Plan {
    /// The plan's period: as the document or `import --period` gave it, else its year.
    pub fn period(&self) -> Period {
        self.period.unwrap_or_else(|| Period::year(self.year))
    }

    /// Give the plan another period; every requirement's countdown follows.
    pub fn set_period(&mut self, period: Option<Period>) {
        self.period = period;
        let end = Some(self.period().end);
        for r in self.requirements_mut() {
            r.period_end = end;
        }
    }

    /// Derive one requirement (e.g. from the edits journal) as [`Plan::derive`] would.
    pub fn derive_one(&self, r: &mut Requirement) {
        self.rederive()(r);
    }

    /// Recompute every requirement's derived fields (after loading from JSON), with the
    /// built-in holiday calendar.
    pub fn derive(&mut self) {
        self.derive_with(Calendar::active());
    }

    /// As [`Plan::derive`], dating calendar-dependent deadlines (春节前, 每月前5个工作日内,
    /// N个工作日内 from a start date) by `cal`.
    pub fn derive_with(&mut self, cal: &Calendar) {
        // Parsing the cells is most of a large plan's start-up. Each distinct text is parsed
        // once (see [`Cells`]), then every requirement gets a copy.
        let year = self.year;
        let (mut units, mut deadlines, at) = {
            let mut units = Interned::default();
            let mut deadlines = Interned::default();
            let at: Vec<(usize, usize)> = self
                .requirements()
                .map(|r| {
                    let cells = (r.units_raw.as_str(), r.cooperating_raw.as_str());
                    (
                        units.index(cells, |(u, c)| parse_units(u, c)),
                        deadlines.index(r.deadline_raw.as_str(), |raw| {
                            Deadline::parse_with(raw, year, cal)
                        }),
                    )
                })
                .collect();
            (units.into_values(), deadlines.into_values(), at)
        };
        let end = Some(self.period().end);
        let levels = self.levels;
        for (r, (u, d)) in self.requirements_mut().zip(at) {
            r.id = r.id.shown_as(levels);
            r.units = units.take(u);
            r.deadline = deadlines.take(d);
            r.period_end = end;
            r.resolve_start(cal);
        }
    }

    pub fn requirements(&self) -> impl Iterator<Item = &Requirement> {
        self.categories.iter().flat_map(Category::requirements)
    }

    pub fn requirements_mut(&mut self) -> impl Iterator<Item = &mut Requirement> {
        self.categories
            .iter_mut()
            .flat_map(|c| c.items.iter_mut())
            .flat_map(|i| i.requirements.iter_mut())
    }

    pub fn item_count(&self) -> usize {
        self.categories.iter().map(|c| c.items.len()).sum()
    }

    pub fn requirement_count(&self) -> usize {
        self.requirements().count()
    }

    pub fn category(&self, number: u32) -> Option<&Category> {
        self.categories.get(self.category_index(number)?)
    }

    /// Where category `number` is. Categories are normally numbered 1, 2, 3… in order, so
    /// that place is tried first (O(1) lookups by id in large plans); a scan covers the rest.
    pub(crate) fn category_index(&self, number: u32) -> Option<usize> {
        let guess = usize::try_from(number).ok()?.checked_sub(1);
        guess
            .filter(|&i| self.categories.get(i).is_some_and(|c| c.number == number))
            .or_else(|| self.categories.iter().position(|c| c.number == number))
    }
}

/// A plan of one category (number 1, `category`) holding one item (事项) whose requirements
/// 1.1.1, 1.1.2, … have the given (units, deadline) cells and texts 要求1, 要求2, …: the
/// small fixture many tests build.
#[cfg(test)]
pub(crate) fn one_item_plan(category: &str, cells: &[(&str, &str)]) -> Plan {
    let requirements = (1..)
        .zip(cells)
        .map(|(i, (units, deadline))| {
            Requirement::new(
                ReqId::new(1, 1, i),
                format!("要求{i}"),
                (*units).into(),
                (*deadline).into(),
                2021,
            )
        })
        .collect();
    Plan {
        title: "测试".into(),
        year: 2021,
        source: "test".into(),
        period: None,
        levels: crate::plan::Levels::default(),
        year_guessed: false,
        categories: vec![Category {
            number: 1,
            name: category.into(),
            items: vec![Item {
                name: "事项".into(),
                requirements,
            }],
        }],
    }
}

#[cfg(test)]
mod tests;
