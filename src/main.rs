#![forbid(unsafe_code)]

use casebook::cli;
use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
