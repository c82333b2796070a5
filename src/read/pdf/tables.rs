//! Ruled tables: the dark horizontal and vertical rules of a page that
//! cross one another make a grid; a cell is a rectangle of the grid that no
//! rule divides (a merged cell spans the bands its missing rules join);
//! the glyphs inside go to their cells and out of the page's text. A table
//! that ends at the foot of a page and one that starts at the head of the
//! next with the same columns are one table, its repeated header read once.

use super::glyphs::{Drawn, Rule};
use super::lines::{join, lines_of};
use crate::format::page;
use crate::model::{Cell, Table};
use crate::read::recognise::column_aligns;

/// A table found on a page: where it stands (mm) and what it holds.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub(super) page: usize,
    pub(super) top: f64,
    pub(super) bottom: f64,
    /// The page it ends on.
    end_page: usize,
    /// The x of its vertical rules, left to right.
    columns: Vec<f64>,
    /// Per column, how many of its cells stand left, centred, right.
    votes: Vec<[usize; 3]>,
    pub(super) table: Table,
}

/// At most this many distinct rules on a page are searched for tables.
const MAX_PAGE_RULES: usize = 3000;

/// At most this many tables are read on a page.
const MAX_PAGE_TABLES: usize = 50;

/// How close two rule positions must be to count as one (mm).
const NEAR: f64 = 0.6;

/// Finds the tables of every page, takes their glyphs out of `glyphs`, and
/// joins the parts of a table that runs across pages.
pub(super) fn find(rules: &[Rule], glyphs: &mut Vec<Drawn>) -> Vec<Found> {
    let mut found = Vec::new();
    // The rules come page by page, as the pages are interpreted.
    for on_page in rules.chunk_by(|a, b| a.page == b.page) {
        let page = on_page[0].page;
        let rules = merged(on_page);
        // A page of more rules than any table draws (a drawing, a hostile
        // file) is left to its text: the search is quadratic in the rules.
        if rules.len() > MAX_PAGE_RULES {
            continue;
        }
        for grid in grids(&rules).into_iter().take(MAX_PAGE_TABLES) {
            if let Some(table) = read(&grid, page, glyphs) {
                found.push(table);
            }
        }
    }
    found.sort_by(|a, b| {
        (a.page, a.top)
            .partial_cmp(&(b.page, b.top))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    continued(found)
}

/// Collinear rules that touch or overlap, as one.
fn merged(rules: &[Rule]) -> Vec<Rule> {
    let mut sorted = rules.to_vec();
    sorted.sort_by(|a, b| {
        (a.horizontal, a.at, a.from)
            .partial_cmp(&(b.horizontal, b.at, b.from))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut out: Vec<Rule> = Vec::new();
    for r in sorted {
        // The few rules just before it on its line, no further (a page of
        // many short segments stays linear).
        let hit = out
            .iter()
            .enumerate()
            .rev()
            .take(8)
            .take_while(|(_, m)| m.horizontal == r.horizontal && r.at - m.at < NEAR)
            .find(|(_, m)| r.from <= m.to + NEAR)
            .map(|(i, _)| i);
        match hit {
            Some(i) => out[i].to = out[i].to.max(r.to),
            None => out.push(r),
        }
    }
    out
}

/// The rules of one table.
struct Grid {
    horizontal: Vec<Rule>,
    vertical: Vec<Rule>,
}

/// The sets of rules that cross one another, each with at least two rules
/// each way.
fn grids(rules: &[Rule]) -> Vec<Grid> {
    let n = rules.len();
    let mut parent: Vec<usize> = (0..n).collect();
    let crosses = |h: &Rule, v: &Rule| {
        v.at >= h.from - NEAR && v.at <= h.to + NEAR && h.at >= v.from - NEAR && h.at <= v.to + NEAR
    };
    for i in 0..n {
        for j in 0..n {
            if rules[i].horizontal && !rules[j].horizontal && crosses(&rules[i], &rules[j]) {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                parent[a] = b;
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Grid> = std::collections::BTreeMap::new();
    for (i, r) in rules.iter().enumerate() {
        let g = root(&mut parent, i);
        let grid = groups.entry(g).or_insert(Grid {
            horizontal: Vec::new(),
            vertical: Vec::new(),
        });
        if r.horizontal {
            grid.horizontal.push(*r);
        } else {
            grid.vertical.push(*r);
        }
    }
    groups
        .into_values()
        .filter(|g| g.horizontal.len() >= 2 && g.vertical.len() >= 2)
        .collect()
}

/// The root of `i` in a union-find forest (`parent[i] == i` at a root),
/// halving the path on the way.
fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Distinct positions, sorted, those closer than [`NEAR`] taken as one.
fn positions(mut values: Vec<f64>) -> Vec<f64> {
    values.sort_by(f64::total_cmp);
    let mut out: Vec<f64> = Vec::new();
    for v in values {
        if out.last().is_none_or(|l| v - l > NEAR) {
            out.push(v);
        }
    }
    out
}

/// The table of `grid`, its glyphs taken out of `glyphs`.
fn read(grid: &Grid, page: usize, glyphs: &mut Vec<Drawn>) -> Option<Found> {
    let ys = positions(grid.horizontal.iter().map(|r| r.at).collect());
    let xs = positions(grid.vertical.iter().map(|r| r.at).collect());
    let (rows, cols) = (ys.len().checked_sub(1)?, xs.len().checked_sub(1)?);
    if rows == 0 || cols == 0 || rows * cols > 100_000 {
        return None;
    }
    // Whether a rule divides two neighbouring bands at their middle.
    let has = |horizontal: bool, at: f64, middle: f64| {
        let rules = if horizontal {
            &grid.horizontal
        } else {
            &grid.vertical
        };
        rules
            .iter()
            .any(|r| (r.at - at).abs() < NEAR && r.from - NEAR <= middle && middle <= r.to + NEAR)
    };
    // Cells joined where no rule divides them.
    let mut owner: Vec<usize> = (0..rows * cols).collect();
    for r in 0..rows {
        let mid_y = (ys[r] + ys[r + 1]) / 2.0;
        for c in 0..cols {
            let mid_x = (xs[c] + xs[c + 1]) / 2.0;
            if c + 1 < cols && !has(false, xs[c + 1], mid_y) {
                let (a, b) = (
                    root(&mut owner, r * cols + c),
                    root(&mut owner, r * cols + c + 1),
                );
                owner[b] = a;
            }
            if r + 1 < rows && !has(true, ys[r + 1], mid_x) {
                let (a, b) = (
                    root(&mut owner, r * cols + c),
                    root(&mut owner, (r + 1) * cols + c),
                );
                owner[b] = a;
            }
        }
    }
    // Each merged cell's extent: first row and column, last row and column.
    let mut extent: std::collections::HashMap<usize, (usize, usize, usize, usize)> =
        std::collections::HashMap::new();
    for r in 0..rows {
        for c in 0..cols {
            let o = root(&mut owner, r * cols + c);
            let e = extent.entry(o).or_insert((r, c, r, c));
            *e = (e.0.min(r), e.1.min(c), e.2.max(r), e.3.max(c));
        }
    }
    // The glyphs inside, to their cells.
    let (top, bottom, left, right) = (ys[0], ys[rows], xs[0], xs[cols]);
    let band = |edges: &[f64], v: f64| edges.windows(2).position(|w| w[0] <= v && v < w[1]);
    let mut inside: std::collections::HashMap<usize, Vec<Drawn>> = std::collections::HashMap::new();
    let mut kept = Vec::with_capacity(glyphs.len());
    for g in glyphs.drain(..) {
        let (cx, cy) = (
            (g.x + g.right) / 2.0,
            g.y - 0.35 * g.size / super::glyphs::PT_PER_MM,
        );
        let within = g.page == page && cx > left && cx < right && cy > top && cy < bottom;
        match (within, band(&ys, cy), band(&xs, cx)) {
            (true, Some(r), Some(c)) => {
                let o = root(&mut owner, r * cols + c);
                inside.entry(o).or_default().push(g);
            }
            _ => kept.push(g),
        }
    }
    // A grid with red or large text in it is a masthead's frame, not a table.
    if inside.values().flatten().any(|g| g.red || g.size > 18.0) {
        kept.extend(inside.into_values().flatten());
        kept.sort_by(|a, b| {
            (a.page, a.y, a.x)
                .partial_cmp(&(b.page, b.y, b.x))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        *glyphs = kept;
        return None;
    }
    *glyphs = kept;
    // How each column's text stands in its cells (single-column cells of
    // the body rows, by the side their text keeps its margin on).
    let first_body = extent
        .values()
        .filter(|e| e.0 == 0)
        .map(|e| e.2 + 1)
        .max()
        .unwrap_or(1);
    let mut votes = vec![[0usize; 3]; cols];
    for (o, &(r0, c0, _, c1)) in &extent {
        let Some(glyphs) = inside.get(o).filter(|g| !g.is_empty()) else {
            continue;
        };
        if c0 != c1 || r0 < first_body {
            continue;
        }
        let x0 = glyphs.iter().map(|g| g.x).fold(f64::MAX, f64::min);
        let x1 = glyphs.iter().map(|g| g.right).fold(f64::MIN, f64::max);
        let margin = page::TABLE_CELL_MARGIN_MM;
        let (dl, dr) = (x0 - (xs[c0] + margin), (xs[c0 + 1] - margin) - x1);
        let side = if (dl - dr).abs() < 0.5 {
            1
        } else if dl < 0.5 {
            0
        } else if dr < 0.5 {
            2
        } else {
            1
        };
        if dl > 0.3 || dr > 0.3 {
            votes[c0][side] += 1;
        }
    }
    let align = column_aligns(&votes);
    let mut cells: Vec<(usize, usize, Cell)> = extent
        .iter()
        .map(|(o, &(r0, c0, r1, c1))| {
            let text = inside.remove(o).map(cell_text).unwrap_or_default();
            (
                r0,
                c0,
                Cell {
                    text,
                    colspan: (c1 - c0 + 1) as u32,
                    rowspan: (r1 - r0 + 1) as u32,
                },
            )
        })
        .collect();
    cells.sort_by_key(|(r, c, _)| (*r, *c));
    let mut grid_rows: Vec<Vec<Cell>> = vec![Vec::new(); rows];
    for (r, _, cell) in cells {
        grid_rows[r].push(cell);
    }
    grid_rows.retain(|r| !r.is_empty());
    // The first row is the header, with the rows its cells span down.
    let header = grid_rows
        .first()?
        .iter()
        .map(|c| c.rowspan as usize)
        .max()
        .unwrap_or(1)
        .min(grid_rows.len() - 1);
    if header == 0 {
        return None;
    }
    let body = grid_rows.split_off(header);
    let table = Table::new(None, grid_rows, body, Vec::new(), align).ok()?;
    Some(Found {
        page,
        end_page: page,
        top,
        bottom,
        columns: xs,
        votes,
        table,
    })
}

/// A cell's text: its glyphs as lines, the lines joined.
fn cell_text(glyphs: Vec<Drawn>) -> String {
    let mut text = String::new();
    for line in lines_of(glyphs) {
        let previous = text.chars().last();
        join(&mut text, previous, line.text().replace('\t', " ").trim());
    }
    text.trim().to_string()
}

/// Tables continued across a page break joined: one at the foot of a page
/// and one at the head of the next, with the same columns; the second's
/// header, when it repeats the first's, read once.
fn continued(found: Vec<Found>) -> Vec<Found> {
    let foot =
        page::TOP_MM + page::TYPE_HEIGHT_MM - 2.0 * page::PITCH_PT / super::glyphs::PT_PER_MM;
    let head = page::TOP_MM + 2.0 * page::PITCH_PT / super::glyphs::PT_PER_MM;
    let mut out: Vec<Found> = Vec::new();
    for next in found {
        if let Some(last) = out.last_mut()
            && next.page == last.end_page + 1
            && last.bottom >= foot
            && next.top <= head
            && last.columns.len() == next.columns.len()
            && last
                .columns
                .iter()
                .zip(&next.columns)
                .all(|(a, b)| (a - b).abs() < 1.0)
        {
            let repeated = next.table.header == last.table.header;
            let mut rows = last.table.rows.clone();
            if !repeated {
                rows.extend(next.table.header.iter().cloned());
            }
            rows.extend(next.table.rows.iter().cloned());
            for (a, b) in last.votes.iter_mut().zip(&next.votes) {
                for (a, b) in a.iter_mut().zip(b) {
                    *a += b;
                }
            }
            let align = column_aligns(&last.votes);
            if let Ok(table) = Table::new(None, last.table.header.clone(), rows, Vec::new(), align)
            {
                last.table = table;
                last.bottom = next.bottom;
                last.end_page = next.page;
                continue;
            }
        }
        out.push(next);
    }
    out
}
