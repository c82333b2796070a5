//! `jianbao add`: a submitted article into an issue, the issue file edited
//! in place (atomically, every other byte kept) and the photos written
//! beside the issue's others under names no file has.

use std::fs;
use std::path::{Path, PathBuf};

use jianbao::add::{self, Placement, Refusal};
use jianbao::diag::{Diagnostic, Exit, io_reason};
use jianbao::input::{self, Input};
use jianbao::messages::localise;
use jianbao::read::submission;
use jianbao::read::yaml::Source;

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

    let source = Source {
        name: &loaded.name,
        text: &loaded.text,
    };
    let series = loaded.series.as_ref().map(|(path, text)| Source {
        name: path.to_str().unwrap_or("series.yaml"),
        text,
    });
    let placement = Placement {
        column: args.column.as_deref(),
        after: args.after.as_deref(),
    };
    let folder = loaded.folder.clone();
    let taken = |path: &str| fs::symlink_metadata(folder.join(path)).is_ok();
    let added = add::add(
        &source,
        series.as_ref(),
        &loaded.issue,
        &read,
        &placement,
        &taken,
    )
    .map_err(|refusal| match refusal {
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

    let mut written: Vec<PathBuf> = Vec::new();
    let undo = |written: &[PathBuf]| {
        for path in written {
            let _ = fs::remove_file(path);
        }
    };
    for (path, bytes) in &added.photos {
        let target = loaded.folder.join(path);
        if let Err(err) = jianbao::output::write_new(&target, bytes) {
            undo(&written);
            return Err(Failed::trouble(
                Diagnostic::error(
                    Some(&target.display().to_string()),
                    format!("failed to write photo file ({})", io_reason(&err)),
                )
                .hint("the issue file is left as it was"),
            ));
        }
        written.push(target);
    }
    // The file as it was read, or another program changed it meanwhile.
    let now = fs::read(&args.issue).unwrap_or_default();
    if now != loaded.text.as_bytes() {
        undo(&written);
        return Err(Failed::trouble(
            Diagnostic::error(
                Some(&loaded.name),
                "the issue file changed while the article was being added",
            )
            .hint("run jianbao add again"),
        ));
    }
    let permissions = fs::metadata(&args.issue).map(|m| m.permissions()).ok();
    if let Err(err) = jianbao::output::write_atomically(&args.issue, added.text.as_bytes()) {
        undo(&written);
        return Err(Failed::trouble(Diagnostic::error(
            Some(&loaded.name),
            format!("failed to write the issue file ({})", io_reason(&err)),
        )));
    }
    // The edited file keeps the permissions the old one had.
    if let Some(permissions) = permissions {
        let _ = fs::set_permissions(&args.issue, permissions);
    }
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
