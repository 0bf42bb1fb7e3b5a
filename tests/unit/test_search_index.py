"""Each language's search index, written from the entries its own build made (the real
build's indexes are checked in tests/build/test_site.py and tests/fork/test_fork.py)."""

from __future__ import annotations

import json

import pytest
from material.plugins.search.plugin import Parser

from portfolio.project import Languages
from portfolio.search_index import INDEX, VARIANTS, searchable, split_search_index, typed_variants

LANGS = Languages("en", ("en", "fr", "uk"), {"en": "English", "fr": "Français", "uk": "Українська"})
CONFIG = {"lang": ["en", "fr"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"], "fields": {}}


def _entry(location: str, title: str, text: str = "") -> dict:
    return {"location": location, "title": title, "text": text}


def test_a_language_finds_the_english_pages_it_shows_at_its_own_address(tmp_path):
    english = [_entry("handbook/", "Handbook", "The library lends books."), _entry("handbook/#quiz", "Handbook")]
    built = {
        "en": english,
        "fr": [_entry("fr/handbook/", "Manuel", "La bibliothèque prête des livres.")],
        # Ukrainian shows the English page in its folder: static-i18n's combined index leaves it out.
        "uk": [{**entry, "location": f"uk/{entry['location']}"} for entry in english],
    }
    (tmp_path / "search").mkdir()
    combined = {"config": CONFIG, "docs": [*english, *built["fr"]]}
    (tmp_path / INDEX).write_text(json.dumps(combined), encoding="utf-8")

    assert split_search_index(tmp_path, LANGS, built) == {"en": 1, "fr": 1, "uk": 1}
    written = {lang: tmp_path / LANGS.folder(lang) / INDEX for lang in LANGS.built}
    indexes = {lang: json.loads(path.read_text(encoding="utf-8")) for lang, path in written.items()}
    assert indexes["uk"]["docs"] == [_entry("handbook/", "Handbook", "The library lends books.")]
    french = _entry("handbook/", "Manuel", "La bibliothèque prête des livres.")
    assert indexes["fr"]["docs"] == [{**french, VARIANTS: "bibliotheque prete"}]
    assert indexes["fr"]["config"]["fields"][VARIANTS] == {"boost": 1.0}
    assert indexes["en"]["docs"] == indexes["uk"]["docs"]  # the quiz's emptied section left out
    # lunr's languages: each index its own, English where lunr has no stemmer for it.
    lunr = {lang: index["config"]["lang"] for lang, index in indexes.items()}
    assert lunr == {"en": ["en"], "fr": ["fr"], "uk": ["en"]}
    assert indexes["fr"]["config"]["pipeline"] == CONFIG["pipeline"]


def test_a_language_that_shows_english_pages_reads_its_index_with_english_word_rules_too(tmp_path):
    """A partly translated language's index holds English pages: lunr reads it with that
    language's word rules and English ones; a language lunr has no rules for, with
    English ones alone."""
    built = {lang: [_entry(f"{LANGS.folder(lang)}handbook/", "Handbook", "Books.")] for lang in LANGS.built}
    (tmp_path / "search").mkdir()
    (tmp_path / INDEX).write_text(json.dumps({"config": CONFIG, "docs": built["en"]}), encoding="utf-8")

    split_search_index(tmp_path, LANGS, built, partial=["fr", "uk"])
    indexes = {lang: json.loads((tmp_path / LANGS.folder(lang) / INDEX).read_text()) for lang in LANGS.built}
    lunr = {lang: index["config"]["lang"] for lang, index in indexes.items()}
    assert lunr == {"en": ["en"], "fr": ["fr", "en"], "uk": ["en"]}


@pytest.mark.parametrize("line_break", ["<br>", "<br/>", "<BR />"])
def test_the_words_either_side_of_a_line_break_are_two_words_in_the_index(line_break):
    """Material's search parser drops a <br>: the forms list's "36 KB<br>Editable" was
    indexed as "36 KBEditable", and neither word found the form. The page as the search
    reads it keeps a space there; readers get the page as written."""
    html = f'<p><a href="f.pdf">Printable · 36 KB</a>{line_break}<a href="f.docx">Editable · 20 KB</a></p>'
    parser = Parser()
    parser.feed(searchable(html))
    parser.close()
    text = "".join("".join(section.text) for section in parser.data)
    assert "36 KB Editable" in text


def test_words_are_found_as_a_phone_keyboard_types_them():
    """A reader often leaves out accents and Arabic vowel marks, and joins the particle to
    the word: each entry also holds those forms (once each), unless it holds them already
    (السرية is written, so والسرية adds nothing)."""
    assert typed_variants("<p>Le <strong>bénévole</strong> et la confidentialité, façon Bénévole</p>") == (
        "benevole",
        "confidentialite",
        "facon",
    )
    assert typed_variants("المنسّق والسرية بالسرية للمنسّق السرية أسرة وقت الوقت والد") == (
        "المنسق",
        "للمنسق",
        "اسرة",
    )
    assert typed_variants("Volunteers and the coordinator") == ()
