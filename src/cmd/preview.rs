//! `jianbao preview`: the pages in the browser beside its source,
//! rebuilt on every save (from the page or any other editor), until Ctrl+C
//! or the console window is closed. The session and the server are in
//! [`jianbao::preview`].

use std::io::Write as _;
use std::sync::Arc;
use std::sync::mpsc::channel;

use jianbao::diag::{Diagnostic, io_reason};
use jianbao::messages::{Lang, localise, to_chinese};
use jianbao::preview::{Session, server};
use jianbao::typeset::fonts::Fonts;
use jianbao::typeset::{Environment, TemplateSource};
use jianbao::watch::Watcher;

use super::{Failed, Reporter, Result};
use crate::cli::PreviewArgs;

/// What the console says while the preview runs.
const CLOSING: &str = "closing this window (or Ctrl+C) ends the preview";

/// Runs `jianbao preview` until it is stopped.
pub fn run(args: &PreviewArgs, reporter: &Reporter) -> Result {
    let name = args.input.display().to_string();
    if !args.input.is_file() {
        return Err(Failed::trouble(
            Diagnostic::error(
                Some(&name),
                "the issue file is not a file or does not exist",
            )
            .hint("name the issue's YAML file"),
        ));
    }
    let template = TemplateSource::from_arg(args.template.as_deref()).map_err(Failed::trouble)?;
    let (fonts, warnings) = Fonts::load(&args.fonts.paths);
    reporter.report(&warnings);
    let session = Arc::new(Session::new(
        Environment::new(fonts, template),
        args.input.clone(),
    ));

    // Stop cleanly on Ctrl+C (and a closed console, SIGTERM, SIGHUP).
    let (stop, stopped) = channel();
    if let Err(err) = ctrlc::set_handler(move || {
        let _ = stop.send(());
    }) {
        reporter.report(&[Diagnostic::warning(
            None,
            format!("failed to catch Ctrl+C ({err})"),
        )]);
    }

    let mut watcher = Watcher::new().map_err(|e| watch_failed(&e))?;
    watcher
        .update(session.dependencies())
        .map_err(|e| watch_failed(&e))?;
    session.rebuild();
    let preview = server::start(session.clone(), args.port).map_err(|err| {
        Failed::trouble(Diagnostic::error(
            None,
            format!(
                "failed to listen on 127.0.0.1:{} ({})",
                args.port,
                io_reason(&err)
            ),
        ))
    })?;
    // The first line of standard output is the address, for scripts.
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", preview.url).and_then(|()| out.flush());
    drop(out);
    reporter.status(&localise(&format!("previewing {name} at {}", preview.url)));
    // Said in Chinese whatever the language: the window an issue opened
    // with jianbao.exe shows it to an editor who may read nothing else.
    reporter.status(&to_chinese(CLOSING));
    if jianbao::messages::current() != Lang::Zh {
        reporter.status(CLOSING);
    }
    if !args.no_open {
        super::open(preview.url.as_ref(), reporter);
    }

    {
        let session = session.clone();
        std::thread::spawn(move || {
            loop {
                // An event error (an overflowing queue when many files land
                // at once) is no reason to stop: watch again and rebuild.
                if let Err(err) = watcher.wait()
                    && matches!(&err.kind, notify::ErrorKind::Generic(why) if why == "the watcher stopped")
                {
                    return;
                }
                let _ = watcher.update(session.dependencies());
                let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    session.rebuild();
                }));
                // A photo the new source names is watched from now on.
                let _ = watcher.update(session.dependencies());
            }
        });
    }

    let _ = stopped.recv();
    // No save is cut off halfway: wait for one under way, then end.
    let _writing = session.writing.lock();
    reporter.status(&localise("the preview has ended"));
    Ok(())
}

fn watch_failed(err: &notify::Error) -> Failed {
    Failed::trouble(Diagnostic::error(
        None,
        format!("failed to watch files ({err})"),
    ))
}
