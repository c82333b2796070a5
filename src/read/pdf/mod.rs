//! A PDF of a past issue → model, in three stages: [`glyphs`] interprets the
//! pages with the hayro crates (which typst uses to read PDFs): every glyph
//! with its position, size, face, weight and colour, its character through
//! the font's ToUnicode map; photos as images. [`lines`] rebuilds the lines
//! from the glyphs, and [`structure`] the parts from how they look: the
//! masthead by its red and its size (and what stands above and below it),
//! the contents block, titles by size and face (whole, however many lines),
//! sources and subtitles, paragraphs by their first-line indent across line
//! and page breaks, lead sentences by a change of face or weight at a
//! paragraph's start, headings by face and 一、/（一）, page numbers dropped
//! by position, the footer by its size on the last page; `read::assemble`
//! builds the issue from them. Glyphs without a character are warnings
//! naming the page.

mod glyphs;
mod lines;
mod structure;
mod tables;

use hayro_interpret::hayro_syntax::Pdf;
use hayro_interpret::hayro_syntax::object::{Dict, Name};
use hayro_interpret::{
    CacheKey, Context, InterpreterCache, InterpreterSettings, TransformExt, interpret_page,
};
use kurbo::Rect;

use crate::diag::{Diagnostic, Failure};
use crate::format::page;
use crate::read::Imported;
use crate::read::assemble::{Layout, Piece, build};
use glyphs::{Collector, name_faces};
use lines::{Line, lines_of};

/// At most this many pages are read.
pub const MAX_PAGES: usize = 500;

/// At most this deep may arrays and dictionaries nest (a page needs a few).
pub const MAX_NESTING: usize = 256;

/// A photo taken out of the PDF: its file name and PNG/JPEG bytes.
pub type Photo = (String, Vec<u8>);

/// Reads the PDF `bytes` (named `name` in messages); photos are named
/// `<stem>-photo-N.png`.
pub fn import(bytes: &[u8], name: &str, stem: &str) -> Result<(Imported, Vec<Photo>), Failure> {
    let (pieces, photos, warnings) = pieces(bytes, name, stem, Layout::Bulletin)?;
    let mut imported = build(pieces, name)?;
    imported.warnings.splice(0..0, warnings);
    Ok((imported, photos))
}

/// What [`pieces`] finds: the parts, the photos, the warnings on the way.
pub type Found = (Vec<Piece>, Vec<Photo>, Vec<Diagnostic>);

/// The parts of the PDF `bytes` for the assembler, in reading order; a PDF
/// of [`Layout::Article`] (a submitted article) has no masthead or footer.
pub fn pieces(bytes: &[u8], name: &str, stem: &str, layout: Layout) -> Result<Found, Failure> {
    let Scanned {
        lines,
        pictures,
        tables,
        last_page,
        one_face,
        warnings,
    } = scan(bytes, name)?;
    let (pieces, photos) = structure::pieces(
        &lines, &pictures, &tables, last_page, stem, layout, one_face,
    );
    Ok((pieces, photos, warnings))
}

/// What the first stages find in a PDF: its lines (under the type area's
/// foot left out), pictures, ruled tables, page count, whether it is set in
/// one face, and the warnings on the way.
struct Scanned {
    lines: Vec<Line>,
    pictures: Vec<glyphs::Picture>,
    tables: Vec<tables::Found>,
    last_page: usize,
    one_face: bool,
    warnings: Vec<Diagnostic>,
}

/// Reads the PDF `bytes` into its lines, pictures and tables.
fn scan(bytes: &[u8], name: &str) -> Result<Scanned, Failure> {
    let fail = |why: &str, hint: &str| {
        Failure(vec![
            Diagnostic::error(Some(name), why.to_string()).hint(hint.to_string()),
        ])
    };
    if nesting(bytes) > MAX_NESTING {
        return Err(fail(
            &format!("the PDF nests its objects more than {MAX_NESTING} deep (damaged or hostile)"),
            "open it in a PDF viewer and save it again, or import the issue's text",
        ));
    }
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
    // The names of the pages' fonts by their dictionaries' keys: hayro
    // gives no name for a Type 1 font (LibreOffice embeds CFF faces so),
    // its /BaseFont does.
    let mut font_names = std::collections::HashMap::new();
    for page in pages.iter() {
        let fonts = &page.resources().fonts;
        for key in fonts.keys() {
            if let Some(dict) = fonts.get::<Dict>(&key)
                && let Some(base) = dict.get::<Name>(b"BaseFont")
            {
                font_names.insert(dict.cache_key(), base.as_str().to_string());
            }
        }
    }
    let cache = InterpreterCache::new();
    let mut collector = Collector {
        font_names,
        page: 0,
        glyphs: Vec::new(),
        rules: Vec::new(),
        pictures: Vec::new(),
        unmapped: Vec::new(),
    };
    for (i, page) in pages.iter().enumerate() {
        collector.page = i + 1;
        // The content stream's own operands nest too (the parser recurses).
        if page.page_stream().is_some_and(|s| nesting(s) > MAX_NESTING) {
            return Err(fail(
                &format!(
                    "page {} of the PDF nests its content more than {MAX_NESTING} deep (damaged or hostile)",
                    i + 1
                ),
                "open it in a PDF viewer and save it again, or import the issue's text",
            ));
        }
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
    let one_face = name_faces(&mut collector.glyphs);
    let tables = tables::find(&collector.rules, &mut collector.glyphs);
    let lines: Vec<Line> = lines_of(collector.glyphs)
        .into_iter()
        // Page numbers and anything else under the type area.
        .filter(|l| l.y < page::TOP_MM + page::TYPE_HEIGHT_MM + 2.0)
        .collect();

    Ok(Scanned {
        lines,
        pictures: collector.pictures,
        tables,
        last_page,
        one_face,
        warnings,
    })
}

/// `text` without the spaces between a Chinese character and a digit or
/// Latin letter.
fn tight(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let wide = |c: char| c as u32 >= 0x2E80;
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let between = |a: Option<&char>, b: Option<&char>| match (a, b) {
            (Some(&a), Some(&b)) => {
                (wide(a) && b.is_ascii_alphanumeric()) || (a.is_ascii_alphanumeric() && wide(b))
            }
            _ => false,
        };
        if c == ' '
            && between(
                i.checked_sub(1).and_then(|p| chars.get(p)),
                chars.get(i + 1),
            )
        {
            continue;
        }
        out.push(c);
    }
    out
}

/// The lines of a PDF for the 公文 reader ([`crate::read::official`]):
/// the wrapped lines of a paragraph joined (a line that starts at the left
/// edge under a full line goes on it), each with its look; a ruled table's
/// rows as lines of cells where it stands.
fn gongwen_lines(scanned: &Scanned) -> Vec<crate::read::official::Line> {
    use crate::read::official::Line as Official;
    let mut out: Vec<Official> = Vec::new();
    // A table's rows, each a line of cells.
    let rows = |out: &mut Vec<Official>, t: &tables::Found| {
        out.extend(t.table.grid().into_iter().map(|row| Official {
            text: row.join(" "),
            at: format!("page {}", t.page),
            cells: Some(row),
            ..Default::default()
        }));
    };
    let mut tables = scanned.tables.iter().peekable();
    let mut previous: Option<&Line> = None;
    for line in &scanned.lines {
        while let Some(t) = tables.next_if(|t| (t.page, t.top) < (line.page, line.y)) {
            rows(&mut out, t);
            previous = None;
        }
        // A 公文 writes digits against the characters (2026年12月5日): the
        // gaps of the grid's cells are no spaces (a centred line, off the
        // grid, keeps its own).
        let text = match line.centred() {
            true => line.text(),
            false => tight(&line.text()),
        };
        let continues = previous.is_some_and(|p| p.full() && !p.centred())
            && line.indent() < 1.0
            && !line.centred();
        match out.last_mut() {
            Some(last) if continues && last.cells.is_none() => last.text.push_str(text.trim()),
            _ => out.push(Official {
                text,
                centred: line.centred(),
                red: line.red,
                at: format!("page {}", line.page),
                ..Default::default()
            }),
        }
        previous = Some(line);
    }
    for t in tables {
        rows(&mut out, t);
    }
    out
}

/// What a PDF holds: a 公文's lines, or an issue read with its photos.
pub enum Read {
    /// A 公文 ([`crate::read::official::looks_like`]), as lines.
    Gongwen(Vec<crate::read::official::Line>),
    /// A bulletin issue.
    Bulletin(Box<Imported>, Vec<Photo>),
}

/// Reads the PDF `bytes` once and tells which family it holds: a 公文's
/// lines, or the issue (photos named `<stem>-photo-N.png`).
pub fn import_any(bytes: &[u8], name: &str, stem: &str) -> Result<Read, Failure> {
    let scanned = scan(bytes, name)?;
    let lines = gongwen_lines(&scanned);
    if crate::read::official::looks_like(&lines) {
        return Ok(Read::Gongwen(lines));
    }
    let (pieces, photos) = structure::pieces(
        &scanned.lines,
        &scanned.pictures,
        &scanned.tables,
        scanned.last_page,
        stem,
        Layout::Bulletin,
        scanned.one_face,
    );
    let mut imported = build(pieces, name)?;
    imported.warnings.splice(0..0, scanned.warnings);
    Ok(Read::Bulletin(Box::new(imported), photos))
}

/// How deep arrays and dictionaries nest in the file's objects, found by a
/// scan that skips strings, comments and streams' data: the bound the
/// parser's recursion gets before it runs.
fn nesting(bytes: &[u8]) -> usize {
    let (mut depth, mut most, mut i) = (0usize, 0usize, 0usize);
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                while i < bytes.len() && !matches!(bytes[i], b'\r' | b'\n') {
                    i += 1;
                }
            }
            b'(' => {
                // A literal string: balanced parentheses, backslash escapes.
                let mut level = 0usize;
                while i < bytes.len() {
                    match bytes[i] {
                        b'\\' => i += 1,
                        b'(' => level += 1,
                        b')' => {
                            level -= 1;
                            if level == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
            }
            b'[' => {
                depth += 1;
                most = most.max(depth);
            }
            b'<' if bytes.get(i + 1) == Some(&b'<') => {
                depth += 1;
                most = most.max(depth);
                i += 1;
            }
            b']' => depth = depth.saturating_sub(1),
            b'>' if bytes.get(i + 1) == Some(&b'>') => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            b's' if bytes[i..].starts_with(b"stream") => {
                // A stream's data, up to its end.
                match bytes[i..].windows(9).position(|w| w == b"endstream") {
                    Some(at) => i += at + 8,
                    None => break,
                }
            }
            _ => {}
        }
        i += 1;
    }
    most
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_measured_outside_strings_and_streams() {
        assert_eq!(nesting(b"<< /A [1 2 [3]] >>"), 3);
        assert_eq!(nesting(b"(a [[[ string) [1]"), 1);
        assert_eq!(nesting(b"stream\n[[[[[[\nendstream [ ]"), 1);
        assert_eq!(nesting(&b"[".repeat(100_000)), 100_000);
    }
}
