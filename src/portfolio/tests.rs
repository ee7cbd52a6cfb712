use super::config::PortfolioConfig;
use super::*;
use crate::document::ChangeReader;

const CUSTOMER: &str =
    "I joined a dozen support calls to hear what was breaking for the customers.";
const BACKBONE: &str = "I disagreed with my director about dropping the audit log, said so in the review, and then committed to her plan.";

fn summary(text: &str) -> Arc<FileSummary> {
    Arc::new(FileSummary::read(
        &mut Reviewer::default(),
        text,
        &RuleConfig::default(),
        "file",
    ))
}

fn portfolio(files: &[(&str, &str)]) -> Portfolio {
    Portfolio {
        files: files
            .iter()
            .map(|(name, text)| (PathBuf::from(name), summary(text)))
            .collect(),
    }
}

fn rules_of(portfolio: &Portfolio) -> Vec<(String, &'static str)> {
    portfolio
        .check(&PortfolioConfig::default(), &RuleConfig::default())
        .into_iter()
        .map(|f| (f.file.display().to_string(), f.finding.rule))
        .collect()
}

#[test]
fn principles_of_the_probe_sentences() {
    for text in [CUSTOMER, BACKBONE] {
        let s = summary(&format!("# T\n\n{text}\n"));
        assert!(!s.studies[0].card.principles.is_empty(), "{text}");
    }
}

#[test]
fn size_fires_below_three_and_above_four_once_per_file() {
    let p = portfolio(&[("a.md", "# One\n\nText.\n\n# Two\n\nText.\n")]);
    let found = rules_of(&p);
    let sizes: Vec<_> = found.iter().filter(|f| f.1 == "portfolio-size").collect();
    assert_eq!(sizes.len(), 1, "{found:?}");
    let p = portfolio(&[
        ("a.md", "# One\n\nText.\n\n# Two\n\nText.\n"),
        ("b.md", "# Three\n\nText.\n"),
    ]);
    assert!(!rules_of(&p).iter().any(|f| f.1 == "portfolio-size"));
    let five = "# 1\n\nA.\n\n# 2\n\nB.\n\n# 3\n\nC.\n\n# 4\n\nD.\n\n# 5\n\nE.\n";
    let p = portfolio(&[("a.md", five)]);
    assert!(rules_of(&p).iter().any(|f| f.1 == "portfolio-size"));
}

#[test]
fn overlap_names_the_twin_and_skips_empty_sets() {
    let text = format!("# Alpha\n\n{CUSTOMER}\n\n# Beta\n\n{CUSTOMER}\n\n# Gamma\n\nThe service ran.\n\n# Delta\n\nThe job ran.\n");
    let p = portfolio(&[("a.md", &text)]);
    let found = p.check(&PortfolioConfig::default(), &RuleConfig::default());
    let overlap: Vec<_> = found
        .iter()
        .filter(|f| f.finding.rule == "principle-overlap")
        .collect();
    assert_eq!(overlap.len(), 2, "{found:?}");
    assert!(overlap[0].finding.message.contains("\"Beta\""));
    assert_eq!(&text[overlap[0].finding.range.clone()], "Alpha");
}

#[test]
fn coverage_counts_distinct_principles_and_is_configurable() {
    let text =
        format!("# Alpha\n\n{CUSTOMER}\n\n# Beta\n\n{BACKBONE}\n\n# Gamma\n\nThe job ran.\n");
    let p = portfolio(&[("a.md", &text)]);
    assert!(rules_of(&p).iter().any(|f| f.1 == "thin-coverage"));
    let (config, _) = PortfolioConfig::from_toml("[portfolio]\nmin-principles = 1\n");
    let found = p.check(&config, &RuleConfig::default());
    assert!(!found.iter().any(|f| f.finding.rule == "thin-coverage"));
    let (rules, _) = RuleConfig::from_toml("[rules]\nthin-coverage = \"error\"\n");
    let found = p.check(&PortfolioConfig::default(), &rules);
    let f = found
        .iter()
        .find(|f| f.finding.rule == "thin-coverage")
        .unwrap();
    assert_eq!(f.finding.severity, crate::rules::Severity::Error);
}

#[test]
fn lens_title_reads_like_the_spec() {
    let s = summary(&format!(
        "# Alpha\n\n{CUSTOMER} Conversion rose from 3% to 4%.\n"
    ));
    let title = lens_title(&s.studies[0].card);
    assert!(title.contains(" — parts "), "{title}");
    assert!(title.contains("tech /") && title.contains("cust /") && title.ends_with(" min"));
}

/// The summary an open file keeps after each edit, made from the last one, equals a summary made from
/// nothing: after an edit inside one story, an edit that moves the stories after it down a line, a
/// story added and one removed between others, and a configuration that switches a rule off (the
/// cards' finding counts follow it).
#[test]
fn a_summary_from_the_last_one_is_a_summary_from_nothing() {
    let stories = [
        format!("# Refunds\n\n{CUSTOMER}\n\nMuch better now.\n\n"),
        format!("# Audit\n\n{BACKBONE}\n\nWe improved latency.\n\n"),
        "# Search\n\nI cut search time from 9 s to 2 s for 3,000 sellers.\n\n".to_string(),
    ];
    let text = stories.concat();
    let (off, _) = RuleConfig::from_toml("[rules]\nvague-claim = \"off\"\n");
    let added = "# Pricing\n\nI asked 9 buyers why they left.\n\n";
    // (where, text replaced there, text put in, configuration)
    let edits: [(&str, &str, &str, &RuleConfig); 5] = [
        ("Much", "", "Far ", &RuleConfig::default()),
        ("# Audit", "", "\nI led it.\n", &RuleConfig::default()),
        ("# Search", "", added, &RuleConfig::default()),
        (&stories[1], &stories[1], "", &RuleConfig::default()),
        ("", "", "", &off),
    ];
    let mut doc = Document::cut(&text);
    let mut reviewer = Reviewer::default();
    reviewer.read_unparsed(&mut doc);
    let mut review = reviewer.review(&doc, &RuleConfig::default());
    let mut summary = FileSummary::of(&review, &doc, "file");
    doc.take_changes(ChangeReader::Portfolio);
    let mut now = text.clone();
    for (at, removed, inserted, config) in edits {
        let at = now.find(at).unwrap();
        let range = at..at + removed.len();
        doc.replace(range.clone(), inserted).unwrap();
        now.replace_range(range, inserted);
        reviewer.read_unparsed(&mut doc);
        review = reviewer.review_after(&doc, config, Some(review));
        let changes = doc.take_changes(ChangeReader::Portfolio);
        summary = FileSummary::of_after(&review, &doc, "file", Some(&summary), changes);
        let fresh_doc = Document::new(&now);
        let fresh = FileSummary::of(
            &Reviewer::default().review(&fresh_doc, config),
            &fresh_doc,
            "file",
        );
        assert_eq!(summary, fresh, "{now}");
    }
    assert_eq!(summary.studies.len(), 3);
}
