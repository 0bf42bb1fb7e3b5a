"""The offline copy, opened from disk with the network off: pages and search work."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from conftest import LANGUAGES, QUERIES, RESULT_LINKS, SEARCH

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_works_from_file_with_no_network(browser, offline_site, lang):
    context = browser.new_context(offline=True)
    page = context.new_page()
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    folder = "" if lang == "en" else f"{lang}/"
    page.goto((offline_site / folder / "index.html").as_uri())
    page.click(SEARCH)
    page.fill(SEARCH, QUERIES[lang])
    page.press(SEARCH, "End")
    page.wait_for_selector(RESULT_LINKS, timeout=15000)
    links = page.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => a.href)")
    context.close()
    assert all(link.startswith((offline_site / folder).as_uri()) for link in links), links
    # Results open files, not folders (a folder URL shows a listing, not the page).
    assert links and all(urlsplit(link).path.endswith(".html") for link in links), links
    # Nothing leaves the disk. Material's language menu also tries to read
    # sitemap.xml, which browsers refuse over file://; the menu's plain links work.
    assert all(url.startswith("file://") for url in failed), failed
    assert [url for url in failed if not url.endswith("/sitemap.xml")] == []
