//! The `assay` binary: the window with no subcommand, else the command line.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = assay::cli::Cli::parse();
    match cli.command {
        Some(command) => assay::cli::run(command),
        None => {
            // The desktop window lands with the app issue; until then, help.
            use clap::CommandFactory;
            let _ = assay::cli::Cli::command().print_help();
            let _ = cli.file;
            ExitCode::SUCCESS
        }
    }
}
