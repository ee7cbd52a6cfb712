//! The `check` command as a user runs it: its exit codes and its three output formats (snapshots).

use std::process::Command;

fn casebook(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("casebook runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn human_output_snapshot() {
    let (code, out, _) = casebook(&["check", "examples/"]);
    assert_eq!(code, 1, "the sample has warnings");
    insta::assert_snapshot!(out);
}

#[test]
fn json_output_snapshot() {
    let (_, out, _) = casebook(&["check", "examples/", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    insta::assert_json_snapshot!(value);
}

#[test]
fn sarif_output_snapshot_and_shape() {
    let (_, out, _) = casebook(&["check", "examples/", "--format", "sarif"]);
    let value: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(value["version"], "2.1.0");
    let run = &value["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    for result in run["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(
            rules[index]["id"], result["ruleId"],
            "ruleIndex points at the rule"
        );
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().unwrap()));
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().unwrap() >= 1);
        assert!(region["startColumn"].as_u64().unwrap() >= 1);
    }
    insta::assert_json_snapshot!(value);
}

#[test]
fn exit_codes() {
    assert_eq!(casebook(&["check", "examples/", "--fail-on", "never"]).0, 0);
    assert_eq!(casebook(&["check", "examples/", "--fail-on", "error"]).0, 0);
    let (code, _, err) = casebook(&["check", "no/such/path.md"]);
    assert_eq!(code, 2);
    assert!(err.contains("no such file"), "{err}");
    assert_eq!(casebook(&["explain", "no-such-rule"]).0, 2);
    assert_eq!(casebook(&["check", "--format", "yaml"]).0, 2);
}

#[test]
fn binary_and_non_utf8_files_are_refused_with_a_reason() {
    let dir = std::env::temp_dir().join(format!("casebook-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let nul = dir.join("nul.md");
    let latin = dir.join("latin1.md");
    std::fs::write(&nul, b"Good text\0more").unwrap();
    std::fs::write(&latin, b"caf\xe9 better").unwrap();
    for path in [&nul, &latin] {
        let (code, _, err) = casebook(&["check", path.to_str().unwrap()]);
        assert_eq!(code, 2);
        assert!(err.contains("skipped"), "{err}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn explain_prints_the_rule_doc() {
    let (code, out, _) = casebook(&["explain", "vague-claim"]);
    assert_eq!(code, 0);
    for heading in [
        "## What it flags",
        "## Why an interviewer cares",
        "## Example",
        "## Instead",
    ] {
        assert!(out.contains(heading), "{out}");
    }
}
