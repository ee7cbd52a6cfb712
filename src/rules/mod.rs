//! The coaching rules: each one a small self-describing unit in its own file, listed in [`RULES`].
//! A rule's doc is the single source of its hover text, `casebook explain` and the README's rule table.

mod assigned_not_initiated;
pub mod config;
mod generic_learning;
mod inconsistent_metric;
mod jargon_heavy;
mod missing_alternatives;
mod missing_business_impact;
mod missing_customer_problem;
mod missing_influence;
mod missing_learning;
mod missing_result_metric;
mod missing_validation;
mod named_principle;
mod portfolio_size;
mod principle_overlap;
mod solution_first;
mod story;
mod technical_metric_only;
mod thin_coverage;
mod too_thin;
mod unfilled_placeholder;
mod vague_claim;
mod we_not_i;
mod weak_verb;

/// Template slots as `unfilled-placeholder` sees them (code actions turn them into tab stops).
pub use unfilled_placeholder::slots as placeholder_slots;

use crate::analysis::cues::Part;
use crate::analysis::{BlockFacts, SentenceFacts};
use crate::portfolio::{PortfolioFinding, PortfolioView};
use crate::prose::{Block, CaseStudy};
use std::ops::Range;
use std::sync::Arc;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Hint,
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn from_name(name: &str) -> Option<Severity> {
        match name.to_ascii_lowercase().as_str() {
            "hint" => Some(Severity::Hint),
            "info" | "information" => Some(Severity::Info),
            "warning" | "warn" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

/// What a rule looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// One sentence (or one paragraph), independent of the rest of the story.
    Sentence,
    /// A whole case study.
    CaseStudy,
    /// Every case study of the workspace together.
    Portfolio,
}

/// The four parts of every rule's documentation.
#[derive(Debug, Clone, Copy)]
pub struct RuleDoc {
    /// What it flags.
    pub what: &'static str,
    /// Why an interviewer cares.
    pub why: &'static str,
    /// A sentence or story it flags.
    pub example: &'static str,
    /// The better version.
    pub instead: &'static str,
}

/// The input of a sentence-level check: one block's facts and its prose.
pub struct BlockView<'a> {
    pub prose: &'a str,
    pub facts: &'a BlockFacts,
}

impl BlockView<'_> {
    /// A range relative to `sentence`, made relative to the block (as findings are).
    pub fn range(&self, sentence: &SentenceFacts, range: &Range<usize>) -> Range<usize> {
        sentence.range.start + range.start..sentence.range.start + range.end
    }

    /// Each sentence's text with its facts.
    pub fn sentences(&self) -> impl Iterator<Item = (&str, &SentenceFacts)> {
        self.facts
            .sentences
            .iter()
            .map(|s| (&self.prose[s.range.clone()], s))
    }
}

/// The input of a case-study check: every block of one case study, with its facts.
pub struct StudyView<'a> {
    pub study: &'a CaseStudy,
    /// Where case-study findings are reported: the heading, or the study's first line.
    pub anchor: Range<usize>,
    /// The study's blocks (its heading included) with their facts, in document order.
    pub blocks: Vec<(&'a Block, &'a BlockFacts)>,
}

/// One sentence of a case study, in document coordinates.
pub struct StudySentence<'a> {
    /// Document byte range.
    pub range: Range<usize>,
    pub text: &'a str,
    pub facts: &'a SentenceFacts,
    /// The block it belongs to.
    pub block: &'a Block,
    pub block_facts: &'a BlockFacts,
}

impl<'a> StudySentence<'a> {
    /// Sentence `facts` of `block`, placed in the document.
    pub fn new(block: &'a Block, block_facts: &'a BlockFacts, facts: &'a SentenceFacts) -> Self {
        StudySentence {
            range: block.range.start + facts.range.start..block.range.start + facts.range.end,
            text: &block.prose.prose[facts.range.clone()],
            facts,
            block,
            block_facts,
        }
    }
}

impl<'a> StudyView<'a> {
    /// Every sentence of the study, in order (headings have none).
    pub fn sentences(&self) -> impl Iterator<Item = StudySentence<'a>> + '_ {
        self.blocks.iter().flat_map(|&(block, facts)| {
            facts
                .sentences
                .iter()
                .map(move |s| StudySentence::new(block, facts, s))
        })
    }

    /// Whether the study has `part`: stated in a sentence (strong cues only), named by a heading below
    /// the study's title, or by a lead-in label ("**Result:**").
    pub fn has_part(&self, part: Part) -> bool {
        self.part_sources(part).next().is_some()
    }

    /// Document ranges that show `part`.
    pub fn part_sources(&self, part: Part) -> impl Iterator<Item = Range<usize>> + '_ {
        let title = self.study.heading;
        self.blocks
            .iter()
            .enumerate()
            .flat_map(move |(i, &(block, facts))| {
                let mut out = Vec::new();
                let is_title = i == 0 && title.is_some();
                if !is_title && facts.heading_parts.contains(&part) {
                    out.push(block.range.clone());
                }
                if let Some((p, r)) = &facts.label {
                    if *p == part {
                        out.push(block.range.start + r.start..block.range.start + r.end);
                    }
                }
                for s in &facts.sentences {
                    if s.parts.contains(&part) {
                        out.push(
                            block.range.start + s.range.start..block.range.start + s.range.end,
                        );
                    }
                }
                out
            })
    }

    /// Number of words of prose in the study.
    pub fn word_count(&self) -> usize {
        self.sentences().map(|s| s.facts.words).sum()
    }
}

pub enum Check {
    /// Finds problems in one block; findings' ranges are relative to the block's prose.
    Block(fn(&BlockView, &mut Vec<Finding>)),
    /// Finds problems in a whole case study; findings' ranges are document ranges.
    Study(fn(&StudyView, &mut Vec<Finding>)),
    /// Finds problems in the portfolio as a whole; findings land on case studies' anchors.
    Portfolio(fn(&PortfolioView, &mut Vec<PortfolioFinding>)),
}

pub struct Rule {
    /// Stable kebab-case id: the diagnostic `code`. Never changes once released.
    pub id: &'static str,
    pub severity: Severity,
    pub scope: Scope,
    /// One line, used in lists.
    pub summary: &'static str,
    pub doc: RuleDoc,
    pub check: Check,
}

/// A problem a rule found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    /// Byte range (relative to the block while checking, in the document once reviewed).
    pub range: Range<usize>,
    /// Shared, so the findings a review copies from its caches cost no string copies.
    pub message: Arc<str>,
}

impl Finding {
    pub fn new(rule: &Rule, range: Range<usize>, message: impl Into<Arc<str>>) -> Finding {
        Finding {
            rule: rule.id,
            severity: rule.severity,
            range,
            message: message.into(),
        }
    }
}

/// Rules that read one sentence or paragraph.
static SENTENCE_RULES: &[&Rule] = &[
    &vague_claim::RULE,
    &technical_metric_only::RULE,
    &jargon_heavy::RULE,
    &named_principle::RULE,
    &we_not_i::RULE,
    &weak_verb::RULE,
    &unfilled_placeholder::RULE,
    &inconsistent_metric::RULE,
    &assigned_not_initiated::RULE,
    &generic_learning::RULE,
];

/// Rules that read a whole case study.
static STORY_RULES: &[&Rule] = &[
    &missing_customer_problem::RULE,
    &missing_alternatives::RULE,
    &missing_result_metric::RULE,
    &missing_business_impact::RULE,
    &missing_influence::RULE,
    &missing_validation::RULE,
    &missing_learning::RULE,
    &solution_first::RULE,
    &too_thin::RULE,
];

/// Rules that read every case study of the workspace together.
static PORTFOLIO_RULES: &[&Rule] = &[
    &portfolio_size::RULE,
    &principle_overlap::RULE,
    &thin_coverage::RULE,
];

/// Every rule, in the order they are documented: the story rules first, then the sentence rules, then
/// the portfolio rules.
pub static RULES: LazyLock<Vec<&'static Rule>> = LazyLock::new(|| {
    STORY_RULES
        .iter()
        .chain(SENTENCE_RULES)
        .chain(PORTFOLIO_RULES)
        .copied()
        .collect()
});

pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.id == id)
}

/// The rule catalog as a markdown table (the README's rule table is this, checked by a test).
pub fn markdown_table() -> String {
    let mut out = String::from("| id | default | what it flags |\n|---|---|---|\n");
    for rule in RULES.iter() {
        out.push_str(&format!(
            "| `{}` | {} | {} |\n",
            rule.id,
            rule.severity.name(),
            rule.doc.what.replace('|', "\\|")
        ));
    }
    out
}

impl Rule {
    /// The rule's documentation as markdown (for `casebook explain` and hovers).
    pub fn markdown(&self) -> String {
        format!(
            "# {id}\n\n*{summary}* (default: {sev})\n\n## What it flags\n{what}\n\n## Why an interviewer cares\n{why}\n\n## Example\n> {example}\n\n## Instead\n> {instead}\n",
            id = self.id,
            summary = self.summary,
            sev = self.severity.name(),
            what = self.doc.what,
            why = self.doc.why,
            example = self.doc.example,
            instead = self.doc.instead,
        )
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for rule tests: run one rule on a sentence or a story written by the test.
    use super::*;
    use crate::review::Reviewer;

    /// The ids of the findings of `rule` on `text` (a whole markdown document).
    pub fn findings(rule: &Rule, text: &str) -> Vec<Finding> {
        let review = Reviewer::default().review_text(text);
        review
            .findings
            .into_iter()
            .filter(|f| f.rule == rule.id)
            .collect()
    }

    pub fn fires(rule: &Rule, text: &str) -> bool {
        !findings(rule, text).is_empty()
    }

    /// Asserts that `rule` fires on every text of a table.
    pub fn assert_fires(rule: &Rule, texts: &[&str]) {
        for text in texts {
            assert!(fires(rule, text), "{} should fire on: {text}", rule.id);
        }
    }

    /// Asserts that `rule` stays quiet on every text of a table (its near-misses).
    pub fn assert_quiet(rule: &Rule, texts: &[&str]) {
        for text in texts {
            assert!(
                !fires(rule, text),
                "{} should stay quiet on: {text}",
                rule.id
            );
        }
    }
}
