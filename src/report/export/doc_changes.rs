//! The "本期变化" section of the printable report: what changed since a snapshot, with
//! progress 本期 (now) vs 上期 (then) by category and by unit.

use super::doc::{Block, Cell, Section, Table, Tone};
use crate::i18n::Lang;
use crate::plan::Counts;
use crate::plan::snapshot::changes::{Changes, Compare};
use crate::plan::{Plan, ReqId};

fn arrow(then: usize, now: usize) -> String {
    if then == now {
        now.to_string()
    } else {
        format!("{then} → {now}")
    }
}

fn signed(then: usize, now: usize) -> String {
    match now.cmp(&then) {
        std::cmp::Ordering::Equal => "0".into(),
        std::cmp::Ordering::Greater => format!("+{}", now - then),
        std::cmp::Ordering::Less => format!("-{}", then - now),
    }
}

pub fn section(c: &Changes<'_>, plan: &Plan, lang: Lang) -> Section {
    let mut blocks = headline(c, lang);
    requirement_lists(&mut blocks, c, plan, lang);
    progress(&mut blocks, c, lang);
    Section {
        key: "changes",
        heading: lang.pick("本期变化", "Changes this period").into(),
        blocks,
    }
}

fn headline(c: &Changes<'_>, lang: Lang) -> Vec<Block> {
    let taken = c.taken_at.format("%Y-%m-%d %H:%M");
    let mut blocks = vec![Block::Para(match lang {
        Lang::Zh => format!(
            "上期：快照「{}」（{taken}）；本期：{}。新增备注{}条。",
            c.label,
            c.today,
            c.notes_added_count()
        ),
        Lang::En => format!(
            "Then: snapshot \"{}\" ({taken}); now: {}. {} notes added.",
            c.label,
            c.today,
            c.notes_added_count()
        ),
    })];
    blocks.push(Block::Table(totals(&c.totals, lang)));
    blocks
}

fn req_text(plan: &Plan, id: ReqId) -> String {
    plan.get(id).map_or(String::new(), |r| r.text.clone())
}

/// Newly done, newly overdue, status changes, notes added.
fn requirement_lists(blocks: &mut Vec<Block>, c: &Changes<'_>, plan: &Plan, lang: Lang) {
    let lists = [
        (lang.pick("新办结", "Newly done"), c.newly_done.len()),
        (
            lang.pick("新增逾期", "Newly overdue"),
            c.newly_overdue.len(),
        ),
        (
            lang.pick("状态变化", "Status changes"),
            c.status_changes.len(),
        ),
        (lang.pick("新增备注", "Notes added"), c.notes_added_count()),
        (
            lang.pick("督办动态", "Extensions, reviews, reminders"),
            c.lifecycle.len(),
        ),
    ];
    for (i, (title, n)) in lists.into_iter().enumerate() {
        blocks.push(Block::Heading(match lang {
            Lang::Zh => format!("{title}（{n}）"),
            Lang::En => format!("{title} ({n})"),
        }));
        if n == 0 {
            blocks.push(Block::Para(lang.pick("无。", "None.").into()));
            continue;
        }
        blocks.push(Block::Table(match i {
            0 => id_table(&c.newly_done, Tone::Done, plan, lang),
            1 => id_table(&c.newly_overdue, Tone::Overdue, plan, lang),
            2 => status_table(c, plan, lang),
            3 => notes_table(c, lang),
            _ => lifecycle_table(c, lang),
        }));
    }
}

/// 序号 / 具体要求 / 牵头单位 / 状态, the status cell coloured `tone`.
fn id_table(ids: &[ReqId], tone: Tone, plan: &Plan, lang: Lang) -> Table {
    let mut t = Table::new(
        &[
            lang.pick("序号", "No."),
            lang.pick("具体要求", "Requirement"),
            lang.pick("牵头单位", "Lead units"),
            lang.pick("状态", "Status"),
        ],
        &[],
    )
    .nowrap(&[0, 3]);
    for &id in ids {
        let r = plan.get(id);
        let lead = r.map_or(String::new(), |r| {
            let names: Vec<&str> = r.units.lead.iter().map(|u| u.name.as_str()).collect();
            names.join("、")
        });
        t.push(vec![
            id.to_string().into(),
            req_text(plan, id).into(),
            lead.into(),
            Cell {
                text: r.map_or("", |r| lang.status(r.status)).into(),
                tone,
                bar: None,
            },
        ]);
    }
    t
}

fn status_table(c: &Changes<'_>, plan: &Plan, lang: Lang) -> Table {
    let mut t = Table::new(
        &[
            lang.pick("序号", "No."),
            lang.pick("变化", "Change"),
            lang.pick("具体要求", "Requirement"),
        ],
        &[],
    )
    .nowrap(&[0, 1]);
    for s in &c.status_changes {
        let change = format!("{} → {}", lang.status(s.from), lang.status(s.to));
        t.push(vec![
            s.id.to_string().into(),
            change.into(),
            req_text(plan, s.id).into(),
        ]);
    }
    t
}

fn notes_table(c: &Changes<'_>, lang: Lang) -> Table {
    let mut t = Table::new(
        &[
            lang.pick("序号", "No."),
            lang.pick("时间", "At"),
            lang.pick("备注", "Note"),
        ],
        &[],
    )
    .nowrap(&[0, 1]);
    for n in &c.notes_added {
        for note in n.notes {
            let at = note.at.format("%Y-%m-%d %H:%M").to_string();
            t.push(vec![
                n.id.to_string().into(),
                at.into(),
                note.text.clone().into(),
            ]);
        }
    }
    t
}

fn lifecycle_table(c: &Changes<'_>, lang: Lang) -> Table {
    let mut t = Table::new(
        &[
            lang.pick("序号", "No."),
            lang.pick("时间", "At"),
            lang.pick("事项", "What"),
        ],
        &[],
    )
    .nowrap(&[0, 1]);
    for row in crate::report::snapshot::lifecycle_rows(c, lang) {
        t.push(row.into_iter().map(Cell::from).collect());
    }
    t
}

/// Category and unit progress, 本期 vs 上期.
fn progress(blocks: &mut Vec<Block>, c: &Changes<'_>, lang: Lang) {
    blocks.push(Block::Heading(
        lang.pick(
            "分类进展（本期 vs 上期）",
            "Progress by category (now vs then)",
        )
        .into(),
    ));
    let mut t = compare_table(lang.pick("重点任务", "Key task"), lang);
    for k in &c.categories {
        t.push(compare_cells(
            format!("{} {}", k.number, k.name),
            &k.progress,
        ));
    }
    blocks.push(Block::Table(t));

    blocks.push(Block::Heading(
        lang.pick(
            "单位进展（本期 vs 上期，只列有变化的单位）",
            "Progress by unit (now vs then, changed units only)",
        )
        .into(),
    ));
    let changed: Vec<_> = c.units.iter().filter(|u| u.progress.changed()).collect();
    if changed.is_empty() {
        blocks.push(Block::Para(
            lang.pick("各单位均无变化。", "No unit changed.").into(),
        ));
    } else {
        let mut t = compare_table(lang.pick("单位", "Unit"), lang);
        for u in changed {
            t.push(compare_cells(u.name.clone(), &u.progress));
        }
        blocks.push(Block::Table(t));
    }
}

type Measure = fn(&Counts) -> usize;

/// 指标 / 上期 / 本期 / 变化 for the headline counts.
fn totals(t: &Compare, lang: Lang) -> Table {
    let mut table = Table::new(
        &[
            lang.pick("指标", "Measure"),
            lang.pick("上期", "Then"),
            lang.pick("本期", "Now"),
            lang.pick("变化", "Change"),
        ],
        &[1, 2, 3],
    );
    let rows: [(&str, Measure); 5] = [
        (lang.pick("要求", "Requirements"), |t| t.total),
        (lang.pick("已完成", "Done"), |t| t.done),
        (lang.pick("推进中", "Doing"), |t| t.doing),
        (lang.pick("受阻", "Blocked"), |t| t.blocked),
        (lang.pick("逾期", "Overdue"), |t| t.overdue),
    ];
    for (label, f) in rows {
        let (then, now) = (f(&t.then), f(&t.now));
        table.push(vec![
            label.into(),
            then.to_string().into(),
            now.to_string().into(),
            signed(then, now).into(),
        ]);
    }
    table
}

fn compare_table(first: &str, lang: Lang) -> Table {
    Table::new(
        &[
            first,
            lang.pick("要求", "Reqs"),
            lang.pick("已完成（上期→本期）", "Done (then → now)"),
            lang.pick("推进中（上期→本期）", "Doing (then → now)"),
            lang.pick("逾期（上期→本期）", "Overdue (then → now)"),
        ],
        &[1, 2, 3, 4],
    )
}

fn compare_cells(name: String, p: &Compare) -> Vec<Cell> {
    vec![
        name.into(),
        arrow(p.then.total, p.now.total).into(),
        arrow(p.then.done, p.now.done).into(),
        arrow(p.then.doing, p.now.doing).into(),
        arrow(p.then.overdue, p.now.overdue).into(),
    ]
}
