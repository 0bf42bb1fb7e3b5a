"""The theme's own labels on the built pages: the Arabic pages say what the project
writes for them (curriculum/interface.yml, `theme-` keys) where mkdocs-material's Arabic
misspells them or says something else; the English and French pages keep the theme's
words, and a language with no such texts keeps the theme's labels."""

from __future__ import annotations

import functools
import html
import json
import re
from importlib.resources import files

import jinja2
import pytest

from conftest import LANGUAGES, project_state
from portfolio.interface import theme_labels

# What the Arabic pages must say, where the theme's Arabic writes the word in brackets.
ARABIC = {
    "search": "ابحث",  # [إبحث]
    "select.language": "اختر اللغة",  # [إختر اللغة]
    "header": "رأس الصفحة",  # [عنوان العارضة], "the bar's title"
    "footer": "تذييل الصفحة",  # [هامش سفلي], "a bottom margin"
    "search.result.one": "مستند واحد مطابق",  # [نتائج البحث مستند واحد]
    "search.result.other": "المستندات المطابقة: #",  # [نتائج البحث # مستندات]
    "search.result.more.one": "نتيجة أخرى في هذه الصفحة",  # [أكثر من 1 في هذه الصفحة], "more than 1"
    "search.result.more.other": "نتائج أخرى في هذه الصفحة: #",  # [أكثر من # في هذه الصفحة]
}
# Where a page shows each label: the attribute of an element, or the theme's script
# settings. The search box's name is its placeholder's key too.
PLACES = {
    "search.placeholder": r'<input type="text" class="md-search__input"[^>]* placeholder="([^"]*)"',
    "search.input": r'<input type="text" class="md-search__input"[^>]* aria-label="([^"]*)"',
    "search": r'<nav class="md-search__options" aria-label="([^"]*)"',
    "select.language": r'<div class="md-select">\s*<button class="md-header__button md-icon" aria-label="([^"]*)"',
    "header": r'<nav class="md-header__inner md-grid" aria-label="([^"]*)"',
    "footer": r'<nav class="md-footer__inner md-grid" aria-label="([^"]*)"',
}
SETTINGS = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)


@functools.cache
def theme_label(lang: str, key: str) -> str:
    """The label the installed theme's own file writes for `key` in `lang`."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(files("material") / "templates")))
    return str(env.get_template(f"partials/languages/{lang}.html").module.t(key))


def labels_of(page: str) -> dict[str, str]:
    """The theme's labels as a built page shows them, by the theme's key."""
    found = {}
    for key, pattern in PLACES.items():
        match = re.search(pattern, page)
        assert match, key
        found[key] = html.unescape(match.group(1))
    settings = json.loads(SETTINGS.search(page).group(1))
    found |= {key: text for key, text in settings["translations"].items() if key.startswith("search.result")}
    return found


def home(site, lang: str) -> str:
    return (site / ("" if lang == "en" else lang) / "index.html").read_text(encoding="utf-8")


def test_arabic_pages_say_the_corrected_labels(built_pages):
    shown = labels_of(home(built_pages, "ar"))
    assert {key: shown[key] for key in ARABIC} == ARABIC
    assert shown["search.input"] == shown["search.placeholder"] == theme_label("ar", "search.placeholder") == "بحث"
    # The other labels are the theme's Arabic, and the page is still Arabic, right to left.
    page = home(built_pages, "ar")
    assert theme_label("ar", "action.skip") in page and theme_label("ar", "top") in page
    assert '<html lang="ar"' in page and '<body dir="rtl"' in page


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "ar"])
def test_english_and_french_pages_keep_the_themes_labels(built_pages, lang):
    shown = labels_of(home(built_pages, lang))
    for key in [*ARABIC, "search.placeholder"]:
        assert shown[key] == theme_label(lang, key), key
    assert shown["search.input"] == theme_label(lang, "search.placeholder")
    assert f'<html lang="{lang}"' in home(built_pages, lang)


def test_a_language_without_texts_of_its_own_keeps_the_themes_labels():
    """A fork's new language: the theme's Portuguese, not the project's English."""
    assert theme_labels(project_state().interface, "pt") == {}
    assert theme_labels(project_state().interface, "ar")["select.language"] == ARABIC["select.language"]
