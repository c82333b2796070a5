//! Incremental runs: the key of each output (a digest of everything it is
//! made from) and the state files that remember the key of what was last
//! written, `.jianbao-state/NAME.key` beside each output.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::input::Loaded;
use crate::output::{page_path, write_atomically};
use crate::render::{Format, RenderOptions};
use crate::typeset::TemplateSource;
use crate::typeset::template::files_under;

/// A digest of what an issue's outputs depend on, whatever the format: the
/// issue and series texts and the photos' contents. Computed once per issue.
pub fn issue_digest(loaded: &Loaded) -> [u8; 32] {
    let photos: Vec<&str> = loaded.issue.photo_paths();
    digest(
        &loaded.text,
        loaded.series.as_ref(),
        &loaded.folder,
        &photos,
    )
}

/// The digest of a source of either family: its text, the shared file
/// beside it (series or office) and the images it names.
pub fn document_digest(document: &crate::input::Document) -> [u8; 32] {
    match document {
        crate::input::Document::Bulletin(loaded) => issue_digest(loaded),
        crate::input::Document::Gongwen(loaded) => {
            let seals: Vec<&str> = loaded
                .gongwen
                .organs
                .iter()
                .filter_map(|o| o.seal.as_ref().map(|s| s.image.as_str()))
                .collect();
            digest(&loaded.text, loaded.office.as_ref(), &loaded.folder, &seals)
        }
    }
}

fn digest(
    text: &str,
    shared: Option<&(std::path::PathBuf, String)>,
    folder: &std::path::Path,
    images: &[&str],
) -> [u8; 32] {
    let mut hash = Sha256::new();
    let mut field = |name: &str, bytes: &[u8]| {
        hash.update(name.as_bytes());
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(bytes);
    };
    field("issue", text.as_bytes());
    field("series", shared.map_or(&b""[..], |(_, t)| t.as_bytes()));
    for path in images {
        let bytes = fs::read(folder.join(path)).unwrap_or_default();
        field(path, &bytes);
    }
    hash.finalize().into()
}

/// The key of one output: jianbao's version, the format and options, the
/// issue's [`issue_digest`] and, for typeset formats, the template and font
/// identity (`env_key`). Equal keys, equal outputs.
pub fn input_key(
    issue_digest: &[u8; 32],
    format: Format,
    options: &RenderOptions,
    env_key: &str,
) -> String {
    let mut hash = Sha256::new();
    hash.update(env!("CARGO_PKG_VERSION").as_bytes());
    hash.update([0]);
    hash.update(format.extension().as_bytes());
    hash.update([0]);
    hash.update(format!("{options:?}").as_bytes());
    hash.update([0]);
    hash.update(issue_digest);
    if format.needs_typesetting() {
        hash.update(env_key.as_bytes());
    }
    hex(&hash.finalize())
}

/// A digest of the template's and the user fonts' contents, computed once per run.
pub fn environment_key(template: &TemplateSource, font_paths: &[PathBuf]) -> String {
    let mut hash = Sha256::new();
    for (path, bytes) in template.files().unwrap_or_default() {
        hash.update(path.to_string_lossy().as_bytes());
        hash.update(Sha256::digest(&bytes));
    }
    let mut fonts: Vec<PathBuf> = font_paths.iter().flat_map(|d| files_under(d)).collect();
    fonts.sort();
    for path in fonts {
        hash.update(path.to_string_lossy().as_bytes());
        hash.update(Sha256::digest(fs::read(&path).unwrap_or_default()));
    }
    hex(&hash.finalize())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// Where the input key of an output is kept: `.jianbao-state/NAME.key`
/// beside the output.
pub fn key_path(output: &Path) -> PathBuf {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    output
        .with_file_name(".jianbao-state")
        .join(format!("{name}.key"))
}

/// Whether `output` (or, for page images, its first page) exists and was
/// made from inputs with this `key`.
pub fn is_current(output: &Path, key: &str) -> bool {
    (output.exists() || page_path(output, 1).exists())
        && fs::read_to_string(key_path(output)).is_ok_and(|k| k.trim() == key)
}

/// Records the key of a freshly written output.
pub fn record_key(output: &Path, key: &str) -> io::Result<()> {
    let path = key_path(output);
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder)?;
    }
    write_atomically(&path, key.as_bytes())
}
