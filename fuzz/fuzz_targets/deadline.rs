//! Deadline and unit texts: any UTF-8, any plan year. Milestones must come out ascending.
#![no_main]

use libfuzzer_sys::fuzz_target;

use duban::plan::deadline::Deadline;
use duban::plan::units::Units;

fuzz_target!(|input: (i32, &str)| {
    let (year, text) = input;
    let d = Deadline::parse(text, year);
    assert!(d.milestones.windows(2).all(|w| w[0] < w[1]));
    if let Some(today) = chrono::NaiveDate::from_ymd_opt(2021, 9, 20) {
        let _ = d.due(today);
    }
    let _ = Units::parse(text);
});
