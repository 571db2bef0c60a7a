//! Search-as-you-type on a plan large enough for the text index and both cores: every
//! keystroke's matches equal the plain per-requirement search, typing, erasing and
//! retyping Chinese, Latin letters (either case) and ids.

use chrono::NaiveDate;
use duban::app::filter::search_hit;
use duban::app::{Action, App, Discard, Edit};
use duban::plan::generate::{GenOptions, generate_document};
use duban::plan::import::import_bytes;
use duban::plan::{Plan, ReqId};
use duban::store::State;

fn expected(plan: &Plan, needle: &str) -> Option<Vec<ReqId>> {
    let needle = needle.trim();
    (!needle.is_empty()).then(|| {
        plan.requirements()
            .filter(|r| search_hit(plan, r, needle))
            .map(|r| r.id)
            .collect()
    })
}

#[test]
fn incremental_search_on_a_large_plan_equals_the_plain_search() {
    let doc = generate_document(&GenOptions {
        requirements: 25_000,
        ..GenOptions::default()
    });
    let mut plan = import_bytes(doc.as_bytes(), "25k.txt").expect("the generated plan imports");
    // Texts the generator does not write: Latin in both cases and a KELVIN SIGN.
    plan.categories[0].items[0].requirements[0].text = "Open DATA 政务 data".into();
    plan.categories[1].items[0].requirements[0].text = "\u{212A}elvin 政务".into();
    let today = NaiveDate::from_ymd_opt(2021, 9, 20).expect("valid date");
    let now = today.and_hms_opt(10, 0, 0).expect("valid time");
    let plan_copy = plan.clone();
    let mut app = App::new(State::new(plan), Box::new(Discard), today);
    app.update(Action::Search, now);
    let mut typed = String::new();
    let script = "政务公开\u{8}\u{8}\u{8}\u{8}政务\u{8}\u{8}Da\u{8}\u{8}kel\u{8}\u{8}\u{8}1.2\u{8}\u{8}\u{8}务x\u{8}\u{8}";
    for c in script.chars() {
        let key = if c == '\u{8}' {
            typed.pop();
            Edit::Backspace
        } else {
            typed.push(c);
            Edit::Insert(c)
        };
        app.update(Action::Edit(key), now);
        let got = app.matches().map(|m| m.ids.clone());
        assert_eq!(got, expected(&plan_copy, &typed), "after typing {typed:?}");
        for id in got.iter().flatten().take(50) {
            assert!(app.passes(*id));
        }
    }
}
