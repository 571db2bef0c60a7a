use chrono::{Datelike, NaiveDate};

use super::{Calendar, DayKind};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

fn cal() -> &'static Calendar {
    Calendar::builtin()
}

/// `(day, working?, holiday name)` for each day from `first`, checked one by one.
fn assert_days(first: NaiveDate, expected: &[(bool, Option<&str>)]) {
    let mut day = first;
    for (working, name) in expected {
        assert_eq!(cal().is_working_day(day), *working, "{day} working");
        let got = match cal().day_kind(day) {
            DayKind::Holiday(h) => Some(h.name.as_str()),
            _ => None,
        };
        assert_eq!(got, *name, "{day} holiday");
        day = day.succ_opt().expect("next");
    }
}

#[test]
fn builtin_covers_2019_to_2026() {
    let years: Vec<i32> = cal().years().collect();
    assert_eq!(years, (2019..=2026).collect::<Vec<_>>());
    assert!(!cal().covers(2018));
    assert!(!cal().covers(2027));
    // Seven breaks a year, six when 中秋 joins 国庆 (2020, 2023, 2025).
    for (year, breaks) in [
        (2019, 7),
        (2020, 6),
        (2021, 7),
        (2022, 7),
        (2023, 6),
        (2024, 7),
        (2025, 6),
        (2026, 7),
    ] {
        assert_eq!(
            cal().holidays().iter().filter(|h| h.year == year).count(),
            breaks,
            "{year}"
        );
    }
}

/// 2024 notice: 国庆节 10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。
#[test]
fn national_day_week_2024() {
    let g = Some("国庆节");
    assert_days(
        d(2024, 9, 28),
        &[
            (false, None), // Sat
            (true, None),  // Sun 9/29, 上班
            (true, None),  // Mon 9/30
            (false, g),
            (false, g),
            (false, g),
            (false, g),
            (false, g),
            (false, g),
            (false, g), // 10/7
            (true, None),
            (true, None),
            (true, None),
            (true, None),  // Fri 10/11
            (true, None),  // Sat 10/12, 上班
            (false, None), // Sun 10/13
        ],
    );
    assert_eq!(cal().day_kind(d(2024, 9, 29)), DayKind::AdjustedWorkday);
    assert_eq!(cal().day_kind(d(2024, 10, 12)), DayKind::AdjustedWorkday);
}

/// 2026 notice: 春节 2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，
/// 共9天。2月14日（周六）、2月28日（周六）上班。
#[test]
fn spring_festival_2026() {
    let s = Some("春节");
    let mut expected = vec![(true, None), (true, None)]; // Fri 2/13, Sat 2/14 上班
    expected.extend([(false, s); 9]); // 2/15..=2/23
    expected.extend([(true, None); 4]); // 2/24..=2/27
    expected.extend([(true, None), (false, None)]); // Sat 2/28 上班, Sun 3/1
    assert_days(d(2026, 2, 13), &expected);
    let h = cal().holiday_named(2026, "春节").expect("春节");
    assert_eq!((h.first, h.last), (d(2026, 2, 15), d(2026, 2, 23)));
}

#[test]
fn the_sunday_before_national_day_2024_is_a_working_day() {
    let sunday = d(2024, 9, 29);
    assert_eq!(sunday.weekday(), chrono::Weekday::Sun);
    assert!(cal().is_working_day(sunday));
    // "2024年10月8日前" seen on that Sunday: 9/30 and 10/8 remain, not 9 days.
    assert_eq!(cal().working_days_between(sunday, d(2024, 10, 8)), 2);
    assert_eq!(cal().working_days_between(d(2024, 10, 8), sunday), -2);
    assert_eq!(cal().next_working_day(d(2024, 9, 30)), Some(d(2024, 10, 8)));
    assert_eq!(
        cal().previous_working_day(d(2024, 10, 8)),
        Some(d(2024, 9, 30))
    );
    assert_eq!(cal().effective_due(d(2024, 10, 5)), Some(d(2024, 9, 30)));
    assert_eq!(cal().effective_due(d(2024, 10, 8)), Some(d(2024, 10, 8)));
}

#[test]
fn counting_as_the_regulations_do() {
    // 20个工作日 from a request received Friday 2024-09-20: counted from the next day.
    assert_eq!(
        cal().add_working_days(d(2024, 9, 20), 1),
        Some(d(2024, 9, 23))
    );
    assert_eq!(
        cal().add_working_days(d(2024, 9, 20), 20),
        Some(d(2024, 10, 23))
    );
    assert_eq!(
        cal().add_working_days(d(2024, 9, 20), 0),
        Some(d(2024, 9, 20))
    );
    assert_eq!(
        cal().sub_working_days(d(2024, 10, 23), 20),
        Some(d(2024, 9, 20))
    );
    // 每月前5个工作日: October 2024 begins after 国庆.
    assert_eq!(
        cal().nth_working_day_of_month(2024, 10, 1),
        Some(d(2024, 10, 8))
    );
    assert_eq!(
        cal().nth_working_day_of_month(2024, 10, 5),
        Some(d(2024, 10, 12))
    );
    assert_eq!(
        cal().nth_working_day_of_month(2026, 2, 11),
        Some(d(2026, 2, 14))
    );
    assert_eq!(
        cal().nth_working_day_of_month(2026, 2, 12),
        Some(d(2026, 2, 24))
    );
    assert_eq!(cal().nth_working_day_of_month(2026, 2, 30), None);
    assert_eq!(cal().nth_working_day_of_month(2026, 2, 0), None);
    assert_eq!(cal().nth_working_day_of_month(2026, 13, 1), None);
    assert_eq!(cal().working_days_in_month(2024, 10), Some(19));
}

#[test]
fn holidays_by_date_and_name() {
    let h = cal().holiday_at_or_after(d(2024, 9, 29)).expect("next");
    assert_eq!((h.name.as_str(), h.first), ("国庆节", d(2024, 10, 1)));
    let inside = cal().holiday_at_or_after(d(2024, 10, 3)).expect("inside");
    assert_eq!(inside.last, d(2024, 10, 7));
    // 2025 joins 中秋 to 国庆.
    let joined = cal().holiday_named(2025, "中秋节").expect("joined");
    assert_eq!(
        (joined.first, joined.last),
        (d(2025, 10, 1), d(2025, 10, 8))
    );
    // 2023's 元旦 begins in 2022.
    assert_eq!(
        cal().holiday_named(2023, "元旦").map(|h| h.first),
        Some(d(2022, 12, 31))
    );
    assert!(cal().holiday_at_or_after(d(2026, 10, 8)).is_none());
}

#[test]
fn a_year_without_data_counts_weekdays_and_says_so() {
    assert!(!cal().covers(2027));
    // 2027-01-01 is a Friday: counted as a working day, with a warning.
    assert!(cal().is_working_day(d(2027, 1, 1)));
    assert_eq!(
        cal().working_days_between(d(2026, 12, 31), d(2027, 1, 8)),
        6
    );
}

/// An illustrative 2027 table (not the real notice, which is not out yet).
const USER_2027: &str = r#"
[2027]
source = "test"
holidays = [
    { name = "元旦", from = "2027-01-01", to = "2027-01-03" },
    { name = "春节", from = 2027-02-05, to = 2027-02-12 },
]
workdays = ["2027-02-14"]
"#;

#[test]
fn a_user_file_adds_a_year() {
    let cal = Calendar::with_user_file("holidays.toml", USER_2027).expect("valid");
    assert!(cal.covers(2027) && cal.covers(2024));
    assert!(!cal.is_working_day(d(2027, 1, 1)));
    assert!(!cal.is_working_day(d(2027, 2, 8)));
    assert!(cal.is_working_day(d(2027, 2, 14)));
    assert!(cal.uncovered(d(2026, 12, 1), d(2027, 3, 1)).is_empty());
    // The built-in years are still there.
    assert!(cal.is_working_day(d(2024, 9, 29)));
}

#[test]
fn a_user_table_replaces_its_year() {
    let text =
        "[2024]\nholidays = [{ name = \"国庆节\", from = \"2024-10-01\", to = \"2024-10-03\" }]\n";
    let cal = Calendar::with_user_file("h.toml", text).expect("valid");
    assert!(cal.is_working_day(d(2024, 10, 4)));
    assert!(
        !cal.is_working_day(d(2024, 9, 29)),
        "the built-in 2024 is replaced"
    );
    assert!(cal.holiday_named(2024, "春节").is_none());
}

fn error(text: &str) -> String {
    Calendar::with_user_file("holidays.toml", text)
        .expect_err("invalid")
        .to_string()
}

#[test]
fn malformed_user_files_are_named_by_line() {
    let cases = [
        (
            "[2027]\nworkdays = [\"2027-02-30\"]\n",
            "holidays.toml, line 2: bad date \"2027-02-30\": expected YYYY-MM-DD",
        ),
        (
            "[2027]\nholidays = [\n  { name = \"春节\", from = \"2028-02-05\", to = \"2028-02-07\" },\n]\n",
            "holidays.toml, line 3: 2028-02-05 is outside [2027]",
        ),
        (
            "[2027]\nholidays = [{ name = \"春节\", from = \"2027-02-05\", to = \"2027-02-12\" }]\nworkdays = [\"2027-02-06\"]\n",
            "holidays.toml, line 3: 2027-02-06 is both a holiday (春节, line 2) and a working day",
        ),
        (
            "[2027]\nholidays = [\n  { name = \"春节\", from = \"2027-02-05\", to = \"2027-02-12\" },\n  { name = \"元宵\", from = \"2027-02-12\", to = \"2027-02-13\" },\n]\n",
            "holidays.toml, line 4: 元宵 (2027-02-12–2027-02-13) overlaps 春节 (2027-02-05–2027-02-12, line 3)",
        ),
        (
            "[2027]\nholiday = []\n",
            "holidays.toml, line 2: unknown field `holiday`",
        ),
        (
            "[next]\nworkdays = []\n",
            "holidays.toml, line 1: [next] is not a year",
        ),
        (
            "[2027]\nworkdays = [\"2027-02-03\"]\n",
            "holidays.toml, line 2: 2027-02-03 is a Wed",
        ),
        (
            "[2027]\nworkdays = [\n",
            "holidays.toml, line 2: unclosed array",
        ),
        (
            "[2027]\nholidays = [{ name = \"春节\", from = \"2027-02-12\", to = \"2027-02-05\" }]\n",
            "holidays.toml, line 2: 春节: `to` 2027-02-05 is before `from` 2027-02-12",
        ),
        (
            "[2018]\nholidays = [{ name = \"元旦\", from = \"2018-12-30\", to = \"2019-01-01\" }]\n",
            "holidays.toml, line 2: 2019-01-01 is outside [2018]",
        ),
        (
            "[2018]\nworkdays = [\"2018-12-22\",\n  \"2018-12-29\"]\n",
            "holidays.toml, line 3: 2018-12-29 is in both the [2018] and [2019] tables",
        ),
    ];
    for (text, expected) in cases {
        let got = error(text);
        assert!(
            got.starts_with(expected),
            "{text:?}\n got: {got}\nwant: {expected}"
        );
    }
}

#[test]
fn the_embedded_table_parses() {
    let tables = super::data::parse_tables("builtin", super::BUILTIN).expect("valid");
    assert_eq!(tables.len(), 8);
}
