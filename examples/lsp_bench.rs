//! End-to-end speed and memory of the real language server, as an editor sees it:
//! `cargo build --release && cargo run --release --example lsp_bench`.
//!
//! Spawns `target/release/casebook serve` (or `$CASEBOOK_BIN`) and, over stdio, on generated portfolios
//! of 1,000, 10,000 and 100,000 words (headings, lists, code blocks, emoji, CJK, long lines), measures:
//! - open → first diagnostics, wall clock;
//! - one-character edits typed one at a time in the middle of the document, each waiting for its
//!   version's diagnostics: median and p95 latency;
//! - server CPU time per edit (utime + stime from /proc/<pid>/stat over the edit run, / edits), and of it
//!   the kernel's share (stime: mostly handing each publish to the editor through the pipe);
//! - peak resident memory (VmHWM from /proc/<pid>/status) with the document open;
//! - the diagnostics of the document after the edits, and the size of one publish: LSP re-sends every
//!   diagnostic of a document on each change, so the kernel's share of an edit grows with it.
//!
//! `LSP_BENCH_EDITS_BEGIN` and `LSP_BENCH_EDITS_END`, if set, are shell commands run just before the
//! first edit and just after the last, with the server's process id in `$SERVER_PID`
//! (`scripts/edit-instructions` turns a profiler's counting on and off with them, so only the edits are
//! counted).
//!
//! If `harper-ls` is on PATH it gets the same documents and edits (full-document sync, as it asks for)
//! and the ratios are printed. Figures on a shared machine vary: read them, don't assert them.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

#[path = "common/portfolio.rs"]
mod generated;
use generated::{portfolio, typing_point};

/// One-character edits per document; `--edits N` changes it (e.g. for a profiler). CPU time is counted
/// in clock ticks (10 ms): 300 edits keep that to a few percent of the figure.
const EDITS: usize = 300;
const TIMEOUT: Duration = Duration::from_secs(120);
const ROOT: &str = "file:///tmp/casebook-lsp-bench";
const URI: &str = "file:///tmp/casebook-lsp-bench/portfolio.md";
const SECOND_URI: &str = "file:///tmp/casebook-lsp-bench/portfolio-copy.md";

/// The UTF-16 position of byte `offset` in `text`.
fn position(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let character: usize = before[start..].chars().map(char::len_utf16).sum();
    json!({ "line": line, "character": character })
}

// ---------------------------------------------------------------------------------------------------
// A minimal LSP client.

struct Server {
    name: String,
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
    /// harper-ls and other servers that ask for full-document sync get the whole text on every edit.
    full_sync: bool,
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
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().ok();
            }
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

impl Server {
    fn spawn(name: &str, program: &PathBuf, args: &[&str]) -> Server {
        let mut child = Command::new(program)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", program.display()));
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(m) = read_message(&mut reader) {
                if tx.send(m).is_err() {
                    break;
                }
            }
        });
        let mut server = Server {
            name: name.into(),
            child,
            stdin,
            incoming,
            next_id: 1,
            full_sync: false,
        };
        let result = server.request(
            "initialize",
            json!({
                "processId": std::process::id(),
                // A workspace folder, as an editor opens one: the server then keeps the open
                // document's portfolio summary current on every edit, which is part of its cost.
                "rootUri": ROOT,
                "workspaceFolders": [{ "uri": ROOT, "name": "casebook-lsp-bench" }],
                "capabilities": {
                    "general": { "positionEncodings": ["utf-16"] },
                    "textDocument": {
                        "synchronization": { "didSave": false },
                        "publishDiagnostics": { "versionSupport": true },
                        "hover": { "contentFormat": ["markdown"] },
                    },
                    "workspace": { "configuration": true },
                },
            }),
        );
        let sync = &result["capabilities"]["textDocumentSync"];
        let kind = sync.get("change").unwrap_or(sync);
        server.full_sync = kind.as_i64() == Some(1);
        server.notify("initialized", json!({}));
        // Let the server finish its start-up round trips (configuration, registrations).
        server.drain(Duration::from_millis(300));
        server
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }

    fn send(&mut self, message: &Value) {
        let body = message.to_string();
        let _ = write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len());
        let _ = self.stdin.flush();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        let response = self
            .wait_for(|m| m["id"] == id && m.get("method").is_none(), TIMEOUT)
            .unwrap_or_else(|| panic!("{}: no answer to {method}", self.name));
        response["result"].clone()
    }

    /// The next message matching `pred`, answering the server's own requests on the way.
    fn wait_for(&mut self, pred: impl Fn(&Value) -> bool, within: Duration) -> Option<Value> {
        let deadline = Instant::now() + within;
        loop {
            let left = deadline.checked_duration_since(Instant::now())?;
            let m = self.incoming.recv_timeout(left).ok()?;
            if let (Some(id), Some(method)) = (m.get("id"), m["method"].as_str()) {
                let result = if method == "workspace/configuration" {
                    let n = m["params"]["items"].as_array().map_or(1, Vec::len);
                    json!(vec![Value::Null; n])
                } else {
                    Value::Null
                };
                let reply = json!({ "jsonrpc": "2.0", "id": id, "result": result });
                self.send(&reply);
                continue;
            }
            if pred(&m) {
                return Some(m);
            }
        }
    }

    fn drain(&mut self, period: Duration) {
        let _ = self.wait_for(|_| false, period);
    }

    /// Waits for diagnostics of `URI`: the publish for `version` when the server says which version it
    /// published for, else the next publish.
    /// The diagnostics published for `version` of the document: how many, and the notification's
    /// size in bytes (as JSON without spaces, which is how servers send it).
    fn diagnostics(&mut self, version: i64) -> Option<(usize, usize)> {
        self.diagnostics_of(URI, version)
    }

    fn diagnostics_of(&mut self, uri: &str, version: i64) -> Option<(usize, usize)> {
        let m = self.wait_for(
            |m| {
                m["method"] == "textDocument/publishDiagnostics"
                    && m["params"]["uri"] == uri
                    && (m["params"]["version"].is_null() || m["params"]["version"] == version)
            },
            TIMEOUT,
        )?;
        let bytes = serde_json::to_vec(&m).map_or(0, |v| v.len());
        m["params"]["diagnostics"]
            .as_array()
            .map(|list| (list.len(), bytes))
    }

    fn shutdown(mut self) {
        let id = self.next_id;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": "shutdown" }));
        let _ = self.wait_for(|m| m["id"] == id, Duration::from_secs(5));
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

// ---------------------------------------------------------------------------------------------------
// /proc readings.

fn clock_ticks_per_second() -> f64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100.0)
}

/// utime and stime of `pid`, in seconds.
fn cpu_seconds(pid: u32) -> (f64, f64) {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the whole line: 12 and 13 after the name.
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    let per_second = clock_ticks_per_second();
    (ticks(11) / per_second, ticks(12) / per_second)
}

/// VmHWM of `pid`, in MB.
fn peak_rss_mb(pid: u32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

// ---------------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy)]
struct Figures {
    /// The first document a fresh server sees (lexicons and grammars are loaded on first use).
    open_ms: f64,
    /// The same text under a second URI, opened after the edit run.
    open_warm_ms: f64,
    edit_median_ms: f64,
    edit_p95_ms: f64,
    cpu_per_edit_ms: f64,
    /// Of `cpu_per_edit_ms`, the time spent in the kernel.
    sys_per_edit_ms: f64,
    peak_rss_mb: f64,
    /// The diagnostics of the document after the last edit, and the size of that publish: LSP
    /// re-sends every diagnostic of a document on each change, so what the kernel spends handing
    /// publishes to the editor grows with this, whatever the server does.
    diagnostics: usize,
    publish_kb: f64,
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

/// Runs the shell command in the environment variable `name`, if it is set, with the server's process
/// id in `$SERVER_PID`, and waits for it.
fn hook(name: &str, pid: u32) {
    if let Some(command) = std::env::var_os(name) {
        let _ = Command::new("sh")
            .arg("-c")
            .arg(command)
            .env("SERVER_PID", pid.to_string())
            .status();
    }
}

fn measure(mut server: Server, text: &str, edits: usize) -> Option<Figures> {
    let start = Instant::now();
    server.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": URI, "languageId": "markdown", "version": 1, "text": text } }),
    );
    server.diagnostics(1)?;
    let open_ms = start.elapsed().as_secs_f64() * 1e3;

    let mut text = text.to_string();
    let mut at = typing_point(&text);
    let typed: Vec<char> = "quickly ".chars().collect();
    let pid = server.pid();
    hook("LSP_BENCH_EDITS_BEGIN", pid);
    let cpu_before = cpu_seconds(pid);
    let mut latencies = Vec::with_capacity(edits);
    let mut published = (0, 0);
    for i in 0..edits {
        let c = typed[i % typed.len()];
        let pos = position(&text, at);
        text.insert(at, c);
        at += c.len_utf8();
        let version = 2 + i as i64;
        let change = if server.full_sync {
            json!([{ "text": text }])
        } else {
            json!([{ "range": { "start": pos, "end": pos }, "text": c.to_string() }])
        };
        let start = Instant::now();
        server.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": URI, "version": version }, "contentChanges": change }),
        );
        published = server.diagnostics(version)?;
        latencies.push(start.elapsed().as_secs_f64() * 1e3);
    }
    let cpu_after = cpu_seconds(pid);
    hook("LSP_BENCH_EDITS_END", pid);
    let peak_rss_mb = peak_rss_mb(pid);
    let start = Instant::now();
    server.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": SECOND_URI, "languageId": "markdown", "version": 1, "text": text } }),
    );
    server.diagnostics_of(SECOND_URI, 1)?;
    let open_warm_ms = start.elapsed().as_secs_f64() * 1e3;
    server.shutdown();
    latencies.sort_by(f64::total_cmp);
    Some(Figures {
        open_ms,
        open_warm_ms,
        edit_median_ms: percentile(&latencies, 0.5),
        edit_p95_ms: percentile(&latencies, 0.95),
        cpu_per_edit_ms: (cpu_after.0 + cpu_after.1 - cpu_before.0 - cpu_before.1) * 1e3
            / edits as f64,
        sys_per_edit_ms: (cpu_after.1 - cpu_before.1) * 1e3 / edits as f64,
        peak_rss_mb,
        diagnostics: published.0,
        publish_kb: published.1 as f64 / 1024.0,
    })
}

fn on_path(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}

fn row(words: usize, bytes: usize, f: Option<Figures>) {
    match f {
        Some(f) => println!(
            "{:>8} {:>9} {:>11.1} {:>10.1} {:>12.2} {:>10.2} {:>13.3} {:>10.3} {:>10.1} {:>7} {:>10.0}",
            words,
            bytes,
            f.open_ms,
            f.open_warm_ms,
            f.edit_median_ms,
            f.edit_p95_ms,
            f.cpu_per_edit_ms,
            f.sys_per_edit_ms,
            f.peak_rss_mb,
            f.diagnostics,
            f.publish_kb
        ),
        None => println!("{words:>8} {bytes:>9}   (no diagnostics within {TIMEOUT:?})"),
    }
}

fn header(title: &str) {
    println!("\n{title}");
    println!(
        "{:>8} {:>9} {:>11} {:>10} {:>12} {:>10} {:>13} {:>10} {:>10} {:>7} {:>10}",
        "words",
        "bytes",
        "open (ms)",
        "warm (ms)",
        "edit p50 ms",
        "p95 (ms)",
        "CPU/edit ms",
        "of it sys",
        "VmHWM MB",
        "diags",
        "publish KB"
    );
}

fn main() {
    let casebook = std::env::var_os("CASEBOOK_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/release/casebook")
        });
    if !casebook.is_file() {
        eprintln!(
            "{} not found: run `cargo build --release` or set CASEBOOK_BIN",
            casebook.display()
        );
        std::process::exit(2);
    }
    // `--words N` (repeatable) measures only those sizes, e.g. under a profiler; `--edits N` types N characters.
    let args: Vec<String> = std::env::args().skip(1).collect();
    let chosen: Vec<usize> = args
        .windows(2)
        .filter(|w| w[0] == "--words")
        .filter_map(|w| w[1].parse().ok())
        .collect();
    let edits = args
        .windows(2)
        .find(|w| w[0] == "--edits")
        .and_then(|w| w[1].parse().ok())
        .unwrap_or(EDITS);
    let sizes = if chosen.is_empty() {
        vec![1_000, 10_000, 100_000]
    } else {
        chosen
    };
    let documents: Vec<(usize, String)> = sizes.iter().map(|&w| (w, portfolio(w))).collect();
    // The workspace folder the documents are opened in (empty on disk: they exist only in the editor).
    let _ = std::fs::create_dir_all("/tmp/casebook-lsp-bench");
    println!(
        "lsp_bench: {} on {} CPUs; {edits} one-character edits per document, each waiting for its diagnostics",
        casebook.display(),
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    println!("targets (PRODUCT.md §7): open 10k words < 20 ms; edit → diagnostics < 50 ms; CPU/edit well under 1 ms, flat; < 50 MB with 100k words");

    header("casebook (incremental sync)");
    let mut ours = Vec::new();
    for (words, text) in &documents {
        let server = Server::spawn("casebook", &casebook, &["serve"]);
        let f = measure(server, text, edits);
        row(*words, text.len(), f);
        ours.push(f);
    }

    match on_path("harper-ls") {
        None => println!("\nharper-ls: not found on PATH; no comparison"),
        Some(harper) => {
            header(&format!("harper-ls ({})", harper.display()));
            println!("(harper-ls skips documents over 120,000 characters: its 100k-word figures may measure no analysis)");
            let mut theirs = Vec::new();
            for (words, text) in &documents {
                let server = Server::spawn("harper-ls", &harper, &["--stdio"]);
                let f = measure(server, text, edits);
                row(*words, text.len(), f);
                theirs.push(f);
            }
            println!("\nharper-ls / casebook (higher is better for casebook)");
            println!(
                "{:>8} {:>11} {:>12} {:>13} {:>10}",
                "words", "open", "edit p50", "CPU/edit", "VmHWM"
            );
            for ((words, _), (a, b)) in documents.iter().zip(ours.iter().zip(&theirs)) {
                match (a, b) {
                    (Some(a), Some(b)) => println!(
                        "{:>8} {:>10.1}x {:>11.1}x {:>12.1}x {:>9.1}x",
                        words,
                        b.open_ms / a.open_ms,
                        b.edit_median_ms / a.edit_median_ms,
                        b.cpu_per_edit_ms / a.cpu_per_edit_ms.max(1e-3),
                        b.peak_rss_mb / a.peak_rss_mb
                    ),
                    _ => println!("{words:>8}   (missing figures)"),
                }
            }
        }
    }
}
