//! Unit tests of the plan model: interning, deriving units and deadlines, statuses.

use super::*;

#[test]
fn interned_values_are_parsed_once_and_handed_out_per_use() {
    let texts = ["a", "b", "a", "a", "c", "b"];
    let mut parsed = Vec::new();
    let mut interned = Interned::default();
    let at: Vec<usize> = texts
        .iter()
        .map(|t| {
            interned.index(t, |t| {
                parsed.push(t.to_string());
                t.to_string()
            })
        })
        .collect();
    assert_eq!(parsed, ["a", "b", "c"]);
    let mut values = interned.into_values();
    let got: Vec<String> = at.iter().map(|&i| values.take(i)).collect();
    assert_eq!(got, texts);
}

#[test]
fn plan_derive_equals_parsing_every_cell() {
    let mut plan = crate::plan::import::import_bytes(
        crate::plan::import::BUILTIN_SEED,
        crate::plan::import::BUILTIN_NAME,
    )
    .expect("the seed imports");
    let fresh = |r: &Requirement| {
        (
            Units::parse(&r.units_raw),
            Deadline::parse(&r.deadline_raw, plan.year),
        )
    };
    let want: Vec<_> = plan.requirements().map(fresh).collect();
    // Import derives with Plan::derive too.
    let imported: Vec<_> = plan
        .requirements()
        .map(|r| (r.units.clone(), r.deadline.clone()))
        .collect();
    assert_eq!(imported, want);
    for r in plan.requirements_mut() {
        r.units = Units::default();
        r.deadline = Deadline::default();
    }
    plan.derive();
    let derived: Vec<_> = plan
        .requirements()
        .map(|r| (r.units.clone(), r.deadline.clone()))
        .collect();
    assert_eq!(derived, want);
}

#[test]
fn status_parses_english_and_chinese() {
    assert_eq!("已完成".parse::<Status>(), Ok(Status::Done));
    assert_eq!("DOING".parse::<Status>(), Ok(Status::Doing));
    assert_eq!("受阻".parse::<Status>(), Ok(Status::Blocked));
    assert!("finished".parse::<Status>().is_err());
    assert_eq!(Status::Blocked.next(), Status::Todo);
}
