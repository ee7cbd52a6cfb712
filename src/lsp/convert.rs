//! Byte ranges ↔ LSP positions, and core findings, hovers and actions ↔ LSP types.

use crate::document::position::{offset_of, position_of};
use crate::document::{Encoding, LineCol};
use crate::rules::{Finding, Severity};
use ropey::Rope;
use std::ops::Range;
use tower_lsp_server::ls_types::{self as lsp, DiagnosticSeverity, NumberOrString};

pub fn line_col(pos: lsp::Position) -> LineCol {
    LineCol {
        line: pos.line,
        col: pos.character,
    }
}

pub fn offset(rope: &Rope, pos: lsp::Position, encoding: Encoding) -> usize {
    offset_of(rope, line_col(pos), encoding)
}

pub fn offsets(rope: &Rope, range: lsp::Range, encoding: Encoding) -> Range<usize> {
    let start = offset(rope, range.start, encoding);
    let end = offset(rope, range.end, encoding);
    start.min(end)..end.max(start)
}

pub fn position(rope: &Rope, offset: usize, encoding: Encoding) -> lsp::Position {
    let lc = position_of(rope, offset, encoding);
    lsp::Position::new(lc.line, lc.col)
}

pub fn range(rope: &Rope, range: &Range<usize>, encoding: Encoding) -> lsp::Range {
    lsp::Range::new(
        position(rope, range.start, encoding),
        position(rope, range.end, encoding),
    )
}

pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

pub fn diagnostic(rope: &Rope, finding: &Finding, encoding: Encoding) -> lsp::Diagnostic {
    lsp::Diagnostic {
        range: range(rope, &finding.range, encoding),
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(finding.rule.to_string())),
        source: Some("casebook".into()),
        message: finding.message.to_string(),
        ..Default::default()
    }
}
