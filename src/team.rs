//! The team store (issue #21): one workspace in a PostgreSQL database, shared by several
//! coordinators. The JSON file ([`crate::store`]) stays the embedded default.
//!
//! What it promises (README "Working as a team"):
//! - Every object lives in schema `duban`, created and upgraded by versioned migrations
//!   ([`schema`]) in one transaction; a database from a newer duban is refused unchanged.
//! - Loading builds the same [`State`] the JSON file gives, remembering each row's version
//!   as the base ([`load`]). Saving compares the state with that base and, in one
//!   transaction, updates the rows that changed `WHERE version = base`, inserts the new,
//!   deletes the gone and appends new history entries ([`save`]). A row changed by someone
//!   else meanwhile is a [`Clash`]: nothing is written, and the error names who changed it,
//!   to what, and when. Different requirements never clash. No lock file.
//! - Statements take bound parameters only. A password never appears in output or errors:
//!   connection strings are shown redacted ([`Conninfo::redacted`]).
//! - Every change is announced with `pg_notify(channel, {table, op, plan, id, version, by,
//!   login})` at commit, for dashboards that LISTEN on the channels `duban.my_channels()`
//!   names (a liaison hears only their units' requirements: migration 0003).

pub mod conninfo;
mod edit;
mod liaison;
mod live;
mod load;
mod messages;
mod outbox;
mod persist;
pub mod roles;
mod rows;
mod save;
pub mod schema;
mod status;

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use chrono::{DateTime, Utc};
use postgres::Client;

pub use conninfo::Conninfo;
use load::Base;
pub use rows::{PlanKey, ReqKey, unit_names};
pub use schema::{Init, SCHEMA_VERSION};

use crate::store::State;

#[derive(Debug, thiserror::Error)]
pub enum TeamError {
    #[error("invalid connection string: {problem}")]
    Conninfo { problem: String },
    #[error("cannot connect to the team store on {host} ({conninfo}): {problem}")]
    Connect {
        host: String,
        conninfo: String,
        problem: String,
    },
    #[error("team store: {0}")]
    Sql(String),
    #[error("the database holds no duban team store; run `duban store init` first")]
    NotInitialised,
    #[error(
        "the team store was made by a newer duban (schema {0}); this version knows schema {SCHEMA_VERSION} \
         and left it unchanged. Upgrade duban"
    )]
    Newer(i32),
    #[error(
        "the team store has schema {0}, older than this duban's ({SCHEMA_VERSION}); run `duban store init` \
         to upgrade it"
    )]
    Outdated(i32),
    #[error("the team store holds data that does not load: {0}")]
    Damaged(String),
    #[error("{0}")]
    Clash(Clash),
    #[error("{0}")]
    Refused(String),
    /// The server is out of reach and the edit cannot wait in the outbox.
    #[error("the team store is out of reach (disconnected): this edit needs the server; not saved")]
    Disconnected,
    /// The server refused the statement: the login's role may not do it (SQLSTATE 42501,
    /// from a grant, a row-level security policy or the liaison trigger). Nothing changed.
    #[error("permission denied: {0}")]
    Denied(String),
}

/// A row someone else changed since it was loaded: what it is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash {
    /// `2024:1.1.1`, `plan 2024` or `the workspace`.
    pub what: String,
    /// The acting user recorded with the change (`--user`), if any.
    pub by: Option<String>,
    /// The database login that made it.
    pub login: Option<String>,
    /// The requirement's status now (`None`: not a requirement, or removed).
    pub status: Option<String>,
    /// When (server time); `None` when the row is gone.
    pub at: Option<DateTime<Utc>>,
}

impl std::fmt::Display for Clash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let who = match (&self.by, &self.login) {
            (Some(by), Some(login)) if by != login => format!("{by} (login {login})"),
            (Some(by), _) => by.clone(),
            (None, Some(login)) => login.clone(),
            (None, None) => "someone".into(),
        };
        match self.at {
            Some(at) => {
                write!(
                    f,
                    "{} was changed by {who} at {} UTC",
                    self.what,
                    at.format("%Y-%m-%d %H:%M:%S")
                )?;
                if let Some(status) = &self.status {
                    write!(f, " (now {status})")?;
                }
            }
            None => write!(f, "{} was removed or added by someone else", self.what)?,
        }
        write!(
            f,
            " since you loaded it; nothing was saved: run the command again to apply it to their version"
        )
    }
}

/// A workspace in a PostgreSQL database. Clones share the connection and the base.
#[derive(Clone)]
pub struct TeamStore {
    inner: Arc<Inner>,
}

struct Inner {
    conninfo: Conninfo,
    client: Mutex<Client>,
    /// The rows as last loaded or saved: what a save compares against.
    base: Mutex<Base>,
    /// The acting user, recorded as `updated_by` and the history's `actor`.
    user: Option<String>,
    /// The login's role in this store, asked once (see [`TeamStore::role`]).
    role: std::sync::OnceLock<Option<roles::Role>>,
    /// A liaison's units, asked once (see [`TeamStore::liaison_units`]).
    units: std::sync::OnceLock<Vec<String>>,
    /// Dashboard edits a clash kept, for re-applying or dropping ([`persist`]).
    kept: Mutex<Vec<persist::KeptEdit>>,
    /// The LISTEN thread's notifications, once the dashboard started it ([`live`]).
    listener: Mutex<Option<live::Listener>>,
    /// Edits made while the server was out of reach ([`outbox`]): the dashboard's.
    outbox: Mutex<Result<outbox::Outbox, String>>,
    /// A save of the whole workspace failed while the server was out of reach: reconnecting
    /// keeps the state (quitting saves it) instead of reloading.
    whole_pending: std::sync::atomic::AtomicBool,
    /// Where the outbox lives when not beside the config (tests).
    outbox_dir: std::sync::OnceLock<std::path::PathBuf>,
    /// The base the last load is building ([`load::Loaded::Later`]); [`TeamStore::base`]
    /// waits for it.
    base_job: Mutex<Option<std::thread::JoinHandle<Base>>>,
}

/// A large workspace's rows take a while to free: not on the way to a frame or a save.
/// `unused` is a base the last load built that nothing asked for.
fn free_later(old: Base, unused: Option<std::thread::JoinHandle<Base>>) {
    if old.reqs.len() > 1000 || unused.is_some() {
        let _ = std::thread::Builder::new()
            .name("duban-free".into())
            .spawn(move || {
                drop(old);
                drop(unused.map(std::thread::JoinHandle::join));
            });
    }
}

impl std::fmt::Debug for TeamStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "TeamStore({})", self.inner.conninfo.redacted())
    }
}

impl TeamStore {
    /// Connect; `user` is who is acting (`--user`/`DUBAN_USER`).
    pub fn connect(conninfo: Conninfo, user: Option<String>) -> Result<TeamStore, TeamError> {
        let client = conninfo.connect()?;
        Ok(TeamStore {
            inner: Arc::new(Inner {
                conninfo,
                client: Mutex::new(client),
                base: Mutex::new(Base::default()),
                user,
                role: std::sync::OnceLock::new(),
                units: std::sync::OnceLock::new(),
                kept: Mutex::new(Vec::new()),
                listener: Mutex::new(None),
                outbox: Mutex::new(Err("the outbox is the dashboard's".into())),
                whole_pending: std::sync::atomic::AtomicBool::new(false),
                outbox_dir: std::sync::OnceLock::new(),
                base_job: Mutex::new(None),
            }),
        })
    }

    /// Keep the dashboard's outbox in `dir` rather than beside the config (before
    /// [`TeamStore::listen`]; tests).
    pub fn set_outbox_dir(&self, dir: std::path::PathBuf) {
        let _ = self.inner.outbox_dir.set(dir);
    }

    pub fn conninfo(&self) -> &Conninfo {
        &self.inner.conninfo
    }

    /// For messages: `team store user@host/dbname`.
    pub fn location(&self) -> String {
        format!("team store {}", self.address())
    }

    /// `user@host/dbname`, no password.
    pub fn address(&self) -> String {
        let c = &self.inner.conninfo;
        format!("{}@{}/{}", c.user(), c.host(), c.dbname())
    }

    /// The connection, for the next helpers' LISTEN and statements of their own.
    pub fn client(&self) -> MutexGuard<'_, Client> {
        self.inner
            .client
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// The base of the next save: the one the last load is building, once it is built.
    fn base(&self) -> MutexGuard<'_, Base> {
        let mut base = self.base_now();
        if let Some(old) = self.install_built(&mut base) {
            free_later(old, None);
        }
        base
    }

    /// Wait for what the last load left running (its base being built) and free the base
    /// it replaces here, not on a thread: benchmarks time one start at a time.
    pub fn settle(&self) {
        let mut base = self.base_now();
        drop(self.install_built(&mut base));
    }

    /// The base the last load is building, waited for and put in place of `base` (held
    /// by the caller, the order locks are taken in); the base it replaces.
    fn install_built(&self, base: &mut Base) -> Option<Base> {
        let job = self.base_job().take()?;
        match job.join() {
            Ok(built) => Some(std::mem::replace(base, built)),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    }

    fn base_now(&self) -> MutexGuard<'_, Base> {
        self.inner
            .base
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    fn base_job(&self) -> MutexGuard<'_, Option<std::thread::JoinHandle<Base>>> {
        self.inner
            .base_job
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// `duban store init`: create or upgrade the schema.
    pub fn init(&self) -> Result<Init, TeamError> {
        schema::init(&mut self.client())
    }

    /// The workspace, or `None` while the store holds no plan. Remembers every row's
    /// version as the base of the next save.
    pub fn load(&self) -> Result<Option<State>, TeamError> {
        let (state, loaded) = load::load(&mut self.client())?;
        match loaded {
            // The base first, then the job: the order `base` takes them in.
            load::Loaded::Ready(base) => {
                let mut now = self.base_now();
                let unused = self.base_job().take();
                free_later(std::mem::replace(&mut *now, base), unused);
            }
            load::Loaded::Later(job) => {
                let _now = self.base_now();
                let unused = self.base_job().replace(job);
                free_later(Base::default(), unused);
            }
        }
        Ok(state)
    }

    /// Save what changed since the last load or save, in one transaction; a row someone
    /// else changed meanwhile fails the whole save with [`TeamError::Clash`].
    pub fn save(&self, state: &State) -> Result<(), TeamError> {
        let mut base = self.base();
        let user = self.inner.user.as_deref();
        if self.role() == Some(roles::Role::Liaison) {
            // Only the rows it changed: a liaison's workspace is partial.
            return liaison::save(&mut self.client(), &mut base, state, user);
        }
        save::save(&mut self.client(), &mut base, state, user)
    }

    /// What `duban store status` prints.
    pub fn status(&self) -> Result<status::Status, TeamError> {
        status::status(&mut self.client())
    }
}

pub use status::Status;

/// A client error as a [`TeamError::Sql`].
fn sql(e: &postgres::Error) -> TeamError {
    if e.code() == Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE) {
        return TeamError::Denied(conninfo::describe(e));
    }
    TeamError::Sql(conninfo::describe(e))
}
