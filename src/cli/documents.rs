//! `duban notice`, `duban bulletin` and `duban score`: the documents an office sends.
//!
//! A notice takes its number and records its reminders in the state file *before* the
//! document is written: a failed write then leaves a gap in the numbers, never a number
//! issued twice. Everything that can be checked (office file, output place, what to list)
//! is checked before that save.

use std::fmt::Write as _;
use std::path::Path;

/// `duban notice` (its own file: the longest of the three).
mod notice_cmd;

use super::Command;

use super::context::{CliError, Context, load_state};
use crate::i18n::Lang;
use crate::plan::office::Office;
use crate::plan::query::Scope;
use crate::plan::scoring::{self, ScoringRules};
use crate::plan::snapshot::{self, changes};
use crate::plan::workload;
use crate::report::bulletin::{self, Bulletin};
use crate::report::docx;
use crate::report::export::{self, html, markdown};

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
        } => notice_cmd::notice(unit.as_deref(), all, &output, tier, within, ctx),
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
    let plans = super::views::plans_in_scope(&state, ctx)?;
    let scope = Scope::new(&plans);
    // Without --since the latest snapshot, if there is one; a --since that names none is an
    // error. Snapshots are a plan's own: across several plans there is no period to compare.
    let snap = match since {
        Some(_) if scope.several() => {
            return Err(usage(format!(
                "`bulletin --since` compares one plan with its snapshot: pass --plan NAME (plans: {})",
                state.names().join(", ")
            )));
        }
        Some(key) => {
            Some(snapshot::find(&state.snapshots, Some(key)).map_err(|e| usage(e.to_string()))?)
        }
        None if scope.several() => None,
        None => snapshot::find(&state.snapshots, None).ok(),
    };
    let changes = snap.map(|s| changes::compute(s, &state.plan, today));
    let units = workload::workload_scope(scope, today);
    let scores = scoring::scores_scope(scope, today, &scoring);
    let doc = bulletin::build(
        &Bulletin {
            plans: &plans,
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
