//! Tests of `duban calendar`'s month view.

use super::*;
use crate::plan::import::builtin;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

#[test]
fn months_parse_strictly() {
    assert_eq!(
        "2024-10".parse(),
        Ok(Month {
            year: 2024,
            month: 10
        })
    );
    assert_eq!("0000-01".parse(), Ok(Month { year: 0, month: 1 }));
    for bad in [
        "2024-13",
        "2024-00",
        "2024-1",
        "2024",
        "-2024-10",
        "2024-10-01",
        "二〇二四-10",
    ] {
        assert!(bad.parse::<Month>().is_err(), "{bad}");
    }
}

#[test]
fn the_seed_plans_september_2021_deadlines() {
    let plan = builtin();
    let due = deadlines_in(&plan, d(2021, 9, 1), d(2021, 9, 30), false);
    let days: Vec<(u32, String)> = due
        .iter()
        .map(|x| (x.day.day(), x.id.to_string()))
        .collect();
    assert_eq!(days.first(), Some(&(15, "1.3.1".to_string())));
    assert!(
        days.iter().all(|(day, _)| [15, 30].contains(day)),
        "{days:?}"
    );
}

#[test]
fn every_line_of_the_grid_fits_seven_cells_at_any_width() {
    let plan = builtin();
    for cols in [0, 1, 20, 100] {
        for (y, m) in [(2024, 10), (2026, 2), (2027, 2), (0, 1), (9999, 12)] {
            let month = Month { year: y, month: m };
            let text = month_view(
                &[("2021", &plan)],
                Calendar::builtin(),
                month,
                d(2024, 9, 29),
                true,
                Lang::Zh,
                cols,
            )
            .expect("in range");
            let grid = text.split("\n\n").next().expect("grid");
            for line in grid.lines() {
                assert!(width(line) <= CELL * 7, "{line:?}");
            }
        }
    }
}
