//! The life-cycle events of a period (extensions, review steps, reminders, evidence), read
//! from the requirements' history: what `report --since` and the exports list.

use chrono::NaiveDateTime;
use serde::Serialize;

use crate::plan::model::{Change, ChangeKind, Plan, ReqId};

/// One life-cycle entry of a requirement's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event<'a> {
    pub id: ReqId,
    #[serde(flatten)]
    pub change: &'a Change,
}

/// Whether a history entry is a life-cycle step (not a status, note or date edit).
pub fn is_lifecycle(kind: &ChangeKind) -> bool {
    matches!(
        kind,
        ChangeKind::Extended { .. }
            | ChangeKind::Claimed { .. }
            | ChangeKind::Approved { .. }
            | ChangeKind::Rejected { .. }
            | ChangeKind::Reminded { .. }
            | ChangeKind::Attached { .. }
    )
}

/// The life-cycle events recorded since `since`, in plan order, each requirement's oldest
/// first. Times are to the second, so an event in the snapshot's own second counts as
/// after it: reported twice rather than never.
pub fn events_between(plan: &Plan, since: NaiveDateTime) -> Vec<Event<'_>> {
    plan.requirements()
        .flat_map(|r| {
            r.history
                .iter()
                .filter(move |c| c.at >= since && is_lifecycle(&c.what))
                .map(move |change| Event { id: r.id, change })
        })
        .collect()
}

/// Counts of a period's events by kind: extensions, reviews (claims, approvals and
/// returns), reminders, evidence.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct EventCounts {
    pub extensions: usize,
    pub claims: usize,
    pub approvals: usize,
    pub rejections: usize,
    pub reminders: usize,
    pub evidence: usize,
}

impl EventCounts {
    pub fn of(events: &[Event<'_>]) -> EventCounts {
        let mut c = EventCounts::default();
        for e in events {
            match e.change.what {
                ChangeKind::Extended { .. } => c.extensions += 1,
                ChangeKind::Claimed { .. } => c.claims += 1,
                ChangeKind::Approved { .. } => c.approvals += 1,
                ChangeKind::Rejected { .. } => c.rejections += 1,
                ChangeKind::Reminded { .. } => c.reminders += 1,
                ChangeKind::Attached { .. } => c.evidence += 1,
                _ => {}
            }
        }
        c
    }
}

#[cfg(test)]
mod tests {
    use super::super::Stamp;
    use super::*;
    use crate::plan::model::one_item_plan;

    #[test]
    fn events_of_the_period_only() {
        let mut plan = one_item_plan("类", &[("市政府办", "2021年9月30日前")]);
        let r = plan.get_mut(ReqId::new(1, 1, 1)).expect("exists");
        let day = |d| chrono::NaiveDate::from_ymd_opt(2021, 9, d).expect("valid");
        let st = |d| Stamp::new(day(d).and_hms_opt(9, 0, 0).expect("valid"), None);
        r.remind(None, None, None, &st(1)).expect("reminded");
        r.add_note("备注", day(2).and_hms_opt(9, 0, 0).expect("valid"));
        r.extend(
            day(30) + chrono::Days::new(10),
            "理由",
            None,
            &st(3),
            day(3),
        )
        .expect("extended");
        r.claim(None, &st(4), false).expect("claimed");
        let since = day(2).and_hms_opt(0, 0, 0).expect("valid");
        let events = events_between(&plan, since);
        assert_eq!(events.len(), 2);
        let c = EventCounts::of(&events);
        assert_eq!((c.extensions, c.claims, c.reminders), (1, 1, 0));
    }
}
