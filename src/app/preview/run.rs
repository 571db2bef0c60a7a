//! The merge preview's terminal loop, after [`crate::app::run`]: take over the terminal,
//! turn key presses into actions, draw, and always give the terminal back. A termination
//! signal cancels: nothing is written.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::RecvTimeoutError;
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::Event;

use super::{Action, Outcome, Preview, action_for};

/// How long to wait for a key before checking for a signal.
const POLL: Duration = Duration::from_millis(250);

/// Show `preview` until it is applied or cancelled; the outcome.
pub fn run(preview: &mut Preview) -> anyhow::Result<Outcome> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in signals() {
        signal_hook::flag::register_conditional_shutdown(signal, 1, Arc::clone(&stop))?;
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let mut terminal = ratatui::init();
    let result = event_loop(&mut terminal, preview, &stop);
    ratatui::restore();
    result?;
    Ok(preview.outcome().cloned().unwrap_or(Outcome::Cancelled))
}

#[cfg(unix)]
fn signals() -> [i32; 4] {
    use signal_hook::consts::signal::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    [SIGTERM, SIGHUP, SIGINT, SIGQUIT]
}

#[cfg(not(unix))]
fn signals() -> [i32; 2] {
    use signal_hook::consts::signal::{SIGINT, SIGTERM};
    [SIGTERM, SIGINT]
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    preview: &mut Preview,
    stop: &AtomicBool,
) -> anyhow::Result<()> {
    let input = super::super::run::spawn_input()?;
    let mut redraw = true;
    while preview.outcome().is_none() {
        if stop.load(Ordering::SeqCst) {
            preview.update(Action::Cancel);
            break;
        }
        if redraw {
            terminal.draw(|frame| crate::ui::preview::draw(frame, preview))?;
        }
        redraw = false;
        match input.recv_timeout(POLL) {
            Ok(ev) => match ev? {
                Event::Key(key) => {
                    if let Some(action) = action_for(&key) {
                        preview.update(action);
                        redraw = true;
                    }
                }
                Event::Resize(..) => redraw = true,
                _ => {}
            },
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => anyhow::bail!("the terminal input closed"),
        }
    }
    Ok(())
}
