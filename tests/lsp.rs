//! End-to-end: the real binary over stdio, driven as an editor drives it.

mod common;

use common::{apply_edits, position, Client};
use serde_json::{json, Value};

const URI: &str = "file:///tmp/casebook-e2e/story.md";

fn vague_claims(diagnostics: &[Value]) -> Vec<&Value> {
    diagnostics
        .iter()
        .filter(|d| d["code"] == "vague-claim")
        .collect()
}

fn range_text<'a>(text: &'a str, range: &Value, encoding: &str) -> &'a str {
    let start = byte_of(text, &range["start"], encoding);
    let end = byte_of(text, &range["end"], encoding);
    &text[start..end]
}

fn byte_of(text: &str, pos: &Value, encoding: &str) -> usize {
    // Apply an empty edit at the position and see where it lands.
    let marker = "\u{1}";
    let edited = apply_edits(
        text,
        &[json!({ "range": { "start": pos, "end": pos }, "newText": marker })],
        encoding,
    );
    edited.find(marker).unwrap()
}

/// The whole editor round trip in one encoding: diagnostics, hover, code action, applied edit.
fn round_trip(encoding: &str) {
    let mut client = Client::initialized(&[encoding], false);
    let text = "# 🚀 Launch 日本\n\nThe 日本 team 🎉 improved performance significantly. Then we shipped.\n";
    client.open(URI, text);
    let diagnostics = client.diagnostics_for(URI, 1);
    let vague = vague_claims(&diagnostics);
    assert_eq!(vague.len(), 1, "{diagnostics:?}");
    let d = vague[0];
    assert_eq!(d["source"], "casebook");
    assert_eq!(
        range_text(text, &d["range"], encoding),
        "improved performance significantly"
    );

    let at = text.find("performance").unwrap();
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": URI }, "position": position(text, at, encoding) }),
    );
    let markdown = hover["contents"]["value"].as_str().unwrap();
    let first = markdown.lines().next().unwrap();
    assert!(first.starts_with("**Shows"), "{first}");
    assert!(range_text(text, &hover["range"], encoding).starts_with("The 日本 team 🎉 improved"));

    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": URI },
            "range": d["range"],
            "context": { "diagnostics": [d] },
        }),
    );
    let action = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Insert metric template")
        .expect("metric template offered");
    assert_eq!(action["kind"], "quickfix");
    let edits = action["edit"]["changes"][URI].as_array().unwrap();
    let fixed = apply_edits(text, edits, encoding);
    assert_eq!(
        fixed,
        "# 🚀 Launch 日本\n\nThe 日本 team 🎉 improved performance significantly from [baseline] to [result] ([unit]), which [customer or business outcome]. Then we shipped.\n"
    );
    // Send the edit back as the editor would, incrementally, and the finding goes away.
    let changes: Vec<Value> = edits
        .iter()
        .map(|e| json!({ "range": e["range"], "text": e["newText"] }))
        .collect();
    client.change(URI, 2, json!(changes));
    let after = client.diagnostics_for(URI, 2);
    assert!(vague_claims(&after).is_empty(), "{after:?}");
    client.shutdown();
}

#[test]
fn round_trip_in_utf16() {
    round_trip("utf-16");
}

#[test]
fn round_trip_in_utf8() {
    round_trip("utf-8");
}

#[test]
fn utf8_is_chosen_when_offered_and_utf16_otherwise() {
    let mut client = Client::spawn(&["serve"]);
    let result = client.request(
        "initialize",
        json!({ "capabilities": { "general": { "positionEncodings": ["utf-16", "utf-8"] } } }),
    );
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
    let mut client = Client::spawn(&["serve"]);
    let result = client.request("initialize", json!({ "capabilities": {} }));
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(result["capabilities"]["textDocumentSync"]["change"], 2);
}

#[test]
fn rapid_fire_typing_is_applied_in_order() {
    let mut client = Client::initialized(&["utf-16"], false);
    let mut text = String::from("Intro 😀.\n\n");
    client.open(URI, &text);
    let typed = "Checkout got much better for 日本 shoppers. ";
    let mut version = 1;
    for _round in 0..6 {
        for c in typed.chars() {
            let at = position(&text, text.len() - 1, "utf-16");
            text.insert(text.len() - 1, c);
            version += 1;
            client.change(
                URI,
                version,
                json!([{ "range": { "start": at, "end": at }, "text": c.to_string() }]),
            );
        }
    }
    let diagnostics = client.diagnostics_for(URI, version);
    let vague = vague_claims(&diagnostics);
    assert_eq!(vague.len(), 6, "{diagnostics:?}");
    for d in vague {
        assert_eq!(range_text(&text, &d["range"], "utf-16"), "much better");
    }
    client.shutdown();
}

#[test]
fn pull_diagnostics_for_clients_that_ask() {
    let mut client = Client::initialized(&["utf-16"], true);
    client.open(URI, "Things got better.\n");
    let report = client.request(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": URI } }),
    );
    assert_eq!(report["kind"], "full");
    let items = report["items"].as_array().unwrap();
    assert_eq!(vague_claims(items).len(), 1, "{items:?}");
    client.shutdown();
}

#[test]
fn bad_input_never_kills_the_server() {
    let mut client = Client::initialized(&["utf-16"], false);
    client.send_raw(b"{ this is not json");
    client.send_raw(b"{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"no/such/method\"}");
    // An edit to a document that was never opened.
    client.change("file:///nowhere.md", 5, json!([{ "text": "Much better." }]));
    client.open(URI, "Much better.\n");
    assert_eq!(vague_claims(&client.diagnostics_for(URI, 1)).len(), 1);
    // Positions far outside the document.
    let far = json!({ "line": 9999, "character": 9999 });
    let hover = client.request_raw(
        "textDocument/hover",
        json!({ "textDocument": { "uri": URI }, "position": far }),
    );
    assert!(hover.get("error").is_none(), "{hover}");
    client.change(
        URI,
        2,
        json!([{ "range": { "start": far, "end": far }, "text": " Still better." }]),
    );
    let after = client.diagnostics_for(URI, 2);
    assert_eq!(
        vague_claims(&after).len(),
        2,
        "the append landed at the end: {after:?}"
    );
    // A range inside a surrogate pair is rounded, not a crash.
    client.change(URI, 3, json!([{ "text": "😀x" }]));
    client.diagnostics_for(URI, 3);
    client.change(
        URI,
        4,
        json!([{ "range": { "start": { "line": 0, "character": 1 }, "end": { "line": 0, "character": 1 } }, "text": "y" }]),
    );
    client.diagnostics_for(URI, 4);
    assert!(client.is_running());
    client.shutdown();
}

#[test]
fn broken_config_is_reported_on_the_file_and_defaults_apply() {
    let dir = std::env::temp_dir().join(format!("casebook-e2e-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("casebook.toml"),
        "[rules]\nvague-claim = \"off\nbroken",
    )
    .unwrap();
    let mut client = Client::initialized_in(&["utf-16"], false, Some(&dir));
    let config_uri = format!("file://{}/casebook.toml", dir.display());
    let published = client
        .wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == config_uri.as_str()
        })
        .expect("diagnostics on casebook.toml");
    let problems = published["params"]["diagnostics"].as_array().unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0]["message"]
        .as_str()
        .unwrap()
        .contains("not valid TOML"));
    let uri = format!("file://{}/story.md", dir.display());
    client.open(&uri, "Much better.\n");
    assert_eq!(vague_claims(&client.diagnostics_for(&uri, 1)).len(), 1);

    // Fixing the file switches the rule off once the editor reports the change.
    std::fs::write(
        dir.join("casebook.toml"),
        "[rules]\nvague-claim = \"off\"\n",
    )
    .unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": config_uri, "type": 2 }] }),
    );
    let cleared = client.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri.as_str()
            && m["params"]["diagnostics"]
                .as_array()
                .is_some_and(|d| vague_claims(d).is_empty())
    });
    assert!(cleared.is_some(), "vague-claim switched off by the file");
    client.shutdown();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn settings_override_the_config_file() {
    let mut client = Client::initialized(&["utf-16"], false);
    client.open(URI, "Much better.\n");
    assert_eq!(vague_claims(&client.diagnostics_for(URI, 1)).len(), 1);
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "casebook": { "rules": { "vague-claim": "off" } } } }),
    );
    let cleared = client.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["diagnostics"]
                .as_array()
                .is_some_and(|d| vague_claims(d).is_empty())
    });
    assert!(cleared.is_some());
    client.shutdown();
}

/// Every code action offered on a draft with emoji, CJK and CRLF applies to the same text in a UTF-8 and a
/// UTF-16 session, and leaves the rest of the draft untouched.
#[test]
fn code_actions_are_exact_in_both_encodings() {
    let draft = "# 🚀 Rollout 日本\r\n\r\nWe migrated the 日本 cluster to Kubernetes 🎉 and it was much better.\r\nI helped with the rollout.\r\n\r\nThis demonstrates my Customer Obsession.\r\n";
    let mut results: Vec<Vec<(String, String)>> = Vec::new();
    for encoding in ["utf-8", "utf-16"] {
        let mut client = Client::initialized(&[encoding], false);
        client.open(URI, draft);
        let diagnostics = client.diagnostics_for(URI, 1);
        assert!(!diagnostics.is_empty());
        let end = position(draft, draft.len(), encoding);
        let actions = client.request(
            "textDocument/codeAction",
            json!({
                "textDocument": { "uri": URI },
                "range": { "start": { "line": 0, "character": 0 }, "end": end },
                "context": { "diagnostics": diagnostics },
            }),
        );
        let mut applied = Vec::new();
        for action in actions.as_array().unwrap() {
            let edits = action["edit"]["changes"][URI].as_array().unwrap();
            let fixed = apply_edits(draft, edits, encoding);
            // Nothing of the draft is lost: every line of it is still there, in order, or was deleted whole.
            let replaces = action["title"].as_str().unwrap().starts_with("Replace");
            for line in draft
                .split("\r\n")
                .filter(|l| !l.is_empty() && !l.starts_with("This demonstrates") && !replaces)
            {
                let kept = line.trim_end_matches('.');
                assert!(
                    fixed.contains(kept),
                    "{} lost {line:?}: {fixed:?}",
                    action["title"]
                );
            }
            applied.push((action["title"].as_str().unwrap().to_string(), fixed));
        }
        let titles: Vec<_> = applied.iter().map(|(t, _)| t.as_str()).collect();
        for expected in [
            "Insert metric template",
            "Remove the principle's name",
            "Replace with \"led\"",
        ] {
            assert!(titles.contains(&expected), "{expected} offered: {titles:?}");
        }
        client.shutdown();
        results.push(applied);
    }
    assert_eq!(
        results[0], results[1],
        "utf-8 and utf-16 sessions produce the same edits"
    );
    let removed = &results[0]
        .iter()
        .find(|(t, _)| t == "Remove the principle's name")
        .unwrap()
        .1;
    assert!(!removed.contains("Customer Obsession"));
    let metric = &results[0]
        .iter()
        .find(|(t, _)| t == "Insert metric template")
        .unwrap()
        .1;
    assert!(
        metric.contains("much better from [baseline] to [result]"),
        "{metric}"
    );
}

/// The server widens its stdout pipe, so a big publish (400 KB at 100,000 words) goes out in one
/// write instead of seven rounds of writing and waiting for the editor to read.
#[cfg(target_os = "linux")]
#[test]
fn the_stdout_pipe_is_widened_for_big_publishes() {
    use std::io::{BufRead, BufReader, Read, Write};
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(["serve", "--stdio"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the casebook binary starts");
    let stdout = child.stdout.take().unwrap();
    // What a pipe holds unless widened (read from a fresh pipe: the child's may already be widened
    // by the time this test looks).
    let (fresh, _) = rustix::pipe::pipe().unwrap();
    let before = rustix::pipe::fcntl_getpipe_size(&fresh).unwrap();
    let body = r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#;
    let mut stdin = child.stdin.take().unwrap();
    write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
    stdin.flush().unwrap();
    // Once the server answers, it has set up its output.
    let mut reader = BufReader::new(stdout);
    let mut length = 0;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        if let Some(n) = line.trim().strip_prefix("Content-Length: ") {
            length = n.parse().unwrap();
        }
        if line.trim().is_empty() {
            break;
        }
    }
    let mut answer = vec![0; length];
    reader.read_exact(&mut answer).unwrap();
    let after = rustix::pipe::fcntl_getpipe_size(reader.get_ref()).unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        after >= 256 * 1024 && after > before,
        "{before} → {after} bytes"
    );
}
