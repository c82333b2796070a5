//! The binary: commands, exit codes, stdin/stdout and a closed pipe, atomic
//! output, determinism, `fonts`, completions and the manual page.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::support::{folder, root, run, run_in, sample, samples, stderr};

/// A temporary copy of a sample folder.
fn copy_sample(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(sample(name)).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    dir
}

fn pdfinfo(path: &Path) -> String {
    let out = Command::new("pdfinfo")
        .arg(path)
        .output()
        .expect("pdfinfo (poppler-utils) is installed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn build_writes_the_pdf_beside_the_issue_with_metadata() {
    let dir = copy_sample("linjiang");
    let out = run_in(dir.path(), &["build", "2024-09.yaml"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty(), "nothing on stdout");
    let pdf = dir.path().join("2024-09.pdf");
    let bytes = fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let info = pdfinfo(&pdf);
    assert!(info.contains("临江文明实践简报 第 9 期"), "{info}");
    assert!(info.contains("Author:          临江市文明办"), "{info}");
    // The whole metadata, as the template set it before jianbao set it on
    // the laid-out document.
    assert!(
        info.contains("Subject:         临江文明实践简报 第 9 期，临江市文明办 2024 年 9 月 20 日"),
        "{info}"
    );
    assert!(
        info.contains("Keywords:        工作交流, 基层动态"),
        "{info}"
    );
    assert!(
        info.contains("CreationDate:    Fri Sep 20 00:00:00 2024"),
        "{info}"
    );
    assert!(
        info.contains("Page size:       595.276 x 841.89 pts (A4)"),
        "{info}"
    );
    let qdf = dir.path().join("qdf.pdf");
    let status = Command::new("qpdf")
        .args(["--qdf", "--object-streams=disable"])
        .arg(&pdf)
        .arg(&qdf)
        .status();
    assert!(status.expect("qpdf is installed").success());
    assert!(
        String::from_utf8_lossy(&fs::read(qdf).unwrap()).contains("/Lang (zh-CN)"),
        "document language"
    );
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let dir = copy_sample("linjiang");
    let build = |out: &str| {
        let o = run_in(dir.path(), &["build", "2024-zk02.yaml", "-o", out], None);
        assert!(o.status.success(), "{}", stderr(&o));
        fs::read(dir.path().join(out)).unwrap()
    };
    assert_eq!(build("a.pdf"), build("b.pdf"));
}

/// A document's font subsets are made side by side (the patched krilla in
/// `vendor/`), then written in order: the bytes do not depend on how many
/// threads rayon has, nor on which finishes first. (That they are the
/// unpatched krilla's bytes was checked with `cmp` when the patch was made;
/// README, Performance.)
#[test]
fn the_pdf_is_the_same_whatever_the_number_of_threads() {
    let dir = copy_sample("linjiang");
    let build = |threads: &str, out: &str| {
        let o = Command::new(env!("CARGO_BIN_EXE_jianbao"))
            .args(["build", "2024-09.yaml", "-o", out])
            .current_dir(dir.path())
            .env("RAYON_NUM_THREADS", threads)
            .env_remove("SOURCE_DATE_EPOCH")
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        fs::read(dir.path().join(out)).unwrap()
    };
    let one = build("1", "one.pdf");
    assert_eq!(one, build("2", "two.pdf"));
    assert_eq!(one, build("4", "four.pdf"));
    // Several faces were embedded, so the parallel path had work to share.
    let fonts = Command::new("pdffonts")
        .arg(dir.path().join("one.pdf"))
        .output()
        .expect("pdffonts (poppler-utils) is installed");
    let listed = String::from_utf8_lossy(&fonts.stdout);
    assert!(listed.lines().skip(2).count() >= 3, "{listed}");
}

/// `--timings FILE`: a Chrome trace of jianbao's steps and Typst's, the
/// template's located by file and line; a batch's too. It never replaces an
/// input or an output.
#[test]
fn timings_are_written_as_a_chrome_trace() {
    let dir = copy_sample("linjiang");
    let single: &[&str] = &[
        "build",
        "2024-09.yaml",
        "-o",
        "a.pdf",
        "--timings",
        "t.json",
    ];
    let batch: &[&str] = &[
        "build",
        ".",
        "--out-dir",
        "out",
        "--quiet",
        "--timings",
        "t.json",
    ];
    for (args, issues) in [(single, 1), (batch, 2)] {
        let _ = fs::remove_file(dir.path().join("t.json"));
        let o = run_in(dir.path(), args, None);
        assert!(o.status.success(), "{}", stderr(&o));
        let trace: serde_json::Value =
            serde_json::from_slice(&fs::read(dir.path().join("t.json")).unwrap()).unwrap();
        let events = trace.as_array().expect("an array of events");
        let named = |name: &str| events.iter().filter(|e| e["name"] == name).count();
        assert_eq!(named("jianbao: load fonts"), 2, "{events:?}");
        for step in [
            "jianbao: read issue",
            "jianbao: grid",
            "jianbao: template data",
            "typst: compile",
            "layout document",
            "jianbao: write pdf",
            "pdf",
            "jianbao: write file",
        ] {
            // A begin and an end for each issue (at least).
            assert!(
                named(step) >= 2 * issues && named(step) % 2 == 0,
                "{step}: {events:?}"
            );
        }
        assert!(
            events.iter().any(|e| e["args"]["file"]
                .as_str()
                .is_some_and(|f| f.ends_with("bulletin.typ"))
                && e["args"]["line"].as_u64().is_some_and(|l| l > 1)),
            "a template step located"
        );
    }
    // Not over an issue or an output, named or found in a folder.
    for args in [
        &["build", "2024-09.yaml", "--timings", "2024-09.yaml"][..],
        &["build", "2024-09.yaml", "-o", "a.pdf", "--timings", "a.pdf"][..],
        &[
            "build",
            ".",
            "--out-dir",
            "out",
            "--timings",
            "2024-zk02.yaml",
        ][..],
    ] {
        let victim = dir.path().join(args[args.len() - 1]);
        let before = fs::read(&victim).unwrap();
        let o = run_in(dir.path(), args, None);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("the timings would overwrite"),
            "{}",
            stderr(&o)
        );
        assert_eq!(fs::read(&victim).unwrap(), before, "{args:?}");
    }
}

#[test]
fn source_date_epoch_sets_the_creation_date() {
    let dir = copy_sample("brief");
    let status = Command::new(env!("CARGO_BIN_EXE_jianbao"))
        .args(["build", "issue.yaml", "-o", "e.pdf"])
        .current_dir(dir.path())
        .env("SOURCE_DATE_EPOCH", "1000000000")
        .status()
        .unwrap();
    assert!(status.success());
    assert!(
        pdfinfo(&dir.path().join("e.pdf")).contains("CreationDate:    Sun Sep  9 01:46:40 2001")
    );
}

#[test]
fn stdin_to_stdout() {
    let source = fs::read(sample("brief/issue.yaml")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(dir.path(), &["build", "-", "-o", "-"], Some(&source));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.starts_with(b"%PDF-"));
    assert!(
        fs::read_dir(dir.path()).unwrap().next().is_none(),
        "nothing written to disk"
    );
    // The same issue from a file gives the same bytes.
    let file = run_in(&sample("brief"), &["build", "issue.yaml", "-o", "-"], None);
    assert_eq!(out.stdout, file.stdout);
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let dir = copy_sample("brief");
    fs::write(dir.path().join("issue.pdf"), b"old and whole").unwrap();
    let broken = fs::read_to_string(dir.path().join("issue.yaml"))
        .unwrap()
        .replace("number: 23", "number: -1");
    fs::write(dir.path().join("issue.yaml"), &broken).unwrap();
    let out = run_in(dir.path(), &["build", "issue.yaml"], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        fs::read(dir.path().join("issue.pdf")).unwrap(),
        b"old and whole"
    );
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 2, "no temporary files left: {leftovers:?}");
}

#[test]
fn unwritable_output_is_a_clear_error_with_exit_code_2() {
    let dir = copy_sample("brief");
    let out = run_in(
        dir.path(),
        &["build", "issue.yaml", "-o", "missing/dir/out.pdf"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("error: failed to write PDF file (not found)"),
        "{err}"
    );
    assert!(err.contains("missing/dir/out.pdf"), "{err}");
}

#[test]
fn a_missing_input_is_exit_code_2() {
    let out = run(&["build", "no/such/issue.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("failed to read the issue file (not found)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_output_may_not_overwrite_the_source() {
    let dir = copy_sample("brief");
    let out = run_in(
        dir.path(),
        &["build", "issue.yaml", "-o", "issue.yaml"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        fs::read_to_string(dir.path().join("issue.yaml"))
            .unwrap()
            .contains("name: 云溪政务要情")
    );
}

#[test]
fn check_reports_every_bad_file_and_goes_on() {
    let dir = folder(&[
        (
            "good.yaml",
            "name: 好\nunit: 办\nnumber: 1\ndate: 2024-01-05\narticles: [{title: 标题, body: [正文。]}]\n",
        ),
        (
            "bad.yaml",
            "name: 坏\nunit: 办\nnumber: 1\ndate: 2024-13-05\narticles: [{title: 标题, body: [正文。]}]\n",
        ),
    ]);
    let out = run_in(dir.path(), &["check", "bad.yaml", "good.yaml"], None);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("bad.yaml:4:7") && err.contains("no month 13"),
        "{err}"
    );
    assert!(!err.contains("good.yaml"), "{err}");
    assert!(
        fs::read_dir(dir.path()).unwrap().count() == 2,
        "check writes nothing"
    );
    let ok = run_in(dir.path(), &["check", "good.yaml"], None);
    assert!(ok.status.success());
}

#[test]
fn every_sample_checks_clean_under_strict() {
    for path in samples() {
        let out = run(&["check", "--strict", &format!("samples/{path}")]);
        assert!(out.status.success(), "{path}: {}", stderr(&out));
        assert!(out.stderr.is_empty(), "{path}: {}", stderr(&out));
    }
}

#[test]
fn fonts_lists_every_role_and_prefers_an_office_face() {
    let out = run(&["fonts"]);
    let text = String::from_utf8(out.stdout).unwrap();
    for role in ["小标宋", "仿宋", "黑体", "楷体", "宋体"] {
        assert!(text.contains(role), "{text}");
    }
    assert!(
        text.contains("仿宋\tFandolFang R\tshipped (FandolFang-Regular.otf)"),
        "{text}"
    );
    let out = run(&["fonts", "--font-path", "tests/fixtures/fonts"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let line = text.lines().find(|l| l.starts_with("仿宋")).unwrap();
    assert!(line.starts_with("仿宋\tFangSong_GB2312\t"), "{line}");
    assert!(
        line.contains("office-fangsong-test.otf") && line.contains("then: FandolFang R"),
        "{line}"
    );
}

#[test]
fn an_office_face_is_used_when_supplied() {
    let dir = folder(&[(
        "i.yaml",
        "name: 测试简报\nunit: 测试办\nnumber: 1\ndate: 2024-01-05\narticles: [{title: 标题, body: [正文第一段。]}]\n",
    )]);
    let fonts = root().join("tests/fixtures/fonts");
    let out = run_in(
        dir.path(),
        &["build", "i.yaml", "--font-path", fonts.to_str().unwrap()],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let pdffonts = Command::new("pdffonts")
        .arg(dir.path().join("i.pdf"))
        .output()
        .unwrap();
    let list = String::from_utf8_lossy(&pdffonts.stdout);
    assert!(list.contains("FangSong_GB2312"), "{list}");
}

#[test]
fn a_template_override_is_used() {
    let dir = folder(&[
        (
            "i.yaml",
            "name: 测试简报\nunit: 测试办\nnumber: 7\ndate: 2024-01-05\narticles: [{title: 标题, body: [正文。]}]\n",
        ),
        (
            "t/bulletin.typ",
            "#let render(data) = [模板 #data.issue.name 第 #data.issue.number 期]\n",
        ),
    ]);
    let out = run_in(dir.path(), &["build", "i.yaml", "--template", "t"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = Command::new("pdftotext")
        .arg(dir.path().join("i.pdf"))
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("模板") && text.contains("第 7 期"), "{text}");
    // It is told to set the metadata itself, and as it sets none, the PDF
    // has none: jianbao sets it only for the shipped template.
    let info = pdfinfo(&dir.path().join("i.pdf"));
    assert!(
        !info.contains("Title:") && !info.contains("Author:"),
        "{info}"
    );
    let missing = run_in(
        dir.path(),
        &["build", "i.yaml", "--template", "nowhere"],
        None,
    );
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn completions_and_man_page() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(dir.path(), &["completions", "bash"], None);
    assert!(out.status.success());
    let script = String::from_utf8(out.stdout).unwrap();
    assert!(script.contains("_jianbao()") && script.contains("--out-dir"));
    let out = run_in(dir.path(), &["man"], None);
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(
        page.starts_with(".ie") || page.contains(".TH jianbao"),
        "{}",
        &page[..200.min(page.len())]
    );
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_jianbao"))
        .args(["completions", "bash"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
