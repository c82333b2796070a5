//! Writing outputs: atomically (a synced temporary file in the same folder,
//! then a rename), so a reader sees the old output or the new one, never half
//! of one; special files (devices, pipes) streamed in place, never replaced. With the state files of [`crate::incremental`], the only place the
//! library writes files.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use crate::add::Added;
use crate::diag::{Diagnostic, io_reason};
use crate::render::Output;

/// Writes `bytes` to `path`.
///
/// A new path or an existing regular file is replaced atomically: a synced
/// temporary file beside it, then a rename. A symbolic link is followed and
/// its target replaced, so the link stays a link. An existing special file
/// (a device such as `/dev/null`, a FIFO, a socket, `/dev/stdout` or
/// `/dev/fd/N`) is written in place, streaming: it is never replaced, and a
/// failed write to it (`/dev/full`) is an error. A file replaced keeps its
/// permissions, set on the temporary file before the rename (so the new
/// bytes are never readable by more people than the old ones).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    // `metadata` follows links, `/dev/fd/N` and `/dev/stdout` included.
    if let Ok(meta) = fs::metadata(path)
        && !meta.is_file()
        && !meta.is_dir()
    {
        let mut file = fs::OpenOptions::new().write(true).open(path)?;
        file.write_all(bytes)?;
        return file.flush();
    }
    let target = follow_links(path);
    let dir = folder_of(&target);
    remove_stale_temporaries(dir);
    let kept = fs::metadata(&target).ok().map(|m| m.permissions());
    let file = synced_temporary(dir, bytes, kept)?;
    // The temporary file is removed when the rename fails: the old output
    // stays whole.
    file.persist(&target).map_err(|e| held_open(e.error))?;
    Ok(())
}

/// Writes `bytes` to `path`, which must not exist: a synced temporary file
/// beside it, then a link that fails if the name was taken meanwhile (an
/// existing file is never replaced).
pub fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let file = synced_temporary(folder_of(path), bytes, None)?;
    file.persist_noclobber(path).map_err(|e| e.error)?;
    Ok(())
}

/// The folder `path` is in (`.` for a bare name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// A temporary file in `dir` holding `bytes`, synced, with `permissions`
/// (those of the file it replaces), else the usual ones of a new file (a
/// temporary file is 0600).
fn synced_temporary(
    dir: &Path,
    bytes: &[u8],
    permissions: Option<fs::Permissions>,
) -> io::Result<tempfile::NamedTempFile> {
    let mut file = tempfile::Builder::new()
        .prefix(&format!("{TEMP_PREFIX}{}-", std::process::id()))
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    match permissions {
        Some(permissions) => file.as_file().set_permissions(permissions)?,
        #[cfg(unix)]
        None => {
            use std::os::unix::fs::PermissionsExt;
            file.as_file()
                .set_permissions(fs::Permissions::from_mode(0o644))?;
        }
        #[cfg(not(unix))]
        None => {}
    }
    Ok(file)
}

/// Windows refuses to replace a file another program holds open (a PDF
/// viewer usually does): say so, rather than "access denied".
fn held_open(err: io::Error) -> io::Error {
    // ERROR_ACCESS_DENIED and ERROR_SHARING_VIOLATION.
    if cfg!(windows) && matches!(err.raw_os_error(), Some(5) | Some(32)) {
        return io::Error::other(
            "the file is open in another program, such as a PDF viewer: close it there and build again",
        );
    }
    err
}

/// The temporary files of an atomic write: `.jianbao-PID-RANDOM.tmp`.
const TEMP_PREFIX: &str = ".jianbao-";
const TEMP_SUFFIX: &str = ".tmp";

/// The path a chain of symbolic links at `path` ends at (the path itself
/// when it is no link); a dangling link gives the missing target, which is
/// then created.
fn follow_links(path: &Path) -> PathBuf {
    let mut current = path.to_path_buf();
    // As the kernel does, give up after 40 links (a loop).
    for _ in 0..40 {
        let Ok(meta) = fs::symlink_metadata(&current) else {
            return current;
        };
        if !meta.file_type().is_symlink() {
            return current;
        }
        let Ok(target) = fs::read_link(&current) else {
            return current;
        };
        current = match current.parent() {
            Some(parent) if target.is_relative() => parent.join(target),
            _ => target,
        };
    }
    path.to_path_buf()
}

/// Removes the temporary files that runs killed mid-write left in `dir`
/// (exactly `.jianbao-*.tmp`): those of a process that is gone, and any a
/// day old. Once per folder and process.
fn remove_stale_temporaries(dir: &Path) {
    static DONE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
    {
        let mut done = DONE.lock().unwrap_or_else(|e| e.into_inner());
        if done.iter().any(|d| d == dir) {
            return;
        }
        done.push(dir.to_path_buf());
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(middle) = name
            .strip_prefix(TEMP_PREFIX)
            .and_then(|n| n.strip_suffix(TEMP_SUFFIX))
        else {
            continue;
        };
        let Ok(meta) = entry.metadata() else { continue };
        if !meta.is_file() {
            continue;
        }
        let old = meta
            .modified()
            .ok()
            .and_then(|m| m.elapsed().ok())
            .is_some_and(|age| age > Duration::from_secs(24 * 3600));
        let orphan = middle
            .split_once('-')
            .and_then(|(pid, _)| pid.parse::<u32>().ok())
            .is_some_and(|pid| pid != std::process::id() && !process_alive(pid));
        if old || orphan {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether process `pid` is running (unknown counts as running).
fn process_alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return true;
        };
        // SAFETY: kill with signal 0 only checks that the process exists.
        let result = unsafe { libc::kill(pid, 0) };
        result == 0 || io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// Writes a rendered output at `path`: a file, a folder of files (each
/// written atomically; the folder is made if missing), or one file per page
/// named by [`page_path`].
pub fn write_output(path: &Path, output: &Output) -> io::Result<()> {
    match output {
        Output::File(bytes) => write_atomically(path, bytes),
        Output::Folder(files) => {
            for (rel, bytes) in files {
                let target = path.join(rel);
                if let Some(parent) = target.parent() {
                    fs::create_dir_all(parent)?;
                }
                write_atomically(&target, bytes)?;
            }
            Ok(())
        }
        Output::Pages(pages) => {
            for (n, bytes) in pages {
                write_atomically(&page_path(path, *n), bytes)?;
            }
            // A whole document that got shorter leaves no stale pages behind.
            if pages.iter().map(|(n, _)| *n).eq(1..=pages.len()) {
                let mut n = pages.len() + 1;
                while fs::remove_file(page_path(path, n)).is_ok() {
                    n += 1;
                }
            }
            Ok(())
        }
    }
}

/// The file of page `n`: `{p}` in the name replaced by the number, else
/// `NAME-n.EXT` (`issue.png` → `issue-1.png`).
pub fn page_path(path: &Path, n: usize) -> PathBuf {
    let text = path.to_string_lossy();
    if text.contains("{p}") {
        return PathBuf::from(text.replace("{p}", &n.to_string()));
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = match path.extension() {
        Some(ext) => format!("{stem}-{n}.{}", ext.to_string_lossy()),
        None => format!("{stem}-{n}"),
    };
    path.with_file_name(name)
}

/// Whether two paths name the same existing file (or folder).
pub fn same_file(a: &Path, b: &Path) -> bool {
    matches!((a.canonicalize(), b.canonicalize()), (Ok(a), Ok(b)) if a == b)
}

/// Writes what [`crate::add::add`] made: the photos under their new names
/// (each must not exist yet), then the issue file at `issue`, named `name`
/// in messages, atomically and keeping its permissions; but only when the
/// file still holds `read`, the text the article was added to. On any
/// failure the photos written are removed and the issue file is as it was.
pub fn write_added(
    issue: &Path,
    folder: &Path,
    name: &str,
    read: &str,
    added: &Added,
) -> Result<(), Diagnostic> {
    let mut written: Vec<PathBuf> = Vec::new();
    let undo = |written: &[PathBuf]| {
        for path in written {
            let _ = fs::remove_file(path);
        }
    };
    for (path, bytes) in &added.photos {
        let target = folder.join(path);
        if let Err(err) = write_new(&target, bytes) {
            undo(&written);
            return Err(Diagnostic::error(
                Some(&target.display().to_string()),
                format!("failed to write photo file ({})", io_reason(&err)),
            )
            .hint("the issue file is left as it was"));
        }
        written.push(target);
    }
    // The file as it was read, or another program changed it meanwhile.
    let now = fs::read(issue).unwrap_or_default();
    if now != read.as_bytes() {
        undo(&written);
        return Err(Diagnostic::error(
            Some(name),
            "the issue file changed while the article was being added",
        )
        .hint("add the article again"));
    }
    if let Err(err) = write_atomically(issue, added.text.as_bytes()) {
        undo(&written);
        return Err(Diagnostic::error(
            Some(name),
            format!("failed to write the issue file ({})", io_reason(&err)),
        ));
    }
    Ok(())
}
