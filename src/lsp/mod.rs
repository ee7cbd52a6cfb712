//! The language server: the only module that knows LSP. It keeps each open document in step with the
//! editor, asks the core for a review after every change and turns findings, hovers and actions into
//! protocol messages.
//!
//! Ordering: tower-lsp-server runs up to four handlers at once, but it starts them in the order the
//! messages arrived, and every `didChange` applies its edits before its first `.await`, so edits are
//! applied exactly in order. Diagnostics are sent by one publisher task that always reads the latest
//! review, so a stale review can never overwrite a newer one.

mod convert;
mod diagnostics;
mod output;
mod server;
mod snippets;
mod transport;
mod workspace;

pub use server::serve;
