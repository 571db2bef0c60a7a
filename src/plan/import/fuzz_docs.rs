//! Structure-aware generation of .docx and .xlsx documents from arbitrary bytes, for the
//! `office_zip` fuzz target and the property test in `tests/hostile.rs`: random bytes only
//! rarely make a zip whose XML reaches the readers, so the bytes choose a table's shape
//! (rows, cells, spans, merges, cell references, dimensions, numbers near the limits and
//! past them, broken XML) and this module writes the archive around it.

use std::fmt::Write as _;
use std::io::{Cursor, Write};

/// Reads choices from the input bytes; past their end every choice is 0.
struct Choices<'a> {
    bytes: &'a [u8],
}

impl Choices<'_> {
    fn byte(&mut self) -> u8 {
        let Some((&b, rest)) = self.bytes.split_first() else {
            return 0;
        };
        self.bytes = rest;
        b
    }

    fn below(&mut self, n: usize) -> usize {
        usize::from(self.byte()) % n.max(1)
    }

    fn flag(&mut self) -> bool {
        self.byte() & 1 == 1
    }

    /// A declared size: small, at a limit, just past it, or absurd.
    fn number(&mut self) -> String {
        const SIZES: [&str; 14] = [
            "0",
            "1",
            "2",
            "3",
            "4",
            "100",
            "101",
            "1000",
            "1000000000",
            "4294967295",
            "18446744073709551615",
            "99999999999999999999999",
            "-1",
            "x",
        ];
        let i = self.below(SIZES.len() + 4);
        SIZES
            .get(i)
            .map_or_else(|| self.byte().to_string(), |s| (*s).to_string())
    }

    fn text(&mut self) -> String {
        const TEXTS: [&str; 16] = [
            "",
            "具体要求",
            "公开任务",
            "公开内容",
            "责任单位",
            "完成时限",
            "序号",
            "某区2024年工作要点",
            "公开规划",
            "区政府办",
            "6月底前",
            "一、紧扣发展大局",
            "A&amp;B",
            "&#x7B2C;二行",
            "\u{1b}]0;x\u{7}",
            "&bogus;",
        ];
        let i = self.below(TEXTS.len() + 2);
        match TEXTS.get(i) {
            Some(t) => (*t).to_string(),
            None => "甲".repeat(self.below(40)),
        }
    }

    /// A cell reference: ordinary, the sheet's last cell, past it, or malformed.
    fn cell_ref(&mut self, row: usize, col: usize) -> String {
        const ODD: [&str; 9] = [
            "XFD1048576",
            "XFE1",
            "A1048577",
            "ZZZZZZZ1",
            "A99999999999999",
            "A0",
            "1A",
            "",
            "$B$2",
        ];
        match self.below(12) {
            i if i < ODD.len() => ODD[i].to_string(),
            _ => format!("{}{}", super::column_letters(col + 1), row + 1),
        }
    }

    /// A fragment of broken or hostile XML, sometimes.
    fn noise(&mut self) -> &'static str {
        const NOISE: [&str; 8] = [
            "",
            "<w:t>",
            "</w:tc>",
            "<![CDATA[x]]>",
            "<!-- c -->",
            "<a><a><a><a>",
            "&#0;",
            "<w:p/>",
        ];
        if self.below(6) == 0 {
            NOISE[self.below(NOISE.len())]
        } else {
            ""
        }
    }
}

/// A document chosen by `bytes`: its file name (`.docx` or `.xlsx`) and its bytes.
pub fn document(bytes: &[u8]) -> (&'static str, Vec<u8>) {
    let mut c = Choices { bytes };
    if c.flag() {
        ("fuzz.xlsx", xlsx(&mut c))
    } else {
        ("fuzz.docx", docx(&mut c))
    }
}

fn docx(c: &mut Choices<'_>) -> Vec<u8> {
    let mut body = String::new();
    if c.flag() {
        let _ = write!(body, "<w:p><w:r><w:t>{}</w:t></w:r></w:p>", c.text());
    }
    for _ in 0..=c.below(2) {
        body.push_str("<w:tbl><w:tblGrid>");
        body.push_str(&"<w:gridCol/>".repeat(c.below(8) + if c.below(16) == 0 { 100 } else { 0 }));
        body.push_str("</w:tblGrid>");
        for _ in 0..c.below(8) {
            body.push_str("<w:tr>");
            if c.below(4) == 0 {
                let _ = write!(
                    body,
                    "<w:trPr><w:gridBefore w:val=\"{}\"/></w:trPr>",
                    c.number()
                );
            }
            for _ in 0..c.below(6) {
                docx_cell(c, &mut body);
            }
            if c.below(4) == 0 {
                let _ = write!(
                    body,
                    "<w:trPr><w:gridAfter w:val=\"{}\"/></w:trPr>",
                    c.number()
                );
            }
            body.push_str("</w:tr>");
            body.push_str(c.noise());
        }
        body.push_str("</w:tbl>");
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:body>{body}</w:body></w:document>"
    );
    zip_of(&[
        (
            "[Content_Types].xml",
            "<Types><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>".into(),
        ),
        ("word/document.xml", document),
    ])
}

fn docx_cell(c: &mut Choices<'_>, body: &mut String) {
    body.push_str("<w:tc><w:tcPr>");
    if c.below(3) == 0 {
        let _ = write!(body, "<w:gridSpan w:val=\"{}\"/>", c.number());
    }
    match c.below(4) {
        0 => body.push_str("<w:vMerge w:val=\"restart\"/>"),
        1 => body.push_str("<w:vMerge/>"),
        2 => body.push_str("<w:hMerge/>"),
        _ => {}
    }
    body.push_str("</w:tcPr>");
    for _ in 0..=c.below(2) {
        let _ = write!(body, "<w:p><w:r><w:t>{}</w:t><w:br/></w:r></w:p>", c.text());
    }
    if c.below(8) == 0 {
        let depth = c.below(300);
        body.push_str(&"<w:tbl><w:tr><w:tc>".repeat(depth));
        let _ = write!(body, "<w:p><w:r><w:t>{}</w:t></w:r></w:p>", c.text());
        body.push_str(&"</w:tc></w:tr></w:tbl>".repeat(depth));
    }
    body.push_str(c.noise());
    body.push_str("</w:tc>");
}

fn xlsx(c: &mut Choices<'_>) -> Vec<u8> {
    let strings: Vec<String> = (0..c.below(6)).map(|_| c.text()).collect();
    let mut sst = String::from("<sst>");
    for s in &strings {
        let _ = write!(sst, "<si><t>{s}</t></si>");
    }
    sst.push_str("</sst>");
    let mut sheet = String::from("<worksheet>");
    if c.flag() {
        let _ = write!(
            sheet,
            "<dimension ref=\"{}:{}\"/>",
            c.cell_ref(0, 0),
            c.cell_ref(9, 9)
        );
    }
    sheet.push_str("<sheetData>");
    for r in 0..c.below(10) {
        let _ = write!(
            sheet,
            "<row r=\"{}\">",
            if c.below(5) == 0 {
                c.number()
            } else {
                (r + 1).to_string()
            }
        );
        for col in 0..c.below(6) {
            xlsx_cell(c, &mut sheet, r, col, strings.len());
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData>");
    if c.flag() {
        sheet.push_str("<mergeCells>");
        for _ in 0..c.below(4) {
            let (r0, c0, r1, c1) = (c.below(10), c.below(6), c.below(10), c.below(6));
            let (a, b) = (c.cell_ref(r0, c0), c.cell_ref(r1, c1));
            let _ = write!(sheet, "<mergeCell ref=\"{a}:{b}\"/>");
        }
        sheet.push_str("</mergeCells>");
    }
    sheet.push_str("</worksheet>");
    let styles = format!(
        "<styleSheet><numFmts><numFmt numFmtId=\"176\" formatCode=\"yyyy-mm-dd\"/></numFmts>\
         <cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"176\"/><xf numFmtId=\"{}\"/></cellXfs></styleSheet>",
        c.number()
    );
    let rel = |id: &str, kind: &str, target: &str| {
        format!(
            "<Relationship Id=\"{id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}\" Target=\"{target}\"/>"
        )
    };
    zip_of(&[
        ("[Content_Types].xml", "<Types/>".into()),
        ("_rels/.rels", format!("<Relationships>{}</Relationships>", rel("rId1", "officeDocument", "xl/workbook.xml"))),
        (
            "xl/workbook.xml",
            "<workbook><sheets><sheet name=\"任务分解表\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>".into(),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!(
                "<Relationships>{}{}{}</Relationships>",
                rel("rId1", "worksheet", "worksheets/sheet1.xml"),
                rel("rId2", "sharedStrings", "sharedStrings.xml"),
                rel("rId3", "styles", "styles.xml")
            ),
        ),
        ("xl/sharedStrings.xml", sst),
        ("xl/styles.xml", styles),
        ("xl/worksheets/sheet1.xml", sheet),
    ])
}

fn xlsx_cell(c: &mut Choices<'_>, sheet: &mut String, row: usize, col: usize, strings: usize) {
    let r = c.cell_ref(row, col);
    let s = c.below(4);
    match c.below(7) {
        0 => {
            let i = if c.below(4) == 0 {
                c.number()
            } else {
                c.below(strings.max(1)).to_string()
            };
            let _ = write!(sheet, "<c r=\"{r}\" t=\"s\"><v>{i}</v></c>");
        }
        1 => {
            let _ = write!(
                sheet,
                "<c r=\"{r}\" t=\"inlineStr\"><is><t>{}</t></is></c>",
                c.text()
            );
        }
        2 => {
            let _ = write!(sheet, "<c r=\"{r}\" s=\"{s}\"><v>{}</v></c>", c.number());
        }
        3 => {
            let _ = write!(sheet, "<c r=\"{r}\" t=\"b\"><v>1</v></c>");
        }
        4 => {
            let _ = write!(
                sheet,
                "<c r=\"{r}\" t=\"str\"><f>A1</f><v>{}</v></c>",
                c.text()
            );
        }
        5 => {
            let _ = write!(sheet, "<c r=\"{r}\"/>{}", c.noise());
        }
        _ => {
            let _ = write!(sheet, "<c t=\"s\"><v>0</v></c>");
        }
    }
}

/// A zip archive of `parts`, deflated.
pub fn zip_of(parts: &[(&str, String)]) -> Vec<u8> {
    zip_with(parts, zip::CompressionMethod::Deflated)
}

/// A zip archive of `parts`, stored without compression (no ratio to refuse).
pub fn zip_stored(parts: &[(&str, String)]) -> Vec<u8> {
    zip_with(parts, zip::CompressionMethod::Stored)
}

fn zip_with(parts: &[(&str, String)], method: zip::CompressionMethod) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    for (name, content) in parts {
        // Writing to memory fails only on a bug in this module; an empty archive then
        // exercises the readers all the same.
        if zip
            .start_file(*name, options)
            .and_then(|()| zip.write_all(content.as_bytes()).map_err(Into::into))
            .is_err()
        {
            return Vec::new();
        }
    }
    zip.finish().map(Cursor::into_inner).unwrap_or_default()
}
