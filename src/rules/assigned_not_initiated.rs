//! `assigned-not-initiated`: the work was handed to the writer (or handed off by them), not started by them.

use super::{BlockView, Check, Finding, Rule, RuleDoc, Scope, Severity};
use crate::analysis::phrases::PhraseList;

pub static RULE: Rule = Rule {
    id: "assigned-not-initiated",
    severity: Severity::Info,
    scope: Scope::Sentence,
    summary: "The work was assigned or handed off, not owned",
    doc: RuleDoc {
        what: "A sentence that says the work was handed to you (\"my manager asked me to\", \"I was assigned\", \"as instructed\") or that you handed it off (\"they handled it\").",
        why: "Interviewers probe for ownership: the engineer who stepped outside their role to drive an outcome. A story that starts with an assignment, or ends with a hand-off, tells them someone else decided what mattered; they will ask what you would have done unprompted.",
        example: "My manager asked me to look into the failing nightly export.",
        instead: "I noticed the nightly export had failed three times in a week, and finance was rebuilding reports by hand; I took it on before it reached a sprint.",
    },
    check: Check::Block(check),
};

fn check(block: &BlockView, out: &mut Vec<Finding>) {
    for (text, sentence) in block.sentences() {
        if let Some(hit) = sentence.phrase(PhraseList::Assigned) {
            out.push(Finding::new(
                &RULE,
                block.range(sentence, hit),
                format!(
                    "\"{}\" makes this someone else's initiative: say what you noticed and chose to do",
                    &text[hit.clone()]
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_fires, assert_quiet};

    #[test]
    fn fires_on_directed_work() {
        assert_fires(
            &RULE,
            &[
                "My manager asked me to look into the flaky billing job.",
                "I was assigned the migration after the reorg.",
                "I followed the existing process as instructed and closed the ticket.",
                "I posted in the channel and they handled it from there.",
            ],
        )
    }

    #[test]
    fn stays_quiet_on_owned_work() {
        assert_quiet(
            &RULE,
            &[
                "I noticed the billing job failed every Monday and took it on myself.",
                "I assigned the three workstreams to owners and checked in daily.",
                "My manager supported the plan once I showed her the churn data.",
                "I asked the payments team for their incident history.",
            ],
        )
    }
}
