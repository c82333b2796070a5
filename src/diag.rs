//! Diagnostics: what went wrong with a user's input, where, and what to do.
//!
//! Every reader and the typesetter report problems as [`Diagnostic`]s; the CLI
//! renders them (`file:line:col`, the offending line with a caret, hints) or
//! prints them as JSON lines. Nothing here touches the file system.

use std::fmt::{self, Write as _};
use std::io;

use serde::Serialize;
use unicode_width::UnicodeWidthChar;

use crate::messages::localise;

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The output cannot be made.
    Error,
    /// The output is made but something is off (`--strict` makes it an error).
    Warning,
}

/// A place in a source file: 1-based line and column (in characters).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// The text of that line, for the caret display.
    #[serde(skip)]
    pub text: String,
}

impl Position {
    /// The position of `line`:`column` in `source`, with the line's text.
    pub fn in_source(source: &str, line: usize, column: usize) -> Position {
        let text = source
            .trim_start_matches('\u{FEFF}')
            .lines()
            .nth(line.saturating_sub(1))
            .unwrap_or("")
            .to_string();
        Position {
            line,
            column: column.max(1),
            text,
        }
    }

    /// The position of the byte offset `offset` in `source`.
    pub fn at_offset(source: &str, offset: usize) -> Position {
        let before = &source[..offset.min(source.len())];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = source[line_start..offset.min(source.len())].chars().count() + 1;
        Position::in_source(source, line, column)
    }
}

/// One problem with the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file as the user named it (`-` for standard input), if any.
    pub file: Option<String>,
    /// Where in the file, if known.
    #[serde(flatten)]
    pub position: Option<Position>,
    /// What is wrong, lowercase, one sentence.
    pub message: String,
    /// What to do about it.
    pub hints: Vec<String>,
}

impl Diagnostic {
    /// An error about `file` with no position.
    pub fn error(file: Option<&str>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            file: file.map(String::from),
            position: None,
            message: message.into(),
            hints: Vec::new(),
        }
    }

    /// A warning about `file` with no position.
    pub fn warning(file: Option<&str>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, message)
        }
    }

    /// The same diagnostic at `position`.
    pub fn at(mut self, position: Position) -> Diagnostic {
        self.position = Some(position);
        self
    }

    /// The same diagnostic with a hint added.
    pub fn hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hints.push(hint.into());
        self
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The human form:
    ///
    /// ```text
    /// error: unknown key `titel`
    ///   --> issue.yaml:12:7
    ///    |
    /// 12 |       titel: 某市
    ///    |       ^
    ///    = hint: did you mean `title`?
    /// ```
    pub fn render(&self) -> String {
        self.render_coloured(false)
    }

    /// [`render`](Self::render), with ANSI colours when `colour` is set, in
    /// the language of [`crate::messages`].
    pub fn render_coloured(&self, colour: bool) -> String {
        let paint = |code: &str, text: &str| {
            if colour {
                format!("\x1b[{code}m{text}\x1b[0m")
            } else {
                text.to_string()
            }
        };
        let mut out = String::new();
        let label = match self.severity {
            Severity::Error => paint("1;31", &localise("error")),
            Severity::Warning => paint("1;33", &localise("warning")),
        };
        let colon = if crate::messages::current() == crate::messages::Lang::Zh {
            "："
        } else {
            ": "
        };
        let _ = writeln!(out, "{label}{colon}{}", localise(&self.message));
        let gutter = self
            .position
            .as_ref()
            .map_or(1, |p| p.line.to_string().len());
        let pad = " ".repeat(gutter);
        let arrow = paint("1;34", "-->");
        match (&self.file, &self.position) {
            (Some(file), Some(p)) => {
                let _ = writeln!(out, "{pad}{arrow} {file}:{}:{}", p.line, p.column);
            }
            (Some(file), None) => {
                let _ = writeln!(out, "{pad}{arrow} {file}");
            }
            _ => {}
        }
        if let Some(p) = &self.position
            && !p.text.is_empty()
        {
            let shown = p.text.replace('\t', " ");
            let caret: usize = p
                .text
                .chars()
                .take(p.column - 1)
                .map(|c| if c == '\t' { 1 } else { c.width().unwrap_or(0) })
                .sum();
            let bar = paint("1;34", "|");
            let _ = writeln!(out, "{pad} {bar}");
            let _ = writeln!(
                out,
                "{} {bar} {}",
                paint("1;34", &p.line.to_string()),
                shown.trim_end()
            );
            let _ = writeln!(
                out,
                "{pad} {bar} {}{}",
                " ".repeat(caret),
                paint("1;31", "^")
            );
        }
        for hint in &self.hints {
            let _ = writeln!(
                out,
                "{pad} = {}{colon}{}",
                paint("1", &localise("hint")),
                localise(hint)
            );
        }
        out
    }

    /// One JSON object on one line (the `--diagnostics json` form).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.render())
    }
}

/// One or more diagnostics, at least one of them an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure(pub Vec<Diagnostic>);

impl From<Diagnostic> for Failure {
    fn from(diagnostic: Diagnostic) -> Failure {
        Failure(vec![diagnostic])
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        for diagnostic in &self.0 {
            f.write_str(&diagnostic.render())?;
        }
        Ok(())
    }
}

impl std::error::Error for Failure {}

/// `--strict`: these warnings as errors. Ok when there are none.
pub fn strict(warnings: Vec<Diagnostic>) -> Result<(), Failure> {
    if warnings.is_empty() {
        return Ok(());
    }
    Err(Failure(
        warnings
            .into_iter()
            .map(|w| Diagnostic {
                severity: Severity::Error,
                ..w
            })
            .collect(),
    ))
}

/// How a run ended: the process's exit code (README, "Exit codes").
/// Ordered from best to worst, so a run of many parts reports the worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Exit {
    /// 0: everything was made.
    #[default]
    Success,
    /// 1: an issue has errors (or warnings under `--strict`).
    Invalid,
    /// 2: a usage error, or a file that cannot be read or written.
    Trouble,
}

impl Exit {
    /// The process exit code.
    pub fn code(self) -> u8 {
        match self {
            Exit::Success => 0,
            Exit::Invalid => 1,
            Exit::Trouble => 2,
        }
    }
}

/// An I/O error's reason in lowercase, as messages quote it:
/// `failed to write PDF file (permission denied)`.
pub fn io_reason(err: &io::Error) -> String {
    let text = match err.kind() {
        io::ErrorKind::NotFound => "not found".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => err.to_string(),
    };
    let text = text.split(" (os error").next().unwrap_or(&text).to_string();
    match text.get(..1) {
        Some(first) => first.to_lowercase() + &text[1..],
        None => text,
    }
}

/// The known word closest to `word`, if it is close enough to be a typo.
pub fn did_you_mean<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(word, k), *k))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_sits_under_the_column_counting_wide_characters() {
        let source = "a: 1\ntitle：标题 x\n";
        let d = Diagnostic::error(Some("x.yaml"), "bad").at(Position::in_source(source, 2, 9));
        let text = d.render();
        assert!(text.contains("--> x.yaml:2:9"), "{text}");
        // Column 9 is the space after `title：标题`, which is 5 + 2 + 4 = 11 display columns wide.
        assert!(
            text.contains(&format!("  | {}^\n", " ".repeat(11))),
            "{text}"
        );
    }

    #[test]
    fn typos_find_their_key() {
        assert_eq!(
            did_you_mean("titel", &["title", "subtitle", "body"]),
            Some("title")
        );
        assert_eq!(did_you_mean("zzz", &["title", "body"]), None);
    }
}
