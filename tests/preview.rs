//! `jianbao preview`: the real binary serving on the loopback. Raw HTTP
//! checks of the security rules (token, Host, Origin, paths, POSTs), Ctrl+C,
//! `jianbao ISSUE.yaml`; and the page itself in Debian's Chromium, driven
//! by playwright (tests/preview_browser.py): pages, edits on disk, broken
//! saves, the editor's saves, a click on a title, the exports, a dropped
//! article, two previews at once.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::support::{env, good_issue, layout, pages, root};

/// A preview running: the child, its address, its standard error so far.
struct Previewing {
    child: Child,
    url: String,
    port: u16,
    token: String,
    log: Arc<Mutex<String>>,
}

impl Previewing {
    /// Starts `jianbao ARGS` (which must start a preview) in `dir`; waits
    /// for the address on its first line of standard output.
    fn start(dir: &Path, args: &[&str]) -> Previewing {
        let mut child = Command::new(env!("CARGO_BIN_EXE_jianbao"))
            .args(args)
            .current_dir(dir)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C.UTF-8")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .stdin(Stdio::null())
            .spawn()
            .expect("jianbao runs");
        let log = Arc::new(Mutex::new(String::new()));
        let stderr = child.stderr.take().unwrap();
        {
            let log = log.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                    log.lock().unwrap().push_str(&(line + "\n"));
                }
            });
        }
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        let url = first.trim_end().to_string();
        let rest = url.strip_prefix("http://127.0.0.1:").unwrap_or_else(|| {
            panic!(
                "the first line is the address, not {url:?}; stderr:\n{}",
                log.lock().unwrap()
            )
        });
        let (port, token) = rest.split_once("/?token=").expect("…/?token=SECRET");
        assert!(
            token.len() >= 32 && token.bytes().all(|b| b.is_ascii_hexdigit()),
            "{token}"
        );
        Previewing {
            port: port.parse().unwrap(),
            token: token.to_string(),
            url,
            child,
            log,
        }
    }

    /// `jianbao preview FILE --no-open --port 0` with `extra` flags.
    fn issue(file: &Path, extra: &[&str]) -> Previewing {
        let mut args = vec![
            "preview",
            file.to_str().unwrap(),
            "--no-open",
            "--port",
            "0",
        ];
        args.extend_from_slice(extra);
        Previewing::start(file.parent().unwrap(), &args)
    }

    fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// A raw request: `head` lines (no Host unless given; `{host}` and
    /// `{token}` filled in) and a body.
    fn request(&self, head: &str, body: &[u8]) -> Reply {
        let head = head
            .replace("{host}", &format!("127.0.0.1:{}", self.port))
            .replace("{token}", &self.token)
            .replace("{port}", &self.port.to_string());
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(120)))
            .unwrap();
        let mut text = head.trim_end().replace('\n', "\r\n");
        text.push_str(&format!(
            "\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        ));
        stream.write_all(text.as_bytes()).unwrap();
        stream.write_all(body).unwrap();
        let mut raw = Vec::new();
        let _ = stream.read_to_end(&mut raw);
        Reply::parse(&raw)
    }

    /// GET `path` with the Host and the token in the cookie.
    fn get(&self, path: &str) -> Reply {
        self.request(
            &format!("GET {path} HTTP/1.1\nHost: {{host}}\nCookie: jianbao-{{port}}={{token}}"),
            b"",
        )
    }

    /// Ends it with SIGINT, as Ctrl+C does; returns its exit code.
    fn interrupt(mut self) -> Option<i32> {
        // SAFETY: signals our own child.
        unsafe { libc::kill(self.child.id() as i32, libc::SIGINT) };
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code();
            }
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "Ctrl+C did not end the preview:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Previewing {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP response.
struct Reply {
    status: u16,
    head: String,
    body: Vec<u8>,
}

impl Reply {
    fn parse(raw: &[u8]) -> Reply {
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap_or_else(|| panic!("no response: {:?}", String::from_utf8_lossy(raw)));
        let head = String::from_utf8_lossy(&raw[..split]).into_owned();
        let status = head.split(' ').nth(1).unwrap().parse().unwrap();
        let mut body = raw[split + 4..].to_vec();
        if head
            .to_ascii_lowercase()
            .contains("transfer-encoding: chunked")
        {
            body = dechunk(&body);
        }
        Reply { status, head, body }
    }

    /// The value of header `name` (case-insensitive).
    fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|l| {
            let (n, v) = l.split_once(':')?;
            n.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
        })
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(end) = body.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size = usize::from_str_radix(
            std::str::from_utf8(&body[..end])
                .unwrap()
                .split(';')
                .next()
                .unwrap()
                .trim(),
            16,
        )
        .unwrap();
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&body[end + 2..end + 2 + size]);
        body = &body[end + 2 + size + 2..];
    }
}

/// A copy of a shipped sample's folder.
fn copy_sample(folder: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(root().join("samples").join(folder)).unwrap() {
        let entry = entry.unwrap();
        if entry.path().is_file() {
            fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
        }
    }
    dir
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn every_request_needs_the_token_and_this_host() {
    let dir = crate::support::folder(&[("i.yaml", &good_issue(1))]);
    let preview = Previewing::issue(&dir.path().join("i.yaml"), &["--lang", "en"]);

    // The address jianbao prints: the first load sets the cookie and sends
    // the browser on to the address without the token.
    let first = preview.request("GET /?token={token} HTTP/1.1\nHost: {host}", b"");
    assert_eq!(first.status, 303, "{}", first.text());
    assert_eq!(first.header("Location").as_deref(), Some("/"));
    assert!(first.header("Set-Cookie").is_some());
    // Anywhere else the token in the address is not enough.
    let elsewhere = preview.request("GET /source?token={token} HTTP/1.1\nHost: {host}", b"");
    assert_eq!(elsewhere.status, 403, "the token in the query of /source");
    let page = preview.get("/");
    assert_eq!(page.status, 200, "{}", page.text());
    assert!(page.text().contains("data-role=\"editor\""));
    let cookie = page
        .header("Set-Cookie")
        .expect("the first load sets a cookie");
    assert!(
        cookie.starts_with(&format!("jianbao-{}={};", preview.port, preview.token))
            && cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let policy = page.header("Content-Security-Policy").unwrap();
    assert!(policy.starts_with("default-src 'none'"), "{policy}");
    for part in [
        "script-src 'self'",
        "style-src 'self'",
        "connect-src 'self'",
    ] {
        assert!(policy.contains(part), "{policy}");
    }
    assert!(!policy.contains("http"), "no outside origin: {policy}");
    assert_eq!(
        page.header("X-Content-Type-Options").as_deref(),
        Some("nosniff")
    );

    // No token, a wrong one, a token of the wrong length: refused.
    for line in [
        "GET / HTTP/1.1\nHost: {host}",
        "GET /source HTTP/1.1\nHost: {host}",
        "GET /?token=0000 HTTP/1.1\nHost: {host}",
        "GET /source?token=00000000000000000000000000000000000000000000000 HTTP/1.1\nHost: {host}",
        "GET /app.js HTTP/1.1\nHost: {host}\nCookie: jianbao-{port}=wrong",
        "GET /export/pdf HTTP/1.1\nHost: {host}",
    ] {
        let reply = preview.request(line, b"");
        assert_eq!(reply.status, 403, "{line}: {}", reply.text());
        assert!(!reply.text().contains("测试简报"), "{line}");
    }
    // The cookie stands for the token on reads.
    let by_cookie = preview.request(
        "GET /source HTTP/1.1\nHost: {host}\nCookie: other=1; jianbao-{port}={token}",
        b"",
    );
    assert_eq!(by_cookie.status, 200);
    assert_eq!(by_cookie.text(), good_issue(1));
    assert!(by_cookie.header("X-Revision").is_some());

    // DNS rebinding: any Host but 127.0.0.1:PORT or localhost:PORT.
    for host in [
        "evil.example:{port}",
        "127.0.0.1",
        "localhost",
        "127.0.0.1:1",
        "127.0.0.1.evil.example:{port}",
        "[::1]:{port}",
    ] {
        let reply = preview.request(
            &format!("GET /source HTTP/1.1\nHost: {host}\nCookie: jianbao-{{port}}={{token}}"),
            b"",
        );
        assert_eq!(reply.status, 403, "Host: {host}");
    }
    let missing = preview.request("GET /source HTTP/1.1\nCookie: jianbao-{port}={token}", b"");
    assert!(missing.status == 403 || missing.status == 400, "no Host");
    let local = preview.request(
        "GET /source HTTP/1.1\nHost: localhost:{port}\nCookie: jianbao-{port}={token}",
        b"",
    );
    assert_eq!(local.status, 200);

    // No path reaches the file system.
    fs::write(dir.path().join("secret.txt"), "秘密内容").unwrap();
    for path in [
        "/i.yaml",
        "/secret.txt",
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/page/../i.yaml",
        "/page/1.svg",
        "/page/..%2fi.yaml.svg",
        "/app.js/../i.yaml",
        "/export/txt",
        "/export/../../i.yaml",
        "//etc/passwd",
    ] {
        let reply = preview.get(path);
        assert_eq!(reply.status, 404, "{path}");
        assert!(
            !reply.text().contains("秘密") && !reply.text().contains("测试办"),
            "{path}"
        );
    }
    for asset in ["/app.js", "/app.css", "/state"] {
        assert_eq!(preview.get(asset).status, 200, "{asset}");
    }
    // The face the page's own labels fall back to: the shipped 黑体.
    let font = preview.get("/ui.otf");
    assert_eq!(font.status, 200);
    assert!(font.body.starts_with(b"OTTO"), "not an OpenType font");
    let state: serde_json::Value = serde_json::from_slice(&preview.get("/state").body).unwrap();
    let hash = state["pages"][0]["hash"].as_str().unwrap().to_string();
    let svg = preview.get(&format!("/page/{hash}.svg"));
    assert_eq!(svg.status, 200);
    assert!(svg.text().contains("<svg"));
    assert!(
        svg.header("Content-Security-Policy")
            .unwrap()
            .starts_with("default-src 'none'")
    );
}

#[test]
fn writes_are_posts_with_the_token_and_the_preview_s_origin() {
    let dir = crate::support::folder(&[("i.yaml", &good_issue(1))]);
    let file = dir.path().join("i.yaml");
    let preview = Previewing::issue(&file, &["--lang", "en"]);
    let source = preview.get("/source");
    let revision = source.header("X-Revision").unwrap();
    let edited = good_issue(2);
    let save = |head: &str| {
        preview.request(
            &format!("POST /save HTTP/1.1\nHost: {{host}}\n{head}"),
            edited.as_bytes(),
        )
    };
    let good_origin = "Origin: http://127.0.0.1:{port}";
    let refused = [
        // No Origin, another origin, another port, the token only in the cookie or query.
        format!("X-Jianbao-Token: {{token}}\nX-Revision: {revision}"),
        format!("X-Jianbao-Token: {{token}}\nOrigin: http://evil.example\nX-Revision: {revision}"),
        format!("X-Jianbao-Token: {{token}}\nOrigin: http://127.0.0.1:1\nX-Revision: {revision}"),
        format!("Cookie: jianbao-{{port}}={{token}}\n{good_origin}\nX-Revision: {revision}"),
        format!("X-Jianbao-Token: wrong\n{good_origin}\nX-Revision: {revision}"),
    ];
    for head in &refused {
        let reply = save(head);
        assert_eq!(reply.status, 403, "{head}: {}", reply.text());
        // The same rules hold for a dropped article.
        let add = preview.request(
            &format!("POST /add HTTP/1.1\nHost: {{host}}\nX-File-Name: a.txt\n{head}"),
            "标题\n\n正文。\n".as_bytes(),
        );
        assert_eq!(add.status, 403, "/add {head}: {}", add.text());
    }
    // Reading needs the token too: the update stream and a page.
    let state: serde_json::Value = serde_json::from_slice(&preview.get("/state").body).unwrap();
    let hash = state["pages"][0]["hash"].as_str().unwrap().to_string();
    for path in ["/events".to_string(), format!("/page/{hash}.svg")] {
        let reply = preview.request(&format!("GET {path} HTTP/1.1\nHost: {{host}}"), b"");
        assert_eq!(reply.status, 403, "{path} without the token");
    }
    let reply = preview.request(
        "POST /save?token={token} HTTP/1.1\nHost: {host}\nOrigin: http://127.0.0.1:{port}",
        edited.as_bytes(),
    );
    assert_eq!(
        reply.status, 403,
        "the token in the query is not enough to write"
    );
    assert_eq!(preview.get("/save").status, 405, "GET /save");
    let post_read = preview.request(
        "POST /source HTTP/1.1\nHost: {host}\nX-Jianbao-Token: {token}\nOrigin: http://127.0.0.1:{port}",
        b"",
    );
    assert_eq!(post_read.status, 405, "POST /source");
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        good_issue(1),
        "nothing written"
    );

    // A stale revision: the file changed since it was loaded.
    let stale = save(&format!(
        "X-Jianbao-Token: {{token}}\n{good_origin}\nX-Revision: {}",
        "0".repeat(64)
    ));
    assert_eq!(stale.status, 409, "{}", stale.text());
    assert_eq!(fs::read_to_string(&file).unwrap(), good_issue(1));

    let saved = save(&format!(
        "X-Jianbao-Token: {{token}}\nOrigin: http://localhost:{{port}}\nX-Revision: {revision}"
    ));
    assert_eq!(saved.status, 200, "{}", saved.text());
    assert_eq!(fs::read_to_string(&file).unwrap(), edited);
    assert_eq!(listing(dir.path()), ["i.yaml"], "no temporary file left");
}

/// Out of file descriptors for a moment (a browser's many connections, a
/// low limit), the preview cannot accept a connection; once they are free
/// it answers again. The server used to stop listening at the first failed
/// accept while jianbao went on (tiny-http#283; vendor/tiny_http).
#[cfg(target_os = "linux")]
#[test]
fn the_preview_answers_again_after_running_out_of_file_descriptors() {
    let dir = crate::support::folder(&[("i.yaml", &good_issue(1))]);
    let preview = Previewing::issue(&dir.path().join("i.yaml"), &["--lang", "en"]);
    assert_eq!(preview.get("/").status, 200, "{}", preview.log());
    let pid = preview.child.id() as libc::pid_t;
    let open = || fs::read_dir(format!("/proc/{pid}/fd")).unwrap().count();
    // A dozen descriptors more than it holds now, whatever it inherited.
    let limit = open() as u64 + 12;
    let rlimit = libc::rlimit {
        rlim_cur: limit,
        rlim_max: limit,
    };
    // SAFETY: sets our own child's limit from a valid struct.
    let set = unsafe { libc::prlimit(pid, libc::RLIMIT_NOFILE, &rlimit, std::ptr::null_mut()) };
    assert_eq!(set, 0, "{}", std::io::Error::last_os_error());
    // Each accepted connection takes two descriptors: 30 are more than 12.
    let held: Vec<TcpStream> = (0..30)
        .map(|_| TcpStream::connect(("127.0.0.1", preview.port)).unwrap())
        .collect();
    let full = limit as usize - 2;
    let start = Instant::now();
    while open() < full && start.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(open() >= full, "{} descriptors open of {limit}", open());
    // The accepts that failed meanwhile ended nothing.
    std::thread::sleep(Duration::from_millis(300));
    drop(held);
    let start = Instant::now();
    let page = loop {
        match std::panic::catch_unwind(|| preview.get("/")) {
            Ok(page) => break page,
            Err(_) if start.elapsed() < Duration::from_secs(30) => {
                std::thread::sleep(Duration::from_millis(100))
            }
            Err(_) => panic!("the preview no longer answers:\n{}", preview.log()),
        }
    };
    assert_eq!(page.status, 200, "{}", page.text());
}

#[test]
fn ctrl_c_ends_the_preview_with_exit_0_and_leaves_nothing_behind() {
    let dir = crate::support::folder(&[("i.yaml", &good_issue(1))]);
    let before = listing(dir.path());
    let preview = Previewing::issue(&dir.path().join("i.yaml"), &["--lang", "en"]);
    assert_eq!(preview.get("/").status, 200);
    // An update stream is open when it ends.
    let mut events = TcpStream::connect(("127.0.0.1", preview.port)).unwrap();
    write!(
        events,
        "GET /events HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nCookie: jianbao-{}={}\r\n\r\n",
        preview.port, preview.port, preview.token
    )
    .unwrap();
    let mut first = [0u8; 64];
    events.read_exact(&mut first).unwrap();
    assert!(
        String::from_utf8_lossy(&first).starts_with("HTTP/1.1 200"),
        "{}",
        String::from_utf8_lossy(&first)
    );
    let log = preview.log.clone();
    assert_eq!(preview.interrupt(), Some(0), "{}", log.lock().unwrap());
    assert_eq!(listing(dir.path()), before);
    let log = log.lock().unwrap();
    assert!(log.contains("the preview has ended"), "{log}");
}

#[test]
fn an_issue_and_no_command_starts_the_preview_and_the_console_says_in_chinese_how_to_end_it() {
    let dir = crate::support::folder(&[("第 1 期.yaml", &good_issue(1))]);
    let file = dir.path().join("第 1 期.yaml");
    let preview = Previewing::start(
        dir.path(),
        &[file.to_str().unwrap(), "--no-open", "--lang", "en"],
    );
    let reply = preview.get("/source");
    assert_eq!(reply.status, 200);
    assert_eq!(reply.text(), good_issue(1));
    let start = Instant::now();
    while !preview.log().contains("关闭此窗口") {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "{}",
            preview.log()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    // Exports are named after the issue, in UTF-8.
    let html = preview.get("/export/html");
    assert_eq!(html.status, 200);
    let disposition = html.header("Content-Disposition").unwrap();
    assert!(
        disposition.contains("filename*=UTF-8''%E7%AC%AC%201%20%E6%9C%9F.html"),
        "{disposition}"
    );
    // A command is a command, even when a file has its name.
    fs::write(dir.path().join("check"), "").unwrap();
    let out = crate::support::run_in(dir.path(), &["check", "第 1 期.yaml"], None);
    assert!(out.status.success(), "{}", crate::support::stderr(&out));
}

/// The place of `title`'s first line on the pages of `file`: its page and
/// its middle as fractions of the page's size; the run drawn largest.
fn title_place(file: &Path, title: &str) -> serde_json::Value {
    let (_, document) = layout(file);
    let head: String = title.chars().take(3).collect();
    let mut best: Option<(f64, serde_json::Value)> = None;
    for (i, page) in pages(&document).iter().enumerate() {
        let size = document.pages()[i].frame.size();
        let (w, h) = (size.x.to_mm(), size.y.to_mm());
        for run in page.find(&head) {
            if best.as_ref().is_some_and(|(s, _)| *s >= run.size_pt) {
                continue;
            }
            let x = run.x + run.width / 2.0;
            let y = run.y - run.size_pt * 25.4 / 72.0 * 0.35;
            best = Some((
                run.size_pt,
                serde_json::json!({"page": i + 1, "fx": x / w, "fy": y / h}),
            ));
        }
    }
    let mut place = best.unwrap_or_else(|| panic!("`{head}` is on no page")).1;
    let text = fs::read_to_string(file).unwrap();
    let line = text
        .lines()
        .position(|l| l.contains(&format!("title: {title}")))
        .unwrap()
        + 1;
    place["line"] = serde_json::json!(line);
    place
}

fn page_count(file: &Path) -> usize {
    let loaded = jianbao::input::load(&jianbao::input::Input::Path(file.to_path_buf())).unwrap();
    jianbao::typeset(env(), &loaded)
        .unwrap()
        .0
        .document
        .pages()
        .len()
}

#[test]
fn the_preview_in_chromium() {
    let regular = copy_sample("linjiang");
    let brief = copy_sample("brief");
    let a_file: PathBuf = regular.path().join("2024-09.yaml");
    let b_file: PathBuf = brief.path().join("issue.yaml");
    fs::remove_file(regular.path().join("2024-zk02.yaml")).unwrap();
    let a_title = title_place(
        &a_file,
        "北湖区：整合阵地资源 激活服务力量 让文明实践融入群众日常生活",
    );
    let b_title = title_place(&b_file, "县防指部署开展 汛期安全隐患拉网式排查");
    let (a_pages, b_pages) = (page_count(&a_file), page_count(&b_file));
    let a = Previewing::issue(&a_file, &["--lang", "en"]);
    let b = Previewing::issue(&b_file, &["--lang", "zh"]);
    assert_ne!(a.token, b.token, "a fresh token each run");
    let downloads = tempfile::tempdir().unwrap();
    let config = serde_json::json!({
        "a": {"url": a.url, "issue": a_file, "stem": "2024-09", "pages": a_pages, "title": a_title},
        "b": {"url": b.url, "issue": b_file, "stem": "issue", "pages": b_pages, "title": b_title},
        "downloads": downloads.path(),
        "submission": "社区志愿服务队开展夜间巡防\n\n本月以来，社区志愿服务队组织居民开展夜间巡防，累计巡查背街小巷四十余条。\n\n下一步，将把巡防与邻里互助结合起来。\n",
    });
    let out = Command::new("python3")
        .arg(root().join("tests/preview_browser.py"))
        .arg(config.to_string())
        .output()
        .expect("python3 runs (with playwright: pip install playwright)");
    let said = format!(
        "{}{}\npreview a:\n{}\npreview b:\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
        a.log(),
        b.log()
    );
    assert!(
        out.status.success() && String::from_utf8_lossy(&out.stdout).ends_with("ok\n"),
        "{said}"
    );
    // Both end on Ctrl+C, and the folders hold only the issues (and what
    // was saved into them).
    assert_eq!(a.interrupt(), Some(0));
    assert_eq!(b.interrupt(), Some(0));
    assert_eq!(listing(brief.path()), ["issue.yaml"]);
    assert!(
        listing(regular.path())
            .iter()
            .all(|n| !n.starts_with(".jianbao-")),
        "{:?}",
        listing(regular.path())
    );
}

#[test]
fn the_linux_packages_open_yaml_issues_in_the_preview() {
    let entry = fs::read_to_string(root().join("dist/jianbao.desktop")).unwrap();
    let value = |key: &str| {
        entry
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{key}=")))
            .unwrap_or_else(|| panic!("no {key}= in dist/jianbao.desktop"))
    };
    assert_eq!(value("Type"), "Application");
    assert_eq!(value("Exec"), "jianbao %f");
    assert_eq!(
        value("Terminal"),
        "true",
        "the console that ends the preview"
    );
    assert!(
        value("MimeType")
            .split(';')
            .any(|m| m == "application/yaml")
    );
    let script = fs::read_to_string(root().join("dist/build.sh")).unwrap();
    assert!(
        script.contains("dist/jianbao.desktop \"$deb/usr/share/applications/jianbao.desktop\""),
        "dist/build.sh puts the entry into the .deb"
    );
}

/// An issue file that is not UTF-8 (GBK, as older editors save it) is shown
/// with replacement characters, and a save over it is refused: the file
/// keeps every byte.
#[test]
fn a_file_that_is_not_utf8_is_never_saved_over() {
    let dir = crate::support::folder(&[]);
    let file = dir.path().join("i.yaml");
    let text = good_issue(1);
    let gbk = encoding_rs::GBK.encode(&text).0.into_owned();
    fs::write(&file, &gbk).unwrap();
    let preview = Previewing::issue(&file, &["--lang", "en"]);
    let source = preview.get("/source");
    let revision = source.header("X-Revision").unwrap();
    let reply = preview.request(
        &format!(
            "POST /save HTTP/1.1\nHost: {{host}}\nX-Jianbao-Token: {{token}}\nOrigin: http://127.0.0.1:{{port}}\nX-Revision: {revision}"
        ),
        good_issue(2).as_bytes(),
    );
    assert!(
        reply.status >= 400 && reply.text().contains("not UTF-8"),
        "{}: {}",
        reply.status,
        reply.text()
    );
    assert_eq!(fs::read(&file).unwrap(), gbk);
}

/// A 公文 previews as an issue does: its pages laid out by its own template
/// (the 通知 sample's six), an export of its PDF, and a save of the office
/// file (a file it depends on) laying it out again.
#[test]
fn a_gongwen_previews_like_an_issue() {
    let dir = copy_sample("gongwen");
    let preview = Previewing::issue(&dir.path().join("2026-5.yaml"), &["--lang", "en"]);
    let state: serde_json::Value = serde_json::from_slice(&preview.get("/state").body).unwrap();
    assert_eq!(state["pages"].as_array().map(Vec::len), Some(6), "{state}");
    assert!(
        state["diagnostics"].as_array().unwrap().is_empty(),
        "{state}"
    );
    let pdf = preview.get("/export/pdf");
    assert_eq!(pdf.status, 200);
    assert!(pdf.body.starts_with(b"%PDF"));
    // The office file is watched: a change of its 印发机关 lays out the
    // record's page again.
    let last_page = |state: &serde_json::Value| {
        state["pages"][5]["hash"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    let before = last_page(&state);
    let first = state["pages"][0]["hash"].clone();
    let office = dir.path().join("office.yaml");
    let text = fs::read_to_string(&office).unwrap();
    fs::write(
        &office,
        text.replace(
            "issuer: 青山市住房和城乡建设局办公室",
            "issuer: 青山市住建局办公室",
        ),
    )
    .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let state: serde_json::Value = serde_json::from_slice(&preview.get("/state").body).unwrap();
        let now = last_page(&state);
        if !now.is_empty() && now != before {
            assert_eq!(state["pages"][0]["hash"], first, "page 1 is as it was");
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the office file's change never showed:\n{}",
            preview.log()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}
