//! Past issues → YAML sources: a reader makes the model, the YAML writer
//! writes it with the reader's comments, and what is written is read back
//! before anyone sees it, so an import always builds. Writes no file.

use crate::diag::{Diagnostic, Failure};
use crate::model::{Comment, Spot};
use crate::read;
use crate::write;

/// How to import.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The text importer's switches.
    pub text: read::text::ImportOptions,
    /// Warnings (lines that could not be placed) become errors.
    pub strict: bool,
}

/// An imported issue as a YAML source.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The YAML text.
    pub yaml: String,
    /// Files the YAML refers to, to write beside it (photos taken out of a
    /// Word document or a PDF): names relative to the YAML's folder.
    pub files: Vec<(String, Vec<u8>)>,
    /// Warnings on the way (none under `strict`: they fail the import).
    pub warnings: Vec<Diagnostic>,
    /// The model the YAML holds.
    pub issue: crate::model::Issue,
}

pub use crate::read::{Kind, kind};

/// Imports a past issue of any kind jianbao reads: text, a Word document or
/// a PDF. `stem` names the photos taken out of it (`<stem>-photo-N.jpg`).
pub fn file(bytes: &[u8], name: &str, stem: &str, options: &Options) -> Result<Imported, Failure> {
    on_reader_thread(name, || file_here(bytes, name, stem, options))
}

/// A 公文 imported as a YAML source.
#[derive(Debug, Clone)]
pub struct ImportedGongwen {
    /// The YAML text.
    pub yaml: String,
    /// Warnings on the way (none under `strict`: they fail the import).
    pub warnings: Vec<Diagnostic>,
    /// The model the YAML holds.
    pub gongwen: crate::model::gongwen::Gongwen,
}

/// An import of either family.
#[derive(Debug, Clone)]
pub enum Any {
    /// A bulletin issue.
    Bulletin(Imported),
    /// A 公文.
    Gongwen(ImportedGongwen),
}

/// Imports a past issue or a 公文 (a finished one or a plain draft) from
/// text, a Word document or a PDF, whichever the file holds (read from its
/// lines: [`read::official::looks_like`]).
pub fn any_file(bytes: &[u8], name: &str, stem: &str, options: &Options) -> Result<Any, Failure> {
    on_reader_thread(name, || {
        let lines = match kind(bytes) {
            // The text decoded once, for either family.
            Kind::Text => {
                let (text, encoding) = read::text::decode(bytes, name)?;
                let lines: Vec<read::official::Line> = text
                    .lines()
                    .enumerate()
                    .map(|(i, l)| read::official::Line {
                        text: l.to_string(),
                        at: format!("line {}", i + 1),
                        cells: read::text::line_cells(l, l.trim()),
                        ..Default::default()
                    })
                    .collect();
                if !read::official::looks_like(&lines) {
                    return decoded_text(&text, encoding, name, options).map(Any::Bulletin);
                }
                Some(lines)
            }
            Kind::Docx => read::docx::lines(bytes, name).ok(),
            // A PDF is read once, for either family.
            #[cfg(feature = "pdf")]
            Kind::Pdf => match read::pdf::import_any(bytes, name, stem)? {
                read::pdf::Read::Gongwen(lines) => Some(lines),
                read::pdf::Read::Bulletin(imported, photos) => {
                    return finish(*imported, name, options, Vec::new(), photos).map(Any::Bulletin);
                }
            },
            _ => None,
        };
        match lines {
            Some(lines) if read::official::looks_like(&lines) => {
                gongwen(&lines, name, options).map(Any::Gongwen)
            }
            _ => file_here(bytes, name, stem, options).map(Any::Bulletin),
        }
    })
}

/// The 公文 in `lines`, written as YAML and read back.
fn gongwen(
    lines: &[read::official::Line],
    name: &str,
    options: &Options,
) -> Result<ImportedGongwen, Failure> {
    let found = read::official::read(lines, name)?;
    if options.strict {
        crate::diag::strict(found.warnings.clone())?;
    }
    let yaml = write::yaml::gongwen(&found.gongwen, &found.comments);
    let check = read::yaml::Source { name, text: &yaml };
    if let Err(failure) = read::gongwen::read_gongwen(check, None) {
        let mut diagnostics = vec![Diagnostic::error(
            Some(name),
            "the imported 公文 does not read back as a valid document",
        )];
        diagnostics.extend(failure.0);
        return Err(Failure(diagnostics));
    }
    Ok(ImportedGongwen {
        yaml,
        warnings: found.warnings,
        gongwen: found.gongwen,
    })
}

/// Runs a reader of foreign files on a thread of its own with a deep stack:
/// a hostile file's nesting cannot take the process down with it, and a
/// reader's panic is this file's failure alone.
fn on_reader_thread<T: Send>(
    name: &str,
    read: impl FnOnce() -> Result<T, Failure> + Send,
) -> Result<T, Failure> {
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("reader".into())
            .stack_size(READER_STACK)
            .spawn_scoped(scope, read)
            .map_err(|e| format!("{e}"))
            .and_then(|reader| reader.join().map_err(|_| "a reader failed".to_string()))
            .unwrap_or_else(|why| {
                Err(Failure(vec![
                    Diagnostic::error(
                        Some(name),
                        format!("this file could not be read ({why})"),
                    )
                    .hint("the file may be damaged: open it and save it again, or import its text"),
                ]))
            })
    })
}

/// The stack of a reader's thread.
const READER_STACK: usize = 256 << 20;

pub(crate) fn file_here(
    bytes: &[u8],
    name: &str,
    stem: &str,
    options: &Options,
) -> Result<Imported, Failure> {
    match kind(bytes) {
        Kind::Text => text(bytes, name, options),
        Kind::Docx => {
            let (imported, photos) = read::docx::import(bytes, name, stem)?;
            finish(imported, name, options, Vec::new(), photos)
        }
        #[cfg(feature = "pdf")]
        Kind::Pdf => {
            let (imported, photos) = read::pdf::import(bytes, name, stem)?;
            finish(imported, name, options, Vec::new(), photos)
        }
        #[cfg(not(feature = "pdf"))]
        Kind::Pdf => Err(Failure(vec![Diagnostic::error(
            Some(name),
            "this build of jianbao does not read PDF files",
        )])),
        Kind::Binary => Err(Failure(vec![
            Diagnostic::error(
                Some(name),
                "this is a binary Word or WPS file (.doc, .wps), which jianbao does not read",
            )
            .hint("convert it first: soffice --headless --convert-to docx FILE (or save it as .docx in Word or WPS)"),
        ])),
    }
}

/// Imports the bytes of a past issue's plain text (UTF-8 or GBK/GB18030),
/// named `name` in diagnostics.
pub fn text(bytes: &[u8], name: &str, options: &Options) -> Result<Imported, Failure> {
    let (text, encoding) = read::text::decode(bytes, name)?;
    decoded_text(&text, encoding, name, options)
}

/// Imports a past issue's decoded text (`encoding` names a legacy one it
/// was in, for a comment at the top).
fn decoded_text(
    text: &str,
    encoding: Option<&str>,
    name: &str,
    options: &Options,
) -> Result<Imported, Failure> {
    let imported = read::text::import(text, name, &options.text)?;
    let top = encoding
        .map(|encoding| Comment {
            spot: Spot::Top,
            text: format!("imported from {encoding} text"),
        })
        .into_iter()
        .collect();
    finish(imported, name, options, top, Vec::new())
}

/// Writes the model as YAML with the reader's comments and reads it back.
fn finish(
    imported: read::Imported,
    name: &str,
    options: &Options,
    top: Vec<Comment>,
    files: Vec<(String, Vec<u8>)>,
) -> Result<Imported, Failure> {
    if options.strict {
        crate::diag::strict(imported.warnings.clone())?;
    }
    let mut comments = top;
    comments.extend(imported.comments);
    let yaml = write::yaml::yaml(&imported.issue, &comments);
    let check = read::yaml::Source { name, text: &yaml };
    if let Err(failure) = read::yaml::read_issue(check, None) {
        let mut diagnostics = vec![Diagnostic::error(
            Some(name),
            "the imported issue does not read back as a valid issue",
        )];
        diagnostics.extend(failure.0);
        return Err(Failure(diagnostics));
    }
    Ok(Imported {
        yaml,
        files,
        warnings: imported.warnings,
        issue: imported.issue,
    })
}

/// One file of an archive import and how it went.
#[derive(Debug)]
pub struct ArchiveItem {
    /// The file, relative to the archive folder.
    pub path: std::path::PathBuf,
    /// The imported issue or 公文, or why not.
    pub result: Result<Any, Failure>,
}

impl Any {
    /// The YAML text.
    pub fn yaml(&self) -> &str {
        match self {
            Any::Bulletin(i) => &i.yaml,
            Any::Gongwen(g) => &g.yaml,
        }
    }

    /// The files to write beside the YAML (an issue's photos).
    pub fn files(&self) -> &[(String, Vec<u8>)] {
        match self {
            Any::Bulletin(i) => &i.files,
            Any::Gongwen(_) => &[],
        }
    }

    /// The warnings on the way.
    pub fn warnings(&self) -> &[Diagnostic] {
        match self {
            Any::Bulletin(i) => &i.warnings,
            Any::Gongwen(g) => &g.warnings,
        }
    }
}

/// A folder entry `import DIR` leaves out, and why.
pub type Skipped = (std::path::PathBuf, &'static str);

/// The extensions of the files a past issue may be in, as `import DIR`
/// looks for them (.doc and .wps to say that they need converting).
pub const ARCHIVE_EXTENSIONS: [&str; 5] = ["pdf", "docx", "txt", "doc", "wps"];

/// The files of `dir` (searched recursively, hidden ones skipped) a past
/// issue may be in, by [`ARCHIVE_EXTENSIONS`], in name order; and the
/// entries left out, each with why. Only regular files are read: pipes,
/// sockets and devices are left out (reading one could block for ever); a
/// link is followed only to a regular file inside `dir`, never to a folder
/// (no cycles) or out of it; the folder `skip` (the import's own output) is
/// not searched.
pub fn archive_files(
    dir: &std::path::Path,
    skip: Option<&std::path::Path>,
) -> std::io::Result<(Vec<std::path::PathBuf>, Vec<Skipped>)> {
    let root = dir.canonicalize()?;
    let skip = skip.and_then(|s| s.canonicalize().ok());
    let (mut out, mut left) = (Vec::new(), Vec::new());
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder)? {
            let entry = entry?;
            let path = entry.path();
            let relative = path.strip_prefix(dir).unwrap_or(&path).to_path_buf();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let listed = path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| ARCHIVE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
            let kind = entry.file_type()?;
            if kind.is_dir() {
                if skip
                    .as_ref()
                    .is_none_or(|s| path.canonicalize().ok().as_ref() != Some(s))
                {
                    stack.push(path);
                }
            } else if !listed {
                continue;
            } else if kind.is_file() {
                out.push(relative);
            } else if kind.is_symlink() {
                match path.canonicalize() {
                    Ok(real) if !real.starts_with(&root) => {
                        left.push((relative, "a link that leads out of the folder"))
                    }
                    Ok(real) if real.is_file() => out.push(relative),
                    Ok(_) => left.push((relative, "a link to something other than a file")),
                    Err(_) => left.push((relative, "a broken link")),
                }
            } else {
                left.push((relative, "not a regular file (a pipe, socket or device)"));
            }
        }
    }
    out.sort();
    left.sort();
    Ok((out, left))
}

/// Imports every file of an archive folder (issues and 公文 alike), `jobs`
/// at a time; one failing file never stops the others.
pub fn archive(
    dir: &std::path::Path,
    files: &[std::path::PathBuf],
    options: &Options,
    jobs: usize,
) -> Vec<ArchiveItem> {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<ArchiveItem>>> =
        Mutex::new((0..files.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..jobs.max(1).min(files.len().max(1)) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(i) else { break };
                    let name = dir.join(path).display().to_string();
                    let stem = path
                        .file_stem()
                        .map_or("issue".into(), |s| s.to_string_lossy().into_owned());
                    let result = std::fs::read(dir.join(path))
                        .map_err(|e| {
                            Failure(vec![Diagnostic::error(
                                Some(&name),
                                format!("failed to read the text ({})", crate::diag::io_reason(&e)),
                            )])
                        })
                        .and_then(|bytes| any_file(&bytes, &name, &stem, options));
                    let item = ArchiveItem {
                        path: path.clone(),
                        result,
                    };
                    results.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(item);
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .flatten()
        .collect()
}

/// The series file for what every imported issue shares (name, handling
/// mark, unit, footer fields), if they share anything.
pub fn shared_series(issues: &[crate::model::Issue]) -> Option<String> {
    let first = issues.first()?;
    let all = |f: &dyn Fn(&crate::model::Issue) -> bool| issues.iter().all(f);
    let name = all(&|i| i.name == first.name).then_some(first.name.as_str());
    let mark = first
        .handling_mark
        .as_deref()
        .filter(|m| all(&|i| i.handling_mark.as_deref() == Some(m)));
    let unit = all(&|i| i.unit == first.unit).then_some(first.unit.as_str());
    let f = &first.footer;
    let footer = crate::model::Footer {
        report_to: f
            .report_to
            .clone()
            .filter(|v| all(&|i| i.footer.report_to.as_ref() == Some(v))),
        copy_to: f
            .copy_to
            .clone()
            .filter(|v| all(&|i| i.footer.copy_to.as_ref() == Some(v))),
        distribute_to: f
            .distribute_to
            .clone()
            .filter(|v| all(&|i| i.footer.distribute_to.as_ref() == Some(v))),
        extra_to: None,
        registration: f
            .registration
            .clone()
            .filter(|v| all(&|i| i.footer.registration.as_ref() == Some(v))),
        print_run: None,
        editor: f
            .editor
            .clone()
            .filter(|v| all(&|i| i.footer.editor.as_ref() == Some(v))),
        approver: f
            .approver
            .clone()
            .filter(|v| all(&|i| i.footer.approver.as_ref() == Some(v))),
    };
    if name.is_none() && mark.is_none() && unit.is_none() && footer.is_empty() {
        return None;
    }
    Some(write::yaml::series(name, mark, unit, &footer))
}
