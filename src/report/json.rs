//! JSON output. The shapes here are a documented interface (README "JSON output"): fields are
//! only ever added, and keep their order. Status and deadline kinds use the English codes
//! (`todo`, `date`, …) whatever `--lang` says.

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use crate::i18n::Lang;
use crate::plan::calendar::Calendar;
use crate::plan::deadline::{DayOfPeriod, Relative};
use crate::plan::escalation::{Escalation, EscalationRules, escalation};
use crate::plan::lifecycle::{Evidence, Extension, Reminder, Review};
use crate::plan::model::Extra;
use crate::plan::query::Entry;
use crate::plan::reporting::{ReportDuty, ReportSubmission, report_duty};
use crate::plan::{Change, Counts, DeadlineKind, Note, Period, Plan, ReqId, Status, Unit};

/// One requirement, as printed by `list --json` and `show --json` and reused by exports.
#[derive(Debug, Clone, Serialize)]
pub struct RequirementRow<'a> {
    /// The plan's name, when the rows span several plans of a workspace.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<&'a str>,
    #[serde(serialize_with = "crate::plan::id::serialize_shown")]
    pub id: ReqId,
    pub category: u32,
    pub category_name: String,
    pub item: String,
    pub text: &'a str,
    pub units_raw: &'a str,
    /// Every unit, leads first.
    pub units: Vec<&'a str>,
    pub lead: Vec<&'a str>,
    pub cooperating: Vec<&'a str>,
    /// The collective units among `units` (各镇（街道）, 市直各有关单位…).
    pub collective: Vec<&'a str>,
    pub status: Status,
    pub status_changed: Option<NaiveDateTime>,
    pub completed_on: Option<NaiveDate>,
    pub overdue: bool,
    pub days_left: Option<i64>,
    /// Working days after today up to the due day (negative when overdue); `null` where
    /// `days_left` is.
    pub workdays_left: Option<i64>,
    /// Set when `workdays_left` counts a year without holiday data as Monday–Friday.
    pub calendar_warning: Option<String>,
    pub report_to: Option<&'a str>,
    /// The start date (交办日) relative deadlines count from; absent when none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    pub deadline: DeadlineRow<'a>,
    pub notes: &'a [Note],
    /// Only in `show --json`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub history: Option<&'a [Change]>,
    /// 三色督办 colour: `none`, `blue`, `yellow` or `red` (default thresholds unless the
    /// command loaded `escalation.toml`).
    pub escalation: Escalation,
    /// Reports (报送) submitted, oldest first.
    pub reports: &'a [ReportSubmission],
    /// This period's report duty; `null` when the requirement owes none.
    pub report_due: Option<ReportDueRow>,
    /// 办结说明 given when marked done.
    pub completion_note: Option<&'a str>,
    /// A separate 配合单位 column as written (empty without one); its units are in
    /// `cooperating`.
    pub cooperating_raw: &'a str,
    /// 责任领导 as written (empty without the column).
    pub leader: &'a str,
    /// 备注 as written.
    pub remarks: &'a str,
    /// The document's columns that have no role, in its order: `{"name", "value"}`.
    pub extra: &'a [Extra],
    /// 延期, oldest first; `deadline.due` is the last one's date. Omitted while empty.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub extensions: &'a [Extension],
    /// The completion claim waiting for review (status `review`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<&'a Review>,
    /// 催办, oldest first. Omitted while empty.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub reminders: &'a [Reminder],
    /// 佐证材料. Omitted while empty.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub evidence: &'a [Evidence],
    /// Added by hand (`duban add`), not from the document. Omitted when false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub by_hand: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportDueRow {
    /// `2021-09`, `2021-Q3`, `2021` or `once`.
    pub period: String,
    pub due: NaiveDate,
    /// The date this period's report was submitted; `null` while outstanding.
    pub submitted: Option<NaiveDate>,
    pub to: Option<String>,
}

impl From<ReportDuty> for ReportDueRow {
    fn from(d: ReportDuty) -> Self {
        ReportDueRow {
            period: d.period,
            due: d.due,
            submitted: d.submitted.map(|s| s.submitted_on),
            to: d.to,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct DeadlineRow<'a> {
    pub raw: &'a str,
    /// What the text says (a date set by hand does not change it).
    pub kind: DeadlineKind,
    /// The effective due date: `set_by_hand` when there is one.
    pub due: Option<NaiveDate>,
    pub milestones: &'a [NaiveDate],
    /// The due date set by hand (`duban due`), overriding the text; `null` when none.
    pub set_by_hand: Option<NaiveDate>,
    /// The milestones that only open a range (2024年5月至8月: 05-01).
    #[serde(skip_serializing_if = "<[NaiveDate]>::is_empty")]
    pub range_starts: &'a [NaiveDate],
    /// Recurring on a day of each period (每月10日: `{"month": 1, "day": 10}`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day_of_period: Option<DayOfPeriod>,
    /// Counted from an event (5个工作日内: `{"count": 5, "unit": "working_days"}`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relative: Option<Relative>,
    /// A year without holiday data that keeps the deadline undated (春节前 in a 2030 plan).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calendar_gap: Option<i32>,
}

fn names<'a>(units: impl IntoIterator<Item = &'a Unit>) -> Vec<&'a str> {
    units.into_iter().map(|u| u.name.as_str()).collect()
}

/// Build the row for one requirement; `today` decides `overdue`, `days_left` and `due`.
/// `workdays_left` counts on the built-in calendar; [`RequirementRow::with_calendar`]
/// recounts it on one that includes the user's holiday file.
pub fn requirement_row<'a>(e: &Entry<'a>, today: NaiveDate) -> RequirementRow<'a> {
    let r = e.requirement;
    let (workdays_left, calendar_warning) =
        workdays_left(Calendar::active(), today, r.due(today), Lang::Zh);
    RequirementRow {
        plan: e.plan,
        id: r.id,
        category: e.category.number,
        // Names may carry the document's line breaks; JSON consumers want one line.
        category_name: super::text::one_line(&e.category.name).into_owned(),
        item: super::text::one_line(&e.item.name).into_owned(),
        text: &r.text,
        units_raw: &r.units_raw,
        units: names(r.units.all()),
        lead: names(&r.units.lead),
        cooperating: names(&r.units.cooperating),
        collective: names(r.units.all().filter(|u| u.collective)),
        status: r.status,
        status_changed: r.status_changed,
        completed_on: r.completed_on,
        overdue: r.is_overdue(today),
        days_left: r.days_left(today),
        workdays_left,
        calendar_warning,
        report_to: r.deadline.report_to.as_deref(),
        start: r.start,
        deadline: DeadlineRow {
            raw: &r.deadline_raw,
            kind: r.deadline.kind,
            due: r.due(today),
            milestones: &r.deadline.milestones,
            set_by_hand: r.due_set,
            range_starts: &r.deadline.range_starts,
            day_of_period: r.deadline.day_of_period,
            relative: r.deadline.relative,
            calendar_gap: r.calendar_gap(),
        },
        notes: &r.notes,
        history: None,
        escalation: escalation(r, today, &EscalationRules::default()),
        reports: &r.reports,
        report_due: report_duty(r, today).map(ReportDueRow::from),
        completion_note: r.completion_note.as_deref(),
        cooperating_raw: &r.cooperating_raw,
        leader: &r.leader_raw,
        remarks: &r.remarks,
        extra: &r.extra,
        extensions: &r.extensions,
        review: r.review.as_ref(),
        reminders: &r.reminders,
        evidence: &r.evidence,
        by_hand: r.by_hand,
    }
}

impl RequirementRow<'_> {
    /// Fill `workdays_left` (and its warning) from `cal`, beside `days_left`.
    #[must_use]
    pub fn with_calendar(mut self, cal: &Calendar, today: NaiveDate, lang: Lang) -> Self {
        (self.workdays_left, self.calendar_warning) =
            workdays_left(cal, today, self.deadline.due, lang);
        self
    }
}

/// `workdays_left` and its warning for a due date (`(None, None)` without one).
pub fn workdays_left(
    cal: &Calendar,
    today: NaiveDate,
    due: Option<NaiveDate>,
    lang: Lang,
) -> (Option<i64>, Option<String>) {
    match due {
        Some(due) => (
            Some(cal.working_days_between(today, due)),
            cal.warning(today, due, lang),
        ),
        None => (None, None),
    }
}

/// The row plus the requirement's history (`show --json`).
pub fn requirement_detail<'a>(e: &Entry<'a>, today: NaiveDate) -> RequirementRow<'a> {
    RequirementRow {
        history: Some(&e.requirement.history),
        ..requirement_row(e, today)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Summary<'a> {
    pub title: &'a str,
    pub year: i32,
    pub source: &'a str,
    pub today: NaiveDate,
    pub requirements: usize,
    pub items: usize,
    pub todo: usize,
    pub doing: usize,
    /// 待审核: completion claimed, not yet accepted.
    pub review: usize,
    pub done: usize,
    pub blocked: usize,
    pub overdue: usize,
    pub due_within_7: usize,
    /// Not done, with a deadline text still to be dated (时限待确认).
    pub unconfirmed: usize,
    /// The plan's period (its year unless the document or `import --period` said otherwise).
    pub period: Period,
    /// Today is past the period's end: the counts are what the plan ended with.
    pub ended: bool,
    pub categories: Vec<CategorySummary>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CategorySummary {
    pub number: u32,
    pub name: String,
    pub items: usize,
    pub requirements: usize,
    pub done: usize,
    pub overdue: usize,
}

pub fn summary(plan: &Plan, today: NaiveDate) -> Summary<'_> {
    let c = Counts::of(plan.requirements(), today);
    Summary {
        title: &plan.title,
        year: plan.year,
        source: &plan.source,
        today,
        requirements: c.total,
        items: plan.item_count(),
        todo: c.todo,
        doing: c.doing,
        review: c.review,
        done: c.done,
        blocked: c.blocked,
        overdue: c.overdue,
        due_within_7: c.due_soon,
        unconfirmed: c.unconfirmed,
        period: plan.period(),
        ended: plan.period().has_ended(today),
        categories: plan
            .categories
            .iter()
            .map(|cat| {
                let cc = Counts::of(cat.requirements(), today);
                CategorySummary {
                    number: cat.number,
                    name: super::text::one_line(&cat.name).into_owned(),
                    items: cat.items.len(),
                    requirements: cc.total,
                    done: cc.done,
                    overdue: cc.overdue,
                }
            })
            .collect(),
    }
}

/// Pretty JSON with a final newline. Serializing these plain structs cannot fail; the
/// error arm exists only because serde's signature has one. Control, bidi and invisible
/// characters in texts are `\uXXXX` escapes (see [`crate::text::safe::json`]): the values
/// stay exact, the bytes stay safe to print on a terminal.
pub fn to_string<T: Serialize>(value: &T) -> String {
    match serde_json::to_string_pretty(value) {
        Ok(mut s) => {
            s.push('\n');
            crate::text::safe::json(s)
        }
        // Still valid JSON, so a consumer sees the problem instead of a parse failure.
        Err(e) => format!("{}\n", serde_json::json!({ "error": e.to_string() })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::query;
    use crate::plan::{Category, Item, Requirement};

    fn plan() -> Plan {
        let mut r = Requirement::new(
            ReqId::new(1, 1, 1),
            "做好财政信息公开".into(),
            "市财政局".into(),
            "2021年11月15日前完成。".into(),
            2021,
        );
        let at = NaiveDate::from_ymd_opt(2021, 9, 1)
            .and_then(|d| d.and_hms_opt(8, 0, 0))
            .expect("time");
        r.add_note("已布置", at);
        Plan {
            title: "测试".into(),
            year: 2021,
            source: "test".into(),
            period: None,
            levels: crate::plan::Levels::default(),
            year_guessed: false,
            categories: vec![Category {
                number: 1,
                name: "扩大公开范围\n打造阳光政府".into(),
                items: vec![Item {
                    name: "事项".into(),
                    requirements: vec![r],
                }],
            }],
        }
    }

    #[test]
    fn row_has_documented_fields_in_order() {
        let p = plan();
        let today = NaiveDate::from_ymd_opt(2021, 9, 20).expect("date");
        let e = query::entry(&p, ReqId::new(1, 1, 1)).expect("exists");
        let v = serde_json::to_value(requirement_row(&e, today)).expect("json");
        assert_eq!(v["id"], "1.1.1");
        assert_eq!(v["category"], 1);
        assert_eq!(v["category_name"], "扩大公开范围 打造阳光政府");
        assert_eq!(v["status"], "todo");
        assert_eq!(v["overdue"], false);
        assert_eq!(v["deadline"]["raw"], "2021年11月15日前完成。");
        assert_eq!(v["notes"][0]["text"], "已布置");
        assert_eq!(v["notes"][0]["at"], "2021-09-01T08:00:00");
        assert!(v.get("history").is_none());
        let d = serde_json::to_value(requirement_detail(&e, today)).expect("json");
        assert_eq!(d["history"][0]["kind"], "note");
    }

    #[test]
    fn summary_counts() {
        let p = plan();
        let today = NaiveDate::from_ymd_opt(2021, 9, 20).expect("date");
        let v = serde_json::to_value(summary(&p, today)).expect("json");
        assert_eq!(v["today"], "2021-09-20");
        assert_eq!(v["requirements"], 1);
        assert_eq!(v["todo"], 1);
        assert_eq!(v["categories"][0]["items"], 1);
    }
}
