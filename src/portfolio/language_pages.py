"""Which pages exist in each language, and which fall back to the default language; and
the language each title of a page's menus, header and footer is written in, where a
language is only partly translated (markup.titles_marked marks those in another
language than the page)."""

from __future__ import annotations

import functools
import re
from collections.abc import Collection
from pathlib import Path

from lxml import html as lxml_html

from portfolio.locale_facts import Said
from portfolio.project import DOCS_DIR, Languages


def pages(root: Path, lang: str) -> set[str]:
    """The Markdown pages of one language, as paths relative to its folder."""
    folder = root / DOCS_DIR / lang
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*.md")}


def fallbacks(root: Path, languages: Languages) -> dict[str, list[str]]:
    """For each built language, the default-language pages it has no translation of."""
    source = pages(root, languages.default)
    return {lang: sorted(source - pages(root, lang)) for lang in languages.built}


# The titles of the menus ----------------------------------------------------------


def nav_title(item, lang: str, default: str, translated: Collection[str], given: Collection[str]) -> Said:
    """The title a menu entry (a section or a page of MkDocs' navigation) shows, with the
    language it is in. A title written in mkdocs.yml's `nav` (`given`: a section's, or
    one given to a page) is in the default language unless the language's
    `nav_translations` translates it (`translated`: the translations); a page's own title
    is in the language of its file, the default language's where the page is not
    translated yet."""
    title = item.title or ""
    if title in translated:
        return Said(title, lang)
    if item.is_section or title in given:
        return Said(title, default)
    return Said(title, written_in(item, lang))


def given_titles(nav: list | None) -> frozenset[str]:
    """The titles mkdocs.yml's `nav` gives its sections and pages (`- Title: page.md`)."""
    found: set[str] = set()
    stack = list(nav or [])
    while stack:
        entry = stack.pop()
        if isinstance(entry, dict):
            for title, value in entry.items():
                found.add(str(title))
                stack.extend(value if isinstance(value, list) else [])
    return frozenset(found)


def menu_titles(items, lang: str, default: str, translated: Collection[str], given: Collection[str]) -> dict[str, str]:
    """The titles of the navigation (`items`, sections within sections) that are not in
    `lang`, each with the language it is in."""
    found: dict[str, str] = {}
    stack = list(items)
    while stack:
        item = stack.pop(0)
        _add(found, nav_title(item, lang, default, translated, given), lang)
        stack.extend(getattr(item, "children", None) or [])
    return found


def page_titles(page, lang: str, default: str, translated: Collection[str], given: Collection[str]) -> dict[str, str]:
    """The titles the theme writes around a page's content that are not in `lang`: the
    page's own (in the header), its neighbours' (in the footer) and the entries of its
    table of contents, each with the language it is in."""
    found: dict[str, str] = {}
    for neighbour in (page, page.previous_page, page.next_page):
        if neighbour is not None:
            _add(found, nav_title(neighbour, lang, default, translated, given), lang)
    stack = list(page.toc or [])
    while stack:
        entry = stack.pop()
        _add(found, toc_title(entry, page, lang), lang)
        stack.extend(entry.children)
    return found


def toc_title(entry, page, lang: str) -> Said:
    """The title of an entry of a page's table of contents, with the language its
    heading is in (a heading says it, or the element around it does; else the page's)."""
    page_lang = written_in(page, lang)
    return Said(entry.title, heading_languages(page.content or "", page_lang, lang).get(entry.id, page_lang))


def written_in(page, lang: str) -> str:
    """The language a page's own text is in: its file's (static-i18n), or `lang`."""
    return getattr(page.file, "locale", None) or lang


@functools.lru_cache(maxsize=8)  # each page's table of contents is written twice (both sidebars)
def heading_languages(content: str, page_lang: str, lang: str) -> dict[str, str]:
    """The language of each heading of a page's HTML, by its id: that of all its text
    (a heading whose text is one marked title: partials/said.html), else the nearest
    `lang` around it, else the page's. Nothing to read where every text is in `lang`."""
    if page_lang == lang and set(_LANG_ATTRIBUTE.findall(content)) <= {lang}:
        return {}
    root = lxml_html.fragment_fromstring(content, create_parent="div")
    return {h.get("id"): _heading_language(h, page_lang) for h in root.iter(*_HEADINGS) if h.get("id")}


# Helpers ----------------------------------------------------------------------


def _add(found: dict[str, str], title: Said, lang: str) -> None:
    """`title` among those `found` in another language than `lang` (the first language a
    text is found in stands)."""
    if title and title.lang != lang:
        found.setdefault(str(title), title.lang)


def _heading_language(heading, page_lang: str) -> str:
    """The one language all the heading's text is in, or the heading's own."""
    found = set()
    for element in heading.iter():
        if "headerlink" in (element.get("class") or "").split():  # the ¶ link MkDocs adds
            continue
        if element.text and element.text.strip():
            found.add(_language_at(element, page_lang))
        if element is not heading and element.tail and element.tail.strip():
            found.add(_language_at(element.getparent(), page_lang))
    return found.pop() if len(found) == 1 else _language_at(heading, page_lang)


def _language_at(element, page_lang: str) -> str:
    """The `lang` of an element or of its nearest ancestor that has one."""
    while element is not None:
        if element.get("lang"):
            return element.get("lang")
        element = element.getparent()
    return page_lang


# Data -------------------------------------------------------------------------
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_LANG_ATTRIBUTE = re.compile(r'\slang="([^"]+)"')
