//! Code actions: templates that put the shape of a fix under the writer's cursor. Each action is a list
//! of byte-range edits computed here; the protocol layer only converts positions.

use crate::prose::Prose;
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

/// Actions for findings that overlap `range`.
pub fn actions(review: &Review, text: &str, range: Range<usize>) -> Vec<Action> {
    let mut out = Vec::new();
    for finding in &review.findings {
        let overlaps = finding.range.start <= range.end && range.start <= finding.range.end;
        if !overlaps {
            continue;
        }
        if finding.rule == "vague-claim" {
            if let Some(at) = sentence_end(&review.prose, text, finding.range.start) {
                out.push(Action {
                    title: "Insert metric template".into(),
                    kind: ActionKind::QuickFix,
                    fixes: Some((finding.rule, finding.range.clone())),
                    edits: vec![Edit {
                        range: at..at,
                        text: METRIC_TEMPLATE.into(),
                    }],
                });
            }
        }
    }
    out
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

    #[test]
    fn metric_template_goes_before_the_final_period() {
        let text = "I improved performance significantly.\n";
        let review = Reviewer::default().review_text(text);
        let actions = actions(&review, text, 0..text.len());
        assert_eq!(actions.len(), 1);
        let edit = &actions[0].edits[0];
        let mut fixed = text.to_string();
        fixed.replace_range(edit.range.clone(), &edit.text);
        assert_eq!(
            fixed,
            "I improved performance significantly from [baseline] to [result] ([unit]), which [customer or business outcome].\n"
        );
    }
}
