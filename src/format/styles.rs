//! The named styles of jianbao's Word documents (样式): the writer sets every
//! part in one of them and the reader knows a part by its style, so an edited
//! copy comes back with its structure.

/// Body paragraphs.
pub const BODY: &str = "正文";
/// The lead sentence of a paragraph (a character style).
pub const LEAD: &str = "段首句";
/// An article's title.
pub const TITLE: &str = "文章标题";
/// An article's subtitle.
pub const SUBTITLE: &str = "副标题";
/// An article's source line (供稿).
pub const SOURCE: &str = "来源";
/// Level-1 headings (一、).
pub const HEADING_1: &str = "一级标题";
/// Level-2 headings (（一）).
pub const HEADING_2: &str = "二级标题";
/// Level-3 headings (1.).
pub const HEADING_3: &str = "三级标题";
/// Level-4 headings (（1）).
pub const HEADING_4: &str = "四级标题";
/// The headings' styles, level 1 first.
pub const HEADINGS: [&str; 4] = [HEADING_1, HEADING_2, HEADING_3, HEADING_4];
/// A table's caption (表题).
pub const TABLE_CAPTION: &str = "表题";
/// The text of a table's header cells.
pub const TABLE_HEADER: &str = "表头";
/// The text of a table's cells.
pub const TABLE_TEXT: &str = "表格文字";

/// The style of a heading of `level` (1–4).
pub fn heading(level: u8) -> &'static str {
    HEADINGS[usize::from(level.clamp(1, 4)) - 1]
}
/// Column headings 【…】.
pub const COLUMN: &str = "栏目";
/// A title in the contents.
pub const CONTENTS: &str = "目录";
/// The editor's note.
pub const NOTE: &str = "编者按";
/// The label 编者按： (a character style).
pub const NOTE_LABEL: &str = "编者按标签";
/// The bulletin name.
pub const NAME: &str = "报头";
/// The kind label 增刊/专刊.
pub const KIND: &str = "刊别";
/// 第 N 期 and （总第 N 期）.
pub const NUMBER: &str = "期号";
/// The unit and date line, with the red rule as its border.
pub const UNIT_DATE: &str = "编发单位";
/// The copy number and handling mark.
pub const MARK: &str = "版头标记";
/// A paragraph holding a photo.
pub const PHOTO: &str = "图片";
/// A photo's caption.
pub const CAPTION: &str = "图注";
/// The footer block's paragraphs.
pub const FOOTER: &str = "版记";
/// The page numbers.
pub const PAGE_NUMBER: &str = "页码";
