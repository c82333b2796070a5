//! Readers: source text → model. None touches the file system.

pub mod text;
pub mod yaml;
