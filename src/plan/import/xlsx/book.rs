//! The workbook around a sheet: its sheets and where their parts are, the shared strings,
//! which cell styles are dates, and the date system. Read with our own XML pass (not a
//! spreadsheet library) so that every count and size is checked against [`limits`].

use quick_xml::events::{BytesStart, Event};

use super::super::archive::Archive;
use super::super::limits;
use super::super::xml::{self, Xml};
use super::super::{ImportError, Place};

pub(super) struct Book {
    /// Sheet names and their parts, in workbook order.
    pub sheets: Vec<(String, Option<String>)>,
    pub strings: Vec<String>,
    /// Whether each cell style (`s` attribute, an index into `cellXfs`) formats a date.
    pub date_styles: Vec<bool>,
    pub date1904: bool,
}

fn refuse(file: &str, problem: String) -> ImportError {
    ImportError::new(file, 0, problem).counting(Place::SheetRow)
}

/// Events of an XML part, its errors naming the part.
fn events<'a>(
    file: &'a str,
    part: &'a str,
    text: &'a str,
) -> impl FnMut() -> Result<Event<'a>, ImportError> + 'a {
    let mut reader = Xml::new(text);
    move || {
        reader
            .next()
            .map_err(|e| refuse(file, format!("{part}: {e}")))
    }
}

pub(super) fn open(zip: &mut Archive<'_>, file: &str) -> Result<Book, ImportError> {
    let not_a_book = |why: &str| refuse(file, format!("not a readable Excel workbook: {why}"));
    let package = relationships(zip, file, "")?;
    let workbook = package
        .iter()
        .find(|r| r.kind.ends_with("/officeDocument"))
        .map_or_else(|| "xl/workbook.xml".to_string(), |r| r.target.clone());
    let Some(text) = zip.text_part(&workbook)? else {
        return Err(not_a_book(&format!("the archive has no {workbook}")));
    };
    let (names, date1904) = sheets(file, &workbook, &text)?;
    drop(text);
    if !zip.has(&rels_path(&workbook)) {
        return Err(not_a_book(&format!(
            "the archive has no {}",
            rels_path(&workbook)
        )));
    }
    let rels = relationships(zip, file, &workbook)?;
    let find = |kind: &str| {
        rels.iter()
            .find(|r| r.kind.ends_with(kind))
            .map(|r| r.target.clone())
    };
    let sheets = names
        .into_iter()
        .map(|(name, id)| {
            let part = rels.iter().find(|r| r.id == id).map(|r| r.target.clone());
            (name, part)
        })
        .collect();
    let strings_part = find("/sharedStrings").unwrap_or_else(|| "xl/sharedStrings.xml".into());
    let strings = match zip.text_part(&strings_part)? {
        Some(text) => shared_strings(file, &strings_part, &text)?,
        None => Vec::new(),
    };
    let styles_part = find("/styles").unwrap_or_else(|| "xl/styles.xml".into());
    let date_styles = match zip.text_part(&styles_part)? {
        Some(text) => date_styles(file, &styles_part, &text)?,
        None => Vec::new(),
    };
    Ok(Book {
        sheets,
        strings,
        date_styles,
        date1904,
    })
}

struct Relationship {
    id: String,
    kind: String,
    /// The target as a path inside the archive.
    target: String,
}

/// `dir/_rels/name.rels` for part `dir/name` (`_rels/.rels` for the package, `part` "").
fn rels_path(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, base)) => format!("{dir}/_rels/{base}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// A relationship target, relative to the source part's folder unless absolute.
fn resolve(source: &str, target: &str) -> String {
    if let Some(absolute) = target.strip_prefix('/') {
        return absolute.to_string();
    }
    let mut parts: Vec<&str> = source.rsplit_once('/').map_or(Vec::new(), |(dir, _)| {
        dir.split('/').filter(|s| !s.is_empty()).collect()
    });
    for segment in target.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

fn relationships(
    zip: &mut Archive<'_>,
    file: &str,
    source: &str,
) -> Result<Vec<Relationship>, ImportError> {
    let path = rels_path(source);
    let Some(text) = zip.text_part(&path)? else {
        return Ok(Vec::new());
    };
    let mut next = events(file, &path, &text);
    let mut out = Vec::new();
    loop {
        match next()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                let get = |name| xml::attr(&e, name).unwrap_or_default();
                out.push(Relationship {
                    id: get("Id"),
                    kind: get("Type"),
                    target: resolve(source, &get("Target")),
                });
            }
            Event::Eof => return Ok(out),
            _ => {}
        }
    }
}

/// Sheet names with their relationship ids, and whether dates count from 1904.
fn sheets(
    file: &str,
    part: &str,
    text: &str,
) -> Result<(Vec<(String, String)>, bool), ImportError> {
    let mut next = events(file, part, text);
    let (mut sheets, mut date1904) = (Vec::new(), false);
    loop {
        match next()? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "sheet" => {
                    let name = xml::attr(&e, "name").unwrap_or_default();
                    sheets.push((name, xml::attr(&e, "id").unwrap_or_default()));
                }
                "workbookPr" => {
                    date1904 = matches!(xml::attr(&e, "date1904").as_deref(), Some("1" | "true"));
                }
                _ => {}
            },
            Event::Eof => return Ok((sheets, date1904)),
            _ => {}
        }
    }
}

/// Text runs of a string item (`<si>` or a cell's `<is>`), phonetic guides left out; the
/// caller closes on `end`.
pub(super) fn string_item<'a>(
    next: &mut impl FnMut() -> Result<Event<'a>, ImportError>,
    end: &str,
    too_long: impl Fn() -> ImportError,
) -> Result<String, ImportError> {
    let (mut text, mut in_t, mut phonetic) = (String::new(), false, 0usize);
    loop {
        match next()? {
            Event::Start(e) => match e.local_name().as_ref() {
                "t" => in_t = true,
                "rPh" | "phoneticPr" => phonetic += 1,
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_t = false,
                "rPh" | "phoneticPr" => phonetic = phonetic.saturating_sub(1),
                n if n == end => return Ok(text),
                _ => {}
            },
            Event::Text(t) if in_t && phonetic == 0 => text.push_str(&t.xml10_content()),
            Event::CData(t) if in_t && phonetic == 0 => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_t && phonetic == 0 => text.push_str(&xml::entity(&r)),
            Event::Eof => return Ok(text),
            _ => {}
        }
        if text.len() > limits::MAX_CELL_TEXT {
            return Err(too_long());
        }
    }
}

/// The text of an element with no child elements (`<v>`), up to `end`.
pub(super) fn text_until<'a>(
    next: &mut impl FnMut() -> Result<Event<'a>, ImportError>,
    end: &str,
    too_long: impl Fn() -> ImportError,
) -> Result<String, ImportError> {
    let mut text = String::new();
    loop {
        match next()? {
            Event::Text(t) => text.push_str(&t.xml10_content()),
            Event::CData(t) => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => text.push_str(&xml::entity(&r)),
            Event::End(e) if e.local_name().as_ref() == end => return Ok(text),
            Event::Eof => return Ok(text),
            _ => {}
        }
        if text.len() > limits::MAX_CELL_TEXT {
            return Err(too_long());
        }
    }
}

fn shared_strings(file: &str, part: &str, text: &str) -> Result<Vec<String>, ImportError> {
    let mut next = events(file, part, text);
    let mut strings = Vec::new();
    let mut total = 0usize;
    let too_long = || {
        refuse(
            file,
            format!(
                "{part}: a shared string holds more than {} of text; that is the limit",
                limits::bytes(limits::MAX_CELL_TEXT as u64)
            ),
        )
    };
    loop {
        match next()? {
            Event::Start(e) if e.local_name().as_ref() == "si" => {
                let s = string_item(&mut next, "si", too_long)?;
                total += s.len();
                strings.push(s);
            }
            Event::Empty(e) if e.local_name().as_ref() == "si" => strings.push(String::new()),
            Event::Eof => return Ok(strings),
            _ => {}
        }
        if strings.len() > limits::MAX_CELLS || total > limits::MAX_TEXT {
            return Err(refuse(
                file,
                format!(
                    "{part}: more than {} strings or {} of text; that is the limit",
                    limits::count_usize(limits::MAX_CELLS),
                    limits::bytes(limits::MAX_TEXT as u64)
                ),
            ));
        }
    }
}

/// For each cell style, whether its number format shows a date.
fn date_styles(file: &str, part: &str, text: &str) -> Result<Vec<bool>, ImportError> {
    let mut next = events(file, part, text);
    let mut custom: Vec<(u64, bool)> = Vec::new();
    let mut styles = Vec::new();
    let mut in_xfs = false;
    let id = |e: &BytesStart<'_>| xml::attr(e, "numFmtId").as_deref().and_then(xml::number);
    loop {
        match next()? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "numFmt" => {
                    let code = xml::attr(&e, "formatCode").unwrap_or_default();
                    custom.push((id(&e).unwrap_or(0), is_date_format(&code)));
                }
                "cellXfs" => in_xfs = true,
                "xf" if in_xfs => {
                    let n = id(&e).unwrap_or(0);
                    let date = custom
                        .iter()
                        .find(|(c, _)| *c == n)
                        .map_or_else(|| is_builtin_date(n), |(_, d)| *d);
                    styles.push(date);
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "cellXfs" => in_xfs = false,
            Event::Eof => return Ok(styles),
            _ => {}
        }
        if styles.len() > limits::MAX_CELLS || custom.len() > limits::MAX_CELLS {
            let problem = format!(
                "{part}: more than {} styles; that is the limit",
                limits::count_usize(limits::MAX_CELLS)
            );
            return Err(refuse(file, problem));
        }
    }
}

/// Excel's built-in date and time formats, the Chinese locale's (27–36, 50–58) included
/// (46, `[h]:mm:ss`, is a duration).
fn is_builtin_date(id: u64) -> bool {
    matches!(id, 14..=22 | 27..=36 | 45 | 47 | 50..=58)
}

/// A custom number format shows a date or time when its first section, outside quoted
/// text, escaped characters (`\`, `_`, `*` take the next one literally) and `[...]`
/// sections (colours, locales), has a y, m, d, h or s.
fn is_date_format(code: &str) -> bool {
    let (mut quoted, mut bracket, mut escaped) = (false, false, false);
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '"' => quoted = !quoted,
            _ if quoted => {}
            ';' => return false,
            '\\' | '_' | '*' => escaped = true,
            '[' => bracket = true,
            ']' => bracket = false,
            _ if bracket => {}
            c if "ymdhsYMDHS".contains(c) => return true,
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_formats_and_paths() {
        assert!(is_date_format("yyyy-mm-dd"));
        assert!(is_date_format("[$-F800]dddd"));
        assert!(!is_date_format("0\"天\""));
        assert!(!is_date_format("[Red]0.00"));
        assert!(!is_date_format("General"));
        assert!(!is_date_format("0_)\\d;(0)"));
        assert!(is_date_format("yyyy\"年\"m\"月\"d\"日\""));
        assert!(is_builtin_date(14) && !is_builtin_date(0));
        assert_eq!(
            resolve("xl/workbook.xml", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(resolve("xl/workbook.xml", "/xl/a.xml"), "xl/a.xml");
        assert_eq!(
            resolve("xl/workbook.xml", "../docProps/x.xml"),
            "docProps/x.xml"
        );
        assert_eq!(resolve("", "xl/workbook.xml"), "xl/workbook.xml");
        assert_eq!(rels_path(""), "_rels/.rels");
        assert_eq!(rels_path("xl/workbook.xml"), "xl/_rels/workbook.xml.rels");
    }
}
