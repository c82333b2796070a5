//! `jianbao schema`, `completions` and `man`: what other tools read about
//! jianbao (editors, shells, `man`), printed on standard output; the schemas
//! also written into a series folder (`schema --write DIR`).

use std::path::Path;

use clap::CommandFactory;
use jianbao::diag::{Diagnostic, Exit, io_reason};

use super::{Failed, Result, print_quietly};
use crate::cli::Cli;

/// Which schema `jianbao schema` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemaOf {
    /// Bulletin issue files.
    Issue,
    /// series.yaml.
    Series,
    /// 公文 files.
    Gongwen,
    /// office.yaml.
    Office,
}

/// The JSON Schema of issue, series, 公文 or office files; or a family's
/// two written into `write` (a series or office folder), replacing older ones.
pub fn schema(of: SchemaOf, write: Option<&Path>) -> Result {
    if let Some(dir) = write {
        let files = match of {
            SchemaOf::Gongwen | SchemaOf::Office => jianbao::schema::gongwen_files(),
            SchemaOf::Issue | SchemaOf::Series => jianbao::schema::files(),
        };
        for (name, text) in files {
            let path = dir.join(name);
            jianbao::output::write_atomically(&path, text.as_bytes()).map_err(|err| {
                Failed::trouble(Diagnostic::error(
                    Some(&path.display().to_string()),
                    format!("failed to write {} file ({})", "schema", io_reason(&err)),
                ))
            })?;
            print_quietly(format!("{}\n", path.display()).as_bytes())?;
        }
        return Ok(());
    }
    let schema = match of {
        SchemaOf::Issue => jianbao::schema::issue(),
        SchemaOf::Series => jianbao::schema::series(),
        SchemaOf::Gongwen => jianbao::schema::gongwen(),
        SchemaOf::Office => jianbao::schema::office(),
    };
    print_quietly(jianbao::schema::file_text(&schema).as_bytes())
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
