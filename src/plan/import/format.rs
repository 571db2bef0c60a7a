//! Which reader a document needs: `--format`, else the content (zip archives by their
//! content types, pipe tables), else the file's extension.

use std::borrow::Cow;
use std::fmt;
use std::path::Path;
use std::str::FromStr;

use super::archive::Archive;
use super::{ImportError, Place, decode, markdown};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Word's "save as plain text" of the table: TAB-led cells, empty line between rows.
    Text,
    Docx,
    Xlsx,
    Csv,
    /// Markdown / pipe tables.
    Markdown,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Text,
        Format::Docx,
        Format::Xlsx,
        Format::Csv,
        Format::Markdown,
    ];

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Docx => "docx",
            Format::Xlsx => "xlsx",
            Format::Csv => "csv",
            Format::Markdown => "md",
        }
    }

    /// What an error's number counts in this format.
    pub fn place(self) -> Place {
        match self {
            Format::Text | Format::Csv | Format::Markdown => Place::Line,
            Format::Xlsx => Place::SheetRow,
            Format::Docx => Place::TableRow,
        }
    }

    fn from_extension(file: &str) -> Option<Format> {
        let ext = Path::new(file).extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "docx" => Some(Format::Docx),
            "xlsx" | "xlsm" => Some(Format::Xlsx),
            "csv" => Some(Format::Csv),
            "md" | "markdown" => Some(Format::Markdown),
            _ => None,
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown format `{0}` (expected text, docx, xlsx, csv or md)")]
pub struct ParseFormatError(pub String);

impl FromStr for Format {
    type Err = ParseFormatError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        let alias = match lower.as_str() {
            "txt" => "text",
            "markdown" => "md",
            other => other,
        };
        Format::ALL
            .into_iter()
            .find(|f| f.name() == alias)
            .ok_or_else(|| ParseFormatError(s.to_string()))
    }
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// Compound File Binary: Word 97–2003 .doc, Excel .xls, WPS.
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// The format of a document whose format was not given.
#[cfg(test)]
pub fn detect(bytes: &[u8], file: &str) -> Result<Format, ImportError> {
    detect_decoding(bytes, file).map(|(format, _)| format)
}

/// [`detect`], also handing back the document's text when telling the format took
/// decoding it, so that it is decoded once.
pub fn detect_decoding<'a>(
    bytes: &'a [u8],
    file: &str,
) -> Result<(Format, Option<Cow<'a, str>>), ImportError> {
    let whole_file = |problem: &str| ImportError::new(file, 0, problem);
    let by_extension = Format::from_extension(file);
    if bytes.starts_with(ZIP_MAGIC) {
        return zip_format(bytes, file).map(|f| (f, None));
    }
    if bytes.starts_with(OLE_MAGIC) {
        return Err(whole_file(
            "an old binary Word or Excel file (.doc/.xls); save it as .docx or .xlsx and import that",
        ));
    }
    match by_extension {
        Some(Format::Docx | Format::Xlsx) if !bytes.is_empty() => Err(whole_file(
            "not a valid .docx/.xlsx file: those are zip archives, and this is not one",
        )),
        Some(format) => Ok((format, None)),
        // Text of some kind: a pipe table is Markdown whatever the name (.txt included).
        None => {
            let text = decode::decode(bytes, file)?;
            let format = if markdown::has_table(&text) {
                Format::Markdown
            } else {
                Format::Text
            };
            Ok((format, Some(text)))
        }
    }
}

/// What the errors of a document count when it is (or is taken for) a .docx/.xlsx archive:
/// its rows, never lines.
pub(super) fn archive_place(bytes: &[u8], file: &str, forced: Option<Format>) -> Option<Place> {
    let format = match forced {
        Some(f) => f,
        None if bytes.starts_with(ZIP_MAGIC) || bytes.starts_with(OLE_MAGIC) => {
            match Format::from_extension(file) {
                Some(Format::Xlsx) => Format::Xlsx,
                _ => Format::Docx,
            }
        }
        None => Format::from_extension(file)?,
    };
    matches!(format, Format::Docx | Format::Xlsx).then(|| format.place())
}

/// .docx and .xlsx are both zip archives; `[Content_Types].xml` says which.
fn zip_format(bytes: &[u8], file: &str) -> Result<Format, ImportError> {
    let mut zip = Archive::open(bytes, file)?;
    // Without content types, the part names below decide.
    let types = zip.text_part("[Content_Types].xml")?.unwrap_or_default();
    if types.contains("wordprocessingml.document") || zip.has("word/document.xml") {
        Ok(Format::Docx)
    } else if types.contains("spreadsheetml.sheet") || zip.has("xl/workbook.xml") {
        Ok(Format::Xlsx)
    } else {
        Err(ImportError::new(
            file,
            0,
            "a zip archive that is neither a Word document (.docx) nor an Excel workbook (.xlsx)",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for f in Format::ALL {
            assert_eq!(f.name().parse::<Format>(), Ok(f));
        }
        assert_eq!("Markdown".parse::<Format>(), Ok(Format::Markdown));
        assert_eq!("TXT".parse::<Format>(), Ok(Format::Text));
        assert!("pdf".parse::<Format>().is_err());
    }

    #[test]
    fn detects_by_content_then_extension() {
        let tab = "标题2021年\n\n\t具体要求\n\n\t甲\n".as_bytes();
        let md = "# 标题\n\n| 具体要求 |\n|---|\n| 甲 |\n".as_bytes();
        assert_eq!(detect(tab, "a.txt"), Ok(Format::Text));
        assert_eq!(detect(md, "a.txt"), Ok(Format::Markdown));
        assert_eq!(detect(md, "a"), Ok(Format::Markdown));
        assert_eq!(detect(tab, "a.CSV"), Ok(Format::Csv));
        assert_eq!(detect(tab, "a.md"), Ok(Format::Markdown));
        let e = detect(b"PK\x03\x04garbage", "a.docx").expect_err("damaged");
        assert!(e.problem.contains("damaged"), "{e}");
        let e = detect(tab, "a.xlsx").expect_err("not a zip");
        assert!(e.problem.contains("not a valid .docx/.xlsx"), "{e}");
        let e = detect(OLE_MAGIC, "a.doc").expect_err("legacy");
        assert!(e.problem.contains(".doc/.xls"), "{e}");
    }
}
