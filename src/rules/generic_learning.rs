//! `generic-learning`: a lesson so general it could end any story.

use super::{BlockView, Check, Finding, Rule, RuleDoc, Scope, Severity};

pub static RULE: Rule = Rule {
    id: "generic-learning",
    severity: Severity::Info,
    scope: Scope::Sentence,
    summary: "A lesson that fits any story",
    doc: RuleDoc {
        what: "A short \"I learned…\" lesson whose content is generic (\"communication is important\", \"a lot\", \"the value of teamwork\", \"a great learning experience\"). It is measured from where the lesson starts, so a preamble (\"Overall it was a great project, and I learned a lot\") does not make it specific.",
        why: "\"What did you learn?\" is one of the questions every Amazon interviewer asks. A generic lesson says nothing about this story and suggests the writer has not reflected on it; a specific lesson, tied to what you would do differently, shows judgment.",
        example: "I learned that communication is important.",
        instead: "I learned to share a one-page rollout plan with support before launch: the week we skipped it, tickets doubled because agents had no script.",
    },
    check: Check::Block(check),
};

fn check(block: &BlockView, out: &mut Vec<Finding>) {
    for (_, sentence) in block.sentences() {
        if sentence.is_generic_lesson() {
            out.push(Finding::new(
                &RULE,
                sentence.range.clone(),
                "this lesson fits any story: name what you would do differently next time, and why",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_fires, assert_quiet};

    #[test]
    fn fires_on_generic_lessons() {
        assert_fires(
            &RULE,
            &[
                "I learned that communication is important.",
                "This project taught me the value of teamwork.",
                "I learned a lot.",
                // What comes before the lesson is preamble, not specifics.
                "Overall it was a great learning experience and I learned a lot about distributed systems.",
                "After four months of late nights and two missed launch dates on the project, I learned the value of teamwork.",
            ],
        )
    }

    #[test]
    fn stays_quiet_on_specific_lessons() {
        assert_quiet(
            &RULE,
            &[
                "I learned to bring support into launch planning two weeks earlier, because agents need a script.",
                "Communication is important to our customers.",
                "Next time I would run the pricing test for 4 weeks instead of 1.",
                // A long lesson after the cue still carries its specifics.
                "I learned a lot about how sellers price their stock, and now I interview five of them before any fee change.",
            ],
        )
    }

    #[test]
    fn a_generic_lesson_shows_no_curiosity() {
        use crate::analysis::principles::Principle::LearnAndBeCurious;
        use crate::analysis::read_words;
        let shows = |text: &str| {
            read_words(text)
                .principles
                .iter()
                .any(|r| r.principle == LearnAndBeCurious)
        };
        // What the rule faults, the hover does not credit…
        assert!(!shows(
            "I learned the importance of communication and teamwork."
        ));
        assert!(!shows("I learned a lot."));
        // …while a lesson of this story's own still reads as one.
        assert!(shows(
            "I learned how our fraud model scored new sellers by reading its source over a weekend."
        ));
    }
}
