//! An open document as the server tracks it: the engine's [`Document`] plus the client's
//! version, the recent changes (to map AI ranges reported against an older version forward),
//! and AI edits reported ahead of the change they describe.

use std::collections::VecDeque;
use std::ops::Range;
use std::sync::Arc;

use crate::document::Document;
use crate::origin::Origin;
use crate::query::RiskQuery;
use crate::text::{PositionChange, PositionEncoding, PositionError, PositionRange};

/// How many recent changes are kept for mapping stale ranges forward.
const HISTORY: usize = 4096;

/// The largest document the editor path parses and queries. A bigger one keeps its text and
/// AI provenance (and path rules still apply), but is not looked at for high-impact code: a
/// 50 MB file took minutes and gigabytes to parse and query, which an editor cannot wait for.
pub const MAX_ANALYSED_BYTES: usize = 4 * 1024 * 1024;

/// How many AI edits reported for versions not reached yet are held per document; older ones
/// are dropped beyond that, so that a client cannot make the server hold them without bound.
const MAX_PENDING_AI: usize = 256;

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
    #[error(
        "version {reported} was never a version of this document here: the client's changes went \
         from version {before} to {after} in one didChange; report AI edits against a version \
         the client sent"
    )]
    UnknownVersion {
        reported: i32,
        before: i32,
        after: i32,
    },
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
        /// `Some(false)` when the document grew past [`MAX_ANALYSED_BYTES`] and is no longer
        /// analysed, `Some(true)` when it shrank back and is again.
        analysis: Option<bool>,
    },
    /// A version at or below the current one: applying it would corrupt the document.
    Stale {
        current: i32,
    },
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
    /// The path relative to the workspace root, when the document is a file inside it.
    pub rel_path: Option<String>,
    /// The ledger rows this document's spans were loaded from (records of the file on disk).
    pub loaded_ids: Vec<i64>,
    /// The ledger rows this editor last wrote for the document.
    pub written_ids: Vec<i64>,
    /// (version after the change, the change), oldest first.
    history: VecDeque<(i32, HistoryEntry)>,
    /// The version of the oldest state `history` can map from.
    history_base: i32,
    pending_ai: Vec<PendingAiEdit>,
    /// AI edits dropped because too many were held.
    pub dropped_ai: usize,
    /// The risk query for the document's language, whether or not it is in use now.
    query: Option<Arc<RiskQuery>>,
    /// Whether the document is parsed and queried (it is at most [`MAX_ANALYSED_BYTES`]).
    analysed: bool,
}

/// What to do with the text a change inserts.
pub type Classifier<'a> = &'a dyn Fn(&ContentChange) -> Option<Arc<Origin>>;

/// Carries an AI range through a person's change the way the provenance map does: the text
/// the person replaced leaves the range, the text they typed never joins it, and typing
/// strictly inside the range splits it in two.
fn map_through(
    change: &PositionChange,
    range: PositionRange,
    enc: PositionEncoding,
) -> Vec<PositionRange> {
    let (cs, ce) = (change.range.start, change.range.end);
    if range.end <= cs {
        return vec![range];
    }
    if range.start >= ce {
        return vec![change.map_range(range, enc)];
    }
    let new_end = change.new_end(enc);
    let mut pieces = Vec::with_capacity(2);
    if range.start < cs {
        pieces.push(PositionRange::new(range.start, cs));
    }
    if range.end > ce {
        let end = change.map_position(range.end, enc, true);
        pieces.push(PositionRange::new(new_end, end));
    }
    pieces.retain(|p| p.start < p.end);
    pieces
}

impl OpenDocument {
    /// `doc` is analysed with `query` while it is at most [`MAX_ANALYSED_BYTES`]; pass it
    /// built without a query (it is set here).
    pub fn new(
        mut doc: Document,
        query: Option<Arc<RiskQuery>>,
        version: i32,
        rel_path: Option<String>,
    ) -> Self {
        let analysed = doc.text().len() <= MAX_ANALYSED_BYTES;
        if analysed && query.is_some() {
            doc.set_query(query.clone());
        }
        OpenDocument {
            doc,
            version,
            rel_path,
            loaded_ids: Vec::new(),
            written_ids: Vec::new(),
            history: VecDeque::new(),
            history_base: version,
            pending_ai: Vec::new(),
            dropped_ai: 0,
            query,
            analysed,
        }
    }

    /// Whether the document has a risk query it is too large to run.
    pub fn too_large(&self) -> bool {
        !self.analysed && self.query.is_some()
    }

    /// Stops analysing before a change that would take the document past the limit, so that
    /// the change is not parsed; starts again once it fits. Returns the new state if it changed.
    fn fit_analysis(&mut self, incoming: usize) -> Option<bool> {
        let fits = self.doc.text().len().saturating_add(incoming) <= MAX_ANALYSED_BYTES;
        if fits == self.analysed {
            return None;
        }
        self.analysed = fits;
        if self.query.is_some() {
            self.doc
                .set_query(if fits { self.query.clone() } else { None });
        }
        Some(fits)
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
        let gap = version != self.version.saturating_add(1);
        let was_analysed = self.analysed;
        for change in changes {
            if self.analysed {
                self.fit_analysis(change.text.len());
            }
            let ai = classify(change);
            match change.range {
                Some(range) => {
                    if let Err(e) = self.doc.edit_positions(range, &change.text, enc, ai) {
                        self.version = version;
                        self.remember(version, HistoryEntry::Replaced);
                        if !self.analysed {
                            self.fit_analysis(0);
                        }
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
        if !self.analysed {
            self.fit_analysis(0);
        }
        let unplaced = self.apply_pending_ai(enc);
        ChangeOutcome::Applied {
            gap,
            unplaced,
            analysis: (self.query.is_some() && self.analysed != was_analysed)
                .then_some(self.analysed),
        }
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
        // Only the states the client named can be mapped from: a version skipped inside one
        // didChange has no known text, and mapping from it would move the ranges through the
        // very edit that created them.
        let known = version == self.history_base || self.history.iter().any(|(v, _)| *v == version);
        if !known {
            let before = self
                .history
                .iter()
                .map(|(v, _)| *v)
                .filter(|v| *v < version)
                .max()
                .unwrap_or(self.history_base);
            let after = self
                .history
                .iter()
                .map(|(v, _)| *v)
                .find(|v| *v > version)
                .unwrap_or(self.version);
            return Err(PlaceError::UnknownVersion {
                reported: version,
                before,
                after,
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
                    mapped = mapped
                        .into_iter()
                        .flat_map(|r| map_through(change, r, enc))
                        .collect();
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
            if self.pending_ai.len() >= MAX_PENDING_AI {
                self.pending_ai.remove(0);
                self.dropped_ai += 1;
            }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Position;

    fn change(sl: u32, sc: u32, el: u32, ec: u32, text: &str) -> PositionChange {
        PositionChange {
            range: PositionRange::new(Position::new(sl, sc), Position::new(el, ec)),
            text: text.into(),
        }
    }

    fn range(sl: u32, sc: u32, el: u32, ec: u32) -> PositionRange {
        PositionRange::new(Position::new(sl, sc), Position::new(el, ec))
    }

    #[test]
    fn typing_inside_an_old_range_splits_it() {
        let enc = PositionEncoding::Utf16;
        let got = map_through(&change(0, 5, 0, 5, "xy"), range(0, 2, 0, 9), enc);
        assert_eq!(got, vec![range(0, 2, 0, 5), range(0, 7, 0, 11)]);
    }

    #[test]
    fn typing_at_the_edges_stays_outside() {
        let enc = PositionEncoding::Utf16;
        assert_eq!(
            map_through(&change(0, 9, 0, 9, "z"), range(0, 2, 0, 9), enc),
            vec![range(0, 2, 0, 9)]
        );
        assert_eq!(
            map_through(&change(0, 2, 0, 2, "z\n"), range(0, 2, 0, 9), enc),
            vec![range(1, 0, 1, 7)]
        );
    }

    #[test]
    fn an_ai_edit_against_a_version_skipped_inside_one_did_change_is_refused() {
        let enc = PositionEncoding::Utf16;
        let text = "a\nb\nc\nd\n";
        let mut od = OpenDocument::new(Document::new(text, None), None, 1, None);
        // Neovim batches: two edits, sent as one didChange at version 3.
        let changes = [
            ContentChange {
                range: Some(range(1, 0, 1, 0)),
                text: "x\ny\nz\n".into(),
            },
            ContentChange {
                range: Some(range(0, 0, 0, 0)),
                text: "top\n".into(),
            },
        ];
        let outcome = od.apply_changes(3, &changes, enc, &|_| None);
        assert_eq!(
            outcome,
            ChangeOutcome::Applied {
                gap: true,
                unplaced: vec![],
                analysis: None
            }
        );
        let origin = Arc::new(Origin::new(
            "copilot",
            crate::origin::OriginKind::InlineCompletion,
        ));
        assert_eq!(
            od.ai_edit(2, vec![range(1, 0, 4, 0)], origin.clone(), enc),
            Err(PlaceError::UnknownVersion {
                reported: 2,
                before: 1,
                after: 3
            })
        );
        assert!(od.doc.provenance().spans().is_empty());
        // The versions the client did send still map: line 1 of version 1 is line 5 now.
        assert_eq!(
            od.ai_edit(1, vec![range(1, 0, 2, 0)], origin.clone(), enc),
            Ok(2)
        );
        assert_eq!(od.ai_edit(3, vec![range(2, 0, 3, 0)], origin, enc), Ok(2));
    }

    #[test]
    fn replacing_part_of_an_old_range_removes_that_part() {
        let enc = PositionEncoding::Utf16;
        assert_eq!(
            map_through(&change(0, 0, 0, 4, "abc"), range(0, 2, 0, 9), enc),
            vec![range(0, 3, 0, 8)]
        );
        assert!(map_through(&change(0, 0, 1, 0, ""), range(0, 2, 0, 9), enc).is_empty());
    }
}
