//! The text of one markdown file exactly as the editor has it: a rope, and a tree-sitter block tree kept
//! in step with every edit, so re-parsing after a keystroke costs work proportional to the edit.
//!
//! Only the block structure (headings, paragraphs, lists, code blocks…) is parsed here; the inline
//! structure of each paragraph is parsed by `prose::inline` and cached by the paragraph's content, so
//! an edit re-reads only the paragraphs it touched.

pub mod position;

use ropey::Rope;
use std::borrow::Cow;
use std::ops::Range;
use tree_sitter::{InputEdit, Parser, Point, Tree};

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

pub struct Document {
    rope: Rope,
    parser: Parser,
    tree: Option<Tree>,
}

fn block_parser() -> Parser {
    let mut parser = Parser::new();
    parser
        .set_language(&tree_sitter_md::LANGUAGE.into())
        .unwrap_or_else(|e| panic!("the bundled markdown grammar matches tree-sitter: {e}"));
    parser
}

impl Document {
    pub fn new(text: &str) -> Document {
        let mut doc = Document {
            rope: Rope::from_str(text),
            parser: block_parser(),
            tree: None,
        };
        doc.reparse();
        doc
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

    /// The markdown block tree, if tree-sitter produced one (it always does unless cancelled).
    pub fn tree(&self) -> Option<&Tree> {
        self.tree.as_ref()
    }

    pub fn text(&self) -> String {
        self.rope.to_string()
    }

    /// The text of a byte range, borrowed when it lies in one rope chunk.
    pub fn slice(&self, range: Range<usize>) -> Cow<'_, str> {
        self.rope.byte_slice(range).into()
    }

    /// Replaces `range` (bytes, on char boundaries) with `text` and updates the tree incrementally.
    pub fn replace(&mut self, range: Range<usize>, text: &str) -> Result<(), EditOutOfRange> {
        let len = self.len();
        if range.start > range.end
            || range.end > len
            || !self.is_char_boundary(range.start)
            || !self.is_char_boundary(range.end)
        {
            return Err(EditOutOfRange { range, len });
        }
        let start_position = self.point(range.start);
        let old_end_position = self.point(range.end);
        let start_char = self.rope.byte_to_char(range.start);
        let end_char = self.rope.byte_to_char(range.end);
        self.rope.remove(start_char..end_char);
        self.rope.insert(start_char, text);
        let new_end_byte = range.start + text.len();
        let edit = InputEdit {
            start_byte: range.start,
            old_end_byte: range.end,
            new_end_byte,
            start_position,
            old_end_position,
            new_end_position: self.point(new_end_byte),
        };
        if let Some(tree) = self.tree.as_mut() {
            tree.edit(&edit);
        }
        self.reparse();
        Ok(())
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

    /// Tree-sitter's idea of a position: rows count `\n`, columns count bytes since the last one.
    fn point(&self, offset: usize) -> Point {
        let line = self.rope.byte_to_line(offset);
        let line_start = self.rope.line_to_byte(line);
        Point {
            row: line,
            column: offset - line_start,
        }
    }

    fn reparse(&mut self) {
        let rope = &self.rope;
        let mut read = |offset: usize, _: Point| -> &[u8] {
            if offset >= rope.len_bytes() {
                return &[];
            }
            let (chunk, chunk_start, _, _) = rope.chunk_at_byte(offset);
            &chunk.as_bytes()[offset - chunk_start..]
        };
        self.tree = self
            .parser
            .parse_with_options(&mut read, self.tree.as_ref(), None);
    }
}
