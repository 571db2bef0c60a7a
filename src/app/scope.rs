//! The plans the dashboard's views cover (issue #20): the plan shown, or every plan in
//! 全部. The list views ask the domain's one query ([`Scope`]) over them, so a row carries
//! its plan's index in the workspace and is known by `(plan, id)`; acting on a row brings its
//! plan in first (the one-plan code then edits it, see [`App::follow_row_plan`]).

use super::filter::scan;
use super::{App, Screen};
use crate::plan::query::Scope;
use crate::plan::{Counts, Plan, ReqId, Requirement};

impl App {
    /// The workspace index of the scope's first plan and the `(name, plan)` pairs in scope:
    /// every plan in 全部, else the plan shown. A scope row of plan `i` is plan `base + i`.
    pub(super) fn scope_plans(&self) -> (usize, Vec<(&str, &Plan)>) {
        if self.all.is_some() {
            let plans = self.state.plans().iter();
            (0, plans.map(|p| (p.name.as_str(), &p.plan)).collect())
        } else {
            let shown = (self.state.name.as_str(), &self.state.plan);
            (self.plan_index(), vec![shown])
        }
    }

    /// Run `f` on the [`Scope`] of the plans in view, with its base index.
    pub(super) fn with_scope<T>(&self, f: impl FnOnce(usize, Scope<'_, '_>) -> T) -> T {
        let (base, plans) = self.scope_plans();
        f(base, Scope::new(&plans))
    }

    /// Plan `plan`'s requirement `id`.
    pub fn requirement_at(&self, plan: usize, id: ReqId) -> Option<&Requirement> {
        if plan == self.plan_index() {
            return self.plan().get(id);
        }
        self.state.plans().get(plan)?.plan.get(id)
    }

    /// The name a row of plan `plan` shows: `Some` in 全部 (several plans) only.
    pub fn row_plan(&self, plan: usize) -> Option<&str> {
        self.all.as_ref()?;
        self.state.plans().get(plan).map(|p| p.name.as_str())
    }

    /// Whether the filter lets plan `plan`'s `id` through.
    pub fn passes_at(&self, plan: usize, id: ReqId) -> bool {
        if plan == self.plan_index() {
            return self.passes(id);
        }
        (self.derived.other_matches.get(plan))
            .and_then(Option::as_ref)
            .is_none_or(|m| m.contains(id))
    }

    /// How many requirements the filter lets through in the plans in scope (`None`: no
    /// filter).
    pub fn match_count(&self) -> Option<usize> {
        let shown = self.derived.matches.as_ref()?.ids.len();
        let others = self.derived.other_matches.iter().flatten();
        Some(shown + others.map(|m| m.ids.len()).sum::<usize>())
    }

    /// Progress over the plans in scope: every plan's in 全部 (the header's 进度).
    pub fn scope_counts(&self) -> Counts {
        if self.all.is_none() {
            return self.derived.total;
        }
        (0..self.state.plans().len())
            .map(|p| self.node_counts(super::Node::Plan(p)))
            .fold(Counts::default(), Counts::plus)
    }

    /// The other plans' matches of the filter, in 全部 (none otherwise).
    pub(super) fn rebuild_other_matches(&mut self) {
        let shown = self.plan_index();
        let others = match &self.all {
            Some(_) if !self.filter.is_empty() => (self.state.plans().iter().enumerate())
                .map(|(i, p)| (i != shown).then(|| scan(&p.plan, &self.filter, self.today)))
                .collect(),
            _ => Vec::new(),
        };
        self.derived.other_matches = others;
    }

    /// The plans in view changed (entering or leaving 全部): every list is rebuilt over the
    /// new scope.
    pub(super) fn scope_changed(&mut self) {
        self.derived.forget();
        self.rebuild_other_matches();
        self.refresh();
    }

    /// The `(plan, id)` the list of the current view has selected.
    pub(super) fn list_key(&self) -> Option<(usize, ReqId)> {
        match self.screen {
            Screen::Tree => None,
            Screen::Agenda => self.agenda.list.selected_key(),
            Screen::Units => self.units.drill.as_ref()?.list.selected_key(),
        }
    }

    /// In 全部, a list row of another plan was selected: bring that plan in, so what acts
    /// on the selection acts on the row's plan. Refused while an edit is unsaved: the
    /// cursor goes back to `before`.
    pub(super) fn follow_row_plan(&mut self, before: Option<(usize, ReqId)>) {
        let Some((plan, _)) = self.list_key().filter(|_| self.all.is_some()) else {
            return;
        };
        if plan == self.plan_index() || self.refocus(plan) {
            return;
        }
        if let (Some((p, id)), Some(list)) = (before, self.current_list_mut()) {
            list.select(p, id);
        }
    }

    /// `n` / `N` in 全部's tree: the next (previous) match in plan order, on into the next
    /// plan (brought in) after the last match of this one, wrapping after the last plan.
    pub(super) fn jump_match_all(&mut self, forward: bool, from_start: bool) {
        let shown = self.plan_index();
        let of = |p: usize| {
            let m = if p == shown {
                self.derived.matches.as_ref()
            } else {
                self.derived.other_matches.get(p).and_then(Option::as_ref)
            };
            m.map_or(&[][..], |m| m.ids.as_slice())
        };
        let all: Vec<(usize, ReqId)> = (0..self.state.plans().len())
            .flat_map(|p| of(p).iter().map(move |&id| (p, id)))
            .collect();
        let current = self.tree_requirement().map(|r| (shown, r.id));
        let target = match (current, from_start) {
            (Some(cur), false) if forward => {
                let at = all.partition_point(|k| *k <= cur);
                all.get(at).or(all.first())
            }
            (Some(cur), false) => {
                let at = all.partition_point(|k| *k < cur);
                at.checked_sub(1).and_then(|i| all.get(i)).or(all.last())
            }
            _ => all.first(),
        };
        let Some(&(plan, id)) = target else { return };
        if plan != shown && !self.refocus(plan) {
            return;
        }
        self.node_into_category();
        self.reveal(id);
    }
}
