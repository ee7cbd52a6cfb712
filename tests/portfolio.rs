//! The portfolio end to end, over stdio: multi-file workspaces written here in temporary folders;
//! scorecard lenses, the outline, workspace symbols, portfolio findings that appear and clear as files
//! change, and the background index (ignores, caps, and a large workspace that does not stall opening).

mod common;

use common::Client;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const CUSTOMER: &str =
    "I joined a dozen support calls to hear what was breaking for the customers.";
const BACKBONE: &str = "I disagreed with my director about dropping the audit log, said so in the review, and then committed to her plan.";
const SIMPLIFY: &str =
    "I cut the release checklist from 14 steps to 4 by scripting the manual parts.";
const MENTOR: &str = "I mentored two junior engineers until both could lead on-call on their own.";
const DIVE: &str = "I dug into the raw request logs and found that 3% of calls retried five times.";

/// A fresh, empty folder for one test.
fn workspace(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("casebook-portfolio-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    uri(&path)
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

fn story(title: &str, sentence: &str) -> String {
    format!("# {title}\n\n{sentence}\n\n## Results\n\nTickets fell from 40 to 12 a week.\n")
}

/// A server started in `root` by a client that supports work-done progress.
fn start(root: &Path) -> Client {
    let mut client = Client::spawn(&["serve"]);
    let result = client.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": uri(root),
            "capabilities": {
                "window": { "workDoneProgress": true },
                "textDocument": {
                    "documentSymbol": { "hierarchicalDocumentSymbolSupport": true },
                    "codeLens": {},
                    "foldingRange": {},
                },
                "workspace": {
                    "configuration": true,
                    "symbol": {},
                    "didChangeWatchedFiles": { "dynamicRegistration": true },
                },
            },
        }),
    );
    let caps = &result["capabilities"];
    assert_eq!(caps["documentSymbolProvider"], true, "{caps}");
    assert_eq!(caps["foldingRangeProvider"], true);
    assert_eq!(caps["workspaceSymbolProvider"], true);
    assert!(caps["codeLensProvider"].is_object());
    assert_eq!(
        caps["executeCommandProvider"]["commands"],
        json!(["casebook.showScorecard"])
    );
    client.notify("initialized", json!({}));
    client
}

fn is_progress(m: &Value, kind: &str) -> bool {
    m["method"] == "$/progress" && m["params"]["value"]["kind"] == kind
}

/// The message of a `$/progress` report.
fn progress_message(report: &Value) -> &str {
    report["params"]["value"]["message"].as_str().unwrap_or("")
}

fn wait_progress(client: &mut Client, kind: &str) -> Value {
    client
        .wait_for(|m| is_progress(m, kind))
        .unwrap_or_else(|| panic!("no $/progress {kind}"))
}

fn codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect()
}

/// Waits for diagnostics on `uri` that satisfy `pred`.
fn wait_diagnostics(client: &mut Client, uri: &str, pred: impl Fn(&[Value]) -> bool) -> Vec<Value> {
    let uri = uri.to_string();
    let m = client
        .wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri.as_str()
                && pred(m["params"]["diagnostics"].as_array().map_or(&[], |v| v))
        })
        .unwrap_or_else(|| panic!("no matching diagnostics for {uri}"));
    m["params"]["diagnostics"].as_array().cloned().unwrap()
}

fn has(diagnostics: &[Value], code: &str) -> bool {
    diagnostics.iter().any(|d| d["code"] == code)
}

fn open(client: &mut Client, uri: &str, text: &str) {
    client.open(uri, text);
}

fn doc(uri: &str) -> Value {
    json!({ "textDocument": { "uri": uri } })
}

#[test]
fn portfolio_findings_appear_and_clear_as_files_change() {
    let dir = workspace("findings");
    let a = write(&dir, "a.md", &story("Support calls", CUSTOMER));
    let _b = write(&dir, "b.md", &story("Listening to sellers", CUSTOMER));
    write(&dir, "README.md", "# About this folder\n\nNot a story.\n");
    let mut client = start(&dir);
    wait_progress(&mut client, "begin");
    let end = wait_progress(&mut client, "end");
    assert!(
        progress_message(&end).contains("Indexed 2 markdown files"),
        "README.md is not a case study: {end}"
    );

    let text = story("Support calls", CUSTOMER);
    open(&mut client, &a, &text);
    let diagnostics = wait_diagnostics(&mut client, &a, |d| has(d, "portfolio-size"));
    let found = codes(&diagnostics);
    assert!(found.contains(&"principle-overlap".into()), "{found:?}");
    assert!(found.contains(&"thin-coverage".into()), "{found:?}");
    let overlap = diagnostics
        .iter()
        .find(|d| d["code"] == "principle-overlap")
        .unwrap();
    assert!(overlap["message"]
        .as_str()
        .unwrap()
        .contains("\"Listening to sellers\""));
    // Portfolio findings sit on the case study's heading.
    assert_eq!(
        overlap["range"]["start"],
        json!({ "line": 0, "character": 2 })
    );
    assert_eq!(overlap["source"], "casebook");

    // The open text wins over the disk: tell another story and the overlap clears.
    client.clear_backlog();
    let changed = story("Support calls", BACKBONE);
    client.change(&a, 2, json!([{ "text": changed }]));
    let diagnostics = wait_diagnostics(&mut client, &a, |d| !has(d, "principle-overlap"));
    assert!(has(&diagnostics, "portfolio-size"), "{diagnostics:?}");

    // Two more stories appear on disk: the portfolio has four, and portfolio-size clears.
    client.clear_backlog();
    let c = write(&dir, "c.md", &story("Release checklist", SIMPLIFY));
    let d = write(
        &dir,
        "stories/d.md",
        &story("Growing the on-call", &format!("{MENTOR} {DIVE}")),
    );
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": c, "type": 1 }, { "uri": d, "type": 1 }] }),
    );
    // Four stories with different principles: the coverage is no longer thin either.
    wait_diagnostics(&mut client, &a, |d| {
        !has(d, "portfolio-size") && !has(d, "thin-coverage")
    });

    // Both are deleted again: portfolio-size is back.
    client.clear_backlog();
    std::fs::remove_file(dir.join("c.md")).unwrap();
    std::fs::remove_file(dir.join("stories/d.md")).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": c, "type": 3 }, { "uri": d, "type": 3 }] }),
    );
    wait_diagnostics(&mut client, &a, |d| has(d, "portfolio-size"));

    // Rule configuration applies to portfolio rules too.
    client.clear_backlog();
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "casebook": { "rules": { "portfolio-size": "off", "thin-coverage": "error" } } } }),
    );
    let diagnostics = wait_diagnostics(&mut client, &a, |d| !has(d, "portfolio-size"));
    let thin = diagnostics
        .iter()
        .find(|d| d["code"] == "thin-coverage")
        .expect("thin-coverage still reported");
    assert_eq!(thin["severity"], 1);
    client.shutdown();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn lenses_symbols_and_folding() {
    let dir = workspace("outline");
    let text = format!(
        "Intro line.\n\n# Support calls\n\n## Problem\n\n{CUSTOMER}\n\n### Data\n\nTickets rose.\n\n## Results\n\nConversion rose from 3% to 4%.\n\n# Release checklist\n\n{SIMPLIFY}\n"
    );
    let a = write(&dir, "a.md", &text);
    write(&dir, "notes/b.md", &story("Growing the on-call", MENTOR));
    let mut client = start(&dir);
    wait_progress(&mut client, "end");
    open(&mut client, &a, &text);

    let lenses = client.request("textDocument/codeLens", doc(&a));
    let lenses = lenses.as_array().unwrap();
    assert_eq!(lenses.len(), 2, "{lenses:?}");
    let title = lenses[0]["command"]["title"].as_str().unwrap();
    assert!(title.starts_with("Customer Obsession"), "{title}");
    assert!(title.contains(" — parts "), "{title}");
    assert!(title.contains("tech /") && title.contains("cust /") && title.contains("biz"));
    assert!(title.ends_with(" min"), "{title}");
    assert_eq!(lenses[0]["range"]["start"]["line"], 2);
    assert_eq!(lenses[1]["range"]["start"]["line"], 16);
    assert!(lenses[1]["command"]["title"]
        .as_str()
        .unwrap()
        .starts_with("Invent and Simplify"));
    // Clicking the lens shows the full scorecard.
    let command = &lenses[0]["command"];
    let shown = client.request(
        "workspace/executeCommand",
        json!({ "command": command["command"], "arguments": command["arguments"] }),
    );
    assert!(shown
        .as_str()
        .unwrap()
        .starts_with("Case study: Support calls"));
    let message = client
        .wait_for(|m| m["method"] == "window/showMessage")
        .expect("the scorecard is shown");
    assert!(message["params"]["message"]
        .as_str()
        .unwrap()
        .contains("Parts "));

    let symbols = client.request("textDocument/documentSymbol", doc(&a));
    let symbols = symbols.as_array().unwrap();
    let names: Vec<_> = symbols
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Support calls", "Release checklist"]);
    let sections: Vec<_> = symbols[0]["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(sections, ["Problem", "Results"]);
    assert_eq!(symbols[0]["children"][0]["children"][0]["name"], "Data");
    assert_eq!(symbols[0]["children"][0]["detail"], "Problem");
    assert_eq!(
        symbols[0]["selectionRange"]["start"],
        json!({ "line": 2, "character": 2 })
    );
    assert_eq!(symbols[0]["range"]["end"]["line"], 14);
    // The second study has no sections: its parts are listed instead.
    assert!(symbols[1]["children"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["kind"] == 8));

    let folds = client.request("textDocument/foldingRange", doc(&a));
    let folds: Vec<(u64, u64)> = folds
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["startLine"].as_u64().unwrap(),
                f["endLine"].as_u64().unwrap(),
            )
        })
        .collect();
    for expected in [(2, 14), (4, 10), (8, 10), (12, 14), (16, 18)] {
        assert!(folds.contains(&expected), "{expected:?} in {folds:?}");
    }

    assert_eq!(
        story_names(&mut client),
        ["Growing the on-call", "Release checklist", "Support calls"]
    );
    let found = client.request("workspace/symbol", json!({ "query": "oncall" }));
    let found = found.as_array().unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0]["location"]["uri"],
        uri(&dir.join("notes/b.md")).as_str()
    );
    assert_eq!(
        found[0]["location"]["range"]["start"],
        json!({ "line": 0, "character": 2 })
    );
    assert_eq!(found[0]["containerName"], "notes/b.md");
    client.shutdown();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_index_honours_gitignore_globs_size_and_symlinks() {
    let dir = workspace("ignores");
    let outside = workspace("outside");
    write(
        &outside,
        "story.md",
        &story("Outside the workspace", MENTOR),
    );
    write(&dir, ".gitignore", "ignored/\n");
    write(
        &dir,
        "casebook.toml",
        "[portfolio]\nexclude = [\"drafts/**\"]\nmin-principles = 2\n",
    );
    write(&dir, "kept.md", &story("Kept", CUSTOMER));
    write(&dir, "ignored/x.md", &story("Ignored by git", BACKBONE));
    write(&dir, "drafts/y.md", &story("Excluded by glob", BACKBONE));
    write(&dir, ".hidden/z.md", &story("Hidden", BACKBONE));
    write(
        &dir,
        "big.md",
        &format!("# Too big\n\n{}", "word ".repeat(500_000)),
    );
    std::os::unix::fs::symlink(outside.join("story.md"), dir.join("link.md")).unwrap();
    std::os::unix::fs::symlink(&outside, dir.join("linked-dir")).unwrap();
    let mut client = start(&dir);
    let end = wait_progress(&mut client, "end");
    assert!(
        progress_message(&end).contains("Indexed 1 markdown files"),
        "{end}"
    );
    let all = client.request("workspace/symbol", json!({ "query": "" }));
    let names: Vec<_> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Kept"]);
    client.shutdown();
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&outside);
}

/// The names of every case study `workspace/symbol` lists.
fn story_names(client: &mut Client) -> Vec<String> {
    let all = client.request("workspace/symbol", json!({ "query": "" }));
    let mut names: Vec<String> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap().to_string())
        .collect();
    names.sort();
    names
}

#[test]
fn editor_settings_configure_the_portfolio_over_the_file() {
    let dir = workspace("settings");
    write(
        &dir,
        "casebook.toml",
        "[portfolio]\nexclude = [\"old/**\"]\n",
    );
    let a = write(&dir, "a.md", &story("Support calls", CUSTOMER));
    write(&dir, "b.md", &story("Release checklist", SIMPLIFY));
    write(&dir, "old/c.md", &story("An old one", MENTOR));
    let mut client = start(&dir);
    wait_progress(&mut client, "end");
    assert_eq!(
        story_names(&mut client),
        ["Release checklist", "Support calls"]
    );
    open(&mut client, &a, &story("Support calls", CUSTOMER));
    wait_diagnostics(&mut client, &a, |d| has(d, "thin-coverage"));

    // The settings' `exclude` replaces the file's: b.md leaves the portfolio and old/c.md joins it;
    // `minPrinciples` (camel case, as editors write settings) lowers the coverage bar.
    client.clear_backlog();
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "casebook": { "portfolio": { "exclude": ["b.md"], "minPrinciples": 1 } } } }),
    );
    let end = wait_progress(&mut client, "end");
    assert!(
        progress_message(&end).contains("Indexed 2 markdown files"),
        "{end}"
    );
    assert_eq!(story_names(&mut client), ["An old one", "Support calls"]);
    wait_diagnostics(&mut client, &a, |d| !has(d, "thin-coverage"));

    // A setting of the wrong shape is reported in the log and left out; the file's value applies again.
    client.clear_backlog();
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "casebook": { "portfolio": { "exclude": "b.md", "minPrinciples": 40 } } } }),
    );
    let logged = client
        .wait_for(|m| {
            m["method"] == "window/logMessage"
                && m["params"]["message"]
                    .as_str()
                    .is_some_and(|t| t.contains("min-principles"))
        })
        .expect("the bad setting is logged");
    assert_eq!(logged["params"]["type"], 2, "a warning: {logged}");
    wait_progress(&mut client, "end");
    assert_eq!(
        story_names(&mut client),
        ["Release checklist", "Support calls"]
    );
    client.shutdown();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn opening_a_file_is_answered_while_a_10000_file_workspace_is_indexed() {
    let dir = workspace("large");
    let body = format!(
        "{CUSTOMER} {SIMPLIFY} {MENTOR} {}",
        "Tickets fell from 40 to 12 a week, and the support team handled the rest of the queue. "
            .repeat(8)
    );
    for d in 0..100 {
        for f in 0..100 {
            write(
                &dir,
                &format!("d{d:03}/s{f:03}.md"),
                &format!("# Story {d}-{f}\n\n{body}\n"),
            );
        }
    }
    let mine = write(&dir, "mine.md", "# Mine\n\nIt got much better.\n");
    let mut client = start(&dir);
    wait_progress(&mut client, "begin");
    let opened = Instant::now();
    open(&mut client, &mine, "# Mine\n\nIt got much better.\n");
    // Whichever comes first: the diagnostics of the opened file, or the end of indexing.
    let first = client
        .wait_for(|m| {
            is_progress(m, "end")
                || (m["method"] == "textDocument/publishDiagnostics"
                    && m["params"]["uri"] == mine.as_str())
        })
        .expect("diagnostics or the end of indexing");
    let waited = opened.elapsed();
    assert_eq!(
        first["method"], "textDocument/publishDiagnostics",
        "the index finished before the opened file was answered ({waited:?})"
    );
    assert!(has(
        first["params"]["diagnostics"].as_array().unwrap(),
        "vague-claim"
    ));
    assert!(waited < Duration::from_secs(5), "{waited:?}");
    // Requests are answered during indexing too.
    let symbols = client.request("textDocument/documentSymbol", doc(&mine));
    assert_eq!(symbols[0]["name"], "Mine");
    let end = wait_progress(&mut client, "end");
    let message = progress_message(&end);
    assert!(message.contains("first 2000"), "{message}");
    client.shutdown();
    let _ = std::fs::remove_dir_all(&dir);
}
