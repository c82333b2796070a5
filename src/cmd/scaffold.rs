//! `jianbao init` and `jianbao new`: a new series folder, the next issue.
//! Files are created, never replaced.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use jianbao::diag::{Diagnostic, io_reason};
use jianbao::input::{self, Input};
use jianbao::model::{Date, Kind};
use jianbao::read::gongwen::OFFICE_FILE;
use jianbao::scaffold;

use super::{Failed, Result, print_quietly};

/// Runs `jianbao init DIR` (a 公文 folder with `gongwen`).
pub fn init(dir: &Path, date: Option<&str>, gongwen: bool) -> Result {
    let date = date_arg(date)?;
    let files = match gongwen {
        true => scaffold::init_gongwen(date),
        false => scaffold::init(date),
    };
    for (name, _) in &files {
        if dir.join(name).exists() {
            return Err(Failed::trouble(
                Diagnostic::error(
                    Some(&dir.join(name).display().to_string()),
                    "the file exists",
                )
                .hint("init makes a new series folder; give a new or empty folder"),
            ));
        }
    }
    fs::create_dir_all(dir).map_err(|err| {
        Failed::trouble(Diagnostic::error(
            Some(&dir.display().to_string()),
            format!("failed to create the folder ({})", io_reason(&err)),
        ))
    })?;
    for (name, text) in &files {
        create_new(&dir.join(name), text)?;
        print_quietly(format!("{}\n", dir.join(name).display()).as_bytes())?;
    }
    Ok(())
}

/// Runs `jianbao new`: the next issue of `kind` in `dir` (or beside `from`).
pub fn new(dir: &Path, from: Option<&Path>, date: Option<&str>, kind: Kind) -> Result {
    let date = date_arg(date)?;
    let folder = from
        .and_then(|f| f.parent())
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(dir)
        .to_path_buf();
    // A folder with an office file holds 公文.
    if folder.join(OFFICE_FILE).is_file() {
        return new_gongwen(&folder, from, date);
    }
    let issues = scaffold::issues_in(&folder).map_err(|f| Failed::trouble_all(f.0))?;
    let previous = issues
        .iter()
        .rev()
        .map(|(_, l)| l)
        .find(|l| l.issue.kind == kind);
    let base = match from {
        Some(path) => input::load(&Input::Path(path.to_path_buf()))?,
        // The latest issue of the same kind, else the latest of any kind.
        None => match previous.or(issues.last().map(|(_, l)| l)) {
            Some(loaded) => loaded.clone(),
            None => {
                return Err(Failed::trouble(
                    Diagnostic::error(
                        Some(&folder.display().to_string()),
                        "no issue to start from in this folder",
                    )
                    .hint("give --from FILE, or make a series folder with `jianbao init DIR`"),
                ));
            }
        },
    };
    let (name, text) = scaffold::next_issue(&base, previous, kind, date);
    let path = folder.join(name);
    create_new(&path, &text)?;
    print_quietly(format!("{}\n", path.display()).as_bytes())
}

/// The next 公文 in `folder` (after `from`, or after its latest).
fn new_gongwen(folder: &Path, from: Option<&Path>, date: Date) -> Result {
    let documents = scaffold::gongwen_in(folder).map_err(|f| Failed::trouble_all(f.0))?;
    let serials: Vec<(i32, u32)> = documents.iter().filter_map(|(_, s)| *s).collect();
    let base = match from {
        Some(path) => match input::load_document(&Input::Path(path.to_path_buf()))? {
            input::Document::Gongwen(loaded) => loaded,
            input::Document::Bulletin(_) => {
                return Err(Failed::trouble(
                    Diagnostic::error(
                        Some(&path.display().to_string()),
                        "this is a bulletin issue, not a 公文",
                    )
                    .hint("give --from a 公文 of this folder"),
                ));
            }
        },
        None => {
            match documents.last() {
                Some((loaded, _)) => loaded.clone(),
                None => {
                    return Err(Failed::trouble(
                    Diagnostic::error(Some(&folder.display().to_string()), "no 公文 to start from in this folder")
                        .hint("give --from FILE, or make a 公文 folder with `jianbao init --gongwen DIR`"),
                ));
                }
            }
        }
    };
    let (name, text) = scaffold::next_gongwen(&base, &serials, date);
    let path = folder.join(name);
    create_new(&path, &text)?;
    print_quietly(format!("{}\n", path.display()).as_bytes())
}

/// A date argument, or today.
fn date_arg(date: Option<&str>) -> std::result::Result<Date, Failed> {
    match date {
        None => Ok(scaffold::today()),
        Some(text) => Date::parse(text).map_err(|why| {
            Failed::trouble(
                Diagnostic::error(None, format!("impossible date: {why}"))
                    .hint("write it as YYYY-MM-DD, e.g. 2025-03-01"),
            )
        }),
    }
}

/// Writes a new file, refusing to replace one that exists.
fn create_new(path: &Path, text: &str) -> Result {
    let written = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut f| f.write_all(text.as_bytes()));
    written.map_err(|err| {
        let d = Diagnostic::error(
            Some(&path.display().to_string()),
            format!("failed to create the file ({})", io_reason(&err)),
        );
        Failed::trouble(if err.kind() == io::ErrorKind::AlreadyExists {
            d.hint("jianbao never overwrites an issue; move or rename the existing file first")
        } else {
            d
        })
    })
}
