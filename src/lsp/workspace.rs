//! The workspace model: a summary of every markdown file of the portfolio, read from disk in the
//! background (respecting `.gitignore` and `[portfolio]` globs, with caps) and kept current from open
//! documents (which win over disk) and watched-file events. The portfolio rules run on it once the
//! first index is complete, so a half-read workspace never produces "fewer than 3 case studies".

use crate::portfolio::config::{is_markdown, PortfolioConfig};
use crate::portfolio::{file_title, FileSummary, Portfolio, PortfolioFacts};
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
    /// Portfolio findings by file, severities applied, each with its study's position in the file (it
    /// is placed at the study's anchor when asked for: see [`Workspace::findings_in`]).
    findings: HashMap<PathBuf, Vec<(usize, Finding)>>,
    /// What the portfolio rules last ran on.
    checked: Option<PortfolioFacts>,
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

    /// Every file of the portfolio with its summary: open documents win over what was read from disk.
    pub fn portfolio(&self) -> Portfolio {
        Portfolio {
            files: self
                .files()
                .map(|(path, summary)| (path.to_path_buf(), summary.clone()))
                .collect(),
        }
    }

    /// [`Workspace::portfolio`]'s files, borrowed (in path order).
    fn files(&self) -> impl Iterator<Item = (&Path, &Arc<FileSummary>)> {
        let mut files: Vec<(&Path, &Arc<FileSummary>)> = self
            .disk
            .iter()
            .filter(|(path, _)| !self.open.contains_key(*path))
            .chain(&self.open)
            .map(|(path, summary)| (path.as_path(), summary))
            .collect();
        files.sort_unstable_by(|a, b| a.0.cmp(b.0));
        files.into_iter()
    }

    /// Sets the summary of the open document at `path` and runs the portfolio rules again if what they
    /// read changed (a keystroke that only moves anchors does not); returns the files whose findings
    /// changed.
    pub fn set_open(
        &mut self,
        path: PathBuf,
        summary: Arc<FileSummary>,
        rules: &RuleConfig,
    ) -> Vec<PathBuf> {
        self.open.insert(path, summary);
        let unchanged = self.checked.as_ref().is_some_and(|facts| {
            let files = self.files().map(|(path, summary)| (path, &**summary));
            facts.describe(files, &self.config, rules)
        });
        if unchanged {
            return Vec::new();
        }
        self.recheck(rules)
    }

    /// The portfolio findings on the file at `path`, each at its case study's anchor in the file's
    /// summary as it is now.
    #[cfg(test)]
    pub fn findings_in(&self, path: &Path) -> Vec<Finding> {
        let mut findings = Vec::new();
        self.place_findings(path, &mut findings);
        findings
    }

    /// [`Workspace::findings_in`] into `out` (emptied first): the publisher keeps one vector for
    /// them rather than gathering hundreds of findings into a new one a keystroke.
    pub fn place_findings(&self, path: &Path, out: &mut Vec<Finding>) {
        out.clear();
        let Some(found) = self.findings.get(path) else {
            return;
        };
        let Some(summary) = self.open.get(path).or_else(|| self.disk.get(path)) else {
            return;
        };
        out.extend(found.iter().filter_map(|(study, finding)| {
            let anchor = &summary.anchors.get(*study)?.range;
            Some(Finding {
                range: anchor.clone(),
                ..finding.clone()
            })
        }));
    }

    /// Runs the portfolio rules again; returns the files whose findings changed.
    pub fn recheck(&mut self, rules: &RuleConfig) -> Vec<PathBuf> {
        if !self.ready {
            return Vec::new();
        }
        let portfolio = self.portfolio();
        let files = portfolio.files.iter().map(|(p, s)| (p.as_path(), &**s));
        self.checked = Some(PortfolioFacts::of(files, &self.config, rules));
        let mut findings: HashMap<PathBuf, Vec<(usize, Finding)>> = HashMap::new();
        for f in portfolio.check(&self.config, rules) {
            findings
                .entry(f.file)
                .or_default()
                .push((f.study, f.finding));
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
                // (Anchors aside: findings are placed at their study's anchor when asked for.)
                Some(was) if same_but_anchors(was, found) => std::mem::swap(was, found),
                _ => changed.push(path.clone()),
            }
        }
        self.findings = findings;
        changed
    }
}

fn same_but_anchors(a: &[(usize, Finding)], b: &[(usize, Finding)]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|((i, f), (j, g))| {
            i == j && f.rule == g.rule && f.severity == g.severity && f.message == g.message
        })
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

    fn summary(text: &str, rules: &RuleConfig) -> Arc<FileSummary> {
        Arc::new(FileSummary::read(
            &mut Reviewer::default(),
            text,
            rules,
            "file",
        ))
    }

    /// Every file's portfolio findings, as placed for publishing.
    fn placed(workspace: &Workspace) -> Vec<(PathBuf, Vec<Finding>)> {
        workspace
            .files()
            .map(|(path, _)| (path.to_path_buf(), workspace.findings_in(path)))
            .collect()
    }

    /// The rules run again only when what they read changed; the findings kept are those a fresh run
    /// gives, placed at the anchors as they are now: across typing that moves anchors, a retitled
    /// study, a study that starts showing another principle, a study removed, and a rule switched off.
    #[test]
    fn findings_kept_between_runs_are_those_a_fresh_run_gives() {
        let customer =
            "I joined a dozen support calls to hear what was breaking for the customers.";
        let backbone = "I disagreed with my director about dropping the audit log, said so in the review, and then committed to her plan.";
        let story = |title: &str, body: &str| format!("# {title}\n\n{body}\n\n");
        let root = PathBuf::from("/portfolio");
        let disk_text = story("Refunds", customer) + &story("Audit", backbone);
        let default = RuleConfig::default();
        let mut off = RuleConfig::default();
        off.set("principle-overlap", crate::rules::config::Level::Off);
        let (default, off) = (&default, &off);
        let edits: Vec<(String, &RuleConfig)> = vec![
            (story("Checkout", customer), default),
            (
                format!("Intro line.\n\n{}", story("Checkout", customer)),
                default,
            ),
            (
                format!("Intro line, longer.\n\n{}", story("Checkout", customer)),
                default,
            ),
            (
                format!(
                    "Intro line, longer.\n\n{}",
                    story("Checkout flow", customer)
                ),
                default,
            ),
            (
                format!("Intro.\n\n{}", story("Checkout flow", backbone)),
                default,
            ),
            (
                format!(
                    "Intro.\n\n{}{}",
                    story("Checkout flow", backbone),
                    story("Search", customer)
                ),
                default,
            ),
            (
                format!(
                    "Intro, again.\n\n{}{}",
                    story("Checkout flow", backbone),
                    story("Search", customer)
                ),
                default,
            ),
            (
                format!(
                    "Intro, again.\n\n{}{}",
                    story("Checkout flow", backbone),
                    story("Search", customer)
                ),
                off,
            ),
            (format!("Intro.\n\n{}", story("Search", customer)), off),
            (format!("Intro.\n\n{}", story("Search", customer)), default),
        ];
        let open = root.join("open.md");
        let mut kept = Workspace {
            root: Some(root.clone()),
            ready: true,
            ..Workspace::default()
        };
        kept.disk.insert(
            root.join("disk.md"),
            summary(&disk_text, &RuleConfig::default()),
        );
        let mut reran = 0;
        for (text, rules) in edits {
            let s = summary(&text, rules);
            let before = kept.checked.clone();
            kept.set_open(open.clone(), s.clone(), rules);
            reran += usize::from(kept.checked != before);
            let mut fresh = Workspace {
                root: Some(root.clone()),
                ready: true,
                disk: kept.disk.clone(),
                ..Workspace::default()
            };
            fresh.open.insert(open.clone(), s);
            fresh.recheck(rules);
            assert_eq!(placed(&kept), placed(&fresh), "after {text:?}");
            assert!(placed(&fresh).iter().any(|(_, f)| !f.is_empty()));
        }
        // Typing that only moved anchors did not run the rules again.
        assert!(reran < 9, "{reran}");
    }
}
