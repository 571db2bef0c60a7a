//! Fixtures shared by the benches: generated plans at each size (built lazily, once, in
//! memory; nothing is cached on disk), a fixed reference date, and a store that discards saves.

#![allow(dead_code)] // Each bench target uses a different part of this module.

use std::sync::OnceLock;

use chrono::{NaiveDate, NaiveDateTime};
use duban::app::{Action, App};
use duban::plan::Status;
use duban::plan::generate::{GenOptions, generate_document};
use duban::plan::import::import_bytes;
use duban::store::State;

/// Plan sizes in requirements.
pub const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

/// The generated plan's year is 2021; late September leaves deadlines on both sides.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 9, 20).expect("valid date")
}

pub fn now() -> NaiveDateTime {
    today().and_hms_opt(10, 0, 0).expect("valid time")
}

/// One plan size: the document and its imported state, built on first use so a filtered run
/// pays only for the sizes it measures.
pub struct Fixture {
    pub n: usize,
    doc: OnceLock<String>,
    state: OnceLock<State>,
}

impl Fixture {
    pub fn doc(&self) -> &str {
        self.doc.get_or_init(|| {
            generate_document(&GenOptions {
                requirements: self.n,
                ..GenOptions::default()
            })
        })
    }

    pub fn state(&self) -> &State {
        self.state.get_or_init(|| {
            let plan =
                import_bytes(self.doc().as_bytes(), "gen.txt").expect("generated plan imports");
            assert_eq!(plan.requirement_count(), self.n);
            State::new(plan)
        })
    }

    /// Criterion's sample size for this size: 100 by default, 10 for the largest plans.
    pub fn samples(&self) -> usize {
        if self.n >= 100_000 { 10 } else { 100 }
    }
}

pub fn fixtures() -> Vec<Fixture> {
    SIZES.iter().map(|&n| fixture(n)).collect()
}

/// One plan size outside [`SIZES`] (the merge bench adds 4,000, where all-pairs matching
/// already took seconds).
pub fn fixture(n: usize) -> Fixture {
    Fixture {
        n,
        doc: OnceLock::new(),
        state: OnceLock::new(),
    }
}

/// Space on the selected requirement: done ↔ todo, saved. Marking done first asks for an
/// optional completion note (办结说明), so that direction is two keys, Space then Enter;
/// `after_key` runs after each (to draw a frame).
pub fn toggle_status(app: &mut App, mut after_key: impl FnMut(&App)) {
    let was_done = app
        .selected_requirement()
        .is_some_and(|r| r.status == Status::Done);
    app.update(Action::ToggleDone, now());
    after_key(app);
    if !was_done {
        app.update(Action::SubmitNote, now());
        after_key(app);
    }
    let done = app
        .selected_requirement()
        .is_some_and(|r| r.status == Status::Done);
    assert_ne!(was_done, done, "the status changed");
    assert!(!app.unsaved(), "the change was saved");
}
