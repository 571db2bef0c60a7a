//! Which old requirement each new one is, in phases that each look only at what the
//! earlier ones left: identical texts (through a hash index), nearly identical texts
//! (through the similarity join), then the structure of each item — its position, units,
//! deadline, being the only one left — for the edits text alone cannot see, and last the
//! rows moved to another item and edited. Items are paired first by name, then by the
//! requirements they share, then by their neighbours. Every phase is near linear in the
//! plan's size; only the requirements of one item are ever compared all with all.

use std::cmp::Reverse;

use super::Map;

use super::side::Side;
use super::text::{overlap, similar_pairs};
use super::{Evidence, Strength};

/// Dice similarity from which two texts are the same requirement edited wherever they
/// are (a reworded clause or a changed date in a paragraph-long requirement).
pub const SIMILAR: f64 = 0.8;
/// Dice similarity from which a requirement moved to another item and edited there is
/// proposed (weakly: only with its units and deadline unchanged).
const MOVED_EDITED: f64 = 0.6;
/// Identical texts compared per new requirement: the nearest this many in document order.
const EXACT_WINDOW: usize = 32;
/// Items whose leftovers are compared all with all, re-weighing after every pair.
const SMALL_ITEM: usize = 256;
/// In larger items only requirements this close in position are compared.
const POSITION_WINDOW: usize = 8;

/// Whether `e` makes a pair, and how surely.
pub(super) fn judge(e: &Evidence) -> Option<Strength> {
    if e.exact || e.similarity >= SIMILAR {
        return Some(Strength::Sure);
    }
    if !e.same_item {
        let moved = e.similarity >= MOVED_EDITED && e.same_units && e.same_deadline;
        return moved.then_some(Strength::Weak);
    }
    let structure = [e.same_slot, e.same_units, e.same_deadline, e.only_left]
        .iter()
        .filter(|&&b| b)
        .count();
    // Words put into (or taken from) a short requirement in place: most of the shorter
    // text is in the longer, nothing else about it moved.
    if e.contained >= 0.75 && e.similarity >= 0.5 && e.same_slot && structure >= 3 {
        Some(Strength::Sure)
    } else if e.contained >= 0.6 && structure >= 2 {
        Some(Strength::Weak)
    } else {
        None
    }
}

pub(super) struct Pairing<'s, 'a> {
    pub old: &'s Side<'a>,
    pub new: &'s Side<'a>,
    pub old_to: Vec<Option<usize>>,
    /// Per new requirement: its old one, how sure, and why.
    pub found: Vec<Option<(usize, Strength, Evidence)>>,
    /// Per new item: the old item it continues.
    pub(super) item_of_new: Vec<Option<usize>>,
    pub(super) item_of_old: Vec<Option<usize>>,
}

impl<'s, 'a> Pairing<'s, 'a> {
    pub fn run(old: &'s Side<'a>, new: &'s Side<'a>) -> Self {
        let mut p = Pairing {
            old,
            new,
            old_to: vec![None; old.len()],
            found: vec![None; new.len()],
            item_of_new: vec![None; new.items.len()],
            item_of_old: vec![None; old.items.len()],
        };
        p.items_by_name();
        p.exact();
        p.items_by_shared();
        p.similar();
        p.items_by_shared();
        p.items_by_neighbours();
        for ni in 0..new.items.len() {
            p.structural(ni);
        }
        p.moved_and_edited();
        p
    }

    fn take(&mut self, o: usize, n: usize, strength: Strength, evidence: Evidence) {
        self.old_to[o] = Some(n);
        self.found[n] = Some((o, strength, evidence));
    }

    fn free(&self, o: usize, n: usize) -> bool {
        self.old_to[o].is_none() && self.found[n].is_none()
    }

    fn same_item(&self, o: usize, n: usize) -> bool {
        self.item_of_new[self.new.reqs[n].item] == Some(self.old.reqs[o].item)
    }

    /// Identical texts: the same item and id first, then the same item, then the same id,
    /// then the same units and deadline, then the nearest in document order.
    fn exact(&mut self) {
        let mut by_key: Map<&str, Vec<usize>> = Map::default();
        for (o, e) in self.old.reqs.iter().enumerate() {
            by_key.entry(e.key.as_str()).or_default().push(o);
        }
        let mut candidates = Vec::new();
        for (n, e) in self.new.reqs.iter().enumerate() {
            let Some(group) = by_key.get(e.key.as_str()) else {
                continue;
            };
            let at = group.partition_point(|&o| o < n);
            let lo = at.saturating_sub(EXACT_WINDOW / 2);
            let hi = (lo + EXACT_WINDOW).min(group.len());
            for &o in &group[hi.saturating_sub(EXACT_WINDOW).min(lo)..hi] {
                let a = &self.old.reqs[o];
                let location = u8::from(self.same_item(o, n)) * 2 + u8::from(a.req.id == e.req.id);
                let details =
                    u8::from(a.units == e.units) * (1 + u8::from(a.deadline == e.deadline));
                candidates.push(((location, details, Reverse(o.abs_diff(n))), o, n));
            }
        }
        candidates.sort_unstable_by(|x, y| y.cmp(x));
        for (_, o, n) in candidates {
            if self.free(o, n) {
                let (a, b) = (&self.old.reqs[o], &self.new.reqs[n]);
                let evidence = Evidence {
                    exact: true,
                    similarity: 1.0,
                    contained: 1.0,
                    same_item: self.same_item(o, n),
                    same_slot: false,
                    same_units: a.units == b.units,
                    same_deadline: a.deadline == b.deadline,
                    only_left: false,
                };
                self.take(o, n, Strength::Sure, evidence);
            }
        }
    }

    /// The requirements no phase has paired yet, as indices.
    fn leftovers(&self) -> (Vec<usize>, Vec<usize>) {
        let olds = (0..self.old.len())
            .filter(|&o| self.old_to[o].is_none())
            .collect();
        let news = (0..self.new.len())
            .filter(|&n| self.found[n].is_none())
            .collect();
        (olds, news)
    }

    /// Pairs of leftovers whose texts may be at least `threshold` similar, with evidence.
    fn joined(&self, threshold: f64) -> Vec<(usize, usize, Evidence)> {
        let (olds, news) = self.leftovers();
        let (a, b) = (grams(self.old, &olds), grams(self.new, &news));
        let mut pairs: Vec<(usize, usize)> = similar_pairs(&a, &b, threshold)
            .into_iter()
            .map(|(i, j)| (olds[i], news[j]))
            .collect();
        pairs.sort_unstable();
        pairs
            .into_iter()
            .map(|(o, n)| (o, n, self.evidence(o, n)))
            .filter(|(.., e)| e.similarity >= threshold)
            .collect()
    }

    /// Nearly identical texts anywhere, the same item and the most similar first.
    fn similar(&mut self) {
        let mut candidates: Vec<_> = self
            .joined(SIMILAR)
            .into_iter()
            .map(|(o, n, e)| {
                let a = &self.old.reqs[o];
                let b = &self.new.reqs[n];
                let key = (
                    e.same_item,
                    ordered(e.similarity),
                    a.req.id == b.req.id,
                    u8::from(e.same_units) + u8::from(e.same_deadline),
                    Reverse(o.abs_diff(n)),
                );
                (key, o, n, e)
            })
            .collect();
        candidates.sort_unstable_by(|x, y| (&y.0, y.1, y.2).cmp(&(&x.0, x.1, x.2)));
        for (_, o, n, e) in candidates {
            if self.free(o, n) {
                self.take(o, n, Strength::Sure, e);
            }
        }
    }

    /// Within one paired item: the best pair its leftovers' evidence makes, sure ones
    /// before weak ones, weighed again after each (a pair moves the anchors of the
    /// positions around it and may leave one requirement on each side).
    fn structural(&mut self, ni: usize) {
        let Some(oi) = self.item_of_new[ni] else {
            return;
        };
        loop {
            let olds: Vec<usize> = (self.old.in_item(oi))
                .filter(|&o| self.old_to[o].is_none())
                .collect();
            let news: Vec<usize> = (self.new.in_item(ni))
                .filter(|&n| self.found[n].is_none())
                .collect();
            let small = olds.len() * news.len() <= SMALL_ITEM;
            let mut candidates = Vec::new();
            for &o in &olds {
                for &n in &news {
                    let (op, np) = (self.old.reqs[o].pos, self.new.reqs[n].pos);
                    if !small && op.abs_diff(np) > POSITION_WINDOW {
                        continue;
                    }
                    let e = self.evidence(o, n);
                    let Some(strength) = judge(&e) else { continue };
                    let key = (
                        strength,
                        ordered(e.similarity + e.contained),
                        e.same_slot,
                        u8::from(e.same_units) + u8::from(e.same_deadline),
                        Reverse(op.abs_diff(np)),
                    );
                    candidates.push((key, o, n, e));
                }
            }
            candidates.sort_unstable_by(|x, y| (&y.0, y.1, y.2).cmp(&(&x.0, x.1, x.2)));
            if small {
                // Only the best: the rest are weighed again with it in place.
                let Some(&(key, o, n, e)) = candidates.first() else {
                    return;
                };
                self.take(o, n, key.0, e);
                continue;
            }
            // A large item is weighed once (all with all, again and again, would be
            // quadratic in it).
            for (key, o, n, e) in candidates {
                if self.free(o, n) {
                    self.take(o, n, key.0, e);
                }
            }
            return;
        }
    }

    /// A requirement moved to another item and edited: proposed only weakly.
    fn moved_and_edited(&mut self) {
        let mut candidates: Vec<_> = self
            .joined(MOVED_EDITED)
            .into_iter()
            .filter(|(.., e)| !e.same_item && judge(e).is_some())
            .map(|(o, n, e)| ((ordered(e.similarity), Reverse(o.abs_diff(n))), o, n, e))
            .collect();
        candidates.sort_unstable_by(|x, y| (&y.0, y.1, y.2).cmp(&(&x.0, x.1, x.2)));
        for (_, o, n, e) in candidates {
            if self.free(o, n) {
                let strength = judge(&e).unwrap_or(Strength::Weak);
                self.take(o, n, strength, e);
            }
        }
    }

    /// What speaks for `o` and `n` being one requirement, given the pairs made so far.
    fn evidence(&self, o: usize, n: usize) -> Evidence {
        let (a, b) = (&self.old.reqs[o], &self.new.reqs[n]);
        let exact = a.key == b.key;
        let text = if exact {
            super::text::Overlap {
                dice: 1.0,
                contained: 1.0,
            }
        } else {
            overlap(&a.grams, &b.grams)
        };
        let same_item = self.same_item(o, n);
        let (left_old, left_new) = if same_item {
            (
                (self.old.in_item(a.item))
                    .filter(|&x| self.old_to[x].is_none())
                    .take(2)
                    .count(),
                (self.new.in_item(b.item))
                    .filter(|&x| self.found[x].is_none())
                    .take(2)
                    .count(),
            )
        } else {
            (0, 0)
        };
        Evidence {
            exact,
            similarity: text.dice,
            contained: text.contained,
            same_item,
            same_slot: same_item && self.same_slot(o, n),
            same_units: a.units == b.units,
            same_deadline: a.deadline == b.deadline,
            only_left: same_item
                && left_old == 1
                && left_new == 1
                && self.old_to[o].is_none()
                && self.found[n].is_none(),
        }
    }

    /// The same position among the item's requirements: as far from the nearest paired
    /// requirement before it (or the item's start) as its partner is, and that neighbour
    /// paired with the partner's; or the same counted from the next one (or the end).
    fn same_slot(&self, old: usize, new: usize) -> bool {
        let (oi, ni) = (self.old.reqs[old].item, self.new.reqs[new].item);
        let partner_old = |x: usize| self.old_to[x].filter(|&y| self.new.reqs[y].item == ni);
        let partner_new = |y: usize| {
            self.found[y]
                .map(|(x, ..)| x)
                .filter(|&x| self.old.reqs[x].item == oi)
        };
        let (olds, news) = (self.old.in_item(oi), self.new.in_item(ni));
        let old_before = (olds.start..old).rev().find(|&x| partner_old(x).is_some());
        let new_before = (news.start..new).rev().find(|&y| partner_new(y).is_some());
        let before = match (old_before, new_before) {
            (None, None) => old - olds.start == new - news.start,
            (Some(x), Some(y)) => partner_old(x) == Some(y) && old - x == new - y,
            _ => false,
        };
        let old_after = (old + 1..olds.end).find(|&x| partner_old(x).is_some());
        let new_after = (new + 1..news.end).find(|&y| partner_new(y).is_some());
        let after = match (old_after, new_after) {
            (None, None) => olds.end - old == news.end - new,
            (Some(x), Some(y)) => partner_old(x) == Some(y) && x - old == y - new,
            _ => false,
        };
        before || after
    }

    /// New requirements left unpaired whose text is mostly inside an old requirement of
    /// the same item that was paired with an edited text: split off it, (old, new).
    pub fn splits(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (n, b) in self.new.reqs.iter().enumerate() {
            if self.found[n].is_some() {
                continue;
            }
            let Some(oi) = self.item_of_new[b.item] else {
                continue;
            };
            let best = (self.old.in_item(oi))
                .filter(|&o| {
                    self.old_to[o]
                        .and_then(|m| self.found[m])
                        .is_some_and(|(_, _, e)| !e.exact)
                })
                .map(|o| (overlap(&self.old.reqs[o].grams, &b.grams), o))
                .filter(|(t, o)| {
                    t.contained >= 0.6 && self.old.reqs[*o].grams.len() > b.grams.len()
                })
                .max_by(|x, y| x.0.contained.total_cmp(&y.0.contained).then(y.1.cmp(&x.1)));
            if let Some((_, o)) = best {
                out.push((o, n));
            }
        }
        out
    }
}

/// The bigrams of requirements `ids` of `side`.
fn grams<'s>(side: &'s Side<'_>, ids: &[usize]) -> Vec<&'s [u64]> {
    ids.iter().map(|&i| side.reqs[i].grams.as_slice()).collect()
}

/// A non-negative similarity as a totally ordered key.
fn ordered(x: f64) -> u64 {
    x.max(0.0).to_bits()
}
