//! The seed article's three pitfalls (its BAD/GOOD pairs, paraphrased): each BAD story gets the finding
//! the article names, and its GOOD rewrite gets none of them.
//!
//! The article's BAD examples are single resume lines. A one-line story gets only `too-thin` (the
//! `missing-*` rules need at least two sentences to judge), so the BAD stories here are the same
//! content told in two sentences; the last test checks the one-line form.

use casebook::review::Reviewer;

fn rules_on(text: &str) -> Vec<&'static str> {
    Reviewer::default()
        .review_text(text)
        .findings
        .iter()
        .map(|f| f.rule)
        .collect()
}

struct Pair {
    pitfall: &'static str,
    bad: &'static str,
    good: &'static str,
    /// The BAD story must get at least one of these, and the GOOD none.
    named: &'static [&'static str],
    /// The BAD story must get all of these.
    required: &'static [&'static str],
}

const PAIRS: [Pair; 3] = [
    Pair {
        pitfall: "1: over-technical, no product context",
        bad: "# Messaging platform\n\n\
              I designed and built a highly available, fault-tolerant message queue on Apache Kafka with \
              exactly-once semantics. It handled 100K messages per second at under 10 ms latency.\n",
        good: "# Messaging platform\n\n\
               Our messaging system delayed order confirmations, which drove a 2% rise in customer support calls \
               and 0.5% abandonment at checkout. I championed a new message queue and led its design, trading raw \
               throughput for real-time delivery and reliability. Confirmation delays fell 90%, support calls \
               dropped 1.5%, and lower abandonment recovered about $500K a year.\n",
        named: &[
            "technical-metric-only",
            "jargon-heavy",
            "missing-customer-problem",
        ],
        required: &["missing-customer-problem"],
    },
    Pair {
        pitfall: "2: solitary work, no influence",
        bad: "# Query performance\n\n\
              I optimized the backend database queries. Response times fell by 30%.\n",
        good: "# Query performance\n\n\
               Slow database queries left our reporting dashboards unavailable four hours a day, so PMs could not \
               make data-driven decisions and feature launches slipped. I partnered with the BI team to learn which \
               data they relied on, influenced the engineering team to prioritize a refactor, and led the query \
               work myself. Dashboard availability reached 99%, and our A/B test cycle shortened by 2 days, which \
               allowed 3 more feature iterations per quarter.\n",
        named: &["missing-influence"],
        required: &["missing-influence"],
    },
    Pair {
        pitfall: "3: no measurable impact",
        bad: "# New feature\n\n\
              I led a team to build a new feature. It improved user engagement.\n",
        good: "# Personalized recommendations\n\n\
               I owned the delivery of personalized recommendations from start to finish. Customer interviews and \
               an A/B test validated the hypothesis that personal picks would lengthen sessions. I set the success \
               metrics and worked closely with data science and engineering to launch to 20% of users. After \
               launch, average session duration rose 15% and conversion on recommended products rose 7%, adding \
               about $1.5M in annual revenue.\n",
        named: &["vague-claim", "missing-result-metric"],
        required: &["missing-result-metric"],
    },
];

#[test]
fn each_bad_story_gets_the_finding_the_article_names() {
    for pair in &PAIRS {
        let found = rules_on(pair.bad);
        assert!(
            pair.named.iter().any(|r| found.contains(r)),
            "pitfall {}: expected one of {:?}, got {found:?}",
            pair.pitfall,
            pair.named
        );
        for r in pair.required {
            assert!(
                found.contains(r),
                "pitfall {}: expected {r}, got {found:?}",
                pair.pitfall
            );
        }
    }
}

#[test]
fn each_good_rewrite_gets_none_of_them() {
    for pair in &PAIRS {
        let found = rules_on(pair.good);
        let wrong: Vec<_> = found.iter().filter(|r| pair.named.contains(r)).collect();
        assert!(
            wrong.is_empty(),
            "pitfall {}: the GOOD rewrite got {wrong:?} (all: {found:?})",
            pair.pitfall
        );
    }
}

#[test]
fn the_one_line_form_is_too_thin_and_nothing_more_at_story_level() {
    let found = rules_on(
        "# Query performance\n\nI optimized the backend database queries, cutting response times by 30%.\n",
    );
    assert!(found.contains(&"too-thin"), "{found:?}");
    assert!(
        !found.iter().any(|r| r.starts_with("missing-")),
        "{found:?}"
    );
}
