//! Two people on one store: the same requirement clashes (the second is told who, what,
//! when; the first is kept), different ones both land, and 50 writers lose nothing.

use duban::plan::{ReqId, Status};
use duban::store::State;
use duban::team::TeamError;

use super::support::db;

fn id(s: &str) -> ReqId {
    s.parse().expect("id")
}

fn at() -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2021, 10, 15)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .expect("time")
}

fn loaded(store: &duban::team::TeamStore) -> State {
    store.load().expect("load").expect("a workspace")
}

#[test]
fn the_same_requirement_clashes_and_the_first_edit_is_kept() {
    let Some(db) = db("the_same_requirement_clashes_and_the_first_edit_is_kept") else {
        return;
    };
    db.initialised();
    db.ok(&["set", "1.1.1", "doing"]);
    let (zhang, li) = (db.store("张三"), db.store("李四"));
    let (mut a, mut b) = (loaded(&zhang), loaded(&li));
    a.plan
        .get_mut(id("1.1.1"))
        .expect("req")
        .set_status(Status::Done, at());
    b.plan
        .get_mut(id("1.1.1"))
        .expect("req")
        .add_note("李四的备注", at());
    zhang.save(&a).expect("first save");
    let err = li.save(&b).expect_err("second save refused");
    let TeamError::Clash(clash) = &err else {
        panic!("not a clash: {err}")
    };
    assert_eq!(clash.what, "2021:1.1.1");
    assert_eq!(clash.by.as_deref(), Some("张三"));
    assert_eq!(clash.status.as_deref(), Some("done"));
    assert!(clash.at.is_some());
    let text = err.to_string();
    assert!(
        text.contains("张三") && text.contains("done") && text.contains("UTC"),
        "{text}"
    );
    // The first edit stands, the second wrote nothing (its note is not there).
    let now = loaded(&db.store("王五"));
    let r = now.plan.get(id("1.1.1")).expect("req");
    assert_eq!(r.status, Status::Done);
    assert!(r.notes.is_empty());
    // Reloaded, the second edit applies on top of the first.
    let mut c = loaded(&li);
    c.plan
        .get_mut(id("1.1.1"))
        .expect("req")
        .add_note("重做", at());
    li.save(&c).expect("after reloading it applies");
}

#[test]
fn different_requirements_never_clash() {
    let Some(db) = db("different_requirements_never_clash") else {
        return;
    };
    db.initialised();
    db.ok(&["note", "1.1.1", "起点"]);
    let (zhang, li) = (db.store("张三"), db.store("李四"));
    let (mut a, mut b) = (loaded(&zhang), loaded(&li));
    a.plan
        .get_mut(id("1.1.1"))
        .expect("req")
        .set_status(Status::Doing, at());
    b.plan
        .get_mut(id("1.2.1"))
        .expect("req")
        .set_status(Status::Blocked, at());
    zhang.save(&a).expect("one");
    li.save(&b).expect("other");
    let now = loaded(&db.store("王五"));
    assert_eq!(now.plan.get(id("1.1.1")).expect("r").status, Status::Doing);
    assert_eq!(
        now.plan.get(id("1.2.1")).expect("r").status,
        Status::Blocked
    );
    assert_eq!(now.plan.get(id("1.1.1")).expect("r").notes.len(), 1);
}

#[test]
fn fifty_writers_times_twenty_edits_lose_nothing() {
    let Some(db) = db("fifty_writers_times_twenty_edits_lose_nothing") else {
        return;
    };
    db.initialised();
    db.ok(&["note", "1.1.1", "起点"]);
    db.ok(&[
        "import",
        concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/yongji-2021-plan.txt"),
        "--as",
        "第二份",
    ]);
    let state = loaded(&db.store("x"));
    let ids: Vec<(String, ReqId)> = state
        .plans()
        .iter()
        .flat_map(|p| p.plan.requirements().map(|r| (p.name.clone(), r.id)))
        .collect();
    std::thread::scope(|s| {
        for w in 0..50 {
            let store = db.store(&format!("writer{w}"));
            // Most writers have a requirement of their own; four share two, so clashes
            // happen and are retried on a fresh load.
            let (plan, target) = ids[w % 48].clone();
            s.spawn(move || {
                for k in 0..20 {
                    loop {
                        let mut state = loaded(&store);
                        state.focus(&plan).expect("plan");
                        let r = state.plan.get_mut(target).expect("req");
                        r.add_note(&format!("w{w}-{k}"), at());
                        match store.save(&state) {
                            Ok(()) => break,
                            Err(TeamError::Clash(_)) => {}
                            Err(e) => panic!("writer {w}: {e}"),
                        }
                    }
                }
            });
        }
    });
    let state = loaded(&db.store("x"));
    let mut notes: Vec<String> = state
        .plans()
        .iter()
        .flat_map(|p| p.plan.requirements())
        .flat_map(|r| r.notes.iter().map(|n| n.text.clone()))
        .filter(|t| t.starts_with('w'))
        .collect();
    notes.sort();
    let mut expected: Vec<String> = (0..50)
        .flat_map(|w| (0..20).map(move |k| format!("w{w}-{k}")))
        .collect();
    expected.sort();
    assert_eq!(notes, expected);
    let history: i64 = db
        .store("x")
        .client()
        .query_one("SELECT count(*) FROM duban.history", &[])
        .expect("n")
        .get(0);
    assert_eq!(history, 1000 + 1);
}
