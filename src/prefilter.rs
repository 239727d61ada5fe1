//! Files a risk query cannot match, told from their text without parsing them.
//!
//! Parsing is most of the cost of a check, and most files match no risk pattern. A pattern
//! whose predicates (`#eq?`, `#any-of?`, `#match?`) or anonymous tokens (`"unsafe"`) need some
//! literal text cannot match a file that contains none of it, so such a file need not be
//! parsed. Each risk pattern becomes a conjunction of clauses, each clause a set of literals one
//! of which must occur; one pass of Aho-Corasick over the file finds which occur. A risk
//! pattern that needs no literal makes every file of its language a candidate.
//!
//! The filter only ever says "cannot match" when that is certain: a literal is taken only from
//! what every match must contain, and anything it does not understand requires nothing.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex_syntax::hir::{Class, Hir, HirKind};
use tree_sitter::{CaptureQuantifier, Query};

/// Shorter literals occur in nearly every file and would only slow the scan.
const MIN_LITERAL_LEN: usize = 3;
/// A clause with more alternatives than this filters little and costs much.
const MAX_CLAUSE_LEN: usize = 64;

/// Text that a match must contain; `folded` matches ASCII case-insensitively.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Literal {
    bytes: Vec<u8>,
    folded: bool,
}

/// One of these literals must occur.
type Clause = Vec<Literal>;

/// The literal test for one compiled query.
#[derive(Debug)]
pub struct Prefilter {
    /// `None` when some risk pattern needs no literal: every file is a candidate.
    plan: Option<Plan>,
}

#[derive(Debug)]
struct Plan {
    exact: Option<(AhoCorasick, Vec<usize>)>,
    folded: Option<(AhoCorasick, Vec<usize>)>,
    literals: usize,
    /// Per risk pattern, its clauses as literal ids.
    patterns: Vec<Vec<Vec<usize>>>,
}

impl Prefilter {
    /// The filter for `query`, compiled from `source`; `is_risk(capture)` says which captures
    /// report hotspots (patterns without one never matter).
    pub fn new(query: &Query, source: &str, is_risk: impl Fn(usize) -> bool) -> Self {
        let mut clauses_per_pattern = Vec::new();
        for pattern in 0..query.pattern_count() {
            let quantifiers = query.capture_quantifiers(pattern);
            let reports = quantifiers
                .iter()
                .enumerate()
                .any(|(i, q)| *q != CaptureQuantifier::Zero && is_risk(i));
            if !reports {
                continue;
            }
            let text = source
                .get(query.start_byte_for_pattern(pattern)..query.end_byte_for_pattern(pattern))
                .unwrap_or("");
            let always_present = |capture: &str| {
                query
                    .capture_index_for_name(capture)
                    .and_then(|i| quantifiers.get(i as usize))
                    .is_some_and(|q| {
                        matches!(q, CaptureQuantifier::One | CaptureQuantifier::OneOrMore)
                    })
            };
            let clauses = pattern_clauses(text, &always_present);
            if clauses.is_empty() {
                return Prefilter { plan: None };
            }
            clauses_per_pattern.push(clauses);
        }
        Prefilter {
            plan: Plan::build(clauses_per_pattern),
        }
    }

    /// Whether every file is a candidate (some risk pattern needs no literal).
    pub fn is_trivial(&self) -> bool {
        self.plan.is_none()
    }

    /// False only if no risk pattern can match `text`.
    pub fn may_match(&self, text: &[u8]) -> bool {
        match &self.plan {
            None => true,
            Some(plan) => plan.may_match(text),
        }
    }
}

impl Plan {
    fn build(patterns: Vec<Vec<Clause>>) -> Option<Plan> {
        let mut ids: HashMap<Literal, usize> = HashMap::new();
        let mut exact = (Vec::new(), Vec::new());
        let mut folded = (Vec::new(), Vec::new());
        let patterns: Vec<Vec<Vec<usize>>> = patterns
            .into_iter()
            .map(|clauses| {
                clauses
                    .into_iter()
                    .map(|clause| {
                        clause
                            .into_iter()
                            .map(|lit| {
                                let next = ids.len();
                                *ids.entry(lit.clone()).or_insert_with(|| {
                                    let (bytes, owners) =
                                        if lit.folded { &mut folded } else { &mut exact };
                                    bytes.push(lit.bytes);
                                    owners.push(next);
                                    next
                                })
                            })
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let automaton = |(bytes, owners): (Vec<Vec<u8>>, Vec<usize>), fold: bool| {
            if bytes.is_empty() {
                return Ok(None);
            }
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .ascii_case_insensitive(fold)
                .build(&bytes)
                .map(|ac| Some((ac, owners)))
        };
        // Building fails only past the automaton's size limits; then filter nothing.
        Some(Plan {
            exact: automaton(exact, false).ok()?,
            folded: automaton(folded, true).ok()?,
            literals: ids.len(),
            patterns,
        })
    }

    fn may_match(&self, text: &[u8]) -> bool {
        let mut found = vec![false; self.literals];
        for (ac, owners) in [&self.exact, &self.folded].into_iter().flatten() {
            for m in ac.find_overlapping_iter(text) {
                found[owners[m.pattern().as_usize()]] = true;
            }
        }
        self.patterns
            .iter()
            .any(|clauses| clauses.iter().all(|c| c.iter().any(|&id| found[id])))
    }
}

/// The clauses every match of one pattern satisfies, from its source text.
fn pattern_clauses(text: &str, always_present: &dyn Fn(&str) -> bool) -> Vec<Clause> {
    let tokens = tokenize(text);
    let mut parser = PatternParser {
        tokens: &tokens,
        pos: 0,
        predicates: Vec::new(),
    };
    let mut clauses = Vec::new();
    while parser.pos < tokens.len() {
        match parser.item() {
            Some(mut c) => clauses.append(&mut c),
            // Unparseable: trust only the predicates seen so far, which hold wherever they sit.
            None => break,
        }
    }
    for predicate in parser.predicates {
        if let Some(clause) = predicate_clause(&predicate, always_present) {
            clauses.push(clause);
        }
    }
    clauses.retain(useful);
    clauses
}

fn useful(clause: &Clause) -> bool {
    !clause.is_empty()
        && clause.len() <= MAX_CLAUSE_LEN
        && clause.iter().all(|l| l.bytes.len() >= MIN_LITERAL_LEN)
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Open,
    Close,
    OpenAlt,
    CloseAlt,
    Str(String),
    Capture(String),
    Predicate(String),
    /// `field:`
    Field,
    /// `?`, `*` or `+`.
    Quantifier(char),
    /// A node kind, `_`, `.` or `!field`.
    Word(String),
}

fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    let is_word = |c: char| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '/' | '?' | '!');
    while let Some((_, c)) = chars.next() {
        match c {
            ';' => {
                for (_, c) in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            '(' => out.push(Token::Open),
            ')' => out.push(Token::Close),
            '[' => out.push(Token::OpenAlt),
            ']' => out.push(Token::CloseAlt),
            ':' => out.push(Token::Field),
            '?' | '*' | '+' => out.push(Token::Quantifier(c)),
            '"' => {
                let mut s = String::new();
                while let Some((_, c)) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => match chars.next() {
                            Some((_, 'n')) => s.push('\n'),
                            Some((_, 'r')) => s.push('\r'),
                            Some((_, 't')) => s.push('\t'),
                            Some((_, '0')) => s.push('\0'),
                            Some((_, other)) => s.push(other),
                            None => break,
                        },
                        _ => s.push(c),
                    }
                }
                out.push(Token::Str(s));
            }
            '@' | '#' => {
                let mut name = String::new();
                while let Some(&(_, c)) = chars.peek() {
                    if !is_word(c) {
                        break;
                    }
                    name.push(c);
                    chars.next();
                }
                out.push(if c == '@' {
                    Token::Capture(name)
                } else {
                    Token::Predicate(name)
                });
            }
            c if c.is_whitespace() => {}
            c => {
                let mut word = c.to_string();
                while let Some(&(_, c)) = chars.peek() {
                    // `?` after a word is a quantifier, not part of it.
                    if !is_word(c) || c == '?' {
                        break;
                    }
                    word.push(c);
                    chars.next();
                }
                out.push(Token::Word(word));
            }
        }
    }
    out
}

/// `(#name? args..)`.
#[derive(Debug)]
struct Predicate {
    name: String,
    args: Vec<Token>,
}

/// Reads a pattern's structure just far enough to find what every match contains.
struct PatternParser<'t> {
    tokens: &'t [Token],
    pos: usize,
    predicates: Vec<Predicate>,
}

impl PatternParser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }

    fn bump(&mut self) -> Option<&Token> {
        let t = self.tokens.get(self.pos);
        self.pos += 1;
        t
    }

    /// One item with its quantifier and captures: the clauses every match of it satisfies.
    /// `None` if the text is not understood.
    fn item(&mut self) -> Option<Vec<Clause>> {
        // `field: item`
        if matches!(self.peek(), Some(Token::Word(_)))
            && matches!(self.tokens.get(self.pos + 1), Some(Token::Field))
        {
            self.pos += 2;
        }
        let clauses = match self.bump()?.clone() {
            Token::Open => {
                if let Some(Token::Predicate(name)) = self.peek().cloned() {
                    self.pos += 1;
                    let mut args = Vec::new();
                    loop {
                        match self.bump()?.clone() {
                            Token::Close => break,
                            t => args.push(t),
                        }
                    }
                    self.predicates.push(Predicate { name, args });
                    return Some(Vec::new());
                }
                // `(kind children..)` or a group `(item item..)`.
                let mut missing = false;
                if let Some(Token::Word(kind)) = self.peek() {
                    // A MISSING node is zero-width: its token is not in the text.
                    missing = kind == "MISSING";
                    self.pos += 1;
                }
                let mut clauses = Vec::new();
                loop {
                    if matches!(self.peek(), Some(Token::Close)) {
                        self.pos += 1;
                        break;
                    }
                    clauses.append(&mut self.item()?);
                }
                if missing {
                    clauses.clear();
                }
                clauses
            }
            Token::OpenAlt => {
                let mut branches = Vec::new();
                loop {
                    if matches!(self.peek(), Some(Token::CloseAlt)) {
                        self.pos += 1;
                        break;
                    }
                    branches.push(self.item()?);
                }
                alternation_clause(branches).into_iter().collect()
            }
            Token::Str(s) => anonymous_token_clause(&s).into_iter().collect(),
            // `_`, an anchor `.`, a negated field `!name`: nothing required.
            Token::Word(_) => Vec::new(),
            _ => return None,
        };
        let mut clauses = clauses;
        while let Some(t) = self.peek() {
            match t {
                Token::Quantifier('?' | '*') => {
                    clauses.clear();
                    self.pos += 1;
                }
                Token::Quantifier(_) | Token::Capture(_) => self.pos += 1,
                _ => break,
            }
        }
        Some(clauses)
    }
}

/// Every branch must contribute a literal, or the alternation requires nothing.
fn alternation_clause(branches: Vec<Vec<Clause>>) -> Option<Clause> {
    let mut out = Clause::new();
    for branch in branches {
        let best = branch
            .into_iter()
            .filter(useful)
            .max_by_key(clause_strength)?;
        out.extend(best);
    }
    (!out.is_empty()).then_some(out)
}

/// An anonymous node such as `"unsafe"`: a keyword's text is in the file, in some case (some
/// grammars alias case-insensitive keywords, as Dockerfile's `FROM`). Punctuation is left out:
/// grammars alias tokens such as automatic semicolons to it.
fn anonymous_token_clause(token: &str) -> Option<Clause> {
    let keyword = token.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && token.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    keyword.then(|| {
        vec![Literal {
            bytes: token.as_bytes().to_vec(),
            folded: true,
        }]
    })
}

/// The clause a text predicate guarantees, if its capture is in every match.
fn predicate_clause(p: &Predicate, always_present: &dyn Fn(&str) -> bool) -> Option<Clause> {
    let [Token::Capture(capture), rest @ ..] = p.args.as_slice() else {
        return None;
    };
    if !always_present(capture) {
        return None;
    }
    let strings: Option<Vec<&str>> = rest
        .iter()
        .map(|t| match t {
            Token::Str(s) => Some(s.as_str()),
            _ => None,
        })
        .collect();
    let strings = strings?;
    let exact = |s: &str| Literal {
        bytes: s.as_bytes().to_vec(),
        folded: false,
    };
    // Only the forms that test every captured node count: `any-*` forms pass vacuously.
    match (p.name.as_str(), strings.as_slice()) {
        ("eq?", [s]) => Some(vec![exact(s)]),
        ("any-of?", all) if !all.is_empty() => Some(all.iter().map(|s| exact(s)).collect()),
        ("match?", [re]) => regex_clause(re),
        _ => None,
    }
}

/// Literals one of which every match of the regex contains.
fn regex_clause(re: &str) -> Option<Clause> {
    let hir = regex_syntax::ParserBuilder::new()
        .utf8(false)
        .build()
        .parse(re)
        .ok()?;
    required(&hir).filter(useful)
}

fn clause_strength(c: &Clause) -> (usize, std::cmp::Reverse<usize>) {
    let shortest = c.iter().map(|l| l.bytes.len()).min().unwrap_or(0);
    (shortest, std::cmp::Reverse(c.len()))
}

fn required(hir: &Hir) -> Option<Clause> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => None,
        HirKind::Literal(lit) => Some(vec![Literal {
            bytes: lit.0.to_vec(),
            folded: false,
        }]),
        HirKind::Class(_) => exact_piece(hir).map(|l| vec![l]),
        HirKind::Repetition(rep) if rep.min >= 1 => required(&rep.sub),
        HirKind::Repetition(_) => None,
        HirKind::Capture(cap) => required(&cap.sub),
        HirKind::Concat(subs) => {
            // Adjacent exact pieces join into one longer literal; the strongest candidate wins.
            let mut candidates: Vec<Clause> = Vec::new();
            let mut run: Option<Literal> = None;
            for sub in subs {
                match exact_piece(sub) {
                    Some(piece) => {
                        let r = run.get_or_insert(Literal {
                            bytes: Vec::new(),
                            folded: false,
                        });
                        r.bytes.extend(piece.bytes);
                        r.folded |= piece.folded;
                    }
                    None => {
                        candidates.extend(run.take().map(|l| vec![l]));
                        candidates.extend(required(sub));
                    }
                }
            }
            candidates.extend(run.map(|l| vec![l]));
            candidates
                .into_iter()
                .filter(useful)
                .max_by_key(clause_strength)
        }
        HirKind::Alternation(subs) => {
            let mut out = Clause::new();
            for sub in subs {
                out.extend(required(sub)?);
            }
            (out.len() <= MAX_CLAUSE_LEN).then_some(out)
        }
    }
}

/// A sub-expression that matches exactly one text (up to ASCII case).
fn exact_piece(hir: &Hir) -> Option<Literal> {
    match hir.kind() {
        HirKind::Literal(lit) => Some(Literal {
            bytes: lit.0.to_vec(),
            folded: false,
        }),
        HirKind::Capture(cap) => exact_piece(&cap.sub),
        HirKind::Class(class) => {
            let chars: Vec<u32> = match class {
                Class::Unicode(c) => c
                    .iter()
                    .flat_map(|r| r.start() as u32..=r.end() as u32)
                    .take(3)
                    .collect(),
                Class::Bytes(c) => c
                    .iter()
                    .flat_map(|r| r.start() as u32..=r.end() as u32)
                    .take(3)
                    .collect(),
            };
            let ascii = |c: u32| u8::try_from(c).ok().filter(u8::is_ascii);
            match chars.as_slice() {
                [c] => ascii(*c).map(|b| Literal {
                    bytes: vec![b],
                    folded: false,
                }),
                // `(?i)a`: exactly one ASCII letter in both cases (no Kelvin sign and the like).
                [a, b] => {
                    let (a, b) = (ascii(*a)?, ascii(*b)?);
                    (a != b && a.eq_ignore_ascii_case(&b)).then(|| Literal {
                        bytes: vec![a.to_ascii_lowercase()],
                        folded: true,
                    })
                }
                _ => None,
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::LanguageId;

    fn filter(lang: LanguageId, source: &str) -> Prefilter {
        let query = Query::new(&lang.grammar(), source).expect("query compiles");
        let names: Vec<String> = query
            .capture_names()
            .iter()
            .map(|s| s.to_string())
            .collect();
        Prefilter::new(&query, source, |i| names[i].starts_with("risk."))
    }

    fn lits(re: &str) -> Vec<String> {
        let mut v: Vec<String> = regex_clause(re)
            .unwrap_or_default()
            .into_iter()
            .map(|l| String::from_utf8_lossy(&l.bytes).into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn regexes_yield_what_every_match_contains() {
        assert_eq!(lits(r"(?-u)(^|::)Command::new$"), ["Command::new"]);
        assert_eq!(lits(r"(?-u)(::|\.)\s*bind$"), ["bind"]);
        assert_eq!(lits(r"^os\s*\.\s*environ\s*\.\s*get$"), ["environ"]);
        assert_eq!(
            lits(r"^[A-Z0-9_]*(SECRET|PASSWORD|API_?KEY)[A-Z0-9_]*$"),
            ["KEY", "PASSWORD", "SECRET"]
        );
        assert_eq!(lits(r"(?i)admin_role"), ["admin_role"]);
        // Unicode case folding: `k` also matches the Kelvin sign, so it cannot be a literal.
        assert_eq!(lits(r"(?i)kek_token"), ["_to"]);
        assert_eq!(lits(r"(?i-u)kek_token"), ["kek_token"]);
        assert!(lits(r"\w+").is_empty());
        assert!(lits(r"^(foo|\w+)$").is_empty());
        assert!(lits(r"(secret)?x").is_empty());
    }

    #[test]
    fn a_file_without_the_literals_cannot_match() {
        let f = filter(
            LanguageId::Rust,
            r#"(call_expression function: (identifier) @f (#eq? @f "remove_dir_all")) @risk.data
               ((unsafe_block "unsafe") @risk.memory)"#,
        );
        assert!(!f.is_trivial());
        assert!(!f.may_match(b"fn main() { println!(\"hi\"); }"));
        assert!(f.may_match(b"fn main() { remove_dir_all(p); }"));
        assert!(f.may_match(b"fn main() { unsafe { x() } }"));
        assert!(
            f.may_match(b"fn main() { UNSAFE }"),
            "keywords match in any case"
        );
    }

    #[test]
    fn a_pattern_without_a_literal_makes_every_file_a_candidate() {
        let f = filter(
            LanguageId::Rust,
            r#"(call_expression function: (identifier) @f (#eq? @f "remove_dir_all")) @risk.data
               (unsafe_block) @risk.memory"#,
        );
        assert!(f.is_trivial());
        assert!(f.may_match(b""));
    }

    #[test]
    fn optional_alternative_and_negative_parts_require_nothing() {
        for source in [
            r#"(call_expression function: (identifier) @f (#not-eq? @f "remove_dir_all")) @risk.data"#,
            r#"(call_expression function: (identifier)? @f (#eq? @f "remove_dir_all")) @risk.data"#,
            r#"[(unsafe_block "unsafe") (identifier)] @risk.memory"#,
            r#"(call_expression (identifier) @f (#any-eq? @f "remove_dir_all")) @risk.data"#,
            r#"(function_item (function_modifiers "unsafe"?) name: (identifier)) @risk.memory"#,
        ] {
            assert!(filter(LanguageId::Rust, source).is_trivial(), "{source}");
        }
    }

    #[test]
    fn every_clause_of_a_pattern_must_hold() {
        let f = filter(
            LanguageId::Python,
            r#"(call function: (attribute) @f (#match? @f "^subprocess\\.\\w+$")
                 arguments: (argument_list (keyword_argument name: (identifier) @k) (#eq? @k "shell"))) @risk.deploy"#,
        );
        assert!(!f.may_match(b"import subprocess\nsubprocess.run(x)\n"));
        assert!(!f.may_match(b"shell = True\n"));
        assert!(f.may_match(b"subprocess.run(x, shell=True)\n"));
    }

    proptest::proptest! {
        /// Query files come from the repository: whatever text a pattern has, reading it for
        /// literals does not panic, and every clause it yields names some literal.
        #[test]
        fn any_pattern_text_is_read_without_panicking(
            tokens in proptest::collection::vec(proptest::sample::select(vec![
                "(", ")", "[", "]", "\"unsafe\"", "\";\"", "@x", "@y", "(#eq?", "(#match?",
                "(#any-of?", "(#not-eq?", "name:", "?", "*", "+", "_", ".", "!body", "call",
                "\"(?i)ke[yY]s?\"", "\"\\\"\"", "\"(\"", "; comment\n", "MISSING", "#",
            ]), 0..40),
            junk in ".{0,40}",
        ) {
            let text = tokens.join(" ") + &junk;
            for clause in pattern_clauses(&text, &|capture| capture == "x") {
                proptest::prop_assert!(!clause.is_empty());
            }
            proptest::prop_assert!(pattern_clauses(&junk, &|_| true).len() <= junk.len());
        }
    }

    #[test]
    fn patterns_that_report_nothing_do_not_count() {
        let f = filter(
            LanguageId::Rust,
            r#"(call_expression function: (identifier) @f (#eq? @f "remove_dir_all")) @risk.data
               (mod_item) @ignore"#,
        );
        assert!(!f.is_trivial());
        assert!(!f.may_match(b"mod tests {}"));
    }
}
