//! The body a real document holds: four heading levels and tables, in the
//! laid-out pages (faces, indents, the grid, rules in millimetres), in every
//! writer (HTML, text, Word) and back through every reader; their errors
//! and warnings located.

use std::fs;

use jianbao::model::{Block, Issue, Table};

use crate::support::{folder, layout, near, pages, run_in, sample, stderr};

/// The type area and the grid (docs/format.md §2).
const LEFT: f64 = 28.0;
const RIGHT: f64 = 28.0 + 156.0;
const TOP: f64 = 37.0;
const PITCH: f64 = 28.95 * 25.4 / 72.0;
const PT: f64 = 25.4 / 72.0;
/// The baseline of a body line in the first grid line of a page.
const FIRST_BASELINE: f64 = TOP + (0.8 * 16.0 + (28.95 - 16.0) / 2.0) * PT;
/// One cell of the character grid.
const CELL: f64 = 156.0 / 28.0;

/// Whether a 16 pt baseline stands on one of the 22 grid lines.
fn on_grid(baseline: f64) -> bool {
    let lines = (baseline - FIRST_BASELINE) / PITCH;
    (lines - lines.round()).abs() * PITCH < 0.05
}

fn tables(issue: &Issue) -> Vec<&Table> {
    issue
        .articles()
        .flat_map(|a| &a.body)
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect()
}

/// The four levels in their faces (黑体, 楷体, 仿宋, 仿宋), 16 pt, 2 字 in,
/// on the grid; the table ruled at 0.5 pt inside the type area, 14 pt text,
/// its header in 黑体, its caption centred above; the line after it back on
/// the grid.
#[test]
fn four_levels_and_a_ruled_table_measure_up() {
    let (_, doc) = layout(&sample("linjiang/2024-11.yaml"));
    let pages = pages(&doc);
    let all: Vec<_> = pages.iter().flat_map(|p| &p.runs).collect();
    let first = |needle: &str| {
        *all.iter()
            .find(|r| r.text.contains(needle))
            .unwrap_or_else(|| panic!("`{needle}` is laid out"))
    };
    // (On the character grid a mark or a half-width run is a piece of its
    // own: the runs are looked up by their Chinese text.)
    for (needle, family) in [
        ("主要做法", "FandolHei"),
        ("把居民意愿放在前头", "FandolKai"),
        ("入户征询改造意见", "FandolFang"),
        ("逐项登记", "FandolFang"),
    ] {
        let run = first(needle);
        assert!(run.family.starts_with(family), "{needle}: {}", run.family);
        near(run.size_pt, 16.0, 0.01, needle);
        assert!(on_grid(run.y), "{needle} on the grid: {}", run.y);
    }
    // Headings start 2 字 in: the number 1. in the third cell, the text in
    // the fourth.
    let heading = first("入户征询改造意见");
    near(
        heading.x,
        LEFT + 3.0 * CELL,
        0.3,
        "level 3 heading after 2 字 and its number",
    );

    let (page_index, page) = pages
        .iter()
        .enumerate()
        .find(|(_, p)| p.text().contains("表1"))
        .expect("the caption is laid out");
    let caption = page.find("表1")[0];
    assert!(
        caption.family.starts_with("FandolHei"),
        "caption face {}",
        caption.family
    );
    // The caption's line, all its runs, centred on the type area.
    let on_line: Vec<_> = page
        .runs
        .iter()
        .filter(|r| (r.y - caption.y).abs() < 0.01)
        .collect();
    let left = on_line.iter().map(|r| r.x).fold(f64::MAX, f64::min);
    let right = on_line
        .iter()
        .map(|r| r.x + r.width)
        .fold(f64::MIN, f64::max);
    near((left + right) / 2.0, LEFT + 78.0, 0.5, "caption centred");
    let header = page
        .runs
        .iter()
        .find(|r| r.text == "街道")
        .expect("the header cell 街道");
    assert!(
        header.family.starts_with("FandolHei"),
        "header face {}",
        header.family
    );
    near(header.size_pt, 14.0, 0.01, "table text size");
    let cell = page.find("东湖街道")[0];
    assert!(
        cell.family.starts_with("FandolFang"),
        "cell face {}",
        cell.family
    );
    near(cell.size_pt, 14.0, 0.01, "cell text size");

    let rules: Vec<_> = page.lines.iter().filter(|l| l.y0 > caption.y).collect();
    let horizontal: Vec<_> = rules
        .iter()
        .filter(|l| (l.y0 - l.y1).abs() < 0.01)
        .collect();
    let vertical: Vec<_> = rules
        .iter()
        .filter(|l| (l.x0 - l.x1).abs() < 0.01)
        .collect();
    // (The table runs on to the next page: here its header and a row.)
    assert!(
        horizontal.len() >= 3 && vertical.len() >= 6,
        "{} × {}",
        horizontal.len(),
        vertical.len()
    );
    for l in &rules {
        near(l.thickness, 0.5 * PT, 0.001, "rule width 0.5 pt");
        for x in [l.x0, l.x1] {
            assert!(
                (LEFT - 0.1..=RIGHT + 0.1).contains(&x),
                "rule inside the type area: {x}"
            );
        }
    }
    // Every row a whole number of grid lines: the horizontal rules stand a
    // whole number of pitches apart.
    let mut ys: Vec<f64> = horizontal.iter().map(|l| l.y0).collect();
    ys.sort_by(f64::total_cmp);
    ys.dedup_by(|a, b| (*a - *b).abs() < 0.01);
    for pair in ys.windows(2) {
        let n = (pair[1] - pair[0]) / PITCH;
        assert!(
            (n - n.round()).abs() < 0.01 && n.round() >= 1.0,
            "row height {n} pitches"
        );
    }
    // The merged header cell 改造进度 spans three columns: across its line
    // stand the table's two edges and the rules after 街道 and 计划改造 (4);
    // across the line under it, every column's (6).
    let crossing = |y: f64| {
        vertical
            .iter()
            .filter(|v| v.y0.min(v.y1) < y && v.y0.max(v.y1) > y)
            .count()
    };
    let cell = |text: &str| {
        page.runs
            .iter()
            .find(|r| r.text == text)
            .unwrap_or_else(|| panic!("the cell {text}"))
    };
    let (merged, started) = (cell("改造进度"), cell("已开工（个）"));
    assert_eq!(
        crossing(merged.y - 1.0),
        4,
        "rules across the merged cell's line"
    );
    assert_eq!(
        crossing(started.y - 1.0),
        6,
        "rules across the line under it"
    );
    // The text after the table is back on the grid.
    let after = pages[page_index..]
        .iter()
        .flat_map(|p| p.find("三、下一步打算"))
        .next()
        .expect("the heading after the table");
    assert!(on_grid(after.y), "after the table on the grid: {}", after.y);
}

/// A table longer than a page goes on on the next with its header row
/// repeated; no row is split, nothing leaves the type area.
#[test]
fn a_long_table_repeats_its_header_on_the_next_page() {
    let rows: String = (1..=40)
        .map(|i| format!("          - [第 {i} 组, {}, {}]\n", i * 3, i * 7))
        .collect();
    let issue = format!(
        "name: 测试简报\nunit: 测试办\nnumber: 1\ndate: 2024-01-02\narticles:\n  - title: 标题\n    body:\n      - 正文第一段。\n      - table:\n          caption: 表2 分组统计\n          header: [组别, 户数, 人数]\n          rows:\n{rows}      - 表后的段落。\n"
    );
    let dir = folder(&[("i.yaml", &issue)]);
    let (_, doc) = layout(&dir.path().join("i.yaml"));
    let pages = pages(&doc);
    let with_header: Vec<usize> = pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.runs.iter().any(|r| r.text == "组别"))
        .map(|(i, _)| i)
        .collect();
    assert!(with_header.len() >= 2, "the header on {with_header:?}");
    for i in &with_header {
        let page = &pages[*i];
        let header = page.runs.iter().find(|r| r.text == "组别").unwrap();
        let first_row = page
            .runs
            .iter()
            .filter(|r| r.text.starts_with('第') && r.size_pt < 15.0)
            .map(|r| r.y)
            .fold(f64::MAX, f64::min);
        assert!(
            header.y < first_row,
            "page {}: the header above the rows",
            i + 1
        );
        for line in &page.lines {
            assert!(
                line.y0.max(line.y1) <= TOP + 225.0 + 0.1,
                "page {}: a rule under the type area",
                i + 1
            );
        }
    }
    // Every row once, whole.
    let text: String = pages.iter().map(|p| p.text()).collect();
    for i in 1..=40 {
        assert_eq!(text.matches(&format!("第 {i} 组")).count(), 1, "row {i}");
    }
    let after = pages
        .iter()
        .flat_map(|p| p.find("表后的段落"))
        .next()
        .unwrap();
    assert!(on_grid(after.y), "after the table on the grid");
}

/// Numbers out of order are warnings at the heading's line, and the issue
/// still builds.
#[test]
fn headings_out_of_order_are_warnings_with_their_lines() {
    let issue = "name: 测试简报\nunit: 测试办\nnumber: 1\ndate: 2024-01-02\narticles:\n  - title: 标题\n    body:\n      - heading: 一、总体情况\n      - 正文。\n      - heading: （1）细项\n        level: 4\n      - heading: 三、下一步\n      - heading: （一）分项\n";
    let dir = folder(&[("i.yaml", issue)]);
    let out = run_in(dir.path(), &["check", "i.yaml"], None);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("stands under no level-3 heading") && err.contains("i.yaml:10:"),
        "{err}"
    );
    assert!(
        err.contains("numbered 三、 where 二、 comes next") && err.contains("i.yaml:12:"),
        "{err}"
    );
    assert!(
        err.contains("numbered as level 2 but set at level 1") && err.contains("i.yaml:13:"),
        "{err}"
    );
    // In order, nothing is said.
    let fine = "name: 测试简报\nunit: 测试办\nnumber: 1\ndate: 2024-01-02\narticles:\n  - title: 标题\n    body:\n      - heading: 一、甲\n      - heading: （一）乙\n        level: 2\n      - heading: 1.丙\n        level: 3\n      - heading: （1）丁\n        level: 4\n      - heading: （2）戊\n        level: 4\n      - heading: 2.己\n        level: 3\n      - heading: 二、庚\n      - subheading: （一）辛\n";
    let dir = folder(&[("i.yaml", fine)]);
    let out = run_in(dir.path(), &["check", "i.yaml"], None);
    assert_eq!(stderr(&out), "", "no warnings for numbers in order");
    assert_eq!(out.status.code(), Some(0));
}

/// The table in every writer: `<table>` with `<caption>`, `<th>`, spans;
/// the text a line a row; OFD its 0.5 pt rules; Word a `w:tbl` with
/// `w:tblHeader`, `w:gridSpan`, `w:vMerge` and heading styles at outline
/// levels 0–3.
#[test]
fn the_table_and_the_levels_in_html_text_and_word() {
    let dir = tempfile::tempdir().unwrap();
    let src = sample("linjiang/2024-11.yaml");
    for format in ["html", "txt", "docx", "ofd"] {
        let out = run_in(
            dir.path(),
            &["build", src.to_str().unwrap(), "-o", &format!("i.{format}")],
            None,
        );
        assert!(out.status.success(), "{format}: {}", stderr(&out));
    }
    let html = fs::read_to_string(dir.path().join("i.html")).unwrap();
    let doc = scraper::Html::parse_document(&html);
    let select = |css: &str| scraper::Selector::parse(css).unwrap();
    let table = doc
        .select(&select("article table"))
        .next()
        .expect("a <table>");
    let caption: String = table
        .select(&select("caption"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert!(caption.starts_with("表1"), "{caption}");
    let heads: Vec<String> = table
        .select(&select("thead th"))
        .map(|c| c.text().collect())
        .collect();
    assert_eq!(
        heads,
        [
            "街道",
            "计划改造（个）",
            "改造进度",
            "已开工（个）",
            "已完工（个）",
            "完工率"
        ]
    );
    let spanning = table.select(&select("th[colspan='3']")).count();
    assert_eq!(spanning, 1, "改造进度 spans three columns");
    assert_eq!(table.select(&select("th[rowspan='2']")).count(), 2);
    assert_eq!(table.select(&select("tbody tr")).count(), 6);
    for (level, tag) in [(3, "h5"), (4, "h6")] {
        assert!(
            doc.select(&select(&format!("article {tag}")))
                .next()
                .is_some(),
            "level {level} as <{tag}>"
        );
    }

    let txt = fs::read_to_string(dir.path().join("i.txt")).unwrap();
    assert!(txt.contains("\n东湖街道\t18\t17\t12\t66.7%\n"), "{txt}");
    assert!(txt.contains("\n表1 各街道"), "the caption on its line");
    assert!(txt.contains("\n1.入户征询改造意见\n") && txt.contains("\n（1）逐项登记\n"));

    // OFD draws the rules from the same pages: 0.5 pt (0.176 mm) paths.
    let ofd = fs::read(dir.path().join("i.ofd")).unwrap();
    let package = jianbao::read::package::Package::open(&ofd).unwrap();
    let rules: usize = package
        .names()
        .filter(|n| n.ends_with("Content.xml"))
        .map(|n| {
            let page = String::from_utf8(package.read(n).unwrap().unwrap()).unwrap();
            page.matches("LineWidth=\"0.176\"").count()
        })
        .sum();
    assert!(rules >= 10, "{rules} table rules in the OFD");

    let docx = fs::read(dir.path().join("i.docx")).unwrap();
    let document = crate::word::unzip(&docx, "word/document.xml");
    let styles = crate::word::unzip(&docx, "word/styles.xml");
    // The body table (the footer block is a table of its own).
    assert_eq!(
        document.matches("<w:tblHeader/>").count(),
        2,
        "two header rows repeat"
    );
    assert!(document.contains("<w:gridSpan w:val=\"3\"/>"));
    assert!(document.contains("<w:vMerge w:val=\"restart\"/>") && document.contains("<w:vMerge/>"));
    for (style, level) in [
        ("一级标题", 0),
        ("二级标题", 1),
        ("三级标题", 2),
        ("四级标题", 3),
    ] {
        let at = styles.find(&format!("w:styleId=\"{style}\"")).expect(style);
        let end = at + styles[at..].find("</w:style>").unwrap();
        assert!(
            styles[at..end].contains(&format!("<w:outlineLvl w:val=\"{level}\"/>")),
            "{style} at outline level {level}"
        );
    }
}

/// Our own outputs bring the table back whole: from the PDF (its rules and
/// the text inside) and from the Word copy (its grid), with the caption,
/// the spans, the header rows and the columns' alignment.
#[test]
fn the_table_comes_back_from_pdf_and_word() {
    let original = crate::support::model(&sample("linjiang/2024-11.yaml"));
    let want = tables(&original)[0].clone();
    for format in ["pdf", "docx"] {
        let dir = tempfile::tempdir().unwrap();
        let built = dir.path().join(format!("i.{format}"));
        let out = crate::support::run(&[
            "build",
            sample("linjiang/2024-11.yaml").to_str().unwrap(),
            "-o",
            built.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        let out = run_in(
            dir.path(),
            &["import", &format!("i.{format}"), "-o", "back.yaml"],
            None,
        );
        assert!(out.status.success(), "{format}: {}", stderr(&out));
        let back = crate::support::model(&dir.path().join("back.yaml"));
        let got = tables(&back);
        assert_eq!(got.len(), 1, "{format}: one table");
        assert_eq!(got[0], &want, "{format}: the table whole");
    }
}

/// A text table: cells a tab or two spaces apart, a 表N line its caption.
#[test]
fn a_text_table_is_read_row_by_row() {
    let text = "测试简报\n第 1 期\n测试办\n2024 年 1 月 2 日\n\n某街道推进老旧小区改造\n\n正文第一段。\n\n表1 两项指标\n\n项目  数量  占比\n甲  12  40%\n乙  18  60%\n\n正文第二段。\n";
    let dir = folder(&[("old.txt", text)]);
    let out = run_in(dir.path(), &["import", "old.txt", "-o", "i.yaml"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let issue = crate::support::model(&dir.path().join("i.yaml"));
    let t = tables(&issue);
    assert_eq!(t.len(), 1, "{issue:?}");
    assert_eq!(t[0].caption.as_deref(), Some("表1 两项指标"));
    assert_eq!(
        t[0].grid(),
        [
            ["项目", "数量", "占比"],
            ["甲", "12", "40%"],
            ["乙", "18", "60%"]
        ]
    );
    assert_eq!(t[0].header.len(), 1);
}

/// `heading_bold` sets the levels it names bold in Word (`w:b` in the
/// level's style) and in HTML, and nowhere else.
#[test]
fn heading_bold_sets_the_levels_it_names() {
    let issue = "name: 测试简报\nunit: 测试办\nnumber: 1\ndate: 2024-01-02\narticles:\n  - title: 标题\n    body:\n      - heading: 一、甲\n      - heading: （一）乙\n        level: 2\n      - heading: 1.丙\n        level: 3\n      - 正文。\nstyle:\n  heading_bold: [3]\n";
    let dir = folder(&[("i.yaml", issue)]);
    for format in ["docx", "html"] {
        let out = run_in(
            dir.path(),
            &["build", "i.yaml", "-o", &format!("i.{format}")],
            None,
        );
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let styles = crate::word::unzip(
        &fs::read(dir.path().join("i.docx")).unwrap(),
        "word/styles.xml",
    );
    let style = |name: &str| {
        let at = styles.find(&format!("w:styleId=\"{name}\"")).unwrap();
        styles[at..at + styles[at..].find("</w:style>").unwrap()].to_string()
    };
    assert!(style("三级标题").contains("<w:b/>"));
    assert!(!style("一级标题").contains("<w:b/>") && !style("二级标题").contains("<w:b/>"));
    let html = fs::read_to_string(dir.path().join("i.html")).unwrap();
    assert!(
        html.contains("<h5 class=\"bold\">1.丙</h5>") && html.contains("<h4>（一）乙</h4>"),
        "{html}"
    );
    // In the PDF the bold level's glyphs are stroked, the others not.
    let (_, doc) = layout(&dir.path().join("i.yaml"));
    let pages = pages(&doc);
    let run = |needle: &str| {
        pages
            .iter()
            .flat_map(|p| &p.runs)
            .find(|r| r.text.contains(needle))
            .unwrap_or_else(|| panic!("{needle}"))
    };
    assert!(run("丙").stroked, "level 3 is bold");
    assert!(
        !run("甲").stroked && !run("乙").stroked,
        "levels 1 and 2 are not"
    );
}

/// Another office's bulletin made in Word (fixtures/word/levels.docx, no
/// jianbao styles: four levels set by hand, a centred caption, a "Table
/// Grid" table) and LibreOffice's PDF of it, laid out with one face on the
/// machine (a fontconfig of its own): both read with the four levels apart
/// and the table whole, row by row, with its caption.
#[test]
fn another_offices_levels_and_table_come_in_from_word_and_its_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("levels.docx");
    fs::copy(
        crate::support::root().join("tests/fixtures/word/levels.docx"),
        &docx,
    )
    .unwrap();
    let want = crate::support::model(
        &crate::support::root().join("tests/fixtures/word/levels.expected.yaml"),
    );
    crate::support::soffice_in_one_face(&docx);
    for input in ["levels.docx", "levels.pdf"] {
        let yaml = format!("{input}.yaml");
        let out = run_in(dir.path(), &["import", input, "-o", &yaml], None);
        assert!(out.status.success(), "{input}: {}", stderr(&out));
        let got = crate::support::model(&dir.path().join(&yaml));
        let levels = |i: &Issue| -> Vec<(u8, String)> {
            i.articles()
                .flat_map(|a| &a.body)
                .filter_map(|b| match b {
                    Block::Heading { level, text } => Some((*level, text.clone())),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(levels(&got), levels(&want), "{input}: the four levels");
        let (t, w) = (tables(&got), tables(&want));
        assert_eq!(t.len(), 1, "{input}: one table");
        assert_eq!(t[0].caption, w[0].caption, "{input}: its caption");
        assert_eq!(
            t[0].grid(),
            w[0].grid(),
            "{input}: the table whole, row by row"
        );
    }
}
