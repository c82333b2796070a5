//! Batch runs: many issues to many formats, one bad issue among them,
//! incremental rebuilds, any number of jobs, clashing outputs.

use std::fs;
use std::path::Path;

use crate::support::{folder, good_issue, run_in, stderr};

/// A tree of issues: two good ones in a series folder, one good at the top,
/// one bad (impossible date).
fn tree() -> tempfile::TempDir {
    folder(&[
        ("issues/a/series.yaml", "name: 系列简报\nunit: 系列办\n"),
        (
            "issues/a/2024-01.yaml",
            "number: 1\ndate: 2024-01-05\narticles: [{title: 甲, body: [正文。]}]\n",
        ),
        (
            "issues/a/2024-02.yaml",
            "number: 2\ndate: 2024-02-05\narticles: [{title: 乙, body: [正文。]}]\n",
        ),
        ("issues/top.yaml", &good_issue(3)),
        (
            "issues/b/bad.yaml",
            &good_issue(4).replace("2024-01-05", "2024-02-30"),
        ),
    ])
}

fn files_under(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
        for e in fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                out.push(p.strip_prefix(base).unwrap().display().to_string());
            }
        }
    }
    if dir.exists() {
        walk(dir, dir, &mut out);
    }
    out.sort();
    out
}

#[test]
fn a_batch_builds_the_good_reports_the_bad_and_exits_1() {
    let dir = tree();
    let out = run_in(
        dir.path(),
        &["build", "issues", "--out-dir", "out", "--format", "pdf,txt"],
        None,
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("issues/b/bad.yaml:4:7") && err.contains("2024-02 has no day 30"),
        "{err}"
    );
    assert!(err.contains("failed: issues/b/bad.yaml"), "{err}");
    assert!(
        err.contains("4 issues: 6 built, 0 unchanged, 2 failed"),
        "{err}"
    );
    let built: Vec<String> = files_under(&dir.path().join("out"))
        .into_iter()
        .filter(|f| !f.contains(".jianbao-state"))
        .collect();
    assert_eq!(
        built,
        [
            "a/2024-01.pdf",
            "a/2024-01.txt",
            "a/2024-02.pdf",
            "a/2024-02.txt",
            "top.pdf",
            "top.txt"
        ]
    );
    assert!(
        fs::read_to_string(dir.path().join("out/a/2024-02.txt"))
            .unwrap()
            .contains("系列简报"),
        "series inherited"
    );
    assert!(
        !dir.path().join("out/series.pdf").exists(),
        "series files are not built"
    );
}

#[test]
fn a_rerun_skips_what_has_not_changed_and_rebuilds_what_has() {
    let dir = tree();
    fs::remove_file(dir.path().join("issues/b/bad.yaml")).unwrap();
    let run = |extra: &[&str]| {
        let mut args = vec!["build", "issues", "--out-dir", "out"];
        args.extend_from_slice(extra);
        let out = run_in(dir.path(), &args, None);
        assert!(out.status.success(), "{}", stderr(&out));
        stderr(&out)
    };
    assert!(run(&[]).contains("3 built, 0 unchanged"));
    let pdf = dir.path().join("out/top.pdf");
    let before = fs::metadata(&pdf).unwrap().modified().unwrap();
    assert!(run(&[]).contains("0 built, 3 unchanged"));
    assert_eq!(
        fs::metadata(&pdf).unwrap().modified().unwrap(),
        before,
        "unchanged output not rewritten"
    );

    // Touching a file without changing it rebuilds nothing (content hashes).
    let top = dir.path().join("issues/top.yaml");
    fs::write(&top, fs::read(&top).unwrap()).unwrap();
    assert!(run(&[]).contains("0 built, 3 unchanged"));
    // A changed series file rebuilds the issues that inherit from it.
    fs::write(
        dir.path().join("issues/a/series.yaml"),
        "name: 系列简报\nunit: 新的办\n",
    )
    .unwrap();
    assert!(run(&[]).contains("2 built, 1 unchanged"));
    // A changed template rebuilds everything; so does --force.
    fs::create_dir_all(dir.path().join("t")).unwrap();
    fs::write(
        dir.path().join("t/bulletin.typ"),
        jianbao::typeset::template::SHIPPED_TEMPLATE
            .replace("rule-gap: practice.rule_gap * 1mm", "rule-gap: 5mm"),
    )
    .unwrap();
    assert!(run(&["--template", "t"]).contains("3 built, 0 unchanged"));
    assert!(run(&["--template", "t"]).contains("0 built, 3 unchanged"));
    assert!(run(&["--force"]).contains("3 built, 0 unchanged"));
    // Deleting an output rebuilds it.
    fs::remove_file(&pdf).unwrap();
    assert!(run(&[]).contains("1 built, 2 unchanged"));
}

/// Every format gives the same bytes whether the issues are built one at a
/// time or side by side (the OFD writer's font cache is shared by them), and
/// a PDF or OFD the same as its issue built alone.
#[test]
fn one_job_or_two_give_the_same_bytes() {
    const FORMATS: [&str; 8] = ["pdf", "ofd", "docx", "html", "txt", "typ", "png", "svg"];
    let dir = tree();
    fs::remove_file(dir.path().join("issues/b/bad.yaml")).unwrap();
    let formats = FORMATS.join(",");
    for (jobs, out) in [("1", "one"), ("2", "two")] {
        let o = run_in(
            dir.path(),
            &[
                "build",
                "issues",
                "--out-dir",
                out,
                "--jobs",
                jobs,
                "--format",
                &formats,
            ],
            None,
        );
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let one = files_under(&dir.path().join("one"));
    assert_eq!(one, files_under(&dir.path().join("two")));
    for format in FORMATS {
        let written = one
            .iter()
            .filter(|f| !f.contains(".jianbao-state") && f.contains(&format!(".{format}")))
            .count();
        assert!(
            written >= 3,
            "{format}: {written} files for 3 issues: {one:?}"
        );
    }
    for file in one.iter().filter(|f| !f.contains(".jianbao-state")) {
        assert_eq!(
            fs::read(dir.path().join("one").join(file)).unwrap(),
            fs::read(dir.path().join("two").join(file)).unwrap(),
            "{file}"
        );
    }
    // And an issue built alone gets the bytes it got after the others, whose
    // memoised layouts, font subsets and compiled outlines it reused there.
    for file in one
        .iter()
        .filter(|f| f.ends_with(".pdf") || f.ends_with(".ofd"))
    {
        let input = Path::new("issues").join(Path::new(file).with_extension("yaml"));
        let alone = dir.path().join("alone").join(file);
        fs::create_dir_all(alone.parent().unwrap()).unwrap();
        let o = run_in(
            dir.path(),
            &[
                "build",
                input.to_str().unwrap(),
                "-o",
                alone.to_str().unwrap(),
            ],
            None,
        );
        assert!(o.status.success(), "{file}: {}", stderr(&o));
        assert_eq!(
            fs::read(&alone).unwrap(),
            fs::read(dir.path().join("one").join(file)).unwrap(),
            "{file} alone and in the batch"
        );
    }
}

#[test]
fn a_read_only_output_folder_is_a_clear_error() {
    if nix_is_root_ignoring_permissions() {
        // Root ignores permission bits; use a path under a file instead.
        let dir = tree();
        fs::write(dir.path().join("blocker"), "").unwrap();
        let out = run_in(
            dir.path(),
            &[
                "build",
                "issues/top.yaml",
                "issues/a",
                "--out-dir",
                "blocker/out",
            ],
            None,
        );
        assert_eq!(out.status.code(), Some(2));
        assert!(
            stderr(&out).contains("failed to write PDF file"),
            "{}",
            stderr(&out)
        );
        return;
    }
    let dir = tree();
    fs::create_dir(dir.path().join("ro")).unwrap();
    let mut perms = fs::metadata(dir.path().join("ro")).unwrap().permissions();
    perms.set_readonly(true);
    fs::set_permissions(dir.path().join("ro"), perms).unwrap();
    let out = run_in(
        dir.path(),
        &["build", "issues/top.yaml", "issues/a", "--out-dir", "ro"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("permission denied"),
        "{}",
        stderr(&out)
    );
}

fn nix_is_root_ignoring_permissions() -> bool {
    let probe = tempfile::tempdir().unwrap();
    let ro = probe.path().join("ro");
    fs::create_dir(&ro).unwrap();
    let mut perms = fs::metadata(&ro).unwrap().permissions();
    perms.set_readonly(true);
    fs::set_permissions(&ro, perms).unwrap();
    fs::write(ro.join("x"), "").is_ok()
}

#[test]
fn page_images_in_a_batch_are_incremental_too() {
    let dir = folder(&[("issues/one.yaml", &good_issue(1))]);
    let run = || {
        stderr(&run_in(
            dir.path(),
            &[
                "build",
                "issues",
                "--out-dir",
                "out",
                "--format",
                "png",
                "--ppi",
                "20",
            ],
            None,
        ))
    };
    assert!(run().contains("1 built, 0 unchanged"));
    assert!(dir.path().join("out/one-1.png").exists());
    assert!(run().contains("0 built, 1 unchanged"));
}

#[test]
fn two_issues_writing_one_output_are_refused() {
    let dir = folder(&[("x/a.yaml", &good_issue(1)), ("x/a.yml", &good_issue(2))]);
    let out = run_in(dir.path(), &["build", "x", "--out-dir", "out"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("would write the same output"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("out").exists(), "nothing built");
}
