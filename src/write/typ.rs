//! The template's input → a folder the typst CLI compiles to the same
//! document: `main.typ` (which includes jianbao's entry), `.jianbao/` (entry,
//! data, template) and the prepared photos, laid out as the virtual project
//! root of [`crate::typeset::world`]. No I/O: the caller hands in the files.

use std::path::{Path, PathBuf};

/// The files of a typst project: relative path and contents.
pub type Files = Vec<(PathBuf, Vec<u8>)>;

/// The project folder: `own` are jianbao's own files of the virtual root
/// (the entry, the print facts), `data` the template's JSON input,
/// `template` the template's files (relative to its folder), `photos` the
/// prepared photos by their virtual paths.
pub fn typ(own: Files, data: Vec<u8>, template: Files, photos: Files) -> Files {
    let mut files = vec![(
        PathBuf::from("main.typ"),
        b"// Compile with: typst compile --root . main.typ --font-path <jianbao>/fonts\n#include \"/.jianbao/main.typ\"\n".to_vec(),
    )];
    files.extend(own);
    files.push((PathBuf::from(".jianbao/data.json"), data));
    for (path, bytes) in template {
        files.push((Path::new(".jianbao/template").join(path), bytes));
    }
    files.extend(photos);
    files
}
