//! The page: the section (size, margins, the document grid, footers) and the
//! page-number footers.

use super::{Document, NS, TWIPS_PER_MM, XML};
use crate::format::page;
use crate::format::styles;

impl Document<'_> {
    /// The section: page, margins, footers and the document grid.
    pub(super) fn section(&self) -> String {
        let tw = |mm: f64| (mm * TWIPS_PER_MM).round() as i64;
        let footers = if self.page_numbers {
            r#"<w:footerReference w:type="default" r:id="rIdFooterOdd"/><w:footerReference w:type="even" r:id="rIdFooterEven"/>"#
        } else {
            ""
        };
        // The footer's bottom edge, from the page's: the number line's top
        // stands PAGE_NUMBER_GAP_MM below the type area less the dash's
        // distance from the top of its line.
        let number_line_mm = page::PAGE_NUMBER_SIZE_PT * page::MM_PER_PT;
        let footer_mm = page::bottom_mm() - page::PAGE_NUMBER_GAP_MM - number_line_mm
            + DASH_DROP * number_line_mm;
        format!(
            "<w:sectPr>{footers}<w:pgSz w:w=\"{}\" w:h=\"{}\"/>\
             <w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" w:header=\"851\" w:footer=\"{}\" w:gutter=\"0\"/>\
             <w:cols w:space=\"425\"/>\
             <w:docGrid w:type=\"lines\" w:linePitch=\"{}\"/></w:sectPr>",
            tw(page::PAGE_WIDTH_MM),
            tw(page::PAGE_HEIGHT_MM),
            tw(page::TOP_MM),
            tw(page::right_mm()),
            tw(page::bottom_mm()),
            tw(page::LEFT_MM),
            tw(footer_mm),
            line_pitch(),
        )
    }
}

/// Where the dashes of "— N —" stand in their line, as a fraction of the
/// size from the line's top (the dash sits at the middle of the em box).
const DASH_DROP: f64 = 0.45;

/// The grid's line pitch in twips, rounded down so that 22 lines fit in
/// the type area (LibreOffice fits only 21 at 580).
pub fn line_pitch() -> i64 {
    let area = page::TYPE_HEIGHT_MM * TWIPS_PER_MM;
    (area / f64::from(page::LINES)).floor() as i64
}

/// The body's character spacing in twentieths of a point (`w:spacing`):
/// condensed so that 28 三号 characters fit the 156 mm line (16 pt less
/// 0.25 pt: 28 × 15.75 pt = 441 pt of 442.2 pt; −0.2 pt would give 442.4 pt,
/// and 27 a line). With a lines-only grid every reader lays the body out at
/// 28 a line: Word, WPS and LibreOffice alike (docs/format.md).
pub fn char_spacing() -> i64 {
    ((page::CELL_PT - page::BODY_SIZE_PT) * 20.0).floor() as i64
}

/// A footer part with "— N —", N a PAGE field: odd pages right less one
/// 字, even pages left plus one 字.
pub(super) fn page_number_footer(even: bool) -> String {
    let one = (page::PAGE_NUMBER_SIZE_PT * 20.0) as i64;
    let place = if even {
        format!("<w:ind w:left=\"{one}\"/><w:jc w:val=\"left\"/>")
    } else {
        format!("<w:ind w:right=\"{one}\"/><w:jc w:val=\"right\"/>")
    };
    format!(
        "{XML}<w:ftr {NS}><w:p><w:pPr><w:pStyle w:val=\"{style}\"/>{place}</w:pPr>\
         <w:r><w:t xml:space=\"preserve\">— </w:t></w:r>\
         <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>\
         <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>\
         <w:r><w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:ftr>",
        style = styles::PAGE_NUMBER,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grid_fits_22_lines_and_28_characters() {
        assert_eq!(line_pitch(), 579);
        // 28 characters of 16 pt less the spacing fit the 156 mm line.
        assert_eq!(char_spacing(), -5);
        let advance = page::BODY_SIZE_PT + char_spacing() as f64 / 20.0;
        assert!(28.0 * advance <= page::TYPE_WIDTH_MM / page::MM_PER_PT);
        assert!(28.0 * (advance + 0.05) > page::TYPE_WIDTH_MM / page::MM_PER_PT);
    }
}
