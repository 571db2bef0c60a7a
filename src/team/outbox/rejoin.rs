//! Losing the server and finding it again. The listening thread (or a failed statement)
//! reports the loss; a thread of its own then tries to connect again, waiting longer after
//! each failure (never the dashboard's thread: it reads on meanwhile). Once both
//! connections are back and listening, the dashboard swaps them in on its next poll, sends
//! the outbox and reloads the workspace: what others changed meanwhile was not heard.

use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, MutexGuard, PoisonError};
use std::thread;
use std::time::Duration;

use postgres::Client;

use super::Outbox;
use crate::app::Remote;
use crate::store::State;
use crate::team::live::{Heard, Listener, spawn_listener};
use crate::team::{Conninfo, TeamError, TeamStore};

/// The first wait between attempts, doubled after each failure up to [`LONGEST_WAIT`].
const FIRST_WAIT: Duration = Duration::from_millis(200);
const LONGEST_WAIT: Duration = Duration::from_secs(5);

/// How long a check that the connection still answers may take.
const ANSWER: Duration = Duration::from_secs(2);

/// A reconnection under way: its thread's end. Dropping it ends the thread.
pub struct Rejoin {
    rx: Receiver<Rejoined>,
    _alive: Arc<()>,
}

/// Both connections back, the second one listening.
struct Rejoined {
    client: Client,
    heard: Receiver<Heard>,
}

fn spawn(conninfo: Conninfo) -> Rejoin {
    let alive = Arc::new(());
    let token = Arc::downgrade(&alive);
    let (tx, rx) = mpsc::channel();
    // Should the thread not start, the dashboard stays disconnected (and says so).
    let _ = thread::Builder::new()
        .name("duban-rejoin".into())
        .spawn(move || {
            let mut wait = FIRST_WAIT;
            while token.upgrade().is_some() {
                if let Ok(rejoined) = attempt(&conninfo) {
                    let _ = tx.send(rejoined);
                    return;
                }
                thread::sleep(wait);
                wait = (wait * 2).min(LONGEST_WAIT);
            }
        });
    Rejoin { rx, _alive: alive }
}

fn attempt(conninfo: &Conninfo) -> Result<Rejoined, TeamError> {
    let mut client = conninfo.connect()?;
    let own: i32 = client
        .query_one("SELECT pg_backend_pid()", &[])
        .map_err(|e| crate::team::sql(&e))?
        .get(0);
    let heard = spawn_listener(conninfo, own)?;
    Ok(Rejoined { client, heard })
}

impl TeamStore {
    pub(in crate::team) fn outbox(&self) -> MutexGuard<'_, Result<Outbox, String>> {
        self.inner
            .outbox
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Open this dashboard's outbox beside the config.
    pub(in crate::team) fn open_outbox(&self) -> Result<(), TeamError> {
        let dir = self.inner.outbox_dir.get().cloned().or_else(super::dir);
        let opened = match dir {
            Some(dir) => Outbox::open(&dir, &self.inner.conninfo.redacted(), &self.address()),
            None => Err("no config folder for the outbox".into()),
        };
        let problem = opened.as_ref().err().cloned();
        *self.outbox() = opened;
        problem.map_or(Ok(()), |p| Err(TeamError::Refused(format!("outbox {p}"))))
    }

    /// Edits in the outbox, not yet sent.
    pub fn pending(&self) -> usize {
        self.outbox().as_ref().map_or(0, Outbox::pending)
    }

    /// Whether the server is reachable, as far as the dashboard knows.
    pub fn connected(&self) -> bool {
        self.listener().as_ref().is_none_or(Listener::connected)
    }

    /// Whether the connection saves go through still answers.
    pub(in crate::team) fn alive(&self) -> bool {
        let mut client = self.client();
        !client.is_closed() && client.is_valid(ANSWER).is_ok()
    }

    /// The server went away: start reconnecting (once).
    pub(in crate::team) fn lose(&self) {
        if let Some(l) = self.listener().as_mut()
            && l.connected()
        {
            l.rejoin = Some(spawn(self.inner.conninfo.clone()));
        }
    }

    /// A reconnection that came through: swapped in, then caught up.
    pub(in crate::team) fn rejoined(
        &self,
        state: &mut State,
    ) -> Option<Result<Vec<Remote>, TeamError>> {
        let client = {
            let mut l = self.listener();
            let l = l.as_mut()?;
            let back = l.rejoin.as_ref()?.rx.try_recv().ok()?;
            l.rx = back.heard;
            l.rejoin = None;
            back.client
        };
        *self.client() = client;
        Some(self.catch_up(state, true))
    }

    /// Send the outbox; with `reload` (after reconnecting, when changes went unheard) load
    /// the workspace again — unless an edit that cannot wait in the outbox is still only
    /// in memory: then the state stays as it is, for quitting to save.
    pub(in crate::team) fn catch_up(
        &self,
        state: &mut State,
        reload: bool,
    ) -> Result<Vec<Remote>, TeamError> {
        match self.flush(state) {
            Err(_) if !self.alive() => {
                self.lose();
                return Ok(Vec::new());
            }
            Err(e) => return Err(e),
            Ok(()) => {}
        }
        let unsaved = self
            .inner
            .whole_pending
            .swap(false, std::sync::atomic::Ordering::SeqCst);
        if reload && !unsaved {
            return Ok(vec![self.reload(state, String::new())?]);
        }
        Ok(vec![Remote {
            plan: state.name.clone(),
            id: None,
            by: String::new(),
            status: None,
        }])
    }
}
