"""No page loads anything from outside its own origin, in any language."""

from __future__ import annotations

import pytest

from conftest import LANGUAGES, PAGE_TYPES, QUERIES, search

pytestmark = pytest.mark.browser


# Every page type, in every language and at both widths, is loaded with the same check by
# tests/browser/test_every_page.py; here, what a page does after loading: search.
@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_stays_on_the_site(page, site_url, lang):
    outside: list[str] = []
    page.on("request", lambda request: outside.append(request.url) if not request.url.startswith(site_url) else None)
    folder = "" if lang == "en" else f"{lang}/"
    page.goto(site_url + folder + PAGE_TYPES["capsule"])
    page.wait_for_load_state("networkidle")
    assert search(page, QUERIES[lang])
    assert outside == []
