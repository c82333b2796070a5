//! User text is data, never Typst code; file access stays in the issue's folder.

use crate::support::{folder, layout, pages, run_in, stderr};

const HOSTILE: &[&str] = &[
    "#read(\"/etc/passwd\")",
    "*x* $y$ @z // w",
    "#set page(width: 1pt) ] [ } { \\",
    "<script>&amp;\"'",
    "`raw` _em_ = heading",
];

#[test]
fn markup_and_code_in_user_text_print_literally() {
    let mut issue = String::from(
        "name: \"#strong[名称]\"\nunit: \"*单位*\"\nnumber: 1\ndate: 2024-01-05\narticles:\n",
    );
    for (i, text) in HOSTILE.iter().enumerate() {
        let quoted = serde_json::to_string(text).unwrap();
        let text = serde_json::to_string(&format!("段落{i} {text}")).unwrap();
        issue += &format!(
            "  - title: {quoted}\n    source: {quoted}\n    body:\n      - lead: {quoted}\n        text: {text}\n"
        );
    }
    let dir = folder(&[("i.yaml", &issue)]);
    let (_, doc) = layout(&dir.path().join("i.yaml"));
    let text: String = pages(&doc)
        .iter()
        .map(|p| p.text())
        .collect::<Vec<_>>()
        .join("");
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let text = squeeze(&text);
    for hostile in HOSTILE {
        assert!(
            text.contains(&squeeze(hostile)),
            "{hostile:?} not printed literally"
        );
    }
    assert!(text.contains("#strong[名称]") && text.contains("*单位*"));
    assert!(!text.contains("root:"), "/etc/passwd was never read");
}

#[test]
fn photos_outside_the_issue_folder_are_refused() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.png"), b"not really").unwrap();
    let issue = |path: &str| {
        format!(
            "name: 测试\nunit: 测试办\nnumber: 1\ndate: 2024-01-05\narticles:\n  - title: 标题\n    body:\n      - photo: {path}\n"
        )
    };
    // A path that climbs out of the folder.
    let dir = folder(&[("i.yaml", &issue("../secret.png"))]);
    let out = run_in(dir.path(), &["check", "i.yaml"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("the photo leads outside the issue's folder: ../secret.png"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("--> i.yaml:8:16"), "{}", stderr(&out));

    // A symlink inside the folder that leads out of it.
    let dir = folder(&[("i.yaml", &issue("link.png"))]);
    std::os::unix::fs::symlink(
        outside.path().join("secret.png"),
        dir.path().join("link.png"),
    )
    .unwrap();
    let out = run_in(dir.path(), &["check", "i.yaml"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("leads outside the issue's folder"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn packages_are_refused_with_a_clear_error() {
    let dir = folder(&[
        (
            "i.yaml",
            "name: 测试\nunit: 测试办\nnumber: 1\ndate: 2024-01-05\narticles: [{title: 标题, body: [正文。]}]\n",
        ),
        (
            "t.typ",
            "#import \"@preview/cetz:0.3.0\": canvas\n#let render(data) = []\n",
        ),
    ]);
    let out = run_in(
        dir.path(),
        &["build", "i.yaml", "--template", "t.typ"],
        None,
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("packages such as @preview/cetz:0.3.0 are not available"),
        "{err}"
    );
    assert!(
        err.contains("t.typ:1:"),
        "the error points into the template: {err}"
    );
    assert!(!dir.path().join("i.pdf").exists());
}

#[test]
fn the_data_file_cannot_be_replaced_from_the_issue_folder() {
    // A file named like jianbao's own virtual files is never read instead of them.
    let dir = folder(&[
        (
            "i.yaml",
            "name: 真的名称\nunit: 测试办\nnumber: 1\ndate: 2024-01-05\narticles: [{title: 标题, body: [正文。]}]\n",
        ),
        (".jianbao/data.json", "{\"issue\": {\"name\": \"假的\"}}"),
    ]);
    let (_, doc) = layout(&dir.path().join("i.yaml"));
    assert!(pages(&doc)[0].text().contains("真的名称"));
}
