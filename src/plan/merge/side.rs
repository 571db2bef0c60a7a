//! One plan as pairing sees it: its requirements in document order, each with the folded
//! text, bigrams, units and deadline it is compared by, and where it sits in its item.

use std::hash::{BuildHasher, Hasher};

use super::text::bigrams;
use crate::plan::import::compare_key;
use crate::plan::model::{Plan, Requirement};

pub(super) struct Entry<'a> {
    pub req: &'a Requirement,
    /// Index into [`Side::items`].
    pub item: usize,
    /// Position among its item's requirements.
    pub pos: usize,
    /// Text as compared: no whitespace, full-width ASCII folded.
    pub key: String,
    pub grams: Vec<u64>,
    /// Hashes of the folded units (lead and cooperating) and deadline cells: compared only
    /// as evidence, so a collision costs nothing but a point of it.
    pub units: u64,
    pub deadline: u64,
}

/// An item: its folded category and item names, and its requirements' range in
/// [`Side::reqs`].
pub(super) struct ItemInfo {
    pub category: String,
    pub name: String,
    pub start: usize,
    pub len: usize,
}

pub(super) struct Side<'a> {
    pub reqs: Vec<Entry<'a>>,
    pub items: Vec<ItemInfo>,
}

impl<'a> Side<'a> {
    pub fn of(plan: &'a Plan) -> Side<'a> {
        let mut reqs = Vec::with_capacity(plan.requirement_count());
        let mut items = Vec::with_capacity(plan.item_count());
        for c in &plan.categories {
            let category = compare_key(&c.name);
            for i in &c.items {
                let item = items.len();
                items.push(ItemInfo {
                    category: category.clone(),
                    name: compare_key(&i.name),
                    start: reqs.len(),
                    len: i.requirements.len(),
                });
                for (pos, r) in i.requirements.iter().enumerate() {
                    let key = compare_key(&r.text);
                    let grams = bigrams(&key);
                    reqs.push(Entry {
                        req: r,
                        item,
                        pos,
                        key,
                        grams,
                        units: folded_hash(&[&r.units_raw, &r.cooperating_raw]),
                        deadline: folded_hash(&[&r.deadline_raw]),
                    });
                }
            }
        }
        Side { reqs, items }
    }

    pub fn len(&self) -> usize {
        self.reqs.len()
    }

    /// The requirements of item `item`, as indices into [`Side::reqs`].
    pub fn in_item(&self, item: usize) -> std::ops::Range<usize> {
        let i = &self.items[item];
        i.start..i.start + i.len
    }
}

/// The characters of `cells` as [`compare_key`] folds them, hashed, without building the key.
fn folded_hash(cells: &[&str]) -> u64 {
    let mut h = foldhash::fast::FixedState::default().build_hasher();
    for cell in cells {
        for c in super::folded(cell) {
            h.write_u32(u32::from(c));
        }
        h.write_u32(u32::MAX);
    }
    h.finish()
}
