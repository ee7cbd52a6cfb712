//! Cue words of a case study: which of the six parts a sentence, heading or lead-in label shows, and the
//! words the sentence-level rules look for (improvement claims, weak verbs, collaboration, customers and
//! money, jargon, pronouns, template placeholders).
//!
//! Everything here reads one sentence (or one heading) and returns byte ranges into it; whether a case
//! study *lacks* a part, or a claim is vague, is the rules' judgment. The cue phrases live in
//! `cues/parts.toml`, `cues/words.toml` and `cues/jargon.toml` and are matched on word stems by
//! [`super::lexicon`]. Decisions a rule author should know:
//!
//! - A part cue after a negation or a hypothetical in the same clause ("I *should have* considered
//!   alternatives", "we *never* interviewed users") is still reported, with `weak: true`. It shows the
//!   writer knows the part exists, not that the story has it, so a `missing-*` rule should not be
//!   satisfied by weak cues alone. Learnings are never weak: "next time I would..." *is* the lesson.
//! - Improvement words are not reported when they are a goal or a need ("to improve", "customers wanted
//!   faster checkout"), negated ("didn't improve"), or a noun of planning ("room for improvement");
//!   "better" judging an approach ("a better way was to...") is not a claim either. Intensifiers
//!   ("significantly", "huge") count only next to a change word ("significantly reduced", "huge impact").
//!   Plain direction verbs ("reduced", "increased") are not improvement words: they are results when a
//!   number is near, and the metrics module reads them.
//! - Weak verbs count only with a first-person subject close before them ("I helped", "my team worked on")
//!   or opening a subjectless sentence ("Helped migrate..."): "the cache helped customers" hides nobody.
//! - Pronouns inside quotation marks are someone else's voice and are not reported; a capital "I" that is
//!   a roman numeral ("Phase I") or part of "I/O" is not a pronoun.
//! - Cues inside inline code, link destinations, URLs and HTML tags are ignored.
//! - `Technology` marks a sentence that opens with the solution: solution verbs ("implemented",
//!   "migrated to") and every hard jargon term. Soft jargon ("database", "latency") is not technology.

use super::lexicon::{Hit, Lexicon, Word, Words};
use rustc_hash::FxHashSet as HashSet;
use serde::Deserialize;
use std::ops::Range;
use std::sync::LazyLock;

/// What a strong case study contains, after the questions an interviewer asks.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub enum Part {
    Problem,
    Validation,
    Alternatives,
    Actions,
    Results,
    Learnings,
}

impl Part {
    pub const ALL: [Part; 6] = [
        Part::Problem,
        Part::Validation,
        Part::Alternatives,
        Part::Actions,
        Part::Results,
        Part::Learnings,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Part::Problem => "Problem",
            Part::Validation => "Validation",
            Part::Alternatives => "Alternatives",
            Part::Actions => "Actions",
            Part::Results => "Results",
            Part::Learnings => "Learnings",
        }
    }
}

/// What a cue shows.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub enum CueKind {
    /// Prose that shows one of the six parts.
    Part(Part),
    /// A claim that something got better: "improved", "faster", "significantly reduced".
    Improvement,
    /// A reaction claimed as a result: "customers loved it", "the team was happy", "well received".
    Reception,
    /// A verb that hides the writer's agency: "helped", "worked on", "was responsible for".
    WeakVerb,
    /// Working with or influencing others: "partnered with", "convinced", "with the payments team".
    Collaboration,
    /// The people served and their experience: "customers", "shoppers", "support tickets", "checkout".
    Customer,
    /// Money and the business's numbers: "revenue", "cost", "conversion", "$40K".
    Business,
    /// A technical term; `weak` when it is a soft one ("latency", "database").
    Jargon,
    /// "I", "my", "me".
    FirstPersonSingular,
    /// "we", "our", "us".
    FirstPersonPlural,
    /// The solution named: "implemented", "migrated to", "Kafka".
    Technology,
    /// A template slot left unfilled: "[baseline]", "TODO", "XX%", "$X", "???".
    Placeholder,
    /// "not", "never", "without"…: makes part cues after it weak.
    Negation,
    /// "should have", "plan to", "next time"…: makes part cues after it weak.
    Hypothetical,
}

/// One cue in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    /// Byte range in the sentence text.
    pub range: Range<usize>,
    pub kind: CueKind,
    /// The cue counts for less: a part cue under a negation or hypothetical, or a soft jargon term.
    pub weak: bool,
}

/// Jargon density of a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct JargonReading {
    /// Byte ranges of the technical terms, in order.
    pub terms: Vec<Range<usize>>,
    /// Content words in the sentence (stop words and bare numbers left out).
    pub words: usize,
    /// Whether the sentence also speaks of customers or the business.
    pub has_customer_or_business: bool,
    /// Hard terms count 1, soft terms 1/2.
    pub weight: f32,
    /// How many of `terms` are hard.
    pub hard_terms: usize,
}

impl JargonReading {
    /// Minimum number of terms for a dense sentence.
    pub const MIN_TERMS: usize = 3;
    /// Minimum summed weight (so three soft words are never dense).
    pub const MIN_WEIGHT: f32 = 2.5;
    /// Minimum weight per content word.
    pub const MIN_DENSITY: f32 = 0.2;

    /// Term weight per content word.
    pub fn density(&self) -> f32 {
        if self.words == 0 {
            0.0
        } else {
            self.weight / self.words as f32
        }
    }

    /// Dense technical terms and no customer or business word: what `jargon-heavy` flags.
    pub fn is_heavy(&self) -> bool {
        !self.has_customer_or_business
            && self.terms.len() >= Self::MIN_TERMS
            && self.weight >= Self::MIN_WEIGHT
            && self.density() >= Self::MIN_DENSITY
    }
}

// ---------------------------------------------------------------------------------------------------
// Data

#[derive(Deserialize, Default)]
#[serde(default)]
struct CueList {
    cues: Vec<String>,
    not: Vec<String>,
}

#[derive(Deserialize)]
struct ActionsData {
    cues: Vec<String>,
    verbs: Vec<String>,
    past: Vec<String>,
    skip: Vec<String>,
}

#[derive(Deserialize)]
struct ResultsData {
    cues: Vec<String>,
    with_number: Vec<String>,
    not: Vec<String>,
}

#[derive(Deserialize)]
struct HeadingsData {
    problem: Vec<String>,
    validation: Vec<String>,
    alternatives: Vec<String>,
    actions: Vec<String>,
    results: Vec<String>,
    learnings: Vec<String>,
}

#[derive(Deserialize)]
struct PartsFile {
    problem: CueList,
    validation: CueList,
    alternatives: CueList,
    actions: ActionsData,
    results: ResultsData,
    learnings: CueList,
    headings: HeadingsData,
}

#[derive(Deserialize)]
struct ImprovementData {
    cues: Vec<String>,
    reception: Vec<String>,
    moved: Vec<String>,
    intensifiers: Vec<String>,
    change: Vec<String>,
    not: Vec<String>,
}

#[derive(Deserialize)]
struct CollaborationData {
    cues: Vec<String>,
    prepositions: Vec<String>,
    groups: Vec<String>,
    responses: Vec<String>,
    responders: Vec<String>,
    not: Vec<String>,
}

#[derive(Deserialize)]
struct GoalData {
    cues: Vec<String>,
    to_exceptions: Vec<String>,
    done_to: Vec<String>,
}

#[derive(Deserialize)]
struct PronounData {
    singular: Vec<String>,
    plural: Vec<String>,
    roman_before: Vec<String>,
}

#[derive(Deserialize)]
struct WordList {
    words: Vec<String>,
}

#[derive(Deserialize)]
struct WordsFile {
    improvement: ImprovementData,
    weak_verb: CueList,
    collaboration: CollaborationData,
    customer: CueList,
    internal: InternalData,
    business: CueList,
    technology: CueList,
    negation: CueList,
    hypothetical: CueList,
    goal: GoalData,
    system: SystemData,
    pronouns: PronounData,
    stopwords: WordList,
    numbers: WordList,
}

/// See `[internal]` in words.toml.
#[derive(Deserialize)]
struct InternalData {
    cues: Vec<String>,
    not: Vec<String>,
    own: Vec<String>,
}

/// See `[system]` in words.toml.
#[derive(Deserialize)]
struct SystemData {
    nouns: Vec<String>,
    adjectives: Vec<String>,
    keep: Vec<String>,
}

#[derive(Deserialize)]
struct JargonFile {
    hard: Vec<String>,
    soft: Vec<String>,
    proper: Vec<String>,
    not: Vec<String>,
}

/// What a lexicon entry means when it matches.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tag {
    Cue(CueKind),
    /// A jargon term: hard ones are also technology.
    Term {
        hard: bool,
    },
    /// An outcome verb that is a result only with a number in the sentence.
    ResultWithNumber,
    Intensifier,
    Change,
    /// A verb saying a measure moved: a claim beside a customer or business word.
    Moved,
    /// People inside the company ("developers", "analysts"): an internal tool's customers when they
    /// are the ones hurting (beside a problem cue).
    Internal,
    ActionVerb,
    Goal,
    /// Cancels cues of this kind that it overlaps.
    Not(CueKind),
}

struct Entry {
    tag: Tag,
    /// The phrase's words, lowercased, for the surface check (see [`surface_ok`]).
    surface: Vec<String>,
    /// For proper names: the words as written, which must match with their capitals.
    case: Option<Vec<String>>,
    /// Match the phrase words as written, without stripping them to a base first.
    exact: bool,
}

struct Data {
    lex: Lexicon<Entry>,
    headings: Lexicon<Entry>,
    past: HashSet<String>,
    skip: HashSet<String>,
    prepositions: HashSet<String>,
    groups: HashSet<String>,
    /// Another party's answer ("the risk team disagreed", "their lead agreed"), and who may give it
    /// besides `groups`.
    responses: HashSet<String>,
    responders: HashSet<String>,
    to_exceptions: HashSet<String>,
    done_to: HashSet<String>,
    singular: HashSet<String>,
    plural: HashSet<String>,
    roman_before: HashSet<String>,
    stopwords: HashSet<String>,
    numbers: HashSet<String>,
    system_nouns: HashSet<String>,
    system_adjectives: HashSet<String>,
    system_keep: HashSet<String>,
    /// Words before people inside the company that make them the writer's own team ("my engineers").
    own_team: HashSet<String>,
}

fn parse<T: serde::de::DeserializeOwned>(source: &str, name: &str) -> T {
    toml::from_str(source).unwrap_or_else(|e| panic!("built-in lexicon {name} is valid: {e}"))
}

/// A phrase written `=word` matches only that word and its inflections, not words sharing its base
/// ("=options" finds "options" but not "Option B").
fn entry(phrase: &str, tag: Tag, case_sensitive: bool) -> (String, Entry) {
    let (exact, phrase) = match phrase.strip_prefix('=') {
        Some(rest) => (true, rest),
        None => (false, phrase),
    };
    let words = Words::new(phrase);
    let surface = words.words.iter().map(|w| w.lower.clone()).collect();
    let case = case_sensitive.then(|| {
        words
            .words
            .iter()
            .map(|w| phrase[w.range.clone()].to_string())
            .collect()
    });
    (
        phrase.to_string(),
        Entry {
            tag,
            surface,
            case,
            exact,
        },
    )
}

fn set(words: &[String]) -> HashSet<String> {
    words.iter().map(|w| w.to_lowercase()).collect()
}

static DATA: LazyLock<Data> = LazyLock::new(|| {
    let parts: PartsFile = parse(include_str!("parts.toml"), "parts.toml");
    let words: WordsFile = parse(include_str!("words.toml"), "words.toml");
    let jargon: JargonFile = parse(include_str!("jargon.toml"), "jargon.toml");

    let mut pairs = Vec::new();
    let mut add = |list: &[String], tag: Tag| {
        for phrase in list {
            pairs.push(entry(phrase, tag, false));
        }
    };
    let add_list = |list: &CueList, kind: CueKind, add: &mut dyn FnMut(&[String], Tag)| {
        add(&list.cues, Tag::Cue(kind));
        add(&list.not, Tag::Not(kind));
    };
    add_list(&parts.problem, CueKind::Part(Part::Problem), &mut add);
    add_list(&parts.validation, CueKind::Part(Part::Validation), &mut add);
    add_list(
        &parts.alternatives,
        CueKind::Part(Part::Alternatives),
        &mut add,
    );
    add_list(&parts.learnings, CueKind::Part(Part::Learnings), &mut add);
    add(&parts.actions.cues, Tag::Cue(CueKind::Part(Part::Actions)));
    add(&parts.actions.verbs, Tag::ActionVerb);
    add(&parts.results.cues, Tag::Cue(CueKind::Part(Part::Results)));
    add(&parts.results.with_number, Tag::ResultWithNumber);
    add(&parts.results.not, Tag::Not(CueKind::Part(Part::Results)));
    add(&words.improvement.cues, Tag::Cue(CueKind::Improvement));
    add(&words.improvement.reception, Tag::Cue(CueKind::Reception));
    add(&words.improvement.moved, Tag::Moved);
    add(&words.improvement.intensifiers, Tag::Intensifier);
    add(&words.improvement.change, Tag::Change);
    add(&words.improvement.not, Tag::Not(CueKind::Improvement));
    add_list(&words.weak_verb, CueKind::WeakVerb, &mut add);
    add(&words.collaboration.cues, Tag::Cue(CueKind::Collaboration));
    add(&words.collaboration.not, Tag::Not(CueKind::Collaboration));
    add_list(&words.customer, CueKind::Customer, &mut add);
    add(&words.internal.cues, Tag::Internal);
    add(&words.internal.not, Tag::Not(CueKind::Customer));
    add_list(&words.business, CueKind::Business, &mut add);
    add_list(&words.technology, CueKind::Technology, &mut add);
    add_list(&words.negation, CueKind::Negation, &mut add);
    add_list(&words.hypothetical, CueKind::Hypothetical, &mut add);
    add(&words.goal.cues, Tag::Goal);
    add(&jargon.hard, Tag::Term { hard: true });
    add(&jargon.soft, Tag::Term { hard: false });
    add(&jargon.not, Tag::Not(CueKind::Jargon));
    for phrase in &jargon.proper {
        pairs.push(entry(phrase, Tag::Term { hard: true }, true));
    }

    let h = &parts.headings;
    let mut heading_pairs = Vec::new();
    for (list, part) in [
        (&h.problem, Part::Problem),
        (&h.validation, Part::Validation),
        (&h.alternatives, Part::Alternatives),
        (&h.actions, Part::Actions),
        (&h.results, Part::Results),
        (&h.learnings, Part::Learnings),
    ] {
        for phrase in list {
            heading_pairs.push(entry(phrase, Tag::Cue(CueKind::Part(part)), false));
        }
    }

    let mut stopwords = set(&words.stopwords.words);
    // Numbering and filler in headings and labels ("Part 2", "Key results").
    stopwords.extend(["part", "step", "section", "key", "main", "our", "my"].map(String::from));
    Data {
        lex: Lexicon::new(pairs),
        headings: Lexicon::new(heading_pairs),
        past: set(&parts.actions.past),
        skip: set(&parts.actions.skip),
        prepositions: set(&words.collaboration.prepositions),
        groups: set(&words.collaboration.groups),
        responses: set(&words.collaboration.responses),
        responders: set(&words.collaboration.responders),
        to_exceptions: set(&words.goal.to_exceptions),
        done_to: set(&words.goal.done_to),
        singular: set(&words.pronouns.singular),
        plural: set(&words.pronouns.plural),
        roman_before: set(&words.pronouns.roman_before),
        stopwords,
        numbers: set(&words.numbers.words),
        system_nouns: set(&words.system.nouns),
        system_adjectives: set(&words.system.adjectives),
        system_keep: set(&words.system.keep),
        own_team: set(&words.internal.own),
    }
});

// ---------------------------------------------------------------------------------------------------
// Matching

/// What may follow the phrase word's base in a text word: inflections only, so "options" finds
/// "option" but not "optional", and "customer" never finds "custom".
const INFLECTIONS: [&str; 12] = [
    "", "s", "es", "ed", "d", "ing", "e", "y", "ies", "ied", "'s", "s'",
];

fn base_forms(word: &str) -> impl Iterator<Item = &str> {
    let stripped = ["ies", "ing", "ed", "es", "s", "e", "y"]
        .iter()
        .filter_map(|suffix| word.strip_suffix(suffix))
        .find(|base| base.chars().count() >= 3);
    std::iter::once(word).chain(stripped)
}

fn inflection_of(text_word: &str, base: &str) -> bool {
    let Some(rest) = text_word.strip_prefix(base) else {
        return false;
    };
    if INFLECTIONS.contains(&rest) {
        return true;
    }
    // A doubled final consonant: "ship" → "shipped", "plan" → "planning".
    match (base.chars().last(), rest.chars().next()) {
        (Some(last), Some(first)) if last == first && last.is_alphabetic() => {
            matches!(&rest[first.len_utf8()..], "ed" | "ing" | "er")
        }
        _ => false,
    }
}

/// Stems are coarse ("customer" and "custom" share one); a match also needs each text word to be the
/// phrase word or an inflection of it, and proper names their capitals.
fn surface_ok(entry: &Entry, words: &[Word], text: &str, first_word: bool) -> bool {
    if entry.surface.len() != words.len() {
        return false;
    }
    for (i, (phrase_word, word)) in entry.surface.iter().zip(words).enumerate() {
        if word.stem == "#" {
            continue;
        }
        if let Some(case) = &entry.case {
            // A capitalized English word opening a sentence says nothing about a proper name.
            if first_word && i == 0 {
                return false;
            }
            let written = text.get(word.range.clone()).unwrap_or("");
            if !written.starts_with(case[i].as_str()) || !inflection_of(written, &case[i]) {
                return false;
            }
            continue;
        }
        let ok = if entry.exact {
            inflection_of(&word.lower, phrase_word)
        } else {
            base_forms(phrase_word).any(|base| inflection_of(&word.lower, base))
        };
        if !ok {
            return false;
        }
    }
    true
}

fn find<'a>(lex: &'a Lexicon<Entry>, words: &Words, text: &str) -> Vec<Hit<'a, Entry>> {
    lex.find(words)
        .into_iter()
        .filter(|h| {
            surface_ok(
                h.entry,
                &words.words[h.words.clone()],
                text,
                h.words.start == 0,
            )
        })
        .collect()
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn inside(a: &Range<usize>, spans: &[Range<usize>]) -> bool {
    spans.iter().any(|s| overlaps(a, s))
}

/// Spans that are not prose even inside a sentence: inline code, link destinations, URLs, HTML tags.
/// Only ASCII delimiters are looked for, so every boundary is a char boundary.
fn masked_spans(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'`' => {
                let run = b[i..].iter().take_while(|&&c| c == b'`').count();
                let fence = &text[i..i + run];
                match text[i + run..].find(fence) {
                    Some(close) => {
                        let end = i + run + close + run;
                        spans.push(i..end);
                        i = end;
                    }
                    None => i += run,
                }
                continue;
            }
            b']' if b.get(i + 1) == Some(&b'(') => {
                if let Some(close) = text[i + 1..].find(')') {
                    spans.push(i + 1..i + 1 + close + 1);
                    i = i + 1 + close + 1;
                    continue;
                }
            }
            b'<' if b
                .get(i + 1)
                .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'/' || *c == b'!') =>
            {
                if let Some(close) = text[i..].find('>') {
                    spans.push(i..i + close + 1);
                    i += close + 1;
                    continue;
                }
            }
            b'h' | b'w'
                if text[i..].starts_with("http://")
                    || text[i..].starts_with("https://")
                    || text[i..].starts_with("www.") =>
            {
                let end = text[i..]
                    .find(|c: char| c.is_whitespace() || c == ')' || c == '>')
                    .map_or(text.len(), |e| i + e);
                spans.push(i..end);
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    spans
}

/// Text in quotation marks: someone else's words.
fn quoted_spans(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut straight: Option<usize> = None;
    let mut curly: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '"' => match straight.take() {
                Some(open) => spans.push(open..i + 1),
                None => straight = Some(i),
            },
            '\u{201C}' => curly = Some(i),
            '\u{201D}' => {
                if let Some(open) = curly.take() {
                    spans.push(open..i + c.len_utf8());
                }
            }
            _ => {}
        }
    }
    spans
}

/// Whether hits `a` and `b` sit within `reach` words of each other, on either side, in one clause.
fn beside(text: &str, a: &Hit<Entry>, b: &Hit<Entry>, reach: usize) -> bool {
    (b.words.start >= a.words.end && b.words.start - a.words.end <= reach
        || a.words.start >= b.words.end && a.words.start - b.words.end <= reach)
        && !crosses_clause(
            text,
            a.range.start.min(b.range.start),
            a.range.end.max(b.range.end),
        )
}

/// Whether the text between two byte offsets crosses a clause boundary.
fn crosses_clause(text: &str, from: usize, to: usize) -> bool {
    text.get(from..to).is_some_and(|between| {
        between.contains([
            ',', ';', ':', '(', ')', '\u{2014}', '\u{2013}', '.', '!', '?',
        ])
    })
}

/// Whether the customer or business words ending before word `next` name a system: one of the
/// system nouns follows them, at once or after hyphenated words ("order-sync service"), none of which
/// keeps them about people ("customer-facing"), and the pair is not one the business says itself.
fn names_system(s: &Sentence, d: &Data, mut next: usize) -> bool {
    let words = &s.words.words;
    let Some(cue_last) = next.checked_sub(1).map(|i| words[i].lower.as_str()) else {
        return false;
    };
    let gap = |i: usize| {
        s.text
            .get(words[i - 1].range.end..words[i].range.start)
            .unwrap_or("")
    };
    while next < words.len() && gap(next) == "-" {
        let part = words[next].lower.as_str();
        if d.system_nouns.contains(part) {
            return true;
        }
        if d.system_adjectives.contains(part) {
            return false;
        }
        next += 1;
    }
    next < words.len()
        && gap(next).bytes().all(|b| b == b' ')
        && !gap(next).is_empty()
        && d.system_nouns.contains(&words[next].lower)
        && !d
            .system_keep
            .contains(&format!("{cue_last} {}", words[next].lower))
}

/// Whether the customer or business word just before word `next` names a system ("the customer database",
/// "the order-sync service"): for the Leadership Principle reading, which weighs customer words too.
pub fn names_system_before(text: &str, words: &Words, next: usize) -> bool {
    let s = Sentence {
        text,
        words,
        quotes: Vec::new(),
    };
    names_system(&s, &DATA, next)
}

struct Sentence<'t, 'w> {
    text: &'t str,
    words: &'w Words,
    quotes: Vec<Range<usize>>,
}

impl Sentence<'_, '_> {
    fn word(&self, i: usize) -> &Word {
        &self.words.words[i]
    }

    fn written(&self, i: usize) -> &str {
        self.text.get(self.word(i).range.clone()).unwrap_or("")
    }

    fn quoted(&self, i: usize) -> bool {
        inside(&self.word(i).range, &self.quotes)
    }

    /// First-person pronoun at word `i`, and whether it is singular.
    fn pronoun(&self, i: usize, d: &Data) -> Option<bool> {
        let w = self.word(i);
        if self.quoted(i) {
            return None;
        }
        let written = self.written(i);
        if d.singular.contains(&w.lower) {
            if w.lower == "i" && self.roman_i(i, d) {
                return None;
            }
            if written == "ME" {
                return None;
            }
            return Some(true);
        }
        if d.plural.contains(&w.lower) {
            // "US" and "U.S." are the country.
            if written == "US" || written.starts_with("U.S") {
                return None;
            }
            return Some(false);
        }
        None
    }

    /// "Phase I", "I/O", "I-95": a capital I that is no pronoun.
    fn roman_i(&self, i: usize, d: &Data) -> bool {
        let range = &self.word(i).range;
        let before = self.text[..range.start].chars().next_back();
        let mut after = self.text[range.end..].chars();
        let next = after.next();
        if before == Some('/') || next == Some('/') {
            return true;
        }
        if next == Some('-') && after.next().is_some_and(|c| c.is_ascii_digit()) {
            return true;
        }
        i > 0 && d.roman_before.contains(&self.word(i - 1).lower)
    }

    fn has_number(&self, d: &Data, slots: &[Range<usize>]) -> bool {
        self.text
            .match_indices('%')
            .any(|(i, _)| !inside(&(i..i + 1), slots))
            || self
                .words
                .words
                .iter()
                .filter(|w| !inside(&w.range, slots))
                .any(|w| {
                    w.stem == "#"
                        || w.lower.chars().any(|c| c.is_ascii_digit())
                        || d.numbers.contains(&w.lower)
                })
    }
}

/// Whether a modifier hit (negation, hypothetical, goal) governs a cue starting at `start`: it ends
/// before the cue, at most `reach` words before it, in the same clause.
fn governs(s: &Sentence, modifier: &Hit<Entry>, cue_word: usize, reach: usize) -> bool {
    let cue_start = s.word(cue_word).range.start;
    modifier.words.end <= cue_word
        && cue_word - modifier.words.end <= reach
        && !crosses_clause(s.text, modifier.range.end, cue_start)
}

/// A goal or a need, not a claim: "to improve", "wanted faster", "the goal was to cut costs by 20%".
fn goal_framed(s: &Sentence, hits: &[Hit<Entry>], cue_word: usize, d: &Data) -> bool {
    if cue_word > 0 && s.word(cue_word - 1).lower == "to" {
        let exception = cue_word > 1 && d.to_exceptions.contains(&s.word(cue_word - 2).lower);
        if !exception {
            return true;
        }
    }
    // Hits are in text order and a modifier must end within reach of the cue, so only the hits that
    // start shortly before it can govern it: look at those, not at every hit of a long sentence.
    const REACH: usize = 5;
    const LONGEST_PHRASE: usize = 16;
    let from = hits.partition_point(|h| h.words.start + REACH + LONGEST_PHRASE < cue_word);
    hits[from..]
        .iter()
        .take_while(|h| h.words.start <= cue_word)
        .any(|h| {
            matches!(
                h.entry.tag,
                Tag::Goal | Tag::Cue(CueKind::Hypothetical) | Tag::Cue(CueKind::Negation)
            ) && governs(s, h, cue_word, REACH)
        })
}

/// All cues in one sentence. `words` is `Words::new(text)`.
pub fn sentence_cues(text: &str, words: &Words) -> Vec<Cue> {
    let d = &*DATA;
    let masked = masked_spans(text);
    let s = Sentence {
        text,
        words,
        quotes: quoted_spans(text),
    };
    let mut hits = find(&d.lex, words, text);
    hits.retain(|h| !inside(&h.range, &masked));
    let nots: Vec<(CueKind, Range<usize>)> = hits
        .iter()
        .filter_map(|h| match h.entry.tag {
            Tag::Not(kind) => Some((kind, h.range.clone())),
            _ => None,
        })
        .collect();
    let cancelled = |kind: CueKind, range: &Range<usize>| {
        nots.iter().any(|(k, r)| {
            let k = *k;
            (k == kind || (k == CueKind::Jargon && kind == CueKind::Technology))
                && overlaps(r, range)
        })
    };
    hits.retain(|h| match h.entry.tag {
        // The improvement list's `not` speaks for reactions too ("happy to help").
        Tag::Cue(CueKind::Reception) => !cancelled(CueKind::Improvement, &h.range),
        Tag::Cue(kind) => !cancelled(kind, &h.range),
        Tag::Term { .. } => !cancelled(CueKind::Jargon, &h.range),
        Tag::ResultWithNumber => !cancelled(CueKind::Part(Part::Results), &h.range),
        Tag::Intensifier | Tag::Change | Tag::Moved => !cancelled(CueKind::Improvement, &h.range),
        Tag::Internal => !cancelled(CueKind::Customer, &h.range),
        _ => true,
    });
    // "the orders table", "the order-sync service": a system's name, not its customers or its money.
    hits.retain(|h| {
        !(matches!(
            h.entry.tag,
            Tag::Cue(CueKind::Customer | CueKind::Business) | Tag::Internal
        ) && names_system(&s, d, h.words.end))
    });
    let slots: Vec<Range<usize>> = placeholders(text, &s)
        .into_iter()
        .filter(|r| !inside(r, &masked))
        .collect();
    // A template slot is no content: "cut churn by XX%" has no number, "[baseline]" no validation.
    hits.retain(|h| !inside(&h.range, &slots));
    let modifiers: Vec<&Hit<Entry>> = hits
        .iter()
        .filter(|h| {
            matches!(
                h.entry.tag,
                Tag::Cue(CueKind::Negation | CueKind::Hypothetical)
            )
        })
        .collect();
    // A lesson colours the rest of its sentence: "the lesson was to measure the baseline first" says
    // what should have been done.
    let lesson_before = |cue_word: usize| {
        hits.iter().any(|h| {
            h.entry.tag == Tag::Cue(CueKind::Part(Part::Learnings)) && h.words.end <= cue_word
        })
    };
    let under_modifier = |cue_word: usize| {
        modifiers.iter().any(|m| governs(&s, m, cue_word, 4)) || lesson_before(cue_word)
    };
    let has_number = s.has_number(d, &slots);
    // "I decided to interview users", "a better approach was to interview users": a plan, not yet done.
    let after_to = |i: usize| {
        i > 0
            && s.word(i - 1).lower == "to"
            && !(i > 1
                && (d.to_exceptions.contains(&s.word(i - 2).lower)
                    || d.done_to.contains(&s.word(i - 2).lower)))
    };

    let mut out = Vec::new();
    let mut push =
        |range: Range<usize>, kind: CueKind, weak: bool| out.push(Cue { range, kind, weak });

    for h in &hits {
        let first = h.words.start;
        match h.entry.tag {
            Tag::Cue(CueKind::Part(Part::Learnings)) => {
                push(h.range.clone(), CueKind::Part(Part::Learnings), false)
            }
            Tag::Cue(CueKind::Part(Part::Results)) => {
                if !goal_framed(&s, &hits, first, d) {
                    push(
                        h.range.clone(),
                        CueKind::Part(Part::Results),
                        under_modifier(first),
                    );
                }
            }
            Tag::Cue(CueKind::Part(part @ (Part::Validation | Part::Alternatives))) => push(
                h.range.clone(),
                CueKind::Part(part),
                under_modifier(first) || after_to(first),
            ),
            Tag::Cue(CueKind::Part(part)) => {
                push(h.range.clone(), CueKind::Part(part), under_modifier(first))
            }
            Tag::ResultWithNumber => {
                if has_number && !goal_framed(&s, &hits, first, d) {
                    push(
                        h.range.clone(),
                        CueKind::Part(Part::Results),
                        under_modifier(first),
                    );
                }
            }
            Tag::Cue(kind @ (CueKind::Improvement | CueKind::Reception)) => {
                if !goal_framed(&s, &hits, first, d) {
                    push(h.range.clone(), kind, false);
                }
            }
            Tag::Moved => {
                // "Conversion increased", "we cut costs", "support tickets for the new flow dropped".
                let measure = hits.iter().find(|c| {
                    matches!(c.entry.tag, Tag::Cue(CueKind::Customer | CueKind::Business))
                        && beside(text, h, c, 4)
                });
                if let Some(c) = measure {
                    if !goal_framed(&s, &hits, first, d) && !under_modifier(first) {
                        push(
                            h.range.start.min(c.range.start)..h.range.end.max(c.range.end),
                            CueKind::Improvement,
                            false,
                        );
                    }
                }
            }
            Tag::Intensifier => {
                let near = hits.iter().find(|c| {
                    matches!(c.entry.tag, Tag::Change | Tag::Cue(CueKind::Improvement))
                        && beside(text, h, c, 2)
                });
                if let Some(c) = near {
                    let start = h.words.start.min(c.words.start);
                    if !goal_framed(&s, &hits, start, d) {
                        push(
                            h.range.start.min(c.range.start)..h.range.end.max(c.range.end),
                            CueKind::Improvement,
                            false,
                        );
                    }
                }
            }
            Tag::Internal => {
                // "Our 300 developers waited 40 minutes a deploy": the people an internal tool serves,
                // hurting, are its customers; "my engineers" are the writer's own team.
                let own_team =
                    (first.saturating_sub(2)..first).any(|i| d.own_team.contains(&s.word(i).lower));
                let hurting = hits.iter().any(|c| {
                    c.entry.tag == Tag::Cue(CueKind::Part(Part::Problem))
                        && beside(text, h, c, 4)
                        && !under_modifier(c.words.start)
                });
                if hurting && !own_team {
                    push(h.range.clone(), CueKind::Customer, false);
                }
            }
            Tag::Cue(CueKind::WeakVerb) => {
                // "I helped", "my team worked on", and "I ... and was responsible for".
                let joined = first > 0
                    && matches!(s.word(first - 1).lower.as_str(), "and" | "also" | "then");
                let subject = first == 0
                    || (first.saturating_sub(3)..first).any(|i| s.pronoun(i, d).is_some())
                    || (joined && (0..first).any(|i| s.pronoun(i, d).is_some()));
                if subject {
                    push(h.range.clone(), CueKind::WeakVerb, false);
                }
            }
            Tag::Term { hard } => {
                push(h.range.clone(), CueKind::Jargon, !hard);
                if hard {
                    push(h.range.clone(), CueKind::Technology, false);
                }
            }
            Tag::Cue(kind) => push(h.range.clone(), kind, false),
            Tag::ActionVerb | Tag::Change | Tag::Goal | Tag::Not(_) => {}
        }
    }

    // Actions: "I" (skipping a couple of adverbs) then an action verb, or a sentence that opens with one
    // in the past tense ("Led the rollout to 40 stores").
    let verb_at = |i: usize| {
        hits.iter()
            .find(|h| h.entry.tag == Tag::ActionVerb && h.words.start == i)
    };
    for i in 0..words.len() {
        let w = s.word(i);
        if (w.lower == "i" || w.lower == "i've") && s.pronoun(i, d) == Some(true) {
            let mut j = i + 1;
            while j < words.len()
                && j - i <= 2
                && (d.skip.contains(&s.word(j).lower)
                    || (s.word(j).lower.ends_with("ly") && s.word(j).lower.len() > 4))
            {
                j += 1;
            }
            if let Some(v) = verb_at(j) {
                push(
                    w.range.start..v.range.end,
                    CueKind::Part(Part::Actions),
                    false,
                );
            }
        }
    }
    if let Some(v) = verb_at(0) {
        let w = s.word(0);
        let capital = s.written(0).chars().next().is_some_and(char::is_uppercase);
        if capital && (w.lower.ends_with("ed") || d.past.contains(&w.lower)) {
            push(v.range.clone(), CueKind::Part(Part::Actions), false);
        }
    }

    // Pronouns.
    for i in 0..words.len() {
        match s.pronoun(i, d) {
            Some(true) => push(s.word(i).range.clone(), CueKind::FirstPersonSingular, false),
            Some(false) => push(s.word(i).range.clone(), CueKind::FirstPersonPlural, false),
            None => {}
        }
    }

    // Collaboration: "with the payments team", "across three teams".
    for i in 0..words.len() {
        if !d.prepositions.contains(&s.word(i).lower) || inside(&s.word(i).range, &masked) {
            continue;
        }
        for j in i + 1..(i + 4).min(words.len()) {
            if crosses_clause(text, s.word(i).range.end, s.word(j).range.start) {
                break;
            }
            if d.groups.contains(&s.word(j).lower) {
                let range = s.word(i).range.start..s.word(j).range.end;
                if !cancelled(CueKind::Collaboration, &range) {
                    push(range, CueKind::Collaboration, false);
                }
                break;
            }
        }
    }

    // Collaboration: another party answering the writer, "the risk team disagreed", "their lead agreed".
    for i in 1..words.len() {
        if !d.responses.contains(&s.word(i).lower) || inside(&s.word(i).range, &masked) {
            continue;
        }
        let by = (i.saturating_sub(2)..i).rev().find(|&j| {
            let w = &s.word(j).lower;
            (d.groups.contains(w) || d.responders.contains(w))
                && !crosses_clause(text, s.word(j).range.end, s.word(i).range.start)
        });
        if let Some(j) = by {
            let range = s.word(j).range.start..s.word(i).range.end;
            if !cancelled(CueKind::Collaboration, &range) {
                push(range, CueKind::Collaboration, false);
            }
        }
    }

    for range in currency_amounts(text) {
        if !inside(&range, &masked) {
            push(range, CueKind::Business, false);
        }
    }
    for range in slots {
        push(range, CueKind::Placeholder, false);
    }

    merge(out)
}

/// Sorts cues and joins overlapping cues of one kind, so each word is reported once per kind.
fn merge(mut cues: Vec<Cue>) -> Vec<Cue> {
    cues.sort_by_key(|c| (c.kind, c.range.start, c.range.end));
    let mut out: Vec<Cue> = Vec::with_capacity(cues.len());
    for cue in cues {
        if let Some(last) = out.last_mut() {
            if last.kind == cue.kind && cue.range.start < last.range.end {
                last.range.end = last.range.end.max(cue.range.end);
                last.weak = last.weak && cue.weak;
                continue;
            }
        }
        out.push(cue);
    }
    out.sort_by_key(|c| (c.range.start, c.range.end, c.kind));
    out
}

/// "$40K", "€1.5M", "£300": money written with a currency sign.
fn currency_amounts(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for (i, c) in text.char_indices() {
        if !matches!(c, '$' | '€' | '£' | '¥') {
            continue;
        }
        let rest = &text[i + c.len_utf8()..];
        if !rest.starts_with(|ch: char| ch.is_ascii_digit()) {
            continue;
        }
        let len = rest
            .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '.' || ch == ','))
            .unwrap_or(rest.len());
        let number = rest[..len].trim_end_matches(['.', ',']);
        out.push(i..i + c.len_utf8() + number.len());
    }
    out
}

// ---------------------------------------------------------------------------------------------------
// Placeholders

/// Bracketed words that are editorial, not template slots.
const EDITORIAL: [&str; 8] = [
    "sic",
    "sic!",
    "citation needed",
    "emphasis mine",
    "emphasis added",
    "redacted",
    "...",
    "…",
];

/// Words after an "X"/"N" slot that make it a number left to fill ("saved X hours").
const SLOT_UNITS: [&str; 22] = [
    "hours",
    "hour",
    "days",
    "day",
    "weeks",
    "week",
    "months",
    "minutes",
    "seconds",
    "ms",
    "percent",
    "users",
    "customers",
    "people",
    "tickets",
    "times",
    "engineers",
    "dollars",
    "k",
    "requests",
    "orders",
    "points",
];

fn placeholders(text: &str, s: &Sentence) -> Vec<Range<usize>> {
    let mut out = bracket_slots(text);
    let b = text.as_bytes();
    // Runs of question marks standing alone ("???", "?? ms"), and fill-in blanks ("___").
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'?' || b[i] == b'_' {
            let c = b[i];
            let run = b[i..].iter().take_while(|&&x| x == c).count();
            let attached = i > 0 && (b[i - 1] as char).is_ascii_alphanumeric();
            let enough = if c == b'?' {
                run >= 3 || (run == 2 && !attached)
            } else {
                run >= 3
            };
            if enough {
                out.push(i..i + run);
            }
            i += run;
            continue;
        }
        i += 1;
    }
    for (i, w) in s.words.words.iter().enumerate() {
        let written = s.written(i);
        let next_char = text[w.range.end..].chars().next();
        let prev_char = text[..w.range.start].chars().next_back();
        let marker = match w.lower.as_str() {
            "todo" | "fixme" | "tbc" | "tba" => {
                written.chars().all(|c| c.is_ascii_uppercase()) || next_char == Some(':')
            }
            "tbd" => true,
            "xxx" => written == "XXX",
            "lorem" => s.words.words.get(i + 1).is_some_and(|n| n.lower == "ipsum"),
            _ => false,
        };
        if marker {
            out.push(w.range.clone());
            continue;
        }
        if let Some(range) = number_slot(text, s, i, written, prev_char, next_char) {
            out.push(range);
        }
    }
    out
}

/// "XX%", "$X", "N%", "Xms", "X hours": a letter standing where a number should be.
fn number_slot(
    text: &str,
    s: &Sentence,
    i: usize,
    written: &str,
    prev: Option<char>,
    next: Option<char>,
) -> Option<Range<usize>> {
    let range = s.word(i).range.clone();
    let letters: String = written
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    let slot_len = ["XXX", "XX", "X", "NN", "N", "xx", "x", "Y"]
        .iter()
        .find(|slot| letters.starts_with(**slot))
        .map(|slot| slot.len())?;
    let unit = &written[slot_len..];
    let attached_unit = matches!(
        unit,
        "ms" | "s" | "k" | "K" | "M" | "B" | "bn" | "h" | "x" | "m"
    );
    if !unit.is_empty() && !attached_unit {
        return None;
    }
    let currency = matches!(prev, Some('$' | '€' | '£' | '~'));
    let percent = next == Some('%');
    let uppercase = written.starts_with(['X', 'N']);
    let unit_word = if uppercase {
        s.words
            .words
            .get(i + 1)
            .filter(|n| {
                SLOT_UNITS.contains(&n.lower.as_str())
                    && !crosses_clause(text, range.end, n.range.start)
            })
            .map(|n| n.range.end)
    } else {
        None
    };
    let lone_x = written.starts_with(['x', 'X']) && unit == "x";
    if lone_x && !(currency || percent) {
        // "Xx"/"xx" read as a slot only with a sign around them.
        return None;
    }
    if !(currency || percent || unit_word.is_some() || (attached_unit && uppercase)) {
        return None;
    }
    let start = if currency {
        range.start - prev.map_or(0, char::len_utf8)
    } else {
        range.start
    };
    let end = if percent {
        range.end + 1
    } else {
        unit_word.unwrap_or(range.end)
    };
    Some(start..end)
}

/// "[baseline]", "[customer metric]": square brackets holding words, but not links, images, reference
/// links, footnotes, citations, wiki links or task checkboxes.
fn bracket_slots(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'[' {
            i += 1;
            continue;
        }
        let Some(len) = text[i + 1..].find([']', '[', '\n']) else {
            break;
        };
        let close = i + 1 + len;
        if b[close] != b']' {
            i = close;
            continue;
        }
        let inner = &text[i + 1..close];
        let before = if i > 0 { Some(b[i - 1]) } else { None };
        let after = b.get(close + 1).copied();
        let link = matches!(after, Some(b'(' | b'[' | b':'))
            || matches!(before, Some(b']' | b'!' | b'[' | b'\\'));
        let checkbox = matches!(inner, " " | "x" | "X" | "");
        let footnote = inner.starts_with('^');
        let citation = inner
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == ' ' || c == '-');
        let editorial = EDITORIAL.contains(&inner.trim().to_lowercase().as_str());
        let wordy = inner.chars().any(char::is_alphabetic)
            && inner.split_whitespace().count() <= 6
            && inner
                .chars()
                .all(|c| c.is_alphanumeric() || " _-%$#/'&.,:".contains(c));
        if !(link || checkbox || footnote || citation || editorial) && wordy {
            out.push(i..close + 1);
        }
        i = close + 1;
    }
    out
}

// ---------------------------------------------------------------------------------------------------
// Jargon

/// Jargon density of a sentence: technical terms per content word, and whether it also carries
/// customer or business words.
pub fn jargon(text: &str, words: &Words) -> JargonReading {
    jargon_reading(text, words, &sentence_cues(text, words))
}

/// [`jargon`] from cues already found for the sentence, to avoid matching twice.
pub fn jargon_reading(text: &str, words: &Words, cues: &[Cue]) -> JargonReading {
    let d = &*DATA;
    let masked = masked_spans(text);
    let mut terms = Vec::new();
    let mut weight = 0.0;
    let mut hard_terms = 0;
    for cue in cues.iter().filter(|c| c.kind == CueKind::Jargon) {
        terms.push(cue.range.clone());
        if cue.weak {
            weight += 0.5;
        } else {
            weight += 1.0;
            hard_terms += 1;
        }
    }
    let content = words
        .words
        .iter()
        .filter(|w| w.stem != "#" && !d.stopwords.contains(&w.lower) && !inside(&w.range, &masked))
        .count();
    JargonReading {
        terms,
        words: content,
        has_customer_or_business: cues
            .iter()
            .any(|c| matches!(c.kind, CueKind::Customer | CueKind::Business)),
        weight,
        hard_terms,
    }
}

// ---------------------------------------------------------------------------------------------------
// Headings and labels

/// Parts a short heading or label names, in order of appearance. Words the part phrases leave uncovered
/// may be stop words or numbering and at most one other word ("The problem with checkout"), so a
/// title like "Data pipeline redesign" names nothing.
fn named_parts(label: &str) -> Vec<Part> {
    let d = &*DATA;
    let words = Words::new(label);
    let counted: Vec<usize> = (0..words.len())
        .filter(|&i| {
            let w = &words.words[i];
            w.stem != "#" && !is_roman(&w.lower)
        })
        .collect();
    if counted.is_empty() || counted.len() > 8 {
        return Vec::new();
    }
    let hits = find(&d.headings, &words, label);
    let covered = |i: usize| hits.iter().any(|h| h.words.contains(&i));
    let uncovered = counted
        .iter()
        .filter(|&&i| !covered(i) && !d.stopwords.contains(&words.words[i].lower))
        .count();
    if uncovered > 1 {
        return Vec::new();
    }
    let mut parts: Vec<(usize, Part)> = Vec::new();
    for h in &hits {
        if let Tag::Cue(CueKind::Part(p)) = h.entry.tag {
            if !parts.iter().any(|(_, q)| *q == p) {
                parts.push((h.words.start, p));
            }
        }
    }
    parts.sort_by_key(|(start, _)| *start);
    parts.into_iter().map(|(_, p)| p).collect()
}

fn is_roman(word: &str) -> bool {
    matches!(
        word,
        "ii" | "iii" | "iv" | "v" | "vi" | "vii" | "viii" | "ix" | "x"
    )
}

/// Strips heading markup: `#` marks, emphasis, trailing `#`s.
fn heading_text(heading: &str) -> &str {
    heading
        .trim()
        .trim_start_matches('#')
        .trim_end_matches('#')
        .trim()
        .trim_matches(|c: char| matches!(c, '*' | '_' | '`'))
        .trim()
}

/// The parts a heading names ("## Results and learnings" names two), in order.
pub fn heading_parts(heading: &str) -> Vec<Part> {
    let text = heading_text(heading);
    // "Results: 40% fewer tickets" names its part before the colon.
    if let Some((head, _)) = split_label(text) {
        let parts = named_parts(head);
        if !parts.is_empty() {
            return parts;
        }
    }
    named_parts(text)
}

/// The part a heading names ("## The problem", "Results", "What I learned", "Trade-offs", "How I
/// validated it"), if any. A heading naming two parts gives the first. Meant for headings below the
/// case study's own title: a title is a story's name, not a section's.
pub fn heading_part(heading_text: &str) -> Option<Part> {
    heading_parts(heading_text).into_iter().next()
}

/// Splits "Label: rest" / "Label — rest" / "Label - rest" at the first delimiter within 60 bytes.
fn split_label(text: &str) -> Option<(&str, usize)> {
    let window = &text[..floor_boundary(text, 60)];
    let mut best: Option<(usize, usize)> = None;
    for delim in [
        ":",
        " - ",
        " \u{2013} ",
        " \u{2014} ",
        "\u{2014}",
        "\u{2013}",
    ] {
        if let Some(at) = window.find(delim) {
            if best.is_none_or(|(b, _)| at < b) {
                best = Some((at, delim.len()));
            }
        }
    }
    best.map(|(at, len)| (&text[..at], at + len))
}

fn floor_boundary(text: &str, max: usize) -> usize {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// The part a lead-in label names at the start of a paragraph ("Result:", "**Problem:**",
/// "Lesson learned -"), if any, with the byte range of the whole lead-in: from the label's opening
/// emphasis to its delimiter and closing emphasis (leading spaces and a list marker are left out).
pub fn label_part(text: &str) -> Option<(Part, Range<usize>)> {
    let mut start = text.len() - text.trim_start().len();
    // A list marker: "- ", "* ", "+ ", "1. ", "2) ".
    let rest = &text[start..];
    if let Some(r) = rest
        .strip_prefix(['-', '*', '+'])
        .filter(|r| r.starts_with(' '))
    {
        start = text.len() - r.trim_start().len();
    } else {
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 {
            let after = &rest[digits..];
            if let Some(r) = after
                .strip_prefix(['.', ')'])
                .filter(|r| r.starts_with(' '))
            {
                start = text.len() - r.trim_start().len();
            }
        }
    }
    let rest = &text[start..];
    let open = rest.chars().take_while(|c| matches!(c, '*' | '_')).count();
    let emphasis = &rest[..open];
    let body_start = start + open;
    let body = &text[body_start..];

    // The label ends at a delimiter, or at the closing emphasis when the label is set in bold.
    let (label, mut end) = match (open > 0).then(|| body.find(emphasis)).flatten() {
        Some(close) if close > 0 && close <= 60 => {
            let label = &body[..close];
            let mut end = body_start + close + open;
            // "**Problem**:" or "**Problem** —"
            let after = &text[end..];
            let trimmed = after.trim_start();
            if let Some(r) = trimmed.strip_prefix([':', '\u{2014}', '\u{2013}', '-']) {
                end = text.len() - r.len();
            } else if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
                return None;
            }
            (label, end)
        }
        _ => {
            let (label, after) = split_label(body)?;
            (label, body_start + after)
        }
    };
    let label_trimmed = label
        .trim()
        .trim_end_matches([':', '-', '\u{2014}', '\u{2013}'])
        .trim();
    if label_trimmed.is_empty()
        || label_trimmed.split_whitespace().count() > 5
        || !label_trimmed
            .chars()
            .all(|c| c.is_alphanumeric() || " '\u{2019}-/&()?".contains(c))
    {
        return None;
    }
    let part = named_parts(label_trimmed).into_iter().next()?;
    // Trailing whitespace before the text is not part of the lead-in.
    while end > start && text[..end].ends_with(char::is_whitespace) {
        end -= text[..end].chars().next_back().map_or(1, char::len_utf8);
    }
    Some((part, start..end))
}

/// The parts a sentence's cues show strongly (not under a negation or hypothetical).
pub fn strong_parts(cues: &[Cue]) -> Vec<Part> {
    let mut parts: Vec<Part> = cues
        .iter()
        .filter_map(|c| match c.kind {
            CueKind::Part(p) if !c.weak => Some(p),
            _ => None,
        })
        .collect();
    parts.sort();
    parts.dedup();
    parts
}

/// Whether a sentence states a customer or business problem: a problem cue (not under a negation or
/// hypothetical) together with whose problem it was.
pub fn states_customer_problem(cues: &[Cue]) -> bool {
    cues.iter()
        .any(|c| c.kind == CueKind::Part(Part::Problem) && !c.weak)
        && cues
            .iter()
            .any(|c| matches!(c.kind, CueKind::Customer | CueKind::Business))
}

/// Sizes of the built-in lexicons, for the report and for tests that guard against an emptied file.
pub fn lexicon_sizes() -> Vec<(&'static str, usize)> {
    let d = &*DATA;
    vec![("phrases", d.lex.len()), ("headings", d.headings.len())]
}

#[cfg(test)]
mod tests;
