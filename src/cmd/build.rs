//! `jianbao build`: one issue to one output, or a batch (several issues,
//! folders or formats) through [`jianbao::batch`].

use std::io::{self, IsTerminal};
use std::path::Path;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};
use jianbao::batch::{self, Outcome, Settings};
use jianbao::diag::io_reason;
use jianbao::diag::{Diagnostic, Exit};
use jianbao::incremental;
use jianbao::input::{self, Input};
use jianbao::messages::localise;
use jianbao::output::{self, same_file};
use jianbao::render::{self, Format, RenderOptions};
use jianbao::typeset::{Environment, timings};
use typst_timing::timed;

use super::{Failed, Reporter, Result, emit, environment_for, not_the_source, output_path};
use crate::cli::BuildArgs;

/// Runs `jianbao build`.
pub fn run(args: &BuildArgs, reporter: &mut Reporter) -> Result {
    let mut formats: Vec<Format> = args.format.iter().map(|&f| f.into()).collect();
    if formats.is_empty() {
        formats.push(
            args.output
                .as_deref()
                .and_then(Format::from_path)
                .unwrap_or(Format::Pdf),
        );
    }
    formats.sort();
    formats.dedup();
    if args.output_args.wrap.is_some() && !formats.contains(&Format::Txt) {
        return Err(Failed::trouble(
            Diagnostic::error(None, "--wrap applies to text output only")
                .hint("add --format txt, or leave --wrap out"),
        ));
    }
    let options = super::render_options(&args.output_args, &args.common);
    if args.timings.is_some() {
        timings::enable();
    }
    let single = args.inputs.len() == 1
        && args.out_dir.is_none()
        && formats.len() == 1
        && !args.inputs[0].is_dir();
    if single {
        return one(args, formats[0], &options, reporter);
    }
    if args.output.is_some() {
        return Err(Failed::trouble(
            Diagnostic::error(None, "-o names one output, but this build makes several")
                .hint("use --out-dir DIR for several issues or formats"),
        ));
    }
    if args.inputs.iter().any(|i| i == Path::new("-")) {
        return Err(Failed::trouble(Diagnostic::error(
            None,
            "standard input can only be built on its own",
        )));
    }
    many(args, &formats, options, reporter)
}

/// One issue, one format: to `-o`, beside the input, or to standard output.
fn one(args: &BuildArgs, format: Format, options: &RenderOptions, reporter: &Reporter) -> Result {
    let input = Input::from_arg(&args.inputs[0]);
    let output = output_path(args.output.as_deref(), &input, format.extension());
    if output.is_none() && format == Format::Pdf && io::stdout().is_terminal() {
        return Err(Failed::trouble(
            Diagnostic::error(None, "refusing to write a PDF to a terminal")
                .hint("redirect standard output, or give -o FILE"),
        ));
    }
    if output.is_none() && format.is_several_files() {
        return Err(Failed::trouble(
            Diagnostic::error(None, "this output is several files").hint("give -o PATH"),
        ));
    }
    if let (Some(out), Input::Path(source)) = (&output, &input) {
        not_the_source(out, source)?;
    }
    let source = match &input {
        Input::Path(source) => Some(source.as_path()),
        _ => None,
    };
    timings_clear_of(args, source.into_iter().chain(output.as_deref()))?;
    let env = environment_for(&[format], &args.common, reporter)?;
    let built = (|| -> Result {
        let loaded = timed!("jianbao: read issue", input::load_document(&input)?);
        let rendered = render::render_document(env.as_ref(), &loaded, format, options)
            .map_err(Failed::invalid)?;
        reporter.report(&rendered.warnings);
        timed!(
            "jianbao: write file",
            emit(output.as_deref(), &rendered.output, &format.name())
        )
    })();
    // The trace is written whether the build succeeded or not.
    write_timings(args, env.as_ref())?;
    built
}

/// Refuses a `--timings` file that is one of the build's inputs or outputs.
fn timings_clear_of<'a>(args: &BuildArgs, paths: impl IntoIterator<Item = &'a Path>) -> Result {
    let Some(timings) = &args.timings else {
        return Ok(());
    };
    for path in paths {
        if same_file(timings, path) || timings == path {
            return Err(Failed::trouble(
                Diagnostic::error(
                    Some(&timings.display().to_string()),
                    format!("the timings would overwrite {}", path.display()),
                )
                .hint("give --timings a file name of its own"),
            ));
        }
    }
    Ok(())
}

/// The trace of `--timings`, when asked for.
fn write_timings(args: &BuildArgs, env: Option<&Environment>) -> Result {
    let Some(path) = &args.timings else {
        return Ok(());
    };
    let failed = |reason: String| {
        Failed::trouble(Diagnostic::error(
            Some(&path.display().to_string()),
            format!("failed to write the timings ({reason})"),
        ))
    };
    let json = timings::export(env).map_err(failed)?;
    output::write_atomically(path, &json).map_err(|e| failed(io_reason(&e)))
}

/// A batch: every issue found, to every format, in parallel, with progress.
fn many(
    args: &BuildArgs,
    formats: &[Format],
    options: RenderOptions,
    reporter: &mut Reporter,
) -> Result {
    let jobs = batch::discover(&args.inputs, args.out_dir.as_deref(), formats)
        .map_err(Failed::trouble_all)?;
    timings_clear_of(
        args,
        jobs.iter().flat_map(|job| {
            std::iter::once(job.input.as_path()).chain(job.outputs.iter().map(|(_, o)| o.as_path()))
        }),
    )?;
    let env = environment_for(formats, &args.common, reporter)?.map(|mut env| {
        env.memo_age = batch::MEMO_AGE;
        env
    });
    let environment_key = match &env {
        Some(env) => incremental::environment_key(&env.template, &args.common.fonts.paths),
        None => String::new(),
    };
    let settings = Settings {
        jobs: args
            .jobs
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())),
        force: args.force,
        options,
        environment_key,
    };
    if !args.quiet && io::stderr().is_terminal() {
        let bar = ProgressBar::new(jobs.len() as u64);
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}") {
            bar.set_style(style);
        }
        reporter.bar = Some(bar);
    }
    let started = Instant::now();
    let shared = &*reporter;
    let summary = batch::run(env.as_ref(), &jobs, &settings, &|report| {
        shared.report(&report.diagnostics);
        if let Some(bar) = &shared.bar {
            bar.set_message(report.job.input.display().to_string());
            bar.inc(1);
        }
        if report
            .outcomes
            .iter()
            .any(|o| matches!(o, Outcome::Failed(_)))
        {
            shared.status(&localise(&format!(
                "failed: {}",
                report.job.input.display()
            )));
        }
    });
    if let Some(bar) = reporter.bar.take() {
        bar.finish_and_clear();
    }
    if !args.quiet {
        reporter.status(&localise(&format!(
            "{} issues: {} built, {} unchanged, {} failed ({:.1} s)",
            jobs.len(),
            summary.built,
            summary.unchanged,
            summary.failed,
            started.elapsed().as_secs_f64()
        )));
    }
    write_timings(args, env.as_ref())?;
    match summary.worst {
        Exit::Success => Ok(()),
        worst => Err(Failed::quiet(worst)),
    }
}
