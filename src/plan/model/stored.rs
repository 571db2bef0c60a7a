//! A requirement's stored fields: what the state file and the team store's rows hold. The
//! derived fields (units, deadline, period end, start-relative due date) follow from them
//! and the plan, so a copy kept without them (the team store's base of a save) compares
//! equal to the live one.

use super::Requirement;

impl Requirement {
    /// Whether the stored fields are equal; the derived ones are not looked at.
    pub fn same_stored(&self, other: &Requirement) -> bool {
        // Destructured in full, so that a field added to the struct must be placed here
        // (compared, or named as derived) before this compiles.
        let Requirement {
            id,
            text,
            units_raw,
            deadline_raw,
            status,
            status_changed,
            completed_on,
            notes,
            history,
            completion_note,
            reports,
            due_set,
            start,
            cooperating_raw,
            leader_raw,
            remarks,
            extra,
            number,
            extensions,
            review,
            reminders,
            evidence,
            by_hand,
            units: _,
            deadline: _,
            period_end: _,
            start_due: _,
        } = self;
        *id == other.id
            && *text == other.text
            && *units_raw == other.units_raw
            && *deadline_raw == other.deadline_raw
            && *status == other.status
            && *status_changed == other.status_changed
            && *completed_on == other.completed_on
            && *notes == other.notes
            && *history == other.history
            && *completion_note == other.completion_note
            && *reports == other.reports
            && *due_set == other.due_set
            && *start == other.start
            && *cooperating_raw == other.cooperating_raw
            && *leader_raw == other.leader_raw
            && *remarks == other.remarks
            && *extra == other.extra
            && *number == other.number
            && *extensions == other.extensions
            && *review == other.review
            && *reminders == other.reminders
            && *evidence == other.evidence
            && *by_hand == other.by_hand
    }
}

#[cfg(test)]
mod tests {
    use crate::plan::{ReqId, Requirement};

    #[test]
    fn derived_fields_do_not_count_and_stored_ones_do() {
        let live = Requirement::new(
            ReqId::new(1, 1, 1),
            "公开财政预决算".into(),
            "市财政局牵头".into(),
            "2021年9月30日前".into(),
            2021,
        );
        let stored = Requirement::underived(
            live.id,
            live.text.clone(),
            live.units_raw.clone(),
            live.deadline_raw.clone(),
        );
        assert_ne!(live, stored, "the derived fields differ");
        assert!(live.same_stored(&stored));
        let mut edited = stored.clone();
        edited.remarks = "已报送".into();
        assert!(!live.same_stored(&edited));
        let mut moved = stored;
        moved.deadline_raw = "2021年10月底前".into();
        assert!(!live.same_stored(&moved));
    }
}
