"""Search in a real browser: each language searches its own pages only."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from conftest import SEARCH, search

pytestmark = pytest.mark.browser


def test_french_search_shows_only_french_pages(page, site_url):
    page.goto(site_url + "fr/handbook/")
    links = search(page, "bénévoles")
    assert links
    assert all(link.startswith(site_url + "fr/") for link in links), links


def test_arabic_query_finds_arabic_pages(page, site_url):
    page.goto(site_url + "ar/")
    links = search(page, "التقييم")
    assert links
    assert all(link.startswith(site_url + "ar/") for link in links), links


def test_english_search_shows_no_other_language(page, site_url):
    page.goto(site_url + "training/")
    links = search(page, "volunteers")
    assert links
    assert not [link for link in links if link.startswith((site_url + "fr/", site_url + "ar/"))]


def test_a_result_opens_a_page_in_the_same_language(page, site_url):
    page.goto(site_url + "fr/")
    links = search(page, "auto-évaluation")
    page.goto(links[0])
    assert page.evaluate("document.documentElement.lang") == "fr"


@pytest.mark.parametrize("query", ["الرفيق", "الوحدات التدريبية ذات الصلة", "المنسّق"])
def test_arabic_results_are_arabic_pages_that_exist(page, site_url, query):
    """No empty result linking to `ar/undefined`, no English section among Arabic results."""
    page.goto(site_url + "ar/")
    links = search(page, query)
    assert links
    assert not [link for link in links if "undefined" in link or not link.startswith(site_url + "ar/")]
    titles = page.eval_on_selector_all(
        ".md-search-result__article h1, .md-search-result__article h2",
        "nodes => nodes.map(n => n.textContent.trim())",
    )
    assert titles and all(any("\u0600" <= c <= "\u06ff" for c in title) for title in titles), titles


def test_text_put_in_without_a_key_is_searched(page, site_url):
    """Material searches when a key is released: a word pasted, dictated or picked from
    a phone keyboard's suggestions, with the index already there, is searched all the same."""
    page.goto(site_url + "handbook/")
    search(page, "volunteers")  # the index is loaded
    page.fill(SEARCH, "")
    page.wait_for_selector(".md-search-result__item", state="detached")
    page.fill(SEARCH, "safeguarding")  # one input event, no key
    expect(page.locator(".md-search-result__list")).to_contain_text(re.compile("safeguarding", re.I))
    assert page.locator(".md-search-result__item").count()


def test_the_index_is_fetched_when_the_reader_turns_to_search(page, site_url):
    """A first visit downloads neither the search index (about 100 KB, often on a phone)
    nor the search worker; the first use of search does, and finds pages."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + "training/capsules/pre-matching/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in requested if "search_index" in url or "/workers/search." in url]
    links = search(page, "volunteers")
    assert links
    assert site_url + "search/search_index.json" in requested
    assert [url for url in requested if "/workers/search." in url]


@pytest.mark.parametrize(
    ("start", "typed", "written"),
    [
        ("fr/", "benevole", "bénévole"),
        ("fr/", "confidentialite", "confidentialité"),
        ("ar/", "المنسق", "المنسّق"),  # without the shadda, as a phone keyboard types it
    ],
)
def test_a_word_typed_without_its_accents_or_vowel_marks_is_found(page, site_url, start, typed, written):
    """A reader on a phone often leaves out accents and Arabic vowel marks: the same pages
    are found as with the written word."""

    def found(query: str) -> int:  # the number of pages the result list says it found
        page.goto(site_url + start)  # a fresh page: no result of another search is left to read
        assert search(page, query)
        return int(re.search(r"\d+", page.locator(".md-search-result__meta").inner_text()).group())

    assert found(typed) == found(written) > 1


def test_an_arabic_word_is_found_where_a_particle_is_joined_to_it(page, site_url):
    """السرية (confidentiality) also finds the pages that only write it with "and" or
    "with" joined to its article (والسرية, بالسرية): the buddy system's first step, which
    it did not find before."""
    page.goto(site_url + "ar/")
    links = search(page, "السرية")
    assert any("buddy-system/01" in link for link in links), links
