//! Evaluates Casebook's rules on real third-party text it was not written with:
//! `cargo run --release --example eval -- ../shared/corpus`.
//!
//! - `drafts/`: whole answers named `good-*` / `bad-*` by their source's verdict. Prints the findings of
//!   each, whether every bad draft gets at least one warning, and how many warnings the good drafts get.
//! - `writing_flags.jsonl`: short sentences with the source's reasons (`flags`). Each flag maps to the
//!   rules that speak to it; prints, per flag, how often one of those rules fired.
//!
//! Nothing from the corpus is stored in the project: it is read here, at evaluation time.

use casebook::review::Reviewer;
use casebook::rules::Severity;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Which rules answer each of the corpus's reasons.
const FLAG_RULES: &[(&str, &[&str])] = &[
    ("uses_we", &["we-not-i"]),
    (
        "no_individual_ownership",
        &["we-not-i", "weak-verb", "assigned-not-initiated"],
    ),
    (
        "vague_no_numbers",
        &["vague-claim", "missing-result-metric"],
    ),
    ("generic_reflection", &["generic-learning"]),
    ("assigned_not_self_initiated", &["assigned-not-initiated"]),
    ("no_alternatives_tradeoffs", &["missing-alternatives"]),
    ("names_lp", &["named-principle"]),
    (
        "over_technical",
        &["jargon-heavy", "technical-metric-only", "solution-first"],
    ),
    ("missing_customer_problem", &["missing-customer-problem"]),
];

fn rules_on(text: &str) -> Vec<(&'static str, Severity)> {
    let review = Reviewer::default().review_text(text);
    review
        .findings
        .iter()
        .map(|f| (f.rule, f.severity))
        .collect()
}

fn drafts(dir: &Path) -> std::io::Result<()> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    paths.sort();
    let (mut bad, mut bad_flagged, mut good, mut good_warnings) = (0, 0, 0, 0);
    println!("== drafts ({})", dir.display());
    for path in paths {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let text = std::fs::read_to_string(&path)?;
        let found = rules_on(&text);
        let warnings = found
            .iter()
            .filter(|(_, s)| *s >= Severity::Warning)
            .count();
        let list: Vec<String> = found
            .iter()
            .map(|(r, s)| format!("{r}({})", s.name()))
            .collect();
        println!("{name:<45} {warnings} warnings: {}", list.join(", "));
        if name.starts_with("bad") {
            bad += 1;
            bad_flagged += usize::from(warnings > 0);
        } else {
            good += 1;
            good_warnings += warnings;
        }
    }
    println!("bad drafts with at least one warning: {bad_flagged}/{bad}");
    println!(
        "warnings on good drafts: {good_warnings} over {good} drafts ({:.1} per draft)",
        good_warnings as f32 / good.max(1) as f32
    );
    Ok(())
}

fn writing_flags(path: &Path) -> std::io::Result<()> {
    println!("\n== writing flags ({})", path.display());
    let mut per_flag: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let (mut strong, mut strong_warned) = (0, 0);
    for line in std::fs::read_to_string(path)?.lines() {
        let Ok(row) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let text = row["text"].as_str().unwrap_or_default();
        let found = rules_on(text);
        if row["verdict"] == "strong" {
            strong += 1;
            strong_warned += usize::from(found.iter().any(|(_, s)| *s >= Severity::Warning));
            continue;
        }
        for flag in row["flags"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|f| f.as_str())
        {
            let rules = FLAG_RULES
                .iter()
                .find(|(f, _)| *f == flag)
                .map_or(&[][..], |(_, r)| *r);
            let hit = found.iter().any(|(r, _)| rules.contains(r));
            let entry = per_flag.entry(flag.to_string()).or_default();
            entry.0 += 1;
            entry.1 += usize::from(hit);
        }
    }
    let (mut total, mut caught) = (0, 0);
    for (flag, (n, hit)) in &per_flag {
        println!("{flag:<30} caught {hit}/{n}");
        total += n;
        caught += hit;
    }
    println!("weak sentences' reasons caught: {caught}/{total}");
    if strong > 0 {
        println!("strong sentences with a warning: {strong_warned}/{strong}");
    }
    Ok(())
}

fn main() -> ExitCode {
    let Some(corpus) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: eval CORPUS_DIR (e.g. ../shared/corpus)");
        return ExitCode::from(2);
    };
    let result = drafts(&corpus.join("drafts"))
        .and_then(|_| writing_flags(&corpus.join("writing_flags.jsonl")));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("eval: {e}");
            ExitCode::from(2)
        }
    }
}
