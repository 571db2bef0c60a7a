//! Loading the workspace from its rows in one consistent snapshot, and the base a save
//! compares against: each row's content and version as loaded.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use postgres::fallible_iterator::FallibleIterator;
use postgres::types::Json;
use postgres::{Client, GenericClient, IsolationLevel, Row};
use serde_json::Value;

use super::rows::{self, PlanKey, PlanRow, ReqKey, WorkspaceRow};
use super::{TeamError, schema, sql};
use crate::plan::{Category, Change, Item, Plan, Requirement};
use crate::store::{PlanState, State};

mod job;

/// A requirement as last loaded or saved.
#[derive(Debug, Clone)]
pub struct BaseReq {
    pub position: i32,
    /// Its stored fields; the derived ones may be left empty (a load's base is read from
    /// the rows, not copied from the workspace), so compare with
    /// [`Requirement::same_stored`].
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
        let mut base = Base::heads(state, versions)?;
        base.reqs.reserve(versions.reqs.len());
        for (key, position, r) in requirement_rows(state) {
            if let Some(&version) = versions.reqs.get(&key) {
                let req = r.clone();
                base.reqs.insert(
                    key,
                    BaseReq {
                        position,
                        req,
                        version,
                    },
                );
            }
        }
        Ok(base)
    }

    /// The workspace and plan rows of `state` at `versions`, no requirement.
    fn heads(state: &State, versions: &Versions) -> Result<Base, TeamError> {
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
        Ok(Base {
            workspace,
            plans,
            reqs: HashMap::new(),
        })
    }
}

/// The base of a load: at once, or still being built by [`job`].
pub enum Loaded {
    Ready(Base),
    Later(std::thread::JoinHandle<Base>),
}

/// Every row, read in one repeatable-read snapshot. The base is built from the same rows on
/// a thread of its own while the workspace goes on to the first frame (see [`job`]).
pub fn load(client: &mut Client) -> Result<(Option<State>, Loaded), TeamError> {
    schema::check(client)?;
    let role: Option<String> = client
        .query_one("SELECT duban.my_role()", &[])
        .map_err(|e| sql(&e))?
        .get(0);
    if role.as_deref() == Some("liaison") {
        // Only their units' requirements, under the office's ids (see `liaison`).
        let (state, base) = super::liaison::load(client)?;
        return Ok((state, Loaded::Ready(base)));
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
            Some(typed::<WorkspaceRow>(&row, 0, || {
                "the workspace row".into()
            })?)
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
        let header = typed(&row, 2, || format!("plan `{name}`"))?;
        plans.push(PlanRow {
            name,
            removed,
            header,
        });
    }
    let mut placer = rows::Placer::new(plans);
    let any = placer.any_active();
    let req_rows = read_requirements(&mut tx, |plan, id, r| {
        if !any {
            return Ok(()); // An empty workspace: rows of no plan are not read into one.
        }
        placer.place(plan, id, r).map_err(TeamError::Damaged)
    })?;
    let (history, history_rows) = read_history(&mut tx)?;
    tx.commit().map_err(|e| sql(&e))?;
    let damaged = |e: serde_json::Error| TeamError::Damaged(e.to_string());
    if !any {
        let base = Base {
            workspace: match workspace {
                Some(w) => Some((w.value().map_err(damaged)?, versions.workspace.unwrap_or(0))),
                None => None,
            },
            ..Base::default()
        };
        return Ok((None, Loaded::Ready(base)));
    }
    let state = placer
        .finish(workspace, history)
        .map_err(TeamError::Damaged)?;
    // What the base holds beside the requirements is small: taken from the state here.
    let job = job::Job {
        heads: Base::heads(&state, &versions)?,
        order: job::tree_order(&state),
        requirements: req_rows,
        history: history_rows,
    };
    Ok((Some(state), job.start()))
}

/// The requirement rows this login may read, each made a requirement and handed to
/// `each` with its plan and id; the rows as read are returned (for the base, see [`job`]).
/// Streamed, so that turning each row into a requirement overlaps the server sending the
/// next, and in the server's order: each is put in its place by its id (sorting them on
/// the server cost more than the rest of the query).
pub(super) fn read_requirements(
    tx: &mut impl GenericClient,
    mut each: impl FnMut(&str, &str, Requirement) -> Result<(), TeamError>,
) -> Result<Vec<Row>, TeamError> {
    let mut kept = Vec::new();
    let mut rows = tx
        .query_raw(
            "SELECT plan, id, data_text, version FROM duban.requirements",
            std::iter::empty::<i32>(),
        )
        .map_err(|e| sql(&e))?;
    while let Some(row) = rows.next().map_err(|e| sql(&e))? {
        let (plan, id): (&str, &str) = (row.get(0), row.get(1));
        let data = from_text(&row, 2, || format!("plan `{plan}`: requirement {id}"))?;
        each(plan, id, data)?;
        kept.push(row);
    }
    Ok(kept)
}

/// The versions of requirement rows as [`read_requirements`] returned them.
pub(super) fn note_versions(rows: &[Row], versions: &mut Versions) {
    for row in rows {
        versions.reqs.insert((row.get(0), row.get(1)), row.get(3));
    }
}

/// The history entries by requirement, oldest first, each with the login and server time
/// its row records; and the rows as read (for the base, see [`job`]).
pub(super) fn read_history(tx: &mut impl GenericClient) -> Result<(Trails, Vec<Row>), TeamError> {
    let rows = tx
        .query(
            "SELECT plan, req, entry, login, at FROM duban.history ORDER BY seq",
            &[],
        )
        .map_err(|e| sql(&e))?;
    Ok((history_of(&rows)?, rows))
}

/// History entries by requirement.
pub(super) type Trails = HashMap<ReqKey, Vec<Change>>;

/// History rows as entries by requirement.
fn history_of(rows: &[Row]) -> Result<Trails, TeamError> {
    let mut history = Trails::new();
    for row in rows {
        let key: ReqKey = (row.get(0), row.get(1));
        let mut entry: Change =
            typed(row, 2, || format!("plan `{}`: history of {}", key.0, key.1))?;
        entry.login = Some(row.get(3));
        entry.recorded = Some(row.get::<_, DateTime<Utc>>(4));
        history.entry(key).or_default().push(entry);
    }
    Ok(history)
}

/// A column of JSON text (see migration 4) read straight into its type; a row that does
/// not fit is damage, named.
pub(super) fn from_text<T: serde::de::DeserializeOwned>(
    row: &Row,
    column: usize,
    what: impl FnOnce() -> String,
) -> Result<T, TeamError> {
    let read = row
        .try_get::<_, &str>(column)
        .map_err(|e| e.to_string())
        .and_then(|text| serde_json::from_str(text).map_err(|e| e.to_string()));
    read.map_err(|e| TeamError::Damaged(format!("{}: {e}", what())))
}

/// A jsonb column read straight into its type; a row that does not fit is damage, named.
pub(super) fn typed<T: serde::de::DeserializeOwned>(
    row: &Row,
    column: usize,
    what: impl FnOnce() -> String,
) -> Result<T, TeamError> {
    match row.try_get::<_, Json<T>>(column) {
        Ok(Json(value)) => Ok(value),
        Err(e) => Err(TeamError::Damaged(format!("{}: {e}", what()))),
    }
}
