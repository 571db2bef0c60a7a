//! The report of several plans (`duban export --format md|html|xlsx` without `--plan`, on
//! a workspace of several): each plan's report in turn, every heading naming its plan. With
//! `--since KEY` each plan is compared with its own snapshot of that key, as `duban report`
//! does; a plan without one is named in its place.

use chrono::NaiveDate;

use super::doc::{self, Block, Document, Section};
use super::{doc_changes, ledger};
use crate::i18n::Lang;
use crate::plan::snapshot::Changes;
use crate::plan::{Counts, Plan};

/// One plan of the report: its name, the plan and, when `--since` asked for them, its
/// changes since that snapshot, or why there are none (it has no snapshot of that key).
pub struct Planned<'a> {
    pub name: &'a str,
    pub plan: &'a Plan,
    pub changes: Option<Result<Changes<'a>, String>>,
}

impl Planned<'_> {
    fn changes(&self) -> Option<&Changes<'_>> {
        self.changes.as_ref().and_then(|c| c.as_ref().ok())
    }

    fn missing(&self) -> Option<&str> {
        self.changes
            .as_ref()
            .and_then(|c| c.as_ref().err())
            .map(String::as_str)
    }
}

/// The Markdown and HTML report: a short section per plan (its title, counts and, with
/// `--since`, why it is not compared) followed by that plan's sections.
pub fn document(plans: &[Planned<'_>], today: NaiveDate, lang: Lang) -> Document {
    let mut sections = Vec::new();
    for p in plans {
        let one = doc::build(p.plan, today, lang, p.changes());
        let mut blocks = vec![Block::Para(one.summary)];
        blocks.extend(p.missing().map(|why| Block::Para(why.to_string())));
        sections.push(Section {
            key: "plan",
            heading: format!("{}{}{}", p.name, lang.pick("：", ": "), one.title),
            blocks,
        });
        sections.extend(one.sections.into_iter().map(|mut s| {
            s.heading = format!("{} · {}", p.name, s.heading);
            s
        }));
    }
    let all = Counts::of(plans.iter().flat_map(|p| p.plan.requirements()), today);
    let summary = match lang {
        Lang::Zh => format!(
            "{}个计划，{}",
            plans.len(),
            ledger::summary_line(&all, lang)
        ),
        Lang::En => format!(
            "{} plans; {}",
            plans.len(),
            ledger::summary_line(&all, lang)
        ),
    };
    Document {
        lang,
        title: lang
            .pick("督办工作报告（全部计划）", "Supervision report (all plans)")
            .into(),
        subtitle: ledger::as_of(today, lang),
        summary,
        sections,
    }
}

/// The workbook's 本期变化 sheet across plans: each plan's changes under its name (or why
/// it has none); `None` when `--since` was not given.
pub fn changes_section(plans: &[Planned<'_>], lang: Lang) -> Option<Section> {
    if plans.iter().all(|p| p.changes.is_none()) {
        return None;
    }
    let mut blocks = Vec::new();
    for p in plans {
        blocks.push(Block::Heading(p.name.to_string()));
        match &p.changes {
            Some(Ok(c)) => blocks.extend(doc_changes::section(c, p.plan, lang).blocks),
            Some(Err(why)) => blocks.push(Block::Para(why.clone())),
            None => {}
        }
    }
    Some(Section {
        key: "changes",
        heading: lang.pick("本期变化", "Changes this period").into(),
        blocks,
    })
}
