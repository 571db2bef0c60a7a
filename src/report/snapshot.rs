//! Plain text for `duban snapshot --list` and `duban report --since`.

use std::fmt::Write as _;

use serde::Serialize;

use crate::i18n::Lang;
use crate::plan::Counts;
use crate::plan::snapshot::Snapshot;
use crate::plan::snapshot::changes::{Changes, Compare};
use crate::plan::{Plan, ReqId};
use crate::report::text::{one_line, pad, pad_left, truncate, width};

const GAP: &str = "  ";

/// A table: columns padded to their widest cell (numbers right-aligned), the last column cut
/// to what is left of `total_width`.
pub(super) fn table(
    header: &[&str],
    rows: &[Vec<String>],
    numeric: &[bool],
    total_width: usize,
) -> String {
    let n = header.len();
    if n == 0 {
        return String::new();
    }
    let widths: Vec<usize> = (0..n)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| width(c))
                .chain([width(header[i])])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let fixed: usize = widths[..n - 1].iter().map(|w| w + GAP.len()).sum();
    let last = total_width.saturating_sub(fixed).max(12);
    let mut out = String::new();
    let header: Vec<String> = header.iter().map(ToString::to_string).collect();
    for row in std::iter::once(&header).chain(rows) {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i + 1 == n {
                line.push_str(&truncate(&one_line(cell), last));
            } else if numeric.get(i).copied().unwrap_or(false) {
                line.push_str(&pad_left(cell, widths[i]));
                line.push_str(GAP);
            } else {
                line.push_str(&pad(cell, widths[i]));
                line.push_str(GAP);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[derive(Debug, Serialize)]
pub struct SnapshotInfo<'a> {
    pub label: &'a str,
    pub taken_at: chrono::NaiveDateTime,
    pub requirements: usize,
    pub done: usize,
    pub overdue: usize,
}

/// `snapshot --list --json`: one object per snapshot, oldest first.
pub fn list_json(snapshots: &[Snapshot]) -> Vec<SnapshotInfo<'_>> {
    snapshots
        .iter()
        .map(|s| SnapshotInfo {
            label: &s.label,
            taken_at: s.taken_at,
            requirements: s.requirements.len(),
            done: s.done(),
            overdue: s.overdue(),
        })
        .collect()
}

pub fn list(snapshots: &[Snapshot], lang: Lang, total_width: usize) -> String {
    if snapshots.is_empty() {
        return lang
            .pick(
                "还没有快照；用 `duban snapshot` 记录本期状态\n",
                "no snapshots yet; take one with `duban snapshot`\n",
            )
            .to_string();
    }
    let header = [
        lang.pick("时间", "taken at"),
        lang.pick("已完成", "done"),
        lang.pick("逾期", "overdue"),
        lang.pick("标签", "label"),
    ];
    let rows: Vec<Vec<String>> = snapshots.iter().map(info_row).collect();
    table(&header, &rows, &[false, true, true], total_width)
}

/// A snapshot's row of `snapshot --list`: taken at, done/total, overdue, label.
pub(super) fn info_row(s: &Snapshot) -> Vec<String> {
    vec![
        s.taken_at.format("%Y-%m-%d %H:%M").to_string(),
        format!("{}/{}", s.done(), s.requirements.len()),
        s.overdue().to_string(),
        s.label.clone(),
    ]
}

/// `3 → 5（+2）`, or just `3` when unchanged.
fn delta(then: usize, now: usize, lang: Lang) -> String {
    if then == now {
        return now.to_string();
    }
    let sign = if now > then { '+' } else { '-' };
    let diff = now.abs_diff(then);
    match lang {
        Lang::Zh => format!("{then} → {now}（{sign}{diff}）"),
        Lang::En => format!("{then} → {now} ({sign}{diff})"),
    }
}

fn arrow(then: usize, now: usize) -> String {
    if then == now {
        now.to_string()
    } else {
        format!("{then} → {now}")
    }
}

/// One line of totals: done, doing, overdue then → now.
pub fn totals_line(t: &Compare, lang: Lang) -> String {
    let part = |label: &str, f: fn(&Counts) -> usize| {
        format!("{label} {}", delta(f(&t.then), f(&t.now), lang))
    };
    [
        part(lang.pick("已完成", "done"), |t| t.done),
        part(lang.pick("推进中", "doing"), |t| t.doing),
        part(lang.pick("受阻", "blocked"), |t| t.blocked),
        part(lang.pick("逾期", "overdue"), |t| t.overdue),
    ]
    .join(GAP)
}

/// The text of `report --since`: headline, the lists of changed requirements, then category
/// and unit progress 本期 vs 上期 (units only where something changed).
pub fn changes(c: &Changes<'_>, plan: &Plan, lang: Lang, total_width: usize) -> String {
    let mut out = String::new();
    let taken = c.taken_at.format("%Y-%m-%d %H:%M");
    let _ = match lang {
        Lang::Zh => writeln!(
            out,
            "本期变化：上期快照「{}」（{taken}）→ 本期 {}",
            c.label, c.today
        ),
        Lang::En => writeln!(
            out,
            "Changes since snapshot \"{}\" ({taken}) to {}",
            c.label, c.today
        ),
    };
    let _ = writeln!(out, "{}\n", totals_line(&c.totals, lang));
    lists(
        &mut out,
        &[Part {
            label: None,
            changes: c,
            plan,
        }],
        lang,
        total_width,
    );
    progress_tables(&mut out, c, lang, total_width);
    out
}

/// One plan's changes, its rows named `NAME:ID` when `label` is set (a report across plans).
pub struct Part<'p, 'a> {
    pub label: Option<&'p str>,
    pub changes: &'p Changes<'a>,
    pub plan: &'p Plan,
}

impl Part<'_, '_> {
    fn shown(&self, id: ReqId) -> String {
        match self.label {
            Some(name) => format!("{name}:{id}"),
            None => id.to_string(),
        }
    }

    /// id, what changed, lead unit, requirement text (cut to the line).
    fn req_line(&self, id: ReqId, extra: String) -> Vec<String> {
        let r = self.plan.get(id);
        let lead = r
            .and_then(|r| r.units.primary())
            .map_or("-", |u| u.name.as_str());
        let text = r.map_or(String::new(), |r| r.text.clone());
        vec![self.shown(id), extra, lead.to_string(), text]
    }

    fn with_status(&self, ids: &[ReqId], lang: Lang) -> Vec<Vec<String>> {
        ids.iter()
            .map(|&id| {
                let status = self.plan.get(id).map_or("", |r| lang.status(r.status));
                self.req_line(id, status.to_string())
            })
            .collect()
    }
}

/// Newly done, newly overdue, status changes, notes added, new requirements: each list one
/// section over every part, plan after plan.
pub(super) fn lists(out: &mut String, parts: &[Part<'_, '_>], lang: Lang, total_width: usize) {
    let rows = |f: &dyn Fn(&Part<'_, '_>) -> Vec<Vec<String>>| -> Vec<Vec<String>> {
        parts.iter().flat_map(f).collect()
    };
    let mut emit = |title: &str, rows: &[Vec<String>]| {
        section(out, title, rows, total_width, lang);
    };
    emit(
        lang.pick("新办结", "Newly done"),
        &rows(&|p| p.with_status(&p.changes.newly_done, lang)),
    );
    emit(
        lang.pick("新增逾期", "Newly overdue"),
        &rows(&|p| p.with_status(&p.changes.newly_overdue, lang)),
    );
    let changed = rows(&|p| {
        (p.changes.status_changes.iter())
            .map(|s| {
                let change = format!("{} → {}", lang.status(s.from), lang.status(s.to));
                p.req_line(s.id, change)
            })
            .collect()
    });
    emit(lang.pick("状态变化", "Status changes"), &changed);
    let notes = rows(&|p| {
        (p.changes.notes_added.iter())
            .flat_map(|n| {
                n.notes.iter().map(|note| {
                    let at = note.at.format("%Y-%m-%d %H:%M").to_string();
                    vec![p.shown(n.id), at, note.text.clone()]
                })
            })
            .collect()
    });
    emit(lang.pick("新增备注", "Notes added"), &notes);
    let events = rows(&|p| {
        let mut rows = lifecycle_rows(p.changes, lang);
        if p.label.is_some() {
            for (row, e) in rows.iter_mut().zip(&p.changes.lifecycle) {
                row[0] = p.shown(e.id);
            }
        }
        rows
    });
    emit(
        lang.pick(
            "督办动态（延期、审核、催办、佐证材料）",
            "Extensions, reviews, reminders, evidence",
        ),
        &events,
    );
    let added = rows(&|p| p.with_status(&p.changes.added_requirements, lang));
    if !added.is_empty() {
        emit(lang.pick("新增要求", "New requirements"), &added);
    }
}

/// One row per life-cycle event: id, time, what (and who).
pub(crate) fn lifecycle_rows(c: &Changes<'_>, lang: Lang) -> Vec<Vec<String>> {
    c.lifecycle
        .iter()
        .map(|e| {
            let at = e.change.at.format("%Y-%m-%d %H:%M").to_string();
            let by = e
                .change
                .by
                .as_deref()
                .map_or_else(String::new, |b| format!("（{b}）"));
            let what = crate::i18n::lifecycle::describe(&e.change.what, lang);
            vec![e.id.to_string(), at, format!("{what}{by}")]
        })
        .collect()
}

/// Category and unit progress, 本期 vs 上期; units only where something changed.
fn progress_tables(out: &mut String, c: &Changes<'_>, lang: Lang, total_width: usize) {
    let title = lang.pick(
        "分类进展（本期 vs 上期）",
        "Progress by category (now vs then)",
    );
    let _ = writeln!(out, "{title}");
    let header = progress_header(lang, lang.pick("类别", "category"));
    let rows: Vec<Vec<String>> = c
        .categories
        .iter()
        .map(|k| progress_row(k.number.to_string(), &k.progress, k.name.clone()))
        .collect();
    out.push_str(&table(&header, &rows, &NUMERIC, total_width));

    let units: Vec<(String, Compare)> = (c.units.iter())
        .map(|u| (u.name.clone(), u.progress))
        .collect();
    unit_progress(out, &units, lang, total_width);
}

/// Unit progress, 本期 vs 上期, only the units where something changed.
pub(super) fn unit_progress(
    out: &mut String,
    units: &[(String, Compare)],
    lang: Lang,
    total_width: usize,
) {
    let title = lang.pick(
        "单位进展（本期 vs 上期，只列有变化的单位）",
        "Progress by unit (now vs then, changed units only)",
    );
    let _ = writeln!(out, "\n{title}");
    let changed: Vec<Vec<String>> = (units.iter())
        .filter(|(_, p)| p.changed())
        .map(|(name, p)| progress_row(String::new(), p, name.clone())[1..].to_vec())
        .collect();
    if changed.is_empty() {
        let _ = writeln!(out, "{}", lang.pick("  无", "  none"));
    } else {
        let header = progress_header(lang, lang.pick("单位", "unit"));
        out.push_str(&table(&header[1..], &changed, &NUMERIC[1..], total_width));
    }
}

/// Columns of a progress table: number, reqs, done, doing, overdue, then the name.
pub(super) const NUMERIC: [bool; 5] = [false, true, true, true, true];

pub(super) fn progress_header(lang: Lang, name: &'static str) -> [&'static str; 6] {
    [
        lang.pick("编号", "no."),
        lang.pick("要求", "reqs"),
        lang.pick("已完成", "done"),
        lang.pick("推进中", "doing"),
        lang.pick("逾期", "overdue"),
        name,
    ]
}

pub(super) fn progress_row(first: String, p: &Compare, name: String) -> Vec<String> {
    vec![
        first,
        arrow(p.then.total, p.now.total),
        arrow(p.then.done, p.now.done),
        arrow(p.then.doing, p.now.doing),
        arrow(p.then.overdue, p.now.overdue),
        name,
    ]
}

fn section(out: &mut String, title: &str, rows: &[Vec<String>], total_width: usize, lang: Lang) {
    if rows.is_empty() {
        let _ = writeln!(out, "{title}{}\n", lang.pick("：无", ": none"));
        return;
    }
    let _ = match lang {
        Lang::Zh => writeln!(out, "{title}（{}）", rows.len()),
        Lang::En => writeln!(out, "{title} ({})", rows.len()),
    };
    for line in table_rows(rows, total_width.saturating_sub(2)).lines() {
        let _ = writeln!(out, "  {line}");
    }
    out.push('\n');
}

/// Rows without a header line.
fn table_rows(rows: &[Vec<String>], total_width: usize) -> String {
    let n = rows.first().map_or(0, Vec::len);
    let blank = vec![""; n];
    let all = table(&blank, rows, &[], total_width);
    // The first line is the (empty) header.
    all.split_once('\n')
        .map_or(String::new(), |(_, rest)| rest.to_string())
}
