//! Chunks whose block tree is known without parsing: plain paragraphs, list items and headings.
//!
//! Half the cost of opening a document is tree-sitter-md's block parse, and most of that is spent on
//! paragraphs and list items, whose lines its grammar reads word by word. Yet a line that starts with
//! a letter opens no markdown block — every block marker is a character that is not a letter (`#`,
//! `>`, `-`, `*`, `+`, a digit, `<`, `|`, `` ` ``, `~`, `=`, `_`, `[`, spaces for code) — so it
//! starts a paragraph or continues the one before it (lazily, in a list item). A chunk read here is,
//! up to the blank lines that end it, made of such lines and of:
//! - list items: a bullet (`-`, `*`, `+`) or one to nine digits and `.` or `)`, one space and a letter
//!   — the item's inline content runs from that letter to the end of its last line (only after other
//!   items: a list after a paragraph line is parsed);
//! - an ATX heading as the first line: one to six `#`, one space and a letter, its inline content
//!   running from that letter to the end of the line (a paragraph may follow it).
//!
//! tree-sitter-md reads exactly these blocks there: each inline content ends at the end of its last
//! line, trailing spaces and tabs left out, with nothing marked inside it. It reads a NUL byte as the
//! end of input, so a chunk with one is parsed; so is one with a `|`: no table can form when every
//! line starts with a letter or a marker (a delimiter row cannot), but tree-sitter-md's scanner looks
//! ahead at such lines (see `CUT_REGRESSIONS` in tests/edits.rs), and they are rare enough in prose
//! to be parsed to be sure. Anything else — a block quote, code, an indented line, a marker followed
//! by more than one space — is parsed. The property test `plain_chunks_read_as_parsed`
//! (tests/edits.rs) holds this reading equal to the parse.

use super::split::lines;
use std::ops::Range;

/// What a block of a chunk read without parsing is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlainKind {
    Paragraph,
    ListItem,
    Heading { level: u8 },
}

/// A block of a chunk read without parsing; offsets are relative to the chunk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlainBlock {
    pub kind: PlainKind,
    /// Where the block starts (a list item's bullet).
    pub start: usize,
    /// Its inline content.
    pub inline: Range<usize>,
}

/// The blocks of the chunk `text` when they are known without parsing (see the module's doc); None
/// when it must be parsed.
pub fn plain_blocks(text: &str) -> Option<Vec<PlainBlock>> {
    let mut blocks: Vec<PlainBlock> = Vec::new();
    let mut after_blank = false;
    let mut start = 0;
    for line in lines(text) {
        let content = line
            .trim_end_matches(['\n', '\r'])
            .trim_end_matches([' ', '\t']);
        let end = start + content.len();
        if content.trim_start_matches([' ', '\t']).is_empty() {
            // Blank lines end the chunk's last block (and the chunk); none may come first.
            if blocks.is_empty() {
                return None;
            }
            after_blank = true;
        } else if after_blank || content.contains(['|', '\0']) {
            return None;
        } else if let Some(level) = heading_level(content) {
            // An ATX heading: only as the chunk's first line.
            if !blocks.is_empty() {
                return None;
            }
            blocks.push(PlainBlock {
                kind: PlainKind::Heading { level },
                start,
                inline: start + usize::from(level) + 1..end,
            });
        } else if starts_with_letter(content) {
            // A paragraph's first line, or a line continuing the last block's paragraph.
            match blocks.last_mut() {
                Some(last) if !is_heading(last) => last.inline.end = end,
                _ => blocks.push(PlainBlock {
                    kind: PlainKind::Paragraph,
                    start,
                    inline: start..end,
                }),
            }
        } else if let Some(marker) = list_marker(content) {
            if !blocks.iter().all(|b| b.kind == PlainKind::ListItem) {
                return None;
            }
            blocks.push(PlainBlock {
                kind: PlainKind::ListItem,
                start,
                inline: start + marker..end,
            });
        } else {
            return None;
        }
        start += line.len();
    }
    (!blocks.is_empty()).then_some(blocks)
}

fn is_heading(block: &PlainBlock) -> bool {
    matches!(block.kind, PlainKind::Heading { .. })
}

fn starts_with_letter(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_alphabetic)
}

/// The level of an ATX heading line: one to six `#`, one space and a letter.
fn heading_level(line: &str) -> Option<u8> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    let rest = line[hashes..].strip_prefix(' ')?;
    ((1..=6).contains(&hashes) && starts_with_letter(rest)).then_some(hashes as u8)
}

/// The length of a list item's marker and the space after it: a bullet (`-`, `*`, `+`) or one to nine
/// digits and `.` or `)`, then one space and a letter.
fn list_marker(line: &str) -> Option<usize> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let marker = match (digits, line.as_bytes().get(digits)) {
        (0, Some(b'-' | b'*' | b'+')) | (1..=9, Some(b'.' | b')')) => digits + 1,
        _ => return None,
    };
    let rest = line[marker..].strip_prefix(' ')?;
    starts_with_letter(rest).then_some(marker + 1)
}

#[cfg(test)]
mod tests {
    use super::{plain_blocks, PlainBlock, PlainKind};
    use crate::document::block_parser;

    /// The paragraphs and list items of `text` as tree-sitter-md parses it, with no markers inside.
    fn parsed_blocks(text: &str) -> Vec<PlainBlock> {
        let tree = block_parser().parse(text, None).unwrap();
        let mut blocks = Vec::new();
        let mut stack = vec![tree.root_node()];
        while let Some(node) = stack.pop() {
            if node.kind() == "inline" {
                assert_eq!(node.named_child_count(), 0, "{text:?}");
                let parent = node.parent().unwrap();
                let item = parent.parent().filter(|p| p.kind() == "list_item");
                let kind = match (parent.kind(), item) {
                    ("atx_heading", _) => PlainKind::Heading {
                        level: parent.child(0).unwrap().kind()[5..6].parse().unwrap(),
                    },
                    (_, Some(_)) => PlainKind::ListItem,
                    _ => PlainKind::Paragraph,
                };
                blocks.push(PlainBlock {
                    kind,
                    start: item.unwrap_or(parent).start_byte(),
                    inline: node.byte_range(),
                });
            }
            for i in (0..node.child_count()).rev() {
                stack.push(node.child(i).unwrap());
            }
        }
        blocks
    }

    #[test]
    fn plain_paragraphs_and_lists_read_as_parsed() {
        for text in [
            "Foo bar.\nBaz qux.\n\n",
            "Foo.  \nBar \t\n \t\n\n",
            "Foo\r\nBar\r\n\r\n",
            "Foo\rBar\r\r",
            "Last line without a break",
            "日本の出品者 waited.\n",
            "Émile <b>shipped</b> *it* <!-- c -->\nand    then\\\nsome  \n",
            "Foo\n\t\n",
            "- Foo bar.\n- Baz qux.  \n\n",
            "- Foo\nlazy line\n- Baz\n",
            "* A\n+ B\t\n- C\r\n\r\n",
            "- 日本 item\n",
            "### What I did\n\n",
            "# Foo bar  \n",
            "## Foo #\nThen a paragraph\nand its second line\n\n",
            "1. Foo\n2. Bar\n10. Baz\n- Qux\n",
            "1) Foo\nlazy\n\n",
            "123456789. Foo\n",
        ] {
            assert_eq!(plain_blocks(text), Some(parsed_blocks(text)), "{text:?}");
        }
    }

    #[test]
    fn anything_else_is_parsed() {
        for text in [
            "#Heading\n",
            "####### Seven\n",
            "#  Two spaces\n",
            "# 1 Digit\n",
            "Foo\n# Heading\n",
            "# Heading\n- item\n",
            "1.item\n",
            "1234567890. Ten digits\n",
            "Foo\n- item\n",
            "Foo\n> quote\n",
            "Foo\n===\n",
            "Foo\n---\n",
            "2024 was the year\n",
            "<div>\n",
            "a | b\n--|--\n",
            "Foo\nbar|baz\n",
            "```\ncode\n```\n",
            "    code\n",
            " Foo\n",
            "[x]: /url\n",
            "Foo\n\nBar\n",
            "\nFoo\n",
            "Foo\n\u{c}\n",
            "Foo\0bar\n",
            "😀 Foo\n",
            "- item\n  indented\n",
            "-  two spaces\n",
            "-\ttab\n",
            "- [ ] task\n",
            "-item\n",
            "- \n",
            "",
            " \n",
        ] {
            assert_eq!(plain_blocks(text), None, "{text:?}");
        }
    }
}
