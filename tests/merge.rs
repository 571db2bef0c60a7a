//! Revised plans: `merge` keeps every requirement's progress across inserted, removed,
//! renumbered and edited rows; `duban import --merge` shows, confirms and archives.

#[path = "common/pty.rs"]
mod pty;

mod merge {
    pub mod cli;
    pub mod hand;
    pub mod library;
    pub mod preview;
    pub mod prompt;
    pub mod props;
    pub mod support;
    pub mod weak;
}
