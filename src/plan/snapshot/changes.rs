//! What changed between a snapshot and now: the data behind `duban report --since` and the
//! "本期变化" section of the exports. Serialized as `report --since --json` (docs/exports.md).

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::{Frozen, Snapshot};
use crate::plan::{Counts, Note, Plan, ReqId, Requirement, Status};
use crate::text::collapse_whitespace as one_line;

/// The same counts at the snapshot (上期) and now (本期).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Compare {
    pub then: Counts,
    pub now: Counts,
}

impl Compare {
    pub fn changed(&self) -> bool {
        self.then != self.now
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategoryProgress {
    pub number: u32,
    pub name: String,
    #[serde(flatten)]
    pub progress: Compare,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnitProgress {
    pub name: String,
    #[serde(flatten)]
    pub progress: Compare,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct StatusChange {
    #[serde(serialize_with = "crate::plan::id::serialize_shown")]
    pub id: ReqId,
    pub from: Status,
    pub to: Status,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotesAdded<'a> {
    #[serde(serialize_with = "crate::plan::id::serialize_shown")]
    pub id: ReqId,
    /// The notes added since the snapshot, oldest first.
    pub notes: &'a [Note],
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Changes<'a> {
    pub label: &'a str,
    pub taken_at: NaiveDateTime,
    pub today: NaiveDate,
    pub totals: Compare,
    #[serde(serialize_with = "crate::plan::id::serialize_shown_all")]
    pub newly_done: Vec<ReqId>,
    #[serde(serialize_with = "crate::plan::id::serialize_shown_all")]
    pub newly_overdue: Vec<ReqId>,
    /// Overdue then, not now (done since, or the deadline text changed).
    #[serde(serialize_with = "crate::plan::id::serialize_shown_all")]
    pub no_longer_overdue: Vec<ReqId>,
    pub status_changes: Vec<StatusChange>,
    pub notes_added: Vec<NotesAdded<'a>>,
    /// Extensions, review steps, reminders and evidence recorded since the snapshot.
    pub lifecycle: Vec<crate::plan::lifecycle::Event<'a>>,
    /// Requirements the snapshot does not know (the plan grew since).
    #[serde(serialize_with = "crate::plan::id::serialize_shown_all")]
    pub added_requirements: Vec<ReqId>,
    pub categories: Vec<CategoryProgress>,
    /// Every unit, in order of first mention; a requirement counts for each unit it names.
    pub units: Vec<UnitProgress>,
}

impl Changes<'_> {
    pub fn notes_added_count(&self) -> usize {
        self.notes_added.iter().map(|n| n.notes.len()).sum()
    }

    /// Whether anything at all differs from the snapshot.
    pub fn is_empty(&self) -> bool {
        !self.totals.changed()
            && self.status_changes.is_empty()
            && self.notes_added.is_empty()
            && self.lifecycle.is_empty()
            && self.added_requirements.is_empty()
            && self.newly_overdue.is_empty()
            && self.no_longer_overdue.is_empty()
    }
}

/// Compare `snapshot` with the plan as it stands on `today`.
pub fn compute<'a>(snapshot: &'a Snapshot, plan: &'a Plan, today: NaiveDate) -> Changes<'a> {
    let frozen: HashMap<ReqId, &Frozen> = snapshot.requirements.iter().map(|f| (f.id, f)).collect();
    let mut c = Changes {
        label: &snapshot.label,
        taken_at: snapshot.taken_at,
        today,
        totals: Compare::default(),
        newly_done: Vec::new(),
        newly_overdue: Vec::new(),
        no_longer_overdue: Vec::new(),
        status_changes: Vec::new(),
        notes_added: Vec::new(),
        lifecycle: crate::plan::lifecycle::events_between(plan, snapshot.taken_at),
        added_requirements: Vec::new(),
        categories: plan
            .categories
            .iter()
            .map(|cat| CategoryProgress {
                number: cat.number,
                name: one_line(&cat.name).into_owned(),
                progress: Compare::default(),
            })
            .collect(),
        units: Vec::new(),
    };
    let mut unit_index: HashMap<&str, usize> = HashMap::new();

    for f in &snapshot.requirements {
        c.totals.then.add(f.status, f.overdue);
        if let Some(cat) = c.categories.iter_mut().find(|k| k.number == f.id.category) {
            cat.progress.then.add(f.status, f.overdue);
        }
    }
    for r in plan.requirements() {
        let overdue = r.is_overdue(today);
        c.totals.now.add(r.status, overdue);
        if let Some(cat) = c.categories.iter_mut().find(|k| k.number == r.id.category) {
            cat.progress.now.add(r.status, overdue);
        }
        let then = frozen.get(&r.id).copied();
        for unit in r.units.all() {
            let i = *unit_index.entry(unit.name.as_str()).or_insert_with(|| {
                c.units.push(UnitProgress {
                    name: unit.name.clone(),
                    progress: Compare::default(),
                });
                c.units.len() - 1
            });
            let p = &mut c.units[i].progress;
            p.now.add(r.status, overdue);
            if let Some(f) = then {
                p.then.add(f.status, f.overdue);
            }
        }
        match then {
            Some(f) => compare_one(&mut c, f, r, overdue),
            None => c.added_requirements.push(r.id),
        }
    }
    c
}

fn compare_one<'a>(c: &mut Changes<'a>, then: &Frozen, r: &'a Requirement, overdue: bool) {
    if then.status != r.status {
        c.status_changes.push(StatusChange {
            id: r.id,
            from: then.status,
            to: r.status,
        });
        if r.status == Status::Done {
            c.newly_done.push(r.id);
        }
    }
    match (then.overdue, overdue) {
        (false, true) => c.newly_overdue.push(r.id),
        (true, false) => c.no_longer_overdue.push(r.id),
        _ => {}
    }
    // Fewer notes than recorded (edited by hand) means nothing new, not a negative count.
    if let Some(new) = r.notes.get(then.note_count..).filter(|n| !n.is_empty()) {
        c.notes_added.push(NotesAdded {
            id: r.id,
            notes: new,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::model::one_item_plan;

    fn plan() -> Plan {
        one_item_plan(
            "甲类\n工作",
            &[
                ("市财政局", "2021年9月10日前完成。"),
                ("市财政局牵头，市民政局配合", "2021年9月25日前完成。"),
                ("市民政局", "长期坚持。"),
            ],
        )
    }

    fn date(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2021, 9, day).expect("date")
    }

    #[test]
    fn detects_each_kind_of_change() {
        let mut p = plan();
        let snap = Snapshot::take(
            &p,
            "上周",
            date(8).and_hms_opt(9, 0, 0).expect("t"),
            date(8),
        );
        let now = date(27).and_hms_opt(9, 0, 0).expect("t");
        let r1 = p.get_mut(ReqId::new(1, 1, 1)).expect("1");
        r1.set_status(Status::Done, now);
        r1.add_note("已办结", now);
        p.get_mut(ReqId::new(1, 1, 3))
            .expect("3")
            .set_status(Status::Doing, now);

        let c = compute(&snap, &p, date(27));
        assert_eq!(c.newly_done, [ReqId::new(1, 1, 1)]);
        assert_eq!(c.newly_overdue, [ReqId::new(1, 1, 2)]);
        assert!(
            c.no_longer_overdue.is_empty(),
            "1.1.1 was not yet overdue on the 8th"
        );
        assert_eq!(c.status_changes.len(), 2);
        assert_eq!(c.notes_added_count(), 1);
        assert_eq!(c.notes_added[0].notes[0].text, "已办结");
        assert_eq!((c.totals.then.done, c.totals.now.done), (0, 1));
        assert_eq!((c.totals.then.overdue, c.totals.now.overdue), (0, 1));
        assert_eq!(c.categories[0].name, "甲类 工作");
        let names: Vec<&str> = c.units.iter().map(|u| u.name.as_str()).collect();
        assert_eq!(names, ["市财政局", "市民政局"]);
        assert_eq!(c.units[1].progress.now.total, 2);
        assert_eq!(c.units[1].progress.now.doing, 1);
        assert!(!c.is_empty());
    }

    #[test]
    fn compare_serializes_the_frozen_counts_only() {
        let mut now = Counts::default();
        now.add(Status::Done, false);
        now.due_soon = 1;
        let json = serde_json::to_string(&Compare {
            then: Counts::default(),
            now,
        })
        .expect("json");
        assert_eq!(
            json,
            r#"{"then":{"total":0,"todo":0,"doing":0,"review":0,"done":0,"blocked":0,"overdue":0},"now":{"total":1,"todo":0,"doing":0,"review":0,"done":1,"blocked":0,"overdue":0}}"#
        );
    }

    #[test]
    fn unchanged_plan_is_empty_and_new_requirements_are_listed() {
        let mut p = plan();
        let today = date(20);
        let snap = Snapshot::take(&p, "x", today.and_hms_opt(9, 0, 0).expect("t"), today);
        assert!(compute(&snap, &p, today).is_empty());
        p.categories[0].items[0].requirements.push(Requirement::new(
            ReqId::new(1, 1, 4),
            "新增".into(),
            "市财政局".into(),
            String::new(),
            2021,
        ));
        let c = compute(&snap, &p, today);
        assert_eq!(c.added_requirements, [ReqId::new(1, 1, 4)]);
        assert_eq!((c.totals.then.total, c.totals.now.total), (3, 4));
    }
}
