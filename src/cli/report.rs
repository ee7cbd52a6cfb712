//! The portfolio in the command line: the portfolio findings and summary of `check DIR`, and
//! `casebook report`, one self-contained HTML page (inline CSS, no scripts, no network) with a principle ×
//! case-study heatmap, every case study's scorecard and the findings.

use super::output::{line_col, ReviewedFile};
use crate::analysis::principles::Principle;
use crate::document::Document;
use crate::portfolio::config::PortfolioConfig;
use crate::portfolio::{
    file_title, lens_title, minutes, Anchor, FileSummary, Portfolio, PortfolioFinding, StudySummary,
};
use crate::rules::config::RuleConfig;
use crate::rules::Severity;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Reads the `[portfolio]` section of the configuration file `check` uses, reporting its problems.
pub fn load_portfolio_config(path: Option<&Path>) -> PortfolioConfig {
    let path = path.unwrap_or(Path::new("casebook.toml"));
    let Ok(source) = std::fs::read_to_string(path) else {
        return PortfolioConfig::default();
    };
    let (config, problems) = PortfolioConfig::from_toml(&source);
    super::report_config_problems(path, &source, &problems);
    config
}

/// The path of `file` relative to the folder it was found under (one of `roots`), if any.
fn relative<'a>(file: &'a Path, roots: &[PathBuf]) -> Option<&'a Path> {
    roots
        .iter()
        .filter(|r| r.is_dir())
        .find_map(|r| file.strip_prefix(r).ok())
}

/// The portfolio of the files reviewed from the folders among `roots` (files named on their own are
/// not part of it), filtered by the `[portfolio]` globs. `None` when no folder was named.
pub fn portfolio(
    files: &[ReviewedFile],
    roots: &[PathBuf],
    config: &PortfolioConfig,
) -> Option<Portfolio> {
    if !roots.iter().any(|r| r.is_dir()) {
        return None;
    }
    let mut portfolio = Portfolio::default();
    for reviewed in files {
        let path = &reviewed.file.path;
        let Some(rel) = relative(path, roots) else {
            continue;
        };
        if !config.admits(rel) {
            continue;
        }
        let doc = Document::new(&reviewed.file.text);
        let summary = FileSummary::of(&reviewed.review, &doc, &file_title(path));
        portfolio.files.insert(path.clone(), Arc::new(summary));
    }
    Some(portfolio)
}

/// Adds the portfolio findings to the files they are about.
pub fn add_findings(files: &mut [ReviewedFile], findings: &[PortfolioFinding]) {
    for reviewed in files.iter_mut() {
        let mine = findings.iter().filter(|f| f.file == reviewed.file.path);
        let all = &mut reviewed.review.findings;
        all.extend(mine.map(|f| f.finding.clone()));
        all.sort_by(|a, b| {
            (a.range.start, a.range.end, a.rule).cmp(&(b.range.start, b.range.end, b.rule))
        });
    }
}

fn round(score: f32) -> f64 {
    (f64::from(score) * 100.0).round() / 100.0
}

fn study_json(path: &Path, s: &StudySummary, anchor: &Anchor) -> Value {
    let card = &s.card;
    json!({
        "path": display_path(path),
        "title": card.title,
        "line": anchor.line() + 1,
        "principles": card.principles.iter().map(|(p, score)| json!({ "name": p.name(), "score": round(*score) })).collect::<Vec<_>>(),
        "parts": {
            "count": card.parts_present(),
            "present": card.parts.iter().filter(|(_, has)| *has).map(|(p, _)| p.name()).collect::<Vec<_>>(),
            "missing": card.parts.iter().filter(|(_, has)| !*has).map(|(p, _)| p.name()).collect::<Vec<_>>(),
        },
        "metrics": card.metrics,
        "words": card.words,
        "minutes": minutes(card),
        "findings": card.findings,
    })
}

/// The `portfolio` object of `check --format json`.
pub fn summary_json(portfolio: &Portfolio, findings: &[PortfolioFinding]) -> Value {
    let studies: Vec<Value> = portfolio
        .studies()
        .map(|s| study_json(s.file, s.summary, s.anchor))
        .collect();
    let shown: BTreeSet<Principle> = portfolio
        .studies()
        .flat_map(|s| s.summary.top_set())
        .collect();
    json!({
        "case_studies": studies,
        "principles": shown.iter().map(|p| p.name()).collect::<Vec<_>>(),
        "findings": findings.iter().map(|f| json!({
            "path": display_path(&f.file),
            "rule": f.finding.rule,
            "severity": f.finding.severity.name(),
            "message": &*f.finding.message,
        })).collect::<Vec<_>>(),
    })
}

/// A path as the user wrote it, without a leading `./`.
fn display_path(path: &Path) -> String {
    let text = path.display().to_string();
    text.strip_prefix("./").map(str::to_string).unwrap_or(text)
}

fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root { --ink: #1d2733; --muted: #5b6877; --line: #d5dbe2; --good: #1e7b4f; --bad: #b3261e; --warn: #9a5b00; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0; background: #f6f8fa; }
main { max-width: 1200px; margin: 0 auto; padding: 24px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 28px 0 10px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
.lede { color: var(--muted); margin: 0 0 16px; }
.stats { display: flex; flex-wrap: wrap; gap: 12px; }
.stat { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; min-width: 150px; }
.stat b { display: block; font-size: 24px; }
.stat.ok b { color: var(--good); } .stat.low b { color: var(--bad); }
table.heat { border-collapse: collapse; background: #fff; width: 100%; table-layout: fixed; }
.heat th, .heat td { border: 1px solid var(--line); padding: 5px 6px; text-align: center; font-size: 13px; }
.heat thead th { vertical-align: bottom; font-weight: 600; word-wrap: break-word; }
.heat th.principle { text-align: left; width: 250px; font-weight: 500; }
.heat th.count { width: 70px; }
.heat tr.uncovered th.principle { color: var(--muted); }
.heat td.top { font-weight: 700; outline: 2px solid #0b2545; outline-offset: -3px; }
.heat td.zero { color: #aab4bf; }
.legend { color: var(--muted); font-size: 13px; margin: 6px 0 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 14px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; break-inside: avoid; page-break-inside: avoid; }
.card h3 { margin: 0; font-size: 17px; }
.card .where { color: var(--muted); font-size: 12px; margin-bottom: 8px; }
.card .lens { font-size: 13px; color: var(--muted); margin: 4px 0 8px; }
.parts { display: flex; flex-wrap: wrap; gap: 4px; margin: 6px 0; padding: 0; list-style: none; }
.parts li { font-size: 12px; border-radius: 10px; padding: 1px 8px; border: 1px solid; }
.parts li.has { color: var(--good); border-color: var(--good); background: #e8f5ee; }
.parts li.missing { color: var(--bad); border-color: var(--bad); background: #fdeceb; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 6px 0 0; font-size: 13px; }
dt { color: var(--muted); }
dd { margin: 0; }
table.findings { border-collapse: collapse; width: 100%; background: #fff; font-size: 13px; }
.findings th, .findings td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
.sev { font-weight: 600; text-transform: uppercase; font-size: 11px; }
.sev.error { color: var(--bad); } .sev.warning { color: var(--warn); } .sev.info, .sev.hint { color: var(--muted); }
code { font-size: 12px; background: #eef1f4; padding: 0 4px; border-radius: 3px; }
footer { color: var(--muted); font-size: 12px; margin-top: 28px; }
@media print {
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .stat, .card, table.heat, table.findings { border-color: #999; }
  h2 { break-after: avoid; page-break-after: avoid; }
  table.heat, .card, tr { break-inside: avoid; page-break-inside: avoid; }
  .cards { grid-template-columns: 1fr 1fr; }
  @page { margin: 14mm; }
}
"#;

/// A cell's background for a score, from white (0) to deep blue (the portfolio's highest score).
fn shade(score: f32, max: f32) -> (String, &'static str) {
    if score <= 0.0 || max <= 0.0 {
        return ("#ffffff".into(), "#aab4bf");
    }
    let t = (score / max).clamp(0.0, 1.0);
    let lightness = 94.0 - t * 62.0;
    let ink = if lightness < 58.0 {
        "#ffffff"
    } else {
        "#0b2545"
    };
    (format!("hsl(212, 65%, {lightness:.0}%)"), ink)
}

/// The HTML report of a portfolio; `files` gives every reviewed file's findings.
pub fn html(
    portfolio: &Portfolio,
    files: &[ReviewedFile],
    findings: &[PortfolioFinding],
    config: &PortfolioConfig,
    title: &str,
) -> String {
    let studies: Vec<_> = portfolio.studies().collect();
    let shown: BTreeSet<Principle> = studies.iter().flat_map(|s| s.summary.top_set()).collect();
    let total_findings: usize = files.iter().map(|f| f.review.findings.len()).sum();
    let max = studies
        .iter()
        .flat_map(|s| s.summary.all_principles.iter().map(|(_, v)| *v))
        .fold(0.0f32, f32::max);
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Casebook portfolio report — {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        esc(title)
    );
    let _ = write!(
        h,
        "<h1>Casebook portfolio report</h1>\n<p class=\"lede\">{} · the case studies an Amazon PM interview loop will hear, side by side.</p>\n",
        esc(title)
    );
    let count_ok = (3..=4).contains(&studies.len());
    let cover_ok = shown.len() >= config.min_principles;
    let _ = write!(
        h,
        "<section class=\"stats\" id=\"summary\">\n<div class=\"stat {}\"><b>{}</b>case studies (aim for 3–4)</div>\n<div class=\"stat {}\"><b>{}</b>distinct principles shown (aim for {}+)</div>\n<div class=\"stat\"><b>{}</b>portfolio findings</div>\n<div class=\"stat\"><b>{}</b>findings in all</div>\n</section>\n",
        if count_ok { "ok" } else { "low" },
        studies.len(),
        if cover_ok { "ok" } else { "low" },
        shown.len(),
        config.min_principles,
        findings.len(),
        total_findings,
    );

    // The heatmap: principles down, case studies across.
    h.push_str("<h2>Leadership Principles × case studies</h2>\n<table class=\"heat\" id=\"heatmap\">\n<thead><tr><th class=\"principle\">Principle</th>");
    for s in &studies {
        let _ = write!(h, "<th scope=\"col\">{}</th>", esc(&s.summary.card.title));
    }
    h.push_str("<th class=\"count\" scope=\"col\">Top in</th></tr></thead>\n<tbody>\n");
    for principle in Principle::ALL {
        let top_in = studies
            .iter()
            .filter(|s| s.summary.top_set().contains(&principle))
            .count();
        let _ = write!(
            h,
            "<tr class=\"{}\"><th class=\"principle\" scope=\"row\">{}</th>",
            if top_in > 0 { "covered" } else { "uncovered" },
            esc(principle.name())
        );
        for s in &studies {
            let score = s
                .summary
                .all_principles
                .iter()
                .find(|(p, _)| *p == principle)
                .map_or(0.0, |(_, v)| *v);
            let top = s.summary.top_set().contains(&principle);
            let (bg, ink) = shade(score, max);
            let class = match (top, score > 0.0) {
                (true, _) => " class=\"top\"",
                (false, false) => " class=\"zero\"",
                _ => "",
            };
            let label = if score > 0.0 {
                format!("{score:.1}")
            } else {
                "·".into()
            };
            let _ = write!(
                h,
                "<td{class} style=\"background:{bg};color:{ink}\" title=\"{}: {}\">{label}</td>",
                esc(&s.summary.card.title),
                esc(principle.name())
            );
        }
        let _ = writeln!(h, "<td>{top_in}</td></tr>");
    }
    h.push_str("</tbody></table>\n<p class=\"legend\">Darker cells: stronger evidence (summed over the story's sentences). Outlined, bold cells: the story's top principles (up to three), the ones <code>principle-overlap</code> and <code>thin-coverage</code> count. A dot: no evidence.</p>\n");

    // Scorecards.
    h.push_str("<h2>Scorecards</h2>\n<section class=\"cards\" id=\"scorecards\">\n");
    for s in &studies {
        let card = &s.summary.card;
        let _ = write!(
            h,
            "<article class=\"card\"><h3>{}</h3><div class=\"where\">{}:{}</div><div class=\"lens\">{}</div><ul class=\"parts\">",
            esc(&card.title),
            esc(&display_path(s.file)),
            s.anchor.line() + 1,
            esc(&lens_title(card)),
        );
        for (part, has) in &card.parts {
            let _ = write!(
                h,
                "<li class=\"{}\">{} {}</li>",
                if *has { "has" } else { "missing" },
                if *has { "✓" } else { "✗" },
                part.name()
            );
        }
        let principles = if card.principles.is_empty() {
            "none yet".to_string()
        } else {
            card.principles
                .iter()
                .map(|(p, _)| esc(p.name()))
                .collect::<Vec<_>>()
                .join(" · ")
        };
        let _ = writeln!(
            h,
            "</ul><dl><dt>Principles</dt><dd>{principles}</dd><dt>Metrics</dt><dd>{}</dd><dt>Length</dt><dd>{} words, about {} min told aloud</dd><dt>Findings</dt><dd>{}</dd></dl></article>",
            esc(&card.metrics_line()),
            card.words,
            minutes(card),
            card.findings,
        );
    }
    h.push_str("</section>\n");

    // Findings: the portfolio's first, then every file's.
    h.push_str("<h2>Findings</h2>\n<table class=\"findings\" id=\"findings\">\n<thead><tr><th>Severity</th><th>Rule</th><th>Where</th><th>What an interviewer will mark down</th></tr></thead>\n<tbody>\n");
    let mut rows: Vec<(bool, Severity, String, &str, String)> = Vec::new();
    for reviewed in files {
        let text = &reviewed.file.text;
        for f in &reviewed.review.findings {
            let is_portfolio = findings
                .iter()
                .any(|p| p.file == reviewed.file.path && p.finding == *f);
            let (line, _) = line_col(text, f.range.start);
            rows.push((
                is_portfolio,
                f.severity,
                format!("{}:{line}", display_path(&reviewed.file.path)),
                f.rule,
                f.message.to_string(),
            ));
        }
    }
    rows.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
    if rows.is_empty() {
        h.push_str("<tr><td colspan=\"4\">No findings.</td></tr>\n");
    }
    for (_, severity, place, rule, message) in rows {
        let _ = writeln!(
            h,
            "<tr><td class=\"sev {0}\">{0}</td><td><code>{1}</code></td><td>{2}</td><td>{3}</td></tr>",
            severity.name(),
            esc(rule),
            esc(&place),
            esc(&message)
        );
    }
    h.push_str("</tbody></table>\n<footer>Made by <code>casebook report</code>. This page is self-contained: it loads nothing from the network.</footer>\n</main>\n</body>\n</html>\n");
    h
}

/// `casebook report`: reviews `path`, writes the page to `output` (`-` for standard output).
pub fn run(
    files: &mut [ReviewedFile],
    path: &Path,
    config: &PortfolioConfig,
    rules: &RuleConfig,
) -> (String, usize) {
    let roots = [path.to_path_buf()];
    let portfolio = match portfolio(files, &roots, config) {
        Some(p) => p,
        None => {
            // A single file: it is the portfolio.
            let mut p = Portfolio::default();
            for reviewed in files.iter() {
                let doc = Document::new(&reviewed.file.text);
                let summary =
                    FileSummary::of(&reviewed.review, &doc, &file_title(&reviewed.file.path));
                p.files
                    .insert(reviewed.file.path.clone(), Arc::new(summary));
            }
            p
        }
    };
    let findings = portfolio.check(config, rules);
    add_findings(files, &findings);
    let title = path
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| path.display().to_string());
    let studies = portfolio.studies().count();
    (html(&portfolio, files, &findings, config, &title), studies)
}
