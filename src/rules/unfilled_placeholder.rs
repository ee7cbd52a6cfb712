//! `unfilled-placeholder`: a template slot left in the text.

use super::{BlockView, Check, Finding, Rule, RuleDoc, Scope, Severity};
use crate::analysis::cues::CueKind;
use crate::analysis::read_block;
use crate::document::Document;
use crate::prose::ProseReader;
use std::ops::Range;

pub static RULE: Rule = Rule {
    id: "unfilled-placeholder",
    severity: Severity::Warning,
    scope: Scope::Sentence,
    summary: "A template placeholder left in the text",
    doc: RuleDoc {
        what: "A template slot left unfilled: \"[baseline]\", \"TODO\", \"TBD\", \"XX%\", \"$X\", \"???\". Placeholders inside code blocks or inline code are not prose and are not flagged.",
        why: "A case study is rehearsed and often shared ahead of the loop. An unfilled \"XX%\" is exactly the number an Amazon interviewer will ask for (\"by how much?\"), and an outline with holes shows the story has not been pressure-tested. Find the number, or rewrite the sentence around what you can measure.",
        example: "Checkout abandonment fell from [baseline] to XX%.",
        instead: "Checkout abandonment fell from 11% to 7% in the six weeks after launch.",
    },
    check: Check::Block(check),
};

fn check(block: &BlockView, out: &mut Vec<Finding>) {
    for (_, sentence) in block.sentences() {
        for cue in sentence.cues(CueKind::Placeholder) {
            let range = block.range(sentence, &cue.range);
            let slot = &block.prose[range.clone()];
            out.push(Finding::new(
                &RULE,
                range,
                format!("\"{slot}\" is still a placeholder: fill it in before an interviewer asks"),
            ));
        }
    }
}

/// The slots of `text` (markdown, such as a template a code action inserts) as this rule finds them,
/// in order: what the writer still has to fill in.
pub fn slots(text: &str) -> Vec<Range<usize>> {
    let prose = ProseReader::default().read(&Document::new(text));
    let mut slots = Vec::new();
    for block in &prose.blocks {
        let facts = read_block(&block.prose, block.kind);
        let view = BlockView {
            prose: &block.prose.prose,
            facts: &facts,
        };
        let mut found = Vec::new();
        check(&view, &mut found);
        // Findings are relative to their block; prose offsets are document offsets once shifted.
        let at = block.range.start;
        slots.extend(found.iter().map(|f| at + f.range.start..at + f.range.end));
    }
    slots
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
                "Checkout abandonment fell from [baseline] to 7%.",
                "Revenue grew by XX% in the first quarter.",
                "- TODO: add the support ticket numbers.",
                "The migration saved $X per month 💸.",
                "## 結果\n\nSeller onboarding time dropped from ??? to 2 days.",
            ],
        )
    }

    #[test]
    fn one_finding_per_slot() {
        let text = "Abandonment fell from [baseline] to XX%.";
        let found = findings(&RULE, text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(&text[found[0].range.clone()], "[baseline]");
    }

    #[test]
    fn slots_are_what_the_rule_flags() {
        for text in [
            "# 結果 🚀\n\nAbandonment fell from [baseline] to XX% and saved $X.\n\n- TODO: add [ticket counts].\n",
            "Seen in `[code]` and [a link](https://example.com), then [customer metric].",
            crate::actions::METRIC_TEMPLATE,
            "No slot here.",
        ] {
            let flagged: Vec<_> = findings(&RULE, text).into_iter().map(|f| f.range).collect();
            assert_eq!(super::slots(text), flagged, "{text}");
        }
        let text = crate::actions::METRIC_TEMPLATE;
        let slots: Vec<&str> = super::slots(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            slots,
            [
                "[baseline]",
                "[result]",
                "[unit]",
                "[customer or business outcome]"
            ]
        );
    }

    #[test]
    fn stays_quiet_on() {
        assert_quiet(
            &RULE,
            &[
                "Checkout abandonment fell from 11% to 7%.",
                "I kept a to-do list of every seller complaint and closed 40 of them.",
                "We shipped version X of the app to 5% of users.",
                "See the [design doc](https://example.com/design) for the trade-offs.",
                "```\nbaseline = TODO  # XX%\n```",
            ],
        )
    }
}
