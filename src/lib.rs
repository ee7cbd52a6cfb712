//! Casebook: a coach for engineers writing case studies for Amazon Product Manager interview loops.
//!
//! The analysis core (`document`, `prose`, `analysis`, `rules`, `actions`) works on byte offsets and knows
//! nothing of LSP; `lsp` is the only module that speaks the protocol, `cli` the only one that prints.
#![forbid(unsafe_code)]

pub mod analysis;
pub mod document;
pub mod prose;
