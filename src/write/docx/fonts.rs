//! The faces a document names or embeds: the shipped stand-ins under their
//! family names, their subsets, and the obfuscation of embedded fonts
//! (ECMA-376 Part 2 §17.8.1).

#[cfg(feature = "typeset")]
use std::collections::BTreeSet;
#[cfg(feature = "typeset")]
use std::sync::Arc;

#[cfg(feature = "typeset")]
use super::{EmbeddedFont, Faces};
#[cfg(feature = "typeset")]
use crate::diag::Diagnostic;
#[cfg(feature = "typeset")]
use crate::model::{Issue, Recipients};
#[cfg(feature = "typeset")]
use crate::spec::faces::Role;
#[cfg(feature = "typeset")]
use crate::write::opentype::Subsets;

/// The key of embedded font `i`: a fixed GUID per position, so the bytes do
/// not change between builds.
pub(super) fn font_key(i: usize) -> [u8; 16] {
    let mut key = *b"jianbao-fontkey0";
    key[15] = b'0' + (i % 10) as u8;
    key
}

/// A key as Word writes it: `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}`.
pub(super) fn key_text(key: &[u8; 16]) -> String {
    let hex: String = key.iter().map(|b| format!("{b:02X}")).collect();
    format!(
        "{{{}-{}-{}-{}-{}}}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// Word's font obfuscation (ECMA-376 part 2 §... "Font embedding"): the
/// first 32 bytes XORed with the key's bytes taken from the GUID string's
/// last byte backwards.
pub(super) fn obfuscate(font: &[u8], key: &[u8; 16]) -> Vec<u8> {
    let text = key_text(key);
    let hex: String = text.chars().filter(|c| c.is_ascii_hexdigit()).collect();
    let bytes: Vec<u8> = (0..16)
        .map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap_or(0))
        .collect();
    let mut out = font.to_vec();
    for (i, b) in out.iter_mut().take(32).enumerate() {
        *b ^= bytes[15 - i % 16];
    }
    out
}

/// The shipped faces, by role, under their family names (the legacy family,
/// name ID 1, as Word and WPS match it).
#[cfg(feature = "typeset")]
pub fn shipped_faces() -> Faces {
    Faces::from_fn(shipped_family)
}

#[cfg(feature = "typeset")]
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
#[cfg(feature = "typeset")]
pub fn embedded(issue: &Issue, subsets: &Subsets) -> Result<Vec<EmbeddedFont>, Diagnostic> {
    // Every character the document shows, and those Word adds (the page
    // numbers and the labels).
    let mut chars: BTreeSet<char> = crate::write::text::text(issue, &Default::default())
        .chars()
        .chain((' '..='~').chain("【】：—（）编者按".chars()))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn obfuscation_is_its_own_inverse() {
        let font: Vec<u8> = (0..64).collect();
        let key = font_key(3);
        assert_ne!(obfuscate(&font, &key), font);
        assert_eq!(obfuscate(&obfuscate(&font, &key), &key), font);
        assert_eq!(key_text(&key).len(), 38);
    }
}
