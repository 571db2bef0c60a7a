//! A dashboard opened while another duban holds the state file's lock: it shows the plan
//! with a banner naming the writer, and refuses edits before they touch anything. It follows
//! what the writer saves, and becomes the writer once that duban has quit.

use chrono::NaiveDateTime;

use super::{Action, App};
use crate::i18n::Lang;
use crate::plan::Status;
use crate::store::{Followed, ReadOnly};

impl App {
    /// Whether `action` is an edit refused because this dashboard is read-only (then the
    /// status line says so).
    pub(super) fn refuse_read_only(&mut self, action: &Action, now: NaiveDateTime) -> bool {
        if self.refuse_for_liaison(action, now) {
            return true;
        }
        // Anything else that edits still cannot save: the store refuses (see `Store::save`).
        let Some(banner) = self.read_only_banner().filter(|_| action.is_edit()) else {
            return false;
        };
        // The refusal first: the banner may be cut off at the screen's edge.
        let text = match self.lang {
            Lang::Zh => format!("不能修改（{banner}）"),
            Lang::En => format!("edits are disabled ({banner})"),
        };
        self.set_message(text, true);
        true
    }

    /// A unit liaison's login (issue #22): the units they report for, shown in the footer.
    pub fn liaison_units(&self) -> Option<Vec<String>> {
        self.store.liaison()
    }

    /// Who this login is, for the footer to keep in sight: 联络员 · 市发改局、市卫体局.
    pub fn login_label(&self) -> Option<String> {
        let units = self.liaison_units()?;
        let who = self.lang.pick("联络员", "liaison");
        Some(format!(
            "{who} · {}",
            units.join(self.lang.pick("、", ", "))
        ))
    }

    /// Whether the login may take `action`: a unit liaison only reports on their units'
    /// requirements (notes, doing/blocked, 报送, evidence, completion claims); the office's
    /// actions are hidden from the footer and help and refused.
    pub fn may(&self, action: &Action) -> bool {
        !(matches!(
            action,
            Action::ToggleDone
                | Action::SetDue
                | Action::SetStart
                | Action::AddRequirement
                | Action::Correct
                | Action::Extend
                | Action::Approve
                | Action::Reject
                | Action::Remind
        ) && self.liaison_units().is_some())
    }

    /// What `action` does for this login, for the `?` help overlay: the status key steps
    /// through a liaison's statuses only.
    pub fn describe(&self, action: &Action) -> String {
        if *action == Action::CycleStatus && self.liaison_units().is_some() {
            return self
                .lang
                .pick(
                    "切换状态：未开始 → 推进中 ⇄ 受阻（办结由督查室审核）",
                    "switch status: todo → doing ⇄ blocked (the office closes)",
                )
                .into();
        }
        action.describe(self.lang)
    }

    /// A liaison's refused action: the status line says 无权限 and nothing is touched. The
    /// status key steps through what a liaison may set (todo → doing ⇄ blocked).
    fn refuse_for_liaison(&mut self, action: &Action, now: NaiveDateTime) -> bool {
        if self.liaison_units().is_none() {
            return false;
        }
        if *action == Action::CycleStatus
            && let Some(r) = self.selected_requirement()
        {
            let (id, from) = (r.id, r.status);
            let to = match from {
                Status::Todo | Status::Blocked => Status::Doing,
                Status::Doing => Status::Blocked,
                Status::Review | Status::Done => {
                    let text = self.lang.pick(
                        "无权限：已申请办结或已办结的要求由督查室处理",
                        "permission denied: a claimed or closed requirement is the office's",
                    );
                    self.set_message(text, true);
                    return true;
                }
            };
            self.set_status(id, to, now);
            self.refresh();
            return true;
        }
        if self.may(action) {
            return false;
        }
        let text = self.lang.pick(
            "无权限：联络员只能写进展、标进行中/受阻、报送、上传佐证和申请办结",
            "permission denied: a unit liaison may only add notes, set doing/blocked, report, \
             attach evidence and claim completion",
        );
        self.set_message(text, true);
        true
    }

    /// The banner for a read-only dashboard, `None` when this one is the writer.
    pub fn read_only_banner(&self) -> Option<String> {
        Some(match self.store.read_only()? {
            ReadOnly::Locked { holder } => {
                let pid = holder.map_or_else(|| "?".to_string(), |p| p.to_string());
                match self.lang {
                    Lang::Zh => format!("只读：另一个 duban（pid {pid}）正在编辑"),
                    Lang::En => format!("read-only: another duban (pid {pid}) is editing"),
                }
            }
            ReadOnly::Leader => self
                .lang
                .pick(
                    "只读：领导的登录只能查看",
                    "read-only: a leader's login may only read",
                )
                .to_string(),
            ReadOnly::NotWritable(why) => match self.lang {
                Lang::Zh => format!("只读：{}", why.describe(self.lang)),
                Lang::En => format!("read-only: {}", why.describe(self.lang)),
            },
        })
    }

    /// Between keys, for a read-only dashboard: take over as the writer once the other duban
    /// has quit, and show what it saved. Returns whether the screen changed.
    pub(super) fn follow(&mut self) -> bool {
        if self.store.read_only().is_none() {
            return false;
        }
        let took_over = self.store.take_over().unwrap_or(false);
        let followed = match self.store.follow(&mut self.state) {
            Ok(followed) => followed,
            Err(e) => {
                let e = e.localized(self.lang);
                let text = match self.lang {
                    Lang::Zh => format!("读取另一个 duban 的修改失败：{e}"),
                    Lang::En => format!("cannot read the other duban's edits: {e}"),
                };
                self.set_message(text, true);
                return true;
            }
        };
        let text = match &followed {
            Followed::Unchanged => None,
            Followed::Edited(ids) if ids.is_empty() => None,
            Followed::Edited(ids) => {
                self.edited(ids);
                Some(match self.lang {
                    Lang::Zh => format!("另一个 duban 保存了修改：{}", self.id_list(ids)),
                    Lang::En => format!("the other duban saved edits: {}", self.id_list(ids)),
                })
            }
            Followed::Reloaded => {
                self.rebuilt();
                Some(
                    self.lang
                        .pick(
                            "已载入另一个 duban 保存的版本",
                            "loaded the version the other duban saved",
                        )
                        .to_string(),
                )
            }
        };
        if took_over {
            let done = self.lang.pick(
                "另一个 duban 已退出：现在可以在这里编辑",
                "the other duban has quit: you can edit here now",
            );
            self.set_message(done.to_string(), false);
            return true;
        }
        match text {
            Some(text) => {
                self.set_message(text, false);
                true
            }
            None => false,
        }
    }
}

impl App {
    /// `1.1.1, 2.3.4` — at most five, then a count.
    fn id_list(&self, ids: &[crate::plan::ReqId]) -> String {
        let mut shown: Vec<String> = ids.iter().take(5).map(|id| self.shown_id(id)).collect();
        if ids.len() > 5 {
            shown.push(format!("+{}", ids.len() - 5));
        }
        shown.join(", ")
    }
}
