#![forbid(unsafe_code)]

use casebook::cli;
use std::process::ExitCode;

/// jemalloc where it builds (see Cargo.toml); the system allocator on Windows.
#[cfg(not(windows))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    cli::run()
}
