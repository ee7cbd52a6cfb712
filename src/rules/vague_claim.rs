//! `vague-claim`: an improvement word with no number in the sentence.

use super::{BlockView, Check, Finding, Rule, RuleDoc, Scope, Severity};
use crate::analysis::cues::CueKind;

pub static RULE: Rule = Rule {
    id: "vague-claim",
    severity: Severity::Warning,
    scope: Scope::Sentence,
    summary: "An improvement claimed with no number",
    doc: RuleDoc {
        what: "A sentence that claims an improvement (\"improved\", \"better\", \"significantly\", \"optimized\"), a customer or business measure moving (\"conversion increased\", \"we cut costs\"), or a reaction as the result (\"customers loved it\", \"the team was happy\", \"well received\") and gives no number for it.",
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
    "third",
    "thirds",
    "percent",
    "dozen",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
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
        let claim = sentence
            .cues(CueKind::Improvement)
            .next()
            .map(|c| (c, false));
        let Some((first, reaction)) =
            claim.or_else(|| sentence.cues(CueKind::Reception).next().map(|c| (c, true)))
        else {
            continue;
        };
        let range = block.range(sentence, &first.range);
        let word = &block.prose[range.clone()];
        let message = match reaction {
            false => format!("\"{word}\" with no number: by how much, measured how?"),
            true => format!("\"{word}\" is a reaction, not a result: what did they do differently (adoption, usage, renewals, tickets), and by how much?"),
        };
        out.push(Finding::new(&RULE, range, message));
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
                // A reaction as the result.
                "The new app launched in March and partners loved it.",
                "Things got better and the team was happy.",
                "The redesign was well received by the warehouse leads.",
                "Support agents gave very positive feedback on the new console.",
                "The pilot was a big success with the first clinics.",
                "Stakeholders were impressed with the results.",
                // A customer or business measure said to move, with no number.
                "Conversion increased after the launch.",
                "Revenue grew and churn fell.",
                "We reduced support tickets for the new flow.",
                "Our NPS went up.",
            ],
        )
    }

    #[test]
    fn a_reaction_is_asked_what_people_did() {
        let text = "The launch was a huge success with our restaurant partners.";
        let findings = crate::rules::testing::findings(&RULE, text);
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert!(findings[0].message.contains("a reaction, not a result"));
        assert_eq!(&text[findings[0].range.clone()], "a huge success");
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
                // A reaction with its number, a willingness, a wish, the reverse.
                "Partners loved it: weekly orders per restaurant rose from 41 to 58.",
                "I was happy to pair with the new engineers on call.",
                "To keep sellers happy we froze the fee schedule.",
                "Drivers were not happy with the new routing.",
                "I was pleased to see the data team adopt the same checks.",
                // A measure that moved with its number, or spelled; a move that is no claim.
                "Conversion rose from 2.1% to 2.6%.",
                "We cut costs by a third.",
                "We wanted to reduce costs before the renewal.",
                "Revenue didn't grow that year.",
                "I grew the team from four engineers.",
                "We dropped the loyalty feature.",
                "I cut the database migration from the plan.",
            ],
        )
    }
}
