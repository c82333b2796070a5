//! jianbao's benchmark: `cargo bench --bench bench`.
//!
//! Measures, on the shipped samples and issues generated from them:
//! - the regular sample (12 pages) cold: process start to PDF written (the
//!   release binary), in turn with `typst compile` of its `--format typ`
//!   export when a typst CLI is found (`TYPST=path`, or `typst` on PATH);
//! - 40 regular issues, `--jobs 2`, against two typst CLIs in parallel over
//!   the 40 exports (each compiling its half, one after the other);
//! - 300 regular issues, `--jobs 2`: time, peak RSS against a batch of 10,
//!   and the time 10 000 would take at that rate;
//! - one issue warm: an in-process recompile with fonts and template loaded;
//! - a rebuild after a one-paragraph edit (what `watch` does);
//! - each format of the regular sample, cold and warm, and Word with the
//!   faces embedded with and without the process's font subsets;
//! - the preview: a save of a one-paragraph edit to the updated page ready
//!   to send (the regular sample; the target is at most 150 ms);
//! - an issue of ten tables (about 20 pages), cold and warm, and one table
//!   of 10 000 rows, cold, with its peak RSS;
//! - a 公文 (the 通知 sample) cold against the typst CLI on its export, and
//!   100 of them, `--jobs 2`, against two typst CLIs in parallel.
//!
//! Prints a table; the figures in README.md come from it.

use std::ffi::{OsStr, OsString};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use jianbao::input::{self, Input};
use jianbao::render::{self, Format, RenderOptions};
use jianbao::typeset::fonts::Fonts;
use jianbao::typeset::{Environment, TemplateSource};

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let binary = binary(&root);
    let work = tempfile::tempdir().expect("a temp dir");
    let four = four_page_issue(&root, work.path());

    println!(
        "jianbao benchmark ({} cores)",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    let env = Environment::new(Fonts::load(&[]).0, TemplateSource::Shipped);
    let loaded = input::load(&Input::Path(four.clone())).unwrap();
    let four_pages = jianbao::typeset(&env, &loaded)
        .unwrap()
        .0
        .document
        .pages()
        .len();

    // The regular sample cold, in turn with the typst CLI on its export.
    let regular = root.join("samples/linjiang/2024-09.yaml");
    let typst = std::env::var_os("TYPST")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("typst"));
    let typst = Command::new(&typst)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
        .then_some(typst);
    let fonts = root.join("fonts");
    let typst_compile = |export: &Path, pdf: &Path| {
        [
            OsString::from("compile"),
            "--root".into(),
            export.into(),
            export.join("main.typ").into(),
            pdf.into(),
            "--font-path".into(),
            fonts.clone().into(),
            "--ignore-system-fonts".into(),
        ]
    };
    // The `--format typ` export of each issue under `input`, as DIR/NAME.typ.
    let export_typ = |input: &Path, dir: &Path| {
        run(
            &binary,
            &[
                OsStr::new("build"),
                input.as_os_str(),
                "--format".as_ref(),
                "typ".as_ref(),
                "--out-dir".as_ref(),
                dir.as_os_str(),
                "--quiet".as_ref(),
            ],
        )
    };
    export_typ(&regular, &work.path().join("regular-typ"));
    let export = work.path().join("regular-typ/2024-09.typ");
    let out = work.path().join("cold.pdf");
    let ours_args = [
        "build",
        regular.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    let typst_pdf = work.path().join("typst.pdf");
    let (mut ours, mut theirs, mut ratios, mut rss) = (vec![], vec![], vec![], vec![]);
    for _ in 0..11 {
        let (took, peak) = run(&binary, &ours_args);
        ours.push(took);
        rss.push(peak);
        if let Some(typst) = &typst {
            let plain = run(typst, &typst_compile(&export, &typst_pdf)).0;
            theirs.push(plain);
            ratios.push(took.as_secs_f64() / plain.as_secs_f64());
        }
    }
    rss.sort();
    let pages = jianbao::typeset(&env, &input::load(&Input::Path(regular.clone())).unwrap())
        .unwrap()
        .0
        .document
        .pages()
        .len();
    println!(
        "regular sample ({pages} pages) cold, process start to PDF: median {:.0} ms, peak RSS {} MB",
        ms(median(ours)),
        rss[rss.len() / 2] / 1024
    );
    match &typst {
        Some(_) => println!(
            "  typst compile of its --format typ export: median {:.0} ms; jianbao / typst, median of 11 pairs: {:.2}x (goal: at most 0.75x)",
            ms(median(theirs)),
            median_f64(ratios)
        ),
        None => {
            println!("  typst compile: no typst CLI found (set TYPST=/path/to/typst to compare)")
        }
    }

    // Batches of regular issues: 40 against two typst CLIs in parallel, 300
    // for the rate and the memory (against a batch of 10).
    let forty = generate(&regular, &work.path().join("b40"), 40);
    let batch = |dir: &Path, jobs: &str| {
        let out = dir.with_extension("out");
        run(
            &binary,
            &[
                "build",
                dir.to_str().unwrap(),
                "--out-dir",
                out.to_str().unwrap(),
                "--jobs",
                jobs,
                "--force",
                "--quiet",
            ],
        )
    };
    let exports = work.path().join("b40-typ");
    export_typ(&forty, &exports);
    let one_job = median((0..3).map(|_| batch(&forty, "1").0).collect());
    let (mut ours, mut theirs, mut ratios) = (vec![], vec![], vec![]);
    for _ in 0..5 {
        let took = batch(&forty, "2").0;
        ours.push(took);
        if let Some(typst) = &typst {
            let plain = two_typsts(typst, &typst_compile, &exports, 40);
            theirs.push(plain);
            ratios.push(took.as_secs_f64() / plain.as_secs_f64());
        }
    }
    let ours = median(ours);
    println!(
        "40 regular issues, --jobs 2: median {:.2} s ({:.2}x of --jobs 1, {:.2} s)",
        ours.as_secs_f64(),
        ours.as_secs_f64() / one_job.as_secs_f64(),
        one_job.as_secs_f64()
    );
    if typst.is_some() {
        println!(
            "  two typst CLIs in parallel over the 40 exports: median {:.2} s; jianbao / typst, median of 5 pairs: {:.2}x (goal: at most 0.40x)",
            median(theirs).as_secs_f64(),
            median_f64(ratios)
        );
    }
    let ten = generate(&regular, &work.path().join("b10"), 10);
    let (_, ten_rss) = batch(&ten, "2");
    let three_hundred = generate(&regular, &work.path().join("b300"), 300);
    let (took, rss) = batch(&three_hundred, "2");
    println!(
        "300 regular issues ({} pages), --jobs 2: {:.1} s, peak RSS {} MB ({:.2}x of 10 issues' {} MB); 10 000 at this rate: {:.1} min (goal: at most 4 min, 1.2x)",
        300 * pages,
        took.as_secs_f64(),
        rss / 1024,
        rss as f64 / ten_rss as f64,
        ten_rss / 1024,
        took.as_secs_f64() / 300.0 * 10_000.0 / 60.0
    );

    // Warm and edit: in-process.
    let options = RenderOptions::default();
    render::render(Some(&env), &loaded, Format::Pdf, &options).unwrap();
    let warm: Vec<Duration> = (0..10)
        .map(|_| {
            let t = Instant::now();
            render::render(Some(&env), &loaded, Format::Pdf, &options).unwrap();
            t.elapsed()
        })
        .collect();
    println!(
        "warm recompile of a {four_pages}-page issue (in-process, PDF written to memory): median {:.1} ms",
        ms(median(warm))
    );
    let edits: Vec<Duration> = (0..10)
        .map(|i| {
            let text = fs::read_to_string(&four).unwrap().replacen(
                "今年以来",
                &format!("今年以来（第 {i} 次修改）"),
                1,
            );
            fs::write(&four, text).unwrap();
            let t = Instant::now();
            let loaded = input::load(&Input::Path(four.clone())).unwrap();
            render::render(Some(&env), &loaded, Format::Pdf, &options).unwrap();
            t.elapsed()
        })
        .collect();
    println!(
        "rebuild after a one-paragraph edit (read + typeset + PDF, as watch does): median {:.1} ms",
        ms(median(edits))
    );

    // The formats side by side: the regular sample, cold (process start to
    // file) and warm (in-process, to memory). OFD's target: at most 1.5×
    // the PDF's time.
    let regular_loaded = input::load(&Input::Path(regular.clone())).unwrap();
    let mut pdf_times = (Duration::ZERO, Duration::ZERO);
    for (format, name) in [
        (Format::Pdf, "pdf"),
        (Format::Ofd, "ofd"),
        (Format::Docx, "docx"),
        (Format::Html, "html"),
        (Format::Txt, "txt"),
    ] {
        let out = work.path().join(format!("regular.{name}"));
        let cold = median(
            (0..7)
                .map(|_| {
                    run(
                        &binary,
                        &[
                            "build",
                            regular.to_str().unwrap(),
                            "-o",
                            out.to_str().unwrap(),
                        ],
                    )
                    .0
                })
                .collect(),
        );
        render::render(Some(&env), &regular_loaded, format, &options).unwrap();
        let warm = median(
            (0..7)
                .map(|_| {
                    let t = Instant::now();
                    render::render(Some(&env), &regular_loaded, format, &options).unwrap();
                    t.elapsed()
                })
                .collect(),
        );
        if format == Format::Pdf {
            pdf_times = (cold, warm);
        }
        println!(
            "regular sample as {name}: cold median {:.0} ms ({:.2}x the PDF), warm median {:.1} ms ({:.2}x), {} bytes",
            ms(cold),
            cold.as_secs_f64() / pdf_times.0.as_secs_f64(),
            ms(warm),
            warm.as_secs_f64() / pdf_times.1.as_secs_f64(),
            fs::metadata(&out).map_or(0, |m| m.len())
        );
    }

    // Word with the faces embedded: subsets made for every issue (no
    // environment, as before the cache) against subsets kept for the process.
    let embedded = RenderOptions {
        docx_fonts: render::DocxFonts::Embedded,
        ..RenderOptions::default()
    };
    let time = |env: Option<&Environment>| {
        median(
            (0..7)
                .map(|_| {
                    let t = Instant::now();
                    render::render(env, &regular_loaded, Format::Docx, &embedded).unwrap();
                    t.elapsed()
                })
                .collect(),
        )
    };
    let uncached = time(None);
    render::render(Some(&env), &regular_loaded, Format::Docx, &embedded).unwrap();
    let cached = time(Some(&env));
    println!(
        "regular sample as docx --docx-fonts embedded: subsets made each time median {:.1} ms, kept for the process median {:.1} ms",
        ms(uncached),
        ms(cached)
    );

    // The preview: from a save in its editor to the redrawn pages ready to
    // send, in-process (the server's part; the browser then fetches the
    // changed pages only). The regular sample, one paragraph edited.
    let preview_dir = work.path().join("preview");
    fs::create_dir_all(&preview_dir).unwrap();
    fs::copy(
        regular.with_file_name("series.yaml"),
        preview_dir.join("series.yaml"),
    )
    .unwrap();
    let previewed = preview_dir.join("2024-09.yaml");
    fs::copy(&regular, &previewed).unwrap();
    let session = jianbao::preview::Session::new(
        Environment::new(Fonts::load(&[]).0, TemplateSource::Shipped),
        previewed.clone(),
    );
    session.rebuild();
    let original = fs::read_to_string(&previewed).unwrap();
    let saves: Vec<Duration> = (0..10)
        .map(|i| {
            let (revision, _) = session.source().unwrap();
            let edited = original.replacen("今年以来", &format!("今年以来（第 {i} 次修改）"), 1);
            let t = Instant::now();
            let before = session.state();
            session.save(&edited, &revision).unwrap();
            session.rebuild();
            let took = t.elapsed();
            // The edit must show: some page's hash is new.
            let hashes = |state: &str| -> Vec<String> {
                let v: serde_json::Value = serde_json::from_str(state).unwrap();
                v["pages"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|p| p["hash"].to_string())
                    .collect()
            };
            assert_ne!(
                hashes(&before),
                hashes(&session.state()),
                "the edit changes a page"
            );
            took
        })
        .collect();
    println!(
        "preview: save to updated page (regular sample, one-paragraph edit, in-process): median {:.1} ms (target: at most 150 ms)",
        ms(median(saves))
    );

    // Tables: an issue of ten tables among its paragraphs (about 20 pages),
    // cold and warm; and one table of 10 000 rows, cold, with its memory.
    let tables = tables_issue(work.path(), 10, 32);
    let tables_loaded = input::load(&Input::Path(tables.clone())).unwrap();
    let table_pages = jianbao::typeset(&env, &tables_loaded)
        .unwrap()
        .0
        .document
        .pages()
        .len();
    let out = work.path().join("tables.pdf");
    let cold: Vec<Duration> = (0..5)
        .map(|_| {
            run(
                &binary,
                &[
                    "build",
                    tables.to_str().unwrap(),
                    "-o",
                    out.to_str().unwrap(),
                ],
            )
            .0
        })
        .collect();
    let warm: Vec<Duration> = (0..5)
        .map(|_| {
            let t = Instant::now();
            render::render(Some(&env), &tables_loaded, Format::Pdf, &options).unwrap();
            t.elapsed()
        })
        .collect();
    println!(
        "an issue with ten tables ({table_pages} pages): cold median {:.0} ms, warm median {:.1} ms",
        ms(median(cold)),
        ms(median(warm))
    );
    let long = tables_issue(work.path(), 1, 10_000);
    let (took, peak) = run(
        &binary,
        &["build", long.to_str().unwrap(), "-o", out.to_str().unwrap()],
    );
    println!(
        "one table of 10 000 rows: cold {:.1} s, peak RSS {} MB",
        took.as_secs_f64(),
        peak / 1024
    );

    // 公文: the 通知 sample cold against the typst CLI on its export, and a
    // batch of 100 against two typst CLIs in parallel.
    let notice = root.join("samples/gongwen/2026-5.yaml");
    export_typ(&notice, &work.path().join("notice-typ"));
    let export = work.path().join("notice-typ/2026-5.typ");
    let out = work.path().join("notice.pdf");
    let (mut ours, mut theirs, mut ratios) = (vec![], vec![], vec![]);
    for _ in 0..11 {
        let took = run(
            &binary,
            &[
                "build",
                notice.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
            ],
        )
        .0;
        ours.push(took);
        if let Some(typst) = &typst {
            let plain = run(typst, &typst_compile(&export, &typst_pdf)).0;
            theirs.push(plain);
            ratios.push(took.as_secs_f64() / plain.as_secs_f64());
        }
    }
    println!(
        "公文 (the 通知 sample, 6 pages) cold, process start to PDF: median {:.0} ms",
        ms(median(ours))
    );
    if typst.is_some() {
        println!(
            "  typst compile of its --format typ export: median {:.0} ms; jianbao / typst, median of 11 pairs: {:.2}x (goal: at most 0.5x)",
            ms(median(theirs)),
            median_f64(ratios)
        );
    }
    let hundred = work.path().join("g100");
    fs::create_dir_all(&hundred).unwrap();
    for file in ["office.yaml", "seal.svg"] {
        fs::copy(notice.with_file_name(file), hundred.join(file)).unwrap();
    }
    let text = fs::read_to_string(&notice).unwrap();
    for i in 1..=100 {
        let document = text.replacen("number: 5\n", &format!("number: {i}\n"), 1);
        fs::write(hundred.join(format!("{i:04}.yaml")), document).unwrap();
    }
    let exports = work.path().join("g100-typ");
    export_typ(&hundred, &exports);
    let (mut ours, mut theirs, mut ratios) = (vec![], vec![], vec![]);
    for _ in 0..3 {
        let took = batch(&hundred, "2").0;
        ours.push(took);
        if let Some(typst) = &typst {
            let plain = two_typsts(typst, &typst_compile, &exports, 100);
            theirs.push(plain);
            ratios.push(took.as_secs_f64() / plain.as_secs_f64());
        }
    }
    println!(
        "100 公文, --jobs 2: median {:.2} s",
        median(ours).as_secs_f64()
    );
    if typst.is_some() {
        println!(
            "  two typst CLIs in parallel over the 100 exports: median {:.2} s; jianbao / typst, median of 3 pairs: {:.2}x (goal: at most 0.25x)",
            median(theirs).as_secs_f64(),
            median_f64(ratios)
        );
    }
}

/// An issue of `tables` tables of `rows` rows each, two paragraphs and a
/// heading before each.
fn tables_issue(work: &Path, tables: usize, rows: usize) -> PathBuf {
    let mut body = String::new();
    for t in 1..=tables {
        body.push_str(&format!(
            "      - heading: {t}.第 {t} 项统计\n        level: 3\n      - 今年以来，各街道按照工作方案扎实推进各项任务，逐项落实责任分工，定期调度工作进展，及时协调解决推进中遇到的困难和问题，确保各项目标如期完成。\n      - 从统计情况看，各项指标总体平稳，多数街道进度快于序时，个别街道受施工条件影响略有滞后，下一步将加强督促指导。\n      - table:\n          caption: 表{t} 第 {t} 项统计情况\n          header: [街道, 计划数, 完成数, 完成率]\n          rows:\n"
        ));
        for r in 1..=rows {
            body.push_str(&format!(
                "            - [第 {r} 街道, {}, {}, {}.{}%]\n",
                r * 7 % 90 + 10,
                r * 5 % 80 + 5,
                r * 3 % 100,
                r % 10
            ));
        }
    }
    let issue = format!(
        "name: 临江文明实践简报\nunit: 临江市文明办\nnumber: 1\ndate: 2024-11-20\narticles:\n  - title: 各项统计情况\n    body:\n{body}"
    );
    let path = work.join(format!("tables-{tables}x{rows}.yaml"));
    fs::write(&path, issue).unwrap();
    path
}

/// Two typst CLIs in parallel over the `n` exports under `exports`
/// (`0001.typ` …), each compiling its half one after the other: the time.
fn two_typsts(
    typst: &Path,
    typst_compile: &(dyn Fn(&Path, &Path) -> [OsString; 8] + Sync),
    exports: &Path,
    n: usize,
) -> Duration {
    let start = Instant::now();
    std::thread::scope(|scope| {
        for half in 0..2 {
            scope.spawn(move || {
                for i in (1..=n).filter(|i| i % 2 == half) {
                    let export = exports.join(format!("{i:04}.typ"));
                    run(
                        typst,
                        &typst_compile(&export, &export.with_extension("pdf")),
                    );
                }
            });
        }
    });
    start.elapsed()
}

/// The release binary, built if needed.
/// The release binary cargo built for this benchmark (wherever the target
/// folder is: `CARGO_TARGET_DIR`, a `build.target-dir` setting or `target/`).
fn binary(_root: &Path) -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_jianbao"))
}

/// Runs the binary; returns the wall time and the child's peak RSS in KiB.
fn run<S: AsRef<OsStr> + std::fmt::Debug>(binary: &Path, args: &[S]) -> (Duration, i64) {
    let start = Instant::now();
    #[allow(
        clippy::zombie_processes,
        reason = "reaped by wait4 below, which also reports its peak RSS"
    )]
    let child = Command::new(binary)
        .args(args)
        .spawn()
        .expect("jianbao runs");
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child; `usage` is a valid, owned rusage.
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    let took = start.elapsed();
    assert!(
        pid > 0 && libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "jianbao {args:?} failed"
    );
    (took, usage.ru_maxrss)
}

/// The first two articles of the regular sample: about four pages.
fn four_page_issue(root: &Path, work: &Path) -> PathBuf {
    let sample = root.join("samples/linjiang");
    let text = fs::read_to_string(sample.join("2024-09.yaml")).unwrap();
    let cut = text
        .find("      - title: 松岭县")
        .expect("the third article");
    let issue = format!("{}{}", &text[..cut], &text[text.find("footer:").unwrap()..]);
    let issue = issue.replace("  - name: 基层动态", "");
    fs::copy(sample.join("series.yaml"), work.join("series.yaml")).unwrap();
    let path = work.join("four.yaml");
    fs::write(&path, issue).unwrap();
    path
}

/// `n` issues numbered 1..=n from `template`, with its series file.
fn generate(template: &Path, dir: &Path, n: usize) -> PathBuf {
    fs::create_dir_all(dir).unwrap();
    fs::copy(
        template.with_file_name("series.yaml"),
        dir.join("series.yaml"),
    )
    .unwrap();
    let text = fs::read_to_string(template).unwrap();
    for i in 1..=n {
        let issue = text.replacen("number: 9\n", &format!("number: {i}\n"), 1);
        fs::write(dir.join(format!("{i:04}.yaml")), issue).unwrap();
    }
    dir.to_path_buf()
}

fn median_f64(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
