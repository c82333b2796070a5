//! Paragraphs whose role is known from their look → model: what the DOCX
//! and PDF readers share. A Word document says a paragraph's role by its
//! style (or by its run properties), a PDF page by face, size, colour and
//! position; either way the reader hands over [`Piece`]s in reading order
//! and this module assembles the issue: masthead fields, the columns (from
//! the contents when the body does not show them), articles, the footer.
//! What fits nowhere becomes a comment and a warning naming where it was.

use crate::diag::{Diagnostic, Failure};
use crate::model::{
    Article, Block, Column, Comment, Count, Footer, Issue, Kind, Lines, Spot, Style, Text,
};
use crate::read::text::Imported;
use crate::read::text::recognise::{
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
    /// A heading of level 1 or 2.
    Heading(u8),
    /// A photo: its file name beside the YAML.
    Photo(String),
    /// A photo's caption.
    Caption,
    /// A line of the footer block.
    Footer,
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
    (articles, b.stray)
}

/// Assembles the issue from `pieces`; `name` names the input in messages.
pub fn build(pieces: Vec<Piece>, name: &str) -> Result<Imported, Failure> {
    let mut b = Builder::default();
    for piece in pieces {
        b.piece(piece);
    }
    b.finish(name)
}

/// The footer's recipient list under `label` (报, 送, 发, 本期增发).
fn recipients<'f>(footer: &'f mut Footer, label: &str) -> Option<&'f mut Option<Lines>> {
    Some(match label {
        "报" => &mut footer.report_to,
        "送" => &mut footer.copy_to,
        "发" => &mut footer.distribute_to,
        "本期增发" => &mut footer.extra_to,
        _ => return None,
    })
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
    footer: Footer,
    last_footer_label: Option<&'static str>,
    closing: Vec<String>,
    stray: Vec<(String, String)>,
    comments: Vec<Comment>,
}

impl Builder {
    fn article(&mut self) -> Option<&mut Article> {
        self.columns.last_mut()?.articles.last_mut()
    }

    fn piece(&mut self, piece: Piece) {
        let text = piece.text.trim().to_string();
        match &piece.role {
            Role::Mark if self.name.is_none() => self.marks.push(text),
            Role::Name if self.name.is_none() => self.name = Some(text),
            Role::Kind => {
                self.kind = match text.replace(' ', "").as_str() {
                    "增刊" => Kind::Supplement,
                    "专刊" => Kind::Special,
                    _ => Kind::Regular,
                }
            }
            Role::Number if self.number.is_none() => match issue_number(&text) {
                Some((_, n)) => self.number = Some(n),
                None => self.stray(piece),
            },
            Role::Total => match total_number(&text) {
                Some(n) => self.total = Some(n),
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
                let note = text
                    .strip_prefix("编者按：")
                    .or_else(|| text.strip_prefix("编者按:"))
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
            Role::Byline => match self.article() {
                Some(article) if article.body.is_empty() => {
                    let line = Some(Text(text.clone()));
                    if text.starts_with('（') && text.ends_with('）') {
                        article.source = line;
                    } else if article.source.is_none() {
                        article.subtitle = line;
                    }
                }
                _ => self.stray(piece),
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
                match self.article() {
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
            Role::Footer => self.footer_line(&text),
            _ => self.stray(piece),
        }
    }

    fn footer_line(&mut self, text: &str) {
        if let Some((label, rest)) = footer_label(text)
            && let Some(field) = recipients(&mut self.footer, label)
        {
            *field = Some(Lines(vec![rest.trim().to_string()]));
            self.last_footer_label = Some(label);
            return;
        }
        if let Some((registration_text, run)) = registration(text) {
            self.footer.registration = registration_text.map(Text);
            self.footer.print_run = run.map(Count);
            self.last_footer_label = None;
            return;
        }
        if text.contains("责任编辑：") || text.contains("签发：") {
            for part in text.split_whitespace() {
                if let Some(name) = part.strip_prefix("责任编辑：") {
                    self.footer.editor = Some(Text(name.to_string()));
                } else if let Some(name) = part.strip_prefix("签发：") {
                    self.footer.approver = Some(Text(name.to_string()));
                }
            }
            self.last_footer_label = None;
            return;
        }
        if let Some(label) = self.last_footer_label
            && let Some(Some(Lines(lines))) = recipients(&mut self.footer, label)
        {
            lines.push(text.trim().to_string());
            return;
        }
        self.closing.push(text.to_string());
    }

    fn stray(&mut self, piece: Piece) {
        self.stray.push((piece.at, piece.text));
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
        // The contents say which column each article is in, when the body
        // shows no column headings.
        let body_has_columns = self.columns.iter().any(|c| c.name.is_some());
        let shows_contents = !self.contents.is_empty();
        if shows_contents && !body_has_columns {
            let articles: Vec<Article> = self.columns.drain(..).flat_map(|c| c.articles).collect();
            let mut rest = articles.into_iter();
            for (column, titles) in &self.contents {
                let articles: Vec<Article> = rest.by_ref().take(titles.len()).collect();
                self.columns.push(Column {
                    name: column.clone().map(Text),
                    articles,
                });
            }
            let tail: Vec<Article> = rest.collect();
            if !tail.is_empty() {
                match self.columns.last_mut() {
                    Some(last) => last.articles.extend(tail),
                    None => self.columns.push(Column {
                        name: None,
                        articles: tail,
                    }),
                }
            }
        }
        self.columns.retain(|c| !c.articles.is_empty());
        let articles: usize = self.columns.iter().map(|c| c.articles.len()).sum();
        let mut warnings = Vec::new();
        for (at, text) in self.stray.iter().chain(
            self.closing
                .iter()
                .map(|t| ("the footer", t))
                .map(|(a, t)| (a.to_string(), t.clone()))
                .collect::<Vec<_>>()
                .iter(),
        ) {
            warnings.push(Diagnostic::warning(
                Some(name),
                format!(
                    "{}: could not place `{}`; it is kept as a comment",
                    at, text
                ),
            ));
            self.comments.push(Comment {
                spot: Spot::Footer,
                text: format!("{at}: {text}"),
            });
        }
        let (copy_number, handling_mark) = match self.marks.len() {
            0 => (None, None),
            1 => (None, self.marks.pop()),
            _ => (Some(self.marks.remove(0)), Some(self.marks.join(" "))),
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
            footer: self.footer,
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
