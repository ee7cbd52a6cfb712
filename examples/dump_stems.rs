//! Prints, for every labelled sentence of `tests/fixtures/principles_own_*.jsonl` but the blind ones of
//! `vocabulary.toml`, one JSON line: its file, id, principles, its answer's principles and the stems the word reading counts.
//! For experiments on the word reading outside the crate (the sentence's text is not printed).
//!
//! `cargo run --example dump_stems > stems.jsonl`

use casebook::analysis::principles::vocabulary;
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let sentences = vocabulary::counted_sentences(&dir).expect("tests/fixtures is readable");
    for (file, row) in sentences {
        let out = serde_json::json!({
            "file": file,
            "id": row.id,
            "lps": row.lps,
            "answer_lps": row.answer_lps,
            "stems": vocabulary::stems(&row.text),
        });
        println!("{out}");
    }
}
