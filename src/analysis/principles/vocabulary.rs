//! The words each principle's sentences use: a lighter reading beside the cues'.
//!
//! Cues read a sentence's acts ("pushed back on", "dug into the logs"). Many sentences that show a
//! principle use none of them, though, and then said nothing, or less than a coach would hear: "I paired
//! each new analyst with a senior reviewer for their first three models" grows people, in words no cue
//! lists. The project's own labelled sentences
//! (`tests/fixtures/principles_own_*.jsonl`, written for it: the dev sets the cues were tuned on and
//! the held-out sets that measured them, all but the newest, which `blind` keeps out) say which words the
//! sentences of each principle use, and which words setup sentences that show nothing use.
//! `vocabulary.tsv` counts them: for each word stem, in how many sentences of each principle (and of
//! setup) it appears. A sentence is then weighed as naive Bayes would: the principle whose sentences
//! its words most resemble, if that is not setup and its odds among all the classes reach `threshold`
//! (`vocabulary.toml`). It is shown after any principle the cues show (only a new one, within the
//! three a sentence shows at most), always as `Some`, with the words that lean towards it clearly
//! (`min_lean`) as evidence: the reading stays explainable by the words shown.
//!
//! Not read (in [`super::read_principles_and_others`]): a sentence where a cue matched that its grammar
//! cancelled ("I didn't push back", "I was promoted": it says nothing, rather than something else), a
//! question, a sentence that names a principle, the writer's state ("I was the PM for…"), one where the
//! writer does not act or that a negation or hypothetical governs, and one with fewer than `min_words`
//! counted words; nor is a principle read that someone else's act in the sentence shows ("My lead
//! pushed back on the date, and I updated the plan"). `cargo run --example count_vocabulary` writes
//! `vocabulary.tsv` again from the fixtures; a test holds the file to them.

use super::Principle;
use crate::analysis::lexicon::Words;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use std::fmt::Write;
use std::ops::Range;
use std::sync::LazyLock;

/// The classes a sentence can fall in: setup (index 0), then the principles in [`Principle::ALL`] order.
const CLASSES: usize = 1 + Principle::ALL.len();
/// The column of setup sentences, which show no principle.
const SETUP: &str = "(setup)";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    /// The odds the likeliest class must reach, among all of them, to be read.
    threshold: f32,
    /// Added to every count (Laplace smoothing): a word never seen with a principle is unlikely, not
    /// impossible.
    smoothing: f32,
    /// A stem is counted only when at least this many sentences use it.
    min_sentences: u32,
    /// A sentence is read only with at least this many counted words.
    min_words: usize,
    /// The score of a reading (`scoring.some` in principles.toml makes it a `Some`).
    score: f32,
    /// A word is shown as evidence when its log-likelihood for the principle beats every other class's
    /// by at least this much (0.5: about 1.6 times as likely).
    min_lean: f32,
    /// A reading needs at least this many such words: one that leans on words any story uses is none.
    min_telling: usize,
    /// At most this many words are shown as its evidence.
    max_evidence: usize,
    /// Why the words count, in one line (the hover shows it).
    reason: String,
    /// Labelled fixtures kept out of the counts, so that they measure the reading blind.
    blind: Vec<String>,
    /// Words that tell no principle apart (articles, pronouns, auxiliaries…), lowercased.
    ignored: Vec<String>,
}

static SETTINGS: LazyLock<Settings> = LazyLock::new(|| {
    toml::from_str(include_str!("vocabulary.toml")).expect("vocabulary.toml is valid")
});

static IGNORED: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| SETTINGS.ignored.iter().map(String::as_str).collect());

/// The counts and what the reader works out from them.
struct Vocabulary {
    settings: &'static Settings,
    /// Stem → row of `log_likelihood`.
    rows: FxHashMap<String, usize>,
    /// For each counted stem, for each class: the log of how likely a sentence of the class is to use it.
    log_likelihood: Vec<[f32; CLASSES]>,
    log_prior: [f32; CLASSES],
}

static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(|| load(include_str!("vocabulary.tsv")));

fn load(counts: &str) -> Vocabulary {
    let settings = &*SETTINGS;
    let mut lines = counts.lines().filter(|l| !l.starts_with('#'));
    let header: Vec<&str> = lines
        .next()
        .expect("vocabulary.tsv has a header")
        .split('\t')
        .collect();
    assert_eq!(
        header.len(),
        CLASSES + 1,
        "vocabulary.tsv: one column per class"
    );
    assert_eq!(header[1], SETUP, "vocabulary.tsv: setup comes first");
    for (name, principle) in header[2..].iter().zip(Principle::ALL) {
        assert_eq!(
            *name,
            principle.name(),
            "vocabulary.tsv: principles in order"
        );
    }
    let numbers = |line: &str| -> (String, [f32; CLASSES]) {
        let mut cells = line.split('\t');
        let stem = cells.next().unwrap_or_default().to_string();
        let mut row = [0.0; CLASSES];
        for (cell, value) in cells.zip(&mut row) {
            *value = cell.parse().expect("vocabulary.tsv: counts are numbers");
        }
        (stem, row)
    };
    let (_, sentences) = numbers(lines.next().expect("vocabulary.tsv has a sentences row"));
    let total: f32 = sentences.iter().sum();
    let a = settings.smoothing;
    let log_prior = sentences.map(|n| ((n + a) / (total + CLASSES as f32 * a)).ln());
    let mut rows = FxHashMap::default();
    let mut log_likelihood = Vec::new();
    for line in lines.filter(|l| !l.is_empty()) {
        let (stem, counts) = numbers(line);
        let mut row = [0.0; CLASSES];
        for c in 0..CLASSES {
            row[c] = ((counts[c] + a) / (sentences[c] + 2.0 * a)).ln();
        }
        rows.insert(stem, log_likelihood.len());
        log_likelihood.push(row);
    }
    Vocabulary {
        settings,
        rows,
        log_likelihood,
        log_prior,
    }
}

/// What a sentence's words lean to.
#[derive(Debug, Clone, PartialEq)]
pub struct Leaning {
    pub principle: Principle,
    /// The odds of it among every class, setup included.
    pub odds: f32,
    pub score: f32,
    /// The words that lean towards it most, strongest first.
    pub words: Vec<Range<usize>>,
    pub reason: &'static str,
}

/// The stems of `words` that are counted: each once, with its first word's range.
fn counted(words: &Words) -> Vec<(&str, Range<usize>)> {
    let ignored = &*IGNORED;
    let mut seen = FxHashSet::default();
    words
        .words
        .iter()
        .filter(|w| w.stem != "#" && !ignored.contains(w.lower.as_str()))
        .filter(|w| seen.insert(w.stem.as_str()))
        .map(|w| (w.stem.as_str(), w.range.clone()))
        .collect()
}

/// The stems of `text` the reading counts (each once, in order), whether or not `vocabulary.tsv` has
/// them: what an experiment outside the crate weighs a sentence by.
pub fn stems(text: &str) -> Vec<String> {
    counted(&Words::new(text))
        .into_iter()
        .map(|(stem, _)| stem.to_string())
        .collect()
}

/// Each class's log prior plus the log likelihoods of the counted stems at `rows` of the counts.
fn log_odds(rows: impl Iterator<Item = usize>) -> [f32; CLASSES] {
    let v = &*VOCABULARY;
    let mut log_odds = v.log_prior;
    for row in rows {
        for (sum, l) in log_odds.iter_mut().zip(&v.log_likelihood[row]) {
            *sum += l;
        }
    }
    log_odds
}

/// The principle `words` lean towards, if they lean clearly enough away from setup and every other
/// principle.
pub fn leaning(words: &Words) -> Option<Leaning> {
    let v = &*VOCABULARY;
    let rows: Vec<(usize, Range<usize>)> = counted(words)
        .into_iter()
        .filter_map(|(stem, range)| Some((*v.rows.get(stem)?, range)))
        .collect();
    if rows.len() < v.settings.min_words {
        return None;
    }
    let log_odds = log_odds(rows.iter().map(|(row, _)| *row));
    let best = (0..CLASSES).max_by(|a, b| log_odds[*a].total_cmp(&log_odds[*b]))?;
    let top = log_odds[best];
    let odds = 1.0 / log_odds.iter().map(|l| (l - top).exp()).sum::<f32>();
    if best == 0 || odds < v.settings.threshold {
        return None;
    }
    // A word leans towards the principle by how much likelier its sentences use it than the sentences
    // of the next likeliest class do.
    let mut leaning: Vec<(f32, Range<usize>)> = rows
        .into_iter()
        .map(|(row, range)| {
            let l = &v.log_likelihood[row];
            let rival = (0..CLASSES)
                .filter(|c| *c != best)
                .map(|c| l[c])
                .fold(f32::NEG_INFINITY, f32::max);
            (l[best] - rival, range)
        })
        .filter(|(lean, _)| *lean >= v.settings.min_lean)
        .collect();
    leaning.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.start.cmp(&b.1.start)));
    leaning.truncate(v.settings.max_evidence);
    let words: Vec<Range<usize>> = leaning.into_iter().map(|(_, r)| r).collect();
    if words.len() < v.settings.min_telling {
        return None;
    }
    Some(Leaning {
        principle: Principle::ALL[best - 1],
        odds,
        score: v.settings.score,
        words,
        reason: &v.settings.reason,
    })
}

/// Every principle with the log of its odds against the likeliest class (setup included), likeliest
/// first, with no threshold: how the words of a longer text, a whole story, lean. For experiments
/// (`eval_principles --stories`); the reading itself uses [`leaning`].
pub fn ranking(words: &Words) -> Vec<(Principle, f32)> {
    let v = &*VOCABULARY;
    let log_odds = log_odds(
        counted(words)
            .iter()
            .filter_map(|(stem, _)| v.rows.get(*stem).copied()),
    );
    let top = log_odds.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut ranked: Vec<(Principle, f32)> = Principle::ALL
        .iter()
        .enumerate()
        .map(|(i, p)| (*p, log_odds[i + 1] - top))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    ranked
}

/// One labelled sentence of the project's fixtures (`tests/fixtures/principles_own_*.jsonl`).
#[derive(Deserialize)]
pub struct Labelled {
    #[serde(default)]
    pub id: String,
    pub text: String,
    /// The principles the sentence shows, by name; none for setup.
    #[serde(default)]
    pub lps: Vec<String>,
    /// The principles of the whole answer it comes from.
    #[serde(default)]
    pub answer_lps: Vec<String>,
}

/// The labelled sentences of the `principles_own_*.jsonl` files in `dir` (the project's
/// `tests/fixtures`) but the `blind` ones, each with its file's name, in the files' name order: what the
/// counts are made from.
pub fn counted_sentences(dir: &std::path::Path) -> std::io::Result<Vec<(String, Labelled)>> {
    let mut names: Vec<String> = std::fs::read_dir(dir)?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|n| {
            n.starts_with("principles_own_")
                && n.ends_with(".jsonl")
                && !SETTINGS.blind.iter().any(|b| b == n)
        })
        .collect();
    names.sort();
    let mut sentences = Vec::new();
    for name in names {
        let path = dir.join(&name);
        for line in std::fs::read_to_string(&path)?
            .lines()
            .filter(|l| !l.trim().is_empty())
        {
            let row: Labelled = serde_json::from_str(line).map_err(|e| {
                std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("{}: {e}", path.display()),
                )
            })?;
            sentences.push((name.clone(), row));
        }
    }
    Ok(sentences)
}

/// `vocabulary.tsv` for the [`counted_sentences`] of `dir`: what `cargo run --example
/// count_vocabulary` writes, and a test compares.
pub fn count_files(dir: &std::path::Path) -> std::io::Result<String> {
    let rows: Vec<(String, Vec<Principle>)> = counted_sentences(dir)?
        .into_iter()
        .map(|(_, row)| {
            let principles = row
                .lps
                .iter()
                .filter_map(|l| Principle::from_name(l))
                .collect();
            (row.text, principles)
        })
        .collect();
    Ok(count(rows.iter().map(
        |(t, p): &(String, Vec<Principle>)| (t.as_str(), p.clone()),
    )))
}

/// `vocabulary.tsv` for labelled sentences: each sentence's text with its principles (none for setup).
pub fn count<'a>(sentences: impl IntoIterator<Item = (&'a str, Vec<Principle>)>) -> String {
    let mut per_class = [0u32; CLASSES];
    // Per stem: sentences of each class, and sentences in all (a sentence may have two principles).
    let mut by_stem: std::collections::BTreeMap<String, ([u32; CLASSES], u32)> = Default::default();
    for (text, principles) in sentences {
        let classes: Vec<usize> = match principles.is_empty() {
            true => vec![0],
            false => principles.iter().map(|p| 1 + *p as usize).collect(),
        };
        for &c in &classes {
            per_class[c] += 1;
        }
        let words = Words::new(text);
        for (stem, _) in counted(&words) {
            let (row, all) = by_stem.entry(stem.to_string()).or_default();
            *all += 1;
            for &c in &classes {
                row[c] += 1;
            }
        }
    }
    let mut out = String::from(
        "# Generated by `cargo run --example count_vocabulary` from tests/fixtures/principles_own_*.jsonl (but\n\
         # the blind ones of vocabulary.toml); do not edit by hand. For each word stem, in how many labelled\n\
         # sentences of each class it appears.\n",
    );
    let row = |out: &mut String, name: &str, counts: &[u32; CLASSES]| {
        out.push_str(name);
        for n in counts {
            let _ = write!(out, "\t{n}");
        }
        out.push('\n');
    };
    out.push_str("stem\t");
    out.push_str(SETUP);
    for p in Principle::ALL {
        out.push('\t');
        out.push_str(p.name());
    }
    out.push('\n');
    row(&mut out, "(sentences)", &per_class);
    for (stem, (counts, all)) in &by_stem {
        if *all >= SETTINGS.min_sentences {
            row(&mut out, stem, counts);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::principles::{read_principles, read_principles_and_others, Strength};

    /// The principles a sentence shows, each with its evidence words, as the hover gets them.
    fn shown(text: &str) -> Vec<(Principle, Strength, Vec<&str>)> {
        read_principles(text, &Words::new(text))
            .into_iter()
            .map(|r| {
                let words = r.evidence.iter().map(|e| &text[e.range.clone()]).collect();
                (r.principle, r.strength, words)
            })
            .collect()
    }

    #[test]
    fn the_counts_are_those_of_the_labelled_sentences() {
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let counted = count_files(&fixtures).expect("the fixtures are readable");
        assert!(
            counted == include_str!("vocabulary.tsv"),
            "vocabulary.tsv is out of date: run `cargo run --example count_vocabulary`"
        );
        // The blind sets are left out, and every other labelled set is in.
        assert!(SETTINGS.blind.iter().all(|b| fixtures.join(b).is_file()));
        let sentences: u32 = counted
            .lines()
            .nth(4)
            .unwrap()
            .split('\t')
            .skip(1)
            .map(|n| n.parse::<u32>().unwrap())
            .sum();
        assert!(sentences > 2_000, "{sentences} sentences counted");
    }

    /// No cue phrase here; its words are those of sentences about growing people.
    const PAIRED: &str =
        "I paired each new analyst with a senior reviewer for their first three models.";

    #[test]
    fn a_sentence_no_cue_reads_is_read_by_its_words() {
        let readings = shown(PAIRED);
        let [(principle, strength, words)] = &readings[..] else {
            panic!("{readings:?}")
        };
        assert_eq!(*principle, Principle::HireAndDevelopTheBest);
        assert_eq!(
            *strength,
            Strength::Some,
            "words are a lighter reading than a cue"
        );
        assert!(words.contains(&"paired") && words.len() <= SETTINGS.max_evidence);
        // And the odds it is read with are those the settings ask for.
        let l = leaning(&Words::new(PAIRED)).expect("it leans");
        assert!(l.odds >= SETTINGS.threshold && l.odds <= 1.0, "{}", l.odds);
    }

    #[test]
    fn words_count_only_for_an_act_of_the_writer() {
        for text in [
            // someone else's act
            "My manager paired each new analyst with a senior reviewer for their first three models.",
            "New analysts were paired with a senior reviewer for their first three models.",
            // negated, wished, asked
            "I didn't pair each new analyst with a senior reviewer for their first three models.",
            // (the negation on the writer's verb, far from the words)
            "I didn't make sure that every one of the new analysts got a senior reviewer for their first three models.",
            "I never made sure that each of the new analysts was paired with a senior reviewer for their first three models.",
            "I wish I had paired each new analyst with a senior reviewer for their first three models.",
            "Did anyone pair each new analyst with a senior reviewer for their first three models?",
            // the principle named: never evidence of itself
            "I paired each new analyst with a senior reviewer, which showed Hire and Develop the Best.",
        ] {
            // Their words alone lean the same way: what silences them is the grammar.
            assert!(leaning(&Words::new(text)).is_some(), "{text}");
            assert_eq!(shown(text), [], "{text}");
        }
        // Setup: what the writer was, and what a process had.
        for text in [
            "I was the product manager for home delivery at a regional pharmacy chain with 40 stores.",
            "Our process had a manual approval step for every refund.",
        ] {
            assert_eq!(shown(text), [], "{text}");
        }
    }

    #[test]
    fn a_cue_cancelled_by_its_grammar_is_not_read_by_words_instead() {
        // The writer's own career is a cue that shows nothing ("theirs": only a colleague's does); its
        // words alone would read as developing people.
        for text in [
            "I was promoted to staff engineer once the billing migration shipped.",
            "I got promoted to team lead the spring after our mentoring programme launched.",
        ] {
            assert_eq!(shown(text), [], "{text}");
        }
    }

    #[test]
    fn words_never_credit_the_writer_with_someone_elses_act() {
        // The writer acts here, but what the words speak of ("pushed", "back") is the lead's act: the
        // hover names it as theirs, and the words do not give it to the writer.
        let text = "My lead pushed back on the launch date, and I updated the plan.";
        let (shown, others) = read_principles_and_others(text, &Words::new(text));
        assert_eq!(shown, []);
        assert_eq!(
            others.iter().map(|r| r.principle).collect::<Vec<_>>(),
            [Principle::HaveBackbone]
        );
    }

    #[test]
    fn words_add_a_principle_the_cues_do_not_show() {
        // "Within a day" is a cue of speed; the rest are the words of growing people.
        let text = "Within a day I paired each new analyst with a senior reviewer for their first three models.";
        let readings = shown(text);
        let principles: Vec<Principle> = readings.iter().map(|r| r.0).collect();
        assert_eq!(
            principles,
            [Principle::BiasForAction, Principle::HireAndDevelopTheBest],
            "{readings:?}"
        );
        // After the cue's reading, and lighter.
        assert_eq!(readings[1].1, Strength::Some);
        // A principle the cues show already is not shown twice.
        let text = "I redesigned the pharmacy app's refill screen after riding along with two couriers and seeing them squint at it in the sun.";
        let principles: Vec<Principle> = shown(text).iter().map(|r| r.0).collect();
        let mut unique = principles.clone();
        unique.dedup();
        assert_eq!(principles, unique);
        assert!(principles.contains(&Principle::CustomerObsession));
    }

    #[test]
    fn few_known_words_are_not_read() {
        // Too few counted words to lean anywhere, however telling one of them is.
        assert_eq!(leaning(&Words::new("Lorries.")), None);
        assert_eq!(leaning(&Words::new("")), None);
        assert_eq!(leaning(&Words::new("I zorbled the quaxes.")), None);
    }

    #[test]
    fn the_words_shown_lean_towards_the_principle_most() {
        let text = PAIRED;
        let l = leaning(&Words::new(text)).expect("it leans");
        let v = &*VOCABULARY;
        let c = 1 + l.principle as usize;
        // Each word shown is likelier in the principle's sentences than in any other class's.
        for range in &l.words {
            let stem = &Words::new(&text[range.clone()]).words[0].stem;
            let row = &v.log_likelihood[v.rows[stem.as_str()]];
            assert!(
                (0..CLASSES).filter(|k| *k != c).all(|k| row[c] > row[k]),
                "{stem}"
            );
        }
        // Ignored words never are.
        assert!(l
            .words
            .iter()
            .all(|r| !IGNORED.contains(&text[r.clone()].to_lowercase().as_str())));
    }

    /// A whole story's words rank every principle, likeliest first, the first at odds 0 or under against the
    /// likeliest class; a story of mentoring leans to developing people.
    #[test]
    fn a_story_ranks_every_principle_by_its_words() {
        let story =
            "I mentored two junior engineers. I paired with them every week and coached them \
                     through their first design reviews. Both were promoted within a year.";
        let ranked = ranking(&Words::new(story));
        assert_eq!(ranked.len(), Principle::ALL.len());
        assert!(ranked.windows(2).all(|w| w[0].1 >= w[1].1), "{ranked:?}");
        assert!(ranked[0].1 <= 0.0, "{ranked:?}");
        assert_eq!(ranked[0].0, Principle::HireAndDevelopTheBest, "{ranked:?}");
    }
}
