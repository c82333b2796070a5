//! The character grid, measured on the laid-out pages: every Chinese
//! character and full-width mark of a body line stands in one of 28 cells
//! (its left edge at LEFT + k × 156/28 mm, ±0.1 mm), a full line holds 28,
//! no line begins with a closing mark or ends with an opening one, and a
//! page still holds 22 lines.

use proptest::prelude::*;

use crate::support::{Page, folder, layout, one_article, pages, sample, samples};

const LEFT: f64 = 28.0;
const RIGHT: f64 = 28.0 + 156.0;
const CELL: f64 = 156.0 / 28.0;
const TOLERANCE: f64 = 0.1;

const CLOSING: &str = "，。、；：？！）》」』”’…—";
const OPENING: &str = "（《「『“‘【";

fn is_wide(c: char) -> bool {
    jianbao::model::is_wide(c)
}

/// The gridded lines of a page: 16 pt lines below the masthead's red rule
/// on the first page; in the samples, only those that begin at the left
/// edge or two cells in (their subtitles and sources are centred).
fn grid_lines(page: &Page, first: bool) -> Vec<(f64, Vec<(char, f64)>)> {
    lines_of(page, first, true)
}

fn lines_of(page: &Page, first: bool, from_the_edge: bool) -> Vec<(f64, Vec<(char, f64)>)> {
    let rule = page
        .rects
        .iter()
        .filter(|r| r.cmyk.is_some() && r.w > 150.0)
        .map(|r| r.y)
        .fold(0.0, f64::max);
    page.glyph_lines()
        .into_iter()
        .filter(|(y, _)| !first || *y > rule)
        .filter(|(_, glyphs)| {
            !from_the_edge
                || glyphs.first().is_some_and(|&(_, x)| {
                    (x - LEFT).abs() < 0.2 || (x - LEFT - 2.0 * CELL).abs() < 0.2
                })
        })
        .collect()
}

/// How far each wide glyph stands from its cell boundary, with what it is.
fn offsets(pages: &[Page], from_the_edge: bool) -> Vec<(f64, String)> {
    let mut out = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        for (y, glyphs) in lines_of(page, i == 0, from_the_edge) {
            for &(c, x) in glyphs.iter().filter(|(c, _)| is_wide(*c)) {
                let k = ((x - LEFT) / CELL).round();
                let line: String = glyphs.iter().map(|g| g.0).collect();
                out.push((
                    (x - LEFT - k * CELL).abs(),
                    format!("page {} y {y:.1}: `{c}` at {x:.2} mm in {line}", i + 1),
                ));
            }
        }
    }
    out
}

/// Every wide glyph of the gridded lines within the tolerance of its cell;
/// `from_the_edge` as in [`lines_of`]; at least `least` glyphs measured.
fn assert_on_grid(pages: &[Page], what: &str, from_the_edge: bool, least: usize) {
    let all = offsets(pages, from_the_edge);
    assert!(
        all.len() >= least,
        "{what}: too few glyphs measured ({})",
        all.len()
    );
    if all.is_empty() {
        return;
    }
    let worst = all.iter().max_by(|a, b| a.0.total_cmp(&b.0)).unwrap();
    assert!(
        worst.0 <= TOLERANCE,
        "{what}: {:.3} mm off the grid: {}",
        worst.0,
        worst.1
    );
}

fn assert_line_rules(pages: &[Page], what: &str) {
    for (i, page) in pages.iter().enumerate() {
        for (_, glyphs) in grid_lines(page, i == 0) {
            let line: String = glyphs.iter().map(|g| g.0).collect();
            let line = line.trim();
            assert!(
                !line.starts_with(|c| CLOSING.contains(c)),
                "{what}: a line begins with a closing mark: {line}"
            );
            assert!(
                !line.ends_with(|c| OPENING.contains(c)),
                "{what}: a line ends with an opening mark: {line}"
            );
            // Wide glyphs only: a half-width run centred in the last cell
            // may reach past its middle.
            let past = glyphs
                .iter()
                .filter(|(c, x)| is_wide(*c) && *x > RIGHT - CELL / 2.0)
                .count();
            assert!(
                past <= 1,
                "{what}: more than one cell past the edge: {line}"
            );
        }
    }
}

#[test]
fn every_body_character_of_every_sample_stands_in_a_cell() {
    for path in samples() {
        let (_, doc) = layout(&sample(path));
        let all = pages(&doc);
        assert_on_grid(&all, path, true, 40);
        assert_line_rules(&all, path);
    }
}

/// An issue whose one article holds `paragraphs`, then `style`.
fn issue_with(paragraphs: &[String], style: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    one_article(paragraphs, style)
}

#[test]
fn punctuation_is_never_squeezed_so_a_full_line_holds_28() {
    let text = "推进工作，落实责任、强化措施；确保成效。".repeat(12);
    let (_dir, path) = issue_with(&[text], "");
    let (_, doc) = layout(&path);
    let all = pages(&doc);
    assert_on_grid(&all, "punctuation", false, 200);
    assert_line_rules(&all, "punctuation");
    let lines = grid_lines(&all[0], true);
    for (_, glyphs) in &lines[..lines.len() - 1] {
        let inside = glyphs
            .iter()
            .filter(|(c, x)| is_wide(*c) && *x < RIGHT - CELL / 2.0)
            .count();
        let first = glyphs[0].1;
        let expected = if (first - LEFT).abs() < 0.2 { 28 } else { 26 };
        assert_eq!(
            inside,
            expected,
            "{:?}",
            glyphs.iter().map(|g| g.0).collect::<String>()
        );
    }
}

#[test]
fn digits_and_latin_keep_the_next_character_on_the_grid() {
    let text = "2023年全县完成投资14.2%，PM2.5平均浓度下降，GDP增长5.1个百分点。".repeat(5);
    let (_dir, path) = issue_with(&[text], "");
    let (_, doc) = layout(&path);
    let all = pages(&doc);
    assert_on_grid(&all, "digits and Latin", false, 100);
    assert_line_rules(&all, "digits and Latin");
}

#[test]
fn a_mark_that_would_begin_a_line_hangs_or_moves_down_with_a_character() {
    // 26 characters fill the first line (indented 2); the comma comes next.
    let text = format!("{}，此后还有一些文字。", "字".repeat(26));
    let (_dir, path) = issue_with(std::slice::from_ref(&text), "");
    let (_, doc) = layout(&path);
    let all = pages(&doc);
    let lines = grid_lines(&all[0], true);
    let (_, first) = &lines[0];
    assert_eq!(first.last().unwrap().0, '，', "the comma hangs");
    assert!(
        (first.last().unwrap().1 - RIGHT).abs() < TOLERANCE,
        "one cell past the edge"
    );
    // Spread: a character moves down with the comma; the line is spread.
    let (_dir, path) = issue_with(&[text], "style:\n  hanging_punctuation: false\n");
    let (_, doc) = layout(&path);
    let all = pages(&doc);
    let lines = grid_lines(&all[0], true);
    assert!(
        lines[1]
            .1
            .iter()
            .map(|g| g.0)
            .collect::<String>()
            .starts_with("字，")
    );
    let last = lines[0].1.last().unwrap().1;
    assert!(
        last < RIGHT && last > RIGHT - CELL - 0.5,
        "the line is spread to the edge: {last}"
    );
    assert_line_rules(&all, "spread");
}

#[test]
fn a_mark_hangs_after_a_half_width_run_that_ends_the_line() {
    // Found by the property test: Latin in the 28th cell, then a comma.
    let text = format!("{}ot，后面还有文字。", "字".repeat(25));
    let (_dir, path) = issue_with(&[text], "");
    let (_, doc) = layout(&path);
    let all = pages(&doc);
    assert_on_grid(&all, "half-width run then a hanging mark", false, 30);
    assert_line_rules(&all, "half-width run then a hanging mark");
}

#[test]
fn the_typst_grid_style_keeps_typst_justification() {
    let text = "推进工作，落实责任、强化措施；确保成效。".repeat(12);
    let (_dir, path) = issue_with(&[text], "style:\n  grid: typst\n");
    let (_, doc) = layout(&path);
    let all = pages(&doc);
    // Typst squeezes punctuation: some full line holds more than 28.
    let lines = grid_lines(&all[0], true);
    assert!(
        lines
            .iter()
            .any(|(_, g)| g.iter().filter(|(c, _)| is_wide(*c)).count() > 28),
        "typst's justification is used"
    );
}

fn paragraph() -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec(
        prop_oneof![
            6 => "[国家机关工作人员认真学习贯彻落实各项部署要求推动高质量发展]{1,8}",
            2 => "[，。、；：？！]",
            1 => "[（《“][一二三四五六]{1,4}[）》”]",
            1 => "[0-9]{1,4}",
            1 => "[A-Za-z]{1,5}",
            1 => "……|——",
        ],
        5..60,
    );
    pieces.prop_map(|p| format!("国{}", p.concat()))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn generated_paragraphs_stand_on_the_grid(paragraphs in prop::collection::vec(paragraph(), 1..4)) {
        let (_dir, path) = issue_with(&paragraphs, "");
        let (_, doc) = layout(&path);
        let all = pages(&doc);
        let wide = paragraphs.iter().flat_map(|p| p.chars()).filter(|c| is_wide(*c)).count();
        assert_on_grid(&all, "generated", false, wide);
        assert_line_rules(&all, "generated");
    }
}

#[test]
fn the_caption_of_a_photo_on_its_own_stands_in_whole_cells() {
    let issue = "name: 测试简报\nunit: 测试办\nnumber: 1\ndate: 2024-01-05\narticles:\n  - title: 标题\n    body:\n      - 正文第一段。\n      - photo: p.png\n        width: 0.5\n        caption: 志愿者在社区开展活动（摄影：王某）\n";
    let dir = folder(&[("i.yaml", issue)]);
    let mut png = Vec::new();
    image::DynamicImage::ImageRgb8(image::RgbImage::new(30, 20))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    std::fs::write(dir.path().join("p.png"), png).unwrap();
    let (_, doc) = layout(&dir.path().join("i.yaml"));
    let all = pages(&doc);
    let caption = all[0]
        .glyph_lines()
        .into_iter()
        .find(|(_, g)| g.iter().any(|(c, _)| *c == '志'))
        .expect("the caption's line");
    let chars = caption.1.iter().filter(|(c, _)| is_wide(*c)).count();
    for &(c, x) in caption.1.iter().filter(|(c, _)| is_wide(*c)) {
        let k = ((x - LEFT) / CELL).round();
        assert!(
            (x - LEFT - k * CELL).abs() <= TOLERANCE,
            "`{c}` at {x:.2} mm is off the grid"
        );
    }
    // Centred: as many whole cells before it as after it (one more after when odd).
    let first = ((caption.1[0].1 - LEFT) / CELL).round() as usize;
    assert_eq!(first, (28 - chars) / 2, "centred in whole cells");
}
