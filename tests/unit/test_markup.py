"""The corrections made to the HTML Material writes (portfolio.markup)."""

from __future__ import annotations

from portfolio.markup import corrected
from portfolio.not_found import with_home_links
from portfolio.project import Languages

MENU = (
    '<li class="md-select__item">\n'
    '<a href="/fr/handbook/" hreflang="fr" class="md-select__link">\n  Français\n</a>\n'
    '<a href="/ar/handbook/" hreflang="ar" class="md-select__link">\n  العربية\n</a>\n'
    "</li>"
)


def test_each_language_menu_entry_carries_its_language_and_direction():
    page = corrected(MENU)
    assert '<a href="/fr/handbook/" hreflang="fr" class="md-select__link" lang="fr" dir="ltr">' in page
    assert '<a href="/ar/handbook/" hreflang="ar" class="md-select__link" lang="ar" dir="rtl">' in page
    assert corrected(page) == page  # marked once, whatever runs it again


def test_the_404_pages_home_links_still_find_the_corrected_entries():
    languages = Languages(default="en", built=("en", "fr", "ar"), names={})
    page = with_home_links(corrected(MENU), languages, "/")
    assert '<a href="/fr/" hreflang="fr" class="md-select__link" lang="fr" dir="ltr">' in page


def test_the_search_results_count_is_a_status_region():
    page = corrected('<div class="md-search-result__meta">\n  Initializing search\n</div>')
    assert page.startswith('<div class="md-search-result__meta" role="status" aria-live="polite">')
