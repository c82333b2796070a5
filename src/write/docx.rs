//! Model → a Word document (WordprocessingML, ECMA-376) that an editor keeps
//! editing in Word or WPS: the page set-up of GB/T 9704 with the document
//! grid of 22 lines × 28 characters, named Chinese styles for every part
//! (a restyle is one click), the faces named explicitly (never theme fonts),
//! page numbers as PAGE fields in odd and even footers, and the footer block
//! (版记) as a table floated to the bottom of the last page's type area, so
//! it stays there while the text above it changes.
//!
//! Word lays the text out itself: nothing here breaks lines, except titles,
//! which break between their phrases as in the PDF. No I/O: the photos
//! (prepared copies) and the fonts to embed come in with the options.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Arc;

use crate::model::{Block, Cmyk, Face, GridMode, Issue, RuleKind};
use crate::page;
use crate::photo::Prepared;
use crate::write::zip::{Zip, escape};

/// Twips (1/20 pt) in a millimetre.
const TWIPS_PER_MM: f64 = 72.0 * 20.0 / 25.4;
/// English Metric Units in a millimetre (drawings).
const EMU_PER_MM: f64 = 36_000.0;
/// The name's size is fitted to the type-area width, up to this (points).
const NAME_MAX_PT: f64 = 60.0;
/// Title size (二号), points.
const TITLE_PT: f64 = 22.0;
/// Kind label (增刊/专刊, 一号), points.
const KIND_PT: f64 = 26.0;
/// Footer-block text (四号), points.
const FOOTER_PT: f64 = 14.0;

/// The faces a document names, one per typeface role.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Faces {
    /// 小标宋: the name and the titles.
    pub title: String,
    /// 仿宋: the body.
    pub fang: String,
    /// 黑体.
    pub hei: String,
    /// 楷体.
    pub kai: String,
    /// 宋体: page numbers.
    pub song: String,
}

impl Faces {
    /// The offices' own faces, as Word and WPS know them.
    pub fn office() -> Faces {
        Faces {
            title: "方正小标宋简体".into(),
            fang: "仿宋_GB2312".into(),
            hei: "黑体".into(),
            kai: "楷体_GB2312".into(),
            song: "宋体".into(),
        }
    }

    fn by_face(&self, face: Face) -> &str {
        match face {
            Face::Kai => &self.kai,
            Face::Hei => &self.hei,
            Face::Fang => &self.fang,
        }
    }

    fn all(&self) -> [&str; 5] {
        [&self.title, &self.fang, &self.hei, &self.kai, &self.song]
    }
}

/// A font file to embed, under the family name the document uses for it.
#[derive(Debug, Clone)]
pub struct EmbeddedFont {
    /// The family name as the document names it.
    pub name: String,
    /// An OpenType file (a subset of the glyphs the document uses is best).
    pub bytes: Arc<Vec<u8>>,
}

/// How to write a Word document.
#[derive(Debug, Clone)]
pub struct DocxOptions {
    /// The faces to name.
    pub faces: Faces,
    /// Fonts to embed (Word's embedded fonts), if any.
    pub embed: Vec<EmbeddedFont>,
    /// Photo path → its prepared copy; a photo not here is left out with
    /// its caption kept.
    pub photos: HashMap<String, Arc<Prepared>>,
    /// Creation and modification time, seconds since 1970 (UTC).
    pub timestamp: i64,
}

/// The Word document of `issue`: same issue and options, same bytes.
pub fn docx(issue: &Issue, options: &DocxOptions) -> Vec<u8> {
    let mut doc = Document::new(issue, options);
    let body = doc.body();
    let mut zip = Zip::new();
    zip.file("[Content_Types].xml", doc.content_types().as_bytes());
    zip.file("_rels/.rels", ROOT_RELS.as_bytes());
    zip.file("docProps/core.xml", doc.core().as_bytes());
    zip.file("docProps/app.xml", APP.as_bytes());
    zip.file("word/document.xml", body.as_bytes());
    zip.file("word/styles.xml", doc.styles().as_bytes());
    zip.file("word/settings.xml", doc.settings().as_bytes());
    zip.file("word/fontTable.xml", doc.font_table().as_bytes());
    zip.file("word/theme/theme1.xml", doc.theme().as_bytes());
    if doc.page_numbers {
        zip.file("word/footer1.xml", page_number_footer(false).as_bytes());
        zip.file("word/footer2.xml", page_number_footer(true).as_bytes());
    }
    zip.file(
        "word/_rels/document.xml.rels",
        doc.document_rels().as_bytes(),
    );
    for (i, photo) in doc.media.iter().enumerate() {
        zip.file(
            &format!("word/media/image{}.{}", i + 1, photo.extension),
            &photo.bytes,
        );
    }
    if !options.embed.is_empty() {
        zip.file("word/_rels/fontTable.xml.rels", doc.font_rels().as_bytes());
        for (i, font) in options.embed.iter().enumerate() {
            zip.file(
                &format!("word/fonts/font{}.odttf", i + 1),
                &obfuscate(&font.bytes, &font_key(i)),
            );
        }
    }
    zip.finish()
}

const NS: &str = concat!(
    r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
    r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#
);

const DRAWING_NS: &str = concat!(
    r#"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" "#,
    r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" "#,
    r#"xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture""#
);

const XML: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

const ROOT_RELS: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#,
    r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#,
    "</Relationships>"
);

const APP: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">"#,
    "<Application>jianbao</Application>",
    "</Properties>"
);

/// The document being written: what the parts share.
struct Document<'a> {
    issue: &'a Issue,
    options: &'a DocxOptions,
    /// Photos in the order they appear (`word/media/imageN`).
    media: Vec<Arc<Prepared>>,
    page_numbers: bool,
}

impl<'a> Document<'a> {
    fn new(issue: &'a Issue, options: &'a DocxOptions) -> Document<'a> {
        Document {
            issue,
            options,
            media: Vec::new(),
            page_numbers: issue.style.page_numbers.unwrap_or(true),
        }
    }

    fn red(&self) -> String {
        let [r, g, b] = self.issue.style.red.unwrap_or(Cmyk::RED).rgb();
        format!("{r:02X}{g:02X}{b:02X}")
    }

    /// `word/document.xml`.
    fn body(&mut self) -> String {
        let issue = self.issue;
        let labels = issue.labels();
        let mut out = String::new();
        let p = &mut out;

        // The masthead.
        for line in [&issue.copy_number, &issue.handling_mark]
            .into_iter()
            .flatten()
        {
            para(p, "版头标记", "", &run(line, ""));
        }
        if issue.handling_mark.is_none() {
            blank(p);
        }
        let name_pt = name_size(issue);
        para(
            p,
            "报头",
            "",
            &run(
                &issue.name,
                &format!("<w:sz w:val=\"{}\"/>", half_points(name_pt)),
            ),
        );
        if !labels.kind.is_empty() {
            para(p, "刊别", "", &run(labels.kind, ""));
        }
        para(p, "期号", "", &run(&labels.number, ""));
        if let Some(total) = &labels.total {
            para(p, "期号", "", &run(total, ""));
        }
        para(
            p,
            "编发单位",
            "",
            &format!(
                "{}<w:r><w:tab/></w:r>{}",
                run(&issue.unit, ""),
                run(&labels.date, "")
            ),
        );
        blank(p);

        // The contents.
        let contents = issue.shows_contents();
        if contents {
            for column in &issue.columns {
                if let Some(name) = &column.name {
                    para(p, "栏目", "", &run(&format!("【{}】", name.as_str()), ""));
                }
                for article in &column.articles {
                    para(p, "目录", "", &run(article.title.as_str(), ""));
                }
            }
        }
        if let Some(note) = &issue.editor_note {
            if contents {
                blank(p);
            }
            para(
                p,
                "编者按",
                "",
                &format!(
                    "{}{}",
                    run("编者按：", "<w:rStyle w:val=\"编者按标签\"/>"),
                    run(note, "")
                ),
            );
        }

        // The articles.
        let mut started = contents || issue.editor_note.is_some();
        for column in &issue.columns {
            if !contents && let Some(name) = &column.name {
                if started {
                    blank(p);
                }
                para(p, "栏目", "", &run(&format!("【{}】", name.as_str()), ""));
                started = false;
            }
            for article in &column.articles {
                if started {
                    blank(p);
                }
                started = true;
                para(p, "文章标题", "", &title_runs(article.title.as_str()));
                if let Some(subtitle) = &article.subtitle {
                    para(p, "副标题", "", &run(subtitle.as_str(), ""));
                }
                if let Some(source) = &article.source {
                    para(p, "来源", "", &run(source.as_str(), ""));
                }
                // The blank line under the title block stays with it.
                para(p, "Normal", "<w:keepNext/>", "");
                for block in &article.body {
                    self.block(p, block);
                }
            }
        }

        // The footer block, then the paragraph it is anchored to (the
        // document's last, one point high).
        footer_block(p, issue, &labels);
        para(
            p,
            "Normal",
            "<w:snapToGrid w:val=\"0\"/><w:spacing w:line=\"20\" w:lineRule=\"exact\"/>",
            "",
        );

        let mut doc = String::new();
        write!(
            doc,
            "{XML}<w:document {NS} {DRAWING_NS}><w:body>{out}{}</w:body></w:document>",
            self.section()
        )
        .unwrap();
        doc
    }

    /// One body block.
    fn block(&mut self, p: &mut String, block: &Block) {
        match block {
            Block::Paragraph { lead, text } => {
                let lead = lead
                    .as_deref()
                    .map(|l| run(l, "<w:rStyle w:val=\"段首句\"/>"))
                    .unwrap_or_default();
                para(p, "正文", "", &format!("{lead}{}", run(text, "")));
            }
            Block::Heading { level, text } => {
                let style = if *level == 1 {
                    "一级标题"
                } else {
                    "二级标题"
                };
                para(p, style, "", &run(text, ""));
            }
            Block::Photo {
                path,
                caption,
                width,
            } => {
                if let Some(photo) = self.options.photos.get(path) {
                    self.media.push(photo.clone());
                    let n = self.media.len();
                    let drawing = drawing(n, photo, width.unwrap_or(1.0), caption.as_deref());
                    let keep = if caption.is_some() {
                        "<w:keepNext/>"
                    } else {
                        ""
                    };
                    para(p, "图片", keep, &drawing);
                }
                if let Some(caption) = caption {
                    para(p, "图注", "", &run(caption, ""));
                }
            }
        }
    }

    /// The section: page, margins, footers and the document grid.
    fn section(&self) -> String {
        let tw = |mm: f64| (mm * TWIPS_PER_MM).round() as i64;
        let footers = if self.page_numbers {
            r#"<w:footerReference w:type="default" r:id="rIdFooterOdd"/><w:footerReference w:type="even" r:id="rIdFooterEven"/>"#
        } else {
            ""
        };
        // The footer's bottom edge, from the page's: the number line's top
        // stands PAGE_NUMBER_GAP_MM below the type area less the dash's
        // distance from the top of its line.
        let number_line_mm = page::PAGE_NUMBER_SIZE_PT * page::MM_PER_PT;
        let footer_mm = page::bottom_mm() - page::PAGE_NUMBER_GAP_MM - number_line_mm
            + DASH_DROP * number_line_mm;
        format!(
            "<w:sectPr>{footers}<w:pgSz w:w=\"{}\" w:h=\"{}\"/>\
             <w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" w:header=\"851\" w:footer=\"{}\" w:gutter=\"0\"/>\
             <w:cols w:space=\"425\"/>\
             <w:docGrid w:type=\"linesAndChars\" w:linePitch=\"{}\" w:charSpace=\"{}\"/></w:sectPr>",
            tw(page::PAGE_WIDTH_MM),
            tw(page::PAGE_HEIGHT_MM),
            tw(page::TOP_MM),
            tw(page::right_mm()),
            tw(page::bottom_mm()),
            tw(page::LEFT_MM),
            tw(footer_mm),
            line_pitch(),
            char_space(),
        )
    }

    /// `word/styles.xml`: the defaults and the named styles.
    fn styles(&self) -> String {
        let f = &self.options.faces;
        let issue = self.issue;
        let red = self.red();
        let lead_face = f.by_face(issue.style.lead_face.unwrap_or(Face::Kai));
        let exact = format!(
            "<w:spacing w:line=\"{}\" w:lineRule=\"exact\"/>",
            line_pitch()
        );
        let indent2 = "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>";
        let no_grid = "<w:snapToGrid w:val=\"0\"/>";
        let rule = {
            let thickness = issue.style.rule_thickness.map_or(1.5, |t| t.0);
            let (kind, eighths) = match issue.style.rule.unwrap_or(RuleKind::Single) {
                RuleKind::Double => ("thickThinSmallGap", thickness * 8.0),
                _ => ("single", thickness * 8.0),
            };
            format!(
                "<w:pBdr><w:bottom w:val=\"{kind}\" w:sz=\"{}\" w:space=\"4\" w:color=\"{red}\"/></w:pBdr>",
                (eighths.round() as i64).clamp(2, 96)
            )
        };
        let hang = if issue.style.hanging_punctuation.unwrap_or(true) {
            ""
        } else {
            "<w:overflowPunct w:val=\"0\"/>"
        };
        let mut s = String::new();
        write!(
            s,
            "{XML}<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr>{}<w:sz w:val=\"{}\"/><w:szCs w:val=\"{}\"/>\
             <w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>\
             <w:pPrDefault><w:pPr>{exact}</w:pPr></w:pPrDefault></w:docDefaults>",
            fonts(&f.fang),
            half_points(page::BODY_SIZE_PT),
            half_points(page::BODY_SIZE_PT),
        )
        .unwrap();
        // Word's own "Normal" (正文 in a Chinese Word): the grid snaps to its size.
        write!(
            s,
            "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>\
             <w:pPr><w:widowControl w:val=\"0\"/>{hang}{exact}<w:jc w:val=\"both\"/></w:pPr></w:style>\
             <w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>\
             <w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:semiHidden/>\
             <w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"0\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
        )
        .unwrap();
        let name_size = format!("<w:sz w:val=\"{}\"/>", half_points(NAME_MAX_PT));
        let paragraph_styles: [(&str, String, String); 17] = [
            ("正文", indent2.to_string(), String::new()),
            ("版头标记", String::new(), fonts(&f.hei)),
            (
                "报头",
                format!(
                    "{no_grid}<w:spacing w:line=\"{}\" w:lineRule=\"exact\"/><w:jc w:val=\"center\"/>",
                    3 * line_pitch()
                ),
                format!("{}<w:color w:val=\"{red}\"/>{name_size}", fonts(&f.title)),
            ),
            (
                "刊别",
                format!(
                    "{no_grid}<w:spacing w:line=\"{}\" w:lineRule=\"exact\"/><w:jc w:val=\"center\"/>",
                    2 * line_pitch()
                ),
                format!(
                    "{}<w:color w:val=\"{red}\"/><w:spacing w:val=\"{}\"/><w:sz w:val=\"{}\"/>",
                    fonts(&f.title),
                    (KIND_PT * 10.0) as i64,
                    half_points(KIND_PT)
                ),
            ),
            ("期号", "<w:jc w:val=\"center\"/>".into(), String::new()),
            (
                "编发单位",
                format!(
                    "{rule}<w:tabs><w:tab w:val=\"right\" w:pos=\"{}\"/></w:tabs>",
                    (page::TYPE_WIDTH_MM * TWIPS_PER_MM).floor() as i64
                ),
                String::new(),
            ),
            ("栏目", String::new(), fonts(&f.hei)),
            (
                "目录",
                "<w:ind w:leftChars=\"200\" w:left=\"640\"/>".into(),
                fonts(&f.kai),
            ),
            ("编者按", indent2.into(), fonts(&f.kai)),
            (
                "文章标题",
                format!("<w:keepNext/>{no_grid}<w:jc w:val=\"center\"/>"),
                format!(
                    "{}<w:sz w:val=\"{}\"/><w:szCs w:val=\"{}\"/>",
                    fonts(&f.title),
                    half_points(TITLE_PT),
                    half_points(TITLE_PT)
                ),
            ),
            (
                "副标题",
                "<w:keepNext/><w:jc w:val=\"center\"/>".into(),
                fonts(&f.kai),
            ),
            (
                "来源",
                "<w:keepNext/><w:jc w:val=\"center\"/>".into(),
                fonts(&f.kai),
            ),
            (
                "一级标题",
                format!("<w:keepNext/>{indent2}<w:outlineLvl w:val=\"0\"/>"),
                fonts(&f.hei),
            ),
            (
                "二级标题",
                format!("<w:keepNext/>{indent2}<w:outlineLvl w:val=\"1\"/>"),
                fonts(&f.kai),
            ),
            (
                "图片",
                "<w:spacing w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/>".into(),
                String::new(),
            ),
            ("图注", "<w:jc w:val=\"center\"/>".into(), fonts(&f.kai)),
            (
                "版记",
                format!(
                    "{no_grid}<w:spacing w:before=\"60\" w:after=\"60\" w:line=\"{}\" w:lineRule=\"exact\"/>\
                     <w:ind w:left=\"{}\" w:right=\"{}\"/><w:jc w:val=\"left\"/>",
                    (FOOTER_PT * 1.45 * 20.0).round() as i64,
                    (FOOTER_PT * 20.0) as i64,
                    (FOOTER_PT * 20.0) as i64
                ),
                format!(
                    "<w:sz w:val=\"{}\"/><w:szCs w:val=\"{}\"/>",
                    half_points(FOOTER_PT),
                    half_points(FOOTER_PT)
                ),
            ),
        ];
        for (name, ppr, rpr) in paragraph_styles {
            write!(
                s,
                "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"{name}\"><w:name w:val=\"{name}\"/>\
                 <w:basedOn w:val=\"Normal\"/><w:next w:val=\"{next}\"/><w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>",
                next = if name == "图片" { "图注" } else { "正文" },
            )
            .unwrap();
        }
        write!(
            s,
            "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"页码\"><w:name w:val=\"页码\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/>\
             <w:pPr>{no_grid}<w:spacing w:line=\"{}\" w:lineRule=\"exact\"/></w:pPr><w:rPr>{}<w:sz w:val=\"{}\"/><w:szCs w:val=\"{}\"/></w:rPr></w:style>",
            (page::PAGE_NUMBER_SIZE_PT * 20.0) as i64,
            fonts(&f.song),
            half_points(page::PAGE_NUMBER_SIZE_PT),
            half_points(page::PAGE_NUMBER_SIZE_PT),
        )
        .unwrap();
        for (name, rpr) in [("段首句", fonts(lead_face)), ("编者按标签", fonts(&f.hei))] {
            write!(
                s,
                "<w:style w:type=\"character\" w:customStyle=\"1\" w:styleId=\"{name}\"><w:name w:val=\"{name}\"/><w:qFormat/><w:rPr>{rpr}</w:rPr></w:style>"
            )
            .unwrap();
        }
        s.push_str("</w:styles>");
        s
    }

    /// `word/settings.xml`.
    fn settings(&self) -> String {
        let strict = self.issue.style.grid.unwrap_or(GridMode::Strict) == GridMode::Strict;
        format!(
            "{XML}<w:settings {NS}>{}<w:defaultTabStop w:val=\"{}\"/>{}\
             <w:characterSpacingControl w:val=\"{}\"/>\
             <w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
             <w:themeFontLang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:settings>",
            if self.options.embed.is_empty() {
                ""
            } else {
                "<w:embedTrueTypeFonts/><w:saveSubsetFonts/>"
            },
            (page::BODY_SIZE_PT * 20.0 * 2.0) as i64,
            if self.page_numbers {
                "<w:evenAndOddHeaders/>"
            } else {
                ""
            },
            // On the strict grid every mark takes its whole cell.
            if strict {
                "doNotCompress"
            } else {
                "compressPunctuation"
            },
        )
    }

    /// `word/theme/theme1.xml`: the theme a package must have, its fonts our
    /// faces, so that even a theme-font reference added in Word finds them.
    fn theme(&self) -> String {
        let f = &self.options.faces;
        let font = |face: &str| {
            let face = escape(face);
            format!(
                "<a:latin typeface=\"{face}\"/><a:ea typeface=\"{face}\"/><a:cs typeface=\"{face}\"/>"
            )
        };
        let colours: String = [
            ("dk1", "000000"),
            ("lt1", "FFFFFF"),
            ("dk2", "44546A"),
            ("lt2", "E7E6E6"),
            ("accent1", &self.red()),
            ("accent2", "ED7D31"),
            ("accent3", "A5A5A5"),
            ("accent4", "FFC000"),
            ("accent5", "5B9BD5"),
            ("accent6", "70AD47"),
            ("hlink", "0563C1"),
            ("folHlink", "954F72"),
        ]
        .iter()
        .map(|(name, rgb)| format!("<a:{name}><a:srgbClr val=\"{rgb}\"/></a:{name}>"))
        .collect();
        let fill = "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>";
        let line = format!("<a:ln w=\"6350\">{fill}</a:ln>");
        let effect = "<a:effectStyle><a:effectLst/></a:effectStyle>";
        format!(
            "{XML}<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"jianbao\"><a:themeElements>\
             <a:clrScheme name=\"jianbao\">{colours}</a:clrScheme>\
             <a:fontScheme name=\"jianbao\"><a:majorFont>{}</a:majorFont><a:minorFont>{}</a:minorFont></a:fontScheme>\
             <a:fmtScheme name=\"jianbao\"><a:fillStyleLst>{fill}{fill}{fill}</a:fillStyleLst>\
             <a:lnStyleLst>{line}{line}{line}</a:lnStyleLst>\
             <a:effectStyleLst>{effect}{effect}{effect}</a:effectStyleLst>\
             <a:bgFillStyleLst>{fill}{fill}{fill}</a:bgFillStyleLst></a:fmtScheme>\
             </a:themeElements></a:theme>",
            font(&f.title),
            font(&f.fang),
        )
    }

    /// `word/fontTable.xml`: every face named, with the embedded ones.
    fn font_table(&self) -> String {
        let mut s = format!("{XML}<w:fonts {NS}>");
        let mut seen: Vec<&str> = Vec::new();
        for name in self.options.faces.all() {
            if seen.contains(&name) {
                continue;
            }
            seen.push(name);
            let embedded = self
                .options
                .embed
                .iter()
                .position(|f| f.name == name)
                .map(|i| {
                    format!(
                        "<w:embedRegular r:id=\"rIdFont{}\" w:fontKey=\"{}\"/>",
                        i + 1,
                        key_text(&font_key(i))
                    )
                })
                .unwrap_or_default();
            write!(
                s,
                "<w:font w:name=\"{}\"><w:charset w:val=\"86\"/><w:family w:val=\"auto\"/><w:pitch w:val=\"variable\"/>{embedded}</w:font>",
                escape(name)
            )
            .unwrap();
        }
        s.push_str("</w:fonts>");
        s
    }

    fn font_rels(&self) -> String {
        let mut s = format!(
            "{XML}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        );
        for i in 0..self.options.embed.len() {
            write!(
                s,
                "<Relationship Id=\"rIdFont{n}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/font\" Target=\"fonts/font{n}.odttf\"/>",
                n = i + 1
            )
            .unwrap();
        }
        s.push_str("</Relationships>");
        s
    }

    fn document_rels(&self) -> String {
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        let mut s = format!(
            "{XML}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
             <Relationship Id=\"rIdStyles\" Type=\"{rel}/styles\" Target=\"styles.xml\"/>\
             <Relationship Id=\"rIdSettings\" Type=\"{rel}/settings\" Target=\"settings.xml\"/>\
             <Relationship Id=\"rIdFonts\" Type=\"{rel}/fontTable\" Target=\"fontTable.xml\"/>\
             <Relationship Id=\"rIdTheme\" Type=\"{rel}/theme\" Target=\"theme/theme1.xml\"/>"
        );
        if self.page_numbers {
            write!(
                s,
                "<Relationship Id=\"rIdFooterOdd\" Type=\"{rel}/footer\" Target=\"footer1.xml\"/>\
                 <Relationship Id=\"rIdFooterEven\" Type=\"{rel}/footer\" Target=\"footer2.xml\"/>"
            )
            .unwrap();
        }
        for (i, photo) in self.media.iter().enumerate() {
            write!(
                s,
                "<Relationship Id=\"rIdImage{n}\" Type=\"{rel}/image\" Target=\"media/image{n}.{}\"/>",
                photo.extension,
                n = i + 1
            )
            .unwrap();
        }
        s.push_str("</Relationships>");
        s
    }

    fn content_types(&self) -> String {
        let main = "application/vnd.openxmlformats-officedocument.wordprocessingml";
        let mut s = format!(
            "{XML}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
             <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
             <Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        );
        let mut extensions: Vec<&str> = self.media.iter().map(|p| p.extension).collect();
        extensions.sort_unstable();
        extensions.dedup();
        for ext in extensions {
            let mime = if ext == "png" {
                "image/png"
            } else {
                "image/jpeg"
            };
            write!(s, "<Default Extension=\"{ext}\" ContentType=\"{mime}\"/>").unwrap();
        }
        if !self.options.embed.is_empty() {
            s.push_str("<Default Extension=\"odttf\" ContentType=\"application/vnd.openxmlformats-officedocument.obfuscatedFont\"/>");
        }
        write!(
            s,
            "<Override PartName=\"/word/document.xml\" ContentType=\"{main}.document.main+xml\"/>\
             <Override PartName=\"/word/styles.xml\" ContentType=\"{main}.styles+xml\"/>\
             <Override PartName=\"/word/settings.xml\" ContentType=\"{main}.settings+xml\"/>\
             <Override PartName=\"/word/fontTable.xml\" ContentType=\"{main}.fontTable+xml\"/>\
             <Override PartName=\"/word/theme/theme1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\"/>\
             <Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
             <Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        )
        .unwrap();
        if self.page_numbers {
            for n in [1, 2] {
                write!(
                    s,
                    "<Override PartName=\"/word/footer{n}.xml\" ContentType=\"{main}.footer+xml\"/>"
                )
                .unwrap();
            }
        }
        s.push_str("</Types>");
        s
    }

    /// `docProps/core.xml`: title, author (the unit), keywords, dates, language.
    fn core(&self) -> String {
        let issue = self.issue;
        let labels = issue.labels();
        let keywords: Vec<&str> = issue
            .columns
            .iter()
            .filter_map(|c| c.name.as_ref().map(|n| n.as_str()))
            .collect();
        let when = w3c_date(self.options.timestamp);
        format!(
            "{XML}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
             xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
             xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
             <dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>{}</dc:creator><cp:keywords>{}</cp:keywords>\
             <dc:description>{}</dc:description><cp:lastModifiedBy>{}</cp:lastModifiedBy><dc:language>zh-CN</dc:language>\
             <dcterms:created xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:created>\
             <dcterms:modified xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:modified></cp:coreProperties>",
            escape(&format!("{} {}", issue.name, labels.title)),
            escape(&issue.name),
            escape(&issue.unit),
            escape(&keywords.join("; ")),
            escape(&format!(
                "{} {}，{} {}",
                issue.name, labels.title, issue.unit, labels.date
            )),
            escape(&issue.unit),
        )
    }
}

/// Where the dashes of "— N —" stand in their line, as a fraction of the
/// size from the line's top (the dash sits at the middle of the em box).
const DASH_DROP: f64 = 0.45;

/// The grid's line pitch in twips, rounded down so that 22 lines fit in
/// the type area (LibreOffice fits only 21 at 580).
pub fn line_pitch() -> i64 {
    let area = page::TYPE_HEIGHT_MM * TWIPS_PER_MM;
    (area / f64::from(page::LINES)).floor() as i64
}

/// The grid's character spacing: what Word adds to the Normal size (in
/// 1/4096 pt) to make one cell, so that 28 cells fill the line.
pub fn char_space() -> i64 {
    ((page::CELL_PT - page::BODY_SIZE_PT) * 4096.0).round() as i64
}

/// Half-points, the unit of `w:sz`.
fn half_points(pt: f64) -> i64 {
    (pt * 2.0).round() as i64
}

/// `w:rFonts` naming `face` for every script, never a theme font.
fn fonts(face: &str) -> String {
    let f = escape(face);
    format!("<w:rFonts w:ascii=\"{f}\" w:hAnsi=\"{f}\" w:eastAsia=\"{f}\" w:cs=\"{f}\"/>")
}

/// A paragraph of `style` with extra paragraph properties and its runs.
fn para(out: &mut String, style: &str, ppr: &str, runs: &str) {
    write!(
        out,
        "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/>{ppr}</w:pPr>{runs}</w:p>"
    )
    .unwrap();
}

/// A blank grid line.
fn blank(out: &mut String) {
    para(out, "Normal", "", "");
}

/// A run of `text` with run properties `rpr`; line breaks in the text become
/// `w:br`.
fn run(text: &str, rpr: &str) -> String {
    let rpr = if rpr.is_empty() {
        String::new()
    } else {
        format!("<w:rPr>{rpr}</w:rPr>")
    };
    let body: Vec<String> = text
        .split('\n')
        .map(|line| format!("<w:t xml:space=\"preserve\">{}</w:t>", escape(line)))
        .collect();
    format!("<w:r>{rpr}{}</w:r>", body.join("<w:br/>"))
}

/// A title's runs: its phrases (split at spaces) packed greedily into lines
/// of the type-area width, a line break where the PDF breaks; a phrase too
/// long for a line is left to Word.
fn title_runs(title: &str) -> String {
    let cells = (page::TYPE_WIDTH_MM / page::MM_PER_PT / TITLE_PT).floor();
    let width = |s: &str| s.chars().map(char_em).sum::<f64>();
    let mut lines: Vec<String> = Vec::new();
    for phrase in title.split(' ').filter(|p| !p.is_empty()) {
        match lines.last_mut() {
            Some(line) if width(line) + 0.5 + width(phrase) <= cells => {
                line.push(' ');
                line.push_str(phrase);
            }
            _ => lines.push(phrase.to_string()),
        }
    }
    run(&lines.join("\n"), "")
}

/// A character's advance in ems, as the masthead and titles assume it:
/// full-width for Chinese, half for the rest.
fn char_em(c: char) -> f64 {
    match unicode_width::UnicodeWidthChar::width(c) {
        Some(2) => 1.0,
        _ => 0.5,
    }
}

/// The name's size: fitted to the type-area width, at most [`NAME_MAX_PT`],
/// rounded down to a half point; or the style's own.
fn name_size(issue: &Issue) -> f64 {
    if let Some(size) = issue.style.name_size {
        return size.0;
    }
    let ems: f64 = issue.name.chars().map(char_em).sum::<f64>().max(1.0);
    let fitted = page::TYPE_WIDTH_MM / page::MM_PER_PT / ems;
    (fitted.min(NAME_MAX_PT) * 2.0).floor() / 2.0
}

/// An inline picture, `width` of the type-area width, with the caption as
/// its description.
fn drawing(n: usize, photo: &Prepared, width: f64, caption: Option<&str>) -> String {
    let max_w = page::TYPE_WIDTH_MM * width.clamp(0.05, 1.0);
    let ratio = f64::from(photo.height.max(1)) / f64::from(photo.width.max(1));
    let max_h = page::TYPE_HEIGHT_MM * 0.8;
    let (w, h) = if max_w * ratio > max_h {
        (max_h / ratio, max_h)
    } else {
        (max_w, max_w * ratio)
    };
    let (cx, cy) = (
        (w * EMU_PER_MM).round() as i64,
        (h * EMU_PER_MM).round() as i64,
    );
    let descr = escape(caption.unwrap_or("照片"));
    format!(
        "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">\
         <wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>\
         <wp:docPr id=\"{n}\" name=\"图片 {n}\" descr=\"{descr}\"/>\
         <wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>\
         <a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
         <pic:pic><pic:nvPicPr><pic:cNvPr id=\"{n}\" name=\"image{n}.{ext}\" descr=\"{descr}\"/><pic:cNvPicPr/></pic:nvPicPr>\
         <pic:blipFill><a:blip r:embed=\"rIdImage{n}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
         <pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm>\
         <a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>\
         </a:graphicData></a:graphic></wp:inline></w:drawing></w:r>",
        ext = photo.extension,
    )
}

/// The footer block (版记): a one-column table floated to the bottom of the
/// type area, 0.35 mm rules above and below, 0.25 mm between its groups;
/// rows never split.
fn footer_block(out: &mut String, issue: &Issue, labels: &crate::model::Labels) {
    let footer = &issue.footer;
    let width = (page::TYPE_WIDTH_MM * TWIPS_PER_MM).floor() as i64;
    let indent = (FOOTER_PT * 20.0) as i64;
    let mut rows: Vec<String> = Vec::new();
    for (label, lines) in footer.recipients() {
        let label = format!("{label}：");
        let hang = (label.chars().count() as f64 * FOOTER_PT * 20.0) as i64;
        let mut cell = String::new();
        for (i, line) in lines.iter().enumerate() {
            let text = if i == 0 {
                format!("{label}{line}")
            } else {
                line.clone()
            };
            let ind = if i == 0 {
                format!("<w:ind w:left=\"{}\" w:hanging=\"{hang}\"/>", indent + hang)
            } else {
                format!("<w:ind w:left=\"{}\"/>", indent + hang)
            };
            para(&mut cell, "版记", &ind, &run(&text, ""));
        }
        rows.push(cell);
    }
    let mut closing = String::new();
    if footer.editor.is_some() || footer.approver.is_some() {
        let editor = footer
            .editor
            .as_ref()
            .map(|_| labels.signatures[0].as_str());
        let approver = footer
            .approver
            .as_ref()
            .and_then(|_| labels.signatures.last().map(String::as_str));
        let tab = format!(
            "<w:tabs><w:tab w:val=\"right\" w:pos=\"{}\"/></w:tabs>",
            width - 2 * indent
        );
        let runs = format!(
            "{}<w:r><w:tab/></w:r>{}",
            run(editor.unwrap_or(""), ""),
            run(approver.unwrap_or(""), "")
        );
        para(&mut closing, "版记", &tab, &runs);
    }
    if let Some(registration) = &labels.registration {
        para(
            &mut closing,
            "版记",
            "<w:jc w:val=\"right\"/>",
            &run(registration, ""),
        );
    }
    if !closing.is_empty() {
        rows.push(closing);
    }
    if rows.is_empty() {
        return;
    }
    // Every paragraph but the last keeps with the next: the block is never
    // split across pages.
    let mark = "<w:pStyle w:val=\"版记\"/>";
    let total: usize = rows.iter().map(|r| r.matches(mark).count()).sum();
    let mut seen = 0;
    for row in &mut rows {
        let parts: Vec<&str> = row.split(mark).collect();
        let mut joined = String::from(parts[0]);
        for part in &parts[1..] {
            seen += 1;
            joined.push_str(mark);
            if seen < total {
                joined.push_str("<w:keepNext/>");
            }
            joined.push_str(part);
        }
        *row = joined;
    }
    let border = |side: &str, eighths: u32| {
        format!("<w:{side} w:val=\"single\" w:sz=\"{eighths}\" w:space=\"0\" w:color=\"000000\"/>")
    };
    // 0.35 mm and 0.25 mm in eighths of a point.
    let outer = (0.35 / page::MM_PER_PT * 8.0).round() as u32;
    let inner = (0.25 / page::MM_PER_PT * 8.0).round() as u32;
    // Placed from the page's left edge (at the margin), not the margin's:
    // LibreOffice keeps a floating table as wide as the text area inline
    // unless it is positioned relative to the page.
    write!(
        out,
        "<w:tbl><w:tblPr><w:tblpPr w:leftFromText=\"0\" w:rightFromText=\"0\" w:topFromText=\"{}\" w:bottomFromText=\"0\" \
         w:vertAnchor=\"margin\" w:horzAnchor=\"page\" w:tblpX=\"{}\" w:tblpYSpec=\"bottom\"/>\
         <w:tblOverlap w:val=\"never\"/><w:tblW w:w=\"{width}\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>\
         <w:tblBorders>{}<w:left w:val=\"nil\"/>{}<w:right w:val=\"nil\"/>{}<w:insideV w:val=\"nil\"/></w:tblBorders>\
         <w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar>\
         <w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"{width}\"/></w:tblGrid>",
        line_pitch() / 2,
        (page::LEFT_MM * TWIPS_PER_MM).round() as i64,
        border("top", outer),
        border("bottom", outer),
        border("insideH", inner),
    )
    .unwrap();
    for row in rows {
        write!(
            out,
            "<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/></w:tcPr>{row}</w:tc></w:tr>"
        )
        .unwrap();
    }
    out.push_str("</w:tbl>");
}

/// A footer part with "— N —", N a PAGE field: odd pages right less one
/// 字, even pages left plus one 字.
fn page_number_footer(even: bool) -> String {
    let one = (page::PAGE_NUMBER_SIZE_PT * 20.0) as i64;
    let place = if even {
        format!("<w:ind w:left=\"{one}\"/><w:jc w:val=\"left\"/>")
    } else {
        format!("<w:ind w:right=\"{one}\"/><w:jc w:val=\"right\"/>")
    };
    format!(
        "{XML}<w:ftr {NS}><w:p><w:pPr><w:pStyle w:val=\"页码\"/>{place}</w:pPr>\
         <w:r><w:t xml:space=\"preserve\">— </w:t></w:r>\
         <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>\
         <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>\
         <w:r><w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:ftr>"
    )
}

/// `2024-09-20T00:00:00Z` from seconds since 1970.
pub(crate) fn w3c_date(seconds: i64) -> String {
    let [y, mo, d, h, mi, s] = crate::model::utc(seconds);
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
}

/// The key of embedded font `i`: a fixed GUID per position, so the bytes do
/// not change between builds.
fn font_key(i: usize) -> [u8; 16] {
    let mut key = *b"jianbao-fontkey0";
    key[15] = b'0' + (i % 10) as u8;
    key
}

/// A key as Word writes it: `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}`.
fn key_text(key: &[u8; 16]) -> String {
    let hex: String = key.iter().map(|b| format!("{b:02X}")).collect();
    format!(
        "{{{}-{}-{}-{}-{}}}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// Word's font obfuscation (ECMA-376 part 2 §... "Font embedding"): the
/// first 32 bytes XORed with the key's bytes taken from the GUID string's
/// last byte backwards.
fn obfuscate(font: &[u8], key: &[u8; 16]) -> Vec<u8> {
    let text = key_text(key);
    let hex: String = text.chars().filter(|c| c.is_ascii_hexdigit()).collect();
    let bytes: Vec<u8> = (0..16)
        .map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap_or(0))
        .collect();
    let mut out = font.to_vec();
    for (i, b) in out.iter_mut().take(32).enumerate() {
        *b ^= bytes[15 - i % 16];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grid_fits_22_lines_and_28_cells() {
        assert_eq!(line_pitch(), 579);
        // 16 pt + charSpace/4096 pt is one cell of 156 mm / 28.
        assert_eq!(char_space(), -848);
    }

    #[test]
    fn dates_are_w3c() {
        assert_eq!(w3c_date(0), "1970-01-01T00:00:00Z");
        assert_eq!(w3c_date(1_726_790_400), "2024-09-20T00:00:00Z");
    }

    #[test]
    fn titles_break_between_phrases() {
        let runs = title_runs("北湖区：整合阵地资源 激活服务力量 让文明实践融入群众日常生活");
        assert!(
            runs.contains("北湖区：整合阵地资源 激活服务力量</w:t><w:br/><w:t xml:space=\"preserve\">让文明实践融入群众日常生活")
        );
    }

    #[test]
    fn obfuscation_is_its_own_inverse() {
        let font: Vec<u8> = (0..64).collect();
        let key = font_key(3);
        assert_ne!(obfuscate(&font, &key), font);
        assert_eq!(obfuscate(&obfuscate(&font, &key), &key), font);
        assert_eq!(key_text(&key).len(), 38);
    }
}
