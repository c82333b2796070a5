//! Laid-out pages → page images: PNG (previews, thumbnails) and SVG. No I/O.

use typst_layout::PagedDocument;

use crate::diag::{Diagnostic, Failure};

/// Which pages to export, and how finely.
#[derive(Debug, Clone, Default)]
pub struct ImageOptions {
    /// PNG resolution in pixels per inch (144 when unset).
    pub ppi: Option<u32>,
    /// Pages to export (1-based, inclusive ranges); all when empty.
    pub pages: Vec<(usize, usize)>,
}

impl ImageOptions {
    fn wanted(&self, n: usize) -> bool {
        self.pages.is_empty() || self.pages.iter().any(|&(a, b)| a <= n && n <= b)
    }
}

/// One PNG per selected page: the 1-based page number and its bytes.
pub fn png(
    document: &PagedDocument,
    options: &ImageOptions,
) -> Result<Vec<(usize, Vec<u8>)>, Failure> {
    let ppi = f64::from(options.ppi.unwrap_or(144));
    let render = typst_render::RenderOptions {
        pixel_per_pt: typst::utils::Scalar::new(ppi / 72.0),
        ..Default::default()
    };
    pages(document, options, |page| {
        typst_render::render(page, &render)
            .encode_png()
            .map_err(|e| Diagnostic::error(None, format!("failed to encode PNG ({e})")).into())
    })
}

/// An image of any kind (an SVG seal, a PDF) as a PNG of `size` at `ppi`,
/// its transparency kept: for the formats that hold raster images only
/// (OFD's image objects here).
pub fn rasterised(
    image: &typst::visualize::Image,
    size: typst::layout::Size,
    ppi: f64,
) -> Option<Vec<u8>> {
    use typst::foundations::{Content, Smart};
    use typst::layout::{Frame, FrameItem, Point, Sides};
    let mut frame = Frame::soft(size);
    frame.push(
        Point::zero(),
        FrameItem::Image(image.clone(), size, typst::syntax::Span::detached()),
    );
    let page = typst_layout::Page {
        frame,
        bleed: Sides::default(),
        fill: Smart::Custom(None),
        numbering: None,
        supplement: Content::empty(),
        number: 1,
    };
    let render = typst_render::RenderOptions {
        pixel_per_pt: typst::utils::Scalar::new(ppi / 72.0),
        ..Default::default()
    };
    typst_render::render(&page, &render).encode_png().ok()
}

/// One SVG per selected page: the 1-based page number and its bytes.
pub fn svg(
    document: &PagedDocument,
    options: &ImageOptions,
) -> Result<Vec<(usize, Vec<u8>)>, Failure> {
    pages(document, options, |page| {
        Ok(typst_svg::svg(page, &typst_svg::SvgOptions::default()).into_bytes())
    })
}

fn pages(
    document: &PagedDocument,
    options: &ImageOptions,
    encode: impl Fn(&typst_layout::Page) -> Result<Vec<u8>, Failure>,
) -> Result<Vec<(usize, Vec<u8>)>, Failure> {
    let mut out = Vec::new();
    for (i, page) in document.pages().iter().enumerate() {
        if options.wanted(i + 1) {
            out.push((i + 1, encode(page)?));
        }
    }
    if out.is_empty() {
        return Err(Diagnostic::error(
            None,
            format!(
                "no page selected: the issue has {} pages",
                document.pages().len()
            ),
        )
        .hint("give --pages within the issue's pages, e.g. 1 or 1-2")
        .into());
    }
    Ok(out)
}
