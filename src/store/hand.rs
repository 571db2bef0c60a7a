//! Hand removal and restore on one plan of the workspace: the plan's part is
//! [`crate::plan::hand`]; here its archive receives or gives back the requirement and its
//! snapshots follow the renumbering, so `report --since` keeps comparing each requirement
//! with its own past.

use super::PlanState;
use crate::plan::hand::{HandError, Removal};
use crate::plan::lifecycle::Stamp;
use crate::plan::snapshot::remap_ids;
use crate::plan::{IdArg, ReqId};

impl PlanState {
    /// Move requirement `id` to the archive (`duban remove`); snapshots follow the ids.
    pub fn remove_requirement(&mut self, id: ReqId, stamp: &Stamp) -> Result<Removal, HandError> {
        let removal = self.plan.remove_requirement(id, stamp)?;
        remap_ids(&mut self.snapshots, |id| removal.follow(id));
        self.archived.push(removal.archived.clone());
        Ok(removal)
    }

    /// The archive entry `id` names (its id as kept, or the document's number): the most
    /// recently archived when several do. Also how many others it names.
    pub fn find_archived(&self, id: &IdArg) -> Option<(usize, usize)> {
        let levels = self.plan.levels;
        let named: Vec<usize> = (self.archived.iter().enumerate())
            .filter(|(_, a)| id.names_kept(&a.requirement, levels))
            .map(|(i, _)| i)
            .collect();
        let latest = named
            .iter()
            .copied()
            .max_by_key(|&i| (self.archived[i].archived_at, i))?;
        Some((latest, named.len() - 1))
    }

    /// Bring archive entry `index` back into the plan (`duban restore`): its new id.
    /// `None`: no such entry.
    pub fn restore_archived(&mut self, index: usize, stamp: &Stamp) -> Option<ReqId> {
        (index < self.archived.len()).then(|| {
            let archived = self.archived.remove(index);
            self.plan.restore_requirement(archived, stamp)
        })
    }
}
