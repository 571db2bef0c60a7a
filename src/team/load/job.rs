//! Building a load's base on a thread of its own. Copying every requirement of a large
//! workspace for the base cost more than the rest of the load after the query; instead the
//! rows as read (their bytes are already in memory) are read a second time, into
//! requirements without their derived fields, while the workspace goes on to the first
//! frame. The store waits for the base only when it first needs it (a save, a change
//! heard): by then it is long done.

use std::collections::HashMap;
use std::sync::mpsc;

use postgres::Row;

use super::{Base, BaseReq, Loaded, from_text, history_of};
use crate::plan::{ReqId, Requirement};
use crate::store::State;
use crate::team::rows::{ReqKey, category_numbers};

/// Below this many rows the base is built at once.
const IN_PLACE: usize = 1000;

/// A base requirement with its place in the tree (category order, item, requirement).
type Placed = ((usize, u32, u32), ReqKey, BaseReq);

/// What the base is built from.
pub struct Job {
    /// The workspace and plan rows (taken from the state); `run` adds the requirements.
    pub heads: Base,
    /// Each plan's categories' places in its tree, by number: positions are tree order.
    pub order: HashMap<String, HashMap<u32, usize>>,
    pub requirements: Vec<Row>,
    pub history: Vec<Row>,
}

/// Where each active plan's categories stand in its tree.
pub fn tree_order(state: &State) -> HashMap<String, HashMap<u32, usize>> {
    (state.plans().iter())
        .map(|p| (p.name.clone(), category_numbers(&p.plan)))
        .collect()
}

impl Job {
    /// On a thread of its own; should none start, or the workspace be small (a thread
    /// costs more than a few hundred rows), here and now.
    pub fn start(self) -> Loaded {
        if self.requirements.len() < IN_PLACE {
            return Loaded::Ready(self.run());
        }
        let (tx, rx) = mpsc::channel::<Job>();
        let spawned = std::thread::Builder::new()
            .name("duban-base".into())
            .spawn(move || rx.recv().map(Job::run).unwrap_or_default());
        match spawned {
            Ok(handle) => match tx.send(self) {
                Ok(()) => Loaded::Later(handle),
                Err(mpsc::SendError(job)) => Loaded::Ready(job.run()),
            },
            Err(_) => Loaded::Ready(self.run()),
        }
    }

    fn run(self) -> Base {
        // The same rows the workspace was read from, so they read the same; a row that
        // did not would have failed the load already. One missing here only makes a save
        // treat its requirement as new, which the server refuses as a clash.
        let mut history = history_of(&self.history).unwrap_or_default();
        let mut by_plan: HashMap<String, Vec<Placed>> = HashMap::new();
        for row in &self.requirements {
            let key: ReqKey = (row.get(0), row.get(1));
            let Ok(mut req) = from_text::<Requirement>(row, 2, String::new) else {
                continue;
            };
            let Some(order) = self.order.get(&key.0) else {
                continue;
            };
            let Ok(id) = key.1.parse::<ReqId>() else {
                continue;
            };
            let Some(&category) = order.get(&id.category) else {
                continue;
            };
            if let Some(entries) = history.remove(&key) {
                req.history = entries;
            }
            let version = row.get(3);
            let b = BaseReq {
                position: 0,
                req,
                version,
            };
            let place = (category, id.item, id.requirement);
            by_plan
                .entry(key.0.clone())
                .or_default()
                .push((place, key, b));
        }
        let mut reqs = HashMap::with_capacity(self.requirements.len());
        for mut rows in by_plan.into_values() {
            // A requirement's position is its place in its plan's tree.
            rows.sort_unstable_by_key(|(place, _, _)| *place);
            for (i, (_, key, mut b)) in rows.into_iter().enumerate() {
                b.position = i32::try_from(i).unwrap_or(i32::MAX);
                reqs.insert(key, b);
            }
        }
        Base { reqs, ..self.heads }
    }
}
