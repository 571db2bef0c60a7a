//! `duban export`: the plan and its progress as files offices use — a CSV ledger, an Excel
//! workbook, a Markdown or printable HTML report, or the full state as JSON.
//!
//! Rendering is pure (state, `today`, language → bytes); writing goes through
//! [`write_atomic`], so an interrupted export never leaves half a file behind.

pub mod csv;
pub mod doc;
mod doc_changes;
pub mod html;
pub mod ledger;
pub mod markdown;
pub mod workspace;
pub mod xlsx;

use std::io::Write as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::i18n::Lang;
use crate::plan::snapshot::Changes;
use crate::store::State;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Csv,
    Xlsx,
    #[value(alias = "markdown")]
    Md,
    #[value(alias = "htm")]
    Html,
    Json,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Csv,
        Format::Xlsx,
        Format::Md,
        Format::Html,
        Format::Json,
    ];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Md => "md",
            Format::Html => "html",
            Format::Json => "json",
        }
    }

    /// The format a file name asks for, by its extension (case-insensitive).
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "markdown" => Some(Format::Md),
            "htm" => Some(Format::Html),
            ext => Format::ALL.into_iter().find(|f| f.extension() == ext),
        }
    }

    /// Binary output is never written to stdout.
    pub fn is_binary(self) -> bool {
        self == Format::Xlsx
    }

    /// Whether the output can carry a "changes since a snapshot" section.
    pub fn supports_since(self) -> bool {
        matches!(self, Format::Md | Format::Html | Format::Xlsx)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot build the workbook: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("cannot write the CSV: {0}")]
    Csv(#[from] ::csv::Error),
    #[error("scoring rules: {0}")]
    Scoring(String),
    #[error("{path}: cannot write: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The export as bytes. `changes` adds the "本期变化" section (Markdown, HTML, XLSX; the
/// other formats ignore it).
pub fn render(
    state: &State,
    today: NaiveDate,
    lang: Lang,
    format: Format,
    changes: Option<&Changes<'_>>,
) -> Result<Vec<u8>, ExportError> {
    let plan = &state.plan;
    Ok(match format {
        Format::Csv => csv::render(plan, today, lang)?,
        Format::Xlsx => {
            let section = changes.map(|c| doc_changes::section(c, plan, lang));
            xlsx::render(plan, today, lang, section.as_ref(), &scoring_rules()?)?
        }
        Format::Md => markdown::render(&doc::build(plan, today, lang, changes)).into_bytes(),
        Format::Html => html::render(&doc::build(plan, today, lang, changes)).into_bytes(),
        // The state file's own schema, so the export can be loaded back with --state.
        Format::Json => crate::report::json::to_string(state).into_bytes(),
    })
}

/// The report of every plan in `plans`, in order, for a workspace exported without
/// `--plan`: a workbook (see [`xlsx::render_scope`]), or a Markdown or HTML report (see
/// [`workspace::document`]); `None` for the formats that hold one plan.
pub fn render_workspace(
    plans: &[workspace::Planned<'_>],
    today: NaiveDate,
    lang: Lang,
    format: Format,
) -> Result<Option<Vec<u8>>, ExportError> {
    Ok(Some(match format {
        Format::Md => markdown::render(&workspace::document(plans, today, lang)).into_bytes(),
        Format::Html => html::render(&workspace::document(plans, today, lang)).into_bytes(),
        Format::Xlsx => {
            let list: Vec<(&str, &crate::plan::Plan)> =
                plans.iter().map(|p| (p.name, p.plan)).collect();
            let section = workspace::changes_section(plans, lang);
            xlsx::render_scope(
                crate::plan::query::Scope::new(&list),
                today,
                lang,
                section.as_ref(),
                &scoring_rules()?,
            )?
        }
        // The CSV ledger and the JSON state file hold one plan.
        Format::Csv | Format::Json => return Ok(None),
    }))
}

/// The 考核 rules for the workbook's score sheet (`scoring.toml`, else the defaults).
fn scoring_rules() -> Result<crate::plan::scoring::ScoringRules, ExportError> {
    crate::plan::scoring::ScoringRules::load().map_err(ExportError::Scoring)
}

/// Write `bytes` to `path` through a temporary file in the same directory, renamed into
/// place: readers see the old file or the whole new one, never a partial write.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let err = |source| ExportError::Write {
        path: path.to_path_buf(),
        source,
    };
    let mut file = atomic_write_file::AtomicWriteFile::open(path).map_err(err)?;
    file.write_all(bytes).map_err(err)?;
    file.commit().map_err(err)
}

/// `duban-report-2021-09-20.xlsx`.
pub fn dated_name(format: Format, today: NaiveDate) -> String {
    format!("duban-report-{today}.{}", format.extension())
}

/// Render one format and write it under its dated name in `dir`; returns the path.
pub fn write_dated(
    state: &State,
    today: NaiveDate,
    lang: Lang,
    format: Format,
    dir: &Path,
) -> Result<PathBuf, ExportError> {
    let path = dir.join(dated_name(format, today));
    write_atomic(&path, &render(state, today, lang, format, None)?)?;
    Ok(path)
}

/// The one-key report (for the dashboard): the printable HTML report and the XLSX workbook
/// side by side in `dir`, `duban-report-YYYY-MM-DD.{html,xlsx}`. Returns the HTML path; the
/// workbook has the same stem. Both are rendered before either is written.
pub fn write_default(
    state: &State,
    today: NaiveDate,
    lang: Lang,
    dir: &Path,
) -> Result<PathBuf, ExportError> {
    let html = render(state, today, lang, Format::Html, None)?;
    let xlsx = render(state, today, lang, Format::Xlsx, None)?;
    let xlsx_path = dir.join(dated_name(Format::Xlsx, today));
    write_atomic(&xlsx_path, &xlsx)?;
    let html_path = dir.join(dated_name(Format::Html, today));
    write_atomic(&html_path, &html)?;
    Ok(html_path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_from_extension() {
        let f = |p: &str| Format::from_path(Path::new(p));
        assert_eq!(f("周报.XLSX"), Some(Format::Xlsx));
        assert_eq!(f("out/report.markdown"), Some(Format::Md));
        assert_eq!(f("a.htm"), Some(Format::Html));
        assert_eq!(f("ledger.csv"), Some(Format::Csv));
        assert_eq!(f("state.json"), Some(Format::Json));
        assert_eq!(f("report.pdf"), None);
        assert_eq!(f("report"), None);
    }

    #[test]
    fn dated_names() {
        let today = NaiveDate::from_ymd_opt(2021, 9, 20).expect("date");
        assert_eq!(
            dated_name(Format::Xlsx, today),
            "duban-report-2021-09-20.xlsx"
        );
    }

    #[test]
    fn write_default_writes_both_and_leaves_no_temporaries() {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = State::new(crate::plan::import::builtin());
        let today = NaiveDate::from_ymd_opt(2021, 9, 20).expect("date");
        let html = write_default(&state, today, Lang::Zh, dir.path()).expect("written");
        assert_eq!(html, dir.path().join("duban-report-2021-09-20.html"));
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .expect("dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                "duban-report-2021-09-20.html",
                "duban-report-2021-09-20.xlsx"
            ]
        );
    }
}
