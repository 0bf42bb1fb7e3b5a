"""The offline copy's changes to a built site, on a small one (the whole copy is
checked link by link in tests/build/test_site.py)."""

from __future__ import annotations

import json

from portfolio.offline_copy import make_offline_copy
from portfolio.project import Languages

LANGS = Languages("en", ("en", "fr"), {"en": "English", "fr": "Français"})
LINKS = {
    "../glossary/": "../glossary/index.html",
    "../glossary/#terms": "../glossary/index.html#terms",
    "./": "./index.html",
    ".": "./index.html",
    "..": "../index.html",
    "../../": "../../index.html",
    "#terms": "#terms",
    "": "",
    "../guide.pdf": "../guide.pdf",
    "../assets/site.css": "../assets/site.css",
    "https://example.org/a/": "https://example.org/a/",
    "mailto:team@example.org": "mailto:team@example.org",
    "/from-the-root/": "from-the-root/index.html",
    "//host.example.org/a/": "//host.example.org/a/",
}
# A page two folders down: links from the site's root and to its parents.
NESTED = {"/fr/": "../../fr/index.html", "/": "../../index.html", "../..": "../../index.html", "/a.css": "../../a.css"}


def test_folder_links_become_their_pages_and_the_copy_leaves_out_its_own_download(tmp_path):
    site = tmp_path / "site"
    (site / "fr/search").mkdir(parents=True)
    (site / "search").mkdir()
    anchors = "\n".join(f'<a href="{href}">x</a>' for href in LINKS)
    download = '  <li data-online-only><a href="copy.zip">Offline</a> (zip): unzip it</li>\n'
    page = f"<ul>\n{download}  <li>kept</li>\n</ul>\n{anchors}\n"
    (site / "index.html").write_text(page, encoding="utf-8")
    (site / "a/b").mkdir(parents=True)
    (site / "a/b/index.html").write_text("\n".join(f'<a href="{href}">x</a>' for href in NESTED), encoding="utf-8")
    (site / "copy.zip").write_bytes(b"zip")
    index = {"config": {}, "docs": [{"location": ""}, {"location": "#why"}, {"location": "a/b/#c"}]}
    for folder in ("", "fr/"):
        (site / folder / "search/search_index.json").write_text(json.dumps(index), encoding="utf-8")

    make_offline_copy(site, tmp_path / "copy", LANGS, leave_out=("copy.zip",))

    copied = (tmp_path / "copy/index.html").read_text(encoding="utf-8")
    assert [line.split('"')[1] for line in copied.splitlines() if line.startswith("<a ")] == list(LINKS.values())
    assert "copy.zip" not in copied and "<li>kept</li>" in copied
    nested = (tmp_path / "copy/a/b/index.html").read_text(encoding="utf-8")
    assert [line.split('"')[1] for line in nested.splitlines()] == list(NESTED.values())
    assert not (tmp_path / "copy/copy.zip").exists()
    for folder in ("", "fr/"):
        script = (tmp_path / "copy" / folder / "search/search_index.js").read_text(encoding="utf-8")
        locations = [doc["location"] for doc in json.loads(script.removeprefix("var __index = "))["docs"]]
        assert locations == ["./index.html", "index.html#why", "a/b/index.html#c"]
