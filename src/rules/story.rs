//! Helpers shared by the case-study rules: which sentences are prose, which parts a section or label
//! declares, and when a story is too short for the `missing-*` rules to judge.

use super::{Finding, Rule, StudySentence, StudyView};
use crate::analysis::cues::Part;

/// Below this many prose sentences a story is a bullet, not a case study: only `too-thin` speaks.
/// Listing six missing parts under a one-liner is noise; "write the story first" is the useful advice.
pub const MIN_SENTENCES: usize = 2;

/// A prose sentence with the parts its place declares: the part headings it sits under (the study's
/// title excluded) and its block's lead-in label ("**Result:** …").
pub struct Placed<'a> {
    pub sentence: StudySentence<'a>,
    pub declared: Vec<Part>,
}

/// The study's prose sentences (headings left out), in order, with the parts their place declares.
pub fn placed<'a>(view: &StudyView<'a>) -> Vec<Placed<'a>> {
    // Open part headings: (level, parts), innermost last.
    let mut open: Vec<(u8, Vec<Part>)> = Vec::new();
    let mut out = Vec::new();
    for (i, &(block, facts)) in view.blocks.iter().enumerate() {
        if let Some(level) = block.heading_level() {
            if i == 0 && view.study.heading.is_some() {
                continue;
            }
            open.retain(|(l, _)| *l < level);
            open.push((level, facts.heading_parts.clone()));
            continue;
        }
        let mut declared: Vec<Part> = open.iter().flat_map(|(_, p)| p.iter().copied()).collect();
        if let Some((part, _)) = &facts.label {
            declared.push(*part);
        }
        declared.sort();
        declared.dedup();
        for s in &facts.sentences {
            out.push(Placed {
                sentence: StudySentence::new(block, facts, s),
                declared: declared.clone(),
            });
        }
    }
    out
}

/// Whether the story is too short for the `missing-*` and `solution-first` rules (see [`MIN_SENTENCES`]).
pub fn too_short_to_judge(view: &StudyView) -> bool {
    view.sentences().take(MIN_SENTENCES).count() < MIN_SENTENCES
}

/// The check of a rule that asks for one part of the story: quiet on stories too short to judge or that
/// have the part; otherwise one finding, with `message`, on the story's anchor.
pub fn require_part(
    view: &StudyView,
    out: &mut Vec<Finding>,
    rule: &Rule,
    part: Part,
    message: &str,
) {
    if !too_short_to_judge(view) && !view.has_part(part) {
        out.push(Finding::new(rule, view.anchor.clone(), message));
    }
}
