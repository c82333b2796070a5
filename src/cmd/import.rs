//! `jianbao import`: a past issue's text back to a YAML source.

use std::fs;
use std::io::{self, Read};
use std::path::Path;

use jianbao::diag::{Diagnostic, io_reason};
use jianbao::input::Input;
use jianbao::render::Output;

use super::{Failed, Reporter, Result, emit, output_path};
use crate::cli::ImportArgs;

/// Runs `jianbao import`.
pub fn run(args: &ImportArgs, reporter: &Reporter) -> Result {
    let input = Input::from_arg(&args.input);
    let name = input.name();
    let bytes = match &input {
        Input::Path(path) => fs::read(path),
        Input::Stdin => {
            let mut bytes = Vec::new();
            io::stdin().read_to_end(&mut bytes).map(|_| bytes)
        }
    }
    .map_err(|err| {
        Failed::trouble(Diagnostic::error(
            Some(&name),
            format!("failed to read the text ({})", io_reason(&err)),
        ))
    })?;
    let output = output_path(args.output.as_deref(), &input, "yaml");
    if let Some(out) = &output
        && out.exists()
        && !args.force
    {
        return Err(Failed::trouble(
            Diagnostic::error(Some(&out.display().to_string()), "the output file exists")
                .hint("give --force to overwrite it, or another -o FILE"),
        ));
    }
    let options = jianbao::import::Options {
        text: jianbao::read::text::ImportOptions {
            leads: !args.no_leads,
        },
        strict: args.strict,
    };
    let stem = output
        .as_deref()
        .or(match &input {
            Input::Path(path) => Some(path.as_path()),
            Input::Stdin => None,
        })
        .and_then(|p| p.file_stem())
        .map_or("issue".to_string(), |s| s.to_string_lossy().into_owned());
    let imported =
        jianbao::import::file(&bytes, &name, &stem, &options).map_err(Failed::invalid)?;
    reporter.report(&imported.warnings);
    // Photos go beside the YAML; with the YAML on standard output they
    // cannot, and the YAML names files that are not there.
    match output
        .as_deref()
        .map(|o| o.parent().unwrap_or(Path::new("")))
    {
        Some(folder) => {
            for (file, bytes) in &imported.files {
                let path = folder.join(file);
                if path.exists() && !args.force {
                    return Err(Failed::trouble(
                        Diagnostic::error(
                            Some(&path.display().to_string()),
                            "the photo file exists",
                        )
                        .hint("give --force to overwrite it, or another -o FILE"),
                    ));
                }
                jianbao::output::write_atomically(&path, bytes).map_err(|err| {
                    Failed::trouble(Diagnostic::error(
                        Some(&path.display().to_string()),
                        format!("failed to write {} file ({})", "photo", io_reason(&err)),
                    ))
                })?;
            }
        }
        None if !imported.files.is_empty() => reporter.report(&[Diagnostic::warning(
            Some(&name),
            format!(
                "{} photos are not written: the YAML goes to standard output",
                imported.files.len()
            ),
        )
        .hint("give -o FILE to write the YAML and its photos into a folder")]),
        None => {}
    }
    emit(
        output.as_deref(),
        &Output::File(imported.yaml.into_bytes()),
        "YAML",
    )
}
