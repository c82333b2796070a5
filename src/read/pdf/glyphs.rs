//! The first stage: every glyph the pages draw (position, size, face,
//! weight, colour, its character through the font's ToUnicode map) and every
//! image, collected by interpreting the pages with the hayro crates.

use hayro_interpret::font::Glyph;
use hayro_interpret::{
    BlendMode, ClipPath, Device, GlyphDrawMode, Image, ImageData, Paint, PathDrawMode, SoftMask,
};
use kurbo::{Affine, BezPath, PathEl, Point};

use crate::format::page;

pub(super) const PT_PER_MM: f64 = 72.0 / 25.4;

/// The face of a run, as far as the structure cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Face {
    /// 小标宋 or another 宋 heavy face (titles, the name).
    Title,
    /// 仿宋 (the body).
    Fang,
    /// 黑体 (or any bold).
    Hei,
    /// 楷体.
    Kai,
    /// Anything else (宋体: page numbers; Latin faces).
    Other,
}

fn face_of(name: &str, weight: Option<u32>) -> Face {
    let n = name.split('+').next_back().unwrap_or(name).to_lowercase();
    if n.contains("xiaobiaosong")
        || n.contains("xbs")
        || n.contains("小标宋")
        || (n.contains("song") && n.contains("bold"))
    {
        Face::Title
    } else if n.contains("fang") || n.contains("仿宋") {
        Face::Fang
    } else if n.contains("kai") || n.contains("楷") {
        Face::Kai
    } else if n.contains("hei")
        || n.contains("黑")
        || weight.is_some_and(|w| w >= 600)
        || n.contains("bold")
    {
        Face::Hei
    } else {
        Face::Other
    }
}

/// A glyph as drawn: where (mm, the baseline), how big (pt), in what.
#[derive(Debug, Clone)]
pub(super) struct Drawn {
    pub(super) page: usize,
    pub(super) x: f64,
    pub(super) right: f64,
    pub(super) y: f64,
    pub(super) size: f64,
    pub(super) face: Face,
    /// Which font drew it (for faces whose name the PDF does not give): its
    /// PostScript name without the subset tag, hashed, or else the font's
    /// own key; the subsets of one face are one font.
    pub(super) font: u128,
    pub(super) red: bool,
    pub(super) text: String,
}

/// An image as drawn.
#[derive(Debug, Clone)]
pub(super) struct Picture {
    pub(super) page: usize,
    pub(super) bottom: f64,
    pub(super) bytes: Vec<u8>,
    pub(super) extension: &'static str,
}

/// A straight dark rule as drawn, horizontal or vertical, in millimetres:
/// at `at` (its y, or its x) from `from` to `to`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Rule {
    pub(super) page: usize,
    pub(super) horizontal: bool,
    pub(super) at: f64,
    pub(super) from: f64,
    pub(super) to: f64,
}

pub(super) struct Collector {
    /// Font names from the pages' font dictionaries, by the dictionary's
    /// key (what a font without its own name data is known by).
    pub(super) font_names: std::collections::HashMap<u128, String>,
    pub(super) page: usize,
    pub(super) glyphs: Vec<Drawn>,
    pub(super) rules: Vec<Rule>,
    pub(super) pictures: Vec<Picture>,
    pub(super) unmapped: Vec<(usize, f64, f64)>,
}

impl Collector {
    /// Keeps the segment from `a` to `b` (points) if it is horizontal or
    /// vertical and longer than a millimetre.
    fn segment(&mut self, a: Point, b: Point) {
        let (a, b) = (
            Point::new(a.x / PT_PER_MM, a.y / PT_PER_MM),
            Point::new(b.x / PT_PER_MM, b.y / PT_PER_MM),
        );
        let (dx, dy) = ((b.x - a.x).abs(), (b.y - a.y).abs());
        let rule = if dy < 0.2 && dx > 1.0 {
            Rule {
                page: self.page,
                horizontal: true,
                at: (a.y + b.y) / 2.0,
                from: a.x.min(b.x),
                to: a.x.max(b.x),
            }
        } else if dx < 0.2 && dy > 1.0 {
            Rule {
                page: self.page,
                horizontal: false,
                at: (a.x + b.x) / 2.0,
                from: a.y.min(b.y),
                to: a.y.max(b.y),
            }
        } else {
            return;
        };
        if self.rules.len() < MAX_RULES {
            self.rules.push(rule);
        }
    }
}

/// The bounding box of `points`: (x0, y0, x1, y1).
fn bounds(points: &[Point]) -> Option<(f64, f64, f64, f64)> {
    let first = points.first()?;
    Some(points.iter().fold(
        (first.x, first.y, first.x, first.y),
        |(x0, y0, x1, y1), p| (x0.min(p.x), y0.min(p.y), x1.max(p.x), y1.max(p.y)),
    ))
}

/// At most this many rules are kept (a hostile file may draw millions).
const MAX_RULES: usize = 200_000;

impl<'a> Device<'a> for Collector {
    fn set_soft_mask(&mut self, _: Option<SoftMask<'a>>) {}
    fn set_blend_mode(&mut self, _: BlendMode) {}
    fn draw_path(
        &mut self,
        path: &BezPath,
        transform: Affine,
        paint: &Paint<'a>,
        mode: &PathDrawMode,
    ) {
        // Dark rules only: a table's, not the red masthead's.
        let dark = match paint {
            Paint::Color(colour) => {
                let [r, g, b, a] = colour.to_rgba().to_rgba8();
                a > 128 && r < 110 && g < 110 && b < 110
            }
            _ => false,
        };
        if !dark {
            return;
        }
        let path = transform * path.clone();
        match mode {
            PathDrawMode::Stroke(_) => {
                // Each straight segment of a stroked path.
                let mut start = Point::ZERO;
                let mut last = Point::ZERO;
                for el in path.elements() {
                    match *el {
                        PathEl::MoveTo(p) => {
                            start = p;
                            last = p;
                        }
                        PathEl::LineTo(p) => {
                            self.segment(last, p);
                            last = p;
                        }
                        PathEl::ClosePath => {
                            self.segment(last, start);
                            last = start;
                        }
                        PathEl::QuadTo(_, p) | PathEl::CurveTo(_, _, p) => last = p,
                    }
                }
            }
            PathDrawMode::Fill(_) => {
                // A thin filled rectangle (a subpath) is a rule along its length.
                let mut points: Vec<Point> = Vec::new();
                let mut rects = Vec::new();
                for el in path.elements() {
                    match *el {
                        PathEl::MoveTo(p) => {
                            rects.extend(bounds(&points));
                            points = vec![p];
                        }
                        PathEl::LineTo(p) | PathEl::QuadTo(_, p) | PathEl::CurveTo(_, _, p) => {
                            points.push(p)
                        }
                        PathEl::ClosePath => {}
                    }
                }
                rects.extend(bounds(&points));
                for (x0, y0, x1, y1) in rects {
                    let (w, h) = ((x1 - x0) / PT_PER_MM, (y1 - y0) / PT_PER_MM);
                    if h <= 1.0 && w > 2.0 {
                        let y = (y0 + y1) / 2.0;
                        self.segment(Point::new(x0, y), Point::new(x1, y));
                    } else if w <= 1.0 && h > 2.0 {
                        let x = (x0 + x1) / 2.0;
                        self.segment(Point::new(x, y0), Point::new(x, y1));
                    }
                }
            }
        }
    }
    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}
    fn draw_glyph(
        &mut self,
        glyph: &Glyph<'a>,
        transform: Affine,
        glyph_transform: Affine,
        paint: &Paint<'a>,
        _: &GlyphDrawMode,
    ) {
        let all = transform * glyph_transform;
        let origin = all * Point::ZERO;
        // Outlines are in units of 1/1000 em.
        let c = all.as_coeffs();
        let size = (c[2] * c[2] + c[3] * c[3]).sqrt() * 1000.0;
        let (x, y) = (origin.x / PT_PER_MM, origin.y / PT_PER_MM);
        let Glyph::Outline(outline) = glyph else {
            return;
        };
        let advance = outline.advance_width().map_or(1000.0, f64::from);
        let data = outline.font_data();
        let name = data
            .as_ref()
            .and_then(|d| d.postscript_name.clone())
            .or_else(|| self.font_names.get(&outline.font_cache_key()).cloned())
            .unwrap_or_default();
        let weight = data.as_ref().and_then(|d| d.weight);
        let red = match paint {
            Paint::Color(colour) => {
                let [r, g, b, _] = colour.to_rgba().to_rgba8();
                r > 180 && g < 120 && b < 120
            }
            _ => false,
        };
        let text = glyph.as_unicode().map(|s| match s {
            hayro_interpret::hayro_cmap::BfString::Char(c) => c.to_string(),
            hayro_interpret::hayro_cmap::BfString::String(s) => s,
        });
        let Some(text) = text else {
            self.unmapped.push((self.page, x, y));
            return;
        };
        self.glyphs.push(Drawn {
            page: self.page,
            x,
            right: x + advance / 1000.0 * size / PT_PER_MM,
            y,
            size,
            face: face_of(&name, weight),
            font: match name.split('+').next_back().filter(|n| !n.is_empty()) {
                Some(base) => {
                    use std::hash::{Hash, Hasher};
                    let mut h = std::collections::hash_map::DefaultHasher::new();
                    base.hash(&mut h);
                    u128::from(h.finish())
                }
                None => outline.font_cache_key(),
            },
            red,
            text,
        });
    }
    fn draw_image(&mut self, image: Image<'a, '_>, transform: Affine) {
        let Image::Raster(raster) = image else { return };
        let corners = [
            transform * Point::new(0.0, 0.0),
            transform * Point::new(1.0, 1.0),
        ];
        let bottom = corners[0].y.max(corners[1].y) / PT_PER_MM;
        let mut encoded = None;
        raster.with_rgba(
            |data, _| {
                let mut out = std::io::Cursor::new(Vec::new());
                let ok = match data {
                    ImageData::Rgb(rgb) => {
                        image::RgbImage::from_raw(rgb.width, rgb.height, rgb.data)
                            .map(|img| img.write_to(&mut out, image::ImageFormat::Png).is_ok())
                    }
                    ImageData::Luma(luma) => {
                        image::GrayImage::from_raw(luma.width, luma.height, luma.data)
                            .map(|img| img.write_to(&mut out, image::ImageFormat::Png).is_ok())
                    }
                };
                if ok == Some(true) {
                    encoded = Some(out.into_inner());
                }
            },
            None,
        );
        if let Some(bytes) = encoded {
            self.pictures.push(Picture {
                page: self.page,
                bottom,
                bytes,
                extension: "png",
            });
        }
    }
    fn pop_clip_path(&mut self) {}
    fn pop_transparency_group(&mut self) {}
}

/// Faces for the fonts whose names say nothing (a substituted face names
/// none of the roles): text above 18 pt and the red name's font are the
/// title face, the font of most body-size glyphs the body's 仿宋, any other
/// an emphasis (黑体). True when
/// one font draws all the Chinese text: a PDF printed without the office's
/// faces, whose roles only size, colour, position and markers tell.
pub(super) fn name_faces(glyphs: &mut [Drawn]) -> bool {
    let mut counts: std::collections::HashMap<u128, usize> = std::collections::HashMap::new();
    for g in glyphs
        .iter()
        .filter(|g| (g.size - page::BODY_SIZE_PT).abs() < 0.6)
    {
        *counts.entry(g.font).or_default() += 1;
    }
    let body = counts
        .into_iter()
        .max_by_key(|(font, n)| (*n, *font))
        .map(|(f, _)| f);
    let title = glyphs
        .iter()
        .find(|g| g.red && g.size > 20.0)
        .map(|g| g.font);
    let chinese = |g: &Drawn| g.text.chars().any(crate::model::is_wide);
    let mut fonts: Vec<u128> = glyphs
        .iter()
        .filter(|g| chinese(g))
        .map(|g| g.font)
        .collect();
    fonts.sort_unstable();
    fonts.dedup();
    let one_face = fonts.len() == 1;
    if one_face {
        // Whatever the face is called, it says nothing of the roles.
        for g in glyphs.iter_mut() {
            g.face = if g.size > 18.0 {
                Face::Title
            } else {
                Face::Fang
            };
        }
        return true;
    }
    for g in glyphs.iter_mut().filter(|g| g.face == Face::Other) {
        // Above 18 pt only the name and the titles are set, whatever face
        // stands in for 小标宋.
        g.face = if g.size > 18.0 || (Some(g.font) == title && title != body) {
            Face::Title
        } else if Some(g.font) == body {
            Face::Fang
        } else {
            Face::Hei
        };
    }
    false
}
