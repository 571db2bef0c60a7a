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
pub mod summary;

use chrono::{NaiveDate, NaiveDateTime};

pub use events::{Event, events_between};
pub use evidence::{Evidence, EvidenceCheck, FileFacts};
pub use extension::Extension;
pub use reminder::{Channel, Reminder};
pub use review::Review;

use super::model::{Change, ChangeKind, ReqId, Requirement, Status};
use crate::i18n::Lang;

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
        }
    }
}

/// An action refused: the requirement is left as it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LifecycleError {
    #[error("{id}: the new date {asked} is not later than the current due date {current}")]
    NotLater {
        id: ReqId,
        asked: NaiveDate,
        current: NaiveDate,
    },
    #[error("{id}: its deadline is not a date ({kind}); set one with `duban due` first")]
    NoDate { id: ReqId, kind: &'static str },
    #[error("{id}: a reason is required")]
    ReasonRequired { id: ReqId },
    #[error("{id}: {unit} is not one of its units ({})", .units.join(", "))]
    UnknownUnit {
        id: ReqId,
        unit: String,
        units: Vec<String>,
    },
    #[error("{id}: names no unit to remind; give one with --unit")]
    NoUnit { id: ReqId },
    #[error("{id} is {status}; {}", .action.needs())]
    WrongStatus {
        id: ReqId,
        status: Status,
        action: review::Step,
    },
    #[error("{id}: completion requires evidence (佐证材料); attach a file first")]
    EvidenceRequired { id: ReqId },
}

impl LifecycleError {
    /// The message in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            LifecycleError::NotLater { id, asked, current } => {
                format!("{id}：新时限 {asked} 不晚于当前时限 {current}，不能延期")
            }
            LifecycleError::NoDate { id, kind } => {
                format!("{id}：时限不是具体日期（{kind}），不能延期；可先用 duban due 设定日期")
            }
            LifecycleError::ReasonRequired { id } => format!("{id}：必须说明理由（--reason）"),
            LifecycleError::UnknownUnit { id, unit, units } => format!(
                "{id}：{unit} 不是该要求的责任单位（可选：{}）",
                units.join("、")
            ),
            LifecycleError::NoUnit { id } => {
                format!("{id}：没有可催办的责任单位，请用 --unit 指定")
            }
            LifecycleError::WrongStatus { id, status, action } => {
                format!("{id} 当前为{}，{}", lang.status(*status), action.needs_zh())
            }
            LifecycleError::EvidenceRequired { id } => {
                format!("{id}：办结须有佐证材料，请先用 duban attach 登记")
            }
        }
    }
}

/// A life-cycle history entry as a line of text (without its time), for `show`, the
/// detail pane and reports; other kinds are described by [`crate::plan::progress::describe`].
pub fn describe(kind: &ChangeKind, lang: Lang) -> String {
    let with = |text: &Option<String>| {
        text.as_deref()
            .map_or_else(String::new, |t| format!("{}{t}", lang.pick("：", ": ")))
    };
    match (kind, lang) {
        (
            ChangeKind::Extended {
                from,
                to,
                reason,
                approved_by,
            },
            Lang::Zh,
        ) => {
            let by = approved_by
                .as_deref()
                .map_or_else(String::new, |a| format!("，{a}批准"));
            format!("延期：{from} → {to}（{reason}{by}）")
        }
        (
            ChangeKind::Extended {
                from,
                to,
                reason,
                approved_by,
            },
            Lang::En,
        ) => {
            let by = approved_by
                .as_deref()
                .map_or_else(String::new, |a| format!(", approved by {a}"));
            format!("extended: {from} → {to} ({reason}{by})")
        }
        (ChangeKind::Claimed { note, .. }, Lang::Zh) => format!("申请办结{}", with(note)),
        (ChangeKind::Claimed { note, .. }, Lang::En) => format!("completion claimed{}", with(note)),
        (ChangeKind::Approved { note }, Lang::Zh) => format!("审核通过，销号{}", with(note)),
        (ChangeKind::Approved { note }, Lang::En) => format!("approved (closed){}", with(note)),
        (ChangeKind::Rejected { reason }, Lang::Zh) => format!("退回重办：{reason}"),
        (ChangeKind::Rejected { reason }, Lang::En) => format!("sent back: {reason}"),
        (ChangeKind::Reminded { unit, via, note }, _) => {
            let via = via.map_or_else(String::new, |v| {
                format!("{}{}", lang.pick("，", ", "), v.label(lang))
            });
            match lang {
                Lang::Zh => format!("催办 {unit}{via}{}", with(note)),
                Lang::En => format!("reminded {unit}{via}{}", with(note)),
            }
        }
        (ChangeKind::Attached { path, .. }, Lang::Zh) => format!("登记佐证材料：{path}"),
        (ChangeKind::Attached { path, .. }, Lang::En) => format!("evidence attached: {path}"),
        (other, _) => crate::i18n::plan::describe(other, lang),
    }
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

    #[test]
    fn errors_speak_both_languages() {
        let e = LifecycleError::NotLater {
            id: ReqId::new(1, 2, 3),
            asked: date(9, 1),
            current: date(9, 30),
        };
        assert!(e.message(Lang::Zh).contains("不晚于当前时限 2024-09-30"));
        assert!(e.message(Lang::En).contains("not later than"));
    }
}
