//! Revised plans: carry each requirement's progress from the plan in use to the revised
//! plan that replaces it.
//!
//! Requirements are matched by text, not position, because revisions insert and delete
//! rows and so renumber everything after them. Pairs are taken greedily, best first:
//! identical text before nearly identical text ([`SIMILAR`]); within each, the same item
//! and id, then the same item (items reordered), then the same id (an item renamed), then
//! anywhere; then the more similar, the same units and deadline, the nearest in document
//! order. Old requirements left unmatched are archived with their progress, never
//! dropped.

use std::cmp::Ordering;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::hand;
use super::import::compare_key;
use super::model::{Plan, ReqId, Requirement, Status};

/// Character-bigram similarity (Dice coefficient) from which two texts count as the same
/// requirement edited: a reworded clause or changed date in a paragraph-long requirement
/// stays above it, a different requirement on the same subject does not.
pub const SIMILAR: f64 = 0.8;

/// A requirement the revised plan no longer has, kept with its progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Archived {
    /// The category and item it sat in, by name (numbers change between versions).
    pub category: String,
    pub item: String,
    /// Title of the plan it was removed from.
    pub plan: String,
    /// That plan's year, for reading its deadline.
    pub year: i32,
    pub archived_at: NaiveDateTime,
    /// As it was, with its old id, status, notes and history.
    pub requirement: Requirement,
}

/// An old requirement found again in the revised plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Matched {
    pub old_id: ReqId,
    pub new_id: ReqId,
    pub old_text: String,
    pub new_text: String,
    pub old_deadline: String,
    pub new_deadline: String,
    pub units_changed: bool,
    /// The status carried over.
    pub status: Status,
}

impl Matched {
    pub fn moved(&self) -> bool {
        self.old_id != self.new_id
    }

    pub fn text_changed(&self) -> bool {
        compare_key(&self.old_text) != compare_key(&self.new_text)
    }

    pub fn deadline_changed(&self) -> bool {
        compare_key(&self.old_deadline) != compare_key(&self.new_deadline)
    }

    fn changed(&self) -> bool {
        self.moved() || self.text_changed() || self.deadline_changed() || self.units_changed
    }
}

/// A requirement by id and text, for listing additions and removals.
#[derive(Debug, Clone, PartialEq)]
pub struct Brief {
    pub id: ReqId,
    pub text: String,
    pub status: Status,
    /// Notes or history that archiving keeps.
    pub has_progress: bool,
}

/// What a merge changes, in document order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MergeReport {
    /// New requirements, by their id in the revised plan.
    pub added: Vec<Brief>,
    /// Old requirements not found again (archived), by their old id.
    pub removed: Vec<Brief>,
    /// Matched requirements that moved or whose text, deadline or units changed.
    pub changed: Vec<Matched>,
    /// Matched requirements identical in all of that.
    pub unchanged: usize,
    /// Requirements added by hand, kept (the revised document does not have them).
    pub kept: Vec<hand::Kept>,
}

impl MergeReport {
    pub fn moved(&self) -> usize {
        self.changed.iter().filter(|m| m.moved()).count()
    }

    pub fn text_changed(&self) -> usize {
        self.changed.iter().filter(|m| m.text_changed()).count()
    }

    pub fn deadline_changed(&self) -> usize {
        self.changed.iter().filter(|m| m.deadline_changed()).count()
    }

    pub fn units_changed(&self) -> usize {
        self.changed.iter().filter(|m| m.units_changed).count()
    }

    /// Nothing added, removed or changed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// The result of [`merge`].
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// The revised plan, with progress carried over to the requirements found again.
    pub plan: Plan,
    pub report: MergeReport,
    /// Old requirements the revised plan no longer has, stamped `now`.
    pub archived: Vec<Archived>,
}

/// Carries progress (`status`, `status_changed`, `completed_on`, notes, history) from `old` to
/// `new`. Texts, units, deadlines and ids are the revised plan's.
///
/// Requirements added by hand are not in any document: they are set aside before matching
/// and put back into the revised plan after it ([`hand::set_aside`], [`hand::reinsert`]),
/// listed in [`MergeReport::kept`], never archived.
pub fn merge(old: &Plan, new: Plan, now: NaiveDateTime) -> Merged {
    let (document, hand_made) = hand::set_aside(old);
    let mut merged = match_document(&document, new, now);
    merged.report.kept = hand::reinsert(&mut merged.plan, hand_made);
    merged
}

/// [`merge`] of the rows that came from the document.
fn match_document(old: &Plan, mut new: Plan, now: NaiveDateTime) -> Merged {
    let olds = Side::of(old);
    let news = Side::of(&new);
    let pairs = pair(&olds, &news);
    let mut old_taken = vec![false; olds.len()];
    let mut new_match: Vec<Option<usize>> = vec![None; news.len()];
    for &(o, n) in &pairs {
        old_taken[o] = true;
        new_match[n] = Some(o);
    }

    let mut report = MergeReport::default();
    for (n, matched) in new_match.iter().enumerate() {
        let nr = news.reqs[n].req;
        let Some(o) = *matched else {
            report.added.push(brief(nr));
            continue;
        };
        let or = olds.reqs[o].req;
        let m = Matched {
            old_id: or.id,
            new_id: nr.id,
            old_text: or.text.clone(),
            new_text: nr.text.clone(),
            old_deadline: or.deadline_raw.clone(),
            new_deadline: nr.deadline_raw.clone(),
            units_changed: compare_key(&or.units_raw) != compare_key(&nr.units_raw)
                || compare_key(&or.cooperating_raw) != compare_key(&nr.cooperating_raw),
            status: or.status,
        };
        if m.changed() {
            report.changed.push(m);
        } else {
            report.unchanged += 1;
        }
    }
    let mut archived = Vec::new();
    for (o, entry) in olds.reqs.iter().enumerate() {
        if old_taken[o] {
            continue;
        }
        report.removed.push(brief(entry.req));
        archived.push(Archived {
            category: entry.category.to_string(),
            item: entry.item.to_string(),
            plan: old.title.clone(),
            year: old.year,
            archived_at: now,
            requirement: entry.req.clone(),
        });
    }

    let carried: Vec<Option<Requirement>> = new_match
        .iter()
        .map(|m| m.map(|o| olds.reqs[o].req.clone()))
        .collect();
    for (r, from) in new.requirements_mut().zip(carried) {
        if let Some(from) = from {
            r.take_progress(from);
        }
    }
    // A revision of the same year's plan keeps the period it was given.
    if new.period.is_none() && new.year == old.year {
        new.set_period(old.period);
    }
    Merged {
        plan: new,
        report,
        archived,
    }
}

fn brief(r: &Requirement) -> Brief {
    Brief {
        id: r.id,
        text: r.text.clone(),
        status: r.status,
        has_progress: !r.notes.is_empty() || !r.history.is_empty(),
    }
}

/// One plan's requirements in document order, with what matching compares.
struct Side<'a> {
    reqs: Vec<Entry<'a>>,
}

struct Entry<'a> {
    req: &'a Requirement,
    category: &'a str,
    item: &'a str,
    /// Text as compared: no whitespace, full-width ASCII folded.
    key: String,
    bigrams: Vec<u64>,
}

impl<'a> Side<'a> {
    fn of(plan: &'a Plan) -> Side<'a> {
        let mut reqs = Vec::new();
        for c in &plan.categories {
            for i in &c.items {
                for r in &i.requirements {
                    let key = compare_key(&r.text);
                    let bigrams = bigrams(&key);
                    reqs.push(Entry {
                        req: r,
                        category: &c.name,
                        item: &i.name,
                        key,
                        bigrams,
                    });
                }
            }
        }
        Side { reqs }
    }

    fn len(&self) -> usize {
        self.reqs.len()
    }
}

/// How good a candidate pair is; greater is better.
#[derive(Debug, Clone, Copy)]
struct Score {
    exact: bool,
    /// 3: same category, item and id; 2: same category and item (items reordered); 1: same
    /// id (an item renamed); 0: neither.
    location: u8,
    similarity: f64,
    /// 2: same units and deadline; 1: same units; 0: neither.
    details: u8,
    distance: usize,
}

impl Score {
    fn cmp(&self, other: &Score) -> Ordering {
        (self.exact, self.location)
            .cmp(&(other.exact, other.location))
            .then(self.similarity.total_cmp(&other.similarity))
            .then(self.details.cmp(&other.details))
            .then(other.distance.cmp(&self.distance))
    }
}

/// (old index, new index) pairs, each requirement in at most one.
fn pair(olds: &Side<'_>, news: &Side<'_>) -> Vec<(usize, usize)> {
    let mut candidates: Vec<(Score, usize, usize)> = Vec::new();
    for (o, a) in olds.reqs.iter().enumerate() {
        for (n, b) in news.reqs.iter().enumerate() {
            let exact = a.key == b.key;
            let similarity = if exact {
                1.0
            } else {
                dice(&a.bigrams, &b.bigrams)
            };
            if similarity < SIMILAR {
                continue;
            }
            let same_place = compare_key(a.category) == compare_key(b.category)
                && compare_key(a.item) == compare_key(b.item);
            let same_units = a.req.units_raw == b.req.units_raw;
            let same_deadline = a.req.deadline_raw == b.req.deadline_raw;
            let score = Score {
                exact,
                location: u8::from(same_place) * 2 + u8::from(a.req.id == b.req.id),
                similarity,
                details: u8::from(same_units) * (1 + u8::from(same_deadline)),
                distance: o.abs_diff(n),
            };
            candidates.push((score, o, n));
        }
    }
    candidates.sort_by(|x, y| y.0.cmp(&x.0));
    let mut old_taken = vec![false; olds.len()];
    let mut new_taken = vec![false; news.len()];
    let mut pairs = Vec::new();
    for (_, o, n) in candidates {
        if !old_taken[o] && !new_taken[n] {
            old_taken[o] = true;
            new_taken[n] = true;
            pairs.push((o, n));
        }
    }
    pairs
}

/// Sorted character bigrams (a one-character text is its own "bigram").
fn bigrams(key: &str) -> Vec<u64> {
    let chars: Vec<u64> = key.chars().map(u64::from).collect();
    let mut out: Vec<u64> = match chars[..] {
        [] => Vec::new(),
        [c] => vec![c],
        _ => chars.windows(2).map(|w| (w[0] << 32) | w[1]).collect(),
    };
    out.sort_unstable();
    out
}

/// Dice coefficient of two sorted bigram multisets: 2|A∩B| / (|A|+|B|).
#[allow(clippy::cast_precision_loss)]
fn dice(a: &[u64], b: &[u64]) -> f64 {
    let total = a.len() + b.len();
    if total == 0 {
        return 1.0;
    }
    // The best case is the smaller set entirely inside the larger: skip the walk when even
    // that falls short.
    if (2 * a.len().min(b.len())) as f64 / (total as f64) < SIMILAR {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (2 * common) as f64 / total as f64
}

/// Similarity of two texts as [`merge`] measures it (1.0 for identical texts).
pub fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (compare_key(a), compare_key(b));
    if a == b {
        1.0
    } else {
        dice(&bigrams(&a), &bigrams(&b))
    }
}

#[cfg(test)]
mod tests;
