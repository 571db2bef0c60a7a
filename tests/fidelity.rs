//! Reading plans faithfully: columns found by role whatever the header calls them, in every
//! format; nothing dropped (cooperating units, leaders, remarks, unknown columns); `import
//! --columns`; and the new fields through the CLI, merges and exports.

#[allow(dead_code)]
#[path = "formats/support.rs"]
mod support;

#[allow(dead_code)]
#[path = "cli/support.rs"]
mod cli_support;

mod fidelity {
    pub mod build;
    pub mod cli;
    pub mod headers;
    pub mod props;
}
