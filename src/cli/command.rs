//! The subcommands and their arguments, as clap reads them.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Subcommand;

use super::actions::{
    FilterArgs, PlansAction, StoreAction, parse_bulletin_format, parse_day, parse_tier,
};
use super::hand;
use crate::plan::import::{ColumnSpec, Format};
use crate::plan::{IdArg, Period, Status};
use crate::report::export::Format as ExportFormat;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load a plan document (任务分解表) into the state file
    Import {
        /// The plan document: .docx, .xlsx, .csv, .md (pipe table) or Word's text export
        file: PathBuf,
        /// Read the file as this format instead of deciding from its name and content
        #[arg(long, value_name = "text|docx|xlsx|csv|md")]
        format: Option<Format>,
        /// The workbook sheet to read (default: the first)
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        /// Each column's role, in order, when the header does not say it: number, category,
        /// item, requirement, lead, cooperating, deadline, leader, remarks, start, or - (kept
        /// as an extra field), e.g. number,category,item,requirement,lead,cooperating,deadline
        #[arg(long, value_name = "ROLES")]
        columns: Option<ColumnSpec>,
        /// With --columns: the table has no header row; its first row of two or more filled
        /// cells is already data
        #[arg(long, requires = "columns")]
        no_header: bool,
        /// Replace a state that already records progress (statuses, notes)
        #[arg(long, conflicts_with = "merge")]
        force: bool,
        /// A revised plan: keep each requirement's progress, archive the removed ones
        #[arg(long)]
        merge: bool,
        /// Add the document as the plan NAME beside the others (with --merge or --force:
        /// revise or replace the plan NAME)
        #[arg(long = "as", value_name = "NAME")]
        as_name: Option<String>,
        /// With --merge: apply the changes without asking; pairs proposed on weak evidence
        /// are applied only when named in --accept (the others are removed and added)
        #[arg(long, short = 'y', requires = "merge")]
        yes: bool,
        /// With --merge: apply these weak pairs (the new ids the proposal lists), e.g.
        /// --accept 1.1.2,3.2.1
        #[arg(long, requires = "merge", value_delimiter = ',', value_name = "IDS")]
        accept: Vec<IdArg>,
        /// With --merge: review the changes on a full screen (additions, removals, changes,
        /// weak pairs) and accept, split or re-pair there before applying
        #[arg(long, requires = "merge", conflicts_with = "yes")]
        preview: bool,
        /// The span the plan covers, when not its year: a year (2024) or START..END
        /// (2024-03-01..2025-02-28). Recurring duties stop at its end
        #[arg(long, value_name = "YEAR|START..END")]
        period: Option<Period>,
        /// The plan's year, when neither the title nor the document's dates give one
        /// (年底前 falls due on its 31 December); without it, the year of the import date
        #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1900..=2099))]
        year: Option<i32>,
        /// The day the plan was handed over (交办日), for every requirement (instead of a
        /// 印发日期 the document states): YYYY-MM-DD or 2024年9月27日; "5个工作日内" counts
        /// from it
        #[arg(long, value_name = "DATE", value_parser = parse_day)]
        start: Option<NaiveDate>,
    },
    /// The team store on PostgreSQL: create or upgrade its schema, copy a state file into
    /// it or out of it, show what it holds
    Store {
        #[command(subcommand)]
        action: StoreAction,
    },
    /// Who you are on the team store: the database login, its role and units
    Whoami {
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// The plans of the workspace: list them, or create, rename, remove and restore one
    Plans {
        #[command(subcommand)]
        action: Option<PlansAction>,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// List requirements, optionally filtered (filters combine with AND)
    List {
        #[command(flatten)]
        filter: FilterArgs,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
        /// List the requirements revised plans removed (kept with their progress) instead
        #[arg(long)]
        archived: bool,
    },
    /// Show one requirement in full
    Show {
        /// Requirement id, e.g. 2.2.4 (2.3 or 12 in plans of fewer levels;
        /// 第12项 by the document's number)
        id: IdArg,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Progress totals and a per-category table
    Summary {
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Change a requirement's status
    Set {
        /// Requirement id, e.g. 1.1.1 (2.3 or 12 in plans of fewer levels;
        /// 第12项 by the document's number)
        id: IdArg,
        /// todo|doing|review|done|blocked (or 未开始|推进中|待审核|已完成|受阻)
        status: Status,
        /// Also add a note
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Set a requirement's due date by hand, overriding what its deadline text says (the
    /// text is kept), or clear it to go back to the text
    Due {
        /// Requirement id, e.g. 1.1.1 (2.3 or 12 in plans of fewer levels;
        /// 第12项 by the document's number)
        id: IdArg,
        /// The due date: YYYY-MM-DD or 2021年9月30日
        #[arg(value_parser = parse_day, required_unless_present = "clear", conflicts_with = "clear")]
        date: Option<NaiveDate>,
        /// Remove the date set by hand: the deadline text counts again
        #[arg(long)]
        clear: bool,
    },
    /// Set the day a requirement was handed over (交办日): a deadline counted from it
    /// ("5个工作日内", "15日内") is dated from the day after; or clear it
    Start {
        /// Requirement id, e.g. 1.1.1 (2.3 or 12 in plans of fewer levels;
        /// 第12项 by the document's number)
        id: IdArg,
        /// The start date: YYYY-MM-DD or 2024年9月27日
        #[arg(value_parser = parse_day, required_unless_present = "clear", conflicts_with = "clear")]
        date: Option<NaiveDate>,
        /// Remove the start date: a relative deadline is undated (待定) again
        #[arg(long)]
        clear: bool,
    },
    /// Add a note to a requirement
    Note {
        /// Requirement id, e.g. 1.1.1 (2.3 or 12 in plans of fewer levels;
        /// 第12项 by the document's number)
        id: IdArg,
        /// The note
        text: String,
    },
    /// Add a requirement by hand, creating its category and item as needed; units and
    /// deadline are read as a document's cells are
    Add(hand::AddArgs),
    /// Correct one field of a requirement; the old value is kept in its history
    Edit(hand::EditArgs),
    /// Move a requirement to the archive with its progress (list --archived shows it)
    Remove {
        /// Requirement id, e.g. 1.1.1 (2.3 or 12 in plans of fewer levels;
        /// 第12项 by the document's number)
        id: IdArg,
    },
    /// Bring an archived requirement back with its progress, into its item (recreated by
    /// name when gone)
    Restore {
        /// The id it had when archived, as list --archived shows it
        id: IdArg,
    },
    /// Write the report: the ledger as CSV or XLSX, a Markdown or printable HTML report, or
    /// the whole state as JSON
    Export {
        /// Output format (default: from the extension of -o)
        #[arg(long, value_enum, value_name = "FORMAT")]
        format: Option<ExportFormat>,
        /// Output file, written atomically (default: stdout; xlsx goes to
        /// duban-report-YYYY-MM-DD.xlsx in the current directory)
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Add the changes since a snapshot (md, html, xlsx): its label, or a date for the
        /// latest snapshot taken on or before it
        #[arg(long, value_name = "LABEL|DATE")]
        since: Option<String>,
    },
    /// Freeze the current statuses, to report what changed since (本期 vs 上期)
    Snapshot {
        /// Name of the snapshot (default: the reference date, YYYY-MM-DD)
        #[arg(long, value_name = "TEXT", conflicts_with = "list")]
        label: Option<String>,
        /// Retake a snapshot that has the same label
        #[arg(long, conflicts_with = "list")]
        replace: bool,
        /// List the snapshots instead of taking one
        #[arg(long)]
        list: bool,
        /// With --list: print JSON
        #[arg(long, requires = "list")]
        json: bool,
    },
    /// What is due: overdue, today, within 7 and 30 days, later, then recurring and ongoing
    Agenda {
        /// Only overdue rows and those due within N days
        #[arg(long, value_name = "N")]
        days: Option<u32>,
        /// Include done requirements
        #[arg(long)]
        all: bool,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Every unit's workload: lead/cooperating counts, progress, overdue, reports owed,
    /// reminders, score; summed over every plan in scope
    Units {
        #[arg(
            long,
            value_name = "COLUMN",
            help = "Sort by this column, largest first (name sorts A→Z): name|lead|cooperating|\
                    done|doing|blocked|due_7|overdue|oldest_overdue_days|reports_outstanding|reminders"
        )]
        sort: Option<crate::plan::workload::UnitColumn>,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Extend a requirement's deadline (延期): the new date must be later than the current one
    Extend {
        /// Requirement id, e.g. 1.1.1
        id: IdArg,
        /// The new due date: YYYY-MM-DD or 2024年10月31日
        #[arg(value_parser = parse_day)]
        date: NaiveDate,
        /// Why it is extended (required)
        #[arg(long, value_name = "TEXT")]
        reason: String,
        /// Who approved the extension
        #[arg(long, value_name = "NAME")]
        approved_by: Option<String>,
    },
    /// A unit reports a requirement complete (申请办结): its status becomes review
    Claim {
        /// Requirement id, e.g. 1.1.1
        id: IdArg,
        /// What the unit reports
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Accept a completion claim (销号): done, dated today
    Approve {
        /// Requirement id, e.g. 1.1.1
        id: IdArg,
        /// A completion note (default: the claim's)
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Send a completion claim back (退回重办): doing again, counted
    Reject {
        /// Requirement id, e.g. 1.1.1
        id: IdArg,
        /// Why it is sent back (required)
        #[arg(long, value_name = "TEXT")]
        reason: String,
    },
    /// Record a reminder (催办) sent to one of a requirement's units
    Remind {
        /// Requirement id, e.g. 1.1.1
        id: IdArg,
        /// The unit reminded (default: the lead unit); one of the requirement's units
        #[arg(long, value_name = "NAME")]
        unit: Option<String>,
        /// How: 电话|短信|通知单|会议 (or phone|sms|notice|meeting)
        #[arg(long, value_name = "CHANNEL")]
        via: Option<crate::plan::lifecycle::Channel>,
        /// What was said
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Attach evidence (佐证材料): records the file's path, size and SHA-256; the file is
    /// neither copied nor changed
    Attach {
        /// Requirement id, e.g. 1.1.1
        id: IdArg,
        /// The file
        path: PathBuf,
        /// What it shows
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// List a requirement's evidence, marking files missing or changed since attached
    Evidence {
        /// Requirement id, e.g. 1.1.1
        id: IdArg,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Record that this period's report (报送) for a requirement was submitted
    ReportSubmitted {
        /// Requirement id, e.g. 1.1.4 (2.3 or 12 in plans of fewer levels;
        /// 第12项 by the document's number)
        id: IdArg,
        /// A note on the submission
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// A month of the working-day calendar: holidays (休), 调休 working days (班), today and
    /// the deadlines of the plans in scope (ids naming their plan when several)
    Calendar {
        /// The month to show (default: the month of --today)
        #[arg(value_name = "YYYY-MM")]
        month: Option<crate::report::calendar::Month>,
        /// Include done requirements' deadlines
        #[arg(long)]
        all: bool,
    },
    /// Write 督办通知单 (numbered .docx) to a unit, or to every unit with work overdue or
    /// due soon; each listed requirement gets a reminder (催办, 通知单) recorded
    Notice {
        /// The unit addressed (exact name, as in `duban units`)
        #[arg(
            long,
            value_name = "NAME",
            required_unless_present = "all",
            conflicts_with = "all"
        )]
        unit: Option<String>,
        /// One notice per unit with requirements overdue or due within --within days
        #[arg(long)]
        all: bool,
        /// Output: a .docx file with --unit, a directory (which must exist) with --all
        #[arg(short, long, value_name = "FILE|DIR")]
        output: std::path::PathBuf,
        /// Only requirements at this escalation colour or worse: red|yellow
        #[arg(long, value_name = "red|yellow", value_parser = parse_tier)]
        tier: Option<crate::plan::escalation::Escalation>,
        /// List requirements due within N days as well as overdue ones (default: the blue
        /// threshold of the escalation rules, 7)
        #[arg(long, value_name = "N")]
        within: Option<u32>,
    },
    /// Write the 督查通报 (supervision bulletin): progress, categories, units on time and
    /// overdue, changes since a snapshot, scores, and room for the leader's remarks
    Bulletin {
        /// The snapshot to compare with: its label, or a date (default: the latest, if any)
        #[arg(long, value_name = "LABEL|DATE")]
        since: Option<String>,
        /// Output file, written atomically
        #[arg(short, long, value_name = "FILE")]
        output: std::path::PathBuf,
        /// docx|md|html (default: from the extension of -o)
        #[arg(long, value_name = "docx|md|html", value_parser = parse_bulletin_format)]
        format: Option<crate::cli::documents::DocFormat>,
    },
    /// Score every unit (考核) by the rules in scoring.toml, with each unit's breakdown
    Score {
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// What changed since a snapshot: newly done, newly overdue, status changes, notes,
    /// progress by category and unit now vs then
    Report {
        /// The snapshot: its label, or a date for the latest taken on or before it
        /// (default: the latest snapshot)
        #[arg(long, value_name = "LABEL|DATE")]
        since: Option<String>,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
}
