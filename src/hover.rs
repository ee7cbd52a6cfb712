//! What the coach says when the writer hovers: over a sentence, the Leadership Principles it shows (first
//! line, by exact name, strongest first — or that it shows none), the evidence, and the interviewer's next
//! question; over a case study's heading, its scorecard. Plain markdown: the protocol layer only wraps it.

use crate::analysis::cues::Part;
use crate::analysis::lexicon::Words;
use crate::analysis::metrics::MetricKind;
use crate::analysis::principles::{self, Principle, PrincipleReading, Strength};
use crate::analysis::SentenceFacts;
use crate::prose::CaseStudy;
use crate::review::Review;
use crate::rules::rule;
use std::collections::BTreeMap;
use std::ops::Range;

/// A hover: the markdown to show and the document range it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoverText {
    pub range: Range<usize>,
    pub markdown: String,
}

pub const SHOWS_NONE: &str = "**Shows no Leadership Principle**";

/// The first line of a sentence's hover: the principles it shows, strongest first.
pub fn shows_line(principles: &[Principle]) -> String {
    if principles.is_empty() {
        return SHOWS_NONE.to_string();
    }
    let names: Vec<_> = principles.iter().map(|p| p.name()).collect();
    format!("**Shows:** {}", names.join(" · "))
}

/// The hover at document offset `offset`, if it is over a sentence or a case study's heading.
pub fn hover(review: &Review, offset: usize) -> Option<HoverText> {
    let index = review.prose.block_index_at(offset)?;
    let block = &review.prose.blocks[index];
    if block.heading_level().is_some() {
        let study = review
            .prose
            .studies
            .iter()
            .find(|s| s.heading == Some(index))?;
        return Some(HoverText {
            range: block.range.clone(),
            markdown: scorecard(&Scorecard::of(review, study)),
        });
    }
    let (n, range) = block.sentence_at(offset)?;
    let sentence = &review.blocks[index].facts.sentences[n];
    let text = &block.prose.prose[sentence.range.clone()];
    let mut md = sentence_hover(text, sentence);
    let findings: Vec<_> = review
        .findings
        .iter()
        .filter(|f| f.range.start >= range.start && f.range.end <= range.end)
        .collect();
    if !findings.is_empty() {
        md.push_str("\n\n---\n**What an interviewer will mark down here**\n");
        for f in findings {
            md.push_str(&format!("\n- `{}` — {}", f.rule, f.message));
            // Why it matters, as a paragraph of its own under the finding: messages end in a question
            // or an instruction, and the reason read on from them as one sentence. In underscores, as
            // a reason may stress a word with asterisks.
            if let Some(rule) = rule(f.rule) {
                md.push_str(&format!("\n\n  _{}_\n", rule.doc.why));
            }
        }
    }
    Some(HoverText {
        range,
        markdown: md,
    })
}

/// Whether all the evidence of `reading` is numbers that moved ("fell from 18% to 11%"): a result.
fn is_result(sentence: &SentenceFacts, reading: &PrincipleReading) -> bool {
    reading.evidence.iter().all(|e| {
        sentence
            .metrics
            .iter()
            .any(|m| m.range.start < e.range.end && e.range.start < m.range.end)
    })
}

/// The evidence words of `reading`, each in quotes.
fn quoted(text: &str, reading: &PrincipleReading) -> Vec<String> {
    reading
        .evidence
        .iter()
        .map(|e| format!("“{}”", text.get(e.range.clone()).unwrap_or("").trim()))
        .collect()
}

fn sentence_hover(text: &str, sentence: &SentenceFacts) -> String {
    let shown: Vec<Principle> = sentence.principles.iter().map(|r| r.principle).collect();
    let mut md = shows_line(&shown);
    if sentence.principles.is_empty() {
        md.push_str("\n\nNo words here show a principle through something you did.");
    }
    for reading in &sentence.principles {
        let strength = match reading.strength {
            Strength::Strong => "strong",
            Strength::Some => "some",
        };
        md.push_str(&format!(
            "\n\n**{}** ({strength})",
            reading.principle.name()
        ));
        // Evidence with one reason (the words a sentence leans on, say) is one line.
        for group in reading.evidence.chunk_by(|a, b| a.reason == b.reason) {
            let words: Vec<String> = group
                .iter()
                .map(|e| format!("“{}”", text.get(e.range.clone()).unwrap_or("").trim()))
                .collect();
            md.push_str(&format!("\n- {} — {}", words.join(", "), group[0].reason));
        }
    }
    if let Some(first) = sentence.principles.first() {
        md.push_str(&format!(
            "\n\n**Next question:** {}",
            first.principle.follow_up()
        ));
    }
    for (principle, _) in &sentence.named {
        md.push_str(&format!(
            "\n\n*Names* {} outright: interviewers want it shown by an action, not claimed.",
            principle.name()
        ));
    }
    // A measure that moved, with no one in the sentence ("Latency fell from 12 s to 2 s"): a results line is
    // shown as the story's result, but the note asks the writer to tie it to what they did.
    let writer_acts = principles::writer_acts(text, &Words::new(text));
    for reading in &sentence.principles {
        if !writer_acts && is_result(sentence, reading) {
            md.push_str(&format!(
                "\n\n*A result without you in it:* {} shows **{}** only as a result; put it beside what you did to get it (\"After I …, abandonment fell …\").",
                quoted(text, reading).join(", "),
                reading.principle.name()
            ));
        }
    }
    for reading in &sentence.others {
        let words = quoted(text, reading);
        // Numbers that moved ("fell from 18% to 11%") are a result, not someone else's act: a
        // results sentence need not name who did it, so the note says how to tie it to the writer.
        let outcome = is_result(sentence, reading);
        let (label, then) = match outcome {
            true => (
                "A result without you in it",
                " beside what you did to get it (\"After I …, abandonment fell …\").",
            ),
            false => (
                "Someone else's act",
                ", but here it is not you who does it. Say what you did.",
            ),
        };
        md.push_str(&format!(
            "\n\n*{label}:* {} would show **{}**{then}",
            words.join(", "),
            reading.principle.name()
        ));
    }
    md
}

/// What a case study has, at a glance.
#[derive(Debug, Clone, PartialEq)]
pub struct Scorecard {
    pub title: String,
    pub parts: Vec<(Part, bool)>,
    pub metrics: BTreeMap<&'static str, usize>,
    /// Numbers read as metrics whose measure is none of the three kinds ("no-shows fell from 22%…"
    /// before "no-shows" was known): counted, so a story with numbers does not read as having none.
    pub other_metrics: usize,
    /// Top principles with their summed scores, strongest first.
    pub principles: Vec<(Principle, f32)>,
    pub words: usize,
    pub findings: usize,
}

impl Scorecard {
    /// "2 business, 5 customer, 0 technical, 1 other": the metrics by kind, as the hover and the report show
    /// them (numbers of no kind only when there are some).
    pub fn metrics_line(&self) -> String {
        self.metrics
            .iter()
            .map(|(k, n)| format!("{n} {k}"))
            .chain((self.other_metrics > 0).then(|| format!("{} other", self.other_metrics)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub fn of(review: &Review, study: &CaseStudy) -> Scorecard {
        let view = review.study_view(study);
        let mut metrics = BTreeMap::from([("technical", 0), ("customer", 0), ("business", 0)]);
        let mut other_metrics = 0;
        let mut scores: BTreeMap<Principle, f32> = BTreeMap::new();
        for s in view.sentences() {
            for m in &s.facts.metrics {
                let kind = match m.kind {
                    MetricKind::Technical => "technical",
                    MetricKind::Customer => "customer",
                    MetricKind::Business => "business",
                    MetricKind::Unclassified => {
                        other_metrics += 1;
                        continue;
                    }
                };
                *metrics.entry(kind).or_default() += 1;
            }
            for r in &s.facts.principles {
                *scores.entry(r.principle).or_default() += r.score;
            }
        }
        let mut principles: Vec<(Principle, f32)> = scores.into_iter().collect();
        principles.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        principles.truncate(3);
        Scorecard {
            title: study.title.clone(),
            parts: Part::ALL.iter().map(|&p| (p, view.has_part(p))).collect(),
            metrics,
            other_metrics,
            principles,
            words: view.word_count(),
            findings: Scorecard::findings_in(review, study),
        }
    }

    /// How many of the review's findings start inside `study` (the findings are sorted by start).
    pub fn findings_in(review: &Review, study: &CaseStudy) -> usize {
        let starts = |at: usize| review.findings.partition_point(|f| f.range.start < at);
        starts(study.range.end) - starts(study.range.start)
    }

    /// [`Scorecard::findings_in`] for the case studies of the review taken in order, each search
    /// starting where the last story's findings ended (a keystroke's summary counts every story's).
    pub fn findings_walk(review: &Review) -> impl FnMut(&CaseStudy) -> usize + '_ {
        let findings = &review.findings;
        let (mut at, mut last_end) = (0, 0);
        move |study: &CaseStudy| {
            if study.range.start < last_end {
                // Out of order or overlapping: searched from the start.
                return Scorecard::findings_in(review, study);
            }
            let start = at + findings[at..].partition_point(|f| f.range.start < study.range.start);
            let end =
                start + findings[start..].partition_point(|f| f.range.start < study.range.end);
            (at, last_end) = (end, study.range.end);
            end - start
        }
    }

    /// The top principles' exact names, strongest first, joined by " · ".
    pub fn principle_names(&self) -> String {
        self.principles
            .iter()
            .map(|(p, _)| p.name())
            .collect::<Vec<_>>()
            .join(" · ")
    }

    pub fn parts_present(&self) -> usize {
        self.parts.iter().filter(|(_, has)| *has).count()
    }

    /// Minutes it takes to tell the written story aloud, at about 140 words a minute.
    pub fn speaking_minutes(&self) -> f32 {
        self.words as f32 / 140.0
    }

    /// "Case study: {title}", or the title alone when it already says so ("Case study 2: Checkout").
    pub fn heading(&self) -> String {
        let says_so = self
            .title
            .get(.."case study".len())
            .is_some_and(|start| start.eq_ignore_ascii_case("case study"));
        match says_so {
            true => self.title.clone(),
            false => format!("Case study: {}", self.title),
        }
    }
}

fn scorecard(card: &Scorecard) -> String {
    let mut md = format!("**{}**\n", card.heading());
    md.push_str(&format!(
        "\nParts {}/6: {}",
        card.parts_present(),
        card.parts
            .iter()
            .map(|(p, has)| format!("{} {}", if *has { "✓" } else { "✗" }, p.name()))
            .collect::<Vec<_>>()
            .join(" · ")
    ));
    md.push_str(&format!("\n\nMetrics: {}", card.metrics_line()));
    md.push_str(&format!(
        "\n\nPrinciples shown: {}",
        if card.principles.is_empty() {
            "none yet".to_string()
        } else {
            card.principle_names()
        }
    ));
    md.push_str(&format!(
        "\n\n{} words (about {:.0} min told aloud; a case study should carry 15–20 minutes of discussion) · {} findings",
        card.words,
        card.speaking_minutes().ceil(),
        card.findings
    ));
    md
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::Reviewer;

    fn hover_at(text: &str, needle: &str) -> String {
        let review = Reviewer::default().review_text(text);
        hover(&review, text.find(needle).unwrap()).unwrap().markdown
    }

    #[test]
    fn first_line_names_principles_or_none() {
        let md = hover_at(
            "I pushed back on the launch date and convinced the VP to wait.\n",
            "pushed",
        );
        let first = md.lines().next().unwrap();
        assert!(first.starts_with("**Shows:**"), "{md}");
        let named: Vec<_> = Principle::ALL
            .iter()
            .filter(|p| first.contains(p.name()))
            .collect();
        assert!(!named.is_empty());
        let md = hover_at("The service ran in two regions.\n", "service");
        assert_eq!(md.lines().next().unwrap(), SHOWS_NONE);
    }

    /// A sentence read by its words (no cue here) shows its principle as "some", with the words on one
    /// line and the reason that says it is a lighter reading.
    #[test]
    fn words_read_without_a_cue_are_one_line_of_evidence() {
        let text =
            "I paired each new analyst with a senior reviewer for their first three models.\n";
        let md = hover_at(text, "analyst");
        assert!(
            md.starts_with("**Shows:** Hire and Develop the Best"),
            "{md}"
        );
        assert!(md.contains("**Hire and Develop the Best** (some)"), "{md}");
        let evidence: Vec<&str> = md.lines().filter(|l| l.starts_with("- “")).collect();
        let [line] = &evidence[..] else {
            panic!("one evidence line: {md}")
        };
        assert!(line.contains("“paired”") && line.contains("”, “"), "{line}");
        assert!(
            line.contains("no phrase here names the act itself"),
            "{line}"
        );
        assert!(md.contains("**Next question:**"), "{md}");
    }

    /// What someone else does shows nothing of the writer's, and the hover says whose act it is.
    #[test]
    fn someone_elses_act_is_named_as_theirs() {
        for (text, principle) in [
            (
                "My manager pushed back on the launch date.\n",
                "Have Backbone; Disagree and Commit",
            ),
            (
                "Priya ran a bug bash before every release.\n",
                "Insist on the Highest Standards",
            ),
            ("The vendor dug into it over the weekend.\n", "Dive Deep"),
        ] {
            let md = hover_at(text, " ");
            assert_eq!(md.lines().next().unwrap(), SHOWS_NONE, "{md}");
            assert!(
                md.contains("*Someone else's act:*") && md.contains(principle),
                "{md}"
            );
        }
        // The writer's own act is shown, with no such note.
        let md = hover_at("I pushed back on the launch date.\n", "pushed");
        assert!(md.starts_with("**Shows:** Have Backbone"), "{md}");
        assert!(!md.contains("Someone else"), "{md}");
        // Several of a colleague's acts do not add up to the writer's principle.
        let md = hover_at(
            "Sarah mentored the two new hires while I ran the migration.\n",
            "Sarah",
        );
        assert!(!md.starts_with("**Shows:** Hire and Develop"), "{md}");
        assert!(
            md.contains("*Someone else's act:*") && md.contains("Hire and Develop the Best"),
            "{md}"
        );
        // A sentence with no act at all gets no note either.
        let md = hover_at("The service ran in two regions.\n", "service");
        assert!(!md.contains("Someone else"), "{md}");
    }

    /// Numbers that moved, with no one doing it, are a result: shown as one, with a note that asks for the
    /// writer's part, and not called someone else's act.
    #[test]
    fn a_result_without_the_writer_is_not_called_someone_elses_act() {
        let md = hover_at(
            "Slot-page abandonment fell from 18% to 11%, and contacts dropped by 60%.\n",
            "abandonment",
        );
        assert!(md.starts_with("**Shows:** Deliver Results"), "{md}");
        assert!(!md.contains("Someone else"), "{md}");
        assert!(
            md.contains("*A result without you in it:*") && md.contains("Deliver Results"),
            "{md}"
        );
        // A draft's fragment is the writer's own result: no note.
        let md = hover_at(
            "Reduced checkout latency from 900 ms to 200 ms.\n",
            "Reduced",
        );
        assert!(
            md.starts_with("**Shows:** Deliver Results") && !md.contains("without you"),
            "{md}"
        );
    }

    #[test]
    fn a_finding_under_the_sentence_says_why_apart_from_its_message() {
        let md = hover_at("I was asked to lead the migration.\n", "asked");
        let item = md
            .split("\n- `assigned-not-initiated` — ")
            .nth(1)
            .expect("the finding is listed");
        let (message, why) = item.split_once("\n\n  _").expect("why on its own");
        assert!(message.ends_with("chose to do"), "{md}");
        assert!(why.starts_with("Interviewers probe for ownership"), "{md}");
    }

    #[test]
    fn a_named_principle_is_not_shown() {
        let md = hover_at("This demonstrates my Customer Obsession.\n", "demonstrates");
        assert_eq!(md.lines().next().unwrap(), SHOWS_NONE);
        assert!(md.contains("outright"));
    }

    #[test]
    fn heading_hover_is_the_scorecard() {
        let text = "# Checkout\n\nShoppers abandoned carts because checkout took 9 seconds. I cut it to 2 s and abandonment fell from 12% to 7%.\n";
        let md = hover_at(text, "Checkout");
        assert!(md.starts_with("**Case study: Checkout**"), "{md}");
        assert!(md.contains("Parts "));
        assert!(md.contains("Metrics:"));
        // Numbers whose measure is none of the kinds are counted too, not shown as no numbers at all.
        let md = hover_at(
            "# Forms\n\nClinics filled in paper forms. I moved them online and the share filed on paper went from 90% to 15%.\n",
            "Forms",
        );
        assert!(
            md.contains("Metrics: 0 business, 0 customer, 0 technical, 2 other"),
            "{md}"
        );
        let md = hover_at(text, "Checkout");
        assert!(!md.contains("other"), "{md}");
        // A heading that already says so is not said twice.
        let review = Reviewer::default().review_text("# Case Study 2: Checkout\n\nI cut steps.\n");
        let card = Scorecard::of(&review, &review.prose.studies[0]);
        assert_eq!(card.heading(), "Case Study 2: Checkout");
        assert!(scorecard(&card).starts_with("**Case Study 2: Checkout**"));
    }
}
