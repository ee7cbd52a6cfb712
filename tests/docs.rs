//! The README's rule table is generated from the rules' own docs; this fails when the two drift.

#[test]
fn readme_rule_table_matches_the_rule_docs() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find("<!-- rules-table:start")
        .expect("table start marker");
    let body_start = start + readme[start..].find('\n').unwrap() + 1;
    let end = readme
        .find("<!-- rules-table:end -->")
        .expect("table end marker");
    assert_eq!(
        &readme[body_start..end],
        casebook::rules::markdown_table(),
        "README rule table is stale: paste `casebook rules --markdown` between the markers"
    );
}

#[test]
fn every_rule_is_fully_documented() {
    for rule in casebook::rules::RULES.iter() {
        assert!(
            rule.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "{}",
            rule.id
        );
        for part in [
            rule.summary,
            rule.doc.what,
            rule.doc.why,
            rule.doc.example,
            rule.doc.instead,
        ] {
            assert!(part.len() > 10, "{} has a thin doc part: {part:?}", rule.id);
        }
    }
}
