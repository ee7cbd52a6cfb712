//! The command line: `serve` runs the language server, `check` reviews files and folders, `rules` lists
//! the catalog and `explain` prints one rule's doc. The only module that prints for people.

mod files;
mod output;
mod report;

use crate::rules::config::RuleConfig;
use crate::rules::{rule, Severity, RULES};
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "casebook",
    version,
    about = "Coaches engineers writing case studies for Amazon PM interviews"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the language server on stdin/stdout.
    Serve {
        /// Accepted for editors that add it; stdio is the only transport.
        #[arg(long)]
        stdio: bool,
    },
    /// Review markdown files or folders and print the findings.
    Check {
        /// Files or folders (default: the current folder).
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Exit 1 when a finding at or above this severity is found.
        #[arg(long, value_enum, default_value_t = FailOn::Warning)]
        fail_on: FailOn,
        /// Configuration file (default: casebook.toml in the current folder, if any).
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Write a self-contained HTML page of the portfolio: principle heatmap, scorecards, findings.
    Report {
        /// A folder of case studies, or one file (default: the current folder).
        path: Option<PathBuf>,
        /// Where to write the page (`-` for standard output).
        #[arg(short, long, default_value = "casebook-report.html")]
        output: PathBuf,
        /// Configuration file (default: casebook.toml in the current folder, if any).
        #[arg(long)]
        config: Option<PathBuf>,
        /// Open the page once written: with `$BROWSER` if set, else the system's default viewer.
        #[arg(long)]
        open: bool,
    },
    /// List the rules.
    Rules {
        /// Print the catalog as a markdown table (as in the README).
        #[arg(long)]
        markdown: bool,
    },
    /// Print a rule's documentation.
    Explain {
        /// Rule id, e.g. vague-claim.
        rule: String,
    },
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
    Sarif,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
    Hint,
    Never,
}

impl FailOn {
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Hint => Some(Severity::Hint),
            FailOn::Never => None,
        }
    }
}

const USAGE_ERROR: u8 = 2;

pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { USAGE_ERROR } else { 0 });
        }
    };
    match cli.command {
        Command::Serve { stdio: _ } => serve(),
        Command::Check {
            paths,
            format,
            fail_on,
            config,
        } => check(paths, format, fail_on, config),
        Command::Report {
            path,
            output,
            config,
            open,
        } => report(
            path.unwrap_or_else(|| PathBuf::from(".")),
            output,
            config,
            open,
        ),
        Command::Rules { markdown: true } => {
            print!("{}", crate::rules::markdown_table());
            ExitCode::SUCCESS
        }
        Command::Rules { markdown: false } => {
            for rule in RULES.iter() {
                println!(
                    "{:<26} {:<8} {}",
                    rule.id,
                    rule.severity.name(),
                    rule.summary
                );
            }
            ExitCode::SUCCESS
        }
        Command::Explain { rule: id } => match rule(&id) {
            Some(rule) => {
                print!("{}", rule.markdown());
                ExitCode::SUCCESS
            }
            None => {
                eprintln!("casebook: unknown rule `{id}` (see `casebook rules`)");
                ExitCode::from(USAGE_ERROR)
            }
        },
    }
}

fn serve() -> ExitCode {
    // One thread: the handlers' work is synchronous under the state lock anyway, and a single thread
    // saves a cross-thread wake-up (futex calls) at every hop of every message. Slow work (indexing the
    // workspace) runs on tokio's blocking threads.
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("casebook: cannot start the server runtime: {e}");
            return ExitCode::from(USAGE_ERROR);
        }
    };
    runtime.block_on(crate::lsp::serve());
    // The stdin reader sits in a blocking thread that would keep the process alive after `exit`.
    runtime.shutdown_background();
    ExitCode::SUCCESS
}

fn load_config(path: Option<PathBuf>) -> Result<RuleConfig, String> {
    let explicit = path.is_some();
    let path = path.unwrap_or_else(|| PathBuf::from("casebook.toml"));
    let source = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) if !explicit && e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(RuleConfig::default())
        }
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    };
    let (config, problems) = RuleConfig::from_toml(&source);
    report_config_problems(&path, &source, &problems);
    Ok(config)
}

/// Prints a configuration file's problems as `casebook: FILE:LINE: message`.
pub(crate) fn report_config_problems(
    path: &std::path::Path,
    source: &str,
    problems: &[crate::rules::config::ConfigProblem],
) {
    for p in problems {
        let line = p
            .range
            .as_ref()
            .map(|r| source[..r.start.min(source.len())].matches('\n').count() + 1);
        match line {
            Some(line) => eprintln!("casebook: {}:{line}: {}", path.display(), p.message),
            None => eprintln!("casebook: {}: {}", path.display(), p.message),
        }
    }
}

fn check(
    paths: Vec<PathBuf>,
    format: Format,
    fail_on: FailOn,
    config: Option<PathBuf>,
) -> ExitCode {
    let config_path = config.clone();
    let config = match load_config(config) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("casebook: {e}");
            return ExitCode::from(USAGE_ERROR);
        }
    };
    let paths = if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths
    };
    let portfolio_config = report::load_portfolio_config(config_path.as_deref());
    let (files, errors) = files::collect(&paths);
    for e in &errors {
        eprintln!("casebook: {e}");
    }
    let mut reviewed = output::review_files(&files, &config);
    let portfolio = report::portfolio(&reviewed, &paths, &portfolio_config).map(|portfolio| {
        let findings = portfolio.check(&portfolio_config, &config);
        report::add_findings(&mut reviewed, &findings);
        report::summary_json(&portfolio, &findings)
    });
    output::print(&reviewed, format, portfolio);
    if !errors.is_empty() {
        return ExitCode::from(USAGE_ERROR);
    }
    let failed = fail_on.threshold().is_some_and(|threshold| {
        reviewed
            .iter()
            .flat_map(|f| &f.review.findings)
            .any(|f| f.severity >= threshold)
    });
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn report(path: PathBuf, output: PathBuf, config: Option<PathBuf>, open: bool) -> ExitCode {
    let portfolio_config = report::load_portfolio_config(config.as_deref());
    let config = match load_config(config) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("casebook: {e}");
            return ExitCode::from(USAGE_ERROR);
        }
    };
    let (files, errors) = files::collect(std::slice::from_ref(&path));
    for e in &errors {
        eprintln!("casebook: {e}");
    }
    if !path.exists() {
        return ExitCode::from(USAGE_ERROR);
    }
    let mut reviewed = output::review_files(&files, &config);
    let (html, studies) = report::run(&mut reviewed, &path, &portfolio_config, &config);
    if output.as_os_str() == "-" {
        print!("{html}");
        return ExitCode::SUCCESS;
    }
    match std::fs::write(&output, html) {
        Ok(()) => {
            eprintln!(
                "casebook: wrote {} ({studies} case stud{}, {} file{})",
                output.display(),
                if studies == 1 { "y" } else { "ies" },
                reviewed.len(),
                if reviewed.len() == 1 { "" } else { "s" }
            );
            if open {
                if let Err(e) = open_page(&output) {
                    eprintln!("casebook: the report is written, but cannot be opened: {e}");
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("casebook: cannot write {}: {e}", output.display());
            ExitCode::from(USAGE_ERROR)
        }
    }
}

/// Opens a written page in a viewer, without waiting for it: `$BROWSER` when set (a command, given the
/// page's path), else the system's opener. The page is a local file; nothing goes over the network.
fn open_page(page: &std::path::Path) -> std::io::Result<()> {
    let page = std::fs::canonicalize(page)?;
    let mut command = match std::env::var_os("BROWSER").filter(|b| !b.is_empty()) {
        Some(browser) => std::process::Command::new(browser),
        None if cfg!(target_os = "macos") => std::process::Command::new("open"),
        None if cfg!(windows) => {
            let mut c = std::process::Command::new("cmd");
            c.args(["/C", "start", ""]);
            c
        }
        None => std::process::Command::new("xdg-open"),
    };
    command
        .arg(page)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(drop)
}
