//! A body table as WordprocessingML (`w:tbl`): ruled as the PDF rules it
//! (single 0.5 pt borders), the header rows marked `w:tblHeader` so Word
//! and LibreOffice repeat them on every page the table runs onto, merged
//! cells as `w:gridSpan` and `w:vMerge`, the columns' widths in `w:tblGrid`
//! (given widths exactly, automatic ones by their text, scaled to the type
//! area when they would not fit), every paragraph in the table styles.

use std::fmt::Write as _;

use super::TWIPS_PER_MM;
use super::content::{para, run};
use crate::format::page::{
    MM_PER_PT, TABLE_CELL_MARGIN_MM, TABLE_PT, TABLE_RULE_PT, TYPE_WIDTH_MM,
};
use crate::format::styles;
use crate::model::{Slot, Table};

/// Writes `table` (its caption first) into `p`.
pub(super) fn table(p: &mut String, table: &Table) {
    if let Some(caption) = &table.caption {
        para(p, styles::TABLE_CAPTION, "", &run(caption, ""));
    }
    let widths = column_widths(table);
    let twips = |mm: f64| (mm * TWIPS_PER_MM).round() as i64;
    let border = |side: &str| {
        format!(
            "<w:{side} w:val=\"single\" w:sz=\"{}\" w:space=\"0\" w:color=\"000000\"/>",
            (TABLE_RULE_PT * 8.0).round() as i64
        )
    };
    let borders: String = ["top", "left", "bottom", "right", "insideH", "insideV"]
        .iter()
        .map(|s| border(s))
        .collect();
    let margin = twips(TABLE_CELL_MARGIN_MM);
    write!(
        p,
        "<w:tbl><w:tblPr><w:tblW w:w=\"{}\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>\
         <w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type=\"fixed\"/>\
         <w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"{margin}\" w:type=\"dxa\"/>\
         <w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"{margin}\" w:type=\"dxa\"/></w:tblCellMar>\
         <w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>\
         </w:tblPr><w:tblGrid>",
        widths.iter().map(|w| twips(*w)).sum::<i64>()
    )
    .unwrap();
    for w in &widths {
        write!(p, "<w:gridCol w:w=\"{}\"/>", twips(*w)).unwrap();
    }
    p.push_str("</w:tblGrid>");

    // Each row's cells, and a `w:vMerge` continuation where a cell from a
    // row above spans down through it.
    for (header, row) in table.placed() {
        let trpr = if header {
            "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        } else {
            "<w:trPr><w:cantSplit/></w:trPr>"
        };
        write!(p, "<w:tr>{trpr}").unwrap();
        for (column, slot) in row {
            let cell = match slot {
                Slot::Starts(cell) | Slot::Continues(cell) => cell,
            };
            let span = cell.colspan as usize;
            let width: f64 = widths[column..column + span].iter().sum();
            if let Slot::Continues(_) = slot {
                cell_open(p, width, cell.colspan, "<w:vMerge/>");
                para(p, styles::TABLE_TEXT, "", "");
                p.push_str("</w:tc>");
                continue;
            }
            let merge = if cell.rowspan > 1 {
                "<w:vMerge w:val=\"restart\"/>"
            } else {
                ""
            };
            cell_open(p, width, cell.colspan, merge);
            let (style, align) = if header {
                (styles::TABLE_HEADER, "center")
            } else {
                (styles::TABLE_TEXT, table.align_of(column).keyword())
            };
            let jc = format!("<w:jc w:val=\"{align}\"/>");
            let text = if cell.text.is_empty() {
                String::new()
            } else {
                run(&cell.text, "")
            };
            para(p, style, &jc, &text);
            p.push_str("</w:tc>");
        }
        p.push_str("</w:tr>");
    }
    p.push_str("</w:tbl>");
}

/// `<w:tc>` with its width, span and merge, its text centred vertically.
fn cell_open(p: &mut String, width_mm: f64, colspan: u32, merge: &str) {
    let span = if colspan > 1 {
        format!("<w:gridSpan w:val=\"{colspan}\"/>")
    } else {
        String::new()
    };
    write!(
        p,
        "<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/>{span}{merge}<w:vAlign w:val=\"center\"/></w:tcPr>",
        (width_mm * TWIPS_PER_MM).round() as i64
    )
    .unwrap();
}

/// The columns' widths in millimetres: given widths as given; an automatic
/// column as wide as its longest unspanned text on one line (a Chinese
/// character one 四号 em, other characters half) plus its margins and a
/// millimetre, the
/// automatic columns scaled down together when the table would be wider
/// than the type area.
pub(super) fn column_widths(table: &Table) -> Vec<f64> {
    let em = TABLE_PT * MM_PER_PT;
    let text_mm = |text: &str| -> f64 {
        text.chars()
            .map(|c| {
                if crate::model::is_wide(c) {
                    em
                } else {
                    em / 2.0
                }
            })
            .sum()
    };
    // A millimetre of slack, so that a text measured to fit its cell
    // exactly is not wrapped by a word processor's rounding.
    let room_for = |text: &str| text_mm(text) + 2.0 * TABLE_CELL_MARGIN_MM + 1.0;
    let mut natural = vec![room_for("字"); table.columns];
    for (_, row) in table.placed() {
        for (column, slot) in row {
            if let Slot::Starts(cell) = slot
                && cell.colspan == 1
                && column < table.columns
            {
                natural[column] = natural[column].max(room_for(&cell.text));
            }
        }
    }
    let given = |c: usize| table.widths.get(c).copied().flatten();
    let fixed: f64 = (0..table.columns).filter_map(given).sum();
    let auto: f64 = (0..table.columns)
        .filter(|c| given(*c).is_none())
        .map(|c| natural[c])
        .sum();
    let room = (TYPE_WIDTH_MM - fixed).max(0.0);
    let scale = if auto > room { room / auto } else { 1.0 };
    (0..table.columns)
        .map(|c| given(c).unwrap_or(natural[c] * scale))
        .collect()
}
