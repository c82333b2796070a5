//! The walk of a Word document's main story: every character Word shows,
//! in reading order, and nothing else, as Word's 全部接受 (Accept All)
//! would leave it.
//!
//! Runs are found wherever Word puts them — inside hyperlinks, smart tags,
//! content controls (inline, around paragraphs, rows and cells), custom XML,
//! simple fields, a field's result (never its code), insertions and moves
//! in; never in deletions, moves out or hidden text. Text boxes are read
//! once (a box is written twice, in `mc:Choice` and `mc:Fallback`): a
//! floating box before the paragraph it is anchored to, an inline one after
//! it; tables cell by cell, row by row. A paragraph whose mark was deleted
//! runs on into the next one, as Word merges them. What cannot be shown as
//! text (a symbol with no Unicode character, hidden text) is kept on the
//! paragraph for the caller to report. Nesting is bounded: a hostile file
//! is an error, not a stack overflow.

use std::collections::HashSet;

use roxmltree::Node;

use super::styles::{Props, Styles};
use super::{MC, W};

mod runs;

/// How deep elements may nest; Word's own documents stay far below.
pub(super) const MAX_DEPTH: usize = 160;

/// How a run looks: what roles and leads are told by.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Look {
    /// The East Asian face (else the Latin one), resolved through the theme.
    pub face: String,
    pub bold: bool,
    pub italic: bool,
    /// The character style's name.
    pub style: String,
    /// Points.
    pub size: f64,
    pub red: bool,
}

impl Look {
    fn of(props: &Props, style: String) -> Look {
        Look {
            face: props
                .face
                .clone()
                .or_else(|| props.latin.clone())
                .unwrap_or_default(),
            bold: props.bold.unwrap_or(false),
            italic: props.italic.unwrap_or(false),
            style,
            // Word's size when nothing sets one: 10 pt.
            size: props.size.unwrap_or(10.0),
            red: props.color.as_deref().is_some_and(is_red),
        }
    }
}

/// A stretch of text in one look.
#[derive(Debug, Clone)]
pub(super) struct Run {
    pub text: String,
    pub look: Look,
}

/// Where a paragraph stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    Body,
    /// In a table (the outermost one, counted from 0), its row and cell.
    Cell {
        table: usize,
        row: usize,
        cell: usize,
    },
    /// In a text box.
    Box,
}

/// What is anchored to a paragraph and lives outside the main story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Note {
    /// A comment (批注), by its id in comments.xml.
    Comment(String),
    /// A footnote or an endnote, by its id.
    Footnote(String),
    Endnote(String),
}

/// A tracked change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Change {
    Insertion,
    Deletion,
    Move,
    Format,
}

/// A paragraph of the main story.
#[derive(Debug, Clone)]
pub(super) struct Para {
    /// Its style's name.
    pub style: String,
    pub runs: Vec<Run>,
    pub centred: bool,
    /// Set flush right (`w:jc` right or end, on the paragraph itself).
    pub right: bool,
    pub place: Place,
    /// The relationship ids of its pictures, in order.
    pub images: Vec<String>,
    pub notes: Vec<Note>,
    /// Hidden text left out of it.
    pub hidden: String,
    /// Symbols with no known Unicode character: font and code.
    pub symbols: Vec<(String, String)>,
    mark_deleted: bool,
}

impl Para {
    /// Its text.
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }

    /// The largest size of its text.
    pub fn size(&self) -> f64 {
        self.runs
            .iter()
            .filter(|r| !r.text.trim().is_empty())
            .map(|r| r.look.size)
            .fold(0.0, f64::max)
    }

    /// Whether any of its text is red.
    pub fn red(&self) -> bool {
        self.runs
            .iter()
            .any(|r| r.look.red && !r.text.trim().is_empty())
    }

    /// `self` run on into `next` (its mark deleted): one paragraph, with
    /// `next`'s properties, as Word merges them.
    fn merge_into(self, mut next: Para) -> Para {
        let mut runs = self.runs;
        runs.append(&mut next.runs);
        next.runs = runs;
        let mut images = self.images;
        images.append(&mut next.images);
        next.images = images;
        let mut notes = self.notes;
        notes.append(&mut next.notes);
        next.notes = notes;
        next.hidden = self.hidden + &next.hidden;
        let mut symbols = self.symbols;
        symbols.append(&mut next.symbols);
        next.symbols = symbols;
        next
    }
}

/// How a table's cell is merged with the cells above and below it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Merge {
    /// Not merged down.
    No,
    /// The first of cells merged down (`w:vMerge w:val="restart"`).
    Restart,
    /// Merged into the cell above (`w:vMerge`).
    Continue,
}

/// A row of a table's grid: whether it repeats as a header, and per cell
/// (by its index among the row's `w:tc`, `None` for a deleted one) the
/// columns it spans and its merge.
pub(super) type RowShape = (bool, Vec<Option<(u32, Merge)>>);

/// A table's grid: its rows by their index among the `w:tr` (`None` for a
/// deleted one).
#[derive(Debug, Clone, Default)]
pub(super) struct TableShape {
    pub rows: Vec<Option<RowShape>>,
    /// Whether it stands in another table's cell.
    pub nested: bool,
}

/// The main story, walked.
#[derive(Debug, Default)]
pub(super) struct Story {
    pub paragraphs: Vec<Para>,
    /// Every table's grid, by its number (`Place::Cell`'s `table`).
    pub tables: Vec<TableShape>,
    /// Every tracked change accepted: what, its id, its author.
    pub changes: Vec<(Change, String, String)>,
}

/// Walks the document's `w:body`.
pub(super) fn walk(body: Node, styles: &Styles) -> Result<Story, String> {
    let mut walker = Walker {
        styles,
        changes: Vec::new(),
        fields: Vec::new(),
        tables: Vec::new(),
        pending: Vec::new(),
        anchored: HashSet::new(),
    };
    let paragraphs = walker.blocks(body, Place::Body, 0)?;
    Ok(Story {
        paragraphs,
        tables: walker.tables,
        changes: walker.changes,
    })
}

/// Text boxes met in a paragraph: floating or inline, and their paragraphs.
type Boxes = Vec<(bool, Vec<Para>)>;

struct Walker<'s> {
    styles: &'s Styles,
    changes: Vec<(Change, String, String)>,
    /// The complex fields open: whether each is past its separator (in its
    /// result). Text shows only when every open field is.
    fields: Vec<bool>,
    tables: Vec<TableShape>,
    /// Comments whose range opens between paragraphs: the next one's.
    pending: Vec<Note>,
    anchored: HashSet<String>,
}

fn deeper(depth: usize) -> Result<usize, String> {
    if depth >= MAX_DEPTH {
        Err(format!(
            "its elements nest more than {MAX_DEPTH} levels deep (a damaged or hostile file)"
        ))
    } else {
        Ok(depth + 1)
    }
}

fn is(node: Node, ns: &str, names: &[&str]) -> bool {
    node.tag_name().namespace() == Some(ns) && names.contains(&node.tag_name().name())
}

fn child<'a, 'i>(node: Node<'a, 'i>, tag: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|n| n.has_tag_name((W, tag)))
}

fn val<'a>(node: Option<Node<'a, '_>>) -> Option<&'a str> {
    node?.attribute((W, "val"))
}

/// The branch of an `mc:AlternateContent` to read: the first `mc:Choice`
/// (what Word shows), else the `mc:Fallback`. Never both.
fn choose<'a, 'i>(node: Node<'a, 'i>) -> Option<Node<'a, 'i>> {
    node.children()
        .find(|n| n.has_tag_name((MC, "Choice")))
        .or_else(|| node.children().find(|n| n.has_tag_name((MC, "Fallback"))))
}

impl Walker<'_> {
    fn change(&mut self, node: Node, what: Change) {
        let id = node.attribute((W, "id")).unwrap_or("").to_string();
        let author = node.attribute((W, "author")).unwrap_or("").to_string();
        self.changes.push((what, id, author));
    }

    fn visible(&self) -> bool {
        self.fields.iter().all(|in_result| *in_result)
    }

    /// The paragraphs and tables of a container (the body, a cell, a text
    /// box, a content control around them).
    fn blocks(&mut self, node: Node, place: Place, depth: usize) -> Result<Vec<Para>, String> {
        let depth = deeper(depth)?;
        let mut out = Vec::new();
        // A paragraph whose mark was deleted, waiting for the next one.
        let mut carry: Option<Para> = None;
        for c in node.children().filter(Node::is_element) {
            if c.has_tag_name((W, "p")) {
                let (para, boxes) = self.paragraph(c, place, depth)?;
                let para = match carry.take() {
                    Some(before) => before.merge_into(para),
                    None => para,
                };
                for (_, paragraphs) in boxes.iter().filter(|(floating, _)| *floating) {
                    out.extend(paragraphs.iter().cloned());
                }
                let after: Vec<Para> = boxes
                    .into_iter()
                    .filter(|(floating, _)| !floating)
                    .flat_map(|(_, p)| p)
                    .collect();
                if para.mark_deleted && after.is_empty() {
                    carry = Some(para);
                } else {
                    out.push(para);
                }
                out.extend(after);
                continue;
            }
            // Anything else ends a run-on: Word does not merge a paragraph
            // into a table.
            out.extend(carry.take());
            if c.has_tag_name((W, "tbl")) {
                out.extend(self.table(c, place, depth)?);
            } else if c.has_tag_name((W, "del")) {
                self.change(c, Change::Deletion);
            } else if c.has_tag_name((W, "moveFrom")) {
                // Counted where it moved to.
            } else if is(c, W, &["ins", "moveTo"]) {
                self.change(c, Change::Insertion);
                out.extend(self.blocks(c, place, depth)?);
            } else if c.has_tag_name((W, "commentRangeStart")) {
                self.anchor(c, None);
            } else if c.has_tag_name((MC, "AlternateContent")) {
                if let Some(chosen) = choose(c) {
                    out.extend(self.blocks(chosen, place, depth)?);
                }
            } else if is(c, W, &["sectPr", "sdtPr", "sdtEndPr", "customXmlPr"]) {
            } else {
                // Content controls, custom XML and wrappers not known here:
                // their paragraphs are the document's.
                out.extend(self.blocks(c, place, depth)?);
            }
        }
        out.extend(carry);
        Ok(out)
    }

    /// Anchors comment `node` (a range start or a reference) to `para`, or
    /// to the next paragraph.
    fn anchor(&mut self, node: Node, para: Option<&mut Para>) {
        let Some(id) = node.attribute((W, "id")) else {
            return;
        };
        if !self.anchored.insert(id.to_string()) {
            return;
        }
        let note = Note::Comment(id.to_string());
        match para {
            Some(para) => para.notes.push(note),
            None => self.pending.push(note),
        }
    }

    fn table(&mut self, tbl: Node, place: Place, depth: usize) -> Result<Vec<Para>, String> {
        let depth = deeper(depth)?;
        let table = self.tables.len();
        self.tables.push(TableShape {
            rows: Vec::new(),
            nested: matches!(place, Place::Cell { .. }),
        });
        let mut out = Vec::new();
        let rows = items(tbl, "tr", depth)?;
        for (r, row) in rows.into_iter().enumerate() {
            let props = child(row, "trPr");
            if let Some(del) = props.and_then(|p| child(p, "del")) {
                self.change(del, Change::Deletion);
                self.tables[table].rows.push(None);
                continue;
            }
            if let Some(ins) = props.and_then(|p| child(p, "ins")) {
                self.change(ins, Change::Insertion);
            }
            let header = props
                .and_then(|p| child(p, "tblHeader"))
                .is_some_and(|h| !matches!(val(Some(h)), Some("0" | "false" | "off")));
            self.tables[table].rows.push(Some((header, Vec::new())));
            for (c, cell) in items(row, "tc", depth)?.into_iter().enumerate() {
                let tcpr = child(cell, "tcPr");
                let shape = match tcpr.and_then(|p| child(p, "cellDel")) {
                    Some(_) => None,
                    None => {
                        let span = val(tcpr.and_then(|p| child(p, "gridSpan")))
                            .and_then(|v| v.parse::<u32>().ok())
                            .unwrap_or(1)
                            .clamp(1, 64);
                        let merge = match tcpr.and_then(|p| child(p, "vMerge")) {
                            None => Merge::No,
                            Some(m) if val(Some(m)) == Some("restart") => Merge::Restart,
                            Some(_) => Merge::Continue,
                        };
                        Some((span, merge))
                    }
                };
                if let Some(Some((_, cells))) = self.tables[table].rows.last_mut() {
                    cells.push(shape);
                }
                if let Some(del) = tcpr.and_then(|p| child(p, "cellDel")) {
                    self.change(del, Change::Deletion);
                    continue;
                }
                // A table in a table keeps the outer one's place.
                let here = match place {
                    Place::Cell { .. } => place,
                    _ => Place::Cell {
                        table,
                        row: r,
                        cell: c,
                    },
                };
                out.extend(self.blocks(cell, here, depth)?);
            }
        }
        Ok(out)
    }

    fn paragraph(&mut self, p: Node, place: Place, depth: usize) -> Result<(Para, Boxes), String> {
        let ppr = child(p, "pPr");
        let id = self
            .styles
            .paragraph_id(val(ppr.and_then(|n| child(n, "pStyle"))));
        let right = matches!(val(ppr.and_then(|n| child(n, "jc"))), Some("right" | "end"));
        let centred = match val(ppr.and_then(|n| child(n, "jc"))) {
            Some(jc) => jc == "center",
            None => self.styles.centred(id),
        };
        let mark = ppr.and_then(|n| child(n, "rPr"));
        let mut mark_deleted = false;
        if let Some(mark) = mark {
            if let Some(del) = child(mark, "del") {
                self.change(del, Change::Deletion);
                mark_deleted = true;
            }
            mark_deleted |= child(mark, "moveFrom").is_some();
            if let Some(ins) = child(mark, "ins").or_else(|| child(mark, "moveTo")) {
                self.change(ins, Change::Insertion);
            }
            if let Some(format) = child(mark, "rPrChange") {
                self.change(format, Change::Format);
            }
        }
        if let Some(format) = ppr.and_then(|n| child(n, "pPrChange")) {
            self.change(format, Change::Format);
        }
        let mut para = Para {
            style: self.styles.name(id),
            runs: Vec::new(),
            centred,
            right,
            place,
            images: Vec::new(),
            notes: std::mem::take(&mut self.pending),
            hidden: String::new(),
            symbols: Vec::new(),
            mark_deleted,
        };
        let base = self.styles.paragraph_run(id);
        let mut boxes = Vec::new();
        self.inline(p, &mut para, &mut boxes, &base, depth)?;
        Ok((para, boxes))
    }
}

/// The `tag` children (`w:tr` of a table, `w:tc` of a row), also those
/// inside content controls and custom XML around them.
fn items<'a, 'i>(node: Node<'a, 'i>, tag: &str, depth: usize) -> Result<Vec<Node<'a, 'i>>, String> {
    let depth = deeper(depth)?;
    let mut out = Vec::new();
    for c in node.children().filter(Node::is_element) {
        if c.has_tag_name((W, tag)) {
            out.push(c);
        } else if is(c, W, &["sdt", "sdtContent", "customXml"]) {
            out.extend(items(c, tag, depth)?);
        }
    }
    Ok(out)
}

/// Whether a Word colour (hex RGB) is a red.
pub(super) fn is_red(hex: &str) -> bool {
    let channel = |i: usize| u8::from_str_radix(hex.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0);
    hex.len() == 6 && channel(0) > 180 && channel(2) < 120 && channel(4) < 120
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::docx::styles::Theme;
    use crate::read::docx::{A, M, R, V, WP};

    const STYLES: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:style w:type="character" w:styleId="Secret"><w:name w:val="Secret"/><w:rPr><w:vanish/></w:rPr></w:style>
    </w:styles>"#;

    /// The paragraphs' texts of a body written in `xml`.
    fn texts(xml: &str) -> Result<Vec<String>, String> {
        let story = story(xml)?;
        Ok(story.paragraphs.iter().map(Para::text).collect())
    }

    fn story(xml: &str) -> Result<Story, String> {
        let source = format!(
            r#"<w:document xmlns:w="{W}" xmlns:r="{R}" xmlns:mc="{MC}" xmlns:wp="{WP}" xmlns:a="{A}" xmlns:v="{V}" xmlns:m="{M}"><w:body>{xml}</w:body></w:document>"#
        );
        let doc = roxmltree::Document::parse(&source).map_err(|e| e.to_string())?;
        let body = doc.root_element().first_element_child().expect("a body");
        walk(body, &Styles::read(STYLES, Theme::default()))
    }

    fn r(text: &str) -> String {
        format!("<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>")
    }

    #[test]
    fn runs_are_read_in_every_container_and_nothing_else() {
        let p = format!(
            "<w:p>{}<w:hyperlink r:id=\"x\">{}</w:hyperlink><w:smartTag w:element=\"chmetcnv\"><w:smartTagPr/>{}</w:smartTag>\
             <w:sdt><w:sdtPr><w:alias w:val=\"别名\"/></w:sdtPr><w:sdtContent>{}</w:sdtContent></w:sdt>\
             <w:customXml w:element=\"x\">{}</w:customXml><w:fldSimple w:instr=\" PAGE \">{}</w:fldSimple>\
             <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>HYPERLINK \"u\"</w:instrText></w:r>\
             <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>{}<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>\
             <w:ins w:id=\"1\" w:author=\"甲\">{}</w:ins><w:del w:id=\"2\" w:author=\"乙\"><w:r><w:delText>删</w:delText></w:r></w:del>\
             <w:moveFrom w:id=\"3\" w:author=\"乙\">{}</w:moveFrom><w:moveTo w:id=\"4\" w:author=\"乙\">{}</w:moveTo>\
             <w:r><w:rPr><w:vanish/></w:rPr><w:t>隐</w:t></w:r><w:r><w:rPr><w:rStyle w:val=\"Secret\"/></w:rPr><w:t>秘</w:t></w:r>\
             <w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:noBreakHyphen/><w:t>c</w:t><w:softHyphen/><w:t>d</w:t><w:br/><w:t>e</w:t><w:cr/>\
             <w:sym w:font=\"Wingdings\" w:char=\"F0FC\"/><w:sym w:font=\"Webdings\" w:char=\"F021\"/></w:r></w:p>",
            r("一"),
            r("二"),
            r("三"),
            r("四"),
            r("五"),
            r("六"),
            r("七"),
            r("八"),
            r("移前"),
            r("移后"),
        );
        let story = story(&p).unwrap();
        assert_eq!(
            story.paragraphs[0].text(),
            "一二三四五六七八移后a\tb-cd\ne\n✓"
        );
        assert_eq!(story.paragraphs[0].hidden, "隐秘");
        assert_eq!(
            story.paragraphs[0].symbols,
            [("Webdings".to_string(), "F021".to_string())]
        );
        let authors: Vec<&str> = story.changes.iter().map(|c| c.2.as_str()).collect();
        assert_eq!(authors, ["甲", "乙", "乙"]);
    }

    #[test]
    fn a_text_box_is_read_once_before_its_paragraph_and_tables_cell_by_cell() {
        let boxed = format!(
            "<w:p>{}<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor>\
             <w:txbxContent><w:p>{}</w:p></w:txbxContent></wp:anchor></w:drawing></mc:Choice>\
             <mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p>{}</w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>\
             </mc:AlternateContent></w:r></w:p>\
             <w:sdt><w:sdtContent><w:tbl><w:tr><w:tc><w:p>{}</w:p></w:tc><w:sdt><w:sdtContent><w:tc><w:p>{}</w:p></w:tc></w:sdtContent></w:sdt></w:tr>\
             <w:tr><w:trPr><w:del w:id=\"9\" w:author=\"乙\"/></w:trPr><w:tc><w:p>{}</w:p></w:tc></w:tr>\
             <w:tr><w:tc><w:p>{}</w:p></w:tc></w:tr></w:tbl></w:sdtContent></w:sdt>",
            r("锚"),
            r("框"),
            r("框"),
            r("甲"),
            r("乙"),
            r("删行"),
            r("丙"),
        );
        let story = story(&boxed).unwrap();
        let texts: Vec<String> = story.paragraphs.iter().map(Para::text).collect();
        assert_eq!(texts, ["框", "锚", "甲", "乙", "丙"]);
        assert_eq!(story.paragraphs[0].place, Place::Box);
        assert_eq!(
            story.paragraphs[3].place,
            Place::Cell {
                table: 0,
                row: 0,
                cell: 1
            }
        );
        assert_eq!(
            story.paragraphs[4].place,
            Place::Cell {
                table: 0,
                row: 2,
                cell: 0
            }
        );
    }

    #[test]
    fn a_deleted_paragraph_mark_merges_as_word_does() {
        let mark = "<w:pPr><w:rPr><w:del w:id=\"5\" w:author=\"乙\"/></w:rPr></w:pPr>";
        let xml = format!(
            "<w:p>{mark}{}</w:p><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>{}</w:p>\
             <w:p>{mark}<w:del w:id=\"6\" w:author=\"乙\"><w:r><w:delText>整段删去</w:delText></w:r></w:del></w:p><w:p>{}</w:p>",
            r("前半"),
            r("后半"),
            r("下一段"),
        );
        let story = story(&xml).unwrap();
        let texts: Vec<String> = story.paragraphs.iter().map(Para::text).collect();
        assert_eq!(texts, ["前半后半", "下一段"]);
        // The merged paragraph has the properties of the mark that stays.
        assert!(story.paragraphs[0].centred);
    }

    #[test]
    fn nesting_past_the_bound_is_an_error_not_a_crash() {
        let n = MAX_DEPTH + 5;
        let deep =
            "<w:sdt><w:sdtContent>".repeat(n) + "<w:p/>" + &"</w:sdtContent></w:sdt>".repeat(n);
        let err = texts(&deep).unwrap_err();
        assert!(err.contains("nest"), "{err}");
        // Deep tables too, on a small thread stack like an archive import's.
        let tables = "<w:tbl><w:tr><w:tc>".repeat(MAX_DEPTH)
            + "<w:p/>"
            + &"</w:tc></w:tr></w:tbl>".repeat(MAX_DEPTH);
        let handle = std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn(move || texts(&tables).is_err())
            .unwrap();
        assert!(handle.join().unwrap());
    }
}
