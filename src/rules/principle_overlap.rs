//! `principle-overlap`: two case studies whose top principles are the same set.

use super::{Check, Rule, RuleDoc, Scope, Severity};
use crate::analysis::principles::Principle;
use crate::portfolio::{PortfolioFinding, PortfolioView};
use std::collections::{BTreeMap, BTreeSet};

pub static RULE: Rule = Rule {
    id: "principle-overlap",
    severity: Severity::Warning,
    scope: Scope::Portfolio,
    summary: "Two case studies show exactly the same top principles",
    doc: RuleDoc {
        what: "Two case studies of the portfolio whose top principles (the up to three principles each shows most strongly, as in its scorecard) are exactly the same, non-empty set. Each of the two gets the finding, naming the other. Sharing one or two principles is normal and not flagged; a story that shows no principle yet is left alone.",
        why: "Interviewers split the Leadership Principles between them and compare notes afterwards. Two stories that show the same principles spend two slots on one facet of you and leave others unexamined: the committee learns nothing new from the second one, and a principle nobody could assess counts against you.",
        example: "\"Checkout latency\" and \"Search outage\" both read as Dive Deep · Deliver Results: in each, I found the root cause in the data and shipped the fix.",
        instead: "Re-tell one of them around what else it shows (the disagreement with the architect: Have Backbone; Disagree and Commit; the customers you called: Customer Obsession), or swap it for a story from another project that shows different principles.",
    },
    check: Check::Portfolio(check),
};

fn check(view: &PortfolioView, out: &mut Vec<PortfolioFinding>) {
    let start = out.len();
    // Grouped by their set of top principles: linear in the number of studies, however many there are.
    let mut groups: BTreeMap<&BTreeSet<Principle>, Vec<usize>> = BTreeMap::new();
    for (i, study) in view.studies.iter().enumerate() {
        if !study.top.is_empty() {
            groups.entry(&study.top).or_default().push(i);
        }
    }
    for (set, members) in groups.iter().filter(|(_, m)| m.len() > 1) {
        let names: Vec<&str> = set.iter().map(|p| p.name()).collect();
        for &i in members {
            let study = &view.studies[i];
            let others: Vec<String> = members
                .iter()
                .filter(|&&j| j != i)
                .take(3)
                .map(|&j| format!("\"{}\"", view.studies[j].title))
                .collect();
            let more = members.len() - 1 - others.len();
            let others = if more > 0 {
                format!("{} and {more} more", others.join(", "))
            } else {
                others.join(", ")
            };
            out.push(study.finding(
                &RULE,
                format!(
                    "Shows the same principles as {others} ({}): make one of them show something else.",
                    names.join(" · ")
                ),
            ));
        }
    }
    out[start..]
        .sort_by(|a, b| (&a.file, a.finding.range.start).cmp(&(&b.file, b.finding.range.start)));
}
