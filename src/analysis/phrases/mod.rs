//! Phrase lists that single rules look for in a sentence ("my manager asked me", "communication is
//! important"). They are matched once, when the sentence is read, and kept with its reading: a rule
//! that re-split every sentence of a block into words would pay that again each time the block changes.

use super::lexicon::{toml_list, Lexicon, Words};
use std::ops::Range;
use std::sync::LazyLock;

/// Which list a phrase belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhraseList {
    /// The work was handed to the writer, or handed off by them (`phrases/assigned.toml`).
    Assigned,
    /// A lesson so general it fits any story (`phrases/generic_lesson.toml`).
    GenericLesson,
}

static LISTS: LazyLock<Lexicon<PhraseList>> = LazyLock::new(|| {
    let list = |source: &str, kind: PhraseList| {
        toml_list(source, "phrases")
            .into_iter()
            .map(move |phrase| (phrase, kind))
    };
    Lexicon::new(
        list(include_str!("assigned.toml"), PhraseList::Assigned).chain(list(
            include_str!("generic_lesson.toml"),
            PhraseList::GenericLesson,
        )),
    )
});

/// The first phrase of each list found in a sentence, as (list, byte range in the sentence), in the
/// order the lists' first phrases appear.
pub fn find_phrases(words: &Words) -> Vec<(PhraseList, Range<usize>)> {
    let mut found: Vec<(PhraseList, Range<usize>)> = Vec::new();
    for hit in LISTS.find(words) {
        if !found.iter().any(|(list, _)| list == hit.entry) {
            found.push((*hit.entry, hit.range));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lists(text: &str) -> Vec<(PhraseList, &str)> {
        find_phrases(&Words::new(text))
            .into_iter()
            .map(|(list, range)| (list, &text[range]))
            .collect()
    }

    #[test]
    fn finds_the_first_phrase_of_each_list() {
        assert_eq!(
            lists("My manager asked me to fix it, and I was assigned the rest; I learned that communication is key."),
            vec![
                (PhraseList::Assigned, "manager asked me"),
                (PhraseList::GenericLesson, "communication is key"),
            ]
        );
        assert_eq!(
            lists("I was told to wait."),
            vec![(PhraseList::Assigned, "was told to")]
        );
        assert!(lists("I noticed the export failing and took it on.").is_empty());
    }
}
