//! Where the lists of columns and articles stand in its source:
//! the line, column and byte offset of each list and of each entry.

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_saphyr::Spanned;

use crate::read::yaml::Source;

/// The lists of columns and articles as serde-saphyr sees them,
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
pub(super) struct At {
    pub(super) line: usize,
    pub(super) column: usize,
    pub(super) offset: usize,
}

/// A list in the source: where it starts and where its entries start.
#[derive(Debug, Clone)]
pub(super) struct List {
    pub(super) at: At,
    pub(super) items: Vec<At>,
}

/// The lists of an issue's source.
#[derive(Debug, Clone)]
pub(super) struct Lists {
    /// The list of columns (`None` for an issue of `articles:` alone).
    pub(super) columns: Option<List>,
    /// The list of articles of each column of the model, in order.
    pub(super) articles: Vec<List>,
}

impl Lists {
    /// The lists of `source`, which reads as an issue of `columns` columns.
    pub(super) fn of(source: &Source, columns: usize) -> Result<Lists, String> {
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
