//! duban (督办): supervise a government work plan from the terminal.

pub mod clock;
pub mod i18n;
pub mod plan;
pub mod store;
