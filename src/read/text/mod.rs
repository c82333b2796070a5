//! Plain text of a past issue → model: the importer.
//!
//! The input is what offices can get out of old PDFs and Word files
//! (`pdftotext`, copy and paste): the masthead lines, an optional contents
//! block (【column】 and titles), the articles, the footer. Page-break
//! artefacts are healed (a paragraph that does not end in closing punctuation
//! goes on in the next block), page numbers and running headers dropped,
//! stray spaces between Chinese characters removed, lead sentences found by a
//! documented heuristic ([`ImportOptions::leads`]). Whatever cannot be placed
//! is returned as a comment for the YAML and a warning naming its line:
//! nothing from the input is lost silently.
//!
//! The inverse of `write::text`: text → model → text is stable.

pub(crate) mod recognise;

use crate::diag::{Diagnostic, Failure, Position};
use crate::model::{
    Article, Block, Column, Comment, Count, Footer, Issue, Kind, Lines, Spot, Style, Text,
    char_name, is_forbidden, is_wide,
};
use recognise::{
    MARKS, column_name, ends_closed, find_date, footer_label, heading_level, is_page_number,
    issue_number, registration, split_lead, squeeze_stray_spaces, title_shaped, total_number,
};

/// Importer switches.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// Find lead sentences (段首句). The heuristic: a paragraph that is not an
    /// article's first, whose first sentence (up to the first 。 outside
    /// quotes) is 6–28 characters long, holds no digits, and leaves at least
    /// 20 characters after it, opens with that sentence as its lead.
    pub leads: bool,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions { leads: true }
    }
}

/// An imported issue.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The model.
    pub issue: Issue,
    /// Lines that could not be placed, as comments for the YAML.
    pub comments: Vec<Comment>,
    /// One warning per such line, naming it.
    pub warnings: Vec<Diagnostic>,
}

/// Decodes the input: UTF-8 (a BOM allowed) or, failing that, GB18030 (which
/// includes GBK and GB2312). Anything else is refused.
pub fn decode(bytes: &[u8], name: &str) -> Result<(String, Option<&'static str>), Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_string(), None)),
        Err(utf8) => {
            match encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
                Some(text) if text.chars().any(is_wide) => Ok((text.into_owned(), Some("GB18030"))),
                _ => {
                    let valid = String::from_utf8_lossy(&bytes[..utf8.valid_up_to()]).into_owned();
                    Err(
                        Diagnostic::error(Some(name), "the text is neither UTF-8 nor GBK/GB18030")
                            .at(Position::at_offset(&valid, valid.len()))
                            .hint("save the file as UTF-8 and import it again"),
                    )
                }
            }
        }
    }
}

/// One input line that holds text.
#[derive(Debug, Clone)]
struct Line {
    /// 1-based line number in the input.
    no: usize,
    text: String,
    /// Whether a blank line (or the start) precedes it.
    after_blank: bool,
}

/// Imports the plain text of an issue.
pub fn import(input: &str, name: &str, options: &ImportOptions) -> Result<Imported, Failure> {
    let (lines, dropped) = clean_lines(input);
    let warnings = dropped
        .into_iter()
        .map(|(position, c)| {
            Diagnostic::warning(
                Some(name),
                format!(
                    "dropped the invisible character U+{:04X} ({})",
                    c as u32,
                    char_name(c)
                ),
            )
            .at(position)
            .hint("check the text around it: it may have come from a copy and paste")
        })
        .collect();
    let mut importer = Importer {
        name,
        lines,
        at: 0,
        comments: Vec::new(),
        warnings,
    };
    let issue = importer.run(options)?;
    Ok(Imported {
        issue,
        comments: importer.comments,
        warnings: importer.warnings,
    })
}

/// Splits into lines, normalising line ends and spaces, dropping page numbers
/// and repeated running headers, and the invisible characters a source may
/// not hold (each returned with where it stood). Tabs, form feeds (page
/// breaks in `pdftotext` output) and other white space count as spaces.
fn clean_lines(input: &str) -> (Vec<Line>, Vec<(Position, char)>) {
    let normalised = input
        .trim_start_matches('\u{FEFF}')
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    let mut lines = Vec::new();
    let mut dropped = Vec::new();
    let mut after_blank = true;
    for (i, raw) in normalised.split('\n').enumerate() {
        let mut kept = String::with_capacity(raw.len());
        for (column, c) in raw.chars().enumerate() {
            if is_forbidden(c) && !c.is_whitespace() {
                let shown: String = raw.chars().filter(|c| !is_forbidden(*c)).collect();
                dropped.push((
                    Position {
                        line: i + 1,
                        column: column + 1,
                        text: shown,
                    },
                    c,
                ));
            } else {
                kept.push(c);
            }
        }
        let text = squeeze_stray_spaces(kept.trim_matches(|c: char| c.is_whitespace()));
        if text.is_empty() || is_page_number(&text) {
            after_blank = true;
            continue;
        }
        lines.push(Line {
            no: i + 1,
            text,
            after_blank,
        });
        after_blank = false;
    }
    // A short line met three times or more is a running header: keep the first.
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for line in &lines {
        *seen.entry(line.text.clone()).or_default() += 1;
    }
    let mut kept: std::collections::HashSet<String> = std::collections::HashSet::new();
    lines.retain(|line| {
        let header = line.text.chars().count() <= 30 && seen[&line.text] >= 3;
        !header || kept.insert(line.text.clone())
    });
    (lines, dropped)
}

/// "— 3 —", "- 3 -", "第 3 页", "3/12".
struct Importer<'a> {
    name: &'a str,
    lines: Vec<Line>,
    at: usize,
    comments: Vec<Comment>,
    warnings: Vec<Diagnostic>,
}

impl Importer<'_> {
    fn peek(&self) -> Option<&Line> {
        self.lines.get(self.at)
    }

    fn next(&mut self) -> Option<Line> {
        let line = self.lines.get(self.at).cloned();
        self.at += 1;
        line
    }

    /// Keeps a line that could not be placed: a YAML comment and a warning.
    fn leftover(&mut self, line: &Line, spot: Spot) {
        self.comments.push(Comment {
            spot,
            text: format!("jianbao import: line {} not placed: {}", line.no, line.text),
        });
        self.warnings.push(
            Diagnostic::warning(
                Some(self.name),
                format!("could not place this line: {}", line.text),
            )
            .at(Position {
                line: line.no,
                column: 1,
                text: line.text.clone(),
            })
            .hint("it is kept as a comment in the YAML; move it where it belongs"),
        );
    }

    fn error(&self, message: &str, hint: &str) -> Failure {
        Diagnostic::error(Some(self.name), message.to_string())
            .hint(hint.to_string())
            .into()
    }

    fn run(&mut self, options: &ImportOptions) -> Result<Issue, Failure> {
        // ── Masthead ──
        let number_at = self
            .lines
            .iter()
            .position(|l| issue_number(&l.text).is_some())
            .ok_or_else(|| {
                self.error(
                    "no issue number (第 N 期) found",
                    "is this the text of a bulletin? The masthead needs a line like 第 14 期",
                )
            })?;
        let mut copy_number = None;
        let mut handling_mark = None;
        let mut name = None;
        let mut kind = Kind::Regular;
        let head: Vec<Line> = self.lines[..number_at].to_vec();
        for line in &head {
            let t = line.text.as_str();
            if copy_number.is_none()
                && handling_mark.is_none()
                && name.is_none()
                && t.chars().all(|c| c.is_ascii_digit())
            {
                copy_number = Some(t.to_string());
            } else if handling_mark.is_none()
                && name.is_none()
                && t.chars().count() <= 20
                && MARKS.iter().any(|m| t.contains(m))
            {
                handling_mark = Some(t.to_string());
            } else if matches!(t, "增刊" | "（增刊）" | "增 刊") {
                kind = Kind::Supplement;
            } else if matches!(t, "专刊" | "（专刊）" | "专 刊") {
                kind = Kind::Special;
            } else if name.is_none() {
                name = Some(t.to_string());
            } else {
                self.leftover(line, Spot::Top);
            }
        }
        self.at = number_at;
        let number_line = self.next().expect("found above");
        let (number_kind, number) = issue_number(&number_line.text).expect("found above");
        if number == 0 {
            return Err(self.error(
                "the issue number is 0",
                "issue numbers count from 1: correct the 第 N 期 line",
            ));
        }
        if number_kind != Kind::Regular {
            kind = number_kind;
        }
        let name = name.ok_or_else(|| {
            self.error(
                "no bulletin name found above the issue number",
                "the name is the line above 第 N 期",
            )
        })?;
        let mut total = None;
        if let Some(line) = self.peek()
            && let Some(n) = total_number(&line.text)
        {
            total = (n > 0).then_some(n);
            self.at += 1;
        }
        // Unit and date: on two lines, or on one (unit left, date right).
        let mut unit = None;
        let mut date = None;
        for _ in 0..3 {
            let Some(line) = self.peek().cloned() else {
                break;
            };
            if let Some((d, range)) = find_date(&line.text) {
                date = Some(d);
                let before = line.text[..range.start].trim();
                if !before.is_empty() && unit.is_none() {
                    unit = Some(before.to_string());
                }
                self.at += 1;
                break;
            } else if unit.is_none() && line.text.chars().count() <= 30 {
                unit = Some(line.text.clone());
                self.at += 1;
            } else {
                break;
            }
        }
        let date = date.ok_or_else(|| {
            self.error(
                "no date (2023 年 7 月 21 日) found under the issue number",
                "the masthead needs the issuing unit and the date",
            )
        })?;
        let unit = unit.ok_or_else(|| {
            self.error(
                "no issuing unit found under the issue number",
                "the unit is the line before the date",
            )
        })?;

        // ── Footer zone: from the first footer label after which every line is footer-like ──
        let footer_at = (self.at..self.lines.len())
            .find(|&i| {
                footer_label(&self.lines[i].text).is_some()
                    && self.lines[i..]
                        .iter()
                        .all(|l| l.text.chars().count() <= 60 && !l.text.ends_with('。'))
            })
            .unwrap_or(self.lines.len());

        // ── Contents ──
        let mut contents: Vec<(Option<String>, Vec<String>)> = Vec::new();
        let body_lines: Vec<String> = self.lines[self.at..footer_at]
            .iter()
            .map(|l| l.text.clone())
            .collect();
        let repeats_later = |i: usize, text: &str| body_lines[i + 1..].iter().any(|t| t == text);
        let mut i = 0;
        let starts_contents = body_lines.first().is_some_and(|t| {
            column_name(t).is_some_and(|_| body_lines.get(1).is_some_and(|n| repeats_later(1, n)))
                || (title_shaped(t) && repeats_later(0, t))
        });
        if starts_contents {
            while i < body_lines.len() {
                let t = &body_lines[i];
                if let Some(col) = column_name(t) {
                    contents.push((Some(col.to_string()), Vec::new()));
                } else if title_shaped(t) && repeats_later(i, t) {
                    if contents.is_empty() {
                        contents.push((None, Vec::new()));
                    }
                    contents.last_mut().expect("pushed").1.push(t.clone());
                } else {
                    break;
                }
                i += 1;
            }
        }
        self.at += i;
        let known_titles: Vec<String> = contents.iter().flat_map(|(_, t)| t.clone()).collect();

        // ── Editor's note ──
        let mut editor_note = None;
        if let Some(line) = self.peek()
            && let Some(rest) = line
                .text
                .strip_prefix("编者按")
                .map(|r| r.trim_start_matches(['：', ':', ' ']))
        {
            let mut note = rest.to_string();
            self.at += 1;
            while self.at < footer_at && !ends_closed(&note) {
                let next = &self.lines[self.at].text;
                if known_titles.contains(next) || title_shaped(next) {
                    break;
                }
                note.push_str(next);
                self.at += 1;
            }
            editor_note = (!note.trim().is_empty()).then_some(note);
        }

        // ── Articles ──
        // With a contents block the columns are known in advance; without
        // one, 【column】 lines in the body open them.
        let mut columns: Vec<Column> = contents
            .iter()
            .map(|(name, _)| Column {
                name: name.clone().map(Text),
                articles: Vec::new(),
            })
            .collect();
        let mut current: Option<(usize, usize)> = None;
        let mut open_paragraph = false;
        while self.at < footer_at {
            let line = self.next().expect("in range");
            let t = line.text.clone();
            let spot = match current {
                Some((c, a)) => Spot::Body {
                    article: columns[..c].iter().map(|c| c.articles.len()).sum::<usize>() + a,
                    block: columns[c].articles[a].body.len(),
                },
                None => Spot::Top,
            };
            if let Some(col) = column_name(&t) {
                open_paragraph = false;
                if contents.is_empty() {
                    columns.push(Column {
                        name: Some(Text(col.to_string())),
                        articles: Vec::new(),
                    });
                } else if !contents.iter().any(|(n, _)| n.as_deref() == Some(col)) {
                    self.leftover(&line, spot);
                }
                continue;
            }
            // A title, possibly wrapped onto two lines.
            let squeeze = |s: &str| s.replace(' ', "");
            let joined = self.peek().map(|n| squeeze(&format!("{t}{}", n.text)));
            let wrapped = known_titles
                .iter()
                .find(|k| Some(squeeze(k)) == joined)
                .cloned();
            let is_known = known_titles.contains(&t);
            if open_paragraph && !is_known && wrapped.is_none() && heading_level(&t).is_none() {
                // A page break cut the paragraph: it goes on here.
                let (c, a) = current.expect("a paragraph is open");
                if let Some(Block::Paragraph { text, .. }) = columns[c].articles[a].body.last_mut()
                {
                    text.push_str(&t);
                    open_paragraph = !ends_closed(text);
                }
                continue;
            }
            open_paragraph = false;
            let title = if let Some(title) = wrapped {
                self.at += 1;
                Some(title)
            } else if is_known
                || known_titles.is_empty()
                    && title_shaped(&t)
                    && (current.is_none() || line.after_blank)
                    && self.peek().is_some_and(|n| {
                        !title_shaped(&n.text) || n.text.starts_with(['（', '(', '—'])
                    })
            {
                Some(t.clone())
            } else {
                None
            };
            if let Some(title) = title {
                let mut article = Article {
                    title: Text(title.clone()),
                    subtitle: None,
                    source: None,
                    body: Vec::new(),
                };
                // Subtitle (——…) and source (（…供稿）) lines right under the title.
                while let Some(next) = self.peek() {
                    let n = &next.text;
                    let short = n.chars().count() <= 40;
                    if article.subtitle.is_none() && n.starts_with("——") && short {
                        article.subtitle = Some(Text(n.clone()));
                    } else if article.source.is_none()
                        && n.starts_with(['（', '('])
                        && n.ends_with(['）', ')'])
                        && short
                        && heading_level(n).is_none()
                    {
                        article.source = Some(Text(n.clone()));
                    } else {
                        break;
                    }
                    self.at += 1;
                }
                let c = match contents
                    .iter()
                    .position(|(_, titles)| titles.contains(&title))
                {
                    Some(c) => c,
                    None => {
                        if columns.is_empty() {
                            columns.push(Column {
                                name: None,
                                articles: Vec::new(),
                            });
                        }
                        columns.len() - 1
                    }
                };
                columns[c].articles.push(article);
                current = Some((c, columns[c].articles.len() - 1));
                continue;
            }
            let Some((c, a)) = current else {
                self.leftover(&line, spot);
                continue;
            };
            if t.starts_with("[图") && t.ends_with(']') {
                self.leftover(&line, spot);
                continue;
            }
            let body = &mut columns[c].articles[a].body;
            if let Some(level) = heading_level(&t) {
                body.push(Block::Heading { level, text: t });
            } else {
                open_paragraph = !ends_closed(&t);
                body.push(Block::Paragraph {
                    lead: None,
                    text: t,
                });
            }
        }
        columns.retain(|c| !c.articles.is_empty());
        if columns.is_empty() {
            return Err(self.error(
                "no article found",
                "an article is a title line followed by its paragraphs",
            ));
        }
        for title in &known_titles {
            if !columns
                .iter()
                .flat_map(|c| &c.articles)
                .any(|a| &a.title.0 == title)
            {
                self.warnings.push(Diagnostic::warning(
                    Some(self.name),
                    format!("the contents list `{title}` but no article has that title"),
                ));
            }
        }
        if options.leads {
            for article in columns.iter_mut().flat_map(|c| c.articles.iter_mut()) {
                for block in article.body.iter_mut().skip(1) {
                    if let Block::Paragraph {
                        lead: lead @ None,
                        text,
                    } = block
                        && let Some((l, rest)) = split_lead(text)
                    {
                        *lead = Some(l);
                        *text = rest;
                    }
                }
            }
        }

        // ── Footer ──
        let footer = self.footer(footer_at);
        let articles = columns.iter().map(|c| c.articles.len()).sum::<usize>();
        let style = Style {
            contents: (contents.is_empty() && articles > 1).then_some(false),
            ..Style::default()
        };
        Ok(Issue {
            handling_mark,
            copy_number,
            name,
            kind,
            number,
            total_number: total,
            unit,
            date,
            editor_note,
            columns,
            footer,
            style,
        })
    }

    fn footer(&mut self, from: usize) -> Footer {
        let mut footer = Footer::default();
        let mut current: Option<&'static str> = None;
        let lines: Vec<Line> = self.lines[from..].to_vec();
        for line in &lines {
            let t = line.text.as_str();
            if let Some((reg, run)) = registration(t) {
                if let Some(reg) = reg {
                    footer.registration = Some(Text(reg));
                }
                footer.print_run = run.filter(|n| *n > 0).map(Count);
                current = None;
                continue;
            }
            // 责任编辑：… and 签发：… may share a line.
            if let Some((label, rest)) = footer_label(t) {
                let (own, also) = match rest.find("签发") {
                    Some(at) if label == "责任编辑" => (rest[..at].trim(), Some(&rest[at..])),
                    _ => (rest, None),
                };
                self.footer_field(&mut footer, label, own);
                if let Some((label2, rest2)) = also.and_then(footer_label) {
                    self.footer_field(&mut footer, label2, rest2);
                }
                current = Some(label);
                continue;
            }
            let target = match current {
                Some("报" | "报送") => footer.report_to.as_mut(),
                Some("送" | "抄送") => footer.copy_to.as_mut(),
                Some("发") => footer.distribute_to.as_mut(),
                Some("本期增发") => footer.extra_to.as_mut(),
                _ => None,
            };
            match target {
                Some(lines) => lines.0.push(t.to_string()),
                None => self.leftover(line, Spot::Footer),
            }
        }
        footer
    }

    fn footer_field(&mut self, footer: &mut Footer, label: &str, value: &str) {
        // An empty label line still opens its list: continuation lines follow.
        let lines = || {
            Some(Lines(if value.is_empty() {
                Vec::new()
            } else {
                vec![value.to_string()]
            }))
        };
        match label {
            "报" | "报送" => footer.report_to = lines(),
            "送" | "抄送" => footer.copy_to = lines(),
            "发" => footer.distribute_to = lines(),
            "本期增发" => footer.extra_to = lines(),
            "责任编辑" => footer.editor = Text::new(value),
            "签发" => footer.approver = Text::new(value),
            _ => {}
        }
    }
}
