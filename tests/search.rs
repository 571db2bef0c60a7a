//! The command line and the dashboard ask the same query: on generated plans (small ones
//! scanned, a large one answered by the text index on both cores), for queries drawn from
//! every searchable field of the plan's own requirements plus noise, `duban list`'s
//! selection (`plan::query::Filter::select`, what `list --search` runs) equals the dashboard's
//! matches after `/` and typing, with and without quick filters.

use std::sync::OnceLock;

use chrono::{NaiveDate, NaiveDateTime};
use duban::app::{Action, App, Discard, Edit};
use duban::plan::fields::Extra;
use duban::plan::generate::{GenOptions, generate_document};
use duban::plan::import::import_bytes;
use duban::plan::query::Filter;
use duban::plan::query::{Entry, entries};
use duban::plan::{Plan, ReqId, Status};
use duban::store::State;
use proptest::prelude::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 9, 20).expect("valid date")
}

fn now() -> NaiveDateTime {
    today().and_hms_opt(10, 0, 0).expect("valid time")
}

/// A generated plan with the fields the generator does not write filled in on some
/// requirements: Latin text in both cases, a KELVIN SIGN, cooperating units, leaders,
/// remarks, extra columns, notes and completion notes.
fn plan(requirements: usize, seed: u64) -> Plan {
    let doc = generate_document(&GenOptions {
        requirements,
        seed,
        ..GenOptions::default()
    });
    let mut plan = import_bytes(doc.as_bytes(), "gen.txt").expect("the generated plan imports");
    for (i, r) in plan.requirements_mut().enumerate() {
        match i % 7 {
            0 => r.text.push_str(" Open DATA 政务 data"),
            1 => r.cooperating_raw = "市民政局、市税务局".into(),
            2 => r.leader_raw = "李副市长、赵主任".into(),
            3 => r.remarks = format!("备注{i}：按月报送"),
            4 => {
                r.extra = vec![Extra {
                    name: "进展情况".into(),
                    value: format!("已召开第{i}次推进会"),
                }];
            }
            5 => r.add_note("\u{212A}elvin 督促一次", now()),
            _ => r.completion_note = Some(format!("已办结 OK {i}")),
        }
        if i % 5 == 0 {
            r.status = Status::Doing;
        }
    }
    plan.derive();
    plan
}

/// The texts of `e` a coordinator may search for, listed here independently of the library
/// (so a field the query forgets fails the containment check below).
fn texts(e: &Entry<'_>) -> Vec<String> {
    let r = e.requirement;
    let mut out = vec![
        r.id.to_string(),
        r.text.clone(),
        e.item.name.clone(),
        e.category.name.clone(),
        r.units_raw.clone(),
        r.cooperating_raw.clone(),
        r.leader_raw.clone(),
        r.remarks.clone(),
        r.deadline_raw.clone(),
    ];
    out.extend(r.extra.iter().map(|x| x.value.clone()));
    out.extend(r.notes.iter().map(|n| n.text.clone()));
    out.extend(r.completion_note.clone());
    out.retain(|t| !t.trim().is_empty());
    out
}

const NOISE: [&str; 8] = ["x", "阳光", "政务", " ", "1.", "k", "无此", "……"];

/// A query from `pick`: a piece of one of the texts of one requirement, as is, in upper
/// case, with noise after it, or noise alone. Returns the query and the requirement it was
/// taken from (when every match must include it).
fn query(plan: &Plan, pick: (usize, usize, usize, usize, u8)) -> (String, Option<ReqId>) {
    let (at, field, start, len, how) = pick;
    let all: Vec<Entry<'_>> = entries(plan).collect();
    let e = all[at % all.len()];
    let texts = texts(&e);
    let text: Vec<char> = texts[field % texts.len()].chars().collect();
    let start = start % text.len();
    let end = (start + 1 + len % 6).min(text.len());
    let piece: String = text[start..end].iter().collect();
    let noise = NOISE[len % NOISE.len()];
    match how % 5 {
        0 | 1 => (piece, Some(e.requirement.id)),
        2 => (piece.to_ascii_uppercase(), Some(e.requirement.id)),
        3 => (format!("{piece}{noise}"), None),
        _ => (noise.to_string(), None),
    }
}

/// What `duban list --search QUERY` with the same quick filters selects.
fn cli(plan: &Plan, quick: &Filter, q: &str) -> Vec<ReqId> {
    let filter = Filter {
        // As `list` reads its arguments: a blank search is no search.
        search: Some(q.to_string()).filter(|q| !q.trim().is_empty()),
        ..quick.clone()
    };
    (filter.select(plan, today()).iter())
        .map(|e| e.requirement.id)
        .collect()
}

/// The dashboard's matches (everything while no filter is active).
fn dashboard(app: &App) -> Vec<ReqId> {
    app.matches().map_or_else(
        || app.plan().requirements().map(|r| r.id).collect(),
        |m| m.ids.clone(),
    )
}

/// Quick filters set by their keys: overdue (`o`), due within (`D` once or twice), status
/// (`f` cycled), and the CLI filter that says the same.
fn quick_filters(app: &mut App, overdue: bool, due: u8, status: u8) -> Filter {
    if overdue {
        app.update(Action::FilterOverdue, now());
    }
    for _ in 0..due % 3 {
        app.update(Action::FilterDue, now());
    }
    let statuses = [Status::Todo, Status::Doing, Status::Done, Status::Blocked];
    for _ in 0..status % 5 {
        app.update(Action::FilterStatus, now());
    }
    Filter {
        overdue,
        due_within: [None, Some(7), Some(30)][usize::from(due % 3)],
        status: (status % 5)
            .checked_sub(1)
            .map(|s| statuses[usize::from(s)]),
        ..Filter::default()
    }
}

/// Types `queries` into the dashboard's search one after the other (the first half pasted,
/// the rest typed key by key, then the line cleared), checking every keystroke against the
/// command line.
fn agree(plan: &Plan, filters: (bool, u8, u8), picks: &[(usize, usize, usize, usize, u8)]) {
    let mut app = App::new(State::new(plan.clone()), Box::new(Discard), today());
    let quick = quick_filters(&mut app, filters.0, filters.1, filters.2);
    assert_eq!(
        dashboard(&app),
        cli(plan, &quick, ""),
        "quick filters alone"
    );
    app.update(Action::Search, now());
    for &pick in picks {
        let (q, from) = query(plan, pick);
        let chars: Vec<char> = q.chars().collect();
        let half = chars.len() / 2;
        app.update(
            Action::Edit(Edit::Paste(chars[..half].iter().collect())),
            now(),
        );
        let mut typed: String = chars[..half].iter().collect();
        for &c in &chars[half..] {
            app.update(Action::Edit(Edit::Insert(c)), now());
            typed.push(c);
            let expected = cli(plan, &quick, &typed);
            assert_eq!(dashboard(&app), expected, "after typing {typed:?}");
        }
        if let Some(id) = from.filter(|_| quick.is_empty()) {
            assert!(dashboard(&app).contains(&id), "{q:?} is in {id}'s texts");
        }
        // Erasing goes back through the matches kept for each shorter text.
        while typed.pop().is_some() {
            app.update(Action::Edit(Edit::Backspace), now());
            assert_eq!(
                dashboard(&app),
                cli(plan, &quick, &typed),
                "erased to {typed:?}"
            );
        }
        app.update(Action::Edit(Edit::End), now());
        app.update(Action::Edit(Edit::ClearToStart), now());
    }
}

/// Large enough for the dashboard's text index (and its search over both cores).
fn large() -> &'static Plan {
    static PLAN: OnceLock<Plan> = OnceLock::new();
    PLAN.get_or_init(|| plan(25_000, 3))
}

fn picks() -> impl Strategy<Value = Vec<(usize, usize, usize, usize, u8)>> {
    proptest::collection::vec(
        (
            any::<usize>(),
            any::<usize>(),
            any::<usize>(),
            any::<usize>(),
            any::<u8>(),
        ),
        1..6,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn cli_and_dashboard_agree_on_small_plans(
        size in 1..400usize,
        seed in 1..1_000u64,
        filters in (any::<bool>(), 0..3u8, 0..5u8),
        picks in picks(),
    ) {
        agree(&plan(size, seed), filters, &picks);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(8))]

    #[test]
    fn cli_and_dashboard_agree_on_a_large_plan(
        filters in (any::<bool>(), 0..3u8, 0..5u8),
        picks in picks(),
    ) {
        agree(large(), filters, &picks);
    }
}

/// The bugs of issue #14: a category name found by `list` and not by the dashboard, an id
/// found by the dashboard and not by `list`.
#[test]
fn category_names_and_ids_are_found_by_both() {
    let plan = large();
    let category = plan.categories[1].name.clone();
    let in_category: Vec<ReqId> = (plan.categories[1].items.iter())
        .flat_map(|i| &i.requirements)
        .map(|r| r.id)
        .collect();
    let mut app = App::new(State::new(plan.clone()), Box::new(Discard), today());
    app.update(Action::Search, now());
    for (q, must) in [
        (category.as_str(), in_category.clone()),
        ("2.1.1", vec![ReqId::new(2, 1, 1)]),
    ] {
        app.update(Action::Edit(Edit::End), now());
        app.update(Action::Edit(Edit::ClearToStart), now());
        app.update(Action::Edit(Edit::Paste(q.to_string())), now());
        let found = cli(plan, &Filter::default(), q);
        for id in must {
            assert!(found.contains(&id), "list --search {q} finds {id}");
        }
        assert_eq!(dashboard(&app), found, "/{q}");
    }
}

/// Issue #14 on the built-in plan: `/阳光政府` (a category name) found none of the 10
/// requirements `list --search 阳光政府` lists, and `1.1.1` was found only by the dashboard.
#[test]
fn the_seed_plan_answers_the_same_in_both() {
    let plan = duban::plan::import::builtin();
    let mut app = App::new(State::new(plan.clone()), Box::new(Discard), today());
    app.update(Action::Search, now());
    for (q, n) in [("阳光政府", 10), ("1.1.1", 1)] {
        app.update(Action::Edit(Edit::End), now());
        app.update(Action::Edit(Edit::ClearToStart), now());
        app.update(Action::Edit(Edit::Paste(q.to_string())), now());
        let found = cli(&plan, &Filter::default(), q);
        assert_eq!(found.len(), n, "list --search {q}");
        assert_eq!(dashboard(&app), found, "/{q}");
    }
}
