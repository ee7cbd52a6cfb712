//! What changed in a document since someone last asked: the one span that holds every edit made
//! since, so that whatever was worked out from the text before it and after it (the positions of the
//! diagnostics last published, say) can be carried over instead of worked out again.

use std::ops::Range;

/// Who takes a document's changes: each has its own mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeReader {
    /// The language server's diagnostics publisher.
    Publisher = 0,
    /// The summary of the file in the portfolio.
    Portfolio = 1,
}

/// Where the first line that starts after `offset` starts (past its line break: `\n`, `\r\n` or a lone
/// `\r`), or `usize::MAX` when none does. From there on, everything from a line's start to any offset is
/// as it was before changes that ended at `offset`: positions there keep their columns.
pub fn line_after(rope: &ropey::Rope, offset: usize) -> usize {
    if offset >= rope.len_bytes() {
        return usize::MAX;
    }
    let (mut chunks, mut chunk_start, _, _) = rope.chunks_at_byte(offset);
    let mut from = offset - chunk_start;
    for chunk in chunks.by_ref() {
        let bytes = chunk.as_bytes();
        if let Some(k) = memchr::memchr2(b'\n', b'\r', &bytes[from..]) {
            let at = chunk_start + from + k;
            // `\r\n` ends its line after the `\n`.
            let crlf = bytes[from + k] == b'\r' && rope.get_byte(at + 1) == Some(b'\n');
            return at + if crlf { 2 } else { 1 };
        }
        chunk_start += bytes.len();
        from = 0;
    }
    usize::MAX
}

/// The text's changes since a mark (see [`super::Document::take_changes`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Changes {
    /// The text is as it was.
    None,
    /// Every byte before `start` is as it was, at the same offset; every byte from `end` on (offsets
    /// in today's text) is as it was, `delta` bytes earlier; `lines` is how many more line breaks the
    /// text has now (fewer when negative).
    Span {
        start: usize,
        end: usize,
        delta: isize,
        lines: isize,
    },
    /// The text is new as a whole (a document just opened or replaced).
    All,
}

/// What positions worked out before some [`Changes`] are still good for: a range ending before `before`
/// is where it was, on the same line and column; a range starting at `after` or later is `delta` bytes
/// further on, `lines` lines further down, on the same column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Carried {
    pub before: usize,
    pub after: usize,
    pub delta: isize,
    pub lines: isize,
}

impl Carried {
    /// Where a range of today's text was before the changes, if it was carried over whole.
    pub fn was(&self, range: &Range<usize>) -> Option<Range<usize>> {
        if range.end < self.before {
            Some(range.clone())
        } else if range.start >= self.after {
            let back = |x: usize| (x as isize - self.delta) as usize;
            Some(back(range.start)..back(range.end))
        } else {
            None
        }
    }

    /// How many lines further down a range of today's text is than where it [was](Carried::was).
    pub fn lines_down(&self, range: &Range<usize>) -> isize {
        if range.end < self.before {
            0
        } else {
            self.lines
        }
    }
}

impl Changes {
    /// What positions worked out before these changes are still good for, in `rope` (the text now).
    pub fn carried(self, rope: &ropey::Rope) -> Carried {
        match self {
            Changes::All => Carried {
                before: 0,
                after: usize::MAX,
                delta: 0,
                lines: 0,
            },
            Changes::None => Carried {
                before: usize::MAX,
                after: usize::MAX,
                delta: 0,
                lines: 0,
            },
            Changes::Span {
                start,
                end,
                delta,
                lines,
            } => Carried {
                before: start,
                after: line_after(rope, end),
                delta,
                lines,
            },
        }
    }

    /// These changes followed by the replacement of `range` (offsets in the text before it) with
    /// `inserted` bytes. `lines` is left as it was: the document counts it when the changes are taken.
    pub fn then(self, range: Range<usize>, inserted: usize) -> Changes {
        let removed = range.len();
        let delta = inserted as isize - removed as isize;
        let edited = range.start..range.start + inserted;
        match self {
            Changes::All => Changes::All,
            Changes::None => Changes::Span {
                start: edited.start,
                end: edited.end,
                delta,
                lines: 0,
            },
            Changes::Span {
                start,
                end,
                delta: before,
                lines,
            } => {
                // Where the old span's end lies once this edit is made: unmoved before the edit,
                // shifted after it, and at the end of the inserted text inside it.
                let end = if end <= range.start {
                    end
                } else if end >= range.end {
                    (end as isize + delta) as usize
                } else {
                    edited.end
                };
                Changes::Span {
                    start: start.min(edited.start),
                    end: end.max(edited.end),
                    delta: before + delta,
                    lines,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn apply(text: &mut String, range: Range<usize>, inserted: &str) {
        text.replace_range(range, inserted);
    }

    #[test]
    fn one_edit_is_its_own_span() {
        assert_eq!(
            Changes::None.then(3..5, 1),
            Changes::Span {
                start: 3,
                end: 4,
                delta: -1,
                lines: 0
            }
        );
        assert_eq!(Changes::All.then(3..5, 1), Changes::All);
    }

    #[test]
    fn later_edits_widen_the_span() {
        // Typing "ab" at 10, then deleting at 2.
        let changes = Changes::None.then(10..10, 1).then(11..11, 1).then(2..3, 0);
        assert_eq!(
            changes,
            Changes::Span {
                start: 2,
                end: 11,
                delta: 1,
                lines: 0
            }
        );
    }

    proptest! {
        /// Whatever edits are made, the bytes before the span are unchanged and the bytes after it are
        /// the old bytes `delta` earlier.
        #[test]
        fn the_span_holds_every_change(
            text in "[a-c\n]{0,40}",
            edits in prop::collection::vec((0.0..1.0f64, 0.0..1.0f64, "[x\n]{0,4}"), 1..6),
        ) {
            let old = text.clone();
            let mut now = text;
            let mut changes = Changes::None;
            for (a, b, inserted) in edits {
                let (a, b) = ((a * now.len() as f64) as usize, (b * now.len() as f64) as usize);
                let range = a.min(b)..a.max(b);
                changes = changes.then(range.clone(), inserted.len());
                apply(&mut now, range, &inserted);
            }
            let Changes::Span { start, end, delta, .. } = changes else {
                panic!("edits make a span");
            };
            prop_assert!(start <= end && end <= now.len());
            prop_assert_eq!(&now[..start], &old[..start]);
            let old_end = (end as isize - delta) as usize;
            prop_assert_eq!(&now[end..], &old[old_end..]);
        }
    }
}
