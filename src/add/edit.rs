//! The edit: where in the source the article's YAML goes, and that YAML,
//! indented and punctuated as the list it joins is written.

use super::outline::{At, List, Lists};
use super::target::Target;
use crate::model::Article;
use crate::write;

/// Whether the article goes into a flow list (`[…]`).
pub(super) fn goes_into_flow(text: &str, lists: &Lists, target: &Target) -> bool {
    match target {
        Target::Existing { column, .. } => flow(text, lists.articles[*column].at),
        Target::NewColumn { .. } => lists.columns.as_ref().is_some_and(|c| flow(text, c.at)),
    }
}

/// Where in `text` the new YAML goes (a byte offset) and what it is.
pub(super) fn insertion(
    text: &str,
    lists: &Lists,
    target: &Target,
    article: &Article,
    comments: &[(usize, String)],
) -> Result<(usize, String), String> {
    let crlf = text.contains("\r\n");
    let (at, block) = match target {
        Target::Existing { column, after } => {
            let list = &lists.articles[*column];
            let after = after.unwrap_or(list.items.len().saturating_sub(1));
            if flow(text, list.at) {
                let value = write::yaml::article_flow(article);
                flow_insertion(text, list, after, &value)?
            } else {
                let item = *list.items.get(after).ok_or("an empty list of articles")?;
                let dash = dash_column(text, item)?;
                let entry = if char_at(text, item.offset) == Some('{') {
                    format!(
                        "{}- {}\n",
                        " ".repeat(dash),
                        write::yaml::article_flow(article)
                    )
                } else {
                    write::yaml::article(article, dash, item.column.max(dash + 2), comments)
                };
                (block_end(text, item, dash), entry)
            }
        }
        Target::NewColumn { name } => {
            let columns = lists
                .columns
                .as_ref()
                .ok_or("the issue has no list of columns")?;
            let last = columns
                .items
                .len()
                .checked_sub(1)
                .ok_or("an empty list of columns")?;
            if flow(text, columns.at) {
                let value = format!(
                    "{{name: {}, articles: [{}]}}",
                    serde_json::to_string(name.as_str()).unwrap_or_default(),
                    write::yaml::article_flow(article)
                );
                flow_insertion(text, columns, last, &value)?
            } else {
                let item = columns.items[last];
                let dash = dash_column(text, item)?;
                let key = item.column.max(dash + 2);
                // The new column's articles as the first block list of
                // articles stands under its column's keys.
                let (article_dash, article_key) = lists
                    .articles
                    .iter()
                    .zip(&columns.items)
                    .find(|(list, _)| !flow(text, list.at) && !list.items.is_empty())
                    .and_then(|(list, column)| {
                        let item = list.items[0];
                        let d = dash_column(text, item).ok()?;
                        let shift = d.checked_sub(column.column)?;
                        Some((key + shift, key + shift + item.column.max(d + 2) - d))
                    })
                    .unwrap_or((key + 2, key + 4));
                let entry = write::yaml::column(
                    name.as_str(),
                    article,
                    (dash, key),
                    (article_dash, article_key),
                    comments,
                );
                (block_end(text, item, dash), entry)
            }
        }
    };
    // A last line without its line end gets one before the new lines.
    let mut block = block;
    if at == text.len() && !text.is_empty() && !text.ends_with('\n') && !block.starts_with(',') {
        block.insert(0, '\n');
    }
    if crlf {
        block = block.replace("\r\n", "\n").replace('\n', "\r\n");
    }
    Ok((at, block))
}

fn char_at(text: &str, offset: usize) -> Option<char> {
    text.get(offset..)?.chars().next()
}

/// Whether the list at `at` is a flow sequence (`[…]`).
pub(super) fn flow(text: &str, at: At) -> bool {
    char_at(text, at.offset) == Some('[')
}

/// The column of the dash of the block sequence entry whose node starts at
/// `item`: on its line before it, or alone on a line above.
fn dash_column(text: &str, item: At) -> Result<usize, String> {
    let lines: Vec<&str> = text.split('\n').collect();
    let line = lines
        .get(item.line - 1)
        .ok_or("a position outside the file")?;
    let before: Vec<char> = line.chars().take(item.column).collect();
    if let Some(dash) = before.iter().rposition(|c| *c == '-') {
        return Ok(dash);
    }
    for line in lines[..item.line - 1].iter().rev() {
        let trimmed = line.trim_end_matches('\r').trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if trimmed == "-" || trimmed.starts_with("- #") {
            return Ok(indent(line));
        }
        break;
    }
    Err("a list entry whose dash cannot be found".into())
}

/// The number of spaces a line begins with.
fn indent(line: &str) -> usize {
    line.chars().take_while(|c| *c == ' ').count()
}

/// The byte offset after the last line of the block sequence entry that
/// starts at `item` with its dash at column `dash`: the entry goes on while
/// lines are blank or indented past the dash; blank lines and comments
/// after it, at the dash or left of it, belong to what follows.
fn block_end(text: &str, item: At, dash: usize) -> usize {
    let mut offset = 0;
    let mut end = None;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let number = i + 1;
        let next = offset + line.len();
        if number == item.line {
            end = Some(next);
        } else if number > item.line {
            let content = line.trim_end_matches(['\n', '\r']);
            if content.trim().is_empty() {
                // Blank: it belongs to the entry only if more of it follows.
            } else if indent(content) > dash {
                end = Some(next);
            } else {
                break;
            }
        }
        offset = next;
    }
    end.unwrap_or(text.len())
}

/// Inserts `value` into the flow sequence `list` after its entry `after`
/// (or as its only entry): the offset and the text, with its comma.
fn flow_insertion(
    text: &str,
    list: &List,
    after: usize,
    value: &str,
) -> Result<(usize, String), String> {
    let ends = flow_entries(text, list.at.offset)?;
    match ends.get(after) {
        Some(end) => Ok((*end, format!(", {value}"))),
        None if ends.is_empty() => Ok((list.at.offset + 1, value.to_string())),
        None => Err("a flow list whose entries cannot be found".into()),
    }
}

/// The byte offsets where the entries of the flow sequence starting at
/// `open` (its `[`) end: after each entry's last character.
fn flow_entries(text: &str, open: usize) -> Result<Vec<usize>, String> {
    let mut ends = Vec::new();
    let mut depth = 0usize;
    let mut last = None; // the end of the last character of the current entry
    let mut chars = text[open..].char_indices().peekable();
    let mut previous = ' ';
    while let Some((i, c)) = chars.next() {
        let i = open + i;
        match c {
            '[' | '{' => {
                depth += 1;
                if depth > 1 {
                    last = Some(i + 1);
                }
            }
            ']' | '}' => {
                depth = depth.checked_sub(1).ok_or("unbalanced brackets")?;
                if depth == 0 {
                    ends.extend(last);
                    return Ok(ends);
                }
                last = Some(i + 1);
            }
            ',' if depth == 1 => {
                ends.extend(last.take());
            }
            '#' if previous.is_whitespace() => {
                // A comment, to the end of its line.
                while chars.peek().is_some_and(|(_, c)| *c != '\n') {
                    chars.next();
                }
            }
            '"' | '\'' => {
                let quote = c;
                let mut end = i + 1;
                while let Some((j, d)) = chars.next() {
                    end = open + j + d.len_utf8();
                    if quote == '"' && d == '\\' {
                        if let Some((k, e)) = chars.next() {
                            end = open + k + e.len_utf8();
                        }
                        continue;
                    }
                    if d == quote {
                        if quote == '\'' && chars.peek().is_some_and(|(_, e)| *e == '\'') {
                            chars.next();
                            continue;
                        }
                        break;
                    }
                }
                last = Some(end);
            }
            c if c.is_whitespace() => {}
            c => last = Some(i + c.len_utf8()),
        }
        previous = c;
    }
    Err("a flow list without its closing bracket".into())
}
