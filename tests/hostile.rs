//! Hostile plan documents of a few kilobytes: sizes that claim billions of columns, cells at
//! a sheet's last address, zip bombs, nesting, too many cells. Each is refused with an error
//! that names the file, the table or sheet, the row and the limit — never a panic, never an
//! allocation of what the document merely declares. Also a property test over the same
//! structure-aware generator as the `office_zip` fuzz target.

mod hostile {
    pub mod docs;
    pub mod docx;
    pub mod props;
    pub mod xlsx;
    pub mod zip;
}
