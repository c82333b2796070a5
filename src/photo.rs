//! Photos, vetted and prepared before Typst or a browser sees them.
//!
//! The header is read first and anything over the limits is refused before a
//! single pixel is decoded (a 69-byte PNG claiming 100000 × 100000 pixels gets
//! an error, not a 30 GB allocation); decoding runs under explicit limits;
//! EXIF orientation is applied (phone photos); the result is downsampled to
//! what 300 dpi at its printed size needs and re-encoded as JPEG (or PNG when
//! it has transparency), which also leaves every piece of metadata (GPS!)
//! behind. Prepared photos are cached by content hash for the process, so
//! batch runs and watch rebuilds do not redo the work.

use std::collections::HashMap;
use std::io::Cursor;
use std::sync::{Arc, Mutex};

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
use sha2::{Digest, Sha256};

/// Largest photo file read.
pub const MAX_FILE_BYTES: u64 = 64 << 20;
/// Largest side, in pixels.
pub const MAX_SIDE: u32 = 20_000;
/// Largest pixel count (100 megapixels).
pub const MAX_PIXELS: u64 = 100_000_000;
/// Pixels a JPEG or a GIF may claim per byte of its file (a flat-colour JPEG
/// holds a few hundred, a flat GIF's LZW codes about 1 400; found by fuzzing:
/// a 1 264-byte JPEG claiming 46 megapixels, an 8 126-byte GIF 66).
const JPEG_PIXELS_PER_BYTE: u64 = 2_000;
/// Pixels any other image may claim per byte (found by fuzzing: a 469-byte
/// GIF claiming a 16 144 × 4 096 canvas, 6.6 s and 400 MB).
const PIXELS_PER_BYTE: u64 = 10_000;
/// Resolution photos are prepared for.
pub const DPI: f64 = 300.0;

/// A photo ready to embed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    /// Encoded bytes (no metadata).
    pub bytes: Vec<u8>,
    /// `jpg` or `png`.
    pub extension: &'static str,
    /// Pixels.
    pub width: u32,
    /// Pixels.
    pub height: u32,
}

impl Prepared {
    /// The photo as a `data:` URI for HTML.
    pub fn data_uri(&self) -> String {
        use base64::Engine;
        let mime = if self.extension == "png" {
            "image/png"
        } else {
            "image/jpeg"
        };
        format!(
            "data:{mime};base64,{}",
            base64::engine::general_purpose::STANDARD.encode(&self.bytes)
        )
    }
}

/// Prepares a photo printed at `width` (a fraction of the type-area width).
/// The error says what is wrong, for the user.
pub fn prepare(bytes: &[u8], width: f64) -> Result<Prepared, String> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "the photo file is {} MB; at most {} MB is read",
            bytes.len() >> 20,
            MAX_FILE_BYTES >> 20
        ));
    }
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| format!("the photo cannot be read ({e})"))?;
    let Some(format) = reader.format() else {
        return Err(
            "this is not an image format jianbao reads (JPEG, PNG, WebP, GIF, BMP, TIFF)"
                .to_string(),
        );
    };
    // The header alone: refuse what is too big before decoding.
    let (w, h) = ImageReader::with_format(Cursor::new(bytes), format)
        .into_dimensions()
        .map_err(|e| format!("the photo's header cannot be read ({e})"))?;
    if w == 0 || h == 0 || w > MAX_SIDE || h > MAX_SIDE || u64::from(w) * u64::from(h) > MAX_PIXELS
    {
        return Err(format!(
            "the photo claims {w} × {h} pixels; at most {MAX_SIDE} on a side and {} megapixels are allowed",
            MAX_PIXELS / 1_000_000
        ));
    }
    // A JPEG holds at most a few hundred pixels a byte, even of one flat
    // colour, a GIF about 1 400, and no format ten thousand (a 1-bit PNG, the most compact,
    // about 8 000); a small file that claims millions of pixels is damaged or
    // a bomb (a GIF's canvas is allocated whole however small its frames),
    // and decoding and resizing it would take seconds for nothing.
    let per_byte = match format {
        ImageFormat::Jpeg | ImageFormat::Gif => JPEG_PIXELS_PER_BYTE,
        _ => PIXELS_PER_BYTE,
    };
    if u64::from(w) * u64::from(h) > (bytes.len() as u64).saturating_mul(per_byte) {
        return Err(format!(
            "the photo claims {w} × {h} pixels from only {} bytes: it is damaged",
            bytes.len()
        ));
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_PIXELS * 8);
    reader.limits(limits);
    let mut decoder = reader
        .into_decoder()
        .map_err(|e| format!("the photo cannot be decoded ({e})"))?;
    let orientation = decoder.orientation().ok();
    let mut image = DynamicImage::from_decoder(decoder)
        .map_err(|e| format!("the photo cannot be decoded ({e})"))?;
    if let Some(orientation) = orientation {
        image.apply_orientation(orientation);
    }
    // Enough pixels for 300 dpi at the printed width, no more.
    let target =
        (crate::format::page::TYPE_WIDTH_MM * width.clamp(0.05, 1.0) / 25.4 * DPI).round() as u32;
    if image.width() > target {
        let height = (f64::from(image.height()) * f64::from(target) / f64::from(image.width()))
            .round()
            .max(1.0) as u32;
        image = image.resize_exact(target, height, image::imageops::FilterType::Triangle);
    }
    let alpha = image.color().has_alpha() && has_transparency(&image);
    let mut out = Vec::new();
    let (extension, encoded) = if alpha {
        (
            "png",
            image
                .to_rgba8()
                .write_to(&mut Cursor::new(&mut out), ImageFormat::Png),
        )
    } else {
        let rgb = image.to_rgb8();
        let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 88);
        ("jpg", rgb.write_with_encoder(encoder))
    };
    encoded.map_err(|e| format!("the photo cannot be re-encoded ({e})"))?;
    Ok(Prepared {
        bytes: out,
        extension,
        width: image.width(),
        height: image.height(),
    })
}

fn has_transparency(image: &DynamicImage) -> bool {
    image.to_rgba8().pixels().any(|p| p.0[3] < 255)
}

/// A photo's content hash and its printed width (as bits).
type CacheKey = (Vec<u8>, u64);

/// Prepared photos of a process, by content hash and printed width.
#[derive(Default, Clone)]
pub struct Cache {
    prepared: Arc<Mutex<HashMap<CacheKey, Arc<Prepared>>>>,
}

impl Cache {
    /// Prepares `bytes` for `width`, or returns the copy prepared before.
    pub fn prepare(&self, bytes: &[u8], width: f64) -> Result<Arc<Prepared>, String> {
        let key = (Sha256::digest(bytes).to_vec(), width.to_bits());
        if let Some(hit) = self.prepared.lock().expect("not poisoned").get(&key) {
            return Ok(hit.clone());
        }
        let prepared = Arc::new(prepare(bytes, width)?);
        self.prepared
            .lock()
            .expect("not poisoned")
            .insert(key, prepared.clone());
        Ok(prepared)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32, alpha: u8) -> Vec<u8> {
        let image = image::RgbaImage::from_pixel(w, h, image::Rgba([200, 30, 30, alpha]));
        let mut out = Vec::new();
        image
            .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .unwrap();
        out
    }

    #[test]
    fn big_photos_are_downsampled_and_alpha_kept_as_png() {
        let big = prepare(&png(4000, 3000, 255), 0.5).unwrap();
        assert_eq!(big.extension, "jpg");
        assert_eq!(big.width, (78.0f64 / 25.4 * 300.0).round() as u32);
        let transparent = prepare(&png(100, 50, 128), 1.0).unwrap();
        assert_eq!(
            (transparent.extension, transparent.width, transparent.height),
            ("png", 100, 50)
        );
    }
}
