//! The generated portfolio both benchmarks measure: case studies with headings, paragraphs, bullet and
//! numbered lists, a block quote, a code block, a table, emoji, CJK and one long single-line paragraph
//! each. Every sentence carries a number of its own, so no two sentences (and no two blocks) are equal
//! and the content caches get no free hits from repetition.

const SENTENCES: &[&str] = &[
    "Sellers on our marketplace 🛒 abandoned onboarding at the tax step, and support saw about {n} tickets a week from them.",
    "I interviewed {n} sellers and ran a two-week A/B test with 4,000 accounts before I asked the payments team to change anything.",
    "We weighed building our own form against licensing a provider; I chose the provider because it saved {n} weeks of engineering work.",
    "The payments team had other priorities, so I brought them a prototype and {n} support tickets, and they agreed to review the change.",
    "Completion rose from 52% to 71%, and new listings grew by {n} a month, about $1.2M in annual fees.",
    "In hindsight I would have involved the tax team earlier, because their review added {n} days at the end.",
    "日本の出品者にも同じ問題があった（{n}件）。 I improved the help text significantly.",
    "Latency at p99 fell from {n} ms to 210 ms 🚀 after I moved the validation off the request path.",
    "Checkout got much better for shoppers in Japan 日本 and Brazil 🇧🇷, and refunds dropped by {n} a week.",
    "I helped with the rollout of release {n} and we shipped it on time.",
];

/// A portfolio of at least `words` words of prose.
pub fn portfolio(words: usize) -> String {
    let mut text = String::new();
    let mut count = 0;
    let mut story = 0;
    let mut k = 0usize;
    let mut next = |n: usize| {
        let s: Vec<String> = (0..n)
            .map(|i| {
                k += 1;
                SENTENCES[(k + i * 3) % SENTENCES.len()].replace("{n}", &(100 + k).to_string())
            })
            .collect();
        s.join(" ")
    };
    let add = |text: &mut String, prose: String, prefix: &str, count: &mut usize| {
        *count += prose.split_whitespace().count();
        text.push_str(prefix);
        text.push_str(&prose);
        text.push_str("\n\n");
    };
    while count < words {
        story += 1;
        text.push_str(&format!(
            "## Case study {story}: the seller onboarding 🧾 rewrite\n\n"
        ));
        add(&mut text, next(3), "", &mut count);
        text.push_str("### What I did\n\n");
        for _ in 0..3 {
            add(&mut text, next(1), "- ", &mut count);
        }
        text.push_str("```rust\nfn validate(profile: &TaxProfile) -> Result<(), Error> {\n    profile.check()\n}\n```\n\n");
        // A long line: one paragraph of 12 sentences without a line break.
        add(&mut text, next(12), "", &mut count);
        text.push_str("| metric | before | after |\n|---|---|---|\n| completion | 52% | 71% |\n\n");
        text.push_str("### Results\n\n");
        add(&mut text, next(2), "1. ", &mut count);
        add(&mut text, next(2), "> ", &mut count);
    }
    text
}

/// Where typing happens: after the first word of the first paragraph past the middle of the document
/// that opens with the same sentence ("In hindsight…") and is not the long one-line paragraph, so every size
/// types into the same kind of sentence and paragraph: what an edit costs then differs by the size
/// of the document alone, not by which sentence the middle happened to fall in.
pub fn typing_point(text: &str) -> usize {
    let middle = text.len() / 2;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if offset >= middle && line.starts_with("In hindsight ") && line.len() < 400 {
            return offset + "In".len();
        }
        offset += line.len();
    }
    middle
}
