//! `portfolio-size`: fewer than 3 or more than 4 case studies across the portfolio.

use super::{Check, Rule, RuleDoc, Scope, Severity};
use crate::portfolio::{PortfolioFinding, PortfolioView};

pub static RULE: Rule = Rule {
    id: "portfolio-size",
    severity: Severity::Info,
    scope: Scope::Portfolio,
    summary: "The portfolio has fewer than 3 or more than 4 case studies",
    doc: RuleDoc {
        what: "A portfolio (every case study in the workspace's markdown files, minus README, CHANGELOG and the like, or what `[portfolio] include`/`exclude` select) with fewer than 3 or more than 4 case studies. It is reported once per file, on the file's first case study. It is an info while you draft: the count changes as you write.",
        why: "An Amazon PM loop has four or five interviewers, each probing one or two Leadership Principles with \"tell me about a time...\". Three or four deep stories, each showing different principles, cover the loop without repeating yourself; fewer leaves an interviewer with nothing fresh, more means some were never rehearsed to the 15-20 minutes of follow-up questions they will get.",
        example: "A folder with two case studies: \"Checkout latency\" and \"Search relevance\".",
        instead: "Add one or two stories from other projects (a disagreement you committed to, a customer problem you found in the data, a time you delivered under a hard constraint), or, with five or more, keep the 3-4 that are strongest and show the most different principles.",
    },
    check: Check::Portfolio(check),
};

/// The article's "3-4 distinct case studies".
pub const MIN_STUDIES: usize = 3;
pub const MAX_STUDIES: usize = 4;

fn check(view: &PortfolioView, out: &mut Vec<PortfolioFinding>) {
    let n = view.studies.len();
    let message = if n < MIN_STUDIES {
        format!(
            "The portfolio has {n} case stud{}: prepare 3-4, each showing different principles.",
            if n == 1 { "y" } else { "ies" }
        )
    } else if n > MAX_STUDIES {
        format!("The portfolio has {n} case studies: keep the 3-4 strongest and most different, and rehearse those deeply.")
    } else {
        return;
    };
    view.on_every_file(&RULE, &message, out);
}
