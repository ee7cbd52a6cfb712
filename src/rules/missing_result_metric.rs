//! `missing-result-metric`: no quantified outcome.

use super::story::{placed, too_short_to_judge};
use super::{Check, Finding, Rule, RuleDoc, Scope, Severity, StudyView};
use crate::analysis::cues::{CueKind, Part};

pub static RULE: Rule = Rule {
    id: "missing-result-metric",
    severity: Severity::Warning,
    scope: Scope::CaseStudy,
    summary: "No quantified outcome",
    doc: RuleDoc {
        what: "A case study with no number for its outcome: no metric in a sentence that reports a result (\"reduced ... by 30%\", \"went from 4 s to 1 s\", \"as a result\") or in a \"Results\"/\"Impact\" section or label. Numbers that only describe the problem or the system (\"3-second load times\", \"a 12-node cluster\") do not count: they say where you started, not what changed. Stories of fewer than two sentences are left to `too-thin`.",
        why: "Amazon interviewers ask \"what was the measurable outcome?\" of every story, and the seed article is blunt that claims such as \"improved user engagement\" are dismissed without data. A story that ends at launch leaves the interviewer unable to judge whether the work mattered.",
        example: "Shoppers waited 3 seconds for the product page. I led the rewrite of the page service, and the page became much faster.",
        instead: "Shoppers waited 3 seconds for the product page. I led the rewrite of the page service, which cut load time to 0.9 s and recovered 3% of lost conversion.",
    },
    check: Check::Study(check),
};

fn check(view: &StudyView, out: &mut Vec<Finding>) {
    if too_short_to_judge(view) {
        return;
    }
    let placed = placed(view);
    let mut any_metric = false;
    for p in &placed {
        let facts = p.sentence.facts;
        let is_result = p.declared.contains(&Part::Results) || facts.parts.contains(&Part::Results);
        // A result whose numbers are still template slots is pending, not missing:
        // `unfilled-placeholder` asks for the numbers.
        if is_result && facts.has(CueKind::Placeholder) {
            return;
        }
        if facts.metrics.is_empty() {
            continue;
        }
        any_metric = true;
        if p.declared.contains(&Part::Results) || facts.parts.contains(&Part::Results) {
            return;
        }
    }
    let message = if any_metric {
        "Your numbers describe the starting point, not the outcome: say what changed, from what to what (\"cut load time from 3 s to 0.9 s\")."
    } else {
        "No quantified outcome: add the result with a number, from what to what, and for whom (\"refund time fell from 11 days to 2\")."
    };
    out.push(Finding::new(&RULE, view.anchor.clone(), message));
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
                // No number at all.
                "# Recommendations\n\nI led a team that built a recommendations widget for the home page. \
                 It improved engagement and shoppers liked it.\n",
                // Numbers only for the problem.
                "# Product page\n\nShoppers waited 3 seconds for the product page to load. I rewrote the page service \
                 with the team, and the page became much faster.\n",
                // A result section with no number in it.
                "# Payouts\n\nSellers were paid four days late.\n\n## Results\n\nSellers were happier and finance \
                 stopped complaining.\n",
            ],
        )
    }

    #[test]
    fn says_whether_numbers_exist() {
        let text = "# Product page\n\nShoppers waited 3 seconds for the product page to load. I rewrote the page \
                    service, and the page became much faster.\n";
        let found = findings(&RULE, text);
        assert!(found[0].message.contains("starting point"), "{found:?}");
    }

    #[test]
    fn stays_quiet_on() {
        assert_quiet(
            &RULE,
            &[
                "# Product page\n\nShoppers waited 3 seconds for the product page to load. I rewrote the page service, \
                 which reduced load time to 0.9 s and lifted conversion by 3%.\n",
                "# Payouts\n\nSellers were paid four days late.\n\n## Results\n\nPayouts now arrive within 6 hours, \
                 and payout tickets fell by 70%.\n",
                "# Refunds\n\nCustomers chased refunds by phone. **Impact:** 2,400 fewer support calls per month.\n",
                "# Widget\n\nIt improved engagement.\n",
                // Time given back to people is what changed, as "saved" is.
                "# Deploys\n\nOur developers waited 40 minutes for every deploy, so I cached the build layers. \
                 It gave back about 300 hours a month to the team.\n",
                "# Deploys\n\nOur developers waited 40 minutes for every deploy, so I cached the build layers. \
                 That handed back 300 engineer-hours a month.\n",
            ],
        )
    }
}
