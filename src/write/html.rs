//! Model → one self-contained HTML file: inline CSS, no scripts, fonts or
//! requests; semantic (header, nav, article, footer); every text escaped by
//! the askama template (`templates/bulletin.html`, checked at compile time).

use std::collections::HashMap;

use askama::Template;

use crate::format::faces::{Faces, Role};
use crate::model::gongwen::Gongwen;
use crate::model::{Block, Cmyk, Face, HeadingLevels, Issue, Slot, Table};

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
    /// The editor's note's label ("编者按："; our constant).
    note_label: &'static str,
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

/// A body block flattened for the template: `kind` is paragraph, heading
/// (of `level`), photo (whose `text` is the caption) or table.
struct BlockView<'a> {
    kind: &'static str,
    lead: Option<&'a str>,
    text: &'a str,
    src: &'a str,
    /// A heading's level, 1–4 (`<h3>` to `<h6>`), and whether it is bold.
    level: u8,
    bold: bool,
    table: Option<TableView<'a>>,
}

/// A table for the template: header rows (`<thead>`, `<th>`) and body rows.
struct TableView<'a> {
    caption: Option<&'a str>,
    /// Column widths for `<col>`, as CSS (`30mm`), empty when automatic.
    widths: Vec<String>,
    header: Vec<Vec<CellView<'a>>>,
    rows: Vec<Vec<CellView<'a>>>,
}

struct CellView<'a> {
    text: &'a str,
    colspan: u32,
    rowspan: u32,
    /// `left`, `center` or `right`.
    align: &'static str,
}

impl<'a> TableView<'a> {
    fn new(table: &'a Table) -> TableView<'a> {
        let (mut header, mut rows) = (Vec::new(), Vec::new());
        for (is_header, row) in table.placed() {
            // A cell spanning down from above is in the HTML once, where it starts.
            let cells = row
                .into_iter()
                .filter_map(|(column, slot)| match slot {
                    Slot::Starts(cell) => Some(CellView {
                        text: &cell.text,
                        colspan: cell.colspan,
                        rowspan: cell.rowspan,
                        align: if is_header {
                            "center"
                        } else {
                            table.align_of(column).keyword()
                        },
                    }),
                    Slot::Continues(_) => None,
                })
                .collect();
            if is_header {
                header.push(cells);
            } else {
                rows.push(cells);
            }
        }
        TableView {
            caption: table.caption.as_deref(),
            widths: table
                .widths
                .iter()
                .map(|w| w.map_or(String::new(), |w| format!("{w}mm")))
                .collect(),
            header,
            rows,
        }
    }
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
                                .map(|b| block_view(b, options, issue.style.heading_bold.as_ref()))
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
            note_label: crate::format::labels::NOTE_PRINTED,
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

fn block_view<'a>(
    block: &'a Block,
    options: &'a HtmlOptions,
    bold: Option<&HeadingLevels>,
) -> BlockView<'a> {
    let view = |kind, text| BlockView {
        kind,
        lead: None,
        text,
        src: "",
        level: 0,
        bold: false,
        table: None,
    };
    match block {
        Block::Paragraph { lead, text } => BlockView {
            lead: lead.as_deref(),
            ..view("paragraph", text)
        },
        Block::Heading { level, text } => BlockView {
            level: *level,
            bold: bold.is_some_and(|b| b.has(*level)),
            ..view("heading", text)
        },
        Block::Photo { path, caption, .. } => BlockView {
            src: options.photos.get(path).map_or(path, String::as_str),
            ..view("photo", caption.as_deref().unwrap_or(""))
        },
        Block::Table(table) => BlockView {
            table: Some(TableView::new(table)),
            ..view("table", "")
        },
    }
}

/// The HTML page of a 公文: its head, title, 主送, body, 附件说明,
/// signature (with the seals, from `options.photos` by their paths), 附注,
/// attachments and record.
pub fn gongwen_html(g: &Gongwen, options: &HtmlOptions) -> Result<String, askama::Error> {
    GongwenPage::new(g, options).render()
}

#[derive(Template)]
#[template(path = "gongwen.html")]
struct GongwenPage<'a> {
    title: String,
    fonts: Faces,
    red: String,
    /// 份号.
    copy_number: Option<&'a str>,
    /// 密级, 紧急程度 as printed.
    markings: Vec<String>,
    mark_lines: Vec<String>,
    mark_word: Option<String>,
    number: Option<String>,
    signer_label: &'static str,
    signers: &'a [String],
    letter: bool,
    doc_title: &'a str,
    to: Option<String>,
    blocks: Vec<BlockView<'a>>,
    lead_face: &'static str,
    note_label: String,
    note_items: Vec<String>,
    signatures: Vec<&'a str>,
    signed_by: Option<&'a str>,
    seals: Vec<&'a str>,
    date_iso: String,
    date_text: String,
    remark: Option<String>,
    attendance: Vec<(String, &'a str)>,
    attachments: Vec<AttachmentView<'a>>,
    record: Vec<String>,
    issued: Option<(String, String)>,
}

struct AttachmentView<'a> {
    label: String,
    title: &'a str,
    blocks: Vec<BlockView<'a>>,
}

impl<'a> GongwenPage<'a> {
    fn new(g: &'a Gongwen, options: &'a HtmlOptions) -> GongwenPage<'a> {
        let l = g.labels();
        let bold = g.style.heading_bold.as_ref();
        let blocks =
            |body: &'a [Block]| body.iter().map(|b| block_view(b, options, bold)).collect();
        let (note_label, note_items) = l.attachment_note.clone().unwrap_or_default();
        GongwenPage {
            title: l.document.clone(),
            fonts: Faces::from_fn(Role::css_stack),
            red: css_colour(Cmyk::RED),
            copy_number: g.copy_number.as_ref().map(|c| c.0.as_str()),
            markings: [
                g.secrecy.as_ref().map(|s| s.to_string()),
                g.urgency.map(|u| u.0.to_string()),
            ]
            .into_iter()
            .flatten()
            .collect(),
            mark_lines: l.mark.0.clone(),
            mark_word: l.mark.1.clone(),
            number: l.number.clone(),
            signer_label: l.signer,
            signers: &g.signers,
            letter: g.format == crate::model::gongwen::Format::Letter,
            doc_title: &g.title,
            to: l.to.clone(),
            blocks: blocks(&g.body),
            lead_face: "kai",
            note_label,
            note_items,
            signatures: g.signatures().collect(),
            signed_by: g.signed_by.as_deref(),
            seals: match g.signing {
                crate::model::gongwen::Signing::Unsealed => Vec::new(),
                _ => g
                    .organs
                    .iter()
                    .filter_map(|o| o.seal.as_ref())
                    .map(|s| {
                        options
                            .photos
                            .get(&s.image)
                            .map_or(s.image.as_str(), String::as_str)
                    })
                    .collect(),
            },
            date_iso: g.date.to_string(),
            date_text: l.date.clone(),
            remark: l.note.clone(),
            attendance: l
                .attendance
                .iter()
                .cloned()
                .zip(g.attendance.iter().map(|a| a.names.as_str()))
                .collect(),
            attachments: g
                .bound_attachments()
                .zip(&l.attachment_labels)
                .map(|((_, a), label)| AttachmentView {
                    label: label.clone(),
                    title: &a.title,
                    blocks: blocks(&a.body),
                })
                .collect(),
            record: [l.record_to.clone(), l.copy_to.clone()]
                .into_iter()
                .flatten()
                .collect(),
            issued: l.issued.clone(),
        }
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
