//! The faces a Word document names or embeds: the shipped stand-ins under
//! their family names, and their subsets to embed.

use std::collections::BTreeSet;
use std::sync::Arc;

use super::{EmbeddedFont, Faces};
use crate::diag::Diagnostic;
use crate::format::faces::Role;
use crate::model::{Issue, Recipients};
use crate::opentype::Subsets;

/// The shipped faces, by role, under their family names (the legacy family,
/// name ID 1, as Word and WPS match it).
pub fn shipped_faces() -> Faces {
    Faces::from_fn(shipped_family)
}

fn shipped_family(role: Role) -> String {
    ttf_parser::Face::parse(role.shipped_data(), 0)
        .ok()
        .and_then(|face| {
            face.names()
                .into_iter()
                .filter(|n| n.name_id == ttf_parser::name_id::FAMILY && n.is_unicode())
                .find_map(|n| n.to_string())
        })
        .unwrap_or_else(|| role.shipped_file().trim_end_matches(".otf").to_string())
}

/// The shipped faces subset to the characters `issue` prints, to embed in a
/// Word document (their licences, OFL and the Fandol licence, allow it);
/// `subsets` keeps them for the process.
pub fn embedded(issue: &Issue, subsets: &Subsets) -> Result<Vec<EmbeddedFont>, Diagnostic> {
    // Every character the document shows, and those Word adds (the page
    // numbers and the labels).
    let mut chars: BTreeSet<char> = crate::write::text::text(issue, &Default::default())
        .chars()
        .chain((' '..='~').chain("：—（）".chars()))
        .chain(crate::format::labels::characters())
        .chain(Recipients::line_labels().into_iter().flat_map(str::chars))
        .chain("共印份".chars())
        .collect();
    chars.retain(|c| !c.is_control());
    let mut fonts: Vec<EmbeddedFont> = Vec::new();
    for role in Role::ALL {
        let name = shipped_family(role);
        if fonts.iter().any(|f| f.name == name) {
            continue;
        }
        let subset = subsets
            .get(role.shipped_data(), 0, &chars, &Default::default())
            .map_err(|why| {
                Diagnostic::error(None, format!("failed to subset the font {name} ({why})"))
            })?;
        fonts.push(EmbeddedFont {
            name,
            bytes: Arc::new(subset.bytes.clone()),
        });
    }
    Ok(fonts)
}
