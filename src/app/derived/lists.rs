//! The agenda's and the units view's lists, built from the domain (`plan::agenda`,
//! `plan::workload`) once per change and filtered by the active filter; after an edit of a
//! few requirements, patched for them alone (see [`App::data_edited`]).

use std::collections::HashSet;

use super::super::list::ListEntry;
use super::super::screen::Group;
use super::super::{App, Screen};
use crate::plan::ReqId;
use crate::plan::agenda::{self, Bucket};
use crate::plan::reporting;
use crate::plan::workload;

impl App {
    /// Requirements `ids` were edited (nothing else changed): update the agenda's and the
    /// units table's data for them alone, then mark lists stale as a rebuild
    /// does. Lists then rebuild from that data; a large bulk change rebuilds it all.
    pub(in crate::app) fn data_edited(&mut self, ids: &[ReqId]) {
        const INCREMENTAL_UP_TO: usize = 64;
        if ids.len() > INCREMENTAL_UP_TO {
            return self.rebuilt();
        }
        let plan = &self.state.plan;
        if let Some(all) = &mut self.derived.agenda_rows {
            let by = self.count.counting();
            agenda::update_by(all, plan, ids, self.today, self.agenda.show_done, by);
            let outstanding = &mut self.derived.outstanding;
            for &id in ids {
                let listed = all.iter().any(|r| r.id == id);
                let owed = listed
                    && plan
                        .get(id)
                        .is_some_and(|r| reporting::is_outstanding(r, self.today));
                match (outstanding.binary_search(&id), owed) {
                    (Ok(at), false) => {
                        outstanding.remove(at);
                    }
                    (Err(at), true) => outstanding.insert(at, id),
                    _ => {}
                }
            }
        }
        if let Some(cache) = &mut self.derived.workload
            && (cache.today() != self.today || !cache.update(plan, ids))
        {
            self.derived.workload = None;
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
                Screen::Units if self.derived.workload.is_some() => {
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
        let (plan, today, show_done) = (&self.state.plan, self.today, self.agenda.show_done);
        self.agenda.list.edit(|entries| {
            for &id in ids {
                let new = plan
                    .get(id)
                    .and_then(|r| agenda::row_by(r, today, show_done, by));
                let old = entries
                    .iter()
                    .position(|e| matches!(e, ListEntry::Requirement { id: i, .. } if *i == id));
                if let Some(p) = old {
                    let heading = (0..p).rev().find(|&i| bucket_of(&entries[i]).is_some());
                    let key = |e: &ListEntry| match e {
                        ListEntry::Requirement { id, due } => Some((*due, *id)),
                        ListEntry::Heading { .. } => None,
                    };
                    // Unmoved: same group, still between its neighbours.
                    if let (Some(new), Some(h)) = (new, heading)
                        && bucket_of(&entries[h]) == Some(new.bucket)
                        && p.checked_sub(1)
                            .and_then(|i| key(&entries[i]))
                            .is_none_or(|k| k < (new.due, id))
                        && entries.get(p + 1).and_then(key).is_none_or(|k| k > (new.due, id))
                    {
                        entries[p] = ListEntry::Requirement { id, due: new.due };
                        continue;
                    }
                    entries.remove(p);
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
                    let at = h + 1
                        + entries[h + 1..end].partition_point(|e| {
                            matches!(e, ListEntry::Requirement { id: i, due } if (*due, *i) < (new.due, id))
                        });
                    entries.insert(at, ListEntry::Requirement { id, due: new.due });
                } else {
                    entries.insert(
                        before,
                        ListEntry::Heading {
                            group: Group::Bucket(new.bucket),
                            count: 1,
                        },
                    );
                    entries.insert(before + 1, ListEntry::Requirement { id, due: new.due });
                }
            }
        });
        self.agenda.reports_outstanding = self.derived.outstanding.len();
    }

    /// The drill-down's requirements stay (units do not change in an edit); only their due
    /// dates are redone.
    fn patch_drill(&mut self, ids: &[ReqId]) {
        let (plan, today) = (&self.state.plan, self.today);
        if let Some(d) = &mut self.units.drill {
            d.list.edit(|entries| {
                for e in entries.iter_mut() {
                    if let ListEntry::Requirement { id, due } = e
                        && ids.contains(id)
                    {
                        *due = plan.get(*id).and_then(|r| r.due(today));
                    }
                }
            });
        }
    }

    pub(in crate::app) fn rebuild_agenda(&mut self) {
        let all = if let Some(all) = self.derived.agenda_rows.take() {
            all
        } else {
            let plan = &self.state.plan;
            let all = agenda::agenda_by(plan, self.today, self.agenda.show_done, self.counting());
            self.derived.outstanding = all
                .iter()
                .filter(|r| {
                    plan.get(r.id)
                        .is_some_and(|r| reporting::is_outstanding(r, self.today))
                })
                .map(|r| r.id)
                .collect();
            self.derived.outstanding.sort_unstable();
            all
        };
        let mut rows: Vec<_> = all.iter().filter(|r| self.passes(r.id)).copied().collect();
        if self.agenda.order != agenda::Order::Due {
            agenda::sort(&mut rows, &self.state.plan, self.agenda.order);
        }
        self.derived.agenda_rows = Some(all);
        let mut entries = Vec::with_capacity(rows.len() + Bucket::ALL.len());
        for (bucket, group) in agenda::groups(&rows) {
            entries.push(ListEntry::Heading {
                group: Group::Bucket(bucket),
                count: group.len(),
            });
            entries.extend(group.iter().map(|r| ListEntry::Requirement {
                id: r.id,
                due: r.due,
            }));
        }
        self.agenda.reports_outstanding = if self.derived.matches.is_none() {
            self.derived.outstanding.len()
        } else {
            let outstanding = &self.derived.outstanding;
            outstanding.iter().filter(|&&id| self.passes(id)).count()
        };
        self.agenda.list.replace(entries);
    }

    pub(in crate::app) fn rebuild_units(&mut self) {
        self.rebuild_unit_rows();
        if let Some(unit) = self.units.drill.as_ref().map(|d| d.unit.clone()) {
            let entries = self.drill_entries(&unit);
            if let Some(d) = &mut self.units.drill {
                d.list.replace(entries);
            }
        }
    }

    /// The table, without the drill-down.
    fn rebuild_unit_rows(&mut self) {
        let keep = self.selected_unit_name();
        let cache = match self.derived.workload.take() {
            Some(cache) if cache.today() == self.today => cache,
            _ => workload::Workload::new(&self.state.plan, self.today),
        };
        let mut rows = cache.rows();
        self.derived.workload = Some(cache);
        if let Some(m) = &self.derived.matches {
            // Units with at least one requirement the filter lets through.
            let plan = &self.state.plan;
            let named: HashSet<&str> = m
                .ids
                .iter()
                .filter_map(|&id| plan.get(id))
                .flat_map(|r| r.units.lead.iter().chain(&r.units.cooperating))
                .map(|u| u.name.as_str())
                .collect();
            rows.retain(|r| named.contains(r.name.as_str()));
        }
        workload::sort_rows(&mut rows, self.units.sort, self.units.descending);
        self.units.cursor = keep
            .and_then(|k| rows.iter().position(|r| r.name == k))
            .unwrap_or(self.units.cursor)
            .min(rows.len().saturating_sub(1));
        self.units.rows = rows;
    }

    pub(in crate::app) fn drill_entries(&self, unit: &str) -> Vec<ListEntry> {
        let plan = &self.state.plan;
        let (lead, cooperating) = match &self.derived.workload {
            Some(cache) => cache.unit_requirements(unit),
            None => workload::unit_requirements(plan, unit),
        };
        let mut entries = Vec::new();
        for (group, ids) in [(Group::Lead, lead), (Group::Cooperating, cooperating)] {
            let ids: Vec<_> = ids.into_iter().filter(|&id| self.passes(id)).collect();
            entries.push(ListEntry::Heading {
                group,
                count: ids.len(),
            });
            entries.extend(ids.into_iter().map(|id| ListEntry::Requirement {
                id,
                due: plan.get(id).and_then(|r| r.due(self.today)),
            }));
        }
        entries
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
