//! Hostile input and careless scripts: special files as outputs, invisible
//! characters, series files in odd places, empty articles, leftovers of a
//! killed run, two writers at once, a watched file deleted and recreated.

use std::fs;
use std::io::Read;
use std::os::unix::fs::FileTypeExt;
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime};

use crate::support::{Watching, folder, run_in, stderr};

const ISSUE: &str = "name: 测试简报\nunit: 测试办\nnumber: 3\ndate: 2024-01-05\narticles:\n  - title: 标题\n    body: [正文第一段。]\n";

fn is_char_device(path: &str) -> bool {
    fs::metadata(path).is_ok_and(|m| m.file_type().is_char_device())
}

#[test]
fn writing_to_dev_null_leaves_the_device_in_place() {
    let dir = folder(&[("i.yaml", ISSUE)]);
    for format in ["pdf", "txt"] {
        let out = run_in(
            dir.path(),
            &["build", "i.yaml", "--format", format, "-o", "/dev/null"],
            None,
        );
        assert!(out.status.success(), "{format}: {}", stderr(&out));
        assert!(is_char_device("/dev/null"), "/dev/null is still a device");
    }
}

#[test]
fn writing_to_dev_full_is_an_error_with_exit_code_2() {
    let dir = folder(&[("i.yaml", ISSUE)]);
    let out = run_in(
        dir.path(),
        &[
            "build",
            "i.yaml",
            "--format",
            "txt",
            "-o",
            "/dev/full",
            "--lang",
            "en",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("failed to write TXT file"),
        "{}",
        stderr(&out)
    );
    assert!(is_char_device("/dev/full"));
}

#[test]
fn a_named_pipe_gets_the_output_streamed() {
    let dir = folder(&[("i.yaml", ISSUE)]);
    let fifo = dir.path().join("out.fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            fs::File::open(fifo)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            text
        })
    };
    let out = run_in(
        dir.path(),
        &["build", "i.yaml", "--format", "txt", "-o", "out.fifo"],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        reader.join().unwrap().contains("第 3 期"),
        "the reader got the text"
    );
    assert!(
        fs::metadata(&fifo).unwrap().file_type().is_fifo(),
        "still a FIFO"
    );
}

#[test]
fn dev_stdout_is_standard_output_not_a_new_file() {
    let dir = folder(&[("i.yaml", ISSUE)]);
    let out = run_in(
        dir.path(),
        &["build", "i.yaml", "--format", "txt", "-o", "/dev/stdout"],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("第 3 期"));
    assert!(
        fs::symlink_metadata("/dev/stdout")
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn a_symlinked_output_keeps_its_link_and_updates_its_target() {
    let dir = folder(&[("i.yaml", ISSUE), ("real/out.txt", "old")]);
    std::os::unix::fs::symlink("real/out.txt", dir.path().join("link.txt")).unwrap();
    let out = run_in(dir.path(), &["build", "i.yaml", "-o", "link.txt"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let link = dir.path().join("link.txt");
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let target = fs::read_to_string(dir.path().join("real/out.txt")).unwrap();
    assert!(target.contains("第 3 期"), "{target}");
    assert!(
        fs::read_dir(dir.path().join("real")).unwrap().all(|e| !e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .ends_with(".tmp")),
        "no temporary file left beside the target"
    );
}

#[test]
fn invisible_characters_in_a_value_are_located_errors() {
    for (escape, code) in [("\\u202E", "U+202E"), ("\\0", "U+0000"), ("\\a", "U+0007")] {
        let issue = ISSUE.replace("  - title: 标题", &format!("  - title: \"标{escape}题\""));
        let dir = folder(&[("i.yaml", &issue)]);
        for format in ["txt", "html"] {
            let out = run_in(
                dir.path(),
                &["build", "i.yaml", "--format", format, "--lang", "en"],
                None,
            );
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(1), "{code}: {err}");
            assert!(
                err.contains(code) && err.contains("invisible character"),
                "{err}"
            );
            assert!(
                err.contains("i.yaml:6:"),
                "located at the title's line: {err}"
            );
            assert!(
                !dir.path().join(format!("i.{format}")).exists(),
                "nothing written"
            );
        }
    }
    // In a footer line and a paragraph too.
    let issue = ISSUE.replace("[正文第一段。]", "[\"正文\\u2066第一段。\"]");
    let dir = folder(&[("i.yaml", &issue)]);
    let out = run_in(dir.path(), &["check", "i.yaml", "--lang", "en"], None);
    assert!(stderr(&out).contains("U+2066"), "{}", stderr(&out));
}

#[test]
fn the_importer_drops_invisible_characters_with_a_warning() {
    let fixture = crate::support::root().join("tests/fixtures/import/no-contents.txt");
    // Line 13 opens 南湾社区下辖…: an override after its second character.
    let text =
        fs::read_to_string(fixture)
            .unwrap()
            .replacen("南湾社区下辖", "南湾\u{202E}社区下辖", 1);
    let dir = folder(&[("old.txt", &text)]);
    let out = run_in(dir.path(), &["import", "old.txt", "--lang", "en"], None);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("U+202E") && err.contains("old.txt:13:3"),
        "{err}"
    );
    let yaml = fs::read_to_string(dir.path().join("old.yaml")).unwrap();
    assert!(
        yaml.contains("南湾社区下辖") && !yaml.contains('\u{202E}'),
        "{yaml}"
    );
}

#[test]
fn a_series_file_that_is_a_folder_is_an_error() {
    let dir = folder(&[("i.yaml", ISSUE), ("series.yaml/x", "")]);
    let out = run_in(
        dir.path(),
        &["build", "i.yaml", "--format", "txt", "--lang", "en"],
        None,
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("series.yaml") && stderr(&out).contains("not a file"));
}

#[test]
fn check_takes_a_series_file_among_the_issues_as_a_series_file() {
    let series = "name: 测试简报\nunit: 测试办\n";
    let issue = "number: 3\ndate: 2024-01-05\narticles:\n  - title: 标题\n    body: [正文。]\n";
    let dir = folder(&[("series.yaml", series), ("a.yaml", issue)]);
    let out = run_in(dir.path(), &["check", "a.yaml", "series.yaml"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    // A bad series file is reported as one.
    fs::write(
        dir.path().join("series.yaml"),
        format!("{series}number: 4\n"),
    )
    .unwrap();
    let out = run_in(dir.path(), &["check", "series.yaml", "--lang", "en"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("cannot be set in series.yaml"),
        "{}",
        stderr(&out)
    );
    // `build *.yaml` builds the issues and inherits the series file.
    fs::write(dir.path().join("series.yaml"), series).unwrap();
    let out = run_in(
        dir.path(),
        &["build", "a.yaml", "series.yaml", "--format", "txt"],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.path().join("a.txt").exists() && !dir.path().join("series.txt").exists());
}

#[test]
fn an_article_without_a_body_is_a_warning_and_an_error_under_strict() {
    let issue = ISSUE.replace("body: [正文第一段。]", "body: []");
    let dir = folder(&[("i.yaml", &issue)]);
    let out = run_in(
        dir.path(),
        &["build", "i.yaml", "--format", "txt", "--lang", "en"],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("warning") && stderr(&out).contains("empty body"));
    assert!(stderr(&out).contains("i.yaml:6:"), "{}", stderr(&out));
    let out = run_in(
        dir.path(),
        &[
            "build", "i.yaml", "--format", "txt", "--strict", "-o", "s.txt",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(!dir.path().join("s.txt").exists());
}

#[test]
fn leftovers_of_a_killed_run_are_removed_and_nothing_else() {
    // A process known to be dead: one that has run and been waited for.
    let mut finished = Command::new("true").spawn().unwrap();
    let dead = finished.id();
    assert!(finished.wait().unwrap().success());
    let leftover = format!(".jianbao-{dead}-abc123.tmp");
    let dir = folder(&[
        ("i.yaml", ISSUE),
        (&leftover, "half a PDF"),
        (".jianbao-old.tmp", "half a PDF"),
        (".jianbao-new.tmp", "being written"),
        (".jianbao-keep.txt", "not ours"),
    ]);
    let day_ago = SystemTime::now() - Duration::from_secs(2 * 24 * 3600);
    fs::File::options()
        .write(true)
        .open(dir.path().join(".jianbao-old.tmp"))
        .unwrap()
        .set_modified(day_ago)
        .unwrap();
    let out = run_in(dir.path(), &["build", "i.yaml", "--format", "txt"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let exists = |name: &str| dir.path().join(name).exists();
    assert!(!exists(&leftover), "a dead process's file goes");
    assert!(!exists(".jianbao-old.tmp"), "a day-old file goes");
    assert!(
        exists(".jianbao-new.tmp"),
        "a recent file of unknown origin stays"
    );
    assert!(exists(".jianbao-keep.txt"), "other files stay");
}

#[test]
fn two_writers_of_one_output_leave_one_whole_file() {
    // Two issues of different lengths writing one file: a mix of the two,
    // or one cut short, is neither of them.
    let paragraph = "正文很长的一段，写满一行还要再写一行，".repeat(12);
    let long = ISSUE.replace(
        "[正文第一段。]",
        &format!("[{}]", vec![paragraph.as_str(); 40].join(", ")),
    );
    let dir = folder(&[("a.yaml", ISSUE), ("b.yaml", &long)]);
    let whole: Vec<Vec<u8>> = ["a", "b"]
        .iter()
        .map(|name| {
            let (source, output) = (format!("{name}.yaml"), format!("{name}.pdf"));
            let out = run_in(dir.path(), &["build", &source, "-o", &output], None);
            assert!(out.status.success(), "{name}: {}", stderr(&out));
            fs::read(dir.path().join(output)).unwrap()
        })
        .collect();
    assert!(
        whole[1].len() > 2 * whole[0].len(),
        "the two outputs differ in length: {} and {} bytes",
        whole[0].len(),
        whole[1].len()
    );
    for _ in 0..3 {
        let spawn = |issue: &str| {
            Command::new(env!("CARGO_BIN_EXE_jianbao"))
                .args(["build", issue, "-o", "out.pdf"])
                .current_dir(dir.path())
                .env_remove("SOURCE_DATE_EPOCH")
                .stderr(Stdio::null())
                .spawn()
                .unwrap()
        };
        let (mut a, mut b) = (spawn("a.yaml"), spawn("b.yaml"));
        assert!(a.wait().unwrap().success() && b.wait().unwrap().success());
        let out = fs::read(dir.path().join("out.pdf")).unwrap();
        assert!(
            whole.contains(&out),
            "out.pdf ({} bytes) is neither issue whole ({} and {} bytes)",
            out.len(),
            whole[0].len(),
            whole[1].len()
        );
    }
    let temporaries = fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".tmp")
        })
        .count();
    assert_eq!(temporaries, 0);
}

#[test]
fn watch_goes_on_when_the_file_is_deleted_and_recreated() {
    let dir = folder(&[("i.yaml", ISSUE)]);
    let watch = Watching::start(dir.path(), &["i.yaml", "--format", "txt"]);
    let (built, kept) = ("built i.txt in ", "not built: keeping the last good");
    watch.wait_for(&|| watch.count(built) >= 1, "first build");
    fs::remove_file(dir.path().join("i.yaml")).unwrap();
    watch.wait_for(&|| watch.count(kept) >= 1, "deleted");
    let issue = ISSUE.replace("number: 3", "number: 4");
    fs::write(dir.path().join("i.yaml"), issue).unwrap();
    watch.wait_for(&|| watch.count(built) >= 2, "recreated");
    let text = fs::read_to_string(dir.path().join("i.txt")).unwrap();
    assert!(text.contains("第 4 期"), "{text}");
}
