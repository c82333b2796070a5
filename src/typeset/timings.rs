//! `--timings`: where the time of a build goes, recorded as a Chrome trace
//! (the format of `typst compile --timings`; open it in `chrome://tracing`
//! or <https://ui.perfetto.dev>). jianbao's own steps are named
//! `jianbao: …`; the rest are Typst's (evaluation, layout, PDF export).

use std::num::NonZeroU64;
use std::path::PathBuf;

use typst::World;
use typst::WorldExt;
use typst::foundations::Datetime;
use typst::syntax::Span;

use super::Environment;
use super::world::IssueWorld;

/// Starts recording (for the rest of the process).
pub fn enable() {
    typst_timing::enable();
}

/// What was recorded so far, as the trace's JSON; template locations are
/// named as in diagnostics, with their lines (a build that typeset nothing,
/// `env` being `None`, has none).
pub fn export(env: Option<&Environment>) -> Result<Vec<u8>, String> {
    let today = Datetime::from_ymd(1970, 1, 1).expect("a valid date");
    let world = env.map(|env| {
        IssueWorld::new(
            env,
            Default::default(),
            PathBuf::new(),
            Vec::new(),
            Vec::new(),
            today,
        )
    });
    let mut json = Vec::new();
    typst_timing::export_json(&mut json, |raw: NonZeroU64| {
        let span = Span::from_raw(raw);
        let (Some(id), Some(world)) = (span.id(), &world) else {
            return (String::new(), 0);
        };
        let line = world
            .range(span)
            .zip(world.source(id).ok())
            .and_then(|(range, source)| source.lines().byte_to_line(range.start))
            .map_or(0, |line| line as u32 + 1);
        (world.name(id), line)
    })?;
    Ok(json)
}
