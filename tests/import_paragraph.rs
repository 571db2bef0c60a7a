//! Paragraph plans (issue #23): numbered headings and tasks with their annotations, as a .txt
//! copied from a web page and as a .docx's body paragraphs; the preamble skipped and listed;
//! the year from the title, the document's dates, `--year` or the import date. Every plan
//! here is one of our own making.

#[allow(dead_code)]
#[path = "formats/support.rs"]
mod formats_support;

#[allow(dead_code)]
#[path = "cli/support.rs"]
mod cli_support;

mod import_paragraph {
    pub mod cli;
    pub mod docx;
    pub mod props;
    pub mod shapes;
    pub mod support;
    pub mod year;
}
