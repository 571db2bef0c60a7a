//! The completion review: a unit reports completion (申请办结, status `review`); the office
//! accepts it (销号: done, dated) or sends it back with a reason (退回重办: doing again,
//! counted). Marking done directly (the coordinator is the reviewer) stays possible.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::{LifecycleError, Stamp, given};
use crate::plan::model::{Change, ChangeKind, Requirement, Status};

/// A completion claim waiting for review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub claimed_at: NaiveDateTime,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimed_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The review's steps, for messages about a step taken in the wrong status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Claim,
    Approve,
    Reject,
}

impl Requirement {
    /// Whether it may be completed now: with `require_evidence`, only with evidence on record.
    pub fn completion_allowed(&self, require_evidence: bool) -> Result<(), LifecycleError> {
        if require_evidence && self.evidence.is_empty() {
            return Err(LifecycleError::EvidenceRequired { id: self.id });
        }
        Ok(())
    }

    /// 申请办结: the unit reports the work complete; the status becomes `review`.
    pub fn claim(
        &mut self,
        note: Option<&str>,
        stamp: &Stamp,
        require_evidence: bool,
    ) -> Result<Change, LifecycleError> {
        self.check(
            Step::Claim,
            matches!(self.status, Status::Done | Status::Review),
        )?;
        self.completion_allowed(require_evidence)?;
        let note = given(note);
        let from = self.status;
        self.status = Status::Review;
        self.status_changed = Some(stamp.at);
        self.review = Some(Review {
            claimed_at: stamp.at,
            claimed_by: stamp.by.clone(),
            note: note.clone(),
        });
        Ok(self.record(stamp, ChangeKind::Claimed { from, note }))
    }

    /// 销号: the office accepts the claim; done, dated today. The note (else the claim's)
    /// becomes the 办结说明.
    pub fn approve(
        &mut self,
        note: Option<&str>,
        stamp: &Stamp,
        require_evidence: bool,
    ) -> Result<Change, LifecycleError> {
        self.check(Step::Approve, self.status != Status::Review)?;
        self.completion_allowed(require_evidence)?;
        let note = given(note);
        let claim = self.review.take();
        self.status = Status::Done;
        self.status_changed = Some(stamp.at);
        self.completed_on = Some(stamp.at.date());
        self.completion_note = note.clone().or_else(|| claim.and_then(|c| c.note));
        Ok(self.record(stamp, ChangeKind::Approved { note }))
    }

    /// 退回重办: the office sends the claim back with a reason; doing again.
    pub fn reject(&mut self, reason: &str, stamp: &Stamp) -> Result<Change, LifecycleError> {
        self.check(Step::Reject, self.status != Status::Review)?;
        let reason = given(Some(reason)).ok_or(LifecycleError::ReasonRequired { id: self.id })?;
        self.review = None;
        self.status = Status::Doing;
        self.status_changed = Some(stamp.at);
        self.completed_on = None;
        self.completion_note = None;
        Ok(self.record(stamp, ChangeKind::Rejected { reason }))
    }

    /// How many times a completion claim was sent back.
    pub fn rejections(&self) -> usize {
        self.history
            .iter()
            .filter(|c| matches!(c.what, ChangeKind::Rejected { .. }))
            .count()
    }

    fn check(&self, action: Step, wrong: bool) -> Result<(), LifecycleError> {
        if wrong {
            return Err(LifecycleError::WrongStatus {
                id: self.id,
                status: self.status,
                action,
            });
        }
        Ok(())
    }

    pub(super) fn record(&mut self, stamp: &Stamp, what: ChangeKind) -> Change {
        let change = stamp.change(what);
        self.history.push(change.clone());
        change
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    #[test]
    fn claim_then_approve_closes_with_the_date() {
        let mut r = req("市政府办", "2024年9月30日前");
        r.set_status(Status::Doing, at(3, 1));
        let c = r
            .claim(Some("已完成"), &stamp(9, 20), false)
            .expect("claimed");
        assert!(matches!(
            c.what,
            ChangeKind::Claimed {
                from: Status::Doing,
                ..
            }
        ));
        assert_eq!(r.status, Status::Review);
        assert!(r.is_overdue(date(10, 1)), "not closed until approved");
        assert!(
            r.claim(None, &stamp(9, 21), false).is_err(),
            "already in review"
        );
        r.approve(None, &stamp(9, 25), false).expect("approved");
        assert_eq!(r.status, Status::Done);
        assert_eq!(r.completed_on, Some(date(9, 25)));
        assert_eq!(r.completion_note.as_deref(), Some("已完成"));
        assert_eq!(r.review, None);
        assert!(!r.is_overdue(date(10, 1)));
    }

    #[test]
    fn reject_sends_back_and_counts() {
        let mut r = req("市政府办", "2024年9月30日前");
        assert!(matches!(
            r.approve(None, &stamp(9, 1), false),
            Err(LifecycleError::WrongStatus {
                action: Step::Approve,
                ..
            })
        ));
        r.claim(None, &stamp(9, 1), false).expect("claimed");
        assert!(matches!(
            r.reject(" ", &stamp(9, 2)),
            Err(LifecycleError::ReasonRequired { .. })
        ));
        r.reject("材料不全", &stamp(9, 2)).expect("sent back");
        assert_eq!(r.status, Status::Doing);
        r.claim(None, &stamp(9, 3), false).expect("claimed again");
        r.reject("仍不全", &stamp(9, 4)).expect("sent back");
        assert_eq!(r.rejections(), 2);
    }

    #[test]
    fn evidence_can_be_required() {
        let mut r = req("市政府办", "2024年9月30日前");
        assert!(matches!(
            r.claim(None, &stamp(9, 1), true),
            Err(LifecycleError::EvidenceRequired { .. })
        ));
        assert_eq!(r.status, Status::Todo);
        r.claim(None, &stamp(9, 1), false).expect("not required");
        assert!(r.approve(None, &stamp(9, 2), true).is_err());
    }
}
