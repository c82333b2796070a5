//! One loaded issue → one output format: the compile-once function that
//! `build`, batch runs and `watch` all call. It picks the writer (and, for
//! the page formats, lays the issue out first); the writers live in
//! [`crate::write`]. Returns bytes (or, for `typ`, a set of files); writes
//! nothing.

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Failure};
use crate::input::{self, Loaded};
use crate::photo::Cache;
use crate::typeset::{self, Environment, TypesetOptions};
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
    /// A Word document (WordprocessingML) to keep editing.
    Docx,
    /// OFD (GB/T 33190), from the same laid-out pages as the PDF.
    Ofd,
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
            Format::Docx => "docx",
            Format::Ofd => "ofd",
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
            "docx" => Some(Format::Docx),
            "ofd" => Some(Format::Ofd),
            _ => None,
        }
    }

    /// The format's name in messages: `PDF`, `HTML` …
    pub fn name(self) -> String {
        self.extension().to_uppercase()
    }

    /// Whether the output is several files (a folder, or one file a page),
    /// which cannot go to standard output.
    pub fn is_several_files(self) -> bool {
        matches!(self, Format::Typ | Format::Png | Format::Svg)
    }

    /// Whether this format needs the Typst environment (fonts, template).
    pub fn needs_typesetting(self) -> bool {
        matches!(
            self,
            Format::Pdf | Format::Ofd | Format::Typ | Format::Png | Format::Svg
        )
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
    /// DOCX: which faces to name, and whether to embed them.
    pub docx_fonts: DocxFonts,
}

/// The faces a Word document names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum DocxFonts {
    /// The offices' own faces (方正小标宋简体, 仿宋_GB2312 …), as Word and
    /// WPS know them.
    #[default]
    Office,
    /// The free faces jianbao ships (Fandol, Noto Serif CJK).
    Shipped,
    /// The shipped faces, embedded in the document (the glyphs it uses).
    Embedded,
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

/// Renders `loaded` as `format`. `env` is needed for the formats that
/// [need typesetting](Format::needs_typesetting).
pub fn render(
    env: Option<&Environment>,
    loaded: &Loaded,
    format: Format,
    options: &RenderOptions,
) -> Result<Rendered, Failure> {
    let typeset_env = || {
        env.ok_or_else(|| {
            Failure::from(Diagnostic::error(
                None,
                format!("{} output needs fonts and a template", format.extension()),
            ))
        })
    };
    let (output, warnings) = match format {
        Format::Pdf | Format::Ofd | Format::Png | Format::Svg => {
            let layout = TypesetOptions {
                rgb_only: format == Format::Pdf
                    && options
                        .pdf_standard
                        .is_some_and(PdfStandardName::is_archival),
            };
            let (typeset, warnings) = typeset::typeset_with(typeset_env()?, loaded, &layout)?;
            if options.strict {
                crate::diag::strict(warnings.clone())?;
            }
            let document = &typeset.document;
            let images = || write::image::ImageOptions {
                ppi: options.ppi,
                pages: options.pages.clone(),
            };
            let output = match format {
                Format::Pdf => Output::File(write::pdf::pdf(
                    document,
                    &write::pdf::PdfOptions::for_issue(
                        &loaded.issue,
                        options.source_date_epoch,
                        options.pdf_standard.map(PdfStandardName::to_typst),
                    ),
                )?),
                Format::Ofd => Output::File(write::ofd::ofd(
                    document,
                    &loaded.issue,
                    &write::ofd::OfdOptions::for_issue(&loaded.issue, options.source_date_epoch),
                )?),
                Format::Png => Output::Pages(
                    write::image::png(document, &images()).map_err(|f| named(f, loaded))?,
                ),
                _ => Output::Pages(
                    write::image::svg(document, &images()).map_err(|f| named(f, loaded))?,
                ),
            };
            (output, warnings)
        }
        Format::Html => {
            // Photos embedded as data URIs, so the page stays one
            // self-contained file; or referenced by their paths on request.
            let cache = env.map_or_else(Cache::default, |e| e.photos.clone());
            let photos = input::prepare_photos(loaded, &cache)?;
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
            (Output::File(html.into_bytes()), loaded.warnings.clone())
        }
        Format::Docx => {
            let cache = env.map_or_else(Cache::default, |e| e.photos.clone());
            let photos = input::prepare_photos(loaded, &cache)?;
            let options = write::docx::DocxOptions {
                faces: match options.docx_fonts {
                    DocxFonts::Office => write::docx::Faces::office(),
                    _ => typeset::fonts::shipped_faces(),
                },
                embed: match options.docx_fonts {
                    DocxFonts::Embedded => typeset::fonts::embedded(&loaded.issue)?,
                    _ => Vec::new(),
                },
                photos: photos.into_iter().collect(),
                timestamp: options
                    .source_date_epoch
                    .unwrap_or_else(|| loaded.issue.date.unix_seconds()),
            };
            (
                Output::File(write::docx::docx(&loaded.issue, &options)),
                loaded.warnings.clone(),
            )
        }
        Format::Txt => {
            let options = write::text::TextOptions { wrap: options.wrap };
            (
                Output::File(write::text::text(&loaded.issue, &options).into_bytes()),
                loaded.warnings.clone(),
            )
        }
        Format::Typ => {
            let env = typeset_env()?;
            let photos = input::prepare_photos(loaded, &env.photos)?;
            let data = env.data(&loaded.issue, &TypesetOptions::default(), &photos)?;
            let files = photos
                .iter()
                .enumerate()
                .map(|(i, (_, photo))| {
                    (
                        PathBuf::from(typeset::photo_file(i, photo)),
                        photo.bytes.clone(),
                    )
                })
                .collect();
            (
                Output::Folder(write::typ::typ(data, env.template.files()?, files)),
                loaded.warnings.clone(),
            )
        }
    };
    if options.strict {
        crate::diag::strict(warnings.clone())?;
    }
    Ok(Rendered { output, warnings })
}

/// A writer's diagnostics that name no file, named after the issue.
fn named(failure: Failure, loaded: &Loaded) -> Failure {
    Failure(
        failure
            .0
            .into_iter()
            .map(|mut d| {
                d.file.get_or_insert_with(|| loaded.name.clone());
                d
            })
            .collect(),
    )
}
