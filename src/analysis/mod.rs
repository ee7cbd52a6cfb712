//! What the prose says: per-sentence facts (cue words, story parts, metrics, principle evidence) that the
//! rules, hovers and scorecards read. Facts are computed once per block and cached by its content.

pub mod cues;
pub mod lexicon;
pub mod metrics;
pub mod phrases;
pub mod principles;

use crate::prose::{BlockKind, BlockProse};
use cues::{Cue, CueKind, JargonReading, Part};
use lexicon::Words;
use std::ops::Range;
use std::sync::Arc;

/// Facts about one sentence: where it lies, and what its words say (shared by every sentence with the
/// same text, so a cache of readings costs no copies). Fields of the reading read through:
/// `facts.cues` is `facts.reading.cues`.
#[derive(Debug, Clone)]
pub struct SentenceFacts {
    /// Where the sentence lies within its block's prose.
    pub range: Range<usize>,
    pub reading: Arc<SentenceReading>,
}

impl std::ops::Deref for SentenceFacts {
    type Target = SentenceReading;
    fn deref(&self) -> &SentenceReading {
        &self.reading
    }
}

/// What one sentence's words say, wherever it sits. Ranges are relative to the sentence's text.
#[derive(Debug)]
pub struct SentenceReading {
    /// How many words it has.
    pub words: usize,
    /// How many of them tell a lesson: from its first lesson cue ("I learned", "taught me") to the end
    /// ("Overall it was a great project and I learned a lot" tells four); 0 without one.
    pub lesson_words: usize,
    /// Cue words: story parts, improvement words, weak verbs, pronouns, jargon, placeholders…
    pub cues: Vec<Cue>,
    /// Parts the sentence states outright (weak cues, such as hypotheticals, do not count).
    pub parts: Vec<Part>,
    pub jargon: JargonReading,
    /// Numbers with what they measure.
    pub metrics: Vec<metrics::Metric>,
    /// Whether any digit appears outside a template slot.
    pub has_number: bool,
    /// Numbers that do not add up ("from 500 ms to 50 ms, a 50% cut").
    pub inconsistencies: Vec<metrics::Inconsistency>,
    /// Principles the sentence shows, strongest first.
    pub principles: Vec<principles::PrincipleReading>,
    /// Principles it would show if the writer, not someone else in it, did what it tells (for the
    /// hover only: they count for nothing).
    pub others: Vec<principles::PrincipleReading>,
    /// Principles named outright.
    pub named: Vec<(principles::Principle, Range<usize>)>,
    /// The first phrase of each of the rules' phrase lists the sentence has.
    pub phrases: Vec<(phrases::PhraseList, Range<usize>)>,
}

impl SentenceReading {
    /// Cues of one kind (weak ones included).
    pub fn cues(&self, kind: CueKind) -> impl Iterator<Item = &Cue> {
        self.cues.iter().filter(move |c| c.kind == kind)
    }

    /// Where the sentence first uses a phrase of `list`.
    pub fn phrase(&self, list: phrases::PhraseList) -> Option<&Range<usize>> {
        self.phrases
            .iter()
            .find(|(l, _)| *l == list)
            .map(|(_, range)| range)
    }

    pub fn has(&self, kind: CueKind) -> bool {
        self.cues(kind).next().is_some()
    }

    /// A short lesson so general it could end any story ("I learned that communication is
    /// important"): `generic-learning` flags it, and it shows no curiosity.
    pub fn is_generic_lesson(&self) -> bool {
        self.has(CueKind::Part(cues::Part::Learnings))
            && self.lesson_words <= GENERIC_LESSON_MAX_WORDS
            && !self.has_number
            && self.phrase(phrases::PhraseList::GenericLesson).is_some()
    }
}

/// A lesson longer than this (counted from its cue: what comes before it is preamble) carries enough
/// specifics not to be generic.
const GENERIC_LESSON_MAX_WORDS: usize = 14;

/// Facts about one block (heading, paragraph or list item), in sentence order.
#[derive(Debug, Clone, Default)]
pub struct BlockFacts {
    pub sentences: Vec<SentenceFacts>,
    /// For a heading: the parts it names ("## Results and learnings").
    pub heading_parts: Vec<Part>,
    /// A lead-in label naming a part ("**Result:** …"), with its range in the block's prose.
    pub label: Option<(Part, Range<usize>)>,
}

pub fn read_block(prose: &BlockProse, kind: BlockKind) -> BlockFacts {
    read_block_with(prose, kind, read_sentence)
}

/// [`read_block`], reading each sentence with `read` (a cache in front of [`read_sentence`], say).
pub fn read_block_with(
    prose: &BlockProse,
    kind: BlockKind,
    mut read: impl FnMut(&str, Range<usize>) -> SentenceFacts,
) -> BlockFacts {
    let text = &prose.prose;
    BlockFacts {
        heading_parts: match kind {
            BlockKind::Heading { .. } => cues::heading_parts(text.trim()),
            _ => Vec::new(),
        },
        label: match kind {
            BlockKind::Heading { .. } => None,
            _ => cues::label_part(text),
        },
        sentences: prose
            .sentences
            .iter()
            .map(|r| read(&text[r.clone()], r.clone()))
            .collect(),
    }
}

pub fn read_sentence(text: &str, range: Range<usize>) -> SentenceFacts {
    SentenceFacts {
        range,
        reading: Arc::new(read_words(text)),
    }
}

/// What a sentence's words say.
pub fn read_words(text: &str) -> SentenceReading {
    let words = Words::new(text);
    let cues = cues::sentence_cues(text, &words);
    let jargon = cues::jargon_reading(text, &words, &cues);
    let found = metrics::find_metrics(text, &words);
    let changes = metrics::find_changes_with(text, &words, &found);
    let slots: Vec<Range<usize>> = cues
        .iter()
        .filter(|c| c.kind == CueKind::Placeholder)
        .map(|c| c.range.clone())
        .collect();
    let has_number = words.words.iter().any(|w| {
        w.lower.chars().any(|c| c.is_ascii_digit())
            && !slots
                .iter()
                .any(|s| s.start <= w.range.start && w.range.end <= s.end)
    });
    let (principles, others) = principles::read_principles_and_others(text, &words);
    let lesson_words = cues
        .iter()
        .filter(|c| c.kind == CueKind::Part(Part::Learnings))
        .map(|c| c.range.start)
        .min()
        .map_or(0, |start| {
            words
                .words
                .iter()
                .filter(|w| w.range.start >= start)
                .count()
        });
    let mut reading = SentenceReading {
        words: words.len(),
        lesson_words,
        jargon,
        inconsistencies: metrics::inconsistencies(text, &found, &changes),
        metrics: found,
        has_number,
        principles,
        others,
        named: principles::named_principles(text, &words),
        phrases: phrases::find_phrases(&words),
        parts: cues::strong_parts(&cues),
        cues,
    };
    // "I learned the importance of teamwork" names a lesson without having learned anything from
    // this story: no evidence of curiosity (the hover would otherwise credit what the rule faults).
    if reading.is_generic_lesson() {
        reading
            .principles
            .retain(|r| r.principle != principles::Principle::LearnAndBeCurious);
    }
    reading
}
