//! Undo and redo. Every change to the plan goes through [`App::change`], which records the
//! touched requirements before and after; undo puts the "before" copies back, redo the
//! "after" ones. Only touched requirements are copied (a plan can hold 100k of them), and both
//! directions save, so the state file always holds what the screen shows.

use super::App;
use crate::i18n::Lang;
use crate::plan::hand::Aside;
use crate::plan::{ReqId, Requirement};

/// Steps kept in each direction (the issue asks for at least 100).
pub const UNDO_LIMIT: usize = 200;

/// One user-visible change: possibly many requirements (a bulk change).
#[derive(Debug, Clone)]
struct Step {
    summary: String,
    before: Vec<Requirement>,
    after: Vec<Requirement>,
    /// A requirement added by hand (`before`/`after` are empty): undo takes it out, redo
    /// puts it back.
    added: Option<Added>,
}

/// Where an added requirement is, and (while undone) the requirement with its place.
#[derive(Debug, Clone)]
struct Added {
    id: ReqId,
    aside: Option<Aside>,
}

/// The two stacks. New changes clear the redo stack.
#[derive(Debug, Default)]
pub struct History {
    done: Vec<Step>,
    undone: Vec<Step>,
}

impl History {
    pub fn can_undo(&self) -> usize {
        self.done.len()
    }

    pub fn can_redo(&self) -> usize {
        self.undone.len()
    }

    /// Record a requirement added by hand as `id`.
    pub(super) fn push_added(&mut self, summary: &str, id: ReqId) {
        self.push(Step {
            summary: summary.to_string(),
            before: Vec::new(),
            after: Vec::new(),
            added: Some(Added { id, aside: None }),
        });
    }

    fn push(&mut self, step: Step) {
        self.undone.clear();
        self.done.push(step);
        if self.done.len() > UNDO_LIMIT {
            let extra = self.done.len() - UNDO_LIMIT;
            self.done.drain(..extra);
        }
    }
}

impl App {
    /// Apply `edit` to each of `ids`; record the ones it changed (it returns whether it did)
    /// as one undo step, recount, refresh lists and save. Returns how many changed.
    pub(super) fn change(
        &mut self,
        ids: &[ReqId],
        summary: &str,
        mut edit: impl FnMut(&mut Requirement) -> bool,
    ) -> usize {
        let mut before = Vec::new();
        let mut after = Vec::new();
        for &id in ids {
            let Some(r) = self.state.plan.get_mut(id) else {
                continue;
            };
            let old = r.clone();
            // Every history entry the edit appends is signed by the acting user.
            if crate::plan::lifecycle::signed(r, self.user.as_deref(), &mut edit) {
                before.push(old);
                after.push(r.clone());
            }
        }
        let changed = after.len();
        if changed == 0 {
            return 0;
        }
        let edited = before.clone();
        self.history.push(Step {
            summary: summary.to_string(),
            before,
            after,
            added: None,
        });
        self.edited(ids);
        self.save(summary, &edited);
        changed
    }

    pub(super) fn undo(&mut self) {
        let Some(mut step) = self.history.done.pop() else {
            return self.set_message(self.lang.pick("没有可撤销的修改", "nothing to undo"), false);
        };
        if let Some(added) = &mut step.added {
            // Taken out as it is now: redo puts back what it became (notes added meanwhile
            // were undone first, being later steps).
            added.aside = self.state.plan.withdraw(added.id).map(|(aside, _)| aside);
            let text = match self.lang {
                Lang::Zh => format!("已撤销：{}", step.summary),
                Lang::En => format!("undone: {}", step.summary),
            };
            self.history.undone.push(step);
            self.rebuilt();
            return self.save_whole(&text);
        }
        let replaced = self.restore(&step.before);
        let text = match self.lang {
            Lang::Zh => format!("已撤销：{}", step.summary),
            Lang::En => format!("undone: {}", step.summary),
        };
        self.history.undone.push(step);
        self.save(&text, &replaced);
    }

    pub(super) fn redo(&mut self) {
        let Some(mut step) = self.history.undone.pop() else {
            return self.set_message(self.lang.pick("没有可重做的修改", "nothing to redo"), false);
        };
        if let Some(added) = &mut step.added {
            let text = match self.lang {
                Lang::Zh => format!("已重做：{}", step.summary),
                Lang::En => format!("redone: {}", step.summary),
            };
            if let Some(aside) = added.aside.take() {
                added.id = self.state.plan.put(aside);
            }
            let id = added.id;
            self.history.done.push(step);
            return self.shape_changed(&text, id);
        }
        let replaced = self.restore(&step.after);
        let text = match self.lang {
            Lang::Zh => format!("已重做：{}", step.summary),
            Lang::En => format!("redone: {}", step.summary),
        };
        self.history.done.push(step);
        self.save(&text, &replaced);
    }

    /// Put these copies back in place (by id), then recount what they touch (the caller saves). Returns the
    /// versions they replaced (what saving the change needs to know).
    fn restore(&mut self, copies: &[Requirement]) -> Vec<Requirement> {
        let ids: Vec<ReqId> = copies.iter().map(|r| r.id).collect();
        let mut replaced = Vec::with_capacity(copies.len());
        for copy in copies {
            if let Some(r) = self.state.plan.get_mut(copy.id) {
                replaced.push(std::mem::replace(r, copy.clone()));
            }
        }
        self.edited(&ids);
        replaced
    }
}
