//! 公文 (GB/T 9704-2012): the samples laid out and measured in millimetres
//! against docs/gongwen.md, format by format; the located errors of bad
//! input; the outputs a 公文 has so far.

use std::fs;
use std::path::Path;

use jianbao::input::{self, Document, Input};
use jianbao::model::gongwen::Gongwen;
use typst_layout::PagedDocument;

use crate::support::{Page, Run, env, folder, gongwen_samples, near, pages, run, sample, stderr};

/// Type area: 28 mm from the left, 37 mm from the top, 156 × 225 mm.
const LEFT: f64 = 28.0;
const RIGHT: f64 = 28.0 + 156.0;
const TOP: f64 = 37.0;
const BOTTOM: f64 = 37.0 + 225.0;
/// The grid pitch, 28.95 pt.
const PITCH: f64 = 28.95 * 25.4 / 72.0;
/// One cell of the character grid: 156 mm / 28.
const CELL: f64 = 156.0 / 28.0;
/// One 字 of 三号 and of 四号.
const SANHAO: f64 = 16.0 * 25.4 / 72.0;
const SIHAO: f64 = 14.0 * 25.4 / 72.0;
/// Where the grid line `n` (0-based) of a page begins.
fn line_top(n: usize) -> f64 {
    TOP + n as f64 * PITCH
}
/// The baseline of a 三号 line on the grid, given its line's top.
fn baseline_in(top: f64) -> f64 {
    top + (PITCH - SANHAO) / 2.0 + 0.8 * SANHAO
}

fn layout(path: &Path) -> PagedDocument {
    let Document::Gongwen(loaded) = input::load_document(&Input::Path(path.to_path_buf()))
        .unwrap_or_else(|e| panic!("{} does not load:\n{}", path.display(), e.failure()))
    else {
        panic!("{} is no 公文", path.display())
    };
    let (typeset, warnings) =
        jianbao::typeset::typeset_gongwen(env(), &loaded, &Default::default())
            .unwrap_or_else(|f| panic!("{} does not typeset:\n{f}", path.display()));
    assert!(warnings.is_empty(), "warnings: {warnings:?}");
    typeset.document
}

fn one<'a>(page: &'a Page, needle: &str) -> &'a Run {
    let found = page.find(needle);
    assert!(
        !found.is_empty(),
        "`{needle}` not on the page:\n{}",
        page.text()
    );
    found[0]
}

/// The run's left and right ink-box edges, millimetres (its advance).
fn span(run: &Run) -> (f64, f64) {
    (run.x, run.x + run.width)
}

fn is_red(run_or_rect: Option<[f32; 4]>) -> bool {
    run_or_rect.is_some_and(|c| (c[1] - 0.8).abs() < 0.01 && c[0].abs() < 0.01)
}

#[test]
fn the_samples_lay_out_without_warnings() {
    assert!(gongwen_samples().len() >= 3, "{:?}", gongwen_samples());
    for rel in gongwen_samples() {
        let doc = layout(&sample(rel));
        for page in doc.pages() {
            near(page.frame.width().to_mm(), 210.0, 0.01, "page width");
            near(page.frame.height().to_mm(), 297.0, 0.01, "page height");
        }
    }
}

/// 7.2: the head of a 文件 — 份号, 密级, 紧急 on lines 1–3; the 标志's ink
/// 35 mm under the type area's top, red, centred, within the type area; the
/// number two blank lines under it; the red separator 4 mm under it.
#[test]
fn a_file_head_stands_where_the_standard_puts_it() {
    let doc = layout(&sample("gongwen/2026-5.yaml"));
    let p = &pages(&doc)[0];
    for (i, needle) in ["000012", "秘密★1年", "加急"].into_iter().enumerate() {
        let run = one(p, needle);
        near(run.x, LEFT, 0.05, &format!("{needle} flush left"));
        near(
            run.y,
            baseline_in(line_top(i)),
            0.3,
            &format!("{needle} on line {}", i + 1),
        );
        near(run.size_pt, 16.0, 0.01, "三号");
    }
    assert!(
        one(p, "秘密").family.contains("Hei"),
        "密级 in 黑体: {}",
        one(p, "秘密").family
    );

    let mark = one(p, "住房和城乡建设局文件");
    assert!(is_red(mark.cmyk), "the 标志 is red: {:?}", mark.cmyk);
    let ink_top = mark.y - mark.ink_above;
    near(
        ink_top,
        TOP + 35.0,
        0.05,
        "标志 ink top 35 mm below the type area",
    );
    let (l, r) = span(mark);
    assert!(
        l >= LEFT - 0.05 && r <= RIGHT + 0.05,
        "标志 within the type area: {l:.2}–{r:.2}"
    );
    near((l + r) / 2.0, (LEFT + RIGHT) / 2.0, 0.3, "标志 centred");

    let number = one(p, "青建发〔2026〕5号");
    let (l, r) = span(number);
    near((l + r) / 2.0, (LEFT + RIGHT) / 2.0, 0.5, "发文字号 centred");
    // Its grid line begins after two blank lines below the 标志's ink.
    let mark_bottom = mark.y + mark.ink_below;
    let number_line = (number.y - baseline_in(TOP)) / PITCH;
    near(
        number_line,
        number_line.round(),
        0.01,
        "发文字号 on a grid line",
    );
    let gap = line_top(number_line.round() as usize) - mark_bottom;
    assert!(
        (2.0 * PITCH - 0.1..3.0 * PITCH).contains(&gap),
        "two blank lines: {gap:.2} mm"
    );

    let rule = p
        .rects
        .iter()
        .find(|r| is_red(r.cmyk) && r.w > 150.0)
        .expect("a red separator");
    near(rule.x, LEFT, 0.05, "separator from the left edge");
    near(rule.w, 156.0, 0.05, "separator the type area's width");
    near(rule.h, 1.0 * 25.4 / 72.0, 0.01, "separator 1 pt");
    // 4 mm under the lower edge of the number's characters.
    near(
        rule.y - (number.y + 0.2 * SANHAO),
        4.0,
        0.1,
        "separator 4 mm under the number",
    );

    // 7.3.1: the title 二号, centred, two blank lines under the separator.
    let title = one(p, "关于开展");
    near(title.size_pt, 22.0, 0.01, "title 二号");
    let title_line = ((title.y - baseline_in(TOP)) / PITCH).round() as usize;
    let rule_line = ((rule.y - TOP) / PITCH).floor() as usize;
    assert_eq!(
        title_line,
        rule_line + 3,
        "two blank lines between separator and title"
    );
    // 7.3.2: 主送 one blank line under the title, flush left, with its colon.
    let to = one(p, "各区县住房和城乡建设局");
    near(to.x, LEFT, 0.05, "主送 flush left");
    let lines = p.body_lines();
    let to_line = lines
        .iter()
        .position(|l| l.3.starts_with("各区县"))
        .unwrap();
    let title_last = p
        .runs
        .iter()
        .filter(|r| (r.size_pt - 22.0).abs() < 0.01)
        .map(|r| r.y)
        .fold(0.0, f64::max);
    assert!(title_last > title.y, "the sample's title takes two lines");
    near(
        title_last - title.y,
        PITCH,
        0.05,
        "title lines one pitch apart",
    );
    // Grid lines: a baseline sits 0.3 of its size under its line's middle.
    let line_of = |baseline: f64, pt: f64| baseline - PITCH / 2.0 - 0.3 * pt * 25.4 / 72.0;
    near(
        line_of(lines[to_line].0, 16.0) - line_of(title_last, 22.0),
        2.0 * PITCH,
        0.05,
        "one blank line under the title",
    );
    assert!(
        p.text().contains("市直各有关单位："),
        "主送 ends with a colon"
    );
    // 7.3.3: page 1 shows body text, 2 字 in.
    let first = &lines[to_line + 1];
    assert!(first.3.starts_with("入冬以后"), "{:?}", first.3);
    near(first.1, LEFT + 2.0 * CELL, 0.3, "body indented 2 字");
    near(
        first.0 - lines[to_line].0,
        PITCH,
        0.1,
        "body on the line after 主送",
    );
}

/// 7.3.4–7.3.6: 附件说明 2 字 in, one blank line under the text, the second
/// item under the first; the date 4 字 from the right, the 署名 centred over
/// it, the seal centred on both and its top within a line of the text; 附注
/// 2 字 in on the line after the date.
#[test]
fn the_attachment_note_signature_seal_and_note_are_placed() {
    let doc = layout(&sample("gongwen/2026-5.yaml"));
    let all = pages(&doc);
    let (n, p) = all
        .iter()
        .enumerate()
        .find(|(_, p)| p.text().contains("附件："))
        .expect("a page with the 附件说明");
    let lines = p.body_lines();
    let note = lines
        .iter()
        .position(|l| l.3.starts_with("附件："))
        .unwrap();
    near(lines[note].1, LEFT + 2.0 * CELL, 0.3, "附件说明 2 字 in");
    let second = &lines[note + 1];
    assert!(second.3.starts_with("2."), "{:?}", second.3);
    let one_x = p
        .runs
        .iter()
        .find(|r| r.text == "1.")
        .expect("the item number 1.")
        .x;
    near(second.1, one_x, 0.3, "2. under 1.");
    if note > 0 {
        near(
            lines[note].0 - lines[note - 1].0,
            2.0 * PITCH,
            0.3,
            "one blank line above 附件说明",
        );
    }

    let date = one(p, "2026年12月5日");
    let (dl, dr) = span(date);
    near(dr, RIGHT - 4.0 * CELL, 0.5, "date 4 字 from the right");
    let sig = one(p, "青山市住房和城乡建设局");
    let (sl, sr) = span(sig);
    near(
        (sl + sr) / 2.0,
        (dl + dr) / 2.0,
        0.5,
        "署名 centred over the date",
    );
    near(
        date.y - sig.y,
        PITCH,
        0.1,
        "date on the line under the 署名",
    );
    let seal = p.images.first().expect("the seal");
    near(seal.w, 42.0, 0.05, "the seal at its real size");
    near(
        seal.x + seal.w / 2.0,
        (dl + dr) / 2.0,
        0.5,
        "the seal centred on 署名 and date",
    );
    let middle = seal.y + seal.h / 2.0;
    assert!(
        middle < sig.y - 0.2 * SANHAO,
        "署名 and date a little below the seal's middle"
    );
    let above = lines[..lines
        .iter()
        .position(|l| l.3.contains("青山市住房"))
        .unwrap()]
        .last()
        .unwrap();
    let text_bottom = above.0 + 0.2 * SANHAO;
    assert!(
        (seal.y - text_bottom).abs() < PITCH,
        "the seal's top within one line of the text above: {:.2} vs {:.2}",
        seal.y,
        text_bottom
    );
    let remark = lines
        .iter()
        .find(|l| l.3 == "（此件发至县级）")
        .expect("the 附注");
    // Its opening bracket stands at the right of the third cell.
    assert_eq!(
        ((remark.1 - LEFT) / CELL).floor(),
        2.0,
        "附注 2 字 in: {:.2}",
        remark.1
    );
    near(
        remark.0 - date.y,
        PITCH,
        0.1,
        "附注 on the line after the date",
    );
    assert!(
        n == 0 || p.body_lines().len() > 4,
        "the signature shares its page with text"
    );
}

/// 7.3.7: each attachment from a new page, 附件N in 黑体 flush left on
/// line 1, its title centred on line 3; page numbers go on.
#[test]
fn attachments_start_new_pages() {
    let doc = layout(&sample("gongwen/2026-5.yaml"));
    let all = pages(&doc);
    for (label, title) in [
        ("附件1", "冬季建筑施工安全检查要点"),
        ("附件2", "联系人名单回执"),
    ] {
        let p = all
            .iter()
            .find(|p| p.runs.iter().any(|r| r.text == label))
            .unwrap_or_else(|| panic!("no page starts with {label}"));
        let head = p.runs.iter().find(|r| r.text == label).unwrap();
        near(head.x, LEFT, 0.05, "附件N flush left");
        near(head.y, baseline_in(line_top(0)), 0.3, "附件N on line 1");
        assert!(
            head.family.contains("Hei"),
            "附件N in 黑体: {}",
            head.family
        );
        let t = one(p, title);
        near(t.size_pt, 22.0, 0.01, "attachment title 二号");
        let (l, r) = span(t);
        near(
            (l + r) / 2.0,
            (LEFT + RIGHT) / 2.0,
            0.5,
            "attachment title centred",
        );
        let line = (t.y - TOP) / PITCH;
        assert!(
            (2.0..3.0).contains(&line),
            "attachment title on line 3: {line:.2}"
        );
    }
}

/// 7.4, 7.5: the record at the foot of the last page, which is even; its
/// last rule on the type area's bottom edge, 0.35/0.25 mm rules the width of
/// the type area, 四号 text 1 字 in from both sides; page numbers "— N —".
#[test]
fn the_record_closes_an_even_last_page() {
    let doc = layout(&sample("gongwen/2026-5.yaml"));
    let all = pages(&doc);
    assert_eq!(
        all.len() % 2,
        0,
        "the record on an even page: {} pages",
        all.len()
    );
    let last = all.last().unwrap();
    let mut rules: Vec<_> = last
        .rects
        .iter()
        .filter(|r| r.black && r.w > 150.0)
        .collect();
    rules.sort_by(|a, b| a.y.total_cmp(&b.y));
    assert_eq!(rules.len(), 3, "thick, thin, thick: {rules:?}");
    for r in &rules {
        near(r.x, LEFT, 0.05, "record rule from the left edge");
        near(r.w, 156.0, 0.05, "record rule width");
    }
    near(rules[0].h, 0.35, 0.01, "first rule 0.35 mm");
    near(rules[1].h, 0.25, 0.01, "middle rule 0.25 mm");
    near(rules[2].h, 0.35, 0.01, "last rule 0.35 mm");
    near(
        rules[2].y + rules[2].h,
        BOTTOM,
        0.05,
        "last rule on the type area's bottom edge",
    );
    let copy = one(last, "抄送：");
    near(copy.size_pt, 14.0, 0.01, "抄送 四号");
    near(copy.x, LEFT + SIHAO, 0.1, "抄送 1 字 in");
    assert!(
        copy.y > rules[0].y && copy.y < rules[1].y,
        "抄送 between the first two rules"
    );
    assert!(
        last.text().contains("市政协办公室。"),
        "抄送 ends with a full stop"
    );
    let issuer = one(last, "青山市住房和城乡建设局办公室");
    near(issuer.x, LEFT + SIHAO, 0.1, "印发机关 1 字 in");
    let issued = one(last, "2026年12月6日印发");
    near(
        issued.x + issued.width,
        RIGHT - SIHAO,
        0.1,
        "印发日期 1 字 from the right",
    );
    assert!(
        issued.y > rules[1].y && issued.y < rules[2].y,
        "印发 line between the last rules"
    );

    // Numbers on every page but a blank page before the record's and that page.
    let numbered: Vec<bool> = all.iter().map(|p| p.text().contains('—')).collect();
    let text_end = all
        .iter()
        .rposition(|p| !p.body_lines().is_empty() || p.runs.iter().any(|r| r.size_pt > 15.0))
        .unwrap();
    for (i, has) in numbered.iter().enumerate() {
        let blank_before = all.len() - 1 > text_end + 1;
        let expected = i <= text_end || !blank_before;
        assert_eq!(*has, expected, "page {} numbered: {numbered:?}", i + 1);
    }
}

/// 7.2.5/7.2.6: an upward document — the number 1 字 in from the left, 签发人
/// and the names 1 字 in from the right on the same line; unsealed, the
/// 署名 2 字 from the right and the date under it 2 字 right of its start.
#[test]
fn an_upward_document_has_its_signers_at_the_right() {
    let doc = layout(&sample("gongwen/2026-6.yaml"));
    let p = &pages(&doc)[0];
    let number = one(p, "青建发〔2026〕6号");
    near(number.x, LEFT + SANHAO, 0.1, "发文字号 1 字 in");
    let label = one(p, "签发人：");
    let names = one(p, "陈慧");
    near(
        names.x + names.width,
        RIGHT - SANHAO,
        0.3,
        "签发人 1 字 from the right",
    );
    near(label.y, number.y, 0.05, "签发人 on the number's line");
    assert!(
        names.family.contains("Kai"),
        "names in 楷体: {}",
        names.family
    );
    assert!(p.images.is_empty(), "unsealed: no seal");
    let all = pages(&doc);
    let sp = all
        .iter()
        .find(|p| p.text().contains("2026年12月7日"))
        .unwrap();
    let sig = sp
        .runs
        .iter()
        .find(|r| r.text == "青山市住房和城乡建设局")
        .unwrap();
    let date = one(sp, "2026年12月7日");
    near(
        sig.x + sig.width,
        RIGHT - 2.0 * CELL,
        0.5,
        "署名 2 字 from the right",
    );
    near(
        date.x,
        sig.x + 2.0 * CELL,
        0.5,
        "date 2 字 right of the 署名's start",
    );
}

/// 10.1: a letter — the organ's name 30 mm from the paper's top, red double
/// lines 170 mm long (4 mm under the name; 20 mm above the paper's bottom),
/// the number flush right under the first, no page number on page 1.
#[test]
fn a_letter_has_its_own_head() {
    let doc = layout(&sample("gongwen/2026-7.yaml"));
    let p = &pages(&doc)[0];
    let mark = one(p, "青山市住房和城乡建设局");
    assert!(is_red(mark.cmyk));
    near(
        mark.y - mark.ink_above,
        30.0,
        0.05,
        "letter 标志 30 mm from the paper's top",
    );
    assert!(!p.text().contains("文件"), "a letter's 标志 has no 文件");
    let mut red: Vec<_> = p.rects.iter().filter(|r| is_red(r.cmyk)).collect();
    red.sort_by(|a, b| a.y.total_cmp(&b.y));
    assert_eq!(red.len(), 4, "two double lines: {red:?}");
    for r in &red {
        near(r.w, 170.0, 0.05, "double line 170 mm");
        near(
            r.x + r.w / 2.0,
            (LEFT + RIGHT) / 2.0,
            0.05,
            "double line centred",
        );
    }
    assert!(red[0].h > red[1].h, "thick over thin at the top");
    assert!(red[2].h < red[3].h, "thin over thick at the foot");
    near(
        red[0].y - (mark.y + mark.ink_below),
        4.0,
        0.05,
        "first double line 4 mm under the name",
    );
    near(
        red[3].y + red[3].h,
        297.0 - 20.0,
        0.05,
        "foot line 20 mm above the paper's bottom",
    );
    let number = one(p, "青建发〔2026〕7号");
    near(number.x + number.width, RIGHT, 0.3, "number flush right");
    // The characters' top: the em box's, 0.8 of the size above the baseline.
    near(
        number.y - 0.8 * SANHAO - (red[1].y + red[1].h),
        4.94,
        0.05,
        "number 4.94 mm under the line",
    );
    assert!(
        !p.text().contains("— 1 —"),
        "no page number on a letter's first page"
    );
}

#[test]
fn bad_input_gets_located_errors_with_hints() {
    let office = "organ: 青山市住房和城乡建设局\ncode: 青建发\n";
    let base = "gongwen: 文件\ntitle: 关于测试的通知\nbody: [正文。]\ndate: 2026-01-05\n";
    let cases: &[(&str, &str, &str)] = &[
        ("secrecy: 内部\n", "no secrecy level", "2:10"),
        ("urgency: 急件\n", "no urgency mark", "2:10"),
        ("number: 青建发[2026]5号\n", "六角括号", "2:9"),
        ("number: 青建发〔2026〕05号\n", "leading zeros", "2:9"),
        ("number: 青建发2026年5号\n", "no year in 〔〕", "2:9"),
    ];
    for (extra, message, at) in cases {
        let dir = folder(&[
            ("office.yaml", office),
            (
                "doc.yaml",
                &format!("gongwen: 文件\n{extra}{}", &base["gongwen: 文件\n".len()..]),
            ),
        ]);
        let out = run(&[
            "check",
            &dir.path().join("doc.yaml").display().to_string(),
            "--lang",
            "en",
        ]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{extra}: {err}");
        assert!(err.contains(message), "{extra}: {err}");
        assert!(
            err.contains(&format!("doc.yaml:{at}")),
            "{extra} located at {at}: {err}"
        );
    }
    let dir = folder(&[
        ("office.yaml", office),
        ("doc.yaml", &base.replace("2026-01-05", "2026-02-30")),
    ]);
    let err = stderr(&run(&[
        "check",
        &dir.path().join("doc.yaml").display().to_string(),
        "--lang",
        "en",
    ]));
    assert!(
        err.contains("has no day 30") && err.contains("doc.yaml:4:7"),
        "{err}"
    );

    // A seal that is no image, and one enormous.
    let dir = folder(&[
        (
            "office.yaml",
            &format!("{office}seal: {{image: seal.png, width: 42}}\n"),
        ),
        ("seal.png", "not an image"),
        ("doc.yaml", base),
    ]);
    let err = stderr(&run(&[
        "check",
        &dir.path().join("doc.yaml").display().to_string(),
        "--lang",
        "en",
    ]));
    assert!(
        err.contains("no PNG or SVG") && err.contains("office.yaml:3"),
        "{err}"
    );
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    png.extend(20000u32.to_be_bytes());
    png.extend(20000u32.to_be_bytes());
    fs::write(dir.path().join("seal.png"), &png).unwrap();
    let err = stderr(&run(&[
        "check",
        &dir.path().join("doc.yaml").display().to_string(),
        "--lang",
        "en",
    ]));
    assert!(
        err.contains("enormous") && err.contains("20000 × 20000"),
        "{err}"
    );

    // 附件说明 and 附件 that disagree.
    let dir = folder(&[
        ("office.yaml", office),
        (
            "doc.yaml",
            &format!(
                "{base}attachment_note: [1.甲表, 2.乙表]\nattachments: [{{title: 甲表, body: [甲。]}}, {{title: 丙表, body: [丙。]}}]\n"
            ),
        ),
    ]);
    let err = stderr(&run(&[
        "check",
        &dir.path().join("doc.yaml").display().to_string(),
        "--lang",
        "en",
    ]));
    assert!(
        err.contains("`2.乙表` is not the title of attachment 2 `丙表`")
            && err.contains("doc.yaml:5:1"),
        "{err}"
    );
    // A per-document key in the office file.
    let dir = folder(&[
        ("office.yaml", &format!("{office}title: 某某\n")),
        ("doc.yaml", base),
    ]);
    let err = stderr(&run(&[
        "check",
        &dir.path().join("doc.yaml").display().to_string(),
        "--lang",
        "en",
    ]));
    assert!(
        err.contains("`title` describes one document") && err.contains("office.yaml:3:1"),
        "{err}"
    );
}

#[test]
fn a_gongwen_builds_to_text_and_the_same_pdf_bytes_twice() {
    let src = sample("gongwen/2026-5.yaml").display().to_string();
    let out = run(&["build", &src, "--format", "txt", "-o", "-"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    for needle in [
        "青建发〔2026〕5号",
        "各区县住房和城乡建设局，高新区建设管理局，市直各有关单位：",
        "附件：1.冬季建筑施工安全检查要点\n\u{3000}\u{3000}\u{3000}2.联系人名单回执",
        "2026年12月5日",
        "（此件发至县级）",
        "附件1\n",
        "抄送：市委办公室",
        "青山市住房和城乡建设局办公室\u{3000}2026年12月6日印发",
    ] {
        assert!(text.contains(needle), "`{needle}` not in:\n{text}");
    }
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.pdf"), dir.path().join("b.pdf"));
    for path in [&a, &b] {
        let out = run(&["build", &src, "-o", &path.display().to_string()]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    assert_eq!(
        fs::read(&a).unwrap(),
        fs::read(&b).unwrap(),
        "same input, same bytes"
    );
    let out = run(&[
        "build",
        &src,
        "--format",
        "docx",
        "-o",
        &dir.path().join("x.docx").display().to_string(),
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("not made for a 公文 yet"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("x.docx").exists());
}

#[test]
fn the_committed_gongwen_schemas_are_current_and_take_the_samples() {
    let dir = tempfile::tempdir().unwrap();
    for (args, file) in [
        (&["schema", "--gongwen"][..], "gongwen.schema.json"),
        (&["schema", "--office"][..], "office.schema.json"),
    ] {
        let out = crate::support::run_in(dir.path(), args, None);
        assert!(out.status.success());
        let committed = fs::read_to_string(crate::support::root().join(file)).unwrap_or_default();
        assert!(
            committed == String::from_utf8(out.stdout).unwrap(),
            "{file} is out of date: run `jianbao {}` > {file}",
            args.join(" ")
        );
    }
    let document = jsonschema::draft7::new(&jianbao::schema::gongwen()).expect("a valid schema");
    let office = jsonschema::draft7::new(&jianbao::schema::office()).expect("a valid schema");
    let value = |path: &Path| -> serde_json::Value {
        serde_saphyr::from_str(&fs::read_to_string(path).unwrap()).unwrap()
    };
    for rel in gongwen_samples() {
        let errors: Vec<String> = document
            .iter_errors(&value(&sample(rel)))
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{rel}: {errors:?}");
    }
    let errors: Vec<String> = office
        .iter_errors(&value(&sample("gongwen/office.yaml")))
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "office.yaml: {errors:?}");
    // What the reader refuses, the schema refuses too.
    for bad in [
        "gongwen: 文件\ntitle: 甲\ndate: 2026-01-05\nurgency: 急件\n",
        "gongwen: 公告\ntitle: 甲\ndate: 2026-01-05\n",
        "gongwen: 文件\ntitle: 甲\ndate: 2026-01-05\nsecrecy: 内部\n",
        "gongwen: 文件\ntitle: 甲\ndate: 2026-01-05\ncolour: red\n",
    ] {
        let v: serde_json::Value = serde_saphyr::from_str(bad).unwrap();
        assert!(
            document.iter_errors(&v).next().is_some(),
            "the schema takes {bad}"
        );
    }
}

/// 10.2: an order — the 标志 20 mm under the type area's top, the 令号
/// centred two blank lines under it, the body two blank lines under that;
/// the stamp 4 字 from the right with the title 2 字 to its left, centred
/// on it; the date a blank line under, 4 字 from the right.
#[test]
fn an_order_has_its_number_stamp_and_date_in_place() {
    let doc = layout(&sample("gongwen-zhengfu/2026-ling3.yaml"));
    let p = &pages(&doc)[0];
    let mark = one(p, "青山市人民政府令");
    assert!(is_red(mark.cmyk));
    near(
        mark.y - mark.ink_above,
        TOP + 20.0,
        0.05,
        "order 标志 20 mm under the type area's top",
    );
    let number = p.runs.iter().find(|r| r.text == "第3号").expect("the 令号");
    near(
        number.x + number.width / 2.0,
        (LEFT + RIGHT) / 2.0,
        0.5,
        "令号 centred",
    );
    let line = |baseline: f64| ((baseline - baseline_in(TOP)) / PITCH).round() as usize;
    let first = (mark.y + mark.ink_below - TOP) / PITCH;
    assert_eq!(
        line(number.y),
        first.ceil() as usize + 2,
        "two blank lines under the 标志"
    );
    let body = p.body_lines();
    let start = body
        .iter()
        .find(|l| l.3.starts_with("《青山市"))
        .expect("the body");
    assert_eq!(
        line(start.0),
        line(number.y) + 3,
        "two blank lines under the 令号"
    );
    let stamp = p.images.first().expect("the stamp");
    near(stamp.w, 24.0, 0.05, "the stamp at its size");
    near(
        stamp.x + stamp.w,
        RIGHT - 4.0 * CELL,
        0.3,
        "stamp 4 字 from the right",
    );
    let title = p.runs.iter().find(|r| r.text == "市长").expect("the title");
    near(
        stamp.x - (title.x + title.width),
        2.0 * CELL,
        0.3,
        "title 2 字 left of the stamp",
    );
    let middle = title.y - 0.3 * SANHAO;
    near(
        middle,
        stamp.y + stamp.h / 2.0,
        0.6,
        "title centred on the stamp",
    );
    let date = one(p, "2026年11月28日");
    near(
        date.x + date.width,
        RIGHT - 4.0 * CELL,
        0.3,
        "date 4 字 from the right",
    );
    assert!(
        date.y - 0.8 * SANHAO - (stamp.y + stamp.h) >= PITCH - 0.5,
        "a blank line under the stamp"
    );
}

/// 10.3: minutes — the 标志 35 mm under the type area's top; 出席, 请假,
/// 列席 2 字 in, the label in 黑体, the names wrapped after the colon.
#[test]
fn minutes_list_who_attended() {
    let doc = layout(&sample("gongwen-zhengfu/2026-jiyao12.yaml"));
    let all = pages(&doc);
    let mark = one(&all[0], "青山市人民政府常务会议纪要");
    near(
        mark.y - mark.ink_above,
        TOP + 35.0,
        0.05,
        "minutes 标志 35 mm under the type area's top",
    );
    let p = all
        .iter()
        .find(|p| p.text().contains("出席："))
        .expect("the attendance");
    let mut labels = Vec::new();
    for label in ["出席：", "请假：", "列席："] {
        let run = p
            .runs
            .iter()
            .find(|r| r.text == label)
            .unwrap_or_else(|| panic!("{label}"));
        near(run.x, LEFT + 2.0 * CELL, 0.1, &format!("{label} 2 字 in"));
        assert!(
            run.family.contains("Hei"),
            "{label} in 黑体: {}",
            run.family
        );
        labels.push(run);
    }
    assert!(
        labels.windows(2).all(|w| w[1].y > w[0].y),
        "each on its own line"
    );
    let lines = p.body_lines();
    let at = lines
        .iter()
        .position(|l| l.3.starts_with("列席："))
        .unwrap();
    let names_x = labels[2].x + labels[2].width;
    near(
        lines[at + 1].1,
        names_x,
        0.3,
        "a wrapped line aligned after the colon",
    );
}

/// 7.2.4, 7.3.5: a joint document — the organs one a line in the 标志,
/// 文件 once at their right, centred on them; each seal centred on its
/// 署名, the seals apart and within the type area, the date under the last.
#[test]
fn a_joint_document_names_and_seals_each_organ() {
    let doc = layout(&sample("gongwen-zhengfu/2026-joint.yaml"));
    let all = pages(&doc);
    let p = &all[0];
    let host = p
        .runs
        .iter()
        .find(|r| r.text == "青山市人民政府")
        .expect("host");
    let other = p
        .runs
        .iter()
        .find(|r| r.text == "青山市财政局")
        .expect("other");
    let word = p.runs.iter().find(|r| r.text == "文件").expect("文件");
    assert!(host.y < other.y, "the host first");
    for r in [host, other, word] {
        assert!(is_red(r.cmyk));
    }
    near(
        host.y - host.ink_above,
        TOP + 35.0,
        0.05,
        "joint 标志 35 mm under the type area",
    );
    assert!(
        word.x > host.x + host.width && word.x > other.x + other.width,
        "文件 at the right"
    );
    let block_middle = ((host.y - host.ink_above) + (other.y + other.ink_below)) / 2.0;
    let word_middle = ((word.y - word.ink_above) + (word.y + word.ink_below)) / 2.0;
    near(word_middle, block_middle, 0.5, "文件 centred on the names");
    let sp = all
        .iter()
        .find(|p| !p.images.is_empty())
        .expect("the seals");
    assert_eq!(sp.images.len(), 2);
    let names: Vec<&Run> = ["青山市人民政府", "青山市财政局"]
        .iter()
        .map(|n| {
            sp.runs
                .iter()
                .rfind(|r| r.text == *n && r.size_pt == 16.0)
                .expect(n)
        })
        .collect();
    let mut seals = sp.images.clone();
    seals.sort_by(|a, b| a.x.total_cmp(&b.x));
    for (seal, name) in seals.iter().zip(&names) {
        near(
            seal.x + seal.w / 2.0,
            name.x + name.width / 2.0,
            0.5,
            "seal centred on its 署名",
        );
        assert!(
            seal.x >= LEFT - 0.01 && seal.x + seal.w <= RIGHT + 0.01,
            "within the type area"
        );
    }
    assert!(
        seals[0].x + seals[0].w < seals[1].x,
        "the seals do not touch"
    );
    let date = one(sp, "2026年12月1日");
    near(
        date.x + date.width / 2.0,
        seals[1].x + seals[1].w / 2.0,
        0.5,
        "the date under the last 署名",
    );
    near(
        date.y - names[1].y,
        PITCH,
        0.05,
        "the date on the line under it",
    );
}

/// 7.3.5.5: by default the signature shares its page with body text (the
/// body's last paragraph goes with it); an office that asks for it gets the
/// signature alone under （此页无正文） on line 1 instead.
#[test]
fn the_signature_never_stands_alone_unless_the_office_asks() {
    let source = fs::read_to_string(sample("gongwen/2026-6.yaml")).unwrap();
    let office = fs::read_to_string(sample("gongwen/office.yaml")).unwrap();
    let seal = fs::read(sample("gongwen/seal.svg")).unwrap();
    let signature_page = |style: &str| {
        let dir = folder(&[
            ("office.yaml", &office),
            ("doc.yaml", &format!("{source}{style}")),
        ]);
        fs::write(dir.path().join("seal.svg"), &seal).unwrap();
        let doc = layout(&dir.path().join("doc.yaml"));
        pages(&doc)
            .into_iter()
            .find(|p| p.runs.iter().any(|r| r.text == "2026年12月7日"))
            .expect("the signature's page")
    };
    let p = signature_page("");
    let lines = p.body_lines();
    assert!(
        lines.iter().any(|l| l.3 == "妥否，请批示。"),
        "body text with the signature: {lines:?}"
    );
    assert!(!p.text().contains("此页无正文"));
    let p = signature_page("style: {no_body_page: true}\n");
    let stub = one(&p, "（此页无正文）");
    near(
        stub.y,
        baseline_in(line_top(0)),
        0.3,
        "（此页无正文） on line 1",
    );
    assert!(stub.family.contains("Kai"), "in 楷体: {}", stub.family);
    assert!(
        !p.text().contains("妥否"),
        "the body's last paragraph stays on the page before"
    );
}

/// The HTML copy: one self-contained file with the head, title, 主送,
/// body, 附件说明, signature with its seal embedded, attachments and
/// record; the source's text escaped, never markup.
#[test]
fn a_gongwen_has_a_self_contained_html_copy() {
    let out = run(&[
        "build",
        &sample("gongwen/2026-5.yaml").display().to_string(),
        "--format",
        "html",
        "-o",
        "-",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = String::from_utf8(out.stdout).unwrap();
    for needle in [
        "<p class=\"marking copy\">000012</p>",
        "<p class=\"marking\">秘密★1年</p>",
        "<span>青山市住房和城乡建设局文件</span>",
        "<p class=\"number\">青建发〔2026〕5号</p>",
        "<h2>关于开展2026年冬季建筑施工安全 专项检查的通知</h2>",
        "<p class=\"to\">各区县住房和城乡建设局，高新区建设管理局，市直各有关单位：</p>",
        "<li>1.冬季建筑施工安全检查要点</li>",
        "<img src=\"data:image/svg+xml;base64,",
        "<time datetime=\"2026-12-05\">2026年12月5日</time>",
        "<p class=\"remark\">（此件发至县级）</p>",
        "<p class=\"label\">附件2</p>",
        "<p>抄送：市委办公室",
        "<span>2026年12月6日印发</span>",
    ] {
        assert!(html.contains(needle), "`{needle}` not in the HTML");
    }
    assert!(!html.contains("<script"), "no scripts");
    // Text is data: markup in a title prints as text.
    let dir = folder(&[(
        "doc.yaml",
        "gongwen: 文件\norgan: 测试局\ntitle: \"<script>alert(1)</script>\"\nbody: ['#set text(red)']\ndate: 2026-01-05\n",
    )]);
    let out = run(&[
        "build",
        &dir.path().join("doc.yaml").display().to_string(),
        "--format",
        "html",
        "-o",
        "-",
    ]);
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(
        html.contains("&#60;script&#62;alert(1)&#60;/script&#62;") && !html.contains("<script>"),
        "{html}"
    );
    let out = run(&[
        "build",
        &dir.path().join("doc.yaml").display().to_string(),
        "--format",
        "txt",
        "-o",
        "-",
    ]);
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("#set text(red)"),
        "code is text"
    );
}

/// `init --gongwen` makes a folder that builds; `new` writes the next
/// document with the next serial of the year (1 again in a new year); the
/// files it writes check against the schemas they point at.
#[test]
fn init_and_new_make_a_gongwen_folder_and_the_next_document() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("ju");
    let f = |name: &str| folder.join(name).display().to_string();
    let out = run(&["init", "--gongwen", &f(""), "--date", "2026-12-01"]);
    assert!(out.status.success(), "{}", stderr(&out));
    for name in [
        "office.yaml",
        "2026-001.yaml",
        "gongwen.schema.json",
        "office.schema.json",
    ] {
        assert!(folder.join(name).is_file(), "{name}");
    }
    let out = run(&["build", &f("2026-001.yaml"), "--format", "txt", "-o", "-"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("某发〔2026〕1号")
    );
    let out = run(&["build", &f("2026-001.yaml"), "-o", &f("a.pdf")]);
    assert!(out.status.success(), "{}", stderr(&out));

    let out = run(&["new", &f(""), "--date", "2026-12-09"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let second = fs::read_to_string(folder.join("2026-002.yaml")).unwrap();
    assert!(second.starts_with("# yaml-language-server: $schema=./gongwen.schema.json\n"));
    assert!(
        second.contains("number: 2 ") && second.contains("date: 2026-12-09"),
        "{second}"
    );
    let out = run(&["new", &f(""), "--date", "2027-01-04"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        fs::read_to_string(folder.join("2027-001.yaml"))
            .unwrap()
            .contains("number: 1 ")
    );
    // Never over a file: init into a folder that has them changes nothing.
    let before = fs::read_to_string(folder.join("office.yaml")).unwrap();
    let out = run(&["init", "--gongwen", &f(""), "--lang", "en"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        fs::read_to_string(folder.join("office.yaml")).unwrap(),
        before
    );

    let document = jsonschema::draft7::new(&jianbao::schema::gongwen()).unwrap();
    let office = jsonschema::draft7::new(&jianbao::schema::office()).unwrap();
    let value = |name: &str| -> serde_json::Value {
        serde_saphyr::from_str(&fs::read_to_string(folder.join(name)).unwrap()).unwrap()
    };
    for name in ["2026-001.yaml", "2026-002.yaml"] {
        assert!(
            document.iter_errors(&value(name)).next().is_none(),
            "{name}"
        );
    }
    assert!(office.iter_errors(&value("office.yaml")).next().is_none());
}

fn read_expected(path: &Path) -> Gongwen {
    let text = fs::read_to_string(path).unwrap();
    jianbao::read::gongwen::read_gongwen(
        jianbao::read::yaml::Source {
            name: "expected",
            text: &text,
        },
        None,
    )
    .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// 公文 made in Word import whole — the head, title, 主送, four levels, a
/// table with its caption, attachments, 署名 and date, 附注, the record in a
/// table or a paragraph — and a plain draft's structure is recognised; each
/// imports to the YAML written by hand, and builds.
#[test]
fn word_made_gongwen_import_to_what_was_meant() {
    let fixtures = crate::support::root().join("tests/fixtures/word");
    for name in ["gongwen-notice", "gongwen-request", "gongwen-draft"] {
        let dir = tempfile::tempdir().unwrap();
        let yaml = dir.path().join(format!("{name}.yaml"));
        let out = run(&[
            "import",
            &fixtures.join(format!("{name}.docx")).display().to_string(),
            "-o",
            &yaml.display().to_string(),
        ]);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        assert!(
            stderr(&out).trim().is_empty(),
            "{name}: warnings {}",
            stderr(&out)
        );
        let got = read_expected(&yaml);
        let want = read_expected(&fixtures.join(format!("{name}.expected.yaml")));
        assert_eq!(got, want, "{name}:\n{}", fs::read_to_string(&yaml).unwrap());
        let out = run(&[
            "build",
            &yaml.display().to_string(),
            "-o",
            &dir.path().join("a.pdf").display().to_string(),
        ]);
        assert!(out.status.success(), "{name} builds: {}", stderr(&out));
    }
}

/// The 通知 sample built as `ext` and imported back: the source's model
/// and the import's.
fn round_trip(ext: &str) -> (Gongwen, Gongwen) {
    let dir = tempfile::tempdir().unwrap();
    let built = dir.path().join(format!("a.{ext}"));
    let src = sample("gongwen/2026-5.yaml");
    let out = run(&[
        "build",
        &src.display().to_string(),
        "-o",
        &built.display().to_string(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let yaml = dir.path().join("a.yaml");
    let out = run(&[
        "import",
        &built.display().to_string(),
        "-o",
        &yaml.display().to_string(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let Document::Gongwen(loaded) = input::load_document(&Input::Path(src)).unwrap() else {
        panic!("the sample is a 公文")
    };
    (read_expected(&yaml), loaded.gongwen)
}

/// Every field and text of the 通知 sample came back, but an attachment's
/// empty table rows and the tables' widths (print settings, not shown).
fn assert_same_document(back: &Gongwen, g: &Gongwen) {
    assert_eq!(
        (
            &back.copy_number,
            &back.secrecy,
            &back.urgency,
            &back.number
        ),
        (&g.copy_number, &g.secrecy, &g.urgency, &g.number)
    );
    assert_eq!((&back.title, &back.to), (&g.title, &g.to));
    let strip = |b: &[jianbao::model::Block]| -> Vec<String> {
        b.iter()
            .map(|b| {
                format!("{b:?}")
                    .split("widths")
                    .next()
                    .unwrap_or_default()
                    .to_string()
            })
            .collect()
    };
    assert_eq!(strip(&back.body), strip(&g.body));
    assert_eq!(back.attachments.len(), 2);
    assert_eq!(back.attachments[0], g.attachments[0]);
    assert_eq!(back.attachments[1].title, g.attachments[1].title);
    assert_eq!((back.date, &back.note), (g.date, &g.note));
    assert_eq!(
        (&back.copy_to, &back.issuer, back.issued),
        (&g.copy_to, &g.issuer, g.issued)
    );
    assert_eq!(
        back.signatures().collect::<Vec<_>>(),
        g.signatures().collect::<Vec<_>>()
    );
}

/// A 公文's text output imports back to the same document.
#[test]
fn a_gongwen_round_trips_through_its_text() {
    let (back, g) = round_trip("txt");
    assert_same_document(&back, &g);
}

/// A 公文's PDF imports back to the same document (the table read from its
/// rules, the grid's gaps beside digits no spaces).
#[test]
fn a_gongwen_round_trips_through_its_pdf() {
    let (back, g) = round_trip("pdf");
    assert_same_document(&back, &g);
}

/// The Word-made 通知, printed to PDF by LibreOffice (in one CJK face, as
/// the test machine has), imports to the same document as from Word.
#[test]
fn a_word_made_notice_imports_from_its_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("notice.docx");
    let fixtures = crate::support::root().join("tests/fixtures/word");
    fs::copy(fixtures.join("gongwen-notice.docx"), &docx).unwrap();
    let pdf = crate::support::soffice_in_one_face(&docx);
    let yaml = dir.path().join("notice.yaml");
    let out = run(&[
        "import",
        &pdf.display().to_string(),
        "-o",
        &yaml.display().to_string(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let got = read_expected(&yaml);
    let want = read_expected(&fixtures.join("gongwen-notice.expected.yaml"));
    assert_eq!(got, want, "{}", fs::read_to_string(&yaml).unwrap());
}

/// An archive folder of 公文 (a PDF, a Word document, a text) beside a
/// bulletin imports in one run: each to its family's YAML, each 公文 one
/// that checks on its own.
#[test]
fn an_archive_of_gongwen_and_bulletins_imports_each_to_its_family() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    fs::create_dir_all(&archive).unwrap();
    let build = |src: &Path, out: &Path| {
        let r = run(&[
            "build",
            &src.display().to_string(),
            "-o",
            &out.display().to_string(),
        ]);
        assert!(r.status.success(), "{}", stderr(&r));
    };
    build(&sample("gongwen/2026-5.yaml"), &archive.join("notice.pdf"));
    build(&sample("gongwen/2026-6.yaml"), &archive.join("request.txt"));
    build(
        &sample("linjiang/2024-09.yaml"),
        &archive.join("bulletin.txt"),
    );
    fs::copy(
        crate::support::root().join("tests/fixtures/word/gongwen-draft.docx"),
        archive.join("draft.docx"),
    )
    .unwrap();
    let out = dir.path().join("out");
    let r = run(&[
        "import",
        &archive.display().to_string(),
        "--out-dir",
        &out.display().to_string(),
        "--lang",
        "en",
    ]);
    assert!(r.status.success(), "{}", stderr(&r));
    for (yaml, gongwen) in [
        ("notice.yaml", true),
        ("request.yaml", true),
        ("draft.yaml", true),
        ("bulletin.yaml", false),
    ] {
        let text = fs::read_to_string(out.join(yaml)).unwrap();
        assert_eq!(text.starts_with("gongwen: "), gongwen, "{yaml}:\n{text}");
    }
    let check = run(&[
        "check",
        &out.join("notice.yaml").display().to_string(),
        &out.join("request.yaml").display().to_string(),
        &out.join("draft.yaml").display().to_string(),
    ]);
    assert!(check.status.success(), "{}", stderr(&check));
    let request = fs::read_to_string(out.join("request.yaml")).unwrap();
    assert!(request.contains("signers: [周立新, 陈慧]"), "{request}");
}

/// 7.4/7.5: when the record does not fit under text that ends on an even
/// page, a blank page comes before the record's page and neither carries a
/// number; one-sided printing puts the record on the last page whatever it is.
#[test]
fn a_blank_page_before_the_record_and_the_record_page_are_unnumbered() {
    let office = fs::read_to_string(sample("gongwen/office.yaml")).unwrap();
    let seal = fs::read(sample("gongwen/seal.svg")).unwrap();
    let base = fs::read_to_string(sample("gongwen/2026-6.yaml")).unwrap();
    let paragraph = "  - 补充说明：项目已完成前期论证，施工图设计已通过审查，具备开工条件。\n";
    let mut found = false;
    for n in 0..40 {
        let source = base.replacen(
            "  - 妥否，请批示。\n",
            &format!("{}  - 妥否，请批示。\n", paragraph.repeat(n)),
            1,
        );
        let dir = folder(&[("office.yaml", &office), ("doc.yaml", &source)]);
        fs::write(dir.path().join("seal.svg"), &seal).unwrap();
        let all = pages(&layout(&dir.path().join("doc.yaml")));
        let last = all.len();
        if last.is_multiple_of(2) && last >= 4 && all[last - 2].runs.is_empty() {
            found = true;
            for (i, p) in all.iter().enumerate() {
                let numbered = p.text().contains('—');
                assert_eq!(numbered, i < last - 2, "n = {n}: page {} of {last}", i + 1);
            }
            // One-sided printing: no blank page, the record on the last page of text.
            let one_sided = format!("{source}style: {{record_on_even_page: false}}\n");
            fs::write(dir.path().join("doc.yaml"), one_sided).unwrap();
            let again = pages(&layout(&dir.path().join("doc.yaml")));
            assert!(again.len() < last, "one-sided: {} pages", again.len());
            assert!(again.iter().all(|p| !p.runs.is_empty()), "no blank page");
            assert!(again.last().unwrap().text().contains("抄送："));
            break;
        }
    }
    assert!(
        found,
        "no length of the body gave a blank page before the record"
    );
}
