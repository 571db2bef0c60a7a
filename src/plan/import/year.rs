//! The plan year, for tables and paragraph plans alike: `import --year`, else the title, else
//! the document's own dates (an issuing date under the notice, dated deadlines), else the
//! import date — which the plan then records as a guess, so that `import` and `summary` can
//! say how to correct it.

use chrono::{Datelike, NaiveDate};

use super::cell;

/// What the caller knows about the year besides the document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct YearHint {
    /// `import --year`.
    pub given: Option<i32>,
    /// The (injected) import date, the last resort.
    pub today: Option<NaiveDate>,
}

/// The year, and whether it was guessed from the import date; `None` when neither the
/// document nor the hint gives one (a library caller that gave no import date).
pub fn resolve(
    title: &str,
    dates: impl IntoIterator<Item = impl AsRef<str>>,
    hint: YearHint,
) -> Option<(i32, bool)> {
    if let Some(year) = hint.given {
        return Some((year, false));
    }
    let found = cell::find_year(title).or_else(|| {
        dates
            .into_iter()
            .find_map(|text| cell::find_year(text.as_ref()))
    });
    found
        .map(|year| (year, false))
        .or_else(|| hint.today.map(|today| (today.year(), true)))
}

/// Whether a line is only a date, as the issuing date under a notice is written
/// ("2024年3月5日", "2024年3月"): a date in a sentence does not say the plan's year.
pub fn is_date_line(line: &str) -> bool {
    let s: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let Some((year, rest)) = s.split_once('年') else {
        return false;
    };
    year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && cell::find_year(&s).is_some()
        && rest.contains('月')
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '月' | '日' | '号'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, 3, 1).expect("valid")
    }

    #[test]
    fn given_then_title_then_dates_then_today() {
        let hint = YearHint {
            given: None,
            today: Some(day(2024)),
        };
        let none: [&str; 0] = [];
        assert_eq!(resolve("2023年工作要点", none, hint), Some((2023, false)));
        assert_eq!(
            resolve("工作要点", ["6月底前", "2022年9月底前"], hint),
            Some((2022, false))
        );
        assert_eq!(resolve("工作要点", ["6月底前"], hint), Some((2024, true)));
        let given = YearHint {
            given: Some(2025),
            ..hint
        };
        assert_eq!(resolve("2023年工作要点", none, given), Some((2025, false)));
        assert_eq!(resolve("工作要点", none, YearHint::default()), None);
    }

    #[test]
    fn date_lines_are_only_dates() {
        for s in ["2024年3月5日", " 2024年3月 ", "2024年12月31号"] {
            assert!(is_date_line(s), "{s}");
        }
        for s in ["2024年", "2024年3月5日印发", "于2024年3月5日", "12024年3月"] {
            assert!(!is_date_line(s), "{s}");
        }
    }
}
