//! What a Word document's styles say a run looks like: the style chain
//! (`w:basedOn`, bounded against cycles), the document defaults, direct
//! formatting on top, and theme faces (`w:eastAsiaTheme`, `w:asciiTheme`)
//! resolved through the theme part, so that 等线 named outright and 等线
//! named by the theme are one face.

use std::collections::HashMap;

use roxmltree::Node;

use super::{A, W};

/// The longest `w:basedOn` chain followed; a longer one is a cycle or a
/// hostile file, and the rest of it is ignored.
const MAX_CHAIN: usize = 16;

/// Run properties, each unset unless a style or the run says it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Props {
    /// The East Asian face (a theme face resolved to its name).
    pub face: Option<String>,
    /// The Latin face.
    pub latin: Option<String>,
    pub bold: Option<bool>,
    pub italic: Option<bool>,
    /// Points.
    pub size: Option<f64>,
    /// Hex RGB.
    pub color: Option<String>,
    /// `w:vanish`: hidden text.
    pub hidden: Option<bool>,
}

impl Props {
    /// These properties with `top`'s set ones over them.
    pub fn under(&self, top: &Props) -> Props {
        Props {
            face: top.face.clone().or_else(|| self.face.clone()),
            latin: top.latin.clone().or_else(|| self.latin.clone()),
            bold: top.bold.or(self.bold),
            italic: top.italic.or(self.italic),
            size: top.size.or(self.size),
            color: top.color.clone().or_else(|| self.color.clone()),
            hidden: top.hidden.or(self.hidden),
        }
    }

    /// The properties of a `w:rPr`.
    pub fn read(rpr: Option<Node>, theme: &Theme) -> Props {
        let Some(rpr) = rpr else {
            return Props::default();
        };
        let child = |tag: &str| rpr.children().find(|n| n.has_tag_name((W, tag)));
        let toggle = |tag: &str| {
            child(tag).map(|n| {
                !matches!(
                    n.attribute((W, "val")),
                    Some("0" | "false" | "off" | "none")
                )
            })
        };
        let fonts = child("rFonts");
        let font = |theme_attr: &str, attr: &str| {
            fonts.and_then(|f| {
                f.attribute((W, theme_attr))
                    .and_then(|t| theme.face(t))
                    .or_else(|| f.attribute((W, attr)).map(str::to_string))
            })
        };
        Props {
            face: font("eastAsiaTheme", "eastAsia"),
            latin: font("asciiTheme", "ascii"),
            bold: toggle("b"),
            italic: toggle("i"),
            size: child("sz")
                .and_then(|n| n.attribute((W, "val")))
                .and_then(|v| v.parse::<f64>().ok())
                .filter(|v| v.is_finite() && *v > 0.0)
                .map(|v| v / 2.0),
            color: child("color")
                .and_then(|n| n.attribute((W, "val")))
                .filter(|v| *v != "auto")
                .map(str::to_string),
            hidden: toggle("vanish").or(toggle("specVanish")),
        }
    }
}

/// The theme's faces: major (headings) and minor (body), East Asian and Latin.
#[derive(Debug, Clone, Default)]
pub(super) struct Theme {
    major_ea: Option<String>,
    minor_ea: Option<String>,
    major_latin: Option<String>,
    minor_latin: Option<String>,
}

impl Theme {
    /// Reads a theme part (`word/theme/theme1.xml`); nothing when it does not parse.
    pub fn read(xml: &str) -> Theme {
        let Ok(doc) = roxmltree::Document::parse(xml) else {
            return Theme::default();
        };
        let scheme = |tag: &str| doc.descendants().find(|n| n.has_tag_name((A, tag)));
        // The East Asian face: `a:ea`, or when that is empty the face the
        // theme names for simplified Chinese.
        fn named<'a>(n: Node<'a, '_>) -> Option<&'a str> {
            n.attribute("typeface").filter(|t| !t.is_empty())
        }
        let ea = |font: Option<Node>| {
            let font = font?;
            font.children()
                .find(|n| n.has_tag_name((A, "ea")))
                .and_then(named)
                .or_else(|| {
                    font.children()
                        .find(|n| {
                            n.has_tag_name((A, "font")) && n.attribute("script") == Some("Hans")
                        })
                        .and_then(named)
                })
                .map(str::to_string)
        };
        let latin = |font: Option<Node>| {
            font?
                .children()
                .find(|n| n.has_tag_name((A, "latin")))
                .and_then(|n| n.attribute("typeface"))
                .filter(|t| !t.is_empty())
                .map(str::to_string)
        };
        let (major, minor) = (scheme("majorFont"), scheme("minorFont"));
        Theme {
            major_ea: ea(major),
            minor_ea: ea(minor),
            major_latin: latin(major),
            minor_latin: latin(minor),
        }
    }

    /// The face a theme font attribute value names; the value itself when
    /// the theme does not say, so that runs naming one theme face still agree.
    fn face(&self, value: &str) -> Option<String> {
        let named = match value {
            "majorEastAsia" => &self.major_ea,
            "minorEastAsia" => &self.minor_ea,
            "majorHAnsi" | "majorAscii" | "majorBidi" => &self.major_latin,
            "minorHAnsi" | "minorAscii" | "minorBidi" => &self.minor_latin,
            _ => &None,
        };
        Some(named.clone().unwrap_or_else(|| value.to_string()))
    }
}

/// One style of styles.xml.
#[derive(Debug, Clone, Default)]
struct Style {
    name: String,
    based_on: Option<String>,
    run: Props,
    centred: Option<bool>,
}

/// The styles of a document.
#[derive(Debug, Clone, Default)]
pub(super) struct Styles {
    styles: HashMap<String, Style>,
    defaults: Props,
    default_paragraph: Option<String>,
    pub theme: Theme,
}

impl Styles {
    /// Reads styles.xml and the theme; a part that does not parse gives none.
    pub fn read(styles: &str, theme: Theme) -> Styles {
        let mut out = Styles {
            theme,
            ..Styles::default()
        };
        let Ok(doc) = roxmltree::Document::parse(styles) else {
            return out;
        };
        out.defaults = Props::read(
            doc.descendants()
                .find(|n| n.has_tag_name((W, "rPrDefault")))
                .and_then(|d| d.children().find(|n| n.has_tag_name((W, "rPr")))),
            &out.theme,
        );
        for node in doc.descendants().filter(|n| n.has_tag_name((W, "style"))) {
            let Some(id) = node.attribute((W, "styleId")) else {
                continue;
            };
            let child = |tag: &str| node.children().find(|n| n.has_tag_name((W, tag)));
            let val = |tag: &str| {
                child(tag)
                    .and_then(|n| n.attribute((W, "val")))
                    .map(str::to_string)
            };
            if node.attribute((W, "type")) == Some("paragraph")
                && matches!(node.attribute((W, "default")), Some("1" | "true"))
            {
                out.default_paragraph = Some(id.to_string());
            }
            let centred = child("pPr")
                .and_then(|p| p.children().find(|n| n.has_tag_name((W, "jc"))))
                .and_then(|n| n.attribute((W, "val")))
                .map(|v| v == "center");
            let style = Style {
                name: val("name").unwrap_or_else(|| id.to_string()),
                based_on: val("basedOn"),
                run: Props::read(child("rPr"), &out.theme),
                centred,
            };
            out.styles.insert(id.to_string(), style);
        }
        out
    }

    /// The chain of style `id`, itself first, its bases after.
    fn chain(&self, id: &str) -> Vec<&Style> {
        let mut chain: Vec<&Style> = Vec::new();
        let mut next = Some(id);
        while let Some(id) = next {
            let Some(style) = self.styles.get(id) else {
                break;
            };
            if chain.len() >= MAX_CHAIN || chain.iter().any(|s| std::ptr::eq(*s, style)) {
                break;
            }
            chain.push(style);
            next = style.based_on.as_deref();
        }
        chain
    }

    /// A paragraph's style id: as given, else the default paragraph style.
    pub fn paragraph_id<'a>(&'a self, id: Option<&'a str>) -> &'a str {
        id.or(self.default_paragraph.as_deref()).unwrap_or("")
    }

    /// Style `id`'s name (its id when it has none or is not defined).
    pub fn name(&self, id: &str) -> String {
        self.styles
            .get(id)
            .map_or_else(|| id.to_string(), |s| s.name.clone())
    }

    /// The run properties paragraph style `id` gives its text, over the defaults.
    pub fn paragraph_run(&self, id: &str) -> Props {
        self.chain(id)
            .iter()
            .rev()
            .fold(self.defaults.clone(), |props, style| {
                props.under(&style.run)
            })
    }

    /// Whether paragraph style `id` centres its paragraphs.
    pub fn centred(&self, id: &str) -> bool {
        self.chain(id)
            .iter()
            .find_map(|s| s.centred)
            .unwrap_or(false)
    }

    /// The run properties character style `id` adds.
    pub fn character(&self, id: &str) -> Props {
        self.chain(id)
            .iter()
            .rev()
            .fold(Props::default(), |props, style| props.under(&style.run))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STYLES: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsiaTheme="minorEastAsia"/><w:sz w:val="21"/></w:rPr></w:rPrDefault></w:docDefaults>
      <w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
      <w:style w:type="paragraph" w:styleId="b1"><w:name w:val="正文"/><w:basedOn w:val="a"/><w:rPr><w:sz w:val="32"/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="x"><w:name w:val="loop"/><w:basedOn w:val="y"/><w:rPr><w:b/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="y"><w:name w:val="loop2"/><w:basedOn w:val="x"/></w:style>
      <w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
    </w:styles>"#;

    const THEME: &str = r#"<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:themeElements><a:fontScheme>
      <a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:font script="Hans" typeface="等线 Light"/></a:majorFont>
      <a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:font script="Hans" typeface="等线"/></a:minorFont>
    </a:fontScheme></a:themeElements></a:theme>"#;

    #[test]
    fn theme_faces_resolve_and_chains_stop_at_cycles() {
        let styles = Styles::read(STYLES, Theme::read(THEME));
        let normal = styles.paragraph_run(styles.paragraph_id(None));
        assert_eq!(normal.face.as_deref(), Some("等线"));
        assert_eq!(normal.size, Some(10.5));
        let body = styles.paragraph_run("b1");
        assert_eq!(
            (body.face.as_deref(), body.size),
            (Some("等线"), Some(16.0))
        );
        assert_eq!(styles.name("b1"), "正文");
        assert_eq!(styles.paragraph_run("x").bold, Some(true));
        assert_eq!(styles.character("Strong").bold, Some(true));
        assert_eq!(styles.name("missing"), "missing");
    }
}
