//! The `assay` binary: the window with no subcommand, else the command line.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    let cli = assay::cli::Cli::parse();
    match cli.command {
        Some(command) => assay::cli::run(command, cli.lang),
        // `assay` opens the built-in Afrikanda example; `assay FILE.ron`
        // opens the file (or, if it does not load, the example and a dialog
        // saying why).
        None => assay::app::run(cli.file, started),
    }
}
