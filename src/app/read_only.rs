//! A dashboard opened while another duban holds the state file's lock: it shows the plan
//! with a banner naming the writer, and refuses edits before they touch anything. It follows
//! what the writer saves, and becomes the writer once that duban has quit.

use super::{Action, App};
use crate::i18n::Lang;
use crate::store::{Followed, ReadOnly};

impl App {
    /// Whether `action` is an edit refused because this dashboard is read-only (then the
    /// status line says so).
    pub(super) fn refuse_read_only(&mut self, action: &Action) -> bool {
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
