//! Word documents as Word makes them (tests/fixtures/word, made by its
//! make.py): the approval round read as Word's Accept All leaves it, the
//! comment kept, the revisions reported, `--strict` refusing them; office
//! bulletins with the masthead and footer in tables and text boxes; and on
//! every fixture and every sample's DOCX, every visible character of the
//! main story found in the YAML, the visible text computed by LibreOffice.

use std::fs;
use std::path::{Path, PathBuf};

use jianbao::model::{Block, Issue};
use jianbao::write::text::{TextOptions, text};

use crate::support::{root, run_in, sample, stderr};

const FIXTURES: [&str; 4] = ["approval", "tables", "textbox", "levels"];

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/word").join(name)
}

/// Imports fixture `name`.docx with the binary: the model, the YAML, stderr.
fn import(name: &str, extra: &[&str]) -> (tempfile::TempDir, std::process::Output) {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(fixture(&format!("{name}.docx")), dir.path().join("in.docx")).unwrap();
    let mut args = vec!["import", "in.docx", "-o", "out.yaml"];
    args.extend_from_slice(extra);
    let out = run_in(dir.path(), &args, None);
    (dir, out)
}

/// Field by field: (what, exact, of how many), to report and to hold at 100 %.
fn score(got: &Issue, want: &Issue) -> Vec<(&'static str, usize, usize)> {
    let mast = [
        got.handling_mark == want.handling_mark,
        got.copy_number == want.copy_number,
        got.name == want.name,
        got.kind == want.kind,
        got.number == want.number,
        got.total_number == want.total_number,
        got.unit == want.unit,
        got.date == want.date,
    ];
    let articles = |i: &Issue| -> Vec<jianbao::model::Article> {
        i.columns.iter().flat_map(|c| c.articles.clone()).collect()
    };
    let (ga, wa) = (articles(got), articles(want));
    let mut titles = 0;
    let mut bylines = (0, 0);
    let (mut paragraphs, mut leads, mut headings) = ((0, 0), (0, 0), (0, 0));
    for (k, w) in wa.iter().enumerate() {
        let g = ga.get(k);
        titles += usize::from(g.is_some_and(|g| g.title == w.title));
        for (gs, ws) in [
            (g.and_then(|g| g.source.clone()), w.source.clone()),
            (g.and_then(|g| g.subtitle.clone()), w.subtitle.clone()),
        ] {
            if ws.is_some() {
                bylines.1 += 1;
                bylines.0 += usize::from(gs == ws);
            }
        }
        for (b, block) in w.body.iter().enumerate() {
            let same = g.and_then(|g| g.body.get(b)) == Some(block);
            match block {
                Block::Paragraph { lead, .. } => {
                    paragraphs.1 += 1;
                    paragraphs.0 += usize::from(same);
                    if lead.is_some() {
                        leads.1 += 1;
                        leads.0 += usize::from(same);
                    }
                }
                Block::Heading { .. } => {
                    headings.1 += 1;
                    headings.0 += usize::from(same);
                }
                Block::Photo { .. } | Block::Table(_) => {}
            }
        }
    }
    let f = |i: &Issue| {
        let f = &i.footer;
        [
            format!("{:?}", f.report_to),
            format!("{:?}", f.copy_to),
            format!("{:?}", f.distribute_to),
            format!("{:?}", f.extra_to),
            format!("{:?}", f.registration),
            format!("{:?}", f.print_run),
            format!("{:?}", f.editor),
            format!("{:?}", f.approver),
        ]
    };
    let (gf, wf) = (f(got), f(want));
    let footer_set = wf.iter().filter(|v| *v != "None").count();
    let footer_exact = wf
        .iter()
        .zip(&gf)
        .filter(|(w, g)| *w != "None" && w == g)
        .count();
    vec![
        ("masthead fields", mast.iter().filter(|m| **m).count(), 8),
        ("titles", titles, wa.len()),
        ("sources and subtitles", bylines.0, bylines.1),
        ("paragraphs", paragraphs.0, paragraphs.1),
        ("leads", leads.0, leads.1),
        ("headings", headings.0, headings.1),
        ("footer fields", footer_exact, footer_set),
    ]
}

/// Every Word fixture imports to the model written by hand beside it,
/// field by field (the counts are printed: `--nocapture` shows them).
#[test]
fn word_documents_import_to_their_models_field_by_field() {
    for name in FIXTURES {
        let (dir, out) = import(name, &[]);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        let got = crate::support::model(&dir.path().join("out.yaml"));
        let want = crate::support::model(&fixture(&format!("{name}.expected.yaml")));
        let scores = score(&got, &want);
        let line: Vec<String> = scores
            .iter()
            .map(|(what, n, of)| format!("{what} {n}/{of}"))
            .collect();
        println!("{name}.docx: {}", line.join(", "));
        for (what, n, of) in &scores {
            assert_eq!(
                n,
                of,
                "{name}: {what}\n{}",
                fs::read_to_string(dir.path().join("out.yaml")).unwrap()
            );
        }
        assert_eq!(got, want, "{name}");
    }
}

/// The approval round: accepted as Word's 全部接受 leaves it, the revisions
/// counted with their authors in a warning, the comment in the YAML at its
/// paragraph with its author, the footnote kept as a comment, no deleted or
/// hidden text, and the symbol no font maps reported with its paragraph.
#[test]
fn the_approval_round_reads_accepted_with_its_comment_and_a_warning() {
    let (dir, out) = import("approval", &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    let yaml = fs::read_to_string(dir.path().join("out.yaml")).unwrap();
    assert!(
        err.contains("the document has 10 tracked changes by 王芳、李明 (4 insertions, 4 deletions, 1 moves, 1 formatting changes)"),
        "{err}"
    );
    assert!(err.contains("a comment by 李明"), "{err}");
    assert!(err.contains("a footnote is left out"), "{err}");
    assert!(
        err.contains("hidden text is left out: （内部统计口径）"),
        "{err}"
    );
    assert!(
        err.contains("a symbol of the font Wingdings (code F0FF)"),
        "{err}"
    );
    // The comment stands right above the paragraph it is anchored to.
    let lines: Vec<&str> = yaml.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.trim() == "# 批注（李明）：请核实最大点雨量数据。")
        .unwrap_or_else(|| panic!("no comment line\n{yaml}"));
    assert_eq!(
        lines[at + 1].trim(),
        "- lead: 提前预警，及早部署。",
        "{yaml}"
    );
    assert!(
        yaml.contains("# 脚注：物资仓库名录见县防指门户网站。"),
        "{yaml}"
    );
    for gone in [
        "96 毫米",
        "余人",
        "检查发现问题",
        "内部统计口径",
        "HYPERLINK",
        "2*2",
    ] {
        assert!(!yaml.contains(gone), "`{gone}` is in the YAML\n{yaml}");
    }
}

/// `--strict`: a clerk who wants a clean copy first is refused, and told why.
#[test]
fn strict_refuses_a_document_with_tracked_changes() {
    let (dir, out) = import("approval", &["--strict"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("tracked changes"), "{}", stderr(&out));
    assert!(!dir.path().join("out.yaml").exists());
}

/// The visible text of a document's main story as LibreOffice shows it
/// with every change accepted: its paragraphs, text boxes once, table cells.
///
/// LibreOffice's own text export is no reference here: it keeps deleted and
/// hidden text and drops text boxes. Its ODT keeps what each is: deleted
/// text moves out of the flow into `text:tracked-changes`, hidden text has
/// a style with `text:display="none"`, a text box is a frame at its anchor,
/// comments are annotations and footnotes notes (both outside the story).
fn libreoffice_text(docx: &[PathBuf], dir: &Path) -> Vec<(Vec<String>, Vec<String>)> {
    let files: Vec<&Path> = docx.iter().map(PathBuf::as_path).collect();
    let out = crate::support::soffice(dir, "odt", &files);
    docx.iter()
        .map(|d| {
            let odt = dir.join(d.file_stem().unwrap()).with_extension("odt");
            let bytes = fs::read(&odt).unwrap_or_else(|_| {
                panic!(
                    "LibreOffice made no ODT: {}",
                    String::from_utf8_lossy(&out.stderr)
                )
            });
            let content = unzip(&bytes, "content.xml");
            odt_paragraphs(&content)
        })
        .collect()
}

/// One entry of a ZIP package (the ODT).
pub(crate) fn unzip(bytes: &[u8], entry: &str) -> String {
    let package = jianbao::read::package::Package::open(bytes).unwrap();
    String::from_utf8(package.read(entry).unwrap().unwrap()).unwrap()
}

const TEXT: &str = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
const STYLE: &str = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
const OFFICE: &str = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";

/// The visible paragraphs of an ODT's content, and the texts LibreOffice
/// holds as deleted (tracked deletions) or hidden.
fn odt_paragraphs(content: &str) -> (Vec<String>, Vec<String>) {
    let doc = roxmltree::Document::parse(content).unwrap();
    let hidden: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name((STYLE, "style")))
        .filter(|n| {
            n.children().any(|c| {
                c.has_tag_name((STYLE, "text-properties"))
                    && c.attribute((TEXT, "display")) == Some("none")
            })
        })
        .filter_map(|n| n.attribute((STYLE, "name")))
        .collect();
    let body = doc
        .descendants()
        .find(|n| n.has_tag_name((OFFICE, "text")))
        .unwrap();
    let mut out = Vec::new();
    collect(body, &hidden, &mut out);
    out.retain(|p| !p.trim().is_empty());
    let deleted = doc
        .descendants()
        .filter(|n| n.has_tag_name((TEXT, "deletion")))
        .flat_map(|n| n.descendants().filter(|d| d.has_tag_name((TEXT, "p"))));
    let spans = doc.descendants().filter(|n| {
        n.has_tag_name((TEXT, "span"))
            && n.attribute((TEXT, "style-name"))
                .is_some_and(|s| hidden.contains(&s))
    });
    let gone = deleted
        .chain(spans)
        .map(|n| {
            n.descendants()
                .filter(|d| d.is_text())
                .filter_map(|d| d.text())
                .collect::<String>()
        })
        .collect();
    (out, gone)
}

/// The paragraphs under `node`, each text box's after the paragraph holding it.
fn collect(node: roxmltree::Node, hidden: &[&str], out: &mut Vec<String>) {
    for c in node.children().filter(|c| c.is_element()) {
        let name = c.tag_name().name();
        let ns = c.tag_name().namespace();
        if ns == Some(TEXT) && (name == "p" || name == "h") {
            let mut text = String::new();
            let mut boxes = Vec::new();
            inline(c, hidden, &mut text, &mut boxes);
            out.push(text);
            out.extend(boxes);
        } else if ns == Some(TEXT) && name == "tracked-changes" {
        } else {
            collect(c, hidden, out);
        }
    }
}

fn inline(node: roxmltree::Node, hidden: &[&str], text: &mut String, boxes: &mut Vec<String>) {
    for c in node.children() {
        if c.is_text() {
            text.push_str(c.text().unwrap_or(""));
            continue;
        }
        let name = c.tag_name().name();
        match (c.tag_name().namespace(), name) {
            (Some(TEXT), "s") => text.push(' '),
            (Some(TEXT), "tab") => text.push('\t'),
            (Some(TEXT), "line-break") => text.push('\n'),
            (Some(TEXT), "note") | (Some(OFFICE), "annotation") => {}
            (Some(TEXT), "span")
                if c.attribute((TEXT, "style-name"))
                    .is_some_and(|s| hidden.contains(&s)) => {}
            (Some(TEXT), _) => inline(c, hidden, text, boxes),
            _ => collect(c, hidden, boxes),
        }
    }
}

/// Text without white space, with the characters Word and the model spell
/// differently made one (a no-break hyphen, a soft hyphen).
fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{AD}')
        .map(|c| if c == '\u{2011}' { '-' } else { c })
        .collect()
}

/// Nothing lost without a word: on every Word fixture and every sample's
/// DOCX, each paragraph of the visible text (LibreOffice's, above) is found,
/// white space aside, in the imported issue's text or in the YAML's
/// comments; and none of the text LibreOffice holds as deleted or hidden is.
#[test]
fn every_visible_character_of_a_word_document_reaches_the_yaml() {
    let dir = tempfile::tempdir().unwrap();
    let mut docx: Vec<PathBuf> = FIXTURES
        .iter()
        .map(|n| {
            let to = dir.path().join(format!("{n}.docx"));
            fs::copy(fixture(&format!("{n}.docx")), &to).unwrap();
            to
        })
        .collect();
    for (k, rel) in crate::support::samples().iter().enumerate() {
        let to = dir.path().join(format!("sample{k}.docx"));
        let out = crate::support::run(&[
            "build",
            sample(rel).to_str().unwrap(),
            "-o",
            to.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        docx.push(to);
    }
    let references = libreoffice_text(&docx, dir.path());
    for (path, (reference, gone)) in docx.iter().zip(references) {
        let file = path.file_name().unwrap().to_str().unwrap();
        let yaml_name = format!("{}.yaml", path.file_stem().unwrap().to_str().unwrap());
        let out = run_in(dir.path(), &["import", file, "-o", &yaml_name], None);
        assert!(out.status.success(), "{file}: {}", stderr(&out));
        let yaml = fs::read_to_string(dir.path().join(&yaml_name)).unwrap();
        let issue = crate::support::model(&dir.path().join(&yaml_name));
        let comments: String = yaml
            .lines()
            .filter_map(|l| l.trim_start().strip_prefix('#'))
            .collect();
        let seen = squeeze(&format!(
            "{}{comments}",
            text(&issue, &TextOptions::default())
        ));
        // A symbol font's character (private use, as LibreOffice keeps it)
        // is the importer's to map: the text on either side of it must be there.
        // 报送 and 抄送 are the model's 报 and 送, written by their labels.
        let missing: Vec<&String> = reference
            .iter()
            .filter(|p| {
                let p = p
                    .replacen("报送：", "报：", 1)
                    .replacen("抄送：", "送：", 1);
                p.split(|c| ('\u{F000}'..='\u{F0FF}').contains(&c))
                    .any(|piece| !seen.contains(&squeeze(piece)))
            })
            .collect();
        assert!(
            missing.is_empty(),
            "{file}: not in the YAML: {missing:?}\n{yaml}"
        );
        assert!(reference.len() > 10, "{file}: {reference:?}");
        // What Word shows struck through or not at all stays out (a moved
        // text shows where it went, and a single character may be anywhere).
        let visible = squeeze(&reference.concat());
        let whole = squeeze(&yaml);
        for text in gone.iter().map(|g| squeeze(g)) {
            if text.chars().count() >= 2 && !visible.contains(&text) {
                assert!(
                    !whole.contains(&text),
                    "{file}: `{text}` is in the YAML\n{yaml}"
                );
            }
        }
    }
}

/// A bulletin printed where the office's faces are missing: LibreOffice lays
/// out jianbao's Word copy with one CJK face on the machine (a fontconfig of
/// its own holding FandolFang alone, whatever the machine has), so every
/// text is drawn in that one face, the 40 pt name wrapping; the PDF still
/// reads by size, colour, position and markers: at least 95 % of the fields,
/// titles, paragraphs, headings and footer lines exact.
#[test]
fn a_pdf_printed_in_one_face_still_reads() {
    let dir = tempfile::tempdir().unwrap();
    // (Samples whose every character FandolFang has: a character it lacks
    // LibreOffice draws from no face at all.)
    for source in [fixture("approval.yaml"), sample("linjiang/2024-11.yaml")] {
        let stem = source.file_stem().unwrap().to_string_lossy().into_owned();
        let docx = dir.path().join(format!("{stem}.docx"));
        let out = run_in(
            dir.path(),
            &[
                "build",
                source.to_str().unwrap(),
                "-o",
                docx.to_str().unwrap(),
                "--docx-fonts",
                "office",
            ],
            None,
        );
        assert!(out.status.success(), "{}", stderr(&out));
        let pdf = crate::support::soffice_in_one_face(&docx);
        // One face draws the Chinese text.
        let listed = std::process::Command::new("pdffonts")
            .arg(&pdf)
            .output()
            .unwrap();
        let listed = String::from_utf8_lossy(&listed.stdout).into_owned();
        let faces: std::collections::BTreeSet<&str> = listed
            .lines()
            .skip(2)
            .filter_map(|l| l.split_whitespace().next())
            .map(|n| n.rsplit('+').next().unwrap_or(n))
            .collect();
        assert!(
            !faces.is_empty() && faces.iter().all(|f| f.starts_with("FandolFang")),
            "{listed}"
        );

        let out = run_in(
            dir.path(),
            &[
                "import",
                &format!("{stem}.pdf"),
                "-o",
                &format!("{stem}.back.yaml"),
            ],
            None,
        );
        assert!(out.status.success(), "{stem}: {}", stderr(&out));
        let got = crate::support::model(&dir.path().join(format!("{stem}.back.yaml")));
        let want = crate::support::model(&source);
        let scores = score(&got, &want);
        let (n, of) = scores
            .iter()
            .fold((0, 0), |(n, of), (_, a, b)| (n + a, of + b));
        let line: Vec<String> = scores
            .iter()
            .map(|(what, n, of)| format!("{what} {n}/{of}"))
            .collect();
        println!("{stem} in one face: {}", line.join(", "));
        // The tables come back whole too.
        let tables = |i: &Issue| -> Vec<jianbao::model::Block> {
            i.articles()
                .flat_map(|a| &a.body)
                .filter(|b| matches!(b, Block::Table(_)))
                .cloned()
                .collect()
        };
        assert_eq!(tables(&got), tables(&want), "{stem}: its tables");
        assert!(
            n * 100 >= of * 95,
            "{stem}: {n}/{of} exact ({})\n{}",
            line.join(", "),
            fs::read_to_string(dir.path().join(format!("{stem}.back.yaml"))).unwrap()
        );
    }
}
