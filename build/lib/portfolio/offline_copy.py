"""The offline copy: the built site, changed where a browser reading it from the disk
(file://) would fail.

Opened from the disk, a link to a page's folder (`../glossary/`) shows the folder, not
its page; the search index cannot be fetched; and no Web Worker can start. The online
build already loads the worker stand-in on every page (assets/javascripts/iframe-worker.js,
which does nothing online) and Material loads `search/search_index.js` instead of the
JSON index from file://. So the copy is the built site with:

- every link to a page's folder pointing to the folder's `index.html` (the pages'
  `href` attributes and the search indexes' locations), and links from the site's
  root (`/fr/`, which static-i18n writes in the home pages' language menus and the
  404 pages hold) made relative to the page;
- each language's search index also written as that script;
- the link to the offline copy itself left out (the element marked `data-online-only`).

Making it from the built site, instead of building the site a second time with other
URLs, keeps its pages the same as the online ones and costs a fraction of a build.
"""

from __future__ import annotations

import functools
import json
import posixpath
import re
import shutil
from pathlib import Path

from portfolio.project import Languages
from portfolio.search_index import INDEX

# A link inside the site: not a scheme (https:, mailto:, data:), not `//host`, not only a fragment.
_HREF = re.compile(r'(\shref=")(?![a-zA-Z][a-zA-Z0-9+.-]*:|//|#)([^"#?]*)([^"]*)"')
# What only the online site shows (the download of this very copy), one element on one line.
_ONLINE_ONLY = re.compile(r"[ \t]*<(\w+) data-online-only>.*?</\1>\n?")
SCRIPT_INDEX = "search/search_index.js"


def make_offline_copy(site: Path, target: Path, languages: Languages, leave_out: tuple[str, ...] = ()) -> None:
    """Copy the built `site` into `target` (without the files named in `leave_out`) and
    make the copy work from the disk."""
    shutil.copytree(site, target, ignore=lambda folder, names: [n for n in names if n in leave_out])
    for page in target.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        folder = page.parent.relative_to(target).as_posix()
        changed = _ONLINE_ONLY.sub("", _HREF.sub(functools.partial(_to_file, folder=folder), text))
        if changed != text:
            page.write_text(changed, encoding="utf-8")
    for lang in languages.built:
        index = target / languages.folder(lang) / INDEX
        if index.is_file():
            data = json.loads(index.read_text(encoding="utf-8"))
            for doc in data["docs"]:
                doc["location"] = file_location(doc["location"])
            text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            index.write_text(text, encoding="utf-8")
            (target / languages.folder(lang) / SCRIPT_INDEX).write_text(f"var __index = {text}", encoding="utf-8")


def file_location(url: str) -> str:
    """A relative URL as it must be read from the disk: a folder's (`a/b/`, `./`, `..`,
    or nothing before a fragment) becomes its `index.html`."""
    path, mark, rest = url.partition("#")
    if path == "" and mark:
        return "index.html" + mark + rest  # the home page's sections ("#why")
    return _folder_page(path) + mark + rest


def _to_file(match: re.Match, folder: str) -> str:
    """A link of a page in `folder` (of the copy) as the disk needs it."""
    before, path, rest = match.groups()
    if path == "":
        return match.group(0)  # "?query" or "" alone: the page itself
    if path.startswith("/"):  # from the site's root: from this page's folder instead
        inside = posixpath.relpath(path.strip("/") or ".", folder)
        path = inside + "/" if path.endswith("/") and inside not in (".", "..") else inside
    return f'{before}{_folder_page(path)}{rest}"'


def _folder_page(path: str) -> str:
    """`path`, or its folder's index.html if it names a folder (`a/`, `.`, `../..`)."""
    if path == "":
        return "./index.html"
    if path.rsplit("/", 1)[-1] in (".", ".."):
        path += "/"
    return path + "index.html" if path.endswith("/") else path
