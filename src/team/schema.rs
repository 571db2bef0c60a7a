//! The schema in schema `duban`: versioned migrations kept beside this file, applied in one
//! transaction by `duban store init`; a database from a newer duban is refused unchanged.

use postgres::{Client, GenericClient};

use super::TeamError;
use super::conninfo::describe;

/// The migrations, in order: number `i + 1` is `MIGRATIONS[i]`.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_init.sql"),
    include_str!("migrations/0002_roles.sql"),
    include_str!("migrations/0003_liaison.sql"),
    include_str!("migrations/0004_text.sql"),
];

/// The schema version this duban writes.
pub const SCHEMA_VERSION: i32 = 4;

/// What `init` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Init {
    Created,
    Upgraded { from: i32 },
    UpToDate,
}

/// The version the database holds; `None` when duban's schema is not there.
pub fn version(client: &mut impl GenericClient) -> Result<Option<i32>, postgres::Error> {
    let row = client.query_one("SELECT to_regclass('duban.meta') IS NOT NULL", &[])?;
    if !row.get::<_, bool>(0) {
        return Ok(None);
    }
    let row = client.query_opt("SELECT schema_version FROM duban.meta", &[])?;
    Ok(row.map(|r| r.get(0)))
}

/// Create the schema or bring it up to [`SCHEMA_VERSION`], all in one transaction (two
/// `init`s at once wait for each other on an advisory lock).
pub fn init(client: &mut Client) -> Result<Init, TeamError> {
    let sql = |e: postgres::Error| TeamError::Sql(describe(&e));
    let mut tx = client.transaction().map_err(sql)?;
    tx.execute(
        "SELECT pg_advisory_xact_lock(hashtext('duban.schema'))",
        &[],
    )
    .map_err(sql)?;
    let from = version(&mut tx).map_err(sql)?.unwrap_or(0);
    refuse_newer(from)?;
    let current = usize::try_from(from).unwrap_or(0);
    for migration in &MIGRATIONS[current..] {
        tx.batch_execute(migration).map_err(sql)?;
    }
    if from == SCHEMA_VERSION {
        return Ok(Init::UpToDate);
    }
    tx.execute(
        "INSERT INTO duban.meta (schema_version) VALUES ($1)
         ON CONFLICT (one) DO UPDATE SET schema_version = EXCLUDED.schema_version",
        &[&SCHEMA_VERSION],
    )
    .map_err(sql)?;
    tx.commit().map_err(sql)?;
    Ok(if from == 0 {
        Init::Created
    } else {
        Init::Upgraded { from }
    })
}

/// The schema must be there and not newer than this duban reads.
pub fn check(client: &mut Client) -> Result<(), TeamError> {
    match version(client).map_err(|e| TeamError::Sql(describe(&e)))? {
        None => Err(TeamError::NotInitialised),
        Some(v) if v < SCHEMA_VERSION => Err(TeamError::Outdated(v)),
        Some(v) => refuse_newer(v),
    }
}

fn refuse_newer(found: i32) -> Result<(), TeamError> {
    if found > SCHEMA_VERSION {
        return Err(TeamError::Newer(found));
    }
    Ok(())
}
