//! Latency distribution and peak memory, which criterion's means and medians do not show:
//! start to first frame, then every keystroke's time to its frame over a long run (median,
//! 99th percentile, maximum), at 1,000, 10,000 and 100,000 requirements.
//!
//! ```text
//! cargo bench --bench latency                      # generated plans, every size
//! cargo bench --bench latency -- --sizes 10000     # one size
//! target/release/deps/latency-* --state big.json   # one state file: start, keys, peak RSS
//! cargo bench --bench latency -- --workspace       # 20 plans × 5,000: start, switching
//! ```
//!
//! Other arguments (criterion's, when run as part of `cargo bench -- …`) are ignored.

mod common;
#[path = "latency/workspace.rs"]
mod workspace;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use duban::app::{Action, App, Discard, Edit, Screen};
use duban::plan::generate::{GenOptions, generate_document};
use duban::plan::import::import_bytes;
use duban::store::{State, Store};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use common::{SIZES, now, today, toggle_status};

const MOVES: usize = 2_000;
const TOGGLES: usize = 500;
const VIEW_TOGGLES: usize = 200;
const SAVED_TOGGLES: usize = 20;
const SEARCH_KEYS: usize = 48;
const FILTERED_TOGGLES: usize = 100;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut state = None;
    let mut sizes = SIZES.to_vec();
    let mut workspace = false;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--state" => state = args.next().map(PathBuf::from),
            "--workspace" => workspace = true,
            "--sizes" => {
                sizes = args
                    .next()
                    .unwrap_or_default()
                    .split(',')
                    .filter_map(|s| s.trim().parse().ok())
                    .collect();
            }
            _ => {}
        }
    }
    println!(
        "{:>9}  {:<14}  {:>9}  {:>9}  {:>9}   (ms)",
        "reqs", "measure", "median", "p99", "max"
    );
    if let Some(path) = state {
        measure(&path);
        return;
    }
    if workspace {
        return workspace::measure();
    }
    for n in sizes {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.json");
        {
            let doc = generate_document(&GenOptions {
                requirements: n,
                ..GenOptions::default()
            });
            let plan = import_bytes(doc.as_bytes(), "gen.txt").expect("imports");
            Store::new(&path).save(&State::new(plan)).expect("saves");
        }
        measure(&path);
    }
}

fn measure(path: &Path) {
    // Work on a copy: status changes are saved to it, as the dashboard would.
    let dir = tempfile::tempdir().expect("tempdir");
    let copy = dir.path().join("state.json");
    std::fs::copy(path, &copy).expect("copies the state file");
    let store = Store::new(&copy);
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("test terminal");

    let start = Instant::now();
    let state = store.load().expect("loads").expect("state file exists");
    let n = state.plan.requirement_count();
    let mut app = App::new(state, Box::new(Discard), today());
    draw(&mut terminal, &app);
    let first = start.elapsed();
    let peak_at_first = peak_rss();

    let mut moves = Vec::with_capacity(MOVES);
    for i in 0..MOVES {
        // Walk down a while, then back up: moves cross items and categories' ends.
        let action = if (i / 50) % 2 == 0 {
            Action::Down
        } else {
            Action::Up
        };
        moves.push(timed(|| {
            app.update(action, now());
            draw(&mut terminal, &app);
        }));
    }
    // Back to the first requirement (the item row above it, then down).
    app.update(Action::First, now());
    app.update(Action::Down, now());
    let mut toggles = timed_toggles(&mut app, &mut terminal, TOGGLES);
    // The same status changes while the agenda, then the units table (drilled into its
    // first unit), fills the screen: every edit updates that view's list. The agenda shows
    // done requirements too, so the one changed stays selected.
    let mut in_agenda = toggles_in(&mut app, &mut terminal, Screen::Agenda);
    let mut in_units = toggles_in(&mut app, &mut terminal, Screen::Units);
    app.update(Action::Back, now());
    app.update(Action::ShowScreen(Screen::Agenda), now());
    app.update(Action::ToggleShowDone, now());
    app.update(Action::ShowScreen(Screen::Tree), now());
    // Incremental search: type 政务公开 and erase it, again and again.
    app.update(Action::Search, now());
    app.update(Action::Edit(Edit::Insert('政')), now());
    assert!(app.matches().is_some(), "typing filters");
    app.update(Action::Edit(Edit::Backspace), now());
    let keys: Vec<Edit> = "政务公开"
        .chars()
        .map(Edit::Insert)
        .chain(std::iter::repeat_n(Edit::Backspace, 4))
        .collect();
    let mut typed = Vec::with_capacity(SEARCH_KEYS);
    for key in keys.iter().cycle().take(SEARCH_KEYS) {
        typed.push(timed(|| {
            app.update(Action::Edit(key.clone()), now());
            draw(&mut terminal, &app);
        }));
    }
    let peak_in_use = peak_rss();
    // Status changes while a search, then a quick filter (status: todo), is active: the
    // matches follow each change.
    app.update(Action::Edit(Edit::Insert('政')), now());
    app.update(Action::SubmitNote, now());
    let mut searched = timed_toggles(&mut app, &mut terminal, FILTERED_TOGGLES);
    app.update(Action::ClearFilters, now());
    app.update(Action::FilterStatus, now());
    assert!(app.matches().is_some(), "a quick filter is active");
    let mut quick = timed_toggles(&mut app, &mut terminal, FILTERED_TOGGLES);
    app.update(Action::ClearFilters, now());
    let state = app.into_state();

    // Saved through the store that loaded the file, as in the dashboard.
    let mut app = App::new(state, Box::new(store.clone()), today());
    draw(&mut terminal, &app);
    let mut saved = timed_toggles(&mut app, &mut terminal, SAVED_TOGGLES);

    // Quitting folds the journal of those saves into the state file.
    let quit = timed(|| app.update(Action::Quit, now()));
    assert!(app.should_quit());

    let row = |name: &str, samples: &mut [Duration]| {
        let (med, p99, max) = spread(samples);
        println!("{n:>9}  {name:<14}  {med:>9}  {p99:>9}  {max:>9}");
    };
    println!("{n:>9}  {:<14}  {:>9}", "start→frame", ms(first));
    row("move+frame", &mut moves);
    row("status+frame", &mut toggles);
    row("status@agenda", &mut in_agenda);
    row("status@units", &mut in_units);
    row("search key", &mut typed);
    row("status+search", &mut searched);
    row("status+quick", &mut quick);
    row("status+save", &mut saved);
    println!("{n:>9}  {:<14}  {:>9}", "quit (rewrite)", ms(quit));
    let rss = |peak: Option<String>| peak.unwrap_or_else(|| "n/a".into());
    println!(
        "{n:>9}  {:<14}  {:>9}",
        "RSS at frame 1",
        rss(peak_at_first)
    );
    println!("{n:>9}  {:<14}  {:>9}", "RSS after keys", rss(peak_in_use));
    println!("{n:>9}  {:<14}  {:>9}", "RSS with saves", rss(peak_rss()));
}

/// Status changes while `page` fills the screen (the units table drilled into its first
/// unit, the agenda showing done requirements so the one changed stays selected).
fn toggles_in(app: &mut App, terminal: &mut Terminal<TestBackend>, page: Screen) -> Vec<Duration> {
    app.update(Action::ShowScreen(page), now());
    app.update(
        if page == Screen::Units {
            Action::ToggleExpand
        } else {
            Action::ToggleShowDone
        },
        now(),
    );
    draw(terminal, app);
    timed_toggles(app, terminal, VIEW_TOGGLES)
}

/// `count` status changes, each timed with its frame, each on the next requirement (untimed
/// moves between them): a coordinator works through many requirements, and changing one
/// thousands of times would grow its history, and the undo steps copying it, without end.
fn timed_toggles(
    app: &mut App,
    terminal: &mut Terminal<TestBackend>,
    count: usize,
) -> Vec<Duration> {
    (0..count)
        .map(|_| {
            let sample = timed(|| toggle_status(app, |app| draw(terminal, app)));
            next_requirement(app);
            sample
        })
        .collect()
}

/// Select the next requirement of the current view (over item rows), from the top again at
/// the end.
fn next_requirement(app: &mut App) {
    let from = app.selected_requirement().map(|r| r.id);
    for _ in 0..16 {
        app.update(Action::Down, now());
        if app
            .selected_requirement()
            .is_some_and(|r| Some(r.id) != from)
        {
            return;
        }
    }
    app.update(Action::First, now());
    for _ in 0..16 {
        if app.selected_requirement().is_some() {
            return;
        }
        app.update(Action::Down, now());
    }
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal
        .draw(|frame| duban::ui::draw(frame, app))
        .expect("draw");
}

fn timed(f: impl FnOnce()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

fn ms(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64() * 1000.0)
}

/// Median, 99th percentile and maximum, in milliseconds.
fn spread(samples: &mut [Duration]) -> (String, String, String) {
    samples.sort_unstable();
    let at = |q: f64| {
        // Index of the q-quantile; the casts are exact for these small sample counts.
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            clippy::cast_precision_loss
        )]
        let i = ((samples.len() - 1) as f64 * q).round() as usize;
        samples[i]
    };
    (ms(at(0.5)), ms(at(0.99)), ms(at(1.0)))
}

/// The process's peak resident set (`VmHWM`) so far, on Linux.
fn peak_rss() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(format!("{} MiB", kib.div_ceil(1024)))
}
