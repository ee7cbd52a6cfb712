//! Tables of sentences, written for these tests, with the cues that must and must not be found.

use super::*;

fn cues(text: &str) -> Vec<Cue> {
    sentence_cues(text, &Words::new(text))
}

/// (words, weak) of every cue of `kind`.
fn found(text: &str, kind: CueKind) -> Vec<(String, bool)> {
    cues(text)
        .into_iter()
        .filter(|c| c.kind == kind)
        .map(|c| (text[c.range].to_string(), c.weak))
        .collect()
}

fn strong(text: &str, kind: CueKind) -> bool {
    found(text, kind).iter().any(|(_, weak)| !weak)
}

fn any(text: &str, kind: CueKind) -> bool {
    !found(text, kind).is_empty()
}

/// Each `(sentence, expected words)` must yield a strong cue of `kind` covering `expected`.
fn must(kind: CueKind, table: &[(&str, &str)]) {
    for (text, expected) in table {
        let hits = found(text, kind);
        assert!(
            hits.iter().any(|(w, weak)| !weak && w.contains(expected)),
            "{kind:?} should cover {expected:?} in {text:?}; found {hits:?}"
        );
    }
}

/// No sentence may yield a strong cue of `kind`.
fn must_not(kind: CueKind, table: &[&str]) {
    for text in table {
        let hits = found(text, kind);
        assert!(
            hits.iter().all(|(_, weak)| *weak),
            "{kind:?} should not be found in {text:?}; found {hits:?}"
        );
    }
}

const PROBLEM: CueKind = CueKind::Part(Part::Problem);
const VALIDATION: CueKind = CueKind::Part(Part::Validation);
const ALTERNATIVES: CueKind = CueKind::Part(Part::Alternatives);
const ACTIONS: CueKind = CueKind::Part(Part::Actions);
const RESULTS: CueKind = CueKind::Part(Part::Results);
const LEARNINGS: CueKind = CueKind::Part(Part::Learnings);

#[test]
fn lexicons_load_and_are_broad() {
    let sizes = lexicon_sizes();
    assert!(sizes.iter().all(|(_, n)| *n > 50), "{sizes:?}");
    let jargon: JargonFile = parse(include_str!("jargon.toml"), "jargon.toml");
    assert!(jargon.hard.len() + jargon.soft.len() + jargon.proper.len() > 500);
}

#[test]
fn problem_cues() {
    must(
        PROBLEM,
        &[
            (
                "Shoppers kept abandoning their carts at the payment step.",
                "abandoning",
            ),
            (
                "about a fifth of new sellers churned in their first month",
                "churned",
            ),
            (
                "Renewals were stuck in a manual approval queue that took 3 days to clear.",
                "took 3 days to",
            ),
            (
                "Dispatchers complained that the map froze whenever a storm rolled in.",
                "complained",
            ),
            (
                "It was costing us roughly two support hires a quarter.",
                "was costing",
            ),
            (
                "the old export had real friction for accountants at month end",
                "friction",
            ),
            (
                "Customers couldn't tell whether their refund had gone through.",
                "couldn't",
            ),
            (
                "we were getting ~90 support tickets a week about login loops",
                "support tickets",
            ),
            (
                "Riders had no way to change the pickup point once booked.",
                "had no way to",
            ),
        ],
    );
    must_not(
        PROBLEM,
        &[
            "No problem, the launch went fine.",
            "I filed a GitHub issue against the SDK.",
            "Our problem-solving sessions ran every Friday.",
            "Customers didn't complain about the new layout.",
        ],
    );
}

#[test]
fn validation_cues() {
    must(
        VALIDATION,
        &[
            (
                "I interviewed 12 customers across three regions.",
                "interviewed",
            ),
            (
                "We ran an A/B test on 10% of traffic for two weeks.",
                "A/B test",
            ),
            ("I analysed the data from the last two quarters", "analysed"),
            ("We surveyed 400 drivers about the new app.", "surveyed"),
            ("A two-store pilot confirmed the hypothesis.", "pilot"),
            (
                "I dug into the tickets and tagged every one by cause.",
                "dug into",
            ),
            (
                "we built a clickable prototype with five hotel managers",
                "prototype",
            ),
            (
                "I decided to interview five customers before writing any code.",
                "interview",
            ),
        ],
    );
    must_not(
        VALIDATION,
        &[
            // Plans, wishes and hindsight: the part is named, but not done.
            "A better approach was to interview users first.",
            "We didn't interview any customers before we started.",
            "Next time I would run the A/B test before building anything.",
            "We plan to survey merchants next quarter.",
            "The lesson: always validate with real customers first.",
            // Not validation at all.
            "Order confirmations were arriving late.",
            "The data center in Frankfurt was full.",
            "Fill in [baseline] here.",
            "I wrote two SQL queries for the report.",
        ],
    );
}

#[test]
fn alternatives_cues() {
    must(
        ALTERNATIVES,
        &[
            (
                "We considered three options before picking the queue.",
                "considered",
            ),
            (
                "I weighed a rewrite against patching the importer.",
                "weighed",
            ),
            ("The trade-off was freshness for cost.", "trade-off"),
            (
                "We kept the batch job instead of going real-time.",
                "instead of",
            ),
            (
                "I rejected the vendor because of per-seat pricing.",
                "rejected",
            ),
            ("build vs. buy came down to who would own it", "vs"),
            (
                "Alternatively, we could have paid for a managed service.",
                "Alternatively",
            ),
            ("We chose polling rather than webhooks.", "rather than"),
            (
                "I traded a day of data freshness for a tenth of the cost.",
                "traded",
            ),
            (
                "We opted for a nightly batch, trading some freshness for simplicity.",
                "opted for",
            ),
            (
                "I shipped the smaller fix at the expense of a cleaner design.",
                "at the expense of",
            ),
        ],
    );
    must_not(
        ALTERNATIVES,
        &[
            // One named option is not a weighing of options.
            "We went with Option B.",
            "The only option was to roll back.",
            "The dashboard was considered critical by the ops team.",
            "I added two new command-line options to the tool.",
            // A trading desk is no trade-off.
            "I rebuilt the trading platform's order book.",
            // Hindsight names the part without showing it.
            "I should have considered alternatives before committing to the rewrite.",
            "We never weighed any other approach.",
        ],
    );
}

#[test]
fn actions_cues() {
    must(
        ACTIONS,
        &[
            ("I led the migration with two other engineers.", "I led"),
            ("So I personally wrote the runbook.", "I personally wrote"),
            (
                "My manager was out, so I proposed a smaller first release.",
                "I proposed",
            ),
            (
                "Then I quickly prototyped the flow in Figma.",
                "I quickly prototyped",
            ),
            ("Led the rollout to 40 stores.", "Led"),
            ("Built the first version in a weekend.", "Built"),
            (
                "My team and I designed the new onboarding flow.",
                "I designed",
            ),
            ("I took ownership of the billing backlog.", "took ownership"),
        ],
    );
    must_not(
        ACTIONS,
        &[
            "I think the design was fine.",
            "I didn't build the dashboard myself.",
            "I would have pushed back harder.",
            "Build the first version in a weekend.",
            "My manager said \"I built this years ago\" and laughed.",
            "In Phase I built-in caching was enough.",
        ],
    );
}

#[test]
fn results_cues() {
    must(
        RESULTS,
        &[
            (
                "As a result, refunds were processed the same day.",
                "As a result",
            ),
            (
                "This resulted in far fewer calls to the help desk.",
                "resulted in",
            ),
            ("which reduced checkout time from 90 s to 35 s", "reduced"),
            ("Support tickets dropped 40% in the first month.", "dropped"),
            ("The change led to a new pricing tier.", "led to"),
            ("We saved $120K a year in licence fees.", "saved"),
            ("Conversion went up by two points.", "went up"),
            ("Onboarding time halved.", "halved"),
        ],
    );
    must_not(
        RESULTS,
        &[
            // Goals are not outcomes.
            "The plan was to cut costs by 20% by Q3.",
            "Our goal was to reduce churn by 5%.",
            "I wanted to double the number of active sellers.",
            // Outcome verbs without any number are left to vague-claim.
            "This reduced latency for the team.",
            // A template slot is not a number.
            "It cut churn by XX%.",
            "I set up 3 dashboards for the team.",
        ],
    );
}

#[test]
fn learnings_cues() {
    must(
        LEARNINGS,
        &[
            (
                "I learned that the riskiest part was the data, not the code.",
                "I learned",
            ),
            (
                "The biggest lesson was to talk to support earlier.",
                "lesson",
            ),
            (
                "In hindsight, the second region was premature.",
                "In hindsight",
            ),
            (
                "Next time I would ship the smaller version first.",
                "Next time",
            ),
            (
                "What I would do differently: scope the pilot to one city.",
                "would do differently",
            ),
            (
                "That outage taught me to write the rollback plan first.",
                "taught me",
            ),
            (
                "Looking back, I underestimated how long legal review takes.",
                "Looking back",
            ),
            ("I should have looped in finance sooner.", "I should have"),
        ],
    );
    must_not(
        LEARNINGS,
        &[
            "We trained a machine learning model on last year's orders.",
            "The model learned embeddings for every product.",
            "The learning rate was too high.",
        ],
    );
}

#[test]
fn improvement_cues() {
    must(
        CueKind::Improvement,
        &[
            ("I improved the onboarding flow.", "improved"),
            (
                "The new flow is much faster and more reliable.",
                "much faster",
            ),
            (
                "The new flow is much faster and more reliable.",
                "more reliable",
            ),
            (
                "We delivered a better user experience.",
                "better user experience",
            ),
            (
                "This significantly reduced latency.",
                "significantly reduced",
            ),
            ("It had a huge impact on the team.", "huge impact"),
            ("I optimized the nightly job.", "optimized"),
            ("We streamlined the approval process.", "streamlined"),
            ("This enabled the team to move faster.", "faster"),
            ("Things got better and the team was happy.", "better"),
        ],
    );
    must_not(
        CueKind::Improvement,
        &[
            "There is room for improvement in our onboarding flow.",
            "Her feedback listed three areas for improvement.",
            "A better approach was to interview users first.",
            "We want to improve onboarding next quarter.",
            "Customers wanted faster delivery.",
            "It didn't improve retention, which surprised us.",
            "There was a significant risk that the vendor would fold.",
            "It took a significant amount of effort.",
            "We need to better understand why sellers leave.",
        ],
    );
}

#[test]
fn weak_verb_cues() {
    must(
        CueKind::WeakVerb,
        &[
            ("I helped migrate the billing service.", "helped"),
            ("I was involved in the redesign.", "was involved in"),
            ("I worked on the search team for two years.", "worked on"),
            (
                "I joined in March and was responsible for the ranking service.",
                "was responsible for",
            ),
            ("Helped launch the seller portal.", "Helped"),
            (
                "We also contributed to the API guidelines.",
                "contributed to",
            ),
            ("I assisted the team lead with planning.", "assisted"),
            ("my team participated in the pilot", "participated in"),
        ],
    );
    must_not(
        CueKind::WeakVerb,
        &[
            "The new cache helped customers check out faster.",
            "Support worked on the backlog over the weekend.",
            "I worked with the payments team.",
            "Her advice helped me see the real problem.",
        ],
    );
}

#[test]
fn collaboration_cues() {
    must(
        CueKind::Collaboration,
        &[
            ("I partnered with the payments team.", "partnered with"),
            (
                "I convinced our skeptical CFO with a one-page model.",
                "convinced",
            ),
            ("We got buy-in from three directors.", "buy-in"),
            (
                "I negotiated a two-week freeze with release management.",
                "negotiated",
            ),
            (
                "I worked closely with legal on the wording.",
                "worked closely with",
            ),
            (
                "I presented to leadership in the quarterly review.",
                "presented to",
            ),
            (
                "We aligned with the data team on one definition of churn.",
                "aligned with",
            ),
            (
                "I ran weekly syncs across three teams.",
                "across three teams",
            ),
            ("I pushed back on the launch date.", "pushed back"),
            // Another party answering the writer.
            (
                "The risk team disagreed, worried about fraud.",
                "team disagreed",
            ),
            ("Their lead agreed to co-own the launch.", "lead agreed"),
            (
                "Legal objected to keeping the recordings.",
                "Legal objected",
            ),
            (
                "The finance team initially resisted the change.",
                "team initially resisted",
            ),
            ("We co-owned the rollout with the risk team.", "co-owned"),
        ],
    );
    must_not(
        CueKind::Collaboration,
        &[
            "I rewrote the parser over a weekend.",
            "We shipped with a feature flag.",
            "The nodes run a consensus protocol for leader election.",
            "I read about Amazon's leadership principles.",
            // Naming a person is not working with them.
            "My manager was on holiday that week.",
            "The VP approved the budget in January.",
            // The writer's own answer, or a thing's.
            "I agreed to take the first on-call shift.",
            "We agreed on a launch date in week one.",
            "The two dashboards disagreed by 3%.",
            // Across a clause.
            "I met the team, and disagreed numbers were fixed later.",
        ],
    );
}

#[test]
fn customer_and_business_cues() {
    must(
        CueKind::Customer,
        &[
            ("Customers waited on hold for 20 minutes.", "Customers"),
            ("New sellers struggled with the listing form.", "sellers"),
            (
                "Support tickets doubled after the redesign.",
                "Support tickets",
            ),
            ("Shoppers left items in their cart.", "Shoppers"),
            ("The customer's order never arrived.", "customer's"),
            // Internal customers.
            (
                "Warehouse associates rescanned every damaged parcel by hand.",
                "Warehouse associates",
            ),
            (
                "Recruiters spent a day a week copying candidates between tools.",
                "Recruiters",
            ),
            (
                "Three downstream teams rebuilt their reports after each schema change.",
                "downstream teams",
            ),
        ],
    );
    must_not(
        CueKind::Customer,
        &[
            "We built a custom dashboard for our internal tools.",
            "I moved the user table to a new schema.",
            "The HTTP client retried twice.",
            "Three team members were on leave.",
            "I closed 40 Jira tickets that sprint.",
            // A message consumer is a program.
            "I added a Kafka consumer for the events.",
            // A system named after its users or their experience.
            "I moved the users service onto the new cluster.",
            "I rewrote the checkout API in Go.",
            "I split the customer-profile cache by region.",
            "I sharded the user-sessions table.",
        ],
    );
    // Still the people: an adjective in the compound, the business's own pair, no system after it.
    must(
        CueKind::Customer,
        &[
            ("I built a customer-facing API for refunds.", "customer"),
            ("Customer service calls fell by a third.", "Customer"),
            ("Users of the checkout waited 9 seconds.", "Users"),
            ("Checkout failures reached 4% at peak.", "Checkout"),
        ],
    );
    must(
        CueKind::Business,
        &[
            ("Revenue grew 8% quarter over quarter.", "Revenue"),
            ("The cloud bill fell by a third.", "cloud bill"),
            ("It recovered $500K in annual revenue.", "$500K"),
            ("Conversion rose from 2.1% to 2.6%.", "Conversion"),
            ("We cut churn among small merchants.", "churn"),
            ("It freed up 20 engineer-hours a week.", "engineer-hours"),
        ],
    );
    must_not(
        CueKind::Business,
        &[
            "In order to ship, we froze the API.",
            "I had a long conversation with the PM.",
            "We had to deal with a flaky build.",
            "It was an order of magnitude slower.",
            "The left margin was off by 4px.",
            // A system named after the business's numbers.
            "I rewrote the order-sync service in Rust.",
            "I moved the orders table to a new shard.",
            "The pricing engine timed out under load.",
            "I added an index to the revenue-reporting pipeline.",
        ],
    );
    must(
        CueKind::Business,
        &[
            ("Orders grew 12% after the launch.", "Orders"),
            ("The orders we lost cost $40K a month.", "orders"),
        ],
    );
}

#[test]
fn jargon_and_technology_cues() {
    must(
        CueKind::Jargon,
        &[
            ("We sharded the orders table by region.", "sharded"),
            ("The consumer had to be idempotent.", "idempotent"),
            ("It runs on k8s behind an API gateway.", "k8s"),
            ("We moved the jobs to Spark.", "Spark"),
            ("p99 latency was 850 ms.", "p99"),
        ],
    );
    must_not(
        CueKind::Jargon,
        &[
            "Go live was on a Tuesday.",
            "The spark for the idea came from a support call.",
            "We rallied the team around one goal.",
            "Customer service was swamped.",
            "Run `kubectl apply` and wait.",
        ],
    );
    // Soft terms are jargon, but weak.
    assert_eq!(
        found("Our database was slow.", CueKind::Jargon),
        vec![("database".into(), true)]
    );

    must(
        CueKind::Technology,
        &[
            ("I implemented a new caching layer.", "implemented"),
            ("We migrated the monolith to microservices.", "migrated"),
            ("Our team adopted Kafka last spring.", "Kafka"),
        ],
    );
    must_not(
        CueKind::Technology,
        &[
            "Shoppers were abandoning carts on slow phones.",
            "I built a case for a second support shift.",
            "The tool was adopted by 40 teams.",
        ],
    );
}

#[test]
fn jargon_density() {
    let reading = |t: &str| jargon(t, &Words::new(t));
    // Dense, and nobody in it but machines.
    for text in [
        "We spent 6 weeks moving 40 microservices off EC2 onto EKS with Helm charts and Istio.",
        "Used Kafka consumer groups with idempotent producers and a dead-letter queue for poison messages.",
        "I designed and implemented a fault-tolerant message queue on Kafka with exactly-once semantics and 100K messages per second throughput.",
        "Switched the read path to a write-through cache over DynamoDB with consistent hashing.",
    ] {
        let r = reading(text);
        assert!(r.is_heavy(), "{text:?}: {r:?}");
    }
    for text in [
        // Customers or money in the sentence.
        "Reduced p99 latency of the gRPC gateway from 850 ms to 285 ms, cutting checkout abandonment by 4%.",
        "I weighed a read replica, a cache in front of the API and sharding, and picked the one that kept costs flat.",
        // Soft words only: ordinary business English.
        "The API and the database were slow under load, and the server kept timing out.",
        // One hard term in a long sentence.
        "After weeks of arguing about scope, we finally agreed to move the nightly report to Postgres and call it done.",
        // Code is not prose.
        "Then run `kubectl rollout restart deployment/api --namespace=prod` on the EKS cluster.",
        "",
    ] {
        let r = reading(text);
        assert!(!r.is_heavy(), "{text:?}: {r:?}");
    }
    let r = reading("Our API was slow.");
    assert_eq!((r.terms.len(), r.weight, r.hard_terms), (1, 0.5, 0));
}

#[test]
fn pronouns() {
    let singular = |t: &str| {
        found(t, CueKind::FirstPersonSingular)
            .into_iter()
            .map(|(w, _)| w)
            .collect::<Vec<_>>()
    };
    let plural = |t: &str| {
        found(t, CueKind::FirstPersonPlural)
            .into_iter()
            .map(|(w, _)| w)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        singular("I told my manager, and she asked me why."),
        ["I", "my", "me"]
    );
    assert_eq!(
        plural("We shipped our fix and they thanked us."),
        ["We", "our", "us"]
    );
    assert_eq!(singular("i'm not sure i'd do it again"), ["i'm", "i'd"]);
    // Someone else's words, a roman numeral, I/O, the country.
    assert!(plural("The VP said \u{201C}we are not doing this\u{201D} and left.").is_empty());
    assert!(plural("Her reply was \"we can wait\".").is_empty());
    assert!(singular("In Phase I the I/O layer stayed as it was.").is_empty());
    assert!(plural("Our US customers").len() == 1);
    assert!(singular("Drive north on I-95.").is_empty());
}

#[test]
fn negation_and_hypothetical_make_parts_weak() {
    assert_eq!(
        found("We never interviewed users.", VALIDATION),
        vec![("interviewed".into(), true)]
    );
    assert_eq!(
        found("We interviewed users, but never shipped.", VALIDATION),
        vec![("interviewed".into(), false)]
    );
    assert_eq!(
        found("I should have considered alternatives.", ALTERNATIVES),
        vec![("considered".into(), true), ("alternatives".into(), true)]
    );
    // The lesson itself is never weak.
    assert!(strong("Next time I would prototype first.", LEARNINGS));
    assert!(any("We didn't build it.", CueKind::Negation));
    assert!(any("We plan to survey drivers.", CueKind::Hypothetical));
    // "not only", "no longer" are not negations.
    assert!(!any(
        "It not only cut costs, customers no longer waited.",
        CueKind::Negation
    ));
    assert!(strong(
        "Customers no longer waited on hold, which cut support calls by 30%.",
        RESULTS
    ));
}

#[test]
fn placeholders() {
    let slots = |t: &str| {
        found(t, CueKind::Placeholder)
            .into_iter()
            .map(|(w, _)| w)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        slots("This cut [customer metric] by [result]."),
        ["[customer metric]", "[result]"]
    );
    assert_eq!(slots("TODO: numbers"), ["TODO"]);
    assert_eq!(slots("Launch date TBD."), ["TBD"]);
    assert_eq!(
        slots("Churn fell by XX% and we saved $X a month."),
        ["XX%", "$X"]
    );
    assert_eq!(slots("It saved N% of build time."), ["N%"]);
    assert_eq!(slots("It saved X hours a week."), ["X hours"]);
    assert_eq!(slots("Latency went from ??? to 40 ms."), ["???"]);
    assert_eq!(slots("Revenue grew by ___ percent."), ["___"]);
    for text in [
        "See [the design doc](https://example.com/doc) for details.",
        "See [the RFC][rfc] and ![chart](chart.png).",
        "- [ ] write the summary",
        "- [x] write the summary",
        "As noted in [1], [2, 3] and the footnote[^note].",
        "We shipped Feature X to 20% of users.",
        "The 2x speedup held.",
        "I keep a todo list for every launch.",
        "Really?",
        "Use `[baseline]` as the key.",
        "It was [sic] a disaster.",
        "The snake_case name stayed.",
    ] {
        assert!(slots(text).is_empty(), "{text:?}: {:?}", slots(text));
    }
}

#[test]
fn masked_text_is_not_prose() {
    assert!(!any(
        "See [docs](https://example.com/customers/revenue).",
        CueKind::Customer
    ));
    assert!(!any(
        "Set `users_table` and <span class=\"customers\">x</span>.",
        CueKind::Customer
    ));
    assert!(!any(
        "Read https://example.com/improved-checkout first.",
        CueKind::Improvement
    ));
}

#[test]
fn heading_parts_table() {
    let table: &[(&str, Option<Part>)] = &[
        ("## The problem", Some(Part::Problem)),
        ("Problem", Some(Part::Problem)),
        ("### Why it mattered", Some(Part::Problem)),
        ("## Situation", Some(Part::Problem)),
        ("## How I validated it", Some(Part::Validation)),
        ("## Customer research", Some(Part::Validation)),
        ("## Trade-offs", Some(Part::Alternatives)),
        ("## Options considered", Some(Part::Alternatives)),
        ("## What I did", Some(Part::Actions)),
        ("## Approach", Some(Part::Actions)),
        ("## Results", Some(Part::Results)),
        ("## Impact", Some(Part::Results)),
        ("## Results: 40% fewer tickets", Some(Part::Results)),
        ("## 4. Outcome", Some(Part::Results)),
        ("## **Results**", Some(Part::Results)),
        ("## What I learned", Some(Part::Learnings)),
        (
            "## What I would do differently next time",
            Some(Part::Learnings),
        ),
        ("## Lessons learned ##", Some(Part::Learnings)),
        ("## Part II: Learnings", Some(Part::Learnings)),
        ("## The problem with checkout", Some(Part::Problem)),
        // Titles and other sections name no part.
        ("# Cutting checkout abandonment on slow phones", None),
        ("## Data pipeline redesign", None),
        ("## Timeline", None),
        ("## Appendix", None),
        ("## Task", None),
        ("", None),
        ("##", None),
        ("## 🚀 🚀", None),
    ];
    for (heading, expected) in table {
        assert_eq!(heading_part(heading), *expected, "{heading:?}");
    }
    assert_eq!(
        heading_parts("## Results and learnings"),
        vec![Part::Results, Part::Learnings]
    );
}

#[test]
fn label_parts_table() {
    let table: &[(&str, Option<(Part, &str)>)] = &[
        (
            "Result: churn fell 2 points.",
            Some((Part::Results, "Result:")),
        ),
        (
            "**Problem:** sellers could not edit listings.",
            Some((Part::Problem, "**Problem:**")),
        ),
        (
            "**Problem**: sellers could not edit listings.",
            Some((Part::Problem, "**Problem**:")),
        ),
        (
            "__Impact__ \u{2014} 30% fewer calls.",
            Some((Part::Results, "__Impact__ \u{2014}")),
        ),
        (
            "Lesson learned - ship the small version first.",
            Some((Part::Learnings, "Lesson learned -")),
        ),
        (
            "  - Trade-offs: latency against cost.",
            Some((Part::Alternatives, "Trade-offs:")),
        ),
        (
            "1. Validation: we piloted in two stores.",
            Some((Part::Validation, "Validation:")),
        ),
        (
            "*What I learned:* slow down.",
            Some((Part::Learnings, "*What I learned:*")),
        ),
        (
            "**Results**\nChurn fell.",
            Some((Part::Results, "**Results**")),
        ),
        // Not labels.
        ("Note: the numbers are estimates.", None),
        (
            "Results-driven engineer with ten years of experience.",
            None,
        ),
        ("Customers: 40% of them never came back.", None),
        ("The result was a 20% drop in tickets.", None),
        (
            "In the end the problem was the data: nobody trusted it.",
            None,
        ),
        ("**Bold claim** about results.", None),
        ("", None),
        ("🚀: launch", None),
    ];
    for (text, expected) in table {
        let got = label_part(text).map(|(p, r)| (p, &text[r]));
        assert_eq!(got, *expected, "{text:?}");
    }
}

#[test]
fn ranges_are_exact_with_emoji_and_cjk() {
    for text in [
        "🚀 客户 I partnered with 物流 the payments team 🎉 and shoppers stopped abandoning carts.",
        "日本語の文。I interviewed 12 customers 👩‍💻 — then TODO [baseline] XX% ???",
        "“we” said 🙂 the VP; I learned that Kafka ≠ a plan, and revenue rose 5%.",
    ] {
        let all = cues(text);
        assert!(!all.is_empty());
        for c in &all {
            assert!(
                text.is_char_boundary(c.range.start) && text.is_char_boundary(c.range.end),
                "{c:?}"
            );
            let slice = &text[c.range.clone()];
            assert!(
                !slice.is_empty() && slice.trim() == slice,
                "{c:?} {slice:?}"
            );
        }
    }
    let text = "🚀 客户 I partnered with 物流 the payments team 🎉";
    assert_eq!(found(text, CueKind::Collaboration)[0].0, "partnered with");
    assert_eq!(found(text, CueKind::FirstPersonSingular)[0].0, "I");
    let text = "日本語の文。I interviewed 12 customers 👩‍💻 — then TODO [baseline] XX% ???";
    assert_eq!(
        found(text, CueKind::Placeholder)
            .into_iter()
            .map(|(w, _)| w)
            .collect::<Vec<_>>(),
        ["TODO", "[baseline]", "XX%", "???"]
    );
    assert_eq!(found(text, VALIDATION)[0].0, "interviewed");
    // A label must open the text and hold only part words.
    assert_eq!(label_part("**结果 Results:** 🎉 done"), None);
    assert_eq!(label_part("👉 **Results:** 🎉 done"), None);
    let text = "**Results:** 🎉 客户 done";
    let (part, range) = label_part(text).expect("a label");
    assert_eq!((part, &text[range]), (Part::Results, "**Results:**"));
}

#[test]
fn never_panics_on_odd_input() {
    let long = "I improved the [baseline] by XX% ".repeat(2000);
    for text in [
        "", " ", "[", "]", "[]", "[[", "`", "``", "```", "<", "<a", "](", "](x", "$", "$X", "%",
        "???", "I", "\"", "\u{201C}", "**", "**:", "- ", "1.", "1. ", "#", "###### ", "\u{200B}",
        "e\u{301}", "x%", &long,
    ] {
        let words = Words::new(text);
        let all = sentence_cues(text, &words);
        for c in &all {
            assert!(text.get(c.range.clone()).is_some());
        }
        let _ = jargon(text, &words);
        let _ = heading_part(text);
        if let Some((_, r)) = label_part(text) {
            assert!(text.get(r).is_some());
        }
    }
}

#[test]
fn states_customer_problem_needs_pain_and_whose() {
    let says = |t: &str| states_customer_problem(&cues(t));
    assert!(says(
        "Shoppers kept abandoning their carts at the payment step."
    ));
    assert!(says(
        "The outage was costing us about $30K in revenue per hour."
    ));
    assert!(!says("The build was slow."));
    assert!(!says("Customers didn't complain."));
    assert_eq!(
        strong_parts(&cues("I interviewed 5 users and learned nothing new.")),
        vec![Part::Validation, Part::Actions]
    );
}

/// The people an internal tool serves are its customers where they are the ones hurting; anywhere
/// else they are the people the writer worked with.
#[test]
fn people_inside_the_company_are_customers_only_when_hurting() {
    let says = |t: &str| states_customer_problem(&cues(t));
    for t in [
        "Our 300 product developers waited about 40 minutes for every deploy.",
        "Data analysts spent 6 hours a week reconciling the reports by hand.",
        "On-call engineers were frustrated by alerts that fired for nothing.",
        "Warehouse planners couldn't see stock levels until the next morning.",
        "Teams across the company were blocked for a week on every schema change.",
        "Moderators struggled to keep up with the queue during launches.",
    ] {
        assert!(says(t), "a problem of the people served: {t}");
    }
    for t in [
        // The writer's own team, or people worked with.
        "My engineers were frustrated by the flaky integration tests.",
        "I worked with two developers and a designer on the new flow.",
        "I hired three engineers, and the migration was slow at first.",
        // Not hurting, or not in the same clause as the pain.
        "Developers adopted the new template within a week.",
        "The analysts reviewed the plan, but the data was incomplete.",
        // Negated or hypothetical pain.
        "Developers didn't complain about the old pipeline.",
        // A system named after them.
        "The analysts table in the warehouse was slow to load.",
    ] {
        assert!(!says(t), "not a customer problem: {t}");
    }
}

mod prop {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn ranges_lie_on_char_boundaries(text in "(\\PC|[\\[\\]`*_$%?#:<>()\"“”I ]){0,80}") {
            let words = Words::new(&text);
            for c in sentence_cues(&text, &words) {
                prop_assert!(text.get(c.range.clone()).is_some_and(|s| !s.is_empty()), "{:?}", c);
            }
            if let Some((_, r)) = label_part(&text) {
                prop_assert!(text.get(r).is_some());
            }
            let _ = heading_parts(&text);
            let _ = jargon(&text, &words);
        }
    }
}
