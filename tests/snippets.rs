//! Template slots as tab stops: a client that accepts snippet edits (LSP 3.18 `snippetEditSupport`, with
//! `documentChanges`) gets a template's `[slots]` as tab stops; once expanded to their defaults they give
//! exactly the text a client without snippets gets, in UTF-8 and UTF-16 sessions, around emoji and CJK.
//! Every other client gets the plain edits it always had.

mod common;

use common::{apply_edits, position, Client};
use serde_json::{json, Value};
use std::ops::Range;

const URI: &str = "file:///tmp/casebook-snippets/story.md";

/// Draws a vague claim (after CJK and emoji on its line, so UTF-8 and UTF-16 positions differ), a
/// missing customer problem, a weak verb and more.
const DRAFT: &str = "# 🚀 Search rewrite 日本\n\nI rebuilt the search indexing pipeline on Kafka with sharded Elasticsearch indices and idempotent consumers.\nI cut p99 query latency from 1,200 ms to 300 ms.\nThe 日本 ranking 🎉 improved relevance significantly.\n\nI helped with the rollout to every region.\nThis demonstrates my Customer Obsession.\n";

const SNIPPETS: &str = r#"{ "documentChanges": true, "snippetEditSupport": true }"#;

/// A server initialized with `workspaceEdit` capabilities (JSON) and `encoding`; `resolve` asks for
/// edits through `codeAction/resolve`.
fn client(workspace_edit: &str, encoding: &str, resolve: bool) -> Client {
    let mut client = Client::spawn(&["serve", "--stdio"]);
    let workspace_edit: Value = serde_json::from_str(workspace_edit).expect("capabilities");
    let mut code_action = json!({ "dataSupport": true });
    if resolve {
        code_action["resolveSupport"] = json!({ "properties": ["edit"] });
    }
    client.request(
        "initialize",
        json!({
            "processId": null,
            "capabilities": {
                "general": { "positionEncodings": [encoding] },
                "textDocument": { "codeAction": code_action },
                "workspace": { "workspaceEdit": workspace_edit },
            },
        }),
    );
    client.notify("initialized", json!({}));
    client
}

/// Expands a snippet as an editor does when the writer accepts every default: `${n:default}` becomes its
/// default, `$n` nothing, `\$ \} \\` the character. Also returns each tab stop's number and the range of
/// its default in the expanded text, in the order they appear. Anything outside that grammar fails.
fn expand(snippet: &str) -> (String, Vec<(u32, Range<usize>)>) {
    fn number(chars: &mut std::iter::Peekable<std::str::Chars>) -> u32 {
        let mut digits = String::new();
        while let Some(d) = chars.next_if(char::is_ascii_digit) {
            digits.push(d);
        }
        digits.parse().expect("a tab stop number")
    }
    fn walk(
        chars: &mut std::iter::Peekable<std::str::Chars>,
        out: &mut String,
        stops: &mut Vec<(u32, Range<usize>)>,
        nested: bool,
    ) {
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    let escaped = chars.next().expect("a character after \\");
                    assert!("$}\\".contains(escaped), "needless escape \\{escaped}");
                    out.push(escaped);
                }
                '$' if chars.next_if_eq(&'{').is_some() => {
                    let n = number(chars);
                    let start = out.len();
                    match chars.next() {
                        Some(':') => walk(chars, out, stops, true),
                        Some('}') => {}
                        other => panic!("unexpected {other:?} in a tab stop"),
                    }
                    stops.push((n, start..out.len()));
                }
                '$' => {
                    let n = number(chars);
                    stops.push((n, out.len()..out.len()));
                }
                '}' if nested => return,
                '}' => panic!("unescaped }} after {out:?}"),
                c => out.push(c),
            }
        }
        assert!(!nested, "unterminated placeholder");
    }
    let (mut out, mut stops) = (String::new(), Vec::new());
    walk(&mut snippet.chars().peekable(), &mut out, &mut stops, false);
    (out, stops)
}

/// A code action's edits as plain `TextEdit`s (snippets expanded to their defaults), from `changes` or
/// from `documentChanges`.
fn plain_edits(action: &Value) -> Vec<Value> {
    let edit = &action["edit"];
    if let Some(edits) = edit["changes"][URI].as_array() {
        return edits.clone();
    }
    let changes = edit["documentChanges"]
        .as_array()
        .unwrap_or_else(|| panic!("an edit: {action}"));
    assert_eq!(changes.len(), 1, "{action}");
    assert_eq!(changes[0]["textDocument"]["uri"], URI);
    changes[0]["edits"]
        .as_array()
        .expect("edits")
        .iter()
        .map(|e| match e.get("snippet") {
            Some(snippet) => {
                assert_eq!(snippet["kind"], "snippet", "{e}");
                let (text, _) = expand(snippet["value"].as_str().expect("a snippet value"));
                json!({ "range": e["range"], "newText": text })
            }
            None => e.clone(),
        })
        .collect()
}

/// The byte offset of an LSP position in `text`, counting `encoding` units.
fn offset_of(text: &str, pos: &Value, encoding: &str) -> usize {
    let marked = apply_edits(
        text,
        &[json!({ "range": { "start": pos, "end": pos }, "newText": "\u{0}" })],
        encoding,
    );
    marked.find('\u{0}').expect("the mark")
}

fn code_actions(client: &mut Client, diagnostic: &Value) -> Vec<Value> {
    let actions = client.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": URI }, "range": diagnostic["range"],
                "context": { "diagnostics": [diagnostic] } }),
    );
    actions.as_array().expect("actions").clone()
}

fn find<'a>(actions: &'a [Value], title: &str) -> &'a Value {
    actions
        .iter()
        .find(|a| a["title"] == title)
        .unwrap_or_else(|| panic!("\"{title}\" offered: {actions:?}"))
}

/// Every action offered on every finding: with snippets, the same document once expanded, and the tab
/// stops are exactly the slots the server then flags in the inserted text.
fn snippets_expand_to_the_plain_edits(encoding: &str) {
    let mut plain = client("{}", encoding, false);
    let mut snippets = client(SNIPPETS, encoding, false);
    plain.open(URI, DRAFT);
    snippets.open(URI, DRAFT);
    let diagnostics = plain.diagnostics_for(URI, 1);
    assert_eq!(snippets.diagnostics_for(URI, 1), diagnostics);
    let mut with_tab_stops = Vec::new();
    let mut version = 1;
    for d in &diagnostics {
        let offered = code_actions(&mut plain, d);
        let with_snippets = code_actions(&mut snippets, d);
        let offered_at = version;
        assert_eq!(offered.len(), with_snippets.len(), "{encoding}: {d}");
        for (p, s) in offered.iter().zip(&with_snippets) {
            assert_eq!(p["title"], s["title"]);
            assert_eq!(p["diagnostics"], s["diagnostics"]);
            assert!(p["edit"].get("documentChanges").is_none(), "{p}");
            let Some(changes) = s["edit"].get("documentChanges") else {
                assert_eq!(p, s, "{encoding}: an edit without slots stays as it was");
                continue;
            };
            assert_eq!(changes[0]["textDocument"]["version"], offered_at, "{s}");
            let expected = apply_edits(DRAFT, plain_edits(p).as_slice(), encoding);
            let fixed = apply_edits(DRAFT, plain_edits(s).as_slice(), encoding);
            assert_eq!(fixed, expected, "{encoding}: \"{}\"", s["title"]);

            // The tab stops, numbered in order and ending with $0, are the slots the rule flags.
            let [edit] = changes[0]["edits"].as_array().expect("edits").as_slice() else {
                panic!("one edit: {s}");
            };
            let (text, stops) = expand(edit["snippet"]["value"].as_str().expect("a snippet"));
            let numbers: Vec<u32> = stops.iter().map(|(n, _)| *n).collect();
            let mut expected_numbers: Vec<u32> = (1..stops.len() as u32).collect();
            expected_numbers.push(0);
            assert_eq!(numbers, expected_numbers, "{}", edit["snippet"]["value"]);
            assert_eq!(stops.last().map(|(_, r)| r.start), Some(text.len()));
            let at = offset_of(DRAFT, &edit["range"]["start"], encoding);
            let stop_ranges: Vec<Value> = stops[..stops.len() - 1]
                .iter()
                .map(|(_, r)| {
                    json!({ "start": position(&fixed, at + r.start, encoding),
                            "end": position(&fixed, at + r.end, encoding) })
                })
                .collect();
            version += 1;
            snippets.change(URI, version, json!([{ "text": fixed }]));
            let flagged: Vec<Value> = snippets
                .diagnostics_for(URI, version)
                .into_iter()
                .filter(|f| f["code"] == "unfilled-placeholder")
                .map(|f| f["range"].clone())
                .filter(|r| {
                    let start = offset_of(&fixed, &r["start"], encoding);
                    at <= start && start < at + text.len()
                })
                .collect();
            assert_eq!(stop_ranges, flagged, "{encoding}: \"{}\"", s["title"]);
            version += 1;
            snippets.change(URI, version, json!([{ "text": DRAFT }]));
            snippets.diagnostics_for(URI, version);
            with_tab_stops.push(s["title"].as_str().unwrap_or_default().to_string());
        }
    }
    for title in ["Insert metric template", "Insert customer-problem template"] {
        assert!(
            with_tab_stops.iter().any(|t| t == title),
            "{encoding}: \"{title}\" came with tab stops: {with_tab_stops:?}"
        );
    }
    let vague = diagnostics
        .iter()
        .find(|d| d["code"] == "vague-claim")
        .expect("a vague claim");
    let metric = code_actions(&mut snippets, vague);
    let metric = find(&metric, "Insert metric template");
    assert_eq!(
        metric["edit"]["documentChanges"][0]["edits"][0]["snippet"]["value"],
        " from ${1:[baseline]} to ${2:[result]} (${3:[unit]}), which ${4:[customer or business outcome]}$0"
    );
    plain.shutdown();
    snippets.shutdown();
}

#[test]
fn snippets_expand_to_the_plain_edits_in_utf8() {
    snippets_expand_to_the_plain_edits("utf-8");
}

#[test]
fn snippets_expand_to_the_plain_edits_in_utf16() {
    snippets_expand_to_the_plain_edits("utf-16");
}

/// With `codeAction/resolve`, the snippet comes with the resolved action, and a stale one is refused.
#[test]
fn resolved_edits_are_snippets_and_stale_ones_are_refused() {
    let encoding = "utf-16";
    let mut client = client(SNIPPETS, encoding, true);
    client.open(URI, DRAFT);
    let diagnostics = client.diagnostics_for(URI, 1);
    let vague = diagnostics
        .iter()
        .find(|d| d["code"] == "vague-claim")
        .expect("a vague claim");
    let actions = code_actions(&mut client, vague);
    let metric = find(&actions, "Insert metric template").clone();
    assert!(
        metric.get("edit").is_none(),
        "no edit before resolve: {metric}"
    );
    let resolved = client.request("codeAction/resolve", metric.clone());
    assert_eq!(resolved["title"], "Insert metric template");
    let changes = &resolved["edit"]["documentChanges"][0];
    assert_eq!(changes["textDocument"]["version"], 1, "{resolved}");
    assert!(
        changes["edits"][0]["snippet"]["value"]
            .as_str()
            .is_some_and(|v| v.starts_with(" from ${1:[baseline]} to ${2:[result]}")),
        "{resolved}"
    );
    assert_eq!(
        apply_edits(DRAFT, &plain_edits(&resolved), encoding),
        DRAFT.replace(
            "relevance significantly.",
            "relevance significantly from [baseline] to [result] ([unit]), which [customer or business outcome]."
        )
    );

    // Once the text has changed under it, the action says so instead of applying a stale edit.
    client.change(
        URI,
        2,
        json!([{ "text": format!("{DRAFT}\nOne more line.\n") }]),
    );
    client.diagnostics_for(URI, 2);
    let stale = client.request_raw("codeAction/resolve", metric);
    let message = stale["error"]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("was offered for an earlier version"),
        "{stale}"
    );
    client.shutdown();
}

/// Clients that do not accept snippet edits in `documentChanges` get plain `TextEdit`s in `changes`,
/// whether edits come with the action or on resolve.
fn no_snippets_for(workspace_edit: &str) {
    for resolve in [false, true] {
        let mut client = client(workspace_edit, "utf-16", resolve);
        client.open(URI, DRAFT);
        let diagnostics = client.diagnostics_for(URI, 1);
        let mut sent = Vec::new();
        for d in &diagnostics {
            for action in code_actions(&mut client, d) {
                let action = if resolve {
                    client.request("codeAction/resolve", action)
                } else {
                    action
                };
                assert!(action["edit"]["changes"][URI].is_array(), "{action}");
                sent.push(action);
            }
        }
        let text = Value::Array(sent).to_string();
        assert!(text.contains("[baseline]"), "the templates were offered");
        assert!(!text.contains("\"snippet\""), "{workspace_edit}: {text}");
        assert!(
            !text.contains("documentChanges"),
            "{workspace_edit}: {text}"
        );
        client.shutdown();
    }
}

#[test]
fn clients_without_snippet_support_get_plain_edits() {
    no_snippets_for("{}");
    no_snippets_for(r#"{ "documentChanges": true, "snippetEditSupport": false }"#);
}

#[test]
fn snippet_support_without_document_changes_gets_plain_edits() {
    no_snippets_for(r#"{ "snippetEditSupport": true }"#);
    no_snippets_for(r#"{ "documentChanges": false, "snippetEditSupport": true }"#);
}

#[test]
fn the_expander_reads_the_snippet_grammar() {
    let (text, stops) = expand(r"a ${1:[b\}]} \$c \\ $2${3}$0");
    assert_eq!(text, r"a [b}] $c \ ");
    assert_eq!(stops, [(1, 2..6), (2, 12..12), (3, 12..12), (0, 12..12)]);
}
