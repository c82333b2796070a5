//! YAML source → model: an issue file, optionally under a series file.
//!
//! serde-saphyr parses (duplicate keys rejected, BOM accepted, budgets against
//! alias bombs and deep nesting); every error it or a model type raises comes
//! back as a [`Diagnostic`] at the offending line and column. Typing slips of
//! a Chinese keyboard (a full-width colon after a key, full-width spaces or
//! tabs in the indentation) are recognised and named. No file system access:
//! the caller hands in the texts.

use serde::Deserialize;
use serde_saphyr::{Error as YamlError, MessageFormatter};

use crate::diag::{Diagnostic, Failure, Position, did_you_mean};
use crate::model::{Article, Column, Count, Date, Footer, Issue, Kind, Style, Text};

/// The name of the series file an issue inherits from, in the issue's folder.
pub const SERIES_FILE: &str = "series.yaml";

/// Whether a file of this name holds an issue or a 公文: a `.yaml` or
/// `.yml` file other than the series and office files. Hidden files are not
/// sources.
pub fn is_issue_file(name: &str) -> bool {
    (name.ends_with(".yaml") || name.ends_with(".yml"))
        && name != SERIES_FILE
        && name != super::gongwen::OFFICE_FILE
        && !name.starts_with('.')
}

/// A YAML text and the name to show for it in diagnostics.
#[derive(Debug, Clone)]
pub struct Source<'a> {
    /// The file as the user named it (`-` for standard input).
    pub name: &'a str,
    /// Its contents.
    pub text: &'a str,
}

/// Reads an issue, filling unset settings from its series file if there is one.
pub fn read_issue(issue: Source, series: Option<Source>) -> Result<Issue, Failure> {
    let base = match &series {
        Some(series) => {
            let doc = parse(series)?;
            check_series_only_settings(series, &doc)?;
            doc
        }
        None => Document::default(),
    };
    let doc = parse(&issue)?;
    let merged = doc.inherit(base);
    complete(merged, &issue, series.as_ref().map(|s| s.name))
}

/// Checks a series file on its own: it reads, and holds only settings that
/// every issue may share.
pub fn read_series(series: Source) -> Result<(), Failure> {
    let doc = parse(&series)?;
    check_series_only_settings(&series, &doc)
}

/// Everything a source file may hold; unset fields are inherited or missing.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Document {
    handling_mark: Option<Text>,
    copy_number: Option<Text>,
    name: Option<Text>,
    kind: Option<Kind>,
    number: Option<Count>,
    total_number: Option<Count>,
    unit: Option<Text>,
    date: Option<Date>,
    editor_note: Option<Text>,
    columns: Option<Vec<Column>>,
    articles: Option<Vec<Article>>,
    footer: Option<Footer>,
    style: Option<Style>,
}

/// Keys that describe one issue: they cannot stand in a series file, and
/// `jianbao new` writes them afresh for the next issue.
pub const PER_ISSUE_KEYS: &[&str] = &[
    "number",
    "total_number",
    "date",
    "editor_note",
    "columns",
    "articles",
    "kind",
];

impl Document {
    /// This document with every unset field taken from `base`.
    fn inherit(self, base: Document) -> Document {
        Document {
            handling_mark: self.handling_mark.or(base.handling_mark),
            copy_number: self.copy_number.or(base.copy_number),
            name: self.name.or(base.name),
            kind: self.kind.or(base.kind),
            number: self.number.or(base.number),
            total_number: self.total_number.or(base.total_number),
            unit: self.unit.or(base.unit),
            date: self.date.or(base.date),
            editor_note: self.editor_note.or(base.editor_note),
            columns: self.columns.or(base.columns),
            articles: self.articles.or(base.articles),
            footer: match (self.footer, base.footer) {
                (Some(own), Some(base)) => Some(own.inherit(base)),
                (own, base) => own.or(base),
            },
            style: match (self.style, base.style) {
                (Some(own), Some(base)) => Some(own.inherit(base)),
                (own, base) => own.or(base),
            },
        }
    }

    fn set_issue_only_keys(&self) -> Vec<&'static str> {
        let set = [
            self.number.is_some(),
            self.total_number.is_some(),
            self.date.is_some(),
            self.editor_note.is_some(),
            self.columns.is_some(),
            self.articles.is_some(),
            self.kind.is_some(),
        ];
        PER_ISSUE_KEYS
            .iter()
            .zip(set)
            .filter(|(_, set)| *set)
            .map(|(k, _)| *k)
            .collect()
    }
}

/// Parses one file into a [`Document`].
fn parse(source: &Source) -> Result<Document, Failure> {
    parse_as(source)
}

/// Parses one file into `T` (a blank file is `T::default()`), with the
/// budgets and the located, explained errors of every source file.
pub(crate) fn parse_as<T: serde::de::DeserializeOwned + Default>(
    source: &Source,
) -> Result<T, Failure> {
    if is_blank(source.text) {
        return Ok(T::default());
    }
    let options = serde_saphyr::options! {
        with_snippet: false,
        budget: serde_saphyr::budget! {
            max_depth: 32,
            max_aliases: 1_000,
            max_anchors: 1_000,
            max_nodes: 200_000,
            max_total_scalar_bytes: 16 << 20,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: 100_000,
            max_alias_expansions_per_anchor: 100,
        },
    };
    serde_saphyr::from_str_with_options(source.text, options)
        .map_err(|error| explain(source, &error))
}

/// Whether a file holds nothing but whitespace and comments.
fn is_blank(text: &str) -> bool {
    text.trim_start_matches('\u{FEFF}')
        .lines()
        .map(str::trim)
        .all(|line| line.is_empty() || line.starts_with('#') || line == "---")
}

/// Turns a parser or model error into diagnostics, preferring a keyboard slip
/// near the reported place (up to two lines before it, or the line after it:
/// a scanner may stop at the end of the line before) as the cause.
fn explain(source: &Source, error: &YamlError) -> Failure {
    let error = error.without_snippet();
    let at = error
        .location()
        .map(|l| (l.line() as usize, l.column() as usize));
    let slips = keyboard_slips(source);
    let slips: Vec<Diagnostic> = slips
        .into_iter()
        .filter(|d| match (&d.position, at) {
            (Some(p), Some((line, _))) => line.saturating_sub(2) <= p.line && p.line <= line + 1,
            _ => true,
        })
        .collect();
    if !slips.is_empty() {
        return Failure(slips);
    }
    let mut diagnostic = describe(source, error);
    if let Some((line, column)) = at {
        diagnostic = diagnostic.at(Position::in_source(source.text, line, column));
    }
    diagnostic.into()
}

/// The message and hints for one serde-saphyr error.
fn describe(source: &Source, error: &YamlError) -> Diagnostic {
    let file = Some(source.name);
    match error {
        YamlError::SerdeUnknownField {
            field, expected, ..
        } => {
            let diagnostic = Diagnostic::error(file, format!("unknown key `{field}`"));
            match did_you_mean(field, expected) {
                Some(best) => diagnostic.hint(format!("did you mean `{best}`?")),
                None => diagnostic.hint(format!(
                    "the keys allowed here are: {}",
                    expected.join(", ")
                )),
            }
        }
        YamlError::SerdeMissingField { field, .. } => {
            Diagnostic::error(file, format!("missing key `{field}`"))
                .hint(format!("add `{field}:` with its value to this mapping"))
        }
        YamlError::SerdeInvalidType {
            unexpected,
            expected,
            ..
        } => Diagnostic::error(
            file,
            format!("wrong type: found {unexpected}, expected {expected}"),
        ),
        YamlError::InvalidScalar { ty, .. } => {
            Diagnostic::error(file, format!("this value is not a valid {ty}"))
        }
        YamlError::DuplicateMappingKey { key, .. } => Diagnostic::error(
            file,
            match key {
                Some(key) => format!("duplicate key `{key}`"),
                None => "duplicate key".to_string(),
            },
        )
        .hint(
            "a key may appear only once in a mapping: remove this one or merge it with the first",
        ),
        YamlError::Message { msg, .. } => Diagnostic::error(file, msg.clone()),
        YamlError::ExternalMessage { msg, .. } => {
            Diagnostic::error(file, format!("YAML syntax error: {msg}"))
                .hint("check the indentation and that each key is followed by `: `")
        }
        YamlError::Budget { .. }
        | YamlError::AliasReplayLimitExceeded { .. }
        | YamlError::AliasExpansionLimitExceeded { .. }
        | YamlError::AliasReplayStackDepthExceeded { .. } => Diagnostic::error(
            file,
            format!(
                "the file goes past a safety limit ({})",
                serde_saphyr::DefaultMessageFormatter.format_message(error)
            ),
        )
        .hint("a bulletin needs no deep nesting and few anchors; simplify the file"),
        _ => Diagnostic::error(
            file,
            serde_saphyr::DefaultMessageFormatter
                .format_message(error)
                .into_owned(),
        ),
    }
}

/// Full-width colons after keys, full-width spaces or tabs in indentation.
fn keyboard_slips(source: &Source) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for (index, line) in source
        .text
        .trim_start_matches('\u{FEFF}')
        .lines()
        .enumerate()
    {
        let number = index + 1;
        let indent: String = line
            .chars()
            .take_while(|c| matches!(c, ' ' | '\t' | '\u{3000}'))
            .collect();
        if let Some(column) = indent.chars().position(|c| c == '\u{3000}') {
            found.push(
                Diagnostic::error(Some(source.name), "full-width space (U+3000) in the indentation")
                    .at(Position::in_source(source.text, number, column + 1))
                    .hint("indent with ordinary half-width spaces; switch the input method to half-width (半角) mode"),
            );
            continue;
        }
        if let Some(column) = indent.chars().position(|c| c == '\t') {
            found.push(
                Diagnostic::error(Some(source.name), "tab in the indentation")
                    .at(Position::in_source(source.text, number, column + 1))
                    .hint("YAML indents with spaces only; replace the tab with spaces"),
            );
            continue;
        }
        let rest = &line[indent.len()..];
        let rest = rest.strip_prefix("- ").map_or(rest, str::trim_start);
        let key_len = rest
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
            .count();
        if key_len == 0 || !rest.as_bytes()[0].is_ascii_alphabetic() {
            continue;
        }
        let after_key = rest[key_len..].trim_start_matches(' ');
        if after_key.starts_with('：') {
            let key = &rest[..key_len];
            let column = line[..line.len() - after_key.len()].chars().count() + 1;
            found.push(
                Diagnostic::error(
                    Some(source.name),
                    format!("full-width colon `：` after the key `{key}`"),
                )
                .at(Position::in_source(source.text, number, column))
                .hint(format!("write a half-width colon and a space: `{key}: `")),
            );
        }
    }
    found
}

/// Checks that a series file holds only settings shared by every issue.
fn check_series_only_settings(series: &Source, doc: &Document) -> Result<(), Failure> {
    let misplaced: Vec<Diagnostic> = doc
        .set_issue_only_keys()
        .into_iter()
        .map(|key| {
            let diagnostic = Diagnostic::error(
                Some(series.name),
                format!("`{key}` describes one issue and cannot be set in {SERIES_FILE}"),
            )
            .hint("move it into the issue file");
            match find_key(series.text, key) {
                Some(position) => diagnostic.at(position),
                None => diagnostic,
            }
        })
        .collect();
    if misplaced.is_empty() {
        Ok(())
    } else {
        Err(Failure(misplaced))
    }
}

/// The position of a top-level `key:` in a YAML text.
pub(crate) fn find_key(text: &str, key: &str) -> Option<Position> {
    let prefix = format!("{key}:");
    text.trim_start_matches('\u{FEFF}')
        .lines()
        .position(|line| line.starts_with(&prefix))
        .map(|index| Position::in_source(text, index + 1, 1))
}

/// Checks that the merged document is a whole issue and builds the model.
fn complete(doc: Document, issue: &Source, series: Option<&str>) -> Result<Issue, Failure> {
    let mut missing = Vec::new();
    let mut require = |present: bool, key: &str, example: &str, inheritable: bool| {
        if !present {
            let line = format!("{key}: {example}");
            let hint = match (inheritable, series) {
                (true, Some(series)) => format!("add `{line}` to the issue file or to {series}"),
                (true, None) => {
                    format!("add `{line}` to the issue file (or to a series.yaml beside it)")
                }
                (false, _) => format!("add `{line}` to the issue file"),
            };
            missing.push(
                Diagnostic::error(Some(issue.name), format!("missing key `{key}`")).hint(hint),
            );
        }
    };
    require(doc.name.is_some(), "name", "某某工作简报", true);
    require(doc.unit.is_some(), "unit", "某某办公室", true);
    require(doc.number.is_some(), "number", "1", false);
    require(doc.date.is_some(), "date", "2024-09-20", false);
    require(
        doc.columns.is_some() || doc.articles.is_some(),
        "columns",
        "[{name: 工作交流, articles: [...]}]",
        false,
    );
    if doc.columns.is_some() && doc.articles.is_some() {
        let diagnostic =
            Diagnostic::error(Some(issue.name), "both `columns` and `articles` are set").hint(
                "use `columns` when the issue has 栏目, or `articles` alone when it has none",
            );
        missing.push(match find_key(issue.text, "articles") {
            Some(position) => diagnostic.at(position),
            None => diagnostic,
        });
    }
    let (Some(name), Some(unit), Some(number), Some(date)) =
        (doc.name, doc.unit, doc.number, doc.date)
    else {
        return Err(Failure(missing));
    };
    if !missing.is_empty() {
        return Err(Failure(missing));
    }
    let columns = match (doc.columns, doc.articles) {
        (Some(columns), None) => columns,
        (None, Some(articles)) => vec![Column {
            name: None,
            articles,
        }],
        _ => unreachable!("checked above"),
    };
    if columns.iter().all(|c| c.articles.is_empty()) {
        let diagnostic = Diagnostic::error(Some(issue.name), "the issue has no articles")
            .hint("add at least one article with a `title` and a `body`");
        return Err(match find_key(issue.text, "columns")
            .or_else(|| find_key(issue.text, "articles"))
        {
            Some(position) => diagnostic.at(position),
            None => diagnostic,
        }
        .into());
    }
    Ok(Issue {
        handling_mark: doc.handling_mark.map(|t| t.0),
        copy_number: doc.copy_number.map(|t| t.0),
        name: name.0,
        kind: doc.kind.unwrap_or_default(),
        number: number.0,
        total_number: doc.total_number.map(|n| n.0),
        unit: unit.0,
        date,
        editor_note: doc.editor_note.map(|t| t.0),
        columns,
        footer: doc.footer.unwrap_or_default(),
        style: doc.style.unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Issue, Failure> {
        read_issue(
            Source {
                name: "t.yaml",
                text,
            },
            None,
        )
    }

    const MINIMAL: &str = "name: 测试简报\nunit: 测试办\nnumber: 3\ndate: 2024-01-05\narticles:\n  - title: 标题\n    body: [正文。]\n";

    #[test]
    fn a_minimal_issue_reads() {
        let issue = read(MINIMAL).unwrap();
        assert_eq!(issue.number, 3);
        assert_eq!(issue.columns.len(), 1);
        assert_eq!(issue.columns[0].name, None);
    }

    #[test]
    fn full_width_colon_after_a_key_is_named_at_its_column() {
        let text = MINIMAL.replace("unit: 测试办", "unit：测试办");
        let failure = read(&text).unwrap_err();
        let d = &failure.0[0];
        assert_eq!(d.message, "full-width colon `：` after the key `unit`");
        let p = d.position.as_ref().unwrap();
        assert_eq!((p.line, p.column), (2, 5));
    }

    #[test]
    fn a_full_width_colon_inside_a_title_is_fine() {
        let text = MINIMAL.replace("title: 标题", "title: 某市：标题");
        assert_eq!(
            read(&text).unwrap().columns[0].articles[0].title.0,
            "某市：标题"
        );
    }

    #[test]
    fn series_settings_are_inherited_and_overridable() {
        let series =
            "name: 系列简报\nunit: 系列办\nfooter:\n  report_to: [甲, 乙]\n  print_run: 300\n";
        let issue = "number: 1\ndate: 2024-01-05\nfooter: {print_run: 100}\narticles: [{title: 标题, body: [正文。]}]\n";
        let issue = read_issue(
            Source {
                name: "i.yaml",
                text: issue,
            },
            Some(Source {
                name: "series.yaml",
                text: series,
            }),
        )
        .unwrap();
        assert_eq!(issue.name, "系列简报");
        assert_eq!(issue.footer.print_run, Some(Count(100)));
        assert_eq!(issue.footer.report_to.unwrap().0, ["甲", "乙"]);
    }
}
