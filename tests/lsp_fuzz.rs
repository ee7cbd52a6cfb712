//! Property: random LSP message sequences — edits with wrong and out-of-range positions (including the
//! middle of surrogate pairs and CRLFs), versions out of order, changes to unopened documents, hovers,
//! code actions and pull-diagnostic requests anywhere, unknown methods and garbage frames — never take
//! the real `casebook serve` binary down, never make a handler fail, and leave the server's copy of the
//! text equal to the editor's.
//!
//! The server's text is not directly observable, so the reference check is: the editor's text is kept
//! in a model here (LSP clamping: a line past the end means the end of the document, a column past the
//! end of its line the end of the line, a column inside a character the start of that character; a
//! reversed range is taken as its reverse, as the server does), and at the end the same text is opened
//! fresh under another URI. The edited document's diagnostics, code actions and hovers must equal the
//! fresh one's — which fails if the texts differ, or if incremental re-review differs from a full one.
//! Every diagnostic range must also lie inside the model's text, on character boundaries.
//!
//! One server per case (spawning costs ~10 ms); `PROPTEST_CASES` raises the case count for longer runs.

mod common;

use common::Client;
use proptest::prelude::*;
use serde_json::{json, Value};

const URI: &str = "file:///tmp/casebook-fuzz/story.md";
const REFERENCE: &str = "file:///tmp/casebook-fuzz/reference.md";
const FINAL_VERSION: i64 = 1_000_000;

const PIECES: &[&str] = &[
    "a",
    "Z",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "😀",
    "🎉",
    "👩\u{200d}👩\u{200d}👧",
    "日本",
    "語",
    "e\u{301}",
    "\u{feff}",
    "\u{2028}",
    "\t",
    "# ",
    "## ",
    "- ",
    "> ",
    "1. ",
    "```\n",
    "`",
    "*",
    "_",
    "[x](y)",
    "<!-- casebook-disable vague-claim -->",
    "<!-- casebook-disable-next-line -->",
    "    ",
    "|a|b|\n",
    "much better",
    "improved performance significantly",
    "I led ",
    "We ",
    "helped ",
    "Customer Obsession",
    "from 5% to 50%",
    "latency fell 30 ms",
    "$1.2M",
    ".",
    ". ",
    ",",
    "[placeholder]",
];

fn text_strategy(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..max).prop_map(|v| v.concat())
}

/// A position relative to the current text: small values are taken modulo the text's lines and the
/// line's length (plus a little past the end); large ones are sent as they are.
#[derive(Debug, Clone, Copy)]
struct Pos {
    line: u32,
    col: u32,
}

fn coordinate() -> impl Strategy<Value = u32> {
    prop_oneof![
        8 => 0u32..1000,
        1 => 1000u32..100_000,
        1 => Just(i32::MAX as u32),
        1 => Just(u32::MAX),
    ]
}

fn pos_strategy() -> impl Strategy<Value = Pos> {
    (coordinate(), coordinate()).prop_map(|(line, col)| Pos { line, col })
}

#[derive(Debug, Clone)]
enum Op {
    /// didChange with these changes, applied in order; `None` replaces the whole text.
    Change {
        changes: Vec<(Option<(Pos, Pos)>, String)>,
        version_step: i64,
    },
    Hover(Pos),
    CodeAction(Pos, Pos),
    Pull,
    /// Close and open again with this text.
    Reopen(String),
    ChangeUnopened(String),
    Garbage(Vec<u8>),
    UnknownMethod(String),
    /// Cancel the request sent this many requests ago (or an unknown id).
    Cancel(u8),
}

const BAD_BODIES: &[&[u8]] = &[
    b"",
    b"{",
    b"null",
    b"[]",
    b"{}",
    b"{\"jsonrpc\":\"2.0\"}",
    b"{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{}}",
    b"{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{}}}",
    b"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"textDocument/hover\",\"params\":{\"position\":{\"line\":-1}}}",
    b"{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":\"file:///tmp/casebook-fuzz/story.md\",\"version\":1},\"contentChanges\":[{\"text\":\"\\ud800\"}]}}",
    b"{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":\"file:///tmp/casebook-fuzz/story.md\",\"version\":1},\"contentChanges\":[{\"range\":{\"start\":{\"line\":-1,\"character\":0},\"end\":{\"line\":0,\"character\":0}},\"text\":\"x\"}]}}",
    b"{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":\"file:///tmp/casebook-fuzz/story.md\",\"version\":1},\"contentChanges\":[{\"range\":{\"start\":{\"line\":4294967296,\"character\":0},\"end\":{\"line\":0,\"character\":0}},\"text\":\"x\"}]}}",
    b"\xff\xfe\xfd",
];

fn op_strategy() -> impl Strategy<Value = Op> {
    let change = (
        prop::collection::vec(
            (
                prop_oneof![
                    9 => (pos_strategy(), pos_strategy()).prop_map(Some),
                    1 => Just(None),
                ],
                text_strategy(8),
            ),
            0..4,
        ),
        prop_oneof![8 => Just(1i64), 1 => -5i64..0, 1 => Just(0i64), 1 => 2i64..1000],
    )
        .prop_map(|(changes, version_step)| Op::Change {
            changes,
            version_step,
        });
    prop_oneof![
        12 => change,
        3 => pos_strategy().prop_map(Op::Hover),
        2 => (pos_strategy(), pos_strategy()).prop_map(|(a, b)| Op::CodeAction(a, b)),
        1 => Just(Op::Pull),
        1 => text_strategy(30).prop_map(Op::Reopen),
        1 => text_strategy(4).prop_map(Op::ChangeUnopened),
        1 => prop_oneof![
            prop::sample::select(BAD_BODIES).prop_map(|b| b.to_vec()),
            prop::collection::vec(any::<u8>(), 0..64),
        ]
        .prop_map(Op::Garbage),
        1 => prop::sample::select(&["no/such", "textDocument/foo", "$/bar", "💥", ""][..])
            .prop_map(|m| Op::UnknownMethod(m.to_string())),
        1 => any::<u8>().prop_map(Op::Cancel),
    ]
}

// ---------------------------------------------------------------------------------------------------
// The editor's model of the text. Independent of the server's code.

fn units(c: char, utf8: bool) -> usize {
    if utf8 {
        c.len_utf8()
    } else {
        c.len_utf16()
    }
}

/// (start, end of content) of every line: lines end at `\n`, `\r\n` or `\r`, as LSP says.
fn lines(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push((start, i));
                start = i + 1;
            }
            b'\r' => {
                out.push((start, i));
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    out.push((start, bytes.len()));
    out
}

fn line_units(text: &str, line: (usize, usize), utf8: bool) -> usize {
    text[line.0..line.1].chars().map(|c| units(c, utf8)).sum()
}

/// Where an editor position lands, with LSP clamping.
fn clamped_offset(text: &str, line: u32, col: u32, utf8: bool) -> usize {
    let all = lines(text);
    let Some(&(start, end)) = all.get(line as usize) else {
        return text.len();
    };
    let mut offset = start;
    let mut seen = 0usize;
    for c in text[start..end].chars() {
        let next = seen + units(c, utf8);
        if next > col as usize {
            break;
        }
        seen = next;
        offset += c.len_utf8();
    }
    offset
}

/// The offset of a position the server sent: `None` unless it is exactly on a character boundary
/// inside a line of `text`.
fn exact_offset(text: &str, pos: &Value, utf8: bool) -> Option<usize> {
    let line = pos["line"].as_u64()? as usize;
    let col = pos["character"].as_u64()? as usize;
    let &(start, end) = lines(text).get(line)?;
    let mut seen = 0;
    for (i, c) in text[start..end].char_indices() {
        if seen == col {
            return Some(start + i);
        }
        if seen > col {
            return None;
        }
        seen += units(c, utf8);
    }
    (seen == col).then_some(end)
}

/// A generated position made concrete against `text`.
fn resolve(text: &str, p: Pos, utf8: bool) -> Value {
    let all = lines(text);
    let line = if p.line < 1000 {
        p.line % (all.len() as u32 + 2)
    } else {
        p.line
    };
    let col = if p.col < 1000 {
        let len = all
            .get(line as usize)
            .map_or(0, |&l| line_units(text, l, utf8));
        p.col % (len as u32 + 3)
    } else {
        p.col
    };
    json!({ "line": line, "character": col })
}

fn apply(text: &mut String, range: Option<(&Value, &Value)>, new: &str, utf8: bool) {
    match range {
        None => *text = new.to_string(),
        Some((a, b)) => {
            let at = |p: &Value| {
                clamped_offset(
                    text,
                    p["line"].as_u64().unwrap() as u32,
                    p["character"].as_u64().unwrap() as u32,
                    utf8,
                )
            };
            let (s, e) = (at(a), at(b));
            text.replace_range(s.min(e)..s.max(e), new);
        }
    }
}

// ---------------------------------------------------------------------------------------------------

fn is_response_to(m: &Value, id: i64) -> bool {
    m["id"] == id && m.get("method").is_none()
}

fn sorted(mut diagnostics: Vec<Value>) -> Vec<Value> {
    diagnostics.sort_by_key(|d| d.to_string());
    diagnostics
}

/// The current diagnostics of `uri`: pulled, or the publish for `version`.
fn diagnostics(client: &mut Client, pull: bool, uri: &str, version: i64) -> Vec<Value> {
    if pull {
        let report = client.request(
            "textDocument/diagnostic",
            json!({ "textDocument": { "uri": uri } }),
        );
        report["items"].as_array().cloned().unwrap_or_default()
    } else {
        client.diagnostics_for(uri, version)
    }
}

fn whole_range(text: &str, utf8: bool) -> Value {
    let all = lines(text);
    let last = all.len() - 1;
    json!({ "start": { "line": 0, "character": 0 },
            "end": { "line": last, "character": line_units(text, all[last], utf8) } })
}

/// Code actions for `uri` over `range`, with the URI taken out of their edits so two documents compare.
fn actions(client: &mut Client, uri: &str, range: &Value) -> Vec<Value> {
    let result = client.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": range, "context": { "diagnostics": [] } }),
    );
    result
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .map(|a| {
            json!({
                "title": a["title"],
                "edits": a["edit"]["changes"][uri],
                "diagnostics": a["diagnostics"],
            })
        })
        .collect()
}

fn hover(client: &mut Client, uri: &str, position: &Value) -> Value {
    client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": position }),
    )
}

/// Runs one sequence against a fresh server and checks everything; panics (failing the case) on any
/// departure.
fn run(initial: &str, ops: &[Op], utf8: bool, pull: bool) {
    let encoding = if utf8 { "utf-8" } else { "utf-16" };
    let mut client = Client::initialized(&[encoding], pull);
    let mut text = initial.to_string();
    let mut version: i64 = 1;
    client.open(URI, &text);
    let mut pending: Vec<i64> = Vec::new();
    let mut next_id: i64 = 100_000;
    fn send_request(
        client: &mut Client,
        pending: &mut Vec<i64>,
        next_id: &mut i64,
        method: &str,
        params: Value,
    ) {
        *next_id += 1;
        client
            .send(&json!({ "jsonrpc": "2.0", "id": *next_id, "method": method, "params": params }));
        pending.push(*next_id);
    }

    for op in ops {
        match op {
            Op::Change {
                changes,
                version_step,
            } => {
                let mut sent = Vec::new();
                for (range, new) in changes {
                    match range {
                        None => {
                            apply(&mut text, None, new, utf8);
                            sent.push(json!({ "text": new }));
                        }
                        Some((a, b)) => {
                            let (a, b) = (resolve(&text, *a, utf8), resolve(&text, *b, utf8));
                            apply(&mut text, Some((&a, &b)), new, utf8);
                            sent.push(json!({ "range": { "start": a, "end": b }, "text": new }));
                        }
                    }
                }
                version += version_step;
                client.change(URI, version, json!(sent));
            }
            Op::Hover(p) => {
                let position = resolve(&text, *p, utf8);
                send_request(
                    &mut client,
                    &mut pending,
                    &mut next_id,
                    "textDocument/hover",
                    json!({ "textDocument": { "uri": URI }, "position": position }),
                );
            }
            Op::CodeAction(a, b) => {
                let (a, b) = (resolve(&text, *a, utf8), resolve(&text, *b, utf8));
                send_request(
                    &mut client,
                    &mut pending,
                    &mut next_id,
                    "textDocument/codeAction",
                    json!({ "textDocument": { "uri": URI }, "range": { "start": a, "end": b },
                            "context": { "diagnostics": [] } }),
                );
            }
            Op::Pull => send_request(
                &mut client,
                &mut pending,
                &mut next_id,
                "textDocument/diagnostic",
                json!({ "textDocument": { "uri": URI } }),
            ),
            Op::Reopen(new) => {
                client.notify(
                    "textDocument/didClose",
                    json!({ "textDocument": { "uri": URI } }),
                );
                text = new.clone();
                version += 1;
                client.notify(
                    "textDocument/didOpen",
                    json!({ "textDocument": { "uri": URI, "languageId": "markdown", "version": version, "text": text } }),
                );
            }
            Op::ChangeUnopened(new) => client.change(
                "file:///tmp/casebook-fuzz/never-opened.md",
                version,
                json!([{ "range": { "start": { "line": 0, "character": 1 }, "end": { "line": 3, "character": 0 } }, "text": new }]),
            ),
            Op::Garbage(body) => client.send_raw(body),
            Op::UnknownMethod(method) => {
                client.notify(method, json!({}));
                // Not a `$/` request: tower-lsp-server never answers those (see tests/hostile.rs).
                if !method.starts_with("$/") {
                    next_id += 1;
                    client.send(&json!({ "jsonrpc": "2.0", "id": next_id, "method": method, "params": {} }));
                    let response = client
                        .wait_for(|m| is_response_to(m, next_id))
                        .unwrap_or_else(|| panic!("no answer to unknown method {method:?}"));
                    assert_eq!(response["error"]["code"], -32601, "{response}");
                }
            }
            Op::Cancel(back) => {
                let id = pending
                    .len()
                    .checked_sub(1 + *back as usize)
                    .map_or(999_999, |i| pending[i]);
                client.notify("$/cancelRequest", json!({ "id": id }));
            }
        }
    }

    // Every request is answered exactly once: with a result, or as cancelled — never an internal error
    // (which is how the server reports a panic caught in a handler).
    for id in &pending {
        let response = client
            .wait_for(|m| is_response_to(m, *id))
            .unwrap_or_else(|| panic!("request {id} answered"));
        if let Some(error) = response.get("error") {
            assert_eq!(error["code"], -32800, "request {id} failed: {response}");
        }
    }
    assert!(client.is_running(), "the server is running");

    // The reference check. A change with no content changes only moves the version, so the publish for
    // FINAL_VERSION is the edited document's current state.
    client.change(URI, FINAL_VERSION, json!([]));
    let edited = sorted(diagnostics(&mut client, pull, URI, FINAL_VERSION));
    client.open(REFERENCE, &text);
    let fresh = sorted(diagnostics(&mut client, pull, REFERENCE, 1));
    assert_eq!(
        edited, fresh,
        "the edited document's diagnostics equal those of its text opened fresh: {text:?}"
    );
    for d in &edited {
        let start = exact_offset(&text, &d["range"]["start"], utf8);
        let end = exact_offset(&text, &d["range"]["end"], utf8);
        assert!(
            matches!((start, end), (Some(s), Some(e)) if s <= e),
            "diagnostic range inside the text and on char boundaries: {d} in {text:?}"
        );
    }
    let range = whole_range(&text, utf8);
    assert_eq!(
        actions(&mut client, URI, &range),
        actions(&mut client, REFERENCE, &range),
        "code actions over the whole text: {text:?}"
    );
    for (offset, _) in text.char_indices().step_by(7) {
        let all = lines(&text);
        let Some(line) = all.iter().position(|&(s, e)| s <= offset && offset <= e) else {
            continue; // inside a line break
        };
        let col: usize = text[all[line].0..offset]
            .chars()
            .map(|c| units(c, utf8))
            .sum();
        let position = json!({ "line": line, "character": col });
        assert_eq!(
            hover(&mut client, URI, &position),
            hover(&mut client, REFERENCE, &position),
            "hover at {position} in {text:?}"
        );
    }
    client.shutdown();
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: common::fuzz_cases(64),
        max_shrink_iters: 300,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_lsp_sessions_keep_the_server_alive_and_in_step(
        initial in text_strategy(40),
        ops in prop::collection::vec(op_strategy(), 1..40),
        utf8 in any::<bool>(),
        pull in any::<bool>(),
    ) {
        run(&initial, &ops, utf8, pull);
    }
}

// ---------------------------------------------------------------------------------------------------
// Regression cases: inputs the fuzzer found, kept by name.
