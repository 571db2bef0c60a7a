//! Holiday-relative deadlines.

use super::*;

#[test]
fn new_year_is_the_coming_one() {
    dates("元旦前", &[(2022, 1, 1)]);
    dates("元旦前完成", &[(2022, 1, 1)]);
    // Unless the text writes the year.
    dates("2022年元旦前", &[(2022, 1, 1)]);
}

#[test]
fn national_day() {
    dates("国庆节前", &[(2021, 10, 1)]);
    dates("国庆前完成", &[(2021, 10, 1)]);
    // The first day after the 10-01..10-07 break.
    dates("国庆节后", &[(2021, 10, 8)]);
    dates("2022年国庆节前", &[(2022, 10, 1)]);
}

#[test]
fn labour_day() {
    dates("劳动节前", &[(2021, 5, 1)]);
    dates("五一前", &[(2021, 5, 1)]);
    dates("五一劳动节前", &[(2021, 5, 1)]);
    dates("五一节后", &[(2021, 5, 6)]);
    dates("劳动节后", &[(2021, 5, 6)]);
}

#[test]
fn lunar_holidays_are_unparsed() {
    for raw in [
        "春节前",
        "春节后",
        "清明节前",
        "清明前",
        "端午节前",
        "中秋节前",
        "中秋前后",
    ] {
        kind(raw, DeadlineKind::Unparsed);
    }
}

#[test]
fn holidays_without_before_or_after_are_unparsed() {
    kind("国庆期间", DeadlineKind::Unparsed);
    kind("元旦春节期间", DeadlineKind::Unparsed);
    kind("元旦后", DeadlineKind::Unparsed);
}

#[test]
fn holiday_words_in_names_are_not_holidays() {
    kind("中国政府网", DeadlineKind::None);
    kind("国务院要求", DeadlineKind::None);
}
