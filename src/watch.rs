//! Waiting for a source's files to change: which files an output
//! depends on, and a watcher for them. The folders holding them are watched,
//! not the files: an editor that saves by writing a new file and renaming it
//! over the old one replaces the file, and a watch on the old file would go
//! quiet.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

use crate::input::Document;
use crate::read::yaml::SERIES_FILE;
use crate::typeset::TemplateSource;

/// The files the output of the source at `source` (an issue or a 公文)
/// depends on: the source, the shared file beside it (series.yaml or
/// office.yaml, whether or not it exists yet), the photos or seals of the
/// `document` as last read, and the template's files.
pub fn dependencies(
    source: &Path,
    document: Option<&Document>,
    template: Option<&TemplateSource>,
) -> Vec<PathBuf> {
    let source = absolute(source);
    // Without a good read: the source and both shared files it may have.
    let mut files = match document {
        Some(document) => document.files(&source),
        None => vec![
            source.with_file_name(SERIES_FILE),
            source.with_file_name(crate::read::gongwen::OFFICE_FILE),
            source,
        ],
    };
    files.extend(template.map(TemplateSource::paths).unwrap_or_default());
    files.into_iter().map(|f| absolute(&f)).collect()
}

/// Watches a set of files through their folders.
pub struct Watcher {
    watcher: RecommendedWatcher,
    events: Receiver<notify::Result<notify::Event>>,
    folders: HashSet<PathBuf>,
    files: HashSet<PathBuf>,
}

impl Watcher {
    /// A watcher with nothing to watch yet.
    pub fn new() -> notify::Result<Watcher> {
        let (tx, events) = channel();
        let watcher = notify::recommended_watcher(move |event| {
            let _ = tx.send(event);
        })?;
        Ok(Watcher {
            watcher,
            events,
            folders: HashSet::new(),
            files: HashSet::new(),
        })
    }

    /// Watches exactly `files` (which need not exist yet) from now on.
    pub fn update(&mut self, files: impl IntoIterator<Item = PathBuf>) -> notify::Result<()> {
        self.files = files.into_iter().map(|f| absolute(&f)).collect();
        let folders: HashSet<PathBuf> = self
            .files
            .iter()
            .filter_map(|f| f.parent().map(Path::to_path_buf))
            .filter(|d| d.is_dir())
            .collect();
        for gone in self.folders.difference(&folders) {
            let _ = self.watcher.unwatch(gone);
        }
        for new in folders.difference(&self.folders) {
            self.watcher.watch(new, RecursiveMode::NonRecursive)?;
        }
        self.folders = folders;
        Ok(())
    }

    /// Blocks until a watched file is created, changed, renamed or removed;
    /// events that come close together count once.
    pub fn wait(&mut self) -> notify::Result<()> {
        loop {
            let event = self
                .events
                .recv()
                .map_err(|_| notify::Error::generic("the watcher stopped"))??;
            if self.relevant(&event) {
                // Let an editor's burst of writes and renames settle: wait
                // until no relevant event came for 80 ms (at most 500 ms).
                let started = Instant::now();
                let mut last = Instant::now();
                let quiet = Duration::from_millis(80);
                while last.elapsed() < quiet && started.elapsed() < Duration::from_millis(500) {
                    match self
                        .events
                        .recv_timeout(quiet.saturating_sub(last.elapsed()))
                    {
                        Ok(Ok(event)) if self.relevant(&event) => last = Instant::now(),
                        Ok(_) | Err(RecvTimeoutError::Timeout) => {}
                        Err(RecvTimeoutError::Disconnected) => {
                            return Err(notify::Error::generic("the watcher stopped"));
                        }
                    }
                }
                return Ok(());
            }
        }
    }

    fn relevant(&self, event: &notify::Event) -> bool {
        let kind = matches!(
            event.kind,
            EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any
        );
        let metadata_only = matches!(
            event.kind,
            EventKind::Modify(notify::event::ModifyKind::Metadata(_))
        );
        kind && !metadata_only
            && event
                .paths
                .iter()
                .any(|p| self.files.contains(&absolute(p)))
    }
}

fn absolute(path: &Path) -> PathBuf {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    // Resolve the folder (not the file, which may be gone mid-save).
    match (
        path.parent().and_then(|p| p.canonicalize().ok()),
        path.file_name(),
    ) {
        (Some(dir), Some(name)) => dir.join(name),
        _ => path,
    }
}
