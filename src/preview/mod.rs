//! `jianbao preview`'s session: one issue file, its last good pages as SVG
//! (with the text runs a click on a page is traced back to the YAML with),
//! the diagnostics of the latest build, and the clients waiting for
//! updates. [`server`] serves a session over HTTP on the loopback; the
//! command (`src/cmd/preview.rs`) starts both and the watcher.
//!
//! Reads the issue and what it depends on; writes only the issue file (a
//! save from the page, an article dropped on it, with its photos), through
//! [`crate::output`].

pub mod server;

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, MutexGuard};

use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use typst::layout::{Frame, FrameItem, Transform};

use crate::add::{self, Placement, Refusal};
use crate::diag::{Diagnostic, Severity, io_reason};
use crate::input::{self, Input};
use crate::messages::localise;
use crate::read::submission;
use crate::render::{self, Format, Output, RenderOptions};
use crate::typeset::{self, Environment, TypesetOptions};
use crate::watch::dependencies;

/// One issue being previewed.
pub struct Session {
    env: Environment,
    path: PathBuf,
    /// The issue file's name without its extension: exports are named after it.
    pub stem: String,
    state: Mutex<State>,
    /// Held during a build: builds follow one another.
    building: Mutex<()>,
    /// Held while a file is written: the end of the preview waits for it,
    /// so no temporary file is left behind.
    pub writing: Mutex<()>,
    listeners: Mutex<Vec<Sender<Arc<String>>>>,
}

#[derive(Default)]
struct State {
    /// The update event's content but its version, to tell a change.
    body: Value,
    /// The update event as sent: `body` with `version`.
    event: Arc<String>,
    version: u64,
    pages: Vec<Arc<Page>>,
    loaded: Option<Arc<input::Document>>,
    dependencies: Vec<PathBuf>,
}

/// A laid-out page as the browser gets it.
pub struct Page {
    /// The SVG's SHA-256, hex: its address (`/page/HASH.svg`).
    pub hash: String,
    /// The SVG.
    pub svg: Vec<u8>,
    /// Width and height in pt.
    pub size: (f64, f64),
    /// The frame's hash: an unchanged page is not drawn again.
    key: u128,
    runs: Vec<Run>,
}

/// A run of text on a page, in pt from the page's top left.
#[derive(Debug, Clone)]
struct Run {
    x0: f64,
    x1: f64,
    baseline: f64,
    size: f64,
    text: String,
    /// Each glyph: left and right edge, and the byte offset of its text.
    glyphs: Vec<(f64, f64, usize)>,
}

/// Where a text of the pages is in the sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// The file as diagnostics name it.
    pub file: String,
    /// Whether it is the issue file (not its series file).
    pub in_issue: bool,
    /// 1-based line and column (in characters).
    pub line: usize,
    /// 1-based column.
    pub column: usize,
}

/// Why a save was not made.
#[derive(Debug)]
pub enum SaveError {
    /// The file changed on disk since the editor loaded it.
    Conflict,
    /// It could not be written.
    Failed(Diagnostic),
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

/// The revision of a file's bytes: their SHA-256, hex.
pub fn revision(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Session {
    /// A session for the issue at `path`, laid out in `env`; nothing built yet.
    pub fn new(env: Environment, path: PathBuf) -> Session {
        let stem = path
            .file_stem()
            .map_or("issue".to_string(), |s| s.to_string_lossy().into_owned());
        Session {
            env,
            path,
            stem,
            state: Mutex::new(State::default()),
            building: Mutex::new(()),
            writing: Mutex::new(()),
            listeners: Mutex::new(Vec::new()),
        }
    }

    /// The issue file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The files the last build depended on (to watch).
    pub fn dependencies(&self) -> Vec<PathBuf> {
        let deps = lock(&self.state).dependencies.clone();
        if deps.is_empty() {
            return dependencies(&self.path, None, Some(&self.env.template));
        }
        deps
    }

    /// Reads the issue and lays it out again. A good build replaces the
    /// pages (a page whose frame did not change keeps its SVG) and shows its
    /// warnings; a broken one keeps the last good pages and shows its
    /// errors. Returns whether anything the browser shows changed (and an
    /// update was sent).
    pub fn rebuild(&self) -> bool {
        let _building = lock(&self.building);
        let bytes = fs::read(&self.path).ok();
        // An issue or a 公文, each laid out by its template.
        let loaded = input::load_document(&Input::Path(self.path.clone()));
        let deps = dependencies(&self.path, loaded.as_ref().ok(), Some(&self.env.template));
        let built = loaded
            .map_err(|e| e.failure().0.clone())
            .and_then(|loaded| {
                let options = TypesetOptions::default();
                match &loaded {
                    input::Document::Bulletin(issue) => {
                        typeset::typeset_with(&self.env, issue, &options)
                    }
                    input::Document::Gongwen(g) => typeset::typeset_gongwen(&self.env, g, &options),
                }
                .map(|(typeset, warnings)| (loaded, typeset, warnings))
                .map_err(|f| f.0)
            });
        let old: HashMap<u128, Arc<Page>> = lock(&self.state)
            .pages
            .iter()
            .map(|p| (p.key, p.clone()))
            .collect();
        let (pages, loaded, diagnostics, stale) = match built {
            Ok((loaded, typeset, warnings)) => {
                let pages = typeset
                    .document
                    .pages()
                    .iter()
                    .map(|page| {
                        let key = typst::utils::hash128(page);
                        old.get(&key)
                            .cloned()
                            .unwrap_or_else(|| Arc::new(Page::draw(page, key)))
                    })
                    .collect();
                (Some(pages), Some(Arc::new(loaded)), warnings, false)
            }
            Err(errors) => (None, None, errors, true),
        };
        let mut state = lock(&self.state);
        state.dependencies = deps;
        if let Some(pages) = pages {
            state.pages = pages;
        }
        if let Some(loaded) = loaded {
            state.loaded = Some(loaded);
        }
        let body = json!({
            "revision": bytes.as_deref().map(revision),
            "stale": stale,
            "pages": state.pages.iter().map(|p| json!({
                "hash": p.hash,
                "width": p.size.0,
                "height": p.size.1,
            })).collect::<Vec<_>>(),
            "diagnostics": diagnostics.iter().map(|d| self.diagnostic(d)).collect::<Vec<_>>(),
        });
        if body == state.body && state.version > 0 {
            return false;
        }
        state.version += 1;
        let mut event = body.clone();
        event["version"] = json!(state.version);
        state.body = body;
        state.event = Arc::new(event.to_string());
        let event = state.event.clone();
        drop(state);
        lock(&self.listeners).retain(|l| l.send(event.clone()).is_ok());
        true
    }

    /// A diagnostic as the page shows it, in the language of messages.
    fn diagnostic(&self, d: &Diagnostic) -> Value {
        let issue = self.path.display().to_string();
        json!({
            "severity": match d.severity { Severity::Error => "error", Severity::Warning => "warning" },
            "label": localise(match d.severity { Severity::Error => "error", Severity::Warning => "warning" }),
            "file": d.file,
            "in_issue": d.file.as_deref().is_none_or(|f| f == issue),
            "line": d.position.as_ref().map(|p| p.line),
            "column": d.position.as_ref().map(|p| p.column),
            "message": localise(&d.message),
            "hints": d.hints.iter().map(|h| localise(h)).collect::<Vec<_>>(),
        })
    }

    /// Updates from now on (the current state first).
    pub fn subscribe(&self) -> Receiver<Arc<String>> {
        let (tx, rx) = channel();
        let current = lock(&self.state).event.clone();
        if !current.is_empty() {
            let _ = tx.send(current);
        }
        lock(&self.listeners).push(tx);
        rx
    }

    /// The update event as last sent.
    pub fn state(&self) -> Arc<String> {
        lock(&self.state).event.clone()
    }

    /// The page whose SVG has `hash`, if it is one of the current pages.
    pub fn page(&self, hash: &str) -> Option<Arc<Page>> {
        lock(&self.state)
            .pages
            .iter()
            .find(|p| p.hash == hash)
            .cloned()
    }

    /// The issue file's text as it is on disk now, and its revision.
    pub fn source(&self) -> Result<(String, String), Diagnostic> {
        let bytes = fs::read(&self.path).map_err(|e| self.read_error(&e))?;
        Ok((
            revision(&bytes),
            String::from_utf8_lossy(&bytes).into_owned(),
        ))
    }

    fn read_error(&self, err: &std::io::Error) -> Diagnostic {
        Diagnostic::error(
            Some(&self.path.display().to_string()),
            format!("failed to read the issue file ({})", io_reason(err)),
        )
    }

    /// Saves `text` over the issue file, atomically, if the file is still at
    /// revision `base` (what the editor loaded); a file with Windows line
    /// ends keeps them. Returns the new revision. Does not rebuild.
    pub fn save(&self, text: &str, base: &str) -> Result<String, SaveError> {
        let _writing = lock(&self.writing);
        let now = fs::read(&self.path).map_err(|e| SaveError::Failed(self.read_error(&e)))?;
        if revision(&now) != base {
            return Err(SaveError::Conflict);
        }
        // The editor shows a file that is not UTF-8 (GBK, say) with
        // replacement characters: saving them would lose every one.
        if std::str::from_utf8(&now).is_err() {
            return Err(SaveError::Failed(
                Diagnostic::error(
                    Some(&self.path.display().to_string()),
                    "the issue file is not UTF-8, so the preview does not save over it",
                )
                .hint("save it as UTF-8 in another editor first (jianbao reads only UTF-8 issues)"),
            ));
        }
        // A browser's text area holds `\n` only.
        let text = match now.windows(2).any(|w| w == b"\r\n") {
            true => text.replace("\r\n", "\n").replace('\n', "\r\n"),
            false => text.to_string(),
        };
        // It keeps its permissions (write_atomically does that).
        crate::output::write_atomically(&self.path, text.as_bytes()).map_err(|err| {
            SaveError::Failed(Diagnostic::error(
                Some(&self.path.display().to_string()),
                format!("failed to write the issue file ({})", io_reason(&err)),
            ))
        })?;
        Ok(revision(text.as_bytes()))
    }

    /// Adds the submitted article `bytes` (a Word document, a PDF or a text
    /// file, named `file_name`) to the issue, as `jianbao add` does: at the
    /// end of the last column, the issue file edited in place and its photos
    /// written beside it. Returns what was done, for the user; or the
    /// diagnostics of why nothing was. Does not rebuild.
    pub fn add(&self, bytes: &[u8], file_name: &str) -> Result<String, Vec<Diagnostic>> {
        let _writing = lock(&self.writing);
        let loaded =
            input::load(&Input::Path(self.path.clone())).map_err(|e| e.failure().0.clone())?;
        let problems = input::check_photos(&loaded);
        if !problems.is_empty() {
            return Err(problems);
        }
        let stem = Path::new(file_name)
            .file_stem()
            .map_or("article".to_string(), |s| s.to_string_lossy().into_owned());
        let kind = crate::import::kind(bytes);
        let read = submission::read(bytes, kind, file_name, &stem).map_err(|f| f.0)?;
        let added =
            add::add_to(&loaded, &read, &Placement::default()).map_err(
                |refusal| match refusal {
                    Refusal::Usage(f) | Refusal::Invalid(f) => f.0,
                },
            )?;
        crate::output::write_added(
            &self.path,
            &loaded.folder,
            &loaded.name,
            &loaded.text,
            &added,
        )
        .map_err(|d| vec![d])?;
        let title = &read.article.title.0;
        let lines = added.block.trim_end().matches('\n').count() + 1;
        Ok(localise(&format!(
            "added `{title}` to {} of {}, lines {} to {}",
            added.place,
            loaded.name,
            added.line,
            added.line + lines - 1
        )))
    }

    /// The last good state of the issue as `format` (PDF, OFD, DOCX, HTML).
    pub fn export(&self, format: Format) -> Result<Vec<u8>, Vec<Diagnostic>> {
        let Some(loaded) = lock(&self.state).loaded.clone() else {
            return Err(vec![
                Diagnostic::error(
                    Some(&self.path.display().to_string()),
                    "the issue has not been built yet: there is nothing to download",
                )
                .hint("fix the errors shown, then save"),
            ]);
        };
        match render::render_document(Some(&self.env), &loaded, format, &RenderOptions::default()) {
            Ok(rendered) => match rendered.output {
                Output::File(bytes) => Ok(bytes),
                _ => Err(vec![Diagnostic::error(
                    None,
                    "this output is several files",
                )]),
            },
            Err(failure) => Err(failure.0),
        }
    }

    /// The source of the text at (`x`, `y`) pt on page `page` (1-based) of
    /// the last good pages: the line of text there, or the longest piece of
    /// it around the point, found in the issue (or its series file).
    pub fn locate(&self, page: usize, x: f64, y: f64) -> Option<Located> {
        let (page, loaded) = {
            let state = lock(&self.state);
            (
                state.pages.get(page.checked_sub(1)?)?.clone(),
                state.loaded.clone()?,
            )
        };
        let (line, click) = line_at(&page.runs, x, y)?;
        pieces(&line, click).find_map(|(start, piece, unique)| {
            let count = loaded.occurrences(&piece);
            if count == 0 || (unique && count > 1) {
                return None;
            }
            let (file, position) = loaded.locate(&piece)?;
            Some(Located {
                in_issue: file == loaded.name(),
                file,
                line: position.line,
                column: position.column + (click - start),
            })
        })
    }
}

/// The pieces of `line` around character `click` to look for, longest
/// first: the whole line, then shorter windows; each as (first character,
/// text, whether it must occur once). The short ones are tried first as
/// unique, then as any occurrence.
fn pieces(line: &[char], click: usize) -> impl Iterator<Item = (usize, String, bool)> + '_ {
    let lengths: Vec<usize> = [line.len(), 24, 16, 10, 6, 4, 2, 1]
        .into_iter()
        .filter(|&l| l >= 1 && l <= line.len())
        .collect();
    let windows = move |unique: bool| {
        let lengths = lengths.clone();
        lengths.into_iter().flat_map(move |len| {
            // Windows holding `click`, the centred one first.
            let first = click.saturating_sub(len - 1);
            let last = click.min(line.len() - len);
            let centre = click.saturating_sub(len / 2).clamp(first, last);
            let mut starts: Vec<usize> = (first..=last).collect();
            starts.sort_by_key(|&s| s.abs_diff(centre));
            starts.into_iter().filter_map(move |start| {
                let piece: String = line[start..start + len].iter().collect();
                (!piece.trim().is_empty()).then_some((start, piece, unique))
            })
        })
    };
    windows(true).chain(windows(false))
}

/// The line of text at (`x`, `y`): its characters, left to right, and the
/// index of the one under the point (or nearest it, within a few pt).
fn line_at(runs: &[Run], x: f64, y: f64) -> Option<(Vec<char>, usize)> {
    let distance = |r: &Run| {
        let (top, bottom) = (r.baseline - r.size, r.baseline + 0.3 * r.size);
        let dx = (r.x0 - x).max(x - r.x1).max(0.0);
        let dy = (top - y).max(y - bottom).max(0.0);
        dx.hypot(dy)
    };
    let hit = runs
        .iter()
        .min_by(|a, b| distance(a).total_cmp(&distance(b)))
        .filter(|r| distance(r) < 6.0)?;
    let mut same: Vec<&Run> = runs
        .iter()
        .filter(|r| (r.baseline - hit.baseline).abs() < 0.25 * hit.size.max(r.size))
        .collect();
    same.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let mut line: Vec<char> = Vec::new();
    let mut click = None;
    let mut previous_end: Option<f64> = None;
    for run in same {
        // A gap between runs is a space (a title wraps only at its spaces).
        if let Some(end) = previous_end
            && run.x0 - end > 0.25 * run.size
            && line.last().is_some_and(|c| !c.is_whitespace())
        {
            line.push(' ');
        }
        let at = line.len();
        if std::ptr::eq(run, hit) {
            // The glyph under the point, else the nearest one.
            let glyph = run.glyphs.iter().min_by(|a, b| {
                let d = |g: &(f64, f64, usize)| (g.0 - x).max(x - g.1).max(0.0);
                d(a).total_cmp(&d(b))
            });
            let byte = glyph.map_or(0, |g| g.2).min(run.text.len());
            let byte = (0..=byte)
                .rev()
                .find(|&b| run.text.is_char_boundary(b))
                .unwrap_or(0);
            click = Some(at + run.text[..byte].chars().count());
        }
        line.extend(run.text.chars().filter(|c| *c != '\n'));
        previous_end = Some(run.x1);
    }
    let click = click?.min(line.len().checked_sub(1)?);
    Some((line, click))
}

impl Page {
    /// Draws `page` as SVG and collects its text runs.
    fn draw(page: &typst_layout::Page, key: u128) -> Page {
        let svg = typst_svg::svg(page, &typst_svg::SvgOptions::default()).into_bytes();
        let mut runs = Vec::new();
        collect_runs(&page.frame, Transform::identity(), &mut runs);
        Page {
            hash: hex(&Sha256::digest(&svg)),
            svg,
            size: (page.frame.size().x.to_pt(), page.frame.size().y.to_pt()),
            key,
            runs,
        }
    }
}

/// The text runs of `frame` and its groups, placed by `ts`.
fn collect_runs(frame: &Frame, ts: Transform, out: &mut Vec<Run>) {
    for (pos, item) in frame.items() {
        match item {
            FrameItem::Group(group) => {
                let inner = ts
                    .pre_concat(Transform::translate(pos.x, pos.y))
                    .pre_concat(group.transform);
                collect_runs(&group.frame, inner, out);
            }
            FrameItem::Text(text) => {
                let at = pos.transform(ts);
                let (sx, sy) = (ts.sx.get(), ts.sy.get());
                let x0 = at.x.to_pt();
                let mut pen = x0;
                let glyphs = text
                    .glyphs
                    .iter()
                    .map(|g| {
                        let advance = g.x_advance.at(text.size).to_pt() * sx;
                        let glyph = (pen, pen + advance, g.range().start);
                        pen += advance;
                        glyph
                    })
                    .collect();
                out.push(Run {
                    x0,
                    x1: pen,
                    baseline: at.y.to_pt(),
                    size: text.size.to_pt() * sy.abs(),
                    text: text.text.to_string(),
                    glyphs,
                });
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(x0: f64, text: &str) -> Run {
        let glyphs = text
            .char_indices()
            .enumerate()
            .map(|(i, (b, _))| (x0 + 10.0 * i as f64, x0 + 10.0 * (i + 1) as f64, b))
            .collect();
        Run {
            x0,
            x1: x0 + 10.0 * text.chars().count() as f64,
            baseline: 100.0,
            size: 10.0,
            text: text.to_string(),
            glyphs,
        }
    }

    #[test]
    fn a_click_finds_its_character_in_the_line_and_gaps_are_spaces() {
        let runs = [run(0.0, "北湖区"), run(40.0, "整合")];
        let (line, click) = line_at(&runs, 45.0, 97.0).unwrap();
        assert_eq!(line.iter().collect::<String>(), "北湖区 整合");
        assert_eq!(line[click], '整');
        assert!(line_at(&runs, 45.0, 200.0).is_none(), "far from any text");
    }

    #[test]
    fn pieces_start_with_the_line_and_hold_the_click() {
        let line: Vec<char> = "今年以来，全区".chars().collect();
        let all: Vec<(usize, String, bool)> = pieces(&line, 5).collect();
        assert_eq!(all[0], (0, "今年以来，全区".to_string(), true));
        for (start, piece, _) in &all {
            assert!(*start <= 5 && 5 < start + piece.chars().count());
        }
        assert!(all.iter().any(|(_, p, unique)| p == "全" && !unique));
    }
}
