//! Adding a submitted article to an issue (`jianbao add`): where it goes
//! (the named column, a new column at the end, or the issue's only list;
//! after the named title or at the end), its YAML inserted into the issue's
//! source as text — every byte of the source kept, comments, order and
//! quoting included — its photos given names no file has, and the edited
//! source read back and compared with the issue plus the article before
//! anyone writes it. No file system access: the caller says which names
//! are taken and writes the files.

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_saphyr::Spanned;

use crate::diag::{Diagnostic, Failure, Position, did_you_mean};
use crate::model::{Article, Block, Column, Issue, Text};
use crate::read::submission::Submission;
use crate::read::yaml::{self, Source};
use crate::write;

/// Where the article goes.
#[derive(Debug, Clone, Default)]
pub struct Placement<'a> {
    /// The column by name (`--column`); a new one at the end when the issue
    /// has none of that name.
    pub column: Option<&'a str>,
    /// After the article of this title (`--after`); else at the column's end.
    pub after: Option<&'a str>,
}

/// The issue with the article added, ready to write.
#[derive(Debug, Clone)]
pub struct Added {
    /// The edited issue source.
    pub text: String,
    /// The inserted text, as it stands in `text`.
    pub block: String,
    /// The 1-based line of `text` the inserted text begins on.
    pub line: usize,
    /// The issue the edited source holds (read back: the old one plus the
    /// article).
    pub issue: Issue,
    /// The photos to write: path relative to the issue's folder, bytes.
    pub photos: Vec<(String, Vec<u8>)>,
    /// Where the article went, for the user: "column 工作交流, after `…`".
    pub place: String,
    /// What the edit could not keep (comments in a flow list).
    pub warnings: Vec<Diagnostic>,
}

/// Why nothing is added.
#[derive(Debug, Clone)]
pub enum Refusal {
    /// The request cannot be met (`--after` names no article, `--column`
    /// for an issue without columns): a usage error.
    Usage(Failure),
    /// The issue or the submission does not allow it.
    Invalid(Failure),
}

/// Adds `submission` to the issue whose source is `issue` (its series file
/// `series`), which reads as `original`, at `placement`. `taken` says
/// whether a path relative to the issue's folder names an existing file.
pub fn add(
    issue: &Source,
    series: Option<&Source>,
    original: &Issue,
    submission: &Submission,
    placement: &Placement,
    taken: &dyn Fn(&str) -> bool,
) -> Result<Added, Refusal> {
    let name = issue.name;
    let usage = |message: String, hint: String| {
        Refusal::Usage(Diagnostic::error(Some(name), message).hint(hint).into())
    };
    let mut article = submission.article.clone();
    if let Some(existing) = original
        .articles()
        .find(|a| same_title(a.title.as_str(), article.title.as_str()))
    {
        let diagnostic = Diagnostic::error(
            Some(name),
            format!(
                "the issue already has an article titled `{}`",
                existing.title.0
            ),
        )
        .hint("remove that article first, or give the submission another title");
        return Err(Refusal::Invalid(
            locate(issue, diagnostic, &existing.title.0).into(),
        ));
    }
    let photos = name_photos(original, &mut article, &submission.photos, taken);
    let comments: Vec<(usize, String)> = submission
        .comments
        .iter()
        .map(|(block, text)| (*block, format!("jianbao add: {text}")))
        .collect();

    let lists = Lists::of(issue, original.columns.len())
        .map_err(|why| Refusal::Invalid(cannot_edit(name, &why)))?;
    let target =
        target(original, lists.columns.is_some(), placement).map_err(|(m, h)| usage(m, h))?;
    let mut expected = original.clone();
    let place = match &target {
        Target::Existing { column, after } => {
            let articles = &mut expected.columns[*column].articles;
            let at = after.map_or(articles.len(), |a| a + 1);
            articles.insert(at, article.clone());
            describe(original, *column, *after)
        }
        Target::NewColumn { name: column } => {
            expected.columns.push(Column {
                name: Some(column.clone()),
                articles: vec![article.clone()],
            });
            format!("a new column `{}` at the end", column.0)
        }
    };
    let mut warnings = Vec::new();
    if !comments.is_empty() && goes_into_flow(issue.text, &lists, &target) {
        warnings.push(
            Diagnostic::warning(
                Some(name),
                format!(
                    "the article goes into a list written in brackets ([…]), which holds no comments: {} comments from the submission are left out",
                    comments.len()
                ),
            )
            .hint("the warnings above say what they were; or write the list as lines starting with `- ` and add the article again"),
        );
    }
    let (at, block) = insertion(issue.text, &lists, &target, &article, &comments)
        .map_err(|why| Refusal::Invalid(cannot_edit(name, &why)))?;
    let mut text = String::with_capacity(issue.text.len() + block.len());
    text.push_str(&issue.text[..at]);
    text.push_str(&block);
    text.push_str(&issue.text[at..]);
    let line = issue.text[..at].matches('\n').count() + 1;

    // Before anything is written: the edited source is the old issue plus
    // the article, and nothing else.
    let check = Source {
        name: issue.name,
        text: &text,
    };
    match yaml::read_issue(check, series.cloned()) {
        Ok(read) if read == expected => Ok(Added {
            text,
            block,
            line,
            issue: read,
            photos,
            place,
            warnings,
        }),
        Ok(_) => Err(Refusal::Invalid(cannot_edit(
            name,
            "the edited file would not read back as the issue plus the article",
        ))),
        Err(failure) => {
            let mut diagnostics =
                cannot_edit(name, "the edited file would not read back as a valid issue").0;
            diagnostics.extend(failure.0);
            Err(Refusal::Invalid(Failure(diagnostics)))
        }
    }
}

fn cannot_edit(name: &str, why: &str) -> Failure {
    Diagnostic::error(
        Some(name),
        format!("cannot add the article here: {why}; the issue file is left as it was"),
    )
    .hint("add the article by hand, or report this with the issue file")
    .into()
}

/// Whether two titles are the same, white space aside.
fn same_title(a: &str, b: &str) -> bool {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    squeeze(a) == squeeze(b)
}

/// `diagnostic` at the first occurrence of `needle` in the issue's source.
fn locate(issue: &Source, diagnostic: Diagnostic, needle: &str) -> Diagnostic {
    match issue.text.find(needle) {
        Some(offset) => diagnostic.at(Position::at_offset(issue.text, offset)),
        None => diagnostic,
    }
}

/// "column `工作交流`, after `…`": where the article went, for the user.
fn describe(issue: &Issue, column: usize, after: Option<usize>) -> String {
    let after = after.map(|a| issue.columns[column].articles[a].title.0.as_str());
    match (&issue.columns[column].name, after) {
        (Some(name), Some(after)) => format!("column `{}`, after `{after}`", name.0),
        (Some(name), None) => format!("the end of column `{}`", name.0),
        (None, Some(after)) => format!("the issue's articles, after `{after}`"),
        (None, None) => "the end of the issue's articles".to_string(),
    }
}

/// Gives the submission's photos names in the folder of the issue's other
/// photos (its own folder when it has none) that no file and no photo of the
/// issue has, and points the article's photo blocks at them.
fn name_photos(
    issue: &Issue,
    article: &mut Article,
    photos: &[(String, Vec<u8>)],
    taken: &dyn Fn(&str) -> bool,
) -> Vec<(String, Vec<u8>)> {
    let existing = issue.photo_paths();
    let folder = photo_folder(&existing);
    let mut used: Vec<String> = existing.iter().map(|p| p.to_string()).collect();
    let mut out = Vec::new();
    for (file, bytes) in photos {
        let (stem, ext) = match file.rsplit_once('.') {
            Some((stem, ext)) => (stem, format!(".{ext}")),
            None => (file.as_str(), String::new()),
        };
        let path = (1..)
            .map(|n| {
                let base = if n == 1 {
                    format!("{stem}{ext}")
                } else {
                    format!("{stem}-{n}{ext}")
                };
                match folder {
                    Some(folder) => format!("{folder}/{base}"),
                    None => base,
                }
            })
            .find(|path| !taken(path) && !used.contains(path))
            .unwrap_or_default();
        for block in &mut article.body {
            if let Block::Photo { path: p, .. } = block
                && p == file
            {
                p.clone_from(&path);
            }
        }
        used.push(path.clone());
        out.push((path, bytes.clone()));
    }
    out
}

/// The folder most of the issue's photos are in, relative to its file
/// (`None`: beside it).
fn photo_folder<'a>(paths: &[&'a str]) -> Option<&'a str> {
    let folders: Vec<&str> = paths
        .iter()
        .map(|p| p.rsplit_once('/').map_or("", |(folder, _)| folder))
        .collect();
    let best = folders.iter().max_by_key(|f| {
        (
            folders.iter().filter(|g| g == f).count(),
            std::cmp::Reverse(**f),
        )
    })?;
    (!best.is_empty()).then_some(*best)
}

// ── Where the lists stand in the source ──

/// The issue's lists of columns and articles as serde-saphyr sees them,
/// each node with where it stands.
#[derive(Debug, Deserialize)]
struct Outline {
    columns: Option<Spanned<Vec<Spanned<ColumnOutline>>>>,
    articles: Option<Spanned<Vec<Spanned<IgnoredAny>>>>,
}

#[derive(Debug, Deserialize)]
struct ColumnOutline {
    articles: Option<Spanned<Vec<Spanned<IgnoredAny>>>>,
}

/// A node's place: 1-based line, 0-based column in characters, byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct At {
    line: usize,
    column: usize,
    offset: usize,
}

/// A list in the source: where it starts and where its entries start.
#[derive(Debug, Clone)]
struct List {
    at: At,
    items: Vec<At>,
}

/// The lists of an issue's source.
#[derive(Debug, Clone)]
struct Lists {
    /// The list of columns (`None` for an issue of `articles:` alone).
    columns: Option<List>,
    /// The list of articles of each column of the model, in order.
    articles: Vec<List>,
}

impl Lists {
    /// The lists of `source`, which reads as an issue of `columns` columns.
    fn of(source: &Source, columns: usize) -> Result<Lists, String> {
        let outline: Outline = serde_saphyr::from_str(source.text)
            .map_err(|e| format!("its lists cannot be found ({e})"))?;
        let text = source.text;
        let lists = match (&outline.columns, &outline.articles) {
            (Some(columns), _) => Lists {
                columns: Some(list(text, columns)?),
                articles: columns
                    .value
                    .iter()
                    .map(|c| {
                        c.value
                            .articles
                            .as_ref()
                            .ok_or_else(|| "a column without `articles`".to_string())
                            .and_then(|a| list(text, a))
                    })
                    .collect::<Result<_, _>>()?,
            },
            (None, Some(articles)) => Lists {
                columns: None,
                articles: vec![list(text, articles)?],
            },
            (None, None) => return Err("it has no list of articles".into()),
        };
        if lists.articles.len() != columns {
            return Err("its columns are not where the model has them".into());
        }
        Ok(lists)
    }
}

/// Where a spanned node stands in `text`.
fn at<T>(text: &str, node: &Spanned<T>) -> Result<At, String> {
    let location = node.referenced;
    if location != node.defined {
        return Err("a list of the issue is an alias of another (`*name`)".into());
    }
    let line = location.line() as usize;
    let column = (location.column() as usize).saturating_sub(1);
    let offset = offset_of(text, line, column).ok_or("a position outside the file")?;
    Ok(At {
        line,
        column,
        offset,
    })
}

/// The byte offset of 1-based `line`, 0-based character `column`.
fn offset_of(text: &str, line: usize, column: usize) -> Option<usize> {
    let start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2)?.0 + 1
    };
    let rest = &text[start..];
    let rest_line = rest.split('\n').next().unwrap_or("");
    let within = rest_line
        .char_indices()
        .nth(column)
        .map_or(rest_line.len(), |(i, _)| i);
    Some(start + within)
}

fn list<T>(text: &str, node: &Spanned<Vec<Spanned<T>>>) -> Result<List, String> {
    Ok(List {
        at: at(text, node)?,
        items: node
            .value
            .iter()
            .map(|item| at(text, item))
            .collect::<Result<_, _>>()?,
    })
}

/// Where the article goes.
#[derive(Debug, Clone)]
enum Target {
    /// Into column `column` of the model, after its article `after` (else
    /// at its end).
    Existing { column: usize, after: Option<usize> },
    /// A new column of this name at the end.
    NewColumn { name: Text },
}

/// Where `placement` puts the article in `issue`; a usage error's message
/// and hint when it names what is not there.
fn target(
    issue: &Issue,
    has_columns: bool,
    placement: &Placement,
) -> Result<Target, (String, String)> {
    // 【工作交流】 as printed names the column 工作交流.
    let wanted = placement.column.map(|c| {
        let bare = c.trim().trim_start_matches('【').trim_end_matches('】');
        Text::new(bare).map_or(bare.to_string(), |t| t.0)
    });
    let column = match (&wanted, placement.after) {
        (Some(wanted), _) => {
            if !has_columns {
                return Err((
                    format!("the issue has no columns (栏目), so there is no column `{wanted}`"),
                    "leave out --column: the article goes into the issue's articles".to_string(),
                ));
            }
            issue
                .columns
                .iter()
                .position(|c| c.name.as_ref().is_some_and(|n| n.0 == *wanted))
        }
        (None, Some(after)) => Some(
            issue
                .columns
                .iter()
                .position(|c| {
                    c.articles
                        .iter()
                        .any(|a| same_title(a.title.as_str(), after))
                })
                .ok_or_else(|| no_such_title(issue, None, after))?,
        ),
        (None, None) => Some(issue.columns.len().saturating_sub(1)),
    };
    let Some(column) = column else {
        let name = wanted.unwrap_or_default();
        if placement.after.is_some() {
            return Err((
                format!("there is no column `{name}` to add the article in after another"),
                format!(
                    "the columns are: {}; leave out --after to open a new column `{name}` at the end",
                    column_names(issue)
                ),
            ));
        }
        return Ok(Target::NewColumn { name: Text(name) });
    };
    let after = match placement.after {
        Some(after) => Some(
            issue.columns[column]
                .articles
                .iter()
                .position(|a| same_title(a.title.as_str(), after))
                .ok_or_else(|| no_such_title(issue, Some(column), after))?,
        ),
        None => None,
    };
    Ok(Target::Existing { column, after })
}

/// The usage error of an `--after` title that is not in the column (or
/// the issue), with the closest title.
fn no_such_title(issue: &Issue, column: Option<usize>, after: &str) -> (String, String) {
    let titles: Vec<&str> = match column {
        Some(c) => issue.columns[c]
            .articles
            .iter()
            .map(|a| a.title.as_str())
            .collect(),
        None => issue.articles().map(|a| a.title.as_str()).collect(),
    };
    let message = match column.and_then(|c| issue.columns[c].name.as_ref()) {
        Some(name) => format!("the column `{}` has no article titled `{after}`", name.0),
        None => format!("the issue has no article titled `{after}`"),
    };
    let hint = match did_you_mean(after, &titles) {
        Some(best) => format!("did you mean `{best}`?"),
        None => format!("the titles are: {}", titles.join("; ")),
    };
    (message, hint)
}

fn column_names(issue: &Issue) -> String {
    let names: Vec<&str> = issue
        .columns
        .iter()
        .filter_map(|c| c.name.as_ref().map(Text::as_str))
        .collect();
    names.join("、")
}

// ── The edit ──

/// Whether the article goes into a flow list (`[…]`).
fn goes_into_flow(text: &str, lists: &Lists, target: &Target) -> bool {
    match target {
        Target::Existing { column, .. } => flow(text, lists.articles[*column].at),
        Target::NewColumn { .. } => lists.columns.as_ref().is_some_and(|c| flow(text, c.at)),
    }
}

/// Where in `text` the new YAML goes (a byte offset) and what it is.
fn insertion(
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
fn flow(text: &str, at: At) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::yaml::read_issue;

    fn submission(title: &str) -> Submission {
        Submission {
            article: Article {
                title: Text(title.to_string()),
                subtitle: None,
                source: Some(Text("（东坪乡文化站供稿）".into())),
                body: vec![
                    Block::Paragraph {
                        lead: None,
                        text: "东坪乡把农家书屋搬进村部大院，晚上也开门。".into(),
                    },
                    Block::Paragraph {
                        lead: Some("延长开放时间。".into()),
                        text: "书屋每天开到晚上九点，方便务工回来的村民借书。".into(),
                    },
                    Block::Photo {
                        path: "s-photo-1.jpg".into(),
                        caption: Some("村民在书屋读书".into()),
                        width: None,
                    },
                ],
            },
            photos: vec![("s-photo-1.jpg".into(), vec![1, 2, 3])],
            comments: vec![(1, "paragraph 3: 一行注记".into())],
            warnings: Vec::new(),
        }
    }

    fn run(text: &str, placement: Placement, taken: &[&str]) -> Result<Added, Refusal> {
        let source = Source {
            name: "i.yaml",
            text,
        };
        let original = read_issue(source.clone(), None).expect("the issue reads");
        add(
            &source,
            None,
            &original,
            &submission("东坪乡：农家书屋夜间开放"),
            &placement,
            &|p| taken.contains(&p),
        )
    }

    /// The edited text is the old one with one block of new lines in it.
    fn only_inserted(old: &str, added: &Added) {
        let start = added
            .text
            .find(&added.block)
            .expect("the block is in the text");
        let mut rebuilt = added.text[..start].to_string();
        rebuilt.push_str(&added.text[start + added.block.len()..]);
        assert_eq!(rebuilt, old);
    }

    const COLUMNS: &str = "# 本期\nname: 测试简报\nunit: 测试办\nnumber: 3\ndate: 2024-01-05\ncolumns:\n  - name: 工作交流   # 主栏目\n    articles:\n      - title: 甲文\n        body:\n          - |-\n            第一段。\n\n      # 乙文是新来的\n      - title: '乙文'\n        body: [\"第二段。\"]\n        # 乙文之后的注记\n  - name: 基层动态\n    articles: [{title: 丙文, body: [第三段。]}]\nfooter:\n  print_run: 100\n";

    #[test]
    fn after_a_title_in_a_block_list() {
        let added = run(
            COLUMNS,
            Placement {
                column: None,
                after: Some("甲文"),
            },
            &[],
        )
        .unwrap();
        only_inserted(COLUMNS, &added);
        // Before the comment that leads 乙文, after the block scalar.
        let at = added.text.find("      # 乙文是新来的").unwrap();
        assert!(
            added.text[..at].ends_with(&format!("{}\n", added.block)),
            "{}",
            added.text
        );
        assert!(
            added
                .block
                .starts_with("      - title: 东坪乡：农家书屋夜间开放\n"),
            "{}",
            added.block
        );
        assert!(
            added
                .block
                .contains("          # jianbao add: paragraph 3: 一行注记\n"),
            "{}",
            added.block
        );
        let titles: Vec<&str> = added.issue.columns[0]
            .articles
            .iter()
            .map(|a| a.title.as_str())
            .collect();
        assert_eq!(titles, ["甲文", "东坪乡：农家书屋夜间开放", "乙文"]);
        assert_eq!(added.place, "column `工作交流`, after `甲文`");
    }

    #[test]
    fn at_the_end_of_a_column_keeps_its_trailing_comment_with_the_last_article() {
        let added = run(
            COLUMNS,
            Placement {
                column: Some("工作交流"),
                after: None,
            },
            &[],
        )
        .unwrap();
        only_inserted(COLUMNS, &added);
        let at = added.text.find("  - name: 基层动态").unwrap();
        assert!(added.text[..at].ends_with(&added.block));
        assert!(added.text[..at].contains("# 乙文之后的注记\n      - title: 东坪乡"));
    }

    #[test]
    fn into_a_flow_list_and_into_a_new_column() {
        let added = run(
            COLUMNS,
            Placement {
                column: Some("【基层动态】"),
                after: None,
            },
            &[],
        )
        .unwrap();
        only_inserted(COLUMNS, &added);
        assert!(
            added
                .block
                .starts_with(", {title: \"东坪乡：农家书屋夜间开放\""),
            "{}",
            added.block
        );
        assert_eq!(added.issue.columns[1].articles.len(), 2);

        let added = run(
            COLUMNS,
            Placement {
                column: Some("经验做法"),
                after: None,
            },
            &[],
        )
        .unwrap();
        only_inserted(COLUMNS, &added);
        assert!(
            added
                .block
                .starts_with("  - name: 经验做法\n    articles:\n      - title: 东坪乡"),
            "{}",
            added.block
        );
        assert!(added.text.contains("第三段。]}]\n  - name: 经验做法"));
        assert_eq!(added.issue.columns.len(), 3);
        assert_eq!(added.place, "a new column `经验做法` at the end");
    }

    #[test]
    fn an_issue_without_columns_and_crlf_line_ends() {
        let text = "name: 测试简报\r\nunit: 测试办\r\nnumber: 3\r\ndate: 2024-01-05\r\narticles:\r\n- title: 甲文\r\n  body:\r\n  - 正文。\r\nfooter: {print_run: 9}";
        let added = run(text, Placement::default(), &[]).unwrap();
        only_inserted(text, &added);
        assert!(
            added.block.starts_with("- title: 东坪乡"),
            "{:?}",
            added.block
        );
        assert!(!added.block.replace("\r\n", "").contains('\n'));
        let Err(Refusal::Usage(f)) = run(
            text,
            Placement {
                column: Some("新栏目"),
                after: None,
            },
            &[],
        ) else {
            panic!("a column for an issue without columns");
        };
        assert!(f.0[0].message.contains("no columns"), "{f}");
        // The last line without its line end.
        let text = "name: 测试简报\nunit: 测试办\nnumber: 3\ndate: 2024-01-05\narticles:\n  - title: 甲文\n    body: [正文。]";
        let added = run(text, Placement::default(), &[]).unwrap();
        assert!(
            added.text.contains("[正文。]\n  - title: 东坪乡"),
            "{}",
            added.text
        );
    }

    #[test]
    fn photos_take_a_free_name_beside_the_others() {
        let text = COLUMNS.replace("body: [\"第二段。\"]", "body: [{photo: images/a.jpg}]");
        let added = run(&text, Placement::default(), &["images/s-photo-1.jpg"]).unwrap();
        assert_eq!(added.photos[0].0, "images/s-photo-1-2.jpg");
        assert!(added.block.contains("photo: \"images/s-photo-1-2.jpg\""));
        let added = run(COLUMNS, Placement::default(), &[]).unwrap();
        assert_eq!(added.photos[0].0, "s-photo-1.jpg");
    }

    #[test]
    fn titles_that_are_not_there_and_titles_that_are() {
        let Err(Refusal::Usage(f)) = run(
            COLUMNS,
            Placement {
                column: None,
                after: Some("甲"),
            },
            &[],
        ) else {
            panic!("no such title");
        };
        assert_eq!(f.0[0].message, "the issue has no article titled `甲`");
        let Err(Refusal::Usage(f)) = run(
            COLUMNS,
            Placement {
                column: Some("基层动态"),
                after: Some("甲文"),
            },
            &[],
        ) else {
            panic!("not in that column");
        };
        assert!(
            f.0[0]
                .message
                .contains("the column `基层动态` has no article"),
            "{f}"
        );
        let Err(Refusal::Usage(_)) = run(
            COLUMNS,
            Placement {
                column: Some("新栏"),
                after: Some("甲文"),
            },
            &[],
        ) else {
            panic!("after in a new column");
        };
        let text = COLUMNS.replace("甲文", "东坪乡：农家书屋夜间开放");
        let Err(Refusal::Invalid(f)) = run(&text, Placement::default(), &[]) else {
            panic!("the same title twice");
        };
        assert!(f.0[0].message.contains("already has"), "{f}");
        assert_eq!(f.0[0].position.as_ref().unwrap().line, 9);
    }
}
