//! The pairing proposed, and applying it with the user's decisions: a merge preview shows
//! [`Proposal`] (or the report of [`apply`] with the decisions so far), the user accepts
//! weak pairs, splits pairs or pairs requirements by hand, and [`apply`] does the rest.

use std::collections::{BTreeSet, HashSet};

use chrono::NaiveDateTime;

use super::pairing::Pairing;
use super::side::Side;
use super::{Map, Merged};
use crate::plan::model::{Plan, ReqId};

/// How sure the pairing is of a pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Strength {
    /// Matched on weak evidence: applied only when the user accepts it.
    Weak,
    /// Applied unless the user splits it.
    Sure,
}

/// What speaks for two requirements being one, as the pairing weighed it.
#[allow(clippy::struct_excessive_bools)] // independent facts, each shown to the user
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Evidence {
    /// The same text (ignoring spacing and full-width/half-width forms).
    pub exact: bool,
    /// Dice coefficient of the texts' character bigrams.
    pub similarity: f64,
    /// Share of the shorter text's bigrams found in the longer.
    pub contained: f64,
    /// In the same item (by name, by the requirements it kept, or by its neighbours).
    pub same_item: bool,
    /// At the same position among the item's requirements (counted from the nearest
    /// requirement both plans share, or from the item's start or end).
    pub same_slot: bool,
    pub same_units: bool,
    pub same_deadline: bool,
    /// The only unpaired requirement of its item in both plans.
    pub only_left: bool,
}

/// One old requirement proposed as one new requirement.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    pub old: ReqId,
    pub new: ReqId,
    pub strength: Strength,
    pub evidence: Evidence,
}

/// The pairing [`propose`] found, in the new plan's document order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Proposal {
    pub pairs: Vec<Pair>,
    /// (old, new): a new requirement left unpaired whose text is mostly inside an old one
    /// that was paired with an edited text — the old requirement split in two.
    pub splits: Vec<(ReqId, ReqId)>,
}

impl Proposal {
    /// The pairs that need the user's word.
    pub fn weak(&self) -> impl Iterator<Item = &Pair> {
        self.pairs.iter().filter(|p| p.strength == Strength::Weak)
    }
}

/// Pair the requirements of `old` and `new` (see [`super::pairing`]); nothing is changed.
pub fn propose(old: &Plan, new: &Plan) -> Proposal {
    // Hand-made rows are never paired (see [`crate::plan::hand::set_aside`]).
    let (document, _) = crate::plan::hand::set_aside(old);
    let (olds, news) = (Side::of(&document), Side::of(new));
    let pairing = Pairing::run(&olds, &news);
    let pairs = (pairing.found.iter().enumerate())
        .filter_map(|(n, f)| {
            let (o, strength, evidence) = (*f)?;
            Some(Pair {
                old: olds.reqs[o].req.id,
                new: news.reqs[n].req.id,
                strength,
                evidence,
            })
        })
        .collect();
    let splits = (pairing.splits().into_iter())
        .map(|(o, n)| (olds.reqs[o].req.id, news.reqs[n].req.id))
        .collect();
    Proposal { pairs, splits }
}

/// What the user decided about a [`Proposal`]; the default applies the sure pairs only.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Decisions {
    /// Weak pairs to apply, by their new id.
    pub accept: BTreeSet<ReqId>,
    /// Pairs not to apply, sure or weak, by their new id: the old requirement is archived
    /// and the new one starts afresh.
    pub split: BTreeSet<ReqId>,
    /// (old, new) pairs made by hand, replacing any pair either was in.
    pub pair: Vec<(ReqId, ReqId)>,
}

/// A decision that does not fit the proposal.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecisionError {
    #[error("{0} is not a new requirement in a weak pair")]
    NotWeak(ReqId),
    #[error("{0} is not a new requirement in a pair")]
    NotPaired(ReqId),
    #[error("the old plan has no requirement {0}")]
    NoOld(ReqId),
    #[error("the new plan has no requirement {0}")]
    NoNew(ReqId),
    #[error("{0} is paired by hand twice")]
    Twice(ReqId),
}

/// Carry progress over the pairs `proposal` and `decisions` make (see [`super::merge`]).
pub fn apply(
    old: &Plan,
    new: Plan,
    proposal: &Proposal,
    decisions: &Decisions,
    now: NaiveDateTime,
) -> Result<Merged, DecisionError> {
    let weak: HashSet<ReqId> = proposal.weak().map(|p| p.new).collect();
    let paired: HashSet<ReqId> = proposal.pairs.iter().map(|p| p.new).collect();
    if let Some(&id) = decisions.accept.iter().find(|id| !weak.contains(id)) {
        return Err(DecisionError::NotWeak(id));
    }
    if let Some(&id) = decisions.split.iter().find(|id| !paired.contains(id)) {
        return Err(DecisionError::NotPaired(id));
    }
    let (mut by_hand_old, mut by_hand_new) = (HashSet::new(), HashSet::new());
    for &(o, n) in &decisions.pair {
        if old.get(o).is_none() {
            return Err(DecisionError::NoOld(o));
        }
        if new.get(n).is_none() {
            return Err(DecisionError::NoNew(n));
        }
        if !by_hand_old.insert(o) {
            return Err(DecisionError::Twice(o));
        }
        if !by_hand_new.insert(n) {
            return Err(DecisionError::Twice(n));
        }
    }
    let mut chosen: Map<ReqId, (ReqId, bool)> = Map::default();
    for p in &proposal.pairs {
        let wanted = p.strength == Strength::Sure || decisions.accept.contains(&p.new);
        let replaced = by_hand_old.contains(&p.old) || by_hand_new.contains(&p.new);
        if wanted && !replaced && !decisions.split.contains(&p.new) {
            chosen.insert(p.new, (p.old, p.strength == Strength::Weak));
        }
    }
    for &(o, n) in &decisions.pair {
        chosen.insert(n, (o, true));
    }
    Ok(super::assemble(old, new, &chosen, proposal, now))
}
