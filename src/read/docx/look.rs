//! Each paragraph's role: by jianbao's own style names (正文, 段首句,
//! 文章标题 …, see `write::docx`) where a document has them, else by its
//! look, as offices make their bulletins in Word: the masthead — 份号 and
//! handling mark, the red name in the largest size (set over one line or
//! two), 第 N 期, the unit and the date — in paragraphs, tables or text
//! boxes; centred large text a title; 一、 and （一） headings; 报/报送,
//! 送/抄送, 发, the print run, in paragraphs or a table. A lead is the
//! opening run or runs in a face, weight or style other than the
//! paragraph's own text (the look most of the rest is in), ending at a
//! sentence mark, whatever the faces are called.

use crate::read::assemble::{Layout, Role};
use crate::read::recognise::{
    find_date, footer_label, heading_level, issue_number, registration, total_number,
};

use super::body::{Look, Para, Place, Run};

/// What a paragraph is read as.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Reading {
    pub role: Role,
    pub text: String,
    pub lead: Option<String>,
}

/// The reading of every paragraph; `None` for one that holds no text or
/// whose text another paragraph's reading took.
pub(super) fn read(paragraphs: &[Para], layout: Layout) -> Vec<Option<Reading>> {
    let texts: Vec<String> = paragraphs
        .iter()
        .map(|p| p.text().trim().to_string())
        .collect();
    let shape = Shape::of(paragraphs, &texts, layout);
    let rows = footer_rows(paragraphs, &texts, &shape.footer_tables);
    // A submitted article has no masthead: no name to look for.
    let mut seen_name = layout == Layout::Article;
    let mut out = Vec::with_capacity(paragraphs.len());
    for (i, p) in paragraphs.iter().enumerate() {
        let text = match rows.get(&i) {
            Some(Some(row)) => row.clone(),
            Some(None) => {
                out.push(None);
                continue;
            }
            None => p.text(),
        };
        if text.trim().is_empty() {
            out.push(None);
            continue;
        }
        let role = match style_role(&p.style, &text) {
            // A submitted article has no footer block: a table in it is a
            // table of its body (read whole in docx/mod.rs).
            _ if layout == Layout::Article && matches!(p.place, Place::Cell { .. }) => {
                Some(Role::Body)
            }
            Some(role) => role,
            None => shape.role(p, i, seen_name, &texts),
        };
        if role == Some(Role::Name) {
            seen_name = true;
        }
        let Some(mut role) = role else {
            out.push(None);
            continue;
        };
        // The 印发 line says again who issued the issue and when: the
        // masthead holds both, the model has no place for the line.
        if role == Role::Footer && issued_line(text.trim()) {
            role = Role::Comment;
        }
        let (lead, text) = match role {
            Role::Body => {
                let (lead, rest) = lead(&p.runs);
                (lead.map(|l| join_lines(&l)), join_lines(&rest))
            }
            Role::Name => (None, shape.name_text(i, &texts)),
            Role::UnitDate => (None, shape.unit_date_text(i, &texts)),
            _ => (None, text.trim().replace(['\n', '\t'], " ")),
        };
        out.push(Some(Reading { role, text, lead }));
    }
    out
}

/// A 印发 line: `某某办公室  2025 年 5 月 20 日印发`.
fn issued_line(t: &str) -> bool {
    t.ends_with("印发") && find_date(t).is_some()
}

/// A paragraph's lines as one: a break between Chinese characters goes,
/// one between other words is a space.
fn join_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.split('\n').peekable();
    while let Some(line) = lines.next() {
        out.push_str(line);
        if let Some(next) = lines.peek() {
            let before = line.chars().next_back();
            let after = next.chars().next();
            let wide = |c: Option<char>| c.is_some_and(crate::model::is_wide);
            if !(wide(before) || wide(after)) {
                out.push(' ');
            }
        }
    }
    out
}

/// The rows of footer tables read as lines, their cells joined by a space
/// (a label in one cell, the recipients in the next): for each row's first
/// paragraph its line, for the row's other paragraphs `None`. Rows whose
/// cells hold more than one line each are left as they are.
fn footer_rows(
    paragraphs: &[Para],
    texts: &[String],
    tables: &[usize],
) -> std::collections::HashMap<usize, Option<String>> {
    let mut out = std::collections::HashMap::new();
    let mut i = 0;
    while i < paragraphs.len() {
        let Place::Cell { table, row, .. } = paragraphs[i].place else {
            i += 1;
            continue;
        };
        let end = (i..paragraphs.len())
            .find(|&j| !matches!(paragraphs[j].place, Place::Cell { table: t, row: r, .. } if t == table && r == row))
            .unwrap_or(paragraphs.len());
        let filled: Vec<usize> = (i..end).filter(|&j| !texts[j].is_empty()).collect();
        let cells: Vec<Place> = filled.iter().map(|&j| paragraphs[j].place).collect();
        let one_each = cells
            .iter()
            .enumerate()
            .all(|(k, c)| !cells[..k].contains(c));
        if tables.contains(&table) && filled.len() > 1 && one_each {
            let line: Vec<&str> = filled.iter().map(|&j| texts[j].as_str()).collect();
            for &j in &filled {
                out.insert(j, None);
            }
            out.insert(filled[0], Some(line.join(" ")));
        }
        i = end;
    }
    out
}

/// The role jianbao's own style names give (`None`: not one of ours;
/// `Some(None)`: ours, and not content, like the page number).
fn style_role(style: &str, text: &str) -> Option<Option<Role>> {
    use crate::format::styles as s;
    Some(Some(match style {
        s::MARK => Role::Mark,
        s::NAME => Role::Name,
        s::KIND => Role::Kind,
        s::NUMBER if total_number(text).is_some() => Role::Total,
        s::NUMBER => Role::Number,
        s::UNIT_DATE => Role::UnitDate,
        s::COLUMN => Role::Column,
        s::CONTENTS => Role::Contents,
        s::NOTE => Role::Note,
        s::TITLE => Role::Title,
        s::SUBTITLE | s::SOURCE => Role::Byline,
        s::BODY => Role::Body,
        s::HEADING_1 => Role::Heading(1),
        s::HEADING_2 => Role::Heading(2),
        s::HEADING_3 => Role::Heading(3),
        s::HEADING_4 => Role::Heading(4),
        // A table's caption and cells: read with the table (docx/mod.rs).
        s::TABLE_CAPTION | s::TABLE_HEADER | s::TABLE_TEXT => Role::Body,
        s::CAPTION => Role::Caption,
        s::FOOTER => Role::Footer,
        s::PAGE_NUMBER => return Some(None),
        _ => return None,
    }))
}

/// Whether a line is one of the footer block's: a recipients label, the
/// registration and print run, editor and approver, the 印发 line.
fn footer_shaped(t: &str) -> bool {
    footer_label(t).is_some()
        || registration(t).is_some()
        || t.starts_with("本期增发：")
        || (t.contains("共印") && t.ends_with(['）', ')']))
        || (t.ends_with("印发") && find_date(t).is_some())
}

/// What a document made elsewhere shows of its structure, found before the
/// paragraphs are read one by one.
struct Shape {
    ours: bool,
    biggest: f64,
    /// The paragraph with 第 N 期.
    number_at: Option<usize>,
    /// The name's lines (one paragraph, or two set alike).
    name: Vec<usize>,
    /// The date's paragraph, and the unit's when it stands apart (a cell of
    /// its own, a line of its own).
    date_at: Option<usize>,
    unit_at: Option<usize>,
    /// Tables that hold footer lines: the footer block.
    footer_tables: Vec<usize>,
    /// The heading levels (Word's "Heading N") used after the masthead, the
    /// first the titles'.
    ranks: Vec<u32>,
    /// Where the first title is, and every title's text.
    first_title: Option<usize>,
    titles: Vec<String>,
}

impl Shape {
    fn of(paragraphs: &[Para], texts: &[String], layout: Layout) -> Shape {
        let ours = paragraphs
            .iter()
            .any(|p| p.style == crate::format::styles::NAME);
        let article = layout == Layout::Article;
        let number_at = (!ours && !article)
            .then(|| {
                texts
                    .iter()
                    .position(|t| issue_number(t).is_some() && t.chars().count() < 16)
            })
            .flatten();
        let kind = |t: &str| t == "增刊" || t == "专刊";
        let name = match number_at {
            None => Vec::new(),
            Some(n) => {
                let mut lines: Vec<usize> = Vec::new();
                let filled = (0..n).rev().filter(|&i| !texts[i].is_empty());
                for i in filled {
                    if kind(&texts[i]) || total_number(&texts[i]).is_some() {
                        if lines.is_empty() {
                            continue;
                        }
                        break;
                    }
                    let alike = |j: usize| {
                        let (a, b) = (&paragraphs[i], &paragraphs[j]);
                        a.red() == b.red() && (a.size() - b.size()).abs() < 1.0
                    };
                    match lines.first() {
                        None => lines.push(i),
                        Some(&j) if alike(j) => lines.insert(0, i),
                        Some(_) => break,
                    }
                    if lines.len() == 3 {
                        break;
                    }
                }
                lines
            }
        };
        // The date under the number, within a few lines; the unit before it
        // when the date stands alone.
        let (mut date_at, mut unit_at) = (None, None);
        if let Some(n) = number_at {
            let after: Vec<usize> = (n + 1..texts.len())
                .filter(|&i| !texts[i].is_empty())
                .take(4)
                .collect();
            if let Some(&d) = after.iter().find(|&&i| find_date(&texts[i]).is_some()) {
                date_at = Some(d);
                let alone = find_date(&texts[d])
                    .is_some_and(|(_, r)| texts[d][..r.start].trim().is_empty());
                if alone {
                    unit_at = after
                        .iter()
                        .copied()
                        .take_while(|&i| i < d)
                        .filter(|&i| total_number(&texts[i]).is_none() && !kind(&texts[i]))
                        .last();
                }
            }
        }
        let mut footer_tables: Vec<usize> = paragraphs
            .iter()
            .zip(texts)
            .filter_map(|(p, t)| match p.place {
                Place::Cell { table, .. } if footer_shaped(t) => Some(table),
                _ => None,
            })
            .collect();
        footer_tables.dedup();
        let mut ranks: Vec<u32> = paragraphs
            .iter()
            .enumerate()
            .filter(|(i, _)| article || number_at.is_some_and(|n| *i > n))
            .filter_map(|(_, p)| heading_rank(&p.style))
            .collect();
        ranks.sort_unstable();
        ranks.dedup();
        let after_masthead =
            |i: usize| (article || number_at.is_some_and(|n| i > n)) && Some(i) != date_at;
        let is_title = |i: usize, p: &Para| {
            after_masthead(i)
                && !matches!(p.place, Place::Cell { table, .. } if footer_tables.contains(&table))
                && (heading_rank(&p.style).is_some_and(|r| ranks.first() == Some(&r))
                    || (p.centred && p.size() >= 18.0))
        };
        let first_title = paragraphs
            .iter()
            .enumerate()
            .position(|(i, p)| is_title(i, p));
        let titles = paragraphs
            .iter()
            .enumerate()
            .filter(|(i, p)| is_title(*i, p))
            .map(|(i, _)| squeeze(&texts[i]))
            .collect();
        Shape {
            ours,
            biggest: paragraphs.iter().map(Para::size).fold(0.0, f64::max),
            number_at,
            name,
            date_at,
            unit_at,
            footer_tables,
            ranks,
            first_title,
            titles,
        }
    }

    /// The name, its lines joined.
    fn name_text(&self, i: usize, texts: &[String]) -> String {
        let lines: &[usize] = if self.name.first() == Some(&i) {
            &self.name
        } else {
            std::slice::from_ref(&i)
        };
        lines
            .iter()
            .map(|&l| texts[l].replace(['\n', '\t'], ""))
            .collect()
    }

    /// The unit and the date, on one line.
    fn unit_date_text(&self, i: usize, texts: &[String]) -> String {
        let line = texts[i].replace(['\t', '\n'], " ");
        match self.unit_at {
            Some(u) if self.date_at == Some(i) => {
                format!("{} {line}", texts[u].replace(['\t', '\n'], " "))
            }
            _ => line,
        }
    }

    /// A paragraph of a document made elsewhere, by its look; `None` when
    /// another paragraph's reading holds its text.
    fn role(&self, p: &Para, i: usize, seen_name: bool, texts: &[String]) -> Option<Role> {
        let t = texts[i].as_str();
        // The masthead: what stands above 第 N 期, the name last.
        if let Some(&first) = self.name.first() {
            if i == first {
                return Some(Role::Name);
            }
            if self.name.contains(&i) {
                return None;
            }
            if i < first {
                return Some(Role::Mark);
            }
        } else if !self.ours {
            let big = p.size() >= self.biggest && self.biggest > 20.0;
            if !seen_name && (p.red() || big) {
                return Some(Role::Name);
            }
            if !seen_name {
                return Some(Role::Mark);
            }
        }
        if self.unit_at == Some(i) {
            return None;
        }
        if self.date_at == Some(i) {
            return Some(Role::UnitDate);
        }
        let footer_cell =
            matches!(p.place, Place::Cell { table, .. } if self.footer_tables.contains(&table));
        if footer_cell || footer_shaped(t) {
            return Some(Role::Footer);
        }
        if (t == "增刊" || t == "专刊") && self.number_at.is_some_and(|n| i < n) {
            return Some(Role::Kind);
        }
        if issue_number(t).is_some() && t.chars().count() < 16 {
            return Some(Role::Number);
        }
        if total_number(t).is_some() {
            return Some(Role::Total);
        }
        if crate::format::labels::column_name(t).is_some() {
            return Some(Role::Column);
        }
        if t.starts_with(crate::format::labels::NOTE) {
            return Some(Role::Note);
        }
        if find_date(t).is_some() && self.number_at.is_some_and(|n| i <= n + 3) {
            return Some(Role::UnitDate);
        }
        let rank = heading_rank(&p.style).and_then(|n| self.ranks.iter().position(|r| *r == n));
        if rank == Some(0) || (p.centred && p.size() >= 18.0) {
            return Some(Role::Title);
        }
        // Before the first title, a line that is a later title: the contents.
        if self.first_title.is_some_and(|f| i < f) && self.titles.contains(&squeeze(t)) {
            return Some(Role::Contents);
        }
        if let Some(rank) = rank {
            return Some(Role::Heading(
                rank.min(usize::from(crate::model::HEADING_LEVELS)) as u8,
            ));
        }
        if p.centred {
            return Some(Role::Byline);
        }
        if let Some(level) = heading_level(t)
            && t.chars().count() <= 40
        {
            return Some(Role::Heading(level));
        }
        if self.first_title.is_some_and(|f| i > f)
            && t.starts_with('（')
            && t.ends_with('）')
            && t.chars().count() < 30
        {
            return Some(Role::Byline);
        }
        Some(Role::Body)
    }
}

/// A body paragraph's lead and the rest: the opening runs of jianbao's
/// 段首句 style; else the opening runs whose look differs from the
/// paragraph's own, when they end a sentence and text follows.
pub(super) fn lead(runs: &[Run]) -> (Option<String>, String) {
    let ours = runs
        .iter()
        .take_while(|r| r.look.style == crate::format::styles::LEAD)
        .count();
    let n = if ours > 0 { ours } else { lead_by_look(runs) };
    let lead: String = runs[..n].iter().map(|r| r.text.as_str()).collect();
    let rest: String = runs[n..].iter().map(|r| r.text.as_str()).collect();
    ((!lead.is_empty()).then_some(lead), rest)
}

/// What a lead is told by: face, weight, slant, character style.
type Key<'a> = (&'a str, bool, bool, &'a str);

fn key(look: &Look) -> Key<'_> {
    (&look.face, look.bold, look.italic, &look.style)
}

/// Whether `text` ends a sentence (closing quotes and brackets aside).
fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['”', '’', '」', '』', '）', ')'])
        .ends_with(['。', '：', '！', '？', '；', ':', '!', '?', ';'])
}

/// How many opening runs make the lead by their look (0: none).
fn lead_by_look(runs: &[Run]) -> usize {
    // The paragraph's own look: the one most of its text after its first
    // sentence is in (the lead may be most of a short paragraph).
    let text: String = runs.iter().map(|r| r.text.as_str()).collect();
    let first_end = text
        .char_indices()
        .find(|(_, c)| matches!(c, '。' | '！' | '？' | '：' | '；'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let mut tally: Vec<(Key, usize)> = Vec::new();
    let mut at = 0;
    for run in runs {
        let counted = run
            .text
            .char_indices()
            .filter(|(i, c)| at + i >= first_end && !c.is_whitespace())
            .count();
        at += run.text.len();
        if counted == 0 {
            continue;
        }
        match tally.iter_mut().find(|(k, _)| *k == key(&run.look)) {
            Some((_, n)) => *n += counted,
            None => tally.push((key(&run.look), counted)),
        }
    }
    // The first look to reach the largest count: ties go to the earlier text.
    let Some(own) = tally
        .iter()
        .fold(
            None::<&((&str, bool, bool, &str), usize)>,
            |best, entry| match best {
                Some(b) if b.1 >= entry.1 => Some(b),
                _ => Some(entry),
            },
        )
        .map(|(k, _)| *k)
    else {
        return 0;
    };
    let n = runs
        .iter()
        .take_while(|r| r.text.trim().is_empty() || key(&r.look) != own)
        .count();
    // Blank runs before the paragraph's own text are not the lead's.
    let n = runs[..n]
        .iter()
        .rposition(|r| !r.text.trim().is_empty())
        .map_or(0, |last| last + 1);
    let lead: String = runs[..n].iter().map(|r| r.text.as_str()).collect();
    let rest: String = runs[n..].iter().map(|r| r.text.as_str()).collect();
    if n > 0 && ends_sentence(&lead) && !rest.trim().is_empty() {
        n
    } else {
        0
    }
}

/// N of a "Heading N" (or 标题 N) style name.
fn heading_rank(style: &str) -> Option<u32> {
    let rest = style
        .strip_prefix("Heading ")
        .or_else(|| style.strip_prefix("heading "))
        .or_else(|| style.strip_prefix("标题 "))?;
    rest.chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .ok()
}

/// Text without white space, to compare titles.
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, face: &str, bold: bool) -> Run {
        Run {
            text: text.into(),
            look: Look {
                face: face.into(),
                bold,
                size: 16.0,
                ..Look::default()
            },
        }
    }

    #[test]
    fn a_lead_is_told_by_its_look_whatever_the_faces_are_called() {
        // Another face, no weight: 等线 over 仿宋.
        let runs = [
            run("一是压实责任。", "等线", false),
            run("各乡镇逐村落实", "仿宋_GB2312", false),
            run("巡查人员。", "仿宋_GB2312", false),
        ];
        assert_eq!(lead(&runs).0.as_deref(), Some("一是压实责任。"));
        // Bold in the same face; a lead longer than the rest.
        let runs = [
            run("抓好汛期值守，确保信息畅通。", "SimSun", true),
            run("全员在岗。", "SimSun", false),
        ];
        assert_eq!(
            lead(&runs).0.as_deref(),
            Some("抓好汛期值守，确保信息畅通。")
        );
        // No sentence mark at the change of look: no lead.
        let runs = [
            run("县防指", "黑体", false),
            run("部署排查工作。", "仿宋", false),
        ];
        assert_eq!(lead(&runs).0, None);
        // All in one look: no lead.
        let runs = [run("全文一种字体。其余。", "仿宋", false)];
        assert_eq!(lead(&runs), (None, "全文一种字体。其余。".into()));
        // Split runs in the lead's look, a closing quote after the stop.
        let runs = [
            run("落实“三个", "Source Han Sans SC", true),
            run("到位。”", "Source Han Sans SC", true),
            run("县里统一调度。", "Source Han Serif SC", false),
        ];
        assert_eq!(lead(&runs).0.as_deref(), Some("落实“三个到位。”"));
    }
}
