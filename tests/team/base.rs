//! The base a save compares with: built from the rows on a thread of its own after a load,
//! holding stored fields only. A save after a load must write exactly what changed — a
//! base off by a position or a field would rewrite rows nobody touched (and so bump their
//! versions under other people's open dashboards).

use std::collections::BTreeMap;

use duban::plan::generate::{GenOptions, generate_document};

use super::support::{Db, db, succeed};

/// Every row's version, by table and key, and the history's row count.
fn versions(db: &Db) -> (BTreeMap<String, i64>, i64) {
    let store = db.store("x");
    let mut client = store.client();
    let rows = client
        .query(
            "SELECT plan || ':' || id, version FROM duban.requirements
             UNION ALL SELECT 'plan ' || name || ':' || removed, version FROM duban.plans",
            &[],
        )
        .expect("rows");
    let history: i64 = client
        .query_one("SELECT count(*) FROM duban.history", &[])
        .expect("count")
        .get(0);
    (rows.iter().map(|r| (r.get(0), r.get(1))).collect(), history)
}

#[test]
fn a_save_after_a_load_writes_only_the_row_that_changed() {
    let Some(db) = db("a_save_after_a_load_writes_only_the_row_that_changed") else {
        return;
    };
    db.initialised();
    // History, notes, a review, snapshots, a hand-added requirement, a second plan and a
    // removed one: every kind of stored field the base holds.
    super::cli::workspace(&db, "mine.json");
    let mine = db.file("mine.json");
    succeed(db.cmd().arg("--state").arg(&mine).args(["store", "push"]));
    let (before, history) = versions(&db);
    assert!(before.len() > 35 && history >= 4, "{before:?} {history}");

    db.ok(&["set", "2021:3.1.1", "doing"]);
    let (after, history_after) = versions(&db);
    let changed: Vec<_> = (after.iter())
        .filter(|(k, v)| before.get(*k) != Some(v))
        .map(|(k, v)| (k.clone(), before.get(k).copied(), *v))
        .collect();
    assert_eq!(
        changed,
        vec![(
            "2021:3.1.1".to_string(),
            before.get("2021:3.1.1").copied(),
            before["2021:3.1.1"] + 1
        )],
        "only the edited row is written"
    );
    assert_eq!(history_after, history + 1);
}

#[test]
fn a_large_workspace_s_base_built_on_its_own_thread_is_exact() {
    let Some(db) = db("a_large_workspace_s_base_built_on_its_own_thread_is_exact") else {
        return;
    };
    // Enough rows for the base to be built on a thread of its own.
    let doc = generate_document(&GenOptions {
        requirements: 3000,
        ..GenOptions::default()
    });
    let plan = duban::plan::import::import_bytes(doc.as_bytes(), "gen.txt").expect("imports");
    let pushed = duban::store::State::new(plan);
    db.initialised().save(&pushed).expect("pushed");
    let (before, history) = versions(&db);

    let store = db.store("张三");
    let mut state = store.load().expect("loads").expect("workspace");
    let id = (state.plan.requirements())
        .nth(2500)
        .map(|r| r.id)
        .expect("a requirement");
    let now = chrono::NaiveDate::from_ymd_opt(2021, 10, 15)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("time");
    (state.plan.get_mut(id).expect("requirement")).set_status(duban::plan::Status::Doing, now);
    store.save(&state).expect("saves");
    let (after, history_after) = versions(&db);
    let key = format!("{}:{}", state.name, id);
    let changed: Vec<&String> = (after.keys())
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    assert_eq!(changed, vec![&key], "only the edited row is written");
    assert_eq!(after[&key], before[&key] + 1);
    assert_eq!(history_after, history + 1);
}
