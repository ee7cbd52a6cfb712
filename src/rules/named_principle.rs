//! `named-principle`: a Leadership Principle named outright instead of shown.

use super::{BlockView, Check, Finding, Rule, RuleDoc, Scope, Severity};

pub static RULE: Rule = Rule {
    id: "named-principle",
    severity: Severity::Warning,
    scope: Scope::Sentence,
    summary: "A Leadership Principle named instead of shown",
    doc: RuleDoc {
        what: "A Leadership Principle named outright in the prose (\"I showed Customer Obsession\", \"a clear case of Bias for Action\"), written as a name (capitalised or quoted). Ordinary words that happen to overlap a principle (\"I took ownership of the migration\") are not names.",
        why: "Amazon interviewers are trained to recognise the principles from what a candidate did; naming them reads as a checklist and signals a lack of sophistication. The strength of a story lies in the evidence of your actions, not in the label you put on them.",
        example: "I demonstrated Customer Obsession by talking to users.",
        instead: "I spent two days on support calls with sellers whose listings had failed, and rewrote the error messages with the three phrases they used most.",
    },
    check: Check::Block(check),
};

fn check(block: &BlockView, out: &mut Vec<Finding>) {
    for (_, sentence) in block.sentences() {
        for (principle, range) in &sentence.named {
            out.push(Finding::new(
                &RULE,
                block.range(sentence, range),
                format!(
                    "\"{}\" is named, not shown: describe the action that demonstrates it and let the interviewer recognise the principle",
                    principle.name()
                ),
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
                "I demonstrated Customer Obsession by talking to users.",
                "This project is a textbook example of Bias for Action.",
                "- Dive Deep: I read every one of the 300 failed payment logs.",
                "In the end I chose to Disagree and Commit, and shipped the team's design 🤝.",
                "## Rollout\n\nThis was \"Invent and Simplify\" in practice: one form instead of four.",
            ],
        )
    }

    #[test]
    fn range_is_the_name() {
        let text = "I demonstrated Customer Obsession by talking to users.";
        let found = findings(&RULE, text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(&text[found[0].range.clone()], "Customer Obsession");
        assert!(found[0].message.contains("Customer Obsession"));
    }

    #[test]
    fn stays_quiet_on() {
        assert_quiet(
            &RULE,
            &[
                "I took ownership of the migration after the original owner left.",
                "I spent two days on support calls with sellers whose listings failed.",
                "We had to think big about the catalog: 40 million items by next year.",
                "```\nprinciples = [\"Customer Obsession\", \"Bias for Action\"]\n```",
                "我们把结账流程从四步缩短到两步，客户投诉减少了一半。",
            ],
        )
    }
}
