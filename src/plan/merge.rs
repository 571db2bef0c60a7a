//! Revised plans: carry each requirement's progress from the plan in use to the revised
//! plan that replaces it.
//!
//! Revisions insert and delete rows (renumbering everything after them), reword
//! requirements and move them, so requirements are paired by evidence, not position:
//! identical text first (also when the row moved or its item was renamed), then nearly
//! identical text, then — for the short requirement edited in place that text alone cannot
//! see — the structure around it: the same item, the same position among the item's
//! requirements, the same units and deadline, the only one left in its item
//! ([`pairing`]). Pairs made on weak evidence are proposed, not applied: [`propose`] finds
//! the pairing, [`apply`] carries progress with the user's [`Decisions`]; [`merge`] applies
//! the sure pairs only. Old requirements left unpaired are archived with their progress,
//! never dropped. Every phase finds candidates through an index, so a merge is near linear
//! in the plan's size.

mod archive;
mod items;
mod pairing;
mod proposal;
mod side;
mod text;

use std::collections::HashMap;

/// The maps of a merge: keys are ids and texts of the plans themselves, and the
/// iteration order never decides anything.
type Map<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

use chrono::NaiveDateTime;

pub use archive::Archived;
pub use pairing::SIMILAR;
pub use proposal::{DecisionError, Decisions, Evidence, Pair, Proposal, Strength, apply, propose};

use super::hand;
use super::import::compare_key;
use super::model::{Plan, ReqId, Requirement, Status};

/// An old requirement found again in the revised plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Matched {
    pub old_id: ReqId,
    pub new_id: ReqId,
    pub old_text: String,
    pub new_text: String,
    pub old_deadline: String,
    pub new_deadline: String,
    pub old_units: String,
    pub new_units: String,
    pub units_changed: bool,
    /// The status carried over.
    pub status: Status,
    /// The old requirement had a status, notes or history to carry.
    pub progress: bool,
    /// Paired on weak evidence and accepted, or paired by hand.
    pub confirmed: bool,
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

    /// Progress carried to a requirement whose deadline or units the revision changed:
    /// worth a warning (the work may now be due sooner, or with someone else).
    pub fn needs_warning(&self) -> bool {
        self.progress && (self.deadline_changed() || self.units_changed)
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

/// A pair proposed on weak evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct WeakPair {
    pub old_id: ReqId,
    pub new_id: ReqId,
    pub old_text: String,
    pub new_text: String,
    pub evidence: Evidence,
    /// Accepted: progress carried. Otherwise the old one is in `removed`, the new in `added`.
    pub applied: bool,
}

/// An old requirement split in two: `kept_by` carries its progress, `new_id` is new.
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    pub old_id: ReqId,
    pub kept_by: ReqId,
    pub new_id: ReqId,
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
    /// Every pair proposed on weak evidence, applied or not.
    pub weak: Vec<WeakPair>,
    /// Added requirements that look split off a matched one.
    pub splits: Vec<Split>,
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

    /// Weak pairs left unapplied.
    pub fn unconfirmed(&self) -> impl Iterator<Item = &WeakPair> {
        self.weak.iter().filter(|w| !w.applied)
    }

    /// Nothing added, removed or changed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// The result of [`merge`] and [`apply`].
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// The revised plan, with progress carried over to the requirements found again.
    pub plan: Plan,
    pub report: MergeReport,
    /// Old requirements the revised plan no longer has, stamped `now`.
    pub archived: Vec<Archived>,
}

/// Carries progress (`status`, `status_changed`, `completed_on`, notes, history, dates set by
/// hand) from `old` to `new` over the sure pairs of [`propose`]. Texts, units, deadlines and
/// ids are the revised plan's.
///
/// Requirements added by hand are in no document: they are set aside before pairing and put
/// back into the revised plan after it ([`hand::set_aside`], [`hand::reinsert`]), listed in
/// [`MergeReport::kept`], never archived.
pub fn merge(old: &Plan, new: Plan, now: NaiveDateTime) -> Merged {
    let proposal = propose(old, &new);
    let chosen = (proposal.pairs.iter())
        .filter(|p| p.strength == Strength::Sure)
        .map(|p| (p.new, (p.old, false)))
        .collect();
    assemble(old, new, &chosen, &proposal, now)
}

/// Characters as [`compare_key`] keeps them: no whitespace, full-width ASCII folded.
fn folded(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            _ => c,
        })
}

fn same_folded(a: &str, b: &str) -> bool {
    folded(a).eq(folded(b))
}

/// The merge over `chosen` (new id → old id, confirmed by the user).
fn assemble(
    old: &Plan,
    new: Plan,
    chosen: &Map<ReqId, (ReqId, bool)>,
    proposal: &Proposal,
    now: NaiveDateTime,
) -> Merged {
    // Hand-made rows are in no document: set aside here (and in `propose`), put back after.
    let (document, hand_made) = hand::set_aside(old);
    let mut merged = assemble_document(&document, new, chosen, proposal, now);
    merged.report.kept = hand::reinsert(&mut merged.plan, hand_made);
    merged
}

/// [`assemble`] of the rows that came from the document.
fn assemble_document(
    old: &Plan,
    mut new: Plan,
    chosen: &Map<ReqId, (ReqId, bool)>,
    proposal: &Proposal,
    now: NaiveDateTime,
) -> Merged {
    let olds: Map<ReqId, (&str, &str, &Requirement)> = (old.categories.iter())
        .flat_map(|c| c.items.iter().map(move |i| (c, i)))
        .flat_map(|(c, i)| {
            (i.requirements.iter()).map(move |r| (r.id, (c.name.as_str(), i.name.as_str(), r)))
        })
        .collect();
    let mut report = MergeReport::default();
    let mut taken: Map<ReqId, ReqId> = Map::default();
    for nr in new.requirements() {
        let Some(&(o, confirmed)) = chosen.get(&nr.id) else {
            report.added.push(brief(nr));
            continue;
        };
        let Some(&(_, _, or)) = olds.get(&o) else {
            report.added.push(brief(nr));
            continue;
        };
        taken.insert(o, nr.id);
        let units_changed = !same_folded(&or.units_raw, &nr.units_raw)
            || !same_folded(&or.cooperating_raw, &nr.cooperating_raw);
        let changed = or.id != nr.id
            || units_changed
            || !same_folded(&or.text, &nr.text)
            || !same_folded(&or.deadline_raw, &nr.deadline_raw);
        if !changed {
            report.unchanged += 1;
            continue;
        }
        report.changed.push(Matched {
            old_id: or.id,
            new_id: nr.id,
            old_text: or.text.clone(),
            new_text: nr.text.clone(),
            old_deadline: or.deadline_raw.clone(),
            new_deadline: nr.deadline_raw.clone(),
            old_units: units_text(or),
            new_units: units_text(nr),
            units_changed,
            status: or.status,
            progress: has_progress(or),
            confirmed,
        });
    }
    let mut archived = Vec::new();
    for c in &old.categories {
        for i in &c.items {
            for r in i.requirements.iter().filter(|r| !taken.contains_key(&r.id)) {
                report.removed.push(brief(r));
                archived.push(Archived::of(old, &c.name, &i.name, r, now));
            }
        }
    }
    let text_of = |id: ReqId, plan: &Plan| plan.get(id).map(|r| r.text.clone()).unwrap_or_default();
    // By id, not position: with hand-made rows set aside, the old plan's ids are not its
    // positions.
    let old_text = |id: ReqId| {
        olds.get(&id)
            .map(|(_, _, r)| r.text.clone())
            .unwrap_or_default()
    };
    report.weak = (proposal.weak())
        .map(|p| WeakPair {
            old_id: p.old,
            new_id: p.new,
            old_text: old_text(p.old),
            new_text: text_of(p.new, &new),
            evidence: p.evidence,
            applied: chosen.get(&p.new).is_some_and(|&(o, _)| o == p.old),
        })
        .collect();
    report.splits = (proposal.splits.iter())
        .filter(|(_, n)| !chosen.contains_key(n))
        .filter_map(|&(o, n)| {
            let kept_by = *taken.get(&o)?;
            Some(Split {
                old_id: o,
                kept_by,
                new_id: n,
            })
        })
        .collect();

    let carried: Vec<Option<Requirement>> = new
        .requirements()
        .map(|r| {
            let (o, _) = chosen.get(&r.id)?;
            olds.get(o).map(|(_, _, from)| (*from).clone())
        })
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

fn has_progress(r: &Requirement) -> bool {
    r.status != Status::Todo || !r.notes.is_empty() || !r.history.is_empty()
}

/// Lead and cooperating units as the document gave them, for a warning.
fn units_text(r: &Requirement) -> String {
    if r.cooperating_raw.trim().is_empty() {
        r.units_raw.clone()
    } else {
        format!("{}；{}", r.units_raw, r.cooperating_raw)
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

/// Similarity of two texts as [`merge`] measures it (1.0 for identical texts).
pub fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (compare_key(a), compare_key(b));
    if a == b {
        1.0
    } else {
        text::overlap(&text::bigrams(&a), &text::bigrams(&b)).dice
    }
}

#[cfg(test)]
mod structure_tests;
#[cfg(test)]
mod tests;
