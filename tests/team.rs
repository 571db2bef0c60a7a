//! The team store on a real PostgreSQL server (issue #21). Each test makes a throwaway
//! database and drops it at the end. Without a server the tests skip with a message,
//! except under `CI=true`, where a missing server fails them (`.ci/run` starts one).

mod team {
    pub mod access;
    pub mod base;
    pub mod clash;
    pub mod cli;
    pub mod dashboard;
    pub mod liaison;
    pub mod live;
    pub mod outage;
    #[path = "../common/pty.rs"]
    pub mod pty;
    pub mod ptys;
    pub mod relay;
    pub mod restart;
    pub mod roles;
    pub mod schema;
    pub mod server;
    pub mod support;
    pub mod tls;
}
