//! Standalone OpenType subsets: only the glyphs a document uses, with the
//! tables a reader outside PDF needs to map text to glyphs and to name the
//! face — `cmap` (rebuilt for the kept characters), `OS/2`, `hhea`/`hmtx`,
//! `name` — for the OFD writer and Word's embedded fonts.
//!
//! The outlines and metrics are subset by the `subsetter` crate (typst's),
//! whose output is meant for PDF and carries no `cmap` or `OS/2`: those two
//! are added here, and the font is reassembled with fresh checksums.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex, OnceLock};

use subsetter::{CharStringCache, GlyphRemapper};

/// A subset font and where its glyphs went.
#[derive(Debug, Clone)]
pub struct Subset {
    /// The OpenType file.
    pub bytes: Vec<u8>,
    /// Old glyph id → new glyph id.
    pub glyphs: BTreeMap<u16, u16>,
    /// Character → new glyph id, as the new `cmap` maps it.
    pub cmap: BTreeMap<char, u16>,
    /// The file packed for an OFD package, made on first use and kept with
    /// the subset (the next issue of a batch, or the next build of a watch,
    /// carries the same subset again).
    pub packed: OnceLock<crate::packed::Packed<'static>>,
}

/// Subsets made so far, kept for the process (a watch or a batch writes
/// the same subsets again and again), at most 64, and each face's compiled
/// outlines, which the next subset of the face reuses; the environment
/// holds one for every writer that subsets (OFD, Word's embedded fonts).
#[derive(Debug, Default)]
pub struct Subsets {
    made: Mutex<HashMap<Key, Arc<Subset>>>,
    outlines: Mutex<HashMap<Face, Arc<CharStringCache>>>,
}

/// A face: where its data lives for the process, its length and index.
type Face = (usize, usize, u32);

/// A face and what to keep of it.
type Key = (Face, BTreeSet<char>, BTreeSet<u16>);

impl Subsets {
    /// The subset of face `index` of `data` to `chars` and `glyphs`, made
    /// once. `data` must live for the process (a loaded or shipped font).
    pub fn get(
        &self,
        data: &[u8],
        index: u32,
        chars: &BTreeSet<char>,
        glyphs: &BTreeSet<u16>,
    ) -> Result<Arc<Subset>, String> {
        let face = (data.as_ptr() as usize, data.len(), index);
        let key = (face, chars.clone(), glyphs.clone());
        let lock = || self.made.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(found) = lock().get(&key) {
            return Ok(found.clone());
        }
        let outlines = {
            let mut all = self.outlines.lock().unwrap_or_else(|e| e.into_inner());
            all.entry(face).or_default().clone()
        };
        // Subset outside the lock, so that parallel jobs do not wait on it.
        let made = Arc::new(subset(data, index, chars, glyphs, Some(&outlines))?);
        let mut map = lock();
        if map.len() >= 64 {
            map.clear();
        }
        map.insert(key, made.clone());
        Ok(made)
    }
}

/// Subsets face `index` of `data` to `chars` (through its own cmap) and the
/// glyph ids `glyphs` (e.g. those a layout used), through `outlines` (the
/// compiled outlines of this face's earlier subsets) if given. The error
/// says why, for a message.
pub fn subset(
    data: &[u8],
    index: u32,
    chars: &BTreeSet<char>,
    glyphs: &BTreeSet<u16>,
    outlines: Option<&CharStringCache>,
) -> Result<Subset, String> {
    let face = ttf_parser::Face::parse(data, index).map_err(|e| e.to_string())?;
    let mut remapper = GlyphRemapper::new();
    remapper.remap(0);
    let mut mapped: Vec<(char, u16)> = Vec::new();
    for &c in chars {
        if let Some(g) = face.glyph_index(c) {
            remapper.remap(g.0);
            mapped.push((c, g.0));
        }
    }
    for &g in glyphs {
        if g < face.number_of_glyphs() {
            remapper.remap(g);
        }
    }
    let font = match outlines {
        Some(outlines) => subsetter::subset_cached(data, index, &remapper, outlines),
        None => subsetter::subset(data, index, &remapper),
    }
    .map_err(|e| e.to_string())?;
    let mut tables = read_tables(&font).ok_or("the subset font is malformed")?;
    if let Some(cff) = tables.get_mut(b"CFF ") {
        neutralise_font_dict_matrices(cff);
    }

    let cmap: BTreeMap<char, u16> = mapped
        .iter()
        .filter_map(|&(c, g)| Some((c, remapper.get(g)?)))
        .collect();
    tables.insert(*b"cmap", build_cmap(&cmap));
    if let Some(os2) = face.raw_face().table(ttf_parser::Tag::from_bytes(b"OS/2")) {
        let mut os2 = os2.to_vec();
        // usFirstCharIndex and usLastCharIndex, for the kept characters.
        if os2.len() >= 68 {
            let bmp = |c: char| (c as u32).min(0xFFFF) as u16;
            let first = cmap.keys().next().map_or(0, |&c| bmp(c));
            let last = cmap.keys().next_back().map_or(0, |&c| bmp(c));
            os2[64..66].copy_from_slice(&first.to_be_bytes());
            os2[66..68].copy_from_slice(&last.to_be_bytes());
        }
        tables.insert(*b"OS/2", os2);
    }
    let glyphs = glyphs
        .iter()
        .chain(mapped.iter().map(|(_, g)| g))
        .filter_map(|&g| Some((g, remapper.get(g)?)))
        .collect();
    Ok(Subset {
        bytes: assemble(&font[..4], tables),
        glyphs,
        cmap,
        packed: OnceLock::new(),
    })
}

/// The tables of an OpenType file, by tag.
fn read_tables(font: &[u8]) -> Option<BTreeMap<[u8; 4], Vec<u8>>> {
    let count = u16::from_be_bytes(font.get(4..6)?.try_into().ok()?) as usize;
    let mut tables = BTreeMap::new();
    for i in 0..count {
        let record = font.get(12 + 16 * i..28 + 16 * i)?;
        let tag: [u8; 4] = record[0..4].try_into().ok()?;
        let offset = u32::from_be_bytes(record[8..12].try_into().ok()?) as usize;
        let length = u32::from_be_bytes(record[12..16].try_into().ok()?) as usize;
        tables.insert(tag, font.get(offset..offset.checked_add(length)?)?.to_vec());
    }
    Some(tables)
}

/// Turns each `FontMatrix` in the CFF's Font DICTs into an ignored `XUID`
/// of the same length. `subsetter` writes the identity there (beside the top
/// DICT's 0.001 scale, which is valid CFF), but LibreOffice's conversion
/// multiplies wrongly and its PDFs then draw no glyphs.
fn neutralise_font_dict_matrices(cff: &mut [u8]) -> Option<()> {
    let header = *cff.get(2)? as usize;
    let (_, after_names) = index(cff, header)?;
    let (top, _) = index(cff, after_names)?;
    let top = top.first()?.clone();
    let fd_array = dict(cff.get(top.clone())?)
        .into_iter()
        .find(|(op, _, _)| *op == 0x0c24)
        .and_then(|(_, start, _)| operand(&cff[top.start + start..]))?;
    let (fonts, _) = index(cff, usize::try_from(fd_array).ok()?)?;
    for font in fonts {
        for (op, start, end) in dict(cff.get(font.clone())?) {
            if op == 0x0c07 {
                let span = &mut cff[font.start + start..font.start + end];
                let last = span.len() - 1;
                span[..last].fill(0x8b); // the integer 0
                span[last] = 14; // XUID
            }
        }
    }
    Some(())
}

/// The items of the CFF INDEX at `at`, and where it ends.
fn index(cff: &[u8], at: usize) -> Option<(Vec<std::ops::Range<usize>>, usize)> {
    let count = u16::from_be_bytes(cff.get(at..at + 2)?.try_into().ok()?) as usize;
    if count == 0 {
        return Some((Vec::new(), at + 2));
    }
    let size = *cff.get(at + 2)? as usize;
    let offset = |i: usize| -> Option<usize> {
        let bytes = cff.get(at + 3 + i * size..at + 3 + (i + 1) * size)?;
        Some(bytes.iter().fold(0usize, |v, &b| (v << 8) | b as usize))
    };
    let data = at + 3 + (count + 1) * size - 1;
    let items = (0..count)
        .map(|i| Some(data + offset(i)?..data + offset(i + 1)?))
        .collect::<Option<Vec<_>>>()?;
    let end = data + offset(count)?;
    Some((items, end))
}

/// The operators of a CFF DICT: (operator, start of its operands, end of
/// the operator), a two-byte operator as `0x0cNN`.
fn dict(data: &[u8]) -> Vec<(u16, usize, usize)> {
    let mut out = Vec::new();
    let (mut i, mut start) = (0, 0);
    while let Some(&b) = data.get(i) {
        match b {
            0..=21 => {
                let (op, len) = if b == 12 {
                    (0x0c00 | u16::from(*data.get(i + 1).unwrap_or(&0)), 2)
                } else {
                    (u16::from(b), 1)
                };
                i += len;
                out.push((op, start, i));
                start = i;
            }
            28 => i += 3,
            29 => i += 5,
            30 => {
                i += 1;
                while let Some(&n) = data.get(i) {
                    i += 1;
                    if n & 0x0f == 0x0f || n >> 4 == 0x0f {
                        break;
                    }
                }
            }
            32..=246 => i += 1,
            _ => i += 2,
        }
    }
    out
}

/// The first operand at the start of `data`, an integer.
fn operand(data: &[u8]) -> Option<i64> {
    let b = i64::from(*data.first()?);
    let at = |i: usize| data.get(i).map(|&v| i64::from(v));
    Some(match b {
        28 => ((at(1)? << 8) | at(2)?) as i16 as i64,
        29 => ((at(1)? << 24) | (at(2)? << 16) | (at(3)? << 8) | at(4)?) as i32 as i64,
        32..=246 => b - 139,
        247..=250 => (b - 247) * 256 + at(1)? + 108,
        251..=254 => -(b - 251) * 256 - at(1)? - 108,
        _ => return None,
    })
}

/// A `cmap` with a format 4 subtable (BMP, when it fits) and a format 12
/// subtable (everything), for Windows Unicode.
fn build_cmap(map: &BTreeMap<char, u16>) -> Vec<u8> {
    let mut subtables: Vec<(u16, u16, Vec<u8>)> = Vec::new();
    let bmp: Vec<(u16, u16)> = map
        .iter()
        .filter(|(c, _)| (**c as u32) < 0xFFFF)
        .map(|(&c, &g)| (c as u32 as u16, g))
        .collect();
    // One segment a character, and the closing 0xFFFF segment.
    let seg_count = bmp.len() + 1;
    if 16 + 8 * seg_count <= 0xFFFF {
        let mut t = Vec::new();
        let entry_selector = (seg_count as f64).log2().floor() as u16;
        let search_range = 2 * (1u16 << entry_selector);
        let push = |t: &mut Vec<u8>, v: u16| t.extend_from_slice(&v.to_be_bytes());
        push(&mut t, 4);
        push(&mut t, (16 + 8 * seg_count) as u16);
        push(&mut t, 0); // language
        push(&mut t, (2 * seg_count) as u16);
        push(&mut t, search_range);
        push(&mut t, entry_selector);
        push(&mut t, (2 * seg_count) as u16 - search_range);
        for &(c, _) in &bmp {
            push(&mut t, c); // end codes
        }
        push(&mut t, 0xFFFF);
        push(&mut t, 0); // reserved pad
        for &(c, _) in &bmp {
            push(&mut t, c); // start codes
        }
        push(&mut t, 0xFFFF);
        for &(c, g) in &bmp {
            push(&mut t, g.wrapping_sub(c)); // id deltas
        }
        push(&mut t, 1);
        for _ in 0..seg_count {
            push(&mut t, 0); // id range offsets
        }
        subtables.push((3, 1, t));
    }
    let mut t = Vec::new();
    t.extend_from_slice(&12u16.to_be_bytes());
    t.extend_from_slice(&0u16.to_be_bytes());
    t.extend_from_slice(&((16 + 12 * map.len()) as u32).to_be_bytes());
    t.extend_from_slice(&0u32.to_be_bytes()); // language
    t.extend_from_slice(&(map.len() as u32).to_be_bytes());
    for (&c, &g) in map {
        t.extend_from_slice(&(c as u32).to_be_bytes());
        t.extend_from_slice(&(c as u32).to_be_bytes());
        t.extend_from_slice(&u32::from(g).to_be_bytes());
    }
    subtables.push((3, 10, t));

    let mut out = Vec::new();
    out.extend_from_slice(&0u16.to_be_bytes());
    out.extend_from_slice(&(subtables.len() as u16).to_be_bytes());
    let mut offset = 4 + 8 * subtables.len();
    for (platform, encoding, t) in &subtables {
        out.extend_from_slice(&platform.to_be_bytes());
        out.extend_from_slice(&encoding.to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        offset += t.len();
    }
    for (_, _, t) in subtables {
        out.extend_from_slice(&t);
    }
    out
}

/// An OpenType file of `tables` (sorted by tag), with checksums and the
/// head table's checksum adjustment.
fn assemble(version: &[u8], mut tables: BTreeMap<[u8; 4], Vec<u8>>) -> Vec<u8> {
    if let Some(head) = tables.get_mut(b"head")
        && head.len() >= 12
    {
        head[8..12].fill(0);
    }
    let count = tables.len() as u16;
    let entry_selector = (f64::from(count)).log2().floor() as u16;
    let search_range = 16 * (1u16 << entry_selector);
    let mut out = Vec::new();
    out.extend_from_slice(version);
    for v in [
        count,
        search_range,
        entry_selector,
        count * 16 - search_range,
    ] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    let mut head_at = None;
    for (tag, data) in &tables {
        if tag == b"head" {
            head_at = Some(offset);
        }
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        offset += data.len().div_ceil(4) * 4;
    }
    for data in tables.values() {
        out.extend_from_slice(data);
        out.resize(out.len().div_ceil(4) * 4, 0);
    }
    if let Some(at) = head_at {
        let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[at + 8..at + 12].copy_from_slice(&adjustment.to_be_bytes());
    }
    out
}

/// The OpenType table checksum: the sum of its big-endian u32 words.
fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subset_through_earlier_outlines_is_the_subset_made_afresh() {
        let data = include_bytes!("../fonts/FandolFang-Regular.otf");
        let none = BTreeSet::new();
        let outlines = CharStringCache::new();
        let first: BTreeSet<char> = "简报第一期".chars().collect();
        subset(data, 0, &first, &none, Some(&outlines)).unwrap();
        // Glyphs kept from the first, in other places, and new ones.
        let second: BTreeSet<char> = "工作第二期简报".chars().collect();
        let cached = subset(data, 0, &second, &none, Some(&outlines)).unwrap();
        assert_eq!(
            cached.bytes,
            subset(data, 0, &second, &none, None).unwrap().bytes
        );
        assert_eq!(format!("{outlines:?}"), "CharStringCache(9 glyphs)");
    }

    #[test]
    fn a_subset_maps_its_characters_to_the_same_outlines() {
        let data = include_bytes!("../fonts/FandolFang-Regular.otf");
        let chars: BTreeSet<char> = "简报第期，A1".chars().collect();
        let sub = subset(data, 0, &chars, &BTreeSet::new(), None).unwrap();
        assert!(sub.bytes.len() < 40_000, "{} bytes", sub.bytes.len());
        let old = ttf_parser::Face::parse(data, 0).unwrap();
        let new = ttf_parser::Face::parse(&sub.bytes, 0).unwrap();
        assert_eq!(new.number_of_glyphs() as usize, chars.len() + 1);
        for c in chars {
            let (g0, g1) = (old.glyph_index(c).unwrap(), new.glyph_index(c).unwrap());
            assert_eq!(sub.cmap[&c], g1.0);
            assert_eq!(old.glyph_hor_advance(g0), new.glyph_hor_advance(g1), "{c}");
            assert_eq!(
                old.glyph_bounding_box(g0),
                new.glyph_bounding_box(g1),
                "{c}"
            );
        }
        assert!(new.tables().os2.is_some() && new.tables().name.is_some());
        assert_eq!(
            new.names()
                .into_iter()
                .find(|n| n.name_id == ttf_parser::name_id::FAMILY && n.is_unicode())
                .and_then(|n| n.to_string()),
            old.names()
                .into_iter()
                .find(|n| n.name_id == ttf_parser::name_id::FAMILY && n.is_unicode())
                .and_then(|n| n.to_string()),
        );
        // Whole-font checksum.
        assert_eq!(checksum(&sub.bytes), 0xB1B0_AFBA);
    }
}
