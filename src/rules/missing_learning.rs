//! `missing-learning`: no lesson, no "what I would do differently".

use super::story::require_part;
use super::{Check, Finding, Rule, RuleDoc, Scope, Severity, StudyView};
use crate::analysis::cues::Part;

pub static RULE: Rule = Rule {
    id: "missing-learning",
    severity: Severity::Info,
    scope: Scope::CaseStudy,
    summary: "No lesson or \"what I would do differently\"",
    doc: RuleDoc {
        what: "A case study with no lesson: nothing learned, realised or to be done differently (\"I learned\", \"in hindsight\", \"next time I would\"), and no \"Lessons\" or \"Reflection\" section. Stories of fewer than two sentences are left to `too-thin`.",
        why: "\"What did you learn?\" closes the seed article's list of questions an interviewer will ask. A story that ends on the win sounds rehearsed; a lesson shows the self-critique Amazon's leadership principles expect, and gives the interviewer something to probe beyond the result.",
        example: "We launched the new checkout and conversion rose 4%.",
        instead: "We launched the new checkout and conversion rose 4%. In hindsight I would have pulled finance in a month earlier: the refund policy change cost us two weeks.",
    },
    check: Check::Study(check),
};

fn check(view: &StudyView, out: &mut Vec<Finding>) {
    require_part(
        view,
        out,
        &RULE,
        Part::Learnings,
        "No lesson: end with what you learned or would do differently next time.",
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
                "# Checkout\n\nShoppers abandoned a five-page checkout. We launched a one-page checkout and conversion \
                 rose 4%.\n",
                "# Payouts\n\nSellers were paid four days late. I rebuilt the payout job with finance, and payouts now \
                 arrive within 6 hours.\n",
                "# Alerts\n\nOn-call was paged 40 times a week. I rewrote the alert rules. Pages fell to 6 a week and \
                 nobody quit the rotation.\n",
            ],
        )
    }

    #[test]
    fn stays_quiet_on() {
        assert_quiet(
            &RULE,
            &[
                "# Checkout\n\nShoppers abandoned a five-page checkout. We launched a one-page checkout. In hindsight I \
                 would have tested it on mobile first.\n",
                "# Payouts\n\nSellers were paid four days late. I rebuilt the payout job.\n\n## Lessons\n\nBring finance \
                 in before the design review, not after it.\n",
                "# Alerts\n\nOn-call was paged 40 times a week. I rewrote the alert rules. I learned that every alert \
                 needs an owner.\n",
                "# Launch\n\nWe launched checkout.\n",
            ],
        )
    }
}
