//! Model → plain text, the way a bulletin reads when its text is extracted:
//! one element per line, a blank line between elements, the footer lines as
//! printed. UTF-8, `\n` line ends, no trailing spaces, a paragraph on one line
//! (lead sentence and the rest together), a table's caption on its line and
//! then a line a row, its cells a tab apart. The importer reads this form back.
//!
//! Optional wrapping at a display width (a Chinese character is two columns)
//! keeps the line-start and line-end rules for Chinese punctuation.

use unicode_width::UnicodeWidthChar;

use crate::format::kinsoku::{is_closing, is_opening};
use crate::format::labels;
use crate::model::gongwen::Gongwen;
use crate::model::{Block, Issue};

/// How to write text.
#[derive(Debug, Clone, Default)]
pub struct TextOptions {
    /// Wrap lines at this many display columns (none: a paragraph is one line).
    pub wrap: Option<usize>,
}

/// The plain text of `issue`.
pub fn text(issue: &Issue, options: &TextOptions) -> String {
    // Each element is one or more lines printed without blank lines between.
    let mut elements: Vec<Vec<String>> = Vec::new();

    if let Some(copy) = &issue.copy_number {
        line(&mut elements, copy.clone());
    }
    if let Some(mark) = &issue.handling_mark {
        line(&mut elements, mark.clone());
    }
    line(&mut elements, issue.name.clone());
    if !issue.kind.label().is_empty() {
        line(&mut elements, issue.kind.label().to_string());
    }
    line(&mut elements, issue.number_line());
    if let Some(total) = issue.total_line() {
        line(&mut elements, total);
    }
    line(&mut elements, issue.unit.clone());
    line(&mut elements, issue.date.chinese());

    let contents = issue.shows_contents();
    if contents {
        for column in &issue.columns {
            if let Some(name) = &column.name {
                line(&mut elements, labels::column(&name.0));
            }
            for article in &column.articles {
                line(&mut elements, article.title.0.clone());
            }
        }
    }
    if let Some(note) = &issue.editor_note {
        line(&mut elements, format!("{}{note}", labels::NOTE_PRINTED));
    }
    for column in &issue.columns {
        if let (false, Some(name)) = (contents, &column.name) {
            line(&mut elements, labels::column(&name.0));
        }
        for article in &column.articles {
            line(&mut elements, article.title.0.clone());
            for extra in [&article.subtitle, &article.source].into_iter().flatten() {
                line(&mut elements, extra.0.clone());
            }
            blocks(&mut elements, &article.body);
        }
    }

    for (label, lines) in issue.footer.recipients() {
        // Continuation lines align after the colon, as printed.
        let indent = "\u{3000}".repeat(label.chars().count() + 1);
        let group = lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                if i == 0 {
                    format!("{label}：{l}")
                } else {
                    format!("{indent}{l}")
                }
            })
            .collect();
        elements.push(group);
    }
    let mut closing = issue.footer.signatures();
    closing.extend(issue.footer.registration_line());
    if !closing.is_empty() {
        elements.push(closing);
    }

    finish(&elements, options)
}

/// One element a line.
fn line(elements: &mut Vec<Vec<String>>, s: String) {
    elements.push(vec![s]);
}

/// A body's blocks: a paragraph (its lead first), a heading, a photo's
/// caption, a table (its caption, then a line a row, the cells a tab apart,
/// a merged cell's text where it starts).
fn blocks(elements: &mut Vec<Vec<String>>, body: &[Block]) {
    for block in body {
        match block {
            Block::Paragraph { lead, text } => {
                line(elements, format!("{}{text}", lead.as_deref().unwrap_or("")));
            }
            Block::Heading { text, .. } => line(elements, text.clone()),
            Block::Photo { caption, .. } => match caption {
                Some(caption) => line(elements, format!("[图：{caption}]")),
                None => line(elements, "[图]".to_string()),
            },
            Block::Table(table) => {
                if let Some(caption) = &table.caption {
                    line(elements, caption.clone());
                }
                elements.push(table.grid().into_iter().map(|r| r.join("\t")).collect());
            }
        }
    }
}

/// The elements, one after another with a blank line between, wrapped when asked.
fn finish(elements: &[Vec<String>], options: &TextOptions) -> String {
    let mut out = String::new();
    for (i, element) in elements.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        for line in element {
            let line = line.trim_end();
            match options.wrap {
                // A table's row stays one line: its cells are a tab apart.
                Some(width) if !line.contains('\t') => {
                    for piece in wrap(line, width) {
                        out.push_str(&piece);
                        out.push('\n');
                    }
                }
                _ => {
                    out.push_str(line);
                    out.push('\n');
                }
            }
        }
    }
    out
}

/// The plain text of a 公文: its head, title, 主送, body, 附件说明,
/// signature, 附注, attachments and record, one element a line.
pub fn gongwen_text(g: &Gongwen, options: &TextOptions) -> String {
    let l = g.labels();
    let mut elements: Vec<Vec<String>> = Vec::new();
    let head = [
        g.copy_number.as_ref().map(|c| c.0.clone()),
        g.secrecy.as_ref().map(|s| s.to_string()),
        g.urgency.map(|u| u.0.to_string()),
    ];
    for item in head.into_iter().flatten() {
        line(&mut elements, item);
    }
    let (marks, word) = &l.mark;
    let mut mark = marks.join("\n");
    if let Some(word) = word {
        mark.push_str(word);
    }
    elements.push(mark.lines().map(str::to_string).collect());
    match (&l.number, g.signers.is_empty()) {
        (Some(number), true) => line(&mut elements, number.clone()),
        (number, false) => line(
            &mut elements,
            format!(
                "{}\u{3000}{}{}",
                number.as_deref().unwrap_or(""),
                l.signer,
                g.signers.join("\u{3000}")
            ),
        ),
        (None, true) => {}
    }
    if !g.title.is_empty() {
        line(&mut elements, g.title.clone());
    }
    if let Some(to) = &l.to {
        line(&mut elements, to.clone());
    }
    blocks(&mut elements, &g.body);
    if let Some((label, items)) = &l.attachment_note {
        let indent = "\u{3000}".repeat(label.chars().count());
        elements.push(
            items
                .iter()
                .enumerate()
                .map(|(i, item)| match i {
                    0 => format!("{label}{item}"),
                    _ => format!("{indent}{item}"),
                })
                .collect(),
        );
    }
    for a in &g.attendance {
        line(&mut elements, format!("{}：{}", a.label, a.names));
    }
    let mut closing: Vec<String> = g.signatures().map(str::to_string).collect();
    if let Some(title) = &g.signed_by {
        closing.insert(0, title.clone());
    }
    closing.push(l.date.clone());
    elements.push(closing);
    if let Some(note) = &l.note {
        line(&mut elements, note.clone());
    }
    for ((_, a), label) in g.bound_attachments().zip(&l.attachment_labels) {
        line(&mut elements, label.clone());
        line(&mut elements, a.title.clone());
        blocks(&mut elements, &a.body);
    }
    let mut record: Vec<String> = [&l.record_to, &l.copy_to]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    if let Some((issuer, issued)) = &l.issued {
        record.push(format!("{issuer}\u{3000}{issued}"));
    }
    if !record.is_empty() {
        elements.push(record);
    }
    finish(&elements, options)
}

fn width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Whether a break between `a` and `b` would split a word or number.
fn inside_word(a: char, b: char) -> bool {
    let word = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '/' | '%');
    word(a) && word(b)
}

/// Splits `line` into pieces of at most `max` display columns (a piece may be
/// wider only when one unbreakable run is wider than `max`).
pub fn wrap(line: &str, max: usize) -> Vec<String> {
    let chars: Vec<char> = line.chars().collect();
    let max = max.max(2);
    let mut pieces = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let mut end = start;
        let mut used = 0;
        while end < chars.len() && used + width(chars[end]) <= max {
            used += width(chars[end]);
            end += 1;
        }
        if end < chars.len() {
            // Move the break back until it is allowed; if no place on the line
            // allows it, break where the line is full.
            let disallowed = |at: usize| {
                is_closing(chars[at])
                    || is_opening(chars[at - 1])
                    || inside_word(chars[at - 1], chars[at])
            };
            let mut at = end;
            while at > start + 1 && disallowed(at) {
                at -= 1;
            }
            if !disallowed(at) {
                end = at;
            }
        }
        let piece: String = chars[start..end].iter().collect();
        pieces.push(piece.trim_end().to_string());
        start = end;
        while start < chars.len() && chars[start] == ' ' {
            start += 1;
        }
    }
    if pieces.is_empty() {
        pieces.push(String::new());
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns(s: &str) -> usize {
        s.chars().map(width).sum()
    }

    #[test]
    fn wrapping_counts_chinese_as_two_columns_and_keeps_punctuation_rules() {
        let line = "今年以来，全市上下认真贯彻落实（省委）部署要求，推动工作取得新成效。";
        for max in [10, 12, 14, 20, 21, 30] {
            let pieces = wrap(line, max);
            assert_eq!(pieces.concat(), line, "nothing lost at {max}");
            for (i, piece) in pieces.iter().enumerate() {
                assert!(columns(piece) <= max, "{piece} wider than {max}");
                let first = piece.chars().next().unwrap();
                let last = piece.chars().last().unwrap();
                assert!(!is_closing(first), "{piece:?} starts with {first} at {max}");
                if i + 1 < pieces.len() {
                    assert!(!is_opening(last), "{piece:?} ends with {last} at {max}");
                }
            }
        }
    }

    #[test]
    fn wrapping_keeps_numbers_whole() {
        let pieces = wrap("服务群众 21.6 万人次", 10);
        assert!(pieces.iter().any(|p| p.contains("21.6")), "{pieces:?}");
    }
}
