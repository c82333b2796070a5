//! One loaded issue → one output format: the compile-once function that
//! `build`, batch runs and `watch` all call. It picks the writer (and, for
//! the page formats, lays the issue out first); the writers live in
//! [`crate::write`]. Returns bytes (or, for `typ`, a set of files); writes
//! nothing.

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Failure};
use crate::input::{self, Document, Loaded, LoadedGongwen};
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
    /// Every format, in the order the help lists them.
    pub const ALL: [Format; 8] = [
        Format::Pdf,
        Format::Html,
        Format::Txt,
        Format::Typ,
        Format::Png,
        Format::Svg,
        Format::Docx,
        Format::Ofd,
    ];

    /// What the format is, for the help.
    pub fn description(self) -> &'static str {
        match self {
            Format::Pdf => "PDF, typeset by the Typst template",
            Format::Html => "One self-contained HTML file",
            Format::Txt => "Plain text, one element per line",
            Format::Typ => "A folder with the Typst entry, template and data, for the typst CLI",
            Format::Png => "One PNG per page (NAME-1.png, …; or a {p} in -o)",
            Format::Svg => "One SVG per page",
            Format::Docx => "A Word document (.docx) to keep editing, on the 22 × 28 grid",
            Format::Ofd => "OFD (GB/T 33190), the fixed-layout format of e-documents and archives",
        }
    }

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
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        let extension = match extension.as_str() {
            "htm" => "html",
            "text" => "txt",
            other => other,
        };
        Format::ALL.into_iter().find(|f| f.extension() == extension)
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

    /// Whether this format is written from laid-out pages.
    pub fn is_laid_out(self) -> bool {
        matches!(self, Format::Pdf | Format::Ofd | Format::Png | Format::Svg)
    }

    /// Whether this format needs the Typst environment (fonts, template):
    /// the laid-out ones and the Typst project.
    pub fn needs_typesetting(self) -> bool {
        self.is_laid_out() || self == Format::Typ
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
    let typeset_env = || needs_env(env, format);
    let meta = || write::Metadata::for_issue(&loaded.issue, options.source_date_epoch);
    // Photos are prepared once, for every format that shows them.
    let cache = env.map_or_else(Cache::default, |e| e.photos.clone());
    let photos = match format {
        Format::Txt => Vec::new(),
        _ => typst_timing::timed!("jianbao: photos", input::prepare_photos(loaded, &cache)?),
    };
    let mut warnings = loaded.warnings.clone();
    let output = match format {
        Format::Pdf | Format::Ofd | Format::Png | Format::Svg => {
            let env = typeset_env()?;
            let layout = layout_options(format, options);
            let (typeset, all) = typeset::typeset_prepared(env, loaded, &layout, &photos)?;
            warnings = all;
            // Strict: no page is written from an issue with warnings.
            if options.strict {
                crate::diag::strict(warnings.clone())?;
            }
            write_pages(
                env,
                &typeset.document,
                format,
                options,
                meta(),
                &loaded.name,
            )?
        }
        Format::Html => {
            // Photos embedded as data URIs, so the page stays one
            // self-contained file; or referenced by their paths on request.
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
            Output::File(html.into_bytes())
        }
        Format::Docx => {
            use write::docx::{DocxOptions, Faces, faces};
            let options = DocxOptions {
                faces: match options.docx_fonts {
                    DocxFonts::Office => Faces::office(),
                    _ => faces::shipped_faces(),
                },
                embed: match (options.docx_fonts, env) {
                    (DocxFonts::Embedded, Some(env)) => {
                        faces::embedded(&loaded.issue, &env.subsets)?
                    }
                    (DocxFonts::Embedded, None) => {
                        faces::embedded(&loaded.issue, &Default::default())?
                    }
                    _ => Vec::new(),
                },
                photos: photos.into_iter().collect(),
                meta: meta(),
            };
            Output::File(write::docx::docx(&loaded.issue, &options))
        }
        Format::Txt => {
            let options = write::text::TextOptions { wrap: options.wrap };
            Output::File(write::text::text(&loaded.issue, &options).into_bytes())
        }
        Format::Typ => {
            let env = typeset_env()?;
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
            Output::Folder(write::typ::typ(
                typeset::world::own_files(typeset::world::Entry::Bulletin),
                data,
                env.template.files()?,
                files,
            ))
        }
    };
    // The page formats checked theirs before writing a page.
    if options.strict && !format.is_laid_out() {
        crate::diag::strict(warnings.clone())?;
    }
    Ok(Rendered { output, warnings })
}

/// The environment a typeset format needs, or why there is none.
fn needs_env(env: Option<&Environment>, format: Format) -> Result<&Environment, Failure> {
    env.ok_or_else(|| {
        Failure::from(Diagnostic::error(
            None,
            format!("{} output needs fonts and a template", format.extension()),
        ))
    })
}

/// What `format` asks of the layout: RGB only for an archival PDF (PDF/A
/// cannot carry the red's CMYK here).
fn layout_options(format: Format, options: &RenderOptions) -> TypesetOptions {
    TypesetOptions {
        rgb_only: format == Format::Pdf
            && options
                .pdf_standard
                .is_some_and(PdfStandardName::is_archival),
    }
}

/// Laid-out pages → `format` (PDF, OFD, PNG or SVG).
fn write_pages(
    env: &Environment,
    document: &typst_layout::PagedDocument,
    format: Format,
    options: &RenderOptions,
    meta: write::Metadata,
    name: &str,
) -> Result<Output, Failure> {
    let images = || write::image::ImageOptions {
        ppi: options.ppi,
        pages: options.pages.clone(),
    };
    let _writing = typst_timing::TimingScope::new(match format {
        Format::Pdf => "jianbao: write pdf",
        Format::Ofd => "jianbao: write ofd",
        Format::Png => "jianbao: write png",
        _ => "jianbao: write svg",
    });
    Ok(match format {
        Format::Pdf => Output::File(write::pdf::pdf(
            document,
            &write::pdf::PdfOptions {
                meta,
                standard: options.pdf_standard.map(PdfStandardName::to_typst),
            },
        )?),
        Format::Ofd => Output::File(write::ofd::ofd(
            document,
            &write::ofd::OfdOptions {
                meta,
                subsets: env.subsets.clone(),
            },
        )?),
        Format::Png => {
            Output::Pages(write::image::png(document, &images()).map_err(|f| named(f, name))?)
        }
        _ => Output::Pages(write::image::svg(document, &images()).map_err(|f| named(f, name))?),
    })
}

/// Renders a source of either family as `format`.
pub fn render_document(
    env: Option<&Environment>,
    document: &Document,
    format: Format,
    options: &RenderOptions,
) -> Result<Rendered, Failure> {
    match document {
        Document::Bulletin(loaded) => render(env, loaded, format, options),
        Document::Gongwen(loaded) => render_gongwen(env, loaded, format, options),
    }
}

/// Renders a 公文 as `format`.
pub fn render_gongwen(
    env: Option<&Environment>,
    loaded: &LoadedGongwen,
    format: Format,
    options: &RenderOptions,
) -> Result<Rendered, Failure> {
    let typeset_env = || needs_env(env, format);
    let g = &loaded.gongwen;
    let mut warnings = loaded.warnings.clone();
    let output = match format {
        Format::Pdf | Format::Ofd | Format::Png | Format::Svg => {
            let env = typeset_env()?;
            let layout = layout_options(format, options);
            let (typeset, all) = typeset::typeset_gongwen(env, loaded, &layout)?;
            warnings = all;
            if options.strict {
                crate::diag::strict(warnings.clone())?;
            }
            let meta = write::Metadata::for_gongwen(g, options.source_date_epoch);
            write_pages(env, &typeset.document, format, options, meta, &loaded.name)?
        }
        Format::Txt => {
            let options = write::text::TextOptions { wrap: options.wrap };
            Output::File(write::text::gongwen_text(g, &options).into_bytes())
        }
        Format::Typ => {
            let env = typeset_env()?;
            let data = env.gongwen_data_for_export(g, &TypesetOptions::default())?;
            // The seals go with the project, at the paths the data names.
            let seals = loaded
                .seal_files()
                .map_err(|e| Failure::from(Diagnostic::error(Some(&loaded.name), e)))?;
            Output::Folder(write::typ::typ(
                typeset::world::own_files(typeset::world::Entry::Gongwen),
                data,
                env.template.files()?,
                seals,
            ))
        }
        Format::Html => {
            let photos = match options.link_photos {
                true => Default::default(),
                false => loaded
                    .seal_uris()
                    .map_err(|e| Failure::from(Diagnostic::error(Some(&loaded.name), e)))?
                    .into_iter()
                    .collect(),
            };
            let html = write::html::gongwen_html(g, &write::html::HtmlOptions { photos })
                .map_err(|e| Diagnostic::error(None, format!("failed to write HTML ({e})")))?;
            Output::File(html.into_bytes())
        }
        Format::Docx => {
            return Err(Diagnostic::error(
                Some(&loaded.name),
                format!("{} output is not made for a 公文 yet", format.name()),
            )
            .hint("build it as pdf, ofd, png, svg, html, txt or typ; the Word copy of a 公文 is still to come")
            .into());
        }
    };
    if options.strict && !format.is_laid_out() {
        crate::diag::strict(warnings.clone())?;
    }
    Ok(Rendered { output, warnings })
}

/// A writer's diagnostics that name no file, named after the source.
fn named(failure: Failure, name: &str) -> Failure {
    Failure(
        failure
            .0
            .into_iter()
            .map(|mut d| {
                d.file.get_or_insert_with(|| name.to_string());
                d
            })
            .collect(),
    )
}
