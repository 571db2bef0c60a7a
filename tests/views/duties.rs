//! The progress log (note edits and deletions, the completion note) and reporting duties
//! (报送) per period, including how they survive the JSON round trip.

use duban::plan::reporting::{ReportError, is_outstanding, report_duty, submit_report};
use duban::plan::{ChangeKind, Requirement, Status};

use super::support::{at, date, id, seed};

#[test]
fn note_edit_and_delete_history() {
    let mut plan = seed();
    let day = date(2021, 9, 20);
    let r = plan.get_mut(id("1.1.1")).expect("exists");
    r.add_note("已起草", at(day, 8));
    r.add_note("待审", at(day, 8));
    assert!(r.edit_note(0, "已定稿", at(day, 9)));
    assert!(r.delete_note(1, at(day, 10)));
    assert!(!r.delete_note(3, at(day, 10)));
    assert_eq!(r.notes.len(), 1);
    assert_eq!(r.notes[0].text, "已定稿");
    assert_eq!(r.notes[0].at, at(day, 8), "an edit keeps the note's time");
    let kinds: Vec<&ChangeKind> = r.history.iter().map(|c| &c.what).collect();
    assert!(
        matches!(kinds[2], ChangeKind::NoteEdited { index: 0, from, to } if from == "已起草" && to == "已定稿")
    );
    assert!(matches!(kinds[3], ChangeKind::NoteDeleted { index: 1, text } if text == "待审"));
    assert_eq!(r.history[3].at, at(day, 10));

    // Round trip: the new history kinds and fields read back.
    let json = serde_json::to_string(r).expect("json");
    let back: Requirement = serde_json::from_str(&json).expect("reads");
    assert_eq!(back.history, r.history);
}

#[test]
fn old_json_without_new_fields_still_reads() {
    let old = r#"{"id":"1.1.4","text":"x","units_raw":"市司法局","deadline_raw":"每月报送",
        "status":"doing","notes":[{"at":"2021-09-01T08:00:00","text":"n"}],
        "history":[{"at":"2021-09-01T08:00:00","kind":"note","text":"n"}]}"#;
    let r: Requirement = serde_json::from_str(old).expect("reads");
    assert!(r.reports.is_empty());
    assert_eq!(r.completion_note, None);
    let again = serde_json::to_string(&r).expect("json");
    assert!(
        !again.contains("reports") && !again.contains("completion_note"),
        "{again}"
    );
}

#[test]
fn completion_note_is_kept_and_logged() {
    let mut plan = seed();
    let r = plan.get_mut(id("3.2.1")).expect("exists");
    assert!(r.complete(Some("公报已创刊"), at(date(2021, 10, 8), 9)));
    assert_eq!(r.status, Status::Done);
    assert_eq!(r.completed_on, Some(date(2021, 10, 8)));
    assert_eq!(r.completion_note.as_deref(), Some("公报已创刊"));
    assert_eq!(r.notes.last().map(|n| n.text.as_str()), Some("公报已创刊"));
}

#[test]
fn monthly_report_per_period() {
    let mut plan = seed();
    let r = plan.get_mut(id("1.1.4")).expect("exists");
    let sep = date(2021, 9, 20);
    let duty = report_duty(r, sep).expect("monthly duty");
    assert_eq!(
        (duty.period.as_str(), duty.due),
        ("2021-09", date(2021, 9, 30))
    );
    assert!(is_outstanding(r, sep));
    assert_eq!(
        submit_report(r, sep, Some("九月已报"), at(sep, 9)),
        Ok("2021-09".into())
    );
    assert!(!is_outstanding(r, date(2021, 9, 30)));
    assert_eq!(
        submit_report(r, date(2021, 9, 28), None, at(sep, 10)),
        Err(ReportError::AlreadySubmitted {
            id: id("1.1.4"),
            period: "2021-09".into(),
            on: sep
        })
    );
    // October is a new period: outstanding again until submitted.
    let oct = date(2021, 10, 8);
    assert!(is_outstanding(r, oct));
    assert_eq!(
        submit_report(r, oct, None, at(oct, 9)),
        Ok("2021-10".into())
    );
    assert_eq!(r.reports.len(), 2);
    assert!(matches!(&r.history[1].what, ChangeKind::Report { period } if period == "2021-10"));
}

#[test]
fn dated_report_outstanding_until_submitted_even_when_done() {
    let mut plan = seed();
    let day = date(2021, 9, 20);
    let r = plan.get_mut(id("1.1.3")).expect("exists");
    r.set_status(Status::Done, at(day, 9));
    let duty = report_duty(r, day).expect("report_to duty");
    assert_eq!(duty.period, "once");
    assert_eq!(duty.to.as_deref(), Some("市政府办公室209室"));
    assert!(is_outstanding(r, day));
    submit_report(r, day, None, at(day, 9)).expect("first submission");
    // Still "once" in a later month: nothing more is owed.
    assert!(!is_outstanding(r, date(2021, 12, 1)));
    let ongoing = plan.get_mut(id("2.5.1")).expect("exists");
    assert!(report_duty(ongoing, day).is_none());
    assert_eq!(
        submit_report(ongoing, day, None, at(day, 9)),
        Err(ReportError::NoDuty(id("2.5.1")))
    );
}
