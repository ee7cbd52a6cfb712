//! Cue-phrase lexicons matched on word stems, so one entry ("improve") finds "improved", "improving" and
//! "improves", and a phrase ("push back on") finds "pushed back on".
//!
//! A sentence is turned into [`Words`]: its words, lowercased and stemmed, with their byte ranges. A
//! [`Lexicon`] turns each phrase into the same form and finds all of them at once with one Aho-Corasick
//! automaton over the stems, so matching costs one pass over the sentence however long the lexicon is.
//! Numbers become the stem `#`, so a phrase like "shipped in # weeks" matches "shipped in 6 weeks".

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap, FxHashSet};
use std::cell::RefCell;
use std::ops::Range;
use std::sync::LazyLock;
use unicode_segmentation::UnicodeSegmentation;

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// Irregular past forms and their base forms (`irregular_verbs.toml`): the stemmer only knows regular endings.
static IRREGULAR: LazyLock<FxHashMap<String, String>> = LazyLock::new(|| {
    #[derive(serde::Deserialize)]
    struct File {
        forms: FxHashMap<String, String>,
    }
    toml::from_str::<File>(include_str!("irregular_verbs.toml"))
        .unwrap_or_else(|e| panic!("irregular_verbs.toml is valid: {e}"))
        .forms
});

/// One word of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Byte range in the text the words were read from.
    pub range: Range<usize>,
    /// The word lowercased, with typographic apostrophes made plain.
    pub lower: String,
    /// The stem used for matching (`#` for a number).
    pub stem: String,
}

/// The words of a text, ready for lexicon matching.
#[derive(Debug, Clone, Default)]
pub struct Words {
    pub words: Vec<Word>,
    /// " stem stem stem " — every stem framed by single spaces, so a phrase can only match whole words.
    joined: String,
    /// For each word, the byte offset of its stem in `joined`.
    starts: Vec<usize>,
}

/// Units engineers write against their number ("100GB", "40ms", "3k"): such a word is a number to a
/// `#` slot. Only units: "10x", "2fa" or "99th" are words of their own, which cues name.
const UNITS_ATTACHED: &[&str] = &[
    "kb", "mb", "gb", "tb", "pb", "ms", "s", "sec", "secs", "min", "mins", "h", "hr", "hrs", "k",
    "m", "bn",
];

/// How many of the base unit one of a number's units is: time in seconds, sizes in bytes, counts in ones. A
/// unit is written against the number ("300ms") or as the word after it ("300 ms", "2 weeks").
const UNIT_SCALES: &[(&str, f64)] = &[
    ("ms", 1e-3),
    ("millisecond", 1e-3),
    ("milliseconds", 1e-3),
    ("s", 1.0),
    ("sec", 1.0),
    ("secs", 1.0),
    ("second", 1.0),
    ("seconds", 1.0),
    ("min", 60.0),
    ("mins", 60.0),
    ("minute", 60.0),
    ("minutes", 60.0),
    ("h", 3600.0),
    ("hr", 3600.0),
    ("hrs", 3600.0),
    ("hour", 3600.0),
    ("hours", 3600.0),
    ("day", 86_400.0),
    ("days", 86_400.0),
    ("week", 604_800.0),
    ("weeks", 604_800.0),
    ("month", 2_629_800.0),
    ("months", 2_629_800.0),
    ("year", 31_557_600.0),
    ("years", 31_557_600.0),
    ("kb", 1e3),
    ("mb", 1e6),
    ("gb", 1e9),
    ("tb", 1e12),
    ("pb", 1e15),
    ("k", 1e3),
    ("thousand", 1e3),
    ("m", 1e6),
    ("million", 1e6),
    ("bn", 1e9),
    ("billion", 1e9),
];

/// A word split where its digits end: "300ms" is ("300", "ms"), "1,200" is ("1,200", "").
fn split_unit(word: &str) -> (&str, &str) {
    let digits = word
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',')))
        .unwrap_or(word.len());
    word.split_at(digits)
}

fn unit_scale(unit: &str) -> Option<f64> {
    UNIT_SCALES
        .iter()
        .find(|(u, _)| unit.eq_ignore_ascii_case(u))
        .map(|&(_, scale)| scale)
}

/// Word `i`'s number and the scale of its unit, if it names one: "1,200ms" is (1200, Some(0.001)).
fn quantity(words: &Words, i: usize) -> Option<(f64, Option<f64>)> {
    let word = &words.words.get(i)?.lower;
    let (number, unit) = split_unit(word);
    let value: f64 = number.replace(',', "").parse().ok()?;
    let scale = if unit.is_empty() {
        words.words.get(i + 1).and_then(|w| unit_scale(&w.lower))
    } else {
        Some(unit_scale(unit)?)
    };
    Some((value, scale))
}

/// The numbers of words `first` and `last`, in one unit: "from 1.2 s to 300 ms" is (1.2, 0.3), and "from 4 to 12
/// minutes" reads both in minutes. `None` when either is not written in digits.
pub fn compared_quantities(words: &Words, first: usize, last: usize) -> Option<(f64, f64)> {
    let (from, from_scale) = quantity(words, first)?;
    let (to, to_scale) = quantity(words, last)?;
    let (from_scale, to_scale) = match (from_scale, to_scale) {
        (Some(a), Some(b)) => (a, b),
        (Some(a), None) | (None, Some(a)) => (a, a),
        (None, None) => (1.0, 1.0),
    };
    Some((from * from_scale, to * to_scale))
}

fn is_number(word: &str) -> bool {
    let (number, unit) = split_unit(word);
    number.starts_with(|c: char| c.is_ascii_digit())
        && (unit.is_empty() || UNITS_ATTACHED.iter().any(|u| unit.eq_ignore_ascii_case(u)))
}

/// Lowercases a word and makes typographic apostrophes plain.
pub fn normalize(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.to_lowercase().replace(['\u{2019}', '\u{2018}'], "'")
}

/// The stem of one word, as the lexicons match it.
pub fn stem(word: &str) -> String {
    stem_normalized(word, &normalize(word))
}

thread_local! {
    /// Stems by lower-case word: prose repeats its words, and stemming is the dearest step of reading
    /// a sentence. Bounded: cleared when it grows past [`STEM_CACHE_LIMIT`] words.
    static STEMS: RefCell<FxHashMap<String, String>> = RefCell::default();
}

const STEM_CACHE_LIMIT: usize = 50_000;

/// Whether a lowercased word is an irregular past form ("took", "written"), i.e. may be a participle.
pub fn is_irregular_past(lower: &str) -> bool {
    IRREGULAR.contains_key(lower)
}

/// The stem of `word`, already normalized to `lower`.
fn stem_normalized(word: &str, lower: &str) -> String {
    if is_number(word) {
        return "#".to_string();
    }
    STEMS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(stem) = cache.get(lower) {
            return stem.clone();
        }
        let base = IRREGULAR.get(lower).map_or(lower, String::as_str);
        let stem = STEMMER.stem(base).into_owned();
        if cache.len() >= STEM_CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(lower.to_string(), stem.clone());
        stem
    })
}

impl Words {
    pub fn new(text: &str) -> Words {
        let mut out = Words {
            joined: String::from(" "),
            ..Words::default()
        };
        for (start, token) in text.split_word_bound_indices() {
            if !token.chars().any(char::is_alphanumeric) {
                continue;
            }
            let lower = normalize(token);
            let stem = stem_normalized(token, &lower);
            out.starts.push(out.joined.len());
            out.joined.push_str(&stem);
            out.joined.push(' ');
            out.words.push(Word {
                range: start..start + token.len(),
                lower,
                stem,
            });
        }
        out
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Byte range in the original text covered by words `first..=last`.
    pub fn span(&self, words: Range<usize>) -> Range<usize> {
        self.words[words.start].range.start..self.words[words.end - 1].range.end
    }
}

/// Turns a cue phrase into the joined-stem form used for matching: " stem stem ".
pub fn phrase_key(phrase: &str) -> String {
    let words = Words::new(phrase);
    words.joined
}

/// A match of one lexicon entry in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit<'a, T> {
    pub entry: &'a T,
    /// Word indices `start..end` in the [`Words`] matched against.
    pub words: Range<usize>,
    /// Byte range in the original text.
    pub range: Range<usize>,
}

/// A set of cue phrases, each carrying a value (a part, a principle and weight, a jargon term…).
pub struct Lexicon<T> {
    matcher: AhoCorasick,
    entries: Vec<T>,
    /// For a lexicon [with numbers](Lexicon::with_numbers): the number words, and the phrases with a
    /// number slot, matched apart (with each pattern's entry) against a text whose number words read
    /// as `#`.
    numbered: Option<Numbered>,
}

struct Numbered {
    words: FxHashSet<String>,
    matcher: AhoCorasick,
    /// The entry of its first pattern (the others follow in order).
    first: usize,
}

/// Words that only soften or narrow the number after them ("to just 1 GB", "in about six weeks"): a number
/// slot reads past them, so "to #" finds "to just 1 GB". Not "over" or "under": those change the claim, and
/// cues name them ("to under #").
const APPROXIMATORS: &[&str] = &[
    "just",
    "only",
    "merely",
    "about",
    "around",
    "roughly",
    "approximately",
    "approx",
    "nearly",
    "almost",
    "some",
    "circa",
];

/// Whether word `i` of `words` is one of [`APPROXIMATORS`] before a number (a digit, or one of `numbers`).
fn softens_number(words: &Words, i: usize, numbers: &FxHashSet<String>) -> bool {
    APPROXIMATORS.contains(&words.words[i].lower.as_str())
        && words
            .words
            .get(i + 1)
            .is_some_and(|next| next.stem == "#" || numbers.contains(&next.lower))
}

/// `words`' stems joined as [`Words::joined`] is, with each word in `numbers` (lowercased) as `#`, and each of
/// [`APPROXIMATORS`] before a number left out; and where each stem starts in it.
fn joined_with_numbers(words: &Words, numbers: &FxHashSet<String>) -> (String, Vec<usize>) {
    let mut joined = String::with_capacity(words.joined.len());
    joined.push(' ');
    let mut starts = Vec::with_capacity(words.len());
    for (i, w) in words.words.iter().enumerate() {
        if softens_number(words, i, numbers) {
            // On the framing space before its number: a match that starts at the number starts there, not at
            // this word, and one that runs on past the number takes it in.
            starts.push(joined.len() - 1);
            continue;
        }
        starts.push(joined.len());
        joined.push_str(if numbers.contains(&w.lower) {
            "#"
        } else {
            &w.stem
        });
        joined.push(' ');
    }
    (joined, starts)
}

impl<T> Lexicon<T> {
    /// Builds a lexicon from `(phrase, value)` pairs. Phrases that normalize to nothing are skipped.
    pub fn new(pairs: impl IntoIterator<Item = (String, T)>) -> Lexicon<T> {
        Lexicon::build(Lexicon::keys(pairs))
    }

    /// [`Lexicon::new`], where a phrase may hold number slots, written `#`, that take any number: a
    /// digit or one of `numbers` (one word each: "two", "dozens"), so "in # weeks" finds "in 6 weeks"
    /// and "in two weeks". One pattern stands for every number word, instead of one pattern for each.
    /// Numbers written out in a phrase ("no one asked", "under 13") stay what they are.
    pub fn with_numbers(
        pairs: impl IntoIterator<Item = (String, T)>,
        numbers: impl IntoIterator<Item = String>,
    ) -> Lexicon<T> {
        let (slotted, plain): (Vec<_>, Vec<_>) = pairs
            .into_iter()
            .partition(|(phrase, _)| phrase.contains('#'));
        let slotted = slotted
            .into_iter()
            .map(|(phrase, value)| (phrase.replace('#', "1"), value));
        let mut lexicon = Lexicon::build(Lexicon::keys(plain));
        let first = lexicon.entries.len();
        let (keys, values): (Vec<String>, Vec<T>) = Lexicon::keys(slotted).unzip();
        lexicon.entries.extend(values);
        lexicon.numbered = Some(Numbered {
            words: numbers.into_iter().map(|w| normalize(&w)).collect(),
            matcher: matcher(&keys),
            first,
        });
        lexicon
    }

    /// Each phrase's key (see [`phrase_key`]), with its value; phrases that normalize to nothing are
    /// skipped.
    fn keys(pairs: impl IntoIterator<Item = (String, T)>) -> impl Iterator<Item = (String, T)> {
        pairs
            .into_iter()
            .map(|(phrase, value)| (phrase_key(&phrase), value))
            .filter(|(key, _)| !key.trim().is_empty())
    }

    fn build(keyed: impl IntoIterator<Item = (String, T)>) -> Lexicon<T> {
        let (keys, entries): (Vec<String>, Vec<T>) = keyed.into_iter().unzip();
        Lexicon {
            matcher: matcher(&keys),
            entries,
            numbered: None,
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every entry found in `words`, overlapping matches included, in order of position.
    pub fn find<'a>(&'a self, words: &Words) -> Vec<Hit<'a, T>> {
        let mut hits = Vec::new();
        self.find_in(
            words,
            &self.matcher,
            &words.joined,
            &words.starts,
            0,
            &mut hits,
        );
        if let Some(numbered) = &self.numbered {
            let renumbered = (0..words.len())
                .any(|i| {
                    numbered.words.contains(&words.words[i].lower)
                        || softens_number(words, i, &numbered.words)
                })
                .then(|| joined_with_numbers(words, &numbered.words));
            let (joined, starts) = match &renumbered {
                Some((joined, starts)) => (joined.as_str(), starts.as_slice()),
                None => (words.joined.as_str(), words.starts.as_slice()),
            };
            let first = numbered.first;
            self.find_in(words, &numbered.matcher, joined, starts, first, &mut hits);
        }
        hits.sort_by_key(|h| (h.range.start, h.range.end));
        hits
    }

    /// The matches of `matcher` in `joined` (where each of `words` starts at `starts`), its patterns
    /// standing for the entries from `base` on.
    fn find_in<'a>(
        &'a self,
        words: &Words,
        matcher: &AhoCorasick,
        joined: &str,
        starts: &[usize],
        base: usize,
        hits: &mut Vec<Hit<'a, T>>,
    ) {
        let word_at = |offset: usize| starts.partition_point(|&s| s < offset);
        hits.extend(matcher.find_overlapping_iter(joined).map(|m| {
            // Matches start on the framing space before the first stem and end after the space
            // following the last one.
            let first = word_at(m.start() + 1);
            let last = word_at(m.end() - 1);
            let pattern = m.pattern().as_usize();
            Hit {
                entry: &self.entries[base + pattern],
                words: first..last,
                range: words.span(first..last),
            }
        }));
    }

    /// Whether any entry occurs in `words`.
    pub fn any(&self, words: &Words) -> bool {
        match &self.numbered {
            Some(_) => !self.find(words).is_empty(),
            None => self.matcher.is_match(&words.joined),
        }
    }
}

fn matcher(keys: &[String]) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
        .build(keys)
        .unwrap_or_else(|e| panic!("lexicon patterns are plain strings: {e}"))
}

/// Reads a TOML lexicon file of the shape `words = ["…", …]` (or any other array key) into phrases.
pub fn toml_list(source: &str, key: &str) -> Vec<String> {
    let table: toml::Table = source
        .parse()
        .unwrap_or_else(|e| panic!("built-in lexicon is valid TOML: {e}"));
    table
        .get(key)
        .and_then(|v| v.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon(phrases: &[&str]) -> Lexicon<String> {
        Lexicon::new(phrases.iter().map(|p| (p.to_string(), p.to_string())))
    }

    fn found(lex: &Lexicon<String>, text: &str) -> Vec<(String, String)> {
        let words = Words::new(text);
        lex.find(&words)
            .into_iter()
            .map(|h| (h.entry.clone(), text[h.range].to_string()))
            .collect()
    }

    #[test]
    fn matches_inflected_forms_of_a_cue() {
        let lex = lexicon(&["improve", "push back on"]);
        assert_eq!(
            found(&lex, "I improved it, then pushed back on the plan."),
            vec![
                ("improve".into(), "improved".into()),
                ("push back on".into(), "pushed back on".into())
            ]
        );
    }

    /// A number slot takes digits and number words alike; numbers written out in a phrase stay those
    /// very words; and every hit names its own phrase, slotted or not, over its own words.
    #[test]
    fn a_number_slot_takes_digits_and_number_words() {
        let phrases = [
            "shipped in # weeks",
            "no one asked",
            "under 13",
            "five whys",
        ];
        let lex = Lexicon::with_numbers(
            phrases.iter().map(|p| (p.to_string(), p.to_string())),
            ["one", "two", "six", "five", "dozens"].map(String::from),
        );
        let entries = |text: &str| -> Vec<String> {
            found(&lex, text)
                .into_iter()
                .map(|(entry, _)| entry)
                .collect()
        };
        assert_eq!(entries("We shipped in 6 weeks."), ["shipped in # weeks"]);
        assert_eq!(entries("We shipped in six weeks."), ["shipped in # weeks"]);
        assert_eq!(
            entries("We shipped in dozens weeks."),
            ["shipped in # weeks"]
        );
        assert!(entries("We shipped in many weeks.").is_empty());
        assert_eq!(entries("No one asked, so I did."), ["no one asked"]);
        assert!(entries("No 5 asked.").is_empty());
        assert_eq!(entries("Kids under 13 use it."), ["under 13"]);
        assert!(entries("Kids under two use it.").is_empty());
        // A unit written against its number keeps it a number; a word of its own does not become one.
        assert_eq!(entries("We shipped in 6weeks."), Vec::<String>::new());
        assert_eq!(stem("100GB"), "#");
        assert_eq!(stem("40ms"), "#");
        assert_eq!(stem("3k"), "#");
        for word in ["10x", "2fa", "99th", "k8s", "2pc", "3d", "4g"] {
            assert_ne!(stem(word), "#", "{word}");
        }
        // A word that only softens the number ("just", "about") is read past; one that changes it is not.
        assert_eq!(
            found(&lex, "We shipped in just six weeks."),
            [(
                "shipped in # weeks".to_string(),
                "shipped in just six weeks".to_string()
            )]
        );
        assert_eq!(
            entries("We shipped in about 6 weeks."),
            ["shipped in # weeks"]
        );
        assert!(entries("We shipped in just weeks.").is_empty());
        assert!(entries("We shipped in over 6 weeks.").is_empty());
        assert!(entries("We shipped in only.").is_empty());
        assert_eq!(entries("I ran the five whys."), ["five whys"]);
        assert!(entries("I ran the 5 whys.").is_empty());
        let text = "No one asked; we shipped in two weeks.";
        assert_eq!(
            found(&lex, text),
            [
                ("no one asked".to_string(), "No one asked".to_string()),
                (
                    "shipped in # weeks".to_string(),
                    "shipped in two weeks".to_string()
                )
            ]
        );
    }

    #[test]
    fn matches_only_whole_words() {
        let lex = lexicon(&["cost"]);
        assert!(found(&lex, "The costume was accosted.").is_empty());
        assert_eq!(found(&lex, "Costs fell.").len(), 1);
    }

    #[test]
    fn numbers_compare_in_one_unit() {
        let at = |text: &str| {
            let words = Words::new(text);
            let slots: Vec<usize> = (0..words.len())
                .filter(|&i| words.words[i].stem == "#")
                .collect();
            compared_quantities(&words, slots[0], *slots.last().unwrap())
        };
        assert_eq!(at("from 1.2 s to 300 ms"), Some((1.2, 0.3)));
        assert_eq!(at("from 1,200ms to 300ms"), Some((1.2, 0.3)));
        assert_eq!(at("from 4 to 12 minutes"), Some((240.0, 720.0)));
        assert_eq!(at("from 2 weeks to 3 days"), Some((1_209_600.0, 259_200.0)));
        assert_eq!(at("from 400k to 1.2m"), Some((400_000.0, 1_200_000.0)));
        assert_eq!(at("from 12% to 1.5%"), Some((12.0, 1.5)));
        // Number words are a slot, but not a quantity the reading compares.
        assert_eq!(
            compared_quantities(&Words::new("from 12% to five"), 1, 3),
            None
        );
    }

    #[test]
    fn numbers_match_the_number_slot() {
        let lex = lexicon(&["shipped in 1 weeks"]);
        assert_eq!(
            found(&lex, "We shipped in 6 weeks."),
            vec![("shipped in 1 weeks".into(), "shipped in 6 weeks".into())]
        );
    }

    #[test]
    fn ranges_are_exact_around_multibyte_text() {
        let lex = lexicon(&["trade-off"]);
        let text = "🚀 日本 the trade-off was clear";
        let hits = found(&lex, text);
        assert_eq!(hits, vec![("trade-off".into(), "trade-off".into())]);
    }

    #[test]
    fn irregular_past_forms_match_their_base_form() {
        let lex = lexicon(&["take ownership", "dig into"]);
        assert_eq!(found(&lex, "I took ownership and dug into it.").len(), 2);
        assert_eq!(stem("wrote"), stem("write"));
        assert_eq!(stem("built"), stem("building"));
        // Words that are also nouns keep their own stem.
        assert_ne!(stem("left"), stem("leave"));
        assert_ne!(stem("found"), stem("find"));
    }

    #[test]
    fn typographic_apostrophes_match_plain_ones() {
        let lex = lexicon(&["didn't"]);
        assert_eq!(found(&lex, "I didn\u{2019}t wait.").len(), 1);
    }
}
