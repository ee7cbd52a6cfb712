//! Where a markdown document can be cut into chunks that parse on their own exactly as they parse inside
//! the whole document.
//!
//! Why: tree-sitter re-parses every sibling of an edited node, and a markdown document is one long list of
//! sibling blocks, so an "incremental" re-parse of a long draft costs as much as a full one. Parsing the
//! document as a sequence of small chunks makes a keystroke cost one chunk.
//!
//! A cut is made only before a line that (1) follows a blank line, (2) starts with a non-space character
//! and is not a front matter delimiter (a chunk starting with one would open front matter of its own),
//! and (3) is not inside a construct that runs across blank lines: a fenced code block, an HTML block that
//! ends at a marker (`<pre>`, `<script>`, `<style>`, comment, `<?…?>`, `<!X…>`, CDATA) or front matter.
//! After a blank line, such a line cannot continue a paragraph (a blank line ends it), a list item
//! (continuations are indented), a block quote (a blank line ends it) or an indented code block (it is
//! not indented).
//!
//! The scanner opens and closes those constructs as tree-sitter-md does, which is not always as CommonMark
//! says. Where one line does not tell which reading holds — a line inside an HTML block that ends at a
//! blank line opens nothing, and a construct opened on an indented line may belong to a list item and end
//! with it — it follows every reading, and cuts only where all of them are outside everything. When unsure
//! it does not cut: fewer cuts only make chunks larger, never the parse different. What no scanner can see,
//! a chunk whose parse has an error, is handled by `Document` after parsing.

/// One reading of what the scanner is inside of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Inside {
    Nothing,
    /// A fence of `count` × `mark` (`` ` `` or `~`), opened `indent` columns in.
    Fence {
        mark: u8,
        count: u8,
        indent: u8,
    },
    /// An HTML block (comment, `<?…?>`, CDATA) that ends at the line containing `end`.
    Html {
        end: &'static str,
        indent: u8,
    },
    /// A `<pre>`, `<script>` or `<style>` block, which ends at an end tag of any of the three.
    Raw {
        indent: u8,
    },
    /// A declaration (`<!DOCTYPE`…), which ends at a line that starts with `>`.
    Declaration {
        indent: u8,
    },
    /// An HTML block that ends at a blank line: lines inside it open nothing.
    UntilBlank {
        indent: u8,
    },
    /// Front matter that ends at a line of this delimiter.
    FrontMatter(&'static str),
    /// Too many readings to follow: no cut from here on.
    Lost,
}

impl Inside {
    /// The indentation of the line that opened it: more than none, and it may be inside a list item.
    fn indent(self) -> u8 {
        match self {
            Inside::Fence { indent, .. }
            | Inside::Html { indent, .. }
            | Inside::Raw { indent }
            | Inside::Declaration { indent }
            | Inside::UntilBlank { indent } => indent,
            Inside::Nothing | Inside::FrontMatter(_) | Inside::Lost => 0,
        }
    }
}

/// More readings than this are not followed (see [`Inside::Lost`]); real documents need one or two.
const MAX_READINGS: usize = 8;

/// Reads lines in order and says before which ones the document may be cut.
#[derive(Debug, Clone)]
pub struct Scanner {
    /// Every reading of the lines so far that the scanner cannot rule out (never empty, no repeats).
    readings: Vec<Inside>,
    /// Scratch space for the next line's readings.
    next: Vec<Inside>,
    previous_blank: bool,
    first_line: bool,
    /// In front matter: tree-sitter-md's column (modulo 4) at the end of the text read so far, which the
    /// line after the front matter starts from (see [`respaced`]).
    front_matter_column: Option<u8>,
}

/// tree-sitter-md's column (modulo 4) after reading `text` from `column`: a tab sets it to 0.
fn advance_column(column: u8, text: &str) -> u8 {
    text.chars()
        .fold(column, |c, ch| if ch == '\t' { 0 } else { (c + 1) % 4 })
}

/// The line after front matter as tree-sitter-md indents it. It reads front matter as one token
/// without going back to column 0 at its line breaks, so a tab on the next line reaches the next tab
/// stop from where the front matter left off: the line is given with its indentation as spaces when
/// that makes a difference.
fn respaced(line: &str, column: u8) -> Option<String> {
    let lead = line
        .bytes()
        .take_while(|&b| is_space(b) || b == b'\t')
        .count();
    if !line[..lead].contains('\t') {
        return None;
    }
    let (mut at, mut width) = (column, 0u8);
    for b in line[..lead].bytes() {
        let size = if b == b'\t' { 4 - at } else { 1 };
        at = if b == b'\t' { 0 } else { (at + 1) % 4 };
        width = width.saturating_add(size);
    }
    (width <= 3).then(|| format!("{}{}", " ".repeat(usize::from(width)), &line[lead..]))
}

/// A space as the parser reads it: it is given a NUL byte as a space (see `parse_chunk`).
fn is_space(b: u8) -> bool {
    b == b' ' || b == 0
}

/// Blank as tree-sitter-md reads a line: nothing but spaces and tabs (a form feed is text).
fn is_blank(line: &str) -> bool {
    line.bytes()
        .all(|b| is_space(b) || matches!(b, b'\t' | b'\r' | b'\n'))
}

/// The columns of leading spaces and tabs (tab stops every four columns), counting up to four.
fn indentation(line: &str) -> u8 {
    let mut columns = 0u8;
    for b in line.bytes() {
        match b {
            b'\t' => columns += 4 - columns % 4,
            b if is_space(b) => columns += 1,
            _ => break,
        }
        if columns >= 4 {
            return 4;
        }
    }
    columns
}

/// The line without up to three leading spaces (more would make it indented code).
fn unindented(line: &str) -> Option<&str> {
    let spaces = line.bytes().take_while(|&b| is_space(b)).count();
    (spaces <= 3).then(|| &line[spaces..])
}

/// The length of a fence's run as tree-sitter-md counts it: in a byte, so 256 marks count as none.
fn run_length(text: &str, mark: u8) -> u8 {
    text.bytes().take_while(|&b| b == mark).count() as u8
}

fn fence_opening(line: &str) -> Option<(u8, u8)> {
    let rest = unindented(line)?;
    let mark = *rest.as_bytes().first()?;
    if mark != b'`' && mark != b'~' {
        return None;
    }
    let run = rest.bytes().take_while(|&b| b == mark).count();
    let count = run_length(rest, mark);
    // A backtick fence's info string cannot hold a backtick (the line is then a paragraph).
    let info_ok = mark == b'~' || !rest.as_bytes()[run..].contains(&b'`');
    (count >= 3 && info_ok).then_some((mark, count))
}

fn closes_fence(line: &str, mark: u8, count: u8) -> bool {
    let Some(rest) = unindented(line) else {
        return false;
    };
    let run = rest.bytes().take_while(|&b| b == mark).count();
    run > 0 && run_length(rest, mark) >= count && is_blank(&rest[run..])
}

/// The delimiter of front matter this line (without its line break) is, as tree-sitter-md reads one:
/// exactly three `-` or `+`, then nothing but spaces and tabs. It opens front matter at the start of
/// the parsed text (after up to three spaces) and closes it at the start of a line; there is no `...`.
fn front_matter_delimiter(line: &str) -> Option<&'static str> {
    match line.trim_end_matches([' ', '\t', '\0']) {
        "---" => Some("---"),
        "+++" => Some("+++"),
        _ => None,
    }
}

/// Whether a chunk may start with this line, when it follows a blank line outside every open
/// construct: it starts with a non-space character, and it is not a front matter delimiter (a chunk
/// starting with one would open front matter of its own).
pub fn may_start_chunk(line: &str) -> bool {
    line.chars()
        .next()
        .is_some_and(|c| !c.is_whitespace() && c != '\0')
        && front_matter_delimiter(line.trim_end_matches(['\n', '\r'])).is_none()
}

/// The tags of HTML blocks that end at an end tag (of any of them).
const RAW_TAGS: &[&str] = &["pre", "script", "style"];

/// Whether `text` starts with one of [`RAW_TAGS`] as tree-sitter-md reads a tag name: its letters,
/// then a space, a tab, `>` or the end of the line. Gives the length of the name.
fn raw_tag_name(text: &str) -> Option<usize> {
    let letters = text.bytes().take_while(u8::is_ascii_alphabetic).count();
    let name = &text[..letters];
    let ends = matches!(
        text.as_bytes().get(letters),
        None | Some(b' ' | b'\t' | b'>' | 0)
    );
    (ends && RAW_TAGS.iter().any(|tag| name.eq_ignore_ascii_case(tag))).then_some(letters)
}

fn has_raw_end_tag(text: &str) -> bool {
    text.match_indices("</")
        .any(|(at, _)| raw_tag_name(&text[at + 2..]).is_some())
}

/// Whether `text` ends an HTML block that ends at `end`: not at all, surely (`Some(true)`) or maybe
/// (`Some(false)`). In a CDATA block, a `[` before the `]]>` may open a link label that takes its first
/// `]`, and tree-sitter-md then does not end the block there.
fn ends_html(text: &str, end: &str) -> Option<bool> {
    let at = text.find(end)?;
    Some(!(end == "]]>" && text[..at].contains('[')))
}

/// Adds a reading unless it is already there.
fn push(readings: &mut Vec<Inside>, reading: Inside) {
    if !readings.contains(&reading) {
        readings.push(reading);
    }
}

/// The readings after a line (without its line break) read outside every construct.
fn open(line: &str, first_line: bool, out: &mut Vec<Inside>) {
    let Some(rest) = unindented(line) else {
        return push(out, Inside::Nothing);
    };
    let indent = (line.len() - rest.len()) as u8;
    let unless = |closed: bool, open: Inside| if closed { Inside::Nothing } else { open };
    if first_line {
        if let Some(end) = front_matter_delimiter(rest) {
            return push(out, Inside::FrontMatter(end));
        }
    }
    if let Some((mark, count)) = fence_opening(line) {
        return push(
            out,
            Inside::Fence {
                mark,
                count,
                indent,
            },
        );
    }
    let Some(tag) = rest.strip_prefix('<') else {
        return push(out, Inside::Nothing);
    };
    // Blocks that end at a marker, which can be on the opening line (even overlap `<!--`, as in `<!-->`).
    const MARKED: &[(&str, &str, usize)] =
        &[("!--", "-->", 1), ("?", "?>", 1), ("![CDATA[", "]]>", 8)];
    for &(opening, end, search_from) in MARKED {
        if tag.starts_with(opening) {
            let html = Inside::Html { end, indent };
            return match ends_html(&tag[search_from..], end) {
                Some(true) => push(out, Inside::Nothing),
                Some(false) => {
                    push(out, html);
                    push(out, Inside::Nothing);
                }
                None => push(out, html),
            };
        }
    }
    // tree-sitter-md opens a declaration only at an upper-case letter, and closes it only at a `>` that
    // starts its block's next token: right after that letter, or at the start of a later line (any other
    // `>` is read as part of a line of text).
    if let Some(declaration) = tag.strip_prefix('!') {
        let mut bytes = declaration.bytes();
        if bytes.next().is_some_and(|b| b.is_ascii_uppercase()) {
            let closed = bytes.next() == Some(b'>');
            return push(out, unless(closed, Inside::Declaration { indent }));
        }
    }
    // Past a `!` (and as much of `[CDATA` as matches) that opened nothing, tree-sitter-md reads on as if
    // they were not there: `<!script>` opens a `<script>` block.
    let mut name = tag;
    if let Some(after) = name.strip_prefix('!') {
        name = after;
        if let Some(mut after) = name.strip_prefix('[') {
            for mark in ['C', 'D', 'A', 'T', 'A'] {
                match after.strip_prefix(mark) {
                    Some(rest) => after = rest,
                    None => break,
                }
            }
            name = after;
        }
    }
    if let Some(len) = raw_tag_name(name) {
        let closed = has_raw_end_tag(&name[len..]);
        return push(out, unless(closed, Inside::Raw { indent }));
    }
    // Any other tag may open an HTML block that ends at a blank line (`<div>` always, a tag alone on
    // its line where it does not continue a paragraph), or may be text: both readings are followed.
    push(out, Inside::UntilBlank { indent });
    push(out, Inside::Nothing);
}

/// The readings after a line (without its line break) read inside `reading`.
fn step(reading: Inside, line: &str, blank: bool, first_line: bool, out: &mut Vec<Inside>) {
    // A construct opened on an indented line may be inside a list item, which a less indented line
    // ends — and the construct with it, leaving the line to open what it opens.
    let opened_at = reading.indent();
    if opened_at > 0 && !blank && indentation(line) < opened_at {
        open(line, first_line, out);
    }
    let next = match reading {
        Inside::Nothing => return open(line, first_line, out),
        Inside::Fence { mark, count, .. } if closes_fence(line, mark, count) => Inside::Nothing,
        Inside::Html { end, .. } => match ends_html(line, end) {
            Some(true) => Inside::Nothing,
            Some(false) => {
                push(out, reading);
                Inside::Nothing
            }
            None => reading,
        },
        Inside::Raw { .. } if has_raw_end_tag(line) => Inside::Nothing,
        Inside::Declaration { indent } => {
            // Inside a list item, its indentation does not count.
            let spaces = line.bytes().take_while(|&b| is_space(b)).count();
            if line.as_bytes().get(spaces) == Some(&b'>') && spaces <= usize::from(indent) {
                if spaces > 0 {
                    push(out, reading);
                }
                Inside::Nothing
            } else {
                reading
            }
        }
        Inside::UntilBlank { .. } if blank => Inside::Nothing,
        Inside::FrontMatter(end) if front_matter_delimiter(line) == Some(end) => Inside::Nothing,
        still => still,
    };
    push(out, next);
}

impl Scanner {
    /// A scanner at the start of the document.
    pub fn at_document_start() -> Scanner {
        Scanner {
            readings: vec![Inside::Nothing],
            next: Vec::new(),
            previous_blank: true,
            first_line: true,
            front_matter_column: None,
        }
    }

    /// A scanner at a cut found earlier (which is, by construction, outside every open construct).
    pub fn at_cut() -> Scanner {
        Scanner {
            first_line: false,
            ..Scanner::at_document_start()
        }
    }

    /// Reads the next line (with or without its line break); true when the document may be cut before it.
    pub fn line(&mut self, line: &str) -> bool {
        let blank = is_blank(line);
        let cut =
            self.previous_blank && !self.first_line && self.is_clear() && may_start_chunk(line);
        let mut trimmed = line.trim_end_matches(['\n', '\r']);
        let after_front_matter = match self.readings[..] {
            [Inside::FrontMatter(_)] => None,
            _ => self.front_matter_column.take(),
        };
        let spaced = after_front_matter.and_then(|column| respaced(trimmed, column));
        if let Some(spaced) = &spaced {
            trimmed = spaced;
        }
        self.next.clear();
        for &reading in &self.readings {
            step(reading, trimmed, blank, self.first_line, &mut self.next);
        }
        if self.next.len() > MAX_READINGS {
            self.next.clear();
            self.next.push(Inside::Lost);
        }
        std::mem::swap(&mut self.readings, &mut self.next);
        if let [Inside::FrontMatter(_)] = self.next[..] {
            // The line just read was in the front matter (or opened it).
            let column = self.front_matter_column.unwrap_or(0);
            self.front_matter_column = Some(advance_column(column, line));
        } else if let [Inside::FrontMatter(_)] = self.readings[..] {
            self.front_matter_column = Some(advance_column(0, line));
        }
        self.previous_blank = blank;
        self.first_line = false;
        cut
    }

    /// Whether the scanner is outside every open construct (a cut found now is a clean one).
    pub fn is_clear(&self) -> bool {
        self.readings.iter().all(|&r| r == Inside::Nothing)
    }
}

/// The lines of `text` with their line breaks, which end at `\n`, `\r\n` or a lone `\r` — as markdown
/// (and LSP, and the rope) count lines.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= bytes.len() {
            return None;
        }
        let start = at;
        while at < bytes.len() {
            match bytes[at] {
                b'\n' => {
                    at += 1;
                    break;
                }
                b'\r' => {
                    at += if bytes.get(at + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    };
                    break;
                }
                _ => at += 1,
            }
        }
        Some(&text[start..at])
    })
}

/// The byte offsets (after 0) where `text`, a whole document, may be cut.
pub fn cuts(text: &str) -> Vec<usize> {
    let mut scanner = Scanner::at_document_start();
    let mut out = Vec::new();
    let mut at = 0;
    for line in lines(text) {
        if scanner.line(line) {
            out.push(at);
        }
        at += line.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::cuts;

    fn pieces(text: &str) -> Vec<&str> {
        let mut at = 0;
        let mut out = Vec::new();
        for cut in cuts(text).into_iter().chain([text.len()]) {
            out.push(&text[at..cut]);
            at = cut;
        }
        out
    }

    #[test]
    fn cuts_between_top_level_blocks() {
        assert_eq!(
            pieces("# A\n\nOne.\n\n- item\n\nTwo.\n"),
            vec!["# A\n\n", "One.\n\n", "- item\n\n", "Two.\n"]
        );
    }

    #[test]
    fn never_cuts_inside_open_constructs() {
        let table: &[(&str, usize)] = &[
            ("```\ncode\n\nmore\n```\n\nAfter.\n", 2),
            ("~~~~\n\n```\n\nx\n~~~~\n\nAfter.\n", 2),
            ("<!-- note\n\nstill a comment -->\n\nAfter.\n", 2),
            ("<script>\n\nlet a;\n</script>\n\nAfter.\n", 2),
            ("---\ntitle: x\n\nmore: y\n---\n\nAfter.\n", 2),
            ("Para\ncontinues\n\n    indented code\n\nAfter.\n", 2),
            ("- item\n\n  continued item\n\nAfter.\n", 2),
            ("> quote\n\n> another\n", 2),
            ("<!DOCTYPE x> tail\n\nStill the declaration.\n", 1),
            ("<!DOCTYPE x>\n\nStill the declaration.\n", 1),
            ("<!DOCTYPE x\n>\n\nAfter.\n", 2),
            ("<!X> tail\n\nAfter.\n", 2),
            ("<!-->\n\nAfter.\n", 2),
            ("<script>\n</pre>\n\nAfter.\n", 2),
            ("``` `\n```\n\nStill code.\n", 1),
            ("~~~ `\n~~~\n\nAfter.\n", 2),
        ];
        for (text, expected) in table {
            assert_eq!(
                pieces(text).len(),
                *expected,
                "{text:?} → {:?}",
                pieces(text)
            );
        }
    }

    #[test]
    fn lone_carriage_returns_end_lines() {
        assert_eq!(
            super::lines("a\rb\r\nc\nd").collect::<Vec<_>>(),
            vec!["a\r", "b\r\n", "c\n", "d"]
        );
        assert_eq!(
            pieces("\r```\n\nPara.\n"),
            vec!["\r", "```\n\nPara.\n"],
            "the fence opens on line 2"
        );
    }

    #[test]
    fn reads_front_matter_as_tree_sitter_md_does() {
        // A chunk starting with a delimiter would open front matter of its own.
        assert_eq!(
            pieces("a\n\n---\nb\n---\n\nc\n"),
            vec!["a\n\n---\nb\n---\n\n", "c\n"]
        );
        // Spaces after a delimiter and up to three before the first; no `...`.
        for text in [
            "--- \na\n\nb\n---\n\nc\n",
            "   +++\na\n\nb\n+++ \n\nc\n",
            "---\na\n...\n\nb\n---\n\nc\n",
        ] {
            assert_eq!(pieces(text).len(), 2, "{text:?}");
        }
        // The line after it starts at the column where it ended: this tab reaches column 2, so the
        // line opens a fence.
        assert_eq!(pieces("---\nx\n---\n\t```\n\nStill code.\n").len(), 1);
        assert_eq!(pieces("---\n---\n \t```\n\nAfter.\n").len(), 2);
    }

    #[test]
    fn follows_every_reading_it_cannot_rule_out() {
        // A fence in a list item ends with the item (at `b`), so the next fence line opens a fence
        // that runs to the end; at top level it would close the fence.
        assert_eq!(pieces("- a\n  ```\n\nb\n\n```\n\nc\n").len(), 1);
        // A fence indented like its list item's text is followed to its end.
        assert_eq!(
            pieces("1. Run:\n\n   ```\n   x\n\n   ```\n\nAfter.\n").len(),
            2
        );
        // Lines in an HTML block that ends at a blank line open nothing: `<?` opens nothing, and
        // `<script>?>` opens a block that runs to the end.
        assert_eq!(pieces("<div\n<?\n\n<script>?>\n\nStill script.\n").len(), 1);
        // `<scripts>` opens no script block, so `</script>` does not close the fence.
        assert_eq!(
            pieces("<scripts>\n\n```\n</script>\n\nStill code.\n"),
            vec!["<scripts>\n\n", "```\n</script>\n\nStill code.\n"]
        );
        // Ordinary prose after a tag is cut as usual.
        assert_eq!(pieces("<span>x</span>\n\nAfter.\n").len(), 2);
    }

    #[test]
    fn unclosed_fence_swallows_the_rest() {
        assert_eq!(pieces("Intro.\n\n```\n\nPara.\n\n# Heading\n").len(), 2);
    }
}
