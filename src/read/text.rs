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
use crate::model::{
    Article, Block, Column, Count, Date, Footer, Issue, Kind, Lines, Style, Text, is_wide,
};
use crate::write::yaml::{Comment, Spot};

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
    let lines = clean_lines(input);
    let mut importer = Importer {
        name,
        lines,
        at: 0,
        comments: Vec::new(),
        warnings: Vec::new(),
    };
    let issue = importer.run(options)?;
    Ok(Imported {
        issue,
        comments: importer.comments,
        warnings: importer.warnings,
    })
}

/// Splits into lines, normalising line ends and spaces, dropping page numbers
/// and repeated running headers.
fn clean_lines(input: &str) -> Vec<Line> {
    let normalised = input
        .trim_start_matches('\u{FEFF}')
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    let mut lines = Vec::new();
    let mut after_blank = true;
    for (i, raw) in normalised.split('\n').enumerate() {
        let text = squeeze_stray_spaces(raw.trim_matches(|c: char| c.is_whitespace()));
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
    lines
}

/// "— 3 —", "- 3 -", "第 3 页", "3/12".
fn is_page_number(line: &str) -> bool {
    let inner =
        line.trim_matches(|c: char| matches!(c, '—' | '–' | '-' | '－' | '―' | ' ' | '\u{3000}'));
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    (inner.len() < line.len() && digits(inner))
        || line
            .strip_prefix('第')
            .and_then(|s| s.strip_suffix('页'))
            .is_some_and(|s| digits(s.trim()))
        || line
            .split_once('/')
            .is_some_and(|(a, b)| digits(a.trim()) && digits(b.trim()))
}

/// Removes the spaces PDF extraction puts between Chinese characters, when a
/// line is full of them (a title's spaces between phrases stay).
fn squeeze_stray_spaces(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let wide = chars.iter().filter(|c| is_wide(**c)).count();
    let stray = chars
        .windows(3)
        .filter(|w| is_wide(w[0]) && (w[1] == ' ' || w[1] == '\u{3000}') && is_wide(w[2]))
        .count();
    if stray < 3 || stray * 10 < wide * 3 {
        return line.to_string();
    }
    let mut out = String::with_capacity(line.len());
    for (i, &c) in chars.iter().enumerate() {
        let between =
            i > 0 && i + 1 < chars.len() && is_wide(chars[i - 1]) && is_wide(chars[i + 1]);
        if !((c == ' ' || c == '\u{3000}') && between) {
            out.push(c);
        }
    }
    out
}

/// Punctuation that ends a paragraph.
fn ends_closed(text: &str) -> bool {
    text.ends_with([
        '。', '！', '？', '；', '…', '”', '’', '）', '」', '』', '：', '.', '!', '?', ')', ';',
    ])
}

/// Digits, full-width digits or simple Chinese numerals as a number.
fn number(text: &str) -> Option<u32> {
    let text = text.trim();
    let ascii: String = text
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            _ => c,
        })
        .collect();
    if let Ok(n) = ascii.parse() {
        return Some(n);
    }
    chinese_number(text)
}

/// 一 … 九百九十九; 〇 and 零 as digits ("二〇二三" reads 2023).
fn chinese_number(text: &str) -> Option<u32> {
    let digit = |c: char| {
        "〇一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .or((c == '零').then_some(0))
    };
    if text.is_empty() {
        return None;
    }
    if !text.contains(['十', '百']) {
        return text.chars().try_fold(0u32, |n, c| {
            n.checked_mul(10)?.checked_add(digit(c)? as u32)
        });
    }
    let (mut total, mut current) = (0u32, 0u32);
    for c in text.chars() {
        match c {
            '十' => {
                total = total.checked_add(current.max(1) * 10)?;
                current = 0;
            }
            '百' => {
                total = total.checked_add(current.max(1) * 100)?;
                current = 0;
            }
            _ => current = digit(c)? as u32,
        }
    }
    total.checked_add(current)
}

/// A date anywhere in `text`: `2023 年 7 月 21 日`, `2023年7月21日`,
/// `二〇二三年七月二十一日`, `2023-07-21`. Returns it with the byte range.
fn find_date(text: &str) -> Option<(Date, std::ops::Range<usize>)> {
    if let Some(end) = text.rfind('日') {
        let head = &text[..end];
        let month_at = head.rfind('月')?;
        let year_at = head[..month_at].rfind('年')?;
        let day = number(&head[month_at + '月'.len_utf8()..])?;
        let month = number(&head[year_at + '年'.len_utf8()..month_at])?;
        let year_part = head[..year_at].trim_end();
        let start = year_part
            .char_indices()
            .rev()
            .take_while(|(_, c)| {
                c.is_ascii_digit() || "〇零一二三四五六七八九０１２３４５６７８９".contains(*c)
            })
            .last()
            .map(|(i, _)| i)?;
        let year = number(&year_part[start..])?;
        let date = Date::new(year as i32, month, day).ok()?;
        return Some((date, start..end + '日'.len_utf8()));
    }
    let trimmed = text.trim();
    let start = text.len() - text.trim_start().len();
    if trimmed.len() == 10 && trimmed.as_bytes()[4] == b'-' {
        return Date::parse(trimmed).ok().map(|d| (d, start..start + 10));
    }
    None
}

/// `第 14 期`, `增刊第 2 期`, `（增刊）第 2 期`.
fn issue_number(text: &str) -> Option<(Kind, u32)> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let (kind, rest) = if let Some(rest) = compact
        .strip_prefix("增刊")
        .or_else(|| compact.strip_prefix("（增刊）"))
    {
        (Kind::Supplement, rest)
    } else if let Some(rest) = compact
        .strip_prefix("专刊")
        .or_else(|| compact.strip_prefix("（专刊）"))
    {
        (Kind::Special, rest)
    } else {
        (Kind::Regular, compact.as_str())
    };
    let n = rest.strip_prefix('第')?.strip_suffix('期')?;
    Some((kind, number(n)?))
}

/// `（总第 233 期）`.
fn total_number(text: &str) -> Option<u32> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let inner = compact
        .strip_prefix(['（', '('])?
        .strip_suffix(['）', ')'])?
        .strip_prefix("总第")?
        .strip_suffix('期')?;
    number(inner)
}

const MARKS: &[&str] = &[
    "内部资料",
    "工作资料",
    "注意保存",
    "秘密",
    "机密",
    "绝密",
    "内部刊物",
    "请勿外传",
    "内部",
];

/// A footer label at the start of `text`: the label and the rest.
fn footer_label(text: &str) -> Option<(&'static str, &str)> {
    for label in [
        "本期增发",
        "责任编辑",
        "签发",
        "抄送",
        "报送",
        "报",
        "送",
        "发",
    ] {
        if let Some(rest) = text.strip_prefix(label)
            && let Some(rest) = rest.trim_start().strip_prefix(['：', ':'])
        {
            return Some((label, rest.trim()));
        }
    }
    None
}

/// `（苏简字 1004 号 共印 400 份）` → registration and print run.
fn registration(text: &str) -> Option<(Option<String>, Option<u32>)> {
    let inner = text
        .strip_prefix(['（', '('])?
        .strip_suffix(['）', ')'])?
        .trim();
    match inner.find("共印") {
        Some(at) => {
            let run = inner[at + "共印".len()..].trim().strip_suffix('份')?;
            let reg = inner[..at].trim();
            Some((
                (!reg.is_empty()).then(|| reg.to_string()),
                Some(number(run)?),
            ))
        }
        None if inner.ends_with('号') && inner.contains("字") => {
            Some((Some(inner.to_string()), None))
        }
        None => None,
    }
}

/// Level of an inner heading: 一、… is 1, （一）… is 2.
fn heading_level(text: &str) -> Option<u8> {
    let short = text.chars().count() <= 40 && !text.trim_end_matches('。').contains('。');
    if !short {
        return None;
    }
    let numeral = |s: &str| !s.is_empty() && s.chars().all(|c| "一二三四五六七八九十".contains(c));
    if let Some((n, _)) = text.split_once('、')
        && numeral(n)
    {
        return Some(1);
    }
    if let Some(rest) = text.strip_prefix('（')
        && let Some((n, _)) = rest.split_once('）')
        && numeral(n)
    {
        return Some(2);
    }
    None
}

/// A column heading `【工作交流】`.
fn column_name(text: &str) -> Option<&str> {
    text.strip_prefix('【')?
        .strip_suffix('】')
        .filter(|n| !n.is_empty() && !n.contains('【'))
}

/// Whether `text` looks like a title: short, no sentence punctuation at its
/// end (a closing quote or bracket is fine) or inside, not a heading.
fn title_shaped(text: &str) -> bool {
    let n = text.chars().count();
    (4..=48).contains(&n)
        && !text.ends_with([
            '。', '！', '？', '；', '：', '…', '.', '!', '?', ';', ':', '，', ',',
        ])
        && !text.contains('。')
        && heading_level(text).is_none()
}

/// The lead sentence of `paragraph` by the heuristic of [`ImportOptions::leads`].
fn split_lead(paragraph: &str) -> Option<(String, String)> {
    let mut depth = 0i32;
    let mut end = None;
    for (i, c) in paragraph.char_indices() {
        match c {
            '“' | '‘' | '（' | '《' => depth += 1,
            '”' | '’' | '）' | '》' => depth -= 1,
            '。' if depth <= 0 => {
                end = Some(i + c.len_utf8());
                break;
            }
            _ => {}
        }
    }
    let end = end?;
    let (lead, rest) = paragraph.split_at(end);
    let n = lead.chars().count();
    let ok = (6..=28).contains(&n)
        && !lead
            .chars()
            .any(|c| c.is_ascii_digit() || c.is_numeric() && !is_wide(c))
        && rest.chars().count() >= 20;
    ok.then(|| (lead.to_string(), rest.to_string()))
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates_in_every_spelling() {
        assert_eq!(number("14"), Some(14));
        assert_eq!(number("１４"), Some(14));
        assert_eq!(number("十四"), Some(14));
        assert_eq!(number("二十一"), Some(21));
        assert_eq!(number("二〇二三"), Some(2023));
        let d = Date::new(2023, 7, 21).unwrap();
        for text in [
            "2023 年 7 月 21 日",
            "2023年7月21日",
            "二〇二三年七月二十一日",
            "2023-07-21",
        ] {
            assert_eq!(find_date(text).map(|x| x.0), Some(d), "{text}");
        }
        let (date, range) = find_date("某市文明办    2023 年 7 月 21 日").unwrap();
        assert_eq!(date, d);
        assert_eq!(
            "某市文明办    2023 年 7 月 21 日"[..range.start].trim(),
            "某市文明办"
        );
        assert_eq!(issue_number("第 14 期"), Some((Kind::Regular, 14)));
        assert_eq!(issue_number("增刊第2期"), Some((Kind::Supplement, 2)));
        assert_eq!(total_number("（总第 233 期）"), Some(233));
    }

    #[test]
    fn page_numbers_and_stray_spaces() {
        for p in ["— 3 —", "- 3 -", "－3－", "第 3 页", "3/12"] {
            assert!(is_page_number(p), "{p}");
        }
        assert!(!is_page_number("2023"));
        assert_eq!(
            squeeze_stray_spaces("今 年 以 来 ， 全 市"),
            "今年以来，全市"
        );
        assert_eq!(
            squeeze_stray_spaces("突出需求导向 健全长效机制"),
            "突出需求导向 健全长效机制"
        );
    }

    #[test]
    fn leads_are_short_first_sentences() {
        let p = "坚持高位推动，优化机制精准发力。围绕各级党委政府重视程度、创建投入程度、市民满意程度开展工作。";
        assert_eq!(split_lead(p).unwrap().0, "坚持高位推动，优化机制精准发力。");
        assert!(
            split_lead(
                "今年以来，全市深入学习贯彻各项部署，推动各项工作取得新的进展和成效。其余。"
            )
            .is_none()
        );
        assert!(
            split_lead("7 月 12 日召开会议。会议部署开展汛期安全隐患排查工作的各项任务。")
                .is_none()
        );
    }

    #[test]
    fn footer_lines_and_registration() {
        assert_eq!(
            registration("（苏简字 1004 号 共印 400 份）"),
            Some((Some("苏简字 1004 号".into()), Some(400)))
        );
        assert_eq!(registration("（共印 80 份）"), Some((None, Some(80))));
        assert_eq!(footer_label("报：中央文明办"), Some(("报", "中央文明办")));
        assert_eq!(
            footer_label("本期增发：市委宣传部"),
            Some(("本期增发", "市委宣传部"))
        );
        assert_eq!(footer_label("报告显示：某某"), None);
    }
}
