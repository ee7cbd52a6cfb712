//! Which files `check` reads: the markdown files named, and those inside the folders named (hidden
//! folders, `node_modules` and `target` skipped), each read as UTF-8 text.

use std::path::{Path, PathBuf};

/// A markdown file read from disk.
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
}

const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

fn is_markdown(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("md" | "markdown" | "mdown" | "mkd")
    )
}

fn skipped_dir(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
        n.starts_with('.') && n != "." && n != ".." || n == "node_modules" || n == "target"
    })
}

/// Reads the files; problems (missing paths, unreadable or binary files) come back as one-line reasons.
pub fn collect(paths: &[PathBuf]) -> (Vec<SourceFile>, Vec<String>) {
    let mut found = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut found, &mut errors);
        } else if path.exists() {
            found.push(path.clone());
        } else {
            errors.push(format!("{}: no such file or folder", path.display()));
        }
    }
    found.sort();
    found.dedup();
    let mut files = Vec::new();
    for path in found {
        match read(&path) {
            Ok(text) => files.push(SourceFile { path, text }),
            Err(e) => errors.push(format!("{}: {e}", path.display())),
        }
    }
    (files, errors)
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>, errors: &mut Vec<String>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(format!("{}: {e}", dir.display()));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() && !skipped_dir(&path) {
            walk(&path, found, errors);
        } else if kind.is_file() && is_markdown(&path) {
            found.push(path);
        }
    }
}

fn read(path: &Path) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!(
            "{} MB is more than the {} MB a case-study file may be; skipped",
            meta.len() / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    if bytes.contains(&0) {
        return Err("contains NUL bytes, so it is not a text file; skipped".into());
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "is not UTF-8 text (invalid byte at offset {}); skipped",
            e.utf8_error().valid_up_to()
        )
    })
}
