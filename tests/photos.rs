//! Photos: vetted before Typst sees them, oriented, downsampled, stripped of
//! metadata; in the PDF, the HTML, the text, Word and OFD; side by side.

use std::fs;
use std::io::Cursor;
use std::process::Command;

use image::{ImageFormat, RgbImage, RgbaImage};

use crate::support::{folder, run_in, stderr};

fn issue_with(photo: &str, width: &str) -> String {
    format!(
        "name: 测试简报\nunit: 测试办\nnumber: 1\ndate: 2024-01-05\narticles:\n  - title: 标题\n    body:\n      - 正文第一段。\n      - photo: {photo}\n        caption: 志愿者在社区开展活动\n{width}"
    )
}

fn encode(image: &image::DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Vec::new();
    image.write_to(&mut Cursor::new(&mut out), format).unwrap();
    out
}

/// A folder with an issue holding one small PNG, `p.png`.
pub fn issue_with_small_photo() -> tempfile::TempDir {
    let dir = folder(&[("i.yaml", &issue_with("p.png", ""))]);
    let png = encode(
        &image::DynamicImage::ImageRgb8(RgbImage::new(30, 20)),
        ImageFormat::Png,
    );
    fs::write(dir.path().join("p.png"), png).unwrap();
    dir
}

/// A 40 × 20 JPEG whose EXIF says "rotate 90° clockwise" and holds a GPS tag.
fn rotated_jpeg_with_gps() -> Vec<u8> {
    let jpeg = encode(
        &image::DynamicImage::ImageRgb8(RgbImage::from_pixel(40, 20, image::Rgb([10, 120, 200]))),
        ImageFormat::Jpeg,
    );
    let mut tiff: Vec<u8> = b"MM\0*\0\0\0\x08".to_vec();
    tiff.extend_from_slice(&2u16.to_be_bytes());
    tiff.extend_from_slice(&[0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0]); // Orientation = 6
    tiff.extend_from_slice(&[0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 38]); // GPS IFD at 38
    tiff.extend_from_slice(&[0, 0, 0, 0]);
    tiff.extend_from_slice(&1u16.to_be_bytes());
    tiff.extend_from_slice(&[0, 1, 0, 2, 0, 0, 0, 2, b'N', 0, 0, 0]); // GPSLatitudeRef = N
    tiff.extend_from_slice(&[0, 0, 0, 0]);
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend_from_slice(&tiff);
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&app1);
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// `pdfimages -list`: (width, height) of each embedded image.
fn images_in(pdf: &std::path::Path) -> Vec<(u32, u32)> {
    let out = Command::new("pdfimages")
        .arg("-list")
        .arg(pdf)
        .output()
        .expect("pdfimages (poppler-utils) is installed");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(2)
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            // Soft masks (the alpha of a PNG) are listed apart: count images.
            (*f.get(2)? == "image").then_some(())?;
            Some((f.get(3)?.parse().ok()?, f.get(4)?.parse().ok()?))
        })
        .collect()
}

#[test]
fn a_lying_header_and_a_truncated_file_are_errors_at_the_yaml_line() {
    // 69 bytes: a PNG header claiming 100000 × 100000 pixels.
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend_from_slice(&100_000u32.to_be_bytes());
    ihdr.extend_from_slice(&100_000u32.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut lying = vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];
    lying.extend_from_slice(&ihdr);
    lying.extend_from_slice(&crc32(&ihdr).to_be_bytes());
    // An IDAT chunk that is far too short for the pixels it would need.
    lying.extend_from_slice(&[0, 0, 0, 20]);
    lying.extend_from_slice(b"IDAT");
    lying.resize(69, 0);
    let jpeg = encode(
        &image::DynamicImage::ImageRgb8(RgbImage::new(200, 100)),
        ImageFormat::Jpeg,
    );
    for (name, bytes, expected) in [
        ("huge.png", lying, "claims 100000 × 100000 pixels"),
        ("cut.jpg", jpeg[..jpeg.len() / 3].to_vec(), "cannot be"),
        (
            "notes.png",
            b"just some text, not an image".to_vec(),
            "not an image format",
        ),
    ] {
        let dir = folder(&[("i.yaml", &issue_with(name, ""))]);
        fs::write(dir.path().join(name), &bytes).unwrap();
        let out = run_in(dir.path(), &["build", "i.yaml"], None);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        assert!(
            err.contains(&format!("the photo {name} cannot be used")) && err.contains(expected),
            "{name}: {err}"
        );
        assert!(err.contains("--> i.yaml:9:16"), "{name}: {err}");
        assert!(!dir.path().join("i.pdf").exists());
    }
}

#[test]
fn exif_orientation_is_applied_and_metadata_dropped() {
    let dir = folder(&[("i.yaml", &issue_with("phone.jpg", ""))]);
    let photo = rotated_jpeg_with_gps();
    assert!(photo.windows(4).any(|w| w == b"Exif"));
    fs::write(dir.path().join("phone.jpg"), &photo).unwrap();
    let out = run_in(dir.path(), &["build", "i.yaml"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let pdf = fs::read(dir.path().join("i.pdf")).unwrap();
    assert_eq!(
        images_in(&dir.path().join("i.pdf")),
        [(20, 40)],
        "turned upright"
    );
    assert!(
        !pdf.windows(4).any(|w| w == b"Exif"),
        "no EXIF (and so no GPS) in the PDF"
    );
    let prepared = jianbao::photo::prepare(&photo, 1.0).unwrap();
    assert_eq!((prepared.width, prepared.height), (20, 40));
    assert!(!prepared.bytes.windows(4).any(|w| w == b"Exif"));
}

#[test]
fn every_format_is_prepared_for_typst_and_alpha_stays() {
    let rgba = image::DynamicImage::ImageRgba8(RgbaImage::from_pixel(
        60,
        30,
        image::Rgba([0, 90, 200, 120]),
    ));
    let rgb =
        image::DynamicImage::ImageRgb8(RgbImage::from_pixel(60, 30, image::Rgb([0, 90, 200])));
    for (name, bytes, kind) in [
        ("alpha.png", encode(&rgba, ImageFormat::Png), "png"),
        ("photo.webp", encode(&rgb, ImageFormat::WebP), "jpg"),
        ("scan.bmp", encode(&rgb, ImageFormat::Bmp), "jpg"),
        ("scan.tiff", encode(&rgb, ImageFormat::Tiff), "jpg"),
    ] {
        let prepared =
            jianbao::photo::prepare(&bytes, 1.0).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            (prepared.extension, prepared.width, prepared.height),
            (kind, 60, 30),
            "{name}"
        );
        let dir = folder(&[("i.yaml", &issue_with(name, ""))]);
        fs::write(dir.path().join(name), &bytes).unwrap();
        let out = run_in(dir.path(), &["build", "i.yaml"], None);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        assert_eq!(images_in(&dir.path().join("i.pdf")).len(), 1, "{name}");
    }
}

#[test]
fn a_big_photo_makes_a_small_pdf() {
    // A noisy 3000 × 2400 photo at JPEG quality 100: several megabytes.
    let mut noisy = RgbImage::new(3000, 2400);
    let mut seed = 12345u32;
    for p in noisy.pixels_mut() {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
        *p = image::Rgb([(seed >> 16) as u8, (seed >> 8) as u8, seed as u8]);
    }
    let mut big = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut big, 100)
        .encode_image(&noisy)
        .unwrap();
    assert!(big.len() > 5 << 20, "{} bytes", big.len());
    let dir = folder(&[("i.yaml", &issue_with("big.jpg", "        width: 0.5\n"))]);
    fs::write(dir.path().join("big.jpg"), &big).unwrap();
    let out = run_in(dir.path(), &["build", "i.yaml"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let pdf = fs::metadata(dir.path().join("i.pdf")).unwrap().len();
    // Half the type area (78 mm) at 300 dpi is 921 pixels wide.
    assert_eq!(images_in(&dir.path().join("i.pdf")), [(921, 737)]);
    assert!(
        pdf < big.len() as u64 / 4,
        "PDF {pdf} bytes from a {} byte photo",
        big.len()
    );
}

#[test]
fn photos_in_html_and_text() {
    let dir = issue_with_small_photo();
    let html = run_in(
        dir.path(),
        &["build", "i.yaml", "--format", "html", "-o", "-"],
        None,
    );
    let html = String::from_utf8(html.stdout).unwrap();
    assert!(
        html.contains("<img src=\"data:image/jpeg;base64,")
            && html.contains("<figcaption>志愿者在社区开展活动</figcaption>"),
        "embedded"
    );
    let txt = run_in(
        dir.path(),
        &["build", "i.yaml", "--format", "txt", "-o", "-"],
        None,
    );
    assert!(
        String::from_utf8(txt.stdout)
            .unwrap()
            .contains("\n[图：志愿者在社区开展活动]\n")
    );
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn a_cmyk_jpeg_is_converted() {
    let (w, h) = (32u16, 16u16);
    let cmyk: Vec<u8> = (0..usize::from(w) * usize::from(h))
        .flat_map(|_| [0u8, 204, 204, 0])
        .collect();
    let mut bytes = Vec::new();
    jpeg_encoder::Encoder::new(&mut bytes, 90)
        .encode(&cmyk, w, h, jpeg_encoder::ColorType::Cmyk)
        .unwrap();
    let prepared = jianbao::photo::prepare(&bytes, 1.0).unwrap();
    assert_eq!(
        (prepared.extension, prepared.width, prepared.height),
        ("jpg", 32, 16)
    );
    let rgb = image::load_from_memory(&prepared.bytes).unwrap();
    assert_eq!(
        rgb.color(),
        image::ColorType::Rgb8,
        "RGB for Typst and browsers"
    );
}

#[test]
fn two_narrow_photos_stand_side_by_side() {
    let issue = "name: 测试简报\nunit: 测试办\nnumber: 1\ndate: 2024-01-05\narticles:\n  - title: 标题\n    body:\n      - 正文第一段。\n      - {photo: a.png, caption: 甲, width: 0.45}\n      - {photo: b.png, caption: 乙, width: 0.45}\n      - {photo: a.png, caption: 丙}\n      - 正文第二段。\n";
    let dir = folder(&[("i.yaml", issue)]);
    let png = encode(
        &image::DynamicImage::ImageRgb8(RgbImage::new(400, 300)),
        ImageFormat::Png,
    );
    fs::write(dir.path().join("a.png"), &png).unwrap();
    fs::write(dir.path().join("b.png"), &png).unwrap();
    let (_, doc) = crate::support::layout(&dir.path().join("i.yaml"));
    let images: Vec<(usize, _)> = crate::support::pages(&doc)
        .into_iter()
        .enumerate()
        .flat_map(|(n, p)| p.images.into_iter().map(move |i| (n, i)))
        .collect();
    assert_eq!(images.len(), 3, "{images:?}");
    let ((pa, a), (pb, b), (pc, c)) = (&images[0], &images[1], &images[2]);
    assert!(
        pa == pb && (a.y - b.y).abs() < 0.01 && b.x > a.x + a.w,
        "side by side: {a:?} {b:?}"
    );
    assert!(
        (a.w - (0.45 * 156.0 - 2.0)).abs() < 0.2,
        "each 0.45 of the line less half the gap: {}",
        a.w
    );
    assert!(
        (pc > pa || c.y > a.y + a.h) && (c.w - 156.0).abs() < 0.1,
        "the full-width one after: {c:?}"
    );
}

#[test]
fn html_photos_can_be_linked_instead() {
    let dir = issue_with_small_photo();
    let html = run_in(
        dir.path(),
        &[
            "build",
            "i.yaml",
            "--format",
            "html",
            "--link-photos",
            "-o",
            "-",
        ],
        None,
    );
    assert!(
        String::from_utf8(html.stdout)
            .unwrap()
            .contains("<img src=\"p.png\"")
    );
}

/// A Word document carries the prepared photo (without its GPS tag), sized to
/// the line and described by its caption, with the caption under it.
#[test]
fn docx_carries_the_prepared_photo_and_its_caption() {
    let dir = folder(&[("i.yaml", &issue_with("p.jpg", ""))]);
    fs::write(dir.path().join("p.jpg"), rotated_jpeg_with_gps()).unwrap();
    let out = run_in(dir.path(), &["build", "i.yaml", "-o", "i.docx"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let listing = Command::new("python3")
        .args([
            "-c",
            "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); \
             print('\\n'.join(z.namelist())); print(z.read('word/document.xml').decode())",
        ])
        .arg(dir.path().join("i.docx"))
        .output()
        .unwrap();
    let listing = String::from_utf8_lossy(&listing.stdout);
    assert!(listing.contains("word/media/image1.jpg"), "{listing}");
    assert!(listing.contains("descr=\"志愿者在社区开展活动\""));
    assert!(listing.contains(
        "<w:pStyle w:val=\"图注\"/></w:pPr><w:r><w:t xml:space=\"preserve\">志愿者在社区开展活动"
    ));
    // Upright: the 40 × 20 photo turned a quarter is taller than wide.
    let extent = listing.split("<wp:extent ").nth(1).unwrap();
    let number = |key: &str| -> f64 {
        extent
            .split(&format!("{key}=\""))
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    assert!((number("cy") / number("cx") - 2.0).abs() < 0.01, "{extent}");
    let media = Command::new("python3")
        .args(["-c", "import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read('word/media/image1.jpg'))"])
        .arg(dir.path().join("i.docx"))
        .output()
        .unwrap()
        .stdout;
    assert!(
        !media.windows(4).any(|w| w == b"Exif"),
        "the photo keeps its metadata"
    );
}

/// OFD carries the prepared photo as an ImageObject over a MultiMedia
/// resource, where the PDF has it, and a reader draws it.
#[test]
fn ofd_carries_the_prepared_photo() {
    let dir = issue_with_small_photo();
    let out = run_in(dir.path(), &["build", "i.yaml", "-o", "i.ofd"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut package = ofd_core::OfdPackage::open(dir.path().join("i.ofd")).unwrap();
    let res = package.read_to_string("Doc_0/DocumentRes.xml").unwrap();
    assert!(
        res.contains("<ofd:MultiMedia ID=") && res.contains("Type=\"Image\""),
        "{res}"
    );
    assert!(package.contains("Doc_0/Res/image_1.png") || package.contains("Doc_0/Res/image_1.jpg"));
    let page = package
        .read_to_string("Doc_0/Pages/Page_0/Content.xml")
        .unwrap();
    let image = page
        .split("<ofd:ImageObject ")
        .nth(1)
        .expect("an ImageObject");
    // 30 × 20 pixels at the full type-area width: 156 × 104 mm.
    let boundary: Vec<f64> = image
        .split("Boundary=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .split(' ')
        .map(|v| v.parse().unwrap())
        .collect();
    assert!(
        (boundary[0] - 28.0).abs() < 0.01 && (boundary[2] - 156.0).abs() < 0.01,
        "{boundary:?}"
    );
    assert!((boundary[3] - 104.0).abs() < 0.01, "{boundary:?}");
    let mut reader = ofd_core::OfdReader::open(dir.path().join("i.ofd")).unwrap();
    let body = reader.ofd().doc_bodies[0].clone();
    let doc = reader.load_document(&body).unwrap();
    let png = reader
        .render_page_to_bytes(
            &doc,
            0,
            &ofd_core::RenderOptions::with_dpi(36.0),
            ofd_core::render::ImageFormat::Png,
        )
        .unwrap();
    let img = image::load_from_memory(&png).unwrap().to_rgb8();
    // The photo is black: the middle of its box is dark in the rendering.
    let (x, y) = (
        (28.0 + 78.0) / 25.4 * 36.0,
        (boundary[1] + 52.0) / 25.4 * 36.0,
    );
    assert!(img.get_pixel(x as u32, y as u32)[0] < 60);
}
