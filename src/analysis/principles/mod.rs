//! Leadership Principle reading: which of Amazon's 16 principles a sentence *shows* by what the writer did,
//! with the words that show it, and which principles it merely *names*.
//!
//! Everything tunable lives in `principles.toml`: each principle's explanation and follow-up question, the cue
//! phrases that count as evidence (grouped, each group with a weight and a one-line reason), the words that
//! cancel a cue (negation, hypotheticals) and the thresholds. The code only knows the grammar of applying them:
//!
//! * A cue is a stemmed phrase; `...` inside it lets a few words come between its parts, so
//!   "dig into ... logs" finds "dug into the application logs" (`....` lets a long object come between, within
//!   one clause: "wrote .... myself" finds "wrote the runbook for the billing system myself"), and `#` stands
//!   for any number (digits or a number word). `@class` stands for any word of a class ("talked to ...
//!   @customer" finds "talked to five merchants"). Irregular past forms match their base form ("took", "dug"), through the lexicon.
//!   A cue that is one part of another cue's frame belongs to that frame ("long-term" in "short-term ...
//!   long-term" is a trade-off, not Ownership).
//! * A cue counts for nothing when its clause negates it or makes it hypothetical before it ("I didn't push
//!   back", "I should have pushed back", "if I had pushed back") — "not just"/"not only" are not negations,
//!   and a modal after "until" tells what came to pass ("until I could reproduce it"). So does "I'd" before
//!   a verb that is no past form ("Next time I'd interview…"), an inverted condition ("Had I pushed back…"),
//!   and a habit claimed in the present ("I always insist…", "I tend to dig…"; "I always read every ticket"
//!   is the story). A question tells no act at all. "Planned" with its object is an act carried out ("I
//!   planned the migration and delivered it"); an act cue that is the subject of "was", filed under a heading
//!   ("Honesty was one of the values we…"), names a topic.
//! * Who did it matters. An *act* cue is weighed by its nearest subject: "I" counts fully, "we" a little less,
//!   anyone else (a named colleague opening a clause, or a passive "was convinced") less still ("who" counts as
//!   the writer after "I was…" or in "it was me who…": "I was the only one who objected"; "our team" is "we", "my
//!   manager" someone else, also after "how": "impressed by how our designer…"; work owned in "-'s" as the
//!   subject, "The analyst's deep dive…", is the owner's), and only beside the writer's own evidence
//!   for the same principle: a principle that only others' acts show is not the writer's (the hover names it
//!   as someone else's act instead); a fragment
//!   that opens with the verb ("Dug into the logs…", "Spent a week…") is the resume style for "I", and an
//!   opening "-ing" clause, or an opening phrase with no verb ("Out of curiosity I…", "That afternoon, we…"),
//!   takes the subject of the clause after it ("After talking to users, I…"). A cue that itself opens with
//!   "I"/"we" ("I was wrong") names its subject. Only a participle makes a passive: "I was curious" is the
//!   writer's own state. A *topic* cue (a noun such as
//!   "carbon footprint") counts only when the writer, their team or their work ("This change cut…") acts in
//!   the sentence: otherwise it is setup, not evidence. An *outcome* cue (a measured change) also accepts
//!   "this"/"it"/"which", or the work as subject ("The new flow lifted…"), since results are told that way.
//! * A principle named outright is never evidence of itself: cue words inside a name are ignored and the name
//!   is reported by [`named_principles`] instead.
//!
//! Naming, decided: names that are not ordinary English ("Customer Obsession", "Bias for Action",
//! "Disagree and Commit", "Earth's Best Employer", "Frugality", …) are names in any case. Names that are also
//! ordinary words ("ownership", "frugal", "think big", "dive deep", "earn trust", "deliver results",
//! "backbone") are names only when written as a name — title-cased (a lone word not at the start of its
//! sentence), in quotes, after a verb of display ("demonstrated (my) ownership"), or before "principle"/"LP".
//! So "I took ownership of the migration" is prose (and weak evidence of Ownership), not a naming, while
//! "We showed real ownership" is a naming. "Leadership Principle" on its own names no particular principle.
//!
//! Setup, decided: what the writer only perceived, inherited or had ("I noticed burnout rising", "we had 40%
//! turnover") is the situation, not evidence — unless a new verb takes over ("I noticed it and pushed back"),
//! or "had" is causative ("I had the model audited for bias": the writer got it done). Some problems are
//! different: noticing them is already the principle at work, so the writer's noticing counts, for less than
//! acting on them (`noticed` cues: a gap in people's skills, a missing safeguard, needless complexity, harm
//! reaching customers, work nobody owned or asked for). Their noticing is the writer's own attention
//! ("noticed", "spotted", "realised"); having the problem ("we had no tests", "I lacked experience") is not,
//! nor is someone else's noticing or saying ("My manager told me it wasn't my team's job").
//!
//! Careers, decided: a colleague's career ("her career goals", "Maria moved into a product role", "she was
//! promoted") shows the writer's care for people; the writer's own ("my career goals", "I moved into a
//! product role") and a manager's move show nothing (`theirs` cues).
//!
//! A principle's score is its best piece of evidence plus a share of the others, so one strong cue said in
//! the first person makes it *strong*, and every score can be recomputed from the evidence shown.

use super::lexicon::{Lexicon, Word, Words};
use rustc_hash::FxHashMap as HashMap;
use serde::Deserialize;
use std::ops::Range;
use std::sync::{Arc, LazyLock};

/// One of Amazon's 16 Leadership Principles, in the order of PRODUCT.md §3.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum Principle {
    CustomerObsession,
    Ownership,
    InventAndSimplify,
    AreRightALot,
    LearnAndBeCurious,
    HireAndDevelopTheBest,
    InsistOnTheHighestStandards,
    ThinkBig,
    BiasForAction,
    Frugality,
    EarnTrust,
    DiveDeep,
    /// "Have Backbone; Disagree and Commit"
    HaveBackbone,
    DeliverResults,
    StriveToBeEarthsBestEmployer,
    SuccessAndScaleBringBroadResponsibility,
}

impl Principle {
    pub const ALL: [Principle; 16] = [
        Principle::CustomerObsession,
        Principle::Ownership,
        Principle::InventAndSimplify,
        Principle::AreRightALot,
        Principle::LearnAndBeCurious,
        Principle::HireAndDevelopTheBest,
        Principle::InsistOnTheHighestStandards,
        Principle::ThinkBig,
        Principle::BiasForAction,
        Principle::Frugality,
        Principle::EarnTrust,
        Principle::DiveDeep,
        Principle::HaveBackbone,
        Principle::DeliverResults,
        Principle::StriveToBeEarthsBestEmployer,
        Principle::SuccessAndScaleBringBroadResponsibility,
    ];

    /// The exact name from PRODUCT.md §3 (fixed by the spec, so not tunable data).
    pub fn name(self) -> &'static str {
        match self {
            Principle::CustomerObsession => "Customer Obsession",
            Principle::Ownership => "Ownership",
            Principle::InventAndSimplify => "Invent and Simplify",
            Principle::AreRightALot => "Are Right, A Lot",
            Principle::LearnAndBeCurious => "Learn and Be Curious",
            Principle::HireAndDevelopTheBest => "Hire and Develop the Best",
            Principle::InsistOnTheHighestStandards => "Insist on the Highest Standards",
            Principle::ThinkBig => "Think Big",
            Principle::BiasForAction => "Bias for Action",
            Principle::Frugality => "Frugality",
            Principle::EarnTrust => "Earn Trust",
            Principle::DiveDeep => "Dive Deep",
            Principle::HaveBackbone => "Have Backbone; Disagree and Commit",
            Principle::DeliverResults => "Deliver Results",
            Principle::StriveToBeEarthsBestEmployer => "Strive to be Earth's Best Employer",
            Principle::SuccessAndScaleBringBroadResponsibility => {
                "Success and Scale Bring Broad Responsibility"
            }
        }
    }

    /// The principle with this name: exact, or ignoring case, punctuation and apostrophe style, or one of the
    /// short forms listed in the data file ("Disagree and Commit", "Earth's Best Employer").
    pub fn from_name(name: &str) -> Option<Principle> {
        let key = loose(name);
        if key.is_empty() {
            return None;
        }
        Principle::ALL.into_iter().find(|p| {
            loose(p.name()) == key
                || data().principles[p.index()]
                    .names
                    .iter()
                    .any(|n| loose(n) == key)
        })
    }

    /// What the principle asks for, in one or two sentences of the project's own words.
    pub fn explanation(self) -> &'static str {
        &data().principles[self.index()].explanation
    }

    /// The question an interviewer is likely to ask next when a story shows this principle.
    pub fn follow_up(self) -> &'static str {
        &data().principles[self.index()].follow_up
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// How clearly a sentence shows a principle.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum Strength {
    Some,
    Strong,
}

/// Words of the sentence that show a principle.
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    /// Byte range in the text given to [`read_principles`].
    pub range: Range<usize>,
    /// Why these words count, in one line (from the data file).
    pub reason: &'static str,
    /// What this evidence adds: the cue's weight times how much the writer's own agency shows in it.
    pub weight: f32,
}

/// One principle a sentence shows.
#[derive(Clone, Debug, PartialEq)]
pub struct PrincipleReading {
    pub principle: Principle,
    pub strength: Strength,
    /// The best evidence's weight plus a share (`scoring.further`) of the rest.
    pub score: f32,
    /// Strongest first.
    pub evidence: Vec<Evidence>,
}

/// Principles the sentence shows, strongest first. `words` is `Words::new(text)`.
pub fn read_principles(text: &str, words: &Words) -> Vec<PrincipleReading> {
    read_principles_and_others(text, words).0
}

/// [`read_principles`], and the principles its words would show had the writer done what someone else
/// does in it ("My lead pushed back on the date"): those count for nothing, but the hover says whose
/// action it is, so the writer can tell their own part.
pub fn read_principles_and_others(
    text: &str,
    words: &Words,
) -> (Vec<PrincipleReading>, Vec<PrincipleReading>) {
    let d = data();
    // "Should we have delayed the launch?", "Why did nobody dig into the returns?": a question asks; it tells no
    // act. (A question quoted inside a report ends in its quote: "I asked each nurse 'what slows you down?'")
    if words.is_empty() || text.trim_end().ends_with('?') {
        return (Vec::new(), Vec::new());
    }
    let words = &Tagged::new(words);
    if denied_at_end(text, words) {
        return (Vec::new(), Vec::new());
    }
    let named: Vec<Range<usize>> = named_principles(text, words)
        .into_iter()
        .map(|(_, r)| r)
        .collect();
    let sentence = SentenceFacts::new(text, words);
    // (principle, evidence, the byte ranges of the cue's parts, whether someone else does it)
    let mut found: Vec<(Principle, Evidence, Vec<Range<usize>>, bool)> = Vec::new();
    // Whether a cue matched that its grammar then cancelled: then the sentence says nothing, and its
    // words are not read instead ("I didn't push back", "I was promoted").
    let mut cancelled_cue = false;
    for (cue_index, span, parts) in cue_matches(text, words) {
        let cue = &d.cues[cue_index];
        let range = words.span(span.clone());
        if named
            .iter()
            .any(|n| n.start < range.end && range.start < n.end)
        {
            continue;
        }
        if cancelled(text, words, span.start, cue.kind.is_topic())
            || subject_of_copula(text, words, span.clone(), cue.kind)
            || negated_in_gap(text, words, &parts)
        {
            cancelled_cue = true;
            continue;
        }
        // "causing load spikes on the customer database": a customer word that names a system is no customer.
        if parts.iter().any(|p| {
            d.customers.contains(&words.words[p.end - 1].lower)
                && super::cues::names_system_before(text, words, p.end)
        }) {
            continue;
        }
        // "added the monitoring team to the channel": a safeguard's word before "team" names the team.
        if parts.last().is_some_and(|p| {
            d.safeguards.contains(&words.words[p.end - 1].lower)
                && words.is(p.end, d.grammar.team_nouns)
        }) {
            continue;
        }
        // "I coached every team lead", "I met other teams' managers": a group word before a role names
        // people, not the groups.
        if parts.last().is_some_and(|p| {
            words.is(p.end - 1, d.grammar.team_nouns) && words.is(p.end, d.grammar.roles)
        }) {
            continue;
        }
        // "I ran the ads dashboard from 2021 to 2023": numbers that are all years say when, not how much.
        let slots = || {
            parts
                .iter()
                .flat_map(|p| p.clone())
                .filter(|&i| words.words[i].stem == "#")
        };
        let mut years = slots().peekable();
        if years.peek().is_some() && years.all(|i| is_year(text, &words.words[i])) {
            continue;
        }
        // "error rate went from 2% to 12%" is the problem, not the result.
        if cue.direction.is_some_and(|d| !d.shown_by(words, slots())) {
            continue;
        }
        let agency = agency(text, words, span.start, cue.kind, &sentence);
        if agency <= 0.0 {
            // (A topic no one acts on is setup, and the words are read as it is; an act with no
            // actor, a problem that is the writer's own state, or their own career, is cancelled.)
            cancelled_cue |= cue.kind != Kind::Topic;
            continue;
        }
        found.push((
            cue.principle,
            Evidence {
                range,
                reason: &cue.reason,
                weight: cue.weight * agency,
            },
            parts.into_iter().map(|p| words.span(p)).collect(),
            agency == d.scoring.other,
        ));
    }

    // A cue inside a longer phrase of another cue is read as part of it: "labor standards" is about
    // responsibility to workers, not about a quality bar. A frame with gaps is too loose to swallow what lies
    // in its gaps, but a cue that is one of its parts belongs to it: the "long-term" of "short-term impact
    // versus long-term cost" is half of a trade-off, not a sign of Ownership.
    // And a frame with gaps that spans just the words of a phrase without any is the phrase's: "walk me
    // through" is being taught, not the "walked … through" of keeping others informed.
    let contained = |e: &Evidence, e_parts: &[Range<usize>]| {
        found.iter().any(|(_, o, parts, _)| {
            let inside = o.range.start <= e.range.start && e.range.end <= o.range.end;
            (inside
                && o.range.len() > e.range.len()
                && (parts.len() == 1 || parts.contains(&e.range)))
                || (o.range == e.range && parts.len() == 1 && e_parts.len() > 1)
        })
    };
    let found: Vec<(Principle, Evidence, bool)> = found
        .iter()
        .filter(|(_, e, parts, _)| !contained(e, parts))
        .map(|(p, e, _, other)| (*p, e.clone(), *other))
        .collect();
    // A principle only someone else's acts show is not the writer's.
    let mine = |p: Principle| found.iter().any(|(q, _, other)| *q == p && !*other);
    let mut shown = readings(
        found
            .iter()
            .filter(|(p, _, _)| mine(*p))
            .map(|(p, e, _)| (*p, e.clone())),
    );
    // Someone else's acts, weighed as if they were the writer's; only principles not shown anyway.
    let others = readings(
        found
            .iter()
            .filter(|(p, _, other)| *other && !shown.iter().any(|r| r.principle == *p))
            .map(|(p, e, _)| {
                let weight = e.weight / d.scoring.other * d.scoring.first_person;
                (
                    *p,
                    Evidence {
                        weight,
                        ..e.clone()
                    },
                )
            }),
    );
    // The words' reading comes after the cues' (it is only ever "some"), when it adds a principle that
    // is not someone else's act here ("My lead pushed back on the date, and I updated the plan").
    if !cancelled_cue && named.is_empty() && shown.len() < d.scoring.max_principles {
        shown.extend(leaning(text, words, &sentence).filter(|l| {
            !shown.iter().any(|r| r.principle == l.principle)
                && !found
                    .iter()
                    .any(|(p, _, other)| *other && *p == l.principle)
        }));
    }
    (shown, others)
}

/// The principle a sentence leans to by its words ([`vocabulary`]), read as a topic cue would be at
/// its most telling word: only when the writer, their team or their work acts in the
/// sentence ("Our process had a manual step for every refund" is setup, and so is the writer's state:
/// "I was the product manager for…"), and not under a negation or a hypothetical ("I didn't…", "I
/// wish I had…").
fn leaning(text: &str, words: &Tagged, sentence: &SentenceFacts) -> Option<PrincipleReading> {
    let d = data();
    let l = vocabulary::leaning(words)?;
    let at = |range: &Range<usize>| {
        words
            .words
            .iter()
            .position(|w| w.range.start == range.start)
    };
    let evidence: Vec<usize> = l.words.iter().filter_map(at).collect();
    let first = *evidence.first()?;
    // The writer as subject: "I", "we" (not "me", "us").
    let g = &d.grammar;
    let subjects: Vec<usize> = (0..words.len())
        .filter(|&k| {
            (words.is(k, g.first_person) || words.is(k, g.we)) && !words.is(k, g.object_forms)
        })
        .collect();
    // "I was the product manager for…", "We were six engineers": the writer's state is setup.
    let state = subjects.iter().any(|&k| {
        words.is(k + 1, g.copulas) || ["i'm", "we're"].contains(&words.words[k].lower.as_str())
    });
    // Words have no one place, as a cue has: a negation or hypothetical before any of them, or on the
    // writer's verb, cancels them ("I didn't make sure…", "I wish I had…"); one inside a clause of
    // their own does not ("I set up a rota so nobody was on call two weekends running").
    let verbs = subjects.first().map_or(0..=2, |k| k + 1..=k + 3);
    let cancelled = evidence
        .iter()
        .copied()
        .chain(verbs.filter(|&i| i < words.len()))
        .any(|i| cancelled(text, words, i, true));
    if state || cancelled {
        return None;
    }
    let agency = agency(text, words, first, Kind::Topic, sentence);
    if agency <= 0.0 || agency == d.scoring.other {
        return None;
    }
    Some(PrincipleReading {
        principle: l.principle,
        strength: Strength::Some,
        score: l.score,
        evidence: l
            .words
            .into_iter()
            .map(|range| Evidence {
                range,
                reason: l.reason,
                weight: l.score,
            })
            .collect(),
    })
}

/// The principles the evidence adds up to, strongest first (those under `scoring.some`, or far under the
/// strongest, left out).
fn readings(found: impl Iterator<Item = (Principle, Evidence)>) -> Vec<PrincipleReading> {
    let d = data();
    let found: Vec<(Principle, Evidence)> = found.collect();
    let mut readings = Vec::new();
    for principle in Principle::ALL {
        let mut candidates: Vec<Evidence> = found
            .iter()
            .filter(|(p, _)| *p == principle)
            .map(|(_, e)| e.clone())
            .collect();
        // Heaviest first, then longest: of two overlapping cues only the more telling one is shown.
        candidates.sort_by(|a, b| {
            b.weight
                .total_cmp(&a.weight)
                .then((b.range.end - b.range.start).cmp(&(a.range.end - a.range.start)))
        });
        let mut evidence: Vec<Evidence> = Vec::new();
        for e in candidates {
            if evidence
                .iter()
                .all(|k| k.range.end <= e.range.start || e.range.end <= k.range.start)
            {
                evidence.push(e);
            }
        }
        let Some(best) = evidence.first() else {
            continue;
        };
        let score =
            best.weight + d.scoring.further * evidence[1..].iter().map(|e| e.weight).sum::<f32>();
        let strength = if score >= d.scoring.strong {
            Strength::Strong
        } else if score >= d.scoring.some {
            Strength::Some
        } else {
            continue;
        };
        readings.push(PrincipleReading {
            principle,
            strength,
            score,
            evidence,
        });
    }
    readings.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.principle.cmp(&b.principle))
    });
    let best = readings.first().map_or(0.0, |r| r.score);
    readings.retain(|r| r.score >= d.scoring.secondary * best);
    readings.truncate(d.scoring.max_principles);
    readings
}

/// Principles *named* outright in the sentence (for the `named-principle` rule), with the byte range of the
/// name, in order of position.
pub fn named_principles(text: &str, words: &Words) -> Vec<(Principle, Range<usize>)> {
    let d = data();
    let mut out: Vec<(Principle, Range<usize>)> = Vec::new();
    for hit in d.names.find(words) {
        let (principle, plain, ref exact) = *hit.entry;
        if !exact.iter().all(|(k, form)| {
            words
                .words
                .get(hit.words.start + k)
                .is_some_and(|w| w.lower == *form)
        }) {
            continue;
        }
        if plain && !written_as_name(text, words, hit.words.clone()) {
            continue;
        }
        // A longer name covering a shorter one ("Disagree and Commit" inside the full name) is one naming.
        if out
            .iter()
            .any(|(_, r)| r.start <= hit.range.start && hit.range.end <= r.end)
        {
            continue;
        }
        out.retain(|(_, r)| !(hit.range.start <= r.start && r.end <= hit.range.end));
        out.push((principle, hit.range));
    }
    out.sort_by_key(|(_, r)| (r.start, r.end));
    out
}

// ---------------------------------------------------------------------------------------------------------
// Data

#[derive(Deserialize)]
struct File {
    scoring: Scoring,
    grammar: Grammar,
    /// Word classes a cue may name as `@class`, and `numbers`: the words `#` also stands for.
    classes: HashMap<String, Vec<String>>,
    principle: Vec<PrincipleData>,
}

#[derive(Deserialize)]
struct Scoring {
    some: f32,
    strong: f32,
    further: f32,
    max_principles: usize,
    secondary: f32,
    first_person: f32,
    we: f32,
    work: f32,
    other: f32,
    noticed: f32,
    frame_gap: usize,
    wide_gap: usize,
    lookback: usize,
    hypothetical_lookback: usize,
}

#[derive(Deserialize)]
struct Grammar {
    negators: Vec<String>,
    not_negating_after: Vec<String>,
    negating_before_to: Vec<String>,
    hypotheticals: Vec<String>,
    noun_markers: Vec<String>,
    compound_nouns: Vec<String>,
    acts_with_object: Vec<String>,
    copulas: Vec<String>,
    act_nouns: Vec<String>,
    act_noun_modifiers: Vec<String>,
    categories: Vec<String>,
    instructions: Vec<String>,
    realized_after: Vec<String>,
    goal_words: Vec<String>,
    checking_verbs: Vec<String>,
    examined_after: Vec<String>,
    contrast_words: Vec<String>,
    clause_words: Vec<String>,
    first_person: Vec<String>,
    we: Vec<String>,
    object_forms: Vec<String>,
    possessive: Vec<String>,
    own_groups: Vec<String>,
    perception: Vec<String>,
    others: Vec<String>,
    work: Vec<String>,
    passive: Vec<String>,
    naming_verbs: Vec<String>,
    naming_fillers: Vec<String>,
    naming_after: Vec<String>,
    title_case_exempt: Vec<String>,
    openers: Vec<String>,
    ing_prepositions: Vec<String>,
    fragment_verbs: Vec<String>,
    undoing_verbs: Vec<String>,
    determiners: Vec<String>,
    states: Vec<String>,
    spans: Vec<String>,
    result_states: Vec<String>,
    agent_openers: Vec<String>,
    askers: Vec<String>,
    object_openers: Vec<String>,
    roles: Vec<String>,
    unrealized: Vec<String>,
    prepositions: Vec<String>,
    inverted_conditionals: Vec<String>,
    habits: Vec<String>,
    embedded_openers: Vec<String>,
    times: Vec<String>,
    noticing: Vec<String>,
    gap_negators: Vec<String>,
    auxiliaries: Vec<String>,
    persons: Vec<String>,
    making: Vec<String>,
    team_nouns: Vec<String>,
    whereabouts: Vec<String>,
    obligations: Vec<String>,
    adopting: Vec<String>,
}

#[derive(Deserialize)]
struct PrincipleData {
    name: String,
    explanation: String,
    follow_up: String,
    /// Ways of naming the principle that are never ordinary prose.
    #[serde(default)]
    names: Vec<String>,
    /// Ways of naming it that are also ordinary words: names only when written as one.
    #[serde(default)]
    plain_names: Vec<String>,
    #[serde(default)]
    cues: Vec<CueGroup>,
}

#[derive(Deserialize)]
struct CueGroup {
    weight: f32,
    reason: String,
    #[serde(default)]
    kind: Kind,
    /// The way the cue's first and last numbers must go ("error rate went from 12% to 1.5%": down).
    #[serde(default)]
    direction: Option<Direction>,
    phrases: Vec<String>,
}

/// Which way a measure's numbers moved, read from the numbers themselves, with their units.
#[derive(Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "lowercase")]
enum Direction {
    Down,
    Up,
}

impl Direction {
    /// Whether the first and last numbers in the cue's words went this way: "from 1.2 s to 300 ms" went down.
    /// Numbers it cannot read (number words, "a few") do not show a direction.
    fn shown_by(self, words: &Words, mut slots: impl Iterator<Item = usize>) -> bool {
        let Some(first) = slots.next() else {
            return false;
        };
        let last = slots.last().unwrap_or(first);
        let Some((from, to)) = super::lexicon::compared_quantities(words, first, last) else {
            return false;
        };
        match self {
            Direction::Down => to < from,
            Direction::Up => to > from,
        }
    }
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq, Debug, Default)]
#[serde(rename_all = "lowercase")]
enum Kind {
    /// Something someone did: weighed by who did it.
    #[default]
    Act,
    /// A subject matter: evidence only when the writer or their team acts in the sentence.
    Topic,
    /// A measured change: "this"/"it" may stand for the writer's work.
    Outcome,
    /// A change of a measure the phrase itself names ("turnover ... dropped", "adopted by ... teams"):
    /// an outcome that needs no subject, and may be passive.
    Measure,
    /// A problem whose noticing already shows the principle (a gap in people's skills, a missing safeguard,
    /// needless complexity, harm reaching customers, work nobody owned): a topic that also counts, for less,
    /// when the writer only noticed it ("I noticed the pipeline had no rollback"), and not when it is the
    /// writer's own state ("we had no tests", "I lacked experience"), unless they act on it after.
    Noticed,
    /// Someone else's career (their goals, their move into a new role, their promotion): the writer's care
    /// for a colleague, not the writer's own career ("my career goals", "I moved into a product role").
    Theirs,
}

impl Kind {
    /// Whether the cue names a subject matter rather than an act: who acts in the sentence decides.
    fn is_topic(self) -> bool {
        matches!(self, Kind::Topic | Kind::Noticed | Kind::Theirs)
    }
}

struct Cue {
    principle: Principle,
    weight: f32,
    /// Shared by every phrase its group spells out (a class makes hundreds of one line).
    reason: Arc<str>,
    kind: Kind,
    direction: Option<Direction>,
    parts: usize,
    /// Bit `i` set: the gap before part `i` is written `....`, as wide as `scoring.wide_gap` within one
    /// clause ("wrote .... myself" finds "wrote the runbook for the billing system myself").
    wide: u32,
    /// Where its parts' indices in [`Data::part_uses`] begin in [`Data::cue_parts`].
    first_part: u32,
}

struct Data {
    principles: Vec<PrincipleData>,
    cues: Vec<Cue>,
    /// Every distinct part of the cues (a common word such as "with" is part of hundreds, once a class
    /// is spelled out), valued by its index in `part_uses`.
    parts: Lexicon<usize>,
    /// For each distinct part: the cues it begins, and the word positions (within the part) that must appear
    /// exactly in this form, with the form.
    part_uses: Vec<PartUses>,
    /// For each cue, from its `first_part`: the index in `part_uses` of each of its parts, so whether a
    /// word is a cue's next part is one comparison (`u32`: a class spells one line out into thousands of
    /// cues).
    cue_parts: Vec<u32>,
    /// Every way of naming a principle.
    names: Lexicon<NameEntry>,
    scoring: Scoring,
    grammar: GrammarSets,
    /// The one-word members of `@customer`, lowercased: a cue part ending in one names a system when a system
    /// noun follows it.
    customers: rustc_hash::FxHashSet<String>,
    /// The one-word members of `@safeguard`, lowercased: one before a `team_nouns` word names a team.
    safeguards: rustc_hash::FxHashSet<String>,
}

/// What one distinct cue part stands for (see [`Data::part_uses`]).
struct PartUses {
    /// The cues it begins.
    starts: Vec<u32>,
    exact: Vec<(usize, String)>,
}

/// A way of naming a principle: which one, whether it is also ordinary prose, and its `=exact` words.
type NameEntry = (Principle, bool, Vec<(usize, String)>);

struct GrammarSets {
    /// Each grammar word's classes (the bits of its [`Class`]es): by its lowercased form, and for the
    /// classes matched by stem, by stem.
    by_lower: HashMap<String, u64>,
    by_stem: HashMap<String, u64>,
    negators: Class,
    not_negating_after: Class,
    /// "I failed to dig in" is no act; "I went through the failed payments" is one.
    negating_before_to: Class,
    hypotheticals: Class,
    /// "the plan", "a need": after these a hypothetical word is a noun, not a wish or a modal.
    noun_markers: Class,
    /// "a rollout plan", "our capacity planning": hypothetical words that are still nouns a word or two
    /// after the marker.
    compound_nouns: Class,
    /// "I planned the work and shipped it": hypothetical words that are a past act when an object follows.
    acts_with_object: Class,
    /// "Honesty was one of the values…": after a cue opening its clause, these make it the clause's subject.
    copulas: Class,
    /// "My first step was to…": nouns of acting, and the words before them (see principles.toml).
    act_nouns: Class,
    act_noun_modifiers: Class,
    /// "…was one of the values", "…was the theme": a complement that files the subject under a heading.
    categories: Class,
    /// "I was asked to…", "she told me to…": what the writer was told to do, not what they did.
    instructions: Class,
    /// "until I could reproduce it": a modal after these reports what came to pass.
    realized_after: Class,
    /// "made sure … did not": a negation after these is the goal secured.
    goal_words: Class,
    /// "checked that the model did not…": a negation in what these examine is what was checked for.
    checking_verbs: Class,
    /// "checked whether …": a topic after these was examined, not supposed.
    examined_after: Class,
    contrast_words: Class,
    clause_words: Class,
    first_person: Class,
    we: Class,
    /// "me", "us": the writer, but never as a clause's subject.
    object_forms: Class,
    possessive: Class,
    /// "my team", "our squad": the writer's own group, read like "we".
    own_groups: Class,
    /// Stems, so "noticed" and "noticing" both count.
    perception: Class,
    others: Class,
    work: Class,
    passive: Class,
    naming_verbs: Class,
    naming_fillers: Class,
    naming_after: Class,
    title_case_exempt: Class,
    openers: Class,
    /// "during": ends in "-ing" but opens no "-ing" clause.
    ing_prepositions: Class,
    fragment_verbs: Class,
    /// "Unblocked the launch": "un-…ed" words that are verbs (others are adjectives: "Unused slots").
    undoing_verbs: Class,
    determiners: Class,
    states: Class,
    /// "The project started after…": when the work began or ended, not what it did.
    spans: Class,
    /// "we had a fix live": what a causative "had" may leave its object in, besides a participle.
    result_states: Class,
    /// "by a contractor", "by their team": words that open an agent after "by", besides determiners,
    /// possessives and pronouns.
    agent_openers: Class,
    /// "invited the engineers who…to": verbs of asking, besides `instructions`.
    askers: Class,
    /// "set up quiet hours", "ran a survey": what may come between a fragment's verb and its object.
    object_openers: Class,
    /// "Had I pushed back sooner…", "Were I to do it again…": a conditional told by inverting its subject.
    inverted_conditionals: Class,
    /// "I always insist…", "I tend to dig…", "I'm known for pushing back": a habit or a disposition claimed in
    /// the present, not an act of the story (a past form after them is one: "I always read every ticket").
    habits: Class,
    /// "how", "what": words that open an embedded clause without ending the one before (so not `clause_words`,
    /// which also close a negation's scope: "I didn't know how to…").
    embedded_openers: Class,
    /// "last week's postmortem": an owner in "-'s" that is a time, not a person.
    times: Class,
    /// "our team lead", "my group manager": a person in the writer's group, not the group.
    roles: Class,
    /// "meant to", "about to": an intention that stopped short, when "to" follows.
    unrealized: Class,
    /// "for me", "to us": the writer governed by these is no clause's subject.
    prepositions: Class,
    /// Stems: the perception verbs that are the writer's own attention ("noticed", "spotted", "realised"), not
    /// a state they were in ("had", "faced", "joined").
    noticing: Class,
    /// "wrote the script without tests": negations that cancel a cue from between its parts too.
    gap_negators: Class,
    /// "was", "had", "also": words that may come between a subject and the word it governs without being a
    /// verb of its own ("we had no tests", "she was finally promoted").
    auxiliaries: Class,
    /// "she", "her", "engineers", "teammate": words for a colleague whose career a cue may be about.
    persons: Class,
    /// Stems: verbs by which the writer made what a `noticed` cue names ("built an overly complex parser").
    making: Class,
    /// "team", "squad": after a safeguard's word, it names a team ("the monitoring team").
    team_nouns: Class,
    /// "on", "out", "away": after a copula, where the writer was ("I was on vacation"), not what they did.
    whereabouts: Class,
    /// "had", "have": before "to", the task the story set ("I had to rebuild…").
    obligations: Class,
    /// "used", "adopted": before "by", who took the work up, not who did it.
    adopting: Class,
}

static DATA: LazyLock<Data> = LazyLock::new(|| load(include_str!("principles.toml")));

fn data() -> &'static Data {
    &DATA
}

/// One class of grammar words (negators, pronouns of the writer…): a bit of a word's grammar tags.
#[derive(Clone, Copy)]
struct Class(u64);

/// Gives each class of grammar words its bit and records its words. Grammar words are compared by their
/// lowercased form, except perception and naming verbs, which are stems ("demonstrate" finds
/// "demonstrated", "demonstrating").
#[derive(Default)]
struct Classes {
    by_lower: HashMap<String, u64>,
    by_stem: HashMap<String, u64>,
    count: u32,
}

impl Classes {
    fn next(&mut self) -> u64 {
        assert!(
            self.count < u64::BITS,
            "principles.toml: too many grammar classes"
        );
        self.count += 1;
        1 << (self.count - 1)
    }

    fn lower(&mut self, words: &[String]) -> Class {
        let bit = self.next();
        for w in words {
            *self
                .by_lower
                .entry(super::lexicon::normalize(w))
                .or_default() |= bit;
        }
        Class(bit)
    }

    fn stems(&mut self, words: &[String]) -> Class {
        let bit = self.next();
        for w in words {
            *self.by_stem.entry(super::lexicon::stem(w)).or_default() |= bit;
        }
        Class(bit)
    }
}

impl GrammarSets {
    /// The classes `w` belongs to.
    fn tags(&self, w: &Word) -> u64 {
        self.by_lower.get(w.lower.as_str()).copied().unwrap_or(0)
            | self.by_stem.get(w.stem.as_str()).copied().unwrap_or(0)
    }

    /// Whether `w` is in `class` (for a word not read with its sentence's [`Tagged`] words).
    fn has(&self, class: Class, w: &Word) -> bool {
        self.tags(w) & class.0 != 0
    }
}

/// A sentence's words with the grammar classes of each, looked up once: the reading asks about the
/// same few words again and again as it walks back from each cue.
struct Tagged<'a> {
    plain: &'a Words,
    tags: Vec<u64>,
}

impl<'a> Tagged<'a> {
    fn new(words: &'a Words) -> Tagged<'a> {
        let g = &data().grammar;
        Tagged {
            plain: words,
            tags: words.words.iter().map(|w| g.tags(w)).collect(),
        }
    }

    /// Whether word `i` is in `class` (false past the last word).
    fn is(&self, i: usize, class: Class) -> bool {
        self.tags.get(i).is_some_and(|t| t & class.0 != 0)
    }

    /// Whether word `i` is a past form or participle: "-ed" or an irregular one ("dug", "led").
    fn past(&self, i: usize) -> bool {
        self.words
            .get(i)
            .is_some_and(|w| w.lower.ends_with("ed") || super::lexicon::is_irregular_past(&w.lower))
    }

    /// [`Tagged::past`], or a past form without "-ed" that is its own base form ("read", "cut", "set").
    fn past_or_fragment(&self, i: usize) -> bool {
        self.past(i) || self.is(i, data().grammar.fragment_verbs)
    }

    /// The writer's agency when word `i` names the writer: "I" alone, "we" as a team.
    fn writer(&self, i: usize) -> Option<f32> {
        let (s, g) = (&data().scoring, &data().grammar);
        if self.is(i, g.first_person) {
            Some(s.first_person)
        } else if self.is(i, g.we) {
            Some(s.we)
        } else {
            None
        }
    }

    /// [`Tagged::writer`], or the writer's possessive: "my" as the writer alone, "our" as a team.
    fn writer_or_own(&self, i: usize) -> Option<f32> {
        let (s, g) = (&data().scoring, &data().grammar);
        self.writer(i).or_else(|| {
            self.is(i, g.possessive).then(|| {
                if self.plain.words[i].lower == "my" {
                    s.first_person
                } else {
                    s.we
                }
            })
        })
    }
}

impl std::ops::Deref for Tagged<'_> {
    type Target = Words;

    fn deref(&self) -> &Words {
        self.plain
    }
}

/// Words of a cue part written `=word`: stems would merge them with other words ("accessibility" and
/// "access"), so the text must use this very form. Positions count the part's words as the lexicon does
/// (a `#` is a number's word: "with # =engineers instead").
fn exact_words(piece: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut position = 0;
    for token in phrase(piece).split_whitespace() {
        let bare = token.trim_start_matches('=');
        let count = Words::new(bare).len();
        if token.starts_with('=') && count == 1 {
            out.push((position, super::lexicon::normalize(bare)));
        }
        position += count;
    }
    out
}

/// A cue phrase with each `@class` replaced by every member of the class, and each `#` by a digit or a
/// quantity of several words ("a few", "a dozen"): one phrase per combination. Number words of one word
/// ("two", "dozens") need no phrase of their own: the lexicon matches them as digits (see
/// [`Lexicon::with_numbers`]), so "in # weeks" finds "in 6 weeks" and "in two weeks".
fn expand(text: &str, classes: &HashMap<String, Vec<String>>) -> Vec<String> {
    let mut out = vec![String::new()];
    for token in text.split_whitespace() {
        let choices: Vec<String> = if let Some(class) = token.strip_prefix('@') {
            classes
                .get(class)
                .unwrap_or_else(|| panic!("principles.toml: unknown class @{class}"))
                .clone()
        } else if token == "#" {
            std::iter::once("#".to_string())
                .chain(
                    classes
                        .get("numbers")
                        .into_iter()
                        .flatten()
                        .filter(|n| n.contains(' '))
                        .cloned(),
                )
                .collect()
        } else {
            vec![token.to_string()]
        };
        out = out
            .iter()
            .flat_map(|head| {
                choices.iter().map(move |c| {
                    if head.is_empty() {
                        c.clone()
                    } else {
                        format!("{head} {c}")
                    }
                })
            })
            .collect();
    }
    out
}

/// `#` in the data file stands for any number; the lexicon's number slot is matched by any digit.
fn phrase(p: &str) -> String {
    p.replace('#', "1")
}

/// The one-word members of class `name`, lowercased as the reader compares words.
fn one_words(classes: &HashMap<String, Vec<String>>, name: &str) -> rustc_hash::FxHashSet<String> {
    classes
        .get(name)
        .into_iter()
        .flatten()
        .filter(|c| !c.contains(' '))
        .map(|c| super::lexicon::normalize(c.trim_start_matches('=')))
        .collect()
}

fn load(source: &str) -> Data {
    let file: File =
        toml::from_str(source).unwrap_or_else(|e| panic!("principles.toml is valid: {e}"));
    let mut principles: Vec<Option<PrincipleData>> = Principle::ALL.iter().map(|_| None).collect();
    for p in file.principle {
        let which = Principle::ALL
            .into_iter()
            .find(|q| q.name() == p.name)
            .unwrap_or_else(|| panic!("principles.toml: unknown principle {:?}", p.name));
        principles[which.index()] = Some(p);
    }
    let principles: Vec<PrincipleData> = principles
        .into_iter()
        .zip(Principle::ALL)
        .map(|(p, q)| p.unwrap_or_else(|| panic!("principles.toml: missing {}", q.name())))
        .collect();

    let mut cues = Vec::new();
    let mut parts = Vec::new();
    let mut part_uses: Vec<PartUses> = Vec::new();
    let mut cue_parts: Vec<u32> = Vec::new();
    let mut part_index: HashMap<String, usize> = HashMap::default();
    let mut names = Vec::new();
    for (principle, p) in Principle::ALL.into_iter().zip(&principles) {
        // The spec's name is ordinary prose for some principles ("Ownership"): the data file says which.
        let listed = p
            .names
            .iter()
            .chain(&p.plain_names)
            .any(|n| loose(n) == loose(principle.name()));
        if !listed {
            names.push((phrase(principle.name()), (principle, false, Vec::new())));
        }
        let name = |n: &String, plain: bool| {
            (
                phrase(&n.replace('=', "")),
                (principle, plain, exact_words(n)),
            )
        };
        names.extend(p.names.iter().map(|n| name(n, false)));
        names.extend(p.plain_names.iter().map(|n| name(n, true)));
        for group in &p.cues {
            let reason: Arc<str> = Arc::from(group.reason.as_str());
            for text in group.phrases.iter().flat_map(|t| expand(t, &file.classes)) {
                // `....` splits as `...` and a part that starts with the fourth dot: a wide gap before it.
                let mut pieces: Vec<&str> = Vec::new();
                let mut wide = 0;
                for piece in text.split("...").map(str::trim).filter(|s| !s.is_empty()) {
                    if let Some(rest) = piece.strip_prefix('.') {
                        wide |= 1 << pieces.len();
                        pieces.push(rest.trim());
                    } else {
                        pieces.push(piece);
                    }
                }
                let index = cues.len();
                let first_part = cue_parts.len() as u32;
                for (i, piece) in pieces.iter().enumerate() {
                    let at = *part_index.entry(piece.to_string()).or_insert_with(|| {
                        // `#` stays: the lexicon reads it as a number slot.
                        parts.push((piece.replace('=', ""), part_uses.len()));
                        part_uses.push(PartUses {
                            starts: Vec::new(),
                            exact: exact_words(piece),
                        });
                        part_uses.len() - 1
                    });
                    cue_parts.push(at as u32);
                    if i == 0 {
                        part_uses[at].starts.push(index as u32);
                    }
                }
                cues.push(Cue {
                    principle,
                    weight: group.weight,
                    reason: reason.clone(),
                    kind: group.kind,
                    direction: group.direction,
                    parts: pieces.len(),
                    wide,
                    first_part,
                });
            }
        }
    }
    let g = &file.grammar;
    let mut classes = Classes::default();
    Data {
        principles,
        cues,
        part_uses,
        cue_parts,
        parts: Lexicon::with_numbers(
            parts,
            file.classes
                .get("numbers")
                .into_iter()
                .flatten()
                .filter(|n| !n.contains(' '))
                .cloned(),
        ),
        names: Lexicon::new(names),
        customers: one_words(&file.classes, "customer"),
        safeguards: one_words(&file.classes, "safeguard"),
        scoring: file.scoring,
        grammar: GrammarSets {
            negators: classes.lower(&g.negators),
            not_negating_after: classes.lower(&g.not_negating_after),
            negating_before_to: classes.lower(&g.negating_before_to),
            hypotheticals: classes.lower(&g.hypotheticals),
            noun_markers: classes.lower(&g.noun_markers),
            compound_nouns: classes.lower(&g.compound_nouns),
            acts_with_object: classes.lower(&g.acts_with_object),
            copulas: classes.lower(&g.copulas),
            act_nouns: classes.lower(&g.act_nouns),
            act_noun_modifiers: classes.lower(&g.act_noun_modifiers),
            categories: classes.lower(&g.categories),
            instructions: classes.lower(&g.instructions),
            realized_after: classes.lower(&g.realized_after),
            goal_words: classes.lower(&g.goal_words),
            checking_verbs: classes.lower(&g.checking_verbs),
            examined_after: classes.lower(&g.examined_after),
            contrast_words: classes.lower(&g.contrast_words),
            clause_words: classes.lower(&g.clause_words),
            first_person: classes.lower(&g.first_person),
            we: classes.lower(&g.we),
            object_forms: classes.lower(&g.object_forms),
            possessive: classes.lower(&g.possessive),
            own_groups: classes.lower(&g.own_groups),
            perception: classes.stems(&g.perception),
            others: classes.lower(&g.others),
            work: classes.lower(&g.work),
            passive: classes.lower(&g.passive),
            naming_verbs: classes.stems(&g.naming_verbs),
            naming_fillers: classes.lower(&g.naming_fillers),
            naming_after: classes.lower(&g.naming_after),
            title_case_exempt: classes.lower(&g.title_case_exempt),
            openers: classes.lower(&g.openers),
            ing_prepositions: classes.lower(&g.ing_prepositions),
            fragment_verbs: classes.lower(&g.fragment_verbs),
            undoing_verbs: classes.lower(&g.undoing_verbs),
            determiners: classes.lower(&g.determiners),
            states: classes.lower(&g.states),
            spans: classes.lower(&g.spans),
            result_states: classes.lower(&g.result_states),
            agent_openers: classes.lower(&g.agent_openers),
            askers: classes.lower(&g.askers),
            object_openers: classes.lower(&g.object_openers),
            inverted_conditionals: classes.lower(&g.inverted_conditionals),
            habits: classes.lower(&g.habits),
            embedded_openers: classes.lower(&g.embedded_openers),
            times: classes.lower(&g.times),
            roles: classes.lower(&g.roles),
            unrealized: classes.lower(&g.unrealized),
            prepositions: classes.lower(&g.prepositions),
            noticing: classes.stems(&g.noticing),
            gap_negators: classes.lower(&g.gap_negators),
            auxiliaries: classes.lower(&g.auxiliaries),
            persons: classes.lower(&g.persons),
            making: classes.stems(&g.making),
            team_nouns: classes.lower(&g.team_nouns),
            whereabouts: classes.lower(&g.whereabouts),
            obligations: classes.lower(&g.obligations),
            adopting: classes.lower(&g.adopting),
            by_lower: classes.by_lower,
            by_stem: classes.by_stem,
        },
    }
}

// ---------------------------------------------------------------------------------------------------------
// Matching

/// Every cue found in the sentence, as `(cue, word span, word span of each part)`. A cue with several parts matches when its parts
/// follow each other with at most `frame_gap` words between consecutive parts (`wide_gap` before a part written
/// after `....`, if a gap longer than `frame_gap` holds no clause boundary: "sent the vendor's first three drafts
/// back", but not "sent the report to the team and they came back").
fn cue_matches(text: &str, words: &Tagged) -> Vec<(usize, Range<usize>, Vec<Range<usize>>)> {
    let d = data();
    let one_clause = |from: usize, to: usize| {
        (from..to).all(|j| !words.is(j, d.grammar.clause_words))
            && (from.max(1)..=to).all(|j| !boundary_before(text, words, j))
    };
    let exact_ok = |h: &super::lexicon::Hit<'_, usize>| {
        d.part_uses[*h.entry].exact.iter().all(|(k, form)| {
            words
                .words
                .get(h.words.start + k)
                .is_some_and(|w| w.lower == *form)
        })
    };
    let hits: Vec<_> = d
        .parts
        .find(words)
        .into_iter()
        .filter(|h| exact_ok(h))
        .collect();
    let mut out = Vec::new();
    // One buffer for the parts of every candidate: a measure word starts a hundred cues, and allocating
    // for each of them cost more than matching them.
    let mut parts = Vec::new();
    for hit in &hits {
        for cue in d.part_uses[*hit.entry].starts.iter().map(|&c| c as usize) {
            let mut span = hit.words.clone();
            parts.clear();
            parts.push(hit.words.clone());
            let mut complete = true;
            for part in 1..d.cues[cue].parts {
                // Hits are in order of position: look only at those that start within the gap, so a common
                // first word repeated through a long paragraph costs a few steps each, not a pass over every
                // hit.
                let wide = d.cues[cue].wide & (1 << part) != 0;
                let gap = if wide {
                    d.scoring.wide_gap
                } else {
                    d.scoring.frame_gap
                };
                let expected = d.cue_parts[d.cues[cue].first_part as usize + part];
                let from = hits.partition_point(|h| h.words.start < span.end);
                let next = hits[from..]
                    .iter()
                    .take_while(|h| h.words.start <= span.end + gap)
                    .find(|h| *h.entry as u32 == expected)
                    .filter(|h| {
                        h.words.start <= span.end + d.scoring.frame_gap
                            || one_clause(span.end, h.words.start)
                    })
                    .map(|h| h.words.clone());
                match next {
                    Some(w) => {
                        span.end = w.end;
                        parts.push(w);
                    }
                    None => {
                        complete = false;
                        break;
                    }
                }
            }
            if complete {
                out.push((cue, span, parts.clone()));
            }
        }
    }
    out
}

/// Whether a clause boundary lies between word `i - 1` and word `i`.
fn boundary_before(text: &str, words: &Words, i: usize) -> bool {
    let gap = text
        .get(words.words[i - 1].range.end..words.words[i].range.start)
        .unwrap_or("");
    gap.chars().any(|c| {
        matches!(
            c,
            ',' | ';' | ':' | '.' | '!' | '?' | '(' | ')' | '—' | '–' | '\n'
        )
    }) || gap.contains(" - ")
}

/// Whether the cue starting at word `first` is negated within its clause, or made hypothetical (or a mere
/// claim) by a word before it up to the previous punctuation or contrast word. Negation is kept short-range
/// because "I didn't wait and pushed back" negates only the waiting; "I should have asked customers and pushed
/// back" leaves both hypothetical. A `topic` after "whether" is what the writer examined ("I checked whether the
/// model treated women and men alike"), not a hypothetical.
fn cancelled(text: &str, words: &Tagged, first: usize, topic: bool) -> bool {
    let g = &data().grammar;
    let s = &data().scoring;
    let mut negation_open = true;
    let mut instruction_open = true;
    let mut i = first;
    while i > 0 && first - i < s.hypothetical_lookback.max(s.lookback) {
        if boundary_before(text, words, i) {
            return false;
        }
        i -= 1;
        let w = words.words[i].lower.as_str();
        if words.is(i, g.contrast_words) {
            return false;
        }
        if words.is(i, g.clause_words) {
            instruction_open = false;
        }
        if words.is(i, g.clause_words) || first - i > s.lookback {
            negation_open = false;
        }
        // "I was asked to own the roadmap", "she told me to cut the budget": an instruction to the writer.
        if instruction_open
            && first - i <= s.hypothetical_lookback
            && words.is(i, g.instructions)
            && ((i > 0 && words.is(i - 1, g.passive))
                || (words.is(i + 1, g.object_forms)
                    && words.words.get(i + 2).is_some_and(|w| w.lower == "to")))
        {
            return true;
        }
        // "I rebuilt the plan and still launched": "the plan" is a noun, not a plan to act ("a plan to
        // interview customers" still is one).
        let marked = |back: usize| i >= back && words.is(i - back, g.noun_markers);
        let noun = (marked(1) || (words.is(i, g.compound_nouns) && (marked(2) || marked(3))))
            && words.words[i + 1].lower != "to";
        // "I meant to dig into…", "I was about to simplify…": an intention that stopped short.
        // "I had to rebuild the billing service": the task the story set, not yet what was done.
        let unrealized = (words.is(i, g.unrealized) || words.is(i, g.obligations))
            && words.words.get(i + 1).is_some_and(|w| w.lower == "to");
        // "I planned the migration and delivered it": a plan with its object is an act carried out, and what
        // follows it is too ("I planned to…" stays a plan).
        let act = words.is(i, g.acts_with_object) && words.is(i + 1, g.noun_markers);
        let hypothetical =
            (words.is(i, g.hypotheticals) || would_contraction(words, i) || unrealized)
                && !noun
                && !act;
        if hypothetical
            && !(topic && words.is(i, g.examined_after))
            && !(i > 0 && asker_before_who(words, i - 1, first).is_some())
            && first - i <= s.hypothetical_lookback
            && !realized(text, words, i)
        {
            return true;
        }
        // "Had I pushed back sooner, …": a condition told by putting the verb before its subject.
        if words.is(i, g.inverted_conditionals)
            && (i == 0 || boundary_before(text, words, i))
            && (words.is(i + 1, g.first_person) || words.is(i + 1, g.we))
            && !words.is(i + 1, g.object_forms)
        {
            return true;
        }
        // "I always insist on…", "I tend to dig into…": a habit claimed, unless a past form tells the story.
        if words.is(i, g.habits)
            && first - i <= s.hypothetical_lookback
            && !next_verb_is_past(words, i)
        {
            return true;
        }
        if negation_open && (words.is(i, g.negators) || w.ends_with("n't")) {
            // "didn't just fix it"; "no-shows fell", "a no-code tool" (a hyphened word, not a negation); "made
            // sure it did not…" (the goal secured); "checked that the model did not…" (what was checked for).
            let softened = words.is(i + 1, g.not_negating_after)
                || (words.is(i, g.negating_before_to)
                    && words.words.get(i + 1).is_none_or(|w| w.lower != "to"))
                || text.get(words.words[i].range.end..words.words[i + 1].range.start) == Some("-")
                || clause_back(text, words, i, 6).any(|j| {
                    words.is(j, g.goal_words)
                        || (words.is(j, g.checking_verbs)
                            && matches!(words.words[j + 1].lower.as_str(), "that" | "whether"))
                });
            if !softened {
                return true;
            }
        }
    }
    false
}

/// Whether a negation comes between two parts of a cue: "wrote the script without tests" wrote no tests ("didn't
/// just", "a no-show" are no negations, and "failed payments" are payments).
fn negated_in_gap(text: &str, words: &Tagged, parts: &[Range<usize>]) -> bool {
    let g = &data().grammar;
    parts.windows(2).any(|pair| {
        (pair[0].end..pair[1].start).any(|j| {
            (words.is(j, g.gap_negators) || words.words[j].lower.ends_with("n't"))
                && !words.is(j + 1, g.not_negating_after)
                && text.get(words.words[j].range.end..words.words[j + 1].range.start) != Some("-")
        })
    })
}

/// Whether an act cue ends the subject of "was"/"is" that opens its sentence (or a clause after punctuation), filed
/// under a heading: "Honesty was one of the values we…", "Delivering on time was the team's motto" name a topic,
/// not an act ("Transparency was key…" is left as the writer's stance). A cue that names the writer or opens
/// with "what" or a clause word tells an act ("The goal I set was…", "What I got wrong was…", "…, until the new
/// owners were trained").
fn subject_of_copula(text: &str, words: &Tagged, span: Range<usize>, kind: Kind) -> bool {
    let g = &data().grammar;
    if kind != Kind::Act
        || !words.is(span.end, g.copulas)
        || !words.is(span.end + 1, g.categories)
        || [g.embedded_openers, g.clause_words]
            .into_iter()
            .any(|c| words.is(span.start, c))
    {
        return false;
    }
    // The whole subject, from the start of the sentence or the last punctuation: nothing in it names the writer
    // or opens a clause of its own.
    let open = (1..=span.start)
        .rev()
        .find(|&i| boundary_before(text, words, i))
        .unwrap_or(0);
    (open..span.end).all(|i| {
        words.writer_or_own(i).is_none()
            && !(i < span.start && (words.is(i, g.clause_words) || words.is(i, g.embedded_openers)))
    })
}

/// Whether the sentence ends by denying what it told, in a clause of the writer and a negated auxiliary only:
/// "Nobody asked me to dig into the logs, and I didn't.", "…, but we never did."
fn denied_at_end(text: &str, words: &Tagged) -> bool {
    let g = &data().grammar;
    let ws = &words.words;
    let n = ws.len();
    let negated = |j: usize| words.is(j, g.negators) || ws[j].lower.ends_with("n't");
    // Its own clause, after punctuation or a joining word ("…that we didn't need" is a relative clause).
    let tail = |from: usize| {
        from > 1
            && words.writer(from).is_some()
            && (boundary_before(text, words, from)
                || (matches!(ws[from - 1].lower.as_str(), "and" | "but" | "yet")
                    && boundary_before(text, words, from - 1)))
    };
    // "I didn't", "we never did", "I did not".
    let auxiliary = |j: usize| matches!(ws[j].lower.as_str(), "did" | "do" | "have" | "had");
    (n >= 2 && tail(n - 2) && negated(n - 1))
        || (n >= 3
            && tail(n - 3)
            && ((negated(n - 2) && auxiliary(n - 1)) || (auxiliary(n - 2) && negated(n - 1))))
}

/// Whether word `i` is "I'd", "we'd", "you'd"… standing for "would": its next verb is not a past form ("Next
/// time I'd interview more farmers"; "I'd interviewed them all by then" is "had").
fn would_contraction(words: &Tagged, i: usize) -> bool {
    words.words[i].lower.ends_with("'d") && !next_verb_is_past(words, i)
}

/// Whether the first verb after word `i` (past "to", "for", "in" and adverbs) is a past form: "always read",
/// "I'd never talked", against "always insist", "tend to dig", "known for pushing".
fn next_verb_is_past(words: &Tagged, i: usize) -> bool {
    let ws = &words.words;
    let skipped = |w: &str| {
        w.ends_with("ly")
            || matches!(
                w,
                "to" | "for"
                    | "in"
                    | "on"
                    | "of"
                    | "never"
                    | "also"
                    | "still"
                    | "just"
                    | "already"
                    | "ever"
            )
    };
    (i + 1..ws.len().min(i + 5))
        .find(|&j| !skipped(ws[j].lower.as_str()))
        .is_some_and(|j| words.past_or_fragment(j))
}

/// Whether the modal at word `modal` reports what came to pass rather than a wish: "until I could reproduce
/// it", "until she could lead the rotation" (a subject of up to three words after "until", in one clause).
fn realized(text: &str, words: &Tagged, modal: usize) -> bool {
    let g = &data().grammar;
    clause_back(text, words, modal, 4).any(|j| words.is(j, g.realized_after))
}

/// The words before word `from`, nearest first, up to `limit` of them and not past the clause's start.
fn clause_back<'a>(
    text: &'a str,
    words: &'a Words,
    from: usize,
    limit: usize,
) -> impl Iterator<Item = usize> + 'a {
    (from.saturating_sub(limit)..from)
        .rev()
        .take_while(move |&j| !boundary_before(text, words, j + 1))
}

/// Who acts anywhere in the sentence: the fallback for a topic cue with no subject before it.
struct SentenceFacts {
    first_person: bool,
    we: bool,
    /// The sentence opens with the writer's work doing something ("This change cut…", "The approach was
    /// adopted…"): a result told through the work.
    work_acts: bool,
}

impl SentenceFacts {
    fn new(text: &str, words: &Tagged) -> SentenceFacts {
        let g = &data().grammar;
        SentenceFacts {
            // ("My manager told me…": the writer told or asked something acts in no clause of it.)
            first_person: (0..words.len()).any(|i| {
                words.is(i, g.first_person) && !told(words, i) && !only_perceives(text, words, i)
            }),
            we: (0..words.len())
                .any(|i| words.is(i, g.we) && !told(words, i) && !only_perceives(text, words, i)),
            work_acts: work_acts(words),
        }
    }
}

/// Whether the writer acts anywhere in `text`: "I" or "we" as more than someone told or watching, or a
/// draft's fragment that opens with its verb ("Cut the AWS bill by 30%"). A result in a sentence without
/// them ("Latency fell from 12 s to 2 s") is the story's; the hover asks to tie it to what they did.
pub fn writer_acts(text: &str, words: &Words) -> bool {
    let words = &Tagged::new(words);
    let sentence = SentenceFacts::new(text, words);
    sentence.first_person || sentence.we || opens_with_past(words)
}

/// The writer's agency for a problem (a [`Kind::Noticed`] cue at word `first`) whose nearest writer is word
/// `subject`, with agency `writer`. Noticing it counts for `scoring.noticed` of acting on it ("I noticed the
/// import had no tests", "I had spotted…"), and fully when they act on it after ("…, and I chased it").
/// Being its subject or having it ("we had no tests", "I lacked experience", "we were missing alerts", "I
/// didn't notice…") counts only if they act on it later in the sentence ("…, so I added them"). Another verb
/// of theirs acts on it ("I rewrote the overly complex parser", "I found a leak, which was outside my team's
/// scope").
fn noticed_agency(text: &str, words: &Tagged, subject: usize, first: usize, writer: f32) -> f32 {
    let (s, g) = (&data().scoring, &data().grammar);
    match (subject + 1..first).find(|&j| !is_auxiliary(words, j)) {
        Some(verb) if words.is(verb, g.noticing) => {
            (writer * s.noticed).max(acts_after(text, words, first))
        }
        // "I built an overly complex parser": the writer made the problem, unless they act on it after.
        Some(verb) if words.is(verb, g.making) => acts_after(text, words, first),
        Some(_) if !perceived(text, words, subject, first, true) => writer,
        _ => acts_after(text, words, first),
    }
}

/// Whether word `i` may come between a subject and its verb or its complement without being a verb of its
/// own: an auxiliary ("had", "was") or an adverb ("also", "quickly").
fn is_auxiliary(words: &Tagged, i: usize) -> bool {
    words.words[i].lower.ends_with("ly") || words.is(i, data().grammar.auxiliaries)
}

/// The writer's agency for a cue about someone's career at word `first` ([`Kind::Theirs`]). Whose career it
/// is, is told by the word before the cue, past adverbs and auxiliaries ("Maria successfully transitioned…",
/// "she was promoted", "my own career goals"). The writer's own ("I", "we", "my") is no evidence, nor is the
/// move of someone in a role ("my manager moved into a director role"). Otherwise it is a topic, and a
/// colleague's move told with no one else acting is the result of the writer's support, told as the work's
/// ("Sam moved into a staff role").
fn career_agency(text: &str, words: &Tagged, first: usize, sentence: &SentenceFacts) -> f32 {
    let (s, g) = (&data().scoring, &data().grammar);
    let ws = &words.words;
    let as_topic = || agency(text, words, first, Kind::Topic, sentence);
    let Some(j) = (0..first)
        .rev()
        .find(|&j| !(is_auxiliary(words, j) || ws[j].lower == "own"))
    else {
        return as_topic();
    };
    let (whose, owned) = match ws[j].lower.strip_suffix("'s") {
        Some(owner) => (owner, true),
        None => (ws[j].lower.as_str(), words.is(j, g.possessive)),
    };
    if words.writer(j).is_some() || whose == "my" {
        return 0.0;
    }
    let person = g.by_lower.get(whose).is_some_and(|t| t & g.persons.0 != 0)
        || (capitalized(text, &ws[j]) && !is_acronym(text, &ws[j]) && words.tags[j] == 0);
    // "Sam moved into…", "two of them were promoted": the colleague is the subject ("her career goals" is no
    // one's act).
    let subject = person && !owned && !matches!(whose, "her" | "his" | "their");
    if subject {
        as_topic().max(s.work)
    } else if !person && words.is(j, g.roles) {
        0.0
    } else {
        as_topic()
    }
}

/// Whether word `i` is the writer as the object of a verb of telling or asking ("told me", "asked us"): the one
/// who hears, not who acts.
fn told(words: &Tagged, i: usize) -> bool {
    let g = &data().grammar;
    i > 0
        && words.is(i, g.object_forms)
        && (words.is(i - 1, g.instructions) || words.is(i - 1, g.askers))
}

/// The writer's agency for a topic they perceived at word `first` and then acted on: "…, and I chased it".
fn acts_after(text: &str, words: &Tagged, first: usize) -> f32 {
    let g = &data().grammar;
    (first + 1..words.len())
        .filter(|&j| !words.is(j, g.object_forms) && !words.is(j + 1, g.hypotheticals))
        .find_map(|j| words.writer(j).filter(|_| !only_perceives(text, words, j)))
        .unwrap_or(0.0)
}

/// Whether the writer at word `subject` only perceives, joins or has something in the whole sentence ("Cloud
/// costs were $400k a year when I joined", "we had 40% turnover"): then a topic of the sentence is the situation,
/// not something the writer worked on. "I had cut…" (a past act), "I had to…", "I had the model audited" and a
/// new predicate later ("I noticed it and cut it") are acts, and so is an opening "-ing" clause the writer is
/// the subject of ("While reviewing the feedback, I noticed…").
fn only_perceives(text: &str, words: &Tagged, subject: usize) -> bool {
    let g = &data().grammar;
    let ws = &words.words;
    if borrowed_subject(text, words, 0) == Some(subject) {
        return false;
    }
    let Some(verb) = (subject + 1..(subject + 4).min(ws.len()))
        .take_while(|&v| v == subject + 1 || !words.past_or_fragment(v - 1))
        .find(|&v| words.is(v, g.perception))
    else {
        return false;
    };
    if ws.get(verb + 1).is_some_and(|w| {
        w.lower == "to" || (words.past_or_fragment(verb + 1) && !words.is(verb + 1, g.perception))
    }) || causative(words, verb, ws.len() - 1)
    {
        return false;
    }
    !(verb + 1..ws.len() - 1).any(|j| {
        matches!(ws[j].lower.as_str(), "and" | "then" | "so" | "but")
            && words.past_or_fragment(j + 1)
    })
}

/// Whether the sentence's subject is the writer's work and its verb an act or a passive result: "This change
/// cut…", "The new flow lifted…", "The approach was adopted…" — not a state ("This was a privacy project",
/// "The project involved personal data", "This had a large footprint") or its dates ("The project started after
/// a regulator asked…").
fn work_acts(words: &Tagged) -> bool {
    let g = &data().grammar;
    let ws = &words.words;
    let Some(mut subject) = (0..3.min(ws.len())).find(|&i| words.is(i, g.work)) else {
        return false;
    };
    // "This change": the subject's head is its last work word.
    while words.is(subject + 1, g.work) {
        subject += 1;
    }
    if !(0..subject).all(|i| words.is(i, g.determiners)) {
        return false;
    }
    let past = |v: usize| {
        ws.get(v).is_some_and(|_| {
            words.past_or_fragment(v)
                && !words.is(v, g.perception)
                && !words.is(v, g.states)
                && !words.is(v, g.spans)
        })
    };
    let (verb, after) = (subject + 1, subject + 2);
    past(verb) || (after < ws.len() && words.is(verb, g.passive) && past(after))
}

/// Whether the subject at word `subject` only perceived or was in what follows ("I noticed …", "we had 40%
/// turnover") rather than doing the cue starting at word `first`. A new predicate in between ("I noticed it
/// and pushed back", "…, dug into the logs") or "to" after the verb ("had to") gives the writer the act back.
fn perceived(text: &str, words: &Tagged, subject: usize, first: usize, topic: bool) -> bool {
    let g = &data().grammar;
    // ("I was on vacation during the outage", "we were out sick": where the writer was is a situation too.)
    let placed =
        |v: usize| topic && v > 0 && words.is(v - 1, g.copulas) && words.is(v, g.whereabouts);
    let Some(verb) =
        (subject + 1..first.min(subject + 4)).find(|&v| words.is(v, g.perception) || placed(v))
    else {
        return false;
    };
    // "we had pushed back" is a past act; "I had to push back" an obligation met; "I noticed burnout" and "we
    // had fewer incidents" are situations.
    if verb + 1 >= first {
        return topic || !words.past(first);
    }
    if words.words[verb + 1].lower == "to" || causative(words, verb, first) {
        return false;
    }
    let new_predicate = (verb + 1..first).any(|j| {
        let next = j + 1;
        let joins = matches!(words.words[j].lower.as_str(), "and" | "then" | "so" | "but")
            || (next < words.len() && boundary_before(text, words, next));
        joins
            && ((next == first && !topic)
                || (next < first && words.words[next].lower.ends_with("ed")))
    });
    !new_predicate
}

/// "I had the model audited", "we had every page reviewed": "had", an object after a determiner, then a
/// participle (up to the cue at word `first`) is something the writer got done, not a situation they were in.
/// ("I had a strained relationship": the participle right after the determiner is an adjective.)
fn causative(words: &Tagged, verb: usize, first: usize) -> bool {
    let g = &data().grammar;
    let ws = &words.words;
    let Some(det) = ws.get(verb + 1) else {
        return false;
    };
    if !matches!(ws[verb].lower.as_str(), "had" | "has" | "have")
        || !(words.is(verb + 1, g.determiners)
            || matches!(det.lower.as_str(), "a" | "an" | "every" | "each"))
    {
        return false;
    }
    (verb + 3..=first.min(verb + 6).min(ws.len() - 1)).any(|j| {
        (words.past(j) || words.is(j, g.result_states)) && !words.is(j - 1, g.clause_words)
    })
}

/// How much of the writer's own agency a cue at word `first` shows, as a factor on its weight (0 = none).
fn agency(text: &str, words: &Tagged, first: usize, kind: Kind, sentence: &SentenceFacts) -> f32 {
    let s = &data().scoring;
    let g = &data().grammar;
    let topic = kind.is_topic();
    if kind == Kind::Theirs {
        return career_agency(text, words, first, sentence);
    }
    // "was convinced", "were mentored": done to someone, not by the writer.
    // (A measure may be passive: "was adopted by nine teams".)
    // Only a participle makes a passive: "I was curious", "we were candid" are the writer's own states.
    let participle = |w: &str| w.ends_with("ed") || super::lexicon::is_irregular_past(w);
    if !topic
        && kind != Kind::Measure
        && first > 0
        && participle(&words.words[first].lower)
        && words.is(first - 1, g.passive)
    {
        // "…was brought down to 0.5% by the retry logic I shipped": a result's agent after "by" tells whose
        // work it was.
        if kind == Kind::Outcome {
            if let Some(by) = by_after(text, words, first, 10) {
                return agent_after_by(text, words, by);
            }
        }
        return s.other;
    }
    // "I was wrong", "we learned": a cue that opens with the writer names its own subject. "My first instinct
    // was…": a clause that opens with the writer's possessive is about the writer's own.
    if let Some(writer) = words.writer(first) {
        return writer;
    }
    // "the data team's deep dive", "Priya's root-cause analysis": an act named as someone else's ("my team's"
    // is the writer's team; "last week's postmortem" names a time, not an owner).
    if kind == Kind::Act {
        if let Some(owner) = owner_before(text, words, first) {
            return owner;
        }
    }
    // ("Our customers kept complaining about…": a topic that opens with "our" is whose the topic is, not who
    // acted; the writer must act elsewhere in the sentence.)
    if (first == 0 || boundary_before(text, words, first))
        && !(topic && words.writer(first).is_none())
    {
        if let Some(own) = words.writer_or_own(first) {
            return own;
        }
    }
    for i in (0..first).rev() {
        let w = words.words[i].lower.as_str();
        // A topic the writer only perceived here may still be what they act on later in the sentence ("I
        // noticed our SDK leaking emails from another team's library, and I chased it").
        // "The lesson for me was about earning trust": the writer after a preposition is no subject.
        // (Past a comma it may stand for the subject of a list of acts: "…who disagreed with me, shared…".)
        // Nor is the writer told or asked something the subject of a topic: "My manager told me it wasn't my
        // team's job" reports what someone else said.
        let governed = (topic && told(words, i))
            || (words.is(i, g.object_forms)
                && i > 0
                && words.is(i - 1, g.prepositions)
                && (i + 1..=first).all(|j| !boundary_before(text, words, j)));
        if let Some(writer) = words.writer(i).filter(|_| !governed) {
            if kind == Kind::Noticed {
                return noticed_agency(text, words, i, first, writer);
            }
            return if !perceived(text, words, i, first, topic) {
                writer
            } else if topic {
                acts_after(text, words, first)
            } else {
                0.0
            };
        }
        if topic {
            continue;
        }
        // "Our data center was consuming…", "My manager pushed back": a clause opening with someone else's noun
        // phrase. ("sharing my own failures", "I stayed on it": objects, and the scan goes on to the subject.)
        let opens_clause = i == 0
            || boundary_before(text, words, i)
            || words.words[i - 1].lower.as_str() == "and"
            || words.is(i - 1, g.clause_words)
            || words.is(i - 1, g.contrast_words)
            || words.is(i - 1, g.embedded_openers);
        if opens_clause && words.is(i, g.possessive) && act_told_by_noun(words, i, first) {
            return if w == "my" { s.first_person } else { s.we };
        }
        if opens_clause && words.is(i, g.possessive) {
            // "Our team cut…" is "we"; "My manager pushed back" is someone else.
            // ("Our team lead simplified…": a role in the group is someone else.)
            let group = writers_group(words, i);
            return if perceived(text, words, i, first, topic) {
                0.0
            } else if group {
                s.we
            } else {
                s.other
            };
        }
        // "…when the VP cut the budget", "…after the SRE lead dug into the logs": a clause whose subject is
        // someone in a role.
        if kind == Kind::Act && role_subject(text, words, i, first) {
            return s.other;
        }
        // ("We noticed that latency had doubled": "that" after a verb of perceiving opens what was seen.)
        let seen = i > 0 && words.is(i - 1, g.perception);
        if matches!(kind, Kind::Outcome | Kind::Measure)
            && words.is(i, g.work)
            && !seen
            && (PRONOUNS.contains(&w) || near_clause_start(text, words, i))
        {
            // "The new ranking model, built by the data science team, raised…": the work of whoever it was
            // built by.
            if let Some(by) = (i + 2..first)
                .find(|&j| words.words[j].lower == "by" && participle(&words.words[j - 1].lower))
            {
                return agent_after_by(text, words, by).max(s.other).min(s.work);
            }
            // "The vendor's tool finished…": work someone else owns ("my team's tool" is the writer's).
            let owner = (i.saturating_sub(3)..i).find_map(|k| owner_at(words, k));
            if matches!(owner, Some(Owner::Other)) {
                return s.other;
            }
            // "The rewrite was delivered on time by the vendor": whoever it was done by, after the cue ("used
            // daily by the support team" names who uses it).
            if let Some(by) = by_after(text, words, first, 14)
                .filter(|&by| !(by.saturating_sub(2)..by).any(|j| words.is(j, g.adopting)))
            {
                return agent_after_by(text, words, by).min(s.work);
            }
            return s.work;
        }
        if words.is(i, g.others) && (opens_clause || w == "who") {
            if w == "who" {
                if let Some(writer) = writer_before_who(text, words, i) {
                    return writer;
                }
                if let Some(asker) = asker_before_who(words, i, first) {
                    return asker;
                }
            }
            return s.other;
        }
        // "…, where Maria spent a quarter on user research": a named person opening a clause is its subject.
        // ("and" is left out: "I cut AWS and GCP spend" joins objects as often as clauses.)
        let names_clause = i > 0
            && (boundary_before(text, words, i)
                || words.is(i - 1, g.clause_words)
                || words.is(i - 1, g.embedded_openers))
            && words.words[i - 1].lower != "and";
        if names_clause && capitalized(text, &words.words[i]) && !is_acronym(text, &words.words[i])
        {
            return s.other;
        }
    }
    if topic {
        return if sentence.first_person {
            s.first_person
        } else if sentence.we {
            s.we
        } else if sentence.work_acts {
            s.work
        } else if fragment_reaches(text, words, first) {
            s.first_person
        } else if kind == Kind::Noticed && opens_with_past(words) && words.is(0, g.noticing) {
            // "Noticed the import had no tests…": a draft's fragment noticing it.
            s.first_person * s.noticed
        } else {
            0.0
        };
    }
    // "After interviewing six support agents, I rewrote the flow", "Having read every ticket, we…": an opening clause
    // without a subject of its own borrows the subject of the clause after it.
    if let Some(subject) = borrowed_subject(text, words, first) {
        return words.writer(subject).unwrap_or(s.other);
    }
    // "Dug into the logs and…", "Personally mentored two engineers", "Pulled the traces and traced…": a draft's
    // subjectless fragment speaks for the writer.
    let opens_with_verb = opens_with_past(words);
    // "Team turnover dropped to 6%": the measure the cue names is the subject, and the work's result,
    // unless the sentence says whose work it was ("…brought down to 0.5% by the platform team's cache") or
    // puts the writer beside it only as a witness ("Conversion rose 12% the quarter I joined").
    if kind == Kind::Measure {
        if let Some(by) = by_after(text, words, first, 14) {
            return agent_after_by(text, words, by);
        }
        let witness =
            (0..words.len()).any(|j| words.writer(j).is_some() && only_perceives(text, words, j));
        return if witness { 0.0 } else { s.work };
    }
    // "Personally mentored…": a fragment may open with an adverb. A cue that opens the sentence is the
    // fragment's verb ("Rode along with a courier…") or the writer's own work named as its subject ("Customer
    // interviews showed…", "Option B was…"), but not after a determiner: "The vision team…" is someone else,
    // "That afternoon, I…" the subject that follows.
    let adverbs_only = words.words[..first].iter().all(|w| w.lower.ends_with("ly"));
    let after_determiner = first == 0 && words.is(0, g.determiners);
    // "Within two days, support tickets hit 4,000": a verbless opening phrase up to a comma belongs to the clause after
    // it, whose subject is the writer only if it says so ("Within a day, I had…").
    let phrase_end = (first + 1..words.len().min(OPENING_PHRASE + 1))
        .find(|&j| text[..words.words[j].range.start].trim_end().ends_with(','));
    if let Some(end) = phrase_end.filter(|_| first <= 2 && adverbs_only && !opens_with_verb) {
        if (first..end).all(|j| !words.past_or_fragment(j)) {
            let group = words.is(end, g.possessive) && writers_group(words, end);
            return words
                .writer(end)
                .or_else(|| group.then_some(s.we))
                .unwrap_or(s.other);
        }
    }
    if opens_with_verb || (first <= 2 && adverbs_only && !after_determiner) {
        return s.first_person;
    }
    // "Out of curiosity I read…", "That afternoon, I shipped…", "Within a day, we had…": a cue in an opening
    // phrase with no verb of its own belongs to the subject that follows it.
    if let Some(subject) = opening_phrase_subject(words, first) {
        return words.writer(subject).unwrap_or(s.we);
    }
    s.other
}

/// Whether the writer's possessive at word `i` opens an act told through a noun of acting, which the cue at
/// word `first` completes: "My first step was to interview…", "Our fix was to cache…" (an adverb may come
/// before the cue: "was to personally call…").
fn act_told_by_noun(words: &Tagged, i: usize, first: usize) -> bool {
    let g = &data().grammar;
    let mut j = i + 1;
    while j < first && words.is(j, g.act_noun_modifiers) {
        j += 1;
    }
    if j >= first || !words.is(j, g.act_nouns) {
        return false;
    }
    let (copula, to) = (j + 1, j + 2);
    to < first
        && words.is(copula, g.copulas)
        && words.words[to].lower == "to"
        && (to + 1..first).all(|k| words.words[k].lower.ends_with("ly"))
        && first - to <= 2
}

/// Whether word `i` is a role ("VP", "lead", "manager") heading the noun phrase that opens the clause of the
/// act at word `first`: "when the VP cut…", "after our SRE lead dug into…" — up to three words between the
/// determiner and the role ("the head of sales" is headed by "head").
fn role_subject(text: &str, words: &Tagged, i: usize, first: usize) -> bool {
    let g = &data().grammar;
    // A group is someone else too, unless it is the writer's ("the pricing team objected", not "our
    // team").
    let group = words.is(i, g.own_groups);
    if !(words.is(i, g.roles) || group) || (i + 1..=first).any(|j| boundary_before(text, words, j))
    {
        return false;
    }
    let Some(det) = (i.saturating_sub(4)..i).rev().find(|&j| {
        words.is(j, g.determiners) || words.is(j, g.possessive) || words.is(j, g.agent_openers)
    }) else {
        return false;
    };
    if group && words.is(det, g.possessive) {
        return false;
    }
    (det + 1..i).all(|j| !boundary_before(text, words, j) && words.writer(j).is_none())
        && (det == 0
            || boundary_before(text, words, det)
            || (words.is(det - 1, g.clause_words) && words.words[det - 1].lower != "and")
            || words.is(det - 1, g.embedded_openers))
}

/// For an act at word `first` owned by a word in "-'s" just before it ("the vendor's audit", "Priya's deep
/// dive", with at most one word between) that opens its clause as its subject, the owner's agency: the writer's
/// team's ("my team's") or someone else's. `None` when there is no such owner, when the owner's phrase is what
/// a verb before it acts on ("reading the gateway's error codes"), or when it is a time ("last week's") or a
/// contraction ("it's").
fn owner_before(text: &str, words: &Tagged, first: usize) -> Option<f32> {
    let s = &data().scoring;
    let ws = &words.words;
    let (k, owner) = (first.saturating_sub(2)..first)
        .rev()
        .take_while(|&k| !boundary_before(text, words, k + 1))
        .find_map(|k| owner_at(words, k).map(|owner| (k, owner)))?;
    // The owner's phrase is the clause's subject when no verb and no writer come before it in the clause.
    let acted_on = clause_back(text, words, k, k).any(|j| {
        words.past_or_fragment(j) || ws[j].lower.ends_with("ing") || words.writer(j).is_some()
    });
    if acted_on {
        return None;
    }
    Some(match owner {
        Owner::WritersGroup => s.we,
        Owner::Other => s.other,
    })
}

/// Whose an owner in "-'s" is.
enum Owner {
    /// "my team's", "our group's".
    WritersGroup,
    /// "the vendor's", "Priya's", "my manager's".
    Other,
}

/// Word `k` as an owner in "-'s": none when it is no such word, a time ("last week's") or a contraction
/// ("it's").
fn owner_at(words: &Tagged, k: usize) -> Option<Owner> {
    let g = &data().grammar;
    let owner = words.words[k].lower.strip_suffix("'s")?;
    if words.is(k, g.times) || CONTRACTED.contains(&owner) {
        return None;
    }
    let own_group = k > 0
        && words.is(k - 1, g.possessive)
        && g.by_lower
            .get(owner)
            .is_some_and(|t| t & g.own_groups.0 != 0);
    Some(if own_group {
        Owner::WritersGroup
    } else {
        Owner::Other
    })
}

/// Words whose "-'s" is "is" or "has", not an owner: "it's", "that's", "let's".
const CONTRACTED: [&str; 10] = [
    "it", "that", "there", "here", "what", "who", "he", "she", "let", "this",
];

/// The first "by" within `reach` words after the cue at word `first`, in the cue's clause: where a result
/// names whose work it was ("…by the vendor", "…by the retry logic I shipped").
fn by_after(text: &str, words: &Tagged, first: usize, reach: usize) -> Option<usize> {
    (first + 1..words.len().min(first + reach))
        .take_while(|&j| j == first + 1 || !boundary_before(text, words, j))
        .find(|&j| words.words[j].lower == "by")
}

/// Whether the possessive at word `i` opens the writer's own group ("our team", "my squad"), not someone in it
/// ("our team lead").
fn writers_group(words: &Tagged, i: usize) -> bool {
    let g = &data().grammar;
    words.is(i + 1, g.own_groups) && !words.is(i + 2, g.roles)
}

/// The agency of the agent named after the "by" at word `by` ("by the retry logic I shipped", "by my team", "by
/// the vendor"), up to the clause's end: the writer's when "I"/"we" or "my"/"our" come in it, someone else's
/// otherwise; "by moving batch jobs…" names a means, and the writer's work.
fn agent_after_by(text: &str, words: &Tagged, by: usize) -> f32 {
    let (s, g) = (&data().scoring, &data().grammar);
    let ws = &words.words;
    // An agent opens with a determiner, a pronoun or a name; "by hand", "by default", "by email" name a means.
    let agent = ws.get(by + 1).is_some_and(|w| {
        !w.lower.ends_with("ing")
            && (words.is(by + 1, g.determiners)
                || words.is(by + 1, g.possessive)
                || words.is(by + 1, g.first_person)
                || words.is(by + 1, g.we)
                || words.is(by + 1, g.others)
                || words.is(by + 1, g.agent_openers)
                || capitalized(text, w))
    });
    if !agent {
        return s.work;
    }
    for j in (by + 1..ws.len().min(by + 8)).take_while(|&j| !boundary_before(text, words, j)) {
        if let Some(writer) = words.writer_or_own(j) {
            return writer;
        }
    }
    s.other
}

/// "I asked the teams who would be affected to poke holes in my plan", "asked the engineer who wrote it to walk
/// me through it": a cue in the infinitive after a "who" clause (at word `who`) is what the writer, who asked,
/// sought. The agency of that asker ("I"/"we" just before the asking verb, or a fragment opening with it), or
/// `None` when the infinitive belongs to the "who" clause itself ("the lead who had agreed to push back").
fn asker_before_who(words: &Tagged, who: usize, first: usize) -> Option<f32> {
    let (s, g) = (&data().scoring, &data().grammar);
    let ws = &words.words;
    if ws[who].lower != "who" || first < who + 3 || ws[first - 1].lower != "to" {
        return None;
    }
    let before = first - 2;
    let verb = |j: usize| words.past(j) || words.is(j, g.hypotheticals);
    let passive = words.is(before - 1, g.passive) || ws[before - 1].lower == "be";
    if verb(before) && !passive {
        return None;
    }
    let ask = (who.saturating_sub(6)..who)
        .rev()
        .find(|&j| words.is(j, g.instructions) || words.is(j, g.askers))?;
    if ask == 0 {
        Some(s.first_person)
    } else {
        words.writer(ask - 1)
    }
}

/// "set up quiet hours for the team…", "Cut cloud spend…": a draft's fragment speaks for the writer about the
/// topic at word `first` too, when it opens with an act (not "Faced…", "Inherited…") whose object the topic is:
/// only a particle or a determiner between them. ("Took over the abandoned data-retention runbook": the topic
/// only describes what was taken over; "Founded in 2010, the company…" is setup.)
fn fragment_reaches(text: &str, words: &Tagged, first: usize) -> bool {
    let g = &data().grammar;
    opens_with_past(words)
        && !words.is(0, g.perception)
        && !words.is(0, g.states)
        && (1..first).all(|j| words.is(j, g.determiners) || words.is(j, g.object_openers))
        && !(1..=first).any(|j| boundary_before(text, words, j))
}

/// Whether the sentence opens with a past form, as a draft's subjectless fragment does ("Dug into…", "Cut…").
fn opens_with_past(words: &Tagged) -> bool {
    let negated_participle = words.words.first().is_some_and(|w| {
        let w = w.lower.as_str();
        w.starts_with("un") && !w.starts_with("under") && w.ends_with("ed")
    }) && !words.is(0, data().grammar.undoing_verbs);
    words.past_or_fragment(0) && !negated_participle
}

/// For a cue at word `first` in a short opening phrase without a verb ("Out of curiosity", "That afternoon",
/// "Within a day of the complaints"), the writer's "I" or "we" that follows the phrase: its subject. `None` when
/// a verb, a passive or someone else's pronoun comes first ("After the vendor talked to our customers, I…").
fn opening_phrase_subject(words: &Tagged, first: usize) -> Option<usize> {
    let g = &data().grammar;
    let ws = &words.words;
    let subject = (first + 1..ws.len().min(OPENING_PHRASE + 1))
        .find(|&i| words.is(i, g.first_person) || words.is(i, g.we))?;
    let verbless = (0..subject).all(|i| {
        let lower = ws[i].lower.as_str();
        // ("The team had high standards … before I arrived": "had" is the phrase's verb.)
        !(words.past(i)
            || (words.is(i, g.perception) && !lower.ends_with("ing"))
            || words.is(i, g.passive)
            || words.is(i, g.possessive)
            || words.is(i, g.others))
    });
    verbless.then_some(subject)
}

/// The longest opening phrase (in words) whose cue borrows the subject after it.
const OPENING_PHRASE: usize = 10;

/// "I was the only one who objected", "we were the team that…", "it was me who…": a "who" whose antecedent is
/// the writer, said as "I was"/"we were" earlier in the clause or "was me" just before it. The agency of the writer, or `None` when "who" is someone else.
fn writer_before_who(text: &str, words: &Tagged, who: usize) -> Option<f32> {
    let g = &data().grammar;
    for j in clause_back(text, words, who, 8).filter(|&j| j > 0) {
        // "It was me who objected": the writer after "was" is the antecedent as much as before it.
        let after_was = (j + 1 == who && words.is(j - 1, g.passive)).then(|| words.writer(j));
        let before_was = || words.is(j, g.passive).then(|| words.writer(j - 1));
        if let Some(writer) = after_was.flatten().or_else(|| before_was().flatten()) {
            return Some(writer);
        }
    }
    None
}

/// Work words that stand for the writer's work wherever they are ("which cut costs"); the others are nouns
/// and count only as a subject.
const PRONOUNS: [&str; 5] = ["this", "that", "which", "it", "these"];

/// Whether word `i` is among the first four words of its clause ("The new matching flow lifted…"), where a
/// subject is.
fn near_clause_start(text: &str, words: &Tagged, i: usize) -> bool {
    let g = &data().grammar;
    (i.saturating_sub(3)..=i)
        .any(|k| k == 0 || boundary_before(text, words, k) || words.is(k - 1, g.clause_words))
}

/// For a cue at word `first` inside an opening clause that starts with a verb in "-ing" (after at most one
/// word such as "after", "by", "while"), the first word of the next clause: that clause's subject.
fn borrowed_subject(text: &str, words: &Tagged, first: usize) -> Option<usize> {
    let g = &data().grammar;
    let opens_with_ing = (0..2.min(words.len())).any(|k| {
        words.words[k].lower.ends_with("ing")
            && !words.is(k, g.ing_prepositions)
            && (k == 0 || words.is(0, g.openers))
    });
    if !opens_with_ing {
        return None;
    }
    let end = (1..words.len()).find(|&i| boundary_before(text, words, i))?;
    (first < end).then_some(end)
}

/// Whether `w` reads as a year: four digits from 1950 to 2099, with no currency sign before it and no "%"
/// after it ("in 2023", not "$2000" or "2000%").
fn is_year(text: &str, w: &super::lexicon::Word) -> bool {
    let before = text[..w.range.start].chars().next_back();
    let after = text[w.range.end..].chars().next();
    w.lower.len() == 4
        && w.lower
            .parse::<u32>()
            .is_ok_and(|y| (1950..=2099).contains(&y))
        && !before.is_some_and(|c| matches!(c, '$' | '€' | '£' | '¥'))
        && after != Some('%')
}

fn capitalized(text: &str, w: &super::lexicon::Word) -> bool {
    text.get(w.range.clone())
        .and_then(|s| s.chars().next())
        .is_some_and(char::is_uppercase)
}

/// "AWS", "GCP", "SQL": names of things, not of people.
fn is_acronym(text: &str, w: &super::lexicon::Word) -> bool {
    let s = text.get(w.range.clone()).unwrap_or("");
    s.chars().filter(|c| c.is_alphabetic()).count() > 1
        && s.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

// ---------------------------------------------------------------------------------------------------------
// Naming

/// Whether an ordinary-word name at word span `span` is written as a name (see the module doc).
fn written_as_name(text: &str, words: &Words, span: Range<usize>) -> bool {
    let g = &data().grammar;
    let ws = &words.words[span.clone()];
    let capital = |w: &super::lexicon::Word| {
        text.get(w.range.clone())
            .and_then(|s| s.chars().next())
            .is_some_and(char::is_uppercase)
    };
    let content: Vec<_> = ws
        .iter()
        .filter(|w| !g.has(g.title_case_exempt, w))
        .collect();
    let title_cased = !content.is_empty() && content.iter().all(|w| capital(w));
    // A sentence-initial capital proves nothing for a one-word name; the last words of a longer one do.
    if title_cased && (span.start > 0 || content.len() > 1) {
        return true;
    }
    let start = ws.first().map_or(0, |w| w.range.start);
    let end = ws.last().map_or(0, |w| w.range.end);
    let quoted_before = text
        .get(..start)
        .and_then(|s| s.chars().last())
        .is_some_and(is_quote);
    let quoted_after = text
        .get(end..)
        .and_then(|s| s.chars().next())
        .is_some_and(is_quote);
    if quoted_before && quoted_after {
        return true;
    }
    // "demonstrated (my) ownership", "showing real frugality"
    let mut i = span.start;
    let mut fillers = 0;
    while i > 0 {
        i -= 1;
        let w = &words.words[i];
        if g.has(g.naming_verbs, w) {
            return true;
        }
        if g.has(g.naming_fillers, w) && fillers < 2 {
            fillers += 1;
            continue;
        }
        break;
    }
    // "the Ownership principle", "frugality LP"
    words
        .words
        .get(span.end)
        .is_some_and(|w| g.has(g.naming_after, w))
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '*' | '_'
    )
}

/// A name reduced to lowercase letters, digits and single spaces, for forgiving comparison.
fn loose(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .filter(|c| !matches!(c, '\'' | '’' | '‘'))
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }
        })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests;
pub mod vocabulary;
