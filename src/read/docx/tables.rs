//! A Word table in an article's body → a model table: its grid from the
//! table's shape (`w:gridSpan` across, `w:vMerge` down, `w:tblHeader` rows
//! as the header), each cell's text from its paragraphs.

use std::collections::HashMap;

use super::body::{Merge, TableShape};
use crate::model::{Cell, CellAlign, Table};
use crate::read::recognise::column_aligns;
use crate::read::recognise::table_from_rows;

/// The table of `shape` (no caption: the caller finds it); `texts` holds
/// each cell's text and `aligns` its alignment by (row, cell) index as
/// `Place::Cell` counts them. `None` when no rows are left.
pub(super) fn table(
    shape: &TableShape,
    texts: &HashMap<(usize, usize), String>,
    aligns: &HashMap<(usize, usize), CellAlign>,
) -> Option<Table> {
    let columns = shape
        .rows
        .iter()
        .flatten()
        .map(|(_, cells)| {
            cells
                .iter()
                .flatten()
                .map(|(span, _)| *span as usize)
                .sum::<usize>()
        })
        .max()?;
    // A grid wider than a table can be (a damaged or hostile file) stays text.
    if columns > crate::model::MAX_COLUMNS {
        return None;
    }
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut marked = 0;
    // Per grid column, how its single-column cells' text is aligned
    // (left, centre, right), body rows only (counted after the header is known).
    let mut seen: Vec<(usize, usize, CellAlign)> = Vec::new();
    // The cell each grid column's merge continues: (row, cell) in `rows`.
    let mut open: Vec<Option<(usize, usize)>> = vec![None; columns];
    for (r, (header, cells)) in shape
        .rows
        .iter()
        .enumerate()
        .filter_map(|(r, row)| row.as_ref().map(|row| (r, row)))
    {
        if *header && marked == rows.len() {
            marked += 1;
        }
        let mut row = Vec::new();
        let mut column = 0;
        for (c, (span, merge)) in cells
            .iter()
            .enumerate()
            .filter_map(|(c, cell)| cell.map(|cell| (c, cell)))
        {
            let span = span as usize;
            let end = (column + span).min(columns);
            match (merge, open.get(column).copied().flatten()) {
                (Merge::Continue, Some((above, at))) => rows[above][at].rowspan += 1,
                _ => {
                    let text = texts.get(&(r, c)).cloned().unwrap_or_default();
                    if let Some(a) = aligns.get(&(r, c)).filter(|_| span == 1) {
                        seen.push((rows.len(), column, *a));
                    }
                    row.push(Cell {
                        text,
                        colspan: span as u32,
                        rowspan: 1,
                    });
                    let here = (merge == Merge::Restart).then_some((rows.len(), row.len() - 1));
                    for slot in &mut open[column..end] {
                        *slot = here;
                    }
                }
            }
            column = end;
        }
        // Columns this row leaves out are no longer merged down.
        for slot in &mut open[column..] {
            *slot = None;
        }
        rows.push(row);
    }
    if rows.len() < 2 {
        return None;
    }
    // The rows Word repeats are the header; a table that marks none has its
    // first row as header.
    let header = if marked > 0 { marked } else { 1 };
    let mut votes = vec![[0usize; 3]; columns];
    for (row, column, a) in seen {
        if row >= header {
            votes[column][a as usize] += 1;
        }
    }
    let align = column_aligns(&votes);
    let body = rows.split_off(header);
    if let Ok(table) = Table::new(None, rows.clone(), body.clone(), Vec::new(), align) {
        return Some(table);
    }
    // A grid the spans do not square: every cell's text where it starts,
    // without the spans.
    let grid: Vec<Vec<String>> = rows
        .into_iter()
        .chain(body)
        .map(|r| r.into_iter().map(|c| c.text).collect())
        .collect();
    table_from_rows(None, grid, header)
}
