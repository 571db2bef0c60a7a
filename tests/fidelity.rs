//! Reading plans faithfully: columns found by role whatever the header calls them, in every
//! format; nothing dropped (cooperating units, leaders, remarks, unknown columns); `import
//! --columns`; and the new fields through the CLI, merges and exports.

#[allow(dead_code)]
#[path = "formats/support.rs"]
mod support;

#[allow(dead_code)]
#[path = "cli/support.rs"]
mod cli_support;

#[path = "common/deadline_cells.rs"]
mod deadline_cells;

mod fidelity {
    pub mod build;
    pub mod cli;
    pub mod deadlines;
    pub mod headers;
    pub mod props;
}
