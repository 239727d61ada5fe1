//! Agent post-edit hook payloads: which text an AI agent wrote.
//!
//! `redline record` runs as an agent's post-edit hook and reads, on stdin, the JSON the agent
//! hands its hooks. This module turns that JSON into [`HookEdit`]s ([`parse`]) and finds, in the
//! file as it is now, the bytes the agent wrote ([`locate`]). It is pure: the caller reads stdin
//! and the files and passes their contents in.
//!
//! Payloads understood (field names as the agents document them):
//!
//! - **Claude Code** `PostToolUse` for `Edit`, `MultiEdit` and `Write`: `tool_input`
//!   (`file_path`, `old_string`/`new_string`/`replace_all`, `edits[]`, `content`) and
//!   `tool_response` (`filePath`, `type: "create" | "update"`, `structuredPatch`). A non-empty
//!   `structuredPatch` wins: its `+` lines are exact new-file line numbers.
//! - **Cursor** `afterFileEdit` and `afterTabFileEdit`: `file_path`,
//!   `edits[{old_string, new_string}]`, and for Tab edits `range` (its start is used to pick the
//!   right occurrence), `conversation_id`, `model`, `workspace_roots`.
//! - **Codex CLI** `PostToolUse` for `apply_patch`: the patch text in `tool_input.command`
//!   (`*** Begin Patch`, `*** Add File:`, `*** Update File:`, `*** Move to:`, `@@` hunks).
//!   One patch may touch several files, so one payload may give several [`HookEdit`]s.
//! - **Gemini CLI** `AfterTool` for `write_file` and `replace`: `tool_input` (`file_path`,
//!   `content`, `old_string`/`new_string`/`expected_replacements`) and `tool_response`
//!   (`returnDisplay.originalContent`/`newContent`, or its unified `fileDiff`, when present).
//!
//! Events that are not a finished file edit (another tool, a failed tool, a session event) give
//! an empty list. The pre-edit event of an editing tool is an error, because recording there
//! would be too early: the hook is configured on the wrong event.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use std::path::PathBuf;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use serde_json::{Map, Value};
use similar::{Algorithm, DiffOp, TextDiff};

use crate::origin::{Origin, OriginKind};
use crate::text::{LineIndex, Position, PositionEncoding};

// ---------------------------------------------------------------------------------------------
// The parsed form
// ---------------------------------------------------------------------------------------------

/// The agents whose hooks `redline record` understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Agent {
    ClaudeCode,
    Cursor,
    Codex,
    Gemini,
}

impl Agent {
    pub const ALL: [Agent; 4] = [
        Agent::ClaudeCode,
        Agent::Cursor,
        Agent::Codex,
        Agent::Gemini,
    ];

    /// The `tool` recorded in the [`Origin`]: "claude-code", "cursor", "codex" or "gemini-cli".
    pub fn tool(self) -> &'static str {
        match self {
            Agent::ClaudeCode => "claude-code",
            Agent::Cursor => "cursor",
            Agent::Codex => "codex",
            Agent::Gemini => "gemini-cli",
        }
    }

    /// The name of the agent's post-edit hook event.
    pub fn post_edit_event(self) -> &'static str {
        match self {
            Agent::ClaudeCode | Agent::Codex => "PostToolUse",
            Agent::Cursor => "afterFileEdit",
            Agent::Gemini => "AfterTool",
        }
    }
}

impl fmt::Display for Agent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tool())
    }
}

/// An agent name that is not one of [`Agent::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown agent {0:?}: expected claude-code, cursor, codex or gemini")]
pub struct UnknownAgent(pub String);

impl FromStr for Agent {
    type Err = UnknownAgent;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "claude-code" | "claude" | "claudecode" => Ok(Agent::ClaudeCode),
            "cursor" => Ok(Agent::Cursor),
            "codex" | "codex-cli" => Ok(Agent::Codex),
            "gemini" | "gemini-cli" => Ok(Agent::Gemini),
            _ => Err(UnknownAgent(s.to_string())),
        }
    }
}

/// One file an agent edited, and what it wrote there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HookEdit {
    pub agent: Agent,
    /// As given in the payload: absolute, or relative to `cwd`.
    pub path: String,
    /// The payload's `cwd`, or Cursor's first workspace root.
    pub cwd: Option<String>,
    /// `tool` is [`Agent::tool`]; `kind` is [`OriginKind::Agent`], or
    /// [`OriginKind::InlineCompletion`] for Cursor's Tab; `model` and `session` when the payload
    /// has them; `at` is left to the caller, who owns the clock.
    pub origin: Origin,
    pub changes: Vec<Change>,
}

impl HookEdit {
    /// `path` joined to `cwd` when it is relative (no file system access).
    pub fn resolved_path(&self) -> PathBuf {
        match &self.cwd {
            Some(cwd) => PathBuf::from(cwd).join(&self.path),
            None => PathBuf::from(&self.path),
        }
    }
}

/// What an agent wrote in a file, in the terms its payload gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Whole new-file lines, 1-based and inclusive, known from a structured patch. `text` is
    /// what those lines held right after the edit (lines joined by `\n`), when known: it lets
    /// [`locate`] check the lines still hold it, and find them again if they moved.
    Lines {
        start: u32,
        end: u32,
        text: Option<String>,
    },
    /// The agent replaced `old` with `new` somewhere in the file. Only the parts of `new` that
    /// differ from `old` are the agent's; the rest is context it repeated.
    Inserted {
        old: String,
        new: String,
        /// Every occurrence was replaced (Claude's `replace_all`, Gemini's
        /// `expected_replacements > 1`), so several occurrences of `new` are expected.
        replace_all: bool,
        /// Where `new` starts, when the payload says so (Cursor Tab's `range` start).
        near: Option<Near>,
    },
    /// The agent wrote the whole file, with `content` when the payload carries it.
    WholeFile { content: Option<String> },
}

impl Change {
    /// An [`Change::Inserted`] with no position hint, replacing one occurrence.
    pub fn inserted(old: impl Into<String>, new: impl Into<String>) -> Self {
        Change::Inserted {
            old: old.into(),
            new: new.into(),
            replace_all: false,
            near: None,
        }
    }
}

/// A position as an agent reports it (Cursor Tab's `range.start_line_number` and
/// `start_column`). Documented examples do not say whether they count from 0 or 1, so
/// [`locate`] tries both and keeps the one where the written text actually starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Near {
    pub line: u32,
    pub column: u32,
}

/// Why a payload could not be read. The message names the field, as a JSON path.
#[derive(Debug, thiserror::Error)]
pub enum HookError {
    #[error("the hook payload is empty: expected the agent's hook JSON on stdin")]
    Empty,
    #[error("the hook payload is not valid JSON: {0}")]
    Json(#[source] serde_json::Error),
    #[error("{path} is missing")]
    Missing { path: String },
    #[error("{path} must be {expected}, but it is {found}")]
    WrongType {
        path: String,
        expected: &'static str,
        found: &'static str,
    },
    #[error("{path} is not valid: {message}")]
    Invalid { path: String, message: String },
    #[error(
        "this is {agent}'s {event} event for {tool}, which fires before the file is written; \
         redline record must run on {expected}"
    )]
    BeforeEdit {
        agent: Agent,
        event: String,
        tool: String,
        expected: &'static str,
    },
    #[error("not a hook payload redline knows: {0}")]
    Unrecognised(String),
}

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

/// Reads an agent's post-edit hook payload, working out which agent sent it.
///
/// Detection: Cursor's events are lowerCamelCase (`afterFileEdit`) and its payloads carry
/// `cursor_version`/`workspace_roots`/`conversation_id`; Gemini's tool events are
/// `BeforeTool`/`AfterTool`; Codex's carry `turn_id` and name the edit tool `apply_patch`;
/// anything else with a `hook_event_name` or `tool_name` is read as Claude Code's. Use
/// [`parse_as`] when the hook configuration already says which agent it is.
pub fn parse(json: &str) -> Result<Vec<HookEdit>, HookError> {
    let value = load(json)?;
    let root = Obj::root(&value)?;
    let agent = detect(&root)?;
    parse_root(agent, &root)
}

/// Reads a payload known to come from `agent`.
pub fn parse_as(agent: Agent, json: &str) -> Result<Vec<HookEdit>, HookError> {
    let value = load(json)?;
    let root = Obj::root(&value)?;
    parse_root(agent, &root)
}

fn load(json: &str) -> Result<Value, HookError> {
    if json.trim().is_empty() {
        return Err(HookError::Empty);
    }
    serde_json::from_str(json).map_err(HookError::Json)
}

fn parse_root(agent: Agent, root: &Obj<'_>) -> Result<Vec<HookEdit>, HookError> {
    match agent {
        Agent::ClaudeCode => parse_claude(root),
        Agent::Cursor => parse_cursor(root),
        Agent::Codex => parse_codex(root),
        Agent::Gemini => parse_gemini(root),
    }
}

const EVENT: &[&str] = &["hook_event_name", "hookEventName"];
const TOOL: &[&str] = &["tool_name", "toolName"];
const GEMINI_EVENTS: &[&str] = &[
    "BeforeTool",
    "AfterTool",
    "BeforeAgent",
    "AfterAgent",
    "BeforeModel",
    "AfterModel",
    "BeforeToolSelection",
    "PreCompress",
];
const GEMINI_EDIT_TOOLS: &[&str] = &["write_file", "replace"];
const CLAUDE_EDIT_TOOLS: &[&str] = &["Edit", "MultiEdit", "Write"];

fn detect(root: &Obj<'_>) -> Result<Agent, HookError> {
    let event = root.str(EVENT)?;
    let tool = root.str(TOOL)?;
    let lower_camel = event.is_some_and(|e| e.starts_with(|c: char| c.is_ascii_lowercase()));
    if lower_camel || root.has(&["cursor_version", "workspace_roots", "conversation_id"]) {
        return Ok(Agent::Cursor);
    }
    if event.is_some_and(|e| GEMINI_EVENTS.contains(&e))
        || tool.is_some_and(|t| GEMINI_EDIT_TOOLS.contains(&t))
    {
        return Ok(Agent::Gemini);
    }
    if tool == Some("apply_patch") || root.has(&["turn_id"]) {
        return Ok(Agent::Codex);
    }
    if event.is_some() || tool.is_some() {
        return Ok(Agent::ClaudeCode);
    }
    Err(HookError::Unrecognised(
        "it has neither hook_event_name nor tool_name".to_string(),
    ))
}

fn origin(agent: Agent, kind: OriginKind, model: Option<&str>, session: Option<&str>) -> Origin {
    let mut origin = Origin::new(agent.tool(), kind);
    origin.model = model.filter(|m| !m.is_empty()).map(str::to_string);
    origin.session = session.filter(|s| !s.is_empty()).map(str::to_string);
    origin
}

/// Whether `event` is a post-edit event for an editing tool: `Ok(true)` to go on, `Ok(false)`
/// for events that wrote nothing, an error for the pre-edit event.
fn post_edit(
    agent: Agent,
    event: Option<&str>,
    tool: &str,
    post: &[&str],
    pre: &[&str],
) -> Result<bool, HookError> {
    match event {
        None => Ok(true),
        Some(e) if post.contains(&e) => Ok(true),
        Some(e) if pre.contains(&e) => Err(HookError::BeforeEdit {
            agent,
            event: e.to_string(),
            tool: tool.to_string(),
            expected: agent.post_edit_event(),
        }),
        Some(_) => Ok(false),
    }
}

fn parse_claude(root: &Obj<'_>) -> Result<Vec<HookEdit>, HookError> {
    let agent = Agent::ClaudeCode;
    let Some(tool) = root.str(TOOL)? else {
        return Ok(Vec::new());
    };
    if !CLAUDE_EDIT_TOOLS.contains(&tool) {
        return Ok(Vec::new());
    }
    let event = root.str(EVENT)?;
    if !post_edit(
        agent,
        event,
        tool,
        &["PostToolUse"],
        &["PreToolUse", "PermissionRequest"],
    )? {
        return Ok(Vec::new());
    }
    let input = root.req_obj(&["tool_input"])?;
    // `tool_response` is an object in Claude Code; anything else carries no patch.
    let response = match root.get(&["tool_response"]) {
        Some((key, Value::Object(map))) => Some(Obj {
            map,
            path: root.child(key),
        }),
        _ => None,
    };
    let path = match input.str(&["file_path", "filePath"])? {
        Some(p) => p,
        None => match &response {
            Some(r) => r.str(&["filePath", "file_path"])?,
            None => None,
        }
        .ok_or_else(|| input.missing("file_path"))?,
    };
    let patch = match &response {
        Some(r) => r.arr(&["structuredPatch", "structured_patch"])?,
        None => None,
    };
    let patched = match &patch {
        Some(p) if !p.items.is_empty() => Some(structured_patch(p)?),
        _ => None,
    };
    let changes = match (tool, patched) {
        (_, Some(lines)) => lines,
        ("Write", None) => {
            let created = match &response {
                Some(r) => r.str(&["type"])?,
                None => None,
            };
            if created == Some("update") && patch.is_some() {
                // Rewritten with identical content: nothing changed.
                Vec::new()
            } else {
                let content = input.req_str(&["content"])?;
                vec![Change::WholeFile {
                    content: Some(content.to_string()),
                }]
            }
        }
        ("Edit", None) => vec![replacement(&input)?],
        (_, None) => {
            let edits = input.req_arr(&["edits"])?;
            let mut changes = Vec::with_capacity(edits.items.len());
            for i in 0..edits.items.len() {
                changes.push(replacement(&edits.obj(i)?)?);
            }
            changes
        }
    };
    Ok(vec![HookEdit {
        agent,
        path: path.to_string(),
        cwd: root.str(&["cwd"])?.map(str::to_string),
        origin: origin(
            agent,
            OriginKind::Agent,
            root.str(&["model"])?,
            root.str(&["session_id", "sessionId"])?,
        ),
        changes,
    }])
}

/// Claude's `{old_string, new_string, replace_all}`.
fn replacement(edit: &Obj<'_>) -> Result<Change, HookError> {
    Ok(Change::Inserted {
        old: edit.req_str(&["old_string", "oldString"])?.to_string(),
        new: edit.req_str(&["new_string", "newString"])?.to_string(),
        replace_all: edit.bool(&["replace_all", "replaceAll"])?.unwrap_or(false),
        near: None,
    })
}

/// `[{oldStart, oldLines, newStart, newLines, lines: [" ctx", "-old", "+new"]}]`.
fn structured_patch(patch: &Arr<'_>) -> Result<Vec<Change>, HookError> {
    let mut changes = Vec::new();
    for i in 0..patch.items.len() {
        let hunk = patch.obj(i)?;
        let new_start = hunk
            .u32(&["newStart", "new_start"])?
            .ok_or_else(|| hunk.missing("newStart"))?;
        let lines = hunk.req_arr(&["lines"])?;
        let mut texts = Vec::with_capacity(lines.items.len());
        for j in 0..lines.items.len() {
            texts.push(lines.str(j)?);
        }
        changes.extend(added_lines(new_start, texts));
    }
    Ok(changes)
}

/// Runs of `+` lines of one hunk, as new-file line ranges. Context lines (` `, or empty) and
/// `+` lines advance the new-file line; `-` lines and `\ No newline at end of file` do not.
fn added_lines<'a>(new_start: u32, lines: impl IntoIterator<Item = &'a str>) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut line = new_start.max(1);
    let mut run: Option<(u32, Vec<&str>)> = None;
    let flush = |run: &mut Option<(u32, Vec<&str>)>, changes: &mut Vec<Change>| {
        if let Some((start, texts)) = run.take() {
            changes.push(Change::Lines {
                start,
                end: start + texts.len() as u32 - 1,
                text: Some(texts.join("\n")),
            });
        }
    };
    for text in lines {
        if let Some(added) = text.strip_prefix('+') {
            run.get_or_insert_with(|| (line, Vec::new())).1.push(added);
            line += 1;
            continue;
        }
        flush(&mut run, &mut changes);
        if !text.starts_with('-') && !text.starts_with('\\') {
            line += 1;
        }
    }
    flush(&mut run, &mut changes);
    changes
}

fn parse_cursor(root: &Obj<'_>) -> Result<Vec<HookEdit>, HookError> {
    let agent = Agent::Cursor;
    let kind = match root.str(EVENT)? {
        Some("afterFileEdit") => OriginKind::Agent,
        Some("afterTabFileEdit") => OriginKind::InlineCompletion,
        // Agent edits also arrive as afterFileEdit, which is the event to record on.
        Some(_) => return Ok(Vec::new()),
        None if root.has(&["edits"]) => OriginKind::Agent,
        None => return Err(root.missing(EVENT[0])),
    };
    let path = root.req_str(&["file_path", "filePath"])?;
    let edits = root.req_arr(&["edits"])?;
    let mut changes = Vec::with_capacity(edits.items.len());
    for i in 0..edits.items.len() {
        let edit = edits.obj(i)?;
        let new = edit.req_str(&["new_string", "newString"])?;
        let old = edit.str(&["old_string", "oldString"])?.unwrap_or("");
        let near = match edit.obj(&["range"])? {
            Some(range) => {
                let line = range.u32(&["start_line_number", "startLineNumber", "start_line"])?;
                let column = range.u32(&["start_column", "startColumn"])?;
                line.map(|line| Near {
                    line,
                    column: column.unwrap_or(1),
                })
            }
            None => None,
        };
        changes.push(Change::Inserted {
            old: old.to_string(),
            new: new.to_string(),
            replace_all: false,
            near,
        });
    }
    let cwd = match root.str(&["cwd"])? {
        Some(cwd) => Some(cwd.to_string()),
        None => match root.arr(&["workspace_roots", "workspaceRoots"])? {
            Some(roots) if !roots.items.is_empty() => Some(roots.str(0)?.to_string()),
            _ => None,
        },
    };
    Ok(vec![HookEdit {
        agent,
        path: path.to_string(),
        cwd,
        origin: origin(
            agent,
            kind,
            root.str(&["model"])?,
            root.str(&["conversation_id", "conversationId", "session_id"])?,
        ),
        changes,
    }])
}

fn parse_codex(root: &Obj<'_>) -> Result<Vec<HookEdit>, HookError> {
    let agent = Agent::Codex;
    let Some(tool) = root.str(TOOL)? else {
        return Ok(Vec::new());
    };
    if tool != "apply_patch" {
        return Ok(Vec::new());
    }
    let event = root.str(EVENT)?;
    if !post_edit(
        agent,
        event,
        tool,
        &["PostToolUse"],
        &["PreToolUse", "PermissionRequest"],
    )? {
        return Ok(Vec::new());
    }
    // Codex exposes the raw patch as `tool_input.command`; `input` is the function-call form.
    let (field, patch) = match root.get(&["tool_input"]) {
        Some((key, Value::String(s))) => (root.child(key), s.as_str()),
        Some(_) => {
            let input = root.req_obj(&["tool_input"])?;
            let key = ["command", "input", "patch"]
                .into_iter()
                .find(|k| input.has(&[k]))
                .unwrap_or("command");
            (input.child(key), input.req_str(&[key])?)
        }
        None => return Err(root.missing("tool_input")),
    };
    let files = apply_patch(patch, &field)?;
    let cwd = root.str(&["cwd"])?.map(str::to_string);
    let origin = origin(
        agent,
        OriginKind::Agent,
        root.str(&["model"])?,
        root.str(&["session_id", "thread_id"])?,
    );
    Ok(files
        .into_iter()
        .filter(|(_, changes)| !changes.is_empty())
        .map(|(path, changes)| HookEdit {
            agent,
            path,
            cwd: cwd.clone(),
            origin: origin.clone(),
            changes,
        })
        .collect())
}

/// Splits a Codex `apply_patch` envelope into per-file changes. Added files are whole-file
/// writes; each `@@` hunk of an updated file is an [`Change::Inserted`] whose `old` and `new`
/// keep the hunk's context lines, so that [`locate`] can find the one place it applies.
/// Deleted files contribute nothing. Lenient where Codex is: text before `*** Begin Patch`,
/// a missing `*** End Patch`, a first hunk without `@@`, blank lines read as empty context.
fn apply_patch(text: &str, field: &str) -> Result<Vec<(String, Vec<Change>)>, HookError> {
    let invalid = |line: usize, message: String| HookError::Invalid {
        path: field.to_string(),
        message: format!("patch line {}: {message}", line + 1),
    };
    let lines: Vec<&str> = text.lines().collect();
    let Some(begin) = lines.iter().position(|l| l.trim() == "*** Begin Patch") else {
        return Err(HookError::Invalid {
            path: field.to_string(),
            message: "it has no `*** Begin Patch` line".to_string(),
        });
    };
    let mut files = Vec::new();
    let mut i = begin + 1;
    while i < lines.len() {
        let header = lines[i].trim();
        if header == "*** End Patch" {
            break;
        }
        if header.is_empty() {
            i += 1;
        } else if let Some(path) = header.strip_prefix("*** Add File:") {
            i += 1;
            let mut content = String::new();
            while let Some(added) = lines.get(i).and_then(|l| l.strip_prefix('+')) {
                content.push_str(added);
                content.push('\n');
                i += 1;
            }
            let changes = if content.is_empty() {
                Vec::new()
            } else {
                vec![Change::WholeFile {
                    content: Some(content),
                }]
            };
            files.push((path.trim().to_string(), changes));
        } else if header.starts_with("*** Delete File:") {
            i += 1;
        } else if let Some(path) = header.strip_prefix("*** Update File:") {
            let mut path = path.trim().to_string();
            i += 1;
            if let Some(to) = lines
                .get(i)
                .and_then(|l| l.trim().strip_prefix("*** Move to:"))
            {
                path = to.trim().to_string();
                i += 1;
            }
            let mut changes = Vec::new();
            let mut hunk = Hunk::default();
            while let Some(&line) = lines.get(i) {
                if line.starts_with("*** ") && line.trim_end() != "*** End of File" {
                    break;
                }
                i += 1;
                if line.starts_with("@@") {
                    changes.extend(hunk.take());
                } else if line.trim_end() == "*** End of File" {
                } else if let Some(rest) = line.strip_prefix('+') {
                    hunk.new.push_str(rest);
                    hunk.new.push('\n');
                    hunk.changed = true;
                } else if let Some(rest) = line.strip_prefix('-') {
                    hunk.old.push_str(rest);
                    hunk.old.push('\n');
                    hunk.changed = true;
                } else if let Some(rest) = line.strip_prefix(' ').or(line.is_empty().then_some(""))
                {
                    hunk.old.push_str(rest);
                    hunk.old.push('\n');
                    hunk.new.push_str(rest);
                    hunk.new.push('\n');
                } else {
                    return Err(invalid(
                        i - 1,
                        format!(
                            "expected a hunk line starting with ' ', '-', '+' or '@@' in the \
                             update of {path}, found {line:?}"
                        ),
                    ));
                }
            }
            changes.extend(hunk.take());
            files.push((path, changes));
        } else {
            return Err(invalid(
                i,
                format!(
                    "expected `*** Add File:`, `*** Update File:`, `*** Delete File:` or \
                     `*** End Patch`, found {:?}",
                    lines[i]
                ),
            ));
        }
    }
    Ok(files)
}

#[derive(Default)]
struct Hunk {
    old: String,
    new: String,
    changed: bool,
}

impl Hunk {
    fn take(&mut self) -> Option<Change> {
        let hunk = std::mem::take(self);
        (hunk.changed && hunk.old != hunk.new).then(|| Change::inserted(hunk.old, hunk.new))
    }
}

fn parse_gemini(root: &Obj<'_>) -> Result<Vec<HookEdit>, HookError> {
    let agent = Agent::Gemini;
    let Some(tool) = root.str(TOOL)? else {
        return Ok(Vec::new());
    };
    if !GEMINI_EDIT_TOOLS.contains(&tool) {
        return Ok(Vec::new());
    }
    let event = root.str(EVENT)?;
    if !post_edit(
        agent,
        event,
        tool,
        &["AfterTool", "PostToolUse"],
        &["BeforeTool", "PreToolUse"],
    )? {
        return Ok(Vec::new());
    }
    let input = root.req_obj(&["tool_input"])?;
    let response = root.obj(&["tool_response"])?;
    if let Some(r) = &response
        && r.get(&["error"]).is_some()
    {
        // The tool failed: nothing was written.
        return Ok(Vec::new());
    }
    // `returnDisplay` is a FileDiff object for edits, a plain string for other results.
    let display = match response.as_ref().and_then(|r| r.get(&["returnDisplay"])) {
        Some((key, Value::Object(map))) => Some(Obj {
            map,
            path: response.as_ref().map(|r| r.child(key)).unwrap_or_default(),
        }),
        _ => None,
    };
    let path = match input.str(&["file_path", "absolute_path", "path"])? {
        Some(p) => p,
        None => match &display {
            Some(d) => d.str(&["filePath"])?,
            None => None,
        }
        .ok_or_else(|| input.missing("file_path"))?,
    };
    let mut changes = None;
    if let Some(d) = &display {
        if let Some(new) = d.str(&["newContent"])? {
            changes = Some(match d.str(&["originalContent"])? {
                Some(old) => changed_lines(old, new),
                None => vec![Change::WholeFile {
                    content: Some(new.to_string()),
                }],
            });
        } else if let Some(diff) = d.str(&["fileDiff"])? {
            changes = Some(unified_diff(diff));
        }
    }
    let changes = match changes {
        Some(changes) => changes,
        None if tool == "write_file" => vec![Change::WholeFile {
            content: Some(input.req_str(&["content"])?.to_string()),
        }],
        None => {
            let old = input.req_str(&["old_string"])?;
            let new = input.req_str(&["new_string"])?;
            if old.is_empty() {
                // `replace` with an empty old_string creates the file.
                vec![Change::WholeFile {
                    content: Some(new.to_string()),
                }]
            } else {
                let expected = input.u32(&["expected_replacements"])?.unwrap_or(1);
                vec![Change::Inserted {
                    old: old.to_string(),
                    new: new.to_string(),
                    replace_all: expected > 1,
                    near: None,
                }]
            }
        }
    };
    Ok(vec![HookEdit {
        agent,
        path: path.to_string(),
        cwd: root.str(&["cwd"])?.map(str::to_string),
        origin: origin(
            agent,
            OriginKind::Agent,
            root.str(&["model"])?,
            root.str(&["session_id"])?,
        ),
        changes,
    }])
}

/// The lines of `new` that a line diff from `old` shows as inserted or replaced.
fn changed_lines(old: &str, new: &str) -> Vec<Change> {
    let diff = line_diff(old, new);
    let new_lines = diff.new_slices();
    let mut changes = Vec::new();
    for op in diff.ops() {
        if let DiffOp::Insert { .. } | DiffOp::Replace { .. } = op {
            let range = op.new_range();
            if range.is_empty() {
                continue;
            }
            let text: Vec<&str> = new_lines[range.clone()]
                .iter()
                .map(|l| l.trim_end_matches(['\n', '\r']))
                .collect();
            changes.push(Change::Lines {
                start: range.start as u32 + 1,
                end: range.end as u32,
                text: Some(text.join("\n")),
            });
        }
    }
    changes
}

/// The `+` lines of a unified diff (`@@ -a,b +c,d @@` hunks); file headers are skipped.
fn unified_diff(diff: &str) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut hunk: Option<(u32, Vec<&str>)> = None;
    for line in diff.lines() {
        if let Some(header) = line.strip_prefix("@@") {
            if let Some((start, lines)) = hunk.take() {
                changes.extend(added_lines(start, lines));
            }
            let new_start = header
                .split_whitespace()
                .find_map(|part| part.strip_prefix('+'))
                .and_then(|range| range.split(',').next())
                .and_then(|n| n.parse().ok());
            hunk = new_start.map(|start| (start, Vec::new()));
        } else if let Some((_, lines)) = &mut hunk {
            lines.push(line);
        }
    }
    if let Some((start, lines)) = hunk {
        changes.extend(added_lines(start, lines));
    }
    changes
}

// ---------------------------------------------------------------------------------------------
// JSON access that names the field in every error
// ---------------------------------------------------------------------------------------------

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

struct Obj<'a> {
    map: &'a Map<String, Value>,
    /// JSON path of this object; empty for the root.
    path: String,
}

struct Arr<'a> {
    items: &'a [Value],
    path: String,
}

impl<'a> Obj<'a> {
    fn root(value: &'a Value) -> Result<Self, HookError> {
        match value {
            Value::Object(map) => Ok(Obj {
                map,
                path: String::new(),
            }),
            other => Err(HookError::WrongType {
                path: "the hook payload".to_string(),
                expected: "a JSON object",
                found: kind(other),
            }),
        }
    }

    fn child(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    fn missing(&self, key: &str) -> HookError {
        HookError::Missing {
            path: self.child(key),
        }
    }

    fn wrong(&self, key: &str, expected: &'static str, found: &Value) -> HookError {
        HookError::WrongType {
            path: self.child(key),
            expected,
            found: kind(found),
        }
    }

    /// The first of `keys` present with a non-null value (null counts as absent).
    fn get(&self, keys: &[&'static str]) -> Option<(&'static str, &'a Value)> {
        keys.iter()
            .find_map(|&k| self.map.get(k).filter(|v| !v.is_null()).map(|v| (k, v)))
    }

    fn has(&self, keys: &[&'static str]) -> bool {
        self.get(keys).is_some()
    }

    fn str(&self, keys: &[&'static str]) -> Result<Option<&'a str>, HookError> {
        match self.get(keys) {
            None => Ok(None),
            Some((_, Value::String(s))) => Ok(Some(s)),
            Some((k, other)) => Err(self.wrong(k, "a string", other)),
        }
    }

    fn req_str(&self, keys: &[&'static str]) -> Result<&'a str, HookError> {
        self.str(keys)?.ok_or_else(|| self.missing(keys[0]))
    }

    fn bool(&self, keys: &[&'static str]) -> Result<Option<bool>, HookError> {
        match self.get(keys) {
            None => Ok(None),
            Some((_, Value::Bool(b))) => Ok(Some(*b)),
            Some((k, other)) => Err(self.wrong(k, "a boolean", other)),
        }
    }

    fn u32(&self, keys: &[&'static str]) -> Result<Option<u32>, HookError> {
        match self.get(keys) {
            None => Ok(None),
            Some((k, v)) => v
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .map(Some)
                .ok_or_else(|| self.wrong(k, "a non-negative integer", v)),
        }
    }

    fn obj(&self, keys: &[&'static str]) -> Result<Option<Obj<'a>>, HookError> {
        match self.get(keys) {
            None => Ok(None),
            Some((k, Value::Object(map))) => Ok(Some(Obj {
                map,
                path: self.child(k),
            })),
            Some((k, other)) => Err(self.wrong(k, "an object", other)),
        }
    }

    fn req_obj(&self, keys: &[&'static str]) -> Result<Obj<'a>, HookError> {
        self.obj(keys)?.ok_or_else(|| self.missing(keys[0]))
    }

    fn arr(&self, keys: &[&'static str]) -> Result<Option<Arr<'a>>, HookError> {
        match self.get(keys) {
            None => Ok(None),
            Some((k, Value::Array(items))) => Ok(Some(Arr {
                items,
                path: self.child(k),
            })),
            Some((k, other)) => Err(self.wrong(k, "an array", other)),
        }
    }

    fn req_arr(&self, keys: &[&'static str]) -> Result<Arr<'a>, HookError> {
        self.arr(keys)?.ok_or_else(|| self.missing(keys[0]))
    }
}

impl<'a> Arr<'a> {
    fn item_path(&self, i: usize) -> String {
        format!("{}[{i}]", self.path)
    }

    fn obj(&self, i: usize) -> Result<Obj<'a>, HookError> {
        match &self.items[i] {
            Value::Object(map) => Ok(Obj {
                map,
                path: self.item_path(i),
            }),
            other => Err(HookError::WrongType {
                path: self.item_path(i),
                expected: "an object",
                found: kind(other),
            }),
        }
    }

    fn str(&self, i: usize) -> Result<&'a str, HookError> {
        match &self.items[i] {
            Value::String(s) => Ok(s),
            other => Err(HookError::WrongType {
                path: self.item_path(i),
                expected: "a string",
                found: kind(other),
            }),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Locating the written text in the file as it is now
// ---------------------------------------------------------------------------------------------

/// Where an edit's text is in the file now.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Located {
    /// Byte ranges of the content that the agent wrote: sorted, non-empty, non-overlapping,
    /// adjacent ranges merged.
    pub ranges: Vec<Range<usize>>,
    /// Changes whose text occurs several times with nothing to tell which occurrence the
    /// agent wrote. Every occurrence is in `ranges` (see [`locate`] for why).
    pub ambiguous: Vec<Ambiguous>,
    /// Changes, or parts of them, that could not be placed. Nothing is dropped silently.
    pub unplaced: Vec<Unplaced>,
}

impl Located {
    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty() && self.ambiguous.is_empty() && self.unplaced.is_empty()
    }
}

/// A change whose text occurs `occurrences` times; all of them were marked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ambiguous {
    /// Index into [`HookEdit::changes`].
    pub change: usize,
    pub occurrences: usize,
}

impl fmt::Display for Ambiguous {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "change {}: the text occurs {} times and nothing says which one the agent wrote; \
             all of them are marked",
            self.change + 1,
            self.occurrences
        )
    }
}

/// A change, or part of one, that [`locate`] could not place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unplaced {
    /// Index into [`HookEdit::changes`].
    pub change: usize,
    pub reason: Unplaceable,
}

impl fmt::Display for Unplaced {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "change {}: {}", self.change + 1, self.reason)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unplaceable {
    #[error("lines {start}-{end} are past the end of the file ({line_count} lines)")]
    PastEnd {
        start: u32,
        end: u32,
        line_count: u32,
    },
    #[error("line range {start}-{end} is not valid")]
    BadRange { start: u32, end: u32 },
    #[error(
        "lines {start}-{end} no longer hold the text the agent wrote there, and it is not \
         found elsewhere in the file"
    )]
    LinesChanged { start: u32, end: u32 },
    #[error("the text the agent wrote ({excerpt}) is not in the file")]
    NotFound { excerpt: String },
    #[error("the blank text the agent wrote occurs {occurrences} times; none is marked")]
    AmbiguousBlank { occurrences: usize },
    #[error("none of the text the agent wrote is left in the file")]
    Gone,
}

/// Finds, in `content` (the file as it is now), the bytes that `edit` says the agent wrote.
///
/// - [`Change::Lines`]: those whole lines, without the last line's terminator. When the payload
///   gave their text and the lines no longer hold it, the text is looked for elsewhere (the
///   occurrence nearest the original line wins); lines past the end are unplaced.
/// - [`Change::Inserted`]: `new` is found in the content and only its parts that differ from
///   `old` are marked: a line diff, then each replaced line (or block, when the line counts
///   differ) loses the prefix and suffix it shares with the old text, stopping at word
///   boundaries, so repeated context is not claimed. A position hint (`near`) is used when it
///   points at `new`. If `new` is not found whole, each changed block is looked for on its
///   own. An empty `new`, a pure deletion, records nothing.
/// - [`Change::WholeFile`]: the whole content; when the payload gave the written content and
///   the file has changed since, only the text that survives from it (a diff, as in
///   [`crate::anchor::reanchor`]).
///
/// **Several occurrences, no hint**: every occurrence is marked and the change is listed in
/// [`Located::ambiguous`]. This is the fail-closed choice for a commit gate: the agent's text is
/// certainly among them, and wrongly marking an identical copy costs one extra review of that
/// very text, while marking none would let the agent's change through unreviewed. The one
/// exception is text that is blank (whitespace only): marking every such run in the file would
/// claim the file's layout, so it is reported as unplaced instead.
pub fn locate(edit: &HookEdit, content: &str) -> Located {
    let mut cx = Cx {
        content,
        index: LineIndex::new(content),
        ranges: Vec::new(),
        out: Located::default(),
    };
    for (i, change) in edit.changes.iter().enumerate() {
        match change {
            Change::Lines { start, end, text } => cx.lines(i, *start, *end, text.as_deref()),
            Change::Inserted {
                old,
                new,
                replace_all,
                near,
            } => cx.inserted(i, old, new, *replace_all, *near),
            Change::WholeFile { content: written } => cx.whole_file(i, written.as_deref(), edit),
        }
    }
    let mut out = cx.out;
    out.ranges = merge(cx.ranges);
    out
}

struct Cx<'a> {
    content: &'a str,
    index: LineIndex,
    ranges: Vec<Range<usize>>,
    out: Located,
}

impl Cx<'_> {
    fn unplaced(&mut self, change: usize, reason: Unplaceable) {
        self.out.unplaced.push(Unplaced { change, reason });
    }

    /// Lines of the content; a final terminator does not start another line.
    fn line_count(&self) -> u32 {
        let n = self.index.line_count();
        if self.content.is_empty() {
            0
        } else if self.content.ends_with('\n') {
            n - 1
        } else {
            n
        }
    }

    /// Byte range of 1-based lines `start..=end`, which must exist.
    fn line_bytes(&self, start: u32, end: u32) -> Range<usize> {
        let from = self
            .index
            .line_start(start - 1)
            .unwrap_or(self.content.len());
        let to = self
            .index
            .line_range(self.content, end - 1)
            .map_or(self.content.len(), |r| r.end);
        from..to.max(from)
    }

    fn lines_hold(&self, start: u32, end: u32, text: &str) -> bool {
        let mut expected = text.split('\n');
        for line in start..=end {
            let Some(range) = self.index.line_range(self.content, line - 1) else {
                return false;
            };
            match expected.next() {
                Some(want) if want.trim_end_matches('\r') == &self.content[range] => {}
                _ => return false,
            }
        }
        expected.next().is_none()
    }

    fn lines(&mut self, change: usize, start: u32, end: u32, text: Option<&str>) {
        if start == 0 || end < start {
            return self.unplaced(change, Unplaceable::BadRange { start, end });
        }
        let count = self.line_count();
        if let Some(text) = text {
            if end <= count && self.lines_hold(start, end, text) {
                let range = self.line_bytes(start, end);
                self.ranges.push(range);
                return;
            }
            if let Some(found) = self.find_lines(text, start) {
                self.ranges.push(found);
                return;
            }
            // Known text that is no longer there: marking the lines anyway would be a guess.
            let reason = if end <= count {
                Unplaceable::LinesChanged { start, end }
            } else {
                Unplaceable::PastEnd {
                    start,
                    end,
                    line_count: count,
                }
            };
            return self.unplaced(change, reason);
        }
        if start <= count {
            let range = self.line_bytes(start, end.min(count));
            self.ranges.push(range);
        }
        if end > count {
            self.unplaced(
                change,
                Unplaceable::PastEnd {
                    start: start.max(count + 1),
                    end,
                    line_count: count,
                },
            );
        }
    }

    /// `text` as whole lines somewhere in the content, nearest to 1-based line `near`.
    fn find_lines(&self, text: &str, near: u32) -> Option<Range<usize>> {
        if text.trim().is_empty() {
            return None;
        }
        let bytes = self.content.as_bytes();
        let crlf = text.replace('\n', "\r\n");
        let mut best: Option<(u32, Range<usize>)> = None;
        for needle in [text, crlf.as_str()] {
            for (at, _) in self.content.match_indices(needle) {
                let end = at + needle.len();
                let starts_line = at == 0 || bytes[at - 1] == b'\n';
                let ends_line = end == bytes.len()
                    || bytes[end] == b'\n'
                    || (bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n'));
                if !starts_line || !ends_line {
                    continue;
                }
                let distance = (self.index.line_of(at) + 1).abs_diff(near);
                if best.as_ref().is_none_or(|(d, _)| distance < *d) {
                    best = Some((distance, at..end));
                }
            }
            if !text.contains('\n') {
                break;
            }
        }
        best.map(|(_, range)| range)
    }

    fn inserted(
        &mut self,
        change: usize,
        old: &str,
        new: &str,
        replace_all: bool,
        near: Option<Near>,
    ) {
        if new.is_empty() {
            return;
        }
        // Agents that normalise line endings report `\n` for a file that uses `\r\n`.
        let (old, new): (Cow<'_, str>, Cow<'_, str>) =
            if self.content.contains("\r\n") && !new.contains('\r') {
                (
                    old.replace('\n', "\r\n").into(),
                    new.replace('\n', "\r\n").into(),
                )
            } else {
                (old.into(), new.into())
            };
        let parts = written_parts(&old, &new);
        if parts.is_empty() {
            return;
        }
        let written: Vec<Range<usize>> = parts.iter().flat_map(|p| p.written.clone()).collect();
        if let Some(near) = near
            && let Some(at) = self.at_hint(near, &new)
        {
            self.mark_at(at, &written);
            return;
        }
        let hits = self.find(&new);
        if hits.is_empty() {
            let has_context = parts.iter().any(|p| p.block != (0..new.len()));
            if !has_context {
                return self.unplaced(
                    change,
                    Unplaceable::NotFound {
                        excerpt: excerpt(&new),
                    },
                );
            }
            // The context around the change may have been edited since: look for each
            // changed block on its own.
            for part in &parts {
                let block = &new[part.block.clone()];
                let rel: Vec<Range<usize>> = part
                    .written
                    .iter()
                    .map(|r| r.start - part.block.start..r.end - part.block.start)
                    .collect();
                let hits = self.find(block);
                self.place(change, hits, &rel, block, replace_all, near);
            }
            return;
        }
        self.place(change, hits, &written, &new, replace_all, near);
    }

    /// Marks `written` (offsets into `text`) at each hit, following the ambiguity policy.
    fn place(
        &mut self,
        change: usize,
        hits: Vec<usize>,
        written: &[Range<usize>],
        text: &str,
        replace_all: bool,
        near: Option<Near>,
    ) {
        match hits.len() {
            0 => self.unplaced(
                change,
                Unplaceable::NotFound {
                    excerpt: excerpt(text),
                },
            ),
            1 => self.mark_at(hits[0], written),
            n => {
                if let Some(near) = near
                    && let Some(at) = self.nearest(&hits, near)
                {
                    return self.mark_at(at, written);
                }
                let blank = written.iter().all(|r| text[r.clone()].trim().is_empty());
                if blank && !replace_all {
                    return self.unplaced(change, Unplaceable::AmbiguousBlank { occurrences: n });
                }
                for at in hits {
                    self.mark_at(at, written);
                }
                if !replace_all {
                    self.out.ambiguous.push(Ambiguous {
                        change,
                        occurrences: n,
                    });
                }
            }
        }
    }

    fn mark_at(&mut self, at: usize, written: &[Range<usize>]) {
        for r in written {
            self.ranges.push(at + r.start..at + r.end);
        }
    }

    /// Start offsets of `needle` in the content, non-overlapping. A needle ending in a newline
    /// also matches at the very end of a file that lacks one.
    fn find(&self, needle: &str) -> Vec<usize> {
        let mut hits: Vec<usize> = self.content.match_indices(needle).map(|(i, _)| i).collect();
        if hits.is_empty()
            && let Some(trimmed) = needle.strip_suffix('\n')
            && !trimmed.is_empty()
            && self.content.ends_with(trimmed)
        {
            hits.push(self.content.len() - trimmed.len());
        }
        hits
    }

    /// The offset the hint points at, when `new` starts there. Which base the hint counts from
    /// is not documented, so 1-based and 0-based lines and columns (UTF-16, as editors count)
    /// are all tried; the text must match, so a wrong guess cannot mark the wrong bytes.
    fn at_hint(&self, near: Near, new: &str) -> Option<usize> {
        let lines = [near.line.checked_sub(1), Some(near.line)];
        let columns = [near.column.checked_sub(1), Some(near.column)];
        for line in lines.into_iter().flatten() {
            for column in columns.into_iter().flatten() {
                if let Ok(at) = self.index.offset(
                    self.content,
                    Position::new(line, column),
                    PositionEncoding::Utf16,
                ) && self.content[at..].starts_with(new)
                {
                    return Some(at);
                }
            }
        }
        None
    }

    /// The hit on the hinted line or next to it (either base), if exactly one is nearest.
    fn nearest(&self, hits: &[usize], near: Near) -> Option<usize> {
        let target = near.line.saturating_sub(1);
        let distance = |at: usize| self.index.line_of(at).abs_diff(target);
        let best = hits.iter().map(|&at| distance(at)).min()?;
        let mut closest = hits.iter().copied().filter(|&at| distance(at) == best);
        let at = closest.next()?;
        (best <= 1 && closest.next().is_none()).then_some(at)
    }

    fn whole_file(&mut self, change: usize, written: Option<&str>, edit: &HookEdit) {
        let content = self.content;
        match written {
            _ if content.is_empty() => {
                if written.is_some_and(|w| !w.is_empty()) {
                    self.unplaced(change, Unplaceable::Gone);
                }
            }
            None => self.ranges.push(0..content.len()),
            Some(w) if w == content => self.ranges.push(0..content.len()),
            Some("") => {}
            Some(w) => {
                let origin = Arc::new(edit.origin.clone());
                let map = crate::anchor::reanchor(w, content, &[(0..w.len(), origin)]);
                if map.is_empty() {
                    self.unplaced(change, Unplaceable::Gone);
                }
                self.ranges
                    .extend(map.spans().iter().map(|span| span.range.clone()));
            }
        }
    }
}

/// A changed block of `new` (whole lines) and the parts of it that differ from `old`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Part {
    block: Range<usize>,
    written: Vec<Range<usize>>,
}

fn line_diff<'a>(old: &'a str, new: &'a str) -> TextDiff<'a, 'a, 'a, str> {
    TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .timeout(Duration::from_secs(1))
        .diff_lines(old, new)
}

/// The parts of `new` that differ from `old`: inserted lines whole, and for replaced lines the
/// middle left once the common prefix and suffix are trimmed (line by line when as many lines
/// replace as were replaced, else over the whole block). Trailing line breaks are left out, as
/// for [`Change::Lines`].
fn written_parts(old: &str, new: &str) -> Vec<Part> {
    if old.is_empty() {
        let written = trim_line_break(new, 0..new.len());
        return if written.is_empty() {
            Vec::new()
        } else {
            vec![Part {
                block: 0..new.len(),
                written: vec![written],
            }]
        };
    }
    // Give both sides a final newline so that the last line compares equal whether or not the
    // agent's strings ended with one; offsets past `new` are clamped afterwards.
    let old_nl;
    let old = if old.ends_with('\n') {
        old
    } else {
        old_nl = format!("{old}\n");
        &old_nl
    };
    let new_nl;
    let padded = if new.ends_with('\n') {
        new
    } else {
        new_nl = format!("{new}\n");
        &new_nl
    };
    let clamp = |r: Range<usize>| r.start.min(new.len())..r.end.min(new.len());
    let diff = line_diff(old, padded);
    let old_at = offsets(diff.old_slices());
    let new_at = offsets(diff.new_slices());
    let mut parts = Vec::new();
    for op in diff.ops() {
        let (o, n) = (op.old_range(), op.new_range());
        let block = new_at[n.start]..new_at[n.end];
        let written = match op {
            DiffOp::Equal { .. } | DiffOp::Delete { .. } => continue,
            DiffOp::Insert { .. } => vec![block.clone()],
            DiffOp::Replace { .. } if o.len() == n.len() => o
                .zip(n)
                .map(|(i, j)| {
                    trimmed(
                        &old[old_at[i]..old_at[i + 1]],
                        padded,
                        new_at[j]..new_at[j + 1],
                    )
                })
                .collect(),
            DiffOp::Replace { .. } => {
                vec![trimmed(
                    &old[old_at[o.start]..old_at[o.end]],
                    padded,
                    block.clone(),
                )]
            }
        };
        let written: Vec<Range<usize>> = written
            .into_iter()
            .map(|r| trim_line_break(new, clamp(r)))
            .filter(|r| !r.is_empty())
            .collect();
        if !written.is_empty() {
            parts.push(Part {
                block: clamp(block),
                written,
            });
        }
    }
    parts
}

/// The part of `new[range]` left once its common prefix and suffix with `old` are trimmed. The
/// trim stops at word boundaries, so that `True` -> `False` marks `False`, not `Fals`, and a
/// renamed identifier is marked whole.
fn trimmed(old: &str, new: &str, range: Range<usize>) -> Range<usize> {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let b = &new[range.clone()];
    let mut prefix = common_prefix(old, b);
    while let (Some(before), Some(after)) =
        (b[..prefix].chars().next_back(), b[prefix..].chars().next())
        && is_word(before)
        && is_word(after)
    {
        prefix -= before.len_utf8();
    }
    let mut suffix = common_suffix(&old[prefix..], &b[prefix..]);
    while suffix > 0 {
        let at = b.len() - suffix;
        match (b[..at].chars().next_back(), b[at..].chars().next()) {
            (Some(before), Some(first)) if is_word(before) && is_word(first) => {
                suffix -= first.len_utf8();
            }
            _ => break,
        }
    }
    range.start + prefix..range.end - suffix
}

fn offsets(slices: &[&str]) -> Vec<usize> {
    let mut at = Vec::with_capacity(slices.len() + 1);
    at.push(0);
    let mut sum = 0;
    for s in slices {
        sum += s.len();
        at.push(sum);
    }
    at
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i)
        .min(b.len())
}

fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum()
}

fn trim_line_break(text: &str, range: Range<usize>) -> Range<usize> {
    let kept = text[range.clone()].trim_end_matches(['\n', '\r']).len();
    range.start..range.start + kept
}

fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.retain(|r| r.start < r.end);
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

fn excerpt(text: &str) -> String {
    let line = text.trim().lines().next().unwrap_or("");
    let short: String = line.chars().take(60).collect();
    if short.len() < line.len() || text.trim().contains('\n') {
        format!("{short:?}…")
    } else {
        format!("{short:?}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(content: &'a str, located: &Located) -> Vec<&'a str> {
        located.ranges.iter().map(|r| &content[r.clone()]).collect()
    }

    fn edit(changes: Vec<Change>) -> HookEdit {
        HookEdit {
            agent: Agent::ClaudeCode,
            path: "a.rs".into(),
            cwd: None,
            origin: Origin::new("claude-code", OriginKind::Agent),
            changes,
        }
    }

    fn err(json: &str) -> String {
        parse(json).unwrap_err().to_string()
    }

    #[test]
    fn agent_names_round_trip() {
        for agent in Agent::ALL {
            assert_eq!(agent.tool().parse::<Agent>(), Ok(agent));
        }
        assert_eq!("claude".parse::<Agent>(), Ok(Agent::ClaudeCode));
        assert_eq!("gemini".parse::<Agent>(), Ok(Agent::Gemini));
        assert!("copilot".parse::<Agent>().is_err());
    }

    #[test]
    fn added_lines_count_context_and_skip_removed() {
        let lines = [
            " a",
            "-b",
            "+B",
            "+C",
            " d",
            "-e",
            "\\ No newline at end of file",
            "+E",
        ];
        assert_eq!(
            added_lines(10, lines),
            vec![
                Change::Lines {
                    start: 11,
                    end: 12,
                    text: Some("B\nC".into())
                },
                Change::Lines {
                    start: 14,
                    end: 14,
                    text: Some("E".into())
                },
            ]
        );
    }

    #[test]
    fn unified_diff_skips_headers_and_reads_new_start() {
        let diff = "Index: a.py\n===\n--- a.py\tCurrent\n+++ a.py\tProposed\n\
                    @@ -1,2 +1,3 @@\n x = 1\n+y = 2\n z = 3\n@@ -9,1 +10,1 @@\n-old\n+new\n";
        assert_eq!(
            unified_diff(diff),
            vec![
                Change::Lines {
                    start: 2,
                    end: 2,
                    text: Some("y = 2".into())
                },
                Change::Lines {
                    start: 10,
                    end: 10,
                    text: Some("new".into())
                },
            ]
        );
    }

    #[test]
    fn written_parts_trim_shared_context() {
        let old = "let timeout = 30;\nlet retries = 3;";
        let new = "let timeout = 45;\nlet retries = 3;\nlet verify = false;";
        let parts = written_parts(old, new);
        let got: Vec<&str> = parts
            .iter()
            .flat_map(|p| p.written.iter().map(|r| &new[r.clone()]))
            .collect();
        assert_eq!(got, vec!["45", "let verify = false;"]);
        let old = "ttl = 300\nip = \"10.0.0.1\"\n";
        let new = "ttl = 60\nip = \"10.0.0.2\"\n";
        let parts = written_parts(old, new);
        let got: Vec<&str> = parts
            .iter()
            .flat_map(|p| p.written.iter().map(|r| &new[r.clone()]))
            .collect();
        assert_eq!(got, vec!["60", "2"]);
    }

    #[test]
    fn trimming_stops_at_word_boundaries() {
        let new = "verify = False, ages <= 3";
        let got = trimmed("verify = True, age < 3", new, 0..new.len());
        assert_eq!(&new[got], "False, ages <=");
        let new = "timeout_ms: 45";
        assert_eq!(&new[trimmed("timeout_ms: 30", new, 0..new.len())], "45");
    }

    #[test]
    fn written_parts_of_a_pure_deletion_are_empty() {
        assert!(written_parts("a\nb\nc\n", "a\nc\n").is_empty());
        assert!(written_parts("same", "same").is_empty());
    }

    #[test]
    fn common_affixes_respect_char_boundaries() {
        assert_eq!(common_prefix("héllo", "hélp"), 4);
        assert_eq!(common_suffix("añb", "xñb"), 3);
        assert_eq!(common_prefix("abc", "abcdef"), 3);
    }

    #[test]
    fn inserted_marks_only_the_differing_middle() {
        let content = "fn main() {\n    let timeout = 45;\n}\n";
        let e = edit(vec![Change::inserted(
            "    let timeout = 30;",
            "    let timeout = 45;",
        )]);
        let located = locate(&e, content);
        assert_eq!(texts(content, &located), vec!["45"]);
        assert!(located.unplaced.is_empty() && located.ambiguous.is_empty());
    }

    #[test]
    fn ambiguous_text_marks_every_occurrence_and_says_so() {
        let content = "a = check(token)\nb = check(token)\n";
        let e = edit(vec![Change::inserted("", "check(token)")]);
        let located = locate(&e, content);
        assert_eq!(
            texts(content, &located),
            vec!["check(token)", "check(token)"]
        );
        assert_eq!(
            located.ambiguous,
            vec![Ambiguous {
                change: 0,
                occurrences: 2
            }]
        );
    }

    #[test]
    fn replace_all_marks_every_occurrence_without_ambiguity() {
        let content = "x = new_name\ny = new_name\n";
        let e = edit(vec![Change::Inserted {
            old: "old_name".into(),
            new: "new_name".into(),
            replace_all: true,
            near: None,
        }]);
        let located = locate(&e, content);
        // Trimming stops at word boundaries: the renamed identifier is marked whole.
        assert_eq!(texts(content, &located), vec!["new_name", "new_name"]);
        assert!(located.ambiguous.is_empty());
    }

    #[test]
    fn blank_ambiguous_text_is_unplaced_not_marked_everywhere() {
        let content = "a\n    \nb\n    \n";
        let e = edit(vec![Change::inserted("", "    ")]);
        let located = locate(&e, content);
        assert!(located.ranges.is_empty());
        assert_eq!(
            located.unplaced[0].reason,
            Unplaceable::AmbiguousBlank { occurrences: 2 }
        );
    }

    #[test]
    fn a_position_hint_picks_the_occurrence() {
        let content = "if ok(a) {}\nif ok(a) {}\n";
        // 1-based line with a 1-based or a 0-based column.
        for near in [Near { line: 2, column: 4 }, Near { line: 2, column: 3 }] {
            let e = edit(vec![Change::Inserted {
                old: String::new(),
                new: "ok(a)".into(),
                replace_all: false,
                near: Some(near),
            }]);
            let located = locate(&e, content);
            assert_eq!(located.ranges, vec![15..20], "{near:?}");
            assert!(located.ambiguous.is_empty());
        }
    }

    #[test]
    fn missing_text_is_unplaced() {
        let e = edit(vec![Change::inserted("a", "verify(token)")]);
        let located = locate(&e, "nothing here\n");
        assert!(located.ranges.is_empty());
        assert!(matches!(
            located.unplaced[0].reason,
            Unplaceable::NotFound { .. }
        ));
        assert!(located.unplaced[0].to_string().contains("verify(token)"));
    }

    #[test]
    fn changed_context_falls_back_to_the_changed_block() {
        // The agent's context line was reformatted after the edit; the changed line is intact.
        let content = "fn f()  {\n    allow_all();\n}\n";
        let e = edit(vec![Change::inserted(
            "fn f() {\n    deny_all();\n}",
            "fn f() {\n    allow_all();\n}",
        )]);
        let located = locate(&e, content);
        assert_eq!(texts(content, &located), vec!["allow_all"]);
    }

    #[test]
    fn empty_new_records_nothing() {
        let e = edit(vec![Change::inserted("gone", "")]);
        assert!(locate(&e, "x\n").is_empty());
    }

    #[test]
    fn crlf_files_match_lf_strings() {
        let content = "a\r\nb = 2\r\nc\r\n";
        let e = edit(vec![Change::inserted("a\nb = 1\n", "a\nb = 2\n")]);
        let located = locate(&e, content);
        assert_eq!(texts(content, &located), vec!["2"]);
    }

    #[test]
    fn lines_become_whole_line_ranges_and_past_end_is_unplaced() {
        let content = "one\ntwo\nthree\n";
        let e = edit(vec![
            Change::Lines {
                start: 2,
                end: 3,
                text: None,
            },
            Change::Lines {
                start: 3,
                end: 5,
                text: None,
            },
            Change::Lines {
                start: 7,
                end: 7,
                text: None,
            },
        ]);
        let located = locate(&e, content);
        assert_eq!(texts(content, &located), vec!["two\nthree"]);
        assert_eq!(
            located.unplaced,
            vec![
                Unplaced {
                    change: 1,
                    reason: Unplaceable::PastEnd {
                        start: 4,
                        end: 5,
                        line_count: 3
                    }
                },
                Unplaced {
                    change: 2,
                    reason: Unplaceable::PastEnd {
                        start: 7,
                        end: 7,
                        line_count: 3
                    }
                },
            ]
        );
    }

    #[test]
    fn moved_lines_are_found_by_their_text() {
        // Two lines were added above since the hook ran.
        let content = "x\ny\none\nverify()\nthree\n";
        let e = edit(vec![Change::Lines {
            start: 2,
            end: 2,
            text: Some("verify()".into()),
        }]);
        let located = locate(&e, content);
        assert_eq!(texts(content, &located), vec!["verify()"]);
        let gone = edit(vec![Change::Lines {
            start: 2,
            end: 2,
            text: Some("deleted()".into()),
        }]);
        assert_eq!(
            locate(&gone, content).unplaced[0].reason,
            Unplaceable::LinesChanged { start: 2, end: 2 }
        );
    }

    #[test]
    fn whole_file_keeps_only_what_survives() {
        let written = "let a = 1;\nlet b = 2;\n";
        let e = edit(vec![Change::WholeFile {
            content: Some(written.into()),
        }]);
        assert_eq!(locate(&e, written).ranges, vec![0..written.len()]);
        let now = "let a = 1;\nlet b = 3;\n";
        let located = locate(&e, now);
        assert_eq!(texts(now, &located), vec!["let a = 1;\nlet b = ", ";\n"]);
        let gone = locate(&e, "");
        assert_eq!(gone.unplaced[0].reason, Unplaceable::Gone);
    }

    #[test]
    fn apply_patch_splits_files_and_keeps_context() {
        let patch = "*** Begin Patch\n*** Add File: new.txt\n+hello\n+world\n\
                     *** Update File: src/a.rs\n*** Move to: src/b.rs\n@@ fn main\n ctx\n-old\n+new\n \n\
                     *** Delete File: gone.rs\n*** End Patch\n";
        let files = apply_patch(patch, "tool_input.command").unwrap();
        assert_eq!(
            files,
            vec![
                (
                    "new.txt".to_string(),
                    vec![Change::WholeFile {
                        content: Some("hello\nworld\n".into())
                    }]
                ),
                (
                    "src/b.rs".to_string(),
                    vec![Change::inserted("ctx\nold\n\n", "ctx\nnew\n\n")]
                ),
            ]
        );
    }

    #[test]
    fn apply_patch_errors_name_the_field_and_line() {
        let e = apply_patch("hello", "tool_input.command").unwrap_err();
        assert_eq!(
            e.to_string(),
            "tool_input.command is not valid: it has no `*** Begin Patch` line"
        );
        let e = apply_patch(
            "*** Begin Patch\n*** Update File: a\n@@\n?bad\n",
            "tool_input.command",
        )
        .unwrap_err();
        assert!(e.to_string().contains("patch line 4"), "{e}");
    }

    #[test]
    fn malformed_payloads_name_what_is_wrong() {
        assert!(err("").contains("empty"));
        assert!(err("{\"tool_name\": ").contains("not valid JSON"));
        assert_eq!(
            err("[1]"),
            "the hook payload must be a JSON object, but it is an array"
        );
        assert_eq!(
            err(r#"{"hook_event_name":"PostToolUse","tool_name":"Edit","tool_input":{}}"#),
            "tool_input.file_path is missing"
        );
        assert_eq!(
            err(
                r#"{"hook_event_name":"PostToolUse","tool_name":"Edit","tool_input":{"file_path":3}}"#
            ),
            "tool_input.file_path must be a string, but it is a number"
        );
        assert_eq!(
            err(r#"{"hook_event_name":"PostToolUse","tool_name":"MultiEdit",
                    "tool_input":{"file_path":"a","edits":[{"old_string":"a","new_string":1}]}}"#),
            "tool_input.edits[0].new_string must be a string, but it is a number"
        );
        assert_eq!(
            err(r#"{"hook_event_name":"PostToolUse","tool_name":"Edit",
                    "tool_input":{"file_path":"a"},
                    "tool_response":{"structuredPatch":[{"newStart":"1","lines":[]}]}}"#),
            "tool_response.structuredPatch[0].newStart must be a non-negative integer, but it is a string"
        );
        assert_eq!(
            err(r#"{"hook_event_name":"afterFileEdit","file_path":"/a","edits":{}}"#),
            "edits must be an array, but it is an object"
        );
        assert!(err(r#"{"session_id":"x"}"#).contains("neither hook_event_name nor tool_name"));
    }

    #[test]
    fn pre_edit_events_are_errors_and_other_events_are_empty() {
        let pre = err(
            r#"{"hook_event_name":"PreToolUse","tool_name":"Write","tool_input":{"file_path":"a","content":"x"}}"#,
        );
        assert!(
            pre.contains("PreToolUse") && pre.contains("PostToolUse"),
            "{pre}"
        );
        for payload in [
            r#"{"hook_event_name":"PostToolUse","tool_name":"Read","tool_input":{"file_path":"a"}}"#,
            r#"{"hook_event_name":"Stop","session_id":"s"}"#,
            r#"{"hook_event_name":"PostToolUseFailure","tool_name":"Edit","tool_input":{}}"#,
            r#"{"hook_event_name":"beforeReadFile","file_path":"/a","content":"x"}"#,
            r#"{"hook_event_name":"PostToolUse","tool_name":"Bash","turn_id":"t","tool_input":{"command":"ls"}}"#,
            r#"{"hook_event_name":"AfterTool","tool_name":"run_shell_command","tool_input":{"command":"ls"}}"#,
            r#"{"hook_event_name":"AfterTool","tool_name":"write_file","tool_input":{"file_path":"a","content":"x"},"tool_response":{"error":{"message":"denied"}}}"#,
        ] {
            assert_eq!(parse(payload).unwrap(), Vec::new(), "{payload}");
        }
    }

    #[test]
    fn detection_picks_the_agent() {
        let cases = [
            (
                r#"{"hook_event_name":"afterFileEdit","file_path":"/a","edits":[]}"#,
                Agent::Cursor,
            ),
            (
                r#"{"hook_event_name":"AfterTool","tool_name":"replace","tool_input":{"file_path":"/a","old_string":"a","new_string":"b"}}"#,
                Agent::Gemini,
            ),
            (
                r#"{"hook_event_name":"PostToolUse","tool_name":"apply_patch","turn_id":"1","tool_input":{"command":"*** Begin Patch\n*** Add File: a\n+x\n*** End Patch"}}"#,
                Agent::Codex,
            ),
            (
                r#"{"hook_event_name":"PostToolUse","tool_name":"Write","tool_input":{"file_path":"/a","content":"x"}}"#,
                Agent::ClaudeCode,
            ),
        ];
        for (payload, agent) in cases {
            let edits = parse(payload).unwrap();
            assert!(edits.iter().all(|e| e.agent == agent), "{payload}");
        }
    }

    #[test]
    fn claude_multiedit_without_a_patch_uses_the_edits() {
        let payload = r#"{"hook_event_name":"PostToolUse","tool_name":"MultiEdit","session_id":"s1",
            "tool_input":{"file_path":"src/a.rs","edits":[
                {"old_string":"a","new_string":"b"},
                {"old_string":"c","new_string":"d","replace_all":true}]}}"#;
        let edits = parse(payload).unwrap();
        assert_eq!(edits[0].origin.session.as_deref(), Some("s1"));
        assert_eq!(
            edits[0].changes,
            vec![
                Change::inserted("a", "b"),
                Change::Inserted {
                    old: "c".into(),
                    new: "d".into(),
                    replace_all: true,
                    near: None
                },
            ]
        );
    }

    #[test]
    fn claude_write_update_with_an_empty_patch_changed_nothing() {
        let payload = r#"{"hook_event_name":"PostToolUse","tool_name":"Write",
            "tool_input":{"file_path":"/a","content":"x\n"},
            "tool_response":{"type":"update","filePath":"/a","content":"x\n","structuredPatch":[],"originalFile":"x\n"}}"#;
        assert_eq!(parse(payload).unwrap()[0].changes, Vec::new());
    }

    #[test]
    fn gemini_falls_back_to_tool_input() {
        let write = r#"{"hook_event_name":"AfterTool","tool_name":"write_file","session_id":"g",
            "tool_input":{"file_path":"/w/a.sh","content":"echo hi\n"},
            "tool_response":{"llmContent":"ok","returnDisplay":"ok"}}"#;
        assert_eq!(
            parse(write).unwrap()[0].changes,
            vec![Change::WholeFile {
                content: Some("echo hi\n".into())
            }]
        );
        let replace = r#"{"hook_event_name":"AfterTool","tool_name":"replace",
            "tool_input":{"file_path":"/w/a.py","old_string":"a = 1","new_string":"a = 2","expected_replacements":2}}"#;
        assert_eq!(
            parse(replace).unwrap()[0].changes,
            vec![Change::Inserted {
                old: "a = 1".into(),
                new: "a = 2".into(),
                replace_all: true,
                near: None
            }]
        );
        let diff_only = r#"{"hook_event_name":"AfterTool","tool_name":"replace",
            "tool_input":{"file_path":"/w/a.py","old_string":"a = 1","new_string":"a = 2"},
            "tool_response":{"returnDisplay":{"fileName":"a.py","fileDiff":"--- a.py\n+++ a.py\n@@ -4,1 +4,1 @@\n-a = 1\n+a = 2\n"}}}"#;
        assert_eq!(
            parse(diff_only).unwrap()[0].changes,
            vec![Change::Lines {
                start: 4,
                end: 4,
                text: Some("a = 2".into())
            }]
        );
    }

    #[test]
    fn resolved_path_joins_relative_paths_to_cwd() {
        let mut e = edit(Vec::new());
        e.path = "src/a.rs".into();
        e.cwd = Some("/repo".into());
        assert_eq!(e.resolved_path(), PathBuf::from("/repo/src/a.rs"));
        e.path = "/abs/a.rs".into();
        assert_eq!(e.resolved_path(), PathBuf::from("/abs/a.rs"));
    }
}
