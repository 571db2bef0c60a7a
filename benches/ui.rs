//! Dashboard benchmarks on generated plans of 1,000, 10,000 and 100,000 requirements: the
//! first frame (with and without loading the state file), a keystroke and its frame, and a
//! status change with and without saving it to disk. Frames are drawn at 160×48 into a
//! ratatui `TestBackend`, so terminal output is not included.
//!
//! ```text
//! cargo bench --bench ui -- --warm-up-time 1 --measurement-time 3
//! ```

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BatchSize, BenchmarkId, Criterion};
use duban::app::{Action, App, Discard, Edit, Persist};
use duban::store::{State, Store};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use common::{Fixture, fixtures, now, today, toggle_status};

const WIDTH: u16 = 160;
const HEIGHT: u16 = 48;

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test terminal")
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal
        .draw(|frame| duban::ui::draw(frame, app))
        .expect("draw");
}

fn app(state: State, store: Box<dyn Persist>) -> App {
    App::new(state, store, today())
}

fn first_frame(c: &mut Criterion, sizes: &[Fixture]) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut g = c.benchmark_group("first_frame");
    for f in sizes {
        g.sample_size(f.samples());
        // App::new + one draw, the state already in memory (the clone is not measured).
        g.bench_with_input(BenchmarkId::new("in_memory", f.n), f, |b, f| {
            b.iter_batched(
                || f.state().clone(),
                |state| {
                    let mut t = terminal();
                    let app = app(state, Box::new(Discard));
                    draw(&mut t, &app);
                    app
                },
                BatchSize::LargeInput,
            );
        });
        // What `duban` does before the first frame: load the state file, build the app, draw.
        let store = Store::new(dir.path().join(format!("state-{}.json", f.n)));
        g.bench_with_input(BenchmarkId::new("from_file", f.n), f, |b, f| {
            store.save(f.state()).expect("saves");
            // The app is dropped after timing, as the dashboard keeps it.
            b.iter_with_large_drop(|| {
                let state = store.load().expect("loads").expect("exists");
                let mut t = terminal();
                let app = app(state, Box::new(store.clone()));
                draw(&mut t, &app);
                app
            });
        });
    }
}

/// Down then Up, alternately: each iteration is one keystroke and its frame.
fn keystroke(c: &mut Criterion, sizes: &[Fixture]) {
    let mut g = c.benchmark_group("keystroke");
    for f in sizes {
        g.sample_size(f.samples());
        g.bench_with_input(BenchmarkId::new("move", f.n), f, |b, f| {
            let mut app = app(f.state().clone(), Box::new(Discard));
            let mut t = terminal();
            draw(&mut t, &app);
            let mut down = true;
            b.iter(|| {
                let action = if down { Action::Down } else { Action::Up };
                down = !down;
                app.update(action, now());
                draw(&mut t, &app);
            });
        });
        g.bench_with_input(BenchmarkId::new("toggle_update", f.n), f, |b, f| {
            toggles(b, f, false, None);
        });
        g.bench_with_input(BenchmarkId::new("toggle_frame", f.n), f, |b, f| {
            toggles(b, f, true, None);
        });
        let dir = tempfile::tempdir().expect("tempdir");
        // One store for every sample (criterion calls the routine once per sample): a new
        // one would know nothing of the file and rewrite it whole on its first save.
        let store = Store::new(dir.path().join("state.json"));
        g.bench_with_input(BenchmarkId::new("toggle_saved", f.n), f, |b, f| {
            toggles(b, f, true, Some(&store));
        });
    }
}

/// A status change (done ↔ todo, see [`toggle_status`]): `update` alone or with a frame after
/// each key, saving to `store` or nowhere. Every change appends to the requirement's history,
/// which a save writes out, so when saving the app is rebuilt (untimed) every 64 changes to
/// keep the file the size it started at.
fn toggles(b: &mut criterion::Bencher<'_>, f: &Fixture, with_frame: bool, store: Option<&Store>) {
    let rebuild_every = if store.is_some() { 64 } else { u64::MAX };
    b.iter_custom(|iters| {
        let mut total = Duration::ZERO;
        let mut left = iters;
        while left > 0 {
            let persist: Box<dyn Persist> = match store {
                Some(s) => Box::new(s.clone()),
                None => Box::new(Discard),
            };
            let mut app = app(f.state().clone(), persist);
            let mut t = terminal();
            draw(&mut t, &app);
            for _ in 0..left.min(rebuild_every) {
                let start = Instant::now();
                toggle_status(&mut app, |app| {
                    if with_frame {
                        draw(&mut t, app);
                    }
                });
                total += start.elapsed();
            }
            left = left.saturating_sub(rebuild_every);
            black_box(app);
        }
        total
    });
}

/// Incremental search: `/`, then each typed or erased character refilters the whole plan and
/// draws. One iteration is one keystroke and its frame; the query cycles through typing
/// 政务公开 and erasing it again.
fn search(c: &mut Criterion, sizes: &[Fixture]) {
    let keys: Vec<Edit> = "政务公开"
        .chars()
        .map(Edit::Insert)
        .chain(std::iter::repeat_n(Edit::Backspace, 4))
        .collect();
    let mut g = c.benchmark_group("search");
    for f in sizes {
        g.sample_size(f.samples());
        g.bench_with_input(BenchmarkId::new("type", f.n), f, |b, f| {
            let mut app = app(f.state().clone(), Box::new(Discard));
            let mut t = terminal();
            app.update(Action::Search, now());
            app.update(Action::Edit(Edit::Insert('政')), now());
            assert!(app.matches().is_some(), "typing filters");
            app.update(Action::Edit(Edit::Backspace), now());
            draw(&mut t, &app);
            let mut next = keys.iter().cycle();
            b.iter(|| {
                let key = next.next().expect("cycles").clone();
                app.update(Action::Edit(key), now());
                draw(&mut t, &app);
            });
        });
    }
}

fn main() {
    let sizes = fixtures();
    let mut c = Criterion::default().configure_from_args();
    first_frame(&mut c, &sizes);
    keystroke(&mut c, &sizes);
    search(&mut c, &sizes);
    c.final_summary();
}
