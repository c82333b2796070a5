//! The `jianbao` command: parses arguments, dispatches to [`cmd`], prints
//! the diagnostics a command failed with, sets the exit code.

mod cli;
mod cmd;

use std::ffi::OsString;
use std::path::Path;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use cli::{Cli, Command};
use cmd::Reporter;

fn main() -> ExitCode {
    let (args, opened) = arguments();
    let cli = Cli::parse_from(args);
    jianbao::messages::set(match cli.lang {
        Some(lang) => lang.into(),
        // An issue opened with jianbao (Windows sets no LANG): Chinese.
        None if opened && !jianbao::messages::locale_set() => jianbao::messages::Lang::Zh,
        None => jianbao::messages::from_locale(),
    });
    let mut reporter = Reporter::new(cli.command.diagnostics());
    let result = match &cli.command {
        Command::Build(args) => cmd::build::run(args, &mut reporter),
        Command::Watch(args) => cmd::watch::run(args, &reporter),
        Command::Check(args) => cmd::check::run(args, &reporter),
        Command::Preview(args) => cmd::preview::run(args, &reporter),
        Command::Import(args) => cmd::import::run(args, &reporter),
        Command::Add(args) => cmd::add::run(args, &reporter),
        Command::Fonts(args) => cmd::fonts::run(args, &reporter),
        Command::Init { dir, date, gongwen } => cmd::scaffold::init(dir, date.as_deref(), *gongwen),
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
        Command::Schema {
            series,
            gongwen,
            office,
            write,
        } => cmd::print::schema(
            match (series, gongwen, office) {
                (true, _, _) => cmd::print::SchemaOf::Series,
                (_, true, _) => cmd::print::SchemaOf::Gongwen,
                (_, _, true) => cmd::print::SchemaOf::Office,
                _ => cmd::print::SchemaOf::Issue,
            },
            write.as_deref(),
        ),
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

/// The command line, with `preview` put in when the first argument is an
/// existing file and no command: what Windows passes when an issue is
/// dropped on jianbao.exe or opened with it, and the desktop entry runs.
/// The flag says whether it was put in.
fn arguments() -> (Vec<OsString>, bool) {
    let mut args: Vec<OsString> = std::env::args_os().collect();
    let opened = args.get(1).is_some_and(|first| {
        let is_command = first.to_str().is_some_and(|name| {
            name == "help"
                || Cli::command()
                    .get_subcommands()
                    .any(|c| c.get_name() == name || c.get_all_aliases().any(|a| a == name))
        });
        !is_command && Path::new(first).is_file()
    });
    if opened {
        args.insert(1, "preview".into());
    }
    (args, opened)
}
