//! The editor's workflow: the JSON Schema (current, and agreeing with the
//! reader), `init` and `new`.

use std::fs;

use jianbao::read::yaml::{Source, read_issue};

use crate::support::{folder, root, run_in, sample, samples, stderr};

#[test]
fn the_committed_schemas_are_current() {
    let dir = tempfile::tempdir().unwrap();
    for (args, file) in [
        (&["schema"][..], "bulletin.schema.json"),
        (&["schema", "--series"][..], "series.schema.json"),
    ] {
        let out = run_in(dir.path(), args, None);
        assert!(out.status.success());
        let committed = fs::read_to_string(root().join(file)).unwrap_or_default();
        assert!(
            committed == String::from_utf8(out.stdout).unwrap(),
            "{file} is out of date: run `jianbao {}` > {file}",
            args.join(" ")
        );
    }
}

/// (what, YAML, the reader and the schema both accept it)
const FIXTURES: &[(&str, &str, bool)] = &[
    (
        "minimal",
        "name: 名称\nunit: 单位\nnumber: 1\ndate: 2024-01-05\narticles: [{title: 标题, body: [正文。]}]\n",
        true,
    ),
    (
        "full",
        "name: 名称\nhandling_mark: 内部资料\ncopy_number: \"000123\"\nunit: 单位\nkind: supplement\nnumber: 2\ntotal_number: 30\ndate: 2024 年 1 月 5 日\neditor_note: 按语。\ncolumns:\n  - name: 工作交流\n    articles:\n      - title: 标题\n        subtitle: ——副标题\n        source: （供稿）\n        body:\n          - 正文。\n          - {lead: 段首句。, text: 其余。}\n          - {heading: 一、标题}\n          - {subheading: （一）标题}\n          - {photo: a.jpg, caption: 图注, width: 0.5}\nfooter:\n  report_to: [甲, 乙]\n  copy_to: 丙\n  registration: 某简字 1 号\n  print_run: 100\n  editor: 编辑\n  approver: 签发人\nstyle:\n  red: [0, 80, 80, 0]\n  rule: double\n  rule_thickness: 2\n  lead_face: hei\n  contents: false\n",
        true,
    ),
    (
        "chinese enum values",
        "name: 名称\nunit: 单位\nkind: 增刊\nnumber: 1\ndate: 2024-01-05\nstyle: {lead_face: 楷体}\narticles: [{title: 标题, body: [正文。]}]\n",
        true,
    ),
    (
        "unknown key",
        "name: 名称\nunit: 单位\nnumber: 1\ndate: 2024-01-05\narticles: [{titel: 标题, body: [正文。]}]\n",
        false,
    ),
    (
        "negative number",
        "name: 名称\nunit: 单位\nnumber: -1\ndate: 2024-01-05\narticles: [{title: 标题, body: [正文。]}]\n",
        false,
    ),
    (
        "zero print run",
        "name: 名称\nunit: 单位\nnumber: 1\ndate: 2024-01-05\nfooter: {print_run: 0}\narticles: [{title: 标题, body: [正文。]}]\n",
        false,
    ),
    (
        "empty title",
        "name: 名称\nunit: 单位\nnumber: 1\ndate: 2024-01-05\narticles: [{title: \"\", body: [正文。]}]\n",
        false,
    ),
    (
        "missing number",
        "name: 名称\nunit: 单位\ndate: 2024-01-05\narticles: [{title: 标题, body: [正文。]}]\n",
        false,
    ),
    (
        "missing body",
        "name: 名称\nunit: 单位\nnumber: 1\ndate: 2024-01-05\narticles: [{title: 标题}]\n",
        false,
    ),
    (
        "both columns and articles",
        "name: 名称\nunit: 单位\nnumber: 1\ndate: 2024-01-05\ncolumns: [{articles: [{title: 标题, body: [正文。]}]}]\narticles: [{title: 标题, body: [正文。]}]\n",
        false,
    ),
    (
        "date not a date",
        "name: 名称\nunit: 单位\nnumber: 1\ndate: 昨天\narticles: [{title: 标题, body: [正文。]}]\n",
        false,
    ),
    (
        "bad kind",
        "name: 名称\nunit: 单位\nkind: 周刊\nnumber: 1\ndate: 2024-01-05\narticles: [{title: 标题, body: [正文。]}]\n",
        false,
    ),
    (
        "heading mixed with text",
        "name: 名称\nunit: 单位\nnumber: 1\ndate: 2024-01-05\narticles: [{title: 标题, body: [{heading: 一、, text: 正文}]}]\n",
        false,
    ),
    (
        "photo too wide",
        "name: 名称\nunit: 单位\nnumber: 1\ndate: 2024-01-05\narticles: [{title: 标题, body: [{photo: a.jpg, width: 1.5}]}]\n",
        false,
    ),
    (
        "colour out of range",
        "name: 名称\nunit: 单位\nnumber: 1\ndate: 2024-01-05\nstyle: {red: [0, 180, 80, 0]}\narticles: [{title: 标题, body: [正文。]}]\n",
        false,
    ),
];

#[test]
fn the_schema_and_the_reader_accept_and_reject_the_same_files() {
    let schema =
        jsonschema::draft7::new(&jianbao::schema::issue()).expect("a valid draft-07 schema");
    for (what, yaml, valid) in FIXTURES {
        let value: serde_json::Value =
            serde_saphyr::from_str(yaml).unwrap_or_else(|e| panic!("{what}: {e}"));
        let read = read_issue(
            Source {
                name: "f.yaml",
                text: yaml,
            },
            None,
        );
        assert_eq!(
            read.is_ok(),
            *valid,
            "{what}: the reader says {:?}",
            read.err().map(|f| f.to_string())
        );
        let errors: Vec<String> = schema.iter_errors(&value).map(|e| e.to_string()).collect();
        assert_eq!(
            errors.is_empty(),
            *valid,
            "{what}: the schema says {errors:?}"
        );
    }
    // What only the reader can check: a date outside the calendar.
    let impossible = "name: 名称\nunit: 单位\nnumber: 1\ndate: 2023-02-30\narticles: [{title: 标题, body: [正文。]}]\n";
    assert!(
        read_issue(
            Source {
                name: "f.yaml",
                text: impossible
            },
            None
        )
        .is_err()
    );
    assert!(
        schema.is_valid(&serde_saphyr::from_str(impossible).unwrap()),
        "the schema checks the shape only"
    );
    // Every sample is valid against its schema.
    let series = jsonschema::draft7::new(&jianbao::schema::series()).unwrap();
    for path in samples() {
        let value: serde_json::Value =
            serde_saphyr::from_str(&fs::read_to_string(sample(path)).unwrap()).unwrap();
        assert!(
            schema.is_valid(&value),
            "{path}: {:?}",
            schema
                .iter_errors(&value)
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
        );
    }
    // And every series file beside them.
    let mut series_files: Vec<_> = samples()
        .iter()
        .filter_map(|path| {
            Some(
                sample(path)
                    .parent()?
                    .join(jianbao::read::yaml::SERIES_FILE),
            )
        })
        .filter(|file| file.is_file())
        .collect();
    series_files.dedup();
    assert!(!series_files.is_empty(), "no sample has a series file");
    for file in series_files {
        let value: serde_json::Value =
            serde_saphyr::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
        assert!(series.is_valid(&value), "{}", file.display());
    }
}

#[test]
fn init_makes_a_series_that_builds_and_new_makes_the_next_issue() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(dir.path(), &["init", "简报", "--date", "2025-03-01"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let series = dir.path().join("简报");
    assert!(series.join("series.yaml").is_file() && series.join("2025-01.yaml").is_file());
    let build = run_in(&series, &["build", "2025-01.yaml", "--strict"], None);
    assert!(build.status.success(), "{}", stderr(&build));
    // init never overwrites.
    let again = run_in(dir.path(), &["init", "简报"], None);
    assert_eq!(again.status.code(), Some(2));

    // Three issues in a row.
    for (i, date) in ["2025-03-08", "2025-03-15", "2025-03-22"]
        .iter()
        .enumerate()
    {
        let out = run_in(&series, &["new", "--date", date], None);
        assert!(out.status.success(), "{}", stderr(&out));
        let name = format!("2025-{:02}.yaml", i + 2);
        assert_eq!(
            String::from_utf8(out.stdout).unwrap().trim(),
            format!("./{name}")
        );
        let text = fs::read_to_string(series.join(&name)).unwrap();
        assert!(
            text.contains(&format!("number: {}\n", i + 2))
                && text.contains(&format!("date: {date}\n")),
            "{text}"
        );
        let build = run_in(&series, &["build", &name], None);
        assert!(build.status.success(), "{}", stderr(&build));
    }
}

#[test]
fn new_counts_on_from_the_same_kind_and_refuses_to_overwrite() {
    let dir = folder(&[
        ("series.yaml", "name: 系列\nunit: 办\n"),
        (
            "2024-09.yaml",
            "number: 9\ntotal_number: 127\ndate: 2024-09-20\ncolumns:\n  - name: 工作交流\n    articles: [{title: 甲, body: [正文。]}]\nfooter:\n  extra_to: 某部\n  print_run: 80\n",
        ),
        (
            "2024-zk02.yaml",
            "kind: supplement\nnumber: 2\ndate: 2024-10-15\narticles: [{title: 乙, body: [正文。]}]\n",
        ),
    ]);
    let out = run_in(dir.path(), &["new", "--date", "2024-10-20"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = fs::read_to_string(dir.path().join("2024-10.yaml")).unwrap();
    assert!(
        text.contains("number: 10\ntotal_number: 128\n"),
        "regular count goes on past the supplement: {text}"
    );
    assert!(text.contains("- name: 工作交流"), "{text}");
    assert!(
        text.contains("print_run: 80") && !text.contains("extra_to"),
        "settings carried, 本期增发 not: {text}"
    );
    let out = run_in(
        dir.path(),
        &["new", "--date", "2024-10-21", "--supplement"],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        fs::read_to_string(dir.path().join("2024-zk03.yaml"))
            .unwrap()
            .contains("number: 3\nkind: supplement\n")
    );
    // A new year starts at 1.
    let out = run_in(dir.path(), &["new", "--date", "2025-01-10"], None);
    assert!(out.status.success());
    assert!(
        fs::read_to_string(dir.path().join("2025-01.yaml"))
            .unwrap()
            .contains("number: 1\ntotal_number: 129\n")
    );
    // An existing file is never replaced.
    fs::write(dir.path().join("2025-02.yaml"), "mine").unwrap();
    let out = run_in(dir.path(), &["new", "--date", "2025-01-17"], None);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        fs::read_to_string(dir.path().join("2025-02.yaml")).unwrap(),
        "mine"
    );
}

/// The schema a YAML file's first line names, resolved against the file's
/// folder as VS Code's YAML extension resolves it, compiled.
fn schema_named_by(file: &std::path::Path) -> jsonschema::Validator {
    let text = fs::read_to_string(file).unwrap();
    let first = text.lines().next().unwrap_or_default();
    let path = first
        .strip_prefix("# yaml-language-server: $schema=")
        .unwrap_or_else(|| panic!("{}: no schema line but {first:?}", file.display()));
    assert!(
        path.starts_with("./"),
        "a path beside the file, not a URL: {path}"
    );
    let schema = file.parent().unwrap().join(path);
    let value: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(&schema).unwrap_or_else(|e| panic!("{}: {e}", schema.display())),
    )
    .unwrap();
    jsonschema::draft7::new(&value).expect("a valid draft-07 schema")
}

/// Whether `file` is valid against the schema its first line names.
fn valid_by_its_schema_line(file: &std::path::Path) -> Result<(), Vec<String>> {
    let schema = schema_named_by(file);
    let value: serde_json::Value =
        serde_saphyr::from_str(&fs::read_to_string(file).unwrap()).unwrap();
    let errors: Vec<String> = schema.iter_errors(&value).map(|e| e.to_string()).collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

#[test]
fn init_puts_schemas_beside_the_series_and_new_carries_the_schema_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(dir.path(), &["init", "简报", "--date", "2025-03-01"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let series = dir.path().join("简报");
    // The files are the current schemas: what `jianbao schema` prints.
    for (args, file) in [
        (&["schema"][..], "bulletin.schema.json"),
        (&["schema", "--series"][..], "series.schema.json"),
    ] {
        let printed = run_in(dir.path(), args, None);
        assert_eq!(
            fs::read(series.join(file)).unwrap(),
            printed.stdout,
            "{file}"
        );
    }
    // Each line names the schema of its kind of file, and the file passes it.
    for file in ["series.yaml", "2025-01.yaml"] {
        valid_by_its_schema_line(&series.join(file)).unwrap_or_else(|e| panic!("{file}: {e:?}"));
    }
    // The schemas named check: a misspelt key fails the issue's, an issue
    // key fails the series'.
    let issue = fs::read_to_string(series.join("2025-01.yaml")).unwrap();
    let misspelt: serde_json::Value =
        serde_saphyr::from_str(&issue.replace("title:", "titel:")).unwrap();
    assert!(!schema_named_by(&series.join("2025-01.yaml")).is_valid(&misspelt));
    assert!(
        !schema_named_by(&series.join("series.yaml")).is_valid(&serde_json::json!({"number": 1}))
    );

    // `new` carries the line on, and the next issue passes its schema.
    let out = run_in(&series, &["new", "--date", "2025-03-08"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    valid_by_its_schema_line(&series.join("2025-02.yaml")).unwrap();
    // From an issue that lost its line, while the schema lies beside it.
    let second = series.join("2025-02.yaml");
    let text = fs::read_to_string(&second).unwrap();
    fs::write(&second, text.split_once('\n').unwrap().1).unwrap();
    let out = run_in(&series, &["new", "--date", "2025-03-15"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    valid_by_its_schema_line(&series.join("2025-03.yaml")).unwrap();
    // No schema beside it and no line: none is made up.
    fs::remove_file(series.join("bulletin.schema.json")).unwrap();
    fs::write(&second, text.split_once('\n').unwrap().1).unwrap();
    let out = run_in(
        &series,
        &["new", "--date", "2025-03-22", "--from", "2025-02.yaml"],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        !fs::read_to_string(series.join("2025-04.yaml"))
            .unwrap()
            .contains("yaml-language-server"),
    );

    // `schema --write` puts the current schemas back (and replaces old ones).
    fs::write(series.join("series.schema.json"), "{}").unwrap();
    let out = run_in(dir.path(), &["schema", "--write", "简报"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    for file in ["2025-01.yaml", "2025-03.yaml", "series.yaml"] {
        valid_by_its_schema_line(&series.join(file)).unwrap_or_else(|e| panic!("{file}: {e:?}"));
    }
    assert_eq!(
        fs::read(series.join("series.schema.json")).unwrap(),
        run_in(dir.path(), &["schema", "--series"], None).stdout
    );
    // Into a folder that is not there: a located error, nothing written.
    let out = run_in(dir.path(), &["schema", "--write", "无此文件夹"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("无此文件夹"), "{}", stderr(&out));
    assert!(!dir.path().join("无此文件夹").exists());
}

#[test]
fn new_keeps_a_schema_line_of_the_users_own() {
    let dir = folder(&[
        ("schemas/bulletin.schema.json", "{}"),
        ("series/series.yaml", "name: 系列\nunit: 办\n"),
        (
            "series/2024-09.yaml",
            "# 一条说明\n# yaml-language-server: $schema=../schemas/bulletin.schema.json\nnumber: 9\ndate: 2024-09-20\narticles: [{title: 甲, body: [正文。]}]\n",
        ),
    ]);
    let out = run_in(
        &dir.path().join("series"),
        &["new", "--date", "2024-10-20"],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = fs::read_to_string(dir.path().join("series/2024-10.yaml")).unwrap();
    assert!(
        text.starts_with("# yaml-language-server: $schema=../schemas/bulletin.schema.json\n"),
        "{text}"
    );
}

/// Issue 20: `new` pasted column names into the YAML unquoted, so a name
/// holding `: ` (or starting with `#`, or reading as a boolean) made a next
/// issue that did not read, or read as another name.
#[test]
fn new_quotes_column_names_that_yaml_would_misread() {
    let names = ["经验: 做法", "#热点", "yes", "2024", "工作交流"];
    let columns: String = names
        .iter()
        .map(|n| {
            format!(
                "  - name: {}\n    articles: [{{title: 甲, body: [正文。]}}]\n",
                serde_json::to_string(n).unwrap()
            )
        })
        .collect();
    let dir = folder(&[
        ("series.yaml", "name: 系列\nunit: 办\n"),
        (
            "2024-09.yaml",
            &format!("number: 9\ndate: 2024-09-20\ncolumns:\n{columns}"),
        ),
    ]);
    let out = run_in(dir.path(), &["new", "--date", "2024-10-20"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let next = jianbao::input::load(&jianbao::input::Input::Path(
        dir.path().join("2024-10.yaml"),
    ))
    .unwrap_or_else(|e| panic!("the next issue reads: {}", e.failure()));
    let read: Vec<String> = next
        .issue
        .columns
        .iter()
        .map(|c| {
            c.name
                .as_ref()
                .map(|n| n.as_str().to_string())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(read, names);
}
