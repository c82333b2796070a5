//! The `jianbao` command: parses arguments, dispatches to [`cmd`], prints
//! the diagnostics a command failed with, sets the exit code.

mod cli;
mod cmd;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};
use cmd::Reporter;

fn main() -> ExitCode {
    let cli = Cli::parse();
    jianbao::messages::set(match cli.lang {
        Some(lang) => lang.into(),
        None => jianbao::messages::from_locale(),
    });
    let mut reporter = Reporter::new(cli.command.diagnostics());
    let result = match &cli.command {
        Command::Build(args) => cmd::build::run(args, &mut reporter),
        Command::Watch(args) => cmd::watch::run(args, &reporter),
        Command::Check(args) => cmd::check::run(args, &reporter),
        Command::Import(args) => cmd::import::run(args, &reporter),
        Command::Add(args) => cmd::add::run(args, &reporter),
        Command::Fonts(args) => cmd::fonts::run(args, &reporter),
        Command::Init { dir, date } => cmd::scaffold::init(dir, date.as_deref()),
        Command::New {
            dir,
            from,
            date,
            supplement,
            special,
        } => cmd::scaffold::new(
            dir,
            from.as_deref(),
            date.as_deref(),
            cli::kind(*supplement, *special),
        ),
        Command::Schema { series, write } => cmd::print::schema(*series, write.as_deref()),
        Command::Completions { shell } => cmd::print::completions(*shell),
        Command::Man => cmd::print::man(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failed) => {
            reporter.report(&failed.diagnostics);
            ExitCode::from(failed.exit.code())
        }
    }
}
