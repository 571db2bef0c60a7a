//! Putting the rows back together into the workspace: each requirement moved into its place
//! in its plan's tree as it is read (none copied, none kept aside), each item's put in id
//! order (rows come in the server's order), the history attached, then the whole checked
//! and derived as the state file's reader does (ids against the tree, units, deadlines).
//! This is the team store's start-up, so it is built for 100,000 rows.

use std::collections::HashMap;

use super::{PlanRow, ReqKey, ReqRow, WorkspaceRow};
use crate::plan::{Change, Plan, ReqId, Requirement};
use crate::store::State;

/// The plans as read, taking their requirements one by one.
pub struct Placer {
    plans: Vec<PlanRow>,
    /// An active plan's index in `plans` and its categories' places by number.
    index: HashMap<String, (usize, HashMap<u32, usize>)>,
}

impl Placer {
    pub fn new(plans: Vec<PlanRow>) -> Placer {
        let index = (plans.iter().enumerate())
            .filter(|(_, p)| !p.removed)
            .map(|(i, p)| (p.name.clone(), (i, category_numbers(&p.header.plan))))
            .collect();
        Placer { plans, index }
    }

    /// Whether any plan is active (a workspace with none is empty).
    pub fn any_active(&self) -> bool {
        !self.index.is_empty()
    }

    /// Append the requirement `id` of `plan` to the item its id names.
    pub fn place(&mut self, plan: &str, id: &str, req: Requirement) -> Result<(), String> {
        let Some((i, numbers)) = self.index.get(plan) else {
            return Err(format!(
                "requirements of a plan `{plan}` that is not in the workspace"
            ));
        };
        let misplaced = || format!("plan `{plan}`: requirement {id} has no place in the tree");
        let parsed: ReqId = id.parse().map_err(|_| misplaced())?;
        let tree = &mut self.plans[*i].header.plan;
        let item = item_of(tree, numbers, parsed).ok_or_else(misplaced)?;
        item.requirements.push(req);
        Ok(())
    }

    /// The workspace: items in id order, the history attached, checked and derived.
    pub fn finish(
        mut self,
        workspace: Option<WorkspaceRow>,
        history: HashMap<ReqKey, Vec<Change>>,
    ) -> Result<State, String> {
        for p in self.plans.iter_mut().filter(|p| !p.removed) {
            let items = p
                .header
                .plan
                .categories
                .iter_mut()
                .flat_map(|c| &mut c.items);
            for item in items {
                if !item.requirements.is_sorted_by_key(|r| r.id) {
                    item.requirements.sort_by_key(|r| r.id);
                }
            }
        }
        for ((plan, id), entries) in history {
            // A trail whose requirement is not here (moved aside) stays on the server.
            let Some((i, numbers)) = self.index.get(&plan) else {
                continue;
            };
            let Ok(id) = id.parse::<ReqId>() else {
                continue;
            };
            let tree = &mut self.plans[*i].header.plan;
            let found = item_of(tree, numbers, id)
                .and_then(|item| item.requirements.iter_mut().find(|r| r.id == id));
            if let Some(r) = found {
                r.history = entries;
            }
        }
        let (mut active, mut removed) = (Vec::new(), Vec::new());
        for p in self.plans {
            if p.removed {
                removed.push(p.header);
            } else {
                active.push(p.header);
            }
        }
        let workspace = workspace.unwrap_or_default();
        crate::store::state_from_parts(
            active,
            removed,
            workspace.merge_notice,
            workspace.notices.unwrap_or_default(),
        )
    }
}

/// The rows read in full beforehand (a liaison's, with placeholders), put together.
pub fn assemble(
    workspace: Option<WorkspaceRow>,
    plans: Vec<PlanRow>,
    requirements: Vec<ReqRow>,
    history: HashMap<ReqKey, Vec<Change>>,
) -> Result<State, String> {
    let mut placer = Placer::new(plans);
    for row in requirements {
        placer.place(&row.plan, &row.id, row.data)?;
    }
    placer.finish(workspace, history)
}

/// Each category's position in the tree by its number, looked up once per plan: a linear
/// search per row made a 100k-requirement load quadratic.
pub(in crate::team) fn category_numbers(plan: &Plan) -> HashMap<u32, usize> {
    let mut numbers = HashMap::new();
    for (i, c) in plan.categories.iter().enumerate() {
        // The first of a repeated number; the reader refuses a repeated one anyway.
        numbers.entry(c.number).or_insert(i);
    }
    numbers
}

/// The item an id names, by its category's number and the item's place.
fn item_of<'a>(
    plan: &'a mut Plan,
    numbers: &HashMap<u32, usize>,
    id: ReqId,
) -> Option<&'a mut crate::plan::Item> {
    let category = plan.categories.get_mut(*numbers.get(&id.category)?)?;
    let index = usize::try_from(id.item).ok()?.checked_sub(1)?;
    category.items.get_mut(index)
}
