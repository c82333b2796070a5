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
