//! `thin-coverage`: fewer than N distinct principles across the portfolio.

use super::{Check, Rule, RuleDoc, Scope, Severity};
use crate::portfolio::{PortfolioFinding, PortfolioView};

pub static RULE: Rule = Rule {
    id: "thin-coverage",
    severity: Severity::Info,
    scope: Scope::Portfolio,
    summary: "The portfolio shows too few distinct Leadership Principles",
    doc: RuleDoc {
        what: "A portfolio whose case studies together show fewer distinct Leadership Principles than `[portfolio] min-principles` in casebook.toml (default 6), counting each study's top principles (up to three, as in its scorecard). It is reported once per file, on the file's first case study, and names the principles already shown.",
        why: "Each interviewer in the loop is assigned principles to assess. Three or four stories with two or three principles each can cover six to ten of the sixteen; a portfolio that keeps showing the same few leaves interviewers without evidence for theirs, and \"I don't have an example of that\" is a weak answer to a question you could have prepared for.",
        example: "Three case studies that all show Deliver Results, Dive Deep and Bias for Action: three distinct principles.",
        instead: "Bring out what your stories already contain (the customers you talked to, the decision you disagreed with and committed to, the person you coached) or replace one story with a project that shows principles the others do not: Customer Obsession, Earn Trust, Have Backbone; Disagree and Commit, Think Big.",
    },
    check: Check::Portfolio(check),
};

fn check(view: &PortfolioView, out: &mut Vec<PortfolioFinding>) {
    let shown = view.principles();
    if shown.len() >= view.min_principles {
        return;
    }
    let names: Vec<&str> = shown.iter().map(|p| p.name()).collect();
    let message = format!(
        "The portfolio shows {} distinct Leadership Principle{} ({}); aim for at least {}.",
        shown.len(),
        if shown.len() == 1 { "" } else { "s" },
        if names.is_empty() {
            "none yet".to_string()
        } else {
            names.join(" · ")
        },
        view.min_principles
    );
    view.on_every_file(&RULE, &message, out);
}
