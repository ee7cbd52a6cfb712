//! `missing-customer-problem`: no sentence says whose problem it was and what it cost them.

use super::story::{placed, too_short_to_judge};
use super::{Check, Finding, Rule, RuleDoc, Scope, Severity, StudyView};
use crate::analysis::cues::{states_customer_problem, CueKind, Part};

pub static RULE: Rule = Rule {
    id: "missing-customer-problem",
    severity: Severity::Warning,
    scope: Scope::CaseStudy,
    summary: "No customer or business problem stated",
    doc: RuleDoc {
        what: "A case study in which no sentence states a problem together with whose problem it was or what it cost (customers, sellers, support, revenue, conversion). The people an internal tool serves count too, where they are the ones hurting (\"our 300 developers waited 40 minutes a deploy\"), but not the writer's own team. A section headed \"Problem\" or \"Context\", or a \"**Problem:**\" label, counts when its text names the customer or the business. Stories of fewer than two sentences are left to `too-thin`.",
        why: "The first question an Amazon PM interviewer asks is \"what was the customer problem?\". The seed article's hiring manager turned down a strong engineer with \"where's the customer problem, the business context?\": a story that starts from the system, not from the people it failed, reads as an engineering achievement, not product judgment.",
        example: "I designed a fault-tolerant event pipeline on Kafka with exactly-once delivery and sub-10 ms latency.",
        instead: "Order confirmations reached shoppers up to two minutes late, so support calls rose 2% and 0.5% of carts were abandoned at checkout. I led the redesign of the pipeline that sends them.",
    },
    check: Check::Study(check),
};

fn check(view: &StudyView, out: &mut Vec<Finding>) {
    if too_short_to_judge(view) {
        return;
    }
    let placed = placed(view);
    if placed
        .iter()
        .any(|p| states_customer_problem(&p.sentence.facts.cues))
    {
        return;
    }
    // A part heading or label supplies the problem; its text still has to say whose it was.
    let framed_for_someone = placed.iter().any(|p| {
        p.declared.contains(&Part::Problem)
            && p.sentence
                .facts
                .cues
                .iter()
                .any(|c| matches!(c.kind, CueKind::Customer | CueKind::Business))
    });
    if framed_for_someone {
        return;
    }
    out.push(Finding::new(
        &RULE,
        view.anchor.clone(),
        "No customer problem: open with who was hurting and what it cost them (tickets, lost orders, revenue), before the solution.",
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
                // All architecture, no people.
                "# Event pipeline\n\nI designed a fault-tolerant event pipeline on Kafka with exactly-once delivery. \
                 It sustained 80K events per second at under 10 ms p99 latency. I also wrote the runbooks for on-call.\n",
                // A problem, but only the system's.
                "# Cache layer\n\nThe database was a bottleneck during nightly batch jobs. I added a Redis cache in front \
                 of the read replicas. Query load fell by 60%.\n",
                // A Problem heading whose text never names anyone it hurt.
                "# Build times\n\n## Context\n\nI was the build engineer on the platform group.\n\n## What I did\n\n\
                 I moved our monorepo to Bazel. Clean builds went from 40 minutes to 9 minutes.\n",
                // The problem only under a negation.
                "# Search rewrite\n\nCustomers never complained about search. I rewrote the ranking service in Rust \
                 anyway, and p50 latency dropped from 300 ms to 40 ms.\n",
            ],
        )
    }

    #[test]
    fn stays_quiet_on() {
        assert_quiet(
            &RULE,
            &[
                // Whose problem and what it cost, in one sentence.
                "# Faster confirmations\n\nShoppers waited up to two minutes for order confirmations, and support calls \
                 rose 2% as they asked whether their orders went through. I led the redesign of the queue that sends them.\n",
                // A Problem label whose text names the business.
                "# Seller payouts\n\n**Problem:** payout reports reached sellers three days late, and finance spent a week \
                 every month reconciling them.\n\nI rebuilt the report job and cut the delay to four hours.\n",
                // A Problem section whose text names the customers.
                "# Returns\n\n## The problem\n\nReturns took eleven days to refund, and customers phoned support to chase them.\n\n\
                 ## What I did\n\nI partnered with the warehouse team to scan returns at the dock.\n",
                // One line: too short to judge, too-thin speaks instead.
                "# Queue\n\nI built a message queue on Kafka.\n",
            ],
        )
    }
}
