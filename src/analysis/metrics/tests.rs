use super::*;
use MetricKind::*;
use Unit::*;

/// (the metric's text, value, unit, kind, measure words when checked, rate when checked)
type Expect = (
    &'static str,
    f64,
    Unit,
    MetricKind,
    Option<&'static str>,
    Option<&'static str>,
);

fn metrics_of(text: &str) -> Vec<Metric> {
    find_metrics(text, &Words::new(text))
}

fn check(text: &str, expected: &[Expect]) {
    let found = metrics_of(text);
    let show: Vec<String> = found
        .iter()
        .map(|m| {
            format!(
                "{:?} {} {:?} {:?} {:?} {:?}",
                &text[m.range.clone()],
                m.value,
                m.unit,
                m.kind,
                m.measure.clone().map(|r| &text[r]),
                m.per
            )
        })
        .collect();
    assert_eq!(found.len(), expected.len(), "in {text:?} found {show:#?}");
    for (m, e) in found.iter().zip(expected) {
        let (t, v, u, k, measure, per) = *e;
        assert_eq!(&text[m.range.clone()], t, "range in {text:?}: {show:#?}");
        assert!(
            (m.value - v).abs() < 1e-9 * v.abs().max(1.0),
            "value of {t:?} in {text:?}: {show:#?}"
        );
        assert_eq!(m.unit, u, "unit of {t:?} in {text:?}");
        assert_eq!(m.kind, k, "kind of {t:?} in {text:?}: {show:#?}");
        if let Some(ms) = measure {
            assert_eq!(
                m.measure.clone().map(|r| &text[r]),
                Some(ms),
                "measure of {t:?} in {text:?}"
            );
        }
        if let Some(p) = per {
            assert_eq!(m.per.as_deref(), Some(p), "rate of {t:?} in {text:?}");
        }
    }
}

const FOUND: &[(&str, &[Expect])] = &[
    (
        "improved conversion from 2.1% to 2.6%",
        &[
            ("2.1%", 2.1, Percent, Business, Some("conversion"), None),
            ("2.6%", 2.6, Percent, Business, Some("conversion"), None),
        ],
    ),
    (
        "reduced p99 latency from 850 ms to 285 ms, cutting checkout abandonment by 4%",
        &[
            (
                "850 ms",
                850.0,
                Milliseconds,
                Technical,
                Some("p99 latency"),
                None,
            ),
            (
                "285 ms",
                285.0,
                Milliseconds,
                Technical,
                Some("p99 latency"),
                None,
            ),
            (
                "4%",
                4.0,
                Percent,
                Customer,
                Some("checkout abandonment"),
                None,
            ),
        ],
    ),
    (
        "which added $1.5M in incremental annual revenue",
        &[(
            "$1.5M",
            1.5e6,
            Money,
            Business,
            Some("incremental annual revenue"),
            Some("per year"),
        )],
    ),
    (
        "the new pipeline ended up saving 20 developer-hours per week",
        &[(
            "20 developer-hours per week",
            20.0,
            Hours,
            Business,
            Some("developer-hours"),
            Some("per week"),
        )],
    ),
    (
        "pushing 100K messages/second at <10ms latency",
        &[
            ("100K", 1e5, Count, Technical, None, Some("per second")),
            (
                "<10ms",
                10.0,
                Milliseconds,
                Technical,
                Some("latency"),
                None,
            ),
        ],
    ),
    (
        "dashboards went dark for 4 hours daily",
        &[(
            "4 hours daily",
            4.0,
            Hours,
            Unclassified,
            None,
            Some("per day"),
        )],
    ),
    (
        "freed the team for 3 additional feature iterations per quarter",
        &[(
            "3",
            3.0,
            Count,
            Business,
            Some("additional feature iterations"),
            Some("per quarter"),
        )],
    ),
    (
        "we processed 8,000 per week by spring",
        &[(
            "8,000 per week",
            8000.0,
            Count,
            Unclassified,
            None,
            Some("per week"),
        )],
    ),
    (
        "a 15% increase in average session duration",
        &[(
            "15%",
            15.0,
            Percent,
            Customer,
            Some("average session duration"),
            None,
        )],
    ),
    (
        "we cut the number of critical alerts by about 50%",
        &[(
            "50%",
            50.0,
            Percent,
            Technical,
            Some("critical alerts"),
            None,
        )],
    ),
    (
        "pages took 3-second load times on mobile",
        &[(
            "3-second",
            3.0,
            Seconds,
            Technical,
            Some("load times"),
            None,
        )],
    ),
    (
        "alerts dropped from 120 to 15 a week",
        &[
            ("120", 120.0, Count, Technical, Some("alerts"), None),
            (
                "15 a week",
                15.0,
                Count,
                Technical,
                Some("alerts"),
                Some("per week"),
            ),
        ],
    ),
    (
        "Latency is now 50 ms, down from 500 ms.",
        &[
            ("50 ms", 50.0, Milliseconds, Technical, None, None),
            ("500 ms", 500.0, Milliseconds, Technical, None, None),
        ],
    ),
    (
        "saved €3bn and £250k for the org",
        &[
            ("€3bn", 3e9, Money, Business, None, None),
            ("£250k", 250e3, Money, Business, None, None),
        ],
    ),
    (
        "roughly US$5 million, or 2 million dollars net",
        &[
            ("US$5 million", 5e6, Money, Business, None, None),
            ("2 million dollars", 2e6, Money, Business, None, None),
        ],
    ),
    (
        "about $40 per order",
        &[(
            "$40 per order",
            40.0,
            Money,
            Business,
            None,
            Some("per order"),
        )],
    ),
    (
        "we reached 1.2 million users and 500k DAU",
        &[
            ("1.2 million", 1.2e6, Count, Customer, Some("users"), None),
            ("500k", 5e5, Count, Customer, Some("DAU"), None),
        ],
    ),
    (
        "10× throughput; queries got 3 times faster",
        &[
            ("10×", 10.0, Multiplier, Technical, Some("throughput"), None),
            ("3 times", 3.0, Multiplier, Technical, None, None),
        ],
    ),
    (
        "the cache made reads 3x faster",
        &[("3x", 3.0, Multiplier, Unclassified, None, None)],
    ),
    (
        "storage dropped from 2 TB to 500 GB",
        &[
            ("2 TB", 2e12, Bytes, Technical, Some("storage"), None),
            ("500 GB", 5e11, Bytes, Technical, Some("storage"), None),
        ],
    ),
    (
        "we serve 2,000,000 requests a day and 30K QPS with a 0.1% error rate",
        &[
            (
                "2,000,000",
                2e6,
                Count,
                Technical,
                Some("requests"),
                Some("per day"),
            ),
            (
                "30K",
                3e4,
                Count,
                Technical,
                Some("QPS"),
                Some("per second"),
            ),
            ("0.1%", 0.1, Percent, Technical, Some("error rate"), None),
        ],
    ),
    (
        "sub-10ms p99 and ~40% fewer support tickets",
        &[
            ("10ms", 10.0, Milliseconds, Technical, Some("p99"), None),
            (
                "~40%",
                40.0,
                Percent,
                Customer,
                Some("support tickets"),
                None,
            ),
        ],
    ),
    (
        "our NPS went 32 → 51",
        &[
            ("32", 32.0, Count, Customer, Some("NPS"), None),
            ("51", 51.0, Count, Customer, Some("NPS"), None),
        ],
    ),
    (
        "NPS rose 12 points while churn fell 1.5 percentage points",
        &[
            ("12 points", 12.0, Points, Customer, Some("NPS"), None),
            (
                "1.5 percentage points",
                1.5,
                PercentagePoints,
                Business,
                Some("churn"),
                None,
            ),
        ],
    ),
    (
        "revenue grew 10-15% and onboarding took 2 to 3 days",
        &[
            ("10-15%", 10.0, Percent, Business, Some("revenue"), None),
            ("2 to 3 days", 2.0, Days, Customer, None, None),
        ],
    ),
    (
        "app rating climbed 3.9 to 4.4 stars",
        &[
            ("3.9", 3.9, Count, Customer, None, None),
            ("4.4", 4.4, Count, Customer, None, None),
        ],
    ),
    (
        "the app is rated 3.9 to 4.4 stars",
        &[("3.9 to 4.4", 3.9, Count, Customer, Some("stars"), None)],
    ),
    (
        "$2-3M in savings",
        &[("$2-3M", 2e6, Money, Business, Some("savings"), None)],
    ),
    (
        "build time went from 2 hours to 15 minutes",
        &[
            ("2 hours", 2.0, Hours, Technical, Some("build time"), None),
            (
                "15 minutes",
                15.0,
                Minutes,
                Technical,
                Some("build time"),
                None,
            ),
        ],
    ),
    (
        "our AWS bill fell by $120K annually",
        &[(
            "$120K annually",
            120e3,
            Money,
            Business,
            Some("bill"),
            Some("per year"),
        )],
    ),
    (
        "compute cost dropped 35%",
        &[("35%", 35.0, Percent, Business, Some("compute cost"), None)],
    ),
    (
        "a 0.5% abandonment rate at checkout",
        &[(
            "0.5%",
            0.5,
            Percent,
            Customer,
            Some("abandonment rate"),
            None,
        )],
    ),
    (
        "uptime held at 99.95%",
        &[("99.95%", 99.95, Percent, Technical, Some("uptime"), None)],
    ),
    (
        "10Gbps links and 12 GB heaps",
        &[
            ("10Gbps", 1e10, BitsPerSecond, Technical, None, None),
            ("12 GB", 12e9, Bytes, Technical, None, None),
        ],
    ),
    (
        "we shipped in 6 weeks",
        &[("6 weeks", 6.0, Weeks, Unclassified, None, None)],
    ),
    (
        "12 customers per day called in",
        &[(
            "12",
            12.0,
            Count,
            Customer,
            Some("customers"),
            Some("per day"),
        )],
    ),
    (
        "took 40 engineering hours a sprint",
        &[(
            "40 engineering hours a sprint",
            40.0,
            Hours,
            Business,
            None,
            Some("per sprint"),
        )],
    ),
    (
        "cost per order fell 12 percent",
        &[(
            "12 percent",
            12.0,
            Percent,
            Business,
            Some("cost per order"),
            None,
        )],
    ),
    (
        "CPU usage dropped to 40%, saving 30 basis points of margin",
        &[
            ("40%", 40.0, Percent, Technical, Some("CPU usage"), None),
            (
                "30 basis points",
                0.3,
                PercentagePoints,
                Business,
                Some("margin"),
                None,
            ),
        ],
    ),
    // Byte ranges stay exact around emoji and CJK.
    (
        "🚀 日本語のチーム reduced p99 latency from 850 ms to 285 ms 🎉，退货 abandonment by 4% ✅",
        &[
            (
                "850 ms",
                850.0,
                Milliseconds,
                Technical,
                Some("p99 latency"),
                None,
            ),
            (
                "285 ms",
                285.0,
                Milliseconds,
                Technical,
                Some("p99 latency"),
                None,
            ),
            ("4%", 4.0, Percent, Customer, Some("abandonment"), None),
        ],
    ),
    (
        "收入 grew to $2M 💰 and 30% 的 churn",
        &[
            ("$2M", 2e6, Money, Business, None, None),
            ("30%", 30.0, Percent, Business, None, None),
        ],
    ),
    (
        "1. Reduced latency by 30%\n2. Cut costs by $10K",
        &[
            ("30%", 30.0, Percent, Technical, Some("latency"), None),
            ("$10K", 1e4, Money, Business, Some("costs"), None),
        ],
    ),
];

/// Hard negatives: numbers that are not metrics.
const NOT_METRICS: &[&str] = &[
    "In 2023 I joined as an L6 engineer.",
    "By Q3 2024 we had shipped v2.3 on Python 3.11 and Node 18.",
    "Pick 2-3 principles, one of the 16 principles, for 3-4 significant projects.",
    "We were on-call 24/7 and chased 404 errors and HTTP 500 pages.",
    "The review was on March 5 at 3pm, then again at 10:30 on 2023-05-12.",
    "We run EC2 and S3 behind JIRA-4521; COVID-19 hit; P0 and SEV2 incidents; version 3.2.1.",
    "We came 1st, then 3rd; a 3-tier app built by a 2-pizza team.",
    "I interviewed 12 customers and led a team of 5 engineers.",
    "Mentors in their 20s during the 1990s.",
    "In sprint 14 latency was the focus, and in week 3 we paused.",
    "See step 2 and option 3 (1) of the plan.",
    "The project spanned 2019-2021.",
    "We had 3 meetings and 4 stakeholders.",
    "Status 503 came back, fix in PR 1234 and ticket 88.",
    "",
    "no numbers here at all 🙂",
];

#[test]
fn finds_metrics_with_units_measures_and_kinds() {
    for (text, expected) in FOUND {
        check(text, expected);
    }
}

#[test]
fn ignores_numbers_that_are_not_metrics() {
    for text in NOT_METRICS {
        check(text, &[]);
    }
}

/// (text, pairs as (from, to, stated), a fragment of the expected finding or None when consistent)
type ChangeRow = (
    &'static str,
    &'static [(&'static str, &'static str, Option<&'static str>)],
    Option<&'static str>,
);

const CHANGES: &[ChangeRow] = &[
    // Consistent: must not be flagged.
    (
        "improved conversion from 2.1% to 2.6%",
        &[("2.1%", "2.6%", None)],
        None,
    ),
    (
        "reduced p99 latency from 850 ms to 285 ms, cutting checkout abandonment by 4%",
        &[("850 ms", "285 ms", None)],
        None,
    ),
    (
        "cut API latency from 500ms to 50ms, a 90% reduction",
        &[("500ms", "50ms", Some("90%"))],
        None,
    ),
    (
        "from 500 ms to 50 ms (10x faster)",
        &[("500 ms", "50 ms", Some("10x"))],
        None,
    ),
    (
        "conversion went from 2% to 3%, a 1% increase",
        &[("2%", "3%", Some("1%"))],
        None,
    ),
    (
        "conversion went from 2% to 3%, a 50% increase",
        &[("2%", "3%", Some("50%"))],
        None,
    ),
    (
        "conversion went from 2% to 3%, up 1 pp",
        &[("2%", "3%", Some("1 pp"))],
        None,
    ),
    (
        "Build time went from 2 hours to 15 minutes, an 87% reduction.",
        &[("2 hours", "15 minutes", Some("87%"))],
        None,
    ),
    (
        "cut latency by 50%, from 500 ms to 250 ms",
        &[("500 ms", "250 ms", Some("50%"))],
        None,
    ),
    (
        "Latency is now 50 ms, down from 500 ms, a 90% drop.",
        &[("500 ms", "50 ms", Some("90%"))],
        None,
    ),
    (
        "p95 fell from 400 ms to 210 ms, nearly halving it, a 48% cut",
        &[("400 ms", "210 ms", Some("48%"))],
        None,
    ),
    (
        "tickets fell from 1,200 to 300 a month, more than 70% fewer",
        &[("1,200", "300 a month", Some("70%"))],
        None,
    ),
    (
        "errors: 2.0% → 0.5%, a 4x improvement",
        &[("2.0%", "0.5%", Some("4x"))],
        None,
    ),
    (
        "reduced latency from 500 ms to 50 ms. Revenue rose 50%.",
        &[("500 ms", "50 ms", None)],
        None,
    ),
    (
        "We went from $1.2 to $1.8M ARR, 50% growth",
        &[("$1.2", "$1.8M", Some("50%"))],
        None,
    ),
    (
        "cut build time 40 to 12 minutes, roughly 70% faster",
        &[("40", "12 minutes", Some("70%"))],
        None,
    ),
    (
        "got checkout p50 down 1.2s->400ms which is like 3x",
        &[("1.2s", "400ms", Some("3x"))],
        None,
    ),
    (
        "Tickets/week: 340 → 120 (-65%)",
        &[("340", "120", Some("-65%"))],
        None,
    ),
    (
        "weekly active sellers grew from 1,100 to 4,300 — nearly 4x.",
        &[("1,100", "4,300", Some("4x"))],
        None,
    ),
    (
        "we got the error rate to 0.2% from 1.1%, an 80% drop",
        &[("1.1%", "0.2%", Some("80%"))],
        None,
    ),
    // Inconsistent: must be flagged.
    (
        "Tickets/week: 340 → 120 (-35%)",
        &[("340", "120", Some("-35%"))],
        Some("65% cut"),
    ),
    (
        "weekly active sellers grew from 1,100 to 4,300, a 2x jump",
        &[("1,100", "4,300", Some("2x"))],
        Some("3.9x, not 2x"),
    ),
    (
        "reduced API latency from 500 ms to 50 ms, a 50% cut",
        &[("500 ms", "50 ms", Some("50%"))],
        Some("90% cut (10x), not 50%"),
    ),
    (
        "conversion went from 2% to 3%, a 20% increase",
        &[("2%", "3%", Some("20%"))],
        Some("50% rise"),
    ),
    (
        "from 500 ms to 50 ms, 3x faster",
        &[("500 ms", "50 ms", Some("3x"))],
        Some("10x, not 3x"),
    ),
    (
        "reduced latency from 200 ms to 500 ms",
        &[("200 ms", "500 ms", None)],
        Some("describes a cut"),
    ),
    (
        "churn went from 5% to 4%, a 20% increase",
        &[("5%", "4%", Some("20%"))],
        Some("opposite"),
    ),
    (
        "cut latency by 200 ms, from 500 ms to 50 ms",
        &[("500 ms", "50 ms", Some("200 ms"))],
        Some("change of 450"),
    ),
    (
        "conversion went from 2% to 3%, up 3 percentage points",
        &[("2%", "3%", Some("3 percentage points"))],
        Some("1 percentage points"),
    ),
];

#[test]
fn links_before_after_pairs_and_checks_their_arithmetic() {
    for (text, pairs, flag) in CHANGES {
        let metrics = metrics_of(text);
        let changes = find_changes(text, &metrics);
        let q = |i: usize| &text[metrics[i].range.clone()];
        let got: Vec<(&str, &str, Option<&str>)> = changes
            .iter()
            .map(|c| (q(c.from), q(c.to), c.stated.map(q)))
            .collect();
        assert_eq!(&got, pairs, "pairs in {text:?}");
        let found = inconsistencies(text, &metrics, &changes);
        match flag {
            None => assert!(found.is_empty(), "{text:?} wrongly flagged: {found:?}"),
            Some(fragment) => assert!(
                found.iter().any(|f| f.message.contains(fragment)),
                "{text:?} should say {fragment:?}, got {found:?}"
            ),
        }
    }
}

#[test]
fn flags_impossible_percentages() {
    for (text, flagged) in [
        ("we reduced costs by 150%", true),
        ("uptime hit 120%", true),
        ("revenue grew 150%", false),
        ("we made it 150% faster", false),
        ("the queue grew to 140% of capacity", false),
        ("cut costs by up to 100%", false),
    ] {
        let metrics = metrics_of(text);
        let found = inconsistencies(text, &metrics, &find_changes(text, &metrics));
        assert_eq!(!found.is_empty(), flagged, "{text:?}: {found:?}");
    }
}

#[test]
fn stated_changes_carry_a_direction() {
    for (text, dir) in [
        ("cutting response times by 30%", Direction::Down),
        ("a 7% uplift in purchases", Direction::Up),
        ("up 12% on the year", Direction::Up),
        ("reads got 3x faster", Direction::Either),
        ("+15% signups", Direction::Up),
        ("30% fewer complaints", Direction::Down),
    ] {
        let m = metrics_of(text);
        assert_eq!(
            m.first().and_then(|m| m.change),
            Some(dir),
            "{text:?}: {m:?}"
        );
    }
    assert_eq!(metrics_of("99% availability")[0].change, None);
}

#[test]
fn bounds_are_read() {
    for (text, bound) in [
        ("<10ms latency", Bound::AtMost),
        ("under 1 second load time", Bound::AtMost),
        ("over 2x faster", Bound::AtLeast),
        ("10K+ users", Bound::AtLeast),
        ("an estimated $500K", Bound::About),
        ("~40% fewer tickets", Bound::About),
        ("40% fewer tickets", Bound::Exact),
    ] {
        assert_eq!(metrics_of(text)[0].bound, bound, "{text:?}");
    }
}

#[test]
fn survives_any_input_with_ranges_on_char_boundaries() {
    let nasty = [
        "9".repeat(400),
        "$".repeat(50),
        "1,".repeat(100),
        "1.".repeat(100),
        "-1-2-3-4-".into(),
        "from 0 ms to 0 ms, a 0% cut".into(),
        "from 0% to 5%, a 10% increase".into(),
        "３０％ ５ms 🚀5🚀 5🚀x £".into(),
        "5\u{a0}%".into(),
        "×5 5× x5 5x×".into(),
        "1e9 1_000 0x1F 1/2 3:4 1..2 .5 5. ,5".into(),
        "per week 5 per".into(),
        "by by by 5% by".into(),
        "\u{202f}5\u{202f}ms\u{2009}per\u{2009}day".into(),
        "→ → 5 → → 6 →".into(),
    ];
    for text in nasty
        .iter()
        .map(String::as_str)
        .chain(FOUND.iter().map(|(t, _)| *t))
    {
        let metrics = metrics_of(text);
        let changes = find_changes(text, &metrics);
        let issues = inconsistencies(text, &metrics, &changes);
        for r in metrics
            .iter()
            .map(|m| m.range.clone())
            .chain(metrics.iter().filter_map(|m| m.measure.clone()))
            .chain(changes.iter().map(|c| c.range.clone()))
            .chain(issues.iter().map(|i| i.range.clone()))
        {
            assert!(
                text.get(r.clone()).is_some(),
                "{r:?} not on char boundaries in {text:?}"
            );
        }
    }
}

proptest::proptest! {
    #[test]
    fn never_panics(text in "[0-9a-zA-Z $€%.,:/×~<>+\\-→🚀日本]{0,60}") {
        let metrics = metrics_of(&text);
        let changes = find_changes(&text, &metrics);
        let _ = inconsistencies(&text, &metrics, &changes);
        for m in &metrics {
            proptest::prop_assert!(text.get(m.range.clone()).is_some());
        }
    }
}

mod long_input {
    use super::*;

    #[test]
    fn long_single_line_text_stays_fast() {
        let unit = "🚀 reduced p99 latency from 850 ms to 285 ms, a 66% cut, saving $1.5M and 20 developer-hours per week; ";
        let text = unit.repeat(2000).replace("; ", ", ");
        let words = Words::new(&text);
        let metrics = find_metrics(&text, &words);
        let changes = find_changes(&text, &metrics);
        let _ = inconsistencies(&text, &metrics, &changes);
        assert_eq!(metrics.len(), 5 * 2000);
    }
}

#[test]
fn time_freed_for_people_is_business_and_for_machines_technical() {
    let kinds = |text: &str| metrics_of(text).iter().map(|m| m.kind).collect::<Vec<_>>();
    // Hours given back to people are what the work saved, like "saved 300 hours".
    assert_eq!(
        kinds("It freed up 300 hours a month for the support team."),
        [Business]
    );
    assert_eq!(
        kinds("It gave back 300 hours a month to the team."),
        [Business]
    );
    assert_eq!(
        kinds("The new runbook handed back 12 hours a week to the support team."),
        [Business]
    );
    // A machine's resources freed are still the system's numbers.
    assert_eq!(
        kinds("The cache freed up 30% of CPU on the fleet."),
        [Technical]
    );
    assert_eq!(kinds("It freed up 2 GB of memory per host."), [Technical]);
}

#[test]
fn appointments_missed_and_waits_are_what_customers_feel() {
    let kinds = |text: &str| metrics_of(text).iter().map(|m| m.kind).collect::<Vec<_>>();
    assert_eq!(
        kinds("In the pilot, no-shows fell from 22% to 13%."),
        [Customer, Customer]
    );
    assert_eq!(
        kinds("The freed slots cut the wait for a new appointment from 14 days to 9."),
        [Customer, Customer]
    );
    assert_eq!(kinds("Missed appointments dropped by 30%."), [Customer]);
    // A phrase that names a machine's wait still wins over the bare word.
    assert_eq!(
        kinds("Queue lag fell from 80 ms to 5 ms."),
        [Technical, Technical]
    );
}
