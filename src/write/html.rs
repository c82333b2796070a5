//! Model → one self-contained HTML file: inline CSS, no scripts, fonts or
//! requests; semantic (header, nav, article, footer); every text escaped by
//! the askama template (`templates/bulletin.html`, checked at compile time).

use std::collections::HashMap;

use askama::Template;

use crate::format::faces::{Faces, Role};
use crate::model::{Block, Cmyk, Face, Issue};

/// How to write HTML.
#[derive(Debug, Clone, Default)]
pub struct HtmlOptions {
    /// Photo path → the `src` to use (e.g. a `data:` URI of the prepared
    /// photo); a photo not listed is referenced by its path.
    pub photos: HashMap<String, String>,
}

/// The HTML page of `issue`.
pub fn html(issue: &Issue, options: &HtmlOptions) -> Result<String, askama::Error> {
    Page::new(issue, options).render()
}

#[derive(Template)]
#[template(path = "bulletin.html")]
struct Page<'a> {
    title: String,
    /// A CSS font stack for each role (our constants, never user text).
    fonts: Faces,
    red: String,
    copy_number: Option<&'a str>,
    handling_mark: Option<&'a str>,
    name: &'a str,
    name_chars: usize,
    kind_label: &'static str,
    number_line: String,
    total_line: Option<String>,
    unit: &'a str,
    date_iso: String,
    date_text: String,
    editor_note: Option<&'a str>,
    lead_face: &'static str,
    columns: Vec<ColumnView<'a>>,
    groups: Vec<GroupView<'a>>,
    signatures: Vec<String>,
    registration: Option<String>,
    has_closing: bool,
}

struct ColumnView<'a> {
    name: Option<&'a str>,
    articles: Vec<ArticleView<'a>>,
}

struct ArticleView<'a> {
    id: String,
    title: &'a str,
    subtitle: Option<&'a str>,
    source: Option<&'a str>,
    blocks: Vec<BlockView<'a>>,
}

/// A body block flattened for the template: `kind` is paragraph, heading1,
/// heading2 or photo (whose `text` is the caption).
struct BlockView<'a> {
    kind: &'static str,
    lead: Option<&'a str>,
    text: &'a str,
    src: &'a str,
}

struct GroupView<'a> {
    label: &'static str,
    lines: &'a [String],
}

impl<'a> Page<'a> {
    fn new(issue: &'a Issue, options: &'a HtmlOptions) -> Page<'a> {
        let mut n = 0;
        let columns = issue
            .columns
            .iter()
            .map(|column| ColumnView {
                name: column.name.as_ref().map(|t| t.as_str()),
                articles: column
                    .articles
                    .iter()
                    .map(|article| {
                        n += 1;
                        ArticleView {
                            id: format!("article-{n}"),
                            title: article.title.as_str(),
                            subtitle: article.subtitle.as_ref().map(|t| t.as_str()),
                            source: article.source.as_ref().map(|t| t.as_str()),
                            blocks: article
                                .body
                                .iter()
                                .map(|b| block_view(b, options))
                                .collect(),
                        }
                    })
                    .collect(),
            })
            .collect();
        let signatures = issue.footer.signatures();
        let registration = issue.footer.registration_line();
        Page {
            title: issue.labels().document,
            fonts: Faces::from_fn(Role::css_stack),
            red: css_colour(issue.style.red.unwrap_or(Cmyk::RED)),
            copy_number: issue.copy_number.as_deref(),
            handling_mark: issue.handling_mark.as_deref(),
            name: &issue.name,
            name_chars: issue.name.chars().count().max(1),
            kind_label: issue.kind.label(),
            number_line: issue.number_line(),
            total_line: issue.total_line(),
            unit: &issue.unit,
            date_iso: issue.date.to_string(),
            date_text: issue.date.chinese(),
            editor_note: issue.editor_note.as_deref(),
            lead_face: match issue.style.lead_face {
                Some(Face::Hei) => "hei",
                Some(Face::Fang) => "fang",
                _ => "kai",
            },
            columns,
            groups: issue
                .footer
                .recipients()
                .into_iter()
                .map(|(label, lines)| GroupView { label, lines })
                .collect(),
            has_closing: !signatures.is_empty() || registration.is_some(),
            signatures,
            registration,
        }
    }
}

fn block_view<'a>(block: &'a Block, options: &'a HtmlOptions) -> BlockView<'a> {
    match block {
        Block::Paragraph { lead, text } => BlockView {
            kind: "paragraph",
            lead: lead.as_deref(),
            text,
            src: "",
        },
        Block::Heading { level, text } => BlockView {
            kind: if *level == 1 { "heading1" } else { "heading2" },
            lead: None,
            text,
            src: "",
        },
        Block::Photo { path, caption, .. } => BlockView {
            kind: "photo",
            lead: None,
            text: caption.as_deref().unwrap_or(""),
            src: options.photos.get(path).map_or(path, String::as_str),
        },
    }
}

/// A CMYK colour as CSS `rgb()`.
fn css_colour(colour: Cmyk) -> String {
    let [r, g, b] = colour.rgb();
    format!("rgb({r}, {g}, {b})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_standard_red_is_a_warm_red() {
        assert_eq!(css_colour(Cmyk::RED), "rgb(255, 51, 51)");
    }
}
