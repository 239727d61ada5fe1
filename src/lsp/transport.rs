//! The wire between the client and tower-lsp-server, with a guard in front.
//!
//! tower-lsp-server stops reading at the first body it cannot decode, which would end the
//! session on one bad message. So the server is given a pipe instead of stdin: a reader task
//! splits the client's stream into messages itself, passes on those that are JSON-RPC, and
//! answers the rest with a JSON-RPC error (through a writer task that owns stdout and puts
//! whole messages from the server and from the guard one after another).

use serde_json::{Value, json};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::mpsc;

/// Bodies larger than this are refused rather than buffered.
pub const MAX_BODY: usize = 256 * 1024 * 1024;

/// A header line longer than this is not a header: only its tail is kept, which is enough to
/// find a `Content-Length` header that junk ran into.
const MAX_HEADER_LINE: usize = 8 * 1024;
const KEPT_TAIL: usize = 256;

/// One framed message read from a stream.
#[derive(Debug, PartialEq, Eq)]
enum Frame {
    /// A body, and how many bytes of junk (not a message) came before its header.
    Body { body: Vec<u8>, junk: usize },
    /// A header block that cannot be used; the string says why.
    BadHeader(String),
    /// A `Content-Length` over [`MAX_BODY`]. Its body is not read: what follows is treated as
    /// junk until the next header, so that a lying length cannot swallow the stream.
    TooLarge(usize),
    /// The stream ended; `junk` bytes that were not a message came last.
    Eof { junk: usize },
}

/// Splits a byte stream into messages, and finds the next header again after junk: bytes
/// between messages, or the rest of a body whose `Content-Length` was too short. A length that
/// was too long swallows the start of the next message; [`Framer::unread`] gives it back.
/// Memory is bounded by the longest body accepted, never by junk.
struct Framer<R> {
    inner: R,
    buf: Vec<u8>,
    pos: usize,
}

/// Where a `Content-Length` header starts in `line` (without its line break): the last
/// occurrence, case-insensitively, that is followed by a colon and digits up to the end of the
/// line, so that text inside a JSON body is never taken for a header.
fn header_start(line: &[u8]) -> Option<usize> {
    const NAME: &[u8] = b"content-length";
    if line.len() < NAME.len() {
        return None;
    }
    (0..=line.len() - NAME.len()).rev().find(|&i| {
        line[i..i + NAME.len()].eq_ignore_ascii_case(NAME)
            && line[i + NAME.len()..]
                .trim_ascii()
                .strip_prefix(b":")
                .map(<[u8]>::trim_ascii)
                .is_some_and(|v| !v.is_empty() && v.iter().all(u8::is_ascii_digit))
    })
}

/// Where a complete `Content-Length` header line starts inside a body, if one does: the sign
/// that the body's own length was too long and it swallowed the next message.
fn embedded_header(body: &[u8]) -> Option<usize> {
    let mut line_start = 0;
    for (i, &b) in body.iter().enumerate() {
        if b == b'\n' {
            let line = body[line_start..i]
                .strip_suffix(b"\r")
                .unwrap_or(&body[line_start..i]);
            if let Some(at) = header_start(line) {
                return Some(line_start + at);
            }
            line_start = i + 1;
        }
    }
    None
}

/// Where the next message starts inside a body that is not JSON, when its `Content-Length`
/// was too long: right after a first complete JSON value followed by something else, or at a
/// `Content-Length` header line inside it (a header sent without its body).
fn overrun(body: &[u8]) -> Option<usize> {
    let mut values =
        serde_json::Deserializer::from_slice(body).into_iter::<serde::de::IgnoredAny>();
    if let Some(Ok(_)) = values.next() {
        let end = values.byte_offset();
        if end > 0 && end < body.len() {
            return Some(end);
        }
    }
    embedded_header(body)
}

/// `Name: value` with a token for a name.
fn looks_like_header(line: &[u8]) -> bool {
    line.iter().position(|&b| b == b':').is_some_and(|i| {
        i > 0
            && line[..i]
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
    })
}

impl<R: AsyncRead + Unpin> Framer<R> {
    fn new(inner: R) -> Self {
        Framer {
            inner,
            buf: Vec::with_capacity(64 * 1024),
            pos: 0,
        }
    }

    /// Reads more from the stream into the buffer; `false` at the end of the stream.
    async fn fill(&mut self) -> std::io::Result<bool> {
        if self.pos == self.buf.len() {
            self.buf.clear();
            self.pos = 0;
        }
        let mut chunk = [0u8; 16 * 1024];
        let n = self.inner.read(&mut chunk).await?;
        self.buf.extend_from_slice(&chunk[..n]);
        Ok(n > 0)
    }

    /// Puts `bytes` back in front of what is still unread.
    fn unread(&mut self, bytes: &[u8]) {
        self.buf.splice(self.pos..self.pos, bytes.iter().copied());
    }

    /// One line with its `\n` (of which at most [`MAX_HEADER_LINE`] bytes are kept, the
    /// tail), and its full length; a length of 0 at the end of the stream.
    async fn line(&mut self) -> std::io::Result<(Vec<u8>, usize)> {
        let mut line = Vec::new();
        let mut total = 0;
        loop {
            if self.pos == self.buf.len() && !self.fill().await? {
                return Ok((line, total));
            }
            let avail = &self.buf[self.pos..];
            let (take, done) = match avail.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (avail.len(), false),
            };
            line.extend_from_slice(&avail[..take]);
            self.pos += take;
            total += take;
            if line.len() > MAX_HEADER_LINE {
                line.drain(..line.len() - KEPT_TAIL);
            }
            if done {
                return Ok((line, total));
            }
        }
    }

    /// Exactly `n` bytes, the buffer growing only as they arrive (a length that lies costs
    /// nothing until the bytes come).
    async fn body(&mut self, n: usize) -> std::io::Result<Vec<u8>> {
        let from_buf = n.min(self.buf.len() - self.pos);
        let mut body = Vec::with_capacity(from_buf.max(n.min(64 * 1024)));
        body.extend_from_slice(&self.buf[self.pos..self.pos + from_buf]);
        self.pos += from_buf;
        let rest = (n - from_buf) as u64;
        if rest > 0 {
            (&mut self.inner).take(rest).read_to_end(&mut body).await?;
        }
        if body.len() < n {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        Ok(body)
    }

    async fn frame(&mut self) -> std::io::Result<Frame> {
        let mut length: Option<usize> = None;
        let mut saw_header = false;
        let mut bad: Option<String> = None;
        let mut junk = 0;
        loop {
            let (line, total) = self.line().await?;
            if total == 0 {
                return Ok(if saw_header {
                    Frame::BadHeader("the stream ended inside a header".into())
                } else {
                    Frame::Eof { junk }
                });
            }
            let mut text: &[u8] = &line;
            while let Some(rest) = text
                .strip_suffix(b"\n")
                .or_else(|| text.strip_suffix(b"\r"))
            {
                text = rest;
            }
            if text.is_empty() {
                if !saw_header {
                    // Stray blank lines between messages are harmless.
                    continue;
                }
                break;
            }
            match header_start(text) {
                Some(0) => {}
                Some(i) => {
                    // Junk ran into a header: drop the junk, and any header lines before it.
                    junk += total - (line.len() - i);
                    length = None;
                    bad = None;
                    text = &text[i..];
                }
                None if !saw_header && !looks_like_header(text) => {
                    // Not a header, and no header started: junk between messages.
                    junk += total;
                    continue;
                }
                None => {}
            }
            saw_header = true;
            let text = String::from_utf8_lossy(text);
            match text.split_once(':') {
                Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                    match value.trim().parse::<usize>() {
                        Ok(n) => length = Some(n),
                        Err(_) => {
                            bad = Some(format!(
                                "Content-Length `{}` is not a number",
                                excerpt(value.trim())
                            ))
                        }
                    }
                }
                Some(_) => {}
                None => bad = Some(format!("`{}` is not a header line", excerpt(&text))),
            }
        }
        if let Some(why) = bad {
            return Ok(Frame::BadHeader(why));
        }
        let Some(length) = length else {
            return Ok(Frame::BadHeader(
                "a message has no Content-Length header".into(),
            ));
        };
        if length > MAX_BODY {
            return Ok(Frame::TooLarge(length));
        }
        let body = self.body(length).await?;
        Ok(Frame::Body { body, junk })
    }
}

/// At most 80 characters of `s`, for an error message.
fn excerpt(s: &str) -> String {
    let mut out: String = s.chars().take(80).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

fn header(len: usize) -> Vec<u8> {
    format!("Content-Length: {len}\r\n\r\n").into_bytes()
}

fn error_response(id: Value, code: i64, message: String) -> Vec<u8> {
    let v = json!({ "jsonrpc": "2.0", "id": id, "error": { "code": code, "message": message } });
    serde_json::to_vec(&v).unwrap_or_default()
}

/// What to do with one body from the client.
enum Verdict {
    Forward,
    /// Answer with this error response instead; `parsed` says whether the body was JSON.
    Answer {
        reply: Vec<u8>,
        parsed: bool,
    },
}

/// Accepts what tower-lsp-server can decode: a JSON object that is a request, a notification
/// or a response. Everything else gets the error JSON-RPC prescribes.
fn judge(body: &[u8]) -> Verdict {
    let Ok(text) = std::str::from_utf8(body) else {
        return Verdict::Answer {
            reply: error_response(
                Value::Null,
                -32700,
                "Parse error: the message body is not valid UTF-8".into(),
            ),
            parsed: false,
        };
    };
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return Verdict::Answer {
                reply: error_response(
                    Value::Null,
                    -32700,
                    format!("Parse error: the message body is not JSON ({e})"),
                ),
                parsed: false,
            };
        }
    };
    let Some(obj) = value.as_object() else {
        return Verdict::Answer {
            reply: error_response(
                Value::Null,
                -32600,
                "Invalid Request: a message must be a JSON object (batches are not supported)"
                    .into(),
            ),
            parsed: true,
        };
    };
    let id = obj.get("id").cloned();
    let id_ok = id
        .as_ref()
        .is_none_or(|i| i.is_string() || i.is_i64() || i.is_u64() || i.is_null());
    let invalid = |why: &str| {
        let id = id.clone().filter(|_| id_ok).unwrap_or(Value::Null);
        Verdict::Answer {
            reply: error_response(id, -32600, format!("Invalid Request: {why}")),
            parsed: true,
        }
    };
    if obj.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        return invalid("`jsonrpc` must be \"2.0\"");
    }
    if !id_ok {
        return invalid("`id` must be a number or a string");
    }
    match obj.get("method") {
        // tower-lsp-server drops its own "method not found" answer to any `$/` method, which
        // is right for notifications but leaves a request unanswered; redline implements no
        // `$/` request, so the guard answers them as LSP says.
        Some(Value::String(m))
            if m.starts_with("$/") && id.as_ref().is_some_and(|i| !i.is_null()) =>
        {
            Verdict::Answer {
                reply: error_response(
                    id.clone().unwrap_or(Value::Null),
                    -32601,
                    format!("Method not found: {m}"),
                ),
                parsed: true,
            }
        }
        Some(Value::String(_)) => {
            let params_ok = obj
                .get("params")
                .is_none_or(|p| p.is_object() || p.is_array() || p.is_null());
            if params_ok {
                Verdict::Forward
            } else {
                invalid("`params` must be an object or an array")
            }
        }
        Some(_) => invalid("`method` must be a string"),
        None if id.is_some() && (obj.contains_key("result") || obj.contains_key("error")) => {
            Verdict::Forward
        }
        None => invalid("a message needs a `method`, or an `id` with a `result` or `error`"),
    }
}

/// Copies the client's messages to `server_in`, answering bad ones through `replies`.
pub async fn guard_input<R, W>(client: R, mut server_in: W, replies: mpsc::UnboundedSender<Vec<u8>>)
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut framer = Framer::new(client);
    let parse_error = |message: String| error_response(Value::Null, -32700, message);
    loop {
        let frame = match framer.frame().await {
            Ok(f) => f,
            // The client's end is gone (or a body was cut short by the end of the stream):
            // let the server see the end of its input.
            Err(_) => break,
        };
        match frame {
            Frame::Eof { junk } => {
                if junk > 0 {
                    let _ = replies.send(parse_error(format!(
                        "Parse error: {junk} bytes at the end of the stream are not a message"
                    )));
                }
                break;
            }
            Frame::Body { body, junk } => {
                if junk > 0 {
                    let _ = replies.send(parse_error(format!(
                        "Parse error: skipped {junk} bytes that are not a message (a Content-Length too short, or junk between messages)"
                    )));
                }
                match judge(&body) {
                    Verdict::Forward => {
                        let sent = async {
                            server_in.write_all(&header(body.len())).await?;
                            server_in.write_all(&body).await
                        };
                        if sent.await.is_err() {
                            break;
                        }
                    }
                    Verdict::Answer { reply, parsed } => {
                        let _ = replies.send(reply);
                        if !parsed && let Some(at) = overrun(&body) {
                            // The body's length was too long: it ran into the next message.
                            // Read that message again from where it starts.
                            framer.unread(&body[at..]);
                        }
                    }
                }
            }
            Frame::BadHeader(why) => {
                let _ = replies.send(parse_error(format!("Parse error: {why}")));
            }
            Frame::TooLarge(n) => {
                let _ = replies.send(error_response(
                    Value::Null,
                    -32600,
                    format!(
                        "Invalid Request: a message of {n} bytes is larger than the {MAX_BODY} bytes redline accepts; its body is skipped up to the next header"
                    ),
                ));
            }
        }
    }
    let _ = server_in.shutdown().await;
}

/// Writes the server's messages and the guard's replies to `client`, whole messages at a time.
pub async fn merge_output<R, W>(
    server_out: R,
    mut client: W,
    mut replies: mpsc::UnboundedReceiver<Vec<u8>>,
) where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut framer = Framer::new(server_out);
    let mut server_open = true;
    let mut replies_open = true;
    while server_open || replies_open {
        tokio::select! {
            frame = framer.frame(), if server_open => match frame {
                Ok(Frame::Body { body, .. }) => {
                    if write_message(&mut client, &body).await.is_err() { break; }
                }
                _ => server_open = false,
            },
            reply = replies.recv(), if replies_open => match reply {
                Some(body) => {
                    if write_message(&mut client, &body).await.is_err() { break; }
                }
                None => replies_open = false,
            },
        }
        if !server_open {
            // The server is done; send what the guard still has, then stop.
            while let Ok(body) = replies.try_recv() {
                let _ = write_message(&mut client, &body).await;
            }
            break;
        }
    }
    let _ = client.flush().await;
}

async fn write_message<W: AsyncWrite + Unpin>(client: &mut W, body: &[u8]) -> std::io::Result<()> {
    client.write_all(&header(body.len())).await?;
    client.write_all(body).await?;
    client.flush().await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judge_accepts_messages_and_refuses_the_rest() {
        assert!(matches!(
            judge(br#"{"jsonrpc":"2.0","id":1,"method":"x"}"#),
            Verdict::Forward
        ));
        assert!(matches!(
            judge(br#"{"jsonrpc":"2.0","method":"x","params":{}}"#),
            Verdict::Forward
        ));
        assert!(matches!(
            judge(br#"{"jsonrpc":"2.0","id":1,"result":null}"#),
            Verdict::Forward
        ));
        for bad in [
            &b"{not json"[..],
            b"\xff\xfe",
            b"[]",
            br#"{"hello":"world"}"#,
        ] {
            assert!(matches!(judge(bad), Verdict::Answer { .. }));
        }
        let Verdict::Answer { reply, .. } = judge(br#"{"jsonrpc":"2.0","id":7,"method":5}"#) else {
            panic!("a bad method must be answered");
        };
        let v: Value = serde_json::from_slice(&reply).unwrap();
        assert_eq!(v["id"], 7);
        assert_eq!(v["error"]["code"], -32600);
    }

    fn frames(input: &[u8]) -> Vec<Frame> {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        rt.block_on(async {
            let mut framer = Framer::new(input);
            let mut out = Vec::new();
            loop {
                match framer.frame().await {
                    Ok(Frame::Eof { junk }) => {
                        out.push(Frame::Eof { junk });
                        return out;
                    }
                    Ok(Frame::Body { body, junk }) => {
                        if serde_json::from_slice::<Value>(&body).is_err()
                            && let Some(at) = overrun(&body)
                        {
                            framer.unread(&body[at..]);
                            out.push(Frame::Body {
                                body: body[..at].to_vec(),
                                junk,
                            });
                        } else {
                            out.push(Frame::Body { body, junk });
                        }
                    }
                    Ok(f) => out.push(f),
                    Err(_) => return out,
                }
            }
        })
    }

    fn body(s: &str, junk: usize) -> Frame {
        Frame::Body {
            body: s.as_bytes().to_vec(),
            junk,
        }
    }

    #[test]
    fn the_framer_finds_the_next_header_after_a_length_that_lies() {
        let a = r#"{"a":1}"#;
        let b = r#"{"b":2}"#;
        // Too short: the rest of the body is junk before the next header.
        let short = format!("Content-Length: 4\r\n\r\n{a}Content-Length: 7\r\n\r\n{b}");
        assert_eq!(
            frames(short.as_bytes()),
            vec![body("{\"a\"", 0), body(b, 3), Frame::Eof { junk: 0 }]
        );
        // Too long: the body runs into the next message, which is read again.
        let long = format!("Content-Length: 40\r\n\r\n{a}Content-Length: 7\r\n\r\n{b}{a}{b}{a}");
        let got = frames(long.as_bytes());
        assert_eq!(got[0], body(a, 0));
        assert_eq!(got[1], body(b, 0));
        // Too long by less than a header: the next message's header is cut, and mended.
        let cut = format!("Content-Length: 12\r\n\r\n{a}Content-Length: 7\r\n\r\n{b}");
        assert_eq!(
            frames(cut.as_bytes()),
            vec![body(a, 0), body(b, 0), Frame::Eof { junk: 0 }]
        );
        // A header with no body swallows the next message, which is read again.
        let empty = format!("Content-Length: 27\r\n\r\nContent-Length: 7\r\n\r\n{b}");
        assert_eq!(
            frames(empty.as_bytes()),
            vec![body("", 0), body(b, 0), Frame::Eof { junk: 0 }]
        );
        // Other headers, in either order, are not junk.
        let typed = format!(
            "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: 7\r\n\r\n{b}"
        );
        assert_eq!(
            frames(typed.as_bytes()),
            vec![body(b, 0), Frame::Eof { junk: 0 }]
        );
    }

    #[test]
    fn junk_costs_no_memory_and_a_huge_length_swallows_nothing() {
        let b = r#"{"b":2}"#;
        let mut input = vec![b'x'; 3 << 20];
        input.extend_from_slice(format!("Content-Length: 7\r\n\r\n{b}").as_bytes());
        assert_eq!(
            frames(&input),
            vec![body(b, 3 << 20), Frame::Eof { junk: 0 }]
        );
        let huge = format!("Content-Length: 99999999999\r\n\r\n{{}}\nContent-Length: 7\r\n\r\n{b}");
        assert_eq!(
            frames(huge.as_bytes()),
            vec![
                Frame::TooLarge(99_999_999_999),
                body(b, 3),
                Frame::Eof { junk: 0 }
            ]
        );
        assert_eq!(header_start(b"Content-Length: 5"), Some(0));
        assert_eq!(header_start(b"}}content-LENGTH :  12 "), Some(2));
        assert_eq!(header_start(b"\"Content-Length: 5\""), None);
        assert_eq!(header_start(b"Content-Length: -5"), None);
    }
}
