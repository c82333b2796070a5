"""jianbao preview in Debian's Chromium, headless, driven over CDP by playwright.

Run by tests/preview.rs with one JSON argument:
  {"a": PREVIEW, "b": PREVIEW, "downloads": DIR, "submission": TEXT}
where PREVIEW is {"url", "issue" (path), "stem", "pages" (count),
"title": {"page", "fx", "fy", "line"} (a title's place on its page, as
fractions of the page's width and height, and its line in the YAML)}.
Preview a runs with --lang en, preview b with --lang zh. Every wait is on a
condition (generous timeouts, no sleeps); a failed check raises, naming it.
"""

import json
import os
import subprocess
import sys
import zipfile

from playwright.sync_api import sync_playwright

CONFIG = json.loads(sys.argv[1])
TIMEOUT = 90_000  # ms: the machine may be busy


def step(name):
    print("--", name, flush=True)


def wait(page, script, arg=None, what=""):
    # A function, not an expression: the page's CSP forbids eval.
    if "=>" not in script.split("{")[0]:
        script = "() => (" + script + ")"
    try:
        page.wait_for_function(script, arg=arg, timeout=TIMEOUT, polling=100)
    except Exception as err:  # name the condition, not only the timeout
        raise AssertionError(f"timed out waiting for {what or script}: {err}") from None


def save_on_disk(path, text):
    """As an editor saves: a new file renamed over the old one."""
    temporary = path + ".swp"
    with open(temporary, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(temporary, path)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def hashes(page):
    return page.eval_on_selector_all("[data-page]", "ps => ps.map(p => p.dataset.hash || '')")


def pages_shown(page, count, what):
    wait(
        page,
        """n => { const ps = [...document.querySelectorAll('[data-page]')];
                  return ps.length === n && ps.every((p, i) => p.dataset.page === String(i + 1)
                    && p.dataset.hash && p.querySelector('img').naturalWidth > 0); }""",
        count,
        what,
    )


def editor_holds(page, text, what):
    wait(
        page,
        "t => document.querySelector('[data-role=editor]').value === t",
        text,
        what,
    )


def cursor_line(page, line, what):
    wait(
        page,
        "l => document.querySelector('[data-role=editor]').dataset.cursorLine === String(l)",
        line,
        what,
    )


def click_title(page, title):
    image = page.locator(f'[data-page="{title["page"]}"] img')
    box = image.bounding_box()
    image.click(position={"x": title["fx"] * box["width"], "y": title["fy"] * box["height"]})


def check_export(page, kind, stem, folder):
    with page.expect_download(timeout=TIMEOUT) as info:
        page.click(f'[data-export="{kind}"]')
    download = info.value
    assert download.suggested_filename == f"{stem}.{kind}", download.suggested_filename
    target = os.path.join(folder, download.suggested_filename)
    download.save_as(target)
    data = open(target, "rb").read()
    if kind == "pdf":
        assert data.startswith(b"%PDF-"), data[:16]
        assert b"%%EOF" in data[-1024:], "the PDF ends with %%EOF"
        info = subprocess.run(["pdfinfo", target], capture_output=True, text=True)
        assert info.returncode == 0, info.stderr
        pages = [l for l in info.stdout.splitlines() if l.startswith("Pages:")]
        return int(pages[0].split()[1])
    if kind in ("ofd", "docx"):
        assert data.startswith(b"PK\x03\x04"), data[:16]
        with zipfile.ZipFile(target) as archive:
            assert archive.testzip() is None, "every member of the archive is whole"
            names = archive.namelist()
        must = "OFD.xml" if kind == "ofd" else "word/document.xml"
        assert must in names, names
        return None
    text = data.decode("utf-8")
    assert text.lstrip().lower().startswith("<!doctype html"), text[:40]
    assert text.rstrip().endswith("</html>"), text[-40:]
    return None


def main():
    a_cfg, b_cfg = CONFIG["a"], CONFIG["b"]
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu"],
        )
        # One browser profile for both previews, as on an editor's PC: each
        # preview's cookie must stay its own.
        context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 900})
        context.set_default_timeout(TIMEOUT)
        a = context.new_page()
        b = context.new_page()
        errors = []
        for page in (a, b):
            page.on("pageerror", lambda err: errors.append(str(err)))

        step("two previews at once: the pages appear in each")
        a.goto(a_cfg["url"])
        b.goto(b_cfg["url"])
        pages_shown(a, a_cfg["pages"], "preview a's pages")
        pages_shown(b, b_cfg["pages"], "preview b's pages")
        editor_holds(a, read(a_cfg["issue"]), "preview a's editor holds its source")
        editor_holds(b, read(b_cfg["issue"]), "preview b's editor holds its source")
        # The page's own Chinese labels have a face even where the machine
        # has none: the shipped one, served by the preview.
        loaded = b.evaluate("document.fonts.load('14px jianbao-ui', '预览').then(f => f.length)")
        assert loaded >= 1, "the page's fallback face did not load"
        numbers = a.text_content("[data-role=lines]").split()
        assert numbers[:3] == ["1", "2", "3"], numbers[:3]
        assert len(numbers) == len(read(a_cfg["issue"]).split("\n")), len(numbers)

        step("a click on a title lands on its line")
        click_title(a, a_cfg["title"])
        cursor_line(a, a_cfg["title"]["line"], "the title's line in preview a")
        click_title(b, b_cfg["title"])
        cursor_line(b, b_cfg["title"]["line"], "the title's line in preview b")

        step("an edit on disk shows, and the scroll position stays")
        a.eval_on_selector("[data-role=pages]", "e => { e.scrollTop = 400; }")
        before = hashes(a)
        text = read(a_cfg["issue"])
        assert "number: 9\n" in text
        edited = text.replace("number: 9\n", "number: 19\n", 1)
        save_on_disk(a_cfg["issue"], edited)
        wait(
            a,
            "h => document.querySelector('[data-page=\"1\"]').dataset.hash !== h",
            before[0],
            "page 1 redrawn after the edit on disk",
        )
        editor_holds(a, edited, "the editor reloads the file saved elsewhere")
        after = hashes(a)
        assert len(after) == len(before), (len(before), len(after))
        assert after[1:] == before[1:], "only page 1 changed, only page 1 was sent again"
        scroll = a.eval_on_selector("[data-role=pages]", "e => e.scrollTop")
        assert abs(scroll - 400) <= 1, f"the pages kept their scroll position ({scroll})"
        assert b.eval_on_selector("[data-role=editor]", "e => e.value") == read(b_cfg["issue"])

        step("a broken save shows located diagnostics and keeps the pages")
        title_line = a_cfg["title"]["line"]
        lines = edited.split("\n")
        assert "- title:" in lines[title_line - 1], lines[title_line - 1]
        lines[title_line - 1] = lines[title_line - 1].replace("- title:", "- titel:", 1)
        broken = "\n".join(lines)
        kept = hashes(a)
        save_on_disk(a_cfg["issue"], broken)
        wait(
            a,
            "document.querySelector('[data-role=diagnostics] li[data-severity=error][data-line]') !== null",
            what="an error with its line in the diagnostics",
        )
        item = a.locator("[data-role=diagnostics] li[data-severity=error][data-line]").first
        assert item.get_attribute("data-line") == str(title_line), item.get_attribute("data-line")
        column = lines[title_line - 1].index("titel") + 1
        assert item.get_attribute("data-column") == str(column), item.get_attribute("data-column")
        said = item.text_content()
        assert "unknown key `titel`" in said and "title" in said.split("unknown key")[1], said
        assert f":{title_line}:{column}" in said, said
        assert hashes(a) == kept, "the last good pages stay"
        assert a.eval_on_selector("[data-role=pages]", "e => e.classList.contains('stale')")
        a.eval_on_selector("[data-role=editor]", "e => { e.setSelectionRange(0, 0); e.dataset.cursorLine = '1'; }")
        item.click()
        cursor_line(a, title_line, "a click on the diagnostic moves the editor to its line")
        save_on_disk(a_cfg["issue"], edited)
        wait(
            a,
            "document.querySelector('[data-role=diagnostics] li[data-severity=error]') === null"
            " && !document.querySelector('[data-role=pages]').classList.contains('stale')",
            what="the next good save clears the diagnostics",
        )
        editor_holds(a, edited, "the editor follows the fixed file")

        step("the same in Chinese (--lang zh)")
        b_text = read(b_cfg["issue"])
        b_lines = b_text.split("\n")
        t = b_cfg["title"]["line"]
        b_lines[t - 1] = b_lines[t - 1].replace("title:", "titel:", 1)
        save_on_disk(b_cfg["issue"], "\n".join(b_lines))
        wait(
            b,
            "document.querySelector('[data-role=diagnostics] li[data-severity=error][data-line]') !== null",
            what="preview b's error",
        )
        said = b.locator("[data-role=diagnostics] li[data-severity=error]").first.text_content()
        assert "未知的键" in said and "错误" in said, said
        save_on_disk(b_cfg["issue"], b_text)
        wait(
            b,
            "document.querySelector('[data-role=diagnostics] li[data-severity=error]') === null",
            what="preview b recovers",
        )
        step("warnings show the same way: an article with an empty body")
        original = b_text.split("\n")
        first = next(i for i, l in enumerate(original) if l.lstrip().startswith("- title:"))
        indent = original[first][: len(original[first]) - len(original[first].lstrip())]
        empty = original[:first] + [indent + "- title: 空白稿件", indent + "  body: []"] + original[first:]
        save_on_disk(b_cfg["issue"], "\n".join(empty))
        wait(
            b,
            "document.querySelector('[data-role=diagnostics] li[data-severity=warning][data-line]') !== null",
            what="preview b's warning",
        )
        warning = b.locator("[data-role=diagnostics] li[data-severity=warning]").first
        assert warning.get_attribute("data-line") == str(first + 1), warning.get_attribute("data-line")
        assert "空白稿件" in warning.text_content() and "警告" in warning.text_content(), warning.text_content()
        save_on_disk(b_cfg["issue"], b_text)
        wait(
            b,
            "document.querySelector('[data-role=diagnostics] li') === null",
            what="preview b has no diagnostics again",
        )

        step("the page's editor saves (Ctrl+S and the button)")
        page1 = hashes(a)[0]
        typed = edited.replace("number: 19\n", "number: 29\n", 1)
        a.fill("[data-role=editor]", typed)
        assert a.is_enabled("[data-role=save]"), "an edit enables the save button"
        a.focus("[data-role=editor]")
        a.keyboard.press("Control+s")
        wait(a, "() => document.querySelector('[data-role=save]').disabled",
             what="saved (the button is disabled again)")
        wait(a, "h => document.querySelector('[data-page=\"1\"]').dataset.hash !== h", page1,
             "page 1 redrawn after the editor's save")
        assert read(a_cfg["issue"]) == typed, "the file holds what the editor saved"
        leftovers = [n for n in os.listdir(os.path.dirname(a_cfg["issue"])) if n.startswith(".jianbao-")]
        assert not leftovers, leftovers
        again = typed.replace("number: 29\n", "number: 39\n", 1)
        a.fill("[data-role=editor]", again)
        a.click("[data-role=save]")
        wait(a, "() => document.querySelector('[data-role=save]').disabled", what="saved with the button")
        assert read(a_cfg["issue"]) == again, "the button saved"

        step("a save is refused when the file changed on disk since it was loaded")
        a.fill("[data-role=editor]", again.replace("number: 39\n", "number: 49\n", 1))
        elsewhere = again.replace("number: 39\n", "number: 59\n", 1)
        save_on_disk(a_cfg["issue"], elsewhere)
        wait(a, "() => !document.querySelector('[data-role=notice]').hidden",
             what="the page says the file changed on disk")
        a.keyboard.press("Control+s")
        wait(
            a,
            "() => document.querySelector('[data-role=notice-text]').textContent.includes('not saved')",
            what="the save is refused and the page says so",
        )
        assert read(a_cfg["issue"]) == elsewhere, "the refused save wrote nothing"
        a.click("[data-role=reload]")
        editor_holds(a, elsewhere, "reload from disk")
        assert a.is_hidden("[data-role=notice]")

        step("each export downloads a whole file, named after the issue")
        folder = CONFIG["downloads"]
        pdf_pages = check_export(a, "pdf", a_cfg["stem"], folder)
        assert pdf_pages == a_cfg["pages"], (pdf_pages, a_cfg["pages"])
        for kind in ("ofd", "docx", "html"):
            check_export(a, kind, a_cfg["stem"], folder)
        check_export(b, "pdf", b_cfg["stem"], folder)

        step("a text file dropped on the page is added as an article")
        count = len(hashes(a))
        last = hashes(a)[-1]
        transfer = a.evaluate_handle(
            """text => { const t = new DataTransfer();
                         t.items.add(new File([text], '投稿.txt', { type: 'text/plain' }));
                         return t; }""",
            CONFIG["submission"],
        )
        a.dispatch_event("[data-role=pages]", "drop", {"dataTransfer": transfer})
        wait(a, "() => document.querySelector('[data-role=status]').dataset.added === 'yes'",
             what="the article is added")
        title = CONFIG["submission"].split("\n")[0].strip()
        wait(a, "t => document.querySelector('[data-role=editor]').value.includes(t)", title,
             "the editor shows the added article")
        assert title in read(a_cfg["issue"])
        wait(
            a,
            "([n, h]) => { const ps = [...document.querySelectorAll('[data-page]')];"
            " return ps.length > n || ps[ps.length - 1].dataset.hash !== h; }",
            [count, last],
            "the pages follow the added article",
        )

        assert not errors, errors
        browser.close()
    print("ok", flush=True)


if __name__ == "__main__":
    main()
