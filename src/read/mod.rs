//! Readers: source text → model. None touches the file system.
//!
//! `yaml` reads the source format; `text`, `docx`, `pdf` (and `styled`, which turns
//! paragraphs of known role into the model for it) read past issues;
//! `submission` reads one submitted article (`jianbao add`) through them;
//! `package` opens ZIP packages under limits.

pub mod docx;
pub mod package;
#[cfg(feature = "typeset")]
pub mod pdf;
pub mod styled;
pub mod submission;
pub mod text;
pub mod yaml;
