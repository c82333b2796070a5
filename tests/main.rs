//! The one integration-test binary (typst is linked once).
//!
//! - `geometry`: positions and sizes in millimetres against docs/format.md;
//! - `grid`: every body character in one of 28 cells, 避头尾, the grid styles;
//! - `errors`: every class of input error, through the real binary;
//! - `cli`: commands, exit codes, stdin/stdout, atomic output, determinism;
//! - `safety`: user text stays data, file access stays in the folder;
//! - `fonts`: coverage of U+4E00–U+9FA5 and missing-glyph warnings;
//! - `outputs`: HTML and text writers (golden files, structure, browser);
//! - `import`: plain text back to YAML (round trips, fixtures, property);
//! - `batch`: batch runs, incremental rebuilds, watch, completions, typ export;
//! - `editor`: the JSON Schema, `init` and `new`;
//! - `photos`: photo preparation, previews, archival PDF;
//! - `hardening`: special files, invisible characters, killed runs, two writers;
//! - `fuzzed`: every saved fuzzing finding, replayed;
//! - `office`: DOCX (python-docx, openxml-audit, LibreOffice) and OFD;
//! - `add`: a submitted article (Word, PDF, text) added to an issue file.

mod support;

mod add;
mod batch;
mod cli;
mod editor;
mod errors;
mod fonts;
mod fuzzed;
mod geometry;
mod grid;
mod hardening;
mod import;
mod office;
mod outputs;
mod photos;
mod safety;
