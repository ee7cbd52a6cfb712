//! `missing-business-impact`: numbers, but none about customers or the business.

use super::story::too_short_to_judge;
use super::{Check, Finding, Rule, RuleDoc, Scope, Severity, StudyView};
use crate::analysis::cues::CueKind;
use crate::analysis::metrics::MetricKind;

pub static RULE: Rule = Rule {
    id: "missing-business-impact",
    severity: Severity::Warning,
    scope: Scope::CaseStudy,
    summary: "Metrics, but none for customers or the business",
    doc: RuleDoc {
        what: "A case study whose numbers are all technical (latency, throughput, CPU, build time, alert counts) and none measures customers or the business (conversion, tickets, churn, revenue, cost). A story with no numbers is `missing-result-metric`'s business; numbers the analysis cannot classify are given the benefit of the doubt. Stories of fewer than two sentences are left to `too-thin`.",
        why: "The seed article's L6 candidate \"reduced critical alerts by about 50%\" and still got a No Hire: the committee asked what it meant for the customer, whether it cut tickets or churn, what it was worth. Technical metrics show the system improved; interviewers hire PMs for what that did for customers and the business.",
        example: "I moved the API to a new gateway, cutting p99 latency from 500 ms to 50 ms and CPU use by 40%.",
        instead: "I moved the API to a new gateway, cutting p99 latency from 500 ms to 50 ms; mobile sessions grew 15% and in-app purchases 7%.",
    },
    check: Check::Study(check),
};

fn check(view: &StudyView, out: &mut Vec<Finding>) {
    if too_short_to_judge(view) {
        return;
    }
    let mut technical = false;
    for s in view.sentences() {
        // A customer or business sentence whose numbers are still template slots is pending, not
        // missing: `unfilled-placeholder` asks for the numbers.
        let customer_or_business = s.facts.has(CueKind::Customer) || s.facts.has(CueKind::Business);
        if customer_or_business && s.facts.has(CueKind::Placeholder) {
            return;
        }
        for m in &s.facts.metrics {
            match m.kind {
                MetricKind::Customer | MetricKind::Business => return,
                MetricKind::Technical => technical = true,
                MetricKind::Unclassified => {}
            }
        }
    }
    if technical {
        out.push(Finding::new(
            &RULE,
            view.anchor.clone(),
            "Only technical numbers: add what they meant for customers or the business (tickets, conversion, churn, revenue, cost).",
        ));
    }
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
                "# API gateway\n\nMobile clients timed out during peak hours. I moved the API to a new gateway, cutting \
                 p99 latency from 500 ms to 50 ms and CPU use by 40%.\n",
                "# Alerting\n\nOn-call engineers were overwhelmed by pages. I rewrote the alert rules and critical alerts \
                 fell by 50%.\n",
                "# Builds\n\nDevelopers waited on slow builds. I moved the monorepo to remote caching, and clean builds \
                 went from 40 minutes to 9 minutes.\n",
            ],
        )
    }

    #[test]
    fn stays_quiet_on() {
        assert_quiet(
            &RULE,
            &[
                // A technical number with its customer consequence.
                "# API gateway\n\nMobile clients timed out during peak hours. I moved the API to a new gateway, cutting \
                 p99 latency from 500 ms to 50 ms, and in-app purchases rose 7%.\n",
                // No numbers at all: missing-result-metric speaks instead.
                "# Alerting\n\nOn-call engineers were overwhelmed by pages. I rewrote the alert rules with the SRE team.\n",
                // Money.
                "# Builds\n\nDevelopers waited on slow builds. Remote caching cut our CI bill by $120K a year.\n",
                "# Cache\n\nI cut p99 latency by 80%.\n",
            ],
        )
    }
}
