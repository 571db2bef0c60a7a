//! A paragraph plan's tasks → the plan tree, with as many levels as the document has: no
//! headings above the tasks is one level, one heading style two, more three (the outermost
//! style the categories, the others together the items). Categories and ids are positional;
//! a document that numbers its tasks straight through the plan keeps that number.

use std::path::Path;

use super::super::outline::Marker;
use super::super::table::Reading;
use super::super::year::{self, YearHint};
use super::super::{ImportError, Place};
use super::{Line, Outline, Task};
use crate::plan::Levels;
use crate::plan::model::{Category, Item, Plan, ReqId, Requirement};

/// A level above the tasks: a numbering style, or the unnumbered sub-headings (deepest).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Style(Marker),
    Sub,
}

/// The heading of `task` at `level`: (name, entry), `None` where it has none.
fn at(task: &Task, level: Level) -> Option<(&str, usize)> {
    match level {
        Level::Style(m) => (task.path.iter())
            .find(|h| h.0 == m)
            .map(|h| (h.1.as_str(), h.2)),
        Level::Sub => task.sub.as_ref().map(|(name, e)| (name.as_str(), *e)),
    }
}

/// Reads `lines` as a paragraph plan; `Ok(None)` when they hold no task. `place` says what
/// the line numbers count.
pub(in crate::plan::import) fn read(
    lines: &[Line],
    file: &str,
    hint: YearHint,
    place: Place,
) -> Result<Option<(Plan, Reading)>, ImportError> {
    let Some(outline) = super::read(lines, file)? else {
        return Ok(None);
    };
    let Outline {
        title,
        tasks,
        skipped,
        dates,
    } = outline;
    let title_line = title.as_ref().map_or(0, |t| t.1);
    let title = title.map_or_else(|| file_stem(file), |t| t.0);
    let deadlines = tasks.iter().flat_map(|t| t.annotation.deadlines());
    let found = year::resolve(
        &title,
        dates.iter().map(String::as_str).chain(deadlines),
        hint,
    );
    let Some((year, guessed)) = found else {
        let problem = "no year in the title, the document's dates or its deadlines; \
                       add one like 2021年 to the title, or give --year";
        return Err(ImportError::new(file, title_line, problem));
    };
    let mut levels: Vec<Level> = Vec::new();
    for t in &tasks {
        let here =
            (t.path.iter().map(|h| Level::Style(h.0))).chain(t.sub.as_ref().map(|_| Level::Sub));
        for level in here {
            if !levels.contains(&level) {
                levels.push(level);
            }
        }
    }
    levels.sort_unstable();
    let shape = match levels.len() {
        0 => Levels::One,
        1 => Levels::Two,
        _ => Levels::Three,
    };
    let categories = tree(tasks, &levels);
    let mut plan = Plan {
        title,
        year,
        source: file.to_string(),
        period: None,
        levels: shape,
        year_guessed: guessed,
        categories,
    };
    plan.derive();
    let reading = Reading {
        columns: Vec::new(),
        given: false,
        header_row: false,
        paragraphs: Some(place),
        skipped,
    };
    Ok(Some((plan, reading)))
}

fn file_stem(file: &str) -> String {
    let stem = Path::new(file)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned());
    stem.filter(|s| !s.is_empty())
        .unwrap_or_else(|| "plan".to_string())
}

/// Categories from the outermost level, items from the others (joined), requirements from
/// the tasks, all numbered by position.
fn tree(tasks: Vec<Task>, levels: &[Level]) -> Vec<Category> {
    let straight = straight_through(&tasks, levels);
    let (top, inner): (Option<Level>, &[Level]) = match levels {
        [] => (None, &[]),
        [only] => (Some(*only), &[]),
        [first, rest @ ..] => (Some(*first), rest),
    };
    let mut cats: Vec<Category> = Vec::new();
    let mut last: Option<(Option<usize>, Vec<Option<usize>>)> = None;
    for t in tasks {
        let cat_key = top.and_then(|l| at(&t, l)).map(|h| h.1);
        let item_key: Vec<Option<usize>> = inner.iter().map(|&l| at(&t, l).map(|h| h.1)).collect();
        let new_cat = last.as_ref().is_none_or(|(c, _)| *c != cat_key);
        if new_cat {
            let name = top.and_then(|l| at(&t, l)).map_or("", |h| h.0);
            cats.push(Category {
                number: to_u32(cats.len() + 1),
                name: name.to_string(),
                items: Vec::new(),
            });
        }
        let cat = cats
            .last_mut()
            .expect("a category was just pushed or is open");
        if new_cat || last.as_ref().is_some_and(|(_, i)| *i != item_key) {
            let names: Vec<&str> = inner
                .iter()
                .filter_map(|&l| at(&t, l).map(|h| h.0))
                .collect();
            cat.items.push(Item {
                name: names.join(" · "),
                requirements: Vec::new(),
            });
        }
        last = Some((cat_key, item_key));
        let (ci, ii) = (cat.number, to_u32(cat.items.len()));
        let item = cat
            .items
            .last_mut()
            .expect("an item was just pushed or is open");
        let id = ReqId::new(ci, ii, to_u32(item.requirements.len() + 1));
        let cells = t.annotation.into_cells();
        let mut req = Requirement::underived(id, t.text, cells.units, cells.deadline);
        req.cooperating_raw = cells.cooperating;
        req.leader_raw = cells.leader;
        req.number = t.number.filter(|_| straight);
        item.requirements.push(req);
    }
    cats
}

/// Whether every task is numbered 1, 2, 3 … across more than one section: the numbers run
/// straight through the plan (政府工作报告 breakdowns), so they are how the office names them.
fn straight_through(tasks: &[Task], levels: &[Level]) -> bool {
    let counted = (1..).zip(tasks).all(|(n, t)| t.number == Some(n));
    let sections = tasks.windows(2).any(|w| {
        levels
            .iter()
            .any(|&l| at(&w[0], l).map(|h| h.1) != at(&w[1], l).map(|h| h.1))
    });
    counted && sections
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
