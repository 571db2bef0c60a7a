//! Progress counts over a set of requirements (the summary lines, category and unit rows).

use chrono::NaiveDate;
use serde::Serialize;

use super::model::{Requirement, Status};

/// Progress counts over a set of requirements, relative to `today`.
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
    pub due_soon: usize,
    /// Not done, and the deadline text could not be dated (时限待确认).
    pub unconfirmed: usize,
}

impl Counts {
    pub const DUE_SOON_DAYS: i64 = 7;

    pub fn of<'a>(reqs: impl IntoIterator<Item = &'a Requirement>, today: NaiveDate) -> Counts {
        Counts::of_by(reqs, today, crate::plan::count::Counting::days())
    }

    /// [`Counts::of`] with "due soon" in the chosen count's days.
    pub fn of_by<'a>(
        reqs: impl IntoIterator<Item = &'a Requirement>,
        today: NaiveDate,
        by: crate::plan::count::Counting<'_>,
    ) -> Counts {
        let mut c = Counts::default();
        for r in reqs {
            c.total += 1;
            match r.status {
                Status::Todo => c.todo += 1,
                Status::Doing => c.doing += 1,
                Status::Review => c.review += 1,
                Status::Done => c.done += 1,
                Status::Blocked => c.blocked += 1,
            }
            if r.is_overdue(today) {
                c.overdue += 1;
            } else if r.is_due_within_by(today, Self::DUE_SOON_DAYS, by) {
                c.due_soon += 1;
            } else if r.status != Status::Done && r.is_unconfirmed() {
                c.unconfirmed += 1;
            }
        }
        c
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
