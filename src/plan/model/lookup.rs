//! Finding a requirement by id: by its place in a whole plan, by a scan of its category in
//! a partial one (a unit liaison's, whose requirements keep the office's ids).

use super::{Plan, ReqId, Requirement};

impl Plan {
    /// Ids are positional, so lookup is direct indexing, not a scan. A partial plan (a
    /// unit liaison's: only their requirements, each keeping the office's id) is scanned
    /// within the category where the place does not hold the id.
    pub fn get(&self, id: ReqId) -> Option<&Requirement> {
        let cat = self.category(id.category)?;
        let (i, k) = place(id)?;
        let at = cat.items.get(i).and_then(|it| it.requirements.get(k));
        at.filter(|r| r.id == id)
            .or_else(|| cat.requirements().find(|r| r.id == id))
    }

    pub fn get_mut(&mut self, id: ReqId) -> Option<&mut Requirement> {
        let ci = self.category_index(id.category)?;
        let (i, k) = place(id)?;
        let cat = self.categories.get_mut(ci)?;
        let placed = cat
            .items
            .get(i)
            .and_then(|it| it.requirements.get(k))
            .is_some_and(|r| r.id == id);
        if placed {
            return cat.items.get_mut(i)?.requirements.get_mut(k);
        }
        cat.items
            .iter_mut()
            .flat_map(|it| it.requirements.iter_mut())
            .find(|r| r.id == id)
    }
}

/// The item and requirement indexes an id names in a whole plan.
fn place(id: ReqId) -> Option<(usize, usize)> {
    Some((
        usize::try_from(id.item.checked_sub(1)?).ok()?,
        usize::try_from(id.requirement.checked_sub(1)?).ok()?,
    ))
}
