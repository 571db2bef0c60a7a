//! The nested subcommands (`store …`, `plans …`), the shared filter flags, and the value
//! parsers the arguments use.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Subcommand};

use crate::plan::count::Count;
use crate::plan::{Period, Status};

/// `duban store …` (the team store is `--store`/`DUBAN_STORE`, or `store` in settings.toml)
#[derive(Debug, Subcommand)]
pub enum StoreAction {
    /// Create the schema `duban` in the database, or upgrade it (run it again: nothing changes)
    Init,
    /// Copy the state file (--state, or the default one) into an empty team store: every
    /// plan with its statuses, notes, history, snapshots and archive
    Push,
    /// Write the team store's workspace to a state file that --state reads
    Pull {
        /// The state file to write (replaced atomically; the old one kept as .bak)
        #[arg(long, value_name = "FILE")]
        to: PathBuf,
    },
    /// The schema version, the plans and requirements held, and who changed what last
    Status {
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Let a database login work on the store as office staff, a unit liaison or a leader
    /// (creates the login when needed; the password is asked for without echo)
    Grant {
        /// The database login
        #[arg(long, value_name = "NAME")]
        login: String,
        /// staff (督查室: everything), liaison (联络员: their units' requirements), leader
        /// (领导: reads everything)
        #[arg(long, value_enum)]
        role: crate::team::roles::Role,
        /// A unit the liaison answers for (repeat for several); matched as duban matches
        /// units, lead and cooperating alike
        #[arg(long = "unit", value_name = "UNIT")]
        units: Vec<String>,
        /// Read the password from the first line of FILE instead of asking
        #[arg(long, value_name = "FILE")]
        password_file: Option<PathBuf>,
    },
    /// Take a login's role away: it can no longer connect or change anything
    Revoke {
        /// The database login
        #[arg(long, value_name = "NAME")]
        login: String,
    },
    /// The logins that may work on the store, their roles and units
    Users {
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
}

/// `duban plans …`
#[derive(Debug, Subcommand)]
pub enum PlansAction {
    /// Create an empty plan, for documents that arrive one requirement at a time (批示件,
    /// 提案)
    New {
        /// Its short name (no spaces or `:`), e.g. 2024批示件
        name: String,
        /// The plan's title
        #[arg(long, value_name = "TEXT")]
        title: String,
        /// The span the plan covers: a year (2024) or START..END (default: the year of
        /// --today)
        #[arg(long, value_name = "YEAR|START..END")]
        period: Option<Period>,
    },
    /// Give a plan another name
    Rename {
        /// The current name
        old: String,
        /// The new name
        new: String,
    },
    /// Move a plan to the archive (restorable with its progress)
    Remove {
        /// The plan
        name: String,
        /// Remove it although it records progress
        #[arg(long)]
        force: bool,
    },
    /// Bring a removed plan back, with its progress
    Restore {
        /// The removed plan
        name: String,
    },
}

#[derive(Debug, Clone, Default, Args)]
pub struct FilterArgs {
    /// Only this category (its number)
    #[arg(long, value_name = "N")]
    pub category: Option<u32>,
    /// Only requirements naming this unit, in any role (exact name)
    #[arg(long, value_name = "NAME")]
    pub unit: Option<String>,
    /// Only this status
    #[arg(long, value_name = "S")]
    pub status: Option<Status>,
    /// Only overdue requirements
    #[arg(long)]
    pub overdue: bool,
    /// Only requirements due within DAYS days (today included, overdue excluded)
    #[arg(long, value_name = "DAYS")]
    pub due_within: Option<u32>,
    /// Only requirements whose text, item, category, units or notes contain TEXT
    /// (case-insensitive)
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Only requirements whose responsible leader (责任领导) names NAME
    #[arg(long, value_name = "NAME")]
    pub leader: Option<String>,
}

/// Why the value parsers below refuse a value, `[zh, en]`: clap carries the English one,
/// [`help`] shows the Chinese one in Chinese errors.
pub(crate) const REASONS: [[&str; 2]; 2] = [
    [
        "不是有效的日期（应为 YYYY-MM-DD）",
        "not a valid date (expected YYYY-MM-DD)",
    ],
    [
        "不是有效的日期（应为 YYYY-MM-DD 或 2021年9月30日）",
        "not a valid date (expected YYYY-MM-DD or 2021年9月30日)",
    ],
];

pub(crate) fn parse_tier(s: &str) -> Result<crate::plan::escalation::Escalation, String> {
    use crate::plan::escalation::Escalation;
    match s.trim().to_lowercase().as_str() {
        "red" | "红" | "红色" => Ok(Escalation::Red),
        "yellow" | "黄" | "黄色" => Ok(Escalation::Yellow),
        _ => Err("expected red or yellow".to_string()),
    }
}

pub(crate) fn parse_bulletin_format(s: &str) -> Result<crate::cli::documents::DocFormat, String> {
    crate::cli::documents::DocFormat::parse(s)
        .ok_or_else(|| "expected docx, md or html".to_string())
}

/// Strict `YYYY-MM-DD`, so `2021-13-01` is an error rather than a guess.
pub(crate) fn parse_count(s: &str) -> Result<Count, String> {
    Count::parse(s).ok_or_else(|| "expected `workdays` or `days`".to_string())
}

pub(crate) fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| REASONS[0][1].to_string())
}

/// `YYYY-MM-DD` or `2021年9月30日`, for `due`.
pub(crate) fn parse_day(s: &str) -> Result<NaiveDate, String> {
    crate::plan::period::parse_day(s).ok_or_else(|| REASONS[1][1].to_string())
}
