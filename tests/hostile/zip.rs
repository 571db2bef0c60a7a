//! Archives that lie: bombs, sizes declared smaller than they unpack, too many entries.

use duban::plan::import::fuzz_docs::{zip_of, zip_stored};
use duban::plan::import::{import_bytes, limits};

use super::docs::{data_row, docx, header_row, refused_with};

#[test]
fn a_zip_bomb_part_is_refused_by_its_ratio() {
    // 9 MiB of spaces (past the size below which ratios are not checked) packs into kilobytes.
    let mut doc = String::from("<w:document><w:body>");
    doc.push_str(&" ".repeat(9 << 20));
    doc.push_str("</w:body></w:document>");
    let bomb = zip_of(&[("word/document.xml", doc)]);
    assert!(bomb.len() < 100_000, "{}", bomb.len());
    refused_with(
        &bomb,
        "p.docx",
        "p.docx: word/document.xml unpacks to more than 100 times its packed size (a zip bomb?); \
         the limit is 100×",
    );
}

/// Overwrites the unpacked size every header declares for the archive's entries.
fn declare_size(zip: &mut [u8], size: u32) {
    let mut i = 0;
    while i + 30 <= zip.len() {
        let at = |o: usize| i + o;
        match &zip[i..i + 4] {
            b"PK\x03\x04" => zip[at(22)..at(26)].copy_from_slice(&size.to_le_bytes()),
            b"PK\x01\x02" if i + 28 <= zip.len() => {
                zip[at(24)..at(28)].copy_from_slice(&size.to_le_bytes());
            }
            _ => {}
        }
        i += 1;
    }
}

#[test]
fn declared_sizes_are_not_trusted() {
    // Declared far past the limit: refused before unpacking.
    let mut doc = docx(&[format!("{}{}", header_row(), data_row())]);
    declare_size(&mut doc, u32::MAX);
    let e = import_bytes(&doc, "p.docx").expect_err("refused");
    assert!(e.to_string().starts_with("p.docx: "), "{e}");
    assert!(
        e.problem.contains("limit") || e.problem.contains("damaged"),
        "{e}"
    );
    // Declared tiny, unpacking to megabytes: the capped reader stops it all the same.
    let mut text = String::from("<w:document><w:body>");
    text.push_str(&" ".repeat(3 << 20));
    text.push_str("</w:body></w:document>");
    let mut liar = zip_of(&[("word/document.xml", text)]);
    declare_size(&mut liar, 10);
    let e = import_bytes(&liar, "p.docx").expect_err("refused");
    assert!(!e.to_string().contains(":0:"), "{e}");
}

#[test]
fn an_archive_of_too_many_entries_is_refused() {
    let mut parts: Vec<(String, String)> = (0..=limits::MAX_ZIP_ENTRIES)
        .map(|i| (format!("media/{i}.xml"), String::new()))
        .collect();
    parts.push(("word/document.xml".into(), "<w:document/>".into()));
    let parts: Vec<(&str, String)> = parts.iter().map(|(n, c)| (n.as_str(), c.clone())).collect();
    refused_with(
        &zip_stored(&parts),
        "p.docx",
        "p.docx: the archive holds 10,002 entries; the limit is 10,000",
    );
}
