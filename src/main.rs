//! Wiring only: parse the command line, read the clock, load the state, run one command or
//! open the dashboard. Errors print as one `duban: …` line; usage mistakes exit 2, other
//! failures 1. Everything printed passes [`safe::display`] here, the one way out: text
//! from a document, a note or a file name never reaches the terminal with its control,
//! bidi or invisible characters.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::parser::ValueSource;

use duban::cli::backend::Backend;
use duban::cli::commands;
use duban::cli::context::{self, CliError, Context};
use duban::cli::{self, Cli};
use duban::clock::Clock;
use duban::i18n::Lang;
use duban::plan::calendar::Calendar;
use duban::plan::count::Count;
use duban::settings::Settings;
use duban::store::{State, Store};
use duban::text::safe;

fn main() -> ExitCode {
    // Help and argument errors are in the user's language, known before clap parses.
    let args: Vec<_> = std::env::args_os().collect();
    let lang = cli::help::lang_of(&args, std::env::var_os("DUBAN_LANG").as_deref());
    let (cli, matches) = match cli::help::parse(&args, lang) {
        Ok(parsed) => parsed,
        Err(e) => return ExitCode::from(cli::help::report_clap_error(e, lang)),
    };
    // `--count` typed on the command line is remembered; `DUBAN_COUNT` is for one run.
    let typed = matches.value_source("count") == Some(ValueSource::CommandLine);
    match run(cli, typed) {
        Ok(code) => code,
        Err(e) => {
            let text = (e.downcast_ref::<CliError>())
                .and_then(|c| c.localized(lang))
                .unwrap_or_else(|| format!("{e:#}"));
            eprintln!("duban: {}", safe::display(&text));
            ExitCode::from(e.downcast_ref::<CliError>().map_or(1, CliError::exit_code))
        }
    }
}

fn run(cli: Cli, count_typed: bool) -> anyhow::Result<ExitCode> {
    // The only place the system clock is read.
    let clock = cli.today.map_or_else(Clock::system, Clock::fixed);
    let lang = cli.lang.unwrap_or_default();
    let count = resolve_count(cli.count, count_typed);
    let user = cli.user.clone().or_else(login_name);
    // The user's holidays.toml dates deadlines too, everywhere a plan is derived; a broken
    // one is reported by the commands that need the calendar, and the built-in one counts.
    if let Ok(cal) = Calendar::load() {
        Calendar::install(cal);
    }
    // `duban store …` works on the team store; its `--state` is the file pushed from.
    let state_file = cli.state.clone();
    let store_command = matches!(cli.command, Some(cli::Command::Store { .. }));
    let backend = context::resolve_backend(
        if store_command { None } else { cli.state },
        cli.store.as_deref(),
        count.settings.store.as_deref(),
        user.clone(),
    )?;

    let Some(command) = cli.command else {
        let store = match backend {
            Backend::File(store) => store,
            // Every dashboard on the team store is a writer: there is no lock to take.
            Backend::Team(team) => {
                let (mut state, _) = context::load_store(&Backend::Team(team.clone()))?;
                if let Some(name) = &cli.plan {
                    state.focus(name).map_err(context::workspace_error)?;
                }
                let (count, settings) = (count.count, count.settings);
                duban::app::run(
                    Box::new(team),
                    None,
                    state,
                    clock,
                    lang,
                    count,
                    settings,
                    user,
                )?;
                return Ok(ExitCode::SUCCESS);
            }
        };
        // The dashboard is the one writer for as long as it runs; while another duban holds
        // the lock, or the file may not be written, this one opens read-only.
        let _lock = store.open_writer()?;
        // Load before the terminal is taken over, so file errors print normally.
        let (mut state, _existed) = context::load_store(&Backend::File(store.clone()))?;
        // The dashboard shows one plan: the one `--plan` names, else the first.
        if let Some(name) = &cli.plan {
            state.focus(name).map_err(context::workspace_error)?;
        }
        return open_dashboard(store, state, clock, lang, count, user);
    };
    // An export piped to a file keeps its bytes; text for a person is always shown safe.
    let exact = commands::prints_data(&command) && !io::stdout().is_terminal();
    let loaded = backend.clone();
    let out = commands::run(
        command,
        &Context {
            store: backend,
            clock,
            lang,
            count: count.count,
            user,
            require_evidence: count.settings.completion_requires_evidence,
            plan: cli.plan.clone(),
            state_file,
        },
    );
    // A damaged journal was worked around while loading: say so, whatever the outcome.
    if let Some(damage) = loaded.take_damage() {
        eprintln!("duban: {}", safe::display(&damage.message(lang)));
    }
    let out = out?;
    print(&if exact {
        out.into()
    } else {
        safe::display(&out)
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The dashboard: `duban::app::run` takes over the terminal and gives it back on exit.
fn open_dashboard(
    store: Store,
    state: State,
    clock: Clock,
    lang: Lang,
    count: Resolved,
    user: Option<String>,
) -> anyhow::Result<ExitCode> {
    let damage = store.take_damage();
    duban::app::run(
        Box::new(store),
        damage,
        state,
        clock,
        lang,
        count.count,
        count.settings,
        user,
    )?;
    Ok(ExitCode::SUCCESS)
}

/// The count for this run and the settings it came from.
struct Resolved {
    count: Count,
    settings: Settings,
}

/// `--count`/`DUBAN_COUNT`, else the remembered setting, else natural days. A typed
/// `--count` is remembered; a broken settings file is reported and left alone.
fn resolve_count(given: Option<Count>, typed: bool) -> Resolved {
    let (mut settings, problem) = Settings::load();
    if let Some(problem) = problem {
        eprintln!("duban: {}", safe::display(&problem));
    }
    let count = given.or(settings.count).unwrap_or_default();
    if typed
        && settings.count != Some(count)
        && let Err(e) = settings.save_count(count)
    {
        eprintln!("duban: {}", safe::display(&e));
    }
    Resolved { count, settings }
}

/// The login name, for history entries when no `--user`/`DUBAN_USER` is given.
fn login_name() -> Option<String> {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .filter_map(std::env::var_os)
        .map(|v| v.to_string_lossy().trim().to_string())
        .find(|v| !v.is_empty())
}

/// Write to stdout; a closed pipe (`duban list | head`) is not an error.
fn print(out: &str) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}
