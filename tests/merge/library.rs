//! `merge` on the real seed and its revision, and the archive surviving a save and load.

use chrono::NaiveDate;
use duban::plan::import::{self, import_bytes};
use duban::plan::merge::merge;
use duban::plan::{Plan, ReqId, Status};
use duban::store::{State, Store};

use super::support::{EDITED, INSERTED, REDATED, REMOVED, revised_seed_md};

fn id(s: &str) -> ReqId {
    s.parse().expect("id")
}

fn now() -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2021, 9, 20)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .expect("time")
}

/// The seed with progress on the requirements the revision touches.
fn seed_with_progress() -> Plan {
    let mut p = import::builtin();
    let at = now();
    for (i, status, note) in [
        ("1.1.2", Status::Done, "规划已全部公开"),
        ("1.1.5", Status::Doing, "已梳理清单"),
        ("1.1.6", Status::Blocked, "等待财政数据"),
        ("3.2.1", Status::Done, ""),
        ("6.3.1", Status::Doing, ""),
    ] {
        let r = p.get_mut(id(i)).expect("seed id");
        r.set_status(status, at);
        if !note.is_empty() {
            r.add_note(note, at);
        }
    }
    p
}

#[test]
fn the_revision_keeps_all_progress() {
    let old = seed_with_progress();
    let new = import_bytes(revised_seed_md().as_bytes(), "revised.md").expect("revision imports");
    assert_eq!(new.requirement_count(), 35);
    let merged = merge(&old, new, now());
    let (p, r) = (&merged.plan, &merged.report);

    let status = |i: &str| p.get(id(i)).map(|r| (r.status, r.notes.len()));
    assert_eq!(p.get(id("1.1.2")).map(|r| r.text.as_str()), Some(INSERTED));
    assert_eq!(status("1.1.2"), Some((Status::Todo, 0)));
    assert_eq!(
        status("1.1.3"),
        Some((Status::Done, 1)),
        "1.1.2 moved down one"
    );
    assert_eq!(
        status("1.1.6"),
        Some((Status::Blocked, 1)),
        "reworded, same id"
    );
    assert!(
        p.get(id("1.1.6"))
            .is_some_and(|r| r.text.starts_with(EDITED))
    );
    assert_eq!(status("3.2.1"), Some((Status::Done, 0)));
    assert_eq!(
        p.get(id("3.2.1")).map(|r| r.deadline_raw.as_str()),
        Some("2021年10月底前完成")
    );
    assert!(
        p.get(id("3.2.1"))
            .is_some_and(|r| r.text.starts_with(REDATED))
    );
    assert_eq!(status("6.3.1"), Some((Status::Doing, 0)));

    assert_eq!(r.added.len(), 1);
    assert_eq!(r.removed.len(), 1);
    assert_eq!(
        (r.moved(), r.text_changed(), r.deadline_changed()),
        (3, 1, 1)
    );
    assert_eq!(r.unchanged, 34 - 5, "34 matched, 5 of them changed");

    let archived = &merged.archived[0];
    assert_eq!(archived.requirement.id, id("1.1.5"));
    assert!(archived.requirement.text.starts_with(REMOVED));
    assert_eq!(archived.requirement.status, Status::Doing);
    assert_eq!(archived.item, "加强转型发展政策主动公开");

    // No progress lost: every status, note and history entry is somewhere.
    let trail = |reqs: &mut dyn Iterator<Item = &duban::plan::Requirement>| {
        reqs.map(|r| r.notes.len() + r.history.len()).sum::<usize>()
    };
    let before = trail(&mut old.requirements());
    let after =
        trail(&mut p.requirements()) + trail(&mut merged.archived.iter().map(|a| &a.requirement));
    assert_eq!(before, after);
}

#[test]
fn the_archive_survives_saving_and_loading() {
    let merged = merge(
        &seed_with_progress(),
        import_bytes(revised_seed_md().as_bytes(), "revised.md").expect("imports"),
        now(),
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::new(dir.path().join("state.json"));
    let mut state = State::new(merged.plan);
    state.archived = merged.archived;
    state.merge_notice = Some("合并了新版计划".into());
    store.save(&state).expect("save");
    let loaded = store.load().expect("load").expect("present");
    assert_eq!(loaded, state);
    // Derived fields are recomputed for archived requirements too.
    assert!(!loaded.archived[0].requirement.units.lead.is_empty());
    assert!(loaded.has_progress());
}

#[test]
fn merging_the_same_plan_again_changes_nothing() {
    let old = seed_with_progress();
    let again = merge(&old, import::builtin(), now());
    assert!(again.report.is_empty());
    assert_eq!(again.plan.categories, old.categories);
}
