//! The Typst world of one compilation: the issue's data, the template, and
//! the issue's folder — nothing else.
//!
//! Virtual layout (project root):
//! - `/.jianbao/main.typ`: the fixed entry, which imports the template and
//!   calls it with the data;
//! - `/.jianbao/data.json`: the model as JSON, the only way user text reaches
//!   Typst (as a value, never as source);
//! - `/.jianbao/practice.json`: the print facts of `crate::format::page`, the
//!   same for every issue;
//! - `/.jianbao/template/…`: the template (shipped, or `--template`);
//! - everything else: files in the issue's folder (photos), resolved to real
//!   paths and refused if they lead outside it (symlinks included).
//!
//! Packages are refused: no network, no package cache.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, PackageError};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};
use typst_kit::files::{FileLoader, FileStore};

use super::Environment;
use super::template::{SHIPPED_GONGWEN, SHIPPED_TEMPLATE, TemplateSource};

/// The fixed entry file of a bulletin: it imports the template and hands
/// it the data.
pub const MAIN: &str = r#"#import "/.jianbao/template/bulletin.typ": render
#render(json("/.jianbao/data.json"))
"#;

/// The fixed entry file of a 公文.
pub const MAIN_GONGWEN: &str = r#"#import "/.jianbao/template/gongwen.typ": render
#render(json("/.jianbao/data.json"))
"#;

/// Which family's template the entry calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Entry {
    /// `bulletin.typ`.
    #[default]
    Bulletin,
    /// `gongwen.typ`.
    Gongwen,
}

impl Entry {
    /// The entry file's text.
    pub fn main(self) -> &'static str {
        match self {
            Entry::Bulletin => MAIN,
            Entry::Gongwen => MAIN_GONGWEN,
        }
    }
}

/// Virtual folder that holds jianbao's own files.
const OWN_DIR: &str = ".jianbao";

static MAIN_ID: LazyLock<FileId> = LazyLock::new(|| own_id("main.typ"));
static DATA_ID: LazyLock<FileId> = LazyLock::new(|| own_id("data.json"));
static PRACTICE_ID: LazyLock<FileId> = LazyLock::new(|| own_id("practice.json"));

/// `/.jianbao/practice.json`: the print facts the template reads.
pub fn practice() -> &'static [u8] {
    static PRACTICE: LazyLock<Vec<u8>> = LazyLock::new(|| {
        serde_json::to_vec_pretty(&crate::format::page::Practice::new())
            .expect("numbers and names serialise")
    });
    &PRACTICE
}

/// jianbao's own files of the virtual root, relative to it: the entry and
/// the print facts (the data and the template come with each issue).
pub fn own_files(entry: Entry) -> Vec<(PathBuf, Vec<u8>)> {
    vec![
        (
            PathBuf::from(".jianbao/main.typ"),
            entry.main().as_bytes().to_vec(),
        ),
        (PathBuf::from(".jianbao/practice.json"), practice().to_vec()),
    ]
}

fn own_id(name: &str) -> FileId {
    let path = VirtualPath::new(format!("/{OWN_DIR}/{name}")).expect("a valid virtual path");
    RootedPath::new(VirtualRoot::Project, path).intern()
}

/// A Typst world for one issue.
pub struct IssueWorld<'a> {
    env: &'a Environment,
    files: FileStore<Loader<'a>>,
    today: Datetime,
}

impl<'a> IssueWorld<'a> {
    /// A world whose data is `data` (the JSON the template reads) and whose
    /// project folder is `root` (canonical).
    /// `files` are extra virtual files (prepared photos) by their path under the root.
    pub fn new(
        env: &'a Environment,
        entry: Entry,
        root: PathBuf,
        data: Vec<u8>,
        files: Vec<(String, Bytes)>,
        today: Datetime,
    ) -> Self {
        let loader = Loader {
            entry,
            root,
            template: &env.template,
            data: Bytes::new(data),
            files,
        };
        IssueWorld {
            env,
            files: FileStore::new(loader),
            today,
        }
    }

    /// A name for `id` in diagnostics: the template path, or the real file.
    pub fn name(&self, id: FileId) -> String {
        let vpath = id.vpath().get_without_slash();
        match vpath.strip_prefix(".jianbao/template/") {
            Some(rest) => match &self.env.template {
                TemplateSource::Shipped => format!("<shipped template>/{rest}"),
                TemplateSource::Dir(dir) => dir.join(rest).display().to_string(),
                TemplateSource::File(file) if rest == "bulletin.typ" => file.display().to_string(),
                TemplateSource::File(file) => file.with_file_name(rest).display().to_string(),
            },
            None => vpath.to_string(),
        }
    }
}

impl World for IssueWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.env.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.env.fonts.book()
    }

    fn main(&self) -> FileId {
        *MAIN_ID
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.files.source(id)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files.file(id)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.env.fonts.font(index)
    }

    fn today(&self, _: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

/// Serves the virtual files.
struct Loader<'a> {
    entry: Entry,
    root: PathBuf,
    template: &'a TemplateSource,
    data: Bytes,
    files: Vec<(String, Bytes)>,
}

impl FileLoader for Loader<'_> {
    fn load(&self, id: FileId) -> FileResult<Bytes> {
        if let VirtualRoot::Package(spec) = id.root() {
            return Err(FileError::Package(PackageError::Other(Some(
                format!(
                    "packages such as {spec} are not available: jianbao works offline, \
                     so a template must be self-contained"
                )
                .into(),
            ))));
        }
        if id == *MAIN_ID {
            return Ok(Bytes::from_string(self.entry.main()));
        }
        if id == *DATA_ID {
            return Ok(self.data.clone());
        }
        if id == *PRACTICE_ID {
            return Ok(Bytes::new(practice()));
        }
        let vpath = id.vpath();
        let path = vpath.get_without_slash();
        if let Some(rest) = path.strip_prefix(".jianbao/template/") {
            return match self.template {
                TemplateSource::Shipped if rest == "bulletin.typ" => {
                    Ok(Bytes::from_string(SHIPPED_TEMPLATE))
                }
                TemplateSource::Shipped if rest == "gongwen.typ" => {
                    Ok(Bytes::from_string(SHIPPED_GONGWEN))
                }
                TemplateSource::Shipped => Err(FileError::NotFound(PathBuf::from(path))),
                TemplateSource::Dir(dir) => read_confined(dir, Path::new(rest)),
                TemplateSource::File(file) if rest == "bulletin.typ" => fs::read(file)
                    .map(Bytes::new)
                    .map_err(|e| FileError::from_io(e, file)),
                TemplateSource::File(file) => {
                    read_confined(file.parent().unwrap_or(Path::new(".")), Path::new(rest))
                }
            };
        }
        if let Some((_, bytes)) = self.files.iter().find(|(name, _)| name == path) {
            return Ok(bytes.clone());
        }
        if path.starts_with(".jianbao/") || path == OWN_DIR {
            return Err(FileError::NotFound(PathBuf::from(path)));
        }
        read_confined(&self.root, Path::new(path))
    }
}

/// Reads `relative` under `root`, refusing anything whose real path (symlinks
/// resolved) is outside `root`.
fn read_confined(root: &Path, relative: &Path) -> FileResult<Bytes> {
    let root = root
        .canonicalize()
        .map_err(|e| FileError::from_io(e, root))?;
    let joined = root.join(relative);
    let real = joined
        .canonicalize()
        .map_err(|e| FileError::from_io(e, &joined))?;
    if !real.starts_with(&root) {
        return Err(FileError::Other(Some(
            format!(
                "{} leads outside the issue's folder {}; only files inside it can be used",
                relative.display(),
                root.display()
            )
            .into(),
        )));
    }
    if real.is_dir() {
        return Err(FileError::IsDirectory);
    }
    fs::read(&real)
        .map(Bytes::new)
        .map_err(|e| FileError::from_io(e, &real))
}
