//! How big a plan document may be, in one place. Every size a document declares (spans,
//! grid columns, cell references, merged ranges, zip entry sizes) is checked against these
//! before anything is allocated for it, so that peak memory follows what the document really
//! holds, not what it claims. The numbers are far above any real plan (the largest seen have
//! a few thousand rows of seven columns) and far below what would exhaust a laptop; the
//! README's importing section lists them.

use std::io::{self, Read};

/// Columns of a table: a Word row's grid (`gridBefore` + spans + `gridAfter`), a sheet's
/// used columns.
pub const MAX_COLUMNS: usize = 100;
/// Rows of one Word table or worksheet.
pub const MAX_ROWS: usize = 100_000;
/// Cells of one table (rows × columns as the table is laid out).
pub const MAX_CELLS: usize = 1_000_000;
/// UTF-8 bytes of one cell's text.
pub const MAX_CELL_TEXT: usize = 1 << 20;
/// UTF-8 bytes of all of a document's text: a text document as decoded, or the cells of a
/// Word table or worksheet (shared strings count each time a cell uses them).
pub const MAX_TEXT: usize = 64 << 20;
/// Bytes of a plan file on disk (a .docx may carry pictures besides its table).
pub const MAX_FILE_BYTES: u64 = 256 << 20;
/// Entries in a .docx/.xlsx archive (a real one has 10 to a few hundred).
pub const MAX_ZIP_ENTRIES: usize = 10_000;
/// Unpacked bytes of one archive part that is read (`word/document.xml`, a sheet, the
/// shared strings), as declared and as actually inflated.
pub const MAX_PART_BYTES: u64 = 32 << 20;
/// Unpacked bytes of all parts read from one archive.
pub const MAX_UNPACKED_BYTES: u64 = 64 << 20;
/// Inflated ÷ compressed size of a part, checked once a part passes
/// [`RATIO_FREE_BYTES`]: real XML compresses 5–50×, a zip bomb up to a thousand times.
pub const MAX_RATIO: u64 = 100;
/// Parts up to this size are never refused for their ratio (repetitive tables compress
/// far better than prose).
pub const RATIO_FREE_BYTES: u64 = 8 << 20;
/// Nesting depth of XML elements (real OOXML nests 10–30 deep, nested tables included).
pub const MAX_XML_DEPTH: usize = 256;

/// `n` in the units a limit message uses: "64 MiB", "1,000,000".
pub fn bytes(n: u64) -> String {
    if n >= 1 << 20 && n.is_multiple_of(1 << 20) {
        format!("{} MiB", n >> 20)
    } else {
        format!("{} bytes", count(n))
    }
}

/// A count with thousands separators, as the README writes limits.
pub fn count(n: impl Into<u64>) -> String {
    let digits = n.into().to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// `count` for a `usize` limit.
pub fn count_usize(n: usize) -> String {
    count(u64::try_from(n).unwrap_or(u64::MAX))
}

/// A reader that fails once more than `cap` bytes came through, whatever the archive's
/// headers declared; `inflated` says how many did.
pub struct Capped<R> {
    inner: R,
    cap: u64,
    pub inflated: u64,
}

impl<R> Capped<R> {
    pub fn new(inner: R, cap: u64) -> Self {
        Capped {
            inner,
            cap,
            inflated: 0,
        }
    }
}

/// The error a [`Capped`] reader returns past its cap, told apart from a damaged stream.
#[derive(Debug)]
pub struct OverCap;

impl std::fmt::Display for OverCap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("more data than the limit allows")
    }
}

impl std::error::Error for OverCap {}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        // One byte past the cap is asked for, so that "exactly at the cap" still passes.
        let room = self.cap.saturating_sub(self.inflated).saturating_add(1);
        let want = usize::try_from(room).map_or(buf.len(), |r| r.min(buf.len()));
        let n = self.inner.read(&mut buf[..want])?;
        self.inflated += n as u64;
        if self.inflated > self.cap {
            return Err(io::Error::other(OverCap));
        }
        Ok(n)
    }
}

/// Whether an I/O error is a [`Capped`] reader's.
pub fn is_over_cap(e: &io::Error) -> bool {
    e.get_ref()
        .is_some_and(<dyn std::error::Error + Send + Sync>::is::<OverCap>)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capped_reader_stops_past_its_cap() {
        let data = [7u8; 100];
        let mut out = Vec::new();
        let mut r = Capped::new(&data[..], 100);
        assert_eq!(r.read_to_end(&mut out).ok(), Some(100));
        let mut r = Capped::new(&data[..], 99);
        let e = r.read_to_end(&mut Vec::new()).expect_err("over the cap");
        assert!(is_over_cap(&e));
        assert_eq!(r.inflated, 100);
    }

    #[test]
    fn limits_read_as_the_readme_writes_them() {
        assert_eq!(bytes(MAX_TEXT as u64), "64 MiB");
        assert_eq!(bytes(1500), "1,500 bytes");
        assert_eq!(count_usize(MAX_CELLS), "1,000,000");
        assert_eq!(count(100u64), "100");
    }
}
