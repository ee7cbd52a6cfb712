//! Prints how long Casebook takes on generated portfolios of 1,000, 10,000 and 100,000 words:
//! opening a document (parse + full review; the parse alone beside it) and a one-character edit (incremental parse +
//! review: "edit" reviews the whole document again from the block caches; "lean edit" is the server's way, each
//! chunk parsed as it is read and each review made from the last one), in-process, median of repeated runs.
//! `cargo run --release --example bench`.
//! (Not a test: figures on a shared machine vary; read them, don't assert them.)

use casebook::document::Document;
use casebook::review::Reviewer;
use casebook::rules::config::RuleConfig;
use std::time::{Duration, Instant};

#[path = "common/portfolio.rs"]
mod generated;
use generated::{portfolio, typing_point};

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// Times 50 one-character edits at `at` (typing an "x", deleting it again), each made by `edit`.
fn time_edits(at: usize, mut edit: impl FnMut(std::ops::Range<usize>, &str)) -> Vec<Duration> {
    (0..50)
        .map(|i| {
            let start = Instant::now();
            if i % 2 == 0 {
                edit(at..at, "x");
            } else {
                edit(at..at + 1, "");
            }
            start.elapsed()
        })
        .collect()
}

fn main() {
    let config = RuleConfig::default();
    println!(
        "{:>8} {:>10} {:>12} {:>12} {:>14} {:>16} {:>12}",
        "words", "bytes", "open (ms)", "parse (ms)", "edit (ms)", "lean edit (ms)", "typing (ms)"
    );
    for words in [1_000, 10_000, 100_000] {
        let text = portfolio(words);
        let opens: Vec<Duration> = (0..5)
            .map(|_| {
                let start = Instant::now();
                let doc = Document::new(&text);
                let _ = Reviewer::default().review(&doc, &config);
                start.elapsed()
            })
            .collect();
        let parses: Vec<Duration> = (0..5)
            .map(|_| {
                let start = Instant::now();
                let doc = Document::new(&text);
                let elapsed = start.elapsed();
                drop(doc);
                elapsed
            })
            .collect();
        let mut doc = Document::new(&text);
        let mut reviewer = Reviewer::default();
        let _ = reviewer.review(&doc, &config);
        let at = typing_point(&text);
        let edits = time_edits(at, |range, text| {
            let _ = doc.replace(range, text);
            let _ = reviewer.review(&doc, &config);
        });
        // As the server keeps a document: cut without parsing, each chunk parsed as it is read, only
        // the last edit's trees kept, and each review made from the last one.
        let mut lean = Document::cut(&text);
        let mut lean_reviewer = Reviewer::default();
        lean_reviewer.read_unparsed(&mut lean);
        let mut last = Some(lean_reviewer.review(&lean, &config));
        lean.release_trees();
        let lean_edits = time_edits(at, |range, text| {
            let _ = lean.replace(range, text);
            lean_reviewer.read_unparsed(&mut lean);
            last = Some(lean_reviewer.review_after(&lean, &config, last.take()));
            lean.release_trees();
        });
        // Typing as the LSP benchmark types: "quickly " again and again, so every keystroke makes a
        // sentence never seen before, and its reading is part of the edit.
        let mut typed_at = at;
        let typing: Vec<Duration> = "quickly "
            .chars()
            .cycle()
            .take(300)
            .map(|c| {
                let start = Instant::now();
                let _ = lean.replace(typed_at..typed_at, c.encode_utf8(&mut [0; 4]));
                typed_at += c.len_utf8();
                lean_reviewer.read_unparsed(&mut lean);
                last = Some(lean_reviewer.review_after(&lean, &config, last.take()));
                lean.release_trees();
                start.elapsed()
            })
            .collect();
        println!(
            "{:>8} {:>10} {:>12.2} {:>12.2} {:>14.3} {:>16.3} {:>12.3}",
            words,
            text.len(),
            median(opens).as_secs_f64() * 1e3,
            median(parses).as_secs_f64() * 1e3,
            median(edits).as_secs_f64() * 1e3,
            median(lean_edits).as_secs_f64() * 1e3,
            median(typing).as_secs_f64() * 1e3
        );
    }
}
