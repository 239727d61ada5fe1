//! Agent Trace records (agent-trace.dev; the specification and its JSON schema are in
//! github.com/cursor/agent-trace, README.md and schemas.ts). A record names files, and in
//! each the conversations that wrote line ranges, with a contributor (`ai`, `human`, `mixed`,
//! `unknown`) and a model id. Agents append them, one JSON object per line, to
//! `.agent-trace/traces.jsonl`. Versions 0.1 (`"0.1.0"`) and 1.0 (`"1.0"`) share this shape.
//! Pure: no IO.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::lines;
use crate::origin::{Origin, OriginKind};

/// Where agents keep their records in a repository.
pub const TRACES_PATH: &str = ".agent-trace/traces.jsonl";

/// The versions redline reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    V0_1,
    V1_0,
}

impl Version {
    pub fn as_str(self) -> &'static str {
        match self {
            Version::V0_1 => "0.1.0",
            Version::V1_0 => "1.0",
        }
    }

    /// `0.1`, `0.1.0` and `1.0`, `1.x` are understood; anything else is not.
    pub fn of(s: &str) -> Option<Version> {
        let mut parts = s.split('.');
        match (parts.next(), parts.next()) {
            (Some("0"), Some("1")) => Some(Version::V0_1),
            (Some("1"), Some(minor)) if minor.chars().all(|c| c.is_ascii_digit()) => {
                Some(Version::V1_0)
            }
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ContributorType {
    Human,
    Ai,
    Mixed,
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contributor {
    #[serde(rename = "type")]
    pub kind: ContributorType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TraceRange {
    pub start_line: u32,
    pub end_line: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_hash: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contributor: Option<Contributor>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conversation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contributor: Option<Contributor>,
    pub ranges: Vec<TraceRange>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<serde_json::Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TraceFile {
    pub path: String,
    pub conversations: Vec<Conversation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Vcs {
    #[serde(rename = "type")]
    pub kind: String,
    pub revision: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tool {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TraceRecord {
    pub version: String,
    pub id: String,
    pub timestamp: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vcs: Option<Vcs>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool: Option<Tool>,
    pub files: Vec<TraceFile>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<serde_json::Value>,
}

/// Who wrote some lines, according to a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attribution {
    Ai(Origin),
    Human,
    Unknown,
}

/// Lines of one file attributed by a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attributed {
    pub path: String,
    pub lines: BTreeSet<u32>,
    pub who: Attribution,
}

/// Parses records: a JSON Lines file (one record per line), or a file holding one record or
/// an array of them. Returns the records and, for each one that could not be read, its
/// 1-based line (0 for a whole-file JSON document) and why.
pub fn parse(text: &str) -> (Vec<TraceRecord>, Vec<(usize, String)>) {
    let mut records = Vec::new();
    let mut errors = Vec::new();
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') {
        match serde_json::from_str::<Vec<serde_json::Value>>(text) {
            Ok(values) => {
                for v in values {
                    match record_of(v) {
                        Ok(r) => records.push(r),
                        Err(e) => errors.push((0, e)),
                    }
                }
            }
            Err(e) => errors.push((0, e.to_string())),
        }
        return (records, errors);
    }
    // A pretty-printed single record spans many lines.
    if let Ok(v) = serde_json::from_str::<serde_json::Value>(text)
        && text.trim().lines().count() > 1
    {
        match record_of(v) {
            Ok(r) => records.push(r),
            Err(e) => errors.push((0, e)),
        }
        return (records, errors);
    }
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let parsed = serde_json::from_str::<serde_json::Value>(line)
            .map_err(|e| e.to_string())
            .and_then(record_of);
        match parsed {
            Ok(r) => records.push(r),
            Err(e) => errors.push((i + 1, e)),
        }
    }
    (records, errors)
}

fn record_of(v: serde_json::Value) -> Result<TraceRecord, String> {
    let record: TraceRecord = serde_json::from_value(v).map_err(|e| e.to_string())?;
    if Version::of(&record.version).is_none() {
        return Err(format!(
            "Agent Trace version `{}` is not one redline reads (0.1, 1.0)",
            record.version
        ));
    }
    for f in &record.files {
        for c in &f.conversations {
            for r in &c.ranges {
                if r.start_line == 0 || r.end_line < r.start_line {
                    return Err(format!(
                        "{}: range {}-{} is not a 1-based line range",
                        f.path, r.start_line, r.end_line
                    ));
                }
            }
        }
    }
    Ok(record)
}

/// What a record says about each file's lines.
pub fn attributions(record: &TraceRecord) -> Vec<Attributed> {
    let tool = record
        .tool
        .as_ref()
        .map(|t| t.name.clone())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "unknown".into());
    let mut out = Vec::new();
    for file in &record.files {
        for conv in &file.conversations {
            for range in &conv.ranges {
                let contributor = range.contributor.as_ref().or(conv.contributor.as_ref());
                let who = match contributor.map(|c| &c.kind) {
                    Some(ContributorType::Ai) | Some(ContributorType::Mixed) => {
                        let mut o = Origin::new(tool.clone(), OriginKind::Agent);
                        o.model = contributor.and_then(|c| c.model_id.clone());
                        o.session = conv.url.clone();
                        Attribution::Ai(o)
                    }
                    Some(ContributorType::Human) => Attribution::Human,
                    Some(ContributorType::Unknown) | None => Attribution::Unknown,
                };
                out.push(Attributed {
                    path: file.path.clone(),
                    lines: (range.start_line..=range.end_line).collect(),
                    who,
                });
            }
        }
    }
    out
}

/// One record per tool for AI-written lines (`path` -> origin and lines), as `version`.
/// `id_for` makes a record id (a UUID) from the tool's name; `timestamp` is RFC 3339.
pub fn records_for(
    version: Version,
    files: &BTreeMap<String, Vec<(Origin, BTreeSet<u32>)>>,
    revision: Option<&str>,
    timestamp: &str,
    id_for: impl Fn(&str) -> String,
) -> Vec<TraceRecord> {
    let mut by_tool: BTreeMap<String, BTreeMap<String, Vec<Conversation>>> = BTreeMap::new();
    for (path, spans) in files {
        for (origin, set) in spans {
            if set.is_empty() {
                continue;
            }
            let convs = by_tool
                .entry(origin.tool.clone())
                .or_default()
                .entry(path.clone())
                .or_default();
            convs.push(Conversation {
                url: origin.session.clone().filter(|s| s.contains("://")),
                contributor: Some(Contributor {
                    kind: ContributorType::Ai,
                    model_id: origin.model.clone(),
                }),
                ranges: lines::runs(set)
                    .into_iter()
                    .map(|(a, b)| TraceRange {
                        start_line: a,
                        end_line: b,
                        content_hash: None,
                        contributor: None,
                    })
                    .collect(),
                related: Vec::new(),
            });
        }
    }
    by_tool
        .into_iter()
        .map(|(tool, files)| TraceRecord {
            version: version.as_str().into(),
            id: id_for(&tool),
            timestamp: timestamp.to_string(),
            vcs: revision.map(|r| Vcs {
                kind: "git".into(),
                revision: r.to_string(),
            }),
            tool: Some(Tool {
                name: tool,
                version: None,
            }),
            files: files
                .into_iter()
                .map(|(path, conversations)| TraceFile {
                    path,
                    conversations,
                })
                .collect(),
            metadata: Some(serde_json::json!({ "dev.redline": { "exported": true } })),
        })
        .collect()
}

/// A UUID (version 4 layout) made from 16 bytes of a hash.
pub fn uuid_from(bytes: &[u8; 16]) -> String {
    let mut b = *bytes;
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

/// Seconds since the Unix epoch as an RFC 3339 UTC timestamp.
pub fn rfc3339(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Howard Hinnant's civil-from-days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The specification's example record (version 0.1.0), on one line.
    const V01: &str = r#"{"version":"0.1.0","id":"550e8400-e29b-41d4-a716-446655440000","timestamp":"2026-01-23T14:30:00Z","vcs":{"type":"git","revision":"a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0"},"tool":{"name":"cursor","version":"2.4.0"},"files":[{"path":"src/utils/parser.ts","conversations":[{"url":"https://api.cursor.com/v1/conversations/12345","contributor":{"type":"ai","model_id":"anthropic/claude-opus-4-5-20251101"},"ranges":[{"start_line":42,"end_line":67,"content_hash":"murmur3:9f2e8a1b"}],"related":[{"type":"session","url":"https://api.cursor.com/v1/sessions/67890"}]}]}],"metadata":{"confidence":0.95}}"#;

    #[test]
    fn both_versions_parse_and_bad_lines_are_named() {
        let v10 = V01.replace("\"0.1.0\"", "\"1.0\"");
        let human = r#"{"version":"1.0","id":"x","timestamp":"t","files":[{"path":"a.rs","conversations":[{"contributor":{"type":"human"},"ranges":[{"start_line":1,"end_line":2}]}]}]}"#;
        let text = format!(
            "{V01}\nnot json\n\n{v10}\n{}\n{human}\n",
            V01.replace("0.1.0", "2.0")
        );
        let (records, errors) = parse(&text);
        assert_eq!(records.len(), 3);
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].0, 2);
        assert_eq!(errors[1].0, 5);
        assert!(errors[1].1.contains("2.0"), "{}", errors[1].1);
        let a = attributions(&records[0]);
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].lines.len(), 26);
        let Attribution::Ai(o) = &a[0].who else {
            panic!("{a:?}")
        };
        assert_eq!(o.tool, "cursor");
        assert_eq!(
            o.model.as_deref(),
            Some("anthropic/claude-opus-4-5-20251101")
        );
        assert_eq!(attributions(&records[2])[0].who, Attribution::Human);
    }

    #[test]
    fn exported_records_read_back_in_both_versions() {
        let mut o = Origin::new("claude-code", OriginKind::Agent);
        o.model = Some("anthropic/claude-opus-4".into());
        let mut files = BTreeMap::new();
        files.insert(
            "src/a.rs".to_string(),
            vec![(o, [3, 4, 5, 9].into_iter().collect())],
        );
        for version in [Version::V0_1, Version::V1_0] {
            let records = records_for(version, &files, Some("abc"), &rfc3339(0), |_| {
                uuid_from(&[7; 16])
            });
            let text: Vec<String> = records
                .iter()
                .map(|r| serde_json::to_string(r).unwrap())
                .collect();
            let (back, errors) = parse(&text.join("\n"));
            assert!(errors.is_empty(), "{errors:?}");
            assert_eq!(back, records);
            assert_eq!(back[0].version, version.as_str());
            let a = attributions(&back[0]);
            let lines: BTreeSet<u32> = a.iter().flat_map(|x| x.lines.iter().copied()).collect();
            assert_eq!(lines, [3, 4, 5, 9].into_iter().collect());
        }
    }

    #[test]
    fn timestamps_and_ids_are_well_formed() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_769_178_600), "2026-01-23T14:30:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        let id = uuid_from(&[0xff; 16]);
        assert_eq!(id.len(), 36);
        assert_eq!(&id[14..15], "4");
    }
}
