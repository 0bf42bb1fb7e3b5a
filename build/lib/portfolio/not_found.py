"""One "page not found" per language.

MkDocs writes `404.html` at the root of the site, and static-i18n builds every language
into the same folder, so the last language built wins and its language menu points to
whatever page was built before it. Each language's 404 page is kept in its own folder
(`fr/404.html`), the default language's at the root, and the language menu of each
points to the languages' home pages. README.md says how a static host serves them.
"""

from __future__ import annotations

import re
from pathlib import Path

from portfolio.project import Languages

PAGE = "404.html"


def place(site_dir: Path, languages: Languages, lang: str, base_path: str) -> Path:
    """Move the 404 page just written at the root into `lang`'s folder, with language
    links to each home page; returns where it is."""
    source = site_dir / PAGE
    target = site_dir / languages.folder(lang) / PAGE
    html = with_home_links(source.read_text(encoding="utf-8"), languages, base_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")
    if target != source:
        source.unlink()
    return target


def with_home_links(html: str, languages: Languages, base_path: str) -> str:
    """The page with each language link (Material's menu) pointing to that language's home."""

    def home(match: re.Match) -> str:
        lang = match.group(2)
        folder = languages.folder(lang) if lang in languages.built else ""
        return f'{match.group(1)}{base_path}{folder}" hreflang="{lang}" class="md-select__link"'

    return _SELECT_LINK.sub(home, html)


# Data -------------------------------------------------------------------------
_SELECT_LINK = re.compile(r'(<a href=")[^"]*" hreflang="([\w-]+)" class="md-select__link"')
