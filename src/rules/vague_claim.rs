//! `vague-claim`: an improvement word with no number in the sentence.

use super::{BlockView, Check, Finding, Rule, RuleDoc, Scope, Severity};

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

fn check(block: &BlockView, out: &mut Vec<Finding>) {
    for (text, sentence) in block.sentences() {
        // A filled-in template slot is the unfilled-placeholder rule's business, not a vague claim.
        if !sentence.numbers.is_empty() || text.contains("[baseline]") {
            continue;
        }
        if let Some(first) = sentence.improvements.first() {
            let start = sentence.range.start;
            let word = &block.prose[start + first.start..start + first.end];
            out.push(Finding::new(
                &RULE,
                start + first.start..start + first.end,
                format!("\"{word}\" with no number: by how much, measured how?"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::fires;

    #[test]
    fn fires_on_improvement_without_numbers() {
        for text in [
            "I improved performance significantly.",
            "The new flow made onboarding much better for sellers.",
            "We optimized the search page.",
            "After the rewrite the dashboard was faster and more reliable.",
        ] {
            assert!(fires(&RULE, text), "should fire: {text}");
        }
    }

    #[test]
    fn stays_quiet_with_numbers_or_without_claims() {
        for text in [
            "I improved conversion from 2.1% to 2.6%.",
            "Checkout got faster: p50 dropped from 4.1 s to 1.3 s.",
            "I interviewed twelve sellers about their listing workflow.",
            "The `improve_speed()` call was renamed.",
            "```\nimproved better faster\n```",
        ] {
            assert!(!fires(&RULE, text), "should stay quiet: {text}");
        }
    }
}
