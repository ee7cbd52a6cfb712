//! The portfolio from the command line: `check DIR` reports portfolio findings and, in JSON, the
//! portfolio summary; `report` writes one self-contained HTML page. (tests/editors/report.sh renders
//! that page in Chromium.)

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const CUSTOMER: &str =
    "I joined a dozen support calls to hear what was breaking for the customers.";
const BACKBONE: &str = "I disagreed with my director about dropping the audit log, said so in the review, and then committed to her plan.";

fn workspace(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("casebook-report-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("stories")).unwrap();
    std::fs::write(
        dir.join("stories/a.md"),
        format!("# Support calls\n\n{CUSTOMER}\n\n# Audit log\n\n{BACKBONE}\n"),
    )
    .unwrap();
    std::fs::write(
        dir.join("stories/b.md"),
        format!("# Listening to sellers\n\n{CUSTOMER}\n"),
    )
    .unwrap();
    std::fs::write(dir.join("stories/README.md"), "# Not a story\n\nAbout.\n").unwrap();
    dir
}

fn casebook(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(args)
        .current_dir(dir)
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
fn check_dir_reports_portfolio_findings_and_summary() {
    let dir = workspace("check");
    let (code, out, err) = casebook(&dir, &["check", "stories", "--format", "json"]);
    assert_eq!(code, 1, "{err}");
    let json: Value = serde_json::from_str(&out).unwrap();
    let portfolio = &json["portfolio"];
    let titles: Vec<_> = portfolio["case_studies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        ["Support calls", "Audit log", "Listening to sellers"]
    );
    let first = &portfolio["case_studies"][0];
    assert_eq!(first["path"], "stories/a.md");
    assert_eq!(first["line"], 1);
    assert_eq!(first["principles"][0]["name"], "Customer Obsession");
    assert!(first["principles"][0]["score"].as_f64().unwrap() > 0.0);
    assert!(first["parts"]["count"].as_u64().unwrap() <= 6);
    assert!(portfolio["principles"]
        .as_array()
        .unwrap()
        .contains(&Value::from("Have Backbone; Disagree and Commit")));
    let rules: Vec<_> = portfolio["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"principle-overlap"), "{rules:?}");
    assert!(rules.contains(&"thin-coverage"), "{rules:?}");
    assert!(
        !rules.contains(&"portfolio-size"),
        "three studies: {rules:?}"
    );
    // The same findings appear in the files' findings, on the case-study headings.
    let a = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "stories/a.md")
        .unwrap();
    let overlap = a["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "principle-overlap")
        .expect("overlap on a.md");
    assert_eq!(overlap["text"], "Support calls");

    // The configuration: a higher bar and a rule turned off.
    std::fs::write(
        dir.join("casebook.toml"),
        "[rules]\nprinciple-overlap = \"off\"\n[portfolio]\nmin-principles = 1\nexclude = [\"**/b.md\"]\n",
    )
    .unwrap();
    let (_, out, err) = casebook(&dir, &["check", "stories", "--format", "json"]);
    assert!(!err.contains("unknown section"), "{err}");
    let json: Value = serde_json::from_str(&out).unwrap();
    let rules: Vec<_> = json["portfolio"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(
        rules,
        ["portfolio-size"],
        "two studies left, overlap off, one principle is enough"
    );
    // A file named on its own is not a portfolio.
    let (_, out, _) = casebook(&dir, &["check", "stories/a.md", "--format", "json"]);
    let json: Value = serde_json::from_str(&out).unwrap();
    assert!(json.get("portfolio").is_none());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn report_writes_one_self_contained_page() {
    let dir = workspace("html");
    let (code, _, err) = casebook(&dir, &["report", "stories", "-o", "out.html"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("wrote out.html (3 case studies"), "{err}");
    let html = std::fs::read_to_string(dir.join("out.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    for needle in [
        "Customer Obsession",
        "Success and Scale Bring Broad Responsibility",
        "Support calls",
        "Listening to sellers",
        "principle-overlap",
        "@media print",
    ] {
        assert!(html.contains(needle), "{needle}");
    }
    for outside in ["<script", "<link", "http://", "https://", "url("] {
        assert!(!html.contains(outside), "the page must not load {outside}");
    }
    // Titles are escaped.
    std::fs::write(dir.join("stories/c.md"), "# Fish & \"chips\"\n\nText.\n").unwrap();
    let (_, out, _) = casebook(&dir, &["report", "stories", "-o", "-"]);
    assert!(out.contains("Fish &amp; &quot;chips&quot;"));
    assert_eq!(casebook(&dir, &["report", "missing"]).0, 2);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn report_open_hands_the_written_page_to_the_browser() {
    let dir = workspace("open");
    // A stand-in browser: records the path it is given.
    let browser = dir.join("browser.sh");
    std::fs::write(
        &browser,
        format!(
            "#!/bin/sh\nprintf '%s' \"$1\" > {}\n",
            dir.join("opened").display()
        ),
    )
    .unwrap();
    std::process::Command::new("chmod")
        .args(["+x", browser.to_str().unwrap()])
        .status()
        .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(["report", "stories", "-o", "out.html", "--open"])
        .current_dir(&dir)
        .env("BROWSER", &browser)
        .output()
        .expect("casebook runs");
    assert!(out.status.success());
    let page = std::fs::canonicalize(dir.join("out.html")).unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let opened = loop {
        match std::fs::read_to_string(dir.join("opened")) {
            Ok(text) if !text.is_empty() => break text,
            _ if std::time::Instant::now() < deadline => {
                std::thread::sleep(std::time::Duration::from_millis(20))
            }
            _ => panic!("the browser was not started"),
        }
    };
    assert_eq!(opened, page.to_str().unwrap());

    // A browser that cannot be started: the page is still written, and the reason is told.
    std::fs::remove_file(dir.join("out.html")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(["report", "stories", "-o", "out.html", "--open"])
        .current_dir(&dir)
        .env("BROWSER", dir.join("no-such-browser"))
        .output()
        .expect("casebook runs");
    assert!(out.status.success());
    assert!(dir.join("out.html").exists());
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot be opened"));
    let _ = std::fs::remove_dir_all(&dir);
}
