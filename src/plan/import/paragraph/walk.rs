//! Reading a paragraph plan's entries in order: headings opened and closed, tasks started,
//! continued and annotated, sub-headings noted, and every line used marked.

use super::{Entry, Kind, Task, heading_like, heading_name, marker};
use crate::plan::import::ImportError;
use crate::plan::import::limits;
use crate::plan::import::outline::{Marker, Numbered};

/// The state of reading the entries in order.
pub(super) struct Walk<'e, 'a> {
    pub entries: &'e [Entry<'a>],
    pub annotated: &'e [bool],
    pub task_marker: Option<Marker>,
    /// Whether the document has headings above its tasks (then numbered lines before the
    /// first heading are preamble).
    pub headings_exist: bool,
    pub used: Vec<bool>,
    /// Open headings, outermost first: (style, name, entry).
    pub heads: Vec<(Marker, String, usize)>,
    pub sub: Option<(String, usize)>,
    pub tasks: Vec<Task>,
    /// Whether the last task may still take continuation lines and labels.
    pub open: bool,
}

impl Walk<'_, '_> {
    pub fn step(&mut self, i: usize, file: &str) -> Result<(), ImportError> {
        let e = &self.entries[i];
        match &e.kind {
            Kind::Labelled(a) => {
                if self.open
                    && let Some(t) = self.tasks.last_mut()
                {
                    t.annotation.merge(a.clone());
                    t.labelled = true;
                    self.used[i] = true;
                }
            }
            Kind::Numbered(n) => self.numbered(i, *n, file)?,
            Kind::Plain => self.plain(i, file)?,
        }
        Ok(())
    }

    /// Whether the next entry is a task.
    fn task_follows(&self, i: usize) -> bool {
        let Some(next) = self.entries.get(i + 1) else {
            return false;
        };
        match &next.kind {
            Kind::Numbered(n) => self.task_marker == Some(n.marker) || self.annotated[i + 1],
            Kind::Plain => self.annotated[i + 1],
            Kind::Labelled(_) => false,
        }
    }

    /// The last task, if it may take a continuation line: still open, and no annotation yet.
    fn continuable(&mut self) -> Option<&mut Task> {
        let t = self.tasks.last_mut().filter(|_| self.open)?;
        (t.annotation.is_empty() && !t.labelled).then_some(t)
    }

    fn numbered(&mut self, i: usize, n: Numbered<'_>, file: &str) -> Result<(), ImportError> {
        let annotated = self.annotated[i];
        let Some(tm) = self.task_marker else {
            self.heading(i, n.marker);
            return Ok(());
        };
        // An annotated heading with nothing numbered under it is a task too.
        let leaf = (self.entries[i + 1..].iter())
            .find_map(marker)
            .is_none_or(|next| next <= n.marker);
        let task = n.marker == tm || (annotated && n.marker < tm && leaf);
        if task {
            if self.heads.is_empty() && self.headings_exist && !annotated {
                self.open = false;
                return Ok(());
            }
            return self.task(i, Some(n.number), file);
        }
        if n.marker > tm {
            // A sub-point of the task: part of its text, its number kept as written.
            let e = &self.entries[i];
            let number = e.raw[..e.raw.len() - n.rest.len()].trim();
            if let Some(t) = self.continuable() {
                join(&mut t.text, number);
                t.text.push_str(&e.text);
                t.annotation.merge(e.inline.clone());
                self.used[i] = true;
            } else if annotated {
                return self.task(i, Some(n.number), file);
            }
            return Ok(());
        }
        self.heading(i, n.marker);
        Ok(())
    }

    fn heading(&mut self, i: usize, m: Marker) {
        while self.heads.last().is_some_and(|h| h.0 >= m) {
            self.heads.pop();
        }
        self.heads.push((m, heading_name(&self.entries[i].text), i));
        self.sub = None;
        self.open = false;
    }

    fn plain(&mut self, i: usize, file: &str) -> Result<(), ImportError> {
        let e = &self.entries[i];
        let sub_heading = heading_like(e.raw) && self.task_follows(i);
        let annotated = self.annotated[i];
        if let Some(t) = self.continuable()
            && (annotated || !sub_heading)
        {
            join(&mut t.text, &e.text);
            t.annotation.merge(e.inline.clone());
            self.used[i] = true;
            return Ok(());
        }
        if annotated {
            if e.text.is_empty() {
                return Ok(());
            }
            return self.task(i, None, file);
        }
        if sub_heading {
            self.sub = Some((heading_name(e.raw), i));
            self.open = false;
        } else if self.annotation_ends_run(i) {
            // The first line of an unnumbered task whose annotation comes lines later.
            return self.task(i, None, file);
        }
        Ok(())
    }

    /// Whether the plain lines from `i` on run, without a sub-heading, to one that carries
    /// an annotation.
    fn annotation_ends_run(&self, i: usize) -> bool {
        for j in i + 1..self.entries.len() {
            let e = &self.entries[j];
            if !matches!(e.kind, Kind::Plain) {
                return false;
            }
            if self.annotated[j] {
                return true;
            }
            if heading_like(e.raw) {
                return false;
            }
        }
        false
    }

    fn task(&mut self, i: usize, number: Option<u32>, file: &str) -> Result<(), ImportError> {
        let e = &self.entries[i];
        if e.text.is_empty() {
            return Err(ImportError::new(
                file,
                e.line,
                "a numbered task with no text (only its number or its annotation)",
            ));
        }
        if e.text.len() > limits::MAX_CELL_TEXT {
            let problem = format!(
                "a task of {}; the limit for one task's text is {}",
                limits::bytes(e.text.len() as u64),
                limits::bytes(limits::MAX_CELL_TEXT as u64)
            );
            return Err(ImportError::new(file, e.line, problem));
        }
        if self.tasks.len() >= limits::MAX_ROWS {
            let problem = format!(
                "more than {} tasks; that is the limit for one plan",
                limits::count_usize(limits::MAX_ROWS)
            );
            return Err(ImportError::new(file, e.line, problem));
        }
        self.used[i] = true;
        for &(_, _, h) in &self.heads {
            self.used[h] = true;
        }
        if let Some((_, s)) = &self.sub {
            self.used[*s] = true;
        }
        self.tasks.push(Task {
            number,
            text: e.text.clone(),
            annotation: e.inline.clone(),
            path: self.heads.clone(),
            sub: self.sub.clone(),
            labelled: false,
        });
        self.open = true;
        Ok(())
    }
}

/// Appends a continuation line: no space between Chinese texts, one between Latin words.
fn join(text: &mut String, more: &str) {
    let more = more.trim();
    let seam = text
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphanumeric())
        && more
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric());
    if seam {
        text.push(' ');
    }
    text.push_str(more);
}
