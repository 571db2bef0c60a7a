//! Plans of as many levels as the document has: a 工作任务 → 具体要求 table imports as two
//! levels, a flat 责任清单 as one, in every format; ids, `show`, `list`, JSON and the
//! exports show only the levels that exist; the document's own numbers are numbers.

#[allow(dead_code)]
#[path = "formats/support.rs"]
mod support;

#[allow(dead_code)]
#[path = "cli/support.rs"]
mod cli_support;

#[allow(dead_code)]
#[path = "fidelity/build.rs"]
mod build;

mod levels {
    pub mod cli;
    pub mod fixtures;
    pub mod import;
}
