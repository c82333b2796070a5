//! The first stage: every glyph the pages draw (position, size, face,
//! weight, colour, its character through the font's ToUnicode map) and every
//! image, collected by interpreting the pages with the hayro crates.

use hayro_interpret::font::Glyph;
use hayro_interpret::{
    BlendMode, ClipPath, Device, GlyphDrawMode, Image, ImageData, Paint, PathDrawMode, SoftMask,
};
use kurbo::{Affine, BezPath, Point};

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
    /// Which font drew it (for faces whose name the PDF does not give).
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

pub(super) struct Collector {
    pub(super) page: usize,
    pub(super) glyphs: Vec<Drawn>,
    pub(super) pictures: Vec<Picture>,
    pub(super) unmapped: Vec<(usize, f64, f64)>,
}

impl<'a> Device<'a> for Collector {
    fn set_soft_mask(&mut self, _: Option<SoftMask<'a>>) {}
    fn set_blend_mode(&mut self, _: BlendMode) {}
    fn draw_path(&mut self, _: &BezPath, _: Affine, _: &Paint<'a>, _: &PathDrawMode) {}
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
            font: outline.font_cache_key(),
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

/// Faces for the fonts whose names say nothing (a Type 1 font has no name
/// here): the font of most body-size glyphs is the body's 仿宋, the font of
/// the red name the title face, any other an emphasis (黑体).
pub(super) fn name_faces(glyphs: &mut [Drawn]) {
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
    for g in glyphs.iter_mut().filter(|g| g.face == Face::Other) {
        g.face = if Some(g.font) == body {
            Face::Fang
        } else if Some(g.font) == title || g.size > 18.0 {
            Face::Title
        } else {
            Face::Hei
        };
    }
}
