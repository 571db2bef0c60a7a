//! A workspace as rows and back: the workspace row, one header per plan (its tree without
//! the requirements' bodies), one row per requirement (without its history), the history.

use std::collections::HashMap;

use serde_json::{Value, json};

use crate::plan::{Change, Requirement};
use crate::store::{PlanState, SCHEMA_VERSION, State};

/// A requirement row's key: the plan's name and the id (`1.2.3`).
pub type ReqKey = (String, String);

/// A plan row's key: the name, and whether it is a removed plan.
pub type PlanKey = (String, bool);

/// The workspace row's content: what the state holds beside its plans.
pub fn workspace_data(state: &State) -> Result<Value, serde_json::Error> {
    Ok(json!({
        "merge_notice": state.merge_notice,
        "notices": serde_json::to_value(&state.notices)?,
    }))
}

/// A plan's header: the plan state with every item's requirements left out (they are rows
/// of their own). A removed plan keeps everything.
pub fn plan_header(plan: &PlanState, removed: bool) -> Result<Value, serde_json::Error> {
    let mut value = serde_json::to_value(plan)?;
    if !removed
        && let Some(categories) = value
            .pointer_mut("/plan/categories")
            .and_then(Value::as_array_mut)
    {
        for category in categories {
            if let Some(items) = category.get_mut("items").and_then(Value::as_array_mut) {
                for item in items {
                    item["requirements"] = Value::Array(Vec::new());
                }
            }
        }
    }
    Ok(value)
}

/// A requirement's row content: everything but its history.
pub fn requirement_data(r: &Requirement) -> Result<Value, serde_json::Error> {
    let mut value = serde_json::to_value(r)?;
    if let Some(map) = value.as_object_mut() {
        map.remove("history");
    }
    Ok(value)
}

/// The normalised names of its lead and cooperating units, as duban matches them.
pub fn unit_names(r: &Requirement) -> Vec<String> {
    let mut names: Vec<String> = r.units.all().map(|u| u.name.clone()).collect();
    names.sort();
    names.dedup();
    names
}

/// A history entry's row content: the entry without what the row's own columns say (the
/// database login and the server's time).
pub fn history_entry(c: &Change) -> Result<Value, serde_json::Error> {
    let mut value = serde_json::to_value(c)?;
    if let Some(map) = value.as_object_mut() {
        map.remove("login");
        map.remove("recorded");
    }
    Ok(value)
}

/// A requirement row as read.
pub struct ReqRow {
    pub plan: String,
    pub id: String,
    pub data: Value,
}

/// A plan row as read, in workspace order.
pub struct PlanRow {
    pub name: String,
    pub removed: bool,
    pub header: Value,
}

/// Put the rows back together as the state file would hold them, then let the state
/// file's own reader check and derive it (ids against the tree, units, deadlines).
pub fn assemble(
    workspace: Option<Value>,
    plans: Vec<PlanRow>,
    requirements: Vec<ReqRow>,
    mut history: HashMap<ReqKey, Vec<Value>>,
) -> Result<State, String> {
    let mut by_plan: HashMap<String, Vec<ReqRow>> = HashMap::new();
    for row in requirements {
        by_plan.entry(row.plan.clone()).or_default().push(row);
    }
    let mut active = Vec::new();
    let mut removed = Vec::new();
    for mut p in plans {
        if p.removed {
            removed.push(p.header);
            continue;
        }
        let numbers = category_numbers(&p.header);
        for mut row in by_plan.remove(&p.name).unwrap_or_default() {
            let key = (row.plan.clone(), row.id.clone());
            if let Some(entries) = history.remove(&key) {
                row.data["history"] = Value::Array(entries);
            }
            place(&mut p.header, &numbers, &p.name, row)?;
        }
        active.push(p.header);
    }
    if let Some(plan) = by_plan.keys().next() {
        return Err(format!(
            "requirements of a plan `{plan}` that is not in the workspace"
        ));
    }
    let workspace = workspace.unwrap_or_else(|| json!({}));
    let mut state = json!({
        "schema": SCHEMA_VERSION,
        "plans": active,
        "removed_plans": removed,
    });
    for key in ["merge_notice", "notices"] {
        if let Some(v) = workspace.get(key).filter(|v| !v.is_null()) {
            state[key] = v.clone();
        }
    }
    let bytes = serde_json::to_vec(&state).map_err(|e| e.to_string())?;
    crate::store::state_from_json(&bytes)
}

/// Each category's position in the header's tree by its number, looked up once per plan:
/// a linear search per row made a 100k-requirement load quadratic.
fn category_numbers(header: &Value) -> HashMap<u64, usize> {
    let categories = header.pointer("/plan/categories").and_then(Value::as_array);
    let mut numbers = HashMap::new();
    for (i, c) in categories.into_iter().flatten().enumerate() {
        if let Some(n) = c.get("number").and_then(Value::as_u64) {
            // The first of a repeated number, as the search found it.
            numbers.entry(n).or_insert(i);
        }
    }
    numbers
}

/// Append a requirement (rows come in plan order) to the item its id names.
fn place(
    header: &mut Value,
    numbers: &HashMap<u64, usize>,
    plan: &str,
    row: ReqRow,
) -> Result<(), String> {
    let misplaced = || {
        format!(
            "plan `{plan}`: requirement {} has no place in the tree",
            row.id
        )
    };
    let id: crate::plan::ReqId = row.id.parse().map_err(|_| misplaced())?;
    let categories = header
        .pointer_mut("/plan/categories")
        .and_then(Value::as_array_mut)
        .ok_or_else(misplaced)?;
    let category = numbers
        .get(&u64::from(id.category))
        .and_then(|&i| categories.get_mut(i))
        .ok_or_else(misplaced)?;
    let index = usize::try_from(id.item).map_err(|_| misplaced())?;
    let item = category
        .get_mut("items")
        .and_then(Value::as_array_mut)
        .and_then(|items| items.get_mut(index.checked_sub(1)?))
        .ok_or_else(misplaced)?;
    match item.get_mut("requirements").and_then(Value::as_array_mut) {
        Some(list) => list.push(row.data),
        None => item["requirements"] = Value::Array(vec![row.data]),
    }
    Ok(())
}

/// Append `new` to the trail of `key`, after moving its trail aside when `replace` (an id
/// that now names another requirement). Entries the server recorded before (a trail
/// following its requirement to a new id, a restored plan's) keep their login and time:
/// they go through the owner's `duban.write_history`, which checks that each is on record.
/// Only new entries take the plain, server-stamped insert (the one a liaison may make).
pub(super) fn append_history(
    tx: &mut postgres::Transaction<'_>,
    key: &ReqKey,
    new: &[Change],
    replace: bool,
) -> Result<(), super::TeamError> {
    use super::{TeamError, sql};
    let damaged = |e: serde_json::Error| TeamError::Damaged(e.to_string());
    if replace
        || new
            .iter()
            .any(|c| c.login.is_some() && c.recorded.is_some())
    {
        let mut entries = Vec::new();
        for c in new {
            entries.push(json!({
                "entry": history_entry(c).map_err(damaged)?,
                "actor": c.by,
                "login": c.login,
                "at": c.recorded,
            }));
        }
        tx.execute(
            "SELECT duban.write_history($1, $2, $3, $4)",
            &[&key.0, &key.1, &Value::Array(entries), &replace],
        )
        .map_err(|e| sql(&e))?;
        return Ok(());
    }
    if new.is_empty() {
        return Ok(());
    }
    let insert = tx
        .prepare("INSERT INTO duban.history (plan, req, entry, actor) VALUES ($1, $2, $3, $4)")
        .map_err(|e| sql(&e))?;
    for c in new {
        let entry = history_entry(c).map_err(damaged)?;
        tx.execute(&insert, &[&key.0, &key.1, &entry, &c.by])
            .map_err(|e| sql(&e))?;
    }
    Ok(())
}

/// The trail of a requirement whose row this transaction deleted: moved aside by the
/// owner's `duban.drop_history` (history itself is append-only).
pub(super) fn drop_history(
    tx: &mut postgres::Transaction<'_>,
    key: &ReqKey,
) -> Result<(), super::TeamError> {
    tx.execute("SELECT duban.drop_history($1, $2)", &[&key.0, &key.1])
        .map_err(|e| super::sql(&e))?;
    Ok(())
}
