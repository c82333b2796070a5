//! Helpers: run the binary, lay out an issue in-process, flatten pages into
//! positioned text runs and rectangles measured in millimetres.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

use jianbao::input::{self, Input, Loaded};
use jianbao::typeset::fonts::Fonts;
use jianbao::typeset::{Environment, TemplateSource};
use typst::layout::{Abs, Frame, FrameItem, Transform};
use typst::visualize::{Color, Geometry, Paint, ProcessColor};
use typst_layout::PagedDocument;

/// The repository's root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shipped sample issues, relative to `samples/` with `/` between the
/// parts, sorted: every bulletin YAML file under `samples/` (not the series
/// and office files, not a 公文), found when the tests run, so a sample
/// added is a sample tested.
pub fn samples() -> &'static [String] {
    static SAMPLES: OnceLock<Vec<String>> = OnceLock::new();
    SAMPLES.get_or_init(|| {
        sources()
            .iter()
            .filter(|rel| !is_gongwen_sample(rel))
            .cloned()
            .collect()
    })
}

/// The shipped sample 公文, as [`samples`] lists issues.
pub fn gongwen_samples() -> &'static [String] {
    static SAMPLES: OnceLock<Vec<String>> = OnceLock::new();
    SAMPLES.get_or_init(|| {
        sources()
            .iter()
            .filter(|rel| is_gongwen_sample(rel))
            .cloned()
            .collect()
    })
}

fn is_gongwen_sample(rel: &str) -> bool {
    let text = std::fs::read_to_string(sample(rel)).unwrap_or_default();
    jianbao::read::gongwen::is_gongwen(&text)
}

/// Every source file under `samples/`.
fn sources() -> &'static [String] {
    static SOURCES: OnceLock<Vec<String>> = OnceLock::new();
    SOURCES.get_or_init(|| {
        fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) {
            let entries =
                std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
            for entry in entries {
                let entry = entry.unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
                let name = entry.file_name().to_string_lossy().into_owned();
                let rel = format!("{prefix}{name}");
                if entry.path().is_dir() {
                    walk(&entry.path(), &format!("{rel}/"), out);
                } else if jianbao::read::yaml::is_issue_file(&name) {
                    out.push(rel);
                }
            }
        }
        let mut found = Vec::new();
        walk(&root().join("samples"), "", &mut found);
        found.sort();
        assert!(!found.is_empty(), "no sample issues under samples/");
        found
    })
}

/// A sample issue's path.
pub fn sample(rel: &str) -> PathBuf {
    root().join("samples").join(rel)
}

/// Runs `jianbao` with `args` in `dir`, feeding `stdin`.
pub fn run_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_jianbao"))
        .args(args)
        .current_dir(dir)
        .env_remove("SOURCE_DATE_EPOCH")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("jianbao runs");
    let mut pipe = child.stdin.take().expect("stdin");
    if let Some(bytes) = stdin {
        pipe.write_all(bytes).expect("stdin written");
    }
    drop(pipe);
    child.wait_with_output().expect("jianbao finishes")
}

/// Runs `jianbao` in the repository root.
pub fn run(args: &[&str]) -> Output {
    run_in(&root(), args, None)
}

/// Standard error as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// LibreOffice converts `files` into `dir` as `to` (`pdf`, `odt`,
/// `docx:MS Word 2007 XML` …), headless, with a profile of its own in `dir`
/// so that tests may run side by side.
pub fn soffice(dir: &Path, to: &str, files: &[&Path]) -> Output {
    Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("lo-profile").display()
        ))
        .args(["--headless", "--norestore", "--convert-to", to, "--outdir"])
        .arg(dir)
        .args(files)
        .output()
        .expect("LibreOffice (soffice) runs: apt-get install libreoffice-writer-nogui")
}

/// LibreOffice's PDF of `docx` (into its folder) laid out where the machine
/// has one face only: a fontconfig of its own holding the shipped FandolFang
/// alone, whatever the machine has, so every text is drawn in that face —
/// an office's document printed where its faces are missing.
pub fn soffice_in_one_face(docx: &Path) -> PathBuf {
    let dir = docx.parent().unwrap();
    let fonts = dir.join("one-face-fonts");
    std::fs::create_dir_all(&fonts).unwrap();
    std::fs::copy(
        root().join("fonts/FandolFang-Regular.otf"),
        fonts.join("FandolFang-Regular.otf"),
    )
    .unwrap();
    let config = dir.join("one-face-fonts.conf");
    std::fs::write(
        &config,
        format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig><dir>{}</dir><cachedir>{}</cachedir></fontconfig>\n",
            fonts.display(),
            dir.join("one-face-cache").display()
        ),
    )
    .unwrap();
    let out = Command::new("soffice")
        .env("FONTCONFIG_FILE", &config)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("lo-profile").display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir)
        .arg(docx)
        .output()
        .expect("LibreOffice (soffice) runs: apt-get install libreoffice-writer-nogui");
    let pdf = docx.with_extension("pdf");
    assert!(
        pdf.exists(),
        "LibreOffice made no PDF: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    pdf
}

/// A folder with `files` (name, contents) written into it.
pub fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// A complete issue, numbered `number`, of one short article.
pub fn good_issue(number: u32) -> String {
    format!(
        "name: 测试简报\nunit: 测试办\nnumber: {number}\ndate: 2024-01-05\narticles: [{{title: 标题, body: [正文第一段。]}}]\n"
    )
}

/// A folder holding `i.yaml`: an issue whose one article has `paragraphs`
/// (quoted), followed by `tail` (e.g. a `style:` mapping).
pub fn one_article(paragraphs: &[String], tail: &str) -> (tempfile::TempDir, PathBuf) {
    let body: String = paragraphs
        .iter()
        .map(|p| {
            format!(
                "      - \"{}\"\n",
                p.replace('\\', "\\\\").replace('"', "\\\"")
            )
        })
        .collect();
    let issue = format!(
        "name: 测试简报\nunit: 测试办\nnumber: 1\ndate: 2024-01-02\narticles:\n  - title: 标题\n    body:\n{body}{tail}"
    );
    let dir = folder(&[("i.yaml", &issue)]);
    let path = dir.path().join("i.yaml");
    (dir, path)
}

/// The shipped fonts and template, loaded once for all tests.
pub fn env() -> &'static Environment {
    static ENV: OnceLock<Environment> = OnceLock::new();
    ENV.get_or_init(|| Environment::new(Fonts::load(&[]).0, TemplateSource::Shipped))
}

/// The model of the issue at `path`.
pub fn model(path: &Path) -> jianbao::model::Issue {
    input::load(&Input::Path(path.to_path_buf()))
        .unwrap_or_else(|e| panic!("{} does not load:\n{}", path.display(), e.failure()))
        .issue
}

/// Loads and lays out the issue at `path`.
pub fn layout(path: &Path) -> (Loaded, PagedDocument) {
    let loaded = input::load(&Input::Path(path.to_path_buf()))
        .unwrap_or_else(|e| panic!("{} does not load:\n{}", path.display(), e.failure()));
    let (typeset, _) = jianbao::typeset(env(), &loaded)
        .unwrap_or_else(|f| panic!("{} does not typeset:\n{f}", path.display()));
    (loaded, typeset.document)
}

/// A run of text on a page; lengths in millimetres from the page's top left.
#[derive(Debug, Clone)]
pub struct Run {
    /// Each glyph's character and where it is drawn (mm from the left).
    pub glyphs: Vec<(char, f64)>,
    pub x: f64,
    /// The baseline.
    pub y: f64,
    pub width: f64,
    pub size_pt: f64,
    pub family: String,
    pub text: String,
    pub cmyk: Option<[f32; 4]>,
    /// Top of the first glyph's ink above the baseline, in millimetres.
    pub ink_top: f64,
    /// The run's ink (all its glyphs) above and below the baseline, mm:
    /// what Typst's `top-edge: "bounds"` and `bottom-edge: "bounds"` take.
    pub ink_above: f64,
    pub ink_below: f64,
    /// Whether the glyphs are stroked as well as filled (a synthetic bold).
    pub stroked: bool,
}

/// A filled rectangle; millimetres.
#[derive(Debug, Clone)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub cmyk: Option<[f32; 4]>,
    pub black: bool,
}

/// Everything drawn on one page.
#[derive(Debug, Default)]
pub struct Page {
    pub runs: Vec<Run>,
    pub rects: Vec<Rect>,
    /// Images: position and size, millimetres (no fill).
    pub images: Vec<Rect>,
    /// Stroked straight lines: from (x, y) to (x, y), and the stroke's
    /// thickness, millimetres.
    pub lines: Vec<Stroke>,
}

/// A stroked straight line; millimetres.
#[derive(Debug, Clone)]
pub struct Stroke {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
    pub thickness: f64,
}

impl Page {
    /// The page's text, runs in drawing order.
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }

    /// Runs whose text contains `needle`.
    pub fn find(&self, needle: &str) -> Vec<&Run> {
        self.runs
            .iter()
            .filter(|r| r.text.contains(needle))
            .collect()
    }

    /// The glyphs of 16 pt lines, by baseline, left to right: (baseline,
    /// glyphs as (character, x)).
    pub fn glyph_lines(&self) -> Vec<(f64, Vec<(char, f64)>)> {
        let mut lines: Vec<(f64, Vec<(char, f64)>)> = Vec::new();
        for run in self.runs.iter().filter(|r| (r.size_pt - 16.0).abs() < 0.01) {
            match lines.iter_mut().find(|l| (l.0 - run.y).abs() < 0.01) {
                Some(line) => line.1.extend(run.glyphs.iter().copied()),
                None => lines.push((run.y, run.glyphs.clone())),
            }
        }
        for line in &mut lines {
            line.1.sort_by(|a, b| a.1.total_cmp(&b.1));
        }
        lines.sort_by(|a, b| a.0.total_cmp(&b.0));
        lines
    }

    /// Body lines: runs in the body face at 16 pt, grouped by baseline,
    /// each as (baseline, left, right, text).
    pub fn body_lines(&self) -> Vec<(f64, f64, f64, String)> {
        let mut lines: Vec<(f64, f64, f64, String)> = Vec::new();
        let mut runs: Vec<&Run> = self
            .runs
            .iter()
            .filter(|r| (r.size_pt - 16.0).abs() < 0.01)
            .collect();
        runs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
        for run in runs {
            match lines.last_mut() {
                Some(line) if (line.0 - run.y).abs() < 0.01 => {
                    line.1 = line.1.min(run.x);
                    line.2 = line.2.max(run.x + run.width);
                    line.3.push_str(&run.text);
                }
                _ => lines.push((run.y, run.x, run.x + run.width, run.text.clone())),
            }
        }
        lines
    }
}

fn mm(abs: Abs) -> f64 {
    abs.to_mm()
}

fn cmyk(paint: &Paint) -> (Option<[f32; 4]>, bool) {
    match paint {
        Paint::Solid(Color::Process(ProcessColor::Cmyk(c))) => (Some([c.c, c.m, c.y, c.k]), false),
        Paint::Solid(color) => (
            None,
            color.to_vec4_u8()[..3] == [0, 0, 0] || *color == Color::BLACK,
        ),
        _ => (None, false),
    }
}

/// Flattens every page of `document`.
pub fn pages(document: &PagedDocument) -> Vec<Page> {
    fn walk(frame: &Frame, ts: Transform, out: &mut Page) {
        for (pos, item) in frame.items() {
            let at = pos.transform(ts);
            match item {
                FrameItem::Group(group) => {
                    let inner = ts
                        .pre_concat(Transform::translate(pos.x, pos.y))
                        .pre_concat(group.transform);
                    walk(&group.frame, inner, out);
                }
                FrameItem::Text(text) => {
                    let (c, _) = cmyk(&text.fill);
                    let ttf = text.font.ttf();
                    let upem = text.font.units_per_em();
                    let ink = text
                        .glyphs
                        .first()
                        .and_then(|g| ttf.glyph_bounding_box(ttf_parser::GlyphId(g.id)))
                        .map_or(0.0, |b| f64::from(b.y_max));
                    let boxes: Vec<_> = text
                        .glyphs
                        .iter()
                        .filter_map(|g| ttf.glyph_bounding_box(ttf_parser::GlyphId(g.id)))
                        .collect();
                    let above = boxes.iter().map(|b| f64::from(b.y_max)).fold(0.0, f64::max);
                    let below = boxes
                        .iter()
                        .map(|b| -f64::from(b.y_min))
                        .fold(0.0, f64::max);
                    // Where each glyph is drawn: the pen position plus its offset.
                    let mut pen = at.x;
                    let mut glyphs = Vec::new();
                    for glyph in text.glyphs.iter() {
                        let c = text.text[glyph.range()].chars().next().unwrap_or(' ');
                        let offset = (pen - at.x + glyph.x_offset.at(text.size)) * ts.sx.get();
                        glyphs.push((c, mm(at.x + offset)));
                        pen += glyph.x_advance.at(text.size);
                    }
                    out.runs.push(Run {
                        glyphs,
                        x: mm(at.x),
                        y: mm(at.y),
                        // A run narrowed (scaled across) is as wide as drawn.
                        width: mm(text.width()) * ts.sx.get(),
                        size_pt: text.size.to_pt(),
                        family: text.font.info().family.clone(),
                        text: text.text.to_string(),
                        cmyk: c,
                        ink_top: mm(text.size) * ink / upem,
                        ink_above: mm(text.size) * above / upem,
                        ink_below: mm(text.size) * below / upem,
                        stroked: text.stroke.is_some(),
                    });
                }
                FrameItem::Image(_, size, _) => {
                    out.images.push(Rect {
                        x: mm(at.x),
                        y: mm(at.y),
                        w: mm(size.x),
                        h: mm(size.y),
                        cmyk: None,
                        black: false,
                    });
                }
                FrameItem::Shape(shape, _) => {
                    if let (Geometry::Line(to), Some(stroke)) = (&shape.geometry, &shape.stroke) {
                        let end =
                            typst::layout::Point::new(pos.x + to.x, pos.y + to.y).transform(ts);
                        out.lines.push(Stroke {
                            x0: mm(at.x),
                            y0: mm(at.y),
                            x1: mm(end.x),
                            y1: mm(end.y),
                            thickness: mm(stroke.thickness),
                        });
                    }
                    if let (Geometry::Rect(size), Some(fill)) = (&shape.geometry, &shape.fill) {
                        let (c, black) = cmyk(fill);
                        out.rects.push(Rect {
                            x: mm(at.x),
                            y: mm(at.y),
                            w: mm(size.x),
                            h: mm(size.y),
                            cmyk: c,
                            black,
                        });
                    }
                }
                _ => {}
            }
        }
    }
    document
        .pages()
        .iter()
        .map(|page| {
            let mut out = Page::default();
            walk(&page.frame, Transform::identity(), &mut out);
            out
        })
        .collect()
}

/// Asserts `actual` is within `tolerance` of `expected`.
#[track_caller]
pub fn near(actual: f64, expected: f64, tolerance: f64, what: &str) {
    assert!(
        (actual - expected).abs() <= tolerance,
        "{what}: {actual:.3} is not within {tolerance} of {expected:.3}"
    );
}

/// A running `jianbao watch` whose standard error is collected line by line.
pub struct Watching {
    child: std::process::Child,
    log: std::sync::Arc<std::sync::Mutex<String>>,
    reader: Option<std::thread::JoinHandle<()>>,
}

impl Watching {
    /// Starts `jianbao watch ARGS` in `dir` (messages in English).
    pub fn start(dir: &Path, args: &[&str]) -> Watching {
        use std::io::{BufRead, BufReader};
        let mut child = Command::new(env!("CARGO_BIN_EXE_jianbao"))
            .arg("watch")
            .args(args)
            .args(["--lang", "en"])
            .current_dir(dir)
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("jianbao watch runs");
        let log = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let stderr = child.stderr.take().expect("stderr");
        let reader = {
            let log = log.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                    log.lock().unwrap().push_str(&(line + "\n"));
                }
            })
        };
        Watching {
            child,
            log,
            reader: Some(reader),
        }
    }

    /// What it has printed so far.
    pub fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// How often `needle` has been printed.
    pub fn count(&self, needle: &str) -> usize {
        self.log().matches(needle).count()
    }

    /// Waits (at most 20 s) until `what` holds; `why` names it on failure.
    pub fn wait_for(&self, what: &dyn Fn() -> bool, why: &str) {
        let start = std::time::Instant::now();
        while !what() {
            assert!(
                start.elapsed() < std::time::Duration::from_secs(20),
                "{why}: {}",
                self.log()
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }
}

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
    }
}
