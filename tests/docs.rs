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

/// The VS Code extension lists every rule in its settings schema, with the rule's default severity.
#[test]
fn vscode_settings_schema_lists_every_rule() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/editors/vscode/package.json");
    let package: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let configuration = &package["contributes"]["configuration"];
    let sections: Vec<&serde_json::Value> = match configuration.as_array() {
        Some(list) => list.iter().collect(),
        None => vec![configuration],
    };
    let rules = sections
        .iter()
        .find_map(|c| c["properties"].get("casebook.rules"))
        .expect("casebook.rules setting");
    let listed = rules["properties"].as_object().unwrap();
    for rule in casebook::rules::RULES.iter() {
        let entry = listed
            .get(rule.id)
            .unwrap_or_else(|| panic!("{} is missing from the VS Code settings schema", rule.id));
        let description = entry["markdownDescription"].as_str().unwrap_or("");
        assert!(
            description.contains(&format!("(default `{}`)", rule.severity.name())),
            "{}: the schema's default disagrees with the rule: {description}",
            rule.id
        );
    }
    assert_eq!(
        listed.len(),
        casebook::rules::RULES.len(),
        "the schema lists rules that do not exist"
    );
}
