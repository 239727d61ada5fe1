//! One document as the engine sees it: text, syntax tree, AI spans and hotspots, kept in step
//! through every edit. Re-parsing is incremental and only the part of the tree an edit changed
//! is queried again. While an edit has left a syntax error, nothing is queried: the last clean
//! parse's hotspots are moved through the edits until the text parses cleanly again.
//!
//! A document with no AI-written text has no findings whatever its syntax, so it keeps only its
//! text: it is parsed when its first AI span arrives and drops its tree when the last one goes.
//! An editor holds hundreds of open files, and a syntax tree costs several times its text.
//! Nor is text parsed that no risk pattern can match (see [`crate::prefilter`]); it is looked at
//! again after each edit, and parsed once it could match.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use tree_sitter::{Node, Parser, Tree};

use crate::finding::{self, Finding, Rules};
use crate::language::LanguageId;
use crate::origin::Origin;
use crate::provenance::{ProvenanceMap, SpanId};
use crate::query::{Hotspot, RiskQuery};
use crate::review::Signoffs;
use crate::text::{AppliedEdit, PositionEncoding, PositionError, PositionRange, Text};

thread_local! {
    // A parser is cheap to keep and not free to build; one per language per thread.
    static PARSERS: RefCell<HashMap<LanguageId, Parser>> = RefCell::new(HashMap::new());
}

fn parse(language: LanguageId, text: &str, old: Option<&Tree>) -> Option<Tree> {
    PARSERS.with(|cell| {
        let mut parsers = cell.borrow_mut();
        let parser = match parsers.entry(language) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                let mut p = Parser::new();
                p.set_language(&language.grammar()).ok()?;
                e.insert(p)
            }
        };
        parser.parse(text, old)
    })
}

/// What makes a document high-impact as a whole (a path rule such as `infra/**`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRule {
    pub category: crate::category::Category,
    /// The rule as written, to name the hotspot: `path rule infra/**`.
    pub pattern: String,
}

#[derive(Debug, Clone)]
pub struct Document {
    text: Text,
    language: Option<LanguageId>,
    query: Option<Arc<RiskQuery>>,
    tree: Option<Tree>,
    provenance: ProvenanceMap,
    hotspots: Vec<Hotspot>,
    file_rules: Vec<FileRule>,
    /// Keep the syntax tree and hotspots even without AI spans.
    pinned: bool,
    /// Find hotspots only in the top-level items that AI-written text touches.
    around_ai_only: bool,
    /// The prefilter found that no risk pattern can match the current text.
    cannot_match: bool,
    /// Set while the text has a syntax error that an edit made after a clean parse.
    recovery: Option<Recovery>,
}

/// What is kept while the text has a syntax error that an edit introduced.
#[derive(Debug, Clone)]
struct Recovery {
    /// The last tree without a syntax error, edited along with the text since.
    last_valid: Tree,
    /// Where hotspots were found again against trees with errors.
    requeried: Option<Range<usize>>,
}

impl Document {
    /// A document of `text`; it is parsed and queried once it has AI-written text (or is
    /// [pinned](Document::pin)).
    pub fn new(text: impl Into<String>, query: Option<Arc<RiskQuery>>) -> Self {
        let text = Text::new(text);
        let language = query.as_ref().map(|q| q.language());
        Document {
            text,
            language,
            query,
            tree: None,
            provenance: ProvenanceMap::new(),
            hotspots: Vec::new(),
            file_rules: Vec::new(),
            pinned: false,
            around_ai_only: false,
            cannot_match: false,
            recovery: None,
        }
    }

    /// Parses and queries now, and keeps the syntax up to date from here on whether or not the
    /// document has AI-written text.
    pub fn pin(mut self) -> Self {
        self.pinned = true;
        self.reanalyse();
        self
    }

    /// For a one-shot check: hotspots are found only in the top-level items that AI-written
    /// text touches, which is all that findings need, so the rest of a large file is never
    /// queried. Every change of the spans analyses the document again, so mark them together
    /// with [`Document::mark_ai_all`]; not for a document that is being edited.
    pub fn around_ai_only(mut self) -> Self {
        self.around_ai_only = true;
        self
    }

    /// Whether the syntax tree and hotspots are being kept.
    pub fn is_analysed(&self) -> bool {
        self.tree.is_some()
    }

    fn wants_syntax(&self) -> bool {
        self.pinned || !self.provenance.spans().is_empty()
    }

    pub fn with_file_rules(mut self, rules: Vec<FileRule>) -> Self {
        self.file_rules = rules;
        self
    }

    pub fn text(&self) -> &Text {
        &self.text
    }

    pub fn as_str(&self) -> &str {
        self.text.as_str()
    }

    pub fn language(&self) -> Option<LanguageId> {
        self.language
    }

    pub fn tree(&self) -> Option<&Tree> {
        self.tree.as_ref()
    }

    pub fn provenance(&self) -> &ProvenanceMap {
        &self.provenance
    }

    /// The hotspots: query captures, then one whole-file hotspot per matching path rule.
    pub fn hotspots(&self) -> Vec<Hotspot> {
        let mut all = self.hotspots.clone();
        for rule in &self.file_rules {
            all.push(Hotspot {
                range: 0..self.text.len(),
                category: rule.category.clone(),
                name: format!("path rule {}", rule.pattern),
                capture: "path".into(),
            });
        }
        all.sort_by_key(|h| (h.range.start, std::cmp::Reverse(h.range.end)));
        all
    }

    /// Hotspots found by the queries only (no path rules).
    pub fn query_hotspots(&self) -> &[Hotspot] {
        &self.hotspots
    }

    /// Parses and queries everything again (after a change of query, say), or drops the syntax
    /// if the document no longer needs it.
    pub fn reanalyse(&mut self) {
        self.recovery = None;
        // Text that no risk pattern can match needs no tree: it has no hotspots to find.
        self.cannot_match = self.wants_syntax()
            && !self.pinned
            && self
                .query
                .as_ref()
                .is_some_and(|q| !q.may_match(self.text.as_str()));
        if !self.wants_syntax() || self.cannot_match {
            self.tree = None;
            self.hotspots = Vec::new();
            return;
        }
        self.tree = self
            .language
            .and_then(|lang| parse(lang, self.text.as_str(), None));
        self.hotspots = match (&self.query, &self.tree) {
            (Some(q), Some(tree)) if self.around_ai_only && !self.pinned => {
                let text = self.text.as_str();
                let mut all: Vec<Hotspot> = ai_windows(tree.root_node(), self.provenance.spans())
                    .into_iter()
                    .flat_map(|w| {
                        let w = w.start.saturating_sub(1)..(w.end + 1).min(text.len());
                        q.hotspots(tree, text, Some(w))
                    })
                    .collect();
                // A hotspot that reaches into two windows is found in both.
                crate::query::tidy_hotspots(&mut all);
                all
            }
            (Some(q), Some(tree)) => q.hotspots(tree, self.text.as_str(), None),
            _ => Vec::new(),
        };
    }

    /// After the spans changed: parse if the first one arrived, drop the syntax if the last one
    /// went.
    fn follow_spans(&mut self) {
        let windows_moved = self.around_ai_only && self.wants_syntax();
        if (windows_moved || self.wants_syntax() != self.tree.is_some()) && !self.cannot_match {
            self.reanalyse();
        }
    }

    pub fn set_query(&mut self, query: Option<Arc<RiskQuery>>) {
        self.language = query.as_ref().map(|q| q.language());
        self.query = query;
        self.reanalyse();
    }

    /// Replaces `range` with `new_text`. The inserted text is a person's unless `ai` says
    /// which AI wrote it.
    pub fn edit(
        &mut self,
        range: Range<usize>,
        new_text: &str,
        ai: Option<Arc<Origin>>,
    ) -> Result<AppliedEdit, PositionError> {
        let applied = self.text.replace(range, new_text)?;
        match ai {
            Some(origin) => {
                self.provenance.apply_ai_edit(&applied.bytes, origin);
            }
            None => self.provenance.apply_edit(&applied.bytes),
        }
        if self.tree.is_some() {
            self.update_syntax(&applied);
        }
        self.cannot_match = false;
        self.follow_spans();
        Ok(applied)
    }

    /// [`Document::edit`] with the range in positions.
    pub fn edit_positions(
        &mut self,
        range: PositionRange,
        new_text: &str,
        enc: PositionEncoding,
        ai: Option<Arc<Origin>>,
    ) -> Result<AppliedEdit, PositionError> {
        let bytes = self.text.range(range, enc)?;
        self.edit(bytes, new_text, ai)
    }

    /// Replaces the whole text. Spans cannot be carried through an unknown rewrite, so they
    /// are kept only if the text is unchanged.
    pub fn replace_all(&mut self, new_text: &str) {
        if new_text == self.text.as_str() {
            return;
        }
        let len = self.text.len();
        // The whole range of the current text is always valid.
        if let Ok(applied) = self.text.replace(0..len, new_text) {
            self.provenance.apply_edit(&applied.bytes);
        }
        self.reanalyse();
    }

    /// Marks `range` as written by `origin`.
    pub fn mark_ai(
        &mut self,
        range: Range<usize>,
        origin: Arc<Origin>,
    ) -> Result<Option<SpanId>, PositionError> {
        self.text.check_byte_range(&range)?;
        let id = self.provenance.mark(range, origin);
        self.follow_spans();
        Ok(id)
    }

    /// Marks each range as written by its origin, then analyses once. Ranges that do not fit
    /// the text are left out; the first such is the error, after the others are marked.
    pub fn mark_ai_all(
        &mut self,
        spans: impl IntoIterator<Item = (Range<usize>, Arc<Origin>)>,
    ) -> Result<(), PositionError> {
        let mut first_error = None;
        for (range, origin) in spans {
            match self.text.check_byte_range(&range) {
                Ok(()) => {
                    self.provenance.mark(range, origin);
                }
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        self.follow_spans();
        first_error.map_or(Ok(()), Err)
    }

    pub fn findings(&self, rules: &Rules, signoffs: &Signoffs) -> Vec<Finding> {
        let spans = self.provenance.spans();
        if spans.is_empty() {
            return Vec::new();
        }
        let text = self.text.as_str();
        if self.file_rules.is_empty() {
            finding::findings(text, spans, &self.hotspots, rules, signoffs)
        } else {
            finding::findings(text, spans, &self.hotspots(), rules, signoffs)
        }
    }

    fn update_syntax(&mut self, applied: &AppliedEdit) {
        let edit = &applied.bytes;
        let delta = edit.new_end as isize - edit.old_end as isize;
        let (Some(lang), Some(mut old_tree)) = (self.language, self.tree.take()) else {
            self.hotspots.clear();
            return;
        };
        old_tree.edit(&applied.input);
        if let Some(r) = &mut self.recovery {
            r.last_valid.edit(&applied.input);
            r.requeried = r
                .requeried
                .take()
                .map(|q| map_range(q, edit.start, edit.old_end, delta));
        }
        let Some(new_tree) = parse(lang, self.text.as_str(), Some(&old_tree)) else {
            self.hotspots.clear();
            self.recovery = None;
            return;
        };
        let Some(query) = self.query.clone() else {
            self.tree = Some(new_tree);
            return;
        };
        let broken = new_tree.root_node().has_error();
        if broken && self.recovery.is_none() && !old_tree.root_node().has_error() {
            self.recovery = Some(Recovery {
                last_valid: old_tree.clone(),
                requeried: None,
            });
        }
        if broken && let Some(r) = &mut self.recovery {
            // A syntax error that an edit made can turn everything after it into one error
            // node; querying that tree would lose the hotspots after it (and re-querying all of
            // it on every keystroke of an unclosed string costs a full query each time). So
            // while the text does not parse cleanly, the last clean parse's hotspots stand,
            // moved and stretched through the edits, and the items the edits touched are found
            // again once it parses cleanly.
            let window = item_window(r.last_valid.root_node(), edit.start..edit.new_end);
            r.requeried = Some(match r.requeried.take() {
                Some(q) => hull(&q, &window),
                None => window,
            });
            self.stretch_hotspots(edit.start, edit.old_end, delta);
            self.tree = Some(new_tree);
            return;
        }
        let mut dirty = edit.start..edit.new_end;
        if let Some(dropped) = self.shift_hotspots(edit.start, edit.old_end, delta) {
            dirty = hull(&dirty, &dropped);
        }
        // Clean again after a syntax error: everything whose structure differs from the last
        // clean parse, and the items edited in between, are found again now.
        let (before, requeried) = match self.recovery.take() {
            Some(r) => (r.last_valid, r.requeried),
            None => (old_tree, None),
        };
        for c in before.changed_ranges(&new_tree) {
            dirty = hull(&dirty, &(c.start_byte..c.end_byte));
        }
        if let Some(q) = &requeried {
            dirty = hull(&dirty, q);
        }
        let dirty = enclosing_statement(new_tree.root_node(), dirty);
        let dirty = dirty.start.min(self.text.len())..dirty.end.min(self.text.len());
        self.hotspots
            .retain(|h| h.range.end <= dirty.start || h.range.start >= dirty.end);
        // Hotspots that only touch the dirty range are found again too; dedup drops the twins.
        let requery = dirty.start.saturating_sub(1)..(dirty.end + 1).min(self.text.len());
        let fresh = query.hotspots(&new_tree, self.text.as_str(), Some(requery));
        self.hotspots.extend(fresh);
        crate::query::tidy_hotspots(&mut self.hotspots);
        self.tree = Some(new_tree);
    }

    /// Moves hotspots through an edit without finding any again: one that contains the edit
    /// grows or shrinks with it, one the edit replaced entirely goes.
    fn stretch_hotspots(&mut self, start: usize, old_end: usize, delta: isize) {
        self.hotspots.retain_mut(|h| {
            let replaced = start <= h.range.start && h.range.end <= old_end && start < old_end;
            h.range = map_range(h.range.clone(), start, old_end, delta);
            !replaced && !h.range.is_empty()
        });
        crate::query::tidy_hotspots(&mut self.hotspots);
    }

    /// Moves hotspots through an edit. Those it touched are dropped, to be found again, and
    /// the range they covered (in the new text) is returned.
    fn shift_hotspots(
        &mut self,
        start: usize,
        old_end: usize,
        delta: isize,
    ) -> Option<Range<usize>> {
        let moved = |o: usize| (o as isize + delta) as usize;
        let mut dropped: Option<Range<usize>> = None;
        self.hotspots.retain_mut(|h| {
            if h.range.end < start {
                true
            } else if h.range.start > old_end {
                h.range = moved(h.range.start)..moved(h.range.end);
                true
            } else {
                let lo = h.range.start.min(start);
                let hi = moved(h.range.end.max(old_end));
                dropped = Some(match dropped.take() {
                    Some(d) => d.start.min(lo)..d.end.max(hi),
                    None => lo..hi,
                });
                false
            }
        });
        dropped
    }
}

fn hull(a: &Range<usize>, b: &Range<usize>) -> Range<usize> {
    a.start.min(b.start)..a.end.max(b.end)
}

/// `range` after replacing `start..old_end` with text `delta` bytes longer: what lay inside the
/// replaced part maps to the replacement's edges.
fn map_range(range: Range<usize>, start: usize, old_end: usize, delta: isize) -> Range<usize> {
    let new_end = (old_end as isize + delta) as usize;
    let map = |o: usize, inside: usize| {
        if o <= start {
            o
        } else if o >= old_end {
            (o as isize + delta) as usize
        } else {
            inside
        }
    };
    map(range.start, start)..map(range.end, new_end)
}

/// The top-level items that AI-written spans touch, merged where they meet.
fn ai_windows(root: Node, spans: &[crate::provenance::Span]) -> Vec<Range<usize>> {
    let mut windows: Vec<Range<usize>> = Vec::new();
    for span in spans {
        let w = item_window(root, span.range.clone());
        match windows.last_mut() {
            Some(last) if w.start <= last.end => last.end = last.end.max(w.end),
            _ => windows.push(w),
        }
    }
    windows
}

/// The top-level items that `range` touches, under any single node that holds them all (a YAML
/// stream's document, say), or `range` itself between items.
fn item_window(root: Node, range: Range<usize>) -> Range<usize> {
    let mut parent = root;
    loop {
        let mut cursor = parent.walk();
        let touching: Vec<Node> = parent
            .children(&mut cursor)
            .filter(|c| c.start_byte() <= range.end && c.end_byte() >= range.start)
            .collect();
        match touching.as_slice() {
            [only] if only.child_count() > 0 && parent.named_child_count() == 1 => parent = *only,
            items => {
                return items
                    .iter()
                    .fold(range.clone(), |w, n| hull(&w, &n.byte_range()));
            }
        }
    }
}

/// Widens `range` to the statement or item that contains it, so that a pattern whose risk
/// capture is one part of a larger construct (a string inside a call, a call inside a `let`)
/// is matched again as a whole. A statement is a node whose parent is a block-like list.
fn enclosing_statement(root: Node, range: Range<usize>) -> Range<usize> {
    let Some(mut node) = root.descendant_for_byte_range(range.start, range.end) else {
        return range;
    };
    while let Some(parent) = node.parent() {
        if parent.parent().is_none() || is_statement_list(parent.kind()) {
            break;
        }
        node = parent;
    }
    range.start.min(node.start_byte())..range.end.max(node.end_byte())
}

fn is_statement_list(kind: &str) -> bool {
    kind.ends_with("block")
        || kind.ends_with("list")
        || kind.ends_with("body")
        || matches!(
            kind,
            "program" | "module" | "source_file" | "document" | "stream"
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::origin::OriginKind;

    fn rust_query() -> Arc<RiskQuery> {
        let builtin = LanguageId::Rust.builtin_risk_query();
        builtin
            .query
            .clone()
            .expect("the built-in Rust query compiles")
    }

    const TEXT: &str = "fn add(a: i32) -> i32 { a }\n\npub fn verify_token(t: &str) -> bool {\n    !t.is_empty()\n}\n";

    #[test]
    fn a_syntax_error_being_typed_keeps_the_hotspots_elsewhere_until_the_text_is_clean() {
        let mut text = String::from("fn first() {\n    let x = 1;\n}\n");
        for i in 0..50 {
            text.push_str(&format!(
                "\nfn f{i}() {{\n    std::fs::remove_dir_all(\"/tmp/{i}\").ok();\n}}\n"
            ));
        }
        let mut doc = Document::new(text, Some(rust_query())).pin();
        let before: Vec<Hotspot> = doc.query_hotspots().to_vec();
        assert_eq!(
            before
                .iter()
                .filter(|h| h.category.as_str() == "data")
                .count(),
            50
        );
        // Typing an unclosed string turns everything after it into a syntax error.
        let at = doc.as_str().find("1;").unwrap();
        doc.edit(at..at + 1, "\"", None).unwrap();
        assert!(doc.tree().unwrap().root_node().has_error());
        let shifted: Vec<Range<usize>> = before.iter().map(|h| h.range.clone()).collect();
        let kept: Vec<Range<usize>> = doc
            .query_hotspots()
            .iter()
            .map(|h| h.range.clone())
            .collect();
        assert_eq!(kept, shifted, "the clean parse's hotspots stay");
        doc.edit(at + 1..at + 1, "abc", None).unwrap();
        assert_eq!(doc.query_hotspots().len(), 50);
        // Closing it makes the text clean, and the hotspots exactly a full query's.
        doc.edit(at + 4..at + 4, "\"", None).unwrap();
        let tree = doc.tree().unwrap();
        assert!(!tree.root_node().has_error());
        let whole = rust_query().hotspots(tree, doc.as_str(), None);
        assert_eq!(doc.query_hotspots(), &whole[..]);
        assert_eq!(whole.len(), before.len());
    }

    #[test]
    fn text_no_risk_pattern_can_match_is_not_parsed_until_an_edit_makes_it_possible() {
        let source = crate::query::QuerySource::new(
            "q.scm",
            r#"((call_expression function: (identifier) @f) @risk.data (#eq? @f "remove_dir_all"))"#,
        );
        let (query, errors) = RiskQuery::compile(LanguageId::Rust, &[source]);
        assert!(errors.is_empty(), "{errors:?}");
        let mut doc = Document::new("fn main() {\n    \n}\n", query.map(Arc::new));
        let origin = Arc::new(Origin::new("copilot", OriginKind::InlineCompletion));
        doc.mark_ai(0..doc.as_str().len(), origin.clone()).unwrap();
        assert!(
            !doc.is_analysed(),
            "no call to remove_dir_all: nothing to parse"
        );
        doc.edit(16..16, "remove_dir_all(p);", Some(origin))
            .unwrap();
        assert!(doc.is_analysed());
        let findings = doc.findings(&Rules::default(), &Signoffs::new());
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].category.as_str(), "data");
        doc.edit(16..34, "", None).unwrap();
        assert!(doc.findings(&Rules::default(), &Signoffs::new()).is_empty());
    }

    #[test]
    fn a_document_is_parsed_when_its_first_ai_span_arrives_and_not_before() {
        let mut doc = Document::new(TEXT, Some(rust_query()));
        assert!(!doc.is_analysed());
        // A person's typing keeps it dormant.
        doc.edit(0..0, "// hi\n", None).unwrap();
        assert!(!doc.is_analysed());
        let start = doc.as_str().find("pub fn verify_token").unwrap();
        let origin = Arc::new(Origin::new("copilot", OriginKind::InlineCompletion));
        doc.mark_ai(start..doc.as_str().len(), origin).unwrap();
        assert!(doc.is_analysed());
        let findings = doc.findings(&Rules::default(), &Signoffs::new());
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].category.as_str(), "auth");
    }

    #[test]
    fn deleting_the_last_ai_text_drops_the_syntax_and_new_ai_text_brings_it_back() {
        let mut doc = Document::new(TEXT, Some(rust_query()));
        let origin = Arc::new(Origin::new("copilot", OriginKind::InlineCompletion));
        let end = doc.as_str().len();
        doc.edit(end..end, "fn login() {}\n", Some(origin.clone()))
            .unwrap();
        assert!(doc.is_analysed());
        assert_eq!(doc.findings(&Rules::default(), &Signoffs::new()).len(), 1);
        let len = doc.as_str().len();
        doc.edit(end..len, "", None).unwrap();
        assert!(!doc.is_analysed());
        assert!(doc.findings(&Rules::default(), &Signoffs::new()).is_empty());
        let at = doc.as_str().find("pub fn verify_token").unwrap();
        doc.edit(at..at, "fn logout() {}\n", Some(origin)).unwrap();
        assert!(doc.is_analysed());
        let names: Vec<String> = doc
            .findings(&Rules::default(), &Signoffs::new())
            .into_iter()
            .map(|f| f.hotspot.name)
            .collect();
        assert_eq!(names, ["fn logout"]);
    }
}
