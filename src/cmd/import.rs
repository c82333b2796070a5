//! `jianbao import`: a past issue's text back to a YAML source.

use std::fs;
use std::io::{self, Read};

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
    let imported = jianbao::import::text(&bytes, &name, &options).map_err(Failed::invalid)?;
    reporter.report(&imported.warnings);
    emit(
        output.as_deref(),
        &Output::File(imported.yaml.into_bytes()),
        "YAML",
    )
}
