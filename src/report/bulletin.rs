//! The 督查通报 as a report document (rendered as .docx, Markdown or HTML): the period,
//! totals and completion rate, progress by category, units on time and units overdue,
//! what changed since the snapshot, the unit scores, and blanks for the leader's remarks.

use chrono::NaiveDate;

use super::export::doc::{Block, Cell, Document, Section, Table};
use super::notice::long_date;
use crate::i18n::Lang;
use crate::plan::scoring::{UnitScore, rule_label};
use crate::plan::snapshot::Changes;
use crate::plan::workload::UnitRow;
use crate::plan::{Counts, Plan, ReqId};
use crate::text::one_line;

/// Percent done, one decimal.
#[allow(clippy::cast_precision_loss)] // counts of a plan's requirements
fn rate(c: &Counts) -> String {
    if c.total == 0 {
        return "0.0".into();
    }
    format!("{:.1}", c.done as f64 * 100.0 / c.total as f64)
}

pub struct Bulletin<'a> {
    /// The plans it reports on, each with its name (never empty); with several, each gets
    /// its totals paragraph and its categories, named, and `changes` is `None` (snapshots
    /// are a plan's own).
    pub plans: &'a [(&'a str, &'a Plan)],
    pub today: NaiveDate,
    pub office: &'a str,
    pub changes: Option<&'a Changes<'a>>,
    pub units: &'a [UnitRow],
    pub scores: &'a [UnitScore],
}

pub fn build(b: &Bulletin<'_>, lang: Lang) -> Document {
    let today = long_date(b.today, lang);
    let period = match b.changes {
        Some(c) => {
            let from = long_date(c.taken_at.date(), lang);
            match lang {
                Lang::Zh => format!("通报期间：{from}（快照「{}」）至{today}", c.label),
                Lang::En => format!("Period: {from} (snapshot \"{}\") to {today}", c.label),
            }
        }
        None => match lang {
            Lang::Zh => format!("截至{today}"),
            Lang::En => format!("As of {today}"),
        },
    };
    let summary: Vec<Block> = (b.plans.iter())
        .map(|(_, plan)| Block::Para(totals(plan, b.today, lang)))
        .collect();
    let mut sections = vec![
        Section {
            key: "progress",
            heading: lang.pick("一、总体进展", "1. Overall progress").into(),
            blocks: summary,
        },
        categories(b, lang),
    ];
    sections.extend(units(b, lang));
    sections.push(changes(b, lang));
    sections.push(scores(b, lang));
    sections.push(Section {
        key: "remarks",
        heading: lang.pick("七、领导批示", "7. Leader's remarks").into(),
        blocks: vec![
            Block::Para(lang.pick("领导批示：", "Remarks:").into()),
            Block::Para("＿".repeat(28)),
            Block::Para("＿".repeat(28)),
            Block::Para(
                lang.pick(
                    "签字：＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日",
                    "Signed: ________   Date: ________",
                )
                .into(),
            ),
        ],
    });
    Document {
        lang,
        title: lang.pick("督查通报", "Supervision bulletin").into(),
        subtitle: b.office.to_string(),
        summary: period,
        sections,
    }
}

/// 总体进展 of one plan: its totals in one sentence.
fn totals(plan: &Plan, today: NaiveDate, lang: Lang) -> String {
    let totals = Counts::of(plan.requirements(), today);
    match lang {
        Lang::Zh => format!(
            "《{}》共{}项工作任务，已完成{}项，完成率{}%；推进中{}项，待审核{}项，受阻{}项，未开始{}项；逾期未完成{}项。",
            one_line(&plan.title),
            totals.total,
            totals.done,
            rate(&totals),
            totals.doing,
            totals.review,
            totals.blocked,
            totals.todo,
            totals.overdue
        ),
        Lang::En => format!(
            "\"{}\": {} tasks, {} done ({}%); {} in progress, {} in review, {} blocked, {} not started; {} overdue.",
            one_line(&plan.title),
            totals.total,
            totals.done,
            rate(&totals),
            totals.doing,
            totals.review,
            totals.blocked,
            totals.todo,
            totals.overdue
        ),
    }
}

fn categories(b: &Bulletin<'_>, lang: Lang) -> Section {
    let header = match lang {
        Lang::Zh => ["类别", "任务数", "已完成", "推进中", "逾期", "完成率"],
        Lang::En => ["Category", "Tasks", "Done", "Doing", "Overdue", "Done %"],
    };
    let mut t = Table::new(&header, &[1, 2, 3, 4, 5]);
    let several = b.plans.len() > 1;
    let cats = (b.plans.iter()).flat_map(|(name, p)| p.categories.iter().map(move |c| (name, c)));
    for (name, cat) in cats {
        let c = Counts::of(cat.requirements(), b.today);
        let mut label = format!("{}. {}", cat.number, one_line(&cat.name));
        if several {
            label = format!("{name}：{label}");
        }
        t.push(vec![
            Cell::text(label),
            Cell::text(c.total.to_string()),
            Cell::text(c.done.to_string()),
            Cell::text(c.doing.to_string()),
            Cell::text(c.overdue.to_string()),
            Cell::text(format!("{}%", rate(&c))),
        ]);
    }
    Section {
        key: "categories",
        heading: lang.pick("二、分类推进情况", "2. By category").into(),
        blocks: vec![Block::Table(t)],
    }
}

/// Units on time (something done, nothing overdue) named as good examples; units with
/// overdue work named with counts and their longest delay.
fn units(b: &Bulletin<'_>, lang: Lang) -> [Section; 2] {
    let good: Vec<String> = b
        .units
        .iter()
        .filter(|u| u.overdue == 0 && u.done > 0)
        .map(|u| match lang {
            Lang::Zh => format!("{}（完成{}项）", u.name, u.done),
            Lang::En => format!("{} ({} done)", u.name, u.done),
        })
        .collect();
    let good = if good.is_empty() {
        lang.pick("本期暂无。", "None this period.").to_string()
    } else {
        match lang {
            Lang::Zh => format!(
                "以下{}个单位承担的任务无逾期，予以通报表扬：{}。",
                good.len(),
                good.join("、")
            ),
            Lang::En => format!(
                "{} units have nothing overdue: {}.",
                good.len(),
                good.join(", ")
            ),
        }
    };
    let header = match lang {
        Lang::Zh => ["单位", "逾期项数", "最长逾期天数", "承担任务数"],
        Lang::En => ["Unit", "Overdue", "Longest overdue (days)", "Tasks"],
    };
    let mut t = Table::new(&header, &[1, 2, 3]);
    let mut late: Vec<&UnitRow> = b.units.iter().filter(|u| u.overdue > 0).collect();
    late.sort_by(|a, c| {
        c.overdue
            .cmp(&a.overdue)
            .then(c.oldest_overdue_days.cmp(&a.oldest_overdue_days))
    });
    for u in &late {
        t.push(vec![
            Cell::text(u.name.clone()),
            Cell::text(u.overdue.to_string()),
            Cell::text(u.oldest_overdue_days.unwrap_or(0).to_string()),
            Cell::text((u.lead + u.cooperating).to_string()),
        ]);
    }
    let late_blocks = if late.is_empty() {
        vec![Block::Para(
            lang.pick("本期无逾期单位。", "No unit has overdue work.")
                .into(),
        )]
    } else {
        vec![
            Block::Para(match lang {
                Lang::Zh => format!("以下{}个单位存在逾期未完成任务，请抓紧整改：", late.len()),
                Lang::En => format!("{} units have overdue work:", late.len()),
            }),
            Block::Table(t),
        ]
    };
    [
        Section {
            key: "good",
            heading: lang.pick("三、按时推进的单位", "3. Units on time").into(),
            blocks: vec![Block::Para(good)],
        },
        Section {
            key: "late",
            heading: lang
                .pick("四、存在逾期的单位", "4. Units with overdue work")
                .into(),
            blocks: late_blocks,
        },
    ]
}

fn id_table(plan: &Plan, ids: &[ReqId], lang: Lang) -> Table {
    let header = match lang {
        Lang::Zh => ["编号", "工作要求", "牵头单位"],
        Lang::En => ["Id", "Requirement", "Lead unit"],
    };
    let mut t = Table::new(&header, &[]).nowrap(&[0]);
    for id in ids {
        let Some(r) = plan.get(*id) else { continue };
        let lead: Vec<&str> = r.units.lead.iter().map(|u| u.name.as_str()).collect();
        t.push(vec![
            Cell::text(id.to_string()),
            Cell::text(one_line(&r.text).into_owned()),
            Cell::text(lead.join("、")),
        ]);
    }
    t
}

fn changes(b: &Bulletin<'_>, lang: Lang) -> Section {
    let heading = lang.pick("五、本期变化", "5. Changes this period").into();
    let Some(c) = b.changes else {
        return Section {
            key: "changes",
            heading,
            blocks: vec![Block::Para(
                lang.pick(
                    "尚无快照可比较（用 duban snapshot 记录本期状态，下期通报即可列出变化）。",
                    "No snapshot to compare with (take one with duban snapshot).",
                )
                .into(),
            )],
        };
    };
    let mut blocks = Vec::new();
    for (ids, zh, en) in [
        (&c.newly_done, "本期新完成", "Newly done"),
        (&c.newly_overdue, "本期新逾期", "Newly overdue"),
    ] {
        blocks.push(Block::Para(match lang {
            Lang::Zh => format!(
                "{zh}{}项{}",
                ids.len(),
                if ids.is_empty() { "。" } else { "：" }
            ),
            Lang::En => format!("{en}: {}", ids.len()),
        }));
        if !ids.is_empty() {
            blocks.push(Block::Table(id_table(b.plans[0].1, ids, lang)));
        }
    }
    Section {
        key: "changes",
        heading,
        blocks,
    }
}

fn scores(b: &Bulletin<'_>, lang: Lang) -> Section {
    let header = match lang {
        Lang::Zh => ["单位", "得分", "计分明细"],
        Lang::En => ["Unit", "Score", "Breakdown"],
    };
    let mut t = Table::new(&header, &[1]);
    for s in b.scores.iter().filter(|s| !s.collective) {
        t.push(vec![
            Cell::text(s.name.clone()),
            Cell::text(format!("{:.1}", s.score)),
            Cell::text(breakdown(s, lang)),
        ]);
    }
    Section {
        key: "scores",
        heading: lang.pick("六、单位考核得分", "6. Unit scores").into(),
        blocks: vec![Block::Table(t)],
    }
}

/// `按时完成3项 +6；被催办2次 −1` — one line per rule that applied.
pub fn breakdown(s: &UnitScore, lang: Lang) -> String {
    let parts: Vec<String> = s
        .breakdown
        .iter()
        .map(|l| {
            let sign = if l.points < 0.0 { "−" } else { "+" };
            format!(
                "{}{} {sign}{}",
                rule_label(l.rule, lang),
                l.count,
                l.points.abs()
            )
        })
        .collect();
    if parts.is_empty() {
        "—".into()
    } else {
        parts.join(lang.pick("；", "; "))
    }
}
