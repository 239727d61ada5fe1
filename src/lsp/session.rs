//! An open document as the server tracks it: the engine's [`Document`] plus the client's
//! version, the recent changes (to map AI ranges reported against an older version forward),
//! and AI edits reported ahead of the change they describe.

use std::collections::VecDeque;
use std::ops::Range;
use std::sync::Arc;

use crate::document::Document;
use crate::origin::Origin;
use crate::text::{PositionChange, PositionEncoding, PositionError, PositionRange};

/// How many recent changes are kept for mapping stale ranges forward.
const HISTORY: usize = 4096;

/// One change from `didChange`: a range and its new text, or the whole document.
#[derive(Debug, Clone)]
pub struct ContentChange {
    pub range: Option<PositionRange>,
    pub text: String,
}

/// Why an AI range could not be placed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlaceError {
    #[error("version {reported} is older than the changes the server remembers (from {oldest})")]
    TooOld { reported: i32, oldest: i32 },
    #[error("the whole document was replaced after version {reported}, so its ranges are lost")]
    Replaced { reported: i32 },
    #[error(transparent)]
    Position(#[from] PositionError),
}

/// What happened to one `didChange`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeOutcome {
    Applied {
        /// The client skipped versions; allowed by LSP, worth a log line.
        gap: bool,
        /// AI edits held for this version that no longer fit the text.
        unplaced: Vec<PlaceError>,
    },
    /// A version at or below the current one: applying it would corrupt the document.
    Stale { current: i32 },
    Rejected(PositionError),
}

#[derive(Debug, Clone)]
enum HistoryEntry {
    Change(PositionChange),
    Replaced,
}

#[derive(Debug, Clone)]
struct PendingAiEdit {
    version: i32,
    ranges: Vec<PositionRange>,
    origin: Arc<Origin>,
}

#[derive(Debug)]
pub struct OpenDocument {
    pub doc: Document,
    pub version: i32,
    /// (version after the change, the change), oldest first.
    history: VecDeque<(i32, HistoryEntry)>,
    /// The version of the oldest state `history` can map from.
    history_base: i32,
    pending_ai: Vec<PendingAiEdit>,
}

/// What to do with the text a change inserts.
pub type Classifier<'a> = &'a dyn Fn(&ContentChange) -> Option<Arc<Origin>>;

impl OpenDocument {
    pub fn new(doc: Document, version: i32) -> Self {
        OpenDocument {
            doc,
            version,
            history: VecDeque::new(),
            history_base: version,
            pending_ai: Vec::new(),
        }
    }

    /// Applies one `didChange` (all its content changes, in order) if its version is newer.
    /// A content change that does not fit the text stops the batch: the text is left as it was
    /// after the changes before it, and the caller should ask the client to resync.
    pub fn apply_changes(
        &mut self,
        version: i32,
        changes: &[ContentChange],
        enc: PositionEncoding,
        classify: Classifier<'_>,
    ) -> ChangeOutcome {
        if version <= self.version {
            return ChangeOutcome::Stale {
                current: self.version,
            };
        }
        let gap = version != self.version + 1;
        for change in changes {
            let ai = classify(change);
            match change.range {
                Some(range) => {
                    if let Err(e) = self.doc.edit_positions(range, &change.text, enc, ai) {
                        self.version = version;
                        self.remember(version, HistoryEntry::Replaced);
                        return ChangeOutcome::Rejected(e);
                    }
                    self.remember(
                        version,
                        HistoryEntry::Change(PositionChange {
                            range,
                            text: change.text.clone(),
                        }),
                    );
                }
                None => {
                    self.doc.replace_all(&change.text);
                    self.remember(version, HistoryEntry::Replaced);
                }
            }
        }
        self.version = version;
        let unplaced = self.apply_pending_ai(enc);
        ChangeOutcome::Applied { gap, unplaced }
    }

    fn remember(&mut self, version: i32, entry: HistoryEntry) {
        if self.history.len() == HISTORY
            && let Some((v, _)) = self.history.pop_front()
        {
            // Everything up to the dropped change's version can no longer be mapped from.
            self.history_base = v;
        }
        self.history.push_back((version, entry));
    }

    /// Maps ranges reported against `version` to byte ranges in the current text.
    pub fn place(
        &self,
        version: i32,
        ranges: &[PositionRange],
        enc: PositionEncoding,
    ) -> Result<Vec<Range<usize>>, PlaceError> {
        if version < self.history_base {
            return Err(PlaceError::TooOld {
                reported: version,
                oldest: self.history_base,
            });
        }
        let mut mapped: Vec<PositionRange> = ranges.to_vec();
        for (v, entry) in &self.history {
            if *v <= version {
                continue;
            }
            match entry {
                HistoryEntry::Replaced => return Err(PlaceError::Replaced { reported: version }),
                HistoryEntry::Change(change) => {
                    for r in &mut mapped {
                        *r = change.map_range(*r, enc);
                    }
                }
            }
        }
        let mut out = Vec::with_capacity(mapped.len());
        for r in mapped {
            out.push(self.doc.text().range(r, enc)?);
        }
        Ok(out)
    }

    /// Records an AI edit reported against `version`. A version the server has not reached
    /// yet is held until the change arrives. Returns the number of bytes marked now.
    pub fn ai_edit(
        &mut self,
        version: i32,
        ranges: Vec<PositionRange>,
        origin: Arc<Origin>,
        enc: PositionEncoding,
    ) -> Result<usize, PlaceError> {
        if version > self.version {
            self.pending_ai.push(PendingAiEdit {
                version,
                ranges,
                origin,
            });
            return Ok(0);
        }
        let placed = self.place(version, &ranges, enc)?;
        let mut marked = 0;
        for r in placed {
            marked += r.len();
            self.doc.mark_ai(r, origin.clone())?;
        }
        Ok(marked)
    }

    fn apply_pending_ai(&mut self, enc: PositionEncoding) -> Vec<PlaceError> {
        if self.pending_ai.is_empty() {
            return Vec::new();
        }
        let (ready, waiting): (Vec<_>, Vec<_>) = std::mem::take(&mut self.pending_ai)
            .into_iter()
            .partition(|p| p.version <= self.version);
        self.pending_ai = waiting;
        ready
            .into_iter()
            .filter_map(|p| self.ai_edit(p.version, p.ranges, p.origin, enc).err())
            .collect()
    }

    /// AI edits still waiting for their version, for a warning when the document closes.
    pub fn pending_ai_count(&self) -> usize {
        self.pending_ai.len()
    }
}
