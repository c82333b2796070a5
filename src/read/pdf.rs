//! A PDF of a past issue → model. The pages are interpreted with the hayro
//! crates (which typst uses to read PDFs): every glyph with its position,
//! size, face, weight and colour, its character through the font's
//! ToUnicode map; photos as images. Lines are rebuilt from the glyphs, and
//! the structure from how they look: the masthead by its red and its size
//! (and what stands above and below it), the contents block, titles by size
//! and face (whole, however many lines), sources and subtitles, paragraphs by
//! their first-line indent across line and page breaks, lead sentences by a
//! change of face or weight at a paragraph's start, headings by face and
//! 一、/（一）, page numbers dropped by position, the footer by its size on
//! the last page. Glyphs without a character are warnings naming the page.

use hayro_interpret::font::Glyph;
use hayro_interpret::hayro_syntax::Pdf;
use hayro_interpret::{
    BlendMode, ClipPath, Context, Device, GlyphDrawMode, Image, ImageData, InterpreterCache,
    InterpreterSettings, Paint, PathDrawMode, SoftMask, TransformExt, interpret_page,
};
use kurbo::{Affine, BezPath, Point, Rect};

use crate::diag::{Diagnostic, Failure};
use crate::page;
use crate::read::styled::{Layout, Piece, Role, build};
use crate::read::text::Imported;
use crate::read::text::recognise::{find_date, heading_level, issue_number, total_number};

/// At most this many pages are read.
pub const MAX_PAGES: usize = 500;

/// A photo taken out of the PDF: its file name and PNG/JPEG bytes.
pub type Photo = (String, Vec<u8>);

/// Points in a millimetre.
const PT_PER_MM: f64 = 72.0 / 25.4;

/// The face of a run, as far as the structure cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Face {
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
struct Drawn {
    page: usize,
    x: f64,
    right: f64,
    y: f64,
    size: f64,
    face: Face,
    /// Which font drew it (for faces whose name the PDF does not give).
    font: u128,
    red: bool,
    text: String,
}

/// An image as drawn.
#[derive(Debug, Clone)]
struct Picture {
    page: usize,
    bottom: f64,
    bytes: Vec<u8>,
    extension: &'static str,
}

struct Collector {
    page: usize,
    glyphs: Vec<Drawn>,
    pictures: Vec<Picture>,
    unmapped: Vec<(usize, f64, f64)>,
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
fn name_faces(glyphs: &mut [Drawn]) {
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

/// A line: glyphs on one baseline, left to right, split into runs of one
/// face (a wide gap also splits).
#[derive(Debug, Clone)]
struct Line {
    page: usize,
    y: f64,
    left: f64,
    right: f64,
    size: f64,
    red: bool,
    runs: Vec<(Face, String)>,
}

impl Line {
    fn text(&self) -> String {
        self.runs.iter().map(|(_, t)| t.as_str()).collect()
    }

    fn face(&self) -> Face {
        // The face of most of the characters.
        let mut counts = [0usize; 5];
        for (face, text) in &self.runs {
            counts[*face as usize] += text.chars().filter(|c| !c.is_whitespace()).count();
        }
        let best = (0..5).max_by_key(|&i| counts[i]).unwrap_or(0);
        [Face::Title, Face::Fang, Face::Hei, Face::Kai, Face::Other][best]
    }

    fn centred(&self) -> bool {
        let (l, r) = (
            self.left - page::LEFT_MM,
            page::LEFT_MM + page::TYPE_WIDTH_MM - self.right,
        );
        (l - r).abs() < 3.0 && l > 5.0
    }

    /// Cells of indent from the type area's left edge.
    fn indent(&self) -> f64 {
        (self.left - page::LEFT_MM) / (page::CELL_PT / PT_PER_MM)
    }

    fn full(&self) -> bool {
        self.right > page::LEFT_MM + page::TYPE_WIDTH_MM - page::CELL_PT / PT_PER_MM * 1.5
    }
}

fn lines_of(mut glyphs: Vec<Drawn>) -> Vec<Line> {
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

/// Reads the PDF `bytes` (named `name` in messages); photos are named
/// `<stem>-photo-N.png`.
pub fn import(bytes: &[u8], name: &str, stem: &str) -> Result<(Imported, Vec<Photo>), Failure> {
    let (pieces, photos, warnings) = pieces(bytes, name, stem, Layout::Bulletin)?;
    let mut imported = build(pieces, name)?;
    imported.warnings.splice(0..0, warnings);
    Ok((imported, photos))
}

/// What [`pieces`] finds in a PDF: its pieces, its photos, warnings.
pub type Found = (Vec<Piece>, Vec<Photo>, Vec<Diagnostic>);

/// The lines of the PDF `bytes` as pieces with their roles, in reading
/// order, its photos, and warnings on the way (glyphs without a character);
/// a PDF of [`Layout::Article`] has no masthead and no footer.
pub fn pieces(bytes: &[u8], name: &str, stem: &str, layout: Layout) -> Result<Found, Failure> {
    let fail = |why: &str, hint: &str| {
        Failure(vec![
            Diagnostic::error(Some(name), why.to_string()).hint(hint.to_string()),
        ])
    };
    let pdf = Pdf::new(bytes.to_vec()).map_err(|e| match e {
        hayro_interpret::hayro_syntax::LoadPdfError::Decryption(_) => fail(
            "the PDF is encrypted",
            "save an unprotected copy first, or import the issue's text",
        ),
        _ => fail(
            "this is not a readable PDF (damaged or truncated)",
            "open it in a PDF viewer and save it again, or import the issue's text",
        ),
    })?;
    let pages = pdf.pages();
    if pages.is_empty() {
        return Err(fail(
            "the PDF has no pages",
            "check that it is the right file",
        ));
    }
    if pages.len() > MAX_PAGES {
        return Err(fail(
            &format!(
                "the PDF has {} pages; a bulletin has at most {MAX_PAGES}",
                pages.len()
            ),
            "split it into its issues first",
        ));
    }
    let cache = InterpreterCache::new();
    let mut collector = Collector {
        page: 0,
        glyphs: Vec::new(),
        pictures: Vec::new(),
        unmapped: Vec::new(),
    };
    for (i, page) in pages.iter().enumerate() {
        collector.page = i + 1;
        let (w, h) = page.render_dimensions();
        let mut context = Context::new(
            page.initial_transform(true).to_kurbo(),
            Rect::new(0.0, 0.0, f64::from(w), f64::from(h)),
            &cache,
            page.xref(),
            InterpreterSettings::default(),
        );
        interpret_page(page, &mut context, &mut collector);
    }
    if collector.glyphs.is_empty() {
        return Err(fail(
            "the PDF has no text layer (a scan?): there is nothing to import",
            "run OCR on it first, or import the issue's text",
        ));
    }
    let mut warnings = Vec::new();
    if let Some(&(page, x, y)) = collector.unmapped.first() {
        warnings.push(Diagnostic::warning(
            Some(name),
            format!(
                "{} glyphs have no Unicode character (a font without a ToUnicode map) and are left out; the first on page {} at {} mm from the left, {} mm from the top",
                collector.unmapped.len(),
                page,
                x.round(),
                y.round()
            ),
        ));
    }
    let last_page = pages.len();
    name_faces(&mut collector.glyphs);
    let lines: Vec<Line> = lines_of(collector.glyphs)
        .into_iter()
        // Page numbers and anything else under the type area.
        .filter(|l| l.y < page::TOP_MM + page::TYPE_HEIGHT_MM + 2.0)
        .collect();

    let (pieces, photos) = structure(&lines, &collector.pictures, last_page, stem, layout);
    Ok((pieces, photos, warnings))
}

/// The pieces of the issue, from its lines in reading order.
fn structure(
    lines: &[Line],
    pictures: &[Picture],
    last_page: usize,
    stem: &str,
    layout: Layout,
) -> (Vec<Piece>, Vec<Photo>) {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut photos: Vec<Photo> = Vec::new();
    let body = page::BODY_SIZE_PT;
    let name_at = lines.iter().position(|l| l.red && l.size > 20.0);
    let piece = |role: Role, text: String, lead: Option<String>, line: &Line| Piece {
        role,
        text,
        lead,
        at: format!("page {}", line.page),
    };
    // The footer: the 14 pt lines at the bottom of the last page.
    let footer_from = match layout {
        Layout::Bulletin => lines
            .iter()
            .rposition(|l| !(l.page == last_page && (l.size - 14.0).abs() < 0.6))
            .map_or(0, |i| i + 1),
        Layout::Article => lines.len(),
    };
    let mut pictures = pictures.to_vec();
    let mut i = 0;
    let mut in_masthead = layout == Layout::Bulletin;
    let mut open: Option<usize> = None; // the piece a wrapped line goes on in
    let mut seen_title = false;
    'lines: while i < lines.len() {
        let line = &lines[i];
        let text = line.text();
        let plain = text.replace('\t', " ");
        // Photos above this line.
        while let Some(p) = pictures.first()
            && (p.page < line.page || (p.page == line.page && p.bottom <= line.y))
        {
            let p = pictures.remove(0);
            let file = format!("{stem}-photo-{}.{}", photos.len() + 1, p.extension);
            photos.push((file.clone(), p.bytes));
            pieces.push(piece(Role::Photo(file), String::new(), None, line));
            open = None;
            // Its caption: the centred 楷体 lines right under it.
            if matches!(line.face(), Face::Kai | Face::Hei) && line.centred() {
                pieces.push(piece(Role::Caption, plain.clone(), None, line));
                i += 1;
                // On with the next line (not the next photo: this line is read).
                continue 'lines;
            }
        }
        if i >= footer_from {
            let t = text.replace('\t', " ");
            // A recipient line that goes on (indented under its label).
            pieces.push(piece(Role::Footer, t, None, line));
            i += 1;
            continue;
        }
        if in_masthead {
            match name_at {
                Some(n) if i < n => pieces.push(piece(Role::Mark, plain, None, line)),
                Some(n) if i == n => pieces.push(piece(Role::Name, plain, None, line)),
                // A name a word processor wrapped goes on in the next line.
                Some(n)
                    if line.red
                        && (line.size - lines[n].size).abs() < 1.0
                        && pieces.last().is_some_and(|p| p.role == Role::Name) =>
                {
                    if let Some(name) = pieces.last_mut() {
                        name.text.push_str(plain.trim());
                    }
                }
                _ if line.red => pieces.push(piece(Role::Kind, plain, None, line)),
                _ if issue_number(&plain).is_some() && line.centred() => {
                    pieces.push(piece(Role::Number, plain, None, line))
                }
                _ if total_number(&plain).is_some() => {
                    pieces.push(piece(Role::Total, plain, None, line))
                }
                _ if find_date(&plain).is_some() => {
                    pieces.push(piece(Role::UnitDate, plain, None, line));
                    in_masthead = false;
                }
                _ => pieces.push(piece(Role::Mark, plain, None, line)),
            }
            i += 1;
            continue;
        }
        let size = line.size;
        let face = line.face();
        let starts = line.runs.first().map(|(f, _)| *f);
        let indented = (line.indent() - 2.0).abs() < 0.6;
        let at_left = line.indent().abs() < 0.6;
        let continues = open.is_some() && at_left;
        if size > 18.0 && face == Face::Title {
            // A title: this line and the title lines under it.
            let mut title = plain.trim().to_string();
            while i + 1 < lines.len()
                && lines[i + 1].size > 18.0
                && lines[i + 1].face() == Face::Title
                && lines[i + 1].page == line.page
                && lines[i + 1].y - lines[i].y < 2.5 * body / PT_PER_MM
            {
                i += 1;
                title.push(' ');
                title.push_str(lines[i].text().trim());
            }
            pieces.push(piece(Role::Title, title, None, line));
            seen_title = true;
            open = None;
        } else if text.starts_with('【') && text.trim_end().ends_with('】') {
            pieces.push(piece(Role::Column, plain, None, line));
            open = None;
        } else if text.starts_with("编者按") {
            pieces.push(piece(Role::Note, plain, None, line));
            open = Some(pieces.len() - 1);
        } else if matches!(face, Face::Kai | Face::Hei)
            && line.centred()
            && pieces
                .last()
                .is_some_and(|p| matches!(p.role, Role::Title | Role::Byline))
        {
            pieces.push(piece(Role::Byline, plain, None, line));
            open = None;
        } else if continues {
            let target = open.expect("open");
            let p = &mut pieces[target];
            let mut rest = plain.as_str();
            let joined: String;
            // A lead longer than its first line goes on in this one.
            if p.text.is_empty()
                && let Some(lead) = p.lead.as_mut()
            {
                let n = line
                    .runs
                    .iter()
                    .take_while(|(f, _)| *f != Face::Fang && *f != Face::Other)
                    .count();
                let more: String = line.runs[..n].iter().map(|(_, t)| t.as_str()).collect();
                lead.push_str(&more);
                joined = line.runs[n..].iter().map(|(_, t)| t.as_str()).collect();
                rest = &joined;
            }
            let previous = p.text.chars().last();
            join(&mut p.text, previous, rest);
        } else if matches!(face, Face::Kai | Face::Hei) && indented && !seen_title {
            // The contents: titles in 楷体 under the column headings; a
            // title that did not fit goes on in the next line.
            let wraps = pieces.last().is_some_and(|p| p.role == Role::Contents)
                && i > 0
                && lines[i - 1].full();
            if wraps {
                let last = pieces.last_mut().expect("a contents line");
                last.text.push_str(plain.trim());
            } else {
                pieces.push(piece(Role::Contents, plain, None, line));
            }
        } else if indented
            && matches!(face, Face::Hei | Face::Kai)
            && line.runs.len() == 1
            && heading_level(plain.trim()).is_some()
        {
            let level = heading_level(plain.trim()).unwrap_or(1);
            pieces.push(piece(Role::Heading(level), plain, None, line));
            open = None;
        } else if indented || !at_left {
            // A paragraph; its lead: the opening runs in another face.
            let lead_runs = line
                .runs
                .iter()
                .take_while(|(f, _)| Some(*f) == starts && *f != Face::Fang && *f != Face::Other)
                .count();
            let (lead, rest): (String, String) = if lead_runs > 0 && indented {
                (
                    line.runs[..lead_runs]
                        .iter()
                        .map(|(_, t)| t.as_str())
                        .collect(),
                    line.runs[lead_runs..]
                        .iter()
                        .map(|(_, t)| t.as_str())
                        .collect(),
                )
            } else {
                (String::new(), plain.clone())
            };
            pieces.push(piece(
                Role::Body,
                rest,
                Some(lead).filter(|l| !l.is_empty()),
                line,
            ));
            open = Some(pieces.len() - 1);
        } else {
            pieces.push(piece(Role::Body, plain, None, line));
            open = Some(pieces.len() - 1);
        }
        i += 1;
    }
    // A lead is a sentence: it ends at its last 。！？： (what follows in the
    // same face, e.g. a glyph from another subset of the body font, is text),
    // and an opening in another face without one is no lead at all.
    for p in pieces.iter_mut().filter(|p| p.role == Role::Body) {
        if let Some(lead) = p.lead.take() {
            match lead.rfind(['。', '！', '？', '：']) {
                Some(at) => {
                    let end = at + lead[at..].chars().next().map_or(0, char::len_utf8);
                    p.text = format!("{}{}", &lead[end..], p.text);
                    p.lead = Some(lead[..end].to_string());
                }
                None => p.text = format!("{lead}{}", p.text),
            }
        }
    }
    (pieces, photos)
}

/// Appends a wrapped line's text, putting back the space a line break took
/// between a Chinese character and a digit or Latin letter (as the house
/// style spaces them: 共 3 项, “…” 18 个, but ，22 项).
fn join(text: &mut String, previous: Option<char>, next: &str) {
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
