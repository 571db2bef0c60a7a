//! The agenda's and the units view's lists, built from the domain's one query over the
//! plans in scope (`plan::agenda::agenda_scope`, `plan::workload`) once per change and
//! filtered by the active filter; after an edit of a few requirements of the plan shown,
//! patched for them alone (see [`App::data_edited`]). Rows carry their plan's workspace
//! index, so the same ids of two plans in 全部 stay apart.

use chrono::NaiveDate;

use super::super::list::ListEntry;
use super::super::screen::Group;
use super::super::{App, Screen};
use crate::plan::agenda::{self, Bucket, ScopedRow};
use crate::plan::count::Counting;
use crate::plan::reporting;
use crate::plan::{Plan, ReqId};

/// The agenda's display order of a row of plan `plan`: by bucket, due date, plan, id (the
/// order `agenda_scope` gives; within one plan, `agenda_by`'s).
fn order(plan: usize, row: &agenda::AgendaRow) -> (Bucket, Option<NaiveDate>, usize, ReqId) {
    let (bucket, due, id) = row.key();
    (bucket, due, plan, id)
}

/// Bring the scoped agenda `rows` up to date for plan `p`'s requirements `ids` (each moved
/// to where a rebuild puts it).
fn patch_rows(
    rows: &mut Vec<ScopedRow>,
    (p, plan): (usize, &Plan),
    ids: &[ReqId],
    (today, show_done, by): (NaiveDate, bool, Counting<'_>),
) {
    for &id in ids {
        if let Some(at) = rows.iter().position(|r| r.plan == p && r.row.id == id) {
            rows.remove(at);
        }
        let Some(row) = plan
            .get(id)
            .and_then(|r| agenda::row_by(r, today, show_done, by))
        else {
            continue;
        };
        let key = order(p, &row);
        let at = rows.partition_point(|r| order(r.plan, &r.row) < key);
        rows.insert(at, ScopedRow { plan: p, row });
    }
}

impl App {
    /// Requirements `ids` of the plan shown were edited (nothing else changed): update the
    /// agenda's and the units table's data for them alone, then mark lists stale as a
    /// rebuild does. Lists then rebuild from that data; a large bulk change rebuilds it all.
    pub(in crate::app) fn data_edited(&mut self, ids: &[ReqId]) {
        const INCREMENTAL_UP_TO: usize = 64;
        if ids.len() > INCREMENTAL_UP_TO {
            return self.rebuilt();
        }
        let (p, plan, today) = (self.plan_index(), &self.state.plan, self.today);
        if let Some(all) = &mut self.derived.agenda_rows {
            let by = self.count.counting();
            patch_rows(all, (p, plan), ids, (today, self.agenda.show_done, by));
            let outstanding = &mut self.derived.outstanding;
            for &id in ids {
                let listed = all.iter().any(|r| r.plan == p && r.row.id == id);
                let owed = listed
                    && plan
                        .get(id)
                        .is_some_and(|r| reporting::is_outstanding(r, today));
                match (outstanding.binary_search(&(p, id)), owed) {
                    (Ok(at), false) => {
                        outstanding.remove(at);
                    }
                    (Err(at), true) => outstanding.insert(at, (p, id)),
                    _ => {}
                }
            }
        }
        if let Some(slot) = self.derived.workloads.get_mut(p)
            && let Some(cache) = slot
            && (cache.today() != today || !cache.update(plan, ids))
        {
            *slot = None;
        }
        self.derived.scores = None;
        self.derived.stale = Screen::ALL.to_vec();
        // Only the edited requirements are re-checked against the filter and re-indexed.
        self.rematch(ids);
        // Unfiltered, the current list is patched for the edited requirements alone.
        if self.derived.matches.is_none() {
            match self.screen {
                Screen::Agenda
                    if self.derived.agenda_rows.is_some()
                        && self.agenda.order == agenda::Order::Due =>
                {
                    self.patch_agenda_list(ids);
                    self.derived.stale.retain(|p| *p != Screen::Agenda);
                }
                Screen::Units if self.workloads_built() => {
                    self.rebuild_unit_rows();
                    self.patch_drill(ids);
                    self.derived.stale.retain(|p| *p != Screen::Units);
                }
                _ => {}
            }
        }
        self.refresh();
    }

    /// Move the edited requirements' entries of the (unfiltered) agenda list to where a
    /// rebuild would put them, from the up-to-date rows.
    fn patch_agenda_list(&mut self, ids: &[ReqId]) {
        let by = self.count.counting();
        let bucket_of = |e: &ListEntry| match e {
            ListEntry::Heading {
                group: Group::Bucket(b),
                ..
            } => Some(*b),
            ListEntry::Heading { .. } | ListEntry::Requirement { .. } => None,
        };
        let key = |e: &ListEntry| match e {
            ListEntry::Requirement { plan, id, due } => Some((*due, *plan, *id)),
            ListEntry::Heading { .. } => None,
        };
        let p = self.plan_index();
        let (plan, today, show_done) = (&self.state.plan, self.today, self.agenda.show_done);
        self.agenda.list.edit(|entries| {
            for &id in ids {
                let new = plan
                    .get(id)
                    .and_then(|r| agenda::row_by(r, today, show_done, by));
                let old = entries.iter().position(|e| e.key() == Some((p, id)));
                let requirement = |due| ListEntry::Requirement { plan: p, id, due };
                if let Some(at) = old {
                    let heading = (0..at).rev().find(|&i| bucket_of(&entries[i]).is_some());
                    // Unmoved: same group, still between its neighbours.
                    if let (Some(new), Some(h)) = (new, heading)
                        && bucket_of(&entries[h]) == Some(new.bucket)
                        && at
                            .checked_sub(1)
                            .and_then(|i| key(&entries[i]))
                            .is_none_or(|k| k < (new.due, p, id))
                        && (entries.get(at + 1).and_then(key)).is_none_or(|k| k > (new.due, p, id))
                    {
                        entries[at] = requirement(new.due);
                        continue;
                    }
                    entries.remove(at);
                    if let Some(h) = heading
                        && let ListEntry::Heading { count, .. } = &mut entries[h]
                    {
                        *count -= 1;
                        if *count == 0 {
                            entries.remove(h);
                        }
                    }
                }
                let Some(new) = new else { continue };
                let mut group = None;
                let mut before = entries.len();
                for (i, e) in entries.iter().enumerate() {
                    match bucket_of(e) {
                        Some(b) if b == new.bucket => {
                            group = Some(i);
                            break;
                        }
                        Some(b) if b > new.bucket => {
                            before = i;
                            break;
                        }
                        _ => {}
                    }
                }
                if let Some(h) = group {
                    if let ListEntry::Heading { count, .. } = &mut entries[h] {
                        *count += 1;
                    }
                    let end = entries[h + 1..]
                        .iter()
                        .position(|e| bucket_of(e).is_some())
                        .map_or(entries.len(), |n| h + 1 + n);
                    let at = h
                        + 1
                        + entries[h + 1..end]
                            .partition_point(|e| key(e).is_some_and(|k| k < (new.due, p, id)));
                    entries.insert(at, requirement(new.due));
                } else {
                    entries.insert(
                        before,
                        ListEntry::Heading {
                            group: Group::Bucket(new.bucket),
                            count: 1,
                            plan: None,
                        },
                    );
                    entries.insert(before + 1, requirement(new.due));
                }
            }
        });
        self.agenda.reports_outstanding = self.derived.outstanding.len();
    }

    pub(in crate::app) fn rebuild_agenda(&mut self) {
        let all = if let Some(all) = self.derived.agenda_rows.take() {
            all
        } else {
            let (today, show_done, by) = (self.today, self.agenda.show_done, self.counting());
            let all = self.with_scope(|base, scope| {
                let mut rows = agenda::agenda_scope(scope, today, show_done, by);
                for r in &mut rows {
                    r.plan += base;
                }
                rows
            });
            self.derived.outstanding = all
                .iter()
                .filter(|r| {
                    (self.requirement_at(r.plan, r.row.id))
                        .is_some_and(|r| reporting::is_outstanding(r, today))
                })
                .map(|r| (r.plan, r.row.id))
                .collect();
            self.derived.outstanding.sort_unstable();
            all
        };
        let mut rows: Vec<_> = (all.iter())
            .filter(|r| self.passes_at(r.plan, r.row.id))
            .copied()
            .collect();
        if self.agenda.order != agenda::Order::Due {
            // Each plan's rows by its reminders, the plans' rows then merged by the order.
            let by_plan = |plan: usize| &self.state.plans()[plan].plan;
            rows.sort_by_cached_key(|s| {
                let last = (by_plan(s.plan).get(s.row.id))
                    .and_then(crate::plan::Requirement::last_reminder)
                    .map(|m| m.at);
                (s.row.bucket, last, s.row.due, s.plan, s.row.id)
            });
        }
        self.derived.agenda_rows = Some(all);
        let mut entries = Vec::with_capacity(rows.len() + Bucket::ALL.len());
        for group in rows.chunk_by(|a, b| a.row.bucket == b.row.bucket) {
            entries.push(ListEntry::Heading {
                group: Group::Bucket(group[0].row.bucket),
                count: group.len(),
                plan: None,
            });
            entries.extend(group.iter().map(|s| ListEntry::Requirement {
                plan: s.plan,
                id: s.row.id,
                due: s.row.due,
            }));
        }
        self.agenda.reports_outstanding = if self.derived.matches.is_none() {
            self.derived.outstanding.len()
        } else {
            let outstanding = &self.derived.outstanding;
            (outstanding.iter())
                .filter(|&&(p, id)| self.passes_at(p, id))
                .count()
        };
        self.agenda.list.replace(entries);
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::super::super::{Action, App, Screen};
    use super::super::tests::{generated_app, now};

    fn app() -> App {
        generated_app(200)
    }

    /// What a list view shows, to compare with a full rebuild.
    fn shown(app: &App) -> String {
        format!(
            "{:?} {:?} {} {:?} {:?}",
            app.agenda.list.entries,
            app.agenda.list.cursor,
            app.agenda.reports_outstanding,
            app.units.rows,
            app.units
                .drill
                .as_ref()
                .map(|d| (&d.list.entries, d.list.cursor))
        )
    }

    /// 全部 over two generated plans (the same ids in both), B shown.
    fn all_plans_app() -> App {
        use crate::plan::generate::{GenOptions, generate_document};
        let plan = |requirements, seed| {
            let doc = generate_document(&GenOptions {
                requirements,
                seed,
                ..GenOptions::default()
            });
            crate::plan::import::import_bytes(doc.as_bytes(), "gen.txt").expect("imports")
        };
        let mut state = crate::store::State::new(plan(120, 1));
        state
            .add(crate::store::PlanState::new("B", plan(90, 2)))
            .expect("adds");
        let mut app = App::new(state, Box::new(super::super::super::Discard), now().date());
        app.update(Action::NextPlan, now());
        assert!(app.all_plans());
        app
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        /// In 全部, edits on rows of either plan (each brought in as its row is selected)
        /// leave the lists a full rebuild gives.
        #[test]
        fn edits_across_plans_match_a_rebuild(
            units in any::<bool>(),
            steps in prop::collection::vec((0usize..40, any::<bool>(), any::<bool>()), 1..12),
        ) {
            let mut app = all_plans_app();
            if units {
                app.update(Action::ShowScreen(Screen::Units), now());
                app.update(Action::ToggleExpand, now());
            } else {
                app.update(Action::ShowScreen(Screen::Agenda), now());
            }
            for (moves, cycle, undo) in steps {
                for _ in 0..moves {
                    app.update(Action::Down, now());
                }
                if undo {
                    app.update(Action::Undo, now());
                } else if cycle {
                    app.update(Action::CycleStatus, now());
                } else {
                    app.update(Action::ToggleDone, now());
                    app.update(Action::SubmitNote, now());
                }
                let key = app.list_key();
                prop_assert!(key.is_none_or(|(p, _)| p == app.plan_index()));
                let patched = shown(&app);
                app.rebuilt();
                prop_assert_eq!(patched, shown(&app));
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]

        /// Status changes made in the agenda and units views (lists patched edit by edit)
        /// show what a full rebuild shows.
        #[test]
        fn edits_in_list_views_match_a_rebuild(
            units in any::<bool>(),
            show_done in any::<bool>(),
            steps in prop::collection::vec((0usize..30, any::<bool>(), any::<bool>()), 1..15),
        ) {
            let mut app = app();
            if units {
                app.update(Action::ShowScreen(Screen::Units), now());
                app.update(Action::ToggleExpand, now());
            } else {
                app.update(Action::ShowScreen(Screen::Agenda), now());
                if show_done {
                    app.update(Action::ToggleShowDone, now());
                }
            }
            for (moves, cycle, undo) in steps {
                for _ in 0..moves {
                    app.update(Action::Down, now());
                }
                if undo {
                    app.update(Action::Undo, now());
                } else if cycle {
                    app.update(Action::CycleStatus, now());
                } else {
                    app.update(Action::ToggleDone, now());
                    app.update(Action::SubmitNote, now());
                }
                let patched = shown(&app);
                app.rebuilt();
                prop_assert_eq!(patched, shown(&app));
            }
        }
    }
}
