//! `jianbao schema`, `completions` and `man`: what other tools read about
//! jianbao (editors, shells, `man`), printed on standard output.

use clap::CommandFactory;
use jianbao::diag::Exit;

use super::{Failed, Result, print_quietly};
use crate::cli::Cli;

/// The JSON Schema of issue files, or of series files.
pub fn schema(series: bool) -> Result {
    let schema = if series {
        jianbao::schema::series()
    } else {
        jianbao::schema::issue()
    };
    let text = serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n";
    print_quietly(text.as_bytes())
}

/// A completion script for `shell`.
pub fn completions(shell: clap_complete::Shell) -> Result {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "jianbao", &mut script);
    print_quietly(&script)
}

/// The manual page (roff).
pub fn man() -> Result {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .map_err(|_| Failed::quiet(Exit::Trouble))?;
    print_quietly(&page)
}
