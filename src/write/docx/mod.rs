//! Model → a Word document (WordprocessingML, ECMA-376) that an editor keeps
//! editing in Word or WPS: the page set-up of GB/T 9704 with the document
//! grid of 22 lines × 28 characters, named Chinese styles for every part
//! (a restyle is one click), the faces named explicitly (never theme fonts),
//! page numbers as PAGE fields in odd and even footers, and the footer block
//! (版记) as a table floated to the bottom of the last page's type area, so
//! it stays there while the text above it changes.
//!
//! Word lays the text out itself: nothing here breaks lines, except titles,
//! which break between their phrases as in the PDF. No I/O: the photos
//! (prepared copies) and the fonts to embed come in with the options.
//!
//! A file a part: `package` (content types, relationships, properties),
//! `styles` (styles, settings, theme, font table), `page` (the section and
//! its footers), `content` (the body), `fonts` (the faces named or embedded).

mod content;
#[cfg(feature = "typeset")]
pub mod faces;
mod fonts;
mod package;
mod page;
mod styles;
mod table;

use std::collections::HashMap;
use std::sync::Arc;

pub use crate::format::faces::Faces;
use crate::model::{Cmyk, Issue};
use crate::photo::Prepared;
use crate::write::xml::escape;
use crate::write::zip::Zip;
use fonts::{font_key, obfuscate};
use package::{APP, ROOT_RELS};
use page::page_number_footer;

/// Twips (1/20 pt) in a millimetre.
const TWIPS_PER_MM: f64 = 72.0 * 20.0 / 25.4;
/// English Metric Units in a millimetre (drawings).
const EMU_PER_MM: f64 = 36_000.0;

#[derive(Debug, Clone)]
pub struct EmbeddedFont {
    /// The family name as the document names it.
    pub name: String,
    /// An OpenType file (a subset of the glyphs the document uses is best).
    pub bytes: Arc<Vec<u8>>,
}

/// How to write a Word document.
#[derive(Debug, Clone)]
pub struct DocxOptions {
    /// The faces to name.
    pub faces: Faces,
    /// Fonts to embed (Word's embedded fonts), if any.
    pub embed: Vec<EmbeddedFont>,
    /// Photo path → its prepared copy; a photo not here is left out with
    /// its caption kept.
    pub photos: HashMap<String, Arc<Prepared>>,
    /// The document's properties (title, author, dates …).
    pub meta: crate::write::Metadata,
}

/// The Word document of `issue`: same issue and options, same bytes.
pub fn docx(issue: &Issue, options: &DocxOptions) -> Vec<u8> {
    let mut doc = Document::new(issue, options);
    let body = doc.body();
    let mut zip = Zip::new();
    zip.file("[Content_Types].xml", doc.content_types().as_bytes());
    zip.file("_rels/.rels", ROOT_RELS.as_bytes());
    zip.file("docProps/core.xml", doc.core().as_bytes());
    zip.file("docProps/app.xml", APP.as_bytes());
    zip.file("word/document.xml", body.as_bytes());
    zip.file("word/styles.xml", doc.styles().as_bytes());
    zip.file("word/settings.xml", doc.settings().as_bytes());
    zip.file("word/fontTable.xml", doc.font_table().as_bytes());
    zip.file("word/theme/theme1.xml", doc.theme().as_bytes());
    if doc.page_numbers {
        zip.file("word/footer1.xml", page_number_footer(false).as_bytes());
        zip.file("word/footer2.xml", page_number_footer(true).as_bytes());
    }
    zip.file(
        "word/_rels/document.xml.rels",
        doc.document_rels().as_bytes(),
    );
    for (i, photo) in doc.media.iter().enumerate() {
        zip.file(
            &format!("word/media/image{}.{}", i + 1, photo.extension),
            &photo.bytes,
        );
    }
    if !options.embed.is_empty() {
        zip.file("word/_rels/fontTable.xml.rels", doc.font_rels().as_bytes());
        for (i, font) in options.embed.iter().enumerate() {
            zip.file(
                &format!("word/fonts/font{}.odttf", i + 1),
                &obfuscate(&font.bytes, &font_key(i)),
            );
        }
    }
    zip.finish()
}

pub(super) const NS: &str = concat!(
    r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
    r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#
);

pub(super) const DRAWING_NS: &str = concat!(
    r#"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" "#,
    r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" "#,
    r#"xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" "#,
    r#"xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" "#,
    r#"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#
);

use crate::write::xml::DECLARATION as XML;

/// The document being written: what the parts share.
struct Document<'a> {
    issue: &'a Issue,
    options: &'a DocxOptions,
    /// Photos in the order they appear (`word/media/imageN`).
    media: Vec<Arc<Prepared>>,
    page_numbers: bool,
}

impl<'a> Document<'a> {
    fn new(issue: &'a Issue, options: &'a DocxOptions) -> Document<'a> {
        Document {
            issue,
            options,
            media: Vec::new(),
            page_numbers: issue.style.page_numbers.unwrap_or(true),
        }
    }

    fn red(&self) -> String {
        let [r, g, b] = self.issue.style.red.unwrap_or(Cmyk::RED).rgb();
        format!("{r:02X}{g:02X}{b:02X}")
    }
}

/// Half-points, the unit of `w:sz`.
fn half_points(pt: f64) -> i64 {
    (pt * 2.0).round() as i64
}

/// `w:rFonts` naming `face` for every script, never a theme font.
fn fonts(face: &str) -> String {
    let f = escape(face);
    format!("<w:rFonts w:ascii=\"{f}\" w:hAnsi=\"{f}\" w:eastAsia=\"{f}\" w:cs=\"{f}\"/>")
}
