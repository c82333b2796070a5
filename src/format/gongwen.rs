//! The print facts a 公文 adds to the page of [`crate::format::page`]
//! (GB/T 9704-2012 §7 and §10, docs/gongwen.md): where the 标志 of each
//! format stands, the red separator, the record's rules, the double lines
//! of a letter. The template receives them as data (`practice.gongwen`);
//! the tests measure the laid-out pages against them.

use serde::Serialize;

/// The 标志's top edge (its ink) below the type area's top, 文件格式 and
/// 纪要格式 (7.2.4, 10.3).
pub const MARK_TOP_MM: f64 = 35.0;
/// The 标志's top edge below the paper's top edge, 信函格式 (10.1).
pub const LETTER_MARK_TOP_MM: f64 = 30.0;
/// The 标志's top edge below the type area's top, 命令格式 (10.2).
pub const ORDER_MARK_TOP_MM: f64 = 20.0;
/// The 标志's size when it fits the type area (about 初号, practice); a
/// longer one keeps this height and is narrowed to the type area's width.
pub const MARK_PT: f64 = 42.0;
/// A joint issue's organ names, each on its line, at most this size.
pub const JOINT_MARK_PT: f64 = 30.0;
/// The red separator under the 发文字号: its top this far under the lower
/// edge of the number's characters (7.2.7).
pub const SEPARATOR_GAP_MM: f64 = 4.0;
/// The separator's thickness (practice: the standard sets none).
pub const SEPARATOR_PT: f64 = 1.0;
/// The record's (版记) first and last rules, and the rules between its parts.
pub const RECORD_RULES_MM: (f64, f64) = (0.35, 0.25);
/// The record's text (四号).
pub const RECORD_PT: f64 = 14.0;
/// A letter's double lines: their length, centred on the type area.
pub const LETTER_LINE_MM: f64 = 170.0;
/// A letter's double lines: thick and thin strokes (points) and the gap
/// between them (points).
pub const LETTER_LINE_PT: (f64, f64, f64) = (2.25, 0.75, 1.0);
/// The first double line's top under the 标志's lower edge.
pub const LETTER_LINE_GAP_MM: f64 = 4.0;
/// The second double line's bottom above the paper's bottom edge.
pub const LETTER_FOOT_LINE_MM: f64 = 20.0;
/// A letter's 份号 / 发文字号 line: the characters' top this far under the
/// first double line (7/8 of a 三号 line, 10.1).
pub const LETTER_HEAD_GAP_MM: f64 = 4.94;
/// The seal's width when the office names none, millimetres (a county
/// organ's seal is 42 mm across).
pub const SEAL_MM: f64 = 42.0;
/// A seal image larger than this is refused (a scan at print resolution
/// is far smaller).
pub const SEAL_MAX_BYTES: u64 = 8 << 20;

/// The 公文 facts as the template reads them.
#[derive(Debug, Clone, Serialize)]
pub struct Facts {
    /// 标志 top, mm: 文件/纪要 from the type area, 信函 from the paper, 命令 from the type area.
    pub mark_top: MarkTop,
    /// 标志 size, points; a joint issue's names.
    pub mark_size: f64,
    /// See [`JOINT_MARK_PT`].
    pub joint_mark_size: f64,
    /// See [`SEPARATOR_GAP_MM`].
    pub separator_gap: f64,
    /// See [`SEPARATOR_PT`].
    pub separator: f64,
    /// See [`RECORD_RULES_MM`].
    pub record_rules: (f64, f64),
    /// See [`RECORD_PT`].
    pub record_size: f64,
    /// See [`LETTER_LINE_MM`].
    pub letter_line: f64,
    /// See [`LETTER_LINE_PT`].
    pub letter_strokes: (f64, f64, f64),
    /// See [`LETTER_LINE_GAP_MM`].
    pub letter_line_gap: f64,
    /// See [`LETTER_FOOT_LINE_MM`].
    pub letter_foot_line: f64,
    /// See [`LETTER_HEAD_GAP_MM`].
    pub letter_head_gap: f64,
}

/// Where the 标志 stands in each format, millimetres.
#[derive(Debug, Clone, Serialize)]
pub struct MarkTop {
    /// 文件格式 and 纪要格式, below the type area's top.
    pub file: f64,
    /// 信函格式, below the paper's top.
    pub letter: f64,
    /// 命令格式, below the type area's top.
    pub order: f64,
}

impl Facts {
    /// The facts of this module.
    pub fn new() -> Facts {
        Facts {
            mark_top: MarkTop {
                file: MARK_TOP_MM,
                letter: LETTER_MARK_TOP_MM,
                order: ORDER_MARK_TOP_MM,
            },
            mark_size: MARK_PT,
            joint_mark_size: JOINT_MARK_PT,
            separator_gap: SEPARATOR_GAP_MM,
            separator: SEPARATOR_PT,
            record_rules: RECORD_RULES_MM,
            record_size: RECORD_PT,
            letter_line: LETTER_LINE_MM,
            letter_strokes: LETTER_LINE_PT,
            letter_line_gap: LETTER_LINE_GAP_MM,
            letter_foot_line: LETTER_FOOT_LINE_MM,
            letter_head_gap: LETTER_HEAD_GAP_MM,
        }
    }
}

impl Default for Facts {
    fn default() -> Facts {
        Facts::new()
    }
}
