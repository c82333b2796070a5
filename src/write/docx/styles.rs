//! `word/styles.xml`, `settings.xml`, the theme and the font table: the
//! named Chinese styles every part of the document is set in.

use std::fmt::Write as _;

use super::fonts::{font_key, key_text};
use super::page::{char_spacing, line_pitch};
use super::{Document, NS, TWIPS_PER_MM, XML, escape, fonts, half_points};
use crate::format::page::{self, FOOTER_PT, KIND_PT, NAME_MAX_PT, TITLE_PT};
use crate::format::styles;
use crate::model::{Face, GridMode, RuleKind};

impl Document<'_> {
    /// `word/styles.xml`: the defaults and the named styles.
    pub(super) fn styles(&self) -> String {
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
            let thickness = issue.style.rule_thickness.map_or(page::RULE_PT, |t| t.0);
            let kind = match issue.style.rule.unwrap_or(RuleKind::Single) {
                RuleKind::Double => "thickThinSmallGap",
                RuleKind::Single => "single",
                // Drawn in the paragraph, around the star (content.rs).
                RuleKind::Star => "",
            };
            let eighths = thickness * 8.0;
            if kind.is_empty() {
                String::new()
            } else {
                format!(
                    "<w:pBdr><w:bottom w:val=\"{kind}\" w:sz=\"{}\" w:space=\"4\" w:color=\"{red}\"/></w:pBdr>",
                    (eighths.round() as i64).clamp(2, 96)
                )
            }
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
             <w:pPr><w:widowControl w:val=\"0\"/>{hang}{exact}<w:jc w:val=\"both\"/></w:pPr>\
             <w:rPr><w:spacing w:val=\"{spacing}\"/><w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/></w:rPr></w:style>\
             <w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>\
             <w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:semiHidden/>\
             <w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"0\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>",
            spacing = char_spacing(),
            size = half_points(page::BODY_SIZE_PT),
        )
        .unwrap();
        let name_size = format!("<w:sz w:val=\"{}\"/>", half_points(NAME_MAX_PT));
        // What the PDF sets untracked: the masthead's lines, the title block,
        // the footer block.
        let untracked = "<w:spacing w:val=\"0\"/>";
        let bold = |level: u8| {
            if issue
                .style
                .heading_bold
                .as_ref()
                .is_some_and(|b| b.has(level))
            {
                "<w:b/><w:bCs/>"
            } else {
                ""
            }
        };
        let table_text = format!(
            "{untracked}<w:sz w:val=\"{}\"/><w:szCs w:val=\"{}\"/>",
            half_points(page::TABLE_PT),
            half_points(page::TABLE_PT)
        );
        let paragraph_styles: [(&str, String, String); 22] = [
            (styles::BODY, indent2.to_string(), String::new()),
            (styles::MARK, String::new(), fonts(&f.hei)),
            (
                styles::NAME,
                format!(
                    "{no_grid}<w:spacing w:line=\"{}\" w:lineRule=\"exact\"/><w:jc w:val=\"center\"/>",
                    3 * line_pitch()
                ),
                format!(
                    "{}<w:color w:val=\"{red}\"/>{untracked}{name_size}",
                    fonts(&f.title)
                ),
            ),
            (
                styles::KIND,
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
            (
                styles::NUMBER,
                "<w:jc w:val=\"center\"/>".into(),
                untracked.into(),
            ),
            (
                styles::UNIT_DATE,
                format!(
                    "{rule}<w:tabs><w:tab w:val=\"right\" w:pos=\"{}\"/></w:tabs>",
                    (page::TYPE_WIDTH_MM * TWIPS_PER_MM).floor() as i64
                ),
                untracked.into(),
            ),
            (styles::COLUMN, String::new(), fonts(&f.hei)),
            (
                styles::CONTENTS,
                "<w:ind w:leftChars=\"200\" w:left=\"640\"/>".into(),
                fonts(&f.kai),
            ),
            (styles::NOTE, indent2.into(), fonts(&f.kai)),
            (
                styles::TITLE,
                format!("<w:keepNext/>{no_grid}<w:jc w:val=\"center\"/>"),
                format!(
                    "{}{untracked}<w:sz w:val=\"{}\"/><w:szCs w:val=\"{}\"/>",
                    fonts(&f.title),
                    half_points(TITLE_PT),
                    half_points(TITLE_PT)
                ),
            ),
            (
                styles::SUBTITLE,
                "<w:keepNext/><w:jc w:val=\"center\"/>".into(),
                format!("{}{untracked}", fonts(&f.kai)),
            ),
            (
                styles::SOURCE,
                "<w:keepNext/><w:jc w:val=\"center\"/>".into(),
                format!("{}{untracked}", fonts(&f.kai)),
            ),
            (
                styles::HEADING_1,
                format!("<w:keepNext/>{indent2}<w:outlineLvl w:val=\"0\"/>"),
                format!("{}{}", fonts(&f.hei), bold(1)),
            ),
            (
                styles::HEADING_2,
                format!("<w:keepNext/>{indent2}<w:outlineLvl w:val=\"1\"/>"),
                format!("{}{}", fonts(&f.kai), bold(2)),
            ),
            (
                styles::HEADING_3,
                format!("<w:keepNext/>{indent2}<w:outlineLvl w:val=\"2\"/>"),
                format!("{}{}", fonts(&f.fang), bold(3)),
            ),
            (
                styles::HEADING_4,
                format!("<w:keepNext/>{indent2}<w:outlineLvl w:val=\"3\"/>"),
                format!("{}{}", fonts(&f.fang), bold(4)),
            ),
            (
                styles::TABLE_CAPTION,
                "<w:keepNext/><w:jc w:val=\"center\"/>".into(),
                format!("{}{untracked}", fonts(&f.hei)),
            ),
            (
                styles::TABLE_HEADER,
                "<w:keepNext/><w:jc w:val=\"center\"/>".into(),
                format!("{}{table_text}", fonts(&f.hei)),
            ),
            (
                styles::TABLE_TEXT,
                "<w:jc w:val=\"center\"/>".into(),
                format!("{}{table_text}", fonts(&f.fang)),
            ),
            (
                styles::PHOTO,
                "<w:spacing w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/>".into(),
                String::new(),
            ),
            (
                styles::CAPTION,
                "<w:jc w:val=\"center\"/>".into(),
                fonts(&f.kai),
            ),
            (
                styles::FOOTER,
                format!(
                    "{no_grid}<w:spacing w:before=\"60\" w:after=\"60\" w:line=\"{}\" w:lineRule=\"exact\"/>\
                     <w:ind w:left=\"{}\" w:right=\"{}\"/><w:jc w:val=\"left\"/>",
                    (FOOTER_PT * 1.45 * 20.0).round() as i64,
                    (FOOTER_PT * 20.0) as i64,
                    (FOOTER_PT * 20.0) as i64
                ),
                format!(
                    "{untracked}<w:sz w:val=\"{}\"/><w:szCs w:val=\"{}\"/>",
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
                next = if name == styles::PHOTO { styles::CAPTION } else { styles::BODY },
            )
            .unwrap();
        }
        write!(
            s,
            "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"{number}\"><w:name w:val=\"{number}\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/>\
             <w:pPr>{no_grid}<w:spacing w:line=\"{}\" w:lineRule=\"exact\"/></w:pPr><w:rPr>{}<w:spacing w:val=\"0\"/><w:sz w:val=\"{}\"/><w:szCs w:val=\"{}\"/></w:rPr></w:style>",
            (page::PAGE_NUMBER_SIZE_PT * 20.0) as i64,
            fonts(&f.song),
            half_points(page::PAGE_NUMBER_SIZE_PT),
            half_points(page::PAGE_NUMBER_SIZE_PT),
            number = styles::PAGE_NUMBER,
        )
        .unwrap();
        for (name, rpr) in [
            (styles::LEAD, fonts(lead_face)),
            (styles::NOTE_LABEL, fonts(&f.hei)),
        ] {
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
    pub(super) fn settings(&self) -> String {
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
    pub(super) fn theme(&self) -> String {
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
    pub(super) fn font_table(&self) -> String {
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

    pub(super) fn font_rels(&self) -> String {
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
}
