//! The JSON state file: versioned schema, atomic save, load with clear errors.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::plan::Plan;

pub const SCHEMA_VERSION: u32 = 1;

/// Everything duban keeps: the plan tree with each requirement's progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct State {
    pub schema: u32,
    pub plan: Plan,
}

impl State {
    pub fn new(plan: Plan) -> Self {
        State { schema: SCHEMA_VERSION, plan }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {problem}")]
    Unreadable { path: PathBuf, problem: String },
    #[error("{path}: cannot save: {source}")]
    Save { path: PathBuf, source: std::io::Error },
}

#[derive(Debug, Clone)]
pub struct Store {
    path: PathBuf,
}

impl Store {
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Store { path: path.into() }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// `None` when the file does not exist yet.
    pub fn load(&self) -> Result<Option<State>, StoreError> {
        todo!("store helper")
    }

    /// Write the whole state atomically.
    pub fn save(&self, state: &State) -> Result<(), StoreError> {
        let _ = state;
        todo!("store helper")
    }
}
