//! Exports and period snapshots end to end, through the real binary: the CSV round trip, the
//! workbook read back with calamine, the HTML parsed as XML, snapshot → edits → report, and
//! the sample reports in docs/ kept current. Each test has its own temporary state file and
//! a fixed `--today`.

mod export {
    pub mod csv;
    pub mod errors;
    pub mod html;
    pub mod injection;
    pub mod samples;
    pub mod snapshot;
    pub mod support;
    pub mod workspace;
    pub mod xlsx;
}
