//! Which column, and after which article, the new article goes.

use super::{Placement, same_title};
use crate::diag::did_you_mean;
use crate::model::{Issue, Text};

/// Where the article goes.
#[derive(Debug, Clone)]
pub(super) enum Target {
    /// Into column `column` of the model, after its article `after` (else
    /// at its end).
    Existing { column: usize, after: Option<usize> },
    /// A new column of this name at the end.
    NewColumn { name: Text },
}

/// Where `placement` puts the article in `issue`; a usage error's message
/// and hint when it names what is not there.
pub(super) fn target(
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
