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

impl Summary {
    /// Counts a job's outcomes in.
    fn count(&mut self, outcomes: &[Outcome]) {
        for outcome in outcomes {
            match outcome {
                Outcome::Built => self.built += 1,
                Outcome::Unchanged => self.unchanged += 1,
                Outcome::Failed(code) => {
                    self.failed += 1;
                    self.worst = self.worst.max(*code);
                }
            }
        }
    }
}

/// How long a batch keeps Typst's memoised results, in compilations (of
/// any worker): what the next issues reuse (the template, the faces, the
/// parts issues share) is used again at once and stays, while the rest of
/// an issue goes soon. With the default age, a long batch of the regular
/// sample on two workers held a quarter more memory at its peak than a
/// batch of ten (157 MB for 300 issues against 126 MB when this was
/// measured), since ten issues had not yet filled the window; with 4, 118
/// against 114 MB, and the batch is a little faster too, as less memory is
/// freed and taken again.
pub const MEMO_AGE: usize = 4;

/// Runs `jobs` on `settings.jobs` worker threads, calling `report` for each
/// job as it finishes (once its outputs are written, from that worker's
/// writer).
///
/// Each worker has a writer thread of its own, a job behind: while the
/// worker lays out and renders the next issue, the writer writes (and syncs)
/// the outputs of the last one, so a worker waits on the disk only when a
/// write takes longer than an issue. A worker holds at most two jobs'
/// outputs: the one being written and the one it made.
pub fn run(
    env: Option<&Environment>,
    jobs: &[Job],
    settings: &Settings,
    report: &(dyn Fn(Report) + Sync),
) -> Summary {
    let next = &AtomicUsize::new(0);
    let summary = Mutex::new(Summary::default());
    let tally = &summary;
    std::thread::scope(|scope| {
        for _ in 0..settings.jobs.max(1).min(jobs.len().max(1)) {
            // Handed over only when the writer is done with the job before.
            let (made, to_write) = std::sync::mpsc::sync_channel::<Made>(0);
            scope.spawn(move || {
                for made in to_write {
                    let (outcomes, diagnostics) = made.write();
                    tally.lock().expect("not poisoned").count(&outcomes);
                    report(Report {
                        job: made.job,
                        outcomes,
                        diagnostics,
                    });
                }
            });
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(job) = jobs.get(i) else { break };
                    if made.send(make(env, job, settings)).is_err() {
                        break;
                    }
                }
            });
        }
    });
    summary.into_inner().expect("not poisoned")
}

/// A job's outputs made, for its writer.
struct Made<'a> {
    job: &'a Job,
    /// Per output, in the job's order: what came of it and its diagnostics.
    steps: Vec<(Step, Vec<Diagnostic>)>,
}

/// What came of one output.
enum Step {
    /// Current: its input has not changed since it was written.
    Unchanged,
    /// Not made (the issue did not load, or did not render).
    Failed(Exit),
    /// Made, to be written to `target` and recorded under `key`.
    Write {
        format: Format,
        target: PathBuf,
        key: String,
        output: render::Output,
    },
}

/// Reads the job's issue and renders every output not current.
fn make<'a>(env: Option<&Environment>, job: &'a Job, settings: &Settings) -> Made<'a> {
    let _scope = typst_timing::TimingScope::new("jianbao: issue");
    let loaded = match typst_timing::timed!(
        "jianbao: read issue",
        input::load_document(&Input::Path(job.input.clone()))
    ) {
        Ok(loaded) => loaded,
        Err(err) => {
            let mut steps: Vec<_> = job
                .outputs
                .iter()
                .map(|_| (Step::Failed(err.exit()), Vec::new()))
                .collect();
            if let Some((_, diagnostics)) = steps.first_mut() {
                *diagnostics = err.failure().0.clone();
            }
            return Made { job, steps };
        }
    };
    let digest = incremental::document_digest(&loaded);
    let steps = job
        .outputs
        .iter()
        .map(|(format, target)| {
            let key = incremental::input_key(
                &digest,
                *format,
                &settings.options,
                &settings.environment_key,
            );
            if !settings.force && incremental::is_current(target, &key) {
                return (Step::Unchanged, Vec::new());
            }
            match render::render_document(env, &loaded, *format, &settings.options) {
                Ok(rendered) => (
                    Step::Write {
                        format: *format,
                        target: target.clone(),
                        key,
                        output: rendered.output,
                    },
                    rendered.warnings,
                ),
                Err(Failure(found)) => (Step::Failed(Exit::Invalid), found),
            }
        })
        .collect();
    Made { job, steps }
}

impl Made<'_> {
    /// Writes what was made; the outcome of each output and the job's
    /// diagnostics, each output's warnings before its write error if any.
    fn write(&self) -> (Vec<Outcome>, Vec<Diagnostic>) {
        let mut outcomes = Vec::new();
        let mut diagnostics = Vec::new();
        for (step, found) in &self.steps {
            diagnostics.extend(found.iter().cloned());
            outcomes.push(match step {
                Step::Unchanged => Outcome::Unchanged,
                Step::Failed(code) => Outcome::Failed(*code),
                Step::Write {
                    format,
                    target,
                    key,
                    output,
                } => {
                    let written = target
                        .parent()
                        .map_or(Ok(()), std::fs::create_dir_all)
                        .and_then(|()| {
                            typst_timing::timed!(
                                "jianbao: write file",
                                output::write_output(target, output)
                            )
                        })
                        .and_then(|()| incremental::record_key(target, key));
                    match written {
                        Ok(()) => Outcome::Built,
                        Err(err) => {
                            diagnostics.push(Diagnostic::error(
                                Some(&target.display().to_string()),
                                format!(
                                    "failed to write {} file ({})",
                                    format.name(),
                                    io_reason(&err)
                                ),
                            ));
                            Outcome::Failed(Exit::Trouble)
                        }
                    }
                }
            });
        }
        // The same error is reported once even when several formats hit it.
        diagnostics.dedup();
        (outcomes, diagnostics)
    }
}
