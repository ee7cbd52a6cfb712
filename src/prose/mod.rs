//! Markdown → the prose a reader sees: blocks (headings, paragraphs, list items) with their sentences,
//! grouped into case studies. Code, HTML, front matter, tables and link targets are not prose.
//!
//! A case study is a section of the file: each heading of the file's top heading level starts one, text
//! before the first such heading is the preamble, and a file without headings is one case study.
//! Each block's prose is cached by its content, so after an edit only changed blocks are read again.

pub mod inline;
pub mod sentences;

use crate::document::plain::{plain_blocks, PlainKind};
use crate::document::{Chunk, Document};
use inline::{inline_parser, read_inline};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;
use tree_sitter::{Node, Parser};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    Heading { level: u8 },
    Paragraph,
    ListItem,
}

/// The prose of one block, independent of where the block sits in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockProse {
    /// Identifies the block's content (text, markers and kind); equal keys mean equal prose, so the
    /// analysis of a block is cached by it.
    pub key: u64,
    /// The block's bytes with non-prose blanked out (same length as the block's range).
    pub prose: String,
    /// Sentence ranges within `prose`.
    pub sentences: Vec<Range<usize>>,
    /// HTML comments within the block, relative ranges.
    pub comments: Vec<Range<usize>>,
}

#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    /// Document byte range of the block's inline content.
    pub range: Range<usize>,
    /// Where the whole block starts (before a heading's `#` marker or a list item's bullet).
    pub start: usize,
    /// Its prose's [`BlockProse::key`], kept here so the document-wide passes of a review need not
    /// reach into every block's prose.
    pub key: u64,
    pub prose: Arc<BlockProse>,
}

impl Block {
    /// Sentences as document byte ranges, with their text.
    pub fn sentences(&self) -> impl Iterator<Item = (Range<usize>, &str)> + '_ {
        self.prose.sentences.iter().map(move |r| {
            (
                self.range.start + r.start..self.range.start + r.end,
                &self.prose.prose[r.clone()],
            )
        })
    }

    /// The sentence whose range holds `offset` (ends included): its index and document range.
    pub fn sentence_at(&self, offset: usize) -> Option<(usize, Range<usize>)> {
        self.sentences()
            .map(|(r, _)| r)
            .enumerate()
            .find(|(_, r)| r.start <= offset && offset <= r.end)
    }

    pub fn heading_level(&self) -> Option<u8> {
        match self.kind {
            BlockKind::Heading { level } => Some(level),
            _ => None,
        }
    }

    /// The heading's words, without markdown markers.
    pub fn title(&self) -> &str {
        self.prose.prose.trim().trim_end_matches('#').trim()
    }
}

/// One story: a section starting at a top-level heading (or the whole file when it has none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseStudy {
    pub title: String,
    /// Index of its heading in [`Prose::blocks`], if it has one.
    pub heading: Option<usize>,
    /// Indices of its blocks in [`Prose::blocks`], heading included.
    pub blocks: Range<usize>,
    /// Document byte range, from its heading to the next case study.
    pub range: Range<usize>,
    /// Where findings about the whole story are shown: its heading's text, or its first line.
    pub anchor: Range<usize>,
}

/// An HTML comment in the document (where inline configuration directives live).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub range: Range<usize>,
    pub text: String,
}

#[derive(Debug, Clone, Default)]
pub struct Prose {
    pub blocks: Vec<Block>,
    pub studies: Vec<CaseStudy>,
    /// Indices of the blocks before the first case study's heading.
    pub preamble: Range<usize>,
    pub comments: Vec<Comment>,
    /// Which blocks and comments each chunk of the document gave, in order.
    pub chunks: Vec<ChunkBlocks>,
}

/// The blocks and comments (indices in [`Prose`]) one chunk of the document gave.
#[derive(Debug, Clone, Default)]
pub struct ChunkBlocks {
    pub id: u64,
    pub start: usize,
    pub blocks: Range<usize>,
    pub comments: Range<usize>,
}

/// What a reading after an edit took over from the last one (see [`ProseReader::read_after`]): an
/// edit replaces a run of chunks, so the first `before` chunks are the last reading's where they were,
/// the last `after` are the last reading's moved `by` bytes, and in between the blocks at `old_blocks`
/// of the last reading became the blocks at `new_blocks` of this one (those after moved with them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reread {
    pub before: usize,
    pub after: usize,
    /// How many chunks the last reading and this one have.
    pub old_chunks: usize,
    pub new_chunks: usize,
    /// How far the chunks after the edit moved (bytes, later in the text when positive).
    pub by: isize,
    pub old_blocks: Range<usize>,
    pub new_blocks: Range<usize>,
    /// Whether the stories kept their blocks and moved with their headings (see `move_studies`).
    pub studies_moved: bool,
}

impl Reread {
    /// Where the last reading's chunk `k` is in this one and how far it moved, if it was taken over.
    pub fn chunk_from(&self, k: usize) -> Option<(usize, isize)> {
        if k < self.before {
            Some((k, 0))
        } else if k >= self.old_chunks - self.after && k < self.old_chunks {
            Some((k + self.new_chunks - self.old_chunks, self.by))
        } else {
            None
        }
    }

    /// Whether a story over `blocks` (this reading's block indices) is as it was, only moved: the stories
    /// kept their blocks, and the edit replaced none of these nor any between them (an edit between two
    /// blocks of a story, replacing no block, still moves the later ones within it).
    pub fn story_only_moved(&self, blocks: &Range<usize>) -> bool {
        self.studies_moved
            && (blocks.end <= self.new_blocks.start || blocks.start >= self.new_blocks.end)
    }

    /// This reading's chunks that were read again (the others were taken over from the last one).
    pub fn read_again(&self) -> Range<usize> {
        self.before..self.new_chunks - self.after
    }
}

/// Reads documents into [`Prose`], keeping the prose of blocks it has seen before.
pub struct ProseReader {
    parser: Parser,
    /// Parses the chunks whose trees the document did not keep.
    block_parser: Parser,
    /// The prose of each chunk read last time, by chunk id, in chunk-relative offsets.
    chunks: FxHashMap<u64, Arc<ChunkProse>>,
}

/// The blocks and comments of one chunk, in offsets relative to the chunk's start.
#[derive(Debug, Default)]
struct ChunkProse {
    blocks: Vec<Block>,
    comments: Vec<Comment>,
}

impl Default for ProseReader {
    fn default() -> Self {
        ProseReader {
            parser: inline_parser(),
            block_parser: crate::document::block_parser(),
            chunks: FxHashMap::default(),
        }
    }
}

/// Block kinds whose content is never prose.
const NOT_PROSE: &[&str] = &[
    "fenced_code_block",
    "indented_code_block",
    "minus_metadata",
    "plus_metadata",
    "pipe_table",
    "link_reference_definition",
    "thematic_break",
];

fn shifted(range: &Range<usize>, by: usize) -> Range<usize> {
    range.start + by..range.end + by
}

impl ProseReader {
    /// Reads the document's prose. Chunks the last read saw are not read again: only their offsets move.
    pub fn read(&mut self, doc: &Document) -> Prose {
        self.read_after(doc, None).0
    }

    /// [`ProseReader::read`], given the last reading of the same document (if it is at hand): the
    /// blocks of every chunk the edits since left alone (same id) stay where they are in it, those
    /// after the edit with their offsets shifted, and only the edited chunks' blocks are put in their
    /// place: copying every block from the cache would touch every block's shared prose (a cache miss
    /// each, thousands at 100,000 words). Also says what was taken over.
    pub fn read_after(&mut self, doc: &Document, last: Option<Prose>) -> (Prose, Reread) {
        let mut prose = last.unwrap_or_default();
        let (old, new) = (&prose.chunks, doc.chunks());
        // An edit replaces a run of chunks: those before it and after it kept their ids.
        let before = old
            .iter()
            .zip(new)
            .take_while(|(o, n)| o.id == n.id)
            .count();
        let after = old[before..]
            .iter()
            .rev()
            .zip(new[before..].iter().rev())
            .take_while(|(o, n)| o.id == n.id)
            .count();
        let (old_mid, new_mid) = (before..old.len() - after, before..new.len() - after);
        // Where the replaced chunks' blocks and comments were: chunks give consecutive runs of both.
        let blocks_from = before.checked_sub(1).map_or(0, |p| old[p].blocks.end);
        let blocks_to = old
            .get(old_mid.end)
            .map_or(prose.blocks.len(), |c| c.blocks.start);
        let comments_from = before.checked_sub(1).map_or(0, |p| old[p].comments.end);
        let comments_to = old
            .get(old_mid.end)
            .map_or(prose.comments.len(), |c| c.comments.start);
        let by = old
            .get(old_mid.end)
            .map_or(0, |o| new[new_mid.end].start as isize - o.start as isize);

        let mut blocks = Vec::new();
        let mut comments = Vec::new();
        let mut chunks = Vec::with_capacity(new_mid.len());
        for chunk in &new[new_mid.clone()] {
            let read = match self.chunks.get(&chunk.id) {
                Some(read) => read.clone(),
                None => {
                    let read = Arc::new(self.read_chunk(doc, chunk));
                    self.chunks.insert(chunk.id, read.clone());
                    read
                }
            };
            let (blocks_at, comments_at) = (blocks.len(), comments.len());
            blocks.extend(read.blocks.iter().map(|b| Block {
                range: shifted(&b.range, chunk.start),
                start: b.start + chunk.start,
                ..b.clone()
            }));
            comments.extend(read.comments.iter().map(|c| Comment {
                range: shifted(&c.range, chunk.start),
                text: c.text.clone(),
            }));
            chunks.push(ChunkBlocks {
                id: chunk.id,
                start: chunk.start,
                blocks: blocks_from + blocks_at..blocks_from + blocks.len(),
                comments: comments_from + comments_at..comments_from + comments.len(),
            });
        }
        // The new blocks take the old ones' place; those after them only move (in place: with as many
        // blocks as before, as when typing in a paragraph, nothing else in the vector is copied).
        let mut reread = Reread {
            before,
            after,
            old_chunks: old.len(),
            new_chunks: new.len(),
            by,
            old_blocks: blocks_from..blocks_to,
            new_blocks: blocks_from..blocks_from + blocks.len(),
            studies_moved: false,
        };
        // Whether the stories are where they were: as many blocks, headings at the same places.
        let same_outline = blocks.len() == blocks_to - blocks_from
            && blocks
                .iter()
                .zip(&prose.blocks[blocks_from..blocks_to])
                .all(|(new, old)| new.heading_level() == old.heading_level());
        let block_shift = blocks.len() as isize - (blocks_to - blocks_from) as isize;
        let comment_shift = comments.len() as isize - (comments_to - comments_from) as isize;
        let (blocks_end, comments_end) =
            (blocks_from + blocks.len(), comments_from + comments.len());
        prose.blocks.splice(blocks_from..blocks_to, blocks);
        prose.comments.splice(comments_from..comments_to, comments);
        prose.chunks.splice(old_mid, chunks);
        let shift = |x: usize, by: isize| (x as isize + by) as usize;
        if by != 0 {
            for b in &mut prose.blocks[blocks_end..] {
                b.range = shift(b.range.start, by)..shift(b.range.end, by);
                b.start = shift(b.start, by);
            }
            for c in &mut prose.comments[comments_end..] {
                c.range = shift(c.range.start, by)..shift(c.range.end, by);
            }
        }
        for c in &mut prose.chunks[new_mid.end..] {
            c.start = shift(c.start, by);
            c.blocks = shift(c.blocks.start, block_shift)..shift(c.blocks.end, block_shift);
            c.comments =
                shift(c.comments.start, comment_shift)..shift(c.comments.end, comment_shift);
        }
        let chunks = doc.chunks();
        crate::cache::sweep(&mut self.chunks, chunks.len(), || {
            chunks.iter().map(|c| c.id)
        });
        if same_outline
            && prose.studies.iter().all(|s| s.heading.is_some())
            && !prose.studies.is_empty()
        {
            prose.move_studies(doc.len(), blocks_from..blocks_end);
            reread.studies_moved = true;
        } else {
            prose.group_studies(doc.len());
        }
        for study in &mut prose.studies {
            study.anchor = match study.heading {
                Some(i) => prose.blocks[i].range.clone(),
                None => first_line(
                    doc,
                    prose
                        .blocks
                        .get(study.blocks.start)
                        .map_or(0, |b| b.range.start),
                ),
            };
        }
        (prose, reread)
    }

    /// Reads one chunk, from its block tree unless its blocks are known without; offsets in the result
    /// are relative to the chunk.
    fn read_chunk(&mut self, doc: &Document, chunk: &Chunk) -> ChunkProse {
        if chunk.tree.is_none() {
            if let Some(read) = read_plain(&mut self.parser, doc, chunk) {
                return read;
            }
        }
        match doc.tree_of(chunk, &mut self.block_parser) {
            Some(tree) => read_tree(&mut self.parser, doc, chunk, &tree),
            None => ChunkProse::default(),
        }
    }

    /// Whether the prose of the chunk with this id is at hand (read before, and not swept since).
    pub fn has_read(&self, chunk: u64) -> bool {
        self.chunks.contains_key(&chunk)
    }

    /// Reads into the cache, without parsing them, the chunks among `wanted` (by id; `at` are their
    /// indices in the document, or some of them) that have no tree and whose blocks are known without
    /// one (see [`crate::document::plain`]); removes them from `wanted`.
    pub fn read_plain_chunks(&mut self, doc: &Document, at: &[usize], wanted: &mut FxHashSet<u64>) {
        for chunk in at.iter().filter_map(|&i| doc.chunks().get(i)) {
            if chunk.tree.is_none() && wanted.contains(&chunk.id) {
                if let Some(read) = read_plain(&mut self.parser, doc, chunk) {
                    self.chunks.insert(chunk.id, Arc::new(read));
                    wanted.remove(&chunk.id);
                }
            }
        }
    }

    /// Reads one chunk from `tree`, its block tree, into the cache (see [`Document::parse_each`]).
    pub fn read_parsed(&mut self, doc: &Document, chunk: &Chunk, tree: &tree_sitter::Tree) {
        let read = Arc::new(read_tree(&mut self.parser, doc, chunk, tree));
        self.chunks.insert(chunk.id, read);
    }

    /// Parses and reads the chunks `wanted` names (by id) on every core, each tree dropped once read, and
    /// returns the ids it left: chunks whose parse has an error and so must first be settled by
    /// [`Document::parse_each`] (they run to the end of the document).
    pub fn read_in_parallel(&mut self, doc: &Document, wanted: &FxHashSet<u64>) -> Vec<u64> {
        if !doc.is_parsed() {
            return wanted.iter().copied().collect();
        }
        let chunks: Vec<&Chunk> = doc
            .chunks()
            .iter()
            .filter(|c| c.tree.is_none() && wanted.contains(&c.id))
            .collect();
        let read: Vec<(u64, Option<ChunkProse>)> = chunks
            .par_iter()
            .map_init(
                || (crate::document::block_parser(), inline_parser()),
                |(blocks, inline), chunk| {
                    let read = read_plain(inline, doc, chunk).or_else(|| {
                        doc.tree_of(chunk, blocks)
                            .filter(|tree| !doc.must_settle(chunk, tree))
                            .map(|tree| read_tree(inline, doc, chunk, &tree))
                    });
                    (chunk.id, read)
                },
            )
            .collect();
        let mut left = Vec::new();
        for (id, read) in read {
            match read {
                Some(read) => {
                    self.chunks.insert(id, Arc::new(read));
                }
                None => left.push(id),
            }
        }
        left
    }
}

/// Reads one chunk without a tree when its blocks are known without parsing (see
/// [`crate::document::plain`]); offsets in the result are relative to the chunk.
fn read_plain(parser: &mut Parser, doc: &Document, chunk: &Chunk) -> Option<ChunkProse> {
    let blocks = plain_blocks(&doc.slice(chunk.range()))?;
    let mut out = ChunkProse::default();
    for b in blocks {
        let kind = match b.kind {
            PlainKind::Paragraph => BlockKind::Paragraph,
            PlainKind::ListItem => BlockKind::ListItem,
            PlainKind::Heading { level } => BlockKind::Heading { level },
        };
        let block = block(
            parser,
            doc,
            chunk.start,
            Vec::new(),
            b.inline,
            kind,
            b.start,
        );
        out.push(block, doc, chunk.start);
    }
    Some(out)
}

/// Walks one chunk's block tree; offsets in the result are relative to the chunk.
fn read_tree(
    parser: &mut Parser,
    doc: &Document,
    chunk: &Chunk,
    tree: &tree_sitter::Tree,
) -> ChunkProse {
    {
        let mut out = ChunkProse::default();
        let base = chunk.start;
        // Ranges stop at the chunk's end (a virtual final line break lies past it).
        let clamp = |r: Range<usize>| r.start.min(chunk.len)..r.end.min(chunk.len);
        let mut cursor = tree.walk();
        // The nodes above the cursor. Kept by hand because `Node::parent` searches from the root,
        // which makes a walk over a long, flat chunk quadratic.
        let mut ancestors: Vec<Node> = Vec::new();
        // Iterative pre-order walk: deeply nested quotes and lists must not exhaust the stack.
        'walk: loop {
            let node = cursor.node();
            let mut descend = true;
            match node.kind() {
                "inline" => {
                    descend = false;
                    if let Some((kind, start)) = block_kind(&ancestors) {
                        let range = clamp(node.byte_range());
                        let markers = markers(node, &range);
                        out.push(
                            block(parser, doc, base, markers, range, kind, start),
                            doc,
                            base,
                        );
                    }
                }
                "html_block" => {
                    descend = false;
                    let start = node.start_byte();
                    let text = doc.slice(shifted(&clamp(node.byte_range()), base));
                    out.comments.extend(html_comments(&text).map(|r| Comment {
                        text: text[r.clone()].to_string(),
                        range: shifted(&r, start),
                    }));
                }
                kind if NOT_PROSE.contains(&kind) => descend = false,
                _ => {}
            }
            if descend && cursor.goto_first_child() {
                ancestors.push(node);
                continue;
            }
            while !cursor.goto_next_sibling() {
                if !cursor.goto_parent() {
                    break 'walk;
                }
                ancestors.pop();
            }
        }
        out
    }
}

impl ChunkProse {
    /// Adds `block` (chunk-relative, in a chunk starting at `base`) and the HTML comments in it.
    fn push(&mut self, block: Block, doc: &Document, base: usize) {
        for c in &block.prose.comments {
            let range = shifted(c, block.range.start);
            self.comments.push(Comment {
                text: doc.slice(shifted(&range, base)).into_owned(),
                range,
            });
        }
        self.blocks.push(block);
    }
}

/// The named children of an `inline` node (continuation markers of the containers it is in), relative
/// to its `range` (chunk-relative, clamped to the chunk).
fn markers(node: Node, range: &Range<usize>) -> Vec<Range<usize>> {
    let mut markers = Vec::new();
    let mut cursor = node.walk();
    for child in node.named_children(&mut cursor) {
        let end = child.end_byte().min(range.end);
        markers.push(child.start_byte().min(end) - range.start..end - range.start);
    }
    markers
}

/// One block, with chunk-relative offsets: its inline content at `range` with `markers` in it (see
/// [`markers`]), in a chunk starting at `base`.
fn block(
    parser: &mut Parser,
    doc: &Document,
    base: usize,
    markers: Vec<Range<usize>>,
    range: Range<usize>,
    kind: BlockKind,
    start: usize,
) -> Block {
    let text = doc.slice(shifted(&range, base));
    let mut hasher = FxHasher::default();
    text.hash(&mut hasher);
    markers.hash(&mut hasher);
    kind.hash(&mut hasher);
    let key = hasher.finish();
    let inline = read_inline(parser, &text, &markers);
    let prose = Arc::new(BlockProse {
        key,
        sentences: match kind {
            BlockKind::Heading { .. } => Vec::new(),
            _ => sentences::sentences(&inline.prose),
        },
        prose: inline.prose,
        comments: inline.comments,
    });
    Block {
        kind,
        range,
        start,
        key,
        prose,
    }
}

/// What an `inline` node's block is, from the nodes above it (innermost last), and where that block
/// starts (before a heading's `#` or a list item's bullet).
fn block_kind(ancestors: &[Node]) -> Option<(BlockKind, usize)> {
    let mut up = ancestors.iter().rev();
    let parent = up.next()?;
    let grand = up.next();
    match parent.kind() {
        "atx_heading" => {
            let marker = parent.child(0)?.kind();
            let level = marker
                .strip_prefix("atx_h")
                .and_then(|s| s.strip_suffix("_marker"))
                .and_then(|s| s.parse().ok())?;
            Some((BlockKind::Heading { level }, parent.start_byte()))
        }
        "paragraph" => match grand.map(|g| g.kind()) {
            Some("list_item") => Some((BlockKind::ListItem, grand?.start_byte())),
            Some("setext_heading") => {
                let grand = grand?;
                let underline = grand.child(grand.child_count().checked_sub(1)?)?;
                let level = if underline.kind() == "setext_h1_underline" {
                    1
                } else {
                    2
                };
                Some((BlockKind::Heading { level }, grand.start_byte()))
            }
            _ => Some((BlockKind::Paragraph, parent.start_byte())),
        },
        _ => None,
    }
}

/// The line that starts at `start`, without its line break or trailing spaces.
fn first_line(doc: &Document, start: usize) -> Range<usize> {
    let rope = doc.rope();
    let line = rope.byte_to_line(start.min(rope.len_bytes()));
    let end = rope
        .try_line_to_byte(line + 1)
        .unwrap_or_else(|_| rope.len_bytes());
    start..start + doc.slice(start..end).trim_end().len()
}

fn html_comments(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + text.get(at..)?.find("<!--")?;
        let end = text[start..]
            .find("-->")
            .map_or(text.len(), |e| start + e + 3);
        at = end;
        Some(start..end)
    })
}

impl Prose {
    /// Groups the blocks into case studies (again: the titles of the last grouping are reused where
    /// they are the same, in order, so typing does not allocate a title per story).
    fn group_studies(&mut self, doc_len: usize) {
        let mut old_titles = std::mem::take(&mut self.studies)
            .into_iter()
            .map(|s| s.title)
            .peekable();
        let top = self.blocks.iter().filter_map(Block::heading_level).min();
        let starts: Vec<usize> = match top {
            Some(top) => (0..self.blocks.len())
                .filter(|&i| self.blocks[i].heading_level() == Some(top))
                .collect(),
            None => vec![],
        };
        if starts.is_empty() {
            self.preamble = 0..0;
            let has_prose = self.blocks.iter().any(|b| !b.prose.sentences.is_empty());
            if has_prose {
                self.studies.push(CaseStudy {
                    title: String::new(),
                    heading: None,
                    blocks: 0..self.blocks.len(),
                    range: 0..doc_len,
                    anchor: 0..0,
                });
            }
            return;
        }
        self.preamble = 0..starts[0];
        for (n, &start) in starts.iter().enumerate() {
            let end = starts.get(n + 1).copied().unwrap_or(self.blocks.len());
            let heading = &self.blocks[start];
            let text = heading.title();
            // Past the old titles before this one (a story removed above), then this one if it is next.
            let title = loop {
                let surplus = old_titles.len() > starts.len() - n;
                match old_titles.peek() {
                    Some(old) if old == text => break old_titles.next().unwrap_or_default(),
                    Some(_) if surplus => {
                        old_titles.next();
                    }
                    _ => break text.to_string(),
                }
            };
            let range_end = starts
                .get(n + 1)
                .map_or(doc_len, |&next| self.blocks[next].start);
            self.studies.push(CaseStudy {
                title,
                heading: Some(start),
                blocks: start..end,
                range: heading.start..range_end,
                anchor: heading.range.clone(),
            });
        }
    }

    /// [`Prose::group_studies`] when the blocks are as many as when the stories were last grouped, with
    /// headings at the same places (typing in a story): each story keeps its blocks and its title
    /// unless its heading is among `reread`, and its range moves with its heading.
    fn move_studies(&mut self, doc_len: usize, reread: Range<usize>) {
        let starts: Vec<usize> = self.studies.iter().filter_map(|s| s.heading).collect();
        for (n, study) in self.studies.iter_mut().enumerate() {
            let Some(start) = study.heading else { continue };
            let heading = &self.blocks[start];
            if reread.contains(&start) && study.title != heading.title() {
                study.title = heading.title().to_string();
            }
            let end = starts
                .get(n + 1)
                .map_or(doc_len, |&next| self.blocks[next].start);
            study.range = heading.start..end;
        }
    }

    /// The case study that contains document offset `offset`.
    pub fn study_at(&self, offset: usize) -> Option<&CaseStudy> {
        self.studies.iter().find(|s| s.range.contains(&offset))
    }

    /// The index of the block whose inline content holds `offset` (ends included).
    pub fn block_index_at(&self, offset: usize) -> Option<usize> {
        let i = self.blocks.partition_point(|b| b.range.end < offset);
        self.blocks
            .get(i)
            .filter(|b| b.range.start <= offset)
            .map(|_| i)
    }

    /// The block whose inline content holds `offset` (ends included).
    pub fn block_at(&self, offset: usize) -> Option<&Block> {
        self.block_index_at(offset).map(|i| &self.blocks[i])
    }

    /// The document range of the sentence that holds `offset`.
    pub fn sentence_at(&self, offset: usize) -> Option<Range<usize>> {
        self.block_at(offset)?.sentence_at(offset).map(|(_, r)| r)
    }
}

#[cfg(test)]
mod tests;
