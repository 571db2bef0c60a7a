//! `duban store status`: what the store holds, counted by the server, and the last change.

use chrono::{DateTime, Utc};
use postgres::Client;

use super::{TeamError, schema, sql};

/// What `duban store status` shows.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Status {
    pub schema: i32,
    /// The login is a unit liaison's: the counts are of what it may read.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub liaison: bool,
    pub plans: i64,
    /// Not for a liaison, who does not see removed plans.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub removed_plans: Option<i64>,
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
    let role: Option<String> = client
        .query_one("SELECT duban.my_role()", &[])
        .map_err(|e| sql(&e))?
        .get(0);
    let liaison = role.as_deref() == Some("liaison");
    // A liaison reads the plans' skeletons only, and its units' requirements (the counts
    // below are what row-level security lets it see).
    let (plans, removed_plans) = if liaison {
        (
            q(client, "SELECT count(*) FROM duban.plan_skeletons()")?,
            None,
        )
    } else {
        let plans = q(client, "SELECT count(*) FROM duban.plans WHERE NOT removed")?;
        let removed = q(client, "SELECT count(*) FROM duban.plans WHERE removed")?;
        (plans, Some(removed))
    };
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
        liaison,
        plans,
        removed_plans,
        requirements,
        history,
        last_change,
    })
}
