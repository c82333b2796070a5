//! The page of a bulletin (GB/T 9704 §5.2, docs/format.md): the numbers every
//! writer that places text on a page shares — the Typst template (which
//! repeats them in `templates/bulletin.typ`, and a test holds the two equal),
//! the character grid, the DOCX and OFD writers.

/// A4, in millimetres.
pub const PAGE_WIDTH_MM: f64 = 210.0;
/// A4, in millimetres.
pub const PAGE_HEIGHT_MM: f64 = 297.0;
/// The type area (版心) starts this far from the top edge.
pub const TOP_MM: f64 = 37.0;
/// The type area starts this far from the left edge.
pub const LEFT_MM: f64 = 28.0;
/// Width of the type area.
pub const TYPE_WIDTH_MM: f64 = 156.0;
/// Height of the type area.
pub const TYPE_HEIGHT_MM: f64 = 225.0;
/// Lines of body text on a full page.
pub const LINES: u32 = 22;
/// Cells (characters) in a full body line.
pub const CELLS: u32 = 28;
/// The body size (三号), in points.
pub const BODY_SIZE_PT: f64 = 16.0;
/// The line pitch offices set ("exactly 28.95 pt"), in points.
pub const PITCH_PT: f64 = 28.95;
/// One cell of the character grid, in points: the type-area width over
/// [`CELLS`].
pub const CELL_PT: f64 = TYPE_WIDTH_MM / MM_PER_PT / CELLS as f64;
/// Page numbers (四号), in points.
pub const PAGE_NUMBER_SIZE_PT: f64 = 14.0;
/// The top of the page number's dashes stands this far below the type area.
pub const PAGE_NUMBER_GAP_MM: f64 = 7.0;
/// Millimetres in a point.
pub const MM_PER_PT: f64 = 25.4 / 72.0;

/// The right margin.
pub fn right_mm() -> f64 {
    PAGE_WIDTH_MM - LEFT_MM - TYPE_WIDTH_MM
}

/// The bottom margin.
pub fn bottom_mm() -> f64 {
    PAGE_HEIGHT_MM - TOP_MM - TYPE_HEIGHT_MM
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The template states the same numbers in its own language.
    #[test]
    fn the_template_agrees() {
        let template = include_str!("../templates/bulletin.typ");
        let expect = [
            format!("#let page-size = (width: {PAGE_WIDTH_MM}mm, height: {PAGE_HEIGHT_MM}mm)"),
            format!(
                "#let type-area = (top: {TOP_MM}mm, left: {LEFT_MM}mm, width: {TYPE_WIDTH_MM}mm, height: {TYPE_HEIGHT_MM}mm)"
            ),
            format!("#let cell = type-area.width / {CELLS}"),
            format!("pitch: {PITCH_PT}pt,"),
            "body-size: sizes.sanhao,".to_string(),
            format!("sanhao: {BODY_SIZE_PT}pt"),
            format!("sihao: {PAGE_NUMBER_SIZE_PT}pt"),
            format!("type-area.height + {PAGE_NUMBER_GAP_MM}mm"),
        ];
        for line in expect {
            assert!(template.contains(&line), "the template lacks `{line}`");
        }
        assert!((right_mm() - 26.0).abs() < 1e-9 && (bottom_mm() - 35.0).abs() < 1e-9);
    }
}
