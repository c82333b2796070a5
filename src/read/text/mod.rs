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

use crate::diag::{Diagnostic, Failure, Position};
use crate::model::{char_name, is_forbidden, is_wide};
pub use crate::read::Imported;
use crate::read::assemble::{FooterLines, Piece, Role, build, push_table};
use crate::read::recognise::{
    MARKS, column_name, ends_closed, find_date, footer_label, heading_level, is_page_number,
    issue_number, split_lead, squeeze_stray_spaces, table_caption, table_from_rows, title_shaped,
    total_number,
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
    /// Its cells, when it is a line of a text table (cells a tab, or two or
    /// more spaces, apart): taken from the line as written, so that empty
    /// cells at its start keep their places.
    cells: Option<Vec<String>>,
}

/// Imports the plain text of an issue.
pub fn import(input: &str, name: &str, options: &ImportOptions) -> Result<Imported, Failure> {
    let (lines, dropped) = clean_lines(input);
    let warnings = dropped
        .into_iter()
        .map(|(position, c)| dropped_warning(name, position, c))
        .collect();
    let mut importer = Importer {
        name,
        lines,
        at: 0,
        pieces: Vec::new(),
        warnings,
    };
    importer.run(options)?;
    let mut imported = build(importer.pieces, name)?;
    imported.warnings.splice(0..0, importer.warnings);
    Ok(imported)
}

/// The warning for an invisible character dropped at `position`.
pub(crate) fn dropped_warning(name: &str, position: Position, c: char) -> Diagnostic {
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
}

/// The input's lines, line ends normalised and a leading BOM taken off.
pub(crate) fn raw_lines(input: &str) -> Vec<String> {
    input
        .trim_start_matches('\u{FEFF}')
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .split('\n')
        .map(str::to_string)
        .collect()
}

/// Line `no` (1-based) cleaned: the invisible characters a source may not
/// hold dropped (each pushed onto `dropped` with where it stood), the ends
/// trimmed, stray spaces between Chinese characters taken out.
pub(crate) fn clean_line(raw: &str, no: usize, dropped: &mut Vec<(Position, char)>) -> String {
    let mut kept = String::with_capacity(raw.len());
    for (column, c) in raw.chars().enumerate() {
        if is_forbidden(c) && !c.is_whitespace() {
            let shown: String = raw.chars().filter(|c| !is_forbidden(*c)).collect();
            dropped.push((
                Position {
                    line: no,
                    column: column + 1,
                    text: shown,
                },
                c,
            ));
        } else {
            kept.push(c);
        }
    }
    squeeze_stray_spaces(kept.trim_matches(|c: char| c.is_whitespace()))
}

/// Splits into lines, normalising line ends and spaces, dropping page numbers
/// and repeated running headers, and the invisible characters a source may
/// not hold (each returned with where it stood). Tabs, form feeds (page
/// breaks in `pdftotext` output) and other white space count as spaces.
fn clean_lines(input: &str) -> (Vec<Line>, Vec<(Position, char)>) {
    let mut lines = Vec::new();
    let mut dropped = Vec::new();
    let mut after_blank = true;
    for (i, raw) in raw_lines(input).iter().enumerate() {
        let text = clean_line(raw, i + 1, &mut dropped);
        if text.is_empty() || is_page_number(&text) {
            after_blank = true;
            continue;
        }
        let cells = line_cells(raw, &text);
        lines.push(Line {
            no: i + 1,
            text,
            after_blank,
            cells,
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
/// The walk over the lines: what it has handed over so far.
struct Importer<'a> {
    name: &'a str,
    lines: Vec<Line>,
    at: usize,
    /// The parts found, in reading order, for `read::assemble`.
    pieces: Vec<Piece>,
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

    /// Hands over a part found at `line`.
    fn push(&mut self, role: Role, text: String, line: &Line) {
        self.pieces.push(Piece {
            role,
            text,
            lead: None,
            at: format!("line {}", line.no),
        });
    }

    /// Keeps a line that could not be placed: a YAML comment where it stood
    /// and a warning.
    fn leftover(&mut self, line: &Line) {
        let comment = format!("jianbao import: line {} not placed: {}", line.no, line.text);
        self.push(Role::Comment, comment, line);
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

    /// Finds the parts, step by step; an error when the text does not read
    /// as a bulletin.
    fn run(&mut self, options: &ImportOptions) -> Result<(), Failure> {
        self.masthead()?;
        let footer_at = self.footer_start();
        let contents = self.contents(footer_at);
        self.note(footer_at, &contents);
        self.articles(footer_at, &contents)?;
        if options.leads {
            self.leads();
        }
        self.footer(footer_at);
        Ok(())
    }

    /// The masthead: copy number, handling mark, name and kind above 第 N 期,
    /// then （总第 N 期）, the unit and the date.
    fn masthead(&mut self) -> Result<(), Failure> {
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
        let (mut copy_number, mut handling_mark, mut name) = (false, false, false);
        let head: Vec<Line> = self.lines[..number_at].to_vec();
        for line in &head {
            let t = line.text.as_str();
            if !copy_number && !handling_mark && !name && t.chars().all(|c| c.is_ascii_digit()) {
                copy_number = true;
                self.push(Role::Mark, t.to_string(), line);
            } else if !handling_mark
                && !name
                && t.chars().count() <= 20
                && MARKS.iter().any(|m| t.contains(m))
            {
                handling_mark = true;
                self.push(Role::Mark, t.to_string(), line);
            } else if matches!(
                t,
                "增刊" | "（增刊）" | "增 刊" | "专刊" | "（专刊）" | "专 刊"
            ) {
                self.push(Role::Kind, t.to_string(), line);
            } else if !name {
                name = true;
                self.push(Role::Name, t.to_string(), line);
            } else {
                self.leftover(line);
            }
        }
        self.at = number_at;
        let number_line = self.next().expect("found above");
        let (_, number) = issue_number(&number_line.text).expect("found above");
        if number == 0 {
            return Err(self.error(
                "the issue number is 0",
                "issue numbers count from 1: correct the 第 N 期 line",
            ));
        }
        if !name {
            return Err(self.error(
                "no bulletin name found above the issue number",
                "the name is the line above 第 N 期",
            ));
        }
        self.push(Role::Number, number_line.text.clone(), &number_line);
        if let Some(line) = self.peek().cloned()
            && total_number(&line.text).is_some()
        {
            self.push(Role::Total, line.text.clone(), &line);
            self.at += 1;
        }
        // Unit and date: on two lines, or on one (unit left, date right).
        let mut unit: Option<String> = None;
        let mut date = None;
        for _ in 0..3 {
            let Some(line) = self.peek().cloned() else {
                break;
            };
            if let Some((_, range)) = find_date(&line.text) {
                let before = line.text[..range.start].trim();
                if !before.is_empty() && unit.is_none() {
                    unit = Some(before.to_string());
                }
                date = Some((line.text[range.start..].to_string(), line));
                self.at += 1;
                break;
            } else if unit.is_none() && line.text.chars().count() <= 30 {
                unit = Some(line.text.clone());
                self.at += 1;
            } else {
                break;
            }
        }
        let (date, line) = date.ok_or_else(|| {
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
        self.push(Role::UnitDate, format!("{unit} {date}"), &line);
        Ok(())
    }

    /// The footer zone: from the first footer label after which every line
    /// is footer-like.
    fn footer_start(&self) -> usize {
        (self.at..self.lines.len())
            .find(|&i| {
                footer_label(&self.lines[i].text).is_some()
                    && self.lines[i..]
                        .iter()
                        .all(|l| l.text.chars().count() <= 60 && !l.text.ends_with('。'))
            })
            .unwrap_or(self.lines.len())
    }

    /// The contents block, if the body opens with one: its columns and the
    /// titles listed under each (each title repeats later, as the article's).
    fn contents(&mut self, footer_at: usize) -> Vec<(Option<String>, Vec<String>)> {
        let mut contents: Vec<(Option<String>, Vec<String>)> = Vec::new();
        let body: Vec<Line> = self.lines[self.at..footer_at].to_vec();
        let repeats_later = |i: usize, text: &str| body[i + 1..].iter().any(|l| l.text == text);
        let starts_contents = body.first().is_some_and(|l| {
            column_name(&l.text)
                .is_some_and(|_| body.get(1).is_some_and(|n| repeats_later(1, &n.text)))
                || (title_shaped(&l.text) && repeats_later(0, &l.text))
        });
        let mut i = 0;
        while starts_contents && i < body.len() {
            let line = &body[i];
            if let Some(column) = column_name(&line.text) {
                contents.push((Some(column.to_string()), Vec::new()));
                self.push(Role::Column, line.text.clone(), line);
            } else if title_shaped(&line.text) && repeats_later(i, &line.text) {
                if contents.is_empty() {
                    contents.push((None, Vec::new()));
                }
                contents
                    .last_mut()
                    .expect("pushed")
                    .1
                    .push(line.text.clone());
                self.push(Role::Contents, line.text.clone(), line);
            } else {
                break;
            }
            i += 1;
        }
        self.at += i;
        contents
    }

    /// The editor's note: 编者按： and the lines it goes on in.
    fn note(&mut self, footer_at: usize, contents: &[(Option<String>, Vec<String>)]) {
        let Some(first) = self.peek().cloned() else {
            return;
        };
        let Some(rest) = first
            .text
            .strip_prefix(crate::format::labels::NOTE)
            .map(|r| r.trim_start_matches(['：', ':', ' ']))
        else {
            return;
        };
        let known = |t: &String| contents.iter().any(|(_, titles)| titles.contains(t));
        let mut note = rest.to_string();
        self.at += 1;
        while self.at < footer_at && !ends_closed(&note) {
            let next = &self.lines[self.at].text;
            if known(next) || title_shaped(next) {
                break;
            }
            note.push_str(next);
            self.at += 1;
        }
        if !note.trim().is_empty() {
            self.push(Role::Note, note, &first);
        }
    }

    /// The articles up to the footer: titles (a wrapped one joined), their
    /// subtitle and source lines, paragraphs (healed across page breaks),
    /// headings, and 【column】 lines where the body shows them.
    fn articles(
        &mut self,
        footer_at: usize,
        contents: &[(Option<String>, Vec<String>)],
    ) -> Result<(), Failure> {
        let known_titles: Vec<String> = contents.iter().flat_map(|(_, t)| t.clone()).collect();
        let mut in_article = false;
        // The paragraph a page break may have cut: its piece.
        let mut open: Option<usize> = None;
        let mut titles: Vec<String> = Vec::new();
        while self.at < footer_at {
            let line = self.next().expect("in range");
            let t = line.text.clone();
            if let Some(column) = column_name(&t) {
                open = None;
                if contents.is_empty() {
                    self.push(Role::Column, t, &line);
                } else if !contents.iter().any(|(n, _)| n.as_deref() == Some(column)) {
                    self.leftover(&line);
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
            if let Some(at) = open
                && !is_known
                && wrapped.is_none()
                && heading_level(&t).is_none()
                && line.cells.is_none()
            {
                // A page break cut the paragraph: it goes on here.
                let paragraph = &mut self.pieces[at].text;
                paragraph.push_str(&t);
                if ends_closed(paragraph) {
                    open = None;
                }
                continue;
            }
            open = None;
            let title = if let Some(title) = wrapped {
                self.at += 1;
                Some(title)
            } else if is_known
                || known_titles.is_empty()
                    && title_shaped(&t)
                    && !table_caption(&t)
                    && line.cells.is_none()
                    && (!in_article || line.after_blank)
                    && self.peek().is_some_and(|n| {
                        !title_shaped(&n.text) || n.text.starts_with(['（', '(', '—'])
                    })
            {
                Some(t.clone())
            } else {
                None
            };
            if let Some(title) = title {
                self.push(Role::Title, title.clone(), &line);
                titles.push(title);
                self.bylines();
                in_article = true;
                continue;
            }
            if !in_article || (t.starts_with("[图") && t.ends_with(']')) {
                self.leftover(&line);
                continue;
            }
            if let Some(first) = line.cells.clone() {
                // Two or more lines of cells a tab or wide spaces apart: a
                // table, its first line the header; a caption line right
                // above it is its caption.
                let start = self.at;
                let mut rows = vec![first];
                while self.at < footer_at
                    && let Some(cells) = self.peek().and_then(|n| n.cells.clone())
                {
                    rows.push(cells);
                    self.at += 1;
                }
                match (rows.len() >= 2)
                    .then(|| table_from_rows(None, rows, 1))
                    .flatten()
                {
                    Some(table) => {
                        push_table(&mut self.pieces, table, format!("line {}", line.no), false);
                        continue;
                    }
                    // Not a table after all: the lines are read one by one.
                    None => self.at = start,
                }
            }
            if let Some(level) = heading_level(&t) {
                self.push(Role::Heading(level), t, &line);
            } else {
                let closed = ends_closed(&t);
                self.push(Role::Body, t, &line);
                open = (!closed).then_some(self.pieces.len() - 1);
            }
        }
        if titles.is_empty() {
            return Err(self.error(
                "no article found",
                "an article is a title line followed by its paragraphs",
            ));
        }
        for title in &known_titles {
            if !titles.contains(title) {
                self.warnings.push(Diagnostic::warning(
                    Some(self.name),
                    format!("the contents list `{title}` but no article has that title"),
                ));
            }
        }
        Ok(())
    }

    /// The subtitle (——…) and source (（…供稿）) lines right under a title.
    fn bylines(&mut self) {
        let (mut subtitle, mut source) = (false, false);
        while let Some(next) = self.peek().cloned() {
            let n = &next.text;
            let short = n.chars().count() <= 40;
            if !subtitle && n.starts_with("——") && short {
                subtitle = true;
            } else if !source
                && n.starts_with(['（', '('])
                && n.ends_with(['）', ')'])
                && short
                && heading_level(n).is_none()
            {
                source = true;
            } else {
                break;
            }
            self.push(Role::Byline, n.clone(), &next);
            self.at += 1;
        }
    }

    /// Lead sentences, by the heuristic of [`ImportOptions::leads`]: in every
    /// paragraph but an article's first block.
    fn leads(&mut self) {
        let mut block = 0;
        for piece in &mut self.pieces {
            match piece.role {
                Role::Title => block = 0,
                Role::Body if block > 0 => {
                    if let Some((lead, rest)) = split_lead(&piece.text) {
                        piece.lead = Some(lead);
                        piece.text = rest;
                    }
                    block += 1;
                }
                Role::Body | Role::Heading(_) => block += 1,
                _ => {}
            }
        }
    }

    /// The footer block's lines, each read by [`FooterLines`]'s rules in the
    /// assembler; a line it cannot place is kept as a comment.
    fn footer(&mut self, from: usize) {
        let lines: Vec<Line> = self.lines[from..].to_vec();
        let mut footer = FooterLines::default();
        for line in &lines {
            if footer.line(&line.text) {
                self.push(Role::Footer, line.text.clone(), line);
            } else {
                self.leftover(line);
            }
        }
    }
}

/// The cells of a line of a text table, from the line as written (`raw`,
/// where a tab parts cells and empty cells at its start keep their places)
/// or, without a tab, from the cleaned line (cells two or more spaces
/// apart); `None` for a line of one cell or a caption.
pub(crate) fn line_cells(raw: &str, cleaned: &str) -> Option<Vec<String>> {
    if !raw.contains('\t') {
        return crate::read::recognise::split_cells(cleaned);
    }
    let cells: Vec<String> = raw
        .trim_matches(|c: char| c.is_whitespace() && c != '\t')
        .split('\t')
        .map(|cell| {
            cell.chars()
                .filter(|c| !is_forbidden(*c))
                .collect::<String>()
                .trim()
                .to_string()
        })
        .collect();
    (cells.len() >= 2).then_some(cells)
}
