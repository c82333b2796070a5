//! Fidelity: positions and sizes in millimetres against format.md
//! (GB/T 9704 page and grid; bulletin masthead and footer), ±0.5 mm unless
//! a tighter figure is the point of the test.

use crate::support::{folder, layout, near, one_article, pages, sample, samples};

/// Type area: 28 mm from the left, 37 mm from the top, 156 × 225 mm.
const LEFT: f64 = 28.0;
const RIGHT: f64 = 28.0 + 156.0;
const TOP: f64 = 37.0;
const BOTTOM: f64 = 37.0 + 225.0;
/// The fixed line pitch, 28.95 pt.
const PITCH: f64 = 28.95 * 25.4 / 72.0;
/// One 字 of 四号 (14 pt).
const SIHAO: f64 = 14.0 * 25.4 / 72.0;
/// C0 M80 Y80 K0.
const RED: [f32; 4] = [0.0, 0.8, 0.8, 0.0];

fn is_red(cmyk: Option<[f32; 4]>) -> bool {
    cmyk.is_some_and(|c| c.iter().zip(RED).all(|(a, b)| (a - b).abs() < 0.01))
}

#[test]
fn pages_are_a4() {
    let (_, doc) = layout(&sample("linjiang/2024-09.yaml"));
    for page in doc.pages() {
        near(page.frame.width().to_mm(), 210.0, 0.01, "page width");
        near(page.frame.height().to_mm(), 297.0, 0.01, "page height");
    }
}

/// Characters of the plain-body fixture (no punctuation, no Latin).
const PLAIN: &str = "国家机关工作人员认真学习贯彻落实各项部署要求推动高质量发展";

/// An issue whose one article is `chars` characters of plain body text.
fn plain_issue(chars: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    one_article(&[PLAIN.chars().cycle().take(chars).collect()], "")
}

#[test]
fn body_fills_the_type_area_on_a_fixed_grid() {
    let (_dir, path) = plain_issue(1600);
    let (_, doc) = layout(&path);
    let page = &pages(&doc)[1];
    let lines = page.body_lines();
    assert_eq!(lines.len(), 22, "22 lines on a full page");
    // The first line box starts at the top of the type area: its baseline is
    // 0.8 em plus half the leading below it.
    near(
        lines[0].0,
        TOP + (0.8 * 16.0 + (28.95 - 16.0) / 2.0) * 25.4 / 72.0,
        0.05,
        "first baseline",
    );
    for pair in lines.windows(2) {
        near(pair[1].0 - pair[0].0, PITCH, 0.02, "line pitch");
    }
    assert!(
        lines.last().unwrap().0 < BOTTOM,
        "last line inside the type area"
    );
    let left = lines.iter().map(|l| l.1).fold(f64::MAX, f64::min);
    let right = lines.iter().map(|l| l.2).fold(0.0, f64::max);
    near(left, LEFT, 0.5, "left edge of the type area");
    near(right, RIGHT, 0.5, "right edge of the type area");
    // Every line of the page reaches both edges (the paragraph goes on).
    for line in &lines {
        near(line.1, LEFT, 0.1, "line start");
        near(line.2, RIGHT, 0.1, "justified line end");
    }
    // Body text: 三号 (16 pt) 仿宋.
    for run in page.runs.iter().filter(|r| (r.size_pt - 16.0).abs() < 0.01) {
        assert_eq!(run.family, "FandolFang R");
    }
    // The paragraph's first line, on page 1, is indented 2 字.
    let first = pages(&doc)[0]
        .body_lines()
        .into_iter()
        .find(|l| l.3.starts_with("国家"))
        .unwrap();
    near(
        first.1,
        LEFT + 2.0 * 16.0 * 25.4 / 72.0,
        0.3,
        "2-字 first-line indent",
    );
    for run in &page.runs {
        if (run.size_pt - 16.0).abs() < 0.01 {
            assert!(
                run.x >= LEFT - 0.5 && run.x + run.width <= RIGHT + 0.5,
                "{run:?} outside the type area"
            );
        }
    }
}

#[test]
fn a_line_holds_28_characters() {
    let (_dir, path) = plain_issue(400);
    let (_, doc) = layout(&path);
    let lines: Vec<_> = pages(&doc)
        .iter()
        .flat_map(|p| p.body_lines())
        .filter(|l| l.3.chars().all(|c| PLAIN.contains(c)))
        .collect();
    assert!(lines.len() >= 10, "{} lines", lines.len());
    // The first line (indented 2 字) holds 26, the last may be short; all others 28.
    assert_eq!(lines[0].3.chars().count(), 26);
    for line in &lines[1..lines.len() - 1] {
        assert_eq!(line.3.chars().count(), 28, "{line:?}");
    }
}

#[test]
fn masthead_is_in_order_red_and_fitted() {
    let (_, doc) = layout(&sample("linjiang/2024-09.yaml"));
    let page = &pages(&doc)[0];
    let mark = page.find("工作资料")[0];
    let name = page.find("临江文明实践简报")[0];
    let number = page.find("第 9 期")[0];
    let total = page.find("总第 127 期")[0];
    let unit = page.find("临江市文明办")[0];
    let date = page.find("2024 年 9 月 20 日")[0];

    // Handling mark: top left, 三号 黑体.
    near(mark.x, LEFT, 0.1, "handling mark x");
    assert_eq!(mark.family, "FandolHei");
    near(mark.size_pt, 16.0, 0.01, "handling mark size");
    near(
        mark.y - mark.size_pt * 0.8 * 25.4 / 72.0 - (28.95 - 16.0) / 2.0 * 25.4 / 72.0,
        TOP,
        0.1,
        "handling mark on the first grid line",
    );

    // Name: red, 小标宋, centred, fitted to the 156 mm width.
    assert!(is_red(name.cmyk), "name colour {:?}", name.cmyk);
    assert_eq!(name.family, "FandolSong");
    near(name.width, 156.0, 0.5, "name width");
    near(
        name.x + name.width / 2.0,
        (LEFT + RIGHT) / 2.0,
        0.5,
        "name centred",
    );
    assert!(name.size_pt >= 36.0, "name at least 小初: {}", name.size_pt);

    // Order, top to bottom.
    assert!(mark.y < name.y && name.y < number.y && number.y < total.y && total.y < unit.y);
    near(
        number.x + number.width / 2.0,
        (LEFT + RIGHT) / 2.0,
        0.5,
        "issue number centred",
    );
    near(unit.x, LEFT, 0.1, "unit flush left");
    near(date.x + date.width, RIGHT, 0.1, "date flush right");
    near(unit.y, date.y, 0.01, "unit and date on one line");

    // The red rule: across the type area, 1.5 pt, 4 mm below the unit/date line.
    let rule = page
        .rects
        .iter()
        .find(|r| is_red(r.cmyk))
        .expect("a red rule");
    near(rule.x, LEFT, 0.1, "rule left");
    near(rule.w, 156.0, 0.1, "rule width");
    near(rule.h, 1.5 * 25.4 / 72.0, 0.01, "rule thickness");
    near(
        rule.y + rule.h / 2.0 - unit.y,
        4.0,
        0.5,
        "rule 4 mm below the unit/date line",
    );
}

#[test]
fn a_short_name_stays_at_the_maximum_size_and_centred() {
    let (_, doc) = layout(&sample("brief/issue.yaml"));
    let page = &pages(&doc)[0];
    let name = page.find("云溪政务要情")[0];
    near(name.size_pt, 60.0, 0.01, "name size");
    near(
        name.x + name.width / 2.0,
        (LEFT + RIGHT) / 2.0,
        0.5,
        "name centred",
    );
    assert!(is_red(name.cmyk));
}

#[test]
fn titles_are_erhao_and_centred() {
    let (loaded, doc) = layout(&sample("linjiang/2024-09.yaml"));
    let all = pages(&doc);
    let first = loaded.issue.articles().next().unwrap().title.0.clone();
    let phrase = first.split(' ').next().unwrap();
    let run = all
        .iter()
        .flat_map(|p| &p.runs)
        .find(|r| r.text.contains(phrase) && (r.size_pt - 22.0).abs() < 0.01)
        .expect("the first title at 22 pt");
    assert_eq!(run.family, "FandolSong");
    // Each title line is centred; the line is made of phrase boxes, so check
    // the line as a whole.
    let line: Vec<_> = all
        .iter()
        .flat_map(|p| &p.runs)
        .filter(|r| (r.y - run.y).abs() < 0.01 && (r.size_pt - 22.0).abs() < 0.01)
        .collect();
    let left = line.iter().map(|r| r.x).fold(f64::MAX, f64::min);
    let right = line.iter().map(|r| r.x + r.width).fold(0.0, f64::max);
    near(
        (left + right) / 2.0,
        (LEFT + RIGHT) / 2.0,
        0.5,
        "title centred",
    );
}

#[test]
fn page_numbers_sit_7mm_below_the_type_area_outside_edges() {
    let (_, doc) = layout(&sample("linjiang/2024-09.yaml"));
    let all = pages(&doc);
    assert!(all.len() >= 3);
    for (i, page) in all.iter().enumerate() {
        let n = i + 1;
        let label = format!("— {n} —");
        let run = page
            .runs
            .iter()
            .find(|r| r.text.replace(' ', "") == label.replace(' ', "") || r.text == label)
            .unwrap_or_else(|| {
                panic!(
                    "page {n} has no number: {:?}",
                    page.runs.iter().rev().take(3).collect::<Vec<_>>()
                )
            });
        near(run.size_pt, 14.0, 0.01, "page number size");
        near(
            run.y - run.ink_top,
            BOTTOM + 7.0,
            0.5,
            "top of the dash 7 mm below the type area",
        );
        if n % 2 == 1 {
            near(
                run.x + run.width,
                RIGHT - SIHAO,
                0.5,
                "odd page: flush right less 1 字",
            );
        } else {
            near(run.x, LEFT + SIHAO, 0.5, "even page: flush left plus 1 字");
        }
    }
}

#[test]
fn footer_rules_end_on_the_bottom_of_the_type_area_of_the_last_page() {
    for path in samples() {
        let (_, doc) = layout(&sample(path));
        let all = pages(&doc);
        let last = all.last().unwrap();
        let mut rules: Vec<_> = last
            .rects
            .iter()
            .filter(|r| r.black && (r.w - 156.0).abs() < 0.1)
            .collect();
        rules.sort_by(|a, b| a.y.total_cmp(&b.y));
        assert!(rules.len() >= 3, "{path}: {} footer rules", rules.len());
        let (first, final_) = (rules[0], rules[rules.len() - 1]);
        near(
            final_.y + final_.h,
            BOTTOM,
            0.1,
            "last rule on the type-area bottom",
        );
        near(first.h, 0.35, 0.01, "first rule 0.35 mm");
        near(final_.h, 0.35, 0.01, "last rule 0.35 mm");
        for middle in &rules[1..rules.len() - 1] {
            near(middle.h, 0.25, 0.01, "rules between groups 0.25 mm");
        }
        for rule in &rules {
            near(rule.x, LEFT, 0.1, "rule spans the type area");
        }
        // Recipients: 四号, indented 1 字, continuation aligned after the colon.
        let bao = last
            .find("报：")
            .into_iter()
            .next()
            .or_else(|| last.find("报").into_iter().find(|r| r.size_pt == 14.0));
        let bao = bao.unwrap_or_else(|| panic!("{path}: no 报 line"));
        near(bao.size_pt, 14.0, 0.01, "footer size");
        near(bao.x, LEFT + SIHAO, 0.3, "footer indented 1 字");
        // The whole footer is on the last page, none of it elsewhere.
        for page in &all[..all.len() - 1] {
            assert!(
                page.find("共印").is_empty(),
                "{path}: footer split across pages"
            );
        }
        assert!(!last.find("共印").is_empty());
    }
}

#[test]
fn continuation_lines_align_after_the_colon() {
    let (_, doc) = layout(&sample("brief/issue.yaml"));
    let page = &pages(&doc)[0];
    let first = page.find("市委办公室")[0];
    let second = page.find("县委、县人大")[0];
    near(
        second.x,
        first.x,
        0.05,
        "continuation aligned with the first recipient",
    );
    assert!(
        first.x > LEFT + SIHAO + 5.0,
        "recipients start after the label"
    );
}

#[test]
fn the_one_page_issue_keeps_its_footer_on_page_one() {
    let (_, doc) = layout(&sample("brief/issue.yaml"));
    let all = pages(&doc);
    assert_eq!(all.len(), 1, "one page");
    let page = &all[0];
    // Both articles and the whole footer are on it, the footer under the text.
    let lines = page.body_lines();
    let body_end = lines.last().expect("body text on page 1").0;
    assert!(
        page.text().contains("全力应对") && page.text().contains("拉网式排查"),
        "both articles on page 1"
    );
    let report = page.find("报：");
    let run = page.find("共印 80 份");
    assert!(
        !report.is_empty() && !run.is_empty(),
        "the footer is on page 1"
    );
    assert!(report[0].y > body_end, "the footer stands under the text");
    let last_rule = page
        .rects
        .iter()
        .filter(|r| r.black && (r.w - 156.0).abs() < 0.1)
        .map(|r| r.y + r.h)
        .fold(f64::MIN, f64::max);
    near(
        last_rule,
        BOTTOM,
        0.1,
        "the footer's last rule on the type-area bottom",
    );
}

#[test]
fn a_footer_that_does_not_fit_moves_whole_to_the_next_page() {
    // 950 characters end the body on the 21st line of page 2: no room for the footer.
    let text: String = PLAIN.chars().cycle().take(950).collect();
    let issue = format!(
        "name: 测试简报\nunit: 测试办\nnumber: 1\ndate: 2024-01-02\narticles:\n  - title: 标题\n    body:\n      - {text}\nfooter:\n  report_to: [上级机关甲, 上级机关乙]\n  distribute_to: 下级单位\n  print_run: 50\n"
    );
    let dir = folder(&[("i.yaml", &issue)]);
    let (_, doc) = layout(&dir.path().join("i.yaml"));
    let all = pages(&doc);
    assert_eq!(all.len(), 3, "the footer takes a page of its own");
    assert!(
        all[1].body_lines().len() >= 20,
        "page 2 is nearly full of body text"
    );
    assert!(all[1].find("共印").is_empty() && all[1].find("上级机关").is_empty());
    let last = &all[2];
    assert!(
        last.body_lines().is_empty(),
        "no body text on the footer's page"
    );
    assert!(!last.find("上级机关甲").is_empty() && !last.find("共印 50 份").is_empty());
    let bottom = last
        .rects
        .iter()
        .filter(|r| r.black)
        .map(|r| r.y + r.h)
        .fold(0.0, f64::max);
    near(
        bottom,
        BOTTOM,
        0.1,
        "the footer sits at the bottom of its page",
    );
}

#[test]
fn contents_list_columns_then_indented_titles() {
    let (_, doc) = layout(&sample("linjiang/2024-09.yaml"));
    let page = &pages(&doc)[0];
    // On the grid the heading is three pieces: 【, the name, 】.
    let column = page.find("工作交流")[0];
    assert_eq!(column.family, "FandolHei");
    let bracket = page
        .runs
        .iter()
        .find(|r| r.text == "【" && (r.y - column.y).abs() < 0.01)
        .expect("the opening bracket on the heading's line");
    near(bracket.glyphs[0].1, LEFT, 0.3, "column heading flush left");
    // Every line of a contents entry, wrapped ones too, starts 2 字 in.
    let indent = LEFT + 2.0 * (16.0 - 0.21) * 25.4 / 72.0;
    let note = page.find("编者按")[0];
    let kai: Vec<_> = page
        .runs
        .iter()
        .filter(|r| r.family == "FandolKai" && r.y < note.y)
        .collect();
    let mut starts: Vec<(f64, f64)> = Vec::new();
    for run in kai {
        // Where the first glyph is drawn (a piece may sit inside its cells).
        let x = run.glyphs.first().map_or(run.x, |g| g.1);
        match starts.iter_mut().find(|(y, _)| (*y - run.y).abs() < 0.01) {
            Some(line) => line.1 = line.1.min(x),
            None => starts.push((run.y, x)),
        }
    }
    assert_eq!(
        starts.len(),
        7,
        "five titles, two of them wrapped: {starts:?}"
    );
    for (y, x) in starts {
        near(x, indent, 0.3, &format!("contents line at y={y:.1}"));
    }
}

#[test]
fn two_sided_printing_puts_the_footer_on_an_even_page() {
    let footer = "footer:\n  report_to: [上级机关甲, 上级机关乙]\n  distribute_to: 下级单位\n  print_run: 50\nstyle:\n  footer_on_even_page: true\n";
    let numbered = |page: &crate::support::Page| !page.find("—").is_empty();
    // A body that ends on page 1: the footer takes page 2, which has no number.
    let issue = format!(
        "name: 测试简报\nunit: 测试办\nnumber: 1\ndate: 2024-01-02\narticles:\n  - title: 标题\n    body:\n      - 正文。\n{footer}"
    );
    let dir = folder(&[("i.yaml", &issue)]);
    let (_, doc) = layout(&dir.path().join("i.yaml"));
    let all = pages(&doc);
    assert_eq!(all.len(), 2);
    assert!(all[0].find("共印").is_empty() && !all[1].find("共印 50 份").is_empty());
    assert!(
        numbered(&all[0]) && !numbered(&all[1]),
        "the footer's page has no number"
    );
    // A body that ends low on page 2: no room there, so a blank page 3 and
    // the footer on page 4, neither numbered.
    let text: String = PLAIN.chars().cycle().take(950).collect();
    let issue = format!(
        "name: 测试简报\nunit: 测试办\nnumber: 1\ndate: 2024-01-02\narticles:\n  - title: 标题\n    body:\n      - {text}\n{footer}"
    );
    let dir = folder(&[("i.yaml", &issue)]);
    let (_, doc) = layout(&dir.path().join("i.yaml"));
    let all = pages(&doc);
    assert_eq!(all.len(), 4, "a blank page before the footer's even page");
    assert!(all[2].runs.is_empty(), "page 3 is blank");
    assert!(!all[3].find("共印 50 份").is_empty());
    assert!(numbered(&all[1]) && !numbered(&all[2]) && !numbered(&all[3]));
}
