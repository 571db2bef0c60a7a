//! Property: whatever rows a revision inserts, deletes or edits a little, every requirement
//! it leaves as it was keeps its own progress, and no progress is lost.

use chrono::{NaiveDate, NaiveDateTime};
use duban::plan::generate::{GenOptions, generate_document};
use duban::plan::import::{compare_key, import_bytes};
use duban::plan::merge::merge;
use duban::plan::{Plan, ReqId, Requirement, Status};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Op {
    /// A new row before the requirement at this index (of the current list, wrapped).
    Insert(usize),
    Delete(usize),
    /// A small edit: words put in front, a character changed, a clause appended.
    Edit(usize, u8),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        any::<usize>().prop_map(Op::Insert),
        any::<usize>().prop_map(Op::Delete),
        (any::<usize>(), 0u8..3).prop_map(|(i, how)| Op::Edit(i, how)),
    ]
}

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2021, 9, 20)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .expect("time")
}

/// A row of the revision: text, units, deadline, and which old requirement it was if it is
/// that one unchanged.
#[derive(Debug, Clone)]
struct Row {
    text: String,
    units: String,
    deadline: String,
    unchanged: Option<usize>,
}

/// Item by item, the old plan's rows with `ops` applied.
fn revise(old: &Plan, ops: &[Op]) -> Vec<Vec<Row>> {
    let mut items: Vec<Vec<Row>> = Vec::new();
    let mut k = 0;
    for c in &old.categories {
        for i in &c.items {
            items.push(
                (i.requirements.iter())
                    .map(|r| {
                        k += 1;
                        Row {
                            text: r.text.clone(),
                            units: r.units_raw.clone(),
                            deadline: r.deadline_raw.clone(),
                            unchanged: Some(k - 1),
                        }
                    })
                    .collect(),
            );
        }
    }
    for (n, op) in ops.iter().enumerate() {
        let total: usize = items.iter().map(Vec::len).sum();
        if total == 0 {
            break;
        }
        let (at, how) = match *op {
            Op::Insert(at) | Op::Delete(at) => (at % total, 0),
            Op::Edit(at, how) => (at % total, how),
        };
        let (mut item, mut pos) = (0, at);
        while pos >= items[item].len() {
            pos -= items[item].len();
            item += 1;
        }
        let rows = &mut items[item];
        match op {
            Op::Insert(_) => rows.insert(
                pos,
                Row {
                    text: format!(
                        "新增第{n}条：开设政务公开专区，集中展示工作成果，方便群众查询。"
                    ),
                    units: "市政府办公室".into(),
                    deadline: "2021年12月底前".into(),
                    unchanged: None,
                },
            ),
            Op::Delete(_) => {
                rows.remove(pos);
            }
            Op::Edit(..) => {
                let row = &mut rows[pos];
                row.text = match how {
                    0 => format!("按时{}", row.text),
                    1 => row.text.replacen('，', "；", 1) + "。",
                    _ => format!("{}并报送进展情况。", row.text),
                };
                row.unchanged = None;
            }
        }
    }
    items
}

/// The revision as a plan of its own (fresh progress, ids numbered as an import would).
fn as_plan(old: &Plan, items: &[Vec<Row>]) -> Plan {
    let mut new = old.clone();
    let mut rows = items.iter();
    for c in &mut new.categories {
        for (i, item) in (1..).zip(&mut c.items) {
            let revised = rows.next().expect("an item per item");
            item.requirements = (1..)
                .zip(revised)
                .map(|(r, row)| {
                    let id = ReqId::new(c.number, i, r);
                    let (t, u, d) = (row.text.clone(), row.units.clone(), row.deadline.clone());
                    Requirement::new(id, t, u, d, old.year)
                })
                .collect();
        }
    }
    new
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn unchanged_requirements_keep_their_progress(
        size in 3usize..40,
        seed in 1u64..1000,
        ops in proptest::collection::vec(op(), 0..12),
    ) {
        let doc = generate_document(&GenOptions { requirements: size, year: 2021, seed });
        let mut old = import_bytes(doc.as_bytes(), "gen.txt").expect("imports");
        let texts: Vec<String> = old.requirements().map(|r| compare_key(&r.text)).collect();
        for (k, r) in old.requirements_mut().enumerate() {
            r.set_status(Status::Doing, now());
            r.add_note(&format!("#{k}"), now());
        }
        let items = revise(&old, &ops);
        let merged = merge(&old, as_plan(&old, &items), now());

        let marker = |r: &Requirement| -> Option<usize> {
            r.notes.first().and_then(|n| n.text.strip_prefix('#')?.parse().ok())
        };
        for (r, row) in merged.plan.requirements().zip(items.iter().flatten()) {
            let Some(k) = row.unchanged else { continue };
            // Its own progress, or that of an old requirement with the very same text.
            let got = marker(r);
            prop_assert!(
                got.is_some_and(|m| texts[m] == texts[k]),
                "{} (was #{k}) carries {got:?}", r.id
            );
            prop_assert_eq!(r.status, Status::Doing);
        }
        let mut kept: Vec<usize> = (merged.plan.requirements())
            .chain(merged.archived.iter().map(|a| &a.requirement))
            .filter_map(marker)
            .collect();
        kept.sort_unstable();
        prop_assert_eq!(kept, (0..texts.len()).collect::<Vec<_>>(), "progress lost or doubled");
    }
}
