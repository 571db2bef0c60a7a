//! What the clones of one [`super::Store`] share: the base it loaded, the journal, the lock.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Weak;

use super::changes::Fingerprint;
use super::journal::Writer;
use super::{JOURNAL_FROM, JournalDamage, Lock, ReadOnly};
use crate::plan::{ReqId, Requirement};

/// The state file as this process last knew it: its fingerprint (`None`: no file) and, until
/// the first journaled edit, its content — the base an edit is re-applied against when the
/// file changed meanwhile. Kept as JSON bytes (parsed only on that rare path) rather than a
/// second `State`; once edits are journaled, [`Shared::originals`] serves instead.
#[derive(Debug, Clone)]
pub(super) struct Base {
    pub(super) fingerprint: Option<Fingerprint>,
    pub(super) json: Option<Vec<u8>>,
}

/// The journal beside the state file, as far as this process knows.
#[derive(Debug, Default)]
pub(super) enum Journal {
    /// None on disk (or not known to be).
    #[default]
    Absent,
    /// Applies to the file as last loaded or written; complete lines end at `len`. Opened for
    /// appending on the first edit.
    Active { len: u64, writer: Option<Writer> },
    /// On disk but not to be appended to (its base is another file content, or an append
    /// failed): the next whole rewrite removes it.
    Stale,
    /// Damaged at a line: what came before is applied; the next whole rewrite moves it to
    /// `aside` instead of removing it, so the rest is not lost.
    Damaged { aside: PathBuf },
}

#[derive(Debug)]
pub(super) struct Shared {
    pub(super) base: Option<Base>,
    /// Set when this store may not save.
    pub(super) read_only: Option<ReadOnly>,
    pub(super) journal: Journal,
    /// Each requirement edited through [`Store::save_edit`] since the file was last written,
    /// as it was before the first such edit.
    pub(super) originals: HashMap<ReqId, Requirement>,
    /// Edits of a stale journal that clash with the file: written to a conflict file by the
    /// next save, before the journal holding them is removed.
    pub(super) stale_conflicts: Vec<Requirement>,
    /// See [`JOURNAL_FROM`].
    pub(super) journal_from: u64,
    /// The lock taken by [`Store::take_over`], held as long as the store.
    pub(super) held: Option<Lock>,
    /// Alive while a [`Lock`] this store took is held: the store is the writer.
    pub(super) lock_token: Weak<()>,
    /// A whole rewrite failed: edits may be in memory only, so the next save must be whole
    /// too (appending just that edit would leave the earlier ones out).
    pub(super) rewrite_due: bool,
    /// The last load found a damaged journal; taken by [`Store::take_damage`].
    pub(super) damage: Option<JournalDamage>,
}

impl Default for Shared {
    fn default() -> Self {
        Shared {
            base: None,
            read_only: None,
            journal: Journal::Absent,
            originals: HashMap::new(),
            stale_conflicts: Vec::new(),
            journal_from: JOURNAL_FROM,
            held: None,
            lock_token: Weak::new(),
            rewrite_due: false,
            damage: None,
        }
    }
}
