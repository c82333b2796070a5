//! Adding a submitted article to an issue (`jianbao add`): where it goes
//! (the named column, a new column at the end, or the issue's only list;
//! after the named title or at the end), its YAML inserted into the issue's
//! source as text — every byte of the source kept, comments, order and
//! quoting included — its photos given names no file has, and the edited
//! source read back and compared with the issue plus the article before
//! anyone writes it. [`add`] touches no file: the caller says which names
//! are taken and writes the files; [`add_to`] asks a loaded issue's folder.

mod edit;
mod outline;
mod target;
#[cfg(test)]
mod tests;

use crate::diag::{Diagnostic, Failure, Position};
use crate::input::Loaded;
use crate::model::{Article, Block, Column, Issue};
use crate::read::submission::Submission;
use crate::read::yaml::{self, Source};
use edit::{goes_into_flow, insertion};
use outline::Lists;
use target::{Target, target};

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

/// [`add`] to a loaded issue: its source and series file as read, a name
/// taken when a file (or a link) of that name is in the issue's folder.
pub fn add_to(
    loaded: &Loaded,
    submission: &Submission,
    placement: &Placement,
) -> Result<Added, Refusal> {
    let source = Source {
        name: &loaded.name,
        text: &loaded.text,
    };
    let series = loaded.series.as_ref().map(|(path, text)| Source {
        name: path.to_str().unwrap_or("series.yaml"),
        text,
    });
    let taken = |path: &str| std::fs::symlink_metadata(loaded.folder.join(path)).is_ok();
    add(
        &source,
        series.as_ref(),
        &loaded.issue,
        submission,
        placement,
        &taken,
    )
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
