//! Who may do what (issue #22): the logins of a team store and their roles. The rules
//! themselves live in the database (migration 0002: group roles, grants, row-level
//! security, the liaison trigger); this module grants and revokes, and tells a login what
//! it is.

use postgres::GenericClient;

use super::{TeamError, TeamStore, sql};
use crate::plan::units::Units;

/// A role in the team store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// 督查室: everything, including review, extensions, reminders, notices.
    Staff,
    /// 联络员: their units' requirements — progress notes, doing/blocked, completion claims,
    /// evidence.
    Liaison,
    /// 领导: reads everything, writes nothing.
    Leader,
}

impl Role {
    pub fn key(self) -> &'static str {
        match self {
            Role::Staff => "staff",
            Role::Liaison => "liaison",
            Role::Leader => "leader",
        }
    }

    pub fn parse(key: &str) -> Option<Role> {
        [Role::Staff, Role::Liaison, Role::Leader]
            .into_iter()
            .find(|r| r.key() == key)
    }

    pub fn zh(self) -> &'static str {
        match self {
            Role::Staff => "督查室",
            Role::Liaison => "联络员",
            Role::Leader => "领导",
        }
    }
}

/// A login of the store, as `store users` and `whoami` show it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Member {
    pub login: String,
    /// `None`: the store's owner or a superuser (no role: everything).
    pub role: Option<Role>,
    pub units: Vec<String>,
    /// Whether the login may connect (a revoked one may not).
    pub can_login: bool,
}

/// Unit names as duban matches them: each given name parsed the way a 责任部门 cell is
/// (role words such as 牵头 dropped), sorted, without repeats.
pub fn normalise_units(given: &[String]) -> Vec<String> {
    let mut names: Vec<String> = given
        .iter()
        .flat_map(|g| {
            Units::parse(g)
                .all()
                .map(|u| u.name.clone())
                .collect::<Vec<_>>()
        })
        .collect();
    names.sort();
    names.dedup();
    names
}

impl TeamStore {
    /// `duban store grant`: make `login` (created with `password_hash`, a SCRAM verifier,
    /// when it does not exist) a member of `role`, for `units` when a liaison. A login
    /// granted again changes role; one revoked before may connect again.
    pub fn grant(
        &self,
        login: &str,
        role: Role,
        units: &[String],
        password_hash: Option<&str>,
    ) -> Result<Member, TeamError> {
        let units = normalise_units(units);
        if role == Role::Liaison && units.is_empty() {
            return Err(TeamError::Refused(
                "a unit liaison needs at least one --unit".into(),
            ));
        }
        if role != Role::Liaison && !units.is_empty() {
            return Err(TeamError::Refused(format!(
                "--unit is for unit liaisons only; a {} sees every unit",
                role.key()
            )));
        }
        let mut client = self.client();
        super::schema::check(&mut client)?;
        let mut tx = client.transaction().map_err(|e| sql(&e))?;
        let exists = tx
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)",
                &[&login],
            )
            .map_err(|e| sql(&e))?
            .get::<_, bool>(0);
        let q = quote(&mut tx, login)?;
        match (exists, password_hash) {
            (false, None) => {
                return Err(TeamError::Refused(format!(
                    "login {login} does not exist yet: give it a password (prompt or --password-file)"
                )));
            }
            (false, Some(hash)) => {
                let lit = literal(&mut tx, hash)?;
                exec(&mut tx, &format!("CREATE ROLE {q} LOGIN PASSWORD {lit}"))?;
            }
            (true, Some(hash)) => {
                let lit = literal(&mut tx, hash)?;
                exec(&mut tx, &format!("ALTER ROLE {q} LOGIN PASSWORD {lit}"))?;
            }
            (true, None) => exec(&mut tx, &format!("ALTER ROLE {q} LOGIN"))?,
        }
        for other in [Role::Staff, Role::Liaison, Role::Leader] {
            let group = group(&mut tx, other)?;
            let verb = if other == role {
                format!("GRANT {group} TO {q}")
            } else {
                format!("REVOKE {group} FROM {q}")
            };
            exec(&mut tx, &verb)?;
        }
        tx.execute(
            "INSERT INTO duban.members (login, role, units) VALUES ($1, $2, $3)
             ON CONFLICT (login) DO UPDATE SET role = EXCLUDED.role, units = EXCLUDED.units,
             granted_by = session_user, granted_at = now()",
            &[&login, &role.key(), &units],
        )
        .map_err(|e| sql(&e))?;
        tx.commit().map_err(|e| sql(&e))?;
        Ok(Member {
            login: login.into(),
            role: Some(role),
            units,
            can_login: true,
        })
    }

    /// The connected login's role, asked of the server once; `None` for the owner, a
    /// superuser, or when it cannot be asked.
    pub fn role(&self) -> Option<Role> {
        *self.inner.role.get_or_init(|| {
            let row = self
                .client()
                .query_one("SELECT duban.my_role()", &[])
                .ok()?;
            row.get::<_, Option<String>>(0)
                .as_deref()
                .and_then(Role::parse)
        })
    }

    /// A liaison's units (asked of the server once); `None` for any other login.
    pub fn liaison_units(&self) -> Option<Vec<String>> {
        if self.role() != Some(Role::Liaison) {
            return None;
        }
        let units = self.inner.units.get_or_init(|| {
            self.client()
                .query_one("SELECT duban.my_units()", &[])
                .map(|row| row.get(0))
                .unwrap_or_default()
        });
        Some(units.clone())
    }

    /// Whether a database role named `login` exists on the server.
    pub fn login_exists(&self, login: &str) -> Result<bool, TeamError> {
        let row = self
            .client()
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)",
                &[&login],
            )
            .map_err(|e| sql(&e))?;
        Ok(row.get(0))
    }

    /// `duban store revoke`: the login leaves its role, may no longer connect, and its open
    /// sessions on this database are ended. `false` when it was no member.
    pub fn revoke(&self, login: &str) -> Result<bool, TeamError> {
        let mut client = self.client();
        super::schema::check(&mut client)?;
        let mut tx = client.transaction().map_err(|e| sql(&e))?;
        let was = tx
            .execute("DELETE FROM duban.members WHERE login = $1", &[&login])
            .map_err(|e| sql(&e))?
            > 0;
        let exists = tx
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)",
                &[&login],
            )
            .map_err(|e| sql(&e))?
            .get::<_, bool>(0);
        if exists {
            let q = quote(&mut tx, login)?;
            for role in [Role::Staff, Role::Liaison, Role::Leader] {
                let group = group(&mut tx, role)?;
                exec(&mut tx, &format!("REVOKE {group} FROM {q}"))?;
            }
            exec(&mut tx, &format!("ALTER ROLE {q} NOLOGIN"))?;
        }
        tx.commit().map_err(|e| sql(&e))?;
        if exists {
            client
                .execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                     WHERE usename = $1 AND datname = current_database()",
                    &[&login],
                )
                .map_err(|e| sql(&e))?;
        }
        Ok(was)
    }

    /// `duban store users`: every member, by login.
    pub fn users(&self) -> Result<Vec<Member>, TeamError> {
        let mut client = self.client();
        super::schema::check(&mut client)?;
        let rows = client
            .query(
                "SELECT m.login, m.role, m.units, coalesce(r.rolcanlogin, false)
                 FROM duban.members m LEFT JOIN pg_roles r ON r.rolname = m.login
                 ORDER BY m.login",
                &[],
            )
            .map_err(|e| sql(&e))?;
        Ok(rows
            .iter()
            .map(|r| Member {
                login: r.get(0),
                role: Role::parse(r.get(1)),
                units: r.get(2),
                can_login: r.get(3),
            })
            .collect())
    }

    /// `duban whoami`: the connected login, its role and units.
    pub fn whoami(&self) -> Result<Member, TeamError> {
        let mut client = self.client();
        super::schema::check(&mut client)?;
        let row = client
            .query_one(
                "SELECT session_user::text, duban.my_role(),
                 coalesce((SELECT units FROM duban.members WHERE login = session_user), '{}')",
                &[],
            )
            .map_err(|e| sql(&e))?;
        Ok(Member {
            login: row.get(0),
            role: row
                .get::<_, Option<String>>(1)
                .as_deref()
                .and_then(Role::parse),
            units: row.get(2),
            can_login: true,
        })
    }
}

/// The group role of `role` in this database, quoted.
fn group(tx: &mut impl GenericClient, role: Role) -> Result<String, TeamError> {
    let row = tx
        .query_one("SELECT quote_ident(duban.role_name($1))", &[&role.key()])
        .map_err(|e| sql(&e))?;
    Ok(row.get(0))
}

/// Role names and passwords cannot be bound parameters of CREATE/ALTER ROLE: the server
/// quotes them.
fn quote(tx: &mut impl GenericClient, ident: &str) -> Result<String, TeamError> {
    let row = tx
        .query_one("SELECT quote_ident($1)", &[&ident])
        .map_err(|e| sql(&e))?;
    Ok(row.get(0))
}

fn literal(tx: &mut impl GenericClient, text: &str) -> Result<String, TeamError> {
    let row = tx
        .query_one("SELECT quote_literal($1)", &[&text])
        .map_err(|e| sql(&e))?;
    Ok(row.get(0))
}

fn exec(tx: &mut impl GenericClient, statement: &str) -> Result<(), TeamError> {
    tx.batch_execute(statement).map_err(|e| sql(&e))
}

/// A SCRAM-SHA-256 verifier of `password`: what the server stores, so that the password
/// itself never travels in a statement (nor lands in the server's log).
pub fn password_hash(password: &str) -> String {
    postgres_protocol::password::scram_sha_256(password.as_bytes())
}
