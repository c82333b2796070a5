//! A 公文's lines → 公文 model, for every reader of finished documents and
//! drafts (text, Word): the head (份号, 密级, 紧急程度, 标志, 发文字号 with
//! 签发人), the title, 主送, the body (headings by their numbers), 附件说明,
//! 署名 and 成文日期, 附注, a 纪要's attendance, the attachments bound in
//! and the record (抄送, 印发). Page numbers are dropped; a line that fits
//! nowhere becomes a comment at its place and a warning. Knows parts by
//! their text (and, where a reader has it, by being centred or red); reads
//! no file.

use crate::diag::{Diagnostic, Failure};
use crate::format::labels;
use crate::model::gongwen::{
    Attachment, Attendance, CopyNumber, DocNumber, Format, Gongwen, Organ, Secrecy, Signing, Style,
    Urgency,
};
use crate::model::{Block, Comment, Date, Spot, chinese_number, heading_number};

/// One line (a paragraph of a Word document, a line of text) with what the
/// reader saw of its look.
#[derive(Debug, Clone, Default)]
pub struct Line {
    /// Its text.
    pub text: String,
    /// Set centred.
    pub centred: bool,
    /// Printed red.
    pub red: bool,
    /// Where it was, for a warning: "line 12", "paragraph 3".
    pub at: String,
    /// A line of text cells (a tab or wide spaces apart): a table's row.
    pub cells: Option<Vec<String>>,
    /// A Word table's cell: (table, row, cell).
    pub cell: Option<(usize, usize, usize)>,
}

/// A 公文 read from lines, with what could not be placed.
#[derive(Debug, Clone)]
pub struct Read {
    /// The model.
    pub gongwen: Gongwen,
    /// Lines that could not be placed, as comments at their places.
    pub comments: Vec<Comment>,
    /// One warning per such line, and for what had to be assumed.
    pub warnings: Vec<Diagnostic>,
}

/// Whether `lines` hold a 公文 rather than a bulletin: a 发文字号 near the
/// top, a 标志 ending 文件, a record (抄送/印发), or a draft's shape — a
/// 关于… title followed by a 主送 line and a 成文日期 near the end.
pub fn looks_like(lines: &[Line]) -> bool {
    let texts: Vec<&str> = lines
        .iter()
        .map(|l| l.text.trim())
        .filter(|t| !t.is_empty())
        .collect();
    let head = &texts[..texts.len().min(12)];
    let numbered = head.iter().any(|t| number_in(t).is_some());
    let file_mark = head.iter().any(|t| t.ends_with(labels::FILE_MARK));
    let record = texts
        .iter()
        .any(|t| t.starts_with("抄送") || (t.ends_with(labels::ISSUED) && date_in(t).is_some()));
    let draft = head.iter().take(4).any(|t| t.starts_with("关于"))
        && head.iter().any(|t| is_to_line(t))
        && texts.iter().rev().take(8).any(|t| parse_date(t).is_some());
    // A bulletin's own marks say it is not one.
    let bulletin = head.iter().any(|t| {
        t.contains("简报") || (t.starts_with('第') && t.ends_with('期') && t.chars().count() < 12)
    });
    !bulletin && (numbered || file_mark || record || draft)
}

/// The 发文字号 (or 令号) in a line, with where it is: `(start, end, number)`.
fn number_in(text: &str) -> Option<(usize, usize, DocNumber)> {
    let (open, close) = labels::YEAR_BRACKETS;
    if let Some(o) = text.find(open) {
        let c = o + text[o..].find(close)?;
        let end = c + close.len_utf8() + text[c + close.len_utf8()..].find('号')? + '号'.len_utf8();
        let start = text[..o]
            .char_indices()
            .rev()
            .take_while(|(_, ch)| !ch.is_whitespace() && *ch != '：' && *ch != ':')
            .last()
            .map_or(o, |(i, _)| i);
        let number = DocNumber::parse(&text[start..end]).ok()?;
        // The document's own number opens its line and stands in no
        // sentence: a number cited in a title or the body is not it.
        if !text[..start].trim().is_empty()
            || text[start..o].contains(['《', '》', '（', '(', '，', '。', '、'])
            || text.contains(['。', '，', '；', '《'])
        {
            return None;
        }
        return Some((start, end, number));
    }
    None
}

/// `第3号`, `（第3号）`, `第3期` alone on a line: an order's or minutes' number.
fn running_number(text: &str) -> Option<u32> {
    let t = text.trim_matches(['（', '）', '(', ')']);
    let inner = t.strip_prefix('第')?.strip_suffix(['号', '期'])?;
    inner.parse().ok().or_else(|| chinese_number(inner))
}

/// A 主送 line: ends with a colon, short of a paragraph, no sentence in it.
fn is_to_line(text: &str) -> bool {
    (text.ends_with('：') || text.ends_with(':'))
        && !text.contains('。')
        && !text.starts_with(labels::ATTACHMENT)
        && !text.starts_with("抄送")
        && heading_number(text).is_none()
}

/// A date written as a 公文 prints it, alone on its line: 2026年12月5日, or
/// in Chinese numerals (二〇二六年十二月五日).
fn parse_date(text: &str) -> Option<Date> {
    let t = text.trim();
    let (y, rest) = t.split_once('年')?;
    let (m, rest) = rest.split_once('月')?;
    let d = rest.strip_suffix('日')?;
    let year = match y.trim().parse::<i32>() {
        Ok(y) => y,
        Err(_) => y
            .chars()
            .map(|c| {
                "〇一二三四五六七八九"
                    .chars()
                    .position(|d| d == c)
                    .or((c == '零').then_some(0))
            })
            .try_fold(0i32, |acc, d| acc.checked_mul(10)?.checked_add(d? as i32))?,
    };
    let part = |s: &str| {
        s.trim()
            .parse::<u32>()
            .ok()
            .or_else(|| chinese_number(s.trim()))
    };
    Date::new(year, part(m)?, part(d)?).ok()
}

/// A date anywhere in a line (the 印发 line: 2026年12月6日印发).
fn date_in(text: &str) -> Option<Date> {
    date_span(text).map(|(_, date)| date)
}

/// The last date in a line, with where it starts.
fn date_span(text: &str) -> Option<(usize, Date)> {
    let end = text.rfind('日')? + '日'.len_utf8();
    let start = text[..end]
        .char_indices()
        .rev()
        .take_while(|(_, c)| {
            c.is_ascii_digit() || *c == ' ' || "年月日〇一二三四五六七八九十零".contains(*c)
        })
        .last()
        .map(|(i, _)| i)?;
    Some((start, parse_date(text[start..end].trim())?))
}

/// After a label and its colon (full- or half-width), or none.
fn after_label<'a>(text: &'a str, label: &str) -> Option<&'a str> {
    text.strip_prefix(label)?
        .trim_start()
        .strip_prefix(['：', ':'])
        .map(str::trim)
}

/// The body's blocks: a table from consecutive rows (text cells, or the
/// cells of one Word table), its caption the 表N line above it; a heading
/// or a paragraph a line.
fn blocks(lines: &[Line]) -> Vec<Block> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let rows: Vec<Vec<String>> = match (&lines[i].cells, lines[i].cell) {
            (Some(_), _) => {
                let n = lines[i..].iter().take_while(|l| l.cells.is_some()).count();
                let rows = lines[i..i + n]
                    .iter()
                    .filter_map(|l| l.cells.clone())
                    .collect();
                i += n;
                rows
            }
            (None, Some((table, _, _))) => {
                let n = lines[i..]
                    .iter()
                    .take_while(|l| l.cell.is_some_and(|c| c.0 == table))
                    .count();
                let mut rows: Vec<Vec<String>> = Vec::new();
                let mut last_row = usize::MAX;
                for l in &lines[i..i + n] {
                    let (_, row, _) = l.cell.unwrap_or_default();
                    if row != last_row {
                        rows.push(Vec::new());
                        last_row = row;
                    }
                    if let Some(r) = rows.last_mut() {
                        r.push(l.text.clone());
                    }
                }
                i += n;
                rows
            }
            (None, None) => {
                out.push(block(&lines[i].text));
                i += 1;
                continue;
            }
        };
        let caption = match out.last() {
            Some(Block::Paragraph { text, .. } | Block::Heading { text, .. })
                if crate::read::recognise::table_caption(text) =>
            {
                let text = text.clone();
                out.pop();
                Some(text)
            }
            _ => None,
        };
        match crate::read::recognise::table_from_rows(caption.clone(), rows.clone(), 1) {
            Some(table) if rows.len() >= 2 => out.push(Block::Table(table)),
            // Not a table after all: its text a paragraph a row.
            _ => {
                out.extend(caption.map(|c| block(&c)));
                out.extend(rows.iter().map(|r| block(&r.join(" "))));
            }
        }
    }
    out
}

/// A body block of a line: a heading when it opens with a level's number
/// and is short, else a paragraph.
fn block(text: &str) -> Block {
    // Short, one sentence at most; a first-level heading ends without a
    // full stop (一、… 。 is a numbered paragraph).
    if let Some(level) = heading_number(text).map(|(level, _)| level)
        && text.chars().count() <= 40
        && !text.trim_end_matches('。').contains('。')
        && !(level == 1 && text.ends_with('。'))
    {
        return Block::Heading {
            level,
            text: text.to_string(),
        };
    }
    Block::Paragraph {
        lead: None,
        text: text.to_string(),
    }
}

/// Reads the 公文 in `lines` (named `name` in warnings).
pub fn read(lines: &[Line], name: &str) -> Result<Read, Failure> {
    let lines: Vec<Line> = lines
        .iter()
        .map(|l| Line {
            text: l.text.trim().trim_matches('\u{3000}').trim().to_string(),
            ..l.clone()
        })
        .filter(|l| !l.text.is_empty() && !crate::read::recognise::is_page_number(&l.text))
        .collect();
    let mut warnings = Vec::new();
    let mut comments = Vec::new();

    // The record (版记), from the end: 抄送 (its continuation lines), 主送
    // moved there, the 印发 line.
    let mut end = lines.len();
    let (mut copy_to, mut issuer, mut issued, mut record_to) = (None, None, None, None);
    while end > 0 {
        let t = lines[end - 1].text.as_str();
        if t.ends_with(labels::ISSUED)
            && let Some((start, date)) = date_span(t)
        {
            issued = Some(date);
            issuer = Some(t[..start].trim().to_string()).filter(|s| !s.is_empty());
            end -= 1;
            // The organ in a cell of its own, in the 印发 line's table row.
            let row = |l: &Line| l.cell.map(|(table, row, _)| (table, row));
            if issuer.is_none()
                && end > 0
                && row(&lines[end - 1]).is_some()
                && row(&lines[end - 1]) == row(&lines[end])
            {
                issuer = Some(lines[end - 1].text.clone());
                end -= 1;
            }
        } else if let Some(rest) = after_label(t, "抄送") {
            copy_to = Some(rest.trim_end_matches(['。', '.']).to_string());
            end -= 1;
        } else if let Some(rest) =
            after_label(t, "主送").filter(|_| copy_to.is_some() || issued.is_some())
        {
            record_to = Some(rest.trim_end_matches(['：', ':']).to_string());
            end -= 1;
        } else if copy_to.is_none()
            && issued.is_some()
            && end >= 2
            && after_label(&lines[end - 2].text, "抄送").is_some()
        {
            // A 抄送 list wrapped onto a second line.
            let first = after_label(&lines[end - 2].text, "抄送").unwrap_or_default();
            copy_to = Some(
                format!("{first}{t}")
                    .trim_end_matches(['。', '.'])
                    .to_string(),
            );
            end -= 2;
        } else {
            break;
        }
    }
    let lines = &lines[..end];

    // The head.
    let mut i = 0;
    let (mut copy_number, mut secrecy, mut urgency) = (None, None, None);
    while i < lines.len() {
        let t = lines[i].text.as_str();
        if copy_number.is_none() && t.len() <= 6 && t.chars().all(|c| c.is_ascii_digit()) {
            copy_number = t
                .parse::<u32>()
                .ok()
                .filter(|n| *n > 0)
                .map(|n| CopyNumber(format!("{n:06}")));
        } else if secrecy.is_none()
            && let Ok(s) = Secrecy::parse(t)
        {
            secrecy = Some(s);
        } else if urgency.is_none()
            && let Ok(u) = Urgency::parse(t)
        {
            urgency = Some(u);
        } else {
            break;
        }
        i += 1;
    }
    // The 标志 and the number: the number line within the first lines, the
    // 标志 the lines between the head and it.
    let number_at = lines[i..lines.len().min(i + 8)]
        .iter()
        .position(|l| {
            number_in(&l.text).is_some() || (running_number(&l.text).is_some() && l.centred)
        })
        .map(|p| p + i);
    let (mut mark_lines, mut number, mut signers) = (Vec::new(), None, Vec::new());
    let mut format = Format::File;
    if let Some(n) = number_at {
        mark_lines = lines[i..n].iter().map(|l| l.text.clone()).collect();
        // 签发人 lines above the number line (two names a line).
        mark_lines.retain(|t| match after_label(t, "签发人") {
            Some(names) => {
                signers.extend(split_names(names));
                false
            }
            None => true,
        });
        let t = lines[n].text.as_str();
        if let Some((_, end, found)) = number_in(t) {
            number = Some(found);
            if let Some(at) = t.find("签发人") {
                signers.extend(split_names(
                    after_label(&t[at..], "签发人").unwrap_or_default(),
                ));
            } else if end < t.len() && !t[end..].trim().is_empty() {
                signers.extend(split_names(t[end..].trim()));
            }
        } else if let Some(n) = running_number(t) {
            number = Some(DocNumber::Order(n));
        }
        i = n + 1;
        // Names of further 签发人 on lines after the number's (rare layouts).
        while i < lines.len() && after_label(&lines[i].text, "签发人").is_some() {
            signers.extend(split_names(
                after_label(&lines[i].text, "签发人").unwrap_or_default(),
            ));
            i += 1;
        }
    } else {
        // No number: a 标志 is the red lines at the top, if any.
        while i < lines.len() && lines[i].red {
            mark_lines.push(lines[i].text.clone());
            i += 1;
        }
    }
    let mark_text = mark_lines.concat();
    if mark_text.ends_with('令') || mark_text.ends_with("命令") {
        format = Format::Order;
    } else if mark_text.ends_with("纪要") {
        format = Format::Minutes;
    } else if !mark_text.is_empty()
        && !mark_text.ends_with(labels::FILE_MARK)
        && number_at.is_some_and(|n| !lines[n].centred)
        && signers.is_empty()
        && copy_to.is_none()
        && issuer.is_none()
    {
        format = Format::Letter;
    }
    // A joint 标志 printed as one organ a line and 文件 on a line (or cell) of its own.
    let joint_marks: Vec<String> = match mark_lines.as_slice() {
        [names @ .., word] if names.len() > 1 && word == labels::FILE_MARK => names.to_vec(),
        names
            if names.len() > 1 && names.last().is_some_and(|l| l.ends_with(labels::FILE_MARK)) =>
        {
            let mut n = names.to_vec();
            if let Some(last) = n.last_mut() {
                *last = last.trim_end_matches(labels::FILE_MARK).to_string();
            }
            n
        }
        _ => Vec::new(),
    };

    // The title: up to the 主送 line (or, without one, the centred lines).
    let rest = &lines[i..];
    let to_at = rest.iter().take(6).position(|l| is_to_line(&l.text));
    let (title_lines, mut j) = match to_at {
        Some(t) => (&rest[..t], t),
        None => {
            let n = rest
                .iter()
                .take_while(|l| l.centred)
                .count()
                .max(usize::from(!rest.is_empty() && format != Format::Order));
            (&rest[..n], n)
        }
    };
    // Its lines joined with a space, the phrase break a title's source
    // marks; a word cut short by a narrow line (1–2 characters) joins tight.
    let mut title = String::new();
    for (k, line) in title_lines.iter().enumerate() {
        let short = |t: &str| t.chars().count() <= 2;
        if k > 0 && !short(&line.text) && !short(&title_lines[k - 1].text) {
            title.push(' ');
        }
        title.push_str(&line.text);
    }
    let to = to_at.map(|_| {
        j += 1;
        rest[j - 1].text.trim_end_matches(['：', ':']).to_string()
    });
    let rest = &rest[j..];

    // The tail: the last date line is the 成文日期; the 署名 the short lines
    // above it; 附注 and attendance after it; bound attachments after those.
    let attachment_start = rest
        .iter()
        .position(|l| is_attachment_label(&l.text) && l.text.chars().count() <= 4);
    let main = &rest[..attachment_start.unwrap_or(rest.len())];
    let date_at = main.iter().rposition(|l| parse_date(&l.text).is_some());
    let Some(date_at) = date_at else {
        return Err(Failure(vec![
            Diagnostic::error(
                Some(name),
                "no 成文日期 found (a line such as 2026年12月5日)",
            )
            .hint("a 公文 ends with its date; add it on a line of its own and import again"),
        ]));
    };
    let date = parse_date(&main[date_at].text).unwrap_or(Date {
        year: 1970,
        month: 1,
        day: 1,
    });
    let mut sig_start = date_at;
    while sig_start > 0 && is_signature_line(&main[sig_start - 1].text) {
        sig_start -= 1;
    }
    let mut names: Vec<String> = main[sig_start..date_at]
        .iter()
        .map(|l| l.text.clone())
        .collect();
    let mut signed_by = None;
    if format == Format::Order
        && let Some(first) = names.first().cloned()
    {
        signed_by = Some(first);
        names.remove(0);
    }
    let (mut note, mut attendance) = (None, Vec::new());
    for line in &main[date_at + 1..] {
        let t = line.text.as_str();
        if (t.starts_with('（') && t.ends_with('）')) || (t.starts_with('(') && t.ends_with(')'))
        {
            note = Some(
                t.trim_start_matches(['（', '('])
                    .trim_end_matches(['）', ')'])
                    .to_string(),
            );
        } else {
            comments.push(Comment {
                spot: Spot::Footer,
                text: t.to_string(),
            });
            warnings.push(Diagnostic::warning(
                Some(name),
                format!(
                    "{}: a line after the date that is no 附注, kept in the YAML as a comment: {}",
                    line.at, line.text
                ),
            ));
        }
    }
    // The body and the 附件说明 before the signature; attendance (纪要).
    let before = &main[..sig_start];
    let note_at = before
        .iter()
        .position(|l| after_label(&l.text, labels::ATTACHMENT).is_some());
    let body_lines = &before[..note_at.unwrap_or(before.len())];
    let mut kept = Vec::new();
    for line in body_lines {
        let t = line.text.as_str();
        let present = labels::ATTENDANCE
            .iter()
            .find_map(|label| after_label(t, label).map(|names| (*label, names)));
        match present {
            Some((label, names)) if format == Format::Minutes || !attendance.is_empty() => {
                attendance.push(Attendance {
                    label,
                    names: names.to_string(),
                });
            }
            _ => kept.push(line.clone()),
        }
    }
    let body = blocks(&kept);
    let mut listed = Vec::new();
    if let Some(at) = note_at {
        for (k, line) in before[at..].iter().enumerate() {
            let t = if k == 0 {
                after_label(&line.text, labels::ATTACHMENT).unwrap_or_default()
            } else {
                line.text.as_str()
            };
            let bare = item_number(t);
            if k > 0 && bare.is_none() {
                // A wrapped item: it goes on the item above.
                if let Some(last) = listed.last_mut() {
                    let last: &mut String = last;
                    last.push_str(t);
                }
                continue;
            }
            listed.push(bare.unwrap_or(t).to_string());
        }
    }
    // Attachments bound in: 附件N, its title (centred lines), its body.
    let mut bound: Vec<(String, Vec<Block>)> = Vec::new();
    if let Some(start) = attachment_start {
        let mut k = start;
        while k < rest.len() {
            k += 1;
            let title_n = rest[k..]
                .iter()
                .take_while(|l| l.centred && !is_attachment_label(&l.text))
                .count()
                .max(usize::from(k < rest.len()));
            let title: Vec<&str> = rest[k..k + title_n.min(rest.len() - k)]
                .iter()
                .map(|l| l.text.as_str())
                .collect();
            k += title_n;
            let from = k;
            while k < rest.len()
                && !(is_attachment_label(&rest[k].text) && rest[k].text.chars().count() <= 4)
            {
                k += 1;
            }
            bound.push((title.join(""), blocks(&rest[from..k])));
        }
    }
    let mut attachments: Vec<Attachment> = listed
        .iter()
        .map(|title| Attachment {
            title: title.clone(),
            body: Vec::new(),
        })
        .collect();
    for (n, (title, blocks)) in bound.into_iter().enumerate() {
        // The listed attachment of the same title, else the n-th.
        let at = attachments
            .iter()
            .position(|a| a.title == title)
            .or((n < attachments.len()).then_some(n));
        match at {
            Some(k) if attachments[k].body.is_empty() => attachments[k].body = blocks,
            _ => attachments.push(Attachment {
                title,
                body: blocks,
            }),
        }
    }

    // The organs: the 署名 (host first), else the 标志's names.
    let file_mark = labels::FILE_MARK;
    let mark_organ = |m: &str| {
        m.trim_end_matches(file_mark)
            .trim_end_matches("命令")
            .trim_end_matches('令')
            .to_string()
    };
    let mut organs: Vec<Organ> = names
        .iter()
        .map(|n| Organ {
            name: n.clone(),
            mark: n.clone(),
            seal: None,
        })
        .collect();
    if organs.is_empty() {
        let from_mark = if joint_marks.is_empty() {
            vec![mark_organ(&mark_text)]
        } else {
            joint_marks.clone()
        };
        organs = from_mark
            .into_iter()
            .filter(|m| !m.is_empty())
            .map(|m| Organ {
                name: m.clone(),
                mark: m,
                seal: None,
            })
            .collect();
    }
    for (organ, mark) in organs.iter_mut().zip(&joint_marks) {
        organ.mark = mark.clone();
    }
    if organs.is_empty() {
        warnings.push(
            Diagnostic::warning(
                Some(name),
                "no organ found (no 标志, no 署名): `organ` is left to fill in",
            )
            .hint("set `organ:` in the YAML (or in office.yaml) before building"),
        );
        organs.push(Organ {
            name: "（发文机关）".into(),
            mark: "（发文机关）".into(),
            seal: None,
        });
    }
    let default_mark = format!("{}{file_mark}", organs[0].name);
    let mark = (!mark_text.is_empty() && joint_marks.is_empty() && mark_text != default_mark)
        .then_some(mark_text.clone())
        .filter(|m| !(format == Format::Letter && *m == organs[0].name));
    if title.is_empty() && format != Format::Order {
        return Err(Failure(vec![
            Diagnostic::error(Some(name), "no title found")
                .hint("a 公文's title stands centred above its 主送 line"),
        ]));
    }
    let gongwen = Gongwen {
        format,
        copy_number,
        secrecy,
        urgency,
        organs,
        mark,
        number,
        signers,
        title,
        to,
        body,
        attachments,
        signing: if format == Format::Order {
            Signing::Stamp
        } else {
            Signing::Unsealed
        },
        signed_by,
        date,
        note,
        attendance,
        copy_to,
        to_in_record: false,
        issuer,
        issued: issued.unwrap_or(date),
        style: Style::default(),
    };
    let gongwen = match record_to {
        Some(to) => Gongwen {
            to: Some(to),
            to_in_record: true,
            ..gongwen
        },
        None => gongwen,
    };
    Ok(Read {
        gongwen,
        comments,
        warnings,
    })
}

/// The text after an item's number (`1.`, `2．`, `3、`), or none when the
/// text opens with no such number (a title may open with a year).
pub(crate) fn item_number(text: &str) -> Option<&str> {
    let rest = text.trim_start_matches(|c: char| c.is_ascii_digit());
    if rest.len() == text.len() {
        return None;
    }
    rest.strip_prefix(['.', '．', '、']).map(str::trim)
}

/// `附件`, `附件1`, `附件 2` alone on a line: an attachment's first line.
fn is_attachment_label(text: &str) -> bool {
    text.strip_prefix(labels::ATTACHMENT)
        .is_some_and(|rest| rest.trim().chars().all(|c| c.is_ascii_digit()))
}

/// A 署名 line: short, no sentence punctuation, not a heading or a number.
fn is_signature_line(text: &str) -> bool {
    let n = text.chars().count();
    // The closing formulas of a body are no organ.
    (2..=30).contains(&n)
        && !["特此", "此复", "此函", "专此", "妥否", "当否"]
            .iter()
            .any(|p| text.starts_with(p))
        && !text.contains(['。', '，', '；', '：', ':', '、'])
        && heading_number(text).is_none()
        && parse_date(text).is_none()
        && !is_attachment_label(text)
        && !text.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Names separated by spaces, 、 or ，.
fn split_names(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '、' | '，' | ','))
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_numbers_and_page_numbers_are_told() {
        assert_eq!(
            parse_date("2026年12月5日"),
            Some(Date {
                year: 2026,
                month: 12,
                day: 5
            })
        );
        assert_eq!(
            parse_date("二〇二六年十二月五日"),
            Some(Date {
                year: 2026,
                month: 12,
                day: 5
            })
        );
        assert_eq!(
            date_in("青山市住建局办公室 2026年12月6日印发"),
            Some(Date {
                year: 2026,
                month: 12,
                day: 6
            })
        );
        assert_eq!(running_number("第3号"), Some(3));
        let (_, _, n) = number_in("青建发〔2026〕6号　签发人：周立新").unwrap();
        assert_eq!(n.to_string(), "青建发〔2026〕6号");
    }

    fn lines(text: &str) -> Vec<Line> {
        text.lines()
            .enumerate()
            .map(|(i, t)| Line {
                text: t.to_string(),
                at: format!("line {}", i + 1),
                ..Default::default()
            })
            .collect()
    }

    #[test]
    fn what_looks_like_a_part_but_is_not_stays_out() {
        // A number cited in the title, a closing formula over the 署名, a
        // year opening an attachment's title, an organ named with 日 and 二.
        let draft = "关于转发《省住建厅关于加强冬季施工管理的通知》（省建发〔2026〕3号）的通知\n各区县住建局：\n请遵照执行。\n特此通知\n附件：2026年冬季施工检查表\n日照市第二人民医院\n2026年12月5日\n抄送：市卫健委。\n日照市第二人民医院办公室　2026年12月6日印发\n";
        let read = read(&lines(draft), "t").unwrap();
        let g = read.gongwen;
        assert!(
            g.title.starts_with("关于转发《省住建厅") && g.number.is_none(),
            "{g:?}"
        );
        assert_eq!(g.signatures().collect::<Vec<_>>(), ["日照市第二人民医院"]);
        assert_eq!(g.attachments[0].title, "2026年冬季施工检查表");
        assert_eq!(g.issuer.as_deref(), Some("日照市第二人民医院办公室"));
        assert_eq!(
            g.issued,
            Date {
                year: 2026,
                month: 12,
                day: 6
            }
        );
        assert_eq!(parse_date("九九九九九九九九九九九年1月1日"), None);
        assert_eq!(item_number("12.清单"), Some("清单"));
        assert_eq!(item_number("2026年度考核表"), None);
    }
}
