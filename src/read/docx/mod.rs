//! A Word document (.docx) → model, in stages: `body` walks the main story
//! (every character Word shows, in reading order, as Word's 全部接受 would
//! leave it) into paragraphs of runs with their look (`styles` resolves
//! what the style chain and the theme give); `look` reads each paragraph's
//! role, by jianbao's own style names or by its look; `notes` reads the
//! comments and footnotes anchored in the text, which go into the YAML as
//! comments at their paragraphs. Photos are taken out of the package, for
//! the caller to write beside the YAML. Every accepted revision, comment,
//! footnote, hidden text and unmapped symbol is reported as a warning.

mod body;
mod look;
mod notes;
mod styles;
mod symbols;
mod tables;

use crate::diag::{Diagnostic, Failure};
use crate::read::Imported;
use std::collections::{HashMap, HashSet};

use crate::model::CellAlign;
use crate::read::assemble::{Layout, Piece, Role, build, push_table};
use crate::read::package::Package;

use body::Note;
use notes::Notes;
use styles::{Styles, Theme};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
const WP: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const V: &str = "urn:schemas-microsoft-com:vml";
const M: &str = "http://schemas.openxmlformats.org/officeDocument/2006/math";

/// A photo taken out of the document: its file name (beside the YAML) and bytes.
pub type Photo = (String, Vec<u8>);

/// Reads the document `bytes` (named `name` in messages); photos are named
/// `<stem>-photo-N.<ext>`.
pub fn import(bytes: &[u8], name: &str, stem: &str) -> Result<(Imported, Vec<Photo>), Failure> {
    let (pieces, photos, mut warnings) = pieces(bytes, name, stem, Layout::Bulletin)?;
    let mut imported = build(pieces, name)?;
    warnings.append(&mut imported.warnings);
    imported.warnings = warnings;
    Ok((imported, photos))
}

/// A document opened: its package, styles, relationships, notes and main story.
struct Opened<'a> {
    package: Package<'a>,
    styles: Styles,
    rels: String,
    notes: Notes,
    story: body::Story,
}

/// Opens the document `bytes` and walks its main story.
fn open<'a>(bytes: &'a [u8], name: &str) -> Result<Opened<'a>, Failure> {
    let fail = |why: String| {
        Failure(vec![
            Diagnostic::error(
                Some(name),
                format!("cannot read the Word document: {}", why),
            )
            .hint("open it in Word or WPS and save it again as .docx"),
        ])
    };
    let package = Package::open(bytes).map_err(fail)?;
    let document = package
        .read("word/document.xml")
        .map_err(fail)?
        .ok_or_else(|| fail("it has no word/document.xml (is it a Word document?)".into()))?;
    let document = String::from_utf8(document).map_err(|_| fail("its text is not UTF-8".into()))?;
    let doc = roxmltree::Document::parse(&document).map_err(|e| fail(e.to_string()))?;
    // Optional parts: a document without them still reads.
    let part = |name: &str| {
        package
            .read(name)
            .ok()
            .flatten()
            .and_then(|s| String::from_utf8(s).ok())
            .unwrap_or_default()
    };
    let theme = package
        .names()
        .find(|n| n.starts_with("word/theme/") && n.ends_with(".xml"))
        .map(|n| Theme::read(&part(n)))
        .unwrap_or_default();
    let styles = Styles::read(&part("word/styles.xml"), theme);
    let rels = part("word/_rels/document.xml.rels");
    let notes = Notes::read(
        &part("word/comments.xml"),
        &part("word/footnotes.xml"),
        &part("word/endnotes.xml"),
        &styles,
    );

    let body = doc
        .root_element()
        .children()
        .find(|n| n.has_tag_name((W, "body")))
        .ok_or_else(|| fail("its document has no body".into()))?;
    let story = body::walk(body, &styles).map_err(fail)?;
    Ok(Opened {
        package,
        styles,
        rels,
        notes,
        story,
    })
}

/// The paragraphs of the main story as lines, with their look (centred,
/// red), for the 公文 reader ([`crate::read::official`]): table cells in
/// reading order, each a line.
pub fn lines(bytes: &[u8], name: &str) -> Result<Vec<crate::read::official::Line>, Failure> {
    let opened = open(bytes, name)?;
    Ok(opened
        .story
        .paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| crate::read::official::Line {
            text: p.text(),
            centred: p.centred || opened.styles.centred(&p.style),
            red: p.red(),
            at: format!("paragraph {}", i + 1),
            cells: None,
            cell: match p.place {
                body::Place::Cell { table, row, cell } => Some((table, row, cell)),
                _ => None,
            },
        })
        .collect())
}

/// What [`pieces`] finds: the parts, the photos, the warnings on the way.
pub type Found = (Vec<Piece>, Vec<Photo>, Vec<Diagnostic>);

/// The parts of the document `bytes` for the assembler, in reading order,
/// its photos and the warnings on the way; a document of
/// [`Layout::Article`] (a submitted article) has no masthead.
pub fn pieces(bytes: &[u8], name: &str, stem: &str, layout: Layout) -> Result<Found, Failure> {
    let Opened {
        package,
        rels,
        notes,
        story,
        ..
    } = open(bytes, name)?;
    let readings = look::read(&story.paragraphs, layout);

    let mut warnings = Vec::new();
    let warn = |warnings: &mut Vec<Diagnostic>, d: Diagnostic| warnings.push(d);
    let (counts, authors) = notes::tally(&story.changes);
    let total: usize = counts.iter().sum();
    if total > 0 {
        let by = if authors.is_empty() {
            "an unnamed reviewer".to_string()
        } else {
            authors.join("、")
        };
        warn(
            &mut warnings,
            Diagnostic::warning(
                Some(name),
                format!(
                    "the document has {} tracked changes by {} ({} insertions, {} deletions, {} moves, {} formatting changes): they are read accepted, as Word's Accept All would leave them",
                    total, by, counts[0], counts[1], counts[2], counts[3]
                ),
            )
            .hint("to review them first, open the document in Word (审阅 → 修订); with --strict such a document is refused"),
        );
    }

    let body_tables = body_tables(&story, &readings);
    let mut table_paragraphs: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, p) in story.paragraphs.iter().enumerate() {
        if let body::Place::Cell { table, .. } = p.place
            && body_tables.contains(&table)
        {
            table_paragraphs.entry(table).or_default().push(i);
        }
    }
    let mut tables_read = HashSet::new();
    let mut failed_tables = HashSet::new();
    let mut pieces = Vec::new();
    let mut photos: Vec<Photo> = Vec::new();
    let mut anchored = std::collections::HashSet::new();
    for (i, (p, reading)) in story.paragraphs.iter().zip(readings).enumerate() {
        let at = format!("paragraph {}", i + 1);
        // Where a warning points: the paragraph by its number and opening words.
        let opening: String = p.text().trim().chars().take(12).collect();
        let place = if opening.is_empty() {
            at.clone()
        } else {
            format!("paragraph {} (“{}…”)", i + 1, opening)
        };
        let piece = |role: Role, text: String| Piece {
            role,
            text,
            lead: None,
            at: at.clone(),
        };
        for note in &p.notes {
            let (label, text) = match note {
                Note::Comment(id) => {
                    anchored.insert(id.clone());
                    let Some((author, text)) = notes.comments.get(id) else {
                        continue;
                    };
                    warn(
                        &mut warnings,
                        Diagnostic::warning(
                            Some(name),
                            format!(
                                "{}: a comment by {} is kept in the YAML as a comment: {}",
                                place,
                                author_name(author),
                                text.replace('\n', " ")
                            ),
                        ),
                    );
                    (format!("批注（{}）", author_name(author)), text.clone())
                }
                Note::Footnote(id) | Note::Endnote(id) => {
                    let (label, text) = match note {
                        Note::Footnote(_) => ("脚注", notes.footnotes.get(id)),
                        _ => ("尾注", notes.endnotes.get(id)),
                    };
                    let Some(text) = text else { continue };
                    warn(
                        &mut warnings,
                        Diagnostic::warning(
                            Some(name),
                            format!(
                                "{}: a footnote is left out of the issue (a bulletin has none) and kept in the YAML as a comment: {}",
                                place,
                                text.replace('\n', " ")
                            ),
                        ),
                    );
                    (label.to_string(), text.clone())
                }
            };
            pieces.push(piece(Role::Comment, format!("{label}：{text}")));
        }
        for id in &p.images {
            let target = relationship(&rels, id);
            if let Some(bytes) =
                target.and_then(|t| package.read(&format!("word/{t}")).ok().flatten())
            {
                let ext = target
                    .and_then(|t| t.rsplit('.').next())
                    .map(str::to_ascii_lowercase)
                    .filter(|e| ["jpg", "jpeg", "png"].contains(&e.as_str()))
                    .unwrap_or_else(|| "jpg".into());
                let file = format!("{stem}-photo-{}.{ext}", photos.len() + 1);
                photos.push((file.clone(), bytes));
                pieces.push(piece(Role::Photo(file), String::new()));
            }
        }
        if !p.hidden.trim().is_empty() {
            warn(
                &mut warnings,
                Diagnostic::warning(
                    Some(name),
                    format!("{}: hidden text is left out: {}", place, p.hidden.trim()),
                ),
            );
        }
        for (font, code) in &p.symbols {
            warn(
                &mut warnings,
                Diagnostic::warning(
                    Some(name),
                    format!(
                        "{}: a symbol of the font {} (code {}) has no Unicode character known to jianbao and is left out",
                        place, font, code
                    ),
                )
                .hint("replace it in Word with a character of an ordinary font (插入 → 符号)"),
            );
        }
        // A table in an article's body is read whole, where it begins (a
        // grid that makes no table is read paragraph by paragraph).
        if let body::Place::Cell { table, .. } = p.place
            && body_tables.contains(&table)
            && !failed_tables.contains(&table)
        {
            if tables_read.insert(table) {
                let cells = table_paragraphs
                    .get(&table)
                    .map(Vec::as_slice)
                    .unwrap_or_default();
                match read_table(&story, table, cells) {
                    Some(table) => {
                        // The paragraph above in jianbao's 表题 style is the
                        // caption whatever it says.
                        let styled = i > 0
                            && story.paragraphs[i - 1].style
                                == crate::format::styles::TABLE_CAPTION;
                        push_table(&mut pieces, table, at.clone(), styled);
                    }
                    None => {
                        failed_tables.insert(table);
                    }
                }
            }
            if !failed_tables.contains(&table) {
                continue;
            }
        }
        if let Some(reading) = reading {
            if reading.role == Role::Comment {
                warn(
                    &mut warnings,
                    Diagnostic::warning(
                        Some(name),
                        format!(
                            "{}: `{}` says again who issued the issue and when; it is kept as a comment",
                            place, reading.text
                        ),
                    ),
                );
            }
            pieces.push(Piece {
                role: reading.role,
                text: reading.text,
                lead: reading.lead,
                at: at.clone(),
            });
        }
    }
    // Comments anchored nowhere (their anchor deleted): kept at the end.
    for id in notes.order.iter().filter(|id| !anchored.contains(*id)) {
        if let Some((author, text)) = notes.comments.get(id) {
            warn(
                &mut warnings,
                Diagnostic::warning(
                    Some(name),
                    format!(
                        "a comment by {} is anchored nowhere in the text and is kept in the YAML at the end: {}",
                        author_name(author),
                        text.replace('\n', " ")
                    ),
                ),
            );
            pieces.push(Piece {
                role: Role::Comment,
                text: format!("批注（{}）：{text}", author_name(author)),
                lead: None,
                at: "the end".into(),
            });
        }
    }
    Ok((pieces, photos, warnings))
}

/// The tables that stand in an article's body (after the first title), none
/// of whose paragraphs reads as part of the masthead, a title or the
/// footer: the tables of figures an article holds, not the layout tables
/// Word templates set the masthead and the footer block in.
fn body_tables(story: &body::Story, readings: &[Option<look::Reading>]) -> HashSet<usize> {
    let first_title = readings
        .iter()
        .position(|r| r.as_ref().is_some_and(|r| r.role == Role::Title));
    let mut out: HashSet<usize> = HashSet::new();
    let mut refused: HashSet<usize> = HashSet::new();
    for (i, (p, reading)) in story.paragraphs.iter().zip(readings).enumerate() {
        let body::Place::Cell { table, .. } = p.place else {
            continue;
        };
        let in_body = first_title.is_some_and(|t| i > t)
            && !story.tables.get(table).is_some_and(|s| s.nested);
        let fits = match reading {
            None => true,
            Some(r) => matches!(
                r.role,
                Role::Body | Role::Heading(_) | Role::Byline | Role::Caption
            ),
        };
        if in_body && fits {
            out.insert(table);
        } else {
            refused.insert(table);
        }
    }
    out.retain(|t| !refused.contains(t));
    out
}

/// Table `table` of the story from its paragraphs (`cells`, indices into
/// the story): each cell's text and alignment, the grid from its shape.
fn read_table(story: &body::Story, table: usize, cells: &[usize]) -> Option<crate::model::Table> {
    let mut texts: HashMap<(usize, usize), String> = HashMap::new();
    let mut aligns: HashMap<(usize, usize), CellAlign> = HashMap::new();
    for &i in cells {
        let q = &story.paragraphs[i];
        let body::Place::Cell { row, cell, .. } = q.place else {
            continue;
        };
        let text = q.text().trim().replace(['\n', '\t'], " ");
        if !text.is_empty() {
            aligns.insert(
                (row, cell),
                match (q.centred, q.right) {
                    (true, _) => CellAlign::Center,
                    (_, true) => CellAlign::Right,
                    _ => CellAlign::Left,
                },
            );
        }
        join_text(texts.entry((row, cell)).or_default(), &text);
    }
    tables::table(story.tables.get(table)?, &texts, &aligns)
}

/// Appends a cell's next paragraph to its text: nothing between Chinese
/// characters, a space between other words.
fn join_text(slot: &mut String, text: &str) {
    if text.is_empty() {
        return;
    }
    let wide = |c: Option<char>| c.is_some_and(crate::model::is_wide);
    if !(slot.is_empty() || wide(slot.chars().next_back()) || wide(text.chars().next())) {
        slot.push(' ');
    }
    slot.push_str(text);
}

/// A comment's author as the YAML names them.
fn author_name(author: &str) -> &str {
    if author.is_empty() {
        "未署名"
    } else {
        author
    }
}

/// The target of relationship `id`.
fn relationship<'r>(rels: &'r str, id: &str) -> Option<&'r str> {
    let at = rels.find(&format!("Id=\"{id}\""))?;
    let start = rels[..at].rfind('<')?;
    let end = start + rels[start..].find('>')?;
    let tag = &rels[start..end];
    let target = tag.split("Target=\"").nth(1)?.split('"').next()?;
    Some(target)
}
