//! Plan documents in every format (.docx, .xlsx, .csv, Markdown) read into the same plan as
//! Word's text export: merged cells, section rows, titles, detection and refused documents.

mod formats {
    pub mod csv;
    pub mod detect;
    pub mod docx;
    pub mod markdown;
    pub mod props;
    pub mod support;
    pub mod xlsx;
}
