//! `w:sym`: a character Word takes from a symbol font by its code in that
//! font (Symbol, Wingdings), written `F0xx` in the private-use area. The
//! common ones map to the Unicode character they show; the others are
//! reported by the caller.

/// The Unicode character symbol font `font` shows for `code` (hex, `F0FC`
/// or `FC`), if it is one of those known here.
pub(super) fn unicode(font: &str, code: &str) -> Option<char> {
    let code = u32::from_str_radix(code, 16).ok()?;
    // F0xx is the font's byte xx; a plain code below 0x100 is the byte too.
    let byte = match code {
        0xF000..=0xF0FF => (code - 0xF000) as u8,
        0..=0xFF => code as u8,
        // A real Unicode character, written as a symbol.
        _ => return char::from_u32(code).filter(|c| !is_private(*c)),
    };
    let font = font.trim().to_ascii_lowercase();
    let table: &[(u8, char)] = match font.as_str() {
        "symbol" => SYMBOL,
        "wingdings" => WINGDINGS,
        _ => return None,
    };
    if font == "symbol" {
        // Symbol keeps ASCII digits and most punctuation where ASCII has them.
        if let Some(&(_, c)) = table.iter().find(|(b, _)| *b == byte) {
            return Some(c);
        }
        return (byte.is_ascii_digit() || b" !#%&()+,./:;<=>?[]_{|}".contains(&byte))
            .then_some(byte as char);
    }
    table.iter().find(|(b, _)| *b == byte).map(|&(_, c)| c)
}

fn is_private(c: char) -> bool {
    ('\u{E000}'..='\u{F8FF}').contains(&c)
}

/// Symbol: Greek and the signs of mathematics (Adobe's Symbol encoding).
const SYMBOL: &[(u8, char)] = &[
    (0x22, '∀'),
    (0x24, '∃'),
    (0x27, '∋'),
    (0x2A, '∗'),
    (0x2D, '−'),
    (0x40, '≅'),
    (0x41, 'Α'),
    (0x42, 'Β'),
    (0x43, 'Χ'),
    (0x44, 'Δ'),
    (0x45, 'Ε'),
    (0x46, 'Φ'),
    (0x47, 'Γ'),
    (0x48, 'Η'),
    (0x49, 'Ι'),
    (0x4B, 'Κ'),
    (0x4C, 'Λ'),
    (0x4D, 'Μ'),
    (0x4E, 'Ν'),
    (0x4F, 'Ο'),
    (0x50, 'Π'),
    (0x51, 'Θ'),
    (0x52, 'Ρ'),
    (0x53, 'Σ'),
    (0x54, 'Τ'),
    (0x55, 'Υ'),
    (0x57, 'Ω'),
    (0x58, 'Ξ'),
    (0x59, 'Ψ'),
    (0x5A, 'Ζ'),
    (0x5C, '∴'),
    (0x5E, '⊥'),
    (0x61, 'α'),
    (0x62, 'β'),
    (0x63, 'χ'),
    (0x64, 'δ'),
    (0x65, 'ε'),
    (0x66, 'φ'),
    (0x67, 'γ'),
    (0x68, 'η'),
    (0x69, 'ι'),
    (0x6B, 'κ'),
    (0x6C, 'λ'),
    (0x6D, 'μ'),
    (0x6E, 'ν'),
    (0x6F, 'ο'),
    (0x70, 'π'),
    (0x71, 'θ'),
    (0x72, 'ρ'),
    (0x73, 'σ'),
    (0x74, 'τ'),
    (0x75, 'υ'),
    (0x77, 'ω'),
    (0x78, 'ξ'),
    (0x79, 'ψ'),
    (0x7A, 'ζ'),
    (0x7E, '∼'),
    (0xA2, '′'),
    (0xA3, '≤'),
    (0xA5, '∞'),
    (0xA7, '♣'),
    (0xA8, '♦'),
    (0xA9, '♥'),
    (0xAA, '♠'),
    (0xAB, '↔'),
    (0xAC, '←'),
    (0xAD, '↑'),
    (0xAE, '→'),
    (0xAF, '↓'),
    (0xB0, '°'),
    (0xB1, '±'),
    (0xB2, '″'),
    (0xB3, '≥'),
    (0xB4, '×'),
    (0xB5, '∝'),
    (0xB6, '∂'),
    (0xB7, '•'),
    (0xB8, '÷'),
    (0xB9, '≠'),
    (0xBA, '≡'),
    (0xBB, '≈'),
    (0xBC, '…'),
    (0xC4, '⊗'),
    (0xC5, '⊕'),
    (0xC6, '∅'),
    (0xC7, '∩'),
    (0xC8, '∪'),
    (0xCE, '∈'),
    (0xCF, '∉'),
    (0xD0, '∠'),
    (0xD1, '∇'),
    (0xD2, '®'),
    (0xD3, '©'),
    (0xD4, '™'),
    (0xD6, '√'),
    (0xD7, '⋅'),
    (0xD8, '¬'),
    (0xD9, '∧'),
    (0xDA, '∨'),
    (0xDB, '⇔'),
    (0xDC, '⇐'),
    (0xDE, '⇒'),
    (0xE5, '∑'),
    (0xF2, '∫'),
];

/// Wingdings: the bullets, boxes, numbers, stars, arrows and ticks that
/// offices use; pictures with no Unicode character are left out.
const WINGDINGS: &[(u8, char)] = &[
    (0x21, '✏'),
    (0x22, '✂'),
    (0x28, '☎'),
    (0x2A, '✉'),
    (0x3F, '✍'),
    (0x41, '✌'),
    (0x45, '☜'),
    (0x46, '☞'),
    (0x47, '☝'),
    (0x48, '☟'),
    (0x4A, '☺'),
    (0x4C, '☹'),
    (0x51, '✈'),
    (0x52, '☼'),
    (0x54, '❄'),
    (0x6C, '●'),
    (0x6D, '❍'),
    (0x6E, '■'),
    (0x6F, '□'),
    (0x71, '❑'),
    (0x72, '❒'),
    (0x73, '⬧'),
    (0x74, '⧫'),
    (0x75, '◆'),
    (0x76, '❖'),
    (0x77, '⬥'),
    (0x78, '⌧'),
    (0x7B, '❀'),
    (0x7C, '✿'),
    (0x7D, '❝'),
    (0x7E, '❞'),
    (0x80, '⓪'),
    (0x81, '①'),
    (0x82, '②'),
    (0x83, '③'),
    (0x84, '④'),
    (0x85, '⑤'),
    (0x86, '⑥'),
    (0x87, '⑦'),
    (0x88, '⑧'),
    (0x89, '⑨'),
    (0x8A, '⑩'),
    (0x8B, '⓿'),
    (0x8C, '❶'),
    (0x8D, '❷'),
    (0x8E, '❸'),
    (0x8F, '❹'),
    (0x90, '❺'),
    (0x91, '❻'),
    (0x92, '❼'),
    (0x93, '❽'),
    (0x94, '❾'),
    (0x95, '❿'),
    (0x9E, '·'),
    (0x9F, '•'),
    (0xA0, '▪'),
    (0xA1, '○'),
    (0xA4, '◉'),
    (0xA5, '◎'),
    (0xA7, '▪'),
    (0xA8, '◻'),
    (0xAA, '✦'),
    (0xAB, '★'),
    (0xAC, '✶'),
    (0xAD, '✴'),
    (0xAE, '✹'),
    (0xAF, '✵'),
    (0xB5, '✪'),
    (0xB6, '✰'),
    (0xD8, '➢'),
    (0xDC, '➲'),
    (0xE8, '➔'),
    (0xEF, '⇦'),
    (0xF0, '⇨'),
    (0xF1, '⇧'),
    (0xF2, '⇩'),
    (0xF3, '⬄'),
    (0xF4, '⇳'),
    (0xF9, '▭'),
    (0xFA, '▫'),
    (0xFB, '✗'),
    (0xFC, '✓'),
    (0xFD, '☒'),
    (0xFE, '☑'),
];

#[cfg(test)]
mod tests {
    use super::unicode;

    #[test]
    fn symbol_fonts_map_their_common_characters() {
        assert_eq!(unicode("Wingdings", "F0FC"), Some('✓'));
        assert_eq!(unicode("wingdings", "F06C"), Some('●'));
        assert_eq!(unicode("Wingdings", "F081"), Some('①'));
        assert_eq!(unicode("Symbol", "F061"), Some('α'));
        assert_eq!(unicode("Symbol", "F0B4"), Some('×'));
        assert_eq!(unicode("Symbol", "F031"), Some('1'));
        assert_eq!(unicode("Wingdings", "F0FF"), None);
        assert_eq!(unicode("Webdings", "F021"), None);
        assert_eq!(unicode("宋体", "2605"), Some('★'));
        assert_eq!(unicode("Wingdings", "zz"), None);
    }
}
