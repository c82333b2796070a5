//! The obfuscation of embedded fonts (ECMA-376 Part 2 §17.8.1): each
//! font's key and its bytes as Word stores them.

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
