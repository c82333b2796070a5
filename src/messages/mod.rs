//! The language of messages: English, or Chinese when the locale is Chinese
//! (`LC_ALL`, `LC_MESSAGES` or `LANG` starting with `zh`) or `--lang zh`.
//!
//! Every message jianbao writes about a user's input is listed here, the
//! English template beside its Chinese wording; `{}` marks a value (filled
//! in order; `{0}`, `{1}` in the Chinese pick a value by position). A value
//! is itself translated when it is a listed message (an I/O reason, the
//! reason a date is impossible). To find or fix a wording, look here; a test
//! checks that every English template is one the code still writes.
//!
//! Human diagnostics are translated; `--diagnostics json` stays English, a
//! stable interface for scripts.

use std::sync::OnceLock;

/// A language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// English.
    En,
    /// Simplified Chinese.
    Zh,
}

static LANG: OnceLock<Lang> = OnceLock::new();

/// Sets the language for the rest of the process (the first call wins).
pub fn set(lang: Lang) {
    let _ = LANG.set(lang);
}

/// The language in use: as set, else from the locale.
pub fn current() -> Lang {
    *LANG.get_or_init(from_locale)
}

/// Chinese when the first set locale variable names a Chinese locale.
pub fn from_locale() -> Lang {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty())
        .unwrap_or_default();
    if locale.to_ascii_lowercase().starts_with("zh") {
        Lang::Zh
    } else {
        Lang::En
    }
}

/// Whether a locale variable (`LC_ALL`, `LC_MESSAGES`, `LANG`) is set.
pub fn locale_set() -> bool {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|v| !v.is_empty()))
}

/// `text` in the current language.
pub fn localise(text: &str) -> String {
    match current() {
        Lang::En => text.to_string(),
        Lang::Zh => to_chinese(text),
    }
}

/// `text` in Chinese: the first listed template it matches, with its values
/// translated too; unlisted text stays as it is.
pub fn to_chinese(text: &str) -> String {
    for (english, chinese) in entries() {
        if let Some(values) = capture(english, text) {
            let values: Vec<String> = values.iter().map(|v| to_chinese(v)).collect();
            return fill(chinese, &values);
        }
    }
    text.to_string()
}

/// The values of `text` at the `{}` of `template`, if it matches.
fn capture<'a>(template: &str, text: &'a str) -> Option<Vec<&'a str>> {
    let parts: Vec<&str> = template.split("{}").collect();
    let mut rest = text.strip_prefix(parts[0])?;
    if parts.len() == 1 {
        return rest.is_empty().then(Vec::new);
    }
    let mut values = Vec::new();
    for (i, part) in parts[1..].iter().enumerate() {
        if i == parts.len() - 2 {
            values.push(rest.strip_suffix(part)?);
        } else {
            let at = rest.find(part)?;
            values.push(&rest[..at]);
            rest = &rest[at + part.len()..];
        }
    }
    Some(values)
}

/// `template` with `{}` (in order) or `{N}` (by position) replaced by `values`.
fn fill(template: &str, values: &[String]) -> String {
    let mut out = String::new();
    let mut next = 0;
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if after[..close].chars().all(|c| c.is_ascii_digit()) => {
                let index = if close == 0 {
                    next += 1;
                    next - 1
                } else {
                    after[..close].parse().unwrap_or(0)
                };
                out.push_str(values.get(index).map_or("", String::as_str));
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

mod commands;
mod table;

pub use table::TABLE;

/// Every entry of [`TABLE`], in order.
pub fn entries() -> impl Iterator<Item = &'static (&'static str, &'static str)> {
    TABLE.iter().flat_map(|part| part.iter())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_match_with_their_values_and_translate_them_too() {
        assert_eq!(to_chinese("unknown key `titel`"), "未知的键 `titel`");
        assert_eq!(
            to_chinese(
                "impossible date: 2023-02 has no day 30 (it has 28 days); write it as YYYY-MM-DD, e.g. 2023-07-21"
            ),
            "日期不存在：2023 年 02 月没有 30 日（这个月只有 28 天）；请写成 YYYY-MM-DD，例如 2023-07-21"
        );
        assert_eq!(
            to_chinese("failed to read the issue file (not found)"),
            "无法读取该期文件（找不到）"
        );
        assert_eq!(
            to_chinese("add `name: 某某工作简报` to the issue file or to series.yaml"),
            "请在该期文件或 series.yaml 中加上 `name: 某某工作简报`"
        );
        assert_eq!(to_chinese("something unlisted"), "something unlisted");
    }

    /// The sources that write messages: every `.rs` file under `src/` but
    /// this folder's (the table would match itself), read when the test runs,
    /// so a file added is a file checked. Named relative to `src/`.
    fn sources() -> Vec<(String, String)> {
        fn walk(dir: &std::path::Path, prefix: &str, out: &mut Vec<(String, String)>) {
            let entries =
                std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
            for entry in entries {
                let path = entry
                    .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
                    .path();
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                let rel = format!("{prefix}{name}");
                if path.is_dir() {
                    if rel != "messages" {
                        walk(&path, &format!("{rel}/"), out);
                    }
                } else if rel.ends_with(".rs") {
                    let text = std::fs::read_to_string(&path)
                        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                    out.push((rel, text));
                }
            }
        }
        let mut found = Vec::new();
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        walk(&src, "", &mut found);
        found.sort();
        assert!(
            found.iter().any(|(name, _)| name == "lib.rs"),
            "{} holds no lib.rs",
            src.display()
        );
        found
    }

    /// Every English template is still written somewhere in the code: the
    /// longest literal piece of each occurs in the sources.
    #[test]
    fn every_template_is_one_the_code_writes() {
        let sources: String = sources().into_iter().map(|(_, text)| text).collect();
        for (english, _) in entries() {
            let piece = english
                .split("{}")
                .max_by_key(|p| p.len())
                .unwrap_or(english);
            let piece = piece.trim_matches(|c: char| !c.is_alphanumeric());
            assert!(
                sources.contains(piece),
                "`{english}` is no longer written anywhere"
            );
        }
    }

    /// The other direction: every message the code writes is listed. The
    /// messages are the string literals handed to `Diagnostic::error`,
    /// `Diagnostic::warning`, `.hint` and `localise` (directly or through
    /// `format!`); `{name}` placeholders count as `{}`.
    #[test]
    fn every_message_the_code_writes_is_listed() {
        let listed: Vec<String> = entries().map(|(e, _)| placeholders(e)).collect();
        let mut unlisted = Vec::new();
        for (file, text) in sources() {
            // Unit tests write messages of their own.
            let code = text.split("#[cfg(test)]").next().unwrap_or(&text);
            for literal in message_literals(code) {
                let template = placeholders(&literal);
                // Messages that are only a value, or values joined by punctuation.
                let bare = template.chars().all(|c| !c.is_alphabetic() || c == '{');
                if !bare && !listed.contains(&template) && to_chinese(&literal) == literal {
                    unlisted.push(format!("{file}: {literal}"));
                }
            }
        }
        assert!(
            unlisted.is_empty(),
            "messages without a Chinese wording in TABLE:\n{}",
            unlisted.join("\n")
        );
    }

    /// `{name}`, `{:.1}`, `{0}` → `{}`.
    fn placeholders(text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            match rest[open..].find('}') {
                Some(close) => {
                    out.push_str("{}");
                    rest = &rest[open + close + 1..];
                }
                None => {
                    rest = &rest[open..];
                    break;
                }
            }
        }
        out + rest
    }

    /// The message literals of a Rust source (see the test above).
    fn message_literals(source: &str) -> Vec<String> {
        let mut found = Vec::new();
        for call in [
            "Diagnostic::error(",
            "Diagnostic::warning(",
            ".hint(",
            "localise(",
        ] {
            for (at, _) in source.match_indices(call) {
                let mut rest = source[at + call.len()..].trim_start();
                // The file argument of error/warning: `None,` or `Some(…),`.
                if call.starts_with("Diagnostic") {
                    let mut depth = 0usize;
                    let comma = rest.char_indices().find(|&(_, c)| {
                        match c {
                            '(' => depth += 1,
                            ')' => depth = depth.saturating_sub(1),
                            _ => {}
                        }
                        c == ',' && depth == 0
                    });
                    if let Some((comma, _)) = comma {
                        rest = rest[comma + 1..].trim_start();
                    }
                }
                rest = rest.trim_start_matches('&').trim_start();
                if let Some(after) = rest.strip_prefix("format!(") {
                    rest = after.trim_start();
                }
                if let Some(literal) = string_literal(rest) {
                    found.push(literal);
                }
            }
        }
        found
    }

    /// The string literal `text` starts with, escapes resolved (`\"`, `\n`).
    fn string_literal(text: &str) -> Option<String> {
        let mut chars = text.strip_prefix('"')?.chars();
        let mut out = String::new();
        while let Some(c) = chars.next() {
            match c {
                '"' => return Some(out),
                '\\' => match chars.next()? {
                    'n' => out.push('\n'),
                    '\n' => {
                        // A continued line: the next line's leading spaces go.
                        let rest: String = chars.clone().collect();
                        let skipped = rest.len() - rest.trim_start().len();
                        for _ in 0..rest[..skipped].chars().count() {
                            chars.next();
                        }
                    }
                    other => out.push(other),
                },
                c => out.push(c),
            }
        }
        None
    }
}
