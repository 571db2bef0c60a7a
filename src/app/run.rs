//! The terminal loop: take over the terminal, turn events into actions, draw, and always give
//! the terminal back (on quit, error, panic or a termination signal). Edits that could not be
//! saved end up in a rescue file, named on exit with a non-zero status.

use std::io::{self, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use ratatui::crossterm::execute;

use super::{Action, App, Keymap};
use crate::clock::Clock;
use crate::i18n::Lang;
use crate::plan::calendar::Calendar;
use crate::plan::count::Count;
use crate::settings::Settings;
use crate::store::State;

/// How long to wait for input before checking signals and the date. Short, so a SIGTERM is
/// handled promptly even when the user is idle.
const POLL: Duration = Duration::from_millis(250);

/// No key for this long: journaled edits are folded into the state file ([`App::idle`]).
const IDLE: Duration = Duration::from_secs(2);

/// Open the dashboard on `state`, saving edits through `store` (the state file, or the team
/// store); `damage` is what the state file's load worked around. Everything fallible that does
/// not need the terminal (the keymap, signal handlers) happens before it is taken over, so
/// those errors print normally.
#[allow(clippy::too_many_arguments)] // what `main` resolved, each from its own source
pub fn run(
    store: Box<dyn super::Persist>,
    damage: Option<crate::store::JournalDamage>,
    state: State,
    mut clock: Clock,
    lang: Lang,
    count: Count,
    settings: Settings,
    user: Option<String>,
) -> anyhow::Result<()> {
    let keymap = Keymap::load()?;
    // A broken holidays file is said on the status line; the built-in calendar is used.
    let (calendar, calendar_problem) = match Calendar::load() {
        Ok(cal) => (Some(cal), None),
        Err(e) => (None, Some(format!("{e}"))),
    };
    let rules = crate::plan::escalation::EscalationRules::load().map_err(anyhow::Error::msg)?;
    let scoring = crate::plan::scoring::ScoringRules::load()
        .map_err(|e| anyhow::Error::msg(format!("scoring rules: {e}")))?;
    let stop = Arc::new(AtomicBool::new(false));
    for signal in termination_signals() {
        // A second signal while the first is being handled kills the process outright.
        signal_hook::flag::register_conditional_shutdown(signal, 1, Arc::clone(&stop))?;
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let mut app = App::new(state, store, clock.today)
        .with_lang(lang)
        .with_keymap(keymap)
        .with_rules(rules)
        .with_scoring(scoring)
        .with_user(user)
        .with_count(count, calendar, settings)
        .with_measure(crate::ui::MEASURE);
    // A notice left by a merge first: the problems below are more pressing.
    app.update(Action::Start, clock.now());
    if let Some(problem) = calendar_problem {
        app.set_message(problem, true);
    }
    if let Some(damage) = damage {
        app.set_message(damage.message(lang), true);
    }

    let mut terminal = ratatui::init();
    install_panic_hook();
    // The first frame's geometry: later sizes come as resize events.
    if let Ok(size) = terminal.size() {
        let (width, height) = (size.width, size.height);
        app.update(Action::Resize { width, height }, clock.now());
    }
    // Mouse and paste are extras: if the terminal refuses them, keep going without.
    let _ = execute!(stdout(), EnableMouseCapture, EnableBracketedPaste);
    let result = event_loop(&mut terminal, &mut app, &mut clock, &stop);
    let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
    result?;
    match app.rescued() {
        None => Ok(()),
        Some(rescued) => Err(anyhow::Error::msg(rescue_message(&app, rescued))),
    }
}

/// Printed (as the error) after the terminal is restored.
fn rescue_message(app: &App, rescued: &Result<std::path::PathBuf, String>) -> String {
    let state = app.store_location();
    match (rescued, app.lang()) {
        (Ok(path), Lang::Zh) => format!(
            "无法保存 {state}；未保存的修改已写入救援文件 {}（完整的状态文件：能保存后复制覆盖状态文件即可）",
            path.display()
        ),
        (Ok(path), Lang::En) => format!(
            "could not save {state}; the unsaved edits are in the rescue file {} (a complete \
             state file: copy it over the state file once saving works again)",
            path.display()
        ),
        (Err(e), Lang::Zh) => {
            format!("无法保存 {state}，救援文件也写入失败（{e}）：未保存的修改已丢失")
        }
        (Err(e), Lang::En) => format!(
            "could not save {state}, and writing a rescue file failed too ({e}): the unsaved \
             edits are lost"
        ),
    }
}

/// Every signal whose default action ends the process and that a user or a program may
/// send on purpose: each saves and restores the terminal instead. (SIGKILL and SIGSTOP
/// cannot be caught; the crash signals — SIGSEGV and friends — are not requests to quit.)
#[cfg(unix)]
fn termination_signals() -> [i32; 7] {
    use signal_hook::consts::signal::{
        SIGALRM, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2,
    };
    [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM]
}

#[cfg(not(unix))]
fn termination_signals() -> [i32; 2] {
    use signal_hook::consts::signal::{SIGINT, SIGTERM};
    [SIGTERM, SIGINT]
}

/// `ratatui::init` installs a hook that leaves raw mode and the alternate screen; add what it
/// does not know about (mouse capture, bracketed paste), then let it run.
fn install_panic_hook() {
    let restore = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
        restore(info);
    }));
}

/// Read terminal events on their own thread. crossterm's `read` can spin forever inside
/// itself once the terminal is gone (a closed window hangs up the tty and every read returns
/// EOF); reading elsewhere keeps the main loop free to notice SIGHUP, save and exit.
pub(super) fn spawn_input() -> io::Result<Receiver<io::Result<Event>>> {
    let (tx, rx) = mpsc::channel();
    thread::Builder::new()
        .name("duban-input".into())
        .spawn(move || {
            loop {
                let ev = event::read();
                let failed = ev.is_err();
                if tx.send(ev).is_err() || failed {
                    break;
                }
            }
        })?;
    Ok(rx)
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    clock: &mut Clock,
    stop: &AtomicBool,
) -> anyhow::Result<()> {
    let input = spawn_input()?;
    let mut redraw = true;
    let mut last_input = Instant::now();
    while !app.should_quit() {
        if stop.load(Ordering::SeqCst) {
            // Save first; `run` restores the terminal on the way out.
            app.update(Action::Shutdown, clock.now());
            break;
        }
        if redraw {
            terminal.draw(|frame| crate::ui::draw(frame, app))?;
        }
        redraw = false;
        let mut next = match input.recv_timeout(POLL) {
            Ok(ev) => {
                last_input = Instant::now();
                Some(ev)
            }
            Err(RecvTimeoutError::Timeout) => {
                let idle = last_input.elapsed() >= IDLE;
                app.update(Action::Poll { idle }, clock.now());
                redraw |= app.polled_changes();
                None
            }
            Err(RecvTimeoutError::Disconnected) => anyhow::bail!("the terminal input closed"),
        };
        // Drain what is queued (a paste, a held key) before drawing again.
        while let Some(ev) = next {
            if let Some(action) = app.action_for(&ev?) {
                app.update(action, clock.now());
                redraw = true;
            }
            next = if app.should_quit() {
                None
            } else {
                input.try_recv().ok()
            };
        }
        if clock.refresh() {
            // A new day: countdowns and overdue counts change.
            app.update(Action::Tick, clock.now());
            redraw = true;
        }
    }
    Ok(())
}
