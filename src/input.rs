//! Finding and reading an issue: its YAML file (or standard input), the
//! `series.yaml` beside it, and its photos (checked to stay inside the
//! issue's folder, then prepared). Other reads: the template
//! ([`crate::typeset::template`]), fonts, and the state of incremental runs.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Exit, Failure, Position, io_reason};
use crate::model::Issue;
use crate::read::yaml::{self, SERIES_FILE, Source};

pub mod gongwen;

pub use gongwen::LoadedGongwen;

/// Where an issue comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A YAML file.
    Path(PathBuf),
    /// Standard input (`-`); its folder is the working directory.
    Stdin,
}

impl Input {
    /// `-` is standard input, anything else a path.
    pub fn from_arg(arg: &Path) -> Input {
        if arg == Path::new("-") {
            Input::Stdin
        } else {
            Input::Path(arg.to_path_buf())
        }
    }

    /// The name shown in diagnostics.
    pub fn name(&self) -> String {
        match self {
            Input::Path(path) => path.display().to_string(),
            Input::Stdin => "<stdin>".to_string(),
        }
    }
}

/// An issue read and checked, with what it was read from.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The model.
    pub issue: Issue,
    /// The issue's folder, canonical: photos resolve in it.
    pub folder: PathBuf,
    /// The issue file's name for diagnostics, and its text.
    pub name: String,
    /// The issue file's text.
    pub text: String,
    /// The series file used, with its text.
    pub series: Option<(PathBuf, String)>,
    /// What is valid but likely a slip (an article without a body), located.
    pub warnings: Vec<Diagnostic>,
}

impl Loaded {
    /// Where `needle` first occurs in the issue's source (or its series file),
    /// for pointing at a value the model holds without a position.
    pub fn locate(&self, needle: &str) -> Option<(String, Position)> {
        locate_in(needle, &self.name, &self.text, self.series.as_ref())
    }

    /// A diagnostic about `needle`, located at its first occurrence.
    pub fn diagnostic_at(&self, diagnostic: Diagnostic, needle: &str) -> Diagnostic {
        located(diagnostic, self.locate(needle))
    }
}

/// Where `needle` first occurs in the source `text` (named `name`), or else
/// in the `shared` file beside it (series.yaml, office.yaml).
pub(crate) fn locate_in(
    needle: &str,
    name: &str,
    text: &str,
    shared: Option<&(PathBuf, String)>,
) -> Option<(String, Position)> {
    let find = |text: &str| {
        text.find(needle)
            .map(|offset| Position::at_offset(text, offset))
    };
    find(text).map(|p| (name.to_string(), p)).or_else(|| {
        let (path, text) = shared?;
        find(text).map(|p| (path.display().to_string(), p))
    })
}

/// `diagnostic` at the place found, if any.
pub(crate) fn located(diagnostic: Diagnostic, found: Option<(String, Position)>) -> Diagnostic {
    match found {
        Some((file, position)) => Diagnostic {
            file: Some(file),
            ..diagnostic.at(position)
        },
        None => diagnostic,
    }
}

/// A diagnostic about a photo, located at its path after the `photo:` key
/// (not at the same text in a caption or a longer path).
fn at_photo(loaded: &Loaded, diagnostic: Diagnostic, path: &str) -> Diagnostic {
    let keyed = format!("photo: {path}");
    match loaded.locate(&keyed) {
        Some((file, mut position)) => {
            position.column += "photo: ".len();
            Diagnostic {
                file: Some(file),
                ..diagnostic.at(position)
            }
        }
        None => loaded.diagnostic_at(diagnostic, path),
    }
}

/// The issue's photos, checked and prepared (vetted, oriented, downsampled,
/// stripped of metadata): each photo path with its prepared image.
pub fn prepare_photos(
    loaded: &Loaded,
    cache: &crate::photo::Cache,
) -> Result<Vec<(String, std::sync::Arc<crate::photo::Prepared>)>, Failure> {
    let problems = check_photos(loaded);
    if !problems.is_empty() {
        return Err(Failure(problems));
    }
    let mut prepared: Vec<(String, std::sync::Arc<crate::photo::Prepared>)> = Vec::new();
    let mut problems = Vec::new();
    for article in loaded.issue.articles() {
        for block in &article.body {
            let crate::model::Block::Photo { path, width, .. } = block else {
                continue;
            };
            if prepared.iter().any(|(p, _)| p == path) {
                continue;
            }
            let file = loaded.folder.join(path);
            let too_big = fs::metadata(&file).is_ok_and(|m| m.len() > crate::photo::MAX_FILE_BYTES);
            let result = if too_big {
                Err(format!(
                    "the photo file is {} MB; at most {} MB is read",
                    fs::metadata(&file).map_or(0, |m| m.len() >> 20),
                    crate::photo::MAX_FILE_BYTES >> 20
                ))
            } else {
                fs::read(&file)
                    .map_err(|e| io_reason(&e))
                    .and_then(|bytes| cache.prepare(&bytes, width.unwrap_or(1.0)))
            };
            match result {
                Ok(photo) => prepared.push((path.clone(), photo)),
                Err(why) => problems.push(at_photo(
                    loaded,
                    Diagnostic::error(
                        Some(&loaded.name),
                        format!("the photo {path} cannot be used: {why}"),
                    )
                    .hint(
                        "use a JPEG or PNG photo of ordinary size (at most 20000 pixels on a side)",
                    ),
                    path,
                )),
            }
        }
    }
    if problems.is_empty() {
        Ok(prepared)
    } else {
        Err(Failure(problems))
    }
}

/// Checks that every photo is a file inside the issue's folder (its real path,
/// symlinks resolved).
pub fn check_photos(loaded: &Loaded) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for article in loaded.issue.articles() {
        for block in &article.body {
            let crate::model::Block::Photo { path, .. } = block else {
                continue;
            };
            let climbs = Path::new(path)
                .components()
                .any(|c| c == std::path::Component::ParentDir);
            let problem = if Path::new(path).is_absolute() {
                Some((
                    "the photo path is absolute",
                    "give the path relative to the issue file",
                ))
            } else if climbs {
                Some((
                    "the photo leads outside the issue's folder",
                    "copy the photo into the issue's folder; `..` is not allowed",
                ))
            } else {
                match loaded.folder.join(path).canonicalize() {
                    Err(_) => Some((
                        "photo not found",
                        "check the file name; paths are relative to the issue file",
                    )),
                    Ok(real) if !real.starts_with(&loaded.folder) => Some((
                        "the photo leads outside the issue's folder",
                        "copy the photo into the issue's folder (links out of it are refused)",
                    )),
                    Ok(real) if !real.is_file() => {
                        Some(("the photo path is not a file", "name an image file"))
                    }
                    Ok(_) => None,
                }
            };
            if let Some((message, hint)) = problem {
                let diagnostic =
                    Diagnostic::error(Some(&loaded.name), format!("{message}: {path}")).hint(hint);
                problems.push(at_photo(loaded, diagnostic, path));
            }
        }
    }
    problems
}

/// Why an issue could not be loaded.
#[derive(Debug)]
pub enum LoadError {
    /// A file could not be read at all ([`Exit::Trouble`]).
    Io(Failure),
    /// The source is not a valid issue ([`Exit::Invalid`]).
    Invalid(Failure),
}

impl LoadError {
    /// The exit code it ends a run with.
    pub fn exit(&self) -> Exit {
        match self {
            LoadError::Io(_) => Exit::Trouble,
            LoadError::Invalid(_) => Exit::Invalid,
        }
    }

    /// The diagnostics.
    pub fn failure(&self) -> &Failure {
        match self {
            LoadError::Io(f) | LoadError::Invalid(f) => f,
        }
    }
}

/// Reads and checks the issue at `input`, inheriting from `series.yaml` in its
/// folder when there is one.
pub fn load(input: &Input) -> Result<Loaded, LoadError> {
    let (name, text, folder) = read_source(input)?;
    if crate::read::gongwen::is_gongwen(&text) {
        return Err(LoadError::Invalid(
            Diagnostic::error(
                Some(&name),
                "this is a 公文, and this command works on bulletin issues only",
            )
            .hint("`jianbao build`, `check`, `preview`, `watch` and `import` take a 公文; `add` will follow")
            .into(),
        ));
    }
    load_bulletin(input, name, text, folder)
}

/// A source of either family, read and checked.
#[derive(Debug, Clone)]
pub enum Document {
    /// A bulletin issue (简报).
    Bulletin(Loaded),
    /// An official document (公文).
    Gongwen(LoadedGongwen),
}

impl Document {
    /// The source file's name for diagnostics.
    pub fn name(&self) -> &str {
        match self {
            Document::Bulletin(l) => &l.name,
            Document::Gongwen(l) => &l.name,
        }
    }

    /// Where `needle` first occurs in the source (or the shared file beside it).
    pub fn locate(&self, needle: &str) -> Option<(String, Position)> {
        match self {
            Document::Bulletin(l) => l.locate(needle),
            Document::Gongwen(l) => l.locate(needle),
        }
    }

    /// How often `needle` occurs in the source and the shared file beside it.
    pub fn occurrences(&self, needle: &str) -> usize {
        let (text, shared) = match self {
            Document::Bulletin(l) => (&l.text, &l.series),
            Document::Gongwen(l) => (&l.text, &l.office),
        };
        text.matches(needle).count()
            + shared
                .as_ref()
                .map_or(0, |(_, t)| t.matches(needle).count())
    }

    /// The files a build of it reads: the source, the shared file beside it
    /// (series.yaml or office.yaml, whether there or not), its photos or seals.
    pub fn files(&self, path: &Path) -> Vec<PathBuf> {
        match self {
            Document::Bulletin(l) => {
                let mut files = vec![path.with_file_name(SERIES_FILE), path.to_path_buf()];
                files.extend(l.issue.photo_paths().into_iter().map(|p| l.folder.join(p)));
                files
            }
            Document::Gongwen(l) => {
                let mut files = vec![
                    path.with_file_name(crate::read::gongwen::OFFICE_FILE),
                    path.to_path_buf(),
                ];
                files.extend(
                    l.gongwen
                        .organs
                        .iter()
                        .filter_map(|o| o.seal.as_ref())
                        .map(|s| l.folder.join(&s.image)),
                );
                files
            }
        }
    }
}

/// Reads and checks the source at `input`: a 公文 when it has the key
/// `gongwen:` (then under the `office.yaml` beside it), else an issue.
pub fn load_document(input: &Input) -> Result<Document, LoadError> {
    let (name, text, folder) = read_source(input)?;
    if crate::read::gongwen::is_gongwen(&text) {
        return gongwen::load(input, name, text, folder).map(Document::Gongwen);
    }
    load_bulletin(input, name, text, folder).map(Document::Bulletin)
}

/// The source's name for diagnostics, its text and its folder (canonical).
fn read_source(input: &Input) -> Result<(String, String, PathBuf), LoadError> {
    let name = input.name();
    let (bytes, folder) = match input {
        Input::Path(path) => {
            let bytes =
                fs::read(path).map_err(|e| io_error(&name, "failed to read the issue file", &e))?;
            let folder = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            (bytes, folder.to_path_buf())
        }
        Input::Stdin => {
            let mut bytes = Vec::new();
            io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| io_error(&name, "failed to read standard input", &e))?;
            (bytes, PathBuf::from("."))
        }
    };
    let folder = folder.canonicalize().map_err(|e| {
        io_error(
            &folder.display().to_string(),
            "failed to open the issue's folder",
            &e,
        )
    })?;
    let text = utf8(&name, bytes).map_err(LoadError::Invalid)?;
    Ok((name, text, folder))
}

/// Reads the issue in `text`, under the `series.yaml` in `folder`.
fn load_bulletin(
    input: &Input,
    name: String,
    text: String,
    folder: PathBuf,
) -> Result<Loaded, LoadError> {
    let series_path = folder.join(SERIES_FILE);
    let is_series_itself =
        matches!(input, Input::Path(p) if p.file_name() == Some(SERIES_FILE.as_ref()));
    if is_series_itself {
        return Err(LoadError::Invalid(
            Diagnostic::error(Some(&name), "this is a series file, not an issue")
                .hint("build or check the issues beside it; `jianbao check series.yaml` checks the series file itself")
                .into(),
        ));
    }
    // A series.yaml that is there but is no file (a folder, a dangling
    // link) is a mistake to name, not to pass over.
    if fs::symlink_metadata(&series_path).is_ok() && !series_path.is_file() {
        return Err(LoadError::Io(
            Diagnostic::error(
                Some(&series_path.display().to_string()),
                "the series file is not a file",
            )
            .hint("series.yaml must be a file of settings the issues share; rename or remove what is there")
            .into(),
        ));
    }
    let series = if series_path.is_file() {
        let shown = match input {
            Input::Path(path) => path.with_file_name(SERIES_FILE).display().to_string(),
            Input::Stdin => SERIES_FILE.to_string(),
        };
        let bytes = fs::read(&series_path)
            .map_err(|e| io_error(&shown, "failed to read the series file", &e))?;
        Some((
            PathBuf::from(shown.clone()),
            utf8(&shown, bytes).map_err(LoadError::Invalid)?,
        ))
    } else {
        None
    };
    let issue = yaml::read_issue(
        Source {
            name: &name,
            text: &text,
        },
        series.as_ref().map(|(path, text)| Source {
            name: path.to_str().unwrap_or(SERIES_FILE),
            text,
        }),
    )
    .map_err(LoadError::Invalid)?;
    let mut loaded = Loaded {
        issue,
        folder,
        name,
        text,
        series,
        warnings: Vec::new(),
    };
    loaded.warnings = slips(&loaded);
    Ok(loaded)
}

/// Warnings about what is valid but most likely a slip: an article with an
/// empty body prints as a lone title; a heading numbered out of order.
fn slips(loaded: &Loaded) -> Vec<Diagnostic> {
    let numbering = loaded.issue.articles().flat_map(|a| {
        a.heading_slips().into_iter().map(|(b, message)| {
            let needle = match &a.body[b] {
                crate::model::Block::Heading { text, .. } => text.as_str(),
                _ => a.title.as_str(),
            };
            let warning = Diagnostic::warning(Some(&loaded.name), message)
                .hint("headings are numbered 一、 then （一） then 1. then （1）, each level counting from 1 under the heading above it");
            loaded.diagnostic_at(warning, needle)
        })
    });
    loaded
        .issue
        .articles()
        .filter(|a| a.body.is_empty())
        .map(|a| {
            let warning = Diagnostic::warning(
                Some(&loaded.name),
                format!(
                    "the article `{}` has an empty body: it prints as a lone title",
                    a.title.0
                ),
            )
            .hint("write its paragraphs under `body:`, or remove the article");
            loaded.diagnostic_at(warning, &a.title.0)
        })
        .chain(numbering)
        .collect()
}

fn io_error(name: &str, what: &str, err: &io::Error) -> LoadError {
    LoadError::Io(Diagnostic::error(Some(name), format!("{what} ({})", io_reason(err))).into())
}

/// The text of a source file, which must be UTF-8 (a BOM is allowed).
fn utf8(name: &str, bytes: Vec<u8>) -> Result<String, Failure> {
    String::from_utf8(bytes).map_err(|err| {
        let offset = err.utf8_error().valid_up_to();
        let valid = String::from_utf8_lossy(&err.as_bytes()[..offset]).into_owned();
        Diagnostic::error(Some(name), "the file is not UTF-8 text")
            .at(Position::at_offset(&valid, offset))
            .hint("save it as UTF-8 (in Notepad: 另存为 → 编码 UTF-8); GBK/GB18030 files are not read")
            .into()
    })
}
