//! Finding and reading a 公文: its YAML, the `office.yaml` beside it, and
//! its seal images (checked to stay inside the document's folder, to be a
//! PNG or SVG, and to be of a sane size).

use std::fs;
use std::path::{Path, PathBuf};

use super::{Input, LoadError, io_error, utf8};
use crate::diag::{Diagnostic, Failure, Position};
use crate::format::gongwen::SEAL_MAX_BYTES;
use crate::model::gongwen::Gongwen;
use crate::read::gongwen::{OFFICE_FILE, read_gongwen};
use crate::read::yaml::Source;

/// A 公文 read and checked, with what it was read from.
#[derive(Debug, Clone)]
pub struct LoadedGongwen {
    /// The model.
    pub gongwen: Gongwen,
    /// The document's folder, canonical: seals resolve in it.
    pub folder: PathBuf,
    /// The document file's name for diagnostics.
    pub name: String,
    /// The document file's text.
    pub text: String,
    /// The office file used, with its text.
    pub office: Option<(PathBuf, String)>,
    /// What is valid but likely a slip, located.
    pub warnings: Vec<Diagnostic>,
}

impl LoadedGongwen {
    /// Where `needle` first occurs in the document (or its office file).
    pub fn locate(&self, needle: &str) -> Option<(String, Position)> {
        super::locate_in(needle, &self.name, &self.text, self.office.as_ref())
    }

    /// A diagnostic about `needle`, located at its first occurrence.
    pub fn diagnostic_at(&self, diagnostic: Diagnostic, needle: &str) -> Diagnostic {
        super::located(diagnostic, self.locate(needle))
    }
}

impl LoadedGongwen {
    /// Each seal image (checked when the document was loaded) by its path,
    /// once: its bytes, for the outputs that carry them (the `typ` project).
    pub fn seal_files(&self) -> Result<Vec<(PathBuf, Vec<u8>)>, String> {
        let mut out: Vec<(PathBuf, Vec<u8>)> = Vec::new();
        for seal in self.gongwen.organs.iter().filter_map(|o| o.seal.as_ref()) {
            let path = PathBuf::from(&seal.image);
            if out.iter().any(|(p, _)| *p == path) {
                continue;
            }
            let bytes = fs::read(self.folder.join(&seal.image)).map_err(|e| {
                format!(
                    "failed to read the seal image {} ({})",
                    seal.image,
                    crate::diag::io_reason(&e)
                )
            })?;
            out.push((path, bytes));
        }
        Ok(out)
    }

    /// Each seal's image path with a `data:` URI of its bytes, for the
    /// outputs that embed them (HTML).
    pub fn seal_uris(&self) -> Result<Vec<(String, String)>, String> {
        use base64::Engine;
        Ok(self
            .seal_files()?
            .into_iter()
            .map(|(path, bytes)| {
                let mime = match bytes.starts_with(b"\x89PNG") {
                    true => "image/png",
                    false => "image/svg+xml",
                };
                let encoded = base64::engine::general_purpose::STANDARD.encode(&bytes);
                (
                    path.display().to_string(),
                    format!("data:{mime};base64,{encoded}"),
                )
            })
            .collect())
    }
}

/// Reads the 公文 in `text`, under the `office.yaml` in `folder`.
pub(super) fn load(
    input: &Input,
    name: String,
    text: String,
    folder: PathBuf,
) -> Result<LoadedGongwen, LoadError> {
    let office_path = folder.join(OFFICE_FILE);
    if matches!(input, Input::Path(p) if p.file_name() == Some(OFFICE_FILE.as_ref())) {
        return Err(LoadError::Invalid(
            Diagnostic::error(Some(&name), "this is an office file, not a document")
                .hint("build the documents beside it; `jianbao check office.yaml` checks the office file itself")
                .into(),
        ));
    }
    let office = if office_path.is_file() {
        let shown = match input {
            Input::Path(path) => path.with_file_name(OFFICE_FILE).display().to_string(),
            Input::Stdin => OFFICE_FILE.to_string(),
        };
        let bytes = fs::read(&office_path)
            .map_err(|e| io_error(&shown, "failed to read the office file", &e))?;
        Some((
            PathBuf::from(shown.clone()),
            utf8(&shown, bytes).map_err(LoadError::Invalid)?,
        ))
    } else {
        None
    };
    let gongwen = read_gongwen(
        Source {
            name: &name,
            text: &text,
        },
        office.as_ref().map(|(path, text)| Source {
            name: path.to_str().unwrap_or(OFFICE_FILE),
            text,
        }),
    )
    .map_err(LoadError::Invalid)?;
    let loaded = LoadedGongwen {
        gongwen,
        folder,
        name,
        text,
        office,
        warnings: Vec::new(),
    };
    let problems = check_seals(&loaded);
    if !problems.is_empty() {
        return Err(LoadError::Invalid(Failure(problems)));
    }
    Ok(loaded)
}

/// Each seal image: inside the folder, a file, a PNG or an SVG, not enormous.
fn check_seals(loaded: &LoadedGongwen) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for seal in loaded.gongwen.organs.iter().filter_map(|o| o.seal.as_ref()) {
        if let Some((message, hint)) = seal_problem(&loaded.folder, &seal.image) {
            let diagnostic =
                Diagnostic::error(Some(&loaded.name), format!("{message}: {}", seal.image))
                    .hint(hint);
            problems.push(loaded.diagnostic_at(diagnostic, &format!("image: {}", seal.image)));
        }
    }
    problems
}

/// What is wrong with the seal image at `path` under `folder`, if anything.
fn seal_problem(folder: &Path, path: &str) -> Option<(String, String)> {
    let real = match folder.join(path).canonicalize() {
        Err(_) => {
            return Some((
                "seal image not found".into(),
                "check the file name; paths are relative to the document".into(),
            ));
        }
        Ok(real) => real,
    };
    if !real.starts_with(folder) {
        return Some((
            "the seal image leads outside the document's folder".into(),
            "copy the image into the document's folder (links out of it are refused)".into(),
        ));
    }
    let Some(meta) = fs::metadata(&real).ok().filter(|m| m.is_file()) else {
        return Some((
            "the seal path is not a file".into(),
            "name a PNG or SVG file".into(),
        ));
    };
    if meta.len() > SEAL_MAX_BYTES {
        return Some((
            format!("the seal image is enormous ({} MB)", meta.len() >> 20),
            format!(
                "a seal is a small image: export it at print size (under {} MB), as PNG or SVG",
                SEAL_MAX_BYTES >> 20
            ),
        ));
    }
    let head = fs::read(&real).ok()?;
    let png = head.starts_with(b"\x89PNG\r\n\x1a\n");
    let svg = {
        let start = String::from_utf8_lossy(&head[..head.len().min(4096)]).to_string();
        start.contains("<svg")
    };
    if png {
        // The pixel size from IHDR: a seal needs no more than print resolution.
        let dim = |at: usize| {
            head.get(at..at + 4)
                .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
        };
        if let (Some(w), Some(h)) = (dim(16), dim(20))
            && (w > 6000 || h > 6000)
        {
            return Some((
                format!("the seal image is enormous ({w} × {h} pixels)"),
                "a seal 42 mm wide needs about 1000 pixels at 600 ppi: scale it down".into(),
            ));
        }
        None
    } else if svg {
        None
    } else {
        Some((
            "the seal image is no PNG or SVG".into(),
            "save the seal as PNG (with a transparent background) or SVG".into(),
        ))
    }
}
