//! Metrics: the numbers a case study reports, with their units, what they measure (technical, customer or
//! business), the before/after pairs they form, and the arithmetic between them that does not add up.
//!
//! Decisions the spec leaves open (documented here so rules can rely on them):
//! - A bare number (no unit, no K/M/B, no rate) is a metric only when it plainly counts a measure
//!   ("120 critical alerts", "alerts from 120 to 15", "cut tickets by 40"). Generic nouns such as
//!   "users" or "requests" count only at scale (≥ 1,000): "interviewed 12 customers" is not an outcome.
//! - Never metrics: years (1900–2100 as bare integers), dates, times of day, versions ("3.11.2",
//!   "Python 3.11", "v2"), identifiers ("L6", "P0", "Q3", "EC2", "ABC-123"), ordinals, list numbering,
//!   "24/7", and HTTP status codes ("404 errors", "status 503"): a 3-digit number before "errors" is read
//!   as a status code unless a rate follows ("500 errors per hour" is a count).
//! - A lowercase attached "m" is a million ("2m users"), not minutes; write "min" for minutes.
//! - Time values keep their unit (850 ms stays 850 Milliseconds); money, counts and bytes are scaled
//!   (1.5M → 1 500 000, 2 GB → 2e9).

use super::lexicon::{Lexicon, Words};
use rustc_hash::FxHashSet as HashSet;
use serde::Deserialize;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum MetricKind {
    Technical,
    Customer,
    Business,
    Unclassified,
}

#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Unit {
    Percent,
    PercentagePoints,
    /// Score points ("NPS up 12 points").
    Points,
    /// Any currency; the value carries the K/M/B scaling.
    Money,
    Microseconds,
    Milliseconds,
    Seconds,
    Minutes,
    Hours,
    Days,
    Weeks,
    Months,
    Quarters,
    Years,
    /// "3x", "10×", "3 times faster", "3-fold".
    Multiplier,
    /// A plain count, scaled ("100K" → 100 000).
    Count,
    /// Data size, normalised to bytes.
    Bytes,
    /// Data rate, normalised to bits per second.
    BitsPerSecond,
}

impl Unit {
    /// Seconds per unit for durations, so "from 2 hours to 15 minutes" can be compared.
    fn seconds(self) -> Option<f64> {
        Some(match self {
            Unit::Microseconds => 1e-6,
            Unit::Milliseconds => 1e-3,
            Unit::Seconds => 1.0,
            Unit::Minutes => 60.0,
            Unit::Hours => 3600.0,
            Unit::Days => 86_400.0,
            Unit::Weeks => 604_800.0,
            Unit::Months => 2_629_800.0,
            Unit::Quarters => 7_889_400.0,
            Unit::Years => 31_557_600.0,
            _ => return None,
        })
    }

    fn compatible(self, other: Unit) -> bool {
        self == other || (self.seconds().is_some() && other.seconds().is_some())
    }

    /// Value in a unit shared by every compatible unit.
    fn base(self, value: f64) -> f64 {
        value * self.seconds().unwrap_or(1.0)
    }
}

/// How exactly the text states a number.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Bound {
    Exact,
    /// "about", "~", "nearly", "roughly"
    About,
    /// "over", "more than", ">", "10K+"
    AtLeast,
    /// "under", "<", "up to", "sub-10ms"
    AtMost,
}

/// The direction a change is said to go.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Direction {
    Up,
    Down,
    /// "improved", "faster", "changed": a size, no sign.
    Either,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Metric {
    /// The number with its unit (and an adjacent rate): "850 ms", "$1.5M", "30%", "4 hours daily".
    pub range: Range<usize>,
    /// Normalised value: 1.5M → 1 500 000; 850 ms stays 850 with unit Milliseconds.
    pub value: f64,
    /// Upper end of a range ("10–15%", "2 to 3 days"); `value` is the lower end.
    pub high: Option<f64>,
    pub unit: Unit,
    /// What it measures, judged from the words around it.
    pub kind: MetricKind,
    /// The words saying what it measures ("checkout abandonment", "p99 latency"), when found.
    pub measure: Option<Range<usize>>,
    /// "per week", "per day", "per year", "per user"… when a rate.
    pub per: Option<String>,
    pub bound: Bound,
    /// Set when the number itself states a change: "by 30%", "a 50% cut", "10x faster", "up 12%".
    pub change: Option<Direction>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// Index into the metrics of the value before.
    pub from: usize,
    /// Index into the metrics of the value after.
    pub to: usize,
    /// Index of a stated change about the same thing in the same sentence ("a 50% cut", "10x faster").
    pub stated: Option<usize>,
    /// From the first to the last of the metrics involved.
    pub range: Range<usize>,
    /// The direction the words around the pair claim ("reduced … from A to B" claims Down).
    pub claimed: Option<Direction>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Inconsistency {
    pub range: Range<usize>,
    pub message: String,
}

// ---------------------------------------------------------------------------------------------------
// Cue data

#[derive(Deserialize)]
struct KindData {
    measures: Vec<String>,
    #[serde(default)]
    at_scale: Vec<String>,
}

#[derive(Deserialize)]
struct List {
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    measures: Vec<String>,
}

#[derive(Deserialize)]
struct DirectionData {
    up: Vec<String>,
    down: Vec<String>,
    either: Vec<String>,
}

#[derive(Deserialize)]
struct BoundData {
    at_most: Vec<String>,
    at_least: Vec<String>,
    about: Vec<String>,
}

#[derive(Deserialize)]
struct ContextData {
    labels: Vec<String>,
    months: Vec<String>,
    links: Vec<String>,
    http_nouns: Vec<String>,
}

/// See `[clauses]` in metrics.toml.
#[derive(Deserialize)]
struct ClauseData {
    same_openers: Vec<String>,
    conjunctions: Vec<String>,
    subjects: Vec<String>,
    finite: Vec<String>,
}

#[derive(Deserialize)]
struct Data {
    technical: KindData,
    customer: KindData,
    business: KindData,
    modifiers: List,
    bounded: List,
    direction: DirectionData,
    bounds: BoundData,
    context: ContextData,
    clauses: ClauseData,
}

#[derive(Clone, Copy, Debug)]
struct Cue {
    /// None for a modifier ("average", "p99"…): part of a measure, but not deciding its kind.
    kind: Option<MetricKind>,
    /// Counts a bare number only at scale.
    weak: bool,
}

struct Cues {
    measures: Lexicon<Cue>,
    bounded: Lexicon<()>,
    direction: Lexicon<Direction>,
    bounds: Vec<(String, Bound)>,
    labels: HashSet<String>,
    months: HashSet<String>,
    links: HashSet<String>,
    http_nouns: HashSet<String>,
    same_openers: HashSet<String>,
    conjunctions: HashSet<String>,
    subjects: HashSet<String>,
    finite: HashSet<String>,
}

static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let data: Data = toml::from_str(include_str!("metrics.toml"))
        .unwrap_or_else(|e| panic!("built-in metrics.toml is valid: {e}"));
    let mut measures = Vec::new();
    for (kind, d) in [
        (MetricKind::Technical, &data.technical),
        (MetricKind::Customer, &data.customer),
        (MetricKind::Business, &data.business),
    ] {
        for m in &d.measures {
            measures.push((
                m.clone(),
                Cue {
                    kind: Some(kind),
                    weak: false,
                },
            ));
        }
        for m in &d.at_scale {
            measures.push((
                m.clone(),
                Cue {
                    kind: Some(kind),
                    weak: true,
                },
            ));
        }
    }
    for m in &data.modifiers.words {
        measures.push((
            m.clone(),
            Cue {
                kind: None,
                weak: false,
            },
        ));
    }
    let mut direction = Vec::new();
    for (dir, list) in [
        (Direction::Up, &data.direction.up),
        (Direction::Down, &data.direction.down),
        (Direction::Either, &data.direction.either),
    ] {
        direction.extend(list.iter().map(|w| (w.clone(), dir)));
    }
    let mut bounds = Vec::new();
    for (b, list) in [
        (Bound::AtMost, &data.bounds.at_most),
        (Bound::AtLeast, &data.bounds.at_least),
        (Bound::About, &data.bounds.about),
    ] {
        bounds.extend(list.iter().map(|w| (w.to_lowercase(), b)));
    }
    let set = |v: &[String]| v.iter().map(|s| s.to_lowercase()).collect::<HashSet<_>>();
    Cues {
        measures: Lexicon::new(measures),
        bounded: Lexicon::new(data.bounded.measures.iter().map(|m| (m.clone(), ()))),
        direction: Lexicon::new(direction),
        bounds,
        labels: set(&data.context.labels),
        months: set(&data.context.months),
        links: set(&data.context.links),
        http_nouns: set(&data.context.http_nouns),
        same_openers: set(&data.clauses.same_openers),
        conjunctions: set(&data.clauses.conjunctions),
        subjects: set(&data.clauses.subjects),
        finite: set(&data.clauses.finite),
    }
});

// ---------------------------------------------------------------------------------------------------
// Small text helpers. All positions are byte offsets on char boundaries: digits and the ASCII
// punctuation we step over are one byte, and words are walked with char_indices.

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// At most the last `max` bytes of `text[..i]`, cut on a char boundary, so look-behinds stay cheap
/// in long texts.
fn tail(text: &str, i: usize, max: usize) -> &str {
    let mut start = i.saturating_sub(max);
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    text.get(start..i).unwrap_or("")
}

/// The run of letters starting at `i` and where it ends.
fn alpha_run(text: &str, i: usize) -> (&str, usize) {
    let rest = text.get(i..).unwrap_or("");
    let len = rest
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(rest.len(), |(k, _)| k);
    (&rest[..len], i + len)
}

/// After exactly one space at `i`, the next word (lowercased) and its byte range.
fn next_word(text: &str, i: usize) -> Option<(String, Range<usize>)> {
    let c = char_at(text, i)?;
    if !is_space(c) {
        return None;
    }
    let s = i + c.len_utf8();
    let (w, e) = alpha_run(text, s);
    (!w.is_empty()).then(|| (w.to_lowercase(), s..e))
}

/// The word just before `i` (skipping spaces), lowercased.
fn prev_word(text: &str, i: usize) -> String {
    let before = tail(text, i, 64).trim_end();
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '#'))
        .map_or(0, |(k, c)| k + c.len_utf8());
    before[start..].to_lowercase()
}

/// Skips an identifier-like run (letters, digits, and `. _ - / :` between them).
fn skip_token(text: &str, i: usize) -> usize {
    let b = text.as_bytes();
    let mut j = i;
    while j < b.len() {
        let c = b[j];
        let joiner = matches!(c, b'.' | b'_' | b'-' | b'/' | b':')
            && b.get(j + 1).is_some_and(|n| n.is_ascii_alphanumeric());
        if c.is_ascii_alphanumeric() || joiner {
            j += 1;
        } else {
            break;
        }
    }
    j.max(i + 1)
}

fn time_unit(w: &str, attached: bool) -> Option<Unit> {
    Some(match w {
        "ms" | "msec" | "msecs" | "millisecond" | "milliseconds" => Unit::Milliseconds,
        "µs" | "μs" | "microsecond" | "microseconds" => Unit::Microseconds,
        "us" if attached => Unit::Microseconds,
        "s" if attached => Unit::Seconds,
        "sec" | "secs" | "second" | "seconds" => Unit::Seconds,
        "min" | "mins" | "minute" | "minutes" => Unit::Minutes,
        "h" if attached => Unit::Hours,
        "hr" | "hrs" | "hour" | "hours" => Unit::Hours,
        "day" | "days" => Unit::Days,
        "wk" | "wks" | "week" | "weeks" => Unit::Weeks,
        "mo" | "mos" if attached => Unit::Months,
        "month" | "months" => Unit::Months,
        "quarter" | "quarters" => Unit::Quarters,
        "yr" | "yrs" | "year" | "years" => Unit::Years,
        _ => return None,
    })
}

fn scale_word(w: &str, attached: bool, money: bool) -> Option<f64> {
    Some(match w {
        "thousand" => 1e3,
        "million" | "mn" | "mil" => 1e6,
        "billion" | "bn" => 1e9,
        "trillion" | "tn" => 1e12,
        "k" if attached || money => 1e3,
        "m" | "mm" if attached || money => 1e6,
        "b" if attached || money => 1e9,
        "t" if money => 1e12,
        _ => return None,
    })
}

fn bytes_word(w: &str) -> Option<f64> {
    Some(match w {
        "b" | "bytes" => 1.0,
        "kb" | "kilobytes" => 1e3,
        "mb" | "megabytes" => 1e6,
        "gb" | "gigabytes" => 1e9,
        "tb" | "terabytes" => 1e12,
        "pb" | "petabytes" => 1e15,
        _ => return None,
    })
}

fn bits_word(w: &str) -> Option<f64> {
    Some(match w {
        "bps" => 1.0,
        "kbps" => 1e3,
        "mbps" => 1e6,
        "gbps" => 1e9,
        "tbps" => 1e12,
        _ => return None,
    })
}

/// A period as it follows "per", "/", "a" or "every".
fn period(w: &str) -> Option<&'static str> {
    Some(match w {
        "s" | "sec" | "second" => "second",
        "min" | "minute" => "minute",
        "h" | "hr" | "hour" => "hour",
        "d" | "day" => "day",
        "night" => "night",
        "wk" | "week" => "week",
        "mo" | "month" => "month",
        "q" | "qtr" | "quarter" => "quarter",
        "yr" | "year" | "annum" => "year",
        "sprint" => "sprint",
        _ => return None,
    })
}

/// A period said as one word: "daily", "annually", "annual revenue".
fn period_adverb(w: &str) -> Option<&'static str> {
    Some(match w {
        "hourly" => "hour",
        "daily" => "day",
        "nightly" => "night",
        "weekly" => "week",
        "monthly" => "month",
        "quarterly" => "quarter",
        "annually" | "yearly" | "annual" | "annualized" | "annualised" => "year",
        _ => return None,
    })
}

const COMPARATIVES: &[&str] = &[
    "faster",
    "slower",
    "more",
    "less",
    "higher",
    "lower",
    "fewer",
    "bigger",
    "larger",
    "smaller",
    "better",
    "cheaper",
    "quicker",
    "as",
    "the",
    "over",
    "increase",
    "improvement",
    "greater",
];

// ---------------------------------------------------------------------------------------------------
// Scanning: every number with its unit, before judging what it measures.

#[derive(Clone, Debug)]
struct Cand {
    range: Range<usize>,
    /// The digits of the (first) number.
    num: Range<usize>,
    value: f64,
    high: Option<f64>,
    unit: Unit,
    scale: f64,
    money: bool,
    per: Option<String>,
    bound: Bound,
    plus: bool,
    minus: bool,
}

/// A rate written right after the number or unit: "/s", "per week", "a day", "daily".
fn immediate_per(text: &str, k: usize) -> Option<(String, usize)> {
    if text.get(k..).is_some_and(|r| r.starts_with('/')) {
        let (w, e) = alpha_run(text, k + 1);
        let w = w.to_lowercase();
        if w.is_empty() {
            return None;
        }
        let p = period(&w).map_or(w.clone(), str::to_string);
        return Some((format!("per {p}"), e));
    }
    let (w1, r1) = next_word(text, k)?;
    if let Some(p) = period_adverb(&w1) {
        if w1 != "annual" {
            return Some((format!("per {p}"), r1.end));
        }
    }
    let (w2, r2) = next_word(text, r1.end)?;
    match w1.as_str() {
        "per" => {
            let p = period(&w2).map_or(w2.clone(), str::to_string);
            Some((format!("per {p}"), r2.end))
        }
        "a" | "an" | "each" | "every" => period(&w2).map(|p| (format!("per {p}"), r2.end)),
        _ => None,
    }
}

fn bound_before(text: &str, s: usize) -> Option<Bound> {
    let lower = tail(text, s, 40).trim_end().to_lowercase();
    CUES.bounds.iter().find_map(|(phrase, b)| {
        let rest = lower.strip_suffix(phrase.as_str())?;
        let ok = rest
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        ok.then_some(*b)
    })
}

fn scan(text: &str) -> Vec<Cand> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            i = scan_one(text, i, &mut out).max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// Reads the number starting at `start` and everything attached to it; returns where to go on.
fn scan_one(text: &str, start: usize, out: &mut Vec<Cand>) -> usize {
    let b = text.as_bytes();
    let n = b.len();
    let mut bound = Bound::Exact;
    let mut minus = false;
    // Digits glued to letters or underscores belong to an identifier: "L6", "Q3", "EC2", "p99", "x_2".
    match char_before(text, start) {
        Some(p) if p.is_alphanumeric() || matches!(p, '_' | '#' | '@' | '\\') => {
            return skip_token(text, start)
        }
        Some('-') => match char_before(text, start - 1) {
            Some(pp) if pp.is_alphabetic() => {
                if prev_word(text, start - 1) == "sub" {
                    bound = Bound::AtMost;
                } else {
                    return skip_token(text, start); // "COVID-19", "ABC-123"
                }
            }
            Some(pp) if pp.is_ascii_digit() || pp == '%' => {} // second half of "10-15%"
            None | Some('\n') => {}                            // a list bullet
            _ => minus = true,                                 // "(-65%)"
        },
        Some(':') if char_before(text, start - 1).is_some_and(|c| c.is_ascii_digit()) => {
            return skip_token(text, start)
        }
        _ => {}
    }

    let mut j = start;
    let mut dot = false;
    let mut comma = false;
    loop {
        while j < n && b[j].is_ascii_digit() {
            j += 1;
        }
        let digit_at = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
        if !dot
            && b.get(j) == Some(&b',')
            && digit_at(j + 1)
            && digit_at(j + 2)
            && digit_at(j + 3)
            && !digit_at(j + 4)
        {
            comma = true;
            j += 1;
            continue;
        }
        if !dot && b.get(j) == Some(&b'.') && digit_at(j + 1) {
            dot = true;
            j += 1;
            continue;
        }
        break;
    }
    let digit_at = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    // Versions, times of day, fractions and dates: "3.11.2", "10:30", "24/7", "2023-05-12".
    if matches!(b.get(j), Some(b'.' | b':' | b'/')) && digit_at(j + 1) {
        return skip_token(text, start);
    }
    if b.get(j) == Some(&b'-') && digit_at(j + 1) {
        let mut k = j + 1;
        while digit_at(k) {
            k += 1;
        }
        if b.get(k) == Some(&b'-') && digit_at(k + 1) {
            return skip_token(text, start);
        }
    }
    let raw: f64 = match text[start..j].replace(',', "").parse() {
        Ok(v) => v,
        Err(_) => return j,
    };
    let integer = !dot;

    // Currency and comparison symbols before the number.
    let mut s = start;
    let mut money;
    let mut plus = false;
    if let Some(c @ ('$' | '€' | '£' | '¥')) = char_before(text, s) {
        s -= c.len_utf8();
        money = true;
        for prefix in ["US", "A", "C", "NZ", "HK", "S"] {
            if text[..s].ends_with(prefix)
                && char_before(text, s - prefix.len()).is_none_or(|c| !c.is_alphanumeric())
            {
                s -= prefix.len();
                break;
            }
        }
    } else {
        let before = text[..s].trim_end();
        money = ["USD", "EUR", "GBP"].iter().any(|p| {
            before.ends_with(p)
                && char_before(text, before.len() - p.len()).is_none_or(|c| !c.is_alphanumeric())
        });
    }
    if let Some(c) = char_before(text, s) {
        let sym = match c {
            '<' | '≤' => Some(Bound::AtMost),
            '>' if matches!(char_before(text, s - 1), Some('-' | '=')) => None, // an arrow "->"
            '>' | '≥' => Some(Bound::AtLeast),
            '~' | '≈' => Some(Bound::About),
            '+' => {
                plus = true;
                None
            }
            _ => None,
        };
        if let Some(bd) = sym {
            bound = bd;
        }
        if sym.is_some() || plus {
            s -= c.len_utf8();
        }
    }
    if minus && s == start {
        s -= 1;
    }
    if bound == Bound::Exact {
        if let Some(bd) = bound_before(text, s) {
            bound = bd;
        }
    }

    // Units glued to the number: "%", "ms", "1.5M", "3x", "2GB", "10×".
    let mut unit = Unit::Count;
    let mut scale = 1.0;
    let mut per = None;
    let mut k = j;
    let mut value = raw;
    let rest = &text[k..];
    if rest.starts_with('%') {
        unit = Unit::Percent;
        k += 1;
    } else if rest.starts_with('×') {
        unit = Unit::Multiplier;
        k += '×'.len_utf8();
    } else {
        let (w, e) = alpha_run(text, k);
        if !w.is_empty() {
            let lw = w.to_lowercase();
            if let Some(u) = time_unit(&lw, true) {
                // "1990s", "in their 20s": decades and ages, not seconds.
                let decade = lw == "s"
                    && integer
                    && raw % 10.0 == 0.0
                    && ((1900.0..=2100.0).contains(&raw)
                        || matches!(
                            prev_word(text, s).as_str(),
                            "the"
                                | "their"
                                | "her"
                                | "his"
                                | "my"
                                | "our"
                                | "early"
                                | "late"
                                | "mid"
                        ));
                if decade {
                    return e;
                }
                unit = u;
            } else if lw == "x" {
                unit = Unit::Multiplier;
            } else if lw == "pp" {
                unit = Unit::PercentagePoints;
            } else if matches!(lw.as_str(), "qps" | "rps" | "tps") {
                per = Some("per second".to_string());
            } else if let Some(f) = bits_word(&lw) {
                unit = Unit::BitsPerSecond;
                value = raw * f;
            } else if let (Some(f), false) = (bytes_word(&lw), lw == "b" || lw == "mm") {
                unit = Unit::Bytes;
                value = raw * f;
            } else if let Some(f) = scale_word(&lw, true, money) {
                scale = f;
            } else {
                return e; // "1st", "4xx", "3D", "2FA"
            }
            k = e;
        }
    }
    if b.get(k) == Some(&b'+') {
        bound = Bound::AtLeast;
        k += 1;
    }
    // Hyphenated units: "3-second load times", "2-day", "3-fold"; other compounds are names ("3-tier").
    if unit == Unit::Count && scale == 1.0 && per.is_none() && b.get(k) == Some(&b'-') {
        let (w, e) = alpha_run(text, k + 1);
        if !w.is_empty() {
            let lw = w.to_lowercase();
            if let Some(u) = time_unit(&lw, false) {
                unit = u;
            } else if lw == "fold" {
                unit = Unit::Multiplier;
            } else if lw == "percent" {
                unit = Unit::Percent;
            } else {
                return e;
            }
            k = e;
        }
    }
    // Units as separate words: "850 ms", "2 million dollars", "12 percentage points", "3 times faster".
    if unit == Unit::Count && per.is_none() {
        if text.get(k..).is_some_and(|r| r.starts_with(" %")) {
            unit = Unit::Percent;
            k += 2;
        } else {
            if scale == 1.0 {
                if let Some((w, r)) = next_word(text, k) {
                    let caps = matches!(&text[r.clone()], "K" | "M" | "B");
                    if let Some(f) = scale_word(&w, false, money || caps) {
                        scale = f;
                        k = r.end;
                    }
                }
            }
            let (w1, r1) = next_word(text, k).unwrap_or((String::new(), k..k));
            let second = next_word(text, r1.end);
            let w2 = second.as_ref().map_or("", |(w, _)| w.as_str());
            let end2 = second.as_ref().map_or(r1.end, |(_, r)| r.end);
            let hyphen_unit = || {
                (b.get(r1.end) == Some(&b'-'))
                    .then(|| alpha_run(text, r1.end + 1))
                    .and_then(|(w, e)| time_unit(&w.to_lowercase(), false).map(|u| (u, e)))
            };
            match w1.as_str() {
                "" => {}
                "percent" | "pct" if !w2.starts_with("point") => {
                    unit = Unit::Percent;
                    k = r1.end;
                }
                "per" if w2 == "cent" => {
                    unit = Unit::Percent;
                    k = end2;
                }
                "percentage" | "pct" if w2.starts_with("point") => {
                    unit = Unit::PercentagePoints;
                    k = end2;
                }
                "basis" if w2.starts_with("point") => {
                    unit = Unit::PercentagePoints;
                    value = raw / 100.0;
                    k = end2;
                }
                "pp" | "ppt" | "ppts" => {
                    unit = Unit::PercentagePoints;
                    k = r1.end;
                }
                "points" | "point" | "pts" => {
                    unit = Unit::Points;
                    k = r1.end;
                }
                "times" | "x" if COMPARATIVES.contains(&w2) => {
                    unit = Unit::Multiplier;
                    k = r1.end;
                }
                "fold" => {
                    unit = Unit::Multiplier;
                    k = r1.end;
                }
                "dollars" | "usd" | "euros" | "eur" | "gbp" | "bucks" => {
                    money = true;
                    k = r1.end;
                }
                "am" | "pm" if scale == 1.0 && !money => return r1.end,
                w => {
                    if let Some(u) = time_unit(w, false) {
                        unit = u;
                        k = r1.end;
                    } else if let Some(f) = bytes_word(w).filter(|_| w != "b") {
                        unit = Unit::Bytes;
                        value = raw * f;
                        k = r1.end;
                    } else if let Some(f) = bits_word(w) {
                        unit = Unit::BitsPerSecond;
                        value = raw * f;
                        k = r1.end;
                    } else if let Some((u, e)) = hyphen_unit() {
                        // "20 developer-hours", "5 person-days"
                        unit = u;
                        k = e;
                    } else if let (Some(u), false) = (
                        time_unit(w2, false),
                        CUES.links.contains(w) || matches!(w, "per" | "and" | "or" | "by" | "from"),
                    ) {
                        // "20 engineering hours", "3 more weeks"
                        unit = u;
                        k = end2;
                    }
                }
            }
        }
        if unit == Unit::Count && text.get(k..).is_some_and(|r| r.starts_with(" ×")) {
            unit = Unit::Multiplier;
            k += 1 + '×'.len_utf8();
        }
    }
    if money && matches!(unit, Unit::Count) {
        unit = Unit::Money;
    }
    if matches!(unit, Unit::Count | Unit::Money) {
        value = raw * scale;
    }
    if per.is_none() {
        if let Some((p, e)) = immediate_per(text, k) {
            per = Some(p);
            k = e;
        }
    }

    // Bare numbers that are not measurements.
    let bare = unit == Unit::Count && scale == 1.0 && !money;
    if bare {
        let before = prev_word(text, s);
        let after = next_word(text, j).map(|(w, _)| w).unwrap_or_default();
        let year = integer && !comma && (1900.0..=2100.0).contains(&raw);
        let month_day = integer
            && raw <= 31.0
            && (CUES.months.contains(&before)
                || CUES.months.contains(&after)
                || prev_word(text, s) == "may" && text[..s].trim_end().ends_with("May"));
        let label = CUES.labels.contains(&before);
        let http = integer
            && (100.0..=599.0).contains(&raw)
            && per.is_none()
            && CUES.http_nouns.contains(&after);
        let window = tail(text, s, 24);
        let line_start = (window.len() == s || window.contains('\n'))
            && window
                .rsplit('\n')
                .next()
                .unwrap_or("")
                .chars()
                .all(|c| c.is_whitespace() || matches!(c, '>' | '-' | '*' | '+' | '(' | '#'));
        let after_char = char_at(text, j);
        let list_number = line_start
            && matches!(after_char, Some('.' | ')'))
            && char_at(text, j + 1).is_none_or(char::is_whitespace);
        let parenthesised = char_before(text, s) == Some('(') && after_char == Some(')');
        if year || month_day || label || http || list_number || parenthesised {
            return k.max(j);
        }
    }
    out.push(Cand {
        range: s..k,
        num: start..j,
        value,
        high: None,
        unit,
        scale,
        money,
        per,
        bound,
        plus,
        minus,
    });
    k
}

// ---------------------------------------------------------------------------------------------------
// Sentence structure: hard breaks end a sentence; soft breaks (commas, brackets, dashes) end a clause.

struct Breaks {
    hard: Vec<usize>,
    soft: Vec<usize>,
    /// Both, sorted.
    all: Vec<usize>,
}

impl Breaks {
    fn new(text: &str) -> Breaks {
        let mut hard = Vec::new();
        let mut soft = Vec::new();
        let mut prev = None;
        let mut it = text.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            let next = it.peek().map(|&(_, c)| c);
            match c {
                '\n' => hard.push(i),
                '.' | '!' | '?' | ';'
                    if next.is_none_or(|n| {
                        n.is_whitespace() || matches!(n, ')' | '"' | '”' | '’')
                    }) =>
                {
                    hard.push(i)
                }
                ',' if !(prev.is_some_and(|p: char| p.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit())) =>
                {
                    soft.push(i)
                }
                '(' | ')' | '—' => soft.push(i),
                '–' if prev.is_some_and(char::is_whitespace) => soft.push(i),
                _ => {}
            }
            prev = Some(c);
        }
        let mut all: Vec<usize> = hard.iter().chain(&soft).copied().collect();
        all.sort_unstable();
        Breaks { hard, soft, all }
    }

    fn any(list: &[usize], a: usize, b: usize) -> bool {
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        let k = list.partition_point(|&x| x < a);
        list.get(k).is_some_and(|&x| x < b)
    }

    fn hard_between(&self, a: usize, b: usize) -> bool {
        Breaks::any(&self.hard, a, b)
    }

    fn soft_between(&self, a: usize, b: usize) -> bool {
        Breaks::any(&self.soft, a, b) || self.hard_between(a, b)
    }
}

/// The text between `range` and the span `start..end`, whichever comes first.
fn gap(range: &Range<usize>, start: usize, end: usize) -> Range<usize> {
    if range.start >= end {
        end..range.start
    } else {
        range.end.min(start)..start
    }
}

/// Whether `between` (the text between a before/after pair and a stated change) opens a clause with a
/// subject and verb of its own ("…, and developers shipped 30% more changes"): the change it states is
/// about something else, not the pair. The word lists are `[clauses]` in metrics.toml.
fn own_clause(between: &str) -> bool {
    let c = &*CUES;
    let last = between
        .rfind([',', ';', ':', '\u{2014}', '\u{2013}'])
        .map_or(between, |at| &between[at..]);
    let lower = last.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .filter(|w| !w.is_empty())
        .skip_while(|w| c.conjunctions.contains(*w))
        .collect();
    let Some(first) = words.first() else {
        return false;
    };
    if c.same_openers.contains(*first) || first.ends_with("ing") {
        return false;
    }
    let finite = |w: &&str| {
        w.len() > 3 && w.ends_with("ed")
            || super::lexicon::is_irregular_past(w)
            || c.finite.contains(*w)
    };
    c.subjects.contains(*first) || words.iter().skip(1).any(finite)
}

/// Whether some number other than the `allowed` ones starts between `a` and `b` (`nums` is sorted).
fn blocked(nums: &[usize], a: usize, b: usize, allowed: &[usize]) -> bool {
    let (a, b) = if a <= b { (a, b) } else { (b, a) };
    let lo = nums.partition_point(|&x| x < a);
    let hi = nums.partition_point(|&x| x < b);
    (lo..hi).any(|i| !allowed.contains(&i))
}

/// Index of the first word ending after `byte`.
fn word_containing(words: &Words, byte: usize) -> usize {
    words.words.partition_point(|w| w.range.end <= byte)
}

/// Index of the first word starting at or after `byte`.
fn word_from(words: &Words, byte: usize) -> usize {
    words.words.partition_point(|w| w.range.start < byte)
}

fn lower(words: &Words, i: usize) -> &str {
    words.words.get(i).map_or("", |w| w.lower.as_str())
}

/// The nearest direction cue ending before `byte`, within `max` words, in the same clause and not
/// past another number.
fn direction_before(
    words: &Words,
    dirs: &[(usize, Range<usize>, Direction)],
    breaks: &Breaks,
    nums: &[usize],
    allowed: &[usize],
    byte: usize,
    max: usize,
) -> Option<Direction> {
    let first = word_from(words, byte);
    let upto = dirs.partition_point(|(_, r, _)| r.start < byte);
    dirs[..upto]
        .iter()
        .rev()
        .take(max + 4)
        .filter(|(w, r, _)| {
            r.end <= byte
                && first.saturating_sub(*w) <= max
                && !breaks.soft_between(r.end, byte)
                && !blocked(nums, r.end, byte, allowed)
        })
        .map(|(_, _, d)| *d)
        .next()
}

fn direction_hits(words: &Words) -> Vec<(usize, Range<usize>, Direction)> {
    CUES.direction
        .find(words)
        .into_iter()
        .map(|h| (h.words.start, h.range, *h.entry))
        .collect()
}

// ---------------------------------------------------------------------------------------------------
// Linking numbers: ranges ("10–15%", "2 to 3 days") and changes ("from A to B", "A → B", "B, down from A").

const QUALIFIERS: &[&str] = &[
    "just",
    "only",
    "about",
    "around",
    "roughly",
    "under",
    "below",
    "less",
    "than",
    "nearly",
    "approximately",
    "approx",
    "a",
    "mere",
    "an",
    "average",
    "of",
    "over",
    "above",
    "more",
    "almost",
    "barely",
    "well",
    "sub",
    "~",
    "<",
    ">",
    "≈",
    "an",
    "estimated",
    "at",
    "most",
    "least",
];

/// A "to" between two numbers, perhaps qualified: "to", "to just", "down to", "to under".
fn is_to(between: &str) -> bool {
    let toks: Vec<&str> = between.split_whitespace().collect();
    let body = match toks.as_slice() {
        ["to", rest @ ..] | ["down" | "up", "to", rest @ ..] => rest,
        _ => return false,
    };
    body.iter().all(|t| QUALIFIERS.contains(t))
}

/// "B, down from A", "B (up from A)", "B from A".
fn reverse_dir(between: &str) -> Option<Option<Direction>> {
    let cleaned: String = between
        .chars()
        .map(|c| {
            if matches!(c, ',' | '(' | '—' | '–') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let toks: Vec<&str> = cleaned.split_whitespace().collect();
    match toks.as_slice() {
        ["from", rest @ ..] if rest.iter().all(|t| QUALIFIERS.contains(t)) => Some(None),
        ["down", "from", rest @ ..] if rest.iter().all(|t| QUALIFIERS.contains(t)) => {
            Some(Some(Direction::Down))
        }
        ["up", "from", rest @ ..] if rest.iter().all(|t| QUALIFIERS.contains(t)) => {
            Some(Some(Direction::Up))
        }
        _ => None,
    }
}

fn is_arrow(between: &str) -> bool {
    matches!(
        between,
        "→" | "->" | "=>" | "⇒" | "⟶" | "➝" | "➔" | "-->" | "—>" | "➡" | "➡️"
    )
}

/// "from" shortly before the number at `byte`, with no other number in between.
fn from_before(words: &Words, nums: &[usize], me: usize, byte: usize) -> bool {
    let first = word_from(words, byte);
    (first.saturating_sub(4)..first).any(|w| {
        lower(words, w) == "from"
            && words
                .words
                .get(w)
                .is_some_and(|wd| !blocked(nums, wd.range.end, byte, &[me]))
    })
}

struct Link {
    from: usize,
    to: usize,
    claimed: Option<Direction>,
}

/// Before/after pairs among numbers given by their ranges and units (in text order).
fn link_changes(text: &str, words: &Words, items: &[(Range<usize>, Unit)]) -> Vec<Link> {
    let breaks = Breaks::new(text);
    let dirs = direction_hits(words);
    let nums: Vec<usize> = items.iter().map(|(r, _)| r.start).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < items.len() {
        let (ra, ua) = &items[i];
        let (rb, ub) = &items[i + 1];
        let between_raw = text.get(ra.end..rb.start).unwrap_or("");
        let between = between_raw.trim().to_lowercase();
        let compatible = ua.compatible(*ub);
        let mut linked = None;
        // "by 200 ms, from 500 ms to 50 ms": the "from" starts a pair of its own.
        let continues_to = |k: usize| {
            items.get(k + 1).is_some_and(|(rc, _)| {
                is_to(
                    &text
                        .get(items[k].0.end..rc.start)
                        .unwrap_or("")
                        .trim()
                        .to_lowercase(),
                )
            })
        };
        if compatible && !breaks.hard_between(ra.end, rb.start) {
            if is_arrow(&between) {
                let claimed =
                    direction_before(words, &dirs, &breaks, &nums, &[i, i + 1], ra.start, 6);
                linked = Some(Link {
                    from: i,
                    to: i + 1,
                    claimed,
                });
            } else if is_to(&between) {
                let from = from_before(words, &nums, i, ra.start);
                let claimed =
                    direction_before(words, &dirs, &breaks, &nums, &[i, i + 1], ra.start, 8);
                let own = between.starts_with("down").then_some(Direction::Down);
                if from || claimed.is_some() || own.is_some() {
                    linked = Some(Link {
                        from: i,
                        to: i + 1,
                        claimed: own.or(claimed),
                    });
                }
            } else if let (Some(dir), false) = (reverse_dir(&between), continues_to(i + 1)) {
                let claimed = dir.or_else(|| {
                    direction_before(words, &dirs, &breaks, &nums, &[i, i + 1], ra.start, 8)
                });
                linked = Some(Link {
                    from: i + 1,
                    to: i,
                    claimed,
                });
            }
        }
        match linked {
            Some(l) => {
                out.push(l);
                i += 2;
            }
            None => i += 1,
        }
    }
    out
}

/// Merges "10–15%", "2 to 3 days" (no "from", no change verb) and "between 3 and 5" into one metric.
fn merge_ranges(text: &str, words: &Words, cands: Vec<Cand>) -> Vec<Cand> {
    let breaks = Breaks::new(text);
    let dirs = direction_hits(words);
    let nums: Vec<usize> = cands.iter().map(|c| c.range.start).collect();
    let mut out: Vec<Cand> = Vec::with_capacity(cands.len());
    let mut i = 0;
    while i < cands.len() {
        let a = &cands[i];
        if let Some(b) = cands.get(i + 1) {
            let between = text.get(a.range.end..b.range.start).unwrap_or("").trim();
            let dash = matches!(between, "-" | "–" | "—") || between.is_empty() && b.minus;
            let to = between.eq_ignore_ascii_case("to")
                && !from_before(words, &nums, i, a.range.start)
                && direction_before(words, &dirs, &breaks, &nums, &[i, i + 1], a.range.start, 8)
                    .is_none();
            let and =
                between.eq_ignore_ascii_case("and") && prev_word(text, a.range.start) == "between";
            let a_bare = a.unit == Unit::Count && a.scale == 1.0 && !a.money && a.per.is_none();
            let money_scale = a.unit == Unit::Money && b.unit == Unit::Count && !b.money;
            let fits = a.unit == b.unit && a.money == b.money || a_bare || money_scale;
            if (dash || to || and) && fits && a.high.is_none() && b.high.is_none() {
                let mut m = b.clone();
                if money_scale {
                    m.unit = Unit::Money;
                    m.money = true;
                }
                let scale = if a.scale == 1.0 { b.scale } else { a.scale };
                let raw_a = if a.scale == 1.0 && matches!(b.unit, Unit::Count | Unit::Money) {
                    a.value * scale
                } else if b.unit == Unit::Bytes || b.unit == Unit::BitsPerSecond {
                    a.value * (b.value / b.value.max(f64::MIN_POSITIVE)).max(1.0)
                } else {
                    a.value
                };
                m.value = raw_a;
                m.high = Some(b.value);
                m.range = a.range.start..b.range.end;
                m.num = a.num.clone();
                m.bound = a.bound;
                m.plus = a.plus;
                m.minus = a.minus;
                out.push(m);
                i += 2;
                continue;
            }
        }
        out.push(a.clone());
        i += 1;
    }
    out
}

// ---------------------------------------------------------------------------------------------------
// Measures: the noun phrase a number is about.

#[derive(Clone, Debug)]
struct Phrase {
    words: Range<usize>,
    range: Range<usize>,
    kind: MetricKind,
    weak: bool,
}

/// Runs of adjacent measure cues; overlapping cues resolve to the longest, and the last cue with a
/// kind (the head noun) decides the phrase's kind.
fn phrases(text: &str, words: &Words) -> Vec<Phrase> {
    let hits = CUES.measures.find(words);
    let mut best: Vec<Option<(usize, Cue)>> = vec![None; words.len()];
    for h in &hits {
        let len = h.words.len();
        for w in h.words.clone() {
            if let Some(slot) = best.get_mut(w) {
                let better = match slot {
                    None => true,
                    Some((l, c)) => len > *l || (len == *l && c.kind.is_none()),
                };
                if better {
                    *slot = Some((len, *h.entry));
                }
            }
        }
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < best.len() {
        if best[i].is_none() {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < best.len() && best[i].is_some() && joined(text, words, i - 1, i) {
            i += 1;
        }
        let cues: Vec<Cue> = best[start..i].iter().flatten().map(|(_, c)| *c).collect();
        let Some(kind) = cues.iter().rev().find_map(|c| c.kind) else {
            continue;
        };
        let weak = cues.iter().all(|c| c.kind.is_none() || c.weak);
        out.push(Phrase {
            words: start..i,
            range: words.span(start..i),
            kind,
            weak,
        });
    }
    out
}

/// Whether two neighbouring words are part of one phrase (nothing but spaces, hyphens or a slash between).
fn joined(text: &str, words: &Words, a: usize, b: usize) -> bool {
    match (words.words.get(a), words.words.get(b)) {
        (Some(x), Some(y)) => text.get(x.range.end..y.range.start).is_some_and(|gap| {
            gap.chars()
                .all(|c| c.is_whitespace() || matches!(c, '-' | '/' | '\'' | '’'))
        }),
        _ => false,
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Source {
    /// Right after the number: "120 critical alerts", "20 developer-hours".
    After,
    /// After a link: "a 15% increase in session duration", "$1.5M in annual revenue".
    Linked,
    /// Before the number: "p99 latency from 850 ms", "abandonment by 4%".
    Before,
    /// A few words after.
    Loose,
}

struct Ctx<'a> {
    text: &'a str,
    words: &'a Words,
    breaks: Breaks,
    phrases: Vec<Phrase>,
    nums: Vec<usize>,
    dirs: Vec<(usize, Range<usize>, Direction)>,
}

impl Ctx<'_> {
    /// First word of the number and first word after the metric's range.
    fn span(&self, c: &Cand) -> (usize, usize) {
        (
            word_containing(self.words, c.num.start),
            word_from(self.words, c.range.end),
        )
    }

    /// The direction cue starting at word `w` (cues are sorted by position).
    fn dir_at(&self, w: usize) -> Option<&(usize, Range<usize>, Direction)> {
        let k = self.dirs.partition_point(|(d, _, _)| *d < w);
        self.dirs.get(k).filter(|(d, _, _)| *d == w)
    }

    fn clause_has_number(&self, pos: usize, allowed: &[usize]) -> bool {
        let all = &self.breaks.all;
        let k = all.partition_point(|&x| x < pos);
        let start = if k == 0 { 0 } else { all[k - 1] };
        let end = all.get(k).copied().unwrap_or(usize::MAX);
        blocked(&self.nums, start, end, allowed)
    }

    fn is_link(&self, w: usize) -> bool {
        let l = lower(self.words, w);
        CUES.links.contains(l) || self.dir_at(w).is_some()
    }

    fn measure(&self, c: &Cand, allowed: &[usize]) -> Option<(usize, Source)> {
        let (ws, we) = self.span(c);
        let prev = lower(self.words, ws.wrapping_sub(1));
        let by_from = matches!(prev, "by" | "from");
        let clear = |a: usize, b: usize, soft: bool| {
            let broken = if soft {
                self.breaks.soft_between(a, b)
            } else {
                self.breaks.hard_between(a, b)
            };
            !broken && !blocked(&self.nums, a, b, allowed)
        };
        // Only phrases near the number can be its measure.
        let lo = self.phrases.partition_point(|p| p.words.end + 12 <= ws);
        let hi = self
            .phrases
            .partition_point(|p| p.words.start <= we + 8)
            .max(lo);
        let near = &self.phrases[lo..hi];
        let after = near.iter().position(|p| {
            p.words.start > ws
                && p.words.start <= we
                && clear(c.range.end.min(p.range.start), p.range.start, true)
        });
        if let Some(p) = after {
            return Some((lo + p, Source::After));
        }
        if !by_from {
            let linked = near.iter().position(|p| {
                p.words.start > we
                    && p.words.start - we <= 4
                    && (we..p.words.start).all(|w| self.is_link(w))
                    && clear(c.range.end, p.range.start, true)
            });
            if let Some(p) = linked {
                return Some((lo + p, Source::Linked));
            }
        }
        for soft in [true, false] {
            let before = near.iter().rposition(|p| {
                let gap = ws.saturating_sub(p.words.end);
                p.words.end <= ws
                    && gap <= if soft { 8 } else { 3 }
                    && clear(p.range.end, c.num.start, soft)
                    // Across a comma only to a clause that reports no number of its own.
                    && (soft || !self.clause_has_number(p.range.start, allowed))
            });
            if let Some(p) = before {
                return Some((lo + p, Source::Before));
            }
        }
        near.iter()
            .position(|p| {
                p.words.start > we
                    && p.words.start - we <= 6
                    && clear(c.range.end, p.range.start, true)
            })
            .map(|p| (lo + p, Source::Loose))
    }

    /// The change a number states by itself: "by 30%", "a 50% cut", "10x faster", "up 12%".
    fn stated_change(&self, c: &Cand, idx: usize) -> Option<Direction> {
        let (ws, we) = self.span(c);
        for w in [we, we + 1] {
            if w > we
                && !CUES.links.contains(lower(self.words, we))
                && lower(self.words, we) != "yoy"
            {
                break;
            }
            if let Some((_, r, d)) = self.dir_at(w) {
                if !self.breaks.soft_between(c.range.end, r.start) {
                    return Some(*d);
                }
            }
        }
        // "by about 50%": look past qualifiers for the "by".
        let mut ws = ws;
        while ws > 0
            && QUALIFIERS.contains(&lower(self.words, ws - 1))
            && lower(self.words, ws - 1) != "a"
        {
            ws -= 1;
        }
        let prev = lower(self.words, ws.wrapping_sub(1));
        let prev_adjacent = ws > 0
            && self
                .words
                .words
                .get(ws - 1)
                .is_some_and(|w| !self.breaks.soft_between(w.range.end, c.range.start));
        if c.plus {
            return Some(Direction::Up);
        }
        if c.minus {
            return Some(Direction::Down);
        }
        if prev_adjacent && prev == "by" {
            let before = self.words.words.get(ws - 1).map_or(0, |w| w.range.start);
            return Some(
                direction_before(
                    self.words,
                    &self.dirs,
                    &self.breaks,
                    &self.nums,
                    &[idx],
                    before,
                    10,
                )
                .unwrap_or(Direction::Either),
            );
        }
        if prev_adjacent
            && matches!(
                c.unit,
                Unit::Percent | Unit::PercentagePoints | Unit::Multiplier
            )
        {
            if let Some((_, _, d)) = ws.checked_sub(1).and_then(|w| self.dir_at(w)) {
                return Some(*d);
            }
        }
        None
    }

    /// A rate said a few words after the number ("3 feature iterations per quarter"), or a period
    /// adjective shortly before money or counts ("annual savings of $200K").
    fn loose_per(&self, c: &Cand, idx: usize) -> Option<String> {
        let (ws, we) = self.span(c);
        for w in we..(we + 6).min(self.words.len()) {
            let word = &self.words.words[w];
            if self.breaks.soft_between(c.range.end, word.range.start)
                || blocked(&self.nums, c.range.end, word.range.end, &[idx])
            {
                break;
            }
            let l = word.lower.as_str();
            if let Some(p) = period_adverb(l) {
                return Some(format!("per {p}"));
            }
            let next = lower(self.words, w + 1);
            let glued = self
                .words
                .words
                .get(w + 1)
                .is_some_and(|n| self.text.get(word.range.end..n.range.start) == Some("/"));
            if matches!(l, "qps" | "rps" | "tps") {
                return Some("per second".to_string());
            }
            if matches!(l, "a" | "an" | "each" | "every") {
                if let Some(p) = period(next) {
                    return Some(format!("per {p}"));
                }
            }
            if l == "per" || glued {
                if let Some(p) = period(next) {
                    return Some(format!("per {p}"));
                }
                if l == "per" && !next.is_empty() {
                    return Some(format!("per {next}"));
                }
            }
        }
        if matches!(c.unit, Unit::Money | Unit::Count) {
            for w in ws.saturating_sub(3)..ws {
                let word = &self.words.words[w];
                if !self.breaks.soft_between(word.range.end, c.range.start)
                    && !blocked(&self.nums, word.range.end, c.range.start, &[idx])
                {
                    if let Some(p) = period_adverb(&word.lower) {
                        return Some(format!("per {p}"));
                    }
                }
            }
        }
        None
    }
}

/// Compares two measure phrases by their head nouns, so "p99 latency" and "latency" agree.
fn same_measure(text: &str, a: &Range<usize>, b: &Range<usize>) -> bool {
    let head = |r: &Range<usize>| {
        let w = Words::new(text.get(r.clone()).unwrap_or(""));
        w.words.last().map(|w| w.stem.clone())
    };
    a == b || head(a) == head(b)
}

fn kind_for(unit: Unit, measure: Option<MetricKind>) -> MetricKind {
    match (unit, measure) {
        (Unit::Money, Some(MetricKind::Customer)) => MetricKind::Customer,
        (Unit::Money, _) => MetricKind::Business,
        (_, Some(k)) => k,
        (Unit::Milliseconds | Unit::Microseconds | Unit::Bytes | Unit::BitsPerSecond, None) => {
            MetricKind::Technical
        }
        _ => MetricKind::Unclassified,
    }
}

/// Every metric in `text`, in order. `words` is `Words::new(text)`.
pub fn find_metrics(text: &str, words: &Words) -> Vec<Metric> {
    let cands = merge_ranges(text, words, scan(text));
    let items: Vec<(Range<usize>, Unit)> = cands
        .iter()
        .map(|c| {
            let bare = c.unit == Unit::Count && c.scale == 1.0 && !c.money;
            (c.range.clone(), if bare { Unit::Count } else { c.unit })
        })
        .collect();
    // Bare numbers in a pair take their partner's unit: "from 500 to 50 ms".
    let mut cands = cands;
    let mut adopted = items.clone();
    for i in 0..cands.len().saturating_sub(1) {
        let (a, b) = (&cands[i], &cands[i + 1]);
        let between = text
            .get(a.range.end..b.range.start)
            .unwrap_or("")
            .trim()
            .to_lowercase();
        if !(is_to(&between) || is_arrow(&between)) {
            continue;
        }
        let a_bare = a.unit == Unit::Count && a.scale == 1.0 && !a.money && a.per.is_none();
        let b_bare = b.unit == Unit::Count && b.scale == 1.0 && !b.money && b.per.is_none();
        if a_bare && !b_bare {
            let (u, s, m) = (b.unit, b.scale, b.money);
            let a = &mut cands[i];
            a.unit = u;
            a.money = m;
            if matches!(u, Unit::Count | Unit::Money) {
                a.value *= s;
                a.scale = s;
            }
            adopted[i].1 = u;
        } else if b_bare && !a_bare {
            let u = a.unit;
            cands[i + 1].unit = u;
            adopted[i + 1].1 = u;
        } else if a.unit == b.unit && a.scale == 1.0 && b.scale > 1.0 && a.value < 1000.0 {
            // "from $1.2 to $1.8M"
            let s = b.scale;
            cands[i].value *= s;
            cands[i].scale = s;
        }
    }
    let links = link_changes(text, words, &adopted);
    let mut partner: Vec<Option<usize>> = vec![None; cands.len()];
    for l in &links {
        partner[l.from] = Some(l.to);
        partner[l.to] = Some(l.from);
    }
    let ctx = Ctx {
        text,
        words,
        breaks: Breaks::new(text),
        phrases: phrases(text, words),
        nums: cands.iter().map(|c| c.num.start).collect(),
        dirs: direction_hits(words),
    };
    let mut found: Vec<Option<(usize, Source)>> = cands
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut allowed = vec![i];
            allowed.extend(partner[i]);
            ctx.measure(c, &allowed)
        })
        .collect();
    for i in 0..cands.len() {
        if let (None, Some(p)) = (found[i], partner[i]) {
            found[i] = found[p];
        }
    }
    let changes: Vec<Option<Direction>> = cands
        .iter()
        .enumerate()
        .map(|(i, c)| ctx.stated_change(c, i))
        .collect();

    // Keep a bare count only when it plainly counts something.
    let keep: Vec<bool> = cands
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let bare = c.unit == Unit::Count && c.scale == 1.0 && c.per.is_none();
            if !bare {
                return true;
            }
            let Some((p, src)) = found[i] else {
                return false;
            };
            let phrase = &ctx.phrases[p];
            let rate = ctx.loose_per(c, i).is_some();
            let strong = !phrase.weak || c.value >= 1000.0 || rate;
            let (ws, _) = ctx.span(c);
            let prev = lower(words, ws.wrapping_sub(1));
            strong
                && match src {
                    Source::After | Source::Linked => true,
                    Source::Before => matches!(prev, "by" | "from" | "to") || partner[i].is_some(),
                    Source::Loose => false,
                }
        })
        .collect();

    let mut metrics = Vec::new();
    for (i, c) in cands.iter().enumerate() {
        if !keep[i]
            || partner[i].is_some_and(|p| !keep[p]) && c.unit == Unit::Count && c.scale == 1.0
        {
            continue;
        }
        let phrase = found[i].map(|(p, _)| &ctx.phrases[p]);
        let per = c.per.clone().or_else(|| ctx.loose_per(c, i));
        metrics.push(Metric {
            range: c.range.clone(),
            value: c.value,
            high: c.high,
            unit: c.unit,
            kind: kind_for(c.unit, phrase.map(|p| p.kind)),
            measure: phrase.map(|p| p.range.clone()),
            per,
            bound: c.bound,
            change: changes[i],
        });
    }
    // A pair with no measure of its own borrows the one a linked stated change names:
    // "cut latency by 50%, from 500 ms to 50 ms".
    let changes = find_changes_with(text, words, &metrics);
    for ch in &changes {
        if let Some(s) = ch.stated {
            if metrics[ch.from].measure.is_none() && metrics[s].measure.is_some() {
                let (m, k) = (metrics[s].measure.clone(), metrics[s].kind);
                for i in [ch.from, ch.to] {
                    metrics[i].measure = m.clone();
                    metrics[i].kind = kind_for(metrics[i].unit, Some(k));
                }
            }
        }
    }
    metrics
}

/// Before/after pairs among `metrics` (as returned by [`find_metrics`] for the same text), each with
/// the stated change about the same thing in the same sentence, if any.
pub fn find_changes(text: &str, metrics: &[Metric]) -> Vec<Change> {
    find_changes_with(text, &Words::new(text), metrics)
}

pub fn find_changes_with(text: &str, words: &Words, metrics: &[Metric]) -> Vec<Change> {
    let items: Vec<(Range<usize>, Unit)> =
        metrics.iter().map(|m| (m.range.clone(), m.unit)).collect();
    let links = link_changes(text, words, &items);
    let breaks = Breaks::new(text);
    let paired: HashSet<usize> = links.iter().flat_map(|l| [l.from, l.to]).collect();
    let starts: Vec<usize> = metrics.iter().map(|m| m.range.start).collect();
    let mut used = HashSet::default();
    let mut out = Vec::new();
    for l in links {
        let (a, b) = (&metrics[l.from], &metrics[l.to]);
        let start = a.range.start.min(b.range.start);
        let end = a.range.end.max(b.range.end);
        let pair_measure = a.measure.clone().or_else(|| b.measure.clone());
        // With no other metric allowed in between, only the pair's neighbours can state its change.
        let (lo_i, hi_i) = (l.from.min(l.to), l.from.max(l.to));
        let stated = [lo_i.checked_sub(1), Some(hi_i + 1)]
            .into_iter()
            .flatten()
            .filter_map(|i| metrics.get(i).map(|s| (i, s)))
            .filter(|(i, s)| {
                !paired.contains(i)
                    && !used.contains(i)
                    // A multiplier beside a pair describes it even without a verb ("— nearly 4x").
                    && (s.change.is_some() || s.unit == Unit::Multiplier)
                    && s.high.is_none()
                    && (matches!(
                        s.unit,
                        Unit::Percent | Unit::PercentagePoints | Unit::Multiplier
                    ) || s.unit.compatible(a.unit) && s.change != Some(Direction::Either))
                    && !breaks.hard_between(s.range.start.min(start), s.range.end.max(end))
                    && !own_clause(text.get(gap(&s.range, start, end)).unwrap_or(""))
                    && !blocked(
                        &starts,
                        s.range.end.min(end),
                        s.range.start.max(start),
                        &[*i, l.from, l.to],
                    )
                    && match (&s.measure, &pair_measure) {
                        (Some(x), Some(y)) => same_measure(text, x, y),
                        _ => true,
                    }
            })
            .min_by_key(|(_, s)| {
                if s.range.start >= end {
                    s.range.start - end
                } else {
                    start.saturating_sub(s.range.end)
                }
            })
            .map(|(i, _)| i);
        if let Some(s) = stated {
            used.insert(s);
        }
        let (rs, re) = match stated {
            Some(s) => (
                start.min(metrics[s].range.start),
                end.max(metrics[s].range.end),
            ),
            None => (start, end),
        };
        out.push(Change {
            from: l.from,
            to: l.to,
            stated,
            range: rs..re,
            claimed: l.claimed,
        });
    }
    out
}

// ---------------------------------------------------------------------------------------------------
// Arithmetic.

fn fits(actual: f64, stated: f64, bound: Bound, tol: f64) -> bool {
    match bound {
        Bound::Exact => (actual - stated).abs() <= tol,
        Bound::About => (actual - stated).abs() <= 2.0 * tol,
        Bound::AtLeast => actual >= stated - tol,
        Bound::AtMost => actual <= stated + tol,
    }
}

fn fmt(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// Numbers that do not add up: a stated change that matches neither reading of its before/after
/// pair, a change whose sign contradicts the words, a cut of more than 100%, a share above 100%.
pub fn inconsistencies(text: &str, metrics: &[Metric], changes: &[Change]) -> Vec<Inconsistency> {
    let mut out = Vec::new();
    let quote = |i: usize| {
        text.get(metrics[i].range.clone())
            .unwrap_or("")
            .trim()
            .to_string()
    };
    let mut in_pair = HashSet::default();
    for ch in changes {
        in_pair.insert(ch.from);
        in_pair.insert(ch.to);
        let (a, b) = (&metrics[ch.from], &metrics[ch.to]);
        if a.high.is_some() || b.high.is_some() || !a.unit.compatible(b.unit) {
            continue;
        }
        let (fv, tv) = (a.unit.base(a.value), b.unit.base(b.value));
        let pair = format!("from {} to {}", quote(ch.from), quote(ch.to));
        let rising = tv > fv;
        let rel = (fv != 0.0).then(|| (tv - fv).abs() / fv.abs() * 100.0);
        let what = if rising { "rise" } else { "cut" };
        let mut flagged = false;
        if let Some(si) = ch.stated {
            let s = &metrics[si];
            let stated_text = quote(si);
            let both_percent = a.unit == Unit::Percent && b.unit == Unit::Percent;
            let pp = (b.value - a.value).abs();
            let wrong_way = match s.change {
                Some(Direction::Down) => rising,
                Some(Direction::Up) => tv < fv,
                _ => false,
            };
            let message = match s.unit {
                _ if wrong_way && fv != tv => Some(format!(
                    "{pair} is a {what}, but “{stated_text}” says the opposite"
                )),
                Unit::Percent => {
                    let tol = 2.0f64.max(0.1 * s.value);
                    let mut readings: Vec<f64> = rel.into_iter().collect();
                    if both_percent {
                        readings.push(pp);
                    }
                    if s.change == Some(Direction::Either) && tv != 0.0 {
                        readings.push((tv - fv).abs() / tv.abs() * 100.0);
                    }
                    let ok = readings.is_empty()
                        || readings.iter().any(|&r| fits(r, s.value, s.bound, tol));
                    (!ok).then(|| {
                        let mut detail = rel.map_or(String::new(), |r| {
                            format!("a {}% {what}", fmt(if r >= 10.0 { r.round() } else { r }))
                        });
                        if both_percent {
                            let unit = if fmt(pp) == "1" { "point" } else { "points" };
                            detail.push_str(&format!(" (or {} percentage {unit})", fmt(pp)));
                        } else if !rising && tv > 0.0 && fv / tv >= 2.0 {
                            detail.push_str(&format!(" ({}x)", fmt(fv / tv)));
                        }
                        format!("{pair} is {detail}, not {}", stated_text)
                    })
                }
                Unit::PercentagePoints if both_percent => {
                    let ok = fits(pp, s.value, s.bound, 0.2f64.max(0.1 * s.value));
                    (!ok).then(|| {
                        format!(
                            "{pair} is {} percentage points, not {}",
                            fmt(pp),
                            stated_text
                        )
                    })
                }
                Unit::Multiplier => {
                    let (lo, hi) = (fv.min(tv), fv.max(tv));
                    (lo > 0.0).then(|| hi / lo).and_then(|ratio| {
                        let tol = (0.15 * s.value).max(0.25);
                        let ok = fits(ratio, s.value, s.bound, tol)
                            || s.change == Some(Direction::Up)
                                && fits(ratio, s.value + 1.0, s.bound, tol);
                        (!ok).then(|| format!("{pair} is {}x, not {}", fmt(ratio), stated_text))
                    })
                }
                u if u.compatible(a.unit) => {
                    let d = (tv - fv).abs();
                    let sv = s.unit.base(s.value);
                    let ok = fits(d, sv, s.bound, (0.1 * sv).max(f64::EPSILON));
                    (!ok).then(|| {
                        format!(
                            "{pair} is a change of {}, not {}",
                            fmt(d / s.unit.base(1.0)),
                            stated_text
                        )
                    })
                }
                _ => None,
            };
            if let Some(message) = message {
                flagged = true;
                out.push(Inconsistency {
                    range: ch.range.clone(),
                    message,
                });
            }
        }
        let contradicts = match ch.claimed {
            Some(Direction::Down) => rising,
            Some(Direction::Up) => tv < fv,
            _ => false,
        };
        if contradicts && !flagged {
            let said = if rising { "a cut" } else { "a rise" };
            out.push(Inconsistency {
                range: ch.range.clone(),
                message: format!("the sentence describes {said}, but {pair} is a {what}"),
            });
        }
    }
    for (i, m) in metrics.iter().enumerate() {
        if m.unit != Unit::Percent || in_pair.contains(&i) || m.bound == Bound::AtMost {
            continue;
        }
        if m.change == Some(Direction::Down) && m.value > 100.0 {
            out.push(Inconsistency {
                range: m.range.clone(),
                message: format!(
                    "a cut of {}% is impossible: nothing falls by more than 100%",
                    fmt(m.value)
                ),
            });
        } else if m.change.is_none() && m.value > 100.0 {
            if let Some(r) = &m.measure {
                let measure = text.get(r.clone()).unwrap_or("");
                if CUES.bounded.any(&Words::new(measure)) {
                    out.push(Inconsistency {
                        range: m.range.clone(),
                        message: format!(
                            "{measure} cannot exceed 100%, but this says {}%",
                            fmt(m.value)
                        ),
                    });
                }
            }
        }
    }
    out.sort_by_key(|x| (x.range.start, x.range.end));
    out
}

#[cfg(test)]
mod tests;
