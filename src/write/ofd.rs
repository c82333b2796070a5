//! Laid-out pages → OFD (GB/T 33190-2016), the fixed-layout format of
//! Chinese electronic documents and archives: a ZIP package with `OFD.xml`
//! (document information), `Doc_0/Document.xml`, the public and document
//! resources (embedded fonts, the CMYK colour space, the photos) and one
//! `Content.xml` a page.
//!
//! Text stays text: one `TextObject` per glyph run, its `TextCode` the real
//! characters, `DeltaX` the laid-out advances, and a `CGTransform` where the
//! laid-out glyph is not the one the font's cmap gives for the character, so
//! that a reader mapping characters and a reader using glyph ids draw the same
//! glyphs. The fonts are standalone OpenType subsets with their own cmap
//! ([`crate::opentype`]). Millimetres throughout, y downwards.
//!
//! Signatures (GB/T 38540, `Doc_0/Signs/`) and OFD-A are not written.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::sync::Arc;

use sha2::{Digest, Sha256};
use typst::layout::{Abs, Frame, FrameItem, Point, Transform};
use typst::text::{Font, TextItem};
use typst::visualize::{
    Color, CurveItem, ExchangeFormat, Geometry, ImageKind, Paint, ProcessColor, RasterFormat, Shape,
};
use typst_layout::PagedDocument;

use crate::diag::{Diagnostic, Failure};
use crate::format::page;
use crate::opentype::{self, Subsets};
use crate::write::Metadata;
use crate::write::xml::{escape, w3c_date};
use crate::write::zip::{Packed, Zip};

/// The resolution at which an image that OFD cannot hold as it is (SVG) is
/// drawn into a PNG: print quality for a seal.
const RASTER_PPI: f64 = 600.0;

const NS: &str = "xmlns:ofd=\"http://www.ofdspec.org/2016\"";
const XML: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

/// How to write OFD.
#[derive(Debug, Clone)]
pub struct OfdOptions {
    /// The document information (its identity is hashed into the DocID).
    pub meta: Metadata,
    /// The font subsets made so far in this process.
    pub subsets: Arc<Subsets>,
}

/// The OFD package of `document`: same input, same bytes.
pub fn ofd(document: &PagedDocument, options: &OfdOptions) -> Result<Vec<u8>, Failure> {
    // IDs: 1 the CMYK colour space, then fonts, images and objects as met.
    let mut writer = Writer {
        next_id: 2,
        ..Writer::default()
    };
    let pages: Vec<String> = document
        .pages()
        .iter()
        .map(|p| {
            let mut content = String::new();
            writer.frame(&p.frame, Transform::identity(), &mut content);
            content
        })
        .collect();

    let mut zip = Zip::new();
    zip.file("OFD.xml", doc_info(&options.meta).as_bytes());

    // Fonts: subset to what the pages use, then the pages' glyph ids and
    // TextCodes are written against the subsets.
    let mut fonts_xml = String::new();
    let mut font_files = Vec::new();
    for (i, used) in writer.fonts.iter().enumerate() {
        let subset = options
            .subsets
            .get(
                used.font.data(),
                used.font.index(),
                &used.chars,
                &used.glyphs,
            )
            .map_err(|why| {
                Diagnostic::error(
                    None,
                    format!(
                        "failed to subset the font {} ({})",
                        used.font.info().family,
                        why
                    ),
                )
            })?;
        let (family, postscript) = names(&subset.bytes, &used.font.info().family);
        let file = format!("font_{}.otf", i + 1);
        write!(
            fonts_xml,
            "<ofd:Font ID=\"{}\" FontName=\"{}\" FamilyName=\"{}\"><ofd:FontFile>{file}</ofd:FontFile></ofd:Font>",
            used.id,
            escape(&postscript),
            escape(&family)
        )
        .unwrap();
        font_files.push((file, subset));
    }
    let pages: Vec<String> = pages
        .into_iter()
        .map(|content| resolve_glyphs(&content, &font_files))
        .collect();

    let mut media_xml = String::new();
    for (id, name, format, _) in &writer.images {
        write!(
            media_xml,
            "<ofd:MultiMedia ID=\"{id}\" Type=\"Image\" Format=\"{format}\"><ofd:MediaFile>{name}</ofd:MediaFile></ofd:MultiMedia>"
        )
        .unwrap();
    }

    let mut page_refs = String::new();
    let mut layer_ids = Vec::new();
    for i in 0..pages.len() {
        let id = writer.id();
        layer_ids.push(writer.id());
        write!(
            page_refs,
            "<ofd:Page ID=\"{id}\" BaseLoc=\"Pages/Page_{i}/Content.xml\"/>"
        )
        .unwrap();
    }
    let max = writer.next_id - 1;
    zip.file(
        "Doc_0/Document.xml",
        format!(
            "{XML}<ofd:Document {NS}><ofd:CommonData><ofd:MaxUnitID>{max}</ofd:MaxUnitID>\
             <ofd:PageArea><ofd:PhysicalBox>0 0 {} {}</ofd:PhysicalBox></ofd:PageArea>\
             <ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>\
             </ofd:CommonData><ofd:Pages>{page_refs}</ofd:Pages></ofd:Document>",
            num(page::PAGE_WIDTH_MM),
            num(page::PAGE_HEIGHT_MM)
        )
        .as_bytes(),
    );
    zip.file(
        "Doc_0/PublicRes.xml",
        format!(
            "{XML}<ofd:Res {NS} BaseLoc=\"Res\"><ofd:ColorSpaces>\
             <ofd:ColorSpace ID=\"{CMYK_ID}\" Type=\"CMYK\" BitsPerComponent=\"8\"/></ofd:ColorSpaces>\
             <ofd:Fonts>{fonts_xml}</ofd:Fonts></ofd:Res>"
        )
        .as_bytes(),
    );
    zip.file(
        "Doc_0/DocumentRes.xml",
        format!(
            "{XML}<ofd:Res {NS} BaseLoc=\"Res\">{}</ofd:Res>",
            if media_xml.is_empty() {
                String::new()
            } else {
                format!("<ofd:MultiMedias>{media_xml}</ofd:MultiMedias>")
            }
        )
        .as_bytes(),
    );
    for (file, subset) in &font_files {
        let packed = subset
            .packed
            .get_or_init(|| Packed::new(&subset.bytes).into_owned());
        zip.add(&format!("Doc_0/Res/{file}"), packed);
    }
    for (_, name, _, bytes) in &writer.images {
        zip.file(&format!("Doc_0/Res/{name}"), bytes);
    }
    for (i, (content, layer)) in pages.iter().zip(&layer_ids).enumerate() {
        zip.file(
            &format!("Doc_0/Pages/Page_{i}/Content.xml"),
            format!(
                "{XML}<ofd:Page {NS}><ofd:Content><ofd:Layer ID=\"{layer}\">{content}</ofd:Layer></ofd:Content></ofd:Page>"
            )
            .as_bytes(),
        );
    }
    Ok(zip.finish())
}

/// The colour space of the masthead red.
const CMYK_ID: u32 = 1;

/// A font the pages use: what to keep of it.
struct UsedFont {
    id: u32,
    font: Font,
    chars: BTreeSet<char>,
    glyphs: BTreeSet<u16>,
}

/// Walks the pages, writing objects and collecting resources.
#[derive(Default)]
struct Writer {
    next_id: u32,
    fonts: Vec<UsedFont>,
    /// (ID, file name, format name, bytes); the same image once.
    images: Vec<(u32, String, &'static str, Vec<u8>)>,
}

impl Writer {
    fn id(&mut self) -> u32 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    fn frame(&mut self, frame: &Frame, ts: Transform, out: &mut String) {
        for (pos, item) in frame.items() {
            let at = pos.transform(ts);
            match item {
                FrameItem::Group(group) => {
                    let inner = ts
                        .pre_concat(Transform::translate(pos.x, pos.y))
                        .pre_concat(group.transform);
                    self.frame(&group.frame, inner, out);
                }
                FrameItem::Text(text) => {
                    self.text(text, at, scale(ts), ts.sx.get() / ts.sy.get(), out)
                }
                FrameItem::Shape(shape, _) => self.shape(shape, at, scale(ts), out),
                FrameItem::Image(image, size, _) => {
                    // An image OFD cannot hold as it is (an SVG seal) goes in
                    // as a PNG at print resolution.
                    let drawn;
                    let exchange = match image.kind() {
                        ImageKind::Raster(raster) => match raster.format() {
                            RasterFormat::Exchange(ExchangeFormat::Jpg) => Some(("JPEG", "jpg")),
                            RasterFormat::Exchange(ExchangeFormat::Png) => Some(("PNG", "png")),
                            _ => None,
                        }
                        .map(|format| (format, raster.data().as_slice())),
                        _ => None,
                    };
                    let (format, bytes) = match exchange {
                        Some(found) => found,
                        None => {
                            let Some(png) =
                                crate::write::image::rasterised(image, *size, RASTER_PPI)
                            else {
                                continue;
                            };
                            drawn = png;
                            (("PNG", "png"), drawn.as_slice())
                        }
                    };
                    let id = match self.images.iter().find(|i| i.3 == bytes) {
                        Some(found) => found.0,
                        None => {
                            let id = self.id();
                            let name = format!("image_{}.{}", self.images.len() + 1, format.1);
                            self.images.push((id, name, format.0, bytes.to_vec()));
                            id
                        }
                    };
                    let s = scale(ts);
                    let (w, h) = (mm(size.x) * s, mm(size.y) * s);
                    let object = self.id();
                    write!(
                        out,
                        "<ofd:ImageObject ID=\"{object}\" Boundary=\"{} {} {} {}\" CTM=\"{} 0 0 {} 0 0\" ResourceID=\"{id}\"/>",
                        num(mm(at.x)),
                        num(mm(at.y)),
                        num(w),
                        num(h),
                        num(w),
                        num(h)
                    )
                    .unwrap();
                }
                _ => {}
            }
        }
    }

    /// One glyph run as a TextObject. Glyph ids are written as placeholders
    /// ([`MARK`]`g<font>:<id>`[`MARK`]), resolved against the subset fonts later.
    /// `squeeze` narrows the run across (a 公文's 标志 fitted to the type
    /// area): the object's CTM, its boundary as drawn.
    fn text(&mut self, text: &TextItem, at: Point, s: f64, squeeze: f64, out: &mut String) {
        let font = text.font.font().clone();
        let index = match self.fonts.iter().position(|f| f.font == font) {
            Some(i) => i,
            None => {
                let id = self.id();
                self.fonts.push(UsedFont {
                    id,
                    font: font.clone(),
                    chars: BTreeSet::new(),
                    glyphs: BTreeSet::new(),
                });
                self.fonts.len() - 1
            }
        };
        let size = mm(text.size) * s;
        let ttf = text.font.ttf();
        // Codes (one character each) with the position of the glyph drawn
        // for it; a glyph for several characters, or a character drawn with
        // a glyph its cmap does not give, gets a CGTransform.
        let mut codes = String::new();
        let mut xs: Vec<f64> = Vec::new();
        let mut transforms = String::new();
        let mut pen = 0.0;
        let mut count = 0;
        let used = &mut self.fonts[index];
        for glyph in &text.glyphs {
            let cluster = &text.text[glyph.range()];
            let x = pen + mm(glyph.x_offset.at(text.size)) * s;
            pen += mm(glyph.x_advance.at(text.size)) * s;
            used.glyphs.insert(glyph.id);
            let chars: Vec<char> = cluster.chars().collect();
            if chars.is_empty() {
                continue;
            }
            used.chars.extend(chars.iter().copied());
            let natural =
                chars.len() == 1 && ttf.glyph_index(chars[0]).map(|g| g.0) == Some(glyph.id);
            if !natural {
                write!(
                    transforms,
                    "<ofd:CGTransform CodePosition=\"{count}\" CodeCount=\"{}\" GlyphCount=\"1\"><ofd:Glyphs>{MARK}g{index}:{}{MARK}</ofd:Glyphs></ofd:CGTransform>",
                    chars.len(),
                    glyph.id
                )
                .unwrap();
            }
            for (i, c) in chars.iter().enumerate() {
                codes.push(*c);
                xs.push(if i == 0 { x } else { *xs.last().unwrap_or(&x) });
                count += 1;
            }
        }
        if count == 0 {
            return;
        }
        // A glyph pulled left of the pen (a trimmed opening bracket) stays
        // inside the boundary.
        let left = xs.iter().copied().fold(0.0, f64::min);
        let width = pen.max(xs.last().copied().unwrap_or(0.0) + size) - left;
        let (x0, baseline) = (mm(at.x) + left * squeeze, mm(at.y));
        let ctm = match (squeeze - 1.0).abs() > 1e-9 {
            true => format!(" CTM=\"{} 0 0 1 0 0\"", num(squeeze)),
            false => String::new(),
        };
        // The boundary: the run's width, from an em above the baseline to
        // a quarter em below it.
        let top = baseline - size;
        let deltas: Vec<f64> = xs.windows(2).map(|w| w[1] - w[0]).collect();
        let font_id = used.id;
        let id = self.id();
        write!(
            out,
            "<ofd:TextObject ID=\"{id}\" Boundary=\"{} {} {} {}\"{ctm} Font=\"{}\" Size=\"{}\">{}{transforms}\
             <ofd:TextCode X=\"{}\" Y=\"{}\"{}>{}</ofd:TextCode></ofd:TextObject>",
            num(x0),
            num(top),
            num(width * squeeze),
            num(size * 1.25),
            font_id,
            num(size),
            fill(&text.fill),
            num(xs[0] - left),
            num(size),
            if deltas.is_empty() {
                String::new()
            } else {
                format!(" DeltaX=\"{}\"", delta_x(&deltas))
            },
            escape(&codes)
        )
        .unwrap();
    }

    /// A filled or stroked shape as a PathObject.
    fn shape(&mut self, shape: &Shape, at: Point, s: f64, out: &mut String) {
        let mut data = String::new();
        let (mut x0, mut y0, mut x1, mut y1) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
        let mut point = |data: &mut String, op: &str, pts: &[Point]| {
            data.push_str(op);
            for p in pts {
                let (x, y) = (mm(p.x) * s, mm(p.y) * s);
                x0 = x0.min(x);
                y0 = y0.min(y);
                x1 = x1.max(x);
                y1 = y1.max(y);
                write!(data, " {} {}", num(x), num(y)).unwrap();
            }
            data.push(' ');
        };
        match &shape.geometry {
            Geometry::Line(to) => {
                point(&mut data, "M", &[Point::zero()]);
                point(&mut data, "L", &[*to]);
            }
            Geometry::Rect(size) => {
                point(&mut data, "M", &[Point::zero()]);
                point(&mut data, "L", &[Point::with_x(size.x)]);
                point(&mut data, "L", &[Point::new(size.x, size.y)]);
                point(&mut data, "L", &[Point::with_y(size.y)]);
                data.push_str("C ");
            }
            Geometry::Curve(curve) => {
                for item in curve.0.iter() {
                    match item {
                        CurveItem::Move(p) => point(&mut data, "M", &[*p]),
                        CurveItem::Line(p) => point(&mut data, "L", &[*p]),
                        CurveItem::Cubic(a, b, c) => point(&mut data, "B", &[*a, *b, *c]),
                        CurveItem::Close => data.push_str("C "),
                    }
                }
            }
        }
        let stroke = shape.stroke.as_ref();
        let pad = stroke.map_or(0.0, |st| mm(st.thickness) * s / 2.0);
        let id = self.id();
        write!(
            out,
            "<ofd:PathObject ID=\"{id}\" Boundary=\"{} {} {} {}\"{}{}>",
            num(mm(at.x) + x0 - pad),
            num(mm(at.y) + y0 - pad),
            num(x1 - x0 + 2.0 * pad),
            num(y1 - y0 + 2.0 * pad),
            match stroke {
                Some(st) => format!(" LineWidth=\"{}\"", num(mm(st.thickness) * s)),
                None => " Stroke=\"false\"".to_string(),
            },
            if shape.fill.is_some() {
                " Fill=\"true\""
            } else {
                ""
            },
        )
        .unwrap();
        // Both colours explicitly, black too: a path's FillColor defaults
        // to transparent (GB/T 33190 §9.1), so a reader that follows the
        // standard would not draw a fill without it.
        if let Some(st) = stroke {
            out.push_str(&explicit(colour("StrokeColor", &st.paint), "StrokeColor"));
        }
        if let Some(paint) = &shape.fill {
            out.push_str(&explicit(colour("FillColor", paint), "FillColor"));
        }
        // The path in the boundary's own space.
        let shifted = shift(data.trim_end(), x0 - pad, y0 - pad);
        write!(
            out,
            "<ofd:AbbreviatedData>{shifted}</ofd:AbbreviatedData></ofd:PathObject>"
        )
        .unwrap();
    }
}

/// The uniform scale of a transform (the template only translates and
/// scales; a skew is not expected on a bulletin page).
fn scale(ts: Transform) -> f64 {
    ts.sy.get()
}

/// Moves every coordinate pair of abbreviated path data by (−dx, −dy).
fn shift(data: &str, dx: f64, dy: f64) -> String {
    let mut out = Vec::new();
    let mut coords = Vec::new();
    for token in data.split(' ') {
        match token.parse::<f64>() {
            Ok(v) => coords.push(v),
            Err(_) => {
                flush(&mut coords, &mut out, dx, dy);
                out.push(token.to_string());
            }
        }
    }
    flush(&mut coords, &mut out, dx, dy);
    out.join(" ")
}

fn flush(coords: &mut Vec<f64>, out: &mut Vec<String>, dx: f64, dy: f64) {
    for pair in coords.chunks(2) {
        if let [x, y] = pair {
            out.push(num(x - dx));
            out.push(num(y - dy));
        }
    }
    coords.clear();
}

/// `FillColor`/`StrokeColor` for a paint: CMYK through the document's CMYK
/// colour space (a reader without it falls back to its default, black),
/// anything else as RGB.
fn colour(element: &str, paint: &Paint) -> String {
    match paint {
        Paint::Solid(Color::Process(ProcessColor::Cmyk(c))) => {
            let v = |f: f32| (f * 255.0).round() as u8;
            format!(
                "<ofd:{element} ColorSpace=\"{CMYK_ID}\" Value=\"{} {} {} {}\"/>",
                v(c.c),
                v(c.m),
                v(c.y),
                v(c.k)
            )
        }
        Paint::Solid(color) => {
            let [r, g, b, _] = color.to_vec4_u8();
            if [r, g, b] == [0, 0, 0] {
                // Black is the default.
                String::new()
            } else {
                format!("<ofd:{element} Value=\"{r} {g} {b}\"/>")
            }
        }
        _ => String::new(),
    }
}

/// `written`, or black when it is empty (the default left out).
fn explicit(written: String, element: &str) -> String {
    if written.is_empty() {
        format!("<ofd:{element} Value=\"0 0 0\"/>")
    } else {
        written
    }
}

fn fill(paint: &Paint) -> String {
    colour("FillColor", paint)
}

/// DeltaX with runs of equal values in the compact `g n v` form.
fn delta_x(deltas: &[f64]) -> String {
    let values: Vec<String> = deltas.iter().map(|d| num(*d)).collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < values.len() {
        let run = values[i..].iter().take_while(|v| **v == values[i]).count();
        if run > 1 {
            out.push(format!("g {run} {}", values[i]));
        } else {
            out.push(values[i].clone());
        }
        i += run;
    }
    out.join(" ")
}

/// Millimetres of a length.
fn mm(abs: Abs) -> f64 {
    abs.to_mm()
}

/// A number in millimetres, to a thousandth, without trailing zeros.
fn num(v: f64) -> String {
    let v = (v * 1000.0).round() / 1000.0;
    let v = if v == 0.0 { 0.0 } else { v };
    let s = format!("{v:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Brackets a glyph placeholder: a control character, which no text of the
/// model holds (the readers refuse them), so user text never looks like one.
const MARK: char = '\u{1}';

/// Replaces the glyph placeholders by the glyph's id in its font's subset.
fn resolve_glyphs(content: &str, subsets: &[(String, Arc<opentype::Subset>)]) -> String {
    if !content.contains(MARK) {
        return content.to_string();
    }
    let mut out = String::with_capacity(content.len());
    let mut rest = content;
    while let Some(at) = rest.find(MARK) {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 2..];
        let end = tail.find(MARK).unwrap_or(tail.len());
        let (font, glyph) = tail[..end].split_once(':').unwrap_or(("0", "0"));
        let font: usize = font.parse().unwrap_or(0);
        let glyph: u16 = glyph.parse().unwrap_or(0);
        let new = subsets
            .get(font)
            .and_then(|(_, s)| s.glyphs.get(&glyph))
            .copied()
            .unwrap_or(0);
        write!(out, "{new}").unwrap();
        rest = &tail[(end + 1).min(tail.len())..];
    }
    out.push_str(rest);
    out
}

/// The family and PostScript names of a font file (name IDs 1 and 6),
/// `fallback` when it has none.
fn names(font: &[u8], fallback: &str) -> (String, String) {
    let Ok(face) = ttf_parser::Face::parse(font, 0) else {
        return (fallback.to_string(), fallback.to_string());
    };
    let name = |id: u16| {
        face.names()
            .into_iter()
            .filter(|n| n.name_id == id && n.is_unicode())
            .find_map(|n| n.to_string())
    };
    let family = name(ttf_parser::name_id::FAMILY).unwrap_or_else(|| fallback.to_string());
    let postscript = name(ttf_parser::name_id::POST_SCRIPT_NAME).unwrap_or_else(|| family.clone());
    (family, postscript)
}

/// `OFD.xml`: the document information and where the document is.
fn doc_info(meta: &Metadata) -> String {
    let id: String = Sha256::digest(meta.ident.as_bytes())[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let date = date(meta.timestamp);
    let keywords: String = meta
        .keywords
        .iter()
        .map(|n| format!("<ofd:Keyword>{}</ofd:Keyword>", escape(n)))
        .collect();
    format!(
        "{XML}<ofd:OFD {NS} Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody><ofd:DocInfo>\
         <ofd:DocID>{id}</ofd:DocID><ofd:Title>{}</ofd:Title><ofd:Author>{}</ofd:Author>\
         <ofd:Abstract>{}</ofd:Abstract><ofd:CreationDate>{date}</ofd:CreationDate><ofd:ModDate>{date}</ofd:ModDate>\
         {}<ofd:Creator>jianbao</ofd:Creator><ofd:CreatorVersion>{}</ofd:CreatorVersion>\
         </ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        escape(&meta.title),
        escape(&meta.author),
        escape(&meta.description),
        if keywords.is_empty() {
            String::new()
        } else {
            format!("<ofd:Keywords>{keywords}</ofd:Keywords>")
        },
        env!("CARGO_PKG_VERSION"),
    )
}

/// `2024-09-20` from seconds since 1970.
fn date(seconds: i64) -> String {
    w3c_date(seconds)[..10].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_advances_are_written_compactly() {
        assert_eq!(delta_x(&[5.5, 5.5, 5.5, 2.0, 5.5]), "g 3 5.5 2 5.5");
        assert_eq!(num(5.57291), "5.573");
        assert_eq!(num(-0.0001), "0");
    }

    #[test]
    fn paths_move_into_their_boundary() {
        assert_eq!(shift("M 1 2 L 3 4 C", 1.0, 1.0), "M 0 1 L 2 3 C");
    }
}
