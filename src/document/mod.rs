//! The text of one markdown file exactly as the editor has it: a rope, and tree-sitter block trees kept
//! in step with every edit, so re-parsing after a keystroke costs work proportional to the edit.
//!
//! tree-sitter re-parses every sibling of an edited node, and a markdown document is one long list of
//! sibling blocks, so one tree for the whole file makes every keystroke cost a full parse. The document is
//! therefore parsed as a sequence of [`Chunk`]s, cut only where a chunk parses alone exactly as it parses
//! in the whole document (see [`split`]). An edit re-parses the chunks it touches — incrementally, with
//! `InputEdit`, when it stays inside one — and re-cuts until the old cuts agree again. A chunk whose
//! blocks are known without parsing (plain paragraphs, list items and headings: see [`plain`]) is
//! never parsed and has no tree; that is most of a draft's prose, and most of the parsing it saves.
//!
//! Only the block structure (headings, paragraphs, lists, code blocks…) is parsed here; the inline
//! structure of each paragraph is parsed by `prose::inline` and cached by the paragraph's content.

pub mod changes;
pub mod plain;
pub mod position;
pub mod split;

use ropey::Rope;
use rustc_hash::FxHashSet;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};
use tree_sitter::{InputEdit, Parser, Point, Tree};

pub use changes::{ChangeReader, Changes};
pub use position::{Encoding, LineCol};

/// An edit could not be applied because its range does not fit the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditOutOfRange {
    pub range: Range<usize>,
    pub len: usize,
}

impl std::fmt::Display for EditOutOfRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "edit range {}..{} does not fit a document of {} bytes",
            self.range.start, self.range.end, self.len
        )
    }
}

/// A run of whole top-level blocks, parsed on its own.
pub struct Chunk {
    /// Identifies this chunk's content: a chunk keeps its id until an edit re-parses it, so anything
    /// derived from it can be cached by id. Unique across all documents of the process.
    pub id: u64,
    /// Document byte offset where it starts.
    pub start: usize,
    pub len: usize,
    /// Its block tree, in offsets relative to `start`, or none when it was not kept (see
    /// [`Document::cut`] and [`Document::release_trees`]; [`Document::tree_of`] parses it again then)
    /// or is not needed (a chunk whose blocks are known without: see [`plain`]).
    /// Node ranges may reach one byte past `len` when the chunk was read with a virtual final line break.
    pub tree: Option<Tree>,
    virtual_break: bool,
}

impl Chunk {
    pub fn range(&self) -> Range<usize> {
        self.start..self.start + self.len
    }

    /// The chunk at `range`, not parsed yet.
    fn unparsed(rope: &Rope, range: Range<usize>) -> Chunk {
        Chunk {
            id: NEXT_CHUNK_ID.fetch_add(1, Ordering::Relaxed),
            start: range.start,
            len: range.len(),
            virtual_break: lacks_final_break(rope, &range),
            tree: None,
        }
    }

    /// Parses the text at `range` of the rope, reusing `old` (already edited) when given.
    fn parse(parser: &mut Parser, rope: &Rope, range: Range<usize>, old: Option<&Tree>) -> Chunk {
        Chunk {
            id: NEXT_CHUNK_ID.fetch_add(1, Ordering::Relaxed),
            start: range.start,
            len: range.len(),
            virtual_break: lacks_final_break(rope, &range),
            tree: parse_chunk(parser, rope, range, old),
        }
    }
}

static NEXT_CHUNK_ID: AtomicU64 = AtomicU64::new(1);

/// Larger documents are kept in step with the editor but not parsed (and so not reviewed): a case study
/// is a few thousand words, and parsing 50 MB would take the server away from the user for seconds.
pub const PARSE_LIMIT: usize = 8 * 1024 * 1024;

pub struct Document {
    rope: Rope,
    parser: Parser,
    /// Contiguous, in order, covering the whole text (one empty chunk for an empty document).
    chunks: Vec<Chunk>,
    /// Ids of the chunks the last edit parsed: the trees [`Document::release_trees`] keeps, because the
    /// next keystroke most likely lands in them again and re-parses incrementally from them.
    recent: Vec<u64>,
    /// Indices of the chunks that may hold a tree, when known: those the edits since the last
    /// [`Document::release_trees`] parsed (so it need not look at every chunk). None when any may.
    holding: Option<Vec<usize>>,
    /// For each [`ChangeReader`], the edits since it last took them ([`Document::take_changes`]), and
    /// the text's line count then.
    changes: [Changes; 2],
    lines_at_mark: [usize; 2],
}

/// A parser for markdown's block structure, as the chunks are parsed.
pub fn block_parser() -> Parser {
    let mut parser = Parser::new();
    parser
        .set_language(&tree_sitter_md::LANGUAGE.into())
        .unwrap_or_else(|e| panic!("the bundled markdown grammar matches tree-sitter: {e}"));
    parser
}

/// Whether the text at `range` ends without a line break. tree-sitter-md recovers from a last line
/// without one differently depending on what precedes it (an error alone, a missing line ending after
/// other blocks), so such a chunk is parsed as if it ended with `\n`: the same everywhere.
fn lacks_final_break(rope: &Rope, range: &Range<usize>) -> bool {
    range.end > range.start && !matches!(rope.byte(range.end - 1), b'\n' | b'\r')
}

/// Parses the chunk at `range` of the rope, reusing `old` (already edited) when given.
fn parse_chunk(
    parser: &mut Parser,
    rope: &Rope,
    range: Range<usize>,
    old: Option<&Tree>,
) -> Option<Tree> {
    let final_break = lacks_final_break(rope, &range);
    // tree-sitter reads a NUL byte as the end of input and throws away the block before it, so the
    // parser sees a space instead (same length: offsets do not move).
    let mut read = |offset: usize, _: Point| -> Cow<'_, [u8]> {
        let at = range.start + offset;
        if at >= range.end {
            return Cow::Borrowed(if final_break && at == range.end {
                b"\n"
            } else {
                &[]
            });
        }
        let (chunk, chunk_start, _, _) = rope.chunk_at_byte(at);
        let bytes = &chunk.as_bytes()[at - chunk_start..];
        let bytes = &bytes[..bytes.len().min(range.end - at)];
        if bytes.contains(&0) {
            Cow::Owned(
                bytes
                    .iter()
                    .map(|&b| if b == 0 { b' ' } else { b })
                    .collect(),
            )
        } else {
            Cow::Borrowed(bytes)
        }
    };
    parser.parse_with_options(&mut read, old, None)
}

/// Lines of the rope from `start` (a line start), with their byte offsets. The rope breaks lines where
/// markdown does (`\n`, `\r\n`, `\r`), as [`split::lines`] does.
fn lines_from(rope: &Rope, start: usize) -> impl Iterator<Item = (usize, Cow<'_, str>)> + '_ {
    let mut at = start;
    rope.lines_at(rope.byte_to_line(start)).map(move |line| {
        let offset = at;
        at += line.len_bytes();
        (offset, Cow::from(line))
    })
}

impl Document {
    pub fn new(text: &str) -> Document {
        let mut doc = Document::cut(text);
        doc.holding = None;
        if doc.is_parsed() {
            let mut i = 0;
            while i < doc.chunks.len() {
                if !doc.is_plain(doc.chunks[i].range()) {
                    doc.chunks[i].tree = doc.parse_settled(i);
                }
                i += 1;
            }
        }
        doc
    }

    /// Whether the chunk at `range` is one whose blocks are known without parsing (see [`plain`]):
    /// such a chunk is never parsed, and has no tree.
    fn is_plain(&self, range: Range<usize>) -> bool {
        plain::plain_blocks(&self.slice(range)).is_some()
    }

    /// The chunk at `range`: unparsed when it [is plain](Document::is_plain), else parsed, reusing `old`
    /// (already edited) when given, and settled (see [`Document::settle`]).
    fn chunk_at(&mut self, range: Range<usize>, old: Option<&Tree>) -> Chunk {
        if self.is_plain(range.clone()) {
            return Chunk::unparsed(&self.rope, range);
        }
        let chunk = Chunk::parse(&mut self.parser, &self.rope, range, old);
        self.settle(chunk)
    }

    /// The text cut into chunks, none parsed yet: whoever reads a chunk parses it with
    /// [`Document::tree_of`] and can drop the tree once read, so a large document never holds every
    /// block tree at once (the language server opens documents this way).
    pub fn cut(text: &str) -> Document {
        let mut doc = Document {
            rope: Rope::from_str(text),
            parser: block_parser(),
            chunks: Vec::new(),
            recent: Vec::new(),
            holding: None,
            changes: [Changes::All; 2],
            lines_at_mark: [0; 2],
        };
        doc.cut_all();
        doc
    }

    /// Cuts the whole text into unparsed chunks (one above [`PARSE_LIMIT`]).
    fn cut_all(&mut self) {
        let len = self.len();
        let cuts = if len > PARSE_LIMIT {
            Vec::new()
        } else {
            split::cuts(&self.text())
        };
        let bounds: Vec<usize> = std::iter::once(0)
            .chain(cuts.into_iter().filter(|&c| c > 0 && c < len))
            .chain(std::iter::once(len))
            .collect();
        self.chunks = bounds
            .windows(2)
            .map(|w| Chunk::unparsed(&self.rope, w[0]..w[1]))
            .collect();
        self.recent.clear();
        self.holding = Some(Vec::new());
    }

    /// The block tree of `chunk` (one of [`Document::chunks`]): the kept one, or a fresh parse with
    /// `parser` (a markdown block parser, see [`block_parser`]). None above [`PARSE_LIMIT`].
    pub fn tree_of(&self, chunk: &Chunk, parser: &mut Parser) -> Option<Tree> {
        if !self.is_parsed() {
            return None;
        }
        match &chunk.tree {
            Some(tree) => Some(tree.clone()),
            None => parse_chunk(parser, &self.rope, chunk.range(), None),
        }
    }

    /// Parses, one at a time, the chunks that have no tree and that `wanted` names (by id), hands each tree
    /// to `read` and drops it: reading a document opened with [`Document::cut`] this way never holds more
    /// than one block tree.
    pub fn parse_each(
        &mut self,
        wanted: &FxHashSet<u64>,
        mut read: impl FnMut(&Document, &Chunk, &Tree),
    ) {
        if !self.is_parsed() {
            return;
        }
        let mut i = 0;
        while i < self.chunks.len() {
            let chunk = &self.chunks[i];
            if chunk.tree.is_none() && wanted.contains(&chunk.id) {
                if let Some(tree) = self.parse_settled(i) {
                    read(self, &self.chunks[i], &tree);
                }
            }
            i += 1;
        }
    }

    /// Parses chunk `i` and returns its tree, without keeping it. When the parse has an error, the
    /// chunk and every one after it become one chunk to the end of the document first (the rule of
    /// [`Document::settle`]), and the tree returned is that chunk's.
    fn parse_settled(&mut self, i: usize) -> Option<Tree> {
        let range = self.chunks[i].range();
        let parsed = Chunk::parse(&mut self.parser, &self.rope, range.clone(), None);
        let mut settled = self.settle(parsed);
        if settled.range() == range {
            return settled.tree;
        }
        // It runs to the end of the document: it takes the place of every chunk from `i` on.
        self.chunks.truncate(i);
        let tree = settled.tree.take();
        self.chunks.push(settled);
        tree
    }

    /// Drops the block trees of every chunk but those the last edit parsed. What was read from them is
    /// cached by chunk id, and [`Document::tree_of`] parses a released chunk again if it is needed.
    pub fn release_trees(&mut self) {
        let mut holding = match self.holding.take() {
            Some(holding) => holding,
            None => (0..self.chunks.len()).collect(),
        };
        holding.retain(|&i| match self.chunks.get_mut(i) {
            Some(chunk) if self.recent.contains(&chunk.id) => chunk.tree.is_some(),
            Some(chunk) => {
                chunk.tree = None;
                false
            }
            None => false,
        });
        self.holding = Some(holding);
    }

    /// Whether the text was parsed (it is not above [`PARSE_LIMIT`]).
    pub fn is_parsed(&self) -> bool {
        self.len() <= PARSE_LIMIT
    }

    /// The whole text as one chunk: what a plain, uncut parse gives (the reference the cuts are
    /// tested against).
    pub fn whole(text: &str) -> Document {
        let mut doc = Document {
            rope: Rope::from_str(text),
            parser: block_parser(),
            chunks: Vec::new(),
            recent: Vec::new(),
            holding: None,
            changes: [Changes::All; 2],
            lines_at_mark: [0; 2],
        };
        // Parsed even when plain (see `plain`): this is the reference plain readings are tested against.
        let whole = Chunk::parse(&mut doc.parser, &doc.rope, 0..text.len(), None);
        doc.chunks = vec![whole];
        doc
    }

    /// Parses `start..end` as chunks cut at `cuts` (offsets strictly inside the region). A chunk whose
    /// parse has an error runs to the end of the document instead (see [`Document::settle`]), and so
    /// does the region then.
    fn parse_region(&mut self, start: usize, cuts: &[usize], end: usize) -> Vec<Chunk> {
        let bounds: Vec<usize> = std::iter::once(start)
            .chain(cuts.iter().copied().filter(|&c| c > start && c < end))
            .chain(std::iter::once(end))
            .collect();
        let mut chunks = Vec::with_capacity(bounds.len() - 1);
        for w in bounds.windows(2) {
            let chunk = self.chunk_at(w[0]..w[1], None);
            let to_the_end = chunk.range().end == self.len();
            chunks.push(chunk);
            if to_the_end {
                break;
            }
        }
        chunks
    }

    /// The chunk itself, or — when its parse has an error — a chunk from its start to the end of the
    /// document. The cuts hold only where the parser is back at the top level with nothing open, and
    /// tree-sitter-md's error recovery does not get there: a line its scanner takes for a table's
    /// delimiter row but its grammar rejects (`a|` over `-`, `a||` over `-||`) turns every later line
    /// of the whole document into table rows, blank lines and headings included. Checking the tree
    /// costs nothing; the price, one chunk for the rest of the document, is paid only while it has
    /// such an error.
    fn settle(&mut self, chunk: Chunk) -> Chunk {
        let end = self.len();
        match &chunk.tree {
            Some(tree) if self.must_settle(&chunk, tree) => {
                Chunk::parse(&mut self.parser, &self.rope, chunk.start..end, None)
            }
            _ => chunk,
        }
    }

    /// Whether `chunk`, parsed as `tree`, must run to the end of the document (see
    /// [`Document::settle`]): its parse has an error and it ends before the document does.
    pub fn must_settle(&self, chunk: &Chunk, tree: &Tree) -> bool {
        tree.root_node().has_error() && chunk.range().end < self.len()
    }

    fn note_change(&mut self, range: Range<usize>, inserted: usize) {
        for changes in &mut self.changes {
            *changes = changes.then(range.clone(), inserted);
        }
    }

    /// The changes made since `reader` last took them (or since the document was made:
    /// [`Changes::All`]), and marks the text as it is now for its next call.
    pub fn take_changes(&mut self, reader: ChangeReader) -> Changes {
        let reader = reader as usize;
        let lines = self.rope.len_lines();
        let changes = match std::mem::replace(&mut self.changes[reader], Changes::None) {
            Changes::Span {
                start, end, delta, ..
            } => Changes::Span {
                start,
                end,
                delta,
                lines: lines as isize - self.lines_at_mark[reader] as isize,
            },
            other => other,
        };
        self.lines_at_mark[reader] = lines;
        changes
    }

    pub fn rope(&self) -> &Rope {
        &self.rope
    }

    pub fn len(&self) -> usize {
        self.rope.len_bytes()
    }

    pub fn is_empty(&self) -> bool {
        self.rope.len_bytes() == 0
    }

    /// The parsed chunks, in document order.
    pub fn chunks(&self) -> &[Chunk] {
        &self.chunks
    }

    pub fn text(&self) -> String {
        self.rope.to_string()
    }

    /// The text of a byte range, borrowed when it lies in one rope chunk.
    pub fn slice(&self, range: Range<usize>) -> Cow<'_, str> {
        self.rope.byte_slice(range).into()
    }

    /// Replaces `range` (bytes, on char boundaries) with `text` and re-parses what the edit touched.
    pub fn replace(&mut self, range: Range<usize>, text: &str) -> Result<(), EditOutOfRange> {
        let len = self.len();
        if range.start > range.end
            || range.end > len
            || !self.is_char_boundary(range.start)
            || !self.is_char_boundary(range.end)
        {
            return Err(EditOutOfRange { range, len });
        }
        if !self.is_parsed() || len - range.len() + text.len() > PARSE_LIMIT {
            let start_char = self.rope.byte_to_char(range.start);
            let end_char = self.rope.byte_to_char(range.end);
            self.rope.remove(start_char..end_char);
            self.rope.insert(start_char, text);
            self.note_change(range, text.len());
            self.cut_all();
            return Ok(());
        }
        // The chunks the edit touches. An edit right at a chunk's start can change whether the cut
        // before it still holds (a leading space, say), so the chunk before is read again too. So can
        // an edit further along its first line (making it a front matter delimiter), which is checked
        // once the edit is made.
        let mut first = self
            .chunks
            .partition_point(|c| c.start + c.len <= range.start);
        first = first.min(self.chunks.len() - 1);
        if first > 0 && range.start == self.chunks[first].start {
            first -= 1;
        }
        let last = self
            .chunks
            .partition_point(|c| c.start + c.len < range.end)
            .clamp(first, self.chunks.len() - 1);
        let first_start = self.chunks[first].start;
        let on_first_line = first > 0
            && range.start > first_start
            && self.rope.byte_to_line(range.start) == self.rope.byte_to_line(first_start);
        let mut edit = self.input_edit(&range, text, first_start);
        let edit_before =
            on_first_line.then(|| self.input_edit(&range, text, self.chunks[first - 1].start));

        let start_char = self.rope.byte_to_char(range.start);
        let end_char = self.rope.byte_to_char(range.end);
        self.rope.remove(start_char..end_char);
        self.rope.insert(start_char, text);
        self.note_change(range.clone(), text.len());
        if let Some(before) = edit_before {
            let holds = lines_from(&self.rope, first_start)
                .next()
                .is_some_and(|(_, line)| split::may_start_chunk(&line));
            if !holds {
                first -= 1;
                edit = before;
            }
        }
        let region_start = self.chunks[first].start;
        let edited_end = range.start + text.len();
        let shift = |offset: usize| offset + text.len() - (range.end - range.start);

        // Cut again from the first touched chunk until a cut agrees with an old one past the edit.
        let mut scanner = if first == 0 {
            split::Scanner::at_document_start()
        } else {
            split::Scanner::at_cut()
        };
        let mut cuts = Vec::new();
        let mut next_old = last + 1;
        let mut region_end = self.len();
        for (at, line) in lines_from(&self.rope, region_start) {
            if !scanner.line(&line) || at == region_start {
                continue;
            }
            while next_old < self.chunks.len() && shift(self.chunks[next_old].start) < at {
                next_old += 1;
            }
            let agrees = next_old < self.chunks.len() && shift(self.chunks[next_old].start) == at;
            if at >= edited_end && agrees {
                region_end = at;
                break;
            }
            cuts.push(at);
        }
        if region_end == self.len() {
            next_old = self.chunks.len();
        }

        // An old tree read with a virtual final line break does not match its text byte for byte, so
        // it is not reused.
        let reusable = next_old - first == 1
            && cuts.is_empty()
            && !self.chunks[first].virtual_break
            && !lacks_final_break(&self.rope, &(region_start..region_end));
        let reused = reusable.then(|| self.chunks[first].tree.take()).flatten();
        let new_chunks = match reused {
            Some(mut tree) => {
                tree.edit(&edit);
                vec![self.chunk_at(region_start..region_end, Some(&tree))]
            }
            None => self.parse_region(region_start, &cuts, region_end),
        };
        // A chunk with an error took the rest of the document.
        if new_chunks
            .last()
            .is_some_and(|c| c.range().end > region_end)
        {
            next_old = self.chunks.len();
        }
        for chunk in &mut self.chunks[next_old..] {
            chunk.start = shift(chunk.start);
        }
        self.recent = new_chunks.iter().map(|c| c.id).collect();
        if let Some(holding) = &mut self.holding {
            // Indices as they will be once the new chunks take the replaced ones' place.
            holding.retain(|i| !(first..next_old).contains(i));
            for i in holding.iter_mut().filter(|i| **i >= next_old) {
                *i = *i + new_chunks.len() - (next_old - first);
            }
            holding.extend(first..first + new_chunks.len());
        }
        self.chunks.splice(first..next_old, new_chunks);
        Ok(())
    }

    /// The edit in the coordinates of the chunk starting at `base`, as tree-sitter wants it.
    fn input_edit(&self, range: &Range<usize>, text: &str, base: usize) -> InputEdit {
        let start_position = self.point(range.start, base);
        let old_end_position = self.point(range.end, base);
        // Where the inserted text ends: rows and columns advance through `text`.
        let newlines = text.matches('\n').count();
        let new_end_position = match text.rfind('\n') {
            Some(i) => Point {
                row: start_position.row + newlines,
                column: text.len() - i - 1,
            },
            None => Point {
                row: start_position.row,
                column: start_position.column + text.len(),
            },
        };
        InputEdit {
            start_byte: range.start - base,
            old_end_byte: range.end - base,
            new_end_byte: range.start - base + text.len(),
            start_position,
            old_end_position,
            new_end_position,
        }
    }

    /// Applies one editor change: `range` in line/column positions of `encoding` (clamped into the
    /// document, see [`position`]), or the whole text when `range` is `None`. This is the path every
    /// `didChange` takes.
    pub fn apply_change(
        &mut self,
        range: Option<(LineCol, LineCol)>,
        text: &str,
        encoding: Encoding,
    ) {
        match range {
            None => *self = Document::new(text),
            Some((start, end)) => {
                let start = position::offset_of(&self.rope, start, encoding);
                let end = position::offset_of(&self.rope, end, encoding);
                let range = start.min(end)..end.max(start);
                // Clamped offsets are always on char boundaries inside the document.
                let applied = self.replace(range, text);
                debug_assert!(applied.is_ok(), "clamped change out of range: {applied:?}");
            }
        }
    }

    pub fn is_char_boundary(&self, offset: usize) -> bool {
        if offset >= self.len() {
            return offset == self.len();
        }
        let (chunk, chunk_start, _, _) = self.rope.chunk_at_byte(offset);
        chunk.is_char_boundary(offset - chunk_start)
    }

    /// Tree-sitter's idea of a position, relative to the chunk starting at `base`: rows count lines,
    /// columns count bytes since the line's start.
    fn point(&self, offset: usize, base: usize) -> Point {
        let line = self.rope.byte_to_line(offset);
        let line_start = self.rope.line_to_byte(line);
        Point {
            row: line - self.rope.byte_to_line(base),
            column: offset - line_start,
        }
    }
}
