//! YAML source → 公文 model: a document file, under the office file
//! (`office.yaml`) beside it that holds what every document of the office
//! shares (the organ, its 标志 and 代字, 印发机关, seal, usual 抄送, style).
//! Errors come back located, as for an issue ([`super::yaml`]). No file
//! system access: the caller hands in the texts.

use serde::Deserialize;

use super::yaml::{Source, find_key, parse_as};
use crate::diag::{Diagnostic, Failure};
use crate::model::gongwen::{
    Attachment, Attendance, CopyNumber, DocNumber, Format, Gongwen, Organ, Seal, Secrecy, Signing,
    Style, Urgency,
};
use crate::model::{Block, Date, Text};

/// The office file a 公文 inherits from, in its folder.
pub const OFFICE_FILE: &str = "office.yaml";

/// The key that marks a YAML source as a 公文 (its value is the format).
pub const FAMILY_KEY: &str = "gongwen";

/// Whether a YAML text is a 公文: it has the top-level key `gongwen:`.
pub fn is_gongwen(text: &str) -> bool {
    find_key(text, FAMILY_KEY).is_some()
}

/// Everything a 公文 or office file may hold.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Document {
    gongwen: Option<Format>,
    organ: Option<Text>,
    mark: Option<Text>,
    code: Option<Text>,
    issuer: Option<Text>,
    seal: Option<Seal>,
    joint: Option<Vec<JointOrgan>>,
    copy_number: Option<CopyNumber>,
    secrecy: Option<Secrecy>,
    urgency: Option<Urgency>,
    number: Option<DocNumber>,
    signers: Option<Vec<Text>>,
    title: Option<Text>,
    to: Option<Text>,
    body: Option<Vec<Block>>,
    attachments: Option<Vec<RawAttachment>>,
    attachment_note: Option<Vec<Text>>,
    sealed: Option<bool>,
    signed_by: Option<Text>,
    date: Option<Date>,
    note: Option<Text>,
    attendance: Option<RawAttendance>,
    copy_to: Option<Text>,
    issued: Option<Date>,
    to_in_record: Option<bool>,
    style: Option<Style>,
}

/// Another organ of a joint document (联合行文).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct JointOrgan {
    organ: Text,
    mark: Option<Text>,
    seal: Option<Seal>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAttachment {
    title: Text,
    #[serde(default)]
    body: Vec<Block>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAttendance {
    present: Option<Text>,
    absent: Option<Text>,
    attending: Option<Text>,
}

/// Keys that describe one document: an office file cannot hold them.
pub const PER_DOCUMENT_KEYS: &[&str] = &[
    "joint",
    "copy_number",
    "secrecy",
    "urgency",
    "number",
    "signers",
    "title",
    "to",
    "body",
    "attachments",
    "attachment_note",
    "date",
    "note",
    "attendance",
    "issued",
    "to_in_record",
];

impl Document {
    fn set_document_only_keys(&self) -> Vec<&'static str> {
        let set = [
            self.joint.is_some(),
            self.copy_number.is_some(),
            self.secrecy.is_some(),
            self.urgency.is_some(),
            self.number.is_some(),
            self.signers.is_some(),
            self.title.is_some(),
            self.to.is_some(),
            self.body.is_some(),
            self.attachments.is_some(),
            self.attachment_note.is_some(),
            self.date.is_some(),
            self.note.is_some(),
            self.attendance.is_some(),
            self.issued.is_some(),
            self.to_in_record.is_some(),
        ];
        PER_DOCUMENT_KEYS
            .iter()
            .zip(set)
            .filter(|(_, set)| *set)
            .map(|(k, _)| *k)
            .collect()
    }

    /// This document with every unset field taken from the office's.
    fn inherit(self, office: Document) -> Document {
        // The office's 标志 is a 文件's; a 纪要 or an order has its own.
        let format = self.gongwen.or(office.gongwen).unwrap_or_default();
        let office_mark = office.mark.filter(|m| match format {
            Format::Minutes => m.0.ends_with("纪要"),
            Format::Order => m.0.ends_with('令'),
            Format::File | Format::Letter => true,
        });
        Document {
            gongwen: self.gongwen.or(office.gongwen),
            organ: self.organ.or(office.organ),
            mark: self.mark.or(office_mark),
            code: self.code.or(office.code),
            issuer: self.issuer.or(office.issuer),
            seal: self.seal.or(office.seal),
            sealed: self.sealed.or(office.sealed),
            signed_by: self.signed_by.or(office.signed_by),
            copy_to: self.copy_to.or(office.copy_to),
            style: match (self.style, office.style) {
                (Some(own), Some(base)) => Some(own.inherit(base)),
                (own, base) => own.or(base),
            },
            ..self
        }
    }
}

/// Checks an office file on its own: it reads, and holds only what every
/// document of the office shares.
pub fn read_office(office: Source) -> Result<(), Failure> {
    let doc: Document = parse_as(&office)?;
    check_office_only(&office, &doc)
}

fn check_office_only(office: &Source, doc: &Document) -> Result<(), Failure> {
    let misplaced: Vec<Diagnostic> = doc
        .set_document_only_keys()
        .into_iter()
        .map(|key| {
            let diagnostic = Diagnostic::error(
                Some(office.name),
                format!("`{key}` describes one document and cannot be set in {OFFICE_FILE}"),
            )
            .hint("move it into the document's file");
            match find_key(office.text, key) {
                Some(position) => diagnostic.at(position),
                None => diagnostic,
            }
        })
        .collect();
    match misplaced.is_empty() {
        true => Ok(()),
        false => Err(Failure(misplaced)),
    }
}

/// Reads a 公文, filling what it leaves unset from its office file.
pub fn read_gongwen(document: Source, office: Option<Source>) -> Result<Gongwen, Failure> {
    let base = match &office {
        Some(office) => {
            let doc: Document = parse_as(office)?;
            check_office_only(office, &doc)?;
            doc
        }
        None => Document::default(),
    };
    let doc: Document = parse_as(&document)?;
    complete(doc.inherit(base), &document, office.as_ref())
}

/// Checks that the merged document is whole and builds the model.
fn complete(doc: Document, source: &Source, office: Option<&Source>) -> Result<Gongwen, Failure> {
    let name = source.name;
    let at = |key: &str, diagnostic: Diagnostic| match find_key(source.text, key)
        .map(|p| (source.name, p))
        .or_else(|| office.and_then(|o| find_key(o.text, key).map(|p| (o.name, p))))
    {
        Some((file, position)) => Diagnostic {
            file: Some(file.to_string()),
            ..diagnostic.at(position)
        },
        None => diagnostic,
    };
    let mut problems = Vec::new();
    let mut missing = |present: bool, key: &str, example: &str, office_key: bool| {
        if !present {
            let line = format!("{key}: {example}");
            let hint = match office_key {
                true => {
                    format!("add `{line}` to {OFFICE_FILE} beside the document, or to the document")
                }
                false => format!("add `{line}` to the document"),
            };
            problems.push(Diagnostic::error(Some(name), format!("missing key `{key}`")).hint(hint));
        }
    };
    let format = doc.gongwen.unwrap_or_default();
    missing(doc.organ.is_some(), "organ", "青山市住房和城乡建设局", true);
    // An order may go without a title.
    missing(
        doc.title.is_some() || format == Format::Order,
        "title",
        "关于……的通知",
        false,
    );
    missing(doc.date.is_some(), "date", "2026-12-05", false);
    if format == Format::Minutes && doc.mark.is_none() {
        problems.push(
            Diagnostic::error(Some(name), "a 纪要 needs its 标志 under `mark:`")
                .hint("add `mark: 青山市住房和城乡建设局局长办公会议纪要`"),
        );
    }
    let title = doc.title.map_or_else(String::new, |t| t.0);
    let (Some(organ), Some(date), true) = (doc.organ, doc.date, problems.is_empty()) else {
        return Err(Failure(problems));
    };

    // The 发文字号: a bare serial takes the office's 代字 and the year of the date.
    let number = match (doc.number, format) {
        (Some(DocNumber::Serial(serial)), Format::Order) => Some(DocNumber::Order(serial)),
        (Some(DocNumber::Serial(serial)), _) => {
            match &doc.code {
                Some(code) => Some(DocNumber::Coded {
                    code: code.0.clone(),
                    year: date.year,
                    serial,
                }),
                None => {
                    problems.push(at(
                    "number",
                    Diagnostic::error(
                        Some(name),
                        format!("the 发文字号 `{serial}` is a serial alone, and no 代字 is set"),
                    )
                    .hint("write it whole (青建发〔2026〕5号), or set `code: 青建发` in office.yaml"),
                ));
                    None
                }
            }
        }
        (Some(DocNumber::Order(n)), Format::File | Format::Letter) => {
            problems.push(at(
                "number",
                Diagnostic::error(
                    Some(name),
                    format!(
                        "`第{n}号` is an order's number; a {} needs a 发文字号 with 〔year〕",
                        format.name()
                    ),
                )
                .hint("write e.g. 青建发〔2026〕5号, or set `gongwen: 命令`"),
            ));
            None
        }
        (number, _) => number,
    };
    let signers: Vec<String> = doc
        .signers
        .unwrap_or_default()
        .into_iter()
        .map(|t| t.0)
        .collect();
    if !signers.is_empty() && format != Format::File {
        problems.push(at(
            "signers",
            Diagnostic::error(Some(name), "签发人 are printed in the 文件格式 only")
                .hint("remove `signers:`, or set `gongwen: 文件`"),
        ));
    }

    let file_mark = crate::format::labels::FILE_MARK;
    let mut organs = vec![Organ {
        mark: doc.mark.as_ref().map_or_else(
            || organ.0.clone(),
            |m| m.0.strip_suffix(file_mark).unwrap_or(&m.0).to_string(),
        ),
        name: organ.0,
        seal: doc.seal,
    }];
    for joint in doc.joint.unwrap_or_default() {
        organs.push(Organ {
            mark: joint.mark.map_or_else(|| joint.organ.0.clone(), |m| m.0),
            name: joint.organ.0,
            seal: joint.seal,
        });
    }
    // Sealed when every organ has a seal, unless the document says otherwise.
    let all_sealed = organs.iter().all(|o| o.seal.is_some());
    let signing = match (format, doc.sealed) {
        (Format::Order, _) => Signing::Stamp,
        (_, Some(false)) => Signing::Unsealed,
        (_, Some(true)) if !all_sealed => {
            let missing: Vec<&str> = organs
                .iter()
                .filter(|o| o.seal.is_none())
                .map(|o| o.name.as_str())
                .collect();
            problems.push(at(
                "sealed",
                Diagnostic::error(
                    Some(name),
                    format!("the document is sealed, but no seal is given for {}", missing.join("、")),
                )
                .hint("give each organ's `seal: {image: seal.png, width: 42}`, or set `sealed: false`"),
            ));
            Signing::Unsealed
        }
        (_, _) if all_sealed => Signing::Sealed,
        _ => Signing::Unsealed,
    };
    if format == Format::Order && organs[0].seal.is_none() {
        problems.push(
            Diagnostic::error(
                Some(name),
                "an order (命令) is signed with the 签发人's stamp, and none is given",
            )
            .hint(
                "set `seal: {image: stamp.png, width: 30}` (the 签名章) and `signed_by: 市长 张三`",
            ),
        );
    }
    let mark = doc.mark.map(|m| m.0);

    let attachments: Vec<Attachment> = doc
        .attachments
        .unwrap_or_default()
        .into_iter()
        .map(|a| Attachment {
            title: a.title.0,
            body: a.body,
        })
        .collect();
    if let Some(note) = &doc.attachment_note {
        problems.extend(attachment_disagreements(note, &attachments, name, &at));
    }
    let attendance = doc.attendance.map_or_else(Vec::new, |a| {
        crate::format::labels::ATTENDANCE
            .into_iter()
            .zip([a.present, a.absent, a.attending])
            .filter_map(|(label, names)| names.map(|n| Attendance { label, names: n.0 }))
            .collect()
    });
    if !attendance.is_empty() && format != Format::Minutes {
        problems.push(at(
            "attendance",
            Diagnostic::error(
                Some(name),
                "attendance (出席, 请假, 列席) is printed in a 纪要 only",
            )
            .hint("remove `attendance:`, or set `gongwen: 纪要`"),
        ));
    }
    if !problems.is_empty() {
        return Err(Failure(problems));
    }
    let strip = |t: Text, end: &[char]| t.0.trim_end_matches(end).to_string();
    Ok(Gongwen {
        format,
        copy_number: doc.copy_number,
        secrecy: doc.secrecy,
        urgency: doc.urgency,
        organs,
        mark,
        number,
        signers,
        title,
        to: doc.to.map(|t| strip(t, &['：', ':'])),
        body: doc.body.unwrap_or_default(),
        attachments,
        signing,
        signed_by: doc.signed_by.map(|t| t.0),
        date,
        note: doc.note.map(|t| {
            t.0.trim_start_matches(['（', '('])
                .trim_end_matches(['）', ')'])
                .to_string()
        }),
        attendance,
        copy_to: doc.copy_to.map(|t| strip(t, &['。', '.'])),
        to_in_record: doc.to_in_record.unwrap_or(false),
        issuer: doc.issuer.map(|t| t.0),
        issued: doc.issued.unwrap_or(date),
        style: doc.style.unwrap_or_default(),
    })
}

/// The 附件说明 as written, against the attachments: the same number, the
/// same titles (7.3.4).
fn attachment_disagreements(
    note: &[Text],
    attachments: &[Attachment],
    name: &str,
    at: &dyn Fn(&str, Diagnostic) -> Diagnostic,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if note.len() != attachments.len() {
        out.push(at(
            "attachment_note",
            Diagnostic::error(
                Some(name),
                format!(
                    "the 附件说明 lists {} attachments, but {} are given under `attachments`",
                    note.len(),
                    attachments.len()
                ),
            )
            .hint("list each attachment once in both, in the same order"),
        ));
        return out;
    }
    for (i, (listed, attachment)) in note.iter().zip(attachments).enumerate() {
        // The note may carry the number (1.XXX) that the attachment does not.
        let listed = listed.0.as_str();
        let bare = crate::read::official::item_number(listed).unwrap_or(listed);
        if bare != attachment.title {
            out.push(at(
                "attachment_note",
                Diagnostic::error(
                    Some(name),
                    format!(
                        "the 附件说明's item {} `{listed}` is not the title of attachment {} `{}`",
                        i + 1,
                        i + 1,
                        attachment.title
                    ),
                )
                .hint("the 附件说明 must name each attachment by its title (GB/T 9704 7.3.4)"),
            ));
        }
    }
    out
}
