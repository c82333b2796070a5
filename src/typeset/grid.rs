//! The character grid (字符网格), as an office's Word template sets it
//! (document grid "lines and characters", 22 × 28): a body line is 28 equal
//! cells; every Chinese character and every full-width punctuation mark takes
//! exactly one cell; a run of half-width characters (digits, Latin, spaces)
//! keeps its own face and width and takes the fewest whole cells that hold
//! it, centred in them, so the next Chinese character is back on the grid.
//!
//! Lines are broken here, with the line-start and line-end rules (避头尾),
//! and handed to the template whole, as data: Typst only places the pieces.
//! No line begins with a closing mark (，。、；：？！）》」』”’ …—) and none
//! ends with an opening one (（《「『“‘【). A closing mark that would begin a
//! line hangs past the right edge by one cell (Word's default), or, with
//! [`Mode::Spread`], a character moves down with it and the line it leaves
//! is spread evenly over its cells.

use serde::Serialize;

use crate::model::{Block, Face, Issue};

pub use crate::format::kinsoku::{is_closing, is_opening};
pub use crate::format::page::{BODY_SIZE_PT, CELL_PT, CELLS};

/// What to do with a closing mark that would begin a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// It hangs past the right edge of the line before, by one cell.
    #[default]
    Hang,
    /// A character moves down with it; the line before is spread evenly.
    Spread,
}

/// A run of text in one face: `face` is a role key of the template
/// (`fang`, `kai`, `hei`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run<'a> {
    /// The role of the face.
    pub face: &'static str,
    /// The text.
    pub text: &'a str,
}

/// How a piece stands in its cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    /// One character a cell (a run of Chinese characters).
    Cells,
    /// At the left of its cell: a closing mark, whose ink is on the left.
    Left,
    /// At the right of its cell: an opening mark.
    Right,
    /// Centred in its cells: a half-width run, a middle dot.
    Center,
}

/// A piece of a line: `cells` whole cells holding `text`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Piece {
    /// The text.
    pub text: String,
    /// The role of its face.
    pub face: &'static str,
    /// The cells it takes.
    pub cells: u32,
    /// How the text stands in them.
    pub align: Align,
}

/// One line of a paragraph.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Line {
    /// Empty cells before the first piece (the first-line indent).
    pub indent: u32,
    /// The pieces, left to right.
    pub pieces: Vec<Piece>,
    /// Whether the line is spread evenly over `width` cells.
    pub spread: bool,
}

/// A paragraph laid on the grid: its lines.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paragraph {
    /// The cells of a full line.
    pub width: u32,
    /// The lines, each at most `width` cells wide (one more when a closing
    /// mark hangs).
    pub lines: Vec<Line>,
}

/// Whether `c` takes one whole cell.
fn is_full_width(c: char) -> bool {
    crate::model::is_wide(c) || matches!(c, '·' | '\u{3000}')
}

/// The smallest unit of breaking: a character, a half-width run, or a run
/// of ellipses or dashes, which never part.
#[derive(Debug, Clone)]
struct Unit {
    text: String,
    face: &'static str,
    cells: u32,
    align: Align,
    /// May not begin a line.
    closing: bool,
    /// May not end a line.
    opening: bool,
}

/// Splits runs into units; `half_width` measures a half-width run in cells
/// (a fraction; it is rounded up here).
fn units(runs: &[Run], half_width: &dyn Fn(&'static str, &str) -> f64) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    for run in runs {
        let mut half = String::new();
        let flush = |half: &mut String, out: &mut Vec<Unit>| {
            if !half.is_empty() {
                // A hair of room, so a run that fills its cells exactly
                // never wraps inside them.
                let cells = (half_width(run.face, half) + 1e-3).ceil().max(1.0) as u32;
                out.push(Unit {
                    text: std::mem::take(half),
                    face: run.face,
                    cells,
                    align: Align::Center,
                    closing: false,
                    opening: false,
                });
            }
        };
        for c in run.text.chars() {
            if !is_full_width(c) {
                half.push(c);
                continue;
            }
            flush(&mut half, &mut out);
            // A run of ellipses or dashes is one unit.
            if matches!(c, '…' | '—')
                && let Some(last) = out.last_mut()
                && last.face == run.face
                && last.text.ends_with(c)
                && last.text.chars().all(|x| x == c)
            {
                last.text.push(c);
                last.cells += 1;
                continue;
            }
            let align = if matches!(c, '…' | '—') {
                Align::Cells
            } else if c == '·' {
                Align::Center
            } else if is_closing(c) {
                Align::Left
            } else if is_opening(c) {
                Align::Right
            } else {
                Align::Cells
            };
            out.push(Unit {
                text: c.to_string(),
                face: run.face,
                cells: 1,
                align,
                closing: is_closing(c),
                opening: is_opening(c),
            });
        }
        flush(&mut half, &mut out);
    }
    out
}

/// Breaks `runs` into lines of `width` cells, the first line indented by
/// `indent` cells. `half_width` gives the width of a half-width run in cells.
pub fn paragraph(
    runs: &[Run],
    width: u32,
    indent: u32,
    mode: Mode,
    half_width: &dyn Fn(&'static str, &str) -> f64,
) -> Paragraph {
    let units = units(runs, half_width);
    let mut lines: Vec<(u32, Vec<Unit>, bool)> = Vec::new();
    let mut line: Vec<Unit> = Vec::new();
    let mut start = indent.min(width.saturating_sub(1));
    let used = |line: &[Unit]| line.iter().map(|u| u.cells).sum::<u32>();
    let mut queue: std::collections::VecDeque<Unit> = units.into();
    while let Some(mut unit) = queue.pop_front() {
        // Spaces do not begin a line.
        if line.is_empty() && unit.align == Align::Center && unit.text.starts_with(' ') {
            let rest = unit.text.trim_start().to_string();
            if rest.is_empty() {
                continue;
            }
            unit.cells = (half_width(unit.face, &rest) + 1e-3).ceil().max(1.0) as u32;
            unit.text = rest;
        }
        if start + used(&line) + unit.cells <= width {
            line.push(unit);
            continue;
        }
        let next_closing = queue.front().is_some_and(|u| u.closing);
        if mode == Mode::Hang
            && unit.closing
            && unit.cells == 1
            && !next_closing
            && line.last().is_some_and(|u| !u.opening)
        {
            // Hang it past the right edge.
            line.push(unit);
            lines.push((start, std::mem::take(&mut line), false));
            start = 0;
            continue;
        }
        // Break at the last place the rules allow: the unit at `k` begins
        // the next line (k == len: `unit` itself does).
        let allowed = |k: usize, line: &[Unit]| {
            let begins = if k == line.len() { &unit } else { &line[k] };
            k > 0 && !begins.closing && !line[k - 1].opening
        };
        let k = (1..=line.len()).rev().find(|&k| allowed(k, &line));
        match k {
            Some(k) => {
                let moved: Vec<Unit> = line.drain(k..).collect();
                queue.push_front(unit);
                for u in moved.into_iter().rev() {
                    queue.push_front(u);
                }
                let short = start + used(&line) < width;
                lines.push((
                    start,
                    std::mem::take(&mut line),
                    mode == Mode::Spread && short,
                ));
            }
            // Nowhere to break (a line of marks, a half-width run longer
            // than the line): the unit goes on a line of its own.
            None if line.is_empty() => {
                lines.push((start, vec![unit], false));
            }
            None => {
                lines.push((start, std::mem::take(&mut line), false));
                queue.push_front(unit);
            }
        }
        start = 0;
    }
    if !line.is_empty() {
        lines.push((start, line, false));
    }
    Paragraph {
        width,
        lines: lines
            .into_iter()
            .map(|(indent, units, spread)| Line {
                indent,
                pieces: merge(units),
                spread,
            })
            .collect(),
    }
}

/// The pieces of a line: trailing spaces dropped; adjacent characters of
/// one face that stand one a cell become one piece, and so does a mark
/// between them. A mark stays a piece of its own (placed in its cell) where
/// Typst would trim it to half width: at the start or end of the line, and
/// next to another mark. A middle dot and a half-width run always do.
fn merge(mut units: Vec<Unit>) -> Vec<Piece> {
    while units
        .last()
        .is_some_and(|u| u.align == Align::Center && u.text.trim().is_empty())
    {
        units.pop();
    }
    let is_mark = |u: &Unit| matches!(u.align, Align::Left | Align::Right);
    let last = units.len().saturating_sub(1);
    let inline: Vec<bool> = (0..units.len())
        .map(|i| {
            let u = &units[i];
            u.align == Align::Cells
                || (is_mark(u)
                    && i > 0
                    && i < last
                    && !is_mark(&units[i - 1])
                    && !is_mark(&units[i + 1])
                    && units[i - 1].align == Align::Cells
                    && units[i + 1].align == Align::Cells)
        })
        .collect();
    let mut pieces: Vec<Piece> = Vec::new();
    for (unit, inline) in units.into_iter().zip(inline) {
        if inline
            && let Some(last) = pieces.last_mut()
            && last.align == Align::Cells
            && last.face == unit.face
        {
            last.text.push_str(&unit.text);
            last.cells += unit.cells;
            continue;
        }
        pieces.push(Piece {
            text: unit.text,
            face: unit.face,
            cells: unit.cells,
            align: if inline { Align::Cells } else { unit.align },
        });
    }
    pieces
}

/// The body text of an issue laid on the grid, as the template reads it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Body {
    /// Per article (over all columns, in reading order), per body block: the
    /// block's lines (for a photo, its caption's; none without one).
    pub articles: Vec<Vec<Option<Paragraph>>>,
    /// The editor's note (编者按：…), if any.
    pub note: Option<Paragraph>,
    /// Per column: its heading 【…】, if it has a name.
    pub columns: Vec<Option<Paragraph>>,
    /// Per article: its title in the contents, indented 2 cells on every line.
    pub titles: Vec<Paragraph>,
}

/// Lays the body text of `issue` on the grid. `half_width` measures a
/// half-width run of a face in cells.
pub fn body(issue: &Issue, half_width: &dyn Fn(&'static str, &str) -> f64) -> Body {
    let mode = match issue.style.hanging_punctuation {
        Some(false) => Mode::Spread,
        _ => Mode::Hang,
    };
    let lead = match issue.style.lead_face {
        Some(Face::Hei) => "hei",
        Some(Face::Fang) => "fang",
        Some(Face::Kai) | None => "kai",
    };
    let lay =
        |runs: &[Run], width: u32, indent: u32| paragraph(runs, width, indent, mode, half_width);
    let articles = issue
        .articles()
        .map(|article| blocks(&article.body, lead, &lay))
        .collect();
    let note = issue.editor_note.as_deref().map(|note| {
        lay(
            &[
                Run {
                    face: "hei",
                    text: crate::format::labels::NOTE_PRINTED,
                },
                Run {
                    face: "kai",
                    text: note,
                },
            ],
            CELLS,
            2,
        )
    });
    let columns = issue
        .columns
        .iter()
        .map(|c| {
            c.name.as_ref().map(|name| {
                let heading = format!("【{}】", name.0);
                lay(
                    &[Run {
                        face: "hei",
                        text: &heading,
                    }],
                    CELLS,
                    0,
                )
            })
        })
        .collect();
    let titles = issue
        .articles()
        .map(|a| {
            lay(
                &[Run {
                    face: "kai",
                    text: a.title.as_str(),
                }],
                CELLS - 2,
                0,
            )
        })
        .collect();
    Body {
        articles,
        note,
        columns,
        titles,
    }
}

/// The lines of each body block: a paragraph (its lead in the face
/// `lead`), a heading, a photo's caption centred in whole cells; none for a
/// table (it lays out its own cells) or a photo without a caption. `lay`
/// breaks runs into lines of a width, with a first-line indent.
pub fn blocks(
    body: &[Block],
    lead: &'static str,
    lay: &dyn Fn(&[Run], u32, u32) -> Paragraph,
) -> Vec<Option<Paragraph>> {
    body.iter()
        .map(|block| match block {
            Block::Paragraph {
                lead: Some(l),
                text,
            } => Some(lay(
                &[
                    Run {
                        face: lead,
                        text: l,
                    },
                    Run { face: "fang", text },
                ],
                CELLS,
                2,
            )),
            Block::Paragraph { lead: None, text } => {
                Some(lay(&[Run { face: "fang", text }], CELLS, 2))
            }
            Block::Heading { level, text } => {
                let face = crate::format::faces::heading_face(*level);
                Some(lay(&[Run { face, text }], CELLS, 2))
            }
            Block::Table(_) => None,
            Block::Photo {
                caption: Some(caption),
                ..
            } => Some(lay(
                &[Run {
                    face: "kai",
                    text: caption,
                }],
                CELLS,
                0,
            )),
            Block::Photo { caption: None, .. } => None,
        })
        .collect()
}

/// The text of a 公文 laid on the grid, as its template reads it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GongwenBody {
    /// 主送, flush left on every line.
    pub to: Option<Paragraph>,
    /// The body's blocks (see [`blocks`]).
    pub body: Vec<Option<Paragraph>>,
    /// Each attachment's blocks.
    pub attachments: Vec<Vec<Option<Paragraph>>>,
    /// 附注, 2 cells in.
    pub note: Option<Paragraph>,
}

/// Lays the text of a 公文 on the grid (its 主送 as printed, `to`).
pub fn gongwen(
    document: &crate::model::gongwen::Gongwen,
    to: Option<&str>,
    note: Option<&str>,
    half_width: &dyn Fn(&'static str, &str) -> f64,
) -> GongwenBody {
    let lay = |runs: &[Run], width: u32, indent: u32| {
        paragraph(runs, width, indent, Mode::Hang, half_width)
    };
    GongwenBody {
        to: to.map(|text| lay(&[Run { face: "fang", text }], CELLS, 0)),
        body: blocks(&document.body, "kai", &lay),
        attachments: document
            .attachments
            .iter()
            .map(|a| blocks(&a.body, "kai", &lay))
            .collect(),
        note: note.map(|text| lay(&[Run { face: "fang", text }], CELLS, 2)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Half-width characters measured as 0.45 of a cell each.
    fn half(_: &'static str, text: &str) -> f64 {
        text.chars().count() as f64 * 0.45
    }

    fn lines(text: &str, mode: Mode) -> Vec<String> {
        let runs = [Run { face: "fang", text }];
        paragraph(&runs, CELLS, 2, mode, &half)
            .lines
            .iter()
            .map(|l| l.pieces.iter().map(|p| p.text.as_str()).collect())
            .collect()
    }

    fn cells(text: &str, mode: Mode) -> Vec<u32> {
        let runs = [Run { face: "fang", text }];
        paragraph(&runs, CELLS, 2, mode, &half)
            .lines
            .iter()
            .map(|l| l.indent + l.pieces.iter().map(|p| p.cells).sum::<u32>())
            .collect()
    }

    #[test]
    fn every_character_and_mark_takes_one_cell() {
        let text = "一二三四五六七八九十，一二三四五六七八九十。一二三四五六七八九十、".repeat(3);
        let text = text.as_str();
        let got = cells(text, Mode::Hang);
        // Full lines take 28 cells, 29 when a closing mark hangs.
        for (i, n) in got[..got.len() - 1].iter().enumerate() {
            assert!(
                *n == 28 || *n == 29,
                "line {i}: {n} cells: {:?}",
                lines(text, Mode::Hang)
            );
        }
    }

    #[test]
    fn a_closing_mark_never_begins_a_line() {
        // 26 characters fill the first line; the comma would begin the second.
        let text = format!("{}，后文后文。", "字".repeat(26));
        let hang = lines(&text, Mode::Hang);
        assert!(
            hang[0].ends_with('，') && hang[0].chars().count() == 27,
            "{hang:?}"
        );
        assert_eq!(cells(&text, Mode::Hang)[0], 29, "hangs by one cell");
        let spread = lines(&text, Mode::Spread);
        assert!(spread[1].starts_with("字，"), "{spread:?}");
        assert_eq!(spread[0].chars().count(), 25);
        for mode in [Mode::Hang, Mode::Spread] {
            for line in lines(&format!("{}”。再说", "字".repeat(26)), mode) {
                assert!(!line.starts_with(is_closing), "{line}");
            }
        }
    }

    #[test]
    fn an_opening_mark_never_ends_a_line() {
        let text = format!("{}（括号里）", "字".repeat(25));
        let got = lines(&text, Mode::Hang);
        assert!(!got[0].ends_with('（'), "{got:?}");
        assert!(got[1].starts_with('（'), "{got:?}");
    }

    #[test]
    fn half_width_runs_take_whole_cells_and_never_part() {
        // "2023" is 1.8 cells → 2; " 14.2% " is 3.15 → 4.
        let runs = [Run {
            face: "fang",
            text: "今年2023年增长 14.2% 左右",
        }];
        let p = paragraph(&runs, CELLS, 2, Mode::Hang, &half);
        let pieces = &p.lines[0].pieces;
        let digits = pieces.iter().find(|p| p.text == "2023").unwrap();
        assert_eq!((digits.cells, digits.align), (2, Align::Center));
        let percent = pieces.iter().find(|p| p.text == " 14.2% ").unwrap();
        assert_eq!(percent.cells, 4);
    }

    #[test]
    fn ellipses_and_dashes_stay_together() {
        let text = format!("{}……后面", "字".repeat(25));
        let got = lines(&text, Mode::Hang);
        assert!(got.iter().all(|l| !l.starts_with('…')), "{got:?}");
        assert!(got.iter().any(|l| l.contains("……")), "{got:?}");
    }

    #[test]
    fn faces_follow_the_runs() {
        let runs = [
            Run {
                face: "kai",
                text: "段首句。",
            },
            Run {
                face: "fang",
                text: "正文。",
            },
        ];
        let p = paragraph(&runs, CELLS, 2, Mode::Hang, &half);
        let faces: Vec<_> = p.lines[0]
            .pieces
            .iter()
            .map(|p| (p.face, p.text.as_str()))
            .collect();
        assert_eq!(
            faces,
            // A mark between characters stays in their run; one that ends
            // the line is a piece of its own, which Typst cannot trim.
            [("kai", "段首句。"), ("fang", "正文"), ("fang", "。")]
        );
    }
}
