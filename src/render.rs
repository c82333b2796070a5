//! One loaded issue → one output format: the compile-once function that
//! `build`, batch runs and `watch` all call. Returns bytes (or, for `typ`, a
//! set of files); writes nothing.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::diag::{Diagnostic, Failure};
use crate::input::Loaded;
use crate::model::Block;
use crate::typeset::{Environment, TemplateSource, world};
use crate::write;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// PDF, typeset by the Typst template.
    Pdf,
    /// One self-contained HTML file.
    Html,
    /// Plain text, one element per line.
    Txt,
    /// The Typst entry, template and data as a folder, for the typst CLI.
    Typ,
    /// One PNG image per page (previews, thumbnails).
    Png,
    /// One SVG image per page.
    Svg,
}

impl Format {
    /// The file extension (for `typ`, the suffix of the folder).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Html => "html",
            Format::Txt => "txt",
            Format::Typ => "typ",
            Format::Png => "png",
            Format::Svg => "svg",
        }
    }

    /// The format a file name's extension names, if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "pdf" => Some(Format::Pdf),
            "html" | "htm" => Some(Format::Html),
            "txt" | "text" => Some(Format::Txt),
            "typ" => Some(Format::Typ),
            "png" => Some(Format::Png),
            "svg" => Some(Format::Svg),
            _ => None,
        }
    }

    /// Whether this format needs the Typst environment (fonts, template).
    pub fn needs_typesetting(self) -> bool {
        matches!(self, Format::Pdf | Format::Typ | Format::Png | Format::Svg)
    }
}

/// Options that change an output.
#[derive(Debug, Clone, Default, Hash)]
pub struct RenderOptions {
    /// PDF standard, e.g. PDF/A-2b.
    pub pdf_standard: Option<PdfStandardName>,
    /// Text wrapping width.
    pub wrap: Option<usize>,
    /// Warnings become errors.
    pub strict: bool,
    /// `SOURCE_DATE_EPOCH`.
    pub source_date_epoch: Option<i64>,
    /// PNG resolution in pixels per inch (default 144).
    pub ppi: Option<u32>,
    /// Pages to export as images (1-based, inclusive ranges); all when empty.
    pub pages: Vec<(usize, usize)>,
    /// HTML: reference photos by their paths instead of embedding them.
    pub link_photos: bool,
}

/// The PDF standards offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PdfStandardName {
    /// PDF/A-2b.
    A2b,
    /// PDF/A-2u.
    A2u,
    /// PDF/A-3b.
    A3b,
    /// PDF/UA-1.
    Ua1,
}

impl PdfStandardName {
    /// Whether this is a PDF/A standard (which cannot carry CMYK here).
    fn is_archival(self) -> bool {
        !matches!(self, PdfStandardName::Ua1)
    }

    fn to_typst(self) -> typst_pdf::PdfStandard {
        match self {
            PdfStandardName::A2b => typst_pdf::PdfStandard::A_2b,
            PdfStandardName::A2u => typst_pdf::PdfStandard::A_2u,
            PdfStandardName::A3b => typst_pdf::PdfStandard::A_3b,
            PdfStandardName::Ua1 => typst_pdf::PdfStandard::Ua_1,
        }
    }
}

/// What rendering produced.
#[derive(Debug, Clone)]
pub enum Output {
    /// One file's bytes.
    File(Vec<u8>),
    /// A folder: relative paths and contents (the `typ` export).
    Folder(Vec<(PathBuf, Vec<u8>)>),
    /// One file per page: the 1-based page number and its bytes.
    Pages(Vec<(usize, Vec<u8>)>),
}

/// A rendered issue and the warnings on the way.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The output.
    pub output: Output,
    /// Warnings (already errors, and so a failure, under `strict`).
    pub warnings: Vec<Diagnostic>,
}

/// Renders `loaded` as `format`. `env` is needed for PDF and `typ`.
pub fn render(
    env: Option<&Environment>,
    loaded: &Loaded,
    format: Format,
    options: &RenderOptions,
) -> Result<Rendered, Failure> {
    let (output, warnings) = match format {
        Format::Pdf => {
            let env = env.expect("PDF output needs the environment");
            let (typeset, warnings) = crate::typeset_for(
                env,
                loaded,
                options
                    .pdf_standard
                    .is_some_and(PdfStandardName::is_archival),
            )?;
            if options.strict {
                crate::diag::strict(warnings.clone())?;
            }
            let pdf_options = crate::pdf_options(
                &loaded.issue,
                options.source_date_epoch,
                options.pdf_standard.map(PdfStandardName::to_typst),
            );
            (
                Output::File(write::pdf::pdf(&typeset.document, &pdf_options)?),
                warnings,
            )
        }
        Format::Html => {
            // Photos embedded as data URIs, so the page stays one
            // self-contained file; or referenced by their paths on request.
            let cache = env.map_or_else(crate::photo::Cache::default, |e| e.photos.clone());
            let photos = crate::input::prepare_photos(loaded, &cache)?;
            let embedded = match options.link_photos {
                true => Default::default(),
                false => photos
                    .iter()
                    .map(|(path, photo)| (path.clone(), photo.data_uri()))
                    .collect(),
            };
            let options = write::html::HtmlOptions { photos: embedded };
            let html = write::html::html(&loaded.issue, &options)
                .map_err(|e| Diagnostic::error(None, format!("failed to write HTML ({e})")))?;
            (Output::File(html.into_bytes()), Vec::new())
        }
        Format::Txt => {
            let options = write::text::TextOptions { wrap: options.wrap };
            (
                Output::File(write::text::text(&loaded.issue, &options).into_bytes()),
                Vec::new(),
            )
        }
        Format::Typ => {
            let env = env.expect("typ output needs the environment");
            (Output::Folder(typ_folder(env, loaded)?), Vec::new())
        }
        Format::Png | Format::Svg => {
            let env = env.expect("image output needs the environment");
            let (typeset, warnings) = crate::typeset_for(env, loaded, false)?;
            if options.strict {
                crate::diag::strict(warnings.clone())?;
            }
            let wanted = |n: usize| {
                options.pages.is_empty() || options.pages.iter().any(|&(a, b)| a <= n && n <= b)
            };
            let mut pages = Vec::new();
            for (i, page) in typeset
                .document
                .pages()
                .iter()
                .enumerate()
                .filter(|(i, _)| wanted(i + 1))
            {
                let bytes = if format == Format::Png {
                    let ppi = f64::from(options.ppi.unwrap_or(144));
                    let render = typst_render::RenderOptions {
                        pixel_per_pt: typst::utils::Scalar::new(ppi / 72.0),
                        ..Default::default()
                    };
                    typst_render::render(page, &render)
                        .encode_png()
                        .map_err(|e| {
                            Diagnostic::error(None, format!("failed to encode PNG ({e})"))
                        })?
                } else {
                    typst_svg::svg(page, &typst_svg::SvgOptions::default()).into_bytes()
                };
                pages.push((i + 1, bytes));
            }
            if pages.is_empty() {
                return Err(Diagnostic::error(
                    Some(&loaded.name),
                    format!(
                        "no page selected: the issue has {} pages",
                        typeset.document.pages().len()
                    ),
                )
                .hint("give --pages within the issue's pages, e.g. 1 or 1-2")
                .into());
            }
            (Output::Pages(pages), warnings)
        }
    };
    Ok(Rendered { output, warnings })
}

/// The files the typst CLI needs to compile the same document:
/// `main.typ` (which includes jianbao's entry), `.jianbao/` (entry, data,
/// template) and the photos, laid out as the virtual project root.
fn typ_folder(env: &Environment, loaded: &Loaded) -> Result<Vec<(PathBuf, Vec<u8>)>, Failure> {
    let photos = crate::input::prepare_photos(loaded, &env.photos)?;
    let mut files = vec![
        (
            PathBuf::from("main.typ"),
            b"// Compile with: typst compile --root . main.typ --font-path <jianbao>/fonts\n#include \"/.jianbao/main.typ\"\n".to_vec(),
        ),
        (PathBuf::from(".jianbao/main.typ"), world::MAIN.as_bytes().to_vec()),
        (PathBuf::from(".jianbao/data.json"), env.data(&loaded.issue, false, &photos)?),
    ];
    for (path, bytes) in template_files(&env.template)? {
        files.push((Path::new(".jianbao/template").join(path), bytes));
    }
    for (i, (_, photo)) in photos.iter().enumerate() {
        files.push((
            PathBuf::from(crate::typeset::photo_file(i, photo)),
            photo.bytes.clone(),
        ));
    }
    Ok(files)
}

/// The photo paths of an issue, relative to its folder.
pub fn photo_paths(loaded: &Loaded) -> Vec<String> {
    loaded
        .issue
        .articles()
        .flat_map(|a| &a.body)
        .filter_map(|b| match b {
            Block::Photo { path, .. } => Some(path.clone()),
            _ => None,
        })
        .collect()
}

/// The template's files, relative to the template folder.
pub fn template_files(template: &TemplateSource) -> Result<Vec<(PathBuf, Vec<u8>)>, Failure> {
    let read = |path: &Path| {
        fs::read(path).map_err(|e| {
            Failure::from(Diagnostic::error(
                Some(&path.display().to_string()),
                format!("failed to read the template ({})", crate::io_reason(&e)),
            ))
        })
    };
    match template {
        TemplateSource::Shipped => Ok(vec![(
            PathBuf::from("bulletin.typ"),
            world::SHIPPED_TEMPLATE.as_bytes().to_vec(),
        )]),
        TemplateSource::File(file) => Ok(vec![(PathBuf::from("bulletin.typ"), read(file)?)]),
        TemplateSource::Dir(dir) => {
            let mut found = Vec::new();
            collect(dir, &mut found);
            found.sort();
            found
                .into_iter()
                .map(|path| {
                    let bytes = read(&path)?;
                    Ok((path.strip_prefix(dir).unwrap_or(&path).to_path_buf(), bytes))
                })
                .collect()
        }
    }
}

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

/// A digest of what an issue's outputs depend on, whatever the format: the
/// issue and series texts and the photos' contents. Computed once per issue.
pub fn issue_digest(loaded: &Loaded) -> [u8; 32] {
    let mut hash = Sha256::new();
    let mut field = |name: &str, bytes: &[u8]| {
        hash.update(name.as_bytes());
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(bytes);
    };
    field("issue", loaded.text.as_bytes());
    field(
        "series",
        loaded
            .series
            .as_ref()
            .map_or(&b""[..], |(_, t)| t.as_bytes()),
    );
    for path in photo_paths(loaded) {
        let bytes = fs::read(loaded.folder.join(&path)).unwrap_or_default();
        field(&path, &bytes);
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
    for (path, bytes) in template_files(template).unwrap_or_default() {
        hash.update(path.to_string_lossy().as_bytes());
        hash.update(Sha256::digest(&bytes));
    }
    let mut fonts = Vec::new();
    for dir in font_paths {
        collect(dir, &mut fonts);
    }
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
