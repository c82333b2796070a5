//! What the XML writers (DOCX, OFD) share: escaping, the declaration, W3C
//! dates.

/// The XML declaration every part begins with.
pub const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// Escapes `text` for XML character data and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// `2024-09-20T00:00:00Z` from seconds since 1970.
pub fn w3c_date(seconds: i64) -> String {
    let [y, mo, d, h, mi, s] = crate::model::utc(seconds);
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(escape("<w:t>&\"'"), "&lt;w:t&gt;&amp;&quot;&apos;");
    }

    #[test]
    fn dates_are_w3c() {
        assert_eq!(w3c_date(0), "1970-01-01T00:00:00Z");
        assert_eq!(w3c_date(1_726_790_400), "2024-09-20T00:00:00Z");
    }
}
