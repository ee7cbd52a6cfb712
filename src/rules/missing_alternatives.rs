//! `missing-alternatives`: no options or trade-offs weighed.

use super::story::require_part;
use super::{Check, Finding, Rule, RuleDoc, Scope, Severity, StudyView};
use crate::analysis::cues::Part;

pub static RULE: Rule = Rule {
    id: "missing-alternatives",
    severity: Severity::Warning,
    scope: Scope::CaseStudy,
    summary: "No alternatives or trade-offs weighed",
    doc: RuleDoc {
        what: "A case study that never weighs options: no alternative considered, rejected or traded off (\"we considered\", \"instead of\", \"the trade-off was\"), and no \"Options\" or \"Trade-offs\" section. Hypotheticals (\"I should have considered...\") do not count. Stories of fewer than two sentences are left to `too-thin`.",
        why: "Interviewers ask \"what were the alternatives?\" because judgment shows in what you chose not to do. The seed article's failed candidate could not name \"the alternative solutions considered and rejected\"; with one path only, the interviewer cannot tell a decision from an assignment.",
        example: "Checkout was slow, so I moved the pricing service to a cache. Checkout time halved.",
        instead: "I weighed caching prices against precomputing them nightly: precomputing was cheaper to run but would show stale prices during flash sales, so I chose the cache and accepted a 5-minute staleness window.",
    },
    check: Check::Study(check),
};

fn check(view: &StudyView, out: &mut Vec<Finding>) {
    require_part(
        view,
        out,
        &RULE,
        Part::Alternatives,
        "No alternatives weighed: name the options you considered, what each would cost, and why you chose this one.",
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
                "# Price cache\n\nCheckout was slow for shoppers on mobile. I moved the pricing service behind a cache. \
                 Checkout time halved and conversion rose 1.2%.\n",
                "# Onboarding\n\nNew sellers gave up during a 9-step signup. I cut it to four steps and launched it to all \
                 sellers. Completed signups rose from 31% to 48%.\n",
                // Only in hindsight: the writer knows the part exists, the story does not have it.
                "# Alerts\n\nOn-call engineers were paged 40 times a week. I rewrote the alert rules. \
                 I should have considered other options before starting.\n",
            ],
        )
    }

    #[test]
    fn stays_quiet_on() {
        assert_quiet(
            &RULE,
            &[
                "# Price cache\n\nCheckout was slow for shoppers on mobile. I weighed caching prices against precomputing \
                 them nightly, and chose the cache because flash sales need fresh prices.\n",
                "# Onboarding\n\nNew sellers gave up during a 9-step signup.\n\n## Trade-offs\n\nDropping the tax step \
                 meant collecting it later by email.\n",
                "# Alerts\n\nOn-call engineers were paged 40 times a week. Rather than buy a new paging tool, I rewrote \
                 the alert rules with the team.\n",
                "# Prices\n\nHotel search was slow for travellers. The pricing team objected to a 10-minute price \
                 cache, so we agreed on a compromise: cache for 2 minutes and re-check the price at checkout.\n",
                "# Queue\n\nI built a message queue.\n",
            ],
        )
    }
}
