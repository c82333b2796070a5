//! Page formats beside the plain PDF: the archival PDFs (PDF/A, PDF/UA),
//! page images (PNG, SVG) and their selection with `--pages`, and the first
//! page of every sample against its golden image.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::photos::issue_with_small_photo;
use crate::support::{folder, good_issue, root, run_in, sample, samples, stderr};

/// Builds `source` in `dir` with `args`, which must succeed.
fn build(dir: &Path, source: &Path, args: &[&str]) {
    let mut all = vec!["build", source.to_str().unwrap()];
    all.extend_from_slice(args);
    let out = run_in(dir, &all, None);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn archival_pdf_a_2b() {
    let dir = folder(&[]);
    let source = sample("brief/issue.yaml");
    build(
        dir.path(),
        &source,
        &["--pdf-standard", "a-2b", "-o", "issue.pdf"],
    );
    let bytes = fs::read(dir.path().join("issue.pdf")).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains("pdfaid:part>2<") || text.contains("pdfaid:part=\"2\""),
        "PDF/A identification in XMP"
    );
}

#[test]
fn archival_pdf_passes_qpdf_check() {
    let dir = issue_with_small_photo();
    let ua = run_in(
        dir.path(),
        &["build", "i.yaml", "--pdf-standard", "ua-1", "-o", "ua.pdf"],
        None,
    );
    assert!(ua.status.success(), "ua-1: {}", stderr(&ua));
    let text = String::from_utf8_lossy(&fs::read(dir.path().join("ua.pdf")).unwrap()).into_owned();
    assert!(
        text.contains("pdfuaid:part"),
        "PDF/UA identification in XMP"
    );
    for standard in ["a-2b", "a-2u", "a-3b"] {
        let out = run_in(
            dir.path(),
            &["build", "i.yaml", "--pdf-standard", standard, "-o", "a.pdf"],
            None,
        );
        assert!(out.status.success(), "{standard}: {}", stderr(&out));
        let check = Command::new("qpdf")
            .arg("--check")
            .arg(dir.path().join("a.pdf"))
            .output()
            .unwrap();
        assert!(
            check.status.success(),
            "{standard}: {}",
            String::from_utf8_lossy(&check.stdout)
        );
        let bytes = fs::read(dir.path().join("a.pdf")).unwrap();
        let part = &standard[2..3];
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            text.contains(&format!("pdfaid:part>{part}<"))
                || text.contains(&format!("pdfaid:part=\"{part}\"")),
            "{standard}: XMP"
        );
    }
}

#[test]
fn previews_one_file_per_page() {
    let dir = folder(&[]);
    let source = sample("linjiang/2024-09.yaml");
    build(
        dir.path(),
        &source,
        &[
            "--format", "png", "--ppi", "30", "--pages", "1,3-4", "-o", "p.png",
        ],
    );
    let mut files: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files, ["p-1.png", "p-3.png", "p-4.png"]);
    let page = image::load_from_memory(&fs::read(dir.path().join("p-1.png")).unwrap()).unwrap();
    // A4 at 30 ppi: 248 × 351 pixels.
    assert_eq!((page.width(), page.height()), (248, 351));
    // The masthead name is red: some pixels in the top third are strongly red.
    let red = page
        .to_rgb8()
        .pixels()
        .take(248 * 117)
        .filter(|p| p.0[0] > 200 && p.0[1] < 120 && p.0[2] < 120)
        .count();
    assert!(red > 100, "{red} red pixels");
    build(
        dir.path(),
        &source,
        &["--format", "svg", "--pages", "2", "-o", "s-{p}.svg"],
    );
    assert!(
        fs::read_to_string(dir.path().join("s-2.svg"))
            .unwrap()
            .starts_with("<svg")
    );
}

#[test]
fn selecting_no_existing_page_is_an_error() {
    let dir = folder(&[("i.yaml", &good_issue(1))]);
    let out = run_in(
        dir.path(),
        &[
            "build", "i.yaml", "--format", "png", "--pages", "5-6", "-o", "p.png",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no page selected: the issue has 1 pages"),
        "{}",
        stderr(&out)
    );
}

/// Page 1 of every sample at 20 ppi against `tests/golden/*-page1.png`
/// (`JIANBAO_BLESS=1` rewrites them): the mean difference per channel stays
/// under 2 of 255, so rendering noise passes and a layout change does not.
#[test]
fn first_pages_match_their_golden_images() {
    let dir = folder(&[]);
    for rel in samples() {
        let source = sample(rel);
        let name = rel.trim_end_matches(".yaml");
        build(
            dir.path(),
            &source,
            &[
                "--format", "png", "--ppi", "20", "--pages", "1", "-o", "page.png",
            ],
        );
        let actual = fs::read(dir.path().join("page-1.png")).unwrap();
        let golden = root()
            .join("tests/golden")
            .join(format!("{}-page1.png", name.replace('/', "-")));
        if std::env::var_os("JIANBAO_BLESS").is_some() {
            fs::write(&golden, &actual).unwrap();
            continue;
        }
        let expected = image::load_from_memory(&fs::read(&golden).unwrap_or_else(|_| {
            panic!("{} is missing: run with JIANBAO_BLESS=1", golden.display())
        }))
        .unwrap()
        .to_rgb8();
        let actual = image::load_from_memory(&actual).unwrap().to_rgb8();
        assert_eq!(actual.dimensions(), expected.dimensions(), "{name}");
        let total: u64 = actual
            .as_raw()
            .iter()
            .zip(expected.as_raw())
            .map(|(a, b)| u64::from(a.abs_diff(*b)))
            .sum();
        let mean = total as f64 / actual.as_raw().len() as f64;
        assert!(
            mean < 2.0,
            "{name}: page 1 differs from its golden image by {mean:.2} per channel"
        );
    }
}
