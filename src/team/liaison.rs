//! A unit liaison's workspace (issue #22): the plans as the server lets a liaison read them
//! (`duban.plan_skeletons()`: categories and items, no requirement of another unit) with
//! only the requirements that name their units, each under the office's own id. Ids are
//! positions in the office's tree; the tree is built with placeholders in the hidden places
//! so that the state file's reader checks and derives it as usual, then the placeholders
//! and the categories and items left empty are taken out. [`crate::plan::Plan::get`] finds
//! a requirement of such a partial plan by its id.
//!
//! A liaison's save writes only the requirement rows it changed, `WHERE version =` as
//! loaded; anything else (a requirement added or gone, a plan's tree, the workspace) is
//! refused before a statement is sent: it must never delete or renumber rows it cannot see.

use std::collections::{HashMap, HashSet};

use postgres::{Client, IsolationLevel};

use super::load::{
    Base, Versions, note_versions, plan_rows, read_history, read_requirements, typed,
};
use super::rows::{self, PlanRow, ReqKey, ReqRow};
use super::{TeamError, edit, sql};
use crate::plan::{ReqId, Requirement};
use crate::store::State;

/// The liaison's rows, read in one repeatable-read snapshot, as a workspace.
pub fn load(client: &mut Client) -> Result<(Option<State>, Base), TeamError> {
    let mut tx = client
        .build_transaction()
        .isolation_level(IsolationLevel::RepeatableRead)
        .read_only(true)
        .start()
        .map_err(|e| sql(&e))?;
    let mut versions = Versions::default();
    let mut plans = Vec::new();
    for row in tx
        .query(
            "SELECT name, header, version FROM duban.plan_skeletons() ORDER BY position",
            &[],
        )
        .map_err(|e| sql(&e))?
    {
        let name: String = row.get(0);
        versions.plans.insert((name.clone(), false), row.get(2));
        let header = typed(&row, 1, || format!("plan `{name}`"))?;
        plans.push(PlanRow {
            name,
            removed: false,
            header,
        });
    }
    let mut visible = Vec::new();
    let rows = read_requirements(&mut tx, |plan, id, data| {
        let (plan, id) = (plan.to_string(), id.to_string());
        visible.push(ReqRow { plan, id, data });
        Ok(())
    })?;
    note_versions(&rows, &mut versions);
    let (history, _) = read_history(&mut tx)?;
    tx.commit().map_err(|e| sql(&e))?;
    if plans.is_empty() {
        return Ok((None, Base::default()));
    }
    let shown: HashSet<ReqKey> = visible
        .iter()
        .map(|r| (r.plan.clone(), r.id.clone()))
        .collect();
    let requirements = with_placeholders(visible)?;
    let mut state =
        rows::assemble(None, plans, requirements, history).map_err(TeamError::Damaged)?;
    for p in state.plans_mut() {
        let name = p.name.clone();
        for category in &mut p.plan.categories {
            for item in &mut category.items {
                item.requirements
                    .retain(|r| shown.contains(&(name.clone(), r.id.canonical().to_string())));
            }
            category.items.retain(|i| !i.requirements.is_empty());
        }
        p.plan.categories.retain(|c| !c.items.is_empty());
    }
    // No workspace row for a liaison: its fields (the notices) are the office's, and a
    // liaison's save refuses any change to them.
    versions.workspace = Some(0);
    let base = Base::of(&state, &versions)?;
    Ok((Some(state), base))
}

/// The rows with a placeholder before each requirement in each hidden place of its item,
/// in tree order, as the state file's reader expects an item's requirements: 1, 2, 3…
fn with_placeholders(visible: Vec<ReqRow>) -> Result<Vec<ReqRow>, TeamError> {
    let mut parsed = Vec::new();
    for row in visible {
        let id: ReqId = row
            .id
            .parse()
            .map_err(|e: crate::plan::model::ParseIdError| TeamError::Damaged(e.to_string()))?;
        parsed.push((id, row));
    }
    parsed.sort_by(|(a, x), (b, y)| (&x.plan, *a).cmp(&(&y.plan, *b)));
    let mut next: HashMap<(String, u32, u32), u32> = HashMap::new();
    let mut out = Vec::new();
    for (id, row) in parsed {
        let from = next
            .entry((row.plan.clone(), id.category, id.item))
            .or_insert(1);
        for k in *from..id.requirement {
            let hidden = ReqId::new(id.category, id.item, k);
            out.push(ReqRow {
                plan: row.plan.clone(),
                id: hidden.canonical().to_string(),
                data: Requirement::underived(hidden, String::new(), String::new(), String::new()),
            });
        }
        *from = id.requirement + 1;
        out.push(row);
    }
    Ok(out)
}

/// Save a liaison's changes: the requirement rows it changed, nothing else.
pub fn save(
    client: &mut Client,
    base: &mut Base,
    state: &State,
    user: Option<&str>,
) -> Result<(), TeamError> {
    refuse_office_changes(base, state)?;
    let mut changed: HashMap<String, Vec<ReqId>> = HashMap::new();
    for p in state.plans() {
        for r in p.plan.requirements() {
            let key = (p.name.clone(), r.id.canonical().to_string());
            if base.reqs.get(&key).is_some_and(|b| !b.req.same_stored(r)) {
                changed.entry(p.name.clone()).or_default().push(r.id);
            }
        }
    }
    for (plan, ids) in changed {
        let mut one = state.clone();
        one.focus(&plan)
            .map_err(|e| TeamError::Refused(e.to_string()))?;
        if let Some(saved) = edit::save_requirements(client, base, &one, &ids, user) {
            saved?;
        }
    }
    Ok(())
}

/// What a liaison may not change, checked before anything is written: requirements added
/// or gone, a plan's tree or fields, plans added or removed, the workspace's fields.
fn refuse_office_changes(base: &Base, state: &State) -> Result<(), TeamError> {
    let denied = |what: String| {
        Err(TeamError::Denied(format!(
            "a unit liaison may not {what}; only progress notes, doing/blocked, reports, \
             evidence and completion claims on their units' requirements"
        )))
    };
    let damaged = |e: serde_json::Error| TeamError::Damaged(e.to_string());
    let now: HashSet<ReqKey> = state
        .plans()
        .iter()
        .flat_map(|p| {
            p.plan
                .requirements()
                .map(|r| (p.name.clone(), r.id.canonical().to_string()))
        })
        .collect();
    if let Some(key) = now.iter().find(|k| !base.reqs.contains_key(*k)) {
        return denied(format!("add requirement {}:{}", key.0, key.1));
    }
    if let Some(key) = base.reqs.keys().find(|k| !now.contains(*k)) {
        return denied(format!("remove requirement {}:{}", key.0, key.1));
    }
    let plans = plan_rows(state).map_err(damaged)?;
    for (key, _, header) in &plans {
        if base.plans.get(key).is_none_or(|b| b.header != *header) {
            return denied(format!("change plan `{}`", key.0));
        }
    }
    if plans.len() != base.plans.len() {
        return denied("remove a plan".into());
    }
    if base
        .workspace
        .as_ref()
        .is_some_and(|(old, _)| rows::workspace_data(state).ok().as_ref() != Some(old))
    {
        return denied("change the workspace's notices".into());
    }
    // A requirement's office fields are the database's to refuse (the liaison trigger).
    Ok(())
}
