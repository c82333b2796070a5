//! Batch runs: every issue found under the inputs, each to every requested
//! format, in parallel over one shared environment; one bad issue never stops
//! the rest; outputs whose inputs have not changed are skipped.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::diag::{Diagnostic, Exit, Failure, io_reason};
use crate::incremental;
use crate::input::{self, Input};
use crate::output::{self, same_file};
use crate::read::yaml::{SERIES_FILE, is_issue_file};
use crate::render::{self, Format, RenderOptions};
use crate::typeset::Environment;

/// One issue and the outputs to make of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// The issue's YAML file.
    pub input: PathBuf,
    /// Each format and where it goes.
    pub outputs: Vec<(Format, PathBuf)>,
}

/// Finds the issues under `inputs` (files, or folders searched recursively for
/// `*.yaml` except `series.yaml` and hidden folders), sorted by path, and
/// plans their outputs: mirrored under `out_dir`, or beside each issue.
pub fn discover(
    inputs: &[PathBuf],
    out_dir: Option<&Path>,
    formats: &[Format],
) -> Result<Vec<Job>, Vec<Diagnostic>> {
    let mut found: Vec<(PathBuf, PathBuf)> = Vec::new(); // (issue, path relative to its base)
    let mut problems = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut files = Vec::new();
            walk(input, out_dir, &mut files);
            for file in files {
                let rel = file.strip_prefix(input).unwrap_or(&file).to_path_buf();
                found.push((file, rel));
            }
        } else if input.is_file() {
            let name = input.file_name().unwrap_or_default();
            // `jianbao build *.yaml` in a series folder: the series file is
            // inherited, not built.
            if name == SERIES_FILE && inputs.len() > 1 {
                continue;
            }
            found.push((input.clone(), PathBuf::from(name)));
        } else {
            problems.push(Diagnostic::error(
                Some(&input.display().to_string()),
                "no such file or folder",
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    found.sort();
    found.dedup_by(|a, b| a.0 == b.0);
    // Two issues may not write the same output (a.yaml and a.yml, or files
    // of one name from two folders under one --out-dir).
    let mut targets: std::collections::HashMap<PathBuf, &PathBuf> =
        std::collections::HashMap::new();
    for (issue, rel) in &found {
        let target = match out_dir {
            Some(dir) => dir.join(rel).with_extension(""),
            None => issue.with_extension(""),
        };
        if let Some(other) = targets.insert(target, issue) {
            problems.push(
                Diagnostic::error(
                    Some(&issue.display().to_string()),
                    format!(
                        "this issue and {} would write the same output",
                        other.display()
                    ),
                )
                .hint("rename one of them, or build them into different --out-dir folders"),
            );
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(found
        .into_iter()
        .map(|(issue, rel)| Job {
            outputs: formats
                .iter()
                .map(|&format| {
                    let target = match out_dir {
                        Some(dir) => dir.join(&rel).with_extension(format.extension()),
                        None => issue.with_extension(format.extension()),
                    };
                    (format, target)
                })
                .collect(),
            input: issue,
        })
        .collect())
}

fn walk(dir: &Path, skip: Option<&Path>, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') || skip.is_some_and(|s| same_file(s, &path)) {
            continue;
        }
        // Links to folders are not followed: a link cycle must not loop.
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            walk(&path, skip, out);
        } else if is_issue_file(&name) {
            out.push(path);
        }
    }
}

/// How a batch runs.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Worker threads.
    pub jobs: usize,
    /// Rebuild even unchanged outputs.
    pub force: bool,
    /// Options of every output.
    pub options: RenderOptions,
    /// [`incremental::environment_key`] of the run's template and fonts.
    pub environment_key: String,
}

/// What happened to one output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Written.
    Built,
    /// Skipped: its inputs have not changed since it was written.
    Unchanged,
    /// Not written: the issue has errors, or a file could not be read or written.
    Failed(Exit),
}

/// A job's result, reported as soon as it is known.
#[derive(Debug)]
pub struct Report<'a> {
    /// The job.
    pub job: &'a Job,
    /// Per output.
    pub outcomes: Vec<Outcome>,
    /// Its diagnostics (errors and warnings).
    pub diagnostics: Vec<Diagnostic>,
}

/// Totals of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Outputs written.
    pub built: usize,
    /// Outputs skipped as unchanged.
    pub unchanged: usize,
    /// Outputs that failed.
    pub failed: usize,
    /// The worst failure ([`Exit::Success`] when none failed).
    pub worst: Exit,
}

/// How long a batch keeps Typst's memoised results, in compilations (of
/// any worker): what the next issues reuse (the template, the faces, the
/// parts issues share) is used again at once and stays, while the rest of
/// an issue goes soon. With the default age, a long batch of the regular
/// sample on two workers held about 25 % more memory at its peak than a
/// batch of ten (152 MB for 300 against 124 MB), since ten issues had not
/// yet filled the window; with 4 the two are within 10 %, and the batch is
/// a little faster too, as less memory is freed and taken again.
pub const MEMO_AGE: usize = 4;

/// Runs `jobs` on `settings.jobs` threads, calling `report` for each job as it
/// finishes (from the worker thread).
pub fn run(
    env: Option<&Environment>,
    jobs: &[Job],
    settings: &Settings,
    report: &(dyn Fn(Report) + Sync),
) -> Summary {
    let next = AtomicUsize::new(0);
    let summary = Mutex::new(Summary::default());
    std::thread::scope(|scope| {
        for _ in 0..settings.jobs.max(1).min(jobs.len().max(1)) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(job) = jobs.get(i) else { break };
                    let (outcomes, diagnostics) = run_job(env, job, settings);
                    {
                        let mut s = summary.lock().expect("not poisoned");
                        for outcome in &outcomes {
                            match outcome {
                                Outcome::Built => s.built += 1,
                                Outcome::Unchanged => s.unchanged += 1,
                                Outcome::Failed(code) => {
                                    s.failed += 1;
                                    s.worst = s.worst.max(*code);
                                }
                            }
                        }
                    }
                    report(Report {
                        job,
                        outcomes,
                        diagnostics,
                    });
                }
            });
        }
    });
    summary.into_inner().expect("not poisoned")
}

fn run_job(
    env: Option<&Environment>,
    job: &Job,
    settings: &Settings,
) -> (Vec<Outcome>, Vec<Diagnostic>) {
    let _scope = typst_timing::TimingScope::new("jianbao: issue");
    let loaded = match typst_timing::timed!(
        "jianbao: read issue",
        input::load(&Input::Path(job.input.clone()))
    ) {
        Ok(loaded) => loaded,
        Err(err) => {
            return (
                vec![Outcome::Failed(err.exit()); job.outputs.len()],
                err.failure().0.clone(),
            );
        }
    };
    let mut outcomes = Vec::new();
    let mut diagnostics = Vec::new();
    let digest = incremental::issue_digest(&loaded);
    for (format, target) in &job.outputs {
        let key = incremental::input_key(
            &digest,
            *format,
            &settings.options,
            &settings.environment_key,
        );
        if !settings.force && incremental::is_current(target, &key) {
            outcomes.push(Outcome::Unchanged);
            continue;
        }
        match render::render(env, &loaded, *format, &settings.options) {
            Ok(rendered) => {
                diagnostics.extend(rendered.warnings);
                let written = target
                    .parent()
                    .map_or(Ok(()), std::fs::create_dir_all)
                    .and_then(|()| {
                        typst_timing::timed!(
                            "jianbao: write file",
                            output::write_output(target, &rendered.output)
                        )
                    })
                    .and_then(|()| incremental::record_key(target, &key));
                match written {
                    Ok(()) => outcomes.push(Outcome::Built),
                    Err(err) => {
                        diagnostics.push(Diagnostic::error(
                            Some(&target.display().to_string()),
                            format!(
                                "failed to write {} file ({})",
                                format.name(),
                                io_reason(&err)
                            ),
                        ));
                        outcomes.push(Outcome::Failed(Exit::Trouble));
                    }
                }
            }
            Err(Failure(found)) => {
                diagnostics.extend(found);
                outcomes.push(Outcome::Failed(Exit::Invalid));
            }
        }
    }
    // The same error is reported once even when several formats hit it.
    diagnostics.dedup();
    (outcomes, diagnostics)
}
