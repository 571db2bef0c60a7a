//! Live updates: a second connection LISTENs on its login's channels in a thread of its
//! own and hands each notification to the dashboard, which brings in just the changed
//! requirement (its row and history), or reloads the workspace when a plan or the
//! workspace row changed.
//! Changes made on this store's own connection do not echo.

use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::Duration;

use postgres::fallible_iterator::FallibleIterator;
use serde_json::Value;

use super::{TeamError, TeamStore, sql};
use crate::app::Remote;
use crate::plan::{ReqId, Requirement};
use crate::store::State;

/// One notification's payload.
#[derive(Debug, Clone, serde::Deserialize)]
pub(super) struct Notice {
    table: String,
    op: String,
    plan: Option<String>,
    id: Option<String>,
    version: Option<i64>,
    by: Option<String>,
    login: Option<String>,
}

/// What the listening thread hears.
pub(super) enum Heard {
    Notice(Notice),
    /// Its connection broke: the server went away (or the network did).
    Lost,
}

/// How long the listening thread waits for a notification before it checks that its
/// connection still answers: how soon a lost server is noticed.
const CHECK: Duration = Duration::from_millis(500);

/// The listening thread's end: notifications in arrival order; once the connection is
/// lost, the reconnecting thread's end.
pub struct Listener {
    pub(super) rx: Receiver<Heard>,
    pub(super) rejoin: Option<super::outbox::Rejoin>,
}

impl Listener {
    /// Whether the store is reachable (no reconnection under way).
    pub fn connected(&self) -> bool {
        self.rejoin.is_none()
    }
}

/// Connect a second time, LISTEN, and hand what is heard to a thread of its own;
/// notifications from `own` (the backend of the connection saves go through) are ours.
pub(super) fn spawn_listener(
    conninfo: &super::Conninfo,
    own: i32,
) -> Result<Receiver<Heard>, TeamError> {
    let mut client = conninfo.connect()?;
    // The channels this login may hear (a liaison: only their units'; migration 0003).
    let channels: Vec<String> = client
        .query_one(
            "SELECT array(SELECT quote_ident(c) FROM unnest(duban.my_channels()) c)",
            &[],
        )
        .map_err(|e| sql(&e))?
        .get(0);
    for channel in channels {
        client
            .batch_execute(&format!("LISTEN {channel}"))
            .map_err(|e| sql(&e))?;
    }
    let (tx, rx) = mpsc::channel();
    thread::Builder::new()
        .name("duban-listen".into())
        .spawn(move || {
            loop {
                let heard = {
                    let mut notifications = client.notifications();
                    let mut it = notifications.timeout_iter(CHECK);
                    loop {
                        match it.next() {
                            Ok(Some(n)) if n.process_id() == own => {}
                            Ok(Some(n)) => {
                                if let Ok(notice) = serde_json::from_str::<Notice>(n.payload()) {
                                    break Some(Heard::Notice(notice));
                                }
                            }
                            Ok(None) => break None,
                            Err(_) => break Some(Heard::Lost),
                        }
                    }
                };
                let heard = match heard {
                    Some(h) => h,
                    // Quiet for a while: does the server still answer?
                    None if client.is_valid(CHECK * 4).is_ok() => continue,
                    None => Heard::Lost,
                };
                let lost = matches!(heard, Heard::Lost);
                if tx.send(heard).is_err() || lost {
                    return; // The dashboard is gone, or so is the server.
                }
            }
        })
        .map_err(|e| TeamError::Sql(e.to_string()))?;
    Ok(rx)
}

impl TeamStore {
    /// Start listening (the dashboard calls it once) and open the outbox, sending what a
    /// previous run left in it on the next [`TeamStore::remote`]; later calls bring in what
    /// others committed.
    pub fn listen(&self) -> Result<(), TeamError> {
        let own = self.backend_pid()?;
        let rx = spawn_listener(&self.inner.conninfo, own)?;
        *self.listener() = Some(Listener { rx, rejoin: None });
        self.open_outbox()
    }

    pub(super) fn backend_pid(&self) -> Result<i32, TeamError> {
        Ok(self
            .client()
            .query_one("SELECT pg_backend_pid()", &[])
            .map_err(|e| sql(&e))?
            .get(0))
    }

    pub(super) fn listener(&self) -> std::sync::MutexGuard<'_, Option<Listener>> {
        self.inner
            .listener
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Bring what others committed since the last call into `state`: each changed
    /// requirement reread, a whole reload when a plan or the workspace changed. After the
    /// server came back (or at the first call, with an outbox a previous run left), the
    /// outbox is sent and the workspace reloaded. A lost connection is no error: the
    /// dashboard reads on, and edits go to the outbox.
    pub fn remote(&self, state: &mut State) -> Result<Vec<Remote>, TeamError> {
        if let Some(caught_up) = self.rejoined(state) {
            return caught_up;
        }
        let mut notices = Vec::new();
        let mut lost = false;
        if let Some(l) = self.listener().as_ref().filter(|l| l.connected()) {
            while let Ok(heard) = l.rx.try_recv() {
                match heard {
                    Heard::Notice(n) => notices.push(n),
                    Heard::Lost => lost = true,
                }
            }
        }
        if lost {
            self.lose();
        }
        if !self.connected() {
            // What was heard is brought in by the reload after reconnecting.
            return Ok(Vec::new());
        }
        if self.pending() > 0 {
            return self.catch_up(state, false);
        }
        match self.bring_in(state, &notices) {
            Err(_) if !self.alive() => {
                self.lose();
                Ok(Vec::new())
            }
            other => other,
        }
    }

    fn bring_in(&self, state: &mut State, notices: &[Notice]) -> Result<Vec<Remote>, TeamError> {
        let mut out = Vec::new();
        let mut whole = false;
        for n in notices {
            let single = n.table == "requirements" && n.op == "update";
            let id = n.id.as_deref().and_then(|i| i.parse::<ReqId>().ok());
            let (Some(plan), Some(id), Some(version), true) = (&n.plan, id, n.version, single)
            else {
                whole |= n.table != "history";
                continue;
            };
            let key = (plan.clone(), id.canonical().to_string());
            if self
                .base()
                .reqs
                .get(&key)
                .is_some_and(|b| b.version >= version)
            {
                continue; // Already here (a save of ours, or an earlier reread).
            }
            match self.reread(state, plan, id)? {
                Some(status) => out.push(Remote {
                    plan: plan.clone(),
                    id: Some(id),
                    by: n.by.clone().or_else(|| n.login.clone()).unwrap_or_default(),
                    status: Some(status),
                }),
                None => whole = true,
            }
        }
        if whole {
            let by = notices
                .last()
                .and_then(|n| n.by.clone().or_else(|| n.login.clone()));
            out.push(self.reload(state, by.unwrap_or_default())?);
        }
        Ok(out)
    }

    /// Load the workspace again into `state`, on the plan it shows.
    pub(super) fn reload(&self, state: &mut State, by: String) -> Result<Remote, TeamError> {
        let shown = state.name.clone();
        if let Some(mut fresh) = self.load()? {
            let _ = fresh.focus(&shown);
            *state = fresh;
        }
        Ok(Remote {
            plan: state.name.clone(),
            id: None,
            by,
            status: None,
        })
    }

    /// Reread one requirement into `state` and the base; `None` when it has no place
    /// there (then the workspace is reloaded).
    fn reread(
        &self,
        state: &mut State,
        plan: &str,
        id: ReqId,
    ) -> Result<Option<crate::plan::Status>, TeamError> {
        let key = (plan.to_string(), id.canonical().to_string());
        let (req, version) = {
            let mut client = self.client();
            let Some(row) = client
                .query_opt(
                    "SELECT data, version FROM duban.requirements WHERE plan = $1 AND id = $2",
                    &[&key.0, &key.1],
                )
                .map_err(|e| sql(&e))?
            else {
                return Ok(None);
            };
            let mut data: Value = row.get(0);
            let version: i64 = row.get(1);
            let history = client
                .query(
                    "SELECT entry, login, at FROM duban.history WHERE plan = $1 AND req = $2
                     ORDER BY seq",
                    &[&key.0, &key.1],
                )
                .map_err(|e| sql(&e))?;
            let entries: Vec<Value> = history
                .iter()
                .map(|h| {
                    let mut entry: Value = h.get(0);
                    if let Some(map) = entry.as_object_mut() {
                        map.insert("login".into(), Value::String(h.get(1)));
                        let at: chrono::DateTime<chrono::Utc> = h.get(2);
                        map.insert("recorded".into(), Value::String(at.to_rfc3339()));
                    }
                    entry
                })
                .collect();
            data["history"] = Value::Array(entries);
            let Ok(req) = serde_json::from_value::<Requirement>(data) else {
                return Ok(None);
            };
            (req, version)
        };
        let shown = state.name.clone();
        if state.focus(plan).is_err() {
            return Ok(None);
        }
        let mut req = req;
        state.plan.derive_one(&mut req);
        let status = req.status;
        let mut base = self.base();
        let placed = match (state.plan.get_mut(id), base.reqs.get_mut(&key)) {
            (Some(local), Some(b)) => {
                // An edit of ours that failed to save: kept, as after a clash.
                let unsaved = (!b.req.same_stored(local)).then(|| (b.req.clone(), local.clone()));
                *local = req.clone();
                b.req = req;
                b.version = version;
                Some(unsaved)
            }
            _ => None,
        };
        drop(base);
        let _ = state.focus(&shown);
        match placed {
            Some(Some((mut before, mine))) => {
                // The base holds stored fields only.
                if state.focus(plan).is_ok() {
                    state.plan.derive_one(&mut before);
                }
                let _ = state.focus(&shown);
                self.keep_unsaved(plan, before, mine);
            }
            Some(None) => {}
            None => return Ok(None),
        }
        Ok(Some(status))
    }
}
