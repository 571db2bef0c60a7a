//! The dashboard without a terminal: state transitions through `App::update`, panes rendered
//! into buffers, and whole screens as insta snapshots (`tests/snapshots/`). Every test uses a
//! fixed reference date (2021-09-20) and its own temporary state file.

#[path = "common/hostile.rs"]
mod hostile;

mod dashboard {
    pub mod all_plans;
    pub mod all_views;
    pub mod count;
    pub mod deadlines;
    pub mod edits;
    pub mod hand;
    pub mod levels;
    pub mod lifecycle;
    pub mod panes;
    pub mod plans;
    pub mod progress;
    pub mod props;
    pub mod sanitised;
    pub mod score;
    pub mod screens;
    pub mod search;
    pub mod start;
    pub mod state;
    pub mod support;
    pub mod views;
}
