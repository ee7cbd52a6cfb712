//! `missing-validation`: nothing says how the problem or hypothesis was checked.

use super::story::require_part;
use super::{Check, Finding, Rule, RuleDoc, Scope, Severity, StudyView};
use crate::analysis::cues::Part;

pub static RULE: Rule = Rule {
    id: "missing-validation",
    severity: Severity::Info,
    scope: Scope::CaseStudy,
    summary: "No validation of the problem or hypothesis",
    doc: RuleDoc {
        what: "A case study that never says how the problem or the idea was checked: no interviews, data pulled, experiment, A/B test, pilot or prototype, and no \"Validation\" or \"Research\" section. Negated or hypothetical mentions (\"we never tested it\") do not count. Stories of fewer than two sentences are left to `too-thin`.",
        why: "\"How did you validate it?\" is on the seed article's list of questions every interviewer asks a PM. Without it, the interviewer cannot tell whether you solved a real customer problem or the one you assumed, and Amazon expects decisions grounded in data.",
        example: "Sellers found the listing form confusing, so I redesigned it and launched the new version.",
        instead: "Sellers found the listing form confusing: I watched eight of them list a product and pulled the drop-off funnel, which showed 40% quitting at the category step.",
    },
    check: Check::Study(check),
};

fn check(view: &StudyView, out: &mut Vec<Finding>) {
    require_part(
        view,
        out,
        &RULE,
        Part::Validation,
        "No validation: say how you confirmed the problem or tested the idea (interviews, data, an experiment, a pilot).",
    );
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
                "# Listing form\n\nSellers found the listing form confusing. I redesigned it and launched the new version \
                 to every seller.\n",
                "# Dark mode\n\nI was sure our users wanted dark mode. I built it in two sprints and shipped it.\n",
                "# Search\n\nShoppers could not find sizes. We never tested the new filters with anyone before launch. \
                 I shipped them in March.\n",
            ],
        )
    }

    #[test]
    fn stays_quiet_on() {
        assert_quiet(
            &RULE,
            &[
                "# Listing form\n\nSellers found the listing form confusing. I interviewed eight sellers and pulled the \
                 drop-off funnel before redesigning it.\n",
                "# Dark mode\n\nI thought users wanted dark mode. A survey of 2,000 users confirmed that night-time \
                 readers did.\n",
                "# Search\n\nShoppers could not find sizes.\n\n## Validation\n\nThe search logs showed one query in five \
                 was a size.\n",
                "# Latency\n\nTravellers waited 2.8 seconds for hotel results. I profiled the search path and found \
                 that 60% of the time went to one call to the pricing service.\n",
                "# Filters\n\nI shipped size filters.\n",
            ],
        )
    }
}
