//! Scores the Leadership Principle reader against a labelled JSONL file of sentences, overall and per site,
//! beside a baseline that always answers the three most frequent labels.
//!
//! `cargo run --release --example eval_principles -- PATH/lp_sentences.jsonl [--verbose | --ids | --stories]`
//!
//! `--ids` prints each row's id and the principles named for it, and no text: what a held-out set's
//! predictions are, for a figure worked out elsewhere, without reading its sentences.
//!
//! The project's own labelled sentences use the same format: `tests/fixtures/principles_own_dev*.jsonl`
//! (which guided the cue work) and `principles_own_heldout*.jsonl` (never tuned on: only their summary lines
//! are looked at).
//!
//! Each line: `text`, `lps` (labels of the sentence's source answer; empty for a neutral setup sentence),
//! `answer_lps` (the whole answer's labels), `site`. Figures:
//! * hit rate: over sentences with labels, the predicted set overlaps `lps`;
//! * recall@3: over those sentences, the share of their labels found among the top three predictions;
//! * precision: of all predicted principles, the share contained in `answer_lps` (and of the top-1 guesses);
//! * silence: over neutral sentences (`lps` empty), the share with no prediction at all;
//! * coverage: the share of labelled sentences with any prediction.
//!
//! `--stories` reads each answer whole, as the portfolio does: consecutive rows with the same `source` (or
//! `site`) and the same `answer_lps` are one story, written as a case study under a heading of its own, and
//! the story's top principles (its scorecard's, at most three) are scored against the answer's labels: hit
//! (they overlap), precision (the share of them the labels hold) and top-1 (the first is a label). Labels
//! belong to whole answers, so this is the figure they describe best.
//!
//! Per principle: how many sentences carry it as a label and the share of those that name it (recall),
//! how often it is named and the share of those where the answer's labels hold it (precision). A summary
//! like the others: it tells which principles' evidence is thin without showing any sentence.

use casebook::analysis::lexicon::Words;
use casebook::analysis::principles::vocabulary;
use casebook::analysis::principles::Principle;
use casebook::analysis::read_words;
use casebook::hover::Scorecard;
use casebook::review::Reviewer;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::process::ExitCode;

#[derive(Deserialize)]
struct Row {
    #[serde(default)]
    id: String,
    text: String,
    #[serde(default)]
    lps: Vec<String>,
    #[serde(default)]
    answer_lps: Vec<String>,
    #[serde(default)]
    site: String,
    #[serde(default)]
    source: String,
}

#[derive(Default)]
struct Tally {
    labelled: usize,
    hits: usize,
    recall_found: usize,
    recall_total: usize,
    predicted: usize,
    predicted_right: usize,
    top1: usize,
    top1_right: usize,
    neutral: usize,
    silent: usize,
    spoke: usize,
}

impl Tally {
    fn add(&mut self, predicted: &[String], row: &Row) {
        if row.lps.is_empty() {
            self.neutral += 1;
            if predicted.is_empty() {
                self.silent += 1;
            }
        } else {
            self.labelled += 1;
            if predicted.iter().any(|p| row.lps.contains(p)) {
                self.hits += 1;
            }
            if !predicted.is_empty() {
                self.spoke += 1;
            }
            self.recall_total += row.lps.len();
            self.recall_found += row
                .lps
                .iter()
                .filter(|l| predicted.iter().take(3).any(|p| p == *l))
                .count();
        }
        self.predicted += predicted.len();
        self.predicted_right += predicted
            .iter()
            .filter(|p| row.answer_lps.contains(p))
            .count();
        if let Some(first) = predicted.first() {
            self.top1 += 1;
            if row.answer_lps.contains(first) {
                self.top1_right += 1;
            }
        }
    }

    fn line(&self, label: &str) -> String {
        let r = |a: usize, b: usize| {
            if b == 0 {
                "  -  ".to_string()
            } else {
                format!("{:.3}", a as f64 / b as f64)
            }
        };
        format!(
            "{label:<44} n={:<3} hit {}  recall@3 {}  precision {} (top1 {})  silence {} (of {})  coverage {}",
            self.labelled + self.neutral,
            r(self.hits, self.labelled),
            r(self.recall_found, self.recall_total),
            r(self.predicted_right, self.predicted),
            r(self.top1_right, self.top1),
            r(self.silent, self.neutral),
            self.neutral,
            r(self.spoke, self.labelled),
        )
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose" || a == "-v");
    let stories = args.iter().any(|a| a == "--stories");
    let ids = args.iter().any(|a| a == "--ids");
    let Some(path) = args.iter().find(|a| !a.starts_with('-')) else {
        eprintln!("usage: eval_principles PATH/lp_sentences.jsonl [--verbose | --ids | --stories]");
        return ExitCode::from(2);
    };
    let source = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    let mut rows = Vec::new();
    for (n, line) in source
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        match serde_json::from_str::<Row>(line) {
            Ok(row) => rows.push(row),
            Err(e) => eprintln!("{path}:{}: skipped: {e}", n + 1),
        }
    }
    for row in &rows {
        for l in row.lps.iter().chain(&row.answer_lps) {
            if Principle::from_name(l).is_none() {
                eprintln!("{}: unknown principle label {l:?}", row.id);
            }
        }
    }

    if stories {
        score_stories(path, &rows, verbose);
        return ExitCode::SUCCESS;
    }

    // Baseline: the three labels seen most often.
    let mut freq: HashMap<&str, usize> = HashMap::new();
    for row in &rows {
        for l in &row.lps {
            *freq.entry(l.as_str()).or_default() += 1;
        }
    }
    let mut by_freq: Vec<(&str, usize)> = freq.into_iter().collect();
    by_freq.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let baseline: Vec<String> = by_freq.iter().take(3).map(|(l, _)| l.to_string()).collect();

    let mut ours: BTreeMap<String, Tally> = BTreeMap::new();
    let mut base: BTreeMap<String, Tally> = BTreeMap::new();
    let mut predicted_counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    // Per principle: (labelled, of those named, named, of those in the answer's labels).
    let mut per_principle: BTreeMap<String, [usize; 4]> = BTreeMap::new();
    let started = std::time::Instant::now();
    for row in &rows {
        // As the hover reads it: the principles of the sentence's whole reading.
        let readings = read_words(&row.text).principles;
        let predicted: Vec<String> = readings
            .iter()
            .map(|r| r.principle.name().to_string())
            .collect();
        for r in &readings {
            *predicted_counts.entry(r.principle.name()).or_default() += 1;
        }
        for label in &row.lps {
            let counts = per_principle.entry(label.clone()).or_default();
            counts[0] += 1;
            counts[1] += usize::from(predicted.contains(label));
        }
        for name in &predicted {
            let counts = per_principle.entry(name.clone()).or_default();
            counts[2] += 1;
            counts[3] += usize::from(row.answer_lps.contains(name));
        }
        for key in ["(all)".to_string(), row.site.clone()] {
            ours.entry(key.clone()).or_default().add(&predicted, row);
            base.entry(key).or_default().add(&baseline, row);
        }
        if ids {
            println!("{}\t{}", row.id, predicted.join("|"));
            continue;
        }
        if verbose {
            let shown: Vec<String> = readings
                .iter()
                .map(|r| {
                    let words: Vec<&str> = r
                        .evidence
                        .iter()
                        .map(|e| &row.text[e.range.clone()])
                        .collect();
                    format!(
                        "{} {:?} {:.2} [{}]",
                        r.principle.name(),
                        r.strength,
                        r.score,
                        words.join(" | ")
                    )
                })
                .collect();
            let mark = if row.lps.is_empty() {
                if predicted.is_empty() {
                    "ok "
                } else {
                    "NOISE"
                }
            } else if predicted.iter().any(|p| row.lps.contains(p)) {
                "hit"
            } else if predicted.is_empty() {
                "silent"
            } else {
                "MISS"
            };
            println!(
                "{:<5} {:<6} {:?}\n      {}\n      -> {}\n",
                row.id,
                mark,
                row.lps,
                row.text,
                shown.join("; ")
            );
        }
    }
    let elapsed = started.elapsed();

    println!(
        "Leadership Principle reading on {} sentences ({path})",
        rows.len()
    );
    println!("baseline answers always: {}", baseline.join(" · "));
    println!();
    for (key, tally) in &ours {
        println!("{}", tally.line(&format!("casebook  {key}")));
        if let Some(b) = base.get(key) {
            println!("{}", b.line(&format!("baseline  {key}")));
        }
    }
    println!();
    println!("predictions per principle:");
    for (name, n) in &predicted_counts {
        println!("  {n:>3}  {name}");
    }
    println!();
    println!("per principle: labelled (named when labelled) · named (in the answer's labels)");
    let share = |a: usize, b: usize| {
        if b == 0 {
            "  -  ".to_string()
        } else {
            format!("{:.2}", a as f64 / b as f64)
        }
    };
    for (name, [labelled, found, named, right]) in &per_principle {
        println!(
            "  {name:<46} {labelled:>4} ({})  {named:>4} ({})",
            share(*found, *labelled),
            share(*right, *named)
        );
    }
    println!(
        "\n{:.1} µs per sentence (including the one-off data load)",
        elapsed.as_secs_f64() * 1e6 / rows.len().max(1) as f64
    );
    ExitCode::SUCCESS
}

/// `--stories`: each answer read whole as a case study, its top principles against the answer's labels.
fn score_stories(path: &str, rows: &[Row], verbose: bool) {
    // Consecutive rows of one source with the same labels are one answer.
    let mut answers: Vec<Vec<&Row>> = Vec::new();
    for row in rows.iter().filter(|r| !r.answer_lps.is_empty()) {
        let from = |r: &Row| {
            if r.source.is_empty() {
                r.site.clone()
            } else {
                r.source.clone()
            }
        };
        match answers.last_mut() {
            Some(answer)
                if from(answer[0]) == from(row) && answer[0].answer_lps == row.answer_lps =>
            {
                answer.push(row)
            }
            _ => answers.push(vec![row]),
        }
    }
    let mut doc = String::new();
    for (i, answer) in answers.iter().enumerate() {
        let text: Vec<&str> = answer.iter().map(|r| r.text.trim()).collect();
        doc.push_str(&format!("## Story {}\n\n{}\n\n", i + 1, text.join(" ")));
    }
    let review = Reviewer::default().review_text(&doc);
    let studies = &review.prose.studies;
    if studies.len() != answers.len() {
        eprintln!(
            "{path}: {} answers made {} case studies; a sentence must have started a heading",
            answers.len(),
            studies.len()
        );
    }
    let (mut hits, mut top1, mut named, mut right, mut silent) = (0, 0, 0, 0, 0);
    // Beside the cues: the story's words as the word reading weighs them, its three likeliest principles
    // (`words`), and those filling the cues' top three when they name fewer (`cues+words`).
    let (mut word_hits, mut word_top1, mut filled_hits, mut filled_named, mut filled_right) =
        (0, 0, 0, 0, 0);
    for (answer, study) in answers.iter().zip(studies) {
        let card = Scorecard::of(&review, study);
        let labels = &answer[0].answer_lps;
        let top: Vec<&str> = card.principles.iter().map(|(p, _)| p.name()).collect();
        let story: Vec<&str> = answer.iter().map(|r| r.text.as_str()).collect();
        let by_words: Vec<&str> = vocabulary::ranking(&Words::new(&story.join(" ")))
            .iter()
            .take(3)
            .map(|(p, _)| p.name())
            .collect();
        let is_label = |name: &&str| labels.iter().any(|l| l == name);
        word_hits += usize::from(by_words.iter().any(is_label));
        word_top1 += usize::from(by_words.first().is_some_and(is_label));
        let mut filled = top.clone();
        for name in &by_words {
            if filled.len() < 3 && !filled.contains(name) {
                filled.push(name);
            }
        }
        filled_hits += usize::from(filled.iter().any(is_label));
        filled_named += filled.len();
        filled_right += filled.iter().filter(|name| is_label(name)).count();
        hits += usize::from(top.iter().any(is_label));
        top1 += usize::from(top.first().is_some_and(is_label));
        named += top.len();
        right += top.iter().filter(|name| is_label(name)).count();
        silent += usize::from(top.is_empty());
        if verbose {
            let mark = match top.iter().any(is_label) {
                true => "hit",
                false if top.is_empty() => "silent",
                false => "MISS",
            };
            println!(
                "{:<6} {} sentences, {} ({})\n      labels {:?}\n      -> {}\n",
                mark,
                answer.len(),
                answer[0].id,
                answer[0].site,
                labels,
                top.join(" · ")
            );
        }
    }
    let n = answers.len().max(1) as f32;
    println!(
        "Leadership Principle reading of {} answers read whole ({path})",
        answers.len()
    );
    println!(
        "casebook  stories n={:<4} hit {:.3}  top-1 {:.3}  precision {:.3}  silent {}",
        answers.len(),
        hits as f32 / n,
        top1 as f32 / n,
        right as f32 / named.max(1) as f32,
        silent
    );
    println!(
        "words     stories n={:<4} hit {:.3}  top-1 {:.3}",
        answers.len(),
        word_hits as f32 / n,
        word_top1 as f32 / n
    );
    println!(
        "cues+words stories n={:<4} hit {:.3}  precision {:.3}",
        answers.len(),
        filled_hits as f32 / n,
        filled_right as f32 / filled_named.max(1) as f32
    );
}
