//! Agenda, units workload, search and escalation on the seed plan.

use duban::plan::agenda::{Bucket, agenda, groups};
use duban::plan::escalation::{Escalation, EscalationRules, escalation};
use duban::plan::query::Filter;
use duban::plan::query::find_matches;
use duban::plan::workload::{UnitColumn, UnitRow, sort_rows, unit_requirements, workload};
use duban::plan::{DeadlineKind, Status};

use super::support::{at, date, id, seed, strs};

fn bucket_ids(rows: &[duban::plan::agenda::AgendaRow], b: Bucket) -> Vec<String> {
    rows.iter()
        .filter(|r| r.bucket == b)
        .map(|r| r.id.to_string())
        .collect()
}

#[test]
fn agenda_overdue_at_0920() {
    let rows = agenda(&seed(), date(2021, 9, 20), false);
    assert_eq!(
        bucket_ids(&rows, Bucket::Overdue),
        ["1.1.1", "1.3.1", "2.1.1", "2.2.3"]
    );
    // The first group is the overdue one, and 1.1.1 is the oldest.
    assert_eq!(rows[0].id, id("1.1.1"));
    assert_eq!(rows[0].days_left, Some(-36));
}

#[test]
fn agenda_order_and_groups() {
    let plan = seed();
    let rows = agenda(&plan, date(2021, 9, 20), false);
    let order: Vec<Bucket> = groups(&rows).iter().map(|(b, _)| *b).collect();
    let mut sorted = order.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(order, sorted, "each bucket appears once, in display order");
    for pair in rows.windows(2) {
        let key = |r: &duban::plan::agenda::AgendaRow| (r.bucket, r.due, r.id);
        assert!(key(&pair[0]) < key(&pair[1]), "{pair:?}");
    }
    // Requirements without a deadline are not in the agenda; every other one is.
    let dated = plan
        .requirements()
        .filter(|r| r.deadline.kind != DeadlineKind::None)
        .count();
    assert_eq!(rows.len(), dated);
    assert_eq!(bucket_ids(&rows, Bucket::Recurring), ["1.1.4", "2.4.1"]);
    assert!(
        rows.iter()
            .filter(|r| r.bucket == Bucket::Ongoing)
            .all(|r| r.due.is_none())
    );
}

#[test]
fn agenda_today_at_0930() {
    let rows = agenda(&seed(), date(2021, 9, 30), false);
    assert_eq!(bucket_ids(&rows, Bucket::Today), ["1.1.3", "4.1.1"]);
}

#[test]
fn done_hidden_unless_include_done() {
    let mut plan = seed();
    let today = date(2021, 9, 20);
    plan.get_mut(id("2.1.1"))
        .expect("exists")
        .set_status(Status::Done, at(today, 9));
    let rows = agenda(&plan, today, false);
    assert_eq!(
        bucket_ids(&rows, Bucket::Overdue),
        ["1.1.1", "1.3.1", "2.2.3"]
    );
    let all = agenda(&plan, today, true);
    assert!(all.iter().any(|r| r.id == id("2.1.1")));
    assert_eq!(all.len(), rows.len() + 1);
}

fn unit<'a>(rows: &'a [UnitRow], name: &str) -> &'a UnitRow {
    rows.iter()
        .find(|r| r.name == name)
        .unwrap_or_else(|| panic!("no unit {name}"))
}

#[test]
fn units_counts_on_the_seed() {
    let plan = seed();
    let today = date(2021, 9, 20);
    let rows = workload(&plan, today);
    let fin = unit(&rows, "市财政局");
    assert_eq!((fin.lead, fin.cooperating), (2, 0));
    assert_eq!((fin.overdue, fin.reports_outstanding), (0, 2));
    assert!(!fin.collective);
    let health = unit(&rows, "市卫体局");
    assert_eq!((health.lead, health.cooperating), (3, 0));
    assert_eq!(health.reports_outstanding, 1);
    let justice = unit(&rows, "市司法局");
    assert_eq!(
        (
            justice.lead,
            justice.cooperating,
            justice.reports_outstanding
        ),
        (2, 0, 1)
    );
    let towns = unit(&rows, "各镇（街道）");
    assert!(towns.collective);
    assert_eq!(towns.overdue, 4);
    assert_eq!(towns.oldest_overdue_days, Some(36));
    // Sorted by overdue, most first, then by name.
    assert!(rows.windows(2).all(|w| w[0].overdue >= w[1].overdue));
    let (lead, coop) = unit_requirements(&plan, "市财政局");
    assert_eq!(strs(&lead), ["1.1.3", "1.1.6"]);
    assert!(coop.is_empty());
}

#[test]
fn units_status_counts_follow_edits() {
    let mut plan = seed();
    let today = date(2021, 9, 20);
    let now = at(today, 9);
    plan.get_mut(id("1.1.6"))
        .expect("exists")
        .set_status(Status::Done, now);
    plan.get_mut(id("1.1.3"))
        .expect("exists")
        .set_status(Status::Blocked, now);
    let rows = workload(&plan, today);
    let fin = unit(&rows, "市财政局");
    assert_eq!((fin.done, fin.blocked, fin.doing), (1, 1, 0));
}

#[test]
fn units_sort_by_column() {
    let mut rows = workload(&seed(), date(2021, 9, 20));
    sort_rows(&mut rows, UnitColumn::Lead, true);
    assert!(rows.windows(2).all(|w| w[0].lead >= w[1].lead));
    assert_eq!(rows[0].lead, 19);
    sort_rows(&mut rows, UnitColumn::ReportsOutstanding, false);
    assert!(
        rows.windows(2)
            .all(|w| w[0].reports_outstanding <= w[1].reports_outstanding)
    );
    sort_rows(&mut rows, UnitColumn::Name, false);
    assert!(rows.windows(2).all(|w| w[0].name <= w[1].name));
}

#[test]
fn search_chinese_text_and_notes() {
    let mut plan = seed();
    let today = date(2021, 9, 20);
    let filter = Filter {
        search: Some("政策咨询".into()),
        ..Filter::default()
    };
    let ids: Vec<String> = filter
        .select(&plan, today)
        .iter()
        .map(|e| e.requirement.id.to_string())
        .collect();
    assert!(ids.contains(&"2.2.3".to_string()), "{ids:?}");
    assert!(ids.contains(&"2.2.4".to_string()), "{ids:?}");
    assert!(!ids.contains(&"1.1.1".to_string()));

    plan.get_mut(id("3.2.1"))
        .expect("exists")
        .add_note("已与印刷厂对接 Gazette", at(today, 9));
    let by_note = Filter {
        search: Some("gazette".into()),
        ..Filter::default()
    };
    let hits = by_note.select(&plan, today);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].requirement.id, id("3.2.1"));
    // Unit names are searched too, combined with the other conditions (AND).
    let by_unit = Filter {
        search: Some("司法局".into()),
        category: Some(1),
        ..Filter::default()
    };
    assert!(
        by_unit
            .select(&plan, today)
            .iter()
            .all(|e| e.requirement.units_raw.contains("司法局"))
    );
    let r = plan.get(id("2.2.4")).expect("exists");
    let ranges = find_matches(&r.text, "政策咨询");
    assert!(!ranges.is_empty());
    assert!(ranges.iter().all(|&(s, e)| &r.text[s..e] == "政策咨询"));
}

#[test]
fn escalation_on_the_seed() {
    let plan = seed();
    let rules = EscalationRules::default();
    let colour = |s: &str, today| escalation(plan.get(id(s)).expect("exists"), today, &rules);
    // 1.1.1 is 36 days late, 2.2.3 five; 1.1.3 is due 2021-09-30.
    assert_eq!(colour("1.1.1", date(2021, 9, 20)), Escalation::Red);
    assert_eq!(colour("2.2.3", date(2021, 9, 20)), Escalation::Yellow);
    assert_eq!(colour("1.1.3", date(2021, 9, 20)), Escalation::None);
    assert_eq!(colour("1.1.3", date(2021, 9, 23)), Escalation::Blue);
    assert_eq!(
        colour("2.5.1", date(2021, 9, 20)),
        Escalation::None,
        "ongoing"
    );
    let strict = EscalationRules {
        blue_within_days: 14,
        red_after_days: 3,
        ..EscalationRules::default()
    };
    let r = plan.get(id("2.2.3")).expect("exists");
    assert_eq!(escalation(r, date(2021, 9, 20), &strict), Escalation::Red);
    let r = plan.get(id("1.1.3")).expect("exists");
    assert_eq!(escalation(r, date(2021, 9, 20), &strict), Escalation::Blue);
}
