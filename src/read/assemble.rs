//! The parts of a past issue → model: what every reader of past issues
//! shares. A Word document says a paragraph's role by its style (or by its
//! run properties), a PDF page by face, size, colour and position; either
//! way the reader hands over [`Piece`]s in reading order and [`build`]
//! assembles the issue: masthead fields, the columns (from the contents when
//! the body does not show them), articles, the footer. The text reader, which
//! finds the masthead and the body by their lines, hands its footer lines to
//! [`FooterLines`] like the rest. What fits nowhere becomes a comment and a
//! warning naming where it was.

use crate::diag::{Diagnostic, Failure};
use crate::model::{
    Article, Block, Column, Comment, Count, Footer, Issue, Kind, Lines, Recipients,
    SIGNATURE_LABELS, Spot, Style, Text,
};
use crate::read::Imported;
use crate::read::recognise::{
    column_name, find_date, footer_label, issue_number, registration, total_number,
};

/// What a paragraph is.
#[derive(Debug, Clone, PartialEq)]
pub enum Role {
    /// 份号 or the handling mark, above the name.
    Mark,
    /// The red name.
    Name,
    /// 增刊 / 专刊.
    Kind,
    /// 第 N 期.
    Number,
    /// （总第 N 期）.
    Total,
    /// The unit, then the date, on one line.
    UnitDate,
    /// A column heading 【…】 (in the contents or the body).
    Column,
    /// A title in the contents.
    Contents,
    /// The editor's note, "编者按：" included.
    Note,
    /// An article title (its lines joined by a space).
    Title,
    /// A subtitle or a source line under a title.
    Byline,
    /// A body paragraph (with its lead, if any).
    Body,
    /// A heading of level 1 to 4.
    Heading(u8),
    /// A table (its caption inside); the piece's text is the table as text
    /// ([`table_text`]), what a comment keeps if it fits nowhere.
    Table(Box<crate::model::Table>),
    /// A photo: its file name beside the YAML.
    Photo(String),
    /// A photo's caption.
    Caption,
    /// A line of the footer block.
    Footer,
    /// Something the reader could not place and has warned of: its text
    /// becomes a YAML comment where it stood.
    Comment,
}

/// Hands `table` over at `at`, every reader's way: the piece right before it
/// is its caption when it reads as one (表1 … in a paragraph, a heading, or a
/// centred line read as a byline; lead and text together), or whatever its
/// text when the reader knows it for one by other means (`known`: Word's
/// 表题 style).
pub fn push_table(
    pieces: &mut Vec<Piece>,
    mut table: crate::model::Table,
    at: String,
    known: bool,
) {
    let caption = pieces.last().and_then(|p| {
        let text = format!("{}{}", p.lead.as_deref().unwrap_or(""), p.text);
        let text = text.trim();
        (matches!(p.role, Role::Body | Role::Heading(_) | Role::Byline)
            && (known || crate::read::recognise::table_caption(text)))
        .then(|| text.to_string())
    });
    if caption.is_some() {
        pieces.pop();
        table.caption = caption;
    }
    let text = table_text(&table);
    pieces.push(Piece {
        role: Role::Table(Box::new(table)),
        text,
        lead: None,
        at,
    });
}

/// A table as text: its caption, then a line a row, the cells a tab apart.
pub fn table_text(table: &crate::model::Table) -> String {
    table
        .caption
        .iter()
        .cloned()
        .chain(table.grid().into_iter().map(|row| row.join("\t")))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A paragraph and its role.
#[derive(Debug, Clone)]
pub struct Piece {
    /// What it is.
    pub role: Role,
    /// Its text (for a body paragraph, after the lead).
    pub text: String,
    /// A body paragraph's lead sentence.
    pub lead: Option<String>,
    /// Where it was, for a warning: "paragraph 12", "page 2".
    pub at: String,
}

/// What a document holds, for a reader that finds the roles of its parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// A whole issue: the masthead, the articles, the footer.
    Bulletin,
    /// One submitted article (`jianbao add`): its title first, no masthead
    /// and no footer.
    Article,
}

/// The articles `pieces` hold, for a submission (no masthead, no footer, no
/// columns), with what fits in none of them: where it was and its text.
pub fn articles(pieces: Vec<Piece>) -> (Vec<Article>, Vec<(String, String)>) {
    let mut b = Builder::default();
    for piece in pieces {
        b.piece(piece);
    }
    let articles = b.columns.into_iter().flat_map(|c| c.articles).collect();
    (
        articles,
        b.stray
            .into_iter()
            .map(|(_, at, text)| (at, text))
            .collect(),
    )
}

/// Assembles the issue from `pieces`; `name` names the input in messages.
pub fn build(pieces: Vec<Piece>, name: &str) -> Result<Imported, Failure> {
    let mut b = Builder::default();
    for piece in pieces {
        b.piece(piece);
    }
    b.finish(name)
}

/// The footer block's lines → the footer, line by line: what every reader
/// of past issues does with the lines under the body.
#[derive(Debug, Default)]
pub struct FooterLines {
    footer: Footer,
    /// The recipient group continuation lines belong to.
    current: Option<Recipients>,
}

impl FooterLines {
    /// Takes one line of the footer block; false when it is none of the
    /// footer's (the caller keeps it as a comment).
    pub fn line(&mut self, text: &str) -> bool {
        let t = text.trim();
        if let Some((registration, run)) = registration(t) {
            if let Some(registration) = registration {
                self.footer.registration = Some(Text(registration));
            }
            self.footer.print_run = run.filter(|n| *n > 0).map(Count);
            self.current = None;
            return true;
        }
        if let Some((label, rest)) = footer_label(t) {
            // 责任编辑：… and 签发：… may share a line.
            let (own, also) = match rest.find(SIGNATURE_LABELS[1]) {
                Some(at) if label == SIGNATURE_LABELS[0] => (rest[..at].trim(), Some(&rest[at..])),
                _ => (rest, None),
            };
            self.field(label, own);
            if let Some((label, rest)) = also.and_then(footer_label) {
                self.field(label, rest);
            }
            return true;
        }
        if let Some(group) = self.current
            && let Some(Lines(lines)) = self.footer.recipients_mut(group)
        {
            lines.push(t.to_string());
            return true;
        }
        false
    }

    fn field(&mut self, label: &str, value: &str) {
        self.current = Recipients::from_label(label);
        match self.current {
            // An empty label line still opens its list: continuation lines follow.
            Some(group) => {
                *self.footer.recipients_mut(group) = Some(Lines(if value.is_empty() {
                    Vec::new()
                } else {
                    vec![value.to_string()]
                }))
            }
            None if label == SIGNATURE_LABELS[0] => self.footer.editor = Text::new(value),
            None if label == SIGNATURE_LABELS[1] => self.footer.approver = Text::new(value),
            None => {}
        }
    }

    /// The footer the lines gave.
    pub fn finish(self) -> Footer {
        self.footer
    }
}

#[derive(Default)]
struct Builder {
    marks: Vec<String>,
    name: Option<String>,
    kind: Kind,
    number: Option<u32>,
    total: Option<u32>,
    unit: Option<String>,
    date: Option<crate::model::Date>,
    note: Option<String>,
    /// The contents: columns (name or none) with their titles.
    contents: Vec<(Option<String>, Vec<String>)>,
    /// The body: columns as the body shows them.
    columns: Vec<Column>,
    footer: FooterLines,
    closing: Vec<String>,
    /// Pieces that fit nowhere: where they go, where they were, their text.
    stray: Vec<(Spot, String, String)>,
    in_footer: bool,
    comments: Vec<Comment>,
}

impl Builder {
    fn article_mut(&mut self) -> Option<&mut Article> {
        self.columns.last_mut()?.articles.last_mut()
    }

    fn article(&self) -> Option<&Article> {
        self.columns.last()?.articles.last()
    }

    fn piece(&mut self, piece: Piece) {
        let text = piece.text.trim().to_string();
        match &piece.role {
            Role::Mark if self.name.is_none() => self.marks.push(text),
            Role::Name if self.name.is_none() => self.name = Some(text),
            Role::Kind => {
                let bare = text.replace(' ', "");
                self.kind = match bare.trim_matches(['（', '）', '(', ')']) {
                    "增刊" => Kind::Supplement,
                    "专刊" => Kind::Special,
                    _ => Kind::Regular,
                }
            }
            Role::Number if self.number.is_none() => match issue_number(&text) {
                Some((kind, n)) => {
                    // 增刊第 2 期 says the kind itself.
                    if kind != Kind::Regular {
                        self.kind = kind;
                    }
                    self.number = Some(n);
                }
                None => self.stray(piece),
            },
            Role::Total => match total_number(&text) {
                Some(n) => self.total = (n > 0).then_some(n),
                None => self.stray(piece),
            },
            Role::UnitDate if self.unit.is_none() => match find_date(&text) {
                Some((date, range)) => {
                    self.date = Some(date);
                    self.unit = Some(text[..range.start].trim().to_string());
                }
                None => self.unit = Some(text),
            },
            Role::Column => {
                let name = column_name(&text).map(str::to_string).unwrap_or(text);
                if self.columns.is_empty() && self.note.is_none() {
                    // Before any article: the contents.
                    self.contents.push((Some(name), Vec::new()));
                } else {
                    self.columns.push(Column {
                        name: Some(Text(name)),
                        articles: Vec::new(),
                    });
                }
            }
            Role::Contents => {
                if self.contents.is_empty() {
                    self.contents.push((None, Vec::new()));
                }
                if let Some(last) = self.contents.last_mut() {
                    last.1.push(text);
                }
            }
            Role::Note => {
                let note = crate::format::labels::after_note_label(&text)
                    .unwrap_or(&text)
                    .trim()
                    .to_string();
                self.note = Some(note);
            }
            Role::Title => {
                if self.columns.is_empty() {
                    // A column heading with no titles under it was the
                    // body's, not the contents'.
                    let name = match self.contents.last() {
                        Some((_, titles)) if titles.is_empty() => {
                            self.contents.pop().and_then(|(name, _)| name)
                        }
                        _ => None,
                    };
                    self.columns.push(Column {
                        name: name.map(Text),
                        articles: Vec::new(),
                    });
                }
                let column = self.columns.last_mut().expect("a column");
                column.articles.push(Article {
                    title: Text(text),
                    subtitle: None,
                    source: None,
                    body: Vec::new(),
                });
            }
            Role::Byline => {
                let source = text.starts_with(['（', '(']) && text.ends_with(['）', ')']);
                let slot = match self.article_mut() {
                    Some(article) if article.body.is_empty() => match source {
                        true if article.source.is_none() => Some(&mut article.source),
                        _ if article.subtitle.is_none() => Some(&mut article.subtitle),
                        _ => None,
                    },
                    _ => None,
                };
                match slot {
                    Some(slot) => *slot = Some(Text(text)),
                    None => self.stray(piece),
                }
            }
            Role::Table(table) => match self.article_mut() {
                Some(article) => article.body.push(Block::Table((**table).clone())),
                None => self.stray(piece),
            },
            Role::Body | Role::Heading(_) | Role::Photo(_) | Role::Caption => {
                let block = match &piece.role {
                    Role::Body => Block::Paragraph {
                        lead: piece.lead.clone().filter(|l| !l.is_empty()),
                        text: text.clone(),
                    },
                    Role::Heading(level) => Block::Heading {
                        level: *level,
                        text: text.clone(),
                    },
                    Role::Photo(path) => Block::Photo {
                        path: path.clone(),
                        caption: None,
                        width: None,
                    },
                    _ => Block::Paragraph {
                        lead: None,
                        text: String::new(),
                    },
                };
                let caption = piece.role == Role::Caption;
                match self.article_mut() {
                    Some(article) if caption => match article.body.last_mut() {
                        Some(Block::Photo { caption, .. }) if caption.is_none() => {
                            *caption = Some(text)
                        }
                        _ => self.stray(piece),
                    },
                    Some(article) => article.body.push(block),
                    None => self.stray(piece),
                }
            }
            Role::Footer => {
                self.in_footer = true;
                self.footer_line(&text)
            }
            Role::Comment => {
                let spot = self.spot();
                self.comments.push(Comment {
                    spot,
                    text: piece.text,
                });
            }
            _ => self.stray(piece),
        }
    }

    fn footer_line(&mut self, text: &str) {
        if !self.footer.line(text) {
            self.closing.push(text.to_string());
        }
    }

    /// Where a comment goes now: before the next block of the article being
    /// read, at the top before any, or before the footer.
    fn spot(&self) -> Spot {
        let articles: usize = self.columns.iter().map(|c| c.articles.len()).sum();
        match self.article() {
            _ if self.in_footer => Spot::Footer,
            Some(article) => Spot::Body {
                article: articles - 1,
                block: article.body.len(),
            },
            None => Spot::Top,
        }
    }

    fn stray(&mut self, piece: Piece) {
        let spot = self.spot();
        self.stray.push((spot, piece.at, piece.text));
    }

    fn finish(mut self, name: &str) -> Result<Imported, Failure> {
        let mut missing = Vec::new();
        if self.name.is_none() {
            missing.push("bulletin name (the red masthead)");
        }
        if self.number.is_none() {
            missing.push("issue number (第 N 期)");
        }
        if self.date.is_none() {
            missing.push("date (under the issue number)");
        }
        if self.columns.iter().all(|c| c.articles.is_empty()) {
            missing.push("article (a title and its text)");
        }
        if !missing.is_empty() {
            return Err(Failure(vec![
                Diagnostic::error(
                    Some(name),
                    format!(
                        "this does not read as a bulletin: no {}",
                        missing.join(", no ")
                    ),
                )
                .hint("import the issue's text instead (jianbao import OLD.txt)"),
            ]));
        }
        // A title the body shows wrapped reads as its contents entry does,
        // where the two differ only in spaces: the spaces between phrases
        // that a wrap hid.
        let squeeze = |t: &str| t.replace(' ', "");
        for article in self.columns.iter_mut().flat_map(|c| c.articles.iter_mut()) {
            let title = article.title.as_str();
            let spaces = |t: &str| t.matches(' ').count();
            if let Some(listed) = self
                .contents
                .iter()
                .flat_map(|(_, titles)| titles)
                .find(|t| squeeze(t) == squeeze(title) && spaces(t) > spaces(title))
            {
                article.title = Text(listed.clone());
            }
        }
        // The contents say which column each article is in, when the body
        // shows no column headings.
        let body_has_columns = self.columns.iter().any(|c| c.name.is_some());
        let shows_contents = !self.contents.is_empty();
        if shows_contents && !body_has_columns {
            let articles: Vec<Article> = self.columns.drain(..).flat_map(|c| c.articles).collect();
            self.columns = self
                .contents
                .iter()
                .map(|(name, _)| Column {
                    name: name.clone().map(Text),
                    articles: Vec::new(),
                })
                .collect();
            // By the contents' titles when each article has its entry there,
            // else by their counts in order.
            let squeeze = |t: &str| t.replace(' ', "");
            let listed = |title: &str| {
                self.contents
                    .iter()
                    .position(|(_, titles)| titles.iter().any(|t| squeeze(t) == squeeze(title)))
            };
            let by_title: Option<Vec<usize>> =
                articles.iter().map(|a| listed(a.title.as_str())).collect();
            let places: Vec<usize> = match by_title {
                Some(places) => places,
                None => {
                    let mut places = Vec::new();
                    for (c, (_, titles)) in self.contents.iter().enumerate() {
                        places.extend(std::iter::repeat_n(c, titles.len()));
                    }
                    places
                }
            };
            let last = self.columns.len() - 1;
            for (i, article) in articles.into_iter().enumerate() {
                let c = places.get(i).copied().unwrap_or(last);
                self.columns[c].articles.push(article);
            }
        }
        self.columns.retain(|c| !c.articles.is_empty());
        let articles: usize = self.columns.iter().map(|c| c.articles.len()).sum();
        let mut warnings = Vec::new();
        let closing = self
            .closing
            .iter()
            .map(|t| (Spot::Footer, "the footer".to_string(), t.clone()));
        for (spot, at, text) in self.stray.iter().cloned().chain(closing) {
            warnings.push(Diagnostic::warning(
                Some(name),
                format!("{at}: could not place `{text}`; it is kept as a comment"),
            ));
            self.comments.push(Comment {
                spot,
                text: format!("{at}: {text}"),
            });
        }
        // 份号 is a number; a single mark that is not one is the handling mark.
        if self.marks.len() == 1 && self.marks[0].chars().all(|c| c.is_ascii_digit()) {
            self.marks.push(String::new());
        }
        let (copy_number, handling_mark) = match self.marks.len() {
            0 => (None, None),
            1 => (None, self.marks.pop()),
            _ => {
                let copy = self.marks.remove(0);
                let mark = self.marks.join(" ");
                (Some(copy), (!mark.trim().is_empty()).then_some(mark))
            }
        };
        let issue = Issue {
            handling_mark,
            copy_number,
            name: self.name.unwrap_or_default(),
            kind: self.kind,
            number: self.number.unwrap_or(1),
            total_number: self.total,
            unit: self.unit.unwrap_or_default(),
            date: self.date.expect("checked above"),
            editor_note: self.note,
            columns: self.columns,
            footer: self.footer.finish(),
            style: Style {
                // Several articles and no contents: the series leaves them out.
                contents: (articles > 1 && !shows_contents).then_some(false),
                ..Style::default()
            },
        };
        Ok(Imported {
            issue,
            comments: self.comments,
            warnings,
        })
    }
}
