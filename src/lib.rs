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
//!     .map_err(|e| e.failure().clone())?;                // YAML + series.yaml → model
//! let (typeset, _warnings) = jianbao::typeset(&env, &loaded)?; // model → pages
//! let options = jianbao::pdf_options(&loaded.issue, None, None);
//! let bytes = write::pdf::pdf(&typeset.document, &options)?;  // pages → PDF bytes
//! # Ok(()) }
//! ```

pub mod batch;
pub mod diag;
pub mod input;
pub mod messages;
pub mod model;
pub mod output;
pub mod photo;
pub mod read;
pub mod render;
pub mod scaffold;
pub mod schema;
pub mod typeset;
pub mod watch;
pub mod write;

use std::io;

use diag::{Diagnostic, Failure};
use input::Loaded;
use model::Issue;
use typeset::{Environment, Typeset};
use write::pdf::PdfOptions;

/// Lays out a loaded issue. Characters that no font has become warnings that
/// name the character and where it is in the source.
pub fn typeset(env: &Environment, loaded: &Loaded) -> Result<(Typeset, Vec<Diagnostic>), Failure> {
    typeset_for(env, loaded, false)
}

/// [`typeset`] for a given output: `rgb_only` for PDF/A, which cannot carry CMYK.
pub fn typeset_for(
    env: &Environment,
    loaded: &Loaded,
    rgb_only: bool,
) -> Result<(Typeset, Vec<Diagnostic>), Failure> {
    let photos = input::prepare_photos(loaded, &env.photos)?;
    let typeset = env.typeset(&loaded.issue, loaded.folder.clone(), rgb_only, &photos)?;
    let mut warnings = typeset.warnings.clone();
    for (&c, &page) in &typeset.missing {
        let warning = Diagnostic::warning(
            Some(&loaded.name),
            format!("no font has the character `{c}` (U+{:04X}); it prints as a blank box on page {page}", c as u32),
        )
        .hint("add a font that has it with --font-path DIR, or replace the character");
        warnings.push(loaded.diagnostic_at(warning, c.encode_utf8(&mut [0; 4])));
    }
    Ok((typeset, warnings))
}

/// PDF options for `issue`: a stable document id from the issue's identity and
/// a creation date from `SOURCE_DATE_EPOCH` when given, else the issue date.
pub fn pdf_options(
    issue: &Issue,
    source_date_epoch: Option<i64>,
    standard: Option<typst_pdf::PdfStandard>,
) -> PdfOptions {
    PdfOptions {
        ident: format!(
            "jianbao/{}/{:?}/{}/{}",
            issue.name, issue.kind, issue.date.year, issue.number
        ),
        timestamp: source_date_epoch.unwrap_or_else(|| issue.date.unix_seconds()),
        standard,
    }
}

/// An I/O error's reason in lowercase, as messages quote it.
pub fn io_reason(err: &io::Error) -> String {
    let text = match err.kind() {
        io::ErrorKind::NotFound => "not found".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => err.to_string(),
    };
    let text = text.split(" (os error").next().unwrap_or(&text).to_string();
    match text.get(..1) {
        Some(first) => first.to_lowercase() + &text[1..],
        None => text,
    }
}
