//! Laid-out pages → PDF bytes. No I/O.

use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfStandard, PdfStandards, Timestamp};

use crate::diag::{Diagnostic, Failure};
use crate::write::Metadata;

/// How to export.
#[derive(Debug, Clone)]
pub struct PdfOptions {
    /// The document's identity and date (the PDF's /ID is derived from the
    /// identity; its title and description the template sets from the same
    /// labels).
    pub meta: Metadata,
    /// A PDF standard to conform to (e.g. PDF/A-2b), if any.
    pub standard: Option<PdfStandard>,
}

/// The PDF of `document`: same document and options, same bytes.
pub fn pdf(document: &PagedDocument, options: &PdfOptions) -> Result<Vec<u8>, Failure> {
    let standards = PdfStandards::new(options.standard.as_slice())
        .map_err(|e| Diagnostic::error(None, e.message().to_string()))?;
    let timestamp = datetime(options.meta.timestamp)
        .ok_or_else(|| Diagnostic::error(None, "the creation date is out of range"))?;
    let typst_options = typst_pdf::PdfOptions {
        ident: Smart::Custom(options.meta.ident.clone()),
        timestamp: Some(Timestamp::new_utc(timestamp)),
        standards,
        ..Default::default()
    };
    typst_pdf::pdf(document, &typst_options).map_err(|errors| {
        Failure(
            errors
                .iter()
                .map(|e| {
                    let mut d =
                        Diagnostic::error(None, format!("PDF export failed: {}", e.message));
                    for hint in &e.hints {
                        d = d.hint(hint.v.to_string());
                    }
                    d
                })
                .collect(),
        )
    })
}

/// A UTC date and time from seconds since 1970.
fn datetime(seconds: i64) -> Option<Datetime> {
    let [year, month, day, hour, minute, second] = crate::model::utc(seconds);
    Datetime::from_ymd_hms(
        i32::try_from(year).ok()?,
        month as u8,
        day as u8,
        hour as u8,
        minute as u8,
        second as u8,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_become_the_right_civil_date() {
        assert_eq!(datetime(0), Datetime::from_ymd_hms(1970, 1, 1, 0, 0, 0));
        assert_eq!(
            datetime(1_689_897_600 + 3661),
            Datetime::from_ymd_hms(2023, 7, 21, 1, 1, 1)
        );
    }
}
