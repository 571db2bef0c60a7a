//! Everything recomputed from the plan, in one place: progress counts per category and
//! overall, the filter's matches (and the search's trail and text index), the agenda's rows
//! before filtering, the units table's workload, and which screens' lists are out of date.
//!
//! Two entry points change it: [`App::edited`] (these requirements changed; everything is
//! patched for them alone) and [`App::rebuilt`] (the plan was replaced, the day or the count
//! changed: everything is recomputed). Handlers call one of the two and nothing else.

mod lists;
mod units;

use super::filter::Matches;
use super::{App, Screen};
use crate::plan::agenda::ScopedRow;
use crate::plan::count::Counting;
use crate::plan::query::TextIndex;
use crate::plan::workload::Workload;
use crate::plan::{Counts, Plan, ReqId};

#[derive(Debug)]
pub struct Derived {
    /// Progress per category (plan order) and overall.
    pub(super) counts: Vec<Counts>,
    pub(super) total: Counts,
    /// `(done, total)` of every plan of the workspace, in order, as of the last rebuild
    /// (edits change only the plan shown, whose figures come from `total`).
    pub(super) plans: Vec<(usize, usize)>,
    /// What the filter lets through; `None` when no filter is active.
    pub(super) matches: Option<Matches>,
    /// While typing a search: each shorter text typed before and its matches, so erasing
    /// restores them (see `search.rs`).
    pub(super) search_trail: Vec<(Option<String>, Option<Matches>)>,
    /// The plan's texts for searching a large plan, built when a search starts.
    pub(super) search_index: Option<TextIndex>,
    /// What the filter lets through in the other plans of 全部, by workspace index (the
    /// plan shown has `matches`; its slot here is empty). Edits reach only the plan shown,
    /// so these change with the filter alone.
    pub(super) other_matches: Vec<Option<Matches>>,
    /// Every agenda row of the plans in scope before filtering, each with its plan's
    /// workspace index (`None`: built when the agenda is shown), and the `(plan, id)`s among
    /// them whose report is still owed, ascending.
    pub(super) agenda_rows: Option<Vec<ScopedRow>>,
    pub(super) outstanding: Vec<(usize, ReqId)>,
    /// Each plan's units table kept up to date edit by edit, with its index of units'
    /// requirements, by workspace index (built for the plans in scope when shown).
    pub(super) workloads: Vec<Option<Workload>>,
    /// Each unit's 考核 score, for the units table (`None`: computed when the table is
    /// next shown; any edit drops it).
    pub(super) scores: Option<std::collections::HashMap<String, f64>>,
    /// Screens whose list must be rebuilt before it is shown.
    pub(super) stale: Vec<Screen>,
}

impl Default for Derived {
    fn default() -> Self {
        Derived {
            counts: Vec::new(),
            total: Counts::default(),
            plans: Vec::new(),
            matches: None,
            other_matches: Vec::new(),
            search_trail: Vec::new(),
            search_index: None,
            agenda_rows: None,
            outstanding: Vec::new(),
            workloads: Vec::new(),
            scores: None,
            stale: Screen::ALL.to_vec(),
        }
    }
}

impl Derived {
    /// Recount every category and drop what is built on demand.
    pub(super) fn recount_all(&mut self, plan: &Plan, today: chrono::NaiveDate, by: Counting<'_>) {
        self.counts = plan
            .categories
            .iter()
            .map(|c| Counts::of_by(c.requirements(), today, by))
            .collect();
        self.retotal();
    }

    /// Recount the categories of `ids`: O(their requirements), not the plan's.
    pub(super) fn recount(
        &mut self,
        plan: &Plan,
        ids: &[ReqId],
        today: chrono::NaiveDate,
        by: Counting<'_>,
    ) {
        let mut numbers: Vec<u32> = ids.iter().map(|id| id.category).collect();
        numbers.sort_unstable();
        numbers.dedup();
        for number in numbers {
            let Some(index) = plan.categories.iter().position(|c| c.number == number) else {
                continue;
            };
            if let (Some(slot), Some(cat)) =
                (self.counts.get_mut(index), plan.categories.get(index))
            {
                *slot = Counts::of_by(cat.requirements(), today, by);
            }
        }
        self.retotal();
    }

    /// Count every plan's done and total requirements, for the plan strip: one pass over
    /// the statuses (no deadline is dated), and nothing when there is one plan.
    pub(super) fn recount_plans(&mut self, state: &crate::store::State) {
        self.plans.clear();
        if !state.several() {
            return;
        }
        self.plans.extend(state.plans().iter().map(|p| {
            let (done, total) = p.plan.requirements().fold((0, 0), |(d, t), r| {
                (
                    d + usize::from(r.status == crate::plan::Status::Done),
                    t + 1,
                )
            });
            (done, total)
        }));
    }

    fn retotal(&mut self) {
        self.total = (self.counts.iter()).fold(Counts::default(), |a, c| a.plus(*c));
    }

    /// The plan changed as a whole: drop every cache (the matches are recomputed by the app,
    /// which holds the filter).
    pub(super) fn forget(&mut self) {
        self.stale = Screen::ALL.to_vec();
        self.agenda_rows = None;
        self.workloads.clear();
        self.scores = None;
        self.search_index = None;
        self.search_trail.clear();
    }

    /// The agenda's options changed (done shown or not): its rows are rebuilt when shown.
    pub(super) fn forget_agenda(&mut self) {
        self.agenda_rows = None;
        self.stale.push(Screen::Agenda);
    }

    pub fn category(&self, index: usize) -> Counts {
        self.counts.get(index).copied().unwrap_or_default()
    }

    pub fn total(&self) -> Counts {
        self.total
    }
}

impl App {
    /// Requirements `ids` changed (an edit, undo, redo, the writer's saved edits): recount
    /// their categories and patch every derived list for them alone.
    pub(super) fn edited(&mut self, ids: &[ReqId]) {
        let by = self.count.counting();
        self.derived.recount(&self.state.plan, ids, self.today, by);
        self.data_edited(ids);
    }

    /// The plan was replaced (a reload), or the day or the count changed: recount and
    /// rebuild everything, and bring the cursor back into the plan.
    pub(super) fn rebuilt(&mut self) {
        self.derived.recount_plans(&self.state);
        self.recount_all_plans();
        self.rebuild_other_matches();
        self.rebuilt_shown();
    }

    /// [`App::rebuilt`] for the plan shown alone (switching plans: the others' figures
    /// have not changed).
    pub(super) fn rebuilt_shown(&mut self) {
        let by = self.count.counting();
        self.derived.recount_all(&self.state.plan, self.today, by);
        self.tree.clamp(&self.state.plan);
        self.derived.forget();
        self.rebuild_matches();
        self.refresh();
    }

    /// The counts, matches and caches, for tests and benches to compare with a rebuild.
    pub fn derived(&self) -> &Derived {
        &self.derived
    }
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, NaiveDateTime};
    use proptest::prelude::*;

    use super::super::{Action, App, Discard, Screen};
    use crate::plan::generate::{GenOptions, generate_document};
    use crate::plan::import::import_bytes;
    use crate::plan::{ReqId, Status};
    use crate::store::State;

    pub(super) fn now() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2021, 9, 20)
            .and_then(|d| d.and_hms_opt(10, 0, 0))
            .expect("valid")
    }

    /// A dashboard on a generated plan of `requirements`, saving nowhere.
    pub(super) fn generated_app(requirements: usize) -> App {
        let doc = generate_document(&GenOptions {
            requirements,
            ..GenOptions::default()
        });
        let plan = import_bytes(doc.as_bytes(), "gen.txt").expect("imports");
        App::new(State::new(plan), Box::new(Discard), now().date())
    }

    fn app() -> App {
        generated_app(120)
    }

    /// Everything derived, to compare a patched state with a rebuilt one.
    fn shown(app: &App) -> String {
        let d = app.derived();
        format!(
            "{:?} {:?} {:?} {:?} {:?}",
            d.counts,
            d.total,
            d.matches.as_ref().map(|m| &m.ids),
            d.agenda_rows,
            (d.workloads.iter().flatten())
                .map(crate::plan::workload::Workload::rows)
                .collect::<Vec<_>>(),
        )
    }

    #[test]
    fn an_edit_recounts_its_category_and_the_total() {
        let mut app = app();
        let id = app.plan().requirements().next().map(|r| r.id).expect("one");
        let before = app.derived().total().done;
        app.change(&[id], "test", |r| r.set_status(Status::Done, now()));
        assert_eq!(app.derived().total().done, before + 1);
        assert_eq!(app.derived().category(0).done, app.total_counts().done);
    }

    #[test]
    fn a_rebuild_after_replacing_the_plan_counts_the_new_one() {
        let mut app = app();
        let all: Vec<ReqId> = app.plan().requirements().map(|r| r.id).collect();
        for id in &all {
            if let Some(r) = app.state.plan.get_mut(*id) {
                r.set_status(Status::Done, now());
            }
        }
        assert_eq!(app.derived().total().done, 0, "not told yet");
        app.rebuilt();
        assert_eq!(app.derived().total().done, all.len());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        /// Whatever was edited, `edited(ids)` leaves the same counts, matches, agenda rows and
        /// workload as `rebuilt()`.
        #[test]
        fn edited_equals_rebuilt(
            overdue in any::<bool>(),
            screen in 0..3usize,
            edits in prop::collection::vec((0usize..120, 0usize..4), 1..12),
        ) {
            let mut app = app();
            app.update(Action::ShowScreen(Screen::ALL[screen]), now());
            if overdue {
                app.update(Action::FilterOverdue, now());
            }
            // Build the agenda rows and the workload, so both are patched.
            app.update(Action::ShowScreen(Screen::Agenda), now());
            app.update(Action::ShowScreen(Screen::Units), now());
            app.update(Action::ShowScreen(Screen::ALL[screen]), now());
            let ids: Vec<ReqId> = app.plan().requirements().map(|r| r.id).collect();
            for (at, to) in edits {
                let id = ids[at % ids.len()];
                let to = [Status::Todo, Status::Doing, Status::Done, Status::Blocked][to];
                app.change(&[id], "test", |r| r.set_status(to, now()));
                let patched = shown(&app);
                app.rebuilt();
                app.update(Action::ShowScreen(Screen::Agenda), now());
                app.update(Action::ShowScreen(Screen::Units), now());
                app.update(Action::ShowScreen(Screen::ALL[screen]), now());
                prop_assert_eq!(patched, shown(&app));
            }
        }
    }
}
