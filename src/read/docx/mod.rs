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

use crate::diag::{Diagnostic, Failure};
use crate::read::Imported;
use crate::read::assemble::{Layout, Piece, Role, build};
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

/// What [`pieces`] finds: the parts, the photos, the warnings on the way.
pub type Found = (Vec<Piece>, Vec<Photo>, Vec<Diagnostic>);

/// The parts of the document `bytes` for the assembler, in reading order,
/// its photos and the warnings on the way; a document of
/// [`Layout::Article`] (a submitted article) has no masthead.
pub fn pieces(bytes: &[u8], name: &str, stem: &str, layout: Layout) -> Result<Found, Failure> {
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
