//! Command-line arguments (clap derive; the doc comments are the help text).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use jianbao::messages::Lang as MessageLang;
use jianbao::model::Kind;
use jianbao::render::{Format as RenderFormat, PdfStandardName};

/// Typesets Chinese government work bulletins (简报) from YAML.
///
/// Exit codes: 0 success; 1 an issue has errors (or warnings under --strict);
/// 2 a usage error or a file that cannot be read or written.
#[derive(Debug, Parser)]
#[command(name = "jianbao", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Language of messages: en or zh (default: from LANG/LC_ALL; zh_* is Chinese).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
}

/// Languages of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// English.
    En,
    /// 简体中文.
    Zh,
}

impl From<Lang> for MessageLang {
    fn from(lang: Lang) -> MessageLang {
        match lang {
            Lang::En => MessageLang::En,
            Lang::Zh => MessageLang::Zh,
        }
    }
}

/// The kind of issue `jianbao new` makes, from its flags.
pub fn kind(supplement: bool, special: bool) -> Kind {
    if supplement {
        Kind::Supplement
    } else if special {
        Kind::Special
    } else {
        Kind::Regular
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Builds issues into PDF, OFD, Word, HTML, text, page images or a Typst project (ISSUE.yaml → ISSUE.pdf beside it;
    /// folders and several files are built as a batch).
    Build(BuildArgs),
    /// Builds an issue, then rebuilds it whenever it, its series file, the
    /// template or a photo changes.
    Watch(WatchArgs),
    /// Checks issues (YAML, series file, layout) without writing anything.
    Check(CheckArgs),
    /// Shows the issue's pages in the browser beside its source, redrawn on
    /// every save; `jianbao ISSUE.yaml` does the same.
    Preview(PreviewArgs),
    /// Reads a past issue (text, PDF or Word .docx, or a folder of them) back into a YAML source.
    Import(ImportArgs),
    /// Adds a submitted article (.docx, .pdf or .txt) to an issue: the YAML
    /// file is edited in place, every other line kept; photos go beside it.
    Add(AddArgs),
    /// Lists the face chosen for each typeface role and where it came from.
    Fonts(FontArgs),
    /// Creates a new series folder: series.yaml and a first issue, ready to
    /// build, with the JSON Schemas beside them for editors.
    Init {
        /// The folder (created if missing).
        dir: PathBuf,
        /// The first issue's date (default: today), e.g. 2025-03-01.
        #[arg(long)]
        date: Option<String>,
        /// Make a 公文 folder instead: office.yaml and a first document.
        #[arg(long)]
        gongwen: bool,
    },
    /// Writes the next issue from the latest one in a folder: number + 1,
    /// today's date, the same settings and schema line, an article skeleton.
    New {
        /// The series folder (default: the current folder).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Start from this issue instead of the folder's latest.
        #[arg(long, value_name = "FILE")]
        from: Option<PathBuf>,
        /// The new issue's date (default: today), e.g. 2025-03-01.
        #[arg(long)]
        date: Option<String>,
        /// Make the next supplement (增刊) instead of the next regular issue.
        #[arg(long, conflicts_with = "special")]
        supplement: bool,
        /// Make the next special issue (专刊).
        #[arg(long)]
        special: bool,
    },
    /// Prints the JSON Schema of issue files (or of series files, 公文 or
    /// office files) for editors.
    Schema {
        /// The schema of series.yaml instead.
        #[arg(long, conflicts_with_all = ["write", "gongwen", "office"])]
        series: bool,
        /// The schema of 公文 files instead (with --write: both 公文 schemas).
        #[arg(long, conflicts_with = "office")]
        gongwen: bool,
        /// The schema of office.yaml instead.
        #[arg(long, conflicts_with = "write")]
        office: bool,
        /// Write both schemas (bulletin.schema.json, series.schema.json; with
        /// --gongwen gongwen.schema.json, office.schema.json) into this folder
        /// instead, replacing older ones: the files `init` puts beside a new
        /// series, which its YAML files' first lines point at.
        #[arg(long, value_name = "DIR")]
        write: Option<PathBuf>,
    },
    /// Prints a shell completion script (e.g. `jianbao completions bash`).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Prints the manual page (roff) on standard output.
    Man,
}

impl Command {
    /// How this command prints diagnostics (`--diagnostics`; human for the
    /// commands without the flag).
    pub fn diagnostics(&self) -> DiagnosticFormat {
        match self {
            Command::Build(args) => args.common.diagnostics,
            Command::Watch(args) => args.common.diagnostics,
            Command::Check(args) => args.common.diagnostics,
            Command::Import(args) => args.diagnostics,
            Command::Add(args) => args.diagnostics,
            _ => DiagnosticFormat::Human,
        }
    }
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Issue YAML files or folders of them (searched recursively; series.yaml
    /// files are inherited, not built), or `-` for standard input.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Where to write the output of a single issue (`-` for standard output);
    /// default: beside the input with the format's extension.
    #[arg(short, long, value_name = "FILE", conflicts_with = "out_dir")]
    pub output: Option<PathBuf>,
    /// Write every output under this folder, mirroring the inputs' layout.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    /// Output formats, comma-separated; default: from the extension of -o, else pdf.
    #[arg(short, long, value_enum, value_delimiter = ',')]
    pub format: Vec<Format>,
    /// Parallel jobs for several issues; default: the number of cores.
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Rebuild outputs even when their inputs have not changed.
    #[arg(long)]
    pub force: bool,
    /// No progress bar and no summary.
    #[arg(short, long)]
    pub quiet: bool,
    /// Record where the time goes and write it to FILE as a Chrome trace
    /// (open it in chrome://tracing or ui.perfetto.dev), as typst's
    /// --timings does.
    #[arg(long, value_name = "FILE")]
    pub timings: Option<PathBuf>,
    #[command(flatten)]
    pub output_args: OutputArgs,
    #[command(flatten)]
    pub common: CommonArgs,
}

#[derive(Debug, Args)]
pub struct WatchArgs {
    /// The issue's YAML file.
    pub input: PathBuf,
    /// Where to write the output; default: beside the input.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The output format; default: from the extension of -o, else pdf.
    #[arg(short, long, value_enum)]
    pub format: Option<Format>,
    /// Open the output in the system viewer after the first build.
    #[arg(long)]
    pub open: bool,
    #[command(flatten)]
    pub output_args: OutputArgs,
    #[command(flatten)]
    pub common: CommonArgs,
}

#[derive(Debug, Args)]
pub struct PreviewArgs {
    /// The issue's YAML file.
    pub input: PathBuf,
    /// The port on 127.0.0.1; 0 (the default) takes a free one.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub port: u16,
    /// Do not open the browser; only print the address (its first line on
    /// standard output).
    #[arg(long)]
    pub no_open: bool,
    /// A template to use instead of the shipped one: a folder holding
    /// bulletin.typ, or a .typ file. It must define `render(data)`.
    #[arg(long, value_name = "DIR|FILE")]
    pub template: Option<PathBuf>,
    #[command(flatten)]
    pub fonts: FontPathArgs,
}

/// Flags that change an output.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Produce an archival PDF conforming to this standard.
    #[arg(long, value_enum, value_name = "STANDARD")]
    pub pdf_standard: Option<Standard>,
    /// Text output: wrap lines at this many display columns (a Chinese
    /// character is two), keeping the Chinese line-breaking rules.
    #[arg(long, value_name = "N")]
    pub wrap: Option<usize>,
    /// HTML output: reference photos by their paths instead of embedding them.
    #[arg(long)]
    pub link_photos: bool,
    /// PNG output: pixels per inch (1 to 1200).
    #[arg(long, value_name = "N", default_value_t = 144, value_parser = clap::value_parser!(u32).range(1..=1200))]
    pub ppi: u32,
    /// PNG/SVG output: the pages to export, e.g. 1 or 1,3-4 (default: all).
    #[arg(long, value_name = "PAGES", value_parser = parse_pages)]
    pub pages: Option<PageRanges>,
    /// DOCX output: the faces to name — office (方正小标宋简体, 仿宋_GB2312 …),
    /// shipped (the free faces jianbao ships) or embedded (the shipped faces,
    /// embedded in the file, so it looks right where they are not installed).
    #[arg(long, value_enum, value_name = "FACES", default_value_t = DocxFonts::Office)]
    pub docx_fonts: DocxFonts,
}

/// The faces a Word document names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocxFonts {
    /// The offices' own faces.
    Office,
    /// The free faces jianbao ships.
    Shipped,
    /// The shipped faces, embedded in the file.
    Embedded,
}

impl From<DocxFonts> for jianbao::render::DocxFonts {
    fn from(fonts: DocxFonts) -> jianbao::render::DocxFonts {
        match fonts {
            DocxFonts::Office => jianbao::render::DocxFonts::Office,
            DocxFonts::Shipped => jianbao::render::DocxFonts::Shipped,
            DocxFonts::Embedded => jianbao::render::DocxFonts::Embedded,
        }
    }
}

/// Inclusive 1-based page ranges.
#[derive(Debug, Clone)]
pub struct PageRanges(pub Vec<(usize, usize)>);

/// `1,3-4` → [(1, 1), (3, 4)].
fn parse_pages(text: &str) -> Result<PageRanges, String> {
    text.split(',')
        .map(|part| {
            let (a, b) = part.split_once('-').unwrap_or((part, part));
            match (a.trim().parse::<usize>(), b.trim().parse::<usize>()) {
                (Ok(a), Ok(b)) if a >= 1 && a <= b => Ok((a, b)),
                _ => Err(format!("`{part}` is not a page or range like 3 or 2-5")),
            }
        })
        .collect::<Result<_, _>>()
        .map(PageRanges)
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
pub struct ImportArgs {
    /// A past issue: its text (UTF-8 or GBK/GB18030), a Word document
    /// (.docx) or a PDF, or a folder of them (with --out-dir); `-` for
    /// standard input.
    pub input: PathBuf,
    /// Where to write the YAML (`-` for standard output); default: beside the
    /// input with the extension .yaml (standard output for standard input).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite the output file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Import a folder of past issues (.pdf, .docx, .txt) into this folder,
    /// mirroring its layout.
    #[arg(long, value_name = "DIR", conflicts_with = "output")]
    pub out_dir: Option<PathBuf>,
    /// With --out-dir: also write a series.yaml of what the issues share.
    #[arg(long, requires = "out_dir")]
    pub series: bool,
    /// Parallel jobs for a folder; default: the number of cores.
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
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
pub struct AddArgs {
    /// The issue's YAML file, edited in place.
    pub issue: PathBuf,
    /// The submitted article: a Word document (.docx), a PDF or its text
    /// (.txt, UTF-8 or GBK/GB18030), holding its title first.
    pub submission: PathBuf,
    /// The column (栏目) to add it to; a new column at the end when the issue
    /// has none of this name. Default: the column of --after, else the last.
    #[arg(long, value_name = "NAME")]
    pub column: Option<String>,
    /// Put the article after the one of this title; default: at the end of
    /// the column.
    #[arg(long, value_name = "TITLE")]
    pub after: Option<String>,
    /// Print the YAML that would be inserted, and where; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Fail if anything of the submission could not be placed.
    #[arg(long)]
    pub strict: bool,
    /// How to print diagnostics on standard error.
    #[arg(long, value_enum, default_value_t = DiagnosticFormat::Human)]
    pub diagnostics: DiagnosticFormat,
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

/// Diagnostic output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiagnosticFormat {
    /// `file:line:col`, the line with a caret, hints.
    Human,
    /// One JSON object per line: file, line, column, severity, message, hints.
    Json,
}

/// An output format on the command line: the values and their help come
/// from [`RenderFormat::ALL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Format(pub RenderFormat);

impl ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Self] {
        static ALL: std::sync::LazyLock<Vec<Format>> =
            std::sync::LazyLock::new(|| RenderFormat::ALL.into_iter().map(Format).collect());
        &ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.0.extension()).help(self.0.description()))
    }
}

impl From<Format> for RenderFormat {
    fn from(format: Format) -> RenderFormat {
        format.0
    }
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
    /// PDF/UA-1 (accessible).
    #[value(name = "ua-1")]
    Ua1,
}

impl From<Standard> for PdfStandardName {
    fn from(standard: Standard) -> PdfStandardName {
        match standard {
            Standard::A2b => PdfStandardName::A2b,
            Standard::A2u => PdfStandardName::A2u,
            Standard::A3b => PdfStandardName::A3b,
            Standard::Ua1 => PdfStandardName::Ua1,
        }
    }
}
