//! Reading older state files. Each schema change adds one step here that rewrites a file's
//! JSON from version N to N+1; loading runs the steps in order, and the next save writes the
//! current schema (the previous file is kept as `state.json.bak`).
//!
//! - schema 0: files from before the version field existed: the same fields as schema 1,
//!   with `schema` missing (or 0).
//! - schema 1: adds the `schema` field.
//! - schema 2: the 督办 life cycle (issue #17): the status `review`, a requirement's
//!   `extensions`, `review`, `reminders` and `evidence`, and who made a history entry
//!   (`by`). All are optional, so a schema 1 file reads as it is; the number goes up so that
//!   an older duban refuses the file rather than drop what it does not know when it saves.
//!   Within schema 2 (before any release carried it): `notices`, the 督办通知单 numbers
//!   issued (issue #18), optional.
//! - schema 3: a workspace of plans (issue #20). The top-level `plan`, `snapshots` and
//!   `archived` of schema 2 become the one entry of `plans`, named after the plan's year
//!   ([`super::default_name`]); `merge_notice` stays at the top.
//!   Within schema 3 too: hand entry and correction (issue #20), a requirement's `by_hand`
//!   and the history kinds `added`, `edited`, `removed` and `restored`, optional.

use serde_json::Value;

use super::SCHEMA_VERSION;

/// The file's version: its `schema` field, 0 when absent.
pub(super) fn version(value: &Value) -> Result<u32, String> {
    match value.get("schema") {
        None | Some(Value::Null) => Ok(0),
        Some(v) => v
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| format!("invalid schema version {v}")),
    }
}

/// Bring `value` from `from` up to [`SCHEMA_VERSION`].
pub(super) fn upgrade(mut value: Value, from: u32) -> Result<Value, String> {
    if !value.is_object() {
        return Err("invalid state file: expected a JSON object".into());
    }
    for version in from..SCHEMA_VERSION {
        value = match version {
            0 => from_0(value),
            1 => set_version(value, 2),
            2 => to_workspace(value),
            other => return Err(format!("no migration from schema {other}")),
        };
    }
    Ok(value)
}

fn from_0(value: Value) -> Value {
    set_version(value, 1)
}

/// Schema 2 → 3: the one plan, with its snapshots and archive, becomes a workspace's first.
fn to_workspace(mut value: Value) -> Value {
    // A workspace whose version was lost (a hand edit) is one already.
    if let Some(map) = value.as_object_mut().filter(|m| !m.contains_key("plans")) {
        let mut entry = serde_json::Map::new();
        // The same rule as `default_name`, read from the JSON (the year is required there).
        let year = map.get("plan").and_then(|p| p.get("year")).cloned();
        let name = year.map_or_else(|| "默认".to_string(), |y| y.to_string());
        entry.insert("name".into(), Value::from(name));
        for key in ["plan", "snapshots", "archived"] {
            if let Some(v) = map.remove(key) {
                entry.insert(key.into(), v);
            }
        }
        map.insert("plans".into(), Value::Array(vec![Value::Object(entry)]));
    }
    set_version(value, 3)
}

fn set_version(mut value: Value, version: u32) -> Value {
    if let Some(map) = value.as_object_mut() {
        map.insert("schema".into(), Value::from(version));
    }
    value
}
