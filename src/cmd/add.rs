//! `jianbao add`: a submitted article into an issue, the issue file edited
//! in place (atomically, every other byte kept) and the photos written
//! beside the issue's others under names no file has.

use std::fs;
use std::path::Path;

use jianbao::add::{self, Placement, Refusal};
use jianbao::diag::{Diagnostic, Exit, io_reason};
use jianbao::input::{self, Input};
use jianbao::messages::localise;
use jianbao::read::submission;

use super::{Failed, Reporter, Result, print_quietly};
use crate::cli::AddArgs;

/// Runs `jianbao add`.
pub fn run(args: &AddArgs, reporter: &Reporter) -> Result {
    if args.issue == Path::new("-") {
        return Err(Failed::trouble(
            Diagnostic::error(
                None,
                "the issue to add to cannot be standard input: it is edited in place",
            )
            .hint("name the issue's YAML file"),
        ));
    }
    let sub_name = args.submission.display().to_string();
    let bytes = read_submission(&args.submission, &sub_name)?;

    let loaded = input::load(&Input::Path(args.issue.clone())).map_err(|err| {
        let mut failed = Failed::from(err);
        if failed.exit == Exit::Invalid {
            failed.diagnostics.push(not_edited(&args.issue));
        }
        failed
    })?;
    let problems = input::check_photos(&loaded);
    if !problems.is_empty() {
        let mut diagnostics = problems;
        diagnostics.push(not_edited(&args.issue));
        return Err(Failed {
            exit: Exit::Invalid,
            diagnostics,
        });
    }

    let stem = args
        .submission
        .file_stem()
        .map_or("article".to_string(), |s| s.to_string_lossy().into_owned());
    let kind = jianbao::import::kind(&bytes);
    let read = submission::read(&bytes, kind, &sub_name, &stem).map_err(Failed::invalid)?;
    if args.strict {
        jianbao::diag::strict(read.warnings.clone()).map_err(Failed::invalid)?;
    }
    reporter.report(&read.warnings);

    let placement = Placement {
        column: args.column.as_deref(),
        after: args.after.as_deref(),
    };
    let added = add::add_to(&loaded, &read, &placement).map_err(|refusal| match refusal {
        Refusal::Usage(failure) => Failed::trouble_all(failure.0),
        Refusal::Invalid(failure) => Failed::invalid(failure),
    })?;

    reporter.report(&added.warnings);
    let title = &read.article.title.0;
    let first = added.line;
    let last = first + added.block.trim_end().matches('\n').count();
    let photos: Vec<&str> = added.photos.iter().map(|(p, _)| p.as_str()).collect();
    let photos = photos.join(", ");
    let (place, issue) = (&added.place, &loaded.name);
    if args.dry_run {
        tell(
            reporter,
            localise(&format!(
                "would add `{title}` to {place} of {issue}, lines {first} to {last}; nothing is written"
            )),
            localise(&format!("would write the photos {photos}")),
            &photos,
        );
        return print_quietly(added.block.as_bytes());
    }

    jianbao::output::write_added(
        &args.issue,
        &loaded.folder,
        &loaded.name,
        &loaded.text,
        &added,
    )
    .map_err(Failed::trouble)?;
    tell(
        reporter,
        localise(&format!(
            "added `{title}` to {place} of {issue}, lines {first} to {last}"
        )),
        localise(&format!("wrote the photos {photos}")),
        &photos,
    );
    Ok(())
}

/// Says where the article went and, when there are `photos`, which were
/// written.
fn tell(reporter: &Reporter, article: String, written: String, photos: &str) {
    reporter.status(&article);
    if !photos.is_empty() {
        reporter.status(&written);
    }
}

/// The error added to an issue's own errors: nothing was changed.
fn not_edited(issue: &Path) -> Diagnostic {
    Diagnostic::error(
        Some(&issue.display().to_string()),
        "the issue has errors, so the article is not added",
    )
    .hint("fix the errors above (jianbao check shows them all), then add the article again")
}

/// The submission's bytes: a regular file only (a pipe would never end).
fn read_submission(path: &Path, name: &str) -> std::result::Result<Vec<u8>, Failed> {
    let failed = |err: std::io::Error| {
        Failed::trouble(Diagnostic::error(
            Some(name),
            format!("failed to read the submission ({})", io_reason(&err)),
        ))
    };
    let meta = fs::metadata(path).map_err(failed)?;
    if !meta.is_file() {
        return Err(Failed::trouble(
            Diagnostic::error(Some(name), "the submission is not a file")
                .hint("name the submitted article's .docx, .pdf or .txt file"),
        ));
    }
    fs::read(path).map_err(failed)
}
