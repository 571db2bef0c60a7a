//! The promises about the state file, tested by trying to break them: writers killed
//! mid-save, two writers at once, files changed behind our back, unreadable files, a full
//! disk, termination signals in a real terminal. README "Your data" states what is promised.

#[path = "common/pty.rs"]
mod pty;

mod reliability {
    pub mod changes;
    pub mod crash;
    #[cfg(unix)]
    pub mod files;
    pub mod journal;
    pub mod lock;
    #[cfg(unix)]
    pub mod quit;
    pub mod signals;
    pub mod support;
    pub mod unreadable;
}
