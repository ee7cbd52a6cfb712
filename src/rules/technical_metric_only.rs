//! `technical-metric-only`: a technical number with no customer or business consequence next to it.

use super::{BlockView, Check, Finding, Rule, RuleDoc, Scope, Severity};
use crate::analysis::cues::CueKind;
use crate::analysis::metrics::MetricKind;
use crate::analysis::SentenceFacts;

pub static RULE: Rule = Rule {
    id: "technical-metric-only",
    severity: Severity::Warning,
    scope: Scope::Sentence,
    summary: "A technical metric with no customer or business consequence",
    doc: RuleDoc {
        what: "A sentence that reports a technical metric (latency, throughput, error rate, CPU, alerts…) when neither it nor the next sentence of the same paragraph says what that meant for customers or the business: no customer or business metric, and no customer or business word (\"customers\", \"checkout\", \"revenue\", \"cost\"…).",
        why: "An Amazon interviewer hears \"we cut critical alerts by 50%\" as a good start and immediately asks \"what did that mean for the customer, and for the business?\". A technical number alone describes the system, not the product: a strong result chains it to a customer outcome and then to a business one.",
        example: "I cut p99 latency on the search API from 850 ms to 285 ms.",
        instead: "I cut p99 latency on the search API from 850 ms to 285 ms, and searches abandoned before results appeared fell from 9% to 5%.",
    },
    check: Check::Block(check),
};

/// Whether a sentence speaks of customers or the business: a metric of that kind, or a cue word.
fn has_consequence(sentence: &SentenceFacts) -> bool {
    sentence
        .metrics
        .iter()
        .any(|m| matches!(m.kind, MetricKind::Customer | MetricKind::Business))
        || sentence.has(CueKind::Customer)
        || sentence.has(CueKind::Business)
}

fn check(block: &BlockView, out: &mut Vec<Finding>) {
    let sentences = &block.facts.sentences;
    for (i, sentence) in sentences.iter().enumerate() {
        let Some(metric) = sentence
            .metrics
            .iter()
            .find(|m| m.kind == MetricKind::Technical)
        else {
            continue;
        };
        if has_consequence(sentence) || sentences.get(i + 1).is_some_and(has_consequence) {
            continue;
        }
        let range = block.range(sentence, &metric.range);
        let number = &block.prose[range.clone()];
        out.push(Finding::new(
            &RULE,
            range,
            format!(
                "\"{number}\" is a technical number: what did it change for customers or the business?"
            ),
        ));
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
                "I cut p99 latency from 850 ms to 285 ms.",
                "After the index rewrite, query time dropped from 2.4 s to 300 ms. The team celebrated with cake 🎉.",
                "- Reduced CPU utilization on the ingest fleet from 78% to 41%.\n- Wrote the runbook.",
                "# Cache layer\n\nWe moved the session store to Redis and the error rate fell from 1.2% to 0.1%.\n\nA month later I handed the service over to the platform team.",
                "I tuned the GC flags and throughput went from 4K to 11K requests per second. 東京リージョンでも同じ設定を使った。",
                // Words that share a stem with a consequence ("fines", "ratings") are none.
                "Latency fell from 900 ms to 200 ms, and the nightly job now runs fine.",
                "Latency fell from 900 ms to 200 ms once we stopped rating each row.",
                "Latency fell from 900 ms to 200 ms, a fine result for a week of work.",
            ],
        )
    }

    #[test]
    fn range_is_the_technical_metric() {
        let text = "I cut p99 latency from 850 ms to 285 ms.";
        let found = findings(&RULE, text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            text[found[0].range.clone()].contains("850 ms"),
            "{:?}",
            &text[found[0].range.clone()]
        );
    }

    #[test]
    fn stays_quiet_on() {
        assert_quiet(
            &RULE,
            &[
                "I reduced p99 latency from 850 ms to 285 ms, cutting checkout abandonment by 4%.",
                "I cut p99 latency from 850 ms to 285 ms. Checkout abandonment fell from 11% to 7% the following month.",
                "Page load dropped from 3.1 s to 1.2 s, so shoppers on slow phones stopped giving up before the cart loaded 🛒.",
                "Error rate fell from 2% to 0.2%, which saved about $30K a month in refunds.",
                "Latency fell from 900 ms to 200 ms, and app ratings rose from 3.9 to 4.4.",
                "Latency fell from 900 ms to 200 ms, which avoided a fine from the regulator.",
                "Latency fell from 900 ms to 200 ms, and we were no longer fined for missed SLAs.",
                "I interviewed 12 sellers about their listing workflow.",
                "```\np99 latency: 850 ms -> 285 ms\n```",
            ],
        )
    }
}
