//! The preview over HTTP, on 127.0.0.1 only, for one browser on this PC.
//!
//! The rules, checked on every request before anything else:
//! - the Host header is `127.0.0.1:PORT` or `localhost:PORT` (a page from
//!   elsewhere cannot reach us through a rebound DNS name);
//! - the request carries the run's token: `?token=` (the address printed),
//!   the HttpOnly, SameSite=Strict cookie the first page load sets, or the
//!   `X-Jianbao-Token` header the page's script sends;
//! - a write is a POST with the token in its `X-Jianbao-Token` header and an
//!   Origin of this server;
//! - only fixed routes are served: the page, its script and style, the
//!   update stream, the source, the current pages by hash, a click's
//!   source line and the exports. No part of a request names a file.
//!
//! Every response carries a Content-Security-Policy that allows nothing
//! but this server (and the `data:` photos inside the pages' SVG).

use std::io::{self, Read, Write};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use serde_json::json;
use tiny_http::{Method, Request};

use super::{SaveError, Session};
use crate::diag::Diagnostic;
use crate::format::faces::Role;
use crate::messages::localise;
use crate::render::Format;

const PAGE: &str = include_str!("page.html");
const SCRIPT: &str = include_str!("app.js");
const STYLE: &str = include_str!("app.css");

/// The policy of the page: scripts, styles, pictures and requests from
/// this server only.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
/// The policy of a page's SVG opened on its own.
const SVG_CSP: &str = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

/// The largest request body read: a save or a dropped article.
const MAX_BODY: u64 = 64 << 20;

/// Handler threads; an update stream has a thread of its own.
const WORKERS: usize = 4;

/// A running preview server.
pub struct Preview {
    /// The address to open, with the token: `http://127.0.0.1:PORT/?token=…`.
    pub url: String,
    /// The port it listens on.
    pub port: u16,
}

struct Context {
    session: Arc<Session>,
    port: u16,
    token: String,
}

/// Starts serving `session` on 127.0.0.1:`port` (0: any free port) with a
/// fresh token from the system's random source.
pub fn start(session: Arc<Session>, port: u16) -> io::Result<Preview> {
    let http = tiny_http::Server::http(SocketAddr::from(([127, 0, 0, 1], port)))
        .map_err(io::Error::other)?;
    let port = http
        .server_addr()
        .to_ip()
        .map(|a| a.port())
        .ok_or_else(|| io::Error::other("not a TCP address"))?;
    let mut secret = [0u8; 24];
    getrandom::fill(&mut secret).map_err(|e| io::Error::other(e.to_string()))?;
    let token = super::hex(&secret);
    let url = format!("http://127.0.0.1:{port}/?token={token}");
    let http = Arc::new(http);
    let context = Arc::new(Context {
        session,
        port,
        token,
    });
    for _ in 0..WORKERS {
        let (http, context) = (http.clone(), context.clone());
        std::thread::spawn(move || {
            while let Ok(request) = http.recv() {
                // A panic while answering is that request's failure: the
                // worker goes on (its connection is dropped unanswered).
                let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    handle(&context, request)
                }));
            }
        });
    }
    Ok(Preview { url, port })
}

/// A response: bytes with a status and headers.
struct Reply {
    status: u16,
    kind: &'static str,
    body: Vec<u8>,
    headers: Vec<(String, String)>,
}

impl Reply {
    fn new(status: u16, kind: &'static str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status,
            kind,
            body: body.into(),
            headers: Vec::new(),
        }
    }

    fn text(status: u16, message: &str) -> Reply {
        Reply::new(
            status,
            "text/plain; charset=utf-8",
            localise(message) + "\n",
        )
    }

    fn json(status: u16, value: serde_json::Value) -> Reply {
        Reply::new(status, "application/json", value.to_string())
    }

    fn header(mut self, name: &str, value: impl Into<String>) -> Reply {
        self.headers.push((name.to_string(), value.into()));
        self
    }
}

fn handle(context: &Arc<Context>, mut request: Request) {
    let reply = match check(context, &request) {
        Err(refused) => refused,
        Ok(Route::Events) => {
            let context = context.clone();
            std::thread::spawn(move || events(&context, request));
            return;
        }
        Ok(route) => answer(context, route, &mut request),
    };
    send(request, reply);
}

/// Sends `reply` and closes the connection. The response is written here,
/// not by tiny_http, to say `Connection: close`: its pool of connection
/// threads can leave a new connection waiting behind idle kept-alive ones
/// (so a page's pictures would hang), and one request per connection on
/// the loopback costs nothing.
fn send(request: Request, reply: Reply) {
    let head_only = *request.method() == Method::Head;
    let policy = if reply.kind.starts_with("image/svg") {
        SVG_CSP
    } else {
        CSP
    };
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\
         Content-Security-Policy: {policy}\r\nX-Content-Type-Options: nosniff\r\n\
         Referrer-Policy: no-referrer\r\nX-Frame-Options: DENY\r\n\
         Cross-Origin-Resource-Policy: same-origin\r\n",
        reply.status,
        reason(reply.status),
        reply.kind,
        reply.body.len()
    );
    if !reply.headers.iter().any(|(n, _)| n == "Cache-Control") {
        head.push_str("Cache-Control: no-store\r\n");
    }
    for (name, value) in &reply.headers {
        // Values are made here (hex, numbers, escaped names); a line break
        // would end the head, so none gets through.
        if !value.contains(['\r', '\n']) {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
    }
    head.push_str("\r\n");
    let mut writer = request.into_writer();
    let _ = writer.write_all(head.as_bytes()).and_then(|()| {
        if !head_only {
            writer.write_all(&reply.body)?;
        }
        writer.flush()
    });
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        303 => "See Other",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        413 => "Payload Too Large",
        422 => "Unprocessable Content",
        _ => "Internal Server Error",
    }
}

/// What a request asks for.
#[derive(Debug, PartialEq)]
enum Route {
    Page,
    Script,
    Style,
    Font,
    Events,
    Source,
    State,
    PageSvg(String),
    Locate,
    Export(Format),
    Save,
    Add,
}

impl Route {
    /// The route of a path; `None` for anything else.
    fn of(path: &str) -> Option<Route> {
        Some(match path {
            "/" => Route::Page,
            "/app.js" => Route::Script,
            "/app.css" => Route::Style,
            "/ui.otf" => Route::Font,
            "/events" => Route::Events,
            "/source" => Route::Source,
            "/state" => Route::State,
            "/locate" => Route::Locate,
            "/save" => Route::Save,
            "/add" => Route::Add,
            "/export/pdf" => Route::Export(Format::Pdf),
            "/export/ofd" => Route::Export(Format::Ofd),
            "/export/docx" => Route::Export(Format::Docx),
            "/export/html" => Route::Export(Format::Html),
            _ => {
                let hash = path.strip_prefix("/page/")?.strip_suffix(".svg")?;
                let hex = hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit());
                return hex.then(|| Route::PageSvg(hash.to_ascii_lowercase()));
            }
        })
    }

    fn is_write(&self) -> bool {
        matches!(self, Route::Save | Route::Add)
    }
}

fn header<'a>(request: &'a Request, name: &'static str) -> Option<&'a str> {
    request
        .headers()
        .iter()
        .find(|h| h.field.equiv(name))
        .map(|h| h.value.as_str())
}

/// `key`'s value in the query string of `url`.
fn query<'a>(url: &'a str, key: &str) -> Option<&'a str> {
    let (_, query) = url.split_once('?')?;
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v)
}

/// The cookie that carries the token: one name per port, as cookies are
/// shared between the ports of a host.
fn cookie_name(port: u16) -> String {
    format!("jianbao-{port}")
}

fn cookie<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
    header(request, "Cookie")?
        .split(';')
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// Equal, in a time that does not depend on where they differ.
fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The names this preview answers to: 127.0.0.1:PORT and localhost:PORT
/// (and both without the port on port 80, where browsers leave it out).
fn authorities(port: u16) -> Vec<String> {
    let mut names = vec![format!("127.0.0.1:{port}"), format!("localhost:{port}")];
    if port == 80 {
        names.extend(["127.0.0.1".to_string(), "localhost".to_string()]);
    }
    names
}

/// The security rules (see the module's documentation); the route when the
/// request passes them.
fn check(context: &Context, request: &Request) -> Result<Route, Reply> {
    let port = context.port;
    let hosts = authorities(port);
    let host_ok = header(request, "Host").is_some_and(|h| hosts.iter().any(|a| *a == h));
    if !host_ok {
        return Err(Reply::text(
            403,
            "this preview answers only at 127.0.0.1 or localhost",
        ));
    }
    let url = request.url();
    let path = url.split(['?', '#']).next().unwrap_or("");
    let token = &context.token;
    // The token in the address is taken on the first load alone, which
    // turns it into the cookie: it stays out of every other request.
    let carried = (path == "/" && query(url, "token").is_some_and(|t| same_secret(t, token)))
        || cookie(request, &cookie_name(port)).is_some_and(|t| same_secret(t, token))
        || header(request, "X-Jianbao-Token").is_some_and(|t| same_secret(t, token));
    if !carried {
        return Err(Reply::text(
            403,
            "this preview needs its address with the token, as jianbao printed it",
        ));
    }
    let route = Route::of(path).ok_or_else(|| Reply::text(404, "not found"))?;
    let method = request.method();
    if route.is_write() {
        if *method != Method::Post {
            return Err(
                Reply::text(405, "this is written to with POST only").header("Allow", "POST")
            );
        }
        let origin_ok = header(request, "Origin").is_some_and(|o| {
            o.strip_prefix("http://")
                .is_some_and(|a| hosts.iter().any(|h| h == a))
        });
        let token_ok = header(request, "X-Jianbao-Token").is_some_and(|t| same_secret(t, token));
        if !origin_ok || !token_ok {
            return Err(Reply::text(
                403,
                "a write needs the token and must come from the preview's own page",
            ));
        }
    } else if !matches!(method, Method::Get | Method::Head) {
        return Err(Reply::text(405, "this is read with GET only").header("Allow", "GET, HEAD"));
    }
    Ok(route)
}

fn answer(context: &Context, route: Route, request: &mut Request) -> Reply {
    let session = &context.session;
    match route {
        Route::Page => {
            let cookie = format!(
                "{}={}; Path=/; HttpOnly; SameSite=Strict",
                cookie_name(context.port),
                context.token
            );
            // The first load: the cookie set, and the address without the
            // token (out of the address bar and the history).
            if query(request.url(), "token").is_some() {
                return Reply::text(303, "see /")
                    .header("Location", "/")
                    .header("Set-Cookie", cookie);
            }
            let strings = json!({
                "save": localise("Save"),
                "saved": localise("saved"),
                "saving": localise("saving…"),
                "conflict": localise("the file changed on disk since it was loaded: your edits are not saved"),
                "changed": localise("the file changed on disk; the editor holds unsaved edits"),
                "reload": localise("Reload from disk"),
                "stale": localise("the latest save has errors: the pages shown are the last good ones"),
                "adding": localise("adding the article…"),
                "series": localise("this text is in {}, line {}"),
                "nowhere": localise("this text is not in the issue's source"),
                "failed": localise("the request failed: {}"),
            });
            // Inside a <script type="application/json">: no `<` may close it.
            let strings = strings.to_string().replace('<', "\\u003c");
            let page = PAGE
                .replace(
                    "{{lang}}",
                    if crate::messages::current() == crate::messages::Lang::Zh {
                        "zh-CN"
                    } else {
                        "en"
                    },
                )
                .replace("{{title}}", &escape(&session.stem))
                .replace("{{token}}", &context.token)
                .replace("{{strings}}", &strings)
                .replace("{{save}}", &escape(&localise("Save")))
                .replace("{{reload}}", &escape(&localise("Reload from disk")))
                .replace("{{download}}", &escape(&localise("Download")))
                .replace(
                    "{{drop}}",
                    &escape(&localise(
                        "drop a Word, PDF or text file here to add it as an article",
                    )),
                );
            Reply::new(200, "text/html; charset=utf-8", page).header("Set-Cookie", cookie)
        }
        Route::Script => Reply::new(200, "text/javascript; charset=utf-8", SCRIPT),
        Route::Style => Reply::new(200, "text/css; charset=utf-8", STYLE),
        // The page's own labels in the shipped 黑体 stand-in, for a machine
        // with no Chinese face of its own (the browser fetches it only then).
        Route::Font => Reply::new(200, "font/otf", Role::Hei.shipped_data().to_vec())
            .header("Cache-Control", "private, max-age=86400, immutable"),
        Route::Events => unreachable!("answered by events()"),
        Route::State => Reply::new(200, "application/json", session.state().as_bytes().to_vec()),
        Route::Source => match session.source() {
            Ok((revision, text)) => {
                Reply::new(200, "text/plain; charset=utf-8", text).header("X-Revision", revision)
            }
            Err(d) => failure(500, &[d]),
        },
        Route::PageSvg(hash) => match session.page(&hash) {
            Some(page) => Reply::new(200, "image/svg+xml", page.svg.clone())
                .header("Cache-Control", "private, max-age=86400, immutable"),
            None => Reply::text(404, "not found"),
        },
        Route::Locate => {
            let url = request.url();
            let number = |key: &str| query(url, key).and_then(|v| v.parse::<f64>().ok());
            let (Some(page), Some(x), Some(y)) = (number("page"), number("x"), number("y")) else {
                return Reply::text(400, "give page, x and y");
            };
            match session.locate(page as usize, x, y) {
                Some(found) => Reply::json(
                    200,
                    json!({
                        "file": found.file,
                        "in_issue": found.in_issue,
                        "line": found.line,
                        "column": found.column,
                    }),
                ),
                None => Reply::json(200, json!({ "line": null })),
            }
        }
        Route::Export(format) => match session.export(format) {
            Ok(bytes) => {
                let kind = match format {
                    Format::Pdf => "application/pdf",
                    Format::Ofd => "application/ofd",
                    Format::Docx => {
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                    }
                    _ => "text/html; charset=utf-8",
                };
                let name = format!("{}.{}", session.stem, format.extension());
                Reply::new(200, kind, bytes).header("Content-Disposition", disposition(&name))
            }
            Err(diagnostics) => failure(409, &diagnostics),
        },
        Route::Save => {
            let base = header(request, "X-Revision").unwrap_or("").to_string();
            let body = match body(request) {
                Ok(body) => body,
                Err(reply) => return reply,
            };
            let Ok(text) = String::from_utf8(body) else {
                return Reply::text(400, "the text is not UTF-8");
            };
            match session.save(&text, &base) {
                Ok(revision) => {
                    rebuild_soon(session);
                    Reply::json(200, json!({ "revision": revision }))
                }
                Err(SaveError::Conflict) => Reply::json(
                    409,
                    json!({
                        "conflict": true,
                        "message": localise("the file changed on disk since it was loaded: your edits are not saved"),
                    }),
                ),
                Err(SaveError::Failed(d)) => failure(500, &[d]),
            }
        }
        Route::Add => {
            let name = header(request, "X-File-Name")
                .map(percent_decode)
                .unwrap_or_else(|| "article.txt".to_string());
            let body = match body(request) {
                Ok(body) => body,
                Err(reply) => return reply,
            };
            match session.add(&body, &name) {
                Ok(message) => {
                    rebuild_soon(session);
                    Reply::json(200, json!({ "message": message }))
                }
                Err(diagnostics) => failure(422, &diagnostics),
            }
        }
    }
}

/// Rebuilds after this answer is sent (the watcher would, a little later).
fn rebuild_soon(session: &Arc<Session>) {
    let session = session.clone();
    std::thread::spawn(move || session.rebuild());
}

/// Diagnostics as the page shows them.
fn failure(status: u16, diagnostics: &[Diagnostic]) -> Reply {
    Reply::json(
        status,
        json!({
            "message": diagnostics.iter().map(|d| d.render()).collect::<String>(),
        }),
    )
}

/// A request's body, at most [`MAX_BODY`] bytes.
fn body(request: &mut Request) -> Result<Vec<u8>, Reply> {
    let mut body = Vec::new();
    request
        .as_reader()
        .take(MAX_BODY + 1)
        .read_to_end(&mut body)
        .map_err(|_| Reply::text(400, "the request could not be read"))?;
    if body.len() as u64 > MAX_BODY {
        return Err(Reply::text(413, "the file is too large (at most 64 MB)"));
    }
    Ok(body)
}

/// `attachment` named `name`, in ASCII for old clients and in UTF-8.
fn disposition(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect();
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// `%XX` escapes decoded (as `encodeURIComponent` writes them).
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| text.get(i + 1..i + 3))
            .flatten()
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match escaped {
            Some(b) => {
                out.push(b);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `text` safe in HTML.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// The update stream (server-sent events): the current state, then one
/// event per change, and a comment now and then to find a closed tab.
fn events(context: &Context, request: Request) {
    let updates = context.session.subscribe();
    let mut writer = request.into_writer();
    let head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\nX-Content-Type-Options: nosniff\r\nContent-Security-Policy: {CSP}\r\n\r\nretry: 1000\n\n"
    );
    if writer
        .write_all(head.as_bytes())
        .and_then(|()| writer.flush())
        .is_err()
    {
        return;
    }
    loop {
        let chunk = match updates.recv_timeout(Duration::from_secs(15)) {
            Ok(event) => format!("event: update\ndata: {event}\n\n"),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => ": still here\n\n".to_string(),
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return,
        };
        if writer
            .write_all(chunk.as_bytes())
            .and_then(|()| writer.flush())
            .is_err()
        {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_fixed_routes_exist() {
        assert_eq!(Route::of("/"), Some(Route::Page));
        assert_eq!(Route::of("/export/pdf"), Some(Route::Export(Format::Pdf)));
        for path in [
            "/../i.yaml",
            "/i.yaml",
            "/page/../../etc/passwd.svg",
            "/page/1.svg",
            "/export/txt",
            "//app.js",
        ] {
            assert_eq!(Route::of(path), None, "{path}");
        }
    }

    #[test]
    fn names_and_queries_decode() {
        assert_eq!(percent_decode("%E7%AE%80%E6%8A%A5.txt"), "简报.txt");
        assert_eq!(percent_decode("a%2"), "a%2");
        assert_eq!(query("/locate?page=2&x=1.5", "x"), Some("1.5"));
        assert_eq!(
            disposition("第 9 期.pdf"),
            "attachment; filename=\"__9__.pdf\"; filename*=UTF-8''%E7%AC%AC%209%20%E6%9C%9F.pdf"
        );
        assert!(same_secret("abc", "abc") && !same_secret("abc", "abd") && !same_secret("a", "ab"));
    }
}
