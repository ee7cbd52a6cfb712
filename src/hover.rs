//! What the coach says when the writer hovers: over a sentence, the Leadership Principles it shows (first
//! line, by exact name, strongest first — or that it shows none), the evidence and the interviewer's next
//! question; over a case study's heading, its scorecard. Plain markdown: the protocol layer only wraps it.

use crate::review::Review;
use crate::rules::rule;
use std::ops::Range;

/// A hover: the markdown to show and the document range it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoverText {
    pub range: Range<usize>,
    pub markdown: String,
}

pub const SHOWS_NONE: &str = "**Shows no Leadership Principle**";

/// The hover at document offset `offset`, if it is over a sentence or a case study's heading.
pub fn hover(review: &Review, offset: usize) -> Option<HoverText> {
    let (index, block) = review
        .prose
        .blocks
        .iter()
        .enumerate()
        .find(|(_, b)| b.range.start <= offset && offset <= b.range.end)?;
    if block.heading_level().is_some() {
        let study = review
            .prose
            .studies
            .iter()
            .find(|s| s.heading == Some(index))?;
        return Some(HoverText {
            range: block.range.clone(),
            markdown: scorecard(review, study),
        });
    }
    let facts = &review.blocks[index].facts;
    let sentence = facts.sentences.iter().find(|s| {
        let r = block.range.start + s.range.start..block.range.start + s.range.end;
        r.start <= offset && offset <= r.end
    })?;
    let range = block.range.start + sentence.range.start..block.range.start + sentence.range.end;
    let mut md = String::from(SHOWS_NONE);
    md.push_str("\n\nNo words in this sentence show a principle through an action.");
    let findings: Vec<_> = review
        .findings
        .iter()
        .filter(|f| f.range.start >= range.start && f.range.end <= range.end)
        .collect();
    if !findings.is_empty() {
        md.push_str("\n\n---\n**What an interviewer will mark down here**\n");
        for f in findings {
            let why = rule(f.rule).map_or("", |r| r.doc.why);
            md.push_str(&format!("\n- `{}`: {} — {}", f.rule, f.message, why));
        }
    }
    Some(HoverText {
        range,
        markdown: md,
    })
}

fn scorecard(review: &Review, study: &crate::prose::CaseStudy) -> String {
    let sentences: usize = study
        .blocks
        .clone()
        .map(|i| review.blocks[i].facts.sentences.len())
        .sum();
    let findings = review
        .findings
        .iter()
        .filter(|f| study.range.contains(&f.range.start))
        .count();
    format!(
        "**Case study: {}**\n\n{} sentences · {} findings",
        study.title, sentences, findings
    )
}
