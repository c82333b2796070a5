//! The page of a bulletin (GB/T 9704 §5.2, docs/format.md) and the practice
//! sizes of its parts: the numbers every writer that places text on a page
//! shares — the Typst template (which receives them as data, see
//! [`Practice`]), the character grid, photos, the DOCX and OFD writers and the
//! PDF reader.

use serde::Serialize;

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

/// The bulletin name is fitted to the type-area width, up to this size.
pub const NAME_MAX_PT: f64 = 60.0;
/// Article titles (二号).
pub const TITLE_PT: f64 = 22.0;
/// The kind label 增刊/专刊 (一号).
pub const KIND_PT: f64 = 26.0;
/// The footer block's text (四号).
pub const FOOTER_PT: f64 = 14.0;
/// The red rule under the masthead, by default.
pub const RULE_PT: f64 = 1.5;
/// From the unit/date line's baseline to the middle of the red rule.
pub const RULE_GAP_MM: f64 = 4.0;
/// The footer block's first and last rules.
pub const FOOTER_OUTER_RULE_MM: f64 = 0.35;
/// The footer block's rules between its groups.
pub const FOOTER_INNER_RULE_MM: f64 = 0.25;
/// The star of `rule: star`: a red ★ of this size, in a gap of
/// [`STAR_GAP_EM`] times it in the middle of the rule.
pub const STAR_PT: f64 = 14.0;
/// See [`STAR_PT`].
pub const STAR_GAP_EM: f64 = 1.6;

/// The stroke around each glyph of a heading set bold (`heading_bold`):
/// the shipped and office faces have no bold weight, and Word's own
/// synthetic bold looks the same.
pub const BOLD_STROKE_PT: f64 = 0.4;

/// Table text: 四号 (the header row in 黑体, the cells in 仿宋); each line
/// of a cell is one grid pitch tall, so a table takes whole grid lines.
pub const TABLE_PT: f64 = 14.0;

/// Table rules, points (Word's default single border).
pub const TABLE_RULE_PT: f64 = 0.5;

/// A table cell's inner margin left and right, millimetres (Word's default
/// 0.19 cm), so the Word copy's columns hold what the PDF's do.
pub const TABLE_CELL_MARGIN_MM: f64 = 1.9;

/// The narrowest a column of automatic width may become, millimetres: one
/// 四号 character between its margins.
pub const TABLE_MIN_COLUMN_MM: f64 = 2.0 * TABLE_CELL_MARGIN_MM + TABLE_PT * MM_PER_PT;

/// Tracking that makes a 三号 character take one cell.
pub const BODY_TRACKING_PT: f64 = CELL_PT - BODY_SIZE_PT;

/// The Chinese sizes (字号) the template names, in points.
pub const SIZES: [(&str, f64); 8] = [
    ("chuhao", 42.0),
    ("xiaochu", 36.0),
    ("yihao", KIND_PT),
    ("erhao", TITLE_PT),
    ("xiaoer", 18.0),
    ("sanhao", BODY_SIZE_PT),
    ("xiaosan", 15.0),
    ("sihao", PAGE_NUMBER_SIZE_PT),
];

/// The right margin.
pub fn right_mm() -> f64 {
    PAGE_WIDTH_MM - LEFT_MM - TYPE_WIDTH_MM
}

/// The bottom margin.
pub fn bottom_mm() -> f64 {
    PAGE_HEIGHT_MM - TOP_MM - TYPE_HEIGHT_MM
}

/// The print facts the template reads (`/.jianbao/practice.json`): the page,
/// the grid, the practice sizes and the faces' defaults, in millimetres and
/// points. A template states none of these numbers itself.
#[derive(Debug, Clone, Serialize)]
pub struct Practice {
    /// The page, in millimetres.
    pub page: Size,
    /// The type area, in millimetres from the page's top left corner.
    pub type_area: Area,
    /// Cells of a full body line.
    pub cells: u32,
    /// The line pitch, points.
    pub pitch: f64,
    /// The body size, points.
    pub body_size: f64,
    /// The body tracking, points.
    pub body_tracking: f64,
    /// The name's upper bound, points.
    pub name_max_size: f64,
    /// The red rule, points, and its distance below the unit/date baseline, mm.
    pub rule_thickness: f64,
    /// See [`RULE_GAP_MM`].
    pub rule_gap: f64,
    /// The star of `rule: star`: its size in points, its gap in ems.
    pub star: (f64, f64),
    /// The footer block's outer and inner rules, millimetres.
    pub footer_rules: (f64, f64),
    /// The page number's distance below the type area, millimetres.
    pub page_number_gap: f64,
    /// Tables: text size (pt), rule width (pt), cell margin left and right (mm).
    pub table: TableFacts,
    /// The face role of each heading level, 1 to 4.
    pub heading_faces: [&'static str; 4],
    /// The stroke that sets a heading bold (the faces have no bold), points.
    pub bold_stroke: f64,
    /// 字号 name → points.
    pub sizes: std::collections::BTreeMap<&'static str, f64>,
    /// The families each role uses when the caller does not say, best first.
    pub fonts: std::collections::BTreeMap<&'static str, Vec<&'static str>>,
    /// What a 公文 adds (its 标志, separator, record, letter lines).
    pub gongwen: crate::format::gongwen::Facts,
}

/// The print facts of a body table.
#[derive(Debug, Clone, Serialize)]
pub struct TableFacts {
    /// Text size, points.
    pub size: f64,
    /// Rule width, points.
    pub rule: f64,
    /// Cell margin left and right, millimetres.
    pub margin: f64,
}

/// A width and a height.
#[derive(Debug, Clone, Serialize)]
pub struct Size {
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

/// A rectangle by its top left corner and size.
#[derive(Debug, Clone, Serialize)]
pub struct Area {
    /// From the top edge.
    pub top: f64,
    /// From the left edge.
    pub left: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

impl Practice {
    /// The facts of this module.
    pub fn new() -> Practice {
        use crate::format::faces::Role;
        Practice {
            page: Size {
                width: PAGE_WIDTH_MM,
                height: PAGE_HEIGHT_MM,
            },
            type_area: Area {
                top: TOP_MM,
                left: LEFT_MM,
                width: TYPE_WIDTH_MM,
                height: TYPE_HEIGHT_MM,
            },
            cells: CELLS,
            pitch: PITCH_PT,
            body_size: BODY_SIZE_PT,
            body_tracking: BODY_TRACKING_PT,
            name_max_size: NAME_MAX_PT,
            rule_thickness: RULE_PT,
            rule_gap: RULE_GAP_MM,
            star: (STAR_PT, STAR_GAP_EM),
            footer_rules: (FOOTER_OUTER_RULE_MM, FOOTER_INNER_RULE_MM),
            page_number_gap: PAGE_NUMBER_GAP_MM,
            table: TableFacts {
                size: TABLE_PT,
                rule: TABLE_RULE_PT,
                margin: TABLE_CELL_MARGIN_MM,
            },
            heading_faces: [1, 2, 3, 4].map(crate::format::faces::heading_face),
            bold_stroke: BOLD_STROKE_PT,
            sizes: SIZES.into_iter().collect(),
            fonts: Role::ALL
                .into_iter()
                .map(|role| {
                    let mut families = vec![role.office_face()];
                    families.extend(role.shipped_families());
                    (role.key(), families)
                })
                .collect(),
            gongwen: crate::format::gongwen::Facts::new(),
        }
    }
}

impl Default for Practice {
    fn default() -> Practice {
        Practice::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_margins_follow_from_the_type_area() {
        assert!((right_mm() - 26.0).abs() < 1e-9 && (bottom_mm() - 35.0).abs() < 1e-9);
    }
}
