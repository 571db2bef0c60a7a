//! The words of the 督办 life cycle (`crate::plan::lifecycle`): history lines, refusals,
//! reminder channels, evidence marks, the period's event counts, and (in [`summary`]) a
//! requirement's life cycle as sections for `show` and the detail pane.

pub mod summary;

use std::fmt;

use super::Lang;
use crate::plan::ChangeKind;
use crate::plan::lifecycle::events::EventCounts;
use crate::plan::lifecycle::review::Step;
use crate::plan::lifecycle::{Channel, EvidenceCheck, LifecycleError};

/// A life-cycle history entry as a line of text (without its time), for `show`, the
/// detail pane and reports; other kinds are described by [`super::plan::describe`].
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
        (other, _) => super::plan::describe(other, lang),
    }
}

impl fmt::Display for LifecycleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LifecycleError::NotLater { id, asked, current } => write!(
                f,
                "{id}: the new date {asked} is not later than the current due date {current}"
            ),
            LifecycleError::NoDate { id, kind } => write!(
                f,
                "{id}: its deadline is not a date ({}); set one with `duban due` first",
                Lang::Zh.kind(*kind)
            ),
            LifecycleError::ReasonRequired { id } => write!(f, "{id}: a reason is required"),
            LifecycleError::UnknownUnit { id, unit, units } => {
                write!(
                    f,
                    "{id}: {unit} is not one of its units ({})",
                    units.join(", ")
                )
            }
            LifecycleError::NoUnit { id } => {
                write!(f, "{id}: names no unit to remind; give one with --unit")
            }
            LifecycleError::WrongStatus { id, status, action } => {
                write!(f, "{id} is {status}; {}", needs(*action))
            }
            LifecycleError::EvidenceRequired { id } => write!(
                f,
                "{id}: completion requires evidence (佐证材料); attach a file first"
            ),
        }
    }
}

impl std::error::Error for LifecycleError {}

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
                let kind = Lang::Zh.kind(*kind);
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
                format!("{id} 当前为{}，{}", lang.status(*status), needs_zh(*action))
            }
            LifecycleError::EvidenceRequired { id } => {
                format!("{id}：办结须有佐证材料，请先用 duban attach 登记")
            }
        }
    }
}

fn needs(step: Step) -> &'static str {
    match step {
        Step::Claim => "only a requirement not done and not in review can be claimed complete",
        Step::Approve | Step::Reject => "only a requirement in review can be approved or sent back",
    }
}

fn needs_zh(step: Step) -> &'static str {
    match step {
        Step::Claim => "已完成或已在待审核的不能再申请办结",
        Step::Approve | Step::Reject => "只有待审核的要求可以销号或退回",
    }
}

impl Channel {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Channel::Phone => lang.pick("电话", "phone"),
            Channel::Sms => lang.pick("短信", "sms"),
            Channel::Notice => lang.pick("通知单", "notice"),
            Channel::Meeting => lang.pick("会议", "meeting"),
        }
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label(Lang::En))
    }
}

impl EvidenceCheck {
    /// A mark for lists: nothing when present.
    pub fn mark(&self, lang: Lang) -> &'static str {
        match self {
            EvidenceCheck::Present => "",
            EvidenceCheck::Missing => lang.pick("[缺失]", "[missing]"),
            EvidenceCheck::Changed => lang.pick("[已变更]", "[changed]"),
        }
    }
}

impl EventCounts {
    /// One line: 延期2项，申请办结1项，销号1项，退回1项，催办3次，佐证材料1份.
    pub fn line(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!(
                "延期{}次，申请办结{}次，销号{}项，退回重办{}次，催办{}次，佐证材料{}份",
                self.extensions,
                self.claims,
                self.approvals,
                self.rejections,
                self.reminders,
                self.evidence
            ),
            Lang::En => format!(
                "{} extensions, {} completion claims, {} approved, {} sent back, {} reminders, {} evidence files",
                self.extensions,
                self.claims,
                self.approvals,
                self.rejections,
                self.reminders,
                self.evidence
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::lifecycle::test_support::*;
    use crate::plan::{ReqId, Status};

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

    #[test]
    fn refusals_name_the_units_and_the_deadline_kind() {
        let mut r = req("市发改委牵头，市财政局配合", "2024年9月30日前");
        let err = r
            .remind(Some("市教育局"), None, None, &stamp(9, 6))
            .expect_err("not its unit");
        assert!(
            err.message(Lang::Zh).contains("市发改委、市财政局"),
            "{err}"
        );
        let e = LifecycleError::NoDate {
            id: ReqId::new(1, 1, 1),
            kind: crate::plan::DeadlineKind::Monthly,
        };
        assert_eq!(
            e.to_string(),
            "1.1.1: its deadline is not a date (每月); set one with `duban due` first"
        );
        assert!(e.message(Lang::Zh).contains("（每月）"));
        let e = LifecycleError::WrongStatus {
            id: ReqId::new(1, 1, 1),
            status: Status::Done,
            action: Step::Claim,
        };
        assert!(
            e.message(Lang::Zh)
                .ends_with("已完成或已在待审核的不能再申请办结")
        );
    }

    #[test]
    fn channel_labels_parse_back() {
        for c in Channel::ALL {
            assert_eq!(c.label(Lang::Zh).parse::<Channel>(), Ok(c));
            assert_eq!(c.label(Lang::En).parse::<Channel>(), Ok(c));
            assert_eq!(c.to_string(), c.label(Lang::En));
        }
    }

    #[test]
    fn event_counts_in_one_line() {
        let c = EventCounts {
            extensions: 1,
            claims: 1,
            ..EventCounts::default()
        };
        assert!(c.line(Lang::Zh).starts_with("延期1次，申请办结1次"));
        assert!(
            c.line(Lang::En)
                .starts_with("1 extensions, 1 completion claims")
        );
    }
}
