//! Every quick fix, applied as an editor applies it, removes the finding it fixes (a template's slots
//! are then reported as `unfilled-placeholder` until filled), in UTF-8 and UTF-16 sessions, with LF and
//! CRLF line endings, around emoji and CJK.

mod common;

use common::{apply_edits, Client};
use serde_json::{json, Value};

const URI: &str = "file:///tmp/casebook-actions/story.md";

/// A thin engineering story that draws most findings: no customer problem, no alternatives, no
/// validation, no influence, no learning, a vague claim, a technical metric alone, a weak verb and a
/// principle named outright.
const DRAFT: &str = "# 🚀 Search rewrite 日本\n\nI rebuilt the search indexing pipeline on Kafka with sharded Elasticsearch indices and idempotent consumers.\nI cut p99 query latency from 1,200 ms to 300 ms.\nThe new ranking improved relevance significantly.\n\nI helped with the rollout to every region.\nThis demonstrates my Customer Obsession.\n";

fn codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect()
}

/// Opens `text`, and for every quick fix offered on each diagnostic, applies it in a fresh document and
/// checks what the server then says.
fn every_fix_clears_its_finding(encoding: &str, text: &str) {
    let mut client = Client::initialized(&[encoding], false);
    client.open(URI, text);
    let diagnostics = client.diagnostics_for(URI, 1);
    let mut version = 1;
    let mut fixed_rules = Vec::new();
    for d in &diagnostics {
        let rule = d["code"].as_str().unwrap().to_string();
        let actions = client.request(
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": URI }, "range": d["range"], "context": { "diagnostics": [d] } }),
        );
        let fixes: Vec<&Value> = actions
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["kind"] == "quickfix" && a["diagnostics"][0]["code"] == rule.as_str())
            .collect();
        for fix in fixes {
            let edits = fix["edit"]["changes"][URI].as_array().unwrap();
            let fixed = apply_edits(text, edits, encoding);
            // Send the whole fixed text and read what the server says about it.
            version += 1;
            client.change(URI, version, json!([{ "text": fixed }]));
            let after = client.diagnostics_for(URI, version);
            let still = after.iter().any(|a| {
                a["code"] == rule.as_str()
                    && (rule.starts_with("missing-") || a["range"] == d["range"])
            });
            assert!(
                !still,
                "{encoding}: \"{}\" left its {rule} finding: {:?}\n{fixed}",
                fix["title"],
                codes(&after)
            );
            // Back to the original for the next fix.
            version += 1;
            client.change(URI, version, json!([{ "text": text }]));
            client.diagnostics_for(URI, version);
            fixed_rules.push(rule.clone());
        }
    }
    for rule in [
        "vague-claim",
        "technical-metric-only",
        "weak-verb",
        "named-principle",
        "missing-customer-problem",
        "missing-alternatives",
        "missing-validation",
        "missing-influence",
        "missing-learning",
    ] {
        assert!(
            fixed_rules.iter().any(|r| r == rule),
            "{encoding}: no quick fix was offered for {rule}: offered {fixed_rules:?}, found {:?}",
            codes(&diagnostics)
        );
    }
    client.shutdown();
}

#[test]
fn fixes_clear_their_findings_in_utf16() {
    every_fix_clears_its_finding("utf-16", DRAFT);
}

#[test]
fn fixes_clear_their_findings_in_utf8() {
    every_fix_clears_its_finding("utf-8", DRAFT);
}

#[test]
fn fixes_clear_their_findings_with_crlf() {
    every_fix_clears_its_finding("utf-16", &DRAFT.replace('\n', "\r\n"));
}

/// A client that resolves edits lazily gets actions without edits, and the edit of the one it picks.
#[test]
fn edits_are_resolved_only_when_chosen() {
    let mut client = Client::spawn(&["serve"]);
    client.request(
        "initialize",
        json!({ "capabilities": { "textDocument": { "codeAction": {
            "resolveSupport": { "properties": ["edit"] },
            "dataSupport": true,
        } } } }),
    );
    client.notify("initialized", json!({}));
    let text = "# Story\n\nThe 日本 launch went much better than planned 🎉.\n\n";
    client.open(URI, text);
    client.diagnostics_for(URI, 1);
    let blank_line = json!({ "line": 3, "character": 0 });
    let actions = client.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": URI }, "range": { "start": blank_line, "end": blank_line },
                "context": { "diagnostics": [] } }),
    );
    let skeleton = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Insert case-study skeleton")
        .expect("skeleton offered on a blank line")
        .clone();
    assert!(
        skeleton.get("edit").is_none(),
        "no edit before resolve: {skeleton}"
    );
    let resolved = client.request("codeAction/resolve", skeleton.clone());
    let edits = resolved["edit"]["changes"][URI].as_array().unwrap();
    let fixed = apply_edits(text, edits, "utf-16");
    assert!(
        fixed.starts_with(
            "# Story\n\nThe 日本 launch went much better than planned 🎉.\n\n## Problem\n"
        ),
        "inserted on the blank line, after a blank line: {fixed:?}"
    );
    assert!(fixed.contains("## Problem") && fixed.contains("## Learnings"));

    // Once the text has changed under it, the action says so instead of applying a stale edit.
    client.change(URI, 2, json!([{ "text": "Short.\n" }]));
    client.diagnostics_for(URI, 2);
    let stale = client.request_raw("codeAction/resolve", skeleton);
    assert!(stale.get("error").is_some(), "{stale}");
    client.shutdown();
}

/// Neovim asks for actions at the cursor and sends every diagnostic of the cursor's line: at the start
/// of a heading (before the `#`, outside the findings' ranges) the fixes for those findings are offered,
/// once each, and a client that resolves edits lazily gets the edit of the one it picks.
#[test]
fn the_line_diagnostics_sent_along_bring_their_fixes() {
    for resolve in [false, true] {
        let mut client = Client::spawn(&["serve"]);
        let capabilities = match resolve {
            true => json!({ "textDocument": { "codeAction": {
                "resolveSupport": { "properties": ["edit"] }, "dataSupport": true } } }),
            false => json!({}),
        };
        client.request("initialize", json!({ "capabilities": capabilities }));
        client.notify("initialized", json!({}));
        client.open(URI, DRAFT);
        let diagnostics = client.diagnostics_for(URI, 1);
        let on_heading: Vec<&Value> = diagnostics
            .iter()
            .filter(|d| d["range"]["start"]["line"] == 0)
            .collect();
        assert!(
            on_heading
                .iter()
                .any(|d| d["code"] == "missing-customer-problem"),
            "{on_heading:?}"
        );
        let cursor = json!({ "line": 0, "character": 0 });
        let ask = |client: &mut Client, sent: Vec<&Value>| {
            client.request(
                "textDocument/codeAction",
                json!({ "textDocument": { "uri": URI }, "range": { "start": cursor, "end": cursor },
                        "context": { "diagnostics": sent } }),
            )
        };
        // Without the line's diagnostics, the cursor before the `#` touches no finding.
        let alone = ask(&mut client, Vec::new());
        assert!(
            !alone
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a["kind"] == "quickfix"),
            "{alone}"
        );
        let actions = ask(&mut client, on_heading.clone());
        let titles: Vec<&str> = actions
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["kind"] == "quickfix")
            .map(|a| a["title"].as_str().unwrap())
            .collect();
        let mut unique = titles.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(titles.len(), unique.len(), "offered once each: {titles:?}");
        let problem = actions
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["diagnostics"][0]["code"] == "missing-customer-problem")
            .unwrap_or_else(|| panic!("a fix for the missing customer problem: {titles:?}"))
            .clone();
        let edits = match resolve {
            true => client.request("codeAction/resolve", problem)["edit"]["changes"][URI].clone(),
            false => problem["edit"]["changes"][URI].clone(),
        };
        let fixed = apply_edits(DRAFT, edits.as_array().unwrap(), "utf-16");
        client.change(URI, 2, json!([{ "text": fixed }]));
        let after = client.diagnostics_for(URI, 2);
        assert!(
            !codes(&after)
                .iter()
                .any(|c| c == "missing-customer-problem"),
            "{resolve}: {:?}",
            codes(&after)
        );
        client.shutdown();
    }
}
