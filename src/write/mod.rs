//! Writers: model or laid-out pages → bytes. None touches the file system.
//!
//! `pdf`, `ofd` and `image` (PNG, SVG) take the pages the Typst template
//! laid out, each as `fn(&PagedDocument, &Options) -> Result<bytes>` with
//! what the document says of itself ([`Metadata`]) in the options; `typ`
//! takes the template's input; `docx`, `html`, `text` and `yaml` take the
//! model itself. `zip` packs and `xml` escapes for the office formats
//! (fonts are subset for them by [`crate::opentype`]). They are named in pairs with the
//! readers (`read::yaml`, `read::text`, `read::docx`).

use crate::model::Issue;

pub mod docx;
pub mod html;
#[cfg(feature = "typeset")]
pub mod image;
#[cfg(feature = "typeset")]
pub mod ofd;
#[cfg(feature = "typeset")]
pub mod pdf;
pub mod text;
#[cfg(feature = "typeset")]
pub mod typ;
pub mod xml;
pub mod yaml;
pub mod zip;

/// What a document says of itself, the same in every format: a stable
/// identity, title, author, description, keywords and a date.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Metadata {
    /// A stable identifier of the issue (PDF /ID, OFD DocID).
    pub ident: String,
    /// "临江文明实践 第 14 期".
    pub title: String,
    /// The issuing unit.
    pub author: String,
    /// The title, the unit and the date.
    pub description: String,
    /// The column names.
    pub keywords: Vec<String>,
    /// Creation and modification time, seconds since 1970 (UTC).
    pub timestamp: i64,
}

impl Metadata {
    /// The metadata of a 公文, dated `SOURCE_DATE_EPOCH` when given, else
    /// by its date.
    pub fn for_gongwen(
        g: &crate::model::gongwen::Gongwen,
        source_date_epoch: Option<i64>,
    ) -> Metadata {
        let labels = g.labels();
        let number = labels.number.clone().unwrap_or_default();
        Metadata {
            ident: format!("jianbao/gongwen/{}/{}/{}", g.organs[0].name, g.date, number),
            title: labels.document.clone(),
            author: g.organs[0].name.clone(),
            description: format!("{number} {}", labels.date).trim().to_string(),
            keywords: Vec::new(),
            timestamp: source_date_epoch.unwrap_or_else(|| g.date.unix_seconds()),
        }
    }

    /// The metadata of `issue`, dated `SOURCE_DATE_EPOCH` when given, else
    /// by the issue's date.
    pub fn for_issue(issue: &Issue, source_date_epoch: Option<i64>) -> Metadata {
        let labels = issue.labels();
        Metadata {
            ident: issue.ident(),
            title: labels.document,
            author: issue.unit.to_string(),
            description: labels.description,
            keywords: labels.keywords,
            timestamp: source_date_epoch.unwrap_or_else(|| issue.date.unix_seconds()),
        }
    }
}
