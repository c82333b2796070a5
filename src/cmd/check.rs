//! `jianbao check`: read and lay out issues without writing anything; a
//! series file among the inputs is checked as a series file.

use std::fs;

use jianbao::diag::{Diagnostic, Exit, io_reason};
use jianbao::input::{self, Input};
use jianbao::read::yaml::{SERIES_FILE, Source, read_series};
use jianbao::typeset::Environment;

use super::{Failed, Reporter, Result, environment};
use crate::cli::CheckArgs;

/// Runs `jianbao check`: every input is checked, the worst result is the exit code.
pub fn run(args: &CheckArgs, reporter: &Reporter) -> Result {
    let env = environment(&args.common, reporter)?;
    let mut worst = Exit::Success;
    for path in &args.inputs {
        let input = Input::from_arg(path);
        let checked = match &input {
            Input::Path(p) if p.file_name() == Some(SERIES_FILE.as_ref()) => series(p),
            _ => issue(&env, &input, args.common.strict, reporter),
        };
        if let Err(failed) = checked {
            reporter.report(&failed.diagnostics);
            worst = worst.max(failed.exit);
        }
    }
    match worst {
        Exit::Success => Ok(()),
        worst => Err(Failed::quiet(worst)),
    }
}

/// An issue: read, laid out, its warnings printed (errors under `strict`).
fn issue(env: &Environment, input: &Input, strict: bool, reporter: &Reporter) -> Result {
    let loaded = input::load(input)?;
    let (_, warnings) = jianbao::typeset(env, &loaded).map_err(Failed::invalid)?;
    if strict {
        jianbao::diag::strict(warnings).map_err(Failed::invalid)?;
    } else {
        reporter.report(&warnings);
    }
    Ok(())
}

/// A series file: it reads, and holds only settings issues may share.
fn series(path: &std::path::Path) -> Result {
    let name = path.display().to_string();
    let text = fs::read_to_string(path).map_err(|err| {
        Failed::trouble(Diagnostic::error(
            Some(&name),
            format!("failed to read the series file ({})", io_reason(&err)),
        ))
    })?;
    read_series(Source {
        name: &name,
        text: &text,
    })
    .map_err(Failed::invalid)
}
