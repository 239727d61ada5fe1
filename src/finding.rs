//! Findings: AI-written text inside high-impact code.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use crate::category::{Category, Severity};
use crate::origin::Origin;
use crate::provenance::{Span, SpanId};
use crate::query::Hotspot;
use crate::review::{ReviewKey, Signoff, Signoffs};

/// How each category is reported; the defaults come from the category table, `redline.toml`
/// may override them.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    pub severities: HashMap<Category, Severity>,
    pub messages: HashMap<Category, String>,
    /// Categories not reported at all.
    pub disabled: Vec<Category>,
}

impl Rules {
    pub fn severity(&self, category: &Category) -> Severity {
        self.severities
            .get(category)
            .copied()
            .unwrap_or_else(|| category.default_severity())
    }

    pub fn enabled(&self, category: &Category) -> bool {
        !self.disabled.contains(category)
    }

    /// The diagnostic message: what the code is, who wrote it, and what to do.
    pub fn message(&self, finding: &Finding) -> String {
        let what = self
            .messages
            .get(&finding.category)
            .map_or_else(|| finding.category.description().to_string(), Clone::clone);
        format!(
            "AI-written change to {what} in `{}` by {}: needs senior review before commit",
            finding.hotspot.name,
            finding.origin.describe()
        )
    }
}

/// An AI span that intersects a hotspot. Its range is the intersection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub range: Range<usize>,
    pub category: Category,
    pub severity: Severity,
    pub span_id: SpanId,
    pub origin: Arc<Origin>,
    pub hotspot: Hotspot,
    pub key: ReviewKey,
    pub signoff: Option<Signoff>,
}

impl Finding {
    pub fn reviewed(&self) -> bool {
        self.signoff.is_some()
    }
}

/// The engine's one rule: every AI span meets every hotspot it touches. Where hotspots of one
/// category nest, only the outermost is reported, so a span gets one finding per category.
pub fn findings(
    text: &str,
    spans: &[Span],
    hotspots: &[Hotspot],
    rules: &Rules,
    signoffs: &Signoffs,
) -> Vec<Finding> {
    let mut out = Vec::new();
    if spans.is_empty() {
        return out;
    }
    // Hotspots are sorted by start; a hotspot can only touch spans that start before it ends.
    let max_end: Vec<usize> = hotspots
        .iter()
        .scan(0usize, |m, h| {
            *m = (*m).max(h.range.end);
            Some(*m)
        })
        .collect();
    for span in spans {
        let upto = hotspots.partition_point(|h| h.range.start < span.range.end);
        // Skip the prefix of hotspots that all end before this span starts.
        let from = max_end[..upto].partition_point(|&m| m <= span.range.start);
        let touching: Vec<&Hotspot> = hotspots[from..upto]
            .iter()
            .filter(|h| h.range.end > span.range.start && rules.enabled(&h.category))
            .collect();
        for h in &touching {
            let nested = touching.iter().any(|o| {
                !std::ptr::eq(*o, *h)
                    && o.category == h.category
                    && o.range.start <= h.range.start
                    && o.range.end >= h.range.end
                    && o.range != h.range
            });
            if nested {
                continue;
            }
            let range = span.range.start.max(h.range.start)..span.range.end.min(h.range.end);
            let key = ReviewKey::for_finding(
                &h.category,
                text.get(h.range.clone()).unwrap_or(""),
                text.get(range.clone()).unwrap_or(""),
            );
            out.push(Finding {
                severity: rules.severity(&h.category),
                category: h.category.clone(),
                span_id: span.id,
                origin: span.origin.clone(),
                hotspot: (*h).clone(),
                signoff: signoffs.get(&key).cloned(),
                key,
                range,
            });
        }
    }
    out.sort_by(|a, b| {
        (a.range.start, a.range.end, &a.category).cmp(&(b.range.start, b.range.end, &b.category))
    });
    out
}
