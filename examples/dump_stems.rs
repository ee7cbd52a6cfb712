//! Prints, for every labelled sentence of `tests/fixtures/principles_own_*.jsonl` but the blind ones of
//! `vocabulary.toml`, one JSON line: its file, id, principles, its answer's principles and the stems the word reading counts.
//! For experiments on the word reading outside the crate (the sentence's text is not printed).
//!
//! `cargo run --example dump_stems > stems.jsonl`

use casebook::analysis::principles::vocabulary;
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Row {
    #[serde(default)]
    id: String,
    text: String,
    #[serde(default)]
    lps: Vec<String>,
    #[serde(default)]
    answer_lps: Vec<String>,
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/fixtures is readable")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| {
            n.starts_with("principles_own_")
                && n.ends_with(".jsonl")
                && !vocabulary::blind().iter().any(|b| b == n)
        })
        .collect();
    names.sort();
    for name in names {
        let text = std::fs::read_to_string(dir.join(&name)).expect("a fixture is readable");
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let row: Row = serde_json::from_str(line).expect("a fixture line is JSON");
            let out = serde_json::json!({
                "file": name,
                "id": row.id,
                "lps": row.lps,
                "answer_lps": row.answer_lps,
                "stems": vocabulary::stems(&row.text),
            });
            println!("{out}");
        }
    }
}
