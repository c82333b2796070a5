//! A submitted article (稿件) → one article of the model, for `jianbao add`.
//!
//! What a sub-unit sends is a Word file, a PDF or plain text holding one
//! article: its title first, a source (供稿) line and perhaps a subtitle under
//! it (or the source as its last line), paragraphs with their leads,
//! headings, photos with their captions. The Word and PDF readers find the
//! roles of its parts as in a bulletin, told that there is no masthead
//! ([`Layout::Article`]); plain text is read here, line by line, with the
//! recognisers of the text importer; `read::styled` assembles the article.
//! A whole bulletin is refused (that is what `jianbao import` is for), and
//! so is a file with no title or no text. What fits nowhere becomes a
//! comment at its place and a warning. No file system access.

use crate::diag::{Diagnostic, Failure};
use crate::model::{Article, Block, Text, is_forbidden};
use crate::read::Kind;
use crate::read::assemble::{self, Layout, Piece, Role, push_table};
use crate::read::recognise::{
    column_name, ends_closed, footer_label, heading_level, is_page_number, issue_number,
    registration, split_lead, table_from_rows, title_shaped, total_number,
};
use crate::read::{docx, text};

/// A photo taken out of a submission: the file name its article gives it
/// (`<stem>-photo-N.<ext>`) and its bytes.
pub type Photo = (String, Vec<u8>);

/// Comments for the YAML: before body block `.0`, the text `.1`.
type Notes = Vec<(usize, String)>;

/// A table met in a submission: where it starts and ends, its cells, the
/// body block it stands before.
type Table = (String, String, Vec<String>, usize);

/// A submitted article, read.
#[derive(Debug, Clone)]
pub struct Submission {
    /// The article, its texts as the YAML reader would hold them.
    pub article: Article,
    /// Its photos, named as the article's photo blocks name them.
    pub photos: Vec<Photo>,
    /// Notes for the editor: before body block `.0` (the body's length:
    /// after its last block), one `#` line per line.
    pub comments: Vec<(usize, String)>,
    /// What the reader could not place, and other warnings.
    pub warnings: Vec<Diagnostic>,
}

/// Reads the submission `bytes` of `kind`, named `name` in messages; its
/// photos are named `<stem>-photo-N.<ext>`.
pub fn read(bytes: &[u8], kind: Kind, name: &str, stem: &str) -> Result<Submission, Failure> {
    let (pieces, photos, mut warnings) = match kind {
        Kind::Text => {
            let (source, _) = text::decode(bytes, name)?;
            if text::import(&source, name, &text::ImportOptions::default()).is_ok() {
                return Err(whole_bulletin(name, "a masthead (第 N 期, unit and date)"));
            }
            let (pieces, warnings) = text_pieces(&source, name);
            (pieces, Vec::new(), warnings)
        }
        Kind::Docx => {
            if docx::import(bytes, name, stem).is_ok() {
                return Err(whole_bulletin(name, "a masthead (第 N 期, unit and date)"));
            }
            docx::pieces(bytes, name, stem, Layout::Article)?
        }
        #[cfg(feature = "pdf")]
        Kind::Pdf => {
            if crate::read::pdf::import(bytes, name, stem).is_ok() {
                return Err(whole_bulletin(name, "a masthead (第 N 期, unit and date)"));
            }
            crate::read::pdf::pieces(bytes, name, stem, Layout::Article)?
        }
        #[cfg(not(feature = "pdf"))]
        Kind::Pdf => {
            return Err(Failure(vec![Diagnostic::error(
                Some(name),
                "this build of jianbao does not read PDF files",
            )]));
        }
        Kind::Binary => {
            return Err(Failure(vec![
                Diagnostic::error(
                    Some(name),
                    "this is a binary Word or WPS file (.doc, .wps), which jianbao does not read",
                )
                .hint("convert it first: soffice --headless --convert-to docx FILE (or save it as .docx in Word or WPS)"),
            ]));
        }
    };
    if let Some(piece) = pieces.iter().find(|p| is_masthead(p)) {
        return Err(whole_bulletin(
            name,
            &format!("a masthead line `{}` at {}", piece.text.trim(), piece.at),
        ));
    }
    if let Some(piece) = pieces
        .iter()
        .find(|p| p.role == Role::Footer && is_footer_line(&p.text))
    {
        return Err(whole_bulletin(
            name,
            &format!("a footer line `{}` at {}", piece.text.trim(), piece.at),
        ));
    }
    let (pieces, mut comments, notes) = arrange(pieces, name)?;
    warnings.extend(notes);
    let (articles, stray) = assemble::articles(pieces);
    let Some(article) = articles.into_iter().next() else {
        return Err(no_title(name));
    };
    let (mut article, dropped) = normalise(article);
    if dropped > 0 {
        warnings.push(
            Diagnostic::warning(
                Some(name),
                format!(
                    "dropped {dropped} invisible characters (control characters, direction marks)"
                ),
            )
            .hint("check the article's text against the submission"),
        );
    }
    for (at, text) in stray {
        warnings.push(
            Diagnostic::warning(
                Some(name),
                format!("{at}: could not place `{text}`; it is kept as a comment"),
            )
            .hint("move it where it belongs in the issue file"),
        );
        comments.push((usize::MAX, format!("{at}: {text}")));
    }
    move_closing_source(&mut article);
    if !article
        .body
        .iter()
        .any(|b| matches!(b, Block::Paragraph { .. }))
    {
        return Err(Failure(vec![
            Diagnostic::error(
                Some(name),
                format!(
                    "the submission holds no text: under its title `{}` there is no paragraph",
                    article.title.0
                ),
            )
            .hint("send the article's paragraphs under its title"),
        ]));
    }
    let end = article.body.len();
    for (block, _) in &mut comments {
        *block = (*block).min(end);
    }
    let photos = photos
        .into_iter()
        .filter(|(file, _)| {
            article
                .body
                .iter()
                .any(|b| matches!(b, Block::Photo { path, .. } if path == file))
        })
        .collect();
    Ok(Submission {
        article,
        photos,
        comments,
        warnings,
    })
}

fn whole_bulletin(name: &str, what: &str) -> Failure {
    Failure(vec![
        Diagnostic::error(
            Some(name),
            format!("this is a whole bulletin, not one article: it has {what}"),
        )
        .hint("import a whole issue with `jianbao import FILE`; `jianbao add` takes one submitted article"),
    ])
}

fn no_title(name: &str) -> Failure {
    Failure(vec![
        Diagnostic::error(
            Some(name),
            "the submission holds no title: it does not begin with a title line",
        )
        .hint("put the article's title on its first line, above the paragraphs"),
    ])
}

/// A masthead's part: the reader saw 第 N 期, （总第 N 期）, a unit and date.
fn is_masthead(piece: &Piece) -> bool {
    matches!(
        piece.role,
        Role::Mark | Role::Name | Role::Kind | Role::Number | Role::Total | Role::UnitDate
    )
}

/// A line of a bulletin's footer: 报：…, 送：…, 发：…, （… 共印 N 份）.
fn is_footer_line(text: &str) -> bool {
    let t = text.trim();
    footer_label(t).is_some_and(|(label, _)| !matches!(label, "责任编辑" | "签发"))
        || registration(t).is_some_and(|(_, run)| run.is_some())
}

/// The pieces as one article: the first piece is its title (the first
/// title-shaped line when the reader found no title; a title right under it
/// goes on in it), later titles are headings, a centred line under a photo its caption, a source line right
/// under the title a byline; what an article cannot hold (a column heading,
/// an editor's note, a table's cell) comes out as a comment at its place with
/// a warning. Fails when there is no title.
fn arrange(
    pieces: Vec<Piece>,
    name: &str,
) -> Result<(Vec<Piece>, Notes, Vec<Diagnostic>), Failure> {
    let mut out: Vec<Piece> = Vec::new();
    let mut comments = Vec::new();
    let mut warnings = Vec::new();
    // Body blocks so far, for where a comment goes.
    let mut blocks = 0usize;
    let mut titled = false;
    // The table being read: where it starts and ends, its cells, the block
    // it stands before.
    let mut table: Option<Table> = None;
    let flush = |table: &mut Option<Table>,
                 comments: &mut Notes,
                 warnings: &mut Vec<Diagnostic>| {
        if let Some((first, last, cells, block)) = table.take() {
            let at = if first == last {
                first
            } else {
                format!("{first}–{}", last.rsplit(' ').next().unwrap_or(&last))
            };
            warnings.push(
                Diagnostic::warning(
                    Some(name),
                    format!(
                        "{at}: a table has no place in an article; its {} cells are kept as a comment",
                        cells.len()
                    ),
                )
                .hint("write what it says as paragraphs, or leave it out"),
            );
            comments.push((block, format!("{at}, a table:\n{}", cells.join("\n"))));
        }
    };
    for mut piece in pieces {
        let text = piece.text.trim().to_string();
        if !titled {
            match piece.role {
                Role::Title => {}
                Role::Photo(_) => {
                    warnings.push(
                        Diagnostic::warning(
                            Some(name),
                            format!("{}: a photo above the title is left out", piece.at),
                        )
                        .hint("add it to the issue by hand if it belongs to the article"),
                    );
                    continue;
                }
                _ if title_shaped(&text) => piece.role = Role::Title,
                _ if text.is_empty() => continue,
                _ => return Err(no_title(name)),
            }
            if piece.role == Role::Title {
                titled = true;
                out.push(piece);
                continue;
            }
        }
        let previous = out.last().map(|p| p.role.clone());
        match &piece.role {
            // A title set as two paragraphs (Word has no other way to break
            // it at a phrase): one title, broken there.
            Role::Title if previous == Some(Role::Title) && out.len() == 1 => {
                if let Some(title) = out.last_mut() {
                    title.text = format!("{} {text}", title.text.trim());
                }
                continue;
            }
            Role::Title => {
                piece.role = Role::Heading(heading_level(&text).unwrap_or(1));
            }
            Role::Byline | Role::Caption if matches!(previous, Some(Role::Photo(_))) => {
                piece.role = Role::Caption;
            }
            Role::Byline if blocks > 0 => {
                piece.role = Role::Body;
                piece.lead = None;
            }
            Role::Body if blocks == 0 && source_line(&text).is_some() => {
                piece.role = Role::Byline;
            }
            Role::Contents => piece.role = Role::Body,
            Role::Footer => {
                // A table's cells, one comment for the table.
                match &mut table {
                    Some(t) if t.3 == blocks => t.2.push(text),
                    _ => {
                        flush(&mut table, &mut comments, &mut warnings);
                        table = Some((piece.at.clone(), piece.at.clone(), vec![text], blocks));
                    }
                }
                if let Some(t) = &mut table {
                    t.1.clone_from(&piece.at);
                }
                continue;
            }
            Role::Column | Role::Note | Role::Caption => {
                let (what, hint) = match &piece.role {
                    Role::Column => ("a column heading", "give the column with --column NAME"),
                    Role::Note => (
                        "an editor's note",
                        "move it where it belongs in the issue file",
                    ),
                    _ => (
                        "a photo's caption without the photo",
                        "add the photo by hand: `- photo: FILE` with its `caption:`",
                    ),
                };
                warnings.push(
                    Diagnostic::warning(
                        Some(name),
                        format!(
                            "{}: {what} has no place in an article; it is kept as a comment: {text}",
                            piece.at
                        ),
                    )
                    .hint(hint),
                );
                comments.push((blocks, format!("{}: {text}", piece.at)));
                continue;
            }
            _ => {}
        }
        if piece.role == Role::Byline
            && let Some(source) = source_line(&text)
        {
            piece.text = source;
        }
        if matches!(piece.role, Role::Body | Role::Heading(_) | Role::Photo(_)) {
            blocks += 1;
        }
        out.push(piece);
    }
    flush(&mut table, &mut comments, &mut warnings);
    if !titled {
        return Err(if out.is_empty() && comments.is_empty() {
            Failure(vec![
                Diagnostic::error(
                    Some(name),
                    "the submission is empty: it holds no title and no text",
                )
                .hint("check that it is the right file"),
            ])
        } else {
            no_title(name)
        });
    }
    Ok((out, comments, warnings))
}

/// A source line as the model writes it, （某县文明办供稿）: a short line in
/// brackets, or one that ends in 供稿, or 供稿：某县文明办.
fn source_line(text: &str) -> Option<String> {
    let t = text.trim();
    let short = t.chars().count() <= 40;
    if !short || heading_level(t).is_some() {
        return None;
    }
    let bracketed =
        (t.starts_with('（') && t.ends_with('）')) || (t.starts_with('(') && t.ends_with(')'));
    if bracketed {
        let inner = &t[t.chars().next().map_or(0, char::len_utf8)
            ..t.len() - t.chars().last().map_or(0, char::len_utf8)];
        return (!inner.trim().is_empty()).then(|| format!("（{}）", inner.trim()));
    }
    if let Some(unit) = t
        .strip_prefix("供稿单位")
        .or_else(|| t.strip_prefix("供稿"))
        .and_then(|r| r.trim_start().strip_prefix(['：', ':']))
    {
        let unit = unit.trim();
        return (!unit.is_empty()).then(|| format!("（{unit}供稿）"));
    }
    if t.ends_with("供稿") && t.chars().count() > 2 && !t.contains(['。', '，']) {
        return Some(format!("（{t}）"));
    }
    None
}

/// A last paragraph that is the article's source line, when the article
/// has none yet, becomes its source.
fn move_closing_source(article: &mut Article) {
    if article.source.is_some() {
        return;
    }
    if let Some(Block::Paragraph { lead: None, text }) = article.body.last()
        && text.contains("供稿")
        && let Some(source) = source_line(text)
        && article.body.len() > 1
    {
        article.source = Text::new(&source);
        article.body.pop();
    }
}

/// The article with every text as the YAML reader holds it: lines joined,
/// ends trimmed (the model's `Text`), a tab a space, other characters a
/// source may not hold dropped (and counted); empty paragraphs and captions
/// gone, a lead that is all there is of a paragraph its text.
fn normalise(article: Article) -> (Article, usize) {
    let dropped = std::cell::Cell::new(0usize);
    let clean = |s: &str| {
        let kept: String = s
            .chars()
            .map(|c| if c == '\t' { ' ' } else { c })
            .filter(|c| {
                let bad = is_forbidden(*c);
                if bad {
                    dropped.set(dropped.get() + 1);
                }
                !bad
            })
            .collect();
        Text::new(&kept).map(|t| t.0)
    };
    let body = article
        .body
        .into_iter()
        .filter_map(|block| match block {
            Block::Paragraph { lead, text } => {
                let lead = lead.as_deref().and_then(clean);
                match (lead, clean(&text)) {
                    (Some(lead), Some(text)) => Some(Block::Paragraph {
                        lead: Some(lead),
                        text,
                    }),
                    (None, Some(text)) | (Some(text), None) => {
                        Some(Block::Paragraph { lead: None, text })
                    }
                    (None, None) => None,
                }
            }
            Block::Heading { level, text } => {
                clean(&text).map(|text| Block::Heading { level, text })
            }
            Block::Photo {
                path,
                caption,
                width,
            } => Some(Block::Photo {
                path,
                caption: caption.as_deref().and_then(clean),
                width,
            }),
            Block::Table(table) => Some(Block::Table(table)),
        })
        .collect();
    let title = clean(&article.title.0).map_or(article.title, Text);
    let subtitle = article.subtitle.and_then(|s| clean(&s.0)).map(Text);
    let source = article.source.and_then(|s| clean(&s.0)).map(Text);
    let article = Article {
        title,
        subtitle,
        source,
        body,
    };
    (article, dropped.get())
}

/// The lines of a plain-text submission as pieces: the first line its
/// title, bylines under it, headings by 一、 and （一）, a paragraph per
/// line (a line that does not end a sentence goes on in the next), a lead by
/// the text importer's heuristic; `[图：…]` lines (a photo the text cannot
/// hold) as notes. Invisible characters are dropped with a warning each.
fn text_pieces(source: &str, name: &str) -> (Vec<Piece>, Vec<Diagnostic>) {
    let mut warnings = Vec::new();
    let mut pieces: Vec<Piece> = Vec::new();
    let mut open = false;
    let mut titled = false;
    let mut paragraphs = 0usize;
    let mut rows: Vec<(String, Vec<String>)> = Vec::new();
    for (i, raw) in text::raw_lines(source).iter().enumerate() {
        let mut dropped = Vec::new();
        let t = text::clean_line(raw, i + 1, &mut dropped);
        warnings.extend(
            dropped
                .into_iter()
                .map(|(position, c)| text::dropped_warning(name, position, c)),
        );
        if t.is_empty() || is_page_number(&t) {
            continue;
        }
        let at = format!("line {}", i + 1);
        // Lines of cells a tab or wide spaces apart: a table's rows.
        if titled && let Some(cells) = text::line_cells(raw, &t) {
            rows.push((at, cells));
            open = false;
            continue;
        }
        table(&mut rows, &mut pieces);
        let piece = |role: Role, text: String, lead: Option<String>| Piece {
            role,
            text,
            lead,
            at: at.clone(),
        };
        if !titled {
            titled = true;
            let role = if title_shaped(&t) {
                Role::Title
            } else {
                Role::Body
            };
            pieces.push(piece(role, t, None));
            continue;
        }
        let heading = heading_level(&t);
        if open
            && heading.is_none()
            && let Some(last) = pieces.last_mut()
        {
            last.text.push_str(&t);
            open = !ends_closed(&last.text);
            continue;
        }
        open = false;
        let before_body = paragraphs == 0
            && pieces
                .iter()
                .all(|p| matches!(p.role, Role::Title | Role::Byline));
        let role = if issue_number(&t).is_some() && t.chars().count() < 16 {
            Role::Number
        } else if total_number(&t).is_some() {
            Role::Total
        } else if is_footer_line(&t) {
            Role::Footer
        } else if column_name(&t).is_some() {
            Role::Column
        } else if t.starts_with("[图") && t.ends_with(']') {
            Role::Caption
        } else if before_body && (t.starts_with("——") || source_line(&t).is_some()) {
            Role::Byline
        } else if let Some(level) = heading {
            Role::Heading(level)
        } else {
            Role::Body
        };
        if role == Role::Body {
            let lead = (paragraphs > 0).then(|| split_lead(&t)).flatten();
            paragraphs += 1;
            open = !ends_closed(&t);
            match lead {
                Some((lead, rest)) => pieces.push(piece(role, rest, Some(lead))),
                None => pieces.push(piece(role, t, None)),
            }
            continue;
        }
        pieces.push(piece(role, t, None));
    }
    table(&mut rows, &mut pieces);
    (pieces, warnings)
}

/// The table `rows` make (two or more; the first the header, a 表N line
/// right above them the caption), handed over; a lone line of cells is a
/// paragraph.
fn table(rows: &mut Vec<(String, Vec<String>)>, pieces: &mut Vec<Piece>) {
    let taken = std::mem::take(rows);
    let Some((at, _)) = taken.first().cloned() else {
        return;
    };
    let texts: Vec<Vec<String>> = taken.into_iter().map(|(_, cells)| cells).collect();
    match (texts.len() >= 2)
        .then(|| table_from_rows(None, texts.clone(), 1))
        .flatten()
    {
        Some(table) => push_table(pieces, table, at, false),
        None => {
            for cells in texts {
                pieces.push(Piece {
                    role: Role::Body,
                    text: cells.join("  "),
                    lead: None,
                    at: at.clone(),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_text(text: &str) -> Result<Submission, Failure> {
        read(text.as_bytes(), Kind::Text, "s.txt", "s")
    }

    #[test]
    fn a_text_submission_reads_as_one_article() {
        let s = read_text(
            "青石镇：办好村级文明实践站 让群众就近享服务\n（青石镇宣传办供稿）\n\n今年以来，青石镇围绕群众身边的小事办实事，把文明实践站建在村民家门口，服务群众一万余人次。\n\n一、摸清需求\n\n坚持问需于民，找准服务切口。镇里组织网格员逐户走访，收集老人照护、儿童托管等需求二百余条，按轻重缓急排出清单。\n",
        )
        .unwrap();
        let a = &s.article;
        assert_eq!(a.title.0, "青石镇：办好村级文明实践站 让群众就近享服务");
        assert_eq!(a.source.as_ref().unwrap().0, "（青石镇宣传办供稿）");
        assert_eq!(a.body.len(), 3);
        assert!(matches!(&a.body[1], Block::Heading { level: 1, text } if text == "一、摸清需求"));
        assert!(
            matches!(&a.body[2], Block::Paragraph { lead: Some(l), .. } if l == "坚持问需于民，找准服务切口。")
        );
        assert!(s.warnings.is_empty(), "{:?}", s.warnings);
    }

    #[test]
    fn a_source_at_the_end_and_a_photo_line_become_source_and_comment() {
        let s = read_text(
            "河口社区：推行“红色物业”\n\n河口社区把物业服务纳入社区治理，居民满意度明显提升，物业费收缴率也有提高。\n[图：居民在议事厅商量停车难题]\n社区每月召开一次议事会，把大小事务摆到桌面上，由居民共同商量解决。\n河口社区居委会供稿\n",
        )
        .unwrap();
        assert_eq!(
            s.article.source.as_ref().unwrap().0,
            "（河口社区居委会供稿）"
        );
        assert_eq!(s.article.body.len(), 2);
        assert_eq!(
            s.comments,
            vec![(1, "line 4: [图：居民在议事厅商量停车难题]".to_string())]
        );
        assert_eq!(s.warnings.len(), 1);
    }

    #[test]
    fn refusals_say_why() {
        let e = read_text("").unwrap_err();
        assert!(e.0[0].message.contains("empty"), "{e}");
        let e = read_text("这是一段很长的正文，讲的是今年以来各项工作的推进情况。\n").unwrap_err();
        assert!(e.0[0].message.contains("no title"), "{e}");
        let e = read_text("只有一个标题的稿件\n（某某供稿）\n").unwrap_err();
        assert!(e.0[0].message.contains("no text"), "{e}");
        let e = read_text(
            "某县工作简报\n第 3 期\n某县办公室 2024 年 3 月 5 日\n标题一则\n正文第一段。\n",
        )
        .unwrap_err();
        assert!(e.0[0].message.contains("whole bulletin"), "{e}");
        let e = read_text("一个标题\n正文写在这里。\n报：县委办公室\n").unwrap_err();
        assert!(e.0[0].message.contains("footer line"), "{e}");
    }
}
