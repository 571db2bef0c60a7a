//! A workspace as rows and back: the workspace row, one header per plan (its tree without
//! the requirements' bodies), one row per requirement (without its history), the history.

use serde_json::{Value, json};

use crate::plan::notice::NoticeBook;
use crate::plan::{Change, Requirement};
use crate::store::{PlanState, State};

mod assemble;
pub(super) use assemble::category_numbers;
pub use assemble::{Placer, assemble};

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

/// A requirement row as read: typed straight from the row's bytes (no JSON value between).
pub struct ReqRow {
    pub plan: String,
    pub id: String,
    pub data: Requirement,
}

/// A plan row as read, in workspace order: the plan with its items' requirements empty (a
/// removed plan's header holds them all).
pub struct PlanRow {
    pub name: String,
    pub removed: bool,
    pub header: PlanState,
}

/// The workspace row's fields as read.
#[derive(serde::Deserialize, Default)]
pub struct WorkspaceRow {
    #[serde(default)]
    pub(super) merge_notice: Option<String>,
    #[serde(default)]
    pub(super) notices: Option<NoticeBook>,
}

impl WorkspaceRow {
    /// As [`workspace_data`] writes it: the base a save compares with.
    pub fn value(&self) -> Result<Value, serde_json::Error> {
        Ok(json!({
            "merge_notice": self.merge_notice,
            "notices": serde_json::to_value(self.notices.clone().unwrap_or_default())?,
        }))
    }
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
