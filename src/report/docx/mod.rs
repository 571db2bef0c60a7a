//! A small .docx (`WordprocessingML`) writer for the documents an office sends: 督办通知单 and
//! 督查通报. It writes only what those need — a title, headings, paragraphs (indented body,
//! centred or right-aligned lines), bordered tables — as named styles in the usual official
//! set (GB/T 9704: title 方正小标宋简体 二号, headings 黑体 三号, body `仿宋_GB2312` 三号 at a
//! fixed 28 pt line, A4 with 37/35/28/26 mm margins). Fonts are named, never embedded; the
//! font table names the fallbacks (仿宋, 黑体, 宋体) Word and WPS substitute when the
//! GB2312 faces are not installed.
//!
//! Hand-written XML over the `zip` crate already used for reading plans: no docx crate is in
//! this build's package set, and the handful of parts here is smaller than a dependency.

mod parts;

use std::fmt::Write as _;
use std::io::{Cursor, Write as _};

use zip::write::SimpleFileOptions;

use super::export::doc::{Block as DocBlock, Document, RowKind, Table};

/// How a paragraph sits on the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Body text: justified, first line indented two characters.
    Body,
    /// No indent, left-aligned (table notes, addressee line).
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The document's title (方正小标宋简体 二号, centred).
    Title(String),
    /// A heading (黑体 三号).
    Heading(String),
    Para(Align, String),
    /// A paragraph whose first run is bold (黑体), e.g. "联系人：" before the text.
    Labeled(String, String),
    Table(Table),
    /// An empty line.
    Blank,
}

/// The relative column widths of a table: short columns (ids, dates, counts) as wide as
/// their widest cell, text columns share what is left.
fn widths(table: &Table) -> Vec<u32> {
    (0..table.header.len())
        .map(|i| {
            let short = table.numeric.get(i).copied().unwrap_or(false)
                || table.nowrap.get(i).copied().unwrap_or(false);
            if !short {
                return 30;
            }
            let cells = table.rows.iter().filter_map(|r| r.cells.get(i));
            let widest = cells
                .map(|c| crate::text::width(&c.text))
                .chain(std::iter::once(crate::text::width(&table.header[i])))
                .max()
                .unwrap_or(4);
            u32::try_from(widest.clamp(4, 12) + 3).unwrap_or(15)
        })
        .collect()
}

/// The whole .docx file.
pub fn render(blocks: &[Block]) -> Result<Vec<u8>, zip::result::ZipError> {
    let mut body = String::new();
    for block in blocks {
        push_block(&mut body, block);
    }
    let document = parts::document(&body);
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in [
        ("[Content_Types].xml", parts::CONTENT_TYPES),
        ("_rels/.rels", parts::RELS),
        ("word/_rels/document.xml.rels", parts::DOCUMENT_RELS),
        ("word/styles.xml", parts::STYLES),
        ("word/fontTable.xml", parts::FONT_TABLE),
        ("word/settings.xml", parts::SETTINGS),
        ("word/document.xml", document.as_str()),
    ] {
        zip.start_file(name, opts)?;
        zip.write_all(text.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

/// A report document (the model Markdown and HTML render) as docx blocks: the same content.
pub fn from_document(doc: &Document) -> Vec<Block> {
    let mut out = vec![Block::Title(doc.title.clone())];
    if !doc.subtitle.is_empty() {
        out.push(Block::Para(Align::Center, doc.subtitle.clone()));
    }
    if !doc.summary.is_empty() {
        out.push(Block::Para(Align::Body, doc.summary.clone()));
    }
    for section in &doc.sections {
        out.push(Block::Heading(section.heading.clone()));
        for block in &section.blocks {
            out.push(match block {
                DocBlock::Heading(h) => Block::Heading(h.clone()),
                DocBlock::Para(p) => Block::Para(Align::Body, p.clone()),
                DocBlock::Table(t) => Block::Table(t.clone()),
            });
        }
    }
    out
}

fn push_block(out: &mut String, block: &Block) {
    match block {
        Block::Title(t) => para(out, "DubanTitle", None, &[(t, false)]),
        Block::Heading(h) => para(out, "DubanHeading", None, &[(h, false)]),
        Block::Para(align, text) => {
            let (style, jc) = match align {
                Align::Body => ("DubanBody", None),
                Align::Left => ("DubanPlain", None),
                Align::Center => ("DubanPlain", Some("center")),
                Align::Right => ("DubanPlain", Some("right")),
            };
            para(out, style, jc, &[(text, false)]);
        }
        Block::Labeled(label, text) => {
            para(out, "DubanPlain", None, &[(label, true), (text, false)]);
        }
        Block::Table(t) => table(out, t),
        Block::Blank => para(out, "DubanPlain", None, &[]),
    }
}

/// One paragraph of runs; a bold run is set in 黑体.
fn para(out: &mut String, style: &str, jc: Option<&str>, runs: &[(&str, bool)]) {
    out.push_str("<w:p><w:pPr><w:pStyle w:val=\"");
    out.push_str(style);
    out.push_str("\"/>");
    if let Some(jc) = jc {
        out.push_str("<w:jc w:val=\"");
        out.push_str(jc);
        out.push_str("\"/>");
    }
    out.push_str("</w:pPr>");
    for (text, bold) in runs {
        run(out, text, *bold);
    }
    out.push_str("</w:p>");
}

fn run(out: &mut String, text: &str, bold: bool) {
    out.push_str("<w:r>");
    if bold {
        out.push_str(
            "<w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" \
             w:eastAsia=\"黑体\"/><w:b/></w:rPr>",
        );
    }
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<w:br/>");
        }
        out.push_str("<w:t xml:space=\"preserve\">");
        escape_into(out, line);
        out.push_str("</w:t>");
    }
    out.push_str("</w:r>");
}

/// A bordered table across the text width; the header row repeats on every page.
fn table(out: &mut String, t: &Table) {
    let weights = widths(t);
    let total: u32 = weights.iter().sum::<u32>().max(1);
    let cols: Vec<u32> = weights
        .iter()
        .map(|w| w * parts::TEXT_WIDTH / total)
        .collect();
    out.push_str(
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"DubanTable\"/><w:tblW w:w=\"5000\" \
         w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>",
    );
    for c in &cols {
        let _ = write!(out, "<w:gridCol w:w=\"{c}\"/>");
    }
    out.push_str("</w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr>");
    for (h, w) in t.header.iter().zip(&cols) {
        cell(out, h, *w, "DubanTableHead", None, true);
    }
    out.push_str("</w:tr>");
    for row in &t.rows {
        out.push_str("<w:tr>");
        let bold = row.kind == RowKind::Subtotal;
        for (i, w) in cols.iter().enumerate() {
            let text = row.cells.get(i).map_or("", |c| c.text.as_str());
            let numeric = t.numeric.get(i).copied().unwrap_or(false);
            let nowrap = t.nowrap.get(i).copied().unwrap_or(false);
            let jc = if numeric {
                Some("right")
            } else if nowrap {
                Some("center")
            } else {
                None
            };
            cell(out, text, *w, "DubanTableText", jc, bold);
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
    // Word needs a paragraph between two tables and after the last one.
    para(out, "DubanPlain", None, &[]);
}

fn cell(out: &mut String, text: &str, width: u32, style: &str, jc: Option<&str>, bold: bool) {
    let _ = write!(
        out,
        "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>"
    );
    para(out, style, jc, &[(text, bold && style != "DubanTableHead")]);
    out.push_str("</w:tc>");
}

/// XML text: markup characters escaped; characters XML 1.0 forbids (C0 controls but tab,
/// and the non-characters) dropped, so a stray byte from a plan cannot make Word refuse the file.
fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read as _;

    fn document_xml(bytes: &[u8]) -> String {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
        let mut xml = String::new();
        zip.by_name("word/document.xml")
            .expect("document part")
            .read_to_string(&mut xml)
            .expect("UTF-8");
        xml
    }

    #[test]
    fn writes_a_package_with_escaped_text_and_a_bordered_table() {
        let mut t = Table::new(&["编号", "要求"], &[]).nowrap(&[0]);
        t.push(vec!["1.1.1".into(), "a < b & \u{1b}c".into()]);
        let bytes = render(&[
            Block::Title("督办通知单".into()),
            Block::Heading("一、事项".into()),
            Block::Para(Align::Body, "第一行\n第二行".into()),
            Block::Table(t),
        ])
        .expect("rendered");
        let xml = document_xml(&bytes);
        assert!(xml.contains(">督办通知单<"), "{xml}");
        assert!(xml.contains("a &lt; b &amp; c"), "{xml}");
        assert!(xml.contains("第一行</w:t><w:br/>"), "{xml}");
        assert!(xml.contains("<w:tblHeader/>"));
        let mut zip = zip::ZipArchive::new(Cursor::new(&bytes[..])).expect("zip");
        let mut styles = String::new();
        zip.by_name("word/styles.xml")
            .expect("styles")
            .read_to_string(&mut styles)
            .expect("UTF-8");
        assert!(styles.contains("仿宋_GB2312") && styles.contains("w:insideH"));
    }
}
