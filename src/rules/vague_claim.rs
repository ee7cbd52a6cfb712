//! `vague-claim`: an improvement word with no number in the sentence.

use super::{BlockView, Check, Finding, Rule, RuleDoc, Scope, Severity};
use crate::analysis::cues::CueKind;

pub static RULE: Rule = Rule {
    id: "vague-claim",
    severity: Severity::Warning,
    scope: Scope::Sentence,
    summary: "An improvement claimed with no number",
    doc: RuleDoc {
        what: "A sentence that claims an improvement (\"improved\", \"better\", \"significantly\", \"optimized\") and gives no number for it.",
        why: "Amazon interviewers dismiss \"improved performance\" or \"a better experience\" without data: their next question is \"by how much, and what did it mean for the customer?\". A claim without a number reads as an engineer's impression, not a measured outcome.",
        example: "I improved the onboarding flow significantly.",
        instead: "I cut onboarding from 9 steps to 4, and the share of new sellers who listed a first product within a day rose from 31% to 48%.",
    },
    check: Check::Block(check),
};

/// Spelled-out quantities: "three times faster" and "halved the build time" give a number.
const NUMBER_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "thousand",
    "million",
    "billion",
    "half",
    "halved",
    "twice",
    "double",
    "doubled",
    "triple",
    "tripled",
    "quadrupled",
    "tenfold",
];

fn spells_a_number(text: &str) -> bool {
    text.split(|c: char| !c.is_alphabetic())
        .any(|w| NUMBER_WORDS.contains(&w.to_lowercase().as_str()))
}

fn check(block: &BlockView, out: &mut Vec<Finding>) {
    for (text, sentence) in block.sentences() {
        // A template slot ("[baseline]") is the unfilled-placeholder rule's business, not a vague claim.
        if sentence.has_number
            || !sentence.metrics.is_empty()
            || spells_a_number(text)
            || sentence.has(CueKind::Placeholder)
        {
            continue;
        }
        if let Some(first) = sentence.cues(CueKind::Improvement).next() {
            let range = block.range(sentence, &first.range);
            let word = &block.prose[range.clone()];
            out.push(Finding::new(
                &RULE,
                range,
                format!("\"{word}\" with no number: by how much, measured how?"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_fires, assert_quiet};

    #[test]
    fn fires_on_improvement_without_numbers() {
        assert_fires(
            &RULE,
            &[
                "I improved performance significantly.",
                "The new flow made onboarding much better for sellers.",
                "We optimized the search page.",
                "After the rewrite the dashboard was faster and more reliable.",
                "Customers got a faster checkout ✨ and one better search page.",
            ],
        )
    }

    #[test]
    fn stays_quiet_with_numbers_or_without_claims() {
        assert_quiet(
            &RULE,
            &[
                "I improved conversion from 2.1% to 2.6%.",
                "Checkout got faster: p50 dropped from 4.1 s to 1.3 s.",
                "I made the seller dashboard three times faster.",
                "We halved the build time, so releases got faster.",
                "I interviewed twelve sellers about their listing workflow.",
                "The `improve_speed()` call was renamed.",
                "```\nimproved better faster\n```",
            ],
        )
    }
}
