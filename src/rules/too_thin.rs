//! `too-thin`: too short to sustain a 15–20 minute interview discussion.

use super::{Check, Finding, Rule, RuleDoc, Scope, Severity, StudyView};

pub static RULE: Rule = Rule {
    id: "too-thin",
    severity: Severity::Info,
    scope: Scope::CaseStudy,
    summary: "Too short to sustain a 15-20 minute discussion",
    doc: RuleDoc {
        what: "A case study with fewer than 150 words of prose (headings not counted). 150 words is about one 25-word sentence for each of the six things an interviewer asks about: the customer problem, how it was validated, the alternatives, what you did, the measured result and the lesson. Below that, at least one of them is missing or a bare phrase. A story of fewer than two sentences gets only this finding, not the `missing-*` ones: write the story first.",
        why: "An Amazon PM interviewer spends 15-20 minutes on one story, probing the \"why\", the trade-offs and the metrics. The seed article's BAD examples are single resume-style lines (\"I optimized the backend database queries, cutting response times by 30%\"): they name an achievement but give the interviewer nothing to dig into.",
        example: "I optimized the backend database queries, cutting response times by 30%.",
        instead: "A story of a few short paragraphs: who was hurting and what it cost, how you confirmed it, the options you weighed, what you did and with whom, the measured outcome, and what you would do differently.",
    },
    check: Check::Study(check),
};

/// Fewer words of prose than this is too thin (see the rule's doc for the reasoning).
pub const MIN_WORDS: usize = 150;

fn check(view: &StudyView, out: &mut Vec<Finding>) {
    let words: usize = view.sentences().map(|s| s.facts.words).sum();
    if words >= MIN_WORDS {
        return;
    }
    let message = if words == 0 {
        "No story yet: write the problem, what you did, the measured result and the lesson."
            .to_string()
    } else {
        format!(
            "Only {words} words: too thin for a 15-20 minute discussion. Aim for {MIN_WORDS}+: problem, validation, options, actions, result, lesson."
        )
    };
    out.push(Finding::new(&RULE, view.anchor.clone(), message));
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::{assert_fires, assert_quiet, findings};

    /// A full story of well over 150 words.
    const FULL: &str = "# Seller payouts\n\n\
        Sellers on our marketplace were paid four days after each sale, and payout questions were the largest \
        category of seller support tickets, about 1,900 a month. Smaller sellers told us they were borrowing to \
        buy stock while they waited.\n\n\
        I pulled six months of tickets and interviewed twelve sellers, which confirmed that the delay itself, not \
        the payout report, drove the contacts. I weighed two options: settling daily through our existing bank \
        partner, which was cheap but still left a one-day gap, or moving to instant payouts, which cost 0.3% per \
        transfer. I built the case with finance and legal, and we chose daily settlement with instant payouts as \
        a paid option for sellers who wanted them.\n\n\
        After launch, payout tickets fell from 1,900 to 450 a month and seller churn dropped by 2 points. In \
        hindsight I would have involved legal in week one rather than week five.\n";

    #[test]
    fn fires_on() {
        assert_fires(
            &RULE,
            &[
                "# Query tuning\n\nI optimized the backend database queries, cutting response times by 30%.\n",
                "# Recommendations\n\nI led a team that built a recommendations feature. It improved engagement. \
                 Shoppers liked it and we got good feedback from the business.\n",
                "# Placeholder\n\n## Problem\n\n## Results\n",
                "Sellers were paid late. I fixed the payout job with finance, and tickets fell by half.\n",
            ],
        )
    }

    #[test]
    fn a_one_liner_gets_only_too_thin() {
        let text = "# Query tuning\n\nI optimized the backend database queries, cutting response times by 30%.\n";
        let review = crate::review::Reviewer::default().review_text(text);
        let story: Vec<_> = review
            .findings
            .iter()
            .filter(|f| {
                f.rule == "too-thin" || f.rule.starts_with("missing-") || f.rule == "solution-first"
            })
            .map(|f| f.rule)
            .collect();
        assert_eq!(story, ["too-thin"]);
        assert!(findings(&RULE, text)[0].message.contains("words"));
    }

    #[test]
    fn stays_quiet_on() {
        let two_stories = format!(
            "{FULL}\n{}",
            FULL.replace("Seller payouts", "Payouts again")
        );
        assert_quiet(
            &RULE,
            &[
                FULL,
                &two_stories,
                &FULL.replace("# Seller payouts\n\n", ""),
            ],
        )
    }
}
