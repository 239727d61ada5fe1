//! The wire between the client and tower-lsp-server, with a guard in front.
//!
//! tower-lsp-server stops reading at the first body it cannot decode, which would end the
//! session on one bad message. So the server is given a pipe instead of stdin: a reader task
//! splits the client's stream into messages itself, passes on those that are JSON-RPC, and
//! answers the rest with a JSON-RPC error (through a writer task that owns stdout and puts
//! whole messages from the server and from the guard one after another).

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::mpsc;

/// Bodies larger than this are refused (and skipped) rather than buffered.
pub const MAX_BODY: usize = 256 * 1024 * 1024;

/// One framed message read from a stream.
enum Frame {
    Body(Vec<u8>),
    /// A header block that cannot be used; the string says why.
    BadHeader(String),
    /// A body over [`MAX_BODY`], already skipped.
    TooLarge(usize),
    Eof,
}

async fn read_frame<R: AsyncRead + Unpin>(r: &mut BufReader<R>) -> std::io::Result<Frame> {
    let mut length: Option<usize> = None;
    let mut saw_header = false;
    let mut bad: Option<String> = None;
    loop {
        let mut line = Vec::new();
        let n = r.read_until(b'\n', &mut line).await?;
        if n == 0 {
            return Ok(if saw_header {
                Frame::BadHeader("the stream ended inside a header".into())
            } else {
                Frame::Eof
            });
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if !saw_header {
                // Stray blank lines between messages are harmless.
                continue;
            }
            break;
        }
        saw_header = true;
        match text.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                match value.trim().parse::<usize>() {
                    Ok(n) => length = Some(n),
                    Err(_) => {
                        bad = Some(format!("Content-Length `{}` is not a number", value.trim()))
                    }
                }
            }
            Some(_) => {}
            None => bad = Some(format!("`{text}` is not a header line")),
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
        tokio::io::copy(&mut (&mut *r).take(length as u64), &mut tokio::io::sink()).await?;
        return Ok(Frame::TooLarge(length));
    }
    let mut body = vec![0; length];
    r.read_exact(&mut body).await?;
    Ok(Frame::Body(body))
}

fn framed(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

fn error_response(id: Value, code: i64, message: String) -> Vec<u8> {
    let v = json!({ "jsonrpc": "2.0", "id": id, "error": { "code": code, "message": message } });
    serde_json::to_vec(&v).unwrap_or_default()
}

/// What to do with one body from the client.
enum Verdict {
    Forward,
    /// Answer with this error response instead.
    Answer(Vec<u8>),
}

/// Accepts what tower-lsp-server can decode: a JSON object that is a request, a notification
/// or a response. Everything else gets the error JSON-RPC prescribes.
fn judge(body: &[u8]) -> Verdict {
    let Ok(text) = std::str::from_utf8(body) else {
        return Verdict::Answer(error_response(
            Value::Null,
            -32700,
            "Parse error: the message body is not valid UTF-8".into(),
        ));
    };
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return Verdict::Answer(error_response(
                Value::Null,
                -32700,
                format!("Parse error: the message body is not JSON ({e})"),
            ));
        }
    };
    let Some(obj) = value.as_object() else {
        return Verdict::Answer(error_response(
            Value::Null,
            -32600,
            "Invalid Request: a message must be a JSON object (batches are not supported)".into(),
        ));
    };
    let id = obj.get("id").cloned();
    let id_ok = id
        .as_ref()
        .is_none_or(|i| i.is_string() || i.is_i64() || i.is_u64() || i.is_null());
    let invalid = |why: &str| {
        let id = id.clone().filter(|_| id_ok).unwrap_or(Value::Null);
        Verdict::Answer(error_response(
            id,
            -32600,
            format!("Invalid Request: {why}"),
        ))
    };
    if obj.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        return invalid("`jsonrpc` must be \"2.0\"");
    }
    if !id_ok {
        return invalid("`id` must be a number or a string");
    }
    match obj.get("method") {
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
    let mut reader = BufReader::with_capacity(64 * 1024, client);
    loop {
        let frame = match read_frame(&mut reader).await {
            Ok(f) => f,
            // The client's end is gone: let the server see the end of its input.
            Err(_) => break,
        };
        match frame {
            Frame::Eof => break,
            Frame::Body(body) => match judge(&body) {
                Verdict::Forward => {
                    if server_in.write_all(&framed(&body)).await.is_err() {
                        break;
                    }
                }
                Verdict::Answer(reply) => {
                    let _ = replies.send(reply);
                }
            },
            Frame::BadHeader(why) => {
                let _ = replies.send(error_response(
                    Value::Null,
                    -32700,
                    format!("Parse error: {why}"),
                ));
            }
            Frame::TooLarge(n) => {
                let _ = replies.send(error_response(
                    Value::Null,
                    -32600,
                    format!("Invalid Request: a message of {n} bytes is larger than the {MAX_BODY} bytes redline accepts"),
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
    let mut reader = BufReader::with_capacity(64 * 1024, server_out);
    let mut server_open = true;
    let mut replies_open = true;
    while server_open || replies_open {
        tokio::select! {
            frame = read_frame(&mut reader), if server_open => match frame {
                Ok(Frame::Body(body)) => {
                    if client.write_all(&framed(&body)).await.is_err() { break; }
                    let _ = client.flush().await;
                }
                _ => server_open = false,
            },
            reply = replies.recv(), if replies_open => match reply {
                Some(body) => {
                    if client.write_all(&framed(&body)).await.is_err() { break; }
                    let _ = client.flush().await;
                }
                None => replies_open = false,
            },
        }
        if !server_open {
            // The server is done; send what the guard still has, then stop.
            while let Ok(body) = replies.try_recv() {
                let _ = client.write_all(&framed(&body)).await;
            }
            break;
        }
    }
    let _ = client.flush().await;
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
            assert!(matches!(judge(bad), Verdict::Answer(_)));
        }
        let Verdict::Answer(reply) = judge(br#"{"jsonrpc":"2.0","id":7,"method":5}"#) else {
            panic!("a bad method must be answered");
        };
        let v: Value = serde_json::from_slice(&reply).unwrap();
        assert_eq!(v["id"], 7);
        assert_eq!(v["error"]["code"], -32600);
    }
}
