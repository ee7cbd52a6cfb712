//! `we-not-i`: a paragraph, or a list, told in "we" that never says what the writer did.

use super::{Check, Finding, Rule, RuleDoc, Scope, Severity, StudyView};
use crate::analysis::cues::CueKind;
use crate::analysis::BlockFacts;
use crate::prose::{Block, BlockKind};

pub static RULE: Rule = Rule {
    id: "we-not-i",
    severity: Severity::Info,
    scope: Scope::Sentence,
    summary: "\"We\" hides what you did",
    doc: RuleDoc {
        what: "A paragraph (or a run of list items) told in the first person plural that hides the writer: at least two \"we/our/us\" and no \"I/my/me\", or at least three times as many \"we/our/us\" as \"I/my/me\". It needs at least one \"we\" (a paragraph that only says \"our customers\" hides nobody), and is reported once, on the first \"we\". Words inside quotation marks are someone else's voice and do not count.",
        why: "An Amazon interviewer has to decide what *you* did: which call you made, whom you convinced, what you built yourself. \"We\" gives the credit to a team the interviewer cannot hire; the next question is always \"what was your part?\". Name the team for the collaboration, and say \"I\" for your own decisions and actions.",
        example: "We noticed refunds spiking, so we dug into the logs and we shipped a fix to our payment flow.",
        instead: "I noticed refunds spiking, traced them to a retry bug in our payment flow, and convinced the payments team to ship my fix ahead of their roadmap.",
    },
    check: Check::Study(check),
};

/// Fires with at least this many plural pronouns and no singular one…
const MIN_PLURAL_ALONE: usize = 2;
/// …or when plural pronouns outnumber singular ones by this factor.
const DOMINANCE: usize = 3;

fn check(study: &StudyView, out: &mut Vec<Finding>) {
    // Paragraphs alone; list items in runs, so a list of "We …" bullets is one unit, as it is read.
    let mut run: Vec<(&Block, &BlockFacts)> = Vec::new();
    for &(block, facts) in &study.blocks {
        if block.kind == BlockKind::ListItem {
            run.push((block, facts));
            continue;
        }
        check_unit(&run, out);
        run.clear();
        check_unit(&[(block, facts)], out);
    }
    check_unit(&run, out);
}

/// Counts the pronouns of a paragraph or a run of list items, and reports it on its first "we".
fn check_unit(unit: &[(&Block, &BlockFacts)], out: &mut Vec<Finding>) {
    let mut plural = 0;
    let mut singular = 0;
    let mut first_we = None;
    for &(block, facts) in unit {
        for sentence in &facts.sentences {
            for cue in &sentence.cues {
                if cue.weak {
                    continue;
                }
                match cue.kind {
                    CueKind::FirstPersonPlural => {
                        plural += 1;
                        let at = sentence.range.start;
                        let local = at + cue.range.start..at + cue.range.end;
                        if first_we.is_none() && is_we(&block.prose.prose[local.clone()]) {
                            first_we = Some(
                                block.range.start + local.start..block.range.start + local.end,
                            );
                        }
                    }
                    CueKind::FirstPersonSingular => singular += 1,
                    _ => {}
                }
            }
        }
    }
    let Some(range) = first_we else { return };
    let hides = if singular == 0 {
        plural >= MIN_PLURAL_ALONE
    } else {
        plural >= DOMINANCE * singular
    };
    if hides {
        let message = if singular == 0 {
            format!("{plural} \"we/our/us\" and no \"I\": what did you do yourself?")
        } else {
            format!("{plural} \"we/our/us\" for {singular} \"I\": say which decisions and actions were yours")
        };
        out.push(Finding::new(&RULE, range, message));
    }
}

/// "we" and its contractions ("we'd", "we’ve").
fn is_we(word: &str) -> bool {
    let lower = word.to_lowercase();
    lower == "we" || lower.starts_with("we'") || lower.starts_with("we\u{2019}")
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
                "We noticed refunds spiking, so we dug into the logs and shipped a fix.",
                "- We rewrote the importer and we cut its runtime in half.",
                "## What happened\n\nWe set up a war room 🔥. We paged the DB team and our on-call rotated every 4 hours.",
                "We planned the launch, we ran the beta and we wrote the docs, and I sent the announcement email.",
                "我们 rebuilt the checkout. We also moved our search index to a new cluster.",
            ],
        )
    }

    #[test]
    fn one_finding_per_paragraph_on_the_first_we() {
        let text =
            "Last spring we rebuilt checkout. We shipped it in May and we measured it for a month.";
        let found = findings(&RULE, text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].range.start, text.find("we").unwrap());
        assert_eq!(&text[found[0].range.clone()], "we");
    }

    #[test]
    fn a_list_of_we_bullets_is_one_unit() {
        let text = "## What we did\n\n- We traced the refunds to a retry bug.\n- We patched the client.\n- We added an alert.\n";
        let found = findings(&RULE, text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].range.start, text.find("We traced").unwrap());
        assert!(
            found[0].message.contains("3 \"we/our/us\""),
            "{}",
            found[0].message
        );
        // A list where the writer acts is left alone, and so is a lone "we" bullet among "I" ones.
        assert_quiet(
            &RULE,
            &["- I traced the refunds to a retry bug.\n- We patched the client.\n- I added an alert.\n"],
        );
    }

    #[test]
    fn stays_quiet_on() {
        assert_quiet(
            &RULE,
            &[
                "I proposed the rewrite, and we shipped it in May.",
                "We launched in March.",
                "I interviewed 12 of our customers and learned that our pricing page confused them.",
                "I led the design; I convinced the payments team, and we shipped it together with our QA lead.",
                "The VP told us: \"we need this before Prime Day, we have no slack\".",
                "```\nwe we we our us\n```",
            ],
        )
    }
}
