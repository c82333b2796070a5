//! The template: shipped in the binary or given with `--template`, checked
//! once, and listed file by file (for the `typ` export, the incremental key
//! and `watch`). Reads template files; writes nothing.

use std::fs;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Failure, io_reason};

/// The template shipped in the binary.
pub const SHIPPED_TEMPLATE: &str = include_str!("../../templates/bulletin.typ");

/// The 公文 template shipped in the binary (it imports the bulletin's parts).
pub const SHIPPED_GONGWEN: &str = include_str!("../../templates/gongwen.typ");

/// Where the template's files come from.
#[derive(Debug, Clone)]
pub enum TemplateSource {
    /// The template compiled into jianbao.
    Shipped,
    /// A folder holding `bulletin.typ` and whatever it imports.
    Dir(PathBuf),
    /// A single template file, used as `bulletin.typ`; files it names relative
    /// to itself are looked up in its folder.
    File(PathBuf),
}

impl TemplateSource {
    /// The template a `--template` argument names (the shipped one without
    /// it): a folder holding `bulletin.typ`, or a `.typ` file.
    pub fn from_arg(arg: Option<&Path>) -> Result<TemplateSource, Diagnostic> {
        let Some(path) = arg else {
            return Ok(TemplateSource::Shipped);
        };
        let name = path.display().to_string();
        if path.is_dir() {
            if !path.join("bulletin.typ").is_file() {
                return Err(Diagnostic::error(
                    Some(&name),
                    "the template folder has no bulletin.typ",
                )
                .hint("a template folder must hold bulletin.typ defining `render(data)`"));
            }
            Ok(TemplateSource::Dir(path.to_path_buf()))
        } else if path.is_file() {
            Ok(TemplateSource::File(path.to_path_buf()))
        } else {
            Err(
                Diagnostic::error(Some(&name), "template not found (not found)")
                    .hint("give a folder holding bulletin.typ, or a .typ file"),
            )
        }
    }

    /// The template's files, relative to the template folder, sorted.
    pub fn files(&self) -> Result<Vec<(PathBuf, Vec<u8>)>, Failure> {
        let read = |path: &Path| {
            fs::read(path).map_err(|e| {
                Failure::from(Diagnostic::error(
                    Some(&path.display().to_string()),
                    format!("failed to read the template ({})", io_reason(&e)),
                ))
            })
        };
        match self {
            TemplateSource::Shipped => Ok(vec![
                (
                    PathBuf::from("bulletin.typ"),
                    SHIPPED_TEMPLATE.as_bytes().to_vec(),
                ),
                (
                    PathBuf::from("gongwen.typ"),
                    SHIPPED_GONGWEN.as_bytes().to_vec(),
                ),
            ]),
            TemplateSource::File(file) => Ok(vec![(PathBuf::from("bulletin.typ"), read(file)?)]),
            TemplateSource::Dir(dir) => files_under(dir)
                .into_iter()
                .map(|path| {
                    let bytes = read(&path)?;
                    Ok((path.strip_prefix(dir).unwrap_or(&path).to_path_buf(), bytes))
                })
                .collect(),
        }
    }

    /// The files on disk a change of which changes the output (none for the
    /// shipped template).
    pub fn paths(&self) -> Vec<PathBuf> {
        match self {
            TemplateSource::Shipped => Vec::new(),
            TemplateSource::File(file) => vec![file.clone()],
            TemplateSource::Dir(dir) => files_under(dir),
        }
    }
}

/// The files under `dir`, recursively, sorted. Links to folders are not
/// followed, so a link cycle cannot loop.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                collect(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    collect(dir, &mut out);
    out.sort();
    out
}
