mod portfolio;

use super::diagnostics::{publish_diagnostics, Published};
use super::output::{self, Output};
use super::workspace::Workspace;
use super::{convert, snippets, transport};
use crate::actions::{self, ActionKind};
use crate::document::{ChangeReader, Document, Encoding};
use crate::hover;
use crate::portfolio::config::PortfolioConfig;
use crate::review::{Review, Reviewer};
use crate::rules::config::{ConfigProblem, RuleConfig};
use crate::rules::Finding;
use ropey::Rope;
use std::collections::{HashMap, HashSet};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use tokio::sync::mpsc;
use tower_lsp_server::jsonrpc::{self, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer, LspService, Server};

const CONFIG_FILE: &str = "casebook.toml";

/// A small story that touches every rule's data, reviewed once at start-up (see [`serve`]).
const WARM_UP: &str = "# Checkout\n\n## Problem\n\nSellers waited 3 days for payouts, and support tickets doubled.\n\n\
- I interviewed 12 sellers and partnered with finance; we considered a rewrite instead of a patch.\n\n\
We improved latency with Kafka. I learned that communication is important. My manager asked me to [baseline].\n";

struct OpenDocument {
    document: Document,
    version: i32,
    reviewer: Reviewer,
    review: Arc<Review>,
}

impl OpenDocument {
    /// Reviews the document again. A panic in the analysis leaves an empty review (and a fresh cache)
    /// rather than a dead server.
    fn refresh(&mut self, config: &RuleConfig) {
        let (reviewer, document) = (&mut self.reviewer, &mut self.document);
        // The last review is handed over, to move over what the edit left alone (nothing else holds it:
        // requests read it under the state's lock).
        let last = Arc::try_unwrap(std::mem::take(&mut self.review)).ok();
        let reviewed = guarded("review", || {
            if !document.is_parsed() {
                Review::default()
            } else {
                reviewer.read_unparsed(document);
                reviewer.review_after(document, config, last)
            }
        });
        self.document.release_trees();
        match reviewed {
            Ok(review) => self.review = Arc::new(review),
            Err(_) => {
                self.reviewer = Reviewer::default();
                self.review = Arc::default();
            }
        }
    }
}

#[derive(Default)]
struct State {
    encoding: Encoding,
    pull_diagnostics: bool,
    root: Option<PathBuf>,
    file_config: RuleConfig,
    settings_config: RuleConfig,
    /// `casebook.toml`'s `[portfolio]` table and the editor's `casebook.portfolio` settings over it.
    file_portfolio: toml::Table,
    settings_portfolio: toml::Table,
    config: RuleConfig,
    documents: HashMap<Uri, OpenDocument>,
    /// Whether the client resolves code actions' edits lazily (`codeAction/resolve`).
    resolve_edits: bool,
    /// Whether the client lets the server create `$/progress` tokens.
    work_done_progress: bool,
    /// Every case study of the workspace (the portfolio), indexed in the background.
    workspace: Workspace,
}

impl State {
    fn reconfigure(&mut self) {
        self.config = self.file_config.overridden_by(&self.settings_config);
        for doc in self.documents.values_mut() {
            doc.refresh(&self.config);
        }
        self.workspace.recheck(&self.config);
    }
}

pub struct Backend {
    client: Client,
    state: Arc<Mutex<State>>,
    publish: mpsc::UnboundedSender<Uri>,
    /// Whether the client accepts snippet edits, as the transport read it from `initialize`.
    snippets: Arc<AtomicBool>,
}

fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    state
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Runs `f`, turning a panic into an error response instead of a dead server.
fn guarded<T>(what: &str, f: impl FnOnce() -> T) -> Result<T> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|panic| {
        let detail = panic
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| panic.downcast_ref::<&str>().copied())
            .unwrap_or("unknown panic");
        eprintln!("casebook: internal error in {what}: {detail}");
        jsonrpc::Error {
            code: jsonrpc::ErrorCode::InternalError,
            message: format!("casebook: internal error in {what}: {detail}").into(),
            data: None,
        }
    })
}

impl Backend {
    fn state(&self) -> MutexGuard<'_, State> {
        lock(&self.state)
    }

    fn request_publish(&self, uri: Uri) {
        let _ = self.publish.send(uri);
    }

    fn config_uri(&self) -> Option<(PathBuf, Uri)> {
        let root = self.state().root.clone()?;
        let path = root.join(CONFIG_FILE);
        let uri = Uri::from_file_path(&path)?;
        Some((path, uri))
    }

    /// Reads `casebook.toml` (if any) and reports its problems on the file itself.
    async fn load_config_file(&self) {
        let Some((path, uri)) = self.config_uri() else {
            return;
        };
        let (config, problems, source) = match std::fs::read_to_string(&path) {
            Ok(source) => {
                let (config, mut problems) = RuleConfig::from_toml(&source);
                // Read whole for its problems (with their places); kept as a table, under the settings.
                let (_, more) = PortfolioConfig::from_toml(&source);
                problems.extend(more);
                self.state().file_portfolio = PortfolioConfig::toml_section(&source).0;
                (config, problems, source)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                self.state().file_portfolio = toml::Table::new();
                (RuleConfig::default(), vec![], String::new())
            }
            Err(e) => (
                RuleConfig::default(),
                vec![ConfigProblem {
                    range: None,
                    message: format!("cannot read {CONFIG_FILE}, so the default rules apply: {e}"),
                    fatal: true,
                }],
                String::new(),
            ),
        };
        self.apply_portfolio_config();
        let encoding = {
            let mut state = self.state();
            state.file_config = config;
            state.reconfigure();
            state.encoding
        };
        let rope = Rope::from_str(&source);
        let diagnostics = problems
            .iter()
            .map(|p| Diagnostic {
                range: convert::range(&rope, &p.range.clone().unwrap_or(0..0), encoding),
                severity: Some(if p.fatal {
                    DiagnosticSeverity::ERROR
                } else {
                    DiagnosticSeverity::WARNING
                }),
                source: Some("casebook".into()),
                message: p.message.clone(),
                ..Default::default()
            })
            .collect();
        self.client
            .publish_diagnostics(uri, diagnostics, None)
            .await;
        self.refresh_all().await;
    }

    async fn load_settings(&self, settings: Option<serde_json::Value>) {
        let settings = match settings {
            Some(s) if !s.is_null() => Some(s),
            _ => self
                .client
                .configuration(vec![ConfigurationItem {
                    scope_uri: None,
                    section: Some("casebook".into()),
                }])
                .await
                .ok()
                .and_then(|mut v| v.pop()),
        };
        let Some(settings) = settings else { return };
        let (config, mut problems) = RuleConfig::from_settings(&settings);
        let (portfolio, more) = PortfolioConfig::settings_section(&settings);
        problems.extend(more);
        self.state().settings_portfolio = portfolio;
        self.apply_portfolio_config();
        for p in problems {
            self.client
                .log_message(
                    MessageType::WARNING,
                    format!("casebook settings: {}", p.message),
                )
                .await;
        }
        {
            let mut state = self.state();
            state.settings_config = config;
            state.reconfigure();
        }
        self.refresh_all().await;
    }

    /// Applies the portfolio configuration of the file and the settings together.
    fn apply_portfolio_config(&self) {
        let config = {
            let state = self.state();
            PortfolioConfig::merged(&state.file_portfolio, &state.settings_portfolio)
        };
        self.set_portfolio_config(config);
    }

    async fn refresh_all(&self) {
        let (pull, uris): (bool, Vec<Uri>) = {
            let state = self.state();
            (
                state.pull_diagnostics,
                state.documents.keys().cloned().collect(),
            )
        };
        if pull {
            // Not awaited here: the client answers when it can, and no handler waits on it.
            let client = self.client.clone();
            tokio::spawn(async move {
                let _ = client.workspace_diagnostic_refresh().await;
            });
        } else {
            for uri in uris {
                self.request_publish(uri);
            }
        }
    }

    async fn malformed(&self, params: serde_json::Value) {
        let reason = params["reason"].as_str().unwrap_or("unreadable message");
        eprintln!("casebook: ignored a malformed message: {reason}");
        self.client
            .log_message(
                MessageType::WARNING,
                format!("casebook ignored a malformed message: {reason}"),
            )
            .await;
    }

    fn diagnostics(state: &State, uri: &Uri) -> Option<(Vec<Diagnostic>, i32)> {
        let doc = state.documents.get(uri)?;
        let rope = doc.document.rope();
        let diagnostics = doc
            .review
            .findings
            .iter()
            .map(|f| convert::diagnostic(rope, f, state.encoding))
            .chain(portfolio::portfolio_diagnostics(state, uri, rope))
            .collect();
        Some((diagnostics, doc.version))
    }
}

/// Sends diagnostics, one document at a time, always from the latest review, written straight to JSON
/// (see [`output`]).
async fn publisher(
    output: Output,
    state: Arc<Mutex<State>>,
    mut queue: mpsc::UnboundedReceiver<Uri>,
) {
    // What was last published for each open document, to write the next publish from.
    let mut published: HashMap<Uri, Published> = HashMap::new();
    // The portfolio's findings on the document being published, kept between publishes.
    let mut portfolio: Vec<Finding> = Vec::new();
    while let Some(first) = queue.recv().await {
        let mut pending = vec![first];
        while let Ok(more) = queue.try_recv() {
            pending.push(more);
        }
        let mut seen = HashSet::new();
        for uri in pending {
            if !seen.insert(uri.clone()) {
                continue;
            }
            // A document no longer open gets its diagnostics cleared — here, in the same task that
            // publishes them, so a clearing can never be overtaken by a late publish.
            // The body (the writer puts the header before it).
            let body = {
                let mut state = lock(&state);
                let changes = state
                    .documents
                    .get_mut(&uri)
                    .map(|doc| doc.document.take_changes(ChangeReader::Publisher));
                let state = &*state;
                match (state.documents.get(&uri), changes) {
                    (Some(doc), Some(changes)) => {
                        portfolio::place_portfolio_findings(state, &uri, &mut portfolio);
                        let lists: [&[Finding]; 2] = [&doc.review.findings, &portfolio];
                        let last = published.entry(uri.clone()).or_default();
                        let body = guarded("publish", || {
                            last.write(
                                uri.as_str(),
                                Some(doc.version),
                                doc.document.rope(),
                                &lists,
                                changes,
                                state.encoding,
                            )
                        });
                        if body.is_err() {
                            // Whatever it kept may be half written: the next publish starts afresh.
                            published.remove(&uri);
                        }
                        body
                    }
                    _ => {
                        published.remove(&uri);
                        Ok(Arc::new(publish_diagnostics(
                            uri.as_str(),
                            None,
                            &Rope::new(),
                            &[],
                            state.encoding,
                        )))
                    }
                }
            };
            if let Ok(body) = body {
                output.send(output::Frame::Body(body));
            }
        }
    }
}

fn is_config_file(uri: &Uri) -> bool {
    uri.path().as_str().ends_with(CONFIG_FILE)
}

fn root_of(params: &InitializeParams) -> Option<PathBuf> {
    let from_folders = params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .and_then(|f| f.uri.to_file_path().map(|p| p.into_owned()));
    #[allow(deprecated)]
    let from_root = params
        .root_uri
        .as_ref()
        .and_then(|u| u.to_file_path().map(|p| p.into_owned()));
    from_folders.or(from_root)
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let offers_utf8 = params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_ref())
            .is_some_and(|e| e.contains(&PositionEncodingKind::UTF8));
        let pull = params
            .capabilities
            .text_document
            .as_ref()
            .is_some_and(|t| t.diagnostic.is_some());
        let resolve_edits = params
            .capabilities
            .text_document
            .as_ref()
            .and_then(|t| t.code_action.as_ref())
            .and_then(|c| c.resolve_support.as_ref())
            .is_some_and(|r| r.properties.iter().any(|p| p == "edit"));
        let work_done_progress = params
            .capabilities
            .window
            .as_ref()
            .and_then(|w| w.work_done_progress)
            .unwrap_or(false);
        {
            let mut state = self.state();
            state.encoding = if offers_utf8 {
                Encoding::Utf8
            } else {
                Encoding::Utf16
            };
            state.pull_diagnostics = pull;
            state.root = root_of(&params);
            state.workspace.root = state.root.clone();
            state.work_done_progress = work_done_progress;
            state.resolve_edits = resolve_edits;
        }
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "casebook".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            capabilities: ServerCapabilities {
                position_encoding: Some(if offers_utf8 {
                    PositionEncodingKind::UTF8
                } else {
                    PositionEncodingKind::UTF16
                }),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        ..Default::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                document_symbol_provider: Some(OneOf::Left(true)),
                folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
                workspace_symbol_provider: Some(OneOf::Left(true)),
                code_lens_provider: Some(CodeLensOptions {
                    resolve_provider: Some(false),
                }),
                execute_command_provider: Some(ExecuteCommandOptions {
                    commands: vec![portfolio::SHOW_SCORECARD.into()],
                    ..Default::default()
                }),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![
                            CodeActionKind::QUICKFIX,
                            CodeActionKind::REFACTOR_REWRITE,
                        ]),
                        resolve_provider: Some(true),
                        ..Default::default()
                    },
                )),
                diagnostic_provider: pull.then(|| {
                    DiagnosticServerCapabilities::Options(DiagnosticOptions {
                        identifier: Some("casebook".into()),
                        inter_file_dependencies: false,
                        workspace_diagnostics: false,
                        ..Default::default()
                    })
                }),
                ..Default::default()
            },
            ..Default::default()
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let watch = Registration {
            id: "casebook-config-watch".into(),
            method: "workspace/didChangeWatchedFiles".into(),
            register_options: serde_json::to_value(DidChangeWatchedFilesRegistrationOptions {
                watchers: vec![
                    FileSystemWatcher {
                        glob_pattern: GlobPattern::String(format!("**/{CONFIG_FILE}")),
                        kind: None,
                    },
                    FileSystemWatcher {
                        glob_pattern: GlobPattern::String("**/*.{md,markdown}".into()),
                        kind: None,
                    },
                ],
            })
            .ok(),
        };
        let _ = self.client.register_capability(vec![watch]).await;
        self.load_config_file().await;
        self.load_settings(None).await;
        self.start_index();
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        let (pull, changed) = {
            let mut state = self.state();
            let mut open = OpenDocument {
                // Cut, not parsed: the review parses each chunk as it reads it and keeps no trees
                // but the edited chunk's (see `refresh`), which is what keeps memory low.
                document: Document::cut(&doc.text),
                version: doc.version,
                reviewer: Reviewer::default(),
                review: Arc::default(),
            };
            open.refresh(&state.config);
            let State {
                workspace, config, ..
            } = &mut *state;
            let changed = portfolio::track_open(workspace, config, &doc.uri, &mut open);
            state.documents.insert(doc.uri.clone(), open);
            (state.pull_diagnostics, changed)
        };
        if !pull {
            self.request_publish(doc.uri);
        }
        self.publish_paths(&changed);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        // No `.await` before the edits are applied: this keeps edits in arrival order.
        let uri = params.text_document.uri;
        let outcome: std::result::Result<(bool, Vec<PathBuf>), String> = {
            let mut state = self.state();
            let State {
                encoding,
                pull_diagnostics: pull,
                config,
                documents,
                workspace,
                ..
            } = &mut *state;
            match documents.get_mut(&uri) {
                None => Err(format!(
                    "didChange for {} which is not open; ignored",
                    uri.as_str()
                )),
                Some(open) => {
                    for change in params.content_changes {
                        let range = change
                            .range
                            .map(|r| (convert::line_col(r.start), convert::line_col(r.end)));
                        open.document.apply_change(range, &change.text, *encoding);
                    }
                    open.version = params.text_document.version;
                    open.refresh(config);
                    let changed = portfolio::track_open(workspace, config, &uri, open);
                    Ok((*pull, changed))
                }
            }
        };
        match outcome {
            Ok((pull, changed)) => {
                if !pull {
                    self.request_publish(uri);
                }
                self.publish_paths(&changed);
            }
            Err(message) => {
                self.client
                    .log_message(MessageType::WARNING, format!("casebook: {message}"))
                    .await;
            }
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        let pull = {
            let mut state = self.state();
            state.documents.remove(&uri);
            state.pull_diagnostics
        };
        if !pull {
            self.request_publish(uri.clone());
        }
        self.closed(&uri).await;
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        self.load_settings(Some(params.settings)).await;
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        if params.changes.iter().any(|c| is_config_file(&c.uri)) {
            self.load_config_file().await;
        }
        self.markdown_files_changed(&params.changes).await;
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        self.document_symbols(params)
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        self.folding_ranges(params)
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<WorkspaceSymbolResponse>> {
        self.workspace_symbols(params)
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        self.code_lenses(params)
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<LSPAny>> {
        if params.command == portfolio::SHOW_SCORECARD {
            self.show_scorecard(&params.arguments).await
        } else {
            Err(jsonrpc::Error::invalid_params(format!(
                "unknown command {}",
                params.command
            )))
        }
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        let state = self.state();
        let (items, version) =
            Backend::diagnostics(&state, &params.text_document.uri).unwrap_or_default();
        Ok(DocumentDiagnosticReportResult::Report(
            DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport {
                    result_id: Some(version.to_string()),
                    items,
                },
            }),
        ))
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let state = self.state();
        let position = params.text_document_position_params;
        let Some(doc) = state.documents.get(&position.text_document.uri) else {
            return Ok(None);
        };
        let encoding = state.encoding;
        guarded("hover", || {
            let rope = doc.document.rope();
            let offset = convert::offset(rope, position.position, encoding);
            hover::hover(&doc.review, offset).map(|h| Hover {
                contents: HoverContents::Markup(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value: h.markdown,
                }),
                range: Some(convert::range(rope, &h.range, encoding)),
            })
        })
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let offered = self.offer_actions(params, false)?;
        Ok(offered.map(|offered| {
            offered
                .into_iter()
                .map(|o| CodeActionOrCommand::CodeAction(o.action))
                .collect()
        }))
    }

    async fn code_action_resolve(&self, unresolved: CodeAction) -> Result<CodeAction> {
        let resolved = self.resolve_action(unresolved.data.unwrap_or_default(), false)?;
        Ok(resolved.action)
    }
}

/// One code action as sent: typed, and for a client that accepts snippet edits, the edits to write with
/// tab stops in place of the typed edit (which cannot express them).
struct Offered {
    action: CodeAction,
    snippet_edits: Option<SnippetEdits>,
}

/// A document's edits, in LSP ranges, for [`snippets::workspace_edit`]. Written only once the state is
/// unlocked: finding a template's slots reads its prose.
struct SnippetEdits {
    uri: Uri,
    version: i32,
    edits: Vec<(Range, String)>,
}

impl Offered {
    fn into_json(self) -> Result<serde_json::Value> {
        let snippet_edit = match &self.snippet_edits {
            Some(SnippetEdits {
                uri,
                version,
                edits,
            }) => guarded("code action snippets", || {
                let edits = edits.iter().map(|(range, text)| (*range, text.as_str()));
                snippets::workspace_edit(uri, *version, edits)
            })?,
            None => None,
        };
        let mut value = serde_json::to_value(self.action).map_err(|e| jsonrpc::Error {
            code: jsonrpc::ErrorCode::InternalError,
            message: format!("casebook: cannot write a code action: {e}").into(),
            data: None,
        })?;
        if let Some(edit) = snippet_edit {
            value["edit"] = edit;
        }
        Ok(value)
    }
}

/// Code actions, shared by the standard handlers and those the transport routes a client that accepts
/// snippet edits to: they differ only in how an edit is written.
impl Backend {
    fn offer_actions(
        &self,
        params: CodeActionParams,
        with_snippets: bool,
    ) -> Result<Option<Vec<Offered>>> {
        let state = self.state();
        let uri = params.text_document.uri;
        let Some(doc) = state.documents.get(&uri) else {
            return Ok(None);
        };
        let (encoding, deferred) = (state.encoding, state.resolve_edits);
        guarded("code action", || {
            let text = doc.document.text();
            // The actions for the range asked about, and for each of this server's diagnostics the
            // client sends with it: Neovim sends every diagnostic of the cursor's line, so a cursor at
            // the start of a heading gets the fixes for the findings on its text.
            let ours = params
                .context
                .diagnostics
                .iter()
                .filter(|d| d.source.as_deref() == Some("casebook"))
                .map(|d| d.range);
            let mut seen = HashSet::new();
            let offered = std::iter::once(params.range)
                .chain(ours)
                .flat_map(|asked| {
                    let range = convert::offsets(doc.document.rope(), asked, encoding);
                    actions::actions(&doc.review, &text, range)
                        .into_iter()
                        .map(move |action| (asked, action))
                })
                .filter(|(_, action)| seen.insert((action.title.clone(), action.fixes.clone())))
                .map(|(asked, action)| {
                    let mut offered =
                        code_action(doc, &uri, &action, encoding, with_snippets && !deferred);
                    // A client that resolves edits gets them only for the action it picks.
                    if deferred {
                        offered.action.edit = None;
                        offered.action.data = Some(serde_json::json!({
                            "uri": uri.as_str(),
                            "version": doc.version,
                            "range": asked,
                            "title": action.title,
                        }));
                    }
                    offered
                })
                .collect();
            Some(offered)
        })
    }

    /// The action a client picked, from the `data` it was offered with (`codeAction/resolve`); refused
    /// when the text has changed since.
    fn resolve_action(&self, data: serde_json::Value, with_snippets: bool) -> Result<Offered> {
        let (Some(uri), Ok(range), Some(title)) = (
            data["uri"].as_str().and_then(|u| u.parse::<Uri>().ok()),
            serde_json::from_value::<Range>(data["range"].clone()),
            data["title"].as_str(),
        ) else {
            return Err(jsonrpc::Error::invalid_params(
                "codeAction/resolve: this action carries no casebook data",
            ));
        };
        let state = self.state();
        let Some(doc) = state.documents.get(&uri) else {
            return Err(jsonrpc::Error::invalid_params(
                "codeAction/resolve: the document is no longer open",
            ));
        };
        if data["version"].as_i64() != Some(i64::from(doc.version)) {
            return Err(jsonrpc::Error::invalid_params(format!(
                "codeAction/resolve: \"{title}\" was offered for an earlier version of the text"
            )));
        }
        let encoding = state.encoding;
        let resolved = guarded("code action resolve", || {
            let range = convert::offsets(doc.document.rope(), range, encoding);
            let text = doc.document.text();
            actions::actions(&doc.review, &text, range)
                .into_iter()
                .find(|a| a.title == title)
                .map(|action| code_action(doc, &uri, &action, encoding, with_snippets))
        })?;
        resolved.ok_or_else(|| {
            jsonrpc::Error::invalid_params(format!(
                "codeAction/resolve: \"{title}\" no longer applies (the text changed)"
            ))
        })
    }

    /// `textDocument/codeAction` for a client that accepts snippet edits.
    async fn snippet_code_action(
        &self,
        params: CodeActionParams,
    ) -> Result<Option<Vec<serde_json::Value>>> {
        let with_snippets = self.snippets.load(Ordering::Relaxed);
        self.offer_actions(params, with_snippets)?
            .map(|offered| offered.into_iter().map(Offered::into_json).collect())
            .transpose()
    }

    /// `codeAction/resolve` for a client that accepts snippet edits. The action comes back as the client
    /// holds it, which the typed API may not read; only its `data` matters.
    async fn snippet_code_action_resolve(
        &self,
        unresolved: serde_json::Value,
    ) -> Result<serde_json::Value> {
        let with_snippets = self.snippets.load(Ordering::Relaxed);
        self.resolve_action(unresolved["data"].clone(), with_snippets)?
            .into_json()
    }
}

/// A core action as an LSP code action, with its edit and the diagnostic it fixes; `with_snippets`, its
/// template slots as tab stops too.
fn code_action(
    doc: &OpenDocument,
    uri: &Uri,
    action: &actions::Action,
    encoding: Encoding,
    with_snippets: bool,
) -> Offered {
    let rope = doc.document.rope();
    let ranges: Vec<Range> = action
        .edits
        .iter()
        .map(|e| convert::range(rope, &e.range, encoding))
        .collect();
    let edits = action
        .edits
        .iter()
        .zip(&ranges)
        .map(|(e, &range)| TextEdit {
            range,
            new_text: e.text.clone(),
        })
        .collect();
    let snippet_edits = with_snippets.then(|| SnippetEdits {
        uri: uri.clone(),
        version: doc.version,
        edits: ranges
            .iter()
            .zip(&action.edits)
            .map(|(&range, e)| (range, e.text.clone()))
            .collect(),
    });
    let diagnostics = action.fixes.as_ref().and_then(|(rule, range)| {
        doc.review
            .findings
            .iter()
            .find(|f| f.rule == *rule && f.range == *range)
            .map(|f| vec![convert::diagnostic(rope, f, encoding)])
    });
    let action = CodeAction {
        title: action.title.clone(),
        kind: Some(match action.kind {
            ActionKind::QuickFix => CodeActionKind::QUICKFIX,
            ActionKind::Refactor => CodeActionKind::REFACTOR_REWRITE,
        }),
        diagnostics,
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), edits)])),
            ..Default::default()
        }),
        is_preferred: Some(action.kind == ActionKind::QuickFix),
        ..Default::default()
    };
    Offered {
        action,
        snippet_edits,
    }
}

/// Runs the language server on stdin/stdout until the client says exit.
pub async fn serve() {
    // The word lists and rule data are built on first use (~35 ms): build them now, beside the
    // `initialize` handshake, so the first opened file's diagnostics do not wait for them. A
    // document that arrives sooner waits for the same build, never does it twice.
    let _ = std::thread::Builder::new()
        .name("casebook-warm-up".into())
        .spawn(|| {
            let _ = catch_unwind(|| {
                Reviewer::default().review_text(WARM_UP);
            });
        });
    let (publish, queue) = mpsc::unbounded_channel();
    let state = Arc::new(Mutex::new(State::default()));
    output::widen_stdout_pipe();
    let (tower_output, output) = output::merged(output::stdout());
    let snippets = Arc::new(AtomicBool::new(false));
    let (service, socket) = LspService::build(|client| {
        tokio::spawn(publisher(output, state.clone(), queue));
        Backend {
            client,
            state,
            publish,
            snippets: snippets.clone(),
        }
    })
    .custom_method(transport::MALFORMED, Backend::malformed)
    .custom_method(transport::SNIPPET_CODE_ACTION, Backend::snippet_code_action)
    .custom_method(
        transport::SNIPPET_CODE_ACTION_RESOLVE,
        Backend::snippet_code_action_resolve,
    )
    .finish();
    // tower-lsp-server waits for every running handler before it returns after `exit`; a handler
    // waiting on a client that has stopped answering would keep the process alive forever.
    let exit = Arc::new(tokio::sync::Notify::new());
    let server = Server::new(
        transport::checked_stdin(exit.clone(), snippets),
        tower_output,
        socket,
    )
    .serve(service);
    tokio::select! {
        _ = server => {}
        _ = async {
            exit.notified().await;
            tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        } => {}
    }
}
