//! Casebook: a coach for engineers writing case studies for Amazon Product Manager interview loops.
//!
//! The analysis core (`document`, `prose`, `analysis`, `rules`, `review`, `actions`) works on byte offsets
//! and knows nothing of LSP; `lsp` is the only module that speaks the protocol, `cli` the only one that
//! prints for people.
#![forbid(unsafe_code)]

pub mod actions;
pub mod analysis;
pub mod cache;
pub mod cli;
pub mod document;
pub mod hover;
pub mod lsp;
pub mod outline;
pub mod portfolio;
pub mod prose;
pub mod review;
pub mod rules;
