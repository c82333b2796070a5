//! Model → YAML source, in the form editors write by hand: keys in field
//! order, plain scalars where YAML allows them, double quotes where it does
//! not, a block scalar for long text, and comments where the caller has
//! something to say (the importer's leftovers).
//!
//! What it writes reads back (`read::yaml`) into the same model.

use std::fmt::Write as _;

use crate::model::gongwen::Gongwen;
use crate::model::{Article, Block, Cell, Comment, Footer, Issue, Kind, Lines, Spot, Style, Table};

/// Texts longer than this many characters are written as block scalars.
const LONG: usize = 60;

/// The YAML source of `issue`, with `comments` placed at their spots.
pub fn yaml(issue: &Issue, comments: &[Comment]) -> String {
    let mut out = String::new();
    let put_comments = |out: &mut String, spot: Spot, indent: usize| {
        for comment in comments.iter().filter(|c| c.spot == spot) {
            for line in comment.text.lines() {
                let _ = writeln!(out, "{}# {}", " ".repeat(indent), line.trim_end());
            }
        }
    };
    put_comments(&mut out, Spot::Top, 0);
    if let Some(copy) = &issue.copy_number {
        field(&mut out, 0, "copy_number", copy);
    }
    if let Some(mark) = &issue.handling_mark {
        field(&mut out, 0, "handling_mark", mark);
    }
    field(&mut out, 0, "name", &issue.name);
    if issue.kind != Kind::Regular {
        let kind = match issue.kind {
            Kind::Supplement => "supplement",
            _ => "special",
        };
        field(&mut out, 0, "kind", kind);
    }
    let _ = writeln!(out, "number: {}", issue.number);
    if let Some(total) = issue.total_number {
        let _ = writeln!(out, "total_number: {total}");
    }
    field(&mut out, 0, "unit", &issue.unit);
    let _ = writeln!(out, "date: {}", issue.date);
    if let Some(note) = &issue.editor_note {
        field(&mut out, 0, "editor_note", note);
    }

    out.push_str("columns:\n");
    let mut n = 0;
    for column in &issue.columns {
        match &column.name {
            Some(name) => {
                let _ = writeln!(out, "  - name: {}", scalar(name.as_str(), 6));
                out.push_str("    articles:\n");
            }
            None => out.push_str("  - articles:\n"),
        }
        for article in &column.articles {
            write_article(&mut out, article, 6, 8, &mut |out, block, indent| {
                put_comments(out, Spot::Body { article: n, block }, indent)
            });
            n += 1;
        }
    }

    put_comments(&mut out, Spot::Footer, 0);
    footer(&mut out, &issue.footer);
    if issue.style != Style::default() {
        out.push_str("style:\n");
        let s = &issue.style;
        let lower = |v: &dyn std::fmt::Debug| format!("{v:?}").to_lowercase();
        let fields = [
            (
                "red",
                s.red.map(|r| {
                    let [c, m, y, k] = r.0;
                    format!("[{c}, {m}, {y}, {k}]")
                }),
            ),
            ("rule_thickness", s.rule_thickness.map(|t| t.0.to_string())),
            ("rule", s.rule.map(|r| lower(&r))),
            ("name_size", s.name_size.map(|n| n.0.to_string())),
            ("lead_face", s.lead_face.map(|f| lower(&f))),
            ("contents", s.contents.map(|c| c.to_string())),
            ("page_numbers", s.page_numbers.map(|p| p.to_string())),
            ("grid", s.grid.map(|g| lower(&g))),
            (
                "hanging_punctuation",
                s.hanging_punctuation.map(|h| h.to_string()),
            ),
            (
                "footer_on_even_page",
                s.footer_on_even_page.map(|e| e.to_string()),
            ),
            (
                "heading_bold",
                s.heading_bold.as_ref().map(|levels| {
                    let levels: Vec<String> = levels.0.iter().map(u8::to_string).collect();
                    format!("[{}]", levels.join(", "))
                }),
            ),
        ];
        for (key, value) in fields {
            if let Some(value) = value {
                let _ = writeln!(out, "  {key}: {value}");
            }
        }
    }
    out
}

/// `article` as an entry of a block sequence in an existing source: the dash
/// at column `dash`, its keys at column `key` (greater than `dash`), and
/// `comments` (text, one `#` line per line) before the body block of each
/// index (the body's length: after its last block).
pub fn article(article: &Article, dash: usize, key: usize, comments: &[(usize, String)]) -> String {
    let mut out = String::new();
    write_article(&mut out, article, dash, key, &mut |out, block, indent| {
        for (_, text) in comments.iter().filter(|(b, _)| *b == block) {
            for line in text.lines() {
                let _ = writeln!(out, "{}# {}", " ".repeat(indent), line.trim_end());
            }
        }
    });
    out
}

/// A new column named `name` holding `article`, as an entry of the
/// `columns:` block sequence: the dash at column `dash`, its keys at `key`;
/// the article's dash at `article_dash`, its keys at `article_key`.
pub fn column(
    name: &str,
    article: &Article,
    (dash, key): (usize, usize),
    (article_dash, article_key): (usize, usize),
    comments: &[(usize, String)],
) -> String {
    let mut out = format!(
        "{}-{}name: {}\n{}articles:\n",
        " ".repeat(dash),
        " ".repeat(key - dash - 1),
        scalar(name, key + 2),
        " ".repeat(key)
    );
    out.push_str(&self::article(article, article_dash, article_key, comments));
    out
}

/// `article` as a flow mapping on one line, for a flow sequence
/// (`articles: [{title: …}, …]`): every text double-quoted.
pub fn article_flow(article: &Article) -> String {
    let quoted = |text: &str| serde_json::to_string(text).unwrap_or_default();
    let mut fields = vec![format!("title: {}", quoted(article.title.as_str()))];
    if let Some(subtitle) = &article.subtitle {
        fields.push(format!("subtitle: {}", quoted(subtitle.as_str())));
    }
    if let Some(source) = &article.source {
        fields.push(format!("source: {}", quoted(source.as_str())));
    }
    let blocks: Vec<String> = article
        .body
        .iter()
        .map(|block| match block {
            Block::Paragraph { lead: None, text } => quoted(text),
            Block::Paragraph {
                lead: Some(lead),
                text,
            } => format!("{{lead: {}, text: {}}}", quoted(lead), quoted(text)),
            Block::Heading { level: 1, text } => format!("{{heading: {}}}", quoted(text)),
            Block::Heading { level, text } => {
                format!("{{heading: {}, level: {level}}}", quoted(text))
            }
            Block::Table(table) => format!("{{table: {}}}", table_flow(table)),
            Block::Photo {
                path,
                caption,
                width,
            } => {
                let mut parts = vec![format!("photo: {}", quoted(path))];
                if let Some(caption) = caption {
                    parts.push(format!("caption: {}", quoted(caption)));
                }
                if let Some(width) = width {
                    parts.push(format!("width: {width}"));
                }
                format!("{{{}}}", parts.join(", "))
            }
        })
        .collect();
    fields.push(format!("body: [{}]", blocks.join(", ")));
    format!("{{{}}}", fields.join(", "))
}

/// Writes `article` as a block sequence entry (dash at `dash`, keys at
/// `key`); `comment(out, block, indent)` writes what goes before body block
/// `block`.
fn write_article(
    out: &mut String,
    article: &Article,
    dash: usize,
    key: usize,
    comment: &mut dyn FnMut(&mut String, usize, usize),
) {
    let _ = writeln!(
        out,
        "{}-{}title: {}",
        " ".repeat(dash),
        " ".repeat(key - dash - 1),
        scalar(article.title.as_str(), key + 2)
    );
    if let Some(subtitle) = &article.subtitle {
        field(out, key, "subtitle", subtitle.as_str());
    }
    if let Some(source) = &article.source {
        field(out, key, "source", source.as_str());
    }
    let _ = writeln!(out, "{}body:", " ".repeat(key));
    write_blocks(out, &article.body, key, comment);
}

/// The body's blocks as a block sequence under `body:` (its key at `key`);
/// `comment(out, block, indent)` writes what goes before block `block`
/// (and, with the body's length, after the last).
fn write_blocks(
    out: &mut String,
    body: &[Block],
    key: usize,
    comment: &mut dyn FnMut(&mut String, usize, usize),
) {
    let item = " ".repeat(key + 2);
    for (b, block) in body.iter().enumerate() {
        comment(out, b, key + 2);
        match block {
            Block::Paragraph { lead: None, text } => {
                let _ = writeln!(out, "{item}- {}", scalar(text, key + 4));
            }
            Block::Paragraph {
                lead: Some(lead),
                text,
            } => {
                let _ = writeln!(out, "{item}- lead: {}", scalar(lead, key + 6));
                field(out, key + 4, "text", text);
            }
            Block::Heading { level, text } => {
                let _ = writeln!(out, "{item}- heading: {}", scalar(text, key + 6));
                if *level != 1 {
                    let _ = writeln!(out, "{}level: {level}", " ".repeat(key + 4));
                }
            }
            Block::Table(table) => {
                let _ = writeln!(out, "{item}- table:");
                write_table(out, table, key + 6);
            }
            Block::Photo {
                path,
                caption,
                width,
            } => {
                let _ = writeln!(out, "{item}- photo: {}", scalar(path, key + 6));
                if let Some(caption) = caption {
                    field(out, key + 4, "caption", caption);
                }
                if let Some(width) = width {
                    let _ = writeln!(out, "{}width: {width}", " ".repeat(key + 4));
                }
            }
        }
    }
    comment(out, body.len(), key + 2);
}

/// The keys of `table` at `indent`: caption, header and rows (a row a
/// line, as a flow sequence), widths and alignments when set.
fn write_table(out: &mut String, table: &Table, indent: usize) {
    let pad = " ".repeat(indent);
    if let Some(caption) = &table.caption {
        field(out, indent, "caption", caption);
    }
    match table.header.as_slice() {
        [] => {}
        [row] => {
            let _ = writeln!(out, "{pad}header: {}", row_flow(row));
        }
        rows => {
            let _ = writeln!(out, "{pad}header:");
            for row in rows {
                let _ = writeln!(out, "{pad}  - {}", row_flow(row));
            }
        }
    }
    let _ = writeln!(out, "{pad}rows:");
    for row in &table.rows {
        let _ = writeln!(out, "{pad}  - {}", row_flow(row));
    }
    if let Some(widths) = widths_flow(table) {
        let _ = writeln!(out, "{pad}widths: {widths}");
    }
    if let Some(align) = align_flow(table) {
        let _ = writeln!(out, "{pad}align: {align}");
    }
}

/// `table` as one flow mapping.
fn table_flow(table: &Table) -> String {
    let mut fields = Vec::new();
    if let Some(caption) = &table.caption {
        fields.push(format!("caption: {}", cell_scalar(caption)));
    }
    if !table.header.is_empty() {
        let rows: Vec<String> = table.header.iter().map(|r| row_flow(r)).collect();
        fields.push(format!("header: [{}]", rows.join(", ")));
    }
    let rows: Vec<String> = table.rows.iter().map(|r| row_flow(r)).collect();
    fields.push(format!("rows: [{}]", rows.join(", ")));
    fields.extend(widths_flow(table).map(|w| format!("widths: {w}")));
    fields.extend(align_flow(table).map(|a| format!("align: {a}")));
    format!("{{{}}}", fields.join(", "))
}

/// `[60, auto]`, when any width is given.
fn widths_flow(table: &Table) -> Option<String> {
    (!table.widths.is_empty()).then(|| {
        let widths: Vec<String> = table
            .widths
            .iter()
            .map(|w| w.map_or("auto".to_string(), |w| w.to_string()))
            .collect();
        format!("[{}]", widths.join(", "))
    })
}

/// `[left, center]`, when any alignment is given.
fn align_flow(table: &Table) -> Option<String> {
    (!table.align.is_empty()).then(|| {
        let align: Vec<&str> = table.align.iter().map(|a| a.keyword()).collect();
        format!("[{}]", align.join(", "))
    })
}

/// A row as a flow sequence: `[东城街道, 12, {text: 合计, colspan: 2}]`.
fn row_flow(row: &[Cell]) -> String {
    let cells: Vec<String> = row
        .iter()
        .map(|cell| {
            let text = cell_scalar(&cell.text);
            if cell.colspan == 1 && cell.rowspan == 1 {
                return text;
            }
            let mut parts = vec![format!("text: {text}")];
            if cell.colspan > 1 {
                parts.push(format!("colspan: {}", cell.colspan));
            }
            if cell.rowspan > 1 {
                parts.push(format!("rowspan: {}", cell.rowspan));
            }
            format!("{{{}}}", parts.join(", "))
        })
        .collect();
    format!("[{}]", cells.join(", "))
}

/// A cell's text as a scalar inside a flow sequence: plain when YAML reads
/// it back as the same text (a whole number, a decimal YAML keeps digit for
/// digit, or text without flow indicators), else double-quoted.
fn cell_scalar(text: &str) -> String {
    let number = text.parse::<i64>().is_ok_and(|n| n.to_string() == text)
        || (text.contains('.')
            && text
                .parse::<f64>()
                .is_ok_and(|n| n.is_finite() && n.to_string() == text));
    if number || (plain_safe(text) && !text.contains([',', '[', ']', '{', '}'])) {
        text.to_string()
    } else {
        serde_json::to_string(text).unwrap_or_default()
    }
}

/// The `footer:` mapping, when the footer has anything.
fn footer(out: &mut String, f: &Footer) {
    if f.is_empty() {
        return;
    }
    let field = |out: &mut String, key: &str, value: &str| {
        let _ = writeln!(out, "  {key}: {}", scalar(value, 4));
    };
    out.push_str("footer:\n");
    let lines = |out: &mut String, key: &str, lines: &Option<Lines>| match lines
        .as_ref()
        .map(|l| l.0.as_slice())
    {
        Some([one]) => {
            let _ = writeln!(out, "  {key}: {}", scalar(one, 4));
        }
        Some(many) if !many.is_empty() => {
            let _ = writeln!(out, "  {key}:");
            for line in many {
                let _ = writeln!(out, "    - {}", scalar(line, 6));
            }
        }
        _ => {}
    };
    lines(out, "report_to", &f.report_to);
    lines(out, "copy_to", &f.copy_to);
    lines(out, "distribute_to", &f.distribute_to);
    lines(out, "extra_to", &f.extra_to);
    if let Some(registration) = &f.registration {
        field(out, "registration", registration.as_str());
    }
    if let Some(run) = f.print_run {
        let _ = writeln!(out, "  print_run: {}", run.0);
    }
    if let Some(editor) = &f.editor {
        field(out, "editor", editor.as_str());
    }
    if let Some(approver) = &f.approver {
        field(out, "approver", approver.as_str());
    }
}

/// A series file (`series.yaml`) holding what a set of issues share: the
/// name, handling mark, unit and footer fields given.
pub fn series(
    name: Option<&str>,
    handling_mark: Option<&str>,
    unit: Option<&str>,
    shared_footer: &Footer,
) -> String {
    let mut out = String::from("# What the imported issues share; each issue may override it.\n");
    for (key, value) in [
        ("name", name),
        ("handling_mark", handling_mark),
        ("unit", unit),
    ] {
        if let Some(value) = value {
            let _ = writeln!(out, "{key}: {}", scalar(value, 2));
        }
    }
    footer(&mut out, shared_footer);
    out
}

/// The YAML source of a 公文 (keys in the order of docs/gongwen.md, the
/// office's keys too: an imported document stands alone), with `comments`
/// at their spots: `Top`, `Body { article: 0, .. }` in the body, `Body {
/// article: n, .. }` in attachment n, `Footer` before the record's keys.
pub fn gongwen(g: &Gongwen, comments: &[Comment]) -> String {
    let mut out = String::new();
    let put = |out: &mut String, spot: Spot, indent: usize| {
        for comment in comments.iter().filter(|c| c.spot == spot) {
            for line in comment.text.lines() {
                let _ = writeln!(out, "{}# {}", " ".repeat(indent), line.trim_end());
            }
        }
    };
    put(&mut out, Spot::Top, 0);
    let _ = writeln!(out, "gongwen: {}", g.format.name());
    let host = &g.organs[0];
    field(&mut out, 0, "organ", &host.name);
    if let Some(mark) = &g.mark {
        field(&mut out, 0, "mark", mark);
    }
    if g.organs.len() > 1 {
        let _ = writeln!(out, "joint:");
        for organ in &g.organs[1..] {
            let _ = writeln!(out, "  - organ: {}", scalar(&organ.name, 4));
            if organ.mark != organ.name {
                field(&mut out, 4, "mark", &organ.mark);
            }
        }
    }
    if let Some(copy) = &g.copy_number {
        let _ = writeln!(out, "copy_number: {}", copy.0.trim_start_matches('0'));
    }
    if let Some(secrecy) = &g.secrecy {
        field(&mut out, 0, "secrecy", &secrecy.to_string());
    }
    if let Some(urgency) = &g.urgency {
        field(&mut out, 0, "urgency", urgency.0);
    }
    if let Some(number) = &g.number {
        field(&mut out, 0, "number", &number.to_string());
    }
    if !g.signers.is_empty() {
        let names: Vec<String> = g.signers.iter().map(|s| scalar(s, 2)).collect();
        let _ = writeln!(out, "signers: [{}]", names.join(", "));
    }
    if !g.title.is_empty() {
        field(&mut out, 0, "title", &g.title);
    }
    if let Some(to) = &g.to {
        field(&mut out, 0, "to", to);
    }
    let body_comment = |article: usize| {
        move |out: &mut String, block: usize, indent: usize| {
            put(out, Spot::Body { article, block }, indent)
        }
    };
    let _ = writeln!(out, "body:");
    write_blocks(&mut out, &g.body, 0, &mut body_comment(0));
    if !g.attachments.is_empty() {
        let _ = writeln!(out, "attachments:");
        for (n, a) in g.attachments.iter().enumerate() {
            let _ = writeln!(out, "  - title: {}", scalar(&a.title, 4));
            if !a.body.is_empty() {
                let _ = writeln!(out, "    body:");
                write_blocks(&mut out, &a.body, 4, &mut body_comment(n + 1));
            }
        }
    }
    if let Some(by) = &g.signed_by {
        field(&mut out, 0, "signed_by", by);
    }
    if g.signing == crate::model::gongwen::Signing::Unsealed
        && g.organs.iter().any(|o| o.seal.is_some())
    {
        let _ = writeln!(out, "sealed: false");
    }
    let _ = writeln!(out, "date: {}", g.date);
    if let Some(note) = &g.note {
        field(&mut out, 0, "note", note);
    }
    if !g.attendance.is_empty() {
        let _ = writeln!(out, "attendance:");
        for a in &g.attendance {
            let key = match a.label {
                "出席" => "present",
                "请假" => "absent",
                _ => "attending",
            };
            field(&mut out, 2, key, &a.names);
        }
    }
    put(&mut out, Spot::Footer, 0);
    if let Some(copy) = &g.copy_to {
        field(&mut out, 0, "copy_to", copy);
    }
    if g.to_in_record {
        let _ = writeln!(out, "to_in_record: true");
    }
    if let Some(issuer) = &g.issuer {
        field(&mut out, 0, "issuer", issuer);
    }
    if g.issued != g.date {
        let _ = writeln!(out, "issued: {}", g.issued);
    }
    out
}

/// `text` as a YAML scalar at a value position whose continuation lines are
/// indented by `indent` spaces: plain where YAML reads it back unchanged,
/// else double-quoted (or a block scalar when long).
pub fn scalar(text: &str, indent: usize) -> String {
    if text.chars().count() > LONG && block_safe(text) {
        return format!("|-\n{}{text}", " ".repeat(indent));
    }
    if plain_safe(text) {
        return text.to_string();
    }
    // YAML's double-quoted style accepts JSON's escapes.
    serde_json::to_string(text).unwrap_or_default()
}

/// Whether `text` can stand in a literal block scalar unchanged: one line,
/// no leading or trailing whitespace, no control characters.
fn block_safe(text: &str) -> bool {
    !text.is_empty()
        && text.trim() == text
        && !text
            .chars()
            .any(|c| c.is_control() || c == '\u{FEFF}' || c == '\u{2028}' || c == '\u{2029}')
}

/// Whether `text` reads back as the same string when written as a plain scalar.
fn plain_safe(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    if text.trim() != text || !block_safe(text) {
        return false;
    }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        return false;
    }
    if text.contains(": ") || text.contains(" #") || text.ends_with(':') {
        return false;
    }
    // Anything YAML would read as another type (number, bool, null, date).
    let lower = text.to_ascii_lowercase();
    let special = [
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    ];
    if special.contains(&lower.as_str()) {
        return false;
    }
    let numeric = text.chars().all(|c| {
        c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | '_' | 'e' | 'E' | 'x' | 'o' | ':')
    });
    !numeric
}

/// `key: value` at `indent`, the value quoted as YAML needs.
fn field(out: &mut String, indent: usize, key: &str, value: &str) {
    let _ = writeln!(
        out,
        "{}{key}: {}",
        " ".repeat(indent),
        scalar(value, indent + 2)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_quote_only_when_needed() {
        assert_eq!(scalar("北湖区：整合阵地资源", 2), "北湖区：整合阵地资源");
        assert_eq!(scalar("key: value", 2), "\"key: value\"");
        assert_eq!(scalar("2024", 2), "\"2024\"");
        assert_eq!(scalar("yes", 2), "\"yes\"");
        assert_eq!(scalar("#hash", 2), "\"#hash\"");
        assert_eq!(scalar("“引号”开头", 2), "“引号”开头");
        let long = "长".repeat(61);
        assert_eq!(scalar(&long, 4), format!("|-\n    {long}"));
    }
}
