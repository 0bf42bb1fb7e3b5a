"""Every page type in every language, at phone (360 px) and desktop (1280 px) width, as a
reader meets it: nothing fails to load, nothing leaves the site, nothing marked hidden
shows, no page scrolls sideways, axe finds no WCAG 2.2 AA violation at either width (the
states a page reaches, an answered quiz or open search, are in
tests/quality/test_accessibility.py), and French and Arabic pages show no English
interface text."""

from __future__ import annotations

import pytest

from audit import violations
from conftest import LANGUAGES, PAGE_TYPES, ROOT, url
from portfolio.build_state import load_sources
from portfolio.locale_facts import direction

pytestmark = pytest.mark.browser

WIDTHS = {"phone": 360, "desktop": 1280}
PAGES = {**PAGE_TYPES, "safeguarding": "handbook/safeguarding/concern-procedure/", "forms": "handbook/forms/"}
PAGES["form"] = "handbook/forms/consent/"
PAGES["page not found"] = "404.html"  # served at any address the site does not have

STATE = load_sources(ROOT)


# Interface texts of two words or more whose English differs from the translation.
def _english(lang: str) -> list[str]:
    texts = STATE.interface.values()
    found = {
        t["en"]
        for t in texts
        if isinstance(t["en"], str)  # a text's plural forms hold a count: "{count} minutes"
        and " " in t["en"].strip()
        and "{" not in t["en"]
        and t.get(lang, t["en"]) != t["en"]
    }
    return [*sorted(found), "Permanent link"]


ENGLISH = {lang: _english(lang) for lang in ("fr", "ar")}

HIDDEN_BUT_SHOWN = """() => [...document.querySelectorAll('[hidden]')]
  .filter(e => getComputedStyle(e).display !== 'none')
  .map(e => e.outerHTML.slice(0, 80))"""


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", PAGES)
@pytest.mark.parametrize("width", list(WIDTHS))
def test_page_as_a_reader_meets_it(open_page, site_url, width, lang, kind):
    page = open_page(WIDTHS[width], bypass_csp=True)
    failed, outside = [], []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(site_url) else None)
    page.goto(url(site_url, lang, PAGES[kind]), wait_until="load")
    assert failed == [], failed
    assert [u for u in outside if not u.startswith(("data:", "blob:", "about:"))] == []
    assert page.evaluate(HIDDEN_BUT_SHOWN) == []
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth + 1"), "scrolls sideways"
    assert violations(page) == []
    if lang != "en":
        text = page.evaluate(
            "document.body.innerText + ' ' + [...document.querySelectorAll('[title]')].map(e => e.title).join(' ')"
        )
        assert [s for s in ENGLISH[lang] if s in text] == []


SIDEWAYS = """() => document.documentElement.scrollWidth > innerWidth + 1"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_scrolls_sideways_on_a_phone(open_page, built_site, site_url, lang):
    """Every page of a language, not one per type: a quiz's long matches or a wide
    table on one page pushed the whole page sideways (a wide table may scroll inside
    its own frame)."""
    folder = built_site / ("" if lang == "en" else lang)
    others = {code for code in LANGUAGES if code != "en"} if lang == "en" else set()
    pages = sorted(
        p.parent.relative_to(folder).as_posix()
        for p in folder.glob("**/index.html")
        if p.relative_to(folder).parts[0] not in {"assets", "search", *others}
    )
    page = open_page(360)
    wide = []
    for path in pages:
        page.goto(url(site_url, lang, "" if path == "." else path + "/"))
        if page.evaluate(SIDEWAYS):
            wide.append(path)
    assert len(pages) > 40
    assert wide == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_missing_page_answers_in_its_language(built_site, lang):
    folder = "" if lang == "en" else f"{lang}/"
    page = (built_site / folder / "404.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in page
    assert ('<body dir="rtl"' in page) == (lang == "ar")
    for other in LANGUAGES:
        home = "/" if other == "en" else f"/{other}/"
        marked = f'lang="{other}" dir="{direction(other)}"'  # the entry says its language
        assert f'<a href="{home}" hreflang="{other}" class="md-select__link" {marked}>' in page
    # What it says is in the reader's language, and it leads back to that language's home.
    ui = STATE.interface
    assert f"<h1>{ui['not-found-title'][lang]}</h1>" in page and "Not found" not in page
    assert f'<a href="/{folder}">{ui["not-found-home"][lang]}</a>' in page
