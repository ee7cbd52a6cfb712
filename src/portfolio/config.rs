//! The `[portfolio]` section of `casebook.toml`: which markdown files make up the portfolio and how many
//! distinct Leadership Principles it should show.
//!
//! ```toml
//! [portfolio]
//! include = ["stories/**/*.md"]    # default: every markdown file
//! exclude = ["drafts/old/**"]      # README, CHANGELOG, CONTRIBUTING, LICENSE, CODE_OF_CONDUCT always are
//! min-principles = 6               # thin-coverage fires below this many distinct principles
//! ```
//!
//! Globs are matched against the path relative to the workspace root (for `casebook check DIR` and
//! `casebook report DIR`: relative to DIR), case-insensitively, `/` as the separator.

use crate::rules::config::ConfigProblem;
use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use std::ops::Range;
use std::path::Path;

/// Distinct principles a portfolio should show when the configuration says nothing.
pub const DEFAULT_MIN_PRINCIPLES: usize = 6;

/// Files that describe a repository rather than tell a story: always left out, besides `exclude`.
pub const DEFAULT_EXCLUDE: &[&str] = &[
    "**/README.md",
    "**/CHANGELOG.md",
    "**/CONTRIBUTING.md",
    "**/LICENSE.md",
    "**/CODE_OF_CONDUCT.md",
];

#[derive(Debug, Clone)]
pub struct PortfolioConfig {
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    pub min_principles: usize,
    include_set: Option<GlobSet>,
    exclude_set: GlobSet,
}

impl PartialEq for PortfolioConfig {
    fn eq(&self, other: &Self) -> bool {
        self.include == other.include
            && self.exclude == other.exclude
            && self.min_principles == other.min_principles
    }
}

impl Default for PortfolioConfig {
    fn default() -> Self {
        PortfolioConfig::build(
            Vec::new(),
            Vec::new(),
            DEFAULT_MIN_PRINCIPLES,
            &mut Vec::new(),
            &|_| None,
        )
    }
}

fn glob_set(
    globs: &[String],
    problems: &mut Vec<ConfigProblem>,
    find: &dyn Fn(&str) -> Option<Range<usize>>,
) -> GlobSet {
    let mut builder = GlobSetBuilder::new();
    for glob in globs {
        match GlobBuilder::new(glob)
            .case_insensitive(true)
            .literal_separator(true)
            .build()
        {
            Ok(g) => {
                builder.add(g);
            }
            Err(e) => problems.push(ConfigProblem {
                range: find(glob),
                message: format!("portfolio glob `{glob}` is ignored: {e}"),
                fatal: false,
            }),
        }
    }
    builder.build().unwrap_or_else(|_| GlobSet::empty())
}

impl PortfolioConfig {
    fn build(
        include: Vec<String>,
        exclude: Vec<String>,
        min_principles: usize,
        problems: &mut Vec<ConfigProblem>,
        find: &dyn Fn(&str) -> Option<Range<usize>>,
    ) -> Self {
        let include_set = (!include.is_empty()).then(|| glob_set(&include, problems, find));
        let mut all_excluded: Vec<String> = DEFAULT_EXCLUDE.iter().map(|s| s.to_string()).collect();
        all_excluded.extend(exclude.iter().cloned());
        let exclude_set = glob_set(&all_excluded, problems, find);
        PortfolioConfig {
            include,
            exclude,
            min_principles,
            include_set,
            exclude_set,
        }
    }

    /// Reads the `[portfolio]` section of `casebook.toml`. Problems (with their place) are reported;
    /// whatever could not be read keeps its default. An unparsable file is `RuleConfig`'s to report.
    pub fn from_toml(source: &str) -> (PortfolioConfig, Vec<ConfigProblem>) {
        let (section, mut problems) = PortfolioConfig::toml_section(source);
        let find = |needle: &str| -> Option<Range<usize>> {
            source.find(needle).map(|at| at..at + needle.len())
        };
        let config = PortfolioConfig::from_section(&section, &mut problems, &find);
        (config, problems)
    }

    /// The `[portfolio]` table of `casebook.toml` as written (empty when there is none or it is no table,
    /// which is reported).
    pub fn toml_section(source: &str) -> (toml::Table, Vec<ConfigProblem>) {
        let mut problems = Vec::new();
        let Ok(mut table) = source.parse::<toml::Table>() else {
            return (toml::Table::new(), problems);
        };
        match table.remove("portfolio") {
            None => (toml::Table::new(), problems),
            Some(toml::Value::Table(section)) => (section, problems),
            Some(_) => {
                problems.push(ConfigProblem {
                    range: source
                        .find("portfolio")
                        .map(|at| at..at + "portfolio".len()),
                    message: "`portfolio` must be a table: [portfolio] then `min-principles = 6`"
                        .into(),
                    fatal: false,
                });
                (toml::Table::new(), problems)
            }
        }
    }

    /// The `casebook.portfolio` object of the editor's settings as a `[portfolio]` table (keys may also
    /// be written in camel case: `minPrinciples`). A key or value the section would not take is reported
    /// and left out.
    pub fn settings_section(value: &serde_json::Value) -> (toml::Table, Vec<ConfigProblem>) {
        let mut problems = Vec::new();
        let section = value.get("casebook").unwrap_or(value);
        let mut table = toml::Table::new();
        match section.get("portfolio") {
            None | Some(serde_json::Value::Null) => {}
            Some(serde_json::Value::Object(object)) => {
                for (key, value) in object {
                    let key = if key == "minPrinciples" {
                        "min-principles"
                    } else {
                        key.as_str()
                    };
                    match serde_json::from_value::<toml::Value>(value.clone()) {
                        Ok(value) => {
                            // Checked alone: a key the section would not take is reported and left
                            // out, so the file's value still applies.
                            let alone = toml::Table::from_iter([(key.to_string(), value)]);
                            let before = problems.len();
                            PortfolioConfig::from_section(&alone, &mut problems, &|_| None);
                            if problems.len() == before {
                                table.extend(alone);
                            }
                        }
                        Err(_) => problems.push(ConfigProblem {
                            range: None,
                            message: format!("setting `casebook.portfolio.{key}` is ignored: {value} is no value a [portfolio] key takes"),
                            fatal: false,
                        }),
                    }
                }
            }
            Some(other) => problems.push(ConfigProblem {
                range: None,
                message: format!(
                    "setting `casebook.portfolio` must be an object (include, exclude, minPrinciples); {other} is ignored"
                ),
                fatal: false,
            }),
        }
        (table, problems)
    }

    /// The configuration of `casebook.toml`'s `[portfolio]` table with the editor's settings over it:
    /// a key the settings give replaces the file's. Problems were reported when each was read.
    pub fn merged(file: &toml::Table, settings: &toml::Table) -> PortfolioConfig {
        let mut section = file.clone();
        section.extend(settings.iter().map(|(k, v)| (k.clone(), v.clone())));
        PortfolioConfig::from_section(&section, &mut Vec::new(), &|_| None)
    }

    /// The configuration a `[portfolio]` table gives; problems are added, found with `find`.
    pub fn from_section(
        section: &toml::Table,
        problems: &mut Vec<ConfigProblem>,
        find: &dyn Fn(&str) -> Option<Range<usize>>,
    ) -> PortfolioConfig {
        let mut globs = |key: &str, default: &[&str]| -> Vec<String> {
            match section.get(key) {
                None => default.iter().map(|s| s.to_string()).collect(),
                Some(toml::Value::Array(items)) => {
                    let mut out = Vec::new();
                    for item in items {
                        match item.as_str() {
                            Some(s) => out.push(s.to_string()),
                            None => problems.push(ConfigProblem {
                                range: find(key),
                                message: format!(
                                    "`portfolio.{key}` takes strings (globs); {item} is ignored"
                                ),
                                fatal: false,
                            }),
                        }
                    }
                    out
                }
                Some(_) => {
                    problems.push(ConfigProblem {
                        range: find(key),
                        message: format!(
                            "`portfolio.{key}` must be a list of globs, e.g. [\"stories/*.md\"]"
                        ),
                        fatal: false,
                    });
                    default.iter().map(|s| s.to_string()).collect()
                }
            }
        };
        let include = globs("include", &[]);
        let exclude = globs("exclude", &[]);
        let min_principles = match section.get("min-principles") {
            None => DEFAULT_MIN_PRINCIPLES,
            Some(toml::Value::Integer(n)) if (0..=16).contains(n) => *n as usize,
            Some(_) => {
                problems.push(ConfigProblem {
                    range: find("min-principles"),
                    message: format!(
                        "`portfolio.min-principles` takes a whole number from 0 to 16; {DEFAULT_MIN_PRINCIPLES} applies"
                    ),
                    fatal: false,
                });
                DEFAULT_MIN_PRINCIPLES
            }
        };
        for key in section.keys() {
            if !["include", "exclude", "min-principles"].contains(&key.as_str()) {
                problems.push(ConfigProblem {
                    range: find(key),
                    message: format!(
                        "unknown key `portfolio.{key}` is ignored (known: include, exclude, min-principles)"
                    ),
                    fatal: false,
                });
            }
        }
        PortfolioConfig::build(include, exclude, min_principles, problems, find)
    }

    /// Whether the file at `relative` (to the workspace root) belongs to the portfolio.
    pub fn admits(&self, relative: &Path) -> bool {
        let path = relative.to_string_lossy().replace('\\', "/");
        let path = path.trim_start_matches("./");
        self.include_set.as_ref().is_none_or(|s| s.is_match(path))
            && !self.exclude_set.is_match(path)
    }
}

/// Whether a path names a markdown file.
pub fn is_markdown(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("md" | "markdown" | "mdown" | "mkd")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_leave_out_repository_files() {
        let config = PortfolioConfig::default();
        assert!(config.admits(Path::new("stories/checkout.md")));
        assert!(!config.admits(Path::new("README.md")));
        assert!(!config.admits(Path::new("docs/readme.md")));
        assert_eq!(config.min_principles, 6);
    }

    #[test]
    fn include_exclude_and_min_principles() {
        let source = "[portfolio]\ninclude = [\"stories/**\"]\nexclude = [\"**/old-*.md\"]\nmin-principles = 4\n";
        let (config, problems) = PortfolioConfig::from_toml(source);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config.min_principles, 4);
        assert!(config.admits(Path::new("stories/a.md")));
        assert!(config.admits(Path::new("stories/deep/story.md")));
        assert!(!config.admits(Path::new("stories/old-a.md")));
        assert!(!config.admits(Path::new("stories/README.md")));
        assert!(!config.admits(Path::new("notes/a.md")));
    }

    #[test]
    fn bad_values_are_reported_and_defaults_apply() {
        let source = "[portfolio]\nmin-principles = \"many\"\ninclude = \"x\"\nexclude = [\"a[\"]\ncolour = 1\n";
        let (config, problems) = PortfolioConfig::from_toml(source);
        assert_eq!(config.min_principles, DEFAULT_MIN_PRINCIPLES);
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert!(problems.iter().all(|p| p.range.is_some() && !p.fatal));
    }

    #[test]
    fn settings_replace_the_file_key_by_key() {
        let (file, _) = PortfolioConfig::toml_section(
            "[portfolio]\ninclude = [\"stories/**\"]\nmin-principles = 4\n",
        );
        let settings = serde_json::json!({ "casebook": { "portfolio": {
            "minPrinciples": 2, "exclude": ["stories/old/**"], "include": "not a list", "colour": 1
        } } });
        let (section, problems) = PortfolioConfig::settings_section(&settings);
        assert_eq!(problems.len(), 2, "{problems:?}");
        let config = PortfolioConfig::merged(&file, &section);
        assert_eq!(config.min_principles, 2);
        assert_eq!(
            config.include,
            ["stories/**"],
            "the bad setting left the file's"
        );
        assert!(config.admits(Path::new("stories/a.md")));
        assert!(!config.admits(Path::new("stories/old/a.md")));
        assert!(!config.admits(Path::new("notes/a.md")));
    }
}
