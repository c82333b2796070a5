//! The bulletin model: one issue of a 简报, complete and checked.
//!
//! Readers produce it (`read::yaml` from a YAML source and its series file,
//! `read::text` from a past issue's text); writers consume it (`write::html`,
//! `write::text` and `write::yaml` directly; `write::pdf` and `write::image`
//! take the pages the Typst template lays out from it). It knows no format:
//! nothing here parses YAML or emits Typst. Every leaf type that a
//! source file spells out (a date, a text, a paragraph) carries its own serde
//! `Deserialize` with the check that makes it valid, so a reader reports a bad
//! value at the value's own line and column.

use std::fmt;

pub mod gongwen;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

/// One issue of a bulletin.
///
/// ```yaml
/// name: 江苏精神文明建设简报
/// handling_mark: 工作资料 注意保存
/// number: 14
/// unit: 江苏省文明办
/// date: 2023-07-21
/// columns:
///   - name: 工作交流
///     articles:
///       - title: 某市：坚持常态长效 推进融合创建
///         body:
///           - 今年以来，……
/// footer:
///   report_to: 中央文明办
///   print_run: 400
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Issue {
    /// 密级或办理标记（内部资料 / 工作资料 注意保存 / 秘密），版心左上角，黑体。
    pub handling_mark: Option<String>,
    /// 份号：printed above the handling mark.
    pub copy_number: Option<String>,
    /// 简报名称：the red masthead name.
    pub name: String,
    /// 期别：regular, 增刊 or 专刊; supplements are numbered on their own.
    pub kind: Kind,
    /// 期号：第 N 期, counted within the year (or within the supplement kind).
    pub number: u32,
    /// 总期号：（总第 N 期）, the running count since the first issue.
    pub total_number: Option<u32>,
    /// 编发单位：issuing unit, left under the issue number.
    pub unit: String,
    /// 印发日期：right under the issue number, printed as 2023 年 7 月 21 日.
    pub date: Date,
    /// 编者按：an optional editor's note before the articles.
    pub editor_note: Option<String>,
    /// 栏目：the columns in order; an issue without columns has one unnamed column.
    pub columns: Vec<Column>,
    /// 报尾：the distribution footer on the last page.
    pub footer: Footer,
    /// 版式参数：practice values a series may set (colour, rule, faces).
    pub style: Style,
}

impl Issue {
    /// The articles of all columns, in reading order.
    pub fn articles(&self) -> impl Iterator<Item = &Article> {
        self.columns.iter().flat_map(|column| &column.articles)
    }

    /// "第 14 期" or "增刊第 2 期": how the issue is named in titles and messages.
    pub fn number_label(&self) -> String {
        self.kind.issue_label(self.number)
    }

    /// The issue-number line of the masthead: "第 14 期".
    pub fn number_line(&self) -> String {
        Kind::Regular.issue_label(self.number)
    }

    /// The cumulative-number line: "（总第 233 期）".
    pub fn total_line(&self) -> Option<String> {
        self.total_number.map(|n| format!("（总第 {n} 期）"))
    }

    /// The printed labels, built once here and handed to every writer and to
    /// the template as data.
    pub fn labels(&self) -> Labels {
        Labels {
            kind: self.kind.label(),
            number: self.number_line(),
            title: self.number_label(),
            total: self.total_line(),
            date: self.date.chinese(),
            registration: self.footer.registration_line(),
            signatures: self.footer.signatures(),
            document: format!("{} {}", self.name, self.number_label()),
            description: format!(
                "{} {}，{} {}",
                self.name,
                self.number_label(),
                self.unit,
                self.date.chinese()
            ),
            keywords: self
                .columns
                .iter()
                .filter_map(|c| c.name.as_ref().map(|n| n.as_str().to_string()))
                .collect(),
            recipients: self
                .footer
                .recipients()
                .into_iter()
                .map(|(label, lines)| (label, lines.to_vec()))
                .collect(),
            note: crate::format::labels::NOTE_PRINTED,
        }
    }

    /// A stable identifier of the issue (bulletin, kind, year, number): the
    /// same issue gets the same document id in every build and format.
    pub fn ident(&self) -> String {
        format!(
            "jianbao/{}/{:?}/{}/{}",
            self.name, self.kind, self.date.year, self.number
        )
    }

    /// The photo paths of the issue, relative to its folder, in reading order.
    pub fn photo_paths(&self) -> Vec<&str> {
        self.articles()
            .flat_map(|a| &a.body)
            .filter_map(|b| match b {
                Block::Photo { path, .. } => Some(path.as_str()),
                _ => None,
            })
            .collect()
    }

    /// Whether the masthead is followed by the contents (columns and titles):
    /// when the style allows it and there is more than one article.
    pub fn shows_contents(&self) -> bool {
        self.style.contents.unwrap_or(true) && self.articles().count() > 1
    }
}

/// The texts an issue prints around its data, as every output shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Labels {
    /// "增刊" or "专刊" under the name; empty for a regular issue.
    pub kind: &'static str,
    /// The masthead's issue-number line: "第 14 期".
    pub number: String,
    /// The issue in titles: "第 14 期" or "增刊第 2 期".
    pub title: String,
    /// "（总第 233 期）", when there is a cumulative number.
    pub total: Option<String>,
    /// The printed date: "2023 年 7 月 21 日".
    pub date: String,
    /// "（苏简字 1004 号 共印 400 份）", when either part is set.
    pub registration: Option<String>,
    /// "责任编辑：…", "签发：…", those that are set.
    pub signatures: Vec<String>,
    /// The document's title in every format: "临江文明实践 第 14 期".
    pub document: String,
    /// The document's description: the title, the unit and the date.
    pub description: String,
    /// The document's keywords: the column names.
    pub keywords: Vec<String>,
    /// The footer's recipient groups in printed order: label and lines.
    pub recipients: Vec<(&'static str, Vec<String>)>,
    /// The editor's note's label as printed: "编者按：".
    pub note: &'static str,
}

/// A note for the editor placed at a spot of the model: what an importer
/// could not place, kept as a comment where the YAML writer puts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// Where.
    pub spot: Spot,
    /// The text; one `#` line per line.
    pub text: String,
}

/// Where a [`Comment`] goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Spot {
    /// Before everything.
    Top,
    /// Before block `block` of article `article` (counted over all columns);
    /// `block` equal to the body's length means after its last block.
    Body { article: usize, block: usize },
    /// Before the footer.
    Footer,
}

/// What kind of issue this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// 常规期：the regular numbered issue.
    #[default]
    #[serde(alias = "常规")]
    Regular,
    /// 增刊：a supplement, numbered separately.
    #[serde(alias = "增刊")]
    Supplement,
    /// 专刊：a special issue, numbered separately.
    #[serde(alias = "专刊")]
    Special,
}

impl Kind {
    /// Issue `number` of this kind as titles name it: "第 14 期", "增刊第 2 期".
    pub fn issue_label(self, number: u32) -> String {
        format!("{}第 {number} 期", self.label())
    }

    /// The label printed with the name ("增刊"), empty for a regular issue.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Regular => "",
            Kind::Supplement => "增刊",
            Kind::Special => "专刊",
        }
    }
}

/// A column (栏目) and its articles.
///
/// ```yaml
/// - name: 工作交流
///   articles: [...]
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// 栏目名：printed as 【工作交流】; leave out for an issue without columns.
    #[serde(default)]
    pub name: Option<Text>,
    /// 本栏目的文章。
    pub articles: Vec<Article>,
}

/// One article.
///
/// ```yaml
/// title: 某市：突出需求导向 健全长效机制
/// source: （某市文明办供稿）
/// body:
///   - 今年以来，……
///   - lead: 坚持高位推动，优化机制精准发力。
///     text: 围绕……
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// 标题：二号小标宋居中；在短语之间的空格处换行。
    pub title: Text,
    /// 副标题：a line in 楷体 under the title.
    #[serde(default)]
    pub subtitle: Option<Text>,
    /// 来源：e.g. （某市文明办供稿）, in 楷体 under the title.
    #[serde(default)]
    pub source: Option<Text>,
    /// 正文：paragraphs, headings and photos in order.
    pub body: Vec<Block>,
}

/// A piece of an article's body.
///
/// In YAML a plain string is a paragraph; a mapping says what else it is:
///
/// ```yaml
/// - 今年以来，……                       # a paragraph
/// - lead: 坚持高位推动，优化机制精准发力。 # a paragraph with a lead sentence
///   text: 围绕……
/// - heading: 一、总体情况                # level-1 heading, 黑体
/// - heading: （一）强化组织领导           # level-2 heading, 楷体
///   level: 2                            # (`subheading: …` says the same)
/// - heading: 1.入户征询改造意见           # level 3, 仿宋
///   level: 3
/// - heading: （1）建立问题台账            # level 4, 仿宋
///   level: 4
/// - photo: images/site.jpg              # a photo with its caption
///   caption: 志愿者在社区开展活动
/// - table:                              # a ruled table
///     caption: 表1 各街道改造进度
///     header: [街道, 小区数, 完成率]
///     rows:
///       - [东城街道, 12, 75%]
///       - [{text: 合计, colspan: 2}, 78%]
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// 段落：indented 2 字; an optional lead sentence set in its own face.
    Paragraph {
        /// 段首句：the summary sentence that opens the paragraph.
        lead: Option<String>,
        /// The rest of the paragraph.
        text: String,
    },
    /// 标题：level 1 (一、 黑体), 2 (（一） 楷体), 3 (1. 仿宋) or 4 (（1） 仿宋),
    /// written with its number.
    Heading {
        /// 1 to 4.
        level: u8,
        /// The heading as printed, numbering included.
        text: String,
    },
    /// 图片：a photo and its caption (图注).
    Photo {
        /// Path relative to the issue file.
        path: String,
        /// 图注。
        caption: Option<String>,
        /// Width as a fraction of the type-area width (0–1].
        width: Option<f64>,
    },
    /// 表格：a ruled table with an optional caption and header rows.
    Table(Table),
}

/// The most columns a table may have (156 mm hold no more, even at one
/// character a column).
pub const MAX_COLUMNS: usize = 64;

/// The deepest heading level (（1）).
pub const HEADING_LEVELS: u8 = 4;

/// The level and number a heading's text starts with, as GB/T 9704 numbers
/// the levels: 一、 (1), （一） (2), 1. (3, also 1． and 1、), （1） (4, also
/// (1)). `None` when it starts with none of them.
pub fn heading_number(text: &str) -> Option<(u8, u32)> {
    let text = text.trim_start();
    let digits = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 3 && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let paren = text
        .strip_prefix('（')
        .and_then(|r| r.split_once('）'))
        .or_else(|| text.strip_prefix('(').and_then(|r| r.split_once(')')));
    // The numerals of a heading number: 一 … 九十九.
    let numeral = |s: &str| {
        s.chars()
            .all(|c| "一二三四五六七八九十".contains(c))
            .then(|| chinese_number(s))
            .flatten()
            .filter(|n| (1..100).contains(n))
    };
    if let Some((inner, _)) = paren {
        if let Some(n) = numeral(inner) {
            return Some((2, n));
        }
        return digits(inner).map(|n| (4, n));
    }
    if let Some((head, _)) = text.split_once('、')
        && let Some(n) = numeral(head)
    {
        return Some((1, n));
    }
    let end = text.find(|c: char| !c.is_ascii_digit())?;
    let n = digits(&text[..end])?;
    let rest = &text[end..];
    // `1.` but not a decimal number such as 1.5.
    let next = rest.chars().nth(1);
    match rest.chars().next()? {
        '．' | '、' => Some((3, n)),
        '.' if !next.is_some_and(|c| c.is_ascii_digit()) => Some((3, n)),
        _ => None,
    }
}

/// 一 … 九百九十九; 〇 and 零 as digits ("二〇二三" reads 2023).
pub fn chinese_number(text: &str) -> Option<u32> {
    let digit = |c: char| {
        "〇一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .or((c == '零').then_some(0))
    };
    if text.is_empty() {
        return None;
    }
    if !text.contains(['十', '百']) {
        return text.chars().try_fold(0u32, |n, c| {
            n.checked_mul(10)?.checked_add(digit(c)? as u32)
        });
    }
    let (mut total, mut current) = (0u32, 0u32);
    for c in text.chars() {
        match c {
            '十' => {
                total = total.checked_add(current.max(1) * 10)?;
                current = 0;
            }
            '百' => {
                total = total.checked_add(current.max(1) * 100)?;
                current = 0;
            }
            _ => current = digit(c)? as u32,
        }
    }
    total.checked_add(current)
}

/// The way a level's numbers are written, for messages: 一、 （一） 1. （1）.
fn number_shape(level: u8, n: u32) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let chinese = match n {
        1..=9 => DIGITS[n as usize].to_string(),
        10 => "十".into(),
        11..=19 => format!("十{}", DIGITS[(n % 10) as usize]),
        _ => format!(
            "{}十{}",
            DIGITS[(n / 10 % 10) as usize],
            DIGITS[(n % 10) as usize]
        ),
    };
    match level {
        1 => format!("{chinese}、"),
        2 => format!("（{chinese}）"),
        3 => format!("{n}."),
        _ => format!("（{n}）"),
    }
}

impl Article {
    /// What looks wrong in the numbering of this article's headings, as
    /// (body block, message): a number that does not follow the one before
    /// at its level (三、 after 一、), a heading whose number belongs to
    /// another level than it is set at, a level under no heading of the
    /// level above (（1） under no 1.). The first heading of an article may
    /// stand at any level.
    pub fn heading_slips(&self) -> Vec<(usize, String)> {
        let mut last: [Option<u32>; HEADING_LEVELS as usize + 1] = [None; 5];
        let mut top = None;
        let mut out = Vec::new();
        for (b, block) in self.body.iter().enumerate() {
            let Block::Heading { level, text } = block else {
                continue;
            };
            let level = (*level).clamp(1, HEADING_LEVELS);
            let l = level as usize;
            let top = *top.get_or_insert(level);
            if level > top && last[l - 1].is_none() {
                out.push((
                    b,
                    format!(
                        "the level-{level} heading `{text}` stands under no level-{} heading: number it one level up, or add the heading above it",
                        level - 1
                    ),
                ));
            }
            match heading_number(text) {
                Some((numbered, _)) if numbered != level => {
                    out.push((
                        b,
                        format!(
                            "the heading `{text}` is numbered as level {numbered} but set at level {level}: give it `level: {numbered}`, or renumber it"
                        ),
                    ));
                    last[l] = Some(last[l].map_or(1, |m| m + 1));
                }
                Some((_, n)) => {
                    let expected = last[l].map_or(1, |m| m + 1);
                    if n != expected {
                        out.push((
                            b,
                            format!(
                                "the heading `{text}` is numbered {} where {} comes next: renumber it",
                                number_shape(level, n),
                                number_shape(level, expected)
                            ),
                        ));
                    }
                    last[l] = Some(n);
                }
                None => last[l] = Some(last[l].map_or(1, |m| m + 1)),
            }
            for deeper in &mut last[l + 1..] {
                *deeper = None;
            }
        }
        out
    }
}

/// A ruled table in an article's body.
///
/// ```yaml
/// table:
///   caption: 表1 各街道改造进度        # optional, centred above, 黑体
///   header: [街道, 小区数, 完成率]      # one header row, or a list of rows
///   rows:
///     - [东城街道, 12, 75%]
///     - [{text: 合计, colspan: 2}, 78%] # a cell across two columns
///   widths: [60, auto, auto]           # millimetres, or auto (the default)
///   align: [left, center, right]       # per column; default center
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    /// 表题：printed centred above the table.
    pub caption: Option<String>,
    /// 表头：rows repeated at the top of every page the table runs onto.
    pub header: Vec<Vec<Cell>>,
    /// 表体：the rows.
    pub rows: Vec<Vec<Cell>>,
    /// Column widths in millimetres (`None`: automatic), one per column;
    /// empty when every column is automatic.
    pub widths: Vec<Option<f64>>,
    /// Alignment per column; empty when every column is centred.
    pub align: Vec<CellAlign>,
    /// The number of columns (counting spans).
    pub columns: usize,
}

/// One cell of a [`Table`]: a text, over `colspan` columns and `rowspan` rows.
///
/// ```yaml
/// 东城街道                              # a plain cell
/// {text: 合计, colspan: 2}             # a merged cell
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cell {
    /// The text; empty for an empty cell.
    pub text: String,
    /// Columns it spans (at least 1).
    pub colspan: u32,
    /// Rows it spans (at least 1).
    pub rowspan: u32,
}

impl Cell {
    /// A cell of one column and one row.
    pub fn new(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            colspan: 1,
            rowspan: 1,
        }
    }
}

/// How the text of a table's column stands in its cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CellAlign {
    /// 左对齐.
    #[serde(alias = "左")]
    Left,
    /// 居中 (the default).
    #[serde(alias = "中", alias = "centre")]
    Center,
    /// 右对齐 (figures).
    #[serde(alias = "右")]
    Right,
}

impl CellAlign {
    /// The CSS / Typst / OOXML keyword.
    pub fn keyword(self) -> &'static str {
        match self {
            CellAlign::Left => "left",
            CellAlign::Center => "center",
            CellAlign::Right => "right",
        }
    }
}

impl Table {
    /// A checked table: every row fills the columns exactly (spans counted,
    /// cells spanning rows from above included), no span runs past an edge,
    /// widths fit the type area. `header` rows come first; the column count
    /// is the first row's.
    pub fn new(
        caption: Option<String>,
        header: Vec<Vec<Cell>>,
        rows: Vec<Vec<Cell>>,
        widths: Vec<Option<f64>>,
        align: Vec<CellAlign>,
    ) -> Result<Table, String> {
        if rows.is_empty() {
            return Err(if header.is_empty() {
                "empty table: give its rows under `rows:`, one list of cells a row".into()
            } else {
                "the table has a header but no rows: give them under `rows:`".into()
            });
        }
        let columns = check_spans(&header, &rows)?;
        if !widths.is_empty() {
            if widths.len() != columns {
                return Err(format!(
                    "`widths` gives {} widths for a table of {columns} columns: give one a column (a number of millimetres or auto)",
                    widths.len()
                ));
            }
            let given: f64 = widths.iter().flatten().sum();
            let autos = widths.iter().filter(|w| w.is_none()).count();
            let room = crate::format::page::TYPE_WIDTH_MM;
            let least = crate::format::page::TABLE_MIN_COLUMN_MM;
            let need = given + autos as f64 * least;
            if need > room + 1e-6 {
                let scale = (room - autos as f64 * least) / given;
                let fitted: Vec<String> = widths
                    .iter()
                    .map(|w| match w {
                        Some(w) => format!("{}", (w * scale * 10.0).floor() / 10.0),
                        None => "auto".into(),
                    })
                    .collect();
                return Err(format!(
                    "the table's columns need {need:.1} mm but the type area is {room} mm wide: make the widths fit, e.g. widths: [{}]",
                    fitted.join(", ")
                ));
            }
        }
        if !align.is_empty() && align.len() != columns {
            return Err(format!(
                "`align` gives {} alignments for a table of {columns} columns: give one a column (left, center or right)",
                align.len()
            ));
        }
        Ok(Table {
            caption,
            header,
            rows,
            widths,
            align,
            columns,
        })
    }

    /// The alignment of column `column`.
    pub fn align_of(&self, column: usize) -> CellAlign {
        self.align.get(column).copied().unwrap_or(CellAlign::Center)
    }

    /// Every row, header rows first: whether it is a header row, and what
    /// stands in it by the column it starts in, left to right — the cells
    /// that start in the row and those spanning down through it from above.
    pub fn placed(&self) -> Vec<(bool, Vec<(usize, Slot<'_>)>)> {
        let rows = self.header.iter().chain(&self.rows);
        // A checked table places without a misfit.
        let placed = place(rows, self.columns).unwrap_or_default();
        placed
            .into_iter()
            .enumerate()
            .map(|(r, slots)| (r < self.header.len(), slots))
            .collect()
    }

    /// The table as a grid of texts, row by row: a cell's text at the place
    /// it starts, empty texts under its spans.
    pub fn grid(&self) -> Vec<Vec<String>> {
        self.placed()
            .into_iter()
            .map(|(_, row)| {
                let mut line = vec![String::new(); self.columns];
                for (column, slot) in row {
                    if let (Slot::Starts(cell), Some(text)) = (slot, line.get_mut(column)) {
                        text.clone_from(&cell.text);
                    }
                }
                line
            })
            .collect()
    }
}

/// What stands in a row of a table's grid at a column.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Slot<'a> {
    /// A cell that starts in this row.
    Starts(&'a Cell),
    /// A cell from a row above, spanning down through this one.
    Continues(&'a Cell),
}

/// Why rows do not square into a grid (row counted from 0 over all rows).
enum Misfit<'a> {
    /// A cell would reach past the last column.
    Wide(usize, &'a Cell, usize),
    /// A cell lands on a column a cell from above still covers.
    Overlap(usize, &'a Cell),
    /// The row leaves columns empty: how many it fills.
    Short(usize, usize),
}

/// Places `rows` on a grid of `columns`: each cell at the first column no
/// cell from a row above still covers; per row, its slots left to right.
fn place<'a>(
    rows: impl Iterator<Item = &'a Vec<Cell>>,
    columns: usize,
) -> Result<Vec<Vec<(usize, Slot<'a>)>>, Misfit<'a>> {
    // Per column: the cell covering it, its first column, the rows it
    // still covers from the current one on.
    let mut above: Vec<Option<(&'a Cell, usize, u32)>> = vec![None; columns];
    let mut out = Vec::new();
    for (r, row) in rows.enumerate() {
        let covered = |a: &Option<(&Cell, usize, u32)>| a.is_some_and(|(_, _, left)| left > 0);
        let mut slots: Vec<(usize, Slot<'a>)> = above
            .iter()
            .enumerate()
            .filter_map(|(c, a)| match a {
                Some((cell, start, left)) if *left > 0 && *start == c => {
                    Some((c, Slot::Continues(cell)))
                }
                _ => None,
            })
            .collect();
        let mut column = 0;
        for cell in row {
            while column < columns && covered(&above[column]) {
                column += 1;
            }
            let end = column + cell.colspan as usize;
            if end > columns {
                return Err(Misfit::Wide(r, cell, end));
            }
            if above[column..end].iter().any(covered) {
                return Err(Misfit::Overlap(r, cell));
            }
            for a in &mut above[column..end] {
                *a = Some((cell, column, cell.rowspan));
            }
            slots.push((column, Slot::Starts(cell)));
            column = end;
        }
        let filled = above.iter().filter(|a| covered(a)).count();
        if filled != columns {
            return Err(Misfit::Short(r, filled));
        }
        slots.sort_by_key(|(c, _)| *c);
        for (_, _, left) in above.iter_mut().flatten() {
            *left = left.saturating_sub(1);
        }
        out.push(slots);
    }
    Ok(out)
}

/// Checks that every row fills the table's columns, counting cells that
/// span rows from above, and that no cell spans past its section (header
/// or body); returns the column count.
fn check_spans(header: &[Vec<Cell>], rows: &[Vec<Cell>]) -> Result<usize, String> {
    let name = |r: usize| {
        if r < header.len() {
            ("header row", r + 1)
        } else {
            ("row", r - header.len() + 1)
        }
    };
    let all: Vec<&Vec<Cell>> = header.iter().chain(rows).collect();
    if let Some(r) = all
        .iter()
        .position(|row| row.iter().map(|c| c.colspan as usize).sum::<usize>() > MAX_COLUMNS)
    {
        let (what, n) = name(r);
        return Err(format!(
            "{what} {n} of the table spans more than {MAX_COLUMNS} columns: no more fit the type area; split the table"
        ));
    }
    let columns: usize = all[0].iter().map(|c| c.colspan as usize).sum();
    if columns == 0 {
        let (what, n) = name(0);
        return Err(format!("{what} {n} of the table has no cells"));
    }
    for (r, row) in all.iter().enumerate() {
        let (what, n) = name(r);
        let in_header = r < header.len();
        let left = if in_header {
            header.len() - r
        } else {
            all.len() - r
        };
        if let Some(cell) = row.iter().find(|c| c.rowspan as usize > left) {
            return Err(format!(
                "the cell `{}` in {what} {n} spans {} rows but only {left} {} from there: lower its rowspan",
                cell.text,
                cell.rowspan,
                if in_header {
                    "header rows follow"
                } else {
                    "rows follow"
                }
            ));
        }
    }
    match place(all.into_iter(), columns) {
        Ok(_) => Ok(columns),
        Err(Misfit::Wide(r, cell, end)) => {
            let (what, n) = name(r);
            Err(format!(
                "{what} {n} of the table has more cells than its {columns} columns (the cell `{}` would reach column {end}): remove a cell or a span, or widen the first row",
                cell.text
            ))
        }
        Err(Misfit::Overlap(r, cell)) => {
            let (what, n) = name(r);
            Err(format!(
                "the cell `{}` in {what} {n} overlaps a cell spanning down from a row above: remove it or lower that rowspan",
                cell.text
            ))
        }
        Err(Misfit::Short(r, filled)) => {
            let (what, n) = name(r);
            Err(format!(
                "{what} {n} of the table fills {filled} of its {columns} columns (spans counted): give every row the same number of cells, an empty one as \"\""
            ))
        }
    }
}

/// The distribution footer (报尾).
///
/// Each list is one printed line per entry; a plain string is one line.
///
/// ```yaml
/// report_to: [中央文明办, 省文明委主任、副主任、委员]
/// distribute_to: 各设区市文明办
/// registration: 苏简字 1004 号
/// print_run: 400
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Footer {
    /// 报：recipients above (superior organs).
    #[serde(default)]
    pub report_to: Option<Lines>,
    /// 送：recipients alongside (peer organs).
    #[serde(default)]
    pub copy_to: Option<Lines>,
    /// 发：recipients below (subordinate organs).
    #[serde(default)]
    pub distribute_to: Option<Lines>,
    /// 本期增发：extra recipients of this issue only.
    #[serde(default)]
    pub extra_to: Option<Lines>,
    /// 登记号：e.g. 苏简字 1004 号.
    #[serde(default)]
    pub registration: Option<Text>,
    /// 印数：共印 N 份.
    #[serde(default)]
    pub print_run: Option<Count>,
    /// 责任编辑。
    #[serde(default)]
    pub editor: Option<Text>,
    /// 签发。
    #[serde(default)]
    pub approver: Option<Text>,
}

impl Footer {
    /// Fills each field this footer leaves unset from `base` (the series file).
    pub fn inherit(self, base: Footer) -> Footer {
        Footer {
            report_to: self.report_to.or(base.report_to),
            copy_to: self.copy_to.or(base.copy_to),
            distribute_to: self.distribute_to.or(base.distribute_to),
            extra_to: self.extra_to.or(base.extra_to),
            registration: self.registration.or(base.registration),
            print_run: self.print_run.or(base.print_run),
            editor: self.editor.or(base.editor),
            approver: self.approver.or(base.approver),
        }
    }

    /// Whether the footer prints anything at all.
    pub fn is_empty(&self) -> bool {
        *self == Footer::default()
    }

    /// The recipient groups in printed order, each with its label ("报", …);
    /// empty lists are left out.
    pub fn recipients(&self) -> Vec<(&'static str, &[String])> {
        Recipients::ALL
            .into_iter()
            .filter_map(|group| match group.of(self) {
                Some(Lines(lines)) if !lines.is_empty() => Some((group.label(), lines.as_slice())),
                _ => None,
            })
            .collect()
    }

    /// The list of `group`, to fill in.
    pub fn recipients_mut(&mut self, group: Recipients) -> &mut Option<Lines> {
        match group {
            Recipients::ReportTo => &mut self.report_to,
            Recipients::CopyTo => &mut self.copy_to,
            Recipients::DistributeTo => &mut self.distribute_to,
            Recipients::ExtraTo => &mut self.extra_to,
        }
    }

    /// "（苏简字 1004 号 共印 400 份）", when either part is set.
    pub fn registration_line(&self) -> Option<String> {
        let parts: Vec<String> = [
            self.registration.as_ref().map(|r| r.0.clone()),
            self.print_run.map(|n| format!("共印 {} 份", n.0)),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!parts.is_empty()).then(|| format!("（{}）", parts.join(" ")))
    }

    /// "责任编辑：…" and "签发：…", those that are set.
    pub fn signatures(&self) -> Vec<String> {
        [
            (SIGNATURE_LABELS[0], &self.editor),
            (SIGNATURE_LABELS[1], &self.approver),
        ]
        .into_iter()
        .filter_map(|(label, name)| name.as_ref().map(|n| format!("{label}：{}", n.0)))
        .collect()
    }
}

/// A recipient group of the footer: the one table of the footer's labels and
/// the other names offices print them under, which every reader and writer
/// uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recipients {
    /// 报 (报送): superior organs.
    ReportTo,
    /// 送 (抄送): peer organs.
    CopyTo,
    /// 发: subordinate organs.
    DistributeTo,
    /// 本期增发: this issue only.
    ExtraTo,
}

impl Recipients {
    /// The groups in printed order.
    pub const ALL: [Recipients; 4] = [
        Recipients::ReportTo,
        Recipients::CopyTo,
        Recipients::DistributeTo,
        Recipients::ExtraTo,
    ];

    /// The label jianbao prints.
    pub fn label(self) -> &'static str {
        self.labels()[0]
    }

    /// The label and the other names it goes by, longest first after the
    /// printed one.
    pub fn labels(self) -> &'static [&'static str] {
        match self {
            Recipients::ReportTo => &["报", "报送"],
            Recipients::CopyTo => &["送", "抄送"],
            Recipients::DistributeTo => &["发"],
            Recipients::ExtraTo => &["本期增发"],
        }
    }

    /// The group a printed label names (any of [`Recipients::labels`]).
    pub fn from_label(label: &str) -> Option<Recipients> {
        Recipients::ALL
            .into_iter()
            .find(|g| g.labels().contains(&label))
    }

    /// This group's list in `footer`.
    pub fn of(self, footer: &Footer) -> &Option<Lines> {
        match self {
            Recipients::ReportTo => &footer.report_to,
            Recipients::CopyTo => &footer.copy_to,
            Recipients::DistributeTo => &footer.distribute_to,
            Recipients::ExtraTo => &footer.extra_to,
        }
    }

    /// Every footer label a line may begin with (recipient groups, the
    /// signatures), longest first, so that 报送 is tried before 报.
    pub fn line_labels() -> Vec<&'static str> {
        let mut all: Vec<&'static str> = Recipients::ALL
            .iter()
            .flat_map(|g| g.labels().iter().copied())
            .chain(SIGNATURE_LABELS)
            .collect();
        all.sort_by_key(|l| std::cmp::Reverse(l.chars().count()));
        all
    }
}

/// The footer's signature labels: 责任编辑 and 签发.
pub const SIGNATURE_LABELS: [&str; 2] = ["责任编辑", "签发"];

/// Practice values of the layout; each unset one takes the template's default.
///
/// ```yaml
/// style:
///   red: [0, 80, 80, 0]
///   rule_thickness: 1.5
///   lead_face: kai
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Style {
    /// 红色：CMYK percentages of the masthead red; default C0 M80 Y80 K0.
    #[serde(default)]
    pub red: Option<Cmyk>,
    /// 红线粗细（pt）：default 1.5.
    #[serde(default)]
    pub rule_thickness: Option<Points>,
    /// 红线样式：single (default), double (thick over thin) or star (red ★ in the middle).
    #[serde(default)]
    pub rule: Option<RuleKind>,
    /// 简报名称字号（pt）：default fits the name to the type-area width.
    #[serde(default)]
    pub name_size: Option<Points>,
    /// 段首句字体：kai (楷体, default), hei (黑体) or fang (仿宋).
    #[serde(default)]
    pub lead_face: Option<Face>,
    /// 是否印本期目录（栏目与篇目）：default true.
    #[serde(default)]
    pub contents: Option<bool>,
    /// 是否印页码：default true.
    #[serde(default)]
    pub page_numbers: Option<bool>,
    /// 字符网格：strict (default: every character and full-width mark in one
    /// of 28 cells, as an office's Word template sets it) or typst (Typst's
    /// own justification, which may squeeze punctuation inside a line).
    #[serde(default)]
    pub grid: Option<GridMode>,
    /// 行首标点悬挂：true (default) lets a closing mark that would begin a
    /// line hang past the right edge by one cell; false moves a character
    /// down with it and spreads the line it leaves.
    #[serde(default)]
    pub hanging_punctuation: Option<bool>,
    /// 版记置于偶数页：for two-sided printing, a footer whose text ends on
    /// an odd page moves to the next (even) page; default false.
    #[serde(default)]
    pub footer_on_even_page: Option<bool>,
    /// 加粗的标题层次：the heading levels set bold, e.g. [3] or [2, 3];
    /// default none (GB/T 9704 names faces for the levels, not bold).
    #[serde(default)]
    pub heading_bold: Option<HeadingLevels>,
}

/// A list of heading levels (1–4), e.g. `[2, 3]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct HeadingLevels(pub Vec<u8>);

impl HeadingLevels {
    /// Whether `level` is among them.
    pub fn has(&self, level: u8) -> bool {
        self.0.contains(&level)
    }
}

impl<'de> Deserialize<'de> for HeadingLevels {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let levels = Vec::<u8>::deserialize(deserializer)?;
        match levels.iter().find(|l| !(1..=HEADING_LEVELS).contains(*l)) {
            Some(l) => Err(de::Error::custom(format!(
                "there is no heading level {l}: levels are 1 (一、), 2 (（一）), 3 (1.) and 4 (（1）)"
            ))),
            None => Ok(HeadingLevels(levels)),
        }
    }
}

impl Style {
    /// Fills each value this style leaves unset from `base` (the series file).
    pub fn inherit(self, base: Style) -> Style {
        Style {
            red: self.red.or(base.red),
            rule_thickness: self.rule_thickness.or(base.rule_thickness),
            rule: self.rule.or(base.rule),
            name_size: self.name_size.or(base.name_size),
            lead_face: self.lead_face.or(base.lead_face),
            contents: self.contents.or(base.contents),
            page_numbers: self.page_numbers.or(base.page_numbers),
            grid: self.grid.or(base.grid),
            hanging_punctuation: self.hanging_punctuation.or(base.hanging_punctuation),
            footer_on_even_page: self.footer_on_even_page.or(base.footer_on_even_page),
            heading_bold: self.heading_bold.or(base.heading_bold),
        }
    }
}

/// How body text stands on the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GridMode {
    /// Every character and full-width mark in one of 28 equal cells.
    Strict,
    /// Typst's justification.
    Typst,
}

/// The red rule under the masthead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    /// One rule.
    Single,
    /// A thick rule over a thin one.
    Double,
    /// A rule with a red ★ in its middle.
    Star,
}

/// A typeface role a lead sentence may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Face {
    /// 楷体.
    #[serde(alias = "楷体")]
    Kai,
    /// 黑体.
    #[serde(alias = "黑体")]
    Hei,
    /// 仿宋.
    #[serde(alias = "仿宋")]
    Fang,
}

/// A calendar date, written `2023-07-21` or `2023 年 7 月 21 日`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Full year, e.g. 2023.
    pub year: i32,
    /// 1–12.
    pub month: u32,
    /// 1–31, valid for the month.
    pub day: u32,
}

impl Date {
    /// A checked date.
    pub fn new(year: i32, month: u32, day: u32) -> Result<Date, String> {
        if !(1000..=9999).contains(&year) {
            return Err(format!("the year {year} is not a four-digit year"));
        }
        if !(1..=12).contains(&month) {
            return Err(format!("there is no month {month}"));
        }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        if day == 0 || day > days {
            return Err(format!(
                "{year}-{month:02} has no day {day} (it has {days} days)"
            ));
        }
        Ok(Date { year, month, day })
    }

    /// Parses `2023-07-21`, `2023/7/21`, `2023年7月21日` or `2023 年 7 月 21 日`.
    pub fn parse(text: &str) -> Result<Date, String> {
        let parts: Vec<&str> = text
            .split(|c: char| matches!(c, '-' | '/' | '.' | '年' | '月' | '日') || c.is_whitespace())
            .filter(|part| !part.is_empty())
            .collect();
        let number = |s: &str| s.parse::<u32>().ok();
        match parts.as_slice() {
            [y, m, d] if y.len() == 4 => match (number(y), number(m), number(d)) {
                (Some(y), Some(m), Some(d)) => Date::new(y as i32, m, d),
                _ => Err(format!("`{text}` is not a date")),
            },
            _ => Err(format!("`{text}` is not a date")),
        }
    }

    /// The printed form, "2023 年 7 月 21 日": Arabic digits, no leading zeros.
    pub fn chinese(self) -> String {
        format!("{} 年 {} 月 {} 日", self.year, self.month, self.day)
    }

    /// Seconds since 1970-01-01 at midnight UTC of this date.
    pub fn unix_seconds(self) -> i64 {
        // Days from civil (Howard Hinnant's algorithm).
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        (era * 146_097 + doe - 719_468) * 86_400
    }
}

/// A UTC time from seconds since 1970, as [year, month, day, hour, minute,
/// second] (the inverse of [`Date::unix_seconds`], with the time of day):
/// what the PDF, DOCX and OFD writers stamp.
pub fn utc(seconds: i64) -> [i64; 6] {
    let days = seconds.div_euclid(86_400);
    let rest = seconds.rem_euclid(86_400);
    // Civil from days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    [year, month, day, rest / 3600, rest % 3600 / 60, rest % 60]
}

impl fmt::Display for Date {
    /// The ISO form, `2023-07-21`.
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(text.trim()).map_err(|why| {
            de::Error::custom(format!(
                "impossible date: {why}; write it as YYYY-MM-DD, e.g. 2023-07-21"
            ))
        })
    }
}

/// A piece of text that must not be empty (a title, a name).
///
/// Lines of a multi-line YAML scalar are joined: with nothing between two
/// Chinese characters, with a space otherwise. Leading full-width spaces
/// (pasted from a word processor) are dropped: the template indents.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Text(pub String);

impl Text {
    /// Normalises `raw`; `None` if nothing but whitespace is left.
    pub fn new(raw: &str) -> Option<Text> {
        let joined = join_lines(raw);
        let trimmed = joined.trim_matches(|c: char| c.is_whitespace());
        (!trimmed.is_empty()).then(|| Text(trimmed.to_string()))
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl Visitor<'_> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a piece of text")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                check_characters(v).map_err(E::custom)?;
                Text::new(v).ok_or_else(|| E::custom(EMPTY_TEXT))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Text, E> {
                Err(E::custom(EMPTY_TEXT))
            }
            fn visit_none<E: de::Error>(self) -> Result<Text, E> {
                Err(E::custom(EMPTY_TEXT))
            }
        }
        deserializer.deserialize_any(TextVisitor)
    }
}

const EMPTY_TEXT: &str = "empty text: write the text after the colon, or remove the key";

/// Whether `c` may not stand in a text: a C0 or C1 control character (a line
/// break is allowed where the YAML makes one), a bidirectional embedding,
/// override or isolate (U+202A–U+202E, U+2066–U+2069, which make a text read
/// differently on screen than in the file), U+FEFF inside a text, and the
/// noncharacters U+FFFE and U+FFFF.
pub fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}')
}

/// A forbidden character's name in messages.
pub fn char_name(c: char) -> &'static str {
    match c {
        '\0' => "null",
        '\u{7}' => "bell",
        '\t' => "tab",
        '\r' => "carriage return",
        '\u{1B}' => "escape",
        '\u{7F}' => "delete",
        '\u{202A}' => "left-to-right embedding",
        '\u{202B}' => "right-to-left embedding",
        '\u{202C}' => "pop directional formatting",
        '\u{202D}' => "left-to-right override",
        '\u{202E}' => "right-to-left override",
        '\u{2066}' => "left-to-right isolate",
        '\u{2067}' => "right-to-left isolate",
        '\u{2068}' => "first strong isolate",
        '\u{2069}' => "pop directional isolate",
        '\u{FEFF}' => "byte order mark",
        '\u{FFFE}' | '\u{FFFF}' => "noncharacter",
        _ => "control character",
    }
}

/// Refuses a text holding a [forbidden](is_forbidden) character, naming it
/// and where it stands in the text.
fn check_characters(text: &str) -> Result<(), String> {
    match text.chars().enumerate().find(|&(_, c)| is_forbidden(c)) {
        None => Ok(()),
        Some((i, c)) => Err(format!(
            "invisible character U+{:04X} ({}) at character {} of the text: delete it, or retype the text around it",
            c as u32,
            char_name(c),
            i + 1
        )),
    }
}

/// Joins the lines of a multi-line scalar the way Chinese text wants.
fn join_lines(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for line in raw.lines() {
        let line = line.trim_start_matches(['\u{3000}', ' ', '\t']).trim_end();
        if line.is_empty() {
            continue;
        }
        if let (Some(prev), Some(next)) = (out.chars().last(), line.chars().next())
            && !(is_wide(prev) || is_wide(next))
        {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// Whether `c` is a Chinese character or full-width punctuation (no spaces around it).
pub fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}'
        | '\u{20000}'..='\u{3FFFF}' | '\u{2014}' | '\u{2018}'..='\u{201D}' | '\u{2026}')
}

/// Printed lines: a single string (one line, or several separated by newlines)
/// or a list of strings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Lines(pub Vec<String>);

impl<'de> Deserialize<'de> for Lines {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LinesVisitor;
        impl<'de> Visitor<'de> for LinesVisitor {
            type Value = Lines;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a line of text or a list of lines")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Lines, E> {
                check_characters(v).map_err(E::custom)?;
                Ok(Lines(
                    v.lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(String::from)
                        .collect(),
                ))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Lines, E> {
                Ok(Lines(Vec::new()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Lines, A::Error> {
                let mut lines = Vec::new();
                while let Some(line) = seq.next_element::<Text>()? {
                    lines.push(line.0);
                }
                Ok(Lines(lines))
            }
        }
        deserializer.deserialize_any(LinesVisitor)
    }
}

/// A positive whole number (an issue number, a print run).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Count(pub u32);

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CountVisitor;
        impl Visitor<'_> for CountVisitor {
            type Value = Count;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a positive whole number")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Count, E> {
                match u32::try_from(v) {
                    Ok(n) if n > 0 => Ok(Count(n)),
                    _ => Err(E::custom(format!(
                        "{v} is not a positive whole number; numbers here count from 1"
                    ))),
                }
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Count, E> {
                self.visit_i64(i64::try_from(v).unwrap_or(-1))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Count, E> {
                Err(E::custom(format!(
                    "{v} is not a whole number; write e.g. 14"
                )))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Count, E> {
                match v.trim().parse::<i64>() {
                    Ok(n) => self.visit_i64(n),
                    Err(_) => Err(E::custom(format!(
                        "`{v}` is not a number; write digits only, e.g. 14"
                    ))),
                }
            }
        }
        deserializer.deserialize_any(CountVisitor)
    }
}

/// A length in points, positive and sane (≤ 200 pt).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize)]
#[serde(transparent)]
pub struct Points(pub f64);

impl<'de> Deserialize<'de> for Points {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let v = f64::deserialize(deserializer)?;
        if v > 0.0 && v <= 200.0 {
            Ok(Points(v))
        } else {
            Err(de::Error::custom(format!(
                "{v} is not a usable size in points; give a number above 0 and at most 200"
            )))
        }
    }
}

/// A CMYK colour as four percentages, e.g. `[0, 80, 80, 0]`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Cmyk(pub [f64; 4]);

impl Cmyk {
    /// The masthead red of the standard, C0 M80 Y80 K0.
    pub const RED: Cmyk = Cmyk([0.0, 80.0, 80.0, 0.0]);

    /// The colour in RGB (0–255 each), by the naive conversion, for the
    /// outputs that cannot carry CMYK.
    pub fn rgb(self) -> [u8; 3] {
        let [c, m, y, k] = self.0;
        let channel = |v: f64| (255.0 * (1.0 - v / 100.0) * (1.0 - k / 100.0)).round() as u8;
        [channel(c), channel(m), channel(y)]
    }
}

impl<'de> Deserialize<'de> for Cmyk {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let parts = Vec::<f64>::deserialize(deserializer)?;
        match <[f64; 4]>::try_from(parts.as_slice()) {
            Ok(c) if c.iter().all(|v| (0.0..=100.0).contains(v)) => Ok(Cmyk(c)),
            _ => Err(de::Error::custom(
                "a colour is four CMYK percentages from 0 to 100, e.g. [0, 80, 80, 0]",
            )),
        }
    }
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct BlockVisitor;
        impl<'de> Visitor<'de> for BlockVisitor {
            type Value = Block;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a paragraph (text) or a mapping with text, heading, subheading or photo",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Block, E> {
                check_characters(v).map_err(E::custom)?;
                let text = Text::new(v).ok_or_else(|| {
                    E::custom("empty paragraph: remove the line or write its text")
                })?;
                Ok(Block::Paragraph {
                    lead: None,
                    text: text.0,
                })
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Block, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Block, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Block, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_unit<E: de::Error>(self) -> Result<Block, E> {
                Err(E::custom(
                    "empty paragraph: remove the line or write its text",
                ))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Block, A::Error> {
                let fields = BlockFields::deserialize(de::value::MapAccessDeserializer::new(map))?;
                fields.into_block().map_err(de::Error::custom)
            }
        }
        deserializer.deserialize_any(BlockVisitor)
    }
}

/// The keys a mapping in `body` may hold; exactly one kind of block is allowed.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BlockFields {
    lead: Option<Text>,
    text: Option<Text>,
    heading: Option<Text>,
    subheading: Option<Text>,
    level: Option<u8>,
    photo: Option<Text>,
    caption: Option<Text>,
    width: Option<f64>,
    table: Option<TableFields>,
}

/// The keys of a `table:` mapping.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TableFields {
    #[serde(default)]
    caption: Option<Text>,
    #[serde(default)]
    header: Option<HeaderRows>,
    #[serde(default)]
    rows: Option<Vec<Row>>,
    #[serde(default)]
    widths: Option<Vec<Width>>,
    #[serde(default)]
    align: Option<Vec<CellAlign>>,
}

impl TableFields {
    fn into_table(self) -> Result<Table, String> {
        Table::new(
            self.caption.map(|c| c.0),
            self.header.map(|h| h.0).unwrap_or_default(),
            self.rows
                .unwrap_or_default()
                .into_iter()
                .map(|r| r.0)
                .collect(),
            self.widths
                .unwrap_or_default()
                .into_iter()
                .map(|w| w.0)
                .collect(),
            self.align.unwrap_or_default(),
        )
    }
}

/// A row of a table: a list of cells.
struct Row(Vec<Cell>);

impl<'de> Deserialize<'de> for Row {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match CellOrRow::deserialize(deserializer)? {
            CellOrRow::Row(cells) => Ok(Row(cells)),
            CellOrRow::Cell(_) => Err(de::Error::custom(
                "a row is a list of cells, e.g. [东城街道, 12, 75%]",
            )),
        }
    }
}

/// `header:` — one row (a list of cells) or several (a list of rows).
struct HeaderRows(Vec<Vec<Cell>>);

impl<'de> Deserialize<'de> for HeaderRows {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (mut cells, mut rows) = (Vec::new(), Vec::new());
        for item in Vec::<CellOrRow>::deserialize(deserializer)? {
            match item {
                CellOrRow::Cell(cell) => cells.push(cell),
                CellOrRow::Row(row) => rows.push(row),
            }
        }
        match (cells.is_empty(), rows.is_empty()) {
            (true, _) => Ok(HeaderRows(rows)),
            (false, true) => Ok(HeaderRows(vec![cells])),
            (false, false) => Err(de::Error::custom(
                "`header` is one row (a list of cells) or a list of rows; this one mixes cells and rows",
            )),
        }
    }
}

/// A column width: millimetres, or `auto`.
struct Width(Option<f64>);

impl<'de> Deserialize<'de> for Width {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct WidthVisitor;
        impl Visitor<'_> for WidthVisitor {
            type Value = Width;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a width in millimetres or auto")
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Width, E> {
                if v > 0.0 && v.is_finite() {
                    Ok(Width(Some(v)))
                } else {
                    Err(E::custom(format!(
                        "{v} is not a column width: give millimetres above 0, or auto"
                    )))
                }
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Width, E> {
                self.visit_f64(v as f64)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Width, E> {
                self.visit_f64(v as f64)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Width, E> {
                let v = v.trim();
                if v == "auto" || v == "自动" {
                    return Ok(Width(None));
                }
                match v.trim_end_matches("mm").trim().parse::<f64>() {
                    Ok(n) => self.visit_f64(n),
                    Err(_) => Err(E::custom(format!(
                        "`{v}` is not a column width: give millimetres above 0, or auto"
                    ))),
                }
            }
            fn visit_unit<E: de::Error>(self) -> Result<Width, E> {
                Ok(Width(None))
            }
        }
        deserializer.deserialize_any(WidthVisitor)
    }
}

/// Reads a [`Cell`]: a text (a number is its digits, an empty value an
/// empty cell) or a mapping with `text`, `colspan` and `rowspan`.
/// A list where a cell may stand is a row (`header:` holds either).
struct CellVisitor;

/// What [`CellVisitor`] reads: a cell, or a row of them.
enum CellOrRow {
    Cell(Cell),
    Row(Vec<Cell>),
}

impl<'de> Deserialize<'de> for CellOrRow {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(CellVisitor)
    }
}

impl<'de> Visitor<'de> for CellVisitor {
    type Value = CellOrRow;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a cell: its text, or {text: …, colspan: N, rowspan: N}")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<CellOrRow, E> {
        check_characters(v).map_err(E::custom)?;
        Ok(CellOrRow::Cell(Cell::new(
            Text::new(v).map(|t| t.0).unwrap_or_default(),
        )))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<CellOrRow, E> {
        Ok(CellOrRow::Cell(Cell::new(v.to_string())))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<CellOrRow, E> {
        Ok(CellOrRow::Cell(Cell::new(v.to_string())))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<CellOrRow, E> {
        Ok(CellOrRow::Cell(Cell::new(v.to_string())))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<CellOrRow, E> {
        Ok(CellOrRow::Cell(Cell::new(v.to_string())))
    }
    fn visit_unit<E: de::Error>(self) -> Result<CellOrRow, E> {
        Ok(CellOrRow::Cell(Cell::new("")))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<CellOrRow, A::Error> {
        let mut cells = Vec::new();
        while let Some(cell) = seq.next_element::<Cell>()? {
            cells.push(cell);
        }
        Ok(CellOrRow::Row(cells))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<CellOrRow, A::Error> {
        let mut cell = Cell::new("");
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "text" => {
                    cell = Cell {
                        text: map.next_value::<CellText>()?.0,
                        ..cell
                    }
                }
                "colspan" | "rowspan" => {
                    let n = map.next_value::<Count>()?.0;
                    if key == "colspan" {
                        cell.colspan = n;
                    } else {
                        cell.rowspan = n;
                    }
                }
                "heading" | "subheading" | "photo" | "table" | "lead" | "caption" => {
                    return Err(de::Error::custom(format!(
                        "a table cell holds text only (`text`, `colspan`, `rowspan`), not a `{key}`: put it before or after the table"
                    )));
                }
                other => {
                    return Err(de::Error::custom(format!(
                        "unknown key `{other}` in a table cell: a cell has `text`, `colspan` and `rowspan`"
                    )));
                }
            }
        }
        Ok(CellOrRow::Cell(cell))
    }
}

/// The text of a cell given as `text:` (may be empty).
struct CellText(String);

impl<'de> Deserialize<'de> for CellText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(CellText(Cell::deserialize(deserializer)?.text))
    }
}

impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match deserializer.deserialize_any(CellVisitor)? {
            CellOrRow::Cell(cell) => Ok(cell),
            CellOrRow::Row(_) => Err(de::Error::custom(
                "a list where a cell belongs: a row is one list of cells, and a cell is a text (or {text: …, colspan: N})",
            )),
        }
    }
}

impl BlockFields {
    fn into_block(self) -> Result<Block, String> {
        let kinds = [
            self.text.is_some() || self.lead.is_some(),
            self.heading.is_some(),
            self.subheading.is_some(),
            self.photo.is_some(),
            self.table.is_some(),
        ];
        if kinds.iter().filter(|k| **k).count() != 1 {
            return Err(
                "a body entry is one of: a paragraph (`text`, with an optional `lead`), a `heading` (with an optional `level`), a `photo` or a `table`; this one mixes them or has none"
                .into(),
            );
        }
        if (self.caption.is_some() || self.width.is_some()) && self.photo.is_none() {
            return Err("`caption` and `width` belong to a `photo`".into());
        }
        if let Some(table) = self.table {
            return table.into_table().map(Block::Table);
        }
        if let Some(level) = self.level {
            if self.heading.is_none() {
                return Err("`level` belongs to a `heading`".into());
            }
            if !(1..=HEADING_LEVELS).contains(&level) {
                return Err(format!(
                    "there is no heading level {level}: levels are 1 (一、), 2 (（一）), 3 (1.) and 4 (（1）)"
                ));
            }
        }
        if let Some(path) = self.photo {
            if let Some(w) = self.width
                && !(w > 0.0 && w <= 1.0)
            {
                return Err(format!(
                    "photo width {w} is not a fraction of the line: give a number above 0 and at most 1"
                ));
            }
            return Ok(Block::Photo {
                path: path.0,
                caption: self.caption.map(|c| c.0),
                width: self.width,
            });
        }
        if let Some(text) = self.heading {
            return Ok(Block::Heading {
                level: self.level.unwrap_or(1),
                text: text.0,
            });
        }
        if let Some(text) = self.subheading {
            return Ok(Block::Heading {
                level: 2,
                text: text.0,
            });
        }
        Ok(Block::Paragraph {
            lead: self.lead.map(|l| l.0),
            text: self.text.map(|t| t.0).unwrap_or_default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_in_both_forms_and_impossible_ones_fail() {
        let d = Date::new(2023, 7, 21).unwrap();
        assert_eq!(Date::parse("2023-07-21"), Ok(d));
        assert_eq!(Date::parse("2023 年 7 月 21 日"), Ok(d));
        assert_eq!(Date::parse("2023年7月21日"), Ok(d));
        assert!(Date::parse("2023-02-29").unwrap_err().contains("no day 29"));
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(
            Date::parse("2023-13-01")
                .unwrap_err()
                .contains("no month 13")
        );
        assert!(Date::parse("yesterday").is_err());
        assert_eq!(Date::new(1970, 1, 1).unwrap().unix_seconds(), 0);
        assert_eq!(d.unix_seconds(), 1_689_897_600);
    }

    #[test]
    fn heading_numbers_name_their_levels() {
        assert_eq!(heading_number("一、总体情况"), Some((1, 1)));
        assert_eq!(heading_number("十二、其他"), Some((1, 12)));
        assert_eq!(heading_number("（三）强化保障"), Some((2, 3)));
        assert_eq!(heading_number("2.建立台账"), Some((3, 2)));
        assert_eq!(heading_number("2．建立台账"), Some((3, 2)));
        assert_eq!(heading_number("（4）销号管理"), Some((4, 4)));
        assert_eq!(heading_number("(4)销号管理"), Some((4, 4)));
        assert_eq!(heading_number("1.5 万人次参加"), None);
        assert_eq!(heading_number("2024 年以来"), None);
        assert_eq!(heading_number("（北湖区文明办供稿）"), None);
    }

    #[test]
    fn tables_fill_their_columns_counting_spans() {
        let c = |t: &str| Cell::new(t);
        let span = |t: &str, colspan, rowspan| Cell {
            text: t.into(),
            colspan,
            rowspan,
        };
        let header = vec![
            vec![span("街道", 1, 2), span("进度", 2, 1)],
            vec![c("开工"), c("完工")],
        ];
        let t = Table::new(
            None,
            header,
            vec![vec![c("东湖"), c("1"), c("2")]],
            vec![],
            vec![],
        )
        .unwrap();
        assert_eq!(t.columns, 3);
        assert_eq!(t.grid()[1], ["", "开工", "完工"]);
        let short = Table::new(
            None,
            vec![],
            vec![vec![c("a"), c("b")], vec![c("c")]],
            vec![],
            vec![],
        );
        assert!(
            short
                .unwrap_err()
                .contains("row 2 of the table fills 1 of its 2 columns")
        );
        let down = Table::new(
            None,
            vec![],
            vec![vec![span("a", 1, 3), c("b")], vec![c("c")]],
            vec![],
            vec![],
        );
        assert!(down.unwrap_err().contains("spans 3 rows but only 2"));
    }

    #[test]
    fn text_joins_chinese_lines_without_spaces() {
        assert_eq!(
            Text::new("今年以来，\n  连云港市\n").unwrap().0,
            "今年以来，连云港市"
        );
        assert_eq!(Text::new("open\nsource").unwrap().0, "open source");
        assert_eq!(Text::new("\u{3000}\u{3000}段落").unwrap().0, "段落");
        assert_eq!(Text::new("  \n "), None);
    }
}
