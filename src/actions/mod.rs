//! Code actions: templates that put the shape of a fix under the writer's cursor. Each action is a list
//! of byte-range edits computed here; the protocol layer only converts positions.

use crate::analysis::cues::Part;
use crate::prose::{BlockKind, Prose};
use crate::review::Review;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionKind {
    /// Fixes one finding.
    QuickFix,
    /// Reshapes the story, available anywhere.
    Refactor,
}

/// Replace `range` with `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub range: Range<usize>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    pub title: String,
    pub kind: ActionKind,
    /// The finding it fixes: rule id and range.
    pub fixes: Option<(&'static str, Range<usize>)>,
    pub edits: Vec<Edit>,
}

pub const METRIC_TEMPLATE: &str =
    " from [baseline] to [result] ([unit]), which [customer or business outcome]";
pub const CONSEQUENCE_TEMPLATE: &str =
    ", resulting in [customer metric] for customers and [business metric] for the business";

/// Where in a case study a part's template goes.
#[derive(Clone, Copy)]
enum Place {
    /// Before the story's first paragraph.
    Top,
    /// After the story's first paragraph (the problem, usually).
    AfterFirst,
    /// After the story's last paragraph.
    End,
    /// Before the lesson the story ends with (its paragraphs, and the heading over them), or after
    /// its last paragraph when it ends with none: a result belongs before what was learned from it.
    BeforeLesson,
}

const PROBLEM_TEMPLATE: &str = "Our customers ([who exactly]) were struggling with [what went wrong for them], which cost them [time, money or abandonment] — about [how many] each [week]. I found out from [support tickets, data or interviews].";

/// The story-level templates: rule, title, where, text.
const PART_TEMPLATES: &[(&str, &str, Place, &str)] = &[
    ("missing-customer-problem", "Insert customer-problem template", Place::Top,
     PROBLEM_TEMPLATE),
    ("solution-first", "Open with the customer problem", Place::Top,
     PROBLEM_TEMPLATE),
    ("missing-validation", "Insert validation template", Place::AfterFirst,
     "Before building, I validated [the problem or hypothesis] by talking to [how many] customers and [data or an experiment], which showed [what you learned]."),
    ("missing-alternatives", "Insert alternatives template", Place::AfterFirst,
     "I weighed [option A] against [option B]. [Option A] would have [benefit] but [cost]. I chose [option] because [customer or business reason]."),
    ("missing-influence", "Insert influence template", Place::AfterFirst,
     "[A team I did not manage] pushed back because [their reason]; I won them over by [data, a prototype, a proposal], and [what they changed]."),
    ("missing-result-metric", "Insert result template", Place::BeforeLesson,
     "As a result, [technical metric] went from [baseline] to [result], which [customer metric] and [business metric: revenue, cost, conversion]."),
    ("missing-business-impact", "Insert customer and business impact template", Place::BeforeLesson,
     "For customers, this meant [customer metric from baseline to result]; for the business, [revenue, cost or conversion change]."),
    ("missing-learning", "Insert learning template", Place::End,
     "Looking back, I learned [specific lesson]; next time I would [what I would do differently], because [why]."),
];

/// Sections of the skeleton: each body is made of slots the `unfilled-placeholder` rule recognises
/// (short bracketed prompts), so a section left unfilled is flagged.
const SKELETON: &[(&str, &str)] = &[
    ("Problem", PROBLEM_TEMPLATE),
    ("Validation", "I validated [the problem or hypothesis] with [interviews, data or an experiment], which showed [what you learned]."),
    ("Alternatives", "I weighed [option A] against [option B]. I chose [option] because [customer or business reason], and gave up [the trade-off]."),
    ("Actions", "I [what I did]. [A team I did not manage] pushed back because [their reason]; I won them over by [data, a prototype, a proposal]."),
    ("Results", "[Technical metric] went from [baseline] to [result], which meant [customer outcome] and [business outcome]."),
    ("Learnings", "I learned [specific lesson]; next time I would [what I would change], because [why]."),
];

const STAR: &[(&str, &str)] = &[
    ("Situation", "[Which customers], [which product], and [what was at stake for them]."),
    ("Task", "I set out to [goal], because [why it mattered to customers]."),
    ("Action", "I [first step], then [next step]; I brought [a team I did not manage] on board by [how]."),
    ("Result", "[Metric] went from [baseline] to [result], which meant [customer and business outcome]. I learned [lesson]."),
];

/// Actions for findings that overlap `range`, and the refactors available there.
pub fn actions(review: &Review, text: &str, range: Range<usize>) -> Vec<Action> {
    let mut out = Vec::new();
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    for finding in &review.findings {
        let overlaps = finding.range.start <= range.end && range.start <= finding.range.end;
        if !overlaps {
            continue;
        }
        let fixes = Some((finding.rule, finding.range.clone()));
        let quickfix = |title: &str, edits: Vec<Edit>| Action {
            title: title.into(),
            kind: ActionKind::QuickFix,
            fixes: fixes.clone(),
            edits,
        };
        match finding.rule {
            "vague-claim" | "technical-metric-only" => {
                let template = if finding.rule == "vague-claim" {
                    METRIC_TEMPLATE
                } else {
                    CONSEQUENCE_TEMPLATE
                };
                let title = if finding.rule == "vague-claim" {
                    "Insert metric template"
                } else {
                    "Add the customer/business consequence"
                };
                if let Some(at) = sentence_end(&review.prose, text, finding.range.start) {
                    out.push(quickfix(
                        title,
                        vec![Edit {
                            range: at..at,
                            text: template.into(),
                        }],
                    ));
                }
            }
            "weak-verb" => {
                for verb in ["led", "drove", "built"] {
                    out.push(quickfix(
                        &format!("Replace with \"{verb}\""),
                        vec![Edit {
                            range: finding.range.clone(),
                            text: verb.into(),
                        }],
                    ));
                }
            }
            "named-principle" => {
                if let Some(edit) = remove_naming_sentence(&review.prose, text, finding.range.start)
                {
                    out.push(quickfix("Remove the principle's name", vec![edit]));
                }
            }
            rule => {
                for (_, title, place, template) in PART_TEMPLATES.iter().filter(|t| t.0 == rule) {
                    if let Some(edit) =
                        insert_part(review, text, finding.range.start, *place, template, newline)
                    {
                        out.push(quickfix(title, vec![edit]));
                    }
                }
            }
        }
    }
    if let Some(at) = line_start(text, range.start) {
        for (title, parts, level) in [
            ("Insert case-study skeleton", SKELETON, "## "),
            ("Insert STAR outline", STAR, "## "),
        ] {
            // Headings need a blank line before them to read well, even though markdown would not.
            let after_text =
                text[..at].trim_end_matches(['\n', '\r']).len() + newline.len() >= at && at > 0;
            let lead = if after_text { newline } else { "" };
            let body: String = std::iter::once(lead.to_string())
                .chain(
                    parts
                        .iter()
                        .map(|(h, t)| format!("{level}{h}{newline}{newline}{t}{newline}{newline}")),
                )
                .collect();
            out.push(Action {
                title: title.into(),
                kind: ActionKind::Refactor,
                fixes: None,
                edits: vec![Edit {
                    range: at..at,
                    text: body,
                }],
            });
        }
    }
    out
}

/// The start of the line holding `offset`, when that line is blank (a skeleton goes on its own lines).
fn line_start(text: &str, offset: usize) -> Option<usize> {
    let offset = offset.min(text.len());
    let start = text[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let end = text[start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| start + i);
    text[start..end].trim().is_empty().then_some(start)
}

/// An insertion of a part's template as its own paragraph, where the part belongs in the story.
fn insert_part(
    review: &Review,
    text: &str,
    offset: usize,
    place: Place,
    template: &str,
    newline: &str,
) -> Option<Edit> {
    let prose = &review.prose;
    let study = prose.study_at(offset).or_else(|| prose.studies.first())?;
    if let Place::BeforeLesson = place {
        // Only before a paragraph or heading of its own line (not inside a list or a quote).
        let own_line = |at: usize| {
            text.get(..at)
                .is_some_and(|before| before.is_empty() || before.ends_with('\n'))
        };
        let lesson = closing_lesson(review, study.blocks.clone()).filter(|&i| {
            let block = &prose.blocks[i];
            matches!(block.kind, BlockKind::Paragraph | BlockKind::Heading { .. })
                && own_line(block.start)
        });
        if let Some(lesson) = lesson {
            let at = prose.blocks[lesson].start;
            return Some(Edit {
                range: at..at,
                text: format!("{template}{newline}{newline}"),
            });
        }
    }
    let body: Vec<_> = study
        .blocks
        .clone()
        .filter(|&i| prose.blocks[i].heading_level().is_none())
        .map(|i| &prose.blocks[i])
        .collect();
    let para = format!("{newline}{newline}");
    let (at, text) = match (place, body.first(), body.last()) {
        (Place::Top, Some(first), _) => (first.start, format!("{template}{para}")),
        (Place::AfterFirst, Some(first), _) => (first.range.end, format!("{para}{template}")),
        (Place::End | Place::BeforeLesson, _, Some(last)) => {
            (last.range.end, format!("{para}{template}"))
        }
        (_, None, _) | (_, _, None) => {
            let heading = study.heading.map(|i| &prose.blocks[i])?;
            (heading.range.end, format!("{para}{template}"))
        }
    };
    Some(Edit {
        range: at..at,
        text,
    })
}

/// The first block of the lesson a story's `blocks` end with: its last paragraphs that tell a lesson,
/// with the heading over them when it names the lesson ("## What I learned"); `None` when the story
/// does not end with one, or is nothing else.
fn closing_lesson(review: &Review, blocks: Range<usize>) -> Option<usize> {
    let teaches = |i: usize| {
        let facts = &review.blocks[i].facts;
        facts.heading_parts.contains(&Part::Learnings)
            || facts
                .sentences
                .iter()
                .any(|s| s.parts.contains(&Part::Learnings))
    };
    let mut first = None;
    for i in blocks.clone().rev() {
        if !teaches(i) {
            break;
        }
        first = Some(i);
        if review.prose.blocks[i].heading_level().is_some() {
            break;
        }
    }
    // A story that is all lesson has nowhere before it to put a result.
    first.filter(|&i| {
        blocks
            .clone()
            .take_while(|&j| j < i)
            .any(|j| review.prose.blocks[j].heading_level().is_none())
    })
}

/// Deletes a sentence that only names a principle ("This demonstrates my Customer Obsession."), with the
/// space after it. Longer sentences are left to the writer: cutting words out of them could break them.
fn remove_naming_sentence(prose: &Prose, text: &str, offset: usize) -> Option<Edit> {
    const MAX_WORDS: usize = 8;
    let block = prose.block_at(offset)?;
    let (range, sentence) = block
        .sentences()
        .find(|(r, _)| r.start <= offset && offset < r.end)?;
    if sentence.split_whitespace().count() > MAX_WORDS {
        return None;
    }
    let trailing = text[range.end..].len() - text[range.end..].trim_start_matches(' ').len();
    Some(Edit {
        range: range.start..range.end + trailing,
        text: String::new(),
    })
}

/// Where to insert text at the end of the sentence containing `offset`: before its closing punctuation.
fn sentence_end(prose: &Prose, text: &str, offset: usize) -> Option<usize> {
    let block = prose.block_at(offset)?;
    let (range, _) = block
        .sentences()
        .find(|(r, _)| r.start <= offset && offset < r.end)?;
    let sentence = text.get(range.clone())?;
    let trimmed = sentence.trim_end_matches(['.', '!', '?', '"', '\'', ')', '”', '’', '*', '_']);
    Some(range.start + trimmed.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::Reviewer;

    /// Every bracketed prompt a template inserts is a slot `unfilled-placeholder` flags (and a snippet
    /// tab stop), so nothing a template asks for can be left behind unnoticed.
    #[test]
    fn every_template_prompt_is_a_recognised_slot() {
        let texts = PART_TEMPLATES
            .iter()
            .map(|t| t.3)
            .chain(SKELETON.iter().chain(STAR).map(|s| s.1))
            .chain([METRIC_TEMPLATE, CONSEQUENCE_TEMPLATE]);
        for text in texts {
            let text = text.trim_start_matches([',', ' ']);
            let slots = crate::rules::placeholder_slots(text);
            let brackets: Vec<usize> = text.match_indices('[').map(|(i, _)| i).collect();
            assert_eq!(
                slots.iter().map(|s| s.start).collect::<Vec<_>>(),
                brackets,
                "every [prompt] of {text:?} is a slot"
            );
        }
    }

    #[test]
    fn metric_template_goes_before_the_final_period() {
        let text = "I improved performance significantly.\n";
        let review = Reviewer::default().review_text(text);
        let actions = actions(&review, text, 0..text.len());
        let action = actions
            .iter()
            .find(|a| a.title == "Insert metric template")
            .unwrap();
        let edit = &action.edits[0];
        let mut fixed = text.to_string();
        fixed.replace_range(edit.range.clone(), &edit.text);
        assert_eq!(
            fixed,
            "I improved performance significantly from [baseline] to [result] ([unit]), which [customer or business outcome].\n"
        );
    }

    /// The text after applying the fix titled `title` (which must be offered).
    fn fixed_by(text: &str, title: &str) -> String {
        let review = Reviewer::default().review_text(text);
        let actions = actions(&review, text, 0..text.len());
        let action = actions
            .iter()
            .find(|a| a.title == title)
            .unwrap_or_else(|| panic!("{title:?} is offered for {text:?}"));
        let mut fixed = text.to_string();
        for edit in action.edits.iter().rev() {
            fixed.replace_range(edit.range.clone(), &edit.text);
        }
        fixed
    }

    /// A result goes before the lesson a story ends with (under the lesson's heading would be the
    /// wrong section), and at the end when it ends with none, or with a lesson inside a list.
    #[test]
    fn the_impact_template_goes_before_the_closing_lesson() {
        let title = "Insert customer and business impact template";
        let template = PART_TEMPLATES.iter().find(|t| t.1 == title).unwrap().3;
        let problem = "Our on-call engineers were paged 30 times a week by a flaky alert.";
        let work = "I rewrote the alert rules and cut p99 latency from 900 ms to 200 ms.";
        let lesson = "Next time I would measure the baseline before changing anything.";
        for (text, before) in [
            // A lesson paragraph: the template goes just before it.
            (
                format!("# Alerts\n\n{problem}\n\n{work}\n\n{lesson}\n"),
                lesson.to_string(),
            ),
            // A lesson under its own heading: before the heading.
            (
                format!("# Alerts\n\n{problem}\n\n{work}\n\n## What I learned\n\n{lesson}\n"),
                "## What I learned".to_string(),
            ),
        ] {
            let fixed = fixed_by(&text, title);
            assert!(
                fixed.contains(&format!("{template}\n\n{before}")),
                "{fixed}"
            );
            assert_eq!(fixed.replace(&format!("{template}\n\n"), ""), text);
        }
        for text in [
            // No lesson: at the end.
            format!("# Alerts\n\n{problem}\n\n{work}\n"),
            // A lesson as a list item: not inside the list, at the end.
            format!("# Alerts\n\n{problem}\n\n- {work}\n- {lesson}\n"),
        ] {
            let fixed = fixed_by(&text, title);
            assert!(fixed.trim_end().ends_with(template), "{fixed}");
        }
    }
}
