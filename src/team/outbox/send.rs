//! Sending the outbox: each entry in a transaction of its own, `WHERE version =` the version
//! it was made on. A row someone else changed meanwhile is a clash, shown as one made while
//! connected: the edit is kept (re-apply or drop), and stays in the file until then. A row
//! that already holds the edit (sent, then duban died before the file was rewritten) counts
//! as sent.

use postgres::Client;

use super::Entry;
use crate::plan::{ReqId, Requirement};
use crate::store::State;
use crate::team::persist::KeptEdit;
use crate::team::rows::{self, ReqKey};
use crate::team::save::{requirement_clash, write_history};
use crate::team::{Clash, TeamError, TeamStore, sql};

impl TeamStore {
    /// Send every entry not held by a kept edit, in order; `state` gets each sent edit.
    /// Stops at the first error that is not a clash (the rest stay in the outbox).
    pub(in crate::team) fn flush(&self, state: &mut State) -> Result<(), TeamError> {
        let shown = state.name.clone();
        let result = self.flush_all(state);
        let _ = state.focus(&shown);
        result
    }

    fn flush_all(&self, state: &mut State) -> Result<(), TeamError> {
        let refused = |e: String| TeamError::Refused(format!("outbox {e}"));
        loop {
            let mut entries = match &*self.outbox() {
                Ok(o) => o.entries().to_vec(),
                Err(_) => return Ok(()),
            };
            let Some(i) = entries.iter().position(|e| !e.held) else {
                return Ok(());
            };
            let mut e = entries[i].clone();
            let Ok(id) = e.id.parse::<ReqId>() else {
                // Not an id this duban writes: kept in the file, never sent.
                entries[i].held = true;
                self.outbox()
                    .as_mut()
                    .map_err(|e| refused(e.clone()))?
                    .replace(entries)
                    .map_err(refused)?;
                continue;
            };
            let key: ReqKey = (e.plan.clone(), e.id.clone());
            let placed = state.focus(&e.plan).is_ok();
            if placed {
                state.plan.derive_one(&mut e.before);
                state.plan.derive_one(&mut e.mine);
            }
            let user = self.inner.user.as_deref();
            let sent = if placed {
                send(&mut self.client(), &key, &e, user)
            } else {
                Err(TeamError::Clash(gone(&key)))
            };
            match sent {
                Ok(version) => {
                    entries.remove(i);
                    // Later edits of the same requirement were made on top of this one.
                    for later in entries.iter_mut().skip(i) {
                        if later.plan == e.plan && later.id == e.id && later.version == e.version {
                            later.version = version;
                        }
                    }
                    if let Some(r) = state.plan.get_mut(id) {
                        *r = e.mine.clone();
                    }
                    if let Some(b) = self.base().reqs.get_mut(&key) {
                        b.req = e.mine.clone();
                        b.version = version;
                    }
                }
                Err(TeamError::Clash(clash)) => {
                    // This edit and every later one of the requirement: one kept edit.
                    let mut mine = e.mine.clone();
                    for later in entries.iter_mut().skip(i) {
                        if later.plan == e.plan && later.id == e.id {
                            later.held = true;
                            mine = later.mine.clone();
                            if placed {
                                state.plan.derive_one(&mut mine);
                            }
                        }
                    }
                    self.keep_sent(KeptEdit::new(e.plan.clone(), e.before.clone(), mine, clash));
                }
                Err(TeamError::Denied(why)) => {
                    // Refused for good while this dashboard runs: held in the file (with
                    // every later edit of the requirement), said once, not tried on every
                    // poll. The other entries go on being sent.
                    for later in entries.iter_mut().skip(i) {
                        if later.plan == e.plan && later.id == e.id {
                            later.held = true;
                            later.refused = Some(why.clone());
                        }
                    }
                    let mut outbox = self.outbox();
                    let outbox = outbox.as_mut().map_err(|e| refused(e.clone()))?;
                    outbox.replace(entries).map_err(refused)?;
                    return Err(TeamError::Denied(format!(
                        "{}:{} kept in the outbox ({}): {why}",
                        e.plan,
                        e.id,
                        outbox.path().display()
                    )));
                }
                Err(other) => return Err(other),
            }
            self.outbox()
                .as_mut()
                .map_err(|e| refused(e.clone()))?
                .replace(entries)
                .map_err(refused)?;
        }
    }
}

/// The clash of an edit whose plan is gone.
fn gone(key: &ReqKey) -> Clash {
    Clash {
        what: format!("{}:{}", key.0, key.1),
        by: None,
        login: None,
        status: None,
        at: None,
    }
}

/// One entry, checked against its version; the row's new version.
fn send(
    client: &mut Client,
    key: &ReqKey,
    e: &Entry,
    user: Option<&str>,
) -> Result<i64, TeamError> {
    let damaged = |e: serde_json::Error| TeamError::Damaged(e.to_string());
    let data = rows::requirement_data(&e.mine).map_err(damaged)?;
    let units = rows::unit_names(&e.mine);
    let mut tx = client.transaction().map_err(|e| sql(&e))?;
    let row = tx
        .query_opt(
            "UPDATE duban.requirements SET data = $3, units = $4, updated_by = $5,
             version = version + 1
             WHERE plan = $1 AND id = $2 AND version = $6 RETURNING version",
            &[&key.0, &key.1, &data, &units, &user, &e.version],
        )
        .map_err(|e| sql(&e))?;
    if let Some(row) = row {
        write_history(&mut tx, key, &e.before.history, &e.mine.history)?;
        tx.commit().map_err(|e| sql(&e))?;
        return Ok(row.get(0));
    }
    let now = tx
        .query_opt(
            "SELECT data, version FROM duban.requirements WHERE plan = $1 AND id = $2",
            &[&key.0, &key.1],
        )
        .map_err(|e| sql(&e))?;
    if let Some(now) = now
        && now.get::<_, serde_json::Value>(0) == data
        && already_recorded(&mut tx, key, &e.mine)?
    {
        return Ok(now.get(1));
    }
    Err(requirement_clash(&mut tx, key))
}

/// Whether the row's history already ends as the edit's does (the edit was sent before).
fn already_recorded(
    tx: &mut postgres::Transaction<'_>,
    key: &ReqKey,
    mine: &Requirement,
) -> Result<bool, TeamError> {
    let n: i64 = tx
        .query_one(
            "SELECT count(*) FROM duban.history WHERE plan = $1 AND req = $2",
            &[&key.0, &key.1],
        )
        .map_err(|e| sql(&e))?
        .get(0);
    Ok(usize::try_from(n).is_ok_and(|n| n == mine.history.len()))
}
