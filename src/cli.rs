//! Command-line arguments (clap derive; the doc comments are the help text).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Typesets Chinese government work bulletins (简报) from YAML.
///
/// Exit codes: 0 success; 1 an issue has errors (or warnings under --strict);
/// 2 a usage error or a file that cannot be read or written.
#[derive(Debug, Parser)]
#[command(name = "jianbao", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Builds an issue into a PDF, HTML or text (ISSUE.yaml → ISSUE.pdf beside it).
    Build(BuildArgs),
    /// Checks issues (YAML, series file, layout) without writing anything.
    Check(CheckArgs),
    /// Lists the face chosen for each typeface role and where it came from.
    Fonts(FontArgs),
    /// Reads a past issue's plain text back into a YAML source.
    Import(ImportArgs),
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The text (UTF-8 or GBK/GB18030), or `-` for standard input.
    pub input: PathBuf,
    /// Where to write the YAML (`-` for standard output); default: beside the
    /// input with the extension .yaml (standard output for standard input).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite the output file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Do not look for lead sentences (段首句); keep every paragraph whole.
    #[arg(long)]
    pub no_leads: bool,
    /// Fail if any line of the input could not be placed.
    #[arg(long)]
    pub strict: bool,
    /// How to print diagnostics on standard error.
    #[arg(long, value_enum, default_value_t = DiagnosticFormat::Human)]
    pub diagnostics: DiagnosticFormat,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The YAML file, or `-` for standard input.
    pub input: PathBuf,
    /// Where to write the output (`-` for standard output); default: beside
    /// the input with the format's extension (standard output for standard input).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The output format; default: from the extension of -o, else pdf.
    #[arg(short, long, value_enum)]
    pub format: Option<Format>,
    /// Text output: wrap lines at this many display columns (a Chinese
    /// character is two), keeping the Chinese line-breaking rules.
    #[arg(long, value_name = "N")]
    pub wrap: Option<usize>,
    /// Produce an archival PDF conforming to this standard.
    #[arg(long, value_enum, value_name = "STANDARD")]
    pub pdf_standard: Option<Standard>,
    #[command(flatten)]
    pub common: CommonArgs,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Issue YAML files to check (`-` for standard input).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub common: CommonArgs,
}

#[derive(Debug, Args)]
pub struct FontArgs {
    #[command(flatten)]
    pub fonts: FontPathArgs,
}

/// Flags shared by the commands that typeset.
#[derive(Debug, Args)]
pub struct CommonArgs {
    /// A template to use instead of the shipped one: a folder holding
    /// bulletin.typ, or a .typ file. It must define `render(data)`.
    #[arg(long, value_name = "DIR|FILE")]
    pub template: Option<PathBuf>,
    #[command(flatten)]
    pub fonts: FontPathArgs,
    /// Treat warnings (e.g. a character no font has) as errors.
    #[arg(long)]
    pub strict: bool,
    /// How to print diagnostics on standard error.
    #[arg(long, value_enum, default_value_t = DiagnosticFormat::Human)]
    pub diagnostics: DiagnosticFormat,
}

#[derive(Debug, Args)]
pub struct FontPathArgs {
    /// A folder of fonts (searched recursively) preferred over the shipped
    /// faces, e.g. one holding 方正小标宋简体 and 仿宋_GB2312. Repeatable.
    #[arg(long = "font-path", value_name = "DIR")]
    pub paths: Vec<PathBuf>,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// PDF, typeset by the Typst template.
    Pdf,
    /// One self-contained HTML file.
    Html,
    /// Plain text, one element per line.
    Txt,
}

impl Format {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Html => "html",
            Format::Txt => "txt",
        }
    }

    /// The format a file name's extension names, if any.
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "pdf" => Some(Format::Pdf),
            "html" | "htm" => Some(Format::Html),
            "txt" | "text" => Some(Format::Txt),
            _ => None,
        }
    }
}

/// Diagnostic output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiagnosticFormat {
    /// `file:line:col`, the line with a caret, hints.
    Human,
    /// One JSON object per line: file, line, column, severity, message, hints.
    Json,
}

/// PDF standards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Standard {
    /// PDF/A-2b (archival).
    #[value(name = "a-2b")]
    A2b,
    /// PDF/A-2u (archival, text extractable).
    #[value(name = "a-2u")]
    A2u,
    /// PDF/A-3b.
    #[value(name = "a-3b")]
    A3b,
}

impl Standard {
    /// The typst-pdf standard.
    pub fn to_typst(self) -> typst_pdf::PdfStandard {
        match self {
            Standard::A2b => typst_pdf::PdfStandard::A_2b,
            Standard::A2u => typst_pdf::PdfStandard::A_2u,
            Standard::A3b => typst_pdf::PdfStandard::A_3b,
        }
    }
}
