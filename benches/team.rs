//! The team store on a local PostgreSQL server (issue #21): start to first frame at 10,000
//! and 100,000 requirements against the JSON file, an edit committed (the dashboard's one
//! row transaction, and a CLI command's whole-state save), and a change seen by a second
//! listening store (median, 99th percentile, maximum, which criterion does not show).
//!
//! ```text
//! cargo bench --bench team                     # every measure, both sizes
//! DUBAN_BENCH_SIZES=10000 cargo bench --bench team   # one size
//! ```
//!
//! The server is libpq's default (the PG environment, as psql); without one the bench says
//! so and measures nothing. It makes a database of its own and drops it at the end.

mod common;

use std::time::{Duration, Instant};

use criterion::Criterion;
use duban::app::{App, Discard};
use duban::plan::Status;
use duban::plan::generate::{GenOptions, generate_document};
use duban::plan::import::import_bytes;
use duban::store::{State, Store};
use duban::team::TeamStore;
use duban::team::conninfo::{Conninfo, process_env};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use common::{now, today};

const SEEN_SAMPLES: usize = 200;

/// The bench's own database, dropped when it goes out of scope.
struct Db {
    admin: Conninfo,
    conninfo: Conninfo,
    name: String,
    /// Outbox files of the listening stores, not beside the real config.
    outbox: tempfile::TempDir,
}

impl Db {
    fn create() -> Option<Db> {
        let admin = Conninfo::parse("dbname=postgres", &process_env).expect("conninfo");
        let mut client = match admin.connect() {
            Ok(c) => c,
            Err(e) => {
                eprintln!("team bench skipped: no PostgreSQL server ({e})");
                return None;
            }
        };
        let name = format!("duban_bench_{}", std::process::id());
        client
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .expect("create database");
        Some(Db {
            conninfo: admin.with_dbname(&name),
            admin,
            name,
            outbox: tempfile::tempdir().expect("tempdir"),
        })
    }

    /// A store whose outbox (should a listening one keep edits) is the bench's own.
    fn store(&self, user: &str) -> TeamStore {
        let store = TeamStore::connect(self.conninfo.clone(), Some(user.into())).expect("connect");
        store.set_outbox_dir(self.outbox.path().to_path_buf());
        store
    }
}

impl Drop for Db {
    fn drop(&mut self) {
        if let Ok(mut c) = self.admin.connect() {
            let _ = c.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

fn main() {
    // Criterion reads the command line; the sizes come from the environment.
    let sizes: Vec<usize> = std::env::var("DUBAN_BENCH_SIZES").map_or_else(
        |_| vec![10_000, 100_000],
        |v| v.split(',').filter_map(|s| s.trim().parse().ok()).collect(),
    );
    let Some(db) = Db::create() else {
        return;
    };
    let mut c = Criterion::default()
        .configure_from_args()
        .measurement_time(Duration::from_secs(10))
        .warm_up_time(Duration::from_secs(1));
    let mut seen = Vec::new();
    for n in sizes {
        let state = generated(n);
        let dir = tempfile::tempdir().expect("tempdir");
        let file = Store::new(dir.path().join("state.json"));
        file.save(&state).expect("saves the file");
        // One store per size: the previous size's rows go first.
        db.store("bench")
            .client()
            .batch_execute("DROP SCHEMA IF EXISTS duban CASCADE")
            .expect("drop schema");
        let team = db.store("bench");
        team.init().expect("init");
        team.save(&state).expect("pushes the plan");
        first_frame(&mut c, n, &file, &team);
        edits(&mut c, n, &team);
        seen.push((n, seen_by_second(&db, &team)));
    }
    c.final_summary();
    println!(
        "{:>9}  {:<14}  {:>9}  {:>9}  {:>9}   (ms)",
        "reqs", "measure", "median", "p99", "max"
    );
    for (n, mut samples) in seen {
        samples.sort();
        let at = |q: usize| ms(samples[(samples.len() * q / 100).min(samples.len() - 1)]);
        let max = samples.last().copied().map_or_else(String::new, ms);
        println!(
            "{n:>9}  {:<14}  {:>9}  {:>9}  {max:>9}",
            "seen by other",
            at(50),
            at(99)
        );
    }
}

fn generated(n: usize) -> State {
    let doc = generate_document(&GenOptions {
        requirements: n,
        ..GenOptions::default()
    });
    State::new(import_bytes(doc.as_bytes(), "gen.txt").expect("generated plan imports"))
}

/// Load and draw the first frame, as `duban` does before it shows anything. Each start is
/// timed on a quiet machine, as a real start is: what a load leaves running (the team
/// store's base being built) is waited for, and the workspace freed, outside the timing.
fn first_frame(c: &mut Criterion, n: usize, file: &Store, team: &TeamStore) {
    let mut group = c.benchmark_group(format!("first frame/{n}"));
    group.sample_size(10);
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("test terminal");
    group.bench_function("json file", |b| {
        let load = || file.load().expect("loads").expect("exists");
        b.iter_custom(|iters| starts(iters, || frame(&mut terminal, load()), || {}));
    });
    group.bench_function("team store", |b| {
        let load = || team.load().expect("loads").expect("exists");
        b.iter_custom(|iters| starts(iters, || frame(&mut terminal, load()), || team.settle()));
    });
    group.finish();
}

/// The dashboard on `state`, its first frame drawn.
fn frame(terminal: &mut Terminal<TestBackend>, state: State) -> App {
    let app = App::new(state, Box::new(Discard), today());
    draw(terminal, &app);
    app
}

/// `iters` starts, each timed to its first frame; the dashboard is dropped (and the store
/// settled) after the clock stops.
fn starts(iters: u64, mut start: impl FnMut() -> App, mut settle: impl FnMut()) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        let clock = Instant::now();
        let app = start();
        total += clock.elapsed();
        settle();
        drop(app);
    }
    total
}

/// A status change committed: the dashboard's one-row transaction, and a CLI command's
/// save of the whole state compared with its base.
fn edits(c: &mut Criterion, n: usize, team: &TeamStore) {
    let mut group = c.benchmark_group(format!("edit committed/{n}"));
    let mut state = team.load().expect("loads").expect("exists");
    let ids: Vec<_> = state.plan.requirements().map(|r| r.id).take(100).collect();
    let mut k = 0usize;
    group.bench_function("dashboard edit", |b| {
        b.iter(|| {
            let id = ids[k % ids.len()];
            k += 1;
            let before = state.plan.get(id).expect("req").clone();
            toggle(&mut state, id);
            team.save_edit(&mut state, &[before]).expect("commits");
        });
    });
    group.sample_size(20);
    group.bench_function("cli save", |b| {
        b.iter(|| {
            toggle(&mut state, ids[k % ids.len()]);
            k += 1;
            team.save(&state).expect("commits");
        });
    });
    group.finish();
}

fn toggle(state: &mut State, id: duban::plan::ReqId) {
    let r = state.plan.get_mut(id).expect("req");
    let to = if r.status == Status::Doing {
        Status::Todo
    } else {
        Status::Doing
    };
    r.set_status(to, now());
}

/// From the start of one store's save to a second, listening store having the change in
/// its state, as a dashboard's next tick would.
fn seen_by_second(db: &Db, team: &TeamStore) -> Vec<Duration> {
    let other = db.store("other");
    let mut theirs = other.load().expect("loads").expect("exists");
    other.listen().expect("listens");
    let mut mine = team.load().expect("loads").expect("exists");
    let ids: Vec<_> = mine.plan.requirements().map(|r| r.id).take(50).collect();
    let mut samples = Vec::with_capacity(SEEN_SAMPLES);
    for k in 0..SEEN_SAMPLES {
        let id = ids[k % ids.len()];
        let before = mine.plan.get(id).expect("req").clone();
        toggle(&mut mine, id);
        let start = Instant::now();
        team.save_edit(&mut mine, &[before]).expect("commits");
        loop {
            if !other.remote(&mut theirs).expect("remote").is_empty() {
                break;
            }
            assert!(start.elapsed() < Duration::from_secs(30), "never seen");
            std::thread::sleep(Duration::from_micros(200));
        }
        samples.push(start.elapsed());
    }
    samples
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal
        .draw(|frame| duban::ui::draw(frame, app))
        .expect("draws");
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}
