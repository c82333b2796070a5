//! The commands, one file each. A command takes its parsed arguments and the
//! [`Reporter`], prints on the way what the user should see while it runs
//! (warnings, progress, each failed issue of a batch), and ends with
//! `Err(Failed)`: the exit code and the diagnostics that stopped it, which
//! `main` prints. The work itself is in the library.

pub mod add;
pub mod build;
pub mod check;
pub mod fonts;
pub mod import;
pub mod preview;
pub mod print;
pub mod scaffold;
pub mod watch;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use indicatif::ProgressBar;
use jianbao::diag::{Diagnostic, Exit, Failure, io_reason};
use jianbao::input::{Input, LoadError};
use jianbao::output::{same_file, write_output};
use jianbao::render::{Format, Output, RenderOptions};
use jianbao::typeset::fonts::Fonts;
use jianbao::typeset::{Environment, TemplateSource};

use crate::cli::{CommonArgs, DiagnosticFormat, OutputArgs};

/// Why a command stopped: its exit code and what to tell the user.
#[derive(Debug)]
pub struct Failed {
    /// The exit code.
    pub exit: Exit,
    /// The diagnostics not yet printed.
    pub diagnostics: Vec<Diagnostic>,
}

impl Failed {
    /// A usage or I/O error ([`Exit::Trouble`]).
    pub fn trouble(diagnostic: Diagnostic) -> Failed {
        Failed {
            exit: Exit::Trouble,
            diagnostics: vec![diagnostic],
        }
    }

    /// Several usage or I/O errors at once ([`Exit::Trouble`]).
    pub fn trouble_all(diagnostics: Vec<Diagnostic>) -> Failed {
        Failed {
            exit: Exit::Trouble,
            diagnostics,
        }
    }

    /// An input with errors ([`Exit::Invalid`]).
    pub fn invalid(failure: Failure) -> Failed {
        Failed {
            exit: Exit::Invalid,
            diagnostics: failure.0,
        }
    }

    /// A failure whose diagnostics were printed already (or need none).
    pub fn quiet(exit: Exit) -> Failed {
        Failed {
            exit,
            diagnostics: Vec::new(),
        }
    }
}

impl From<LoadError> for Failed {
    fn from(err: LoadError) -> Failed {
        Failed {
            exit: err.exit(),
            diagnostics: err.failure().0.clone(),
        }
    }
}

/// What a command returns.
pub type Result = std::result::Result<(), Failed>;

/// Prints diagnostics on standard error: human (coloured on a terminal unless
/// NO_COLOR is set) or JSON lines; around a progress bar when there is one.
pub struct Reporter {
    /// Human or JSON.
    pub format: DiagnosticFormat,
    colour: bool,
    /// The progress bar of a batch, if one is shown.
    pub bar: Option<ProgressBar>,
}

impl Reporter {
    /// A reporter printing in `format`.
    pub fn new(format: DiagnosticFormat) -> Reporter {
        let colour =
            io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        Reporter {
            format,
            colour,
            bar: None,
        }
    }

    /// Prints `diagnostics`.
    pub fn report(&self, diagnostics: &[Diagnostic]) {
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
        self.line(&text);
    }

    /// Prints a human line (a status, not a diagnostic): nothing in JSON mode.
    pub fn status(&self, line: &str) {
        if self.format == DiagnosticFormat::Human {
            self.line(&format!("{line}\n"));
        }
    }

    fn line(&self, text: &str) {
        let print = || {
            let _ = io::stderr().lock().write_all(text.as_bytes());
        };
        match &self.bar {
            Some(bar) => bar.suspend(print),
            None => print(),
        }
    }
}

/// The shared environment: fonts and template, checked once.
pub fn environment(
    common: &CommonArgs,
    reporter: &Reporter,
) -> std::result::Result<Environment, Failed> {
    let template = TemplateSource::from_arg(common.template.as_deref()).map_err(Failed::trouble)?;
    let (fonts, warnings) = Fonts::load(&common.fonts.paths);
    reporter.report(&warnings);
    Ok(Environment::new(fonts, template))
}

/// The environment when one of `formats` needs it.
pub fn environment_for(
    formats: &[Format],
    common: &CommonArgs,
    reporter: &Reporter,
) -> std::result::Result<Option<Environment>, Failed> {
    match formats.iter().any(|f| f.needs_typesetting()) {
        true => environment(common, reporter).map(Some),
        false => Ok(None),
    }
}

/// The options of every output, from the flags.
pub fn render_options(output: &OutputArgs, common: &CommonArgs) -> RenderOptions {
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
        docx_fonts: output.docx_fonts.into(),
    }
}

/// Where a command writing one output writes it: `-o` (`-` is standard
/// output), else beside the input with `extension`; `None` is standard output.
pub fn output_path(output: Option<&Path>, input: &Input, extension: &str) -> Option<PathBuf> {
    match (output, input) {
        (Some(path), _) if path == Path::new("-") => None,
        (Some(path), _) => Some(path.to_path_buf()),
        (None, Input::Path(path)) => Some(path.with_extension(extension)),
        (None, Input::Stdin) => None,
    }
}

/// Refuses an output that is the issue's own source file.
pub fn not_the_source(output: &Path, source: &Path) -> Result {
    if same_file(output, source) {
        return Err(Failed::trouble(
            Diagnostic::error(
                Some(&output.display().to_string()),
                "the output would overwrite the issue's source file",
            )
            .hint("give another -o FILE"),
        ));
    }
    Ok(())
}

/// Writes an output to `path`, or to standard output; a closed pipe ends
/// quietly (exit 2, no message). `kind` names it in messages (`PDF`).
pub fn emit(path: Option<&Path>, output: &Output, kind: &str) -> Result {
    let written = match (path, output) {
        (Some(path), output) => write_output(path, output),
        (None, Output::File(bytes)) => io::stdout()
            .lock()
            .write_all(bytes)
            .and_then(|()| io::stdout().flush()),
        (None, Output::Folder(_) | Output::Pages(_)) => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "this output is several files",
        )),
    };
    written.map_err(|err| {
        if err.kind() == io::ErrorKind::BrokenPipe {
            return Failed::quiet(Exit::Trouble);
        }
        let name = path.map_or("<stdout>".to_string(), |p| p.display().to_string());
        Failed::trouble(Diagnostic::error(
            Some(&name),
            format!("failed to write {kind} file ({})", io_reason(&err)),
        ))
    })
}

/// Writes to standard output; a closed pipe (`| head`) ends quietly.
pub fn print_quietly(bytes: &[u8]) -> Result {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(_) => Err(Failed::quiet(Exit::Trouble)),
    }
}

/// Opens `target` (a file or an address) in the system's default program.
pub fn open(target: &std::ffi::OsStr, reporter: &Reporter) {
    // `start` on Windows (its empty first argument is the window title),
    // `open` on macOS, `xdg-open` elsewhere.
    let mut command = if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else {
        std::process::Command::new("xdg-open")
    };
    let spawned = command
        .arg(target)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .spawn();
    if let Err(err) = spawned {
        reporter.report(&[Diagnostic::warning(
            None,
            format!("failed to open {} ({err})", target.to_string_lossy()),
        )]);
    }
}
