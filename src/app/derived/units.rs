//! The units view's data over the plans in scope: each plan's [`Workload`] (kept up to date
//! edit by edit), the table's rows — in 全部 a unit's rows of every plan summed, as
//! `workload_scope` counts them — and the drill-down into one unit's requirements, plan by
//! plan in 全部.

use std::collections::HashSet;

use super::super::App;
use super::super::list::ListEntry;
use super::super::screen::Group;
use crate::plan::ReqId;
use crate::plan::workload::{self, UnitRow, Workload};

/// One table row per unit from each plan's rows (in scope order, with the plan's name when
/// several are in scope): counts summed, the oldest overdue the largest, the plans named
/// in order. Equals `workload_scope` over the same plans (see the test).
pub(in crate::app) fn merge(per_plan: &[(Option<&str>, Vec<UnitRow>)]) -> Vec<UnitRow> {
    let mut rows: Vec<UnitRow> = Vec::new();
    let mut by_name = std::collections::HashMap::new();
    for (name, plan_rows) in per_plan {
        for r in plan_rows {
            let at = *by_name.entry(r.name.clone()).or_insert_with(|| {
                rows.push(UnitRow {
                    name: r.name.clone(),
                    collective: r.collective,
                    ..UnitRow::default()
                });
                rows.len() - 1
            });
            let m = &mut rows[at];
            m.lead += r.lead;
            m.cooperating += r.cooperating;
            m.done += r.done;
            m.doing += r.doing;
            m.review += r.review;
            m.blocked += r.blocked;
            m.due_7 += r.due_7;
            m.overdue += r.overdue;
            m.oldest_overdue_days = m.oldest_overdue_days.max(r.oldest_overdue_days);
            m.reports_outstanding += r.reports_outstanding;
            m.reminders += r.reminders;
            m.chased += r.chased;
            m.plans.extend(name.map(str::to_string));
        }
    }
    rows
}

impl App {
    /// Whether every plan in scope has its units table built (edits then patch it).
    pub(super) fn workloads_built(&self) -> bool {
        let (base, plans) = self.scope_plans();
        (base..base + plans.len()).all(
            |p| matches!(self.derived.workloads.get(p), Some(Some(w)) if w.today() == self.today),
        )
    }

    /// Build the units tables of the plans in scope that are missing (or of another day).
    fn build_workloads(&mut self) {
        let n = self.state.plans().len();
        self.derived.workloads.resize_with(n, || None);
        let (base, count) = (self.scope_plans().0, self.scope_plans().1.len());
        let today = self.today;
        for p in base..base + count {
            if (self.derived.workloads[p].as_ref()).is_some_and(|w| w.today() == today) {
                continue;
            }
            let built = match self.state.plans().get(p) {
                Some(ps) if p != self.plan_index() => Workload::new(&ps.plan, today),
                _ => Workload::new(&self.state.plan, today),
            };
            self.derived.workloads[p] = Some(built);
        }
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
    pub(super) fn rebuild_unit_rows(&mut self) {
        let keep = self.selected_unit_name();
        self.build_workloads();
        let (base, plans) = self.scope_plans();
        let several = plans.len() > 1;
        let mut per_plan: Vec<(Option<&str>, Vec<UnitRow>)> = (plans.iter().enumerate())
            .map(|(i, (name, _))| {
                let rows = (self.derived.workloads.get(base + i))
                    .and_then(Option::as_ref)
                    .map(Workload::rows)
                    .unwrap_or_default();
                (several.then_some(*name), rows)
            })
            .collect();
        if self.derived.matches.is_some() {
            // Units with at least one requirement the filter lets through, plan by plan.
            for (i, ((_, plan), (_, rows))) in plans.iter().zip(&mut per_plan).enumerate() {
                let m = if base + i == self.plan_index() {
                    self.derived.matches.as_ref()
                } else {
                    self.derived
                        .other_matches
                        .get(base + i)
                        .and_then(Option::as_ref)
                };
                let named: HashSet<&str> = (m.iter().flat_map(|m| &m.ids))
                    .filter_map(|&id| plan.get(id))
                    .flat_map(|r| r.units.lead.iter().chain(&r.units.cooperating))
                    .map(|u| u.name.as_str())
                    .collect();
                rows.retain(|r| named.contains(r.name.as_str()));
            }
        }
        let mut rows = if several {
            merge(&per_plan)
        } else {
            per_plan.pop().map(|(_, rows)| rows).unwrap_or_default()
        };
        let per_plan: Vec<Vec<UnitRow>> = if several {
            per_plan.into_iter().map(|(_, rows)| rows).collect()
        } else {
            Vec::new()
        };
        workload::sort_rows(&mut rows, self.units.sort, self.units.descending);
        self.units.cursor = keep
            .and_then(|k| rows.iter().position(|r| r.name == k))
            .unwrap_or(self.units.cursor)
            .min(rows.len().saturating_sub(1));
        self.units.rows = rows;
        self.units.per_plan = per_plan;
    }

    /// One unit's requirements: what it leads, then what it cooperates on; in 全部 so for
    /// each plan it has requirements in (under headings naming the plan).
    pub(in crate::app) fn drill_entries(&self, unit: &str) -> Vec<ListEntry> {
        let (base, plans) = self.scope_plans();
        let several = plans.len() > 1;
        let mut entries = Vec::new();
        for (i, (_, plan)) in plans.iter().enumerate() {
            let p = base + i;
            let (lead, cooperating) = match self.derived.workloads.get(p) {
                Some(Some(cache)) => cache.unit_requirements(unit),
                _ => workload::unit_requirements(plan, unit),
            };
            let groups = [(Group::Lead, lead), (Group::Cooperating, cooperating)]
                .map(|(g, ids)| (g, ids.into_iter().filter(|&id| self.passes_at(p, id))));
            let groups = groups.map(|(g, ids)| (g, ids.collect::<Vec<ReqId>>()));
            if several && groups.iter().all(|(_, ids)| ids.is_empty()) {
                continue;
            }
            for (group, ids) in groups {
                entries.push(ListEntry::Heading {
                    group,
                    count: ids.len(),
                    plan: several.then_some(p),
                });
                entries.extend(ids.into_iter().map(|id| ListEntry::Requirement {
                    plan: p,
                    id,
                    due: plan.get(id).and_then(|r| r.due(self.today)),
                }));
            }
        }
        entries
    }

    /// The drill-down's requirements stay (units do not change in an edit); only the
    /// edited ones' due dates are redone.
    pub(super) fn patch_drill(&mut self, ids: &[ReqId]) {
        let (p, plan, today) = (self.plan_index(), &self.state.plan, self.today);
        if let Some(d) = &mut self.units.drill {
            d.list.edit(|entries| {
                for e in entries.iter_mut() {
                    if let ListEntry::Requirement { plan: at, id, due } = e
                        && *at == p
                        && ids.contains(id)
                    {
                        *due = plan.get(*id).and_then(|r| r.due(today));
                    }
                }
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::merge;
    use crate::plan::generate::{GenOptions, generate_document};
    use crate::plan::import::import_bytes;
    use crate::plan::query::Scope;
    use crate::plan::workload::{UnitColumn, Workload, sort_rows, workload_scope};

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(8))]

        /// A unit's rows of several plans summed are what the one query over their scope
        /// counts.
        #[test]
        fn merged_rows_equal_the_scope_query(sizes in prop::collection::vec(5usize..80, 1..4)) {
            let today = chrono::NaiveDate::from_ymd_opt(2021, 9, 20).expect("valid");
            let plans: Vec<_> = (sizes.iter().enumerate())
                .map(|(i, &n)| {
                    let doc = generate_document(&GenOptions {
                        requirements: n,
                        seed: i as u64,
                        ..GenOptions::default()
                    });
                    import_bytes(doc.as_bytes(), "gen.txt").expect("imports")
                })
                .collect();
            let names: Vec<String> = (0..plans.len()).map(|i| format!("P{i}")).collect();
            let scoped: Vec<(&str, &crate::plan::Plan)> =
                names.iter().map(String::as_str).zip(&plans).collect();
            let several = scoped.len() > 1;
            let per_plan: Vec<_> = (scoped.iter())
                .map(|(n, p)| (several.then_some(*n), Workload::new(p, today).rows()))
                .collect();
            let mut merged = merge(&per_plan);
            sort_rows(&mut merged, UnitColumn::Overdue, true);
            prop_assert_eq!(merged, workload_scope(Scope::new(&scoped), today));
        }
    }
}
