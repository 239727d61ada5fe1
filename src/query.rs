//! Risk queries and the hotspots they capture.
//!
//! A risk query is a tree-sitter query whose capture names say the category (`@risk.auth`);
//! an `@name` capture in the same pattern names the hotspot, and an `@ignore` capture marks code
//! (tests) where no hotspot is reported. All sources for one language are compiled into a
//! single query so that each file is walked once.

use std::fmt;
use std::ops::Range;

use streaming_iterator::StreamingIterator;
use tree_sitter::{Node, Query, QueryCursor, Tree};

use crate::category::Category;
use crate::language::LanguageId;
use crate::prefilter::Prefilter;

/// The text of one query file and the path it is reported under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuerySource {
    pub path: String,
    pub text: String,
}

impl QuerySource {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        QuerySource {
            path: path.into(),
            text: text.into(),
        }
    }

    /// `; extends` on the first line: add to the built-in queries rather than replace them.
    pub fn extends(&self) -> bool {
        self.text
            .lines()
            .next()
            .is_some_and(|l| l.trim().trim_start_matches(';').trim() == "extends")
    }
}

/// The sources that make up a language's query: the built-in one, then the repository's own,
/// which replaces the built-in one unless it starts with `; extends`.
pub fn resolve_sources(builtin: Vec<QuerySource>, custom: Option<QuerySource>) -> Vec<QuerySource> {
    match custom {
        Some(custom) if custom.extends() => builtin.into_iter().chain([custom]).collect(),
        Some(custom) => vec![custom],
        None => builtin,
    }
}

/// A query that did not compile, located in its own file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct QueryError {
    pub path: String,
    /// One-based.
    pub line: usize,
    /// One-based.
    pub column: usize,
    pub message: String,
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: query does not compile: {}",
            self.path, self.line, self.column, self.message
        )
    }
}

/// High-impact code that a query captured.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Hotspot {
    pub range: Range<usize>,
    pub category: Category,
    /// A readable name: `fn verify_token`, or the start of the captured text.
    pub name: String,
    /// The capture that produced it, e.g. `risk.auth`.
    pub capture: String,
}

#[derive(Debug, Clone)]
enum CaptureRole {
    Risk(Category),
    Name,
    /// Code where nothing is high-impact, such as a test: hotspots inside it are dropped.
    Ignore,
    Other,
}

/// The compiled risk query for one language.
#[derive(Debug)]
pub struct RiskQuery {
    language: LanguageId,
    query: Query,
    roles: Vec<CaptureRole>,
    prefilter: Prefilter,
}

impl RiskQuery {
    /// Compiles every source that compiles on its own into one query. Sources that do not
    /// compile are returned as errors and left out, so the others keep working.
    pub fn compile(
        language: LanguageId,
        sources: &[QuerySource],
    ) -> (Option<Self>, Vec<QueryError>) {
        let grammar = language.grammar();
        let combined = |parts: &[&QuerySource]| {
            parts.iter().fold(String::new(), |mut all, s| {
                all.push_str(&s.text);
                all.push('\n');
                all
            })
        };
        let all: Vec<&QuerySource> = sources.iter().collect();
        let mut errors = Vec::new();
        let mut text = combined(&all);
        // Compiling is costly, so the sources are compiled together; only when that fails is
        // each compiled alone, to name the broken one and keep the others.
        let query = match Query::new(&grammar, &text) {
            Ok(q) => q,
            Err(_) => {
                let mut good = Vec::new();
                for source in sources {
                    match Query::new(&grammar, &source.text) {
                        Ok(_) => good.push(source),
                        Err(e) => errors.push(QueryError {
                            path: source.path.clone(),
                            line: e.row + 1,
                            column: e.column + 1,
                            message: describe_query_error(&e),
                        }),
                    }
                }
                text = combined(&good);
                if text.trim().is_empty() {
                    return (None, errors);
                }
                match Query::new(&grammar, &text) {
                    Ok(q) => q,
                    Err(e) => {
                        errors.push(QueryError {
                            path: good.first().map_or_else(String::new, |s| s.path.clone()),
                            line: e.row + 1,
                            column: e.column + 1,
                            message: describe_query_error(&e),
                        });
                        return (None, errors);
                    }
                }
            }
        };
        let roles: Vec<CaptureRole> = query
            .capture_names()
            .iter()
            .map(|name| match name.strip_prefix("risk.") {
                Some(cat) if !cat.is_empty() => CaptureRole::Risk(Category::new(cat)),
                _ if *name == "name" => CaptureRole::Name,
                _ if *name == "ignore" => CaptureRole::Ignore,
                _ => CaptureRole::Other,
            })
            .collect();
        let prefilter = Prefilter::new(&query, &text, |capture| {
            matches!(roles.get(capture), Some(CaptureRole::Risk(_)))
        });
        (
            Some(RiskQuery {
                language,
                query,
                roles,
                prefilter,
            }),
            errors,
        )
    }

    pub fn language(&self) -> LanguageId {
        self.language
    }

    /// False only if no risk pattern can match `text`, which then need not be parsed.
    pub fn may_match(&self, text: &str) -> bool {
        self.prefilter.may_match(text.as_bytes())
    }

    /// Whether some risk pattern needs no literal text, so that every file may match.
    pub fn matches_any_file(&self) -> bool {
        self.prefilter.is_trivial()
    }

    /// The hotspots in `tree`, or only those whose nodes intersect `range`, sorted by start,
    /// one per (node, category), leaving out those inside `@ignore` captures.
    pub fn hotspots(&self, tree: &Tree, text: &str, range: Option<Range<usize>>) -> Vec<Hotspot> {
        let mut cursor = QueryCursor::new();
        if let Some(r) = range {
            cursor.set_byte_range(r);
        }
        let mut out: Vec<Hotspot> = Vec::new();
        let mut ignored: Vec<Range<usize>> = Vec::new();
        let mut matches = cursor.matches(&self.query, tree.root_node(), text.as_bytes());
        while let Some(m) = matches.next() {
            ignored.extend(
                m.captures()
                    .iter()
                    .filter(|c| matches!(self.roles[c.index as usize], CaptureRole::Ignore))
                    .map(|c| c.node.byte_range()),
            );
            let name_nodes: Vec<Node> = m
                .captures()
                .iter()
                .filter(|c| matches!(self.roles[c.index as usize], CaptureRole::Name))
                .map(|c| c.node)
                .collect();
            for cap in m.captures() {
                let CaptureRole::Risk(category) = &self.roles[cap.index as usize] else {
                    continue;
                };
                out.push(Hotspot {
                    range: cap.node.byte_range(),
                    category: category.clone(),
                    name: hotspot_name(cap.node, &name_nodes, text),
                    capture: format!("risk.{category}"),
                });
            }
        }
        tidy_hotspots(&mut out);
        if !ignored.is_empty() {
            out.retain(|h| {
                !ignored
                    .iter()
                    .any(|i| i.start <= h.range.start && h.range.end <= i.end)
            });
        }
        out
    }
}

/// Sorts hotspots by start (the longest first) and keeps one per range and category.
pub fn tidy_hotspots(hotspots: &mut Vec<Hotspot>) {
    hotspots.sort_by(|a, b| {
        (a.range.start, std::cmp::Reverse(a.range.end), &a.category).cmp(&(
            b.range.start,
            std::cmp::Reverse(b.range.end),
            &b.category,
        ))
    });
    hotspots.dedup_by(|b, a| a.range == b.range && a.category == b.category);
}

fn describe_query_error(e: &tree_sitter::QueryError) -> String {
    use tree_sitter::QueryErrorKind as K;
    let what = match e.kind {
        K::Syntax => "syntax error",
        K::NodeType => "unknown node type",
        K::Field => "unknown field",
        K::Capture => "unknown capture",
        K::Predicate => "bad predicate",
        K::Structure => "impossible pattern structure",
        K::Language => "language mismatch",
    };
    if e.message.is_empty() {
        what.to_string()
    } else {
        format!("{what}: {}", e.message.trim())
    }
}

/// `fn verify_token`, `impl Drop for Conn`, or the first line of the captured text.
fn hotspot_name(node: Node, name_nodes: &[Node], text: &str) -> String {
    let node_text = |n: Node| text.get(n.byte_range()).unwrap_or("");
    if name_nodes.len() > 1 {
        // Several names make an address: a Terraform resource's type and name become
        // `aws_iam_role.deploy`.
        let parts: Vec<String> = name_nodes
            .iter()
            .map(|n| one_line(node_text(*n)).trim_matches('"').to_string())
            .collect();
        return parts.join(".");
    }
    if let Some(name) = name_nodes.first().copied() {
        let name = one_line(node_text(name));
        let keyword = match node.kind() {
            "function_item" | "function_signature_item" => Some("fn"),
            "function_declaration" | "method_declaration"
                if node.language().name() == Some("go") =>
            {
                Some("func")
            }
            "function_definition" if node.language().name() == Some("bash") => Some("function"),
            "function_definition" | "decorated_definition" => Some("def"),
            "function_declaration" | "method_definition" => Some("function"),
            "method_declaration" | "class_declaration" => None,
            "impl_item" => Some("impl"),
            "struct_item" => Some("struct"),
            "enum_item" => Some("enum"),
            "const_item" => Some("const"),
            "static_item" => Some("static"),
            "let_declaration" => Some("let"),
            "mod_item" => Some("mod"),
            "trait_item" => Some("trait"),
            "macro_invocation" => None,
            "field_declaration" | "field_initializer" | "shorthand_field_initializer" => {
                Some("field")
            }
            _ => None,
        };
        return match keyword {
            Some(k) => format!("{k} {name}"),
            None => name,
        };
    }
    one_line(node_text(node))
}

fn one_line(s: &str) -> String {
    const MAX: usize = 60;
    let first = s.lines().next().unwrap_or("").trim();
    if first.chars().count() > MAX {
        let cut: String = first.chars().take(MAX).collect();
        format!("{cut}…")
    } else if s.trim().lines().nth(1).is_some() {
        format!("{first} …")
    } else {
        first.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(src: &str) -> Tree {
        let mut p = tree_sitter::Parser::new();
        p.set_language(&LanguageId::Rust.grammar()).unwrap();
        p.parse(src, None).unwrap()
    }

    #[test]
    fn a_broken_source_is_reported_and_the_others_still_work() {
        let good = QuerySource::new("good.scm", "(unsafe_block) @risk.memory");
        let bad = QuerySource::new("bad.scm", "; comment\n(unsafe_block @risk.memory");
        let (q, errors) = RiskQuery::compile(LanguageId::Rust, &[good, bad]);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].path, "bad.scm");
        assert_eq!(errors[0].line, 2);
        let q = q.unwrap();
        let src = "fn f() { unsafe { g() } }";
        let hs = q.hotspots(&parse(src), src, None);
        assert_eq!(hs.len(), 1);
        assert_eq!(hs[0].category.as_str(), "memory");
    }

    #[test]
    fn name_capture_names_the_hotspot() {
        let src = QuerySource::new(
            "q.scm",
            "(function_item name: (identifier) @name (#eq? @name \"verify_token\")) @risk.auth",
        );
        let (q, errors) = RiskQuery::compile(LanguageId::Rust, &[src]);
        assert!(errors.is_empty());
        let text = "fn verify_token(t: &str) -> bool { true }\nfn other() {}";
        let hs = q.unwrap().hotspots(&parse(text), text, None);
        assert_eq!(hs.len(), 1);
        assert_eq!(hs[0].name, "fn verify_token");
    }

    #[test]
    fn hotspots_inside_ignore_captures_are_dropped() {
        let src = QuerySource::new(
            "q",
            "((function_item name: (identifier) @name) @risk.auth)\n\
             ((mod_item name: (identifier) @_n) @ignore (#eq? @_n \"tests\"))",
        );
        let (q, errors) = RiskQuery::compile(LanguageId::Rust, &[src]);
        assert!(errors.is_empty(), "{errors:?}");
        let text = "fn login() {}\nmod tests { fn login_fails() {} }\n";
        let names: Vec<String> = q
            .unwrap()
            .hotspots(&parse(text), text, None)
            .into_iter()
            .map(|h| h.name)
            .collect();
        assert_eq!(names, ["fn login"]);
    }

    #[test]
    fn extends_keeps_the_builtin_query() {
        let b = QuerySource::new("b", "x");
        let ext = QuerySource::new("c", "; extends\n(y)");
        let rep = QuerySource::new("c", "(y)");
        assert_eq!(resolve_sources(vec![b.clone()], Some(ext)).len(), 2);
        assert_eq!(resolve_sources(vec![b], Some(rep))[0].path, "c");
    }
}
