//! The `jianbao` command: parses arguments, dispatches, prints diagnostics,
//! sets the exit code. The work is in the library.

mod cli;

use std::fs;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use jianbao::diag::{Diagnostic, Failure};
use jianbao::input::{self, Input, LoadError};
use jianbao::typeset::fonts::{Fonts, Origin};
use jianbao::typeset::{Environment, TemplateSource};

use cli::{BuildArgs, CheckArgs, Cli, Command, CommonArgs, DiagnosticFormat, Format, ImportArgs};

/// Exit code: an issue has errors.
const INVALID: u8 = 1;
/// Exit code: usage or I/O error.
const TROUBLE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build(args) => build(&args),
        Command::Check(args) => check(&args),
        Command::Fonts(args) => fonts(&args.fonts.paths),
        Command::Import(args) => import(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(code) => ExitCode::from(code),
    }
}

/// Prints diagnostics on standard error in the chosen form.
fn report(format: DiagnosticFormat, diagnostics: &[Diagnostic]) {
    let mut stderr = io::stderr().lock();
    for d in diagnostics {
        let _ = match format {
            DiagnosticFormat::Human => write!(stderr, "{}", d.render()),
            DiagnosticFormat::Json => writeln!(stderr, "{}", d.to_json()),
        };
    }
}

/// The shared environment: fonts and template, checked once.
fn environment(common: &CommonArgs) -> Result<Environment, u8> {
    let template = match &common.template {
        None => TemplateSource::Shipped,
        Some(path) if path.is_dir() => {
            if !path.join("bulletin.typ").is_file() {
                report(
                    common.diagnostics,
                    &[Diagnostic::error(
                        Some(&path.display().to_string()),
                        "the template folder has no bulletin.typ",
                    )
                    .hint("a template folder must hold bulletin.typ defining `render(data)`")],
                );
                return Err(TROUBLE);
            }
            TemplateSource::Dir(path.clone())
        }
        Some(path) if path.is_file() => TemplateSource::File(path.clone()),
        Some(path) => {
            report(
                common.diagnostics,
                &[Diagnostic::error(
                    Some(&path.display().to_string()),
                    "template not found (not found)",
                )
                .hint("give a folder holding bulletin.typ, or a .typ file")],
            );
            return Err(TROUBLE);
        }
    };
    let (fonts, warnings) = Fonts::load(&common.fonts.paths);
    report(common.diagnostics, &warnings);
    Ok(Environment::new(fonts, template))
}

/// Loads and typesets one issue, printing its diagnostics.
fn compile(
    env: &Environment,
    input: &Input,
    common: &CommonArgs,
    rgb_only: bool,
) -> Result<(input::Loaded, jianbao::typeset::Typeset), u8> {
    let loaded = load(input, common.diagnostics)?;
    let (typeset, mut warnings) =
        jianbao::typeset_for(env, &loaded, rgb_only).map_err(|failure| {
            report(common.diagnostics, &failure.0);
            INVALID
        })?;
    if common.strict {
        for w in &mut warnings {
            w.severity = jianbao::diag::Severity::Error;
        }
    }
    report(common.diagnostics, &warnings);
    if common.strict && !warnings.is_empty() {
        return Err(INVALID);
    }
    Ok((loaded, typeset))
}

fn build(args: &BuildArgs) -> Result<(), u8> {
    let diagnostics = args.common.diagnostics;
    let format = args
        .format
        .or_else(|| args.output.as_deref().and_then(Format::from_path))
        .unwrap_or(Format::Pdf);
    let input = Input::from_arg(&args.input);
    let output = match (&args.output, &input) {
        (Some(path), _) if path == Path::new("-") => None,
        (Some(path), _) => Some(path.clone()),
        (None, Input::Path(path)) => Some(path.with_extension(format.extension())),
        (None, Input::Stdin) => None,
    };
    if args.wrap.is_some() && format != Format::Txt {
        report(
            diagnostics,
            &[
                Diagnostic::error(None, "--wrap applies to text output only")
                    .hint("add --format txt, or leave --wrap out"),
            ],
        );
        return Err(TROUBLE);
    }
    if output.is_none() && format == Format::Pdf && io::stdout().is_terminal() {
        report(
            diagnostics,
            &[
                Diagnostic::error(None, "refusing to write a PDF to a terminal")
                    .hint("redirect standard output, or give -o FILE"),
            ],
        );
        return Err(TROUBLE);
    }
    if let (Some(out), Input::Path(source)) = (&output, &input)
        && same_file(out, source)
    {
        report(
            diagnostics,
            &[Diagnostic::error(
                Some(&out.display().to_string()),
                "the output would overwrite the issue's source file",
            )
            .hint("give another -o FILE")],
        );
        return Err(TROUBLE);
    }
    let bytes = match format {
        Format::Pdf => {
            let env = environment(&args.common)?;
            let (loaded, typeset) =
                compile(&env, &input, &args.common, args.pdf_standard.is_some())?;
            let options = jianbao::pdf_options(
                &loaded.issue,
                source_date_epoch(),
                args.pdf_standard.map(|s| s.to_typst()),
            );
            jianbao::write::pdf::pdf(&typeset.document, &options).map_err(|failure: Failure| {
                report(diagnostics, &failure.0);
                INVALID
            })?
        }
        Format::Html | Format::Txt => {
            let loaded = load(&input, diagnostics)?;
            if format == Format::Html {
                jianbao::write::html::html(&loaded.issue, &Default::default())
                    .map_err(|err| {
                        report(
                            diagnostics,
                            &[Diagnostic::error(
                                None,
                                format!("failed to write HTML ({err})"),
                            )],
                        );
                        INVALID
                    })?
                    .into_bytes()
            } else {
                let options = jianbao::write::text::TextOptions { wrap: args.wrap };
                jianbao::write::text::text(&loaded.issue, &options).into_bytes()
            }
        }
    };
    let written = match &output {
        Some(path) => write_atomically(path, &bytes),
        None => io::stdout()
            .lock()
            .write_all(&bytes)
            .and_then(|()| io::stdout().flush()),
    };
    written.map_err(|err| {
        if err.kind() == io::ErrorKind::BrokenPipe {
            return TROUBLE;
        }
        let name = output
            .as_ref()
            .map_or("<stdout>".to_string(), |p| p.display().to_string());
        report(
            diagnostics,
            &[Diagnostic::error(
                Some(&name),
                format!(
                    "failed to write {} file ({})",
                    format.extension().to_uppercase(),
                    jianbao::io_reason(&err)
                ),
            )],
        );
        TROUBLE
    })
}

/// Loads an issue, printing its diagnostics.
fn load(input: &Input, format: DiagnosticFormat) -> Result<input::Loaded, u8> {
    input::load(input).map_err(|err| {
        report(format, &err.failure().0);
        match err {
            LoadError::Io(_) => TROUBLE,
            LoadError::Invalid(_) => INVALID,
        }
    })
}

fn check(args: &CheckArgs) -> Result<(), u8> {
    let env = environment(&args.common)?;
    let mut worst = 0;
    for path in &args.inputs {
        if let Err(code) = compile(&env, &Input::from_arg(path), &args.common, false) {
            worst = worst.max(code);
        }
    }
    if worst == 0 { Ok(()) } else { Err(worst) }
}

fn import(args: &ImportArgs) -> Result<(), u8> {
    let diagnostics = args.diagnostics;
    let input = Input::from_arg(&args.input);
    let name = input.name();
    let bytes = match &input {
        Input::Path(path) => fs::read(path),
        Input::Stdin => {
            let mut bytes = Vec::new();
            io::Read::read_to_end(&mut io::stdin(), &mut bytes).map(|_| bytes)
        }
    }
    .map_err(|err| {
        report(
            diagnostics,
            &[Diagnostic::error(
                Some(&name),
                format!("failed to read the text ({})", jianbao::io_reason(&err)),
            )],
        );
        TROUBLE
    })?;
    let output = match (&args.output, &input) {
        (Some(path), _) if path == Path::new("-") => None,
        (Some(path), _) => Some(path.clone()),
        (None, Input::Path(path)) => Some(path.with_extension("yaml")),
        (None, Input::Stdin) => None,
    };
    if let Some(out) = &output
        && out.exists()
        && !args.force
    {
        report(
            diagnostics,
            &[
                Diagnostic::error(Some(&out.display().to_string()), "the output file exists")
                    .hint("give --force to overwrite it, or another -o FILE"),
            ],
        );
        return Err(TROUBLE);
    }
    let (text, encoding) = jianbao::read::text::decode(&bytes, &name).map_err(|d| {
        report(diagnostics, &[d]);
        INVALID
    })?;
    let options = jianbao::read::text::ImportOptions {
        leads: !args.no_leads,
    };
    let mut imported = jianbao::read::text::import(&text, &name, &options).map_err(|failure| {
        report(diagnostics, &failure.0);
        INVALID
    })?;
    imported.encoding = encoding;
    if args.strict {
        for w in &mut imported.warnings {
            w.severity = jianbao::diag::Severity::Error;
        }
    }
    report(diagnostics, &imported.warnings);
    if args.strict && !imported.warnings.is_empty() {
        return Err(INVALID);
    }
    let mut comments = imported.comments.clone();
    if let Some(encoding) = encoding {
        comments.push(jianbao::write::yaml::Comment {
            spot: jianbao::write::yaml::Spot::Top,
            text: format!("imported from {encoding} text"),
        });
    }
    let yaml = jianbao::write::yaml::yaml(&imported.issue, &comments);
    let written = match &output {
        Some(path) => write_atomically(path, yaml.as_bytes()),
        None => io::stdout()
            .lock()
            .write_all(yaml.as_bytes())
            .and_then(|()| io::stdout().flush()),
    };
    written.map_err(|err| {
        if err.kind() != io::ErrorKind::BrokenPipe {
            let name = output
                .as_ref()
                .map_or("<stdout>".to_string(), |p| p.display().to_string());
            report(
                diagnostics,
                &[Diagnostic::error(
                    Some(&name),
                    format!("failed to write YAML file ({})", jianbao::io_reason(&err)),
                )],
            );
        }
        TROUBLE
    })
}

fn fonts(paths: &[PathBuf]) -> Result<(), u8> {
    let (fonts, warnings) = Fonts::load(paths);
    report(DiagnosticFormat::Human, &warnings);
    let mut out = io::stdout().lock();
    for (role, family, origin) in fonts.report() {
        let origin = match origin {
            Origin::Shipped(file) => format!("shipped ({file})"),
            Origin::File(path) => path.display().to_string(),
        };
        let fallbacks = fonts.roles().get(role)[1..].join(", ");
        let _ = writeln!(
            out,
            "{}\t{family}\t{origin}\tthen: {fallbacks}",
            role.chinese()
        );
    }
    Ok(())
}

/// `SOURCE_DATE_EPOCH`, if set to a number.
fn source_date_epoch() -> Option<i64> {
    std::env::var("SOURCE_DATE_EPOCH").ok()?.trim().parse().ok()
}

/// Whether two paths name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Writes `bytes` to `path` through a synced temporary file in the same
/// folder and a rename: readers see the old file or the new one, never half.
fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut file = tempfile::Builder::new()
        .prefix(".jianbao-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    // Keep the usual permissions of a new file (tempfile creates 0600).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = fs::set_permissions(path, fs::Permissions::from_mode(0o644));
    }
    Ok(())
}
