//! `jianbao import`: a past issue's text back to a YAML source.

use std::fs;
use std::io::{self, Read};
use std::path::Path;

use jianbao::diag::{Diagnostic, io_reason};
use jianbao::input::Input;
use jianbao::messages::localise;
use jianbao::render::Output;

use super::{Failed, Reporter, Result, emit, output_path};
use crate::cli::ImportArgs;

/// Runs `jianbao import`.
pub fn run(args: &ImportArgs, reporter: &Reporter) -> Result {
    if args.input.is_dir() {
        return archive(args, reporter);
    }
    let input = Input::from_arg(&args.input);
    let name = input.name();
    let bytes = match &input {
        Input::Path(path) => fs::read(path),
        Input::Stdin => {
            let mut bytes = Vec::new();
            io::stdin().read_to_end(&mut bytes).map(|_| bytes)
        }
    }
    .map_err(|err| {
        Failed::trouble(Diagnostic::error(
            Some(&name),
            format!("failed to read the text ({})", io_reason(&err)),
        ))
    })?;
    let output = output_path(args.output.as_deref(), &input, "yaml");
    if let Some(out) = &output
        && out.exists()
        && !args.force
    {
        return Err(Failed::trouble(
            Diagnostic::error(Some(&out.display().to_string()), "the output file exists")
                .hint("give --force to overwrite it, or another -o FILE"),
        ));
    }
    let options = jianbao::import::Options {
        text: jianbao::read::text::ImportOptions {
            leads: !args.no_leads,
        },
        strict: args.strict,
    };
    let stem = output
        .as_deref()
        .or(match &input {
            Input::Path(path) => Some(path.as_path()),
            Input::Stdin => None,
        })
        .and_then(|p| p.file_stem())
        .map_or("issue".to_string(), |s| s.to_string_lossy().into_owned());
    let imported =
        match jianbao::import::any_file(&bytes, &name, &stem, &options).map_err(Failed::invalid)? {
            jianbao::import::Any::Bulletin(imported) => imported,
            // A 公文 has no photos to write beside it.
            jianbao::import::Any::Gongwen(imported) => {
                reporter.report(&imported.warnings);
                return emit(
                    output.as_deref(),
                    &Output::File(imported.yaml.into_bytes()),
                    "YAML",
                );
            }
        };
    reporter.report(&imported.warnings);
    // Photos go beside the YAML; with the YAML on standard output they
    // cannot, and the YAML names files that are not there.
    match output
        .as_deref()
        .map(|o| o.parent().unwrap_or(Path::new("")))
    {
        Some(folder) => {
            for (file, bytes) in &imported.files {
                let path = folder.join(file);
                if path.exists() && !args.force {
                    return Err(Failed::trouble(
                        Diagnostic::error(
                            Some(&path.display().to_string()),
                            "the photo file exists",
                        )
                        .hint("give --force to overwrite it, or another -o FILE"),
                    ));
                }
                jianbao::output::write_atomically(&path, bytes).map_err(|err| {
                    Failed::trouble(Diagnostic::error(
                        Some(&path.display().to_string()),
                        format!("failed to write {} file ({})", "photo", io_reason(&err)),
                    ))
                })?;
            }
        }
        None if !imported.files.is_empty() => reporter.report(&[Diagnostic::warning(
            Some(&name),
            format!(
                "{} photos are not written: the YAML goes to standard output",
                imported.files.len()
            ),
        )
        .hint("give -o FILE to write the YAML and its photos into a folder")]),
        None => {}
    }
    emit(
        output.as_deref(),
        &Output::File(imported.yaml.into_bytes()),
        "YAML",
    )
}

/// Writes the photos of an import into `folder`.
fn write_photos(folder: &Path, files: &[(String, Vec<u8>)], force: bool) -> Result {
    for (file, bytes) in files {
        let path = folder.join(file);
        if path.exists() && !force {
            return Err(Failed::trouble(
                Diagnostic::error(Some(&path.display().to_string()), "the photo file exists")
                    .hint("give --force to overwrite it, or another -o FILE"),
            ));
        }
        write(&path, bytes, "photo")?;
    }
    Ok(())
}

fn write(path: &Path, bytes: &[u8], kind: &str) -> Result {
    if let Some(parent) = path.parent() {
        let _ = fs::create_dir_all(parent);
    }
    jianbao::output::write_atomically(path, bytes).map_err(|err| {
        Failed::trouble(Diagnostic::error(
            Some(&path.display().to_string()),
            format!("failed to write {} file ({})", kind, io_reason(&err)),
        ))
    })
}

/// `jianbao import DIR --out-dir OUT`: a folder of past issues, in parallel,
/// each to OUT/<its path>.yaml with its photos beside it; a summary; with
/// --series a series.yaml of what they share.
fn archive(args: &ImportArgs, reporter: &Reporter) -> Result {
    let Some(out_dir) = &args.out_dir else {
        return Err(Failed::trouble(
            Diagnostic::error(
                Some(&args.input.display().to_string()),
                "this is a folder: importing one needs --out-dir",
            )
            .hint("give --out-dir DIR to import every issue in it"),
        ));
    };
    let dir = &args.input;
    let (files, left) = jianbao::import::archive_files(dir, Some(out_dir)).map_err(|err| {
        Failed::trouble(Diagnostic::error(
            Some(&dir.display().to_string()),
            format!("failed to open the issue's folder ({})", io_reason(&err)),
        ))
    })?;
    for (path, why) in &left {
        reporter.report(&[Diagnostic::warning(
            Some(&dir.join(path).display().to_string()),
            format!("skipped: {why}"),
        )]);
    }
    let options = jianbao::import::Options {
        text: jianbao::read::text::ImportOptions {
            leads: !args.no_leads,
        },
        strict: args.strict,
    };
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let items = jianbao::import::archive(dir, &files, &options, jobs);
    let (mut clean, mut warned, mut failed) = (0, 0, 0);
    let mut issues = Vec::new();
    // A file that failed: what stopped it, then one line naming it.
    let fail = |path: &Path, diagnostics: &[Diagnostic]| {
        reporter.report(diagnostics);
        reporter.status(&localise(&format!("failed: {}", path.display())));
    };
    for item in items {
        match item.result {
            Ok(imported) => {
                let yaml = out_dir.join(&item.path).with_extension("yaml");
                if yaml.exists() && !args.force {
                    failed += 1;
                    fail(
                        &item.path,
                        &[Diagnostic::error(
                            Some(&yaml.display().to_string()),
                            "the output file exists",
                        )
                        .hint("give --force to overwrite it, or another -o FILE")],
                    );
                    continue;
                }
                let folder = yaml.parent().unwrap_or(out_dir);
                if let Err(failure) = write_photos(folder, imported.files(), args.force)
                    .and_then(|()| write(&yaml, imported.yaml().as_bytes(), "YAML"))
                {
                    failed += 1;
                    fail(&item.path, &failure.diagnostics);
                    continue;
                }
                if imported.warnings().is_empty() {
                    clean += 1;
                } else {
                    warned += 1;
                    reporter.report(imported.warnings());
                }
                // The shared series file is of the issues (a 公文 has its office file).
                if let jianbao::import::Any::Bulletin(imported) = imported {
                    issues.push(imported.issue);
                }
            }
            Err(failure) => {
                failed += 1;
                fail(&item.path, &failure.0);
            }
        }
    }
    if args.series
        && let Some(series) = jianbao::import::shared_series(&issues)
    {
        let path = out_dir.join("series.yaml");
        if path.exists() && !args.force {
            return Err(Failed::trouble(
                Diagnostic::error(Some(&path.display().to_string()), "the output file exists")
                    .hint("give --force to overwrite it, or another -o FILE"),
            ));
        }
        write(&path, series.as_bytes(), "YAML")?;
    }
    reporter.status(&localise(&format!(
        "imported {} of {} files: {} clean, {} with warnings, {} failed",
        clean + warned,
        clean + warned + failed,
        clean,
        warned,
        failed
    )));
    if failed > 0 {
        return Err(Failed {
            exit: jianbao::diag::Exit::Invalid,
            diagnostics: Vec::new(),
        });
    }
    Ok(())
}
