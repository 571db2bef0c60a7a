//! Saving: the state compared with the base, only the differences written in one
//! transaction, each update and delete checked against the version it was loaded at.
//!
//! The cost follows the change, not the workspace: an unchanged requirement is compared in
//! memory and never serialised, plan headers are built without their requirements, and the
//! base is updated in place, only where rows were written, once the transaction committed.
//! A renamed plan is an UPDATE of its rows, which keep their versions ([`rename`]).

mod rename;

use std::collections::{HashMap, HashSet};

use postgres::{Client, Transaction};
use serde_json::Value;

use super::load::{Base, BasePlan, BaseReq, plan_rows, requirement_rows};
use super::rows::{self, PlanKey, ReqKey};
use super::{Clash, TeamError, sql};
use crate::plan::Change;
use crate::store::State;
use rename::{Rename, rename_plans, renames};

/// The rows a save wrote, to update the base with once it has committed.
#[derive(Default)]
struct Delta {
    workspace: Option<(Value, i64)>,
    plans: Vec<(PlanKey, BasePlan)>,
    gone_plans: Vec<PlanKey>,
    reqs: Vec<(ReqKey, BaseReq)>,
    gone_reqs: Vec<ReqKey>,
}

/// Write what `state` changed since `base`, and bring `base` up to date once it has
/// committed. On any error the transaction is rolled back and `base` is left as it was.
pub fn save(
    client: &mut Client,
    base: &mut Base,
    state: &State,
    user: Option<&str>,
) -> Result<(), TeamError> {
    let mut tx = client.transaction().map_err(|e| sql(&e))?;
    let renamed = renames(base, state).map_err(damaged)?;
    let mut delta = Delta::default();
    rename_plans(&mut tx, base, &renamed, user, &mut delta.plans)?;
    save_workspace(&mut tx, base, state, user, &mut delta)?;
    save_plans(&mut tx, base, state, &renamed, user, &mut delta)?;
    save_requirements(&mut tx, base, state, &renamed, user, &mut delta)?;
    tx.commit().map_err(|e| sql(&e))?;
    apply(base, delta, &renamed);
    Ok(())
}

#[allow(clippy::needless_pass_by_value)] // as `map_err` hands it over
fn damaged(e: serde_json::Error) -> TeamError {
    TeamError::Damaged(e.to_string())
}

fn save_workspace(
    tx: &mut Transaction<'_>,
    base: &Base,
    state: &State,
    user: Option<&str>,
    delta: &mut Delta,
) -> Result<(), TeamError> {
    let data = rows::workspace_data(state).map_err(damaged)?;
    let row = match &base.workspace {
        Some((old, _)) if *old == data => return Ok(()),
        None => tx.query_opt(
            "INSERT INTO duban.workspace (data, updated_by) VALUES ($1, $2)
             ON CONFLICT (one) DO NOTHING RETURNING version",
            &[&data, &user],
        ),
        Some((_, v)) => tx.query_opt(
            "UPDATE duban.workspace SET data = $1, updated_by = $2, version = version + 1
             WHERE version = $3 RETURNING version",
            &[&data, &user, v],
        ),
    }
    .map_err(|e| sql(&e))?;
    let version = row.ok_or_else(|| workspace_clash(tx))?.get(0);
    delta.workspace = Some((data, version));
    Ok(())
}

fn save_plans(
    tx: &mut Transaction<'_>,
    base: &Base,
    state: &State,
    renamed: &[Rename],
    user: Option<&str>,
    delta: &mut Delta,
) -> Result<(), TeamError> {
    let mut seen: HashSet<&PlanKey> = HashSet::new();
    for ((name, removed), position, header) in plan_rows(state).map_err(damaged)? {
        if let Some(r) = renamed.iter().find(|r| r.new == name && !removed) {
            // Written by the rename, header and position included.
            seen.extend(
                base.plans
                    .get_key_value(&(r.old.clone(), false))
                    .map(|kv| kv.0),
            );
            continue;
        }
        let key = (name, removed);
        let old = base.plans.get_key_value(&key);
        if let Some((k, b)) = old {
            seen.insert(k);
            if b.position == position && b.header == header {
                continue;
            }
        }
        let (name, removed) = (&key.0, &key.1);
        let row = match old {
            None => tx.query_opt(
                "INSERT INTO duban.plans (name, removed, position, header, updated_by)
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING version",
                &[name, removed, &position, &header, &user],
            ),
            Some((_, b)) => tx.query_opt(
                "UPDATE duban.plans SET position = $3, header = $4, updated_by = $5,
                 version = version + 1
                 WHERE name = $1 AND removed = $2 AND version = $6 RETURNING version",
                &[name, removed, &position, &header, &user, &b.version],
            ),
        }
        .map_err(|e| sql(&e))?;
        let Some(row) = row else {
            return Err(plan_clash(tx, name, *removed));
        };
        let version = row.get(0);
        delta.plans.push((
            key,
            BasePlan {
                position,
                header,
                version,
            },
        ));
    }
    for (key, b) in &base.plans {
        if seen.contains(key) {
            continue;
        }
        let n = tx
            .execute(
                "DELETE FROM duban.plans WHERE name = $1 AND removed = $2 AND version = $3",
                &[&key.0, &key.1, &b.version],
            )
            .map_err(|e| sql(&e))?;
        if n == 0 {
            return Err(plan_clash(tx, &key.0, key.1));
        }
        delta.gone_plans.push(key.clone());
    }
    Ok(())
}

fn save_requirements(
    tx: &mut Transaction<'_>,
    base: &Base,
    state: &State,
    renamed: &[Rename],
    user: Option<&str>,
    delta: &mut Delta,
) -> Result<(), TeamError> {
    // A renamed plan's rows are in the base under its old name.
    let was: HashMap<&str, &str> = renamed
        .iter()
        .map(|r| (r.new.as_str(), r.old.as_str()))
        .collect();
    let mut seen: HashSet<&ReqKey> = HashSet::new();
    for (key, position, r) in requirement_rows(state) {
        let old = match was.get(key.0.as_str()) {
            Some(old) => base
                .reqs
                .get_key_value(&((*old).to_string(), key.1.clone())),
            None => base.reqs.get_key_value(&key),
        };
        if let Some((k, b)) = old {
            seen.insert(k);
            if b.position == position && b.req.same_stored(r) {
                continue;
            }
        }
        let old = old.map(|kv| kv.1);
        let data = rows::requirement_data(r).map_err(damaged)?;
        let units = rows::unit_names(r);
        let (plan, id) = (&key.0, &key.1);
        let row = match old {
            None => tx.query_opt(
                "INSERT INTO duban.requirements (plan, id, position, data, units, updated_by)
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING version",
                &[plan, id, &position, &data, &units, &user],
            ),
            Some(b) => tx.query_opt(
                "UPDATE duban.requirements SET position = $3, data = $4, units = $5,
                 updated_by = $6, version = version + 1
                 WHERE plan = $1 AND id = $2 AND version = $7 RETURNING version",
                &[plan, id, &position, &data, &units, &user, &b.version],
            ),
        }
        .map_err(|e| sql(&e))?;
        let Some(row) = row else {
            return Err(requirement_clash(tx, &key));
        };
        let before: &[Change] = old.map_or(&[], |b| &b.req.history);
        write_history(tx, &key, before, &r.history)?;
        let version = row.get(0);
        delta.reqs.push((
            key,
            BaseReq {
                position,
                req: r.clone(),
                version,
            },
        ));
    }
    for (key, b) in &base.reqs {
        if seen.contains(key) {
            continue;
        }
        let n = tx
            .execute(
                "DELETE FROM duban.requirements WHERE plan = $1 AND id = $2 AND version = $3",
                &[&key.0, &key.1, &b.version],
            )
            .map_err(|e| sql(&e))?;
        if n == 0 {
            return Err(requirement_clash(tx, key));
        }
        rows::drop_history(tx, key)?;
        delta.gone_reqs.push(key.clone());
    }
    Ok(())
}

/// The committed save in the base: the deleted rows out (under their old names), the
/// renamed plans' rows moved to their new names, then the written rows in.
fn apply(base: &mut Base, delta: Delta, renamed: &[Rename]) {
    for key in &delta.gone_plans {
        base.plans.remove(key);
    }
    for key in &delta.gone_reqs {
        base.reqs.remove(key);
    }
    for r in renamed {
        base.plans.remove(&(r.old.clone(), false));
        let moved: Vec<ReqKey> = (base.reqs.keys())
            .filter(|k| k.0 == r.old)
            .cloned()
            .collect();
        for key in moved {
            if let Some(b) = base.reqs.remove(&key) {
                base.reqs.insert((r.new.clone(), key.1), b);
            }
        }
    }
    if let Some(w) = delta.workspace {
        base.workspace = Some(w);
    }
    base.plans.extend(delta.plans);
    base.reqs.extend(delta.reqs);
}

/// Append the entries `after` adds to `before`; when it does not extend it (the id now
/// names another requirement, after a merge renumbered the plan) the trail is replaced,
/// each entry keeping its recorded login and time (see [`rows::append_history`]).
pub(super) fn write_history(
    tx: &mut Transaction<'_>,
    key: &ReqKey,
    before: &[Change],
    after: &[Change],
) -> Result<(), TeamError> {
    match after.strip_prefix(before) {
        Some(new) => rows::append_history(tx, key, new, false),
        None => rows::append_history(tx, key, after, true),
    }
}

/// Who holds the requirement now, for the clash message. The transaction is then dropped,
/// which rolls it back.
pub(super) fn requirement_clash(tx: &mut Transaction<'_>, key: &ReqKey) -> TeamError {
    let row = tx
        .query_opt(
            "SELECT updated_by, login, status, updated_at FROM duban.requirements
             WHERE plan = $1 AND id = $2",
            &[&key.0, &key.1],
        )
        .ok()
        .flatten();
    TeamError::Clash(Clash {
        what: format!("{}:{}", key.0, key.1),
        by: row.as_ref().and_then(|r| r.get(0)),
        login: row.as_ref().map(|r| r.get(1)),
        status: row.as_ref().and_then(|r| r.get(2)),
        at: row.as_ref().map(|r| r.get(3)),
    })
}

pub(super) fn plan_clash(tx: &mut Transaction<'_>, name: &str, removed: bool) -> TeamError {
    let row = tx
        .query_opt(
            "SELECT updated_by, login, updated_at FROM duban.plans WHERE name = $1 AND removed = $2",
            &[&name, &removed],
        )
        .ok()
        .flatten();
    let what = if removed {
        format!("removed plan `{name}`")
    } else {
        format!("plan `{name}`")
    };
    TeamError::Clash(Clash {
        what,
        by: row.as_ref().and_then(|r| r.get(0)),
        login: row.as_ref().map(|r| r.get(1)),
        status: None,
        at: row.as_ref().map(|r| r.get(2)),
    })
}

fn workspace_clash(tx: &mut Transaction<'_>) -> TeamError {
    let row = tx
        .query_opt(
            "SELECT updated_by, login, updated_at FROM duban.workspace",
            &[],
        )
        .ok()
        .flatten();
    TeamError::Clash(Clash {
        what: "the workspace (notices, merge notice)".into(),
        by: row.as_ref().and_then(|r| r.get(0)),
        login: row.as_ref().map(|r| r.get(1)),
        status: None,
        at: row.as_ref().map(|r| r.get(2)),
    })
}
