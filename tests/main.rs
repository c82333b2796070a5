//! The one integration-test binary (typst is linked once).
//!
//! - `geometry`: positions and sizes in millimetres against docs/format.md;
//! - `grid`: every body character in one of 28 cells, 避头尾, the grid styles;
//! - `errors`: every class of input error, through the real binary;
//! - `cli`: commands, exit codes, stdin/stdout, a closed pipe, atomic output,
//!   determinism, `fonts`, completions and the manual page;
//! - `safety`: user text stays data, file access stays in the folder;
//! - `fonts`: coverage of U+4E00–U+9FA5, missing-glyph warnings, the faces
//!   `jianbao fonts` names;
//! - `outputs`: HTML and text writers (golden files, structure, browser);
//! - `pages`: PDF/A and PDF/UA, page images and `--pages`, golden first pages;
//! - `export`: the `--format typ` folder, compiled as the typst CLI would;
//! - `import`: plain text, PDF and Word back to YAML (round trips, fixtures,
//!   property);
//! - `batch`: batch runs, incremental rebuilds, `--jobs`, clashing outputs;
//! - `watch`: rebuilds on save, a broken save, recovery;
//! - `editor`: the JSON Schema, `init` and `new`;
//! - `photos`: photo preparation, and photos in every format;
//! - `hardening`: special files, invisible characters, killed runs, two writers;
//! - `fuzzed`: every saved fuzzing finding, replayed and refused;
//! - `office`: DOCX (python-docx, openxml-audit, LibreOffice) and OFD;
//! - `word`: Word documents as Word makes them, imported (fixtures/word).
//! - `tables`: four heading levels and tables, laid out, written and read back;
//! - `add`: a submitted article (Word, PDF, text) added to an issue file;
//! - `preview`: `jianbao preview` over raw HTTP and in Chromium (playwright);
//! - `gongwen`: 公文 laid out and measured format by format, their errors and outputs.

mod support;

mod add;
mod batch;
mod cli;
mod editor;
mod errors;
mod export;
mod fonts;
mod fuzzed;
mod geometry;
mod gongwen;
mod grid;
mod hardening;
mod import;
mod office;
mod outputs;
mod pages;
mod photos;
mod preview;
mod safety;
mod tables;
mod watch;
mod word;
