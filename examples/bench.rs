//! Prints how long Casebook takes on generated portfolios of 1,000, 10,000 and 100,000 words:
//! opening a document (parse + full review) and a one-character edit (incremental parse + review of the
//! changed block), in-process, median of repeated runs. `cargo run --release --example bench`.
//! (Not a test: figures on a shared machine vary; read them, don't assert them.)

use casebook::document::Document;
use casebook::review::Reviewer;
use casebook::rules::config::RuleConfig;
use std::time::{Duration, Instant};

const PARAGRAPHS: &[&str] = &[
    "Sellers on our marketplace 🛒 abandoned onboarding at the tax step, and support saw about 300 tickets a week from them.",
    "I interviewed twelve sellers and ran a two-week A/B test before I asked the payments team to change anything.",
    "We weighed building our own form against licensing a provider; I chose the provider because it saved a quarter of work.",
    "The new flow used an idempotent `TaxProfile` writer behind a Kafka topic with exactly-once delivery.",
    "Completion rose from 52% to 71%, and new listings grew by 9,000 a month, about $1.2M in annual fees.",
    "In hindsight I would have involved the tax team earlier, because their review added three weeks at the end.",
    "日本の出品者にも同じ問題があった。 I improved the help text significantly.",
];

fn portfolio(words: usize) -> String {
    let mut text = String::new();
    let mut count = 0;
    let mut story = 0;
    while count < words {
        story += 1;
        text.push_str(&format!("# Case study {story}\n\n"));
        for (i, p) in PARAGRAPHS.iter().enumerate() {
            if i == 3 {
                text.push_str("```rust\nfn main() { println!(\"not prose\"); }\n```\n\n");
            }
            text.push_str(if i % 2 == 0 { "" } else { "- " });
            text.push_str(p);
            text.push_str("\n\n");
            count += p.split_whitespace().count();
        }
    }
    text
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    let config = RuleConfig::default();
    println!(
        "{:>8} {:>10} {:>12} {:>14}",
        "words", "bytes", "open (ms)", "edit (ms)"
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
        let mut doc = Document::new(&text);
        let mut reviewer = Reviewer::default();
        let _ = reviewer.review(&doc, &config);
        let middle = text.len() / 2;
        let at = (middle..text.len())
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
        let edits: Vec<Duration> = (0..50)
            .map(|i| {
                let start = Instant::now();
                let edit = if i % 2 == 0 {
                    (at..at, "x")
                } else {
                    (at..at + 1, "")
                };
                let _ = doc.replace(edit.0, edit.1);
                let _ = reviewer.review(&doc, &config);
                start.elapsed()
            })
            .collect();
        println!(
            "{:>8} {:>10} {:>12.2} {:>14.3}",
            words,
            text.len(),
            median(opens).as_secs_f64() * 1e3,
            median(edits).as_secs_f64() * 1e3
        );
    }
}
