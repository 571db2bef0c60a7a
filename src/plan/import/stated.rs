//! A start date (交办日) the document states above its table or in its title: "印发日期：
//! 2024年3月1日", "交办日期 2024-03-01". Every requirement of the plan counts its relative
//! deadlines ("5个工作日内") from it unless it is given its own.

use chrono::NaiveDate;

use crate::plan::period::parse_day;

/// The labels, longest first.
const LABELS: [&str; 5] = ["交办日期", "交办时间", "印发日期", "印发时间", "交办日"];

/// The first start date stated in `texts`.
pub fn stated_start<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<NaiveDate> {
    texts.into_iter().find_map(start_in)
}

fn start_in(text: &str) -> Option<NaiveDate> {
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    LABELS.iter().find_map(|label| {
        let (_, rest) = text.split_once(label)?;
        let rest = rest.trim_start_matches([':', '：', '为']);
        let date: String = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || "年月日-".contains(*c))
            .collect();
        // 2024年3月1日 and 2024-03-01 as written; a date without its day is no start.
        parse_day(&date).or_else(|| {
            parse_day(
                date.trim_end_matches('日')
                    .replace(['年', '月'], "-")
                    .as_str(),
            )
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn reads_the_labelled_date() {
        assert_eq!(
            stated_start(["某区2024年政务公开工作任务分解表", "印发日期：2024年3月1日"]),
            Some(date(2024, 3, 1))
        );
        assert_eq!(
            stated_start(["交办日期 2024-09-27"]),
            Some(date(2024, 9, 27))
        );
        assert_eq!(stated_start(["交办时间：2024年9月"]), None, "no day");
        assert_eq!(stated_start(["2024年3月1日"]), None, "no label");
        assert_eq!(
            stated_start(["印发日期：2024年2月30日"]),
            None,
            "no such day"
        );
    }
}
