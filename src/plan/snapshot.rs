//! Period snapshots: the statuses frozen at a reporting date (`duban snapshot`), kept in the
//! state file, and what changed since one of them (`duban report --since`). Their text lives
//! in `report::snapshot`.
//!
//! A snapshot stores only what cannot be recomputed later: each requirement's status, its
//! overdue flag as of that day, and how many notes it had. Names, units and categories are
//! looked up in the current plan by id, so a snapshot stays small.

pub mod changes;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::{Plan, ReqId, Status};

pub use changes::Changes;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    pub label: String,
    pub taken_at: NaiveDateTime,
    /// One entry per requirement, in document order.
    pub requirements: Vec<Frozen>,
}

/// One requirement as it stood when the snapshot was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Frozen {
    pub id: ReqId,
    pub status: Status,
    /// Overdue relative to the reference date of the snapshot.
    pub overdue: bool,
    /// Notes are append-only, so notes past this index are the ones added since.
    pub note_count: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SnapshotError {
    #[error("no snapshots yet; take one with `duban snapshot`")]
    NoSnapshots,
    #[error("no snapshot labelled `{key}` (snapshots: {available})")]
    UnknownLabel { key: String, available: String },
    #[error("no snapshot taken on or before {date} (the first is from {first})")]
    NoneBefore { date: NaiveDate, first: NaiveDate },
    #[error("a snapshot labelled `{0}` already exists; use --replace to retake it")]
    Duplicate(String),
    #[error("the snapshot label is empty")]
    EmptyLabel,
}

impl Snapshot {
    /// Freeze every requirement's status as of `today`.
    pub fn take(plan: &Plan, label: &str, taken_at: NaiveDateTime, today: NaiveDate) -> Snapshot {
        Snapshot {
            label: label.to_string(),
            taken_at,
            requirements: plan
                .requirements()
                .map(|r| Frozen {
                    id: r.id,
                    status: r.status,
                    overdue: r.is_overdue(today),
                    note_count: r.notes.len(),
                })
                .collect(),
        }
    }

    pub fn get(&self, id: ReqId) -> Option<&Frozen> {
        self.requirements.iter().find(|f| f.id == id)
    }

    pub fn done(&self) -> usize {
        self.count(|f| f.status == Status::Done)
    }

    pub fn overdue(&self) -> usize {
        self.count(|f| f.overdue)
    }

    fn count(&self, pred: impl Fn(&Frozen) -> bool) -> usize {
        self.requirements.iter().filter(|f| pred(f)).count()
    }
}

/// Follow a renumbering of the plan (ids are positions, so a merged revision can move them):
/// `map` gives each old id its new one, or `None` for a requirement that left the plan, whose
/// entries are dropped. Call this wherever the plan's ids change, or the comparison since a
/// snapshot would pair the wrong requirements.
pub fn remap_ids(snapshots: &mut [Snapshot], map: impl Fn(ReqId) -> Option<ReqId>) {
    for s in snapshots {
        s.requirements
            .retain_mut(|f| map(f.id).map(|id| f.id = id).is_some());
    }
}

/// Add a snapshot under `label` (trimmed). An existing label is an error unless `replace`,
/// which retakes it in place so the list keeps its order.
pub fn add(
    snapshots: &mut Vec<Snapshot>,
    mut snapshot: Snapshot,
    replace: bool,
) -> Result<(), SnapshotError> {
    snapshot.label = snapshot.label.trim().to_string();
    if snapshot.label.is_empty() {
        return Err(SnapshotError::EmptyLabel);
    }
    match snapshots.iter_mut().find(|s| s.label == snapshot.label) {
        Some(_) if !replace => Err(SnapshotError::Duplicate(snapshot.label)),
        Some(existing) => {
            *existing = snapshot;
            Ok(())
        }
        None => {
            snapshots.push(snapshot);
            Ok(())
        }
    }
}

/// The snapshot a `--since` value names: an exact label first; otherwise, for a
/// `YYYY-MM-DD` date, the latest snapshot taken on or before that day. `None` means the
/// latest snapshot.
pub fn find<'a>(
    snapshots: &'a [Snapshot],
    key: Option<&str>,
) -> Result<&'a Snapshot, SnapshotError> {
    let latest = || {
        snapshots
            .iter()
            .max_by_key(|s| s.taken_at)
            .ok_or(SnapshotError::NoSnapshots)
    };
    let Some(key) = key.map(str::trim) else {
        return latest();
    };
    if let Some(s) = snapshots.iter().rev().find(|s| s.label == key) {
        return Ok(s);
    }
    if snapshots.is_empty() {
        return Err(SnapshotError::NoSnapshots);
    }
    if let Ok(date) = NaiveDate::parse_from_str(key, "%Y-%m-%d") {
        // max_by_key keeps the last of equal keys: the later entry of two taken together.
        return snapshots
            .iter()
            .filter(|s| s.taken_at.date() <= date)
            .max_by_key(|s| s.taken_at)
            .ok_or_else(|| SnapshotError::NoneBefore {
                date,
                first: snapshots
                    .iter()
                    .map(|s| s.taken_at.date())
                    .min()
                    .unwrap_or(date),
            });
    }
    Err(SnapshotError::UnknownLabel {
        key: key.to_string(),
        available: snapshots
            .iter()
            .map(|s| s.label.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: u32, hour: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2021, 9, day)
            .and_then(|d| d.and_hms_opt(hour, 0, 0))
            .expect("valid time")
    }

    fn snap(label: &str, day: u32, hour: u32) -> Snapshot {
        Snapshot {
            label: label.into(),
            taken_at: at(day, hour),
            requirements: Vec::new(),
        }
    }

    #[test]
    fn find_by_label_then_date() {
        let list = vec![
            snap("第一周", 6, 9),
            snap("2021-09-13", 13, 9),
            snap("月中", 15, 9),
        ];
        assert_eq!(
            find(&list, Some("第一周")).map(|s| &s.label),
            Ok(&"第一周".into())
        );
        assert_eq!(find(&list, None).map(|s| &s.label), Ok(&"月中".into()));
        // A date that is also a label picks the label; any other date the latest before it.
        assert_eq!(
            find(&list, Some("2021-09-13")).map(|s| &s.label),
            Ok(&"2021-09-13".into())
        );
        assert_eq!(
            find(&list, Some("2021-09-14")).map(|s| &s.label),
            Ok(&"2021-09-13".into())
        );
        assert_eq!(
            find(&list, Some("2021-09-30")).map(|s| &s.label),
            Ok(&"月中".into())
        );
        let err = find(&list, Some("2021-09-01")).expect_err("too early");
        assert_eq!(
            err.to_string(),
            "no snapshot taken on or before 2021-09-01 (the first is from 2021-09-06)"
        );
        let err = find(&list, Some("上周")).expect_err("unknown");
        assert_eq!(
            err.to_string(),
            "no snapshot labelled `上周` (snapshots: 第一周, 2021-09-13, 月中)"
        );
        assert_eq!(find(&[], None), Err(SnapshotError::NoSnapshots));
    }

    #[test]
    fn remap_follows_moves_and_drops_removed() {
        let frozen = |id| Frozen {
            id,
            status: Status::Done,
            overdue: false,
            note_count: 0,
        };
        let mut list = vec![Snapshot {
            requirements: vec![frozen(ReqId::new(1, 1, 1)), frozen(ReqId::new(1, 1, 2))],
            ..snap("x", 6, 9)
        }];
        remap_ids(&mut list, |id| {
            (id.requirement == 2).then(|| ReqId::new(1, 1, 1))
        });
        assert_eq!(list[0].requirements, [frozen(ReqId::new(1, 1, 1))]);
    }

    #[test]
    fn add_rejects_duplicates_unless_replacing() {
        let mut list = Vec::new();
        add(&mut list, snap(" 第一周 ", 6, 9), false).expect("first");
        assert_eq!(list[0].label, "第一周");
        assert_eq!(
            add(&mut list, snap("第一周", 7, 9), false),
            Err(SnapshotError::Duplicate("第一周".into()))
        );
        add(&mut list, snap("第二周", 13, 9), false).expect("second");
        add(&mut list, snap("第一周", 7, 9), true).expect("replace");
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].taken_at, at(7, 9), "replaced in place");
        assert_eq!(
            add(&mut list, snap("  ", 7, 9), false),
            Err(SnapshotError::EmptyLabel)
        );
    }
}
