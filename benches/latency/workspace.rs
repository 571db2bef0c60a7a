//! A workspace of 20 plans × 5,000 requirements (issue #20): start to first frame against
//! one plan of 100,000, the first frame of 全部 (every plan: `{` from the first, which
//! counts every plan's categories), and switching plans (`}` and its frame, 全部 among
//! them), median / p99 / max.

use std::path::Path;

use duban::app::{Action, App, Discard};
use duban::plan::generate::{GenOptions, generate_document};
use duban::plan::import::import_bytes;
use duban::store::{PlanState, State, Store};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::common::{now, today};
use super::{draw, spread, timed};

const PLANS: usize = 20;
const EACH: usize = 5_000;
const STARTS: usize = 7;
const SWITCHES: usize = 400;

fn generated(requirements: usize, seed: u64) -> duban::plan::Plan {
    let doc = generate_document(&GenOptions {
        requirements,
        seed,
        ..GenOptions::default()
    });
    import_bytes(doc.as_bytes(), "gen.txt").expect("imports")
}

pub fn measure() {
    let dir = tempfile::tempdir().expect("tempdir");
    let several = dir.path().join("workspace.json");
    let one = dir.path().join("one.json");
    {
        let mut state = State::new(generated(EACH, 1));
        state.plans_mut()[0].name = "计划01".into();
        for i in 2..=PLANS {
            let plan = generated(EACH, i as u64);
            state
                .add(PlanState::new(format!("计划{i:02}"), plan))
                .expect("adds");
        }
        state.focus("计划01").expect("exists");
        Store::new(&several).save(&state).expect("saves");
        Store::new(&one)
            .save(&State::new(generated(PLANS * EACH, 1)))
            .expect("saves");
    }
    let label = format!("{PLANS}×{EACH}");
    let mut first = starts(&several, false);
    let (median, p99, max) = spread(&mut first);
    println!(
        "{label:>9}  {:<14}  {median:>9}  {p99:>9}  {max:>9}",
        "first frame"
    );
    let mut first = starts(&several, true);
    let (median, p99, max) = spread(&mut first);
    println!(
        "{label:>9}  {:<14}  {median:>9}  {p99:>9}  {max:>9}",
        "first of 全部"
    );
    let mut first = starts(&one, false);
    let (median, p99, max) = spread(&mut first);
    println!(
        "{:>9}  {:<14}  {median:>9}  {p99:>9}  {max:>9}",
        PLANS * EACH,
        "first frame"
    );

    let store = Store::new(&several);
    let state = store.load().expect("loads").expect("exists");
    let mut app = App::new(state, Box::new(Discard), today());
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("test terminal");
    draw(&mut terminal, &app);
    let mut switches: Vec<_> = (0..SWITCHES)
        .map(|_| {
            timed(|| {
                app.update(Action::NextPlan, now());
                draw(&mut terminal, &app);
            })
        })
        .collect();
    assert_eq!(
        app.total_counts().total,
        EACH,
        "a plan of the workspace is shown"
    );
    let (median, p99, max) = spread(&mut switches);
    println!(
        "{label:>9}  {:<14}  {median:>9}  {p99:>9}  {max:>9}",
        "switch plan"
    );
}

/// Load the file, build the app (showing 全部 when `all`), draw the first frame: `STARTS`
/// times.
fn starts(path: &Path, all: bool) -> Vec<std::time::Duration> {
    let store = Store::new(path);
    (0..STARTS)
        .map(|_| {
            let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("test terminal");
            let mut app = None;
            let t = timed(|| {
                let state = store.load().expect("loads").expect("exists");
                let mut a = App::new(state, Box::new(Discard), today());
                if all {
                    a.update(Action::PrevPlan, now());
                    assert!(a.all_plans(), "全部 is shown");
                }
                draw(&mut terminal, &a);
                app = Some(a);
            });
            drop(app);
            t
        })
        .collect()
}
