//! What the prose says: metrics, story parts, principle evidence — facts the rules read.

pub mod lexicon;
