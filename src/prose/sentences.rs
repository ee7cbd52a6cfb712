//! Splits prose into sentences, by Unicode's sentence boundaries (UAX #29, which already keeps "$1.5M",
//! "3.9 to 4.4" and "e.g. the" whole) plus a short list of abbreviations after which a capital letter does
//! not start a new sentence ("e.g. Kafka", "the U.S. market", "vs. Redis").

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Abbreviations that end in a period but rarely end a sentence, compared with their case: "Ms." is a
/// title, while "ms." ends many a sentence about latency.
const ABBREVIATIONS: &[&str] = &[
    "e.g.", "E.g.", "i.e.", "I.e.", "vs.", "Vs.", "cf.", "Cf.", "Mr.", "Mrs.", "Ms.", "Dr.",
    "Prof.", "Sr.", "Jr.", "St.", "U.S.", "U.K.", "E.U.", "Inc.", "Ltd.", "Co.", "Corp.",
    "approx.", "Approx.", "incl.", "No.", "Fig.", "Dept.", "a.k.a.", "p.m.", "a.m.",
];

fn ends_with_abbreviation(segment: &str) -> bool {
    let trimmed = segment.trim_end();
    let last = trimmed
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    ABBREVIATIONS.contains(&last)
}

/// Sentence ranges in `prose`, trimmed of surrounding spaces; segments with no letter or digit are dropped.
pub fn sentences(prose: &str) -> Vec<Range<usize>> {
    let mut merged: Vec<Range<usize>> = Vec::new();
    let mut joining = false;
    for (start, segment) in prose.split_sentence_bound_indices() {
        let range = start..start + segment.len();
        match merged.last_mut() {
            Some(last) if joining => last.end = range.end,
            _ => merged.push(range),
        }
        joining = ends_with_abbreviation(segment);
    }
    merged
        .into_iter()
        .filter_map(|r| {
            let s = &prose[r.clone()];
            let lead = s.len() - s.trim_start().len();
            let trimmed = s.trim();
            let r = r.start + lead..r.start + lead + trimmed.len();
            trimmed.chars().any(char::is_alphanumeric).then_some(r)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn segmentation_table() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two!", &["One.", "Two!"]),
            (
                "We raised $1.5M in revenue. Then we left.",
                &["We raised $1.5M in revenue.", "Then we left."],
            ),
            (
                "NPS rose from 3.9 to 4.4 in a quarter.",
                &["NPS rose from 3.9 to 4.4 in a quarter."],
            ),
            (
                "We used a queue, e.g. Kafka, for this. Done.",
                &["We used a queue, e.g. Kafka, for this.", "Done."],
            ),
            (
                "It shipped in the U.S. Market share grew.",
                &["It shipped in the U.S. Market share grew."],
            ),
            (
                "It beat the old path, i.e. the batch job. Good.",
                &["It beat the old path, i.e. the batch job.", "Good."],
            ),
            (
                "Postgres vs. DynamoDB was the choice.",
                &["Postgres vs. DynamoDB was the choice."],
            ),
            (
                "Why did users leave? They waited 8 s.",
                &["Why did users leave?", "They waited 8 s."],
            ),
            ("  Trailing spaces.   ", &["Trailing spaces."]),
            ("  ...  ", &[]),
            (" ", &[]),
            ("\u{3000}", &[]),
            ("日本語の文。次の文。", &["日本語の文。", "次の文。"]),
            ("Emoji 🚀 end. Next one.", &["Emoji 🚀 end.", "Next one."]),
        ];
        for (text, want) in cases {
            assert_eq!(&split(text), want, "splitting {text:?}");
        }
    }
}
