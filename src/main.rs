//! The `jianbao` command: parses arguments, dispatches, prints diagnostics,
//! sets the exit code. The work is in the library.

mod cli;

use std::fs;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{CommandFactory, Parser};
use indicatif::{ProgressBar, ProgressStyle};
use jianbao::batch::{self, Outcome, Settings};
use jianbao::diag::Diagnostic;
use jianbao::input::{self, Input, LoadError};
use jianbao::messages::{Lang, localise};
use jianbao::output::write_output;
use jianbao::render::{self, Format, Output, RenderOptions};
use jianbao::typeset::fonts::{Fonts, Origin};
use jianbao::typeset::{Environment, TemplateSource};

use cli::{
    BuildArgs, CheckArgs, Cli, Command, CommonArgs, DiagnosticFormat, ImportArgs, OutputArgs,
    WatchArgs,
};

/// Exit code: an issue has errors.
const INVALID: u8 = 1;
/// Exit code: usage or I/O error.
const TROUBLE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    jianbao::messages::set(match cli.lang {
        Some(cli::Lang::En) => Lang::En,
        Some(cli::Lang::Zh) => Lang::Zh,
        None => jianbao::messages::from_locale(),
    });
    let result = match cli.command {
        Command::Build(args) => build(&args),
        Command::Watch(args) => watch(&args),
        Command::Check(args) => check(&args),
        Command::Import(args) => import(&args),
        Command::Fonts(args) => fonts(&args.fonts.paths),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "jianbao", &mut script);
            print_quietly(&script)
        }
        Command::Man => {
            let mut page = Vec::new();
            match clap_mangen::Man::new(Cli::command()).render(&mut page) {
                Ok(()) => print_quietly(&page),
                Err(_) => Err(TROUBLE),
            }
        }
        Command::Init { dir, date } => init(&dir, date.as_deref()),
        Command::New {
            dir,
            from,
            date,
            supplement,
            special,
        } => {
            let kind = if supplement {
                jianbao::model::Kind::Supplement
            } else if special {
                jianbao::model::Kind::Special
            } else {
                jianbao::model::Kind::Regular
            };
            new_issue(&dir, from.as_deref(), date.as_deref(), kind)
        }
        Command::Schema { series } => {
            let schema = if series {
                jianbao::schema::series()
            } else {
                jianbao::schema::issue()
            };
            println!(
                "{}",
                serde_json::to_string_pretty(&schema).unwrap_or_default()
            );
            Ok(())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(code) => ExitCode::from(code),
    }
}

/// Prints diagnostics on standard error: human (coloured on a terminal unless
/// NO_COLOR is set) or JSON lines; around a progress bar when there is one.
struct Reporter {
    format: DiagnosticFormat,
    colour: bool,
    bar: Option<ProgressBar>,
}

impl Reporter {
    fn new(format: DiagnosticFormat) -> Reporter {
        let colour =
            io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        Reporter {
            format,
            colour,
            bar: None,
        }
    }

    fn report(&self, diagnostics: &[Diagnostic]) {
        if diagnostics.is_empty() {
            return;
        }
        let text: String = diagnostics
            .iter()
            .map(|d| match self.format {
                DiagnosticFormat::Human => d.render_coloured(self.colour),
                DiagnosticFormat::Json => d.to_json() + "\n",
            })
            .collect();
        let print = || {
            let _ = io::stderr().lock().write_all(text.as_bytes());
        };
        match &self.bar {
            Some(bar) => bar.suspend(print),
            None => print(),
        }
    }

    fn error(&self, diagnostic: Diagnostic) {
        self.report(&[diagnostic]);
    }
}

/// The shared environment: fonts and template, checked once.
fn environment(common: &CommonArgs, reporter: &Reporter) -> Result<Environment, u8> {
    let template = template_source(common, reporter)?;
    let (fonts, warnings) = Fonts::load(&common.fonts.paths);
    reporter.report(&warnings);
    Ok(Environment::new(fonts, template))
}

fn template_source(common: &CommonArgs, reporter: &Reporter) -> Result<TemplateSource, u8> {
    match &common.template {
        None => Ok(TemplateSource::Shipped),
        Some(path) if path.is_dir() => {
            if !path.join("bulletin.typ").is_file() {
                reporter.error(
                    Diagnostic::error(
                        Some(&path.display().to_string()),
                        "the template folder has no bulletin.typ",
                    )
                    .hint("a template folder must hold bulletin.typ defining `render(data)`"),
                );
                return Err(TROUBLE);
            }
            Ok(TemplateSource::Dir(path.clone()))
        }
        Some(path) if path.is_file() => Ok(TemplateSource::File(path.clone())),
        Some(path) => {
            reporter.error(
                Diagnostic::error(
                    Some(&path.display().to_string()),
                    "template not found (not found)",
                )
                .hint("give a folder holding bulletin.typ, or a .typ file"),
            );
            Err(TROUBLE)
        }
    }
}

fn render_options(output: &OutputArgs, common: &CommonArgs) -> RenderOptions {
    RenderOptions {
        pdf_standard: output.pdf_standard.map(Into::into),
        wrap: output.wrap,
        strict: common.strict,
        source_date_epoch: std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|v| v.trim().parse().ok()),
        ppi: Some(output.ppi),
        pages: output.pages.clone().map(|p| p.0).unwrap_or_default(),
        link_photos: output.link_photos,
    }
}

/// Loads an issue, printing its diagnostics.
fn load(input: &Input, reporter: &Reporter) -> Result<input::Loaded, u8> {
    input::load(input).map_err(|err| {
        reporter.report(&err.failure().0);
        match err {
            LoadError::Io(_) => TROUBLE,
            LoadError::Invalid(_) => INVALID,
        }
    })
}

/// The output path of a single build: `None` is standard output.
fn single_output(output: Option<&Path>, input: &Input, format: Format) -> Option<PathBuf> {
    match (output, input) {
        (Some(path), _) if path == Path::new("-") => None,
        (Some(path), _) => Some(path.to_path_buf()),
        (None, Input::Path(path)) => Some(path.with_extension(format.extension())),
        (None, Input::Stdin) => None,
    }
}

fn build(args: &BuildArgs) -> Result<(), u8> {
    let reporter = Reporter::new(args.common.diagnostics);
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
        reporter.error(
            Diagnostic::error(None, "--wrap applies to text output only")
                .hint("add --format txt, or leave --wrap out"),
        );
        return Err(TROUBLE);
    }
    let options = render_options(&args.output_args, &args.common);
    let single = args.inputs.len() == 1
        && args.out_dir.is_none()
        && formats.len() == 1
        && !args.inputs[0].is_dir();
    if single {
        return build_one(args, formats[0], &options, &reporter);
    }
    if args.output.is_some() {
        reporter.error(
            Diagnostic::error(None, "-o names one output, but this build makes several")
                .hint("use --out-dir DIR for several issues or formats"),
        );
        return Err(TROUBLE);
    }
    if args.inputs.iter().any(|i| i == Path::new("-")) {
        reporter.error(Diagnostic::error(
            None,
            "standard input can only be built on its own",
        ));
        return Err(TROUBLE);
    }
    build_batch(args, &formats, options, reporter)
}

fn build_one(
    args: &BuildArgs,
    format: Format,
    options: &RenderOptions,
    reporter: &Reporter,
) -> Result<(), u8> {
    let input = Input::from_arg(&args.inputs[0]);
    let output = single_output(args.output.as_deref(), &input, format);
    if output.is_none() && format == Format::Pdf && io::stdout().is_terminal() {
        reporter.error(
            Diagnostic::error(None, "refusing to write a PDF to a terminal")
                .hint("redirect standard output, or give -o FILE"),
        );
        return Err(TROUBLE);
    }
    if output.is_none() && matches!(format, Format::Typ | Format::Png | Format::Svg) {
        reporter
            .error(Diagnostic::error(None, "this output is several files").hint("give -o PATH"));
        return Err(TROUBLE);
    }
    if let (Some(out), Input::Path(source)) = (&output, &input)
        && same_file(out, source)
    {
        reporter.error(
            Diagnostic::error(
                Some(&out.display().to_string()),
                "the output would overwrite the issue's source file",
            )
            .hint("give another -o FILE"),
        );
        return Err(TROUBLE);
    }
    let env = match format.needs_typesetting() {
        true => Some(environment(&args.common, reporter)?),
        false => None,
    };
    let loaded = load(&input, reporter)?;
    let rendered = render::render(env.as_ref(), &loaded, format, options).map_err(|failure| {
        reporter.report(&failure.0);
        INVALID
    })?;
    reporter.report(&rendered.warnings);
    write_to(output.as_deref(), &rendered.output, format, reporter)
}

/// Writes an output to `path`, or to standard output; a closed pipe ends quietly.
fn write_to(
    path: Option<&Path>,
    output: &Output,
    format: Format,
    reporter: &Reporter,
) -> Result<(), u8> {
    let written = match (path, output) {
        (Some(path), output) => write_output(path, output),
        (None, Output::File(bytes)) => io::stdout()
            .lock()
            .write_all(bytes)
            .and_then(|()| io::stdout().flush()),
        (None, Output::Folder(_) | Output::Pages(_)) => unreachable!("refused above"),
    };
    written.map_err(|err| {
        if err.kind() != io::ErrorKind::BrokenPipe {
            let name = path.map_or("<stdout>".to_string(), |p| p.display().to_string());
            reporter.error(Diagnostic::error(
                Some(&name),
                format!(
                    "failed to write {} file ({})",
                    format.extension().to_uppercase(),
                    jianbao::io_reason(&err)
                ),
            ));
        }
        TROUBLE
    })
}

fn build_batch(
    args: &BuildArgs,
    formats: &[Format],
    options: RenderOptions,
    mut reporter: Reporter,
) -> Result<(), u8> {
    let jobs =
        batch::discover(&args.inputs, args.out_dir.as_deref(), formats).map_err(|problems| {
            reporter.report(&problems);
            TROUBLE
        })?;
    let env = match formats.iter().any(|f| f.needs_typesetting()) {
        true => Some(environment(&args.common, &reporter)?),
        false => None,
    };
    let environment_key = match &env {
        Some(env) => render::environment_key(&env.template, &args.common.fonts.paths),
        None => String::new(),
    };
    let threads = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let settings = Settings {
        jobs: threads,
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
    let summary = batch::run(env.as_ref(), &jobs, &settings, &|report| {
        reporter.report(&report.diagnostics);
        if let Some(bar) = &reporter.bar {
            bar.set_message(report.job.input.display().to_string());
            bar.inc(1);
        }
        if report
            .outcomes
            .iter()
            .any(|o| matches!(o, Outcome::Failed(_)))
        {
            let line = localise(&format!("failed: {}", report.job.input.display())) + "\n";
            if reporter.format == DiagnosticFormat::Human {
                match &reporter.bar {
                    Some(bar) => bar.suspend(|| eprint!("{line}")),
                    None => eprint!("{line}"),
                }
            }
        }
    });
    if let Some(bar) = &reporter.bar {
        bar.finish_and_clear();
    }
    if !args.quiet && reporter.format == DiagnosticFormat::Human {
        eprintln!(
            "{}",
            localise(&format!(
                "{} issues: {} built, {} unchanged, {} failed ({:.1} s)",
                jobs.len(),
                summary.built,
                summary.unchanged,
                summary.failed,
                started.elapsed().as_secs_f64()
            ))
        );
    }
    if summary.worst == 0 {
        Ok(())
    } else {
        Err(summary.worst)
    }
}

fn watch(args: &WatchArgs) -> Result<(), u8> {
    let reporter = Reporter::new(args.common.diagnostics);
    let format: Format = args
        .format
        .map(Into::into)
        .or_else(|| args.output.as_deref().and_then(Format::from_path))
        .unwrap_or(Format::Pdf);
    let input = Input::Path(args.input.clone());
    let output = single_output(args.output.as_deref(), &input, format)
        .unwrap_or_else(|| args.input.with_extension(format.extension()));
    if same_file(&output, &args.input) {
        reporter.error(
            Diagnostic::error(
                Some(&output.display().to_string()),
                "the output would overwrite the issue's source file",
            )
            .hint("give another -o FILE"),
        );
        return Err(TROUBLE);
    }
    let options = render_options(&args.output_args, &args.common);
    let env = match format.needs_typesetting() {
        true => Some(environment(&args.common, &reporter)?),
        false => None,
    };
    let mut watcher = jianbao::watch::Watcher::new().map_err(|e| {
        reporter.error(Diagnostic::error(
            None,
            format!("failed to watch files ({e})"),
        ));
        TROUBLE
    })?;
    let mut opened = false;
    loop {
        let started = Instant::now();
        let mut dependencies = vec![
            absolute(&args.input),
            absolute(&args.input).with_file_name(jianbao::read::yaml::SERIES_FILE),
        ];
        match input::load(&input) {
            Ok(loaded) => {
                dependencies.extend(
                    render::photo_paths(&loaded)
                        .iter()
                        .map(|p| loaded.folder.join(p)),
                );
                match render::render(env.as_ref(), &loaded, format, &options) {
                    Ok(rendered) => {
                        reporter.report(&rendered.warnings);
                        if write_to(Some(&output), &rendered.output, format, &reporter).is_ok() {
                            eprintln!(
                                "built {} in {} ms",
                                output.display(),
                                started.elapsed().as_millis()
                            );
                            if args.open && !opened {
                                opened = true;
                                open(&output, &reporter);
                            }
                        }
                    }
                    Err(failure) => {
                        reporter.report(&failure.0);
                        eprintln!(
                            "{}",
                            localise(&format!(
                                "not built: keeping the last good {}",
                                output.display()
                            ))
                        );
                    }
                }
            }
            Err(err) => {
                reporter.report(&err.failure().0);
                eprintln!(
                    "{}",
                    localise(&format!(
                        "not built: keeping the last good {}",
                        output.display()
                    ))
                );
            }
        }
        if let Some(env) = &env
            && let TemplateSource::Dir(_) | TemplateSource::File(_) = &env.template
        {
            let template: Vec<PathBuf> = match &env.template {
                TemplateSource::Dir(dir) => render::template_files(&env.template)
                    .map(|files| {
                        files
                            .into_iter()
                            .map(|(rel, _)| absolute(&dir.join(rel)))
                            .collect()
                    })
                    .unwrap_or_default(),
                TemplateSource::File(file) => vec![absolute(file)],
                TemplateSource::Shipped => Vec::new(),
            };
            dependencies.extend(template);
        }
        let waited = watcher.update(dependencies).and_then(|()| watcher.wait());
        if let Err(err) = waited {
            reporter.error(Diagnostic::error(
                None,
                format!("failed to watch files ({err})"),
            ));
            return Err(TROUBLE);
        }
    }
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Opens `path` in the system viewer.
fn open(path: &Path, reporter: &Reporter) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    if let Err(err) = std::process::Command::new(opener).arg(path).spawn() {
        reporter.report(&[Diagnostic::warning(
            None,
            format!("failed to open {} ({err})", path.display()),
        )]);
    }
}

fn check(args: &CheckArgs) -> Result<(), u8> {
    let reporter = Reporter::new(args.common.diagnostics);
    let env = environment(&args.common, &reporter)?;
    let mut worst = 0;
    for path in &args.inputs {
        let checked = load(&Input::from_arg(path), &reporter).and_then(|loaded| {
            let (_, warnings) = jianbao::typeset(&env, &loaded).map_err(|failure| {
                reporter.report(&failure.0);
                INVALID
            })?;
            if args.common.strict {
                jianbao::diag::strict(warnings).map_err(|failure| {
                    reporter.report(&failure.0);
                    INVALID
                })?;
            } else {
                reporter.report(&warnings);
            }
            Ok(())
        });
        if let Err(code) = checked {
            worst = worst.max(code);
        }
    }
    if worst == 0 { Ok(()) } else { Err(worst) }
}

fn import(args: &ImportArgs) -> Result<(), u8> {
    let reporter = Reporter::new(args.diagnostics);
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
        reporter.error(Diagnostic::error(
            Some(&name),
            format!("failed to read the text ({})", jianbao::io_reason(&err)),
        ));
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
        reporter.error(
            Diagnostic::error(Some(&out.display().to_string()), "the output file exists")
                .hint("give --force to overwrite it, or another -o FILE"),
        );
        return Err(TROUBLE);
    }
    let (text, encoding) = jianbao::read::text::decode(&bytes, &name).map_err(|d| {
        reporter.error(d);
        INVALID
    })?;
    let options = jianbao::read::text::ImportOptions {
        leads: !args.no_leads,
    };
    let imported = jianbao::read::text::import(&text, &name, &options).map_err(|failure| {
        reporter.report(&failure.0);
        INVALID
    })?;
    if args.strict {
        jianbao::diag::strict(imported.warnings.clone()).map_err(|failure| {
            reporter.report(&failure.0);
            INVALID
        })?;
    } else {
        reporter.report(&imported.warnings);
    }
    let mut comments = imported.comments.clone();
    if let Some(encoding) = encoding {
        comments.insert(
            0,
            jianbao::write::yaml::Comment {
                spot: jianbao::write::yaml::Spot::Top,
                text: format!("imported from {encoding} text"),
            },
        );
    }
    let yaml = jianbao::write::yaml::yaml(&imported.issue, &comments);
    // What import writes must build: read it back before writing it.
    let check = jianbao::read::yaml::Source {
        name: &name,
        text: &yaml,
    };
    if let Err(failure) = jianbao::read::yaml::read_issue(check, None) {
        reporter.error(Diagnostic::error(
            Some(&name),
            "the imported issue does not read back as a valid issue",
        ));
        reporter.report(&failure.0);
        return Err(INVALID);
    }
    let written = match &output {
        Some(path) => jianbao::output::write_atomically(path, yaml.as_bytes()),
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
            reporter.error(Diagnostic::error(
                Some(&name),
                format!("failed to write YAML file ({})", jianbao::io_reason(&err)),
            ));
        }
        TROUBLE
    })
}

fn fonts(paths: &[PathBuf]) -> Result<(), u8> {
    let reporter = Reporter::new(DiagnosticFormat::Human);
    let (fonts, warnings) = Fonts::load(paths);
    reporter.report(&warnings);
    let mut out = io::stdout().lock();
    for (role, family, origin) in fonts.report() {
        let origin = match origin {
            Origin::Shipped(file) => format!("shipped ({file})"),
            Origin::File(path) => path.display().to_string(),
        };
        let fallbacks = fonts.roles().get(role)[1..].join(", ");
        if writeln!(
            out,
            "{}\t{family}\t{origin}\tthen: {fallbacks}",
            role.chinese()
        )
        .is_err()
        {
            break;
        }
    }
    Ok(())
}

/// Writes to standard output; a closed pipe (`| head`) ends quietly.
fn print_quietly(bytes: &[u8]) -> Result<(), u8> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(_) => Err(TROUBLE),
    }
}

/// A date argument, or today.
fn date_arg(date: Option<&str>, reporter: &Reporter) -> Result<jianbao::model::Date, u8> {
    match date {
        None => Ok(jianbao::scaffold::today()),
        Some(text) => jianbao::model::Date::parse(text).map_err(|why| {
            reporter.error(
                Diagnostic::error(None, format!("impossible date: {why}"))
                    .hint("write it as YYYY-MM-DD, e.g. 2025-03-01"),
            );
            TROUBLE
        }),
    }
}

/// Writes a new file, refusing to replace one that exists.
fn create_new(path: &Path, text: &str, reporter: &Reporter) -> Result<(), u8> {
    let written = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut f| f.write_all(text.as_bytes()));
    written.map_err(|err| {
        let d = Diagnostic::error(
            Some(&path.display().to_string()),
            format!("failed to create the file ({})", jianbao::io_reason(&err)),
        );
        reporter.error(if err.kind() == io::ErrorKind::AlreadyExists {
            d.hint("jianbao never overwrites an issue; move or rename the existing file first")
        } else {
            d
        });
        TROUBLE
    })
}

fn init(dir: &Path, date: Option<&str>) -> Result<(), u8> {
    let reporter = Reporter::new(DiagnosticFormat::Human);
    let date = date_arg(date, &reporter)?;
    let files = jianbao::scaffold::init(date);
    for (name, _) in &files {
        if dir.join(name).exists() {
            reporter.error(
                Diagnostic::error(
                    Some(&dir.join(name).display().to_string()),
                    "the file exists",
                )
                .hint("init makes a new series folder; give a new or empty folder"),
            );
            return Err(TROUBLE);
        }
    }
    fs::create_dir_all(dir).map_err(|err| {
        reporter.error(Diagnostic::error(
            Some(&dir.display().to_string()),
            format!("failed to create the folder ({})", jianbao::io_reason(&err)),
        ));
        TROUBLE
    })?;
    for (name, text) in &files {
        create_new(&dir.join(name), text, &reporter)?;
        print_quietly(format!("{}\n", dir.join(name).display()).as_bytes())?;
    }
    Ok(())
}

fn new_issue(
    dir: &Path,
    from: Option<&Path>,
    date: Option<&str>,
    kind: jianbao::model::Kind,
) -> Result<(), u8> {
    let reporter = Reporter::new(DiagnosticFormat::Human);
    let date = date_arg(date, &reporter)?;
    let folder = from
        .and_then(|f| f.parent())
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(dir)
        .to_path_buf();
    let issues = jianbao::scaffold::issues_in(&folder).map_err(|f| {
        reporter.report(&f.0);
        TROUBLE
    })?;
    let previous = issues
        .iter()
        .rev()
        .map(|(_, l)| l)
        .find(|l| l.issue.kind == kind);
    let base = match from {
        Some(path) => load(&Input::Path(path.to_path_buf()), &reporter)?,
        // The latest issue of the same kind, else the latest of any kind.
        None => match previous.or(issues.last().map(|(_, l)| l)) {
            Some(loaded) => loaded.clone(),
            None => {
                reporter.error(
                    Diagnostic::error(
                        Some(&folder.display().to_string()),
                        "no issue to start from in this folder",
                    )
                    .hint("give --from FILE, or make a series folder with `jianbao init DIR`"),
                );
                return Err(TROUBLE);
            }
        },
    };
    let (name, text) = jianbao::scaffold::next_issue(&base, previous, kind, date);
    let path = folder.join(name);
    create_new(&path, &text, &reporter)?;
    print_quietly(format!("{}\n", path.display()).as_bytes())
}

/// Whether two paths name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
