//! Loading the workspace from its rows in one consistent snapshot, and the base a save
//! compares against: each row's content and version as loaded.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use postgres::{Client, GenericClient, IsolationLevel};
use serde_json::Value;

use super::rows::{self, PlanKey, PlanRow, ReqKey, ReqRow};
use super::{TeamError, schema, sql};
use crate::plan::{Category, Item, Plan, Requirement};
use crate::store::{PlanState, State};

/// A requirement as last loaded or saved.
#[derive(Debug, Clone)]
pub struct BaseReq {
    pub position: i32,
    pub req: Requirement,
    pub version: i64,
}

/// A plan row as last loaded or saved.
#[derive(Debug, Clone)]
pub struct BasePlan {
    pub position: i32,
    pub header: Value,
    pub version: i64,
}

/// The rows as last loaded or saved.
#[derive(Debug, Clone, Default)]
pub struct Base {
    pub workspace: Option<(Value, i64)>,
    pub plans: HashMap<PlanKey, BasePlan>,
    pub reqs: HashMap<ReqKey, BaseReq>,
}

/// The versions of the rows, by key.
#[derive(Debug, Default)]
pub struct Versions {
    pub workspace: Option<i64>,
    pub plans: HashMap<PlanKey, i64>,
    pub reqs: HashMap<ReqKey, i64>,
}

/// Each plan row of `state` with its key, position and header, in order.
pub fn plan_rows(state: &State) -> Result<Vec<(PlanKey, i32, Value)>, serde_json::Error> {
    let active = state.plans().iter().map(|p| (p, false));
    let removed = state.removed_plans().iter().map(|p| (p, true));
    let mut out = Vec::new();
    for (i, (p, gone)) in active.chain(removed).enumerate() {
        let position = i32::try_from(i).unwrap_or(i32::MAX);
        let header = if gone {
            rows::plan_header(p, gone)?
        } else {
            rows::plan_header(&shell(p), gone)?
        };
        out.push(((p.name.clone(), gone), position, header));
    }
    Ok(out)
}

/// The plan without its requirements, as its header holds it: built without serialising
/// the requirements only to drop them, so that comparing headers costs the tree, not the
/// plan (every save does it).
fn shell(p: &PlanState) -> PlanState {
    let plan = &p.plan;
    let categories = plan.categories.iter().map(|c| Category {
        number: c.number,
        name: c.name.clone(),
        items: (c.items.iter())
            .map(|i| Item {
                name: i.name.clone(),
                requirements: Vec::new(),
            })
            .collect(),
    });
    PlanState {
        name: p.name.clone(),
        plan: Plan {
            title: plan.title.clone(),
            year: plan.year,
            source: plan.source.clone(),
            period: plan.period,
            levels: plan.levels,
            year_guessed: plan.year_guessed,
            categories: categories.collect(),
        },
        snapshots: p.snapshots.clone(),
        archived: p.archived.clone(),
        removed_at: p.removed_at,
    }
}

/// Each requirement of the workspace's plans with its key and position in its plan.
pub fn requirement_rows(state: &State) -> impl Iterator<Item = (ReqKey, i32, &Requirement)> {
    state.plans().iter().flat_map(|p| {
        p.plan.requirements().enumerate().map(|(i, r)| {
            let position = i32::try_from(i).unwrap_or(i32::MAX);
            ((p.name.clone(), r.id.canonical().to_string()), position, r)
        })
    })
}

impl Base {
    /// `state` as the rows hold it, at `versions`.
    pub fn of(state: &State, versions: &Versions) -> Result<Base, TeamError> {
        let damaged = |e: serde_json::Error| TeamError::Damaged(e.to_string());
        let workspace = match versions.workspace {
            Some(v) => Some((rows::workspace_data(state).map_err(damaged)?, v)),
            None => None,
        };
        let mut plans = HashMap::new();
        for (key, position, header) in plan_rows(state).map_err(damaged)? {
            if let Some(&version) = versions.plans.get(&key) {
                plans.insert(
                    key,
                    BasePlan {
                        position,
                        header,
                        version,
                    },
                );
            }
        }
        let mut reqs = HashMap::new();
        for (key, position, r) in requirement_rows(state) {
            if let Some(&version) = versions.reqs.get(&key) {
                reqs.insert(
                    key,
                    BaseReq {
                        position,
                        req: r.clone(),
                        version,
                    },
                );
            }
        }
        Ok(Base {
            workspace,
            plans,
            reqs,
        })
    }
}

/// Every row, read in one repeatable-read snapshot.
pub fn load(client: &mut Client) -> Result<(Option<State>, Base), TeamError> {
    schema::check(client)?;
    let role: Option<String> = client
        .query_one("SELECT duban.my_role()", &[])
        .map_err(|e| sql(&e))?
        .get(0);
    if role.as_deref() == Some("liaison") {
        // Only their units' requirements, under the office's ids (see `liaison`).
        return super::liaison::load(client);
    }
    let mut tx = client
        .build_transaction()
        .isolation_level(IsolationLevel::RepeatableRead)
        .read_only(true)
        .start()
        .map_err(|e| sql(&e))?;
    let mut versions = Versions::default();
    let workspace = match tx
        .query_opt("SELECT data, version FROM duban.workspace", &[])
        .map_err(|e| sql(&e))?
    {
        Some(row) => {
            versions.workspace = Some(row.get(1));
            Some(row.get::<_, Value>(0))
        }
        None => None,
    };
    let mut plans = Vec::new();
    for row in tx
        .query(
            "SELECT name, removed, header, version FROM duban.plans ORDER BY removed, position",
            &[],
        )
        .map_err(|e| sql(&e))?
    {
        let (name, removed): (String, bool) = (row.get(0), row.get(1));
        versions.plans.insert((name.clone(), removed), row.get(3));
        plans.push(PlanRow {
            name,
            removed,
            header: row.get(2),
        });
    }
    let requirements = read_requirements(&mut tx, &mut versions)?;
    let history = read_history(&mut tx)?;
    tx.commit().map_err(|e| sql(&e))?;
    if plans.iter().all(|p| p.removed) {
        let base = Base {
            workspace: workspace.map(|w| (w, versions.workspace.unwrap_or(0))),
            ..Base::default()
        };
        return Ok((None, base));
    }
    let state =
        rows::assemble(workspace, plans, requirements, history).map_err(TeamError::Damaged)?;
    let base = Base::of(&state, &versions)?;
    Ok((Some(state), base))
}

/// The requirement rows this login may read, in plan order, their versions noted.
pub(super) fn read_requirements(
    tx: &mut impl GenericClient,
    versions: &mut Versions,
) -> Result<Vec<ReqRow>, TeamError> {
    let mut requirements = Vec::new();
    for row in tx
        .query(
            "SELECT plan, id, data, version FROM duban.requirements ORDER BY plan, position",
            &[],
        )
        .map_err(|e| sql(&e))?
    {
        let (plan, id): (String, String) = (row.get(0), row.get(1));
        versions.reqs.insert((plan.clone(), id.clone()), row.get(3));
        requirements.push(ReqRow {
            plan,
            id,
            data: row.get(2),
        });
    }
    Ok(requirements)
}

/// The history entries by requirement, oldest first, each with the login and server time
/// its row records.
pub(super) fn read_history(
    tx: &mut impl GenericClient,
) -> Result<HashMap<ReqKey, Vec<Value>>, TeamError> {
    let mut history: HashMap<ReqKey, Vec<Value>> = HashMap::new();
    for row in tx
        .query(
            "SELECT plan, req, entry, login, at FROM duban.history ORDER BY seq",
            &[],
        )
        .map_err(|e| sql(&e))?
    {
        let mut entry: Value = row.get(2);
        if let Some(map) = entry.as_object_mut() {
            map.insert("login".into(), Value::String(row.get(3)));
            let at: DateTime<Utc> = row.get(4);
            map.insert("recorded".into(), Value::String(at.to_rfc3339()));
        }
        history
            .entry((row.get(0), row.get(1)))
            .or_default()
            .push(entry);
    }
    Ok(history)
}

/// What `duban store status` shows.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Status {
    pub schema: i32,
    pub plans: i64,
    pub removed_plans: i64,
    pub requirements: i64,
    pub history: i64,
    /// The latest change to a requirement: `plan:id`, the acting user, login, time.
    pub last_change: Option<LastChange>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct LastChange {
    pub what: String,
    pub by: Option<String>,
    pub login: String,
    pub at: DateTime<Utc>,
}

pub fn status(client: &mut Client) -> Result<Status, TeamError> {
    schema::check(client)?;
    let q = |client: &mut Client, sql_text: &str| -> Result<i64, TeamError> {
        Ok(client.query_one(sql_text, &[]).map_err(|e| sql(&e))?.get(0))
    };
    let plans = q(client, "SELECT count(*) FROM duban.plans WHERE NOT removed")?;
    let removed_plans = q(client, "SELECT count(*) FROM duban.plans WHERE removed")?;
    let requirements = q(client, "SELECT count(*) FROM duban.requirements")?;
    let history = q(client, "SELECT count(*) FROM duban.history")?;
    let last_change = client
        .query_opt(
            "SELECT plan || ':' || id, updated_by, login, updated_at FROM duban.requirements
             ORDER BY updated_at DESC, version DESC LIMIT 1",
            &[],
        )
        .map_err(|e| sql(&e))?
        .map(|row| LastChange {
            what: row.get(0),
            by: row.get(1),
            login: row.get(2),
            at: row.get(3),
        });
    Ok(Status {
        schema: schema::SCHEMA_VERSION,
        plans,
        removed_plans,
        requirements,
        history,
        last_change,
    })
}
