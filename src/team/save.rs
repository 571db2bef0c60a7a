//! Saving: the state compared with the base, the differences written in one transaction,
//! each update and delete checked against the version it was loaded at.

use std::collections::HashSet;

use postgres::{Client, Transaction};

use super::load::{Base, Versions, plan_rows, requirement_rows};
use super::rows::{self, ReqKey};
use super::{Clash, TeamError, sql};
use crate::plan::Change;
use crate::store::State;

/// Write what `state` changed since `base`; the base of the next save on success. On any
/// error the transaction is rolled back: nothing is written.
#[allow(clippy::too_many_lines)] // one pass per table, in the order they depend on
pub fn save(
    client: &mut Client,
    base: &Base,
    state: &State,
    user: Option<&str>,
) -> Result<Base, TeamError> {
    let damaged = |e: serde_json::Error| TeamError::Damaged(e.to_string());
    let mut tx = client.transaction().map_err(|e| sql(&e))?;
    let mut versions = Versions::default();

    // The workspace row.
    let data = rows::workspace_data(state).map_err(damaged)?;
    versions.workspace = Some(match &base.workspace {
        None => {
            let row = tx
                .query_opt(
                    "INSERT INTO duban.workspace (data, updated_by) VALUES ($1, $2)
                     ON CONFLICT (one) DO NOTHING RETURNING version",
                    &[&data, &user],
                )
                .map_err(|e| sql(&e))?;
            row.ok_or_else(|| workspace_clash(&mut tx))?.get(0)
        }
        Some((old, v)) if *old == data => *v,
        Some((_, v)) => {
            let row = tx
                .query_opt(
                    "UPDATE duban.workspace SET data = $1, updated_by = $2, version = version + 1
                     WHERE version = $3 RETURNING version",
                    &[&data, &user, v],
                )
                .map_err(|e| sql(&e))?;
            row.ok_or_else(|| workspace_clash(&mut tx))?.get(0)
        }
    });

    // The plans.
    let mut seen = HashSet::new();
    for ((name, removed), position, header) in plan_rows(state).map_err(damaged)? {
        let key = (name.clone(), removed);
        let version = match base.plans.get(&key) {
            None => tx
                .query_opt(
                    "INSERT INTO duban.plans (name, removed, position, header, updated_by)
                     VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING version",
                    &[&name, &removed, &position, &header, &user],
                )
                .map_err(|e| sql(&e))?
                .map(|r| r.get(0)),
            Some(b) if b.position == position && b.header == header => Some(b.version),
            Some(b) => tx
                .query_opt(
                    "UPDATE duban.plans SET position = $3, header = $4, updated_by = $5,
                     version = version + 1
                     WHERE name = $1 AND removed = $2 AND version = $6 RETURNING version",
                    &[&name, &removed, &position, &header, &user, &b.version],
                )
                .map_err(|e| sql(&e))?
                .map(|r| r.get(0)),
        };
        let Some(version) = version else {
            return Err(plan_clash(&mut tx, &name, removed));
        };
        versions.plans.insert(key.clone(), version);
        seen.insert(key);
    }
    for (key, b) in &base.plans {
        if !seen.contains(key) {
            let n = tx
                .execute(
                    "DELETE FROM duban.plans WHERE name = $1 AND removed = $2 AND version = $3",
                    &[&key.0, &key.1, &b.version],
                )
                .map_err(|e| sql(&e))?;
            if n == 0 {
                return Err(plan_clash(&mut tx, &key.0, key.1));
            }
        }
    }

    // The requirements and their history.
    let mut seen: HashSet<ReqKey> = HashSet::new();
    for (key, position, r) in requirement_rows(state) {
        let old = base.reqs.get(&key);
        if let Some(b) = old
            && b.position == position
            && b.req == *r
        {
            versions.reqs.insert(key.clone(), b.version);
            seen.insert(key);
            continue;
        }
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
            return Err(requirement_clash(&mut tx, &key));
        };
        let before: &[Change] = old.map_or(&[], |b| &b.req.history);
        write_history(&mut tx, &key, before, &r.history)?;
        versions.reqs.insert(key.clone(), row.get(0));
        seen.insert(key);
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
            return Err(requirement_clash(&mut tx, key));
        }
        rows::drop_history(&mut tx, key)?;
    }
    tx.commit().map_err(|e| sql(&e))?;
    Base::of(state, &versions)
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

fn plan_clash(tx: &mut Transaction<'_>, name: &str, removed: bool) -> TeamError {
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
