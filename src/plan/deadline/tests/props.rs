//! Odd inputs and property tests.

use proptest::prelude::Strategy;

use super::*;

#[test]
fn odd_inputs_do_not_panic() {
    let long = "2021年9月30日前、十二月底前；".repeat(500);
    for raw in [
        "年",
        "月",
        "日",
        "底",
        "第",
        "季度",
        "每",
        "年底",
        "2021",
        "2021年",
        "2021年9",
        "2021年9月",
        "十",
        "十十十",
        "一二三四五",
        "99999年9月",
        "0000年0月0日",
        "2021..",
        "2021.9.",
        "报送至",
        "报送至（",
        "（（（",
        "））",
        "9月",
        "0月",
        "十月十",
        "上半",
        "第三",
        "明年",
        // A range separator at the very end.
        "一月-",
        "9月1日至",
        "每",
        "每个",
        "每季度第一个月",
        "半",
        "两",
        &long,
    ] {
        let d = Deadline::parse(raw, 2021);
        let _ = d.due(ymd(2021, 6, 1));
        let _ = Deadline::parse(raw, i32::MAX).due(ymd(2021, 6, 1));
    }
    assert_eq!(
        Deadline::parse(&long, 2021).milestones,
        vec![ymd(2021, 9, 30), ymd(2021, 12, 31)]
    );
}

/// Whether the text writes a digit (after an optional 个) before 年, 月 or 日.
fn writes_digit_time(raw: &str) -> bool {
    let s = super::super::normalise::normalise(raw);
    s.iter().enumerate().any(|(i, c)| {
        let at = i + 1 + usize::from(s.get(i + 1) == Some(&'个'));
        c.is_ascii_digit() && matches!(s.get(at), Some('年' | '月' | '日'))
    })
}

/// Chinese numerals for a number below 100 (九, 十, 十一, 三十一).
fn cn(n: u32) -> String {
    const D: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let digit = |d: u32| D[d as usize];
    match (n / 10, n % 10) {
        (0, d) => digit(d).to_string(),
        (1, 0) => "十".into(),
        (1, d) => format!("十{}", digit(d)),
        (t, 0) => format!("{}十", digit(t)),
        (t, d) => format!("{}十{}", digit(t), digit(d)),
    }
}

fn full_width(text: &str) -> String {
    text.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(u32::from('０') + d).unwrap_or(c),
            None => c,
        })
        .collect()
}

proptest::proptest! {
    /// Arbitrary mixes of the characters the scanner cares about never panic, and the
    /// result is internally consistent.
    #[test]
    fn never_panics_and_stays_consistent(
        raw in "[0-9０-９一二三四五六七八九十〇零两年月日号底末内上中下旬半季度第每个今明次翌起报送至到（）(),.，；\\-—～/ 前后工作天周元旦国庆节五一春首适时]{0,40}",
        plan_year in 1990i32..2100,
        offset in 0i64..2000,
    ) {
        let d = Deadline::parse(&raw, plan_year);
        proptest::prop_assert_eq!(d.kind == DeadlineKind::Date, !d.milestones.is_empty());
        proptest::prop_assert!(d.milestones.windows(2).all(|w| w[0] < w[1]));
        proptest::prop_assert!(d.range_starts.iter().all(|s| d.milestones.contains(s)));
        proptest::prop_assert!(d.day_of_period.is_none() || d.kind.is_recurring());
        proptest::prop_assert_eq!(d.relative.is_some(), d.kind == DeadlineKind::Relative);
        let today = ymd(1990, 1, 1) + chrono::Duration::days(offset * 30);
        let due = d.due(today);
        let undated = matches!(
            d.kind,
            DeadlineKind::Ongoing | DeadlineKind::None | DeadlineKind::Relative | DeadlineKind::Unparsed
        );
        proptest::prop_assert_eq!(due.is_some(), !undated);
        if d.kind.is_recurring() {
            let due = due.expect("recurring kinds are due");
            let this = d.period_due(today).expect("recurring kinds are due every period");
            proptest::prop_assert!(due >= today);
            proptest::prop_assert!(this <= d.kind.period_end(today).expect("recurring"));
            proptest::prop_assert!(due == this || this < today);
            let end = today + chrono::Duration::days(offset % 400);
            let within = d.due_within(today, end).expect("due within the period");
            proptest::prop_assert!(within <= end && within <= due);
        }
    }

    /// Any string at all, control characters and all.
    #[test]
    fn never_panics_on_arbitrary_strings(raw in proptest::prelude::any::<String>(), plan_year in proptest::prelude::any::<i32>()) {
        let d = Deadline::parse(&raw, plan_year);
        let _ = d.due(ymd(2021, 6, 1));
        let _ = d.due_within(ymd(2021, 6, 1), ymd(2021, 12, 31));
        let _ = d.period_due(ymd(2021, 6, 1));
    }

    /// A digit before 年/月/日 is read or the cell is unparsed: never "no deadline". (Texts
    /// without 起/开始/以来, which read a date as a start and leave no deadline.)
    #[test]
    fn unread_times_are_unparsed_not_none(
        raw in "[0-9０-９一二三四五六七八九十年月日号底末内上中下旬半季度第每个今明次报送至到（）,.，；\\-/ 前后工作天周完成检查公开〔〕]{0,30}",
    ) {
        let d = Deadline::parse(&raw, 2021);
        if writes_digit_time(&raw) {
            proptest::prop_assert_ne!(d.kind, DeadlineKind::None, "{}", raw);
        }
    }

    /// A real date written in any supported form reads as exactly that date.
    #[test]
    fn written_dates_read_back(
        date in (1990i32..2100, 1u32..=12, 1u32..=31)
            .prop_filter_map("a real date", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
        form in 0usize..9,
        tail in "(前|前完成|完成|，报送至市政府办公室|)",
    ) {
        use chrono::Datelike;
        let (y, m, d) = (date.year(), date.month(), date.day());
        let text = match form {
            0 => format!("{y}年{m}月{d}日"),
            1 => format!("{y}.{m}.{d}"),
            2 => format!("{y}-{m:02}-{d:02}"),
            3 => format!("{y}/{m}/{d}"),
            4 => format!("{y} 年 {m} 月 {d} 日"),
            5 => full_width(&format!("{y}年{m}月{d}号")),
            6 => format!("{}年{}月{}日", y.to_string().chars().map(|c| cn(c.to_digit(10).unwrap_or(0)))
                .collect::<String>(), cn(m), cn(d)),
            // No year: the plan year.
            7 => format!("{m}月{d}日"),
            _ => format!("{}月{}日", cn(m), cn(d)),
        };
        let raw = format!("{text}{tail}");
        let parsed = Deadline::parse(&raw, y);
        proptest::prop_assert_eq!(parsed.kind, DeadlineKind::Date, "{}", raw);
        proptest::prop_assert_eq!(parsed.milestones, vec![date], "{}", raw);
    }

    /// A month written alone, with 底 or 份, reads as its last day.
    #[test]
    fn written_months_read_back(y in 1990i32..2100, m in 1u32..=12, form in 0usize..4) {
        let text = match form {
            0 => format!("{y}年{m}月底前"),
            1 => format!("{m}月底前"),
            2 => format!("{}月份", cn(m)),
            _ => format!("{y}年{m}月"),
        };
        let want = crate::plan::deadline::month_end(y, m).expect("a real month");
        proptest::prop_assert_eq!(Deadline::parse(&text, y).milestones, vec![want], "{}", text);
    }
}

/// The JSON `deadline.kind` values issue #12 names, exactly.
#[test]
fn kinds_serialize_as_lowercase_names() {
    use DeadlineKind as K;
    let kinds = [
        K::Date,
        K::Monthly,
        K::Quarterly,
        K::Semiannual,
        K::Yearly,
        K::Ongoing,
        K::None,
        K::Relative,
        K::Unparsed,
    ];
    let names: Vec<String> = kinds
        .iter()
        .map(|k| serde_json::to_string(k).expect("serializes"))
        .collect();
    assert_eq!(
        names,
        [
            "\"date\"",
            "\"monthly\"",
            "\"quarterly\"",
            "\"semiannual\"",
            "\"yearly\"",
            "\"ongoing\"",
            "\"none\"",
            "\"relative\"",
            "\"unparsed\"",
        ]
    );
}
