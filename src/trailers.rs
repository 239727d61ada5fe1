//! Commit trailers and author names that say an AI wrote a commit: `Co-authored-by: Claude
//! <noreply@anthropic.com>`, `Assisted-by: ...`, aider's `Name (aider)` author. Each is a rule
//! that `redline.toml` can change (`[provenance] trailers`, `author_suffixes`). Pure: no IO.

use crate::origin::{Origin, OriginKind};

/// The trailer rules used when `redline.toml` names none. `Key: Word` matches a trailer with
/// that key (any case) whose value has `Word` as a word (any case); `Key:` matches any value.
pub const DEFAULT_TRAILERS: &[&str] = &[
    "Co-authored-by: Claude",
    "Co-authored-by: Anthropic",
    "Co-authored-by: Copilot",
    "Co-authored-by: aider",
    "Co-authored-by: Codex",
    "Co-authored-by: OpenAI",
    "Co-authored-by: ChatGPT",
    "Co-authored-by: Cursor",
    "Co-authored-by: Gemini",
    "Co-authored-by: Jules",
    "Co-authored-by: Devin",
    "Co-authored-by: Amp",
    "Co-authored-by: OpenHands",
    "Co-authored-by: Windsurf",
    "Assisted-by:",
    "Generated-by:",
];

/// Author-name suffixes that mark the commit as AI-written (aider commits as `Name (aider)`).
pub const DEFAULT_AUTHOR_SUFFIXES: &[&str] = &["(aider)"];

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bad trailer rule `{0}`: write it as `Key: Word` or `Key:`")]
pub struct RuleError(pub String);

/// One trailer rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrailerRule {
    pub key: String,
    /// The word the value must contain; `None` matches any value.
    pub word: Option<String>,
}

impl TrailerRule {
    pub fn parse(rule: &str) -> Result<TrailerRule, RuleError> {
        let (key, word) = rule
            .split_once(':')
            .ok_or_else(|| RuleError(rule.to_string()))?;
        let key = key.trim();
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Err(RuleError(rule.to_string()));
        }
        let word = word.trim();
        Ok(TrailerRule {
            key: key.to_string(),
            word: (!word.is_empty()).then(|| word.to_string()),
        })
    }
}

/// The rules a repository uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rules {
    pub trailers: Vec<TrailerRule>,
    pub author_suffixes: Vec<String>,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            trailers: DEFAULT_TRAILERS
                .iter()
                .filter_map(|r| TrailerRule::parse(r).ok())
                .collect(),
            author_suffixes: DEFAULT_AUTHOR_SUFFIXES
                .iter()
                .map(|s| s.to_string())
                .collect(),
        }
    }
}

/// The trailers of a commit message: `Key: value` lines of its last paragraph (continuation
/// lines, which start with white space, are joined to the trailer above them).
pub fn parse(message: &str) -> Vec<(String, String)> {
    let text = message.trim_end();
    let last = text.rsplit("\n\n").next().unwrap_or(text);
    // A one-paragraph message is a subject, not trailers.
    if !text.contains("\n\n") {
        return Vec::new();
    }
    let mut out: Vec<(String, String)> = Vec::new();
    for line in last.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some((_, v)) = out.last_mut() {
                v.push(' ');
                v.push_str(line.trim());
            }
            continue;
        }
        if let Some((k, v)) = line.split_once(':')
            && !k.is_empty()
            && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            out.push((k.to_string(), v.trim().to_string()));
        }
    }
    out
}

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// `Claude Opus 4 <noreply@anthropic.com>` -> (`Claude Opus 4`, None); `aider (openai/gpt-4o)
/// <noreply@aider.chat>` -> (`aider`, Some(`openai/gpt-4o`)).
fn name_and_model(value: &str) -> (String, Option<String>) {
    let name = value.split('<').next().unwrap_or(value).trim();
    match (name.find('('), name.rfind(')')) {
        (Some(a), Some(b)) if a < b => (
            name[..a].trim().to_string(),
            Some(name[a + 1..b].trim().to_string()).filter(|m| !m.is_empty()),
        ),
        _ => (name.to_string(), None),
    }
}

fn slug(s: &str) -> String {
    let s: Vec<String> = words(s).map(str::to_lowercase).collect();
    if s.is_empty() {
        "unknown".into()
    } else {
        s.join("-")
    }
}

/// The AI a commit names as its co-author, if a rule says so: from its trailers first, then
/// its author name. `author_email` is the person who committed it.
pub fn ai_origin(
    rules: &Rules,
    message: &str,
    author_name: &str,
    author_email: &str,
) -> Option<Origin> {
    let trailers = parse(message);
    let person = (!author_email.is_empty()).then(|| author_email.to_string());
    for rule in &rules.trailers {
        for (key, value) in &trailers {
            if !key.eq_ignore_ascii_case(&rule.key) {
                continue;
            }
            let matched = match &rule.word {
                None => !value.trim().is_empty(),
                Some(word) => words(value).any(|w| w.eq_ignore_ascii_case(word)),
            };
            if matched {
                let (name, model) = name_and_model(value);
                let tool = match &rule.word {
                    Some(word) => word.to_lowercase(),
                    None => slug(&name),
                };
                let mut origin = Origin::new(tool, OriginKind::Agent);
                origin.model = model;
                origin.author = person;
                return Some(origin);
            }
        }
    }
    for suffix in &rules.author_suffixes {
        if let Some(rest) = author_name.trim().strip_suffix(suffix.as_str()) {
            let tool = slug(suffix);
            let mut origin = Origin::new(tool, OriginKind::Agent);
            origin.author = (!rest.trim().is_empty()).then(|| author_email.to_string());
            return Some(origin);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn co_authored_by_claude_and_copilot_are_found() {
        let rules = Rules::default();
        let m = "Fix session expiry\n\nLonger text.\n\nCo-authored-by: Claude <noreply@anthropic.com>\n";
        let o = ai_origin(&rules, m, "Dev", "dev@example.com").unwrap();
        assert_eq!(o.tool, "claude");
        assert_eq!(o.author.as_deref(), Some("dev@example.com"));
        let m = "x\n\nCo-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>";
        assert_eq!(ai_origin(&rules, m, "D", "d@x").unwrap().tool, "copilot");
        let m = "x\n\nco-authored-by: aider (openai/gpt-4o) <noreply@aider.chat>";
        let o = ai_origin(&rules, m, "D", "d@x").unwrap();
        assert_eq!(
            (o.tool.as_str(), o.model.as_deref()),
            ("aider", Some("openai/gpt-4o"))
        );
        let m = "x\n\nAssisted-by: Gemini Code Assist";
        assert_eq!(
            ai_origin(&rules, m, "D", "d@x").unwrap().tool,
            "gemini-code-assist"
        );
        let m = "x\n\nAssisted-by: Tabnine Pro";
        assert_eq!(
            ai_origin(&rules, m, "D", "d@x").unwrap().tool,
            "tabnine-pro"
        );
    }

    #[test]
    fn people_and_subjects_are_not_ai() {
        let rules = Rules::default();
        let m = "x\n\nCo-authored-by: Claudette Smith <c@example.com>\nSigned-off-by: D <d@x>";
        assert!(ai_origin(&rules, m, "D", "d@x").is_none());
        assert!(ai_origin(&rules, "Co-authored-by: Claude", "D", "d@x").is_none());
        let m = "Mention Co-authored-by: Claude in the body\n\nbut no trailer here.";
        assert!(ai_origin(&rules, m, "D", "d@x").is_none());
    }

    #[test]
    fn aiders_author_suffix_and_custom_rules() {
        let rules = Rules::default();
        let o = ai_origin(&rules, "x", "Dev Person (aider)", "dev@x").unwrap();
        assert_eq!(o.tool, "aider");
        let none = Rules {
            trailers: vec![TrailerRule::parse("AI-Tool:").unwrap()],
            author_suffixes: vec![],
        };
        assert!(ai_origin(&none, "x", "Dev (aider)", "d@x").is_none());
        let m = "x\n\nCo-authored-by: Claude <noreply@anthropic.com>";
        assert!(ai_origin(&none, m, "D", "d@x").is_none());
        assert_eq!(
            ai_origin(&none, "x\n\nAI-Tool: acme bot", "D", "d@x")
                .unwrap()
                .tool,
            "acme-bot"
        );
        assert!(TrailerRule::parse("no colon").is_err());
        assert!(TrailerRule::parse("bad key: x").is_err());
    }
}
