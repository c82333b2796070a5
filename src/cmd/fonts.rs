//! `jianbao fonts`: the face chosen for each typeface role, and from where.

use std::io::{self, Write};

use jianbao::typeset::fonts::{Fonts, Origin};

use super::{Reporter, Result};
use crate::cli::FontArgs;

/// Runs `jianbao fonts`: one line a role, tab-separated: the role, the family
/// chosen, the file its regular face comes from, and `then:` the families
/// that stand in for it (left out when there are none).
pub fn run(args: &FontArgs, reporter: &Reporter) -> Result {
    let (fonts, warnings) = Fonts::load(&args.fonts.paths);
    reporter.report(&warnings);
    let mut out = io::stdout().lock();
    for (role, family, origin) in fonts.report() {
        let origin = match origin {
            Origin::Shipped(file) => format!("shipped ({file})"),
            Origin::File(path) => path.display().to_string(),
        };
        // The families Typst turns to for a character the chosen one lacks;
        // a role whose face is the fallback itself has none.
        let fallbacks = match fonts.roles().get(role).as_slice() {
            [_, rest @ ..] if !rest.is_empty() => format!("\tthen: {}", rest.join(", ")),
            _ => String::new(),
        };
        let line = format!("{}\t{family}\t{origin}{fallbacks}\n", role.chinese());
        if out.write_all(line.as_bytes()).is_err() {
            break;
        }
    }
    Ok(())
}
