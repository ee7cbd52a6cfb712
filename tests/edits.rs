//! Property: any sequence of editor changes, in either encoding, leaves the server's copy of the text
//! equal to the editor's; the incrementally updated chunks equal those of a fresh parse, each chunk's
//! tree equals a fresh parse of its text; and the prose read through the chunks (with the reader's
//! caches warm from every earlier edit) equals the prose of one uncut parse of the whole text; and a
//! review made with every cache warm (blocks, sentences, case studies) equals a fresh review — also for a
//! document kept as the server keeps it (cut unparsed, trees released after every review).

use casebook::document::{Document, Encoding, LineCol};
use casebook::prose::{Prose, ProseReader};
use casebook::review::Reviewer;
use casebook::rules::config::RuleConfig;
use proptest::prelude::*;

/// Pieces the random text is made of: emoji (surrogate pairs), CJK, combining marks, CRLF, markdown.
const PIECES: &[&str] = &[
    "a",
    "Z",
    " ",
    "\n",
    "\r\n",
    "\r",
    "😀",
    "🎉",
    "日本",
    "語",
    "e\u{301}",
    "# ",
    "## ",
    "- ",
    "> ",
    "```\n",
    "`",
    "*",
    "[x](y)",
    "<!-- c -->",
    "1. ",
    "    ",
    "improved ",
    "I helped the team. ",
    "Customers waited 3 days. ",
    "50%",
    ".",
    "|a|b|\n",
];

fn text_strategy(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..max).prop_map(|v| v.concat())
}

/// The editor's side: line/column of a char boundary in `text`, counted in `encoding`, with LSP's
/// line breaks (`\n`, `\r\n`, `\r`).
fn line_col(text: &str, offset: usize, encoding: Encoding) -> LineCol {
    let mut line = 0;
    let mut line_start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < offset {
        match bytes[i] {
            b'\n' => {
                line += 1;
                line_start = i + 1;
            }
            b'\r' => {
                if bytes.get(i + 1) == Some(&b'\n') {
                    if i + 1 >= offset {
                        break;
                    }
                    i += 1;
                }
                line += 1;
                line_start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    let col = text[line_start..offset]
        .chars()
        .map(|c| match encoding {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        })
        .sum::<usize>();
    LineCol {
        line,
        col: col as u32,
    }
}

/// A random edit: (start fraction, length fraction, inserted text).
fn edit_strategy() -> impl Strategy<Value = (f64, f64, String)> {
    (0.0..=1.0f64, 0.0..=0.3f64, text_strategy(6))
}

/// A boundary position that an editor could send: not inside a char, not between CR and LF.
fn boundary(text: &str, fraction: f64) -> usize {
    let mut at = ((text.len() as f64) * fraction) as usize;
    at = at.min(text.len());
    let b = text.as_bytes();
    while !text.is_char_boundary(at)
        || (at > 0 && at < b.len() && b[at - 1] == b'\r' && b[at] == b'\n')
    {
        at -= 1;
    }
    at
}

fn tree_shape(tree: &tree_sitter::Tree) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut cursor = tree.walk();
    loop {
        let node = cursor.node();
        out.push((node.kind().to_string(), node.start_byte(), node.end_byte()));
        if cursor.goto_first_child() {
            continue;
        }
        while !cursor.goto_next_sibling() {
            if !cursor.goto_parent() {
                return out;
            }
        }
    }
}

/// A chunk's start, length and tree shape.
type ChunkShape = (usize, usize, Vec<(String, usize, usize)>);

fn chunk_shapes(doc: &Document) -> Vec<ChunkShape> {
    doc.chunks()
        .iter()
        .map(|c| {
            (
                c.start,
                c.len,
                c.tree.as_ref().map(tree_shape).unwrap_or_default(),
            )
        })
        .collect()
}

/// Everything a reader of the prose sees: blocks, sentences, studies, comments.
fn prose_shape(prose: &Prose) -> String {
    let blocks: Vec<_> = prose
        .blocks
        .iter()
        .map(|b| {
            (
                b.kind,
                b.range.clone(),
                b.start,
                b.prose.prose.clone(),
                b.prose.sentences.clone(),
            )
        })
        .collect();
    format!(
        "{blocks:?}\n{:?}\n{:?}\n{:?}",
        prose.studies, prose.preamble, prose.comments
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn edits_keep_text_and_tree_exact(
        initial in text_strategy(40),
        edits in prop::collection::vec(edit_strategy(), 1..12),
        utf8 in any::<bool>(),
    ) {
        let encoding = if utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
        let mut reference = initial.clone();
        let mut doc = Document::new(&initial);
        let mut reader = ProseReader::default();
        reader.read(&doc);
        let config = RuleConfig::default();
        let mut reviewer = Reviewer::default();
        reviewer.review(&doc, &config);
        // As the server keeps it: cut, not parsed, and only the last edit's trees kept.
        let mut lean = Document::cut(&initial);
        let mut lean_reviewer = Reviewer::default();
        lean_reviewer.read_unparsed(&mut lean);
        lean_reviewer.review(&lean, &config);
        lean.release_trees();
        for (start, len, insert) in edits {
            let s = boundary(&reference, start);
            let e = boundary(&reference, (start + len).min(1.0)).max(s);
            let range = (line_col(&reference, s, encoding), line_col(&reference, e, encoding));
            doc.apply_change(Some(range), &insert, encoding);
            lean.apply_change(Some(range), &insert, encoding);
            reference.replace_range(s..e, &insert);
            prop_assert_eq!(doc.text(), reference.clone());
            reader.read(&doc);
            reviewer.review(&doc, &config);
            lean_reviewer.read_unparsed(&mut lean);
            lean_reviewer.review(&lean, &config);
            lean.release_trees();
        }
        let fresh = Document::new(&reference);
        prop_assert_eq!(chunk_shapes(&doc), chunk_shapes(&fresh));
        let whole = Document::whole(&reference);
        prop_assert_eq!(
            prose_shape(&reader.read(&doc)),
            prose_shape(&ProseReader::default().read(&whole))
        );
        let fresh_findings = format!("{:?}", Reviewer::default().review(&fresh, &config).findings);
        prop_assert_eq!(format!("{:?}", reviewer.review(&doc, &config).findings), fresh_findings.clone());
        prop_assert_eq!(format!("{:?}", lean_reviewer.review(&lean, &config).findings), fresh_findings);
        prop_assert_eq!(
            prose_shape(&ProseReader::default().read(&lean)),
            prose_shape(&ProseReader::default().read(&whole))
        );
    }
}
