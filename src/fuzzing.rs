//! The entry points of the fuzz targets (`fuzz/`), here so that the
//! regression test (`tests/fuzzed.rs`) replays every saved finding through
//! exactly the code the fuzzer ran. Each takes any bytes and must return
//! without panicking; what it returns is not the point.

use crate::read::yaml::{self, Source};

/// An issue file alone, then the first part of the input as its series file.
pub fn yaml_issue(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = yaml::read_issue(
        Source {
            name: "fuzz.yaml",
            text,
        },
        None,
    );
    if let Some(split) = text.find("\n---\n") {
        let (series, issue) = (&text[..split], &text[split + 5..]);
        let _ = yaml::read_issue(
            Source {
                name: "fuzz.yaml",
                text: issue,
            },
            Some(Source {
                name: "series.yaml",
                text: series,
            }),
        );
    }
}

/// A series file, checked on its own.
pub fn yaml_series(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = yaml::read_series(Source {
            name: "series.yaml",
            text,
        });
    }
}

/// The text importer, from bytes (UTF-8 or GBK) to a YAML source that reads back.
pub fn text_import(data: &[u8]) {
    let _ = crate::import::text(data, "fuzz.txt", &crate::import::Options::default());
}

/// Photo vetting and preparation.
pub fn photo(data: &[u8]) {
    let _ = crate::photo::prepare(data, 1.0);
}

/// A past issue's Word document through the importer (the package, the
/// story walk, the assembler, the YAML writer and its read-back check), then
/// as a submitted article.
pub fn docx_import(data: &[u8]) {
    office_file(data, crate::read::Kind::Docx);
}

/// A past issue's PDF through the importer, then as a submitted article.
#[cfg(feature = "pdf")]
pub fn pdf_import(data: &[u8]) {
    office_file(data, crate::read::Kind::Pdf);
}

/// On this thread, not the importer's own (which turns a panic into the
/// file's failure): the fuzzer must see every panic.
fn office_file(data: &[u8], kind: crate::read::Kind) {
    let _ = crate::import::file_here(data, "fuzz", "fuzz", &crate::import::Options::default());
    let _ = crate::read::submission::read(data, kind, "fuzz", "fuzz");
}
