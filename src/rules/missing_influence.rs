//! `missing-influence`: a solitary story, with no collaboration or influence without authority.

use super::story::too_short_to_judge;
use super::{Check, Finding, Rule, RuleDoc, Scope, Severity, StudyView};
use crate::analysis::cues::{Cue, CueKind};
use crate::analysis::SentenceFacts;

pub static RULE: Rule = Rule {
    id: "missing-influence",
    severity: Severity::Warning,
    scope: Scope::CaseStudy,
    summary: "No collaboration or influence without authority",
    doc: RuleDoc {
        what: "A case study in which the writer works alone: nobody partnered with, convinced, aligned or pushed back on (\"partnered with the BI team\", \"got buy-in from finance\", \"across three teams\"), and no other party who answered the writer (\"the risk team disagreed\", \"their lead agreed to co-own it\"). A collaboration word right after a negation (\"without other teams\") does not count. Stories of fewer than two sentences are left to `too-thin`.",
        why: "Amazon PMs lead without direct authority, and the seed article names solitary stories as a common pitfall: one that omits how you rallied a team, convinced a skeptical leader or managed a conflict \"signals a lack of crucial leadership behaviors\". \"I optimized the queries\" reads as a task, not leadership.",
        example: "I optimized the backend database queries. Response times fell by 30%.",
        instead: "I partnered with the BI team to learn which reports they needed each morning, convinced my manager to fund a two-sprint refactor, and led the query work myself.",
    },
    check: Check::Study(check),
};

/// Words between a negation and the cue it governs, at most.
const NEGATION_REACH: usize = 3;

/// A collaboration cue that no negation in its clause takes back ("without involving other teams").
fn collaborates(text: &str, facts: &SentenceFacts) -> bool {
    let negations: Vec<&Cue> = facts.cues(CueKind::Negation).collect();
    facts.cues(CueKind::Collaboration).any(|c| {
        !negations.iter().any(|n| {
            n.range.end <= c.range.start
                && text.get(n.range.end..c.range.start).is_some_and(|between| {
                    !between.contains([',', ';', ':', '.', '(', ')', '\u{2014}'])
                        && between.split_whitespace().count() <= NEGATION_REACH
                })
        })
    })
}

fn check(view: &StudyView, out: &mut Vec<Finding>) {
    if too_short_to_judge(view) || view.sentences().any(|s| collaborates(s.text, s.facts)) {
        return;
    }
    out.push(Finding::new(
        &RULE,
        view.anchor.clone(),
        "Only solitary work: say whom you partnered with, convinced or pushed back on, and how you got them on board.",
    ));
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_fires, assert_quiet};

    #[test]
    fn fires_on() {
        assert_fires(
            &RULE,
            &[
                "# Query tuning\n\nThe reporting dashboards were down four hours a day. I optimized the backend queries \
                 myself. Response times fell by 30%.\n",
                "# Feature flags\n\nReleases kept breaking checkout for shoppers. I wrote a feature-flag service over a \
                 weekend and rolled it out. Checkout incidents dropped from 6 a month to 1.\n",
                // Collaboration only as something that did not happen.
                "# Migration\n\nOur billing jobs failed twice a week. I migrated them to a new scheduler without involving \
                 other teams. Failures stopped.\n",
            ],
        )
    }

    #[test]
    fn stays_quiet_on() {
        assert_quiet(
            &RULE,
            &[
                "# Query tuning\n\nThe reporting dashboards were down four hours a day. I partnered with the BI team to \
                 find the queries that mattered, then optimized them.\n",
                "# Feature flags\n\nReleases kept breaking checkout for shoppers. I convinced two skeptical team leads \
                 to adopt feature flags, and checkout incidents dropped from 6 a month to 1.\n",
                "# Migration\n\nOur billing jobs failed twice a week. I got buy-in from finance to pause billing for a \
                 night, and moved the jobs to a new scheduler.\n",
                // Arguing one's case, a built thing shared with a colleague, another party's worry met.
                "# Deliveries\n\nPatients missed one delivery in eight. The vendor would have cost 90,000 dollars a year, \
                 so I argued for a text message and built a prototype with one engineer in a week.\n",
                "# Texts\n\nPatients missed deliveries. Our head of operations worried that patients would ignore the \
                 texts, so I ran a four-week pilot in six stores.\n",
                "# Queries\n\nI optimized the queries alone.\n",
            ],
        )
    }
}
