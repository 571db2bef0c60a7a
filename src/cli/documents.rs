//! `duban notice`, `duban bulletin` and `duban score`: the documents an office sends.
//!
//! A notice takes its number and records its reminders in the state file *before* the
//! document is written: a failed write then leaves a gap in the numbers, never a number
//! issued twice. Everything that can be checked (office file, output place, what to list)
//! is checked before that save.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::Datelike;

use super::Command;
use super::commands::{now, push_notice};
use super::context::{CliError, Context, load_state};
use crate::i18n::Lang;
use crate::plan::escalation::Escalation;
use crate::plan::lifecycle::{Channel, Stamp};
use crate::plan::notice::{self, Selection};
use crate::plan::office::Office;
use crate::plan::query::Scope;
use crate::plan::scoring::{self, ScoringRules};
use crate::plan::snapshot::{self, changes};
use crate::plan::{ReqId, workload};
use crate::report::bulletin::{self, Bulletin};
use crate::report::docx;
use crate::report::export::{self, html, markdown};
use crate::report::notice::{Notice, blocks, file_name};

/// What `bulletin` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocFormat {
    Docx,
    Md,
    Html,
}

impl DocFormat {
    pub fn parse(s: &str) -> Option<DocFormat> {
        match s.trim().trim_start_matches('.').to_lowercase().as_str() {
            "docx" => Some(DocFormat::Docx),
            "md" | "markdown" => Some(DocFormat::Md),
            "html" | "htm" => Some(DocFormat::Html),
            _ => None,
        }
    }
}

fn usage(msg: String) -> CliError {
    CliError::Usage(msg)
}

fn office() -> Result<Office, CliError> {
    Office::load().map_err(|e| usage(format!("office settings: {e}")))
}

fn docx_bytes(blocks: &[docx::Block]) -> Result<Vec<u8>, CliError> {
    docx::render(blocks).map_err(|e| CliError::Refused(format!("cannot build the document: {e}")))
}

pub fn run(command: Command, ctx: &Context) -> Result<String, CliError> {
    match command {
        Command::Notice {
            unit,
            all,
            output,
            tier,
            within,
        } => notice(unit.as_deref(), all, &output, tier, within, ctx),
        Command::Bulletin {
            since,
            output,
            format,
        } => bulletin_command(since.as_deref(), &output, format, ctx),
        Command::Score { json } => score(json, ctx),
        _ => unreachable!("not a document command"),
    }
}

/// The folder a file goes into must already exist: a mistyped path is an error, not a new
/// directory tree.
fn check_file_target(path: &Path, lang: Lang) -> Result<(), CliError> {
    if path.is_dir() {
        return Err(usage(match lang {
            Lang::Zh => format!("{}：是目录，请给出 .docx 文件名", path.display()),
            Lang::En => format!("{}: is a directory; give a .docx file name", path.display()),
        }));
    }
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty());
    match dir {
        Some(dir) if !dir.is_dir() => Err(usage(match lang {
            Lang::Zh => format!("{}：目录不存在", dir.display()),
            Lang::En => format!("{}: no such directory", dir.display()),
        })),
        _ => Ok(()),
    }
}

fn check_dir_target(dir: &Path, lang: Lang) -> Result<(), CliError> {
    if dir.is_dir() {
        return Ok(());
    }
    Err(usage(match (lang, dir.exists()) {
        (Lang::Zh, false) => format!(
            "{}：目录不存在（--all 把每个单位的通知单写入这个目录）",
            dir.display()
        ),
        (Lang::Zh, true) => format!("{}：不是目录（--all 需要一个目录）", dir.display()),
        (Lang::En, false) => format!(
            "{}: no such directory (--all writes one notice per unit into it)",
            dir.display()
        ),
        (Lang::En, true) => format!("{}: not a directory (--all needs one)", dir.display()),
    }))
}

struct Written {
    path: PathBuf,
    bytes: Vec<u8>,
    number: String,
    unit: String,
    ids: Vec<ReqId>,
}

fn notice(
    unit: Option<&str>,
    all: bool,
    output: &Path,
    tier: Option<Escalation>,
    within: Option<u32>,
    ctx: &Context,
) -> Result<String, CliError> {
    let lang = ctx.lang;
    let office = office()?;
    let rules = super::views::rules()?;
    let cal = super::calendar::load_calendar()?;
    let (mut state, _) = load_state(ctx)?;
    let today = ctx.clock.today;
    let sel = Selection {
        within: within.map_or(rules.blue_within_days, i64::from),
        tier,
    };
    let units = if let Some(name) = unit {
        let name = name.trim();
        check_file_target(output, lang)?;
        if !notice::known_unit(&state.plan, name) {
            return Err(usage(match lang {
                Lang::Zh => format!("计划中没有单位「{name}」（单位名称见 duban units）"),
                Lang::En => format!("no unit \"{name}\" in this plan (see duban units)"),
            }));
        }
        vec![name.to_string()]
    } else {
        check_dir_target(output, lang)?;
        notice::units_to_notify(&state.plan, today, sel, &rules)
    };
    let reply_by = cal
        .add_working_days(today, office.reply_working_days)
        .unwrap_or(today);
    let year = today.year();
    let mut written = Vec::new();
    // Numbered outside the state while its plan is borrowed for the lists; put back below
    // (an error before then saves nothing, so no number is spent).
    let mut book = std::mem::take(&mut state.notices);
    for name in &units {
        let listed = notice::for_unit(&state.plan, name, today, sel, &rules);
        if listed.is_empty() {
            return Err(nothing(Some(name), sel.within, lang));
        }
        let ids: Vec<ReqId> = listed.iter().map(|r| r.id).collect();
        let n = book.issue(year, name, today, ids.clone());
        let number = office.number(year, n);
        let doc = Notice {
            office: &office,
            number: number.clone(),
            unit: name,
            plan_title: &state.plan.title,
            today,
            reply_by,
            requirements: &listed,
            rules: &rules,
        };
        let bytes = docx_bytes(&blocks(&doc, lang))?;
        let path = if all {
            output.join(file_name(&number, name))
        } else {
            output.to_path_buf()
        };
        written.push(Written {
            path,
            bytes,
            number,
            unit: name.clone(),
            ids,
        });
    }
    state.notices = book;
    if written.is_empty() {
        return Err(nothing(None, sel.within, lang));
    }
    let stamp = Stamp::new(now(ctx.clock), ctx.user.as_deref());
    for w in &written {
        for id in &w.ids {
            if let Some(r) = state.plan.get_mut(*id) {
                r.remind(
                    Some(&w.unit),
                    Some(Channel::Notice),
                    Some(&w.number),
                    &stamp,
                )
                .map_err(|e| CliError::Refused(e.message(lang)))?;
            }
        }
    }
    let report = ctx.store.save_changes(&mut state)?;
    let mut msg = String::new();
    for w in &written {
        export::write_atomic(&w.path, &w.bytes)?;
        msg.push_str(&written_line(w, lang));
    }
    push_notice(&mut msg, &report, lang);
    if !msg.ends_with('\n') {
        msg.push('\n');
    }
    Ok(msg)
}

fn written_line(w: &Written, lang: Lang) -> String {
    let (n, path) = (w.ids.len(), w.path.display());
    match lang {
        Lang::Zh => format!(
            "{} → {}：{n}项，已记录催办（通知单），写入 {path}\n",
            w.number, w.unit
        ),
        Lang::En => format!(
            "{} → {}: {n} requirements, reminders recorded (notice), written to {path}\n",
            w.number, w.unit
        ),
    }
}

/// Nothing to send: to this unit, or (`None`) to any.
fn nothing(unit: Option<&str>, within: i64, lang: Lang) -> CliError {
    CliError::Refused(match (lang, unit) {
        (Lang::Zh, Some(name)) => {
            format!("「{name}」没有逾期或{within}天内到期的要求，未生成通知单")
        }
        (Lang::En, Some(name)) => {
            format!("\"{name}\" has nothing overdue or due within {within} days; no notice written")
        }
        (Lang::Zh, None) => format!("没有单位有逾期或{within}天内到期的要求，未生成通知单"),
        (Lang::En, None) => {
            format!("no unit has anything overdue or due within {within} days; no notice written")
        }
    })
}

fn bulletin_command(
    since: Option<&str>,
    output: &Path,
    format: Option<DocFormat>,
    ctx: &Context,
) -> Result<String, CliError> {
    let lang = ctx.lang;
    let format = match format {
        Some(f) => f,
        None => output
            .extension()
            .and_then(|e| DocFormat::parse(&e.to_string_lossy()))
            .ok_or_else(|| {
                usage(format!(
                    "cannot tell the format from `{}`; use --format docx|md|html",
                    output.display()
                ))
            })?,
    };
    check_file_target(output, lang)?;
    let office = office()?;
    let scoring = score_rules()?;
    let (state, _) = load_state(ctx)?;
    let today = ctx.clock.today;
    // Without --since the latest snapshot, if there is one; a --since that names none is an error.
    let snap = match since {
        Some(key) => {
            Some(snapshot::find(&state.snapshots, Some(key)).map_err(|e| usage(e.to_string()))?)
        }
        None => snapshot::find(&state.snapshots, None).ok(),
    };
    let changes = snap.map(|s| changes::compute(s, &state.plan, today));
    let units = workload::workload(&state.plan, today);
    let scores = scoring::scores(&state.plan, today, &scoring);
    let doc = bulletin::build(
        &Bulletin {
            plan: &state.plan,
            today,
            office: &office.name,
            changes: changes.as_ref(),
            units: &units,
            scores: &scores,
        },
        lang,
    );
    let bytes = match format {
        DocFormat::Docx => {
            let mut blocks = docx::from_document(&doc);
            blocks.push(docx::Block::Blank);
            blocks.push(docx::Block::Para(
                docx::Align::Right,
                office.signature().to_string(),
            ));
            blocks.push(docx::Block::Para(
                docx::Align::Right,
                crate::report::notice::long_date(today, lang),
            ));
            docx_bytes(&blocks)?
        }
        DocFormat::Md => markdown::render(&doc).into_bytes(),
        DocFormat::Html => html::render(&doc).into_bytes(),
    };
    export::write_atomic(output, &bytes)?;
    Ok(match lang {
        Lang::Zh => format!("已生成督查通报 {}\n", output.display()),
        Lang::En => format!("bulletin written to {}\n", output.display()),
    })
}

fn score_rules() -> Result<ScoringRules, CliError> {
    ScoringRules::load().map_err(|e| usage(format!("scoring rules: {e}")))
}

fn score(json: bool, ctx: &Context) -> Result<String, CliError> {
    let lang = ctx.lang;
    let rules = score_rules()?;
    let (state, _) = load_state(ctx)?;
    // A unit's score counts its work in every plan in scope (`--plan` narrows to one).
    let plans = super::views::plans_in_scope(&state, ctx)?;
    let scores = scoring::scores_scope(Scope::new(&plans), ctx.clock.today, &rules);
    if json {
        return Ok(crate::report::json::to_string(&scores));
    }
    let width = scores
        .iter()
        .map(|s| crate::text::width(&s.name))
        .max()
        .unwrap_or(0)
        .max(4);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}  {:>6}  {}",
        crate::text::pad(lang.pick("单位", "Unit"), width),
        lang.pick("得分", "Score"),
        lang.pick("计分明细", "Breakdown")
    );
    for s in &scores {
        let _ = writeln!(
            out,
            "{}  {:>6.1}  {}",
            crate::text::pad(&s.name, width),
            s.score,
            bulletin::breakdown(s, lang)
        );
    }
    let _ = writeln!(
        out,
        "{}",
        match lang {
            Lang::Zh => format!(
                "基础分 {}；规则见 scoring.toml（duban --help score）",
                rules.base
            ),
            Lang::En => format!(
                "base {}; rules from scoring.toml (duban --help score)",
                rules.base
            ),
        }
    );
    Ok(out)
}
