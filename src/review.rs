//! A review of one document: its prose, the facts of every block and the findings of every rule, with
//! the user's configuration and inline `casebook-disable` comments applied.
//!
//! Everything that depends only on a block's content (its facts, its sentence-level findings) is cached
//! by that content, so reviewing after a keystroke re-reads only the blocks the keystroke changed.

use crate::analysis::{read_block_with, read_words, BlockFacts, SentenceFacts, SentenceReading};
use crate::document::Document;
use crate::prose::{Block, BlockKind, BlockProse, CaseStudy, Comment, Prose, ProseReader, Reread};
use crate::rules::config::RuleConfig;
use crate::rules::{BlockView, Check, Finding, StudyView, RULES};
use rayon::prelude::*;
use ropey::Rope;
use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;

/// What is known about one block, independent of where it sits.
#[derive(Debug, Default)]
pub struct BlockReview {
    pub facts: BlockFacts,
    /// Sentence-level findings of every rule, ranges relative to the block, severities at their defaults.
    pub findings: Vec<Finding>,
}

#[derive(Debug, Default)]
pub struct Review {
    pub prose: Prose,
    /// Parallel to `prose.blocks`.
    pub blocks: Vec<Arc<BlockReview>>,
    /// Findings in document byte ranges, sorted by position, configuration applied.
    pub findings: Vec<Finding>,
    /// Where each finding came from: the index of its block's chunk in `prose.chunks`, or [`STUDY`]
    /// with the index of its case study in `prose.studies`.
    origins: Vec<usize>,
    /// Each case study's [`study_key`], parallel to `prose.studies`.
    study_keys: Vec<u64>,
    /// The configuration the findings were filtered with, when they may be carried over to the next
    /// review (not when inline comments silence some: an edit anywhere may move what those cover).
    carried_with: Option<RuleConfig>,
}

/// The mark of a case-study finding's origin (see [`Review`]).
const STUDY: usize = 1 << (usize::BITS - 1);

/// The origin of a finding that is not carried over (see [`carry_findings`]).
const DROPPED: usize = usize::MAX;

#[derive(Default)]
pub struct Reviewer {
    prose: ProseReader,
    /// Block reviews by block content key.
    blocks: FxHashMap<u64, Arc<BlockReview>>,
    /// Case-study findings (relative to the study's start) by [`study_key`].
    studies: FxHashMap<u64, Arc<Vec<Finding>>>,
    /// Sentence facts by the sentence's text: typing in a long paragraph re-reads one sentence, not all.
    sentences: FxHashMap<u64, Arc<SentenceReading>>,
    /// Whether many chunks or blocks are read on one thread even so (see [`Reviewer::one_thread`]).
    one_thread: bool,
    /// How many sentence readings the cache may hold before it is next swept.
    sentences_sweep_at: usize,
    /// Chunk ids below this were all read when [`Reviewer::read_unparsed`] last looked (ids are never
    /// reused and only grow, so it need not look them up again: at 100,000 words, thousands of cache
    /// lookups a keystroke).
    unparsed_from: u64,
}

fn text_key(text: &str) -> u64 {
    let mut hasher = FxHasher::default();
    text.hash(&mut hasher);
    hasher.finish()
}

/// Identifies what the case-study rules see of a study: its blocks' content and kinds, where each sits
/// within the study, and the study's own anchor.
fn study_key(prose: &Prose, study: &CaseStudy) -> u64 {
    let mut hasher = FxHasher::default();
    let base = study.range.start;
    (study.anchor.start.saturating_sub(base), study.anchor.len()).hash(&mut hasher);
    study
        .heading
        .map(|h| h - study.blocks.start)
        .hash(&mut hasher);
    for block in &prose.blocks[study.blocks.clone()] {
        // Wrapping: a heading nested in a list item ("1. # Title") starts its study after its block's
        // bullet, so `block.start` can lie before `base`.
        (
            block.key,
            block.range.start.wrapping_sub(base),
            block.start.wrapping_sub(base),
        )
            .hash(&mut hasher);
    }
    hasher.finish()
}

/// Blocks to review, or chunks to read, from which the work is shared among the cores: below this,
/// one thread does it sooner than several could start (an edit touches one or two).
const PARALLEL_FROM: usize = 8;

/// Reviews one block, taking each sentence's reading from `reading`.
fn review_block(
    prose: &BlockProse,
    kind: BlockKind,
    mut reading: impl FnMut(&str) -> Arc<SentenceReading>,
) -> BlockReview {
    let facts = read_block_with(prose, kind, |text, range| SentenceFacts {
        range,
        reading: reading(text),
    });
    let mut findings = Vec::new();
    let view = BlockView {
        prose: &prose.prose,
        facts: &facts,
    };
    for rule in RULES.iter() {
        if let Check::Block(check) = rule.check {
            check(&view, &mut findings);
        }
    }
    BlockReview { facts, findings }
}

impl Reviewer {
    pub fn review(&mut self, doc: &Document, config: &RuleConfig) -> Review {
        self.review_after(doc, config, None)
    }

    /// [`Reviewer::review`], given the last review of the same document (if it is at hand): what the
    /// edits since left alone — the blocks of untouched chunks, their reviews and findings — is moved
    /// over from it instead of gathered again (see [`ProseReader::read_after`]). The result is the same
    /// (the edit property tests hold the two equal); only the work differs.
    pub fn review_after(
        &mut self,
        doc: &Document,
        config: &RuleConfig,
        last: Option<Review>,
    ) -> Review {
        let (last_prose, last_blocks, last_findings, last_studies, last_keys) = match last {
            Some(review) => {
                let carried = (review.carried_with.as_ref() == Some(config))
                    .then_some((review.findings, review.origins));
                let studies: Vec<(u64, usize)> = review
                    .study_keys
                    .iter()
                    .zip(&review.prose.studies)
                    .map(|(key, study)| (*key, study.range.start))
                    .collect();
                let keys = review.study_keys;
                (Some(review.prose), review.blocks, carried, studies, keys)
            }
            None => (None, Vec::new(), None, Vec::new(), Vec::new()),
        };
        let (prose, reread) = self.prose.read_after(doc, last_prose);
        let blocks = self.review_blocks(&prose, &reread, last_blocks);

        let silenced = Silences::read(&prose.comments, doc.rope());
        let level = |f: &mut Finding| -> bool {
            let Some(rule) = crate::rules::rule(f.rule) else {
                return false;
            };
            match config.level(rule) {
                Some(severity) if !silenced.covers(f) => {
                    f.severity = severity;
                    true
                }
                _ => false,
            }
        };
        // A story that only moved keeps its key (hashing every story's blocks is a pass over the whole
        // document a keystroke).
        let keys: Vec<u64> = if reread.studies_moved && last_keys.len() == prose.studies.len() {
            let mut keys = last_keys;
            for (key, study) in keys.iter_mut().zip(&prose.studies) {
                if !reread.story_only_moved(&study.blocks) {
                    *key = study_key(&prose, study);
                }
            }
            keys
        } else {
            prose.studies.iter().map(|s| study_key(&prose, s)).collect()
        };
        // Findings carried over were filtered without silences: so must these be.
        let last_findings = last_findings.filter(|_| silenced.is_empty());
        let CarriedFindings {
            mut findings,
            mut origins,
            sorted: carried_in_order,
            dropped,
            unread_chunks,
            studies: study_carried_to,
        } = carry_findings(&prose, &reread, &keys, last_findings, &last_studies);
        // The findings of the chunks and case studies read again, put among those carried over.
        let mut found = Vec::new();
        for index in unread_chunks {
            for i in prose.chunks[index].blocks.clone() {
                let start = prose.blocks[i].range.start;
                for f in &blocks[i].findings {
                    let mut f = Finding {
                        range: start + f.range.start..start + f.range.end,
                        ..f.clone()
                    };
                    if level(&mut f) {
                        found.push((f, index));
                    }
                }
            }
        }
        for (index, (study, key)) in prose.studies.iter().zip(&keys).enumerate() {
            if study_carried_to[index] {
                continue;
            }
            let in_study = self.studies.entry(*key).or_insert_with(|| {
                let view = study_view(&prose, &blocks, study);
                let mut found = Vec::new();
                for rule in RULES.iter() {
                    if let Check::Study(check) = rule.check {
                        check(&view, &mut found);
                    }
                }
                // Kept relative to the study's start, so a story that only moved is not checked again.
                for f in &mut found {
                    f.range = f.range.start - study.range.start..f.range.end - study.range.start;
                }
                Arc::new(found)
            });
            for f in in_study.iter() {
                let mut f = Finding {
                    range: study.range.start + f.range.start..study.range.start + f.range.end,
                    ..f.clone()
                };
                if level(&mut f) {
                    found.push((f, STUDY | index));
                }
            }
        }
        crate::cache::sweep(&mut self.studies, keys.len(), || keys.iter().copied());
        insert_sorted(
            &mut findings,
            &mut origins,
            carried_in_order,
            dropped,
            found,
        );
        Review {
            carried_with: silenced.is_empty().then(|| config.clone()),
            prose,
            blocks,
            findings,
            origins,
            study_keys: keys,
        }
    }

    /// The review of every block of `prose`: `last` (the last review's, parallel to the last
    /// reading's blocks) with the reviews of the blocks the edit replaced (`reread`) replaced in place,
    /// from the cache or reviewed now (on every core when there are many).
    fn review_blocks(
        &mut self,
        prose: &Prose,
        reread: &Reread,
        mut last: Vec<Arc<BlockReview>>,
    ) -> Vec<Arc<BlockReview>> {
        // The blocks taken over keep their reviews where they are (a block's review does not depend on
        // where it is); the others are reviewed, or found in the cache. (A last review that does not
        // match the last reading, which should not happen, is not used.)
        let taken_over = prose.blocks.len() - reread.new_blocks.len() + reread.old_blocks.len();
        let fresh = if last.len() == taken_over {
            reread.new_blocks.clone()
        } else {
            last.clear();
            0..prose.blocks.len()
        };
        let new = &prose.blocks[fresh.clone()];
        self.review_in_parallel(new.iter());
        let sentences = &mut self.sentences;
        let reviews: Vec<Arc<BlockReview>> = new
            .iter()
            .map(|block| {
                self.blocks
                    .entry(block.key)
                    .or_insert_with(|| {
                        Arc::new(review_block(&block.prose, block.kind, |text| {
                            sentences
                                .entry(text_key(text))
                                .or_insert_with(|| Arc::new(read_words(text)))
                                .clone()
                        }))
                    })
                    .clone()
            })
            .collect();
        let replaced = if last.is_empty() {
            0..0
        } else {
            reread.old_blocks.clone()
        };
        last.splice(replaced, reviews);
        let blocks = last;
        crate::cache::sweep(&mut self.blocks, blocks.len(), || {
            prose.blocks.iter().map(|b| b.key)
        });
        if self.sentences.len() > self.sentences_sweep_at {
            let live_sentences = prose.blocks.iter().map(|b| b.prose.sentences.len()).sum();
            crate::cache::sweep(&mut self.sentences, live_sentences, || {
                prose.blocks.iter().flat_map(|b| {
                    b.prose
                        .sentences
                        .iter()
                        .map(|r| text_key(&b.prose.prose[r.clone()]))
                })
            });
            // Counting the live sentences reaches into every block: it is done again only once the
            // cache has grown past what a sweep would leave alone.
            self.sentences_sweep_at = 2 * live_sentences + 64;
        }
        blocks
    }

    /// Reviews, on every core, the blocks not reviewed before when there are many (a document just
    /// opened): sentences already read are shared, new ones are read by whichever thread meets them.
    fn review_in_parallel<'a>(&mut self, blocks: impl Iterator<Item = &'a Block>) {
        let mut seen = FxHashSet::default();
        let new: Vec<&Block> = blocks
            .filter(|b| !self.blocks.contains_key(&b.key) && seen.insert(b.key))
            .collect();
        if new.len() < PARALLEL_FROM || self.one_thread {
            return;
        }
        let known = &self.sentences;
        // Each block's review, with the sentences read for it that were not known before.
        type Reviewed = (u64, BlockReview, Vec<(u64, Arc<SentenceReading>)>);
        let reviewed: Vec<Reviewed> = new
            .par_iter()
            .map(|block| {
                let mut read = Vec::new();
                let review = review_block(&block.prose, block.kind, |text| {
                    let key = text_key(text);
                    known.get(&key).cloned().unwrap_or_else(|| {
                        let reading = Arc::new(read_words(text));
                        read.push((key, reading.clone()));
                        reading
                    })
                });
                (block.key, review, read)
            })
            .collect();
        for (key, review, read) in reviewed {
            self.blocks.insert(key, Arc::new(review));
            self.sentences.extend(read);
        }
    }

    /// A reviewer that does all its work on the calling thread, as after an edit: the reference the
    /// shared-out reading of a whole document is tested against.
    pub fn one_thread() -> Reviewer {
        Reviewer {
            one_thread: true,
            ..Reviewer::default()
        }
    }

    /// Reads the chunks of `doc` it has not read yet: for a document opened with [`Document::cut`],
    /// before [`Reviewer::review`]. Many chunks are parsed and read on every core; the rest, and any
    /// whose parse has an error, one at a time (see [`Document::parse_each`]). Each tree is dropped once
    /// read.
    pub fn read_unparsed(&mut self, doc: &mut Document) {
        let (from, mut to) = (self.unparsed_from, self.unparsed_from);
        let mut wanted = FxHashSet::default();
        let mut wanted_at = Vec::new();
        for (i, chunk) in doc
            .chunks()
            .iter()
            .enumerate()
            .filter(|(_, c)| c.id >= from)
        {
            if chunk.tree.is_none() && !self.prose.has_read(chunk.id) {
                wanted.insert(chunk.id);
                wanted_at.push(i);
            }
            to = to.max(chunk.id + 1);
        }
        // A chunk missed all the same (none should be) is read when reviewed, only not on every core.
        self.unparsed_from = to;
        if wanted.len() >= PARALLEL_FROM && !self.one_thread {
            wanted = self
                .prose
                .read_in_parallel(doc, &wanted)
                .into_iter()
                .collect();
        }
        if !wanted.is_empty() {
            self.prose.read_plain_chunks(doc, &wanted_at, &mut wanted);
        }
        if !wanted.is_empty() {
            let prose = &mut self.prose;
            doc.parse_each(&wanted, |doc, chunk, tree| {
                prose.read_parsed(doc, chunk, tree)
            });
        }
    }

    /// Reviews a text once, with the default configuration.
    pub fn review_text(&mut self, text: &str) -> Review {
        self.review(&Document::new(text), &RuleConfig::default())
    }
}

/// What of the last review's findings carries over to a review of `prose` (see
/// [`Reviewer::review_after`]), each with its origin in this review (see `Review::origins`).
struct CarriedFindings {
    /// Each with its origin; in order (see [`insert_sorted`]) when `sorted`.
    findings: Vec<Finding>,
    origins: Vec<usize>,
    sorted: bool,
    /// The span of `findings` that holds those not carried over (their origins [`DROPPED`]), among
    /// carried ones: they are left where they were, for [`insert_sorted`] to replace with the fresh.
    dropped: Range<usize>,
    /// The chunks of `prose` whose findings are not among `findings` (the others' are).
    unread_chunks: Range<usize>,
    /// Per case study of `prose`: whether its findings are among `findings`.
    studies: Vec<bool>,
}

/// The findings of `last` (the last review's findings and their origins; `None` when none can be
/// carried) that belong to the chunks `reread` took over, or to case studies whose key (`keys` now,
/// `last_studies` with their starts then) is unchanged and found once in each review, shifted to where
/// they now are.
fn carry_findings(
    prose: &Prose,
    reread: &Reread,
    keys: &[u64],
    last: Option<(Vec<Finding>, Vec<usize>)>,
    last_studies: &[(u64, usize)],
) -> CarriedFindings {
    let mut carried = CarriedFindings {
        findings: Vec::new(),
        origins: Vec::new(),
        sorted: true,
        dropped: 0..0,
        unread_chunks: 0..prose.chunks.len(),
        studies: vec![false; prose.studies.len()],
    };
    if let Some((mut findings, mut origins)) = last {
        carried.unread_chunks = reread.read_again();
        // By the last review's study indices: where each went in this one, and how far.
        let mut study_from: Vec<Option<(usize, isize)>> = vec![None; last_studies.len()];
        let mut take = |j: usize, i: usize| {
            let by = prose.studies[i].range.start as isize - last_studies[j].1 as isize;
            study_from[j] = Some((i, by));
            carried.studies[i] = true;
        };
        // Stories where they were, or as far from the end (typing leaves them in order): by position;
        // those between, by a key found once in each review.
        let (was_n, now_n) = (last_studies.len(), keys.len());
        let front = last_studies
            .iter()
            .zip(keys)
            .take_while(|((was, _), now)| was == *now)
            .count();
        let back = last_studies[front..]
            .iter()
            .rev()
            .zip(keys[front..].iter().rev())
            .take_while(|((was, _), now)| was == *now)
            .count();
        for i in 0..front {
            take(i, i);
        }
        for k in 1..=back {
            take(was_n - k, now_n - k);
        }
        let once = |keys: &mut dyn Iterator<Item = (usize, u64)>| {
            let mut seen: FxHashMap<u64, Option<usize>> = FxHashMap::default();
            for (i, key) in keys {
                seen.entry(key)
                    .and_modify(|at| *at = None)
                    .or_insert(Some(i));
            }
            seen
        };
        let was = once(&mut (front..was_n - back).map(|j| (j, last_studies[j].0)));
        let now = once(&mut (front..now_n - back).map(|i| (i, keys[i])));
        for (key, at) in &now {
            if let (Some(i), Some(Some(j))) = (at, was.get(key)) {
                take(*j, *i);
            }
        }
        // Kept in place and shifted where they moved; those not carried over are only marked (the
        // last review's vectors are reused, and a keystroke neither rebuilds nor moves thousands of
        // findings: those dropped lie where the edit was, and the fresh ones take their place). They
        // were in order, and two that moved as far still are: the order is checked only where the
        // shift changes.
        let mut last_kept: Option<(usize, isize)> = None;
        let mut dropped: Option<Range<usize>> = None;
        for i in 0..findings.len().min(origins.len()) {
            let origin = origins[i];
            let to = if origin & STUDY == 0 {
                reread.chunk_from(origin)
            } else {
                study_from
                    .get(origin & !STUDY)
                    .copied()
                    .flatten()
                    .map(|(i, by)| (STUDY | i, by))
            };
            let Some((origin, by)) = to else {
                origins[i] = DROPPED;
                let span = dropped.get_or_insert(i..i);
                span.end = i + 1;
                continue;
            };
            if by != 0 {
                let shift = |x: usize| (x as isize + by) as usize;
                let f = &mut findings[i];
                f.range = shift(f.range.start)..shift(f.range.end);
            }
            if let Some((k, last_by)) = last_kept {
                if last_by != by {
                    carried.sorted &= in_order(&findings[k], &findings[i]).is_le();
                }
            }
            last_kept = Some((i, by));
            origins[i] = origin;
        }
        let n = findings.len().min(origins.len());
        findings.truncate(n);
        origins.truncate(n);
        carried.dropped = dropped.unwrap_or(0..0);
        (carried.findings, carried.origins) = (findings, origins);
    }
    carried
}

/// The order of a review's findings: by place, then rule, then message.
fn in_order(a: &Finding, b: &Finding) -> std::cmp::Ordering {
    (a.range.start, a.range.end, a.rule, &*a.message).cmp(&(
        b.range.start,
        b.range.end,
        b.rule,
        &*b.message,
    ))
}

/// Puts `fresh` (findings with their origins) among `findings` (in order when `sorted`, with
/// `origins` parallel to them) in place of those marked [`DROPPED`] (all within `dropped`), keeping the
/// order, and found ones after carried ones in a tie. Fresh findings lie where an edit was, as do
/// those dropped, so only the span from the first to the last of either is replaced: when typing keeps
/// the count, no finding after it moves.
fn insert_sorted(
    findings: &mut Vec<Finding>,
    origins: &mut Vec<usize>,
    sorted: bool,
    dropped: Range<usize>,
    mut fresh: Vec<(Finding, usize)>,
) {
    if !sorted {
        // Carried findings keep their order (each story or chunk moves whole, with the text): this
        // is only a safeguard.
        let mut all: Vec<(Finding, usize)> = findings
            .drain(..)
            .zip(origins.drain(..))
            .filter(|(_, origin)| *origin != DROPPED)
            .collect();
        all.append(&mut fresh);
        all.sort_by(|(a, _), (b, _)| in_order(a, b));
        (*findings, *origins) = all.into_iter().unzip();
        return;
    }
    fresh.sort_by(|(a, _), (b, _)| in_order(a, b));
    // The span to replace: the dropped ones, widened to where the fresh ones go among the run before
    // it and the run after it (each in order; with none dropped, both runs are all of them).
    let (mut from, mut to) = match dropped.is_empty() {
        true => (findings.len(), 0),
        false => (dropped.start, dropped.end),
    };
    if let (Some((first, _)), Some((last, _))) = (fresh.first(), fresh.last()) {
        from = findings[..from].partition_point(|f| in_order(f, first).is_le());
        to += findings[to..].partition_point(|f| in_order(f, last).is_le());
    } else if dropped.is_empty() {
        return;
    }
    let mut between = findings[from..to]
        .iter()
        .zip(&origins[from..to])
        .filter(|(_, origin)| **origin != DROPPED)
        .map(|(f, origin)| (f.clone(), *origin))
        .peekable();
    let mut merged = Vec::with_capacity(fresh.len() + to - from);
    for one in fresh {
        while let Some(carried) = between.next_if(|(f, _)| in_order(f, &one.0).is_le()) {
            merged.push(carried);
        }
        merged.push(one);
    }
    merged.extend(between);
    let (new_findings, new_origins): (Vec<Finding>, Vec<usize>) = merged.into_iter().unzip();
    findings.splice(from..to, new_findings);
    origins.splice(from..to, new_origins);
}

fn study_view<'a>(
    prose: &'a Prose,
    blocks: &'a [Arc<BlockReview>],
    study: &'a CaseStudy,
) -> StudyView<'a> {
    StudyView {
        study,
        anchor: study.anchor.clone(),
        blocks: study
            .blocks
            .clone()
            .map(|i| (&prose.blocks[i], &blocks[i].facts))
            .collect(),
    }
}

impl Review {
    /// What the case-study rules saw of study `index` of `self.prose.studies` (its content, kinds and
    /// places within it): equal keys, equal findings and facts.
    pub fn study_key(&self, index: usize) -> u64 {
        match self.study_keys.get(index) {
            Some(key) => *key,
            None => study_key(&self.prose, &self.prose.studies[index]),
        }
    }

    /// What the case-study rules see of `study` (one of `self.prose.studies`).
    pub fn study_view<'a>(&'a self, study: &'a CaseStudy) -> StudyView<'a> {
        study_view(&self.prose, &self.blocks, study)
    }
}

/// Where inline comments switch rules off: `<!-- casebook-disable [RULE…] -->` until the matching
/// `<!-- casebook-enable [RULE…] -->`, and `<!-- casebook-disable-next-line [RULE…] -->` for the first
/// non-blank line after it. No rule named means every rule.
#[derive(Debug, Default)]
struct Silences {
    /// (rule or None for all, byte range silenced)
    spans: Vec<(Option<String>, Range<usize>)>,
}

impl Silences {
    fn read(comments: &[Comment], rope: &Rope) -> Silences {
        let mut spans = Vec::new();
        // Rule (or None) → where its open `disable` started.
        let mut open: Vec<(Option<String>, usize)> = Vec::new();
        for comment in comments {
            let body = comment
                .text
                .trim_start_matches("<!--")
                .trim_end_matches("-->")
                .trim();
            let mut parts = body.split_whitespace();
            let Some(command) = parts.next() else {
                continue;
            };
            let rules: Vec<Option<String>> = {
                let named: Vec<_> = parts
                    .map(|r| Some(r.trim_matches(',').to_string()))
                    .collect();
                if named.is_empty() {
                    vec![None]
                } else {
                    named
                }
            };
            match command {
                "casebook-disable" => {
                    open.extend(rules.into_iter().map(|r| (r, comment.range.end)));
                }
                "casebook-enable" => {
                    let all = rules.contains(&None);
                    open.retain(|(rule, start)| {
                        let closes = all || rules.contains(rule);
                        if closes {
                            spans.push((rule.clone(), *start..comment.range.start));
                        }
                        !closes
                    });
                }
                "casebook-disable-next-line" => {
                    let line = next_nonblank_line(rope, comment.range.end);
                    spans.extend(rules.into_iter().map(|r| (r, line.clone())));
                }
                _ => {}
            }
        }
        for (rule, start) in open {
            spans.push((rule, start..usize::MAX));
        }
        Silences { spans }
    }

    fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    fn covers(&self, finding: &Finding) -> bool {
        self.spans.iter().any(|(rule, range)| {
            rule.as_deref().is_none_or(|r| r == finding.rule)
                && range.contains(&finding.range.start)
        })
    }
}

fn next_nonblank_line(rope: &Rope, offset: usize) -> Range<usize> {
    let mut line = rope.byte_to_line(offset.min(rope.len_bytes())) + 1;
    while line < rope.len_lines() {
        let text = rope.line(line);
        if text.chars().any(|c| !c.is_whitespace()) {
            let start = rope.line_to_byte(line);
            return start..start + text.len_bytes();
        }
        line += 1;
    }
    0..0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules_found(text: &str) -> Vec<&'static str> {
        Reviewer::default()
            .review_text(text)
            .findings
            .iter()
            .map(|f| f.rule)
            .filter(|r| *r == "vague-claim")
            .collect()
    }

    #[test]
    fn a_heading_nested_in_a_list_item_starts_a_study() {
        // Found by the edit property test: the heading's block starts (at its bullet) before its study.
        let review = Reviewer::default().review_text("1. 1. # 😀\n    a");
        assert_eq!(review.prose.studies.len(), 1);
    }

    #[test]
    fn inline_disable_and_enable() {
        let text = "Much better now.\n\n<!-- casebook-disable vague-claim -->\n\nMuch better now.\n\n<!-- casebook-enable vague-claim -->\n\nMuch better now.\n";
        assert_eq!(rules_found(text), vec!["vague-claim", "vague-claim"]);
    }

    #[test]
    fn disable_without_a_rule_silences_all() {
        let text = "<!-- casebook-disable -->\n\nMuch better now.\n";
        assert!(rules_found(text).is_empty());
    }

    #[test]
    fn disable_next_line_silences_only_that_line() {
        let text = "<!-- casebook-disable-next-line vague-claim -->\nMuch better now.\n\nMuch better now.\n";
        assert_eq!(rules_found(text), vec!["vague-claim"]);
        let text =
            "Para. <!-- casebook-disable-next-line -->\n\nMuch better now.\n\nMuch better again.\n";
        assert_eq!(rules_found(text), vec!["vague-claim"]);
    }

    #[test]
    fn configured_off_and_severity() {
        let doc = Document::new("Much better now.\n");
        let vague = |config: &RuleConfig| -> Vec<Finding> {
            let review = Reviewer::default().review(&doc, config);
            review
                .findings
                .into_iter()
                .filter(|f| f.rule == "vague-claim")
                .collect()
        };
        let (config, _) = RuleConfig::from_toml("[rules]\nvague-claim = \"error\"\n");
        assert_eq!(vague(&config)[0].severity, crate::rules::Severity::Error);
        let (config, _) = RuleConfig::from_toml("[rules]\nvague-claim = \"off\"\n");
        assert!(vague(&config).is_empty());
    }
}
