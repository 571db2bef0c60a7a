//! The edit journal: on a large plan the dashboard appends each edit to
//! `state.json.journal` (one JSON line, synced) instead of rewriting the whole state file, so
//! an edit is on disk in a millisecond or two at any size. The journal is folded into
//! `state.json` (and removed) when the dashboard is idle, quits, or a command rewrites the
//! file; every load replays it.
//!
//! Line 1 names the state file content the journal applies to (length and CRC-32), so a
//! journal left behind by a writer killed between rewriting `state.json` and removing the
//! journal, or one whose `state.json` was replaced by another program, is recognised as
//! stale: its edits are then re-applied only where the file still holds what they started
//! from ([`Stale`]). Each later line is one edit: the requirements it changed, before and
//! after. A last line without its newline is a write cut short by a kill: that edit was never
//! reported as saved, and is ignored.

use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::plan::{ReqId, Requirement};

const FORMAT: u32 = 1;

/// `state.json` → `state.json.journal`.
pub fn journal_path(state: &Path) -> PathBuf {
    let mut name = state.file_name().unwrap_or_default().to_os_string();
    name.push(".journal");
    state.with_file_name(name)
}

/// Which state file content a journal applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct BaseId {
    #[serde(rename = "state_len")]
    pub len: u64,
    #[serde(rename = "state_crc32")]
    pub crc32: u32,
}

#[cfg(test)]
impl BaseId {
    pub fn of(bytes: &[u8]) -> BaseId {
        BaseId {
            len: bytes.len() as u64,
            crc32: crc32fast::hash(bytes),
        }
    }
}

#[derive(Serialize, Deserialize)]
struct Header {
    journal: u32,
    #[serde(flatten)]
    base: BaseId,
}

/// One requirement as an edit found and left it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct Entry {
    pub before: Requirement,
    pub after: Requirement,
}

#[derive(Serialize, Deserialize)]
struct Record {
    edit: Vec<Entry>,
}

/// A journal read back: its base and its edits, oldest first.
#[derive(Debug)]
pub(super) struct Replay {
    /// `None` when the first line is damaged.
    pub base: Option<BaseId>,
    /// The edits before any damaged line.
    pub entries: Vec<Entry>,
    /// Bytes up to the end of the last complete line (a torn last line is cut off here before
    /// anything is appended).
    pub len: u64,
    /// The first line that is not a journal line: it and what follows are not applied.
    pub damaged: Option<Damaged>,
}

/// Where a journal stops making sense.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Damaged {
    pub line: usize,
    pub problem: String,
}

impl Replay {
    /// Per requirement, in first-edit order: what it was before the first edit and after the
    /// last one.
    pub fn net(&self) -> Vec<(&Requirement, &Requirement)> {
        let mut order: Vec<ReqId> = Vec::new();
        let mut net: HashMap<ReqId, (&Requirement, &Requirement)> = HashMap::new();
        for e in &self.entries {
            net.entry(e.after.id)
                .and_modify(|(_, after)| *after = &e.after)
                .or_insert_with(|| {
                    order.push(e.after.id);
                    (&e.before, &e.after)
                });
        }
        order.iter().filter_map(|id| net.get(id).copied()).collect()
    }
}

/// Read the journal beside `state`; `Ok(None)` when there is none. A damaged line ends the
/// replay there ([`Replay::damaged`]); `Err` (without the path, which the caller names) only
/// when the journal cannot be read at all or is a newer format.
pub(super) fn read(state: &Path) -> Result<Option<Replay>, String> {
    let path = journal_path(state);
    let bytes = match fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("cannot read: {e}")),
    };
    // Only complete lines count: a missing final newline is a write cut short.
    let complete = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let mut lines = bytes[..complete].split(|&b| b == b'\n');
    let mut replay = Replay {
        base: None,
        entries: Vec::new(),
        len: complete as u64,
        damaged: None,
    };
    let header: Option<Header> = lines
        .next()
        .filter(|l| !l.is_empty())
        .and_then(|l| serde_json::from_slice(l).ok());
    let Some(header) = header else {
        replay.damaged = Some(Damaged {
            line: 1,
            problem: "not a duban edits journal".into(),
        });
        return Ok(Some(replay));
    };
    if header.journal != FORMAT {
        return Err(format!(
            "line 1: journal format {} is not one this duban reads. The edits journal was left \
             as it was; upgrade duban to apply it",
            header.journal
        ));
    }
    replay.base = Some(header.base);
    for (i, line) in lines.enumerate() {
        if line.is_empty() {
            continue;
        }
        match serde_json::from_slice::<Record>(line) {
            Ok(record) => replay.entries.extend(record.edit),
            Err(e) => {
                // serde counts lines within the one line it was given: give the column only.
                let full = e.to_string();
                let position = format!(" at line {} column {}", e.line(), e.column());
                let what = full.strip_suffix(&position).unwrap_or(&full);
                replay.damaged = Some(Damaged {
                    line: i + 2,
                    problem: format!("{what} at column {}", e.column()),
                });
                break;
            }
        }
    }
    Ok(Some(replay))
}

/// Appends edits to an open journal.
#[derive(Debug)]
pub(super) struct Writer {
    file: File,
    len: u64,
}

impl Writer {
    /// A new, empty journal for the state file content `base`, replacing any old one
    /// atomically (a crash leaves either the old journal or the complete new header).
    pub fn create(state: &Path, base: BaseId) -> io::Result<Writer> {
        let path = journal_path(state);
        let mut header = serde_json::to_vec(&Header {
            journal: FORMAT,
            base,
        })
        .map_err(io::Error::other)?;
        header.push(b'\n');
        let mode = super::write::companion_mode(state);
        super::write::replace(state, &path, &header, false, mode)?;
        Writer::open(state, header.len() as u64)
    }

    /// Continue the journal whose complete lines end at `len`, cutting off a torn tail.
    pub fn open(state: &Path, len: u64) -> io::Result<Writer> {
        let file = OpenOptions::new().append(true).open(journal_path(state))?;
        if file.metadata()?.len() != len {
            file.set_len(len)?;
        }
        Ok(Writer { file, len })
    }

    /// Append one edit and sync it. On failure the journal is cut back to what it held, so a
    /// half-written line never sits in front of a later one; `Err` also when that fails, and
    /// the writer must then not be used again.
    pub fn append(&mut self, entries: Vec<Entry>) -> io::Result<()> {
        let mut line = serde_json::to_vec(&Record { edit: entries }).map_err(io::Error::other)?;
        line.push(b'\n');
        match self
            .file
            .write_all(&line)
            .and_then(|()| self.file.sync_data())
        {
            Ok(()) => {
                self.len += line.len() as u64;
                Ok(())
            }
            Err(e) => {
                let _ = self.file.set_len(self.len);
                Err(e)
            }
        }
    }

    pub fn len(&self) -> u64 {
        self.len
    }
}

/// Remove the journal (after its edits reached `state.json`). Missing is fine.
pub(super) fn remove(state: &Path) -> io::Result<()> {
    match fs::remove_file(journal_path(state)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Status;

    fn req(n: u32, status: Status) -> Requirement {
        let mut r = Requirement::new(
            ReqId::new(1, 1, n),
            format!("要求{n}"),
            "市政府办公室牵头".into(),
            "2021年9月30日前".into(),
            2021,
        );
        r.status = status;
        r
    }

    fn entry(n: u32, from: Status, to: Status) -> Entry {
        Entry {
            before: req(n, from),
            after: req(n, to),
        }
    }

    #[test]
    fn written_edits_read_back_in_order_and_net_per_requirement() {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = dir.path().join("state.json");
        let base = BaseId::of(b"{}");
        let mut w = Writer::create(&state, base).expect("create");
        w.append(vec![entry(1, Status::Todo, Status::Doing)])
            .expect("append");
        w.append(vec![
            entry(2, Status::Todo, Status::Blocked),
            entry(1, Status::Doing, Status::Done),
        ])
        .expect("append");
        let replay = read(&state).expect("readable").expect("present");
        assert_eq!(replay.base, Some(base));
        assert_eq!(replay.entries.len(), 3);
        assert_eq!(replay.len, w.len());
        let net = replay.net();
        assert_eq!(net.len(), 2);
        assert_eq!(
            (net[0].0.status, net[0].1.status),
            (Status::Todo, Status::Done)
        );
        assert_eq!(net[1].1.status, Status::Blocked);
    }

    #[test]
    fn a_torn_last_line_is_ignored_and_cut_off_before_appending() {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = dir.path().join("state.json");
        let mut w = Writer::create(&state, BaseId::of(b"x")).expect("create");
        w.append(vec![entry(1, Status::Todo, Status::Done)])
            .expect("append");
        let whole = fs::read(journal_path(&state)).expect("read");
        let good = whole.len();
        // Every cut inside the second edit's line reads as the first edit alone.
        let mut second = Writer::open(&state, good as u64).expect("open");
        second
            .append(vec![entry(2, Status::Todo, Status::Doing)])
            .expect("append");
        let both = fs::read(journal_path(&state)).expect("read");
        for cut in good..both.len() {
            fs::write(journal_path(&state), &both[..cut]).expect("cut");
            let replay = read(&state).expect("readable").expect("present");
            assert_eq!(replay.entries.len(), 1, "cut at {cut}");
            assert_eq!(replay.len, good as u64);
        }
        let replay = read(&state).expect("readable").expect("present");
        let mut w = Writer::open(&state, replay.len).expect("reopen");
        w.append(vec![entry(3, Status::Todo, Status::Doing)])
            .expect("append");
        let ids: Vec<u32> = read(&state)
            .expect("readable")
            .expect("present")
            .entries
            .iter()
            .map(|e| e.after.id.requirement)
            .collect();
        assert_eq!(ids, [1, 3]);
    }

    #[test]
    fn a_damaged_line_ends_the_replay_there_and_is_named() {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = dir.path().join("state.json");
        let mut w = Writer::create(&state, BaseId::of(b"x")).expect("create");
        w.append(vec![entry(1, Status::Todo, Status::Done)])
            .expect("append");
        let mut bytes = fs::read(journal_path(&state)).expect("read");
        bytes.extend_from_slice(b"{oops}\n");
        w.append(vec![entry(2, Status::Todo, Status::Done)])
            .expect("append");
        let second = fs::read(journal_path(&state)).expect("read");
        bytes.extend_from_slice(&second[bytes.len() - 7..]);
        fs::write(journal_path(&state), &bytes).expect("write");
        let replay = read(&state).expect("readable").expect("present");
        assert_eq!(replay.entries.len(), 1, "the edit before the damage only");
        let damaged = replay.damaged.expect("damaged");
        assert_eq!(damaged.line, 3);
        assert!(
            damaged.problem.contains("key must be a string"),
            "{damaged:?}"
        );
        fs::write(journal_path(&state), b"hello\n").expect("write");
        let replay = read(&state).expect("readable").expect("present");
        assert_eq!((replay.base, replay.entries.len()), (None, 0));
        assert_eq!(replay.damaged.map(|d| d.line), Some(1));
        fs::write(
            journal_path(&state),
            b"{\"journal\":9,\"state_len\":1,\"state_crc32\":1}\n",
        )
        .expect("write");
        let err = read(&state).expect_err("a newer format is not damage");
        assert!(err.starts_with("line 1: journal format 9"), "{err}");
        assert!(
            !err.contains("state.json"),
            "the caller names the path: {err}"
        );
    }

    #[test]
    fn remove_tolerates_a_missing_journal() {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = dir.path().join("state.json");
        remove(&state).expect("nothing to remove");
        Writer::create(&state, BaseId::of(b"x")).expect("create");
        remove(&state).expect("removed");
        assert!(!journal_path(&state).exists());
    }
}
