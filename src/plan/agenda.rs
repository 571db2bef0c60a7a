//! The agenda (as in Org-mode): every requirement with a date, grouped by how soon it is due,
//! then the ones whose deadline text could not be dated (时限待确认), the recurring ones (this
//! period's due date) and the ongoing ones.

use chrono::NaiveDate;
use serde::Serialize;

use super::count::Counting;
use super::deadline::DeadlineKind;
use super::model::{Plan, ReqId, Requirement, Status};
use super::query::Scope;

/// Agenda groups in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bucket {
    Overdue,
    Today,
    Within7,
    Within30,
    Later,
    /// The text names a time duban cannot date (unparsed, or counted from an event): a
    /// deadline to confirm, never "no deadline".
    Unconfirmed,
    Recurring,
    Ongoing,
}

impl Bucket {
    pub const ALL: [Bucket; 8] = [
        Bucket::Overdue,
        Bucket::Today,
        Bucket::Within7,
        Bucket::Within30,
        Bucket::Later,
        Bucket::Unconfirmed,
        Bucket::Recurring,
        Bucket::Ongoing,
    ];

    /// The dated bucket for a day count (negative = past).
    pub fn for_days(days_left: i64) -> Bucket {
        match days_left {
            d if d < 0 => Bucket::Overdue,
            0 => Bucket::Today,
            1..=7 => Bucket::Within7,
            8..=30 => Bucket::Within30,
            _ => Bucket::Later,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct AgendaRow {
    #[serde(serialize_with = "crate::plan::id::serialize_shown")]
    pub id: ReqId,
    pub bucket: Bucket,
    /// The next milestone (dated) or this period's end (recurring); `None` for ongoing.
    pub due: Option<NaiveDate>,
    pub days_left: Option<i64>,
}

impl AgendaRow {
    /// Overdue, or due within `days` days (today included); what `agenda --days N` keeps.
    pub fn within(&self, days: i64) -> bool {
        self.bucket == Bucket::Overdue || self.days_left.is_some_and(|d| (0..=days).contains(&d))
    }
}

/// The agenda at `today`, in display order: by bucket, then due date, then id. Groups are
/// runs of equal `bucket`. Requirements without a deadline (kind `none`) are left out, and done ones too
/// unless `include_done`; a done one then sits in the bucket of its date (past dates under
/// `Overdue`: the row's status, not the bucket, says it was finished).
pub fn agenda(plan: &Plan, today: NaiveDate, include_done: bool) -> Vec<AgendaRow> {
    agenda_by(plan, today, include_done, Counting::days())
}

/// [`agenda`] with buckets by the chosen count (`within 7` = 7 working days in workdays mode).
pub fn agenda_by(
    plan: &Plan,
    today: NaiveDate,
    include_done: bool,
    by: Counting<'_>,
) -> Vec<AgendaRow> {
    let mut rows: Vec<AgendaRow> = plan
        .requirements()
        .filter_map(|r| row_by(r, today, include_done, by))
        .collect();
    rows.sort_by_key(AgendaRow::key);
    rows
}

/// An agenda row of a [`Scope`]: the index of its plan in the scope, and the row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScopedRow {
    pub plan: usize,
    pub row: AgendaRow,
}

/// [`agenda_by`] over the plans in `scope`, as one agenda: by bucket, then due date, then
/// plan, then id. With one plan it is exactly that plan's [`agenda_by`].
pub fn agenda_scope(
    scope: Scope<'_, '_>,
    today: NaiveDate,
    include_done: bool,
    by: Counting<'_>,
) -> Vec<ScopedRow> {
    let mut rows: Vec<ScopedRow> = scope
        .requirements()
        .filter_map(|(plan, r)| {
            Some(ScopedRow {
                plan,
                row: row_by(r, today, include_done, by)?,
            })
        })
        .collect();
    rows.sort_by_key(|r| {
        let (bucket, due, id) = r.row.key();
        (bucket, due, r.plan, id)
    });
    rows
}

/// A requirement's agenda row, if [`agenda`] lists it.
pub fn row(r: &Requirement, today: NaiveDate, include_done: bool) -> Option<AgendaRow> {
    row_by(r, today, include_done, Counting::days())
}

/// [`row`] by the chosen count: `days_left` and the bucket count days of that kind (an
/// overdue one stays overdue by its written date even with no working day since).
pub fn row_by(
    r: &Requirement,
    today: NaiveDate,
    include_done: bool,
    by: Counting<'_>,
) -> Option<AgendaRow> {
    if !include_done && r.status == Status::Done {
        return None;
    }
    let due = r.due(today);
    let days_left = due.map(|d| match by.between(today, d) {
        0 if d < today => -1,
        n => n,
    });
    let bucket = match r.deadline_kind() {
        _ if r.is_unconfirmed() => Bucket::Unconfirmed,
        DeadlineKind::None => return None,
        DeadlineKind::Ongoing => Bucket::Ongoing,
        k if k.is_recurring() => Bucket::Recurring,
        _ => Bucket::for_days(days_left?),
    };
    Some(AgendaRow {
        id: r.id,
        bucket,
        due,
        days_left,
    })
}

impl AgendaRow {
    /// The display order.
    pub fn key(&self) -> (Bucket, Option<NaiveDate>, ReqId) {
        (self.bucket, self.due, self.id)
    }
}

/// Bring `rows` (an [`agenda`] of `plan` before the requirements `ids` changed) up to date
/// by moving only those requirements' rows: the result equals `agenda(plan, today,
/// include_done)`. Each id costs a pass over `rows`, so a large bulk change is better
/// rebuilt.
pub fn update(
    rows: &mut Vec<AgendaRow>,
    plan: &Plan,
    ids: &[ReqId],
    today: NaiveDate,
    include_done: bool,
) {
    update_by(rows, plan, ids, today, include_done, Counting::days());
}

/// [`update`] by the chosen count.
pub fn update_by(
    rows: &mut Vec<AgendaRow>,
    plan: &Plan,
    ids: &[ReqId],
    today: NaiveDate,
    include_done: bool,
    by: Counting<'_>,
) {
    for &id in ids {
        let new = plan
            .get(id)
            .and_then(|r| row_by(r, today, include_done, by));
        let old = rows.iter().position(|r| r.id == id);
        match (old, new) {
            (Some(at), Some(new)) if rows[at].key() == new.key() => rows[at] = new,
            (old, new) => {
                if let Some(at) = old {
                    rows.remove(at);
                }
                if let Some(new) = new {
                    let at = rows.partition_point(|r| r.key() < new.key());
                    rows.insert(at, new);
                }
            }
        }
    }
}

/// How the rows of each agenda group are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// By due date, then id (the display order of [`agenda`]).
    #[default]
    Due,
    /// 催办 longest ago first, never reminded before any: who to chase next.
    Reminded,
}

/// Order each group's rows by `order` (the groups stay in place); [`Order::Due`] is the
/// order [`agenda`] returns.
pub fn sort(rows: &mut [AgendaRow], plan: &Plan, order: Order) {
    match order {
        Order::Due => rows.sort_by_key(AgendaRow::key),
        Order::Reminded => rows.sort_by_cached_key(|row| {
            let last = plan
                .get(row.id)
                .and_then(Requirement::last_reminder)
                .map(|m| m.at);
            (row.bucket, last, row.due, row.id)
        }),
    }
}

/// The groups of an agenda as `(bucket, rows)` runs, for headed output.
pub fn groups(rows: &[AgendaRow]) -> Vec<(Bucket, &[AgendaRow])> {
    rows.chunk_by(|a, b| a.bucket == b.bucket)
        .filter_map(|g| g.first().map(|r| (r.bucket, g)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_by_days() {
        assert_eq!(Bucket::for_days(-1), Bucket::Overdue);
        assert_eq!(Bucket::for_days(0), Bucket::Today);
        assert_eq!(Bucket::for_days(7), Bucket::Within7);
        assert_eq!(Bucket::for_days(8), Bucket::Within30);
        assert_eq!(Bucket::for_days(31), Bucket::Later);
    }

    #[test]
    fn unconfirmed_deadlines_have_their_own_group_until_set_by_hand() {
        let mut plan = crate::plan::model::one_item_plan(
            "类",
            &[("", "2021年9月25日前"), ("", "x"), ("", "y"), ("", "")],
        );
        let id = |r| ReqId::new(1, 1, r);
        crate::plan::due::give_deadline(&mut plan, id(2), DeadlineKind::Unparsed, "待定");
        crate::plan::due::give_deadline(&mut plan, id(3), DeadlineKind::Relative, "通知后5日内");
        let today = NaiveDate::from_ymd_opt(2021, 9, 20).expect("valid date");
        let rows = agenda(&plan, today, false);
        let buckets: Vec<_> = rows.iter().map(|r| (r.id, r.bucket)).collect();
        assert_eq!(
            buckets,
            [
                (id(1), Bucket::Within7),
                (id(2), Bucket::Unconfirmed),
                (id(3), Bucket::Unconfirmed),
            ],
            "the empty text has no deadline and stays out"
        );
        assert!(!rows[1].within(30), "`--days N` keeps only dated rows");
        let c = crate::plan::Counts::of(plan.requirements(), today);
        assert_eq!((c.unconfirmed, c.due_soon, c.overdue), (2, 1, 0));
        assert_eq!(
            serde_json::to_value(Bucket::Unconfirmed).expect("serializes"),
            "unconfirmed"
        );

        // A date set by hand moves it to the dated groups; the patch equals a rebuild.
        let mut patched = rows.clone();
        let now = today.and_hms_opt(9, 0, 0).expect("valid time");
        plan.get_mut(id(2))
            .expect("exists")
            .set_due(NaiveDate::from_ymd_opt(2021, 9, 18), now);
        update(&mut patched, &plan, &[id(2)], today, false);
        assert_eq!(patched, agenda(&plan, today, false));
        assert_eq!(patched[0].id, id(2));
        assert_eq!(patched[0].bucket, Bucket::Overdue);
    }

    #[test]
    fn reminded_order_puts_the_longest_unchased_first_within_each_group() {
        use crate::plan::lifecycle::Stamp;
        let mut plan = crate::plan::model::one_item_plan(
            "类",
            &[
                ("市财政局", "2021年9月22日前"),
                ("市财政局", "2021年9月23日前"),
                ("市财政局", "2021年9月24日前"),
                ("市财政局", "2021年12月31日前"),
            ],
        );
        let id = |r| ReqId::new(1, 1, r);
        let today = NaiveDate::from_ymd_opt(2021, 9, 20).expect("valid date");
        let on = |d| {
            Stamp::new(
                NaiveDate::from_ymd_opt(2021, 9, d)
                    .and_then(|d| d.and_hms_opt(9, 0, 0))
                    .expect("valid time"),
                None,
            )
        };
        for (r, day) in [(1, 18), (2, 10), (4, 1)] {
            plan.get_mut(id(r))
                .expect("exists")
                .remind(None, None, None, &on(day))
                .expect("reminded");
        }
        let mut rows = agenda(&plan, today, false);
        sort(&mut rows, &plan, Order::Reminded);
        let order: Vec<_> = rows.iter().map(|r| r.id).collect();
        assert_eq!(
            order,
            [id(3), id(2), id(1), id(4)],
            "never reminded, then 9-10, then 9-18; the later group stays after"
        );
        sort(&mut rows, &plan, Order::Due);
        assert_eq!(rows, agenda(&plan, today, false));
    }
}
