//! `jianbao fonts`: the face chosen for each typeface role, and from where.

use std::io::{self, Write};

use jianbao::typeset::fonts::{Fonts, Origin};

use super::{Reporter, Result};
use crate::cli::FontArgs;

/// Runs `jianbao fonts`: one line a role, tab-separated.
pub fn run(args: &FontArgs, reporter: &Reporter) -> Result {
    let (fonts, warnings) = Fonts::load(&args.fonts.paths);
    reporter.report(&warnings);
    let mut out = io::stdout().lock();
    for (role, family, origin) in fonts.report() {
        let origin = match origin {
            Origin::Shipped(file) => format!("shipped ({file})"),
            Origin::File(path) => path.display().to_string(),
        };
        let fallbacks = fonts.roles().get(role)[1..].join(", ");
        let line = format!(
            "{}\t{family}\t{origin}\tthen: {fallbacks}\n",
            role.chinese()
        );
        if out.write_all(line.as_bytes()).is_err() {
            break;
        }
    }
    Ok(())
}
