//! The command line end to end: every command, its JSON, and the error paths (exit codes,
//! one-line `duban: …` messages, state files left untouched). Each test has its own
//! temporary state file and a fixed `--today 2021-09-20`.

#[path = "common/hostile.rs"]
mod hostile;

mod cli {
    pub mod documents;
    pub mod documents_plans;
    pub mod due;
    pub mod edit;
    pub mod files;
    pub mod hand;
    pub mod help;
    pub mod libreoffice;
    pub mod lifecycle;
    pub mod list;
    pub mod migrate;
    pub mod sanitised;
    pub mod show;
    pub mod start;
    pub mod support;
    pub mod workspace;
    pub mod workspace_ids;
    pub mod workspace_leftovers;
    pub mod workspace_span;
    pub mod wrapping;
}
