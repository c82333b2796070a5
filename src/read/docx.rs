//! A Word document (.docx) → model. Paragraphs are read with their style
//! and runs; jianbao's own styles (正文, 段首句, 文章标题 …, see
//! `write::docx`) say each paragraph's role outright; in a document made
//! elsewhere the role comes from the look: a red line in the largest size is
//! the name, centred large text a title, a bold or 黑体/楷体 opening run a
//! lead, 一、 and （一） headings, 报：/送：/发： and 共印 the footer. The
//! footer block may be a table. Photos are taken out of the package, for the
//! caller to write beside the YAML.

use crate::diag::{Diagnostic, Failure};
use crate::read::package::Package;
use crate::read::styled::{Layout, Piece, Role, build};
use crate::read::text::Imported;
use crate::read::text::recognise::{heading_level, issue_number, total_number};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";

/// A photo taken out of the document: its file name (beside the YAML) and bytes.
pub type Photo = (String, Vec<u8>);

/// Reads the document `bytes` (named `name` in messages); photos are named
/// `<stem>-photo-N.<ext>`.
pub fn import(bytes: &[u8], name: &str, stem: &str) -> Result<(Imported, Vec<Photo>), Failure> {
    let (pieces, photos) = pieces(bytes, name, stem, Layout::Bulletin)?;
    Ok((build(pieces, name)?, photos))
}

/// The paragraphs of the document `bytes` with their roles, in reading
/// order, and its photos; a document of [`Layout::Article`] has no masthead.
pub fn pieces(
    bytes: &[u8],
    name: &str,
    stem: &str,
    layout: Layout,
) -> Result<(Vec<Piece>, Vec<Photo>), Failure> {
    let fail = |why: String| {
        Failure(vec![
            Diagnostic::error(
                Some(name),
                format!("cannot read the Word document: {}", why),
            )
            .hint("open it in Word or WPS and save it again as .docx"),
        ])
    };
    let package = Package::open(bytes).map_err(fail)?;
    let document = package
        .read("word/document.xml")
        .map_err(fail)?
        .ok_or_else(|| fail("it has no word/document.xml (is it a Word document?)".into()))?;
    let document = String::from_utf8(document).map_err(|_| fail("its text is not UTF-8".into()))?;
    let doc = roxmltree::Document::parse(&document).map_err(|e| fail(e.to_string()))?;
    // Optional parts: a document without them still reads.
    let part = |name: &str| {
        package
            .read(name)
            .ok()
            .flatten()
            .and_then(|s| String::from_utf8(s).ok())
            .unwrap_or_default()
    };
    let style_names = style_names(&part("word/styles.xml"));
    let rels = part("word/_rels/document.xml.rels");

    let body = doc
        .descendants()
        .find(|n| n.has_tag_name((W, "body")))
        .ok_or_else(|| fail("its document has no body".into()))?;
    let mut paragraphs: Vec<Para> = Vec::new();
    for node in body.descendants().filter(|n| n.has_tag_name((W, "p"))) {
        paragraphs.push(Para::read(node, &style_names));
    }
    let look = Look::of(&paragraphs, layout);

    let mut pieces = Vec::new();
    let mut photos: Vec<Photo> = Vec::new();
    let mut seen_name = layout == Layout::Article;
    for (i, p) in paragraphs.iter().enumerate() {
        let at = format!("paragraph {}", i + 1);
        if let Some(id) = &p.image {
            let target = relationship(&rels, id);
            if let Some(bytes) =
                target.and_then(|t| package.read(&format!("word/{t}")).ok().flatten())
            {
                let ext = target
                    .and_then(|t| t.rsplit('.').next())
                    .filter(|e| ["jpg", "jpeg", "png"].contains(e))
                    .unwrap_or("jpg");
                let file = format!("{stem}-photo-{}.{ext}", photos.len() + 1);
                photos.push((file.clone(), bytes));
                pieces.push(Piece {
                    role: Role::Photo(file),
                    text: String::new(),
                    lead: None,
                    at: at.clone(),
                });
            }
        }
        let text = p.text();
        if text.trim().is_empty() {
            continue;
        }
        let role = p.role(&look, i, seen_name, &text);
        if role == Some(Role::Name) {
            seen_name = true;
        }
        let Some(role) = role else { continue };
        let (lead, text) = match role {
            Role::Body => p.lead(),
            Role::Title => (None, text.replace('\n', " ")),
            Role::UnitDate => (None, text.replace('\t', " ")),
            _ => (None, text),
        };
        pieces.push(Piece {
            role,
            text,
            lead,
            at,
        });
    }
    Ok((pieces, photos))
}

/// A paragraph: its style's name, its runs (text, run style, properties).
struct Para {
    style: String,
    runs: Vec<Run>,
    centred: bool,
    in_table: bool,
    size: f64,
    image: Option<String>,
}

struct Run {
    text: String,
    style: String,
    emphasis: bool,
    red: bool,
    size: f64,
}

impl Para {
    fn read(node: roxmltree::Node, names: &[(String, String)]) -> Para {
        let style_id = node
            .descendants()
            .find(|n| n.has_tag_name((W, "pStyle")))
            .and_then(|n| n.attribute((W, "val")))
            .unwrap_or("");
        let style = names
            .iter()
            .find(|(id, _)| id == style_id)
            .map_or(style_id.to_string(), |(_, name)| name.clone());
        let centred = node
            .descendants()
            .find(|n| n.has_tag_name((W, "jc")))
            .and_then(|n| n.attribute((W, "val")))
            == Some("center");
        let in_table = node.ancestors().any(|a| a.has_tag_name((W, "tbl")));
        let mut runs = Vec::new();
        for r in node.children().filter(|n| n.has_tag_name((W, "r"))) {
            let mut text = String::new();
            for t in r.children() {
                if t.has_tag_name((W, "t")) {
                    text.push_str(t.text().unwrap_or(""));
                } else if t.has_tag_name((W, "tab")) {
                    text.push('\t');
                } else if t.has_tag_name((W, "br")) {
                    text.push('\n');
                }
            }
            let props = r.children().find(|n| n.has_tag_name((W, "rPr")));
            let prop =
                |tag: &str| props.and_then(|p| p.children().find(|n| n.has_tag_name((W, tag))));
            let value = |tag: &str| prop(tag).and_then(|n| n.attribute((W, "val")));
            let face = prop("rFonts")
                .and_then(|n| n.attribute((W, "eastAsia")))
                .unwrap_or("");
            let run_style = value("rStyle").unwrap_or("");
            let run_style_name = names
                .iter()
                .find(|(id, _)| id == run_style)
                .map_or(run_style, |(_, name)| name.as_str());
            runs.push(Run {
                text,
                style: run_style_name.to_string(),
                emphasis: prop("b").is_some_and(|b| b.attribute((W, "val")) != Some("0"))
                    || ["Strong", "Emphasis", "Strong Emphasis", "段首句"]
                        .contains(&run_style_name)
                    || face.contains('黑')
                    || face.contains('楷')
                    || face.contains("Hei")
                    || face.contains("Kai"),
                red: value("color").is_some_and(is_red),
                size: value("sz")
                    .and_then(|v| v.parse::<f64>().ok())
                    .map_or(0.0, |v| v / 2.0),
            });
        }
        let size = runs.iter().map(|r| r.size).fold(0.0, f64::max);
        let image = node
            .descendants()
            .find(|n| n.has_tag_name((A, "blip")))
            .and_then(|n| n.attribute((R, "embed")))
            .map(str::to_string);
        Para {
            style,
            runs,
            centred,
            in_table,
            size,
            image,
        }
    }

    fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }

    /// The lead: the opening runs of style 段首句, or (elsewhere) an opening
    /// emphasised run that ends a sentence, before plain text.
    fn lead(&self) -> (Option<String>, String) {
        let ours = self.runs.iter().take_while(|r| r.style == "段首句").count();
        let n = if ours > 0 {
            ours
        } else {
            let n = self.runs.iter().take_while(|r| r.emphasis).count();
            let lead: String = self.runs[..n].iter().map(|r| r.text.as_str()).collect();
            let sentence = lead.trim_end().ends_with(['。', '：', '！', '？', '；']);
            if n > 0 && n < self.runs.len() && sentence {
                n
            } else {
                0
            }
        };
        let lead: String = self.runs[..n].iter().map(|r| r.text.as_str()).collect();
        let rest: String = self.runs[n..].iter().map(|r| r.text.as_str()).collect();
        ((!lead.is_empty()).then_some(lead), rest)
    }

    /// The paragraph's role: by jianbao's style names, else by its look.
    fn role(&self, look: &Look, i: usize, seen_name: bool, text: &str) -> Option<Role> {
        match self.style.as_str() {
            "版头标记" => Some(Role::Mark),
            "报头" => Some(Role::Name),
            "刊别" => Some(Role::Kind),
            "期号" if total_number(text).is_some() => Some(Role::Total),
            "期号" => Some(Role::Number),
            "编发单位" => Some(Role::UnitDate),
            "栏目" => Some(Role::Column),
            "目录" => Some(Role::Contents),
            "编者按" => Some(Role::Note),
            "文章标题" => Some(Role::Title),
            "副标题" | "来源" => Some(Role::Byline),
            "正文" => Some(Role::Body),
            "一级标题" => Some(Role::Heading(1)),
            "二级标题" => Some(Role::Heading(2)),
            "图注" => Some(Role::Caption),
            "版记" => Some(Role::Footer),
            "页码" => None,
            _ => Some(self.looks(look, i, seen_name, text)),
        }
    }

    /// A paragraph of a document made elsewhere, by its look.
    fn looks(&self, look: &Look, i: usize, seen_name: bool, text: &str) -> Role {
        let t = text.trim();
        // The masthead: what stands above 第 N 期, the name last.
        if let Some(name_at) = look.name_at {
            if i < name_at {
                return Role::Mark;
            }
            if i == name_at {
                return Role::Name;
            }
        } else {
            let red = self.runs.iter().any(|r| r.red);
            if !seen_name && (red || (self.size >= look.biggest && look.biggest > 20.0)) {
                return Role::Name;
            }
            if !seen_name {
                return Role::Mark;
            }
        }
        if self.in_table
            || t.starts_with("报：")
            || t.starts_with("送：")
            || t.starts_with("发：")
            || t.starts_with("抄送：")
            || t.starts_with("本期增发：")
            || t.starts_with("责任编辑：")
            || t.starts_with("签发：")
            || (t.contains("共印") && t.ends_with('）'))
        {
            return Role::Footer;
        }
        if (t == "增刊" || t == "专刊") && look.number_at.is_some_and(|n| i < n) {
            return Role::Kind;
        }
        if issue_number(t).is_some() && t.chars().count() < 16 {
            return Role::Number;
        }
        if total_number(t).is_some() {
            return Role::Total;
        }
        if t.starts_with('【') && t.ends_with('】') {
            return Role::Column;
        }
        if t.starts_with("编者按") {
            return Role::Note;
        }
        if crate::read::text::recognise::find_date(t).is_some()
            && look.number_at.is_some_and(|n| i <= n + 3)
        {
            return Role::UnitDate;
        }
        let rank = heading_rank(&self.style).and_then(|n| look.ranks.iter().position(|r| *r == n));
        if rank == Some(0) || (self.centred && self.size >= 18.0) {
            return Role::Title;
        }
        // Before the first title, a line that is a later title: the contents.
        if look.first_title.is_some_and(|f| i < f) && look.titles.contains(&squeeze(t)) {
            return Role::Contents;
        }
        if let Some(rank) = rank {
            return Role::Heading(rank.min(2) as u8);
        }
        if self.centred {
            return Role::Byline;
        }
        if let Some(level) = heading_level(t)
            && t.chars().count() <= 40
        {
            return Role::Heading(level);
        }
        if look.first_title.is_some_and(|f| i > f)
            && t.starts_with('（')
            && t.ends_with('）')
            && t.chars().count() < 30
        {
            return Role::Byline;
        }
        Role::Body
    }
}

/// What a document made elsewhere shows of its structure, found before the
/// paragraphs are read one by one.
struct Look {
    biggest: f64,
    /// The paragraph with 第 N 期, and the name just above it.
    number_at: Option<usize>,
    name_at: Option<usize>,
    /// The heading levels (Word's "Heading N") used after the masthead, the
    /// first the titles'.
    ranks: Vec<u32>,
    /// Where the first title is, and every title's text.
    first_title: Option<usize>,
    titles: Vec<String>,
}

impl Look {
    fn of(paragraphs: &[Para], layout: Layout) -> Look {
        let texts: Vec<String> = paragraphs
            .iter()
            .map(|p| p.text().trim().to_string())
            .collect();
        let ours = paragraphs.iter().any(|p| p.style == "报头");
        let number_at = (!ours && layout == Layout::Bulletin)
            .then(|| {
                texts
                    .iter()
                    .position(|t| issue_number(t).is_some() && t.chars().count() < 16)
            })
            .flatten();
        let name_at = number_at.and_then(|n| {
            (0..n)
                .rev()
                .find(|&i| !texts[i].is_empty() && texts[i] != "增刊" && texts[i] != "专刊")
        });
        // Where the articles may begin: under 第 N 期, or at once.
        let body_from = match layout {
            Layout::Bulletin => number_at.map(|n| n + 1),
            Layout::Article => Some(0),
        };
        let mut ranks: Vec<u32> = paragraphs
            .iter()
            .enumerate()
            .filter(|(i, _)| body_from.is_some_and(|b| *i >= b))
            .filter_map(|(_, p)| heading_rank(&p.style))
            .collect();
        ranks.sort_unstable();
        ranks.dedup();
        let is_title = |i: usize, p: &Para| {
            body_from.is_some_and(|b| i >= b)
                && (heading_rank(&p.style).is_some_and(|r| ranks.first() == Some(&r))
                    || (p.centred && p.size >= 18.0))
        };
        let first_title = paragraphs
            .iter()
            .enumerate()
            .position(|(i, p)| is_title(i, p));
        let titles = paragraphs
            .iter()
            .enumerate()
            .filter(|(i, p)| is_title(*i, p))
            .map(|(i, _)| squeeze(&texts[i]))
            .collect();
        Look {
            biggest: paragraphs.iter().map(|p| p.size).fold(0.0, f64::max),
            number_at,
            name_at,
            ranks,
            first_title,
            titles,
        }
    }
}

/// N of a "Heading N" (or 标题 N) style name.
fn heading_rank(style: &str) -> Option<u32> {
    let rest = style
        .strip_prefix("Heading ")
        .or_else(|| style.strip_prefix("heading "))
        .or_else(|| style.strip_prefix("标题 "))?;
    rest.chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .ok()
}

/// Text without white space, to compare titles.
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Style id → style name, from styles.xml.
fn style_names(styles: &str) -> Vec<(String, String)> {
    let Ok(doc) = roxmltree::Document::parse(styles) else {
        return Vec::new();
    };
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "style")))
        .filter_map(|n| {
            let id = n.attribute((W, "styleId"))?;
            let name = n
                .children()
                .find(|c| c.has_tag_name((W, "name")))
                .and_then(|c| c.attribute((W, "val")))?;
            Some((id.to_string(), name.to_string()))
        })
        .collect()
}

/// The target of relationship `id`.
fn relationship<'r>(rels: &'r str, id: &str) -> Option<&'r str> {
    let at = rels.find(&format!("Id=\"{id}\""))?;
    let start = rels[..at].rfind('<')?;
    let end = start + rels[start..].find('>')?;
    let tag = &rels[start..end];
    let target = tag.split("Target=\"").nth(1)?.split('"').next()?;
    Some(target)
}

/// Whether a Word colour (hex RGB) is a red.
fn is_red(hex: &str) -> bool {
    let channel = |i: usize| u8::from_str_radix(hex.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0);
    hex.len() == 6 && channel(0) > 180 && channel(2) < 120 && channel(4) < 120
}
