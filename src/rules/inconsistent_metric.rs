//! `inconsistent-metric`: numbers in a sentence that do not add up.

use super::{BlockView, Check, Finding, Rule, RuleDoc, Scope, Severity};

pub static RULE: Rule = Rule {
    id: "inconsistent-metric",
    severity: Severity::Warning,
    scope: Scope::Sentence,
    summary: "Numbers that do not add up",
    doc: RuleDoc {
        what: "Numbers in one sentence that contradict each other: a before/after pair and a stated change that disagree (\"from 500 ms to 50 ms, a 50% cut\" is a 90% cut), or a change claimed in one direction while the numbers go the other (\"reduced from 2 s to 3 s\").",
        why: "Amazon's culture is deeply data-driven, and interviewers probe every number (\"how did you measure that?\"). A figure that does not add up is noticed at once and casts doubt on every other number in the story; it reads as a claim that was never checked.",
        example: "I cut API latency from 500 ms to 50 ms, a 50% reduction.",
        instead: "I cut API latency from 500 ms to 50 ms, a 90% reduction.",
    },
    check: Check::Block(check),
};

fn check(block: &BlockView, out: &mut Vec<Finding>) {
    for (_, sentence) in block.sentences() {
        for inconsistency in &sentence.inconsistencies {
            out.push(Finding::new(
                &RULE,
                block.range(sentence, &inconsistency.range),
                inconsistency.message.clone(),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_fires, assert_quiet, findings};

    #[test]
    fn fires_on() {
        assert_fires(
            &RULE,
            &[
                "I cut API latency from 500 ms to 50 ms, a 50% reduction.",
                "- Build time went from 40 min to 10 min, 2x faster.",
                "We reduced page load from 2s to 3.5s.",
                "## 成果\n\nSupport tickets dropped from 1,200 to 900 a week, a 60% drop 📉.",
                // Still the pair's own change, in the words that describe it.
                "Latency fell from 500 ms to 50 ms, which was a 50% cut.",
                "Tickets fell from 1,200 to 900 a week, cutting the queue by 60%.",
                "Latency fell from 800 ms to 200 ms, and it was a 50% cut.",
            ],
        )
    }

    #[test]
    fn range_and_message_come_from_the_inconsistency() {
        let text = "Intro.\n\nI cut API latency from 500 ms to 50 ms, a 50% reduction.";
        let found = findings(&RULE, text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(text[found[0].range.clone()].contains("500 ms"));
        assert!(!found[0].message.is_empty());
    }

    #[test]
    fn stays_quiet_on() {
        assert_quiet(
            &RULE,
            &[
                "I cut API latency from 500 ms to 50 ms, a 90% reduction.",
                "Build time went from 40 min to 10 min, 4x faster.",
                "Conversion rose from 2.0% to 2.5%, up 0.5 percentage points.",
                "Tickets fell from 1,200 to 900 a week, a 25% drop 📉.",
                "In 2021 we had 3 teams and 40 engineers.",
                // A change in a clause of its own is about something else.
                "Deploys fell from 40 to 9 minutes, and developers shipped 30% more changes a week.",
                "Median build time went from 20 min to 5 min; we cut cloud spend by 10% as well.",
                "We grew sign-ups by 30%, and page load fell from 4 s to 2 s.",
            ],
        )
    }
}
