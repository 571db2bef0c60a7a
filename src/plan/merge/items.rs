//! Which old item each new item continues: the same name (in the same category, then in
//! any), the old item most of its paired requirements come from, or the one old item left
//! between its neighbours' old items.

use std::cmp::Reverse;

use super::Map;
use super::pairing::Pairing;

impl Pairing<'_, '_> {
    pub(super) fn map_item(&mut self, oi: usize, ni: usize) {
        self.item_of_new[ni] = Some(oi);
        self.item_of_old[oi] = Some(ni);
    }

    /// Same category and item name, then the same item name in another category.
    pub(super) fn items_by_name(&mut self) {
        for loose in [false, true] {
            let mut by_name: Map<(&str, &str), Vec<usize>> = Map::default();
            for (oi, item) in self.old.items.iter().enumerate().rev() {
                if self.item_of_old[oi].is_none() {
                    let category = if loose { "" } else { item.category.as_str() };
                    by_name.entry((category, &item.name)).or_default().push(oi);
                }
            }
            for (ni, item) in self.new.items.iter().enumerate() {
                let category = if loose { "" } else { item.category.as_str() };
                if self.item_of_new[ni].is_some() {
                    continue;
                }
                if let Some(oi) = by_name.get_mut(&(category, &item.name)).and_then(Vec::pop) {
                    self.map_item(oi, ni);
                }
            }
        }
    }

    /// An item renamed keeps most of its requirements: the old item most of a new item's
    /// paired requirements come from.
    pub(super) fn items_by_shared(&mut self) {
        let mut votes: Map<(usize, usize), usize> = Map::default();
        for (n, f) in self.found.iter().enumerate() {
            let Some((o, ..)) = f else { continue };
            let (ni, oi) = (self.new.reqs[n].item, self.old.reqs[*o].item);
            if self.item_of_new[ni].is_none() && self.item_of_old[oi].is_none() {
                *votes.entry((ni, oi)).or_default() += 1;
            }
        }
        let mut votes: Vec<((usize, usize), usize)> = votes.into_iter().collect();
        votes.sort_unstable_by_key(|&(pair, count)| (Reverse(count), pair));
        for ((ni, oi), _) in votes {
            if self.item_of_new[ni].is_none() && self.item_of_old[oi].is_none() {
                self.map_item(oi, ni);
            }
        }
    }

    /// An item renamed with every requirement edited still sits between the same items:
    /// one unpaired new item where exactly one old item is unpaired between its neighbours'.
    pub(super) fn items_by_neighbours(&mut self) {
        let (olds, news) = (self.old.items.len(), self.new.items.len());
        for ni in 0..news {
            if self.item_of_new[ni].is_some() {
                continue;
            }
            let before = match ni.checked_sub(1) {
                None => Some(None),
                Some(prev) => self.item_of_new[prev].map(Some),
            };
            let after = if ni + 1 == news {
                Some(olds)
            } else {
                self.item_of_new[ni + 1]
            };
            let (Some(before), Some(after)) = (before, after) else {
                continue;
            };
            let oi = before.map_or(0, |b| b + 1);
            if oi + 1 == after && oi < olds && self.item_of_old[oi].is_none() {
                self.map_item(oi, ni);
            }
        }
    }
}
