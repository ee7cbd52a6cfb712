//! Writes `src/analysis/principles/vocabulary.tsv` again from the project's labelled sentences
//! (`tests/fixtures/principles_own_*.jsonl`, but those `vocabulary.toml` keeps blind): run it after
//! adding or changing one, or after changing `vocabulary.toml`.
//!
//! `cargo run --example count_vocabulary`

use casebook::analysis::principles::vocabulary;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = root.join("src/analysis/principles/vocabulary.tsv");
    let written = vocabulary::count_files(&root.join("tests/fixtures"))
        .and_then(|counts| std::fs::write(&out, counts));
    match written {
        Ok(()) => {
            println!("wrote {}", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("count_vocabulary: {e}");
            ExitCode::FAILURE
        }
    }
}
