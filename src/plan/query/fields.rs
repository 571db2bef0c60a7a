//! What is searchable: the one list of fields ([`FIELDS`]) that the search predicate
//! ([`Search`]) and the text index ([`super::TextIndex`]) both walk, so the command line
//! and the dashboard cannot search different things.

use std::cell::Cell;

use super::Needle;
use crate::plan::{Category, Item, Plan, ReqId, Requirement};

/// A requirement with the category and item it sits in (output needs their names, and a
/// search looks at them).
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    /// The plan's name, set when the entries span several plans of a workspace (output then
    /// names each row's plan); `None` within one plan.
    pub plan: Option<&'a str>,
    pub category: &'a Category,
    pub item: &'a Item,
    pub requirement: &'a Requirement,
}

impl Entry<'_> {
    /// The id as shown and typed: `NAME:1.1.1` when the entry names its plan.
    pub fn shown_id(&self) -> String {
        match self.plan {
            Some(plan) => format!("{plan}:{}", self.requirement.id),
            None => self.requirement.id.to_string(),
        }
    }
}

/// Every requirement in document order.
pub fn entries(plan: &Plan) -> impl Iterator<Item = Entry<'_>> {
    plan.categories.iter().flat_map(|category| {
        category.items.iter().flat_map(move |item| {
            item.requirements.iter().map(move |requirement| Entry {
                plan: None,
                category,
                item,
                requirement,
            })
        })
    })
}

/// One requirement by id, by position like [`Plan::get`].
pub fn entry(plan: &Plan, id: ReqId) -> Option<Entry<'_>> {
    let category = plan.category(id.category)?;
    let requirement = plan.get(id)?;
    // By position in a whole plan; a partial one (a liaison's) holds the id elsewhere.
    let item = category
        .items
        .get(usize::try_from(id.item.checked_sub(1)?).ok()?)
        .filter(|it| it.requirements.iter().any(|r| r.id == id))
        .or_else(|| {
            category
                .items
                .iter()
                .find(|it| it.requirements.iter().any(|r| r.id == id))
        })?;
    Some(Entry {
        plan: None,
        category,
        item,
        requirement,
    })
}

/// A searchable text of a requirement's entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The id as written, `C.I.R` (so `1.1.1`, and `1.1.` for every id containing it).
    Id,
    Text,
    /// The item's name (shared by its requirements).
    Item,
    /// The category's name (shared by its requirements).
    Category,
    /// The 责任部门 cell as written (lead and cooperating units).
    Units,
    /// A separate 配合单位 column as written.
    Cooperating,
    /// The 责任领导 cell.
    Leader,
    /// The 备注 cell.
    Remarks,
    /// The cells of the document's columns without a role (their values, not the headers).
    Extra,
    /// Every note's text.
    Note,
    /// The 办结说明.
    CompletionNote,
    /// The 时限及要求 cell as written.
    Deadline,
}

/// Everything a search looks at, in the order it looks. `list --search`, the dashboard's
/// `/` and the text index all walk this list through [`each_own_text`] and
/// [`each_shared_text`].
pub const FIELDS: [Field; 12] = [
    Field::Id,
    Field::Text,
    Field::Item,
    Field::Category,
    Field::Units,
    Field::Cooperating,
    Field::Leader,
    Field::Remarks,
    Field::Extra,
    Field::Note,
    Field::CompletionNote,
    Field::Deadline,
];

impl Field {
    /// Whether the text belongs to the item or category, shared by all their requirements
    /// (searched once per item, indexed once per item).
    pub fn shared(self) -> bool {
        matches!(self, Field::Item | Field::Category)
    }
}

/// Calls `visit` with each of `r`'s own texts (the fields that are not [`Field::shared`]) that
/// `want` asks for, in [`FIELDS`] order, until it returns `true`; returns whether it did.
pub fn each_own_text(
    r: &Requirement,
    want: impl Fn(Field) -> bool,
    mut visit: impl FnMut(&str) -> bool,
) -> bool {
    FIELDS
        .into_iter()
        .filter(|&f| !f.shared() && want(f))
        .any(|field| match field {
            Field::Id => visit(id_text(r.id, &mut [0; 32])),
            Field::Text => visit(&r.text),
            Field::Units => visit(&r.units_raw),
            Field::Cooperating => visit(&r.cooperating_raw),
            Field::Leader => visit(&r.leader_raw),
            Field::Remarks => visit(&r.remarks),
            Field::Extra => r.extra.iter().any(|e| visit(&e.value)),
            Field::Note => r.notes.iter().any(|n| visit(&n.text)),
            Field::CompletionNote => r.completion_note.as_deref().is_some_and(&mut visit),
            Field::Deadline => visit(&r.deadline_raw),
            Field::Item | Field::Category => false,
        })
}

/// Calls `visit` with the texts an item's requirements share ([`Field::shared`]), in
/// [`FIELDS`] order, until it returns `true`; returns whether it did.
pub fn each_shared_text(
    category: &Category,
    item: &Item,
    mut visit: impl FnMut(&str) -> bool,
) -> bool {
    FIELDS
        .into_iter()
        .filter(|f| f.shared())
        .any(|field| match field {
            Field::Item => visit(&item.name),
            Field::Category => visit(&category.name),
            _ => false,
        })
}

/// `C.I.R` written into `buf`, without allocating.
fn id_text(id: ReqId, buf: &mut [u8; 32]) -> &str {
    use std::io::Write as _;
    let mut cursor = std::io::Cursor::new(&mut buf[..]);
    // Three u32s and two dots fit in 32 bytes.
    let _ = write!(cursor, "{id}");
    let len = usize::try_from(cursor.position()).unwrap_or(0);
    std::str::from_utf8(&buf[..len]).unwrap_or_default()
}

/// The search predicate: a query prepared once for many entries. Entries come in plan
/// order, so the item and category names are searched once per item, not once per
/// requirement; a needle that cannot be in an id skips formatting the ids.
///
/// Not shared between threads (it caches the last item); make one per thread.
#[derive(Debug)]
pub struct Search {
    needle: Needle,
    id: bool,
    /// The last item looked at (by address) and whether its shared texts hold the needle.
    last_item: Cell<Option<(*const Item, bool)>>,
}

impl Search {
    /// `text` is trimmed; an empty (or all-blank) one matches nothing.
    pub fn new(text: &str) -> Search {
        let needle = Needle::new(text);
        Search {
            id: needle.may_be_in_id(),
            needle,
            last_item: Cell::new(None),
        }
    }

    pub fn needle(&self) -> &Needle {
        &self.needle
    }

    /// Whether any of `e`'s [`FIELDS`] contains the search, ignoring case.
    pub fn hit(&self, e: &Entry<'_>) -> bool {
        // The shared texts first: their answer is cached per item, and a hit there spares
        // searching the requirement's own.
        self.shared_hit(e.category, e.item) || self.own_hit(e.requirement)
    }

    /// Whether the requirement's own texts contain it.
    pub fn own_hit(&self, r: &Requirement) -> bool {
        each_own_text(r, |f| self.id || f != Field::Id, |s| self.needle.is_in(s))
    }

    /// Whether the item's shared texts (its name, its category's) contain it.
    pub fn shared_hit(&self, category: &Category, item: &Item) -> bool {
        let key = std::ptr::from_ref(item);
        if let Some((k, hit)) = self.last_item.get()
            && k == key
        {
            return hit;
        }
        let hit = each_shared_text(category, item, |s| self.needle.is_in(s));
        self.last_item.set(Some((key, hit)));
        hit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every field is in the list once, so the predicate and the index see all of them.
    #[test]
    fn the_list_has_every_field_once() {
        for f in FIELDS {
            // Exhaustive: a new variant fails to compile here until it is listed.
            let listed = match f {
                Field::Id
                | Field::Text
                | Field::Item
                | Field::Category
                | Field::Units
                | Field::Cooperating
                | Field::Leader
                | Field::Remarks
                | Field::Extra
                | Field::Note
                | Field::CompletionNote
                | Field::Deadline => FIELDS.iter().filter(|&&g| g == f).count(),
            };
            assert_eq!(listed, 1, "{f:?}");
        }
    }

    #[test]
    fn every_field_is_searched() {
        use crate::plan::fields::Extra;
        let mut r = Requirement::new(
            ReqId::new(3, 2, 11),
            "文本".into(),
            "市财政局".into(),
            "2021年8月15日前完成".into(),
            2021,
        );
        r.cooperating_raw = "市民政局".into();
        r.leader_raw = "李副市长".into();
        r.remarks = "备注内容".into();
        r.extra = vec![Extra {
            name: "进展".into(),
            value: "已开会".into(),
        }];
        r.completion_note = Some("已办结OK".into());
        let at = chrono::NaiveDate::from_ymd_opt(2021, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .expect("valid time");
        r.add_note("督促一次", at);
        let category = Category {
            number: 3,
            name: "阳光政府".into(),
            items: Vec::new(),
        };
        let item = Item {
            name: "事项名".into(),
            requirements: Vec::new(),
        };
        let e = Entry {
            plan: None,
            category: &category,
            item: &item,
            requirement: &r,
        };
        for q in [
            "3.2.11",
            "3.2.",
            "文本",
            "事项",
            "阳光政府",
            "财政",
            "民政",
            "李副",
            "备注内",
            "已开",
            "督促",
            "ok",
            "8月15日",
            " 2.1 ",
        ] {
            assert!(Search::new(q).hit(&e), "{q:?}");
        }
        for q in ["进展", "3.2.12", "", "  ", "无"] {
            assert!(!Search::new(q).hit(&e), "{q:?}");
        }
    }
}
