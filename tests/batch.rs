//! Batch runs, incremental rebuilds, watch, completions and the man page.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::support::{Watching, env, folder, layout, pages, run_in, stderr};

const GOOD: &str = "name: 测试简报\nunit: 测试办\nnumber: NUMBER\ndate: 2024-01-05\narticles: [{title: 标题, body: [正文第一段。]}]\n";

fn good(n: u32) -> String {
    GOOD.replace("NUMBER", &n.to_string())
}

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
        ("issues/top.yaml", &good(3)),
        (
            "issues/b/bad.yaml",
            &good(4).replace("2024-01-05", "2024-02-30"),
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
        jianbao::typeset::template::SHIPPED_TEMPLATE.replace("rule-gap: 4mm", "rule-gap: 5mm"),
    )
    .unwrap();
    assert!(run(&["--template", "t"]).contains("3 built, 0 unchanged"));
    assert!(run(&["--template", "t"]).contains("0 built, 3 unchanged"));
    assert!(run(&["--force"]).contains("3 built, 0 unchanged"));
    // Deleting an output rebuilds it.
    fs::remove_file(&pdf).unwrap();
    assert!(run(&[]).contains("1 built, 2 unchanged"));
}

#[test]
fn one_job_or_two_give_the_same_bytes() {
    let dir = tree();
    fs::remove_file(dir.path().join("issues/b/bad.yaml")).unwrap();
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
                "pdf,html",
            ],
            None,
        );
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let one = files_under(&dir.path().join("one"));
    assert_eq!(one, files_under(&dir.path().join("two")));
    for file in one.iter().filter(|f| !f.contains(".jianbao-state")) {
        assert_eq!(
            fs::read(dir.path().join("one").join(file)).unwrap(),
            fs::read(dir.path().join("two").join(file)).unwrap(),
            "{file}"
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
fn watch_rebuilds_on_save_and_survives_a_broken_save() {
    let dir = folder(&[("i.yaml", &good(1))]);
    let watch = Watching::start(dir.path(), &["i.yaml", "--format", "txt"]);
    let out = dir.path().join("i.txt");
    let holds = |n: &str| fs::read_to_string(&out).is_ok_and(|t| t.contains(n));
    // `built … in … ms` is printed once the output is written, and watching
    // starts before the build: from here on no save is missed.
    watch.wait_for(&|| watch.count("built i.txt in ") >= 1, "first build");
    assert!(holds("第 1 期"));
    // An editor that saves by writing a new file and renaming it over the old one.
    let save = |text: &str| {
        fs::write(dir.path().join(".i.yaml.swp"), text).unwrap();
        fs::rename(dir.path().join(".i.yaml.swp"), dir.path().join("i.yaml")).unwrap();
    };
    save(&good(2));
    watch.wait_for(&|| holds("第 2 期"), "rebuild after a save");
    // A broken save: diagnostics, and the last good output stays.
    save("number: [\n");
    watch.wait_for(
        &|| watch.count("not built: keeping the last good") >= 1,
        "a broken save is reported",
    );
    assert!(holds("第 2 期"));
    assert!(watch.log().contains("error: "), "{}", watch.log());
    save(&good(3));
    watch.wait_for(&|| holds("第 3 期"), "recovery after the next good save");
    assert!(watch.log().contains(" ms"), "rebuild time reported");
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
fn typ_output_is_a_folder_the_typst_cli_can_compile() {
    let dir = folder(&[("i.yaml", &good(5))]);
    let out = run_in(
        dir.path(),
        &["build", "i.yaml", "--format", "typ", "-o", "exported"],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let root = dir.path().join("exported");
    let main = fs::read_to_string(root.join("main.typ")).unwrap();
    assert!(main.contains("#include \"/.jianbao/main.typ\""));
    let data: serde_json::Value =
        serde_json::from_slice(&fs::read(root.join(".jianbao/data.json")).unwrap()).unwrap();
    assert_eq!(data["issue"]["number"], 5);
    assert_eq!(
        fs::read_to_string(root.join(".jianbao/template/bulletin.typ")).unwrap(),
        jianbao::typeset::template::SHIPPED_TEMPLATE
    );
    assert_eq!(
        fs::read_to_string(root.join(".jianbao/main.typ")).unwrap(),
        jianbao::typeset::world::MAIN
    );
    // Compiled as the typst CLI compiles it (`typst compile --root .
    // main.typ`: files from the folder, nothing else), the folder gives the
    // pages jianbao lays out itself.
    let world = FolderWorld::new(root.clone());
    let exported = typst::compile::<typst_layout::PagedDocument>(&world)
        .output
        .unwrap_or_else(|e| panic!("the exported folder does not compile: {e:?}"));
    let (_, ours) = layout(&dir.path().join("i.yaml"));
    let (a, b) = (pages(&exported), pages(&ours));
    assert_eq!(a.len(), b.len(), "page count");
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x.text(), y.text(), "the same text on each page");
        assert_eq!(x.runs.len(), y.runs.len());
        for (r, s) in x.runs.iter().zip(&y.runs) {
            assert!(
                (r.x - s.x).abs() < 1e-6 && (r.y - s.y).abs() < 1e-6,
                "{} placed alike",
                r.text
            );
        }
    }
}

/// A Typst world over a folder, as the typst CLI sees a project: the root is
/// the folder, `main.typ` the entry, fonts the shipped ones (`--font-path`).
struct FolderWorld {
    root: std::path::PathBuf,
    library: typst::utils::LazyHash<typst::Library>,
}

impl FolderWorld {
    fn new(root: std::path::PathBuf) -> FolderWorld {
        use typst::LibraryExt;
        FolderWorld {
            root,
            library: typst::utils::LazyHash::new(typst::Library::default()),
        }
    }

    fn read(&self, id: typst::syntax::FileId) -> typst::diag::FileResult<Vec<u8>> {
        let path = self.root.join(id.vpath().get_without_slash());
        fs::read(&path).map_err(|e| typst::diag::FileError::from_io(e, &path))
    }
}

impl typst::World for FolderWorld {
    fn library(&self) -> &typst::utils::LazyHash<typst::Library> {
        &self.library
    }

    fn book(&self) -> &typst::utils::LazyHash<typst::text::FontBook> {
        env().fonts.book()
    }

    fn main(&self) -> typst::syntax::FileId {
        use typst::syntax::{RootedPath, VirtualPath, VirtualRoot};
        RootedPath::new(VirtualRoot::Project, VirtualPath::new("/main.typ").unwrap()).intern()
    }

    fn source(&self, id: typst::syntax::FileId) -> typst::diag::FileResult<typst::syntax::Source> {
        let text =
            String::from_utf8(self.read(id)?).map_err(|_| typst::diag::FileError::InvalidUtf8)?;
        Ok(typst::syntax::Source::new(id, text))
    }

    fn file(
        &self,
        id: typst::syntax::FileId,
    ) -> typst::diag::FileResult<typst::foundations::Bytes> {
        self.read(id).map(typst::foundations::Bytes::new)
    }

    fn font(&self, index: usize) -> Option<typst::text::Font> {
        env().fonts.font(index)
    }

    fn today(
        &self,
        _: Option<typst::foundations::Duration>,
    ) -> Option<typst::foundations::Datetime> {
        typst::foundations::Datetime::from_ymd(2024, 1, 5)
    }
}

#[test]
fn page_images_in_a_batch_are_incremental_too() {
    let dir = folder(&[("issues/one.yaml", &good(1))]);
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
    let dir = folder(&[("x/a.yaml", &good(1)), ("x/a.yml", &good(2))]);
    let out = run_in(dir.path(), &["build", "x", "--out-dir", "out"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("would write the same output"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("out").exists(), "nothing built");
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

#[test]
fn selecting_no_existing_page_is_an_error() {
    let dir = folder(&[("i.yaml", &good(1))]);
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
