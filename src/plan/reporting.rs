//! Reporting duties (报送): a requirement whose deadline names where to report (报送至…) or
//! recurs (每月/每季度/每年) owes a report per period, separate from getting the work done.
//!
//! Periods are keys: `2021-09` (monthly), `2021-Q3` (quarterly), `2021` (yearly) and `once`
//! for a dated requirement with a report target. A dated requirement's report stays
//! outstanding until submitted, whether or not the work is done: the office still needs the
//! paper. A recurring one owes a report every period, also regardless of status.

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::deadline::DeadlineKind;
use super::model::{Change, ChangeKind, Requirement};

/// One report handed in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportSubmission {
    /// `2021-09`, `2021-Q3`, `2021` or `once`.
    pub period: String,
    pub submitted_on: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// When it was recorded.
    pub at: NaiveDateTime,
}

/// The report a requirement owes in the period containing `today`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportDuty {
    pub period: String,
    pub due: NaiveDate,
    /// The submission for this period, if already in.
    pub submitted: Option<ReportSubmission>,
    /// Where to send it (报送至…), when the text says.
    pub to: Option<String>,
}

impl ReportDuty {
    /// Owed and not yet submitted.
    pub fn is_outstanding(&self) -> bool {
        self.submitted.is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    #[error("{0} has no reporting duty (its deadline neither recurs nor names a report)")]
    NoDuty(super::ReqId),
    #[error("{id}: the report for {period} was already submitted on {on}")]
    AlreadySubmitted {
        id: super::ReqId,
        period: String,
        on: NaiveDate,
    },
}

/// The period key of a recurring kind at `today`; `once` for dated; `None` otherwise.
pub fn period_key(kind: DeadlineKind, today: NaiveDate) -> Option<String> {
    match kind {
        DeadlineKind::Monthly => Some(format!("{}-{:02}", today.year(), today.month())),
        DeadlineKind::Quarterly => Some(format!("{}-Q{}", today.year(), today.month().div_ceil(3))),
        DeadlineKind::Semiannual => Some(format!(
            "{}-H{}",
            today.year(),
            if today.month() <= 6 { 1 } else { 2 }
        )),
        DeadlineKind::Yearly => Some(today.year().to_string()),
        DeadlineKind::Date => Some("once".into()),
        DeadlineKind::Ongoing
        | DeadlineKind::None
        | DeadlineKind::Relative
        | DeadlineKind::Unparsed => None,
    }
}

/// The duty at `today`: recurring kinds always report; dated ones only with a report target.
/// None once the plan's period is over: nothing is to be reported any more.
pub fn report_duty(r: &Requirement, today: NaiveDate) -> Option<ReportDuty> {
    if r.plan_ended(today) {
        return None;
    }
    let d = &r.deadline;
    let recurring = d.kind.is_recurring();
    let dated_report = d.kind == DeadlineKind::Date && d.report_to.is_some();
    if !(recurring || dated_report) {
        return None;
    }
    let period = period_key(d.kind, today)?;
    // This period's due day, even when past (每月10日 on the 15th: the 10th), so a missed
    // report shows against its own period's date; a date set by hand wins.
    let due = r.due_set.or_else(|| d.period_due(today))?;
    let submitted = r.reports.iter().rev().find(|s| s.period == period).cloned();
    Some(ReportDuty {
        period,
        due,
        submitted,
        to: d.report_to.clone(),
    })
}

/// Whether a report is owed and not yet in.
pub fn is_outstanding(r: &Requirement, today: NaiveDate) -> bool {
    report_duty(r, today).is_some_and(|d| d.is_outstanding())
}

/// Record this period's report (dated `today`), returning the period key. History gets a
/// `report` entry. An empty note counts as none.
pub fn submit_report(
    r: &mut Requirement,
    today: NaiveDate,
    note: Option<&str>,
    now: NaiveDateTime,
) -> Result<String, ReportError> {
    let duty = report_duty(r, today).ok_or(ReportError::NoDuty(r.id))?;
    if let Some(s) = duty.submitted {
        return Err(ReportError::AlreadySubmitted {
            id: r.id,
            period: duty.period,
            on: s.submitted_on,
        });
    }
    let note = note
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(String::from);
    r.reports.push(ReportSubmission {
        period: duty.period.clone(),
        submitted_on: today,
        note,
        at: now,
    });
    r.history.push(Change::new(
        now,
        ChangeKind::Report {
            period: duty.period.clone(),
        },
    ));
    Ok(duty.period)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::ReqId;

    fn date(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2021, m, d).expect("date")
    }

    fn req(deadline: &str) -> Requirement {
        Requirement::new(
            ReqId::new(1, 1, 4),
            "报送".into(),
            "市财政局".into(),
            deadline.into(),
            2021,
        )
    }

    #[test]
    fn period_keys() {
        assert_eq!(
            period_key(DeadlineKind::Monthly, date(9, 3)).as_deref(),
            Some("2021-09")
        );
        assert_eq!(
            period_key(DeadlineKind::Quarterly, date(9, 3)).as_deref(),
            Some("2021-Q3")
        );
        assert_eq!(
            period_key(DeadlineKind::Quarterly, date(10, 1)).as_deref(),
            Some("2021-Q4")
        );
        assert_eq!(
            period_key(DeadlineKind::Yearly, date(9, 3)).as_deref(),
            Some("2021")
        );
        assert_eq!(period_key(DeadlineKind::Ongoing, date(9, 3)), None);
    }

    #[test]
    fn a_duty_on_a_day_of_the_month_is_due_that_day_of_this_month() {
        let r = req("每月10日前报送上月情况");
        let duty = report_duty(&r, date(9, 3)).expect("duty");
        assert_eq!((duty.period.as_str(), duty.due), ("2021-09", date(9, 10)));
        // Missed: still this month's report, due on the 10th (not next month's).
        let duty = report_duty(&r, date(9, 15)).expect("duty");
        assert_eq!((duty.period.as_str(), duty.due), ("2021-09", date(9, 10)));
    }

    #[test]
    fn monthly_duty_comes_back_next_month() {
        let mut r = req("每月底前报送工作进展。");
        assert_eq!(r.deadline.kind, DeadlineKind::Monthly);
        let at = date(9, 20).and_hms_opt(9, 0, 0).expect("time");
        let duty = report_duty(&r, date(9, 20)).expect("duty");
        assert_eq!((duty.period.as_str(), duty.due), ("2021-09", date(9, 30)));
        assert!(duty.is_outstanding());
        assert_eq!(
            submit_report(&mut r, date(9, 20), Some("  已报 "), at),
            Ok("2021-09".into())
        );
        assert_eq!(r.reports[0].note.as_deref(), Some("已报"));
        assert!(!is_outstanding(&r, date(9, 30)));
        assert!(matches!(
            submit_report(&mut r, date(9, 25), None, at),
            Err(ReportError::AlreadySubmitted { .. })
        ));
        assert!(is_outstanding(&r, date(10, 1)));
        assert_eq!(
            report_duty(&r, date(10, 1)).expect("duty").period,
            "2021-10"
        );
    }

    #[test]
    fn dated_needs_a_target() {
        let at = date(9, 20).and_hms_opt(9, 0, 0).expect("time");
        let mut plain = req("2021年10月底前完成。");
        assert!(report_duty(&plain, date(9, 20)).is_none());
        assert_eq!(
            submit_report(&mut plain, date(9, 20), None, at),
            Err(ReportError::NoDuty(plain.id))
        );
        let r = req("2021年10月底前完成，并将工作情况报送至市政府办公室209室。");
        let duty = report_duty(&r, date(9, 20)).expect("duty");
        assert_eq!(duty.period, "once");
        assert!(duty.to.is_some());
    }
}
