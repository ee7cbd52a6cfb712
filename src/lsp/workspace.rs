//! The workspace model: a summary of every markdown file of the portfolio, read from disk in the
//! background (respecting `.gitignore` and `[portfolio]` globs, with caps) and kept current from open
//! documents (which win over disk) and watched-file events. The portfolio rules run on it once the
//! first index is complete, so a half-read workspace never produces "fewer than 3 case studies".

use crate::portfolio::config::{is_markdown, PortfolioConfig};
use crate::portfolio::{file_title, FileSummary, Portfolio};
use crate::review::Reviewer;
use crate::rules::config::RuleConfig;
use crate::rules::Finding;
use std::collections::{BTreeMap, HashMap};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// At most this many files are indexed.
pub const MAX_FILES: usize = 2_000;
/// Files larger than this are left out of the index.
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;

#[derive(Default)]
pub struct Workspace {
    pub root: Option<PathBuf>,
    pub config: PortfolioConfig,
    /// Summaries read from disk, by path.
    pub disk: BTreeMap<PathBuf, Arc<FileSummary>>,
    /// Summaries of open documents that belong to the portfolio, by path (they win over `disk`).
    pub open: BTreeMap<PathBuf, Arc<FileSummary>>,
    /// True once the first index has completed: the portfolio rules run only from then on.
    pub ready: bool,
    /// Bumped by every new index run; a run that is no longer current stops.
    pub generation: u64,
    /// Portfolio findings by file, severities applied.
    pub findings: HashMap<PathBuf, Vec<Finding>>,
}

impl Workspace {
    /// Whether the file at `path` belongs to the portfolio: a markdown file under the root that the
    /// `[portfolio]` globs admit.
    pub fn admits(&self, path: &Path) -> bool {
        let Some(root) = &self.root else {
            return false;
        };
        let Ok(relative) = path.strip_prefix(root) else {
            return false;
        };
        is_markdown(path) && self.config.admits(relative)
    }

    /// Open documents first, then what was read from disk.
    pub fn portfolio(&self) -> Portfolio {
        let mut files = self.disk.clone();
        files.extend(self.open.iter().map(|(k, v)| (k.clone(), v.clone())));
        Portfolio { files }
    }

    /// Runs the portfolio rules again; returns the files whose findings changed.
    pub fn recheck(&mut self, rules: &RuleConfig) -> Vec<PathBuf> {
        if !self.ready {
            return Vec::new();
        }
        let mut findings: HashMap<PathBuf, Vec<Finding>> = HashMap::new();
        for f in self.portfolio().check(&self.config, rules) {
            findings.entry(f.file).or_default().push(f.finding);
        }
        let mut changed: Vec<PathBuf> = self
            .findings
            .keys()
            .filter(|k| !findings.contains_key(*k))
            .cloned()
            .collect();
        for (path, found) in &mut findings {
            match self.findings.get_mut(path) {
                // Unchanged: the findings already published are kept, so their messages stay the same
                // shared strings (a publish then knows them again by address).
                Some(was) if *was == *found => std::mem::swap(was, found),
                _ => changed.push(path.clone()),
            }
        }
        self.findings = findings;
        changed
    }
}

/// Reads and summarises one file from disk; `None` when it is not a readable UTF-8 text file within
/// the size cap (or the analysis failed on it).
pub fn read_file(reviewer: &mut Reviewer, path: &Path, rules: &RuleConfig) -> Option<FileSummary> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.is_file() || meta.len() > MAX_FILE_BYTES {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    if bytes.contains(&0) {
        return None;
    }
    let text = String::from_utf8(bytes).ok()?;
    let name = file_title(path);
    let summary = catch_unwind(AssertUnwindSafe(|| {
        FileSummary::read(reviewer, &text, rules, &name)
    }));
    match summary {
        Ok(s) => Some(s),
        Err(_) => {
            *reviewer = Reviewer::default();
            None
        }
    }
}

/// The markdown files of the portfolio under `root`: `.gitignore`d, hidden and symlinked entries
/// left out, at most [`MAX_FILES`] (the second value says whether there were more).
pub fn list_files(root: &Path, config: &PortfolioConfig) -> (Vec<PathBuf>, bool) {
    let mut builder = ignore::WalkBuilder::new(root);
    builder
        .follow_links(false)
        .require_git(false)
        .git_global(false)
        .hidden(true)
        .max_filesize(Some(MAX_FILE_BYTES))
        .sort_by_file_path(|a, b| a.cmp(b));
    let mut files = Vec::new();
    for entry in builder.build().flatten() {
        // Symlinks are never followed (they could lead out of the workspace): only regular files.
        if !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        let path = entry.path();
        let admitted = is_markdown(path)
            && path
                .strip_prefix(root)
                .is_ok_and(|relative| config.admits(relative));
        if !admitted {
            continue;
        }
        if files.len() == MAX_FILES {
            return (files, true);
        }
        files.push(path.to_path_buf());
    }
    (files, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listing_honours_gitignore_hidden_symlinks_and_globs() {
        let dir = std::env::temp_dir().join(format!("casebook-ws-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for sub in ["stories", "ignored", ".hidden"] {
            std::fs::create_dir_all(dir.join(sub)).unwrap();
        }
        std::fs::write(dir.join(".gitignore"), "ignored/\n").unwrap();
        for f in [
            "stories/a.md",
            "ignored/b.md",
            ".hidden/c.md",
            "README.md",
            "notes.txt",
        ] {
            std::fs::write(dir.join(f), "# T\n\nText.\n").unwrap();
        }
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.join("stories/a.md"), dir.join("link.md")).unwrap();
        let (files, more) = list_files(&dir, &PortfolioConfig::default());
        let names: Vec<_> = files
            .iter()
            .map(|p| p.strip_prefix(&dir).unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["stories/a.md"]);
        assert!(!more);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
