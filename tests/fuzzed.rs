//! Every input the fuzzers (`fuzz/`) found a fault with, and the hostile
//! inputs of our own beside them, are kept under `tests/fixtures/fuzz/TARGET/`
//! and replayed here: through the fuzzer's entry point, which must return, and
//! through the reader that entry point exercises, which must refuse each one
//! with the error written for it in [`REFUSED`]. How fast they are refused is
//! measured in `cargo bench`, not here.

use std::fs;

use jianbao::read::yaml::{Source, read_issue, read_series};

use crate::support::root;

/// Each saved input, as `TARGET/FILE`, and a piece of the error it is refused
/// with. A file saved without a line here fails, and so does a line without
/// its file.
const REFUSED: &[(&str, &str)] = &[
    ("docx_import/billion-laughs.docx", "XML with DTD detected"),
    (
        "docx_import/bomb-80-megabytes.docx",
        "word/document.xml would be 77 MB; at most 64 MB is read",
    ),
    (
        "docx_import/bomb-claims-2-kilobytes.docx",
        "word/document.xml inflates past 64 MB",
    ),
    (
        "docx_import/deep-nesting.docx",
        "its elements nest more than 160 levels deep",
    ),
    // Part names that climb out of the package are names, never paths.
    (
        "docx_import/traversal.docx",
        "this does not read as a bulletin",
    ),
    // A content stream nested deeper than any page needs: refused before
    // the parser recurses into it (it overflowed a fuzzer's stack).
    (
        "pdf_import/deep-nesting.pdf",
        "page 1 of the PDF nests its content more than 256 deep",
    ),
    // Within hayro's own bounds: what is left is no text.
    (
        "pdf_import/lying-stream-length.pdf",
        "the PDF has no text layer",
    ),
    ("pdf_import/page-tree-loop.pdf", "the PDF has no pages"),
    (
        "pdf_import/truncated.pdf",
        "this is not a readable PDF (damaged or truncated)",
    ),
    (
        "pdf_import/unbalanced-saves.pdf",
        "the PDF has no text layer",
    ),
    (
        "photo/lying-header.png",
        "the photo's header cannot be read",
    ),
    (
        "photo/slow-gif-canvas-66-megapixels.gif",
        "the photo claims 16144 × 4096 pixels from only 469 bytes",
    ),
    (
        "photo/timeout-gif-canvas-66-megapixels.gif",
        "the photo claims 16144 × 4096 pixels from only 8126 bytes",
    ),
    (
        "photo/timeout-jpeg-claims-46-megapixels.jpg",
        "the photo claims 3072 × 15111 pixels from only 1264 bytes",
    ),
    ("photo/truncated.png", "the photo cannot be decoded"),
    (
        "text_import/controls-and-gbk.txt",
        "the text is neither UTF-8 nor GBK/GB18030",
    ),
    // The first key is refused before any alias is replayed.
    ("yaml_issue/alias-bomb.yaml", "unknown key `a`"),
    (
        "yaml_issue/bidi-and-nul.yaml",
        "invisible character U+202E (right-to-left override)",
    ),
    // The outermost sequence is refused before the nesting is read.
    (
        "yaml_issue/deep-nesting.yaml",
        "wrong type: found sequence, expected a piece of text",
    ),
    // The reader stops at the impossible grid before it checks the keys.
    (
        "yaml_series/issue-keys.yaml",
        "unknown variant `sideways`, expected one of strict, typst",
    ),
];

/// Replays every file of `target` through `fuzzed` (the fuzzer's entry point)
/// and `read` (the reader behind it, giving its error as text).
fn replay(target: &str, fuzzed: fn(&[u8]), read: fn(&[u8]) -> Result<(), String>) {
    let dir = root().join("tests/fixtures/fuzz").join(target);
    // The folder is part of the repository: a missing one is a failure,
    // not a pass with nothing replayed.
    let entries = fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut replayed = Vec::new();
    for entry in entries {
        let path = entry.unwrap().path();
        let name = format!("{target}/{}", path.file_name().unwrap().to_string_lossy());
        let bytes = fs::read(&path).unwrap();
        fuzzed(&bytes);
        let expected = REFUSED
            .iter()
            .find(|(file, _)| *file == name)
            .map(|(_, error)| *error)
            .unwrap_or_else(|| panic!("{name}: write the error it is refused with into REFUSED"));
        match read(&bytes) {
            Ok(()) => panic!("{name} is accepted"),
            Err(error) => assert!(
                error.contains(expected),
                "{name} is refused with\n{error}\nnot with `{expected}`"
            ),
        }
        replayed.push(name);
    }
    let prefix = format!("{target}/");
    for (file, _) in REFUSED.iter().filter(|(file, _)| file.starts_with(&prefix)) {
        assert!(
            replayed.iter().any(|name| name == file),
            "{file} is listed in REFUSED but not saved"
        );
    }
}

/// The bytes as UTF-8, as the YAML targets take them.
fn utf8(bytes: &[u8]) -> Result<&str, String> {
    std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8 ({e})"))
}

#[test]
fn yaml_issue_findings() {
    replay("yaml_issue", jianbao::fuzzing::yaml_issue, |bytes| {
        let source = Source {
            name: "fuzz.yaml",
            text: utf8(bytes)?,
        };
        read_issue(source, None)
            .map(|_| ())
            .map_err(|f| f.to_string())
    });
}

#[test]
fn yaml_series_findings() {
    replay("yaml_series", jianbao::fuzzing::yaml_series, |bytes| {
        let source = Source {
            name: "series.yaml",
            text: utf8(bytes)?,
        };
        read_series(source).map_err(|f| f.to_string())
    });
}

#[test]
fn text_import_findings() {
    replay("text_import", jianbao::fuzzing::text_import, |bytes| {
        jianbao::import::text(bytes, "fuzz.txt", &Default::default())
            .map(|_| ())
            .map_err(|f| f.to_string())
    });
}

#[test]
fn photo_findings() {
    replay("photo", jianbao::fuzzing::photo, |bytes| {
        jianbao::photo::prepare(bytes, 1.0).map(|_| ())
    });
}

/// Word and PDF files go through the importer as `jianbao import` runs it
/// (on its reader thread).
fn import_refused(bytes: &[u8]) -> Result<(), String> {
    jianbao::import::file(bytes, "fuzz", "fuzz", &Default::default())
        .map(|_| ())
        .map_err(|f| f.to_string())
}

#[test]
fn docx_import_findings() {
    replay("docx_import", jianbao::fuzzing::docx_import, import_refused);
}

#[test]
fn pdf_import_findings() {
    replay("pdf_import", jianbao::fuzzing::pdf_import, import_refused);
}
