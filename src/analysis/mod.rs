//! What the prose says: per-sentence facts (improvement words, numbers, …) that the rules read.
//! Facts are computed once per block and cached by the block's content.

pub mod lexicon;

use crate::prose::BlockProse;
use lexicon::{Lexicon, Words};
use std::ops::Range;
use std::sync::LazyLock;

/// Facts about one sentence. Ranges are relative to the sentence's text.
#[derive(Debug, Clone, Default)]
pub struct SentenceFacts {
    /// Where the sentence lies within its block's prose.
    pub range: Range<usize>,
    /// Improvement words ("improved", "better", "significantly").
    pub improvements: Vec<Range<usize>>,
    /// Spans of numbers (digits) in the sentence.
    pub numbers: Vec<Range<usize>>,
}

/// Facts about one block (heading, paragraph or list item), in sentence order.
#[derive(Debug, Clone, Default)]
pub struct BlockFacts {
    pub sentences: Vec<SentenceFacts>,
}

static IMPROVEMENT: LazyLock<Lexicon<()>> = LazyLock::new(|| {
    Lexicon::new(
        lexicon::toml_list(include_str!("improvement.toml"), "words")
            .into_iter()
            .map(|w| (w, ())),
    )
});

pub fn read_block(prose: &BlockProse) -> BlockFacts {
    BlockFacts {
        sentences: prose
            .sentences
            .iter()
            .map(|r| read_sentence(&prose.prose[r.clone()], r.clone()))
            .collect(),
    }
}

fn read_sentence(text: &str, range: Range<usize>) -> SentenceFacts {
    let words = Words::new(text);
    SentenceFacts {
        range,
        improvements: IMPROVEMENT
            .find(&words)
            .into_iter()
            .map(|h| h.range)
            .collect(),
        numbers: words
            .words
            .iter()
            .filter(|w| w.lower.chars().any(|c| c.is_ascii_digit()))
            .map(|w| w.range.clone())
            .collect(),
    }
}
