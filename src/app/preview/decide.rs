//! The user's decisions on a merge preview: accept a weak pair, split a pair, pair by hand,
//! undo; each is applied to the plans at once (see [`super::Preview`]).

use super::{Action, Mode, Outcome, Preview, Section};
use crate::i18n::Lang;
use crate::plan::ReqId;
use crate::plan::merge::{self, Decisions};

impl Preview<'_> {
    pub(super) fn pick(&mut self, cursor: usize, action: Action) {
        let n = self.candidates().len();
        match action {
            Action::Up => {
                self.mode = Mode::Pick {
                    cursor: cursor.saturating_sub(1),
                }
            }
            Action::Down => {
                self.mode = Mode::Pick {
                    cursor: (cursor + 1).min(n.saturating_sub(1)),
                }
            }
            Action::Enter | Action::Pair | Action::Accept => {
                self.mode = Mode::Browse;
                let old = self.candidates().get(cursor).copied();
                let new = self.selected().and_then(|e| e.new);
                if let (Some(old), Some(new)) = (old, new) {
                    self.pair(old, new);
                }
            }
            _ => self.mode = Mode::Browse,
        }
    }

    /// `y`: accept the selected weak pair, or take the acceptance back.
    pub(super) fn accept(&mut self) {
        let (Section::Weak, Some(w)) = (
            self.section,
            (self.merged.report.weak).get(self.cursor(Section::Weak)),
        ) else {
            return self.complain(self.lang.pick(
                "y 只用于“把握不大的配对”：按 Tab 切换到该栏",
                "y is for weak pairs: Tab to that section",
            ));
        };
        let (old, new, applied) = (w.old_id, w.new_id, w.applied);
        let mut d = self.decisions.clone();
        d.split.remove(&new);
        if applied {
            d.accept.remove(&new);
            d.pair.retain(|&(_, n)| n != new);
        } else {
            d.accept.insert(new);
        }
        if self.recompute(d) {
            self.say(&match (applied, self.lang) {
                (false, Lang::Zh) => format!("已接受：原 {old} 的进度转到 {new}"),
                (false, Lang::En) => format!("Accepted: {old}'s progress goes to {new}"),
                (true, Lang::Zh) => format!("已撤销接受：原 {old} 归档，{new} 作为新增"),
                (true, Lang::En) => format!("Unaccepted: {old} is archived, {new} added"),
            });
        }
    }

    /// `x`: do not apply the selected pair: the old requirement is archived, the new added.
    pub(super) fn split(&mut self) {
        let r = &self.merged.report;
        let cursor = self.cursor(self.section);
        let pair = match self.section {
            Section::Changed => r.changed.get(cursor).map(|m| (m.old_id, m.new_id)),
            Section::Weak => (r.weak.get(cursor))
                .filter(|w| w.applied)
                .map(|w| (w.old_id, w.new_id)),
            Section::Splits => (r.splits.get(cursor)).map(|s| (s.old_id, s.kept_by)),
            Section::Added | Section::Removed => None,
        };
        let Some((old, new)) = pair else {
            return self.complain(self.lang.pick(
                "这一条不是已应用的配对，无需拆分",
                "not an applied pair: nothing to split",
            ));
        };
        let mut d = self.decisions.clone();
        let by_hand = d.pair.len();
        d.pair.retain(|&p| p != (old, new));
        let accepted = d.accept.remove(&new);
        if d.pair.len() == by_hand && !accepted {
            d.split.insert(new);
        }
        if self.recompute(d) {
            self.say(&match self.lang {
                Lang::Zh => format!("已拆分：原 {old} 连同进度归档，{new} 作为新增"),
                Lang::En => format!("Split: {old} is archived with its progress, {new} added"),
            });
        }
    }

    pub(super) fn open_picker(&mut self) {
        let takes_pick = matches!(
            self.section,
            Section::Added | Section::Weak | Section::Splits
        );
        if !takes_pick || self.selected().is_none() {
            return self.complain(self.lang.pick(
                "p 为新增的要求选一条原要求配对：先在“新增”栏选中一条",
                "p pairs an added requirement with an old one: select one under Added first",
            ));
        }
        if self.candidates().is_empty() {
            return self.complain(self.lang.pick(
                "没有未配对的原要求可选",
                "no unpaired old requirement to choose",
            ));
        }
        self.message = None;
        self.mode = Mode::Pick { cursor: 0 };
    }

    /// Pair `old` with `new` by hand, replacing any pair either was in.
    fn pair(&mut self, old: ReqId, new: ReqId) {
        let mut d = self.decisions.clone();
        d.pair.retain(|&(o, n)| o != old && n != new);
        d.pair.push((old, new));
        if self.recompute(d) {
            self.say(&match self.lang {
                Lang::Zh => format!("已配对：原 {old} 的进度转到 {new}"),
                Lang::En => format!("Paired: {old}'s progress goes to {new}"),
            });
        }
    }

    /// Apply `decisions` to the plans; on success they become the current ones (the
    /// previous kept for undo), else the error is said and nothing changes.
    fn recompute(&mut self, decisions: Decisions) -> bool {
        match merge::apply(
            &self.old,
            self.new.clone(),
            &self.proposal,
            &decisions,
            self.now,
        ) {
            Ok(merged) => {
                let previous = std::mem::replace(&mut self.decisions, decisions);
                self.undo.push(previous);
                self.show(merged);
                true
            }
            Err(e) => {
                self.complain(&e.to_string());
                false
            }
        }
    }

    /// `u`: back to the decisions before the last one.
    pub(super) fn undo(&mut self) {
        let Some(previous) = self.undo.pop() else {
            return self.say(self.lang.pick("没有可撤销的决定", "Nothing to undo"));
        };
        // They were applied once already, so they apply again.
        match merge::apply(
            &self.old,
            self.new.clone(),
            &self.proposal,
            &previous,
            self.now,
        ) {
            Ok(merged) => {
                self.decisions = previous;
                self.show(merged);
                self.say(self.lang.pick("已撤销上一步", "Undid the last decision"));
            }
            Err(e) => self.complain(&e.to_string()),
        }
    }

    /// Show `merged`, each section's cursor kept within it.
    fn show(&mut self, merged: merge::Merged) {
        self.merged = merged;
        for s in Section::ALL {
            let len = self.len(s);
            let c = &mut self.cursors[s as usize];
            *c = (*c).min(len.saturating_sub(1));
        }
    }

    pub(super) fn apply(&mut self) {
        self.mode = Mode::Browse;
        let merged = self.merged.clone();
        self.outcome = Some(match self.commit.commit(&self.decisions, merged) {
            Ok(line) => Outcome::Applied(line),
            Err(why) => Outcome::Failed(why),
        });
    }

    pub(super) fn say(&mut self, text: &str) {
        self.message = Some((text.to_string(), false));
    }

    pub(super) fn complain(&mut self, text: &str) {
        self.message = Some((text.to_string(), true));
    }
}
