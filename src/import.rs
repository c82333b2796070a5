//! Past issues → YAML sources: a reader makes the model, the YAML writer
//! writes it with the reader's comments, and what is written is read back
//! before anyone sees it, so an import always builds. Writes no file.

use crate::diag::{Diagnostic, Failure};
use crate::model::{Comment, Spot};
use crate::read;
use crate::write;

/// How to import.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The text importer's switches.
    pub text: read::text::ImportOptions,
    /// Warnings (lines that could not be placed) become errors.
    pub strict: bool,
}

/// An imported issue as a YAML source.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The YAML text.
    pub yaml: String,
    /// Warnings on the way (none under `strict`: they fail the import).
    pub warnings: Vec<Diagnostic>,
}

/// Imports the bytes of a past issue's plain text (UTF-8 or GBK/GB18030),
/// named `name` in diagnostics.
pub fn text(bytes: &[u8], name: &str, options: &Options) -> Result<Imported, Failure> {
    let (text, encoding) = read::text::decode(bytes, name)?;
    let imported = read::text::import(&text, name, &options.text)?;
    if options.strict {
        crate::diag::strict(imported.warnings.clone())?;
    }
    let mut comments = imported.comments;
    if let Some(encoding) = encoding {
        comments.insert(
            0,
            Comment {
                spot: Spot::Top,
                text: format!("imported from {encoding} text"),
            },
        );
    }
    let yaml = write::yaml::yaml(&imported.issue, &comments);
    let check = read::yaml::Source { name, text: &yaml };
    if let Err(failure) = read::yaml::read_issue(check, None) {
        let mut diagnostics = vec![Diagnostic::error(
            Some(name),
            "the imported issue does not read back as a valid issue",
        )];
        diagnostics.extend(failure.0);
        return Err(Failure(diagnostics));
    }
    Ok(Imported {
        yaml,
        warnings: imported.warnings,
    })
}
