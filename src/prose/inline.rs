//! The prose inside one block's inline content: the same bytes with everything that is not prose blanked
//! out (code spans, inline HTML, link destinations and titles, autolinks, images, emphasis markers, block
//! quote markers, line breaks), so offsets in the prose are offsets in the document.

use std::ops::Range;
use tree_sitter::{Node, Parser};

/// Inline node kinds whose whole text is not prose.
const HIDDEN: &[&str] = &[
    "code_span",
    "html_tag",
    "link_destination",
    "link_title",
    "link_label",
    "uri_autolink",
    "email_autolink",
    "image",
    "latex_block",
    "emphasis_delimiter",
    "entity_reference",
    "numeric_character_reference",
];

/// What the inline parse of one block yields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineProse {
    /// The block's bytes with non-prose replaced by spaces: same length, valid UTF-8.
    pub prose: String,
    /// HTML comments inside the block (relative ranges), where `casebook-disable` directives may hide.
    pub comments: Vec<Range<usize>>,
}

pub fn inline_parser() -> Parser {
    let mut parser = Parser::new();
    parser
        .set_language(&tree_sitter_md::INLINE_LANGUAGE.into())
        .unwrap_or_else(|e| panic!("the bundled inline grammar matches tree-sitter: {e}"));
    parser
}

/// Reads the prose of `text`, a block's inline content, where `markers` (relative ranges, sorted) are block
/// markers inside it such as `> ` continuation prefixes.
pub fn read_inline(parser: &mut Parser, text: &str, markers: &[Range<usize>]) -> InlineProse {
    // Parse the content without the markers, as tree-sitter-md does, then map back.
    let mut pieces: Vec<(usize, Range<usize>)> = Vec::new(); // (offset in joined, range in text)
    let mut joined = String::with_capacity(text.len());
    let mut at = 0;
    for marker in markers
        .iter()
        .chain(std::iter::once(&(text.len()..text.len())))
    {
        let start = marker.start.clamp(at, text.len());
        if start > at {
            pieces.push((joined.len(), at..start));
            joined.push_str(&text[at..start]);
        }
        at = marker.end.clamp(at, text.len());
    }
    let to_text = |offset: usize| -> usize {
        let i = pieces.partition_point(|(j, _)| *j <= offset);
        match i.checked_sub(1).map(|i| &pieces[i]) {
            Some((j, r)) => (r.start + (offset - j)).min(r.end),
            None => 0,
        }
    };
    let mut bytes = text.as_bytes().to_vec();
    let blank = |range: Range<usize>, bytes: &mut Vec<u8>| {
        for b in &mut bytes[range] {
            *b = b' ';
        }
    };
    for m in markers {
        let r = m.start.min(text.len())..m.end.min(text.len());
        blank(r, &mut bytes);
    }
    let mut comments = Vec::new();
    // A NUL would end tree-sitter's input early; a space keeps every offset.
    let joined = joined.replace('\0', " ");
    let tree = if may_hide_anything(&joined) {
        parser.parse(&joined, None)
    } else {
        None
    };
    if let Some(tree) = tree {
        let mut hidden = Vec::new();
        collect_hidden(tree.root_node(), &mut hidden);
        for r in hidden {
            let (start, end) = (to_text(r.start), to_text(r.end));
            if joined[r.clone()].starts_with("<!--") {
                comments.push(start..end);
            }
            blank(start..end, &mut bytes);
        }
    }
    for b in &mut bytes {
        if matches!(*b, b'\n' | b'\r' | b'\t' | 0) {
            *b = b' ';
        }
    }
    // Every blanked range lies on char boundaries, so the bytes are still UTF-8.
    let prose = String::from_utf8(bytes).unwrap_or_else(|e| {
        String::from_utf8_lossy(e.as_bytes())
            .chars()
            .map(|c| if c == '\u{FFFD}' { ' ' } else { c })
            .collect()
    });
    InlineProse { prose, comments }
}

/// Bytes that every [`HIDDEN`] node's text contains one of: code spans, HTML, comments, autolinks, link
/// and image parts, LaTeX, emphasis and strikethrough delimiters, character references. Text with none of
/// them is all prose, so the inline parse (the dearest step of reading an edited paragraph) is skipped.
const MARKUP_BYTES: &[u8] = b"`<>[]$*_~&";

fn may_hide_anything(text: &str) -> bool {
    text.bytes().any(|b| MARKUP_BYTES.contains(&b))
}

fn collect_hidden(node: Node, out: &mut Vec<Range<usize>>) {
    if HIDDEN.contains(&node.kind()) {
        out.push(node.byte_range());
        return;
    }
    let mut cursor = node.walk();
    for child in node.children(&mut cursor) {
        collect_hidden(child, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(text: &str) -> String {
        read_inline(&mut inline_parser(), text, &[]).prose
    }

    #[test]
    fn keeps_length_and_plain_words() {
        let text = "I cut *checkout* time 😀 by `40%` in 日本.";
        let p = prose(text);
        assert_eq!(p.len(), text.len());
        assert!(p.contains("checkout"));
        assert!(!p.contains("40%"));
        assert!(p.contains("日本"));
    }

    #[test]
    fn hides_link_targets_but_keeps_link_text() {
        let p =
            prose("See [the dashboard](https://example.com/improved) and <https://x.io/better>.");
        assert!(p.contains("the dashboard"));
        assert!(!p.contains("example"));
        assert!(!p.contains("x.io"));
    }

    #[test]
    fn hides_html_and_reports_comments() {
        let text = "Text <!-- casebook-disable vague-claim --> and <b>bold</b>.";
        let out = read_inline(&mut inline_parser(), text, &[]);
        assert!(!out.prose.contains("casebook"));
        assert_eq!(out.comments.len(), 1);
        assert!(text[out.comments[0].clone()].contains("casebook-disable"));
    }

    #[test]
    fn blanks_markers() {
        let text = "first line\n> second line";
        let markers = [Range { start: 11, end: 13 }];
        let out = read_inline(&mut inline_parser(), text, &markers);
        assert_eq!(out.prose, "first line   second line");
    }

    proptest::proptest! {
        /// Skipping the parse for text without markup bytes changes nothing: the parse finds nothing to
        /// hide in such text either.
        #[test]
        fn text_without_markup_bytes_is_all_prose(
            text in r#"[a-zA-Z0-9 .,;:!?'"()/#%+=@|^{}-]{0,80}( ?(😀|日本|é|\n|\r\n|\t|    |1\. |- |https://x\.io|www\.a\.com|a@b\.co)[a-z .:/]{0,12}){0,6}"#
        ) {
            proptest::prop_assume!(!may_hide_anything(&text));
            let mut parser = inline_parser();
            let tree = parser.parse(&text, None).unwrap();
            let mut hidden = Vec::new();
            collect_hidden(tree.root_node(), &mut hidden);
            proptest::prop_assert!(hidden.is_empty(), "{:?} hides {:?}", text, hidden);
        }
    }
}
