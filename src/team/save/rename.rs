//! A renamed plan (`plans rename`): its rows renamed in place, every requirement keeping
//! its version, instead of deleted and inserted again. Checked like any other write: the
//! plan row at its base version, each requirement row at its own.

use std::collections::HashSet;

use postgres::Transaction;
use serde_json::Value;

use super::{plan_clash, requirement_clash};
use crate::store::State;
use crate::team::load::{Base, BasePlan, plan_rows};
use crate::team::rows::PlanKey;
use crate::team::{TeamError, sql};

/// A plan of the base that the state holds under another name.
pub struct Rename {
    pub old: String,
    pub new: String,
    header: Value,
    position: i32,
}

/// The plans `state` renamed since `base`: a plan whose name the base lacks, with the
/// header of a plan the state no longer has but for the name. Anything else that changed
/// (two renames swapping names, a header edited as well) is saved as a removal and an
/// addition, as before.
pub fn renames(base: &Base, state: &State) -> Result<Vec<Rename>, serde_json::Error> {
    let rows = plan_rows(state)?;
    let names: HashSet<&str> = (rows.iter())
        .filter(|((_, removed), _, _)| !removed)
        .map(|((name, _), _, _)| name.as_str())
        .collect();
    let mut vanished: Vec<(&String, &BasePlan)> = (base.plans.iter())
        .filter(|((name, removed), _)| !removed && !names.contains(name.as_str()))
        .map(|((name, _), b)| (name, b))
        .collect();
    let mut out = Vec::new();
    for ((name, removed), position, header) in rows {
        if vanished.is_empty() {
            break;
        }
        if removed || base.plans.contains_key(&(name.clone(), false)) {
            continue;
        }
        let same = |b: &BasePlan| {
            let mut old = b.header.clone();
            old["name"] = Value::String(name.clone());
            old == header
        };
        if let Some(i) = vanished.iter().position(|(_, b)| same(b)) {
            let (old, _) = vanished.remove(i);
            out.push(Rename {
                old: old.clone(),
                new: name,
                header,
                position,
            });
        }
    }
    Ok(out)
}

/// Rename the plans' rows; the plan rows written go to `written`.
pub fn rename_plans(
    tx: &mut Transaction<'_>,
    base: &Base,
    renamed: &[Rename],
    user: Option<&str>,
    written: &mut Vec<(PlanKey, BasePlan)>,
) -> Result<(), TeamError> {
    for r in renamed {
        let Some(b) = base.plans.get(&(r.old.clone(), false)) else {
            continue;
        };
        let row = tx.query_opt(
            "UPDATE duban.plans SET name = $2, position = $3, header = $4, updated_by = $5,
             version = version + 1
             WHERE name = $1 AND NOT removed AND version = $6 RETURNING version",
            &[&r.old, &r.new, &r.position, &r.header, &user, &b.version],
        );
        let row = match row {
            Ok(Some(row)) => row,
            // Someone made a plan of that name meanwhile.
            Err(e) if e.code() == Some(&postgres::error::SqlState::UNIQUE_VIOLATION) => {
                return Err(plan_clash(tx, &r.new, false));
            }
            Ok(None) => return Err(plan_clash(tx, &r.old, false)),
            Err(e) => return Err(sql(&e)),
        };
        written.push((
            (r.new.clone(), false),
            BasePlan {
                position: r.position,
                header: r.header.clone(),
                version: row.get(0),
            },
        ));
        let moved = tx
            .query(
                "UPDATE duban.requirements SET plan = $2 WHERE plan = $1 RETURNING id, version",
                &[&r.old, &r.new],
            )
            .map_err(|e| sql(&e))?;
        let expected = base.reqs.keys().filter(|k| k.0 == r.old).count();
        if moved.len() != expected {
            return Err(plan_clash(tx, &r.new, false));
        }
        for row in &moved {
            let key = (r.old.clone(), row.get::<_, String>(0));
            if base.reqs.get(&key).map(|b| b.version) != Some(row.get(1)) {
                return Err(requirement_clash(tx, &(r.new.clone(), key.1)));
            }
        }
        // History is append-only for members: its owner's function moves the trails.
        tx.execute("SELECT duban.rename_history($1, $2)", &[&r.old, &r.new])
            .map_err(|e| sql(&e))?;
    }
    Ok(())
}
