//! Readers: a past issue or a source → model. None touches the file system.
//!
//! `yaml` reads the source format. `text`, `docx` and `pdf` read past issues:
//! each finds the parts of the page (the masthead's fields, titles, bylines,
//! paragraphs with their leads, headings, photos, the footer's lines) and
//! hands them to [`assemble`], which builds the issue the same way for all of
//! them; [`recognise`] knows what a part looks like in text (第 N 期, a date,
//! 【栏目】, 一、, 报：…), for every reader. `package` opens ZIP packages under
//! limits;
//! `submission` reads one submitted article (`jianbao add`) through them.

pub mod assemble;
pub mod docx;
pub mod gongwen;
pub mod official;
pub mod package;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod recognise;
pub mod submission;
pub mod text;
pub mod yaml;

use crate::diag::Diagnostic;
use crate::model::{Comment, Issue};

/// What a reader of past issues gives: the model, what it could not place
/// (as comments for the YAML) and a warning for each.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The model.
    pub issue: Issue,
    /// Lines that could not be placed, as comments for the YAML.
    pub comments: Vec<Comment>,
    /// One warning per such line, naming it.
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
