//! `solution-first`: the story opens with the technology before the problem.

use super::story::{placed, too_short_to_judge};
use super::{Check, Finding, Rule, RuleDoc, Scope, Severity, StudyView};
use crate::analysis::cues::{CueKind, Part};

pub static RULE: Rule = Rule {
    id: "solution-first",
    severity: Severity::Info,
    scope: Scope::CaseStudy,
    summary: "Opens with the technology, not the problem",
    doc: RuleDoc {
        what: "A case study whose first two prose sentences name the technology (\"implemented\", \"migrated to\", \"Kafka\", or a technical term next to what the writer built) before any customer, business or problem word. Text under a \"Problem\" heading or label is the writer's problem statement and is left to `missing-customer-problem`. Stories of fewer than two sentences are left to `too-thin`.",
        why: "The seed article's advice is to explain the \"why\" before the \"how\": Amazon values the reasoning behind a decision over its implementation, and the narrative \"must begin with the customer or business problem\". An interviewer who meets the architecture first files the story as an engineering one before the product part arrives.",
        example: "I implemented a sharded Postgres cluster behind a GraphQL gateway. Shoppers had been waiting 3 seconds for product pages.",
        instead: "Shoppers waited 3 seconds for product pages, and conversion was 5% below the category benchmark. I chose to shard the catalogue database, which...",
    },
    check: Check::Study(check),
};

/// How many opening prose sentences are read.
const OPENING: usize = 2;

fn check(view: &StudyView, out: &mut Vec<Finding>) {
    if too_short_to_judge(view) {
        return;
    }
    let placed = placed(view);
    let Some(first) = placed.first() else {
        return;
    };
    if first.declared.contains(&Part::Problem) {
        return;
    }
    for p in placed.iter().take(OPENING) {
        let facts = p.sentence.facts;
        let acts = facts.has(CueKind::Part(Part::Actions));
        for cue in &facts.cues {
            match cue.kind {
                CueKind::Customer | CueKind::Business => return,
                CueKind::Part(Part::Problem) if !cue.weak => return,
                CueKind::Technology => return report(view, out),
                CueKind::Jargon if acts => return report(view, out),
                _ => {}
            }
        }
    }
}

fn report(view: &StudyView, out: &mut Vec<Finding>) {
    out.push(Finding::new(
        &RULE,
        view.anchor.clone(),
        "Opens with the solution: lead with whose problem it was and why it mattered, then the technology.",
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
                "# Product pages\n\nI implemented a sharded Postgres cluster behind a new gateway. Shoppers had been \
                 waiting 3 seconds for product pages.\n",
                "# Events\n\nIn 2022 I joined the platform group. I migrated our event bus to Kafka with exactly-once \
                 delivery. Confirmations had been reaching shoppers late.\n",
                "# Cache\n\nI built a write-through cache for the pricing service and its database. It sustained 50K \
                 reads per second. Later we found checkout was faster.\n",
            ],
        )
    }

    #[test]
    fn stays_quiet_on() {
        assert_quiet(
            &RULE,
            &[
                "# Product pages\n\nShoppers waited 3 seconds for product pages and conversion suffered. I implemented a \
                 sharded Postgres cluster.\n",
                "# Events\n\n**Problem:** our Kafka consumers lagged by minutes every evening.\n\nI rebuilt the consumer \
                 group and the lag went away.\n",
                "# Payouts\n\nIn 2022 I joined the payments group. Sellers complained that payouts arrived days late. \
                 I migrated the payout job to a streaming pipeline.\n",
                "# Queue\n\nI implemented a Kafka queue.\n",
            ],
        )
    }
}
