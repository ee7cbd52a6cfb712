//! Where a markdown document can be cut into chunks that parse on their own exactly as they parse inside
//! the whole document.
//!
//! Why: tree-sitter re-parses every sibling of an edited node, and a markdown document is one long list of
//! sibling blocks, so an "incremental" re-parse of a long draft costs as much as a full one. Parsing the
//! document as a sequence of small chunks makes a keystroke cost one chunk.
//!
//! A cut is made only before a line that (1) follows a blank line, (2) starts with a non-space character,
//! and (3) is not inside a fenced code block, a multi-line HTML block (comment, `<script>`, `<pre>`,
//! `<style>`, `<textarea>`, `<?…?>`, `<!…>`, CDATA) or front matter. After a blank line, such a line cannot
//! continue a paragraph (a blank line ends it), a list item (continuations are indented), a block quote
//! (a blank line ends it) or an indented code block (it is not indented); the open constructs of (3) are
//! the only ones that run across blank lines, and the scanner tracks them. When unsure it does not cut:
//! fewer cuts only make chunks larger, never the parse different.

/// What the scanner is inside of.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Inside {
    Nothing,
    /// A fence of `count` × `mark` (`` ` `` or `~`).
    Fence {
        mark: u8,
        count: usize,
    },
    /// An HTML block that ends at the line containing this text (ASCII, compared case-insensitively).
    Html(&'static str),
    /// Front matter that ends at a line of this delimiter.
    FrontMatter(&'static str),
}

/// Reads lines in order and says before which ones the document may be cut.
#[derive(Debug, Clone)]
pub struct Scanner {
    inside: Inside,
    previous_blank: bool,
    first_line: bool,
}

fn is_blank(line: &str) -> bool {
    line.bytes().all(|b| b.is_ascii_whitespace())
}

/// The line without up to three leading spaces (more would make it indented code).
fn unindented(line: &str) -> Option<&str> {
    let spaces = line.bytes().take_while(|&b| b == b' ').count();
    (spaces <= 3).then(|| &line[spaces..])
}

fn fence_opening(line: &str) -> Option<(u8, usize)> {
    let rest = unindented(line)?;
    let mark = *rest.as_bytes().first()?;
    if mark != b'`' && mark != b'~' {
        return None;
    }
    let count = rest.bytes().take_while(|&b| b == mark).count();
    (count >= 3).then_some((mark, count))
}

fn closes_fence(line: &str, mark: u8, count: usize) -> bool {
    let Some(rest) = unindented(line) else {
        return false;
    };
    let run = rest.bytes().take_while(|&b| b == mark).count();
    run >= count && is_blank(&rest[run..])
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len()
        && text.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

fn contains_ignore_case(text: &str, needle: &str) -> bool {
    text.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// The end marker of a multi-line HTML block this line opens, if it opens one and does not close it.
fn html_opening(line: &str) -> Option<&'static str> {
    let rest = unindented(line)?;
    const OPENERS: &[(&str, &str)] = &[
        ("<!--", "-->"),
        ("<script", "</script>"),
        ("<pre", "</pre>"),
        ("<style", "</style>"),
        ("<textarea", "</textarea>"),
        ("<?", "?>"),
        ("<![CDATA[", "]]>"),
    ];
    for (open, end) in OPENERS {
        if starts_with_ignore_case(rest, open) {
            return (!contains_ignore_case(&rest[open.len()..], end)).then_some(end);
        }
    }
    let declaration = rest.strip_prefix("<!")?;
    let starts_with_letter = declaration
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic());
    // tree-sitter-md keeps a declaration open past a `>` that is followed by more text on its line, so
    // only a line that ends with `>` counts as closed.
    (starts_with_letter && !declaration.trim_end().ends_with('>')).then_some(">")
}

impl Scanner {
    /// A scanner at the start of the document.
    pub fn at_document_start() -> Scanner {
        Scanner {
            inside: Inside::Nothing,
            previous_blank: true,
            first_line: true,
        }
    }

    /// A scanner at a cut found earlier (which is, by construction, outside every open construct).
    pub fn at_cut() -> Scanner {
        Scanner {
            inside: Inside::Nothing,
            previous_blank: true,
            first_line: false,
        }
    }

    /// Reads the next line (with or without its line break); true when the document may be cut before it.
    pub fn line(&mut self, line: &str) -> bool {
        let blank = is_blank(line);
        let cut = self.inside == Inside::Nothing
            && self.previous_blank
            && !blank
            && !self.first_line
            && line.chars().next().is_some_and(|c| !c.is_whitespace());
        let trimmed = line.trim_end_matches(['\n', '\r']);
        self.inside = match std::mem::replace(&mut self.inside, Inside::Nothing) {
            Inside::Nothing if self.first_line && (trimmed == "---" || trimmed == "+++") => {
                Inside::FrontMatter(if trimmed == "---" { "---" } else { "+++" })
            }
            Inside::Nothing => match (fence_opening(trimmed), html_opening(trimmed)) {
                (Some((mark, count)), _) => Inside::Fence { mark, count },
                (None, Some(end)) => Inside::Html(end),
                (None, None) => Inside::Nothing,
            },
            Inside::Fence { mark, count } if closes_fence(trimmed, mark, count) => Inside::Nothing,
            Inside::Html(end) if contains_ignore_case(trimmed, end) => Inside::Nothing,
            Inside::FrontMatter(end) if trimmed == end || (end == "---" && trimmed == "...") => {
                Inside::Nothing
            }
            still => still,
        };
        self.previous_blank = blank;
        self.first_line = false;
        cut
    }

    /// Whether the scanner is outside every open construct (a cut found now is a clean one).
    pub fn is_clear(&self) -> bool {
        self.inside == Inside::Nothing
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
            ("<!DOCTYPE x>\n\nAfter.\n", 2),
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
    fn unclosed_fence_swallows_the_rest() {
        assert_eq!(pieces("Intro.\n\n```\n\nPara.\n\n# Heading\n").len(), 2);
    }
}
