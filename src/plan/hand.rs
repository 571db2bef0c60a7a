//! Hand entry and correction: requirements added (`duban add`), one field corrected (`duban
//! edit`), moved to the archive (`duban remove`) and brought back (`duban restore`) without
//! re-importing the document.
//!
//! A hand-added requirement is marked [`Requirement::by_hand`]: a revised document does not
//! have it, so `import --merge` keeps it instead of archiving it ([`set_aside`] and
//! [`reinsert`], called around the matching in [`super::merge`]). Categories and items are
//! found by name as the importer compares names ([`name_key`]), and units and deadlines
//! parsed as imported ones ([`Plan::derive_one`]). Every change is one history entry, so the
//! old value of a correction stays readable.
//!
//! Ids are positions: removing a requirement renumbers the ones after it in its item (and,
//! when the item or category empties and goes, the items after it). [`Removal::renumbered`]
//! says how, for snapshots and anything else that names requirements by id.

use serde::{Deserialize, Serialize};

use super::import::name_key;
use super::lifecycle::Stamp;
use super::merge::Archived;
use super::model::{Category, ChangeKind, Item, Levels, Plan, ReqId, Requirement};

/// A requirement's field `duban edit` corrects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    /// The requirement's text.
    Text,
    /// 责任单位 (the units cell as written).
    Units,
    /// 配合单位 (a separate cooperating cell).
    Cooperating,
    /// 时限及要求 as written.
    Deadline,
    /// The name of the item it sits in (shared by the item's requirements).
    Item,
    /// 责任领导.
    Leader,
}

/// What `duban add` adds: where (by name) and the cells, as a document would give them.
#[derive(Debug, Clone, Copy, Default)]
pub struct Draft<'a> {
    pub category: Option<&'a str>,
    pub item: Option<&'a str>,
    pub text: &'a str,
    pub units: &'a str,
    pub deadline: &'a str,
}

/// A hand edit refused: the plan is left as it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HandError {
    #[error("the requirement's text is empty")]
    EmptyText,
    #[error("the item name is empty")]
    EmptyName,
    #[error("this plan has categories: give --category{}", list(.categories))]
    NeedCategory { categories: Vec<String> },
    #[error("give --item: the item in {category} to add to{}", list(.items))]
    NeedItem {
        category: String,
        items: Vec<String>,
    },
    #[error(
        "this plan has no items (its categories hold the requirements directly); leave out --item"
    )]
    NoItems,
    #[error("this plan is a flat list without categories; leave out --category")]
    NoCategories,
    #[error("{category} already has an item named {name}")]
    ItemExists { category: String, name: String },
    #[error("no requirement {0} in this plan")]
    Unknown(ReqId),
    #[error("the item name is the item's, not the requirement's: rename the item")]
    NotOwnField,
}

fn list(names: &[String]) -> String {
    if names.is_empty() {
        String::new()
    } else {
        format!(" (one of: {})", names.join(", "))
    }
}

/// A field corrected: which requirements' histories record it (an item's name is every
/// requirement's of the item), and the values before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edited {
    pub ids: Vec<ReqId>,
    pub from: String,
    pub to: String,
}

/// A requirement moved out of the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Removal {
    /// What goes to the archive: the requirement with its progress, its place by name.
    pub archived: Archived,
    /// (old id, new id) of every requirement the removal renumbered.
    pub renumbered: Vec<(ReqId, ReqId)>,
}

impl Removal {
    /// The id a requirement had before the removal has after it; `None` for the removed one.
    pub fn follow(&self, id: ReqId) -> Option<ReqId> {
        if id == self.archived.requirement.id {
            return None;
        }
        let moved = self.renumbered.iter().find(|(old, _)| *old == id);
        Some(moved.map_or(id, |(_, new)| *new))
    }
}

impl Requirement {
    /// Correct one of its own fields (not [`Field::Item`], which is the item's) to `value`,
    /// recording the old value in the history; derived fields are left to the caller
    /// ([`Plan::rederive`]). `None`: it already says that.
    pub fn correct(
        &mut self,
        field: Field,
        value: &str,
        stamp: &Stamp,
    ) -> Result<Option<String>, HandError> {
        let value = value.trim();
        if field == Field::Text && value.is_empty() {
            return Err(HandError::EmptyText);
        }
        let cell = match field {
            Field::Text => &mut self.text,
            Field::Units => &mut self.units_raw,
            Field::Cooperating => &mut self.cooperating_raw,
            Field::Deadline => &mut self.deadline_raw,
            Field::Leader => &mut self.leader_raw,
            Field::Item => return Err(HandError::NotOwnField),
        };
        if cell.as_str() == value {
            return Ok(None);
        }
        let from = std::mem::replace(cell, value.to_string());
        self.history.push(stamp.change(ChangeKind::Edited {
            field,
            from: from.clone(),
            to: value.to_string(),
        }));
        Ok(Some(from))
    }

    /// The value of `field` as written (the item's name is not the requirement's).
    pub fn field(&self, field: Field) -> Option<&str> {
        Some(match field {
            Field::Text => &self.text,
            Field::Units => &self.units_raw,
            Field::Cooperating => &self.cooperating_raw,
            Field::Deadline => &self.deadline_raw,
            Field::Leader => &self.leader_raw,
            Field::Item => return None,
        })
    }
}

/// Where a requirement goes: an existing category or item (by index), or a new one (by name).
enum Slot {
    Existing(usize),
    New(String),
}

impl Plan {
    /// Add a requirement by hand at the end of its item (created, with its category, when
    /// no category or item has that name); its units and deadline are parsed as imported
    /// ones. Returns its id.
    pub fn add_requirement(
        &mut self,
        draft: &Draft<'_>,
        stamp: &Stamp,
    ) -> Result<ReqId, HandError> {
        let text = draft.text.trim();
        if text.is_empty() {
            return Err(HandError::EmptyText);
        }
        let (c, i) = self.slot(draft.category, draft.item)?;
        let (c, i) = self.make_room(c, i);
        let cat = &mut self.categories[c];
        let item = &mut cat.items[i];
        let id = next_id(cat.number, i, item);
        let mut r = Requirement::underived(
            id,
            text.to_string(),
            draft.units.trim().to_string(),
            draft.deadline.trim().to_string(),
        );
        r.by_hand = true;
        r.history.push(stamp.change(ChangeKind::Added));
        self.derive_one(&mut r);
        let id = r.id;
        self.categories[c].items[i].requirements.push(r);
        Ok(id)
    }

    /// Correct one field of requirement `id` to `value`, the old value kept in the history.
    /// `None`: the field already says that (nothing recorded).
    pub fn edit_field(
        &mut self,
        id: ReqId,
        field: Field,
        value: &str,
        stamp: &Stamp,
    ) -> Result<Option<Edited>, HandError> {
        let value = value.trim();
        if field == Field::Item {
            return self.rename_item(id, value, stamp);
        }
        let derive = self.rederive();
        let r = self.get_mut(id).ok_or(HandError::Unknown(id))?;
        let Some(from) = r.correct(field, value, stamp)? else {
            return Ok(None);
        };
        derive(r);
        Ok(Some(Edited {
            ids: vec![id],
            from,
            to: value.to_string(),
        }))
    }

    /// What [`Plan::derive_one`] does, as a function that holds no borrow of the plan: for
    /// an edit applied to a requirement taken out of it (the dashboard's undoable changes).
    pub fn rederive(&self) -> impl Fn(&mut Requirement) + Copy + use<> {
        let (year, end, levels) = (self.year, self.period().end, self.levels);
        move |r: &mut Requirement| {
            r.derive(year);
            r.period_end = Some(end);
            r.id = r.id.shown_as(levels);
        }
    }

    /// Rename the item requirement `id` sits in; each of its requirements records it.
    fn rename_item(
        &mut self,
        id: ReqId,
        name: &str,
        stamp: &Stamp,
    ) -> Result<Option<Edited>, HandError> {
        if self.levels != Levels::Three {
            return Err(HandError::NoItems);
        }
        if name.is_empty() {
            return Err(HandError::EmptyName);
        }
        let c = self.category_at(id).ok_or(HandError::Unknown(id))?;
        let i = id.item as usize - 1;
        let cat = &mut self.categories[c];
        if cat.items[i].name == name {
            return Ok(None);
        }
        let key = name_key(name);
        if (cat.items.iter().enumerate()).any(|(j, it)| j != i && name_key(&it.name) == key) {
            return Err(HandError::ItemExists {
                category: cat.name.clone(),
                name: name.to_string(),
            });
        }
        let item = &mut cat.items[i];
        let from = std::mem::replace(&mut item.name, name.to_string());
        for r in &mut item.requirements {
            r.history.push(stamp.change(ChangeKind::Edited {
                field: Field::Item,
                from: from.clone(),
                to: name.to_string(),
            }));
        }
        Ok(Some(Edited {
            ids: item.requirements.iter().map(|r| r.id).collect(),
            from,
            to: name.to_string(),
        }))
    }

    /// Where a requirement named by `category` and `item` goes, checked against the levels
    /// the plan has; nothing is created yet.
    fn slot(&self, category: Option<&str>, item: Option<&str>) -> Result<(Slot, Slot), HandError> {
        let (category, item) = (given(category), given(item));
        if !self.levels.has_items() && item.is_some() {
            return Err(HandError::NoItems);
        }
        if !self.levels.has_categories() && category.is_some() {
            return Err(HandError::NoCategories);
        }
        if self.levels.has_categories() && category.is_none() {
            return Err(HandError::NeedCategory {
                categories: self.categories.iter().map(|c| c.name.clone()).collect(),
            });
        }
        if self.levels.has_items() && item.is_none() {
            let found = category.and_then(|c| self.find_category(c));
            return Err(HandError::NeedItem {
                category: found
                    .map_or(category.unwrap_or_default(), |c| &self.categories[c].name)
                    .to_string(),
                items: found.map_or_else(Vec::new, |c| {
                    self.categories[c]
                        .items
                        .iter()
                        .map(|i| i.name.clone())
                        .collect()
                }),
            });
        }
        Ok(self.place(category.unwrap_or_default(), item.unwrap_or_default()))
    }

    /// Where a requirement of `category` and `item` (by name) goes, for the levels the plan
    /// has: a name it lacks the level for is ignored, an unknown one is created.
    fn place(&self, category: &str, item: &str) -> (Slot, Slot) {
        let first_item = |c: usize| {
            if self.categories[c].items.is_empty() {
                Slot::New(String::new())
            } else {
                Slot::Existing(0)
            }
        };
        if !self.levels.has_categories() {
            return match self.categories.first() {
                Some(_) => (Slot::Existing(0), first_item(0)),
                None => (Slot::New(String::new()), Slot::New(String::new())),
            };
        }
        let Some(c) = self.find_category(category) else {
            let item = if self.levels.has_items() { item } else { "" };
            return (Slot::New(category.to_string()), Slot::New(item.to_string()));
        };
        if !self.levels.has_items() {
            return (Slot::Existing(c), first_item(c));
        }
        let key = name_key(item);
        let at = (self.categories[c].items.iter()).position(|i| name_key(&i.name) == key);
        (
            Slot::Existing(c),
            at.map_or_else(|| Slot::New(item.to_string()), Slot::Existing),
        )
    }

    /// A category by name as the importer compares names, or by its number ("2").
    fn find_category(&self, name: &str) -> Option<usize> {
        let key = name_key(name);
        (self
            .categories
            .iter()
            .position(|c| name_key(&c.name) == key))
        .or_else(|| {
            let n: u32 = name.trim().parse().ok()?;
            self.categories.iter().position(|c| c.number == n)
        })
    }

    /// Create what `slot` names as new; returns (category index, item index).
    fn make_room(&mut self, category: Slot, item: Slot) -> (usize, usize) {
        let c = match category {
            Slot::Existing(c) => c,
            Slot::New(name) => {
                let number = self.categories.iter().map(|c| c.number).max().unwrap_or(0) + 1;
                let name = super::import::strip_number(&name);
                self.categories.push(Category {
                    number,
                    name,
                    items: Vec::new(),
                });
                self.categories.len() - 1
            }
        };
        let items = &mut self.categories[c].items;
        let i = match item {
            Slot::Existing(i) => i,
            Slot::New(name) => {
                items.push(Item {
                    name: super::import::strip_number(&name),
                    requirements: Vec::new(),
                });
                items.len() - 1
            }
        };
        (c, i)
    }

    /// The index of the category `id` is in, when its item and requirement exist.
    fn category_at(&self, id: ReqId) -> Option<usize> {
        self.get(id)?;
        self.category_index(id.category)
    }

    /// Give every requirement its positional id again; returns the ids that changed.
    fn renumber(&mut self) -> Vec<(ReqId, ReqId)> {
        let levels = self.levels;
        let mut changed = Vec::new();
        for c in &mut self.categories {
            for (i, item) in (1..).zip(&mut c.items) {
                for (k, r) in (1..).zip(&mut item.requirements) {
                    let id = ReqId::new(c.number, i, k).shown_as(levels);
                    if r.id != id {
                        changed.push((r.id, id));
                        r.id = id;
                    }
                }
            }
        }
        changed
    }
}

/// A name given, trimmed; `None` when blank.
fn given(name: Option<&str>) -> Option<&str> {
    name.map(str::trim).filter(|s| !s.is_empty())
}

/// The id after the last requirement of `item`, the `i`-th (0-based) of category `number`.
fn next_id(number: u32, i: usize, item: &Item) -> ReqId {
    let at = |n: usize| u32::try_from(n + 1).unwrap_or(u32::MAX);
    ReqId::new(number, at(i), at(item.requirements.len()))
}

mod aside;
mod removal;

pub use aside::{Aside, Kept, reinsert, set_aside};

#[cfg(test)]
mod tests;
