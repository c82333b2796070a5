//! `jianbao watch`: build an issue, then again whenever a file it depends on
//! changes; a broken save keeps the last good output.

use std::time::Instant;

use jianbao::diag::Diagnostic;
use jianbao::input::{self, Input};
use jianbao::messages::localise;
use jianbao::render::{self, Format};
use jianbao::watch::{Watcher, dependencies};

use super::{Failed, Reporter, Result, emit, environment_for, not_the_source, output_path};
use crate::cli::WatchArgs;

/// Runs `jianbao watch` until it is stopped or watching fails.
pub fn run(args: &WatchArgs, reporter: &Reporter) -> Result {
    let format: Format = args
        .format
        .map(Into::into)
        .or_else(|| args.output.as_deref().and_then(Format::from_path))
        .unwrap_or(Format::Pdf);
    let input = Input::Path(args.input.clone());
    let output = output_path(args.output.as_deref(), &input, format.extension())
        .unwrap_or_else(|| args.input.with_extension(format.extension()));
    not_the_source(&output, &args.input)?;
    let options = super::render_options(&args.output_args, &args.common);
    let env = environment_for(&[format], &args.common, reporter)?;
    let failed = |e: notify::Error| {
        Failed::trouble(Diagnostic::error(
            None,
            format!("failed to watch files ({e})"),
        ))
    };
    let mut watcher = Watcher::new().map_err(failed)?;
    let mut opened = false;
    loop {
        let started = Instant::now();
        let loaded = input::load_document(&input);
        // Watch first, build second: a save during the build is not missed.
        let template = env.as_ref().map(|e| &e.template);
        let files = dependencies(&args.input, loaded.as_ref().ok(), template);
        watcher.update(files).map_err(failed)?;
        let rendered = loaded.map_err(Failed::from).and_then(|loaded| {
            render::render_document(env.as_ref(), &loaded, format, &options)
                .map_err(Failed::invalid)
        });
        match rendered {
            Ok(rendered) => {
                reporter.report(&rendered.warnings);
                match emit(Some(&output), &rendered.output, &format.name()) {
                    Ok(()) => {
                        reporter.status(&localise(&format!(
                            "built {} in {} ms",
                            output.display(),
                            started.elapsed().as_millis()
                        )));
                        if args.open && !opened {
                            opened = true;
                            super::open(output.as_os_str(), reporter);
                        }
                    }
                    Err(failure) => reporter.report(&failure.diagnostics),
                }
            }
            Err(failure) => {
                reporter.report(&failure.diagnostics);
                reporter.status(&localise(&format!(
                    "not built: keeping the last good {}",
                    output.display()
                )));
            }
        }
        watcher.wait().map_err(failed)?;
    }
}
