"""No page loads anything from outside its own origin, in any language."""

from __future__ import annotations

import pytest

from conftest import LANGUAGES, PAGE_TYPES, QUERIES, search

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_and_search_stay_on_the_site(page, site_url, lang):
    outside: list[str] = []
    page.on("request", lambda request: outside.append(request.url) if not request.url.startswith(site_url) else None)
    folder = "" if lang == "en" else f"{lang}/"
    for path in PAGE_TYPES.values():
        page.goto(site_url + folder + path)
        page.wait_for_load_state("networkidle")
    assert search(page, QUERIES[lang])
    assert outside == []
