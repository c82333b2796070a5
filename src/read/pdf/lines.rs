//! The second stage: glyphs → lines in reading order, each a run of faces
//! with its position, size and colour; and how a wrapped line's text joins
//! the one before.

use super::glyphs::{Drawn, Face, PT_PER_MM};
use crate::format::page;

/// A line: glyphs on one baseline, left to right, split into runs of one
/// face (a wide gap also splits).
#[derive(Debug, Clone)]
pub(super) struct Line {
    pub(super) page: usize,
    pub(super) y: f64,
    pub(super) left: f64,
    pub(super) right: f64,
    pub(super) size: f64,
    pub(super) red: bool,
    pub(super) runs: Vec<(Face, String)>,
}

impl Line {
    pub(super) fn text(&self) -> String {
        self.runs.iter().map(|(_, t)| t.as_str()).collect()
    }

    pub(super) fn face(&self) -> Face {
        // The face of most of the characters.
        let mut counts = [0usize; 5];
        for (face, text) in &self.runs {
            counts[*face as usize] += text.chars().filter(|c| !c.is_whitespace()).count();
        }
        let best = (0..5).max_by_key(|&i| counts[i]).unwrap_or(0);
        [Face::Title, Face::Fang, Face::Hei, Face::Kai, Face::Other][best]
    }

    pub(super) fn centred(&self) -> bool {
        let (l, r) = (
            self.left - page::LEFT_MM,
            page::LEFT_MM + page::TYPE_WIDTH_MM - self.right,
        );
        (l - r).abs() < 3.0 && l > 5.0
    }

    /// Cells of indent from the type area's left edge.
    pub(super) fn indent(&self) -> f64 {
        (self.left - page::LEFT_MM) / (page::CELL_PT / PT_PER_MM)
    }

    pub(super) fn full(&self) -> bool {
        self.right > page::LEFT_MM + page::TYPE_WIDTH_MM - page::CELL_PT / PT_PER_MM * 1.5
    }
}

pub(super) fn lines_of(mut glyphs: Vec<Drawn>) -> Vec<Line> {
    glyphs.sort_by(|a, b| {
        (a.page, (a.y * 10.0).round() as i64)
            .cmp(&(b.page, (b.y * 10.0).round() as i64))
            .then(a.x.total_cmp(&b.x))
    });
    let mut lines: Vec<Line> = Vec::new();
    let mut last_right = 0.0;
    for g in glyphs {
        let same_line = lines
            .last()
            .is_some_and(|l| l.page == g.page && (l.y - g.y).abs() < 0.8);
        if !same_line {
            lines.push(Line {
                page: g.page,
                y: g.y,
                left: g.x,
                right: g.right,
                size: g.size,
                red: g.red,
                runs: Vec::new(),
            });
            last_right = g.x;
        }
        let line = lines.last_mut().expect("a line");
        // A gap wider than two characters is a tab (unit … date, editor … approver).
        let gap = g.x - last_right > 2.0 * g.size / PT_PER_MM;
        if gap && !line.runs.is_empty() {
            line.runs.push((Face::Other, "\t".into()));
        }
        // A space the layout drew as a gap (a half-width run centred in its
        // cells) between a Chinese character and a digit or letter.
        let previous = line.runs.last().and_then(|(_, t)| t.chars().last());
        let spaced = !gap
            && g.x - last_right > 0.2 * g.size / PT_PER_MM
            && previous.is_some_and(|p| needs_space(p, g.text.chars().next().unwrap_or(' ')));
        match line.runs.last_mut() {
            Some((face, text)) if *face == g.face && !gap => {
                if spaced {
                    text.push(' ');
                }
                text.push_str(&g.text)
            }
            Some((_, text)) if spaced => {
                text.push(' ');
                line.runs.push((g.face, g.text.clone()))
            }
            _ => line.runs.push((g.face, g.text.clone())),
        }
        line.right = line.right.max(g.right);
        line.size = line.size.max(g.size);
        line.red |= g.red;
        last_right = g.right;
    }
    lines
}

/// Appends a wrapped line's text, putting back the space a line break took
/// between a Chinese character and a digit or Latin letter (as the house
/// style spaces them: 共 3 项, “…” 18 个, but ，22 项).
pub(super) fn join(text: &mut String, previous: Option<char>, next: &str) {
    let space = match (previous, next.chars().next()) {
        (Some(a), Some(b)) => needs_space(a, b),
        _ => false,
    };
    if space {
        text.push(' ');
    }
    text.push_str(next.trim_end());
}

/// Whether the house style puts a space between `a` and `b`: between a
/// Chinese character and a digit or Latin letter, except next to the marks
/// that carry their own space.
fn needs_space(a: char, b: char) -> bool {
    let wide = |c: char| c as u32 >= 0x2E80 || "“”‘’".contains(c);
    let narrow = |c: char| c.is_ascii_alphanumeric();
    (wide(a) && narrow(b) && !"，。、；：？！（《【“‘".contains(a))
        || (narrow(a) && wide(b) && !"，。、；：？！）》】”’".contains(b))
        || (narrow(a) && narrow(b))
}
