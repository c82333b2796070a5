//! Every class of input error: reported as `file:line:col` with the line and a
//! caret, a message saying what is wrong and a hint; exit code 1; no output.

use crate::support::{folder, run_in, stderr};

const BASE: &str = "\
name: 测试简报
unit: 测试办
number: 3
date: 2024-01-05
articles:
  - title: 标题
    body:
      - 正文第一段。
";

struct Case {
    what: &'static str,
    from: &'static str,
    to: &'static str,
    /// `file:line:col` expected in the report.
    at: &'static str,
    message: &'static str,
    hint: &'static str,
}

const CASES: &[Case] = &[
    Case {
        what: "syntax",
        from: "  - title: 标题",
        to: "  - title: \"标题",
        at: "i.yaml:6:12",
        message: "YAML syntax error: unclosed quote",
        hint: "indentation",
    },
    Case {
        what: "unknown key",
        from: "  - title: 标题",
        to: "  - titel: 标题",
        at: "i.yaml:6:5",
        message: "unknown key `titel`",
        hint: "did you mean `title`?",
    },
    Case {
        what: "wrong type",
        from: "number: 3",
        to: "number: [3]",
        at: "i.yaml:3:",
        message: "positive whole number",
        hint: "",
    },
    Case {
        what: "missing field",
        from: "    body:\n      - 正文第一段。\n",
        to: "    source: 某办\n",
        at: "i.yaml:7:5",
        message: "missing key `body`",
        hint: "add `body:`",
    },
    Case {
        what: "impossible date",
        from: "date: 2024-01-05",
        to: "date: 2023-02-30",
        at: "i.yaml:4:7",
        message: "impossible date: 2023-02 has no day 30",
        hint: "",
    },
    Case {
        what: "empty title",
        from: "title: 标题",
        to: "title: \"\"",
        at: "i.yaml:6:12",
        message: "empty text",
        hint: "",
    },
    Case {
        what: "negative issue number",
        from: "number: 3",
        to: "number: -3",
        at: "i.yaml:3:9",
        message: "-3 is not a positive whole number",
        hint: "",
    },
    Case {
        what: "duplicate key",
        from: "unit: 测试办",
        to: "unit: 测试办\nunit: 别的办",
        at: "i.yaml:3:1",
        message: "duplicate key `unit`",
        hint: "only once",
    },
    Case {
        what: "full-width colon",
        from: "unit: 测试办",
        to: "unit：测试办",
        at: "i.yaml:2:5",
        message: "full-width colon `：` after the key `unit`",
        hint: "`unit: `",
    },
    Case {
        what: "full-width space in indentation",
        from: "  - title: 标题",
        to: "\u{3000}- title: 标题",
        at: "i.yaml:6:1",
        message: "full-width space (U+3000) in the indentation",
        hint: "half-width",
    },
    Case {
        what: "tab in indentation",
        from: "    body:",
        to: "\tbody:",
        at: "i.yaml:7:1",
        message: "tab in the indentation",
        hint: "spaces",
    },
    Case {
        what: "missing required key",
        from: "date: 2024-01-05\n",
        to: "",
        at: "i.yaml",
        message: "missing key `date`",
        hint: "add `date: ",
    },
    Case {
        what: "mixed block kinds",
        from: "      - 正文第一段。",
        to: "      - {heading: 一、总体, text: 正文}",
        at: "i.yaml:8:",
        message: "a body entry is one of",
        hint: "",
    },
    Case {
        what: "table rows of different lengths",
        from: "      - 正文第一段。",
        to: "      - table:\n          rows:\n            - [甲, 1, 2]\n            - [乙, 3]",
        at: "i.yaml:8:9",
        message: "row 2 of the table fills 2 of its 3 columns",
        hint: "",
    },
    Case {
        what: "empty table",
        from: "      - 正文第一段。",
        to: "      - table: {}",
        at: "i.yaml:8:9",
        message: "empty table",
        hint: "",
    },
    Case {
        what: "a span past the table's edge",
        from: "      - 正文第一段。",
        to: "      - table:\n          rows:\n            - [甲, 1]\n            - [{text: 乙, colspan: 3}]",
        at: "i.yaml:8:9",
        message: "row 2 of the table has more cells than its 2 columns",
        hint: "",
    },
    Case {
        what: "a photo in a table cell",
        from: "      - 正文第一段。",
        to: "      - table:\n          rows:\n            - [甲, {photo: a.jpg}]\n            - [乙, 1]",
        at: "i.yaml:10:19",
        message: "a table cell holds text only (`text`, `colspan`, `rowspan`), not a `photo`",
        hint: "",
    },
    Case {
        what: "a heading in a table cell",
        from: "      - 正文第一段。",
        to: "      - table:\n          rows:\n            - [甲, 1]\n            - [{heading: 一、乙}, 1]",
        at: "i.yaml:11:16",
        message: "not a `heading`",
        hint: "",
    },
    Case {
        what: "a table too wide",
        from: "      - 正文第一段。",
        to: "      - table:\n          rows:\n            - [甲, 1]\n            - [乙, 3]\n          widths: [100, 90]",
        at: "i.yaml:8:9",
        message: "the table's columns need 190.0 mm but the type area is 156 mm wide: make the widths fit, e.g. widths: [82.1, 73.8]",
        hint: "",
    },
    Case {
        what: "a heading level past 4",
        from: "      - 正文第一段。",
        to: "      - heading: 一、甲\n        level: 5",
        at: "i.yaml:8:9",
        message: "there is no heading level 5",
        hint: "",
    },
];

#[test]
fn every_error_class_is_located_explained_and_writes_nothing() {
    for case in CASES {
        let source = BASE.replacen(case.from, case.to, 1);
        assert_ne!(source, BASE, "{}: the mutation applies", case.what);
        let dir = folder(&[("i.yaml", &source)]);
        let out = run_in(dir.path(), &["build", "i.yaml"], None);
        let err = stderr(&out);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}: exit code\n{err}",
            case.what
        );
        assert!(err.starts_with("error: "), "{}: {err}", case.what);
        assert!(
            err.contains(case.message),
            "{}: message {:?} not in\n{err}",
            case.what,
            case.message
        );
        assert!(
            err.contains(&format!("--> {}", case.at)),
            "{}: location {} not in\n{err}",
            case.what,
            case.at
        );
        assert!(
            err.contains(case.hint),
            "{}: hint {:?} not in\n{err}",
            case.what,
            case.hint
        );
        if case.at.matches(':').count() == 2 && !case.at.ends_with(':') {
            // A full position: the offending line is shown with a caret under the column.
            assert!(
                err.contains(" | ") && err.contains('^'),
                "{}: no caret\n{err}",
                case.what
            );
        }
        assert!(
            !dir.path().join("i.pdf").exists(),
            "{}: output written",
            case.what
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("i.yaml")).unwrap(),
            source,
            "source untouched"
        );
    }
}

#[test]
fn the_caret_points_at_the_offending_column() {
    let dir = folder(&[(
        "i.yaml",
        &BASE.replace("  - title: 标题", "  - titel: 标题"),
    )]);
    let err = stderr(&run_in(dir.path(), &["check", "i.yaml"], None));
    let lines: Vec<&str> = err.lines().collect();
    let shown = lines
        .iter()
        .position(|l| l.contains("titel: 标题"))
        .expect("the line is shown");
    assert_eq!(lines[shown], "6 |   - titel: 标题");
    assert_eq!(lines[shown + 1], "  |     ^", "{err}");
}

#[test]
fn series_files_may_not_hold_per_issue_keys() {
    let dir = folder(&[
        (
            "series.yaml",
            "name: 系列简报\nunit: 系列办\ndate: 2024-01-01\n",
        ),
        (
            "i.yaml",
            "number: 1\ndate: 2024-01-05\narticles: [{title: 标题, body: [正文。]}]\n",
        ),
    ]);
    let out = run_in(dir.path(), &["check", "i.yaml"], None);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        err.contains("`date` describes one issue and cannot be set in series.yaml"),
        "{err}"
    );
    assert!(err.contains("--> series.yaml:3:1"), "{err}");
}

/// `PER_ISSUE_KEYS` is exactly the issue file's keys that the series file's
/// schema leaves out, and each of them, alone in a series file, is refused by
/// its own name and line: the list and the reader's check agree key by key.
#[test]
fn the_per_issue_keys_are_the_keys_a_series_file_lacks() {
    use jianbao::read::yaml::{PER_ISSUE_KEYS, Source, read_series};
    use std::collections::BTreeSet;
    let keys = |schema: serde_json::Value| -> BTreeSet<String> {
        schema["properties"]
            .as_object()
            .expect("a schema with properties")
            .keys()
            .cloned()
            .collect()
    };
    let series_keys = keys(jianbao::schema::series());
    let only_issue: BTreeSet<String> = keys(jianbao::schema::issue())
        .difference(&series_keys)
        .cloned()
        .collect();
    let listed: BTreeSet<String> = PER_ISSUE_KEYS.iter().map(|k| k.to_string()).collect();
    assert_eq!(listed.len(), PER_ISSUE_KEYS.len(), "a key listed twice");
    assert_eq!(listed, only_issue);
    for key in PER_ISSUE_KEYS {
        let value = match *key {
            "number" | "total_number" => "3",
            "date" => "2024-01-05",
            "editor_note" => "按语。",
            "kind" => "增刊",
            "articles" => "[{title: 标题, body: [正文。]}]",
            "columns" => "[{name: 栏目, articles: [{title: 标题, body: [正文。]}]}]",
            other => panic!("give `{other}` a value in this test"),
        };
        let text = format!("name: 系列简报\nunit: 系列办\n{key}: {value}\n");
        let failure = read_series(Source {
            name: "series.yaml",
            text: &text,
        })
        .expect_err(key);
        let refused: Vec<(&str, Option<usize>)> = failure
            .0
            .iter()
            .map(|d| (d.message.as_str(), d.position.as_ref().map(|p| p.line)))
            .collect();
        let expected = format!("`{key}` describes one issue and cannot be set in series.yaml");
        assert_eq!(refused, [(expected.as_str(), Some(3))], "{key}");
    }
}

#[test]
fn a_missing_key_names_the_series_file_when_there_is_one() {
    let dir = folder(&[
        ("series.yaml", "unit: 系列办\n"),
        (
            "i.yaml",
            "number: 1\ndate: 2024-01-05\narticles: [{title: 标题, body: [正文。]}]\n",
        ),
    ]);
    let err = stderr(&run_in(dir.path(), &["check", "i.yaml"], None));
    assert!(err.contains("missing key `name`"), "{err}");
    assert!(err.contains("to the issue file or to series.yaml"), "{err}");
}

#[test]
fn json_diagnostics_are_one_object_per_line() {
    let dir = folder(&[("i.yaml", &BASE.replace("number: 3", "number: -3"))]);
    let out = run_in(
        dir.path(),
        &["check", "--diagnostics", "json", "i.yaml"],
        None,
    );
    let err = stderr(&out);
    let first = err.lines().next().expect("a line");
    let value: serde_json::Value = serde_json::from_str(first).expect("JSON");
    assert_eq!(value["severity"], "error");
    assert_eq!(value["file"], "i.yaml");
    assert_eq!(value["line"], 3);
    assert_eq!(value["column"], 9);
    assert!(value["message"].as_str().unwrap().contains("-3"));
}

#[test]
fn a_file_that_is_not_utf8_is_refused_with_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    // "名称" in GBK.
    std::fs::write(dir.path().join("i.yaml"), b"name: \xc3\xfb\xb3\xc6\n").unwrap();
    let out = run_in(dir.path(), &["check", "i.yaml"], None);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        err.contains("not UTF-8") && err.contains("--> i.yaml:1:7"),
        "{err}"
    );
}

#[test]
fn an_alias_bomb_hits_a_limit_not_the_memory() {
    let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..9 {
        let prev = (b'a' + i - 1) as char;
        let cur = (b'a' + i) as char;
        bomb += &format!(
            "{cur}: &{cur} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
        );
    }
    let dir = folder(&[("i.yaml", &bomb)]);
    let out = run_in(dir.path(), &["check", "i.yaml"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("i.yaml:"), "{}", stderr(&out));
}

#[test]
fn messages_are_in_chinese_for_a_chinese_locale() {
    for case in CASES {
        let source = BASE.replacen(case.from, case.to, 1);
        let dir = folder(&[("i.yaml", &source)]);
        let out = run_in(dir.path(), &["build", "--lang", "zh", "i.yaml"], None);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{}: {err}", case.what);
        let first = err.lines().next().unwrap();
        assert!(first.starts_with("错误："), "{}: {err}", case.what);
        assert!(
            first
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{}: {first}",
            case.what
        );
        assert!(
            err.contains(&format!("--> {}", case.at)),
            "{}: the place stays: {err}",
            case.what
        );
        for hint in err.lines().filter(|l| l.contains(" = ")) {
            assert!(hint.contains("= 提示："), "{}: {hint}", case.what);
        }
    }
    // The exact wording of some.
    let dir = folder(&[(
        "i.yaml",
        &BASE.replace("  - title: 标题", "  - titel: 标题"),
    )]);
    let err = stderr(&run_in(
        dir.path(),
        &["check", "--lang", "zh", "i.yaml"],
        None,
    ));
    assert!(err.starts_with("错误：未知的键 `titel`\n"), "{err}");
    assert!(err.contains("= 提示：是不是要写 `title`？"), "{err}");
    let dir = folder(&[(
        "i.yaml",
        &BASE.replace("date: 2024-01-05", "date: 2023-02-30"),
    )]);
    let err = stderr(&run_in(
        dir.path(),
        &["check", "--lang", "zh", "i.yaml"],
        None,
    ));
    assert!(
        err.starts_with("错误：日期不存在：2023 年 02 月没有 30 日（这个月只有 28 天）"),
        "{err}"
    );
    // JSON diagnostics stay English: a stable interface for scripts.
    let err = stderr(&run_in(
        dir.path(),
        &["check", "--lang", "zh", "--diagnostics", "json", "i.yaml"],
        None,
    ));
    assert!(err.contains("\"message\":\"impossible date"), "{err}");
}

#[test]
fn the_locale_chooses_the_language() {
    let dir = folder(&[("i.yaml", &BASE.replace("number: 3", "number: 0"))]);
    let run = |lang: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_jianbao"))
            .args(["check", "i.yaml"])
            .current_dir(dir.path())
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    assert!(
        run("zh_CN.UTF-8").starts_with("错误：0 不是正整数"),
        "{}",
        run("zh_CN.UTF-8")
    );
    assert!(run("en_US.UTF-8").starts_with("error: 0 is not a positive whole number"));
}
