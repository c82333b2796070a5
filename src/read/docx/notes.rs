//! What lives beside the main story and is anchored in it: reviewers'
//! comments (批注, word/comments.xml) and footnotes and endnotes. A bulletin
//! has neither, so each goes into the YAML as a comment at its paragraph;
//! and the tally of the tracked changes accepted, for the warning.

use std::collections::{HashMap, HashSet};

use super::W;
use super::body::{self, Change};
use super::styles::Styles;

/// A note's author (comments only) and text, by id.
#[derive(Debug, Default)]
pub(super) struct Notes {
    pub comments: HashMap<String, (String, String)>,
    pub footnotes: HashMap<String, String>,
    pub endnotes: HashMap<String, String>,
    /// Comment ids in the order comments.xml has them.
    pub order: Vec<String>,
}

impl Notes {
    /// Reads the parts (an empty string for a part the package lacks); a
    /// part that does not parse or nests too deep gives no notes.
    pub fn read(comments: &str, footnotes: &str, endnotes: &str, styles: &Styles) -> Notes {
        let mut notes = Notes::default();
        for (id, author, text) in entries(comments, "comment", styles) {
            notes.order.push(id.clone());
            notes.comments.insert(id, (author, text));
        }
        notes.footnotes = entries(footnotes, "footnote", styles)
            .into_iter()
            .map(|(id, _, text)| (id, text))
            .collect();
        notes.endnotes = entries(endnotes, "endnote", styles)
            .into_iter()
            .map(|(id, _, text)| (id, text))
            .collect();
        notes
    }
}

/// The `tag` entries of a part: id, author, text (paragraphs on lines).
fn entries(xml: &str, tag: &str, styles: &Styles) -> Vec<(String, String, String)> {
    let Ok(doc) = roxmltree::Document::parse(xml) else {
        return Vec::new();
    };
    doc.root_element()
        .children()
        .filter(|n| n.has_tag_name((W, tag)))
        // The separator lines Word keeps among the footnotes.
        .filter(|n| n.attribute((W, "type")).is_none_or(|t| t == "normal"))
        .filter_map(|n| {
            let id = n.attribute((W, "id"))?.to_string();
            let author = n.attribute((W, "author")).unwrap_or("").trim().to_string();
            let story = body::walk(n, styles).ok()?;
            let text: Vec<String> = story
                .paragraphs
                .iter()
                .map(|p| p.text().trim().to_string())
                .filter(|t| !t.is_empty())
                .collect();
            Some((id, author, text.join("\n")))
        })
        .collect()
}

/// The tracked changes accepted, counted once each (by id): insertions,
/// deletions, moves, formatting changes; and their authors in order.
pub(super) fn tally(changes: &[(Change, String, String)]) -> ([usize; 4], Vec<String>) {
    let mut seen: HashSet<(Change, &str)> = HashSet::new();
    let mut counts = [0; 4];
    let mut authors: Vec<String> = Vec::new();
    for (what, id, author) in changes {
        if !id.is_empty() && !seen.insert((*what, id.as_str())) {
            continue;
        }
        counts[match what {
            Change::Insertion => 0,
            Change::Deletion => 1,
            Change::Move => 2,
            Change::Format => 3,
        }] += 1;
        if !author.is_empty() && !authors.contains(author) {
            authors.push(author.clone());
        }
    }
    (counts, authors)
}
