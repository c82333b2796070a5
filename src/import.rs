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
}

/// What a past issue's file is, by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Plain text (UTF-8 or GBK).
    Text,
    /// A Word document (.docx: a ZIP package).
    Docx,
    /// A PDF.
    Pdf,
    /// A binary Word or WPS file (.doc, .wps: an OLE compound file).
    Binary,
}

/// Sniffs `bytes`.
pub fn kind(bytes: &[u8]) -> Kind {
    if bytes.starts_with(b"PK\x03\x04") {
        Kind::Docx
    } else if bytes.starts_with(b"%PDF-") {
        Kind::Pdf
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Kind::Binary
    } else {
        Kind::Text
    }
}

/// Imports a past issue of any kind jianbao reads: text, a Word document or
/// a PDF. `stem` names the photos taken out of it (`<stem>-photo-N.jpg`).
pub fn file(bytes: &[u8], name: &str, stem: &str, options: &Options) -> Result<Imported, Failure> {
    match kind(bytes) {
        Kind::Text => text(bytes, name, options),
        Kind::Docx => {
            let (imported, photos) = read::docx::import(bytes, name, stem)?;
            finish(imported, name, options, Vec::new(), photos)
        }
        #[cfg(feature = "typeset")]
        Kind::Pdf => {
            let (imported, photos) = read::pdf::import(bytes, name, stem)?;
            finish(imported, name, options, Vec::new(), photos)
        }
        #[cfg(not(feature = "typeset"))]
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
    let imported = read::text::import(&text, name, &options.text)?;
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
    imported: read::text::Imported,
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
    })
}
