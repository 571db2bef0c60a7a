//! The 督办 life cycle beyond todo/doing/done: extensions (延期), the completion review
//! (申请办结 → 销号 / 退回重办), reminders (催办) and evidence (佐证材料).
//!
//! Everything lives on the [`Requirement`], so an action is one call that mutates it and
//! returns the history [`Change`] it recorded: the dashboard's undo (which keeps copies of
//! touched requirements) and the store's edits journal cover these actions with no extra
//! code. Each action is stamped with who did it ([`Stamp`]); the acting user is resolved
//! in `main` and handed down, nothing here reads the environment.

pub mod events;
pub mod evidence;
pub mod extension;
pub mod reminder;
pub mod review;

use chrono::{NaiveDate, NaiveDateTime};

pub use events::{Event, events_between};
pub use evidence::{Evidence, EvidenceCheck, FileFacts};
pub use extension::Extension;
pub use reminder::{Channel, Reminder};
pub use review::Review;

use super::deadline::DeadlineKind;
use super::model::{Change, ChangeKind, ReqId, Requirement, Status};

/// When an action happened and who took it (`--user`/`DUBAN_USER`, else the login name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub at: NaiveDateTime,
    pub by: Option<String>,
}

impl Stamp {
    pub fn new(at: NaiveDateTime, by: Option<&str>) -> Stamp {
        let by = by
            .map(str::trim)
            .filter(|b| !b.is_empty())
            .map(String::from);
        Stamp { at, by }
    }

    /// A history entry of this stamp.
    pub fn change(&self, what: ChangeKind) -> Change {
        Change {
            at: self.at,
            what,
            by: self.by.clone(),
            login: None,
            recorded: None,
        }
    }
}

/// An action refused: the requirement is left as it was. Its words (`Display` in
/// English, [`LifecycleError::message`]) are in the i18n layer (`i18n/lifecycle.rs`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LifecycleError {
    NotLater {
        id: ReqId,
        asked: NaiveDate,
        current: NaiveDate,
    },
    NoDate {
        id: ReqId,
        kind: DeadlineKind,
    },
    ReasonRequired {
        id: ReqId,
    },
    UnknownUnit {
        id: ReqId,
        unit: String,
        units: Vec<String>,
    },
    NoUnit {
        id: ReqId,
    },
    WrongStatus {
        id: ReqId,
        status: Status,
        action: review::Step,
    },
    EvidenceRequired {
        id: ReqId,
    },
}

/// The trimmed text, or `None` when blank.
fn given(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(String::from)
}

/// Sign every history entry `edit` appends with `by` (for edits made through the older
/// calls that take only a time: `set_status`, `add_note`, `set_due` …).
pub fn signed<T>(
    r: &mut Requirement,
    by: Option<&str>,
    edit: impl FnOnce(&mut Requirement) -> T,
) -> T {
    let from = r.history.len();
    let out = edit(r);
    if let Some(by) = by.map(str::trim).filter(|b| !b.is_empty()) {
        for c in r.history.iter_mut().skip(from) {
            if c.by.is_none() {
                c.by = Some(by.to_string());
            }
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod test_support {
    use chrono::{NaiveDate, NaiveDateTime};

    use super::Stamp;
    use crate::plan::{ReqId, Requirement};

    pub fn date(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, m, d).expect("valid date")
    }

    pub fn at(m: u32, d: u32) -> NaiveDateTime {
        date(m, d).and_hms_opt(9, 0, 0).expect("valid time")
    }

    pub fn stamp(m: u32, d: u32) -> Stamp {
        Stamp::new(at(m, d), Some("张三"))
    }

    pub fn req(units: &str, deadline: &str) -> Requirement {
        Requirement::new(
            ReqId::new(1, 1, 1),
            "要求".into(),
            units.into(),
            deadline.into(),
            2024,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use super::*;

    #[test]
    fn signed_stamps_only_the_new_entries() {
        let mut r = req("市政府办", "2024年9月30日前");
        r.add_note("旧", at(1, 1));
        signed(&mut r, Some(" 李四 "), |r| r.add_note("新", at(1, 2)));
        assert_eq!(r.history[0].by, None);
        assert_eq!(r.history[1].by.as_deref(), Some("李四"));
        signed(&mut r, Some(""), |r| r.add_note("无名", at(1, 3)));
        assert_eq!(r.history[2].by, None);
    }
}
