//! `check`'s three outputs: for people (the source line with the finding underlined; colours only on a
//! terminal), JSON (documented in the README), and SARIF 2.1.0 for code-scanning services.

use super::files::SourceFile;
use super::Format;
use crate::document::Document;
use crate::review::{Review, Reviewer};
use crate::rules::config::RuleConfig;
use crate::rules::{Finding, Severity, RULES};
use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
use serde_json::{json, Value};
use std::io::Write;

pub struct ReviewedFile<'a> {
    pub file: &'a SourceFile,
    pub review: Review,
}

pub fn review_files<'a>(files: &'a [SourceFile], config: &RuleConfig) -> Vec<ReviewedFile<'a>> {
    files
        .iter()
        .map(|file| ReviewedFile {
            file,
            review: Reviewer::default().review(&Document::new(&file.text), config),
        })
        .collect()
}

/// Prints the report. A closed pipe (`casebook check | head`) is not an error worth a panic.
/// `portfolio` is the portfolio summary of `check DIR` (JSON output only).
pub fn print(files: &[ReviewedFile], format: Format, portfolio: Option<Value>) {
    let text = match format {
        Format::Human => human(files),
        Format::Json => pretty(&json_report(files, portfolio)),
        Format::Sarif => pretty(&sarif(files)),
    };
    let mut out = anstream::stdout();
    let _ = writeln!(out, "{text}");
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = (0..=offset.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let before = &text[..offset];
    let line_start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let line = before.matches('\n').count() + before.matches('\r').count()
        - before.matches("\r\n").count();
    (line + 1, before[line_start..].chars().count() + 1)
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
        Severity::Hint => Level::HELP,
    }
}

fn human(files: &[ReviewedFile]) -> String {
    let renderer = Renderer::styled();
    let mut out = String::new();
    let mut counts = [0usize; 4];
    for reviewed in files {
        let path = reviewed.file.path.display().to_string();
        for finding in &reviewed.review.findings {
            counts[finding.severity as usize] += 1;
            let report = [level(finding.severity)
                .primary_title(&*finding.message)
                .id(finding.rule)
                .element(
                    Snippet::source(reviewed.file.text.as_str())
                        .path(path.as_str())
                        .annotation(AnnotationKind::Primary.span(finding.range.clone())),
                )];
            out.push_str(&renderer.render(&report));
            out.push_str("\n\n");
        }
    }
    let total: usize = counts.iter().sum();
    out.push_str(&format!(
        "{total} finding{} ({} error, {} warning, {} info, {} hint) in {} file{}",
        if total == 1 { "" } else { "s" },
        counts[Severity::Error as usize],
        counts[Severity::Warning as usize],
        counts[Severity::Info as usize],
        counts[Severity::Hint as usize],
        files.len(),
        if files.len() == 1 { "" } else { "s" },
    ));
    out
}

fn finding_json(text: &str, f: &Finding) -> Value {
    let (line, column) = line_col(text, f.range.start);
    let (end_line, end_column) = line_col(text, f.range.end);
    json!({
        "rule": f.rule,
        "severity": f.severity.name(),
        "message": &*f.message,
        "text": text.get(f.range.clone()).unwrap_or(""),
        "start": { "line": line, "column": column, "byte": f.range.start },
        "end": { "line": end_line, "column": end_column, "byte": f.range.end },
    })
}

fn json_report(files: &[ReviewedFile], portfolio: Option<Value>) -> Value {
    let files: Vec<Value> = files
        .iter()
        .map(|r| {
            json!({
                "path": r.file.path.display().to_string(),
                "case_studies": r.review.prose.studies.iter().map(|s| json!({
                    "title": s.title,
                    "start": line_col(&r.file.text, s.range.start).0,
                })).collect::<Vec<_>>(),
                "findings": r.review.findings.iter().map(|f| finding_json(&r.file.text, f)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let mut report = json!({ "version": 1, "tool": "casebook", "files": files });
    if let Some(portfolio) = portfolio {
        report["portfolio"] = portfolio;
    }
    report
}

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

fn sarif(files: &[ReviewedFile]) -> Value {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": r.id,
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": r.doc.what },
                "help": { "text": r.doc.why, "markdown": r.markdown() },
                "defaultConfiguration": { "level": sarif_level(r.severity) },
            })
        })
        .collect();
    let mut results = Vec::new();
    for reviewed in files {
        let text = &reviewed.file.text;
        let uri = reviewed
            .file
            .path
            .to_string_lossy()
            .trim_start_matches("./")
            .replace('\\', "/");
        for f in &reviewed.review.findings {
            let (start_line, start_column) = line_col(text, f.range.start);
            let (end_line, end_column) = line_col(text, f.range.end);
            let index = RULES.iter().position(|r| r.id == f.rule).unwrap_or(0);
            results.push(json!({
                "ruleId": f.rule,
                "ruleIndex": index,
                "level": sarif_level(f.severity),
                "message": { "text": &*f.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri },
                        "region": {
                            "startLine": start_line, "startColumn": start_column,
                            "endLine": end_line, "endColumn": end_column,
                        }
                    }
                }],
            }));
        }
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "casebook",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/casebook/casebook",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    })
}

#[cfg(test)]
mod tests {
    use super::line_col;

    #[test]
    fn line_col_counts_characters_and_all_line_ends() {
        assert_eq!(line_col("ab\ncd", 4), (2, 2));
        assert_eq!(line_col("ab\r\ncd", 5), (2, 2));
        assert_eq!(line_col("a\rb", 2), (2, 1));
        assert_eq!(line_col("😀x", 4), (1, 2));
    }
}
