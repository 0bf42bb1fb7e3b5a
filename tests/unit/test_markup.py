"""The corrections made to the HTML Material writes (portfolio.markup)."""

from __future__ import annotations

from portfolio.markup import corrected, titles_marked
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


# A German page of a fork: the menu, a section and the footer as Material writes them.
THEME_TITLES = (
    '<a href="../04/" class="md-nav__link">\n  <span class="md-ellipsis">\n    Trainer\'s checklists\n  </span>\n</a>\n'
    '<a href="../05/" class="md-nav__link">\n  <span class="md-ellipsis">\n    Schritt 5\n  </span>\n</a>\n'
    '<label class="md-nav__title" for="__nav_2">\n  <span class="md-nav__icon md-icon"></span>\n  Handbook\n</label>\n'
    '<a href="../04/" class="md-footer__link md-footer__link--next" aria-label="Weiter: Trainer&#39;s checklists">\n'
    '<div class="md-ellipsis">\n  Trainer\'s checklists\n</div>\n</a>'
)


def test_titles_not_yet_translated_say_their_language_where_the_theme_writes_them():
    """The titles a fork's language does not translate yet are read with an English voice
    (WCAG 3.1.2): in the menu, over a section, in the footer, whose link is then named by
    its text (each part in its language) instead of a label read in one voice."""
    page = titles_marked(THEME_TITLES, {"Trainer's checklists": "en", "Handbook": "en"})
    assert page.count('<span class="md-ellipsis" lang="en" dir="ltr">') == 1
    assert '<span class="md-ellipsis">\n    Schritt 5' in page  # translated: as it was
    assert '<label class="md-nav__title" for="__nav_2" lang="en" dir="ltr">' in page
    assert '<div class="md-ellipsis" lang="en" dir="ltr">' in page
    assert "aria-label" not in page
    assert titles_marked(THEME_TITLES, {}) == THEME_TITLES  # a language translated throughout


def test_the_heads_links_to_other_languages_are_left_out_with_the_spaces_before_them():
    head = (
        '<head>\n    <meta charset="utf-8">\n'
        '      <link rel="alternate" href="/handbook/" hreflang="en">\n'
        '      <link rel="alternate" href="/fr/handbook/" hreflang="fr">\n'
        "    <title>Handbook</title>\n</head>"
    )
    assert corrected(head) == '<head>\n    <meta charset="utf-8">\n    <title>Handbook</title>\n</head>'
