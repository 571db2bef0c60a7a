//! Hand-made rows through `import --merge`: set aside before matching, put back after.

use std::borrow::Cow;

use super::super::model::{Plan, ReqId, Requirement};

/// Hand-made rows set aside before a revised document is matched with the plan (they are
/// not in the document, so matching would archive them): the plan without them (ids as they
/// were, so the merge report names the old ids), and the rows with their place by name.
pub fn set_aside(plan: &Plan) -> (Cow<'_, Plan>, Vec<Aside>) {
    if !plan.requirements().any(|r| r.by_hand) {
        return (Cow::Borrowed(plan), Vec::new());
    }
    let mut rest = plan.clone();
    let mut aside = Vec::new();
    for c in &mut rest.categories {
        for item in &mut c.items {
            let (hand, doc): (Vec<_>, Vec<_>) = std::mem::take(&mut item.requirements)
                .into_iter()
                .partition(|r| r.by_hand);
            item.requirements = doc;
            aside.extend(hand.into_iter().map(|requirement| Aside {
                category: c.name.clone(),
                item: item.name.clone(),
                requirement,
            }));
        }
    }
    (Cow::Owned(rest), aside)
}

/// A hand-made row waiting to be put back (see [`set_aside`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Aside {
    pub category: String,
    pub item: String,
    pub requirement: Requirement,
}

/// A hand-made row a merge kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    pub old_id: ReqId,
    pub new_id: ReqId,
    pub text: String,
    /// A requirement of the revised document with the same text: the document now has it
    /// too, and the hand-made row may be removed.
    pub also_in_document: Option<ReqId>,
}

/// Put the rows [`set_aside`] took back into the revised plan, each at the end of its item
/// (by name; created when the revision has no such category or item), with its progress.
pub fn reinsert(plan: &mut Plan, aside: Vec<Aside>) -> Vec<Kept> {
    let doc: Vec<(String, ReqId)> = plan
        .requirements()
        .map(|r| (crate::plan::import::compare_key(&r.text), r.id))
        .collect();
    let mut kept = Vec::new();
    for a in aside {
        let old_id = a.requirement.id;
        let text = a.requirement.text.clone();
        let key = crate::plan::import::compare_key(&text);
        let new_id = plan.put(a);
        kept.push(Kept {
            old_id,
            new_id,
            text,
            also_in_document: doc.iter().find(|(k, _)| *k == key).map(|(_, id)| *id),
        });
    }
    kept
}
