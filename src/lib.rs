//! duban (督办): supervise a government work plan from the terminal.

pub mod app;
pub mod cli;
pub mod clock;
pub mod i18n;
pub mod open;
pub mod plan;
pub mod report;
pub mod settings;
pub mod store;
pub mod team;
pub mod text;
pub mod ui;
