//! The command line: clap definitions here, execution in [`commands`], what every command
//! runs with in [`context`].
//!
//! Every global override is an `Option` so "not given" stays distinguishable from a default.

mod actions;
pub mod backend;
pub mod calendar;
mod command;
pub mod commands;
pub mod context;
pub mod documents;
mod due;
pub mod hand;
pub mod help;
mod import;
mod lifecycle;
mod plans;
pub mod reports;
mod resolve;
mod start;
mod team;
pub mod views;

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Parser;

use crate::i18n::Lang;
use crate::plan::count::Count;
pub(crate) use actions::REASONS;
pub use actions::{FilterArgs, PlansAction, StoreAction};
use actions::{parse_count, parse_date};
pub use command::Command;

#[derive(Debug, Parser)]
#[command(
    name = "duban",
    version,
    about = "督办 — supervise a government work plan from the terminal"
)]
pub struct Cli {
    /// State file (default: the platform data directory, e.g. ~/.local/share/duban/state.json)
    #[arg(long, global = true, env = "DUBAN_STATE", value_name = "PATH")]
    pub state: Option<PathBuf>,

    /// The team store: a PostgreSQL connection string, URL or `key=value` form
    /// (`postgres://user@host/db`, `host=/var/run/postgresql dbname=duban`); PGHOST, PGUSER,
    /// PGPASSWORD, PGDATABASE, PGSSLMODE fill what it leaves out (default: the state file,
    /// or `store` in settings.toml)
    #[arg(
        long,
        global = true,
        env = "DUBAN_STORE",
        value_name = "CONNINFO",
        hide_env_values = true
    )]
    pub store: Option<String>,

    /// Reference date for countdowns and overdue checks (default: the local date)
    #[arg(long, global = true, env = "DUBAN_TODAY", value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<NaiveDate>,

    /// Language of labels, messages and help (default: zh)
    #[arg(
        long,
        global = true,
        env = "DUBAN_LANG",
        value_enum,
        ignore_case = true
    )]
    pub lang: Option<Lang>,

    /// Count countdowns in natural days or working days (holidays and 调休 from the
    /// calendar); given here it is remembered for later runs, from the environment for one run
    #[arg(long, global = true, env = "DUBAN_COUNT", value_name = "workdays|days", value_parser = parse_count)]
    pub count: Option<Count>,

    /// Who is acting, recorded with every change (default: the login name)
    #[arg(long, global = true, env = "DUBAN_USER", value_name = "NAME")]
    pub user: Option<String>,

    /// The plan of the workspace to work on (default: every plan for reading commands;
    /// the only one, or the one an id names, for editing commands)
    #[arg(long, global = true, env = "DUBAN_PLAN", value_name = "NAME")]
    pub plan: Option<String>,

    /// Without a command, open the dashboard.
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[cfg(test)]
mod parse_tests;
