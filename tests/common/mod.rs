//! A minimal LSP client for end-to-end tests: it runs the real `casebook serve` binary and speaks
//! JSON-RPC over its stdin/stdout, as an editor does.
#![allow(dead_code)]

use serde_json::{json, Value};
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

pub const TIMEOUT: Duration = Duration::from_secs(20);

/// A property test's case count: `default`, times `CASEBOOK_FUZZ_SCALE` when set (`scripts/fuzz`).
pub fn fuzz_cases(default: u32) -> u32 {
    let scale = std::env::var("CASEBOOK_FUZZ_SCALE")
        .ok()
        .and_then(|s| s.parse::<u32>().ok())
        .unwrap_or(1);
    default.saturating_mul(scale.max(1))
}

pub struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    /// Messages received while waiting for something else.
    backlog: VecDeque<Value>,
    next_id: i64,
    /// What to answer `workspace/configuration` with.
    pub settings: Value,
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length: ") {
            length = v.parse().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

impl Client {
    pub fn spawn(args: &[&str]) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_casebook"))
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(if std::env::var_os("CASEBOOK_E2E_STDERR").is_some() {
                Stdio::inherit()
            } else {
                Stdio::null()
            })
            .spawn()
            .expect("the casebook binary starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(msg) = read_message(&mut reader) {
                if tx.send(msg).is_err() {
                    break;
                }
            }
        });
        Client {
            child,
            stdin,
            incoming: rx,
            backlog: VecDeque::new(),
            next_id: 1,
            settings: Value::Null,
        }
    }

    /// Starts a server and initializes it, offering the given position encodings.
    pub fn initialized(encodings: &[&str], pull: bool) -> Client {
        Client::initialized_in(encodings, pull, None)
    }

    pub fn initialized_in(
        encodings: &[&str],
        pull: bool,
        root: Option<&std::path::Path>,
    ) -> Client {
        let mut client = Client::spawn(&["serve", "--stdio"]);
        let mut text_document = json!({ "hover": { "contentFormat": ["markdown"] } });
        if pull {
            text_document["diagnostic"] = json!({ "dynamicRegistration": false });
        }
        let root_uri = root.map(|p| format!("file://{}", p.display()));
        let result = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": root_uri,
                "capabilities": {
                    "general": { "positionEncodings": encodings },
                    "textDocument": text_document,
                    "workspace": { "configuration": true, "didChangeWatchedFiles": { "dynamicRegistration": true } },
                },
            }),
        );
        assert!(
            result.get("capabilities").is_some(),
            "initialize answered: {result}"
        );
        client.notify("initialized", json!({}));
        client
    }

    pub fn send(&mut self, message: &Value) {
        self.send_raw(message.to_string().as_bytes());
    }

    pub fn send_raw(&mut self, body: &[u8]) {
        let header = format!("Content-Length: {}\r\n\r\n", body.len());
        let _ = self.stdin.write_all(header.as_bytes());
        let _ = self.stdin.write_all(body);
        let _ = self.stdin.flush();
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Sends a request and returns its whole response message (with `result` or `error`).
    pub fn request_raw(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        self.wait_for(|m| m.get("id") == Some(&json!(id)) && m.get("method").is_none())
            .unwrap_or_else(|| panic!("no response to {method} within {TIMEOUT:?}"))
    }

    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.request_raw(method, params);
        assert!(
            response.get("error").is_none(),
            "{method} failed: {response}"
        );
        response["result"].clone()
    }

    /// Answers requests the server sends us (configuration, registration) as an editor would.
    fn answer_server_request(&mut self, message: &Value) -> bool {
        let (Some(id), Some(method)) = (message.get("id"), message.get("method")) else {
            return false;
        };
        let result = match method.as_str() {
            Some("workspace/configuration") => json!([self.settings.clone()]),
            _ => Value::Null,
        };
        let id = id.clone();
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "result": result }));
        true
    }

    fn next_message(&mut self, deadline: Instant) -> Option<Value> {
        loop {
            let left = deadline.checked_duration_since(Instant::now())?;
            match self.incoming.recv_timeout(left) {
                Ok(m) => {
                    if !self.answer_server_request(&m) {
                        return Some(m);
                    }
                }
                Err(RecvTimeoutError::Timeout) | Err(RecvTimeoutError::Disconnected) => {
                    return None
                }
            }
        }
    }

    /// Waits for a message matching `pred`, keeping the others for later.
    pub fn wait_for(&mut self, pred: impl Fn(&Value) -> bool) -> Option<Value> {
        if let Some(i) = self.backlog.iter().position(&pred) {
            return self.backlog.remove(i);
        }
        let deadline = Instant::now() + TIMEOUT;
        while let Some(m) = self.next_message(deadline) {
            if pred(&m) {
                return Some(m);
            }
            self.backlog.push_back(m);
        }
        None
    }

    /// The diagnostics published for `uri` at `version`.
    pub fn diagnostics_for(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let uri = uri.to_string();
        let m = self
            .wait_for(|m| {
                m["method"] == "textDocument/publishDiagnostics"
                    && m["params"]["uri"] == uri.as_str()
                    && m["params"]["version"] == version
            })
            .unwrap_or_else(|| panic!("no diagnostics for {uri} v{version}"));
        m["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    pub fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "markdown", "version": 1, "text": text } }),
        );
    }

    pub fn change(&mut self, uri: &str, version: i64, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": changes }),
        );
    }

    /// Shuts the server down politely and checks it exits with success.
    pub fn shutdown(mut self) {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait on the server") {
                assert!(status.success(), "server exited with {status}");
                return;
            }
            assert!(
                Instant::now() < deadline,
                "server did not exit after `exit`"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    pub fn is_running(&mut self) -> bool {
        self.child.try_wait().ok().flatten().is_none()
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Applies LSP text edits to `text`, where positions count `encoding` units ("utf-8" or "utf-16"),
/// exactly as an editor would. Independent of the server's own conversion code.
pub fn apply_edits(text: &str, edits: &[Value], encoding: &str) -> String {
    let to_offset = |pos: &Value| -> usize {
        let line = pos["line"].as_u64().unwrap() as usize;
        let character = pos["character"].as_u64().unwrap() as usize;
        let mut offset = 0;
        for (i, l) in text.split_inclusive('\n').enumerate() {
            if i == line {
                let mut units = 0;
                for (b, c) in l.char_indices() {
                    if units >= character {
                        return offset + b;
                    }
                    units += if encoding == "utf-8" {
                        c.len_utf8()
                    } else {
                        c.len_utf16()
                    };
                }
                return offset + l.trim_end_matches(['\n', '\r']).len();
            }
            offset += l.len();
        }
        text.len()
    };
    let mut edits: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                to_offset(&e["range"]["start"]),
                to_offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_string();
    for (s, e, t) in edits {
        out.replace_range(s..e, &t);
    }
    out
}

/// The LSP position of byte `offset` in `text`, counting `encoding` units. Test-side reference.
pub fn position(text: &str, offset: usize, encoding: &str) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let character: usize = before[line_start..]
        .chars()
        .map(|c| {
            if encoding == "utf-8" {
                c.len_utf8()
            } else {
                c.len_utf16()
            }
        })
        .sum();
    json!({ "line": line, "character": character })
}

impl Client {
    /// Forgets the messages received so far and not yet waited for, so that the next `wait_for`
    /// sees only what comes after this point (and what was still in flight).
    pub fn clear_backlog(&mut self) {
        self.backlog.clear();
        while let Ok(m) = self.incoming.try_recv() {
            self.answer_server_request(&m);
        }
    }
}
