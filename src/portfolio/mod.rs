//! The portfolio: every case study in the workspace, seen together as a hiring committee sees them.
//!
//! Each file is summarised once ([`FileSummary`]: one [`StudySummary`] per case study, built from the
//! file's review with [`Scorecard::of`]); the portfolio rules (`portfolio-size`, `principle-overlap`,
//! `thin-coverage`) read the summaries of all files. Summaries are small, so the language server keeps
//! one per indexed file and re-checks the whole portfolio on every change in microseconds.

pub mod config;

use crate::analysis::principles::Principle;
use crate::document::position::position_of;
use crate::document::{Changes, Document, Encoding, LineCol};
use crate::hover::Scorecard;
use crate::prose::CaseStudy;
use crate::review::{Review, Reviewer};
use crate::rules::config::RuleConfig;
use crate::rules::{Check, Finding, Rule, Severity, RULES};
use config::PortfolioConfig;
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One case study as the portfolio sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct StudySummary {
    /// The scorecard (its title is the file's name when the study has no heading). Shared: a study
    /// that only moved keeps it.
    pub card: Arc<Scorecard>,
    /// Every principle the study shows with its summed score, strongest first (the card keeps the top 3).
    pub all_principles: Arc<[(Principle, f32)]>,
    /// What the study's card and principles were worked out from (its review's study key).
    pub key: u64,
}

/// Where findings about a case study are reported: its heading's text, or its first line. Kept apart
/// from its [`StudySummary`], which a story that only moved (typing above it) keeps as it was.
#[derive(Debug, Clone, PartialEq)]
pub struct Anchor {
    pub range: Range<usize>,
    /// As zero-based line/column in UTF-8 and in UTF-16 (for workspace symbols).
    pub utf8: (LineCol, LineCol),
    pub utf16: (LineCol, LineCol),
}

impl Anchor {
    /// The anchor at `range` of `rope`.
    fn at(rope: &ropey::Rope, range: &Range<usize>) -> Anchor {
        let at = |offset, encoding| position_of(rope, offset, encoding);
        Anchor {
            range: range.clone(),
            utf8: (
                at(range.start, Encoding::Utf8),
                at(range.end, Encoding::Utf8),
            ),
            utf16: (
                at(range.start, Encoding::Utf16),
                at(range.end, Encoding::Utf16),
            ),
        }
    }

    /// Zero-based line of the heading.
    pub fn line(&self) -> u32 {
        self.utf8.0.line
    }
}

impl StudySummary {
    /// Summarises `study` of `review` (whose key is `key`) from its sentences.
    fn new(review: &Review, study: &CaseStudy, name: &str, key: u64) -> StudySummary {
        let mut card = Scorecard::of(review, study);
        if card.title.is_empty() {
            card.title = name.to_string();
        }
        let mut scores: BTreeMap<Principle, f32> = BTreeMap::new();
        for s in review.study_view(study).sentences() {
            for r in &s.facts.principles {
                *scores.entry(r.principle).or_default() += r.score;
            }
        }
        let mut all: Vec<(Principle, f32)> = scores.into_iter().collect();
        all.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        StudySummary {
            card: card.into(),
            all_principles: all.into(),
            key,
        }
    }

    /// The top principles as a set (what `principle-overlap` compares).
    pub fn top_set(&self) -> BTreeSet<Principle> {
        self.card.principles.iter().map(|(p, _)| *p).collect()
    }
}

/// The case studies of one file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FileSummary {
    /// Shared, so a summary made from the last one shares every study an edit did not reach.
    pub studies: Vec<Arc<StudySummary>>,
    /// Where each study's findings are reported, parallel to `studies`.
    pub anchors: Vec<Anchor>,
}

impl FileSummary {
    /// Summarises a reviewed document. `name` titles a case study without a heading.
    pub fn of(review: &Review, doc: &Document, name: &str) -> FileSummary {
        FileSummary::of_after(review, doc, name, None, Changes::All)
    }

    /// [`FileSummary::of`], given the file's last summary and the changes made since it (the language
    /// server summarises an open file after every edit): a study whose content is unchanged (same key)
    /// keeps its card and principles instead of having them worked out again from every sentence, and
    /// — before the changed span, or past the first line after it — its anchor's positions (moved by the
    /// lines the changes added or removed); a study unchanged in all of that is shared as it was.
    pub fn of_after(
        review: &Review,
        doc: &Document,
        name: &str,
        last: Option<&FileSummary>,
        changes: Changes,
    ) -> FileSummary {
        let rope = doc.rope();
        let carried = changes.carried(rope);
        let (last, last_anchors): (&[Arc<StudySummary>], &[Anchor]) = match (last, changes) {
            (Some(last), Changes::None | Changes::Span { .. }) => (&last.studies, &last.anchors),
            _ => (&[], &[]),
        };
        // A story's last summary is where it was, or as far from the end as it was (typing leaves the
        // stories in order); only when neither is it are all of them indexed by key.
        let mut index: Option<FxHashMap<u64, usize>> = None;
        let now = review.prose.studies.len();
        let mut known = |index_now: usize, key: u64| -> Option<(&Arc<StudySummary>, usize)> {
            let from_end = (index_now + last.len()).checked_sub(now);
            [Some(index_now), from_end]
                .into_iter()
                .flatten()
                .find(|&i| last.get(i).is_some_and(|s| s.key == key))
                .or_else(|| {
                    index
                        .get_or_insert_with(|| {
                            last.iter().enumerate().map(|(i, s)| (s.key, i)).collect()
                        })
                        .get(&key)
                        .copied()
                })
                .map(|i| (&last[i], i))
        };
        let mut findings_in = Scorecard::findings_walk(review);
        let mut anchors = Vec::with_capacity(review.prose.studies.len());
        let studies = review
            .prose
            .studies
            .iter()
            .enumerate()
            .map(|(index, study)| {
                let key = review.study_key(index);
                let anchor = &study.anchor;
                let findings = findings_in(study);
                let Some((was, was_at)) = known(index, key) else {
                    anchors.push(Anchor::at(rope, anchor));
                    return Arc::new(StudySummary::new(review, study, name, key));
                };
                // The anchor's positions, carried over (and how many lines down) when its place was.
                let was_anchor = last_anchors.get(was_at);
                let lines = carried.lines_down(anchor);
                let down = |(a, b): (LineCol, LineCol)| {
                    let line = |p: LineCol| LineCol {
                        line: (p.line as isize + lines) as u32,
                        col: p.col,
                    };
                    (line(a), line(b))
                };
                anchors.push(match was_anchor {
                    Some(w) if carried.was(anchor).as_ref() == Some(&w.range) => Anchor {
                        range: anchor.clone(),
                        utf8: down(w.utf8),
                        utf16: down(w.utf16),
                    },
                    _ => Anchor::at(rope, anchor),
                });
                if was.card.findings == findings {
                    return Arc::clone(was);
                }
                // The count depends on the configuration too: counted again.
                Arc::new(StudySummary {
                    card: Arc::new(Scorecard {
                        findings,
                        ..(*was.card).clone()
                    }),
                    all_principles: was.all_principles.clone(),
                    key,
                })
            })
            .collect();
        FileSummary { studies, anchors }
    }

    /// Reviews `text` and summarises it.
    pub fn read(reviewer: &mut Reviewer, text: &str, config: &RuleConfig, name: &str) -> Self {
        let doc = Document::new(text);
        let review = reviewer.review(&doc, config);
        FileSummary::of(&review, &doc, name)
    }
}

/// The file name without its extension: the title of a case study that has no heading.
pub fn file_title(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// All case studies of a workspace, by file (in path order).
#[derive(Debug, Clone, Default)]
pub struct Portfolio {
    pub files: BTreeMap<PathBuf, Arc<FileSummary>>,
}

/// One case study of the portfolio with the file it is in.
#[derive(Debug, Clone, Copy)]
pub struct PortfolioStudy<'a> {
    pub file: &'a Path,
    pub summary: &'a StudySummary,
    pub anchor: &'a Anchor,
    /// Whether it is the first case study of its file (where portfolio-wide findings are reported).
    pub first_in_file: bool,
}

/// One case study as the portfolio rules see it: its title and top principles (its facts), and where
/// its findings are placed. A rule reads nothing else of a study, so two portfolios whose studies have
/// the same facts, file by file, get the same findings but for where their anchors are.
pub struct StudyFacts<'a> {
    pub file: &'a Path,
    /// Its position among its file's case studies.
    pub index: usize,
    pub title: &'a str,
    /// The up to three principles it shows most strongly, as in its scorecard.
    pub top: BTreeSet<Principle>,
    /// Where its findings are reported (not for the rules to read: see [`StudyFacts::finding`]).
    anchor: &'a Range<usize>,
}

impl StudyFacts<'_> {
    /// Whether it is the first case study of its file (where portfolio-wide findings are reported).
    pub fn first_in_file(&self) -> bool {
        self.index == 0
    }

    /// A finding of `rule` on this study.
    pub fn finding(&self, rule: &Rule, message: impl Into<Arc<str>>) -> PortfolioFinding {
        PortfolioFinding {
            file: self.file.to_path_buf(),
            study: self.index,
            finding: Finding::new(rule, self.anchor.clone(), message),
        }
    }
}

/// What the portfolio rules read.
pub struct PortfolioView<'a> {
    pub studies: Vec<StudyFacts<'a>>,
    /// Distinct principles the portfolio should show (`[portfolio] min-principles`).
    pub min_principles: usize,
}

/// A finding of a portfolio rule: a finding on one case study's anchor in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortfolioFinding {
    pub file: PathBuf,
    /// The study's position among its file's case studies.
    pub study: usize,
    pub finding: Finding,
}

impl PortfolioView<'_> {
    /// Distinct top principles across the portfolio.
    pub fn principles(&self) -> BTreeSet<Principle> {
        self.studies
            .iter()
            .flat_map(|s| s.top.iter().copied())
            .collect()
    }

    /// A finding of `rule` on every file's first case study (for findings about the whole portfolio).
    pub fn on_every_file(&self, rule: &Rule, message: &str, out: &mut Vec<PortfolioFinding>) {
        let message: Arc<str> = message.into();
        for s in self.studies.iter().filter(|s| s.first_in_file()) {
            out.push(s.finding(rule, message.clone()));
        }
    }
}

/// Everything the portfolio rules' findings depend on: the rules' levels, `min-principles`, and the
/// facts of every study, file by file. Equal facts, equal findings (anchors aside), so the language
/// server runs the rules again only when these change, not on every keystroke that moves an anchor.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PortfolioFacts {
    levels: Vec<Option<Severity>>,
    min_principles: usize,
    /// (file, its studies' titles and top principles as a bit set), in path order.
    files: Vec<(PathBuf, Vec<(String, u16)>)>,
}

/// The top principles as a bit set, one bit per principle.
fn top_bits(study: &StudySummary) -> u16 {
    study
        .card
        .principles
        .iter()
        .fold(0, |bits, (p, _)| bits | 1 << (*p as u16))
}

fn levels(rules: &RuleConfig) -> impl Iterator<Item = Option<Severity>> + '_ {
    RULES
        .iter()
        .filter(|r| matches!(r.check, Check::Portfolio(_)))
        .map(|r| rules.level(r))
}

impl PortfolioFacts {
    /// The facts of `files` (in path order).
    pub fn of<'a>(
        files: impl Iterator<Item = (&'a Path, &'a FileSummary)>,
        config: &PortfolioConfig,
        rules: &RuleConfig,
    ) -> PortfolioFacts {
        PortfolioFacts {
            levels: levels(rules).collect(),
            min_principles: config.min_principles,
            files: files
                .map(|(path, summary)| {
                    let studies = summary
                        .studies
                        .iter()
                        .map(|s| (s.card.title.clone(), top_bits(s)))
                        .collect();
                    (path.to_path_buf(), studies)
                })
                .collect(),
        }
    }

    /// Whether these are the facts of `files` (without building them: this runs on every keystroke).
    pub fn describe<'a>(
        &self,
        files: impl Iterator<Item = (&'a Path, &'a FileSummary)>,
        config: &PortfolioConfig,
        rules: &RuleConfig,
    ) -> bool {
        let mut files = files;
        let mut known = self.files.iter();
        self.min_principles == config.min_principles
            && levels(rules).eq(self.levels.iter().copied())
            && loop {
                match (files.next(), known.next()) {
                    (None, None) => break true,
                    (Some((path, summary)), Some((known_path, studies))) => {
                        let same = path == known_path.as_path()
                            && summary.studies.len() == studies.len()
                            && summary
                                .studies
                                .iter()
                                .zip(studies)
                                .all(|(s, (title, top))| {
                                    s.card.title == *title && top_bits(s) == *top
                                });
                        if !same {
                            break false;
                        }
                    }
                    _ => break false,
                }
            }
    }
}

impl Portfolio {
    pub fn studies(&self) -> impl Iterator<Item = PortfolioStudy<'_>> {
        self.files.iter().flat_map(|(file, summary)| {
            summary
                .studies
                .iter()
                .zip(&summary.anchors)
                .enumerate()
                .map(move |(i, (s, anchor))| PortfolioStudy {
                    file,
                    summary: s,
                    anchor,
                    first_in_file: i == 0,
                })
        })
    }

    /// Runs the portfolio rules, with the user's severities (and `off`) applied.
    pub fn check(&self, config: &PortfolioConfig, rules: &RuleConfig) -> Vec<PortfolioFinding> {
        let view = PortfolioView {
            studies: self
                .files
                .iter()
                .flat_map(|(file, summary)| {
                    summary
                        .studies
                        .iter()
                        .zip(&summary.anchors)
                        .enumerate()
                        .map(move |(index, (s, anchor))| StudyFacts {
                            file,
                            index,
                            title: &s.card.title,
                            top: s.top_set(),
                            anchor: &anchor.range,
                        })
                })
                .collect(),
            min_principles: config.min_principles,
        };
        let mut out = Vec::new();
        if view.studies.is_empty() {
            return out;
        }
        for rule in RULES.iter() {
            let Check::Portfolio(check) = rule.check else {
                continue;
            };
            let Some(severity) = rules.level(rule) else {
                continue;
            };
            let start = out.len();
            check(&view, &mut out);
            for f in &mut out[start..] {
                f.finding.severity = severity;
            }
        }
        out
    }
}

/// "Customer Obsession · Ownership — parts 5/6 — metrics 2 tech / 1 cust / 1 biz — ~4 min"
pub fn lens_title(card: &Scorecard) -> String {
    let principles = if card.principles.is_empty() {
        "No principle shown yet".to_string()
    } else {
        card.principle_names()
    };
    let metric = |k: &str| card.metrics.get(k).copied().unwrap_or(0);
    format!(
        "{principles} — parts {}/6 — metrics {} tech / {} cust / {} biz — ~{} min",
        card.parts_present(),
        metric("technical"),
        metric("customer"),
        metric("business"),
        minutes(card),
    )
}

/// Whole minutes it takes to tell the written story (at least 1 once there are words).
pub fn minutes(card: &Scorecard) -> u32 {
    if card.words == 0 {
        0
    } else {
        (card.speaking_minutes().ceil() as u32).max(1)
    }
}

/// The full scorecard as plain text (what the lens shows when clicked).
pub fn scorecard_text(card: &Scorecard) -> String {
    let parts: Vec<String> = card
        .parts
        .iter()
        .map(|(p, has)| format!("{} {}", if *has { "✓" } else { "✗" }, p.name()))
        .collect();
    let metrics: Vec<String> = card
        .metrics
        .iter()
        .map(|(k, n)| format!("{n} {k}"))
        .collect();
    let principles: Vec<String> = card
        .principles
        .iter()
        .map(|(p, score)| format!("{} ({score:.1})", p.name()))
        .collect();
    format!(
        "{}\nParts {}/6: {}\nMetrics: {}\nPrinciples shown: {}\n{} words, about {} min told aloud · {} findings",
        card.heading(),
        card.parts_present(),
        parts.join(" · "),
        metrics.join(", "),
        if principles.is_empty() {
            "none yet".to_string()
        } else {
            principles.join(" · ")
        },
        card.words,
        minutes(card),
        card.findings,
    )
}

#[cfg(test)]
mod tests;
