//! `jianbao check`: read and lay out issues without writing anything; a
//! series file among the inputs is checked as a series file.

use std::fs;

use jianbao::diag::{Diagnostic, Exit, io_reason};
use jianbao::input::{self, Document, Input};
use jianbao::read::gongwen::{OFFICE_FILE, read_office};
use jianbao::read::yaml::{SERIES_FILE, Source, read_series};
use jianbao::typeset::{self, Environment};

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
            Input::Path(p) if p.file_name() == Some(OFFICE_FILE.as_ref()) => office(p),
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
    let warnings = match input::load_document(input)? {
        Document::Bulletin(loaded) => jianbao::typeset(env, &loaded).map_err(Failed::invalid)?.1,
        Document::Gongwen(loaded) => {
            typeset::typeset_gongwen(env, &loaded, &Default::default())
                .map_err(Failed::invalid)?
                .1
        }
    };
    if strict {
        jianbao::diag::strict(warnings).map_err(Failed::invalid)?;
    } else {
        reporter.report(&warnings);
    }
    Ok(())
}

/// A series file: it reads, and holds only settings issues may share.
fn series(path: &std::path::Path) -> Result {
    shared_file(path, "failed to read the series file", read_series)
}

/// An office file: it reads, and holds only what its documents share.
fn office(path: &std::path::Path) -> Result {
    shared_file(path, "failed to read the office file", read_office)
}

fn shared_file(
    path: &std::path::Path,
    failed: &str,
    read: fn(Source) -> std::result::Result<(), jianbao::diag::Failure>,
) -> Result {
    let name = path.display().to_string();
    let text = fs::read_to_string(path).map_err(|err| {
        Failed::trouble(Diagnostic::error(
            Some(&name),
            format!("{failed} ({})", io_reason(&err)),
        ))
    })?;
    read(Source {
        name: &name,
        text: &text,
    })
    .map_err(Failed::invalid)
}
