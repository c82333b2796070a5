//! The package's parts around the content: content types, relationships,
//! the core and extended properties.

use std::fmt::Write as _;

use super::{Document, XML, escape};
use crate::write::xml::w3c_date;

pub(super) const ROOT_RELS: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#,
    r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#,
    "</Relationships>"
);

pub(super) const APP: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">"#,
    "<Application>jianbao</Application>",
    "</Properties>"
);

impl Document<'_> {
    pub(super) fn document_rels(&self) -> String {
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

    pub(super) fn content_types(&self) -> String {
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
    pub(super) fn core(&self) -> String {
        let meta = &self.options.meta;
        let when = w3c_date(meta.timestamp);
        format!(
            "{XML}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
             xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
             xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
             <dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>{}</dc:creator><cp:keywords>{}</cp:keywords>\
             <dc:description>{}</dc:description><cp:lastModifiedBy>{}</cp:lastModifiedBy><dc:language>zh-CN</dc:language>\
             <dcterms:created xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:created>\
             <dcterms:modified xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:modified></cp:coreProperties>",
            escape(&meta.title),
            escape(&self.issue.name),
            escape(&meta.author),
            escape(&meta.keywords.join("; ")),
            escape(&meta.description),
            escape(&meta.author),
        )
    }
}
