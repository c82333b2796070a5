//! The inside of a paragraph: its runs wherever Word puts them, what each
//! run holds (text, tabs and breaks, symbols, field characters, drawings
//! with their pictures and text boxes, note references), and which of it
//! shows.

use roxmltree::Node;

use super::super::symbols;
use super::super::{A, M, MC, R, V, W, WP};
use super::*;

impl Walker<'_> {
    /// The runs inside `node` (a paragraph or an inline container).
    pub(super) fn inline(
        &mut self,
        node: Node,
        para: &mut Para,
        boxes: &mut Boxes,
        base: &Props,
        depth: usize,
    ) -> Result<(), String> {
        let depth = deeper(depth)?;
        for c in node.children().filter(Node::is_element) {
            if c.has_tag_name((W, "r")) {
                self.run(c, para, boxes, base, depth)?;
            } else if c.has_tag_name((W, "del")) {
                self.change(c, Change::Deletion);
            } else if c.has_tag_name((W, "moveFrom")) {
                // Counted where it moved to.
            } else if is(c, W, &["ins", "moveTo"]) {
                self.change(
                    c,
                    if c.has_tag_name((W, "ins")) {
                        Change::Insertion
                    } else {
                        Change::Move
                    },
                );
                self.inline(c, para, boxes, base, depth)?;
            } else if c.has_tag_name((W, "commentRangeStart")) {
                self.anchor(c, Some(para));
            } else if c.has_tag_name((MC, "AlternateContent")) {
                if let Some(chosen) = choose(c) {
                    self.inline(chosen, para, boxes, base, depth)?;
                }
            } else if c.has_tag_name((M, "r")) {
                // A formula's text.
                let text: String = c
                    .children()
                    .filter(|t| t.has_tag_name((M, "t")))
                    .filter_map(|t| t.text())
                    .collect();
                if self.visible() && !text.is_empty() {
                    let look = Look::of(base, String::new());
                    para.runs.push(Run { text, look });
                }
            } else if is(
                c,
                W,
                &[
                    "pPr",
                    "rPr",
                    "sdtPr",
                    "sdtEndPr",
                    "customXmlPr",
                    "smartTagPr",
                ],
            ) {
            } else {
                // Hyperlinks, smart tags, content controls, custom XML,
                // simple fields (their result: w:instr is an attribute),
                // and wrappers not known here.
                self.inline(c, para, boxes, base, depth)?;
            }
        }
        Ok(())
    }

    fn run(
        &mut self,
        r: Node,
        para: &mut Para,
        boxes: &mut Boxes,
        base: &Props,
        depth: usize,
    ) -> Result<(), String> {
        let rpr = child(r, "rPr");
        if let Some(format) = rpr.and_then(|p| child(p, "rPrChange")) {
            self.change(format, Change::Format);
        }
        let style_id = val(rpr.and_then(|p| child(p, "rStyle"))).unwrap_or("");
        let props = base
            .under(&self.styles.character(style_id))
            .under(&Props::read(rpr, &self.styles.theme));
        let style = if style_id.is_empty() {
            String::new()
        } else {
            self.styles.name(style_id)
        };
        let look = Look::of(&props, style);
        let hidden = props.hidden == Some(true);
        let mut text = String::new();
        self.run_content(r, para, boxes, base, hidden, &mut text, depth)?;
        if !text.is_empty() {
            para.runs.push(Run { text, look });
        }
        Ok(())
    }

    /// The content of run `r` (or of the chosen branch inside it) into `text`.
    #[allow(clippy::too_many_arguments)]
    fn run_content(
        &mut self,
        r: Node,
        para: &mut Para,
        boxes: &mut Boxes,
        base: &Props,
        hidden: bool,
        text: &mut String,
        depth: usize,
    ) -> Result<(), String> {
        let depth = deeper(depth)?;
        for c in r.children().filter(Node::is_element) {
            if c.tag_name().namespace() == Some(MC) {
                if c.has_tag_name((MC, "AlternateContent"))
                    && let Some(chosen) = choose(c)
                {
                    self.run_content(chosen, para, boxes, base, hidden, text, depth)?;
                }
                continue;
            }
            if c.tag_name().namespace() != Some(W) {
                continue;
            }
            let shown = self.visible();
            let mut put = |s: &str, para: &mut Para| {
                if !shown {
                } else if hidden {
                    para.hidden.push_str(s);
                } else {
                    text.push_str(s);
                }
            };
            match c.tag_name().name() {
                "t" => put(c.text().unwrap_or(""), para),
                "tab" | "ptab" => put("\t", para),
                "cr" => put("\n", para),
                // A page or column break is layout, not text.
                "br" if matches!(c.attribute((W, "type")), Some("page" | "column")) => {}
                "br" => put("\n", para),
                "noBreakHyphen" => put("-", para),
                "sym" => {
                    let font = c.attribute((W, "font")).unwrap_or("");
                    let code = c.attribute((W, "char")).unwrap_or("");
                    match symbols::unicode(font, code) {
                        Some(ch) => put(ch.encode_utf8(&mut [0; 4]), para),
                        None if shown && !hidden => {
                            para.symbols.push((font.to_string(), code.to_string()))
                        }
                        None => {}
                    }
                }
                "fldChar" => match c.attribute((W, "fldCharType")) {
                    Some("begin") => self.fields.push(false),
                    Some("separate") => {
                        if let Some(last) = self.fields.last_mut() {
                            *last = true;
                        }
                    }
                    Some("end") => {
                        self.fields.pop();
                    }
                    _ => {}
                },
                "drawing" | "pict" | "object" => {
                    self.drawing(c, para, boxes, !c.has_tag_name((W, "drawing")), depth)?
                }
                "footnoteReference" | "endnoteReference" => {
                    if let Some(id) = c.attribute((W, "id")) {
                        para.notes
                            .push(if c.tag_name().name() == "footnoteReference" {
                                Note::Footnote(id.to_string())
                            } else {
                                Note::Endnote(id.to_string())
                            });
                    }
                }
                "commentReference" => self.anchor(c, Some(para)),
                "ruby" => {
                    // The base text, then the guide above it in brackets.
                    if let Some(base_node) = child(c, "rubyBase") {
                        self.inline(base_node, para, boxes, base, depth)?;
                    }
                    let guide: String = c
                        .descendants()
                        .filter(|n| n.has_tag_name((W, "t")))
                        .filter(|n| n.ancestors().any(|a| a.has_tag_name((W, "rt"))))
                        .filter_map(|n| n.text())
                        .collect();
                    if !guide.is_empty() {
                        put(&format!("（{guide}）"), para);
                    }
                }
                // Field codes, deleted text, soft hyphens (shown only at a
                // line end), properties.
                _ => {}
            }
        }
        Ok(())
    }

    /// A drawing or a VML picture: its pictures and text boxes.
    fn drawing(
        &mut self,
        node: Node,
        para: &mut Para,
        boxes: &mut Boxes,
        floating: bool,
        depth: usize,
    ) -> Result<(), String> {
        let depth = deeper(depth)?;
        for c in node.children().filter(Node::is_element) {
            if c.has_tag_name((W, "txbxContent")) {
                let paragraphs = self.blocks(c, Place::Box, depth)?;
                boxes.push((floating, paragraphs));
            } else if c.has_tag_name((A, "blip")) {
                if let Some(id) = c.attribute((R, "embed")) {
                    para.images.push(id.to_string());
                }
            } else if c.has_tag_name((V, "imagedata")) {
                if let Some(id) = c.attribute((R, "id")) {
                    para.images.push(id.to_string());
                }
            } else if c.has_tag_name((MC, "AlternateContent")) {
                if let Some(chosen) = choose(c) {
                    self.drawing(chosen, para, boxes, floating, depth)?;
                }
            } else {
                let floating = if c.has_tag_name((WP, "anchor")) {
                    true
                } else if c.has_tag_name((WP, "inline")) {
                    false
                } else {
                    floating
                };
                self.drawing(c, para, boxes, floating, depth)?;
            }
        }
        Ok(())
    }
}
