//! Rule configuration: per-rule severity or `off`, from `casebook.toml` and from the editor's settings
//! (settings override the file). A broken or odd configuration never stops the coach: every problem is
//! reported with its line, and the defaults apply to whatever could not be read.

use super::{rule, Rule, Severity};
use std::collections::BTreeMap;
use std::ops::Range;

/// What the user chose for one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Off,
    On(Severity),
}

impl Level {
    fn parse(text: &str) -> Option<Level> {
        if text.eq_ignore_ascii_case("off") || text.eq_ignore_ascii_case("none") {
            return Some(Level::Off);
        }
        Severity::from_name(text).map(Level::On)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RuleConfig {
    levels: BTreeMap<String, Level>,
}

/// Something wrong in a configuration, with where it is (a byte range in the file, when known).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    pub range: Option<Range<usize>>,
    pub message: String,
    /// True when the whole file could not be read (defaults apply), false for a key that was skipped.
    pub fatal: bool,
}

/// `[portfolio]` is read by `crate::portfolio::config`.
const KNOWN_SECTIONS: &[&str] = &["rules", "portfolio"];
const LEVELS: &str = "\"error\", \"warning\", \"info\", \"hint\" or \"off\"";

impl RuleConfig {
    /// The severity a rule reports at, or `None` when it is off.
    pub fn level(&self, rule: &Rule) -> Option<Severity> {
        match self.levels.get(rule.id) {
            Some(Level::Off) => None,
            Some(Level::On(severity)) => Some(*severity),
            None => Some(rule.severity),
        }
    }

    pub fn set(&mut self, rule: &str, level: Level) {
        self.levels.insert(rule.to_string(), level);
    }

    /// This configuration with `over`'s choices taking precedence.
    pub fn overridden_by(&self, over: &RuleConfig) -> RuleConfig {
        let mut levels = self.levels.clone();
        levels.extend(over.levels.iter().map(|(k, v)| (k.clone(), *v)));
        RuleConfig { levels }
    }

    /// Reads `casebook.toml`.
    pub fn from_toml(source: &str) -> (RuleConfig, Vec<ConfigProblem>) {
        let mut problems = Vec::new();
        let table: toml::Table = match source.parse::<toml::Table>() {
            Ok(t) => t,
            Err(e) => {
                problems.push(ConfigProblem {
                    range: e.span(),
                    message: format!(
                        "casebook.toml is not valid TOML, so the default rules apply: {}",
                        e.message()
                    ),
                    fatal: true,
                });
                return (RuleConfig::default(), problems);
            }
        };
        let find = |needle: &str| -> Option<Range<usize>> {
            source.find(needle).map(|at| at..at + needle.len())
        };
        for key in table.keys() {
            if !KNOWN_SECTIONS.contains(&key.as_str()) {
                problems.push(ConfigProblem {
                    range: find(key),
                    message: format!(
                        "unknown section `{key}` is ignored (known: [rules], [portfolio])"
                    ),
                    fatal: false,
                });
            }
        }
        let mut config = RuleConfig::default();
        match table.get("rules") {
            None => {}
            Some(toml::Value::Table(rules)) => {
                for (id, value) in rules {
                    let level = value.as_str().and_then(Level::parse);
                    config.add(id, level, find(id), &mut problems);
                }
            }
            Some(_) => problems.push(ConfigProblem {
                range: find("rules"),
                message: "`rules` must be a table: [rules] then `rule-id = \"warning\"`".into(),
                fatal: false,
            }),
        }
        (config, problems)
    }

    /// Reads the editor's `casebook` settings section: `{ "rules": { "vague-claim": "off" } }`.
    pub fn from_settings(value: &serde_json::Value) -> (RuleConfig, Vec<ConfigProblem>) {
        let mut config = RuleConfig::default();
        let mut problems = Vec::new();
        // Clients send either the section itself or an object that contains it.
        let section = value.get("casebook").unwrap_or(value);
        if let Some(rules) = section.get("rules") {
            match rules.as_object() {
                Some(rules) => {
                    for (id, value) in rules {
                        let level = value.as_str().and_then(Level::parse);
                        config.add(id, level, None, &mut problems);
                    }
                }
                None => problems.push(ConfigProblem {
                    range: None,
                    message: "setting `casebook.rules` must be an object of rule ids".into(),
                    fatal: false,
                }),
            }
        }
        (config, problems)
    }

    fn add(
        &mut self,
        id: &str,
        level: Option<Level>,
        range: Option<Range<usize>>,
        problems: &mut Vec<ConfigProblem>,
    ) {
        if rule(id).is_none() {
            problems.push(ConfigProblem {
                range,
                message: format!("unknown rule `{id}` is ignored (see `casebook rules`)"),
                fatal: false,
            });
            return;
        }
        match level {
            Some(level) => self.set(id, level),
            None => problems.push(ConfigProblem {
                range,
                message: format!("rule `{id}` takes {LEVELS}; its default applies"),
                fatal: false,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RULES;

    fn vague() -> &'static Rule {
        rule("vague-claim").unwrap()
    }

    #[test]
    fn severities_and_off_from_toml() {
        let (config, problems) = RuleConfig::from_toml("[rules]\nvague-claim = \"off\"\n");
        assert!(problems.is_empty());
        assert_eq!(config.level(vague()), None);
        let (config, _) = RuleConfig::from_toml("[rules]\nvague-claim = \"error\"\n");
        assert_eq!(config.level(vague()), Some(Severity::Error));
    }

    #[test]
    fn defaults_apply_when_unset() {
        let config = RuleConfig::default();
        for rule in RULES.iter() {
            assert_eq!(config.level(rule), Some(rule.severity));
        }
    }

    #[test]
    fn broken_toml_is_reported_with_a_place_and_defaults_apply() {
        let source = "[rules]\nvague-claim = \"off\"\nthis is not toml\n";
        let (config, problems) = RuleConfig::from_toml(source);
        assert_eq!(config, RuleConfig::default());
        assert_eq!(problems.len(), 1);
        assert!(problems[0].fatal);
        let range = problems[0].range.clone().unwrap();
        assert!(range.start >= source.find("this").unwrap() - 1, "{range:?}");
    }

    #[test]
    fn unknown_rules_sections_and_levels_are_warned_about() {
        let source = "[rules]\nno-such-rule = \"off\"\nvague-claim = \"loud\"\n[colors]\nx = 1\n";
        let (config, problems) = RuleConfig::from_toml(source);
        assert_eq!(config.level(vague()), Some(Severity::Warning));
        let messages: Vec<_> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(problems.len(), 3, "{messages:?}");
        assert!(messages.iter().any(|m| m.contains("no-such-rule")));
        assert!(messages.iter().any(|m| m.contains("vague-claim")));
        assert!(messages.iter().any(|m| m.contains("colors")));
        assert!(problems.iter().all(|p| !p.fatal && p.range.is_some()));
    }

    #[test]
    fn settings_override_the_file() {
        let (file, _) = RuleConfig::from_toml("[rules]\nvague-claim = \"off\"\n");
        let (settings, problems) = RuleConfig::from_settings(
            &serde_json::json!({ "casebook": { "rules": { "vague-claim": "hint" } } }),
        );
        assert!(problems.is_empty());
        assert_eq!(
            file.overridden_by(&settings).level(vague()),
            Some(Severity::Hint)
        );
    }
}
