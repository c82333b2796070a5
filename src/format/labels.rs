//! The words a document prints around its data, one home each: every writer
//! prints them from here and every reader looks for them here (the footer's
//! recipient groups and signatures are [`crate::model::Recipients`] and
//! [`crate::model::SIGNATURE_LABELS`], built on these).

/// 编者按: the editor's note's label.
pub const NOTE: &str = "编者按";

/// The label as printed before the note: 编者按：.
pub const NOTE_PRINTED: &str = "编者按：";

/// The brackets a column's name is printed in: 【工作交流】.
pub const COLUMN_BRACKETS: (char, char) = ('【', '】');

/// A column's name as printed: 【工作交流】.
pub fn column(name: &str) -> String {
    let (open, close) = COLUMN_BRACKETS;
    format!("{open}{name}{close}")
}

/// The name inside a printed column heading (【工作交流】 → 工作交流).
pub fn column_name(text: &str) -> Option<&str> {
    let (open, close) = COLUMN_BRACKETS;
    text.strip_prefix(open)?
        .strip_suffix(close)
        .filter(|n| !n.is_empty() && !n.contains(open))
}

/// The editor's note after its printed label, with a full- or half-width
/// colon (编者按：… or 编者按:…), or `None` when the text does not open so.
pub fn after_note_label(text: &str) -> Option<&str> {
    text.strip_prefix(NOTE)?.strip_prefix(['：', ':'])
}

/// The characters the labels print, for a face's subset (Word's embedded
/// fonts): every label of this module.
pub fn characters() -> impl Iterator<Item = char> {
    NOTE_PRINTED
        .chars()
        .chain([COLUMN_BRACKETS.0, COLUMN_BRACKETS.1])
}

/// 公文: the 发文字号's year brackets (六角括号), as in 青建发〔2026〕5号.
pub const YEAR_BRACKETS: (char, char) = ('〔', '〕');

/// 公文: the label before the 签发人's names.
pub const SIGNER: &str = "签发人：";

/// 公文: the label of the attachment note and of each attachment's page.
pub const ATTACHMENT: &str = "附件";

/// 公文: the record's (版记) copy line label.
pub const COPY_TO: &str = "抄送：";

/// 公文: the label of the 主送 line when it moves into the record.
pub const TO_IN_RECORD: &str = "主送：";

/// 公文: the word after the record's printing date.
pub const ISSUED: &str = "印发";

/// 公文: the word after the organ's name in a 文件格式 标志.
pub const FILE_MARK: &str = "文件";

/// 公文: the page some offices print when only the signature is left for it.
pub const NO_BODY_PAGE: &str = "（此页无正文）";

/// 公文 纪要: the attendance labels, in their order.
pub const ATTENDANCE: [&str; 3] = ["出席", "请假", "列席"];

/// 公文: the secrecy levels (7.2.2) and the star between level and period.
pub const SECRECY_LEVELS: [&str; 3] = ["绝密", "机密", "秘密"];

/// See [`SECRECY_LEVELS`].
pub const SECRECY_STAR: char = '★';

/// 公文: the urgency marks (7.2.3).
pub const URGENCY: [&str; 2] = ["特急", "加急"];
