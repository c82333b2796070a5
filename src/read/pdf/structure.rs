//! The third stage: lines → the parts of the issue ([`Piece`]s in reading
//! order), by how each line looks and where it stands, one named step a
//! kind of part: photos and their captions, the footer, the masthead, titles,
//! bylines, the contents, headings and paragraphs (wrapped ones joined, leads
//! by their face).

use super::Photo;
use super::glyphs::{Face, PT_PER_MM, Picture};
use super::lines::{Line, join};
use super::tables::Found;
use crate::format::page;
use crate::read::assemble::{Layout, Piece, Role, push_table};
use crate::read::recognise::{find_date, heading_level, issue_number, split_lead, total_number};

/// The pieces of the issue and its photos, from its lines in reading order
/// and its tables (placed where they stand); `stem` names the photos'
/// files; with `one_face` (one face draws all the text) leads are found by
/// the text heuristic, as no change of face shows them.
pub(super) fn pieces(
    lines: &[Line],
    pictures: &[Picture],
    tables: &[Found],
    last_page: usize,
    stem: &str,
    layout: Layout,
    one_face: bool,
) -> (Vec<Piece>, Vec<Photo>) {
    let bulletin = layout == Layout::Bulletin;
    let mut reader = Reader {
        lines,
        pictures: pictures.to_vec(),
        stem,
        name_at: lines.iter().position(|l| l.red && l.size > 20.0),
        // The footer: the 四号 lines at the bottom of the last page.
        footer_from: match bulletin {
            true => lines
                .iter()
                .rposition(|l| !(l.page == last_page && (l.size - page::FOOTER_PT).abs() < 0.6))
                .map_or(0, |i| i + 1),
            false => lines.len(),
        },
        pieces: Vec::new(),
        photos: Vec::new(),
        in_masthead: bulletin,
        open: None,
        seen_title: false,
        tables: tables.to_vec(),
    };
    let mut i = 0;
    while i < lines.len() {
        reader.tables_above(Some(&lines[i]));
        i = reader.line(i);
    }
    reader.tables_above(None);
    reader.end_leads_at_sentences();
    if one_face {
        reader.leads_by_sentence();
    }
    (reader.pieces, reader.photos)
}

/// The walk over the lines and what it has found so far.
struct Reader<'a> {
    lines: &'a [Line],
    /// Photos not yet placed, in reading order.
    pictures: Vec<Picture>,
    stem: &'a str,
    /// The line of the red name, if any.
    name_at: Option<usize>,
    /// The first line of the footer block.
    footer_from: usize,
    pieces: Vec<Piece>,
    photos: Vec<Photo>,
    in_masthead: bool,
    /// The piece a wrapped line goes on in.
    open: Option<usize>,
    seen_title: bool,
    /// Tables not yet placed, in reading order.
    tables: Vec<Found>,
}

impl Reader<'_> {
    fn push(&mut self, role: Role, text: String, lead: Option<String>, line: &Line) {
        self.pieces.push(Piece {
            role,
            text,
            lead,
            at: format!("page {}", line.page),
        });
    }

    fn last_role(&self) -> Option<&Role> {
        self.pieces.last().map(|p| &p.role)
    }

    /// Reads line `i` (and the lines that belong with it); the next line to read.
    fn line(&mut self, i: usize) -> usize {
        let lines = self.lines;
        let line = &lines[i];
        let plain = line.text().replace('\t', " ");
        if self.photos_above(line, &plain) {
            return i + 1;
        }
        if i >= self.footer_from {
            self.push(Role::Footer, plain, None, line);
            return i + 1;
        }
        if self.in_masthead {
            self.masthead(i, plain);
            return i + 1;
        }
        self.body(i, plain) + 1
    }

    /// Places the tables that stand above `line` (all that are left at the
    /// end); a caption line right above a table (表1 …) is its caption.
    fn tables_above(&mut self, line: Option<&Line>) {
        while let Some(t) = self.tables.first()
            && line.is_none_or(|l| t.page < l.page || (t.page == l.page && t.top <= l.y))
        {
            let found = self.tables.remove(0);
            push_table(
                &mut self.pieces,
                found.table,
                format!("page {}", found.page),
                false,
            );
            self.open = None;
        }
    }

    /// Lead sentences by the text heuristic (no face tells them): in every
    /// paragraph but an article's first block, and there too when the
    /// sentence is as short as the couplets leads are (提前预警，及早部署。:
    /// at most 12 characters).
    fn leads_by_sentence(&mut self) {
        let mut block = 0;
        for piece in &mut self.pieces {
            match piece.role {
                Role::Title => block = 0,
                Role::Body if piece.lead.is_none() => {
                    if let Some((lead, rest)) = split_lead(&piece.text)
                        && (block > 0 || lead.chars().count() <= 12)
                    {
                        piece.lead = Some(lead);
                        piece.text = rest;
                    }
                    block += 1;
                }
                Role::Body | Role::Heading(_) | Role::Table(_) => block += 1,
                _ => {}
            }
        }
    }

    /// Places the photos that stand above `line`; true when `line` was the
    /// caption of the last of them (the centred 楷体 line right under it).
    fn photos_above(&mut self, line: &Line, plain: &str) -> bool {
        while let Some(p) = self.pictures.first()
            && (p.page < line.page || (p.page == line.page && p.bottom <= line.y))
        {
            let p = self.pictures.remove(0);
            let file = format!(
                "{}-photo-{}.{}",
                self.stem,
                self.photos.len() + 1,
                p.extension
            );
            self.photos.push((file.clone(), p.bytes));
            self.push(Role::Photo(file), String::new(), None, line);
            self.open = None;
            if matches!(line.face(), Face::Kai | Face::Hei) && line.centred() {
                self.push(Role::Caption, plain.to_string(), None, line);
                return true;
            }
        }
        false
    }

    /// A line of the masthead: above the name, the name (a wrapped name goes
    /// on in the next red line of its size), 增刊/专刊, 第 N 期, （总第 N 期）,
    /// and the unit/date line, which ends it.
    fn masthead(&mut self, i: usize, plain: String) {
        let lines = self.lines;
        let line = &lines[i];
        match self.name_at {
            Some(n) if i < n => self.push(Role::Mark, plain, None, line),
            Some(n) if i == n => self.push(Role::Name, plain, None, line),
            Some(n)
                if line.red
                    && (line.size - lines[n].size).abs() < 1.0
                    && self.last_role() == Some(&Role::Name) =>
            {
                if let Some(name) = self.pieces.last_mut() {
                    name.text.push_str(plain.trim());
                }
            }
            _ if line.red => self.push(Role::Kind, plain, None, line),
            _ if issue_number(&plain).is_some() && line.centred() => {
                self.push(Role::Number, plain, None, line)
            }
            _ if total_number(&plain).is_some() => self.push(Role::Total, plain, None, line),
            _ if find_date(&plain).is_some() => {
                self.push(Role::UnitDate, plain, None, line);
                self.in_masthead = false;
            }
            _ => self.push(Role::Mark, plain, None, line),
        }
    }

    /// A line under the masthead; the last line it took.
    fn body(&mut self, i: usize, plain: String) -> usize {
        let lines = self.lines;
        let line = &lines[i];
        let text = line.text();
        let face = line.face();
        let indented = (line.indent() - 2.0).abs() < 0.6;
        let at_left = line.indent().abs() < 0.6;
        if line.size > 18.0 && face == Face::Title {
            return self.title(i);
        }
        if crate::format::labels::column_name(text.trim_end()).is_some() {
            self.push(Role::Column, plain, None, line);
            self.open = None;
        } else if text.starts_with(crate::format::labels::NOTE) {
            self.push(Role::Note, plain, None, line);
            self.open = Some(self.pieces.len() - 1);
        } else if line.centred()
            && matches!(self.last_role(), Some(Role::Title | Role::Byline))
            && (matches!(face, Face::Kai | Face::Hei)
                || plain.trim_start().starts_with(['（', '(', '—']))
        {
            self.push(Role::Byline, plain, None, line);
            self.open = None;
        } else if self.open.is_some() && at_left {
            self.wrapped(line, &plain);
        } else if indented && !self.seen_title {
            // Before the first title, under the masthead: the contents
            // (in 楷体, or in whatever face stands in for it).
            self.contents(i, plain);
        } else if indented
            && line.runs.len() == 1
            && heading_level(plain.trim()).is_some()
            && (matches!(face, Face::Hei | Face::Kai)
                || (!line.full() && !plain.trim().ends_with('。')))
            && let Some(level) = heading_level(plain.trim())
        {
            // A heading by its face (一、 黑体, （一） 楷体), or by its number
            // on a short line of its own (1. and （1） are in the body's
            // face, and any level is when the faces tell nothing).
            self.push(Role::Heading(level), plain, None, line);
            self.open = None;
        } else if indented || !at_left {
            self.paragraph(line, indented, plain);
        } else {
            self.push(Role::Body, plain, None, line);
            self.open = Some(self.pieces.len() - 1);
        }
        i
    }

    /// A title: line `i` and the title lines under it, joined; the last.
    fn title(&mut self, mut i: usize) -> usize {
        let lines = self.lines;
        let first = &lines[i];
        let mut title = first.text().replace('\t', " ").trim().to_string();
        while i + 1 < lines.len()
            && lines[i + 1].size > 18.0
            && lines[i + 1].face() == Face::Title
            && lines[i + 1].page == first.page
            && lines[i + 1].y - lines[i].y < 2.5 * page::BODY_SIZE_PT / PT_PER_MM
        {
            i += 1;
            title.push(' ');
            title.push_str(lines[i].text().trim());
        }
        self.push(Role::Title, title, None, first);
        self.seen_title = true;
        self.open = None;
        i
    }

    /// A line that goes on in the open piece (a paragraph across a line or
    /// page break); a lead longer than its first line goes on in it too.
    fn wrapped(&mut self, line: &Line, plain: &str) {
        let Some(target) = self.open else { return };
        let p = &mut self.pieces[target];
        let mut rest = plain;
        let joined: String;
        if p.text.is_empty()
            && let Some(lead) = p.lead.as_mut()
        {
            let n = line
                .runs
                .iter()
                .take_while(|(f, _)| *f != Face::Fang && *f != Face::Other)
                .count();
            let more: String = line.runs[..n].iter().map(|(_, t)| t.as_str()).collect();
            lead.push_str(&more);
            joined = line.runs[n..].iter().map(|(_, t)| t.as_str()).collect();
            rest = &joined;
        }
        let previous = p.text.chars().last();
        join(&mut p.text, previous, rest);
    }

    /// A line of the contents: a title in 楷体 under the column headings; a
    /// title that did not fit goes on in the next line.
    fn contents(&mut self, i: usize, plain: String) {
        let lines = self.lines;
        let wraps = self.last_role() == Some(&Role::Contents) && i > 0 && lines[i - 1].full();
        match self.pieces.last_mut() {
            Some(last) if wraps => last.text.push_str(plain.trim()),
            _ => self.push(Role::Contents, plain, None, &lines[i]),
        }
    }

    /// A paragraph's first line; its lead: the opening runs in another face.
    fn paragraph(&mut self, line: &Line, indented: bool, plain: String) {
        let starts = line.runs.first().map(|(f, _)| *f);
        let lead_runs = line
            .runs
            .iter()
            .take_while(|(f, _)| Some(*f) == starts && *f != Face::Fang && *f != Face::Other)
            .count();
        let (lead, rest): (String, String) = if lead_runs > 0 && indented {
            let text = |runs: &[(Face, String)]| runs.iter().map(|(_, t)| t.as_str()).collect();
            (text(&line.runs[..lead_runs]), text(&line.runs[lead_runs..]))
        } else {
            (String::new(), plain)
        };
        self.push(Role::Body, rest, Some(lead).filter(|l| !l.is_empty()), line);
        self.open = Some(self.pieces.len() - 1);
    }

    /// A lead is a sentence: it ends at its last 。！？： (what follows in the
    /// same face, e.g. a glyph from another subset of the body font, is
    /// text), and an opening in another face without one is no lead at all.
    fn end_leads_at_sentences(&mut self) {
        for p in self.pieces.iter_mut().filter(|p| p.role == Role::Body) {
            if let Some(lead) = p.lead.take() {
                match lead.rfind(['。', '！', '？', '：']) {
                    Some(at) => {
                        let end = at + lead[at..].chars().next().map_or(0, char::len_utf8);
                        p.text = format!("{}{}", &lead[end..], p.text);
                        p.lead = Some(lead[..end].to_string());
                    }
                    None => p.text = format!("{lead}{}", p.text),
                }
            }
        }
    }
}
