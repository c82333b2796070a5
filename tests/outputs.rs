//! HTML and text writers: golden files for every sample, the HTML's structure
//! parsed, a property test on arbitrary text, and a real browser at 375 px and
//! 1280 px.

use std::fs;
use std::path::PathBuf;
use std::process::Command;

use jianbao::input::{self, Input};
use jianbao::model::{
    Article, Block, Column, Count, Date, Footer, Issue, Kind, Lines, Style, Text,
};
use jianbao::write::html::html;
use jianbao::write::text::{TextOptions, text};
use proptest::prelude::*;
use scraper::{Html, Selector};

use crate::support::{root, run, sample, samples, stderr};

fn load(path: &str) -> Issue {
    input::load(&Input::Path(sample(path)))
        .map_err(|e| e.failure().to_string())
        .unwrap()
        .issue
}

fn golden(path: &str, ext: &str) -> PathBuf {
    root().join("tests/golden").join(format!(
        "{}.{ext}",
        path.trim_end_matches(".yaml").replace('/', "-")
    ))
}

/// Compares `actual` with the golden file; `JIANBAO_BLESS=1` rewrites it.
fn check_golden(path: PathBuf, actual: &str) {
    if std::env::var_os("JIANBAO_BLESS").is_some() {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, actual).unwrap();
        return;
    }
    let expected = fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "{} is missing: run with JIANBAO_BLESS=1 and review it",
            path.display()
        )
    });
    if expected != actual {
        panic!(
            "{} differs (- golden, + now); if the change is right, run with JIANBAO_BLESS=1 and review the diff:\n{}",
            path.display(),
            line_diff(&expected, actual)
        );
    }
}

/// The lines that differ, `-` golden and `+` now, with their line numbers;
/// a common prefix and suffix are left out.
fn line_diff(expected: &str, actual: &str) -> String {
    let old: Vec<&str> = expected.lines().collect();
    let new: Vec<&str> = actual.lines().collect();
    let head = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let tail = old[head..]
        .iter()
        .rev()
        .zip(new[head..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = String::new();
    for (i, line) in old[head..old.len() - tail].iter().enumerate() {
        out += &format!("-{:>4} {line}\n", head + i + 1);
    }
    for (i, line) in new[head..new.len() - tail].iter().enumerate() {
        out += &format!("+{:>4} {line}\n", head + i + 1);
    }
    out
}

fn paragraphs(issue: &Issue) -> Vec<String> {
    issue
        .articles()
        .flat_map(|a| &a.body)
        .filter_map(|b| match b {
            Block::Paragraph { lead, text } => {
                Some(format!("{}{text}", lead.as_deref().unwrap_or("")))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn golden_text_and_html_for_every_sample() {
    for path in samples() {
        let issue = load(path);
        check_golden(golden(path, "txt"), &text(&issue, &TextOptions::default()));
        check_golden(
            golden(path, "html"),
            &html(&issue, &Default::default()).unwrap(),
        );
    }
}

#[test]
fn text_is_one_element_per_line_with_blank_lines_between() {
    for path in samples() {
        let issue = load(path);
        let out = text(&issue, &TextOptions::default());
        assert!(!out.contains('\r') && out.ends_with('\n'));
        assert!(
            out.lines().all(|l| l == l.trim_end()),
            "{path}: trailing spaces"
        );
        let lines: Vec<&str> = out.lines().collect();
        for p in paragraphs(&issue) {
            assert_eq!(
                lines.iter().filter(|l| **l == p).count(),
                1,
                "{path}: paragraph once, on one line: {p}"
            );
        }
        assert_eq!(
            lines[lines.iter().position(|l| *l == issue.name).unwrap() + 1],
            "",
            "{path}: blank after the name"
        );
        let date = issue.date.chinese();
        assert!(lines.contains(&date.as_str()));
        if let Some(reg) = issue.footer.registration_line() {
            assert_eq!(
                *lines.last().unwrap(),
                reg,
                "{path}: registration closes the text"
            );
        }
    }
    // Continuation lines of a recipient list follow their label without a blank line.
    let out = text(&load("brief/issue.yaml"), &TextOptions::default());
    assert!(
        out.contains(
            "报：市委办公室、市政府办公室\n\u{3000}\u{3000}县委、县人大、县政府、县政协领导\n"
        ),
        "{out}"
    );
}

#[test]
fn text_wraps_at_display_columns() {
    let issue = load("linjiang/2024-09.yaml");
    let out = text(&issue, &TextOptions { wrap: Some(40) });
    for line in out.lines() {
        let width: usize = line
            .chars()
            .map(|c| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0))
            .sum();
        assert!(width <= 40, "{line}");
        assert!(
            !line.starts_with(['，', '。', '、', '；', '：', '？', '！', '）', '」', '』']),
            "{line}"
        );
    }
    let unwrapped = text(&issue, &TextOptions::default());
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    assert_eq!(squeeze(&out), squeeze(&unwrapped), "wrapping loses nothing");
}

#[test]
fn html_is_semantic_complete_and_self_contained() {
    for path in samples() {
        let issue = load(path);
        let page = html(&issue, &Default::default()).unwrap();
        let doc = Html::parse_document(&page);
        let sel = |s: &str| Selector::parse(s).unwrap();
        let one = |s: &str| {
            doc.select(&sel(s))
                .next()
                .unwrap_or_else(|| panic!("{path}: no {s}"))
        };

        assert_eq!(one("html").value().attr("lang"), Some("zh-CN"));
        assert!(doc.select(&sel("meta[charset]")).next().is_some());
        assert_eq!(
            one("title").text().collect::<String>(),
            format!("{} {}", issue.name, issue.number_label())
        );
        assert_eq!(one("header h1.name").text().collect::<String>(), issue.name);

        // Every paragraph, in order, exactly once, with its lead marked up.
        let shown: Vec<String> = doc
            .select(&sel("article p.body"))
            .map(|p| p.text().collect())
            .collect();
        assert_eq!(shown, paragraphs(&issue), "{path}: paragraphs in order");
        let leads: Vec<String> = doc
            .select(&sel("strong.lead"))
            .map(|p| p.text().collect())
            .collect();
        let model_leads: Vec<String> = issue
            .articles()
            .flat_map(|a| &a.body)
            .filter_map(|b| match b {
                Block::Paragraph {
                    lead: Some(lead), ..
                } => Some(lead.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(leads, model_leads);
        let all_text: String = doc.root_element().text().collect();
        for p in paragraphs(&issue) {
            assert_eq!(all_text.matches(&p).count(), 1, "{path}: once: {p}");
        }

        // The contents link to every article, in order.
        let links: Vec<String> = doc
            .select(&sel("nav a"))
            .map(|a| {
                a.value()
                    .attr("href")
                    .unwrap()
                    .trim_start_matches('#')
                    .to_string()
            })
            .collect();
        let articles: Vec<_> = doc.select(&sel("article")).collect();
        assert_eq!(links.len(), articles.len());
        assert_eq!(articles.len(), issue.articles().count());
        for ((id, article), model) in links.iter().zip(&articles).zip(issue.articles()) {
            assert_eq!(article.value().attr("id"), Some(id.as_str()));
            let title: String = article.select(&sel("h2")).next().unwrap().text().collect();
            assert_eq!(title, model.title.0);
        }
        assert!(doc.select(&sel("footer")).next().is_some());

        // Nothing is fetched: no scripts, stylesheets, fonts or remote URLs.
        assert!(
            doc.select(&sel("script, link, iframe, object, embed"))
                .next()
                .is_none()
        );
        for attr in ["src", "href"] {
            for el in doc.select(&sel(&format!("[{attr}]"))) {
                let v = el.value().attr(attr).unwrap();
                assert!(
                    !v.contains("//") && !v.starts_with("http"),
                    "{path}: external {attr}={v}"
                );
            }
        }
        assert!(
            !page.contains("url(") && !page.contains("@import") && !page.contains("http"),
            "{path}"
        );
    }
}

#[test]
fn html_and_text_from_the_command_line() {
    let out = run(&[
        "build",
        "samples/brief/issue.yaml",
        "-o",
        "-",
        "--format",
        "html",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.starts_with(b"<!DOCTYPE html>"));
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("brief.txt");
    let out = run(&[
        "build",
        "samples/brief/issue.yaml",
        "-o",
        target.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let written = fs::read_to_string(&target).unwrap();
    assert_eq!(
        written,
        text(&load("brief/issue.yaml"), &TextOptions::default()),
        "format inferred from -o"
    );
    let out = run(&["build", "samples/brief/issue.yaml", "--wrap", "30"]);
    assert_eq!(out.status.code(), Some(2), "--wrap needs text output");
}

/// An issue whose every text field is `s`.
fn issue_of(s: &str) -> Issue {
    let t = Text(s.to_string());
    Issue {
        handling_mark: Some(s.to_string()),
        copy_number: None,
        name: s.to_string(),
        kind: Kind::Regular,
        number: 1,
        total_number: None,
        unit: s.to_string(),
        date: Date::new(2024, 1, 5).unwrap(),
        editor_note: Some(s.to_string()),
        columns: vec![Column {
            name: Some(t.clone()),
            articles: vec![Article {
                title: t.clone(),
                subtitle: Some(t.clone()),
                source: None,
                body: vec![
                    Block::Paragraph {
                        lead: Some(s.to_string()),
                        text: s.to_string(),
                    },
                    Block::Heading {
                        level: 1,
                        text: s.to_string(),
                    },
                ],
            }],
        }],
        footer: Footer {
            report_to: Some(Lines(vec![s.to_string()])),
            registration: Some(t),
            print_run: Some(Count(5)),
            ..Footer::default()
        },
        style: Style::default(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_text_comes_out_verbatim(s in "[^\\p{C}]{1,30}".prop_filter("trimmed", |s| s.trim() == s && !s.is_empty())) {
        let issue = issue_of(&s);
        let txt = text(&issue, &TextOptions::default());
        let lines: Vec<&str> = txt.lines().collect();
        let paragraph = format!("{s}{s}");
        let recipients = format!("报：{s}");
        prop_assert!(lines.contains(&s.as_str()));
        prop_assert!(lines.contains(&paragraph.as_str()));
        prop_assert!(lines.contains(&recipients.as_str()));

        let page = html(&issue, &Default::default()).unwrap();
        let doc = Html::parse_document(&page);
        let text_of = |sel: &str| -> String {
            doc.select(&Selector::parse(sel).unwrap()).next().unwrap().text().collect()
        };
        prop_assert_eq!(text_of("h1.name"), s.clone());
        prop_assert_eq!(text_of("article h2"), s.clone());
        prop_assert_eq!(text_of("article p.body"), format!("{s}{s}"));
        prop_assert_eq!(text_of("strong.lead"), s.clone());
        prop_assert_eq!(text_of("article h3"), s.clone());
        prop_assert_eq!(text_of("footer .lines span"), s.clone());
        prop_assert_eq!(text_of("title"), format!("{s} 第 1 期"));
    }
}

/// Renders `page` in headless Chromium in a frame `width` px wide and reports
/// the frame's viewport width, the page's scroll width and the masthead
/// name's colour. The probe is test-only: a script appended to a copy of the
/// page, and a wrapper page holding the frame (Chromium windows have a
/// minimum width; a frame does not).
fn browser_probe(page: &str, width: u32) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let probe = page.replace(
        "</body>",
        "<script>document.body.setAttribute('data-probe', JSON.stringify({\
         width: window.innerWidth, scroll: document.documentElement.scrollWidth,\
         color: getComputedStyle(document.querySelector('h1.name')).color}));</script></body>",
    );
    fs::write(dir.path().join("page.html"), probe).unwrap();
    let wrapper = format!(
        "<!DOCTYPE html><html><body style=\"margin:0\">\
         <iframe id=\"f\" src=\"page.html\" style=\"border:0;width:{width}px;height:900px\"\
         onload=\"document.body.setAttribute('data-probe', this.contentDocument.body.getAttribute('data-probe'))\">\
         </iframe></body></html>"
    );
    let file = dir.path().join("wrapper.html");
    fs::write(&file, wrapper).unwrap();
    let out = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--allow-file-access-from-files",
            &format!("--user-data-dir={}", dir.path().join("profile").display()),
            "--window-size=1400,1000",
            "--dump-dom",
        ])
        .arg(format!("file://{}", file.display()))
        .output()
        .expect("chromium is installed (apt-get install chromium)");
    let dom = String::from_utf8_lossy(&out.stdout);
    let doc = Html::parse_document(&dom);
    let body = doc
        .select(&Selector::parse("body").unwrap())
        .next()
        .expect("a DOM");
    let data = body.value().attr("data-probe").unwrap_or_else(|| {
        panic!(
            "no probe result: {dom}\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    serde_json::from_str(data).unwrap()
}

#[test]
fn a_real_browser_shows_no_overflow_and_a_red_name() {
    // The probe itself sees overflow when there is some.
    let wide =
        "<html><body><h1 class=\"name\">x</h1><div style=\"width:2000px\">x</div></body></html>";
    let control = browser_probe(wide, 375);
    assert!(
        control["scroll"].as_u64().unwrap() > 375,
        "the probe detects overflow: {control}"
    );

    for path in samples() {
        let page = html(&load(path), &Default::default()).unwrap();
        for width in [375, 1280] {
            let probe = browser_probe(&page, width);
            assert_eq!(probe["width"], width, "{path}: viewport");
            assert!(
                probe["scroll"].as_u64().unwrap() <= u64::from(width),
                "{path} at {width}px overflows: {probe}"
            );
            let color = probe["color"].as_str().unwrap();
            let rgb: Vec<u32> = color
                .trim_start_matches("rgb(")
                .trim_end_matches(')')
                .split(',')
                .map(|v| v.trim().parse().unwrap())
                .collect();
            assert!(
                rgb[0] > 200 && rgb[1] < 100 && rgb[2] < 100,
                "{path}: name colour {color}"
            );
        }
    }
}
