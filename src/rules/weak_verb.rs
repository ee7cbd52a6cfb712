//! `weak-verb`: a verb that hides what the writer did ("helped", "worked on").

use super::{BlockView, Check, Finding, Rule, RuleDoc, Scope, Severity};
use crate::analysis::cues::CueKind;

pub static RULE: Rule = Rule {
    id: "weak-verb",
    severity: Severity::Hint,
    scope: Scope::Sentence,
    summary: "A verb that hides your agency",
    doc: RuleDoc {
        what: "A verb phrase that hides what the writer actually did: \"helped\", \"was involved in\", \"worked on\", \"was responsible for\", with the writer as subject (\"I helped\", \"my team worked on\", or a résumé-style \"Helped migrate…\"). \"The cache helped customers\" hides nobody and is not flagged.",
        why: "Amazon interviewers look for ownership: the decisions you made, the people you influenced, the work you led. \"I helped with the migration\" invites the question \"what exactly did you do?\" and reads as a supporting role. A precise verb (\"designed\", \"convinced\", \"decided\", \"measured\") answers it before it is asked.",
        example: "I was involved in the redesign of the seller onboarding flow.",
        instead: "I designed the new seller onboarding flow and ran the usability sessions that cut it from 9 steps to 4.",
    },
    check: Check::Block(check),
};

fn check(block: &BlockView, out: &mut Vec<Finding>) {
    for (_, sentence) in block.sentences() {
        for cue in sentence.cues(CueKind::WeakVerb) {
            let range = block.range(sentence, &cue.range);
            let phrase = &block.prose[range.clone()];
            out.push(Finding::new(
                &RULE,
                range,
                format!("\"{phrase}\" hides what you did: name the action you took"),
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
                "I helped migrate the billing service to the new region.",
                "I was involved in the redesign of the seller onboarding flow.",
                "- Worked on the search relevance project for two quarters.",
                "In 2022 I was responsible for the release train 🚆.",
                "## 背景\n\nMy team worked on the checkout rewrite while I was on call.",
            ],
        )
    }

    #[test]
    fn range_is_the_verb_phrase() {
        let text = "I was involved in the redesign of the onboarding flow.";
        let found = findings(&RULE, text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            text[found[0].range.clone()].starts_with("was involved"),
            "{:?}",
            &text[found[0].range.clone()]
        );
    }

    #[test]
    fn stays_quiet_on() {
        assert_quiet(
            &RULE,
            &[
                "The new cache helped customers on slow connections.",
                "I designed the new onboarding flow and ran five usability sessions.",
                "Support agents worked on a backlog of 900 tickets.",
                "I convinced the payments team to take the retry fix into their sprint.",
                "```\n# TODO: helped, worked on, was responsible for\n```",
            ],
        )
    }
}
