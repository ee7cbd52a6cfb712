//! Guards the server's input. tower-lsp-server ends the whole session on the first message it cannot
//! decode (bad JSON, a body that is not JSON-RPC, a broken header). Editors and fuzzers do send such
//! bytes, so every frame is checked here first; one that tower would choke on is replaced by a
//! `$/casebook/malformed` notification, which the server logs, and the session goes on.
//!
//! It also reads what the typed protocol API drops: whether the client accepts snippet edits (LSP 3.18),
//! and if so routes its code-action requests to the handlers that can write them.

use serde_json::json;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream};
use tokio::sync::Notify;
use tower_lsp_server::jsonrpc::{Request, Response};

/// A message larger than this is read and dropped rather than held in memory.
const MAX_MESSAGE_BYTES: usize = 256 * 1024 * 1024;

pub const MALFORMED: &str = "$/casebook/malformed";

/// Where `textDocument/codeAction` and `codeAction/resolve` requests go once the client has said it
/// accepts snippet edits: tower-lsp-server keeps the first handler registered for a method, so the
/// standard ones cannot be replaced, only bypassed.
pub const SNIPPET_CODE_ACTION: &str = "casebook/codeAction";
pub const SNIPPET_CODE_ACTION_RESOLVE: &str = "casebook/codeActionResolve";

/// Why a frame was not passed on, or `None` when it is a message tower-lsp-server accepts.
fn problem(body: &[u8]) -> Option<String> {
    let text = match std::str::from_utf8(body) {
        Ok(t) => t,
        Err(e) => return Some(format!("message body is not UTF-8: {e}")),
    };
    if serde_json::from_str::<Request>(text).is_ok()
        || serde_json::from_str::<Response>(text).is_ok()
    {
        return None;
    }
    Some(malformed_reason(text))
}

/// A `$/` *request* must be answered with MethodNotFound, but tower-lsp-server drops that answer for
/// `$/` methods, leaving the client waiting. Renaming the method (outside `$/`) gets it answered.
fn answerable(body: Vec<u8>) -> Vec<u8> {
    // Cheap test first: only bodies that mention `"$/` can need it.
    if !body.windows(3).any(|w| w == b"\"$/") {
        return body;
    }
    let Ok(mut value) = serde_json::from_slice::<serde_json::Value>(&body) else {
        return body;
    };
    let is_dollar_request = value.get("id").is_some_and(|id| !id.is_null())
        && value["method"]
            .as_str()
            .is_some_and(|m| m.starts_with("$/"));
    if !is_dollar_request {
        return body;
    }
    let method =
        value["method"]
            .as_str()
            .unwrap_or_default()
            .replacen("$/", "casebook/unsupported/", 1);
    value["method"] = serde_json::Value::String(method);
    value.to_string().into_bytes()
}

fn mentions(body: &[u8], needle: &[u8]) -> bool {
    body.windows(needle.len()).any(|w| w == needle)
}

/// For an `initialize` request, whether its client accepts snippet edits: `snippetEditSupport` (LSP
/// 3.18, which `ls-types` does not know) and `documentChanges`, the only place snippet edits can go.
/// `None` for any other message.
fn snippet_support(body: &[u8]) -> Option<bool> {
    // Cheap test first: only bodies that mention `"initialize"` can be one.
    if !mentions(body, b"\"initialize\"") {
        return None;
    }
    let value = serde_json::from_slice::<serde_json::Value>(body).ok()?;
    if value["method"] != "initialize" || value.get("id").is_none_or(|id| id.is_null()) {
        return None;
    }
    let edit = &value["params"]["capabilities"]["workspace"]["workspaceEdit"];
    Some(edit["snippetEditSupport"] == true && edit["documentChanges"] == true)
}

/// A code-action request renamed to the handler that writes snippet edits; other messages unchanged.
fn snippet_route(body: Vec<u8>) -> Vec<u8> {
    // Cheap test first: both methods mention `codeAction`.
    if !mentions(&body, b"codeAction") {
        return body;
    }
    let Ok(mut value) = serde_json::from_slice::<serde_json::Value>(&body) else {
        return body;
    };
    if value.get("id").is_none_or(|id| id.is_null()) {
        return body;
    }
    let route = match value["method"].as_str() {
        Some("textDocument/codeAction") => SNIPPET_CODE_ACTION,
        Some("codeAction/resolve") => SNIPPET_CODE_ACTION_RESOLVE,
        _ => return body,
    };
    value["method"] = serde_json::Value::String(route.into());
    value.to_string().into_bytes()
}

/// The value of a `Content-Length` header line (`Some(None)` when it is not a number), or `None` for
/// any other header.
pub(super) fn content_length(line: &str) -> Option<Option<usize>> {
    let (name, value) = line.split_once(':')?;
    name.trim()
        .eq_ignore_ascii_case("content-length")
        .then(|| value.trim().parse().ok())
}

fn is_exit(body: &[u8]) -> bool {
    serde_json::from_slice::<Request>(body).is_ok_and(|r| r.method() == "exit")
}

fn malformed_reason(text: &str) -> String {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(_) => "message is JSON but not a JSON-RPC 2.0 request, notification or response".into(),
        Err(e) => format!("message is not valid JSON: {e}"),
    }
}

async fn forward(out: &mut DuplexStream, body: &[u8]) -> std::io::Result<()> {
    out.write_all(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes())
        .await?;
    out.write_all(body).await
}

async fn report(out: &mut DuplexStream, reason: String) -> std::io::Result<()> {
    let body = json!({ "jsonrpc": "2.0", "method": MALFORMED, "params": { "reason": reason } });
    forward(out, body.to_string().as_bytes()).await
}

async fn pump(
    input: impl AsyncRead + Unpin,
    mut out: DuplexStream,
    exit: Arc<Notify>,
    snippets: Arc<AtomicBool>,
) -> std::io::Result<()> {
    let mut input = BufReader::new(input);
    // Only the first `initialize` counts: the server refuses any later one.
    let mut saw_initialize = false;
    loop {
        // Headers: lines up to an empty one. Only Content-Length matters.
        let mut length: Option<usize> = None;
        let mut saw_header = false;
        loop {
            let mut line = Vec::new();
            if input.read_until(b'\n', &mut line).await? == 0 {
                return Ok(());
            }
            let line = String::from_utf8_lossy(&line);
            let line = line.trim();
            if line.is_empty() {
                if saw_header {
                    break;
                }
                continue;
            }
            saw_header = true;
            if let Some(value) = content_length(line) {
                length = value;
            }
        }
        let Some(length) = length else {
            report(
                &mut out,
                "message header has no valid Content-Length".into(),
            )
            .await?;
            continue;
        };
        if length > MAX_MESSAGE_BYTES {
            let skipped = tokio::io::copy(
                &mut (&mut input).take(length as u64),
                &mut tokio::io::sink(),
            )
            .await?;
            report(
                &mut out,
                format!("message of {skipped} bytes is larger than the {MAX_MESSAGE_BYTES} bytes accepted"),
            )
            .await?;
            continue;
        }
        let mut body = vec![0; length];
        input.read_exact(&mut body).await?;
        match problem(&body) {
            None => {
                let mut body = answerable(body);
                if !saw_initialize {
                    if let Some(accepts) = snippet_support(&body) {
                        saw_initialize = true;
                        // Set before `initialize` is passed on, so the server sees it from then on.
                        snippets.store(accepts, Ordering::Relaxed);
                    }
                } else if snippets.load(Ordering::Relaxed) {
                    body = snippet_route(body);
                }
                forward(&mut out, &body).await?;
                if body.len() < 256 && is_exit(&body) {
                    exit.notify_one();
                }
            }
            Some(reason) => report(&mut out, reason).await?,
        }
    }
}

/// The server's input: stdin with every frame checked. `exit` is notified when the client says `exit`
/// or closes its end; `snippets` is set when the client's `initialize` says it accepts snippet edits.
pub fn checked_stdin(exit: Arc<Notify>, snippets: Arc<AtomicBool>) -> DuplexStream {
    let (reader, writer) = tokio::io::duplex(1 << 16);
    tokio::spawn(async move {
        let _ = pump(tokio::io::stdin(), writer, exit.clone(), snippets).await;
        // The client is gone: nobody will answer the requests handlers may be waiting on.
        exit.notify_one();
    });
    reader
}

#[cfg(test)]
mod tests {
    use super::problem;

    #[test]
    fn accepts_requests_notifications_and_responses() {
        assert!(
            problem(br#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#).is_none()
        );
        assert!(problem(br#"{"jsonrpc":"2.0","method":"exit"}"#).is_none());
        assert!(problem(br#"{"jsonrpc":"2.0","id":3,"result":null}"#).is_none());
    }

    #[test]
    fn dollar_requests_are_renamed_so_they_get_an_answer() {
        let renamed = super::answerable(br#"{"jsonrpc":"2.0","id":7,"method":"$/x"}"#.to_vec());
        assert!(String::from_utf8(renamed)
            .unwrap()
            .contains("casebook/unsupported/x"));
        let note = br#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}}"#.to_vec();
        assert_eq!(
            super::answerable(note.clone()),
            note,
            "notifications are left alone"
        );
    }

    #[test]
    fn snippet_support_needs_both_flags_of_an_initialize_request() {
        let initialize = |edit: &str| {
            format!(
                r#"{{"jsonrpc":"2.0","id":1,"method":"initialize","params":{{"capabilities":{{"workspace":{{"workspaceEdit":{edit}}}}}}}}}"#
            )
            .into_bytes()
        };
        let support = |edit: &str| super::snippet_support(&initialize(edit));
        assert_eq!(
            support(r#"{"documentChanges":true,"snippetEditSupport":true}"#),
            Some(true)
        );
        assert_eq!(support(r#"{"snippetEditSupport":true}"#), Some(false));
        assert_eq!(support(r#"{"documentChanges":true}"#), Some(false));
        assert_eq!(
            support(r#"{"documentChanges":true,"snippetEditSupport":"yes"}"#),
            Some(false)
        );
        let note = br#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        assert_eq!(super::snippet_support(note), None);
        let text = br#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"text":""initialize""}}}"#;
        assert_eq!(super::snippet_support(text), None);
    }

    #[test]
    fn code_action_requests_are_routed_to_the_snippet_handlers() {
        let route = |body: &str| String::from_utf8(super::snippet_route(body.into())).unwrap();
        let action =
            route(r#"{"jsonrpc":"2.0","id":4,"method":"textDocument/codeAction","params":{}}"#);
        assert!(
            action.contains(r#""method":"casebook/codeAction""#),
            "{action}"
        );
        let resolve =
            route(r#"{"jsonrpc":"2.0","id":"r","method":"codeAction/resolve","params":{}}"#);
        assert!(
            resolve.contains(r#""method":"casebook/codeActionResolve""#),
            "{resolve}"
        );
        for untouched in [
            r#"{"jsonrpc":"2.0","method":"textDocument/codeAction","params":{}}"#,
            r#"{"jsonrpc":"2.0","id":5,"method":"textDocument/codeLens","params":{"codeAction":1}}"#,
            r#"{"jsonrpc":"2.0","id":6,"result":{"method":"codeAction/resolve"}}"#,
        ] {
            assert_eq!(route(untouched), untouched);
        }
    }

    #[test]
    fn names_what_is_wrong() {
        assert!(problem(b"{ not json").unwrap().contains("not valid JSON"));
        assert!(problem(br#"{"hello":1}"#)
            .unwrap()
            .contains("not a JSON-RPC"));
        assert!(problem(&[0xff, 0xfe]).unwrap().contains("UTF-8"));
    }
}
