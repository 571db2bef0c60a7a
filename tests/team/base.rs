//! The base a save compares with: built from the rows on a thread of its own after a load,
//! holding stored fields only. A save after a load must write exactly what changed — a
//! base off by a position or a field would rewrite rows nobody touched (and so bump their
//! versions under other people's open dashboards).

use std::collections::BTreeMap;

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
