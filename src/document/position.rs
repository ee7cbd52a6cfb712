//! Byte offsets ↔ line/column positions in the encodings LSP clients speak.
//!
//! Lines end at `\n`, `\r\n` or `\r`, as LSP says (and not at the other Unicode breaks, which is why the
//! rope is built without ropey's `unicode_lines`). Columns count UTF-8 bytes or UTF-16 code units.
//! Positions a client should not send are clamped rather than refused: a column past the end of its line
//! means the end of the line, a line past the end of the document means its end, and a column inside a
//! character (the middle of a surrogate pair) means the start of that character.

use ropey::Rope;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Encoding {
    Utf8,
    #[default]
    Utf16,
}

/// A zero-based line and column, the column counted in some [`Encoding`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// Byte offset where line `line`'s text ends, before its line break.
fn line_content_end(rope: &Rope, line: usize) -> usize {
    let next = rope
        .try_line_to_byte(line + 1)
        .unwrap_or_else(|_| rope.len_bytes());
    let start = rope.line_to_byte(line);
    let mut end = next;
    let slice = rope.byte_slice(start..next);
    let n = slice.len_bytes();
    if n >= 1 && slice.byte(n - 1) == b'\n' {
        end -= 1;
        if n >= 2 && slice.byte(n - 2) == b'\r' {
            end -= 1;
        }
    } else if n >= 1 && slice.byte(n - 1) == b'\r' {
        end -= 1;
    }
    end
}

/// The char boundary at or before `offset`.
fn floor_char_boundary(rope: &Rope, offset: usize) -> usize {
    rope.char_to_byte(rope.byte_to_char(offset))
}

/// The byte offset of a position, clamped into the document (see the module doc). Costs O(log n), not
/// the length of the line: editors send positions on megabyte-long lines too.
pub fn offset_of(rope: &Rope, pos: LineCol, encoding: Encoding) -> usize {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return rope.len_bytes();
    }
    let start = rope.line_to_byte(line);
    let end = line_content_end(rope, line);
    let col = pos.col as usize;
    match encoding {
        Encoding::Utf8 => floor_char_boundary(rope, (start + col).min(end)),
        Encoding::Utf16 => {
            let line_units = rope.char_to_utf16_cu(rope.byte_to_char(start));
            let end_units = rope.char_to_utf16_cu(rope.byte_to_char(end));
            let units = (line_units + col).min(end_units);
            // Inside a surrogate pair, ropey answers the char that holds it: its start.
            rope.char_to_byte(rope.utf16_cu_to_char(units))
        }
    }
}

/// The position of a byte offset. An offset inside a character or a line break is moved back to its start;
/// one past the end means the end. Costs O(log n).
///
/// Publishing diagnostics converts every finding's range on every change, so the common case is kept
/// to three tree lookups: when the offset's line starts within the rope chunk that holds the offset, the
/// column is counted in that chunk's text. Anything else (a line that began in an earlier chunk, an
/// offset inside a character or between `\r` and `\n`) takes the general path.
pub fn position_of(rope: &Rope, offset: usize, encoding: Encoding) -> LineCol {
    let offset = offset.min(rope.len_bytes());
    let (chunk, chunk_start, _, _) = rope.chunk_at_byte(offset);
    let local = offset - chunk_start;
    let bytes = chunk.as_bytes();
    let inside_crlf = local > 0 && bytes[local - 1] == b'\r' && bytes.get(local) == Some(&b'\n');
    if chunk.is_char_boundary(local) && !inside_crlf {
        let line = rope.byte_to_line(offset);
        let start = rope.line_to_byte(line);
        if start >= chunk_start {
            let text = &chunk[start - chunk_start..local];
            let col = match encoding {
                Encoding::Utf8 => text.len(),
                Encoding::Utf16 => text.chars().map(char::len_utf16).sum(),
            };
            return LineCol {
                line: line as u32,
                col: col as u32,
            };
        }
    }
    position_of_in_general(rope, offset, encoding)
}

/// The positions of many offsets at once, in the order given: what publishing diagnostics needs after
/// every change. The offsets are visited in document order, and the columns and lines between one and the
/// next are counted in the rope chunk that holds both, so most positions cost a short scan and no tree
/// lookup; an offset in another chunk (or one [`position_of`] would move) is found as [`position_of`]
/// finds it.
pub fn positions_of(rope: &Rope, offsets: &[usize], encoding: Encoding) -> Vec<LineCol> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_unstable_by_key(|&i| offsets[i]);
    let mut found = vec![LineCol::default(); offsets.len()];
    let mut cursor: Option<Cursor<'_>> = None;
    for i in order {
        let offset = offsets[i].min(rope.len_bytes());
        let scanned = cursor
            .as_mut()
            .and_then(|c| c.advance(rope, offset, encoding));
        found[i] = match scanned {
            Some(pos) => pos,
            None => {
                let pos = position_of(rope, offset, encoding);
                cursor = Cursor::at(rope, offset, pos);
                pos
            }
        };
    }
    found
}

/// A known position inside one rope chunk, from which later offsets are counted.
struct Cursor<'a> {
    chunk: &'a str,
    chunk_start: usize,
    at: usize,
    pos: LineCol,
}

impl<'a> Cursor<'a> {
    /// A cursor at `offset`, whose position is `pos`, when `offset` is a plain place to count from: a
    /// char boundary, not between `\r` and `\n`.
    fn at(rope: &'a Rope, offset: usize, pos: LineCol) -> Option<Cursor<'a>> {
        let (chunk, chunk_start, _, _) = rope.chunk_at_byte(offset);
        let local = offset - chunk_start;
        let bytes = chunk.as_bytes();
        let inside_crlf =
            local > 0 && bytes[local - 1] == b'\r' && bytes.get(local) == Some(&b'\n');
        (chunk.is_char_boundary(local) && !inside_crlf).then_some(Cursor {
            chunk,
            chunk_start,
            at: offset,
            pos,
        })
    }

    /// The position of `offset` (at or after the cursor and not far past it, a plain place as for
    /// [`Cursor::at`]), counted from the cursor, which moves there — on into the following chunks when
    /// `offset` lies in one of them. None for any other offset.
    fn advance(&mut self, rope: &'a Rope, offset: usize, encoding: Encoding) -> Option<LineCol> {
        if offset < self.at || offset - self.at > FAR {
            return None;
        }
        while offset >= self.chunk_start + self.chunk.len() {
            let end = self.chunk_start + self.chunk.len();
            if end >= rope.len_bytes() {
                return None;
            }
            self.scan(rope, end, encoding);
            let (chunk, chunk_start, _, _) = rope.chunk_at_byte(end);
            self.chunk = chunk;
            self.chunk_start = chunk_start;
        }
        let bytes = self.chunk.as_bytes();
        let local = offset - self.chunk_start;
        if !self.chunk.is_char_boundary(local)
            || (local > 0 && bytes[local - 1] == b'\r' && bytes[local] == b'\n')
        {
            return None;
        }
        self.scan(rope, offset, encoding);
        Some(self.pos)
    }

    /// Moves the cursor to `offset` (in its chunk or at its end), counting lines and columns: the line
    /// breaks are found with `memchr`, and only the text after the last one is counted for the column.
    fn scan(&mut self, rope: &Rope, offset: usize, encoding: Encoding) {
        let from = self.at - self.chunk_start;
        let text = &self.chunk.as_bytes()[from..offset - self.chunk_start];
        let mut line_start = None;
        for k in memchr::memchr2_iter(b'\n', b'\r', text) {
            // A lone `\r` ends a line; in `\r\n` the `\n` does. ropey keeps `\r\n` in one chunk, but
            // the byte after the text is read through the rope in case it does not.
            let crlf = text[k] == b'\r'
                && match text.get(k + 1) {
                    Some(&next) => next == b'\n',
                    None => rope.get_byte(offset) == Some(b'\n'),
                };
            if !crlf {
                self.pos.line += 1;
                line_start = Some(k + 1);
            }
        }
        let counted = &text[line_start.unwrap_or(0)..];
        let units = match encoding {
            Encoding::Utf8 => counted.len(),
            // One unit per character (every byte but UTF-8 continuation bytes), two for those above
            // U+FFFF (whose first byte is 0xF0 or more).
            Encoding::Utf16 => {
                counted.iter().filter(|&&b| (b as i8) >= -0x40).count()
                    + counted.iter().filter(|&&b| b >= 0xF0).count()
            }
        };
        self.pos.col = match line_start {
            Some(_) => units as u32,
            None => self.pos.col + units as u32,
        };
        self.at = offset;
    }
}

/// How far past a [`Cursor`] an offset may lie to be counted from it rather than looked up in the rope.
const FAR: usize = 4096;

/// [`position_of`] for any offset.
fn position_of_in_general(rope: &Rope, offset: usize, encoding: Encoding) -> LineCol {
    let offset = floor_char_boundary(rope, offset.min(rope.len_bytes()));
    let line = rope.byte_to_line(offset);
    let start = rope.line_to_byte(line);
    let offset = offset.min(line_content_end(rope, line).max(start));
    let col = match encoding {
        Encoding::Utf8 => offset - start,
        Encoding::Utf16 => {
            rope.char_to_utf16_cu(rope.byte_to_char(offset))
                - rope.char_to_utf16_cu(rope.byte_to_char(start))
        }
    };
    LineCol {
        line: line as u32,
        col: col as u32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Encoding::*;

    fn lc(line: u32, col: u32) -> LineCol {
        LineCol { line, col }
    }

    #[test]
    fn ascii_round_trip() {
        let rope = Rope::from_str("ab\ncd\n");
        assert_eq!(offset_of(&rope, lc(1, 1), Utf16), 4);
        assert_eq!(position_of(&rope, 4, Utf16), lc(1, 1));
        assert_eq!(position_of(&rope, 6, Utf8), lc(2, 0));
    }

    #[test]
    fn emoji_counts_two_utf16_units_and_four_bytes() {
        let rope = Rope::from_str("a😀b");
        assert_eq!(offset_of(&rope, lc(0, 3), Utf16), 5);
        assert_eq!(offset_of(&rope, lc(0, 5), Utf8), 5);
        assert_eq!(position_of(&rope, 5, Utf16), lc(0, 3));
        assert_eq!(position_of(&rope, 5, Utf8), lc(0, 5));
    }

    #[test]
    fn inside_a_surrogate_pair_means_the_start_of_the_char() {
        let rope = Rope::from_str("a😀b");
        assert_eq!(offset_of(&rope, lc(0, 2), Utf16), 1);
        assert_eq!(offset_of(&rope, lc(0, 3), Utf8), 1);
        assert_eq!(position_of(&rope, 3, Utf16), lc(0, 1));
    }

    #[test]
    fn cjk_is_three_bytes_one_unit() {
        let rope = Rope::from_str("日本語 text");
        assert_eq!(offset_of(&rope, lc(0, 2), Utf16), 6);
        assert_eq!(offset_of(&rope, lc(0, 6), Utf8), 6);
    }

    #[test]
    fn crlf_and_lone_cr_end_lines() {
        let rope = Rope::from_str("ab\r\ncd\ref");
        assert_eq!(offset_of(&rope, lc(1, 0), Utf16), 4);
        assert_eq!(offset_of(&rope, lc(2, 1), Utf16), 8);
        assert_eq!(
            offset_of(&rope, lc(0, 9), Utf16),
            2,
            "past the end of line clamps before CRLF"
        );
        assert_eq!(
            position_of(&rope, 3, Utf16),
            lc(0, 2),
            "inside CRLF is the end of the line"
        );
    }

    #[test]
    fn other_unicode_breaks_are_not_line_ends() {
        let rope = Rope::from_str("a\u{2028}b\u{0B}c\u{85}d\nz");
        assert_eq!(rope.len_lines(), 2);
        assert_eq!(offset_of(&rope, lc(1, 0), Utf16), rope.len_bytes() - 1);
    }

    #[test]
    fn lines_past_the_end_clamp_to_the_end() {
        let rope = Rope::from_str("ab\n");
        assert_eq!(offset_of(&rope, lc(7, 3), Utf16), 3);
        assert_eq!(position_of(&rope, 99, Utf16), lc(1, 0));
    }

    #[test]
    fn a_long_line_costs_no_more_than_a_short_one() {
        // Correctness on a long line with multi-unit characters; the cost is measured by the benches.
        let line = "é😀x".repeat(100_000);
        let rope = Rope::from_str(&line);
        let offset = line.len() - 1;
        assert_eq!(position_of(&rope, offset, Utf16), lc(0, 400_000 - 1));
        assert_eq!(offset_of(&rope, lc(0, 400_000 - 1), Utf16), offset);
        assert_eq!(offset_of(&rope, lc(0, offset as u32), Utf8), offset);
    }

    #[test]
    fn round_trip_every_boundary() {
        let text = "x😀日\r\ne\u{301}\n\r🎉";
        let rope = Rope::from_str(text);
        for enc in [Utf8, Utf16] {
            for (i, _) in text.char_indices() {
                let pos = position_of(&rope, i, enc);
                let back = offset_of(&rope, pos, enc);
                // A break's own bytes map to the end of the line's content.
                if text[i..].starts_with('\n') || text[i..].starts_with('\r') {
                    assert!(back <= i);
                } else {
                    assert_eq!(back, i, "offset {i} via {pos:?} in {enc:?}");
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
        /// The chunk-local shortcut agrees with the general conversion at every offset, on texts long
        /// enough to span many rope chunks, with lines that cross chunk boundaries.
        #[test]
        fn shortcut_agrees_with_the_general_path(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec!["a", "word ", "😀", "日本", "e\u{301}", "\n", "\r\n", "\r", "\n\n", "x".repeat(700).leak() as &str]),
                0..200,
            )
        ) {
            let text: String = pieces.concat();
            let rope = Rope::from_str(&text);
            for offset in 0..=text.len() + 1 {
                for enc in [Utf8, Utf16] {
                    proptest::prop_assert_eq!(
                        position_of(&rope, offset, enc),
                        position_of_in_general(&rope, offset, enc),
                        "offset {} in {:?}", offset, enc
                    );
                }
            }
        }

        /// Many offsets at once, in any order and with repeats, get the positions one at a time would.
        #[test]
        fn batch_agrees_with_one_at_a_time(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec!["a", "word ", "😀", "日本", "e\u{301}", "\n", "\r\n", "\r", "\n\n", "x".repeat(700).leak() as &str]),
                0..200,
            ),
            picks in proptest::collection::vec(0.0..1.02f64, 0..300),
        ) {
            let text: String = pieces.concat();
            let rope = Rope::from_str(&text);
            let offsets: Vec<usize> = picks.iter().map(|p| (p * text.len() as f64) as usize).collect();
            for enc in [Utf8, Utf16] {
                let batch = positions_of(&rope, &offsets, enc);
                for (offset, pos) in offsets.iter().zip(batch) {
                    proptest::prop_assert_eq!(pos, position_of_in_general(&rope, *offset, enc), "offset {} in {:?}", offset, enc);
                }
            }
        }
    }
}
