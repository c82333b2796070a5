//! `word/document.xml`: the masthead, contents, editor's note, articles,
//! photos and the footer block, in the named styles of `crate::format::styles`.

use std::fmt::Write as _;

use super::{DRAWING_NS, Document, EMU_PER_MM, NS, TWIPS_PER_MM, XML, escape, half_points};
use crate::format::page::{self, FOOTER_PT, NAME_MAX_PT, TITLE_PT};
use crate::format::{labels, styles};
use crate::model::{Block, Issue, RuleKind};
use crate::photo::Prepared;

impl Document<'_> {
    /// `word/document.xml`.
    pub(super) fn body(&mut self) -> String {
        let issue = self.issue;
        let labels = issue.labels();
        let mut out = String::new();
        let p = &mut out;

        // The masthead.
        for line in [&issue.copy_number, &issue.handling_mark]
            .into_iter()
            .flatten()
        {
            para(p, styles::MARK, "", &run(line, ""));
        }
        if issue.handling_mark.is_none() {
            blank(p);
        }
        let name_pt = name_size(issue);
        para(
            p,
            styles::NAME,
            "",
            &run(
                &issue.name,
                &format!("<w:sz w:val=\"{}\"/>", half_points(name_pt)),
            ),
        );
        if !labels.kind.is_empty() {
            para(p, styles::KIND, "", &run(labels.kind, ""));
        }
        para(p, styles::NUMBER, "", &run(&labels.number, ""));
        if let Some(total) = &labels.total {
            para(p, styles::NUMBER, "", &run(total, ""));
        }
        para(
            p,
            styles::UNIT_DATE,
            "",
            &format!(
                "{}<w:r><w:tab/></w:r>{}{}",
                run(&issue.unit, ""),
                run(&labels.date, ""),
                if issue.style.rule == Some(RuleKind::Star) {
                    self.star_rule()
                } else {
                    String::new()
                }
            ),
        );
        blank(p);

        // The contents.
        let contents = issue.shows_contents();
        if contents {
            for column in &issue.columns {
                if let Some(name) = &column.name {
                    para(
                        p,
                        styles::COLUMN,
                        "",
                        &run(&labels::column(name.as_str()), ""),
                    );
                }
                for article in &column.articles {
                    para(p, styles::CONTENTS, "", &run(article.title.as_str(), ""));
                }
            }
        }
        if let Some(note) = &issue.editor_note {
            if contents {
                blank(p);
            }
            para(
                p,
                styles::NOTE,
                "",
                &format!(
                    "{}{}",
                    run(
                        labels::NOTE_PRINTED,
                        &format!("<w:rStyle w:val=\"{}\"/>", styles::NOTE_LABEL)
                    ),
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
                para(
                    p,
                    styles::COLUMN,
                    "",
                    &run(&labels::column(name.as_str()), ""),
                );
                started = false;
            }
            for article in &column.articles {
                if started {
                    blank(p);
                }
                started = true;
                para(p, styles::TITLE, "", &title_runs(article.title.as_str()));
                if let Some(subtitle) = &article.subtitle {
                    para(p, styles::SUBTITLE, "", &run(subtitle.as_str(), ""));
                }
                if let Some(source) = &article.source {
                    para(p, styles::SOURCE, "", &run(source.as_str(), ""));
                }
                // The blank line under the title block stays with it.
                para(p, "Normal", "<w:keepNext/>", "");
                let mut i = 0;
                while i < article.body.len() {
                    // Two photos whose widths add up to the line at most stand
                    // side by side, as in the PDF.
                    if let (Some(a @ Block::Photo { .. }), Some(b @ Block::Photo { .. })) =
                        (article.body.get(i), article.body.get(i + 1))
                        && photo_width(a) + photo_width(b) <= 1.0
                    {
                        self.photo_pair(p, [a, b]);
                        i += 2;
                        continue;
                    }
                    self.block(p, &article.body[i]);
                    i += 1;
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
    pub(super) fn block(&mut self, p: &mut String, block: &Block) {
        match block {
            Block::Paragraph { lead, text } => {
                let lead = lead
                    .as_deref()
                    .map(|l| run(l, &format!("<w:rStyle w:val=\"{}\"/>", styles::LEAD)))
                    .unwrap_or_default();
                para(p, styles::BODY, "", &format!("{lead}{}", run(text, "")));
            }
            Block::Heading { level, text } => {
                para(p, styles::heading(*level), "", &run(text, ""));
            }
            Block::Table(table) => super::table::table(p, table),
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
                    para(p, styles::PHOTO, keep, &drawing);
                }
                if let Some(caption) = caption {
                    para(p, styles::CAPTION, "", &run(caption, ""));
                }
            }
        }
    }
}

impl Document<'_> {
    /// The star rule as drawings anchored in the unit/date paragraph, where
    /// the PDF has it: a red bar either side of a gap of [`page::STAR_GAP_EM`]
    /// stars, a red five-pointed star in the gap, centred on the bars, at the
    /// rule's distance below the line's baseline.
    fn star_rule(&self) -> String {
        let red = self.red();
        let thickness = self
            .issue
            .style
            .rule_thickness
            .map_or(page::RULE_PT, |t| t.0);
        let mm = |pt: f64| pt * 25.4 / 72.0;
        // The baseline of an exact line of the pitch, as the template puts it.
        let baseline = mm(0.8 * page::BODY_SIZE_PT + (page::PITCH_PT - page::BODY_SIZE_PT) / 2.0);
        let y = baseline + page::RULE_GAP_MM;
        let star = mm(page::STAR_PT);
        let gap = star * page::STAR_GAP_EM;
        let bar = (page::TYPE_WIDTH_MM - gap) / 2.0;
        let shape = |id: usize, geometry: &str, x: f64, top: f64, w: f64, h: f64| {
            let emu = |v: f64| (v * EMU_PER_MM).round() as i64;
            format!(
                "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>\
                 <wp:anchor distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" simplePos=\"0\" relativeHeight=\"{id}\" \
                 behindDoc=\"0\" locked=\"1\" layoutInCell=\"1\" allowOverlap=\"1\"><wp:simplePos x=\"0\" y=\"0\"/>\
                 <wp:positionH relativeFrom=\"margin\"><wp:posOffset>{}</wp:posOffset></wp:positionH>\
                 <wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>{}</wp:posOffset></wp:positionV>\
                 <wp:extent cx=\"{}\" cy=\"{}\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:wrapNone/>\
                 <wp:docPr id=\"{id}\" name=\"rule {id}\"/><wp:cNvGraphicFramePr/>\
                 <a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">\
                 <wps:wsp><wps:cNvSpPr/><wps:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{}\" cy=\"{}\"/></a:xfrm>\
                 <a:prstGeom prst=\"{geometry}\"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val=\"{red}\"/></a:solidFill>\
                 <a:ln><a:noFill/></a:ln></wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>\
                 </wp:anchor></w:drawing></mc:Choice></mc:AlternateContent></w:r>",
                emu(x),
                emu(top),
                emu(w),
                emu(h),
                emu(w),
                emu(h)
            )
        };
        let t = mm(thickness);
        // Ids above any photo's.
        [
            shape(9001, "rect", 0.0, y - t / 2.0, bar, t),
            shape(9002, "rect", bar + gap, y - t / 2.0, bar, t),
            shape(
                9003,
                "star5",
                bar + (gap - star) / 2.0,
                y - star / 2.0,
                star,
                star,
            ),
        ]
        .concat()
    }

    /// Two photos side by side: a borderless table of two cells across the
    /// type area, each photo with its caption under it.
    fn photo_pair(&mut self, p: &mut String, photos: [&Block; 2]) {
        let width = (page::TYPE_WIDTH_MM * TWIPS_PER_MM).floor() as i64;
        let half = width / 2;
        let none = "<w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/><w:right w:val=\"nil\"/>\
                    <w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/>";
        write!(
            p,
            "<w:tbl><w:tblPr><w:tblW w:w=\"{width}\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>\
             <w:tblBorders>{none}</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr>\
             <w:tblGrid><w:gridCol w:w=\"{half}\"/><w:gridCol w:w=\"{half}\"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr>"
        )
        .unwrap();
        for photo in photos {
            write!(
                p,
                "<w:tc><w:tcPr><w:tcW w:w=\"{half}\" w:type=\"dxa\"/></w:tcPr>"
            )
            .unwrap();
            let mut cell = String::new();
            if let Block::Photo {
                path,
                caption,
                width,
            } = photo
            {
                // Its width is a fraction of the line; a hair less, for
                // the gap between the two.
                let width = width.unwrap_or(0.5) * 0.96;
                match self.options.photos.get(path) {
                    Some(prepared) => {
                        self.media.push(prepared.clone());
                        let n = self.media.len();
                        let shown = drawing(n, prepared, width, caption.as_deref());
                        para(&mut cell, styles::PHOTO, "", &shown);
                    }
                    None => para(&mut cell, styles::PHOTO, "", ""),
                }
                if let Some(caption) = caption {
                    para(&mut cell, styles::CAPTION, "", &run(caption, ""));
                }
            }
            write!(p, "{cell}</w:tc>").unwrap();
        }
        p.push_str("</w:tr></w:tbl>");
    }
}

/// A photo's width as a fraction of the line (1 when unset).
fn photo_width(block: &Block) -> f64 {
    match block {
        Block::Photo { width, .. } => width.unwrap_or(1.0),
        _ => 1.0,
    }
}

/// A paragraph of `style` with extra paragraph properties and its runs.
pub(super) fn para(out: &mut String, style: &str, ppr: &str, runs: &str) {
    write!(
        out,
        "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/>{ppr}</w:pPr>{runs}</w:p>"
    )
    .unwrap();
}

/// A blank grid line.
pub(super) fn blank(out: &mut String) {
    para(out, "Normal", "", "");
}

/// A run of `text` with run properties `rpr`; line breaks in the text become
/// `w:br`.
pub(super) fn run(text: &str, rpr: &str) -> String {
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
pub(super) fn title_runs(title: &str) -> String {
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
pub(super) fn char_em(c: char) -> f64 {
    match unicode_width::UnicodeWidthChar::width(c) {
        Some(2) => 1.0,
        _ => 0.5,
    }
}

/// The name's size: fitted to the type-area width, at most [`NAME_MAX_PT`],
/// rounded down to a half point; or the style's own.
pub(super) fn name_size(issue: &Issue) -> f64 {
    if let Some(size) = issue.style.name_size {
        return size.0;
    }
    let ems: f64 = issue.name.chars().map(char_em).sum::<f64>().max(1.0);
    let fitted = page::TYPE_WIDTH_MM / page::MM_PER_PT / ems;
    (fitted.min(NAME_MAX_PT) * 2.0).floor() / 2.0
}

/// An inline picture, `width` of the type-area width, with the caption as
/// its description.
pub(super) fn drawing(n: usize, photo: &Prepared, width: f64, caption: Option<&str>) -> String {
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
pub(super) fn footer_block(out: &mut String, issue: &Issue, labels: &crate::model::Labels) {
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
            para(&mut cell, styles::FOOTER, &ind, &run(&text, ""));
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
        para(&mut closing, styles::FOOTER, &tab, &runs);
    }
    if let Some(registration) = &labels.registration {
        para(
            &mut closing,
            styles::FOOTER,
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
    let mark = format!("<w:pStyle w:val=\"{}\"/>", styles::FOOTER);
    let total: usize = rows.iter().map(|r| r.matches(&mark).count()).sum();
    let mut seen = 0;
    for row in &mut rows {
        let parts: Vec<&str> = row.split(&mark).collect();
        let mut joined = String::from(parts[0]);
        for part in &parts[1..] {
            seen += 1;
            joined.push_str(&mark);
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
    // The rules in eighths of a point.
    let outer = (page::FOOTER_OUTER_RULE_MM / page::MM_PER_PT * 8.0).round() as u32;
    let inner = (page::FOOTER_INNER_RULE_MM / page::MM_PER_PT * 8.0).round() as u32;
    // Placed from the page's left edge (at the margin), not the margin's:
    // LibreOffice keeps a floating table as wide as the text area inline
    // unless it is positioned relative to the page. No distance from the
    // text above: with one, LibreOffice moves the table to a page of its
    // own even when the page has room (the brief sample took two pages).
    write!(
        out,
        "<w:tbl><w:tblPr><w:tblpPr w:leftFromText=\"0\" w:rightFromText=\"0\" w:topFromText=\"0\" w:bottomFromText=\"0\" \
         w:vertAnchor=\"margin\" w:horzAnchor=\"page\" w:tblpX=\"{}\" w:tblpYSpec=\"bottom\"/>\
         <w:tblOverlap w:val=\"never\"/><w:tblW w:w=\"{width}\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>\
         <w:tblBorders>{}<w:left w:val=\"nil\"/>{}<w:right w:val=\"nil\"/>{}<w:insideV w:val=\"nil\"/></w:tblBorders>\
         <w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar>\
         <w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"{width}\"/></w:tblGrid>",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_break_between_phrases() {
        let runs = title_runs("北湖区：整合阵地资源 激活服务力量 让文明实践融入群众日常生活");
        assert!(
            runs.contains("北湖区：整合阵地资源 激活服务力量</w:t><w:br/><w:t xml:space=\"preserve\">让文明实践融入群众日常生活")
        );
    }
}
