//! Recognisers for the lines of a past issue's text: page numbers, numbers
//! in every spelling, dates, issue numbers, footer labels, headings, titles
//! and lead sentences. Each looks at one line's text; none keeps state.

use crate::model::{Date, Kind, Recipients, is_wide};

pub(crate) fn is_page_number(line: &str) -> bool {
    let inner =
        line.trim_matches(|c: char| matches!(c, '—' | '–' | '-' | '－' | '―' | ' ' | '\u{3000}'));
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    (inner.len() < line.len() && digits(inner))
        || line
            .strip_prefix('第')
            .and_then(|s| s.strip_suffix('页'))
            .is_some_and(|s| digits(s.trim()))
        || line
            .split_once('/')
            .is_some_and(|(a, b)| digits(a.trim()) && digits(b.trim()))
}

/// Removes the spaces PDF extraction puts between Chinese characters, when a
/// line is full of them (a title's spaces between phrases stay).
pub(crate) fn squeeze_stray_spaces(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let wide = chars.iter().filter(|c| is_wide(**c)).count();
    let stray = chars
        .windows(3)
        .filter(|w| is_wide(w[0]) && (w[1] == ' ' || w[1] == '\u{3000}') && is_wide(w[2]))
        .count();
    if stray < 3 || stray * 10 < wide * 3 {
        return line.to_string();
    }
    let mut out = String::with_capacity(line.len());
    for (i, &c) in chars.iter().enumerate() {
        let between =
            i > 0 && i + 1 < chars.len() && is_wide(chars[i - 1]) && is_wide(chars[i + 1]);
        if !((c == ' ' || c == '\u{3000}') && between) {
            out.push(c);
        }
    }
    out
}

/// Punctuation that ends a paragraph.
pub(crate) fn ends_closed(text: &str) -> bool {
    text.ends_with([
        '。', '！', '？', '；', '…', '”', '’', '）', '」', '』', '：', '.', '!', '?', ')', ';',
    ])
}

/// Digits, full-width digits or simple Chinese numerals as a number.
pub(crate) fn number(text: &str) -> Option<u32> {
    let text = text.trim();
    let ascii: String = text
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            _ => c,
        })
        .collect();
    if let Ok(n) = ascii.parse() {
        return Some(n);
    }
    crate::model::chinese_number(text)
}

/// A date anywhere in `text`: `2023 年 7 月 21 日`, `2023年7月21日`,
/// `二〇二三年七月二十一日`, `2023-07-21`. Returns it with the byte range.
pub(crate) fn find_date(text: &str) -> Option<(Date, std::ops::Range<usize>)> {
    if let Some(end) = text.rfind('日') {
        let head = &text[..end];
        let month_at = head.rfind('月')?;
        let year_at = head[..month_at].rfind('年')?;
        let day = number(&head[month_at + '月'.len_utf8()..])?;
        let month = number(&head[year_at + '年'.len_utf8()..month_at])?;
        let year_part = head[..year_at].trim_end();
        let start = year_part
            .char_indices()
            .rev()
            .take_while(|(_, c)| {
                c.is_ascii_digit() || "〇零一二三四五六七八九０１２３４５６７８９".contains(*c)
            })
            .last()
            .map(|(i, _)| i)?;
        let year = number(&year_part[start..])?;
        let date = Date::new(year as i32, month, day).ok()?;
        return Some((date, start..end + '日'.len_utf8()));
    }
    let trimmed = text.trim();
    let start = text.len() - text.trim_start().len();
    if trimmed.len() == 10 && trimmed.as_bytes()[4] == b'-' {
        return Date::parse(trimmed).ok().map(|d| (d, start..start + 10));
    }
    None
}

/// `第 14 期`, `增刊第 2 期`, `（增刊）第 2 期`.
pub(crate) fn issue_number(text: &str) -> Option<(Kind, u32)> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let (kind, rest) = if let Some(rest) = compact
        .strip_prefix("增刊")
        .or_else(|| compact.strip_prefix("（增刊）"))
    {
        (Kind::Supplement, rest)
    } else if let Some(rest) = compact
        .strip_prefix("专刊")
        .or_else(|| compact.strip_prefix("（专刊）"))
    {
        (Kind::Special, rest)
    } else {
        (Kind::Regular, compact.as_str())
    };
    let n = rest.strip_prefix('第')?.strip_suffix('期')?;
    Some((kind, number(n)?))
}

/// `（总第 233 期）`.
pub(crate) fn total_number(text: &str) -> Option<u32> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let inner = compact
        .strip_prefix(['（', '('])?
        .strip_suffix(['）', ')'])?
        .strip_prefix("总第")?
        .strip_suffix('期')?;
    number(inner)
}

pub(crate) const MARKS: &[&str] = &[
    "内部资料",
    "工作资料",
    "注意保存",
    "秘密",
    "机密",
    "绝密",
    "内部刊物",
    "请勿外传",
    "内部",
];

/// A footer label at the start of `text`, by [`Recipients::line_labels`]:
/// the label as printed and the rest.
pub(crate) fn footer_label(text: &str) -> Option<(&'static str, &str)> {
    for label in Recipients::line_labels() {
        if let Some(rest) = text.strip_prefix(label)
            && let Some(rest) = rest.trim_start().strip_prefix(['：', ':'])
        {
            return Some((label, rest.trim()));
        }
    }
    None
}

/// `（苏简字 1004 号 共印 400 份）` → registration and print run.
pub(crate) fn registration(text: &str) -> Option<(Option<String>, Option<u32>)> {
    let inner = text
        .strip_prefix(['（', '('])?
        .strip_suffix(['）', ')'])?
        .trim();
    match inner.find("共印") {
        Some(at) => {
            let run = inner[at + "共印".len()..].trim().strip_suffix('份')?;
            let reg = inner[..at].trim();
            Some((
                (!reg.is_empty()).then(|| reg.to_string()),
                Some(number(run)?),
            ))
        }
        None if inner.ends_with('号') && inner.contains("字") => {
            Some((Some(inner.to_string()), None))
        }
        None => None,
    }
}

/// Level of an inner heading by its number: 一、… is 1, （一）… 2, 1.… 3 and
/// （1）… 4 ([`crate::model::heading_number`]); a heading is short and holds
/// no full stop but at its end.
pub(crate) fn heading_level(text: &str) -> Option<u8> {
    let short = text.chars().count() <= 40 && !text.trim_end_matches('。').contains('。');
    if !short {
        return None;
    }
    crate::model::heading_number(text).map(|(level, _)| level)
}

/// The cells of a line of a text table: cells a tab, or two or more
/// spaces (full-width ones too), apart; `None` for a line of one cell and
/// for a table's caption (表1 …).
pub(crate) fn split_cells(line: &str) -> Option<Vec<String>> {
    if table_caption(line) {
        return None;
    }
    let cells: Vec<String> = if line.contains('\t') {
        line.split('\t').map(|c| c.trim().to_string()).collect()
    } else {
        let mut cells = Vec::new();
        let mut cell = String::new();
        let mut spaces = String::new();
        for c in line.chars() {
            if c == ' ' || c == '\u{3000}' {
                spaces.push(c);
                continue;
            }
            // One space stays inside a cell; two or more part cells.
            if spaces.chars().count() < 2 {
                cell.push_str(&spaces);
            } else if !cell.is_empty() {
                cells.push(std::mem::take(&mut cell));
            }
            spaces.clear();
            cell.push(c);
        }
        if !cell.is_empty() {
            cells.push(cell);
        }
        cells
    };
    (cells.len() >= 2).then_some(cells)
}

/// Whether `text` is a table's caption: 表1 …, 表 2：…, 表一 …, 附表1 ….
pub(crate) fn table_caption(text: &str) -> bool {
    let rest = text.strip_prefix("附").unwrap_or(text);
    let Some(rest) = rest.strip_prefix('表') else {
        return false;
    };
    let rest = rest.trim_start();
    text.chars().count() <= 48
        && !text.contains('。')
        && rest
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
}

/// Each column's alignment by the votes of its cells (left, centre, right
/// counts), a tie going to the centre; empty when every column is centred
/// (the model's default).
pub(crate) fn column_aligns(votes: &[[usize; 3]]) -> Vec<crate::model::CellAlign> {
    use crate::model::CellAlign;
    let align: Vec<CellAlign> = votes
        .iter()
        .map(
            |v| match (0..3).max_by_key(|i| (v[*i], *i == 1)).unwrap_or(1) {
                0 => CellAlign::Left,
                2 => CellAlign::Right,
                _ => CellAlign::Center,
            },
        )
        .collect();
    if align.iter().all(|a| *a == CellAlign::Center) {
        Vec::new()
    } else {
        align
    }
}

/// A table from rows of texts, the first `header` of them its header: rows
/// shorter than the longest are filled with empty cells; `None` when no row
/// is under the header.
pub(crate) fn table_from_rows(
    caption: Option<String>,
    mut rows: Vec<Vec<String>>,
    header: usize,
) -> Option<crate::model::Table> {
    use crate::model::{Cell, Table};
    let width = rows.iter().map(Vec::len).max()?;
    for row in &mut rows {
        row.resize(width, String::new());
    }
    let mut cells: Vec<Vec<Cell>> = rows
        .into_iter()
        .map(|r| r.into_iter().map(Cell::new).collect())
        .collect();
    let body = cells.split_off(header.min(cells.len()));
    Table::new(caption, cells, body, Vec::new(), Vec::new()).ok()
}

/// A column heading `【工作交流】`.
pub(crate) fn column_name(text: &str) -> Option<&str> {
    crate::format::labels::column_name(text)
}

/// Whether `text` looks like a title: short, no sentence punctuation at its
/// end (a closing quote or bracket is fine) or inside, not a heading.
pub(crate) fn title_shaped(text: &str) -> bool {
    let n = text.chars().count();
    (4..=48).contains(&n)
        && !text.ends_with([
            '。', '！', '？', '；', '：', '…', '.', '!', '?', ';', ':', '，', ',',
        ])
        && !text.contains('。')
        && heading_level(text).is_none()
}

/// The lead sentence of `paragraph` by the heuristic of [`ImportOptions::leads`].
pub(crate) fn split_lead(paragraph: &str) -> Option<(String, String)> {
    let mut depth = 0i32;
    let mut end = None;
    for (i, c) in paragraph.char_indices() {
        match c {
            '“' | '‘' | '（' | '《' => depth += 1,
            '”' | '’' | '）' | '》' => depth -= 1,
            '。' if depth <= 0 => {
                end = Some(i + c.len_utf8());
                break;
            }
            _ => {}
        }
    }
    let end = end?;
    let (lead, rest) = paragraph.split_at(end);
    let n = lead.chars().count();
    let ok = (6..=28).contains(&n)
        && !lead
            .chars()
            .any(|c| c.is_ascii_digit() || c.is_numeric() && !is_wide(c))
        && rest.chars().count() >= 20;
    ok.then(|| (lead.to_string(), rest.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates_in_every_spelling() {
        assert_eq!(number("14"), Some(14));
        assert_eq!(number("１４"), Some(14));
        assert_eq!(number("十四"), Some(14));
        assert_eq!(number("二十一"), Some(21));
        assert_eq!(number("二〇二三"), Some(2023));
        let d = Date::new(2023, 7, 21).unwrap();
        for text in [
            "2023 年 7 月 21 日",
            "2023年7月21日",
            "二〇二三年七月二十一日",
            "2023-07-21",
        ] {
            assert_eq!(find_date(text).map(|x| x.0), Some(d), "{text}");
        }
        let (date, range) = find_date("某市文明办    2023 年 7 月 21 日").unwrap();
        assert_eq!(date, d);
        assert_eq!(
            "某市文明办    2023 年 7 月 21 日"[..range.start].trim(),
            "某市文明办"
        );
        assert_eq!(issue_number("第 14 期"), Some((Kind::Regular, 14)));
        assert_eq!(issue_number("增刊第2期"), Some((Kind::Supplement, 2)));
        assert_eq!(total_number("（总第 233 期）"), Some(233));
    }

    #[test]
    fn page_numbers_and_stray_spaces() {
        for p in ["— 3 —", "- 3 -", "－3－", "第 3 页", "3/12"] {
            assert!(is_page_number(p), "{p}");
        }
        assert!(!is_page_number("2023"));
        assert_eq!(
            squeeze_stray_spaces("今 年 以 来 ， 全 市"),
            "今年以来，全市"
        );
        assert_eq!(
            squeeze_stray_spaces("突出需求导向 健全长效机制"),
            "突出需求导向 健全长效机制"
        );
    }

    #[test]
    fn leads_are_short_first_sentences() {
        let p = "坚持高位推动，优化机制精准发力。围绕各级党委政府重视程度、创建投入程度、市民满意程度开展工作。";
        assert_eq!(split_lead(p).unwrap().0, "坚持高位推动，优化机制精准发力。");
        assert!(
            split_lead(
                "今年以来，全市深入学习贯彻各项部署，推动各项工作取得新的进展和成效。其余。"
            )
            .is_none()
        );
        assert!(
            split_lead("7 月 12 日召开会议。会议部署开展汛期安全隐患排查工作的各项任务。")
                .is_none()
        );
    }

    #[test]
    fn footer_lines_and_registration() {
        assert_eq!(
            registration("（苏简字 1004 号 共印 400 份）"),
            Some((Some("苏简字 1004 号".into()), Some(400)))
        );
        assert_eq!(registration("（共印 80 份）"), Some((None, Some(80))));
        assert_eq!(footer_label("报：中央文明办"), Some(("报", "中央文明办")));
        assert_eq!(
            footer_label("本期增发：市委宣传部"),
            Some(("本期增发", "市委宣传部"))
        );
        assert_eq!(footer_label("报告显示：某某"), None);
    }
}
