//! The coordinator's views (issue 4): agenda, units workload, search, escalation colours,
//! the progress log and reporting duties — the domain API on the seed plan at fixed dates,
//! and the `agenda`, `units`, `report-submitted` and `list --search` commands end to end;
//! the working-day calendar (issue 15).

mod views {
    pub mod calendar;
    pub mod cli;
    pub mod count;
    pub mod domain;
    pub mod duties;
    pub mod support;
}
