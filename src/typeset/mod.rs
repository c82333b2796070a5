//! Model → laid-out pages, through the Typst template, in-process.
//!
//! An [`Environment`] (standard library, fonts, template) is built once per
//! process and shared; each issue gets a fresh [`world::IssueWorld`] whose only
//! input from the user is the model serialised to `/.jianbao/data.json`.

pub mod fonts;
pub mod grid;
pub mod template;
pub mod timings;
pub mod world;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use serde::Serialize;
use typst::diag::{Severity as TypstSeverity, SourceDiagnostic, Warned};
use typst::foundations::{Bytes, Datetime};
use typst::layout::{Frame, FrameItem};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;

use crate::diag::{Diagnostic, Failure, Position};
use crate::input::{self, Loaded};
use crate::model::gongwen::Gongwen;
use crate::model::{GridMode, Issue, Labels};
use crate::photo::Prepared;
use fonts::{Fonts, RoleFamilies};
pub use template::TemplateSource;
use world::IssueWorld;

/// What an output asks of the layout.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct TypesetOptions {
    /// RGB colours only: PDF/A cannot carry the masthead's CMYK red here.
    pub rgb_only: bool,
}

/// Lays out a loaded issue with the default options. See [`typeset_with`].
pub fn typeset(env: &Environment, loaded: &Loaded) -> Result<(Typeset, Vec<Diagnostic>), Failure> {
    typeset_with(env, loaded, &TypesetOptions::default())
}

/// Lays out a loaded issue: its photos prepared, the template compiled.
/// See [`typeset_prepared`].
pub fn typeset_with(
    env: &Environment,
    loaded: &Loaded,
    options: &TypesetOptions,
) -> Result<(Typeset, Vec<Diagnostic>), Failure> {
    let photos = input::prepare_photos(loaded, &env.photos)?;
    typeset_prepared(env, loaded, options, &photos)
}

/// Lays out a loaded issue whose photos are prepared. The warnings are the
/// issue's own ([`Loaded::warnings`]), the template's, and one for each
/// character that no font has, naming it and where it is in the source.
pub fn typeset_prepared(
    env: &Environment,
    loaded: &Loaded,
    options: &TypesetOptions,
    photos: &[(String, Arc<Prepared>)],
) -> Result<(Typeset, Vec<Diagnostic>), Failure> {
    let typeset = env.typeset(&loaded.issue, loaded.folder.clone(), options, photos)?;
    let warnings = all_warnings(&loaded.warnings, &typeset, &loaded.name, &|d, needle| {
        loaded.diagnostic_at(d, needle)
    });
    Ok((typeset, warnings))
}

/// The source's own warnings, the template's, and one for each character
/// no font has, naming it and its first page, located by `at` at its first
/// occurrence in the source.
fn all_warnings(
    own: &[Diagnostic],
    typeset: &Typeset,
    name: &str,
    at: &dyn Fn(Diagnostic, &str) -> Diagnostic,
) -> Vec<Diagnostic> {
    let missing = typeset
        .missing
        .iter()
        .map(|(&c, &page)| {
            let warning = Diagnostic::warning(
                Some(name),
                format!("no font has the character `{c}` (U+{:04X}); it prints as a blank box on page {page}", c as u32),
            )
            .hint("add a font that has it with --font-path DIR, or replace the character");
            at(warning, c.encode_utf8(&mut [0; 4]))
        })
        .collect::<Vec<_>>();
    own.iter()
        .chain(&typeset.warnings)
        .cloned()
        .chain(missing)
        .collect()
}

/// What every compilation of a process shares.
pub struct Environment {
    library: LazyHash<Library>,
    /// The fonts of the process.
    pub fonts: Fonts,
    /// Where the template comes from.
    pub template: TemplateSource,
    /// Photos prepared so far, by content.
    pub photos: crate::photo::Cache,
    /// Font subsets made so far (OFD, Word's embedded fonts).
    pub subsets: Arc<crate::opentype::Subsets>,
    /// After each compilation, Typst's memoised results not used in the
    /// last this many compilations are dropped: [`Environment::MEMO_AGE`]
    /// unless a caller that compiles many different issues lowers it.
    pub memo_age: usize,
}

impl Environment {
    /// How long memoised results are kept by default, in compilations:
    /// typst's own for `watch`, where one edit after another reuses most.
    pub const MEMO_AGE: usize = 10;

    /// The standard library, `fonts` and the template.
    pub fn new(fonts: Fonts, template: TemplateSource) -> Environment {
        fonts.prehash_shipped();
        Environment {
            library: LazyHash::new(Library::default()),
            fonts,
            template,
            photos: Default::default(),
            subsets: Default::default(),
            memo_age: Self::MEMO_AGE,
        }
    }

    /// Lays out `issue`; `folder` is the issue's folder (photos resolve in it);
    /// `photos` are the issue's prepared photos, by their paths.
    pub fn typeset(
        &self,
        issue: &Issue,
        folder: PathBuf,
        options: &TypesetOptions,
        photos: &[(String, Arc<Prepared>)],
    ) -> Result<Typeset, Failure> {
        // The shipped template leaves the metadata to jianbao here; a
        // replacement template does as it always did.
        let metadata = match self.template {
            TemplateSource::Shipped => Metadata::OnTheDocument,
            TemplateSource::Dir(_) | TemplateSource::File(_) => Metadata::Template,
        };
        let labels = issue.labels();
        let data = typst_timing::timed!(
            "jianbao: template data",
            self.template_data(issue, &labels, options, photos, metadata)?
        );
        let today = Datetime::from_ymd(
            issue.date.year,
            issue.date.month as u8,
            issue.date.day as u8,
        )
        .expect("a checked date");
        let files = photos
            .iter()
            .enumerate()
            .map(|(i, (_, photo))| (photo_file(i, photo), Bytes::new(photo.bytes.clone())))
            .collect();
        self.compile(
            world::Entry::Bulletin,
            folder,
            data,
            files,
            today,
            |document| {
                if metadata == Metadata::OnTheDocument {
                    set_metadata(document, issue, labels);
                }
            },
        )
    }

    /// Compiles the template of `entry` with `data`, in a world rooted at
    /// `folder` with the extra virtual `files`; `finish` sets what jianbao
    /// sets on the laid-out document.
    fn compile(
        &self,
        entry: world::Entry,
        folder: PathBuf,
        data: Vec<u8>,
        files: Vec<(String, Bytes)>,
        today: Datetime,
        finish: impl FnOnce(&mut PagedDocument),
    ) -> Result<Typeset, Failure> {
        let world = IssueWorld::new(self, entry, folder, data, files, today);
        let Warned { output, warnings } =
            typst_timing::timed!("typst: compile", typst::compile::<PagedDocument>(&world));
        // Keep memory flat over long runs: drop memoised results unused for a while.
        typst::comemo::evict(self.memo_age);
        let mut diagnostics: Vec<Diagnostic> =
            warnings.iter().map(|w| convert(&world, w)).collect();
        match output {
            Ok(mut document) => {
                finish(&mut document);
                let missing =
                    typst_timing::timed!("jianbao: missing glyphs", missing_glyphs(&document));
                Ok(Typeset {
                    document,
                    warnings: diagnostics,
                    missing,
                })
            }
            Err(errors) => {
                diagnostics.extend(errors.iter().map(|e| convert(&world, e)));
                Err(Failure(diagnostics))
            }
        }
    }
}

/// Who sets the document's metadata (title, author, description, keywords).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Metadata {
    /// The template (`data.set_metadata`): the shipped one with `set
    /// document` in a project compiled elsewhere, and a replacement
    /// template as it chooses.
    Template,
    /// jianbao, on the shipped template's laid-out document: a style in the
    /// template would be a style of every paragraph, and as it names the
    /// issue, no paragraph's layout could be reused by the next issue.
    OnTheDocument,
}

/// The metadata the shipped template sets with `set document` when asked
/// to (see [`Metadata`]), set on `document`.
fn set_metadata(document: &mut PagedDocument, issue: &Issue, labels: Labels) {
    let info = document.info_mut();
    info.title = Some(labels.document.into());
    info.author = vec![issue.unit.as_str().into()];
    info.description = Some(labels.description.into());
    info.keywords = labels.keywords.into_iter().map(Into::into).collect();
}

impl Environment {
    /// The template's input for `issue`, for a project compiled elsewhere
    /// (the template sets the metadata): the JSON of `/.jianbao/data.json`.
    pub fn data(
        &self,
        issue: &Issue,
        options: &TypesetOptions,
        photos: &[(String, Arc<Prepared>)],
    ) -> Result<Vec<u8>, Failure> {
        self.template_data(issue, &issue.labels(), options, photos, Metadata::Template)
    }

    fn template_data(
        &self,
        issue: &Issue,
        labels: &Labels,
        options: &TypesetOptions,
        photos: &[(String, Arc<Prepared>)],
        metadata: Metadata,
    ) -> Result<Vec<u8>, Failure> {
        let photos = photos
            .iter()
            .enumerate()
            .map(|(i, (path, photo))| (path.as_str(), format!("/{}", photo_file(i, photo))))
            .collect();
        // The body on the character grid, unless the style asks for Typst's
        // own justification.
        let grid = (issue.style.grid != Some(GridMode::Typst)).then(|| {
            typst_timing::timed!(
                "jianbao: grid",
                grid::body(issue, &|role, text| {
                    self.fonts.advance(role, text) * grid::BODY_SIZE_PT / grid::CELL_PT
                })
            )
        });
        let data = TemplateData {
            issue,
            labels,
            grid,
            fonts: self.fonts.roles(),
            rgb_only: options.rgb_only,
            set_metadata: metadata == Metadata::Template,
            photos,
        };
        serde_json::to_vec_pretty(&data).map_err(|e| {
            Diagnostic::error(None, format!("failed to serialise the issue ({e})")).into()
        })
    }
}

/// Lays out a loaded 公文. The warnings are the document's own, the
/// template's, and one for each character that no font has.
pub fn typeset_gongwen(
    env: &Environment,
    loaded: &input::LoadedGongwen,
    options: &TypesetOptions,
) -> Result<(Typeset, Vec<Diagnostic>), Failure> {
    let data = env.gongwen_data(&loaded.gongwen, options, Metadata::OnTheDocument)?;
    let date = loaded.gongwen.date;
    let today =
        Datetime::from_ymd(date.year, date.month as u8, date.day as u8).expect("a checked date");
    let labels = loaded.gongwen.labels();
    let typeset = env.compile(
        world::Entry::Gongwen,
        loaded.folder.clone(),
        data,
        Vec::new(),
        today,
        |document| {
            let info = document.info_mut();
            info.title = Some(labels.document.clone().into());
            info.author = vec![loaded.gongwen.organs[0].name.as_str().into()];
            info.description = labels.number.clone().map(Into::into);
        },
    )?;
    let warnings = all_warnings(&loaded.warnings, &typeset, &loaded.name, &|d, needle| {
        loaded.diagnostic_at(d, needle)
    });
    Ok((typeset, warnings))
}

impl Environment {
    /// The 公文 template's input: the JSON of `/.jianbao/data.json`.
    pub fn gongwen_data_for_export(
        &self,
        gongwen: &Gongwen,
        options: &TypesetOptions,
    ) -> Result<Vec<u8>, Failure> {
        self.gongwen_data(gongwen, options, Metadata::Template)
    }

    fn gongwen_data(
        &self,
        gongwen: &Gongwen,
        options: &TypesetOptions,
        metadata: Metadata,
    ) -> Result<Vec<u8>, Failure> {
        let labels = gongwen.labels();
        let grid = grid::gongwen(
            gongwen,
            labels.to.as_deref(),
            labels.note.as_deref(),
            &|role, text| self.fonts.advance(role, text) * grid::BODY_SIZE_PT / grid::CELL_PT,
        );
        let data = GongwenData {
            gongwen,
            labels: &labels,
            grid,
            fonts: self.fonts.roles(),
            rgb_only: options.rgb_only,
            set_metadata: metadata == Metadata::Template,
        };
        serde_json::to_vec_pretty(&data).map_err(|e| {
            Diagnostic::error(None, format!("failed to serialise the document ({e})")).into()
        })
    }
}

/// The 公文 template's input: `/.jianbao/data.json`.
#[derive(Serialize)]
struct GongwenData<'a> {
    gongwen: &'a Gongwen,
    labels: &'a crate::model::gongwen::Labels,
    grid: grid::GongwenBody,
    fonts: &'a RoleFamilies,
    rgb_only: bool,
    set_metadata: bool,
}

/// The template's input: `/.jianbao/data.json`.
#[derive(Serialize)]
struct TemplateData<'a> {
    issue: &'a Issue,
    /// The printed labels (第 N 期, the date …), built once in the model.
    labels: &'a Labels,
    /// The body text broken into lines on the character grid (`grid: strict`).
    grid: Option<grid::Body>,
    fonts: &'a RoleFamilies,
    rgb_only: bool,
    /// Whether the template sets the document's metadata (see [`Metadata`]).
    set_metadata: bool,
    /// Each photo path → the virtual file of its prepared image.
    photos: BTreeMap<&'a str, String>,
}

/// The virtual file of the `i`-th prepared photo, relative to the project root.
pub fn photo_file(i: usize, photo: &Prepared) -> String {
    format!(".jianbao/photos/{i}.{}", photo.extension)
}

/// A laid-out issue.
pub struct Typeset {
    /// The pages.
    pub document: PagedDocument,
    /// Warnings from the template.
    pub warnings: Vec<Diagnostic>,
    /// Characters no font had, with the first page (1-based) each is on.
    pub missing: BTreeMap<char, usize>,
}

/// Characters drawn as glyph 0 (no font has them), and the first page of each.
pub fn missing_glyphs(document: &PagedDocument) -> BTreeMap<char, usize> {
    fn walk(frame: &Frame, page: usize, out: &mut BTreeMap<char, usize>) {
        for (_, item) in frame.items() {
            match item {
                FrameItem::Group(group) => walk(&group.frame, page, out),
                FrameItem::Text(text) => {
                    for glyph in text.glyphs.iter().filter(|g| g.id == 0) {
                        for c in text.text[glyph.range()]
                            .chars()
                            .filter(|c| !c.is_whitespace())
                        {
                            out.entry(c).or_insert(page);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = BTreeMap::new();
    for (i, page) in document.pages().iter().enumerate() {
        walk(&page.frame, i + 1, &mut out);
    }
    out
}

/// A Typst diagnostic in our form, located in the template file it came from.
fn convert(world: &IssueWorld, diagnostic: &SourceDiagnostic) -> Diagnostic {
    let mut message = diagnostic.message.to_string();
    if let Some(first) = message.get(..1) {
        message = first.to_lowercase() + &message[1..];
    }
    let mut out = match diagnostic.severity {
        TypstSeverity::Error => Diagnostic::error(None, message),
        TypstSeverity::Warning => Diagnostic::warning(None, message),
    };
    if let Some(id) = diagnostic.span.id() {
        out.file = Some(world.name(id));
        if let (Some(range), Ok(source)) = (world.range(diagnostic.span), world.source(id)) {
            out = out.at(Position::at_offset(source.text(), range.start));
        }
    }
    // Typst's hints about its own CLI (`--root`) do not apply here.
    for hint in diagnostic.hints.iter().filter(|h| !h.v.contains("--root")) {
        out = out.hint(hint.v.to_string());
    }
    out
}
