//! The server's output. tower-lsp-server turns every outgoing message into a `serde_json::Value` tree
//! before writing it; for `textDocument/publishDiagnostics`, which carries every finding of a document
//! after every change, building that tree cost more than the analysis itself (thousands of small maps
//! at 100,000 words). So diagnostics are written straight to JSON bytes here, and one writer task puts
//! them on stdout between tower's own messages, whole frame by whole frame.

use crate::document::position::positions_of;
use crate::document::{Encoding, LineCol};
use crate::rules::Finding;
use ropey::Rope;
use rustc_hash::FxHashMap;
use std::io::Write;
use std::sync::Arc;
use tokio::io::{
    AsyncBufRead, AsyncBufReadExt, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader,
};
use tokio::sync::mpsc;

/// Where whole frames for the client go.
#[derive(Clone)]
pub struct Output(mpsc::UnboundedSender<Vec<u8>>);

impl Output {
    /// Sends one JSON-RPC message (its body) to the client.
    pub fn send(&self, body: &[u8]) {
        let mut frame = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        frame.extend_from_slice(body);
        // The writer is gone only when the session is over; nothing is left to tell.
        let _ = self.0.send(frame);
    }
}

/// Starts the writer: returns the stream to hand to tower-lsp-server as its output, and the [`Output`]
/// for messages written here. Both end up on `out`, never interleaved within a frame.
pub fn merged<W: AsyncWrite + Unpin + Send + 'static>(out: W) -> (tokio::io::DuplexStream, Output) {
    let (tower_side, from_tower) = tokio::io::duplex(1 << 16);
    let (frames, mut queue) = mpsc::unbounded_channel::<Vec<u8>>();
    let from_tower_frames = frames.clone();
    tokio::spawn(async move {
        let mut reader = BufReader::new(from_tower);
        while let Ok(Some(frame)) = read_frame(&mut reader).await {
            if from_tower_frames.send(frame).is_err() {
                break;
            }
        }
    });
    tokio::spawn(async move {
        let mut out = out;
        while let Some(frame) = queue.recv().await {
            if out.write_all(&frame).await.is_err() || out.flush().await.is_err() {
                break;
            }
        }
    });
    (tower_side, Output(frames))
}

/// One whole frame (headers and body, as written) of tower-lsp-server's output, or `None` at its end.
async fn read_frame(reader: &mut (impl AsyncBufRead + Unpin)) -> std::io::Result<Option<Vec<u8>>> {
    let mut frame = Vec::new();
    let mut length = None;
    loop {
        let start = frame.len();
        if reader.read_until(b'\n', &mut frame).await? == 0 {
            return Ok(None);
        }
        let line = String::from_utf8_lossy(&frame[start..]);
        let line = line.trim();
        if line.is_empty() {
            break;
        }
        if let Some(value) = super::transport::content_length(line) {
            length = value;
        }
    }
    let body_start = frame.len();
    frame.resize(body_start + length.unwrap_or(0), 0);
    reader.read_exact(&mut frame[body_start..]).await?;
    Ok(Some(frame))
}

/// Each finding message written as a JSON string, by message. A publish re-sends every diagnostic of
/// the document, and escaping their messages again each time cost more than anything else in it; the
/// messages are shared (`Arc<str>`) between reviews, so they are known again by address. The `Arc`
/// is kept with its escaped text, so an address cannot be reused while it is a key.
#[derive(Default)]
pub struct EscapedMessages {
    by_address: FxHashMap<usize, (Arc<str>, Box<[u8]>)>,
}

impl EscapedMessages {
    fn get(&mut self, message: &Arc<str>) -> &[u8] {
        let key = Arc::as_ptr(message) as *const u8 as usize;
        &self
            .by_address
            .entry(key)
            .or_insert_with(|| {
                let escaped = serde_json::to_vec(&**message).unwrap_or_else(|_| b"\"\"".to_vec());
                (message.clone(), escaped.into_boxed_slice())
            })
            .1
    }

    /// Forgets the messages `live` does not use, once the cache holds many more than it.
    fn sweep(&mut self, live: usize) {
        if self.by_address.len() > 2 * live + 64 {
            self.by_address.clear();
        }
    }
}

/// The body of a `textDocument/publishDiagnostics` notification for `findings` (several lists, in
/// order), the same JSON [`super::convert::diagnostic`] and tower-lsp-server would produce (a test holds
/// them equal), written by hand: messages come escaped from `messages`, positions from one pass over
/// the document.
pub fn publish_diagnostics(
    uri: &str,
    version: Option<i32>,
    rope: &Rope,
    findings: &[&[Finding]],
    encoding: Encoding,
    messages: &mut EscapedMessages,
) -> Vec<u8> {
    let findings = || findings.iter().flat_map(|f| f.iter());
    let offsets: Vec<usize> = findings()
        .flat_map(|f| [f.range.start, f.range.end])
        .collect();
    let positions = positions_of(rope, &offsets, encoding);
    let mut out: Vec<u8> = Vec::with_capacity(128 + offsets.len() * 110);
    // Writing into memory cannot fail.
    let _ = (|| -> std::io::Result<()> {
        out.extend_from_slice(
            br#"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"#,
        );
        serde_json::to_writer(&mut out, uri)?;
        if let Some(version) = version {
            write!(out, r#","version":{version}"#)?;
        }
        out.extend_from_slice(br#","diagnostics":["#);
        for (i, (finding, ends)) in findings().zip(positions.chunks_exact(2)).enumerate() {
            let (start, end): (LineCol, LineCol) = (ends[0], ends[1]);
            if i > 0 {
                out.push(b',');
            }
            write!(
                out,
                r#"{{"range":{{"start":{{"line":{},"character":{}}},"end":{{"line":{},"character":{}}}}},"severity":"#,
                start.line, start.col, end.line, end.col,
            )?;
            serde_json::to_writer(&mut out, &super::convert::severity(finding.severity))?;
            out.extend_from_slice(br#","code":"#);
            serde_json::to_writer(&mut out, finding.rule)?;
            out.extend_from_slice(br#","source":"casebook","message":"#);
            out.extend_from_slice(messages.get(&finding.message));
            out.push(b'}');
        }
        out.extend_from_slice(b"]}}");
        Ok(())
    })();
    messages.sweep(offsets.len() / 2);
    out
}

#[cfg(test)]
mod tests {
    use super::super::convert;
    use super::*;
    use crate::rules::Severity;
    use tower_lsp_server::ls_types as lsp;

    #[test]
    fn writes_what_tower_would_write() {
        let text = "Intro 😀 line\r\nsecond 日本 line with a claim\n";
        let rope = Rope::from_str(text);
        let findings = [
            Finding {
                rule: "vague-claim",
                severity: Severity::Warning,
                range: 6..10,
                message: "says \"better\" without a number".into(),
            },
            Finding {
                rule: "weak-verb",
                severity: Severity::Info,
                range: 25..40,
                message: "tab\t, newline\n, quote \", backslash \\, bell \u{7}, 😀".into(),
            },
        ];
        let uri: lsp::Uri = "file:///tmp/a.md".parse().unwrap();
        // One cache across publishes, as the publisher keeps it.
        let mut messages = EscapedMessages::default();
        for (encoding, version) in [
            (Encoding::Utf8, Some(7)),
            (Encoding::Utf16, Some(7)),
            (Encoding::Utf16, None),
        ] {
            let ours: serde_json::Value = serde_json::from_slice(&publish_diagnostics(
                uri.as_str(),
                version,
                &rope,
                &[&findings[..1], &findings[1..]],
                encoding,
                &mut messages,
            ))
            .unwrap();
            let typed = lsp::PublishDiagnosticsParams::new(
                uri.clone(),
                findings
                    .iter()
                    .map(|f| convert::diagnostic(&rope, f, encoding))
                    .collect(),
                version,
            );
            assert_eq!(ours["method"], "textDocument/publishDiagnostics");
            assert_eq!(ours["jsonrpc"], "2.0");
            assert_eq!(ours["params"], serde_json::to_value(typed).unwrap());
        }
    }

    #[tokio::test]
    async fn frames_from_both_sides_arrive_whole() {
        let (client_end, server_end) = tokio::io::duplex(1 << 20);
        let (mut tower_side, output) = merged(server_end);
        let tower = tokio::spawn(async move {
            for i in 0..200 {
                let body = format!("{{\"id\":{i},\"pad\":\"{}\"}}", "t".repeat(i * 37));
                let frame = format!("Content-Length: {}\r\n\r\n{body}", body.len());
                tower_side.write_all(frame.as_bytes()).await.unwrap();
            }
        });
        for i in 0..200 {
            output.send(format!("{{\"ours\":{i},\"pad\":\"{}\"}}", "o".repeat(i * 53)).as_bytes());
        }
        tower.await.unwrap();
        let mut reader = BufReader::new(client_end);
        let (mut theirs, mut ours) = (0, 0);
        while theirs + ours < 400 {
            let frame = read_frame(&mut reader).await.unwrap().unwrap();
            let text = String::from_utf8(frame).unwrap();
            let (_, body) = text.split_once("\r\n\r\n").unwrap();
            let value: serde_json::Value = serde_json::from_str(body).expect("a whole JSON body");
            if value.get("ours").is_some() {
                assert_eq!(value["ours"], ours);
                ours += 1;
            } else {
                assert_eq!(value["id"], theirs);
                theirs += 1;
            }
        }
    }
}
