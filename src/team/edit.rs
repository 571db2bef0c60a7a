//! One dashboard edit, one transaction: only the requirement rows the edit changed are
//! written, each checked against the version it was loaded at. A clash leaves the database
//! as it was; the dashboard reloads and keeps the edit (see [`super::persist`]).

use postgres::Client;
use serde_json::Value;

use super::load::{Base, BaseReq};
use super::rows::{self, ReqKey};
use super::save::{requirement_clash, write_history};
use super::{TeamError, sql};
use crate::plan::{ReqId, Requirement};
use crate::store::State;

/// Write the requirements `ids` of the focused plan of `state`, each `WHERE version =` its
/// base, in one transaction; the base is updated only once it has committed. `None` when a
/// row is not in the base (a new requirement: the caller saves the whole workspace).
pub fn save_requirements(
    client: &mut Client,
    base: &mut Base,
    state: &State,
    ids: &[ReqId],
    user: Option<&str>,
) -> Option<Result<(), TeamError>> {
    let plan = state.name.clone();
    let mut rows: Vec<(ReqKey, &BaseReq, &Requirement)> = Vec::new();
    for &id in ids {
        let key = (plan.clone(), id.canonical().to_string());
        let b = base.reqs.get(&key)?;
        let r = state.plan.get(id)?;
        if !b.req.same_stored(r) {
            rows.push((key, b, r));
        }
    }
    Some(write(client, &rows, user).map(|versions| {
        for (key, version) in versions {
            let id: Option<ReqId> = key.1.parse().ok();
            if let (Some(b), Some(r)) =
                (base.reqs.get_mut(&key), id.and_then(|i| state.plan.get(i)))
            {
                b.req = r.clone();
                b.version = version;
            }
        }
    }))
}

fn write(
    client: &mut Client,
    rows: &[(ReqKey, &BaseReq, &Requirement)],
    user: Option<&str>,
) -> Result<Vec<(ReqKey, i64)>, TeamError> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let damaged = |e: serde_json::Error| TeamError::Damaged(e.to_string());
    let mut tx = client.transaction().map_err(|e| sql(&e))?;
    let mut versions = Vec::new();
    for (key, b, r) in rows {
        let data = rows::requirement_data(r).map_err(damaged)?;
        let units = rows::unit_names(r);
        let row = tx
            .query_opt(
                "UPDATE duban.requirements SET data = $3, units = $4, updated_by = $5,
                 version = version + 1
                 WHERE plan = $1 AND id = $2 AND version = $6 RETURNING version",
                &[&key.0, &key.1, &data, &units, &user, &b.version],
            )
            .map_err(|e| sql(&e))?;
        let Some(row) = row else {
            return Err(requirement_clash(&mut tx, key));
        };
        write_history(&mut tx, key, &b.req.history, &r.history)?;
        versions.push((key.clone(), row.get(0)));
    }
    tx.commit().map_err(|e| sql(&e))?;
    Ok(versions)
}

/// The user's edit (`before` → `mine`) made again on `theirs`, the requirement as someone
/// else left it: each field the edit changed takes the edit's value (a list the edit only
/// appended to — notes, history, reminders — gets the appended entries after theirs); the
/// fields it left alone keep theirs.
pub fn reapply(before: &Requirement, mine: &Requirement, theirs: &Requirement) -> Requirement {
    let object = |r: &Requirement| match serde_json::to_value(r) {
        Ok(Value::Object(map)) => Some(map),
        _ => None,
    };
    let (Some(old), Some(new), Some(mut merged)) = (object(before), object(mine), object(theirs))
    else {
        return mine.clone();
    };
    // Each field once: a list field seen twice would get the appended entries twice.
    let mut keys: Vec<String> = old.keys().chain(new.keys()).cloned().collect();
    keys.sort();
    keys.dedup();
    for key in keys {
        let (was, now) = (old.get(&key), new.get(&key));
        if was == now {
            continue;
        }
        let value = match (was, now, merged.get(&key)) {
            (was, Some(Value::Array(now)), Some(Value::Array(theirs))) => {
                let start: &[Value] = match was {
                    Some(Value::Array(was)) => was,
                    _ => &[],
                };
                if now.starts_with(start) {
                    let mut all = theirs.clone();
                    all.extend(now[start.len()..].iter().cloned());
                    Some(Value::Array(all))
                } else {
                    Some(Value::Array(now.clone()))
                }
            }
            (_, now, _) => now.cloned(),
        };
        match value {
            Some(v) => merged.insert(key, v),
            None => merged.remove(&key),
        };
    }
    let Ok(mut merged) = serde_json::from_value::<Requirement>(Value::Object(merged)) else {
        return mine.clone();
    };
    // The derived fields: from whichever side holds the texts they are derived from.
    let raw = |r: &Requirement| {
        (
            r.units_raw.clone(),
            r.cooperating_raw.clone(),
            r.deadline_raw.clone(),
            r.start,
            r.due_set,
        )
    };
    let from = if raw(&merged) == raw(mine) {
        mine
    } else {
        theirs
    };
    merged.units = from.units.clone();
    merged.deadline = from.deadline.clone();
    merged.period_end = from.period_end;
    merged.start_due = from.start_due;
    merged
}
