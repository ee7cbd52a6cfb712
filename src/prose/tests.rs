use super::*;

fn read(text: &str) -> Prose {
    ProseReader::default().read(&Document::new(text))
}

fn sentence_texts(text: &str) -> Vec<String> {
    let prose = read(text);
    prose
        .blocks
        .iter()
        .flat_map(|b| {
            b.sentences()
                .map(|(r, _)| text[r].to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn code_html_tables_and_front_matter_are_not_prose() {
    let text = "---\ntitle: improved things\n---\n\nReal prose here.\n\n```rust\nlet improved = better();\n```\n\n    indented code improved\n\n<div>\nHTML block improved.\n</div>\n\n| metric | value |\n|---|---|\n| latency | 50 |\n\nAfter the table.\n";
    let got = sentence_texts(text);
    assert_eq!(got, vec!["Real prose here.", "After the table."]);
}

#[test]
fn inline_code_and_link_targets_never_reach_sentences() {
    let text =
        "I ran `improved_query()` and read [the report](https://example.com/improved-better).\n";
    let prose = read(text);
    let block = &prose.blocks[0];
    let (_, s) = block.sentences().next().unwrap();
    assert!(s.contains("the report"));
    assert!(!s.contains("improved"), "{s:?}");
    assert!(!s.contains("example"));
}

#[test]
fn sentence_ranges_point_at_the_document_text() {
    let text = "# 🚀 Launch\n\n日本 users waited. We fixed it 🎉 fast.\n";
    let got = sentence_texts(text);
    assert_eq!(got, vec!["日本 users waited.", "We fixed it 🎉 fast."]);
}

#[test]
fn top_level_headings_start_case_studies() {
    let text = "Intro line.\n\n## First story\n\nOne.\n\n### Detail\n\nTwo.\n\n## Second story\n\nThree.\n";
    let prose = read(text);
    let titles: Vec<_> = prose.studies.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, vec!["First story", "Second story"]);
    assert_eq!(prose.preamble, 0..1);
    let first = &prose.studies[0];
    assert!(text[first.range.clone()].starts_with("## First story"));
    assert!(text[first.range.clone()].contains("Two."));
    assert!(!text[first.range.clone()].contains("Three."));
}

#[test]
fn a_file_without_headings_is_one_case_study() {
    let prose = read("Just a story. It has two sentences.\n");
    assert_eq!(prose.studies.len(), 1);
    assert_eq!(prose.studies[0].heading, None);
}

#[test]
fn block_quotes_and_lists_are_prose() {
    let text = "> Quoted story\n> continues here.\n\n- A list item sentence.\n- Another one.\n";
    let got = sentence_texts(text);
    assert_eq!(
        got,
        vec![
            "Quoted story\n> continues here.",
            "A list item sentence.",
            "Another one."
        ]
    );
}

#[test]
fn comments_are_collected_from_blocks_and_inline_html() {
    let text =
        "<!-- casebook-disable vague-claim -->\n\nText <!-- casebook-disable-next-line --> here.\n";
    let prose = read(text);
    let found: Vec<_> = prose.comments.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        found,
        vec![
            "<!-- casebook-disable vague-claim -->",
            "<!-- casebook-disable-next-line -->"
        ]
    );
}

#[test]
fn unchanged_blocks_are_reused_after_an_edit() {
    let mut doc = Document::new("First para.\n\nSecond para.\n");
    let mut reader = ProseReader::default();
    let before = reader.read(&doc);
    doc.replace(0..5, "Opening").unwrap();
    let after = reader.read(&doc);
    assert!(!Arc::ptr_eq(
        &before.blocks[0].prose,
        &after.blocks[0].prose
    ));
    assert!(Arc::ptr_eq(&before.blocks[1].prose, &after.blocks[1].prose));
}

#[test]
fn deep_nesting_does_not_overflow() {
    let text = "> ".repeat(10_000) + "deep\n";
    let prose = read(&text);
    assert!(prose.blocks.len() <= 1);
    let _ = read(&("- ".repeat(10_000) + "item\n"));
    let _ = read(&("> - 1. ".repeat(3_400) + "mixed\n"));
}
