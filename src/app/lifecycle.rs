//! The 督办 life cycle from the dashboard: 延期 (extend), 申请办结 (claim), 销号 (approve),
//! 退回重办 (reject), 催办 (remind) and 佐证材料 (attach), each asked for step by step in the
//! footer, then made by the domain call of the same name through [`App::change`] — so it is
//! saved at once, undoable and journaled like any edit, and signed with the acting user. A
//! refusal (a date not later, evidence required …) is said in the status line and changes
//! nothing. Before asking anything, the action is tried on a copy, so a requirement it
//! cannot apply to is refused at once instead of after the typing.

use chrono::{NaiveDate, NaiveDateTime};

use super::input::LineEditor;
use super::{Action, App, Edit, Mode};
use crate::i18n::Lang;
use crate::plan::lifecycle::{Channel, LifecycleError, Stamp};
use crate::plan::model::Change;
use crate::plan::period::parse_day;
use crate::plan::{ReqId, Requirement};

/// A life-cycle action being asked for: the requirement, the step, and what the step edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flow {
    pub id: ReqId,
    pub step: Step,
    /// The text of a typed step.
    pub editor: LineEditor,
    /// The options of a choice step, and the one selected.
    pub choices: Vec<String>,
    pub choice: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    ExtendDate,
    ExtendReason {
        to: NaiveDate,
    },
    ExtendApprover {
        to: NaiveDate,
        reason: String,
    },
    ClaimNote,
    ApproveNote,
    RejectReason,
    /// Choose among the requirement's units (the lead first).
    RemindUnit,
    /// Choose the channel (or none).
    RemindVia {
        unit: String,
    },
    RemindNote {
        unit: String,
        via: Option<Channel>,
    },
    AttachPath,
    /// Choose which evidence file to open.
    OpenPick,
}

impl Step {
    /// Whether the step picks one of [`Flow::choices`] rather than taking text.
    pub fn is_choice(&self) -> bool {
        matches!(
            self,
            Step::RemindUnit | Step::RemindVia { .. } | Step::OpenPick
        )
    }

    /// The footer's prompt.
    pub fn label(&self, lang: Lang) -> &'static str {
        match self {
            Step::ExtendDate => lang.pick("延期至（YYYY-MM-DD）", "extend to (YYYY-MM-DD)"),
            Step::ExtendReason { .. } => lang.pick("延期理由", "reason"),
            Step::ExtendApprover { .. } => lang.pick("批准人（可空）", "approved by (optional)"),
            Step::ClaimNote => lang.pick("申请办结说明（可空）", "claim note (optional)"),
            Step::ApproveNote => lang.pick("销号说明（可空）", "approval note (optional)"),
            Step::RejectReason => lang.pick("退回理由", "reason for sending back"),
            Step::RemindUnit => lang.pick("催办单位", "remind unit"),
            Step::RemindVia { .. } => lang.pick("催办方式", "channel"),
            Step::RemindNote { .. } => lang.pick("催办说明（可空）", "note (optional)"),
            Step::AttachPath => lang.pick("佐证材料文件路径", "evidence file path"),
            Step::OpenPick => lang.pick("打开佐证材料", "open evidence"),
        }
    }
}

impl Action {
    /// The help overlay's words for the life-cycle keys.
    pub(super) fn describe_lifecycle(&self, lang: Lang) -> Option<&'static str> {
        Some(match self {
            Action::Extend => lang.pick(
                "延期：输入新时限、理由、批准人（可空）",
                "extend: the new due date, a reason, the approver (optional)",
            ),
            Action::Claim => lang.pick(
                "申请办结（状态改为待审核，可附说明）",
                "claim completion (status → in review; optional note)",
            ),
            Action::Approve => lang.pick("审核通过，销号（可附说明）", "approve the claim: done"),
            Action::Reject => lang.pick("退回重办（须说明理由）", "send the claim back (reason)"),
            Action::Remind => lang.pick(
                "催办：选单位（默认牵头单位）、方式，可附说明",
                "remind: choose the unit (lead first), the channel, a note",
            ),
            Action::Attach => lang.pick(
                "登记佐证材料：输入文件路径",
                "attach evidence: type the file's path",
            ),
            Action::OpenEvidence => lang.pick(
                "用系统程序打开佐证材料",
                "open an evidence file with the system's program",
            ),
            _ => return None,
        })
    }
}

/// The channel choices: none first, then [`Channel::ALL`].
fn via_choices(lang: Lang) -> Vec<String> {
    std::iter::once(lang.pick("不注明", "unspecified").to_string())
        .chain(Channel::ALL.iter().map(|c| c.label(lang).to_string()))
        .collect()
}

impl App {
    /// A key for one of the life-cycle actions: refuse at once what cannot apply, else ask.
    pub(super) fn start_flow(&mut self, action: &Action) {
        let Some(r) = self.selected_requirement() else {
            let text = self
                .lang
                .pick("请先选中一项要求", "select a requirement first");
            return self.set_message(text, false);
        };
        let id = r.id;
        let require = self.requires_evidence();
        let probe = Stamp::new(NaiveDateTime::default(), None);
        let tried = {
            let mut copy = r.clone();
            let future = NaiveDate::MAX;
            match action {
                Action::Extend => copy.extend(future, "-", None, &probe, self.today).map(drop),
                Action::Claim => copy.claim(None, &probe, require).map(drop),
                Action::Approve => copy.approve(None, &probe, require).map(drop),
                Action::Reject => copy.reject("-", &probe).map(drop),
                Action::Remind => copy.remind(None, None, None, &probe).map(drop),
                _ => Ok(()),
            }
        };
        if let Err(e) = tried {
            return self.set_message(e.message(self.lang), true);
        }
        let mut choices = Vec::new();
        let step = match action {
            Action::Extend => Step::ExtendDate,
            Action::Claim => Step::ClaimNote,
            Action::Approve => Step::ApproveNote,
            Action::Reject => Step::RejectReason,
            Action::Remind => {
                for u in r.units.lead.iter().chain(&r.units.cooperating) {
                    if !choices.contains(&u.name) {
                        choices.push(u.name.clone());
                    }
                }
                Step::RemindUnit
            }
            Action::Attach => Step::AttachPath,
            _ => return,
        };
        self.mode = Mode::Flow(Flow {
            id,
            step,
            editor: LineEditor::default(),
            choices,
            choice: 0,
        });
    }

    /// Keys while a flow asks: edit the text or move the choice; Enter goes on; Esc stops.
    pub(super) fn update_flow(&mut self, action: Action, now: NaiveDateTime) {
        let Mode::Flow(flow) = &mut self.mode else {
            return;
        };
        match action {
            Action::Edit(e) if flow.step.is_choice() => {
                let n = flow.choices.len().max(1);
                match e {
                    Edit::Left => flow.choice = (flow.choice + n - 1) % n,
                    Edit::Right => flow.choice = (flow.choice + 1) % n,
                    Edit::Home => flow.choice = 0,
                    Edit::End => flow.choice = n - 1,
                    // A digit picks that option directly.
                    Edit::Insert(c) => {
                        if let Some(i) = c.to_digit(10).and_then(|d| d.checked_sub(1)) {
                            let i = i as usize;
                            if i < flow.choices.len() {
                                flow.choice = i;
                            }
                        }
                    }
                    _ => {}
                }
            }
            Action::Edit(e) => flow.editor.apply(e),
            Action::CancelNote => {
                self.mode = Mode::Normal;
                let text = self
                    .lang
                    .pick("已取消，未作修改", "cancelled, nothing changed");
                self.set_message(text, false);
            }
            Action::SubmitNote => {
                let flow = flow.clone();
                self.mode = Mode::Normal;
                self.next_step(flow, now);
            }
            _ => {}
        }
    }

    /// Enter on a step: ask the next one, or act.
    fn next_step(&mut self, flow: Flow, now: NaiveDateTime) {
        let text = flow.editor.text().trim().to_string();
        let note = Some(text.as_str()).filter(|t| !t.is_empty());
        let chosen = flow.choices.get(flow.choice).cloned();
        let id = flow.id;
        let require = self.requires_evidence();
        let ask = |step: Step, choices: Vec<String>| {
            Mode::Flow(Flow {
                id,
                step,
                editor: LineEditor::default(),
                choices,
                choice: 0,
            })
        };
        match flow.step {
            Step::ExtendDate => match parse_day(&text) {
                // A date not later is refused now, before the reason is typed.
                Some(to) => match self.try_extend(id, to) {
                    Err(e) => self.set_message(e.message(self.lang), true),
                    Ok(()) => self.mode = ask(Step::ExtendReason { to }, Vec::new()),
                },
                None => self.not_a_date(&text),
            },
            Step::ExtendReason { to } if text.is_empty() => {
                let e = LifecycleError::ReasonRequired { id };
                let _ = to;
                self.set_message(e.message(self.lang), true);
            }
            Step::ExtendReason { to } => {
                self.mode = ask(Step::ExtendApprover { to, reason: text }, Vec::new());
            }
            Step::ExtendApprover { to, reason } => {
                let summary = match self.lang {
                    Lang::Zh => format!("{} 已延期至 {to}", self.shown_id(id)),
                    Lang::En => format!("{} extended to {to}", self.shown_id(id)),
                };
                let today = self.today;
                self.act(id, &summary, now, |r, s| {
                    r.extend(to, &reason, note, s, today)
                });
            }
            Step::ClaimNote => {
                let summary = match self.lang {
                    Lang::Zh => format!("{} 已申请办结，待审核", self.shown_id(id)),
                    Lang::En => format!("{} completion claimed, in review", self.shown_id(id)),
                };
                self.act(id, &summary, now, |r, s| r.claim(note, s, require));
            }
            Step::ApproveNote => {
                let summary = match self.lang {
                    Lang::Zh => format!("{} 审核通过，已销号", self.shown_id(id)),
                    Lang::En => format!("{} approved, closed", self.shown_id(id)),
                };
                self.act(id, &summary, now, |r, s| r.approve(note, s, require));
            }
            Step::RejectReason => {
                let summary = match self.lang {
                    Lang::Zh => format!("{} 已退回重办", self.shown_id(id)),
                    Lang::En => format!("{} sent back", self.shown_id(id)),
                };
                self.act(id, &summary, now, |r, s| r.reject(&text, s));
            }
            Step::RemindUnit => {
                let Some(unit) = chosen else { return };
                self.mode = ask(Step::RemindVia { unit }, via_choices(self.lang));
            }
            Step::RemindVia { unit } => {
                let via = flow
                    .choice
                    .checked_sub(1)
                    .and_then(|i| Channel::ALL.get(i).copied());
                self.mode = ask(Step::RemindNote { unit, via }, Vec::new());
            }
            Step::RemindNote { unit, via } => {
                let how = via.map_or_else(String::new, |v| {
                    format!(
                        "{}{}{}",
                        self.lang.pick("（", " ("),
                        v.label(self.lang),
                        self.lang.pick("）", ")")
                    )
                });
                let summary = match self.lang {
                    Lang::Zh => format!("{} 已催办 {unit}{how}", self.shown_id(id)),
                    Lang::En => format!("{} reminded {unit}{how}", self.shown_id(id)),
                };
                self.act(id, &summary, now, |r, s| {
                    r.remind(Some(&unit), via, note, s)
                });
            }
            Step::AttachPath => self.attach_typed(id, &text, now),
            Step::OpenPick => {
                if let Some(path) = chosen {
                    self.open_evidence_path(&path);
                }
            }
        }
    }

    /// Whether extending `id` to `to` would be accepted (tried on a copy).
    fn try_extend(&self, id: ReqId, to: NaiveDate) -> Result<(), LifecycleError> {
        let Some(r) = self.plan().get(id) else {
            return Ok(());
        };
        let probe = Stamp::new(NaiveDateTime::default(), None);
        r.clone()
            .extend(to, "-", None, &probe, self.today)
            .map(drop)
    }

    fn not_a_date(&mut self, text: &str) {
        let msg = match self.lang {
            Lang::Zh => format!("“{text}”不是有效日期，请用 YYYY-MM-DD 或 2021年9月30日；未延期"),
            Lang::En => format!(
                "\"{text}\" is not a valid date: use YYYY-MM-DD or 2021年9月30日; not extended"
            ),
        };
        self.set_message(msg, true);
    }

    /// Make one life-cycle change, stamped `now` by the acting user; a refusal goes to the
    /// status line and leaves the requirement (and the undo history) as it was.
    pub(super) fn act(
        &mut self,
        id: ReqId,
        summary: &str,
        now: NaiveDateTime,
        mut edit: impl FnMut(&mut Requirement, &Stamp) -> Result<Change, LifecycleError>,
    ) {
        let stamp = Stamp::new(now, self.user.as_deref());
        let mut refused = None;
        self.change(&[id], summary, |r| match edit(r, &stamp) {
            Ok(_) => true,
            Err(e) => {
                refused = Some(e);
                false
            }
        });
        if let Some(e) = refused {
            self.set_message(e.message(self.lang), true);
        }
    }

    /// Whether completing needs an evidence file (`completion_requires_evidence`).
    pub(super) fn requires_evidence(&self) -> bool {
        self.count.settings.completion_requires_evidence
    }

    /// Space / `s` towards done on the selected requirement: refused (with the reason) when
    /// evidence is required and there is none.
    pub(super) fn completion_refused(&mut self) -> bool {
        let require = self.requires_evidence();
        let refused = self
            .selected_requirement()
            .and_then(|r| r.completion_allowed(require).err());
        match refused {
            Some(e) => {
                self.set_message(e.message(self.lang), true);
                true
            }
            None => false,
        }
    }
}
