//! Domain and file benchmarks on generated plans of 1,000, 10,000 and 100,000 requirements:
//! importing the document, merging a revision of it (`import --merge`), the state file
//! (serialize, save, load), selecting with a filter, searching (scan and text index),
//! rendering exports, and `list --plan X` in a workspace of 20 plans.
//!
//! ```text
//! cargo bench --bench core -- --warm-up-time 1 --measurement-time 3
//! ```

mod common;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput};
use duban::i18n::Lang;
use duban::plan::agenda::{self, agenda};
use duban::plan::generate::revise;
use duban::plan::import::import_bytes;
use duban::plan::merge::{Decisions, apply, merge, propose};
use duban::plan::query::Filter;
use duban::plan::query::TextIndex;
use duban::plan::workload::{Workload, workload};
use duban::plan::{DeadlineKind, Plan, Status};
use duban::report::export::{self, Format};
use duban::store::{PlanState, Store};

use common::{Fixture, fixture, fixtures, now, today};

/// What is built is dropped outside the timing (`iter_with_large_drop`), as in the program.
fn import(c: &mut Criterion, sizes: &[Fixture]) {
    let mut g = c.benchmark_group("import");
    for f in sizes {
        g.sample_size(f.samples());
        g.throughput(Throughput::Elements(f.n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(f.n), f, |b, f| {
            let doc = f.doc().as_bytes();
            b.iter_with_large_drop(|| import_bytes(black_box(doc), "gen.txt").expect("imports"));
        });
    }
}

/// `import --merge` of a revision with a few edits (one item in 50: a row inserted, one
/// removed, one reworded, one deadline moved) over a plan with progress on every third
/// requirement: everything but reading the document and writing the state.
fn merging(c: &mut Criterion) {
    let mut g = c.benchmark_group("merge");
    for f in [1_000, 4_000, 10_000, 100_000].map(fixture) {
        g.sample_size(if f.n >= 4_000 { 10 } else { 100 });
        g.throughput(Throughput::Elements(f.n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(f.n), &f, |b, f| {
            let mut old = f.state().plan.clone();
            for r in old.requirements_mut().step_by(3) {
                r.set_status(Status::Doing, now());
            }
            let new = revise(&f.state().plan, 50, 7);
            b.iter_batched(
                || new.clone(),
                |new| merge(black_box(&old), new, now()),
                criterion::BatchSize::LargeInput,
            );
        });
    }
    // A decision in the merge preview (`import --merge --preview`): the revision cloned and
    // the proposal applied with the user's decisions so far (ten pairs split), as every key
    // that decides recomputes the report shown.
    for f in [10_000, 100_000].map(fixture) {
        g.sample_size(10);
        g.bench_with_input(BenchmarkId::new("preview_decision", f.n), &f, |b, f| {
            let mut old = f.state().plan.clone();
            for r in old.requirements_mut().step_by(3) {
                r.set_status(Status::Doing, now());
            }
            let new = revise(&f.state().plan, 50, 7);
            let proposal = propose(&old, &new);
            let decisions = Decisions {
                split: proposal.pairs.iter().take(10).map(|p| p.new).collect(),
                ..Decisions::default()
            };
            b.iter_with_large_drop(|| {
                apply(black_box(&old), new.clone(), &proposal, &decisions, now()).expect("applies")
            });
        });
    }
    // The worst case for the indexes: another plan picked by mistake, every requirement a
    // leftover for the similarity phases (the generated texts share most of their words).
    let f = fixture(10_000);
    g.sample_size(10);
    g.bench_function(BenchmarkId::new("other_plan", f.n), |b| {
        let other = duban::plan::generate::generate_document(&duban::plan::generate::GenOptions {
            requirements: f.n,
            seed: 2,
            ..Default::default()
        });
        let new = import_bytes(other.as_bytes(), "other.txt").expect("imports");
        let old = &f.state().plan;
        b.iter_batched(
            || new.clone(),
            |new| merge(black_box(old), new, now()),
            criterion::BatchSize::LargeInput,
        );
    });
}

fn state_file(c: &mut Criterion, sizes: &[Fixture]) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut g = c.benchmark_group("state");
    for f in sizes {
        g.sample_size(f.samples());
        g.throughput(Throughput::Elements(f.n as u64));
        // What a save costs before the disk: the whole state as pretty JSON.
        g.bench_with_input(BenchmarkId::new("serialize", f.n), f, |b, f| {
            let state = f.state();
            b.iter(|| serde_json::to_vec_pretty(black_box(state)).expect("serializes"));
        });
        let store = Store::new(dir.path().join(format!("state-{}.json", f.n)));
        // Atomic save: serialize, write a temporary file, fsync, rename, fsync the directory.
        g.bench_with_input(BenchmarkId::new("save", f.n), f, |b, f| {
            let state = f.state();
            b.iter(|| store.save(black_box(state)).expect("saves"));
        });
        // The part of a load that is not JSON: parsing every units and deadline cell again.
        g.bench_with_input(BenchmarkId::new("derive", f.n), f, |b, f| {
            let mut plan = f.state().plan.clone();
            b.iter(|| black_box(&mut plan).derive());
        });
        g.bench_with_input(BenchmarkId::new("load", f.n), f, |b, f| {
            store.save(f.state()).expect("saves");
            b.iter_with_large_drop(|| store.load().expect("loads").expect("exists"));
        });
    }
}

/// `duban list`'s filters over the whole plan (the dashboard's search is in the ui bench).
fn filter(c: &mut Criterion, sizes: &[Fixture]) {
    let mut g = c.benchmark_group("filter");
    let by_unit = Filter {
        unit: Some("市民政局".into()),
        ..Filter::default()
    };
    let overdue = Filter {
        overdue: true,
        ..Filter::default()
    };
    for f in sizes {
        g.sample_size(f.samples());
        g.throughput(Throughput::Elements(f.n as u64));
        g.bench_with_input(BenchmarkId::new("unit", f.n), f, |b, f| {
            let plan = &f.state().plan;
            b.iter(|| by_unit.select(black_box(plan), today()).len());
        });
        g.bench_with_input(BenchmarkId::new("overdue", f.n), f, |b, f| {
            let plan = &f.state().plan;
            b.iter(|| overdue.select(black_box(plan), today()).len());
        });
    }
}

/// The one query's search (`plan::query`): `duban list --search` scanning the plan, and
/// the dashboard's text index built and asked (a search alone, as typed after `/`).
fn search(c: &mut Criterion, sizes: &[Fixture]) {
    let mut g = c.benchmark_group("search");
    let by_text = Filter {
        search: Some("政务公开".into()),
        ..Filter::default()
    };
    for f in sizes {
        g.sample_size(f.samples());
        g.throughput(Throughput::Elements(f.n as u64));
        g.bench_with_input(BenchmarkId::new("list", f.n), f, |b, f| {
            let plan = &f.state().plan;
            b.iter(|| by_text.select(black_box(plan), today()).len());
        });
        g.bench_with_input(BenchmarkId::new("index_build", f.n), f, |b, f| {
            let plan = &f.state().plan;
            b.iter_with_large_drop(|| TextIndex::new(black_box(plan)).expect("builds"));
        });
        g.bench_with_input(BenchmarkId::new("index", f.n), f, |b, f| {
            let plan = &f.state().plan;
            let index = TextIndex::new(plan).expect("builds");
            b.iter(|| {
                (index.select(black_box(plan), &by_text, today()))
                    .expect("answers")
                    .len()
            });
        });
    }
}

/// The agenda and units views' lists, rebuilt from the whole plan.
fn views(c: &mut Criterion, sizes: &[Fixture]) {
    let mut g = c.benchmark_group("views");
    for f in sizes {
        g.sample_size(f.samples());
        g.throughput(Throughput::Elements(f.n as u64));
        g.bench_with_input(BenchmarkId::new("agenda", f.n), f, |b, f| {
            let plan = &f.state().plan;
            b.iter(|| agenda(black_box(plan), today(), false).len());
        });
        g.bench_with_input(BenchmarkId::new("units", f.n), f, |b, f| {
            let plan = &f.state().plan;
            b.iter(|| workload(black_box(plan), today()).len());
        });
        // What an edit costs instead: one requirement done ↔ todo, its rows moved.
        let edit = |plan: &mut Plan| {
            let r = plan
                .requirements_mut()
                .find(|r| r.deadline.kind == DeadlineKind::Date)
                .expect("a dated requirement");
            r.status = if r.status == Status::Done {
                Status::Todo
            } else {
                Status::Done
            };
            r.id
        };
        g.bench_with_input(BenchmarkId::new("agenda_edit", f.n), f, |b, f| {
            let mut plan = f.state().plan.clone();
            let mut rows = agenda(&plan, today(), false);
            b.iter(|| {
                let id = edit(&mut plan);
                agenda::update(&mut rows, black_box(&plan), &[id], today(), false);
            });
        });
        g.bench_with_input(BenchmarkId::new("units_edit", f.n), f, |b, f| {
            let mut plan = f.state().plan.clone();
            let mut units = Workload::new(&plan, today());
            b.iter(|| {
                let id = edit(&mut plan);
                assert!(units.update(black_box(&plan), &[id]));
            });
        });
    }
}

fn exports(c: &mut Criterion, sizes: &[Fixture]) {
    let mut g = c.benchmark_group("export");
    for f in sizes {
        g.sample_size(f.samples());
        g.throughput(Throughput::Elements(f.n as u64));
        for format in [Format::Csv, Format::Html] {
            let id = BenchmarkId::new(format.extension(), f.n);
            g.bench_with_input(id, f, |b, f| {
                let state = f.state();
                b.iter(|| {
                    export::render(black_box(state), today(), Lang::Zh, format, None)
                        .expect("renders")
                        .len()
                });
            });
        }
    }
}

/// Issue #20: `list --plan X` on a workspace of 20 plans × 5,000 requirements against the
/// same plan alone (`list` on a one-plan state): the other 19 plans must cost next to
/// nothing (target: within 1.2×).
fn workspace(c: &mut Criterion) {
    const PLANS: usize = 20;
    let one = fixture(5_000);
    let alone = one.state();
    let mut state = alone.clone();
    for n in 1..PLANS {
        let plan = PlanState::new(format!("p{n}"), alone.plan.clone());
        state.add(plan).expect("a new name");
    }
    let plans: Vec<_> = (state.plans().iter())
        .map(|p| (p.name.as_str(), &p.plan))
        .collect();
    let single = [(alone.name.as_str(), &alone.plan)];
    let x = Filter {
        plan: Some("p7".into()),
        ..Filter::default()
    };
    let mut g = c.benchmark_group("workspace");
    g.throughput(Throughput::Elements(5_000));
    g.bench_function("list_plan_x_of_20x5000", |b| {
        b.iter(|| x.select_plans(black_box(&plans), today()).len());
    });
    g.bench_function("list_x_alone_5000", |b| {
        b.iter(|| {
            Filter::default()
                .select_plans(black_box(&single), today())
                .len()
        });
    });
}

fn main() {
    let sizes = fixtures();
    let mut c = Criterion::default().configure_from_args();
    import(&mut c, &sizes);
    merging(&mut c);
    state_file(&mut c, &sizes);
    filter(&mut c, &sizes);
    search(&mut c, &sizes);
    views(&mut c, &sizes);
    exports(&mut c, &sizes);
    workspace(&mut c);
    c.final_summary();
}
