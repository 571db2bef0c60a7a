//! 延期: a requirement's due date moved later, with a reason and who approved it. The latest
//! extension is the effective due date for every countdown (see [`crate::plan::due`]); the
//! original deadline and each extension stay on record.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::{LifecycleError, Stamp, given};
use crate::plan::deadline::DeadlineKind;
use crate::plan::model::{Change, ChangeKind, Requirement};

/// One extension granted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extension {
    /// The new due date.
    pub to: NaiveDate,
    /// The due date it replaced (the original deadline for the first extension).
    pub from: NaiveDate,
    pub reason: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<String>,
    /// When it was recorded, and by whom.
    pub at: NaiveDateTime,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

impl Requirement {
    /// Grant an extension to `to`: refused unless the deadline is a date, `to` is later than
    /// the current due date and a reason is given.
    pub fn extend(
        &mut self,
        to: NaiveDate,
        reason: &str,
        approved_by: Option<&str>,
        stamp: &Stamp,
        today: NaiveDate,
    ) -> Result<Change, LifecycleError> {
        let id = self.id;
        let reason = given(Some(reason)).ok_or(LifecycleError::ReasonRequired { id })?;
        let current = match (self.deadline_kind(), self.due(today)) {
            (DeadlineKind::Date, Some(d)) => d,
            (kind, _) => {
                return Err(LifecycleError::NoDate { id, kind });
            }
        };
        if to <= current {
            return Err(LifecycleError::NotLater {
                id,
                asked: to,
                current,
            });
        }
        let approved_by = given(approved_by);
        self.extensions.push(Extension {
            to,
            from: current,
            reason: reason.clone(),
            approved_by: approved_by.clone(),
            at: stamp.at,
            by: stamp.by.clone(),
        });
        let change = stamp.change(ChangeKind::Extended {
            from: current,
            to,
            reason,
            approved_by,
        });
        self.history.push(change.clone());
        Ok(change)
    }

    /// The due date in force from the extensions, when there are any.
    pub fn extended_due(&self) -> Option<NaiveDate> {
        self.extensions.last().map(|e| e.to)
    }

    /// 原时限: the due date before the first extension.
    pub fn original_due(&self) -> Option<NaiveDate> {
        self.extensions.first().map(|e| e.from)
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    #[test]
    fn an_extension_moves_every_countdown_and_keeps_the_original() {
        let mut r = req("市政府办", "2024年9月30日前");
        let today = date(10, 5);
        assert!(r.is_overdue(today));
        let c = r
            .extend(
                date(10, 31),
                " 需协调省厅 ",
                Some("王局长"),
                &stamp(10, 5),
                today,
            )
            .expect("granted");
        assert_eq!(c.by.as_deref(), Some("张三"));
        assert_eq!(r.history.last(), Some(&c));
        assert_eq!(r.due(today), Some(date(10, 31)));
        assert!(!r.is_overdue(today));
        assert_eq!(r.original_due(), Some(date(9, 30)));
        assert_eq!(r.extensions[0].reason, "需协调省厅");
        assert_eq!(r.extensions[0].approved_by.as_deref(), Some("王局长"));
        // A second one must go later than the first.
        let err = r
            .extend(date(10, 20), "再延", None, &stamp(10, 6), today)
            .expect_err("earlier");
        assert_eq!(
            err,
            LifecycleError::NotLater {
                id: r.id,
                asked: date(10, 20),
                current: date(10, 31)
            }
        );
        r.extend(date(11, 30), "再延", None, &stamp(10, 6), today)
            .expect("later");
        assert_eq!(r.extensions.len(), 2);
        assert_eq!(r.original_due(), Some(date(9, 30)));
        assert_eq!(r.extensions[1].from, date(10, 31));
    }

    #[test]
    fn refused_without_a_reason_a_date_or_a_later_day() {
        let mut r = req("市政府办", "2024年9月30日前");
        let today = date(9, 1);
        let before = r.clone();
        assert!(matches!(
            r.extend(date(10, 31), "  ", None, &stamp(9, 1), today),
            Err(LifecycleError::ReasonRequired { .. })
        ));
        assert!(matches!(
            r.extend(date(9, 30), "同一天", None, &stamp(9, 1), today),
            Err(LifecycleError::NotLater { .. })
        ));
        let mut monthly = req("市政府办", "每月10日前报送");
        assert!(matches!(
            monthly.extend(date(12, 31), "理由", None, &stamp(9, 1), today),
            Err(LifecycleError::NoDate { .. })
        ));
        assert_eq!(r, before, "a refused extension changes nothing");
    }

    #[test]
    fn the_extension_wins_over_a_date_set_by_hand() {
        let mut r = req("市政府办", "待省里通知后确定");
        r.set_due(Some(date(6, 30)), at(6, 1));
        r.extend(date(7, 31), "理由", None, &stamp(6, 2), date(6, 2))
            .expect("granted");
        assert_eq!(r.original_due(), Some(date(6, 30)));
        r.set_due(Some(date(8, 31)), at(6, 3));
        assert_eq!(r.due(date(6, 3)), Some(date(7, 31)));
        assert!(!r.is_unconfirmed());
    }
}
