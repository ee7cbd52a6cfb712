//! The server's portfolio features: the background workspace index with `$/progress`, portfolio
//! findings on open documents, code lenses (scorecards), the outline (document symbols, folding ranges)
//! and workspace symbols.

use super::{guarded, lock, Backend, OpenDocument, State};
use crate::document::{ChangeReader, Encoding, LineCol};
use crate::hover::Scorecard;
use crate::lsp::convert;
use crate::lsp::workspace::{list_files, read_file, Workspace};
use crate::outline::{self, ItemKind, OutlineItem};
use crate::portfolio::config::{is_markdown, PortfolioConfig};
use crate::portfolio::{file_title, lens_title, scorecard_text, FileSummary};
use crate::review::Reviewer;
use crate::rules::config::RuleConfig;
use crate::rules::Finding;
use ropey::Rope;
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::mpsc;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

/// The command a scorecard lens runs: shows the case study's full scorecard.
pub const SHOW_SCORECARD: &str = "casebook.showScorecard";

fn path_of(uri: &Uri) -> Option<PathBuf> {
    uri.to_file_path().map(|p| p.into_owned())
}

fn name_of(uri: &Uri) -> String {
    path_of(uri)
        .map(|p| file_title(&p))
        .unwrap_or_else(|| "untitled".into())
}

/// Updates the workspace from an open document just reviewed; returns the files whose portfolio
/// findings changed. Cheap: a scorecard per case study, then the portfolio rules on the summaries.
pub(super) fn track_open(
    workspace: &mut Workspace,
    rules: &RuleConfig,
    uri: &Uri,
    doc: &mut OpenDocument,
) -> Vec<PathBuf> {
    let Some(path) = path_of(uri) else {
        return Vec::new();
    };
    if !workspace.admits(&path) {
        return Vec::new();
    }
    let name = file_title(&path);
    let last = workspace.open.get(&path).cloned();
    let changes = doc.document.take_changes(ChangeReader::Portfolio);
    let summary = guarded("portfolio summary", || {
        FileSummary::of_after(&doc.review, &doc.document, &name, last.as_deref(), changes)
    })
    .unwrap_or_default();
    workspace.set_open(path, Arc::new(summary), rules)
}

/// The portfolio findings of an open document, as diagnostics.
/// The portfolio rules' findings on the file at `uri`.
pub(super) fn portfolio_findings(state: &State, uri: &Uri) -> Vec<Finding> {
    let mut findings = Vec::new();
    place_portfolio_findings(state, uri, &mut findings);
    findings
}

/// [`portfolio_findings`] into `out`, emptied first.
pub(super) fn place_portfolio_findings(state: &State, uri: &Uri, out: &mut Vec<Finding>) {
    match path_of(uri) {
        Some(path) => state.workspace.place_findings(&path, out),
        None => out.clear(),
    }
}

pub(super) fn portfolio_diagnostics(
    state: &State,
    uri: &Uri,
    rope: &Rope,
) -> impl Iterator<Item = Diagnostic> {
    let encoding = state.encoding;
    let rope = rope.clone();
    portfolio_findings(state, uri)
        .into_iter()
        .map(move |f| convert::diagnostic(&rope, &f, encoding))
}

/// Summarises the files at `paths` from disk (those that are not open and belong to the portfolio),
/// then runs the portfolio rules again. Blocking: call it from `spawn_blocking`.
fn reread(state: &Mutex<State>, paths: Vec<PathBuf>) -> Vec<PathBuf> {
    let rules = {
        let state = lock(state);
        state.config.clone()
    };
    let mut reviewer = Reviewer::default();
    let mut read = Vec::new();
    for path in paths {
        let summary = read_file(&mut reviewer, &path, &rules);
        read.push((path, summary));
    }
    let mut state = lock(state);
    let State {
        workspace, config, ..
    } = &mut *state;
    for (path, summary) in read {
        match summary {
            Some(s) if workspace.admits(&path) => {
                workspace.disk.insert(path, Arc::new(s));
            }
            _ => {
                workspace.disk.remove(&path);
            }
        }
    }
    workspace.recheck(config)
}

/// Walks and reads the workspace. Blocking: runs in `spawn_blocking`. Sends (done, total) now and then.
fn index(
    state: &Mutex<State>,
    root: &Path,
    config: &PortfolioConfig,
    rules: &RuleConfig,
    generation: u64,
    progress: &mpsc::UnboundedSender<(usize, usize)>,
) -> Option<(usize, bool)> {
    let current = || lock(state).workspace.generation == generation;
    let (files, capped) = list_files(root, config);
    let total = files.len();
    let _ = progress.send((0, total));
    let mut reviewer = Reviewer::default();
    let mut disk = BTreeMap::new();
    let mut reported = Instant::now();
    for (n, path) in files.iter().enumerate() {
        if let Some(summary) = read_file(&mut reviewer, path, rules) {
            disk.insert(path.clone(), Arc::new(summary));
        }
        if reported.elapsed() > Duration::from_millis(100) {
            if !current() {
                return None;
            }
            let _ = progress.send((n + 1, total));
            reported = Instant::now();
        }
    }
    let mut state = lock(state);
    if state.workspace.generation != generation {
        return None;
    }
    state.workspace.disk = disk;
    Some((total, capped))
}

fn symbol_kind(kind: ItemKind) -> SymbolKind {
    match kind {
        ItemKind::CaseStudy => SymbolKind::NAMESPACE,
        ItemKind::Section => SymbolKind::STRING,
        ItemKind::Part => SymbolKind::FIELD,
    }
}

#[allow(deprecated)] // `DocumentSymbol::deprecated` must be written out
fn document_symbol(item: &OutlineItem, rope: &Rope, encoding: Encoding) -> DocumentSymbol {
    DocumentSymbol {
        name: if item.name.trim().is_empty() {
            "(untitled)".into()
        } else {
            item.name.clone()
        },
        detail: item.detail.clone(),
        kind: symbol_kind(item.kind),
        tags: None,
        deprecated: None,
        range: convert::range(rope, &item.range, encoding),
        selection_range: convert::range(rope, &item.selection, encoding),
        children: Some(
            item.children
                .iter()
                .map(|c| document_symbol(c, rope, encoding))
                .collect(),
        ),
    }
}

/// Whether every character of `query` appears in `name`, in order, ignoring case.
fn matches_query(name: &str, query: &str) -> bool {
    let mut name = name.chars().flat_map(char::to_lowercase);
    query
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|c| !c.is_whitespace())
        .all(|q| name.any(|c| c == q))
}

fn lsp_range((start, end): (LineCol, LineCol)) -> Range {
    Range::new(
        Position::new(start.line, start.col),
        Position::new(end.line, end.col),
    )
}

impl Backend {
    /// Sends diagnostics again for the open documents among `paths`.
    pub(super) fn publish_paths(&self, paths: &[PathBuf]) {
        publish_paths(&self.state, &self.client, &self.publish, paths);
    }

    /// Starts (or restarts) indexing the workspace in the background. Returns at once.
    pub(super) fn start_index(&self) {
        let (root, config, rules, generation, report) = {
            let mut state = self.state();
            let Some(root) = state.workspace.root.clone() else {
                return;
            };
            state.workspace.generation += 1;
            (
                root,
                state.workspace.config.clone(),
                state.config.clone(),
                state.workspace.generation,
                state.work_done_progress,
            )
        };
        let client = self.client.clone();
        let shared = self.state.clone();
        let publish = self.publish.clone();
        tokio::spawn(async move {
            let (tx, mut rx) = mpsc::unbounded_channel();
            let walk_state = shared.clone();
            let walker = tokio::task::spawn_blocking(move || {
                index(&walk_state, &root, &config, &rules, generation, &tx)
            });
            let token = NumberOrString::String(format!("casebook-index-{generation}"));
            let ongoing = if report
                && client
                    .create_work_done_progress(token.clone())
                    .await
                    .is_ok()
            {
                Some(
                    client
                        .progress(token, "Casebook")
                        .with_message("Indexing case studies")
                        .with_percentage(0)
                        .begin()
                        .await,
                )
            } else {
                None
            };
            while let Some((done, total)) = rx.recv().await {
                if let Some(p) = &ongoing {
                    let percent = (done * 100).checked_div(total).unwrap_or(100) as u32;
                    p.report_with_message(format!("{done}/{total} markdown files"), percent)
                        .await;
                }
            }
            let outcome = walker.await.ok().flatten();
            // The portfolio rules run before the progress ends: a client that waits for the end sees
            // them on the documents it opens from then on.
            let changed = outcome.and_then(|_| {
                let mut state = lock(&shared);
                if state.workspace.generation != generation {
                    return None;
                }
                state.workspace.ready = true;
                let State {
                    workspace, config, ..
                } = &mut *state;
                Some(workspace.recheck(config))
            });
            if let Some(changed) = &changed {
                publish_paths(&shared, &client, &publish, changed);
            }
            let message = match outcome {
                Some((n, false)) => format!("Indexed {n} markdown files"),
                Some((n, true)) => format!(
                    "Indexed the first {n} markdown files (at most {} are read)",
                    crate::lsp::workspace::MAX_FILES
                ),
                None => "Indexing stopped".to_string(),
            };
            if let Some(p) = ongoing {
                p.finish_with_message(message).await;
            }
        });
    }

    /// `workspace/didChangeWatchedFiles` for markdown files: read what changed from disk (open
    /// documents win), forget what was deleted.
    pub(super) async fn markdown_files_changed(&self, changes: &[FileEvent]) {
        let paths: Vec<PathBuf> = {
            let state = self.state();
            let open: HashSet<PathBuf> = state.documents.keys().filter_map(path_of).collect();
            changes
                .iter()
                .filter_map(|c| path_of(&c.uri))
                .filter(|p| is_markdown(p) && !open.contains(p))
                .collect()
        };
        if paths.is_empty() {
            return;
        }
        let shared = self.state.clone();
        let changed = tokio::task::spawn_blocking(move || reread(&shared, paths))
            .await
            .unwrap_or_default();
        self.publish_paths(&changed);
    }

    /// A document was closed: its unsaved text no longer counts; the file on disk does.
    pub(super) async fn closed(&self, uri: &Uri) {
        let Some(path) = path_of(uri) else { return };
        let admitted = {
            let mut state = self.state();
            state.workspace.open.remove(&path);
            state.workspace.admits(&path)
        };
        if !admitted {
            return;
        }
        let shared = self.state.clone();
        let changed = tokio::task::spawn_blocking(move || reread(&shared, vec![path]))
            .await
            .unwrap_or_default();
        self.publish_paths(&changed);
    }

    /// Restarts the index when the `[portfolio]` section changed.
    pub(super) fn set_portfolio_config(&self, config: PortfolioConfig) {
        let restart = {
            let mut state = self.state();
            if state.workspace.config == config {
                false
            } else {
                state.workspace.config = config;
                state.workspace.generation > 0
            }
        };
        if restart {
            self.start_index();
        }
    }

    pub(super) fn code_lenses(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        let state = self.state();
        let uri = params.text_document.uri;
        let Some(doc) = state.documents.get(&uri) else {
            return Ok(None);
        };
        let encoding = state.encoding;
        let name = name_of(&uri);
        guarded("code lens", || {
            let rope = doc.document.rope();
            let lenses = doc
                .review
                .prose
                .studies
                .iter()
                .enumerate()
                .map(|(i, study)| {
                    let mut card = Scorecard::of(&doc.review, study);
                    if card.title.is_empty() {
                        card.title = name.clone();
                    }
                    CodeLens {
                        range: convert::range(rope, &study.anchor, encoding),
                        command: Some(Command {
                            title: lens_title(&card),
                            command: SHOW_SCORECARD.into(),
                            arguments: Some(vec![json!(uri.as_str()), json!(i)]),
                        }),
                        data: None,
                    }
                })
                .collect();
            Some(lenses)
        })
    }

    /// `casebook.showScorecard [uri, study index]`: shows the full scorecard and returns its text.
    pub(super) async fn show_scorecard(&self, arguments: &[Value]) -> Result<Option<Value>> {
        let text = {
            let state = self.state();
            let uri = arguments
                .first()
                .and_then(Value::as_str)
                .and_then(|s| s.parse::<Uri>().ok());
            let index = arguments.get(1).and_then(Value::as_u64).unwrap_or(0) as usize;
            uri.and_then(|uri| {
                let doc = state.documents.get(&uri)?;
                let study = doc.review.prose.studies.get(index)?;
                let mut card = Scorecard::of(&doc.review, study);
                if card.title.is_empty() {
                    card.title = name_of(&uri);
                }
                Some(scorecard_text(&card))
            })
        };
        let Some(text) = text else {
            return Ok(None);
        };
        self.client
            .show_message(MessageType::INFO, text.clone())
            .await;
        Ok(Some(Value::String(text)))
    }

    pub(super) fn document_symbols(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let state = self.state();
        let uri = params.text_document.uri;
        let Some(doc) = state.documents.get(&uri) else {
            return Ok(None);
        };
        let encoding = state.encoding;
        let name = name_of(&uri);
        guarded("document symbols", || {
            let rope = doc.document.rope();
            let items = outline::outline(&doc.review, &doc.document, &name);
            Some(DocumentSymbolResponse::Nested(
                items
                    .iter()
                    .map(|i| document_symbol(i, rope, encoding))
                    .collect(),
            ))
        })
    }

    pub(super) fn folding_ranges(
        &self,
        params: FoldingRangeParams,
    ) -> Result<Option<Vec<FoldingRange>>> {
        let state = self.state();
        let uri = params.text_document.uri;
        let Some(doc) = state.documents.get(&uri) else {
            return Ok(None);
        };
        guarded("folding ranges", || {
            let rope = doc.document.rope();
            let line = |offset: usize| rope.byte_to_line(offset.min(rope.len_bytes())) as u32;
            let items = outline::outline(&doc.review, &doc.document, "");
            let ranges = outline::folding(&items)
                .into_iter()
                .map(|r| (line(r.start), line(r.end)))
                .filter(|(start, end)| end > start)
                .map(|(start_line, end_line)| FoldingRange {
                    start_line,
                    end_line,
                    kind: Some(FoldingRangeKind::Region),
                    ..Default::default()
                })
                .collect();
            Some(ranges)
        })
    }

    pub(super) fn workspace_symbols(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<WorkspaceSymbolResponse>> {
        let state = self.state();
        let root = state.workspace.root.clone();
        let encoding = state.encoding;
        let query = params.query;
        let portfolio = state.workspace.portfolio();
        drop(state);
        #[allow(deprecated)] // `SymbolInformation::deprecated` must be written out
        let symbols: Vec<SymbolInformation> = portfolio
            .studies()
            .filter(|s| matches_query(&s.summary.card.title, &query))
            .filter_map(|s| {
                let uri = Uri::from_file_path(s.file)?;
                let container = root
                    .as_deref()
                    .and_then(|r| s.file.strip_prefix(r).ok())
                    .unwrap_or(s.file)
                    .display()
                    .to_string();
                Some(SymbolInformation {
                    name: s.summary.card.title.clone(),
                    kind: SymbolKind::NAMESPACE,
                    tags: None,
                    deprecated: None,
                    location: Location {
                        uri,
                        range: lsp_range(match encoding {
                            Encoding::Utf8 => s.anchor.utf8,
                            Encoding::Utf16 => s.anchor.utf16,
                        }),
                    },
                    container_name: Some(container),
                })
            })
            .collect();
        Ok(Some(WorkspaceSymbolResponse::Flat(symbols)))
    }
}

/// Publishes (or, with pull diagnostics, asks the client to pull) the open documents among `paths`.
fn publish_paths(
    state: &Mutex<State>,
    client: &tower_lsp_server::Client,
    publish: &mpsc::UnboundedSender<Uri>,
    paths: &[PathBuf],
) {
    if paths.is_empty() {
        return;
    }
    let (pull, uris): (bool, Vec<Uri>) = {
        let state = lock(state);
        let uris = state
            .documents
            .keys()
            .filter(|u| path_of(u).is_some_and(|p| paths.contains(&p)))
            .cloned()
            .collect();
        (state.pull_diagnostics, uris)
    };
    if uris.is_empty() {
        return;
    }
    if pull {
        let client = client.clone();
        tokio::spawn(async move {
            let _ = client.workspace_diagnostic_refresh().await;
        });
    } else {
        for uri in uris {
            let _ = publish.send(uri);
        }
    }
}
