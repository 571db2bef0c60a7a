//! What every command runs with: the error type, the context (store, clock, language,
//! count) and loading the state file.

use std::path::PathBuf;

use super::backend::Backend;
use crate::clock::Clock;
use crate::i18n::Lang;
use crate::plan::count::Count;
use crate::plan::import::{self, ImportError};
use crate::plan::query::FilterError;
use crate::store::{State, Store, StoreError};
use crate::team::{Conninfo, TeamError, TeamStore};

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The user asked for something that does not exist or makes no sense (exit 2).
    #[error("{0}")]
    Usage(String),
    #[error(transparent)]
    Filter(#[from] FilterError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Import(#[from] ImportError),
    #[error(transparent)]
    Team(#[from] TeamError),
    #[error(transparent)]
    Export(#[from] crate::report::export::ExportError),
    /// A plan name that names nothing, or is refused (exit 2).
    #[error(transparent)]
    Workspace(crate::store::WorkspaceError),
    /// A command declined to act (exit 1), e.g. import over recorded progress.
    #[error("{0}")]
    Refused(String),
    #[error(
        "cannot find a data directory for the state file; pass --state PATH or set DUBAN_STATE"
    )]
    NoDataDir,
}

impl CliError {
    /// The message in `lang`, for the errors that have one; the others are written once
    /// (with their causes) as they come.
    pub fn localized(&self, lang: Lang) -> Option<String> {
        match self {
            CliError::Team(e) => Some(e.localized(lang)),
            CliError::Store(e) => Some(e.localized(lang)),
            CliError::Workspace(e) => Some(e.localized(lang)),
            CliError::Filter(e) => Some(e.localized(lang)),
            _ => None,
        }
    }

    /// 2 for mistakes in the command line, 1 for everything else.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) | CliError::Filter(_) | CliError::Workspace(_) => 2,
            _ => 1,
        }
    }
}

/// What every command needs: where the state lives, the reference date, the language.
#[derive(Debug, Clone)]
pub struct Context {
    pub store: Backend,
    pub clock: Clock,
    pub lang: Lang,
    /// Natural or working days for text countdowns (JSON carries both).
    pub count: Count,
    /// Who is acting (`--user`/`DUBAN_USER`, else the login name): recorded with each change.
    pub user: Option<String>,
    /// The `completion_requires_evidence` setting: done only with evidence attached.
    pub require_evidence: bool,
    /// `--plan`/`DUBAN_PLAN`: the plan of the workspace to work on.
    pub plan: Option<String>,
    /// `--state`/`DUBAN_STATE` as given: the JSON side of `duban store push`.
    pub state_file: Option<std::path::PathBuf>,
}

/// `--state`/`DUBAN_STATE`, else the platform data directory. `DUBAN_JOURNAL_FROM` (bytes)
/// moves the state file size from which the dashboard journals its edits (README "Your data").
pub fn resolve_store(state: Option<PathBuf>) -> Result<Store, CliError> {
    let store = state
        .or_else(Store::default_path)
        .map(Store::new)
        .ok_or(CliError::NoDataDir)?;
    Ok(match std::env::var("DUBAN_JOURNAL_FROM") {
        Ok(bytes) => store.journal_from(bytes.trim().parse().map_err(|_| {
            CliError::Usage(format!(
                "DUBAN_JOURNAL_FROM must be a size in bytes, not {bytes:?}"
            ))
        })?),
        Err(_) => store,
    })
}

/// The saved state, or the built-in plan when there is no state file yet. The flag says
/// whether the file existed. Nothing is written here: a first run is saved on the first edit.
/// Focused on the plan `--plan` names (see [`State::focus`]).
pub fn load_state(ctx: &Context) -> Result<(State, bool), CliError> {
    let (mut state, existed) = load_store(&ctx.store)?;
    if let Some(name) = &ctx.plan {
        state.focus(name).map_err(workspace_error)?;
    }
    Ok((state, existed))
}

/// [`load_state`] without a plan chosen: the first plan is focused.
pub fn load_store(store: &Backend) -> Result<(State, bool), CliError> {
    if let Some(state) = store.load()? {
        return Ok((state, true));
    }
    let state = State::new(import::builtin());
    store.assume_absent(&state);
    Ok((state, false))
}

/// The team store `conninfo` names, connected; `user` is who is acting. Without one (no
/// `--user`, `DUBAN_USER` or `$USER`, as under a service manager) the rows are signed with
/// the login name, as the state file's history is, else the database login.
pub fn resolve_team(conninfo: &str, user: Option<String>) -> Result<TeamStore, CliError> {
    let conninfo = Conninfo::parse(conninfo, &crate::team::conninfo::process_env)?;
    let user = (user.filter(|u| !u.trim().is_empty()))
        .or_else(|| whoami::username().ok().filter(|u| !u.is_empty()))
        .unwrap_or_else(|| conninfo.user().to_string());
    Ok(TeamStore::connect(conninfo, Some(user))?)
}

/// The store a command works on: the team store when `--store`/`DUBAN_STORE` names one, or
/// when the settings file does and no `--state` is given; else the JSON state file.
pub fn resolve_backend(
    state: Option<PathBuf>,
    store: Option<&str>,
    settings_store: Option<&str>,
    user: Option<String>,
) -> Result<Backend, CliError> {
    let team = store.or(if state.is_none() {
        settings_store
    } else {
        None
    });
    match team {
        Some(conninfo) => Ok(Backend::Team(resolve_team(conninfo, user)?)),
        None => Ok(Backend::File(resolve_store(state)?)),
    }
}

/// A plan name that names nothing, or is refused, is a mistake in the command line.
pub fn workspace_error(e: crate::store::WorkspaceError) -> CliError {
    CliError::Workspace(e)
}
