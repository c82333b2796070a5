//! Writing outputs: atomically (a synced temporary file in the same folder,
//! then a rename), so a reader sees the old output or the new one, never half
//! of one. The one place the library writes files.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::render::Output;

/// Writes `bytes` to `path` atomically.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut file = tempfile::Builder::new()
        .prefix(".jianbao-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    // Keep the usual permissions of a new file (a temporary file is 0600).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.as_file()
            .set_permissions(fs::Permissions::from_mode(0o644))?;
    }
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
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

/// Where the input key of an output is kept for incremental runs:
/// `.jianbao-state/NAME.key` beside the output.
pub fn key_path(output: &Path) -> PathBuf {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    output
        .with_file_name(".jianbao-state")
        .join(format!("{name}.key"))
}

/// Whether `output` (or, for page images, its first page) exists and was
/// made from inputs with this `key`.
pub fn is_current(output: &Path, key: &str) -> bool {
    (output.exists() || page_path(output, 1).exists())
        && fs::read_to_string(key_path(output)).is_ok_and(|k| k.trim() == key)
}

/// Records the key of a freshly written output.
pub fn record_key(output: &Path, key: &str) -> io::Result<()> {
    let path = key_path(output);
    fs::create_dir_all(path.parent().expect("a state folder"))?;
    write_atomically(&path, key.as_bytes())
}
