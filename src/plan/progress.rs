//! The progress log of a requirement: editing and deleting notes, and the 办结说明
//! (completion note) given when marking done. Every change lands in `history`, so the log
//! keeps what a note said before it was changed.

use chrono::NaiveDateTime;

use super::model::{Change, ChangeKind, Requirement, Status};

impl Requirement {
    /// Replace the text of note `index` (0-based, in `notes` order). False, recording
    /// nothing, when there is no such note or the text is empty or unchanged.
    pub fn edit_note(&mut self, index: usize, text: &str, now: NaiveDateTime) -> bool {
        let text = text.trim();
        let Some(note) = self.notes.get_mut(index) else {
            return false;
        };
        if text.is_empty() || note.text == text {
            return false;
        }
        let from = std::mem::replace(&mut note.text, text.to_string());
        self.history.push(Change::new(
            now,
            ChangeKind::NoteEdited {
                index,
                from,
                to: text.to_string(),
            },
        ));
        true
    }

    /// Remove note `index`; false when there is none.
    pub fn delete_note(&mut self, index: usize, now: NaiveDateTime) -> bool {
        if index >= self.notes.len() {
            return false;
        }
        let note = self.notes.remove(index);
        self.history.push(Change::new(
            now,
            ChangeKind::NoteDeleted {
                index,
                text: note.text,
            },
        ));
        true
    }

    /// Take over every progress field of `from` (status and its dates, notes, history,
    /// completion note, reports), keeping this requirement's id and texts. For carrying
    /// progress across a revised plan: copying fields one by one loses those added later.
    pub fn take_progress(&mut self, from: Requirement) {
        self.status = from.status;
        self.status_changed = from.status_changed;
        self.completed_on = from.completed_on;
        self.notes = from.notes;
        self.history = from.history;
        self.completion_note = from.completion_note;
        self.reports = from.reports;
        // A date set by hand is progress too: the coordinator decided it.
        self.due_set = from.due_set;
        // So is a start date (交办日) given before; else the one the revised import gave.
        self.start = from.start.or(self.start);
        self.extensions = from.extensions;
        self.review = from.review;
        self.reminders = from.reminders;
        self.evidence = from.evidence;
        self.resolve_start(crate::plan::calendar::Calendar::active());
    }

    /// Mark done with an optional 办结说明: kept in `completion_note` and also logged as a
    /// note, so the progress log reads in order. Returns whether anything changed.
    pub fn complete(&mut self, note: Option<&str>, now: NaiveDateTime) -> bool {
        let changed = self.set_status(Status::Done, now);
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        if let Some(text) = note {
            self.completion_note = Some(text.to_string());
            self.add_note(text, now);
        }
        changed || note.is_some()
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::plan::ReqId;

    fn now(h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2021, 9, 20)
            .and_then(|d| d.and_hms_opt(h, 0, 0))
            .expect("time")
    }

    #[test]
    fn edit_and_delete_are_logged() {
        let mut r = Requirement::new(
            ReqId::new(1, 1, 1),
            "x".into(),
            String::new(),
            String::new(),
            2021,
        );
        r.add_note("初稿", now(8));
        r.add_note("第二条", now(8));
        assert!(r.edit_note(0, " 定稿 ", now(9)));
        assert!(!r.edit_note(0, "定稿", now(9)), "unchanged");
        assert!(!r.edit_note(5, "x", now(9)), "no such note");
        assert!(!r.edit_note(1, "  ", now(9)), "empty");
        assert_eq!(r.notes[0].text, "定稿");
        assert!(r.delete_note(1, now(10)));
        assert!(!r.delete_note(1, now(10)));
        assert_eq!(r.notes.len(), 1);
        let kinds: Vec<_> = r.history.iter().map(|c| c.what.clone()).collect();
        assert_eq!(
            kinds[2..],
            [
                ChangeKind::NoteEdited {
                    index: 0,
                    from: "初稿".into(),
                    to: "定稿".into()
                },
                ChangeKind::NoteDeleted {
                    index: 1,
                    text: "第二条".into()
                },
            ]
        );
        let json = serde_json::to_string(&r.history[2]).expect("json");
        assert!(json.contains(r#""kind":"note_edited""#), "{json}");
    }

    #[test]
    fn take_progress_keeps_reports() {
        let mut old = Requirement::new(
            ReqId::new(1, 1, 4),
            "x".into(),
            String::new(),
            "每月报送".into(),
            2021,
        );
        old.complete(Some("完成"), now(8));
        let today = now(8).date();
        old.set_status(Status::Doing, now(9));
        crate::plan::reporting::submit_report(&mut old, today, None, now(9)).expect("monthly");
        let mut new = Requirement::new(
            ReqId::new(1, 2, 1),
            "y".into(),
            String::new(),
            "每月报送".into(),
            2021,
        );
        new.take_progress(old.clone());
        assert_eq!((new.id, new.text.as_str()), (ReqId::new(1, 2, 1), "y"));
        assert_eq!(
            (new.status, &new.reports, &new.history),
            (old.status, &old.reports, &old.history)
        );
    }

    #[test]
    fn completion_note() {
        let mut r = Requirement::new(
            ReqId::new(1, 1, 1),
            "x".into(),
            String::new(),
            String::new(),
            2021,
        );
        assert!(r.complete(Some("已印发文件"), now(8)));
        assert_eq!(r.status, Status::Done);
        assert_eq!(r.completion_note.as_deref(), Some("已印发文件"));
        assert_eq!(r.notes[0].text, "已印发文件");
        r.set_status(Status::Doing, now(9));
        assert_eq!(r.completion_note, None, "reopening clears it");
    }
}
