//! The zip archive around a .docx or .xlsx, read within [`limits`]: the number of entries,
//! each part's declared and actual unpacked size, its compression ratio, and the total
//! unpacked from one document. Headers are never trusted: parts are read through a
//! [`Capped`] reader.

use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use super::ImportError;
use super::limits::{self, Capped};

pub(super) struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    file: &'a str,
    /// Unpacked bytes of the parts read so far.
    unpacked: u64,
}

impl<'a> Archive<'a> {
    /// Opens an archive, naming a damaged one as such.
    pub fn open(bytes: &'a [u8], file: &'a str) -> Result<Self, ImportError> {
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            ImportError::new(
                file,
                0,
                format!("not a readable .docx/.xlsx file (damaged or incomplete zip archive: {e})"),
            )
        })?;
        if zip.len() > limits::MAX_ZIP_ENTRIES {
            return Err(ImportError::new(
                file,
                0,
                format!(
                    "the archive holds {} entries; the limit is {}",
                    limits::count_usize(zip.len()),
                    limits::count_usize(limits::MAX_ZIP_ENTRIES)
                ),
            ));
        }
        Ok(Archive {
            zip,
            file,
            unpacked: 0,
        })
    }

    pub fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    fn refuse(&self, problem: String) -> ImportError {
        ImportError::new(self.file, 0, problem)
    }

    /// A part's bytes, `None` when the archive has no such part.
    pub fn part(&mut self, name: &str) -> Result<Option<Vec<u8>>, ImportError> {
        let budget = limits::MAX_UNPACKED_BYTES.saturating_sub(self.unpacked);
        let entry = match self.zip.by_name(name) {
            Ok(entry) => entry,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(e) => {
                let problem = format!("cannot unpack {name} (damaged archive: {e})");
                return Err(ImportError::new(self.file, 0, problem));
            }
        };
        let declared = entry.size();
        if declared > limits::MAX_PART_BYTES {
            let problem = format!(
                "{name} declares {} unpacked; the limit for one part is {}",
                limits::bytes(declared),
                limits::bytes(limits::MAX_PART_BYTES)
            );
            return Err(ImportError::new(self.file, 0, problem));
        }
        let by_ratio = entry
            .compressed_size()
            .saturating_mul(limits::MAX_RATIO)
            .max(limits::RATIO_FREE_BYTES);
        let cap = limits::MAX_PART_BYTES.min(by_ratio).min(budget);
        // The declared size is only a hint for the first allocation, and a capped one.
        let hint = usize::try_from(declared.min(cap)).unwrap_or(0);
        let mut buf = Vec::with_capacity(hint);
        let mut reader = Capped::new(entry, cap);
        let read = reader.read_to_end(&mut buf);
        let inflated = reader.inflated;
        drop(reader);
        match read {
            Ok(_) => {}
            Err(e) if limits::is_over_cap(&e) => {
                let problem = if cap == by_ratio {
                    format!(
                        "{name} unpacks to more than {} times its packed size (a zip bomb?); \
                         the limit is {}×",
                        limits::MAX_RATIO,
                        limits::MAX_RATIO
                    )
                } else if cap == budget {
                    format!(
                        "the archive's parts unpack to more than {} in all; that is the limit",
                        limits::bytes(limits::MAX_UNPACKED_BYTES)
                    )
                } else {
                    format!(
                        "{name} unpacks to more than {}; the limit for one part is {}",
                        limits::bytes(cap),
                        limits::bytes(limits::MAX_PART_BYTES)
                    )
                };
                return Err(self.refuse(problem));
            }
            Err(e) => return Err(self.refuse(format!("cannot unpack {name}: {e}"))),
        }
        self.unpacked += inflated;
        Ok(Some(buf))
    }

    /// A part as UTF-8 text (XML parts are), `None` when the archive has no such part.
    pub fn text_part(&mut self, name: &str) -> Result<Option<String>, ImportError> {
        let Some(bytes) = self.part(name)? else {
            return Ok(None);
        };
        let text = String::from_utf8(bytes)
            .map_err(|_| self.refuse(format!("{name} is not UTF-8 XML")))?;
        Ok(Some(text))
    }
}
