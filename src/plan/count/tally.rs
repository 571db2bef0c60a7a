//! The tally of a set of requirements, [`Counts`] (the summary lines, category and unit rows,
//! and both sides of the comparison since a snapshot, [`crate::plan::snapshot::changes`]).

use chrono::NaiveDate;
use serde::Serialize;

use super::Counting;
use crate::plan::model::{Requirement, Status};

/// Progress counts over a set of requirements, relative to `today`. Serialized (in
/// `report --since --json`) as the status and overdue counts only: a snapshot freezes no
/// more than those, so the comparison knows no due-soon or unconfirmed figure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub total: usize,
    pub todo: usize,
    pub doing: usize,
    /// 待审核: completion claimed, not yet accepted.
    pub review: usize,
    pub done: usize,
    pub blocked: usize,
    pub overdue: usize,
    /// Not done and due within the next 7 days (today included).
    #[serde(skip)]
    pub due_soon: usize,
    /// Not done, and the deadline text could not be dated (时限待确认).
    #[serde(skip)]
    pub unconfirmed: usize,
}

impl Counts {
    pub const DUE_SOON_DAYS: i64 = 7;

    pub fn of<'a>(reqs: impl IntoIterator<Item = &'a Requirement>, today: NaiveDate) -> Counts {
        Counts::of_by(reqs, today, Counting::days())
    }

    /// [`Counts::of`] with "due soon" in the chosen count's days.
    pub fn of_by<'a>(
        reqs: impl IntoIterator<Item = &'a Requirement>,
        today: NaiveDate,
        by: Counting<'_>,
    ) -> Counts {
        let mut c = Counts::default();
        for r in reqs {
            let overdue = r.is_overdue(today);
            c.add(r.status, overdue);
            if overdue {
                continue;
            }
            if r.is_due_within_by(today, Self::DUE_SOON_DAYS, by) {
                c.due_soon += 1;
            } else if r.status != Status::Done && r.is_unconfirmed() {
                c.unconfirmed += 1;
            }
        }
        c
    }

    /// Count one requirement by its status and overdue flag (all a snapshot records).
    pub fn add(&mut self, status: Status, overdue: bool) {
        self.total += 1;
        match status {
            Status::Todo => self.todo += 1,
            Status::Doing => self.doing += 1,
            Status::Review => self.review += 1,
            Status::Done => self.done += 1,
            Status::Blocked => self.blocked += 1,
        }
        self.overdue += usize::from(overdue);
    }

    /// Both tallies together (a plan's over its categories).
    #[must_use]
    pub fn plus(self, o: Counts) -> Counts {
        Counts {
            total: self.total + o.total,
            todo: self.todo + o.todo,
            doing: self.doing + o.doing,
            review: self.review + o.review,
            done: self.done + o.done,
            blocked: self.blocked + o.blocked,
            overdue: self.overdue + o.overdue,
            due_soon: self.due_soon + o.due_soon,
            unconfirmed: self.unconfirmed + o.unconfirmed,
        }
    }

    /// Not done: what is left when the plan's period is over.
    pub fn unfinished(&self) -> usize {
        self.total - self.done
    }

    /// Share done, 0.0..=1.0 (0 for an empty set).
    #[allow(clippy::cast_precision_loss)]
    pub fn ratio(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.done as f64 / self.total as f64
        }
    }
}
