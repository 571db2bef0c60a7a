//! Reading the state file's JSON: the schema version first, older schemas migrated, ids
//! checked against the tree, errors with line and column.

use std::io;

use serde::Deserialize;

use super::{SCHEMA_VERSION, State, migrate};
use crate::plan::{Plan, ReqId};

/// Pretty JSON with a final newline. Serializing first means a failure here cannot touch
/// the file at all.
pub(super) fn serialize(state: &State) -> io::Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec_pretty(state).map_err(io::Error::other)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Just the version, read before the rest so a newer file is named as such instead of
/// failing on whatever field changed.
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    schema: Option<u32>,
}

pub(super) fn parse(bytes: &[u8]) -> Result<State, String> {
    // The common case in one pass over the bytes; anything else (older or newer schema, a
    // broken file) takes the careful path below, which names the problem.
    let state = match serde_json::from_slice::<State>(bytes) {
        Ok(state) if state.schema == SCHEMA_VERSION => state,
        _ => parse_versioned(bytes)?,
    };
    checked(state)
}

/// A state as read (from the file, or put together from the team store's rows): the plans
/// checked, every id against its tree, and what is derived recomputed.
pub(super) fn checked(mut state: State) -> Result<State, String> {
    super::state::check_plans(&state)?;
    // A one-plan file's errors read as they did before workspaces.
    let named = state.several();
    for p in state.removed_plans_mut() {
        derive(p, true)?;
    }
    for p in state.plans_mut() {
        derive(p, named)?;
    }
    Ok(state)
}

/// Check a plan's ids and recompute what is derived from the stored fields.
fn derive(p: &mut super::PlanState, named: bool) -> Result<(), String> {
    check_ids(&p.plan).map_err(|e| {
        if named {
            format!("plan `{}`: {e}", p.name)
        } else {
            e
        }
    })?;
    p.plan.derive();
    for a in &mut p.archived {
        a.requirement.derive(a.year);
    }
    Ok(())
}

/// Read the version first, so a newer file is named as such instead of failing on whatever
/// field changed, then parse (or migrate) accordingly.
fn parse_versioned(bytes: &[u8]) -> Result<State, String> {
    let header: Header = serde_json::from_slice(bytes).map_err(|e| json_problem(&e))?;
    let version = header.schema.unwrap_or(0);
    if version > SCHEMA_VERSION {
        return Err(format!(
            "written by a newer duban (schema {version}); this version reads schema \
             {SCHEMA_VERSION} and older. Upgrade duban to open it"
        ));
    }
    Ok(if version == SCHEMA_VERSION {
        // Straight from the bytes, so errors keep their line and column.
        serde_json::from_slice(bytes).map_err(|e| json_problem(&e))?
    } else {
        let value: serde_json::Value =
            serde_json::from_slice(bytes).map_err(|e| json_problem(&e))?;
        let from = migrate::version(&value)?;
        let value = migrate::upgrade(value, from)?;
        serde_json::from_value(value)
            .map_err(|e| format!("invalid schema {from} state file: {e}"))?
    })
}

/// `line L, column C: message`, without serde's own trailing position.
fn json_problem(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let message = full.strip_suffix(&suffix).unwrap_or(&full);
    format!(
        "invalid state file at line {}, column {}: {message}",
        e.line(),
        e.column()
    )
}

/// Ids are positional (lookups index by them), so a hand-edited file whose ids disagree
/// with the tree would silently address the wrong requirement.
fn check_ids(plan: &Plan) -> Result<(), String> {
    for (ci, cat) in plan.categories.iter().enumerate() {
        if plan.categories[..ci].iter().any(|c| c.number == cat.number) {
            return Err(format!("category number {} appears twice", cat.number));
        }
        for (ii, item) in cat.items.iter().enumerate() {
            for (ri, r) in item.requirements.iter().enumerate() {
                let expected = ReqId::new(cat.number, position(ii), position(ri));
                if r.id != expected {
                    return Err(format!(
                        "requirement {} is stored where {expected} belongs",
                        r.id
                    ));
                }
            }
        }
    }
    Ok(())
}

fn position(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}
