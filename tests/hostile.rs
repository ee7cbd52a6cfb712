//! Hostile input, end to end: the real `casebook serve` binary over stdio, fed what a broken editor, a
//! fuzzer or a strange file would feed it. Every test checks that the server is still running (or exited
//! cleanly where exiting is the point) and that a final request is answered.
//!
//! Time bounds here are generous ceilings on a shared 2-core machine running a debug build, not
//! performance targets (those are measured by `examples/lsp_bench.rs`).

mod common;

use common::{position, Client};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

const PROBE_URI: &str = "file:///tmp/casebook-hostile/probe.md";
const PROBE: &str = "Checkout got much better for 日本 shoppers 😀.\n";

static PROBE_VERSION: AtomicI64 = AtomicI64::new(1000);
static SYNC_ID: AtomicI64 = AtomicI64::new(1);

/// The server is running, and answers a hover on a small document with a principle line, and publishes
/// its diagnostics (a vague claim) — i.e. it is not merely alive but working.
fn assert_alive_and_answering(client: &mut Client) {
    assert!(client.is_running(), "the server is still running");
    let version = PROBE_VERSION.fetch_add(1, Ordering::SeqCst);
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": PROBE_URI, "languageId": "markdown", "version": version, "text": PROBE } }),
    );
    let diagnostics = client.diagnostics_for(PROBE_URI, version);
    assert!(
        diagnostics.iter().any(|d| d["code"] == "vague-claim"),
        "the probe's vague claim is found: {diagnostics:?}"
    );
    let at = PROBE.find("much").unwrap();
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": PROBE_URI }, "position": position(PROBE, at, "utf-16") }),
    );
    let markdown = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(markdown.starts_with("**Shows"), "hover answered: {hover}");
    assert!(client.is_running(), "the server is still running");
}

/// Sends a request the server answers trivially and returns, in arrival order, every message matching
/// `pred` that arrived before its answer. Since stdout is one ordered stream, this is "everything the
/// server said about X up to now".
fn messages_until_sync(client: &mut Client, pred: impl Fn(&Value) -> bool) -> Vec<Value> {
    let id = format!("sync-{}", SYNC_ID.fetch_add(1, Ordering::SeqCst));
    client.send(&json!({
        "jsonrpc": "2.0", "id": id, "method": "textDocument/hover",
        "params": { "textDocument": { "uri": "file:///tmp/casebook-hostile/never-opened.md" },
                    "position": { "line": 0, "character": 0 } },
    }));
    let is_sync = |m: &Value| m["id"] == id.as_str() && m.get("method").is_none();
    let mut out = Vec::new();
    loop {
        let m = client
            .wait_for(|m| is_sync(m) || pred(m))
            .expect("the sync request is answered");
        if is_sync(&m) {
            assert!(m.get("error").is_none(), "sync answered: {m}");
            return out;
        }
        out.push(m);
    }
}

fn publishes_for(uri: &str) -> impl Fn(&Value) -> bool + '_ {
    move |m: &Value| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
}

fn range_is(d: &Value, start: (u64, u64), end: (u64, u64)) -> bool {
    let r = &d["range"];
    r["start"]["line"] == start.0
        && r["start"]["character"] == start.1
        && r["end"]["line"] == end.0
        && r["end"]["character"] == end.1
}

/// Prose paragraphs, a heading and a list every few paragraphs: `bytes` long, at least.
fn filler(bytes: usize) -> String {
    let paragraph = "Sellers abandoned onboarding at the tax step, and support saw about 300 tickets a week. \
                     I interviewed twelve sellers and ran a two-week test before changing anything 🛒.\n\n";
    let mut text = String::with_capacity(bytes + 1024);
    let mut i = 0;
    while text.len() < bytes {
        if i % 20 == 0 {
            text.push_str(&format!("## Story {i}\n\n"));
        }
        if i % 7 == 0 {
            text.push_str("- Completion rose from 52% to 71%.\n- Fees grew by $1.2M.\n\n");
        }
        text.push_str(paragraph);
        i += 1;
    }
    text
}

/// A 50 MB document is kept in step but not parsed or reviewed (above `document::PARSE_LIMIT`): the
/// server answers at once, holds little, and an edit to it is cheap.
#[test]
fn fifty_megabyte_document_is_answered_in_bounded_time_and_kept_in_step() {
    let mut client = Client::initialized(&["utf-16"], false);
    let uri = "file:///tmp/casebook-hostile/huge.md";
    let head = "Things got much better.\n\n";
    let mut text = String::from(head);
    text.push_str(&filler(50 * 1024 * 1024));
    assert!(text.len() >= 50 * 1024 * 1024);

    let start = Instant::now();
    client.open(uri, &text);
    drop(text);
    // Above 8 MB the server does not review: it publishes an empty list (or nothing) for it, but must
    // stay responsive. Whatever it does, a request is answered within a bounded time.
    assert_alive_and_answering(&mut client);
    let answered = start.elapsed();
    assert!(
        answered < Duration::from_secs(8),
        "a request after a 50 MB open answered within 8 s (took {answered:?})"
    );
    let published = messages_until_sync(&mut client, publishes_for(uri));
    for p in &published {
        assert!(
            p["params"]["diagnostics"]
                .as_array()
                .is_some_and(|d| d.is_empty()),
            "a document above the review limit gets no findings: {p}"
        );
    }

    // Edits to the huge document land: "Now " at the very start, then everything after the first
    // paragraph is deleted (its end given as a line far past the end, which clamps to the end).
    client.change(
        uri,
        2,
        json!([{ "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } }, "text": "Now " }]),
    );
    client.change(
        uri,
        3,
        json!([{ "range": { "start": { "line": 2, "character": 0 }, "end": { "line": 100_000_000, "character": 0 } }, "text": "" }]),
    );
    // Now small, the document is reviewed, and the finding sits exactly where the edited text has it:
    // "Now Things got much better." — "much better" is UTF-16 columns 15..26 of line 0.
    let diagnostics = client.diagnostics_for(uri, 3);
    let vague: Vec<_> = diagnostics
        .iter()
        .filter(|d| d["code"] == "vague-claim")
        .collect();
    assert_eq!(vague.len(), 1, "{diagnostics:?}");
    assert!(range_is(vague[0], (0, 15), (0, 26)), "{}", vague[0]);
    // The end of the document is the end of the kept paragraph: a hover past the end is answered, and an
    // append at a far-away position lands after it.
    client.change(
        uri,
        4,
        json!([{ "range": { "start": { "line": 999, "character": 0 }, "end": { "line": 999, "character": 0 } }, "text": "It got much better." }]),
    );
    let diagnostics = client.diagnostics_for(uri, 4);
    let vague: Vec<_> = diagnostics
        .iter()
        .filter(|d| d["code"] == "vague-claim")
        .collect();
    assert_eq!(vague.len(), 2, "{diagnostics:?}");
    assert!(
        vague.iter().any(|d| range_is(d, (2, 7), (2, 18))),
        "the append landed on line 2: {diagnostics:?}"
    );
    assert_alive_and_answering(&mut client);
    client.shutdown();
}

/// One paragraph on one line of at least `bytes` bytes, made of `piece` repeated: diagnostics arrive
/// within a bounded time, all on line 0, and an edit in the middle of the line is re-reviewed.
fn single_line_paragraph(bytes: usize, piece: &str) {
    let mut client = Client::initialized(&["utf-16"], false);
    let uri = "file:///tmp/casebook-hostile/one-line.md";
    let mut text = String::new();
    while text.len() < bytes {
        text.push_str(piece);
    }
    text.push_str("that is all.");
    assert!(!text.contains('\n'));
    let start = Instant::now();
    client.open(uri, &text);
    let diagnostics = client.diagnostics_for(uri, 1);
    let took = start.elapsed();
    assert!(!diagnostics.is_empty(), "a long line gets its findings");
    assert!(
        // A hang guard, not a speed test (the benches measure speed): debug builds are slow.
        took < Duration::from_secs(60),
        "diagnostics within 60 s (took {took:?})"
    );
    for d in &diagnostics {
        assert_eq!(d["range"]["start"]["line"], 0, "{d}");
        assert_eq!(d["range"]["end"]["line"], 0, "{d}");
    }
    // An edit in the middle of the line is applied and re-reviewed.
    let middle = position(
        &text,
        piece.len() * (text.len() / piece.len() / 2),
        "utf-16",
    );
    client.change(
        uri,
        2,
        json!([{ "range": { "start": middle, "end": middle }, "text": "It improved significantly. " }]),
    );
    assert!(!client.diagnostics_for(uri, 2).is_empty());
    assert_alive_and_answering(&mut client);
    client.shutdown();
}

/// One 1 MB sentence (a paragraph without a full stop). Once quadratic in the sentence's length
/// (`cues::goal_framed` looked at every hit for every cue word); now linear.
#[test]
fn one_megabyte_single_line_paragraph_gets_diagnostics() {
    single_line_paragraph(
        1024 * 1024,
        "Checkout got much better for 日本 shoppers 😀, and ",
    );
}

/// Many short sentences on one 1 MB line. Once quadratic: every diagnostic's position walked its line
/// from the start; `document::position` now converts in O(log n).
#[test]
fn one_megabyte_line_of_many_sentences_gets_diagnostics() {
    single_line_paragraph(
        1024 * 1024,
        "Checkout got much better for 日本 shoppers 😀. ",
    );
}

/// The same shapes at a size the current server handles: no crash, findings, edits applied.
#[test]
fn long_single_line_paragraphs_get_diagnostics() {
    single_line_paragraph(
        64 * 1024,
        "Checkout got much better for 日本 shoppers 😀, and ",
    );
    single_line_paragraph(32 * 1024, "Checkout got much better for 日本 shoppers 😀. ");
}

fn deep_nesting(marker: &str) {
    let mut client = Client::initialized(&["utf-16"], false);
    let uri = "file:///tmp/casebook-hostile/deep.md";
    let text = format!(
        "{}Checkout got much better for shoppers.\n\nThen it got much better again.\n",
        marker.repeat(10_000)
    );
    let start = Instant::now();
    client.open(uri, &text);
    let diagnostics = client.diagnostics_for(uri, 1);
    let took = start.elapsed();
    assert!(
        // A hang guard, not a speed test (the benches measure speed): debug builds are slow.
        took < Duration::from_secs(60),
        "diagnostics within 60 s (took {took:?})"
    );
    // The paragraph after the nesting is prose whatever the nesting did.
    assert!(
        diagnostics
            .iter()
            .any(|d| d["code"] == "vague-claim" && d["range"]["start"]["line"] == 2),
        "{diagnostics:?}"
    );
    // Hover deep inside the nesting and on the innermost text.
    for at in [marker.len() * 5_000, text.find("much").unwrap()] {
        let hover = client.request_raw(
            "textDocument/hover",
            json!({ "textDocument": { "uri": uri }, "position": position(&text, at, "utf-16") }),
        );
        assert!(hover.get("error").is_none(), "{hover}");
    }
    // Un-nest one level in the middle, and nest it back.
    let middle = position(&text, marker.len() * 5_000, "utf-16");
    let after = json!({ "line": 0, "character": middle["character"].as_u64().unwrap() + marker.len() as u64 });
    client.change(
        uri,
        2,
        json!([{ "range": { "start": middle, "end": after }, "text": "" }]),
    );
    client.change(
        uri,
        3,
        json!([{ "range": { "start": middle, "end": middle }, "text": marker }]),
    );
    assert_eq!(
        client.diagnostics_for(uri, 3),
        diagnostics,
        "same text, same findings"
    );
    assert_alive_and_answering(&mut client);
    client.shutdown();
}

#[test]
fn ten_thousand_deep_nested_lists() {
    deep_nesting("- ");
}

#[test]
fn ten_thousand_deep_block_quotes() {
    deep_nesting("> ");
}

#[test]
fn ten_thousand_deep_mixed_quotes_and_ordered_lists() {
    deep_nesting("> 1. ");
}

#[test]
fn nul_bytes_and_odd_unicode_in_did_open() {
    let mut client = Client::initialized(&["utf-16"], false);
    // NUL, other C0 controls, BOM, a noncharacter, line/paragraph separators, NEL, bidi overrides, ZWJ
    // sequences, combining marks, a private-use char, the replacement char, and an astral CJK char.
    let odd = "\u{feff}# Odd\0story\u{1}\u{7f}\n\nCheckout got much better\0 for \u{202e}shoppers\u{202c} \
               👩\u{200d}👩\u{200d}👧 e\u{301}\u{302}\u{303} \u{fffe}\u{ffff}\u{e000}\u{fffd}\u{2028}\u{2029}\u{85}𠀀.\n\n\0\0\0\n";
    let uri = "file:///tmp/casebook-hostile/odd.md";
    client.open(uri, odd);
    let diagnostics = client.diagnostics_for(uri, 1);
    let vague: Vec<_> = diagnostics
        .iter()
        .filter(|d| d["code"] == "vague-claim")
        .collect();
    assert_eq!(vague.len(), 1, "{diagnostics:?}");
    // "Checkout got " is 13 columns into line 2.
    assert!(range_is(vague[0], (2, 13), (2, 24)), "{}", vague[0]);
    for (i, _) in odd.char_indices().step_by(3) {
        let hover = client.request_raw(
            "textDocument/hover",
            json!({ "textDocument": { "uri": uri }, "position": position(odd, i, "utf-16") }),
        );
        assert!(hover.get("error").is_none(), "hover at byte {i}: {hover}");
    }

    // Lone surrogates are legal in a JSON string escape but not in a Rust (or LSP) string. The message
    // cannot be decoded; the server must ignore it and go on.
    let lone = "file:///tmp/casebook-hostile/lone.md";
    for text in [
        r"a\ud800b",
        r"\udc00 much better",
        r"\ud83d",
        r"\ud83d\u0041",
        r"x\udfff\ud800",
    ] {
        let body = format!(
            r#"{{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{{"textDocument":{{"uri":"{lone}","languageId":"markdown","version":1,"text":"{text}"}}}}}}"#
        );
        client.send_raw(body.as_bytes());
        // The same through a change, and as a request parameter.
        let change = format!(
            r#"{{"jsonrpc":"2.0","method":"textDocument/didChange","params":{{"textDocument":{{"uri":"{uri}","version":2}},"contentChanges":[{{"text":"{text}"}}]}}}}"#
        );
        client.send_raw(change.as_bytes());
        let hover = format!(
            r#"{{"jsonrpc":"2.0","id":"lone","method":"textDocument/hover","params":{{"textDocument":{{"uri":"{text}"}},"position":{{"line":0,"character":0}}}}}}"#
        );
        client.send_raw(hover.as_bytes());
    }
    // Escaped odd but valid unicode: a NUL escape, a valid surrogate pair, a noncharacter.
    let escaped = r#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///tmp/casebook-hostile/escaped.md","languageId":"markdown","version":1,"text":"It got much better \u0000\ud83d\ude00\uffff."}}}"#;
    client.send_raw(escaped.as_bytes());
    let escaped_diagnostics = client.diagnostics_for("file:///tmp/casebook-hostile/escaped.md", 1);
    assert!(
        escaped_diagnostics
            .iter()
            .any(|d| range_is(d, (0, 7), (0, 18))),
        "{escaped_diagnostics:?}"
    );
    // The undecodable changes did not touch the document: same findings as before.
    let published = messages_until_sync(&mut client, publishes_for(uri));
    assert!(
        published.iter().all(|p| p["params"]["version"] == 1),
        "nothing was applied to {uri}: {published:?}"
    );
    assert_alive_and_answering(&mut client);
    client.shutdown();
}

/// Found by `nul_bytes_and_odd_unicode_in_did_open`: a line that starts with NUL right after a paragraph
/// made tree-sitter drop the paragraph (it reads NUL as the end of input); the parser now sees a space.
#[test]
fn nul_line_right_after_a_paragraph_keeps_its_findings() {
    let mut client = Client::initialized(&["utf-16"], false);
    let uri = "file:///tmp/casebook-hostile/nul-line.md";
    client.open(uri, "Checkout got much better for shoppers.\n\0\n");
    let diagnostics = client.diagnostics_for(uri, 1);
    assert!(
        diagnostics.iter().any(|d| range_is(d, (0, 13), (0, 24))),
        "the vague claim before the NUL line is found: {diagnostics:?}"
    );
    assert_alive_and_answering(&mut client);
    client.shutdown();
}

#[test]
fn document_closed_right_after_a_change_gets_no_diagnostics_after_close() {
    let mut client = Client::initialized(&["utf-16"], false);
    // Enough text that each review takes a while, and many documents, so that a publish of a closed
    // document's findings racing with its close has a chance to show.
    let body = format!("Checkout got much better.\n\n{}", filler(200 * 1024));
    let uris: Vec<String> = (0..20)
        .map(|i| format!("file:///tmp/casebook-hostile/closed-{i}.md"))
        .collect();
    for uri in &uris {
        client.open(uri, &body);
        client.change(
            uri,
            2,
            json!([{ "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } }, "text": "It got much better. " }]),
        );
        client.notify(
            "textDocument/didClose",
            json!({ "textDocument": { "uri": uri } }),
        );
    }
    // Let any late publisher run, then look at everything said about each document.
    std::thread::sleep(Duration::from_millis(300));
    for uri in &uris {
        let published = messages_until_sync(&mut client, publishes_for(uri));
        let last = published
            .last()
            .unwrap_or_else(|| panic!("{uri}: the close clears its diagnostics"));
        assert!(
            last["params"]["diagnostics"]
                .as_array()
                .is_some_and(|d| d.is_empty()),
            "{uri}: the last thing published after the close is an empty list, got {last}"
        );
    }
    // A request about a closed document is answered (with nothing).
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uris[0] }, "position": { "line": 0, "character": 3 } }),
    );
    assert!(hover.is_null(), "{hover}");
    let actions = client.request_raw(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uris[0] },
                "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 3 } },
                "context": { "diagnostics": [] } }),
    );
    assert!(actions.get("error").is_none(), "{actions}");
    assert_alive_and_answering(&mut client);
    client.shutdown();
}

const REQUEST_CANCELLED: i64 = -32800;

#[test]
fn cancel_request_for_in_flight_and_unknown_ids() {
    let mut client = Client::initialized(&["utf-16"], false);
    let uri = "file:///tmp/casebook-hostile/cancel.md";
    let text = format!("Checkout got much better.\n\n{}", filler(2 * 1024 * 1024));
    // A big open keeps the server busy, so the requests after it are in flight when cancelled.
    client.open(uri, &text);
    for id in 500..510 {
        client.send(&json!({
            "jsonrpc": "2.0", "id": id, "method": if id % 2 == 0 { "textDocument/hover" } else { "textDocument/codeAction" },
            "params": { "textDocument": { "uri": uri }, "position": { "line": 0, "character": 14 },
                        "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 4, "character": 0 } },
                        "context": { "diagnostics": [] } },
        }));
        client.notify("$/cancelRequest", json!({ "id": id }));
    }
    // Unknown ids, a string id, and malformed cancel parameters.
    client.notify("$/cancelRequest", json!({ "id": 123_456 }));
    client.notify("$/cancelRequest", json!({ "id": "no-such-request" }));
    client.notify("$/cancelRequest", json!({ "id": null }));
    client.notify("$/cancelRequest", json!({}));
    client.notify("$/cancelRequest", json!("garbage"));
    // Every cancelled request gets exactly one response: its result, or RequestCancelled.
    for id in 500..510 {
        let response = client
            .wait_for(|m| m["id"] == id && m.get("method").is_none())
            .unwrap_or_else(|| panic!("request {id} answered"));
        if let Some(error) = response.get("error") {
            assert_eq!(error["code"], REQUEST_CANCELLED, "{response}");
        }
    }
    let again = messages_until_sync(&mut client, |m| {
        m.get("method").is_none() && m["id"].as_i64().is_some_and(|id| (500..510).contains(&id))
    });
    assert!(again.is_empty(), "one response per request: {again:?}");
    // Cancelling a request that has already been answered changes nothing.
    client.notify("$/cancelRequest", json!({ "id": 500 }));
    assert_alive_and_answering(&mut client);
    client.shutdown();
}

const METHOD_NOT_FOUND: i64 = -32601;

#[test]
fn unknown_methods_are_refused_or_ignored() {
    let mut client = Client::initialized(&["utf-16"], false);
    for method in [
        "no/such/method",
        "casebook/secret",
        "textDocument/unknown",
        "",
        "💥",
    ] {
        let response = client.request_raw(method, json!({ "anything": [1, 2, 3] }));
        assert_eq!(
            response["error"]["code"], METHOD_NOT_FOUND,
            "{method}: {response}"
        );
        client.notify(method, json!({ "anything": [1, 2, 3] }));
    }
    // `$/` notifications the server does not know are ignored (including the server's own internal one).
    client.notify(
        "$/progress",
        json!({ "token": 1, "value": { "kind": "end" } }),
    );
    client.notify("$/setTrace", json!({ "value": "verbose" }));
    client.notify("$/casebook/malformed", json!({ "reason": 42 }));
    client.notify("$/casebook/malformed", json!(null));
    // A `$/` *request* is sent but not waited for: see `dollar_requests_are_answered_with_method_not_found`.
    client.send(&json!({ "jsonrpc": "2.0", "id": "dollar", "method": "$/unknownRequest" }));
    // Known methods with parameters of the wrong shape are refused, not fatal.
    for params in [
        json!(null),
        json!([]),
        json!("x"),
        json!({ "textDocument": 5 }),
        json!({ "position": { "line": -1, "character": 1.5 } }),
    ] {
        let response = client.request_raw("textDocument/hover", params.clone());
        assert!(response.get("error").is_some(), "{params}: {response}");
        client.notify("textDocument/didOpen", params.clone());
        client.notify("textDocument/didChange", params.clone());
        client.notify("textDocument/didClose", params);
    }
    // A response to a request the server never sent.
    client.send(&json!({ "jsonrpc": "2.0", "id": 424_242, "result": { "surprise": true } }));
    client
        .send(&json!({ "jsonrpc": "2.0", "id": 424_243, "error": { "code": 1, "message": "?" } }));
    // `initialize` a second time is refused.
    let again = client.request_raw("initialize", json!({ "capabilities": {} }));
    assert!(again.get("error").is_some(), "{again}");
    assert_alive_and_answering(&mut client);
    client.shutdown();
}

/// LSP: "if a server or client receives a request starting with '$/' it must error the request with
/// error code MethodNotFound". tower-lsp-server 0.23 drops that error for `$/` methods (service.rs), so
/// `lsp/transport.rs` renames such requests before they reach it.
#[test]
fn dollar_requests_are_answered_with_method_not_found() {
    let mut client = Client::initialized(&["utf-16"], false);
    let response = client.request_raw("$/unknownRequest", json!(null));
    assert_eq!(response["error"]["code"], METHOD_NOT_FOUND, "{response}");
    assert_alive_and_answering(&mut client);
    client.shutdown();
}

#[test]
fn invalid_json_and_json_that_is_not_json_rpc() {
    let mut client = Client::initialized(&["utf-16"], false);
    let bodies: &[&[u8]] = &[
        b"",
        b" ",
        b"{ not json",
        b"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"textDocument/hover\"",
        b"null",
        b"42",
        b"\"a string\"",
        b"[1,2,3]",
        b"[]",
        b"{}",
        b"{\"hello\":1}",
        b"\xff\xfe\x00\x01",
        b"\x00\x00\x00\x00",
        b"{\"jsonrpc\":\"1.0\",\"id\":7,\"method\":\"textDocument/hover\",\"params\":{}}",
        b"{\"jsonrpc\":\"2.0\",\"id\":{\"nested\":1},\"method\":\"shutdown\"}",
        b"{\"jsonrpc\":\"2.0\",\"id\":[1],\"method\":\"shutdown\"}",
        b"{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"shutdown\"}",
        b"{\"jsonrpc\":\"2.0\",\"method\":42}",
        b"{\"jsonrpc\":\"2.0\",\"method\":\"exit\",\"params\":",
        b"{\"jsonrpc\":\"2.0\",\"id\":9,\"result\":1,\"error\":{\"code\":1,\"message\":\"both\"}}",
        // A batch (JSON-RPC 2.0 allows them; LSP does not).
        b"[{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"shutdown\"}]",
        // Deeply nested JSON: serde_json's recursion limit must refuse it, not overflow the stack.
        &[b'['; 100_000],
    ];
    for body in bodies {
        client.send_raw(body);
    }
    let mut deep = Vec::new();
    deep.extend_from_slice(b"{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":");
    deep.extend(std::iter::repeat_n(b"{\"a\":", 50_000).flatten());
    deep.extend(std::iter::repeat_n(b'}', 50_001));
    client.send_raw(&deep);
    // Binary noise: 1 MB of every byte value.
    let noise: Vec<u8> = (0..1024 * 1024).map(|i| (i * 7 + i / 251) as u8).collect();
    client.send_raw(&noise);
    // None of the requests hidden in the garbage (ids 1, 7, 8, 9) is answered as if it were valid,
    // and `shutdown` inside a malformed frame did not shut the server down.
    assert_alive_and_answering(&mut client);
    client.shutdown();
}

/// A small client of our own for this one test: the shared one always writes truthful headers.
struct RawServer {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
}

impl RawServer {
    fn spawn() -> RawServer {
        let mut child = Command::new(env!("CARGO_BIN_EXE_casebook"))
            .arg("serve")
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
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (tx, incoming) = channel();
        std::thread::spawn(move || loop {
            let mut length = None;
            loop {
                let mut line = String::new();
                if stdout.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                if line.trim_end().is_empty() {
                    break;
                }
                if let Some(v) = line.trim_end().strip_prefix("Content-Length: ") {
                    length = v.parse().ok();
                }
            }
            let mut body = vec![0; length.unwrap_or(0)];
            if stdout.read_exact(&mut body).is_err() {
                return;
            }
            let Ok(message) = serde_json::from_slice::<Value>(&body) else {
                return;
            };
            if tx.send(message).is_err() {
                return;
            }
        });
        RawServer {
            child,
            stdin,
            incoming,
        }
    }

    fn write(&mut self, bytes: &[u8]) {
        let _ = self.stdin.write_all(bytes);
        let _ = self.stdin.flush();
    }

    fn send(&mut self, message: &Value) {
        let body = message.to_string();
        self.write(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    fn request(&mut self, id: i64, method: &str, params: Value) {
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
    }

    /// The response to `id`, answering the server's own requests on the way.
    fn response(&mut self, id: i64, within: Duration) -> Option<Value> {
        let deadline = Instant::now() + within;
        loop {
            let left = deadline.checked_duration_since(Instant::now())?;
            let m = self.incoming.recv_timeout(left).ok()?;
            if m.get("method").is_some() && m.get("id").is_some() {
                let reply = json!({ "jsonrpc": "2.0", "id": m["id"], "result": null });
                self.send(&reply);
            } else if m["id"] == id {
                return Some(m);
            }
        }
    }

    fn is_running(&mut self) -> bool {
        self.child.try_wait().ok().flatten().is_none()
    }
}

impl Drop for RawServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Observed behaviour, kept as the contract: a `Content-Length` shorter than the body makes the server
/// read a truncated body (reported as malformed and ignored); the rest of the body is then read as
/// header lines. The server survives, and the session recovers once a header line is well formed again.
#[test]
fn content_length_shorter_than_the_body() {
    let mut server = RawServer::spawn();
    server.request(1, "initialize", json!({ "capabilities": {} }));
    assert!(server.response(1, Duration::from_secs(10)).is_some());
    server.send(&json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }));

    let hover = |id: i64| {
        json!({ "jsonrpc": "2.0", "id": id, "method": "textDocument/hover",
                "params": { "textDocument": { "uri": "file:///tmp/x.md" }, "position": { "line": 0, "character": 0 } } })
    };
    let body = hover(2).to_string();
    // The header says 10 bytes; the body is longer.
    server.write(format!("Content-Length: 10\r\n\r\n{body}").as_bytes());
    // The next message, well formed.
    server.send(&hover(3));
    let next = server.response(3, Duration::from_secs(2));
    assert!(server.is_running(), "the server survives a lying header");
    if next.is_none() {
        // The tail of the lying body and the next header were read as one header line, so message 3 was
        // lost. A blank line ends that header block, after which the stream is in step again.
        eprintln!("observed: the message after a short Content-Length was lost");
    }
    server.write(b"\r\n\r\n");
    server.send(&hover(4));
    server.send(&hover(5));
    let answered = server.response(5, Duration::from_secs(5));
    assert!(
        answered.is_some(),
        "after the lie, the session recovers and answers a request"
    );
    assert!(answered.unwrap().get("error").is_none());
    // And a longer-than-body header: the server waits for the missing bytes, which the next message
    // supplies; that message is swallowed into the lying one and the stream is then back in step.
    server.write(format!("Content-Length: {}\r\n\r\n{body}", body.len() + 5).as_bytes());
    server.write(b"\r\n\r\n\r\n");
    for id in 6..9 {
        server.send(&hover(id));
    }
    assert!(server.response(8, Duration::from_secs(5)).is_some());
    // Shut down cleanly.
    server.request(9, "shutdown", json!(null));
    assert!(server.response(9, Duration::from_secs(5)).is_some());
    server.send(&json!({ "jsonrpc": "2.0", "method": "exit" }));
    let deadline = Instant::now() + Duration::from_secs(5);
    while server.is_running() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    let status = server.child.try_wait().unwrap().expect("exited");
    assert!(status.success(), "{status}");
}

#[test]
fn versions_out_of_order_are_applied_in_arrival_order() {
    let mut client = Client::initialized(&["utf-16"], false);
    let uri = "file:///tmp/casebook-hostile/versions.md";
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "markdown", "version": 5, "text": "Things got much better.\n" } }),
    );
    let opened = client.diagnostics_for(uri, 5);
    assert!(
        opened.iter().any(|d| range_is(d, (0, 11), (0, 22))),
        "{opened:?}"
    );
    let at_start =
        json!({ "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } });
    client.change(uri, 6, json!([{ "range": at_start, "text": "Truly, " }]));
    // A lower version than the last one, then the same version again, then a negative one.
    client.change(uri, 3, json!([{ "range": at_start, "text": "Now " }]));
    client.change(uri, 3, json!([{ "range": at_start, "text": "So " }]));
    client.change(uri, -7, json!([{ "range": at_start, "text": "日本 " }]));
    // The editor's text is "日本 So Now Truly, Things got much better." — every edit applied as it came.
    let diagnostics = client.diagnostics_for(uri, -7);
    let vague: Vec<_> = diagnostics
        .iter()
        .filter(|d| d["code"] == "vague-claim")
        .collect();
    assert_eq!(vague.len(), 1, "{diagnostics:?}");
    assert!(range_is(vague[0], (0, 28), (0, 39)), "{}", vague[0]);
    // A re-open with a lower version replaces the text.
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "markdown", "version": 1, "text": "It got much better.\n" } }),
    );
    let diagnostics = client.diagnostics_for(uri, 1);
    assert!(
        diagnostics.iter().any(|d| range_is(d, (0, 7), (0, 18))),
        "{diagnostics:?}"
    );
    assert_alive_and_answering(&mut client);
    client.shutdown();
}

/// `bytes` of document, `edits` one-character changes queued without waiting, then `shutdown` + `exit`:
/// the shutdown is answered and the process exits with status 0 within `limit`.
fn shutdown_after_a_burst(bytes: usize, edits: i64, limit: Duration) {
    let mut client = Client::initialized(&["utf-16"], false);
    let uri = "file:///tmp/casebook-hostile/busy.md";
    let text = format!("Checkout got much better.\n\n{}", filler(bytes));
    client.open(uri, &text);
    // Many changes queued: typing at the start and in the middle, each one a re-review.
    let middle = text.lines().count() as i64 / 2;
    for version in 2..2 + edits {
        let line = if version % 2 == 0 { 0 } else { middle };
        client.change(
            uri,
            version,
            json!([{ "range": { "start": { "line": line, "character": 0 }, "end": { "line": line, "character": 0 } }, "text": "x" }]),
        );
    }
    for id in 0..20 {
        client.send(&json!({ "jsonrpc": "2.0", "id": 9000 + id, "method": "textDocument/hover",
            "params": { "textDocument": { "uri": uri }, "position": { "line": 2, "character": id } } }));
    }
    // The final request of this test is `shutdown`, answered; `exit` then ends the process with 0.
    let start = Instant::now();
    client.shutdown();
    let took = start.elapsed();
    assert!(
        took < limit,
        "shutdown and exit within {limit:?} (took {took:?})"
    );
}

#[test]
fn shutdown_in_the_middle_of_work_exits_cleanly() {
    shutdown_after_a_burst(32 * 1024, 300, Duration::from_secs(8));
}

/// 300 keystrokes queued on a 512 KB document, then shutdown: each change re-parses one chunk and
/// re-reviews what changed, so shutdown is answered promptly.
#[test]
fn shutdown_after_a_burst_on_a_large_document_is_prompt() {
    shutdown_after_a_burst(512 * 1024, 300, Duration::from_secs(8));
}

#[test]
fn exit_without_shutdown_in_the_middle_of_work_ends_the_process() {
    let mut client = Client::initialized(&["utf-16"], false);
    let uri = "file:///tmp/casebook-hostile/busy.md";
    client.open(
        uri,
        &format!("Checkout got much better.\n\n{}", filler(32 * 1024)),
    );
    for version in 2..300 {
        client.change(
            uri,
            version,
            json!([{ "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } }, "text": "x" }]),
        );
    }
    let start = Instant::now();
    client.notify("exit", Value::Null);
    while client.is_running() {
        assert!(
            start.elapsed() < Duration::from_secs(8),
            "the server exits after `exit`"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Starts a server, initializes it, and closes its stdin as a crashed editor would; `answer` says
/// whether the server's own requests (registration, configuration) were answered first. Returns whether
/// the process exited within 5 s.
fn exits_on_disconnect(answer: bool) -> bool {
    let mut server = RawServer::spawn();
    server.request(
        1,
        "initialize",
        json!({ "capabilities": { "workspace": { "configuration": true } } }),
    );
    assert!(server.response(1, Duration::from_secs(10)).is_some());
    server.send(&json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }));
    if answer {
        // `response` answers the server's requests while it waits; a hover on nothing ends the wait.
        for id in 2..4 {
            std::thread::sleep(Duration::from_millis(200));
            server.request(id, "textDocument/hover", json!({ "textDocument": { "uri": "file:///x.md" }, "position": { "line": 0, "character": 0 } }));
            assert!(server.response(id, Duration::from_secs(5)).is_some());
        }
    } else {
        std::thread::sleep(Duration::from_millis(300));
    }
    // Close the server's stdin (swapping in the stdin of a short-lived `true`, which is then reaped).
    let mut stand_in = Command::new("true").stdin(Stdio::piped()).spawn().unwrap();
    let stdin = std::mem::replace(&mut server.stdin, stand_in.stdin.take().unwrap());
    drop(stdin);
    let _ = stand_in.wait();
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if !server.is_running() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

#[test]
fn server_exits_when_the_client_disconnects() {
    assert!(exits_on_disconnect(true), "the server exits on stdin EOF");
}

/// The client closes its end while the server waits on the client's answer to its own request
/// (`client/registerCapability` or `workspace/configuration`): end of input counts as `exit`.
#[test]
fn server_exits_when_the_client_disconnects_without_answering_its_requests() {
    assert!(
        exits_on_disconnect(false),
        "the server exits on stdin EOF even with its own requests unanswered"
    );
}
