//! jianbao typesets Chinese government work bulletins (简报).
//!
//! The pipeline, reader → model → writer:
//!
//! ```no_run
//! use jianbao::{input, typeset, write};
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let env = typeset::Environment::new(
//!     typeset::fonts::Fonts::load(&[]).0,
//!     typeset::TemplateSource::Shipped,
//! );
//! let loaded = input::load(&input::Input::Path("issue.yaml".into()))
//!     .map_err(|e| e.failure().clone())?;                 // YAML + series.yaml → model
//! let (typeset, _warnings) = jianbao::typeset(&env, &loaded)?; // model → pages
//! let options = write::pdf::PdfOptions {
//!     meta: write::Metadata::for_issue(&loaded.issue, None),   // title, dates …
//!     standard: None,
//! };
//! let bytes = write::pdf::pdf(&typeset.document, &options)?;   // pages → PDF bytes
//! # Ok(()) }
//! ```
//!
//! [`render::render`] does the same for every output format; [`batch`] runs
//! it over many issues, [`watch`] again on every change, [`preview`] shows
//! the pages in a browser beside the source; [`import`] runs a reader the
//! other way, from a past issue to its YAML source.

pub mod add;
#[cfg(feature = "typeset")]
pub mod batch;
pub mod diag;
pub mod format;
#[doc(hidden)]
pub mod fuzzing;
pub mod import;
#[cfg(feature = "typeset")]
pub mod incremental;
pub mod input;
pub mod messages;
pub mod model;
#[cfg(feature = "typeset")]
pub mod opentype;
#[cfg(feature = "typeset")]
pub mod output;
pub mod packed;
pub mod photo;
#[cfg(feature = "typeset")]
pub mod preview;
pub mod read;
#[cfg(feature = "typeset")]
pub mod render;
pub mod scaffold;
pub mod schema;
#[cfg(feature = "typeset")]
pub mod typeset;
#[cfg(feature = "typeset")]
pub mod watch;
pub mod write;

#[cfg(feature = "typeset")]
pub use typeset::typeset;
