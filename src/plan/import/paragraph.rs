//! Paragraph plans: a .txt copied from a web page, or a .docx's body paragraphs, with no task
//! table — numbered headings, numbered tasks and the annotations after them.
//!
//! Tasks are the entries of the numbering style that carries the annotations (else the style
//! with the most entries that have nothing numbered under them), and unnumbered lines that
//! carry an annotation. The styles above a task are its headings; a short unpunctuated line
//! right before a task is a sub-heading (优化营商环境). Everything else — the covering notice,
//! 指导思想, 工作要求 — is preamble, listed for the user to check (see [`Skipped`]).
//! [`plan`] turns the tasks into the plan's levels.

use super::ImportError;
use super::annotation::{self, Annotation};
use super::outline::{self, Marker, Numbered};
use super::table::Skipped;

pub(super) mod plan;
mod walk;
use walk::Walk;

/// Sections that introduce or close a plan rather than hold tasks, when nothing in them
/// carries an annotation.
const PREAMBLE_SECTIONS: &[&str] = &[
    "指导思想",
    "总体要求",
    "基本原则",
    "工作目标",
    "主要目标",
    "总体目标",
    "目标要求",
    "工作要求",
    "有关要求",
    "保障措施",
    "组织保障",
    "工作保障",
    "实施步骤",
    "工作步骤",
];

/// Words a plan's title has (任务分解方案, 工作要点, 责任清单 …).
const TITLE_WORDS: &[&str] = &[
    "方案", "要点", "清单", "分解", "计划", "安排", "任务", "分工", "通知", "报告",
];

/// One non-empty line (a paragraph of a .docx) and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// 1-based line, or paragraph of a .docx.
    pub number: usize,
    pub text: String,
}

enum Kind<'a> {
    Numbered(Numbered<'a>),
    Labelled(Annotation),
    Plain,
}

struct Entry<'a> {
    line: usize,
    raw: &'a str,
    kind: Kind<'a>,
    /// The text without the annotation that closes it, and that annotation.
    text: String,
    inline: Annotation,
}

/// A task as read, before it is placed in the tree.
pub(super) struct Task {
    pub number: Option<u32>,
    pub text: String,
    pub annotation: Annotation,
    /// The headings above it, outermost first: (style, name, entry).
    pub path: Vec<(Marker, String, usize)>,
    /// The sub-heading line right above it: (name, entry).
    pub sub: Option<(String, usize)>,
    /// Whether labelled lines followed it (nothing more continues its text).
    labelled: bool,
}

/// What the lines hold: the title (and its line), the tasks in order, the lines skipped.
pub(super) struct Outline {
    pub title: Option<(String, usize)>,
    pub tasks: Vec<Task>,
    pub skipped: Vec<Skipped>,
    /// Lines that are only a date (the issuing date under a notice).
    pub dates: Vec<String>,
}

fn entry(line: &Line) -> Entry<'_> {
    let raw = line.text.as_str();
    if let Some(a) = annotation::labelled(raw) {
        return Entry {
            line: line.number,
            raw,
            kind: Kind::Labelled(a),
            text: String::new(),
            inline: Annotation::default(),
        };
    }
    let (kind, body) = match outline::numbered(raw) {
        Some(n) => (Kind::Numbered(n), n.rest),
        None => (Kind::Plain, raw),
    };
    let (text, inline) = annotation::split_inline(body);
    Entry {
        line: line.number,
        raw,
        kind,
        text,
        inline,
    }
}

fn heading_like(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty()
        && !super::year::is_date_line(s)
        && s.chars().count() <= 40
        && !s.contains('。')
        && !s.ends_with(['；', ';', '：', ':', '，', ',', '！', '？', '.', '、'])
}

fn is_title(s: &str) -> bool {
    heading_like(s) && TITLE_WORDS.iter().any(|w| s.contains(w))
}

/// A heading's name: its words up to the first full stop (`（一）加强组织领导。各单位要…`).
fn heading_name(text: &str) -> String {
    let name = text.split('。').next().unwrap_or(text);
    name.trim_end_matches(['，', ',', '；', ';', '：', ':', ' '])
        .trim()
        .to_string()
}

fn marker(e: &Entry<'_>) -> Option<Marker> {
    match &e.kind {
        Kind::Numbered(n) => Some(n.marker),
        _ => None,
    }
}

/// Reads the lines' outline. `Ok(None)` when nothing in them is a task.
pub(super) fn read(lines: &[Line], file: &str) -> Result<Option<Outline>, ImportError> {
    let entries: Vec<Entry<'_>> = lines.iter().map(entry).collect();
    let n = entries.len();
    // Whether an entry carries an annotation: closing it, or on the labelled lines after it.
    let annotated: Vec<bool> = (0..n)
        .map(|i| {
            !matches!(entries[i].kind, Kind::Labelled(_))
                && (!entries[i].inline.is_empty()
                    || entries
                        .get(i + 1)
                        .is_some_and(|e| matches!(e.kind, Kind::Labelled(_))))
        })
        .collect();
    let preamble = preamble_sections(&entries, &annotated);
    let task_marker = task_marker(&entries, &annotated, &preamble);
    if task_marker.is_none() && !annotated.iter().any(|&a| a) {
        return Ok(None);
    }
    let first_structure = entries
        .iter()
        .position(|e| !matches!(e.kind, Kind::Plain))
        .unwrap_or(n);
    // The last title-like line before the numbering starts, else the first line — unless
    // that is the sub-heading right above the first task.
    let title = (0..first_structure)
        .rev()
        .find(|&i| is_title(entries[i].raw))
        .or_else(|| (first_structure > 1 && heading_like(entries[0].raw)).then_some(0));
    let mut walk = Walk {
        entries: &entries,
        annotated: &annotated,
        task_marker,
        headings_exist: (0..n).any(|i| {
            !preamble[i] && marker(&entries[i]).is_some_and(|m| task_marker.is_none_or(|t| m < t))
        }),
        used: vec![false; n],
        heads: Vec::new(),
        sub: None,
        tasks: Vec::new(),
        open: false,
    };
    if let Some(t) = title {
        walk.used[t] = true;
    }
    let mut skip_section: Option<Marker> = None;
    for i in 0..n {
        if title == Some(i) {
            continue;
        }
        if let Some(m) = skip_section {
            if marker(&entries[i]).is_none_or(|here| here > m) {
                continue;
            }
            skip_section = None;
        }
        if preamble[i] {
            skip_section = marker(&entries[i]);
            walk.open = false;
            continue;
        }
        walk.step(i, file)?;
    }
    let Walk { tasks, used, .. } = walk;
    if tasks.is_empty() {
        return Ok(None);
    }
    let skipped = (0..n)
        .filter(|&i| !used[i])
        .map(|i| Skipped {
            line: entries[i].line,
            text: entries[i].raw.chars().take(60).collect(),
        })
        .collect();
    let dates = (entries.iter())
        .filter(|e| super::year::is_date_line(e.raw))
        .map(|e| e.raw.to_string())
        .collect();
    Ok(Some(Outline {
        title: title.map(|t| (entries[t].raw.to_string(), entries[t].line)),
        tasks,
        skipped,
        dates,
    }))
}

/// Entries that open a preamble section (一、指导思想 …) with no annotation in it.
fn preamble_sections(entries: &[Entry<'_>], annotated: &[bool]) -> Vec<bool> {
    let mut out = vec![false; entries.len()];
    for (i, e) in entries.iter().enumerate() {
        let Kind::Numbered(n) = &e.kind else { continue };
        if !matches!(n.marker, Marker::Chinese | Marker::ParenChinese)
            || !PREAMBLE_SECTIONS.iter().any(|p| e.text.starts_with(p))
        {
            continue;
        }
        let end = (i + 1..entries.len())
            .find(|&j| marker(&entries[j]).is_some_and(|m| m <= n.marker))
            .unwrap_or(entries.len());
        out[i] = !annotated[i..end].iter().any(|&a| a);
    }
    out
}

/// The numbering style of tasks: the one most annotated entries have, else the one most
/// entries with nothing numbered under them have; ties go to the deeper style.
fn task_marker(entries: &[Entry<'_>], annotated: &[bool], preamble: &[bool]) -> Option<Marker> {
    let mut in_preamble = vec![false; entries.len()];
    let mut section: Option<Marker> = None;
    for (i, e) in entries.iter().enumerate() {
        let m = marker(e);
        if section.is_some_and(|s| m.is_some_and(|m| m <= s)) {
            section = None;
        }
        if preamble[i] {
            section = m;
        }
        in_preamble[i] = section.is_some();
    }
    let numbered: Vec<usize> = (0..entries.len())
        .filter(|&i| marker(&entries[i]).is_some() && !in_preamble[i])
        .collect();
    let most = |pick: &dyn Fn(usize, usize) -> bool| {
        let mut counts: Vec<(Marker, usize)> = Vec::new();
        for (k, &i) in numbered.iter().enumerate() {
            if !pick(k, i) {
                continue;
            }
            let m = marker(&entries[i])?;
            match counts.iter_mut().find(|(c, _)| *c == m) {
                Some((_, n)) => *n += 1,
                None => counts.push((m, 1)),
            }
        }
        counts
            .into_iter()
            .max_by_key(|&(m, n)| (n, m))
            .map(|(m, _)| m)
    };
    // A sub-point under a line that introduces a list (推进三个项目：) lends its annotation
    // to that line.
    let owner = |k: usize| {
        let i = numbered[k];
        let here = marker(&entries[i]);
        (numbered[..k].iter().rev())
            .find(|&&j| marker(&entries[j]) < here)
            .filter(|&&j| entries[j].raw.ends_with(['：', ':']))
            .map_or(i, |&j| j)
    };
    let mut owners: Vec<usize> = Vec::new();
    for k in 0..numbered.len() {
        if annotated[numbered[k]] {
            owners.push(owner(k));
        }
    }
    most(&|_, i| owners.contains(&i)).or_else(|| {
        most(&|k, i| {
            let here = marker(&entries[i]);
            numbered
                .get(k + 1)
                .is_none_or(|&j| marker(&entries[j]) <= here)
        })
    })
}
