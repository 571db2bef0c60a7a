//! Removing a requirement to the archive and bringing it back.

use super::super::lifecycle::Stamp;
use super::super::merge::Archived;
use super::super::model::{ChangeKind, Plan, ReqId};
use super::{Aside, HandError, Removal, next_id};

impl Plan {
    /// Take requirement `id` out of the plan for the archive, with its progress; an item or
    /// category left empty goes too. The ones after it are renumbered.
    pub fn remove_requirement(&mut self, id: ReqId, stamp: &Stamp) -> Result<Removal, HandError> {
        let (mut out, renumbered) = self.withdraw(id).ok_or(HandError::Unknown(id))?;
        out.requirement
            .history
            .push(stamp.change(ChangeKind::Removed));
        let archived = Archived {
            category: out.category,
            item: out.item,
            plan: self.title.clone(),
            year: self.year,
            archived_at: stamp.at,
            requirement: out.requirement,
        };
        Ok(Removal {
            archived,
            renumbered,
        })
    }

    /// Bring an archived requirement back, with its progress, at the end of its item (found
    /// by name, else created with its category). Returns its new id.
    pub fn restore_requirement(&mut self, archived: Archived, stamp: &Stamp) -> ReqId {
        let mut requirement = archived.requirement;
        requirement.history.push(stamp.change(ChangeKind::Restored));
        self.put(Aside {
            category: archived.category,
            item: archived.item,
            requirement,
        })
    }

    /// Take requirement `id` out as it is (nothing recorded), with its place by name; an
    /// item or category left empty goes too. Also the (old, new) ids it renumbered.
    pub fn withdraw(&mut self, id: ReqId) -> Option<(Aside, Vec<(ReqId, ReqId)>)> {
        let c = self.category_at(id)?;
        let (i, k) = (id.item as usize - 1, id.requirement as usize - 1);
        let cat = &mut self.categories[c];
        let requirement = cat.items[i].requirements.remove(k);
        let out = Aside {
            category: cat.name.clone(),
            item: cat.items[i].name.clone(),
            requirement,
        };
        if cat.items[i].requirements.is_empty() {
            cat.items.remove(i);
        }
        if cat.items.is_empty() {
            self.categories.remove(c);
        }
        Some((out, self.renumber()))
    }

    /// Put a requirement at the end of its item, found by name (or created, with its
    /// category), derived for this plan; returns its id there.
    pub fn put(&mut self, aside: Aside) -> ReqId {
        let (category, item) = self.place(&aside.category, &aside.item);
        let (c, i) = self.make_room(category, item);
        let cat = &self.categories[c];
        let mut r = aside.requirement;
        r.id = next_id(cat.number, i, &cat.items[i]);
        self.derive_one(&mut r);
        let id = r.id;
        self.categories[c].items[i].requirements.push(r);
        id
    }
}
