//! The agenda and units table updated edit by edit equal a full rebuild (issue #7: an edit
//! in those views must not rebuild them from the whole plan).

use chrono::NaiveDate;
use duban::plan::agenda::{self, agenda};
use duban::plan::generate::{GenOptions, generate_document};
use duban::plan::import::import_bytes;
use duban::plan::reporting;
use duban::plan::workload::{Workload, unit_requirements, workload};
use duban::plan::{Plan, ReqId, Status};
use proptest::prelude::*;

fn plan() -> Plan {
    let doc = generate_document(&GenOptions {
        requirements: 300,
        ..GenOptions::default()
    });
    import_bytes(doc.as_bytes(), "gen.txt").expect("imports")
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 9, 20).expect("valid date")
}

const STATUSES: [Status; 4] = [Status::Todo, Status::Doing, Status::Done, Status::Blocked];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Random edits (status changes, reports submitted), a few requirements at a time.
    #[test]
    fn incremental_equals_rebuild(
        steps in prop::collection::vec(
            prop::collection::vec((0usize..300, 0usize..4, any::<bool>()), 1..4),
            1..12,
        ),
        include_done in any::<bool>(),
    ) {
        let mut plan = plan();
        let ids: Vec<ReqId> = plan.requirements().map(|r| r.id).collect();
        let mut rows = agenda(&plan, today(), include_done);
        let mut units = Workload::new(&plan, today());
        prop_assert_eq!(units.rows(), workload(&plan, today()));
        for step in steps {
            let touched: Vec<ReqId> = step.iter().map(|&(i, _, _)| ids[i % ids.len()]).collect();
            for (&id, &(_, s, report)) in touched.iter().zip(&step) {
                let r = plan.get_mut(id).expect("exists");
                r.status = STATUSES[s];
                if report {
                    let _ = reporting::submit_report(r, today(), None, today().and_hms_opt(9, 0, 0).expect("time"));
                }
            }
            agenda::update(&mut rows, &plan, &touched, today(), include_done);
            prop_assert_eq!(&rows, &agenda(&plan, today(), include_done));
            prop_assert!(units.update(&plan, &touched));
            prop_assert_eq!(units.rows(), workload(&plan, today()));
        }
        for row in workload(&plan, today()) {
            prop_assert_eq!(units.unit_requirements(&row.name), unit_requirements(&plan, &row.name));
        }
    }
}

/// A requirement naming other units than indexed makes the index ask for a rebuild.
#[test]
fn changed_units_ask_for_a_rebuild() {
    let mut plan = plan();
    let mut units = Workload::new(&plan, today());
    let id = plan.requirements().map(|r| r.id).next().expect("one");
    let other = plan
        .requirements()
        .find(|r| r.units != plan.get(id).expect("exists").units)
        .map(|r| r.units.clone())
        .expect("different units");
    plan.get_mut(id).expect("exists").units = other;
    assert!(!units.update(&plan, &[id]));
}
