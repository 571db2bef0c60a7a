//! The team store in the dashboard: an edit that clashed with someone else's change. The
//! store has reloaded the requirement as they left it and keeps the edit; the status line
//! says who changed it, to what and when; one key makes the edit again on their version,
//! another drops it.

use chrono::{DateTime, Local, Utc};

use super::{Action, App, KeyMode};
use crate::i18n::Lang;
use crate::plan::{ReqId, Status};

/// An edit the team store kept after a clash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    /// The plan and requirement it concerns.
    pub plan: String,
    pub id: ReqId,
    /// Who made the change it clashed with (acting user, else login).
    pub by: String,
    /// When (server time); `None` when the row was removed.
    pub at: Option<DateTime<Utc>>,
}

/// A change someone else committed, brought in live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remote {
    pub plan: String,
    /// The requirement; `None` when the workspace was reloaded (a plan changed).
    pub id: Option<ReqId>,
    /// Who (acting user, else login).
    pub by: String,
    /// The requirement's status now.
    pub status: Option<Status>,
}

/// The team store's connection as the dashboard shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    /// The server is reachable; otherwise a reconnection is under way.
    pub connected: bool,
    /// Edits waiting in the outbox.
    pub pending: usize,
}

impl App {
    /// Start hearing of others' changes; a failure is said, the dashboard works on.
    pub(super) fn start_live(&mut self) {
        if let Err(e) = self.store.listen() {
            let e = e.localized(self.lang);
            // Listening works, the outbox does not: edits need the server to be saved.
            let outbox = self.store.link().is_some();
            let text = match self.lang {
                Lang::Zh if outbox => format!("断线时的修改无法暂存本地：{e}"),
                Lang::En if outbox => format!("edits cannot wait locally while disconnected: {e}"),
                Lang::Zh => format!("无法接收他人的修改：{e}"),
                Lang::En => format!("cannot hear of others' changes: {e}"),
            };
            self.set_message(text, true);
        }
    }

    /// Bring in what others committed; whether the screen changed.
    pub(super) fn live(&mut self) -> bool {
        let kept = self.store.kept().len();
        let link = self.store.link();
        let changes = match self.store.remote(&mut self.state) {
            Ok(changes) => changes,
            Err(e) => {
                let e = e.localized(self.lang);
                let text = match self.lang {
                    Lang::Zh => format!("读取他人的修改失败：{e}"),
                    Lang::En => format!("cannot read others' changes: {e}"),
                };
                self.set_message(text, true);
                return true;
            }
        };
        let now = self.store.link();
        if now != link {
            return self.relinked(link, now, kept);
        }
        let Some(last) = changes.last() else {
            return false;
        };
        let ids: Vec<ReqId> = changes
            .iter()
            .filter(|c| c.plan == self.state.name)
            .filter_map(|c| c.id)
            .collect();
        if changes.iter().any(|c| c.id.is_none()) || ids.len() < changes.len() {
            self.rebuilt();
        } else {
            self.edited(&ids);
        }
        let what = match (last.id, last.status) {
            // Named as everywhere ids are shown once the workspace holds several plans.
            (Some(id), Some(status)) if self.state.several() => {
                format!("{}:{id} → {}", last.plan, self.lang.status(status))
            }
            (Some(id), Some(status)) => format!("{id} → {}", self.lang.status(status)),
            _ => self
                .lang
                .pick("更新了工作区", "updated the workspace")
                .to_string(),
        };
        let more = match (changes.len(), self.lang) {
            (1, _) => String::new(),
            (n, Lang::Zh) => format!("（共 {n} 项）"),
            (n, Lang::En) => format!(" ({n} changes)"),
        };
        let by = if last.by.is_empty() { "?" } else { &last.by };
        let sep = self.lang.pick("：", ": ");
        let mut text = format!("{by}{sep}{what}{more}");
        let error = self.store.kept().len() > kept;
        if error {
            let again = self.key_of(&Action::ReapplyKept);
            text = match self.lang {
                Lang::Zh => format!("{text}；你未保存的修改已保留（按 {again} 重新应用）"),
                Lang::En => format!("{text}; your unsaved edit is kept ({again} re-applies it)"),
            };
        }
        self.set_message(text, error);
        true
    }

    /// The connection was lost, or came back (the outbox sent, the workspace reloaded), or
    /// the outbox a previous run left was sent: say so.
    fn relinked(&mut self, was: Option<Link>, now: Option<Link>, kept: usize) -> bool {
        let Some(now) = now else { return false };
        if !now.connected {
            let text = self.lang.pick(
                "连接中断：可继续查看；修改暂存本地，恢复后自动同步",
                "disconnected: reading works; edits are kept locally and sent once it is back",
            );
            self.set_message(text, true);
            return true;
        }
        // Back (or caught up at the start): the state is the store's, plus what was sent.
        self.rebuilt();
        let sent = was.map_or(0, |w| w.pending).saturating_sub(now.pending);
        let summary = match self.lang {
            Lang::Zh => "离线时的修改".to_string(),
            Lang::En => "the edit made while disconnected".to_string(),
        };
        if self.clashed(&summary, kept) {
            return true;
        }
        let start = was.is_some_and(|w| w.connected);
        let text = match (self.lang, sent, start) {
            (Lang::Zh, n, true) => format!("上次运行未同步的 {n} 项修改已同步"),
            (Lang::En, n, true) => format!("{n} edit(s) left unsent by the last run sent"),
            (Lang::Zh, 0, false) => "已重新连接".to_string(),
            (Lang::En, 0, false) => "connected again".to_string(),
            (Lang::Zh, n, false) => format!("已重新连接：{n} 项修改已同步"),
            (Lang::En, n, false) => format!("connected again: {n} edit(s) sent"),
        };
        self.set_message(text, false);
        true
    }

    /// The connection indicator for the header: `连接中断`, `N 条待同步`; `None` while all
    /// is well (or on a file).
    pub fn link_banner(&self) -> Option<String> {
        let link = self.store.link()?;
        let pending = (link.pending > 0).then(|| match self.lang {
            Lang::Zh => format!("{} 条待同步", link.pending),
            Lang::En => format!("{} to sync", link.pending),
        });
        match (link.connected, pending) {
            (true, p) => p,
            (false, None) => Some(self.lang.pick("连接中断", "disconnected").to_string()),
            (false, Some(p)) => Some(format!(
                "{} · {p}",
                self.lang.pick("连接中断", "disconnected")
            )),
        }
    }

    /// How many edits the store keeps from a clash.
    pub fn store_kept(&self) -> usize {
        self.store.kept().len()
    }

    /// After a failed save: when the store kept the edit (a clash), the state is now the
    /// store's; say who changed what and how to re-apply or drop the edit. Returns whether
    /// it was a clash.
    pub(super) fn clashed(&mut self, summary: &str, kept_before: usize) -> bool {
        let kept = self.store.kept();
        let Some(k) = kept.get(kept_before..).and_then(<[Kept]>::last).cloned() else {
            return false;
        };
        // Nothing else is unsaved: the edit is kept by the store, the rest is the server's.
        self.unsaved = false;
        self.rebuilt();
        let text = self.clash_text(summary, &k);
        self.set_message(text, true);
        true
    }

    fn clash_text(&self, summary: &str, k: &Kept) -> String {
        let lang = self.lang;
        let status = (self.state.name == k.plan)
            .then(|| self.state.plan.get(k.id))
            .flatten()
            .map_or("", |r| lang.status(r.status));
        let at = k.at.map_or_else(String::new, |at| {
            at.with_timezone(&Local)
                .format("%m-%d %H:%M:%S")
                .to_string()
        });
        let (again, drop) = (
            self.key_of(&Action::ReapplyKept),
            self.key_of(&Action::DropKept),
        );
        match lang {
            Lang::Zh => format!(
                "{summary}未保存：{} 已于 {at} 把 {} 改为 {status}，已载入其版本；你的修改已保留：按 {again} 重新应用，按 {drop} 放弃",
                k.by,
                self.kept_id(k)
            ),
            Lang::En => format!(
                "{summary} not saved: {} changed {} to {status} at {at} (loaded their version); \
                 your edit is kept: {again} re-applies it, {drop} drops it",
                k.by,
                self.kept_id(k)
            ),
        }
    }

    /// A kept edit's id, named with its plan once the workspace holds several.
    fn kept_id(&self, k: &Kept) -> String {
        if self.state.several() {
            format!("{}:{}", k.plan, k.id)
        } else {
            k.id.to_string()
        }
    }

    fn key_of(&self, action: &Action) -> String {
        self.keymap
            .keys(KeyMode::Normal, action)
            .first()
            .map(ToString::to_string)
            .unwrap_or_default()
    }

    /// Make the kept edits again on the requirements as they are now.
    pub(super) fn reapply_kept(&mut self) {
        let kept = self.store.kept();
        if kept.is_empty() {
            return self.nothing_kept();
        }
        if self.store.link().is_some_and(|l| !l.connected) {
            // Made again on the requirement as it is now: that needs the server.
            let text = self.lang.pick(
                "连接中断：恢复连接后再重新应用",
                "disconnected: re-apply once the server is back",
            );
            return self.set_message(text, true);
        }
        let ids: Vec<String> = kept.iter().map(|k| self.kept_id(k)).collect();
        let summary = match self.lang {
            Lang::Zh => format!("已重新应用对 {} 的修改", ids.join("、")),
            Lang::En => format!("re-applied the edit of {}", ids.join(", ")),
        };
        self.save_by(&summary, |store, state| store.reapply(state));
        self.rebuilt();
    }

    /// Forget the kept edits.
    pub(super) fn drop_kept(&mut self) {
        let n = self.store.drop_kept();
        if n == 0 {
            return self.nothing_kept();
        }
        let text = match self.lang {
            Lang::Zh => format!("已放弃 {n} 项保留的修改"),
            Lang::En => format!("dropped {n} kept edit(s)"),
        };
        self.set_message(text, false);
    }

    /// A quit while a clash keeps edits: the first one says so and waits, the next one
    /// quits, dropping them. Returns whether quitting waits.
    pub(super) fn holds_kept(&mut self) -> bool {
        let n = self.store.kept().len();
        if n == 0 || self.quitting.armed {
            return false;
        }
        self.quitting.armed = true;
        let quit = self.key_of(&Action::Quit);
        let again = self.key_of(&Action::ReapplyKept);
        let text = match self.lang {
            Lang::Zh => format!(
                "有 {n} 项修改因冲突未保存：按 {again} 重新应用；再按 {quit} 退出将放弃它们"
            ),
            Lang::En => format!(
                "{n} edit(s) kept from a clash are not saved: {again} re-applies them; \
                 {quit} again quits, dropping them"
            ),
        };
        self.set_message(text, true);
        true
    }

    /// Edits waiting in the outbox are safe on disk and go when duban next starts
    /// connected; quitting says so once, so nobody leaves believing the others have them.
    pub(super) fn holds_outbox(&mut self) -> bool {
        let n = self.store.link().map_or(0, |l| l.pending);
        if n == 0 || self.quitting.armed {
            return false;
        }
        self.quitting.armed = true;
        let quit = self.key_of(&Action::Quit);
        let text = match self.lang {
            Lang::Zh => format!(
                "{n} 条修改尚未同步：已存于本机待同步文件，下次启动连上服务器时发送；再按 {quit} 退出"
            ),
            Lang::En => format!(
                "{n} edit(s) not yet sent: kept on this machine, sent when duban next starts \
                 connected; {quit} again quits"
            ),
        };
        self.set_message(text, false);
        true
    }

    fn nothing_kept(&mut self) {
        let text = self
            .lang
            .pick("没有因冲突保留的修改", "no edit is kept from a clash");
        self.set_message(text, false);
    }
}
