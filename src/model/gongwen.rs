//! The 公文 family (GB/T 9704-2012): one official document — its head
//! (份号, 密级, 紧急程度, 标志, 发文字号, 签发人), its main part (标题, 主送,
//! the body of [`Block`]s, 附件说明, 署名, 成文日期, 印章, 附注), its
//! attachments and its record (版记). Knows no format; the printed words
//! come from [`crate::format::labels`].
//!
//! ```yaml
//! gongwen: 文件
//! number: 青建发〔2026〕5号
//! title: 关于做好冬季施工安全工作的通知
//! to: 各区县住房和城乡建设局
//! body:
//!   - 入冬以来，……
//! date: 2026-12-05
//! ```

use std::fmt;

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};

use super::{Block, Date, HeadingLevels, Points};
use crate::format::labels;

/// The four formats of the standard (§7, §10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, Hash)]
pub enum Format {
    /// 文件格式: the 标志 with 文件, the 发文字号, a red separator.
    #[default]
    #[serde(rename = "文件")]
    File,
    /// 信函格式: the organ's name, red double lines, the number at the right.
    #[serde(rename = "信函")]
    Letter,
    /// 命令（令）格式: the organ's name + 命令 or 令, the order number (第N号).
    #[serde(rename = "命令")]
    Order,
    /// 纪要格式: `…纪要`, attendance after the body.
    #[serde(rename = "纪要")]
    Minutes,
}

impl Format {
    /// The format's name as the YAML writes it.
    pub fn name(self) -> &'static str {
        match self {
            Format::File => "文件",
            Format::Letter => "信函",
            Format::Order => "命令",
            Format::Minutes => "纪要",
        }
    }
}

/// 密级和保密期限 (7.2.2): 绝密, 机密 or 秘密, and an optional period after
/// a ★ in Arabic digits (`机密★1年`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Secrecy {
    /// 绝密, 机密 or 秘密.
    pub level: &'static str,
    /// The period as written after the ★ (`1年`, `6个月`), if any.
    pub period: Option<String>,
}

impl Secrecy {
    /// Reads `机密`, `机密★1年`.
    pub fn parse(text: &str) -> Result<Secrecy, String> {
        let text = text.trim();
        let (level, period) = match text.split_once([labels::SECRECY_STAR, '*', '☆']) {
            Some((level, period)) => (level.trim(), Some(period.trim())),
            None => (text, None),
        };
        let Some(level) = labels::SECRECY_LEVELS.iter().find(|l| **l == level) else {
            return Err(format!(
                "`{text}` is no secrecy level: the standard knows 绝密, 机密 and 秘密, with a period after ★ (机密★1年)"
            ));
        };
        let period = match period {
            None => None,
            Some("") => return Err(format!("`{text}` has a ★ but no period after it")),
            Some(p)
                if p.chars()
                    .any(|c| crate::model::chinese_number(&c.to_string()).is_some()) =>
            {
                return Err(format!(
                    "the period in `{text}` is in Chinese numerals: write it in Arabic digits ({level}★1年)"
                ));
            }
            Some(p) if !p.starts_with(|c: char| c.is_ascii_digit()) => {
                return Err(format!(
                    "the period in `{text}` does not start with a number: write e.g. {level}★1年"
                ));
            }
            Some(p) => Some(p.to_string()),
        };
        Ok(Secrecy { level, period })
    }
}

impl fmt::Display for Secrecy {
    /// As printed: `机密★1年`.
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match &self.period {
            Some(p) => write!(f, "{}{}{p}", self.level, labels::SECRECY_STAR),
            None => f.write_str(self.level),
        }
    }
}

/// 紧急程度 (7.2.3): 特急 or 加急.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Urgency(pub &'static str);

impl Urgency {
    /// Reads `特急` or `加急`.
    pub fn parse(text: &str) -> Result<Urgency, String> {
        labels::URGENCY
            .iter()
            .find(|u| **u == text.trim())
            .map(|u| Urgency(u))
            .ok_or_else(|| format!("`{}` is no urgency mark: write 特急 or 加急", text.trim()))
    }
}

/// 发文字号 (7.2.5): 代字, year in 〔〕, serial, 号 — or a 命令's 令号 (第N号),
/// or a bare serial that the office's 代字 and the document's year complete.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DocNumber {
    /// `青建发〔2026〕5号`.
    Coded {
        /// 代字 (青建发).
        code: String,
        /// The full year.
        year: i32,
        /// The serial, without leading zeros.
        serial: u32,
    },
    /// `第12号`: an order's running number.
    Order(u32),
    /// `5`: the serial alone (the reader completes it).
    Serial(u32),
}

impl DocNumber {
    /// Reads `青建发〔2026〕5号`, `第12号` or `5`.
    pub fn parse(text: &str) -> Result<DocNumber, String> {
        let text = text.trim();
        let (open, close) = labels::YEAR_BRACKETS;
        let serial = |s: &str| -> Result<u32, String> {
            if s.len() > 1 && s.starts_with('0') {
                return Err(format!(
                    "the serial in `{text}` has leading zeros: write {}号 (GB/T 9704 7.2.5)",
                    s.trim_start_matches('0')
                ));
            }
            s.parse::<u32>().ok().filter(|n| *n > 0).ok_or_else(|| {
                format!("`{s}` in `{text}` is no serial number: write Arabic digits")
            })
        };
        if let Ok(n) = text.parse::<u32>() {
            return match n {
                0 => Err(format!(
                    "`{text}` is no serial number: a 发文字号 counts from 1"
                )),
                n => Ok(DocNumber::Serial(n)),
            };
        }
        if let Some(rest) = text.strip_prefix('第').and_then(|r| r.strip_suffix('号'))
            && !text.contains(open)
        {
            return Ok(DocNumber::Order(serial(rest)?));
        }
        let Some((code, rest)) = text.split_once(open) else {
            let hint = match text.find(['[', '(', '（', '【', '〈']) {
                Some(_) => "put the year in 六角括号 〔〕, not [] () （） or 【】",
                None => "write the 代字, the year in 〔〕, the serial and 号",
            };
            return Err(format!(
                "the 发文字号 `{text}` has no year in 〔〕: {hint}, e.g. 青建发〔2026〕5号"
            ));
        };
        let Some((year, rest)) = rest.split_once(close) else {
            return Err(format!(
                "the 发文字号 `{text}` does not close its year with 〕"
            ));
        };
        let year = match year.trim().parse::<i32>() {
            Ok(y) if (1000..=9999).contains(&y) => y,
            _ => {
                return Err(format!(
                    "the year `{year}` in `{text}` is not a full four-digit year (write 〔2026〕)"
                ));
            }
        };
        let rest = rest.trim();
        if rest.starts_with('第') {
            return Err(format!(
                "the 发文字号 `{text}` has 第 before the serial: write {code}{open}{year}{close}{}",
                rest.trim_start_matches('第')
            ));
        }
        let Some(digits) = rest.strip_suffix('号') else {
            return Err(format!("the 发文字号 `{text}` does not end with 号"));
        };
        if code.trim().is_empty() {
            return Err(format!("the 发文字号 `{text}` has no 代字 before the year"));
        }
        Ok(DocNumber::Coded {
            code: code.trim().to_string(),
            year,
            serial: serial(digits.trim())?,
        })
    }
}

impl fmt::Display for DocNumber {
    /// As printed: `青建发〔2026〕5号`, `第12号`, or the bare serial.
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let (open, close) = labels::YEAR_BRACKETS;
        match self {
            DocNumber::Coded { code, year, serial } => {
                write!(f, "{code}{open}{year}{close}{serial}号")
            }
            DocNumber::Order(n) => write!(f, "第{n}号"),
            DocNumber::Serial(n) => write!(f, "{n}"),
        }
    }
}

macro_rules! from_text {
    ($($ty:ty),*) => {$(
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = super::Text::deserialize(deserializer)?;
                <$ty>::parse(text.as_str()).map_err(de::Error::custom)
            }
        }
        impl Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }
    )*};
}
from_text!(Secrecy, DocNumber);

impl<'de> Deserialize<'de> for Urgency {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = super::Text::deserialize(deserializer)?;
        Urgency::parse(text.as_str()).map_err(de::Error::custom)
    }
}

impl Serialize for Urgency {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

/// 份号 (7.2.1): Arabic digits, printed six places wide (`000001`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct CopyNumber(pub String);

impl<'de> Deserialize<'de> for CopyNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let count = super::Count::deserialize(deserializer)?;
        if count.0 > 999_999 {
            return Err(de::Error::custom(format!(
                "the copy number {} has more than six digits",
                count.0
            )));
        }
        Ok(CopyNumber(format!("{:06}", count.0)))
    }
}

/// A seal image the office supplies (PNG or SVG in the document's folder),
/// drawn `width` millimetres wide with its colours kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Seal {
    /// The image, relative to the document's folder.
    pub image: String,
    /// Its printed width in millimetres (the seal's real size).
    #[serde(default = "seal_width")]
    pub width: Millimetres,
}

fn seal_width() -> Millimetres {
    Millimetres(crate::format::gongwen::SEAL_MM)
}

/// A length in millimetres, above 0 and at most the type area's width.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize)]
#[serde(transparent)]
pub struct Millimetres(pub f64);

impl<'de> Deserialize<'de> for Millimetres {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let v = f64::deserialize(deserializer)?;
        let most = crate::format::page::TYPE_WIDTH_MM;
        if v > 0.0 && v <= most {
            Ok(Millimetres(v))
        } else {
            Err(de::Error::custom(format!(
                "{v} mm is not a usable size; give a number above 0 and at most {most}"
            )))
        }
    }
}

/// One issuing organ: its name as signed (署名), its name in the 标志, its seal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Organ {
    /// The full name, as signed.
    pub name: String,
    /// The name in the 标志 (the full or the standard short name).
    pub mark: String,
    /// The seal, if the document is sealed.
    pub seal: Option<Seal>,
}

/// An attachment (附件, 7.3.7): listed in the 附件说明 and, when it has a
/// body, bound in after the main part, each on a new page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attachment {
    /// Its title, as the 附件说明 lists it.
    pub title: String,
    /// Its text; empty when it is not bound in (sent as a file of its own).
    pub body: Vec<Block>,
}

/// 纪要: one attendance line (出席, 请假, 列席).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attendance {
    /// The label (出席 …).
    pub label: &'static str,
    /// The units and names, as written.
    pub names: String,
}

/// How the signature is set (7.3.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Signing {
    /// Every organ's seal over its 署名 (sealed cases).
    Sealed,
    /// 署名 and date alone (unsealed cases).
    Unsealed,
    /// A 签发人's stamp with the full title at its left (命令).
    Stamp,
}

/// The practice values a 公文 or its office may set.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Style {
    /// The record (版记) on an even page, for two-sided printing (default true).
    #[serde(default)]
    pub record_on_even_page: Option<bool>,
    /// Print `（此页无正文）` on a page that would hold only the signature,
    /// instead of tightening the body's spacing (default false).
    #[serde(default)]
    pub no_body_page: Option<bool>,
    /// The red separator's thickness, points (default 1).
    #[serde(default)]
    pub separator: Option<Points>,
    /// The 标志's size, points (default 42; a long one is narrowed to fit).
    #[serde(default)]
    pub mark_size: Option<Points>,
    /// Heading levels set bold.
    #[serde(default)]
    pub heading_bold: Option<HeadingLevels>,
    /// Print page numbers (default true).
    #[serde(default)]
    pub page_numbers: Option<bool>,
}

impl Style {
    /// This style with every unset value taken from `base`.
    pub fn inherit(self, base: Style) -> Style {
        Style {
            record_on_even_page: self.record_on_even_page.or(base.record_on_even_page),
            no_body_page: self.no_body_page.or(base.no_body_page),
            separator: self.separator.or(base.separator),
            mark_size: self.mark_size.or(base.mark_size),
            heading_bold: self.heading_bold.or(base.heading_bold),
            page_numbers: self.page_numbers.or(base.page_numbers),
        }
    }
}

/// One official document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gongwen {
    /// Which of the four formats.
    pub format: Format,
    /// 份号.
    pub copy_number: Option<CopyNumber>,
    /// 密级和保密期限.
    pub secrecy: Option<Secrecy>,
    /// 紧急程度.
    pub urgency: Option<Urgency>,
    /// The organs, host first (more than one: 联合行文).
    pub organs: Vec<Organ>,
    /// The 标志 as the office or the document writes it (`…文件`, `…令`,
    /// `…纪要`); none for the organ's name + 文件.
    pub mark: Option<String>,
    /// 发文字号 (or 令号), completed.
    pub number: Option<DocNumber>,
    /// 签发人 (上行文), in organ order.
    pub signers: Vec<String>,
    /// 标题 (empty for an order without one).
    pub title: String,
    /// 主送机关, without the closing colon.
    pub to: Option<String>,
    /// 正文.
    pub body: Vec<Block>,
    /// 附件, in order.
    pub attachments: Vec<Attachment>,
    /// How the signature is set.
    pub signing: Signing,
    /// 命令: the 签发人's full title, left of the stamp.
    pub signed_by: Option<String>,
    /// 成文日期.
    pub date: Date,
    /// 附注, without its brackets.
    pub note: Option<String>,
    /// 纪要: 出席, 请假, 列席.
    pub attendance: Vec<Attendance>,
    /// 版记: 抄送, without the closing full stop.
    pub copy_to: Option<String>,
    /// 版记: 主送 printed there instead of under the title.
    pub to_in_record: bool,
    /// 版记: 印发机关.
    pub issuer: Option<String>,
    /// 版记: 印发日期.
    pub issued: Date,
    /// Practice values.
    pub style: Style,
}

/// The printed words of a 公文, built once here and handed to every writer
/// and to the template.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Labels {
    /// The 标志's lines (one organ a line) and the word after them (文件,
    /// 命令 …), or the whole 标志 as one line and no word.
    pub mark: (Vec<String>, Option<String>),
    /// The 发文字号 or 令号 line.
    pub number: Option<String>,
    /// The 签发人 label.
    pub signer: &'static str,
    /// The 主送 line with its colon.
    pub to: Option<String>,
    /// The 附件说明: its label (附件：) and the items (`1.…` when several).
    pub attachment_note: Option<(String, Vec<String>)>,
    /// Each bound-in attachment's page label (附件1, or 附件 when alone).
    pub attachment_labels: Vec<String>,
    /// 成文日期 as printed: 2026年12月5日.
    pub date: String,
    /// 附注 in its brackets.
    pub note: Option<String>,
    /// 纪要: each attendance label with its colon.
    pub attendance: Vec<String>,
    /// 版记: `主送：…：` when moved there.
    pub record_to: Option<String>,
    /// 版记: `抄送：…。`.
    pub copy_to: Option<String>,
    /// 版记: the 印发 line's two ends.
    pub issued: Option<(String, String)>,
    /// The document's metadata title.
    pub document: String,
    /// The page some offices print for a lone signature.
    pub no_body_page: &'static str,
}

/// A date as a 公文 prints it (7.3.5.4): `2026年1月5日`, full year, no padding.
pub fn date_label(date: Date) -> String {
    format!("{}年{}月{}日", date.year, date.month, date.day)
}

impl Gongwen {
    /// The organs' names as signed, host first.
    pub fn signatures(&self) -> impl Iterator<Item = &str> {
        self.organs.iter().map(|o| o.name.as_str())
    }

    /// The bound-in attachments (those with a body), with their 1-based number.
    pub fn bound_attachments(&self) -> impl Iterator<Item = (usize, &Attachment)> {
        self.attachments
            .iter()
            .enumerate()
            .filter(|(_, a)| !a.body.is_empty())
            .map(|(i, a)| (i + 1, a))
    }

    /// The printed labels.
    pub fn labels(&self) -> Labels {
        let host = &self.organs[0];
        let mark = match self.format {
            // One organ: its 标志 whole; joint: one organ a line, 文件 once
            // at their right when the host's 标志 has it (7.2.4).
            Format::File if self.organs.len() == 1 => (
                vec![
                    self.mark
                        .clone()
                        .unwrap_or_else(|| format!("{}{}", host.name, labels::FILE_MARK)),
                ],
                None,
            ),
            Format::File => (
                self.organs.iter().map(|o| o.mark.clone()).collect(),
                self.mark
                    .as_ref()
                    .is_none_or(|m| m.ends_with(labels::FILE_MARK))
                    .then(|| labels::FILE_MARK.to_string()),
            ),
            // A letter shows the host's name alone, without 文件 (10.1).
            Format::Letter => (vec![host.mark.clone()], None),
            Format::Order => (
                vec![
                    self.mark
                        .clone()
                        .unwrap_or_else(|| format!("{}令", host.name)),
                ],
                None,
            ),
            Format::Minutes => (
                vec![
                    self.mark
                        .clone()
                        .unwrap_or_else(|| format!("{}纪要", host.mark)),
                ],
                None,
            ),
        };
        let several = self.attachments.len() > 1;
        let attachment_note = (!self.attachments.is_empty()).then(|| {
            let items = self
                .attachments
                .iter()
                .enumerate()
                .map(|(i, a)| match several {
                    true => format!("{}.{}", i + 1, a.title),
                    false => a.title.clone(),
                })
                .collect();
            (format!("{}：", labels::ATTACHMENT), items)
        });
        let attachment_labels = self
            .bound_attachments()
            .map(|(n, _)| match several {
                true => format!("{}{n}", labels::ATTACHMENT),
                false => labels::ATTACHMENT.to_string(),
            })
            .collect();
        let to = self.to.as_ref().map(|t| format!("{t}："));
        let letter = self.format == Format::Letter;
        Labels {
            mark,
            number: self.number.as_ref().map(|n| n.to_string()),
            signer: labels::SIGNER,
            to: to.clone().filter(|_| !self.to_in_record),
            attachment_note,
            attachment_labels,
            date: date_label(self.date),
            note: self.note.as_ref().map(|n| format!("（{n}）")),
            attendance: self
                .attendance
                .iter()
                .map(|a| format!("{}：", a.label))
                .collect(),
            record_to: to
                .filter(|_| self.to_in_record)
                .map(|t| format!("{}{t}", labels::TO_IN_RECORD)),
            copy_to: self
                .copy_to
                .as_ref()
                .map(|c| format!("{}{c}。", labels::COPY_TO)),
            // A letter's record has no 印发 line (10.1).
            issued: match (&self.issuer, letter) {
                (Some(issuer), false) => Some((
                    issuer.clone(),
                    format!("{}{}", date_label(self.issued), labels::ISSUED),
                )),
                _ => None,
            },
            // An order without a title is named by its 标志 and number.
            document: match self.title.is_empty() {
                false => self.title.clone(),
                true => format!(
                    "{}{}",
                    self.mark.clone().unwrap_or_else(|| host.name.clone()),
                    self.number
                        .as_ref()
                        .map(|n| n.to_string())
                        .unwrap_or_default()
                ),
            },
            no_body_page: labels::NO_BODY_PAGE,
        }
    }
}
